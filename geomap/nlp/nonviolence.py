"""Contexts in which violent words report no political violence: disasters, sport, non-conflict deals.

"Floods killed 30", "the visitors' defence came under attack", "a staff-level agreement on a loan": ACLED
codes none of these. Kept apart from ``geomap.nlp.events`` so the trigger table stays readable.
"""
from __future__ import annotations

import re

from spacy.tokens import Token


def lemma_of(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _lemmas(tokens) -> set[str]:
    return {lemma_of(t) for t in tokens}


NATURAL = {"flood", "flooding", "earthquake", "quake", "storm", "cyclone", "hurricane", "typhoon", "landslide",
           "mudslide", "avalanche", "heatwave", "heat", "drought", "cholera", "disease", "outbreak", "lightning",
           "crash", "accident", "collapse", "wildfire", "rain", "tsunami", "famine", "epidemic", "virus"}


CONFLICT_DEAL = {"peace", "ceasefire", "truce", "armistice", "prisoner", "hostage", "captive", "rebel", "militia",
                 "militant", "armed", "withdrawal", "troop", "war", "security", "disarmament", "insurgent", "army",
                 "fighting", "conflict", "guerrilla", "faction", "separatist", "demilitarized", "demilitarised",
                 "force", "military", "commander", "integration", "integrate", "merge"}


SPORT = {"score", "goal", "match", "coach", "league", "cup", "striker", "midfielder", "goalkeeper", "season",
         "tournament", "championship", "playoff", "inning", "touchdown", "referee", "fixture", "derby", "scorer",
         "footballer", "player", "teammate", "penalty", "halftime", "quarterback", "wicket", "set", "opener"}


def sport(head: Token) -> bool:
    """ "the visitors' defence came under attack as Vinicius scored": sport, not violence."""
    sent = head.sent
    sentence = _lemmas(sent)
    scoreline = any(  # "won 2-1", not the day range "On 11-12 September"
        not any(t.ent_type_ in ("DATE", "TIME") for t in sent.char_span(m.start(), m.end(), alignment_mode="expand"))
        for m in re.finditer(r"\b\d{1,2}-\d{1,2}\b", sent.text))
    violence = {"bomb", "gun", "shoot", "militant", "troop", "kill", "dead", "die", "wound", "injure", "police"}
    return (scoreline or len(sentence & SPORT) >= 2) and not sentence & violence


def natural_cause(head: Token) -> bool:
    """ "Floods killed 30 people": deaths with a natural or accidental cause are no political violence."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "agent")]
    if not subjects and head.dep_ == "conj":  # "floods swept away homes and killed dozens": the first verb's subject
        subjects = [c for c in head.head.children if c.dep_ in ("nsubj", "agent")]
        if head.head.dep_ == "relcl" and any(c.lower_ in ("that", "which") for c in subjects):
            subjects.append(head.head.head)  # "Cyclone Chido, which tore through … and killed more than 100"
    if head.dep_ == "relcl" and any(c.lower_ in ("that", "which") for c in subjects):
        subjects.append(head.head)  # "an earthquake that struck central Myanmar"
    subjects += [o for c in head.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("in", "by"))
                 for o in c.children if o.dep_ == "pobj"]  # "killed in a helicopter crash"
    return any(lemma_of(t) in NATURAL for s in subjects for t in s.subtree
               if t.dep_ in ("nsubj", "pobj", "conj") or t.i == s.i or (t.dep_ == "compound" and t.head.i == s.i))


