"""Stream GeoNames dumps into a gazetteer store in constant memory.

Reads, zipped or not: the geoname table (allCountries.txt, citiesN.txt, XX.txt), alternateNamesV2.txt,
admin1CodesASCII.txt, admin2Codes.txt and countryInfo.txt. Rows go in with batched ``executemany``; names
attach to places by GeoNames id inside SQLite, so nothing but the division-name tables is held in memory.
"""
from __future__ import annotations

import io
import json
import logging
import os
import sqlite3
import tempfile
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from geomap.errors import GazetteerError, InputError
from geomap.geocoding import bloom
from geomap.geocoding.build import _build_lock, city_names, useful_alternate
from geomap.geocoding.names import is_latin, normalize
from geomap.geocoding.store import INDEXES, SCHEMA, SCHEMA_VERSION, now_iso, store_problem

log = logging.getLogger("geomap.geocoding.geonames_import")

BATCH = 10000
SOURCE = "geonames"
# alternateNames language codes that are not names of the place
_NOT_NAMES = {"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "fr_1793", "phon", "piny"}

_UPSERT_PLACE = (
    "INSERT INTO places (gid, name, lat, lon, fclass, fcode, cc, admin1_code, admin1, admin2, population, source, "
    "prominence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(gid) DO UPDATE SET name=excluded.name, "
    "lat=excluded.lat, lon=excluded.lon, fclass=excluded.fclass, fcode=excluded.fcode, cc=excluded.cc, "
    "admin1_code=excluded.admin1_code, admin1=excluded.admin1, admin2=excluded.admin2, "
    "population=excluded.population, source=excluded.source, prominence=excluded.prominence"
)
_BOX = "INSERT OR REPLACE INTO places_rtree SELECT id, lat, lat, lon, lon FROM places WHERE gid = ?"
_NAME = "INSERT OR IGNORE INTO names SELECT ?, id, ?, ? FROM places WHERE gid = ?"


def _kind(path: Path) -> str:
    name = path.name.lower()
    for prefix, kind in (("countryinfo", "countries"), ("admin1codes", "admin1"), ("admin2codes", "admin2"),
                         ("alternatenames", "alternates")):
        if name.startswith(prefix):
            return kind
    return "geonames"


def _open_text(path: Path) -> Iterator[tuple[str, io.TextIOBase]]:
    """(member name, text stream) for a .txt file or each .txt member of a .zip (readmes skipped)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.lower().endswith(".txt") and "readme" not in member.lower():
                    with archive.open(member) as raw:
                        yield member, io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        return
    with open(path, encoding="utf-8", newline="\n") as handle:
        yield path.name, handle


def _rows(path: Path, columns: int) -> Iterator[tuple[str, int, list[str]]]:
    """Tab-separated rows with at least ``columns`` fields; comments and blank lines skipped."""
    for member, stream in _open_text(path):
        for line_no, line in enumerate(stream, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) < columns:
                raise InputError(f"{path}:{member}" if member != path.name else str(path),
                                 f"expected {columns} tab-separated fields, found {len(fields)}", line_no)
            yield member, line_no, fields


@contextmanager
def _target(store_path: Path, replace: bool) -> Iterator[sqlite3.Connection]:
    """A connection to write into: a fresh temp store moved into place at the end, or the existing store."""
    store_path.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(store_path):
        fresh = replace or not store_path.exists()
        if not fresh and store_problem(store_path) is not None:
            raise GazetteerError(f"{store_problem(store_path)}: rebuild it or import with --replace")
        if fresh:
            fd, tmp_name = tempfile.mkstemp(dir=store_path.parent, prefix=store_path.name + ".", suffix=".tmp")
            os.close(fd)
            os.unlink(tmp_name)
            conn = sqlite3.connect(tmp_name)
            conn.executescript(SCHEMA + INDEXES)
        else:
            conn = sqlite3.connect(str(store_path))
        try:
            yield conn
            conn.commit()
            conn.execute("ANALYZE")
            conn.commit()
            conn.close()
            if fresh:
                os.replace(tmp_name, store_path)
        finally:
            conn.close()
            if fresh and os.path.exists(tmp_name):
                os.unlink(tmp_name)


def import_geonames(store_path: Path, files: list[Path], *, replace: bool = False) -> dict[str, Any]:
    """Import GeoNames dump files into the store at ``store_path`` (created if missing).

    ``replace`` starts a new store with only the imported data; otherwise rows are added to (or update,
    by GeoNames id) the existing store. Returns counts and seconds.
    """
    started = time.monotonic()
    store_path = Path(store_path)
    by_kind: dict[str, list[Path]] = {}
    for path in files:
        if not Path(path).exists():
            raise InputError(str(path), "no such file")
        by_kind.setdefault(_kind(Path(path)), []).append(Path(path))
    figures = {"places": 0, "names": 0, "admin_names": 0, "countries": 0, "files": [str(p) for p in files]}
    with _target(store_path, replace) as conn:
        admin1, admin2 = _existing_division_names(conn)
        for path in by_kind.get("admin1", []):
            figures["admin_names"] += _read_codes(path, admin1)
        for path in by_kind.get("admin2", []):
            figures["admin_names"] += _read_codes(path, admin2)
        for path in by_kind.get("geonames", []):
            places, names = _import_places(conn, path, admin1, admin2)
            figures["places"] += places
            figures["names"] += names
        for path in by_kind.get("countries", []):
            figures["countries"] += _import_countries(conn, path)
        for path in by_kind.get("alternates", []):
            figures["names"] += _import_alternates(conn, path)
        bloom.save(conn)
        figures["seconds"] = round(time.monotonic() - started, 1)
        _record(conn, figures)
    log.info("imported %s places and %s names into %s", figures["places"], figures["names"], store_path)
    return figures


def _existing_division_names(conn: sqlite3.Connection) -> tuple[dict[str, str], dict[str, str]]:
    """Division names the store already uses (the admin1 column of its ADM1 rows), so merged rows agree."""
    admin1 = {f"{cc}.{code}": name for cc, code, name in conn.execute(
        "SELECT cc, admin1_code, coalesce(admin1, name) FROM places "
        "WHERE fcode = 'ADM1' AND admin1_code IS NOT NULL ORDER BY id DESC")}
    return admin1, {}


def _read_codes(path: Path, into: dict[str, str]) -> int:
    """admin1CodesASCII / admin2Codes: "UA.14<TAB>Donetsk<TAB>Donetsk<TAB>709716" → {"UA.14": "Donetsk"}."""
    count = 0
    for _, _, fields in _rows(path, 2):
        into[fields[0]] = fields[1]
        count += 1
    return count


def _import_places(conn: sqlite3.Connection, path: Path, admin1: dict[str, str],
                   admin2: dict[str, str]) -> tuple[int, int]:
    places: list[tuple[Any, ...]] = []
    gids: list[tuple[str]] = []
    names: list[tuple[str, str, str, str]] = []
    count = name_count = 0
    for member, line_no, f in _rows(path, 19):
        try:
            lat, lon = float(f[4]), float(f[5])
            population = int(f[14] or 0)
        except ValueError as exc:
            raise InputError(str(path), f"{member}: bad number ({exc})", line_no) from exc
        gid = f"geonames:{f[0]}"
        cc, a1, a2 = f[8] or None, f[10] or None, f[11] or None
        division = admin1.get(f"{cc}.{a1}") or (f[1] if f[7] == "ADM1" else None)
        places.append((
            gid, f[1], lat, lon, f[6] or "", f[7] or "", cc, a1, division,
            admin2.get(f"{cc}.{a1}.{a2}"), population, SOURCE, population,
        ))
        gids.append((gid,))
        spellings = city_names(f[1], ([f[2]] if f[2] else []) + (f[3].split(",") if f[3] else []))
        for name, kind in spellings:
            kind = "ascii" if name == f[2] and kind == "alternate" else kind
            names.append((normalize(name), name, kind, gid))
        if len(places) >= BATCH:
            name_count += _flush(conn, places, gids, names)
            count += BATCH
            places, gids, names = [], [], []
    count += len(places)
    name_count += _flush(conn, places, gids, names)
    return count, name_count


def _flush(conn: sqlite3.Connection, places: list[tuple[Any, ...]], gids: list[tuple[str]],
           names: list[tuple[str, str, str, str]]) -> int:
    conn.executemany(_UPSERT_PLACE, places)
    conn.executemany(_BOX, gids)
    conn.executemany(_NAME, names)
    return len(names)


def _import_countries(conn: sqlite3.Connection, path: Path) -> int:
    """countryInfo.txt: set population and ISO code on the country rows the geoname table gave; index names."""
    count = 0
    for _, _, f in _rows(path, 17):
        gid = f"geonames:{f[16]}"
        population = int(f[7] or 0) if f[7].isdigit() else 0
        conn.execute("UPDATE places SET population = ?, prominence = ?, cc = ? WHERE gid = ?",
                     (population, population, f[0], gid))
        conn.execute(_NAME, (normalize(f[4]), f[4], "name", gid))
        count += 1
    return count


def _import_alternates(conn: sqlite3.Connection, path: Path) -> int:
    """alternateNamesV2: historic names become "historic", abbreviations "abbreviation", the rest "alternate"."""
    batch: list[tuple[str, str, str, str]] = []
    count = 0
    for _, _, f in _rows(path, 4):
        language, name = f[2], f[3]
        if language in _NOT_NAMES or not name or not is_latin(name):
            continue
        historic = len(f) > 7 and f[7] == "1"
        kind = "abbreviation" if language == "abbr" else "historic" if historic else "alternate"
        key = normalize(name)
        if not key or (kind != "abbreviation" and not useful_alternate(name)):
            continue
        batch.append((key, name, kind, f"geonames:{f[1]}"))
        if len(batch) >= BATCH:
            conn.executemany(_NAME, batch)
            count += len(batch)
            batch = []
    conn.executemany(_NAME, batch)
    return count + len(batch)


def _record(conn: sqlite3.Connection, figures: dict[str, Any]) -> None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'imports'").fetchone()
    imports = json.loads(row[0]) if row else []
    imports.append({"at": now_iso(), **figures})
    values = {"imports": imports, "schema_version": SCHEMA_VERSION}
    if conn.execute("SELECT 1 FROM meta WHERE key = 'built_at'").fetchone() is None:
        values.update(built_at=now_iso(), build_seconds=figures["seconds"], builder="geonames_import",
                      sources={"geonames": "GeoNames (geonames.org), CC BY 4.0, imported dumps"})
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                     [(key, json.dumps(value, sort_keys=True)) for key, value in values.items()])
