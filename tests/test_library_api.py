"""The library as dashboard code uses it: layers on a plain folium.Map, build_map from GeoJSON, nothing written."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import folium
import pytest

from test_serve import sample_extraction

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class TagBalance(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)
        self._in_script = tag == "script" and not dict(attrs).get("src")
        if self._in_script:
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def check_page(html: str) -> list[str]:
    """Balanced tags, a complete document; returns the inline scripts."""
    parser = TagBalance()
    parser.feed(html)
    parser.close()
    assert parser.stack == [], f"unclosed: {parser.stack}"
    assert re.search(r"<html[ >]", html) and "</html>" in html
    return parser.scripts


def check_scripts_parse(scripts: list[str]) -> None:
    """Each inline script is syntactically valid JavaScript (parsed by node, read from stdin, nothing written)."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    for script in scripts:
        done = subprocess.run([node, "-e", "new Function(require('fs').readFileSync(0, 'utf8'))"], input=script,
                              text=True, capture_output=True, timeout=60)
        assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture()
def quiet_fs(tmp_path, monkeypatch):
    """Run in an empty cwd with an empty temp dir; yield both so the test can check they stay empty."""
    work, temp = tmp_path / "cwd", tmp_path / "tmp"
    work.mkdir()
    temp.mkdir()
    monkeypatch.chdir(work)
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    yield work, temp
    assert list(work.iterdir()) == [] and list(temp.iterdir()) == [], "the library wrote files"


def test_extraction_layers_go_on_a_plain_folium_map(quiet_fs):
    extraction = sample_extraction()
    fmap = folium.Map(location=[52, 34], zoom_start=5)
    groups = extraction.layers()
    assert groups and all(isinstance(g, folium.FeatureGroup) for g in groups)
    for group in groups:
        group.add_to(fmap)
    folium.LayerControl().add_to(fmap)
    html = fmap.get_root().render()
    scripts = check_page(html)
    names = [g.layer_name for g in groups]
    assert any(n.startswith("Zones") for n in names) and any(n.startswith("Places") for n in names)
    assert any(n.startswith("Battles") for n in names) and any(n.startswith("Explosions/Remote violence") for n in names)
    for group in groups:
        assert group.get_name() in html  # each layer's JS object is created on the page
    assert "Balashikha" in html and "Kyiv" in html
    check_scripts_parse(scripts)


def test_build_map_from_the_geojson_of_an_extraction(quiet_fs):
    from geomap import build_map

    fmap = build_map(sample_extraction().to_geojson())
    assert isinstance(fmap, folium.Map)
    html = fmap.get_root().render()
    check_scripts_parse(check_page(html))
    assert "Balashikha" in html and "demilitarized zone" in html
    assert html == build_map(sample_extraction().to_geojson()).get_root().render(), "same input, same bytes"


def test_public_names_are_importable_from_the_package():
    import geomap

    for name in ("extract", "Geoparser", "build_map", "render_html", "Extraction"):
        assert callable(getattr(geomap, name)), name


@pytest.mark.e2e
def test_extract_then_layers_with_the_real_pipeline(quiet_fs, seed_path: Path):
    import geomap

    extraction = geomap.extract([seed_path])
    assert extraction.errors == []
    assert extraction.incidents, "the seed article reports an IED killing in Balashikha"
    fmap = folium.Map()
    for group in extraction.layers():
        group.add_to(fmap)
    html = fmap.get_root().render()
    check_page(html)
    assert "Balashikha" in html
    full = geomap.build_map(extraction.to_geojson()).get_root().render()
    check_scripts_parse(check_page(full))
