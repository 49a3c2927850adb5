"""`geomap gazetteer build|info|import` driven through click's CliRunner."""
from __future__ import annotations

import json

from click.testing import CliRunner

from geomap.cli.gazetteer import command
from geomap.errors import GazetteerError
from tests.test_geonames_import import write
from tests.test_store import shared_store_path


def test_build_reuses_an_up_to_date_store_and_info_describes_it(tmp_path_factory):
    path = shared_store_path(tmp_path_factory)
    runner = CliRunner()
    result = runner.invoke(command, ["build", "--path", str(path)])
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output
    result = runner.invoke(command, ["info", "--gazetteer", str(path), "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["places"] > 240_000 and "geonames" in info["licences"]
    result = runner.invoke(command, ["info", "--gazetteer", str(path)])
    assert result.exit_code == 0 and "licence" in result.output and "schema" in result.output


def test_info_on_a_missing_store_says_how_to_fix_it(tmp_path):
    result = CliRunner().invoke(command, ["info", "--gazetteer", str(tmp_path / "none.sqlite")])
    assert isinstance(result.exception, GazetteerError)
    assert "geomap gazetteer build" in str(result.exception)


def test_import(tmp_path):
    files = write(tmp_path, zipped=True)
    target = tmp_path / "imported.sqlite"
    result = CliRunner().invoke(command, ["import", *map(str, files), "--path", str(target)])
    assert result.exit_code == 0, result.output
    assert "5 places" in result.output and target.exists()
    result = CliRunner().invoke(command, ["info", "--gazetteer", str(target), "--json"])
    assert json.loads(result.output)["places"] == 5


def test_registered_in_the_main_cli():
    from geomap.cli import cli

    result = CliRunner().invoke(cli, ["gazetteer", "--help"])
    assert result.exit_code == 0 and "build" in result.output and "import" in result.output
