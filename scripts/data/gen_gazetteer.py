#!/usr/bin/env python3
"""Generate crates/lagebild-core/data/gazetteer/states.json.

Sources, merged in this order (earlier wins where order matters):

1. scripts/data/states_curated.json -- hand-curated by the Lagebild team: which
   states are listed (every UN member and observer state, plus Taiwan and
   Kosovo), stable ids, the common English name, the common German name where
   CLDR's differs, extra names and abbreviations, German articles, adjectives,
   demonyms, capitals and seats of government.
2. Debian's iso-codes: ISO 3166-1 short, common and official names
   (/usr/share/iso-codes/json/iso_3166-1.json) and their German translations
   (/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo, read with gettext).
3. Unicode CLDR territory names in English and German, from the npm package
   cldr-localenames-full (or cldr-localenames-modern). Install it outside the
   repository and pass its folder:

       npm install --prefix /tmp/cldr cldr-localenames-full
       python3 scripts/data/gen_gazetteer.py \
           --cldr /tmp/cldr/node_modules/cldr-localenames-full

Rules applied to names taken from ISO and CLDR: inverted or annotated forms
("Korea, Republic of", "Myanmar (Burma)", "Congo - Kinshasa", "Bosnia &
Herzegovina") are skipped, a leading "the " is dropped, and names listed under
a state's "drop" are left out. Every name with an apostrophe also gets the
other apostrophe (' and U+2019). German names that start with an adjective
("Vereinigte Staaten", "Russische Föderation") also get their weak form
("Vereinigten Staaten", "Russischen Föderation"), since the engine only adds
the genitive -s itself. German demonyms written with a trailing '*' are
expanded ("Ukrainer*" -> Ukrainer, Ukrainern, Ukrainerin, Ukrainerinnen;
"Russe*" -> Russe, Russen, Russin, Russinnen).

Order of names: the common short name first, then long and other forms, then
abbreviations. States are sorted by id. Standard library only.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generated import add_output_arguments, write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CURATED = ROOT / "scripts" / "data" / "states_curated.json"
DEFAULT_OUT = ROOT / "crates" / "lagebild-core" / "data" / "gazetteer" / "states.json"
DEFAULT_ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
DEFAULT_ISO_MO = Path("/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo")

LANGUAGES = ("en", "de")
UN_STATUS = ("member", "observer", "none")
ADJECTIVE_TOKEN = re.compile(r"^\w*(isch|igt|iert|ativ|al|ig)(e|es|er)$")


def is_abbreviation(name: str) -> bool:
    """Same rule as the engine: at least two letters, all upper case."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def usable_source_name(name: str) -> str | None:
    """A name from ISO or CLDR as the engine can use it, or None."""
    name = name.strip()
    if not name or any(mark in name for mark in (",", "(", ")", " - ", "&")):
        return None
    if name.startswith("the "):
        name = name[4:]
    return name


def apostrophe_variants(name: str) -> list[str]:
    out = [name]
    if "’" in name:
        out.append(name.replace("’", "'"))
    if "'" in name:
        out.append(name.replace("'", "’"))
    return out


def weak_form(name: str) -> str | None:
    """'Vereinigte Arabische Emirate' -> 'Vereinigten Arabischen Emirate'."""
    tokens = name.split(" ")
    changed = 0
    for i, token in enumerate(tokens[:-1]):
        if not ADJECTIVE_TOKEN.match(token):
            break
        for ending in ("es", "er", "e"):
            if token.endswith(ending):
                tokens[i] = token[: -len(ending)] + "en"
                break
        changed += 1
    if not changed or not tokens[0][:1].isupper():
        return None
    return " ".join(tokens)


def expand_german_demonym(form: str) -> list[str]:
    if not form.endswith("*"):
        return [form]
    base = form[:-1]
    if base.endswith("er"):
        return [base, base + "n", base + "in", base + "innen"]
    if base.endswith("e"):
        stem = base[:-1]
        return [base, stem + "en", stem + "in", stem + "innen"]
    raise SystemExit(f"cannot expand German demonym {form!r}: only -er and -e bases expand")


def unique(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def order_names(names: list[str]) -> list[str]:
    """Common name first, then other names, then abbreviations (stable)."""
    names = unique(names)
    if not names:
        return names
    head, rest = names[0], names[1:]
    return [head] + [n for n in rest if not is_abbreviation(n)] + [n for n in rest if is_abbreviation(n)]


def load_cldr(folder: Path) -> tuple[dict[str, dict[str, str]], str]:
    names = {}
    for lang in LANGUAGES:
        path = folder / "main" / lang / "territories.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        names[lang] = data["main"][lang]["localeDisplayNames"]["territories"]
    version = "unknown version"
    package = folder / "package.json"
    if package.exists():
        meta = json.loads(package.read_text(encoding="utf-8"))
        version = f"{meta.get('name', 'cldr')} {meta.get('version', '')}".strip()
    return names, version


def cldr_names(territories: dict[str, str], code: str) -> list[str]:
    out = []
    for key in (code, f"{code}-alt-short", f"{code}-alt-variant"):
        if key in territories:
            out.append(territories[key])
    return out


def build(curated: dict, iso_entries: dict[str, dict], german: gettext.NullTranslations,
          cldr: dict[str, dict[str, str]], cldr_version: str) -> dict:
    states = []
    for entry in curated["states"]:
        code = entry["iso"]
        iso = iso_entries.get(code, {})
        if not iso and code != "XK":
            raise SystemExit(f"{entry['id']}: {code} is not in iso-codes")
        if entry.get("un") not in UN_STATUS:
            raise SystemExit(f"{entry['id']}: un must be one of {UN_STATUS}")
        curated_names = entry.get("names", {})
        drop = {lang: set(entry.get("drop", {}).get(lang, [])) for lang in LANGUAGES}

        iso_en = [iso[k] for k in ("common_name", "name", "official_name") if k in iso]
        sourced = {
            "en": iso_en + cldr_names(cldr["en"], code),
            "de": [german.gettext(n) for n in iso_en] + cldr_names(cldr["de"], code),
        }
        common = {
            "en": entry["name"],
            "de": entry.get("de") or usable_source_name(cldr["de"].get(code, "")) or entry["name"],
        }
        names = {}
        for lang in LANGUAGES:
            raw = [common[lang]] + curated_names.get(lang, [])
            raw += [n for n in (usable_source_name(s) for s in sourced[lang]) if n]
            expanded = []
            for name in raw:
                expanded.extend(apostrophe_variants(name))
            if lang == "de":
                expanded += [w for w in (weak_form(n) for n in expanded) if w]
            names[lang] = order_names([n for n in expanded if n not in drop[lang]])

        def section(key: str) -> dict[str, list[str]]:
            given = entry.get(key, {})
            out = {}
            for lang in LANGUAGES:
                forms = []
                for form in given.get(lang, []):
                    if key == "demonyms" and lang == "de":
                        forms.extend(expand_german_demonym(form))
                    else:
                        forms.extend(apostrophe_variants(form))
                if key == "seats":
                    forms = [f for f in forms if f not in names[lang]]
                out[lang] = unique(forms)
            return out

        state = {"id": entry["id"], "name": entry["name"], "iso": code, "un": entry["un"]}
        if entry.get("de_article"):
            state["de_article"] = entry["de_article"]
        state["names"] = names
        state["adjectives"] = section("adjectives")
        state["demonyms"] = section("demonyms")
        state["seats"] = section("seats")
        states.append(state)

    states.sort(key=lambda s: s["id"])
    source = (
        "Generated by scripts/data/gen_gazetteer.py; do not edit by hand. Names from Debian iso-codes "
        "(ISO 3166-1 short, common and official names, German translations from its gettext catalogue) "
        f"and Unicode CLDR territory names in English and German ({cldr_version}), merged with "
        "scripts/data/states_curated.json (hand-curated by the Lagebild team: selection of UN member and "
        "observer states plus Taiwan and Kosovo, common names, abbreviations, German articles, "
        "adjectives, demonyms, capitals and seats of government). 'de_article' belongs to the first "
        "German name; German adjectives are stems without ending."
    )
    return {"_source": source, "states": states}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cldr", type=Path, required=True,
                        help="folder of the npm package cldr-localenames-full or cldr-localenames-modern")
    parser.add_argument("--iso-json", type=Path, default=DEFAULT_ISO_JSON)
    parser.add_argument("--iso-mo", type=Path, default=DEFAULT_ISO_MO)
    parser.add_argument("--curated", type=Path, default=DEFAULT_CURATED)
    add_output_arguments(parser, DEFAULT_OUT)
    args = parser.parse_args()

    curated = json.loads(args.curated.read_text(encoding="utf-8"))
    iso_entries = {e["alpha_2"]: e for e in json.loads(args.iso_json.read_text(encoding="utf-8"))["3166-1"]}
    with args.iso_mo.open("rb") as handle:
        german = gettext.GNUTranslations(handle)
    cldr, cldr_version = load_cldr(args.cldr)

    text = json.dumps(build(curated, iso_entries, german, cldr, cldr_version), ensure_ascii=False, indent=2) + "\n"
    return write_or_check(args.out, text, args.check, __file__, f"{len(json.loads(text)['states'])} states")


if __name__ == "__main__":
    sys.exit(main())
