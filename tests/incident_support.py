"""Shared helpers for the tests that pin what the incident rules find in short news wordings."""
from __future__ import annotations

from datetime import date

from geomap.models import Document

PUBLISHED = date(2025, 6, 26)  # a Thursday: "on Monday" is June 23


def incidents(geoparser, text, published=PUBLISHED):
    """The incidents ``geoparser`` finds in ``text`` told on ``published``."""
    return geoparser.extract([Document("t", text, published=published)]).incidents


def coded(geoparser, text, published=PUBLISHED):
    """(sub-event type, place, date) of every incident found, in order."""
    return [(i.sub_event_type, i.place.name, i.date.isoformat())
            for i in incidents(geoparser, text, published=published)]
