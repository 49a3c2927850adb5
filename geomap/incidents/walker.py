"""The walk from an event's words to the toponyms the parse attaches to them: locative prepositions, compounds
and possessives, "of" refinements, objects and conjuncts, each found place with its distance in arcs."""
from __future__ import annotations

from spacy.tokens import Span, Token

from geomap.geo import distance_km
from geomap.incidents.datelines import filed_from
from geomap.incidents.located import Located, names_its_own_town, written_as_region
from geomap.models import Place
from geomap.nlp.cues import TELLING_VERBS
from geomap.nlp.events import trigger_words
from geomap.nlp.toponyms import ROUTE_DASHES, ROUTE_WORDS


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


ROUTE_PREPOSITIONS = {"through", "across", "around", "along", "into"}  # where a march or a convoy goes
TELLING_PLACES = {"conference", "briefing", "interview", "speech", "address"}  # "said at a press conference in X"
NEAR = {"near", "outside", "around", "off", "close", "nearby", "beyond", "north", "south", "east", "west", "next",
        "northeast", "northwest", "southeast", "southwest", "vicinity", "km", "kilometre", "kilometer", "mile",
        "kilometres", "kilometers", "miles"}


DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}


TEMPORAL = {"after", "before", "following", "since", "amid", "despite", "until", "ahead"}


AREAS = {"street", "centre", "center", "outskirts", "outskirt", "city", "town", "village", "area", "district", "heart",
         "suburb", "part", "control", "port", "border", "capital", "region", "province", "square", "fringe", "edge",
         "periphery"}


CROWD_EVENTS = {"protest", "demonstration", "riot", "unrest", "rally", "march", "uprising", "demonstrator",
                "protester", "rioter"}


CAUSES = {"support", "solidarity", "memory", "honour", "honor", "favour", "favor", "protest",
          "response", "retaliation", "opposition", "revenge", "name"}


TOWN_PARTS = {"district", "neighbourhood", "neighborhood", "quarter", "suburb", "borough", "area", "sector", "commune"}


REGION_REACH_KM = 300  # how far from a region's point a town it holds may lie ("north Kashmir" → Sopore)


# what a capital stands for when it owns one ("Moscow's defence ministry", "Kyiv's forces")
GOVERNMENT_NOUNS = {"ministry", "government", "army", "military", "force", "troop", "official", "envoy", "president",
                    "spokesman", "spokeswoman", "spokesperson", "leadership", "authority", "administration", "navy",
                    "regime"}  # "an attempt by the Kyiv regime to carry out attacks": who, not where


# armed groups named after a place ("the Zaire self-defence group", "the Sinaloa cartel")
# what a capital says or decides as its government ("Moscow's claim that its troops took Kurakhove")
STATEMENTS = {"claim", "statement", "announcement", "assertion", "accusation", "denial", "decision", "communique",
              "communiqué"}  # not "position", "account": "positions on the outskirts of Myrnohrad"
ARMED_GROUPS = {"group", "militia", "faction", "cartel", "gang", "brigade", "battalion", "movement"}


# people a country's name can describe ("a New Zealand pilot", "two French nationals")
NATIONALS = {"pilot", "national", "citizen", "journalist", "tourist", "worker", "engineer", "diplomat", "aid",
             "soldier", "officer", "man", "woman", "student", "businessman", "hostage", "captive",
             # and the state's equipment: "downed a US MQ-9 Reaper drone over the governorate"
             "drone", "missile", "jet", "aircraft", "plane", "helicopter", "warship", "destroyer", "frigate",
             "vessel", "tank"}


def _aimed_at(prep: Token) -> bool:
    """ "fired rockets toward Kiryat Shmona": "toward" names the target of a shot, not a direction of travel."""
    verb = next((a for a in prep.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return prep.lower_ in ("toward", "towards") and verb is not None and verb.lemma_.lower() in AIMING_VERBS


# verbs whose "from X" is the scene: people and things are taken from where they were ("abducted 23 persons from a
# village in Tsafe"), a force withdraws from the town it hands over; "fired from Lebanon", "fled from X" are elsewhere
FROM_IS_SCENE = {"abduct", "kidnap", "snatch", "seize", "grab", "whisk", "drag", "carry", "loot", "steal", "free",
                 "withdraw", "pull"}


def _taken_from(prep: Token, index: dict[int, Span]) -> bool:
    """ "abducted 23 persons from Tsafe", "… from a farming community": "from" under a taking verb or its
    object, unless it names where the people come from."""
    if prep.lower_ != "from":
        return False
    taken = prep.head
    if taken.dep_ in ("dobj", "nsubjpass"):  # under the object, a site ("23 persons from a farming community") or
        # the town a group was taken from ("23 persons from Tsafe"), not one person's home town ("a trader from
        # Onitsha") or a region people come from ("six construction workers from Punjab")
        sites = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.i not in index]
        towns = [o for o in prep.children if o.dep_ == "pobj" and o.i in index
                 and index[o.i]._.geomap_place.feature_class == "P"]
        return taken.head.pos_ == "VERB" and taken.head.lemma_.lower() in FROM_IS_SCENE and bool(
            sites or towns and taken.tag_ == "NNS")
    return taken.pos_ == "VERB" and taken.lemma_.lower() in FROM_IS_SCENE and not any(
        o.dep_ == "pobj" and o.i in index and index[o.i]._.geomap_place.feature_class != "P" for o in prep.children)


def _one_name(head: Token, part: Token) -> bool:
    """Both words inside one organisation's name as the tagger reads it ("the Bangladesh Chhatra League"), not a
    building one is at."""
    low, high = sorted((head.i, part.i))
    words = head.doc[low:high + 1]
    where = head.dep_ == "pobj" and head.head.lower_ in LOCATIVE - {"of"}  # "outside the Quetta Press Club"
    return head.pos_ == "PROPN" and not where and all(t.ent_type_ == "ORG" for t in words) \
        and not any(t.ent_iob_ == "B" for t in words[1:])


def route_ends(token: Token, index: dict[int, Span]) -> list[Span]:
    """The known towns a route word is named after, in the text's order ("the Kaya–Djibo road": Kaya, Djibo; "the
    Bannu-Miranshah road": Bannu, if only Bannu is known): capitalised names joined by dashes right before it."""
    if token.lemma_.lower() not in ROUTE_WORDS:
        return []
    doc, names, i = token.doc, 0, token.i - 1
    ends: list[Span] = []
    while i >= 0 and doc[i].text[:1].isupper() and doc[i].is_alpha:
        span = index.get(i)
        begin = span.start if span is not None else i
        while span is None and begin > 0 and doc[begin - 1].text[:1].isupper() and doc[begin - 1].is_alpha:
            begin -= 1
        if span is not None:
            ends.insert(0, span)
        names += 1
        if begin < 2 or doc[begin - 1].text not in ROUTE_DASHES:
            break
        i = begin - 2
    return ends if names > 1 else []


def _far_apart(one: Place, other: Place) -> bool:
    """Two places that cannot be one inside the other: other countries, or towns far apart."""
    return one.country_code != other.country_code or (
        not one.is_country and not other.is_country
        and distance_km(one.lat, one.lon, other.lat, other.lon) > REGION_REACH_KM)


NAMED_SETTLEMENTS = {"town", "city", "village", "hamlet", "settlement"}
BORDERS = {"border", "frontier", "boundary"}


class Walker:
    def __init__(self, index: dict[int, Span], bounds: tuple[int, int]):
        self.index, self.bounds = index, bounds
        self.found: list[Located] = []
        self.routes: list[Located] = []  # the ends routes were named from, for when nothing else places the event
        self.route_ends: set[int] = set()  # where every end of those routes' names starts
        self.seen: set[int] = set()
        self.groups = 0
        self.siblings: dict[int, int] = {}  # conj group → the group it was conjoined to

    def inside(self, token: Token) -> bool:
        return self.bounds[0] <= token.i < self.bounds[1]

    def objects(self, prep: Token) -> list[Token]:
        """The objects of a preposition; when the parse hung them outside this line, the toponym right after it."""
        objects = [obj for obj in prep.children if obj.dep_ in ("pobj", "pcomp") and self.inside(obj)]
        # "marched through Jos demanding protection" parsed with Jos the subject of the gerund: the place walked
        objects = [next((c for c in obj.children if c.dep_ == "nsubj" and c.i == prep.i + 1 and c.i in self.index),
                        obj) if obj.dep_ == "pcomp" and obj.tag_ == "VBG" and prep.lower_ in ROUTE_PREPOSITIONS
                   else obj for obj in objects]  # (not "protested over India building a dam")
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
        if token.lemma_.lower() in TELLING_PLACES and any(a.lemma_.lower() in TELLING_VERBS
                                                          for a in list(token.ancestors)[:3]):
            return  # "as the minister said at a press conference in La Paz": where it was told
        between = token.dep_ == "pobj" and token.head.lower_ == "between"  # "between Gao and Ansongo": one place
        if between:
            self.seen.update(c.i for c in token.conjuncts)
        span = self.index.get(token.i)
        ends = route_ends(token, self.index)
        if ends:  # "on the Bannu-Miranshah road": coded, as near, at the end the route is named from, when no
            # other place is said ("on the Damboa–Maiduguri road outside Damboa", "… highway, close to Tsafe")
            self.seen.update(t.i for end in ends for t in end)
            self.routes.append(Located(ends[0], ends[0]._.geomap_place, dist + 1, True, group))
            self.route_ends.update(end.start for end in ends)
        near = near or (between and span is not None)
        if span is not None and filed_from(token):
            span = None  # the reporter's city, not where the event was
        measured = measured_from(token) if span is not None else None
        if measured is not None and measured > NEAR_KM:
            return  # "around 120 km north-west of El Fasher": a reference point, not where it happened
        near = near or measured is not None  # "a village 15 km west of Shwebo": coded at Shwebo, as near it
        if span is not None:
            # "near the Cameroon border": the event is beside that country, not in it
            beside = token.dep_ == "compound" and token.head.lemma_.lower() in BORDERS or (
                token.dep_ == "pobj" and token.head.lower_ == "with"  # "close to the border with Nigeria"
                and token.head.head.lemma_.lower() in BORDERS)
            doer = token.dep_ == "pobj" and token.head.lower_ == "by" and (  # "overrun by Fano": who, not where
                token.head.dep_ == "agent" or token.head.head.tag_ == "VBN"
                or token.head.head.lemma_.lower() in trigger_words())
            self.found.append(Located(span, span._.geomap_place, dist, near, group, actorish=beside or doer))
        # "the Dniprovskyi district of Kherson": a named part of a town is coded as the town (ACLED's practice)
        part_of_town = token.lemma_.lower() in TOWN_PARTS and (any(
            c.dep_ == "prep" and c.lower_ == "of" and any(  # but "the Kupiansk district of Kharkiv oblast" is Kupiansk
                o.i in self.index and not written_as_region(self.index[o.i])
                and not names_its_own_town(token, self.index[o.i]._.geomap_place, self.index,
                                           ("compound", "nmod", "amod")) for o in c.children)
            for c in token.children)
            or any(c.dep_ == "poss" and c.i in self.index and self.index[c.i]._.geomap_place.feature_class == "P"
                   for c in token.children))  # "Kharkiv's Kyivskyi district"
        # "the northern Potosí mining town of Llallagua": the town the phrase names, not the region modifying it
        part_of_town = part_of_town or (token.lemma_.lower() in NAMED_SETTLEMENTS and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.i in self.index for o in c.children) for c in token.children))
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
                if dep in ("poss", "compound") and token.lemma_.lower() in GOVERNMENT_NOUNS | STATEMENTS \
                        or dep == "compound" and (token.lemma_.lower() in ARMED_GROUPS or _one_name(token, child)):
                    for item in self.found[before:]:
                        item.actorish = True  # "Moscow's defence ministry said …": the capital stands for its state;
                        # "a rival Zaire self-defence group", "members of the Bangladesh Chhatra League": a group
                        # named after a place
                elif dep in ("compound", "nmod") and (token.ent_type_ == "PERSON" or token.lemma_.lower() in NATIONALS):
                    for item in self.found[before:]:
                        item.actorish = item.actorish or item.place.is_country  # "New Zealand pilot": a nationality
            elif dep == "prep" and (lemma in LOCATIVE or _aimed_at(child) or _taken_from(child, self.index)):
                before = len(self.found)
                for obj in self.objects(child):
                    self.noun(obj, dist + 1, near or lemma in NEAR, group)
                if lemma == "of" and token.text[:1].isupper() and (
                        token.lemma_.lower() in GOVERNMENT_NOUNS or token.lower_.removesuffix("s") in GOVERNMENT_NOUNS):
                    for item in self.found[before:]:
                        item.actorish = item.actorish or item.place.is_country  # "the Armed Forces of the
                        # Democratic Republic of the Congo": whose forces, not where they fought
            elif dep == "prep" and lemma == "to" and token.lower_ in ("close", "next"):
                for obj in self.objects(child):  # "an exchange of fire …, close to the village of Tegh"
                    self.noun(obj, dist + 1, True, group)
            elif _measured_from(child):  # "a village about 15 kilometres from Djibo"
                for obj in self.objects(child):
                    self.noun(obj, dist + 1, True, group)
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
            elif dep == "relcl" and child.lemma_.lower() in GATHERING and token.lemma_.lower() in CROWD_NOUNS \
                    and not self.found:  # "to disperse supporters who had gathered outside a Dar es Salaam court"
                self.anchor(child, dist + 2, False)

    def nearby(self, adverb: Token, dist: int) -> None:
        """ "close to X", "north of X" parsed as an adverb with its own preposition."""
        self.anchor(adverb, dist, False)
        for sub in adverb.children:
            if sub.dep_ == "prep":
                for obj in sub.children:
                    if obj.dep_ == "pobj":
                        self.noun(obj, dist, True, self.new_group(None))

    def anchor(self, token: Token, dist: int, verb_objects: bool, telling: bool = False) -> None:
        """Explore what hangs on an anchor: locative prepositions, compounds, objects. ``telling``: the anchor is
        a verb that tells of the event ("confirmed an attack"), whose fronted "In X," is likelier where the
        telling was than the event's own place."""
        # "the spokesman told journalists in Cotonou": where the telling was, not the event
        briefed = telling and any(c.dep_ == "dobj" and c.lemma_.lower() in AUDIENCES for c in token.children)
        for child in token.children:
            dep, lemma = child.dep_, child.lemma_.lower()
            if not self.inside(child):
                continue
            if briefed and dep == "prep" and lemma in ("in", "at"):
                continue
            if dep == "prep" and (lemma in LOCATIVE or _aimed_at(child) or _taken_from(child, self.index)):
                near = lemma in NEAR or any(w.lower_ in NEAR for w in child.lefts)
                told_in = telling and child.i < token.i and lemma == "in"  # "In Bamako, the army confirmed …"
                # "kidnapped a trader from Onitsha on the Benin-Ore highway": a "from" may be where the people
                # came from, so any other place the verb names is likelier the scene
                extra = 3 if told_in else 1 if lemma == "from" else 0
                for obj in self.objects(child):
                    self.noun(obj, dist + 1 + extra, near, self.new_group(None))
            elif _measured_from(child):  # "killed 14 people about 15 km from Djibo" (noun() weighs how far)
                for obj in self.objects(child):
                    self.noun(obj, dist + 1, True, self.new_group(None))
            elif dep == "prep" and lemma in ("including", "include", "notably", "especially"):
                for sub in child.children:  # "killed 105 across Lebanon, including in Sidon"
                    if sub.dep_ == "prep" and sub.lower_ in LOCATIVE:
                        for obj in self.objects(sub):
                            self.noun(obj, dist + 1, sub.lower_ in NEAR, self.new_group(None))
                    elif sub.dep_ == "pobj":
                        self.noun(sub, dist + 1, False, self.new_group(None))
            elif dep in ("prep", "agent") and lemma not in TEMPORAL:  # "clashed with fighters near Gao"
                for obj in self.objects(child):
                    for sub in obj.children:  # "took to the streets of Khartoum", "fought for control of X",
                        # "trees belonging to residents of Sinjil"
                        dwellers = sub.lower_ == "of" and obj.lemma_.lower() in DWELLERS
                        if sub.dep_ == "prep" and (sub.lower_ in LOCATIVE - {"of"} or obj.lemma_.lower() in AREAS
                                                   or dwellers):
                            for inner in self.objects(sub):  # (where owners live is weaker than where it was)
                                self.noun(inner, dist + (4 if dwellers else 2), sub.lower_ in NEAR,
                                          self.new_group(None))
                    for thing in (obj, *obj.conjuncts):  # "set fire to a post and vehicles parked in Kalat district"
                        for sub in thing.children:
                            if sub.dep_ == "acl" and sub.tag_ == "VBN" and sub.lemma_.lower() in WHERE_PARTICIPLES:
                                self.anchor(sub, dist + 2, False)
                            elif sub.dep_ == "acl" and sub.tag_ == "VBG" and sub.lemma_.lower() in HIDING:
                                self.anchor(sub, dist + 2, False)  # "fire with militants hiding in a compound near X"
            elif (dep == "acl" and child.tag_ == "VBN") or dep == "xcomp":  # "a grenade thrown at … in Cali"
                self.anchor(child, dist + 1, True)
            elif dep == "advcl" and child.lemma_.lower() in DISPERSING and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                self.anchor(child, dist + 1, True)  # "fired tear gas to disperse supporters who had gathered at X"
            elif dep == "advcl" and token.pos_ == "VERB" and child.tag_ in ("VBD", "VBG") and any(
                    c.dep_ == "mark" and c.lower_ in ("as", "while") for c in child.children) and all(
                    c.lower_ in ("it", "they", "he", "she", "we") or any(d.dep_ == "poss" for d in c.children)
                    or c.lemma_.lower() in CROWDS and child.lemma_.lower() in GATHERING
                    for c in child.children if c.dep_ in ("nsubj", "nsubjpass")):
                self.anchor(child, dist + 2, True)  # "was ambushed as it entered a track on the fringe of Culiacán";
                # "police turned water cannon on demonstrators as tens of thousands flooded central Tel Aviv"
            elif dep == "advmod" and lemma in NEAR:  # "north of X", "near X" parsed as adverbs
                self.nearby(child, dist + 1)
            elif dep in ("compound", "poss", "nmod", "npadvmod", "amod", "appos") and filed_from(child):
                continue  # "DAMASCUS — Clashes erupted near Jableh": where the reporter filed, not the event
            elif dep == "npadvmod" and lemma in DIRECTIONS:
                # "struck a patrol in the Hawija district, south-west of Kirkuk": a bearing from a reference town
                # says where the place named is; the town is the event's only when nothing else is named
                self.noun(child, dist + 3, True, self.new_group(None))
            elif dep in ("compound", "poss", "nmod", "npadvmod", "amod"):
                before = len(self.found)
                self.noun(child, dist + 1, False, self.new_group(None))
                for item in self.found[before:]:  # but "Indonesia's protests": a country's crowds protest in it
                    item.actorish = (item.place.is_country and token.lemma_.lower() not in CROWD_EVENTS) \
                        or token.lemma_.lower() in GOVERNMENT_NOUNS
            elif dep == "dobj" and telling and child.lemma_.lower() in AUDIENCES:
                continue  # (and "told journalists in Cotonou" parsed with the town on the audience)
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
                if token.lemma_.lower() not in TELLING_VERBS:  # "Portland police declared a riot", "Broadview
                    # Police officers responded to …": a town's own force acts in its town (not "Kharkiv police said")
                    for town in _local_force_town(child, self.index):
                        self.found.append(Located(town, town._.geomap_place, dist + 2, False, self.new_group(None)))
                dwellers = child.lemma_.lower() in DWELLERS
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


LOCAL_FORCES = {"police", "officer", "deputy", "sheriff", "trooper", "department", "bureau", "patrol", "constabulary"}


def _local_force_town(subject: Token, index: dict[int, Span]) -> list[Span]:
    """The town whose force the subject is: "Portland police", "Broadview Police officers" (a town, not a country
    nor a division, whose name modifies a police word; the tagger may have taken "Broadview Police" for an
    organisation, so the town is the one the text names elsewhere under that name)."""
    if subject.lemma_.lower() not in LOCAL_FORCES:
        return []
    words = [c for c in subject.children if c.dep_ == "compound"]
    words += [g for w in words for g in w.children if g.dep_ == "compound"]
    towns = {span.text.lower(): span for span in index.values() if span._.geomap_place.feature_class == "P"}
    found = [index[w.i] if w.i in index else towns.get(w.text.lower()) for w in words
             if w.lemma_.lower() not in LOCAL_FORCES]
    return [span for span in found if span is not None and span._.geomap_place.feature_class == "P"]


# what an event does where it happens ("a gunfight that raged in the hills above X")
# the crowd whose doings in an "as" clause are the scene of what was done to it
CROWDS = {"thousand", "hundred", "dozen", "crowd", "protester", "demonstrator", "people", "mourner", "marcher"}
GATHERING = {"flood", "gather", "march", "rally", "pack", "fill", "converge", "throng", "mass", "pour", "stream",
             "assemble"}
DISPERSING = {"disperse", "clear", "scatter", "break"}  # what police fire tear gas to do to a crowd
# the people a crowd is made of, as the dispersed are named
CROWD_NOUNS = CROWDS | {"supporter", "activist", "student", "worker", "resident", "member", "youth", "villager"}
UNFOLDING = {"last", "rage", "unfold", "occur", "erupt", "continue", "happen"}


# what fighters are doing where they are fought ("militants hiding in a compound near Miran Shah")
HIDING = {"hide", "shelter", "operate", "camp", "hole", "gather", "travel", "move", "stay", "live"}


# participles that say where their noun is ("positions held … near X", "troops stationed in Y")
WHERE_PARTICIPLES = {"hold", "held", "locate", "station", "deploy", "position", "situate", "base", "control",
                     "occupy", "house", "park", "gather", "shelter", "trap", "camp"}


PATROLLING = {"patrol", "sail", "cruise"}  # where a ship or aircraft was when it acted
AUDIENCES = {"journalist", "reporter", "correspondent", "media", "press", "agency", "lawmaker", "parliament",
             "legislator", "diplomat"}  # whom a teller told ("told journalists in Cotonou")
DWELLERS = {"resident", "inhabitant", "villager", "people", "citizen", "local"}  # "residents of X": people of X


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "hundred": 100}
DISTANCE_UNITS = {"km", "kilometre", "kilometer", "kilometres", "kilometers", "mile", "miles", "kms", "mi"}


NEAR_KM = 30.0  # a place measured from a town this close is coded at the town, as near it


def _measured_from(prep: Token) -> bool:
    """ "15 kilometres from X": a "from" that measures a distance, not where someone came from."""
    return prep.dep_ == "prep" and prep.lower_ == "from" and (any(
        w.dep_ == "npadvmod" and w.lower_ in DISTANCE_UNITS for w in prep.lefts)
        or prep.head.lower_ in DISTANCE_UNITS)  # "a village about eight kilometres from Oicha"


def measured_from(token: Token) -> float | None:
    """ "120 km north-west of X", "eight kilometres from X": how far from X the text puts the place (None: not
    measured). A distance the words give in no number we read counts as far."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ not in ("of", "from"):
        return None
    window = token.doc[max(head.i - 7, 0):head.i]
    units = [t for t in window if t.lower_ in DISTANCE_UNITS or t.lower_.rstrip("s") in DISTANCE_UNITS]
    if not units:
        return None
    numbers = [t for t in window if t.like_num and t.i < units[-1].i]  # "15 km", not "Mile 90 neighbourhood"
    if not numbers:
        return None
    word = numbers[-1].lower_
    try:
        value = float(NUMBER_WORDS.get(word, word.replace(",", "")))
    except ValueError:
        return float("inf")
    return value * 1.609 if units[-1].lower_.startswith("mi") else value
