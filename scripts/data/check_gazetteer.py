#!/usr/bin/env python3
"""Validate the gazetteer data in crates/lagebild-core/data/gazetteer/.

Checks, for states.json, organizations.json, companies.json, people.json,
groups.json and roles.json (and scripts/data/states_curated.json):

* valid UTF-8 JSON with a non-empty "_source" string first, pretty-printed
  (two-space indent, non-ASCII kept) and entries sorted by id;
* ids in lower_snake_case and unique across all files;
* every member_of, office "of" and role affiliation names an existing id;
* no empty or badly spaced name, every actor named in English and German;
* German adjectives given as stems ("nordkoreanisch", not "nordkoreanische"),
  de_article one of der/die/das, office years in order;
* no surface form claimed by two different actors within one language. The
  forms are expanded as the engine expands them (German genitive -s, German
  adjective endings, weak -en of group phrases, English abbreviations used in
  German texts), since the engine maps each form to one actor only;
* the short forms the engine makes from organisation and company names that
  end in a generic word ("Mahan Air" -> "Mahan", see "generic_endings" in
  organization_heads.json): a short form may not be another actor's form that
  the engine reads later (it would take that actor's mentions) nor another
  short form. One that an actor read earlier already claims is never used and
  is only noted.

Usage:
    python3 scripts/data/check_gazetteer.py            # check, exit 1 on errors
    python3 scripts/data/check_gazetteer.py --fix      # re-sort and re-indent the
                                                       # hand-written files first
    python3 scripts/data/check_gazetteer.py --cldr DIR # also check that
                                                       # states.json is regenerated

Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "lagebild-core" / "data" / "gazetteer"
CURATED = ROOT / "scripts" / "data" / "states_curated.json"
HEADS = DATA / "organization_heads.json"

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
LANGUAGES = ("en", "de")
GERMAN_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
ARTICLES = {"der", "die", "das"}

# file name -> list key, and whether the file is written by hand (so --fix may
# re-sort it) or generated. In the order the engine reads them: when two forms
# are the same, the one read first wins.
FILES = {
    "states.json": ("states", False),
    "organizations.json": ("organizations", True),
    "companies.json": ("organizations", True),
    "people.json": ("people", True),
    "groups.json": ("groups", True),
    "roles.json": ("roles", True),
}


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")


def canonical(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def is_abbreviation(name: str) -> bool:
    """The engine's rule: at least two letters, all upper case."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def german_name_forms(name: str) -> list[str]:
    """A name and the genitive the engine adds ("Russland" -> "Russlands")."""
    forms = [name]
    if not name.endswith(("s", "ß", "x", "z")) and not is_abbreviation(name):
        forms.append(name + "s")
    return forms


def generic_shorts(names: list[str], endings: set[str]) -> list[str]:
    """The engine's short forms: a name without its generic last word
    ("Mahan Air" -> "Mahan"), when at least three bytes are left."""
    shorts = []
    for name in names:
        rest, _, last = name.rpartition(" ")
        if rest and last in endings and len(rest.encode("utf-8")) >= 3:
            shorts.append(rest)
    return shorts


def load_generic_endings(report: Report) -> dict[str, set[str]]:
    """The generic endings per language; none where the file has no such list."""
    try:
        heads = json.loads(HEADS.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        report.error(HEADS.name, f"cannot read: {error}")
        return {lang: set() for lang in LANGUAGES}
    return {lang: set(heads.get(lang, {}).get("generic_endings", [])) for lang in LANGUAGES}


def group_forms(name: str, language: str) -> list[str]:
    forms = [name]
    if language == "de" and " " in name:
        first, rest = name.split(" ", 1)
        if first.endswith("e") and first[:1].islower():
            forms.append(f"{first}n {rest}")
    return forms


def load(path: Path, report: Report) -> dict | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        report.error(path.name, f"cannot read: {error}")
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        report.error(path.name, f"invalid JSON: {error}")
        return None
    if not isinstance(data, dict):
        report.error(path.name, "top level is not an object")
        return None
    keys = list(data)
    if not keys or keys[0] != "_source" or not isinstance(data["_source"], str) or not data["_source"].strip():
        report.error(path.name, 'must start with a non-empty "_source" string')
    if text != canonical(data):
        report.error(path.name, "not pretty-printed canonically (json.dumps indent=2, ensure_ascii=False); run with --fix")
    return data


def check_strings(where: str, values: object, report: Report, *, required: bool) -> list[str]:
    if values is None:
        values = []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        report.error(where, "must be a list of strings")
        return []
    if required and not values:
        report.error(where, "is empty")
    for value in values:
        if not value.strip():
            report.error(where, "has an empty name")
        elif value != value.strip() or "  " in value:
            report.error(where, f"badly spaced name {value!r}")
    if len(set(values)) != len(values):
        duplicates = sorted({v for v in values if values.count(v) > 1})
        report.error(where, f"repeats {duplicates}")
    return values


def by_language(where: str, entry: dict, key: str, report: Report, *, required: bool) -> dict[str, list[str]]:
    value = entry.get(key, {})
    if not isinstance(value, dict):
        report.error(where, f"{key} must be an object with en and de")
        return {lang: [] for lang in LANGUAGES}
    unknown = set(value) - set(LANGUAGES)
    if unknown:
        report.error(where, f"{key} has unknown languages {sorted(unknown)}")
    return {lang: check_strings(f"{where} {key}.{lang}", value.get(lang), report, required=required) for lang in LANGUAGES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fix", action="store_true", help="re-sort by id and re-indent the hand-written files first")
    parser.add_argument("--cldr", type=Path, help="CLDR package folder: also check states.json against the generator")
    args = parser.parse_args()
    report = Report()

    if args.fix:
        fix_files()

    data: dict[str, dict] = {}
    for name in FILES:
        loaded = load(DATA / name, report)
        if loaded is not None:
            data[name] = loaded
    curated = load(CURATED, report)

    # Ids: format, order, uniqueness across all files.
    owner: dict[str, str] = {}
    entries: dict[str, list[dict]] = {}
    for name, (key, _) in FILES.items():
        items = data.get(name, {}).get(key)
        if not isinstance(items, list):
            report.error(name, f'needs a list "{key}"')
            items = []
        entries[name] = [i for i in items if isinstance(i, dict)]
        if len(entries[name]) != len(items):
            report.error(name, "has entries that are not objects")
        if name == "roles.json":
            continue
        ids = [i.get("id") for i in entries[name]]
        if ids != sorted(ids, key=lambda x: str(x)):
            report.error(name, "entries are not sorted by id")
        for entry in entries[name]:
            actor = entry.get("id")
            if not isinstance(actor, str) or not ID_PATTERN.match(actor):
                report.error(name, f"id {actor!r} is not lower_snake_case")
                continue
            if actor in owner:
                report.error(name, f"id {actor} is also used in {owner[actor]}")
            owner[actor] = name
            if not isinstance(entry.get("name"), str) or not entry["name"].strip():
                report.error(f"{name} {actor}", "needs a display name")

    def known(where: str, target: object) -> None:
        if target is not None and target not in owner:
            report.error(where, f"points to unknown id {target!r}")

    # surfaces[language][form] = {actor ids}; shorts likewise for the short
    # forms of organisations and companies; read[actor] = the place in which
    # the engine reads the actor.
    surfaces: dict[str, dict[str, set[str]]] = {lang: defaultdict(set) for lang in LANGUAGES}
    shorts: dict[str, dict[str, set[str]]] = {lang: defaultdict(set) for lang in LANGUAGES}
    read: dict[str, int] = {}
    generic_endings = load_generic_endings(report)

    def claim(language: str, forms: list[str], actor: str) -> None:
        read.setdefault(actor, len(read))
        for form in forms:
            surfaces[language][form].add(actor)

    def claim_names(names: dict[str, list[str]], actor: str) -> None:
        for name in names["en"]:
            claim("en", [name], actor)
        german = names["de"] + [n for n in names["en"] if is_abbreviation(n)]
        for name in german:
            claim("de", german_name_forms(name), actor)

    def claim_adjectives(adjectives: dict[str, list[str]], actor: str, where: str) -> None:
        claim("en", adjectives["en"], actor)
        for stem in adjectives["de"]:
            if not stem.endswith("sch"):
                report.error(where, f"German adjective {stem!r} should be a stem such as 'russisch'")
            forms = [stem + ending for ending in GERMAN_ADJECTIVE_ENDINGS]
            claim("de", forms + [capitalise(f) for f in forms], actor)

    # States.
    isos = {}
    for state in entries["states.json"]:
        actor = state.get("id", "?")
        where = f"states.json {actor}"
        names = by_language(where, state, "names", report, required=True)
        adjectives = by_language(where, state, "adjectives", report, required=False)
        demonyms = by_language(where, state, "demonyms", report, required=False)
        seats = by_language(where, state, "seats", report, required=False)
        iso = state.get("iso")
        if not isinstance(iso, str) or not re.fullmatch(r"[A-Z]{2}", iso):
            report.error(where, f"iso {iso!r} is not two capital letters")
        elif iso in isos:
            report.error(where, f"iso {iso} is also {isos[iso]}")
        else:
            isos[iso] = actor
        if "de_article" in state and state["de_article"] not in ARTICLES:
            report.error(where, f"de_article {state['de_article']!r} is not der/die/das")
        if names["en"] and names["en"][0] != state.get("name"):
            report.error(where, "the first English name should be the display name")
        claim_names(names, actor)
        claim_adjectives(adjectives, actor, where)
        for table in (demonyms, seats):
            claim("en", table["en"], actor)
            for form in table["de"]:
                claim("de", german_name_forms(form), actor)

    # Organisations, then companies (the same format).
    for file_name in ("organizations.json", "companies.json"):
        for org in entries[file_name]:
            actor = org.get("id", "?")
            where = f"{file_name} {actor}"
            if org.get("kind", "organization") not in ("organization", "state", "group"):
                report.error(where, f"kind {org.get('kind')!r} is not an actor kind for organisations")
            names = by_language(where, org, "names", report, required=True)
            adjectives = by_language(where, org, "adjectives", report, required=False)
            known(where + " member_of", org.get("member_of"))
            if org.get("member_of") == actor:
                report.error(where, "is a member of itself")
            claim_names(names, actor)
            claim_adjectives(adjectives, actor, where)
            for language in LANGUAGES:
                for short in generic_shorts(names[language], generic_endings[language]):
                    forms = german_name_forms(short) if language == "de" else [short]
                    for form in forms:
                        shorts[language][form].add(actor)

    # People.
    for person in entries["people.json"]:
        actor = person.get("id", "?")
        where = f"people.json {actor}"
        names = check_strings(where + " names", person.get("names"), report, required=True)
        short = check_strings(where + " short", person.get("short"), report, required=False)
        if person.get("name") not in names:
            report.error(where, "the display name should be one of the names")
        known(where + " member_of", person.get("member_of"))
        if person.get("member_of") is None:
            report.error(where, "needs member_of")
        offices = person.get("offices", [])
        if not isinstance(offices, list) or not offices:
            report.error(where, "needs at least one office")
            offices = []
        for office in offices:
            if not isinstance(office, dict) or not str(office.get("role", "")).strip():
                report.error(where, f"office without role: {office!r}")
                continue
            known(where + " office", office.get("of"))
            start, end = office.get("from"), office.get("to")
            if not isinstance(start, int) or not (end is None or isinstance(end, int)):
                report.error(where, f"office years must be integers (to may be null): {office!r}")
            elif end is not None and end < start:
                report.error(where, f"office ends before it starts: {office!r}")
        for language in LANGUAGES:
            for name in names + short:
                claim(language, german_name_forms(name) if language == "de" else [name], actor)

    # Groups.
    for group in entries["groups.json"]:
        actor = group.get("id", "?")
        where = f"groups.json {actor}"
        if group.get("kind", "group") != "group":
            report.error(where, "kind must be group")
        names = by_language(where, group, "names", report, required=True)
        for language in LANGUAGES:
            for name in names[language]:
                claim(language, group_forms(name, language), actor)

    # Roles.
    for index, role in enumerate(entries["roles.json"]):
        where = f"roles.json #{index + 1}"
        de = check_strings(where + " de", role.get("de"), report, required=False)
        en = check_strings(where + " en", role.get("en"), report, required=False)
        if not de and not en:
            report.error(where, "has no titles")
        if not isinstance(role.get("kind"), str) or not role["kind"].strip():
            report.error(where, "needs a kind")
        known(where + " affiliation", role.get("affiliation"))
        where = f"{where} ({(de or en or ['?'])[0]})"
    role_titles: dict[str, dict[str, int]] = {lang: {} for lang in LANGUAGES}
    for index, role in enumerate(entries["roles.json"]):
        for language in LANGUAGES:
            for title in role.get(language, []) or []:
                key = title.lower()
                if key in role_titles[language] and role_titles[language][key] != index:
                    report.error("roles.json", f"{language} title {title!r} appears in two roles")
                role_titles[language][key] = index

    # The curated source of states.json.
    if curated is not None:
        curated_states = curated.get("states", [])
        ids = [s.get("id") for s in curated_states]
        if ids != sorted(ids, key=str):
            report.error(CURATED.name, "states are not sorted by id")
        generated = {s.get("id") for s in entries["states.json"]}
        if set(ids) != generated:
            report.error(CURATED.name, f"ids differ from states.json: {sorted(set(ids) ^ generated)}")

    # Surface forms claimed by two actors.
    conflicts = 0
    for language in LANGUAGES:
        for form, actors in sorted(surfaces[language].items()):
            if len(actors) > 1:
                conflicts += 1
                report.error(f"conflict [{language}]", f"{form!r} is claimed by {', '.join(sorted(actors))}")

    # Short forms of organisations and companies.
    notes: list[str] = []
    short_count = 0
    for language in LANGUAGES:
        for form, owners in sorted(shorts[language].items()):
            short_count += 1
            if len(owners) > 1:
                report.error(f"short [{language}]", f"{form!r} is the short form of {', '.join(sorted(owners))}")
                continue
            owner = next(iter(owners))
            for other in sorted(surfaces[language].get(form, set()) - {owner}):
                if read.get(other, -1) > read[owner]:
                    report.error(f"short [{language}]", f"{form!r} of {owner} would take the mentions of {other}")
                else:
                    notes.append(f"[{language}] short form {form!r} of {owner} is never used: it names {other}")

    if args.cldr:
        check_generated(args.cldr, report)

    states = entries["states.json"]
    with_adjectives = sum(1 for s in states if any(s.get("adjectives", {}).get(lang) for lang in LANGUAGES))
    print(
        f"states: {len(states)} ({with_adjectives} with adjectives; "
        f"UN members {sum(1 for s in states if s.get('un') == 'member')}, "
        f"observers {sum(1 for s in states if s.get('un') == 'observer')}, "
        f"others {sum(1 for s in states if s.get('un') == 'none')})"
    )
    print(f"organizations: {len(entries['organizations.json'])}")
    print(f"companies: {len(entries['companies.json'])}")
    print(f"people: {len(entries['people.json'])}")
    print(f"groups: {len(entries['groups.json'])}")
    print(f"roles: {len(entries['roles.json'])}")
    print(
        "surface forms: "
        + ", ".join(f"{lang} {len(surfaces[lang])}" for lang in LANGUAGES)
        + f"; conflicts: {conflicts}"
    )
    print(f"short forms of organisations and companies: {short_count} ({len(notes)} never used)")
    for line in notes:
        print(f"NOTE {line}")
    for line in report.errors:
        print(f"ERROR {line}")
    if report.errors:
        print(f"FAILED: {len(report.errors)} problems")
        return 1
    print("OK: gazetteer data is valid")
    return 0


def fix_files() -> None:
    """Re-sort by id and re-indent the hand-written files (and the curated one)."""
    targets = [(DATA / name, key) for name, (key, by_hand) in FILES.items() if by_hand]
    targets.append((CURATED, "states"))
    for path, key in targets:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue  # reported by the check itself
        items = data.get(key)
        if isinstance(items, list) and key != "roles":
            items.sort(key=lambda item: str(item.get("id", "")) if isinstance(item, dict) else "")
        source = data.pop("_source", None)
        if source is not None:
            data = {"_source": source, **data}
        path.write_text(canonical(data), encoding="utf-8")


def check_generated(cldr: Path, report: Report) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import gettext

    import gen_gazetteer

    curated = json.loads(CURATED.read_text(encoding="utf-8"))
    iso_entries = {e["alpha_2"]: e for e in json.loads(gen_gazetteer.DEFAULT_ISO_JSON.read_text(encoding="utf-8"))["3166-1"]}
    with gen_gazetteer.DEFAULT_ISO_MO.open("rb") as handle:
        german = gettext.GNUTranslations(handle)
    names, version = gen_gazetteer.load_cldr(cldr)
    expected = canonical(gen_gazetteer.build(curated, iso_entries, german, names, version))
    if (DATA / "states.json").read_text(encoding="utf-8") != expected:
        report.error("states.json", "differs from what gen_gazetteer.py generates; regenerate it")


if __name__ == "__main__":
    sys.exit(main())
