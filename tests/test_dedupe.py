"""The same incident reported twice becomes one, keeping the best place, date and counts."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from geomap.dedupe import dedupe, same_event
from geomap.models import Incident, Place

KYIV = Place("t:kyiv", "Kyiv", 50.4501, 30.5234, "P", "PPLC", "UA")
BROVARY = Place("t:brovary", "Brovary", 50.5114, 30.7903, "P", "PPL", "UA")  # ~20 km from Kyiv
KHARKIV = Place("t:kharkiv", "Kharkiv", 49.9935, 36.2304, "P", "PPL", "UA")


def incident(place=KYIV, day=date(2025, 4, 24), end=None, precision="day", doc="a", event="Explosions/Remote violence",
             geo=1, fatalities=None, **extra) -> Incident:
    return Incident(id=f"{doc}:1", doc=doc, event_type=event, sub_event_type="Air/drone strike", place=place,
                    location=place.name, geo_precision=geo, date=day, date_end=end or day, date_precision=precision,
                    time_precision=1, quote="", start=0, end=0, fatalities=fatalities, sources=(doc,), **extra)


def test_same_event_across_articles_merges_sources_and_keeps_max_fatalities():
    merged = dedupe([incident(doc="a", fatalities=3), incident(doc="b", fatalities=9)])
    assert len(merged) == 1
    assert merged[0].sources == ("a", "b")
    assert merged[0].fatalities == 9


def test_within_25_km_merges_and_keeps_the_more_precise_place():
    near = incident(place=KYIV, geo=2)
    exact = incident(place=BROVARY, geo=1, doc="b")
    [merged] = dedupe([near, exact])
    assert merged.place == BROVARY and merged.geo_precision == 1


def test_far_apart_or_different_type_or_disjoint_dates_stay_apart():
    assert len(dedupe([incident(), incident(place=KHARKIV)])) == 2
    assert len(dedupe([incident(), incident(event="Battles")])) == 2
    assert len(dedupe([incident(), incident(day=date(2025, 4, 20))])) == 2


def test_coarse_window_merges_with_a_day_inside_it_and_keeps_the_day():
    month = incident(day=date(2025, 4, 1), end=date(2025, 4, 30), precision="month")
    day = incident(day=date(2025, 4, 24), doc="b")
    [merged] = dedupe([month, day])
    assert (merged.date, merged.date_precision) == (date(2025, 4, 24), "day")


def test_undated_report_counts_as_the_week_before_publication():
    undated = incident(day=date(2025, 4, 25), precision="publication")
    assert same_event(undated, incident(day=date(2025, 4, 21)))
    assert not same_event(undated, incident(day=date(2025, 4, 10)))


def test_people_and_actors_are_united_without_duplicates():
    a = incident(people=("X",), actors=("Military Forces of Russia",))
    b = replace(incident(doc="b"), people=("X", "Y"), actors=("Military Forces of Russia",))
    [merged] = dedupe([a, b])
    assert merged.people == ("X", "Y") and merged.actors == ("Military Forces of Russia",)
