"""Structural expectations for the real UN documents in ../shared/corpus-real/.

Research data only (no imports, no functions). Keyed by file name. Values were
established by reading each text and cross-checking with grep/python counts.

Conventions used below:
  * None            -> the field is not printed in / not applicable to the document.
  * [] / {}         -> checked: the document has none.
  * Line numbers    -> 1-based line numbers in the .txt file as stored
                       (``cat -n`` numbering), given so an assertion can be traced.
  * Paragraph numbers are ints; item labels are strings exactly as printed, e.g. "(a)",
    "(aa)". Nested roman items are written {"(b)": ["(i)", "(ii)"]}.
  * preambular_count counts preambular paragraphs between the enacting formula (or the
    title, when the formula is missing) and operative paragraph 1; lettered items inside
    a preambular paragraph do not count as separate paragraphs.
  * footnote_markers lists the markers in definition order; footnote_references counts the
    marker occurrences in the body text (not in the footnote bodies).

General facts about the PyMuPDF extractions (01, 03, 05, 06, 12):
  * A page break is a completely empty line (length 0); blank lines inside a page are a
    single space " ". Pages = number of empty lines + 1.
  * Running headers alternate: even pages "SYMBOL / [title lines] / ' ' / job no. / n/N";
    odd pages "[title lines] / SYMBOL / ' ' / n/N / job no.". Drafts (01) have no title
    lines in the header. The title in the header may be wrapped differently from the
    masthead title.
  * Paragraph numbers 1.-9. usually stand alone on a line with the text on the next line,
    but some (often 10. and above) share the line with the text: "10. Invites ...".
  * Every line-final hyphen in these seven files is a real compound hyphen ("high-|level",
    "decision-|making", "Secretary-|General"): keep the hyphen when joining lines.
  * Footnote separators are 18 underscores, except in file 05 (15 underscores). Footnote
    bodies start "N Text" (01 uses two spaces: "1  Resolution 70/1.").
"""

EXPECTATIONS = {
    # ------------------------------------------------------------------------------------
    # 01: Third Committee draft resolution, 14 pages, footnotes on most pages.
    # Preambular paragraphs: 49, counted as blocks starting with a preambular opener after
    # a blank line between line 34 ("Reiterating ...") and line 571 ("Recalling the request
    # made ..."). Page breaks split paragraphs: line 74 ("trafficking in persons and ...")
    # and line 359 ("Punish Trafficking in Persons, ...": starts with a CAPITAL letter but
    # is the continuation of the paragraph at line 343) are continuations, not new
    # paragraphs. Paragraph 9 (line 101, "Reaffirming that the Global Plan of Action was
    # developed:") holds (a)-(f) -- SIX items, not (a)-(d) as SOURCES.md suggests; item (f)
    # continues after the page break at line 153 ("the private sector, ...").
    # Footnotes: 35 definitions (1..35) in 9 separator blocks; each marker is referenced
    # exactly once in the body (35 references, checked one by one).
    # ------------------------------------------------------------------------------------
    "01_en_A-C.3-80-L.4_trafficking-coordination-draft.txt": {
        "kind": "resolutionDraft",
        "symbol": "A/C.3/80/L.4",
        "number": None,
        "body": "General Assembly",
        "date": "2025-10-14",
        "adoption_date": None,
        "adoption_meeting": None,
        "distribution": "Limited",
        "original_language": "English",
        "session": 80,                      # "Eightieth session"
        "committee": "Third Committee",
        "agenda_items": ["107"],
        "agenda_item_titles": ["Crime prevention and criminal justice"],
        "sponsors": [
            "Belarus",
            "Democratic People\u2019s Republic of Korea",   # typographic apostrophe U+2019
            "Russian Federation",
            "Venezuela (Bolivarian Republic of)",
        ],
        "sponsor_line": "Belarus, Democratic People\u2019s Republic of Korea, Russian Federation "
                        "and Venezuela (Bolivarian Republic of): draft resolution",
        "title": "Improving the coordination of efforts against trafficking in persons",
        "job_number": "25-16618 (E)",
        "pages": 14,
        "formula_present": True,            # line 32 "The General Assembly,"
        "preambular_count": 49,
        "preambular_items": {9: ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]},
        "operative_count": 38,
        "operative_continuous": True,
        "operative_subitems": {},
        "footnote_markers": [
            "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15",
            "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28",
            "29", "30", "31", "32", "33", "34", "35",
        ],
        "footnote_references": 35,
        "repeated_markers": [],
        "sections": [],
        "annexes": [],
        "notes": (
            "Masthead lines 1-28; sponsor line 23-24 ends with ': draft resolution'; title "
            "line 28 (one line, no number prefix). Footnote markers run into words: "
            "'Development,1' (l.59), 'pornography7' (l.85), 'Trafficking25' (l.448); others "
            "are separated by a space and easy to confuse with real numbers: "
            "'exploitation, 2 on taking' (l.61), 'Organization, 9  which' (l.89, just after "
            "the real numbers '1999 (No. 182)'), 'persons, 10' at line end (l.161), "
            "'children\u201d, 11' / ', 12' (l.177-178), 'services\u201d, 16' at line end (l.189), "
            "'members 20 and' (l.252), 'survivors, 22 the' (l.330), 'Migration 26' at line "
            "end (l.494), 'Refugees, 27 and' (l.495), 'persons\u201d, 29' (l.521), 'children, 30 "
            "as well' (l.525), '2022, 34' (l.569), 'Persons, 35 and' (l.589). Real numbers "
            "near markers: 'recommendation No. 38 (2020)' (l.497), 'Target 5.2'/'8.7'/'16.2' "
            "in footnote bodies, 'Alliance 8.7' (fn 23), '30 July' (l.640). Footnotes 14 and "
            "15 are just 'Ibid.'. Footnote 20 body is 17 lines long (l.266-282). "
            "Operative 10 and 12-38 have the number on the same line as the text; 1-9 and 11 "
            "have it on its own line; '20.  Encourages' has two spaces (l.740). Operative 23 "
            "is typeset one word per line for 8 lines (l.773-780: 'discrimination,' "
            "'racial' 'discrimination,' 'social' 'and' 'financial' 'exclusion' 'and'). "
            "Operative paragraphs 5, 14, 22 and 36 continue across page breaks (l.631, 701, "
            "765, 899). Line-end compound hyphens: 'Secretary-|General' (fn 20, l.274), "
            "'front-|line' (l.735), 'awareness-|raising' (l.810), 'age-|sensitive' (l.858). "
            "No adoption line, no annex."
        ),
    },

    # ------------------------------------------------------------------------------------
    # 03: GA resolution 78/225, 3 pages. The enacting formula is missing in the extraction:
    # the first preambular paragraph (line 35) follows the title directly.
    # Preambular: 8 (lines 35, 38, 45, 51, 55, 74, 78, 82). Operative: 15, no sub-items.
    # Footnotes: 2 definitions, 2 references.
    # ------------------------------------------------------------------------------------
    "03_en_A-RES-78-225_ccpcj-2030-agenda.txt": {
        "kind": "resolution",
        "symbol": "A/RES/78/225",
        "number": "78/225",
        "body": "General Assembly",
        "date": "2023-12-22",               # "Distr.: General / 22 December 2023"
        "adoption_date": "2023-12-19",      # "Resolution adopted by the General Assembly on 19 December 2023"
        "adoption_meeting": "50th plenary meeting",
        "distribution": "General",
        "original_language": None,
        "session": 78,                      # "Seventy-eighth session"
        "committee": "Third Committee",     # "[on the report of the Third Committee (A/78/482, para. 29)]"
        "report_reference": "[on the report of the Third Committee (A/78/482, para. 29)]",
        "agenda_items": ["107"],
        "agenda_item_titles": ["Crime prevention and criminal justice"],
        "sponsors": None,
        "title": "Enhancing the contributions of the Commission on Crime Prevention and "
                 "Criminal Justice to the accelerated implementation of the 2030 Agenda for "
                 "Sustainable Development",
        "title_prefix": "78/225.",
        "job_number": "23-25985 (E)",
        "pages": 3,
        "formula_present": False,
        "preambular_count": 8,
        "preambular_items": {},
        "operative_count": 15,
        "operative_continuous": True,
        "operative_subitems": {},
        "footnote_markers": ["1", "2"],
        "footnote_references": 2,
        "repeated_markers": [],
        "sections": [],
        "annexes": [],
        "notes": (
            "Title lines 29-31 start with ' 78/225. ' (leading space, number prefix) and wrap "
            "over 3 lines; the running header wraps the same title differently (l.66-68). "
            "Marker 1: 'Development,1 the Commission' (l.57). Marker 2 is separated by a "
            "space: 'Sustainable Development 2 through' (l.89). Real numbers that look like "
            "markers: 'Goal 16,' (l.80, 85, 118, 135, 193, 204). Operative 10, 12-15 have the "
            "number on the text line; 1-9 and 11 on their own line. Compound hyphens at line "
            "end: 'high-|level' (l.41, 82). Closing lines: '50th plenary meeting' / "
            "'19 December 2023' (l.208-209). Job line '23-25985 (E)    100124' and barcode "
            "'*2325985*' (l.9-10)."
        ),
    },

    # ------------------------------------------------------------------------------------
    # 05: GA resolution 80/184, 11 pages. Operative paragraph 2 has 43 sub-items:
    # (a)..(z) (26) then (aa)..(qq) (17). "(i)" at line 325 is the letter after "(h)",
    # "(v)" (l.467) and "(x)" (l.482) are letters too, and "(ii)" at line 584 is the
    # double letter after "(hh)" -- none of them is a roman numeral.
    # Preambular: 22 (line 74 "General Assembly entitled ..." is a page-break continuation
    # starting with a capital letter, not a new paragraph). Footnotes: 18 definitions,
    # 18 references (each once).
    # ------------------------------------------------------------------------------------
    "05_en_A-RES-80-184_rural-women-aa-bb-subparas.txt": {
        "kind": "resolution",
        "symbol": "A/RES/80/184",
        "number": "80/184",
        "body": "General Assembly",
        "date": "2025-12-22",
        "adoption_date": "2025-12-15",
        "adoption_meeting": "62nd plenary meeting",
        "distribution": "General",
        "original_language": None,
        "session": 80,                      # "Eightieth session"
        "committee": "Third Committee",     # "[on the report of the Third Committee (A/80/545, para. 5)]"
        "report_reference": "[on the report of the Third Committee (A/80/545, para. 5)]",
        "agenda_items": ["26 (a)"],
        "agenda_item_titles": ["Advancement of women: advancement of women"],
        "sponsors": None,
        "title": "Improvement of the situation of women and girls in rural areas",
        "title_prefix": "80/184.",
        "job_number": "25-20995 (E)",
        "pages": 11,
        "formula_present": True,            # line 29
        "preambular_count": 22,
        "preambular_items": {},
        "operative_count": 11,
        "operative_continuous": True,
        "operative_subitems": {
            2: ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)", "(k)",
                "(l)", "(m)", "(n)", "(o)", "(p)", "(q)", "(r)", "(s)", "(t)", "(u)", "(v)",
                "(w)", "(x)", "(y)", "(z)",
                "(aa)", "(bb)", "(cc)", "(dd)", "(ee)", "(ff)", "(gg)", "(hh)", "(ii)", "(jj)",
                "(kk)", "(ll)", "(mm)", "(nn)", "(oo)", "(pp)", "(qq)"],
        },
        "footnote_markers": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
                             "13", "14", "15", "16", "17", "18"],
        "footnote_references": 18,
        "repeated_markers": [],
        "sections": [],
        "annexes": [],
        "notes": (
            "Agenda item is '26 (a)' (l.12) -- the '(a)' belongs to the agenda number, not a "
            "list item. Footnote separator here is 15 underscores (l.51, 126, 267, 415). "
            "Markers run into words: 'Rights,1' 'Rights,2' 'Rights,3' 'Women,4' 'Child,5' "
            "(l.40-43), 'Disabilities6' (l.44), 'Women,7' (l.50), 'century\u201d8' (l.75), "
            "'Peoples,9' (l.77), 'Development,10' (l.78), 'Development\u201d,11' (l.82), "
            "'session13' (l.111), 'Secretary-General;16' (l.237), 'Development,17' and "
            "'Action18' (both l.363). Space-separated markers: 'Development, 12' at line end "
            "(l.83), 'Security 14 and' (l.215), 'Systems, 15' at line end (l.216). TRAP: "
            "'more than 50' at the END of line 169 is a real number ('50 per cent' continues "
            "on l.170), not a marker; also '25 per cent', '1.7', '4.3', '31.9', '27.6'. "
            "Sub-item labels are mostly on their own line, but '(m) Strengthening' (l.366), "
            "'(w) Promoting' (l.475) and all of (aa)-(qq) share the line with their text. "
            "Items (l), (r), (x), (gg), (nn) continue across page breaks. Non-breaking hyphen "
            "U+2011 in 'COVID\u201119' (l.151), 'non\u2011agricultural' (l.518, 534), "
            "'non\u2011violent' (l.650). Operative 10 and 11 have the number on the text line. "
            "Compound hyphens at line end: 'decision-|making' (l.106), 'well-|being' (l.115), "
            "'labour-|intensive' (l.164), 'awareness-|raising' (l.438). Closing lines "
            "'62nd plenary meeting' / '15 December 2025' (l.728-729)."
        ),
    },

    # ------------------------------------------------------------------------------------
    # 06: GA resolution 78/319, 5 pages. True nested roman items: operative 4 (c) holds
    # (i)-(iv) (lines 234-240, indented by one space; "(i)" alone on its line, (ii)-(iv)
    # share the line with their text). Preambular: 15. Operative: 16.
    # Footnotes: 3 definitions, 3 references.
    # ------------------------------------------------------------------------------------
    "06_en_A-RES-78-319_sea-level-hlm-nested-roman.txt": {
        "kind": "resolution",
        "symbol": "A/RES/78/319",
        "number": "78/319",
        "body": "General Assembly",
        "date": "2024-08-02",
        "adoption_date": "2024-08-01",
        "adoption_meeting": "102nd plenary meeting",
        "distribution": "General",
        "original_language": None,
        "session": 78,                      # "Seventy-eighth session"
        "committee": None,                  # "[without reference to a Main Committee (A/78/L.100)]"
        "report_reference": "[without reference to a Main Committee (A/78/L.100)]",
        "agenda_items": ["13", "117"],      # "Agenda items 13 and 117"
        "agenda_item_titles": [
            "Integrated and coordinated implementation of and follow-up to the outcomes of "
            "the major United Nations conferences and summits in the economic, social and "
            "related fields",
            "Follow-up to the outcome of the Millennium Summit",
        ],
        "sponsors": None,
        "title": "Scope, modalities, format and organization of the high-level plenary "
                 "meeting on addressing the existential threats posed by sea level rise",
        "title_prefix": "78/319.",
        "job_number": "24-14122 (E)",
        "pages": 5,
        "formula_present": True,            # line 41
        "preambular_count": 15,
        "preambular_items": {},
        "operative_count": 16,
        "operative_continuous": True,
        "operative_subitems": {
            3: ["(a)", "(b)", "(c)", "(d)"],
            4: ["(a)", "(b)", {"(c)": ["(i)", "(ii)", "(iii)", "(iv)"]}, "(d)"],
        },
        "footnote_markers": ["1", "2", "3"],
        "footnote_references": 3,
        "repeated_markers": [],
        "sections": [],
        "annexes": [],
        "notes": (
            "Two agenda items, each with its own title (l.16-19 and l.21). Markers: "
            "'want\u201d,1' (l.50, at line end), 'law\u201d,2 and' (l.82), 'basis3 and' (l.287). "
            "Real numbers near text: 'Global Warming of 1.5\u00b0C' (l.87), '(2014\u20132023)', "
            "'10 years', times like '10.20 a.m.', '5.40 p.m.' (l.176-211), 'paragraphs 6, 7, 8 "
            "and 9 above' (l.290), 'rule 52' (l.321). Justified text one word per line: "
            "operative 4 chapeau l.198-205 ('Decides' 'that' 'the' 'organizational' "
            "'arrangements' 'for' 'the' 'four') and 4 (d) l.246-251 ('regional' 'and' "
            "'subregional' 'organizations,' 'non-governmental' 'organizations,'). Operative 3 "
            "chapeau ends with ';' not ':' ('as follows;', l.168) although (a)-(d) follow. "
            "4 (b) continues across the page break (l.217 -> l.227). Nested romans (i)-(iv) "
            "are indented with one leading space. Running header repeats the 3-line title on "
            "every page (l.64-67, 132-134, 219-222, 299-301). Operative 10, 12-16 have the "
            "number on the text line. Job line '24-14122 (E)' has trailing spaces and no date "
            "code. Compound hyphens at line end: 'high-|level' (l.45, 259, 276), "
            "'change-|related' (l.115, 121, 122), 'youth-|led' (l.253). Closing lines "
            "'102nd plenary meeting' / '1 August 2024' (l.337-338)."
        ),
    },

    # ------------------------------------------------------------------------------------
    # 09: SC resolution 242 (1967), hand-corrected OCR, 56 lines, no masthead.
    # Preambular: 3 (lines 6, 9, 14). Operative: 4. Operative 1 holds two roman items, the
    # first printed "(1)" (OCR for "(i)", line 23), the second "(ii)" (line 25); operative 2
    # holds (a)-(c). Labels below are exactly as printed.
    # ------------------------------------------------------------------------------------
    "09_en_S-RES-242-1967_middle-east.txt": {
        "kind": "resolution",
        "symbol": "S/RES/242 (1967)",
        "number": "242 (1967)",
        "body": "Security Council",
        "date": "1967-11-22",               # only date printed: "of 22 November 1967" (l.2)
        "adoption_date": "1967-11-22",
        "adoption_meeting": "Adopted unanimously at the 1382nd meeting.",  # l.56-57 joined
        "vote": "unanimously",
        "distribution": None,
        "original_language": None,
        "session": None,
        "committee": None,
        "agenda_items": None,
        "sponsors": None,
        "title": None,                      # heading is just "Resolution 242 (1967)" / "of 22 November 1967"
        "heading_lines": ["Resolution 242 (1967)", "of 22 November 1967"],
        "pages": 1,
        "formula_present": True,            # line 4 "The Security Council,"
        "preambular_count": 3,
        "preambular_items": {},
        "operative_count": 4,
        "operative_continuous": True,
        "operative_subitems": {
            1: ["(1)", "(ii)"],             # "(1)" = OCR for "(i)"; normalised: ["(i)", "(ii)"]
            2: ["(a)", "(b)", "(c)"],
        },
        "footnote_markers": [],
        "footnote_references": 0,
        "repeated_markers": [],
        "sections": [],
        "annexes": [],
        "notes": (
            "No masthead, no symbol line, no Distr. date: only 'Resolution 242 (1967)' / "
            "'of 22 November 1967' (l.1-2). Operative numbers share the line with the text "
            "('1. Affirms ...'). Roman items directly under an operative paragraph (not under "
            "a letter): '(1) Withdrawal ...' (l.23; OCR digit one instead of roman i) and "
            "'(ii) Termination ...' (l.25). Operative 2 chapeau 'Affirms further the "
            "necessity' (l.32) has no trailing punctuation. Spaces before semicolons: "
            "'conflict ;' (l.23), 'problem ;' (l.38), 'resolution ;' (l.50). Closing vote "
            "line split over two lines: 'Adopted unanimously at the' / '1382nd meeting.' "
            "(l.56-57). File has no trailing newline. 'Article 2 of the Charter' (l.17) is a "
            "reference, not a heading."
        ),
    },

    # ------------------------------------------------------------------------------------
    # 11: SC resolution 1454 (2002), 17 printed pages, form-feed page breaks.
    # Preambular: 6 (the last is "Acting under Chapter VII of the Charter of the United
    # Nations,", l.40). Operative: 5, no sub-items. No footnotes. Two annexes:
    # Annex A (l.74, list of goods in 4 subject sections with "(n)" entries) and Annex B
    # (l.394, 20 numbered procedure paragraphs, followed by an application form).
    # ------------------------------------------------------------------------------------
    "11_en_S-RES-1454-2002_iraq-goods-review-annexes.txt": {
        "kind": "resolution",
        "symbol": "S/RES/1454 (2002)",
        "number": "1454 (2002)",
        "body": "Security Council",
        "date": "2002-12-30",               # "Distr.: General" / "30 December 2002"
        "adoption_date": "2002-12-30",
        "adoption_meeting": "Adopted by the Security Council at its 4683rd meeting, on 30 December 2002",
        "distribution": "General",
        "original_language": None,
        "session": None,
        "committee": None,
        "agenda_items": None,
        "sponsors": None,
        "title": None,                      # heading line 8 is just "Resolution 1454 (2002)"
        "heading_lines": ["Resolution 1454 (2002)"],
        "job_number": "02-75941 (E)",       # l.49, mid-document, no date code
        "pages": 17,                        # last bare page number printed is "17" (l.824)
        "formula_present": True,            # line 13 "The Security Council,"
        "preambular_count": 6,
        "preambular_items": {},
        "operative_count": 5,
        "operative_continuous": True,
        "operative_subitems": {},
        "footnote_markers": [],
        "footnote_references": 0,
        "repeated_markers": [],
        "sections": [],
        "annexes": [
            {
                "heading": "Annex A",       # l.74
                "title": "Textual entries for the proposed item changes to the Goods Review List",
                "numbered_paragraphs": 0,
                # Subject sections (heading lines ending with ':'), entry labels as printed.
                "sections": [
                    {"heading": "Chemical Section:", "line": 78,
                     "items": ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"]},
                    {"heading": "Biological Section:", "line": 179,
                     "items": ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)",
                               "(10)", "(11)"]},
                    {"heading": "Missile Section:", "line": 238,
                     "items": ["(1)", "(2)", "(3)", "(4)", "(5)"]},
                    {"heading": "Conventional Section:", "line": 271,
                     "items": ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)",
                               "(9)", "(9)", "(10)", "(11)", "(12)"]},   # "(9)" printed 3 times (l.328, 338, 341)
                ],
                "entries_total": 40,
                "inner_subitems": {
                    "Chemical (6)": ["(a)", "(b)"],        # l.107, 111; (b) followed by b.1.-b.6. (l.116-147)
                    "Missile (3)": ["(a)", "(b)"],         # "(3) 4.2.3: (a) Fluid ..." (l.250), "(b)" l.257
                },
            },
            {
                "heading": "Annex B",       # l.394
                "title": "Goods Review List procedures",   # l.395, directly under the heading
                "numbered_paragraphs": 20,
                "continuous": True,
                "subitems": {4: ["(a)", "(b)", "(c)", "(d)"]},   # l.453-466
                "attachment": "application form 'NOTIFICATION OR REQUEST TO SHIP GOODS TO IRAQ' "
                              "(l.660-822, 'December 2002 - REVISED FORM', 3 form pages) with "
                              "numbered boxes; not a separate annex heading",
            },
        ],
        "notes": (
            "Masthead fused on one line: 'United Nations S/RES/1454 (2002)' (l.1) and "
            "'Security Council Distr.: General' (l.3). Page breaks are form feeds (\\f) at the "
            "start of the running header 'S/RES/1454 (2002)' (15 form feeds; l.658 has two). "
            "Bare page numbers on their own line: '10' (l.448), '11' (l.559), '12' (l.562), "
            "'13' (l.657), '15' (l.716), '16' (l.768), '17' (l.824) -- not paragraph numbers. "
            "Operative 5 'Decides to remain seized of the matter.' (l.71) is followed directly "
            "by the running header and Annex A; there is no closing meeting line (the meeting "
            "is given in the heading, l.10-11). Annex A traps: '7. Being radio equipment ...' "
            "(l.287) starts with '7.' but is a control-list sub-entry, not a paragraph; "
            "lines starting with a parenthesis that are not labels: '(some examples: ...' "
            "(l.151), '(\"DBRN\") System(s)' (l.311), '(weather) Radar.' (l.361 -- looks like "
            "a lowercase label); '(7) Entry (vii) and (viii) ...' (l.149) contains romans "
            "inline; '(9) B.11 ...' and '(10) 3.E.3.g ...' are on consecutive lines without a "
            "blank (l.341-342); 'b.1.'-'b.6.' and 'a.1.'/'a.2.' dotted sub-entries; Notes "
            "('Note: ...') and component lists ('Impellers' / 'Casings') between entries. "
            "Annex B paragraph 4 (l.430) continues with two unnumbered paragraphs "
            "('UNMOVIC and IAEA should put ...' l.443 with (a)-(d), and 'In general, ...' "
            "l.470). Paragraph 12 has inline options '(a) Approval; (b) ...; (c) Denial; (d) "
            "Request ...' and, because of wrapping, lines 571 and 572 START with '(b)' and "
            "'(d)' -- these are not list items. 'S/1996/636*' (l.398) has a literal asterisk. "
            "The form after paragraph 20 has numbered boxes '1.' ... '24.' (boxes 5 and 10 "
            "absent; '21.'-'24.' alone on their lines at l.781-802) that a converter must not "
            "take as Annex B paragraphs 21-24. OCR noise in the form: '0 Trebil O Al Waleed' "
            "(l.692). Straight ASCII quotes in this file."
        ),
    },

    # ------------------------------------------------------------------------------------
    # 12: GA resolution 79/243 adopting the UN Convention against Cybercrime, 46 pages.
    # Resolution: preambular 5 (l.42, 52, 59, 63, 86; line 75 "Committed by Means of ..."
    # is the continuation of the l.63 paragraph after a page break), operative 12.
    # Annex (l.194): the Convention -- own preamble (15 paragraphs between "The States
    # Parties to the present Convention," l.210 and "Have agreed as follows:" l.303),
    # 9 chapters (I-IX), 68 articles (1-68, continuous, each exactly once), 264 numbered
    # article paragraphs in total. Inside the Convention, after Article 68 and the
    # "IN WITNESS WHEREOF" line, a second-level "Annex" (l.3680) of interpretative notes
    # with 4 headings and 5 numbered paragraphs (1-5, continuous across the headings).
    # Article paragraph counts and sub-items were produced by a line parser and checked
    # by eye on Articles 2, 11, 14, 17, 26, 37, 40, 47, 54 (215 item labels in total).
    # ------------------------------------------------------------------------------------
    "12_en_A-RES-79-243_cybercrime-convention-annex.txt": {
        "kind": "resolution",
        "symbol": "A/RES/79/243",
        "number": "79/243",
        "body": "General Assembly",
        "date": "2024-12-31",
        "adoption_date": "2024-12-24",
        "adoption_meeting": "55th (resumed) plenary meeting",
        "distribution": "General",
        "original_language": None,
        "session": 79,                      # "Seventy-ninth session"
        "committee": "Third Committee",     # "[on the report of the Third Committee (A/79/460, para. 15)]"
        "report_reference": "[on the report of the Third Committee (A/79/460, para. 15)]",
        "agenda_items": ["108"],
        "agenda_item_titles": ["Countering the use of information and communications "
                               "technologies for criminal purposes"],
        "sponsors": None,
        "title": "United Nations Convention against Cybercrime; Strengthening International "
                 "Cooperation for Combating Certain Crimes Committed by Means of Information "
                 "and Communications Technology Systems and for the Sharing of Evidence in "
                 "Electronic Form of Serious Crimes",
        "title_prefix": "79/243.",
        "job_number": "24-24621 (E)",
        "pages": 46,
        "formula_present": True,            # line 40
        "preambular_count": 5,
        "preambular_items": {},
        "operative_count": 12,
        "operative_continuous": True,
        "operative_subitems": {},
        "footnote_markers": ["1"],
        "footnote_references": 1,           # 'Convention.1' in the IN WITNESS WHEREOF line (l.3676)
        "repeated_markers": [],
        "sections": [],
        "annexes": [
            {
                "heading": "Annex",         # l.194
                "title": "United Nations Convention against Cybercrime; Strengthening "
                         "International Cooperation for Combating Certain Crimes Committed by "
                         "Means of Information and Communications Technology Systems and for "
                         "the Sharing of Evidence in Electronic Form of Serious Crimes",
                "kind": "convention",
                "preamble_heading": "Preamble",                          # l.207
                "preamble_formula": "The States Parties to the present Convention,",   # l.210
                "preambular_count": 15,
                "enacting_words": "Have agreed as follows:",              # l.303
                "chapter_count": 9,
                "article_count": 68,
                "article_range": [1, 68],
                "articles_continuous": True,
                "numbered_paragraphs_total": 264,
                "chapters": [
                    {"num": "I", "heading": "General provisions", "line": 307, "articles": [1, 6]},
                    {"num": "II", "heading": "Criminalization", "line": 526, "articles": [7, 21]},
                    {"num": "III", "heading": "Jurisdiction", "line": 1062, "articles": [22, 22]},
                    {"num": "IV", "heading": "Procedural measures and law enforcement",
                     "line": 1137, "articles": [23, 34]},
                    {"num": "V", "heading": "International cooperation", "line": 1629,
                     "articles": [35, 52]},
                    {"num": "VI", "heading": "Preventive measures", "line": 2886,
                     "articles": [53, 53]},
                    {"num": "VII", "heading": "Technical assistance and information exchange",
                     "line": 3017, "articles": [54, 56]},
                    {"num": "VIII", "heading": "Mechanism of implementation", "line": 3263,
                     "articles": [57, 58]},
                    {"num": "IX", "heading": "Final provisions", "line": 3413,
                     "articles": [59, 68]},
                ],
                # Article headings; titles that wrap over two lines in the text are joined
                # with one space (Articles 4, 15, 42, 43, 49, 56).
                "article_titles": {
                    1: 'Statement of purpose',
                    2: 'Use of terms',
                    3: 'Scope of application',
                    4: 'Offences established in accordance with other United Nations conventions and protocols',
                    5: 'Protection of sovereignty',
                    6: 'Respect for human rights',
                    7: 'Illegal access',
                    8: 'Illegal interception',
                    9: 'Interference with electronic data',
                    10: 'Interference with an information and communications technology system',
                    11: 'Misuse of devices',
                    12: 'Information and communications technology system-related forgery',
                    13: 'Information and communications technology system-related theft or fraud',
                    14: 'Offences related to online child sexual abuse or child sexual exploitation material',
                    15: 'Solicitation or grooming for the purpose of committing a sexual offence against a child',
                    16: 'Non-consensual dissemination of intimate images',
                    17: 'Laundering of proceeds of crime',
                    18: 'Liability of legal persons',
                    19: 'Participation and attempt',
                    20: 'Statute of limitations',
                    21: 'Prosecution, adjudication and sanctions',
                    22: 'Jurisdiction',
                    23: 'Scope of procedural measures',
                    24: 'Conditions and safeguards',
                    25: 'Expedited preservation of stored electronic data',
                    26: 'Expedited preservation and partial disclosure of traffic data',
                    27: 'Production order',
                    28: 'Search and seizure of stored electronic data',
                    29: 'Real-time collection of traffic data',
                    30: 'Interception of content data',
                    31: 'Freezing, seizure and confiscation of the proceeds of crime',
                    32: 'Establishment of criminal record',
                    33: 'Protection of witnesses',
                    34: 'Assistance to and protection of victims',
                    35: 'General principles of international cooperation',
                    36: 'Protection of personal data',
                    37: 'Extradition',
                    38: 'Transfer of sentenced persons',
                    39: 'Transfer of criminal proceedings',
                    40: 'General principles and procedures relating to mutual legal assistance',
                    41: '24/7 network',
                    42: 'International cooperation for the purpose of expedited preservation of stored electronic data',
                    43: 'International cooperation for the purpose of expedited disclosure of preserved traffic data',
                    44: 'Mutual legal assistance in accessing stored electronic data',
                    45: 'Mutual legal assistance in the real-time collection of traffic data',
                    46: 'Mutual legal assistance in the interception of content data',
                    47: 'Law enforcement cooperation',
                    48: 'Joint investigations',
                    49: 'Mechanisms for the recovery of property through international cooperation in confiscation',
                    50: 'International cooperation for the purposes of confiscation',
                    51: 'Special cooperation',
                    52: 'Return and disposal of confiscated proceeds of crime or property',
                    53: 'Preventive measures',
                    54: 'Technical assistance and capacity-building',
                    55: 'Exchange of information',
                    56: 'Implementation of the Convention through economic development and technical assistance',
                    57: 'Conference of the States Parties to the Convention',
                    58: 'Secretariat',
                    59: 'Implementation of the Convention',
                    60: 'Effects of the Convention',
                    61: 'Relation with protocols',
                    62: 'Adoption of supplementary protocols',
                    63: 'Settlement of disputes',
                    64: 'Signature, ratification, acceptance, approval and accession',
                    65: 'Entry into force',
                    66: 'Amendment',
                    67: 'Denunciation',
                    68: 'Depositary and languages',
                },
                # Numbered paragraphs per article (0 = the article has no "1." numbering:
                # single-paragraph Articles 10, 20, 32, 38, 46, 48, 51, and Articles 1, 2, 3,
                # 13, 26, 27 which are an unnumbered chapeau followed by lettered items).
                # Every numbered article runs 1..n without gaps.
                "article_paragraph_counts": {
                    1: 0, 2: 0, 3: 0, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2, 9: 2, 10: 0,
                    11: 3, 12: 2, 13: 0, 14: 5, 15: 4, 16: 6, 17: 2, 18: 4, 19: 3, 20: 0,
                    21: 8, 22: 6, 23: 3, 24: 5, 25: 3, 26: 0, 27: 0, 28: 4, 29: 3, 30: 3,
                    31: 10, 32: 0, 33: 4, 34: 6, 35: 3, 36: 3, 37: 20, 38: 0, 39: 2, 40: 32,
                    41: 6, 42: 9, 43: 2, 44: 3, 45: 3, 46: 0, 47: 2, 48: 0, 49: 2, 50: 10,
                    51: 0, 52: 4, 53: 7, 54: 10, 55: 4, 56: 6, 57: 8, 58: 2, 59: 2, 60: 2,
                    61: 4, 62: 2, 63: 4, 64: 4, 65: 2, 66: 5, 67: 3, 68: 2,
                },
                # Lettered items per article: key = paragraph number, or "unnumbered" when
                # the items hang off an unnumbered chapeau. "(i)" directly after "(h)" is a
                # LETTER in Art. 2 (l.408), Art. 40 para 3 (l.1958), Art. 53 para 3
                # (l.2971) and Art. 54 para 3 (l.3093); all other "(i)" are romans nested
                # under the preceding letter.
                "article_subitems": {1: {'unnumbered': ['(a)', '(b)', '(c)']},
                 2: {'unnumbered': ['(a)', '(b)', '(c)', '(d)', {'(e)': ['(i)', '(ii)']},
                                    {'(f)': ['(i)', '(ii)', '(iii)']}, '(g)', '(h)', '(i)',
                                    '(j)', '(k)', '(l)', '(m)', '(n)', '(o)']},
                 3: {'unnumbered': ['(a)', '(b)']},
                 11: {1: [{'(a)': ['(i)', '(ii)']}, '(b)']},
                 13: {'unnumbered': ['(a)', '(b)', '(c)']},
                 14: {1: ['(a)', '(b)', '(c)', '(d)'],
                      2: ['(a)', '(b)', '(c)', '(d)'],
                      3: ['(a)', '(b)'],
                      4: ['(a)', '(b)']},
                 17: {1: [{'(a)': ['(i)', '(ii)']}, {'(b)': ['(i)', '(ii)']}],
                      2: ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)']},
                 22: {1: ['(a)', '(b)'], 2: ['(a)', '(b)', '(c)', '(d)']},
                 23: {2: ['(a)', '(b)', '(c)'], 3: ['(a)', {'(b)': ['(i)', '(ii)']}]},
                 26: {'unnumbered': ['(a)', '(b)']},
                 27: {'unnumbered': ['(a)', '(b)']},
                 28: {1: ['(a)', '(b)'], 3: ['(a)', '(b)', '(c)', '(d)']},
                 29: {1: ['(a)', {'(b)': ['(i)', '(ii)']}]},
                 30: {1: ['(a)', {'(b)': ['(i)', '(ii)']}]},
                 31: {1: ['(a)', '(b)']},
                 33: {2: ['(a)', '(b)']},
                 35: {1: ['(a)', '(b)', '(c)']},
                 36: {1: ['(a)', '(b)', '(c)']},
                 37: {6: ['(a)', '(b)']},
                 40: {3: ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)', '(i)', '(j)',
                          '(k)', '(l)', '(m)'],
                      9: ['(a)', '(b)'],
                      10: ['(a)', '(b)', '(c)', '(d)'],
                      12: ['(a)', '(b)', '(c)', '(d)'],
                      15: ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)'],
                      21: ['(a)', '(b)', '(c)', '(d)'],
                      31: ['(a)', '(b)']},
                 41: {3: ['(a)', '(b)', '(c)', '(d)', '(e)']},
                 42: {3: ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)']},
                 44: {3: ['(a)', '(b)']},
                 45: {3: ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)']},
                 47: {1: ['(a)', {'(b)': ['(i)', '(ii)', '(iii)']}, '(c)', '(d)', '(e)',
                          '(f)']},
                 49: {1: ['(a)', '(b)', '(c)'], 2: ['(a)', '(b)', '(c)']},
                 50: {1: ['(a)', '(b)'], 3: ['(a)', '(b)', '(c)']},
                 52: {3: ['(a)', '(b)']},
                 53: {3: ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)', '(i)', '(j)',
                          '(k)', '(l)', '(m)']},
                 54: {3: ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)', '(i)']},
                 56: {2: ['(a)', '(b)', '(c)', '(d)', '(e)']},
                 57: {5: ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)']},
                 58: {2: ['(a)', '(b)', '(c)']}},
                "inner_annex": {
                    "heading": "Annex",     # l.3680, inside the Convention, after Article 68
                    "title": "Interpretative notes on specific articles of the United Nations "
                             "Convention against Cybercrime; Strengthening International "
                             "Cooperation for Combating Certain Crimes Committed by Means of "
                             "Information and Communications Technology Systems and for the "
                             "Sharing of Evidence in Electronic Form of Serious Crimes",
                    "numbered_paragraphs": 5,
                    "continuous": True,
                    "headings": [
                        {"heading": "Article 2", "line": 3690, "paragraphs": [1, 2]},
                        {"heading": "Article 17", "line": 3724, "paragraphs": [3]},
                        {"heading": "Articles 23 and 35, with regard to the term "
                                    "\u201cinvestigation\u201d", "line": 3733, "paragraphs": [4]},
                        {"heading": "Article 35", "line": 3744, "paragraphs": [5]},
                    ],
                },
            },
        ],
        "notes": (
            "Masthead title is split into two blocks separated by blank lines: ' 79/243. "
            "United Nations Convention against Cybercrime; ' (l.30) and 'Strengthening ... "
            "Serious Crimes' (l.33-36); the annexed Convention title is split the same way "
            "(l.197 / l.201-203). Running header is a 4-line title plus symbol/job/page "
            "(e.g. l.66-73). Adoption line has '(resumed)': '55th (resumed) plenary meeting' "
            "/ '24 December 2024' (l.189-190). Operative 10 and 12 have the number on the "
            "text line. Resolution cross-references ('article 56', 'articles 57, paragraph 5 "
            "(g), 61 and 62') are not markers. Convention traps: article paragraphs follow "
            "each other without blank lines ('1.' alone, text, '2.' alone ...); paragraphs "
            "10 and above share the line with their text ('10. Nothing ...'); 'Article 13.' "
            "heading has a trailing period (l.682); 'Article 5  ' / 'Article 6  ' / 'Article "
            "11  ' have trailing spaces; '12. (a)' (Art. 40, l.2066) puts a paragraph number "
            "and an item label on one line; '(a) (i)' (Art. 17, l.875) puts a letter and a "
            "roman on one line; Art. 11 para 1 (a) has text AFTER its romans (l.631-634 "
            "'with the intent that ...; and') before (b); cross-reference wrapped so that "
            "line 736 starts 'to (c) of this paragraph' (after 'subparagraphs (a)' at the end "
            "of l.735); one word per line in Art. 54 para 4 (l.3100-3106: 'and' 'regional' "
            "'organizations,' 'non-governmental' 'organizations,' 'civil' 'society'). The "
            "interpretative-notes annex reuses headings 'Article 2', 'Article 17', "
            "'Article 35' (l.3690, 3724, 3744) that must NOT be read as Convention articles "
            "(otherwise the article count becomes 71 and numbering restarts). The only "
            "footnote: marker 'Convention.1' (l.3676, Convention's IN WITNESS WHEREOF line), "
            "separator l.3703 and definition l.3705-3708 fall inside interpretative note "
            "paragraph 2, which continues after the page break (l.3719). Compound hyphens at "
            "line end: 'seventy-|eighth' (l.56), 'Secretary-|General' (l.1854, 1856, 2107, "
            "3528, 3672)."
        ),
    },
}
