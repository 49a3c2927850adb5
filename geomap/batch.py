"""Batch runs of any size: documents streamed in partitions, each committed atomically, resumable, merged in order.

A run directory holds ``manifest.jsonl`` (a header with the run's settings, then one line per committed
partition), ``part-NNNNNN.geojsonl`` (the partition's place and zone features, GeoJSON Lines) and
``.state/part-NNNNNN.jsonl`` (its errors and its incidents before deduplication). A partition counts as done
only once its manifest line is written, after both files are in place, so a killed run leaves complete
partitions only and ``resume=True`` redoes nothing that was committed.

Deduplication runs once, after the merge, over every incident in document order, so partitioned, parallel and
Dask runs give exactly what one ``Geoparser.extract`` over all documents gives. That keeps the incidents (not
the places, zones or documents) of a whole run in memory at the end.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

from geomap.errors import ConfigurationError, InputError
from geomap.models import Document, Incident, Place
from geomap.parallel import ChunkResult, Executor, ParserSpec, error_record, load_object, serial_executor

log = logging.getLogger("geomap.batch")

MANIFEST = "manifest.jsonl"
INCIDENTS = "incidents.geojsonl"
FORMAT_VERSION = 1
LINES_SUFFIXES = {".jsonl", ".geojsonl", ".ndjson", ".geojsons"}


def _line(value: Any) -> str:
    """The serialisation ``geomap.export.dumps`` uses for a feature, so copied lines stay byte-identical."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def incident_record(incident: Incident) -> dict[str, Any]:
    return dataclasses.asdict(incident)


def incident_from_record(record: dict[str, Any]) -> Incident:
    """Inverse of ``incident_record`` after a JSON round trip (dates and tuples restored)."""
    fields = dict(record)
    fields["place"] = Place(**fields["place"])
    for name in ("date", "date_end"):
        fields[name] = date.fromisoformat(fields[name]) if fields.get(name) else None
    for name in ("actors", "people", "sources"):
        fields[name] = tuple(fields.get(name) or ())
    return Incident(**fields)


def _append(path: Path, line: str) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
        handle.flush()
        os.fsync(handle.fileno())


class RunDirectory:
    """The files of one batch run; see the module docstring for the layout."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.state = self.path / ".state"

    def part(self, index: int) -> Path:
        return self.path / f"part-{index:06d}.geojsonl"

    def state_file(self, index: int) -> Path:
        return self.state / f"part-{index:06d}.jsonl"

    def start(self, header: dict[str, Any], *, resume: bool) -> dict[int, dict[str, Any]]:
        """Open the run: fresh unless ``resume`` and the settings match; return the committed partitions."""
        manifest = self.path / MANIFEST
        if resume and manifest.exists():
            recorded, done = self._read_manifest(manifest)
            if recorded != header:
                raise ConfigurationError(f"{self.path}: the interrupted run used other inputs or settings; drop --resume or use another directory")
            done = {i: p for i, p in done.items() if self.part(i).exists() and self.state_file(i).exists()}
        else:
            self.clear()
            done = {}
        self.state.mkdir(parents=True, exist_ok=True)
        from geomap.export import atomic_write

        # rewritten whole, so a line cut short by a kill is gone before new lines are appended
        atomic_write(manifest, "".join(_line(entry) + "\n" for entry in [header, *(done[i] for i in sorted(done))]))
        return done

    def clear(self) -> None:
        """Remove what an earlier run left here (only files this module writes)."""
        for path in list(self.path.glob("part-*.geojsonl")) + [self.path / MANIFEST, self.path / INCIDENTS]:
            path.unlink(missing_ok=True)
        shutil.rmtree(self.state, ignore_errors=True)

    @staticmethod
    def _read_manifest(manifest: Path) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
        lines = manifest.read_text(encoding="utf-8").splitlines()
        header, done = json.loads(lines[0]), {}
        for text in lines[1:]:
            try:
                entry = json.loads(text)
            except ValueError:  # the last line of a killed run may be cut short: that partition is redone
                continue
            done[int(entry["partition"])] = entry
        return header, done

    def commit(self, result: ChunkResult) -> dict[str, Any]:
        """Write the partition's two files atomically, then record it in the manifest."""
        from geomap.export import atomic_write

        places = sum(1 for f in result.features if f["properties"]["layer"] == "places")
        atomic_write(self.part(result.index), "".join(_line(f) + "\n" for f in result.features))
        state = [_line({"errors": result.errors, "places": places})] + [_line(incident_record(i)) for i in result.incidents]
        atomic_write(self.state_file(result.index), "".join(line + "\n" for line in state))
        entry = {"partition": result.index, "documents": len(result.document_ids),
                 "first": result.document_ids[0] if result.document_ids else None,
                 "last": result.document_ids[-1] if result.document_ids else None, "errors": len(result.errors)}
        _append(self.path / MANIFEST, _line(entry))
        return entry

    def partitions(self) -> list[int]:
        _, done = self._read_manifest(self.path / MANIFEST)
        return sorted(done)

    def read_state(self, index: int) -> tuple[dict[str, Any], Iterator[Incident]]:
        handle = open(self.state_file(index), encoding="utf-8")
        header = json.loads(handle.readline())

        def incidents() -> Iterator[Incident]:
            with handle:
                for text in handle:
                    yield incident_from_record(json.loads(text))

        return header, incidents()

    def feature_lines(self, index: int, layer: str) -> Iterator[str]:
        """The raw lines of one layer of a partition (places come first, then zones)."""
        header, incidents = self.read_state(index)
        incidents.close()
        with open(self.part(index), encoding="utf-8") as handle:
            for number, text in enumerate(handle):
                if (number < header["places"]) == (layer == "places"):
                    yield text.rstrip("\n")

    def layer_counts(self) -> dict[str, int]:
        """Places and zones over every committed partition, without parsing a feature."""
        counts = {"places": 0, "zones": 0}
        for index in self.partitions():
            header, incidents = self.read_state(index)
            incidents.close()
            with open(self.part(index), encoding="utf-8") as handle:
                total = sum(1 for _ in handle)
            counts["places"] += header["places"]
            counts["zones"] += total - header["places"]
        return counts

    def errors(self) -> Iterator[dict[str, Any]]:
        for index in self.partitions():
            header, incidents = self.read_state(index)
            incidents.close()
            yield from header["errors"]

    def incidents(self, spec: ParserSpec) -> list[Incident]:
        """Every incident of the run in document order, deduplicated once (if the spec asks for it)."""
        found: list[Incident] = []
        for index in self.partitions():
            found.extend(self.read_state(index)[1])
        return load_object(spec.dedupe)(found) if spec.dedupe else found


@dataclasses.dataclass
class Chunk:
    index: int
    documents: list[Document]
    input_errors: list[dict[str, Any]]


def read_chunks(inputs: Sequence[str], *, published: date | None, size: int) -> Iterator[Chunk]:
    """Stream documents in chunks of ``size``; unreadable inputs go with the chunk that was filling."""
    from geomap.documents import read_documents

    pending: list[InputError] = []
    documents: list[Document] = []
    index = 0
    for document in read_documents(inputs, published=published, on_error=pending.append):
        documents.append(document)
        if len(documents) == size:
            yield Chunk(index, documents, [error_record(e) for e in pending])
            index, documents = index + 1, []
            pending.clear()
    if documents or pending:
        yield Chunk(index, documents, [error_record(e) for e in pending])


@dataclasses.dataclass
class Summary:
    documents: int = 0
    partitions: int = 0
    errors: int = 0
    resumed: int = 0


def run_batch(
    inputs: Sequence[str],
    spec: ParserSpec,
    run_dir: str | Path,
    *,
    executor: Executor = serial_executor,
    published: date | None = None,
    partition_size: int = 100,
    resume: bool = False,
    progress: bool = True,
) -> Summary:
    """Extract every document of ``inputs`` into ``run_dir``, partition by partition; see the module docstring."""
    from tqdm import tqdm

    run = RunDirectory(run_dir)
    header = {"geomap_batch": FORMAT_VERSION, "inputs": [str(Path(i).resolve()) if i != "-" else i for i in inputs],
              "published": published.isoformat() if published else None, "partition_size": partition_size, "spec": spec.describe()}
    done = run.start(header, resume=resume)
    summary = Summary(resumed=len(done))
    waiting: dict[int, Chunk] = {}
    bar = tqdm(unit="doc", desc="extract", file=sys.stderr, disable=not (progress and sys.stderr.isatty()), dynamic_ncols=True)

    def todo() -> Iterator[tuple[int, list[Document]]]:
        for chunk in read_chunks(inputs, published=published, size=partition_size):
            entry = done.get(chunk.index)
            if entry is not None:
                _check_same(run, chunk, entry)
                summary.documents += len(chunk.documents)
                summary.errors += entry["errors"]
                bar.update(len(chunk.documents))
                continue
            waiting[chunk.index] = chunk
            yield chunk.index, chunk.documents

    with bar:
        for result in executor(spec, todo()):
            chunk = waiting.pop(result.index)
            result.errors = chunk.input_errors + result.errors
            run.commit(result)
            summary.documents += len(result.document_ids)
            summary.errors += len(result.errors)
            bar.update(len(result.document_ids))
    summary.partitions = len(run.partitions())
    return summary


def _check_same(run: RunDirectory, chunk: Chunk, entry: dict[str, Any]) -> None:
    ids = [d.id for d in chunk.documents]
    if entry["documents"] != len(ids) or entry["first"] != (ids[0] if ids else None) or entry["last"] != (ids[-1] if ids else None):
        raise ConfigurationError(f"{run.path}: partition {chunk.index} no longer matches the inputs (were they changed?); drop --resume")


def write_error_report(path: str | Path, errors: Iterable[dict[str, Any]]) -> int:
    """Errors as JSON Lines {input, line, message}, written atomically; returns how many."""
    from geomap.export import atomic_write

    lines = [_line({"input": e.get("input"), "line": e.get("line"), "message": e.get("message")}) + "\n" for e in errors]
    atomic_write(path, "".join(lines))
    return len(lines)


def error_lines(errors: Iterable[dict[str, Any]]) -> Iterator[str]:
    for e in errors:
        where = e["input"] if e.get("line") is None else f"{e['input']}:{e['line']}"
        yield f"{where}: {e['message']}"


def _split_layers(collections: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    layers: dict[str, list[dict[str, Any]]] = {"incidents": [], "places": [], "zones": []}
    for collection in collections:
        for feature in collection["features"]:
            layers[feature["properties"]["layer"]].append(feature)
    return layers


def merged_lines(run: RunDirectory, spec: ParserSpec, collections: Sequence[dict[str, Any]] = ()) -> Iterator[tuple[str, str]]:
    """(layer, serialised feature) for every output feature, in ``merge_collections`` order: read-back
    collections first within each layer, then the run's incidents (deduplicated), places and zones in document order."""
    from geomap.export import incident_feature

    extra = _split_layers(collections)
    yield from (("incidents", _line(f)) for f in extra["incidents"])
    yield from (("incidents", _line(incident_feature(i))) for i in run.incidents(spec))
    for layer in ("places", "zones"):
        yield from ((layer, _line(f)) for f in extra[layer])
        for index in run.partitions():
            yield from ((layer, text) for text in run.feature_lines(index, layer))


def write_merged(run: RunDirectory, spec: ParserSpec, output: str | Path | None, collections: Sequence[dict[str, Any]] = ()) -> dict[str, int]:
    """Write the run as one output (by extension, as ``export.write_output``; None = GeoJSON on stdout),
    streamed to a temporary sibling and renamed. Returns feature counts per layer."""
    counts = {"incidents": 0, "places": 0, "zones": 0}
    suffix = Path(output).suffix.lower() if output is not None else ".geojson"

    def emit(handle: IO[str]) -> None:
        if suffix == ".csv":
            _write_csv(handle, run, spec, collections, counts)
            return
        lines = merged_lines(run, spec, collections)
        if suffix in LINES_SUFFIXES:
            for layer, text in lines:
                handle.write(text + "\n")
                counts[layer] += 1
            return
        handle.write('{"type":"FeatureCollection","features":[')
        for number, (layer, text) in enumerate(lines):
            handle.write(("," if number else "") + text)
            counts[layer] += 1
        handle.write("]}\n")

    if output is None:
        emit(sys.stdout)
        sys.stdout.flush()
    else:
        from geomap.export import atomic_stream

        atomic_stream(Path(output), emit)
    return counts


def _write_csv(handle: IO[str], run: RunDirectory, spec: ParserSpec, collections: Sequence[dict[str, Any]], counts: dict[str, int]) -> None:
    import csv

    from geomap.export import ACLED_COLUMNS, acled_rows, incident_feature

    extra = _split_layers(collections)
    incidents = extra["incidents"] + [incident_feature(i) for i in run.incidents(spec)]
    counts.update(run.layer_counts(), incidents=len(incidents))
    counts["places"] += len(extra["places"])
    counts["zones"] += len(extra["zones"])
    writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(acled_rows({"features": incidents}))


def finish_directory(run: RunDirectory, spec: ParserSpec) -> dict[str, int]:
    """For ``--output-dir``: the deduplicated incidents of the whole run go to ``incidents.geojsonl``."""
    from geomap.export import atomic_stream, incident_feature

    incidents = run.incidents(spec)
    atomic_stream(run.path / INCIDENTS, lambda h: h.writelines(_line(incident_feature(i)) + "\n" for i in incidents))
    return {**run.layer_counts(), "incidents": len(incidents)}


def read_features(path: str | Path) -> Iterator[dict[str, Any]]:
    """Stream the features of a geomap output: a run directory (incidents, then each partition),
    GeoJSON Lines, or a GeoJSON FeatureCollection (read whole)."""
    path = Path(path)
    if path.is_dir():
        files = [path / INCIDENTS] if (path / INCIDENTS).exists() else []
        files += sorted(path.glob("part-*.geojsonl"))
        if not files:
            raise InputError(str(path), "no geomap output here (expected incidents.geojsonl or part-*.geojsonl)")
        for file in files:
            yield from read_features(file)
    elif path.suffix.lower() in LINES_SUFFIXES:
        try:
            handle = open(path, encoding="utf-8")
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
        with handle:
            for number, text in enumerate(handle, start=1):
                if not text.strip():
                    continue
                try:
                    feature = json.loads(text)
                except ValueError:
                    raise InputError(str(path), "not a GeoJSON feature (malformed JSON)", number) from None
                if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict) or feature["properties"].get("layer") not in ("incidents", "places", "zones"):
                    raise InputError(str(path), "not a geomap feature (properties.layer missing)", number)
                yield feature
    else:
        from geomap.export import read_collection

        yield from read_collection(path)["features"]
