"""Compact, script-safe encodings of GeoJSON features for the browser.

A folium Marker costs ~1 KB of HTML per point; a GeoJSON feature repeats every key. Here each layer becomes a
table: one row of numbers per feature, with every string (place, actor, title, URL...) stored once in a shared
string list and referenced by index. The browser decodes a row only when a popup opens.
"""
from __future__ import annotations

import calendar
import json
import math
import re
from datetime import date
from typing import Any, Iterable, Sequence

#: Column kinds: a number (or null), a string (index into the string table), a list of strings (list of indexes).
NUM, STR, STRS = "n", "s", "l"

INCIDENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_type", STR), ("sub_event_type", STR), ("date", STR), ("date_end", STR), ("date_precision", STR),
    ("time_precision", NUM), ("place", STR), ("location", STR), ("country_code", STR), ("admin1", STR),
    ("geo_precision", NUM), ("actors", STRS), ("people", STRS), ("fatalities", NUM), ("injuries", NUM),
    ("quote", STR), ("title", STR), ("url", STR), ("confidence", NUM), ("sources", STRS),
)
PLACE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", STR), ("mentions", STRS), ("count", NUM), ("feature_class", STR), ("feature_code", STR),
    ("country_code", STR), ("admin1", STR), ("population", NUM), ("confidence", NUM),
)
#: Quotes longer than this are cut in the map (the full text stays in the GeoJSON): keeps 100k maps small.
MAX_QUOTE_CHARS = 400

_EPOCH = date(1970, 1, 1).toordinal()


_TEMPLATE_OPEN = re.compile(r"\{(?=[{%#])")


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML <script> block and inert if it ever passes through Jinja: no
    '</script>', '<!--', line separators, or '{{', '{%', '{#' survive (in JSON those can only occur inside
    strings, where the brace is written as a unicode escape)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return _TEMPLATE_OPEN.sub(r"\\u007b", text)


def inert_label(text: str) -> str:
    """A label safe to hand to folium templates: folium re-parses rendered scripts as Jinja, so braces
    from data become look-alike fullwidth braces."""
    return str(text).replace("{", "\uff5b").replace("}", "\uff5d")


def day_number(text: Any, *, end: bool = False) -> int | None:
    """Days since 1970-01-01 of 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD[...]'; partial dates give their first day,
    or their last day when ``end`` is true. Anything unparsable is None (treated as undated)."""
    if not isinstance(text, str) or len(text) < 4:
        return None
    parts = text[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1] else None
        day = int(parts[2]) if len(parts) > 2 and parts[2] else None
        if month is None:
            value = date(year, 12, 31) if end else date(year, 1, 1)
        elif day is None:
            value = date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        else:
            value = date(year, month, day)
    except (ValueError, IndexError):
        return None
    return value.toordinal() - _EPOCH


def interval(properties: dict[str, Any]) -> tuple[int | None, int | None]:
    """(first day, last day) an incident may have happened on: coarse dates cover their whole window."""
    start = day_number(properties.get("date"))
    if start is None:
        return None, None
    last = day_number(properties.get("date_end"), end=True)
    if last is None:
        last = day_number(properties.get("date"), end=True)
    return start, max(start, last if last is not None else start)


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("name", "title", "url", "id"):
            if isinstance(value.get(key), str):
                return value[key]
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _number(value: Any) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    return round(value, 3) if isinstance(value, float) else value


class Table:
    """Rows of [lat, lon, first_day, last_day, *columns] with interned strings."""

    def __init__(self, columns: Sequence[tuple[str, str]]):
        self.columns = tuple(columns)
        self.strings: list[str] = []
        self._index: dict[str, int] = {}
        self.rows: list[list[Any]] = []

    def _intern(self, value: Any, limit: int | None = None) -> int | None:
        """Index of a string in the table (added on first sight); keyed by the original value for speed."""
        if value is None or value == "":
            return None
        key = value if type(value) is str else _scalar(value)
        found = self._index.get(key)
        if found is None:
            text = key if limit is None or len(key) <= limit else key[: limit - 1].rstrip() + "…"
            found = self._index[key] = len(self.strings)
            self.strings.append(text)
        return found

    def add(self, lat: float, lon: float, span: tuple[int | None, int | None], properties: dict[str, Any]) -> None:
        row: list[Any] = [round(float(lat), 5), round(float(lon), 5), span[0], span[1]]
        append, get, intern = row.append, properties.get, self._intern
        for key, kind in self.columns:
            value = get(key)
            if kind == STR:
                if value is None or value == "":
                    append(None)
                else:
                    found = self._index.get(value) if type(value) is str and key != "quote" else None
                    append(found if found is not None else intern(value, MAX_QUOTE_CHARS if key == "quote" else None))
            elif kind == NUM:
                append(value if type(value) is int else _number(value))
            else:
                items = value if isinstance(value, (list, tuple)) else ([] if value in (None, "") else [value])
                append([i for i in (intern(v) for v in items) if i is not None])
        self.rows.append(row)

    def payload(self) -> dict[str, Any]:
        return {"columns": [list(c) for c in self.columns], "strings": self.strings, "rows": self.rows}


def valid_lat_lon(lat: Any, lon: Any) -> bool:
    """Finite numbers within the WGS84 ranges (json.loads accepts NaN and Infinity)."""
    return (isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and not isinstance(lat, bool)
            and not isinstance(lon, bool) and math.isfinite(lat) and math.isfinite(lon)
            and -90 <= lat <= 90 and -180 <= lon <= 180)


def representative_point(feature: dict[str, Any]) -> tuple[float, float] | None:
    """(lat, lon) of a feature: a Point's coordinates, else the lat/lon properties places carry."""
    geometry = feature.get("geometry") or {}
    if geometry.get("type") == "Point":
        coords = geometry.get("coordinates") or []
        if len(coords) >= 2 and valid_lat_lon(coords[1], coords[0]):
            return float(coords[1]), float(coords[0])
    props = feature.get("properties") or {}
    lat, lon = props.get("lat"), props.get("lon")
    if valid_lat_lon(lat, lon):
        return float(lat), float(lon)
    return None


def valid_geometry(geometry: dict[str, Any]) -> bool:
    """A geometry with at least one position, every one of them a valid (lon, lat)."""
    found = False
    for lon, lat in iter_coords(geometry):
        if not valid_lat_lon(lat, lon):
            return False
        found = True
    return found


def iter_coords(geometry: dict[str, Any]) -> Iterable[tuple[float, float]]:
    """Every (lon, lat) pair of a GeoJSON geometry, for bounds."""
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        for part in geometry.get("geometries") or []:
            yield from iter_coords(part)
        return
    stack = [geometry.get("coordinates")]
    while stack:
        item = stack.pop()
        if not isinstance(item, (list, tuple)) or not item:
            continue
        if isinstance(item[0], (int, float)):
            if len(item) >= 2:
                yield float(item[0]), float(item[1])
        else:
            stack.extend(item)
