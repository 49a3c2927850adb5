"""Local worker processes: same bytes as one process, each worker builds its extractor once, order kept."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from geomap.batch import RunDirectory, run_batch, write_merged
from geomap.errors import InputError
from geomap.models import Document
from geomap.parallel import ParserSpec, error_record, ordered_window, process_executor, run_chunk
from test_batch import FAKE, FAKE_DEDUPE, write_corpus


def spec(**options) -> ParserSpec:
    return ParserSpec.from_options(options, factory=FAKE, dedupe=FAKE_DEDUPE)


def merged(tmp_path: Path, name: str, feed: Path, executor=None, **options) -> bytes:
    run = RunDirectory(tmp_path / name)
    kwargs = {"executor": executor} if executor else {}
    run_batch([str(feed)], spec(**options), run.path, partition_size=3, progress=False, **kwargs)
    out = tmp_path / f"{name}.geojson"
    write_merged(run, spec(**options), out)
    return out.read_bytes()


def test_two_workers_give_the_single_worker_bytes_and_load_once_each(tmp_path):
    feed = write_corpus(tmp_path, 40, bad_lines=True)
    one = merged(tmp_path, "one", feed)
    log = tmp_path / "loads.txt"
    two = merged(tmp_path, "two", feed, process_executor(2), load_log=str(log))
    assert two == one
    pids = log.read_text().split()
    assert 1 <= len(pids) <= 2 and len(set(pids)) == len(pids)  # 14 chunks, at most one load per worker


def test_results_come_back_in_submission_order():
    delays = [0.2, 0.0, 0.1, 0.0, 0.05]
    with ThreadPoolExecutor(max_workers=3) as pool:
        def submit(index, documents):
            return pool.submit(lambda: (time.sleep(delays[index]), index)[1])

        got = list(ordered_window(submit, ((i, []) for i in range(len(delays))), window=3))
    assert got == [0, 1, 2, 3, 4]


def test_window_bounds_read_ahead():
    pulled: list[int] = []

    def chunks():
        for i in range(10):
            pulled.append(i)
            yield i, []

    class Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    results = ordered_window(lambda i, d: Done(i), chunks(), window=2)
    assert next(results) == 0 and len(pulled) == 2


def test_a_document_that_breaks_the_chunk_is_isolated():
    docs = [Document("d1", "Kyiv came under attack.", source="feed.jsonl:1"),
            Document("d2", "This goes BOOM in Lviv.", source="feed.jsonl:2"),
            Document("d3", "Odesa is calm.", source="feed.jsonl:3")]
    result = run_chunk(spec(), 0, docs)
    assert result.document_ids == ["d1", "d2", "d3"]
    assert {f["properties"]["doc"] for f in result.features} == {"d1", "d3"}
    assert len(result.incidents) == 1
    assert result.errors == [{"input": "feed.jsonl", "line": 2, "message": "internal error: RuntimeError: fake extractor bug"}]


@pytest.mark.parametrize("error, expected", [
    (InputError("a.jsonl", "malformed JSON", 4), {"input": "a.jsonl", "line": 4, "message": "malformed JSON"}),
    (InputError("dir/x.txt", "empty document (no text)"), {"input": "dir/x.txt", "line": None, "message": "empty document (no text)"}),
    ("feed.csv:12: no place", {"input": "feed.csv", "line": 12, "message": "no place"}),
])
def test_error_records(error, expected):
    assert error_record(error) == expected


def test_spec_is_stable_and_picklable():
    import pickle

    a = ParserSpec.from_options({"model": "auto", "gazetteer_path": Path("/x/g.sqlite"), "country_bias": None})
    b = ParserSpec.from_options({"gazetteer_path": Path("/x/g.sqlite"), "model": "auto"})
    assert a == b and hash(a) == hash(b) and pickle.loads(pickle.dumps(a)) == a
    assert ParserSpec.from_options({"deduplicate": False}).dedupe is None


@pytest.mark.e2e
def test_e2e_two_worker_processes_match_one(tmp_path):
    from test_batch import e2e_feed, run_cli

    feed = e2e_feed(tmp_path)
    one, two = tmp_path / "one.geojson", tmp_path / "two.geojson"
    assert run_cli(feed, "-o", one, "-q", "--partition-size", "3").returncode == 0
    result = run_cli(feed, "-o", two, "-q", "--partition-size", "3", "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert two.read_bytes() == one.read_bytes() and b'"layer":"incidents"' in one.read_bytes()
