"""No half-written files: a run killed or failing mid-way leaves the previous output whole at the target path."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from geomap import export
from geomap.export import atomic_write

ROOT = Path(__file__).resolve().parents[1]
GOOD_TEXT = "Russian shelling hit Kharkiv and Odesa on Monday, officials in Kyiv said. "


def _temps(directory: Path, name: str) -> list[Path]:
    return sorted(directory.glob(f".{name}.*.tmp"))


def test_killed_while_writing_leaves_the_previous_file(tmp_path):
    """The writer is SIGKILLed after its bytes are on disk but before the rename: the target is untouched."""
    target = tmp_path / "out.geojson"
    target.write_text('{"previous": true}\n')
    script = textwrap.dedent(f"""
        import os, sys, time
        from geomap import export
        def stuck(fd):
            print("writing", flush=True)
            time.sleep(600)
        os.fsync = stuck
        export.atomic_write({str(target)!r}, "x" * 5_000_000)
        print("done", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stdout.readline().strip() == "writing", "atomic_write finished without syncing a temporary file"
        (temp,) = _temps(tmp_path, target.name)
        assert temp.stat().st_size == 5_000_000  # the new bytes exist, but only beside the target
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert target.read_text() == '{"previous": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["out.geojson"]


def test_stale_temporary_files_are_cleaned_by_the_next_write(tmp_path):
    target = tmp_path / "map.html"
    stale = tmp_path / ".map.html.abc123.tmp"
    fresh = tmp_path / ".map.html.def456.tmp"  # may belong to a run still writing
    stale.write_text("left by a killed run")
    fresh.write_text("in progress")
    old = time.time() - export.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert not stale.exists() and fresh.exists()


def test_error_while_writing_leaves_previous_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("previous")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        atomic_write(target, "new content")
    assert target.read_text() == "previous"
    assert _temps(tmp_path, target.name) == []


def test_interrupt_while_writing_leaves_previous_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "out.geojson"
    target.write_text("previous")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new")
    assert target.read_text() == "previous" and _temps(tmp_path, target.name) == []


def test_concurrent_writers_leave_one_whole_file(tmp_path):
    target = tmp_path / "out.geojson"
    payloads = [json.dumps({"writer": n, "pad": "x" * 200_000}) for n in range(8)]
    threads = [threading.Thread(target=atomic_write, args=(target, p)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_text() in payloads
    assert _temps(tmp_path, target.name) == []


def test_output_permissions_are_ordinary(tmp_path):
    target = atomic_write(tmp_path / "x.geojson", "{}")
    assert target.stat().st_mode & 0o777 == 0o644


# -- a real run killed mid-way -------------------------------------------------------------------------------


def _batch(directory: Path, count: int) -> Path:
    directory.mkdir()
    for number in range(count):
        (directory / f"a{number:04d}.txt").write_text(GOOD_TEXT * 40)
    return directory


@pytest.mark.slow
@pytest.mark.parametrize("command, name", [("extract", "out.geojson"), ("map", "map.html")])
def test_run_killed_mid_way_keeps_the_previous_output(tmp_path, command, name):
    batch = _batch(tmp_path / "batch", 400)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / name
    target.write_text("previous output\n")
    args = [sys.executable, "-m", "geomap", command, str(batch), "--model", "none", "-o", str(target)]
    if command == "map":
        args += ["--tiles", "none"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        deadline = time.monotonic() + 6.0  # long enough to be extracting, short of the 400 documents
        while time.monotonic() < deadline and proc.poll() is None and not _temps(out_dir, name):
            time.sleep(0.005)
        assert proc.poll() is None, f"the run ended before it could be killed: {proc.stderr.read().decode()[-2000:]}"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert target.read_text() == "previous output\n"
    visible = sorted(p.name for p in out_dir.iterdir() if not p.name.startswith("."))
    assert all(n == name or n.startswith(name + ".") for n in visible), visible  # e.g. the run's .parts for --resume
