"""Correction notes at the foot of a wire story ("CORRECTION (March 6): An earlier version of this story said the
grenade attack took place in Qardho. The attack was in Bosaso."): the body still carries the wrong place and the
note puts it right, so the body's mentions of the wrong name take the place the note names."""
from __future__ import annotations

import re
from typing import Sequence

from geomap.geocoding.names import normalize

NOTE = re.compile(r"^[ \t]*(?:correction|clarification)s?\b.*$", re.IGNORECASE | re.MULTILINE)
_NAME = r"([A-Z][\w'\u2019-]+(?: (?:de |del |la |el |al-)?[A-Z][\w'\u2019-]+){0,3})"
_WHERE = r"(?:in|at) (?:the [\w ]+? of )?"  # "in the rural area of the municipality of Suárez"
# (group of the right name, group of the wrong one)
_PUT_RIGHT = [
    # "hit a fuel depot in El Obeid, not Kadugli as previously reported", "in Wadajir district, not Hodan district"
    (re.compile(rf"\b{_WHERE}{_NAME}(?: (?:district|province|state|county|municipality|town))?,? not (?:in )?{_NAME}"),
     1, 2),
    # "said the agreement was signed in La Paz. It was signed in Cochabamba."
    (re.compile(rf"\b(?:said|stated|reported|located)\b[^.\n]*?\b{_WHERE}{_NAME}[^.\n]*\.\s+"
                rf"(?:It|They|The [a-z]+(?: [a-z]+)?)\b[^.\n]*?\b{_WHERE}{_NAME}"), 2, 1),
    # "which we located in the municipality of Buenos Aires, actually took place in … Suárez"
    (re.compile(rf"\b{_WHERE}{_NAME}, actually (?:took place|happened|occurred) {_WHERE}{_NAME}"), 2, 1),
]


def correction_notes(text: str) -> list[tuple[int, int]]:
    """Where the correction notes are: a line opening with "Correction", and the line after a bare "Correction to
    Bulletin No. 36" heading."""
    found = []
    for match in NOTE.finditer(text):
        end = match.end()
        if len(match.group().split()) <= 6 and end < len(text):  # a heading: its note is the next line
            following = text.find("\n", end + 1)
            end = following if following >= 0 else len(text)
        found.append((match.start(), end))
    return found


def put_right(text: str) -> dict[str, tuple[str, int]]:
    """Wrong name → (right name, where the first note begins), both names normalised."""
    notes = correction_notes(text)
    moves = {}
    for start, end in notes:
        note = text[start:end]
        for pattern, right, wrong in _PUT_RIGHT:
            for match in pattern.finditer(note):
                moves[normalize(match.group(wrong))] = (normalize(match.group(right)), notes[0][0])
    return moves


def corrected_mentions(mentions: Sequence, text: str, results: list) -> list:
    """The resolutions with the body's mentions of a wrong name given the resolution of the right one in the note."""
    moves = put_right(text)
    if not moves:
        return results
    names = [normalize(m.text) for m in mentions]
    out = list(results)
    for i, mention in enumerate(mentions):
        move = moves.get(names[i])
        if move is None or mention.start >= move[1]:
            continue
        right = next((results[k] for k in range(len(mentions)) if names[k] == move[0] and mentions[k].start >= move[1]
                      and results[k].place is not None), None)
        if right is not None:
            out[i] = right
    return out
