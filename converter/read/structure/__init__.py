"""Stage 2 of reading: blocks -> the document model (opening, masthead, body, annexes)."""
