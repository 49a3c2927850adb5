"""GazetteerStore lookups against a store built from the installed packages and the curated files."""
from __future__ import annotations

import pickle
import sqlite3
import time
from pathlib import Path

import pytest

from geomap.errors import GazetteerError
from geomap.geocoding.build import build_default
from geomap.geocoding.store import SCHEMA_VERSION, GazetteerStore, default_store_path, open_store


def shared_store_path(factory: pytest.TempPathFactory) -> Path:
    """One built store reused across test sessions (rebuilt when the curated files or builder change)."""
    path = factory.getbasetemp().parent / f"geomap-test-gazetteer-v{SCHEMA_VERSION}.sqlite"
    build_default(path)
    return path


@pytest.fixture(scope="module")
def gz(tmp_path_factory: pytest.TempPathFactory) -> GazetteerStore:
    return GazetteerStore(shared_store_path(tmp_path_factory))


def first(store: GazetteerStore, name: str):
    found = store.candidates(name)
    assert found, f"no candidates for {name!r}"
    return found[0]


def ids(store: GazetteerStore, name: str) -> list[str]:
    return [c.place.gazetteer_id for c in store.candidates(name)]


def test_cities_by_name_and_alternate(gz):
    kyiv = [c for c in gz.candidates("Kyiv") if c.place.feature_class == "P"][0]
    assert kyiv.place.gazetteer_id == "geonames:703448" and kyiv.place.feature_code == "PPLC"
    assert kyiv.place.country_code == "UA" and kyiv.place.geometry is None
    assert "geonames:703448" in ids(gz, "Kiev")
    assert first(gz, "Kiev").match == "alternate"
    assert "geonames:703448" in ids(gz, "Kyïv")
    assert first(gz, "Groznyy").place.name == "Grozny"


def test_traps_keep_every_reading(gz):
    moscow = gz.candidates("Moscow")
    assert {c.place.country_code for c in moscow} >= {"RU", "US"}
    towns = [c.place.population for c in moscow if c.place.feature_class == "P"]
    assert towns == sorted(towns, reverse=True) and moscow[0].place.feature_code == "PPLC"
    pokrovsk = {(c.place.name, c.place.country_code) for c in gz.candidates("Pokrovsk")}
    assert ("Pokrovsk", "UA") in pokrovsk and ("Engels", "RU") in pokrovsk
    assert "geonames:709930" in ids(gz, "Dnepr")  # the city Dnipro
    assert first(gz, "Dnipro").place.feature_class == "P"  # bare "Dnipro" is the city, not the river


def test_dnieper_is_a_line_from_smolensk_to_the_estuary(gz):
    river = first(gz, "Dnieper River").place
    assert river.gazetteer_id == "curated:river:dnieper" and river.feature_code == "STM"
    for name in ("Dnieper", "Dnipro River", "Dnepr River", "the Dnieper river"):
        assert first(gz, name).place.gazetteer_id == river.gazetteer_id
    line = river.geometry["coordinates"]
    assert river.geometry["type"] == "LineString" and len(line) >= 20
    smolensk = [c.place for c in gz.candidates("Smolensk") if c.place.feature_code == "PPL"][0]
    assert any(abs(lon - smolensk.lon) < 0.01 and abs(lat - smolensk.lat) < 0.01 for lon, lat in line[:3])
    kherson = [c.place for c in gz.candidates("Kherson") if c.place.feature_class == "P"][0]
    mouth_lon, mouth_lat = line[-1]
    assert mouth_lon < kherson.lon - 0.5 and abs(mouth_lat - kherson.lat) < 0.3  # west of Kherson
    assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in line)


def test_countries_and_divisions(gz):
    russia = gz.country("ru")
    assert russia.name == "Russia" and (russia.lat, russia.lon) == (60.0, 100.0) and russia.is_country
    assert russia.population > 100_000_000
    chechnya = gz.admin1("RU", "12")
    assert chechnya.feature_code == "ADM1" and (chechnya.lat, chechnya.lon) == (43.4, 45.7)
    assert first(gz, "Grozny").place.admin1 == chechnya.admin1
    texas = gz.admin1("US", "TX")
    assert texas.name == "Texas" and abs(texas.lat - 31.3) < 0.5
    assert gz.country("XX") is None and gz.admin1("RU", "nope") is None
    assert gz.capital("ru").name == "Moscow" and gz.capital("ML").name == "Bamako" and gz.capital("XX") is None


def test_demonyms_and_abbreviations(gz):
    russian = first(gz, "Russian")
    assert russian.match == "demonym" and russian.place.country_code == "RU" and russian.place.is_country
    assert first(gz, "Ukrainian").place.gazetteer_id == gz.country("UA").gazetteer_id
    assert first(gz, "Chechen").place.feature_code == "ADM1"
    us = first(gz, "U.S.")
    assert us.match == "abbreviation" and us.place.country_code == "US" and us.matched_name == "U.S."
    assert first(gz, "US").matched_name == "US"


def test_get_and_has_name(gz):
    assert gz.get("geonames:703448").name == "Kyiv"
    assert gz.get("geonames:0") is None
    assert gz.has_name("kyiv") and gz.has_name("dnieper river")
    assert not gz.has_name("qzxv nowhere")


def test_nearest(gz):
    assert gz.nearest(50.4547, 30.5238, feature_classes="P")[0].name in {"Kyiv", "Stare Misto"}
    five = gz.nearest(48.0, 37.8, limit=5)
    assert len(five) == 5
    assert gz.nearest(48.0, 37.8, feature_classes="A")[0].feature_class == "A"
    assert gz.nearest(-89.9, 179.9)  # the search widens until it finds something


def test_region_members(gz):
    donbas = first(gz, "Donbas").place
    members = gz.region_members(donbas)
    assert len(members) == 2 and all(m.startswith("UA.") for m in members)
    assert gz.admin1("UA", members[0].split(".")[1]) is not None
    assert "UA" in gz.region_members(first(gz, "Eastern Europe").place)
    assert gz.region_members(first(gz, "Kyiv").place) == []
    dnieper = first(gz, "Dnieper River").place
    assert gz.region_members(dnieper) == [] and gz.bordering(dnieper) == ["RU", "BY", "UA"]
    assert gz.bordering(donbas) == []


def test_stats_and_metadata(gz):
    stats = gz.stats()
    assert stats["schema_version"] == SCHEMA_VERSION and stats["places"] > 240_000
    assert stats["feature_classes"]["P"] >= 234_000 and stats["feature_classes"]["H"] >= 1
    assert "geonames" in gz.metadata()["sources"]


def test_pickles_by_path_and_reconnects(gz):
    copy = pickle.loads(pickle.dumps(gz))
    assert copy.path == gz.path and copy.get("geonames:703448").name == "Kyiv"


def test_lookups_are_fast(gz):
    names = [f"Kyiv{i}" for i in range(2000)] + ["Kharkiv", "Odesa", "Moscow"]
    started = time.perf_counter()
    for name in names:
        gz.candidates(name)
    per_lookup = (time.perf_counter() - started) / len(names)
    assert per_lookup < 0.002  # uncached lookups; measured ≈ 0.02 ms here


def test_errors_name_the_fix(tmp_path):
    missing = tmp_path / "missing.sqlite"
    with pytest.raises(GazetteerError, match="geomap gazetteer build"):
        open_store(missing, build=False)
    corrupt = tmp_path / "corrupt.sqlite"
    corrupt.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError, match="geomap gazetteer build"):
        open_store(corrupt, build=False)
    old = tmp_path / "old.sqlite"
    conn = sqlite3.connect(old)
    conn.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema_version', '0');"
    )
    conn.close()
    with pytest.raises(GazetteerError, match="schema 0"):
        open_store(old, build=False)
    with pytest.raises(GazetteerError, match="geomap gazetteer build"):
        GazetteerStore(missing).candidates("Kyiv")


def test_constructor_does_no_io(tmp_path):
    store = GazetteerStore(tmp_path / "nowhere.sqlite")
    assert store.path.name == "nowhere.sqlite"


def test_default_path(monkeypatch, tmp_path):
    monkeypatch.setenv("GEOMAP_GAZETTEER", str(tmp_path / "g.sqlite"))
    assert default_store_path() == tmp_path / "g.sqlite"
    monkeypatch.delenv("GEOMAP_GAZETTEER")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_store_path() == tmp_path / "geomap" / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def test_curated_aliases_and_errata(gz):
    assert first(gz, "Sloviansk").place.gazetteer_id == "geonames:693468"  # not Nikopol (erratum)
    assert first(gz, "Hodeidah").place.gazetteer_id == "geonames:79415"
    assert "geonames:700051" not in ids(gz, "Slovyansk")
    # a Mexican state by the short name news uses, beside the hamlet GeoNames gives that name
    michoacan = [c.place for c in gz.candidates("Michoacan") if c.place.feature_code == "ADM1"]
    assert [(p.country_code, p.name) for p in michoacan] == [("MX", "Michoac\u00e1n de Ocampo")]
