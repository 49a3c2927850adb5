"""Plain frozen records passed between the stages: documents → mentions/places → incidents and zones.

Coordinates here are always (lat, lon) as separate floats; GeoJSON-style geometries (``geometry``) are
always lon/lat. ``geomap.geo`` is the one module that converts between the two.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Document:
    """One article. ``toponyms`` (character spans), when given, replace NER for place finding."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    toponyms: tuple[tuple[int, int], ...] | None = None
    source: str = ""  # where it was read from (path, path:line), for messages


@dataclass(frozen=True)
class Place:
    """A gazetteer entry. ``feature_class`` is the GeoNames letter (A, P, H, L, S, T, V)."""

    gazetteer_id: str
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country_code: str | None = None
    admin1: str | None = None  # first-level division name (ACLED admin1)
    admin1_code: str | None = None
    admin2: str | None = None
    population: int = 0
    geometry: dict[str, Any] | None = None  # GeoJSON geometry (lon/lat) for lines and areas; None for points
    source: str = ""  # provenance: geonames, countrystatecity, curated:<file>

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL")

    @property
    def is_admin(self) -> bool:
        return self.feature_class == "A"


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry found for a name, with how the name matched (name, alternate, ascii, abbreviation, demonym, fuzzy)."""

    place: Place
    matched_name: str
    match: str


@dataclass(frozen=True)
class Mention:
    """A toponym found in a document and what it resolved to (``place`` None = none of the candidates fit)."""

    doc: str
    text: str
    start: int
    end: int
    label: str  # NER label (GPE, LOC, FAC, NORP…) or GAZ when only the gazetteer matcher found it, GOLD when given
    place: Place | None = None
    confidence: float = 0.0
    basis: str = "gazetteer"  # or "parent"/"focus": a name the gazetteer lacks, placed approximately


@dataclass(frozen=True)
class Incident:
    """One event coded the ACLED way. ``date_end`` closes the window a coarse date stands for."""

    id: str
    doc: str
    event_type: str
    sub_event_type: str
    place: Place
    location: str  # the place name as written in the text
    geo_precision: int  # ACLED 1-3
    date: date | None
    date_end: date | None
    date_precision: str  # day|week|month|year|publication
    time_precision: int  # ACLED 1-3
    quote: str
    start: int
    end: int
    actors: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    fatalities: int | None = None
    injuries: int | None = None
    title: str | None = None
    url: str | None = None
    confidence: float = 0.0
    sources: tuple[str, ...] = ()  # document ids that report it (after deduplication)
    place_basis: str = ""  # how the place was found: "parse", else the fallback that found it ("dateline", …)


@dataclass(frozen=True)
class Zone:
    """An area proposed, declared or existing, as a GeoJSON Polygon/MultiPolygon (lon/lat)."""

    doc: str
    name: str
    status: str  # proposed|declared|existing
    basis: str  # what it was built around, e.g. "along the Dnieper River (line)"
    width_km: float
    geometry: dict[str, Any]
    quote: str = ""
    start: int = 0
    end: int = 0
    date: date | None = None


@dataclass
class Extraction:
    """What geomap found in a set of documents; ``errors`` holds one line per input that failed."""

    documents: list[Document] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def places(self) -> list[Mention]:
        """The mentions that resolved to a gazetteer place."""
        return [m for m in self.mentions if m.place is not None]

    def to_geojson(self) -> dict[str, Any]:
        """The output FeatureCollection (RFC 7946, lon/lat) as a dict."""
        from geomap.export import feature_collection

        return feature_collection(self)

    def layers(self, **options: Any) -> list[Any]:
        """folium FeatureGroups (incidents by type, places, zones), each addable to any folium.Map."""
        from geomap.render import layers

        return layers(self.to_geojson(), **options)
