"""Whether a use of a trigger word names an event at all: "riot police", "went on strike", "offensive operations"
and "brought down part of the wall" do not."""
from __future__ import annotations

from spacy.tokens import Span, Token

from geomap.nlp.cues import (
    AIR_CUES, ARMED_MEN, ARMS, CIVILIAN, CONTESTS, CROWD_PEOPLE, DEMANDS, DISRUPT_VERBS, FOUND_VERBS, HELD_VERBS, IED_CUES,
    IMPACT_VERBS, LOOT, LYNCHERS, MILITARY, MUNITIONS, NON_STATE, OFFICIALS, OUTLAWS, PERSONS, PLACEISH,
    PROTESTERS, RUINED, SETTLEMENTS, SHELL_CUES, SHOOTABLE, STATE, TALKS, WEAPONS, argument_lemmas, context_lemmas,
    cue_lemmas, has_cue, is_toponym, lemma_of, objects_placeish, riot_gear, is_thrown,
)
from geomap.nlp.nonviolence import CONFLICT_DEAL, NATURAL, natural_cause, sport
from geomap.nlp.toponyms import named_as_a_place


# what forces hold that is territory in ACLED's sense ("taken control of two posts along the Durand Line")
HELD_SITES = {"post", "outpost", "garrison", "barracks", "camp", "headquarters", "compound", "road", "highway", "hill"}


# crowds whose stones make a riot; with rivals and settlers, those whose brawls are mob violence
THROWERS = PROTESTERS | CROWD_PEOPLE | LYNCHERS | {"fan", "hooligan", "thug"}


# what says a raid was fought over, not only a sweep for suspects
FOUGHT = {"kill", "wound", "injure", "clash", "fight", "gunfight", "firefight", "exchange", "shoot", "shot", "dead",
          "gunfire", "battle", "resistance", "ambush", "fire", "detonate", "explode", "explosion", "blast", "grenade",
          "bomb", "confrontation", "suicide"}


# crowds whose pushing takes no territory
CROWDS_UNARMED = {"protester", "protestor", "demonstrator", "crowd", "mob", "rioter", "student"}
# people seized by their office ("seized a traditional ruler", "the principal of a school")
OFFICES = {"ruler", "principal", "king", "monarch", "bishop", "lawmaker", "politician", "headteacher", "headmaster",
           "commissioner", "governor", "minister", "judge", "cleric", "sheikh", "emir"}
QUANTITIES = {"dozen", "dozens", "hundred", "hundreds", "score", "scores", "number", "group", "thousand", "thousands"}


# what is uprooted to do a farmer harm
GROVES = {"tree", "olive", "crop", "orchard", "vine", "grapevine", "sapling", "seedling", "grove", "plant", "field"}
# what people fight that is no armed foe
NO_ENEMY = {"firefighter", "fire", "blaze", "flame", "wildfire", "inferno", "tear", "cancer", "illness", "disease",
            "flood", "floodwater", "corruption", "poverty", "addiction"}


# what a protest noun may name without a protest being held: "protest anger", "a protest leader"
PROTEST_THINGS = {"anger", "fury", "movement", "leader", "organiser", "organizer", "group", "camp", "song", "slogan",
                  "vote", "ban", "law", "culture", "sign", "placard"}
COMBATANTS = {"soldier", "serviceman", "servicemen", "troop", "marine", "paratrooper", "pow", "prisoner", "sailor"}
HANDHELD = {"rifle", "gun", "pistol", "weapon", "firearm", "machete", "knife", "kalashnikov"}
WEAPON_THINGS = {"drone", "uav", "missile", "rocket", "projectile", "boat", "vessel", "aircraft", "plane", "helicopter",
                 "balloon", "mine", "ied", "device", "bomb", "shell", "round", "grenade", "launcher", "target"}
# a title before a name the tagger left untagged: "Father Ambrose was taken by unknown gunmen"
TITLES = {"father", "pastor", "rev", "reverend", "bishop", "chief", "mr", "mrs", "ms", "dr", "imam", "sheikh",
          "alhaji", "hajiya", "sister", "brother", "mallam", "malam"}


def _neutralised_people(head: Token) -> bool:
    """What was "neutralised" or "intercepted" is people: "two terrorists", "three khwarij" (a count of no weapon),
    "two of the kidnappers", "Luis Carrascal"."""
    return any(
        c.dep_ in ("dobj", "nsubjpass") and (lemma_of(c) in PERSONS | NON_STATE | {"terrorist"} or any(
            lemma_of(t) in PERSONS | NON_STATE | {"terrorist", "kidnapper", "attacker"} for t in c.subtree
            if t.dep_ == "pobj" and t.head.lower_ == "of")
            or c.ent_type_ == "PERSON" or (c.pos_ == "PROPN" and not is_toponym(c))
            or (any(n.dep_ == "nummod" for n in c.children)
                and not has_cue({lemma_of(c)}, AIR_CUES | SHELL_CUES | MUNITIONS | IED_CUES | WEAPON_THINGS | WEAPONS)))
        for c in head.children)


def _a_name_not_a_persons(token: Token) -> bool:
    """A capitalised word that is no person, no people and no count ("Sake", a town the gazetteer lacks, tagged as
    the noun "sake")."""
    return token.text[:1].isupper() and token.ent_type_ not in ("PERSON", "NORP", "CARDINAL") \
        and not token.like_num and lemma_of(token) not in PERSONS | QUANTITIES and not _people(token) \
        and not any(c.dep_ == "compound" and c.lower_.rstrip(".") in TITLES for c in token.children)


def _people(taken: Token) -> bool:
    """Whether what was seized is people: "two men", "a traditional ruler", "dozens of villagers" — an abduction or
    an arrest, not territory."""
    lemma = lemma_of(taken)
    if lemma in PERSONS | NON_STATE | ARMED_MEN | OFFICES:
        return True
    return (lemma in QUANTITIES or taken.like_num) and any(
        p.dep_ == "prep" and p.lower_ == "of"
        and any(lemma_of(o) in PERSONS | NON_STATE | ARMED_MEN for o in p.children)
        for p in taken.children)


def _a_crowd_throws(thrown: Token) -> bool:
    """Whether the people throwing are a crowd: the verb's own subject, the crowd a participle describes ("a crowd
    hurling stones"), else the subject of the nearest verb above it within its clause ("a crowd surrounded the
    patrol, pelting vehicles with stones", however parsed) — not a teller's ("…, the army said")."""
    found = argument_lemmas(thrown, ("nsubj", "agent"), through=("conj",))
    if not found and thrown.dep_ == "acl":
        found = {thrown.head.lemma_.lower()}
    token = thrown
    while not found and token.dep_ not in ("ccomp", "ROOT") and token.head is not token:
        token = token.head
        found = argument_lemmas(token, ("nsubj", "agent"), through=("conj",))
    return bool(found & THROWERS)


HARM_VERBS = {"kill", "destroy", "hit", "wound", "injure", "damage", "flatten", "level", "target", "leave"}
STOPPAGE = {"worker", "union", "hunger", "labour", "labor", "wage", "pay", "employee", "teacher", "shutter",
            "shutter-down", "trader", "shop", "observe", "transporter", "wheel-jam"}
# who strike when the word is theirs ("the doctors' strike", "a nurses strike"): a drone strike may kill a doctor
STRIKERS = {"doctor", "nurse", "driver", "docker", "dockworker", "miner", "lecturer", "staff", "student", "farmer"}


def _a_stoppage(strike: Token) -> bool:
    """ "a shutter-down strike called by traders", "a general strike", "went on strike": work stopped, not a blow."""
    return has_cue(context_lemmas(strike), STOPPAGE) or any(
        c.dep_ == "amod" and lemma_of(c) == "general" or c.dep_ in ("poss", "compound") and lemma_of(c) in STRIKERS
        for c in strike.children) or (
        strike.head.lemma_ == "on" and strike.dep_ == "pobj")  # "went on strike", not "strike on Kherson"


HANDED_PEOPLE = {"body", "bodies", "remains", "prisoner", "detainee"}  # besides PERSONS: who and what is handed over


PROCEEDINGS = {"case", "trial", "probe", "inquiry", "investigation", "suspect", "convict", "accused", "charge", "verdict"}


# a death sentence carried out, which ACLED leaves out, not a killing by an armed group
_JUDICIAL = {"convict", "sentence", "court", "prison", "penalty", "hang", "judiciary", "verdict", "trial", "gallows",
             "prisoner", "inmate"}
SEIZING = {"seize", "confiscate", "recover", "find", "discover", "uncover", "secure", "locate"}


# what else a sentence that tells a seizure may tell, which the arms were taken in ("killed three militants and
# seized weapons", "overran a base, seizing weapons"): the seizure is part of that event
_FIGHTING = {"kill", "clash", "overrun", "overran", "attack", "firefight", "fight", "engage", "ambush", "battle",
             "storm", "capture", "arrest", "detain", "confrontation", "shootout", "gunfight", "encounter", "die"}
# (not "troops on clearance operations at Dansadau discovered an arms cache": the search is the seizure's own)


def _arms_taken(verb: Token) -> bool:
    """A seizure of arms told as an event of its own: the sentence tells no fighting or arrest the arms were taken
    in, and they were not taken from someone ("three rifles were seized from them": by a crowd, from soldiers)."""
    return _takes_arms(verb) and not any(lemma_of(t) in _FIGHTING for t in verb.sent if t.i != verb.i) \
        and not any(c.dep_ == "prep" and c.lower_ == "from" or c.dep_ == "aux" and c.lower_ == "to"
                    for c in verb.children)  # (nor "an operation to locate weapons": its purpose)


def _takes_arms(verb: Token) -> bool:
    """The verb takes arms: several, a counted number, or a store ("a cache of rifles", "two M-75 hand grenades",
    "a Draco-type pistol, an AK-47-style rifle and 60 rounds of ammunition")."""
    arms = [t for t in verb.subtree if lemma_of(t) in WEAPONS and t.pos_ in ("NOUN", "PROPN") and _taken_by(t, verb)]
    return len({lemma_of(t) for t in arms}) >= 2 or any(
        t.tag_ in ("NNS", "NNPS") or lemma_of(t) in {"cache", "arsenal", "stockpile", "ammunition"}
        or any(c.dep_ == "nummod" or c.like_num for c in t.children) for t in arms)


def _taken_by(thing: Token, verb: Token) -> bool:
    """What the verb takes: its object or passive subject, however the parse hung it ("seized in the defendant's
    room two M-75 hand grenades"), not a noun of a clause of its own below it."""
    between = [a for a in thing.ancestors if a.i != verb.i and verb in a.ancestors]
    return (thing.i > verb.i or thing.dep_ == "nsubjpass" or any(a.dep_ == "nsubjpass" for a in between)) \
        and not any(a.pos_ in ("VERB", "AUX") and a.lemma_.lower() not in CARRYING for a in between)


CARRYING = {"convey", "carry", "load", "transport", "contain", "conceal", "hide"}  # "a vehicle conveying 2 rifles"


def _to_demand(head: Token) -> bool:
    """ "gathered … to demand", "mothers marched … to the zone administration to demand the release of their
    sons": whoever gathers or marches to demand something protests."""
    return any(c.dep_ in ("xcomp", "advcl") and lemma_of(c) in DEMANDS for c in head.children)


def is_event_use(kind: str, match: Span, head: Token) -> bool:
    """Whether this occurrence of a trigger word names an event (not "riot police", "offensive operations")."""
    lemma, words = lemma_of(head), context_lemmas(head)
    if head.text[:1].isupper() and named_as_a_place(head.doc[head.i:head.i + 1]):
        return False  # "a brawl in the town of Battle", "the town of Hit": a place's name, not an event
    if lemma == "shell" and head.dep_ == "compound" and lemma_of(head.head) in ("casing", "case", "cartridge"):
        return False  # "collected more than 80 shell casings at the scene": what guns leave, not shelling
    if lemma in ("shell", "grenade", "canister") and any(
            c.dep_ in ("compound", "amod") and lemma_of(c) in ("smoke", "gas", "teargas", "stun", "sound", "flash")
            for c in head.children):
        return False  # "fired tear gas and smoke shells to stop students": crowd control, not shelling
    if lemma in ("missile", "projectile") and is_thrown(head):
        return False  # "a group threw missiles at officers": what a crowd throws, not a missile fired
    if kind == "protest" and any(c.dep_ in ("compound", "amod") and lemma_of(c) in ("campaign", "election", "electoral")
                                 for c in head.children):
        return False  # "a gunman fired into a crowd at a campaign rally": a candidate's meeting, no protest
    if kind == "protest" and head.dep_ == "compound" and lemma_of(head.head) in PROTEST_THINGS:
        return False  # "as protest anger grows in the capital", "the protest movement's leaders": no protest held
    if kind == "protest" and lemma in ("gather", "assemble", "converge"):
        # "gathered … to demand", "gathered outside the administration, chanting 'veto'" (however it is parsed)
        return _to_demand(head) or any(
            (lemma_of(t) in {"chant", "placard", "banner", "slogan"} or lemma_of(t) in DEMANDS and t.tag_ == "VBG")
            for t in head.subtree if 0 < t.i - head.i <= 25 and t.pos_ != "PROPN")  # "demanding", not "called"
    if kind == "attack" and lemma == "come":  # "the patrol came under fire", not "the minister came under fire
        # from lawmakers over the budget"
        hit = argument_lemmas(head, ("nsubj",))
        return not any(c.dep_ == "prep" and c.lower_ == "over" for c in head.children) and not hit & (
            OFFICIALS | {"lawmaker", "critic", "policy", "plan", "decision", "bill", "company"})
    if kind == "attack" and lemma == "shoot" and len(match) == 1:  # "shot 20 civilians", not "shot down a drone"
        after = head.doc[head.i + 1:head.i + 3].text.lower()
        shot = {lemma_of(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")}  # the head word only:
        return not any(c.dep_ == "prt" for c in head.children) and not after.startswith(("to death", "dead")) \
            and bool(shot & (PERSONS | CIVILIAN | SHOOTABLE))  # not "shot footage of people"
    if kind == "protest" and "air" in match.text.lower() or match.text.lower() == "warning shots":
        sentence = cue_lemmas(head.sent)  # "to disperse residents", not "as the crowd celebrated a wedding"
        return has_cue(words | sentence, {"disperse", "protester", "demonstrator", "rally", "protest", "demonstration",
                                       "mourner"}) and not has_cue(sentence, {"celebrate", "wedding", "celebration"})
    if head.pos_ == "ADJ" and kind not in ("casualty",) and not (kind == "killing" and len(match) > 1):
        return False  # but "gunmen on a motorcycle shot dead a tapper" parsed with "dead" as the root
    if kind in ("strike", "air") and any(c.dep_ == "prt" and c.lower_ in ("out", "down") for c in head.children) \
            and (any(c.lower_ == "out" for c in head.children) or argument_lemmas(head, ("dobj", "nsubjpass")) & {
                "law", "rule", "ruling", "ban", "decree", "order", "measure", "provision", "bill", "act", "policy",
                "regulation", "amendment", "requirement", "verdict", "sentence", "conviction"}):
        return False  # "the tribunal struck out a petition", "the court struck down the law"
    if kind == "strike" and lemma == "strike" and (_a_stoppage(head) or (
            # "the strike passed off peacefully" in a story about a traders' strike: the same stoppage, but not
            # "the strike on a checkpoint", "the strike killed a family"
            any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
            and not has_cue(cue_lemmas(head.sent), AIR_CUES | SHELL_CUES | HARM_VERBS)
            and not any(c.dep_ == "prep" and c.lower_ in ("on", "against", "in", "near") for c in head.children)
            and any(_a_stoppage(t) for t in head.doc[:head.i] if lemma_of(t) == "strike" and t.pos_ == "NOUN"))):
        return False
    if kind == "disrupted" and _neutralised_people(head):
        return False  # "neutralised two terrorists", "intercepted Luis Carrascal": people, not a weapon stopped
    if kind == "protest" and lemma in ("rally", "meeting", "event") and not has_cue(
            cue_lemmas(head.sent), DEMANDS | {"demanding", "against", "release", "protest"}) and (
            any(lemma_of(c) in ("campaign", "election", "electoral") for c in head.children
                if c.dep_ in ("compound", "amod", "nmod"))
            or head.dep_ == "dobj" and lemma_of(head.head) in ("address", "hold", "headline", "speak")
            and argument_lemmas(head.head, ("nsubj",)) & (OFFICIALS | {"candidate", "minister", "president"})):
        return False  # "Modi, addressing a rally in Srinagar", "a campaign rally": politics, not a protest
    if head.dep_ == "compound" and lemma_of(head.head) in PROCEEDINGS:
        return False  # "arrests in the Srinagar grenade case", "the bombing trial": a proceeding about an event
    if head.dep_ == "pobj" and head.head.lower_ in ("in", "for", "over") and lemma_of(head.head.head) in (
            "suspect", "accused", "convict") and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return False  # "two suspects in the grenade attack were arrested": the attack told already
    if head.dep_ == "pobj" and head.head.lower_ == "into" and lemma_of(head.head.head) in (
            "investigation", "inquiry", "probe") and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) \
            and not any(c.dep_ in ("prep", "relcl", "acl") for c in head.children) \
            and not any(lemma_of(t) in ("kill", "injure", "wound", "die") for t in head.sent):
        return False  # "an investigation into the Zubair shooting": the event told already (but "the investigation
        # into the knife attack at a city festival in Solingen, in which three people were killed" tells it)
    if kind == "arrest" and head.dep_ == "compound" and lemma_of(head.head) in ("warrant", "order", "quota", "record"):
        return False  # "to serve arrest warrants": a paper, not an arrest
    if kind == "capture" and lemma == "move" and not any(
            o.dep_ == "pobj" and (is_toponym(o) or lemma_of(o) in SETTLEMENTS)
            for p in head.children if p.lower_ == "into" for o in p.children):
        return False  # "troops moved into a newly established base": no territory taken
    if kind == "capture" and lemma == "control" and not any(c.dep_ == "dobj" and is_toponym(c) for c in head.children):
        return False  # "control Goma" is territory; "control prices", "control the crowd" are not
    if kind == "recapture" and match.text.lower().startswith("reoccup") and not argument_lemmas(
            head, ("nsubj",), through=("ccomp",)) & (STATE | NON_STATE | MILITARY | {"junta", "regime"}):
        return False  # "the army reoccupied the base", not "settlers reoccupied the outpost"
    if kind == "capture" and len(match) > 1 and match[-1].lower_ == "control" and not any(
            o.dep_ == "pobj" and (is_toponym(o) or lemma_of(o) in PLACEISH | HELD_SITES)
            for p in (*match[-1].children, *head.children) if p.dep_ == "prep" and p.lower_ == "of" for o in p.children):
        return False  # "had taken full control of the airport", not "… of the national airline", "… of security"
    if kind == "capture" and argument_lemmas(head, ("nsubj",), through=("conj",)) & CROWDS_UNARMED and not any(
            c.dep_ == "dobj" and any(lemma_of(t) in PLACEISH or is_toponym(t) for t in c.subtree)
            for c in head.children):
        return False  # "protesters overran police lines and forced their way into parliament": a riot's push, not
        # "supporters of the militia seized the town of Gereida"
    if kind == "capture" and any(c.dep_ == "dobj" and _people(c) for c in head.children):
        # "seized two men": people taken are an abduction or arrest, not territory; the police or troops who
        # "captured two alleged members" have arrested them (typed as such from the capture)
        agents = argument_lemmas(head, ("nsubj",), through=("conj",))
        taken = {lemma_of(c) for c in head.children if c.dep_ == "dobj"}
        # (not "captured 12 Russian soldiers": prisoners of a war between states are no arrest)
        return bool(agents & STATE) and not agents & NON_STATE and not taken & COMBATANTS
    if kind == "strike" and lemma in ("hit", "pound", "target"):
        subj = argument_lemmas(head, ("nsubj", "nsubjpass", "agent"))
        return has_cue(subj, AIR_CUES | SHELL_CUES | IED_CUES | {"strike", "airstrike", "attack", "shelling", "blast"})
    if kind == "raid":  # a military raid is fought over; a police raid on an office is not a battle
        if any(lemma_of(c) in ("arrest", "detain") for c in (*head.conjuncts, head.head) if c.pos_ == "VERB") \
                and not has_cue(cue_lemmas(head.sent), FOUGHT):
            return False  # "troops raided the Old City at dawn and arrested three young men": the arrests are the event
        return has_cue(words, STATE | NON_STATE) and not has_cue(words, {"police", "officer", "investigator", "agent"})
    if kind == "abduction" and lemma in ("cart", "carry", "whisk"):  # "carted away 43 people", not "food stocks"
        objects = argument_lemmas(head, ("dobj", "nsubjpass"))
        return bool(objects & (PERSONS | {"hostage", "captive", "resident", "traveller", "villager"}))
    if kind == "beating":  # "beat them with clubs", "assaulting residents": people hurt, not "beat Argentina 2-1"
        objects = {lemma_of(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")}
        return bool(objects & (PERSONS | {"them", "him", "her", "resident", "farmer", "worker", "protester", "victim"}))
    if kind == "grenade" and match.start > 0 and lemma_of(match.doc[match.start - 1]) in ("propel", "propelled") \
            and any(a.dep_ == "prep" and a.lower_ == "with" for a in list(head.ancestors)[:3]):
        return False  # "attacked a checkpoint with rifles and rocket-propelled grenades": a ground assault's arms
    if kind == "bodies":  # "the bodies of five men were found", "came across bodies dumped beside the road"
        verbs = [head.head, *[c for c in head.children if c.dep_ == "acl"]]
        if head.dep_ == "pobj":
            verbs.append(head.head.head)
        # not "recovering bodies from the rubble": the dead of a strike or collapse already told, not a new find
        return head.tag_ == "NNS" and any(lemma_of(v) in FOUND_VERBS for v in verbs) and not has_cue(
            words, {"flood", "crash", "drown", "landslide", "earthquake", "fire", "quake", "boat", "migrant", "storm"}
        ) and not has_cue(cue_lemmas(head.sent), {"rubble", "debris", "wreckage"})
    if kind in ("grenade", "weapon", "ied", "bombing", "shelling", "capture") and any(
            v.pos_ == "VERB" and (lemma_of(v) in HELD_VERBS and has_cue(argument_lemmas(v, ("dobj", "nsubjpass")), ARMS)
                                  or lemma_of(v) in SEIZING and v.i != head.i and _taken_by(head, v) and _takes_arms(v))
            for v in [head, *list(head.ancestors)[:4]]):
        return False  # "seized 18 rifles and a grenade launcher", "smuggling explosives", "found and seized in the
        # defendant's room two hand grenades" (however parsed): arms held, not used
    if kind in ("grenade", "weapon", "ied", "bombing", "shelling") and any(
            lemma_of(a) == "possession" and a.pos_ == "NOUN" for a in list(head.ancestors)[:3]):
        return False  # "unlawful possession of weapons and explosive substances": a charge
    if kind in ("kill", "killing", "attack", "strike") and natural_cause(head):
        return False
    if kind == "attack" and lemma == "fire" and (any(c.dep_ == "auxpass" for c in head.children) or any(
            o.ent_type_ in ("DATE", "TIME") for p in head.children if p.dep_ == "prep" for o in p.children)
            and not any(o.ent_type_ not in ("DATE", "TIME") for p in head.children
                        if p.dep_ == "prep" and p.lower_ in ("at", "on", "upon") for o in p.children)):
        return False  # "the police chief was fired on Tuesday": dismissed, not shooting ("fired at positions" is)
    thrown = next((t for t in match if t.lemma_.lower() in ("pelt", "hurl", "throw")), None) \
        if kind == "riot" and len(match) >= 3 else None
    if thrown is not None and not any(c.dep_ in ("nsubjpass", "auxpass") for c in thrown.children) \
            and not _a_crowd_throws(thrown):  # but "troops were pelted with stones" is a riot whoever threw
        return False  # "a storm hurled bricks at parked cars", "settlers hurled rocks at cars": no crowd's riot
    if kind == "mob" and lemma != "mob" and (sport(head) or not argument_lemmas(head, ("nsubj",)) & (
            THROWERS | {"rival", "settler"})):
        return False  # "supporters traded punches", not "two boxers traded punches"
    if kind == "weapon":
        carrier = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "agent" else head.head
        carried = argument_lemmas(carrier, ("nsubjpass", "dobj"))
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
                                       IMPACT_VERBS and has_cue(argument_lemmas(c, ("dobj",)), MUNITIONS))
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
        if has_cue(words, {"legal", "political", "court", "electoral", "corruption", "poverty", "disease", "sexual"}):
            return False
        subject = argument_lemmas(head, ("nsubj",))
        # a bare gerund with no subject or object is the noun ("10:15 - Fighting overnight on the outskirts of X")
        # or "Fighting between the SDF and tribal gunmen raged overnight" (not "as fighting crept closer")
        nominal = head.tag_ == "VBG" and (head.dep_ == "ROOT" or any(  # "when fighting between rival clans flared"
            c.dep_ == "prep" and c.lower_ == "between" for c in head.children) and head.dep_ in ("advcl", "pcomp")
            or head.dep_ == "nsubj" and any(
            c.dep_ == "prep" and c.lower_ == "between" and has_cue(
                {lemma_of(t) for t in c.subtree} | {t.lower_ for t in c.subtree}, STATE | NON_STATE | OUTLAWS
                | {"forces", "troops", "gunmen", "fighters", "rebels", "militants", "militias"})
            for c in head.children)) and not any(
            c.dep_ in ("nsubj", "dobj") or c.dep_ == "prep" and c.lower_ == "for" for c in head.children)
        if lemma == "fight" and head.pos_ == "VERB" and not nominal \
                and not has_cue(words | subject, STATE | NON_STATE | OUTLAWS):
            return False  # "factions and the Syrian Democratic Forces fought", not "families fought the fire"
        if lemma == "engage" and (not {lemma_of(c) for c in head.children if c.dep_ == "dobj"} & (
                STATE | NON_STATE | OUTLAWS) or has_cue(words, TALKS) or subject & OFFICIALS):
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
    if kind == "capture" and lemma in ("occupy", "hold", "control") and (
            head.tag_ in ("VBP", "VBZ") and lemma != "control" or any(lemma_of(c) == "still" for c in head.children)):
        return False  # "troops still occupy five hilltop positions", "rebels still control Goma": a state of affairs
        # (but "the M23 say they control Goma" after pushing in overnight is the news of its fall)
    if kind == "transfer" and lemma == "hand" and any(
            c.dep_ == "dobj" and (lemma_of(c) in PERSONS | HANDED_PEOPLE or c.ent_type_ == "PERSON")
            for c in head.children):
        return False  # "handed the town back", "handed over weapons", not "handed the suspects over to
        # prosecutors in Kigali", "handed the body over to the Red Cross"
    if kind == "transfer" and head.tag_ == "VBG" and any(c.dep_ == "aux" for c in head.children):
        return False  # "the M23 announced it was withdrawing its forces": under way or planned, not done
    if kind == "clash" and lemma == "encounter" and not (
            (any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children)
             or (head.dep_ == "pobj" and head.head.lower_ in ("in", "during"))  # "shot dead … in an encounter"
             or (head.dep_ == "nsubj" and lemma_of(head.head) in ("take", "occur", "erupt", "ensue", "break")))
            # "an encounter took place in the forests of Narayanpur district"
            and has_cue(words | cue_lemmas(head.sent), STATE | NON_STATE)):
        return False  # "killed in an encounter with security forces" (South Asian usage), not "a chance encounter"
    if kind == "clash" and lemma == "confrontation" and any(t.is_alpha for t in head.doc[head.sent.start:head.i]) \
            and not (
            any(c.dep_ == "prep" and c.lower_ in ("with", "between") or c.dep_ == "det" and c.lower_ in ("a", "an")
                or c.dep_ == "amod" and c.lower_ == "armed" for c in head.children)
            and has_cue(words | cue_lemmas(head.sent), STATE | NON_STATE)):
        return False  # "died during a confrontation with the National Guard" (Latin American usage), not "the
        # confrontation in Quetta marks a turn" or "a strategy of investigation rather than confrontation"
    if kind == "transfer" and any(lemma_of(o) in CONTESTS for p in head.children if p.dep_ == "prep"
                                  and p.lower_ in ("from", "of") for o in p.children if o.dep_ == "pobj"):
        return False  # "candidates have withdrawn from Sunday's election": no territory changes hands
    if kind in ("capture", "recapture", "transfer") and not objects_placeish(head) and not objects_placeish(head.head):
        return False
    if kind == "capture" and {lemma_of(c) for c in head.children if c.dep_ == "dobj"} & {"power", "throne", "office"}:
        return False  # "soldiers seized power in Niamey": a coup, not territory taken
    if kind == "shelling" and lemma == "shell" and head.pos_ == "NOUN" and any(
            c.dep_ == "amod" and lemma_of(c) in RUINED for c in head.children):
        return False  # "found the council building a blackened shell": what is left of a building
    if kind == "abduction" and lemma == "take" and any(
            c.dep_ == "prep" and c.lower_ == "to" and argument_lemmas(c, ("pobj",)) & {"hospital", "clinic", "morgue"}
            for c in head.children):
        return False  # "three others were taken to hospital"
    if kind == "capture" and {lemma_of(c) for c in head.children if c.dep_ == "dobj"} & LOOT:
        return False  # "the attackers also seized livestock": plunder, not territory (not "the cattle market")
    if kind == "capture" and lemma in ("walk", "move", "roll", "sweep"):  # "rebels walked into Bukavu"
        subject = argument_lemmas(head, ("nsubj",))
        return has_cue(subject, NON_STATE | STATE | {"unit", "column"})  # "Fano units moved into Bichena"
    if kind == "capture" and lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in head.children) \
            and not any(is_toponym(c) or c.pos_ == "PROPN" or lemma_of(c) in PLACEISH | SETTLEMENTS | MILITARY
                        for c in head.children if c.dep_ == "dobj"):
        return False  # "prosecutors took over the investigation", not "rebels took over the town"
    if kind == "capture" and lemma == "enter":  # "rebels entered Goma", not "the war entered its third year"
        subject = argument_lemmas(head, ("nsubj",))
        if not (has_cue(subject, NON_STATE | STATE) and any(c.dep_ == "dobj" and (is_toponym(c) or lemma_of(c) in PLACEISH)
                                                        for c in head.children)):
            return False
    if kind == "clash" and lemma in ("battle", "fight") and head.pos_ == "VERB" and (
            argument_lemmas(head, ("nsubj", "dobj", "xcomp")) | {lemma_of(t) for c in head.children
                                                                if c.dep_ == "prep" and c.lower_ == "against"
                                                                for t in c.subtree}) & NO_ENEMY:
        return False  # "firefighters battled to contain blazes", "fought back tears": no armed foe
    if kind in ("attack", "clash", "kill", "killing", "strike", "shelling", "capture") and sport(head):
        return False
    crowd = PROTESTERS | {"people", "thousand", "hundred", "crowd"}
    if kind == "protest" and (head.text == "March" or (lemma in ("rally", "march") and head.pos_ == "VERB"
                                                       and not has_cue(words, crowd)
                                                       and not has_cue(cue_lemmas(head.sent), crowd - {"student"})
                                                       and not _to_demand(head))):
        return False
    if kind == "protest" and lemma == "demonstrate" and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in head.children):
        return False
    if kind in ("riot", "mob") and (riot_gear(head) or head.dep_ in ("compound", "amod") and head.lower_ == "riot"
                                    and lemma_of(head.head) == "act"):
        return False  # "riot police", and "read the riot act" to someone
    if kind == "disrupted" and lemma == "intercept" and {lemma_of(c) for c in head.children if c.dep_ in (
            "dobj", "nsubjpass")} & {"vehicle", "bus", "minibus", "truck", "car", "convoy", "motorcycle", "traveller",
                                    "traveler", "passenger", "boat"} and not _takes_arms(head):
        return False  # "fighters intercepted vehicles on the road north of Oicha": a roadblock, not a weapon stopped
        # (but "intercepted a vehicle conveying 2 AK-47 rifles" is)
    if kind == "killing" and lemma == "execute" and argument_lemmas(head, ("dobj", "nsubjpass")) & {
            "warrant", "order", "plan", "search", "operation", "raid", "contract", "strategy", "task", "mission"}:
        return False  # "officers executed a search warrant at a house in Morvant"
    if kind == "killing" and lemma in ("execute", "execution") and has_cue(cue_lemmas(head.sent), _JUDICIAL):
        return False  # "convicted on drug charges, was executed in Zahedan Central Prison": a sentence carried out
    if kind in ("capture", "abduction") and lemma == "seize" and _takes_arms(head):
        return False  # a seizure of arms (below), not of a town or of people
    if kind == "disrupted" and lemma in SEIZING and not _arms_taken(head):
        return False  # "seized a cache of rifles", not "seized the town" or "found the body"
    if kind == "disrupted" and lemma in ("deactivate", "defuse"):  # "deactivated an explosive device", not
        # "deactivated mobile internet", "two million SIM cards"
        return has_cue(argument_lemmas(head, ("dobj", "nsubjpass")), MUNITIONS | IED_CUES | {"mine", "ied", "drone"})
    if kind == "disrupted" and lemma == "repel":  # "repelled a drone attack", not "repelled an assault"
        objects = argument_lemmas(head, ("dobj", "nsubjpass"))
        return has_cue(objects, AIR_CUES | SHELL_CUES)
    if kind == "disrupted" and lemma == "bring":  # "brought down what it called hostile drones", not "… the wall";
        # something brought down "over Marib" was in the air
        return has_cue({lemma_of(t) for c in head.children if c.dep_ in ("dobj", "nsubjpass", "ccomp")
                        for t in c.subtree}, AIR_CUES | SHELL_CUES | {"aircraft", "plane", "jet", "helicopter"}) \
            or any(t.dep_ == "prep" and t.lower_ == "over" and any(o.dep_ == "pobj" and is_toponym(o) for o in t.children)
                   for t in head.subtree)
    if kind == "agreement" and lemma in ("exchange", "swap", "release") and head.pos_ == "VERB":
        objects = {lemma_of(c) for c in head.children if c.dep_ == "dobj"}
        return bool(objects & {"prisoner", "captive", "pow", "detainee", "hostage", "body", "soldier"}) and \
            lemma != "release" or bool(objects & {"hostage", "prisoner"}) and lemma == "release"
    if kind == "agreement" and lemma in ("agreement", "deal", "accord", "truce", "ceasefire", "armistice"):
        if lemma in ("agreement", "deal", "accord") and not has_cue(words | cue_lemmas(head.sent), CONFLICT_DEAL):
            return False  # a loan, trade or staff-level agreement is no conflict event
        gov = lemma_of(head.head)
        return gov in ("sign", "reach", "conclude", "broker", "seal", "agree", "ink") or (
            head.dep_ == "nsubj" and gov in ("take", "come", "begin", "start"))
    if kind == "base" and lemma in ("base", "headquarters", "outpost", "camp", "garrison"):
        if any(c.dep_ in ("amod", "advmod") and lemma_of(c) in ("establish", "newly", "new", "build")
               for c in head.subtree if c.head.i == head.i or c.head.head.i == head.i):
            return has_cue(words, MILITARY | STATE | NON_STATE)  # "a newly established forward operating base"
        verb = head.head
        if lemma_of(verb) == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
            return False  # "set ablaze the headquarters of a party", not "set up headquarters"
        return head.dep_ in ("dobj", "nsubjpass") and lemma_of(verb) in ("establish", "set", "open", "build",
                                                                       "create", "construct", "erect")
    if kind == "abduction" and lemma in ("take", "seize", "grab", "snatch"):
        agents = argument_lemmas(head, ("nsubj", "agent"), through=("conj",))  # "checked cards and took six men"
        taken = {lemma_of(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")}
        armed = bool(agents & (NON_STATE | {"gunman", "gunmen", "kidnapper", "abductor"})) or {"armed", "man"} <= agents \
            or ("man" in agents and bool(agents & HANDHELD))  # "three men carrying rifles seized him"
        # "taken from a taxi by armed men", "gunmen seized 20 travellers": people taken by armed men
        return armed and (bool(taken & PERSONS) or any(c.dep_ == "dobj" and _people(c) for c in head.children)
                          or head.tag_ == "VBN" and any(c.dep_ == "nsubjpass" and not _a_name_not_a_persons(c)
                                                        for c in head.children))
        # (but "Sake, about 25 km to the west, was taken by the rebels": a town the gazetteer lacks, captured)
    if kind == "looting" and lemma in ("demolish", "demolition", "raze", "torch") and not objects_placeish(head):
        return False
    if kind == "looting" and lemma == "uproot":  # "settlers uprooted 200 olive trees", not "uprooted families"
        return bool(argument_lemmas(head, ("dobj", "nsubjpass")) & GROVES) and not (
            argument_lemmas(head, ("nsubj", "agent")) & (NATURAL | {"wind", "gale", "tornado"}))  # nor "the storm"
    return True
