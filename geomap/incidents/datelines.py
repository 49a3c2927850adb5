"""The story's dateline ("TBILISI, Dec 1 (Reuters) -"): where the reporter filed from, which is where an event
was only when the body says so."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from geomap.incidents.located import Located
from geomap.nlp.pipeline import starts_line


DASHES = {"\u2014", "\u2013", "-", "--", ":"}


# "KYIV, Jan 9 (Reuters) -", "BELGOROD, Russia, March 14 (Agency) —", "MAPUTO -": the wire's place and filing date
DATELINE = re.compile(r"\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'\-]{3,}(?:\s*\([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'\-]{2,30}\))?"
                      r"(?:(?:,[^\n\u2014\u2013]{0,60}?)?\s*(?:\([^)\n]{0,40}\))?\s*"
                      r"[\u2014\u2013-]{1,2}|:|(?<=[A-ZÀ-ÖØ-Þ])\.\s*\(\d{1,4}\)"
                      r"|(?:,[^\n\u2014\u2013()]{0,60}?)?\s*\([A-Z][A-Za-z .&]{1,30}\)(?=\s+[A-Z\"\u201c]))\s")
# "GOMA, Congo (Reuters) —", "GOPALGANJ:", "SKOPJE (SHKUP), Feb 12 (BWS) –" with the name in a second language,
# a German police release's "ERLANGEN. (342)", and an Indian agency's
# "IMPHAL, Jan 18 (PTI) Four villagers …" with no dash


# "July 14, 2025 (KADUGLI) –": the filing date first, the town in brackets (Sudan Tribune's house style)
DATED_FIRST = re.compile(r"\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4} \((?P<town>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'\-]{2,})\)\s*"
                         r"[\u2014\u2013-]{1,2}\s")


# "Cochabamba, November 2, 2024. –", "Bogotá, 10 June 2024 —", "Uruapan, Michoacán, June 18. –": a town in title
# case with the filing date, as Spanish- and Portuguese-language papers write their datelines
TOWN_DATED = re.compile(r"\s*(?P<town>[A-ZÀ-Þ][\w'\u2019.-]*(?: (?:de |del |la |las |los |do |da )?[A-ZÀ-Þ][\w'\u2019.-]*){0,3}),"
                        r"(?: [A-ZÀ-Þ][\w-]*(?: [A-ZÀ-Þ][\w-]*)?,)? (?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+)"
                        r"(?:,? \d{4})?\.?"
                        r"\s*[\u2014\u2013-]{1,2}\s")


def filed_from(token: Token) -> bool:
    """A place that opens its line and is followed by a dash or ", Country (Agency) —": the dateline."""
    doc = token.doc
    line_start = doc.text.rfind("\n", 0, token.idx) + 1
    opening = DATELINE.match(doc.text, line_start) or DATED_FIRST.match(doc.text, line_start) \
        or TOWN_DATED.match(doc.text, line_start)
    if opening is not None and token.idx < opening.end():
        return True  # "POPAYÁN, Colombia, April 11 (Andes Press Service) -": all of it is the dateline
    start = token.i
    while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    if not starts_line(doc[start]) and not doc[start].is_sent_start:
        return False
    for i in range(token.i + 1, min(token.i + 9, len(doc))):
        if doc[i].text in DASHES:
            return True
        if doc[i].is_lower:
            return False
    return False


def opening_dateline(text: str) -> re.Match | None:
    """The wire dateline the story opens with, on its first line or on the line after a headline."""
    found = DATELINE.match(text) or DATED_FIRST.match(text) or TOWN_DATED.match(text)
    start = 0
    for _ in range(2):  # "Teachers pushed back …\nMEXICO CITY — Riot police …", and a byline between them
        if found is not None or "\n" not in text[start:]:
            break
        headline = text[start:text.index("\n", start)].strip()
        if not headline or len(headline.split()) > 25 or headline.endswith((".", ":")):
            break
        start = text.index("\n", start) + 1
        found = DATELINE.match(text, start) or DATED_FIRST.match(text, start) or TOWN_DATED.match(text, start)
    return found


def dateline_end(text: str) -> int:
    """Where the opening dateline ends (0 without one): places and dates before it are the wire's, not the news's."""
    opening = opening_dateline(text)
    return opening.end() if opening else 0


def dateline(doc, index: dict[int, Span]) -> Located | None:
    """The resolved town a wire dateline names ("TBILISI —", "NIAMEY (Reuters) -"), if the text opens with one."""
    opening = opening_dateline(doc.text)
    begin = opening.start("town") if opening is not None and "town" in opening.groupdict() else (
        opening.start() if opening else 0)
    first = doc.char_span(begin, opening.end(), alignment_mode="expand").start if opening else 0
    for i in range(first, min(len(doc), first + 3)):
        span = index.get(i)
        if span is not None and filed_from(doc[i]) and not span._.geomap_place.is_country \
                and span._.geomap_place.feature_class == "P":
            return Located(span, span._.geomap_place, 9, False, 0)
    return None
