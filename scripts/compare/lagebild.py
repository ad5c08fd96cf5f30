"""Lagebild's side of the comparison, through its command line: the date
tagger or actor recognition alone timed by `lagebild bench --stage`, and
each annotated article's briefing from `lagebild extract`."""
import json
import subprocess


class Lagebild:
    def __init__(self, binary, scratch):
        self.binary = str(binary)
        self.scratch = scratch

    def stage(self, list_path, stage):
        """One stage alone over an article list, as a tool of the comparison."""
        return Stage(self.binary, list_path, stage)

    def briefing(self, article):
        """The briefing of one article, given its language and publication date."""
        path = self.scratch / f"{article.name}.txt"
        path.write_text(article.text, encoding="utf-8")
        command = [self.binary, "extract", "--published", article.published, "--lang", article.language, str(path)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"compare: lagebild extract failed on {article.name}: {done.stderr.strip()}")
        return json.loads(done.stdout)


class Stage:
    """Each pass is one `lagebild bench` run: one untimed pass, then one
    timed serial pass over the articles."""

    def __init__(self, binary, list_path, stage):
        self.name = {"dates": "Lagebild (date tagger)", "actors": "Lagebild (actor recognition)"}[stage]
        self.command = [binary, "bench", "--stage", stage, "--threads", "1", "--repeat", "1", "--json", str(list_path)]

    def timed_pass(self):
        done = subprocess.run(self.command, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"compare: lagebild bench failed: {done.stderr.strip() or done.stdout.strip()}")
        return json.loads(done.stdout)["serial"]["seconds"], None


def date_values(briefing):
    """The values of the date expressions the tagger found (durations and
    sets, which are not dates, and unresolved expressions left out)."""
    return [d["value"] for d in briefing.get("dates", []) if d.get("kind") == "date" and d.get("value")]
