"""The date taggers Lagebild is compared with, each run on the same
articles with the same language and reference date, and each answer turned
into a TIMEX3-style value at the precision the tool itself states.

- dateparser (PyPI): `dateparser.search.search_dates`, the article's
  language, `RELATIVE_BASE` = the publication date, everything else at its
  defaults; `add_period=True` gives the precision it found (day, week, month,
  year), and the value is cut to it.
- chrono-node (npm): `chrono.de` / `chrono.en` with the publication date as
  reference, run by `chrono_dates.mjs` in Node.
"""
import datetime
import json
import os
import subprocess
import time


def dateparser_value(found, period):
    if period == "month":
        return found.strftime("%Y-%m")
    if period == "year":
        return found.strftime("%Y")
    if period == "week":
        year, week, _ = found.isocalendar()
        return f"{year}-W{week:02d}"
    return found.strftime("%Y-%m-%d")


def run_dateparser(articles, repeat):
    """Seconds of each timed pass (after one untimed pass) and, per article
    name, the values found."""
    from dateparser.search import search_dates

    def one_pass():
        found = {}
        for a in articles:
            base = datetime.datetime.strptime(a.published, "%Y-%m-%d")
            results = search_dates(a.text, languages=[a.language], settings={"RELATIVE_BASE": base}, add_period=True)
            found[a.name] = [dateparser_value(when, period) for _, when, period in results or []]
        return found

    one_pass()
    seconds, found = [], {}
    for _ in range(repeat):
        started = time.perf_counter()
        found = one_pass()
        seconds.append(time.perf_counter() - started)
    return seconds, found


def run_chrono(list_path, repeat, here):
    """The same for chrono-node, run in Node on the article list."""
    command = ["node", str(here / "chrono_dates.mjs"), str(list_path), str(repeat)]
    # chrono reads the reference date in local time; one zone for every run.
    done = subprocess.run(command, capture_output=True, text=True, cwd=here, env={**os.environ, "TZ": "UTC"})
    if done.returncode != 0:
        raise SystemExit(f"compare: chrono_dates.mjs failed: {done.stderr.strip()}")
    result = json.loads(done.stdout)
    return result["seconds"], {a["name"]: [d["value"] for d in a["dates"]] for a in result["articles"]}
