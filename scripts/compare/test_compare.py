"""Tests of the comparison's conversions: how each peer's answer becomes a
TIMEX3-style value or an actor name, and that score.py, imported by path,
scores the converted shapes as it scores the engine's. Runs with the system
Python (no peer needed); the chrono test runs when chrono-node is installed.

    python3 -m unittest discover -s scripts/compare
"""
import datetime
import json
import pathlib
import shutil
import subprocess
import tempfile
import unittest

import date_peers
import name_peers
from articles import Article, write_list
from scoring import Scorer, as_dates, as_names, without_groups

HERE = pathlib.Path(__file__).resolve().parent
EVAL = HERE.parent.parent.parent / "shared" / "eval"


class DateparserValues(unittest.TestCase):
    def test_the_value_is_cut_to_the_period_dateparser_states(self):
        when = datetime.datetime(2024, 11, 21, 9, 30)
        cases = [("day", "2024-11-21"), ("month", "2024-11"), ("year", "2024"), ("week", "2024-W47"), ("time", "2024-11-21")]
        for period, value in cases:
            self.assertEqual(date_peers.dateparser_value(when, period), value, period)


class SpacyNames(unittest.TestCase):
    def test_a_leading_article_and_extra_spaces_go(self):
        self.assertEqual(name_peers.actor_name("the  European\nUnion"), "European Union")
        self.assertEqual(name_peers.actor_name("The Taliban"), "Taliban")
        self.assertEqual(name_peers.actor_name("Theresa May"), "Theresa May")


@unittest.skipUnless((EVAL / "score.py").is_file(), "the shared evaluation is not beside the repository")
class ScoredAsScorePyScores(unittest.TestCase):
    GOLD = {
        "published": "2024-11-21",
        "actors": [
            {"id": "eu", "kind": "organization", "names": ["European Union", "EU"]},
            {"id": "un", "kind": "organization", "names": ["United Nations", "UN"]},
            {"id": "west", "kind": "group", "names": ["the West"]},
        ],
        "events": [
            {"when": "2024-10-24", "sources": ["eu"], "targets": []},
            {"when": "2024-06", "sources": ["un"], "targets": []},
            {"when": "2024", "sources": ["un"], "targets": [], "optional": True},
        ],
    }

    def setUp(self):
        self.scorer = Scorer(EVAL)

    def test_dates_count_distinct_values_and_optional_ones_are_free(self):
        totals = self.scorer.counts()
        self.scorer.add(totals, self.GOLD, as_dates(["2024-10-24", "2024-10-24", "2024", "2024-11-21"]))
        dates = totals["dates"]
        self.assertEqual((dates.tp, dates.fp, dates.fn), (1, 1, 1))

    def test_names_match_gold_names_one_to_one(self):
        totals = self.scorer.counts()
        self.scorer.add(totals, self.GOLD, as_names(["EU", "European Union", "Moscow"]))
        actors = totals["actors"]
        self.assertEqual((actors.tp, actors.fn), (1, 2))
        named = self.scorer.counts()
        self.scorer.add(named, without_groups(self.GOLD), as_names(["EU", "European Union", "Moscow"]))
        self.assertEqual((named["actors"].tp, named["actors"].fn), (1, 1))


@unittest.skipUnless((HERE / "node_modules/chrono-node").is_dir() and shutil.which("node"), "chrono-node is not installed")
class ChronoValues(unittest.TestCase):
    def test_values_keep_the_precision_chrono_states(self):
        with tempfile.TemporaryDirectory() as scratch:
            path = pathlib.Path(scratch) / "list.jsonl"
            write_list([
                Article("de", "Gestern und am 24. Oktober.", "de", "2024-11-21"),
                Article("en", "In June 2023, and on Monday.", "en", "2024-11-21"),
            ], path)
            seconds, found = date_peers.Chrono(path, HERE).run(2)
        self.assertEqual(len(seconds), 2)
        self.assertEqual(found["de"], ["2024-11-20", "2024-10-24"])
        self.assertEqual(found["en"], ["2023-06", "2024-11-18"])


if __name__ == "__main__":
    unittest.main()
