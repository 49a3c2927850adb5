"""The default build: package sources joined correctly, curated files checked, atomic and safe to race."""
from __future__ import annotations

import json
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from geomap.errors import GazetteerError
from geomap.geocoding.build import BuildIndex, build_default, city_names, content_digest, is_stale
from geomap.geocoding.curated import add_curated, read_admin1_fixes
from geomap.geocoding.store import GazetteerStore, open_store
from geomap.geocoding.writer import StoreWriter
from tests.test_store import shared_store_path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> GazetteerStore:
    return GazetteerStore(shared_store_path(tmp_path_factory))


def test_build_figures_are_recorded(built):
    figures = built.metadata()["figures"]
    join = figures["admin1_join"]
    assert join["groups"] > 3700 and join.get("unjoined", 0) < 50
    assert figures["cities"] == 234_908 and figures["countries"] == 250
    assert figures["curated"]["rivers.json"] >= 40 and figures["curated"]["demonyms.csv"] >= 200
    assert built.metadata()["build_seconds"] < 120


def test_admin1_join_examples(built):
    chechnya = built.admin1("RU", "12")
    assert chechnya.name == "Chechnya" and (chechnya.lat, chechnya.lon) == (43.4, 45.7)
    texas = built.admin1("US", "TX")
    assert texas.name == "Texas" and texas.gazetteer_id == "geonames:4736286"
    assert built.admin1("UA", "05").name == "Donetsk"  # curated display name over "Donetska"
    assert built.admin1("PS", "GZ").name == "Gaza Strip"  # a division countrystatecity lacks
    assert built.admin1("FR", "11").name == "Île-de-France"  # a join the votes get wrong, fixed in admin1.csv
    gaza = [c.place for c in built.candidates("Gaza") if c.place.country_code == "PS"][0]
    assert gaza.admin1 == "Gaza Strip" and gaza.feature_class == "P"


def test_divisions_rank_below_their_namesake_city(built):
    for name in ("Donetsk", "Kherson", "Kyiv", "Aleppo", "Moscow"):
        assert built.candidates(name)[0].place.feature_class == "P", name
    assert built.candidates("Texas")[0].place.feature_code == "ADM1"  # no city called Texas in Texas
    for phrase in ("Donetsk Oblast", "Donetsk region", "Idlib province", "Idlib Governorate", "Borno State"):
        assert built.candidates(phrase)[0].place.feature_class == "A", phrase


def test_capitals_are_pplc(built):
    for name, cc in (("Kyiv", "UA"), ("Moscow", "RU"), ("Damascus", "SY")):
        hit = [c.place for c in built.candidates(name) if c.place.country_code == cc and c.place.feature_class == "P"]
        assert hit[0].feature_code == "PPLC"


def test_rivers_are_lines_without_jumps(built):
    rows = sqlite3.connect(built.path).execute(
        "SELECT gid, geometry FROM places WHERE fcode = 'STM' AND geometry IS NOT NULL").fetchall()
    assert len(rows) >= 40
    for gid, text in rows:
        line = json.loads(text)["coordinates"]
        assert len(line) >= 3, gid
        for (lon1, lat1), (lon2, lat2) in zip(line, line[1:]):
            assert abs(lat1 - lat2) < 15 and abs(lon1 - lon2) < 25, gid  # no vertex teleports across a continent


def test_every_curated_record_has_provenance():
    root = Path(__file__).resolve().parents[1] / "gazetteer"
    for path in root.glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["provenance"]
    for path in root.glob("*.csv"):
        header, *rows = path.read_text(encoding="utf-8").splitlines()
        assert "provenance" in header and rows, path
    assert read_admin1_fixes(root)


def test_city_names_drop_codes_short_keys_foreign_scripts_and_word_noise():
    names = dict(city_names("Kyiv", ["Kiev", "IEV", "Ko", "Київ", "Kyïv", "Kyiv", "kyyf", "ji fu", "The City"]))
    assert names == {"Kyiv": "name", "Kiev": "alternate", "Kyïv": "alternate"}
    assert dict(city_names("Buta", ["But", "Bouta"])) == {"Buta": "name", "Bouta": "alternate"}
    assert "al-Raqqah" in dict(city_names("Raqqa", ["al-Raqqah", "ar raqqa"]))


def _index_with_city(path: Path) -> tuple[StoreWriter, BuildIndex]:
    writer = StoreWriter.create(path)
    index = BuildIndex()
    place_id = writer.add_place("geonames:1", "Kyiv", 50.45, 30.52, "P", "PPLC", cc="UA", source="test")
    index.remember_city("UA", "12", {"kyiv"}, (place_id, 50.45, 30.52, 100))
    index.country["UA"] = writer.add_place("geonames:2", "Ukraine", 49.0, 32.0, "A", "PCLI", cc="UA", source="test")
    return writer, index


def test_curated_files_load_and_bad_references_stop_the_build(tmp_path):
    curated = tmp_path / "curated"
    curated.mkdir()
    (curated / "rivers.json").write_text(json.dumps({"provenance": "test", "features": [
        {"kind": "river", "id": "r", "name": "Test River", "fclass": "H", "fcode": "STM",
         "course": [[51.0, 30.0], "Kyiv|UA", [49.0, 31.0]]}]}), encoding="utf-8")
    (curated / "demonyms.csv").write_text("name,target,provenance\nUkrainian,UA,test\n", encoding="utf-8")
    writer, index = _index_with_city(tmp_path / "ok.sqlite")
    counts = add_curated(writer, index, curated)
    writer.finish({})
    store = GazetteerStore(tmp_path / "ok.sqlite")
    river = store.candidates("Test River")[0].place
    assert counts == {"rivers.json": 1, "demonyms.csv": 1}
    assert river.geometry["coordinates"][1] == [30.52, 50.45]
    assert store.candidates("Ukrainians")[0].match == "demonym"

    (curated / "rivers.json").write_text(json.dumps({"provenance": "test", "features": [
        {"kind": "river", "id": "r", "name": "Test River", "fclass": "H", "fcode": "STM",
         "course": ["Nowhere|UA", "Kyiv|UA"]}]}), encoding="utf-8")
    writer, index = _index_with_city(tmp_path / "bad.sqlite")
    with pytest.raises(GazetteerError, match="Nowhere"):
        add_curated(writer, index, curated)
    (curated / "rivers.json").unlink()
    (curated / "demonyms.csv").write_text("name,target,provenance\nMartian,XX,test\n", encoding="utf-8")
    writer, index = _index_with_city(tmp_path / "bad2.sqlite")
    with pytest.raises(GazetteerError, match="demonyms.csv:2"):
        add_curated(writer, index, curated)


def test_staleness_follows_curated_content(tmp_path, built):
    assert not is_stale(built.path)
    copy = tmp_path / "curated"
    copy.mkdir()
    root = Path(__file__).resolve().parents[1] / "gazetteer"
    for path in root.iterdir():
        if path.is_file():
            (copy / path.name).write_bytes(path.read_bytes())
    assert content_digest(copy) == content_digest(root)
    (copy / "aliases.csv").write_text((root / "aliases.csv").read_text() + "Nowhereland,UA,test\n")
    assert is_stale(built.path, copy)


def _build(path: str) -> bool:
    return bool(build_default(Path(path))["reused"])


@pytest.mark.slow
def test_two_processes_build_once_atomically(tmp_path):
    target = tmp_path / "race" / "g.sqlite"
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        reused = pool.map(_build, [str(target), str(target)])
    assert sorted(reused) == [False, True]  # one built, the other waited and reused it
    assert open_store(target, build=False).get("geonames:703448").name == "Kyiv"
    assert [p.name for p in target.parent.iterdir() if p.suffix == ".tmp"] == []


def test_us_counties_sit_at_their_zip_centroids(built):
    pytest.importorskip("zipcodes")
    cook = [c.place for c in built.candidates("Cook County") if c.place.admin1 == "Illinois"][0]
    assert cook.feature_code == "ADM2" and cook.admin2 == "Cook County" and cook.gazetteer_id == "us-county:17031"
    assert abs(cook.lat - 41.85) < 0.3 and abs(cook.lon + 87.75) < 0.3  # Chicago's county
    assert built.candidates("Cook County, Illinois")[0].place == cook
    assert built.metadata()["figures"]["us_counties"]["written"] > 3100


def test_countries_and_states_sit_at_geonames_points(built):
    us = built.candidates("United States")[0].place
    assert us.is_country and (us.lat, us.lon) == (39.76, -98.5)  # countrystatecity alone gives 38, -97
    new_york = built.admin1("US", "NY")
    assert abs(new_york.lat - 43.0) < 0.01 and abs(new_york.lon + 75.5) < 0.01  # the state, not New York City
    assert built.metadata()["figures"]["curated"]["points.csv"] >= 40


def test_counties_carry_a_population_prior(built):
    pytest.importorskip("zipcodes")
    walkers = {c.place.admin1_code: c.place for c in built.candidates("Walker County") if c.place.feature_code == "ADM2"}
    assert walkers["TX"].population > 0 and walkers["AL"].population > 0
    cook = [c.place for c in built.candidates("Cook County") if c.place.admin1 == "Illinois"][0]
    assert cook.population > 2_000_000  # Chicago alone


def test_the_european_union_and_both_congos_are_curated(built):
    eu = [c for c in built.candidates("EU") if c.place.gazetteer_id == "curated:region:european-union"]
    assert eu and eu[0].match == "abbreviation"
    members = built.region_members(eu[0].place)
    assert len(members) == 27 and "FR" in members and "GB" not in members
    congos = {c.place.country_code for c in built.candidates("Congo") if c.place.is_country}
    assert congos == {"CD", "CG"}  # the short name is both countries'; the document's context chooses
