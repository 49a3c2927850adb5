"""`geomap geocode`: best place, ranked candidates with --explain, JSON, context, misses exit 1."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from geomap.cli.geocode import command
from test_resolve import build_tiny_store


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> str:
    return str(build_tiny_store(tmp_path_factory.mktemp("cli") / "g.sqlite"))


def _run(gaz: str, *args: str):
    return CliRunner().invoke(command, [*args, "--gazetteer", gaz])


def test_geocode_best(gaz):
    result = _run(gaz, "Kiev")
    assert result.exit_code == 0 and result.output.startswith("Kyiv, Ukraine\t50.45000, 30.52000\tPPLC")


def test_geocode_explain_shows_feature_contributions(gaz):
    result = _run(gaz, "Moscow", "--explain")
    assert result.exit_code == 0
    assert "population +" in result.output and "division_of_city -" in result.output


def test_geocode_context_and_country(gaz):
    assert "Idaho" in _run(gaz, "Moscow", "--context", "Police in Idaho said").output.splitlines()[0]
    assert "Texas" in _run(gaz, "Paris", "--country", "US").output
    assert _run(gaz, "Paris", "--country", "USA").exit_code == 2


def test_geocode_json(gaz):
    result = _run(gaz, "Springfield", "--json", "--limit", "2", "--explain")
    payload = json.loads(result.output)
    assert payload["best"]["gazetteer_id"] == "t:springfield-il" and "features" in payload["candidates"][0]


def test_geocode_miss_exits_1(gaz):
    result = _run(gaz, "Xyzzyqq")
    assert result.exit_code == 1 and "no place fits" in result.output
