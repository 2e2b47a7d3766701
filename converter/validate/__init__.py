"""Validators: the official schema (lxml or xmlschema) and the AKN4UN profile rules.

`validate()` takes a path, bytes or a parsed tree and returns the problems as data; it never
reads the network or a DTD and never expands entities.
"""
from __future__ import annotations

import io
import itertools
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any, cast

from lxml import etree

from converter.filenames import shown
from converter.validate.problem import Problem
from converter.validate.profile import AKN_NS, MAX_PROBLEMS, line_of, positions_kept, profile_problems, xpath_of
from converter.validate.schema import lxml_schema, secure_parser, xmlschema_schema

ENGINES = ("lxml", "xmlschema")
PROFILES = ("auto", "akn4un", "none")
MAX_BYTES = 64 * 1024 * 1024  # a resolution with its annexes is a few MB


DOCTYPE_REFUSED = Problem(1, None, None, "DOCTYPE or ENTITY declaration refused: Akoma Ntoso needs no DTD, and "
                                         "entities are never expanded nor external files read", "no-doctype")


class ValidationInputError(OSError):
    """A file that cannot be read at all (missing, unreadable): a usage or I/O error, not a verdict."""


def _parse(source, max_bytes: int) -> tuple[etree._ElementTree | None, list[Problem]]:
    if isinstance(source, etree._ElementTree):
        return source, []
    if isinstance(source, etree._Element):
        return source.getroottree(), []
    data = _bytes_of(source, max_bytes)
    if isinstance(data, Problem):
        return None, [data]
    if _has_doctype(data):
        return None, [doctype_refused(data)]
    if len(data) > COUNT_ABOVE and (crowded := _too_many_elements(data)):
        return None, [crowded]
    try:
        root = etree.fromstring(data, secure_parser())
    except etree.XMLSyntaxError as exc:
        return None, [_syntax_problem(exc)]
    if root is None:
        return None, [Problem(None, None, None, "not XML: no root element", "well-formed")]
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        return None, [doctype_refused(data)]  # belt and braces: the prolog probe sees what libxml2 sees
    return tree, []


def _bytes_of(source, max_bytes: int) -> bytes | Problem:
    """The document's bytes (a path, bytes or XML text), or the `size` problem that refuses them."""
    if isinstance(source, str) and source.lstrip("\ufeff \t\r\n").startswith("<"):
        source = source.lstrip("\ufeff").encode("utf-8")  # XML text, not a path
        if source.lstrip().startswith(b"<?xml"):  # its declaration may name another encoding: drop it
            source = re.sub(rb"^\s*<\?xml[^>]*\?>", b"", source, count=1)
    if isinstance(source, (str, Path)):
        return _read_file(source, max_bytes)
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > max_bytes:
            return _too_large("document", len(data), max_bytes)
        return data
    raise TypeError(f"validate() takes a path, bytes, XML text or an lxml tree, not {type(source).__name__}")


def _too_large(what: str, size: int | None, max_bytes: int) -> Problem:
    told = f"{size} bytes" if size is not None else f"over {max_bytes} bytes as it was read"
    return Problem(None, None, None, f"{what} too large ({told}, limit {max_bytes})", "size")


# never wait for a writer (a FIFO), nor make a terminal ours; O_NONBLOCK changes nothing for a regular file
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def _read_file(source: str | Path, max_bytes: int) -> bytes | Problem:
    """The bytes of a regular file, never more than `max_bytes` + 1 of them. A FIFO, a device or
    a folder is refused before any read: reading it could block for ever, or never end."""
    if not str(source):
        raise ValidationInputError("an empty path")
    try:
        fd = os.open(source, OPEN_FLAGS)
    except OSError as exc:
        raise ValidationInputError(f"{shown(source)}: {exc.strerror or exc}") from None
    try:
        size = _regular_file_size(fd, source)
        if size > max_bytes:
            return _too_large("file", size, max_bytes)
        with open(fd, "rb", closefd=False) as file:
            data = file.read(size + 1)
            if len(data) > size:  # it grows as it is read: read on, up to the limit
                data += file.read(max_bytes + 1 - len(data))
    except ValidationInputError:
        raise
    except OSError as exc:
        raise ValidationInputError(f"{shown(source)}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    return _too_large("file", None, max_bytes) if len(data) > max_bytes else data


FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
              (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _regular_file_size(fd: int, source: str | Path) -> int:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in FILE_KINDS if test(info.st_mode)), "of another kind")
        raise ValidationInputError(f"{shown(source)}: not a regular file ({kind})")
    return info.st_size


def _syntax_problem(exc: etree.XMLSyntaxError) -> Problem:
    line = exc.lineno if exc.lineno else None
    msg = exc.msg if hasattr(exc, "msg") and exc.msg else str(exc)
    column = exc.position[1] if exc.position and exc.position[1] else None  # 1-based, as in the message
    if "try XML_PARSE_HUGE" in msg or "huge" in msg.lower():
        return Problem(line, column, None, f"beyond the safe parser's limits ({msg}): refused, not judged", "size")
    return Problem(line, column, None, f"not well-formed XML: {msg}", "well-formed")


class _Doctype(Exception):
    pass


class _RootElement(Exception):
    pass


class _PrologProbe:
    """A parser target that stops at the end of the prolog: at a DOCTYPE (before its internal
    subset is read: no declaration is ever made) or at the root element's start tag."""

    def doctype(self, name: str | None, public_id: str | None, system_url: str | None) -> None:
        raise _Doctype

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        raise _RootElement

    def close(self) -> None:
        return None


PROBE_CHUNK = 65536


def _has_doctype(data: bytes) -> bool:
    """Whether libxml2 itself finds a DOCTYPE in the document, whatever its encoding (a BOM,
    UTF-16 without one, a declaration) and however long the comments before it. It is fed
    chunk by chunk and stops at the root element, so a resolution costs one chunk."""
    probe = cast("etree.ParserTarget", _PrologProbe())  # no data, end or comment events: none are wanted
    parser = etree.XMLParser(target=probe, resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        for at in range(0, len(data), PROBE_CHUNK):
            parser.feed(data[at:at + PROBE_CHUNK])
        parser.close()
    except _Doctype:
        return True
    except (_RootElement, etree.XMLSyntaxError):  # the prolog ended, or is broken: the parse proper says how
        return False
    return False


COUNT_ABOVE = 4 * 1024 * 1024  # files larger than this are counted before a tree is built
MAX_ELEMENTS = 2_000_000  # about 1 GB of tree: a resolution with all its annexes has some 100,000
# where a DOCTYPE starts: the first `<!DOCTYPE` outside a comment or processing instruction
DOCTYPE_OR_SKIPPED = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!DOCTYPE", re.DOTALL)


UTF16_STARTS = {b"\xff\xfe": "utf-16", b"\xfe\xff": "utf-16", b"<\x00": "utf-16-le", b"\x00<": "utf-16-be"}


def doctype_refused(data: bytes) -> Problem:
    if codec := UTF16_STARTS.get(data[:2]):  # its lines, in bytes where `<!DOCTYPE` and `\n` are ASCII
        data = data.decode(codec, "replace").encode("utf-8")
    at = next((m.start() for m in DOCTYPE_OR_SKIPPED.finditer(data) if m.group().startswith(b"<!D")), -1)
    line = data.count(b"\n", 0, at) + 1 if at >= 0 else None
    return Problem(line, None, None, DOCTYPE_REFUSED.message, DOCTYPE_REFUSED.rule)


def _too_many_elements(data: bytes) -> Problem | None:
    """Count the elements of a large file as a stream, without building the tree: a file of
    millions of tiny elements would take gigabytes of memory as a tree."""
    count = 0
    try:
        for _, element in etree.iterparse(io.BytesIO(data), events=("end",), resolve_entities=False,
                                          no_network=True, load_dtd=False, huge_tree=False):
            count += 1
            element.clear(keep_tail=False)
            while element.getprevious() is not None:  # and drop the emptied siblings before it
                del element.getparent()[0]
            if count > MAX_ELEMENTS:
                return Problem(None, None, None, f"more than {MAX_ELEMENTS:,} elements: refused to keep memory in "
                                                 "bounds", "size")
    except etree.XMLSyntaxError:
        return None  # the parse proper reports it
    return None


def _schema_lxml(tree: etree._ElementTree) -> list[Problem]:
    schema = lxml_schema()
    try:
        if schema.validate(tree):
            return []
    except etree.XMLSchemaValidateError as exc:
        return [Problem(None, None, None, f"cannot be validated: {exc}", "schema")]
    problems = []
    for e in itertools.islice(cast(Iterable[Any], schema.error_log), MAX_PROBLEMS + 1):
        try:
            nodes = cast(list[Any], tree.xpath(e.path)) if e.path else []
        except etree.XPathError:  # a path with prefixes libxml2 made up
            nodes = []
        path = xpath_of(nodes[0]) if nodes and isinstance(nodes[0], etree._Element) else e.path
        problems.append(Problem(e.line or None, e.column or None, path or None, e.message, "schema"))
    return problems


# xmlschema's time grows with the sum of the elements' depths (its eId/GUID identity checks
# walk the subtree of every element), up to some 70 us a level for elements the schema does not
# expect: at this limit 15 s, where the largest UN resolution (depths adding up to 26,000) takes 1 s
XMLSCHEMA_MAX_LEVELS = 200_000


def _too_deep_for_xmlschema(tree: etree._ElementTree) -> Problem | None:
    """The `size` problem of a tree the xmlschema engine could take minutes on (200,000 unknown
    elements: 400 s); the walk that counts stops at the limit."""
    levels = depth = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        levels += depth
        if levels > XMLSCHEMA_MAX_LEVELS:
            return Problem(None, None, None, f"too large for the xmlschema engine (its elements' depths add up "
                                             f"to over {XMLSCHEMA_MAX_LEVELS:,}): refused, not judged; "
                                             "--engine lxml judges it", "size")
    return None


def _schema_xmlschema(tree: etree._ElementTree) -> list[Problem]:
    problems = []
    for error in itertools.islice(xmlschema_schema().iter_errors(tree), MAX_PROBLEMS + 1):
        line = getattr(error, "sourceline", None)
        problems.append(Problem(line, None, error.path, error.reason or error.message, "schema"))
    return problems


def validate(source, *, engine: str = "lxml", profile: str = "auto", max_bytes: int = MAX_BYTES) -> list[Problem]:
    """Problems of an Akoma Ntoso document: a path, bytes, XML text (a str starting with `<`) or an
    lxml tree. Empty means valid.

    engine: `lxml` (libxml2, fast) or `xmlschema` (independent, precise paths).
    profile: `auto` applies AKN4UN to `statement` documents, `akn4un` always, `none` never.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}")
    tree, problems = _parse(source, max_bytes)
    if tree is None:
        return problems
    root = tree.getroot()
    namespace = etree.QName(root).namespace
    if namespace != AKN_NS:
        return [Problem(line_of(root), None, "/" + etree.QName(root).localname,
                        f"root element is in namespace {namespace!r}, not Akoma Ntoso 3.0 ({AKN_NS})",
                        "namespace")]
    if engine == "xmlschema" and (refused := _too_deep_for_xmlschema(tree)):
        return [refused]
    with positions_kept():
        problems = _schema_lxml(tree) if engine == "lxml" else _schema_xmlschema(tree)
        is_statement = root.find(f"{{{AKN_NS}}}statement") is not None
        if profile == "akn4un" or (profile == "auto" and is_statement):
            problems += profile_problems(tree)
    problems.sort(key=lambda p: p.line or 0)
    if len(problems) > MAX_PROBLEMS:
        problems[MAX_PROBLEMS:] = [Problem(None, None, None, f"more than {MAX_PROBLEMS} problems: the rest is not "
                                                             "listed", "too-many")]
    return problems


def check_bytes(xml: bytes) -> list[Problem]:
    """What `akn convert` checks before writing: schema (lxml) and the AKN4UN profile."""
    return validate(xml, engine="lxml", profile="akn4un")


def check_result(result) -> list[Problem]:
    """The same checks on a conversion result, on the tree its bytes parse to (parsed once)."""
    try:
        tree = result.tree
    except etree.XMLSyntaxError:  # beyond the safe parser's limits (a text node over 10 MB): say so
        return validate(result.xml, engine="lxml", profile="akn4un")
    return validate(tree, engine="lxml", profile="akn4un")


def report_json(results: list[tuple[str, list[Problem] | str]]) -> str:
    """Per file: valid or not and its problems; a file that could not be read has `error` instead."""
    entries: list[dict[str, Any]] = []
    for path, problems in results:
        if isinstance(problems, str):
            entries.append({"path": path, "valid": None, "error": problems, "problems": []})
        else:
            entries.append({"path": path, "valid": not problems, "problems": [asdict(p) for p in problems]})
    return json.dumps(entries, ensure_ascii=False, indent=2)


__all__ = ["ENGINES", "PROFILES", "Problem", "ValidationInputError", "check_bytes", "check_result", "report_json",
           "validate"]
