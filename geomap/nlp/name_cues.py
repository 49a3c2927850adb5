"""Small tests on the words around a name that the toponym matcher uses as evidence: a time label the tagger
gave a town ("near Turbat" as DATE), a direction between a preposition and the name ("in northern El Fasher"),
an entity that is two places ("Krasnopillia in Sumy Oblast")."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

_MARKER = r"[^\w\s]{1,3}"  # a line's marker: "🔴", "📍", "⚠️", "•"
# what may come before a stamp's time: a marker and the weekday of a thread of alerts ("TUE 21:12")
_STAMP_LEAD = rf"\s*(?:{_MARKER}\s*)?(?:(?P<weekday>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+)?"
# "14:40 - …": a live blog's time stamp, at a line's start or as a token of its own
TIME_STAMP = re.compile(_STAMP_LEAD + r"\d{1,2}[:.]\d{2}\b", re.IGNORECASE)
# a live blog entry's time before its label: "09:55 — ", "14:32 GMT - ", "7.15pm: "
STAMP_BEFORE = re.compile(_STAMP_LEAD + r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|UTC|local(?: time)?|h)?\s*"
                          r"[\u2014\u2013:-]{1,2}\s*", re.IGNORECASE)
# a list item's number, bullet or marker before a label: "1) ", "2. ", "• ", "⚠️ "
ITEM_BEFORE = re.compile(rf"\s*(?:\d{{1,2}}[.)]|{_MARKER})\s*")
# an incident log's place field, up to the name: "1. Location: ", "Area: "
RECORD_PLACE = re.compile(r"\s*(?:\d{1,3}[.)]\s*)?(?:location|place|area|where)\s*:\s*", re.IGNORECASE)

# "near Turbat" tagged DATE: a time label on words with no number and no calendar word is the tagger's slip
TIME_LABELS = ("DATE", "TIME")
CALENDAR_WORDS = frozenset(
    "day days night nights week weeks month months year years morning evening afternoon noon midnight dawn dusk "
    "today tonight yesterday tomorrow weekend hour hours minute minutes season spring summer autumn winter fall "
    "decade century ago earlier later last next this past recent early mid late eve holiday ramadan eid christmas "
    "easter new monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
DIRECTIONS = frozenset("northern southern eastern western central north-eastern north-western south-eastern "
                       "south-western northeastern northwestern southeastern southwestern downtown rural".split())


NEIGHBOURING = {"neighbouring", "neighboring", "nearby", "adjacent", "adjoining"}


def word_before(doc: Doc, start: int) -> str:
    """The word before a name, past a direction or a neighbour's word ("in northern El Fasher", "in neighbouring
    Sinjil" → "in")."""
    i = start - 1
    while i >= 0 and (doc[i].lower_ in DIRECTIONS or doc[i].lower_ in NEIGHBOURING):
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def pieces(ent: Span) -> list[Span]:
    """The capitalised runs of an entity split at "in" or a comma ("Krasnopillia in Sumy Oblast")."""
    runs, start = [], ent.start
    for token in ent:
        if token.lower_ in ("in", ","):
            runs.append(ent.doc[start:token.i])
            start = token.i + 1
    runs.append(ent.doc[start:ent.end])
    if len(runs) == 1 or any(len(p) == 0 or not all(t.text[:1].isupper() for t in p) for p in runs):
        return [ent]
    return runs


def not_a_time(ent: Span) -> bool:
    """No number and no calendar word: a DATE/TIME label on such words is the tagger's mistake."""
    return not any(t.like_num or t.lower_.rstrip(".") in CALENDAR_WORDS or t.lower_.endswith("day") for t in ent)
