r"""How file names are written in messages, the report and the manifest: as one line of valid
Unicode that still says exactly which file it is.

A file name is bytes; Python gives a name that is not UTF-8 (Latin-1 `r\xe9solution.txt`) as a
str with a lone surrogate for each byte it cannot decode (`surrogateescape`), which no UTF-8
stream, JSON file or terminal can take, and a newline in a name would split a one-line message.
`shown()` writes such a name with backslash escapes, after Python's own:

- a byte that is not UTF-8: `\xe9` (`\x80` to `\xff`, always a raw byte: a character there is `\u0080`…);
- a control character: `\n`, `\r`, `\t`, `\x00` to `\x1f`, `\x7f`; C1 controls, the Unicode line and
  paragraph separators and any other lone surrogate: `\u0085`, `\u2028`, `\ud800`;
- a backslash: `\\` (on POSIX; on Windows it is the path separator and no name has the others).

So every other name is written as it is, and two different names are never written alike.
"""
from __future__ import annotations

import os
import re

_BACKSLASH = "\\\\" if os.sep == "/" else ""
_ESCAPED = re.compile(f"[{_BACKSLASH}\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x80:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def shown(name: str | os.PathLike[str]) -> str:
    r"""The name as it is written: `'r\udce9sume\n.txt'` (the bytes r, 0xE9, sume, a newline, .txt) ->
    `r\xe9sume\n.txt`; a plain name as it is."""
    text = os.fspath(name)
    return _ESCAPED.sub(_escape, text) if _ESCAPED.search(text) else text
