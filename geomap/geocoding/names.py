"""The one name normalisation used to index the gazetteer and to look names up in it.

Indexing and lookup must agree byte for byte, so every module calls ``normalize`` and nothing else.

Abbreviations: dots and other punctuation become spaces, so "U.S." → "u s" and "US" → "us". The gazetteer
indexes each abbreviation under both spellings (dotted and undotted), and keeps the spelling as written in
``Candidate.matched_name`` so a caller can insist on the original case ("US" the country, not "us" the pronoun).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# apostrophes (and what anyascii turns modifier letters into) vanish: "Kyiv's"→"kyivs", "Ma'rib"→"marib"
_APOSTROPHES = str.maketrans("", "", "'`\u2019\u2018\u02bc\u02bb\u00b4")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """Fold a place name to its index key: ASCII, casefolded, punctuation → single spaces, no leading "the"."""
    if not name.isascii():
        name = anyascii(unicodedata.normalize("NFKC", name))
    text = _NON_ALNUM.sub(" ", name.casefold().translate(_APOSTROPHES)).strip()
    while text.startswith("the "):
        text = text[4:]
    return text


# romanisation variants that differ between sources: Kostiantynivka/Kostyantynivka, Novokuibyshevsk/Novokuybyshevsk,
# Ain Issa/Ayn Isa, Deir/Dayr, Amadiya/Amadiyah, Tal/Tall (order matters: digraphs before single letters)
_DIGRAPHS = (("kh", "h"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("ts", "c"), ("tz", "c"), ("dh", "d"), ("th", "t"),
             ("gh", "g"), ("ph", "p"), ("ck", "k"), ("q", "k"), ("w", "v"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
             ("y", "i"), ("ei", "ai"))
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash)\s+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_DOUBLE = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=1 << 16)
def skeleton(key: str) -> str:
    """A looser key for a normalised name: Arabic article dropped, romanisation digraphs and doubled letters
    folded. Indexed beside the exact key as a "transliteration"; lookups add what it finds to the exact matches."""
    text = _ARTICLE.sub("", key)
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    # word breaks vary too: Pétion-Ville/Pétionville, Dan Sadau/Dansadau; Kyaukphyu/Kyaukpyu ("ph" above)
    return _DOUBLE.sub(r"\1", _FINAL_H.sub("", text)).replace(" ", "")


def fused_skeleton(key: str) -> str | None:
    """ "El Wak" is also written "Elwak", "Al Qaim" "Alqaim": the looser key with the Arabic article joined to the
    name (None when the name has no "al"/"el": joined, "as", "at", "an" make ordinary words of names)."""
    return skeleton(key.replace(" ", "", 1)) if key.startswith(("al ", "el ")) else None


def is_latin(name: str) -> bool:
    """True when every letter is Latin script (diacritics allowed): such names can appear in English text."""
    if name.isascii():
        return True
    for char in name:
        if char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True
