"""Small statistical models trained on the judged corpus's development pages (issue 17)."""
