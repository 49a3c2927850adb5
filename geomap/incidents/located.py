"""A toponym reached from an event (``Located``), the index of resolved toponyms the walk reads, and how
precisely a place was written."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from geomap.geo import distance_km
from geomap.geocoding.names import normalize
from geomap.models import Place
from geomap.nlp.events import trigger_words
from geomap.nlp.pipeline import toponym_spans
from geomap.nlp.toponyms import named_as_a_place


REGION_WORDS = {"region", "oblast", "province", "state", "governorate", "district", "county", "prefecture",
                "territory", "republic", "krai", "raion", "department", "area", "valley"}


SECTION_KM = 15.0  # a town this close to the town a district is "of" may be a quarter of it
DISTRICT_REACH_KM = 150.0  # outside the province's records, a district's own town lies this near the one it is "of"
CITY_OF_DISTRICTS = 100_000  # a city this big has districts of its own ("the Kyivskyi district of Kharkiv")


def own_town(town: Place, of: Place) -> bool:
    """ "in Rueso district of Narathiwat", "Tsafe LGA of Zamfara": a district named after a town of its own, in the
    province (or away from the province's namesake town) it is "of", is that town's district. "The Dniprovskyi
    district of Kherson", a quarter of a city, is not."""
    if town.feature_class != "P" or town.country_code != of.country_code or of.is_country:
        return False
    if of.feature_class != "P":
        return of.admin1_code is None or town.admin1_code == of.admin1_code or of.feature_code != "ADM1"
    if of.population >= CITY_OF_DISTRICTS:
        return False
    km = distance_km(town.lat, town.lon, of.lat, of.lon)
    same_division = bool(town.admin1_code) and town.admin1_code == of.admin1_code
    return km > SECTION_KM and (same_division or km <= DISTRICT_REACH_KM)


def names_its_own_town(district: Token, of: Place, index: dict[int, Span], labels: tuple[str, ...]) -> bool:
    """Whether "<X> district of <Y>" is X's own district: X, a toponym hanging on the district word by one of
    ``labels``, is ``of``'s ``own_town``."""
    return any(c.dep_ in labels and c.i in index and own_town(index[c.i]._.geomap_place, of)
               for c in district.children)


@dataclass
class Located:
    """A toponym reached from an event, how far (arcs) and whether the text said "near"."""

    span: Span
    place: Place
    dist: int
    near: bool
    group: int
    actorish: bool = False  # a country modifying the event word ("U.S. strikes"): more likely the actor


def approximate(span: Span) -> bool:
    """Whether the resolver only stood a nearby place in for a name the gazetteer lacks (see resolution.document)."""
    return Span.has_extension("geomap_basis") and span._.geomap_basis != "gazetteer"


def toponym_index(doc) -> dict[int, Span]:
    """Token index → resolved toponym span (demonyms, unresolved and approximately placed spans left out)."""
    events = trigger_words()
    index: dict[int, Span] = {}
    for span in toponym_spans(doc):
        place = span._.geomap_place
        if place is None or (approximate(span) and not _named_after(span, place) and not _stands_in_for_parent(span)) \
                or span.label_ == "NORP" \
                or (span.root.pos_ == "ADJ" and not _adjective_name(span, place)) \
                or (span.text.lower() in events and not named_as_a_place(span)):  # but "the town of Hit"
            continue
        after = doc[span.end:span.end + 2]
        if len(after) == 2 and after[0].text == "-" and after[1].lower_ in AFFILIATION:
            continue  # "a Britain-based monitor", "Iran-backed militias": who, not where
        if span.end < len(doc) and doc[span.end].lower_.startswith("-") and doc[span.end].lower_[1:] in AFFILIATION:
            continue
        for i in range(span.start, span.end):
            index[i] = span
    return index


def _stands_in_for_parent(span: Span) -> bool:
    """ "Ruma upazila of Bandarban", "Kwakta, Bishnupur" with a town the gazetteer lacks (or has only abroad): the
    text says what town holds it, and an event there is coded at that town (as ACLED codes an unknown village).
    Not a region: "Kanbalu Township, Sagaing Region" unknown as a whole says no more than the region."""
    return span._.geomap_basis == "parent" and span._.geomap_place.feature_class == "P"


def _adjective_name(span: Span, place: Place) -> bool:
    """A town's own name the tagger took for an adjective ("the outskirts of Bokkos town"), not a demonym
    ("Ukrainian cities" resolved to Ukraine)."""
    return normalize(span.text) == normalize(place.name)


def _named_after(span: Span, place: Place) -> bool:
    """ "Sanaa International Airport" placed at Sanaa: a site named after the town it stands in is there."""
    words, name = span.text.lower().split(), place.name.lower().split()
    return len(words) > len(name) and words[:len(name)] == name


AFFILIATION = {"based", "backed", "born", "led", "funded", "owned", "run", "made", "sponsored", "allied", "linked",
               "aligned", "registered", "headquartered", "flagged", "bound", "trained", "supported", "affiliated"}


def written_as_region(span: Span) -> bool:
    """ "Donetsk region", "Plateau state", "the Kharkiv oblast": the text names the area, not the town."""
    words = {w.lower() for w in span.text.split()}
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return bool(words & REGION_WORDS or after in REGION_WORDS or span.root.head.lower_ in REGION_WORDS
                and span.root.dep_ == "compound")


def geo_precision(located: Located) -> int:
    """ACLED geo_precision: 1 the town itself, 2 near a town / part of a region, 3 region, country or sea."""
    place = located.place
    if place.is_country or place.feature_class in ("H", "L", "T") or written_as_region(located.span):
        return 3
    if place.is_admin and place.feature_code not in ("PPLC",):
        return 2 if located.near else 3
    return 2 if located.near else 1
