"""Document-level resolution: rank every mention without context, then again with the document's other
confident places as context (country/admin1 agreement, containment, proximity), and "X, Y" parent patterns.

A mention never counts as its own context: contributions are kept per name and the mention's own name is
left out, so "Moscow" cannot vote for Russia to make itself Russian.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Sequence

from geomap.geocoding.names import normalize
from geomap.geocoding.store import GazetteerStore
from geomap.models import Place
from geomap.resolution.corrections import corrected_mentions
from geomap.resolution.features import Bias, Context, area_codes, peer_level
from geomap.resolution.lookup import Found, generic_class, lookup, site_named

_COMMA_ONLY = re.compile(r"^\s*,\s*$")
# an unannotated parent after "X, ": "CA", "Calif.", "New South Wales" (capitalised words up to punctuation)
_TRAILING = re.compile(r"^\s*,\s*((?:[A-Z][A-Za-z]*\.?)(?:\s+[A-Z][A-Za-z]*\.?){0,2})")
_MAX_POINTS = 12
CONFIDENT = 0.6  # a resolution this sure stands for its name in the co-occurrence count
# what follows a bare division name in an enumeration that ends with the division word: "Cooke, Grayson and Love
# counties", "DeKalb County" is indexed already; "Sarpy and Douglas counties", "Avoyelles Parish"
_DIVISION_TAIL = re.compile(
    r"^(?:(?:\s*(?:,|,?\s+and|,?\s+or|&)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)*\s*,?\s+(?:and\s+)?"
    r"([Cc]ounties|[Pp]arishes|[Bb]oroughs)|\s+([Cc]ounty|[Pp]arish))\b")
_DIVISION_WORD = {"counties": "County", "county": "County", "parishes": "Parish", "parish": "Parish",
                  "boroughs": "Borough"}


def _is_area(place: Place) -> bool:
    return place.is_country or place.feature_code in ("ADM1", "ADM2", "RGN", "TERR") or place.feature_class == "A"


def _parent_links(mentions: Sequence, text: str, found: list[list[Found]],
                  store: GazetteerStore) -> tuple[dict[int, tuple[Place, ...]], dict[int, tuple[Place, ...]]]:
    """"X, Y" pairs: for X the places Y may be (areas only), for Y the places X may be."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    parents: dict[int, tuple[Place, ...]] = {}
    children: dict[int, tuple[Place, ...]] = {}
    for pos, i in enumerate(order):
        nxt = order[pos + 1] if pos + 1 < len(order) else None
        if nxt is not None and _COMMA_ONLY.match(text[mentions[i].end:mentions[nxt].start]):
            areas = tuple(f.candidate.place for f in found[nxt] if _is_area(f.candidate.place))
            if areas:
                parents[i] = areas
                children[nxt] = tuple(f.candidate.place for f in found[i])
            continue
        if nxt is not None and mentions[nxt].start - mentions[i].end < 3:
            continue
        match = _TRAILING.match(text[mentions[i].end:mentions[i].end + 40])
        if match:
            areas = tuple(c.place for c in store.candidates(match.group(1), limit=20) if _is_area(c.place)
                          and (c.match != "abbreviation" or c.matched_name.replace(".", "") == match.group(1).replace(".", "")))
            if areas:
                parents[i] = areas
    return parents, children


class _Evidence:
    """Per-name contributions of resolved places to the document context."""

    def __init__(self, store: GazetteerStore):
        self.store = store
        self.countries: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.admin1: dict[str, dict[tuple[str, str], float]] = defaultdict(lambda: defaultdict(float))
        self.areas: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.points: dict[str, list[tuple[float, float, float, str]]] = defaultdict(list)
        self.regional: dict[str, list[tuple[float, float, float, str]]] = defaultdict(list)
        self.levels: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))  # see peer_level
        self._seen: set[tuple[str, str]] = set()
        # first-level divisions each name's candidates lie in: names that can share a division tend to
        self.candidate_admin1: dict[str, set[tuple[str, str]]] = {}

    def add(self, name: str, place: Place, weight: float) -> None:
        if (name, place.gazetteer_id) in self._seen:  # a name repeated counts once
            return
        self._seen.add((name, place.gazetteer_id))
        cc = place.country_code
        members = self.store.region_members(place) if place.source.startswith("curated") else []
        for code in members:
            self.areas[name][code] += weight
            country = code.split(".")[0]
            self.countries[name][country] += weight / max(1, len(members))
        if cc:
            self.countries[name][cc] += weight
            if place.admin1_code:
                self.admin1[name][(cc, place.admin1_code)] += weight
        codes = area_codes(place)
        if codes and (place.is_country or place.feature_code == "ADM1"
                      or (place.feature_code == "ADM2" and len(codes) == 3)):
            self.areas[name][codes[-1]] += weight
        if (not _is_area(place) or place.feature_code == "ADM2") and place.geometry is None:
            self.points[name].append((place.lat, place.lon, weight, place.gazetteer_id))
        self.regional[name].append((place.lat, place.lon, weight, place.gazetteer_id))
        level = peer_level(place)
        if level:
            self.levels[name][level] = max(self.levels[name][level], weight)

    def context_without(self, name: str, parents: tuple[Place, ...], children: tuple[Place, ...]) -> Context:
        context = Context(parents=parents, children=children)
        others = [areas for other, areas in self.candidate_admin1.items() if other != name]
        if others:
            counts: dict[tuple[str, str], float] = defaultdict(float)
            for areas in others:
                for key in areas:
                    counts[key] += 1.0 / len(others)
            context.candidate_admin1 = dict(counts)
        for other in set(self.countries) | set(self.points) | set(self.areas):
            if other == name:
                continue
            for cc, w in self.countries[other].items():
                context.countries[cc] = context.countries.get(cc, 0.0) + w
            for key, w in self.admin1[other].items():
                context.admin1[key] = context.admin1.get(key, 0.0) + w
            for code, w in self.areas[other].items():
                context.named_areas[code] = context.named_areas.get(code, 0.0) + w
            context.points.extend(self.points[other])
            context.regional_points.extend(self.regional[other])
            for level, w in self.levels[other].items():
                context.peers[level] = context.peers.get(level, 0.0) + w
        context.points = sorted(context.points, key=lambda p: -p[2])[:_MAX_POINTS]
        context.regional_points = sorted(context.regional_points, key=lambda p: -p[2])[:_MAX_POINTS]
        return context


_DIVISION_OF = re.compile(r"\b(?:state|province|region|governorate|oblast|department|prefecture|county)\s+of\s+$",
                          re.IGNORECASE)


_TOWN_AFTER = re.compile(r"\s+(?:city|town)\b(?!\s+(?:of|council|hall|centre|center)\b)")


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# what may follow a river's name ("across the Dnipro in Nikopol", "the Oskil's east bank"), not "the Dnipro city centre"
_RIVER_AFTER = re.compile(r"(?:\s*$|\s*[^\w\s]|'s\b|\s+(?:in|near|at|on|to|from|and|or|into|toward|towards|"
                          r"between|river|estuary|bank|banks|delta|basin|valley|which|that|was|is|has|had)\b)")


def _river_of(name: str, found: list[Found], store: GazetteerStore) -> list[Found]:
    """ "across the Dnipro", "the Oskil": a town's name with the article is the river the town is named after
    (never a country's: "the Gambia", "the Congo" stay countries)."""
    if not found or any(f.candidate.place.is_country or f.candidate.place.feature_class != "P" for f in found):
        return []
    return [Found(c, "", "H", 1.0) for c in store.candidates(f"{name} River", limit=10)
            if c.place.feature_code == "STM" and c.match in ("name", "alternate")]


def resolve_document(mentions: Sequence, text: str, store: GazetteerStore, *, bias: Bias | None = None,
                     passes: int = 3) -> list:
    """Resolutions for ``mentions`` (objects with text, label, start, end), in the same order."""
    from geomap.resolve import Resolution, decide, rank_found

    names = [normalize(m.text) for m in mentions]
    senses = list(names)  # what one sense per discourse groups by
    cache: dict[tuple[str, bool], list[Found]] = {}
    keys = [(name, m.label == "NORP") for m, name in zip(mentions, names)]
    for m, key in zip(mentions, keys):
        if key not in cache:
            cache[key] = lookup(m.text, store, label=m.label)
    found = [cache[key] for key in keys]
    for i, m in enumerate(mentions):
        divisions = _enumerated_divisions(m, text, store)
        site = [Found(c, "", "S", 1.0) for c in site_named(m.text, text[m.end:m.end + 20], store)] \
            if not divisions else []
        if divisions:
            found[i] = divisions
        elif site:  # "Rockets hit Ain al-Asad air base": the base, not a village of that name
            found[i], senses[i] = site, senses[i] + " (site)"
        elif _DIVISION_OF.search(text, max(m.start - 30, 0), m.start):  # "the western Mexican state of Michoacán"
            found[i] = [f if f.generic_class else replace(f, generic_class="A") for f in found[i]]
        elif _THE_BEFORE.search(text, max(m.start - 5, 0), m.start) and _RIVER_AFTER.match(text, m.end) \
                and not generic_class(m.text) and (
                river := _river_of(m.text, found[i], store)):
            found[i], senses[i] = river, senses[i] + " (river)"  # "shelling across the Dnipro": the river
        elif _TOWN_AFTER.match(text, m.end) and not generic_class(m.text):
            # "went off in Daraa city" after "In neighbouring Daraa province": the town, a sense of its own
            areas = {f.candidate.place.country_code for f in found[i] if f.candidate.place.feature_class == "A"
                     and not f.candidate.place.is_country}  # "the northern Kosovo town": a town in Kosovo
            towns = [replace(f, generic_class="P") for f in found[i] if f.candidate.place.feature_class == "P"]
            if any(f.candidate.place.country_code in areas for f in towns):
                # a division and its namesake town: the town, a sense of its own (though still not its own context)
                found[i], senses[i] = towns, senses[i] + " (town)"
    parents, children = _parent_links(mentions, text, found, store)

    def run(evidence: _Evidence | None) -> list:
        results, memo = [], {}
        for i, m in enumerate(mentions):
            key = (senses[i], m.label, id(parents.get(i)), id(children.get(i)), m.text.isupper())
            if key not in memo:
                ps, cs = parents.get(i, ()), children.get(i, ())
                context = evidence.context_without(names[i], ps, cs) if evidence else Context(parents=ps, children=cs)
                ranked = rank_found(found[i], label=m.label, context=context, bias=bias, written=m.text)
                place, confidence = decide(ranked)
                memo[key] = Resolution(place, confidence, tuple(ranked[:10]))
            results.append(memo[key])
        return results

    candidate_admin1 = {}
    for name, items in zip(names, found):
        if name not in candidate_admin1:
            candidate_admin1[name] = {(f.candidate.place.country_code, f.candidate.place.admin1_code) for f in items
                                      if f.candidate.place.admin1_code and f.candidate.place.country_code}
    results = run(None)
    earlier: list = []
    for _ in range(passes):
        evidence = _Evidence(store)
        evidence.candidate_admin1 = _narrowed(names, results, candidate_admin1)
        # the last two passes' readings both count: two names that each read the other into a foreign country
        # ("Houthi" read as an Indian town and "Hodeidah" then doubted) would otherwise swap every pass
        for name, res in [*zip(names, results), *zip(names, earlier)]:
            if res.place is not None:
                evidence.add(name, res.place, res.confidence)
        earlier, results = results, run(evidence)
    results = corrected_mentions(mentions, text, _one_sense(senses, results))
    results, found = _distant_quarters(mentions, text, results, found)
    return _foreign_hamlets(_inside_what_contains(mentions, text, _approximate_unknown(mentions, found, parents,
                                                                                       results)), mentions, text)


# a word that makes the next name a neighbourhood of the text's town: "colonia Las Cumbres", "barrio San Juan"
# (not "a neighbourhood of Kadugli": that names the town)
_QUARTER_BEFORE = re.compile(r"\b(?:colonias?|col\.|barrios?|bairro|fraccionamiento|favelas?|comuna)\s+$",
                             re.IGNORECASE)
QUARTER_REACH_KM = 50
# … and one that makes it a street, whatever town shares its name: "at the corner of Hipólito Yrigoyen"
_STREET_BEFORE = re.compile(r"\b(?:corner of|intersection of)\s+$", re.IGNORECASE)  # (not "the railway
# junction of Kupiansk")


def _distant_quarters(mentions: Sequence, text: str, results: list, found: list) -> tuple[list, list]:
    """ "Heavy gunfire in colonia Las Cumbres" in a story of Reynosa: a name the text calls a neighbourhood is
    in the text's own town, so a namesake town far from every other place the text names (Las Cumbres,
    Panama) is the gazetteer lacking the quarter; a name at "the corner of" is a street. Such a name is treated
    as unknown (it stands in near its parent or the text's focus)."""
    from geomap.geo import distance_km
    from geomap.resolve import Resolution

    named = {m.text for m in mentions if _QUARTER_BEFORE.search(text, max(m.start - 30, 0), m.start)}
    streets = {m.text for m in mentions if _STREET_BEFORE.search(text, max(m.start - 30, 0), m.start)}
    quarters = {i for i, m in enumerate(mentions) if m.text in named | streets and results[i].place is not None}
    if not quarters:
        return results, found
    others = [res.place for i, res in enumerate(results)
              if i not in quarters and res.place is not None and res.basis == "gazetteer"]
    results, found = list(results), list(found)
    for i in quarters:
        place = results[i].place
        if mentions[i].text in streets or others and not any(
                distance_km(place.lat, place.lon, o.lat, o.lon) <= QUARTER_REACH_KM for o in others):
            results[i], found[i] = Resolution(None, 0.0, results[i].ranked, results[i].basis), []
    return results, found


HAMLET = 5000  # a place this small, alone in its country in a text about another, is a misreading
FOCUSED = 3  # distinct places of one country that make a text about it


def _foreign_hamlets(results: list, mentions: Sequence = (), text: str = "") -> list:
    """ "members of Los Lobos were arrested" in a story of Ecuadorian towns: hamlets of a country the text shows in
    no other way (Los Lobos and El Recreo, Mexico, 645 and 831 people) are names the gazetteer lacks in the text's
    own country (a gang's, a neighbourhood's here), not trips abroad; so is a town of any size written after
    "the" ("blocked traffic on the Alameda" in a story of Santiago: an avenue, not Alameda, California). Left
    unresolved."""
    from geomap.resolve import Resolution

    places: dict[str, set[str]] = defaultdict(set)  # the distinct places resolved in each country
    for res in results:
        if res.place is not None and res.place.country_code and res.basis == "gazetteer":
            places[res.place.country_code].add(res.place.gazetteer_id)
    countries = {code: len(ids) for code, ids in places.items()}
    if not countries:
        return results
    main, count = max(countries.items(), key=lambda item: item[1])
    if count < FOCUSED:
        return results
    # a country the text shows only through hamlets (no town of size, not the country itself nor a division)
    definite = {i for i, m in enumerate(mentions) if _THE_BEFORE.search(text, max(m.start - 5, 0), m.start)
                and not text.startswith(" of ", m.end)}  # (not "the Nice of Russia": Nice itself, as a figure)
    hamlets_only = {code for code in countries if code != main and all(
        res.place.feature_class == "P" and (res.place.population < HAMLET or i in definite)
        for i, res in enumerate(results)
        if res.place is not None and res.place.country_code == code and res.basis == "gazetteer")}
    return [Resolution(None, 0.0, res.ranked, res.basis)
            if res.place is not None and res.basis == "gazetteer" and res.place.country_code in hamlets_only
            else res for res in results]


_IN_BETWEEN = re.compile(r"^\s*(?:,?\s+in|\s+(?:district|upazila|county|province|region|state|governorate|prefecture|"
                         r"municipality|commune|department|woreda|tehsil|zone|lga|area|township)\s+(?:of|in)"
                         r"|,\s+(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central))\s+$",
                         re.IGNORECASE)  # "Turbat, in Kech", "Ruma upazila of Bandarban", "Banjska, northern Kosovo"
# how far from the point of what contains it a place "in" it may lie ("Téra, in Tillabéri" is the region, 170 km
# from its namesake town): the rule is for the gross misreadings, a namesake on another continent
CONTAINER_REACH_KM = 400


def _inside_what_contains(mentions: Sequence, text: str, results: list) -> list:
    """ "Lido beach in Mogadishu": X said to be in town or area Y lies there, not in New York. X takes its best
    candidate in Y's country near it, or, when none is (a beach, a quarter the gazetteer lacks), stands in near Y
    like an unknown name. Only a container resolved as surely as the place it holds is trusted ("Turbat in Kech
    district" with Kech misread as a German town is left alone)."""
    from geomap.geo import distance_km
    from geomap.resolve import Resolution

    out = list(results)
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    for a, b in zip(order, order[1:]):
        inner, outer = results[a], results[b]
        if inner.place is None or outer.place is None or inner.basis != "gazetteer" or outer.basis != "gazetteer" \
                or inner.place.feature_class != "P" or outer.confidence < inner.confidence \
                or not _IN_BETWEEN.match(text[mentions[a].end:mentions[b].start]):
            continue

        def inside(place: Place) -> bool:  # loosely: division codes and points disagree across sources, and a
            # division is as large as Amazonas
            return place.country_code == outer.place.country_code and (_is_area(outer.place) or distance_km(
                place.lat, place.lon, outer.place.lat, outer.place.lon) <= CONTAINER_REACH_KM)

        if inside(inner.place):
            continue
        fitting = next((s for s in inner.ranked if s.place.feature_class == "P" and inside(s.place)), None)
        moved = Resolution(fitting.place, inner.confidence, inner.ranked) if fitting is not None \
            else Resolution(outer.place, APPROXIMATE_CONFIDENCE, (), "parent")
        for k, mention in enumerate(mentions):  # "… in Ruma upazila of Bandarban … 30 km south of Ruma": one sense
            if mention.text == mentions[a].text and results[k].place == inner.place:
                out[k] = moved
    return out


APPROXIMATE_CONFIDENCE = 0.1  # a stand-in location, not a resolution
_NOT_PLACES = frozenset({"NORP", "PERSON", "ORG"})


def _approximate_unknown(mentions: Sequence, found: list[list[Found]], parents: dict, results: list) -> list:
    """A name the gazetteer does not know at all (a village under 500 people, a neighbourhood, a creek) is most
    likely near what its "X, Y" parent names, else near the document's focus: the place the text names most,
    preferring towns to areas (local news names its own town again and again). It gets that place with basis
    "parent"/"focus" and a low confidence, so a map can draw it as approximate and incidents ignore it.
    A name whose candidates all failed ("none of these") stays unresolved: it is known and did not fit."""
    from geomap.resolve import Resolution

    weight: dict[str, float] = defaultdict(float)
    first: dict[str, tuple[int, Place]] = {}
    for i, res in enumerate(results):
        if res.place is not None and res.basis == "gazetteer":
            gid = res.place.gazetteer_id
            weight[gid] += 1.0 if not _is_area(res.place) else 0.01
            first.setdefault(gid, (i, res.place))
    focus = max(first, key=lambda gid: (weight[gid], -first[gid][0]), default=None)
    out = list(results)
    for i, (mention, res) in enumerate(zip(mentions, results)):
        if res.place is not None or found[i] or mention.label in _NOT_PLACES:
            continue
        areas = parents.get(i, ())  # what Y in "X, Y" may be: the one the text resolved it to, else the first
        parent = next((p for p in areas if p.gazetteer_id in first), areas[0] if areas else None)
        if parent is not None:
            out[i] = Resolution(parent, APPROXIMATE_CONFIDENCE, (), "parent")
        elif focus is not None:
            out[i] = Resolution(first[focus][1], APPROXIMATE_CONFIDENCE, (), "focus")
    return out


def _narrowed(names: list[str], results: list, candidate_admin1: dict) -> dict:
    """A name resolved confidently no longer "could be" in every division its namesakes lie in: only its own
    place's division counts for co-occurrence (Washington the capital does not vote for a Missouri town)."""
    narrowed = dict(candidate_admin1)
    for name, res in zip(names, results):
        if res.place is not None and res.confidence >= CONFIDENT:
            place = res.place
            narrowed[name] = {(place.country_code, place.admin1_code)} if place.admin1_code and place.country_code \
                else set()
    return narrowed


def _enumerated_divisions(mention, text: str, store: GazetteerStore) -> list[Found]:
    """A bare name in "Cooke, Grayson and Love counties", or one the text also writes as "<name> County", means
    the county: its candidates are the divisions "<name> County" (other namesakes are dropped)."""
    if normalize(mention.text).endswith(("county", "parish", "borough")) or not mention.text[:1].isupper():
        return []
    match = _DIVISION_TAIL.match(text[mention.end:mention.end + 120])
    if match is not None:
        word = _DIVISION_WORD[(match.group(1) or match.group(2)).lower()]
    else:  # "Platte County ... Platte": the text names the division in full elsewhere
        named = re.search(rf"\b{re.escape(mention.text)}\s+(County|Parish)\b", text)
        if named is None:
            return []
        counties = [f for f in lookup(f"{mention.text} {named.group(1)}", store) if f.variant == ""
                    and f.candidate.place.feature_class == "A" and not f.candidate.place.is_country]
        # "Los Angeles County ... Los Angeles": a town of that name in the county's state is what the bare name is
        states = {(f.candidate.place.country_code, f.candidate.place.admin1_code) for f in counties}
        towns = [c for c in store.candidates(mention.text, limit=60) if c.place.feature_class == "P"
                 and (c.place.country_code, c.place.admin1_code) in states]
        return [] if towns else counties
    found = lookup(f"{mention.text} {word}", store)
    return [f for f in found if f.variant == "" and f.candidate.place.feature_class == "A"
            and not f.candidate.place.is_country]


def _one_sense(names: list[str], results: list) -> list:
    """One sense per discourse: a name repeated in a document means its most confidently resolved place."""
    best: dict[str, object] = {}
    for name, res in zip(names, results):
        kept = best.get(name)
        if res.place is not None and (kept is None or res.confidence > kept.confidence):
            best[name] = res
    return [best.get(name, res) if res.place is not None else res for name, res in zip(names, results)]
