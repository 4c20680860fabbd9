"""`advisor kb refresh`: public model catalogs read, compared with the knowledge base, written as an overlay and a review.

One importer per catalog (`litellm`, `models_dev`, `openrouter`, `huggingface`), recognised by content
(`reading`); `matching` maps their entries to knowledge-base models, `comparison` decides what moved,
`overlay` writes it, `review` says it. `fetch` is the only module in the project that opens an
outbound connection; only `advisor.cli` imports this package (an import contract says so).
"""
