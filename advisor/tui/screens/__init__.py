"""The wizard's screens: welcome, questions, review, results, model detail, export, revisit, file prompt."""
