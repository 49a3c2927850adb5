"""Where an event happened: the toponyms the parse attaches to its trigger, not every place in the sentence.

From each anchor (the trigger and the words governing it in its clause) we follow locative prepositions ("in",
"at", "near", "on"), compounds and possessives ("the Kyiv strikes", "Moscow's quarter"), "of" refinements
("the Kyivskyi district of Kharkiv") and objects ("shelled Kharkiv"). Conjoined places ("in Derbent and
Makhachkala") are separate locations: one incident each. Demonyms (NORP) are actors, never locations.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from geomap.geo import distance_km
from geomap.geocoding.names import normalize
from geomap.models import Place
from geomap.nlp.events import trigger_words
from geomap.nlp.pipeline import starts_line

log = logging.getLogger("geomap.incidents.places")

# not "toward(s)": "pressed an offensive toward Hama" names a goal, not where the fighting was
LOCATIVE = {"in", "at", "near", "on", "outside", "through", "inside", "across", "around", "over", "into", "onto", "along",
            "off", "within", "throughout", "against", "upon", "of", "between", "beyond",
            "north", "south", "east", "west", "close", "nearby", "by", "beneath", "under", "underneath", "below",
            "beside", "behind", "alongside", "next", "opposite", "out"}
# verbs whose object is an actor ("the SDF blamed Turkey for the strike"), not a place
BLAMING = {"blame", "accuse", "condemn", "thank", "praise", "credit", "fault"}
# verbs whose "toward X" names the target ("fired a barrage of rockets toward Kiryat Shmona"), not a direction
# of travel; not "launch": "launched an offensive toward Sennar", "launched drones toward Sennar, hitting Singa"
AIMING_VERBS = {"fire", "shoot", "lob", "hurl", "aim"}
NEAR = {"near", "outside", "around", "off", "close", "nearby", "beyond", "north", "south", "east", "west", "next",
        "northeast", "northwest", "southeast", "southwest", "vicinity", "km", "kilometre", "kilometer", "mile",
        "kilometres", "kilometers", "miles"}
TEMPORAL = {"after", "before", "following", "since", "amid", "despite", "until", "ahead"}
REGION_WORDS = {"region", "oblast", "province", "state", "governorate", "district", "county", "prefecture",
                "territory", "republic", "krai", "raion", "department", "area", "valley"}
AREAS = {"street", "centre", "center", "outskirts", "outskirt", "city", "town", "village", "area", "district", "heart",
         "suburb", "part", "control", "port", "border", "capital", "region", "province", "square", "fringe", "edge",
         "periphery"}
CAUSES = {"support", "solidarity", "memory", "honour", "honor", "defence", "defense", "favour", "favor", "protest",
          "response", "retaliation", "opposition", "revenge", "name"}
TOP_DIVISIONS = {"oblast", "region", "province", "governorate", "krai", "state"}  # not "Sukma district": the town
TOWN_PARTS = {"district", "neighbourhood", "neighborhood", "quarter", "suburb", "borough", "area", "sector"}
REGION_REACH_KM = 300  # how far from a region's point a town it holds may lie ("north Kashmir" → Sopore)
# what a capital stands for when it owns one ("Moscow's defence ministry", "Kyiv's forces")
GOVERNMENT_NOUNS = {"ministry", "government", "army", "military", "force", "troop", "official", "envoy", "president",
                    "spokesman", "spokeswoman", "spokesperson", "leadership", "authority", "administration", "navy"}
# armed groups named after a place ("the Zaire self-defence group", "the Sinaloa cartel")
ARMED_GROUPS = {"group", "militia", "faction", "cartel", "gang", "brigade", "battalion", "movement"}
# people a country's name can describe ("a New Zealand pilot", "two French nationals")
NATIONALS = {"pilot", "national", "citizen", "journalist", "tourist", "worker", "engineer", "diplomat", "aid",
             "soldier", "officer", "man", "woman", "student", "businessman", "hostage", "captive",
             # and the state's equipment: "downed a US MQ-9 Reaper drone over the governorate"
             "drone", "missile", "jet", "aircraft", "plane", "helicopter", "warship", "destroyer", "frigate",
             "vessel", "tank"}
CLAUSE_EDGES = {"advcl", "relcl", "ccomp", "parataxis", "acl", "csubj", "xcomp"}


@dataclass
class Located:
    """A toponym reached from an event, how far (arcs) and whether the text said "near"."""

    span: Span
    place: Place
    dist: int
    near: bool
    group: int
    actorish: bool = False  # a country modifying the event word ("U.S. strikes"): more likely the actor


def approximate(span: Span) -> bool:
    """Whether the resolver only stood a nearby place in for a name the gazetteer lacks (see resolution.document)."""
    return Span.has_extension("geomap_basis") and span._.geomap_basis != "gazetteer"


def toponym_index(doc) -> dict[int, Span]:
    """Token index → resolved toponym span (demonyms, unresolved and approximately placed spans left out)."""
    events = trigger_words()
    index: dict[int, Span] = {}
    for span in doc.spans.get("geomap_toponyms", []) if "geomap_toponyms" in doc.spans else []:
        place = span._.geomap_place
        if place is None or (approximate(span) and not _named_after(span, place)) or span.label_ == "NORP" \
                or (span.root.pos_ == "ADJ" and not _adjective_name(span, place)) or span.text.lower() in events:
            continue
        after = doc[span.end:span.end + 2]
        if len(after) == 2 and after[0].text == "-" and after[1].lower_ in AFFILIATION:
            continue  # "a Britain-based monitor", "Iran-backed militias": who, not where
        if span.end < len(doc) and doc[span.end].lower_.startswith("-") and doc[span.end].lower_[1:] in AFFILIATION:
            continue
        for i in range(span.start, span.end):
            index[i] = span
    return index


def _adjective_name(span: Span, place: Place) -> bool:
    """A town's own name the tagger took for an adjective ("the outskirts of Bokkos town"), not a demonym
    ("Ukrainian cities" resolved to Ukraine)."""
    return normalize(span.text) == normalize(place.name)


def _aimed_at(prep: Token) -> bool:
    """ "fired rockets toward Kiryat Shmona": "toward" names the target of a shot, not a direction of travel."""
    verb = next((a for a in prep.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return prep.lower_ in ("toward", "towards") and verb is not None and verb.lemma_.lower() in AIMING_VERBS


def _far_apart(one: Place, other: Place) -> bool:
    """Two places that cannot be one inside the other: other countries, or towns far apart."""
    return one.country_code != other.country_code or (
        not one.is_country and not other.is_country
        and distance_km(one.lat, one.lon, other.lat, other.lon) > REGION_REACH_KM)


def _named_after(span: Span, place: Place) -> bool:
    """ "Sanaa International Airport" placed at Sanaa: a site named after the town it stands in is there."""
    words, name = span.text.lower().split(), place.name.lower().split()
    return len(words) > len(name) and words[:len(name)] == name


class _Walker:
    def __init__(self, index: dict[int, Span], bounds: tuple[int, int]):
        self.index, self.bounds = index, bounds
        self.found: list[Located] = []
        self.seen: set[int] = set()
        self.groups = 0
        self.siblings: dict[int, int] = {}  # conj group → the group it was conjoined to

    def inside(self, token: Token) -> bool:
        return self.bounds[0] <= token.i < self.bounds[1]

    def objects(self, prep: Token) -> list[Token]:
        """The objects of a preposition; when the parse hung them outside this line, the toponym right after it."""
        objects = [obj for obj in prep.children if obj.dep_ in ("pobj", "pcomp") and self.inside(obj)]
        if objects:
            return objects
        inner = [c for c in prep.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
        if inner:  # "leading out of Nabatieh", "just west of X" parsed as two prepositions
            return [obj for c in inner for obj in c.children if obj.dep_ in ("pobj", "pcomp") and self.inside(obj)]
        doc = prep.doc
        for i in range(prep.i + 1, min(prep.i + 6, self.bounds[1])):
            if i in self.index:
                return [doc[i]]
            if doc[i].pos_ in ("VERB", "ADP", "PUNCT"):
                break
        return []

    def new_group(self, parent: int | None) -> int:
        self.groups += 1
        if parent is not None:
            self.siblings[self.groups] = parent
        return self.groups

    def noun(self, token: Token, dist: int, near: bool, group: int) -> None:
        """Explore a noun phrase for toponyms: itself, its modifiers, "of"/"in" refinements, conjuncts."""
        if token.i in self.seen or not self.inside(token) or dist > 7:
            return
        self.seen.add(token.i)
        if token.dep_ == "pobj" and token.head.lower_ == "in" and token.lemma_.lower() in CAUSES:
            return  # "the weekly rally in support of Gaza": for whom, not where
        between = token.dep_ == "pobj" and token.head.lower_ == "between"  # "between Gao and Ansongo": one place
        if between:
            self.seen.update(c.i for c in token.conjuncts)
        span = self.index.get(token.i)
        near = near or (between and span is not None)
        if span is not None and filed_from(token):
            span = None  # the reporter's city, not where the event was
        measured = measured_from(token) if span is not None else None
        if measured is not None and measured > NEAR_KM:
            return  # "around 120 km north-west of El Fasher": a reference point, not where it happened
        near = near or measured is not None  # "a village 15 km west of Shwebo": coded at Shwebo, as near it
        if span is not None:
            # "near the Cameroon border": the event is beside that country, not in it
            beside = token.dep_ == "compound" and token.head.lemma_.lower() in ("border", "frontier", "boundary")
            doer = token.dep_ == "pobj" and token.head.lower_ == "by" and (  # "overrun by Fano": who, not where
                token.head.dep_ == "agent" or token.head.head.tag_ == "VBN"
                or token.head.head.lemma_.lower() in trigger_words())
            self.found.append(Located(span, span._.geomap_place, dist, near, group, actorish=beside or doer))
        # "the Dniprovskyi district of Kherson": a named part of a town is coded as the town (ACLED's practice)
        part_of_town = token.lemma_.lower() in TOWN_PARTS and (any(
            c.dep_ == "prep" and c.lower_ == "of" and any(  # but "the Kupiansk district of Kharkiv oblast" is Kupiansk
                o.i in self.index and not written_as_region(self.index[o.i]) for o in c.children)
            for c in token.children)
            or any(c.dep_ == "poss" and c.i in self.index and self.index[c.i]._.geomap_place.feature_class == "P"
                   for c in token.children))  # "Kharkiv's Kyivskyi district"
        seats = [self.index[o.i]._.geomap_place for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                 for o in self.objects(c) if o.i in self.index]
        for child in token.children:
            dep, lemma = child.dep_, child.lemma_.lower()
            if part_of_town and dep in ("compound", "nmod", "amod") and child.i in self.index:
                continue
            if dep == "compound" and child.i in self.index and seats and all(_far_apart(
                    self.index[child.i]._.geomap_place, seat) for seat in seats):
                continue  # "the Litoral Penitentiary in Guayaquil": a name in a site's name, the site is elsewhere
            if dep in ("compound", "nmod") and any(c.dep_ == "cc" for c in child.children) \
                    and not any(c.dep_ == "conj" for c in child.children):
                # "Idlib and rebel-held parts of Aleppo" parsed with Idlib as a modifier: a conjunct in fact
                self.noun(child, dist, near, self.new_group(group))
            elif dep in ("compound", "poss", "nmod", "appos", "npadvmod", "pobj", "amod", "nummod"):
                before = len(self.found)
                self.noun(child, dist + 1, near or lemma in NEAR, group)
                if dep in ("poss", "compound") and token.lemma_.lower() in GOVERNMENT_NOUNS \
                        or dep == "compound" and token.lemma_.lower() in ARMED_GROUPS:
                    for item in self.found[before:]:
                        item.actorish = True  # "Moscow's defence ministry said …": the capital stands for its state;
                        # "a rival Zaire self-defence group": a group named after a place
                elif dep in ("compound", "nmod") and (token.ent_type_ == "PERSON" or token.lemma_.lower() in NATIONALS):
                    for item in self.found[before:]:
                        item.actorish = item.actorish or item.place.is_country  # "New Zealand pilot": a nationality
            elif dep == "prep" and (lemma in LOCATIVE or _aimed_at(child)):
                for obj in self.objects(child):
                    self.noun(obj, dist + 1, near or lemma in NEAR, group)
            elif dep == "conj":
                self.noun(child, dist, near, self.new_group(group))
            elif dep == "advmod" and lemma in NEAR:  # "a village a few kilometres north of Myawaddy"
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        for obj in self.objects(prep):
                            self.noun(obj, dist + 1, True, group)
            elif dep in ("acl", "relcl") and child.tag_ == "VBG" and not self.found and dist <= 3:
                self.anchor(child, dist + 2, True)  # "farmers working on the outskirts of Kukawa", "a vehicle
                # carrying personnel in Bijapur district"
            elif dep == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in WHERE_PARTICIPLES:
                # "positions held by the SDF in villages east of X", not "techniques used in Syria'
                self.anchor(child, dist + 1, False)
            elif dep == "relcl" and child.lemma_.lower() in UNFOLDING and not self.found:
                self.anchor(child, dist + 1, False)  # "an encounter that lasted eight hours in the forests of X"

    def anchor(self, token: Token, dist: int, verb_objects: bool) -> None:
        """Explore what hangs on an anchor: locative prepositions, compounds, objects."""
        for child in token.children:
            dep, lemma = child.dep_, child.lemma_.lower()
            if not self.inside(child):
                continue
            if dep == "prep" and (lemma in LOCATIVE or _aimed_at(child)):
                near = lemma in NEAR or any(w.lower_ in NEAR for w in child.lefts)
                for obj in self.objects(child):
                    self.noun(obj, dist + 1, near, self.new_group(None))
            elif dep == "prep" and lemma in ("including", "include", "notably", "especially"):
                for sub in child.children:  # "killed 105 across Lebanon, including in Sidon"
                    if sub.dep_ == "prep" and sub.lower_ in LOCATIVE:
                        for obj in self.objects(sub):
                            self.noun(obj, dist + 1, sub.lower_ in NEAR, self.new_group(None))
                    elif sub.dep_ == "pobj":
                        self.noun(sub, dist + 1, False, self.new_group(None))
            elif dep in ("prep", "agent") and lemma not in TEMPORAL:  # "clashed with fighters near Gao"
                for obj in self.objects(child):
                    for sub in obj.children:  # "took to the streets of Khartoum", "fought for control of X"
                        if sub.dep_ == "prep" and (sub.lower_ in LOCATIVE - {"of"} or obj.lemma_.lower() in AREAS):
                            for inner in self.objects(sub):
                                self.noun(inner, dist + 2, sub.lower_ in NEAR, self.new_group(None))
                    for thing in (obj, *obj.conjuncts):  # "set fire to a post and vehicles parked in Kalat district"
                        for sub in thing.children:
                            if sub.dep_ == "acl" and sub.tag_ == "VBN" and sub.lemma_.lower() in WHERE_PARTICIPLES:
                                self.anchor(sub, dist + 2, False)
                            elif sub.dep_ == "acl" and sub.tag_ == "VBG" and sub.lemma_.lower() in HIDING:
                                self.anchor(sub, dist + 2, False)  # "fire with militants hiding in a compound near X"
            elif (dep == "acl" and child.tag_ == "VBN") or dep == "xcomp":  # "a grenade thrown at … in Cali"
                self.anchor(child, dist + 1, True)
            elif dep == "advcl" and token.pos_ == "VERB" and child.tag_ in ("VBD", "VBG") and any(
                    c.dep_ == "mark" and c.lower_ in ("as", "while") for c in child.children) and all(
                    c.lower_ in ("it", "they", "he", "she", "we") or any(d.dep_ == "poss" for d in c.children)
                    for c in child.children if c.dep_ in ("nsubj", "nsubjpass")):
                self.anchor(child, dist + 2, True)  # "was ambushed as it entered a track on the fringe of Culiacán"
            elif dep == "advmod" and lemma in NEAR:  # "north of X", "near X" parsed as adverbs
                self.anchor(child, dist + 1, False)
                for sub in child.children:
                    if sub.dep_ == "prep":
                        for obj in sub.children:
                            if obj.dep_ == "pobj":
                                self.noun(obj, dist + 1, True, self.new_group(None))
            elif dep in ("compound", "poss", "nmod", "npadvmod", "amod", "appos") and filed_from(child):
                continue  # "DAMASCUS — Clashes erupted near Jableh": where the reporter filed, not the event
            elif dep in ("compound", "poss", "nmod", "npadvmod", "amod"):
                before = len(self.found)
                self.noun(child, dist + 1, False, self.new_group(None))
                for item in self.found[before:]:
                    item.actorish = item.place.is_country or token.lemma_.lower() in GOVERNMENT_NOUNS
            elif dep in ("dobj", "nsubjpass", "attr") and verb_objects:
                before = len(self.found)
                self.noun(child, dist + 1, False, self.new_group(None))
                if dep == "dobj" and token.lemma_.lower() in BLAMING:
                    for item in self.found[before:]:  # "the SDF blamed Turkey for the strike": who, not where
                        item.actorish = item.actorish or item.span.start <= child.i < item.span.end
            elif dep == "nsubj" and child.i in self.index and any(
                    c.dep_ == "prep" and c.lower_ == "under" for c in token.children):
                self.noun(child, dist + 1, False, self.new_group(None))  # "Kharkiv came under drone attack"
            elif dep == "nsubj" and token.pos_ == "VERB":  # "police in Istanbul detained…": where the actor was
                dwellers = child.lemma_.lower() in ("resident", "inhabitant", "villager", "people", "citizen", "local")
                for sub in child.children:  # "residents of Nasiriyah gathered": where they live
                    if sub.dep_ == "prep" and (sub.lower_ in ("in", "at", "near", "outside") or dwellers and sub.lower_ == "of"):
                        for obj in self.objects(sub):
                            self.noun(obj, dist + 2, sub.lower_ in NEAR, self.new_group(None))
                    elif sub.dep_ == "relcl" and sub.tag_ == "VBD":  # "gunmen who blocked the highway near Mastung"
                        self.anchor(sub, dist + 3, True)
                    elif sub.dep_ == "acl" and sub.tag_ == "VBN" and sub.lemma_.lower() in WHERE_PARTICIPLES:
                        self.anchor(sub, dist + 3, False)  # "troops stationed in Aita al-Shaab blew up houses"
                    elif sub.dep_ == "acl" and sub.tag_ == "VBG" and sub.lemma_.lower() in PATROLLING:
                        self.anchor(sub, dist + 3, True)  # "a US destroyer patrolling the southern Red Sea shot down"


# what an event does where it happens ("a gunfight that raged in the hills above X")
UNFOLDING = {"last", "rage", "unfold", "occur", "erupt", "continue", "happen"}
# what fighters are doing where they are fought ("militants hiding in a compound near Miran Shah")
HIDING = {"hide", "shelter", "operate", "camp", "hole", "gather", "travel", "move", "stay", "live"}
# participles that say where their noun is ("positions held … near X", "troops stationed in Y")
WHERE_PARTICIPLES = {"hold", "held", "locate", "station", "deploy", "position", "situate", "base", "control",
                     "occupy", "house", "park", "gather", "shelter", "trap", "camp"}
PATROLLING = {"patrol", "sail", "cruise", "operate", "fly"}  # where a ship or aircraft was when it acted
AFFILIATION = {"based", "backed", "born", "led", "funded", "owned", "run", "made", "sponsored", "allied", "linked",
               "aligned", "registered", "headquartered", "flagged", "bound", "trained", "supported", "affiliated"}
DASHES = {"\u2014", "\u2013", "-", "--", ":"}


# "KYIV, Jan 9 (Reuters) -", "BELGOROD, Russia, March 14 (Agency) —", "MAPUTO -": the wire's place and filing date
DATELINE = re.compile(r"\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'\-]{3,}(?:(?:,[^\n\u2014\u2013]{0,60}?)?\s*(?:\([^)\n]{0,40}\))?\s*"
                      r"[\u2014\u2013-]{1,2}|:)\s")  # "GOMA, Congo (Reuters) —" or "GOPALGANJ:"


def filed_from(token: Token) -> bool:
    """A place that opens its line and is followed by a dash or ", Country (Agency) —": the dateline."""
    doc = token.doc
    line_start = doc.text.rfind("\n", 0, token.idx) + 1
    opening = DATELINE.match(doc.text, line_start)
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


def clause_chain(head: Token) -> list[tuple[Token, int]]:
    """The trigger and the words that govern it within its clause, with their distance from it."""
    chain, token = [(head, 0)], head
    for step in range(1, 4):
        if token.dep_ in CLAUSE_EDGES | {"ROOT"} or token.head.i == token.i:
            break
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
            break  # "search-and-arrest operations in Hebron" climbs; "shelled X and stormed Y" does not
        if token.dep_ == "pobj" and token.head.lemma_.lower() in TEMPORAL:
            break
        token = token.head
        chain.append((token, step))
    return chain


REPORTING = {"say", "report", "claim", "announce", "confirm", "tell", "add", "state", "allege"}


def _where_antecedent(token: Token) -> Token | None:
    """The place noun a "where" clause (or one whose "that" is the object) hangs on, through reporting verbs
    ("where officials said it had…")."""
    for _ in range(4):
        if token.dep_ == "relcl":
            # only a told past act: "Gezira state, which the army has since retaken" is background, undated
            taken = token.tag_ == "VBD" and any(c.dep_ == "dobj" and c.lower_ in ("that", "which") for c in token.children)
            if not (taken or any(c.lower_ == "where" for c in token.children)):
                return None
            # "Kupiansk, the railway junction that troops took back in 2022": what the clause acts on
            return token.head.head if token.head.dep_ == "appos" else token.head
        climbs = token.dep_ in ("conj", "xcomp", "dobj", "nsubj", "nsubjpass", "compound", "pobj", "prep")
        if not (climbs or (token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING)):
            return None
        token = token.head
    return None


def rank(located: Located) -> tuple[int, int]:
    """Prefer the most precise kind of place (town < region < country/sea), then the nearest in the parse."""
    place = located.place
    level = 0 if place.feature_class == "P" else 2 if place.is_country or place.feature_class in "HLT" else 1
    return (level, located.dist)


def locate(anchors: list[Token], index: dict[int, Span], bounds: tuple[int, int]) -> list[Located]:
    """One best toponym per location the event is attached to (several for conjoined places)."""
    walker = _Walker(index, bounds)
    for trigger in anchors:
        antecedent = _where_antecedent(trigger)
        if antecedent is not None:  # "fighting continued in X, where the army said it had taken…"
            walker.noun(antecedent, 2, False, walker.new_group(None))
        for token, dist in clause_chain(trigger):
            if token.i in index and token.i != trigger.i:
                walker.noun(token, dist, False, walker.new_group(None))
            walker.anchor(token, dist, verb_objects=token.pos_ in ("VERB", "AUX") and token.i != trigger.i or
                          token.pos_ == "VERB")
    if not walker.found:
        for trigger in anchors:  # "settlers entered Sinjil, setting fire to two houses": the scene of its sibling verb
            top, dist = clause_chain(trigger)[-1]
            head = top.head  # only a one-off past action shares its scene ("have terrorised … for years" does not)
            if top.pos_ == "VERB" and head.tag_ == "VBD" and not any(c.dep_ == "aux" for c in head.children) and (
                    top.dep_ == "conj" or (top.dep_ == "advcl" and top.tag_ == "VBG")):
                walker.anchor(top.head, dist + 2, verb_objects=True)
    if not walker.found:
        for trigger in anchors:  # "inmates were killed when gangs fought inside a jail in X": the when-clause's scene
            for clause in trigger.children:
                if clause.dep_ == "advcl" and trigger.pos_ == "VERB" and any(
                        c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
                    walker.anchor(clause, 2, verb_objects=True)
    if not walker.found:
        return []
    best_by_group: dict[int, Located] = {}
    for item in walker.found:
        known = best_by_group.get(item.group)
        if known is None or rank(item) < rank(known):
            best_by_group[item.group] = item
    # a river is a line hundreds of km long: "Izmail port on the Danube", "a plant on the Volga" are in the town
    nearest = min(best_by_group.values(), key=lambda item: (item.actorish, item.place.feature_code == "STM",
                                                            item.dist, rank(item)))
    if nearest.actorish:  # only the attacker's country ("U.S. strikes") or a border: the text does not say where
        return []
    # "in the Gaza Strip, including…"; "in the Belgorod region, a drone struck … Shebekino" (written as a region)
    region = (nearest.place.feature_code == "ADM1" or written_as_region(nearest.span)) and nearest.place.admin1_code
    if nearest.place.is_country or region:  # "across Lebanon, including in Sidon": the town named inside it wins
        inner = [item for item in best_by_group.values() if not item.place.is_country and not item.actorish
                 and item.place.gazetteer_id != nearest.place.gazetteer_id
                 and item.place.country_code == nearest.place.country_code and item.dist <= nearest.dist + 4
                 and (not region or (item.place.feature_class == "P" and (
                     item.place.admin1_code == nearest.place.admin1_code
                     # "in Sukma district, … in the Konta area": a district written out holds a town near it
                     or (written_as_region(nearest.span) and not nearest.place.is_admin and distance_km(
                         nearest.place.lat, nearest.place.lon, item.place.lat, item.place.lon) <= INSIDE_REACH_KM))))]
        if inner:
            nearest = min(inner, key=lambda item: (item.dist, rank(item)))
    elif nearest.place.feature_code in ("RGN", "RGNE", "AREA") or nearest.place.feature_class == "L":
        # "In north Kashmir, … at a police post in Sopore's main market": a region without a division code
        # holds the town the sentence names within reach of it
        inner = [item for item in best_by_group.values() if item.place.feature_class == "P" and not item.actorish
                 and item.dist <= nearest.dist + 4 and distance_km(
                     nearest.place.lat, nearest.place.lon, item.place.lat, item.place.lon) <= REGION_REACH_KM]
        if inner:
            nearest = min(inner, key=lambda item: (item.dist, rank(item)))
    after = nearest.span.doc[nearest.span.end].lower_ if nearest.span.end < len(nearest.span.doc) else ""
    if not nearest.place.is_country and (nearest.place.feature_class == "A" or after in TOP_DIVISIONS):
        town = _town_inside(nearest, index, bounds)  # "in Ivano-Frankivsk oblast" is the oblast, not the city  # "in Demoso township, Kayah State" parsed off the event
        if town is not None:
            return [town]
    family = {nearest.group}
    changed = True
    while changed:  # conjuncts of the chosen location are locations of their own
        changed = False
        for group, parent in walker.siblings.items():
            if group in best_by_group and ((parent in family) != (group in family)):
                family |= {group, parent}
                changed = True
    chosen = [_within_possessor(best_by_group[g], index) for g in sorted(family) if g in best_by_group]
    unique: dict[str, Located] = {}
    for item in chosen:
        unique.setdefault(item.place.gazetteer_id, item)
    return list(unique.values())


DISTANCE_UNITS = {"km", "kilometre", "kilometer", "kilometres", "kilometers", "mile", "miles", "kms", "mi"}


INSIDE_REACH_KM = 120.0
REFUGE_VERBS = {"flee", "seek", "shelter", "evacuate", "escape", "relocate", "move", "return", "arrive", "take",
                "transfer", "bring", "send"}  # a town this close to a named division (with no division code of its own) lies in it


def _clause_verb(token: Token) -> Token | None:
    return next((a for a in (token, *token.ancestors) if a.pos_ in ("VERB", "AUX")), None)


def _town_inside(region: Located, index: dict[int, Span], bounds: tuple[int, int]) -> Located | None:
    """The one town the sentence puts somewhere ("in Bourzanga, further south in Bam province") that lies inside
    the division the event was tied to: the town is the finer place."""
    area = region.place
    towns: dict[str, Located] = {}
    for i in range(*bounds):
        span = index.get(i)
        if span is None or i != span.root.i or span._.geomap_place.feature_class != "P" \
                or span._.geomap_place.gazetteer_id == area.gazetteer_id:
            continue
        place, token = span._.geomap_place, span.root
        if token.dep_ == "compound":
            token = token.head  # "in Demoso township"
        if not (token.dep_ == "pobj" and token.head.lower_ in LOCATIVE - {"of", "by", "against"}):
            continue
        verb = _clause_verb(token)
        if verb is not None and verb.lemma_.lower() in REFUGE_VERBS:
            continue  # "attacked a village in Bam province; survivors sought shelter in Kaya": where they fled
        near_enough = distance_km(place.lat, place.lon, area.lat, area.lon) <= INSIDE_REACH_KM
        inside = place.country_code == area.country_code and (
            (area.feature_code == "ADM1" and place.admin1_code == area.admin1_code)
            or (area.feature_code != "ADM1" and near_enough))
        if inside:
            towns.setdefault(place.gazetteer_id, Located(span, place, region.dist, region.near, region.group))
    return next(iter(towns.values())) if len(towns) == 1 else None


NEAR_KM = 30.0  # a place measured from a town this close is coded at the town, as near it


def measured_from(token: Token) -> float | None:
    """ "120 km north-west of X", "30 miles from X": how far from X the text puts the place (None: not measured).

    A distance the words give but not in digits counts as far."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ not in ("of", "from"):
        return None
    window = token.doc[max(head.i - 7, 0):head.i]
    units = [t for t in window if t.lower_ in DISTANCE_UNITS or t.lower_.rstrip("s") in DISTANCE_UNITS]
    numbers = [t for t in window if t.like_num]
    if not units or not numbers:
        return None
    try:
        value = float(numbers[-1].text.replace(",", ""))
    except ValueError:
        return float("inf")
    return value * 1.609 if units[-1].lower_.startswith("mi") else value


POSSESSOR_REACH_KM = 50.0


def _within_possessor(item: Located, index: dict[int, Span]) -> Located:
    """ "Mogadishu's Lido beach": a place the text puts inside another cannot lie far from it; when the gazetteer's
    namesake does (a Lido Beach in New York), the possessor is where the event was."""
    doc, start = item.span.doc, item.span.start
    first = item.span.root
    while first.dep_ == "conj" and first.head.i < first.i:  # "Dhaka's Jatrabari and Rampura areas": both Dhaka's
        first = first.head
    if first.i != item.span.root.i:
        start = index[first.i].start if first.i in index else first.i
    owner = index.get(start - 2) if start >= 2 and doc[start - 1].lower_ in ("'s", "\u2019s") else None
    if owner is None:
        return item
    area = owner._.geomap_place
    if area.feature_class == "P":
        far = distance_km(area.lat, area.lon, item.place.lat, item.place.lon) > POSSESSOR_REACH_KM
    else:  # "Kharkiv's Kyivskyi district" read as the region: a namesake outside that region is the wrong one
        far = area.feature_code == "ADM1" and bool(area.admin1_code) and (
            item.place.country_code, item.place.admin1_code) != (area.country_code, area.admin1_code)
    if not far:
        return item
    return Located(owner, area, item.dist, item.near, item.group, item.actorish)


def written_as_region(span: Span) -> bool:
    """ "Donetsk region", "Plateau state", "the Kharkiv oblast": the text names the area, not the town."""
    words = {w.lower() for w in span.text.split()}
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return bool(words & REGION_WORDS or after in REGION_WORDS or span.root.head.lower_ in REGION_WORDS
                and span.root.dep_ == "compound")


def geo_precision(located: Located) -> int:
    """ACLED geo_precision: 1 the town itself, 2 near a town / part of a region, 3 region, country or sea."""
    place = located.place
    if place.is_country or place.feature_class in ("H", "L", "T") or written_as_region(located.span):
        return 3
    if place.is_admin and place.feature_code not in ("PPLC",):
        return 2 if located.near else 3
    return 2 if located.near else 1


def opening_dateline(text: str) -> re.Match | None:
    """The wire dateline the story opens with, on its first line or on the line after a headline."""
    found = DATELINE.match(text)
    if found is None and "\n" in text:
        headline = text[:text.index("\n")].strip()
        if headline and len(headline.split()) <= 25 and not headline.endswith((".", ":")):
            found = DATELINE.match(text, text.index("\n") + 1)  # "Teachers pushed back …\nMEXICO CITY — Riot police …"
    return found


def dateline_end(text: str) -> int:
    """Where the opening dateline ends (0 without one): places and dates before it are the wire's, not the news's."""
    opening = opening_dateline(text)
    return opening.end() if opening else 0


def dateline(doc, index: dict[int, Span]) -> Located | None:
    """The resolved town a wire dateline names ("TBILISI —", "NIAMEY (Reuters) -"), if the text opens with one."""
    opening = opening_dateline(doc.text)
    first = doc.char_span(opening.start(), opening.end(), alignment_mode="expand").start if opening else 0
    for i in range(first, min(len(doc), first + 3)):
        span = index.get(i)
        if span is not None and filed_from(doc[i]) and not span._.geomap_place.is_country \
                and span._.geomap_place.feature_class == "P":
            return Located(span, span._.geomap_place, 9, False, 0)
    return None
