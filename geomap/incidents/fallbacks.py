"""Where an event is when its own clause names no place: the one town the sentence puts something in, the town
"the city" refers back to, the place a monitor's line is headed with."""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Span, Token

from geomap.dates import MONTH_WORDS, WEEKDAY_WORDS
from geomap.geo import distance_km
from geomap.incidents.dating import TIME_STAMP, path_length
from geomap.incidents.datelines import DASHES, dateline, dateline_end
from geomap.incidents.located import Located, approximate, names_its_own_town, own_town
from geomap.incidents.places import CLAUSE_EDGES, clause_chain
from geomap.incidents.walker import (
    AREAS, GOVERNMENT_NOUNS, LOCATIVE, NEAR, NEAR_KM, STATEMENTS, TELLING_PLACES, TOWN_PARTS, measured_from,
    route_ends,
)
from geomap.models import Place
from geomap.nlp.cues import TELLING_VERBS
from geomap.nlp.events import trigger_words
from geomap.nlp.name_cues import RECORD_PLACE
from geomap.nlp.pipeline import starts_line, toponym_spans
from geomap.nlp.toponyms import after_brackets


def sentence_fallback(segment: Span, index: dict[int, Span], theirs: frozenset[str] | set[str] = frozenset()
                      ) -> list[Located]:
    """The one town a sentence locates something in ("… in Gaza City"), when the parse ties the event to none;
    ``theirs`` are places the parse gives other events of the sentence, left to them.

    Only a single non-country toponym that is the object of a locative preposition qualifies: names used as
    modifiers ("the Moscow meeting") or several candidate towns leave the event unplaced.
    """
    found: dict[str, Located] = {}
    districts: set[str] = set()  # towns found by their district's name, which yield to a town named outright
    for i in range(segment.start, segment.end):
        span = index.get(i)
        if span is None or i != span.root.i or span._.geomap_place.is_country:
            continue
        token = span.root
        route = token
        while route.dep_ == "compound":
            route = route.head
        ends = route_ends(route, index)
        if ends:
            if span != ends[0]:
                continue
            token = route  # "staged a sit-in on the Bannu-Miranshah road": near the end it is named from
        elif token.dep_ == "compound" and token.head.dep_ == "pobj" and token.head.lemma_.lower() in (
                "town", "city", "district") and token.head.i == span.end:
            if token.head.lemma_.lower() == "district":
                districts.add(span._.geomap_place.gazetteer_id)
            token = token.head  # "Business in Nyeri town remained paralysed, a day after demonstrators …", "an
            # operation in Dera Ismail Khan District": the district named after (and around) its town
        elif token.dep_ == "compound" and token.head.dep_ == "pobj" \
                and (of := _district_of(token.head, index)) is not None and own_town(span._.geomap_place, of):
            token = token.head  # "a mosque in Sai Buri district of Pattani": Sai Buri's own district
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in TOWN_PARTS \
                and names_its_own_town(token.head.head, span._.geomap_place, index, ("compound",)):
            continue  # ... and not Pattani, the province it is "of"
        elif token.dep_ == "poss" and token.head.dep_ == "pobj" and token.head.lemma_.lower() in (
                AREAS | TOWN_PARTS) - {"capital", "border"}:
            token = token.head  # "outside a recruitment centre in Mogadishu's Hodan district" (but "Manipur's
            # capital" is another town)
        head = token.head
        near = bool(ends)
        if head.lower_ in ("of", "to") and head.head.lemma_.lower() in AREAS | TOWN_PARTS | {"entrance", "gate",
                                                                                             "approach"} \
                and head.head.dep_ == "pobj":
            head = head.head.head  # "in the centre of Tripoli", "at the entrance to al-Mayadin"
        elif head.lower_ == "of" and head.head.lower_ in COMPASS:
            compass = head.head  # "advanced into farmland west of Nawa", "a village north of Shwebo"
            outer = compass if compass.dep_ == "pobj" else compass.head if compass.head.dep_ == "pobj" else None
            measured = measured_from(token)
            if measured is not None and measured > NEAR_KM:
                continue  # "a village 120 km west of Shwebo": a reference point, not where it happened
            if outer is not None:
                head, near = outer.head, True
        if head.lower_ == "to" and head.head.lower_ in ("close", "next", "near"):
            near = True  # "killed …, close to the village of Tegh"
        if _speakers_place(head, span._.geomap_place):
            continue  # "Officials in Islamabad said the strikes had targeted …": where the speakers are
        if token.dep_ == "pobj" and head.lower_ == "in" and head.i > 0 \
                and head.doc[head.i - 1].lemma_.lower() in SEATED:
            continue  # "chanting against the government in Damascus" (however parsed): the seat of whom they oppose
        if head.head.lemma_.lower() in CARE_PLACES:
            continue  # "pronounced dead at Rafidia hospital in Nablus": where the victim was taken
        if any(a.lower_ == "according" or a.lemma_.lower() in ("headquarter", "headquartered")
               and a.tag_ == "VBN" for a in list(head.ancestors)[:4] + [head]):
            continue  # "according to a statement from the division headquartered in Capiz province": the source's seat
        # "crowds heading to an aid site west of Rafah": a spot described by its bearing from a town is there
        # "Residents of Kyaukme are pulling bodies from the rubble after a jet bombed the market": where they live
        dwellers = head.lower_ == "of" and head.head.lemma_.lower() in DWELLERS and head.head.dep_ == "nsubj"
        if token.dep_ == "pobj" and (head.lower_ in LOCATIVE - {"of", "by", "against", "between"} or dwellers
                                     or near and head.lower_ in ("to", "toward", "towards")):
            town = _described_town(token, index)  # "Kwatarkwashi, a town in … Zamfara State": the town described
            if town is not None:
                span = town
            if span._.geomap_place.gazetteer_id in theirs:
                continue
            found.setdefault(span._.geomap_place.gazetteer_id,
                             Located(span, span._.geomap_place, 9, near or head.lower_ in NEAR, 0))
    if len(found) > len(districts & set(found)) > 0:  # "mobs set fire to houses in Imphal after … captive in
        # Jiribam district": the town named outright
        found = {key: item for key, item in found.items() if key not in districts}
    if len(found) > 1:  # "on the outskirts of Gwoza in … Borno State": the town named inside the region wins
        towns = [item for item in found.values() if item.place.feature_class == "P"]
        areas = [item for item in found.values() if item.place.is_admin]
        if len(towns) == 1 and len(towns) + len(areas) == len(found) and all(
                a.place.country_code == towns[0].place.country_code
                and (a.place.is_country or a.place.admin1_code == towns[0].place.admin1_code) for a in areas):
            return towns
    return list(found.values()) if len(found) == 1 else []


# who is "in" a capital as its seat ("the government in Damascus"), not as a scene
SEATED = {"government", "authority", "administration", "regime", "ministry", "leadership"}
# where the wounded and the dead are taken ("pronounced dead at Rafidia hospital in Nablus"), not the scene
CARE_PLACES = {"hospital", "clinic", "morgue", "mortuary"}
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
           "north-west", "south-east", "south-west"}
SITES = {"market", "road", "street", "square", "camp", "port", "airport", "station", "base", "bridge", "highway"}
DWELLERS = {"resident", "inhabitant", "villager", "townspeople", "townsfolk"}
SETTLEMENT_WORDS = {"town", "village", "city", "hamlet", "settlement", "locality", "camp", "district", "commune"}
TOWN_SIDES = {"ward", "outskirts", "outskirt", "suburb", "neighbourhood", "neighborhood", "quarter"}  # parts of a
# town named after it (not "the edge of Martyrs Square", "the heart of Operation Lifeline land")


def names_unknown_town(segment: Span, index: dict[int, Span]) -> bool:
    """ "seized the mining town of Walikale" where the gazetteer lacks Walikale: the sentence says where, just not
    in a way we can place, so no other town (a dateline, the paragraph's) stands in for it."""
    doc = segment.doc
    for token in segment:
        if token.lemma_.lower() in SETTLEMENT_WORDS | TOWN_SIDES and token.i + 2 < segment.end \
                and doc[token.i + 1].lower_ == "of":  # "bombed a ward of Hsipaw", "the outskirts of Mir Ali"
            name = doc[token.i + 2]
            if name.text[:1].isupper() and name.i not in index and name.ent_type_ != "NORP" \
                    and name.pos_ != "ADJ":  # not "a village of Fulani herders"
                return True
        if token.lemma_.lower() in SETTLEMENT_WORDS | {"township", "upazila", "municipality"} \
                and token.i > segment.start + 1 and not any(c.dep_ == "poss" for c in token.children):
            # "the last outpost in Maungdaw township", "Yohmor village" (not "the city's Aguaruto district")
            name = doc[token.i - 1]
            if name.pos_ == "PROPN" and name.text[:1].isupper() and name.i not in index \
                    and name.ent_type_ not in ("NORP", "ORG") and not name.is_sent_start:
                return True
        if token.lemma_.lower() in WILDS and token.text[:1].isupper() and token.i not in index \
                and token.i > segment.start and doc[token.i - 1].text[:1].isupper() and doc[token.i - 1].i not in index:
            return True  # "two army positions in the W National Park", "the Sambisa Forest"
    return False


WILDS = {"park", "forest", "reserve", "mountains", "hills", "valley"}  # named wild places the gazetteer may lack


SPEAKING = TELLING_VERBS | {"speak"}


WITNESSES = {"resident", "witness", "villager", "local", "survivor", "inhabitant"}
KIN = {"relative", "family"}  # witnesses too, but not in a capital ("In London, relatives said …")


def _speakers_place(prep: Token, place: Place) -> bool:
    """ "officials in Islamabad said", "speaking in Washington": the place of whoever reports, not of the event."""
    holder = prep.head
    if holder.lemma_.lower() in TELLING_PLACES:
        return True  # "said at a press conference in the city of La Paz"
    if any(a.lemma_.lower() in STATEMENTS for a in list(prep.ancestors)[:4]):
        return True  # "a statement from the police headquarters in Imphal", "a statement read … in Bamako"
    if holder.lemma_.lower() in SPEAKING:  # but "In Batibo, residents said soldiers burnt houses": people there
        locals_ = WITNESSES | {"police"} | (KIN if place.feature_code != "PPLC" else set())  # the town's own police
        return not any(c.dep_ == "nsubj" and c.lemma_.lower() in locals_ for c in holder.children)
    # "officials in Islamabad said", but "police in Bogotá said": a town's own police tell its news
    return holder.dep_ in ("nsubj", "nsubjpass") and holder.head.lemma_.lower() in SPEAKING \
        and holder.lemma_.lower() != "police"


def _described_town(token: Token, index: dict[int, Span]) -> Span | None:
    """The town an appositive or a town noun describes when ``token`` sits inside it ("X, a town in Y State",
    "X town in Y State")."""
    for ancestor in list(token.ancestors)[:6]:
        if ancestor.dep_ == "appos":
            town = index.get(ancestor.head.i)
            if town is not None and town._.geomap_place.feature_class == "P":
                return town
            return None
    holder = token.head.head if token.head.dep_ == "prep" else None
    if holder is not None and holder.lemma_.lower() in ("town", "village", "city"):
        named = [index[c.i] for c in holder.children if c.dep_ == "compound" and c.i in index]
        if named and named[0]._.geomap_place.feature_class == "P":
            return named[0]  # "residents of Tsafe town in Zamfara State": the town, not its state
    return None


LABEL_DASHES = DASHES - {":"}
REPORT_WORDS = {"report", "reports", "update", "updates", "news", "word"}  # "17:05 - Reports from Kragujevac: …"


def line_label(segment: Span, index: dict[int, Span]) -> list[Located]:
    """ "Aden: Hundreds of demonstrators gathered …", "14:40 - From Machala: a grenade …", "JOLO — Marines
    arrested …" on a later line: a monitor's, live blog's or police blotter's line headed by a place is about it.
    (The story's own opening dateline is the reporter's city, weighed by ``dateline`` instead.)"""
    doc = segment.doc
    start = segment.start
    while not starts_line(doc[start]):
        start -= 1  # the line the sentence is on
    first = start
    while first < min(start + 6, len(doc)) and first not in index and (
            doc[first].like_num or TIME_STAMP.fullmatch(doc[first].text) or doc[first].text in DASHES | {"."}
            or doc[first].lower_.rstrip(".") in MONTH_WORDS  # an incident list's "14 Apr – Sugapa, Intan Jaya: …"
            or doc[first].lower_.rstrip(".") in WEEKDAY_WORDS  # an alert's "🔴 FRI 05:30 — TAMPICO: …"
            or not any(ch.isalnum() for ch in doc[first].text)
            or doc[first].lower_ in ("from", "in") or (doc[first].lower_ in REPORT_WORDS and first + 1 < len(doc)
                                                         and doc[first + 1].lower_ == "from")):
        first += 1  # a live blog's time stamp, "From" and "Reports from"
    span = index.get(first)
    if span is None and first == start or span is None and doc[first].text[:1].isupper():
        # "27 Feb – Nong Chik, Pattani: Rangers clashed …": a place the gazetteer lacks, labelled with what holds it
        colon = next((k for k in range(first, min(first + 8, len(doc))) if doc[k].text == ":"), None)
        held = [index[k] for k in range(first, colon) if k in index] if colon is not None else []
        if colon is not None and held and held[-1].end == colon and doc[held[-1].start - 1].text == "," \
                and not any(doc[k].text in DASHES and (doc[k].whitespace_ or doc[k - 1].whitespace_)
                            for k in range(first, held[-1].start)):  # (a hyphen inside "Cho-airong" is no dash)
            return [Located(held[-1], held[-1]._.geomap_place, 9, True, 0)]
        return []
    if span is None or span.start != first or span.end >= len(doc):
        return []
    after = span.end + 1 if span.end < len(doc) and doc[span.end].lower_ in DIVISION_WORDS else span.end
    if after < len(doc) and doc[after].text == "(":  # "Al-Mughayyir (Ramallah governorate). Overnight into …"
        after = next((k + 1 for k in range(after, min(after + 8, len(doc))) if doc[k].text == ")"), after)
    labelled = after < len(doc) and doc[after].text == "." \
        and (after + 1 == len(doc) or not starts_line(doc[after + 1])) and not _gone_elsewhere(segment, after, index)
    if first == start and (after_brackets(doc, span.end) == ":" or labelled):  # "Aden:", "BOCARANGA (Ouham-Pende):",
        # a monitor's "N'Djamena. Police fired tear gas …", "Lac province. Late on Sunday, …"
        return [Located(span, span._.geomap_place, 9, False, 0)]  # the whole line is about the place it names
    end = span.end
    if doc[end].text == ",":  # "DATU PIANG, Maguindanao del Sur:" — the province after the town
        end = next((k for k in range(end + 1, min(end + 6, len(doc))) if doc[k].text in DASHES), end)
    if not (start <= segment.start <= first or segment.start == end + 1) \
            or span._.geomap_place.feature_class != "P":
        return []  # the forms below head only their line's first sentence (a time stamp or "PORTLAND, Ore. --" the
        # parser split off aside), and only with a town
    separator = doc[end].text
    # a dash after a word the tagger did not call a place is a section label ("OUTLOOK —"), not a dateline
    if separator == ":" or (separator in LABEL_DASHES and start > 0 and span.label_ in ("GPE", "LOC")):
        return [Located(span, span._.geomap_place, 9, False, 0)]
    return []


def _gone_elsewhere(segment: Span, label_end: int, index: dict[int, Span]) -> bool:
    """A labelled paragraph's sentence that is no longer about the label's place: the paragraph has gone on to a
    town ("Bashkortostan. Residents of Sibay clashed …"), or the sentence names a place of its own ("Bamako. … In
    neighbouring Burkina Faso, …"), a town the gazetteer lacks ("near Boulkessi") or "the country's east"."""
    doc = segment.doc
    return any(index[i]._.geomap_place.feature_class == "P" for i in range(label_end, segment.start) if i in index) \
        or any(segment.start <= t.start < segment.end and t.label_ != "FAC"
               and not (t.end < len(doc) and doc[t.end].lower_ in STREET_SITES)  # "the Chagoua neighbourhood"
               for t in toponym_spans(doc)) \
        or names_unknown_town(segment, index) or any(t.lemma_.lower() == "country" for t in segment)


SETTLEMENT_NOUNS = {"city", "town", "village", "port"}  # not "the capital": the country's, whatever was named last
TOWN_PLACES = {"centre", "center", "square", "outskirts", "district", "market", "hall", "street", "area"}
_DIRECTIONS = {"northern", "southern", "eastern", "western", "central"}


def bare_settlement(token: Token) -> bool:
    """ "the city", "the town's": a definite settlement noun naming no town of its own ("the town of Walikale",
    "the mining town" do)."""
    # "the city centre", "the town square": the article belongs to the part of the town named
    holder = token.head if token.dep_ == "compound" and token.head.lemma_.lower() in TOWN_PLACES else token
    return ((token.lemma_.lower() in SETTLEMENT_NOUNS and token.tag_ == "NN"
             and any(c.dep_ == "det" and c.lower_ == "the" for c in holder.children)
             and not any(c.dep_ in ("prep", "appos", "compound", "nmod") and c.lower_ != "itself"  # "the city itself"
                         or (c.dep_ == "amod" and c.lower_ not in _DIRECTIONS) for c in token.children))
            or reporters_town(token))


def reporters_town(token: Token) -> bool:
    """ "in the north of this capital", "in the west of this border city": the town the reporter files from (the
    Spanish-language press's "esta capital")."""
    return token.lemma_.lower() in SETTLEMENT_NOUNS | {"capital"} and token.tag_ == "NN" \
        and any(c.dep_ == "det" and c.lower_ == "this" for c in token.children) \
        and not any(c.dep_ in ("prep", "appos") for c in token.children)


THE_CITY_REACH = 80  # tokens back to look for the town "the city" stands for


def _back_through_paragraphs(doc, first: int):
    """Token positions back from ``first`` (excluded), through this paragraph and the one before it (a wire
    story's lead names the town), at most THE_CITY_REACH tokens."""
    breaks = 0
    for i in range(first - 1, max(first - THE_CITY_REACH, 0) - 1, -1):
        if starts_line(doc[i + 1]):
            breaks += 1
            if breaks > 1:
                return
        yield i


LEAD_WORDS = 20  # a line this long is a paragraph of the story, not its headline or byline


def _lead_paragraph_end(text: str) -> int:
    """Where the story's first paragraph ends (headline and byline lines before it count with it)."""
    end = 0
    for line in text.split("\n"):
        end += len(line) + 1
        if len(line.split()) >= LEAD_WORDS:
            return end
    return end


def _before_the_reach(doc, reach: list[int], first: int, segment: Span, nouns: list[Token], words) -> range | tuple:
    """Positions before this paragraph and the one before, where "the town" may still find the town the story's
    lead is about ("LASHIO FALLS …" … two paragraphs on, "aircraft struck several wards of the town"): only when
    those paragraphs name no place at all, and only for "the town" itself, not "the town hall" of "a town in the
    region"."""
    told = {k for span in toponym_spans(doc) if span.label_ != "NORP" for k in range(span.start, span.end)}
    if told & (set(reach) | set(range(first, segment.end))):
        return ()
    another = any(u.lemma_.lower() in SETTLEMENT_NOUNS and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another")
                                                               for c in u.children) for u in words)
    if another or all(u.dep_ == "compound" for u in nouns):
        return ()
    return range(min(reach, default=first) - 1, -1, -1)


def the_city(cluster, segment: Span, index: dict[int, Span],
             has_namesake_city: Callable[[Located], bool] = lambda item: False) -> list[Located]:
    """ "the city's southern oil terminal", "in the town": the town last named before the event in its paragraph,
    when the event's clause refers to it only by a definite noun."""
    doc = segment.doc
    if names_unknown_town(segment, index):
        return []  # "bombed a ward of Hsipaw, … which controls the town": the town is one the gazetteer lacks
    words = {u for verb in _clause_verbs(cluster) for u in verb.subtree}
    nouns = [u for u in words if bare_settlement(u) and (u.dep_ != "compound" or min(
        path_length(u, t.head) for t in cluster) <= 5)]  # "tore into a block in the city centre", not far below
    if not nouns:
        return []
    if any(reporters_town(u) for u in nouns) and (opening := dateline(doc, index)) is not None:
        return [opening]
    # back from "the city" or the event, whichever comes later: "drones launched at Odesa were shot down over the city"
    events_start = min(t.head.i for t in cluster)
    filed = dateline_end(doc.text)
    first = max(min(u.i for u in nouns), events_start)
    unknown = {span.start for span in toponym_spans(doc)
               if (span._.geomap_place is None or approximate(span)) and span.label_ not in ("NORP", "FAC")
               and not _stands_for_government(span)}
    measured = any(measured_from(u) is not None for u in nouns)
    reach = list(_back_through_paragraphs(doc, first))
    lead = _lead_paragraph_end(doc.text)
    story = _before_the_reach(doc, reach, first, segment, nouns, words)
    for within, positions in ((True, reach), (False, story)):
        for i in positions:
            span = index.get(i)
            if span is None:
                if i in unknown and (i < events_start or _where_it_was(doc[i]) and not measured):
                    # "Walikale … the town's airstrip", "the fighting in Nasir … a garrison in the town": the
                    # nearest town is one the gazetteer lacks (not "marched from the Makki mosque towards the city";
                    # but "the airport at Kavumu, about 30 km north of the city" is near the city meant)
                    return []
                continue
            if _stands_for_government(span) or _by_agent(span) or _origin(span) or _an_offices_seat(span) \
                    or span.start_char < filed:
                continue  # "three days after Moscow's defence ministry said … the town": not the town meant (the
                # story's dateline is weighed below)
            if i > events_start and not _where_it_was(span.root):
                continue  # between the event and "the city" only where it happened ("launched at Odesa"), not "a
                # native of Rukungiri"
            if _could_be_the_city(span) and not _names_a_thing(span) and not _a_passing_mention(span):
                found = Located(span, span._.geomap_place, 9, False, 0)
                if within and (span._.geomap_place.feature_class == "P" or has_namesake_city(found)):
                    return [found]
                if not within and span._.geomap_place.feature_class == "P":
                    place = span._.geomap_place.gazetteer_id
                    return [found] if any(other._.geomap_place.gazetteer_id == place and other.start_char < lead
                                          for other in index.values()) else []
    # "CULIACAN, Mexico (Wire) -" … "in the city's Aguaruto district": a wire is filed from a city ("the
    # village" is another place), and it is the city meant when the story names no other town before
    opening = dateline(doc, index)
    if opening is None or opening.span.start >= first or not any(u.lower_ == "city" for u in nouns):
        return []
    named = [index[k] for k in range(opening.span.end, first) if k in index]
    if any(span._.geomap_place.feature_class == "P" and span._.geomap_place.gazetteer_id
           != opening.place.gazetteer_id and not _names_a_thing(span) and _could_be_the_city(span)
           and not _a_passing_mention(span) for span in named):
        return []
    # and the story names it again ("… on the southern outskirts of Culiacán"): a wire filed from Nairobi about
    # Mogadishu says "the Somali capital", not Nairobi
    again = any(span._.geomap_place.gazetteer_id == opening.place.gazetteer_id for span in named)
    return [opening] if again else []


ROUTE_VERBS = {"link", "connect", "join"}


def _a_passing_mention(span: Span) -> bool:
    """A town named in passing, that "the city" does not stand for: one of a list ("the road linking Tripoli with
    Surman, Sabratha and Zuwara"), an end of a route, or a reference point ("45 kilometres west of Tripoli")."""
    root = span.root
    if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        return True
    route = root.head.head if root.dep_ == "pobj" else root.head
    if root.dep_ in ("dobj", "pobj") and route.lemma_.lower() in ROUTE_VERBS:
        return True
    return measured_from(root) is not None


def named_aside(span: Span) -> bool:
    """A town a sentence names only in passing (``_a_passing_mention``) or as where the teller spoke ("at a press
    conference in the city of La Paz"), not as a scene."""
    root = span.root
    prep = root.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in SETTLEMENT_WORDS and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in the city of La Paz"
    return _a_passing_mention(span) or (root.dep_ == "pobj" and span._.geomap_place is not None
                                        and _speakers_place(prep, span._.geomap_place))


def _where_it_was(token: Token) -> bool:
    """ "launched at Odesa", "the fighting in Nasir": a place named after the event's first word that says where."""
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE - {"of"}


CITY_PARTS = {"district", "neighbourhood", "neighborhood", "quarter", "suburb", "borough", "ward", "raion"}


def part_of_the_city(located: list[Located], cluster, segment: Span, index: dict[int, Span],
                     has_namesake_city: Callable[[Located], bool] = lambda item: False,
                     section_elsewhere: Callable[[Place], bool] = lambda place: False) -> list[Located]:
    """ "drones struck the city's Kyivskyi district": a part of the town named before, whatever else the
    part's own name might mean ("Kyivskyi" is also a district of Donetsk). "The heaviest damage was in the
    Kyivskyi district" of a Kharkiv story: a name the gazetteer knows only as a section of another city
    (``section_elsewhere``) is a part of the big city named just before."""
    out: list[Located] = []
    for item in located:
        doc, end = item.span.doc, item.span.end
        part = doc[end] if end < len(doc) and doc[end].lemma_.lower() in CITY_PARTS else None
        city = the_city(cluster, segment, index, has_namesake_city) if part is not None and any(
            c.dep_ == "poss" and c.lemma_.lower() in ("city", "town") for c in part.children) else []
        if part is not None and not city and item.span.start > 0 and doc[item.span.start - 1].lower_ == "the" \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in part.children) \
                and section_elsewhere(item.place):  # not "the Amedi district of Duhok province"
            city = _big_city_before(item.span, index)
        out.extend(city or [item])
    return out


BIG_CITY = 100_000  # a city with districts of its own
SECTION_KM = 15.0  # a "town" this close to a bigger one is a section of it (GeoNames lists city districts as towns)


def a_city_section(place: Place, store) -> bool:
    """A "town" of the gazetteer that lies inside a bigger city: a city district GeoNames lists as a town."""
    if store is None or place.feature_class != "P":
        return False
    return any(other.population > max(place.population, BIG_CITY) and distance_km(
        other.lat, other.lon, place.lat, place.lon) <= SECTION_KM
        for other in store.nearest(place.lat, place.lon, limit=8, feature_classes="P")
        if other.gazetteer_id != place.gazetteer_id)


def _big_city_before(span: Span, index: dict[int, Span]) -> list[Located]:
    """The last city of 100,000 or more named before ``span`` in this paragraph or the one before (datelines
    included), other than the city the district's namesake belongs to."""
    place = span._.geomap_place
    for i in _back_through_paragraphs(span.doc, span.start):
        found = index.get(i)
        if found is None or found.start != i:
            continue
        city = found._.geomap_place
        if city.feature_class == "P" and city.population >= BIG_CITY \
                and distance_km(city.lat, city.lon, place.lat, place.lon) > 2 * SECTION_KM:
            return [Located(found, city, 9, False, 0)]
    return []


def _could_be_the_city(span: Span) -> bool:
    """A town, or a first-level division read for its namesake capital ("Kharkiv" … "the city's Slobidskyi
    district"), unless the text calls it a district or region."""
    place = span._.geomap_place
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if span.start >= 2 and span.doc[span.start - 1].lower_ == "of" and span.doc[span.start - 2].lower_ in DIVISION_WORDS:
        return False  # "the southern province of Daraa"
    return (place.feature_class == "P" or place.feature_code == "ADM1" and span[-1].lower_ not in DIVISION_WORDS) \
        and after not in DIVISION_WORDS | {"river", "valley", "coast", "basin", "lake", "corridor"}


PARAGRAPH_REACH = 120  # tokens back within the paragraph


def names_unplaced(segment: Span, index: dict[int, Span]) -> bool:
    """The sentence names a place, but one the gazetteer cannot place ("the town of Qqzzxville", a toponym left
    out of the index): no other town stands in for it."""
    doc = segment.doc
    return names_unknown_town(segment, index) or any(
        span.label_ not in ("NORP", "FAC") and segment.start <= span.start < segment.end and span.start not in index
        and not (span.end < len(doc) and doc[span.end].lower_ in STREET_SITES)  # "the Puerto Resistencia roundabout"
        for span in toponym_spans(doc))


# a named spot inside a town, not a town of its own
STREET_SITES = {"roundabout", "junction", "interchange", "intersection", "square", "street", "road", "avenue",
                "bridge", "market", "neighbourhood", "neighborhood"}


# what takes a town's name without being in it: "the Zaporizhzhia nuclear plant", "the Pokrovsk axis"
NAMED_AFTER = {"counteroffensive", "brigade", "unit", "plant", "reactor", "dam", "axis", "front", "direction", "cartel",
               "gang", "faction", "militia", "group"}


def _names_a_thing(span: Span) -> bool:
    """ "the Kharkiv counteroffensive", "a Donetsk-based brigade": a town named only to label something else is
    not the town "the city" then refers to."""
    root = span.root
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.i == root.head.i and following.text[:1].isupper() and following.is_alpha \
            and following.lower_ not in SETTLEMENT_NOUNS | DIVISION_WORDS | TOWN_PLACES:
        return True  # "the Sinaloa Cartel", "the Kyiv Post"
    return root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end \
        and root.head.lemma_.lower() in trigger_words() | NAMED_AFTER


def _inside_institution(span: Span) -> bool:
    """A toponym the tagger reads as the first words of a longer organisation's name ("the Middle East Technical
    University", "the Sudan Doctors Network")."""
    last = span.doc[span.end - 1]
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return last.ent_type_ == "ORG" and following is not None and following.ent_type_ == "ORG" \
        and following.ent_iob_ == "I" and following.text[:1].isupper()


LAUNCHES = {"launch", "fire", "fly", "send", "shoot", "lob"}


def _origin(span: Span) -> bool:
    """ "drones launched from Kursk": where something came from, not the town it then reached."""
    root = span.root  # not "farmers from X", "residents fled from X … shelled the town"
    return root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.lemma_.lower() in LAUNCHES


OFFICES = {"office", "headquarters", "court", "ministry", "embassy", "consulate", "prosecutor", "bureau", "agency"}


def _an_offices_seat(span: Span) -> bool:
    """ "a spokeswoman for the prosecutor's office in Karlsruhe said": where an institution sits, not the story's
    town that "the city" refers back to."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at") and root.head.head.lemma_.lower() in OFFICES


def _by_agent(span: Span) -> bool:
    """ "overrun by Fano": the doer of a passive verb is an actor (a militia named like an Italian town)."""
    root = span.root
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _a_forces_name(span: Span) -> bool:
    """ "Cleveland Police said": a place naming the force that speaks, not a town the sentence is about."""
    root = span.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in ("police", "constabulary") \
        and root.head.dep_ == "nsubj" and root.head.head.lemma_.lower() in REPORTING_VERBS | {"tell", "report"}


def _stands_for_government(span: Span) -> bool:
    """ "Moscow's main target", "Moscow says", "Kyiv denied": a capital standing for its government, not a place
    anything happened in."""
    root = span.root
    if root.dep_ == "poss":
        return root.head.lemma_.lower() in GOVERNMENT_NOUNS | AIMS | STATEMENTS
    if root.dep_ == "dobj" and root.head.lemma_.lower() in ("accuse", "blame"):
        return True  # "accusing Damascus and Iran-backed militias of orchestrating the assault"
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in REPORTING_VERBS


# what a capital's government pursues ("Moscow's long-range campaign"), not something in the city
AIMS = {"target", "aim", "goal", "objective", "campaign", "strategy", "policy", "war", "offensive", "invasion"}
DIVISION_WORDS = {"district", "region", "oblast", "province", "state", "governorate", "department", "county"}
REPORTING_VERBS = {"say", "claim", "deny", "accuse", "insist", "announce", "warn", "demand", "reject", "state"}


def _district_of(district: Token, index: dict[int, Span]) -> Place | None:
    """The place a "<X> district of <Y>" is of, when ``district`` is such a word and Y a resolved toponym."""
    if district.lemma_.lower() not in TOWN_PARTS:
        return None
    for prep in district.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i in index:
                    return index[obj.i]._.geomap_place
    return None


def paragraph_place(segment: Span, index: dict[int, Span]) -> list[Located]:
    """ "The confrontation in Quetta … On Friday, police used tear gas to clear a sit-in": a sentence that names
    no place of its own tells what happened where its paragraph already is, when the paragraph so far names
    exactly one town."""
    doc = segment.doc
    if any(index[i]._.geomap_place.feature_class == "P" and not _a_forces_name(index[i])
           for i in range(segment.start, segment.end) if i in index):
        return []  # the sentence names towns of its own and the parse tied the event to none of them
    if names_unplaced(segment, index):
        return []  # "seized the town of Qqzzxville": a place the gazetteer lacks, not the paragraph's town
    towns: dict[str, Span] = {}
    i = segment.start - 1
    while i >= max(segment.start - PARAGRAPH_REACH, 0) and not starts_line(doc[i + 1]):
        span = index.get(i)
        if span is not None and span._.geomap_place.feature_class == "P" and not _stands_for_government(span):
            towns.setdefault(span._.geomap_place.gazetteer_id, span)
        i -= 1
    if len(towns) != 1:
        return []
    span = next(iter(towns.values()))
    return [Located(span, span._.geomap_place, 9, False, 0)]


# an incident log's record: "1. Location: El Fasher, North Darfur State" / "Date: 11 May" / "Details: …" (the
# place field's pattern, RECORD_PLACE, is the toponym matcher's too)
RECORD_DATE = re.compile(r"\s*(?:date|when)\s*:", re.IGNORECASE)
RECORD_START = re.compile(r"\s*(?:\d{1,3}[.)]\s|[A-Z][A-Z &/-]{3,}$)")  # the next record, or a section heading
RECORD_REACH = 8  # lines


def record_field(segment: Span, field: re.Pattern) -> tuple[int, int] | None:
    """Where the line of the incident-log record's ``field`` above the sentence is (start, end characters), if the
    sentence is in such a record."""
    text = segment.doc.text
    end = text.rfind("\n", 0, segment.start_char + 1)
    for _ in range(RECORD_REACH):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if field.match(line):
            return start, end
        if RECORD_START.match(line):
            return None
        end = start - 1
    return None


def record_place(segment: Span, index: dict[int, Span]) -> list[Located]:
    """The place field of the incident-log record a sentence is in ("Location: Juba, Central Equatoria State" above
    "Details: Around 200 riders gathered outside the Juba City Council offices"): its first town, else its first
    place."""
    line, day = record_field(segment, RECORD_PLACE), record_field(segment, RECORD_DATE)
    if line is None or day is None or day[0] < line[0]:
        return []  # a record has its place and then its date above its details (not an alert's "Area:" header)
    spans = [span for span in toponym_spans(segment.doc) if line[0] <= span.start_char < line[1] and span.start in index]
    towns = [span for span in spans if span._.geomap_place.feature_class == "P"] or spans
    return [Located(towns[0], towns[0]._.geomap_place, 9, False, 0)] if towns else []


SUBHEAD_WORDS = 12  # an explainer's subhead ("What happened in Athens?") is a short question on a line of its own
SUBHEAD_REACH = 2  # paragraphs under a subhead it may cover


def subhead_place(segment: Span, index: dict[int, Span]) -> list[Located]:
    """ "What happened in Athens?" over "… groups of hooded youths threw petrol bombs at riot police in front of
    parliament": an explainer's question subhead naming one town, and nothing else, places the placeless events of
    the paragraphs under it (up to the next subhead); so does a line that is a place's name alone ("ZAHEDAN"). Not
    the headline, which the headline rules weigh; not a statement line, which may be a byline or a section name as
    well as a subhead ("From Musa Ibrahim, Jos")."""
    doc, text = segment.doc, segment.doc.text
    end = text.rfind("\n", 0, segment.start_char + 1)
    paragraphs = 0
    while end > 0 and paragraphs <= SUBHEAD_REACH:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line.endswith("?") and len(line.split()) <= SUBHEAD_WORDS:
            if start == 0:
                return []  # the headline
            spans = {index[i].start: index[i] for i in range(len(doc)) if i in index
                     and start <= index[i].start_char < end}
            towns = [span for span in spans.values() if span._.geomap_place.feature_class == "P"]
            return [Located(towns[0], towns[0]._.geomap_place, 9, False, 0)] \
                if len(towns) == len(spans) == 1 else []
        named = [index[i] for i in range(len(doc)) if i in index and start <= index[i].start_char < end]
        if start > 0 and len(named) == 1 and named[0].text.strip().lower() == line.strip(" :#*").lower() \
                and named[0]._.geomap_place.feature_class == "P":  # a town: "Spain" heads a round-up's country
            # "ZAHEDAN" over "• Monday 30 September: … gathered near the Makki Grand Mosque": a section named
            # by its place alone
            return [Located(named[0], named[0]._.geomap_place, 9, False, 0)]
        if line and len(line.split()) <= SUBHEAD_WORDS and not line.endswith((".", '"', "\u201d")):
            return []  # another kind of subhead or label ends the question's reach
        paragraphs += 1
        end = start - 1
    return []


def next_sentence_place(segment: Span, index: dict[int, Span]) -> list[Located]:
    """ "A drone struck a police station on Wednesday. The station sits in the centre of Suárez, …": a lede that
    names no place, followed in its paragraph by a sentence about the same thing ("the station", "the attack")
    that puts it in one town."""
    doc = segment.doc
    if segment.end >= len(doc) or names_unplaced(segment, index):
        return []  # the lede names its place, one the gazetteer cannot place
    following = doc[segment.end].sent
    if following.start < segment.end or "\n" in doc.text[segment.end_char:following.start_char + 1]:
        return []  # the story moved on to a new paragraph
    subject = next((t for t in following if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == following.root.i), None)
    if subject is None or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children):
        return []
    if following.root.lemma_.lower() in SPEAKING:
        return []  # "…, the source added": who told it again, not the thing the lede told of
    told = {t.lemma_.lower() for t in segment if t.pos_ == "NOUN"}
    if subject.lemma_.lower() not in told:
        return []  # "The army said …" is someone else, not the thing the lede told of
    found: dict[str, Located] = {}
    for i in range(following.start, following.end):
        span = index.get(i)
        if span is None or i != span.root.i or span._.geomap_place.feature_class != "P":
            continue
        token = span.root
        head = token.head.head.head if token.head.lower_ == "of" and token.head.head.lemma_.lower() in AREAS \
            else token.head  # "sits in the centre of Suárez"
        if token.dep_ == "pobj" and head.lower_ in LOCATIVE - {"of", "by", "against", "between", "from"}:
            found.setdefault(span._.geomap_place.gazetteer_id, Located(span, span._.geomap_place, 9, False, 0))
    return list(found.values())[:1]  # not "rebuilt with funds from Bogotá"


def town_within(located: list[Located], cluster, segment: Span, index: dict[int, Span]) -> list[Located]:
    """ "In Belgorod region, the border town of Shebekino came under fire": when the event is placed only in a
    region, the one town of that region its clause names is where it happened."""
    def regional(item: Located) -> bool:  # "In Belgorod region" however the name resolved
        after = item.span.doc[item.span.end].lower_ if item.span.end < len(item.span.doc) else ""
        return not item.place.is_country and (item.place.is_admin or after in DIVISION_WORDS - {"district"})

    if not located or not all(regional(item) for item in located):
        return located
    regions = {(item.place.country_code, item.place.admin1_code) for item in located}
    arguments = {u for verb in _clause_verbs(cluster) for u in _phrases(verb)}
    filed = dateline_end(segment.doc.text)  # "MAROUA, Aug 19 —" is where the wire was filed
    towns = {span.start: span for i, span in index.items() if segment.start <= i < segment.end and i in arguments
             and span.start_char >= filed and all(span.start != item.span.start for item in located)
             and not (span.root.dep_ == "pobj" and span.root.head.lower_ in ("to", "toward", "towards", "from"))
             and not (span.end < len(span.doc) and span.doc[span.end].lower_ in DIVISION_WORDS)
             and span._.geomap_place.feature_class == "P"
             and (span._.geomap_place.country_code, span._.geomap_place.admin1_code) in regions}
    if len(towns) != 1:
        return located
    span = next(iter(towns.values()))
    return [Located(span, span._.geomap_place, 9, False, 0)]


def _clause_verbs(cluster) -> list[Token]:
    """The verb of each trigger's clause: the trigger itself or the nearest verb above it."""
    return [next((a for a in (t.head, *t.head.ancestors) if a.pos_ in ("VERB", "AUX")), t.head) for t in cluster]


def _phrases(verb: Token) -> set[int]:
    """The tokens of a verb's own noun phrases and prepositional phrases, not of the clauses below it ("marched
    to the governorate to demand the reopening of the Mopti–Bandiagara road")."""
    out: set[int] = set()
    stack = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "prep", "npadvmod")]
    while stack:
        token = stack.pop()
        out.add(token.i)
        stack.extend(c for c in token.children if c.dep_ in ("pobj", "prep", "compound", "appos", "amod", "conj",
                                                              "nmod", "poss", "det", "cc", "punct"))
    return out


def sole_town(cluster, segment: Span, index: dict[int, Span]) -> list[Located]:
    """The one town the event's own clause names in any role ("mobs roamed Juba's markets", "on the outskirts of
    Bannu city"), when the parse ties the event to no place.

    Not a town in another clause ("was pronounced dead at a Ramallah hospital"), standing for its government, a
    launch site, a passive's doer, the reporter's dateline, a hospital the wounded were taken to, or the seat of
    whoever speaks; a second town or a country anywhere in the sentence leaves the event unplaced.
    """
    chains = [clause_chain(trigger.head) for trigger in cluster]
    chain = {t.i for links in chains for t, _ in links}
    tops = {links[-1][0].i for links in chains}
    filed = dateline_end(segment.doc.text)

    def own_clause(token: Token) -> bool:
        for ancestor in (token, *token.ancestors):
            if ancestor.i in tops:
                return True
            if ancestor.dep_ in CLAUSE_EDGES and ancestor.i not in chain:
                return False
        return False

    named: dict[str, Span] = {}
    for i in range(segment.start, segment.end):
        span = index.get(i)
        if span is None or i != span.root.i or span.label_ == "NORP":
            continue
        place = span._.geomap_place
        if _inside_institution(span):
            continue  # "the Middle East Technical University campus": a name's part, not a place in the story
        if place.is_country or place.feature_class not in ("P", "A") or place.feature_code == "ADM1":
            return []
        if span.start_char < filed:
            continue
        root = span.root
        if not own_clause(root) or root.dep_ == "pobj" and root.head.lower_ in ("to", "toward", "towards", "from", "via"):
            continue  # "ambushed a convoy on the main road to Addis Ababa": where it was heading
        if root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() not in AREAS | TOWN_PARTS | SITES:
            return []  # "a visiting Kabul official": a person's label, not a scene
        measured = measured_from(root)
        if measured is not None and measured > NEAR_KM:
            return []  # "a village 120 km west of Shwebo": a reference point
        if _stands_for_government(span) or _origin(span) or _by_agent(span) or _names_a_thing(span):
            return []
        if root.dep_ == "pobj" and (_speakers_place(root.head, place) or root.head.head.lemma_.lower() in CARE_PLACES):
            return []
        named[place.gazetteer_id] = span
    if len(named) != 1:
        return []
    span = next(iter(named.values()))
    return [Located(span, span._.geomap_place, 9, False, 0)]

