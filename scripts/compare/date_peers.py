"""The date taggers Lagebild is compared with, each run on the same
articles with the same language and reference date, and each answer turned
into a TIMEX3-style value at the precision the tool itself states.

- dateparser (PyPI): `dateparser.search.search_dates`, the article's
  language, `RELATIVE_BASE` = the publication date, everything else at its
  defaults; `add_period=True` gives the precision it found (day, week, month,
  year), and the value is cut to it.
- chrono-node (npm): `chrono.de` / `chrono.en` with the publication date as
  reference, run by `chrono_dates.mjs` in Node.

Each tool offers `timed_pass()`: the seconds of one pass over all articles
and, per article name, the values found. The first pass of each is untimed.
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


class Dateparser:
    name = "dateparser"

    def __init__(self, articles):
        from dateparser.search import search_dates

        self.search_dates = search_dates
        self.articles = articles
        self.found()  # the untimed first pass: dateparser loads its language data lazily

    def found(self):
        found = {}
        for a in self.articles:
            base = datetime.datetime.strptime(a.published, "%Y-%m-%d")
            settings = {"RELATIVE_BASE": base}
            results = self.search_dates(a.text, languages=[a.language], settings=settings, add_period=True)
            found[a.name] = [dateparser_value(when, period) for _, when, period in results or []]
        return found

    def timed_pass(self):
        started = time.perf_counter()
        found = self.found()
        return time.perf_counter() - started, found


class Chrono:
    """chrono-node in Node: each pass is one run of chrono_dates.mjs, which
    parses everything once untimed and then times one more pass."""

    name = "chrono-node"

    def __init__(self, list_path, here):
        self.command = ["node", str(here / "chrono_dates.mjs"), str(list_path)]
        self.here = here

    def run(self, repeat):
        # chrono reads the reference date in local time; one zone for every run.
        env = {**os.environ, "TZ": "UTC"}
        done = subprocess.run(self.command + [str(repeat)], capture_output=True, text=True, cwd=self.here, env=env)
        if done.returncode != 0:
            raise SystemExit(f"compare: chrono_dates.mjs failed: {done.stderr.strip()}")
        result = json.loads(done.stdout)
        return result["seconds"], {a["name"]: [d["value"] for d in a["dates"]] for a in result["articles"]}

    def timed_pass(self):
        seconds, found = self.run(1)
        return seconds[0], found
