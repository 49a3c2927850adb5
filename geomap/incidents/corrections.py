"""What a correction note at the foot of a story retells ("CORRECTION: … said the grenade attack took place in
Qardho. The attack was in Bosaso.") is no new event: the body told it, and the resolver has already moved the
body's mentions to the place the note puts right (``geomap.resolution.corrections``)."""
from __future__ import annotations

from spacy.tokens import Doc

from geomap.models import Incident
from geomap.resolution.corrections import correction_notes


def without_notes(incidents: list[Incident], doc: Doc) -> list[Incident]:
    """The incidents less those told inside a correction note."""
    notes = correction_notes(doc.text)
    return [i for i in incidents if not any(start <= i.start < end for start, end in notes)]
