"""Batch runs: partitions, error report, resume, merged and partitioned outputs, streaming reader.

The module also holds ``FakeParser``, a small deterministic extractor standing in for Geoparser in the
batch, parallel and Dask unit tests. Spawned workers and Dask workers import it by name (``test_batch``; the
tests directory is on their sys.path). Every capitalised word is a place; a sentence with "attack" is an
incident at its first place; "zone" adds a zone; "BOOM" raises (a bug); "FAIL" is a reported failure.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest

from geomap.models import Document, Extraction, Incident, Mention, Place, Zone

WORD = re.compile(r"\b[A-Z][a-z]+\b")


class FakeParser:
    def __init__(self, *, deduplicate: bool = True, load_log: str | None = None, **options):
        self.deduplicate = deduplicate
        self.options = options
        if load_log:  # one line per construction: lets tests check each process loads once
            with open(load_log, "a", encoding="utf-8") as handle:
                handle.write(f"{os.getpid()}\n")

    def extract(self, documents, *, errors=None) -> Extraction:
        extraction = Extraction(errors=errors if errors is not None else [])
        for document in documents:
            if "BOOM" in document.text:
                raise RuntimeError("fake extractor bug")
            if "FAIL" in document.text:
                extraction.errors.append(f"{document.source or document.id}: cannot parse this one")
                continue
            extraction.documents.append(document)
            places = []
            for match in WORD.finditer(document.text):
                place = _place(match.group())
                places.append(place)
                extraction.mentions.append(Mention(document.id, match.group(), match.start(), match.end(), "GPE", place, 0.5))
            if "attack" in document.text and places:
                extraction.incidents.append(_incident(document, places[0]))
            if "zone" in document.text and places:
                extraction.zones.append(Zone(document.id, f"zone near {places[0].name}", "proposed", "fake", 10.0,
                                             {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}))
        if self.deduplicate:
            extraction.incidents = dedupe(extraction.incidents)
        return extraction


def _place(name: str) -> Place:
    code = sum(map(ord, name))
    return Place(f"fake:{name}", name, (code % 160) - 80 + 0.123456789, (code % 340) - 170 + 0.1, "P", "PPL", "UA", population=code)


def _incident(document: Document, place: Place) -> Incident:
    return Incident(
        id=f"{document.id}-1", doc=document.id, event_type="Battles", sub_event_type="Armed clash", place=place,
        location=place.name, geo_precision=1, date=document.published, date_end=document.published,
        date_precision="day", time_precision=1, quote=document.text[:40], start=0, end=10,
        actors=("A", "B"), people=(), fatalities=1, title=document.title, sources=(document.id,),
    )


def dedupe(incidents: list[Incident]) -> list[Incident]:
    """Incidents at the same place merge; the first keeps every reporting document in ``sources``."""
    kept: dict[str, Incident] = {}
    for incident in incidents:
        first = kept.get(incident.place.gazetteer_id)
        if first is None:
            kept[incident.place.gazetteer_id] = incident
        else:
            kept[incident.place.gazetteer_id] = replace(first, sources=first.sources + incident.sources)
    return list(kept.values())


def write_corpus(directory: Path, count: int, *, bad_lines: bool = False) -> Path:
    """A JSON Lines feed of ``count`` short articles (plus a malformed line and failing records if asked)."""
    towns = ["Kherson", "Odesa", "Kyiv", "Lviv", "Dnipro", "Sumy", "Poltava"]
    lines = []
    for n in range(count):
        town = towns[n % len(towns)]
        text = f"{town} came under attack; troops moved to {towns[(n * 3) % len(towns)]} in article {n}."
        if n % 5 == 0:
            text += " A zone is proposed."
        lines.append(json.dumps({"id": f"a{n:04d}", "text": text, "published": "2025-04-25"}))
        if bad_lines and n == 3:
            lines.append("{not json")
        if bad_lines and n == 7:
            lines.append(json.dumps({"id": "failing", "text": "This one will FAIL in Kyiv."}))
        if bad_lines and n == 11:
            lines.append(json.dumps({"id": "buggy", "text": "This one goes BOOM in Lviv."}))
    path = directory / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------- the tests

from geomap.batch import RunDirectory, finish_directory, read_chunks, read_features, run_batch, write_error_report, write_merged  # noqa: E402
from geomap.documents import read_documents  # noqa: E402
from geomap.errors import ConfigurationError, InputError  # noqa: E402
from geomap.export import dumps, feature_collection, merge_collections, write_output  # noqa: E402
from geomap.parallel import ParserSpec, serial_executor  # noqa: E402

FAKE = "test_batch:FakeParser"
FAKE_DEDUPE = "test_batch:dedupe"


def fake_spec(**options) -> ParserSpec:
    return ParserSpec.from_options(dict(options), factory=FAKE, dedupe=FAKE_DEDUPE)


def reference_bytes(feed: Path, suffix: str = ".geojson", tmp: Path | None = None) -> bytes:
    """What one FakeParser.extract over every document gives, written by geomap.export."""
    errors: list = []
    documents = list(read_documents([feed], on_error=errors.append))
    extraction = FakeParser().extract(documents, errors=[])
    collection = feature_collection(extraction)
    if suffix == ".geojson":
        return dumps(collection).encode()
    target = tmp / f"reference{suffix}"
    write_output(target, collection)
    return target.read_bytes()


@pytest.fixture()
def feed(tmp_path) -> Path:
    return write_corpus(tmp_path, 23)


@pytest.mark.parametrize("suffix", [".geojson", ".geojsonl", ".csv"])
def test_partitioned_run_matches_one_extraction_byte_for_byte(tmp_path, feed, suffix):
    run = RunDirectory(tmp_path / "run")
    summary = run_batch([str(feed)], fake_spec(), run.path, partition_size=4, progress=False)
    assert (summary.documents, summary.partitions, summary.errors) == (23, 6, 0)
    out = tmp_path / f"out{suffix}"
    counts = write_merged(run, fake_spec(), out)
    assert out.read_bytes() == reference_bytes(feed, suffix, tmp_path)
    assert counts["incidents"] == 7  # seven towns: incidents in other partitions merged after the merge


def test_dedupe_runs_after_the_merge_not_per_partition(tmp_path, feed):
    run = RunDirectory(tmp_path / "run")
    run_batch([str(feed)], fake_spec(), run.path, partition_size=2, progress=False)
    incidents = run.incidents(fake_spec())
    kyiv = [i for i in incidents if i.place.name == "Kyiv"]
    assert len(kyiv) == 1 and len(kyiv[0].sources) == 3  # a0002, a0009, a0016 from three partitions
    undeduped = RunDirectory(run.path).incidents(ParserSpec(factory=FAKE, dedupe=None))
    assert len(undeduped) == 23


def test_failures_are_reported_and_the_rest_extracted(tmp_path):
    feed = write_corpus(tmp_path, 15, bad_lines=True)
    run = RunDirectory(tmp_path / "run")
    summary = run_batch([str(feed)], fake_spec(), run.path, partition_size=4, progress=False)
    assert summary.documents == 16 + 1  # 15 articles + the two failing records, the malformed line is not one
    assert summary.errors == 3
    report = tmp_path / "errors.jsonl"
    assert write_error_report(report, run.errors()) == 3
    rows = [json.loads(line) for line in report.read_text().splitlines()]
    assert {row["line"] for row in rows} == {5, 10, 15}
    assert all(row["input"] == str(feed) for row in rows)
    messages = " | ".join(row["message"] for row in rows)
    assert "malformed JSON" in messages and "cannot parse this one" in messages and "RuntimeError" in messages
    collection = json.loads(_merged_text(run, tmp_path))
    docs = {f["properties"]["doc"] for f in collection["features"] if f["properties"]["layer"] == "places"}
    assert len(docs) == 15 and "failing" not in docs and "buggy" not in docs


def _merged_text(run: RunDirectory, tmp_path: Path) -> str:
    out = tmp_path / "merged.geojson"
    write_merged(run, fake_spec(), out)
    return out.read_text()


class Interrupted(Exception):
    pass


def dying_executor(after: int):
    """Runs like the serial executor but dies (as a killed run would) once ``after`` chunks are done."""

    def execute(spec, chunks):
        for count, result in enumerate(serial_executor(spec, chunks)):
            if count == after:
                raise Interrupted()
            yield result

    return execute


def counting_executor(seen: list):
    def execute(spec, chunks):
        for index, documents in chunks:
            seen.append(index)
            yield from serial_executor(spec, [(index, documents)])

    return execute


def test_resume_redoes_only_unfinished_partitions(tmp_path, feed):
    run = RunDirectory(tmp_path / "run")
    with pytest.raises(Interrupted):
        run_batch([str(feed)], fake_spec(), run.path, executor=dying_executor(3), partition_size=4, progress=False)
    assert run.partitions() == [0, 1, 2]
    assert sorted(p.name for p in run.path.glob("part-*")) == ["part-000000.geojsonl", "part-000001.geojsonl", "part-000002.geojsonl"]
    # a kill while appending to the manifest leaves half a line: that partition is simply redone
    with open(run.path / "manifest.jsonl", "a") as handle:
        handle.write('{"partition": 3, "documents"')
    seen: list = []
    summary = run_batch([str(feed)], fake_spec(), run.path, executor=counting_executor(seen), partition_size=4, resume=True, progress=False)
    assert seen == [3, 4, 5] and summary.resumed == 3 and summary.documents == 23
    out = tmp_path / "out.geojson"
    write_merged(run, fake_spec(), out)
    assert out.read_bytes() == reference_bytes(feed)


def test_resume_refuses_other_settings_or_changed_inputs(tmp_path, feed):
    run = RunDirectory(tmp_path / "run")
    with pytest.raises(Interrupted):
        run_batch([str(feed)], fake_spec(), run.path, executor=dying_executor(2), partition_size=4, progress=False)
    with pytest.raises(ConfigurationError, match="other inputs or settings"):
        run_batch([str(feed)], fake_spec(), run.path, partition_size=5, resume=True, progress=False)
    run2 = RunDirectory(tmp_path / "run2")
    with pytest.raises(Interrupted):
        run_batch([str(feed)], fake_spec(), run2.path, executor=dying_executor(2), partition_size=4, progress=False)
    lines = feed.read_text().splitlines()
    feed.write_text("\n".join([lines[1], lines[0]] + lines[2:]) + "\n")
    with pytest.raises(ConfigurationError, match="no longer matches"):
        run_batch([str(feed)], fake_spec(), run2.path, partition_size=4, resume=True, progress=False)


def test_without_resume_a_run_starts_afresh(tmp_path, feed):
    run = RunDirectory(tmp_path / "run")
    run_batch([str(feed)], fake_spec(), run.path, partition_size=4, progress=False)
    seen: list = []
    run_batch([str(feed)], fake_spec(), run.path, executor=counting_executor(seen), partition_size=8, progress=False)
    assert seen == [0, 1, 2] and len(list(run.path.glob("part-*.geojsonl"))) == 3


def test_chunks_stream_and_carry_the_input_errors_met_while_filling(tmp_path):
    feed = write_corpus(tmp_path, 9, bad_lines=True)
    chunks = read_chunks([str(feed)], published=None, size=4)
    first = next(chunks)
    assert [d.id for d in first.documents] == ["a0000", "a0001", "a0002", "a0003"] and first.input_errors == []
    second = next(chunks)
    assert second.input_errors[0]["line"] == 5 and "malformed JSON" in second.input_errors[0]["message"]
    assert [len(c.documents) for c in chunks] == [2]


def test_output_dir_and_streaming_reader(tmp_path, feed):
    run = RunDirectory(tmp_path / "out")
    run_batch([str(feed)], fake_spec(), run.path, partition_size=10, progress=False)
    counts = finish_directory(run, fake_spec())
    features = list(read_features(run.path))
    expected = json.loads(reference_bytes(feed))["features"]
    assert counts == {layer: sum(f["properties"]["layer"] == layer for f in expected) for layer in ("incidents", "places", "zones")}
    key = lambda f: json.dumps(f, sort_keys=True)  # noqa: E731
    assert sorted(map(key, features)) == sorted(map(key, expected))
    assert [f["properties"]["layer"] for f in features][:7] == ["incidents"] * 7
    lines = tmp_path / "x.geojsonl"
    write_merged(run, fake_spec(), lines)
    assert merge_collections([{"features": list(read_features(lines))}]) == json.loads(reference_bytes(feed))


def test_reader_names_the_bad_line(tmp_path):
    bad = tmp_path / "bad.geojsonl"
    bad.write_text('{"type":"Feature","geometry":null,"properties":{"layer":"places"}}\n{oops\n')
    with pytest.raises(InputError, match=r"bad.geojsonl:2"):
        list(read_features(bad))
    with pytest.raises(InputError, match="no geomap output"):
        list(read_features(tmp_path))


# ------------------------------------------------------------------------------ the command line (no model)

def cli(*args):
    from click.testing import CliRunner

    from geomap.cli import cli as group

    return CliRunner().invoke(group, list(args))


@pytest.mark.parametrize("args, message", [
    (["x.txt", "--resume"], "--resume needs"),
    (["x.txt", "-o", "a.geojson", "--output-dir", "d"], "not both"),
    (["x.txt", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"], "--workers is for local"),
])
def test_cli_usage_errors(args, message):
    result = cli("extract", *args)
    assert result.exit_code == 2 and message in result.output


def test_cli_error_report_and_exit_code(tmp_path):
    report = tmp_path / "errors.jsonl"
    out = tmp_path / "out.geojson"
    result = cli("extract", str(tmp_path / "missing.txt"), "-o", str(out), "--errors", str(report), "-q")
    assert result.exit_code == 1, result.output
    assert json.loads(report.read_text()) == {"input": str(tmp_path / "missing.txt"), "line": None, "message": "no such file or directory"}
    assert not out.exists()  # nothing could be read: nothing written (a previous output would be kept)
    assert not (tmp_path / "out.geojson.parts").exists()


def test_cli_collections_pass_through_without_a_model(tmp_path):
    saved = tmp_path / "saved.geojson"
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.5, 50.45]}, "properties": {"layer": "places", "name": "Kyiv"}}
    saved.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    result = cli("extract", str(saved), "-o", str(tmp_path / "out.geojsonl"))
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "out.geojsonl").read_text()) == feature


# ---------------------------------------------------------------- end to end: the real model and gazetteer

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_d8929dcea89d67b8.txt"
EXTRA = [
    "Protesters gathered in Tbilisi on Monday against the foreign agents law; police used water cannon.",
    "Shelling hit Kherson overnight, the regional governor said, killing two people near the Dnipro River.",
    "The mayor of Lviv opened a new library. Nothing else happened in Lviv that week.",
    "A drone struck an oil depot in Novorossiysk, Russia, on Sunday, officials in Krasnodar Krai said.",
]


def e2e_feed(directory: Path, *, bad_line: bool = False) -> Path:
    """The seed article's paragraphs plus a few other short reports, one JSON object per line."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()] + EXTRA
    lines = [json.dumps({"id": f"p{n:02d}", "text": text, "published": "2025-04-25"}) for n, text in enumerate(paragraphs)]
    if bad_line:
        lines.insert(3, "{broken")
    path = directory / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_cli(*args, **kwargs):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "geomap", "extract", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=900, **kwargs)


@pytest.mark.e2e
def test_e2e_batch_equals_one_geoparser_call_and_reports_errors(tmp_path, geoparser):
    feed = e2e_feed(tmp_path, bad_line=True)
    out, report = tmp_path / "out.geojson", tmp_path / "errors.jsonl"
    result = run_cli(feed, "-o", out, "--partition-size", "3", "--errors", report, "-q")
    assert result.returncode == 1, result.stderr
    assert [json.loads(line) for line in report.read_text().splitlines()] == [
        {"input": str(feed), "line": 4, "message": "malformed JSON (Expecting property name enclosed in double quotes)"}]
    documents = list(read_documents([feed], on_error=lambda e: None))
    assert out.read_text() == dumps(feature_collection(geoparser.extract(documents)))
    assert not Path(str(out) + ".parts").exists()


@pytest.mark.e2e
def test_e2e_killed_run_resumes_to_the_same_bytes(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    feed = e2e_feed(tmp_path)
    full = tmp_path / "full.geojson"
    assert run_cli(feed, "-o", full, "--partition-size", "2", "-q").returncode == 0
    out = tmp_path / "out.geojson"
    manifest = Path(str(out) + ".parts") / "manifest.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "geomap", "extract", str(feed), "-o", str(out), "--partition-size", "2", "-q"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and len(manifest.read_text().splitlines()) >= 3:  # header + two partitions
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    proc.wait()
    if proc.returncode == 0:
        pytest.skip("the run finished before it could be killed")
    assert not out.exists()
    parts = sorted(p.name for p in manifest.parent.glob("part-*.geojsonl"))
    assert len(parts) >= 2 and all((manifest.parent / ".state" / p.replace(".geojsonl", ".jsonl")).exists() for p in parts)
    result = run_cli(feed, "-o", out, "--partition-size", "2", "-q", "--resume")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == full.read_bytes()


@pytest.mark.e2e
def test_e2e_output_dir_reads_back_as_the_same_features(tmp_path):
    feed = e2e_feed(tmp_path)
    single, directory = tmp_path / "one.geojson", tmp_path / "parts"
    assert run_cli(feed, "-o", single, "-q").returncode == 0
    result = run_cli(feed, "--output-dir", directory, "--partition-size", "4", "-q")
    assert result.returncode == 0, result.stderr
    key = lambda f: json.dumps(f, sort_keys=True)  # noqa: E731
    assert sorted(map(key, read_features(directory))) == sorted(map(key, json.loads(single.read_text())["features"]))


def test_csv_run_counts_every_layer(tmp_path, feed):
    run = RunDirectory(tmp_path / "run")
    run_batch([str(feed)], fake_spec(), run.path, partition_size=5, progress=False)
    counts = write_merged(run, fake_spec(), tmp_path / "out.csv")
    expected = json.loads(reference_bytes(feed))["features"]
    assert counts == {layer: sum(f["properties"]["layer"] == layer for f in expected) for layer in ("incidents", "places", "zones")}
