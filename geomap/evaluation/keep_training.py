"""Fit the keep model (``geomap.incidents.keep``) on annotated incident sets, cross-validated by whole set.

Every incident the rules propose on an annotated set is a training example: kept (1) when it matches a
required or optional gold incident of its article by the scorer's own test (type, place within 30 km, date
window), dropped (0) when it matches none. A dated background event ("last year's poisoning in Grozny") is
optional in the held-out sets but an incident the seed article asks for, so each threshold is scored both
ways, with each set scored by a model that never saw it. The threshold is half the best mean F1 over the two
readings: keeping an incident of probability p adds p to the true positives and 1 - p to the false positives,
which raises F1 exactly when p > F1 / 2. The rule moves only as slowly as F1 does, where taking the best of a
flat F1 curve jumped between retrainings (0.375 to 0.475 for three more files).

    python -m geomap.evaluation.keep_training tests/devset/*.jsonl --out geomap/incidents/keep_model.json
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import numpy as np

from geomap.dedupe import dedupe
from geomap.evaluation.incidents import Annotated, matches, read_devset, score
from geomap.incidents.keep import features, probability
from geomap.models import Incident

THRESHOLDS = tuple(round(0.15 + 0.025 * k, 3) for k in range(19))  # 0.15 … 0.60


@dataclass
class Example:
    group: str  # the annotated set it came from: the unit of cross-validation
    incident: Incident
    values: dict[str, float]
    label: int  # 1 it matches a gold incident (required or optional) of its article, 0 it matches none


def examples(paths: Sequence[str | Path], geoparser=None) -> tuple[list[Example], list[Annotated]]:
    """The rules' incidents on every set, with features and labels, and the annotated articles."""
    from geomap.pipeline import Geoparser

    parser = geoparser or Geoparser(deduplicate=False, rescore=False)
    out: list[Example] = []
    annotated: list[Annotated] = []
    for path in paths:
        items = read_devset(path)
        annotated.extend(items)
        extraction = parser.extract([item.document for item in items])
        by_doc: dict[str, list[Incident]] = {}
        for incident in extraction.incidents:
            by_doc.setdefault(incident.doc, []).append(incident)
        for item in items:
            found = by_doc.get(item.document.id, [])
            for incident in found:
                label = int(any(matches(incident, g) for g in item.gold))
                out.append(Example(Path(path).stem, incident, features(incident, found, item.document), label))
    return out, annotated


def fit(train: list[Example], *, l2: float, min_documents: int) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method over features seen in ``min_documents`` articles."""
    rows = train
    per_doc = Counter(name for _, name in {(e.incident.doc, n) for e in rows for n in e.values})
    names = sorted(n for n, c in per_doc.items() if c >= min_documents or not n.startswith("word="))
    column = {n: j for j, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, e in enumerate(rows):
        for n, v in e.values.items():
            if n in column:
                x[i, column[n]] = v
    y = np.array([e.label for e in rows], dtype=float)
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2)
    penalty[column["bias"]] = 0.0
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return {n: round(float(w[j]), 6) for n, j in column.items() if round(float(w[j]), 6) != 0.0}


def scores_at(kept: list[Incident], annotated: list[Annotated]) -> dict:
    """The scorer's figures for these incidents, deduplicated within each article as ``eval-incidents`` does."""
    by_doc: dict[str, list[Incident]] = {}
    for incident in kept:
        by_doc.setdefault(incident.doc, []).append(incident)
    result = score(annotated, [i for doc in by_doc.values() for i in dedupe(doc)])
    return {k: result[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")}


def cross_validate(data: list[Example], annotated: list[Annotated], *, folds: int, l2: float,
                   min_documents: int) -> tuple[float, dict]:
    """Each set scored by a model fitted on the other folds' sets: the threshold and the figures at it."""
    groups = sorted({e.group for e in data})
    held_out_p: dict[int, float] = {}
    for k in range(folds):
        test = set(groups[k::folds])
        weights = fit([e for e in data if e.group not in test], l2=l2, min_documents=min_documents)
        for i, e in enumerate(data):
            if e.group in test:
                held_out_p[i] = probability(e.values, weights)
    background = [Annotated(a.document, [replace(g, optional=False) for g in a.gold]) for a in annotated]
    readings = {"background_optional": annotated, "background_required": background}

    def at(threshold: float) -> dict[str, dict]:
        kept = [e.incident for i, e in enumerate(data) if held_out_p[i] >= threshold]
        return {name: scores_at(kept, gold) for name, gold in readings.items()}

    table = {t: at(t) for t in THRESHOLDS}
    mean = {t: sum(r["f1"] for r in table[t].values()) / len(readings) for t in THRESHOLDS}
    best = max(mean.values())
    threshold = round(best / 2, 3)
    table[threshold] = at(threshold)
    rules = [e.incident for e in data]
    return threshold, {"rules_alone": {name: scores_at(rules, gold) for name, gold in readings.items()},
                       "cross_validated": table[threshold],
                       "mean_f1_by_threshold": {str(t): round(mean[t], 4) for t in THRESHOLDS}}


def train(data: list[Example], annotated: list[Annotated], names: Sequence[str], *, folds: int = 8, l2: float = 10.0,
          min_documents: int = 5) -> dict:
    """The model file's content: weights fitted on every example, the cross-validated threshold and figures."""
    threshold, report = cross_validate(data, annotated, folds=folds, l2=l2, min_documents=min_documents)
    weights = fit(data, l2=l2, min_documents=min_documents)
    return {"threshold": threshold, "l2": l2, "min_documents": min_documents, "folds": folds,
            "trained_on": sorted(names), "examples": len(data), "rules_alone": report["rules_alone"],
            "cross_validated": report["cross_validated"], "mean_f1_by_threshold": report["mean_f1_by_threshold"],
            "weights": dict(sorted(weights.items()))}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geomap.evaluation.keep_training",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="+", help="annotated incident sets (JSONL, the eval-incidents format)")
    parser.add_argument("--out", help="write the model here (JSON); without it only the cross-validation is shown")
    parser.add_argument("--folds", type=int, default=8)
    parser.add_argument("--l2", type=float, default=10.0)
    parser.add_argument("--min-documents", type=int, default=5,
                        help="a word becomes a feature once seen in this many articles")
    args = parser.parse_args(argv)
    data, annotated = examples(args.sets)
    model = train(data, annotated, [Path(p).name for p in args.sets], folds=args.folds, l2=args.l2,
                  min_documents=args.min_documents)
    print(json.dumps({k: v for k, v in model.items() if k != "weights"}, indent=2))
    if args.out:
        target = Path(args.out)
        partial = target.with_suffix(".tmp")
        partial.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        partial.replace(target)
    return 0

if __name__ == "__main__":
    sys.exit(main())
