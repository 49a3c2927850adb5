"""Would an analyst code it? A learned keep-or-drop score over the incidents the rules propose.

The rules in this package find incidents generously; some of what they find is background, a tally, a place
named in passing or a second reading of the same event. A logistic model over plain, name-free features (event
type, how the place was found, place and date precision, how old the date is, where the sentence sits, how many
incidents share it, the lowercase words of the sentence) gives each incident the probability that a coder would
keep it. Incidents below the model's threshold are dropped; the rest carry the probability as ``confidence``.

The weights are fitted by ``geomap.evaluation.keep_training`` on the annotated sets in ``tests/devset``,
cross-validated by whole set, and stored in ``keep_model.json`` beside this module.
"""
from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from geomap.geo import distance_km
from geomap.models import Document, Incident

log = logging.getLogger("geomap.incidents")

__all__ = ["features", "keep_likely", "load_model", "probability", "MODEL_PATH"]

MODEL_PATH = Path(__file__).with_name("keep_model.json")
_WORD = re.compile(r"\b[a-z][a-z'-]+")  # lowercase words only: names (capitalised) never become weights
_BULLETS = ("-", "•", "*", "–")


def features(incident: Incident, siblings: list[Incident], document: Document) -> dict[str, float]:
    """Named feature values of one incident among the other incidents of its document."""
    quote = incident.quote
    out: dict[str, float] = {
        "bias": 1.0,
        f"type={incident.event_type}": 1.0,
        f"sub={incident.sub_event_type}": 1.0,
        f"geo={incident.geo_precision}": 1.0,
        f"feature_class={incident.place.feature_class}": 1.0,
        f"placed_by={incident.place_basis or 'parse'}": 1.0,
        "country": float(incident.place.is_country),
        "first_division": float(incident.place.feature_code == "ADM1"),
        f"date={incident.date_precision}": 1.0,
        "position": incident.start / max(len(document.text), 1),
        "bullet": float(quote.lstrip().startswith(_BULLETS)),
        "killed": float(bool(incident.fatalities)),
        "injured": float(bool(incident.injuries)),
        "actors": min(len(incident.actors), 3) / 3,
        "rule_strength": incident.confidence,
        "length": min(len(quote), 400) / 400,
        "in_document": min(len(siblings), 20) / 20,
        "same_sentence": min(sum(o is not incident and o.start == incident.start for o in siblings), 4) / 4,
        "same_place": min(sum(o is not incident and o.place.gazetteer_id == incident.place.gazetteer_id
                              for o in siblings), 4) / 4,
        "quoted": float('"' in quote or "\u201c" in quote),
        "place_in_sentence": float(bool(incident.location) and incident.location in quote),
        "place_named": min(document.text.count(incident.location), 5) / 5 if incident.location else 0.0,
        "same_country": _share(incident, siblings, lambda o: o.place.country_code == incident.place.country_code),
        "far_from_others": _share(incident, siblings, lambda o: distance_km(
            o.place.lat, o.place.lon, incident.place.lat, incident.place.lon) > 500),
    }
    if incident.date is not None and document.published is not None:
        days = (document.published - incident.date).days
        out[_age(days)] = 1.0
    for word in set(_WORD.findall(quote)):
        out[f"word={word}"] = 1.0
    return out


def _share(incident: Incident, siblings: list[Incident], test) -> float:
    """The share of the document's other incidents that pass ``test`` (0.5 when it has no others)."""
    others = [o for o in siblings if o is not incident]
    return sum(map(test, others)) / len(others) if others else 0.5


def _age(days: int) -> str:
    if days < 0:
        return "age=future"
    if days <= 1:
        return "age=day"
    if days <= 7:
        return "age=week"
    return "age=month" if days <= 31 else "age=older"


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> tuple[dict[str, float], float]:
    """(weights, threshold) of a trained model file; the packaged one by default."""
    data = json.loads(Path(path or MODEL_PATH).read_text(encoding="utf-8"))
    return data["weights"], float(data["threshold"])


def probability(values: dict[str, float], weights: dict[str, float]) -> float:
    """The logistic model's probability for these feature values (features it never saw weigh nothing)."""
    z = sum(weights.get(name, 0.0) * value for name, value in values.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def keep_likely(incidents: list[Incident], document: Document, *, min_confidence: float | None = None,
                model: str | None = None) -> list[Incident]:
    """The incidents a coder would likely keep, each with its probability as ``confidence``.

    ``min_confidence`` None uses the model's cross-validated threshold; 0 keeps every incident (scored)."""
    if not incidents:
        return incidents
    weights, threshold = load_model(model)
    floor = threshold if min_confidence is None else min_confidence
    kept = []
    for incident in incidents:
        p = probability(features(incident, incidents, document), weights)
        if p < floor:
            log.debug("unlikely to be coded (%.2f): %s in %s: %r", p, incident.sub_event_type,
                      incident.place.name, incident.quote[:80])
            continue
        kept.append(replace(incident, confidence=round(p, 3)))
    return kept

