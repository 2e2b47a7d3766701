"""Regenerate converter/data/ordinals/<lang>.json: ordinal words (as printed in UN session
lines such as "Soixante-troisième session") mapped to their number, 1 to 200.

Words come from num2words, with the spellings it gets wrong for UN use mended here; run by
hand: `python tools/build_ordinals.py` (needs the dev tool `num2words`).
"""
import json
from pathlib import Path

from num2words import num2words

LANGS = {"eng": "en", "fra": "fr", "spa": "es"}


def variants(code: str, word: str) -> list[str]:
    word = word.lower()
    if code == "fra":
        word = word.replace("vingtsième", "vingtième").replace("centsième", "centième")
        forms = [word]
        if word == "premier":
            forms.append("première")
        return forms
    if code == "spa":
        forms = [word]
        for full, short in (("primero", "primer"), ("tercero", "tercer")):
            if word.endswith(full):
                forms.append(word[: -len(full)] + short)
        return forms
    forms = [word]
    if " and " in word:
        forms.append(word.replace(" and ", " "))
    return forms


def main() -> None:
    out = Path(__file__).resolve().parents[1] / "converter" / "data" / "ordinals"
    for code, lang in LANGS.items():
        table = {}
        for n in range(1, 201):
            for form in variants(code, num2words(n, lang=lang, to="ordinal")):
                table.setdefault(form, n)
        (out / f"{code}.json").write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
