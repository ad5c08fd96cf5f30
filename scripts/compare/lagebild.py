"""Lagebild's side of the comparison, through its command line: the date
tagger or actor recognition alone timed by `lagebild bench --stage`, and
each annotated article's briefing from `lagebild extract`."""
import json
import subprocess


class Lagebild:
    def __init__(self, binary, scratch):
        self.binary = str(binary)
        self.scratch = scratch

    def timed_passes(self, list_path, stage, repeat):
        """Seconds of `repeat` serial passes of one stage over the article
        list; each `bench` run warms up with one untimed pass first."""
        seconds = []
        for _ in range(repeat):
            command = [self.binary, "bench", "--stage", stage, "--threads", "1", "--repeat", "1", "--json", str(list_path)]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(f"compare: lagebild bench failed: {done.stderr.strip() or done.stdout.strip()}")
            figures = json.loads(done.stdout)
            seconds.append(figures["serial"]["seconds"])
        return seconds

    def briefing(self, article):
        """The briefing of one article, given its language and publication date."""
        path = self.scratch / f"{article.name}.txt"
        path.write_text(article.text, encoding="utf-8")
        command = [self.binary, "extract", "--published", article.published, "--lang", article.language, str(path)]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"compare: lagebild extract failed on {article.name}: {done.stderr.strip()}")
        return json.loads(done.stdout)


def date_values(briefing):
    """The values of the date expressions the tagger found (durations and
    sets, which are not dates, and unresolved expressions left out)."""
    return [d["value"] for d in briefing.get("dates", []) if d.get("kind") == "date" and d.get("value")]
