"""Wordings of live blogs, newsletters, security briefs and local radio: how they name places, days and events."""
from __future__ import annotations

from datetime import date

import pytest

from incident_support import coded, incidents

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def geoparser(rules_parser):
    """These tests pin what the rules find; the keep model that scores them is tested in test_keep_model.py."""
    return rules_parser


def test_entries_of_a_live_blog_told_the_next_day_are_of_the_day_it_covers(geoparser):
    """ "as it happened", updated the next morning: the entries are of Wednesday, the day the intro names."""
    text = ("LIVE: Kenya anniversary protests - as it happened\n"
            "Updated June 26, 09:00 EAT\n"
            "Wednesday's protests have ended with at least eight people dead in Nairobi, rights groups said. "
            "Below are the key moments from our live coverage.\n"
            "15:20 - In Mombasa, several thousand people march peacefully along Moi Avenue carrying flags.\n"
            "16:45 - In Nyeri, protesters set fire to part of a police post and overturn a police car.")
    found = {(sub, place): day for sub, place, day in coded(geoparser, text)}
    assert found[("Peaceful protest", "Mombasa")] == "2025-06-25"
    assert found[("Violent demonstration", "Nyeri")] == "2025-06-25"


def test_a_live_blog_of_the_report_day_keeps_its_entries_undated(geoparser):
    """A blog whose header names the report's own day: entries stay of the report day, undated (the dedupe
    may still fold them into the day's other tellings)."""
    text = ("Georgia protests: live updates\n"
            "Thursday, June 26\n"
            "10:45 - In Batumi, a few thousand people marched along the seafront carrying flags.")
    assert [(i.place.name, i.date.isoformat(), i.date_precision) for i in incidents(geoparser, text)] == [
        ("Batumi", "2025-06-26", "publication")]


def test_a_time_stamp_the_tagger_took_into_a_name_leaves_the_place(geoparser):
    """ "12:30 - Kisumu" tagged ORG as a whole; "Reports from Kragujevac:" heads its entry like "From X:"."""
    text = ("Kenya protests live\n"
            "Thursday, June 26 - all times EAT\n"
            "12:30 - Kisumu: protesters have set tyres alight on the main road and are throwing stones at police.\n"
            "17:05 - Reports from Kragujevac: two students guarding the law faculty were beaten this afternoon by "
            "a group of men in balaclavas.")
    assert [place for _, place, _ in coded(geoparser, text)] == ["Kisumu", "Kragujevac"]


def test_trying_to_march_is_no_trial(geoparser):
    text = ("09:40 - Nairobi: the first tear gas of the day on Kenyatta Avenue as several thousand young people try "
            "to march towards parliament.")
    assert [place for _, place, _ in coded(geoparser, text)] == ["Nairobi"]


def test_a_superlative_in_a_lead_compares_with_other_events(geoparser):
    """ "in one of the deadliest single attacks on the city since last year": the strike, told once."""
    lead = ("PORT SUDAN, June 26 (Wire) - A drone strike on a mosque in El Fasher killed at least 75 worshippers on "
            "Wednesday, medical sources said, in one of the deadliest single attacks on the city since last year.")
    assert [place for _, place, _ in coded(geoparser, lead)] == ["El Fasher"]


def test_a_unit_speaking_of_attacks_elsewhere_is_not_their_place(geoparser):
    """Only an assault "on its base" is where the unit is: not repelled assaults along the front line."""
    assert coded(geoparser, "Ukraine's army command in Kyiv said it repelled 40 Russian assaults on Tuesday along "
                            "the front line.") == []


def test_a_live_blog_of_its_own_day_keeps_its_entries_on_that_day(geoparser):
    """The intro's "began on Tuesday" is background: the entries are of the report day."""
    text = ("Kenya protests live\n"
            "Demonstrations that began on Tuesday continue for a third day.\n"
            "10:15 - In Kisumu, police fire tear gas at protesters throwing stones.")
    assert {day for _, _, day in coded(geoparser, text)} == {"2025-06-26"}


def test_an_assault_on_a_town_names_the_town(geoparser):
    text = ("The militant assault on Damboa on Tuesday, in which fighters exchanged fire with soldiers for several "
            "hours before withdrawing, underlines how fragile the security gains in southern Borno remain.")
    assert coded(geoparser, text) == [("Armed clash", "Damboa", "2025-06-24")]


def test_a_prefixed_irregular_past_is_read_as_its_verb(geoparser):
    """ "retook", tagged a present-tense verb, is "retake": what is retaken is a place."""
    text = "Army units retook Tayeeglow, in Bakool region, on Saturday, officials said."
    assert coded(geoparser, text) == [("Government regains territory", "Tayeeglow", "2025-06-21")]


def test_a_bearing_from_a_town_describes_the_place_named_before_it(geoparser):
    text = ("On Tuesday a roadside bomb struck an army patrol in the Hawija district, south-west of Kirkuk, "
            "killing two soldiers.")
    assert [place for _, place, _ in coded(geoparser, text)] == ["Al Ḩawījah"]
    alone = "On Tuesday a roadside bomb struck an army patrol south-west of Kirkuk, killing two soldiers."
    assert [(i.place.name, i.geo_precision) for i in incidents(geoparser, alone)] == [("Kirkuk", 2)]


@pytest.mark.parametrize("text, place", [
    ("Late on Tuesday, Israeli jets hit targets on the outskirts of Hermel in the northern Bekaa, killing two.",
     "El Hermel"),  # an alternate name after "the outskirts of"
    ("Eighteen people were killed on Thursday night when an Israeli aircraft struck a crowded building in the "
     "Tulkarm refugee camp.", "Ţūlkarm"),  # a camp named after its town
    ("Two police officers were killed on Saturday when their vehicle hit an explosive device near Elwak.",
     "El Wak"),  # the Arabic article written joined to the name
    ("Cattle raiders killed seven people near Bor in Jonglei on Sunday.", "Bor"),  # "Jonglei State" as news writes it
])
def test_places_by_the_names_news_gives_them(geoparser, text, place):
    assert [p for _, p, _ in coded(geoparser, text)] == [place]


def test_jonglei_is_the_south_sudanese_state(geoparser):
    text = "Cattle raiders killed seven people near Bor in Jonglei on Sunday."
    assert [i.place.country_code for i in incidents(geoparser, text)] == ["SS"]


def test_a_raid_that_only_arrested_is_an_arrest(geoparser):
    swept = ("In Nablus, Israeli troops raided the Old City at dawn on Friday and arrested three young men from "
             "their homes, local sources said.")
    assert [sub for sub, _, _ in coded(geoparser, swept)] == ["Arrests"]
    fought = "Israeli troops raided Jenin on Friday and arrested three men after an exchange of fire."
    assert [sub for sub, _, _ in coded(geoparser, fought)] == ["Armed clash", "Arrests"]


def test_a_bomb_squads_safe_detonation_is_a_disrupted_weapon(geoparser):
    text = ("In Lamu County, a bomb disposal unit on Sunday safely detonated an IED found buried on a road near "
            "Mpeketoni, after a herder alerted officers. No one was hurt.")
    assert coded(geoparser, text) == [("Disrupted weapons use", "Mpeketoni", "2025-06-22")]


def test_killings_over_recent_years_are_a_tally(geoparser):
    text = ("Cattle raiding and revenge attacks have killed hundreds of people in Jonglei in recent years, fuelled "
            "by the spread of firearms.")
    assert coded(geoparser, text) == []


def test_a_unit_telling_of_an_attack_on_itself_was_attacked_where_it_is(geoparser):
    text = ("Further west, the army's 22nd Infantry Division in Babanusa said it repelled an RSF assault on its base "
            "on Sunday, killing 37 attackers.")
    assert coded(geoparser, text) == [("Armed clash", "Babanūsah", "2025-06-22")]


def test_a_claim_of_responsibility_looks_back_at_the_attack(geoparser):
    text = ("IRAPUATO, Mexico, June 26 (Wire) - Gunmen opened fire on a street party in Irapuato late on Tuesday, "
            "killing 12 people.\n"
            "No group had claimed responsibility for the Irapuato attack by Wednesday afternoon.")
    assert coded(geoparser, text) == [("Attack", "Irapuato", "2025-06-24")]


def test_seized_firearms_are_arms_not_territory(geoparser):
    text = ("In the week from 13 to 19 June, state and federal forces carried out 41 arrests across Sinaloa and "
            "seized 78 firearms.")
    assert coded(geoparser, text) == []


def test_a_newsletters_teaser_tells_again_what_its_sections_tell(geoparser):
    text = ("THE DAILY DISPATCH - Unrest Watch | Thursday, June 26\n"
            "Good morning. Indonesia's protests turn deadly and a bus abduction in central Nigeria. Here's what you "
            "need to know.\n"
            "INDONESIA: Protests turned violent in Jakarta on Tuesday night; crowds set fire to police posts and "
            "threw rocks at officers.\n"
            "NIGERIA: Gunmen abducted at least 18 passengers from a bus near the town of Kagara in Niger state on "
            "Tuesday, police said.")
    assert [place for _, place, _ in coded(geoparser, text)] == ["Jakarta", "Kagara"]


def test_a_region_of_one_country_is_not_outranked_by_a_namesake_division(geoparser):
    """ "Iraq's Kurdistan Region" is the Iraqi region (as populous as its three governorates), not Iran's
    Kurdistan province; told again town by town, the region-wide line is the summary."""
    text = ("ERBIL, Iraq, June 26 (Wire) - Drones struck an oil field in Iraq's Kurdistan Region, officials said.\n"
            "The interior ministry said an explosive-laden drone hit a production facility at an oil field near "
            "Zakho on Wednesday.")
    found = incidents(geoparser, text)
    assert [i.place.country_code for i in found] == ["IQ"] * len(found)
    assert "Kurdistan Region" not in [i.place.name for i in found]


def test_a_clause_naming_a_town_the_gazetteer_lacks_is_its_own_event(geoparser):
    """The clash near Mocímboa da Praia is apart from the beheadings in Muidumbe district (a district the
    gazetteer lacks): one Armed clash there, however the parse joins the clauses."""
    text = ("Insurgents beheaded four civilians in a village in Muidumbe district last Thursday, local sources said, "
            "while Rwandan troops killed six militants in a clash near Mocímboa da Praia on Sunday.")
    assert ("Armed clash", "Mocímboa da Praia", "2025-06-22") in coded(geoparser, text)


def test_a_dateline_is_the_city_even_where_a_division_shares_its_name(geoparser):
    """Tbilisi is a city and a first-level division; with Adjara named below, the resolver leans to the
    division, but a wire is filed from the city."""
    text = ("TBILISI, June 26 (Wire) - Riot police used water cannon and tear gas overnight to clear thousands of "
            "demonstrators from Rustaveli Avenue outside parliament.\n"
            "In the Black Sea city of Batumi, several thousand people marched to the Adjara regional government "
            "building on Wednesday evening and dispersed without incident.")
    assert "Tbilisi" in [i.place.name for i in incidents(geoparser, text)]
    assert {i.place.feature_class for i in incidents(geoparser, text)} == {"P"}


def test_a_crowd_in_one_town_while_arrests_in_another_are_two_events(geoparser):
    """The riot is Hartlepool's, where the same crowd set a car alight; the arrests are London's."""
    text = ("On Wednesday night, crowds threw bottles at police and set a patrol car alight in Hartlepool, in "
            "northeast England, while in London more than 100 people were arrested near Downing Street.")
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [
        ("Violent demonstration", "Hartlepool"), ("Arrests", "London")]


def test_bricks_and_bottles_thrown_at_police_are_a_riot(geoparser):
    text = "In Southport, hundreds of people threw bricks and bottles at a mosque and at police on Tuesday evening."
    assert coded(geoparser, text) == [("Violent demonstration", "Southport", "2025-06-24")]


@pytest.mark.parametrize("text, expected", [
    # a raid with suicide vests detonated was fought over
    ("Security forces raided an Islamic State cell in Kirkuk on Tuesday and arrested four suspects after two of them "
     "detonated suicide vests.", ["Armed clash", "Arrests"]),
    # a claim that is the only telling of a raid dated on its own
    ("ISWAP claimed responsibility for the raid on the military base in Marte on Sunday.", ["Armed clash"]),
    # "in recent years" compares; the massacre is dated
    ("Gunmen killed 40 villagers in Zamfara on Sunday in one of the deadliest attacks in the state in recent years.",
     ["Attack"]),
])
def test_the_new_readings_stay_within_their_reach(geoparser, text, expected):
    assert [sub for sub, _, _ in coded(geoparser, text)] == expected


def test_a_dateline_naming_a_state_is_not_a_town_of_another_name(geoparser):
    """ "SINALOA" is the state; the town Sinaloa de Leyva is not the wire's city."""
    text = "SINALOA, Mexico (AP) - Gunmen killed five people at a ranch on Tuesday night, state prosecutors said."
    assert "Sinaloa de Leyva" not in [i.place.name for i in incidents(geoparser, text)]


def test_a_casualty_report_names_regions_and_trends_not_events(geoparser):
    text = ("GENEVA, July 10 (Wire) - Civilian casualties in Ukraine rose in June to their highest monthly level in "
            "three years, the U.N. mission said on Thursday, as Russia intensified long-range missile and drone "
            "attacks on cities far from the front.\n"
            "Most casualties occurred in front-line regions, particularly Donetsk, Kharkiv, Zaporizhzhia and Kherson, "
            "where short-range drones and glide bombs have become the main threat to residents.")
    assert coded(geoparser, text, published=date(2025, 7, 10)) == []


@pytest.mark.parametrize("text, expected", [
    ("Separatist fighters seized a traditional ruler from his palace in Batibo on Sunday.",
     [("Abduction/forced disappearance", "Batibo")]),
    ("Armed bandits seized dozens of villagers, including at least 20 women, in a night raid on a farming community "
     "near Gusau on Tuesday.", [("Abduction/forced disappearance", "Gusau")]),
    ("Rebels seized the town of Kumba on Sunday.", [("Non-state actor overtakes territory", "Kumba")]),
    # armed supporters who take a town after fighting take it (a crowd's push into a building does not)
    ("Supporters of the militia seized the town of Gereida on Friday after fighting with the army.",
     [("Non-state actor overtakes territory", "Gereida")]),
])
def test_people_seized_are_abducted_and_towns_seized_are_taken(geoparser, text, expected):
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("On Monday evening, several dozen masked settlers entered Sinjil, north of Ramallah, setting fire to two houses "
     "and five cars.", "Attack"),  # a band's raid on a village burns its people's homes
    ("Protesters set fire to the town hall in Sinjil on Monday.", "Violent demonstration"),
    ("Unknown assailants set fire to a warehouse in Sinjil on Monday.", "Looting/property destruction"),
])
def test_burning_in_a_raid_on_a_village_is_an_attack(geoparser, text, expected):
    assert [sub for sub, _, _ in coded(geoparser, text)] == [expected]
