"""The keep model: name-free features, the packaged weights, the threshold, training and the CLI switches."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from geomap.evaluation.keep_training import Example, fit
from geomap.incidents.keep import MODEL_PATH, features, keep_likely, load_model
from geomap.models import Document, Incident, Place

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = date(2025, 5, 8)
KYIV = Place("703448", "Kyiv", 50.45, 30.52, "P", "PPLC", "UA", population=2_797_553)


def _incident(quote: str, *, fatalities=None, when=PUBLISHED, precision="day", start=0) -> Incident:
    return Incident(id="t-1", doc="t", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                    place=KYIV, location="Kyiv", geo_precision=1, date=when, date_end=when, date_precision=precision,
                    time_precision=1, quote=quote, start=start, end=start + len(quote), fatalities=fatalities,
                    confidence=0.7)


def _model(tmp_path: Path, weights: dict, threshold: float) -> str:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"weights": weights, "threshold": threshold}))
    return str(path)


def test_features_hold_no_names():
    quote = "Drones from Nasir's side hit Bryansk and Kyiv overnight, killing two, the governor said."
    names = features(_incident(quote), [], Document("t", quote, published=PUBLISHED))
    words = {n[5:] for n in names if n.startswith("word=")}  # "Drones", capitalised, goes with the names
    assert words == {"from", "side", "hit", "and", "overnight", "killing", "two", "the", "governor", "said"}
    assert not any(re.search(r"asir|ryansk|yiv", n) for n in names)


def test_the_packaged_model_is_name_free_and_beats_the_rules_out_of_sample():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    weights, threshold = load_model()
    assert 0.2 <= threshold <= 0.6 and weights == data["weights"]
    for name in weights:
        kind, _, value = name.partition("=")
        assert kind in {"word", "type", "sub", "geo", "feature_class", "placed_by", "date", "age"} or not value, name
        if kind == "word":
            assert re.fullmatch(r"[a-z][a-z'-]+", value), name
    for reading in ("background_optional", "background_required"):
        assert data["cross_validated"][reading]["f1"] > data["rules_alone"][reading]["f1"]
    assert len(data["trained_on"]) >= 90


def test_an_incident_under_the_threshold_is_dropped_and_the_rest_carry_their_probability(tmp_path):
    model = _model(tmp_path, {"bias": -1.0, "killed": 3.0}, threshold=0.5)
    text = "A drone hit Kyiv, killing two. Another drone hit Kyiv."
    deadly, other = _incident(text[:31], fatalities=2), _incident(text[32:], start=32)
    document = Document("t", text, published=PUBLISHED)
    kept = keep_likely([deadly, other], document, model=model)
    assert [i.quote for i in kept] == [deadly.quote]
    assert kept[0].confidence == pytest.approx(0.881, abs=1e-3)  # 1 / (1 + e^-2)
    assert len(keep_likely([deadly, other], document, model=model, min_confidence=0)) == 2
    assert keep_likely([deadly, other], document, model=model, min_confidence=0.9) == []


def test_fit_weighs_what_separates_kept_from_dropped():
    def example(doc, label, **values):
        return Example("set", replace(_incident("x"), doc=doc), {"bias": 1.0, **values}, label)

    train = [example(f"d{k}", 1, **{"word=killed": 1.0}) for k in range(10)]
    train += [example(f"e{k}", 0, **{"word=could": 1.0}) for k in range(10)]
    train += [example("f", 1, **{"word=rare": 1.0})]  # seen in one article only: never a feature
    weights = fit(train, l2=1.0, min_documents=5)
    assert weights["word=killed"] > 1 and weights["word=could"] < -1 and "word=rare" not in weights


def test_the_seed_keeps_its_three_incidents(geoparser, seed_path):
    from geomap.dedupe import dedupe
    from geomap.documents import read_documents

    found = dedupe(geoparser.extract(list(read_documents([seed_path], published=date(2025, 4, 25)))).incidents)
    assert sorted(i.place.name for i in found) == ["Balashikha", "Grozny", "Kyiv"]
    _, threshold = load_model()
    assert all(threshold <= i.confidence < 1 for i in found)


@pytest.mark.e2e
def test_the_rules_alone_find_at_least_what_the_model_keeps(geoparser, rules_parser):
    text = ("Russian drones struck Kharkiv overnight, killing three people, the governor said on Thursday. "
            "Officials warned that more strikes could follow. Last year, a missile hit a school in Sumy.")
    documents = [Document("t", text, published=PUBLISHED)]
    shipped = geoparser.extract(documents).incidents
    rules = rules_parser.extract(documents).incidents
    assert {(i.place.name, i.date) for i in shipped} <= {(i.place.name, i.date) for i in rules}
    assert "Kharkiv" in {i.place.name for i in shipped}


@pytest.mark.e2e
def test_eval_incidents_scores_with_and_without_the_model(tmp_path):
    devset = tmp_path / "two.jsonl"
    lines = [line for line in (ROOT / "tests/devset/incidents.jsonl").read_text(encoding="utf-8").splitlines()][:6]
    devset.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def run(*flags):
        done = subprocess.run([sys.executable, "-m", "geomap", "eval-incidents", str(devset), "--json", *flags],
                              capture_output=True, text=True, cwd=ROOT, timeout=600)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    shipped, rules, everything = run(), run("--rules-only"), run("--min-confidence", "0")
    assert shipped["tp"] + shipped["fp"] <= rules["tp"] + rules["fp"]
    assert everything["tp"] + everything["fp"] == rules["tp"] + rules["fp"]
    bad = subprocess.run([sys.executable, "-m", "geomap", "eval-incidents", str(devset), "--min-confidence", "2"],
                         capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert bad.returncode == 2 and "min-confidence" in bad.stderr


@pytest.mark.e2e
def test_training_writes_a_model_the_pipeline_loads(tmp_path, capsys):
    from geomap.evaluation.keep_training import main

    lines = (ROOT / "tests/devset/incidents.jsonl").read_text(encoding="utf-8").splitlines()
    sets = []
    for k in range(2):
        path = tmp_path / f"part{k}.jsonl"
        path.write_text("\n".join(lines[k * 6:(k + 1) * 6]) + "\n", encoding="utf-8")
        sets.append(str(path))
    out = tmp_path / "model.json"
    assert main([*sets, "--folds", "2", "--min-documents", "2", "--out", str(out)]) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["trained_on"] == ["part0.jsonl", "part1.jsonl"] and model["weights"]["bias"]
    assert set(model["cross_validated"]) == {"background_optional", "background_required"}
    report = json.loads(capsys.readouterr().out)
    assert report["threshold"] == model["threshold"]
    weights, threshold = load_model(str(out))
    assert weights == model["weights"] and threshold == model["threshold"]
