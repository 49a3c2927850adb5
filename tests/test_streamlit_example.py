"""examples/streamlit_app.py run by Streamlit's own test harness (no browser, no server)."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from test_serve import sample_extraction

APP = Path(__file__).resolve().parents[1] / "examples" / "streamlit_app.py"


@pytest.fixture()
def saved_folder(tmp_path, monkeypatch) -> Path:
    """A folder holding saved geomap layers (drawn without the model), named by $GEOMAP_ARTICLES."""
    from geomap.export import write_geojson

    write_geojson(tmp_path / "layers.geojson", sample_extraction().to_geojson())
    monkeypatch.setenv("GEOMAP_ARTICLES", str(tmp_path))
    return tmp_path


def run_app() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=300)
    app.run()
    assert not app.exception, [e.message for e in app.exception]
    return app


def test_app_shows_the_incidents_of_saved_layers(saved_folder):
    app = run_app()
    assert app.text_input[0].value == str(saved_folder)
    assert any(m.value.startswith("**2 incidents**, 2 places and 1 zone in") for m in app.markdown)
    table = app.dataframe[0].value
    assert list(table["place"]) == ["Balashikha", "Kyiv"]
    assert list(table["event_type"]) == ["Explosions/Remote violence", "Battles"]
    assert not app.error and not app.warning


def test_app_redraws_with_fewer_layers(saved_folder):
    app = run_app()
    app.multiselect[0].set_value(["zones"]).run()
    assert not app.exception
    assert len(app.dataframe[0].value) == 2  # the table lists every incident; only the map is filtered


def test_app_says_when_the_folder_is_missing(saved_folder):
    app = run_app()
    app.text_input[0].input(str(saved_folder / "nowhere")).run()
    assert not app.exception
    assert any("is not a folder" in e.value for e in app.error)
    assert not app.dataframe


def test_app_reports_unreadable_saved_layers(saved_folder):
    (saved_folder / "broken.geojson").write_text("{not json", encoding="utf-8")
    app = run_app()
    assert any("broken.geojson" in w.value for w in app.warning)
    assert len(app.dataframe[0].value) == 2


@pytest.mark.e2e
def test_app_extracts_the_seed_articles(monkeypatch):
    monkeypatch.delenv("GEOMAP_ARTICLES", raising=False)
    app = run_app()
    assert app.text_input[0].value.endswith("seeds")
    table = app.dataframe[0].value
    assert len(table) >= 1 and "Balashikha" in set(table["place"])


def test_self_contained_map_embeds_the_whole_page(saved_folder, monkeypatch):
    monkeypatch.setenv("GEOMAP_OFFLINE", "1")
    app = run_app()
    assert app.toggle[0].value is True
    frames = app.get("iframe")
    assert len(frames) == 1
    page = frames[0].proto.srcdoc
    assert page.startswith("<!DOCTYPE html>") and "Balashikha" in page
    assert '<script src="http' not in page and '<link rel="stylesheet" href="http' not in page
    app.toggle[0].set_value(False).run()
    assert not app.exception and not app.get("iframe")
