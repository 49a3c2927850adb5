"""Sequels: what the sentences just after an incident tell about it.

A placeless sentence that points back at a protest's crowd ("Police fired tear gas to disperse the crowd")
raises that protest's coding; one that tells how an attack was done ("a suicide bomber detonated a vest at the
entrance") codes it by the weapon; property burnt by no one named just after a strike is that strike's damage.
All look only at the incidents of the last sentence that gave any, at most two sentences back — except the last
step, over the whole story: a riot takes in the protests coded at its place on its day (the march it began as,
the force it met).
"""
from __future__ import annotations

import logging
from dataclasses import replace

from geomap.dates import DateWindow
from geomap.geo import distance_km
from geomap.incidents.dating import told_in_past
from geomap.models import Incident
from geomap.nlp.events import Trigger, lead_of

log = logging.getLogger("geomap.incidents")

CROWD_TYPES = {"Protests", "Riots"}


def as_damage_of(found: list[Incident], cluster: list[Trigger], told: list[Incident]) -> list[Incident]:
    """ "Drones hit Dnipro … In Zaporizhzhia, a facility was set ablaze": property burnt by no one named, told
    just after a strike, is what that kind of strike did there, not a looting."""
    lead = lead_of(cluster)
    verb = lead.head if lead.head.pos_ == "VERB" else lead.head.head
    strikes = {(i.event_type, i.sub_event_type) for i in told if i.event_type == "Explosions/Remote violence"}
    days = {i.date for i in told} | {i.date for i in found}
    # nor "two churches were set on fire after blasphemy allegations": a cause of its own, or another day
    caused = any(c.dep_ in ("prep", "mark") and c.lower_ in ("after", "over", "because", "following", "amid")
                 for c in verb.children)
    looted = any(t.head.lemma_.lower() in ("loot", "plunder", "ransack", "pillage", "steal", "rob", "vandalise",
                                           "vandalize") for t in cluster)
    by_no_one = any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)
    if lead.sub_event_type != "Looting/property destruction" or len(strikes) != 1 or len(days) != 1 or caused \
            or looted or not by_no_one:
        return found
    event_type, sub_event_type = next(iter(strikes))
    return [replace(i, event_type=event_type, sub_event_type=sub_event_type) for i in found]


ELSEWHERE = {"separately", "elsewhere", "meanwhile", "another", "separate", "also", "earlier", "later", "previous"}
SHARPEN_KM = 80.0  # a town this near a district's point may be in it


def sharpen(told: list[Incident], found: list[Incident], cluster: list[Trigger], incidents: list[Incident]) -> bool:
    """ "Five soldiers were killed when terrorists ambushed their vehicle in Kathua district, officials said on
    Tuesday. The terrorists opened fire … on Monday afternoon … near Billawar": the next sentence, pointing back
    at the actors or target just told (a definite noun the last sentence used), tells the same event in a town of
    the area it was placed in, on that day or before: the event is there and then. True when it did (the
    sentence's own incident is then the one already coded)."""
    lead = lead_of(cluster)
    sentence = lead.head.sent
    if len(found) != 1 or not told or len({i.event_type for i in told}) != 1 \
            or any(t.lower_ in ELSEWHERE for t in sentence):
        return False
    doc = sentence.doc
    before = {t.lemma_.lower() for i in told for t in doc.char_span(i.start, i.end, alignment_mode="expand")
              if t.pos_ == "NOUN"}
    if not any(t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and t.pos_ == "NOUN" and t.lemma_.lower() in before
               and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) for t in sentence):
        return False
    new = found[0]

    def holds(old: Incident) -> bool:  # an area placing of the same event, around the new town, on its day or after
        return old.geo_precision == 3 and not old.place.is_country and old.place.feature_class != "H" \
            and old.event_type in (new.event_type, "Battles") and new.geo_precision < 3 \
            and new.place.country_code == old.place.country_code and (
                new.place.admin1_code == old.place.admin1_code
                or distance_km(new.place.lat, new.place.lon, old.place.lat, old.place.lon) <= SHARPEN_KM) \
            and old.date is not None and new.date is not None and 0 <= (old.date - new.date).days <= 3
    areas = [old for old in told if holds(old)]
    if not areas:
        return False
    for old in areas:  # the district and the state it was told in alike
        sharp = replace(old, place=new.place, location=new.location, geo_precision=new.geo_precision, date=new.date,
                        date_end=new.date_end, date_precision=new.date_precision, time_precision=new.time_precision,
                        place_basis=new.place_basis)
        log.debug("%s placed and dated by %r", old.quote, sentence.text)
        _recode(old, sharp, incidents, told)
    return True


def _recode(incident: Incident, recoded: Incident, *lists: list[Incident]) -> None:
    """Put ``recoded`` where ``incident`` stands in each list (the story's incidents and the last sentence's)."""
    for listed in lists:
        listed[next(n for n, i in enumerate(listed) if i is incident)] = recoded


BOMBINGS = {"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"}


def specify(told: list[Incident], cluster: list[Trigger], window: DateWindow | None,
            incidents: list[Incident]) -> None:
    """ "… Friday night's attack on a beachfront restaurant in Mogadishu. A suicide bomber detonated an explosive
    vest at the entrance": the placeless sentence after an attack told only as an attack says how it was done, and
    ACLED codes it by the weapon (never when it is told of another day)."""
    lead = lead_of(cluster)
    if lead.sub_event_type not in BOMBINGS or not told_in_past(lead) or len({i.place.gazetteer_id for i in told}) != 1:
        return
    for incident in list(told):
        if incident.sub_event_type != "Attack" or (window is not None and window.date is not None
                                                   and window.date != incident.date):
            continue
        done = replace(incident, event_type=lead.event_type, sub_event_type=lead.sub_event_type)
        log.debug("%s told as %s by %r", incident.quote, lead.sub_event_type, lead.span.sent.text)
        _recode(incident, done, incidents, told)


# how far a crowd's day went, in ACLED's order: the police broke it up, fired on it; the crowd rioted
ESCALATION = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2,
              "Violent demonstration": 3}


def escalate(told: list[Incident], cluster: list[Trigger], window: DateWindow | None,
              incidents: list[Incident]) -> None:
    """ "Hundreds protested in Kano on Monday. Police fired tear gas to disperse them": the placeless sentence after a
    protest tells how that protest went, and raises its coding (never lowers it) when it is told of the same day."""
    lead = lead_of(cluster)
    rank = ESCALATION.get(lead.sub_event_type)
    if not rank or lead.event_type not in CROWD_TYPES or len({i.place.gazetteer_id for i in told}) != 1 \
            or not all(told_in_past(t) for t in cluster if t.event_type in CROWD_TYPES) or not the_same_crowd(lead):
        return
    for incident in list(told):
        if incident.event_type != "Protests" or ESCALATION[incident.sub_event_type] >= rank \
                or (lead.event_type == "Riots" and incident.sub_event_type == "Excessive force against protesters") \
                or (window is not None and window.date is not None and window.date != incident.date):
            continue
        raised = replace(incident, event_type=lead.event_type, sub_event_type=lead.sub_event_type, actors=tuple(
            label.replace("Protesters (", "Rioters (") if lead.event_type == "Riots" else label
            for label in incident.actors))
        log.debug("%s raised to %s by %r", incident.quote, lead.sub_event_type, lead.span.sent.text)
        _recode(incident, raised, incidents, told)


CROWD_WORDS = {"protester", "protestor", "demonstrator", "marcher", "crowd", "protest", "demonstration", "march",
               "rally", "vigil", "gathering", "sit-in", "participant", "mourner", "student", "worker", "teacher"}


def the_same_crowd(lead: Trigger) -> bool:
    """ "Police fired tear gas to disperse the crowd", "They threw stones", "Demonstrators threw stones": the
    sentence points back at the protest just told, and says of no other ("a separate group", "elsewhere", "a rival
    rally", counter-protesters)."""
    sentence = lead.head.sent
    if any(t.lower_ in ("separate", "elsewhere", "rival", "another", "other") or t.lower_.startswith("counter")
           for t in sentence):
        return False
    return any(t.lower_ in ("they", "them", "their") or t.lemma_.lower() in CROWD_WORDS and not any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)  # "the crowd", "some protesters"
        for t in sentence)


# what else a riot's crowd is coded as on its day and at its place: the march it began as, the force it met
ONE_CROWDS = {"Excessive force against protesters", "Protest with intervention", "Peaceful protest"}


def riots_absorb_their_protests(incidents: list[Incident]) -> list[Incident]:
    """ "Demonstrators broke through barricades, hurling stones … Police fired tear gas and live rounds; 17 people
    were killed in the capital", "a crowd set fire to the police station after officers blocked a march": the march
    a riot began as and the force it met, at its place and on its day, are the riot's (ACLED codes the violent
    demonstration, with its dead), not protests of their own."""
    riots = [i for i in incidents if i.event_type == "Riots" and i.date is not None]
    dead: dict[int, int] = {}  # the riot's toll, raised by a protest's it absorbs
    absorbed: set[int] = set()
    for incident in incidents:
        met = next((riot for riot in riots if incident.sub_event_type in ONE_CROWDS and incident.date is not None
                    and riot.place.gazetteer_id == incident.place.gazetteer_id
                    and riot.date <= (incident.date_end or incident.date)
                    and incident.date <= (riot.date_end or riot.date)), None)
        if met is not None:
            log.debug("the riot's own crowd, not a protest of its own: %s", incident.quote)
            absorbed.add(id(incident))
            dead[id(met)] = max(dead.get(id(met), met.fatalities or 0), incident.fatalities or 0)
    return [replace(i, fatalities=dead[id(i)]) if dead.get(id(i)) and dead[id(i)] != (i.fatalities or 0) else i
            for i in incidents if id(i) not in absorbed]
