"""Tests of the wizard: Pilot-driven flows and SVG snapshots."""
