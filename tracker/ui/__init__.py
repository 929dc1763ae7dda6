"""The Textual app: the face programme managers, board secretaries and committee officers use."""
