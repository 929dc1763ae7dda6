"""The Returns screen."""
