"""Dask: the same extraction on a local cluster of two worker processes equals the local run byte for byte."""
from __future__ import annotations

from pathlib import Path

import pytest

from geomap.batch import RunDirectory, run_batch, write_merged
from geomap.distributed import dask_executor
from geomap.errors import ConfigurationError
from geomap.parallel import ParserSpec
from test_batch import FAKE, FAKE_DEDUPE, write_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def merged(tmp_path: Path, name: str, feed: Path, spec: ParserSpec, executor=None) -> bytes:
    run = RunDirectory(tmp_path / name)
    kwargs = {"executor": executor} if executor else {}
    run_batch([str(feed)], spec, run.path, partition_size=4, progress=False, **kwargs)
    out = tmp_path / f"{name}.geojsonl"
    write_merged(run, spec, out)
    return out.read_bytes()


def test_dask_run_equals_local_run(tmp_path, cluster):
    feed = write_corpus(tmp_path, 30, bad_lines=True)
    log = tmp_path / "loads.txt"
    spec = ParserSpec.from_options({"load_log": str(log)}, factory=FAKE, dedupe=FAKE_DEDUPE)
    local = merged(tmp_path, "local", feed, spec)
    log.unlink()
    remote = merged(tmp_path, "dask", feed, spec, dask_executor(cluster.scheduler_address))
    assert remote == local and local.count(b"\n") > 30
    pids = log.read_text().split()
    assert len(pids) == 2 and len(set(pids)) == 2  # the plugin loaded it once in each worker process


def test_unreachable_scheduler_is_a_configuration_error(tmp_path):
    feed = write_corpus(tmp_path, 2)
    spec = ParserSpec(factory=FAKE, dedupe=None)
    with pytest.raises(ConfigurationError, match="cannot reach the Dask scheduler"):
        merged(tmp_path, "x", feed, spec, dask_executor("tcp://127.0.0.1:9", timeout=2))


@pytest.mark.e2e
def test_e2e_dask_cli_equals_local_cli(tmp_path, cluster):
    from test_batch import e2e_feed, run_cli

    feed = e2e_feed(tmp_path)
    local, remote = tmp_path / "local.geojsonl", tmp_path / "dask.geojsonl"
    assert run_cli(feed, "-o", local, "-q", "--partition-size", "3").returncode == 0
    result = run_cli(feed, "-o", remote, "-q", "--partition-size", "3", "--scheduler", cluster.scheduler_address)
    assert result.returncode == 0, result.stderr
    assert remote.read_bytes() == local.read_bytes() and b'"layer":"incidents"' in local.read_bytes()
