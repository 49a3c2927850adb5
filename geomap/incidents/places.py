"""Where an event happened: the toponyms the parse attaches to its trigger, not every place in the sentence.

From each anchor (the trigger and the words governing it in its clause) we follow locative prepositions ("in",
"at", "near", "on"), compounds and possessives ("the Kyiv strikes", "Moscow's quarter"), "of" refinements
("the Kyivskyi district of Kharkiv") and objects ("shelled Kharkiv"). Conjoined places ("in Derbent and
Makhachkala") are separate locations: one incident each. Demonyms (NORP) are actors, never locations.
"""
from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from geomap.geo import distance_km
from geomap.incidents.located import Located, written_as_region
from geomap.incidents.walker import LOCATIVE, NEAR, REGION_REACH_KM, TEMPORAL, Walker
from geomap.nlp.cues import TELLING_VERBS

log = logging.getLogger("geomap.incidents.places")

TOP_DIVISIONS = {"oblast", "region", "province", "governorate", "krai", "state"}  # not "Sukma district": the town


CLAUSE_EDGES = {"advcl", "relcl", "ccomp", "parataxis", "acl", "csubj", "xcomp"}


def clause_chain(head: Token) -> list[tuple[Token, int]]:
    """The trigger and the words that govern it within its clause, with their distance from it."""
    chain, token = [(head, 0)], head
    for step in range(1, 4):
        if token.dep_ in CLAUSE_EDGES | {"ROOT"} or token.head.i == token.i:
            break
        if token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
            break  # "search-and-arrest operations in Hebron" climbs; "shelled X and stormed Y" does not
        if token.dep_ == "pobj" and (token.head.lemma_.lower() in TEMPORAL or token.head.lower_ in TEMPORAL):
            # "following" has the lemma "follow"
            break
        token = token.head
        chain.append((token, step))
    return chain


REPORTING = TELLING_VERBS | {"allege"}
CORRESPONDENTS = {"correspondent", "reporter", "stringer"}
WITNESSES = {"resident", "villager", "inhabitant", "witness", "eyewitness"}
# armed units that say where they are ("the garrison in Babanusa said it repelled …")
UNITS = {"division", "brigade", "battalion", "garrison", "regiment", "unit", "base", "troops", "force", "forces",
         "post"}


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
    walker = Walker(index, bounds)
    for trigger in anchors:
        antecedent = _where_antecedent(trigger)
        if antecedent is not None:  # "fighting continued in X, where the army said it had taken…"
            walker.noun(antecedent, 2, False, walker.new_group(None))
        for token, dist in clause_chain(trigger):
            if token.i in index and token.i != trigger.i:
                walker.noun(token, dist, False, walker.new_group(None))
            walker.anchor(token, dist, verb_objects=token.pos_ in ("VERB", "AUX") and token.i != trigger.i or
                          token.pos_ == "VERB", telling=token.i != trigger.i and token.lemma_.lower() in REPORTING)
    if not walker.found:
        for trigger in anchors:  # "settlers entered Sinjil, setting fire to two houses": the scene of its sibling verb
            top, dist = clause_chain(trigger)[-1]
            head = top.head  # only a one-off past action shares its scene ("have terrorised … for years" does not)
            if top.pos_ == "VERB" and head.tag_ == "VBD" and not any(c.dep_ == "aux" for c in head.children) and (
                    top.dep_ == "conj" or (top.dep_ == "advcl" and top.tag_ == "VBG")):
                walker.anchor(top.head, dist + 2, verb_objects=True)
    if not walker.found:
        for trigger in anchors:  # "crowds threw bottles at police and set a car alight in Hartlepool": the scene of
            # the next thing the same crowd did
            for sibling in trigger.children:
                if sibling.dep_ == "conj" and sibling.pos_ == "VERB" and trigger.tag_ == sibling.tag_ == "VBD" \
                        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in sibling.children):
                    before = len(walker.found)
                    walker.anchor(sibling, 2, verb_objects=True)
                    if not any(item.place.feature_class == "P" for item in walker.found[before:]):
                        del walker.found[before:]  # a town only: "… in Congo's North Kivu province" is no scene
    if not walker.found:
        for trigger in anchors:  # "inmates were killed when gangs fought inside a jail in X": the when-clause's scene
            for clause in trigger.children:
                if clause.dep_ == "advcl" and trigger.pos_ == "VERB" and any(
                        c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children):
                    walker.anchor(clause, 2, verb_objects=True)
    if not walker.found:
        for trigger in anchors:  # "abducted 23 passengers on the highway, close to Tsafe, the police command has
            # confirmed": "near X" hung by the parser on the telling can only say where the event was
            for clause in trigger.children:
                if clause.dep_ in ("advcl", "ccomp", "parataxis") and clause.lemma_.lower() in REPORTING:
                    for child in clause.children:
                        if child.dep_ == "advmod" and child.lemma_.lower() in NEAR:
                            walker.nearby(child, 2)
                        elif child.dep_ == "prep" and child.lemma_.lower() in NEAR:
                            for obj in walker.objects(child):
                                walker.noun(obj, 2, True, walker.new_group(None))
    if not walker.found:
        for trigger in anchors:  # "our Lahore correspondent reports police detained dozens", "residents of Baniyas
            # said armed men shot 12 civilians": the town a correspondent covers, or witnesses live in, is the news's
            top = clause_chain(trigger)[-1][0]
            while top.dep_ == "conj" and top.head.i != top.i:  # "said men went from house to house and shot 12"
                top = top.head
            if top.dep_ == "ccomp" and top.head.lemma_.lower() in REPORTING:
                for speaker in top.head.children:
                    if speaker.dep_ != "nsubj" or speaker.lemma_.lower() not in CORRESPONDENTS | WITNESSES:
                        continue
                    for name in speaker.children:
                        if name.dep_ == "compound" and name.i in index \
                                and index[name.i]._.geomap_place.feature_code != "PPLC":
                            walker.noun(name, 3, False, walker.new_group(None))  # (a capital's covers the country)
                        elif name.dep_ == "prep" and name.lower_ in ("of", "in") \
                                and speaker.lemma_.lower() in WITNESSES:
                            for place in walker.objects(name):
                                walker.noun(place, 3, False, walker.new_group(None))
    if not walker.found:
        for trigger in anchors:  # "the 22nd Infantry Division in Babanusa said it repelled an RSF assault on its
            # base": a unit telling of an attack on itself was attacked where it is
            top = clause_chain(trigger)[-1][0]
            teller = top.head if top.dep_ == "ccomp" and top.head.lemma_.lower() in REPORTING else None
            if teller is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "they", "we")
                                         for c in top.children):
                continue
            if not any(o.dep_ == "pobj" and any(d.dep_ == "poss" and d.lower_ in ("its", "their", "our")
                                                  for d in o.children)
                       for t in top.subtree if t.dep_ == "prep" and t.lower_ in ("on", "against")
                       for o in t.children):
                continue  # only an assault "on its base": not "repelled 40 assaults along the front line"
            for speaker in teller.children:
                if speaker.dep_ == "nsubj" and speaker.lemma_.lower() in UNITS:
                    for prep in speaker.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                            for obj in walker.objects(prep):
                                walker.noun(obj, 3, False, walker.new_group(None))
    if not walker.found and all(index[i].start in walker.route_ends for i in range(*bounds) if i in index):
        # "ambushed a convoy on the Maiduguri–Damboa road": where the route is named from, when the sentence names
        # no other place (else the fallbacks choose: "on the Damboa–Maiduguri road outside Damboa")
        walker.found = walker.routes
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
    elif nearest.place.feature_code in ("RGN", "RGNE", "AREA", "LK", "LKS", "RSV") or nearest.place.feature_class == "L":
        # "In north Kashmir, … at a police post in Sopore's main market": a region without a division code
        # holds the town the sentence names within reach of it; so does a lake ("near Kukawa, on the shores of
        # Lake Chad"; not a sea, where ships are struck off a coast)
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
