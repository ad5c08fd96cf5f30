"""Scoring every tool the way the evaluation's score.py scores the engine.

A tool's findings are put into the shape of a briefing and handed to
score.py's own `score_doc`, imported by path: dates as events that carry
only a `when` (score.py's date line compares the distinct `when` values of
an article with the gold events' dates, optional events neither rewarded nor
penalised), names as actors that carry only a `name` (score.py matches an
actor to a gold actor when a normalised name is equal, one to one).
"""
from common import load_module


class Scorer:
    def __init__(self, eval_dir):
        self.score = load_module(eval_dir / "score.py")

    def counts(self):
        return {m: self.score.Counts() for m in self.score.METRICS}

    def add(self, totals, gold, prediction):
        """Scores one article into `totals` (a dict of score.py's Counts)."""
        self.score.score_doc(gold, prediction, totals)


def as_dates(values):
    """A briefing whose only content is the given date values."""
    return {"actors": [], "events": [{"when": v} for v in sorted(set(values))]}


def as_names(names):
    """A briefing whose only content is one actor per distinct name."""
    distinct = sorted(set(names))
    return {"actors": [{"id": f"name{i}", "name": n} for i, n in enumerate(distinct)], "events": []}


def without_groups(gold):
    """The gold file with its collective groups left out (named actors only)."""
    return {**gold, "actors": [a for a in gold["actors"] if a.get("kind") != "group"]}


def prf(counts):
    """Precision, recall, F1 and the tp/fp/fn of one score.py Counts."""
    p, r, f = counts.f1()
    return {"p": p, "r": r, "f1": f, "tp": counts.tp, "fp": counts.fp, "fn": counts.fn}
