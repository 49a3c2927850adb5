"""The gazetteer store under damage: corrupt, truncated, outdated, built twice at once, killed mid-build.

Each case ends in a usable store or in one line that names the file and the fix; never a traceback, never a
half-built file at the store's path. Builds take tens of seconds, so those cases are marked slow.
"""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIX = "geomap gazetteer build"
GOOD_TEXT = "Russian shelling hit Kharkiv and Odesa on Monday, officials in Kyiv said."


def geomap(*args, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geomap", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)


def assert_usable(path: Path) -> None:
    from geomap.geocoding.store import open_store, store_problem

    assert store_problem(path) is None
    store = open_store(path, build=False)
    try:
        assert any(c.place.country_code == "UA" for c in store.candidates("Kyiv"))
    finally:
        store.close()


def assert_one_error_naming(result: subprocess.CompletedProcess, path: Path) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("geomap: error:")]
    assert len(errors) == 1, result.stderr
    assert str(path) in errors[0] and FIX in errors[0], errors[0]


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> Path:
    """A copy of the default store (built on first use), to damage."""
    from geomap.geocoding.store import open_store

    source = open_store().path
    copy = tmp_path_factory.mktemp("gaz") / "good.sqlite"
    shutil.copyfile(source, copy)
    return copy


def test_garbage_store_is_one_line_naming_the_fix(tmp_path):
    bad = tmp_path / "garbage.sqlite"
    bad.write_bytes(os.urandom(64 * 1024))
    assert_one_error_naming(geomap("gazetteer", "info", "--gazetteer", bad), bad)


def test_truncated_store_is_one_line_naming_the_fix(tmp_path, good_store):
    bad = tmp_path / "truncated.sqlite"
    data = good_store.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    assert_one_error_naming(geomap("gazetteer", "info", "--gazetteer", bad), bad)


def test_store_with_pages_zeroed_is_not_used_silently(tmp_path, good_store):
    """Damage in the middle (header intact): opening must not pass for healthy and then fail per document."""
    bad = tmp_path / "holed.sqlite"
    data = bytearray(good_store.read_bytes())
    middle = len(data) // 2
    data[middle: middle + 4 * 1024 * 1024] = b"\xff" * (4 * 1024 * 1024)
    bad.write_bytes(bytes(data))
    result = geomap("gazetteer", "info", "--gazetteer", bad)
    assert "Traceback" not in result.stderr
    if result.returncode != 0:
        assert_one_error_naming(result, bad)


def test_empty_and_foreign_sqlite_files_are_refused(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    for path in (empty, foreign):
        assert_one_error_naming(geomap("gazetteer", "info", "--gazetteer", path), path)


def test_outdated_schema_is_named(tmp_path):
    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        conn.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    conn.close()
    result = geomap("gazetteer", "info", "--gazetteer", old)
    assert_one_error_naming(result, old)
    assert "schema" in result.stderr


@pytest.mark.slow
def test_corrupt_store_is_rebuilt_on_use_with_a_warning(tmp_path):
    bad = tmp_path / "store.sqlite"
    bad.write_bytes(b"\x13garbage" * 4096)
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    result = geomap("extract", good, "--model", "none", "--gazetteer", bad, "-o", tmp_path / "o.geojson")
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        assert any(str(bad) in line and "build" in line for line in result.stderr.splitlines())
        assert_usable(bad)
    else:
        assert_one_error_naming(result, bad)


@pytest.mark.slow
def test_two_concurrent_builds_both_succeed_and_leave_a_valid_store(tmp_path):
    target = tmp_path / "store.sqlite"
    args = [sys.executable, "-m", "geomap", "gazetteer", "build", "--path", str(target)]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(2)]
    outputs = [p.communicate(timeout=900) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert_usable(target)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in {"store.sqlite", "store.sqlite.lock"}]
    assert leftovers == [], leftovers


@pytest.mark.slow
def test_build_killed_mid_way_keeps_the_previous_store(tmp_path, good_store):
    target = tmp_path / "store.sqlite"
    shutil.copyfile(good_store, target)
    before = target.read_bytes()
    proc = subprocess.Popen([sys.executable, "-m", "geomap", "gazetteer", "build", "--force", "--path", str(target)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None and not list(tmp_path.glob("store.sqlite.*.tmp*")):
            time.sleep(0.05)
        time.sleep(1.0)  # well into writing the new store
        assert proc.poll() is None, "the build finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert target.read_bytes() == before
    assert_usable(target)


def test_store_damaged_under_its_index_stops_a_map_run_with_one_line(tmp_path, good_store):
    """Damage that opening does not see surfaces during parsing: one line naming the fix, not one per document."""
    bad = tmp_path / "damaged.sqlite"
    data = bytearray(good_store.read_bytes())
    block = 256 * 1024
    for start in range(len(data) // 20, len(data), 2 * block):
        data[start: start + block] = b"\xff" * block
    bad.write_bytes(bytes(data))
    articles = []
    for number in range(3):
        article = tmp_path / f"a{number}.txt"
        article.write_text(f"Shelling hit Kharkiv, Odesa, Lviv, Dnipro, Kherson and Kyiv; Lagos and Khartoum too ({number}).")
        articles.append(article)
    out = tmp_path / "map.html"
    out.write_text("previous")
    result = geomap("map", *articles, "--gazetteer", bad, "--model", "none", "--tiles", "none", "-o", out)
    assert_one_error_naming(result, bad)
    assert out.read_text() == "previous"
