"""The founder's answers: the `Profile`, the wizard's question catalogue, and the wizard's progress through it."""
