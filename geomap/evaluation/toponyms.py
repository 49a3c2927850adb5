"""Geoparsing metrics: resolution error distribution (acc@161, AUC, mean/median km) and span P/R/F1.

AUC follows Gritta et al. (2018): sort the errors, take ln(error + 1), normalise by ln(20039) (half the
equator, the largest possible error), and integrate over the toponyms with the trapezoid rule; 0 is perfect,
1 is every toponym on the far side of the Earth. A toponym the system did not resolve counts as 20039 km.
"""
from __future__ import annotations

import math
import statistics
from typing import Iterable, Sequence

MAX_ERROR_KM = 20039.0
ACC_KM = 161.0


def resolution_scores(errors_km: Sequence[float | None]) -> dict[str, float]:
    """Scores for a list of errors in km (None = unresolved → the maximum error)."""
    errors = sorted(MAX_ERROR_KM if e is None else min(float(e), MAX_ERROR_KM) for e in errors_km)
    n = len(errors)
    if n == 0:
        return {"n": 0, "acc161": 0.0, "auc": 1.0, "mean_km": 0.0, "median_km": 0.0, "unresolved": 0}
    return {
        "n": n,
        "acc161": sum(1 for e in errors if e < ACC_KM) / n,
        "auc": _auc(errors),
        "mean_km": statistics.fmean(errors),
        "median_km": statistics.median(errors),
        "unresolved": sum(1 for e in errors_km if e is None),
    }


def _auc(sorted_errors: list[float]) -> float:
    scaled = [min(1.0, math.log(e + 1.0) / math.log(MAX_ERROR_KM)) for e in sorted_errors]
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2.0 for a, b in zip(scaled, scaled[1:]))
    return area / (len(scaled) - 1)


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def geotagging_scores(
    pairs: Iterable[tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]]],
) -> dict[str, dict[str, float]]:
    """Span precision/recall/F1 over (gold spans, predicted spans) per document, exact and overlapping match.

    Overlap scores count a predicted span correct when it overlaps any gold span (and a gold span found when
    any prediction overlaps it), so "Dnieper" against gold "the Dnieper River" is a hit there, a miss in exact.
    """
    exact_tp = exact_pred = exact_gold = 0
    over_tp_pred = over_tp_gold = 0
    for gold, predicted in pairs:
        gold_set, pred_set = set(gold), set(predicted)
        exact_tp += len(gold_set & pred_set)
        exact_pred += len(pred_set)
        exact_gold += len(gold_set)
        over_tp_pred += sum(1 for p in pred_set if any(_overlaps(p, g) for g in gold_set))
        over_tp_gold += sum(1 for g in gold_set if any(_overlaps(p, g) for p in pred_set))
    return {
        "exact": _prf(exact_tp, exact_pred, exact_tp, exact_gold) | {"gold": exact_gold, "predicted": exact_pred},
        "overlap": _prf(over_tp_pred, exact_pred, over_tp_gold, exact_gold),
    }


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(
    gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], tuple[int, int]]:
    """Map each gold span to the predicted span that matches it (exact first, then the largest overlap)."""
    result: dict[tuple[int, int], tuple[int, int]] = {}
    pred_set = set(predicted)
    for g in gold:
        if g in pred_set:
            result[g] = g
            continue
        best = max((p for p in predicted if _overlaps(p, g)),
                   key=lambda p: min(p[1], g[1]) - max(p[0], g[0]), default=None)
        if best is not None:
            result[g] = best
    return result


# -- running a geoparser over a corpus ------------------------------------------------------------------------
def _distance(place, gold) -> float | None:
    from geomap.geo import distance_km

    if place is None:
        return None
    return distance_km(place.lat, place.lon, gold.lat, gold.lon)


def _covering(spans, start: int, end: int):
    for span in spans:
        if span.start_char <= start and span.end_char >= end:
            return span
    return None


def split_articles(articles, split: str):
    """Keep all articles, or those whose docid (or position) is even/odd: a held-out check against overfitting."""
    if split == "all":
        return list(articles)
    keep = 0 if split == "even" else 1
    out = []
    for index, article in enumerate(articles):
        key = int(article.document.id) if article.document.id.isdigit() else index
        if key % 2 == keep:
            out.append(article)
    return out


def evaluate(articles, nlp, store, *, mode: str = "both", batch_size: int = 16) -> dict:
    """Scores for geomap and the population baseline on gold spans and/or end to end (``mode``)."""
    import time
    from dataclasses import replace

    from geomap.nlp.pipeline import MATCHER, RESOLVER, SPAN_KEY, parse

    articles = list(articles)
    gold_total = sum(1 for a in articles for t in a.toponyms if t.lat is not None)
    report: dict = {"articles": len(articles), "toponyms": sum(len(a.toponyms) for a in articles),
                    "toponyms_with_coordinates": gold_total}
    baseline = [_distance(_most_populous(store, t.phrase), t) for a in articles for t in a.toponyms
                if t.lat is not None]
    report["baseline"] = resolution_scores(baseline)
    by_id = {a.document.id: a for a in articles}
    if mode in ("gold", "both"):
        started = time.perf_counter()
        errors = []
        with nlp.select_pipes(enable=[MATCHER, RESOLVER]):
            for document, doc in parse(nlp, (a.document for a in articles), batch_size=batch_size):
                spans = list(doc.spans[SPAN_KEY])
                for gold in by_id[document.id].toponyms:
                    if gold.lat is None:
                        continue
                    span = _covering(spans, gold.start, gold.end)
                    errors.append(_distance(span._.geomap_place if span is not None else None, gold))
        report["gold"] = resolution_scores(errors) | {"seconds": time.perf_counter() - started}
    if mode in ("e2e", "both"):
        started = time.perf_counter()
        pairs, errors = [], []
        plain = (replace(a.document, toponyms=None) for a in articles)
        for document, doc in parse(nlp, plain, batch_size=batch_size):
            spans = list(doc.spans[SPAN_KEY])
            gold_list = by_id[document.id].toponyms
            predicted = [(s.start_char, s.end_char) for s in spans]
            pairs.append(([(t.start, t.end) for t in gold_list], predicted))
            matched = match_spans([(t.start, t.end) for t in gold_list], predicted)
            lookup = {(s.start_char, s.end_char): s for s in spans}
            for gold in gold_list:
                hit = matched.get((gold.start, gold.end))
                if gold.lat is not None and hit is not None:
                    errors.append(_distance(lookup[hit]._.geomap_place, gold))
        report["e2e"] = {"geotagging": geotagging_scores(pairs), "resolution": resolution_scores(errors),
                         "seconds": time.perf_counter() - started}
    return report


def _most_populous(store, phrase: str):
    """The population baseline: the most populous place of that name (the store orders by population)."""
    found = store.candidates(phrase, limit=1)
    return found[0].place if found else None


def component_overhead(nlp, texts: list[str], *, rounds: int = 3) -> dict:
    """Time spaCy's own components and geomap's matcher + resolver on the same texts (best of ``rounds``).

    The gazetteer's lookup caches are emptied before each round, so repeated names are not free.
    """
    import time

    from geomap.nlp.pipeline import MATCHER, RESOLVER

    matcher, resolver = nlp.get_pipe(MATCHER), nlp.get_pipe(RESOLVER)
    base, ours, resolving = [], [], []
    for _ in range(rounds):
        store = matcher.store
        if hasattr(store, "_setup_caches"):
            store._setup_caches()
        started = time.perf_counter()
        with nlp.select_pipes(disable=[MATCHER, RESOLVER]):
            docs = list(nlp.pipe(texts, batch_size=32))
        base.append(time.perf_counter() - started)
        started = time.perf_counter()
        docs = [matcher(doc) for doc in docs]
        middle = time.perf_counter()
        docs = [resolver(doc) for doc in docs]
        ours.append(time.perf_counter() - started)
        resolving.append(time.perf_counter() - middle)
    return {"texts": len(texts), "words": sum(len(t.split()) for t in texts), "spacy_seconds": min(base),
            "geomap_seconds": min(ours), "resolver_seconds": min(resolving),
            "overhead": min(ours) / min(base) if min(base) else 0.0}
