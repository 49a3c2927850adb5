"""spaCy component ``geomap_toponym_resolver``: resolves the doc's toponym spans together with the ranker.

Sets ``Span._.geomap_place`` (None = none of the candidates fits), ``Span._.geomap_confidence``,
``Span._.geomap_basis`` ("gazetteer", or "parent"/"focus" for an approximate stand-in) and, when the
component's ``explain`` is on, ``Span._.geomap_explanation`` (the ranked candidates with feature contributions).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from geomap.errors import GazetteerError
from geomap.resolve import Bias, MentionSpan, resolve_doc_mentions


class ToponymResolver:
    def __init__(self, nlp: Language, name: str, passes: int, explain: bool, span_key: str):
        self.name = name
        self.passes = passes
        self.explain = explain
        self.span_key = span_key
        self.store = None  # set by geomap.nlp.pipeline.load_pipeline
        self.bias: Bias | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.store is None:
            raise GazetteerError(f"{self.name}: no gazetteer store set (use geomap.nlp.pipeline.load_pipeline)")
        spans = list(doc.spans[self.span_key]) if self.span_key in doc.spans else []
        if not spans:
            return doc
        mentions = [MentionSpan(s.text, s.label_, s.start_char, s.end_char) for s in spans]
        results = resolve_doc_mentions(mentions, doc.text, self.store, bias=self.bias, passes=self.passes)
        for span, result in zip(spans, results):
            span._.geomap_place = result.place
            span._.geomap_confidence = round(result.confidence, 4)
            span._.geomap_basis = result.basis
            span._.geomap_explanation = list(result.ranked) if self.explain else None
        # span groups hold copies: write the group back so the extension values travel with the doc
        doc.spans[self.span_key] = spans
        return doc


@Language.factory(
    "geomap_toponym_resolver",
    default_config={"passes": 3, "explain": False, "span_key": "geomap_toponyms"},
)
def make_resolver(nlp: Language, name: str, passes: int, explain: bool, span_key: str) -> ToponymResolver:
    from geomap.nlp.pipeline import register_extensions

    register_extensions()
    return ToponymResolver(nlp, name, passes, explain, span_key)
