"""Whether a trigger reports a real event: negated, irrealis, aggregate, habitual and anaphoric uses are not.

"No attacks were reported", "could strike", "threatened to attack", "proposals include…", "a 48% increase in
assassinations", "have shelled X for months", "this attack" (the event is coded where it was first reported),
"it remains the deadliest attack": none of these is an incident.
"""
from __future__ import annotations

import logging
import re

from spacy.tokens import Span, Token

from geomap.geocoding.names import normalize
from geomap.nlp.cues import FORCES, TELLING_VERBS, lemma_of
from geomap.nlp.pipeline import toponym_spans
from geomap.nlp.nonviolence import NATURAL
from geomap.nlp.events import Trigger, find_triggers

log = logging.getLogger("geomap.incidents.filters")

IRREALIS = {"threaten", "warn", "plan", "propose", "vow", "pledge", "promise", "intend", "aim", "seek", "want",
            "demand", "urge", "prepare", "consider", "fear", "risk", "plot", "prevent", "avoid", "deter",
            "refuse", "discuss", "negotiate", "debate", "deny", "foil", "thwart", "avert", "disrupt", "hope", "expect", "predict", "forecast",
            "likely", "unlikely",  # "the AA is unlikely to storm the port itself"
            "would", "could", "might", "may", "should", "will", "can", "shall", "must", "need",
            "threat", "risk", "possibility", "prospect", "warning", "proposal", "danger", "likelihood", "chance",
            "fear", "plan", "ultimatum", "scenario", "preparation", "readiness", "capability", "capacity", "ability",
            "intention", "ban", "prohibit", "dismiss", "refute", "reject", "allegation", "rumour", "allege",
            "fabrication", "rumor", "hint", "float", "suggest", "contemplate", "destine", "earmark",
            # "Washington's green light for strikes into Russia": what is permitted has not happened
            "permission", "authorisation", "authorization", "approval", "go-ahead"}
# "asked the courts to bar police from using live ammunition against demonstrators": what is asked for or barred
REQUESTS = {"ask", "request", "appeal", "petition", "press", "urge",  # "press Israel to halt its attacks and withdraw"
            "order", "instruct", "authorise", "authorize"}  # "ordered security forces to take control of the city"
REPORT_NOUNS = {"report", "rumour", "rumor", "claim", "account", "video", "post", "message"}
FALSEHOOD = {"wrong", "false", "unfounded", "baseless", "untrue", "inaccurate", "fake", "erroneous"}
# "reports of an attack near Ayorou were denied": what is denied, as subject or object, did not happen
DENIAL = {"deny", "refute", "dismiss", "reject"}
# "men descended on the rally", "gunmen attacked a march": the protest is the target; the attack is the event
ASSAULT_VERBS = {"attack", "storm", "descend", "raid", "ambush", "assault", "target", "set", "swoop", "charge", "fire"}
LEGAL = {"sentence", "convict", "jail", "indict", "acquit", "prosecute", "imprison", "arraign", "accuse", "try",
         "suspect", "implicate"}  # not "charge": police charge crowds
ATTEMPT = {"try", "attempt", "push", "strive", "struggle"}  # "pushing to retake", "tried to storm": not done
TRENDS = {"intensify", "escalate", "increase", "double", "triple", "multiply"}  # done to attacks: more of them
AGGREGATE = {"increase", "surge", "rise", "decline", "decrease", "drop", "number", "rate", "spike", "average",
             "multiply", "soar", "double", "triple", "climb", "mount", "escalate", "intensify",
             "total", "tally", "percent", "%", "share", "statistic", "frequency", "trend", "count", "proportion",
             "pattern", "fall", "growth", "doubling", "jump", "account", "represent", "constitute", "make",
             "step", "ramp"}  # "have stepped up attacks"
HABITUAL = {"weekly", "daily", "monthly", "annual", "yearly", "such", "similar", "possible", "potential", "future",
            "previous", "prior", "further", "frequent", "repeated", "repeat", "urban", "hypothetical", "earlier",
            "past", "recurrent", "regular", "constant", "incessant", "persistent", "routine"}
ANAPHORA = {"this", "that", "these", "those"}
STUDIES = {"study", "report", "survey", "data", "analysis", "research", "figure", "statistic", "monitor", "database",
           "index", "review", "estimate", "trend"}
# "a war monitor said": attribution of a report, not an analysis of a trend
REPORTING = TELLING_VERBS | {"write", "post"}
# "until they stopped attacking shipping": the activity as a whole, not one event
CESSATION = {"stop", "cease", "halt", "end", "quit", "resume", "continue", "keep"}
SERIES = {"string", "series", "spate", "wave", "litany", "catalogue", "catalog", "succession", "pattern", "run",
          "continuation"}
# people named by what they do: "a vigilante leader", "a militia commander" name an actor
ROLES = {"leader", "commander", "chief", "head", "spokesman", "spokeswoman", "spokesperson", "member", "official",
         "group", "organisation", "organization", "unit", "network", "coordinator", "founder", "activist",
         "organiser", "organizer", "movement",
         # and places named for what is done there: "the federal detention centre", "a protest camp"
         "centre", "center", "facility", "site", "cell", "ward", "camp",
         # and trades and teams named for it: "a bomb maker", "the bomb disposal squad"
         "maker", "disposal", "squad", "factory", "expert", "technician", "crew", "operator", "pilot"}
# what protesters do with a grievance: "chanting slogans against attacks", "marched over the killings"
GRIEVANCE = {"chant", "slogan", "protest", "march", "rally", "demonstrate", "demonstration", "denounce", "condemn",
             "placard", "banner", "petition", "campaign", "anger", "outrage", "vigil", "strike", "sit-in"}
# "an air raid alert", "air-raid sirens sounded": the warning of an attack, not one
PRECAUTIONS = {"alert", "siren", "warning", "alarm", "shelter", "drill",
               "activity", "campaign"}  # and a trend: "a continuation of IED activity", "the drone campaign"
# "a gas explosion", "a blast caused by a faulty boiler": household and industrial accidents
ACCIDENTS = {"gas", "boiler", "cylinder", "leak", "heater", "stove", "circuit", "fault", "faulty", "firework",
             "firecracker", "pyrotechnic", "methane", "tanker"}
BLASTS = {"explosion", "blast", "fire", "explode", "blaze"}
CRASHES = {"collide", "overturn", "capsize", "derail", "plunge", "skid", "crash", "sink", "drown", "collapse"}
HOSTILE = {"hit", "strike", "fire", "attack", "mine", "shoot", "missile", "rocket", "drone", "shell", "ambush",
           "explosive", "bomb", "down"}
TEMPORAL_PREPS = {"after", "following", "since", "despite", "amid", "before", "during", "over", "in", "by", "of",
                  "for", "with"}


def real_triggers(span: Span) -> list[Trigger]:
    """The triggers of a sentence that report an event as having happened (detail-only kinds included)."""
    kept, dropped = [], set()
    for trigger in find_triggers(span):
        reason = not_an_event(trigger.head, trigger.kind)
        if reason:
            log.debug("dropped %r: %s", trigger.span.text, reason)
            if reason.startswith(("irrealis", "aggregate", "negated", "denied")):
                dropped.add(trigger.head.i)
            continue
        kept.append(trigger)
    # "Gunmen threatened to attack villages", "gunmen kidnapped dozens across the state": the armed men are only
    # the doers of what the sentence told and was set aside
    return [t for t in kept if not (t.kind == "gunman" and _doers_of(t.head, dropped))]


def _doers_of(subject: Token, dropped: set[int]) -> bool:
    verb = subject.head
    return subject.dep_ in ("nsubj", "nsubjpass") and (verb.i in dropped or any(
        c.i in dropped for c in verb.children if c.dep_ in ("xcomp", "ccomp", "dobj")))


def _governors(head: Token):
    """The chain of words that govern ``head`` within its clause (verbs it is an argument of, nouns it hangs on),
    each with the dependency it was reached through."""
    token = head
    for _ in range(5):
        if token.dep_ in ("ROOT", "advcl", "relcl", "parataxis") or token.head.i == token.i:
            return
        if token.dep_ in ("ccomp", "conj") and _semicolon_between(token, token.head):
            return  # "troops clashed near Kyaukme; casualty figures were not available": two clauses, parsed as one
        if token.dep_ == "pobj" and token.head.lemma_.lower() in TEMPORAL_PREPS - {"of", "in", "for", "with"}:
            return
        via = token.dep_
        token = token.head
        yield token, via


VAGUE_COUNTS = {"dozens", "hundreds", "scores", "thousands", "tens"}


def _tally_across(head: Token) -> bool:
    """ "Dozens of politicians were killed across Mexico": a vague count over a whole country or region, with no
    day, is a tally of many events."""
    spread = any(c.dep_ == "prep" and c.lower_ in ("across", "throughout") for c in head.children)
    counted = any(t.lower_ in VAGUE_COUNTS for c in head.children if c.dep_ in ("nsubjpass", "dobj", "nsubj")
                  for t in c.subtree)
    return spread and counted and not _dated_to_a_day(head)


WEEK_SPANS = ("within the week", "during the week", "over the week", "in the past week", "over the past week",
              "in the last week", "across the theatres")  # (not "late last week": one event's day)


def _weekly_tally(head: Token) -> bool:
    """ "troops neutralised 45 terrorists, rescued 23 hostages and arrested 12 suppliers within the week" (or
    "across Zamfara, Katsina and Sokoto States"): an operations briefing's count for a week or a region, told
    without a day, sums many events."""
    sentence = head.sent
    counted = any(t.like_num and t.text.replace(",", "").isdigit() and int(t.text.replace(",", "")) >= 10
                  for c in head.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree)
    if not counted or _dated_to_a_day(head) or any(t.ent_type_ == "DATE" and any(ch.isdigit() for ch in t.text)
                                                   for t in sentence):
        return False
    placed = [span for span in toponym_spans(head.doc) if sentence.start <= span.start < sentence.end
              and span._.geomap_place is not None]
    areas = {i for span in placed if span._.geomap_place.feature_class != "P" for i in range(span.start, span.end)}
    spread = any(t.lower_ in ("across", "throughout") and any(  # "across Zamfara, Katsina and Sokoto States",
        o.dep_ == "pobj" and (o.tag_ in ("NNS", "NNPS") or o.conjuncts or o.i in areas)  # "across Amhara"
        for o in t.children) for t in sentence)
    named = [span for span in placed if span.label_ != "NORP"]
    tallies = [v for v in sentence if v.pos_ == "VERB" and any(
        c.dep_ == "dobj" and any(n.like_num for n in c.children) for c in v.children)]
    # "In the North-East, troops neutralised 38 terrorists, arrested 17 logistics suppliers and rescued 29
    # hostages": a theatre's results, listed (not "detained 17 people in Kermanshah")
    regional = bool(named) and all(span._.geomap_place.feature_class != "P" for span in named) and len(tallies) >= 2
    return spread or regional or any(span in sentence.text.lower() for span in WEEK_SPANS)


def _heard(head: Token) -> bool:
    """ "explosions echoed", "blasts were heard", "residents heard explosions": what was heard of an attack."""
    verb = head.head
    return head.dep_ == "nsubj" and lemma_of(verb) in ("echo", "ring", "reverberate", "sound", "boom") \
        or head.dep_ in ("dobj", "nsubjpass") and lemma_of(verb) == "hear"


LAUNCHES = {"launch", "carry", "stage", "mount", "unleash", "conduct", "fire"}


def _launched_here(head: Token) -> bool:
    """ "Russia launched one of its largest drone attacks of the war overnight": the superlative ranks the event
    the sentence tells, not one it is compared with."""
    noun = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ == "one" \
        else head
    if noun.dep_ == "dobj" and lemma_of(noun.head) in LAUNCHES:
        return True
    # "Seven soldiers were killed on Tuesday in the deadliest exchange of fire in months": the setting of the deaths
    # the sentence tells
    return noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") and lemma_of(noun.head.head) in (
        "kill", "wound", "injure", "die") and noun.head.head.tag_ in ("VBN", "VBD")


def _since_a_day(head: Token) -> bool:
    """ "since Monday", "since 12 June": a "since" that names a recent day, not "since the 1990s"."""
    return any(any(t.lower_ in WEEKDAYS or t.like_num for t in o.subtree)  # "since Monday night"
               for c in head.children if c.dep_ == "prep" and c.lower_ == "since"
               for o in c.children if o.dep_ == "pobj" and not re.search(r"\d{4}", o.text))


def _superlative_stretch(head: Token) -> bool:
    """ "the deadliest year for the security forces, with more than 680 personnel killed": the deaths of a month
    or a year ranked against others are its tally, unless the event is dated to a day."""
    return not _dated_to_a_day(head) and any(
        lemma_of(t) in LONG_SPANS - {"week"} and any(c.dep_ == "amod" and c.tag_ == "JJS" for c in t.children)
        and t.dep_ == "attr" and lemma_of(t.head) == "be" and any(
            c.dep_ == "nsubj" and c.ent_type_ == "DATE" for c in t.head.children)  # "2024 was the deadliest year"
        for t in head.sent)


def _semicolon_between(clause: Token, head: Token) -> bool:
    """A semicolon between a clause and the verb the parser hung it on: the sentence goes on to another statement."""
    low, high = (clause.right_edge.i, head.i) if clause.i < head.i else (head.i, clause.left_edge.i)
    return any(t.text == ";" for t in clause.doc[low + 1:high])


VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
SPANS = {"day", "night", "week", "month", "year"}
LONG_SPANS = {"week", "month", "year", "decade"}


def _over_many_days(token: Token) -> bool:
    """ "during six nights of protests", "over three days": a tally over a stretch of time, not one event."""
    spans = [token] if token.dep_ == "pobj" else []
    spans += [o for c in token.children if c.dep_ == "prep" and c.lower_ in ("during", "over", "in", "across")
              for o in c.children if o.dep_ == "pobj"]
    for span in spans:
        if lemma_of(span) in SPANS and span.tag_ == "NNS" and span.head.lower_ in ("during", "over", "across", "in", "of") \
                and any(c.dep_ == "nummod" or lemma_of(c) in ("several", "many", "consecutive")
                        or lemma_of(c) in ("recent", "past") and lemma_of(span) in LONG_SPANS - {"week"}
                        and not _dated_to_a_day(token) for c in span.children):  # "killed hundreds in recent years"
            return True
    return False


def _a_year(token: Token) -> bool:
    text = token.text.rstrip("'s")
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _habitual(children: list[Token]) -> bool:
    """ "for months", "repeatedly", "every day": a pattern of events, not one event."""
    for child in children:
        lemma = lemma_of(child)
        if child.dep_ == "advmod" and lemma in ("repeatedly", "regularly", "frequently", "often", "routinely",
                                                "daily", "nightly", "constantly", "increasingly"):
            return True
        if child.dep_ == "advmod" and lemma in ("before", "previously") and any(
                c.dep_ in ("aux", "auxpass") and lemma_of(c) == "have" for c in children):
            return True  # "the town itself has been stormed before": it has happened, not when
        if child.dep_ == "prep" and lemma == "for" and any(
                lemma_of(o) in ("month", "week", "year", "decade") and o.tag_ == "NNS" for o in child.children):
            return True
    return False


CESSATION_NOUNS = {"end", "halt", "stop", "cessation", "pause", "moratorium", "truce"}


DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
             "overnight", "tonight"}


def _one_day(sentence: Span) -> bool:
    """ "repelled 40 assaults near Pokrovsk on Friday": a day's fighting, one event however many assaults."""
    return any(t.lower_ in DAY_WORDS for t in sentence)


SHARES = {"most", "many", "half", "majority", "all"}  # "most of the attacks targeted Nikopol district"
COUNTED_EVENTS = {"attack", "strike", "airstrike", "raid", "bombing", "incident", "assault", "clash", "explosion", "case",
                  "shelling", "violation", "killing", "abduction", "arrest"}


def _accident(head: Token) -> bool:
    """ "a gas explosion", "an explosion caused by a faulty boiler", "the blast was triggered by a gas leak"."""
    if lemma_of(head) not in BLASTS:
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") and lemma_of(c) in ACCIDENTS for c in head.children):
        return True
    verbs = [c for c in head.children if c.dep_ == "acl"] + ([head.head] if head.dep_ == "nsubjpass" else [])
    return any(lemma_of(v) in ("cause", "trigger", "spark", "blame") and any(
        lemma_of(t) in ACCIDENTS for c in v.children if c.dep_ in ("agent", "prep") for t in c.subtree) for v in verbs)


def _looked_back_at(head: Token) -> bool:
    """ "police confirmed the attack", "the attack was condemned", "the Nong Chik blast and the Sungai Kolok shooting
    were still under investigation": a definite event already told, now confirmed, condemned or investigated."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
        return False
    verb = first.head
    if first.dep_ == "pobj" and verb.lower_ == "for" and lemma_of(verb.head) == "responsibility":
        # "no group had claimed responsibility for the Irapuato attack": the attack told before; but "claimed
        # responsibility for the raid on the base in Marte on Sunday", dated on its own, may be its only telling
        return not any(c.dep_ == "prep" and c.lower_ in ("on", "in", "during") and any(
            o.ent_type_ in ("DATE", "TIME") for o in c.subtree) for c in head.children) and not any(
            c.dep_ in ("poss", "compound", "nmod") and c.ent_type_ == "DATE" for c in head.children)
    if first.dep_ in ("dobj", "nsubjpass") and lemma_of(verb) in ("confirm", "condemn", "denounce", "investigate",
                                                                   "describe", "claim", "probe",
                                                                   # "the protest was triggered by the killing of…"
                                                                   "trigger", "spark", "prompt", "provoke"):
        return first.dep_ == "dobj" or not _dated(head)  # but "the attack on Tuesday … was condemned" tells its day
    return first.dep_ == "nsubj" and lemma_of(verb) == "be" and any(
        c.dep_ == "prep" and c.lower_ == "under" and any(lemma_of(o) in ("investigation", "review", "inquiry")
                                                          for o in c.children) for c in verb.children)


# verbs that put a name on what happened: the name is someone's word, not an event of its own
NAMING = {"describe", "call", "brand", "label", "term", "characterise", "characterize", "portray", "dismiss", "denounce",
          "decry", "paint", "present", "frame"}


# what a naming verb's object must be for the name to be a word for an event already told ("the gathering"), not
# the only telling of it ("described the situation in Kisumu as a riot")
TOLD_EVENTS = {"gathering", "protest", "march", "rally", "demonstration", "vigil", "killing", "attack", "incident",
               "clash", "violence", "unrest", "raid", "strike", "operation", "shooting", "bombing", "assault",
               "fighting", "uprising", "riot", "event", "episode", "crackdown", "arrest", "detention", "abduction"}


def _named_as(head: Token) -> bool:
    """ "described the gathering as a riot", "branded the march an act of terrorism": the event was told
    already; the naming verb's ``as``-phrase or second object is a word for it. But "what the General Staff
    described as a failed assault near Kurylivka" tells the event through the name."""
    verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "as" else \
        head.head if head.dep_ in ("oprd", "attr") else None
    return verb is not None and lemma_of(verb) in NAMING and any(
        c.dep_ in ("dobj", "nsubjpass") and lemma_of(c) in TOLD_EVENTS for c in verb.children)


def _numbered_at_least(noun: Token, least: int) -> bool:
    """Whether a written number of at least ``least`` counts the noun ("60 attacks", "2,143 incidents")."""
    return any(c.dep_ == "nummod" and c.like_num and c.text.replace(",", "").isdigit()
               and int(c.text.replace(",", "")) >= least for c in noun.children)


def _counted(noun: Token) -> bool:
    """ "more than 60 attacks", "dozens of strikes": a count of events (not of people: "11 people, including…")."""
    return noun.tag_ == "NNS" and lemma_of(noun) in COUNTED_EVENTS and (
        _numbered_at_least(noun, 10)
        or any(c.dep_ == "amod" and lemma_of(c) in ("numerous", "countless") for c in noun.children))


def _generic_subject(verb: Token) -> bool:
    """ "every bus owner has been attacked", "any journalist is detained": no one event, a claim about all."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ in ("every", "any", "each") and d.dep_ == "det"
                                                 for d in c.children) for c in verb.children)



def _held_on_a_day(head: Token) -> bool:
    """ "last Friday tens of thousands packed the square for the weekly rally", "the weekly Friday rally": one
    meeting of a regular event (not "protests until Tuesday", "since Friday", "weekly Friday rallies")."""
    if head.tag_ == "NN" and any(c.lower_ in WEEKDAYS and c.dep_ in ("compound", "nmod", "npadvmod")
                                 for c in head.children):
        return True  # "fill the square for the weekly Friday rally": this Friday's
    verb = next((v for v in (head, *list(head.ancestors)[:3]) if v.pos_ == "VERB"), None)
    return verb is not None and any(
        t.ent_type_ == "DATE" and t.lower_ in WEEKDAYS and not any(a.lower_ in ("until", "since", "till", "by")
                                                                   for a in t.ancestors if a.i != verb.i)
        for c in verb.children if c.i != head.i and c.dep_ != "prep" or c.lower_ == "on" for t in c.subtree)


def _dated(head: Token) -> bool:
    """ "Thursday's massacre", "the attack on 3 May": the trigger names its own day, so it is one event (a place's
    "where" clause does not date it: "attacks … along the front lines of Taiz, where daily violence has continued")."""
    elsewhere = {t.i for c in head.subtree if c.dep_ == "relcl" and any(w.lower_ == "where" for w in c.children)
                 for t in c.subtree}
    return any(t.ent_type_ in ("DATE", "TIME") for t in head.subtree if t.i != head.i and t.i not in elsewhere)


def _subjunctive(head: Token) -> bool:
    """ "demands that Ukraine withdraw", "insisted that the army leave": a bare verb after "that" is what someone
    wants done, not what was done."""
    verb = head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "… that Ukraine withdraw from four regions and renounce NATO membership"
    return verb.tag_ == "VB" and verb.dep_ in ("ccomp", "acl", "advcl", "relcl") and any(
        c.dep_ in ("mark", "dobj") and c.lower_ == "that" and c.i < verb.i for c in verb.children) and any(
        c.dep_ == "nsubj" for c in verb.children) and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _describes_someone(head: Token) -> bool:
    """ "among them a former FARC combatant who had signed the peace deal": an undated pluperfect clause about a
    person says who they were, not what was agreed in the story."""
    clause = head if head.dep_ == "relcl" else head.head if head.head.dep_ == "relcl" and head.dep_ == "dobj" else None
    return clause is not None and clause.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in clause.children) and any(
        c.dep_ == "nsubj" and c.lower_ in ("who", "whom") for c in clause.children) and not _dated(clause)


def _came_after(head: Token) -> bool:
    """ "It came seven months after a wave of bombings in Gwoza", "The violence came less than a month after fighters
    stormed …": an earlier event recalled to frame the news, told in a clause hung on come/follow + after."""
    for ancestor in [head, *list(head.ancestors)[:4]]:
        prep = ancestor.head if ancestor.dep_ in ("pobj", "pcomp", "advcl") else None
        if ancestor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in ancestor.children):
            prep = ancestor  # "came … after fighters stormed …": "after" is the clause's marker
            governor = ancestor.head
        elif prep is not None and prep.lower_ in ("after", "following"):
            governor = prep.head
        else:
            continue
        # the span of time written before "after" ("seven months after"), not a date inside the clause ("… in
        # one of the deadliest attacks this year")
        word = next((t for t in prep.subtree if t.lower_ in ("after", "following")), prep)
        gap = {lemma_of(t) for t in prep.subtree if t.dep_ == "npadvmod" and t.i < word.i} | {
            lemma_of(t) for c in prep.children if c.dep_ == "npadvmod" for t in c.subtree if t.i < word.i}
        while governor.dep_ in ("npadvmod", "advmod", "prep", "acomp") and governor.head.i != governor.i:
            gap |= {lemma_of(governor)}
            governor = governor.head  # "came [less than a month] after"
        # "a day after" is this week's news told in order; "seven months after" recalls the past
        if lemma_of(governor) in ("come", "follow") and gap & {"month", "year", "decade"}:
            return True
    return False


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday"}


def _assaulted(noun: Token) -> bool:
    """A protest noun that is what an assault by people other than the security forces was aimed at."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("on", "at", "against", "upon") else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB" or lemma_of(verb) not in ASSAULT_VERBS:
        return False
    if lemma_of(noun) in ("gas", "teargas", "cannon", "bullet", "spray", "grenade"):
        return False  # "federal agents fired tear gas": crowd control is fired by the force facing the crowd
    subject = {lemma_of(t) for c in verb.children if c.dep_ in ("nsubj", "agent") for t in c.subtree}
    if verb.dep_ == "acl":  # "Riot police charged at demonstrators" parsed as police [who] charged
        subject |= {lemma_of(t) for t in verb.head.subtree if t.i < verb.i}
    return not subject & FORCES


def _dated_to_a_day(head: Token) -> bool:
    """ "The assault on Djibo on Tuesday", "fighting continued throughout the day", not "Summer protests" nor
    "every day": a day, not a season."""
    return any(t.ent_type_ in ("DATE", "TIME") and (t.like_num or t.lower_.removesuffix("'s") in WEEKDAYS | SHORT_SPANS
                                                    or t.lower_ in ("day", "night") and any(
                                                        c.dep_ == "det" and c.lower_ == "the" for c in t.children))
               for t in head.subtree if t.i != head.i)


ANNOUNCING = {"announce", "call", "schedule", "register", "organise", "organize"}


def _announced(head: Token) -> bool:
    """ "a far-right group has announced a rally for Sunday", "a counter-demonstration has been registered": a
    gathering announced, called or registered, in the perfect or for a day to come, has not happened yet."""
    verb = head.head
    if head.dep_ not in ("dobj", "nsubjpass") or lemma_of(verb) not in ANNOUNCING or verb.pos_ != "VERB":
        return False
    perfect = any(c.dep_ == "aux" and lemma_of(c) == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    ahead = any(c.dep_ == "prep" and c.lower_ == "for" and any(t.ent_type_ in ("DATE", "TIME") for t in c.subtree)
                for c in [*verb.children, *head.children])
    return perfect or ahead


LAUNCHING = {"launch", "fire", "carry", "conduct", "unleash", "stage", "mount"}


def _one_days_run(series: Token) -> bool:
    """ "a series of US air strikes hit Sanaa overnight": a run of strikes that did something on one day is that
    day's event (ACLED codes one per place and day), unlike "the latest in a string of attacks"."""
    verb = series.head
    return verb.tag_ == "VBD" and _dated_to_a_day(verb) and (series.dep_ in ("nsubj", "nsubjpass") or (
        series.dep_ == "dobj" and lemma_of(verb) in LAUNCHING))  # not "Monday's strike followed a wave of attacks"


SHORT_SPANS = {"weekend", "overnight"}  # "clashes continued near El Tarra over the weekend": days, not a season


# what an event already told goes on to do: "the bombing drew condemnation", "the attack sparked protests"
FEARS = {"fear", "concern", "worry", "alarm", "memory", "risk", "question", "doubt", "anxiety", "tension"}
REACTIONS = {"draw", "revive", "underscore", "highlight", "deepen", "heighten", "renew", "bear", "echo", "recall",
             "mirror", "resemble", "intensify", "fuel", "reignite", "inflame", "stoke"}


CONDEMNATIONS = {"condemn", "denounce", "deplore", "decry", "criticise", "criticize", "mourn", "blame", "attribute"}
DETAILS = {"on", "in", "at", "against", "near", "of"}  # "Monday's attack on a market in Gao": the event told anew


def _back_reference(head: Token) -> bool:
    """ "the killings underscore…", "the detentions were linked to…": a bare definite plural with no day or figure
    in its sentence looks back at events already told (or at none in particular); so does a definite event that
    "drew condemnation" or "sparked protests"."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if definite and head.dep_ == "nsubj" and lemma_of(head.head) in REACTIONS and not _dated(head):
        return True  # "the attack in Konduga revived memories of …", "the attack bore the hallmarks of IS Sahel"
    if head.tag_ == "NNS" and head.dep_ == "nsubj" and lemma_of(head.head) in REACTIONS and not _dated(head) \
            and any(c.dep_ == "dobj" and lemma_of(c) in FEARS | EVENT_HEADS for c in head.head.children):
        return True  # "- Attacks revive fears of a jihadist resurgence in Borno", "- Attacks recall deadly Lido beach
        # assault" (not "Protests draw thousands")
    told = definite or any(c.dep_ == "poss" and (c.ent_type_ in ("DATE", "TIME") or c.lower_ in ("its", "their"))
                           for c in head.children)
    blamed = lemma_of(head.head) in ("blame", "attribute")  # "blamed the attack on a dispute between gangs"
    detailed = any(c.dep_ in ("relcl", "acl", "appos") or c.dep_ == "prep" and c.lower_ in DETAILS
                   and not (blamed and c.lower_ in ("on", "to")) for c in head.children)
    if head.dep_ == "dobj" and head.pos_ == "NOUN" and lemma_of(head.head) in CONDEMNATIONS and told and not detailed:
        # "condemned Friday's attack as a violation", "denounced the killings": a reaction to events already told
        # (not "condemned Monday's attack on a market in Gao, which killed eight", the first telling of one)
        return True
    # a definite event that "followed" another, that someone was "behind", or that "took place" somewhere, in a
    # story that has told violence already, is that violence told again; not the first telling ("The bombing of
    # a market in Kabul followed weeks of threats", "separatists said they were behind the bombing of a train")
    looks_back = definite and not _dated(head) and (
        head.dep_ == "nsubj" and lemma_of(head.head) in ("follow", "precede")  # "The ambush followed Sunday's
        or head.dep_ == "pobj" and head.head.lower_ == "behind"  # massacre"; "the gang behind the kidnapping"
        # "… killed a woman. The attack took place in a settlement near Tepalcatepec": no place not named before
        or head.dep_ == "nsubj" and lemma_of(head.head) in ("take", "occur", "happen") and not _dated(head.head)
        and not _names_a_new_place(head.sent))
    if looks_back and _violence_told_before(head):
        return True
    if head.tag_ != "NNS" or not definite:
        return False
    if any(c.dep_ in ("amod", "compound", "nmod", "prep", "acl", "relcl", "poss") for c in head.children):
        return False  # "the deadly Kyiv strikes", "the strikes on Odesa": the text tells which events
    if head.dep_ == "nsubj" and not any(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in head.subtree):
        return True  # "The protests followed a deadly weekend in Jiribam": the subject looks back
    return not any(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in head.sent)


def _violence_told_before(head: Token) -> bool:
    """Whether the text before this sentence tells some act of violence (a trigger of fighting, explosions or
    violence against civilians)."""
    before = head.doc[:head.sent.start]
    return len(before) > 0 and any(t.event_type in VIOLENCE for t in find_triggers(before))


def _names_a_new_place(sentence: Span) -> bool:
    """Whether the sentence names a place the text has not named before ("took place in the village of X")."""
    doc = sentence.doc
    earlier = {normalize(s.text) for s in toponym_spans(doc) if s.end <= sentence.start}
    return any(normalize(s.text) not in earlier for s in toponym_spans(doc)
               if sentence.start <= s.start < sentence.end and s.label_ != "NORP")


# event nouns a weapon word can modify: "repeated drone attacks" is as habitual for "drone" as for "attacks"
EVENT_HEADS = {"attack", "strike", "raid", "assault", "bombardment", "shelling", "bombing", "airstrike"}


_A_DAY = re.compile(r"\d|day\b|night|yesterday|today|january|february|march|april|may|june|july|august|september"
                   r"|october|november|december", re.IGNORECASE)  # not "near-daily"
TELLINGS = frozenset({"statement", "report", "claim", "accusation", "allegation", "complaint"})


def _told_again_and_again(head: Token) -> bool:
    """What "statements saying that …" or "reports that …" in the plural tell, undated, is a run of claimed events
    ("reports that strikes killed 12 in Rafah on Monday" tell one)."""
    if any(ent.label_ in ("DATE", "TIME") and _A_DAY.search(ent.text) for ent in head.sent.ents):
        return False
    # "statements saying that Armenian units fired …", "reports that drones struck …"
    return any(ancestor.dep_ in ("ccomp", "acl") and ancestor.head.tag_ == "NNS" and lemma_of(ancestor.head) in TELLINGS
               for ancestor in list(head.ancestors)[:3])


def not_an_event(head: Token, kind: str) -> str | None:
    """Why this trigger reports no real event (negated, irrealis, aggregate, anaphora), or None if it does."""
    if head.dep_ == "compound" and head.head.i != head.i and lemma_of(head.head) in EVENT_HEADS:
        reason = not_an_event(head.head, "attack")
        if reason and reason.startswith(("habitual", "aggregate", "irrealis", "negated", "future", "comparison",
                                         "a description")):
            return f"{reason}, of the event noun it modifies"
    if _subjunctive(head):
        return "irrealis (\"demands that Ukraine withdraw from …\")"
    children = list(head.children)
    if head.dep_ == "acl" and head.head.lower_ in ("those", "anyone", "everyone", "whoever"):
        return "generic (\"those detained\")"
    if any(t.lower_ == "next" and t.head.lemma_.lower() in ("week", "month", "year", "weekend") or t.lower_ in
           ("tomorrow", "upcoming") for t in head.subtree) or any(
            c.dep_ == "prep" and c.lower_ == "for" and any(t.lower_ == "next" for t in c.subtree) for c in children):
        return "future (\"rallies … next month\")"
    if head.dep_ in ("compound", "amod", "conj") and _counted(head.head if head.dep_ != "conj" else head.head.head):
        return "aggregate (\"2,143 shelling and bombing incidents\")"
    if head.dep_ == "pobj" and head.head.lower_ == "including" and _counted(head.head.head):
        return "aggregate (\"more than 60 attacks …, including air strikes in Shan\")"
    if _generic_subject(head):
        return "generic (\"every owner has been attacked\")"
    if not _dated(head) and ((head.dep_ == "dobj" and lemma_of(head.head) in ("flee", "escape")) or (
            head.dep_ == "pobj" and head.head.lower_ == "from" and lemma_of(head.head.head) in ("flee", "escape"))):
        return "the cause of flight (\"30,000 who fled fighting in Kordofan\"), not one event"
    if _told_again_and_again(head):
        return "repeated claims (\"near-daily statements saying that units fired at its positions\")"
    if head.dep_ in ("pobj", "pcomp") and head.head.lower_ == "without":
        return "negated (\"swept into Damascus without a fight\")"
    if _named_as(head):
        return "a name for an event, not an event (\"state media described the gathering as a riot\")"
    if head.tag_ == "VBN" and head.dep_ == "amod" and not _dated(head):
        return "a description (\"detained foreigners\", \"the abducted passengers\")"
    if head.dep_ == "nsubj" and any(c.dep_ == "aux" and lemma_of(c) == "have" for c in head.head.children) \
            and any(c.dep_ == "advmod" and c.lower_ == "since" for c in head.head.children):
        return "background (\"fighting has since displaced thousands\")"
    modifier = head.head if head.dep_ == "conj" and head.head.dep_ in ("compound", "amod") else head
    if modifier.dep_ in ("compound", "amod") and lemma_of(modifier.head) in ROLES:  # "artillery and drone crews"
        return "a role, not an event (\"a vigilante leader\", \"militia commander\")"
    if head.dep_ in ("compound", "amod", "nmod") and lemma_of(head.head) in PRECAUTIONS:
        return "a precaution or a trend, not an event (\"an air raid alert\", \"IED activity\")"
    if _accident(head):
        return "an accident (\"a gas explosion caused by a faulty boiler\")"
    if kind in ("kill", "casualty") and any(
            c.dep_ == "advcl" and lemma_of(c) in CRASHES and not {lemma_of(t) for t in c.subtree} & HOSTILE
            for c in (*head.children, *head.head.children)):
        return "an accident (\"killed when a minibus collided with a truck\")"  # not "crashed after it was hit"
    if head.dep_ == "attr" and lemma_of(head.head) == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in head.head.children) \
            and not any(c.dep_ == "relcl" for c in children):  # but the cleft "it was a drone that hit …"
        return "a description of an event told elsewhere (\"it was the most powerful attack on the city\")"
    if any(t.lower_ == "according" for t in list(head.ancestors)[:4]):
        return "the source of a report (\"according to a local vigilante leader\")"
    if head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.lower_ in ("against", "over") and any(
            lemma_of(g) in GRIEVANCE for g in list(head.head.ancestors)[:3]):
        return "a protest's grievance (\"chanting against attacks\")"
    if any(lemma_of(a) in ("demand", "denounce", "condemn", "protest", "decry") and a.dep_ in ("xcomp", "advcl")
           and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children) for a in list(head.ancestors)[:6]):
        return "a protest's purpose (\"a sit-in to demand the return of relatives who were abducted\")"
    if head.tag_ in ("NNS", "NN", "VBG") and head.dep_ in ("pobj", "pcomp") and head.head.lower_ == "by" \
            and head.head.dep_ == "agent" and not any(c.dep_ in ("det", "nummod", "poss") for c in children) \
            and not _dated(head):
        return "generic cause (\"disrupted by attacks on aid workers\", \"convulsed by fighting\")"
    if lemma_of(head) in ("detention", "custody", "captivity") and head.dep_ == "pobj" \
            and head.head.lower_ in ("in", "from", "into", "of"):
        return "a state, not an event (\"conditions in detention\")"
    if _looked_back_at(head):
        return "back-reference (\"police confirmed the attack\", \"the blast was under investigation\")"
    subject = head
    while subject.dep_ == "conj" and subject.head.i != subject.i:
        subject = subject.head  # "drones and glide bombs have become the main threat"
    if subject.dep_ == "nsubj" and lemma_of(subject.head) in ("become", "remain", "be") \
            and not _dated_to_a_day(head) and any(c.dep_ in ("attr", "acomp") for c in subject.head.children):
        return "a description, not an event (\"kidnapping has become a business\")"
    if head.dep_ == "relcl" and head.tag_ in ("VBZ", "VBP"):
        return "generic present (\"a militia that shells camps\")"
    if kind == "clash" and head.dep_ == "acl" and head.tag_ == "VBG" and not _dated(head) \
            and lemma_of(head.head) in ("troop", "soldier", "force", "fighter", "army", "unit"):
        return "a description (\"fuel to troops fighting in Ukraine\"), not a battle told"
    if kind == "agreement" and _describes_someone(head):  # (not "activists who had begun a sit-in", dispersed)
        return "a person's past (\"a former combatant who had signed the peace deal\")"
    if head.tag_ in ("VBZ", "VBP") and head.dep_ == "ccomp" and lemma_of(head.head) in REPORTING \
            and not any(t.ent_type_ in ("DATE", "TIME") for t in head.sent) and head.sent[-1].text == "." \
            and "\n" in head.doc.text[:head.sent.start_char].strip():  # headlines tell news in the present
        return "generic present (\"Kyiv says its attacks target logistics\")"
    if head.dep_ == "dobj" and head.head.dep_ == "relcl" and head.head.tag_ in ("VBZ", "VBP"):
        return "generic present (\"logistics that support the offensive\")"
    if head.dep_ == "pobj" and head.head.lower_ == "to" and lemma_of(head.head.head) in CESSATION_NOUNS:
        return "cessation (\"an end to attacks\")"
    if _back_reference(head):
        return "back-reference (\"the killings\")"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.tag_ == "NNS" \
            and lemma_of(head.head.head) in ("day", "week", "month", "year"):  # ("after hours of fighting, police
        # withdrew" tells the fight)
        return "a stretch of events (\"after days of clashes\"), told as their sum"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and lemma_of(head.head.head) in (
            "anniversary", "commemoration", "remembrance", "memory") and not (
            lemma_of(head.head.head) == "memory" and _dated(head)):  # "memories of the attacks … on June 29 last year"
        return "an anniversary (\"the 19th anniversary of the killing of …\"): marked, not happening"
    told_day = any(t.ent_type_ in ("DATE", "TIME") for t in head.doc[head.i + 1:min(head.i + 10, head.sent.end)])
    if not told_day and ((head.dep_ == "pobj" and head.head.lower_ == "since") or any(
            c.dep_ == "mark" and c.lower_ == "since" for a in [head, *list(head.ancestors)[:2]]
            if a.pos_ in ("VERB", "AUX") for c in a.children)):
        return "a reference point (\"killed since the truce took effect\")"
    if head.pos_ == "VERB" and any(c.dep_ == "aux" and lemma_of(c) == "have" for c in children) and any(
            (c.dep_ == "prep" and c.lower_ == "since") or (c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in c.children)) for c in children) and not (
            kind == "clash" and head.tag_ == "VBG" and _since_a_day(head)):  # but "have been clashing since
        # Monday": one running battle (not "since the 1990s")
        return "a running total (\"have been killed since the truce took effect\")"
    if head.dep_ != "dobj" and any(c.dep_ in ("acl", "amod") and lemma_of(c) in ("plan", "schedule", "propose")
                                   for c in children):
        return "planned (\"a march planned by activists\")"
    if any(c.dep_ == "npadvmod" and lemma_of(c) == "time" and c.tag_ == "NNS" and any(
            d.dep_ in ("amod", "nummod") for d in c.children) for c in children) and not _dated_to_a_day(head) \
            and lemma_of(head) not in ("shoot", "stab"):
        # "has been attacked several times", not "struck Kharkiv three times on Monday" nor "a driver who was shot
        # several times" (one shooting, several shots)
        return "habitual (\"has been attacked several times\")"
    if kind in ("protest", "riot") and _announced(head):
        return "announced (\"has announced a rally in Solingen for Sunday afternoon\")"
    for verb in list(head.ancestors)[:6]:
        lemma = lemma_of(verb)
        if lemma in ("blame", "attribute") and {
                lemma_of(t) for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "to") for t in c.subtree
        } & (NATURAL | {"leak", "fault", "circuit"}):
            return "an accident (\"an explosion blamed on a gas leak\")"
        cancelled = lemma in ("cancel", "postpone", "scrap") or (
            lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children))
        if cancelled and any(c.dep_ in ("dobj", "nsubjpass") and head in c.subtree for c in verb.children):
            return "called off"  # the march called off, not "postponed the vote after gunmen killed 12"
        if lemma == "charge" and head.dep_ == "pobj" and head.head.lower_ == "with" \
                and head.head.head.i == verb.i and verb.tag_ == "VBN":
            return "legal proceedings (charged with …)"  # not "police charged at demonstrators with batons"
        predicate = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")] + [
            g for c in verb.children if c.dep_ == "xcomp" for g in c.children if g.dep_ in ("acomp", "attr")]
        if any(c.dep_ in ("nsubj", "nsubjpass") and head in c.subtree for c in verb.children) and any(
                lemma_of(t) in FALSEHOOD for t in predicate):
            return "reported, then called wrong (\"reports of a gunfight … appear to be wrong\")"
    if _called_false(head):
        return "reported, then called wrong (\"Report of a shooting in Villanueva: FALSE\")"
    if kind == "protest" and head.pos_ == "NOUN" and _assaulted(head):
        return "the target of an attack (\"men descended on the rally\"): the attack is the event"
    for verb in list(head.ancestors)[:7]:
        if lemma_of(verb) in DENIAL and any(c.dep_ in ("nsubjpass", "dobj") and head in c.subtree
                                             for c in verb.children):
            return f"denied ({lemma_of(verb)})"
    if head.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in children) \
            and not any(c.dep_ in ("prep", "compound", "amod") for c in children) and not _dated(head):
        return "back-reference (\"its recapture\")"
    if any(c.lower_ == "times" and any(n.like_num and n.text.replace(",", "").isdigit()
                                       and int(n.text.replace(",", "")) >= 3 for n in c.children)
           for v in [head, *list(head.ancestors)[:3]] for c in v.children if c.dep_ == "npadvmod") \
            and not _one_day(head.sent):  # (but "shelled Nikopol 12 times on Monday" is that day's shelling)
        return "aggregate (a count of attacks: \"attacked the region more than 900 times\")"
    shares = [head, *[c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]]
    if any(t.lower_ in SHARES and any(  # (not "some of the drones struck", "some of the protesters smashed")
            p.lower_ == "of" and any(o.tag_ == "NNS" and o.lemma_.lower() in COUNTED_EVENTS for o in p.children)
            for p in t.children) for t in shares) or (
            head.tag_ == "NNS" and head.lemma_.lower() in COUNTED_EVENTS and head.dep_ == "pobj"
            and head.head.lower_ == "of" and head.head.head.lower_ in SHARES):
        return "aggregate (a share of many events: \"most of the attacks targeted Nikopol district\")"
    if head.tag_ == "NNS" and not _one_day(head.sent) and (_numbered_at_least(head, 10) or (
            head.dep_ == "pobj" and head.head.lower_ == "of" and lemma_of(head.head.head) in ("hundred", "thousand"))):
        return "aggregate (a count of events: \"more than 60 attacks\", \"hundreds of attacks a year\")"
    if head.pos_ in ("VERB", "AUX") and _habitual(children):
        return "habitual"
    # "no attacks" negates; "without" does not ("attacked without warning", "walked in without resistance")
    if any(c.dep_ == "neg" for c in children) or any(lemma_of(c) == "no" for c in children if c.dep_ == "det") \
            or any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none", "noone") or any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in children):
        return "negated"
    if any(c.dep_ == "aux" and lemma_of(c) in IRREALIS for c in children) or any(
            c.dep_ == "mark" and lemma_of(c) in ("if", "unless", "whether", "until") for c in children):
        return "irrealis"
    if any(c.dep_ in ("det", "poss") and lemma_of(c) in ANAPHORA for c in children):
        return "anaphora"
    if any(c.dep_ == "amod" and lemma_of(c) in ("threaten", "threatened", "propose", "proposed", "rumour", "rumoured")
           for c in children):
        return "irrealis (\"Chile's threatened strike\", \"a planned march\")"
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.lower_ in ("daily", "nightly", "monthly") and head.head.i == before.i:
        return "habitual (\"Daily shelling … forced residents to flee\", parsed with the adverb as head)"
    if any(c.dep_ in ("amod", "compound", "nummod", "advmod") and (lemma_of(c) in HABITUAL or lemma_of(c) in AGGREGATE)
           and not (lemma_of(c) in ("similar", "such") and head.tag_ in ("NN", "NNP"))
           and not (lemma_of(c) == "weekly" and _held_on_a_day(head))
           for c in children):
        return "habitual or aggregate"  # but "a similar strike … killed five" a year ago is one event
    if kind == "weapon" and _numbered_at_least(head, 100):
        return "aggregate (a campaign count of weapons)"
    if any(c.dep_ in ("nummod", "compound", "amod", "npadvmod") and _a_year(c) for c in children):
        return "background (\"a 2022 attack\": an event dated by its year is an earlier one)"
    clause = next((a for a in list(head.ancestors)[:3] if a.dep_ == "relcl"), None)
    if clause is not None and not _dated(clause) and any(
            c.dep_ in ("nummod", "compound", "amod") and _a_year(c) for c in clause.head.children):
        return "background (\"the 2004 Tak Bai incident, in which 85 protesters died\")"
    listed = head.head if head.dep_ == "conj" else head  # "a continuation of IED activity … and attacks on …"
    if head.tag_ == "NNS" and listed.dep_ == "pobj" and listed.head.lower_ == "of" \
            and lemma_of(listed.head.head) in SERIES and not _one_days_run(listed.head.head):
        return "aggregate (\"the latest in a string of attacks\")"
    if head.dep_ == "pobj" and head.head.lower_ == "of" and lemma_of(head.head.head) in LONG_SPANS:
        return "aggregate over a stretch (\"a year of fighting\", \"months of clashes\")"
    if _over_many_days(head) or any(_over_many_days(g) for g in list(head.ancestors)[:3]):
        return "aggregate over several days (\"detained 1,100 people during six nights of protests\")"
    if head.dep_ == "pobj" and head.head.lower_ in ("after", "following", "since") and any(
            c.dep_ == "npadvmod" and lemma_of(c) in SPANS | {"hour", "minute"} for c in head.head.children) and any(
            c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
            t.ent_type_ in ("DATE", "TIME") for t in head.subtree):
        return "back-reference (\"two weeks after the deadly attack\": coded when first reported)"
    if any(c.dep_ == "amod" and not (lemma_of(c) == "recent" and any(d.dep_ == "det" for d in children)) and (
            c.tag_ == "JJS" or any(m.lower_ == "most" and m.dep_ == "advmod" for m in c.children)) for c in children) \
            and not _launched_here(head):
        return "comparison (\"the deadliest attack since…\")"
    if head.dep_ == "pobj" and head.head.lower_ == "with" and lemma_of(head.head.head) in ("consistent", "compatible"):
        return "a finding (\"injuries consistent with assault\")"
    if kind == "bombing" and _heard(head) and _violence_told_before(head):
        return "the sound of strikes told before (\"In Kyiv, explosions echoed for nearly seven hours\")"
    if kind not in ("protest", "riot", "mob") and head.pos_ == "VERB" and _weekly_tally(head):
        return "aggregate (a week's count: \"arrested 12 logistics suppliers within the week\")"
    if kind not in ("protest", "riot", "mob") and _tally_across(head):  # not "tens of thousands marched across"
        return "aggregate (\"dozens of politicians were killed across Mexico around the elections\")"
    if _superlative_stretch(head):
        return "aggregate (\"2024 was the deadliest year, with more than 680 killed\")"
    if _came_after(head):
        return "background (\"the unrest comes a month after an explosion killed 57\")"
    dated = _dated(head)
    for gov, via in _governors(head):
        lemma = lemma_of(gov)
        kids = list(gov.children)
        if lemma in ("stop", "prevent", "deter") and any(c.dep_ == "neg" for c in kids) and head.head.lower_ == "from":
            continue  # "the violence did not stop hundreds from marching": they marched
        if gov.head.lemma_.lower() == "of" and lemma_of(gov) in AGGREGATE and not dated:
            return "aggregate"
        # "dropped explosives", "explosives dropped from a drone": things falling, not figures
        counted = via == "nsubj" and any(  # "Battles in Chiapas fell for the third month", "… dropped by 20%"
            c.dep_ == "prep" and c.lower_ in ("for", "by", "to") and any(
                t.like_num or t.ent_type_ in ("DATE", "PERCENT") for t in c.subtree) for c in kids)
        changes = gov.pos_ == "VERB" and (any(c.dep_ == "dobj" for c in kids)
                                          or lemma in ("drop", "fall") and not counted) \
            and lemma not in ("make", "represent", "constitute", "account", "step", "ramp")  # "made up 40% of incidents"
        stepped_up = lemma not in ("step", "ramp") or any(c.dep_ == "prt" and c.lower_ == "up" for c in kids)
        if lemma in TRENDS and via == "dobj" and not dated:
            return f"a trend ({lemma} … attacks)"  # "as Russia intensified missile and drone attacks on cities"
        if lemma in AGGREGATE and not dated and not changes and stepped_up:  # but "the toll from Thursday's massacre has risen to 70"
            return "aggregate"
        if (lemma in REQUESTS and via == "xcomp") or (lemma in ("bar", "ban", "forbid") and via == "prep"):
            return f"irrealis ({lemma} … to / from …)"  # not "police asked the protesters to leave"
        if lemma == "ask" and via == "prep":
            return "a question about an event told elsewhere (\"asked about the Uruapan killing\")"
        if lemma in IRREALIS and not (via in ("nsubj", "nsubjpass") and gov.pos_ == "VERB"):
            return f"irrealis ({lemma})"  # but "protesters demanded…": the subject of a demand is no hypothesis
        if lemma in IRREALIS - {"disrupt", "deny"} and via == "nsubjpass" and gov.tag_ == "VBN" and head.pos_ == "NOUN":
            return f"irrealis ({lemma}, passive)"  # "a new march is planned for next week", not "was disrupted"
        # not "tried to storm", nor "Gunmen suspected to be bandits have killed 14" parsed with "suspected" as root
        described = lemma in ("try", "suspect") and any(c.dep_ == "xcomp" for c in kids)
        if lemma in LEGAL and gov.pos_ == "VERB" and not described:
            return f"legal proceedings ({lemma} … for it)"  # "sentenced a police chief for the abduction"
        if lemma == "light" and any(lemma_of(c) == "green" for c in kids):
            return "irrealis (a green light for …)"  # not "The Global New Light of Myanmar said"
        if lemma in ATTEMPT and via == "xcomp":
            return f"attempt ({lemma} to …)"
        if lemma in ("call", "announce", "schedule", "organise", "organize") and via in ("dobj", "oprd", "xcomp", "prep", "pobj"):
            return "irrealis (a call for or announcement of action)"
        if _generic_subject(gov):
            return "generic (\"every owner has been attacked\")"
        if lemma in ("continue", "persist") and via in ("nsubj", "xcomp") and not dated and not _dated_to_a_day(gov):
            return f"ongoing, not one event ({lemma})"  # "shelling continues to strike the camps"
        if lemma in ("begin", "start") and gov.pos_ == "VERB" and head.tag_ == "VBG" and via == "xcomp":
            return f"activity, not an event ({lemma} …ing)"  # "the Houthis began attacking ships in November 2023"
        if lemma in CESSATION and gov.pos_ == "VERB" and (head.tag_ == "VBG" or via in ("dobj", "xcomp")):
            return f"activity, not an event ({lemma} …ing)"
        if any(c.dep_ == "neg" for c in kids) and gov.pos_ in ("VERB", "AUX"):
            return "negated"
        if gov.pos_ == "NOUN" and via == "prep" and any(c.dep_ == "det" and c.lower_ == "no" for c in kids):
            return "negated (\"no reports of fighting\")"
        if gov.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and lemma_of(c) in IRREALIS for c in kids):
            return "irrealis"
        if gov.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" and lemma_of(c) in IRREALIS for c in kids):
            return "irrealis (\"proposals include…\")"
        if gov.pos_ in ("VERB", "AUX") and lemma not in REPORTING and any(
                c.dep_ == "nsubj" and lemma_of(c) in STUDIES for c in kids):
            return "analysis (\"a study found that…\")"
        if gov.pos_ in ("VERB", "AUX") and any(c.dep_ in ("attr", "acomp") and c.tag_ == "JJS" for c in kids):
            return "comparison (\"remains the deadliest\")"
        if any(c.dep_ == "mark" and lemma_of(c) in ("if", "unless", "until") for c in kids):
            return "conditional"
        if gov.pos_ in ("VERB", "AUX") and _habitual(kids):
            return "habitual"
    return None


def _called_false(head) -> bool:
    """ "Report of a second shooting in Villanueva: FALSE, police confirm", "Rumour of a clash in Amatenango is
    false": the event is the object of a report that the same sentence, later on, calls false."""
    if not (head.dep_ == "pobj" and head.head.lower_ == "of" and lemma_of(head.head.head) in REPORT_NOUNS):
        return False
    doc, sent = head.doc, head.sent
    # … or the sentences around it on its line: "FAKE! Channels are spreading reports of a 'strike on the bridge'
    # in Dnipro. This is not true."
    line = [t for t in doc[max(sent.start - 12, 0):min(sent.end + 12, len(doc))]
            if "\n" not in doc.text[min(t.idx, head.idx):max(t.idx, head.idx)]]
    return any(t.lower_ in FALSEHOOD for t in sent if t.i > head.i) or any(
        t.lower_ in FALSEHOOD | {"fake"} or t.lower_ == "true" and t.i > 0 and doc[t.i - 1].lower_ == "not"
        for t in line if not sent.start <= t.i < sent.end)
