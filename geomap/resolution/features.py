"""The ranking's named features and their weights; each returns its contribution to a candidate's score.

Weights are general (not fitted to any corpus' names): they say how much a kind of evidence counts. A score is
the sum of the contributions; ``NONE_SCORE`` is the score of the "none of these" outcome.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from geomap.geo import distance_km
from geomap.geocoding.names import normalize
from geomap.models import Place

WEIGHTS: dict[str, float] = {
    "population": 0.45,  # per decade of population
    "country_agreement": 2.5,  # times the share of the document's other places in the candidate's country
    "admin1_agreement": 2.0,
    "admin1_cooccurrence": 1.5,  # times the share of the other names with some candidate in the same division  # when a place in the same first-level division is named elsewhere
    "proximity": 3.0,
    "regional_proximity": 3.0,  # times closeness on a continental scale (1 at 0 km, 0 from ~3,000 km)  # times the closeness (1 at 0 km, 0 from ~1,000 km) to the document's other places
    "parent": 3.5,  # "X, Y": X lies inside a place called Y
    "child": 3.0,  # "X, Y": this Y contains a place called X
    "containment": 1.5,  # a country/first-level division named in the document contains the candidate
    "bias_country": 2.5,
    "bias_area": 2.5,
    "generic_term": 2.5,
    "division_of_city": -2.5,
    "peer": 2.0,  # times (up to 1) the other names that are countries / divisions of the candidate's country
    "prominence": 1.0,  # a city of a million or more whose own name is written exactly
    "written_as_abbreviation": -2.0,  # "EU", "UN" in capitals read as a town's name (Eu, Un): only on strong evidence
    "named_elsewhere": -1.5,  # an alternate name when a place of the same class and country bears it as its name
    "namesake_elsewhere": -2.0,  # "Moscow", "Kyiv": the city, not the division named after it that holds it  # "Dnieper River" → water bodies, "Orange County" → admin areas
    "foreign_hamlet": -3.0,  # a hamlet matched by an alternate or looser spelling, in a country the text never names
    "foreign_far": -2.5,  # any town in a country the text never names, a continent away from everything it names
}
MATCH = {"name": 0.0, "abbreviation": 0.0, "ascii": -0.1, "alternate": -0.6, "demonym": -0.3, "historic": -1.5,
         "transliteration": -1.0}
VARIANT = {"": 0.0, "possessive": -0.1, "wrapper": -0.3, "generic": -0.4, "namesake": -0.5, "part": -0.5, "county": -0.5}
FEATURE_CODE = {"PCLI": 3.5, "PCL": 3.5, "PCLD": 3.0, "PCLF": 3.0, "PCLS": 3.0, "PCLIX": 2.5, "TERR": 2.0,
                "ADM1": 2.2, "ADMD": 1.8, "ADM2": 0.9, "ADM3": 0.2, "PPLC": 1.5, "PPLA": 1.0, "PPLA2": 0.5, "PPLA3": 0.2,
                "RGN": 1.0, "CONT": 3.0, "STM": 1.0, "SEA": 1.5, "OCN": 2.0}
# (NER label, feature class) → fit; classes missing from a label's row get the label's "*" value
LABEL_FIT: dict[str, dict[str, float]] = {
    "GPE": {"P": 0.6, "A": 0.6, "L": -0.5, "*": -1.5},
    "LOC": {"H": 1.0, "T": 1.0, "L": 1.0, "A": 0.2, "P": -0.3, "*": -0.5},
    "FAC": {"S": 1.0, "P": -0.5, "*": -1.0},
    "NORP": {"country": 2.5, "*": -4.0},
    "GAZ": {"P": 0.3, "A": 0.3, "*": -0.5},
}
NONE_SCORE = 0.8
FUZZY_PENALTY = 3.0  # times (1 - similarity) for names reached through a variant
ABBREVIATION_CASE = -5.0
COUNTY_REACH_KM = 60.0  # a town without a recorded county "lies in" a same-state county whose point is this close  # "us" or "Us" read as the abbreviation "US"


@dataclass(frozen=True)
class Bias:
    """What the user knows: a country (ISO alpha-2), an area (south, west, north, east), region member codes."""

    country: str | None = None
    area: tuple[float, float, float, float] | None = None
    members: tuple[str, ...] = ()  # "UA" or "UA.14" codes of a focus region


@dataclass
class Context:
    """The document's other places: weighted country/admin1 counts and points (lat, lon, weight, gazetteer id)."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: dict[tuple[str, str], float] = field(default_factory=dict)
    named_areas: dict[str, float] = field(default_factory=dict)  # "UA" / "UA.14" of named countries/admin1/regions
    points: list[tuple[float, float, float, str]] = field(default_factory=list)
    regional_points: list[tuple[float, float, float, str]] = field(default_factory=list)  # countries too
    candidate_admin1: dict[tuple[str, str], float] = field(default_factory=dict)  # share of other names able to be there
    parents: tuple[Place, ...] = ()  # places the mention's "X, Y" parent may be
    children: tuple[Place, ...] = ()  # places the mention's "X, Y" child may be
    peers: dict[str, float] = field(default_factory=dict)  # peer_level → weight of other names at that level

    @property
    def country_total(self) -> float:
        return sum(self.countries.values())


SEAT_POPULATION = 1000  # what a cities500 place of unknown population counts as


def people(place: Place) -> int:
    """The population a place is weighed by. GeoNames' cities500 holds a place with no population figure only
    because it seats a division ("Dāqūq", "Al Qardāḩah"): a small town, not a hamlet."""
    if place.population <= 0 and place.feature_class == "P" and place.source == "geonames:cities500":
        return SEAT_POPULATION
    return place.population


def population(place: Place, seat: bool = True) -> float:
    """The size prior; ``seat``: a cities500 place of unknown population counts as a small town (see ``people``)."""
    return WEIGHTS["population"] * math.log10(1.0 + max(0, people(place) if seat else place.population))


def feature_prior(place: Place) -> float:
    return FEATURE_CODE.get(place.feature_code, 0.0)


def label_fit(place: Place, label: str | None) -> float:
    row = LABEL_FIT.get(label or "")
    if row is None:
        return 0.0
    if "country" in row:
        return row["country"] if place.is_country else row["*"]
    return row.get(place.feature_class, row["*"])


def contains(outer: Place, inner: Place) -> bool:
    """Whether ``inner`` lies in the country or first-level division ``outer`` (by codes, not geometry)."""
    if outer.gazetteer_id == inner.gazetteer_id or not outer.country_code:
        return False
    if outer.is_country:
        return inner.country_code == outer.country_code
    if outer.feature_code == "ADM1":
        return inner.country_code == outer.country_code and bool(outer.admin1_code) \
            and inner.admin1_code == outer.admin1_code and inner.feature_code != "ADM1"
    if outer.feature_code == "ADM2" and inner.country_code == outer.country_code \
            and inner.admin1_code == outer.admin1_code and inner.feature_code != "ADM2":
        if inner.admin2:
            return inner.admin2.casefold().startswith(outer.name.casefold().split(" county")[0])
        # no county recorded for the town (cities500 has none): near the county's point in the same state
        return distance_km(outer.lat, outer.lon, inner.lat, inner.lon) <= COUNTY_REACH_KM
    return False


def peer_level(place: Place) -> str:
    """"country" or "ADM1:CC": texts list places of one level ("Illinois and Kansas", "Jordan and Syria")."""
    if place.is_country:
        return "country"
    if place.feature_code == "ADM1" and place.country_code:
        return f"ADM1:{place.country_code}"
    return ""


def area_codes(place: Place) -> tuple[str, ...]:
    """"CC", "CC.admin1" and, where the gazetteer records the county, "CC.admin1.admin2" codes a place stands in."""
    if not place.country_code:
        return ()
    if place.admin1_code:
        codes = (place.country_code, f"{place.country_code}.{place.admin1_code}")
        if place.admin2:
            codes += (f"{codes[1]}.{normalize(place.admin2)}",)
        return codes
    return (place.country_code,)
