"""UN document symbols (`A/RES/80/184`, `S/RES/242 (1967)`, `A/C.3/80/L.4/Rev.1`): the same in every language."""
from __future__ import annotations

SYMBOL_PATTERN = r"(?:[A-Z]{1,8}(?:\.\d+)?/)+[A-Za-z0-9.]+(?:/[A-Za-z0-9.]+)*(?: [A-Z](?:[-–][A-Z])?)?(?: \(\d{4}\))?"
