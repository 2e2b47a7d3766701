"""The official OASIS schema (vendored in `schema/`), loaded once per process per engine."""
from __future__ import annotations

import threading
from functools import cache
from importlib import resources
from pathlib import Path

from lxml import etree

SCHEMA_FILE = "akomantoso30.xsd"


def schema_dir() -> Path:
    """`converter/schema/` in an installed wheel; the repository's `schema/` in a checkout."""
    packaged = Path(str(resources.files("converter"))) / "schema"
    if (packaged / SCHEMA_FILE).is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "schema"


def secure_parser(**options) -> etree.XMLParser:
    """An XML parser that never reads the network or disk, nor expands entities.

    Without options, one parser per thread is reused (lxml parsers are not thread-safe, and
    making one costs more than parsing a resolution).
    """
    if options:
        return _make_parser(**options)
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = _make_parser()
    return parser


def _make_parser(**options) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, **options)


_local = threading.local()


@cache
def lxml_schema() -> etree.XMLSchema:
    path = schema_dir() / SCHEMA_FILE
    return etree.XMLSchema(etree.parse(str(path)))


@cache
def xmlschema_schema():
    import xmlschema

    return xmlschema.XMLSchema(str(schema_dir() / SCHEMA_FILE))
