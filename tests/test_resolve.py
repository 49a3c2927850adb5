"""Resolution as a ranking: named features, document context, parent patterns and "none of these".

A tiny gazetteer (real coordinates, a handful of places) is built per session, so these tests run without
the default store; other toponym test files import ``tiny_store_path`` from here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from geomap.geocoding.store import GazetteerStore
from geomap.geocoding.writer import StoreWriter

# gid, name, lat, lon, fclass, fcode, cc, admin1_code, admin1, population, names [(name, kind)], members
PLACES = [
    ("t:us", "United States", 39.76, -98.5, "A", "PCLI", "US", None, None, 327_000_000,
     [("U.S.", "abbreviation"), ("US", "abbreviation"), ("USA", "abbreviation"), ("American", "demonym")]),
    ("t:ua", "Ukraine", 49.0, 32.0, "A", "PCLI", "UA", None, None, 44_000_000, [("Ukrainian", "demonym")]),
    ("t:ru", "Russia", 60.0, 100.0, "A", "PCLI", "RU", None, None, 144_000_000, [("Russian", "demonym")]),
    ("t:fr", "France", 46.0, 2.0, "A", "PCLI", "FR", None, None, 67_000_000, [("French", "demonym")]),
    ("t:ge", "Georgia", 42.0, 43.5, "A", "PCLI", "GE", None, None, 3_700_000, []),
    ("t:us-ga", "Georgia", 32.75, -83.5, "A", "ADM1", "US", "GA", "Georgia", 10_000_000, [("GA", "abbreviation")]),
    ("t:us-id", "Idaho", 44.5, -114.25, "A", "ADM1", "US", "ID", "Idaho", 1_700_000, [("ID", "abbreviation")]),
    ("t:us-wa", "Washington", 47.5, -120.5, "A", "ADM1", "US", "WA", "Washington", 7_000_000,
     [("WA", "abbreviation")]),
    ("t:us-ca", "California", 37.25, -119.75, "A", "ADM1", "US", "CA", "California", 39_000_000,
     [("CA", "abbreviation")]),
    ("t:ua-14", "Donetsk Oblast", 48.0, 37.8, "A", "ADM1", "UA", "14", "Donetsk Oblast", 4_100_000,
     [("Donetsk region", "alternate")]),
    ("t:ru-mow", "Moscow", 55.76, 37.61, "A", "ADM1", "RU", "48", "Moscow", 12_500_000, []),
    ("t:moscow", "Moscow", 55.75, 37.62, "P", "PPLC", "RU", "48", "Moscow", 12_500_000, []),
    ("t:moscow-id", "Moscow", 46.73, -117.0, "P", "PPL", "US", "ID", "Idaho", 25_000, []),
    ("t:pullman", "Pullman", 46.73, -117.18, "P", "PPL", "US", "WA", "Washington", 33_000, []),
    ("t:dc", "Washington", 38.9, -77.04, "P", "PPLC", "US", "DC", "District of Columbia", 690_000, []),
    ("t:kyiv", "Kyiv", 50.45, 30.52, "P", "PPLC", "UA", "12", "Kyiv", 2_900_000, [("Kiev", "alternate")]),
    ("t:dnipro", "Dnipro", 48.45, 34.98, "P", "PPLA", "UA", "04", "Dnipropetrovsk", 980_000,
     [("Dnepr", "alternate"), ("Dnipropetrovsk", "historic")]),
    ("t:pokrovsk", "Pokrovsk", 48.28, 37.18, "P", "PPL", "UA", "14", "Donetsk Oblast", 60_000, []),
    ("t:engels", "Engels", 51.5, 46.12, "P", "PPL", "RU", "67", "Saratov", 220_000, [("Pokrovsk", "historic")]),
    ("t:donetsk", "Donetsk", 48.0, 37.8, "P", "PPLA", "UA", "14", "Donetsk Oblast", 900_000, []),
    ("t:tbilisi", "Tbilisi", 41.69, 44.83, "P", "PPLC", "GE", "TB", "Tbilisi", 1_100_000, []),
    ("t:longbeach", "Long Beach", 33.77, -118.19, "P", "PPL", "US", "CA", "California", 466_000, []),
    ("t:longbeach-ny", "Long Beach", 40.59, -73.66, "P", "PPL", "US", "NY", "New York", 33_000, []),
    ("t:paris", "Paris", 48.85, 2.35, "P", "PPLC", "FR", "11", "Ile-de-France", 2_100_000, []),
    ("t:paris-tx", "Paris", 33.66, -95.56, "P", "PPL", "US", "TX", "Texas", 25_000, []),
    ("t:france-town", "France", 44.9, -93.0, "P", "PPL", "US", "MN", "Minnesota", 800, []),
    ("t:balashikha", "Balashikha", 55.8, 37.96, "P", "PPL", "RU", "47", "Moscow Oblast", 500_000, []),
    ("t:dnieper", "Dnieper", 49.75, 31.47, "H", "STM", "UA", None, None, 0,
     [("Dnieper River", "alternate"), ("Dnipro River", "alternate"), ("Dnepr", "alternate")]),
    ("t:guernsey", "Guernsey", 49.45, -2.58, "A", "PCLI", "GG", None, None, 65_000, []),
    ("t:guernsey-oh", "Guernsey", 40.0, -81.6, "P", "PPL", "US", "OH", "Ohio", 600, []),
    ("t:athens", "Athens", 37.98, 23.73, "P", "PPLC", "GR", "ESYE31", "Attica", 660_000, []),
    ("t:athens-ga", "Athens", 33.96, -83.38, "P", "PPL", "US", "GA", "Georgia", 127_000, []),
    ("t:athens-tx", "Athens", 32.2, -95.86, "P", "PPL", "US", "TX", "Texas", 13_000, []),
    ("t:clarke-ga", "Clarke County", 33.95, -83.38, "A", "ADM2", "US", "GA", "Georgia", 0, []),
    ("t:clarke-va", "Clarke County", 39.11, -77.99, "A", "ADM2", "US", "VA", "Virginia", 0, []),
    ("t:odesa", "Odesa", 46.49, 30.74, "P", "PPLA", "UA", "17", "Odesa", 1_010_000, [("Odessa", "alternate")]),
    ("t:odessa-mo", "Odessa", 38.99, -93.95, "P", "PPL", "US", "MO", "Missouri", 5_200, [("Odesa", "alternate")]),
    ("t:washington-mo", "Washington", 38.56, -91.01, "P", "PPL", "US", "MO", "Missouri", 14_000, []),
    ("t:eu-town", "Eu", 50.05, 1.42, "P", "PPL", "FR", "28", "Normandie", 8_400, []),
    ("t:kherson-obl", "Kherson", 46.6, 33.0, "A", "ADM1", "UA", "08", "Kherson", 1_000_000, []),
    ("t:kherson", "Kherson", 46.64, 32.61, "P", "PPL", "UA", "08", "Kherson", 66_000, []),
    ("t:springfield-il", "Springfield", 39.8, -89.64, "P", "PPLA", "US", "IL", "Illinois", 114_000, []),
    ("t:lido-ny", "Lido Beach", 40.59, -73.63, "P", "PPL", "US", "NY", "New York", 2_900, []),
]


def build_tiny_store(path: Path) -> Path:
    writer = StoreWriter.create(path)
    for gid, name, lat, lon, fclass, fcode, cc, a1code, a1, pop, names in PLACES:
        pid = writer.add_place(gid, name, lat, lon, fclass, fcode, cc=cc, admin1_code=a1code, admin1=a1,
                               population=pop, source="test")
        writer.add_names(pid, [(name, "name"), *names])
    writer.finish({"source": "tests"})
    return path


@pytest.fixture(scope="session")
def tiny_store(tmp_path_factory) -> GazetteerStore:
    return GazetteerStore(build_tiny_store(tmp_path_factory.mktemp("gaz") / "tiny.sqlite"))


from geomap.resolve import Bias, MentionSpan, Scored, decide, rank, resolve_doc_mentions  # noqa: E402


def _doc(text: str, names: list[str], store: GazetteerStore, label: str | None = "GPE", bias: Bias | None = None):
    mentions, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        mentions.append(MentionSpan(name, label, start, start + len(name)))
        pos = start + len(name)
    return resolve_doc_mentions(mentions, text, store, bias=bias)


def test_rank_returns_named_feature_contributions_that_sum_to_the_score(tiny_store):
    ranked = rank("Moscow", store=tiny_store, label="GPE")
    assert ranked and all(isinstance(s, Scored) for s in ranked)
    for scored in ranked:
        assert abs(sum(scored.features.values()) - scored.score) < 1e-9
        assert {"match", "population", "feature_code", "label_fit"} <= set(scored.features)
    assert [s.score for s in ranked] == sorted((s.score for s in ranked), reverse=True)


def test_moscow_alone_is_the_russian_capital_not_its_division(tiny_store):
    place, confidence = decide(rank("Moscow", store=tiny_store, label="GPE"))
    assert place.gazetteer_id == "t:moscow" and 0.0 < confidence <= 1.0


def test_countries_resolve_to_countries(tiny_store):
    for name in ("France", "USA", "U.S.", "US"):
        place, _ = decide(rank(name, store=tiny_store, label="GPE"))
        assert place is not None and place.is_country, name
    assert decide(rank("France", store=tiny_store))[0].gazetteer_id == "t:fr"


def test_abbreviation_only_in_its_own_case(tiny_store):
    ranked = rank("us", store=tiny_store, label="GPE")
    assert ranked and ranked[0].features["match"] < -1.0  # "us" the pronoun is not "US"


def test_kiev_is_kyiv(tiny_store):
    assert decide(rank("Kiev", store=tiny_store, label="GPE"))[0].gazetteer_id == "t:kyiv"


def test_demonym_maps_to_country_for_norp(tiny_store):
    assert decide(rank("Ukrainian", store=tiny_store, label="NORP"))[0].gazetteer_id == "t:ua"


def test_unknown_name_is_none_of_these(tiny_store):
    assert rank("Xyzzyville", store=tiny_store) == []
    assert decide([]) == (None, 1.0)


def test_moscow_in_an_idaho_story(tiny_store):
    text = "Police in Moscow said the University of Idaho campus in Idaho was closed."
    results = _doc(text, ["Moscow", "Idaho"], tiny_store)
    assert results[0].place.gazetteer_id == "t:moscow-id"
    assert "admin1_agreement" in results[0].ranked[0].features


def test_parent_patterns(tiny_store):
    assert _doc("Moscow, Idaho", ["Moscow", "Idaho"], tiny_store)[0].place.gazetteer_id == "t:moscow-id"
    pullman = _doc("Pullman, Washington", ["Pullman", "Washington"], tiny_store)
    assert pullman[1].place.gazetteer_id == "t:us-wa"  # the state, because Pullman lies in it
    longbeach = _doc("He moved to Long Beach, CA last year.", ["Long Beach"], tiny_store)
    assert longbeach[0].place.gazetteer_id == "t:longbeach" and "parent" in longbeach[0].ranked[0].features


def test_pokrovsk_in_a_donetsk_story_is_not_engels(tiny_store):
    text = "Shelling hit Pokrovsk and Donetsk overnight."
    assert _doc(text, ["Pokrovsk", "Donetsk"], tiny_store)[0].place.gazetteer_id == "t:pokrovsk"


def test_georgia_in_a_tbilisi_story_is_the_country(tiny_store):
    text = "Protesters in Tbilisi said Georgia would not yield."
    assert _doc(text, ["Tbilisi", "Georgia"], tiny_store)[1].place.gazetteer_id == "t:ge"
    text = "Flooding hit Georgia after Washington sent aid to the state."
    us = _doc(text, ["Georgia"], tiny_store, bias=Bias(country="US"))
    assert us[0].place.gazetteer_id == "t:us-ga"


def test_river_mentions_resolve_to_the_river_not_the_city(tiny_store):
    for name in ("Dnieper River", "Dnipro River"):
        place, _ = decide(rank(name, store=tiny_store, label="LOC"))
        assert place.gazetteer_id == "t:dnieper", name
    assert decide(rank("Dnipro", store=tiny_store, label="GPE"))[0].gazetteer_id == "t:dnipro"


def test_an_unknown_county_is_never_a_country_and_falls_back_to_its_namesake_town(tiny_store):
    ranked = rank("Guernsey County", store=tiny_store, label="GPE")
    assert [s.place.gazetteer_id for s in ranked] == ["t:guernsey-oh"]
    assert ranked[0].features["variant"] < 0  # discounted: a town standing in for its county


def test_bias_country_and_area(tiny_store):
    assert decide(rank("Paris", store=tiny_store))[0].gazetteer_id == "t:paris"
    assert decide(rank("Paris", store=tiny_store, bias=Bias(country="US")))[0].gazetteer_id == "t:paris-tx"
    texas_box = Bias(area=(25.8, -106.7, 36.5, -93.5))
    assert decide(rank("Paris", store=tiny_store, bias=texas_box))[0].gazetteer_id == "t:paris-tx"


def test_names_that_can_share_a_division_resolve_into_it(tiny_store):
    text = "Road work in Athens and Clarke County starts Monday."
    athens, clarke = _doc(text, ["Athens", "Clarke County"], tiny_store)
    assert (athens.place.gazetteer_id, clarke.place.gazetteer_id) == ("t:athens-ga", "t:clarke-ga")
    assert "admin1_cooccurrence" in athens.ranked[0].features
    assert _doc("Tourists crowded Athens.", ["Athens"], tiny_store)[0].place.gazetteer_id == "t:athens"


def test_one_sense_per_discourse(tiny_store):
    text = "Moscow, Idaho police said. Later Moscow officials agreed."
    results = _doc(text, ["Moscow", "Idaho", "Moscow"], tiny_store)
    assert results[0].place.gazetteer_id == results[2].place.gazetteer_id == "t:moscow-id"


def test_confidence_is_a_probability(tiny_store):
    for name in ("Moscow", "Paris", "Springfield", "Georgia"):
        _, confidence = decide(rank(name, store=tiny_store))
        assert 0.0 < confidence <= 1.0


def test_a_bare_name_enumerated_before_counties_is_the_county(tiny_store):
    text = "Schools in Clarke and Oconee counties closed; Athens police said."
    clarke = _doc(text, ["Clarke"], tiny_store)[0]
    assert clarke.place is not None and clarke.place.feature_code == "ADM2"
    alone = _doc("Clarke said the vote was close.", ["Clarke"], tiny_store)[0]
    assert alone.confidence < clarke.confidence  # the bare name alone reaches the counties only as a last resort


def test_a_bare_name_the_text_also_writes_as_a_county_is_the_county(tiny_store):
    text = "Clarke County schools reopened. Parents in Clarke were relieved."
    clarke = _doc(text, ["Clarke"], tiny_store)[0]
    assert clarke.place is not None and clarke.place.feature_code == "ADM2"


def test_a_town_before_its_county_stays_the_town(tiny_store):
    athens = _doc("Police in Athens, Clarke County, said the road reopened.", ["Athens"], tiny_store)[0]
    assert athens.place is not None and athens.place.feature_class == "P"


def test_town_comma_county_puts_the_town_in_that_county(tiny_store):
    athens, clarke = _doc("Police in Athens, Clarke County, said the road reopened.", ["Athens", "Clarke County"],
                          tiny_store)
    assert athens.place.gazetteer_id == "t:athens-ga" and clarke.place.gazetteer_id == "t:clarke-ga"


def test_a_county_contains_same_state_towns_near_its_point(tiny_store):
    from geomap.resolution.features import contains

    clarke = [c.place for c in tiny_store.candidates("Clarke County") if c.place.admin1_code == "GA"][0]
    athens = {c.place.gazetteer_id: c.place for c in tiny_store.candidates("Athens")}
    assert contains(clarke, athens["t:athens-ga"])
    assert not contains(clarke, athens["t:athens-tx"]) and not contains(clarke, athens["t:athens"])


def test_last_resort_variants_reach_the_whole_place_or_the_county(tiny_store):
    from geomap.resolution.lookup import lookup

    south = lookup("South Long Beach", tiny_store)
    assert south and {f.variant for f in south} == {"part"}
    assert {f.candidate.place.gazetteer_id for f in south} == {"t:longbeach", "t:longbeach-ny"}
    clarke = lookup("Clarke", tiny_store)
    assert clarke and all(f.candidate.place.feature_code == "ADM2" and f.variant == "county" for f in clarke)
    assert lookup("Zzyzxq", tiny_store) == [] and lookup("Southward", tiny_store) == []


def test_an_alternate_name_yields_to_places_that_bear_it(tiny_store):
    from geomap.models import Candidate
    from geomap.resolution.lookup import Found
    from geomap.resolve import rank_found

    paris_tx = [c for c in tiny_store.candidates("Paris") if c.place.country_code == "US"][0]
    athens_tx = [c.place for c in tiny_store.candidates("Athens") if c.place.admin1_code == "TX"][0]
    former = Candidate(place=athens_tx, matched_name="Paris", match="alternate")  # as a former name would be
    ranked = rank_found([Found(paris_tx, "", "", 1.0), Found(former, "", "", 1.0)])
    by_id = {s.place.gazetteer_id: s for s in ranked}
    assert "named_elsewhere" in by_id["t:athens-tx"].features and "named_elsewhere" not in by_id["t:paris-tx"].features
    alone = rank_found([Found(former, "", "", 1.0)])
    assert "named_elsewhere" not in alone[0].features


def test_places_listed_with_divisions_of_a_country_get_the_peer_feature(tiny_store):
    idaho, georgia = _doc("Storms hit Idaho and Georgia on Monday.", ["Idaho", "Georgia"], tiny_store)
    assert georgia.place.gazetteer_id == "t:us-ga"
    state = [s for s in georgia.ranked if s.place.gazetteer_id == "t:us-ga"][0]
    country = [s for s in georgia.ranked if s.place.gazetteer_id == "t:ge"][0]
    assert state.features.get("peer", 0) > 0 and "peer" not in country.features


def test_a_confidently_resolved_name_votes_only_for_its_own_division(tiny_store):
    text = "A missile hit Odesa. Speaking in Washington, officials condemned the strike on Odesa."
    results = _doc(text, ["Odesa", "Washington", "Odesa"], tiny_store)
    assert results[1].place.gazetteer_id in ("t:dc", "t:us-wa") and results[1].confidence >= 0.6
    missouri = [s for s in results[0].ranked if s.place.gazetteer_id == "t:odessa-mo"]
    assert missouri and "admin1_cooccurrence" not in missouri[0].features


def test_a_name_written_as_a_far_larger_place_writes_itself_is_that_place(tiny_store):
    text = "A missile hit Odesa. Speaking in Washington, officials condemned the strike on Odesa."
    odesa = _doc(text, ["Odesa", "Washington", "Odesa"], tiny_store)[0]
    assert odesa.place.gazetteer_id == "t:odesa"
    missouri = [s for s in odesa.ranked if s.place.gazetteer_id == "t:odessa-mo"][0]
    assert missouri.features["named_elsewhere"] <= -3.0 + 1e-9  # outweighed 200 times: the penalty doubled
    # the other way round, the big city that lists the small town's name as a variant is not discounted
    ukraine = [s for s in rank("Odessa", store=tiny_store, label="GPE") if s.place.gazetteer_id == "t:odesa"][0]
    assert "named_elsewhere" not in ukraine.features


def test_prominence_only_for_cities_of_millions_written_exactly(tiny_store):
    ranked = {s.place.gazetteer_id: s for s in rank("Moscow", store=tiny_store, label="GPE")}
    assert "prominence" in ranked["t:moscow"].features
    assert "prominence" not in ranked["t:moscow-id"].features and "prominence" not in ranked["t:ru-mow"].features
    assert all("prominence" not in s.features for s in rank("Kiev", store=tiny_store))  # an alternate name


def test_a_division_named_after_a_small_seat_or_a_nearby_capital_is_discounted():
    from geomap.models import Place
    from geomap.resolve import _namesake_city

    def place(gid, fcode, a1, lat, lon, pop):
        return Place(gazetteer_id=gid, name="X", lat=lat, lon=lon, feature_class="P" if fcode.startswith("PP") else "A",
                     feature_code=fcode, country_code="AR", admin1_code=a1, population=pop)

    province = place("prov", "ADM1", "01", -37.15, -60.13, 8_000_000)
    capital = place("cap", "PPLC", "07", -34.61, -58.38, 2_900_000)  # its own division, ~300 km away
    assert _namesake_city(province, [capital]) is capital
    assert _namesake_city(province, [place("far", "PPL", "07", -34.61, -58.38, 2_900_000)]) is None
    seat = place("seat", "PPL", "01", -37.0, -60.0, 90_000)  # ~1% of the division, inside it
    assert _namesake_city(province, [seat]) is seat
    assert _namesake_city(province, [place("tiny", "PPL", "01", -37.0, -60.0, 9_000)]) is None


def test_short_capitals_do_not_read_as_a_town_name(tiny_store):
    ranked = {s.place.gazetteer_id: s for s in rank("PARIS", store=tiny_store)}
    assert "written_as_abbreviation" not in ranked["t:paris"].features  # a long name in capitals is a name
    assert "written_as_abbreviation" in rank("EU", store=tiny_store)[0].features
    assert decide(rank("EU", store=tiny_store))[0] is None and decide(rank("Eu", store=tiny_store))[0] is not None
    assert "written_as_abbreviation" not in rank("US", store=tiny_store)[0].features
    assert decide(rank("US", store=tiny_store))[0].gazetteer_id == "t:us"
    ranked = rank("GA", store=tiny_store)
    assert all("written_as_abbreviation" not in s.features for s in ranked if s.match == "abbreviation")


def test_a_division_named_after_its_city_ranks_below_it_on_priors(tiny_store):
    ranked = {s.place.gazetteer_id: s for s in rank("Moscow", store=tiny_store, label="GPE")}
    assert ranked["t:moscow"].score > ranked["t:ru-mow"].score
    assert ranked["t:ru-mow"].features["division_of_city"] <= -2.5
    # a division 15 times its seat's size and with a division's prior still ends below the seat
    ranked = {s.place.gazetteer_id: s for s in rank("Kherson", store=tiny_store, label="GPE")}
    assert ranked["t:kherson-obl"].features["division_of_city"] < -2.5
    assert decide(rank("Kherson", store=tiny_store, label="GPE"))[0].gazetteer_id == "t:kherson"


def test_a_river_tagged_gpe_still_resolves_when_nothing_of_that_kind_is_named_so(tiny_store):
    dnieper = rank("Dnieper", store=tiny_store, label="GPE")
    assert decide(dnieper)[0].gazetteer_id == "t:dnieper" and dnieper[0].features["label_fit"] == 0.0
    # where a town or division does bear the name, the label keeps its full weight
    assert rank("Guernsey", store=tiny_store, label="LOC")[-1].features["label_fit"] < 0.0


def test_a_name_the_gazetteer_lacks_is_placed_approximately_at_its_parent_or_the_focus(tiny_store):
    text = "Police in Pullman said a man from Xyzzyville, Idaho, and one from Quuxton were held in Pullman."
    pullman, xyzzy, idaho, quux, _ = _doc(text, ["Pullman", "Xyzzyville", "Idaho", "Quuxton", "Pullman"], tiny_store)
    assert pullman.basis == "gazetteer" and pullman.place.gazetteer_id == "t:pullman"
    assert (xyzzy.basis, xyzzy.place.gazetteer_id) == ("parent", "t:us-id")  # the "X, Y" parent
    assert (quux.basis, quux.place.gazetteer_id) == ("focus", "t:pullman")  # the town the text names most
    assert quux.confidence < 0.2 and idaho.basis == "gazetteer"
    # a known name that fits nothing stays unresolved, and a demonym is never placed by the fallback
    jordan, = _doc("Michael Jordan scored.", ["Jordan"], tiny_store, label="PERSON")
    assert jordan.place is None or jordan.basis == "gazetteer"
    alone, = _doc("Quuxton residents met.", ["Quuxton"], tiny_store)
    assert alone.place is None  # no focus to stand in
    norp = _doc("Pullman hosted Quuxtonian dancers.", ["Pullman", "Quuxtonian"], tiny_store, label="NORP")[1]
    assert norp.place is None


def test_a_weak_match_a_continent_away_from_everything_named_is_none_of_these(store):
    from geomap.resolve import MentionSpan, resolve_doc_mentions

    text = "Gunmen abducted six labourers near Turbat in Kech district of Balochistan, Pakistan, on Monday."
    names = ["Turbat", "Kech", "Balochistan", "Pakistan"]
    mentions, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        mentions.append(MentionSpan(name, "GPE", start, start + len(name)))
        pos = start + len(name)
    kech = resolve_doc_mentions(mentions, text, store)[1]
    assert kech.place is None or kech.place.country_code == "PK"


def test_x_in_y_puts_x_inside_y(tiny_store):
    # the one Long Beach the tiny gazetteer holds near Kyiv is none: "in Kyiv" makes it a spot there
    results = _doc("A drone struck Long Beach in Kyiv on Monday.", ["Long Beach", "Kyiv"], tiny_store)
    assert results[0].place.gazetteer_id == "t:kyiv" and results[0].basis == "parent"
    # a candidate inside the container is taken over a more prominent one outside it
    assert _doc("Fans gathered in Moscow in Idaho.", ["Moscow", "Idaho"], tiny_store)[0].place.gazetteer_id == "t:moscow-id"
    # a place already inside its container keeps its resolution
    assert _doc("Shelling hit Pokrovsk in Donetsk Oblast.", ["Pokrovsk", "Donetsk Oblast"],
                tiny_store)[0].place.gazetteer_id == "t:pokrovsk"


def test_a_town_a_continent_away_from_a_one_country_text_is_left_unresolved(tiny_store):
    # the local namesake the gazetteer lacks is likelier than a New York hamlet in a text all about Ukraine
    text = "Drones hit Kyiv, Dnipro and Kherson overnight; a strike on Lido Beach killed two."
    results = _doc(text, ["Kyiv", "Dnipro", "Kherson", "Lido Beach"], tiny_store)
    assert results[3].place is None and "foreign_far" in results[3].ranked[0].features
    # a digest ranging over countries has no such focus: the name keeps its usual sense
    text = "Drones hit Kyiv; police in Tbilisi and Moscow detained protesters; a strike on Lido Beach killed two."
    results = _doc(text, ["Kyiv", "Tbilisi", "Moscow", "Lido Beach"], tiny_store)
    assert results[3].place.gazetteer_id == "t:lido-ny"
    # nor does a city abroad big enough to be news in its own right
    text = "Drones hit Kyiv, Dnipro and Kherson overnight; exiles marched in Long Beach."
    assert _doc(text, ["Kyiv", "Dnipro", "Kherson", "Long Beach"], tiny_store)[3].place.gazetteer_id == "t:longbeach"
    # nor does a town near what the text names (Paris is a European capital, not another continent)
    text = "Drones hit Kyiv, Dnipro and Kherson overnight; ministers met in Paris."
    assert _doc(text, ["Kyiv", "Dnipro", "Kherson", "Paris"], tiny_store)[3].place.gazetteer_id == "t:paris"
