"""Incident extraction scored against an annotated set: precision, recall, F1, overall and per event type.

A predicted incident matches a gold one when the ACLED event_type is the same, the place lies within
``max_km`` (30 km) of the gold coordinates and the predicted date falls inside the gold date window; matching
is one-to-one per document (maximum bipartite matching, so one lucky prediction cannot claim two gold events).
Gold incidents marked ``optional`` (dated background events, which the issue lets a coder keep or leave) are
never counted as missed, and a prediction that matches one is not counted as a false positive. Sub-event agreement and exact fatality counts are reported on matched pairs.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Sequence

from geomap.errors import InputError
from geomap.geo import distance_km
from geomap.models import Document, Incident

log = logging.getLogger("geomap.evaluation.incidents")


@dataclass(frozen=True)
class GoldIncident:
    doc: str
    event_type: str
    sub_event_type: str
    place: str
    lat: float
    lon: float
    date: date
    date_end: date
    fatalities: int | None = None
    optional: bool = False


@dataclass
class Annotated:
    document: Document
    gold: list[GoldIncident] = field(default_factory=list)


def read_devset(path: str | Path) -> list[Annotated]:
    """The annotated articles of a JSONL file: id, text, published, title?, incidents[…]."""
    path = Path(path)
    items: list[Annotated] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            published = date.fromisoformat(row["published"])
            document = Document(id=row["id"], text=row["text"], published=published, title=row.get("title"),
                                source=f"{path}:{number}")
            gold = [GoldIncident(doc=row["id"], event_type=g["event_type"], sub_event_type=g["sub_event_type"],
                                 place=g["place"], lat=float(g["lat"]), lon=float(g["lon"]),
                                 date=date.fromisoformat(g["date"]),
                                 date_end=date.fromisoformat(g.get("date_end") or g["date"]),
                                 fatalities=g.get("fatalities"), optional=bool(g.get("optional", False)))
                    for g in row.get("incidents", [])]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(str(path), f"bad annotation: {exc}", line=number) from exc
        items.append(Annotated(document, gold))
    return items


def matches(predicted: Incident, gold: GoldIncident, max_km: float = 30.0) -> bool:
    if predicted.event_type != gold.event_type or predicted.date is None:
        return False
    if not gold.date <= predicted.date <= gold.date_end:
        return False
    return distance_km(predicted.place.lat, predicted.place.lon, gold.lat, gold.lon) <= max_km


def match_one_to_one(predicted: list[Incident], gold: list[GoldIncident], max_km: float = 30.0) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (Kuhn's augmenting paths): (predicted index, gold index) pairs."""
    edges = {p: [g for g, item in enumerate(gold) if matches(pred, item, max_km)] for p, pred in enumerate(predicted)}
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in edges:
        augment(p, set())
    return sorted((p, g) for g, p in owner.items())


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 1.0 if not fn else 0.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1, 4)}


def score(annotated: Iterable[Annotated], predicted: Iterable[Incident], max_km: float = 30.0) -> dict[str, Any]:
    """Scores of ``predicted`` incidents against the gold of ``annotated``; includes every error for reading."""
    by_doc: dict[str, list[Incident]] = {}
    for incident in predicted:
        by_doc.setdefault(incident.doc, []).append(incident)
    totals = Counter()
    per_type: dict[str, Counter] = {}
    sub_ok = fat_ok = fat_n = 0
    errors: list[dict[str, Any]] = []
    for item in annotated:
        required = [g for g in item.gold if not g.optional]
        optional = [g for g in item.gold if g.optional]
        preds = by_doc.get(item.document.id, [])
        pairs = match_one_to_one(preds, required, max_km)
        matched_p, matched_g = {p for p, _ in pairs}, {g for _, g in pairs}
        # A dated background event the annotator marked optional is neither owed nor held against the system.
        unmatched = [p for p in range(len(preds)) if p not in matched_p]
        excused = match_one_to_one([preds[p] for p in unmatched], optional, max_km)
        matched_p |= {unmatched[p] for p, _ in excused}
        totals["optional_matched"] += len(excused)
        for p, g in pairs:
            pred, gold = preds[p], required[g]
            per_type.setdefault(gold.event_type, Counter())["tp"] += 1
            sub_ok += pred.sub_event_type == gold.sub_event_type
            if gold.fatalities is not None:
                fat_n += 1
                fat_ok += (pred.fatalities or 0) == gold.fatalities  # ACLED codes no reported deaths as 0
        for p, pred in enumerate(preds):
            if p not in matched_p:
                per_type.setdefault(pred.event_type, Counter())["fp"] += 1
                errors.append({"doc": item.document.id, "kind": "fp", "event_type": pred.event_type,
                               "sub_event_type": pred.sub_event_type, "place": pred.place.name,
                               "date": pred.date.isoformat() if pred.date else None, "quote": pred.quote[:160]})
        for g, gold in enumerate(required):
            if g not in matched_g:
                per_type.setdefault(gold.event_type, Counter())["fn"] += 1
                errors.append({"doc": item.document.id, "kind": "fn", "event_type": gold.event_type,
                               "sub_event_type": gold.sub_event_type, "place": gold.place,
                               "date": f"{gold.date.isoformat()}..{gold.date_end.isoformat()}"})
        totals["tp"] += len(pairs)
        totals["fp"] += len(preds) - len(matched_p)
        totals["fn"] += len(required) - len(pairs)
    result = _prf(totals["tp"], totals["fp"], totals["fn"])
    result["per_type"] = {name: _prf(c["tp"], c["fp"], c["fn"]) for name, c in sorted(per_type.items())}
    result["sub_event_accuracy"] = round(sub_ok / totals["tp"], 4) if totals["tp"] else None
    result["fatalities_exact"] = round(fat_ok / fat_n, 4) if fat_n else None
    result["optional_matched"] = totals["optional_matched"]
    result["errors"] = errors
    return result


def evaluate(path: str | Path | Sequence[str | Path], geoparser=None, max_km: float = 30.0) -> dict[str, Any]:
    """Run the full pipeline over one or several annotated sets, pooled, and score them (deduplication within each
    article only)."""
    from geomap.dedupe import dedupe
    from geomap.pipeline import Geoparser

    paths = [path] if isinstance(path, (str, Path)) else list(path)
    annotated = [item for one in paths for item in read_devset(one)]
    parser = geoparser or Geoparser(deduplicate=False)
    extraction = parser.extract([item.document for item in annotated])
    by_doc: dict[str, list[Incident]] = {}
    for incident in extraction.incidents:
        by_doc.setdefault(incident.doc, []).append(incident)
    predicted = [i for doc in by_doc.values() for i in dedupe(doc)]
    result = score(annotated, predicted, max_km)
    result["documents"] = len(annotated)
    result["gold_incidents"] = sum(1 for item in annotated for g in item.gold if not g.optional)
    result["input_errors"] = list(extraction.errors)
    return result
