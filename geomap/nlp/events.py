"""Event triggers: spaCy Matcher patterns over lemmas, typed into the ACLED taxonomy by their syntactic context.

A trigger is a word (or short phrase) that names an event: "airstrike", "shelled", "clashes", "abducted".
Its ACLED type comes from the trigger and the words the parse attaches to it (weapon, attacker, target), so
"drone attack" and "attack on a church" type differently. Uses that are not events at all ("riot police",
"offensive operations", "went on strike" as a bombing) are left out here.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from geomap.nlp.event_types import refine
from geomap.nlp.event_use import is_event_use

log = logging.getLogger("geomap.nlp.events")

def _lem(words: list[str]) -> dict:
    """A token whose lemma is one of ``words`` in any usual casing (lemma_of lower-cases it).

    Built-in attributes are matched in Cython; a custom ``Token._`` getter cost a Python call per token per pattern.
    """
    # "Shells crashed into …": a capitalised plural the tagger takes for a name keeps itself as its lemma
    plurals = {w.capitalize() + ("es" if w.endswith(("s", "sh", "ch", "x")) else "s") for w in words if w.isalpha()}
    variants = sorted({form for w in words for form in (w, w.capitalize(), w.upper())} | plurals)
    return {"LEMMA": {"IN": variants}}


def _one(kind: str, lemmas: list[str], pos: list[str] | None = None) -> tuple[str, list[list[dict]]]:
    token = _lem(lemmas)
    if pos:
        token["POS"] = {"IN": pos}
    return kind, [[token]]


def _seq(kind: str, *phrases: str) -> tuple[str, list[list[dict]]]:
    """Multi-word triggers; each word matches the lemma or the lower-cased form."""
    return kind, [[{"LOWER": w} for w in p.split()] for p in phrases] + [[_lem([w]) for w in p.split()] for p in phrases]


_NOUN, _VERB = ["NOUN", "PROPN"], ["VERB"]
# what crowds throw, in the plural: one bottle thrown is no riot
MISSILES = ("stones", "rocks", "bricks", "bottles", "missiles", "cocktails", "firebombs", "fireworks")  # British police
# say "threw missiles at officers"; "threw Molotov cocktails at Carabineros"
PATTERNS: list[tuple[str, list[list[dict]]]] = [
    _one("air", ["airstrike", "air-strike", "airstrikes", "airraid", "warplane"]),
    _seq("air", "air strike", "air raid", "drone strike", "drone attack", "aerial bombardment", "bombing raid",
         "air attack", "helicopter attack", "kamikaze drone", "drone hit", "air interdiction"),
    # "an armed group dropped explosives from drones on houses", "helicopters dropped barrel bombs": from the air
    ("air", [[dict(_lem(["drop"]), POS="VERB"), {"OP": "?", "IS_ALPHA": True}, {"OP": "?", "IS_ALPHA": True},
              _lem(["explosive", "bomb", "grenade", "munition", "ordnance"])]]),
    _one("shelling", ["shell", "shelling", "bombard", "bombardment", "barrage", "artillery", "mortar"]),
    _seq("shelling", "missile strike", "missile attack", "rocket attack", "rocket fire", "artillery fire",
         "mortar fire", "rocket strike", "ballistic missile", "cruise missile"),
    _one("ied", ["ied", "landmine", "roadside"]),
    _seq("ied", "car bomb", "explosive device", "improvised explosive", "truck bomb", "parcel bomb",
         "booby trap", "letter bomb", "land mine", "car bombing"),
    # "stepped on an anti-personnel mine", "killed by an anti-tank mine": a mine by its kind or by who set it off
    ("ied", [[{"LOWER": {"IN": ["personnel", "tank", "antipersonnel", "antitank", "anti-personnel", "anti-tank"]}},
              _lem(["mine"])],
             [_lem(["step", "tread", "run", "drive"]), {"LOWER": {"IN": ["on", "onto", "over", "into"]}},
              {"OP": "?", "IS_ALPHA": True}, {"OP": "?", "IS_ALPHA": True}, _lem(["mine"])]]),
    _one("bombing", ["bomb", "bombing", "explosion", "explode", "blast", "detonate", "detonation"]),
    _seq("bombing", "blow up", "blew up", "blown up"),
    _one("suicide", ["suicide"]),
    _seq("suicide", "blew himself up", "blew herself up", "blew themselves up", "blow himself up",
         "blow herself up", "explosive vest", "explosives vest", "explosive belt"),
    _one("grenade", ["grenade"]),
    _seq("chemical", "chemical attack", "chemical weapon", "gas attack", "chlorine gas", "nerve agent"),
    _one("chemical", ["sarin"]),
    _one("strike", ["strike", "hit", "pound", "target"], _NOUN + _VERB),
    _one("weapon", ["drone", "missile", "rocket", "projectile", "shahed", "uav", "quadcopter", "drones", "missiles", "rockets"], _NOUN),
    _one("clash", ["clash", "fighting", "battle", "firefight", "gunfight", "skirmish", "ambush", "assault", "gunfire",
                   "offensive", "counteroffensive", "counter-offensive", "fight", "shootout", "gunbattle"]),
    _one("clash", ["encounter", "combat", "confrontation"], _NOUN),  # "a confrontation with the National Guard"
    _one("clash", ["engage"], _VERB),  # "officers engaged another group of bandits"
    # "their patrol came under sustained fire from dissidents": under fire is under attack
    ("attack", [[_lem(["come"]), {"LOWER": "under"}, {"OP": "?", "POS": "ADJ"}, {"LOWER": {"IN": ["fire", "gunfire"]}}]]),
    # "gunmen on a motorcycle fired on a police checkpoint": what was fired on types it (refine)
    ("attack", [[dict(_lem(["fire"]), POS="VERB"), {"LOWER": {"IN": ["on", "at", "upon"]}}],
                # "fired into a crowd", not "into the air"
                [dict(_lem(["fire"]), POS="VERB"), {"LOWER": "into"}, {"LOWER": {"IN": ["a", "an", "the"]}},
                 {"LOWER": {"NOT_IN": ["air", "sky"]}}],
                [dict(_lem(["fire"]), POS="VERB"), {"LOWER": "into"},
                 {"LOWER": {"NOT_IN": ["a", "an", "the", "air", "sky"]}}]]),
    # "troops fired small arms at army positions", "fired shots at a patrol": the same, with what was fired
    ("attack", [[dict(_lem(["fire"]), POS="VERB"), {"OP": "?", "POS": "ADJ"},
                 {"LOWER": {"IN": ["arms", "shots", "bullets", "rounds", "gunshots", "volleys"]}},
                 {"LOWER": {"IN": ["on", "at", "upon"]}}]]),
    # "exchanged heavy machine-gun and mortar fire"
    ("exchange", [[_lem(["exchange", "trade"])] + [{"OP": "?", "POS": {"IN": ["ADJ", "NOUN", "PROPN", "CCONJ", "PUNCT",
                                                                              "NUM"]}}] * 7
                  + [{"LOWER": {"IN": ["fire", "gunfire"]}}]]),
    _seq("clash", "running battle", "running battles", "exchange fire", "exchange of fire", "gun battle", "trade fire", "traded fire", "trading fire",
         "exchange of gunfire", "exchanged gunfire"),
    _one("raid", ["raid"], _NOUN + _VERB),
    _one("capture", ["capture", "seize", "overrun", "overran", "overtake", "overtook", "occupy"], _VERB + _NOUN),
    _one("capture", ["enter", "control"], _VERB),
    # "had taken full control of Khartoum International Airport"
    ("capture", [[_lem(["take", "seize", "gain", "assume", "wrest"]), {"POS": "ADJ"}, {"LOWER": "control"}]]),
    _seq("capture", "take control", "seize control", "take over", "walk into", "walked into", "move into",
         "moved into", "roll into", "rolled into", "sweep into", "swept into", "in control of", "in full control of",
         "storm into", "stormed into"),
    _one("recapture", ["recapture", "retake", "retook", "retaken", "regain", "liberate", "reclaim"], _VERB + _NOUN),
    ("recapture", [[{"TEXT": "liberation", "POS": "NOUN"}]]),  # "the liberation of Sudzha", not "Liberation Front"
    _seq("recapture", "reoccupy", "reoccupied", "reoccupies", "reoccupying"),  # the lemmatiser says "reoccupie"
    _seq("recapture", "take back", "took back", "taken back", "taking back", "win back", "won back"),
    _one("abduction", ["abduct", "abduction", "kidnap", "kidnapping", "kidnapped"]),
    _one("abduction", ["take", "seize", "grab", "snatch"], _VERB),
    # "was forced into a pickup truck by armed men", "bundled into a car"
    ("abduction", [[_lem(["force", "bundle", "drag", "shove"]),
                    {"POS": {"IN": ["DET", "NUM", "NOUN", "PROPN", "ADJ", "PRON"]}, "OP": "*"}, {"LOWER": "into"},
                    {"POS": {"IN": ["DET", "ADJ", "NUM", "PRON"]}, "OP": "*"}, {"POS": "NOUN", "OP": "?"},
                    {"LOWER": {"IN": ["car", "cars", "vehicle", "vehicles", "truck", "trucks", "van", "vans", "suv",
                                      "pickup", "jeep", "taxi", "minibus"]}}]]),
    _seq("abduction", "forced disappearance", "forcibly disappear", "take hostage", "forcibly disappeared",
         "carted away", "cart away", "carried off", "whisked away", "led away", "lead away", "leading away"),
    _one("bodies", ["body"], _NOUN),
    _one("beating", ["beat", "assault", "whip", "flog"], _VERB),
    _one("sexual", ["rape", "raped"]),
    _seq("sexual", "raped", "raping", "rapes", "sexual violence", "sexual assault", "sexually assault", "sexually assaulted"),
    _one("attack", ["attack", "assail", "storm"], _NOUN + _VERB),
    _one("killing", ["massacre", "execute", "execution", "behead", "assassinate", "assassination", "poison",
                     "poisoning", "murder", "lynch", "stab", "stabbing", "shooting", "torture", "arson",
                     "slaughter"]),
    _one("gunman", ["gunman", "gunmen", "assailant", "attacker"]),
    _seq("attack", "set upon", "hacked", "attacked with machetes"),
    _one("attack", ["shoot"], _VERB),  # "shot at least 20 civilians" (people shot only; see is_event_use)
    # "fired into the air to disperse residents": warning fire at a crowd
    _seq("protest", "warning shots", "fired into the air", "fired in the air", "fire into the air",
         "firing into the air", "shots into the air"),
    _seq("killing", "shoot dead", "shot dead", "gun down", "gunned down", "open fire", "beat to death",
         "beaten to death", "beat them to death", "beat him to death", "hacked to death", "burned alive"),
    # "beat two men to death", "hacked the villagers to death": the victims sit between verb and "to death"
    ("killing", [[_lem(["beat", "hack", "stab", "stone", "club", "burn", "lynch"]), {"OP": "?", "IS_ALPHA": True},
                  {"OP": "?", "IS_ALPHA": True}, {"OP": "?", "IS_ALPHA": True}, {"LOWER": "to"}, {"LOWER": "death"}]]),
    _one("kill", ["kill", "killing"]),
    _one("casualty", ["die", "wound", "injure", "dead", "injured", "wounded", "toll"]),
    _one("protest", ["protest", "protester", "protestor", "demonstration", "demonstrator", "rally", "sit-in",
                     "picket", "march", "walkout", "demonstrate", "vigil"]),
    _seq("protest", "sit - in", "sit - ins", "on strike", "general strike", "hunger strike", "to the streets",
         "shutter - down strike",
         "shutterdown strike", "wheel - jam strike"),
    # crowd-control weapons name a crowd being dispersed even when the text never says "protest"
    _seq("protest", "tear gas", "rubber bullet", "rubber bullets", "water cannon", "pepper spray", "stun grenade",
         "stun grenades"),
    # "residents blocked lanes of the highway with burning tyres": a road blockade is a protest
    ("protest", [[dict(_lem(["block", "barricade"]), POS="VERB"), {"OP": "?", "IS_ALPHA": True},
                  {"OP": "?", "IS_ALPHA": True}, {"OP": "?", "IS_ALPHA": True},
                  _lem(["road", "highway", "street", "lane", "motorway", "traffic", "junction", "intersection",
                        "roundabout", "expressway", "bridge", "boulevard", "avenue", "railway", "crossing"])]]),
    # "dozens gathered outside the governorate building to demand news of relatives": a gathering with a demand
    _one("protest", ["gather", "assemble", "converge"], _VERB),
    _one("riot", ["riot", "rioting", "rioter"]),
    # the British police's word for a riot: "serious disorder in Liverpool", "violent disorder outside the hotel"
    ("riot", [[{"LOWER": {"IN": ["serious", "violent", "widespread"]}}, {"LOWER": "disorder"}]]),
    # and a crowd's missiles told in the passive: "Bricks, bottles and flares were thrown"
    ("riot", [[{"LOWER": {"IN": list(MISSILES)}}, {"OP": "?", "LOWER": ","}, {"OP": "?", "IS_ALPHA": True},
               {"OP": "?", "LOWER": {"IN": [",", "and"]}}, {"OP": "?", "IS_ALPHA": True},
               {"LOWER": {"IN": ["were", "was"]}}, {"LOWER": {"IN": ["thrown", "hurled"]}}]]),
    _one("mob", ["mob", "rampage"]),
    _seq("mob", "traded punches", "trade punches", "exchanged blows", "came to blows", "come to blows"),
    _seq("riot", "threw stones", "throw stones", "throwing stones", "hurled stones", "hurling stones", "pelting stones",
         "pelted stones", "stone pelting", "stone-pelting"),  # not "vigilante": vigilantes are as often the ones attacked ("killing three vigilantes")
    # "pelted the provincial government building with stones and bottles", "hurled rocks at police"
    ("riot", [[dict(_lem(["pelt", "hurl", "throw"]), POS="VERB")] + [{"OP": "?", "IS_ALPHA": True}] * 6
              + [{"LOWER": "with"}, {"OP": "?", "IS_ALPHA": True}, {"LOWER": {"IN": list(MISSILES)}}],
              [dict(_lem(["hurl", "throw"]), POS="VERB"), {"OP": "?", "IS_ALPHA": True},
               {"LOWER": {"IN": list(MISSILES)}}, {"LOWER": {"IN": ["at", "toward", "towards"]}}],
              # "threw bricks and bottles at a mosque and at police"
              [dict(_lem(["hurl", "throw"]), POS="VERB"), {"OP": "?", "IS_ALPHA": True},
               {"LOWER": {"IN": list(MISSILES)}}, {"LOWER": {"IN": ["and", "or", ","]}}, {"OP": "?", "IS_ALPHA": True},
               {"LOWER": {"IN": list(MISSILES)}}, {"LOWER": {"IN": ["at", "toward", "towards"]}}]]),
    _one("arrest", ["arrest", "detain", "detention", "apprehend"]),
    _seq("arrest", "round up", "into custody"),
    _one("agreement", ["agreement", "deal", "accord", "truce", "ceasefire", "armistice", "pact"], _NOUN),
    _one("agreement", ["exchange", "swap", "release"], _VERB),
    _seq("agreement", "prisoner exchange", "prisoner swap", "exchange prisoners", "swap prisoners",
         "exchange of prisoners"),
    _one("disrupted", ["intercept", "interception", "defuse", "deactivate", "foil", "thwart", "neutralise", "neutralize", "repel"]),
    _seq("disrupted", "shoot down", "shot down", "downed", "bring down", "brought down"),
    # "troops seized a cache of rifles", "police found two Kalashnikov rifles": arms taken before use (see event_use)
    _one("disrupted", ["seize", "confiscate", "recover", "find", "discover", "uncover", "secure", "locate"], _VERB),
    # a bomb squad's work: "safely detonated an IED found buried on a road", "a controlled explosion"
    _seq("disrupted", "safely detonated", "detonated safely", "safely detonate", "controlled explosion",
         "controlled detonation"),
    # "destroyed five uncrewed surface vessels", "sank two sea drones": weapons stopped before they struck
    ("disrupted", [[_lem(["destroy", "sink", "sank", "sunk"]), {"OP": "?", "LIKE_NUM": True},
                    {"OP": "*", "POS": {"IN": ["ADJ", "PROPN", "NUM"]}, "IS_ALPHA": True},
                    _lem(["uncrewed", "unmanned", "sea", "naval", "surface", "kamikaze"]),
                    {"OP": "?", "LOWER": {"IN": ["surface", "sea"]}},
                    _lem(["vessel", "boat", "drone", "usv", "craft"])]]),
    _one("looting", ["loot", "looting", "plunder", "ransack", "vandalise", "vandalize", "torch", "raze",
                     "demolish", "demolition", "vandalism", "uproot"]),
    _seq("looting", "set fire", "set on fire", "burn down", "set alight", "set light to", "set ablaze",
         "made off with", "make off with", "making off with"),  # "broke into a warehouse and made off with medicines"
    # "spent several hours breaking into shops, a pharmacy and a warehouse"
    ("looting", [[_lem(["break"]), {"LOWER": "into"}, {"OP": "*", "POS": {"IN": ["DET", "ADJ", "NUM"]}},
                  _lem(["shop", "store", "warehouse", "pharmacy", "bank", "market", "supermarket", "depot", "shopfront"])]]),
    _seq("clash", "laid siege", "lay siege", "laying siege"),  # not "have besieged El Fasher": a state
    _one("base", ["base", "headquarters", "outpost", "camp", "garrison"], _NOUN),
    _seq("base", "establish a base", "set up a base", "establish headquarters", "set up headquarters",
         "establish a military base", "open a base", "set up camp", "establish an outpost"),
    _seq("transfer", "hand over", "handover", "withdraw from", "pull out of"),
    # "withdrew its forces from Lashio", "handed the northern Shan State town back to the military"
    ("transfer", [[_lem(["withdraw", "pull"]), {"LOWER": {"IN": ["its", "their"]}},
                   _lem(["force", "troop", "fighter", "unit"]), {"LOWER": {"IN": ["from", "out"]}}],
                  [_lem(["hand"]), {"LOWER": {"IN": ["the", "it", "them"]}},
                   {"OP": "{0,4}", "POS": {"IN": ["ADJ", "PROPN", "NOUN"]}}, {"LOWER": {"IN": ["back", "over"]}}]]),
]


@dataclass
class Trigger:
    """A matched event word with its ACLED coding; ``head`` is the token the parse hangs it on."""

    kind: str
    span: Span
    head: Token
    event_type: str
    sub_event_type: str
    strength: int


def lead_of(triggers: list[Trigger]) -> Trigger:
    """The trigger that types an event: the strongest, the first of equals."""
    return max(triggers, key=lambda t: (t.strength, -t.head.i))


_MATCHERS: dict[tuple[int, bool], Matcher] = {}


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Single words that name events: a toponym spelled like one ("Drone" → Dronero) is taken for the event.
    Built once: every document's toponym index asks for it."""
    words: set[str] = set()
    for _, patterns in PATTERNS:
        for pattern in patterns:
            if len(pattern) == 1 and "LEMMA" in pattern[0] and isinstance(pattern[0]["LEMMA"], dict):
                words |= {w.lower() for w in pattern[0]["LEMMA"]["IN"]}
    return frozenset(words)



def _without_lemmas(pattern: list[dict]) -> list[dict] | None:
    """A pattern for docs with no lemmas (no statistical model): lower-cased text stands in for the lemma,
    and part-of-speech constraints, which such docs cannot meet, drop the pattern."""
    tokens = []
    for token in pattern:
        if "POS" in token or "TAG" in token or "DEP" in token:
            return None
        token = dict(token)
        lemma = token.pop("LEMMA", None)
        if isinstance(lemma, dict):
            token["LOWER"] = {"IN": sorted({w.lower() for w in lemma["IN"]})}
        tokens.append(token)
    return tokens


def _matcher(doc: Doc) -> Matcher:
    lemmatised = doc.has_annotation("LEMMA")
    key = (id(doc.vocab), lemmatised)
    if key not in _MATCHERS:
        matcher = Matcher(doc.vocab)
        for kind, patterns in PATTERNS:
            if not lemmatised:
                patterns = [p for p in map(_without_lemmas, patterns) if p is not None]
            if patterns:
                matcher.add(kind, patterns)
        _MATCHERS[key] = matcher
    return _MATCHERS[key]


def find_triggers(doc: Doc | Span) -> list[Trigger]:
    """Every event trigger in ``doc`` (or a sentence), typed, one per head token, in text order.

    Whether the text reports the event as real (not negated, threatened or counted) is decided by
    ``geomap.incidents.filters``.
    """
    span = doc if isinstance(doc, Span) else doc[:]
    matches = _matcher(span.doc)(span, as_spans=True)
    by_head: dict[int, Trigger] = {}
    for match in matches:
        kind = span.doc.vocab.strings[match.label]
        head = match.root
        if not is_event_use(kind, match, head):
            continue
        event_type, sub, strength = refine(kind, match, head)
        trigger = Trigger(kind, match, head, event_type, sub, strength)
        known = by_head.get(head.i)
        if known is None or (strength, len(match)) > (known.strength, len(known.span)):
            by_head[head.i] = trigger
    # "exchanged heavy machine-gun and mortar fire": the weapons named inside an exchange of fire are that clash
    exchanges = [t.span for t in by_head.values() if t.kind == "exchange"]
    kept = [t for t in by_head.values() if t.kind == "exchange"
            or not any(span.start <= t.head.i < span.end for span in exchanges)]
    # "heavy fighting … with mortars and automatic weapons": the arms a battle was fought with are that battle
    battles = [b for t in kept if t.kind == "clash" for b in (t.head, t.head.head) if b.pos_ in ("VERB", "NOUN")]
    # and so are those it "involved": "clashes involving tanks, artillery and drones"
    kept = [t for t in kept if not (t.event_type == "Explosions/Remote violence" and any(
        ((a.lower_ == "with" and a.dep_ == "prep") or (a.lower_ in ("involving", "using") and a.dep_ in ("acl", "prep")))
        and b in a.ancestors for b in battles for a in list(t.head.ancestors)[:4]))]
    # "two explosions at an M23 rally killed 11": a rally that was bombed is the target, not the event
    blasts = {t.head.i for t in kept if t.event_type == "Explosions/Remote violence"}
    kept = [t for t in kept if not (t.event_type == "Protests" and t.head.dep_ == "pobj"
                                    and t.head.head.head.i in blasts)]
    return sorted(kept, key=lambda t: t.head.i)
