"""The words and parse facts the trigger rules read: cue word sets (who, with what, against whom) and helpers
that gather the lemmas the parse attaches to a trigger. Shared by ``event_use`` and ``event_types``."""
from __future__ import annotations

from spacy.tokens import Token

from geomap.nlp.pipeline import toponym_spans

# people whose road block is a protest ("dozens of residents blocked the highway", "truckers blocked the bridge")
CROWD_PEOPLE = {"people", "worker", "driver", "farmer", "trader", "villager", "man", "woman", "activist", "teacher",
                "transporter", "trucker", "motorist", "family", "relative", "dozen", "hundred", "thousand", "vendor",
                "miner", "union", "supporter", "opponent", "member"}
# what protesters burn to make a point, not to do harm: ACLED codes these protests peaceful
SYMBOLIC_BURNING = {"tyre", "tire", "effigy", "flag", "poster", "portrait", "picture", "copy", "photograph", "photo"}
# the fights people die in: "killed in clashes", "shot dead in an encounter"
FIGHTS = {"encounter", "clash", "gunfight", "firefight", "shootout", "battle", "fighting", "exchange", "skirmish",
          "confrontation", "gunbattle"}
# verbs that tell what happened; each reader adds its own ("write" for posts, "allege" for accusations)
TELLING_VERBS = frozenset({"say", "tell", "report", "confirm", "announce", "add", "claim", "state"})
DEMANDS = {"demand", "protest", "denounce", "condemn", "call", "press", "oppose", "reject", "voice", "express",
           "decry", "urge", "demonstrate", "chant"}


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
            "jihadist", "militia", "police", "policeman", "checkpost", "station", "gendarmerie", "gendarme"}
STATE = {"army", "troop", "soldier", "military", "force", "government", "police", "navy", "marine", "guard"}
NON_STATE = {"rebel", "militant", "insurgent", "jihadist", "militia", "fighter", "group", "guerrilla", "gunman",
             "bandit", "separatist", "faction", "cadre", "maoist", "naxal", "naxalite"}
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
          "policeman", "army", "military", "riot", "deputy", "trooper"}
# "riot police", "riot troops", "riot gear": the men and kit sent against a riot, not one
RIOT_KIT = FORCES | {"gear", "shield", "unit", "squad", "helmet", "van"}
ARMS = {"rifle", "gun", "weapon", "ammunition", "round", "launcher", "pistol", "explosive", "grenade", "drug", "arm",
        "firearm", "munition", "cartridge", "bullet",
        "cocaine", "cash", "vehicle", "truck", "motorcycle"}
# weapons alone (not the drugs, cash and vehicles ARMS also names): what a seizure of arms takes, kinds and stores
WEAPONS = {"weapon", "arm", "rifle", "gun", "pistol", "firearm", "revolver", "shotgun", "ammunition", "cartridge",
           "grenade", "explosive", "ied", "munition", "launcher", "cache", "arsenal", "stockpile", "kalashnikov",
           "ak-47", "detonator", "rpg", "machine-gun", "handgun", "carbine", "mortar"}
HELD_VERBS = {"seize", "recover", "confiscate", "smuggle", "sell", "buy", "supply", "transport", "possess", "stockpile",
              "traffic", "cache", "hide", "store", "deliver"}
FOUND_VERBS = {"find", "discover", "dump", "recover", "exhume", "uncover", "across", "leave", "unearth", "retrieve"}
IMPACT_VERBS = {"hit", "strike", "slam", "crash", "land", "fall", "explode", "damage", "destroy", "kill", "injure", "drop",
                "wound", "launch", "fire", "attack", "target", "pound", "rain", "tear", "smash"}
DISRUPT_VERBS = {"intercept", "down", "shoot", "neutralise", "neutralize", "repel", "destroy", "defuse", "deactivate",
                 "jam"}
# what is left of a building ("a blackened shell"), not a shell fired
RUINED = {"blacken", "blackened", "burnt", "burned", "burn", "charred", "char", "gutted", "gut", "empty", "hollow",
          "smouldering", "smoldering", "roofless"}
# "an air base", "air defence": "air" names a kind of thing, not the weapon used
NOT_AIR = {"base", "field", "defence", "defense", "space", "traffic", "quality", "pollution", "ticket", "travel"}


def lemma_of(token: Token) -> str:
    lemma = (token.lemma_ or token.text).lower()
    if token.tag_ != "NNP" or lemma != token.lower_ or token.ent_type_ and not _one_word_org(token):
        return lemma  # the common case, checked first: this runs for every token the rules look at
    opening = token.is_sent_start or (token.i > 0 and token.nbor(-1).text in ("-", "\u2014", ":", "\u2013"))
    if opening and lemma.endswith("s") and not lemma.endswith(("ss", "us", "is", "as")) and lemma != "news" \
            and len(lemma) > 3:
        # "Mobs, enraged by …, stormed": a plural noun opening the sentence that the tagger took for a name
        return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    return lemma


def _one_word_org(token: Token) -> bool:
    """ "Drones also hit a port warehouse" with "Drones" tagged ORG: a one-word organisation may be a plural noun."""
    alone = token.i + 1 == len(token.doc) or token.nbor(1).ent_iob_ != "I"
    return token.ent_type_ == "ORG" and token.ent_iob_ == "B" and alone


def argument_lemmas(head: Token, deps: tuple[str, ...], through: tuple[str, ...] = ()) -> set[str]:
    """Lemmas of the whole phrases ``head`` takes under ``deps``; when ``head`` hangs on another verb by one of
    ``through`` ("residents seized two men and beat them"), that verb's arguments count too."""
    verbs = [head, head.head] if head.dep_ in through else [head]
    return {lemma_of(t) for verb in verbs for c in verb.children if c.dep_ in deps for t in c.subtree}


def is_thrown(thing: Token) -> bool:
    """ "a group threw missiles at officers": what a crowd throws, not what a launcher fires."""
    return thing.dep_ == "dobj" and lemma_of(thing.head) in ("throw", "hurl")


def cue_lemmas(tokens) -> set[str]:
    """Cue lemmas of ``tokens``; a place's name is no cue ("Tank district" holds no tank)."""
    return {lemma_of(t) for t in tokens
            if not (t.lower_ == "air" and t.dep_ == "compound" and lemma_of(t.head) in NOT_AIR)
            and not (t.pos_ == "PROPN" and is_toponym(t))}


def context_lemmas(head: Token) -> set[str]:
    """Lemmas the parse attaches to ``head``: its subtree near the head, its governor and the governor's arguments."""
    near = {t for t in head.subtree if abs(t.i - head.i) <= 8}
    gov = head.head
    around = set(gov.children) | {gov} if gov.i != head.i else set()
    words = cue_lemmas(near | around)
    if gov.i != head.i and gov.head.i != gov.i and gov.dep_ in ("acl", "advcl", "relcl", "conj", "xcomp"):
        words |= cue_lemmas(gov.head.children) | {lemma_of(gov.head)}
    return words


def riot_gear(token: Token) -> bool:
    """ "riot police", "riot troops", "riot gear": the word "riot" naming what is sent against a riot."""
    return token.dep_ in ("compound", "amod") and token.lower_ == "riot" and lemma_of(token.head) in RIOT_KIT


def has_cue(words: set[str], cues: set[str]) -> bool:
    return bool(words & cues) or any(" " in c and all(w in words for w in c.split()) for c in cues)


def is_toponym(token: Token) -> bool:
    return any(s.start <= token.i < s.end for s in toponym_spans(token.doc)) or token.ent_type_ in ("GPE", "LOC", "FAC")


def objects_placeish(head: Token) -> bool:
    """Whether what the verb acts on names a place (its subject's "in Somalia" does not)."""
    subjects = {t.i for c in head.children if c.dep_ == "nsubj" for t in c.subtree}
    for t in head.subtree:
        if t.i != head.i and t.i not in subjects and (lemma_of(t) in PLACEISH or is_toponym(t)):
            return True
    return False
