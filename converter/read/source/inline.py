"""Inline text -> runs: emphasis, superscripts, footnote markers, printed lines.

Markdown-ish input marks italics with `*`, bold with `**`, superscripts with `<sup>` or the
Unicode superscript digits. Bold carries no meaning in a resolution except where two bold
runs touch (`…pénale****Dix-septième session**`): that is a line boundary the converter that
made the text fused away.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import ClassVar, TypeGuard

from converter.model import Emph, Footnote, NoteRef, Role, Run, Span, Sup, Text, plain_text
from converter.read.source.chars import is_blank

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_MAP = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

TOKEN = re.compile(
    r"(?=[<*\\\n" + SUPERSCRIPT_DIGITS + r"])"  # fail fast where no token can start
    r"(?:(?P<sup><sup>(?P<suptext>.*?)</sup>)"
    r"|(?P<br><br\s*/?>)"
    r"|(?P<usup>[" + SUPERSCRIPT_DIGITS + r"]+)"
    r"|(?P<hard>\\\n)"
    r"|(?P<escape>\\[*_\\<>#])"
    r"|(?P<stars>\*+)"
    r"|(?P<newline>\n))"
)

Resolver = Callable[[str], Footnote | None]


class _Break(Enum):
    """The end of a printed line among the runs of `_tokens`."""

    BREAK = "break"


BREAK = _Break.BREAK
Token = Run | _Break


TOKEN_START = re.compile(r"[<*\\\n" + SUPERSCRIPT_DIGITS + r"]")


def parse_lines(text: str, resolve: Resolver | None = None) -> list[list[Run]]:
    """Parse one block of text into its printed lines, each a list of runs."""
    if TOKEN_START.search(text) is None:  # no markup, one line: plain text
        line = tidy([Text(text)])
        return [line] if line else []
    tokens = _tokens(text, resolve or (lambda marker: None))
    lines: list[list[Run]] = [[]]
    for token in tokens:
        if token is BREAK:
            lines.append([])
        else:
            lines[-1].append(token)
    return [tidy(line) for line in lines if not is_blank(plain_text(line)) or _has_note(line)]


def parse_runs(text: str, resolve: Resolver | None = None) -> list[Run]:
    """Parse text into one run list; printed lines are joined with a space."""
    lines = parse_lines(text, resolve)
    out: list[Run] = []
    for line in lines:
        if out:
            out.append(Text(" "))
        out.extend(line)
    return tidy(out)


def _has_note(runs: list[Run]) -> bool:
    return any(isinstance(r, NoteRef) for r in runs)


def _tokens(text: str, resolve: Resolver) -> list[Token]:
    """Flat tokens (Text/Sup/NoteRef/BREAK), italic text already grouped into Emph."""
    return _Tokenizer(text, resolve).run()


class _Tokenizer:
    """One pass over TOKEN matches; the state is the open italic run (and where its `*` stands)
    and whether a bold run is open. One method per kind of token."""

    def __init__(self, text: str, resolve: Resolver):
        self.text, self.resolve = text, resolve
        self.out: list[Token] = []
        self.italic: list[Run] | None = None
        self.opened = 0  # where the open italic run's `*` stands
        self.bold = False
        self.bold_at: tuple[list[Run] | list[Token], int] | None = None  # where the open bold run's `**` stood
        self.split_at: int | None = None  # the line break a `***` inside a word made, while its italic is open

    def run(self) -> list[Token]:
        text, pos = self.text, 0
        for m in TOKEN.finditer(text):
            kind = m.lastgroup or ""
            if kind == "newline" and text.endswith("  ", 0, m.start()):
                kind = "hard"  # two trailing spaces: a hard line break
            if m.start() > pos:
                self.emit(Text(text[pos:m.start()]))
            pos = m.end()
            self.KINDS[kind](self, m)
        if pos < len(text):
            self.emit(Text(text[pos:]))
        if self.italic is not None and text[:self.opened].strip():
            # a `*` inside the text that nothing closes (`a*b`, `1978*?`) is no emphasis: it stays as
            # printed. One that opens the paragraph (`*Consciente également …`) is its italics.
            if self.split_at is not None:  # `i***n`: no line ends inside a word, the stars stay as printed
                self.out[self.split_at] = Text("**")
            self.out.append(Text("*"))
            self.out.extend(self.italic)
        else:
            self.close_italic()
        self.restore_open_bold()
        return self.out

    def restore_open_bold(self) -> None:
        """`expe**rts`: a `**` that nothing closes stays as printed, where it stood; at the very
        end after a line break (`(Eritrea).****`), on the line it ends."""
        if not self.bold or self.bold_at is None:
            return
        runs, at = self.bold_at
        rest_blank = all(isinstance(r, Text) and not r.text.strip() for r in runs[at:])
        if at and runs[at - 1] is BREAK and rest_blank:
            at -= 1
        runs.insert(at, Text("**"))

    def emit(self, run: Run) -> None:
        (self.italic if self.italic is not None else self.out).append(run)

    def close_italic(self) -> None:
        if self.italic is not None:
            self.out.append(Emph(self.italic))
            self.italic, self.split_at = None, None

    def open_italic(self, at: int) -> None:
        self.italic, self.opened = [], at

    def marker(self, text_marker: str) -> NoteRef | None:
        note = self.resolve(text_marker)
        return NoteRef(text_marker, note) if note is not None else None

    def sup(self, m: re.Match[str]) -> None:
        inner = m.group("suptext")
        self.emit(self.marker(inner.strip()) or Sup(inner))

    def usup(self, m: re.Match[str]) -> None:
        digits = m.group("usup").translate(SUPERSCRIPT_MAP)
        self.emit(self.marker(digits) or Sup(digits))

    def escape(self, m: re.Match[str]) -> None:
        self.emit(Text(m.group()[1:]))

    def hard(self, m: re.Match[str]) -> None:
        if self.bold or self.italic is not None:
            self.emit(Text(" "))  # a line broken inside a run: the run, and so the line, goes on
        else:
            self.br(m)

    def br(self, m: re.Match[str]) -> None:
        self.close_italic()
        self.out.append(BREAK)

    def newline(self, m: re.Match[str]) -> None:
        self.emit(Text(" "))

    def stars(self, m: re.Match[str]) -> None:
        stars = len(m.group("stars"))
        text = self.text
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        alone = before.isspace() and after.isspace()  # ` **** `: touching no word, so no emphasis
        if stars >= 2 and not self.bold and (alone or not before.isspace()) and not after.isalnum() \
                and (note := self.marker("*" * stars)) is not None:
            self.emit(note)  # `CZECHIA**,`, `GERMANY***,`, `(Spain),****`: the markers of notes `**` …
        elif stars == 1:
            self.one_star(m.start(), before, after)
        elif stars == 2:
            if self.bold and self.italic is not None and after.isspace():
                self.close_italic()
            self.toggle_bold()
        else:
            self.many_stars(m.start(), stars, before, after)

    def one_star(self, at: int, before: str, after: str) -> None:
        if self.italic is not None:
            self.close_italic()
        elif not after.isspace() and (after.isalnum() or not before.isalnum()):
            self.open_italic(at)  # opens a run: `*Recalling*`, `(*sic*)`; not `CHILE*,`
        else:
            note = self.marker("*") if not before.isspace() else None
            self.emit(note or Text("*"))

    def toggle_bold(self) -> None:
        self.bold = not self.bold
        runs = self.italic if self.italic is not None else self.out
        self.bold_at = (runs, len(runs)) if self.bold else None

    def many_stars(self, at: int, stars: int, before: str, after: str) -> None:
        """`***` or `****`: a bold run closes and another run opens at once: a new line."""
        self.close_italic()  # an italic run open before `***` ends there: none of its words is lost
        if self.bold:
            self.out.append(BREAK)
            rest = stars - 2
            self.bold = rest >= 2
            self.bold_at = (self.out, len(self.out)) if self.bold else None
            if rest % 2 == 1 and not after.isspace():
                self.open_italic(at)
                if before.isalnum() and after.isalnum():
                    self.split_at = len(self.out) - 1
        else:
            self.toggle_bold()
            if stars % 2 == 1 and not after.isspace():
                self.open_italic(at)

    KINDS: ClassVar[dict[str, Callable[[_Tokenizer, re.Match[str]], None]]] = {
        "sup": sup, "usup": usup, "escape": escape, "hard": hard, "br": br, "newline": newline,
        "stars": stars,
    }


PUNCT_OUT = " \t,;:"
SPACES = re.compile(r"[ \t]{2,}")


def tidy(runs: list[Run]) -> list[Run]:
    """Merge adjacent text, move spaces and `,;:` out of emphasis edges, trim the ends."""
    if _all_text(runs):
        text = runs[0].text.strip() if len(runs) == 1 else "".join([run.text for run in runs]).strip()
        if "  " in text or "\t" in text:
            text = SPACES.sub(" ", text)
        return [Text(text)] if text else []
    flat: list[Run] = []
    for run in runs:
        if isinstance(run, Emph):
            children = tidy_inner(run.children)
            text = plain_text(children)
            if not text.strip() and not _has_note(children):
                flat.extend(children)
                continue
            lead = len(text) - len(text.lstrip(PUNCT_OUT))
            trail = len(text) - len(text.rstrip(PUNCT_OUT))
            head, children = split_runs(children, lead)
            body, tail = split_runs(children, len(text) - lead - trail)
            flat.extend(head)
            flat.append(Emph(body))
            flat.extend(tail)
        else:
            flat.append(run)
    merged = tidy_inner(flat)
    _strip_ends(merged)
    return merged


def _all_text(runs: list[Run]) -> TypeGuard[list[Text]]:
    """Whether every run is plain text (exactly `Text`: the fast path of `tidy`)."""
    return all(type(run) is Text for run in runs)


def tidy_inner(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if isinstance(run, Text):
            if not run.text:
                continue
            if merged and isinstance(merged[-1], Text):
                merged[-1] = Text(merged[-1].text + run.text)
                continue
            run = Text(run.text)
        merged.append(run)
    for i, run in enumerate(merged):
        if isinstance(run, Text) and ("  " in run.text or "\t" in run.text):
            merged[i] = Text(SPACES.sub(" ", run.text))
    return merged


def _strip_ends(runs: list[Run]) -> None:
    if runs and isinstance(runs[0], Text):
        runs[0] = Text(runs[0].text.lstrip())
        if not runs[0].text:
            runs.pop(0)
    if runs and isinstance(runs[-1], Text):
        runs[-1] = Text(runs[-1].text.rstrip())
        if not runs[-1].text:
            runs.pop()


def split_runs(runs: list[Run], offset: int) -> tuple[list[Run], list[Run]]:
    """Split runs at a character offset of their plain text; markers at the cut go right."""
    left: list[Run] = []
    right: list[Run] = []
    remaining = offset
    for i, run in enumerate(runs):
        if remaining <= 0:
            right.extend(runs[i:])
            return left, right
        if isinstance(run, Text):
            if len(run.text) <= remaining:
                left.append(run)
                remaining -= len(run.text)
            else:
                left.append(Text(run.text[:remaining]))
                right.append(Text(run.text[remaining:]))
                right.extend(runs[i + 1:])
                return left, right
        elif isinstance(run, Sup):
            left.append(run)
            remaining -= len(run.text)
        elif isinstance(run, (Emph, Span)):
            size = len(plain_text(run.children))
            if size <= remaining:
                left.append(run)
                remaining -= size
            else:
                inner_left, inner_right = split_runs(run.children, remaining)
                if inner_left:
                    left.append(_copy(run, inner_left))
                right.append(_copy(run, inner_right))
                right.extend(runs[i + 1:])
                return left, right
        else:
            left.append(run)
    return left, right


def _copy(run: Emph | Span, children: list[Run]) -> Emph | Span:
    if isinstance(run, Emph):
        return Emph(children)
    return Span(run.role, children, run.value)


def wrap(runs: list[Run], start: int, end: int, role: Role, value: str | None = None) -> list[Run]:
    """Wrap the characters start..end of the runs' plain text in a Span."""
    head, rest = split_runs(runs, start)
    mid, tail = split_runs(rest, end - start)
    return [*head, Span(role, mid, value), *tail]


def emphasize(runs: list[Run], length: int) -> list[Run]:
    """Put the first `length` characters in italics (a recognised opener), the rest as is."""
    head, tail = split_runs(runs, length)
    return [Emph(head), *tail]
