"""The annotated development set is well formed and varied, and the scorer matches one-to-one."""
from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from geomap.evaluation.incidents import GoldIncident, match_one_to_one, read_devset, score
from geomap.models import Incident, Place

DEVSET = Path(__file__).resolve().parent / "devset" / "incidents.jsonl"
EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}


@pytest.fixture(scope="module")
def devset():
    return read_devset(DEVSET)


def test_size_and_variety(devset):
    assert len(devset) >= 40
    gold = [g for item in devset for g in item.gold]
    assert {g.event_type for g in gold} == EVENT_TYPES
    assert sum(1 for item in devset if not item.gold) >= 4  # articles with nothing to code
    assert sum(1 for item in devset if len(item.gold) > 1) >= 5  # several incidents per article
    countries = Counter(item.document.id.split("-")[0] for item in devset)
    assert len(countries) >= 15


def test_gold_is_consistent(devset):
    ids = [item.document.id for item in devset]
    assert len(ids) == len(set(ids))
    for item in devset:
        for g in item.gold:
            assert g.date <= g.date_end <= item.document.published, (item.document.id, g)
            assert -90 <= g.lat <= 90 and -180 <= g.lon <= 180
            assert g.place.split()[0] in item.document.text or g.place in item.document.text, g.place


def _incident(place_name, lat, lon, day, event="Battles", doc="d"):
    place = Place(f"t:{place_name}", place_name, lat, lon, "P", "PPL")
    return Incident(id=f"{doc}:{place_name}", doc=doc, event_type=event, sub_event_type="Armed clash", place=place,
                    location=place_name, geo_precision=1, date=day, date_end=day, date_precision="day",
                    time_precision=1, quote="", start=0, end=0)


def _gold(place, lat, lon, start, end, event="Battles", doc="d"):
    return GoldIncident(doc, event, "Armed clash", place, lat, lon, start, end)


def test_matching_needs_type_distance_and_window():
    gold = [_gold("A", 10.0, 10.0, date(2025, 1, 1), date(2025, 1, 31))]
    assert match_one_to_one([_incident("A", 10.1, 10.1, date(2025, 1, 5))], gold) == [(0, 0)]
    assert match_one_to_one([_incident("A", 10.5, 10.5, date(2025, 1, 5))], gold) == []  # ~75 km away
    assert match_one_to_one([_incident("A", 10.0, 10.0, date(2025, 2, 1))], gold) == []  # outside the window
    assert match_one_to_one([_incident("A", 10.0, 10.0, date(2025, 1, 5), event="Riots")], gold) == []


def test_one_to_one_finds_the_maximum_matching():
    day = date(2025, 1, 5)
    gold = [_gold("A", 10.0, 10.0, day, day), _gold("B", 10.2, 10.0, day, day)]
    # the first prediction could match either gold; the second only A: both must be matched
    preds = [_incident("X", 10.1, 10.0, day), _incident("Y", 9.95, 10.0, day)]
    assert len(match_one_to_one(preds, gold)) == 2
    # two predictions of one event: one true positive, one false positive
    result = score([_Annotated("d", [gold[0]])], [_incident("X", 10.0, 10.0, day), _incident("Z", 10.0, 10.0, day)])
    assert (result["tp"], result["fp"], result["fn"]) == (1, 1, 0)
    assert result["precision"] == 0.5 and result["recall"] == 1.0


class _Annotated:
    def __init__(self, doc, gold):
        from geomap.models import Document

        self.document = Document(doc, "", published=date(2025, 1, 31))
        self.gold = gold


@pytest.mark.e2e
@pytest.mark.slow
def test_full_pipeline_on_the_devset(geoparser):
    """A floor, not a target: the rules must not regress below what they measured when written."""
    from geomap.evaluation.incidents import evaluate
    from geomap.pipeline import Geoparser

    parser = Geoparser(deduplicate=False)
    parser._store = geoparser.store
    result = evaluate(DEVSET, parser)
    assert result["f1"] >= 0.8, result


@pytest.mark.e2e
def test_eval_incidents_command(tmp_path):
    import json

    from click.testing import CliRunner

    from geomap.cli import cli

    rows = [{"id": "one", "published": "2025-04-25", "text": "Gunmen attacked a church in Derbent on Sunday, killing 5 people.",
             "incidents": [{"event_type": "Violence against civilians", "sub_event_type": "Attack", "place": "Derbent",
                            "lat": 42.0678, "lon": 48.2899, "date": "2025-04-20", "fatalities": 5}]},
            {"id": "two", "published": "2025-04-25", "text": "Officials warned that rebels could attack Derbent.",
             "incidents": []}]
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval-incidents", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (scores["tp"], scores["fp"], scores["fn"]) == (1, 0, 0)
    assert scores["fatalities_exact"] == 1.0
    plain = CliRunner().invoke(cli, ["eval-incidents", str(path)])
    assert "precision 1.000" in plain.output and "F1 1.000" in plain.output
    # several sets are pooled: the second file's article counts as a miss
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({**rows[0], "id": "three", "text": "Officials met in Derbent on Sunday."}), encoding="utf-8")
    pooled = json.loads(CliRunner().invoke(cli, ["eval-incidents", str(path), str(other), "--json"]).output)
    assert (pooled["documents"], pooled["tp"], pooled["fn"]) == (3, 1, 1)


def test_optional_background_gold_is_neither_owed_nor_a_false_positive():
    day, old = date(2025, 1, 5), date(2024, 6, 1)
    required = _gold("A", 10.0, 10.0, day, day)
    background = GoldIncident("d", "Battles", "Armed clash", "B", 20.0, 20.0, old, old, optional=True)
    kept = score([_Annotated("d", [required, background])],
                 [_incident("A", 10.0, 10.0, day), _incident("B", 20.0, 20.0, old)])
    assert (kept["tp"], kept["fp"], kept["fn"], kept["optional_matched"]) == (1, 0, 0, 1)
    left = score([_Annotated("d", [required, background])], [_incident("A", 10.0, 10.0, day)])
    assert (left["tp"], left["fp"], left["fn"], left["optional_matched"]) == (1, 0, 0, 0)
    # an optional gold cannot excuse a prediction of a different event
    wrong = score([_Annotated("d", [required, background])],
                  [_incident("A", 10.0, 10.0, day), _incident("C", 40.0, 40.0, old)])
    assert (wrong["tp"], wrong["fp"], wrong["fn"]) == (1, 1, 0)
