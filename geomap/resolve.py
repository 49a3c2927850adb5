"""Toponym resolution: rank a name's gazetteer candidates with named features, or say "none of these".

``rank`` scores one name given what the document says elsewhere (``Context``) and what the user knows
(``Bias``); ``resolve_doc_mentions`` resolves a document's mentions together, confident ones first, and uses
them as context for the rest. Feature weights live in ``geomap.resolution.features``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from geomap.geo import distance_km
from geomap.geocoding.store import GazetteerStore
from geomap.models import Place
from geomap.resolution.features import (
    ABBREVIATION_CASE, FUZZY_PENALTY, MATCH, NONE_SCORE, VARIANT, WEIGHTS, Bias, Context, area_codes,
    contains, feature_prior, label_fit, peer_level, population,
)
from geomap.resolution.lookup import Found, lookup

__all__ = ["Bias", "Context", "Scored", "Resolution", "rank", "decide", "resolve_doc_mentions", "NONE_SCORE"]


@dataclass(frozen=True)
class Scored:
    """One candidate with its score and each named feature's contribution to it."""

    place: Place
    score: float
    features: dict[str, float]
    matched_name: str = ""
    match: str = ""


@dataclass(frozen=True)
class Resolution:
    """What a mention resolved to. ``basis``: "gazetteer" (a candidate of its name), or, for a name the gazetteer
    does not hold at all, an approximation: "parent" (the place its "X, Y" parent names) or "focus" (the
    document's main place)."""

    place: Place | None
    confidence: float
    ranked: tuple[Scored, ...] = ()
    basis: str = "gazetteer"


@dataclass(frozen=True)
class MentionSpan:
    text: str
    label: str | None
    start: int
    end: int


def _abbreviation_ok(written: str, matched: str) -> bool:
    """An abbreviation counts only in its own case: "US" and "U.S." are the country, "us" is not."""
    return written.replace(".", "").replace(" ", "") == matched.replace(".", "").replace(" ", "")


def _base(found: Found, label: str | None, written: str, famous: bool = False) -> dict[str, float]:
    """The features of a candidate on its own. ``famous``: a well-known place (100,000 or more) bears the name too."""
    cand, place = found.candidate, found.candidate.place
    features = {
        "match": MATCH.get(cand.match, -1.0),
        # a seat of unknown size is a town when written by its own name ("Daquq"), not by a variant it lists
        # ("Nasir" for a Turkish village), and never outweighs a well-known place of the name ("north Sinai" is
        # not Sinaí, Ecuador)
        "population": population(place, seat=cand.match == "name" and not famous),
        "feature_code": feature_prior(place),
        "label_fit": label_fit(place, label),
    }
    if cand.match == "abbreviation" and not _abbreviation_ok(written, cand.matched_name):
        features["match"] += ABBREVIATION_CASE
    letters = written.replace(".", "").replace(" ", "")
    if cand.match != "abbreviation" and 1 < len(letters) <= 3 and letters.isupper() \
            and not cand.matched_name.replace(".", "").isupper():
        features["written_as_abbreviation"] = WEIGHTS["written_as_abbreviation"]  # "EU" is not the town Eu
    if found.variant:
        features["variant"] = VARIANT.get(found.variant, -0.5) - FUZZY_PENALTY * (1.0 - found.similarity)
    if found.generic_class and found.variant != "namesake":
        fits = place.feature_class in found.generic_class
        features["generic_term"] = WEIGHTS["generic_term"] * (1.0 if fits else -1.0)
    return features


def _proximity(places: list[Place], points: list[tuple[float, float, float, str]], scale_km: float = 1000.0) -> np.ndarray:
    """For each place, the best weighted closeness to the context points (0 beyond ``scale_km``)."""
    lat1 = np.radians([p.lat for p in places])[:, None]
    lon1 = np.radians([p.lon for p in places])[:, None]
    lat2 = np.radians([q[0] for q in points])[None, :]
    lon2 = np.radians([q[1] for q in points])[None, :]
    weight = np.array([q[2] for q in points])[None, :]
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    unit = scale_km / 100.0
    close = np.clip(1.0 - np.log1p(km / unit) / math.log1p(100.0), 0.0, 1.0) * np.minimum(weight, 1.0)
    # a point that is the candidate itself, named by another name of the text, lends no closeness: two names
    # in one text are two places ("Youngstown" is not the "Mount Gilead" the text also names)
    ids = np.array([p.gazetteer_id for p in places])[:, None]
    close[ids == np.array([q[3] for q in points])[None, :]] = 0.0
    return close.max(axis=1)


def _contextual(place: Place, context: Context, bias: Bias | None) -> dict[str, float]:
    features: dict[str, float] = {}
    cc = place.country_code
    total = context.country_total
    if cc and total > 0 and context.countries.get(cc):
        features["country_agreement"] = WEIGHTS["country_agreement"] * context.countries[cc] / total
    if cc and place.admin1_code and context.admin1.get((cc, place.admin1_code)):
        features["admin1_agreement"] = WEIGHTS["admin1_agreement"] * min(1.0, context.admin1[(cc, place.admin1_code)])
    if cc and place.admin1_code and context.candidate_admin1.get((cc, place.admin1_code)):
        features["admin1_cooccurrence"] = WEIGHTS["admin1_cooccurrence"] * context.candidate_admin1[(cc, place.admin1_code)]
    if context.named_areas and not place.is_country:
        named = max((context.named_areas.get(code, 0.0) for code in area_codes(place)), default=0.0)
        if named:
            features["containment"] = WEIGHTS["containment"] * min(1.0, named)
    level = peer_level(place) if context.peers else ""
    if level and context.peers.get(level):
        features["peer"] = WEIGHTS["peer"] * min(1.0, context.peers[level])
    if context.parents and any(contains(parent, place) for parent in context.parents):
        features["parent"] = WEIGHTS["parent"]
    if context.children and any(contains(place, child) for child in context.children):
        features["child"] = WEIGHTS["child"]
    if bias is not None:
        if bias.country and cc == bias.country.upper():
            features["bias_country"] = WEIGHTS["bias_country"]
        if bias.area:
            south, west, north, east = bias.area
            if south <= place.lat <= north and (west <= place.lon <= east if west <= east
                                                  else place.lon >= west or place.lon <= east):
                features["bias_area"] = WEIGHTS["bias_area"]
        if bias.members and any(code in bias.members for code in area_codes(place)):
            features["bias_area"] = WEIGHTS["bias_area"]
    return features


WEAK_MATCHES = frozenset({"alternate", "historic", "transliteration"})
SURE_ENOUGH = 0.5  # how much reading of other names it takes to doubt a weakly matched place abroad (not one unsure
# guess: "Houthi" read as an Indian town does not make "Hodeidah" doubtful)
HAMLET = 1000  # population below which a weakly matched place needs the text's country to be believed
OUTWEIGHS = 1.0  # size ratio past which a holder of the name in another country makes an alternate-name holder weak
PROMINENT = 3_000_000  # population from which a city's exactly written name gets the prominence term
SEAT_SHARE = 0.01  # a town this share of its namesake first-level division's people can be what the name means
CAPITAL_REACH_KM = 400.0  # a capital this close to a same-named division (the capital district beside a province)
CITY_MARGIN = 0.1  # how far below its namesake city a division named after it starts
UNFIT_FLOOR = 0.0  # the label's penalty when no candidate at all is of the label's kind
DWARFS = 20  # population ratio past which an alternate-name holder is the place the name usually means
# a text is about one country when that country holds this share of its other names' confident weight, and at
# least this much weight (two names resolved for sure)
FOCUSED, FOCUS_WEIGHT = 0.5, 2.0
NEIGHBOURLY = 0.5  # continental closeness (1 at 0 km, 0 from ~3,000 km) of places a text may name unannounced
LOCAL_SIZE = 100_000  # a city this big abroad is news in its own right ("protested outside the consulate in Vancouver")
# evidence that a candidate belongs with the text's other places (or the user's bias)
_NEAR_EVIDENCE = frozenset({"country_agreement", "regional_proximity", "parent", "child", "bias_country", "bias_area"})


def _namesake_city(division: Place, cities: list[Place]) -> Place | None:
    """The city a division is named after, when it holds or surrounds it (Moscow, Kyiv, Tbilisi as divisions)."""
    for city in cities:
        if city.country_code != division.country_code:
            continue
        inside = bool(division.admin1_code) and city.admin1_code == division.admin1_code
        # a first-level division named after the town it holds (Tillaberi) or the capital beside it (Buenos Aires)
        floor = SEAT_SHARE if inside and division.feature_code == "ADM1" else 0.1
        if city.population < floor * division.population:
            continue
        if inside or distance_km(city.lat, city.lon, division.lat, division.lon) < \
                (CAPITAL_REACH_KM if city.feature_code == "PPLC" else 100.0):
            return city
    return None


def rank_found(found: Sequence[Found], *, label: str | None = None, context: Context | None = None,
               bias: Bias | None = None, written: str = "") -> list[Scored]:
    """Rank looked-up candidates (one entry per place, its best way of matching kept), best first."""
    best: dict[str, Scored] = {}
    places = [f.candidate.place for f in found]
    closeness = _proximity(places, context.points) if context is not None and context.points and places else None
    regional = (_proximity(places, context.regional_points, 3000.0)
                if context is not None and context.regional_points and places else None)
    cities = [p for p in places if p.feature_class == "P" and p.population >= 1000]
    # places that bear the name as their own: then a place that merely lists it as an alternate (a former name,
    # a township's) is a weaker reading than its spelling variants would be alone
    # — unless the alternate's holder dwarfs them: then the name is a transliteration of the big place
    # (Zaporizhzhia, a village's name, is also how the city Zaporizhzhya is written in English)
    named: dict[tuple[str, str | None], int] = {}
    named_anywhere: dict[str, int] = {}  # feature class → largest place bearing the written name as its own
    for f in found:
        if f.candidate.match == "name" and not f.variant:
            key = (f.candidate.place.feature_class, f.candidate.place.country_code)
            named[key] = max(named.get(key, 0), f.candidate.place.population)
            named_anywhere[key[0]] = max(named_anywhere.get(key[0], 0), f.candidate.place.population)
    # "Mexico's southern state of Guerrero" under a MEXICO CITY dateline: a capital listing its country's name as
    # an alternate ("Mexico", "Guatemala", "Kuwait") is a weak reading of it
    country_named = any(f.candidate.match == "name" and not f.variant and f.candidate.place.is_country for f in found)
    # no candidate of the kind the NER label asks for (a river tagged GPE): the label is the likelier mistake
    unfit = label != "NORP" and bool(found) and all(label_fit(f.candidate.place, label) < 0 for f in found)
    # "EU" written in capitals is the abbreviation the gazetteer knows, whatever town is nearby: not Eu, France
    abbreviated = any(f.candidate.match == "abbreviation" and _abbreviation_ok(written, f.candidate.matched_name)
                      for f in found)
    famous = any(f.candidate.place.population >= LOCAL_SIZE for f in found)
    for index, item in enumerate(found):
        place = item.candidate.place
        features = _base(item, label, written, famous)
        if abbreviated and "written_as_abbreviation" in features:
            continue
        if unfit and features["label_fit"] < UNFIT_FLOOR:
            features["label_fit"] = UNFIT_FLOOR
        holder = named.get((place.feature_class, place.country_code))
        if item.candidate.match == "transliteration" and named_anywhere:
            # the text wrote some place's own name exactly ("Odesa"): a looser romanisation of another place
            # ("Odessa", Washington) is a far weaker reading
            features["named_elsewhere"] = 2 * WEIGHTS["named_elsewhere"]
        elif item.candidate.match == "alternate" and holder is not None and place.population <= DWARFS * max(holder, 1):
            features["named_elsewhere"] = WEIGHTS["named_elsewhere"]
        elif item.candidate.match == "alternate" and country_named and not place.is_country:
            features["named_elsewhere"] = WEIGHTS["named_elsewhere"]
        elif item.candidate.match == "alternate" and named_anywhere.get(place.feature_class, 0) > \
                OUTWEIGHS * max(place.population, 1):
            # "Odesa" is how the Ukrainian city writes itself; a far smaller Odessa only lists it as a variant:
            # the more the name's own holder outweighs it, the weaker that reading (up to twice the penalty)
            ratio = named_anywhere[place.feature_class] / max(place.population, 1)
            features["named_elsewhere"] = WEIGHTS["named_elsewhere"] * min(2.0, 1.0 + math.log10(ratio))
        # ("Moscow, Calif.": a written parent that does not hold it overrules the usual sense)
        qualified = context is not None and bool(context.parents) \
            and not any(contains(parent, place) for parent in context.parents)
        if item.candidate.match == "name" and not item.variant and place.feature_class == "P" \
                and place.population > PROMINENT and not qualified:
            # a city of millions written exactly as it names itself: the name's usual sense, beyond its size alone
            features["prominence"] = WEIGHTS["prominence"]
        city = _namesake_city(place, cities) if place.feature_code in ("ADM1", "ADM2") and not item.generic_class \
            else None
        if city is not None:
            # the bare name is the city's: the division ends at least a margin below it on priors alone
            gap = population(place) + feature_prior(place) - population(city) - feature_prior(city)
            features["division_of_city"] = min(WEIGHTS["division_of_city"], -gap - CITY_MARGIN)
        if context is not None or bias is not None:
            features.update(_contextual(place, context or Context(), bias))
        if closeness is not None and closeness[index] > 0:
            features["proximity"] = WEIGHTS["proximity"] * float(closeness[index])
        if regional is not None and regional[index] > 0:
            features["regional_proximity"] = WEIGHTS["regional_proximity"] * float(regional[index])
        if item.candidate.match in WEAK_MATCHES and context is not None and context.country_total >= SURE_ENOUGH \
                and "country_agreement" not in features and not place.is_country \
                and (place.population < HAMLET or item.candidate.match == "transliteration"
                     or "regional_proximity" not in features):
            # a hamlet that only lists the name, in a country the text never names ("Tawila" in a Darfur report
            # is not a Yemeni hamlet of that alternate name), or any such place a continent away from everything
            # the text names ("Kech" in Balochistan is not Ketsch, Germany): nearness alone does not make it so
            features["foreign_hamlet"] = WEIGHTS["foreign_hamlet"]
        elif context is not None and context.countries and place.feature_class == "P" \
                and max(context.countries.values()) >= max(FOCUSED * context.country_total, FOCUS_WEIGHT) \
                and (place.population < LOCAL_SIZE and not features.keys() & _NEAR_EVIDENCE
                     or item.candidate.match in WEAK_MATCHES and not features.keys() & (_NEAR_EVIDENCE - {
                        "regional_proximity"}) and regional is not None and regional[index] < NEIGHBOURLY):
            # a town written exactly, but in a country a text about one country never names and a continent away
            # from all it names ("Lido Beach" in a Mogadishu report is not New York's): the gazetteer likely lacks
            # the local one. A digest that ranges over continents is left alone ("Afgooye" among Lahore and Kenscoff)
            # So is a city that only lists the name as a variant, in a country the text never names and beyond a
            # neighbour's reach ("Mambasa" in an Ituri report is not Mombasa, Kenya)
            features["foreign_far"] = WEIGHTS["foreign_far"]
        if item.variant == "namesake" and "admin1_agreement" not in features:
            features["namesake_elsewhere"] = WEIGHTS["namesake_elsewhere"]  # a county's town outside its state
        scored = Scored(place, sum(features.values()), features, item.candidate.matched_name, item.candidate.match)
        kept = best.get(place.gazetteer_id)
        if kept is None or scored.score > kept.score:
            best[place.gazetteer_id] = scored
    return sorted(best.values(), key=lambda s: (-s.score, s.place.gazetteer_id))


def rank(name: str, *, store: GazetteerStore, label: str | None = None, context: Context | None = None,
         bias: Bias | None = None, limit: int = 60) -> list[Scored]:
    """Every candidate place for ``name``, best first, each with its named feature contributions."""
    return rank_found(lookup(name, store, limit=limit, label=label), label=label, context=context, bias=bias,
                      written=name)


def decide(ranked: Sequence[Scored]) -> tuple[Place | None, float]:
    """The best candidate and a 0..1 confidence (softmax against the runners-up and "none of these")."""
    if not ranked:
        return None, 1.0
    scores = [s.score for s in ranked[:8]] + [NONE_SCORE]
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights)
    if ranked[0].score < NONE_SCORE:
        return None, weights[-1] / total
    return ranked[0].place, weights[0] / total


def resolve_doc_mentions(mentions: Sequence[MentionSpan], text: str, store: GazetteerStore, *,
                         bias: Bias | None = None, passes: int = 3) -> list[Resolution]:
    """Resolve a document's mentions together (see ``geomap.resolution.document``)."""
    from geomap.resolution.document import resolve_document

    return resolve_document(mentions, text, store, bias=bias, passes=passes)
