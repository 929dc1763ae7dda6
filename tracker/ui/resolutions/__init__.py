"""The Resolutions screen: committees, meetings, resolutions and their follow-ups."""
