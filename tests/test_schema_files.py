"""The vendored OASIS schema never changes silently."""
import hashlib

from support import ROOT

PINNED = {
    "akomantoso30.xsd": "6f61fe84cbb6f8cb0e8418cd67b74a63da9990e6573b5a3491f623184f45c4fd",
    "xml.xsd": "81aed1bb30c9d475f5b16b6bb92e6ede9879dcd7e146c0ed8df577b87b1d2815",
}


def test_schema_files_are_the_oasis_release():
    for name, digest in PINNED.items():
        assert hashlib.sha256((ROOT / "schema" / name).read_bytes()).hexdigest() == digest, name


def test_packaged_schema_is_the_vendored_one():
    from converter.validate.schema import schema_dir

    for name, digest in PINNED.items():
        assert hashlib.sha256((schema_dir() / name).read_bytes()).hexdigest() == digest, name
