"""Relative and absolute news dates resolve against the publication date with honest precision."""
from __future__ import annotations

from datetime import date

import pytest

from geomap.dates import find_dates, publication_window, resolve_date

FRIDAY = date(2025, 4, 25)  # the seed's publication date, a Friday


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("on Friday", "2025-04-25", "2025-04-25", "day"),
        ("late on Saturday", "2025-04-19", "2025-04-19", "day"),
        ("overnight into Friday", "2025-04-24", "2025-04-25", "day"),
        ("over the weekend", "2025-04-19", "2025-04-20", "week"),
        ("yesterday", "2025-04-24", "2025-04-24", "day"),
        ("two days ago", "2025-04-23", "2025-04-23", "day"),
        ("last week", "2025-04-14", "2025-04-20", "week"),
        ("earlier this week", "2025-04-21", "2025-04-25", "week"),
        ("this month", "2025-04-01", "2025-04-25", "month"),
        ("last month", "2025-03-01", "2025-03-31", "month"),
        ("last August", "2024-08-01", "2024-08-31", "month"),
        ("last March", "2024-03-01", "2024-03-31", "month"),
        ("in April", "2025-04-01", "2025-04-25", "month"),
        ("in May", "2024-05-01", "2024-05-31", "month"),
        ("last year's poisoning", "2024-01-01", "2024-12-31", "year"),
        ("earlier this year", "2025-01-01", "2025-04-25", "year"),
        ("in 2023", "2023-01-01", "2023-12-31", "year"),
        ("since March 2022", "2022-03-01", "2025-04-25", "year"),
        ("on 12 April 2024", "2024-04-12", "2024-04-12", "day"),
        ("on March 3, 2023", "2023-03-03", "2023-03-03", "day"),
        ("April 12", "2025-04-12", "2025-04-12", "day"),
        ("on Sept. 3", "2024-09-03", "2024-09-03", "day"),
        ("March 2022", "2022-03-01", "2022-03-31", "month"),
        ("on May 9 last year", "2024-05-09", "2024-05-09", "day"),
        ("17 September last year", "2024-09-17", "2024-09-17", "day"),
        ("on March 3 this year", "2025-03-03", "2025-03-03", "day"),
        ("next Saturday", "2025-04-26", "2025-04-26", "day"),
        ("next week", "2025-04-28", "2025-05-04", "week"),
    ],
)
def test_expressions(text, start, end, precision):
    window = resolve_date(text, FRIDAY)
    assert window is not None, text
    assert (window.date.isoformat(), window.date_end.isoformat(), window.precision) == (start, end, precision)


def test_weekday_is_the_latest_on_or_before_publication():
    monday = date(2024, 11, 18)
    assert resolve_date("on Saturday", monday).date == date(2024, 11, 16)
    assert resolve_date("on Monday", monday).date == monday
    assert resolve_date("on Tuesday", monday).date == date(2024, 11, 12)


def test_time_precision_follows_acled():
    assert resolve_date("on Friday", FRIDAY).time_precision == 1
    assert resolve_date("over the weekend", FRIDAY).time_precision == 2
    assert resolve_date("last month", FRIDAY).time_precision == 3
    assert resolve_date("last year", FRIDAY).time_precision == 3
    undated = publication_window(FRIDAY)
    assert (undated.date, undated.precision, undated.time_precision) == (FRIDAY, "publication", 2)


def test_a_day_earlier_counts_from_the_reference_day():
    assert resolve_date("a day earlier", FRIDAY).date == date(2025, 4, 24)
    [(_, _, window)] = find_dates("A day earlier, shelling hit the town.", FRIDAY, reference=date(2025, 4, 20))
    assert window.date == date(2025, 4, 19)
    [(_, _, window)] = find_dates("yesterday", FRIDAY, reference=date(2025, 4, 20))
    assert window.date == date(2025, 4, 24)


def test_modal_may_and_words_are_not_dates():
    assert find_dates("Israel may attack, officials said; the march was peaceful.", FRIDAY) == []


def test_several_expressions_in_order_without_overlap():
    found = find_dates("Shelling on Friday followed last year's poisoning and a strike in April.", FRIDAY)
    assert [w.precision for _, _, w in found] == ["day", "year", "month"]
    assert [FRIDAY.isoformat(), "2024-01-01", "2025-04-01"] == [w.date.isoformat() for _, _, w in found]


def test_future_years_are_ignored():
    assert resolve_date("in 2031", FRIDAY) is None


def test_same_day_phrases_take_the_day_the_story_last_named() -> None:
    from datetime import date as _date

    from geomap.dates import find_dates as _find

    published, named = _date(2024, 5, 27), _date(2024, 5, 26)
    for phrase in ("Earlier in the day, rockets hit", "Later that evening, rockets hit", "Hours later, rockets hit"):
        (_, _, window), = _find(phrase, published, named)
        assert (window.date, window.date_end, window.precision) == (named, named, "day")
    (_, _, window), = _find("Earlier in the day, rockets hit", published, None)
    assert window.date == published  # no day named yet: the report day


def test_early_mid_late_narrow_a_month_or_year_to_its_third() -> None:
    from datetime import date as _date

    published = _date(2025, 2, 21)
    cases = {"captured in late January": ("2025-01-21", "2025-01-31", "week"),
             "in early March 2024": ("2024-03-01", "2024-03-10", "week"),
             "in mid-2024": ("2024-05-01", "2024-08-31", "year"),
             "late 2023": ("2023-09-01", "2023-12-31", "year"),
             "in January": ("2025-01-01", "2025-01-31", "month")}
    for text, (start, end, precision) in cases.items():
        window = resolve_date(text, published)
        assert (window.date.isoformat(), window.date_end.isoformat(), window.precision) == (start, end, precision), text
    # the last third of the current month has begun but runs only to publication
    window = resolve_date("in late February", published)
    assert (window.date, window.date_end) == (published, published)


def test_sentence_initial_qualifiers_still_qualify_the_weekday() -> None:
    from datetime import date as _date

    from geomap.dates import find_dates as _find

    found = _find("Last Sunday, fighters attacked. Late on Friday police left.", _date(2025, 5, 18))
    assert [(w.text, w.date.isoformat()) for _, _, w in found] == [("Last Sunday", "2025-05-11"),
                                                                  ("Late on Friday", "2025-05-16")]


def test_a_weekday_beside_a_calendar_date_and_late_last_week():
    """ "On 13 April, Palm Sunday" is one day; "late last week" is its Thursday to Sunday."""
    published = date(2025, 5, 9)
    assert [w.date for _, _, w in find_dates("On 13 April, Palm Sunday, missiles struck.", published)] == [
        date(2025, 4, 13)]
    assert [w.date for _, _, w in find_dates("On Sunday, 13 April, missiles struck.", published)] == [
        date(2025, 4, 13)]
    [(_, _, late)] = find_dates("Late last week a drone hit a tank.", date(2025, 8, 12))
    assert (late.date, late.date_end) == (date(2025, 8, 7), date(2025, 8, 10))
    [(_, _, night)] = find_dates("Overnight between 19 and 20 February, forces raided Hebron.", date(2025, 2, 24))
    assert (night.date, night.date_end) == (date(2025, 2, 19), date(2025, 2, 20))  # the night, both its days


def test_hours_and_eves_count_from_the_day_the_story_last_named():
    story_day, published = date(2025, 6, 21), date(2025, 6, 22)

    def days(text, reference=story_day):
        return [(w.date.isoformat(), w.date_end.isoformat()) for _, _, w in find_dates(text, published, reference)]

    assert days("Forty-eight hours earlier, fighters attacked a base.") == [("2025-06-19", "2025-06-19")]
    assert days("On the eve of the raid, jets struck a camp.") == [("2025-06-20", "2025-06-20")]
    # opening the sentence, "N hours after the assault" dates the sentence's own event after the story's day
    assert days("Forty-eight hours after the assault, agents detained two journalists.", date(2025, 6, 19)) == [
        ("2025-06-21", "2025-06-21")]
    assert days("Forty-eight hours after the assault, agents detained two journalists.") == []  # past publication
    assert days("36 hours later police returned.", date(2025, 6, 19)) == [("2025-06-20", "2025-06-21")]
    # with no day named before, an eve is of nothing the story dated
    assert days("On the eve of the elections, rallies were held.", None) == []


def test_an_overnight_event_that_stretched_into_a_day_is_that_night():
    [(_, _, night), (_, _, day)] = find_dates("an overnight raid that stretched into Saturday morning", FRIDAY)
    assert (night.date.isoformat(), night.date_end.isoformat()) == ("2025-04-18", "2025-04-19")
    assert day.date.isoformat() == "2025-04-19"


def test_a_year_opening_a_sentence():
    [(_, _, window)] = find_dates("In 2018, demonstrators torched the consulate.", FRIDAY)
    assert (window.date.isoformat(), window.precision) == ("2018-01-01", "year")
    assert find_dates("Riots Seen In 2018 Style", FRIDAY) == []  # a title-case headline



def test_a_day_counted_back_from_the_day_the_same_sentence_named():
    text = "The air force said on Wednesday that jets had struck the camp the previous day."
    found = find_dates(text, date(2024, 10, 3), reference=date(2024, 10, 1))
    assert [(w.date.isoformat(), w.precision) for _, _, w in found] == [("2024-10-02", "day"), ("2024-10-01", "day")]
    # with no day named before it in the sentence, the story's last day is still the base
    [(_, _, window)] = find_dates("A day earlier, shelling hit the town.", date(2024, 10, 3), reference=date(2024, 10, 1))
    assert window.date == date(2024, 9, 30)


def test_an_asides_old_date_is_no_base_for_the_previous_day():
    text = "The governor, who took office on 29 May 2023, said bandits had struck the previous day."
    found = find_dates(text, date(2025, 5, 8), reference=None)
    assert [w.date.isoformat() for _, _, w in found] == ["2023-05-29", "2025-05-07"]


def test_the_previous_evening_is_the_day_before_the_day_named():
    """ "said on Wednesday that … fired on positions … the previous evening": Tuesday."""
    text = "The ministry said on Wednesday that troops had fired on positions near Tegh the previous evening."
    found = {text[a:b]: w.date for a, b, w in find_dates(text, date(2025, 6, 18), None)}
    assert found["the previous evening"] == date(2025, 6, 17)
