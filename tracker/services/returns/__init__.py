"""The reporting cycle before a board meets: who owes a return (the ledger), one return sheet
per owner out and back in, and chasers to those who have not returned."""
