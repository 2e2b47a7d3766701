"""Stage 1 of reading: text -> blocks (paragraphs of inline runs) and footnote definitions."""
