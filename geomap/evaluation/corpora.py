"""Readers for the public geoparsing corpora (LGL/TR-News, GeoVirus, GeoWebNews XML; JSONL with gold spans).

Each reader yields ``GoldArticle``s: the text as a ``Document`` whose ``toponyms`` are the gold character spans,
plus the gold toponyms with coordinates (None when the corpus gives none: such spans count for geotagging only).
XML is parsed with the standard library's expat-backed parser, which refuses external entities and limits
entity expansion; DTDs are never fetched.
"""
from __future__ import annotations

import json
import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from geomap.errors import ConfigurationError, InputError
from geomap.models import Document

log = logging.getLogger("geomap.evaluation.corpora")

FORMATS = ("lgl", "geovirus", "geowebnews", "jsonl")


@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym; ``lat``/``lon`` None = no gold coordinates (left out of resolution scores)."""

    start: int
    end: int
    phrase: str
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    feature_class: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class GoldArticle:
    document: Document
    toponyms: tuple[GoldToponym, ...]


def detect_format(path: Path) -> str:
    """Guess the corpus format from the extension and the first element names."""
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        return "jsonl"
    with open(path, "rb") as handle:
        head = handle.read(20000).decode("utf-8", errors="replace").lower()
    if "<gaztag" in head:
        return "lgl"
    if "<location>" in head or "<locations>" in head:
        return "geovirus"
    if "<toponym" in head:
        return "geowebnews"
    raise ConfigurationError(f"{path}: cannot tell the corpus format; pass --format")


def read_corpus(path: str | Path, fmt: str = "auto", limit: int | None = None) -> Iterator[GoldArticle]:
    """Yield the corpus' articles in file order (at most ``limit``)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such corpus file")
    if fmt == "auto":
        fmt = detect_format(path)
    if fmt not in FORMATS:
        raise ConfigurationError(f"unknown corpus format {fmt!r}; use one of {', '.join(FORMATS)}")
    reader = _read_jsonl if fmt == "jsonl" else _read_xml
    for count, article in enumerate(reader(path)):
        if limit is not None and count >= limit:
            return
        yield article


def _child_text(element: ET.Element, *names: str) -> str | None:
    for name in names:
        child = element.find(name)
        if child is not None and child.text is not None:
            return child.text.strip()
    return None


def _float(value: str | None) -> float | None:
    if value is None or value.strip() == "":
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _toponym(element: ET.Element, text: str, source: str) -> GoldToponym | None:
    """One <toponym> (LGL/TR-News/GeoWebNews) or <location> (GeoVirus); coordinates in <gaztag> or directly."""
    start = _int(_child_text(element, "start"))
    end = _int(_child_text(element, "end"))
    if start is None or end is None or not 0 <= start < end <= len(text):
        log.warning("%s: toponym with bad offsets (%s, %s) skipped", source, start, end)
        return None
    phrase = _child_text(element, "phrase", "name") or text[start:end]
    gaz = element.find("gaztag")
    holder = gaz if gaz is not None else element
    lat = _float(_child_text(holder, "lat", "latitude"))
    lon = _float(_child_text(holder, "lon", "longitude"))
    if lat is None or lon is None:
        lat = lon = None
    gid = gaz.get("geonameid") if gaz is not None else _child_text(element, "geonamesID", "geonameid")
    return GoldToponym(
        start=start, end=end, phrase=phrase, lat=lat, lon=lon, gazetteer_id=gid,
        feature_class=_child_text(holder, "fclass"), country=_child_text(holder, "country"),
    )


def _read_xml(path: Path) -> Iterator[GoldArticle]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(str(path), f"not well-formed XML: {exc}") from exc
    for index, article in enumerate(root.iter("article")):
        text_el = article.find("text")
        if text_el is None or text_el.text is None:
            continue
        text = text_el.text
        doc_id = article.get("docid") or article.get("id") or str(index)
        source = f"{path}:{doc_id}"
        toponyms = []
        for element in list(article.iter("toponym")) + list(article.iter("location")):
            gold = _toponym(element, text, source)
            if gold is not None:
                toponyms.append(gold)
        toponyms.sort(key=lambda t: (t.start, t.end))
        yield _article(doc_id, text, toponyms, _child_text(article, "title"), source)


def _article(doc_id: str, text: str, toponyms: list[GoldToponym], title: str | None, source: str) -> GoldArticle:
    spans = tuple((t.start, t.end) for t in toponyms)
    document = Document(id=doc_id, text=text, title=title, toponyms=spans, source=source)
    return GoldArticle(document=document, toponyms=tuple(toponyms))


def _read_jsonl(path: Path) -> Iterator[GoldArticle]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
                doc_id = str(record.get("id", number))
                toponyms = []
                for item in record.get("toponyms", []):
                    start, end = int(item["start"]), int(item["end"])
                    if not 0 <= start < end <= len(text):
                        raise ValueError(f"toponym offsets ({start}, {end}) outside the text")
                    lat, lon = _float(_str(item.get("lat"))), _float(_str(item.get("lon")))
                    if lat is None or lon is None:
                        lat = lon = None
                    toponyms.append(GoldToponym(start, end, text[start:end], lat, lon,
                                                _str(item.get("geonameid") or item.get("id"))))
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(str(path), f"bad record: {exc}", line=number) from exc
            toponyms.sort(key=lambda t: (t.start, t.end))
            yield _article(doc_id, text, toponyms, record.get("title"), f"{path}:{number}")


def _str(value: object) -> str | None:
    return None if value is None else str(value)
