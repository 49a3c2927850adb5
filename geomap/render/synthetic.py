"""Synthetic geomap FeatureCollections for tests and the scale benchmark (deterministic for a seed)."""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from geomap.render.style import EVENT_COLOURS

SUB_TYPES = {
    "Battles": ["Armed clash"],
    "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack"],
    "Violence against civilians": ["Attack"],
    "Protests": ["Peaceful protest"],
    "Riots": ["Mob violence"],
    "Strategic developments": ["Agreement", "Arrests"],
}
TOWNS = [("Balashikha", 55.7961, 37.9382, "RU", "Moscow Oblast"), ("Grozny", 43.3125, 45.6986, "RU", "Chechnya"),
         ("Kyiv", 50.4547, 30.5238, "UA", "Kyiv City"), ("Kharkiv", 49.9808, 36.2527, "UA", "Kharkiv Oblast"),
         ("Odesa", 46.4775, 30.7326, "UA", "Odesa Oblast"), ("Zaporizhzhia", 47.8228, 35.1903, "UA", "Zaporizhzhia Oblast")]


def incident(lat: float, lon: float, **props: Any) -> dict[str, Any]:
    base = {"layer": "incidents", "id": "x", "doc": "doc", "event_type": "Battles", "sub_event_type": "Armed clash",
            "date": "2025-04-25", "date_end": None, "date_precision": "day", "time_precision": 1, "place": "Somewhere",
            "location": "Somewhere", "country_code": "UA", "admin1": None, "geo_precision": 1, "actors": [],
            "people": [], "fatalities": None, "injuries": None, "quote": "", "start": 0, "end": 0, "title": None,
            "url": None, "confidence": 0.9, "sources": ["doc"]}
    base.update(props)
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": base}


def place(lat: float, lon: float, name: str, **props: Any) -> dict[str, Any]:
    base = {"layer": "places", "doc": "doc", "mention": name, "start": 0, "end": len(name), "name": name,
            "gazetteer_id": name.lower(), "feature_class": "P", "feature_code": "PPL", "country_code": None,
            "admin1": None, "population": None, "lat": lat, "lon": lon, "confidence": 0.9}
    base.update(props)
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": base}


def zone(ring: list[tuple[float, float]], **props: Any) -> dict[str, Any]:
    """A zone polygon from (lat, lon) corners."""
    coords = [[lon, lat] for lat, lon in ring]
    if coords[0] != coords[-1]:
        coords.append(coords[0])
    base = {"layer": "zones", "doc": "doc", "name": "zone", "status": "proposed", "basis": "text", "width_km": 30,
            "quote": "", "start": 0, "end": 0, "date": None}
    base.update(props)
    return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [coords]}, "properties": base}


def seed_like() -> dict[str, Any]:
    """What the seed article yields: strikes in Balashikha, Grozny and Kyiv, their places, a Dnieper zone."""
    url = "https://example.org/news/2025/04/25/balashikha"
    feats = [
        incident(55.7961, 37.9382, event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                 date="2025-04-25", place="Balashikha", location="Balashikha", country_code="RU", admin1="Moscow Oblast",
                 actors=["Unidentified armed group"], people=["Yaroslav Moskalik"], fatalities=1,
                 quote="A car bomb exploded in Balashikha, killing a senior general.", title="Car bomb in Balashikha", url=url),
        incident(43.3125, 45.6986, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                 date="2025-04-01", date_end="2025-04-30", date_precision="month", time_precision=3, place="Grozny",
                 country_code="RU", admin1="Chechnya", geo_precision=1, quote="Drones struck Grozny this month.",
                 title="Drone strike on Grozny", url=url),
        incident(50.4547, 30.5238, event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                 date="2025-04-24", place="Kyiv", country_code="UA", admin1="Kyiv City", fatalities=12, injuries=90,
                 actors=["Military Forces of Russia (2000-)"], quote="Russian missiles hit Kyiv overnight.",
                 title="Kyiv strikes", url=url),
        place(55.7961, 37.9382, "Balashikha", country_code="RU", population=215494),
        place(43.3125, 45.6986, "Grozny", country_code="RU", population=226100),
        place(50.4547, 30.5238, "Kyiv", country_code="UA", population=2797553),
        zone([(47.85, 35.0), (47.55, 34.3), (46.75, 33.4), (46.55, 32.4), (46.45, 32.6), (46.65, 33.6),
              (47.45, 34.55), (47.8, 35.25)], name="Demilitarized zone along the Dnieper", status="proposed",
             basis="a demilitarized zone along the Dnieper", width_km=30, date="2025-04-25",
             quote="a demilitarized zone along the Dnieper river"),
    ]
    return {"type": "FeatureCollection", "features": feats}


def incidents(n: int, *, seed: int = 1, quote_chars: int = 160) -> dict[str, Any]:
    """``n`` incidents scattered around a few towns over a year, with realistic text sizes."""
    rng = random.Random(seed)
    kinds = list(EVENT_COLOURS)
    start = date(2024, 5, 1)
    words = "shelling drone strike clash village residents officials said reported overnight forces regional".split()
    feats = []
    for i in range(n):
        town, lat, lon, cc, admin1 = TOWNS[i % len(TOWNS)]
        kind = kinds[rng.randrange(len(kinds))]
        day = start + timedelta(days=rng.randrange(365))
        coarse = rng.random() < 0.1
        quote = " ".join(rng.choice(words) for _ in range(quote_chars // 7))[:quote_chars]
        feats.append(incident(
            lat + rng.gauss(0, 0.6), lon + rng.gauss(0, 0.9), id=f"i{i}", doc=f"doc{i // 5}", event_type=kind,
            sub_event_type=SUB_TYPES[kind][i % len(SUB_TYPES[kind])], date=day.isoformat(),
            date_end=(day + timedelta(days=6)).isoformat() if coarse else None,
            date_precision="week" if coarse else "day", time_precision=2 if coarse else 1, place=town, location=town,
            country_code=cc, admin1=admin1, geo_precision=1 + i % 3, actors=[f"Actor {i % 40}"],
            fatalities=rng.choice([0, 0, 0, 1, 2, 5]), quote=quote, title=f"Report {i // 5}",
            url=f"https://example.org/report/{i // 5}"))
    return {"type": "FeatureCollection", "features": feats}
