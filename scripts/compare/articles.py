"""The articles of the comparison: the annotated ones (seed and dev, with
their gold files) and a sample of public news for the speed figures.

Texts come from the shared folders beside the repository at run time; the
corpus readers are the evaluation's own (`materialize.py`), imported by path.
Every article carries the language and publication date that every tool is
given: the gold file's, or the corpus's for the speed sample.
"""
import json
import pathlib
from dataclasses import dataclass, field

from common import load_module


@dataclass
class Article:
    name: str
    text: str
    language: str
    published: str
    gold: dict | None = field(default=None, repr=False)

    def record(self):
        """The article as one line of the list `lagebild bench` and the chrono script read."""
        return {"name": self.name, "text": self.text, "published": self.published, "language": self.language}


def annotated(gold_dirs, eval_dir):
    """The articles of the gold folders, with their gold files, by name."""
    materialize = load_module(eval_dir / "materialize.py")
    found = []
    for folder in gold_dirs:
        for gold_path in sorted(pathlib.Path(folder).glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            name = gold_path.name[: -len(".gold.json")]
            text_path = gold_path.with_name(name + ".txt")
            if text_path.exists():
                text = text_path.read_text(encoding="utf-8")
            elif gold.get("source"):
                _, text = materialize.article(gold["source"]["corpus"], gold["source"]["key"])
            else:
                raise SystemExit(f"compare: {gold_path} has neither a .txt beside it nor a source")
            if not gold.get("published"):
                raise SystemExit(f"compare: {gold_path} has no publication date to resolve dates against")
            found.append(Article(name, text, gold["lang"], gold["published"], gold))
    return found


# The public corpora the speed sample draws on, with their language.
SPEED_CORPORA = (("wikinews-de", "de"), ("wikinews-en", "en"))


def speed_sample(eval_dir, per_corpus):
    """The first `per_corpus` dated articles of each speed corpus."""
    materialize = load_module(eval_dir / "materialize.py")
    found = []
    for corpus, language in SPEED_CORPORA:
        taken = 0
        for key, date, title, body in materialize.CORPORA[corpus]():
            if taken == per_corpus:
                break
            if not date or date.startswith("0001"):
                continue
            found.append(Article(f"{corpus}-{key}", materialize.as_text(title, body), language, date))
            taken += 1
    return found


def write_list(articles, path):
    """Writes the article list (JSON Lines) that Lagebild and chrono read."""
    with open(path, "w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps(a.record(), ensure_ascii=False) + "\n")


def megabytes(articles):
    return sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
