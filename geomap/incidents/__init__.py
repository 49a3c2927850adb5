"""Incident assembly: triggers → one ACLED-style ``Incident`` per event and location.

Per sentence (lines are kept apart, so headline bullets never merge): triggers close in the parse are one
event (the most specific trigger types it: "killed by IED" is an IED event); the event is placed where the
parse attaches it (``places``), dated by the date expression attached to it (``geomap.dates``), else the
publication date. An event the text attaches to no resolvable place is dropped (logged at debug level): a
point on the map that the text does not support would be worse than a miss. An event placed only in a
country or sea is kept with geo_precision 3.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from geomap.dates import DateWindow, find_dates, numeric_order, publication_window, told_on
from geomap.geo import distance_km
from geomap.geocoding.names import normalize
from geomap.incidents.details import actors, casualties, country_name, people
from geomap.incidents.corrections import without_notes
from geomap.incidents.dating import (
    NUMBERED, TIME_STAMP, date_for, date_headlines, day_heading, days_named, first_verb, heading,
    headline_dated_by_a_noun, lead_end, live_blog_day, path_length, same_event_at, stamp_day, told_in_past,
)
from geomap.incidents.capitals import NOT_THE_SEAT, TELLING, national_capital
from geomap.incidents.datelines import dateline, dateline_end, filed_from, opening_dateline
from geomap.incidents.fallbacks import (
    RECORD_DATE, SETTLEMENT_NOUNS, a_city_section, line_label, named_aside, names_unknown_town, next_sentence_place,
    paragraph_place, part_of_the_city, record_field, record_place, sentence_fallback, sole_town, subhead_place,
    the_city, town_within,
)
from geomap.incidents.filters import real_triggers
from geomap.incidents.located import REGION_WORDS, Located, approximate, geo_precision, toponym_index, written_as_region
from geomap.incidents.places import locate
from geomap.incidents.sequels import as_damage_of, escalate, riots_absorb_their_protests, sharpen, specify
from geomap.incidents.walker import REGION_REACH_KM
from geomap.models import Document, Incident, Place
from geomap.nlp.events import Trigger, lead_of
from geomap.nlp.pipeline import toponym_spans
from geomap.nlp.toponyms import DIVISION_WORDS, FACILITY_WORDS

log = logging.getLogger("geomap.incidents")

__all__ = ["find_incidents"]


def segments(doc: Doc) -> list[Span]:
    """Sentences, split again at line breaks (headlines and bullet lists are separate statements)."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if "\n" in token.text or (token.i > start and "\n" in doc[token.i - 1].whitespace_):
                if token.i > start and "\n" in token.text:
                    out.append(doc[start:token.i])
                    start = token.i + 1
                elif token.i > start:
                    out.append(doc[start:token.i])
                    start = token.i
        if start < sent.end:
            out.append(doc[start:sent.end])
    out = [s for s in out if s.text.strip()]
    merged: list[Span] = []
    for span in out:  # "- 21 November: Gunmen opened fire …" split by the parser after "-" and "21": one line
        last = merged[-1] if merged else None
        if last is not None and last.end == span.start and all(t.is_punct or t.like_num or t.is_space for t in last) \
                and "\n" not in doc.text[last.end_char:span.start_char]:
            merged[-1] = doc[last.start:span.end]
        else:
            merged.append(span)
    return merged


_CROWD = {"Protests", "Riots"}
_ABSORBED = {"Looting/property destruction", "Arrests", "Attack", "Armed clash"}


def _named_arrest(trigger: Trigger) -> bool:
    """ "police detained Mayor X at his home": the arrest of a named person is an event of its own."""
    if trigger.sub_event_type != "Arrests":
        return False
    objects = [t for c in trigger.head.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
    return any(t.ent_type_ == "PERSON" for t in objects) and not any(
        t.lemma_.lower() in ("protester", "demonstrator", "student", "people", "dozen", "hundred", "thousand")
        for t in objects)


def _absorbs(a: Trigger, b: Trigger) -> bool:
    """A protest or riot and what its crowd or the police did (looting, arrests, a clash) are one event."""
    if _named_arrest(a) or _named_arrest(b):
        return False
    return (a.event_type in _CROWD and (b.event_type in _CROWD or b.sub_event_type in _ABSORBED)) or (
        b.event_type in _CROWD and a.sub_event_type in _ABSORBED)


def _participle_of(a: Trigger, b: Trigger) -> bool:
    """ "attacked Mora, abducting seven people", "shelled the town, killing three": the participle clause tells
    what the same event did, and the more specific trigger types it."""
    return b.head.head.i == a.head.i and b.head.dep_ == "advcl" and b.head.tag_ == "VBG" and a.head.pos_ == "VERB"


def _done_by(a: Trigger, b: Trigger) -> bool:
    """ "the Far North has been hit by attacks from Boko Haram": what the passive verb's agent names is the event
    the verb tells of."""
    agent = b.head.head
    return b.head.dep_ == "pobj" and agent.dep_ == "agent" and agent.head.i == a.head.i and a.head.tag_ == "VBN"


def _stopped(a: Trigger, b: Trigger) -> bool:
    """ "air defences repelled an attack by drones": the attack stopped is the disrupted event, not one of its own."""
    return a.sub_event_type == "Disrupted weapons use" and b.head.i in {t.i for t in a.head.subtree} \
        and b.event_type == "Explosions/Remote violence"


def _framed_by(a: Trigger, b: Trigger) -> bool:
    """ "In a separate attack, fighters used a drone to drop explosives …": the generic noun framing the clause
    is the event the clause tells, typed by its more specific trigger."""
    frame = a.head
    if frame.lemma_.lower() not in ("attack", "assault", "raid", "incident") or frame.dep_ != "pobj" \
            or frame.head.lower_ != "in":
        return False
    verb = frame.head.head
    return b.strength > a.strength and verb.pos_ == "VERB" and (b.head.head.i == verb.i or b.head.i == verb.i)


def _in_sequence(a: Trigger, b: Trigger) -> bool:
    """ "had taken the airport, following the recapture last Friday of the palace": one event after another."""
    prep = b.head.head
    return b.head.dep_ == "pobj" and prep.lower_ in ("after", "following", "before") and prep.head.i == a.head.i \
        and {a.kind, b.kind} <= {"capture", "recapture"}


def _own_verb(trigger: Trigger) -> Token | None:
    """The verb a trigger is, or is the subject or object of ("drone strikes … killed"), or the setting of
    ("killed six militants in a clash")."""
    head = trigger.head
    if head.pos_ == "VERB":
        return head
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "during") and head.head.head.pos_ == "VERB":
        return head.head.head
    return head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.pos_ == "VERB" else None


def _unknown_town(token: Token) -> bool:
    """A name the text gives as a town or district's that the gazetteer does not hold ("Muidumbe district", "the
    village of Tin-Akoff")."""
    if not (token.pos_ == "PROPN" and token.text[:1].isupper()):
        return False
    if token.dep_ == "compound":
        return token.head.lemma_.lower() in DIVISION_WORDS | SETTLEMENT_NOUNS
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in SETTLEMENT_NOUNS \
        | OUTSKIRTS  # "shelled the outskirts of Khiam"


OUTSKIRTS = {"outskirts", "outskirt", "edge", "vicinity", "heart", "centre", "center"}


def _apart(a: Trigger, b: Trigger, index: dict[int, Span]) -> bool:
    """ "missiles struck Kyiv while drones hit Dnipro", "jets struck Sanaa's airport a day after they pounded
    Hodeidah": two clauses telling different kinds of violence, or one told after the other, each with a place
    of its own, are two events, however close the parse puts them."""
    va, vb = _own_verb(a), _own_verb(b)
    if va is None or vb is None or va.i == vb.i or min(a.strength, b.strength) < 3 \
            or "Disrupted weapons use" in (a.sub_event_type, b.sub_event_type):  # what was stopped is that event
        return False
    if a.sub_event_type == b.sub_event_type and not any(
            c.dep_ == "mark" and c.lower_ in ("after", "before") for v in (va, vb) for c in v.children):
        return False

    def clause_below(verb: Token, other: Token) -> Token | None:
        """The clause hanging on ``verb`` that holds ``other`` ("while in Kramatorsk a man was wounded when a
        drone hit a car park": the drone's place is its clause's), None when ``other`` is not below ``verb``."""
        if verb.i not in {u.i for u in other.ancestors}:
            return None
        node = other
        while node.head.i != verb.i:
            node = node.head
        while node.dep_ == "conj" and node.i != other.i:
            # "threw bottles … and set a car alight in Hartlepool, while in London 100 were arrested": a verb
            # conjoined to this one is this clause's; the other's clause is the one below it
            node = next(c for c in node.children if c.i == other.i or c.i in {a.i for a in other.ancestors})
        return node

    def places(tokens) -> set[str]:
        # and "in a village in Muidumbe district", a town the gazetteer lacks: a place of its own all the same
        return {index[t.i]._.geomap_place.gazetteer_id if t.i in index else "?" + t.lower_
                for t in tokens if t.i in index or _unknown_town(t)}

    def own_places(verb: Token, other: Token) -> set[str]:  # in the verb's clause, not in a clause below it
        below = clause_below(verb, other)
        theirs = {u.i for u in below.subtree} if below is not None else set()
        return places(t for t in verb.subtree if t.i not in theirs)

    def clause_places(verb: Token, other: Token) -> set[str]:  # the clause below the other verb that holds it
        above = clause_below(other, verb)
        return places(above.subtree) if above is not None else own_places(verb, other)
    mine, yours = clause_places(va, vb), clause_places(vb, va)
    # but "attacked the village of Kuriga and abducted 287 pupils from the school in Kuriga" is one raid
    return bool(mine) and bool(yours) and not mine & yours


_PEACEFUL = {"Agreement", "Non-violent transfer of territory", "Headquarters or base established"}


def _strong_apart(mine: list[Trigger], yours: list[Trigger]) -> bool:
    """A violent event and a peaceful development (a truce, a handover), each able to stand alone: never one
    event, whatever bare death the parse puts between them."""
    def kinds(group: list[Trigger]) -> set[bool]:
        return {t.sub_event_type in _PEACEFUL for t in group if t.strength >= 3}
    a, b = kinds(mine), kinds(yours)
    return (a == {True} and False in b) or (b == {True} and False in a)


def _clusters(triggers: list[Trigger], index: dict[int, Span] | None = None) -> list[list[Trigger]]:
    """Triggers close in the parse and compatible (same type, or one only adds detail) are one event."""
    parent = list(range(len(triggers)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    # the closest pairs first, and of one kind before two, so that the one a trigger belongs with claims it before
    # a neighbour the other side of a clause does ("beheaded four … , sources said, while troops killed six in a
    # clash near X": the killing is the clash's)
    pairs = sorted(((i, j) for i in range(len(triggers)) for j in range(i + 1, len(triggers))),
                   key=lambda p: (path_length(triggers[p[0]].head, triggers[p[1]].head),
                                  triggers[p[0]].event_type != triggers[p[1]].event_type, p))

    def group_of(i: int) -> list[Trigger]:
        """The triggers joined with the i-th so far."""
        return [t for n, t in enumerate(triggers) if find(n) == find(i)]

    for i, j in pairs:
        a, b = triggers[i], triggers[j]
        weak = min(a.strength, b.strength) <= 2
        weaker = a if a.strength <= b.strength else b
        # "clashes erupted between troops and gunmen": a weak actor noun is a participant a little further off
        reach = 5 if weak and weaker.head.pos_ in ("NOUN", "PROPN") else 3
        if _in_sequence(a, b) or _in_sequence(b, a):
            continue
        one = _participle_of(a, b) or _participle_of(b, a) or _stopped(a, b) or _stopped(b, a) or _done_by(a, b) \
            or _done_by(b, a) \
            or _framed_by(a, b) or _framed_by(b, a)
        mine, yours = group_of(i), group_of(j)
        if not one and index is not None and any(_apart(x, y, index) for x in mine for y in yours):
            continue  # nor may a third trigger join them
        if not one and weak and _strong_apart(mine, yours):
            continue  # "fighting … killed 27 …, before a truce took hold": a bare death joins one event, not two
        if one or (path_length(a.head, b.head) <= reach and (weak or a.event_type == b.event_type
                                                             or _absorbs(a, b))):
            parent[find(j)] = find(i)
    groups: dict[int, list[Trigger]] = {}
    for i, trigger in enumerate(triggers):
        groups.setdefault(find(i), []).append(trigger)
    clusters = [g for g in groups.values() if max(t.strength for t in g) >= 1]
    strong = [g for g in clusters if max(t.strength for t in g) >= 3]
    if len(strong) == 1:  # "fighting flared … between tribal fighters and local gunmen": the actors of the one event
        # and "tank shells landed …, killing four" parsed with the shells far off: the deaths are that event's
        weak = [g for g in clusters if max(t.strength for t in g) <= 2 and all(
            t.head.pos_ in ("NOUN", "PROPN") or t.kind in ("kill", "casualty") for t in g)]
        for g in weak:
            strong[0].extend(g)
        clusters = [g for g in clusters if not any(g is w for w in weak)]
    crowd = [g for g in clusters if any(t.event_type in _CROWD for t in g)]
    if len(crowd) == 1:  # "protesters set fire to cars …, and 21 people were arrested": the arrests are the riot's
        verbs = {v.i for t in crowd[0] for v in (t.head, t.head.head) if v.pos_ == "VERB"}
        arrests = [g for g in clusters if g is not crowd[0] and all(
            t.sub_event_type == "Arrests" and not _named_arrest(t) and t.head.dep_ == "conj" and t.head.head.i in verbs
            for t in g)]
        for g in arrests:
            crowd[0].extend(g)
        clusters = [g for g in clusters if not any(g is a for a in arrests)]
    return clusters


def _as_city(located: Located, store) -> tuple[Place, bool]:
    """An admin area written like a town ("Kyiv", "Moscow") → the same-named city, if the store has one nearby;
    "Mali's capital" → Bamako."""
    place = located.place
    root = located.span.root
    if store is not None and place.is_country and root.dep_ == "poss" and root.head.lemma_.lower() == "capital" \
            and not any(c.lower_ in NOT_THE_SEAT for c in root.head.children):  # not "Burundi's economic capital"
        capital = store.capital(place.country_code)  # "in Mali's capital": Bamako
        return (capital, True) if capital is not None else (place, False)
    if store is None or not place.is_admin or place.is_country or written_as_region(located.span):
        return place, False
    best = None
    for candidate in store.candidates(place.name):
        city = candidate.place
        if city.feature_class == "P" and city.country_code == place.country_code and (
                distance_km(city.lat, city.lon, place.lat, place.lon) < 60
                or (place.feature_code == "ADM1" and city.admin1_code == place.admin1_code)):
            if best is None or city.population > best.population:
                best = city
    return (best, True) if best is not None else (place, False)


def _dateline_as_city(doc: Doc, index: dict[int, Span], store) -> None:
    """ "TBILISI, Dec 1 (Wire) -" in a story that also names Adjara: the resolver may take the name for the
    division of the same name (Tbilisi is a city and a first-level division), but a wire is filed from a city."""
    opening = opening_dateline(doc.text)
    if opening is None or store is None:
        return
    for span in {id(s): s for s in index.values()}.values():
        place = span._.geomap_place
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if span.start_char < opening.end() and filed_from(span.root) and place.is_admin and not place.is_country \
                and after not in REGION_WORDS | {"countryside"}:  # not "DEIR EZ-ZOR COUNTRYSIDE:"
            city, changed = _as_city(Located(span, place, 9, False, 0), store)
            if changed and normalize(city.name) == normalize(place.name):  # not "SINALOA" -> Sinaloa de Leyva
                span._.geomap_place = city


@lru_cache(maxsize=1)
def _default_store():
    """The default gazetteer, if already built (never builds here); None when there is none."""
    from geomap.errors import GeomapError
    from geomap.geocoding.store import open_store

    try:
        return open_store(build=False)
    except GeomapError as exc:
        log.debug("no gazetteer store for city refinement: %s", exc)
        return None


def find_incidents(doc: Doc, document: Document, *, store=None) -> list[Incident]:
    """Every incident the article reports, one per event and location, in text order."""
    index = toponym_index(doc)
    demonyms = {i: span._.geomap_place.name for span in toponym_spans(doc)
                if span._.geomap_place is not None and not approximate(span)
                and span._.geomap_place.is_country for i in range(span.start, span.end)}
    store = store if store is not None else _default_store()
    _dateline_as_city(doc, index, store)
    incidents: list[Incident] = []
    reference: date | None = None  # the last day the story named, for "a day earlier"
    filed = dateline_end(doc.text)
    last_places: list[Located] = []  # where the previous incident was, for "supporters rallied outside"
    last_told: tuple[int, list[Incident]] | None = None  # the last sentence that gave incidents, and those
    echoes: set[int] = set()  # incidents dated only by the day they were told of ("said on Friday it had taken")
    retold: list[int] = []  # where sentences told again an event already coded
    borrowed: set[int] = set()  # incidents of sentences that date nothing: their day is the story's or the report's
    all_segments = segments(doc)
    blog_day = live_blog_day(all_segments, document)
    headline_block = lead_end(document)  # the masthead, headline and bullets above the story
    section_day: date | None = None  # the day heading the entries below it ("Saturday 30 November 2024")
    day_first = numeric_order(document.text)  # "On 06/05/2024" in a bulletin that also writes "25/05/2024"
    for k, segment in enumerate(all_segments):
        heading_day = day_heading(segment, document) or stamp_day(segment, document)
        if heading_day is not None:  # (the report's own day leaves its entries undated, as a blog of its day)
            section_day = heading_day if heading_day != document.published else None
        if TIME_STAMP.match(segment.text):
            # "14:40 - …": an entry is of its day heading's day, else the blog's (the report's) unless it says otherwise
            reference = section_day or blog_day
        found = find_dates(segment.text, document.published, reference, day_first) if document.published else []
        # the story's day, not the day a statement about it was made ("… killed on Wednesday, the commission said
        # on Thursday"): undated events told next happened on the story's day
        named = [(w.date, _said_on(segment, start, end)) for start, end, w in found if days_named(w)
                 and segment.start_char + end > filed]  # not the filing date of "BANGUI, July 22 -"
        # … unless the telling is all the sentence dates ("the ministry said on Tuesday its fleet had destroyed")
        days = [day for day, said in named if not said] or [day for day, _ in named]
        triggers = [t for t in real_triggers(segment) if t.strength > 0]
        if days and not triggers and days[-1] == document.published and segment.start_char < headline_block:
            days = []  # "THE NORTH WEST MIRROR — Bamenda, Friday March 8, 2024": the paper's date, not the news's
        previous, reference = reference, days[-1] if days else reference
        if not triggers:
            continue
        clusters = _clusters(triggers, index)
        heading_window = _told_next(all_segments, k, document, reference) if heading(segment) and not found else None
        dates = []
        for start, end, window in found:  # the expressions found above, read against the same reference day
            if segment.start_char + end <= filed:
                continue  # "BELGOROD, Russia, March 14 (Agency) -": the filing date, not the event's
            if previous is not None and _said_on(segment, start, end) and record_field(segment, RECORD_DATE):
                continue  # "Date: 20 Mar" / "Details: A communiqué read … on 21 Mar states that a drone strike …"
            window = _from_the_news(segment.text, end, window, incidents, document) or window
            span = doc.char_span(segment.start_char + start, segment.start_char + end, alignment_mode="expand")
            if span is not None:
                dates.append(({t.i for t in span}, window))
        tolls = casualties(segment)
        owner: dict[int, int] = {}
        for n, (token, _, _) in enumerate(tolls):
            owner[n] = min(range(len(clusters)),
                           key=lambda c: min(path_length(token, t.head) for t in clusters[c]))
        paragraph = doc.text.rfind("\n", 0, segment.start_char) + 1
        # a placeless sentence is a new event of its paragraph only when it is dated or nothing is coded there yet
        fresh = bool(dates) or not any(start >= paragraph for start in [i.start for i in incidents] + retold)
        told_from = len(incidents)  # this sentence's incidents start here
        for number, cluster in enumerate(clusters):
            found_here = _incidents_for(cluster, clusters, number, segment, document, index, demonyms, dates,
                                        [tolls[k] for k, c in owner.items() if c == number], store,
                                        len(incidents), last_places, previous, fresh, heading_window)
            if found_here and (_retold_by_its_day(cluster, found_here, incidents)
                               or _toll_of_one_told(cluster, found_here, incidents)):
                log.debug("an event told before, told again: %r", segment.text)
                retold.append(segment.start_char)  # the paragraph has coded its event
                found_here = []
            if found_here and last_told is not None and k - last_told[0] <= 2:
                found_here = as_damage_of(found_here, cluster, last_told[1])
            if found_here and last_told is not None and k - last_told[0] == 1 \
                    and sharpen(last_told[1], found_here, cluster, incidents):
                found_here = []  # the event just told, now placed in a town and dated
            if found_here and last_told is not None and _said_alike(cluster) \
                    and not _of_another_time(found_here, last_told[1]):
                # "three died as students and party activists fought pitched battles … Two people were killed in
                # similar clashes in Dhaka": the same kind of event as the one just told
                kind = last_told[1][0]
                found_here = [replace(i, event_type=kind.event_type, sub_event_type=kind.sub_event_type)
                              for i in found_here]
            if found_here:
                # every event the sentence told ("Police fired tear gas at protesters …" tells two that dedupe joins)
                last_told = (k, (last_told[1] if last_told is not None and last_told[0] == k else []) + found_here)
                if named and all(said for _, said in named) and _done_before(lead_of(cluster)):
                    echoes.update(id(i) for i in found_here)
            elif last_told is not None and k - last_told[0] <= 2 and not any(
                    TIME_STAMP.match(all_segments[j].text) for j in range(last_told[0] + 1, k + 1)):
                # (not across a live blog's time stamp: the next entry tells another moment)
                when = date_for(cluster, clusters, dates)
                escalate(last_told[1], cluster, when, incidents)
                specify(last_told[1], cluster, when, incidents)
            if not dates and not heading_window:
                borrowed.update(id(i) for i in found_here)
            incidents.extend(found_here)
        incidents[told_from:] = _taken_over(incidents[told_from:])
    misdated = {id(i) for i in incidents if headline_dated_by_a_noun(i, doc, document)}
    incidents = _dated_by_their_first_telling(incidents, borrowed | misdated)
    incidents = _without_summaries(_without_echoes(incidents, echoes), borrowed)
    return without_notes(riots_absorb_their_protests(date_headlines(incidents, doc, document)), doc)


AGAIN = {"again", "another", "second", "third", "renewed", "fresh"}
# determiners of an event already told: "the attack", "its assault", "no one was hurt in either attack"
DEFINITE = {"the", "its", "their", "his", "her", "either", "both", "neither", "each"}


def _dated_by_their_first_telling(incidents: list[Incident], borrowed: set[int]) -> list[Incident]:
    """ "Fighters stormed villages near Bara on Saturday … the attackers went from house to house in the settlements
    north of Bara": a sentence that dates nothing, telling again an event of the same type and place the story has
    dated, is that event, on its day (not the day the sentence before happened to name)."""
    out = []
    for k, incident in enumerate(incidents):
        if id(incident) in borrowed:
            if any(word in AGAIN for word in re.findall(r"[a-z]+", incident.quote.lower())):
                out.append(incident)  # "Gunmen attacked Tsafe again", "a second protest followed": another event
                continue
            if any(id(other) not in borrowed and other.date == incident.date and same_event_at(other, incident)
                   for other in incidents[:k]):
                out.append(incident)  # the day the story last named was this place's: that is the story's day here
                continue
            first = next((other for other in reversed(incidents[:k]) if id(other) not in borrowed
                          and same_event_at(other, incident) and other.date is not None
                          and other.date_precision in ("day", "week")), None)
            if first is not None and first.date != incident.date and not (
                    first.date_end is not None and first.date < first.date_end
                    and incident.date is not None and first.date <= incident.date <= first.date_end):
                # (but "Between 2 and 6 April … a drone strike near Adet" / "4 April: A drone strike hit a minibus
                # … outside Adet": a day inside the first telling's days says more)
                log.debug("told again, on the day first told: %s", incident.quote)
                incident = replace(incident, date=first.date, date_end=first.date_end,
                                   date_precision=first.date_precision, time_precision=first.time_precision)
        out.append(incident)
    return out


def _done_before(lead: Trigger) -> bool:
    """ "said on Friday it had recaptured Bara": a perfect tense under the telling, done some time before it."""
    verb = lead.head if lead.head.pos_ in ("VERB", "AUX") else lead.head.head
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


ECHO_DAYS = 3  # how long before its telling an event told with "had" may have happened


def _without_echoes(incidents: list[Incident], echoes: set[int]) -> list[Incident]:
    """ "The army said on Friday it had recaptured Bara … troops entered Bara on Thursday": the incident dated by
    the telling gives way to the same event (type and place) that the text dates to a day shortly before."""
    def retold(echo: Incident) -> Incident | None:
        return next((other for other in incidents if id(other) not in echoes and same_event_at(other, echo)
                     and other.date_precision == "day" and other.date is not None
                     and 1 <= (echo.date - other.date).days <= ECHO_DAYS), None)

    retellings = {id(echo): other for echo in incidents
                  if id(echo) in echoes and echo.date is not None and (other := retold(echo)) is not None}
    # the telling names the event ("recaptured"); the later sentence only dates it ("units entered Bara")
    named = {id(other): echo.sub_event_type for echo in incidents if (other := retellings.get(id(echo))) is not None}
    out = []
    for incident in incidents:
        if id(incident) in retellings:
            log.debug("dated by its telling, told again with its day: %s", incident.quote)
        elif id(incident) in named:
            out.append(replace(incident, sub_event_type=named[id(incident)]))
        else:
            out.append(incident)
    return out


def _said_on(segment: Span, start: int, end: int) -> bool:
    """ "… the commission said on Thursday", "said in a statement issued in Niamey on Wednesday": the date of the
    telling (the first verb above the date is one of telling)."""
    if told_on(segment.text, start):
        return True
    span = segment.doc.char_span(segment.start_char + start, segment.start_char + end, alignment_mode="expand")
    for ancestor in list(span.root.ancestors)[:3] if span is not None else ():
        if ancestor.lemma_.lower() in TELLING:
            return True
        if ancestor.pos_ == "VERB":
            return False
    return False


DAYS_FROM = re.compile(r"^(?:a|one|two|three|four|five|six|\d+)\s+days?\s+(?:before|after)$", re.IGNORECASE)
THE_EVENT = re.compile(r"^\s+the\s+(?:\w+\s+)?(?:assaults?|attacks?|raids?|strikes?|ambush|bombings?|massacre|"
                       r"killings?|clashes|fighting|explosions?|blasts?|shelling|protests?|riots?)\b", re.IGNORECASE)


def _from_the_news(text: str, end: int, window: DateWindow, incidents: list[Incident],
                   document: Document) -> DateWindow | None:
    """ "A day before the assaults, a roadside bomb struck …": counted from the day of the story's first event,
    not from the last day named (the day a claim was circulated)."""
    if not DAYS_FROM.match(window.text) or not THE_EVENT.match(text[end:]):
        return None
    first = next((i for i in incidents if i.date_precision == "day"), None)
    if first is None or first.date is None:
        return None
    return next((w for _, _, w in find_dates(window.text, document.published, first.date)), None)


def _told_next(all_segments: list[Span], k: int, document: Document, reference: date | None) -> DateWindow | None:
    """The day or week the sentence after a numbered or bulleted heading gives, on the heading's own line."""
    if k + 1 >= len(all_segments) or not document.published:
        return None
    here, following = all_segments[k], all_segments[k + 1]
    if "\n" in here.doc.text[here.end_char:following.start_char]:
        return None
    windows = [w for _, _, w in find_dates(following.text, document.published, reference)
               if w.precision in ("day", "week")]
    return windows[0] if windows else None


RAIDING = {"enter", "raid", "storm", "descend", "invade", "attack"}
# "No one was hurt", "nobody was injured": property burnt and no one harmed stays property destruction
NO_HARM = re.compile(r"\b(?:no one|nobody|no-one) (?:was|were) (?:\w+ )?(?:hurt|injured|harmed|wounded|killed)"
                     r"|\bno (?:injuries|casualties)\b|\bwithout (?:injuries|casualties)\b", re.IGNORECASE)


def _next_sentence_text(segment: Span) -> str:
    doc = segment.doc
    return doc[segment.end].sent.text if segment.end < len(doc) else ""


def _raided_a_village(trigger: Trigger, index: dict[int, Span]) -> bool:
    """Whether the property was destroyed in a raid on a village or town: the burning hangs on a verb of raiding
    ("settlers entered Sinjil, setting fire to …", "descended on Turmus Ayya, setting fire to …") whose object is a
    settlement the text names or calls one."""
    for verb in [trigger.head, *list(trigger.head.ancestors)[:3]]:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RAIDING:
            continue
        places = [c for c in verb.children if c.dep_ == "dobj"] + [
            o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "upon", "into")
            for o in p.children if o.dep_ == "pobj"]
        if any(o.i in index and index[o.i]._.geomap_place.feature_class == "P"
               or o.i not in index and o.pos_ == "PROPN" and o.ent_type_ in ("", "GPE", "LOC", "FAC", "PERSON")
               or o.lemma_.lower() in ("village", "town", "hamlet", "settlement", "community") for o in places):
            return True
    return False


def _without_summaries(incidents: list[Incident], borrowed: set[int] = frozenset()) -> list[Incident]:
    """Drop a country-wide report that the article also tells town by town.

    "Iran fired missiles at Israel … one man was killed in Jericho": the country-level line summarises events
    coded where they happened (same type, same country, overlapping days). A line that dates nothing itself
    ("Good morning. Indonesia's protests turn deadly, a bus abduction in central Nigeria …", under a newsletter's
    day) may be about any day of the week before the day it borrowed.
    """
    from geomap.dedupe import UNDATED_DAYS, report_window

    def window(incident: Incident):
        found = report_window(incident)
        if found is not None and id(incident) in borrowed:
            return found[0] - timedelta(days=UNDATED_DAYS), found[1]
        return found

    def overlaps(a: Incident, b: Incident) -> bool:
        wa, wb = window(a), window(b)  # an undated headline may be about any day of the week before it
        # and a summary told on one day ("six killed as protests turned violent, officials said on Wednesday")
        # sums up the day before it too
        return wa is None or wb is None or (wa[0] - timedelta(days=1) <= wb[1] and wb[0] <= wa[1])

    def inside(area: Place, other: Place) -> bool:
        if area.is_country:
            return not other.is_country and other.country_code == area.country_code
        if area.feature_code == "RGN":  # "Iraq's Kurdistan Region" over Zakho: a region of one country, its towns
            return other.feature_class == "P" and other.country_code == area.country_code and distance_km(
                area.lat, area.lon, other.lat, other.lon) <= REGION_REACH_KM
        return area.feature_code == "ADM1" and other.feature_code != "ADM1" and bool(area.admin1_code) \
            and (other.country_code, other.admin1_code) == (area.country_code, area.admin1_code)

    def within_division(written: Incident, other: Incident) -> bool:
        """ "in Russia's Bryansk region" read as the town Bryansk at a region's precision holds Klintsy (a division
        named after its seat; not "Kishtwar district", a district of Jammu and Kashmir)."""
        named_so = normalize(written.place.admin1 or "").startswith(normalize(written.place.name))
        return named_so and written.geo_precision == 3 and written.place.feature_class == "P" \
            and bool(written.place.admin1_code) \
            and other.geo_precision < 3 and other.place.gazetteer_id != written.place.gazetteer_id \
            and (other.place.country_code, other.place.admin1_code) == (written.place.country_code,
                                                                        written.place.admin1_code)

    kept = []
    for incident in incidents:
        if (incident.place.is_country or incident.place.feature_code == "ADM1"
                or (incident.place.feature_code == "RGN" and incident.place.country_code)
                or (incident.geo_precision == 3 and incident.place.feature_class == "P")) and any(
                other.event_type == incident.event_type
                and (inside(incident.place, other.place) or within_division(incident, other))
                and overlaps(incident, other) for other in incidents if other is not incident):
            log.debug("region-wide summary dropped: %s", incident.quote)  # "Junta jets bomb town in Rakhine State"
            continue
        kept.append(incident)
    return kept


def _retold_by_its_day(cluster: list[Trigger], found: list[Incident], told: list[Incident]) -> bool:
    """ "without specifying whether they were linked to Saturday's ambush": an event named by its day, of a kind
    the story already told for that day, is that event again (wherever the sentence's own place is)."""
    head = lead_of(cluster).head
    if head.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in head.children):
        return False
    # "Saturday's attack in Katsina" names a place of its own: the same event only if told there
    own_place = any(c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "on", "outside") for c in head.children)
    return all(any(i.event_type == f.event_type and i.date == f.date and (
        not own_place or distance_km(i.place.lat, i.place.lon, f.place.lat, f.place.lon) <= 25) for i in told)
        for f in found)


def _toll_of_one_told(cluster: list[Trigger], found: list[Incident], told: list[Incident]) -> bool:
    """ "The health ministry confirmed that five people were killed in Tulkarm", after the strike on Tulkarm that
    day was told: deaths by no one named, where and when an event was told, are its toll."""
    if any(t.kind not in ("kill", "killing") for t in cluster):
        return False
    verb = lead_of(cluster).head
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return False
    return all(any(i.place.gazetteer_id == f.place.gazetteer_id and i.date == f.date
                   and i.date_precision == f.date_precision == "day" for i in told) for f in found)


def _of_another_time(found: list[Incident], told: list[Incident]) -> bool:
    """ "Last month, … in a similar raid": dated only to a month or year, or more than a week from the event just
    told, it is an event of its own time (and kind)."""
    days = [t.date for t in told if t.date is not None]
    return bool(days) and any(i.date_precision in ("month", "year") or i.date is None
                              or min(abs((i.date - day).days) for day in days) > 7 for i in found)


TAKEOVERS = {"Non-state actor overtakes territory", "Government regains territory"}


def _taken_over(told: list[Incident]) -> list[Incident]:
    """ "Rebels fought their way into Kabalo and took control of the town": the fighting that took a place is
    coded as its taking (ACLED's one event), not also as a clash there that day. (Civilians attacked as it fell
    stay an attack of their own.)"""
    taken = {(i.place.gazetteer_id, i.date) for i in told if i.sub_event_type in TAKEOVERS}
    return [i for i in told if i.sub_event_type != "Armed clash" or (i.place.gazetteer_id, i.date) not in taken]


def _said_alike(cluster: list[Trigger]) -> bool:
    """ "two people were killed in similar clashes": deaths in an event of the kind just told (not "a similar clash
    between cultists in June", an event of its own kind, nor "last month … in a similar raid", one of another
    day: the caller compares dates)."""
    nouns = [o for t in cluster for p in t.head.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
             for o in p.children]
    if any(c.dep_ == "amod" and c.lower_ == "similar" for n in nouns for c in n.children):
        return True
    # "two people were killed in clashes between the two sides": the sides just told, fighting again
    return any(c.dep_ == "prep" and c.lower_ == "between" and any(
        o.lemma_.lower() in SIDES and any(d.lower_ in ("the", "both") for d in o.children) for o in c.children)
        for n in nouns + [t.head for t in cluster] for c in n.children)


SIDES = {"side", "group", "camp", "faction"}


def _dated_aside(cluster: list[Trigger]) -> bool:
    """ "… in Wad Madani, the state capital the RSF seized in December 2023": a relative clause recalling an
    earlier event with its own date, which leaves the sentence's news its only event."""
    return all(t.head.dep_ in ("relcl", "acl") and any(u.ent_type_ == "DATE" for u in t.head.subtree)
               or _a_span_before_or_after(t.head) for t in cluster)


def _told_within(cluster: list[Trigger], other: list[Trigger]) -> bool:
    """Whether ``cluster`` is told inside the clause of ``other`` ("a day after police opened fire on supporters
    who had answered a call to march"): an aside's own details are not the news it is aside from."""
    inside = {u.i for t in other for u in t.head.subtree}
    return all(t.head.i in inside for t in cluster)


SPANS_OF_TIME = {"hour", "day", "night", "week"}


def _a_span_before_or_after(verb: Token) -> bool:
    """ "… killed five people on Thursday, a day after the air force bombed hideouts in the same area": the clause
    that times the news by another event (whatever the parse hangs it on) is that other event's, told aside."""
    children = list(verb.children)
    return any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in children) \
        and any(c.dep_ == "npadvmod" and c.lemma_.lower() in SPANS_OF_TIME for c in children)


def _inside_a_name(span: Span) -> bool:
    """The tagger reads the toponym as part of a longer organisation or facility name."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].ent_iob_ == "I" and doc[span.end].ent_type_ in ("ORG", "FAC")


def _dateline_place(segment: Span, index) -> list[Located]:
    """ "TBILISI — Police detained …": the dateline's own sentence, when it names no other town (wire stories are
    filed from the scene)."""
    opening = dateline(segment.doc, index)
    filed = dateline_end(segment.doc.text)  # "JOLO, Sulu —": the province is the dateline's own
    if opening is None or not (segment.start <= opening.span.end + 1 and opening.span.start < segment.end
                               or opening.span.start_char < segment.start_char <= filed + 1
                               and "\n" not in segment.doc.text[opening.span.start_char:segment.start_char]):
        return []  # the dateline's own sentence (which the segmenter may split after "MEXICO CITY —" or after
        # "Cochabamba, November 2, 2024.")
    named = [span for span in toponym_spans(segment.doc) if segment.start <= span.start < segment.end and span.label_ != "NORP"
             and not (span.label_ == "FAC" and (span._.geomap_place is None
                                                or span[-1].lower_.rstrip(".") in FACILITY_WORDS))  # "Serantes Street"
             and not _inside_a_name(span)  # "the Palacio Nacional", a building named like a town
             and not named_aside(span)  # "the highway that connects … with Oruro", "a press conference in La Paz"
             and span.start_char >= filed]
    # any other town the sentence names, even one the gazetteer lacks, is likelier than the dateline
    others = {normalize(span.text) for span in named if span._.geomap_place is None
              or not span._.geomap_place.is_country} - {normalize(opening.span.text)}
    return [opening] if not others and not names_unknown_town(segment, index) else []


def _taken_by_a_foreign_state(lead: Trigger, place: Place, index, demonyms: dict[int, str]) -> str | None:
    """ "Russia's Defence Ministry said its troops had 'liberated' Shakhove": a state's forces taking a town of
    another country neither regain their own territory nor merely fight; ACLED codes that as territory overtaken."""
    if lead.kind not in ("capture", "recapture") or not place.country_code or lead.sub_event_type not in (
            "Government regains territory", "Armed clash"):
        return None
    verbs = [v for v in (lead.head, *list(lead.head.ancestors)[:4]) if v.pos_ in ("VERB", "AUX")]
    owners = set()
    for verb in verbs:
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent")):
            # the subject and what names it ("Russian troops", "Russia's ministry"), not "troops backed by Russians"
            for token in [subject, *(c for c in subject.children if c.dep_ in ("amod", "compound", "poss", "nmod"))]:
                span = index.get(token.i)
                if span is not None and span._.geomap_place.is_country:
                    owners.add(span._.geomap_place.country_code)
                elif token.i in demonyms:
                    owners.add(demonyms[token.i])
    own = {place.country_code, country_name(place.country_code)}
    return "Non-state actor overtakes territory" if owners and not owners & own else None


def _counts_its_victims(noun) -> bool:
    """ "the killing of eight farmers": a definite event noun that counts its victims tells the event afresh."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children) for o in c.children) for c in noun.children)


def _named_before(segment: Span, index: dict[int, Span], lead: Trigger) -> list[Located]:
    """ "In Zaporizhzhia, the governor said a facility was set ablaze; no deaths were reported there": the town
    the sentence itself names before the event, if it names one."""
    opener = next((t for t in segment if t.is_alpha), None)  # only a fronted "In X," (not "speaking in X",
    # "a resident reached by phone in X", "a medic speaking from X": where the telling was)
    if opener is None or opener.lower_ not in ("in", "at") or opener.i >= lead.head.i:
        return []
    spans = {index[t.i].start: index[t.i] for t in opener.subtree if t.i in index}
    towns = [span for span in spans.values() if span._.geomap_place.feature_class == "P"]
    return [Located(towns[-1], towns[-1]._.geomap_place, 9, False, 0)] if towns else []


def _others_places(cluster, clusters, index: dict[int, Span], segment: Span) -> set[str]:
    """ "artillery shelled the outskirts of Khiam [unknown], and warplanes struck a building in Tyre": the towns the
    parse ties to another kind of event in the sentence are that event's, not this one's too (but "aircraft struck
    Lashio on Saturday and returned on Sunday, when bombs destroyed houses": one kind, one town)."""
    return {item.place.gazetteer_id for other in clusters if other is not cluster
            and lead_of(other).sub_event_type != lead_of(cluster).sub_event_type
            for item in locate([t.head for t in other], index, (segment.start, segment.end))}


ENSUING = {"ensuing"}  # not "resulting", "subsequent": told apart, they may be elsewhere
THERE = {"outside", "there", "inside"}  # not "nearby": "attacked bases nearby" says no more than the region


def _incidents_for(cluster, clusters, number, segment, document, index, demonyms, dates, tolls, store,
                   offset, last_places: list[Located], story_day: date | None = None,
                   fresh: bool = False, heading_window: DateWindow | None = None) -> list[Incident]:
    lead = lead_of(cluster)
    if lead.head.lemma_.lower() == "enter" or lead.sub_event_type == "Looting/property destruction":
        # "fighters entered villages, beheading six men", "a man was shot dead when settlers stormed … and torched
        # cars": people attacked make it an attack on civilians, whatever else was done
        harm = [t for t in cluster if t.event_type == "Violence against civilians" and t.strength >= 4]
        lead = harm[0] if harm else lead
        if lead.sub_event_type == "Looting/property destruction" and _raided_a_village(lead, index) \
                and not NO_HARM.search(segment.text + " " + _next_sentence_text(segment)):
            # "dozens of masked settlers descended on Turmus Ayya, setting fire to six vehicles and two houses": an
            # armed band's raid on a village is an attack on the people whose homes it burns
            lead = replace(lead, event_type="Violence against civilians", sub_event_type="Attack")
    anchors = [t.head for t in cluster]
    located = locate(anchors, index, (segment.start, segment.end))
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE
                   or c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")  # not "Wednesday's march"
                   for c in lead.head.children) and not _counts_its_victims(lead.head)
    # a crowd's story is one event however typed ("protesters threw stones at police, who responded with tear gas")
    one_event = len({"crowd" if other[0].event_type in _CROWD else other[0].event_type for other in clusters
                     if other is cluster or not _dated_aside(other) or _told_within(cluster, other)}) == 1
    strong, alone = lead.strength >= 3, one_event and not definite
    # where the parse ties the event to no place: the fallbacks in order, each with the cases it may serve
    fallbacks = (
        # "the strike came as talks opened in Moscow": a definite mention looks back at an event already coded
        ("sentence", strong and alone,
         lambda: sentence_fallback(segment, index, _others_places(cluster, clusters, index, segment))),
        # "… struck a police station. The station sits in Suárez"
        ("next sentence", strong and alone, lambda: next_sentence_place(segment, index)),
        ("record", strong, lambda: record_place(segment, index)),  # "Location: Juba" above "Details: … gathered"
        ("capital", strong and one_event, lambda: national_capital(segment, store, index)),  # "in the Somali capital"
        ("dateline", strong and alone, lambda: _dateline_place(segment, index)),
        # "slammed into the city's oil terminal"; a division stands for the city only if it has a namesake one
        ("the city", strong, lambda: the_city(cluster, segment, index, lambda item: _as_city(item, store)[1])),
        ("line label", strong and one_event, lambda: line_label(segment, index)),  # "Aden: Hundreds of …"
        # "mobs roamed Juba's markets, smashing storefronts"
        ("one town", strong and alone and lead.event_type != "Strategic developments",
         lambda: sole_town(cluster, segment, index)),
        # "The confrontation in Quetta … On Friday, police used tear gas"
        ("paragraph", fresh and lead.strength >= 4 and alone and not heading(segment)
         and lead.sub_event_type != "Disrupted weapons use" and told_in_past(lead),
         lambda: paragraph_place(segment, index)),
        ("subhead", strong and alone and (not heading(segment) or bool(NUMBERED.match(segment.text))),
         lambda: subhead_place(segment, index)),  # (a bullet under the subhead is one of its items)
        # "his supporters rallied outside"
        ("there", any(c.dep_ == "advmod" and c.lower_ in THERE for t in cluster
                      for c in (*t.head.children, *t.head.head.children)),
         lambda: [replace(item, near=True) for item in _named_before(segment, index, lead) or last_places]),
        # "six of them were killed in the ensuing gunbattle": where the last event was
        ("ensuing", bool(last_places) and any(c.dep_ == "amod" and c.lower_ in ENSUING
                                              for t in cluster for c in t.head.children),
         lambda: list(last_places)),
    )
    basis = "parse"
    for name, applies, find in fallbacks:
        if located:
            break
        if applies:
            located, basis = find(), name
    if not located:
        log.debug("no place for %r in %r", lead.span.text, segment.text)
        return []
    located = part_of_the_city(town_within(located, cluster, segment, index), cluster, segment, index,
                               lambda item: _as_city(item, store)[1], lambda place: a_city_section(place, store))
    last_places[:] = located
    window = date_for(cluster, clusters, dates)
    if window is not None and window.date is not None and document.published and window.date > document.published:
        head = lead.head
        own = head.doc[head.left_edge.i:head.right_edge.i + 1].text if head.pos_ == "NOUN" else ""
        if (window.text and window.text in own) or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll")
                                                       for c in head.children):
            log.debug("still to come, not an incident: %r", segment.text)  # "a mass rally in Tel Aviv next Saturday"
            return []
        window = None  # "gunmen killed 12 …, and police said arrests would follow next week": not the event's day
    if window is not None and window.text.lower().startswith(("since", "from")):
        log.debug("trend, not an incident: %r", segment.text)  # "strikes have killed 40,000 since October"
        return []
    if window is not None and window.precision in ("month", "year") and any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("have", "has") for t in cluster
            for verb in (t.head, t.head.head, *first_verb(t.head)) for c in verb.children):
        log.debug("a running total, not an incident: %r", segment.text)  # "120 have been killed this year"
        return []
    if window is not None and window.precision in ("month", "year") and lead.head.tag_ == "NNS" and not any(
            c.dep_ in ("det", "nummod", "poss") for c in lead.head.children):
        log.debug("a pattern, not an incident: %r", segment.text)  # "drone attacks have multiplied this year"
        return []
    if window is None and heading_window is not None:
        window = heading_window  # "3. Warehouse looting in Mellit. Last week, armed men broke into …"
    if window is None and document.published:
        if any(c.dep_ == "amod" and c.lower_ in ("similar", "such") for t in cluster for c in t.head.children):
            return []  # "days after a similar attack in Kandahar": a comparison unless the text dates it
        # an undated event told after the story named its day ("Strikes also hit Byblos") happened that day
        window = DateWindow(story_day, story_day, "day", "") if story_day and not heading(segment) \
            else publication_window(document.published)
    fatalities = sum(n for _, what, n in tolls if what == "fatalities") or None
    if fatalities and fatalities >= 1000 and all(geo_precision(item) == 3 for item in located):
        log.debug("a country-wide toll is a statistic, not an incident: %r", segment.text)
        return []
    if window is not None and window.precision == "year" and all(geo_precision(item) == 3 for item in located):
        log.debug("a year in a whole region is a tally, not an incident: %r", segment.text)
        return []  # "the 11th social leader killed in the department this year"
    injuries = sum(n for _, what, n in tolls if what == "injuries") or None
    toponym_tokens = set(index)
    event_tokens = anchors + [t.head for t in cluster for t in [t] if t.head.head.i != t.head.i] + [
        t.head.head for t in cluster]
    foreign = {u.i for other in clusters if other is not cluster for t in other for u in t.head.subtree
               if not any(a in t.head.subtree for a in anchors)}
    near_tokens = {u for a in event_tokens for u in [a, *a.subtree] if u.i not in foreign}
    named = people(sorted(near_tokens, key=lambda u: u.i), toponym_tokens)
    out = []
    share = len(located)
    for k, item in enumerate(located):
        place, refined = _as_city(item, store)
        precision = 2 if item.near and refined else 1 if refined else geo_precision(item)
        each = lambda n: None if n is None else n // share + (n % share if k == 0 else 0)  # noqa: E731
        confidence = 0.45 + 0.05 * min(lead.strength, 6) + 0.2 * float(item.span._.geomap_confidence or 0)
        out.append(Incident(
            id=f"{document.id}:{offset + len(out) + 1}",
            doc=document.id,
            event_type=lead.event_type,
            sub_event_type=_taken_by_a_foreign_state(lead, place, index, demonyms) or lead.sub_event_type,
            place=place,
            location=item.span.text,
            geo_precision=precision,
            date=window.date if window else None,
            date_end=window.date_end if window else None,
            date_precision=window.precision if window else "publication",
            time_precision=window.time_precision if window else 3,
            quote=segment.text.strip(),
            start=segment.start_char,
            end=segment.end_char,
            actors=actors(anchors, demonyms, place.country_code, lead.event_type),
            people=tuple(named),
            fatalities=each(fatalities),
            injuries=each(injuries),
            title=document.title,
            url=document.url,
            confidence=round(min(confidence, 0.99) - (0.1 if window and window.precision == "publication" else 0), 3),
            sources=(document.id,),
            place_basis=basis,
        ))
    return out
