"""Small reusable pieces of the wizard's screens."""
