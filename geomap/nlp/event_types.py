"""Which ACLED type a trigger names in its context.

The trigger's own kind gives a default (KINDS); the words the parse attaches to it (weapon, attacker, target,
crowd) refine it: "drone attack" and "attack on a church" type differently. Whether the word is an event at all
is ``event_use``'s question.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from geomap.nlp.cues import (
    AIR_CUES, ARMED_MEN, CIVILIAN, CROWD_PEOPLE, DISRUPT_VERBS, FIGHTS, FORCES, IED_CUES, IMPACT_VERBS, LYNCHERS,
    MILITARY, NON_STATE, OUTLAWS, PERSONS, PLACEISH, PROTESTERS, SETTLEMENTS, SHELL_CUES, STATE, SYMBOLIC_BURNING,
    argument_lemmas, context_lemmas, cue_lemmas, has_cue, is_toponym, lemma_of, riot_gear, is_thrown,
)
from geomap.nlp.pipeline import toponym_spans

# how a crowd that went home by itself is told to have dispersed
PEACEFUL_END = re.compile(r"^dispersed? (?:peacefully|quietly|calmly|without (?:incident|violence|further incident))",
                          re.IGNORECASE)

# what police do to a crowd that ends a protest by force: "cleared protesters from Rustaveli Avenue"
REMOVALS = {"clear", "evict", "drag", "remove", "expel"}

# who kills in an attack told as such ("gunmen killed 21 civilians"), beyond a bare "killed"
ARMED_KILLERS = NON_STATE - {"group"} | {"attacker", "assailant", "raider", "kidnapper", "armed"}

# who bombs from the air: "the army bombed rebel-held towns", "Israel bombed Damascus"
BOMBERS = {"army", "military", "junta", "regime", "aircraft", "jet", "warplane", "helicopter", "plane", "bomber"}

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


def _weapon_subtype(words: set[str]) -> str | None:
    ied = IED_CUES if words & (IED_CUES - {"car", "vehicle"}) else set()  # "sprayed his vehicle with bullets"
    # gas alone is no cue: police fire tear gas at crowds every week
    chemical = {"chemical", "chlorine", "sarin", "mustard", "poison gas", "gas attack", "nerve agent"}
    for cues, sub in (({"suicide"}, SUICIDE), (chemical, CHEMICAL),
                      ({"grenade"}, GRENADE), (AIR_CUES, AIR), (SHELL_CUES, SHELLING), (ied, IED)):
        if has_cue(words, cues):
            return sub
    return None


def _doers_of_fire(head: Token) -> set[str]:
    """Lemmas of who or what set a fire: the verb's subject, or what the verb it hangs on launched."""
    verbs, verb = [head], head
    while verb.dep_ in ("advcl", "conj") and verb.head.pos_ == "VERB" and len(verbs) < 4:
        verb = verb.head  # "launched drone attacks, killing two and setting fires"
        verbs.append(verb)
    return {lemma_of(t) for v in verbs for c in v.children
            if c.dep_ in ("nsubj", "agent") or (v is not head and c.dep_ == "dobj" and not is_thrown(c))
            for t in c.subtree}


CROWD_MISSILES = {"missile", "projectile", "brick", "bottle", "firework", "object", "egg", "stone", "rock"}


def _police_broke_it_up(sentence: Span) -> bool:
    """ "fired tear gas", "broke up the rally", "police tore down protest tents": written as such, not "tore down a
    statue", "a gas station" or "set up barricades"."""
    return any(t.lower_ == "tear" and t.i + 1 < sentence.end and t.nbor().lower_ in ("gas", "-gas")
               or lemma_of(t) == "break" and any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children)
               or lemma_of(t) in ("tear", "pull", "dismantle", "remove", "clear") and t.pos_ == "VERB"
               and argument_lemmas(t, ("nsubj",)) & FORCES  # "police tore down protest tents"
               and argument_lemmas(t, ("dobj",)) & {"tent", "camp", "encampment", "barricade", "sit-in", "blockade"}
               for t in sentence)


def _crowd_wrecked(sentence: Span) -> bool:
    """ "protesters tore down a statue of Hugo Chávez", "crowds toppled a monument", "broke the gates of the
    governor's office": the crowd destroyed property (not "police tore down protest tents", "called for the
    government to be toppled")."""
    crowd = PROTESTERS | CROWD_PEOPLE | {"crowd", "mob", "rioter"}
    for verb in sentence:
        if verb.pos_ != "VERB" or not any(c.dep_ == "nsubj" and lemma_of(c) in crowd for c in verb.children):
            continue
        lemma, deps = lemma_of(verb), {(c.dep_, c.lower_) for c in verb.children}
        if lemma == "topple" or lemma == "break" and any(dep == "dobj" for dep, _ in deps) \
                or lemma in ("tear", "knock") and ("prt", "down") in deps:  # (not "pulled down their shutters in
            return True  # protest": a strike)
    return False


GOVERNMENT_MARKS = {"federal", "government", "governmental", "security", "state", "national"}


def _a_governments(verb: Token) -> bool:
    """ "federal forces", "government forces", "security forces" as the verb's subject (not "RSF forces")."""
    return any(c.dep_ in ("nsubj", "agent") and lemma_of(c) in ("force", "forces") and any(
        m.dep_ in ("amod", "compound") and m.lower_ in GOVERNMENT_MARKS for m in c.children) for c in verb.children)


ARMIES = {"force", "forces", "troop", "unit", "army", "military", "brigade", "battalion", "regiment", "division"}


# what "attacked on the …" can be where, not whom: "attacked on the northern outskirts of Kupiansk"
WHERE_ON = {"outskirts", "outskirt", "edge", "front", "frontline", "direction", "axis", "flank", "side", "area",
            "sector", "approach", "approaches", "bank", "line"}


def _aimed_at_anyone(head: Token) -> bool:
    """Whether the attack names whom or what it hit (an object, "on/at/against" something that is not a day)."""
    return any(c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "prep" and c.lower_ in ("on", "upon", "at", "against")
               and any(o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") and lemma_of(o) not in WHERE_ON
                       for o in c.children) for c in head.children)


def _armies_attacking(head: Token) -> bool:
    """A state's forces (or units named as such) as the attackers, or attacks an army repelled."""
    attackers = argument_lemmas(head, ("nsubj", "agent")) | {
        lemma_of(o) for p in head.children if p.dep_ == "agent" or p.dep_ == "prep" and p.lower_ == "by"
        for o in p.children if o.dep_ == "pobj"}
    if attackers & (NON_STATE - {"group"} | OUTLAWS):
        return False  # "Allied Democratic Forces (ADF) rebels hacked …": rebels, whatever their name says
    assault_groups = any(lemma_of(c) == "assault" for o in head.subtree if lemma_of(o) == "group" for c in o.children)
    repelled = head.dep_ in ("dobj", "nsubjpass") and lemma_of(head.head) in ("repel", "repulse", "thwart")
    return bool(attackers & ARMIES) or assault_groups or repelled


SHOOTOUTS = {"leave", "trade", "exchange", "open"}  # verbs whose object still says whom an attack was aimed at


def _targets(head: Token) -> set[str]:
    """Lemmas of who or what an attack was aimed at: its object, "on/at/against" objects, the killed."""
    found: set[str] = set()
    if lemma_of(head) == "come":  # "a military patrol came under fire": the subject is the target
        found |= argument_lemmas(head, ("nsubj",))
        if found <= {"they", "it"} and head.dep_ in ("advcl", "conj"):
            found |= argument_lemmas(head.head, ("nsubj", "nsubjpass"))  # "troops were patrolling … when they came"
    heads = [head] + ([head.head] if head.dep_ in ("nsubj", "dobj", "compound", "pobj") else [])
    for word in heads:
        for child in word.children:
            # "the attack killed five", "gunmen traded shots with police", not "an attack on a military base
            # disrupts humanitarian movements"
            if child.dep_ in ("dobj", "nsubjpass") and child.i != head.i and not (
                    word is not head and head.dep_ == "nsubj" and lemma_of(word) not in IMPACT_VERBS | SHOOTOUTS):
                found |= {lemma_of(t) for t in _described(child)}
            if child.dep_ == "prep" and child.lower_ in ("on", "upon", "at", "against", "into", "targeting"):
                found |= {lemma_of(t) for t in _described(child)}
    for token in head.sent:
        if lemma_of(token) in ("kill", "wound", "injure") and token.pos_ == "VERB":
            found |= argument_lemmas(token, ("dobj", "nsubjpass"))
        elif lemma_of(token) == "die" and token.pos_ == "VERB":
            found |= argument_lemmas(token, ("nsubj",))  # "28 soldiers died in an attack near Kandi"
    return found


def _described(phrase: Token) -> list[Token]:
    """A noun phrase's words without relative clauses that have a subject of their own: "three men they accused
    of informing for the army" are civilians, whoever "the army" is."""
    own_clauses = [c for t in phrase.subtree for c in t.children if c.dep_ == "relcl" and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in ("who", "that", "which", "whom") for s in c.children)]
    # and without where it stood: "army positions near the village of Tegh" are army positions
    placed = [c for t in phrase.subtree for c in t.children if c.dep_ == "prep" and c.lower_ in WHERE_IT_STOOD]
    skipped = {t.i for c in own_clauses + placed for t in c.subtree}
    return [t for t in phrase.subtree if t.i not in skipped]


WHERE_IT_STOOD = frozenset({"near", "outside", "in", "inside", "around", "beside", "behind", "close"})


def _on_a_place(head: Token) -> bool:
    """Whether an attack's target is a town or region itself ("attack on Kharkiv"), not something in it."""
    if any(c.dep_ == "compound" and is_toponym(c) and c.ent_type_ != "NORP" for c in head.children):
        return True  # "the Kherson attack"
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "against"):
            return any(o.dep_ == "pobj" and is_toponym(o) and o.ent_type_ != "NORP" for o in child.children)
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and is_toponym(c) for c in head.children)


# a town taken with no fight ("walked into Bukavu without meeting resistance"); "little resistance" was some
UNOPPOSED = re.compile(r"\bwithout (?:meeting |encountering |facing )?(?:any )?(?:a fight|firing a shot|resistance|"
                       r"opposition|a shot)|\bunopposed\b|\bno resistance\b", re.IGNORECASE)


GRIEVANCE_OBJECTS = {"protest", "denounce", "condemn", "decry", "mourn", "demand"}  # "protested the killing of …"
GRIEVANCE_VERBS = GRIEVANCE_OBJECTS | {"rally", "march", "demonstrate"}  # "marched against the arrest of …"


def _grievance_lemmas(head: Token) -> set[str]:
    """The words of what a crowd protested ("to protest the killing of a trader, who was shot dead by soldiers",
    "demonstrated against the arrest of …"): the grievance's violence is not the police's at the protest."""
    found: set[str] = set()
    for verb in (t for t in head.sent if t.pos_ == "VERB" and lemma_of(t) in GRIEVANCE_VERBS):
        objects = [c for c in verb.children if c.dep_ == "dobj" and lemma_of(verb) in GRIEVANCE_OBJECTS]
        objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("against", "over")
                    for o in p.children if o.dep_ == "pobj"]
        for obj in objects:
            found |= {lemma_of(t) for t in obj.subtree}
    return found


def refine(kind: str, match: Span, head: Token) -> tuple[str, str, int]:
    """The ACLED (event_type, sub_event_type, strength) of a trigger in its context."""
    event_type, sub, strength = KINDS[kind]
    words = context_lemmas(head) | cue_lemmas(match)
    words |= {lemma_of(t) for c in head.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
              for t in c.subtree}  # "killed … by falling debris"
    carried = {lemma_of(t) for a in head.sent if lemma_of(a) == "arm" and a.tag_ == "VBN" for t in a.subtree} - {"arm"}
    weapon = _weapon_subtype(words - carried)  # "gunmen armed with grenades attacked": no grenade attack
    if kind == "protest" and lemma_of(head) == "march" and head.pos_ == "VERB" and any(
            c.dep_ == "dobj" and (lemma_of(c) in PERSONS or c.lower_ in ("them", "him", "her")) for c in head.children):
        return KINDS["abduction"]  # "bandits marched twenty-three people into the forest": led away by force
    if kind in ("kill", "killing") and any(c.dep_ == "nsubj" and lemma_of(c) in FIGHTS for c in head.children):
        return BATTLES, "Armed clash", strength  # "clashes involving tanks and drones killed 100": the battle killed
    if weapon == IED and lemma_of(head) == "bomb" and not has_cue(words, IED_CUES - {"bomb"}) and has_cue(
            cue_lemmas(head.sent), {"aircraft", "jet", "warplane", "helicopter", "bomber"}):
        weapon = AIR  # "aircraft struck … and returned on Sunday, when bombs destroyed houses"
    if weapon == IED and lemma_of(head) == "bomb" and head.pos_ == "VERB" and not has_cue(words, IED_CUES - {"bomb"}) \
            and any(c.dep_ in ("dobj", "nsubjpass") and lemma_of(c) in SETTLEMENTS - {"capital", "area"}
                    or c.dep_ == "nsubj" and (lemma_of(c) in BOMBERS or is_toponym(c))  # the words themselves: not
                    for c in head.children):  # "the town hall", "a village mosque", "militants fighting the government"
        weapon = AIR  # "a village north of Myawaddy was bombed", "the army bombed rebel-held towns": from the air
    ground = argument_lemmas(head, ("nsubj",))
    rammed = PERSONS | PROTESTERS | {"pedestrian"}  # "a pickup striking demonstrators": not struck from the air
    struck_people = kind == "strike" and head.pos_ == "VERB" and not weapon and (any(
        c.dep_ == "nsubjpass" and (c.ent_type_ == "PERSON" or lemma_of(c) in PERSONS)
        or c.dep_ == "dobj" and lemma_of(c) in rammed for c in head.children)
        or head.dep_ == "amod" and lemma_of(head.head) in rammed)
    if kind == "strike" and (ground & (NON_STATE | {"attacker", "gunman", "gunmen", "assailant", "raider"})
                             and weapon not in (AIR, SHELLING) or struck_people):
        # "attackers armed with rifles struck the station"; "Hoffman and his wife were both struck multiple times"
        kind, (event_type, sub, strength) = "attack", KINDS["attack"]
    if kind == "bombing" and lemma_of(head) == "blow" and has_cue(
            argument_lemmas(head, ("nsubj",), through=("conj",)), STATE) and has_cue(
            argument_lemmas(head, ("dobj",)),
            {"house", "home", "building", "bridge", "school", "mosque", "shop"}):
        return KINDS["looting"]  # "troops blew up a cluster of houses": property destroyed, no explosive attack
    if kind in ("strike", "attack", "weapon", "bombing", "kill", "killing", "gunman") and weapon:
        if kind == "weapon" and (lemma_of(head.head) in DISRUPT_VERBS or any(
                c.dep_ == "amod" and lemma_of(c) in ("down", "downed", "intercept", "shoot") for c in head.children)):
            return KINDS["disrupted"]  # "fragments of a downed drone fell on a car park"
        if kind in ("kill", "killing") and weapon == IED and not has_cue(words, {"bomb", "ied", "explosive", "mine"}):
            return event_type, sub, strength
        return EXPLOSIONS, weapon, max(strength, 4)
    if kind == "bombing" and has_cue(words, AIR_CUES):
        return EXPLOSIONS, AIR, strength
    if kind == "shelling" and any(lemma_of(a) == "drop" for a in list(head.ancestors)[:3]):
        return EXPLOSIONS, AIR, strength  # "a quadcopter dropped a mortar round onto a house": from the air
    if kind == "abduction":
        agents = argument_lemmas(head, ("nsubj", "agent"), through=("conj",))
        if agents & LYNCHERS and not agents & (STATE | NON_STATE | {"gunman", "gunmen", "armed", "kidnapper"}):
            return RIOTS, "Mob violence", 8  # "the suspect had been seized by a crowd near the motor park"
        if lemma_of(head) in ("force", "bundle", "drag", "shove") and agents & STATE and not agents & NON_STATE:
            return KINDS["arrest"]  # "police bundled two activists into a van"
    if kind in ("attack", "killing", "kill", "gunman", "beating"):
        # "residents seized two men and beat them": the subject of the verb a conjunct hangs on
        subject = argument_lemmas(head, ("nsubj", "agent"), through=("conj",))
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
                and has_cue(argument_lemmas(head, ("dobj",)), {"rally", "march", "protest", "demonstration", "meeting"}):
            return RIOTS, "Mob violence", 8  # "supporters of the banned party attacked a rally"
        if kind in ("killing", "beating") and has_cue(words, {"suspicion", "suspect", "accuse"}) and has_cue(
                cue_lemmas(head.sent), {"theft", "thief", "steal", "cattle", "witchcraft", "blasphemy", "kidnapper"}) \
                and not subject & (STATE | NON_STATE):
            return RIOTS, "Mob violence", 8  # "man beaten to death on suspicion of cattle theft": a lynching
        if has_cue(words, {"protester", "protestor", "demonstrator", "protest", "demonstration", "rally", "chant",
                        "marcher", "mourner"}) and has_cue(words, FORCES):
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
        armed = targets & ARMED_MEN and not has_cue(words, {"suspect", "suspected", "alleged", "custody", "detain"})
        if (targets & MILITARY or armed) and not targets & CIVILIAN - militarised and not captive:
            return BATTLES, "Armed clash", strength  # but "three captured soldiers were shot": prisoners killed
        if kind == "attack" and not _aimed_at_anyone(head) and _armies_attacking(head):
            return BATTLES, "Armed clash", strength  # "Russian forces attacked within Pokrovsk", "repelled attacks
            # by Ukrainian assault groups": armies attack armies
        if kind == "attack" and lemma_of(head) != "storm" and _on_a_place(head) and not has_cue(words, {
                "gunman", "gunmen", "assailant", "knife", "bandit", "mob", "attacker", "armed", "gang", "fighter"}) \
                and not has_cue(cue_lemmas(head.sent), {"shoot", "settler", "stab"}):
            # (not "was shot in the chest during the attack on Turmusayya")
            return EXPLOSIONS, SHELLING, strength  # "the attack on Kharkiv": a whole town is hit from afar
        if kind == "kill" and any(c.dep_ == "nsubj" and lemma_of(c) in ARMED_KILLERS for c in head.children) \
                and any(c.dep_ == "dobj" for c in head.children):
            strength = max(strength, 3)  # "gunmen killed 21 civilians": an attack told as such, not a bare death
        return VAC, "Attack", strength
    if kind == "clash" and lemma_of(head) == "ambush":
        targets = _targets(head)
        if targets & CIVILIAN and not targets & (MILITARY - {"convoy", "vehicle"}):
            return VAC, "Attack", strength  # "a convoy of trucks carrying food assistance was ambushed"
    if kind == "clash":
        armed = has_cue(cue_lemmas(head.sent), NON_STATE - {"group"} | {"cartel", "gang", "armed", "soldier", "troop"})
        street = match.text.lower().startswith("running battle") or any(  # "street battles" of a crowd or police
            c.dep_ in ("compound", "amod") and lemma_of(c) == "street" for c in head.children) and has_cue(
            cue_lemmas(head.sent), PROTESTERS | LYNCHERS | CROWD_PEOPLE | {"police", "policeman"}) and not has_cue(
            cue_lemmas(head.sent), MILITARY - {"police", "policeman", "station", "post", "position"} | NON_STATE)
        if has_cue(words, PROTESTERS) or (street and not armed):
            return RIOTS, "Violent demonstration", 8  # "running battles in Jatrabari", "street battles": not war
        fighters = argument_lemmas(head, ("nsubj",), through=("conj",))
        if fighters & (LYNCHERS | CROWD_PEOPLE - {"member"}) and not fighters & (STATE | NON_STATE) and not armed \
                and has_cue(words, FORCES):
            return RIOTS, "Violent demonstration", 8  # "residents clashed with riot police outside the town hall"
        # but "gunmen from rival factions fought a running battle through the streets" is a gunfight
        if lemma_of(head) in ("assault", "offensive") and has_cue(words, AIR_CUES | {"missile", "shahed"}):
            return EXPLOSIONS, AIR, 6  # "a nine-hour drone assault on Kyiv"
        # but armed men of two communities trading fire are a clash
        if has_cue(words, {"villager", "community", "herder", "farmer", "mob"}) and not has_cue(
                words, STATE | {"armed", "gunman", "gunmen", "militia", "gunfire"}):
            return RIOTS, "Mob violence", strength
    if kind == "protest" and lemma_of(head) in ("block", "barricade"):
        blockers = argument_lemmas(head, ("nsubj", "agent"), through=("conj",))
        blockers |= {w[:-1] for w in blockers if w.endswith("s")}  # "Relatives of inmates" tagged as a name
        if blockers and not blockers & (PROTESTERS | LYNCHERS | CROWD_PEOPLE | {"inmate"}) or blockers & (
                STATE | NON_STATE | FORCES | {"attacker", "assailant", "gunman", "gunmen", "kidnapper", "armed"}):
            return event_type, sub, 0  # "police blocked the roads", "Israel blocked the crossing", "a landslide …"
    if kind == "protest":
        sentence = cue_lemmas(head.sent) - _grievance_lemmas(head)
        # the crowd's own violence makes a riot even when police kill; "riot police" is no riot
        # and burning tyres at a road block or an effigy is how a protest is staged, not violence (ACLED codes it a protest)
        riot_words = {lemma_of(t) for t in head.sent
                      if not riot_gear(t)
                      and not (lemma_of(t) in ("burn", "burning", "torch") and {lemma_of(t.head), *(
                          lemma_of(c) for c in t.children)} & SYMBOLIC_BURNING)}
        # "protests … turned violent": the crowd's violence, told in a word
        # (and "as protests by students … turned violent", parsed with "as" a preposition)
        turned = [t for t in head.sent if lemma_of(t) in ("turn", "become", "grow") and (
            t.i == head.head.i and head.dep_ == "nsubj" or head.dep_ == "pobj" and head.i < t.i <= head.i + 15)]
        if any(c.dep_ in ("acomp", "oprd") and c.lower_ in ("violent", "bloody", "deadly")
               for t in turned for c in t.children):
            return RIOTS, "Violent demonstration", 8
        if has_cue(riot_words, {"clash", "stone", "stoning", "pelting", "rock", "torch", "burn", "loot", "looting",
                                "vandalise", "vandalize", "riot", "petrol", "molotov", "smash", "throw", "pelt", "hurl",
                                "arson", "ablaze", "alight", "vandalism", "deface", "ransack"}) or _crowd_wrecked(
                head.sent) or any(  # "setting two vehicles on fire"
                lemma_of(t) == "fire" and t.dep_ == "pobj" and t.head.lower_ == "on" and lemma_of(t.head.head) == "set"
                and not any(c.dep_ == "nsubj" and lemma_of(c) in FORCES for c in t.head.head.children) for t in head.sent):
            return RIOTS, "Violent demonstration", 8
        opened_fire = any(lemma_of(t) == "fire" and lemma_of(t.head) == "open" for t in head.sent)
        if has_cue(sentence, FORCES) and (has_cue(sentence, {"kill", "shoot", "live", "dead"}) or opened_fire):
            return PROTESTS, "Excessive force against protesters", 8  # "guards opened fire on a crowd that had
            # gathered peacefully"
        if head.dep_ in ("nsubjpass", "dobj") and lemma_of(head.head) in ("shoot", "kill") \
                and lemma_of(head) in ("protester", "protestor", "demonstrator", "marcher"):
            return PROTESTS, "Excessive force against protesters", 8  # "a protester was shot dead …"
        # "police detained Mayor X …, and students marched": a named person's arrest is no move against the crowd
        sentence -= {lemma_of(t) for t in head.sent if lemma_of(t) in ("arrest", "detain") and (any(
            u.ent_type_ == "PERSON" for c in t.children if c.dep_ in ("dobj", "nsubjpass") for u in c.subtree)
            or t.dep_ == "amod")}  # nor is "a sit-in over a detained leader": the grievance, not the police's act
        dispersals = [t for t in head.sent if lemma_of(t) == "disperse"]
        if dispersals and all(PEACEFUL_END.search(head.doc[t.i:t.right_edge.i + 1].text) for t in dispersals):
            sentence -= {"disperse"}  # "marched … and dispersed without incident": the crowd went home by itself
        if any(lemma_of(t) in REMOVALS and t.pos_ == "VERB" and any(
                c.dep_ == "dobj" and lemma_of(c) in PROTESTERS | CROWD_PEOPLE for c in t.children) for t in head.sent):
            return PROTESTS, "Protest with intervention", strength  # "riot police cleared protesters from the avenue"
        if has_cue(sentence, {"disperse", "teargas", "cannon", "baton", "arrest", "detain", "rubber", "beat",
                              "pepper", "pellet", "flash-bang", "stun"}) or _police_broke_it_up(head.sent):
            return PROTESTS, "Protest with intervention", strength
    if kind == "looting" and (fired_by := _weapon_subtype(_doers_of_fire(head))) in (AIR, SHELLING):
        # "Ukrainian drones set fire to a fuel terminal", "launched drone attacks, killing two and setting fires
        # across the capital": the fire is what the strike did, not property destroyed by people
        return EXPLOSIONS, fired_by, strength
    if kind == "looting":
        # "crowds hurled stones, then set fire": the subject of the verb the second clause hangs on
        subject = argument_lemmas(head, ("nsubj", "agent"), through=("conj", "dep"))
        sentence = cue_lemmas(head.sent)
        # "torch a car, stone troops"; "threw missiles at officers and set fire to part of a hotel"
        stoning = has_cue(sentence, {"stone", "pelt", "hurl", "molotov", "rock"}) or any(
            is_thrown(t) and lemma_of(t) in CROWD_MISSILES for t in head.sent)
        armed = STATE | NON_STATE - {"group"} | {"settler", "man"}  # "groups of youths" riot; settlers do not
        # "groups of young men smashed windows and looted a supermarket"
        young_men = {"young", "man"} <= sentence and not sentence & (NON_STATE - {"group"} | {"settler", "gunman"})
        # "a bus was torched … as the day of action turned ugly": property burnt by no one named, in a crowd's story
        # (and "the unrest had spread to Compton, where a group set a car on fire": a group of the crowd)
        crowd_story = (not subject or subject <= {"group", "a"}) and has_cue(sentence, PROTESTERS - {
            "student", "youth"} | {"mob", "riot", "unrest", "disorder", "day of action"})  # not "march": "on 7 March"
        if (subject & (PROTESTERS | LYNCHERS) or stoning or young_men or crowd_story) \
                and not subject & (armed - ({"man"} if young_men else set())):
            return RIOTS, "Violent demonstration", 8  # "angry residents set fire to a police station"
    if kind == "arrest":
        subject = argument_lemmas(head, ("nsubj", "agent"), through=("advcl", "conj"))
        non_state = subject & (NON_STATE | {"kidnapper", "abductor", "attacker", "assailant", "raider", "gunman",
                                            "gunmen", "jihadist"}) or {"armed", "man"} <= subject
        if non_state and not subject & (STATE | FORCES | {"gendarme", "officer", "agent"}):
            if has_cue(cue_lemmas(head.sent), {"kill", "execute", "massacre", "behead", "shoot", "open fire"}):
                return VAC, "Attack", 1  # "insurgents rounded up farmers and killed 40": the killing is the event
            return VAC, "Abduction/forced disappearance", 6  # "armed men stormed a village, rounding up 43"
    if kind == "capture" and lemma_of(head) == "enter" and "settler" in argument_lemmas(head, ("nsubj",)):
        return KINDS["attack"]  # "30 Israeli settlers, several of them masked, entered the village of al-Mughayyir"
    # the handover in the trigger's own clause ("after the rebels handed it back"), not "The handover … is a
    # reversal: the Kokang force seized Lashio in August"
    if kind in ("capture", "recapture") and (has_cue(cue_lemmas(head.subtree), {"hand over", "hand back", "handover"})
                                             or UNOPPOSED.search(head.sent.text)):
        return KINDS["transfer"]  # "regained control … without firing a shot, after the rebels handed it back"
    if kind == "capture":
        # a headline's "Two aid workers seized near Ma'rib" is passive whatever the tagger says: nothing is seized
        headline_passive = not any(c.dep_ == "dobj" or (c.dep_ == "aux" and lemma_of(c) == "have")
                                   for c in head.children)
        seized = {lemma_of(c) for c in head.children if c.dep_ in ("dobj", "nsubjpass")
                  or (c.dep_ == "nsubj" and headline_passive)}
        if any(c.ent_type_ == "PERSON" and c.pos_ == "PROPN" and not is_toponym(c)  # not "an army garrison"
               for c in head.children if c.dep_ in ("dobj", "nsubjpass")):
            seized.add("person")  # "seized New Zealand pilot Phillip Mehrtens"
        if head.dep_ == "acl" and head.tag_ == "VBN":
            seized.add(lemma_of(head.head))  # "former FARC members seized from their homes"
        if seized & {"prefect", "sub-prefect", "governor", "commissioner", "administrator", "lawmaker", "legislator",
                     "minister", "councillor", "pilot", "tourist", "foreigner", "missionary", "nun", "national",
                     "expatriate", "employee", "staff", "engineer", "commander", "leader", "kingpin", "ringleader",
                     "bodyguard"}:
            seized.add("person")  # "gunmen seized the sub-prefect of Markounda"
        agents = argument_lemmas(head, ("agent",) if headline_passive else ("nsubj", "agent"))
        # people taken, fighters included ("troops captured 15 ISWAP fighters", their object): not territory
        fighters = {lemma_of(c) for c in head.children if c.dep_ == "dobj"} & ((NON_STATE - {"group"}) | ARMED_MEN)
        if (seized & (PERSONS | {"person"}) or fighters) and not seized & PLACEISH:
            if agents & LYNCHERS and not agents & (STATE | NON_STATE | {"gunman", "gunmen", "armed"}):
                return RIOTS, "Mob violence", 8  # "the suspect had been seized by a crowd"
            return (STRATEGIC, "Arrests", 6) if agents & STATE else (VAC, "Abduction/forced disappearance", 7)
    if kind == "capture":
        subject, doer = argument_lemmas(head, ("nsubj", "agent")), head
        while not subject and doer.dep_ in ("conj", "advcl") and doer.tag_ in ("VBG", "VBD", "VBN") \
                and doer.head.pos_ == "VERB":  # "Gangs attacked Mirebalais, freeing inmates and taking control"
            doer = doer.head
            subject = argument_lemmas(doer, ("nsubj", "agent"))
        if subject and subject <= {"they", "we"} and head.dep_ == "ccomp":  # "resistance forces said they had captured Kalewa"
            subject = argument_lemmas(head.head, ("nsubj",))
        if subject & (NON_STATE | {"resistance", "gang", "cartel"}) or _a_named_group(doer) or (
                subject & {"unit", "column"} and not subject & STATE) or (
                not subject & STATE and has_cue(words, NON_STATE) and not has_cue(words, STATE)):
            return BATTLES, "Non-state actor overtakes territory", strength
        governments = {"army", "troop", "soldier", "military"} | (
            {"force"} if _a_governments(doer) else set())  # "Iraqi federal forces took control of the city"
        if subject & governments and not subject & NON_STATE:
            return KINDS["recapture"]  # "troops said they had taken full control of the airport" (a foreign state's
            # forces taking a town are recoded where the place is known)
        return BATTLES, "Armed clash", strength
    return event_type, sub, strength


# words that make an organisation's name a state's ("Sudanese Armed Forces", "Israel Defense Forces")
STATE_NAME_WORDS = {"army", "military", "government", "police", "ministry", "navy", "defense", "defence", "armed",
                    "guard", "gendarmerie", "state", "national",
                    # national armies the news names by a short name of their own
                    "idf", "tatmadaw", "fardc", "saf", "sspdf", "fama", "fanci", "ana", "isf", "pla", "ispr"}


def _a_named_group(doer: Token) -> bool:
    """ "the M23 seized Goma", "the Rapid Support Forces took Wad Madani": a name (not a place's) as the one taking
    a town, with nothing in it that makes it a state's, is an armed group's."""
    heads = [c for c in doer.children if c.dep_ == "nsubj"] + [
        o for c in doer.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    names = [t for h in heads if h.pos_ == "PROPN" and not _a_known_place(h) for t in h.subtree
             if t.pos_ == "PROPN" or t.i == h.i]
    return bool(names) and not {lemma_of(t) for t in names} & (STATE_NAME_WORDS | STATE)


def _a_known_place(token: Token) -> bool:
    return any(s.start <= token.i < s.end and s._.geomap_place is not None for s in toponym_spans(token.doc))
