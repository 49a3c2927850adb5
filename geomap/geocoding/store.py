"""The SQLite gazetteer, read lazily: one file, names indexed by ``normalize``, nothing held in memory but caches.

The constructor does no I/O; each process (and thread) opens its own read-only connection on first use, and a
store pickles as its path, so Dask or multiprocessing workers can carry it.
"""
from __future__ import annotations

import json
import logging
import math
import os
import sqlite3
import threading
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from geomap.errors import GazetteerError
from geomap.geo import great_circle_km
from geomap.geocoding.bloom import build as build_bloom
from geomap.geocoding.bloom import load as load_bloom
from geomap.geocoding.bloom import might_contain
from geomap.geocoding.names import normalize, skeleton
from geomap.models import Candidate, Place

log = logging.getLogger("geomap.geocoding.store")

SCHEMA_VERSION = 3
FIX = "run `geomap gazetteer build`"

# how a name matched, best first (ties in prominence are broken by this). ``prominence`` orders candidates: the
# population, except that a division ranks just below its namesake city ("Donetsk" the city before the oblast)
# and curated features without a population rank like a city of a million (landmarks: 100,000).
MATCH_KINDS = ("name", "abbreviation", "ascii", "alternate", "demonym", "historic", "transliteration")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    gid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    fclass TEXT NOT NULL,
    fcode TEXT NOT NULL,
    cc TEXT,
    admin1_code TEXT,
    admin1 TEXT,
    admin2 TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    geometry TEXT,
    source TEXT NOT NULL,
    members TEXT,
    prominence INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE names (
    norm TEXT NOT NULL,
    place_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (norm, place_id)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
CREATE TABLE blobs (key TEXT PRIMARY KEY, value BLOB NOT NULL);
"""

INDEXES = """
CREATE INDEX places_admin ON places (cc, fcode, admin1_code);
"""

_COLUMNS = "id, gid, name, lat, lon, fclass, fcode, cc, admin1_code, admin1, admin2, population, geometry, source"


def default_store_path() -> Path:
    """$GEOMAP_GAZETTEER, else $XDG_CACHE_HOME/geomap/gazetteer-v<schema>.sqlite (default ~/.cache/geomap)."""
    explicit = os.environ.get("GEOMAP_GAZETTEER")
    if explicit:
        return Path(explicit).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache).expanduser() / "geomap" / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def store_problem(path: Path) -> str | None:
    """Why the store at ``path`` cannot be used (missing, corrupt, outdated), or None when it can."""
    if not path.exists():
        return f"gazetteer {path} does not exist"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return f"gazetteer {path} is not a usable SQLite store ({exc})"
    if row is None or row[0] != str(SCHEMA_VERSION):
        found = row[0] if row else "none"
        return f"gazetteer {path} has schema {found}, this geomap needs {SCHEMA_VERSION}"
    return None


def open_store(path: Path | None = None, *, build: bool = True) -> "GazetteerStore":
    """Open the store at ``path`` (default path if None), building or rebuilding it first when allowed."""
    target = Path(path) if path is not None else default_store_path()
    problem = store_problem(target)
    if problem is None and build and path is None and _stale(target):
        problem = "its curated data or builder changed since it was built"
    if problem is not None:
        if not build:
            raise GazetteerError(f"{problem}: {FIX}")
        from geomap.geocoding.build import build_default

        log.warning("building the gazetteer at %s (once; about a minute): %s", target, problem)
        build_default(target)
        problem = store_problem(target)
        if problem is not None:
            raise GazetteerError(f"{problem}: {FIX}")
        if path is None and "GEOMAP_GAZETTEER" not in os.environ:
            _remove_older_defaults(target)
    return GazetteerStore(target)


def _remove_older_defaults(current: Path) -> None:
    """Default stores of older schemas beside the new one are dead weight (~80 MB each): remove them."""
    for version in range(1, SCHEMA_VERSION):
        stem = f"gazetteer-v{version}.sqlite"
        for old in (current.with_name(stem), current.with_name(stem + ".lock")):
            try:
                old.unlink()
                log.info("removed outdated gazetteer %s", old)
            except FileNotFoundError:
                continue
            except OSError as exc:
                log.debug("could not remove %s: %s", old, exc)


def _stale(path: Path) -> bool:
    from geomap.geocoding.build import is_stale

    try:
        return is_stale(path)
    except GazetteerError:  # no curated files to compare with (unusual install): keep the store
        return False


class GazetteerStore:
    """Read-only access to one gazetteer file. Cheap to create; connections open on first query."""

    def __init__(self, path: Path | str, *, cache_size: int = 4096):
        self.path = Path(path)
        self._cache_size = cache_size
        self._local = threading.local()
        self._setup_caches()

    def _setup_caches(self) -> None:
        # bounded: a popular name ("Springfield") carries 50 candidates, so entries are not small
        self._candidates_cached = lru_cache(maxsize=self._cache_size)(self._candidates_uncached)
        self._has_cached = lru_cache(maxsize=self._cache_size * 4)(self._has_uncached)
        self._place_cached = lru_cache(maxsize=self._cache_size)(self._get_by_id)
        self._bloom: tuple[bytes, int] | None = None  # (bits, mask), read on first has_name

    def __getstate__(self) -> dict[str, Any]:
        return {"path": str(self.path), "cache_size": self._cache_size}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.path = Path(state["path"])
        self._cache_size = state["cache_size"]
        self._local = threading.local()
        self._setup_caches()

    def __repr__(self) -> str:
        return f"GazetteerStore({str(self.path)!r})"

    # -- connection ---------------------------------------------------------------------------------------------
    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None and self._local.pid == os.getpid():
            return conn
        if not self.path.exists():
            raise GazetteerError(f"gazetteer {self.path} does not exist: {FIX}")
        try:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("PRAGMA query_only = 1")
            conn.execute("PRAGMA cache_size = -16000")  # 16 MB page cache per connection
            conn.execute("SELECT 1 FROM meta LIMIT 1")
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"gazetteer {self.path} cannot be read ({exc}): {FIX}") from exc
        self._local.conn, self._local.pid = conn, os.getpid()
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self._conn().execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"gazetteer {self.path} query failed ({exc}): {FIX}") from exc

    # -- lookups ------------------------------------------------------------------------------------------------
    def candidates(self, name: str, *, limit: int = 50) -> list[Candidate]:
        """Every place called ``name`` (after ``normalize``), most populous first; [] when none."""
        key = normalize(name)
        if not key:
            return []
        found = list(self._candidates_cached(key, limit))
        loose = skeleton(key)
        if loose != key and len(key) > 4:  # "Kostiantynivka" is also GeoNames' "Kostyantynivka" (pop 67,000)
            have = {c.place.gazetteer_id for c in found}
            extra = [replace(c, match="transliteration") for c in self._candidates_cached(loose, limit)
                     if c.match != "abbreviation" and c.place.gazetteer_id not in have]
            if extra:
                found = sorted(found + extra, key=lambda c: -c.place.population)
        return found[:limit]

    def _candidates_uncached(self, key: str, limit: int) -> tuple[Candidate, ...]:
        rows = self._query(
            f"SELECT n.name, n.kind, {', '.join('p.' + c for c in _COLUMNS.split(', '))} "
            "FROM names n JOIN places p ON p.id = n.place_id WHERE n.norm = ? "
            "ORDER BY p.prominence DESC, "
            + _kind_order_sql("n.kind")
            + ", p.id LIMIT ?",
            (key, limit),
        )
        return tuple(Candidate(place=self._row_place(row[2:]), matched_name=row[0], match=row[1]) for row in rows)

    def has_name(self, normalized: str) -> bool:
        """Whether some place is called ``normalized`` (already passed through ``normalize``).

        Called for every token n-gram, and nearly all of them are not names: the store's Bloom filter
        (``geomap.geocoding.bloom``) answers those without SQLite; the few that pass are confirmed by an
        indexed lookup.
        """
        if self._bloom is None:
            self._bloom = self._load_bloom()
        bits, mask = self._bloom
        return might_contain(bits, mask, normalized) and self._has_cached(normalized)

    def _load_bloom(self) -> tuple[bytes, int]:
        try:
            return load_bloom(self._conn()) or build_bloom(self._conn())
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"gazetteer {self.path} cannot be read ({exc}): {FIX}") from exc

    def _has_uncached(self, normalized: str) -> bool:
        return bool(self._query("SELECT 1 FROM names WHERE norm = ? LIMIT 1", (normalized,)))

    def get(self, gazetteer_id: str) -> Place | None:
        """The place with this id ("geonames:703448", "curated:river:dnieper"), or None."""
        return self._place_cached(gazetteer_id)

    def _get_by_id(self, gazetteer_id: str) -> Place | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE gid = ?", (gazetteer_id,))
        return self._row_place(rows[0]) if rows else None

    def country(self, cc: str) -> Place | None:
        """The country with ISO 3166-1 alpha-2 code ``cc``."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM places WHERE cc = ? AND fcode LIKE 'PCL%' ORDER BY population DESC LIMIT 1",
            (cc.upper(),),
        )
        return self._row_place(rows[0]) if rows else None

    def capital(self, cc: str) -> Place | None:
        """The capital city of the country with ISO 3166-1 alpha-2 code ``cc`` ("Mali's capital")."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM places WHERE cc = ? AND fcode = 'PPLC' ORDER BY population DESC LIMIT 1",
            (cc.upper(),),
        )
        return self._row_place(rows[0]) if rows else None

    def admin1(self, cc: str, admin1_code: str) -> Place | None:
        """The first-level division with GeoNames code ``admin1_code`` in country ``cc``."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM places WHERE cc = ? AND fcode = 'ADM1' AND admin1_code = ? LIMIT 1",
            (cc.upper(), admin1_code),
        )
        return self._row_place(rows[0]) if rows else None

    def nearest(
        self, lat: float, lon: float, *, limit: int = 1, feature_classes: str | None = None
    ) -> list[Place]:
        """The ``limit`` places nearest (lat, lon), optionally only of the given GeoNames feature classes."""
        classes = tuple(feature_classes) if feature_classes else None
        where = f" AND p.fclass IN ({','.join('?' * len(classes))})" if classes else ""
        radius = 0.25
        found: list[tuple[float, Place]] = []
        while radius <= 180:
            dlon = min(180.0, radius / max(0.05, math.cos(math.radians(min(89.0, abs(lat))))))
            rows = self._query(
                f"SELECT {', '.join('p.' + c for c in _COLUMNS.split(', '))} FROM places_rtree r "
                "JOIN places p ON p.id = r.id WHERE r.min_lat <= ? AND r.max_lat >= ? "
                "AND r.min_lon <= ? AND r.max_lon >= ?" + where,
                (lat + radius, lat - radius, lon + dlon, lon - dlon, *(classes or ())),
            )
            found = sorted(((great_circle_km(lat, lon, row[3], row[4]), self._row_place(row)) for row in rows),
                           key=lambda item: (item[0], item[1].gazetteer_id))
            # a hit inside the inscribed circle of the box is certainly among the nearest
            if len(found) >= limit and found[limit - 1][0] <= radius * 111.0 * 0.99:
                break
            radius *= 4
        return [place for _, place in found[:limit]]

    def region_members(self, place: Place) -> list[str]:
        """Country codes ("UA") or "CC.admin1_code" codes a region (or landmark zone) lies in or covers.

        Containment holds for regions, plateaus, deserts and landmarks; a river or sea is not *in* the countries
        along it, so those are given by ``bordering`` instead. [] for places without members.
        """
        if place.feature_class == "H":
            return []
        return self._members(place)

    def bordering(self, place: Place) -> list[str]:
        """The riparian or coastal countries of a curated river, sea, gulf, strait or lake; [] otherwise."""
        return self._members(place) if place.feature_class == "H" else []

    def _members(self, place: Place) -> list[str]:
        rows = self._query("SELECT members FROM places WHERE gid = ?", (place.gazetteer_id,))
        if not rows or not rows[0][0]:
            return []
        return list(json.loads(rows[0][0]))

    # -- description --------------------------------------------------------------------------------------------
    def metadata(self) -> dict[str, Any]:
        """What the build recorded: schema, build time, sources and their licences, join figures."""
        out: dict[str, Any] = {}
        for key, value in self._query("SELECT key, value FROM meta ORDER BY key"):
            try:
                out[key] = json.loads(value)
            except json.JSONDecodeError:
                out[key] = value
        return out

    def stats(self) -> dict[str, Any]:
        """Counts per feature class and source, with path, size, schema and build time."""
        meta = self.metadata()
        return {
            "path": str(self.path),
            "size_bytes": self.path.stat().st_size,
            "schema_version": meta.get("schema_version"),
            "built_at": meta.get("built_at"),
            "build_seconds": meta.get("build_seconds"),
            "places": self._query("SELECT count(*) FROM places")[0][0],
            "names": self._query("SELECT count(*) FROM names")[0][0],
            "feature_classes": dict(self._query("SELECT fclass, count(*) FROM places GROUP BY fclass ORDER BY fclass")),
            "sources": dict(self._query("SELECT source, count(*) FROM places GROUP BY source ORDER BY source")),
            "match_kinds": dict(self._query("SELECT kind, count(*) FROM names GROUP BY kind ORDER BY kind")),
        }

    def _row_place(self, row: tuple[Any, ...]) -> Place:
        (_, gid, name, lat, lon, fclass, fcode, cc, admin1_code, admin1, admin2, population, geometry, source) = row
        return Place(
            gazetteer_id=gid, name=name, lat=lat, lon=lon, feature_class=fclass, feature_code=fcode,
            country_code=cc, admin1=admin1, admin1_code=admin1_code, admin2=admin2, population=population or 0,
            geometry=json.loads(geometry) if geometry else None, source=source,
        )


def _kind_order_sql(column: str) -> str:
    cases = " ".join(f"WHEN '{kind}' THEN {rank}" for rank, kind in enumerate(MATCH_KINDS))
    return f"CASE {column} {cases} ELSE {len(MATCH_KINDS)} END"


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
