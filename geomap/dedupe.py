"""One incident, many reports: merge incidents of the same event type, close in space and overlapping in time.

Two incidents are the same event when they share the ACLED event_type, lie within ``max_km`` (25 km) of each
other and their date windows overlap (an undated, "publication"-precision report may be about any of the
seven days before it). Merged
incidents keep the most precise place and date, the largest fatality and injury counts, every actor, person
and source. Works within one article (the same attack mentioned twice) and across articles.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, timedelta

from geomap.geo import distance_km
from geomap.models import Incident

log = logging.getLogger("geomap.dedupe")

_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "publication": 4}


DISTINCT_TOWN_KM = 5.0  # two named towns farther apart than this are two places, not one place spelled twice
UNDATED_DAYS = 7  # an undated report ("publication" precision) may be about any day of the week before it


def report_window(incident: Incident) -> tuple[date, date] | None:
    """The days a report may be about: its date window, or the week before an undated report."""
    if incident.date is None:
        return None
    if incident.date_precision == "publication":
        return incident.date - timedelta(days=UNDATED_DAYS), incident.date_end or incident.date
    return incident.date, incident.date_end or incident.date


def same_event(a: Incident, b: Incident, max_km: float = 25.0) -> bool:
    """Same type, within ``max_km``, overlapping (or unknown) date windows."""
    if a.event_type != b.event_type:
        return False
    km = distance_km(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
    if km > max_km:
        return False
    if km > DISTINCT_TOWN_KM and a.geo_precision == b.geo_precision == 1 and a.place.feature_class == "P" \
            and b.place.feature_class == "P" and a.place.gazetteer_id != b.place.gazetteer_id:
        return False  # "eight killed in Khan Younis … three in Deir al-Balah": two towns named, two events
    wa, wb = report_window(a), report_window(b)
    if wa is None or wb is None:
        return True
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def _max(x: int | None, y: int | None) -> int | None:
    return y if x is None else x if y is None else max(x, y)


def merge(a: Incident, b: Incident) -> Incident:
    """``a`` and ``b`` as one incident: the better place and date, the larger counts, the union of the rest."""
    base = a if (a.geo_precision, -a.confidence) <= (b.geo_precision, -b.confidence) else b
    dated = min((a, b), key=lambda i: (_DATE_RANK.get(i.date_precision, 5), i.date is None))
    sub = a.sub_event_type if a.confidence >= b.confidence else b.sub_event_type
    return replace(
        base,
        sub_event_type=sub,
        date=dated.date,
        date_end=dated.date_end,
        date_precision=dated.date_precision,
        time_precision=dated.time_precision,
        actors=tuple(dict.fromkeys(a.actors + b.actors)),
        people=tuple(dict.fromkeys(a.people + b.people)),
        fatalities=_max(a.fatalities, b.fatalities),
        injuries=_max(a.injuries, b.injuries),
        confidence=max(a.confidence, b.confidence),
        sources=tuple(dict.fromkeys((a.sources or (a.doc,)) + (b.sources or (b.doc,)))),
    )


def dedupe(incidents: list[Incident], *, max_km: float = 25.0) -> list[Incident]:
    """Merge reports of the same incident; order follows each incident's first report."""
    merged: list[Incident] = []
    for incident in incidents:
        for k, known in enumerate(merged):
            if same_event(known, incident, max_km):
                log.debug("merged %s into %s", incident.id, known.id)
                merged[k] = replace(merge(known, incident), id=known.id, doc=known.doc)
                break
        else:
            merged.append(incident)
    return merged
