"""Candidate lookup for a mention: the name as written, then cautious variants when nothing matches.

Variants (each tagged so the ranker can discount it): a possessive dropped ("Moscow's"), a generic geographic
term dropped ("Dnieper River" → "Dnieper", kept only for the matching feature classes), a "City of"/"X City"
wrapper dropped; an unknown division ("Henry County") falls back to its namesake town. rapidfuzz scores how
close the gazetteer's name is to the variant looked up (1.0 unless the store matched loosely).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from geomap.geocoding.names import normalize
from geomap.geocoding.store import GazetteerStore
from geomap.models import Candidate
from geomap.resolution.demonyms import ap_state, demonym_places

# generic terms → the GeoNames feature classes they name
GENERIC_TERMS: dict[str, str] = {
    "river": "H", "lake": "H", "sea": "H", "bay": "H", "gulf": "H", "strait": "H", "creek": "H",
    "reservoir": "H", "canal": "H", "ocean": "H", "harbor": "H", "harbour": "H", "sound": "H",
    "mountains": "T", "mountain": "T", "mount": "T", "mt": "T", "hills": "T", "valley": "T", "peninsula": "T",
    "island": "T", "islands": "T", "desert": "T", "plateau": "T",
    "county": "A", "parish": "A", "province": "A", "oblast": "A", "region": "AL", "state": "A",
    "district": "A", "governorate": "A", "krai": "A", "republic": "A", "municipality": "A",
    "prefecture": "A", "department": "A", "commune": "A", "upazila": "A", "tehsil": "A", "raion": "A", "lga": "A",
    "city": "P", "town": "P", "village": "P",
}
LOWER_DIVISIONS = frozenset({"county", "parish", "district", "township", "borough"})
_PART_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "downtown", "central", "greater", "upper", "lower", "uptown"})
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_LEADING = re.compile(r"^(?:the|city of|town of|village of)\s+", re.IGNORECASE)


# a site the gazetteer lacks, named after a town: "Khartoum International Airport", "Kherson Railway Station"
_SITE = re.compile(r"^(?P<town>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}?)\s+(?:International\s+)?(?:Airport|Air\s+Base|"
                   r"Airbase|Seaport|Railway\s+Station|Train\s+Station|Bus\s+Station|Central\s+Prison|Prison|"
                   r"University|Stadium|Refinery|Power\s+Plant|Power\s+Station|Thermal\s+Power\s+Plant)$")
SITE_TOWN = 10_000  # population a town needs to be what a site's name means (not a hamlet called "Kennedy")
# the kind of a site written in lower case after its name: "Ain al-Asad air base"
SITE_AFTER = re.compile(r"\s+(air\s*base|air\s*field|airport)\b", re.IGNORECASE)


def site_named(name: str, after: str, store) -> list:
    """The gazetteer's sites whose whole name is ``name`` and the kind ``after`` begins with, if any."""
    kind = SITE_AFTER.match(after)
    if kind is None:
        return []
    whole = normalize(f"{name} {kind.group(1)}")
    return [c for c in store.candidates(f"{name} {kind.group(1)}", limit=20)
            if c.place.feature_class == "S" and normalize(c.place.name) == whole]


@dataclass(frozen=True)
class Found:
    """A candidate and how the mention reached it: ``variant`` "" (as written) or what was dropped."""

    candidate: Candidate
    variant: str
    generic_class: str  # feature classes the mention's generic term names ("" when none)
    similarity: float  # rapidfuzz ratio 0..1 of the written name to the gazetteer name


def generic_class(name: str) -> str:
    """Feature classes named by the mention's generic term ("Dnieper River" → "H"), "" when none."""
    words = normalize(name).split()
    if len(words) < 2:
        return ""
    for word in (words[-1], words[0]):
        if word in GENERIC_TERMS:
            return GENERIC_TERMS[word]
    return ""


def lookup(name: str, store: GazetteerStore, *, limit: int = 60, label: str | None = None) -> list[Found]:
    """Candidates for ``name``: as written when any, else through the variants above.

    A NORP mention (a demonym by NER's reading) also gets the countries its suffix rules point to.
    """
    klass = generic_class(name)
    found = [Found(c, "", klass, 1.0) for c in store.candidates(name, limit=limit)]
    if label == "NORP" and not any(f.candidate.match == "demonym" for f in found):
        found += [Found(c, "", "", 1.0) for c in demonym_places(name, store)]
    if found:
        return found
    fallback = ap_state(name, store) or demonym_places(name, store)
    if fallback:
        return [Found(c, "", "", 1.0) for c in fallback]
    variants: list[tuple[str, str]] = []
    stripped = _POSSESSIVE.sub("", name.strip())
    if stripped != name.strip():
        variants.append((stripped, "possessive"))
    unwrapped = _LEADING.sub("", stripped)
    if unwrapped != stripped:
        variants.append((unwrapped, "wrapper"))
    words = unwrapped.split()
    # "Guernsey County" is a county, never the country Guernsey nor a state
    lower_division = bool(words) and normalize(words[-1]) in LOWER_DIVISIONS
    if klass and len(words) >= 2:
        last = normalize(words[-1])
        core = " ".join(words[:-1]) if last in GENERIC_TERMS else " ".join(words[1:])
        variants.append((core, "generic"))
    for variant, why in variants:
        matches = store.candidates(variant, limit=limit)
        kept = [c for c in matches if why != "generic" or (c.place.feature_class in klass and not (
            lower_division and (c.place.is_country or c.place.feature_code == "ADM1")))]
        if not kept and why == "generic" and klass == "A":
            # an unknown division ("Henry County"): its namesake town stands in for it, discounted (a town that
            # bears the name as its own: "Nasir County" is not a Turkish village listing "Nasir" as a variant)
            kept, why = [c for c in matches if c.place.feature_class == "P" and c.match == "name"], "namesake"
        for cand in kept:
            similarity = fuzz.ratio(normalize(variant), normalize(cand.matched_name)) / 100.0
            found.append(Found(cand, why, klass, similarity))
        if found:
            break
    return found or _last_resort(unwrapped, store, limit)


def _last_resort(name: str, store: GazetteerStore, limit: int) -> list[Found]:
    """Names nothing else reached: a part of a place ("South Los Angeles", "Downtown Dayton") stands for the
    place; a bare US county name ("Miami-Dade", "Oconee") for the county that carries it."""
    words = name.split()
    if len(words) >= 2 and normalize(words[0]) in _PART_WORDS and words[1][:1].isupper():
        whole = [c for c in store.candidates(" ".join(words[1:]), limit=limit)
                 if c.place.feature_class == "P" or c.place.feature_code in ("ADM2",)]
        if whole:
            return [Found(c, "part", "", 1.0) for c in whole]
    site = _SITE.match(name)
    if site is not None:  # "Khartoum International Airport": a site named after the town it serves or stands in
        towns = [c for c in store.candidates(site["town"], limit=limit) if c.place.feature_class == "P"
                 and c.match == "name" and c.place.population >= SITE_TOWN]
        if towns:
            return [Found(c, "part", "", 1.0) for c in towns]
    if words and name[:1].isupper() and normalize(words[-1]) not in GENERIC_TERMS:
        counties = [c for c in store.candidates(f"{name} County", limit=limit)
                    if c.place.feature_code == "ADM2" and c.match == "name"]
        return [Found(c, "county", "", 1.0) for c in counties]
    return []
