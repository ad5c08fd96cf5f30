#!/usr/bin/env python3
"""Lagebild against its peers, in one run, on the same articles:

- dates: Lagebild's date tagger, dateparser and chrono-node: speed (MB/s on
  the same texts, median of timed passes, the tools taking turns) and date F1 on the annotated
  articles, scored as the evaluation's score.py scores dates;
- actors: Lagebild's actor recognition and spaCy's small English model on
  the English articles: recall of the gold actors, and speed.

Run it through `scripts/compare/run`, which installs the peers first. The
tables are printed as Markdown, ready for docs/accuracy.md.
"""
import argparse
import datetime
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile

import articles as corpus
import date_peers
import name_peers
from lagebild import Lagebild, date_values
from scoring import Scorer, as_dates, as_names, prf, without_groups

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def arguments():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lagebild", type=pathlib.Path, default=ROOT / "target/release/lagebild",
                    help="the lagebild binary")
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared",
                    help="the folder with eval/, seed/, corpus/")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per tool (the median counts)")
    ap.add_argument("--sample", type=int, default=100, help="articles per public corpus added for the speed figures")
    ap.add_argument("--json", type=pathlib.Path, help="also write every figure to this file")
    args = ap.parse_args()
    if args.repeat < 1 or args.sample < 0:
        ap.error("--repeat must be at least 1 and --sample at least 0")
    return args


def speed(name, texts, seconds):
    mb = corpus.megabytes(texts)
    s = statistics.median(seconds)
    return {"tool": name, "articles": len(texts), "mb": mb, "seconds": s, "mb_per_s": mb / s, "passes": seconds}


def ratio_range(tool, lagebild):
    """The lowest and highest ratio of a tool's time to Lagebild's over the
    rounds (each round times every tool once, one after the other)."""
    ratios = [t / l for t, l in zip(tool["passes"], lagebild["passes"])]
    return f"{min(ratios):.1f}–{max(ratios):.1f}"


def interleaved(tools, repeat):
    """Times `repeat` passes of each tool, taking turns (one pass of each,
    then the next round), so that a change in the machine's load falls on
    every tool alike. Returns the seconds of each tool's passes and what
    each found in its last pass, by tool name."""
    seconds = {tool.name: [] for tool in tools}
    found = {}
    for _ in range(repeat):
        for tool in tools:
            took, found[tool.name] = tool.timed_pass()
            seconds[tool.name].append(took)
    return seconds, found


def date_f1(scorer, annotated, values_of):
    """score.py's date figures over all annotated articles and per language."""
    totals = {"all": scorer.counts(), "de": scorer.counts(), "en": scorer.counts()}
    for a in annotated:
        prediction = values_of(a)
        scorer.add(totals["all"], a.gold, prediction)
        scorer.add(totals[a.language], a.gold, prediction)
    return {part: prf(counts["dates"]) for part, counts in totals.items()}


def actor_recall(scorer, english, prediction_of):
    """score.py's actor figures on the English articles: all gold actors,
    and the named ones (without collective groups)."""
    every, named = scorer.counts(), scorer.counts()
    for a in english:
        prediction = prediction_of(a)
        scorer.add(every, a.gold, prediction)
        scorer.add(named, without_groups(a.gold), prediction)
    return {"all": prf(every["actors"]), "named": prf(named["actors"])}


def versions():
    import dateparser
    import spacy

    chrono = json.loads((HERE / "node_modules/chrono-node/package.json").read_text(encoding="utf-8"))["version"]
    commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return {
        "lagebild commit": commit.stdout.strip() or "unknown (not a git checkout)",
        "dateparser": dateparser.__version__,
        "chrono-node": chrono,
        "spacy": spacy.__version__,
        "python": sys.version.split()[0],
    }


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def run(args):
    shared = args.shared
    eval_dir = shared / "eval"
    gold_dirs = [shared / "seed", shared / "corpus" / "dev"]
    missing = [str(p) for p in [eval_dir, *gold_dirs] if not p.is_dir()]
    if missing:
        raise SystemExit(f"compare: not found: {', '.join(missing)} (give the shared folder with --shared DIR)")
    if not args.lagebild.is_file():
        raise SystemExit(f"compare: {args.lagebild} is missing: cargo build --release -p lagebild-cli")
    scorer = Scorer(eval_dir)
    annotated = corpus.annotated(gold_dirs, eval_dir)
    english = [a for a in annotated if a.language == "en"]
    sample = corpus.speed_sample(eval_dir, args.sample)
    texts = annotated + sample
    english_texts = [a for a in texts if a.language == "en"]

    with tempfile.TemporaryDirectory(prefix="lagebild-compare-") as scratch:
        scratch = pathlib.Path(scratch)
        lagebild = Lagebild(args.lagebild, scratch)
        all_list, english_list = scratch / "texts.jsonl", scratch / "english.jsonl"
        corpus.write_list(texts, all_list)
        corpus.write_list(english_texts, english_list)
        briefings = {a.name: lagebild.briefing(a) for a in annotated}

        print(f"dates: {len(texts)} articles, {corpus.megabytes(texts):.3f} MB", file=sys.stderr)
        date_tools = [
            lagebild.stage(all_list, "dates"),
            date_peers.Dateparser(texts),
            date_peers.Chrono(all_list, HERE),
        ]
        date_seconds, date_found = interleaved(date_tools, args.repeat)
        print(f"actors: {len(english_texts)} English articles, {corpus.megabytes(english_texts):.3f} MB", file=sys.stderr)
        spacy = name_peers.Spacy(english_texts)
        name_tools = [lagebild.stage(english_list, "actors"), spacy]
        name_seconds, name_found = interleaved(name_tools, args.repeat)

    dp_found, ch_found, sp_found = date_found["dateparser"], date_found["chrono-node"], name_found[spacy.name]
    figures = {
        "measured": datetime.date.today().isoformat(),
        "versions": {**versions(), "spacy model": spacy.model()},
        "annotated articles": [a.name for a in annotated],
        "speed sample": f"first {args.sample} dated articles of each of {', '.join(c for c, _ in corpus.SPEED_CORPORA)}",
        "dates": {
            "speed": [speed(tool.name, texts, date_seconds[tool.name]) for tool in date_tools],
            "f1": {
                "Lagebild (date tagger)": date_f1(scorer, annotated, lambda a: as_dates(date_values(briefings[a.name]))),
                "dateparser": date_f1(scorer, annotated, lambda a: as_dates(dp_found[a.name])),
                "chrono-node": date_f1(scorer, annotated, lambda a: as_dates(ch_found[a.name])),
                "Lagebild (event dates)": date_f1(scorer, annotated, lambda a: briefings[a.name]),
            },
        },
        "actors": {
            "speed": [speed(tool.name, english_texts, name_seconds[tool.name]) for tool in name_tools],
            "recall": {
                "Lagebild": actor_recall(scorer, english, lambda a: briefings[a.name]),
                "spaCy en_core_web_sm": actor_recall(scorer, english, lambda a: as_names(sp_found[a.name])),
            },
        },
    }
    return figures


def report(figures):
    out = [f"Measured {figures['measured']}; " + ", ".join(f"{k} {v}" for k, v in figures["versions"].items()) + "."]
    for part, label in (("dates", "Date taggers"), ("actors", "Actor recognition")):
        rows = figures[part]["speed"]
        base = rows[0]["seconds"]
        out.append(f"\n{label}, speed (median of {len(rows[0]['passes'])} timed passes, one thread):\n")
        out.append(table(
            ["tool", "articles", "MB", "seconds", "MB/s", "Lagebild is … times faster", "per round"],
            [[r["tool"], r["articles"], f"{r['mb']:.3f}", f"{r['seconds']:.3f}", f"{r['mb_per_s']:.3f}",
              "—" if i == 0 else f"{r['seconds'] / base:.1f}", "—" if i == 0 else ratio_range(r, rows[0])]
             for i, r in enumerate(rows)],
        ))
    out.append(f"\nDate F1 on the {len(figures['annotated articles'])} annotated articles (score.py's date line):\n")
    out.append(table(
        ["tool", "P", "R", "F1", "tp/fp/fn", "F1 German", "F1 English"],
        [[tool, f"{x['all']['p']:.3f}", f"{x['all']['r']:.3f}", f"{x['all']['f1']:.3f}",
          f"{x['all']['tp']}/{x['all']['fp']}/{x['all']['fn']}", f"{x['de']['f1']:.3f}", f"{x['en']['f1']:.3f}"]
         for tool, x in figures["dates"]["f1"].items()],
    ))
    out.append("\nActor recall on the English annotated articles (score.py's actor matching):\n")
    out.append(table(
        ["tool", "recall, all gold actors", "found/gold", "recall, named actors", "found/gold"],
        [[tool, f"{x['all']['r']:.3f}", f"{x['all']['tp']}/{x['all']['tp'] + x['all']['fn']}",
          f"{x['named']['r']:.3f}", f"{x['named']['tp']}/{x['named']['tp'] + x['named']['fn']}"]
         for tool, x in figures["actors"]["recall"].items()],
    ))
    return "\n".join(out)


def main():
    args = arguments()
    figures = run(args)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
