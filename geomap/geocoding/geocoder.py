"""``LocalGazetteer``: a geopy Geocoder over the local store and the toponym ranker, so any geopy backend
(Nominatim, …) can stand in for it and it for them. The constructor does no I/O; the store opens on first use.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Iterable

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geomap.errors import ConfigurationError
from geomap.models import Place

log = logging.getLogger("geomap.geocoding.geocoder")


class LocalGazetteer(Geocoder):
    """Geocode place names offline. ``"Kyiv"`` → Kyiv, Ukraine; ``"Moscow, Idaho"`` → the Idaho town."""

    def __init__(self, store: Any = None, *, country_bias: str | None = None, user_agent: str | None = None,
                 timeout: float | None = None):
        super().__init__(user_agent=user_agent or "geomap-local", timeout=timeout)
        self._store = store
        self.country_bias = country_bias.upper() if country_bias else None

    @property
    def store(self) -> Any:
        if self._store is None:
            from geomap.geocoding.store import open_store

            self._store = open_store()
        return self._store

    # -- geopy API ----------------------------------------------------------------------------------------------
    def geocode(self, query: str, *, exactly_one: bool = True, country_codes: str | Iterable[str] | None = None,
                limit: int | None = None, timeout: float | None = None) -> Location | list[Location] | None:
        """The best place for ``query`` (None when nothing fits), or a list of the ranked candidates."""
        ranked = self.rank(query, country_codes=country_codes)
        if exactly_one:
            from geomap.resolve import decide

            place, confidence = decide(ranked)
            if place is None:
                return None
            return self._location(place, ranked[0].score, confidence, ranked[0].features)
        from geomap.resolve import NONE_SCORE

        kept = [s for s in ranked if s.score >= NONE_SCORE][: limit or None]
        return [self._location(s.place, s.score, None, s.features) for s in kept] or None

    def reverse(self, query: Any, *, exactly_one: bool = True, limit: int | None = None,
                timeout: float | None = None) -> Location | list[Location] | None:
        """The nearest populated place (or places) to a point ("lat, lon", (lat, lon) or geopy Point)."""
        try:
            point = query if isinstance(query, Point) else Point(query)
        except (TypeError, ValueError) as exc:
            raise ConfigurationError(f"not a point: {query!r} ({exc})") from exc
        count = 1 if exactly_one else (limit or 5)
        places = self.store.nearest(point.latitude, point.longitude, limit=count, feature_classes="P")
        if not places:
            return None
        found = [self._location(p, None, None, None) for p in places]
        return found[0] if exactly_one else found

    # -- geomap extras ------------------------------------------------------------------------------------------
    def rank(self, query: str, *, country_codes: str | Iterable[str] | None = None, label: str | None = None):
        """Ranked candidates (``geomap.resolve.Scored``) for ``query``; "X, Y" makes Y the parent of X."""
        from geomap.resolve import Bias, MentionSpan, resolve_doc_mentions

        if not isinstance(query, str) or not query.strip():
            raise ConfigurationError("geocode needs a non-empty place name")
        codes = _codes(country_codes)
        bias = Bias(country=self.country_bias) if self.country_bias else None
        mentions, position = [], 0
        for part in query.split(","):
            start = query.index(part, position)
            stripped = part.strip()
            if stripped:
                offset = start + part.index(stripped)
                mentions.append(MentionSpan(stripped, label, offset, offset + len(stripped)))
            position = start + len(part)
        results = resolve_doc_mentions(mentions, query, self.store, bias=bias)
        ranked = list(results[0].ranked) if results else []
        if codes:
            ranked = [s for s in ranked if (s.place.country_code or "").upper() in codes]
        return ranked

    def address(self, place: Place) -> str:
        """"name, admin1, country" without repeats."""
        parts = [place.name]
        if place.admin1 and place.admin1 != place.name and not place.is_country:
            parts.append(place.admin1)
        if place.country_code and not place.is_country:
            parts.append(_country_name(self.store, place.country_code))
        return ", ".join(parts)

    def _location(self, place: Place, score: float | None, confidence: float | None,
                  features: dict[str, float] | None) -> Location:
        raw = {
            "gazetteer_id": place.gazetteer_id, "name": place.name, "feature_class": place.feature_class,
            "feature_code": place.feature_code, "country_code": place.country_code, "admin1": place.admin1,
            "population": place.population, "lat": place.lat, "lon": place.lon,
        }
        if score is not None:
            raw["score"] = round(score, 4)
        if confidence is not None:
            raw["confidence"] = round(confidence, 4)
        if features is not None:
            raw["features"] = {k: round(v, 4) for k, v in features.items()}
        return Location(self.address(place), (place.lat, place.lon), raw)


def _codes(country_codes: str | Iterable[str] | None) -> set[str]:
    if country_codes is None:
        return set()
    if isinstance(country_codes, str):
        country_codes = [country_codes]
    return {code.upper() for code in country_codes}


@lru_cache(maxsize=512)
def _country_name_cached(store: Any, cc: str) -> str:
    country = store.country(cc)
    return country.name if country is not None else cc


def _country_name(store: Any, cc: str) -> str:
    return _country_name_cached(store, cc)
