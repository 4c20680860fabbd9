"""advisor: which AI model should a startup build on, and what will that choice cost it."""

__version__ = "0.1.0"
