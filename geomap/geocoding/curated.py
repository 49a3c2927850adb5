"""Load the curated files in gazetteer/ (rivers, seas, regions, landmarks, demonyms, abbreviations) into a store.

Curated facts are small: the order of riverside places, which countries a region covers, what "Chechen" refers
to. Coordinates come from the packaged GeoNames data wherever a curated record names a place ("Kyiv|UA"), so the
files state geography rather than copy numbers. Every record carries provenance; a reference that does not
resolve stops the build (a silent gap would be worse).
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geomap.errors import GazetteerError
from geomap.geocoding.writer import StoreWriter

CURATED_PROMINENCE = 1_000_000  # a region, sea or river ranks like a city of a million; a landmark like 100,000

if TYPE_CHECKING:
    from geomap.geocoding.build import BuildIndex

FEATURE_FILES = ("rivers.json", "water.json", "regions.json", "landmarks.json")
NAME_FILES = {"demonyms.csv": "demonym", "abbreviations.csv": "abbreviation", "aliases.csv": "alternate"}


def add_curated(writer: StoreWriter, index: "BuildIndex", curated_dir: Path) -> dict[str, int]:
    """Write every curated feature, then attach curated names; returns counts per file."""
    counts: dict[str, int] = {}
    for filename in FEATURE_FILES:
        path = curated_dir / filename
        if path.exists():
            counts[filename] = _add_features(writer, index, path)
    for filename, kind in NAME_FILES.items():
        path = curated_dir / filename
        if path.exists():
            counts[filename] = _add_names(writer, index, path, kind)
    if (curated_dir / "errata.csv").exists():
        counts["errata.csv"] = _remove_names(writer, index, curated_dir / "errata.csv")
    if (curated_dir / "points.csv").exists():
        counts["points.csv"] = _move_points(writer, index, curated_dir / "points.csv")
    return counts


def _move_points(writer: StoreWriter, index: "BuildIndex", path: Path) -> int:
    """points.csv (target, lat, lon, provenance): GeoNames' own representative point for a country or division
    whose packaged (countrystatecity) point differs; GeoNames-annotated corpora and users expect GeoNames' point."""
    writer.flush()
    count = 0
    with open(path, encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name}:{line_no}"
            if not (row.get("provenance") or "").strip():
                raise GazetteerError(f"{where}: every row needs a provenance")
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, TypeError, ValueError) as exc:
                raise GazetteerError(f"{where}: lat/lon must be numbers") from exc
            if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
                raise GazetteerError(f"{where}: point out of range")
            place_id = target_place(index, row.get("target") or "", where)
            writer.conn.execute("UPDATE places SET lat = ?, lon = ? WHERE id = ? AND geometry IS NULL",
                                (lat, lon, place_id))
            writer.conn.execute("INSERT OR REPLACE INTO places_rtree SELECT id, lat, lat, lon, lon FROM places "
                                "WHERE id = ? AND geometry IS NULL", (place_id,))
            count += 1
    return count


def _remove_names(writer: StoreWriter, index: "BuildIndex", path: Path) -> int:
    """errata.csv (name, target, provenance): names the packaged data gives the wrong place, taken off it."""
    from geomap.geocoding.names import normalize

    writer.flush()
    count = 0
    with open(path, encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name}:{line_no}"
            if not (row.get("name") or "").strip() or not (row.get("provenance") or "").strip():
                raise GazetteerError(f"{where}: every row needs a name and a provenance")
            place_id = target_place(index, row.get("target") or "", where)
            gone = writer.conn.execute("DELETE FROM names WHERE norm = ? AND place_id = ?",
                                       (normalize(row["name"]), place_id)).rowcount
            if not gone:
                raise GazetteerError(f"{where}: {row['name']!r} is not a name of {row['target']!r} (erratum obsolete?)")
            count += 1
    return count


@dataclass(frozen=True)
class DivisionFix:
    """A row of admin1.csv: the right division (or a curated one) and/or display name for a GeoNames code."""

    cc: str
    code: str
    division: str | None  # ISO 3166-2 of the countrystatecity division, if one fits
    name: str | None  # display name (ACLED-style English), if countrystatecity's is not the usual one
    point: tuple[float, float] | None  # for a division countrystatecity lacks
    aliases: tuple[str, ...]


def read_admin1_fixes(curated_dir: Path) -> list[DivisionFix]:
    """admin1.csv: admin1 (CC.code), division, name, lat, lon, aliases (|-separated), provenance."""
    path = curated_dir / "admin1.csv"
    if not path.exists():
        return []
    out: list[DivisionFix] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for line_no, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name}:{line_no}"
            cc, _, code = (row.get("admin1") or "").partition(".")
            if not cc or not code or not (row.get("provenance") or "").strip():
                raise GazetteerError(f"{where}: needs admin1 as CC.code and a provenance")
            point = None
            if (row.get("lat") or "").strip():
                try:
                    point = (float(row["lat"]), float(row["lon"]))
                except (TypeError, ValueError) as exc:
                    raise GazetteerError(f"{where}: bad lat/lon ({exc})") from exc
            division = (row.get("division") or "").strip() or None
            name = (row.get("name") or "").strip() or None
            if division is None and (point is None or name is None):
                raise GazetteerError(f"{where}: a division countrystatecity lacks needs a name, lat and lon")
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            out.append(DivisionFix(cc.upper(), code, division, name, point, aliases))
    return out


def _load_json(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, json.JSONDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read curated file ({exc})") from exc


def resolve_point(index: "BuildIndex", ref: Any, where: str) -> tuple[float, float]:
    """A curated point: [lat, lon] (optionally with a label) or "Place|CC" / "Place|CC.admin1" (packaged cities)."""
    if isinstance(ref, (list, tuple)) and len(ref) >= 2 and all(isinstance(v, (int, float)) for v in ref[:2]):
        lat, lon = float(ref[0]), float(ref[1])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GazetteerError(f"{where}: point {ref!r} is out of range")
        return lat, lon
    if isinstance(ref, str) and "|" in ref:
        name, cc = ref.rsplit("|", 1)
        hit = index.city(cc.strip(), name.strip())
        if hit is None:
            raise GazetteerError(f"{where}: no place {name!r} in {cc!r} among the packaged cities")
        return hit[1], hit[2]
    raise GazetteerError(f"{where}: {ref!r} is neither [lat, lon] nor 'Place|CC'")


def _add_features(writer: StoreWriter, index: "BuildIndex", path: Path) -> int:
    data = _load_json(path)
    if not str(data.get("provenance", "")).strip():
        raise GazetteerError(f"{path}: a curated file needs a provenance")
    count = 0
    for rec in data.get("features", []):
        where = f"{path.name}:{rec.get('id')}"
        try:
            gid = f"curated:{rec['kind']}:{rec['id']}"
            name, fclass, fcode = rec["name"], rec["fclass"], rec["fcode"]
        except KeyError as exc:
            raise GazetteerError(f"{where}: missing field {exc}") from exc
        geometry = None
        if "course" in rec:
            line = [resolve_point(index, ref, where) for ref in rec["course"]]
            if len(line) < 2:
                raise GazetteerError(f"{where}: a course needs at least two points")
            geometry = {"type": "LineString", "coordinates": [[round(lon, 5), round(lat, 5)] for lat, lon in line]}
            lat, lon = resolve_point(index, rec["at"], where) if "at" in rec else _middle(line)
        else:
            lat, lon = resolve_point(index, rec["at"], where)
        members = [_member(index, str(m), where) for m in rec.get("members", [])]
        cc = rec.get("cc") or (members[0].split(".")[0] if len({m.split(".")[0] for m in members}) == 1 else None)
        code = index.division_code.get(str(rec.get("division", "")).upper()) if rec.get("division") else None
        if rec.get("division") and code is None:
            raise GazetteerError(f"{where}: division {rec['division']!r} is not joined to a GeoNames admin1 code")
        cc = code[0] if code else cc
        place_id = writer.add_place(
            gid, name, lat, lon, fclass, fcode, cc=cc, admin1_code=code[1] if code else None,
            admin1=index.division_name.get(code) if code else None,
            population=int(rec.get("population", 0)) or _members_population(index, members),
            geometry=geometry, source=f"curated:{path.name}", members=members or None,
            prominence=rec.get("prominence") or (CURATED_PROMINENCE // 10 if fclass == "S" else CURATED_PROMINENCE),
        )
        names = [(name, "name")] + [(alt, "alternate") for alt in rec.get("names", [])]
        names += [(old, "historic") for old in rec.get("historic", [])]
        writer.add_names(place_id, names)
        index.gid[gid] = place_id
        count += 1
    return count


def _members_population(index: "BuildIndex", members: list[str]) -> int:
    """A region of divisions ("Kurdistan Region": Erbil, Duhok, Sulaymaniyah) is as populous as they are together,
    so it is not outranked by a namesake division elsewhere; a region of countries keeps none."""
    if not members or any("." not in member for member in members):
        return 0
    populations = {(cc, code): population for _, cc, code, _, population in index.divisions}
    return sum(populations.get(tuple(member.split(".", 1)), 0) for member in members)


def _member(index: "BuildIndex", member: str, where: str) -> str:
    """A region member as the store reports it: "UA" for a country, "RU.12" for a division given as "RU-CE"."""
    member = member.strip().upper()
    if "-" in member:
        code = index.division_code.get(member)
        if code is None:
            raise GazetteerError(f"{where}: division {member!r} is not joined to a GeoNames admin1 code")
        return f"{code[0]}.{code[1]}"
    if member not in index.country:
        raise GazetteerError(f"{where}: unknown member country {member!r}")
    return member


def _middle(line: list[tuple[float, float]]) -> tuple[float, float]:
    """The vertex halfway along a line (by cumulative length in degrees; good enough for a label point)."""
    lengths = [0.0]
    for (a_lat, a_lon), (b_lat, b_lon) in zip(line, line[1:]):
        lengths.append(lengths[-1] + ((a_lat - b_lat) ** 2 + (a_lon - b_lon) ** 2) ** 0.5)
    half = lengths[-1] / 2
    best = min(range(len(line)), key=lambda i: abs(lengths[i] - half))
    return line[best]


def target_place(index: "BuildIndex", target: str, where: str) -> int:
    """The place id a curated name points at: "UA" (country), "RU-CE" (ISO 3166-2 division) or a gazetteer id."""
    target = target.strip()
    if ":" in target:
        place_id = index.gid.get(target)
    elif "-" in target:
        place_id = index.division.get(target.upper())
    else:
        place_id = index.country.get(target.upper())
    if place_id is None:
        raise GazetteerError(f"{where}: target {target!r} is not in the gazetteer")
    return place_id


def _add_names(writer: StoreWriter, index: "BuildIndex", path: Path, kind: str) -> int:
    """CSV with columns name, target, provenance; abbreviations are indexed dotted and undotted."""
    count = 0
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for line_no, row in enumerate(rows, start=2):
        where = f"{path.name}:{line_no}"
        name = (row.get("name") or "").strip()
        if not name or not (row.get("provenance") or "").strip():
            raise GazetteerError(f"{where}: every row needs a name and a provenance")
        place_id = target_place(index, row.get("target") or "", where)
        spellings = [(name, kind)]
        if kind == "abbreviation" and "." in name:
            spellings.append((name.replace(".", "").replace(" ", ""), kind))
        if kind == "demonym" and name[-1:] in ("n", "i") and name[-2:] != "sh":
            spellings.append((name + "s", kind))  # "Russians", "Israelis": the people, as often as the adjective
        writer.add_names(place_id, spellings)
        count += 1
    return count
