"""The action register: find, filter and sort actions; see one; edit it; record its updates."""
