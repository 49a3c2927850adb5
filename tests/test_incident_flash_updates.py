"""What wire copy, mastheads and flash updates say around their events: a truce told after a clash, a weekly
rally held today, "the city" after a list of towns, orders and likelihoods that are no events, a paper's masthead
date and a flash update's subtitle over the body that tells the news."""
from __future__ import annotations

from datetime import date

import pytest

from geomap.dates import find_dates
from geomap.models import Document
from incident_support import coded

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def geoparser(rules_parser):
    """These tests pin what the rules find; the keep model that scores them is tested in test_keep_model.py."""
    return rules_parser


def _kinds(geoparser, text):
    return [(sub, place) for sub, place, _ in coded(geoparser, text)]


@pytest.mark.parametrize("text, expected", [
    # a bare death between a clash and a truce joins the clash, not both into one event typed by the truce
    ("TRIPOLI, June 24 (Reuters) - Fighting between two armed factions in Libya's capital killed at least 27 "
     "people, the city's Emergency Medicine Centre said on Tuesday, before a truce brokered by local elders took "
     "hold in the evening.", [("Armed clash", "Tripoli")]),
    # the weekly rally named by its day is this Friday's
    ("11:45 GMT - Tens of thousands of people fill al-Sabeen Square in Sanaa for the weekly Friday rally in "
     "support of Gaza, chanting slogans against the United States.", [("Peaceful protest", "Sanaa")]),
    # an order is not what was ordered
    ("Prime Minister Mohammed Shia al-Sudani, in Baghdad, ordered security forces to take control of Kirkuk and to "
     "investigate the shooting, his office said.", []),
    # federal forces taking a town regain it
    ("Iraqi federal forces took control of the city of Kirkuk from Kurdish peshmerga fighters on Monday.",
     [("Government regains territory", "Kirkuk")]),
    # "did not stop them from marching": they marched
    ("The violence did not stop several hundred people from marching in Culiacán on Saturday to demand peace.",
     [("Peaceful protest", "Culiacán")]),
    # "the city itself" is the city named before
    ("Gunmen ambushed an army patrol near Culiacán on Sunday, killing two soldiers.\nIn the city itself, a "
     "34-year-old man was shot dead on Tuesday afternoon outside a tyre repair shop.",
     [("Armed clash", "Culiacán"), ("Attack", "Culiacán")]),
    # what guns leave behind is no shelling
    ("Investigators collected more than 80 shell casings at the scene in Culiacán on Monday.", []),
    # suspects "in the grenade attack" look back at it
    ("Police said two suspects in the grenade attack were arrested at a checkpoint in Tacurong City early on "
     "Tuesday.", [("Arrests", "Tacurong")]),
    ("Analysts say the Arakan Army is unlikely to storm the port of Kyaukpyu soon.", []),
    ("Djibo has been under blockade for two years. The town itself has been stormed before.", []),
    # breaking into a warehouse and making off with its stock is looting
    ("On Saturday, armed men broke into a warehouse belonging to the medical centre in Sabha and made off with "
     "medicines.", [("Looting/property destruction", "Sabha")]),
    ("Looters spent hours breaking into shops in Macomia on Saturday, residents said.",
     [("Looting/property destruction", "Macomia")]),
])
def test_what_the_sentence_tells(geoparser, text, expected):
    assert _kinds(geoparser, text) == expected


def test_the_city_is_not_a_town_named_in_passing(geoparser):
    """ "the road linking Tripoli with Surman, Sabratha and Zuwara": none of those is "the city" of the next line."""
    text = ("ZAWIYA, Libya — Three people were killed in clashes that erupted late on Sunday between two armed groups "
            "in the city of Zawiya, local sources said.\nThe coastal road linking Tripoli with Surman, Sabratha and "
            "Zuwara was closed for several hours.\nOn Monday afternoon, dozens of residents gathered in Martyrs' "
            "Square in the city centre, raising banners demanding that all armed formations leave the city.")
    assert _kinds(geoparser, text) == [("Armed clash", "Zawiya"), ("Peaceful protest", "Zawiya")]


def test_a_masthead_date_does_not_date_the_headline(geoparser):
    """The headline under "THE NORTH WEST MIRROR — Bamenda, Friday March 8, 2024" is the body's news, dated by it."""
    title = "Four teachers kidnapped in Kumbo as IED kills two soldiers near Bafut"
    text = ("THE NORTH WEST MIRROR — Bamenda, Friday March 8, 2024\n" + title + "\nBy Ngwa Emmanuel\n"
            "Suspected separatist fighters on Monday abducted four teachers from a secondary school in Kumbo, parents "
            "and school officials told The Mirror.\nOn Tuesday, an improvised explosive device ripped through a "
            "military pick-up on the road near Bafut, killing two soldiers, military sources said.")
    found = geoparser.extract([Document("t", text, published=date(2024, 3, 8), title=title)]).incidents
    assert {(i.place.name, i.date.isoformat()) for i in found} == {("Kumbo", "2024-03-04"), ("Bafut", "2024-03-05")}


def test_a_flash_updates_subtitle_is_its_headline(geoparser):
    """ "Attacks in Mocímboa da Praia and Macomia districts" under the update's name: told by the bullets below."""
    text = ("MOZAMBIQUE: Cabo Delgado – Flash Update No. 2\nAttacks in Mocímboa da Praia and Macomia districts\n"
            "As of 26 September 2025\nThis update is produced by OCHA Mozambique with humanitarian partners.\n"
            "• On 22 September, elements of a non-state armed group entered a neighbourhood of Mocímboa da Praia "
            "town, killing four civilians, according to local authorities.\n• On 23 September, an armed group "
            "attacked a village on the outskirts of Macomia town, killing two civilians.")
    found = geoparser.extract([Document("t", text, published=date(2025, 9, 26),
                                        title="Flash Update No. 2: Attacks in Mocímboa da Praia and Macomia")]).incidents
    assert found and all(i.date_precision == "day" and i.date < date(2025, 9, 26) for i in found)


def test_a_day_after_year_when_is_of_that_year():
    """ "memories of 2018, when a bomb … killed three people on Aug. 28": 28 August 2018."""
    text = ("Residents said the blast brought back memories of 2018, when a bomb in Isulan killed three people on "
            "Aug. 28, and a second device exploded in the town on Sept. 2.")
    assert [w.date for _, _, w in find_dates(text, date(2024, 3, 5))] == [date(2018, 8, 28), date(2018, 9, 2)]
    assert [w.date for _, _, w in find_dates("A bomb killed three people on Aug. 28.", date(2024, 3, 5))] == [
        date(2023, 8, 28)]
