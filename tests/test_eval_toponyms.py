"""Corpus readers, the Gritta et al. metrics, and the eval runner/command on tiny corpora."""
from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner

from geomap.errors import InputError
from geomap.evaluation.corpora import detect_format, read_corpus
from geomap.evaluation.toponyms import (
    MAX_ERROR_KM, evaluate, geotagging_scores, match_spans, resolution_scores, split_articles,
)
from geomap.nlp.pipeline import load_pipeline
from test_resolve import build_tiny_store, tiny_store  # noqa: F401

TEXT = "Police in Moscow, Idaho said Kyiv was far away."
LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="2"><title>t</title><text><![CDATA[{TEXT}]]></text><toponyms>
<toponym><start>10</start><end>16</end><phrase>Moscow</phrase><gaztag geonameid="5601538"><name>Moscow</name>
<fclass>P</fclass><fcode>PPL</fcode><lat>46.7324</lat><lon>-117.0002</lon><country>United States</country>
<admin1>Idaho</admin1></gaztag></toponym>
<toponym><start>18</start><end>23</end><phrase>Idaho</phrase><gaztag geonameid="5596512"><lat>44.5</lat>
<lon>-114.25</lon></gaztag></toponym>
<toponym><start>29</start><end>33</end><phrase>Kyiv</phrase></toponym>
</toponyms></article>
<article docid="3"><text>Nothing here.</text><toponyms/></article></articles>"""
GEOVIRUS = f"""<articles><article><source>u</source><text>{TEXT}</text><locations><location>
<name>Kyiv</name><page>p</page><start>29</start><end>33</end><lat>50.45</lat><lon>30.52</lon></location>
</locations></article></articles>"""
GEOWEBNEWS = f"""<articles><article id="7"><text>{TEXT}</text><toponyms><toponym><start>29</start><end>33</end>
<phrase>Kyiv</phrase><type>Literal</type><lat>50.45</lat><lon>30.52</lon></toponym></toponyms></article></articles>"""


@pytest.fixture
def corpora(tmp_path):
    paths = {}
    for name, body in (("lgl.xml", LGL), ("gv.xml", GEOVIRUS), ("gwn.xml", GEOWEBNEWS)):
        paths[name] = tmp_path / name
        paths[name].write_text(body, encoding="utf-8")
    record = {"id": "j1", "text": TEXT, "toponyms": [{"start": 29, "end": 33, "lat": 50.45, "lon": 30.52},
                                                     {"start": 10, "end": 16}]}
    paths["c.jsonl"] = tmp_path / "c.jsonl"
    paths["c.jsonl"].write_text(json.dumps(record) + "\n\n", encoding="utf-8")
    return paths


def test_lgl_reader(corpora):
    assert detect_format(corpora["lgl.xml"]) == "lgl"
    first, second = list(read_corpus(corpora["lgl.xml"]))
    assert first.document.id == "2" and first.document.toponyms == ((10, 16), (18, 23), (29, 33))
    assert [t.phrase for t in first.toponyms] == ["Moscow", "Idaho", "Kyiv"]
    assert first.toponyms[0].lat == pytest.approx(46.7324) and first.toponyms[0].gazetteer_id == "5601538"
    assert first.toponyms[2].lat is None  # no gaztag: geotagging only
    assert second.toponyms == () and len(list(read_corpus(corpora["lgl.xml"], limit=1))) == 1


def test_geovirus_geowebnews_and_jsonl_readers(corpora):
    assert detect_format(corpora["gv.xml"]) == "geovirus"
    assert detect_format(corpora["gwn.xml"]) == "geowebnews"
    assert detect_format(corpora["c.jsonl"]) == "jsonl"
    for name in ("gv.xml", "gwn.xml"):
        [article] = list(read_corpus(corpora[name]))
        assert [(t.start, t.end, t.phrase, t.lat) for t in article.toponyms] == [(29, 33, "Kyiv", 50.45)]
    [article] = list(read_corpus(corpora["c.jsonl"]))
    assert article.document.id == "j1" and [t.lat for t in article.toponyms] == [None, 50.45]


def test_bad_inputs_name_the_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "abc", "toponyms": [{"start": 2, "end": 9}]}\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl:1"):
        list(read_corpus(bad))
    broken = tmp_path / "broken.xml"
    broken.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(InputError):
        list(read_corpus(broken, "lgl"))


def test_resolution_scores_by_hand():
    scores = resolution_scores([0.0, 100.0, 200.0, None])
    assert scores["n"] == 4 and scores["acc161"] == 0.5 and scores["unresolved"] == 1
    assert scores["median_km"] == 150.0 and scores["mean_km"] == pytest.approx((300.0 + MAX_ERROR_KM) / 4)
    scaled = sorted(min(1.0, math.log(e + 1) / math.log(MAX_ERROR_KM)) for e in (0.0, 100.0, 200.0, MAX_ERROR_KM))
    trapezoid = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:])) / 3
    assert scores["auc"] == pytest.approx(trapezoid)
    assert resolution_scores([0.0, 0.0])["auc"] == 0.0
    assert resolution_scores([None])["auc"] == pytest.approx(1.0)


def test_geotagging_exact_and_overlap():
    scores = geotagging_scores([([(0, 5), (10, 20)], [(0, 5), (12, 20), (30, 35)])])
    assert scores["exact"]["precision"] == pytest.approx(1 / 3) and scores["exact"]["recall"] == 0.5
    assert scores["overlap"]["precision"] == pytest.approx(2 / 3) and scores["overlap"]["recall"] == 1.0
    assert match_spans([(0, 5), (10, 20)], [(0, 5), (12, 20)]) == {(0, 5): (0, 5), (10, 20): (12, 20)}


def test_split_even_odd(corpora):
    articles = list(read_corpus(corpora["lgl.xml"]))
    assert [a.document.id for a in split_articles(articles, "even")] == ["2"]
    assert [a.document.id for a in split_articles(articles, "odd")] == ["3"]


def test_evaluate_gold_and_e2e(corpora, tiny_store):  # noqa: F811
    nlp = load_pipeline(tiny_store, "none")
    report = evaluate(read_corpus(corpora["lgl.xml"]), nlp, tiny_store, mode="both")
    assert report["toponyms_with_coordinates"] == 2
    assert report["gold"]["acc161"] == 1.0 and report["gold"]["n"] == 2
    assert report["baseline"]["acc161"] == 0.5  # the most populous Moscow is in Russia
    assert report["e2e"]["geotagging"]["exact"]["recall"] > 0


def test_eval_command(corpora, tmp_path):
    from geomap.cli.eval_cmd import command

    store = build_tiny_store(tmp_path / "g.sqlite")
    args = [str(corpora["lgl.xml"]), "--gazetteer", str(store), "--model", "none"]
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 0, result.output
    assert "acc161" in result.output and "population" in result.output and "geotagging exact f1" in result.output
    result = CliRunner().invoke(command, args + ["--json", "--mode", "gold"])
    assert json.loads(result.output)["gold"]["acc161"] == 1.0
    assert CliRunner().invoke(command, args + ["--country", "XYZ"]).exit_code == 2
    result = CliRunner().invoke(command, args + ["--overhead", "--mode", "gold", "--json"])
    timing = json.loads(result.output)["timing"]
    assert timing["texts"] == 2 and timing["spacy_seconds"] >= 0 and timing["geomap_seconds"] > 0
