"""Join countrystatecity divisions (names, coordinates, ISO 3166-2) to the GeoNames admin1 codes cities carry.

cities500 gives each city a GeoNames admin1 code ("RU" "12") but no division names; countrystatecity gives
divisions names and points but other codes ("RU-CE"). Both list cities, so each city that appears in both
(same country, same normalised name, within ``MATCH_KM``) votes for a (GeoNames code → division) pair; a code
takes the division with most votes. Codes without votes fall back to the division nearest the median point of
their cities, if one lies within ``FALLBACK_KM``.

Where countrystatecity lists two levels (French regions and departments, English counties and England) its cities
hang on the lower one, so a GeoNames code whose votes scatter (no division gets ``DOMINANT`` of them) is a
higher level: it takes the nearest division of another type than the voted ones (the region, not its
departments) that no other code owns, or stays unjoined. ``gazetteer/admin1_join.csv`` corrects the rest.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import median
from typing import Any, Iterable

from geomap.geo import great_circle_km
from geomap.geocoding.names import normalize
from geomap.geocoding.sources import State

MATCH_KM = 25.0
FALLBACK_KM = 400.0
DOMINANT = 0.5


@dataclass
class JoinResult:
    """GeoNames (cc, admin1 code) → division, plus figures worth reporting."""

    by_code: dict[tuple[str, str], State] = field(default_factory=dict)
    owner: dict[int, tuple[str, str]] = field(default_factory=dict)  # division id → the code that owns its ADM1 place
    population: dict[tuple[str, str], int] = field(default_factory=dict)
    figures: dict[str, int] = field(default_factory=dict)


def join_admin1(
    cities: Iterable[dict[str, Any]],
    states: list[State],
    csc_cities: Iterable[tuple[str, str, str, float, float]],
    overrides: dict[tuple[str, str], str | None] | None = None,
) -> JoinResult:
    """Match every GeoNames (country, admin1 code) group of ``cities`` to a countrystatecity division.

    ``overrides`` maps a (country, code) to the ISO 3166-2 code of the right division, or to None when no
    countrystatecity division fits (the caller supplies one).
    """
    overrides = overrides or {}
    groups: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    population: Counter[tuple[str, str]] = Counter()
    by_name: dict[tuple[str, str], list[tuple[float, float, tuple[str, str]]]] = defaultdict(list)
    for city in cities:
        code = (city["countrycode"], str(city.get("admin1code") or ""))
        if not code[1] or code[1] == "00":
            continue
        groups[code].append((city["latitude"], city["longitude"]))
        population[code] += int(city.get("population") or 0)
        by_name[(code[0], normalize(city["name"]))].append((city["latitude"], city["longitude"], code))

    states_by_key = {(s.cc, s.code): s for s in states}
    votes: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    for cc, state_code, name, lat, lon in csc_cities:
        state = states_by_key.get((cc, state_code))
        if state is None:
            continue
        for clat, clon, code in by_name.get((cc, normalize(name)), ()):
            if abs(clat - lat) < 0.5 and great_circle_km(clat, clon, lat, lon) <= MATCH_KM:
                votes[code][state.id] += 1

    by_id = {s.id: s for s in states}
    states_in: dict[str, list[State]] = defaultdict(list)
    for state in states:
        states_in[state.cc].append(state)

    dominant_elsewhere = {
        counter.most_common(1)[0][0] for counter in votes.values()
        if counter.most_common(1)[0][1] >= DOMINANT * sum(counter.values())
    }
    result = JoinResult(population=dict(population))
    figures: Counter[str] = Counter(groups=len(groups))
    strength: dict[int, int] = {}
    by_iso = {s.iso3166_2.upper(): s for s in states if s.iso3166_2}
    for code in sorted(groups):
        points = groups[code]
        if code in overrides:
            forced = by_iso.get((overrides[code] or "").upper())
            if forced is not None:
                result.by_code[code] = forced
                strength[forced.id] = 10**12
                result.owner[forced.id] = code
            figures["curated"] += 1
            continue
        mlat, mlon = median(p[0] for p in points), median(p[1] for p in points)
        counter = votes.get(code)
        count = 0
        if counter and counter.most_common(1)[0][1] >= DOMINANT * sum(counter.values()):
            state_id, count = counter.most_common(1)[0]
            state: State | None = by_id[state_id]
            figures["by_votes"] += 1
        else:
            pool = states_in.get(code[0], [])
            if counter and sum(counter.values()) >= 4:  # scattered votes: a level above the voted divisions
                kinds: Counter[str | None] = Counter()
                for state_id, n in counter.items():
                    kinds[by_id[state_id].kind] += n
                lower = kinds.most_common(1)[0][0]
                pool = [s for s in pool if s.kind != lower and s.id not in dominant_elsewhere]
                figures["higher_level"] += 1
            state = _nearest(pool, mlat, mlon)
            if state is None:
                figures["unjoined"] += 1
                continue
            figures["by_nearest"] += 1
        result.by_code[code] = state
        weight = count * 1_000_000 + len(points)
        if weight > strength.get(state.id, -1):
            strength[state.id] = weight
            result.owner[state.id] = code
    figures["divisions"] = len(states)
    figures["divisions_joined"] = len(result.owner)
    result.figures = dict(figures)
    return result


def _nearest(pool: list[State], lat: float, lon: float) -> State | None:
    """The division in ``pool`` nearest (lat, lon), if within ``FALLBACK_KM``."""
    if not pool:
        return None
    best = min(pool, key=lambda s: (great_circle_km(lat, lon, s.lat, s.lon), s.id))
    return best if great_circle_km(lat, lon, best.lat, best.lon) <= FALLBACK_KM else None
