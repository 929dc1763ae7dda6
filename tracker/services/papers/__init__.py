"""Papers: the data each paper is built from, and rendering it through the templates."""
