#!/usr/bin/env python3
"""Generate crates/lagebild-core/data/gazetteer/regions.json.

The engine reads it to resolve a definite description of a state to the state
an article named before ("the West African nation", "das osteuropäische
Land", "der Golfstaat", "the kingdom"): a region's adjective, or a kind of
state, narrows the states the description may mean.

Sources:

1. Unicode CLDR's territory containment (the UN M49 geography: which
   countries each region holds, regions within regions), from the npm
   package cldr-core, and the English and German names of the regions from
   cldr-localenames-full. Install both outside the repository and pass their
   folder:

       CLDR=$(mktemp -d)
       npm install --prefix "$CLDR" cldr-core cldr-localenames-full
       python3 scripts/data/gen_regions.py --cldr "$CLDR/node_modules"

2. scripts/data/regions_curated.json -- hand-curated by the Lagebild team:
   the adjectives of the M49 regions (CLDR has names only), the informal
   regions news uses (Middle East, the Gulf, the Balkans, ...) with their
   members, and kinds of state (island states and Israel as the Jewish
   state by list; kingdoms, emirates,
   sultanates, principalities and grand duchies found from words in the
   states' official names in states.json).

Members are state ids as in states.json (matched by ISO code); territories
that are not states there are left out. Regions whose curated entry gives no
adjective and no compound are left out: the engine could not use them.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generated import add_output_arguments, write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CURATED = ROOT / "scripts" / "data" / "regions_curated.json"
DEFAULT_STATES = ROOT / "crates" / "lagebild-core" / "data" / "gazetteer" / "states.json"
DEFAULT_OUT = ROOT / "crates" / "lagebild-core" / "data" / "gazetteer" / "regions.json"
LANGUAGES = ("en", "de")


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def package_version(folder: Path) -> str:
    meta = load_json(folder / "package.json")
    return f"{meta.get('name', folder.name)} {meta.get('version', '')}".strip()


def containment(core: Path) -> dict[str, list[str]]:
    """Region code -> the codes it contains, groupings included, deprecated codes left out."""
    table = load_json(core / "supplemental" / "territoryContainment.json")["supplemental"]["territoryContainment"]
    out: dict[str, list[str]] = {}
    for key, value in table.items():
        if "-status-deprecated" in key:
            continue
        code = key.split("-status-")[0]
        out.setdefault(code, []).extend(value.get("_contains", []))
    return out


def countries_in(code: str, contains: dict[str, list[str]]) -> set[str]:
    if code not in contains:
        return {code}
    out: set[str] = set()
    for child in contains[code]:
        out |= countries_in(child, contains)
    return out


def by_language(given: dict | None) -> dict[str, list[str]]:
    given = given or {}
    return {lang: list(given.get(lang, [])) for lang in LANGUAGES}


def state_ids(codes: set[str] | list[str], id_by_iso: dict[str, str], where: str, strict: bool) -> list[str]:
    out = []
    for code in codes:
        if code in id_by_iso:
            out.append(id_by_iso[code])
        elif strict:
            raise SystemExit(f"{where}: {code} is not a state in states.json")
    return sorted(set(out))


def official_kind_members(states: list[dict], words: dict[str, list[str]]) -> list[str]:
    """States one of whose names holds one of the words as whole words ('Kingdom of Spain', 'Grand Duchy')."""
    out = []
    for state in states:
        for lang in LANGUAGES:
            names = [f" {name} " for name in state.get("names", {}).get(lang, [])]
            if any(f" {word} " in name for name in names for word in words.get(lang, [])):
                out.append(state["id"])
                break
    return sorted(set(out))


def build(curated: dict, states: list[dict], contains: dict[str, list[str]],
          names: dict[str, dict[str, str]], versions: str) -> dict:
    id_by_iso = {s["iso"]: s["id"] for s in states}
    regions = []
    for code, entry in sorted(curated["m49"].items()):
        if code not in contains:
            raise SystemExit(f"m49 {code}: not a region in CLDR's territory containment")
        regions.append({
            "id": f"m49_{code}",
            "m49": code,
            "names": {lang: [names[lang][code]] for lang in LANGUAGES},
            "adjectives": by_language(entry.get("adjectives")),
            "compounds": by_language(entry.get("compounds")),
            "members": state_ids(countries_in(code, contains), id_by_iso, f"m49 {code}", strict=False),
        })
    for entry in curated["informal"]:
        regions.append({
            "id": entry["id"],
            "names": by_language(entry.get("names")),
            "adjectives": by_language(entry.get("adjectives")),
            "compounds": by_language(entry.get("compounds")),
            "members": state_ids(entry["members"], id_by_iso, entry["id"], strict=True),
        })
    kinds = []
    for kind_id, entry in sorted(curated["kinds"].items()):
        if "members" in entry:
            members = state_ids(entry["members"], id_by_iso, f"kind {kind_id}", strict=True)
        else:
            members = official_kind_members(states, entry.get("official_words", {}))
        kinds.append({
            "id": kind_id,
            "modifiers": by_language(entry.get("modifiers")),
            "compounds": by_language(entry.get("compounds")),
            "members": members,
        })
    source = (
        "Generated by scripts/data/gen_regions.py; do not edit by hand. Regions of the UN M49 geography "
        f"with their members and English and German names from Unicode CLDR ({versions}: "
        "territoryContainment and territory names); their adjectives, the informal regions (Middle East, "
        "Gulf, Arab world, Maghreb, Balkans, Baltic states, Scandinavia, Nordic countries, South Caucasus, "
        "Sahel, former Soviet Union, Pacific island states) and the island states from "
        "scripts/data/regions_curated.json (hand-curated by the Lagebild team; its _source gives the "
        "selection), as is Israel as the Jewish state; kingdoms, emirates, sultanates, principalities and grand duchies are the states whose "
        "names in states.json hold that word. Members are state ids of states.json. German adjectives are "
        "stems without ending; 'compounds' are German first parts of a state noun ('Golf' in 'Golfstaat'); "
        "'modifiers' are words before a state noun that name a kind ('island nation')."
    )
    return {"_source": source, "regions": regions, "kinds": kinds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cldr", type=Path, required=True,
                        help="node_modules folder holding cldr-core and cldr-localenames-full")
    parser.add_argument("--curated", type=Path, default=DEFAULT_CURATED)
    parser.add_argument("--states", type=Path, default=DEFAULT_STATES)
    add_output_arguments(parser, DEFAULT_OUT)
    args = parser.parse_args()

    core = args.cldr / "cldr-core"
    localenames = args.cldr / "cldr-localenames-full"
    names = {
        lang: load_json(localenames / "main" / lang / "territories.json")["main"][lang]["localeDisplayNames"]["territories"]
        for lang in LANGUAGES
    }
    versions = f"{package_version(core)}, {package_version(localenames)}"
    data = build(load_json(args.curated), load_json(args.states)["states"], containment(core), names, versions)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return write_or_check(args.out, text, args.check, __file__, f"{len(data['regions'])} regions, {len(data['kinds'])} kinds")


if __name__ == "__main__":
    sys.exit(main())
