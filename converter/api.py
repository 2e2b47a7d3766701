"""The library entry points: `convert` text to AKN XML."""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from lxml import etree

from converter.identity import iri_number
from converter.lang import LanguageDataError, UndeterminedLanguage
from converter.model import Diagnostic, Document
from converter.read import NoStructure, read_text
from converter.validate import MAX_BYTES as MAX_XML_BYTES
from converter.validate.schema import secure_parser
from converter.write.akn import AknWriter, to_bytes


class InputError(ValueError):
    """Input that cannot be converted: the message says why, in one line."""


# What convert accepts, validate accepts. Over the 1,296 texts of corpus-mass that convert, the
# XML is at most 2.5 KB of metadata plus 6.5 times the text (7.2 times in all, a 3.6 KB decision
# of star-marked footnotes; large resolutions 1.2-1.6 times), so text up to an eighth of the
# validator's limit (8 MB, 40 times the largest resolution) gives XML it reads. XML over that
# limit all the same (thousands of one-word paragraphs) is refused, never written.
MAX_INPUT_BYTES = MAX_XML_BYTES // 8


@dataclass
class Result:
    xml: bytes
    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _tree: etree._Element | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def tree(self) -> etree._Element:
        """The parsed `xml` (parsed once, on first use: the checks run on it)."""
        if self._tree is None:
            self._tree = etree.fromstring(self.xml, secure_parser())
        return self._tree


def decode(data: bytes) -> str:
    """Bytes -> text, refusing what is not UTF-8 text (or UTF-16 with a byte-order mark)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark (Windows "Unicode")
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("not UTF-16 text, though it starts like it") from None
        if not text.strip("\ufeff \t\r\n"):
            raise InputError("empty file")
        return normalise(text)
    if not data.strip():
        raise InputError("empty file")
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    return normalise(text)


# a page break (PDF text); Word's manual line break; the C1 "next line"
LINE_BREAKS = str.maketrans({"\f": "\n", "\v": "\n", "\x85": "\n"})
# characters XML 1.0 cannot carry, and the control characters it allows but discourages (DEL, C1):
# never text, only debris of a conversion
NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
TO_CLEAN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")  # either of the above


def normalise(text: str) -> str:
    """Line ends as `\n`, no byte-order mark, only characters XML can carry: the same text
    whether it came as bytes or str."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if TO_CLEAN.search(text):  # one scan for the usual text, which has none of them
        text = NOT_XML.sub("", text.translate(LINE_BREAKS))
    return text


def convert(text: str | bytes, *, lang: str | None = None, number: str | None = None,
            date: str | None = None) -> Result:
    """Convert the text of a UN resolution or decision into AKN XML (bytes).

    `number` and `date` override what the text gives (or does not give) for the FRBR IRIs.
    A pure function of its inputs: the same text and options give the same bytes.
    """
    check_input_size(text)
    if isinstance(text, bytes):
        text = decode(text)
    elif not text.strip():
        raise InputError("empty file")
    else:
        text = normalise(text)
    try:
        document = read_text(text, lang=lang)
    except (NoStructure, LanguageDataError, UndeterminedLanguage) as exc:
        raise InputError(str(exc)) from None
    override(document, number, date)
    xml = to_bytes(AknWriter(document).write())
    if len(xml) > MAX_XML_BYTES:
        raise InputError(f"output too large ({len(xml)} bytes of XML, limit {MAX_XML_BYTES}, what akn validate "
                         "reads): not written")
    return Result(xml, document, document.diagnostics)


def check_input_size(text: str | bytes) -> None:
    """Refuse input over MAX_INPUT_BYTES (bytes as given; text as UTF-8) before any work on it."""
    if isinstance(text, str) and len(text) > MAX_INPUT_BYTES:  # 1 byte a character at least: no need to encode
        raise InputError(f"input too large ({len(text)} characters, limit {MAX_INPUT_BYTES} bytes)")
    if isinstance(text, bytes):
        size = len(text)
    else:  # at most 4 bytes a character: encoded only when it may matter
        size = len(text.encode("utf-8", "surrogatepass")) if len(text) * 4 > MAX_INPUT_BYTES else len(text)
    if size > MAX_INPUT_BYTES:
        raise InputError(f"input too large ({size} bytes, limit {MAX_INPUT_BYTES})")


NUMBER = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9./()\-]| (?=\S)){0,79}")


def override(document: Document, number: str | None, date: str | None) -> None:
    """Apply the caller's FRBR number and date; the diagnostics they answer are dropped."""
    ident = document.identity
    if number:
        if not NUMBER.fullmatch(number):
            raise InputError(f"--number {number!r} is not a UN symbol or number (letters, digits, and . / ( ) - "
                             "and spaces between them)")
        ident.number, ident.number_shown = iri_number(number), number
        document.diagnostics[:] = [d for d in document.diagnostics if d.code != "derived-number"]
    if date:
        try:
            ident.date = datetime.date.fromisoformat(date).isoformat()
        except ValueError:
            raise InputError(f"--date {date!r} is not a date (YYYY-MM-DD)") from None
        ident.date_name = "adoption" if not ident.name.endswith("Draft") else "publication"
        document.diagnostics[:] = [d for d in document.diagnostics if d.code != "no-date"]
