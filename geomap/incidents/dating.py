"""When an incident happened: the date expression the parse attaches to it, datelines and live-blog stamps,
headings, and headlines dated by the body that tells the same event."""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from geomap.dates import WEEKDAY_WORDS, DateWindow, find_dates, last_weekday
from geomap.geo import distance_km
from geomap.incidents.filters import REPORTING
from geomap.incidents.places import clause_chain
from geomap.models import Document, Incident
from geomap.nlp.pipeline import starts_line, toponym_spans
from geomap.nlp.events import Trigger, lead_of, trigger_words
from geomap.nlp.name_cues import TIME_STAMP

log = logging.getLogger("geomap.incidents")


def path_length(a: Token, b: Token) -> int:
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    for i, t in enumerate(up_a):
        if t in up_b:
            return i + up_b.index(t)
    return 99


def subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def first_verb(token: Token) -> list[Token]:
    """The verb a noun trigger is an argument of ("fired tear gas at hundreds of protesters … on Monday")."""
    for ancestor in list(token.ancestors)[:5]:
        if ancestor.pos_ in ("VERB", "AUX"):
            return [ancestor]
    return []


def date_for(cluster: list[Trigger], others: list[list[Trigger]], dates: list[tuple[set[int], DateWindow]]) -> DateWindow | None:
    """The date expression attached to this event: in its subtree, or on the verb that governs it."""
    mine = {t.head.i for t in cluster}
    foreign: set[int] = set()
    for other in others:
        if other is cluster:
            continue
        for t in other:
            sub = subtree_ids(t.head)
            if not sub & mine:
                foreign |= sub
    best: tuple[int, DateWindow] | None = None
    best_rank: tuple[bool, int] = (True, 99)
    chains = [[t.head] + list(t.head.ancestors) for t in cluster]  # each trigger and the verbs that govern it
    described = False  # the sentence's one day belongs to something the event's words describe
    for tokens, window in dates:
        if tokens & foreign:
            continue
        doc = cluster[0].head.doc
        if window.text.lower().endswith("after"):  # "a day after protesters stormed…" dates only what follows it
            after = doc[max(tokens)]
            if after.dep_ == "mark":  # the clause "after" opens: "a day after two commandos were killed in a gunfight"
                clause = subtree_ids(after.head)
                told_after = [t.head.i in clause for t in cluster]
            else:  # "a day after the attack", "a day after protesters stormed …" however parsed
                told_after = [after in t.head.ancestors or after.head in (t.head, t.head.head) for t in cluster]
            # (not "villagers were shot dead on Thursday, a day after …": an event whose leading words stand
            # outside the clause, however a "killed" or "gunfight" in it joined them)
            if told_after[cluster.index(lead_of(cluster))]:
                best = (-1, window)
            continue
        first_word = doc[min(tokens)]  # the verb "on Sunday" hangs on, if the day is a preposition's
        day_verb = first_word.head if first_word.dep_ == "prep" else \
            first_word.head.head if first_word.head.dep_ == "prep" else None
        if any(c.dep_ == "advmod" and c.lower_ == "when" and 0 < c.i - max(tokens) <= 4
               and not (day_verb is not None and t.head.dep_ == "advcl" and t.head.head.i == day_verb.i)
               # but "was wounded on Sunday when a drone hit": the drone's day
               for t in cluster for c in t.head.children):
            # "the night of February 2023 when settlers set fire …", however it is parsed; a day the event's own
            # words hold ("fired tear gas on Tuesday, a year after June 2024 when …") comes first
            if best is None or best[0] > WHEN or (best[0] == WHEN
                                                  and FINENESS[window.precision] < FINENESS[best[1].precision]):
                best = (WHEN, window)
            continue
        date_root, own_head = min(tokens), _own_head(doc, tokens)
        named = doc[own_head].head
        opened = doc[date_root - 1] if date_root > 0 else None  # "On 30 September 2022 security forces opened
        # fire", the date parsed as a modifier of "forces": the preposition before it hangs on the verb
        on_a_verb = opened is not None and opened.dep_ == "prep" and opened.head.pos_ in ("VERB", "AUX") \
            and any(ch.isdigit() for ch in window.text)  # (not "after Friday prayers": those prayers' day)
        if doc[own_head].dep_ in ("compound", "nmod", "amod") and named.pos_ == "NOUN" and named.i not in mine \
                and not named.ent_type_ and named.lemma_.lower() not in trigger_words() and not on_a_verb:
            continue  # "families who lost their homes in the March 28 earthquake": that noun's date, not the event's
        if window.text.lower().startswith(("since", "from", "until")) \
                and doc[date_root].head not in {t.head for t in cluster} \
                and any(w.precision == "day" and other is not tokens and not _telling(_holders(doc, other))
                        for other, w in dates):
            continue  # "On 5 January, units retook Chicomuselo, where a group had kept checkpoints since December"
        if _qualifies_other(doc[own_head], cluster):
            continue  # "arrested four men in raids linked to Saturday's disorder": the disorder's day
        if _later_in_a_clause(doc[own_head], window, cluster):
            described = True
            continue  # "detained 14 people, who were released the next morning": a later day, not the event's
        distance = min(path_length(doc[date_root], t.head) for t in cluster)
        inside = any(tokens & subtree_ids(t.head) for t in cluster)
        holders = _holders(doc, tokens)
        governs = any(holder in [t.head] + list(t.head.ancestors)[:3] + first_verb(t.head)
                      for t in cluster for holder in holders) or any(  # "on Sunday, when bombs destroyed …"
            tokens & {a.i for a in list(t.head.ancestors)[:3]} for t in cluster)
        clause = any(tokens <= subtree_ids(clause_chain(t.head)[-1][0]) for t in cluster)
        if not (inside or governs or clause):
            continue
        if _telling(holders) and not inside \
                and any(w.precision in ("day", "week") and other is not tokens for other, w in dates):
            distance += 10  # "fired a missile on Sunday …, officials said on Monday": the day of the telling
        # on a tie, a day written out ("recalls May 25, when two bombs … killed 19 on a busy Saturday"); between
        # dates as fine, the one on the nearer governing verb: "hit Druzhkivka overnight, while in Kramatorsk a man
        # was wounded on Sunday when a drone hit a car park" (the drone's day is the wounding's, not the shelling's)
        rank = (not (window.precision == "day" and any(ch.isdigit() for ch in window.text)),
                min((chain.index(holder) for chain in chains for holder in holders if holder in chain), default=99))
        if best is None or distance < best[0] or distance == best[0] and (
                rank[0] < best_rank[0] or window.precision == best[1].precision and rank < best_rank):
            best, best_rank = (distance, window), rank
    if best is None and len(dates) == 1 and not described and (days_named(dates[0][1]) or (
            dates[0][1].precision in ("week", "month") and len(others) == 1 and _on_the_main_verb(dates[0][0], cluster)
            and not dates[0][1].text.lower().startswith(("since", "from", "until", "by", "this", "earlier this")))):
        # one day named in the sentence: its events happened then unless the parse says otherwise; so does the one
        # week or month of a sentence telling one event ("builds on successes, including the recapture of Wad
        # Madani, …, in January")
        return dates[0][1]
    return best[1] if best else None


def _own_head(doc: Doc, tokens: set[int]) -> int:
    """The date expression's own head ("week" of "Last week"), which is what the parse attaches to a verb."""
    return next((i for i in sorted(tokens) if doc[i].head.i not in tokens), min(tokens))


def _holders(doc: Doc, tokens: set[int]) -> set[Token]:
    """What a date expression hangs on, and the verb its preposition hangs on ("returned on Sunday, when bombs
    destroyed …": that verb governs too)."""
    holders = {doc[root].head for root in {min(tokens), _own_head(doc, tokens)}}
    return holders | {h.head for h in holders if h.dep_ == "prep"}


def _telling(holders: set[Token]) -> bool:
    """The day a statement was made ("officials said on Monday"): the date hangs on a verb of telling."""
    return any(holder.lemma_.lower() in REPORTING and holder.pos_ == "VERB" for holder in holders)


def days_named(window: DateWindow) -> bool:
    """A day or a run of days written out ("on Friday", "3 May", "2–3 April"), not a week, month or year."""
    return window.precision == "day" or window.precision == "week" and any(ch.isdigit() for ch in window.text) \
        and window.date is not None and (window.date_end - window.date).days <= 7


def _on_the_main_verb(tokens: set[int], cluster: list[Trigger]) -> bool:
    """The date hangs on the sentence's main verb ("builds on successes … in January"), not on a clause of its own
    ("over a bill passed in June")."""
    doc = cluster[0].head.doc
    own = next((doc[i] for i in sorted(tokens) if doc[i].head.i not in tokens), doc[min(tokens)])
    verb = next((a for a in own.ancestors if a.pos_ in ("VERB", "AUX") or a.dep_ == "ROOT"), own)
    return verb.dep_ == "ROOT"


WHEN = 3.5  # the rank of a day before "when": after one the event's words hold
FINENESS = {"day": 0, "week": 1, "month": 2, "year": 3, "publication": 4}
TALLIES = {"number", "total", "toll", "tally", "count"}


def _qualifies_other(token: Token, cluster: list[Trigger]) -> bool:
    """The date sits in a participle phrase describing something else the event involves ("men linked to
    Saturday's riot", "suspects wanted over the March 3 bombing") or in a running tally."""
    heads = {t.head for t in cluster}
    for ancestor in [token, *token.ancestors]:
        if ancestor in heads:
            return False
        if ancestor.lemma_.lower() in TALLIES and ancestor.pos_ == "NOUN" or ancestor.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in TALLIES for c in ancestor.children):
            return True  # "…, bringing the number of arrests since January to 400": the tally's span
        if ancestor.dep_ == "acl" and ancestor.tag_ == "VBN" and ancestor.head not in heads:
            return any(a in heads for a in ancestor.ancestors)
    return False


def _later_in_a_clause(token: Token, window: DateWindow, cluster: list[Trigger]) -> bool:
    """A day counted from the story's ("the next morning") in a relative clause on someone the event involves:
    what happened to them afterwards. (A plain day there is mostly the event's own, attached by the parse.)"""
    if not window.text.lower().startswith(("the next", "the following", "a day later", "later")):
        return False
    heads = {t.head for t in cluster}
    clause = next((a for a in [token, *token.ancestors] if a.dep_ == "relcl"), None)
    return clause is not None and clause.head not in heads and any(a in heads for a in clause.ancestors)


def heading(segment: Span) -> bool:
    """ "1. Attack on NGO staff near Kutum.", "- Drones hit Port Sudan": a numbered or bulleted line, or a short
    line with no finite verb, announces what the text then tells; it takes no day from the lines before it."""
    if not starts_line(segment[0]):
        return False
    if NUMBERED.match(segment.text) or SUMMARY_LABEL.match(segment.text):
        return True  # and "Summary: one exchange of fire …; one landmine casualty …" tells again what follows
    return len(segment) <= 10 and not any(t.tag_ in ("VBD", "VBZ", "VBP") for t in segment)


NUMBERED = re.compile(r"\s*(?:\d{1,2}[.)]|[-\u2022*\u2013\u2014])\s")
NUMBERED_ITEM = re.compile(r"\s*\d{1,2}[.)]\s")  # "1. At approximately 23:40, …": a numbered item is news of its own


RETOLD_BLOG = re.compile(r"as it happened|key moments|recap of the day|how the day unfolded", re.IGNORECASE)
UPDATE_LINE = re.compile(r"\s*(?:last\s+)?(?:updated|published|posted)\b", re.IGNORECASE)


def live_blog_day(all_segments: list[Span], document: Document) -> date | None:
    """ "Wednesday's protests … have ended … Below are the key moments": a live blog told the next day ("as it
    happened") names its day in the sentences above its first time stamp; its entries are of that day. None (the
    report's day) for a blog of its own day, or when the lines above name no day but the page's update."""
    if not document.published:
        return None
    first = next((k for k, segment in enumerate(all_segments) if TIME_STAMP.match(segment.text)), None)
    if first is None:
        return None

    def days_in(lines: list[Span]) -> list[date]:
        return [window.date for segment in lines if not UPDATE_LINE.match(segment.text)
                for _, _, window in find_dates(segment.text, document.published)
                if window.precision == "day" and window.date is not None
                and 0 <= (document.published - window.date).days <= 7]

    # "FRONTERA ALERTS – citizen reports, Monday 10 June": a title line above the entries names their day
    days = days_in([segment for segment in all_segments[:first] if heading(segment) and not NUMBERED.match(
        segment.text) and not any(t.tag_ in ("VBD", "VBZ", "VBP", "VBN") for t in segment)])
    if not days and not RETOLD_BLOG.search(document.text[:all_segments[first].start_char]):
        return None  # a blog of its own day, however its intro recalls the days before
    days = days or days_in(all_segments[:first])
    return days[-1] if days and days[-1] != document.published else None  # the report's day: left undated


def day_heading(segment: Span, document: Document) -> date | None:
    """ "Saturday 30 November 2024" on a line of its own: a live blog's day heading, whose day the entries below
    it are of (until the next heading)."""
    text = segment.text.strip()
    if not document.published or not text or not starts_line(segment[0]) or len(text) > 40:
        return None
    windows = find_dates(text, document.published)
    if len(windows) != 1:
        return None
    start, end, window = windows[0]
    rest = re.findall(r"\w+", text[:start] + text[end:])
    if window.precision != "day" or window.date is None or any(word.lower() not in WEEKDAY_WORDS for word in rest):
        return None
    return window.date


def stamp_day(segment: Span, document: Document) -> date | None:
    """ "TUE 21:12 — Heavy gunfire …": a thread of alerts stamps its entries with a weekday; the entries from there
    on are of the last such weekday on or before the report."""
    match = TIME_STAMP.match(segment.text) if document.published and starts_line(segment[0]) else None
    if match is None or not match.group("weekday"):
        return None
    return last_weekday(document.published, match.group("weekday"))


def date_headlines(incidents: list[Incident], doc: Doc, document: Document) -> list[Incident]:
    """An undated headline event takes the date the body gives the same event, else the report day itself.

    Headlines report the news of the day ("… killed by IED in Balashikha"); when the body dates the same
    event ("on Friday evening"), that date wins. One read in a country the body never names, when the body tells
    an event of its kind, is the body's event misplaced.
    """
    from geomap.dedupe import report_window, same_event

    lead = lead_end(document)
    summaries = summary_paragraphs(document)
    bullets = summary_bullets(document)

    body_countries = {span._.geomap_place.country_code for span in toponym_spans(doc)
                      if span.start_char >= lead and span._.geomap_place is not None}

    def bulleted(item: Incident) -> bool:
        return any(start <= item.start < end for start, end in bullets)

    def headline(item: Incident) -> bool:
        return item.start < lead or bulleted(item) or any(start <= item.start < end for start, end in summaries)

    def in_week(other: Incident, week) -> bool:  # dated within the week a headline's news is of
        return other.date is not None and week is not None \
            and week[0] <= (other.date_end or other.date) and other.date <= week[1]

    out = []
    for incident in incidents:
        if incident.date_precision == "publication" and headline(incident) and document.published:
            dated_body = [other for other in incidents if not headline(other) and other.date_precision != "publication"]
            body = [other for other in dated_body if same_event(incident, other)]
            week = report_window(incident)  # the headline's news is of the week before the report
            there = [other for other in dated_body if in_week(other, week)
                     and (other.place.gazetteer_id == incident.place.gazetteer_id or distance_km(
                         incident.place.lat, incident.place.lon, other.place.lat, other.place.lon) <= 5)]
            # a summary paragraph's item, told again below
            if not body and incident.start >= lead and not bulleted(incident) and any(
                    other.event_type == incident.event_type and in_week(other, week)
                    and (other.place.country_code, other.place.admin1_code) == (
                        incident.place.country_code, incident.place.admin1_code) for other in dated_body):
                log.debug("summary told again by the body: %s", incident.quote)
                continue
            if body:
                best = body[0]
                incident = replace(incident, date=best.date, date_end=best.date_end,
                                   date_precision=best.date_precision, time_precision=best.time_precision)
            elif there and len({other.event_type for other in there}) == 1:
                # "JNIM fighters storm army positions in Djibo" over a body that tells the battle there: the
                # headline summarises it (and its telegraphic grammar types it worse than the body's sentences)
                log.debug("headline told again by the body: %s", incident.quote)
                continue
            else:
                told = _body_day(incident, doc, document, lead)
                if told is not None:  # "- Social leader shot dead in El Tarra" … "On Wednesday, in El Tarra, …"
                    incident = replace(incident, date=told.date, date_end=told.date_end,
                                       date_precision=told.precision, time_precision=1 if told.precision == "day" else 2)
                elif incident.place.country_code not in body_countries and any(
                        other.sub_event_type == incident.sub_event_type for other in dated_body if in_week(other, week)):
                    # read in a country the body never names, while the body tells an event of its kind that week:
                    # the headline's name misread ("Bel Air", a Port-au-Prince quarter, as the French town), not
                    # another event
                    log.debug("headline told again by the body, misplaced abroad: %s", incident.quote)
                    continue
                else:
                    incident = replace(incident, date_precision="day", time_precision=1)
        elif headline_dated_by_a_noun(incident, doc, document):
            incident = _as_the_body_dates_it(incident, [other for other in incidents if not headline(other)])
        out.append(incident)
    return out


def headline_dated_by_a_noun(incident: Incident, doc: Doc, document: Document) -> bool:
    """Whether the incident is the headline's and its only day words name a thing ("terror at the Sunday market,
    drone strike hits fighters near Arbinda"), not when it happened: no first telling to date the body by."""
    if incident.start >= document.text.find("\n") or incident.date_precision != "day":
        return False
    span = doc.char_span(incident.start, incident.end, alignment_mode="expand")
    days = [t for t in span if t.ent_type_ == "DATE"] if span is not None else []
    return bool(days) and all(t.dep_ == "compound" and t.head.pos_ == "NOUN"
                              and t.head.ent_type_ != "DATE" for t in days)


def same_event_at(a: Incident, b: Incident) -> bool:
    """The same kind of event (ACLED event type) at the same gazetteer place."""
    return a.event_type == b.event_type and a.place.gazetteer_id == b.place.gazetteer_id


def _as_the_body_dates_it(incident: Incident, body: list[Incident]) -> Incident:
    """ "Terror at the Sunday market, drone strike hits fighters near Arbinda": a headline's day may belong to
    another of its clauses. When the body tells the event (its type, its place) only on other days, the body's
    first day is its day."""
    told = [other for other in body if same_event_at(other, incident) and other.date is not None
            and other.date_precision == "day"]
    if not told or any(other.date <= incident.date <= (other.date_end or other.date) for other in told):
        return incident
    log.debug("headline dated as the body tells it: %s", incident.quote)
    best = told[0]
    return replace(incident, date=best.date, date_end=best.date_end, date_precision=best.date_precision,
                   time_precision=best.time_precision)


def _body_day(incident: Incident, doc: Doc, document: Document, lead: int) -> DateWindow | None:
    """The day (or week) of the first body sentence that names the headline's place and dates something in the
    week before the report, or, when it dates nothing, of the sentence after it in the same paragraph ("The raid on
    Djibo exposed … Shortly after dawn on Monday, …"): the body telling the same news in other words, which the
    rules did not code."""

    spans = toponym_spans(doc)
    week_start = document.published.toordinal() - 7
    for span in spans:
        place = span._.geomap_place
        if span.start_char < lead or place is None or place.gazetteer_id != incident.place.gazetteer_id:
            continue
        sentence = span.sent
        following = doc[sentence.end].sent if sentence.end < len(doc) else None
        told = [sentence] + ([following] if following is not None
                             and "\n" not in doc.text[sentence.start_char:following.start_char]
                             and _tells_on(sentence, following, incident) else [])
        for said in told:
            found = find_dates(said.text, document.published, None)
            for _, _, window in found:
                if window.precision in ("day", "week") and window.date is not None \
                        and week_start <= window.date.toordinal() <= document.published.toordinal():
                    return window
            if found:
                break  # the naming sentence dates something else: its next sentence is not the headline's news
    return None


OTHER_NEWS = {"separate", "separately", "another", "meanwhile", "elsewhere"}


def _tells_on(naming: Span, following: Span, incident: Incident) -> bool:
    """ "The raid on Djibo exposed … Shortly after dawn on Monday, …": the sentence after the one naming the
    headline's town goes on with the same news when the naming sentence speaks of an event, and the next one names
    no other town, says nothing of other news ("a separate attack") and looks no further back ("had been arrested")."""
    words = trigger_words()
    if not any(t.lemma_.lower() in words for t in naming):
        return False  # "Zurmi lies on a major cattle route": a description, not the news
    if any(t.lower_ in OTHER_NEWS for t in following) or any(
            t.lower_ == "had" and t.dep_ in ("aux", "auxpass") and t.head.tag_ == "VBN" for t in following):
        return False
    return not any(following.start <= s.start < following.end and s._.geomap_place is not None
                   and s._.geomap_place.feature_class == "P"
                   and s._.geomap_place.gazetteer_id != incident.place.gazetteer_id for s in toponym_spans(naming.doc))


SUMMARY_LABEL = re.compile(r"\s*(?:summary|in brief|key points|highlights|at a glance|overview)"
                           r"\s*(?:[:\u2014\u2013-]|$)", re.IGNORECASE)  # (and "Overview" alone on its line)


def summary_paragraphs(document: Document) -> list[tuple[int, int]]:
    """ "Summary: one exchange of fire …; one landmine casualty …": a monitor report's summary paragraph tells
    again, undated, what its body dates; it is read like a headline block."""
    found, start = [], 0
    for line in document.text.split("\n"):
        if SUMMARY_LABEL.match(line):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def summary_bullets(document: Document) -> list[tuple[int, int]]:
    """ "Key points:" over bullet lines: the bullets summarise the body (read like a headline's bullets)."""
    found, start = [], 0
    lines = document.text.split("\n")
    for k, line in enumerate(lines):
        start += len(line) + 1
        # "Key points:" over bullets, or two or more bullets right under the first paragraph (a wire's lede)
        under_lede = k == 0 and len(lines) > 3 and all(NUMBERED.match(b) and not NUMBERED_ITEM.match(b)
                                                        for b in lines[1:3])
        if under_lede or SUMMARY_LABEL.match(line) and not SUMMARY_LABEL.sub("", line, count=1).strip():
            end = start
            for bullet in lines[k + 1:]:
                if not NUMBERED.match(bullet):
                    break
                end += len(bullet) + 1
            if end > start:
                found.append((start, end))
    return found


def lead_end(document: Document) -> int:
    """Where the headline block ends: after a short first line and any bullet lines under it (0 if none)."""
    lines = document.text.split("\n")
    if len(lines) < 2 or len(lines[0].split()) > 30:
        return 0
    # "THE NORTH WEST MIRROR — Bamenda, Friday March 8, 2024" over the headline: the block ends after the title
    first = next((k for k, line in enumerate(lines[:4]) if document.title and line.strip() == document.title.strip()
                  and k + 1 < len(lines)), 0)
    end = sum(len(line) + 1 for line in lines[:first + 1])
    bullets = [line.lstrip().startswith(("-", "•", "*")) for line in lines] + [False]
    for k, line in enumerate(lines[first + 1:], start=first + 1):
        # "Key developments this week:", "AMMAN, Aug 5 (Levant Report) -": a label over the bullets under it
        label = len(line.split()) <= 12 and line.rstrip().endswith((":", "-", "\u2013", "\u2014")) and bullets[k + 1]
        # "Attacks in Mocímboa da Praia and Macomia districts", "As of 26 September 2025": a subtitle line
        subtitle = k <= first + 3 and len(line.split()) <= 10 and not line.rstrip().endswith((".", ":"))
        if not (bullets[k] or label or subtitle) and line.strip():
            break
        end += len(line) + 1
    return end


def told_in_past(trigger: Trigger) -> bool:
    """ "police used tear gas", "lorries were set on fire": a one-off past action, not "have since killed",
    "are conducting" or "says"."""
    verb = trigger.head if trigger.head.pos_ in ("VERB", "AUX") else next(iter(first_verb(trigger.head)), None)
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lemma_.lower() == "have" or c.tag_ in ("VBP", "VBZ", "MD") for c in auxiliaries):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in auxiliaries))
