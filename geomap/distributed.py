"""Run the extraction on a Dask distributed cluster: chunks go out as tasks, results come back in order.

Each worker process builds its extractor once: a worker plugin loads it when the worker joins, and the
per-process cache in ``geomap.parallel`` keeps it for every later chunk. Writing and merging stay on the
client (``geomap.batch``), so a Dask run produces the same bytes as a local one.
"""
from __future__ import annotations

import hashlib
import json
import logging
import uuid
from typing import Iterator

from distributed import Client
from distributed.diagnostics.plugin import WorkerPlugin

from geomap.errors import ConfigurationError
from geomap.parallel import Chunks, ChunkResult, Executor, ParserSpec, ordered_window, parser_for, run_chunk

log = logging.getLogger("geomap.distributed")


class LoadParser(WorkerPlugin):
    """Worker plugin: load the model and gazetteer as soon as a worker starts (and on workers added later)."""

    def __init__(self, spec: ParserSpec):
        self.spec = spec
        self.name = "geomap-parser-" + hashlib.sha1(json.dumps(spec.describe(), sort_keys=True).encode()).hexdigest()[:12]

    def setup(self, worker) -> None:  # called by distributed in each worker process
        parser_for(self.spec)


def dask_executor(address: str, *, window: int | None = None, timeout: float = 30) -> Executor:
    """Extract on the cluster whose scheduler listens at ``address`` (e.g. tcp://10.0.0.5:8786)."""

    def execute(spec: ParserSpec, chunks: Chunks) -> Iterator[ChunkResult]:
        try:
            client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ConfigurationError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        try:
            client.register_plugin(LoadParser(spec))
            threads = sum(client.nthreads().values()) or 1
            size = window or threads * 2
            log.debug("dask: %d worker threads, %d chunks in flight", threads, size)

            def submit(index: int, documents):
                return client.submit(run_chunk, spec, index, list(documents), pure=False, key=f"geomap-chunk-{index}-{uuid.uuid4().hex}")

            yield from ordered_window(submit, chunks, size)
        finally:
            client.close()

    return execute


__all__ = ("dask_executor",)
