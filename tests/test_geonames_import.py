"""import_geonames on small files in the real GeoNames formats, plain and zipped."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from geomap.errors import InputError
from geomap.geocoding.geonames_import import import_geonames
from geomap.geocoding.store import GazetteerStore, open_store


def geoname_row(gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc, a1="", a2="", population=0):
    fields = [str(gid), name, ascii_name, ",".join(alternates), str(lat), str(lon), fclass, fcode, cc, "", a1, a2,
              "", "", str(population), "", "100", "Europe/Kyiv", "2024-01-01"]
    assert len(fields) == 19
    return "\t".join(fields)


ROWS = [
    geoname_row(703448, "Kyiv", "Kyiv", ["Kiev", "Kyïv", "Київ", "IEV"], 50.45466, 30.5238, "P", "PPLC", "UA", "12",
                population=2952301),
    geoname_row(709716, "Donetsk Oblast", "Donetsk Oblast", ["Donetska oblast"], 48.0, 37.75, "A", "ADM1", "UA", "05"),
    geoname_row(704422, "Pokrovsk", "Pokrovsk", ["Krasnoarmeysk"], 48.282, 37.176, "P", "PPLA2", "UA", "05", "1234",
                population=60127),
    geoname_row(690791, "Ukraine", "Ukraine", [], 49.0, 32.0, "A", "PCLI", "UA", "00", population=1),
    geoname_row(8133797, "Dnipro River", "Dnipro River", ["Dnieper"], 46.5, 32.3, "H", "STM", "UA"),
]
ADMIN1 = "UA.12\tKyiv City\tKyiv City\t703447\nUA.05\tDonetsk\tDonetsk\t709716\n"
ADMIN2 = "UA.05.1234\tPokrovsk Raion\tPokrovsk Raion\t111\n"
COUNTRY_INFO = (
    "# ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent\ttld\tCurrencyCode\t"
    "CurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode\n"
    "UA\tUKR\t804\tUP\tUkraine\tKyiv\t603700\t44622516\tEU\t.ua\tUAH\tHryvnia\t380\t#####\t^(\\d{5})$\tuk,ru-UA\t"
    "690791\tPL,MD,HU,SK,BY,RO,RU\t\n"
)
ALTERNATES = "\n".join([
    "\t".join(["1", "704422", "", "Krasnoarmiisk", "", "", "", "1", "", ""]),
    "\t".join(["2", "704422", "link", "https://example.org/Pokrovsk", "", "", "", "", "", ""]),
    "\t".join(["3", "690791", "abbr", "UA", "", "", "", "", "", ""]),
    "\t".join(["4", "703448", "en", "Kyiv City", "1", "", "", "", "", ""]),
    "\t".join(["5", "999999", "en", "Nowhere Land", "", "", "", "", "", ""]),
]) + "\n"


def write(tmp: Path, zipped: bool) -> list[Path]:
    files = {
        "UA.txt": "\n".join(ROWS) + "\n", "admin1CodesASCII.txt": ADMIN1, "admin2Codes.txt": ADMIN2,
        "countryInfo.txt": COUNTRY_INFO, "alternateNamesV2.txt": ALTERNATES,
    }
    out = []
    for name, text in files.items():
        if zipped:
            path = tmp / name.replace(".txt", ".zip")
            with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(name, text)
                archive.writestr("readme.txt", "not data\n")
        else:
            path = tmp / name
            path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


@pytest.mark.parametrize("zipped", [False, True])
def test_import_into_new_store(tmp_path, zipped):
    store_path = tmp_path / "g.sqlite"
    figures = import_geonames(store_path, write(tmp_path, zipped))
    assert figures["places"] == 5 and figures["admin_names"] == 3 and figures["countries"] == 1
    store = open_store(store_path, build=False)
    kyiv = store.candidates("Kiev")[0]
    assert kyiv.place.gazetteer_id == "geonames:703448" and kyiv.match == "alternate"
    assert kyiv.place.admin1 == "Kyiv City" and kyiv.place.feature_code == "PPLC"
    assert store.candidates("Kyïv")[0].place.name == "Kyiv"
    assert not store.has_name("iev")  # airport codes are not names
    pokrovsk = store.get("geonames:704422")
    assert pokrovsk.admin1 == "Donetsk" and pokrovsk.admin2 == "Pokrovsk Raion"
    assert store.candidates("Krasnoarmiisk")[0].match == "historic"
    assert store.candidates("Krasnoarmeysk")[0].place.gazetteer_id == "geonames:704422"
    assert store.country("UA").population == 44622516
    assert store.admin1("UA", "05").name == "Donetsk Oblast"
    assert store.candidates("UA")[0].match == "abbreviation"
    assert not store.has_name("nowhere land")  # alternate for a place that is not in the store
    assert store.nearest(48.28, 37.17, feature_classes="P")[0].name == "Pokrovsk"
    assert store.stats()["places"] == 5 and store.metadata()["imports"][0]["places"] == 5


def test_import_merges_into_existing_store_and_updates_by_id(tmp_path):
    store_path = tmp_path / "g.sqlite"
    files = write(tmp_path, zipped=False)
    import_geonames(store_path, files)
    changed = tmp_path / "changed" / "UA.txt"
    changed.parent.mkdir()
    changed.write_text(geoname_row(704422, "Pokrovsk", "Pokrovsk", [], 48.3, 37.2, "P", "PPLA2", "UA", "05",
                                   population=70000) + "\n", encoding="utf-8")
    figures = import_geonames(store_path, [changed])
    store = GazetteerStore(store_path)
    assert figures["places"] == 1 and store.stats()["places"] == 5
    assert store.get("geonames:704422").population == 70000
    assert store.get("geonames:704422").admin1 == "Donetsk"  # division names kept from the store
    assert len(store.metadata()["imports"]) == 2
    import_geonames(store_path, [changed], replace=True)
    assert GazetteerStore(store_path).stats()["places"] == 1


def test_bad_rows_name_the_file_and_line(tmp_path):
    bad = tmp_path / "cities500.txt"
    bad.write_text(ROWS[0] + "\n" + "1\tonly three\tfields\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"cities500.txt:2"):
        import_geonames(tmp_path / "g.sqlite", [bad])
    assert not (tmp_path / "g.sqlite").exists()  # nothing half-written


def test_constant_memory_batches(tmp_path):
    rows = [geoname_row(10_000_000 + i, f"Place {i}", f"Place {i}", [f"Alias {i}"], 10 + i * 1e-4, 20, "P", "PPL",
                        "XX", "01", population=i) for i in range(25_000)]
    path = tmp_path / "allCountries.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    figures = import_geonames(tmp_path / "g.sqlite", [path])
    store = GazetteerStore(tmp_path / "g.sqlite")
    assert figures["places"] == 25_000 and store.stats()["places"] == 25_000
    assert store.candidates("Alias 24999")[0].place.population == 24999
