"""One contract every geopy backend geomap can use must pass; run here against LocalGazetteer (no network).

To check another backend (e.g. Nominatim, online), subclass ``GeocoderContract`` and provide ``geocoder``.
"""
from __future__ import annotations

import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geomap.geocoding.geocoder import LocalGazetteer
from geomap.geocoding.store import GazetteerStore
from test_resolve import tiny_store  # noqa: F401  (session fixture)


class GeocoderContract:
    """What geomap relies on from a geocoder: geopy's types, None for a miss, lists when asked."""

    known = ("Kyiv", 50.45, 30.52, "Ukraine")
    unknown = "Xyzzyqq Nowhere"
    reverse_point = (50.45, 30.52)

    @pytest.fixture
    def geocoder(self) -> Geocoder:
        raise NotImplementedError

    def test_is_a_geopy_geocoder(self, geocoder):
        assert isinstance(geocoder, Geocoder)

    def test_geocode_known_place(self, geocoder):
        name, lat, lon, country = self.known
        location = geocoder.geocode(name)
        assert isinstance(location, Location)
        assert abs(location.latitude - lat) < 0.5 and abs(location.longitude - lon) < 0.5
        assert country in location.address
        assert isinstance(location.raw, dict)

    def test_geocode_miss_is_none(self, geocoder):
        assert geocoder.geocode(self.unknown) is None

    def test_exactly_one_false_gives_a_list(self, geocoder):
        found = geocoder.geocode(self.known[0], exactly_one=False)
        assert isinstance(found, list) and found and all(isinstance(x, Location) for x in found)

    def test_reverse(self, geocoder):
        location = geocoder.reverse(self.reverse_point)
        assert isinstance(location, Location)
        assert abs(location.latitude - self.reverse_point[0]) < 1 and abs(location.longitude - self.reverse_point[1]) < 1
        assert isinstance(geocoder.reverse(Point(*self.reverse_point), exactly_one=False), list)


class TestLocalGazetteerContract(GeocoderContract):
    @pytest.fixture
    def geocoder(self, tiny_store):  # noqa: F811
        return LocalGazetteer(tiny_store)


def test_constructor_does_no_io(tmp_path):
    missing = GazetteerStore(tmp_path / "absent.sqlite")
    LocalGazetteer(missing)  # nothing is opened until a query
    assert not (tmp_path / "absent.sqlite").exists()


def test_parent_pattern_and_country_filter(tiny_store):  # noqa: F811
    geocoder = LocalGazetteer(tiny_store)
    assert geocoder.geocode("Moscow, Idaho").raw["gazetteer_id"] == "t:moscow-id"
    assert geocoder.geocode("Long Beach, CA").raw["country_code"] == "US"
    found = geocoder.geocode("Moscow", exactly_one=False, country_codes=["us"])
    assert [loc.raw["gazetteer_id"] for loc in found] == ["t:moscow-id"]
    assert len(geocoder.geocode("Moscow", exactly_one=False, limit=1)) == 1


def test_country_bias(tiny_store):  # noqa: F811
    assert LocalGazetteer(tiny_store).geocode("Paris").raw["country_code"] == "FR"
    assert LocalGazetteer(tiny_store, country_bias="us").geocode("Paris").raw["country_code"] == "US"


def test_raw_carries_explanation(tiny_store):  # noqa: F811
    raw = LocalGazetteer(tiny_store).geocode("Kiev").raw
    assert raw["gazetteer_id"] == "t:kyiv" and 0 < raw["confidence"] <= 1 and "population" in raw["features"]


def test_empty_query_is_a_configuration_error(tiny_store):  # noqa: F811
    from geomap.errors import ConfigurationError

    with pytest.raises(ConfigurationError):
        LocalGazetteer(tiny_store).geocode("  ")
