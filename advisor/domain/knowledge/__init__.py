"""The knowledge base: its schema, the loader that layers and validates it, and what its terms mean."""
