"""Regenerate converter/data/states.tsv: ISO 3166 alpha-3 code and State names in each language.

Names come from CLDR (babel) with the UN's own short names (UNTERM) taken first where they
differ; run by hand when a name changes: `python tools/build_states.py`.
Needs the dev tools `babel` and `pycountry` (not runtime dependencies).
"""
from pathlib import Path

import pycountry
from babel import Locale

LANGS = {"eng": "en", "fra": "fr", "spa": "es"}

UN_NAMES = {
    "BLR": ("Belarus", "Bélarus", "Belarús"),
    "BOL": ("Bolivia (Plurinational State of)", "Bolivie (État plurinational de)", "Bolivia (Estado Plurinacional de)"),
    "BRN": ("Brunei Darussalam", "Brunéi Darussalam", "Brunei Darussalam"),
    "CIV": ("Côte d'Ivoire", "Côte d'Ivoire", "Côte d'Ivoire"),
    "COD": ("Democratic Republic of the Congo", "République démocratique du Congo", "República Democrática del Congo"),
    "COG": ("Congo", "Congo", "Congo"),
    "CPV": ("Cabo Verde", "Cabo Verde", "Cabo Verde"),
    "CZE": ("Czechia", "Tchéquie", "Chequia"),
    "FSM": ("Micronesia (Federated States of)", "Micronésie (États fédérés de)", "Micronesia (Estados Federados de)"),
    "GBR": ("United Kingdom of Great Britain and Northern Ireland", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
            "Reino Unido de Gran Bretaña e Irlanda del Norte"),
    "IRN": ("Iran (Islamic Republic of)", "Iran (République islamique d')", "Irán (República Islámica del)"),
    "KOR": ("Republic of Korea", "République de Corée", "República de Corea"),
    "PRK": ("Democratic People's Republic of Korea", "République populaire démocratique de Corée",
            "República Popular Democrática de Corea"),
    "LAO": ("Lao People's Democratic Republic", "République démocratique populaire lao", "República Democrática Popular Lao"),
    "MDA": ("Republic of Moldova", "République de Moldova", "República de Moldova"),
    "MKD": ("North Macedonia", "Macédoine du Nord", "Macedonia del Norte"),
    "NLD": ("Netherlands (Kingdom of the)", "Pays-Bas (Royaume des)", "Países Bajos (Reino de los)"),
    "PSE": ("State of Palestine", "État de Palestine", "Estado de Palestina"),
    "RUS": ("Russian Federation", "Fédération de Russie", "Federación de Rusia"),
    "SYR": ("Syrian Arab Republic", "République arabe syrienne", "República Árabe Siria"),
    "SWZ": ("Eswatini", "Eswatini", "Eswatini"),
    "TLS": ("Timor-Leste", "Timor-Leste", "Timor-Leste"),
    "TTO": ("Trinidad and Tobago", "Trinité-et-Tobago", "Trinidad y Tabago"),
    "TUR": ("Türkiye", "Türkiye", "Türkiye"),
    "TZA": ("United Republic of Tanzania", "République-Unie de Tanzanie", "República Unida de Tanzanía"),
    "USA": ("United States of America", "États-Unis d'Amérique", "Estados Unidos de América"),
    "VAT": ("Holy See", "Saint-Siège", "Santa Sede"),
    "VEN": ("Venezuela (Bolivarian Republic of)", "Venezuela (République bolivarienne du)",
            "Venezuela (República Bolivariana de)"),
    "VNM": ("Viet Nam", "Viet Nam", "Viet Nam"),
    "MMR": ("Myanmar", "Myanmar", "Myanmar"),
    "KNA": ("Saint Kitts and Nevis", "Saint-Kitts-et-Nevis", "Saint Kitts y Nevis"),
    "VCT": ("Saint Vincent and the Grenadines", "Saint-Vincent-et-les Grenadines", "San Vicente y las Granadinas"),
    "STP": ("Sao Tome and Principe", "Sao Tomé-et-Principe", "Santo Tomé y Príncipe"),
    "ARE": ("United Arab Emirates", "Émirats arabes unis", "Emiratos Árabes Unidos"),
    "BIH": ("Bosnia and Herzegovina", "Bosnie-Herzégovine", "Bosnia y Herzegovina"),
    "MHL": ("Marshall Islands", "Îles Marshall", "Islas Marshall"),
    "SLB": ("Solomon Islands", "Îles Salomon", "Islas Salomón"),
}


def main() -> None:
    locales = {code: Locale.parse(loc) for code, loc in LANGS.items()}
    rows = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        un = UN_NAMES.get(country.alpha_3)
        cells = []
        for i, (code, locale) in enumerate(locales.items()):
            names = []
            if un:
                names.append(un[i])
            cldr = locale.territories.get(country.alpha_2)
            if cldr and cldr not in names:
                names.append(cldr)
            if code == "eng" and country.name not in names:
                names.append(country.name)
            cells.append("|".join(names))
        rows.append("\t".join([country.alpha_3.lower(), *cells]))
    out = Path(__file__).resolve().parents[1] / "converter" / "data" / "states.tsv"
    out.write_text("code\teng\tfra\tspa\n" + "\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
