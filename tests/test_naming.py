"""The eId naming table and builders, shared by the writer and the validator."""
from converter.identity import FrbrUri
from converter.naming import NoteScope, Taken, eid, short_name, unique_eid, within


def test_short_names_come_from_one_table():
    assert [short_name(t) for t in ("paragraph", "article", "blockList", "attachment", "container", "point")] == \
        ["para", "art", "list", "att", "container", "point"]


def test_eids_join_the_prefix_and_the_short_name():
    assert eid("", "paragraph", 1) == "para_1"
    assert eid("preamble", "container", 2) == "preamble__container_2"
    assert eid(within("att_1", "preface"), "container", 1) == "att_1__preface__container_1"


def test_a_repeated_number_stays_unique():
    taken = Taken()
    assert [unique_eid("para_8__list_1", "point", k, taken) for k in ("a", "a", "(b)", "")] == \
        ["para_8__list_1__point_a", "para_8__list_1__point_a-2", "para_8__list_1__point_b",
         "para_8__list_1__point_x"]


def test_notes_are_numbered_inside_their_owner():
    scope = NoteScope("para_1")
    assert [scope.next(), scope.next()] == ["para_1__authorialNote_1", "para_1__authorialNote_2"]


def test_frbr_iris_built_are_parsed_back():
    uri = FrbrUri("unga", "2025-12-15", "A-RES-80-1", "fra")
    for level in (uri.work, uri.expression, uri.manifestation, uri.this(uri.manifestation)):
        parsed = FrbrUri.parse(level)
        assert parsed is not None and parsed.work == uri.work
        assert (parsed.actor, parsed.date, parsed.number) == ("unga", "2025-12-15", "A-RES-80-1")
    assert FrbrUri.parse(uri.expression).language == "fra"
    assert FrbrUri.parse(uri.manifestation).format == "xml"
    assert FrbrUri.parse(uri.work).language is None


def test_the_uns_and_others_iris_parse():
    un = FrbrUri.parse("/akn/un/statement/deliberation/unga/2022-12-07/77-1/eng@.xml")
    assert un is not None and (un.language, un.version, un.format) == ("eng", "", "xml")
    act = FrbrUri.parse("/akn/za-cpt/act/by-law/2003/air-pollution/eng@2009-01-01/!main")
    assert act is not None and (act.country, act.subtype, act.number, act.component) == \
        ("za", "by-law", "air-pollution", "main")
    assert FrbrUri.parse("https://undocs.org/A/RES/77/1") is None


def test_a_number_repeated_thousands_of_times_gets_its_suffixes_in_order():
    taken = Taken()
    ids = [unique_eid("para_1__list_1", "point", "a", taken) for _ in range(5000)]
    assert ids[:3] == ["para_1__list_1__point_a", "para_1__list_1__point_a-2", "para_1__list_1__point_a-3"]
    assert ids[-1] == "para_1__list_1__point_a-5000" and len(set(ids)) == 5000
    assert unique_eid("para_1__list_1", "point", "a-2", taken) == "para_1__list_1__point_a2"
