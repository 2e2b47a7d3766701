"""AKN writer: Document -> Akoma Ntoso 3.0 XML shaped as the AKN4UN profile says.

Everything in the output comes from the document: no clock, no randomness, so the same input
gives the same bytes.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from converter.identity import FrbrUri
from converter.lang import body_by_actor, camel_case, slug
from converter.model import (
    AnnexPreamble,
    Division,
    Document,
    Emph,
    Footnote,
    Item,
    MastheadLine,
    Node,
    NoteRef,
    Para,
    Recital,
    Role,
    Run,
    Span,
    Sup,
    Text,
    plain_text,
)
from converter.naming import NoteScope, Taken, unique_eid, within
from converter.naming import eid as make_eid
from converter.write.xmltext import Element, tostring

SOURCE = {"eId": "source", "href": "/akn/ontology/organization/un/akn4un-converter", "showAs": "akn4un converter"}


def el(tag: str, attrib: dict | None = None, *children: Element, text: str | None = None) -> Element:
    node = Element(tag, attrib, text)
    node.children.extend(children)
    return node


def sub(parent: Element, tag: str, attrib: dict | None = None, text: str | None = None) -> Element:
    node = Element(tag, attrib, text)
    parent.children.append(node)
    return node


class References:
    """The TLCs the document refers to, in order of first use; eIds unique."""

    def __init__(self):
        self.entries: dict[tuple[str, str], tuple[str, str, str, str]] = {}
        self.eids = Taken()

    def add(self, tag: str, key: str, href: str, show_as: str) -> str:
        """Register a TLC and return its eId (a later TLC with a taken eId gets `-2`)."""
        if (tag, key) in self.entries:
            return self.entries[(tag, key)][1]
        eid = self.eids.claim(key)
        self.entries[(tag, key)] = (tag, eid, href, show_as)
        return eid

    def body(self, actor: str, printed: str = "", lang: str = "eng") -> str:
        body = body_by_actor(actor)
        key = body.eid if body else slug(actor)
        show = printed or (body.names.get(lang, body.names["eng"])[0] if body else actor)
        return self.add("TLCOrganization", key, f"/akn/ontology/organization/un/{actor}", show)

    def concept(self, key: str, show_as: str, path: str | None = None) -> str:
        return self.add("TLCConcept", key, f"/akn/ontology/concept/un/{path or key}", show_as)

    def role(self, key: str) -> str:
        return self.add("TLCRole", key, f"/akn/ontology/role/un/{key}", key)

    def element(self) -> Element:
        node = el("references", {"source": "#source"})
        for tag, eid, href, show_as in self.entries.values():
            sub(node, tag, {"eId": eid, "href": href, "showAs": show_as})
        return node


class AknWriter:
    def __init__(self, doc: Document):
        self.doc = doc
        self.ident = doc.identity
        self.refs = References()
        self.refs.add("TLCOrganization", "source", SOURCE["href"], SOURCE["showAs"])
        self.uri = FrbrUri(self.ident.actor, self.ident.date, self.ident.number, self.ident.lang)

    def body_ref(self, actor: str) -> str:
        return self.refs.body(actor, self.doc.bodies.get(actor, ""), self.ident.lang)

    # -- document ------------------------------------------------------------------------------

    def write(self) -> Element:
        doc = self.doc
        author = self.body_ref(self.ident.actor)
        for actor in doc.bodies:
            self.body_ref(actor)
        statement = el("statement", {"name": self.ident.name, "contains": "originalVersion"})
        preface = self.preface(doc.masthead) if doc.masthead else None
        preamble = self.preamble()
        main = self.main_body()
        meta = el("meta", None, self.identification(author))
        statement.append(meta)
        for part in (preface, preamble, main, self.conclusions(), self.attachments()):
            if part is not None:
                statement.append(part)
        self.refs.role("author")
        self.refs.role("editor")
        meta.append(self.refs.element())
        return el("akomaNtoso", None, statement)

    def identification(self, author: str) -> Element:
        ident, uri = self.ident, self.uri
        date = {"date": ident.date, "name": ident.date_name}
        work = el("FRBRWork", None,
                  el("FRBRthis", {"value": uri.this(uri.work)}),
                  el("FRBRuri", {"value": uri.work}),
                  el("FRBRdate", date),
                  el("FRBRauthor", {"href": f"#{author}", "as": "#author"}),
                  el("FRBRcountry", {"value": "un"}),
                  el("FRBRsubtype", {"value": "deliberation"}),
                  el("FRBRnumber", {"value": ident.number, "showAs": ident.number_shown}),
                  el("FRBRname", {"value": ident.name}))
        expression = el("FRBRExpression", None,
                        el("FRBRthis", {"value": uri.this(uri.expression)}),
                        el("FRBRuri", {"value": uri.expression}),
                        el("FRBRdate", date),
                        el("FRBRauthor", {"href": f"#{author}", "as": "#author"}),
                        el("FRBRlanguage", {"language": ident.lang}))
        if ident.original_lang:
            by = self.refs.add("TLCOrganization", "secretariat", "/akn/ontology/organization/un/un-secretariat",
                               "United Nations Secretariat")
            expression.append(el("FRBRtranslation", {"href": uri.expression_in(ident.original_lang),
                                                     "fromLanguage": ident.original_lang, "by": f"#{by}"}))
        manifestation = el("FRBRManifestation", None,
                           el("FRBRthis", {"value": uri.this(uri.manifestation)}),
                           el("FRBRuri", {"value": uri.manifestation}),
                           el("FRBRdate", date),
                           el("FRBRauthor", {"href": "#source", "as": "#editor"}),
                           el("FRBRformat", {"value": "xml"}))
        return el("identification", {"source": "#source"}, work, expression, manifestation)

    # -- preface -------------------------------------------------------------------------------

    def preface(self, lines: list[MastheadLine]) -> Element:
        preface = el("preface")
        container: Element | None = None
        scope = NoteScope("preface")  # replaced with the first container's
        for line in lines:
            if container is None or container.get("name") != line.group:
                eid = make_eid("preface", "container", len(preface) + 1)
                container = sub(preface, "container", {"name": line.group, "eId": eid})
                scope = NoteScope(eid)
            self.runs(sub(container, "p"), line.children, scope)
        return preface

    # -- preamble ------------------------------------------------------------------------------

    def preamble(self) -> Element | None:
        doc = self.doc
        if doc.formula is None and not doc.preamble:
            return None
        preamble = el("preamble")
        concept = None
        for n, recital in enumerate(doc.preamble):
            if n == doc.formula_at and doc.formula is not None:  # after the paragraphs printed before it
                self.formula(preamble, doc.formula)
            concept = concept or self.refs.concept("preamble", "preamble")
            eid = make_eid("preamble", "container", len(preamble) + 1)
            container = sub(preamble, "container", {"name": container_name(recital), "refersTo": f"#{concept}",
                                                    "eId": eid})
            self.runs(sub(container, "p"), recital.children, NoteScope(eid))
            if recital.items:
                container.append(self.block_list(recital.items, make_eid(eid, "blockList", 1)))
        if doc.formula is not None and doc.formula_at >= len(doc.preamble):
            self.formula(preamble, doc.formula)
        return preamble

    def formula(self, preamble: Element, runs: list[Run]) -> None:
        body = self.body_ref(self.doc.formula_body or self.ident.actor)
        formula_id = make_eid("preamble", "formula", 1)
        formula = sub(preamble, "formula", {"name": "enactingFormula", "refersTo": f"#{body}", "eId": formula_id})
        self.runs(sub(formula, "p"), runs, NoteScope(formula_id))

    def block_list(self, items: Sequence[Node], eid: str) -> Element:
        block = el("blockList", {"eId": eid})
        taken = Taken()
        for item in items:
            if not isinstance(item, Item):
                raise TypeError(f"a blockList holds items, not a {type(item).__name__}")
            item_id = unique_eid(eid, "item", item.key, taken)
            node = sub(block, "item", {"eId": item_id})
            sub(node, "num", text=item.num)
            self.runs(sub(node, "p"), item.children, NoteScope(item_id))
            if item.items:
                node.append(self.block_list(item.items, make_eid(item_id, "blockList", 1)))
        return block

    # -- operative part ------------------------------------------------------------------------

    def main_body(self) -> Element:
        main = el("mainBody")
        operative = self.refs.concept("operative", "operative")
        body = self.doc.body
        if len(body) == 1 and isinstance(body[0], Para):
            # an operative part of one unnumbered paragraph (a decision in one sentence) is its
            # paragraph 1, as the UN numbers it (`para_1` with no `num`)
            elements = [self.hcontainer("paragraph", body[0], make_eid("", "paragraph", 1))]
        else:
            elements = self.nodes(body, "", "paragraph")
        for node in elements:
            if node.tag == "paragraph":
                node.set("refersTo", f"#{operative}")
            main.append(node)
        return main

    def nodes(self, items: Sequence[Node], prefix: str, item_tag: str) -> list[Element]:
        """Elements for a list of model nodes; eIds unique among siblings."""
        taken = Taken()
        out = []
        unnumbered = 0
        for item in items:
            if isinstance(item, Division):
                eid = unique_eid(prefix, DIVISION_TAG[item.kind], item.key, taken)
                out.append(self.division(item, eid))
            elif isinstance(item, Para):
                # an unnumbered paragraph (one holding a list too): `para_u1`, `para_u2` …
                unnumbered += 1
                eid = unique_eid(prefix, "paragraph", f"u{unnumbered}", taken)
                out.append(self.hcontainer("paragraph", item, eid))
            else:
                out.append(self.hcontainer(item_tag, item, unique_eid(prefix, item_tag, item.key, taken)))
        return out

    def division(self, division: Division, eid: str) -> Element:
        node = el(DIVISION_TAG[division.kind], {"eId": eid})
        sub(node, "num", text=division.num)
        if division.heading:
            self.runs(sub(node, "heading"), division.heading, NoteScope(eid))
        children = self.nodes(division.items, eid, "paragraph")
        for child in children:
            node.append(child)
        return node

    def hcontainer(self, tag: str, item: Item | Para, eid: str) -> Element:
        node = el(tag, {"eId": eid})
        if item.num:
            sub(node, "num", text=item.num)
        texts = [text for text in (item.children, *item.more) if text]  # never one dropped
        if not item.items:
            if texts:
                content, scope = sub(node, "content"), NoteScope(eid)
                for text in texts:
                    self.runs(sub(content, "p"), text, scope)
            return node
        list_id = make_eid(eid, "list", 1)
        lst = sub(node, "list", {"eId": list_id})
        scope = NoteScope(list_id)
        if texts:
            intro = sub(lst, "intro")
            for text in texts:
                self.runs(sub(intro, "p"), text, scope)
        for child in self.nodes(item.items, list_id, "point"):
            lst.append(child)
        if item.wrap_up:
            self.runs(sub(sub(lst, "wrapUp"), "p"), item.wrap_up, scope)
        return node

    # -- conclusions and annexes ------------------------------------------------------------------

    def conclusions(self) -> Element | None:
        if not self.doc.conclusions:
            return None
        eid = make_eid("conclusions", "container", 1)
        container = el("container", {"name": "conclusion", "eId": eid})
        scope = NoteScope(eid)
        for line in self.doc.conclusions:
            self.runs(sub(container, "p"), line, scope)
        return el("conclusions", None, container)

    def attachments(self) -> Element | None:
        return self.attachment_list(self.doc.annexes, "", "") if self.doc.annexes else None

    def attachment_list(self, annexes: list, prefix: str, component: str) -> Element:
        attachments = el("attachments")
        for n, annex in enumerate(annexes, 1):
            eid = make_eid(prefix, "attachment", n)
            attachments.append(el("attachment", {"eId": eid}, self.annex_doc(annex, eid, f"{component}annex_{n}")))
        return attachments

    def annex_doc(self, annex, eid: str, component: str) -> Element:
        doc = el("doc", {"name": "annex"}, self.annex_meta(component))
        if not annex.items:  # an annex that is only its heading: the heading is its body
            body = sub(doc, "mainBody")
            for line in annex.heading:
                self.runs(sub(body, "p"), line, NoteScope(eid))
        else:
            if annex.heading:
                heading_id = make_eid(within(eid, "preface"), "container", 1)
                container = sub(sub(doc, "preface"), "container", {"name": "annexHeading", "eId": heading_id})
                scope = NoteScope(heading_id)
                for line in annex.heading:
                    self.runs(sub(container, "p"), line, scope)
            if annex.preamble is not None:
                doc.append(self.annex_preamble(annex.preamble, within(eid, "preamble")))
            body = sub(doc, "mainBody")
            for child in self.nodes(annex.items, eid, "paragraph"):
                body.append(child)
        if annex.annexes:
            doc.append(self.attachment_list(annex.annexes, eid, f"{component}__"))
        return doc

    def annex_preamble(self, preamble: AnnexPreamble, prefix: str) -> Element:
        """The annexed instrument's own preamble: heading, formula, paragraphs, closing words."""
        node = el("preamble")

        def child(tag: str, runs: list[Run], name: str, refers: str | None = None) -> Element:
            eid = make_eid(prefix, tag, len(node) + 1)
            part = sub(node, tag, {"name": name, "refersTo": refers, "eId": eid} if refers else
                       {"name": name, "eId": eid})
            self.runs(sub(part, "p"), runs, NoteScope(eid))
            return part

        child("container", preamble.heading, "heading")
        if preamble.formula:
            child("formula", preamble.formula, "enactingFormula")
        concept = self.refs.concept("preamble", "preamble") if preamble.recitals else None
        for recital in preamble.recitals:
            part = child("container", recital.children, container_name(recital), f"#{concept}")
            if recital.items:
                part.append(self.block_list(recital.items, make_eid(part.get("eId") or prefix, "blockList", 1)))
        if preamble.closing:
            child("formula", preamble.closing, "agreementFormula")
        return node

    def annex_meta(self, component: str) -> Element:
        uri, ident = self.uri, self.ident
        date = {"date": ident.date, "name": ident.date_name}
        author = "#" + self.body_ref(ident.actor)
        return el("meta", None, el(
            "identification", {"source": "#source"},
            el("FRBRWork", None, el("FRBRthis", {"value": uri.this(uri.work, component)}),
               el("FRBRuri", {"value": uri.work}), el("FRBRdate", date), el("FRBRauthor", {"href": author}),
               el("FRBRcountry", {"value": "un"})),
            el("FRBRExpression", None, el("FRBRthis", {"value": uri.this(uri.expression, component)}),
               el("FRBRuri", {"value": uri.expression}), el("FRBRdate", date),
               el("FRBRauthor", {"href": author}), el("FRBRlanguage", {"language": ident.lang})),
            el("FRBRManifestation", None, el("FRBRthis", {"value": uri.this(uri.manifestation, component)}),
               el("FRBRuri", {"value": uri.manifestation}), el("FRBRdate", date),
               el("FRBRauthor", {"href": "#source"}))))

    # -- inline --------------------------------------------------------------------------------

    def runs(self, parent: Element, runs: list[Run], scope: NoteScope) -> None:
        for run in runs:
            if isinstance(run, Text):
                append_text(parent, run.text)
            elif isinstance(run, Emph):
                self.runs(sub(parent, "i"), run.children, scope)
            elif isinstance(run, Sup):
                sub(parent, "sup", text=run.text)
            elif isinstance(run, NoteRef):
                if run.note is None:
                    append_text(parent, run.marker)
                else:
                    self.note(sub(parent, "sup", {"class": "footnote"}), run.note, scope)
            elif isinstance(run, Span):
                self.span(parent, run, scope)

    def note(self, parent: Element, note: Footnote, scope: NoteScope) -> None:
        note_id = scope.next()
        node = sub(parent, "authorialNote", {"marker": note.marker, "placement": "bottom", "eId": note_id})
        self.runs(sub(node, "p"), note.children, scope.inner(note_id))

    def span(self, parent: Element, span: Span, scope: NoteScope) -> None:
        write = SPAN_WRITERS.get(span.role)
        if write is None:
            raise ValueError(f"unknown span role {span.role!r}")
        node = write(self, parent, span.value or "", plain_text(span.children))
        self.runs(node, span.children, scope)

    # one writer per span role: (parent, value, text) -> the element the span's words go in

    def symbol(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "docNumber", {"refersTo": "#" + self.refs.concept("symbol", "document symbol")})

    def doc_number(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "docNumber")

    def authority(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "docAuthority", {"refersTo": "#" + self.body_ref(value)})

    def committee(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "docCommittee", {"refersTo": "#" + self.body_ref(value)})

    def distribution(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "inline", {"name": "akn4un:distribution", "refersTo": "#" + self.refs.concept(value, text)})

    def doc_date(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "docDate", {"date": value})

    def event_date(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "date", {"date": value})

    def language_of_expression(self, parent: Element, value: str, text: str) -> Element:
        return self._language(parent, Role.LANGUAGE_OF_EXPRESSION, value, text)

    def original_language(self, parent: Element, value: str, text: str) -> Element:
        return self._language(parent, Role.ORIGINAL_LANGUAGE, value, text)

    def _language(self, parent: Element, role: Role, value: str, text: str) -> Element:
        eid = self.refs.concept(value, text, f"language/{value}")
        return sub(parent, "inline", {"name": f"akn4un:{role}", "refersTo": f"#{eid}"})

    def session(self, parent: Element, value: str, text: str) -> Element:
        holder = self.doc.session_body or self.doc.authority or self.ident.actor
        return sub(parent, "session", {"value": value, "refersTo": "#" + self.body_ref(holder)})

    def agenda_item(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "ref", {"href": self.agenda_href(value)})

    def agenda_item_title(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "inline", {"name": "akn4un:agendaItemTitle"})

    def location(self, parent: Element, value: str, text: str) -> Element:
        eid = self.refs.add("TLCLocation", value, f"/akn/ontology/location/un/{value}", text)
        return sub(parent, "location", {"refersTo": f"#{eid}"})

    def sponsor(self, parent: Element, value: str, text: str) -> Element:
        eid = self.refs.add("TLCOrganization", value, f"/akn/ontology/organization/un/{value}", text)
        return sub(parent, "docProponent", {"refersTo": f"#{eid}", "as": "#" + self.refs.role("sponsor")})

    def proponent(self, parent: Element, value: str, text: str) -> Element:
        """Who submits a draft (`person/…`, `organization/…`): a TLCPerson or a TLCOrganization."""
        kind, key = value.split("/", 1)
        tag = "TLCPerson" if kind == "person" else "TLCOrganization"
        eid = self.refs.add(tag, key, f"/akn/ontology/{kind}/un/{key}", " ".join(text.split()))
        return sub(parent, "docProponent", {"refersTo": f"#{eid}", "as": "#" + self.refs.role("proponent")})

    def cited(self, parent: Element, value: str, text: str) -> Element:
        """A document cited by its symbol, linked where the UN serves it (its own AKN links so)."""
        return sub(parent, "ref", {"href": f"https://undocs.org/{value}"})

    def doc_type(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "docType", {"refersTo": "#" + self.refs.concept(value, text)})

    def title(self, parent: Element, value: str, text: str) -> Element:
        return sub(parent, "docTitle")

    def adoption_meeting(self, parent: Element, value: str, text: str) -> Element:
        href = f"/akn/ontology/event/un/{self.ident.actor}/meeting/{value}"
        eid = self.refs.add("TLCEvent", "adoptionMeeting", href, text)
        return sub(parent, "event", {"refersTo": f"#{eid}"})

    def agenda_href(self, number: str) -> str:
        doc, session = self.doc, self.doc.session
        holder = doc.session_body or doc.authority
        body = (holder if session else doc.committee or doc.authority) or self.ident.actor
        path = f"/akn/un/doc/agenda/{body}" + (f"/session-{session}" if session else "")
        return f"{path}/!main#item_{number}"


SPAN_WRITERS: dict[Role, Callable[[AknWriter, Element, str, str], Element]] = {
    Role.SYMBOL: AknWriter.symbol, Role.DOC_NUMBER: AknWriter.doc_number, Role.AUTHORITY: AknWriter.authority,
    Role.COMMITTEE: AknWriter.committee, Role.DISTRIBUTION: AknWriter.distribution, Role.DATE: AknWriter.doc_date,
    Role.EVENT_DATE: AknWriter.event_date,
    Role.LANGUAGE_OF_EXPRESSION: AknWriter.language_of_expression, Role.ORIGINAL_LANGUAGE: AknWriter.original_language,
    Role.SESSION: AknWriter.session, Role.AGENDA_ITEM: AknWriter.agenda_item,
    Role.AGENDA_ITEM_TITLE: AknWriter.agenda_item_title, Role.LOCATION: AknWriter.location,
    Role.SPONSOR: AknWriter.sponsor, Role.DOC_TYPE: AknWriter.doc_type, Role.TITLE: AknWriter.title,
    Role.ADOPTION_MEETING: AknWriter.adoption_meeting, Role.PROPONENT: AknWriter.proponent,
    Role.CITED: AknWriter.cited,
}

DIVISION_TAG = {"part": "part", "chapter": "chapter", "section": "section", "article": "article"}


def container_name(recital: Recital) -> str:
    words = recital.opener or plain_text(recital.children).split(" ", 1)[0]
    return camel_case(words)


def append_text(parent: Element, text: str) -> None:
    parent.add_text(text)


def to_bytes(root: Element) -> bytes:
    return tostring(root)
