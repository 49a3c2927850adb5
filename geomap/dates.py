"""Date expressions in news text → a date window resolved against the publication date.

News reports rarely give a full date: "on Friday", "late on Saturday", "last year", "this month". Absolute
expressions ("12 April 2024", "April 12") go to dateparser; relative ones are resolved here, with the honest
precision (day|week|month|year) and the ACLED time_precision it implies (1 day, 2 week or short range,
3 month or coarser). An event with no date of its own takes the publication date with precision
"publication" and time_precision 2 (ACLED's practice of coding the report date when the day is uncertain).
"""
from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Callable

import dateparser

log = logging.getLogger("geomap.dates")

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "publication": 2}

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = [m for m in calendar.month_name if m]
_MONTH_ABBR = {m[:3].lower(): i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
# every way a month or a weekday is written alone: "April", "Apr", "Sept"; "Saturday", "Sat", "Thurs"
MONTH_WORDS = frozenset({m.lower() for m in _MONTHS} | set(_MONTH_ABBR))
WEEKDAY_WORDS = frozenset(_WEEKDAYS) | {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
_WEEKDAY_NAMES = "|".join(day.capitalize() for day in _WEEKDAYS)
_WD = rf"(?P<wd>{_WEEKDAY_NAMES})"
_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}
_N = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
_HOURS = {"twenty-four": 24, "thirty-six": 36, "forty-eight": 48, "seventy-two": 72, "ninety-six": 96}
_H = r"(?P<h>\d{2,3}|twenty-four|thirty-six|forty-eight|seventy-two|ninety-six)"


@dataclass(frozen=True)
class DateWindow:
    """A resolved date: the first and last day it may stand for, and how precise it is."""

    date: date
    date_end: date
    precision: str  # day|week|month|year|publication
    text: str = ""

    @property
    def time_precision(self) -> int:
        return TIME_PRECISION[self.precision]


def publication_window(published: date) -> DateWindow:
    """The window an undated event gets: the report date itself."""
    return DateWindow(published, published, "publication", "")


def _month_window(year: int, month: int, text: str, until: date | None = None) -> DateWindow:
    last = date(year, month, calendar.monthrange(year, month)[1])
    return DateWindow(date(year, month, 1), min(last, until) if until else last, "month", text)


def _year_window(year: int, text: str, until: date | None = None) -> DateWindow:
    last = date(year, 12, 31)
    return DateWindow(date(year, 1, 1), min(last, until) if until else last, "year", text)


def _range(start: date, end: date, text: str) -> DateWindow:
    days = (end - start).days
    precision = "day" if days < 1 else "week" if days <= 7 else "month" if days <= 92 else "year"
    return DateWindow(start, end, precision, text)


def last_weekday(published: date, name: str) -> date:
    """The most recent day with this weekday name ("Monday", or an alert's "MON") on or before publication."""
    wanted = next(i for i, day in enumerate(_WEEKDAYS) if day.startswith(name.lower()[:3]))
    return published - timedelta(days=(published.weekday() - wanted) % 7)


def _month_number(token: str) -> int:
    token = token.rstrip(".").lower()
    for i, name in enumerate(_MONTHS):
        if name.lower() == token:
            return i + 1
    return _MONTH_ABBR[token[:4] if token.startswith("sept") else token[:3]]


def _recent_month(published: date, month: int, strictly_before: bool) -> tuple[int, int]:
    """Year of the most recent such month (on or before the publication month, or strictly before)."""
    year = published.year
    if month > published.month or (strictly_before and month == published.month):
        year -= 1
    return year, month


def _count(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBERS[token.lower()]


def _hour_count(token: str) -> int:
    """ "48", "forty-eight" → 48."""
    return int(token) if token.isdigit() else _HOURS[token.lower()]


def _absolute(text: str, published: date) -> date | None:
    """A day-precise absolute expression through dateparser, preferring the past of the publication date."""
    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
        "DATE_ORDER": "DMY",
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        log.debug("dateparser could not read %r", text)
        return None
    return parsed.date()


# Each rule: (regex, resolver(match, published) -> DateWindow | None). Order does not matter: the longest
# non-overlapping matches win.
def _r_overnight_into(m: re.Match, p: date) -> DateWindow:
    """ "overnight into Monday": Sunday night; "overnight on Monday": Monday night, unless that is still ahead."""
    day = last_weekday(p, m["wd"])
    if re.search(r"\bon\s", m[0], re.IGNORECASE) and day < p:
        return DateWindow(day, day + timedelta(days=1), "day", m[0])
    return DateWindow(day - timedelta(days=1), day, "day", m[0])


def _r_weekday(m: re.Match, p: date) -> DateWindow:
    day = last_weekday(p, m["wd"])
    if day == p and m[0].lower().startswith(("last", "the")):
        day -= timedelta(days=7)  # "last Monday" ("the previous Monday") in a Monday paper is a week ago
    return DateWindow(day, day, "day", m[0])


def _r_weekend(m: re.Match, p: date) -> DateWindow:
    # the latest Saturday–Sunday that has begun by publication
    saturday = p - timedelta(days=(p.weekday() - 5) % 7)
    return DateWindow(saturday, min(saturday + timedelta(days=1), p), "week", m[0])


def _r_days_ago(m: re.Match, p: date) -> DateWindow:
    day = p - timedelta(days=_count(m["n"]) if m["n"] else 1)  # "earlier/before" count from the reference day
    return DateWindow(day, day, "day", m[0])


def _r_days_later(m: re.Match, p: date) -> DateWindow:
    """ "a day later", "two days later", "the next day": counted on from the day the story last named (``p``)."""
    day = p + timedelta(days=_count(m["n"]) if m.groupdict().get("n") else 1)
    return DateWindow(day, day, "day", m[0])


def _hours_window(hours: int, day: date, sign: int, text: str) -> DateWindow:
    """ "48 hours earlier": whole days counted from ``day``; a part day leaves both days possible."""
    low, high = sorted((day + timedelta(days=sign * (hours // 24)), day + timedelta(days=sign * -(-hours // 24))))
    return _range(low, high, text)


def _r_hours_before(m: re.Match, p: date) -> DateWindow:
    """ "forty-eight hours earlier": counted back from the day the story last named (``p``)."""
    return _hours_window(_hour_count(m["h"]), p, -1, m[0])


def _r_hours_later(m: re.Match, p: date) -> DateWindow:
    return _hours_window(_hour_count(m["h"]), p, 1, m[0])


def _r_fixed(offset: int) -> Callable[[re.Match, date], DateWindow]:
    def resolve(m: re.Match, p: date) -> DateWindow:
        day = p - timedelta(days=offset)
        return DateWindow(day, day, "day", m[0])
    return resolve


def _r_same_day(m: re.Match, p: date) -> DateWindow:
    """ "earlier in the day", "that evening", "hours later": the day the story last named (``p`` is that day)."""
    return DateWindow(p, p, "day", m[0])


def _r_last_night(m: re.Match, p: date) -> DateWindow:
    return DateWindow(p - timedelta(days=1), p, "day", m[0])


_EVE_OF_A_DAY = re.compile(rf"\s+(?:the\s+)?(?:\S+\s+){{0,2}}?(?:{_WD}|{_MON}\b|\d)", re.IGNORECASE)
_PART = re.compile(r"\b(early|mid|late)\b", re.IGNORECASE)


def _narrowed(window: DateWindow, text: str) -> DateWindow:
    """ "early/mid/late March" is a third of the month, "early/mid/late 2024" a third of the year."""
    part = _PART.search(text)
    if not part or window.precision not in ("month", "year"):
        return window
    third = ("early", "mid", "late").index(part[1].lower())
    if window.precision == "month":
        first = window.date
        last_day = calendar.monthrange(first.year, first.month)[1]
        start = first.replace(day=(1, 11, 21)[third])
        end = first.replace(day=(10, 20, last_day)[third])
        precision = "week"
    else:
        start = date(window.date.year, (1, 5, 9)[third], 1)
        end_month = (4, 8, 12)[third]
        end = date(window.date.year, end_month, calendar.monthrange(window.date.year, end_month)[1])
        precision = "year"
    if start > window.date_end:  # "late this month" read before the month's last third has begun
        return window
    return DateWindow(start, min(end, window.date_end), precision, text)


def _r_next(m: re.Match, p: date) -> DateWindow:
    """ "next Saturday", "this coming Friday", "next week", "next month": a day after the report, which no
    event it tells can have happened on."""
    if m["wd"]:
        ahead = (_WEEKDAYS.index(m["wd"].lower()) - p.weekday()) % 7 or 7
        day = p + timedelta(days=ahead)
        return DateWindow(day, day, "day", m[0])
    if m["unit"].lower() == "week":
        start = p + timedelta(days=7 - p.weekday())
        return DateWindow(start, start + timedelta(days=6), "week", m[0])
    if m["unit"].lower() == "year":
        return DateWindow(date(p.year + 1, 1, 1), date(p.year + 1, 12, 31), "year", m[0])
    year, month = (p.year + 1, 1) if p.month == 12 else (p.year, p.month + 1)
    return _month_window(year, month, m[0])


def _r_weeks_ago(m: re.Match, p: date) -> DateWindow:
    centre = p - timedelta(weeks=_count(m["n"]))
    return DateWindow(centre - timedelta(days=3), min(centre + timedelta(days=3), p), "week", m[0])


def _r_last_week(m: re.Match, p: date) -> DateWindow:
    """ "last week" is Monday to Sunday; "early last week" Monday to Wednesday, "late last week" Thursday on."""
    monday = p - timedelta(days=p.weekday() + 7)
    part = (m["part"] or "").lower()
    start = monday + timedelta(days=3 if part == "late" else 0)
    return DateWindow(start, monday + timedelta(days=2 if part == "early" else 6), "week", m[0])


def _r_this_week(m: re.Match, p: date) -> DateWindow:
    return DateWindow(p - timedelta(days=p.weekday()), p, "week", m[0])


def _r_last_month(m: re.Match, p: date) -> DateWindow:
    first = date(p.year, p.month, 1) - timedelta(days=1)
    return _month_window(first.year, first.month, m[0])


def _r_this_month(m: re.Match, p: date) -> DateWindow:
    return _month_window(p.year, p.month, m[0], until=p)


def _r_last_year(m: re.Match, p: date) -> DateWindow:
    return _year_window(p.year - (_count(m["n"]) if m.groupdict().get("n") else 1), m[0])


def _r_this_year(m: re.Match, p: date) -> DateWindow:
    return _year_window(p.year, m[0], until=p)


def _r_month_of_year(m: re.Match, p: date) -> DateWindow:
    """ "in June last year", "October of last year", "March this year"."""
    year = p.year - 1 if "last" in m["which"].lower() or "previous" in m["which"].lower() else p.year
    if date(year, _month_number(m["mon"]), 1) > p:
        return None  # "in December this year" read in June: not yet, so no event date
    return _narrowed(_month_window(year, _month_number(m["mon"]), m[0], until=p), m[0])


def _r_day_of_year(m: re.Match, p: date) -> DateWindow | None:
    """ "on May 9 last year", "17 September this year"."""
    year = p.year - 1 if "last" in m["which"].lower() or "previous" in m["which"].lower() else p.year
    day = date(year, _month_number(m["mon"]), int(m["d"]))
    return DateWindow(day, day, "day", m[0]) if day <= p else None


def _r_named_month(m: re.Match, p: date) -> DateWindow:
    month = _month_number(m["mon"])
    if m[0].lower().startswith("last"):  # "last March" is last year's (this year's would be "in March")
        return _narrowed(_month_window(p.year - 1, month, m[0]), m[0])
    year, month = _recent_month(p, month, False)
    return _narrowed(_month_window(year, month, m[0], until=p), m[0])


def _r_month_year(m: re.Match, p: date) -> DateWindow:
    return _narrowed(_month_window(int(m["y"]), _month_number(m["mon"]), m[0]), m[0])


def _r_year(m: re.Match, p: date) -> DateWindow | None:
    year = int(m["y"])
    return _narrowed(_year_window(year, m[0], until=p), m[0]) if year <= p.year else None


def _r_absolute_day(m: re.Match, p: date) -> DateWindow | None:
    day = _absolute(m[0], p)
    return DateWindow(day, day, "day", m[0]) if day else None


def _r_day_range(m: re.Match, p: date) -> DateWindow | None:
    """ "2–3 April", "between 3 and 6 May 2025", "March 19-20": the days from the first to the second, in the
    month (and year) written once after or before them."""
    first, last = int(m["d1"]), int(m["d2"])
    end = _absolute(f"{last} {m['mon']} {m['y'] or ''}".strip(), p)
    if end is None or not 1 <= first < last:
        return None
    return _range(end.replace(day=first), end, m[0])


# "21/01/2025", "21.01.2025", and an Indian police note's "17-01-2024"
_NUMERIC_DAY = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<y>(?:19|20)\d\d)(?![\d/-])")


def numeric_order(text: str) -> bool | None:
    """Whether a text writes its numeric dates day first (True), month first (False) or cannot tell (None): the
    order any date that reads only one way shows ("25/05/2024" is day first), when all such dates agree."""
    orders = {int(m["a"]) > 12 for m in _NUMERIC_DAY.finditer(text) if (int(m["a"]) > 12) != (int(m["b"]) > 12)}
    return next(iter(orders)) if len(orders) == 1 else None


def _r_numeric_day(m: re.Match, p: date, day_first: bool | None = None) -> DateWindow | None:
    """ "on 21/01/2025" (police releases, most of the world) or "01/21/2025" (US): whichever order makes a
    date; when both do, the order the text shows elsewhere (``day_first``), else the latest one not after
    publication."""
    first, second, year = int(m["a"]), int(m["b"]), int(m["y"])
    days = []
    orders = ((first, second), (second, first))
    if day_first is not None:
        orders = orders[:1] if day_first else orders[1:]
    for day, month in orders:
        try:
            days.append(date(year, month, day))
        except ValueError:
            continue
    past = [d for d in days if d <= p]
    day = max(past) if past else min(days, default=None)
    return DateWindow(day, day, "day", m[0]) if day else None


_I = re.IGNORECASE
_RULES: list[tuple[re.Pattern[str], Callable[[re.Match, date], DateWindow | None] | None]] = [
    (re.compile(rf"\b(?:overnight|(?:during|in) the night)\s+(?:into|to|on)\s+{_WD}", _I), _r_overnight_into),
    # "overnight from Sunday to Monday", "overnight Sunday into Monday": the night that ends on the second day
    (re.compile(rf"\b(?:overnight|(?:during|in) the night)\s+(?:from\s+|of\s+)?(?:{_WEEKDAY_NAMES})\s+"
                rf"(?:into|to|and)\s+{_WD}", _I), _r_overnight_into),
    (re.compile(rf"\b(?i:(?:late|early)\s+(?:on\s+)?|on\s+|last\s+|the\s+(?:previous|preceding)\s+)?{_WD}(?:'s)?(?:\s+(?:morning|afternoon|evening|night))?\b"), _r_weekday),
    (re.compile(r"\b(?:over|at|during)\s+the\s+weekend\b|\b(?:last|this|past)\s+weekend\b", _I), _r_weekend),
    (re.compile(rf"\b{_N}\s+days?\s+(?:ago|earlier|before)\b", _I), _r_days_ago),
    (re.compile(r"\b(?:a|one)\s+day\s+(?:earlier|before)\b|\bthe\s+(?:day\s+before|previous\s+day|preceding\s+day)\b"
                r"|\bthe\s+(?:previous|preceding)\s+(?:morning|afternoon|evening|night)\b", _I), _r_fixed(1)),
    (re.compile(r"\b(?:earlier|later)\s+(?:in\s+the|that|the\s+same)\s+(?:day|morning|afternoon|evening|night)\b"
                r"|\b(?:on\s+)?the\s+same\s+day\b|\bhours\s+(?:earlier|later)\b", _I), _r_same_day),
    (re.compile(rf"\b{_N}\s+days?\s+later\b|\bthe\s+(?:next|following)\s+(?:day|morning)\b", _I), _r_days_later),
    (re.compile(rf"\b{_H}\s+hours\s+(?:earlier|before)\b", _I), _r_hours_before),
    (re.compile(rf"\b{_H}\s+hours\s+later\b", _I), _r_hours_later),
    (re.compile(r"\b(?:on\s+)?the\s+eve\s+of\b", _I), _r_fixed(1)),  # "on the eve of the raid": the day before it
    (re.compile(r"\byesterday(?:'s)?\b", _I), _r_fixed(1)),
    (re.compile(r"\b(?:earlier\s+)?today(?:'s)?\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b", _I), _r_fixed(0)),
    (re.compile(r"\blast\s+night\b|\bovernight\b", _I), _r_last_night),
    (re.compile(rf"\b(?:next|this\s+coming|coming)\s+(?:{_WD}|(?P<unit>week|month|year))\b", _I), _r_next),
    (re.compile(rf"\b{_N}\s+weeks?\s+(?:ago|earlier)\b", _I), _r_weeks_ago),
    (re.compile(r"\b(?:(?P<part>early|late)\s+)?(?:last\s+week(?:'s)?|the\s+previous\s+week)\b", _I), _r_last_week),
    (re.compile(r"\b(?:earlier\s+|later\s+)?this\s+week(?:'s)?\b", _I), _r_this_week),
    (re.compile(r"\blast\s+month(?:'s)?\b|\bthe\s+previous\s+month\b", _I), _r_last_month),
    (re.compile(r"\b(?:earlier\s+)?this\s+month(?:'s)?\b", _I), _r_this_month),
    # "on May 9 last year", not "On April 20, last year's runner-up"
    (re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<which>last\s+year|the\s+previous\s+year|this\s+year)"
                rf"\b(?!'s)"), _r_day_of_year),
    (re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\s+(?P<which>last\s+year|the\s+previous\s+year|"
                rf"this\s+year)\b(?!'s)"), _r_day_of_year),
    (re.compile(rf"\b(?:last\s+year(?:'s)?|a\s+year\s+ago|{_N}\s+years\s+ago|the\s+previous\s+year)\b", _I), _r_last_year),
    (re.compile(r"\b(?:earlier\s+)?this\s+year(?:'s)?\b", _I), _r_this_year),
    (re.compile(rf"\b(?i:(?:in|during|early|late|mid-?)\s+)?{_MON}\s+(?:of\s+)?(?P<which>last\s+year|the\s+previous\s+year|this\s+year)\b"), _r_month_of_year),
    (re.compile(rf"\b(?:[Ss]ince|[Ff]rom)\s+(?:the\s+(?:start|beginning|end|middle)\s+of\s+)?(?:(?:early|late|mid-?)\s*)?(?:{_MON}\s*(?P<y>\d{{4}})?|(?P<y2>\d{{4}}))\b"), None),
    # the capitalised prefix only opens a sentence ("Last November, …"), not a title-case headline ("Join In March")
    (re.compile(rf"\b(?:(?:in|last|during|early|late|mid-?|until|by|this past|on|(?:^|(?<=[.!?]\s))"
                rf"(?:In|Last|During|Early|Late|Until|By|This past|On))\s+(?:early\s+|late\s+|mid-?)?){_MON}"
                rf"(?!\.?\s*\d)\b", re.M), _r_named_month),
    (re.compile(rf"\b(?:(?:early|late|mid-?)\s*)?{_MON}\s+(?P<y>\d{{4}})\b"), _r_month_year),
    # "in 2023", and "In 2018, demonstrators torched …" opening a sentence
    (re.compile(r"\b(?:in|during|since|early|late|mid-?|throughout|(?:^|(?<=[.!?]\s))(?:In|During|Since|Throughout))"
                r"\s*(?P<y>(?:19|20)\d\d)\b", re.M), _r_year),
    (re.compile(rf"\b(?:between\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-\u2013\u2014]|\s(?:and|to)\s)\s*"
                rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<y>\d{{4}}))?\b"), _r_day_range),
    (re.compile(rf"\b{_MON}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:[-\u2013\u2014]|\s(?:and|to)\s)\s*"
                rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b"), _r_day_range),
    (re.compile(rf"\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"), _r_absolute_day),
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+\d{{4}})?\b"), _r_absolute_day),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}\b"), _r_absolute_day),
    (_NUMERIC_DAY, _r_numeric_day),
]


def _resolve_since(m: re.Match, p: date) -> DateWindow | None:
    year = m["y"] or m["y2"]
    if m["mon"]:
        y = int(year) if year else _recent_month(p, _month_number(m["mon"]), False)[0]
        start = date(y, _month_number(m["mon"]), 1)
    else:
        start = date(int(year), 1, 1)
    return _range(start, p, m[0]) if start <= p else None


_DAYS_AFTER = re.compile(rf"\b(?:{_N}\s+days?|{_H}\s+hours)\s+after\b", re.IGNORECASE)


def _days_after(text: str, found: list, fallback: date, reference: date | None,
                published: date) -> list[tuple[int, int, DateWindow]]:
    """ "on Wednesday, a day after protesters stormed parliament": the event told after "after" happened that many
    days before the day the sentence names first (else the story's day). Opening the sentence ("Two days after the
    assault, agents detained …") it dates the sentence's own event, that many days after the story's last day."""
    out = []
    for m in _DAYS_AFTER.finditer(text):
        days = _count(m["n"]) if m["n"] else _hour_count(m["h"]) // 24
        if not text[:m.start()].strip(" \"'\u201c"):
            if reference is not None and reference + timedelta(days=days) <= published:
                day = reference + timedelta(days=days)
                out.append((m.start(), m.end() - len("after"), DateWindow(day, day, "day", m[0][:-len("after")].strip())))
            continue
        named = [w for start, _, w in found if start < m.start() and w.precision == "day"]
        day = (named[0].date if named else fallback) - timedelta(days=days)
        out.append((m.start(), m.end(), DateWindow(day, day, "day", m[0])))
    return out


# day and month names written in capitals by live blogs and bulletins ("SUNDAY 9:05 AM"); not MARCH or MAY,
# which in capitals are as often a headline's words
_CAPITALISED_NAMES = re.compile(r"\b(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|JANUARY|FEBRUARY"
                                r"|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\b")


def find_dates(text: str, published: date, reference: date | None = None,
               day_first: bool | None = None) -> list[tuple[int, int, DateWindow]]:
    """Every date expression in ``text`` as (start, end, window), longest non-overlapping matches, in order.

    ``reference`` is the day the story last named ("on Sunday"): "a day earlier", "two days before" count back
    from it; "yesterday" and "two days ago" always count from publication. ``day_first`` is the order of the whole
    text's numeric dates (``numeric_order``), for one like "06/05/2024" that reads both ways.
    """
    text = _CAPITALISED_NAMES.sub(lambda m: m[0].title(), text)  # "SUNDAY 9:05 AM -": same length, same offsets
    found: list[tuple[int, int, DateWindow]] = []
    counted: dict[tuple[int, int], tuple[object, re.Match]] = {}  # expressions counted from a day the story named
    unanchored: set[tuple[int, int]] = set()  # "a day later" with no day named before this text: only one named in it
    for pattern, resolver in _RULES:
        for m in pattern.finditer(text):
            base = published
            if resolver in (_r_days_later, _r_hours_later) and (reference is None or reference >= published):
                unanchored.add((m.start(), m.end()))  # counted on from nothing the story named, or past the
                # report: a date only if the same text named a day before it
            if re.search(r"\beve\b", m[0], re.IGNORECASE) and (reference is None or _EVE_OF_A_DAY.match(text, m.end())):
                continue  # "on the eve of the elections": of nothing the story dated; "of Sunday's vote": that day's
            counted_back = re.search(r"\b(?:earlier|before|previous|preceding|eve)\b", m[0], re.IGNORECASE) \
                and not re.search(r"\bthis\b", m[0], re.IGNORECASE)  # "earlier this week" is the report's week
            if resolver in (_r_same_day, _r_days_later, _r_hours_later) or counted_back:
                counted[(m.start(), m.end())] = (resolver, m)
                if reference:
                    base = reference
            window = _r_numeric_day(m, base, day_first) if resolver is _r_numeric_day and day_first is not None \
                else _resolved(resolver, m, base)
            if window is not None:
                found.append((m.start(), m.end(), window))
    found += _days_after(text, found, reference or published, reference, published)
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    chosen: list[tuple[int, int, DateWindow]] = []
    for item in found:
        if any(item[0] < end and start < item[1] for start, end, _ in chosen):
            continue
        chosen.append(item)
    chosen.sort(key=lambda f: f[0])
    recounted = _from_the_day_before_it(chosen, counted, published, text)
    chosen = [item for item, before in zip(recounted, chosen)
              if (item[0], item[1]) not in unanchored or item[2] is not before[2]]
    chosen = _overnight_into(chosen, text)
    chosen = _in_the_year_named(chosen, text, published)
    return [item for k, item in enumerate(chosen) if not _same_day_told_again(chosen, k, text)]


_YEAR_WHEN = re.compile(r"\b(?P<y>(?:19|20)\d\d),?\s+when\b")


def _in_the_year_named(chosen: list[tuple[int, int, DateWindow]], text: str, published: date
                       ) -> list[tuple[int, int, DateWindow]]:
    """ "memories of 2018, when a bomb … killed three people on Aug. 28": a day written without its year, after
    "YEAR, when", is of that year (not the latest Aug. 28 before publication)."""
    named = _YEAR_WHEN.search(text)
    if named is None or int(named["y"]) >= published.year:
        return chosen
    year, out = int(named["y"]), []
    for start, end, window in chosen:
        if start > named.end() and window.precision == "day" and window.date == window.date_end \
                and not re.search(r"\d{4}", window.text) and window.date.year != year \
                and any(word[:3].lower() in _MONTH_ABBR for word in re.findall(r"[A-Za-z]+", window.text)):
            try:
                day = window.date.replace(year=year)
            except ValueError:  # 29 February
                day = None
            if day is not None:
                window = DateWindow(day, day, "day", window.text)
        out.append((start, end, window))
    return out


def _resolved(resolver, match: re.Match, base: date) -> DateWindow | None:
    """The window a rule's resolver gives a match counted from ``base``; None when it cannot be read."""
    try:
        return (resolver or _resolve_since)(match, base)  # type: ignore[operator]
    except (ValueError, KeyError, OverflowError) as exc:  # "30 February"; "last year" before year 1
        log.debug("unreadable date %r: %s", match[0], exc)
        return None


NEWS_DAYS = 14  # how far back a day named in a sentence can be the day its "the previous day" counts from


_TOLD_ON = re.compile(r"\b(?:said|says|told\s+\w+|announced|confirmed|reported|added|stated)\s+$", re.IGNORECASE)


def told_on(text: str, start: int) -> bool:
    """Whether the words just before ``start`` are a telling's ("… the commission said on Thursday")."""
    return bool(_TOLD_ON.search(text[max(0, start - 40):start]))


def _from_the_day_before_it(chosen: list[tuple[int, int, DateWindow]], counted: dict, published: date,
                            text: str = "") -> list[tuple[int, int, DateWindow]]:
    """ "said on Wednesday that jets had struck … the previous day": a day counted from the day the same sentence
    named just before it, not from the story's earlier day. A day counted on ("a day later") counts from an
    event's day, never from the day of a telling ("police said on Monday that the robbers were arrested a day
    later")."""
    out, named, happened = [], None, None
    for start, end, window in chosen:
        later = (start, end) in counted and counted[(start, end)][0] in (_r_days_later, _r_hours_later)
        base = happened if later else named
        if (start, end) in counted and base is not None:
            recounted = _resolved(*counted[(start, end)], base)
            if recounted is not None and recounted.date is not None and recounted.date <= published:
                window = recounted
        elif (start, end) not in counted and window.precision == "day" and window.date is not None \
                and 0 <= (published - window.date).days <= NEWS_DAYS:
            named = window.date  # a day of the news, not an aside's ("who took office on 29 May 2023")
            if not told_on(text, start):
                happened = window.date
        out.append((start, end, window))
    return out


_INTO_DAY = re.compile(r"\binto\s+$", re.IGNORECASE)


def _overnight_into(chosen: list[tuple[int, int, DateWindow]], text: str) -> list[tuple[int, int, DateWindow]]:
    """ "an overnight raid … that stretched into Saturday morning": the night is the one ending that Saturday."""
    nights = [start for start, _, w in chosen if w.text.lower() == "overnight"]
    ends = [w for start, _, w in chosen if w.precision == "day" and _INTO_DAY.search(text[max(start - 8, 0):start])
            and any(0 < start - night <= 80 for night in nights)]
    if not ends:
        return chosen
    night = DateWindow(ends[0].date - timedelta(days=1), ends[0].date, "day", "")
    return [(start, end, replace(night, text=w.text) if w.text.lower() == "overnight" else w)
            for start, end, w in chosen]


_WEEKDAY_ONLY = re.compile(rf"^(?:on\s+)?{_WD}$", _I)


def _same_day_told_again(chosen: list[tuple[int, int, DateWindow]], k: int, text: str) -> bool:
    """ "On 13 April, Palm Sunday": the weekday after a calendar date names that date; "Overnight between 19 and
    20 February": a bare "overnight" beside a calendar date is that date's night, not the report's."""
    start, end, window = chosen[k]
    calendar = [(s, e) for s, e, w in chosen if w.precision in ("day", "week") and re.search(r"\d", w.text)]
    if _WEEKDAY_ONLY.match(window.text.strip()):  # "13 April, Palm Sunday", "Sunday, 13 April" — the same day only
        named = _WEEKDAY_ONLY.match(window.text.strip())["wd"].lower()
        return any((0 <= start - e <= 15 or 0 <= s - end <= 3) and w.date.strftime("%A").lower() == named
                   for s, e, w in chosen if w.precision == "day" and re.search(r"\d", w.text))
    if window.text.strip().lower() == "overnight":  # the date told right after it, not a dateline's before it
        return any(0 <= s - end <= 40 for s, e in calendar)
    return False


def resolve_date(text: str, published: date) -> DateWindow | None:
    """The first date expression in ``text`` resolved against ``published``; None if there is none."""
    found = find_dates(text, published)
    return found[0][2] if found else None
