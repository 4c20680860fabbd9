"""The advisor's domain: knowledge, profiles, the engine and reports. Pure: no textual, no rich."""
