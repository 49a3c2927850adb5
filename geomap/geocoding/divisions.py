"""First-level divisions in the default build: countrystatecity divisions under GeoNames admin1 codes.

Display names come from ``gazetteer/admin1.csv`` where countrystatecity's differ from English usage; each
division is also indexed as "<name> Province/Region/Oblast/…" so "Donetsk region" finds the oblast.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geomap.geocoding import sources
from geomap.geocoding.names import is_latin, normalize
from geomap.geocoding.writer import StoreWriter

if TYPE_CHECKING:
    from geomap.geocoding.build import BuildIndex


def add_divisions(
    writer: StoreWriter, index: "BuildIndex", states: list[sources.State], join: Any, fixes: list[Any]
) -> dict[str, int]:
    """One place per countrystatecity division (ADM1 when joined to a GeoNames admin1 code, else ADMD), plus the
    curated divisions countrystatecity lacks. Display names come from admin1.csv where it gives one."""
    us_states = {rec["code"]: rec for rec in sources.gnc_us_states().values()}
    display = {(f.cc, f.code): f.name for f in fixes if f.name}
    extra_aliases = {(f.cc, f.code): f.aliases for f in fixes}
    counts = {"ADM1": 0, "ADMD": 0, "curated": 0}
    for state in sorted(states, key=lambda s: s.id):
        code = join.owner.get(state.id)
        fcode = "ADM1" if code else "ADMD"
        gid = f"csc:state:{state.id}"
        if state.cc == "US" and state.code in us_states:
            gid = f"geonames:{us_states[state.code]['geonameid']}"
        name = display.get(code) or state.name if code else state.name
        place_id = writer.add_place(
            gid, name, state.lat, state.lon, "A", fcode, cc=state.cc, admin1_code=code[1] if code else None,
            admin1=name, population=join.population.get(code, 0) if code else 0, source="countrystatecity",
        )
        names = [(name, "name"), (state.name, "alternate")]
        if state.native and is_latin(state.native):
            names.append((state.native, "alternate"))
        names += [(alias, "alternate") for alias in extra_aliases.get(code, ())]
        names += [(alias, "alternate") for base in {name, state.name} for alias in division_aliases(base, state)]
        writer.add_names(place_id, names)
        counts[fcode] += 1
        index.gid[gid] = place_id
        if state.iso3166_2:
            index.division[state.iso3166_2.upper()] = place_id
        if code:
            index.division_by_code[code] = place_id
            if state.iso3166_2:
                index.division_code[state.iso3166_2.upper()] = code
            index.divisions.append((place_id, code[0], code[1], {normalize(name), normalize(state.name)},
                                    join.population.get(code, 0)))
    for code, state in join.by_code.items():
        index.division_name[code] = display.get(code) or state.name
    for fix in fixes:
        if fix.division or not fix.point:
            continue
        code = (fix.cc, fix.code)
        gid = f"curated:division:{fix.cc.lower()}-{fix.code.lower()}"
        place_id = writer.add_place(
            gid, fix.name, fix.point[0], fix.point[1], "A", "ADM1", cc=fix.cc, admin1_code=fix.code, admin1=fix.name,
            population=join.population.get(code, 0), source="curated:admin1.csv",
        )
        writer.add_names(place_id, [(fix.name, "name")] + [(alias, "alternate") for alias in fix.aliases])
        index.gid[gid] = place_id
        index.division_by_code[code] = place_id
        index.division_name[code] = fix.name
        index.division_code[f"{fix.cc}-{fix.code}"] = code
        counts["curated"] += 1
    return counts


# the words a division's type adds to its name in English text ("Donetsk Oblast", "Idlib Governorate")
_TYPE_WORDS = {
    "oblast": ("Oblast",), "administrative region": ("Oblast",), "governorate": ("Governorate",),
    "state": ("State",), "administrative territory": ("Krai", "Territory"), "republic": ("Republic",),
    "autonomous district": ("Autonomous Okrug",), "county": ("County",), "district": ("District",),
    "prefecture": ("Prefecture",), "department": ("Department",), "division": ("Division",),
}
# type words a division's own name may end in, and words that name no division alone ("Eastern Region"; nor a
# word under four letters: "Mon State" is no "Mon")
_TYPE_NAMES = {"State", "Province", "Region", "County", "Oblast", "Governorate", "Department", "Prefecture", "District"}
_NOT_ALONE = {"eastern", "western", "northern", "southern", "north", "south", "east", "west", "central", "port",
              "free", "mountain", "capital", "upper", "lower", "greater"}
_OBLAST_COUNTRIES = {"UA", "RU", "BY", "KZ", "KG", "TJ", "BG"}
_GOVERNORATE_COUNTRIES = {"SY", "IQ", "YE", "EG", "JO", "LB", "PS", "KW", "BH", "OM", "TN", "LY"}


def division_aliases(name: str, state: sources.State) -> list[str]:
    """"<name> Province/Region/<type word>" spellings for a division, from its countrystatecity type and country."""
    kind = (state.kind or "").lower()
    words = ["Province", "Region", *_TYPE_WORDS.get(kind, ())]
    if state.cc in _OBLAST_COUNTRIES:
        words.append("Oblast")
    if state.cc in _GOVERNORATE_COUNTRIES:
        words.append("Governorate")
    lowered = name.lower()
    spelt = [f"{name} {word}" for word in dict.fromkeys(words) if not lowered.endswith(word.lower())]
    *bare, last = name.split()
    if bare and last in _TYPE_NAMES and not (len(bare) == 1 and (bare[0].lower() in _NOT_ALONE or len(bare[0]) < 4)):
        spelt.append(" ".join(bare))  # "Jonglei State" is "Jonglei" in the news, as "Kunduz Province" is "Kunduz"
    return spelt


def rank_divisions_below_namesakes(writer: StoreWriter, index: "BuildIndex") -> int:
    """A division called like a city inside it ranks just below that city: "Donetsk" means the city first.

    News writes "Donetsk region" for the oblast and "Donetsk" for the city; GeoNames names the oblast
    "Donetsk Oblast" for the same reason. The division stays a candidate for the bare name.
    """
    writer.flush()
    updates: list[tuple[int, int]] = []
    for place_id, cc, code, keys, population in index.divisions:
        namesake = max((index.cities.get((f"{cc}.{code}", key), (0, 0, 0, 0))[3] for key in keys), default=0)
        if namesake and population >= namesake:
            updates.append((max(0, namesake - 1), place_id))
    writer.conn.executemany("UPDATE places SET prominence = ? WHERE id = ?", updates)
    return len(updates)
