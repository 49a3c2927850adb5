"""Community alert threads, translated Latin American crime pages, rights bulletins and court or police gazettes:
weekday-stamped alerts, reports called false, "a confrontation", "this capital", neighbourhoods a text calls
colonias, datelines in two languages or without a year, bulletins sectioned by town, weapons seized (and
weapons merely held), judicial executions, "executed a search warrant", trends told with "since" and "fell"."""
from __future__ import annotations

from datetime import date

import pytest

from geomap.models import Document
from incident_support import coded, incidents

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def geoparser(rules_parser):
    """These tests pin what the rules find; the keep model that scores them is tested in test_keep_model.py."""
    return rules_parser


def test_weekday_stamps_date_the_alerts_under_them(geoparser):
    """ "THU 22:40 —" stamps the alerts of a thread forwarded on Friday: they are of Thursday until the next
    weekday stamp; a marker before the stamp ("🔴") is no part of it, and the town label after it places the
    alert."""
    text = ("MATAMOROS ALERTS | What neighbours shared overnight\n"
            "🔴 THU 22:40 — TAMPICO: exchange of fire between marines and gunmen near the bus terminal.\n"
            "🟠 23:10 — Shooting continues, avoid the avenue.\n"
            "🔴 FRI 05:30 — TAMPICO: armed men set fire to two buses at the market.")
    assert coded(geoparser, text, published=date(2024, 3, 8)) == [
        ("Armed clash", "Tampico", "2024-03-07"), ("Looting/property destruction", "Tampico", "2024-03-08")]


def test_a_title_line_names_the_day_of_the_alerts_below_it(geoparser):
    text = ("SIERRA ALERTS – citizen reports, Sunday 9 June\n"
            "📍 10:20 — A drone dropped explosives on houses in Chicomuselo, barrio north.")
    assert coded(geoparser, text, published=date(2024, 6, 10)) == [("Air/drone strike", "Chicomuselo", "2024-06-09")]


def test_a_report_the_same_line_calls_false_is_no_incident(geoparser):
    text = ("02:10 — Report of a shooting in Villanueva: FALSE, police confirm.\n"
            "02:30 — Rumour of an explosion at the bridge in Choloma: false.")
    assert incidents(geoparser, text, published=date(2025, 4, 7)) == []


@pytest.mark.parametrize("text, expected", [
    # the Spanish-language press's "enfrentamiento" (a title-case dateline without a year)
    ("Apatzingán, Michoacán, May 8. – Two soldiers died on Tuesday night during a confrontation with armed civilians, "
     "the state prosecutor's office reported.", [("Armed clash", "Apatzingán", "2024-05-07")]),
    # a confrontation at the head of an alert line
    ("📍 08:15 — Confrontation in the centre of Tepalcatepec, near the church.",
     [("Armed clash", "Tepalcatepec", "2024-05-08")]),
])
def test_a_confrontation_is_an_armed_clash(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2024, 5, 8)) == expected


@pytest.mark.parametrize("text", [
    "MEXICO CITY, May 8 - The government said its strategy favoured intelligence rather than confrontation.",
    "The confrontation in Quetta marks a new turn in the state's handling of the movement.",
])
def test_confrontation_as_a_word_for_a_policy_or_a_story_is_not_a_clash(geoparser, text):
    assert incidents(geoparser, text, published=date(2024, 5, 8)) == []


def test_this_capital_is_the_town_the_reporter_files_from(geoparser):
    """The dateline is on the third line (a byline between it and the headline); "the north of this capital"
    places an event whose neighbourhood the gazetteer lacks."""
    text = ("Gunmen die in clash with soldiers\n"
            "By the Crime Desk\n"
            "HERMOSILLO, Sonora, March 3. – Two armed men were killed on Sunday afternoon during a confrontation "
            "with soldiers in the colonia Villa Verde, in the north of this capital.")
    assert [(i.sub_event_type, i.place.name, i.date.isoformat())
            for i in incidents(geoparser, text, published=date(2025, 3, 3))][-1:] == [
        ("Armed clash", "Hermosillo", "2025-03-02")]


def test_a_colonia_is_no_namesake_town_abroad(geoparser):
    """ "colonia Las Cumbres" in a story of Mexican towns is a neighbourhood, not the Panamanian town of 69,000."""
    text = ("REYNOSA, Tamaulipas, May 17. – Gunmen fired on a patrol in colonia Las Cumbres on Tuesday night, "
            "and later set fire to a trailer near Río Bravo, police in Ciudad Victoria said.")
    places = {i.place.country_code for i in incidents(geoparser, text, published=date(2023, 5, 17))}
    assert places == {"MX"}


def test_a_wire_dateline_with_the_town_in_a_second_language(geoparser):
    """ "SKOPJE (SHKUP), Feb 12 (Agency) –": the filing date is not the event's; "on Wednesday" is."""
    text = ("SKOPJE (SHKUP), Feb 12 (BWS) – Police found three Kalashnikov rifles and 900 rounds of ammunition in "
            "a barn in Kumanovo on Wednesday, the Interior Ministry said.")
    assert coded(geoparser, text, published=date(2026, 2, 12)) == [
        ("Disrupted weapons use", "Kumanovo", "2026-02-11")]


def test_a_bulletin_sectioned_by_town_places_the_items_under_each(geoparser):
    text = ("RIGHTS MONITOR – WEEKLY BULLETIN\n"
            "Reporting period: 1 – 7 March 2025\n"
            "ZAHEDAN\n"
            "• Monday 3 March: several hundred people gathered near the grand mosque and chanted slogans demanding "
            "the release of detained clerics.\n"
            "KHASH\n"
            "• Tuesday 4 March: agents detained a teacher at his home.")
    assert coded(geoparser, text, published=date(2025, 3, 8)) == [
        ("Peaceful protest", "Zahedan", "2025-03-03"), ("Arrests", "Khāsh", "2025-03-04")]


@pytest.mark.parametrize("text, expected", [
    ("On 14 April, troops seized a cache of rifles and grenades in a farmhouse outside Tamale.",
     [("Disrupted weapons use", "Tamale", "2025-04-14")]),
    ("On Tuesday, officers found a pistol, an assault rifle and 60 rounds of ammunition in a drain in Arima.",
     [("Disrupted weapons use", "Arima", "2025-04-15")]),
    # the grenades were seized, not thrown (however the parse hangs them)
    ("On 20 March 2025, officers searching a house in Bijeljina found and seized in the defendant's room two hand "
     "grenades and an automatic rifle.", [("Disrupted weapons use", "Bijeljina", "2025-03-20")]),
])
def test_weapons_seized_are_disrupted_weapons_use(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 4, 17)) == expected


@pytest.mark.parametrize("text, expected", [
    # seized in a fight, or taken from soldiers by a crowd: part of that event, not one of its own
    ("On Monday soldiers killed three militants in a clash near Bannu and seized weapons.",
     [("Armed clash", "Bannu", "2025-04-14")]),
    ("On Saturday soldiers were pelted with stones by a crowd in Argelia and two rifles were seized from them.",
     [("Violent demonstration", "Argelia", "2025-04-12")]),
    # what was found is not arms
    ("Police found the body of a man in Kumanovo on Tuesday.", []),
])
def test_seizures_told_with_a_fight_or_of_no_arms(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 4, 17)) == expected


@pytest.mark.parametrize("text", [
    "On Thursday a prisoner convicted on drug charges was executed in Zahedan Central Prison.",
    "On Monday officers executed a search warrant at a house in Arima.",
])
def test_executions_by_a_court_and_warrants_executed_are_no_killings(geoparser, text):
    assert incidents(geoparser, text, published=date(2025, 4, 17)) == []


def test_a_fall_in_battles_is_a_trend(geoparser):
    text = "Battles in Chiapas fell for the third consecutive month, while mob violence in Guatemala rose."
    assert incidents(geoparser, text, published=date(2026, 2, 9)) == []


def test_since_on_another_verb_does_not_outrank_the_events_day(geoparser):
    text = ("On 5 January, army units retook the centre of Chicomuselo, where an armed group had maintained "
            "checkpoints since December.")
    assert coded(geoparser, text, published=date(2026, 2, 9)) == [
        ("Government regains territory", "Chicomuselo", "2026-01-05")]


def test_a_full_date_parsed_onto_the_subject_still_dates_the_event(geoparser):
    text = ("On 30 September 2022 security forces opened fire on protesters after Friday prayers in Zahedan, "
            "killing at least 90 people.")
    assert coded(geoparser, text, published=date(2024, 10, 6)) == [
        ("Excessive force against protesters", "Zahedan", "2022-09-30")]


def test_a_statement_blaming_the_attack_is_no_new_attack(geoparser):
    text = ("On 21 October, gunmen killed five men at a billiard hall in San Pedro Sula. The Security Secretariat, "
            "in Tegucigalpa, blamed the attack on a dispute between gang factions.")
    assert coded(geoparser, text, published=date(2023, 11, 8)) == [("Attack", "San Pedro Sula", "2023-10-21")]


def test_port_of_spain_is_one_name(geoparser):
    text = "On Saturday gunmen shot dead two men outside a bar in Port of Spain, police said."
    assert coded(geoparser, text, published=date(2026, 1, 12)) == [("Attack", "Port of Spain", "2026-01-10")]


def test_a_dateline_under_update_lines_places_its_own_sentence(geoparser):
    """A local TV page: update lines first, then "PORTLAND, Ore. --" opening the original story, whose first sentence
    names only streets."""
    text = ("Police declare riot outside federal building\n"
            "UPDATE 10:30 a.m. Sunday: Police say nine adults were arrested overnight.\n"
            "ORIGINAL STORY (Saturday, 11:58 p.m.):\n"
            "PORTLAND, Ore. -- Police declared a riot just before midnight Saturday outside the federal building on "
            "South Macadam Avenue, after people in the crowd set fires in the roadway and launched fireworks at "
            "officers.")
    assert ("Violent demonstration", "Portland", "2025-06-14") in coded(geoparser, text, published=date(2025, 6, 15))


def test_a_towns_own_police_act_in_that_town(geoparser):
    """ "Broadview Police officers dispersed …": the tagger took "Broadview Police" for an organisation; the town
    is the one the release names in its masthead. (Not a statement: "Kharkiv police said …" places nothing.)"""
    text = ("VILLAGE OF BROADVIEW POLICE DEPARTMENT\n"
            "2350 S. 25th Avenue, Broadview, Illinois 60155\n"
            "On Friday, Broadview Police officers dispersed demonstrators blocking the roadway in front of the "
            "facility.")
    assert coded(geoparser, text, published=date(2025, 10, 4)) == [
        ("Protest with intervention", "Broadview", "2025-10-03")]


def test_a_newsletters_numbered_items_are_headed_by_their_town(geoparser):
    text = ("STREET LEVEL -- a weekly round-up\n"
            "Issue #59 | Sunday, March 16, 2025\n"
            "1) BUENOS AIRES: On Wednesday, football supporters threw stones and set fire to a police motorcycle on "
            "Avenida Rivadavia.\n"
            "3) SANTIAGO: Hooded students threw Molotov cocktails at Carabineros outside the Instituto Nacional on "
            "Tuesday.")
    assert {(sub, place) for sub, place, _ in coded(geoparser, text, published=date(2025, 3, 16))} >= {
        ("Violent demonstration", "Buenos Aires"), ("Violent demonstration", "Santiago")}


def test_a_gathering_chanting_far_down_a_long_sentence_is_a_protest(geoparser):
    text = ("Several hundred people gathered Sunday afternoon outside the Metropolitan Detention Center on Alameda "
            "Street at Aliso Street in downtown Los Angeles, chanting and holding signs.")
    assert coded(geoparser, text, published=date(2025, 6, 8)) == [("Peaceful protest", "Los Angeles", "2025-06-08")]


@pytest.mark.parametrize("text", [
    # an operations briefing's counts for a week, a theatre or several states: many events, none told
    "In the North-East, troops of Operation Hadin Kai neutralised 45 terrorists and arrested 12 logistics suppliers "
    "within the week.",
    "Troops neutralised 31 bandits and arrested 19 suspects across Zamfara, Katsina and Sokoto States.",
])
def test_a_briefings_weekly_counts_are_no_incidents(geoparser, text):
    assert incidents(geoparser, text, published=date(2023, 8, 17)) == []


def test_a_count_of_people_seized_last_week_is_one_event(geoparser):
    text = "Police in Kaduna state said gunmen had seized at least 12 travellers from a bus near Kajuru late last week."
    assert [sub for sub, _, _ in coded(geoparser, text, published=date(2025, 3, 26))] == [
        "Abduction/forced disappearance"]


@pytest.mark.parametrize("text, expected", [
    ("On 14 August 2023 the Air Component conducted air interdiction on a bandits' enclave on the outskirts of Isa "
     "in Sokoto State.", [("Air/drone strike", "Isa", "2023-08-14")]),
    # a vehicle stopped with arms aboard (not a roadblock on travellers)
    ("On 4 February 2024, troops at a checkpoint in Barkin Ladi town intercepted a vehicle conveying 2 AK-47 rifles "
     "and 300 rounds of ammunition.", [("Disrupted weapons use", "Barkin Ladi", "2024-02-04")]),
    # troops searching: the search is the seizure's own, not a fight
    ("On 13 August 2023, troops on clearance operations at Dansadau discovered an arms cache and recovered 2 AK-47 "
     "rifles.", [("Disrupted weapons use", "Dan Sadau", "2023-08-13")]),
    # an operation to find weapons is no seizure
    ("On Monday, during an operation to locate weapons in the area of Kumanovo, police searched six houses.", []),
])
def test_briefing_items(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2024, 2, 8)) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("PORT SUDAN, Dec 2 (Wire) - On Sunday, a drone strike set fire to a fuel depot in Kadugli, a local official "
     "said.\nCORRECTION (Dec 3): The drone strike on Sunday hit a fuel depot in El Obeid, not Kadugli as previously "
     "reported.", date(2025, 12, 2), [("Air/drone strike", "El Obeid", "2025-11-30")]),
    # the wrong name the gazetteer does not even know takes the right one
    ("BOSASO, March 5 (Wire) - In Qardho, a hand grenade thrown into a tax office on Monday evening killed a clerk, "
     "police said.\nCORRECTION (March 6): An earlier version of this story said the grenade attack took place in "
     "Qardho. The attack was in Bosaso.", date(2025, 3, 5), [("Grenade", "Bosaso", "2025-03-03")]),
])
def test_a_correction_note_puts_the_place_right(geoparser, text, published, expected):
    assert coded(geoparser, text, published=published) == expected


def test_a_vehicle_driven_into_demonstrators_is_an_attack(geoparser):
    text = "On Saturday deputies responded to SW 185th Avenue in Aloha on reports of a vehicle striking pedestrians."
    assert coded(geoparser, text, published=date(2026, 2, 2)) == [("Attack", "Aloha", "2026-01-31")]


def test_street_names_are_no_towns(geoparser):
    """ "at the corner of Hipólito Yrigoyen" is a street, not the town of that name 1,400 km away; "the Alameda" in a
    story of Santiago is an avenue, not Alameda, California."""
    text = ("BUENOS AIRES -- On Wednesday riot police used batons and pepper spray to push pensioners off Avenida "
            "Entre Ríos at the corner of Hipólito Yrigoyen.\n"
            "In Santiago, hooded students threw Molotov cocktails at police on Tuesday and blocked traffic on the "
            "Alameda.")
    places = {place for _, place, _ in coded(geoparser, text, published=date(2024, 9, 12))}
    assert "Hipólito Yrigoyen" not in places and "Alameda" not in places


def test_an_indian_police_press_note(geoparser):
    """Dates written "17-01-2024"; "pelting stones at the security personnel" is a riot; fire opened "upon" a
    post of the state's forces is a clash."""
    text = ("MANIPUR POLICE\nPRESS NOTE\nImphal, the 18th January, 2024\n"
            "1. On 17-01-2024 at about 4:45 am, suspected armed miscreants opened fire upon the State Forces post "
            "located at Moreh.\n"
            "2. On 17-01-2024, a crowd of about 300 persons gathered at Thoubal and attempted to force their way into "
            "the premises of Thoubal Police Station, pelting stones at the security personnel.")
    assert coded(geoparser, text, published=date(2024, 1, 18)) == [
        ("Armed clash", "Moreh", "2024-01-17"), ("Violent demonstration", "Thoubāl", "2024-01-17")]


@pytest.mark.parametrize("text", [
    # a governor's post: the report is called fake around it, not in its own sentence
    "FAKE! Anonymous channels are spreading reports of a strike on the Kaidatskyi bridge in Dnipro. This is not true.",
    # a month's figures: a share of many attacks, a count of times
    "Most of the attacks targeted Nikopol district.",
    "Over the month the enemy attacked Dnipropetrovsk region more than 900 times with artillery and drones.",
])
def test_a_governors_figures_and_fakes_are_no_incidents(geoparser, text):
    assert incidents(geoparser, text, published=date(2024, 11, 1)) == []


@pytest.mark.parametrize("text, expected", [
    ("Russian forces shelled Nikopol 12 times on Monday, wounding two.",
     [("Shelling/artillery/missile attack", "Nikopol", "2024-10-28")]),
    ("Some of the drones that got through struck a grain-handling facility in Izmail on Tuesday.",
     [("Air/drone strike", "Izmayil", "2024-10-29")]),
])
def test_a_days_many_attacks_and_some_of_a_salvo_are_events(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2024, 11, 1)) == expected



def test_a_town_as_a_figure_of_speech_is_still_that_town(geoparser):
    """ "the Nice of Russia" names Nice itself (LGL annotates it so), unlike "the Alameda" of a Santiago story."""
    text = ("MOSCOW - A former party leader on Wednesday became the latest entry into the crowded Sochi mayoral "
            "election, saying the Black Sea resort could become \u201cthe Nice of Russia.\u201d Bogdanov said Sochi "
            "should grow through small businesses.")
    found = geoparser.extract([Document("t", text, published=date(2013, 3, 1))]).mentions
    assert any(m.text == "Nice" and m.place is not None and m.place.country_code == "FR" for m in found)
