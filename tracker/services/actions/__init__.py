"""Actions: the register, one action's detail, status updates and edits."""
