"""Bad inputs, one by one and in a batch: each is named on one line, the good documents still come through.

Reader-level cases run without any model; the batch cases drive ``geomap extract``/``geomap map`` with
``--model none`` (gazetteer matcher only).
"""
from __future__ import annotations

import gzip
import json
import logging
import tracemalloc
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from geomap import documents
from geomap.documents import MAX_DOCUMENT_CHARS, read_documents

GOOD_TEXT = "Russian shelling hit Kharkiv and Odesa on Monday, officials in Kyiv said."


def collect(paths, **kwargs):
    errors = []
    docs = list(read_documents(paths, on_error=errors.append, **kwargs))
    return docs, [str(e) for e in errors]


def cli(args, **kwargs):
    from geomap.cli import cli as group

    return CliRunner().invoke(group, [str(a) for a in args], **kwargs)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("geomap: error:")]


def assert_clean(result) -> None:
    """No traceback and no multi-line error block on stderr; the exception was handled."""
    assert "Traceback" not in result.stderr
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)


# -- reader level: no model -------------------------------------------------------------------------------------


def test_invalid_utf8_in_text_file_is_replaced_with_a_warning_naming_the_file(tmp_path, caplog):
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Shelling near Dnipro, caf\xe9 hit.")
    with caplog.at_level(logging.WARNING, logger="geomap"):
        docs, errors = collect([path])
    assert errors == []
    assert docs[0].text == "Shelling near Dnipro, caf\ufffd hit."
    assert str(path) in caplog.text and "invalid UTF-8" in caplog.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_unicode_files_with_a_byte_order_mark(tmp_path, encoding):
    path = tmp_path / "ua.txt"
    text = "Обстріл Харкова: Kharkiv shelled."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    (doc,), errors = collect([path])
    assert errors == [] and doc.text == text


def test_truncated_utf16_decodes_with_a_warning_not_a_crash(tmp_path, caplog):
    path = tmp_path / "odd.txt"
    path.write_bytes("Kyiv".encode("utf-16") + b"\x41")  # odd byte count
    with caplog.at_level(logging.WARNING, logger="geomap"):
        (doc,), errors = collect([path])
    assert errors == [] and doc.text.startswith("Kyiv")
    assert str(path) in caplog.text


def test_html_page_text_without_scripts_styles_or_comments(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Strike on Odesa</title><script>var secret='SCRIPT';</script></head>"
        "<body><!-- COMMENT --><p>Drones hit <b>Odesa</b>.</p><noscript>NOSCRIPT</noscript>"
        "<svg><script>alert('SVG')</script></svg><style>p{color:red}</style></body></html>",
        encoding="utf-8",
    )
    (doc,), errors = collect([page])
    assert errors == []
    assert doc.title == "Strike on Odesa"
    assert "Drones hit" in doc.text and "Odesa" in doc.text
    for leaked in ("SCRIPT", "COMMENT", "NOSCRIPT", "SVG", "color:red"):
        assert leaked not in doc.text


def _write_big(path: Path, size: int, prefix: bytes = b"", suffix: bytes = b"") -> None:
    chunk = b"Shelling hit Kharkiv again. " * 4096
    with open(path, "wb") as handle:
        handle.write(prefix)
        written = 0
        while written < size:
            handle.write(chunk)
            written += len(chunk)
        handle.write(suffix)


def test_50mb_text_document_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "dump.txt"
    _write_big(big, 50_000_000)
    small = tmp_path / "small.txt"
    small.write_text(GOOD_TEXT)
    tracemalloc.start()
    try:
        docs, errors = collect([big, small])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.id for d in docs] == ["small"]
    assert len(errors) == 1 and str(big) in errors[0] and "too large" in errors[0] and "split" in errors[0]
    assert peak < 5_000_000, f"peak {peak / 1e6:.1f} MB: the big file was read"


def test_html_whose_text_exceeds_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCUMENT_CHARS", 1000)
    page = tmp_path / "long.html"
    page.write_text("<p>" + "Kyiv " * 400 + "</p>")
    docs, errors = collect([page])
    assert docs == [] and "too large" in errors[0] and str(page) in errors[0]


def test_50mb_jsonl_line_is_skipped_and_the_next_record_read(tmp_path):
    feed = tmp_path / "feed.jsonl"
    _write_big(feed, 50_000_000, prefix=b'{"id": "huge", "text": "', suffix=b'"}\n' + json.dumps({"id": "ok", "text": GOOD_TEXT}).encode() + b"\n")
    docs, errors = collect([feed])
    assert [d.id for d in docs] == ["ok"]
    assert len(errors) == 1 and f"{feed}:1:" in errors[0] and "too large" in errors[0]


def test_document_under_the_byte_limit_but_over_the_character_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCUMENT_CHARS", 100)
    path = tmp_path / "x.txt"
    path.write_text("Kyiv " * 30)
    docs, errors = collect([path])
    assert docs == [] and "too large" in errors[0]


def test_malformed_jsonl_lines_each_named_with_their_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD_TEXT}),
        "{not json",
        "[1, 2, 3]",
        "42",
        json.dumps({"id": "notext"}),
        json.dumps({"id": "numtext", "text": 12}),
        "[" * 100_000 + "]" * 100_000,
        json.dumps({"id": "baddate", "text": "Kyiv.", "published": "2025-13-01"}),
        json.dumps({"id": "badspan", "text": "Kyiv.", "toponyms": [{"start": "x"}]}),
        json.dumps({"id": "b", "text": GOOD_TEXT, "published": "2025-04-25"}),
    ]
    feed.write_text("\n".join(lines) + "\n")
    docs, errors = collect([feed])
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[1].published == date(2025, 4, 25)
    assert len(errors) == 8
    for number, error in zip((2, 3, 4, 5, 6, 7, 8, 9), errors):
        assert error.startswith(f"{feed}:{number}: "), error
        assert "\n" not in error
    assert "malformed JSON" in errors[0] and "expected a JSON object" in errors[1]
    assert "no text" in errors[3] and "no text" in errors[4]
    assert "invalid published date" in errors[6]


def test_invalid_utf8_and_lone_surrogates_in_jsonl(tmp_path, caplog):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(
        b'{"id": "a", "text": "Shelling near Dnipro caf\xe9"}\n'
        b'{"id": "b", "text": "Strike \\ud800 in Kyiv", "title": "\\udfff"}\n'
    )
    with caplog.at_level(logging.WARNING, logger="geomap"):
        docs, errors = collect([feed])
    assert errors == []
    assert f"{feed}:1" in caplog.text and "invalid UTF-8" in caplog.text
    assert docs[0].text.endswith("caf\ufffd")
    assert docs[1].text == "Strike \ufffd in Kyiv" and docs[1].title == "\ufffd"
    for doc in docs:  # every field can be written out as UTF-8
        for value in (doc.id, doc.text, doc.title or ""):
            value.encode("utf-8")


def test_truncated_gzip_feed_is_one_error_and_keeps_earlier_records(tmp_path):
    feed = tmp_path / "feed.jsonl.gz"
    payload = gzip.compress(("\n".join(json.dumps({"id": f"r{i}", "text": GOOD_TEXT * 20}) for i in range(200)) + "\n").encode())
    feed.write_bytes(payload[: len(payload) // 2])
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    docs, errors = collect([feed, good])
    assert docs[-1].id == "good" and len(docs) > 1
    assert len(errors) == 1 and str(feed) in errors[0] and "corrupt" in errors[0]


def test_csv_broken_field_is_one_error_naming_the_line(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_LINE_BYTES", 200)
    path = tmp_path / "rows.csv"
    path.write_text("id,text\nr1,Shelling in Kharkiv.\nr2," + "x" * 500 + "\n")
    docs, errors = collect([path])
    assert [d.id for d in docs] == ["r1"]
    assert len(errors) == 1 and errors[0].startswith(f"{path}:3: ") and "malformed CSV" in errors[0]


def test_csv_invalid_utf8_is_replaced_with_a_warning_naming_the_row(tmp_path, caplog):
    path = tmp_path / "rows.csv"
    path.write_bytes(b"id,text\nr1,Protest in Lagos caf\xe9\n")
    with caplog.at_level(logging.WARNING, logger="geomap"):
        (doc,), errors = collect([path])
    assert errors == [] and doc.text == "Protest in Lagos caf\ufffd"
    assert f"{path}:2" in caplog.text


def test_invalid_date_in_sidecar_names_the_meta_file(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_TEXT)
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2025-02-30"}))
    (tmp_path / "b.txt").write_text(GOOD_TEXT)
    (tmp_path / "b.meta.json").write_text("{broken")
    (tmp_path / "c.txt").write_text(GOOD_TEXT)
    (tmp_path / "c.meta.json").write_text(json.dumps({"title": ["not", "a", "string"], "published": "2025-04-25"}))
    docs, errors = collect([tmp_path])
    assert [d.id for d in docs] == ["c"] and docs[0].published == date(2025, 4, 25)
    assert isinstance(docs[0].title, str)
    assert len(errors) == 2
    assert str(tmp_path / "a.meta.json") in errors[0] and "invalid published date" in errors[0]
    assert str(tmp_path / "b.meta.json") in errors[1]


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "0202-04-25"])
def test_implausible_published_dates_are_refused(tmp_path, value):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": GOOD_TEXT, "published": value}) + "\n")
    docs, errors = collect([feed])
    assert docs == [] and errors[0].startswith(f"{feed}:1: invalid published date") and "between" in errors[0]
    result = cli(["extract", feed, "--model", "none", "--published", value])
    assert result.exit_code == 2 and "--published" in result.stderr and "between" in result.stderr


def test_non_http_urls_are_dropped_with_a_warning(tmp_path, caplog):
    feed = tmp_path / "feed.jsonl"
    urls = ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
            "http://[::1", "https://example.org/a?b=<c>", "http:\n//x"]
    feed.write_text("".join(json.dumps({"id": f"u{i}", "text": GOOD_TEXT, "url": u}) + "\n" for i, u in enumerate(urls)))
    with caplog.at_level(logging.WARNING, logger="geomap"):
        docs, errors = collect([feed])
    assert errors == []
    assert [d.url for d in docs] == [None, None, None, None, None, "https://example.org/a?b=<c>", None]
    assert sum("only http and https" in r.getMessage() for r in caplog.records) == 6


def test_repeated_ids_are_made_unique(tmp_path, caplog):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(GOOD_TEXT)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "text": "Kyiv."}) + "\n" + json.dumps({"id": "a", "text": "Lviv."}) + "\n")
    with caplog.at_level(logging.WARNING, logger="geomap"):
        docs, errors = collect([tmp_path])
    ids = [d.id for d in docs]
    assert len(ids) == len(set(ids)) == 4 and ids[0] == "a"
    assert "already used" in caplog.text


def test_stdin_over_the_limit_is_refused(monkeypatch):
    import io

    monkeypatch.setattr(documents, "MAX_DOCUMENT_CHARS", 50)
    monkeypatch.setattr("sys.stdin", io.StringIO("Kyiv " * 100))
    docs, errors = collect(["-"])
    assert docs == [] and errors[0].startswith("stdin: ") and "too large" in errors[0]


# -- the CLI over a batch: --model none -------------------------------------------------------------------------


@pytest.fixture()
def bad_batch(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (batch / "empty.txt").write_text("  \n")
    (batch / "blob.txt").write_bytes(b"\x00\x01\x02\x03binary")
    (batch / "latin1.txt").write_bytes(b"Shelling near Kharkiv, caf\xe9.")
    (batch / "utf16.txt").write_bytes("Drone attack on Odesa.".encode("utf-16"))
    (batch / "page.html").write_text("<html><head><title>T</title><script>x()</script></head><body><p>Explosions in Kherson.</p></body></html>")
    (batch / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Protest in Lviv.", "published": "2025-04-01"}) + "\n"
        "{oops\n"
        + json.dumps({"id": "j3"}) + "\n"
        + json.dumps({"id": "j4", "text": "Kyiv.", "published": "not a date"}) + "\n"
    )
    (batch / "dated.txt").write_text(GOOD_TEXT)
    (batch / "dated.meta.json").write_text(json.dumps({"published": "2025-13-01"}))
    return batch


def test_batch_with_bad_inputs_exits_1_and_keeps_the_good_ones(bad_batch, tmp_path):
    out = tmp_path / "out.geojson"
    result = cli(["extract", bad_batch, "--model", "none", "-o", out])
    assert_clean(result)
    assert result.exit_code == 1, result.stderr
    errors = error_lines(result)
    expected = {
        "empty.txt": "empty document",
        "blob.txt": "binary",
        "feed.jsonl:2:": "malformed JSON",
        "feed.jsonl:3:": "no text",
        "feed.jsonl:4:": "invalid published date",
        "dated.meta.json": "invalid published date",
    }
    assert len(errors) == len(expected), result.stderr
    for name, what in expected.items():
        assert any(name in line and what in line for line in errors), (name, result.stderr)
    assert "latin1.txt" in result.stderr and "invalid UTF-8" in result.stderr  # a warning, not an error
    collection = json.loads(out.read_text(encoding="utf-8"))
    docs = {f["properties"]["doc"] for f in collection["features"]}
    assert {"good", "latin1", "utf16", "page", "j1"} <= docs
    assert not docs & {"empty", "blob", "dated"}


def test_missing_path_is_named_and_the_rest_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    out = tmp_path / "out.geojson"
    result = cli(["extract", tmp_path / "nope.txt", good, "--model", "none", "-o", out])
    assert_clean(result)
    assert result.exit_code == 1
    assert error_lines(result) == [f"geomap: error: {tmp_path / 'nope.txt'}: no such file or directory"]
    assert any(f["properties"]["doc"] == "good" for f in json.loads(out.read_text())["features"])


def test_invalid_published_option_is_a_usage_error(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    result = cli(["extract", good, "--model", "none", "--published", "2025-13-01"])
    assert result.exit_code == 2
    assert "--published" in result.stderr and "2025-13-01" in result.stderr
    assert_clean(result)


@pytest.mark.parametrize("args", [["extract", "x.txt", "--no-such-option"], ["map", "x.txt", "--zone-width-km", "-5"],
                                  ["extract"], ["no-such-command"], ["extract", "x.txt", "--model"]])
def test_usage_errors_exit_2(args):
    result = cli(args)
    assert result.exit_code == 2, (args, result.stderr)
    assert "Usage:" in result.stderr or "Error:" in result.stderr
    assert_clean(result)


# -- malformed user zone files with `geomap map --zones` ---------------------------------------------------------


def _zone(coordinates) -> str:
    return json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Buffer", "status": "declared"},
         "geometry": {"type": "Polygon", "coordinates": coordinates}}]})


ZONE_FILES = {
    "not_json": "this is not JSON {",
    "unclosed": _zone([[[30.0, 50.0], [31.0, 50.0], [31.0, 51.0], [30.0, 51.0]]]),
    "bowtie": _zone([[[30.0, 50.0], [31.0, 51.0], [31.0, 50.0], [30.0, 51.0], [30.0, 50.0]]]),
    # Texas written [lat, lon]: "lat" -97.7 cannot be a latitude
    "swapped": _zone([[[30.2, -97.7], [30.4, -97.7], [30.4, -97.5], [30.2, -97.5], [30.2, -97.7]]]),
    "not_geojson": json.dumps({"hello": "world"}),
}


@pytest.mark.parametrize("kind", sorted(ZONE_FILES))
def test_malformed_zone_file_is_named_and_the_map_still_drawn(tmp_path, kind):
    zone = tmp_path / f"{kind}.geojson"
    zone.write_text(ZONE_FILES[kind])
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    out, layers = tmp_path / "map.html", tmp_path / "layers.geojson"
    result = cli(["map", good, "--zones", zone, "--model", "none", "--tiles", "none", "-o", out, "--geojson", layers])
    assert_clean(result)
    named = [line for line in result.stderr.splitlines() if str(zone) in line]
    assert named, f"no line names {zone}: {result.stderr}"
    assert len(named) == 1 and "Traceback" not in result.stderr
    if kind == "swapped":
        assert "lat" in named[0].lower() and "lon" in named[0].lower(), named[0]
    if kind in ("not_json", "swapped", "not_geojson"):
        assert result.exit_code == 1 and named[0].startswith("geomap: error:"), result.stderr
    else:  # repaired (closed / made valid) with a warning, or refused as an error
        assert result.exit_code in (0, 1), result.stderr
    assert out.exists() and out.stat().st_size > 0
    collection = json.loads(layers.read_text())
    assert any(f["properties"]["doc"] == "good" for f in collection["features"] if f["properties"]["layer"] == "places")
    from shapely.geometry import shape

    for feature in collection["features"]:
        if feature["properties"]["layer"] == "zones":
            assert shape(feature["geometry"]).is_valid, feature
            geometry = feature["geometry"]
            polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            for ring in (ring for polygon in polygons for ring in polygon):
                assert len(ring) >= 4 and ring[0] == ring[-1], ring


# -- documents the pipeline itself trips over --------------------------------------------------------------------


def test_a_pipeline_crash_on_one_document_loses_only_that_document(tmp_path, monkeypatch):
    from geomap.pipeline import Geoparser

    real = Geoparser.extract

    def fragile(self, documents, **kwargs):
        documents = list(documents)
        if any(d.id == "poison" for d in documents):
            raise RuntimeError("pipeline bug")
        return real(self, documents, **kwargs)

    monkeypatch.setattr(Geoparser, "extract", fragile)
    (tmp_path / "good.txt").write_text(GOOD_TEXT)
    (tmp_path / "poison.txt").write_text(GOOD_TEXT)
    layers = tmp_path / "layers.geojson"
    result = cli(["map", tmp_path, "--model", "none", "--tiles", "none", "-o", tmp_path / "m.html", "--geojson", layers])
    assert_clean(result)
    assert result.exit_code == 1
    assert error_lines(result) == [f"geomap: error: {tmp_path / 'poison.txt'}: internal error (RuntimeError: pipeline bug)"]
    assert {f["properties"]["doc"] for f in json.loads(layers.read_text())["features"]} == {"good"}


def test_long_document_is_parsed_in_parts(tmp_path):
    from geomap.pipeline import PART_CHARS

    long = tmp_path / "long.txt"
    filler = "Nothing happened here today. " * (PART_CHARS // 20)
    long.write_text(filler + GOOD_TEXT)
    layers = tmp_path / "layers.geojson"
    result = cli(["map", long, "--model", "none", "--tiles", "none", "-o", tmp_path / "m.html", "--geojson", layers])
    assert result.exit_code == 0, result.stderr
    text = long.read_text()
    places = [f["properties"] for f in json.loads(layers.read_text())["features"] if f["properties"]["layer"] == "places"]
    assert {p["mention"] for p in places} >= {"Kharkiv", "Odesa", "Kyiv"}
    for p in places:
        assert p["start"] > PART_CHARS and text[p["start"]: p["end"]] == p["mention"]


def test_record_id_that_looks_like_a_part_marker(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "x#part@abc", "text": GOOD_TEXT}) + "\n" + json.dumps({"id": "y#part@7", "text": GOOD_TEXT}) + "\n")
    layers = tmp_path / "layers.geojson"
    result = cli(["map", feed, "--model", "none", "--tiles", "none", "-o", tmp_path / "m.html", "--geojson", layers])
    assert result.exit_code == 0, result.stderr
    places = [f["properties"] for f in json.loads(layers.read_text())["features"]]
    assert {p["doc"] for p in places} == {"x#part@abc", "y#part@7"}
    for p in places:
        assert GOOD_TEXT[p["start"]: p["end"]] == p["mention"]


def test_endless_device_is_refused_with_bounded_memory(monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCUMENT_CHARS", 1000)
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 4000)
    docs, errors = collect(["/dev/zero"])
    assert docs == [] and len(errors) == 1 and errors[0].startswith("/dev/zero: document too large")


def test_process_substitution_pipe_is_read(tmp_path):
    import os
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(GOOD_TEXT))
    writer.start()
    (doc,), errors = collect([fifo])
    writer.join()
    assert errors == [] and doc.text == GOOD_TEXT
