"""Committees: resolutions, minutes import and drafts, follow-ups and matters arising."""
