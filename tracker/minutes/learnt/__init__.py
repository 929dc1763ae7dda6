"""Small statistical models for the minutes reader, trained on the corpus's development pages
only (issue 17). Nothing here is imported until a page is read; see `proposer`."""
