"""Which ACLED type a trigger names in its context, and whether a use of the word is an event at all.

The trigger's own kind gives a default (KINDS); the words the parse attaches to it (weapon, attacker, target,
crowd) refine it: "drone attack" and "attack on a church" type differently, "riot police" and "went on strike"
are no events.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from geomap.nlp.nonviolence import CONFLICT_DEAL, natural_cause, sport

BATTLES, EXPLOSIONS, VAC = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
AIR, SHELLING, IED, SUICIDE, GRENADE, CHEMICAL = (
    "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
    "Grenade", "Chemical weapon")

# trigger kind → (event_type, sub_event_type, strength). Strength orders triggers merged into one event:
# the most specific wins; kinds with strength 0 only add detail (fatalities) and never stand alone.
KINDS: dict[str, tuple[str, str, int]] = {
    "air": (EXPLOSIONS, AIR, 6), "shelling": (EXPLOSIONS, SHELLING, 6), "ied": (EXPLOSIONS, IED, 6),
    "bombing": (EXPLOSIONS, IED, 5), "suicide": (EXPLOSIONS, SUICIDE, 8), "grenade": (EXPLOSIONS, GRENADE, 7),
    "chemical": (EXPLOSIONS, CHEMICAL, 8), "strike": (EXPLOSIONS, AIR, 4), "weapon": (EXPLOSIONS, SHELLING, 2),
    "clash": (BATTLES, "Armed clash", 5), "capture": (BATTLES, "Non-state actor overtakes territory", 6),
    "recapture": (BATTLES, "Government regains territory", 7),
    "abduction": (VAC, "Abduction/forced disappearance", 7), "sexual": (VAC, "Sexual violence", 7),
    "attack": (VAC, "Attack", 3), "killing": (VAC, "Attack", 5), "kill": (VAC, "Attack", 1),
    "gunman": (VAC, "Attack", 2),
    "protest": (PROTESTS, "Peaceful protest", 7), "riot": (RIOTS, "Violent demonstration", 7),
    "mob": (RIOTS, "Mob violence", 7), "arrest": (STRATEGIC, "Arrests", 6),
    "agreement": (STRATEGIC, "Agreement", 6), "disrupted": (STRATEGIC, "Disrupted weapons use", 9),
    "looting": (STRATEGIC, "Looting/property destruction", 6),
    "base": (STRATEGIC, "Headquarters or base established", 6),
    "transfer": (STRATEGIC, "Non-violent transfer of territory", 6),
    "raid": (BATTLES, "Armed clash", 3), "bodies": (VAC, "Attack", 4), "beating": (VAC, "Attack", 6),
    "exchange": (BATTLES, "Armed clash", 7),  # two sides firing: a clash whatever weapons they fired
    "casualty": ("", "", 0),
}


# people whose road block is a protest ("dozens of residents blocked the highway", "truckers blocked the bridge")
CROWD_PEOPLE = {"people", "worker", "driver", "farmer", "trader", "villager", "man", "woman", "activist", "teacher",
                "transporter", "trucker", "motorist", "family", "relative", "dozen", "hundred", "thousand", "vendor",
                "miner", "union", "supporter", "opponent", "member"}
# what protesters burn to make a point, not to do harm: ACLED codes these protests peaceful
SYMBOLIC_BURNING = {"tyre", "tire", "effigy", "flag", "poster", "portrait", "picture", "copy", "photograph", "photo"}
# the fights people die in: "killed in clashes", "shot dead in an encounter"
FIGHTS = {"encounter", "clash", "gunfight", "firefight", "shootout", "battle", "fighting", "exchange", "skirmish",
          "confrontation", "gunbattle"}
DEMANDS = {"demand", "protest", "denounce", "condemn", "call", "press", "oppose", "reject", "voice", "express",
           "decry", "urge", "demonstrate", "chant"}


def lemma_of(token: Token) -> str:
    lemma = (token.lemma_ or token.text).lower()
    if token.tag_ != "NNP" or token.ent_type_ or lemma != token.lower_:
        return lemma  # the common case, checked first: this runs for every token the rules look at
    opening = token.is_sent_start or (token.i > 0 and token.nbor(-1).text in ("-", "\u2014", ":", "\u2013"))
    if opening and lemma.endswith("s") and not lemma.endswith(("ss", "us", "is")) and lemma != "news" and len(lemma) > 3:
        # "Mobs, enraged by …, stormed": a plural noun opening the sentence that the tagger took for a name
        return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    return lemma


def _argument_lemmas(head: Token, deps: tuple[str, ...], through: tuple[str, ...] = ()) -> set[str]:
    """Lemmas of the whole phrases ``head`` takes under ``deps``; when ``head`` hangs on another verb by one of
    ``through`` ("residents seized two men and beat them"), that verb's arguments count too."""
    verbs = [head, head.head] if head.dep_ in through else [head]
    return {lemma_of(t) for verb in verbs for c in verb.children if c.dep_ in deps for t in c.subtree}



AIR_CUES = {"drone", "air", "airstrike", "aerial", "aircraft", "jet", "warplane", "helicopter", "plane", "bomber",
            "uav", "shahed", "kamikaze", "quadcopter", "air force", "fighter jet", "glide", "guided", "guide", "aerial bomb"}
SHELL_CUES = {"debris", "shrapnel", "missile", "rocket", "artillery", "shell", "shelling", "mortar", "ballistic", "cruise", "howitzer",
              "mlrs", "grad", "himars", "iskander", "katyusha", "tank", "projectile", "kinzhal", "barrage"}
IED_CUES = {"ied", "bomb", "explosive", "mine", "landmine", "roadside", "device", "booby", "car", "vehicle"}
CIVILIAN = {"civilian", "villager", "resident", "worshipper", "church", "mosque", "school", "market", "hospital",
            "farmer", "passenger", "bus", "student", "child", "woman", "family", "home", "house", "village",
            "camp", "people", "journalist", "teacher", "pilgrim", "shopper", "clinic", "congregation", "synagogue",
            "temple", "commander", "official", "politician", "activist", "general", "leader", "businessman",
            "aid", "humanitarian", "assistance", "relief", "driver"}  # "a convoy carrying food assistance"
MILITARY = {"troop", "soldier", "army", "base", "position", "checkpoint", "convoy", "military", "force", "unit",
            "outpost", "garrison", "barracks", "patrol", "post", "militant", "rebel", "fighter", "insurgent",
            "jihadist", "militia", "police", "policeman", "checkpost", "station"}
STATE = {"army", "troop", "soldier", "military", "force", "government", "police", "navy", "marine", "guard"}
NON_STATE = {"rebel", "militant", "insurgent", "jihadist", "militia", "fighter", "group", "guerrilla", "gunman",
             "bandit", "separatist", "faction"}
# what raiders carry off ("seized livestock"; seized arms are a disrupted weapons use, left to that rule)
LOOT = {"livestock", "cattle", "cow", "goat", "sheep", "camel", "herd", "goods", "food", "grain", "money", "cash",
        "motorcycle", "pickup", "phone", "property"}
# people shot, beyond PERSONS ("troops shooting three servicemen who had laid down their weapons")
SHOOTABLE = {"them", "him", "her", "serviceman", "policeman", "officer", "guard", "prisoner", "fighter", "militant",
             "protester", "demonstrator", "teenager", "youth"}
# what a government "engages" armed groups in, and who does it, when it is no fight
TALKS = {"talk", "dialogue", "negotiation", "discussion", "consultation", "mediation", "meeting"}
OFFICIALS = {"government", "governor", "official", "minister", "president", "leader", "mediator", "envoy"}
# armed men whose killing by others is a fight ("troops killed three gunmen who opened fire on them")
ARMED_MEN = {"gunman", "gunmen", "bandit", "guerrilla", "separatist", "terrorist", "kidnapper"}
# what a drone drops in an attack ("used a drone to drop explosives"), not leaflets or aid
MUNITIONS = {"explosive", "bomb", "grenade", "munition", "shell", "mortar", "round", "payload", "charge", "device"}
# what one withdraws from that is no territory
CONTESTS = {"election", "race", "contest", "talks", "deal", "agreement", "treaty", "competition", "tournament",
            "negotiation", "accord", "process", "vote", "poll", "ballot", "runoff"}
# armed groups named as criminals ("rival gangs fought inside the prison")
OUTLAWS = {"gang", "cartel", "dissident", "kidnapper", "terrorist", "attacker", "assailant", "gunmen", "hoodlum"}
PERSONS = {"man", "woman", "people", "person", "child", "boy", "girl", "suspect", "journalist", "official",
           "soldier", "civilian", "hostage", "worker", "student", "villager", "resident", "passenger", "member",
           "traveller", "traveler", "commuter", "motorist", "driver", "farmer", "worshipper", "pupil", "presenter",
           "reporter", "teacher", "doctor", "nurse", "priest", "pastor", "he", "she", "they", "chief", "headman",
           "elder", "imam", "mayor", "councillor", "engineer", "labourer", "laborer", "trader", "herder", "fisherman",
           "schoolboy", "schoolgirl", "schoolchild", "tourist", "pilgrim", "captive", "leader", "activist"}
SETTLEMENTS = {"town", "city", "village", "district", "neighbourhood", "neighborhood", "suburb", "capital", "area"}
LYNCHERS = {"resident", "villager", "mob", "crowd", "vigilante", "local", "neighbour", "neighbor"}
PROTESTERS = {"protester", "protestor", "demonstrator", "protest", "demonstration", "rally", "crowd", "student",
              "rioter", "supporter", "youth"}
PLACEISH = {"village", "town", "city", "territory", "position", "base", "hill", "district", "area", "settlement",
            "airport", "region", "control", "province", "neighbourhood", "neighborhood", "port", "bridge", "outskirts",
            "county", "stronghold", "capital", "oblast", "state", "border", "crossing", "checkpoint", "facility",
            "plant", "mine", "field", "island", "suburb", "street", "building"}
# who fires on a crowd when it is excessive force
FORCES = {"police", "security", "soldier", "troop", "officer", "guard", "guardsman", "guardsmen", "gendarme",
          "policeman", "army", "military", "riot"}
ARMS = {"rifle", "gun", "weapon", "ammunition", "round", "launcher", "pistol", "explosive", "grenade", "drug", "arm",
        "cocaine", "cash", "vehicle", "truck", "motorcycle"}
HELD_VERBS = {"seize", "recover", "confiscate", "smuggle", "sell", "buy", "supply", "transport", "possess", "stockpile",
              "traffic", "cache", "hide", "store", "deliver"}
FOUND_VERBS = {"find", "discover", "dump", "recover", "exhume", "uncover", "across", "leave", "unearth", "retrieve"}
IMPACT_VERBS = {"hit", "strike", "slam", "crash", "land", "fall", "explode", "damage", "destroy", "kill", "injure", "drop",
                "wound", "launch", "fire", "attack", "target", "pound", "rain", "tear", "smash"}
DISRUPT_VERBS = {"intercept", "down", "shoot", "neutralise", "neutralize", "repel", "destroy", "defuse", "jam"}
# "an air base", "air defence": "air" names a kind of thing, not the weapon used
RUINED = {"blacken", "blackened", "burnt", "burned", "burn", "charred", "char", "gutted", "gut", "empty", "hollow",
          "smouldering", "smoldering", "roofless"}
NOT_AIR = {"base", "field", "defence", "defense", "space", "traffic", "quality", "pollution", "ticket", "travel"}


def _lemmas(tokens) -> set[str]:
    """Cue lemmas of ``tokens``; a place's name is no cue ("Tank district" holds no tank)."""
    return {lemma_of(t) for t in tokens
            if not (t.lower_ == "air" and t.dep_ == "compound" and lemma_of(t.head) in NOT_AIR)
            and not (t.pos_ == "PROPN" and _is_toponym(t))}


def _context(head: Token) -> set[str]:
    """Lemmas the parse attaches to ``head``: its subtree near the head, its governor and the governor's arguments."""
    near = {t for t in head.subtree if abs(t.i - head.i) <= 8}
    gov = head.head
    around = set(gov.children) | {gov} if gov.i != head.i else set()
    words = _lemmas(near | around)
    if gov.i != head.i and gov.head.i != gov.i and gov.dep_ in ("acl", "advcl", "relcl", "conj", "xcomp"):
        words |= _lemmas(gov.head.children) | {lemma_of(gov.head)}
    return words


def _has(words: set[str], cues: set[str]) -> bool:
    return bool(words & cues) or any(" " in c and all(w in words for w in c.split()) for c in cues)


def _weapon_subtype(words: set[str]) -> str | None:
    ied = IED_CUES if words & (IED_CUES - {"car", "vehicle"}) else set()  # "sprayed his vehicle with bullets"
    # gas alone is no cue: police fire tear gas at crowds every week
    chemical = {"chemical", "chlorine", "sarin", "mustard", "poison gas", "gas attack", "nerve agent"}
    for cues, sub in (({"suicide"}, SUICIDE), (chemical, CHEMICAL),
                      ({"grenade"}, GRENADE), (AIR_CUES, AIR), (SHELL_CUES, SHELLING), (ied, IED)):
        if _has(words, cues):
            return sub
    return None


def _targets(head: Token) -> set[str]:
    """Lemmas of who or what an attack was aimed at: its object, "on/at/against" objects, the killed."""
    found: set[str] = set()
    if lemma_of(head) == "come":  # "a military patrol came under fire": the subject is the target
        found |= _argument_lemmas(head, ("nsubj",))
    heads = [head] + ([head.head] if head.dep_ in ("nsubj", "dobj", "compound", "pobj") else [])
    for word in heads:
        for child in word.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.i != head.i:
                found |= {lemma_of(t) for t in _described(child)}
            if child.dep_ == "prep" and child.lower_ in ("on", "at", "against", "into", "targeting"):
                found |= {lemma_of(t) for t in _described(child)}
    for token in head.sent:
        if lemma_of(token) in ("kill", "wound", "injure") and token.pos_ == "VERB":
            found |= _argument_lemmas(token, ("dobj", "nsubjpass"))
        elif lemma_of(token) == "die" and token.pos_ == "VERB":
            found |= _argument_lemmas(token, ("nsubj",))  # "28 soldiers died in an attack near Kandi"
    return found


def _described(phrase: Token) -> list[Token]:
    """A noun phrase's words without relative clauses that have a subject of their own: "three men they accused
    of informing for the army" are civilians, whoever "the army" is."""
    own_clauses = [c for t in phrase.subtree for c in t.children if c.dep_ == "relcl" and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in ("who", "that", "which", "whom") for s in c.children)]
    skipped = {t.i for c in own_clauses for t in c.subtree}
    return [t for t in phrase.subtree if t.i not in skipped]


def _on_a_place(head: Token) -> bool:
    """Whether an attack's target is a town or region itself ("attack on Kharkiv"), not something in it."""
    if any(c.dep_ == "compound" and _is_toponym(c) and c.ent_type_ != "NORP" for c in head.children):
        return True  # "the Kherson attack"
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "against"):
            return any(o.dep_ == "pobj" and _is_toponym(o) and o.ent_type_ != "NORP" for o in child.children)
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and _is_toponym(c) for c in head.children)


def _is_toponym(token: Token) -> bool:
    spans = token.doc.spans.get("geomap_toponyms", []) if "geomap_toponyms" in token.doc.spans else []
    return any(s.start <= token.i < s.end for s in spans) or token.ent_type_ in ("GPE", "LOC", "FAC")


def _objects_placeish(head: Token) -> bool:
    """Whether what the verb acts on names a place (its subject's "in Somalia" does not)."""
    subjects = {t.i for c in head.children if c.dep_ == "nsubj" for t in c.subtree}
    for t in head.subtree:
        if t.i != head.i and t.i not in subjects and (lemma_of(t) in PLACEISH or _is_toponym(t)):
            return True
    return False


def is_event_use(kind: str, match: Span, head: Token) -> bool:
    """Whether this occurrence of a trigger word names an event (not "riot police", "offensive operations")."""
    lemma, words = lemma_of(head), _context(head)
    if kind == "protest" and lemma in ("gather", "assemble", "converge"):
        # "gathered … to demand", "gathered outside the administration, chanting 'veto'" (however it is parsed)
        return any(c.dep_ in ("xcomp", "advcl") and lemma_of(c) in DEMANDS for c in head.children) or any(
            (lemma_of(t) in {"chant", "placard", "banner", "slogan"} or lemma_of(t) in DEMANDS and t.tag_ == "VBG")
            for t in head.subtree if 0 < t.i - head.i <= 15 and t.pos_ != "PROPN")  # "demanding", not "called"
    if kind == "attack" and lemma == "come":  # "the patrol came under fire", not "the minister came under fire
        # from lawmakers over the budget"
        hit = _argument_lemmas(head, ("nsubj",))
        return not any(c.dep_ == "prep" and c.lower_ == "over" for c in head.children) and not hit & (
            OFFICIALS | {"lawmaker", "critic", "policy", "plan", "decision", "bill", "company"})
    if kind == "attack" and lemma == "shoot" and len(match) == 1:  # "shot 20 civilians", not "shot down a drone"
        after = head.doc[head.i + 1:head.i + 3].text.lower()
        shot = {lemma_of(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")}  # the head word only:
        return not any(c.dep_ == "prt" for c in head.children) and not after.startswith(("to death", "dead")) \
            and bool(shot & (PERSONS | CIVILIAN | SHOOTABLE))  # not "shot footage of people"
    if kind == "protest" and "air" in match.text.lower() or match.text.lower() == "warning shots":
        sentence = _lemmas(head.sent)  # "to disperse residents", not "as the crowd celebrated a wedding"
        return _has(words | sentence, {"disperse", "protester", "demonstrator", "rally", "protest", "demonstration",
                                       "mourner"}) and not _has(sentence, {"celebrate", "wedding", "celebration"})
    if head.pos_ == "ADJ" and kind not in ("casualty",) and not (kind == "killing" and len(match) > 1):
        return False  # but "gunmen on a motorcycle shot dead a tapper" parsed with "dead" as the root
    if kind in ("strike", "air") and any(c.dep_ == "prt" and c.lower_ in ("out", "down") for c in head.children) \
            and (any(c.lower_ == "out" for c in head.children) or _argument_lemmas(head, ("dobj", "nsubjpass")) & {
                "law", "rule", "ruling", "ban", "decree", "order", "measure", "provision", "bill", "act", "policy",
                "regulation", "amendment", "requirement", "verdict", "sentence", "conviction"}):
        return False  # "the tribunal struck out a petition", "the court struck down the law"
    if kind == "strike" and lemma == "strike" and (
            _has(words, {"worker", "union", "hunger", "labour", "labor", "wage", "pay", "employee", "teacher",
                         "shutter", "shutter-down", "trader", "shop", "observe", "transporter", "wheel-jam"})
            or any(c.dep_ == "amod" and lemma_of(c) == "general" for c in head.children)
            or (head.head.lemma_ == "on" and head.dep_ == "pobj")):  # "went on strike", not "strike on Kherson"
        return False
    if kind == "disrupted" and any(
            c.dep_ in ("dobj", "nsubjpass") and (lemma_of(c) in PERSONS | NON_STATE | {"terrorist"} or any(
                lemma_of(t) in PERSONS | NON_STATE | {"terrorist", "kidnapper", "attacker"} for t in c.subtree
                if t.dep_ == "pobj" and t.head.lower_ == "of")  # "two of the kidnappers were neutralised"
                                                  or c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and not _is_toponym(c)))
            for c in head.children):
        return False  # "neutralised two terrorists", "intercepted Luis Carrascal": people, not a weapon stopped
    if kind == "protest" and lemma in ("rally", "meeting", "event") and not _has(
            _lemmas(head.sent), DEMANDS | {"demanding", "against", "release", "protest"}) and (
            any(lemma_of(c) in ("campaign", "election", "electoral") for c in head.children
                if c.dep_ in ("compound", "amod", "nmod"))
            or head.dep_ == "dobj" and lemma_of(head.head) in ("address", "hold", "headline", "speak")
            and _argument_lemmas(head.head, ("nsubj",)) & (OFFICIALS | {"candidate", "minister", "president"})):
        return False  # "Modi, addressing a rally in Srinagar", "a campaign rally": politics, not a protest
    if head.dep_ == "compound" and lemma_of(head.head) in ("case", "trial", "probe", "inquiry", "investigation",
                                                            "suspect", "convict", "accused", "charge", "verdict"):
        return False  # "arrests in the Srinagar grenade case", "the bombing trial": a proceeding about an event
    if kind == "arrest" and head.dep_ == "compound" and lemma_of(head.head) in ("warrant", "order", "quota", "record"):
        return False  # "to serve arrest warrants": a paper, not an arrest
    if kind == "capture" and lemma == "move" and not any(
            o.dep_ == "pobj" and (_is_toponym(o) or lemma_of(o) in SETTLEMENTS)
            for p in head.children if p.lower_ == "into" for o in p.children):
        return False  # "troops moved into a newly established base": no territory taken
    if kind == "capture" and lemma == "control" and not any(c.dep_ == "dobj" and _is_toponym(c) for c in head.children):
        return False  # "control Goma" is territory; "control prices", "control the crowd" are not
    if kind == "capture" and any(c.dep_ == "dobj" and lemma_of(c) in PERSONS for c in head.children):
        return False  # "seized two men": people taken are an abduction or arrest, not territory
    if kind == "strike" and lemma in ("hit", "pound", "target"):
        subj = _argument_lemmas(head, ("nsubj", "nsubjpass", "agent"))
        return _has(subj, AIR_CUES | SHELL_CUES | IED_CUES | {"strike", "airstrike", "attack", "shelling", "blast"})
    if kind == "raid":  # a military raid is fought over; a police raid on an office is not a battle
        return _has(words, STATE | NON_STATE) and not _has(words, {"police", "officer", "investigator", "agent"})
    if kind == "abduction" and lemma in ("cart", "carry", "whisk"):  # "carted away 43 people", not "food stocks"
        objects = _argument_lemmas(head, ("dobj", "nsubjpass"))
        return bool(objects & (PERSONS | {"hostage", "captive", "resident", "traveller", "villager"}))
    if kind == "beating":  # "beat them with clubs", "assaulting residents": people hurt, not "beat Argentina 2-1"
        objects = {lemma_of(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")}
        return bool(objects & (PERSONS | {"them", "him", "her", "resident", "farmer", "worker", "protester", "victim"}))
    if kind == "bodies":  # "the bodies of five men were found", "came across bodies dumped beside the road"
        verbs = [head.head, *[c for c in head.children if c.dep_ == "acl"]]
        if head.dep_ == "pobj":
            verbs.append(head.head.head)
        return head.tag_ == "NNS" and any(lemma_of(v) in FOUND_VERBS for v in verbs) and not _has(
            words, {"flood", "crash", "drown", "landslide", "earthquake", "fire", "quake", "boat", "migrant", "storm"})
    if kind in ("grenade", "weapon", "ied", "bombing", "shelling", "capture") and any(
            lemma_of(v) in HELD_VERBS and v.pos_ == "VERB" and _has(_argument_lemmas(v, ("dobj", "nsubjpass")), ARMS)
            for v in [head, *list(head.ancestors)[:4]]):
        return False  # "seized 18 rifles and a grenade launcher", "smuggling explosives": arms held, not used
    if kind in ("kill", "killing", "attack", "strike") and natural_cause(head):
        return False
    if kind == "attack" and lemma == "fire" and (any(c.dep_ == "auxpass" for c in head.children) or any(
            o.ent_type_ in ("DATE", "TIME") for p in head.children if p.dep_ == "prep" for o in p.children)):
        return False  # "the police chief was fired on Tuesday": dismissed, not shooting
    if kind == "mob" and lemma != "mob" and (sport(head) or not _argument_lemmas(head, ("nsubj",)) & (
            LYNCHERS | PROTESTERS | CROWD_PEOPLE | {"fan", "youth", "student", "rival", "settler", "hooligan", "thug"})):
        return False  # "supporters traded punches", not "two boxers traded punches"
    if kind == "weapon":
        carrier = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "agent" else head.head
        carried = _argument_lemmas(carrier, ("nsubjpass", "dobj"))
        if lemma_of(carrier) in ("drop", "deliver", "airdrop", "ferry", "smuggle") and carried & (
                ARMS - {"explosive", "grenade"}) and not carried & {"bomb", "explosive", "munition", "grenade"}:
            return False  # "the weapons were likely dropped by a drone from across the border": a delivery
        gov = head.head
        if gov.lower_ == "of" and gov.head.pos_ == "NOUN":  # "fired a salvo of rockets", "a wave of drones"
            gov = gov.head.head
        if any(lemma_of(c) == "test" for c in gov.children) or lemma_of(gov) in ("test", "test-fire"):
            return False  # "test-fired a missile": a weapons test, not an attack
        if gov.lemma_ == "by" and lemma_of(gov.head) in ("back", "support", "escort", "accompany", "cover"):
            return False  # "infantry backed by drones advanced": support for a ground move, not a strike
        if lemma_of(gov) in ("use", "deploy", "fly", "send") and head.dep_ == "dobj" and any(
                c.dep_ == "xcomp" and (lemma_of(c) in {"attack", "bomb", "target", "strike", "hit"} or lemma_of(c) in
                                       IMPACT_VERBS and _has(_argument_lemmas(c, ("dobj",)), MUNITIONS))
                for c in gov.children):
            return True  # "used a drone to drop explosives on an army base", not "to drop leaflets"
        return lemma_of(gov) in IMPACT_VERBS | DISRUPT_VERBS or gov.lemma_ in ("by", "with")
    if kind == "clash" and lemma == "assault" and head.dep_ in ("compound", "amod", "nmod") \
            and lemma_of(head.head) in ARMS | {"boat", "helicopter", "craft", "vest"}:
        return False  # "assault rifles", "an assault boat": a kind of weapon
    if kind == "clash" and lemma == "combat" and (head.dep_ in ("compound", "amod", "nmod") or not any(
            c.dep_ == "amod" or c.dep_ == "prep" and c.lower_ in ("between", "with", "against") for c in head.children)
            or any(c.lower_ in ("any", "no") for c in head.children)):
        return False  # "combat troops", "killed outside any combat": only "heavy combat between …" is a fight
    if kind == "clash" and lemma in ("fight", "battle", "assault", "engage"):
        if _has(words, {"legal", "political", "court", "electoral", "corruption", "poverty", "disease", "sexual"}):
            return False
        subject = _argument_lemmas(head, ("nsubj",))
        # a bare gerund with no subject or object is the noun ("10:15 - Fighting overnight on the outskirts of X")
        # or "Fighting between the SDF and tribal gunmen raged overnight" (not "as fighting crept closer")
        nominal = head.tag_ == "VBG" and (head.dep_ == "ROOT" or head.dep_ == "nsubj" and any(
            c.dep_ == "prep" and c.lower_ == "between" for c in head.children)) and not any(
            c.dep_ in ("nsubj", "dobj") or c.dep_ == "prep" and c.lower_ == "for" for c in head.children)
        if lemma == "fight" and head.pos_ == "VERB" and not nominal \
                and not _has(words | subject, STATE | NON_STATE | OUTLAWS):
            return False  # "factions and the Syrian Democratic Forces fought", not "families fought the fire"
        if lemma == "engage" and (not {lemma_of(c) for c in head.children if c.dep_ == "dobj"} & (
                STATE | NON_STATE | OUTLAWS) or _has(words, TALKS) or subject & OFFICIALS):
            return False  # "police engaged the bandits", not "engaged the rebels in talks" or "engaged a lawyer"
    if kind == "bombing" and any(lemma_of(c) in ("petrol", "gasoline", "molotov", "fire") for c in head.children
                                 if c.dep_ in ("compound", "amod")):
        return False  # "stones and petrol bombs": a rioter's weapon, not an explosive attack
    if kind == "attack" and lemma == "storm" and head.pos_ != "VERB":
        return False  # "typhoons and storms": weather; the attack is the verb ("stormed the camp")
    if kind in ("grenade", "weapon", "shelling", "ied", "bombing") and any(
            lemma_of(a) == "arm" and a.tag_ == "VBN" for a in list(head.ancestors)[:4]):
        return False  # "gunmen armed with rifles and grenades attacked …": what they carried, not the event
    if kind == "ied" and lemma == "roadside" and lemma_of(head.head) not in (
            "bomb", "device", "explosive", "ied", "mine", "blast", "explosion", "attack", "bombing", "charge"):
        return False  # "set tyres alight by the roadside", not "a roadside bomb"
    if kind in ("capture", "recapture") and head.dep_ == "amod":
        return False  # "the occupied West Bank", "Russian-occupied Kherson": a state, not a takeover
    if kind == "capture" and lemma in ("occupy", "hold") and (
            head.tag_ in ("VBP", "VBZ") or any(lemma_of(c) == "still" for c in head.children)):
        return False  # "troops still occupy five hilltop positions": a state of affairs
    if kind == "clash" and lemma == "encounter" and not (
            (any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children)
             or (head.dep_ == "pobj" and head.head.lower_ in ("in", "during")))  # "shot dead … in an encounter"
            and _has(words | _lemmas(head.sent), STATE | NON_STATE)):
        return False  # "killed in an encounter with security forces" (South Asian usage), not "a chance encounter"
    if kind == "transfer" and any(lemma_of(o) in CONTESTS for p in head.children if p.dep_ == "prep"
                                  for o in p.children if o.dep_ == "pobj"):
        return False  # "candidates have withdrawn from Sunday's election": no territory changes hands
    if kind in ("capture", "recapture", "transfer") and not _objects_placeish(head) and not _objects_placeish(head.head):
        return False
    if kind == "capture" and {lemma_of(c) for c in head.children if c.dep_ == "dobj"} & {"power", "throne", "office"}:
        return False  # "soldiers seized power in Niamey": a coup, not territory taken
    if kind == "shelling" and lemma == "shell" and head.pos_ == "NOUN" and any(
            c.dep_ == "amod" and lemma_of(c) in RUINED for c in head.children):
        return False  # "found the council building a blackened shell": what is left of a building
    if kind == "abduction" and lemma == "take" and any(
            c.dep_ == "prep" and c.lower_ == "to" and _argument_lemmas(c, ("pobj",)) & {"hospital", "clinic", "morgue"}
            for c in head.children):
        return False  # "three others were taken to hospital"
    if kind == "capture" and {lemma_of(c) for c in head.children if c.dep_ == "dobj"} & LOOT:
        return False  # "the attackers also seized livestock": plunder, not territory (not "the cattle market")
    if kind == "capture" and lemma in ("walk", "move", "roll", "sweep"):  # "rebels walked into Bukavu"
        subject = _argument_lemmas(head, ("nsubj",))
        return _has(subject, NON_STATE | STATE | {"unit", "column"})  # "Fano units moved into Bichena"
    if kind == "capture" and lemma == "enter":  # "rebels entered Goma", not "the war entered its third year"
        subject = _argument_lemmas(head, ("nsubj",))
        if not (_has(subject, NON_STATE | STATE) and any(c.dep_ == "dobj" and (_is_toponym(c) or lemma_of(c) in PLACEISH)
                                                        for c in head.children)):
            return False
    if kind in ("attack", "clash", "kill", "killing", "strike", "shelling", "capture") and sport(head):
        return False
    crowd = PROTESTERS | {"people", "thousand", "hundred", "crowd"}
    if kind == "protest" and (head.text == "March" or (lemma in ("rally", "march") and head.pos_ == "VERB"
                                                       and not _has(words, crowd)
                                                       and not _has(_lemmas(head.sent), crowd - {"student"}))):
        return False
    if kind == "protest" and lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in head.children):
        return False
    if kind in ("riot", "mob") and head.dep_ == "compound" and lemma_of(head.head) in ("police", "gear", "shield", "unit"):
        return False
    if kind == "disrupted" and lemma == "repel":  # "repelled a drone attack", not "repelled an assault"
        objects = _argument_lemmas(head, ("dobj", "nsubjpass"))
        return _has(objects, AIR_CUES | SHELL_CUES)
    if kind == "disrupted" and lemma == "bring":  # "brought down what it called hostile drones", not "… the wall"
        return _has({lemma_of(t) for c in head.children if c.dep_ in ("dobj", "nsubjpass", "ccomp")
                     for t in c.subtree}, AIR_CUES | SHELL_CUES | {"aircraft", "plane", "jet", "helicopter"})
    if kind == "agreement" and lemma in ("exchange", "swap", "release") and head.pos_ == "VERB":
        objects = {lemma_of(c) for c in head.children if c.dep_ == "dobj"}
        return bool(objects & {"prisoner", "captive", "pow", "detainee", "hostage", "body", "soldier"}) and \
            lemma != "release" or bool(objects & {"hostage", "prisoner"}) and lemma == "release"
    if kind == "agreement" and lemma in ("agreement", "deal", "accord", "truce", "ceasefire", "armistice"):
        if lemma in ("agreement", "deal", "accord") and not _has(words | _lemmas(head.sent), CONFLICT_DEAL):
            return False  # a loan, trade or staff-level agreement is no conflict event
        gov = lemma_of(head.head)
        return gov in ("sign", "reach", "conclude", "broker", "seal", "agree", "ink") or (
            head.dep_ == "nsubj" and gov in ("take", "come", "begin", "start"))
    if kind == "base" and lemma in ("base", "headquarters", "outpost", "camp", "garrison"):
        if any(c.dep_ in ("amod", "advmod") and lemma_of(c) in ("establish", "newly", "new", "build")
               for c in head.subtree if c.head.i == head.i or c.head.head.i == head.i):
            return _has(words, MILITARY | STATE | NON_STATE)  # "a newly established forward operating base"
        verb = head.head
        if lemma_of(verb) == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            return False  # "set ablaze the headquarters of a party", not "set up headquarters"
        return head.dep_ in ("dobj", "nsubjpass") and lemma_of(verb) in ("establish", "set", "open", "build",
                                                                       "create", "construct", "erect")
    if kind == "abduction" and lemma in ("take", "seize", "grab", "snatch"):
        agents = _argument_lemmas(head, ("nsubj", "agent"), through=("conj",))  # "checked cards and took six men"
        taken = {lemma_of(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")}
        armed = bool(agents & (NON_STATE | {"gunman", "gunmen", "kidnapper", "abductor"})) or {"armed", "man"} <= agents
        # "taken from a taxi by armed men", "gunmen seized 20 travellers": people taken by armed men
        return armed and (bool(taken & PERSONS) or head.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in head.children))
    if kind == "looting" and lemma in ("demolish", "demolition", "raze", "torch") and not _objects_placeish(head):
        return False
    return True


# a town taken with no fight ("walked into Bukavu without meeting resistance"); "little resistance" was some
UNOPPOSED = re.compile(r"\bwithout (?:meeting |encountering |facing )?(?:any )?(?:a fight|firing a shot|resistance|"
                       r"opposition|a shot)|\bunopposed\b|\bno resistance\b", re.IGNORECASE)


def refine(kind: str, match: Span, head: Token) -> tuple[str, str, int]:
    """The ACLED (event_type, sub_event_type, strength) of a trigger in its context."""
    event_type, sub, strength = KINDS[kind]
    words = _context(head) | _lemmas(match)
    words |= {lemma_of(t) for c in head.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
              for t in c.subtree}  # "killed … by falling debris"
    carried = {lemma_of(t) for a in head.sent if lemma_of(a) == "arm" and a.tag_ == "VBN" for t in a.subtree} - {"arm"}
    weapon = _weapon_subtype(words - carried)  # "gunmen armed with grenades attacked": no grenade attack
    if kind == "protest" and lemma_of(head) == "march" and head.pos_ == "VERB" and any(
            c.dep_ == "dobj" and (lemma_of(c) in PERSONS or c.lower_ in ("them", "him", "her")) for c in head.children):
        return KINDS["abduction"]  # "bandits marched twenty-three people into the forest": led away by force
    if kind in ("kill", "killing") and any(c.dep_ == "nsubj" and lemma_of(c) in FIGHTS for c in head.children):
        return BATTLES, "Armed clash", strength  # "clashes involving tanks and drones killed 100": the battle killed
    if weapon == IED and lemma_of(head) == "bomb" and not _has(words, IED_CUES - {"bomb"}) and _has(
            _lemmas(head.sent), {"aircraft", "jet", "warplane", "helicopter", "bomber"}):
        weapon = AIR  # "aircraft struck … and returned on Sunday, when bombs destroyed houses"
    if weapon == IED and lemma_of(head) == "bomb" and head.pos_ == "VERB" and not _has(words, IED_CUES - {"bomb"}) \
            and (_argument_lemmas(head, ("dobj", "nsubjpass")) & SETTLEMENTS
                 or _argument_lemmas(head, ("nsubj",)) & STATE):
        weapon = AIR  # "a village north of Myawaddy was bombed", "the army bombed rebel-held towns": from the air
    ground = _argument_lemmas(head, ("nsubj",))
    if kind == "strike" and ground & (NON_STATE | {"attacker", "gunman", "gunmen", "assailant", "raider"}) \
            and weapon not in (AIR, SHELLING):
        kind, (event_type, sub, strength) = "attack", KINDS["attack"]  # "attackers armed with rifles struck the station"
    if kind == "bombing" and lemma_of(head) == "blow" and _has(
            _argument_lemmas(head, ("nsubj",), through=("conj",)), STATE) and _has(
            _argument_lemmas(head, ("dobj",)),
            {"house", "home", "building", "bridge", "school", "mosque", "shop"}):
        return KINDS["looting"]  # "troops blew up a cluster of houses": property destroyed, no explosive attack
    if kind in ("strike", "attack", "weapon", "bombing", "kill", "killing", "gunman") and weapon:
        if kind == "weapon" and (lemma_of(head.head) in DISRUPT_VERBS or any(
                c.dep_ == "amod" and lemma_of(c) in ("down", "downed", "intercept", "shoot") for c in head.children)):
            return KINDS["disrupted"]  # "fragments of a downed drone fell on a car park"
        if kind in ("kill", "killing") and weapon == IED and not _has(words, {"bomb", "ied", "explosive", "mine"}):
            return event_type, sub, strength
        return EXPLOSIONS, weapon, max(strength, 4)
    if kind == "bombing" and _has(words, AIR_CUES):
        return EXPLOSIONS, AIR, strength
    if kind == "shelling" and any(lemma_of(a) == "drop" for a in list(head.ancestors)[:3]):
        return EXPLOSIONS, AIR, strength  # "a quadcopter dropped a mortar round onto a house": from the air
    if kind == "abduction":
        agents = _argument_lemmas(head, ("nsubj", "agent"), through=("conj",))
        if agents & LYNCHERS and not agents & (STATE | NON_STATE | {"gunman", "gunmen", "armed", "kidnapper"}):
            return RIOTS, "Mob violence", 8  # "the suspect had been seized by a crowd near the motor park"
    if kind in ("attack", "killing", "kill", "gunman", "beating"):
        # "residents seized two men and beat them": the subject of the verb a conjunct hangs on
        subject = _argument_lemmas(head, ("nsubj", "agent"), through=("conj",))
        if head.dep_ == "acl" and (head.tag_ in ("VBD", "VBG") or match.text.lower().startswith("set upon")):
            # "a crowd of angry youths set upon two herders … beating one to death", parsed as modifiers
            doer = head.head
            while doer.dep_ == "pobj" and doer.head.lower_ == "of":
                doer = doer.head.head  # "a crowd of angry youths"
            subject |= {lemma_of(t) for t in doer.subtree if t.i < head.i}
        if subject & {"protester", "protestor", "demonstrator", "rioter"}:
            return RIOTS, "Violent demonstration", 8  # "protesters attacked several embassies"
        if subject & LYNCHERS and not subject & (STATE | NON_STATE):
            return RIOTS, "Mob violence", 8  # "residents seized two men … and beat them to death"
        if subject & {"supporter", "loyalist", "partisan"} and not subject & (STATE | NON_STATE) \
                and _has(_argument_lemmas(head, ("dobj",)), {"rally", "march", "protest", "demonstration", "meeting"}):
            return RIOTS, "Mob violence", 8  # "supporters of the banned party attacked a rally"
        if kind in ("killing", "beating") and _has(words, {"suspicion", "suspect", "accuse"}) and _has(
                _lemmas(head.sent), {"theft", "thief", "steal", "cattle", "witchcraft", "blasphemy", "kidnapper"}) \
                and not subject & (STATE | NON_STATE):
            return RIOTS, "Mob violence", 8  # "man beaten to death on suspicion of cattle theft": a lynching
        if _has(words, {"protester", "protestor", "demonstrator", "protest", "demonstration", "rally", "chant",
                        "marcher", "mourner"}) and _has(words, FORCES):
            return PROTESTS, "Excessive force against protesters", 8
        if kind in ("kill", "killing") and any(
                c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
                    o.dep_ == "pobj" and lemma_of(o) in FIGHTS for o in c.children) for c in head.children):
            return BATTLES, "Armed clash", strength  # "shot dead 31 Maoists in a day-long encounter"
        targets = _targets(head)
        # "a military police training school", "an army hospital": a military site, whatever the noun
        militarised = {lemma_of(t) for t in head.sent if lemma_of(t) in CIVILIAN and any(
            lemma_of(m) in MILITARY | {"police"} for c in t.children if c.dep_ in ("compound", "amod")
            for m in c.subtree)}
        captive = targets & {"captured", "capture", "surrendered", "surrender", "unarmed", "detained", "prisoner", "pow"}
        armed = targets & ARMED_MEN and not _has(words, {"suspect", "suspected", "alleged", "custody", "detain"})
        if (targets & MILITARY or armed) and not targets & CIVILIAN - militarised and not captive:
            return BATTLES, "Armed clash", strength  # but "three captured soldiers were shot": prisoners killed
        if kind == "attack" and lemma_of(head) != "storm" and _on_a_place(head) and not _has(words, {
                "gunman", "gunmen", "assailant", "knife", "bandit", "mob", "attacker", "armed", "gang", "fighter"}):
            return EXPLOSIONS, SHELLING, strength  # "the attack on Kharkiv": a whole town is hit from afar
        return VAC, "Attack", strength
    if kind == "clash" and lemma_of(head) == "ambush":
        targets = _targets(head)
        if targets & CIVILIAN and not targets & (MILITARY - {"convoy", "vehicle"}):
            return VAC, "Attack", strength  # "a convoy of trucks carrying food assistance was ambushed"
    if kind == "clash":
        armed = _has(_lemmas(head.sent), NON_STATE - {"group"} | {"cartel", "gang", "armed", "soldier", "troop"})
        if _has(words, PROTESTERS) or (match.text.lower().startswith("running battle") and not armed):
            return RIOTS, "Violent demonstration", 8  # "running battles in Jatrabari": street fighting, not war
        fighters = _argument_lemmas(head, ("nsubj",), through=("conj",))
        if fighters & (LYNCHERS | CROWD_PEOPLE - {"member"}) and not fighters & (STATE | NON_STATE) and not armed \
                and _has(words, FORCES):
            return RIOTS, "Violent demonstration", 8  # "residents clashed with riot police outside the town hall"
        # but "gunmen from rival factions fought a running battle through the streets" is a gunfight
        if lemma_of(head) in ("assault", "offensive") and _has(words, AIR_CUES | {"missile", "shahed"}):
            return EXPLOSIONS, AIR, 6  # "a nine-hour drone assault on Kyiv"
        # but armed men of two communities trading fire are a clash
        if _has(words, {"villager", "community", "herder", "farmer", "clan", "tribe", "mob"}) and not _has(
                words, STATE | {"armed", "gunman", "gunmen", "militia", "gunfire"}):
            return RIOTS, "Mob violence", strength
    if kind == "protest" and lemma_of(head) in ("block", "barricade"):
        blockers = _argument_lemmas(head, ("nsubj", "agent"), through=("conj",))
        blockers |= {w[:-1] for w in blockers if w.endswith("s")}  # "Relatives of inmates" tagged as a name
        if blockers and not blockers & (PROTESTERS | LYNCHERS | CROWD_PEOPLE | {"inmate"}) or blockers & (
                STATE | NON_STATE | FORCES | {"attacker", "assailant", "gunman", "gunmen", "kidnapper", "armed"}):
            return event_type, sub, 0  # "police blocked the roads", "Israel blocked the crossing", "a landslide …"
    if kind == "protest":
        sentence = _lemmas(head.sent)
        # the crowd's own violence makes a riot even when police kill; "riot police" is no riot
        # and burning tyres at a road block or an effigy is how a protest is staged, not violence (ACLED codes it a protest)
        riot_words = {lemma_of(t) for t in head.sent
                      if not (t.dep_ == "compound" and lemma_of(t.head) in ("police", "gear", "shield", "unit"))
                      and not (lemma_of(t) in ("burn", "burning", "torch") and {lemma_of(t.head), *(
                          lemma_of(c) for c in t.children)} & SYMBOLIC_BURNING)}
        if _has(riot_words, {"clash", "stone", "rock", "torch", "burn", "loot", "looting", "vandalise", "vandalize",
                             "riot", "petrol", "molotov", "smash", "throw", "pelt", "hurl", "arson", "ablaze",
                             "alight", "vandalism"}):
            return RIOTS, "Violent demonstration", 8
        if _has(sentence, FORCES) and _has(sentence, {"kill", "shoot", "live", "dead"}):
            return PROTESTS, "Excessive force against protesters", 8
        # "police detained Mayor X …, and students marched": a named person's arrest is no move against the crowd
        sentence -= {lemma_of(t) for t in head.sent if lemma_of(t) in ("arrest", "detain") and (any(
            u.ent_type_ == "PERSON" for c in t.children if c.dep_ in ("dobj", "nsubjpass") for u in c.subtree)
            or t.dep_ == "amod")}  # nor is "a sit-in over a detained leader": the grievance, not the police's act
        if _has(sentence, {"disperse", "tear", "cannon", "baton", "arrest", "detain", "rubber", "break", "beat",
                           "pepper", "pellet", "flash-bang", "stun"}):
            return PROTESTS, "Protest with intervention", strength
    if kind == "looting":
        # "crowds hurled stones, then set fire": the subject of the verb the second clause hangs on
        subject = _argument_lemmas(head, ("nsubj", "agent"), through=("conj", "dep"))
        sentence = _lemmas(head.sent)
        stoning = _has(sentence, {"stone", "pelt", "hurl", "molotov", "rock"})  # "torch a car, stone troops"
        armed = STATE | NON_STATE - {"group"} | {"settler", "man"}  # "groups of youths" riot; settlers do not
        # "groups of young men smashed windows and looted a supermarket"
        young_men = {"young", "man"} <= sentence and not sentence & (NON_STATE - {"group"} | {"settler", "gunman"})
        # "a bus was torched … as the day of action turned ugly": property burnt by no one named, in a crowd's story
        crowd_story = not subject and _has(sentence, PROTESTERS - {"student", "youth"} | {
            "mob", "riot", "unrest", "disorder", "day of action"})  # not "march": "on 7 March"
        if (subject & (PROTESTERS | LYNCHERS) or stoning or young_men or crowd_story) \
                and not subject & (armed - ({"man"} if young_men else set())):
            return RIOTS, "Violent demonstration", 8  # "angry residents set fire to a police station"
    if kind == "arrest":
        subject = _argument_lemmas(head, ("nsubj", "agent"), through=("advcl", "conj"))
        non_state = subject & (NON_STATE | {"kidnapper", "abductor", "attacker", "assailant", "raider", "gunman",
                                            "gunmen", "jihadist"}) or {"armed", "man"} <= subject
        if non_state and not subject & (STATE | FORCES | {"gendarme", "officer", "agent"}):
            if _has(_lemmas(head.sent), {"kill", "execute", "massacre", "behead", "shoot", "open fire"}):
                return VAC, "Attack", 1  # "insurgents rounded up farmers and killed 40": the killing is the event
            return VAC, "Abduction/forced disappearance", 6  # "armed men stormed a village, rounding up 43"
    if kind in ("capture", "recapture") and (_has(_lemmas(head.sent), {"hand over", "hand back", "handover"})
                                             or UNOPPOSED.search(head.sent.text)):
        return KINDS["transfer"]  # "regained control … without firing a shot, after the rebels handed it back"
    if kind == "capture":
        # a headline's "Two aid workers seized near Ma'rib" is passive whatever the tagger says: nothing is seized
        headline_passive = not any(c.dep_ == "dobj" or (c.dep_ == "aux" and lemma_of(c) == "have")
                                   for c in head.children)
        seized = {lemma_of(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")
                  or (c.dep_ == "nsubj" and headline_passive)}
        if any(c.ent_type_ == "PERSON" and not _is_toponym(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")):
            seized.add("person")  # "seized New Zealand pilot Phillip Mehrtens"
        if head.dep_ == "acl" and head.tag_ == "VBN":
            seized.add(lemma_of(head.head))  # "former FARC members seized from their homes"
        if seized & {"prefect", "sub-prefect", "governor", "commissioner", "administrator", "lawmaker", "legislator",
                     "minister", "councillor", "pilot", "tourist", "foreigner", "missionary", "nun", "national",
                     "expatriate", "employee", "staff", "engineer", "commander", "leader", "kingpin", "ringleader",
                     "bodyguard"}:
            seized.add("person")  # "gunmen seized the sub-prefect of Markounda"
        agents = _argument_lemmas(head, ("agent",) if headline_passive else ("nsubj", "agent"))
        if seized & (PERSONS | {"person"}) and not seized & PLACEISH:
            if agents & LYNCHERS and not agents & (STATE | NON_STATE | {"gunman", "gunmen", "armed"}):
                return RIOTS, "Mob violence", 8  # "the suspect had been seized by a crowd"
            return (STRATEGIC, "Arrests", 6) if agents & STATE else (VAC, "Abduction/forced disappearance", 7)
    if kind == "capture":
        subject = _argument_lemmas(head, ("nsubj", "agent"))
        if subject and subject <= {"they", "we"} and head.dep_ == "ccomp":  # "resistance forces said they had captured Kalewa"
            subject = _argument_lemmas(head.head, ("nsubj",))
        if subject & (NON_STATE | {"resistance"}) or (subject & {"unit", "column"} and not subject & STATE) or (
                not subject & STATE and _has(words, NON_STATE) and not _has(words, STATE)):
            return BATTLES, "Non-state actor overtakes territory", strength
        if subject & STATE and not subject & NON_STATE:
            return KINDS["recapture"]  # "troops said they had taken full control of the airport" (a foreign state's
            # forces taking a town are recoded where the place is known)
        return BATTLES, "Armed clash", strength
    return event_type, sub, strength
