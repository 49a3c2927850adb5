"""Which town "the capital" of a sentence is: the capital of the country an adjective names ("the Somali capital"),
else the one national capital the sentence names, the dateline's capital when the story is about its country, or
the capital of the country the story names most when it was filed from another's ("NEW DELHI — … killed in the
capital" of a story about Nepal)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from geomap.incidents.datelines import dateline
from geomap.incidents.filters import REPORTING
from geomap.incidents.located import Located, approximate
from geomap.nlp.pipeline import toponym_spans

# verbs and nouns of telling: where a speaker is ("officials in Kabul said") is no scene
TELLING = REPORTING | {"issue", "release", "publish", "statement"}


def _in_the_capital(token: Token) -> Token | None:
    """The locative preposition of "in the Somali capital", "in the heart of the capital"."""
    if token.lemma_.lower() != "capital" or token.dep_ != "pobj":
        return None
    prep = token.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj":
        prep = prep.head.head
    return prep if prep.lower_ in ("in", "at", "near") else None


# a capital that is not the seat of government: "the economic capital", "the provincial capital"
NOT_THE_SEAT = {"economic", "commercial", "financial", "business", "cultural", "spiritual", "religious", "former",
                "old", "historic", "provincial", "regional", "state", "district", "county", "departmental"}


def national_capital(segment: Span, store, index: dict[int, Span]) -> list[Located]:
    """ "in the Somali capital", "in the heart of the Malian capital": the capital city of the country the adjective
    names. A bare "in the capital" is the one national capital the sentence names (not where someone spoke), else
    the dateline's city when that is a national capital the story names again ("NAIROBI — Kenyan police shot dead
    four people in the capital …"), else the capital of the one country named as where ("police in Kenya")."""
    capitals = [(token, prep) for token in segment for prep in [_in_the_capital(token)] if prep is not None]
    if store is None or not capitals:
        return []
    countries = [span for span in toponym_spans(segment.doc) if segment.start <= span.start < segment.end
                 and span._.geomap_place is not None and span._.geomap_place.is_country and not approximate(span)]
    by_token = {i: span for span in countries for i in range(span.start, span.end)}
    bare: list[Located | None] = []  # a bare "the capital"'s reading, once worked out
    for token, prep in capitals:
        near = prep.lower_ == "near"
        if any(c.dep_ in ("amod", "compound") and c.lower_ in NOT_THE_SEAT for c in token.children):
            continue  # "Burundi's economic capital" is Bujumbura, not Gitega; "the provincial capital"
        for child in token.children:
            span = by_token.get(child.i)
            if child.dep_ in ("amod", "compound", "poss") and span is not None:
                capital = store.capital(span._.geomap_place.country_code)
                if capital is not None:
                    return [Located(span, capital, 9, near, 0)]
        if any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in token.children) or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue  # "the provincial capital", "the capital of Borno": not the nation's
        if not bare:
            bare.append(_bare_capital(segment, store, index, countries))  # the same for every bare "the capital" here
        if bare[0] is not None:
            return [replace(bare[0], near=near)]
    return []


def _bare_capital(segment: Span, store, index: dict[int, Span], countries: list[Span]) -> Located | None:
    """Which capital a bare "the capital" of this sentence is, if the sentence or the dateline says."""
    named_capitals = {span._.geomap_place.gazetteer_id: span for i, span in index.items()
                      if segment.start <= i < segment.end and span._.geomap_place.feature_code == "PPLC"
                      and not _where_told(span)}
    if named_capitals:  # "Kabul blames Pakistan for explosions in the capital": the capital the sentence names
        if len(named_capitals) > 1:
            return None
        span = next(iter(named_capitals.values()))
        return Located(span, span._.geomap_place, 9, False, 0)
    # a country named as where ("police in Kenya"), not as who ("Kenya said", "Russian drones")
    named = {span._.geomap_place.country_code: span for span in countries
             if span.root.dep_ == "pobj" and span.root.head.lower_ in ("in", "across", "inside", "throughout")}
    opening = dateline(segment.doc, index)
    leading = _most_named_country(index)
    if opening is not None and opening.place.feature_code == "PPLC" and set(named) <= {opening.place.country_code} \
            and leading in (None, opening.place.country_code) and (
                leading is not None or any(span.start > opening.span.end
                                           and span._.geomap_place.gazetteer_id == opening.place.gazetteer_id
                                           for span in index.values())):
        return opening  # a story mostly about the dateline's country, or that names its capital again: not a wire
        # filed from afar
    if opening is not None and opening.place.country_code in named:
        return None  # "BUJUMBURA — … in the capital" of Burundi, whose capital is now Gitega: left to the dateline
    if len(named) == 1:
        capital = store.capital(next(iter(named)))
        if capital is not None:
            return Located(next(iter(named.values())), capital, 9, False, 0)
    if not named and leading is not None and opening is not None and leading != opening.place.country_code \
            and leading in _countries_named(index) and leading not in DISPUTED_CAPITALS:
        capital = store.capital(leading)  # "NEW DELHI — … 17 people were killed in the capital" of a story about
        if capital is not None:  # Nepal (named as such): Kathmandu
            return Located(opening.span, capital, 9, False, 0)
    return None


DISPUTED_CAPITALS = {"PS", "IL", "EH", "XK"}  # whose capital a story's "the capital" may not mean


def _countries_named(index: dict[int, Span]) -> set[str]:
    """Countries the story names as such ("Nepal", "Somali police")."""
    return {span._.geomap_place.country_code for span in index.values() if span._.geomap_place.is_country}


def _most_named_country(index: dict[int, Span]) -> str | None:
    """The country most of the story's places are in ("N'DJAMENA (AFP) - … near Bol … Chad's army"), if one leads."""
    counts: dict[str, int] = {}
    for span in {span.start: span for span in index.values()}.values():
        code = span._.geomap_place.country_code
        if code:
            counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=counts.get)


def _where_told(span: Span) -> bool:
    """ "Speaking in London, …", "officials in Kabul said": where someone spoke from, not where anything happened."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_.lower() in TELLING | {
        "speak", "brief", "address", "official", "minister", "spokesman", "spokesperson", "conference"}
