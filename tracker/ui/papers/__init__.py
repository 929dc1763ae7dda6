"""The Papers screen: pick a template, a board and a meeting, preview the paper, write it out."""
