"""Write places and their names into a gazetteer file in batches: shared by the default build and GeoNames import."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Iterable

from geomap.geocoding import bloom
from geomap.geocoding.names import fused_skeleton, normalize, skeleton
from geomap.geocoding.store import INDEXES, SCHEMA, SCHEMA_VERSION, now_iso

BATCH = 20000


class StoreWriter:
    """Buffered inserts; ``add_place`` returns the row id to attach names to. Call ``finish`` once at the end."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._places: list[tuple[Any, ...]] = []
        self._names: list[tuple[str, int, str, str]] = []
        self._boxes: list[tuple[int, float, float, float, float]] = []
        self._next_id = (conn.execute("SELECT coalesce(max(id), 0) FROM places").fetchone()[0] or 0) + 1
        self.places_written = 0
        self.names_written = 0

    @classmethod
    def create(cls, path: Path) -> "StoreWriter":
        """A new, empty store at ``path`` (which must not exist), tuned for one bulk load."""
        conn = sqlite3.connect(str(path))
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -200000")
        conn.executescript(SCHEMA)
        return cls(conn)

    @classmethod
    def open(cls, path: Path) -> "StoreWriter":
        """An existing store, for adding to it (indexes stay; inserts are slower than into a new store)."""
        conn = sqlite3.connect(str(path))
        conn.execute("PRAGMA synchronous = NORMAL")
        return cls(conn)

    def add_place(
        self, gid: str, name: str, lat: float, lon: float, fclass: str, fcode: str, *, cc: str | None = None,
        admin1_code: str | None = None, admin1: str | None = None, admin2: str | None = None,
        population: int = 0, geometry: dict[str, Any] | None = None, source: str, members: list[str] | None = None,
        prominence: int | None = None,
    ) -> int:
        """Queue one place; ``prominence`` (candidate order) defaults to the population."""
        place_id = self._next_id
        self._next_id += 1
        self._places.append((
            place_id, gid, name, round(lat, 6), round(lon, 6), fclass, fcode, cc or None, admin1_code or None,
            admin1 or None, admin2 or None, int(population or 0),
            json.dumps(geometry, separators=(",", ":")) if geometry else None, source,
            json.dumps(members) if members else None, int(population or 0) if prominence is None else int(prominence),
        ))
        self._boxes.append((place_id, *_bbox(lat, lon, geometry)))
        if len(self._places) >= BATCH:
            self._flush_places()
        return place_id

    def add_names(self, place_id: int, names: Iterable[tuple[str, str]]) -> None:
        """Index ``(name, kind)`` pairs for a place; the first spelling of each normalised key wins."""
        seen: set[str] = set()
        loose: list[tuple[str, str]] = []
        for name, kind in names:
            key = normalize(name) if name else ""
            if not key or key in seen:
                continue
            seen.add(key)
            self._names.append((key, place_id, name, kind))
            if kind != "abbreviation":
                loose.append((skeleton(key), name))
                fused = fused_skeleton(key)
                if fused:
                    loose.append((fused, name))
        for key, name in loose:  # the romanisation-folded key, unless some spelling already has it
            if key and key not in seen:
                seen.add(key)
                self._names.append((key, place_id, name, "transliteration"))
        if len(self._names) >= BATCH * 4:
            self._flush_names()

    def flush(self) -> None:
        self._flush_places()
        self._flush_names()

    def _flush_places(self) -> None:
        if self._places:
            self.conn.executemany(f"INSERT INTO places VALUES ({','.join('?' * 16)})", self._places)
            self.conn.executemany("INSERT INTO places_rtree VALUES (?,?,?,?,?)", self._boxes)
            self.places_written += len(self._places)
            self._places.clear()
            self._boxes.clear()

    def _flush_names(self) -> None:
        self._flush_places()
        if self._names:
            self.conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", self._names)
            self.names_written += len(self._names)
            self._names.clear()

    def finish(self, meta: dict[str, Any], *, create_indexes: bool = True) -> None:
        """Flush, index, record metadata, and close."""
        self.flush()
        if create_indexes:
            self.conn.executescript(INDEXES)
        bloom.save(self.conn)
        rows = {"schema_version": SCHEMA_VERSION, "built_at": now_iso(), **meta}
        self.conn.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [(key, json.dumps(value, sort_keys=True)) for key, value in rows.items()],
        )
        self.conn.commit()
        self.conn.execute("ANALYZE")
        self.conn.commit()
        self.conn.close()


def _bbox(lat: float, lon: float, geometry: dict[str, Any] | None) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a geometry, or of the point."""
    if not geometry:
        return (lat, lat, lon, lon)
    lons: list[float] = []
    lats: list[float] = []
    _collect(geometry.get("coordinates"), lons, lats)
    if not lons:
        return (lat, lat, lon, lon)
    return (min(lats), max(lats), min(lons), max(lons))


def _collect(coords: Any, lons: list[float], lats: list[float]) -> None:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        lons.append(float(coords[0]))
        lats.append(float(coords[1]))
    elif isinstance(coords, (list, tuple)):
        for item in coords:
            _collect(item, lons, lats)
