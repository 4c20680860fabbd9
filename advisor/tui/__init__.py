"""The wizard: a Textual face on the domain. It asks, shows and exports; the engine decides."""
