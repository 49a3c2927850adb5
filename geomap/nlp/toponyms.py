"""spaCy component ``geomap_toponym_matcher``: NER place entities + gazetteer matches → toponym spans.

NER gives GPE/LOC/FAC (and NORP demonyms, which stand for their country). The gazetteer adds capitalised
n-grams NER missed and can overrule NER's PERSON/ORG label when the words are a known place followed by an
event noun ("Balashikha bombing") or named as a place elsewhere in the document. Guards keep common words,
sentence-initial capitals, titles before person names and organisations out. Gold spans, when the document
carries them, replace all of this.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from geomap.errors import GazetteerError
from geomap.geocoding.names import normalize, skeleton
from geomap.nlp.name_cues import (
    CALENDAR_WORDS, DIRECTIONS, ITEM_BEFORE, RECORD_PLACE, STAMP_BEFORE, TIME_LABELS, TIME_STAMP, not_a_time, pieces,
    word_before,
)
from geomap.resolution.demonyms import ap_state, demonym_places
from geomap.resolution.features import people
from geomap.resolution.lookup import site_named

PLACE_LABELS = ("GPE", "LOC", "FAC")
# LANGUAGE: the small model tags some towns as languages ("in Odesa"); the cues in _overrule decide
OVERRULABLE = ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LANGUAGE")
EVENT_NOUNS = frozenset(
    "attack attacks bombing bombings blast blasts strike strikes airstrike airstrikes shelling explosion "
    "explosions raid raids offensive clashes clash battle siege massacre protest protests riot riots "
    "fire fires shooting shootings crash flood floods earthquake assault incursion counteroffensive "
    "operation region area direction front border outskirts residents mayor regions sector zone axis".split()
)
# lower-case site nouns after a name that place the site there ("the Merowe dam", "the Kursk nuclear plant")
SITE_NOUNS = frozenset("dam plant refinery airbase airfield prison depot barracks garrison checkpoint cantonment "
                       "camp zoo stadium mosque church market".split())  # "the Tulkarm refugee camp", "the Tripoli zoo"
# nouns after a name that make it the seat of an authority ("Lyon police"): only a sizeable town qualifies
AUTHORITY_NOUNS = frozenset("police authorities officials governor port airport prosecutors".split())
PERSON_TITLES = frozenset(
    "mr mrs ms miss dr sen rep gov president minister general gen col lt sgt officer judge coach "
    "pastor rev father sister brother saint st. mayor chief prof".split()
)
_CONNECTORS = frozenset({"of", "de", "la", "du", "upon", "on", "-", "al", "el", "da", "do", "dos", "das", "del", "di"})
# words before a place name that make it a location ("in Alexandria", "near Ripley")
LOCATIVE = frozenset("in at from near to into outside across around throughout toward towards via between off over above through "
                     "across north south east west northeast northwest southeast southwest of".split())
# single capitalised words that are far more often something else
COMMON_CAPITALISED = frozenset(
    "north south east west northern southern eastern western central center centre city county state "
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday god police street road college university church hall park "
    "village man young liberal commerce celebration ridge set vice northwest northeast southwest southeast "
    "metro lot loop port chamber bank labor capital midwest federal national union republic".split()
)
# institutions written alone ("protesting outside Congress"), whatever small town shares the name
INSTITUTIONS = frozenset(
    "congress parliament senate assembly court embassy ministry cabinet government army navy council".split()
)
# the last word of a facility's name ("Kharkiv Airport", "Zaporizhzhia Nuclear Power Plant")
FACILITY_NOUNS = frozenset("line base camp hospital school university college market mosque church temple port "
                           "prison penitentiary jail plant palace building tower hotel crossing centre center "
                           "terminal harbour harbor field hall house museum park".split())
# a capitalised word after a place name that makes the whole a street or building ("Wichita Street")
FACILITY_WORDS = frozenset(
    "street st road rd avenue ave drive dr boulevard blvd lane ln highway hwy parkway freeway way court "
    "place square bridge stadium airport station mall plaza".split()
)
# weapons named after places or things ("Magura sea drones"): the name is a model, not a location
WEAPON_NOUNS = frozenset("drone missile rocket launcher system howitzer boat torpedo bomb shell".split())
MAX_NGRAM = 4
# the lower-case joints of hyphenated names: "Croix-des-Bouquets", "Dasht-e-Barchi", "Rostov-on-Don"
NAME_PARTICLES = frozenset("e i o de des du la le les los las el al ul on upon sur en am an di da do der den von "
                           "van".split())
# "the outskirts of Sake", "the village of Boni": a capitalised word after these is a name whatever the tagger says
NAMED_AREA_NOUNS = frozenset("outskirts outskirt town village city suburb suburbs district province region edge "
                             "municipality locality hamlet".split())
# a division noun after a name makes it a place name ("Chamchamal district", "Ukum local government area")
DIVISION_WORDS = frozenset("district province governorate oblast county municipality regency prefecture department "
                           "raion upazila township commune lga".split())  # "Tsafe LGA": Nigeria's local government area
DIVISION_NAMES = DIVISION_WORDS | {"local government area", "local government", "local government council"}
# "the Kaura Namoda–Zurmi road", "the Kabul-Jalalabad highway": a route is named by the towns it joins
ROUTE_WORDS = frozenset("road highway motorway expressway route railway corridor axis".split())
ROUTE_DASHES = frozenset({"-", "\u2013", "\u2014", "/"})  # what joins the towns of a route's name
# the Arabic article as English news often writes it before a place name ("al-Mayadin", "ad-Dhahiriya")
ARABIC_ARTICLES = frozenset("al el ad ar as ash at az an ed er es et".split())
# articles and particles inside Romance and Arabic names ("Colonia Las Insurgentes", "Serra da Misericórdia")
NAME_ARTICLES = frozenset("la las los del de da do dos das di du".split())  # not "al": "Tripoli Al Arabiya reported"
# what munitions do to the place they hit ("fell on Timbuktu", "crashed on Sumy")
IMPACT_VERBS = frozenset("fall land rain crash slam down".split())
# a settlement noun after a name says it is a place however small ("Wase town", "the Sinjil village")
SETTLEMENT_WORDS = frozenset("town village hamlet".split())
# verbs whose object is typically the place hit or taken ("shelled El Fasher", "seized Walikale")
TARGET_VERBS = frozenset(
    "shell bomb strike hit pound target attack raid storm besiege capture seize overrun retake recapture "
    "liberate encircle bombard invade occupy drop fire launch".split()
)
# nouns of an assault whose "on" names the place assailed ("the assault on Damboa", "an offensive on Bakhmut")
ASSAULT_NOUNS = frozenset("assault assaults attack attacks raid raids offensive offensives strike strikes airstrike "
                          "airstrikes bombardment siege incursion march advance push".split())


def _past_stamp(doc: Doc, start: int, end: int) -> int:
    """Where a name starts after a live blog's time stamp that NER took into it ("12:30 - Kisumu" tagged ORG)."""
    stamp = start
    while stamp < end and (doc[stamp].like_num or TIME_STAMP.fullmatch(doc[stamp].text)):
        stamp += 1
    if start < stamp < end - 1 and doc[stamp].text in ("-", "\u2013", "\u2014", ":"):
        return stamp + 1
    return start


def _trim(span: Span) -> Span | None:
    """Drop a leading "the" and trailing possessive/punctuation tokens."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    start = _past_stamp(doc, start, end)
    for i in range(start + 1, end):  # "LOS ANGELES - Self-driving taxis": a spaced dash ends the name
        if doc[i].text in ("-", "\u2013", "\u2014") and doc[i - 1].whitespace_:
            end = i
            break
    while end > start and (doc[end - 1].lower_ in ("'s", "\u2019s", "'") or doc[end - 1].is_punct):
        end -= 1
    if end > start and end < span.end and doc[end].text == "." and "." in doc[end - 1].text:
        end += 1  # "W.Va." keeps its final dot
    return Span(doc, start, end, label=span.label_) if end > start else None


VESSELS = frozenset("submarine submarines ship warship frigate corvette vessel tanker cruiser destroyer "
                    "minesweeper trawler freighter ferry".split())


def _opens_line(span: Span) -> bool:
    """Whether the span begins the text or a line of it (where a dateline stands), a live blog's time stamp
    aside ("09:55 — MARSEILLE: Shops … were looted")."""
    return span.start_char == _line_start(span) or _after_stamp(span)


def _after_stamp(span: Span) -> bool:
    """Whether only a live blog's time stamp or a list item's number stands before the span on its line ("09:55 —
    MARSEILLE", "1) BUENOS AIRES:")."""
    line_start = _line_start(span)
    return span.start_char > line_start and bool(
        STAMP_BEFORE.fullmatch(span.doc.text, line_start, span.start_char)
        or ITEM_BEFORE.fullmatch(span.doc.text, line_start, span.start_char))


def _line_start(span: Span) -> int:
    """Where the line the span is on begins (a character offset)."""
    return span.doc.text.rfind("\n", 0, span.start_char) + 1


def _wordlike(token) -> bool:
    """Letters, with an apostrophe inside allowed: "N'DJAMENA", "Ma'arib" are words of a name."""
    text = token.text
    return token.is_alpha or (text[-1:].isalpha() and text.replace("'", "").replace("\u2019", "").isalpha())


def _hyphen_chain(doc: Doc, start: int) -> int:
    """End of a hyphenated name beginning at ``start`` ("Croix-des-Bouquets", "Dasht-e-Barchi"), or ``start + 1``."""
    end = start + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].is_alpha:
        end += 2
    return end


def _inside_compound(span: Span) -> bool:
    """ "Croix" of "Croix-des-Bouquets", "Dasht" of "Dasht-e-Barchi": the first part of a hyphenated name joined by
    a lower-case particle is no place of its own."""
    doc = span.doc
    return span.end + 2 < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_ \
        and doc[span.end + 1].lower_ in NAME_PARTICLES and doc[span.end + 2].text == "-"


def _names_a_weapon(token) -> bool:
    """ "its Magura sea drones", "Neptune missiles": the name modifies a weapon noun through compounds."""
    for _ in range(3):
        if token.dep_ != "compound" or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() in WEAPON_NOUNS:
            return True
    return False


def after_brackets(doc: Doc, i: int) -> str:
    """The text of token ``i``, or what follows a bracket opening there: "BOCARANGA (Ouham-Pende): …" gives ":"."""
    if i >= len(doc):
        return ""
    if doc[i].text == "(":
        close = next((k for k in range(i + 1, min(i + 8, len(doc))) if doc[k].text.startswith(")")), None)
        if close is not None:
            rest = doc[close].text[1:]
            return rest or (doc[close + 1].text if close + 1 < len(doc) else "")
    return doc[i].text


def _name_goes_on(doc: Doc, i: int) -> bool:
    """Whether token ``i`` continues a longer name ("… Las Insurgentes", "… da Misericórdia"): the words before it
    are not a place of their own when the gazetteer lacks the whole."""
    return i + 1 < len(doc) and doc[i].lower_ in NAME_ARTICLES and doc[i + 1].text[:1].isupper()


TIMES_OF_DAY = frozenset("overnight tonight morning evening afternoon night today yesterday".split())
TIME_WORDS = CALENDAR_WORDS | {"overnight"}


def _name_before_time(ent: Span) -> Span | None:
    """The capitalised name a DATE/TIME entity swallowed before its time words ("Odesa overnight")."""
    end = ent.start
    while end < ent.end and ent.doc[end].text[:1].isupper() and ent.doc[end].is_alpha \
            and ent.doc[end].lower_ not in TIME_WORDS:
        end += 1
    if end == ent.start or end == ent.end or ent.doc[ent.start].is_sent_start \
            or ent.doc[end].lower_ not in TIMES_OF_DAY:  # "Odesa overnight", not "Republic Day"
        return None
    return ent.doc[ent.start:end]


def _name_begins_before(span: Span) -> int | None:
    """Where a longer name ``span`` ends begins: a capitalised name word the parse joins to it ("Puerto
    Resistencia"), or one before a name article ("Gare du Nord"); not a title ("President Ruto"), a place, a
    direction or an adjective."""
    doc = span.doc
    begin = span.start - 2 if span.start >= 2 and doc[span.start - 1].lower_ in NAME_ARTICLES else span.start - 1
    if begin < 0:
        return None
    left = doc[begin]
    joined = left.dep_ == "compound" and left.head.i >= span.start or begin == span.start - 2
    if not (left.pos_ in ("PROPN", "NOUN") and joined and left.text[:1].isupper() and left.is_alpha
            and not left.is_sent_start and left.ent_type_ not in ("GPE", "LOC", "NORP")
            and left.lower_.rstrip(".") not in PERSON_TITLES and left.lower_ not in DIRECTIONS):  # "Western Pennsylvania"
        return None
    words = [t for t in span.sent if t.is_alpha and not t.is_stop]
    if sum(t.text[:1].isupper() for t in words) > 0.6 * len(words):
        return None  # a title-case headline capitalises every word: "Police Arrest Lagos Protesters"
    return begin


SCENE_PREPOSITIONS = frozenset({"in", "into", "near", "outside", "around", "across", "throughout"})


def _after_scene_preposition(span: Span) -> bool:
    """ "in Toretsk", "into central Toretsk": a name standing alone where only a place can stand (not after "of",
    "for", "at" — "at Passover" —, nor modifying a noun, "in Passover chocolate")."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ in DIRECTIONS:
        i -= 1
    return i >= 0 and span.doc[i].lower_ in SCENE_PREPOSITIONS and span.root.dep_ == "pobj"


def _route_end(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the dash joining two town names of a route ("Kaura Namoda–Zurmi road")."""
    return 0 <= i < len(doc) and doc[i].text in ROUTE_DASHES \
        and any(t.lower_ in ROUTE_WORDS for t in doc[i + 1:i + 6])


def named_as_a_place(span: Span) -> bool:
    """ "the village of Boni", "the town of Hit": the words before the name say it is a place."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in NAMED_AREA_NOUNS \
        and not span[0].is_sent_start


def _street(span: Span) -> bool:
    """A named street, road or square ("Darby Street"): a place in the text even if no gazetteer has it."""
    return len(span) > 1 and span[-1].lower_.rstrip(".") in FACILITY_WORDS and span[0].text[:1].isupper()

# the last word of a news outlet's name ("Meridian News", "Horn Wire", "Kyiv Independent", "Times of India")
MEDIA_WORDS = frozenset({"news", "wire", "times", "post", "herald", "tribune", "press", "radio", "tv", "television",
                         "broadcasting", "independent", "gazette", "journal", "daily", "telegraph", "chronicle",
                         "agency", "observer", "monitor", "standard", "today", "insider", "media"})


class ToponymMatcher:
    def __init__(self, nlp: Language, name: str, min_population: int, span_key: str):
        self.name = name
        self.min_population = min_population
        self.span_key = span_key
        self.store = None  # set by geomap.nlp.pipeline.load_pipeline

    # -- gazetteer evidence -------------------------------------------------------------------------------------
    def _known(self, text: str, loose: bool = False) -> bool:
        """Whether the gazetteer has the name (``loose``: also under its romanisation-folded key)."""
        key = normalize(text)
        return bool(key) and (self.store.has_name(key) or bool(ap_state(text, self.store))
                              or (loose and self.store.has_name(skeleton(key))))

    def _strong(self, text: str, min_population: int | None = None, exact: bool = False) -> bool:
        """A name whose best candidate is a country, first-level division, region, water body or big town.

        ``exact`` ignores alternate names ("Rapid" is an alternate of Rapid City, not its name).
        """
        floor = self.min_population if min_population is None else min_population
        for cand in self.store.candidates(text, limit=10):
            place = cand.place
            if exact and cand.match == "alternate":
                continue
            if cand.match == "abbreviation" and (cand.matched_name.replace(".", "") != text.replace(".", "") or (
                    cand.matched_name.endswith(".") and not text.endswith(".") and not text.isupper())):
                continue  # "Mass." is Massachusetts; "Mass search operations" is not
            if cand.match in ("historic", "demonym"):
                continue
            if place.is_country or place.feature_code in ("ADM1", "RGN", "CONT") or place.feature_class in "HT":
                return True
            if place.feature_class == "P" and people(place) >= floor:
                return True
        return False

    def _town(self, text: str, floor: int) -> bool:
        """A populated place of at least ``floor`` people by this very name (not an organisation's region)."""
        return any(cand.match == "name" and cand.place.feature_class == "P" and people(cand.place) >= floor
                   for cand in self.store.candidates(text, limit=10))

    @staticmethod
    def _cued(span: Span) -> bool:
        """A locative preposition before the span or ", <Capitalised>" after it ("in Zamalek", "Zamalek, Cairo")."""
        doc = span.doc
        before = word_before(doc, span.start)
        after = doc[span.end:span.end + 2]
        return before in LOCATIVE or (len(after) == 2 and after[0].text == "," and after[1].text[:1].isupper())

    def _dateline_name(self, text: str, following: str) -> bool:
        """An all-caps name before a dateline's punctuation is its town: "GOMA, Congo —" a sizeable place,
        "GOPALGANJ: …" a town no country shares its name with ("MYANMAR: …" is a digest's section label)."""
        if following in (":", "."):  # and a police release's "ERLANGEN. (342) On Saturday evening …"
            return self._dateline_town(text.title())
        return following in (",", "\u2014", "-", "--") and self._strong(text.title(), 1000)

    def _dateline_town(self, text: str) -> bool:
        """A town of 1,000 or more that no country shares its name with ("Gopalganj", not "Myanmar")."""
        candidates = [c.place for c in self.store.candidates(text, limit=10) if c.match not in ("historic", "demonym")]
        return not any(p.is_country or p.feature_code in ("RGN", "CONT") for p in candidates) and any(
            p.feature_class == "P" and p.population >= 1000 for p in candidates)

    def _is_demonym(self, text: str) -> bool:
        if any(c.match == "demonym" and c.place.is_country for c in self.store.candidates(text, limit=10)):
            return True
        return bool(demonym_places(text, self.store))

    # -- the component ------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if self.store is None:
            raise GazetteerError(f"{self.name}: no gazetteer store set (use geomap.nlp.pipeline.load_pipeline)")
        gold = doc.user_data.get("geomap_gold_spans")
        if gold is not None:
            spans = [doc.char_span(s, e, label="GOLD", alignment_mode="expand") for s, e in gold]
            doc.spans[self.span_key] = [s for s in spans if s is not None]
            return doc
        found: list[Span] = []
        taken = [False] * len(doc)
        place_texts = {normalize(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC")}

        def accept(span: Span | None, label: str) -> None:
            if span is None or any(taken[span.start:span.end]):
                return
            if span.start > 0 and doc[span.start - 1].lower_ in VESSELS:
                return  # "sank the submarine Rostov-on-Don", "the frigate Admiral Makarov": a ship's name
            begin = _name_begins_before(span) if len(span) == 1 else None
            longer = doc[begin:span.end] if begin is not None and not any(taken[begin:span.start]) else None
            if longer is not None and (not self._known(longer.text) or self._strong(longer.text, 1000, exact=True)):
                span = Span(doc, longer.start, longer.end, label=span.label_)  # "the Puerto Resistencia roundabout",
                # "the Gare du Nord": a longer name, not the town "Resistencia" or the French department (left for
                # the resolver, which lacks it); "Debre Markos" tagged from its second word: the town
            of = span.start - 2  # "Port of Spain" tagged from "Spain", or "Port" and "Spain" tagged apart: the
            # known town the whole name is
            if of >= 0 and doc[span.start - 1].lower_ == "of" and doc[of].text[:1].isupper() and not taken[of] \
                    and self._strong(doc[of:span.end].text, 1000, exact=True):
                span = Span(doc, of, span.end, label=span.label_)
            elif span.end + 1 < len(doc) and doc[span.end].lower_ == "of" and doc[span.end + 1].text[:1].isupper() \
                    and not any(taken[span.end:span.end + 2]) \
                    and self._strong(doc[span.start:span.end + 2].text, 1000, exact=True):
                span = Span(doc, span.start, span.end + 2, label=span.label_)
            end = span.end
            if end < len(doc) and doc[end].lower_.rstrip(".") in FACILITY_WORDS and doc[end].text[:1].isupper():
                end, label = end + 1, "FAC"  # "Wichita Street" is a street, not the city
            if any(taken[span.start:end]):
                return
            span = Span(doc, span.start, end, label=label)
            found.append(span)
            for i in range(span.start, span.end):
                taken[i] = True

        blocked = [False] * len(doc)
        person_words = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        for ent in doc.ents:
            label = ent.label_
            if label not in PLACE_LABELS and _past_stamp(doc, ent.start, ent.end) > ent.start:
                continue  # the label is the stamp's doing: the words after it are left to the gazetteer's scan
            if label in PLACE_LABELS:
                span = _trim(ent)
                if span is None or (label == "FAC" and not self._known(span.text) and not _street(span)):
                    if label == "FAC" and len([t for t in ent if t.text[:1].isupper()]) > 1:
                        blocked[ent.end - 1] = True  # "the Durand Line": its last word is no town "Line"
                        if ent[-1].lower_ not in FACILITY_WORDS | SITE_NOUNS | FACILITY_NOUNS:
                            for i in range(ent.start, ent.end):
                                blocked[i] = True  # "Mir Ali" (a town the gazetteer lacks) holds no town "Mir"
                    continue
                span = self._extend(span)
                if not any(t.text[:1].isupper() for t in span):
                    continue  # "tried in absentia" tagged GPE: a name is capitalised
                if len(span) == 1 and span[0].lower_ in INSTITUTIONS:
                    continue
                if len(span) == 1 and _name_goes_on(doc, span.end):
                    continue  # "the Colonia Las Insurgentes": the first word of a longer name the gazetteer lacks
                if len(span) == 1 and span.text.isupper() and len(span.text) <= 3 and not self._acronym_place(span.text) \
                        and not self._strong(span.text.title(), 10_000, exact=True):  # but "GAZA", "GOMA", "LIMA"
                    blocked[span.start] = True
                    continue  # "EU" is no French town "Eu": an acronym is a place only as a code or abbreviation
                if len(span) == 1 and _names_a_weapon(span[0]) and not self._strong(span.text, 10_000, exact=True):
                    blocked[span.start] = True
                    continue  # "Magura sea drones", "Neptune missiles": a weapon's model name, not where it hit
                if len(span) == 1 and not self._cued(span) and (
                        not self._known(span.text, loose=True) or span[0].lower_ in COMMON_CAPITALISED
                        or span[0].text in person_words):
                    continue  # a lone word NER calls a place: unknown, a common word, or a person's name here
                accept(span, label)
            elif label == "NORP" and self._is_demonym(ent.text):
                accept(ent, "NORP")
            elif label == "NORP" and ent.text[:1].isupper() and self._strong(ent.text, 10000, exact=True):
                accept(ent, "GPE")  # "in southern Culiacan" tagged NORP: a sizeable town's own name is the town
            elif label in OVERRULABLE or (label in TIME_LABELS and not_a_time(ent)):
                if not self._overrule(ent, place_texts, accept, person_words):
                    self._time_swallowed(ent, accept)
                    for i in range(ent.start, ent.end):
                        blocked[i] = True
            else:
                self._time_swallowed(ent, accept)
                for i in range(ent.start, ent.end):
                    blocked[i] = True
        has_ner = bool(doc.has_annotation("ENT_IOB"))
        self._scan(doc, taken, blocked, accept, has_ner=has_ner, named_here=place_texts)
        # one sense per text: a name taken as a place once ("push into central Toretsk") is the same place where
        # the tagger left it untagged ("The battle for Toretsk")
        again = {normalize(s.text) for s in found if s.label_ == "GAZ" and _after_scene_preposition(s)} - place_texts
        if again:
            self._scan(doc, taken, blocked, accept, has_ner=has_ner, named_here=place_texts | again)
        for span in _name_lines(doc):  # "ZAHEDAN" over a section of a bulletin: a line that is a place's name
            if self._strong(span.text, SECTION_TOWN, exact=True):
                accept(span, "GPE")
        # … and a name of two words or more taken as a place anywhere is that place where the tagger called it a
        # person ("stopped a bus a few kilometres before Gebre Guracha", after "to Gebre Guracha")
        placed = {normalize(s.text) for s in found if len(s) > 1 and s.label_ in ("GPE", "LOC", "GAZ")}
        for ent in doc.ents:
            name = Span(doc, ent.start, ent.end - 1) if ent[-1].is_space else ent
            if ent.label_ in ("PERSON", "ORG") and len(name) > 1 and normalize(name.text) in placed:
                accept(name, "GPE")
        doc.spans[self.span_key] = sorted(found, key=lambda s: s.start)
        return doc

    def _extend(self, span: Span) -> Span:
        """NER cut a longer gazetteer name short ("Dera" of "Dera Ismail Khan", "Mazar" of "Mazar-i-Sharif"): take
        the whole known name."""
        doc = span.doc
        whole = self._hyphenated_whole(span) or self._joined_by_and(span)
        if whole is not None:
            return Span(doc, whole.start, whole.end, label=span.label_)
        for extra in range(MAX_NGRAM - len(span), 0, -1):
            end = span.end + extra
            if end > len(doc) or not all(t.text[:1].isupper() and t.is_alpha for t in doc[span.end:end]):
                continue
            longer = Span(doc, span.start, end, label=span.label_)
            if self._sizeable(longer.text):
                return longer
        return span

    def _sizeable(self, text: str) -> bool:
        """A name the gazetteer knows whose best candidate is a town of 1,000 or more (or a larger kind of place)."""
        return self._known(text) and self._strong(text, 1000)

    def _hyphenated_whole(self, span: Span) -> Span | None:
        """The whole hyphenated name ``span`` begins ("Mazar" of "Mazar-i-Sharif", "Croix" of
        "Croix-des-Bouquets") when the gazetteer knows it as a sizeable place."""
        chain = _hyphen_chain(span.doc, span.end - 1)
        whole = span.doc[span.start:chain]
        return whole if chain > span.end and self._sizeable(whole.text) else None

    def _joined_by_and(self, span: Span) -> Span | None:
        """ "Jammu and Kashmir", "Trinidad and Tobago": one name of a country or division with "and" inside it,
        which NER tags as two places (the town Jammu and the region Kashmir)."""
        doc = span.doc
        if span.end + 1 >= len(doc) or doc[span.end].lower_ != "and":
            return None
        for end in range(min(span.end + 1 + MAX_NGRAM, len(doc)), span.end + 1, -1):
            if all(t.text[:1].isupper() and t.is_alpha for t in doc[span.end + 1:end]):
                whole = doc[span.start:end]
                if self._known(whole.text) and self._strong(whole.text, exact=True):
                    return whole
        return None

    def _route_ends(self, ent: Span) -> list[Span]:
        """The towns of an entity that is a route's ends joined by dashes and followed by a route word ("the
        Bannu-Miranshah road"), when every end is a known town; else nothing."""
        doc = ent.doc
        start = ent.start + 1 if ent[0].lower_ == "the" else ent.start
        if ent.end >= len(doc) or doc[ent.end].lower_ not in ROUTE_WORDS:
            return []
        ends, begin = [], start
        for token in doc[start:ent.end + 1]:
            if token.i == ent.end or token.text in ROUTE_DASHES:
                ends.append(doc[begin:token.i])
                begin = token.i + 1
        if len(ends) < 2 or not all(len(end) and end[0].text[:1].isupper() and self._known(end.text)
                                    and self._strong(end.text, 1000) for end in ends):
            return []
        return ends

    def _acronym_place(self, text: str) -> bool:
        """A short all-caps word is an acronym ("ELN", "RSF") unless the gazetteer has it as a code or abbreviation."""
        for cand in self.store.candidates(text, limit=10):
            if cand.match == "abbreviation" or (cand.place.is_country and cand.match != "alternate"):
                return True
        return False

    def _overrule(self, ent: Span, place_texts: set[str], accept, person_words: set[str]) -> bool:
        """Gazetteer evidence against a PERSON/ORG/... label; True when (part of) ``ent`` became a toponym."""
        doc = ent.doc
        whole = self._hyphenated_whole(ent)
        if whole is not None:
            accept(whole, "GPE")  # "Croix" tagged PERSON, of "Croix-des-Bouquets"
            return True
        if _inside_compound(ent):
            return False
        bracket = next((t.i for t in ent if t.text == "("), None)
        if bracket is not None and bracket > ent.start:  # "Sinjil (Sinjel" tagged as one work of art: the name
            # before its alternative spelling
            named = Span(doc, ent.start + (1 if ent[0].lower_ == "the" else 0), bracket)
            if len(named) and named[0].text[:1].isupper() and self._known(named.text, loose=True) and (
                    word_before(doc, named.start) in LOCATIVE and self._strong(named.text, 1000)
                    or self._strong(named.text, 10000)):
                accept(named, "GPE")
                return True
        ends = self._route_ends(ent)
        if ends:
            for end in ends:  # "the Maiduguri-Damboa road" tagged ORG as one name: the towns at its ends
                accept(end, "GPE")
            return True
        parts = pieces(ent)
        if len(parts) > 1 and all(self._known(p.text, loose=True) and self._strong(p.text, 1000) for p in parts):
            for part in parts:  # "Krasnopillia in Sumy Oblast" tagged as one ORG: two places, one inside the other
                accept(part, "GPE")
            return True
        for extra in (2, 1):  # "Dera" + PERSON "Ismail Khan": NER cut the town's name in two
            start = ent.start - extra
            if start >= 0 and all(t.text[:1].isupper() and t.is_alpha and not t.ent_type_ for t in doc[start:ent.start]):
                whole = Span(doc, start, ent.end)
                if len(whole) > 2 and self._known(whole.text) and self._strong(whole.text, 1000, exact=True):
                    accept(whole, "GPE")
                    return True
        tokens = list(ent)
        for k, tok in enumerate(tokens):  # "Russia's General Staff" → Russia; "Kharkiv's" (Freedom Square)
            if tok.lower_ in ("'s", "\u2019s") and k > 0:
                head = Span(doc, ent.start, ent.start + k)
                if self._strong(head.text, 10000):
                    accept(head, "GPE")
                    return True
                break
        if ent.label_ == "ORG" and len(tokens) > 1 and self._org_place(ent, accept):
            return True
        end = ent.end
        while end > ent.start + 1 and doc[end - 1].is_lower:  # "Balashikha bombing" labelled as one entity
            end -= 1
        # "Tsafe LGA" tagged ORG as a whole: the name before a division word written in capitals
        division_inside = end == ent.end and end > ent.start + 1 and doc[end - 1].is_upper \
            and doc[end - 1].lower_ in DIVISION_WORDS
        if division_inside:
            end -= 1
        core = Span(doc, ent.start, end)
        if ent[0].lower_ == "the" and len(ent) > 1 and _route_end(doc, end) \
                and self._strong(doc[ent.start + 1:end].text, 1000):
            accept(doc[ent.start + 1:end], "GPE")  # "the Kaura Namoda–Zurmi road" tagged ORG
            return True
        if any(c.dep_ == "appos" and c.lemma_.lower() in SETTLEMENT_WORDS | {"city", "capital", "port"}
               for c in core.root.children) and core.text[:1].isupper() and self._known(core.text, loose=True) \
                and self._strong(core.text, 1000, exact=True):
            accept(core, "GPE")  # "outside Kyaukphyu, the Rakhine coastal town" tagged PERSON, spelt as locals do
            return True
        lower_article = core[0].lower_ in ARABIC_ARTICLES  # "al-Bab" tagged PERSON
        # "the outskirts of Sheikh Zuweid", "near Elwak" (El Wak) tagged PERSON: spelt loosely after a place word
        known = self._known(core.text, loose=named_as_a_place(core) or word_before(doc, ent.start) in LOCATIVE)
        if (core.text[:1].isupper() is False and not lower_article) or not known or (
                len(core) == 1 and core[0].lower_ in INSTITUTIONS):
            return False
        following = doc[end].lower_ if end < len(doc) else ""
        by_event = (end < ent.end and doc[end].lower_ in EVENT_NOUNS) or following in EVENT_NOUNS \
            or (end == ent.end and any(t.lower_ in SITE_NOUNS for t in doc[end:end + 2]))  # "the X oil refinery"
        by_authority = end == ent.end and following in AUTHORITY_NOUNS and self._strong(core.text, 50_000)
        by_division = (end == ent.end and following in DIVISION_WORDS | SETTLEMENT_WORDS or division_inside) \
            and self._strong(core.text, 0, exact=True)  # "Kyaukpyu township", "Batsari town" tagged ORG
        # "near the village of Tin-Akoff" tagged ORG: a place of the gazetteer's, however small
        by_division = by_division or (end == ent.end and named_as_a_place(core) and self._strong(core.text, 0, exact=True))
        # "Ain al-Asad air base" tagged PERSON: a site of the gazetteer's by its whole name
        by_site = end == ent.end and bool(site_named(core.text, doc.text[core.end_char:core.end_char + 20], self.store))
        # "the besieged North Darfur capital El Fasher", "the border town Rafah": the town a settlement noun names
        by_division = by_division or (end == ent.end and core.root.dep_ == "appos" and core.root.i > core.root.head.i
                                      and core.root.head.lemma_.lower() in SETTLEMENT_WORDS | {"capital", "city"}
                                      and self._strong(core.text, 1000, exact=True))
        elsewhere = normalize(core.text) in place_texts
        before = word_before(doc, ent.start)
        locative = before in LOCATIVE and end == ent.end
        root = core.root
        governor = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("on", "against", "of") else root.head
        targeted = root.dep_ in ("dobj", "nsubjpass", "pobj") and end == ent.end and (
            governor.lemma_.lower() in TARGET_VERBS or governor.lower_ in EVENT_NOUNS)
        # "Nikopol came under fire", "Mariupol remains under occupation": what is under attack is a place
        targeted = targeted or (root.dep_ == "nsubj" and end == ent.end and any(
            c.dep_ == "prep" and c.lower_ == "under" for c in root.head.children))
        # "Kursk and Bryansk regions", "the road linking Fada N'Gourma to Pama"
        listed = end == ent.end and end + 1 < len(doc) and doc[end].lower_ in ("and", "or", ",", "to") \
            and doc[end + 1].ent_type_ in ("GPE", "LOC")
        if (targeted or listed) and self._strong(core.text, 1000):
            accept(core, "GPE")  # "shelled El Fasher", "the attack on Walikale": the object of an attack is a place
            return True
        lone_person = ent.label_ == "PERSON" and len(core) == 1 and core[0].text not in person_words
        if _opens_line(ent) and end == ent.end and core.text.isupper() \
                and self._dateline_name(core.text, after_brackets(doc, end)):
            accept(core, "GPE")  # "GOPALGANJ: A curfew …" tagged ORG: a capitalised dateline is its town
            return True
        # an alternate name ("Novokuibyshevsk") must be a town of some size: "Taliban" is a Turkish hamlet's too
        by_event = by_event and (self._strong(core.text, 1000, exact=True) or self._strong(core.text, 20_000))
        if by_event or by_authority or by_division or by_site \
                or (elsewhere and ent.label_ != "NORP") \
                or (lone_person and self._strong(core.text, 10000)) \
                or (locative and self._strong(core.text, 1000)) \
                or (end == ent.end and ent.label_ == "ORG" and self._strong(core.text, 10 ** 9)):
            accept(core, "GPE")
            return True
        return False

    def _time_swallowed(self, ent: Span, accept) -> None:
        """ "launched at Odesa overnight" tagged TIME as a whole: the town's name before the time words."""
        lead = _name_before_time(ent) if ent.label_ in TIME_LABELS else None
        if lead is not None and self._strong(lead.text, 1000):
            accept(lead, "GPE")

    def _org_place(self, ent: Span, accept) -> bool:
        """A place that names an organisation's seat: "Ohio State Highway Patrol", "University of Texas"."""
        doc = ent.doc
        if ent[-1].lower_ in MEDIA_WORDS:
            return False  # "Meridian News", "Kyiv Independent": an outlet's name says nothing of where events were
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        whole = Span(doc, start, ent.end)
        named = _trim(whole)  # "FADA N'GOURMA - Four soldiers…" tagged ORG up to the dash and beyond
        if named is not None and len(named) > 1 and self._town(named.text, 1000):
            accept(named, "GPE")  # "Fada N'Gourma" tagged ORG is the town, not "Fada" (Chad) by its first word
            return True
        if named is not None and named.end < whole.end and named.text.isupper() and _opens_line(named) \
                and self._dateline_name(named.text, doc[named.end].text):
            accept(named, "GPE")  # "PUEBLO - A man was killed" tagged ORG up to "A": the dateline's town
            return True
        if ent.end < len(doc) and doc[ent.end].lower_ in DIVISION_NAMES and self._strong(whole.text, exact=True):
            accept(whole, "GPE")  # "the Pataz district of La Libertad region" tagged ORG
            return True
        for n in range(min(3, ent.end - start - 1), 0, -1):
            head = Span(doc, start, start + n)
            if not all(t.text[:1].isupper() and t.is_alpha for t in head) \
                    or doc[start + n].text in ("-", "'s", "of") or _name_goes_on(doc, start + n):
                continue  # "the Alliance of Sahel States" is no town Alliance; "University of Texas" is seen below
            if n == 1 and (head[0].lower_ in COMMON_CAPITALISED or head[0].lower_ in NAME_PARTICLES):
                continue  # not the article "La" of "La Libertad"
            # "Tsafe Local Government Area", "Kanbalu Township": a division named after its seat, a smaller town
            division = " ".join(t.lower_ for t in doc[start + n:ent.end]) in DIVISION_NAMES
            if self._strong(head.text, 1000 if division else 10000, exact=True):
                accept(head, "GPE")
                return True
            if n == 1 and self._is_demonym(head.text):  # "American Red Cross", "Russian Navy"
                accept(head, "NORP")
                return True
        for k, tok in enumerate(ent):
            if tok.lower_ == "of" and 0 < k < len(ent) - 1:
                tail = Span(doc, ent.start + k + 1, ent.end)
                if self._strong(tail.text, 10000):
                    accept(tail, "GPE")
                    return True
        return False

    def _scan(self, doc: Doc, taken: list[bool], blocked: list[bool], accept, has_ner: bool,
              named_here: frozenset[str] | set[str] = frozenset()) -> None:
        """Capitalised n-grams the gazetteer knows, longest first, behind the guards."""
        lower_words = {t.lower_ for t in doc if t.is_lower}
        i = 0
        while i < len(doc):
            tok = doc[i]
            chain = _hyphen_chain(doc, i)
            if tok.lower_ in ARABIC_ARTICLES and chain > i + 2 and doc[chain - 1].text[:1].isupper() \
                    and not any(taken[j] or blocked[j] for j in range(i, chain)) and self._sizeable(doc[i:chain].text):
                accept(doc[i:chain], "GAZ")  # "the entrance to al-Mayadin": the article written in lower case
                i = chain
                continue
            if taken[i] or blocked[i] or not tok.text[:1].isupper() or not _wordlike(tok):
                i += 1
                continue
            matched = 0
            if chain > i + 1 and not any(taken[j] for j in range(i, chain)) \
                    and doc[chain - 1].text[:1].isupper() and self._passes_guards(doc[i:chain], lower_words, has_ner, taken, named_here):
                accept(doc[i:chain], "GAZ")
                i = chain
                continue
            for n in range(min(MAX_NGRAM, len(doc) - i), 0, -1):
                span = doc[i:i + n]
                last = span[-1]
                if any(taken[j] or blocked[j] for j in range(i, i + n)) or not last.text[:1].isupper():
                    continue
                if any(not (t.text[:1].isupper() or t.lower_ in _CONNECTORS) for t in span):
                    continue
                if self._passes_guards(span, lower_words, has_ner, taken, named_here):
                    accept(span, "GAZ")
                    matched = n
                    break
            i += matched or 1

    def _passes_guards(self, span: Span, lower_words: set[str], has_ner: bool,
                       taken: list[bool] | None = None, named_here: frozenset[str] | set[str] = frozenset()) -> bool:
        doc = span.doc
        text = span.text
        if not self._known(text, loose=True) or _inside_compound(span):  # "Huliaipole" is Hulyaypole, folded
            return False
        first = span[0]
        if len(span) == 1 and (first.is_stop or first.lower_ in lower_words or first.lower_ in COMMON_CAPITALISED
                               or first.lower_ in INSTITUTIONS
                               or len(text) < 3 and not text.isupper()) \
                and not (named_as_a_place(span) and first.text[:1].isupper() and self._strong(text, 1000)):
            return False  # but "the town of Hit" in a text where rockets "hit" the base
        if len(span) == 1 and any(e.label_ == "PERSON" and len(e) > 1 and first.text in e.text.split() for e in doc.ents):
            return False  # "Ripley" alone after "Tom Ripley" is the man
        if len(span) == 1 and ((span.start > 1 and doc[span.start - 1].text == "-" and not doc[span.start - 2].whitespace_)
                               or (span.end < len(doc) and doc[span.end].like_num
                                   and (doc[span.end].text[:1].isdigit() or not named_as_a_place(span)))):
            return False  # "Rostov-on-Don" is no river Don, "Mile 4" no town called Mile (but "captured in the
            # municipality of Cajibío two alleged members")
        if span.end + 1 < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_ \
                and not doc[span.end].whitespace_ and doc[span.end + 1].text[:1].isupper() \
                and not _route_end(doc, span.end):
            return False  # "Pont-Sondé", a name the gazetteer lacks, holds no town "Pont" (but "the Bannu-Miranshah
            # road" joins two towns)
        if span.start > 1 and doc[span.start - 1].lower_ in NAME_ARTICLES and doc[span.start - 1].is_lower \
                and doc[span.start - 2].text[:1].isupper() and doc[span.start - 2].is_alpha:
            return False  # "Maguindanao del Sur": the tail of a longer name is no town "Sur"
        stamped = _after_stamp(span)
        if stamped and (text.isupper() or text.istitle()) and len(text) >= 3 \
                and self._dateline_name(text, after_brackets(doc, span.end)):
            return True  # "09:10 — LYON: …", "14:05 - Kharkiv: …": a live blog's entry headed by its town
        if RECORD_PLACE.fullmatch(doc.text, _line_start(span), span.start_char):
            return self._strong(text, 1000)  # an incident log's "Location: Téra, Tillabéri Region"
        heads_line = first.is_sent_start or stamped
        if len(span) == 1 and 3 <= len(text) <= 4 and text.isupper() and text.isalpha() \
                and not (heads_line and self._strong(text.title(), 1000)) and not self._acronym_place(text):
            return False
        if len(text) > 4 and text.isupper():  # headlines and shouting, not names; datelines excepted
            return heads_line and self._dateline_name(text, after_brackets(doc, span.end))
        prev = doc[span.start - 1] if span.start > 0 else None
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.lower_ in SETTLEMENT_WORDS and not first.is_sent_start \
                and first.pos_ != "NOUN" and self._strong(text, 0, exact=True):
            return True  # "the outskirts of Wase town": a place of the gazetteer's, however small
        if nxt is not None and nxt.lower_ in DIVISION_WORDS and not first.is_sent_start and first.pos_ == "PROPN" \
                and self._strong(text, 0):
            return True  # "in the Hawija district": a district named after a town of the gazetteer's, by any spelling
        if first.tag_ and len(span) == 1 and first.pos_ not in ("PROPN", ""):
            # the tagger calls an unknown capitalised word a noun ("Kharkiv was hit"): a big town by its own name,
            # standing as subject or before a place noun, is still the town
            verb = first.head
            placeish = (first.dep_ == "nsubjpass" and verb.lemma_.lower() in TARGET_VERBS | {"damage", "destroy"}) \
                or (first.dep_ == "nsubj" and any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)) \
                or first.dep_ == "poss" or (first.dep_ == "compound" and first.head.lower_ in EVENT_NOUNS | AUTHORITY_NOUNS)
            named_area = named_as_a_place(span)
            if named_area or (prev is not None and prev.lower_ in LOCATIVE and not first.is_sent_start):
                return self._strong(text, 1000)  # "the village of Boni", "mortar rounds fell on Timbuktu"
            if not (first.pos_ == "NOUN" and placeish and self._strong(text, 100_000, exact=True)):
                return False
        if prev is not None and prev.lower_ in DIRECTIONS and span.start > 1:
            prev = doc[span.start - 2]  # "in northern El Fasher": the preposition before the direction
        if prev is not None and prev.lower_.rstrip(".") in PERSON_TITLES:
            return False
        if _name_goes_on(doc, span.end):
            return False  # "Serra da Misericórdia", a name the gazetteer lacks, holds no town "Serra"
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and nxt.ent_type_ in ("PERSON", "ORG"):
            return False
        if named_as_a_place(span) and first.text[:1].isupper():
            # "the village of Boni": a place of the gazetteer's, however small; "the outskirts of Hermel" (El Hermel)
            return self._strong(text, 0, exact=True) or self._strong(text, 1000)
        after_comma_place = prev is not None and prev.text == "," and span.start >= 2 and doc[span.start - 2].ent_type_ in ("GPE", "LOC")
        if after_comma_place:  # "Long Beach, CA": a parent division after a place
            return self._strong(text, 10 ** 9)
        event_next = nxt is not None and (nxt.lower_ in EVENT_NOUNS or nxt.lower_ in SITE_NOUNS
                                          or nxt.lower_ in DIVISION_WORDS  # "Chamchamal district"
                                          or _route_end(doc, span.end) or _route_end(doc, span.start - 1))
        locative = prev is not None and prev.lower_ in LOCATIVE
        if len(span) == 1 and first.dep_ in ("dobj", "nsubjpass") and first.head.lemma_.lower() in TARGET_VERBS:
            locative = True  # "artillery pounded Huliaipole": what is shelled or seized is a place
        if prev is not None and prev.lower_ in ("on", "upon") and span.start >= 2 \
                and (doc[span.start - 2].lemma_.lower() in TARGET_VERBS | IMPACT_VERBS
                     or doc[span.start - 2].lower_ in ASSAULT_NOUNS):
            locative = True  # "mortar rounds fell on Timbuktu", "rained down on Kharkiv", "the assault on Damboa"
        if taken is not None and prev is not None and prev.lower_ in ("and", "or", ",") and span.start >= 2 \
                and taken[span.start - 2] and doc[span.start - 2].text[:1].isupper():
            locative = True  # "in Baalbek and Hermel": a conjunct of a place found is listed as a place too
        floor = self.min_population if has_ner else self.min_population // 5
        if normalize(text) in named_here:  # the tagger called this name a place elsewhere in the text: a town of
            # any size by a name of two words or more ("a few kilometres before Gebre Guracha"), else of 1,000
            return self._strong(text, 0 if len(span) > 1 else 1000)
        if first.is_sent_start:
            return (event_next and self._strong(text, 1000)) or self._strong(text, floor * 20)
        if has_ner and not (locative or event_next):  # NER saw these words and did not call them a place
            return self._strong(text, floor * 20)
        return self._strong(text, 1000 if event_next or locative else floor)


@Language.factory(
    "geomap_toponym_matcher",
    default_config={"min_population": 5000, "span_key": "geomap_toponyms"},
)
def make_matcher(nlp: Language, name: str, min_population: int, span_key: str) -> ToponymMatcher:
    return ToponymMatcher(nlp, name, min_population, span_key)


SECTION_TOWN = 5000  # a town this big (or a larger kind of place) may head a section of a bulletin by name alone


def _name_lines(doc: Doc) -> list[Span]:
    """Lines of one to three capitalised words and nothing else ("ZAHEDAN", "North Kivu:"), not the first line (the
    headline): what a bulletin heads its sections with, however the tagger labelled them."""
    text = doc.text
    out = []
    for token in doc:
        line_start = _line_start(doc[token.i:token.i + 1])
        if line_start == 0 or text[line_start:token.idx].strip(" \t"):
            continue  # the first line, or a token inside a line
        end = token.i
        while end < len(doc) and doc[end].text[:1].isupper() and (doc[end].is_alpha or "-" in doc[end].text) \
                and "\n" not in text[token.idx:doc[end].idx]:
            end += 1
        line_end = text.find("\n", token.idx)
        line = text[token.idx:line_end if line_end >= 0 else len(text)].strip().rstrip(":").strip()
        if 1 <= end - token.i <= 3 and line == doc[token.i:end].text:
            out.append(doc[token.i:end])
    return out
