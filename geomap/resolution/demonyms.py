"""Fallbacks for names the store does not index: demonyms by English suffix rules, AP state abbreviations.

Used only when the store has no candidate at all. Demonyms ("Kenyans", "Israeli", "Sri Lankan",
"Minnesotans") are turned back into place names by the regular English suffix patterns and accepted only when
that name is a country or first-level division in the store. AP style ("Calif.", "W.Va.") is how US papers
write states after a town; the store's own abbreviation index takes precedence when it has them.
"""
from __future__ import annotations

from geomap.geocoding.store import GazetteerStore
from geomap.models import Candidate

# (suffix of the demonym, replacement) → tried in order on the singular form
_SUFFIX_RULES = (
    ("ian", "ia"), ("ian", "e"), ("ian", ""), ("ian", "y"), ("can", "co"), ("an", "a"), ("an", ""),
    ("i", ""), ("ese", ""), ("ese", "a"), ("ese", "on"), ("ish", "and"), ("ish", ""), ("ean", "ea"), ("er", ""),
)
AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "D.C.": "DC", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS",
    "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ",
    "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA",
    "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA",
    "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
}
_AP_BY_KEY = {key.replace(".", ""): code for key, code in AP_STATES.items()}


def ap_state(name: str, store: GazetteerStore) -> list[Candidate]:
    """"W.Va." / "W.Va" → West Virginia (case as written; "va" or "VA" do not count here)."""
    code = _AP_BY_KEY.get(name.strip().replace(".", "").replace(" ", ""))
    if code is None or not any(c == "." for c in name) and len(name) <= 3:
        return []
    place = store.admin1("US", code)
    return [Candidate(place=place, matched_name=name, match="abbreviation")] if place is not None else []


def demonym_places(name: str, store: GazetteerStore) -> list[Candidate]:
    """Countries/first-level divisions a demonym stands for ("Kenyans" → Kenya), most likely first."""
    word = name.strip()
    if not word[:1].isupper() or len(word) < 4 or not word.replace(" ", "").isalpha():
        return []
    singular = word[:-1] if word.endswith(("ns", "is", "rs")) else word
    seen: set[str] = set()
    found: list[Candidate] = []
    if singular != word:  # "Americans": the store may index the singular demonym itself
        found = [c for c in store.candidates(singular, limit=5) if c.match == "demonym"]
        if found:
            return found
    for suffix, replacement in _SUFFIX_RULES:
        if not singular.endswith(suffix) or len(singular) - len(suffix) < 3:
            continue
        guess = singular[: len(singular) - len(suffix)] + replacement
        for cand in store.candidates(guess, limit=5):
            place = cand.place
            if (place.is_country or place.feature_code == "ADM1") and place.gazetteer_id not in seen \
                    and cand.match in ("name", "alternate", "ascii", "abbreviation"):
                seen.add(place.gazetteer_id)
                found.append(Candidate(place=place, matched_name=guess, match="demonym"))
    return sorted(found, key=lambda c: not c.place.is_country)  # stable: rule order within each kind
