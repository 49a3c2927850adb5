"""Incident logs, live blogs and wire items from South Asia, the Caucasus and the Horn: routes named by their
ends, "a day after" told inside a sentence, an Indian agency's dateline, a live blog's town labels and day
headings, a security company's Location/Date/Details records, day ranges, a district told first and its town
told next, a village known only abroad but said to lie in a town's upazila, and smoke shells."""
from __future__ import annotations

from datetime import date

import pytest

from geomap.dates import find_dates
from incident_support import coded, incidents

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def geoparser(rules_parser):
    """These tests pin what the rules find; the keep model that scores them is tested in test_keep_model.py."""
    return rules_parser


@pytest.mark.parametrize("text, expected", [
    # a route is named from its first end: the event is near it (the tagger took both ends for one name)
    ("Gunmen ambushed a military convoy on the Maiduguri-Damboa road on Monday, killing four soldiers.",
     [("Armed clash", "Maiduguri", 2)]),
    ("Gunmen ambushed a military convoy on the Kaya–Djibo road on Monday, killing four soldiers.",
     [("Armed clash", "Kaya", 2)]),
    # ... unless the sentence says where on it
    ("A roadside bomb tore through a pickup carrying farmers on the Damboa–Maiduguri road outside Damboa on "
     "Monday, killing three.", [("Remote explosive/landmine/IED", "Damboa", 2)]),
    # a sit-in on a road whose other end the gazetteer spells differently
    ("In Bannu, a quadcopter struck a mud house on Monday. Soon afterwards, angry residents carried the bodies to "
     "the Bannu-Miranshah road and staged a peaceful sit-in that lasted until late in the evening.",
     [("Air/drone strike", "Bannu", 1), ("Peaceful protest", "Bannu", 2)]),
])
def test_routes_are_placed_at_the_end_they_are_named_from(geoparser, text, expected):
    found = incidents(geoparser, text, published=date(2025, 5, 20))
    assert [(i.sub_event_type, i.place.name, i.geo_precision) for i in found] == expected


def test_what_happened_a_day_before_and_an_indian_agency_dateline(geoparser):
    """The event the sentence leads with keeps its own day and place (not the dateline's town); the one "a day
    after" follows is the day before."""
    text = ("IMPHAL, Jan 18 (PTI) Four villagers were shot dead by suspected militants in Manipur's Bishnupur "
            "district on Thursday, a day after two state police commandos were killed in a gunfight with militants "
            "in the border town of Moreh, police said.")
    assert coded(geoparser, text, published=date(2024, 1, 18)) == [
        ("Attack", "Bishnupur", "2024-01-18"), ("Armed clash", "Moreh", "2024-01-17")]


def test_a_live_blog_entry_headed_by_its_town_in_capitals(geoparser):
    text = ("France riots live: a third night of unrest\n"
            "09:10 — LYON: Several cars and a bus were set alight in the La Duchère area overnight.\n"
            "08:30 — NANTERRE: Youths clashed with police around the Pablo Picasso estate overnight.")
    assert {place for _, place, _ in coded(geoparser, text, published=date(2023, 6, 30))} == {"Lyon", "Nanterre"}


def test_day_headings_date_the_entries_below_them(geoparser):
    text = ("Georgia protests live\n"
            "Sunday 1 December 2024\n"
            "11:05 — The interior ministry says 107 people were detained in Tbilisi overnight.\n"
            "Saturday 30 November 2024\n"
            "23:55 — In Batumi, several thousand people marched along the seafront to the regional government "
            "building. The rally was loud but peaceful.\n"
            "22:30 — In Kutaisi, police pushed back protesters who tried to block the road and detained five of "
            "them.")
    found = incidents(geoparser, text, published=date(2024, 12, 1))
    assert [(i.place.name, i.date.isoformat(), i.date_precision) for i in found if i.place.name != "Tbilisi"] == [
        ("Batumi", "2024-11-30", "day"), ("Kutaisi", "2024-11-30", "day")]


RECORDS = ("KESTREL RISK ADVISORY — DAILY SECURITY BRIEF\n"
           "NIGER\n"
           "1. Location: Téra, Tillabéri Region\n"
           "Date: 21 Mar, approx. 0630 hrs\n"
           "Details: Suspected ISSP militants ambushed an FDS patrol approx. 12 km east of the town. Six soldiers "
           "were killed.\n"
           "2. Location: Banibangou area, Tillabéri Region\n"
           "Date: 20 Mar\n"
           "Details: A FAN communiqué read on national television in Niamey on 21 Mar states that a drone strike on "
           "an ISSP gathering approx. 25 km north of Banibangou neutralised around 20 terrorists.\n"
           "SOUTH SUDAN\n"
           "3. Location: Juba, Central Equatoria State\n"
           "Date: 11 May\n"
           "Details: Around 200 boda-boda riders gathered outside the Juba City Council offices to protest against "
           "new licensing fees.\n")


def test_an_incident_log_places_and_dates_each_record_by_its_fields(geoparser):
    found = coded(geoparser, RECORDS, published=date(2025, 3, 22))
    assert found == [("Armed clash", "Téra", "2025-03-21"), ("Air/drone strike", "Bani Bangou", "2025-03-20"),
                     ("Peaceful protest", "Juba", "2024-05-11")]


def test_an_area_header_is_no_record(geoparser):
    text = ("FLASH DISPLACEMENT ALERT\n"
            "Area: Upper Nile State\n"
            "Summary\n"
            "Aerial bombardment struck the edge of a town on 7 March, killing three civilians.")
    assert coded(geoparser, text, published=date(2025, 3, 10)) == []


def test_abbreviations_end_no_sentence(geoparser):
    doc = geoparser.nlp("Militants ambushed a patrol approx. 12 km east of Téra. Six soldiers were killed.")
    assert len(list(doc.sents)) == 2


def test_fighting_that_went_on_all_day_in_a_town_is_an_event(geoparser):
    text = ("Heavy fighting between RSF and SAF continued throughout the day in the eastern neighbourhoods of "
            "El Fasher.")
    assert [sub for sub, _, _ in coded(geoparser, text)] == ["Armed clash"]
    assert coded(geoparser, "Fighting continues every day in Sudan, aid groups say.") == []


@pytest.mark.parametrize("text, window", [
    ("2–3 April: Fighting between the army and Fano", ("2024-04-02", "2024-04-03")),
    ("Between 2 and 6 April 2024, households were displaced", ("2024-04-02", "2024-04-06")),
    ("on March 19-20 fighting went on", ("2024-03-19", "2024-03-20")),
    ("Date: Overnight 19–20 Mar", ("2024-03-19", "2024-03-20")),
])
def test_day_ranges(text, window):
    [(_, _, found)] = find_dates(text, date(2024, 4, 11))
    assert (found.date.isoformat(), found.date_end.isoformat()) == window


def test_a_district_told_first_is_sharpened_by_the_town_told_next(geoparser):
    text = ("JAMMU, Jul 9 (PTI) Five Army soldiers were killed and five others injured when terrorists ambushed "
            "their vehicle in Jammu and Kashmir's Kathua district, officials said on Tuesday.\n"
            "The terrorists opened fire and hurled a grenade at the Army truck on Monday afternoon as it was moving "
            "on a hilly road near Billawar, they said.")
    found = {(i.sub_event_type, i.place.name, i.date.isoformat(), i.geo_precision)
             for i in incidents(geoparser, text, published=date(2024, 7, 9))}
    assert found == {("Armed clash", "Bilaur", "2024-07-08", 2)}


def test_a_place_known_only_abroad_said_to_lie_in_a_towns_upazila(geoparser):
    text = ("Armed members of the Kuki-Chin National Front raided a bank branch in Ruma upazila of Bandarban on "
            "Tuesday night and abducted the branch manager.")
    assert [place for _, place, _ in coded(geoparser, text, published=date(2024, 4, 7))] == ["B\u0101ndarban"]


def test_smoke_shells_are_crowd_control(geoparser):
    text = ("Security forces fired tear gas and smoke shells on Tuesday to stop hundreds of students marching "
            "towards the Chief Minister's bungalow in Imphal.")
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [("Protest with intervention", "Imphal")]


def test_clashes_between_the_two_sides_are_the_riot_just_told_and_turned_violent(geoparser):
    text = ("DHAKA, Jul 17 (PTI) At least six people were killed in Bangladesh as protests by students turned violent "
            "in several parts of the country, officials said on Wednesday.\n"
            "Three people were killed on Tuesday in Chattogram, where quota reform protesters and activists of the "
            "ruling party's student wing fought pitched battles with sticks and stones, police said.\n"
            "In Dhaka, two people were killed in clashes between the two sides on Tuesday afternoon.")
    assert coded(geoparser, text, published=date(2024, 7, 17)) == [
        ("Violent demonstration", "Chattogram", "2024-07-16"), ("Violent demonstration", "Dhaka", "2024-07-16")]


def test_a_name_taken_as_a_place_once_is_that_place_where_the_tagger_saw_a_person(geoparser):
    text = ("Gunmen seize 11 bus passengers near Gebre Guracha\n"
            "Armed men stopped a bus a few kilometres before Gebre Guracha on Saturday and took away 11 passengers, "
            "relatives said. The bus was travelling from Addis Ababa to Gebre Guracha.")
    assert coded(geoparser, text, published=date(2026, 3, 2)) == [
        ("Abduction/forced disappearance", "Gebre Guracha", "2026-02-28")]


def test_an_explainers_question_subhead_places_the_paragraph_under_it(geoparser):
    text = ("What we know about the anniversary protests\n"
            "Hundreds of thousands of people took to the streets across Greece on Friday.\n"
            "What happened in Athens?\n"
            "In the early afternoon, groups of hooded youths threw petrol bombs and stones at riot police in front of "
            "parliament, and officers responded with tear gas and a water cannon.")
    assert ("Violent demonstration", "Athens", "2025-02-28") in coded(geoparser, text, published=date(2025, 3, 1))


def test_the_deadliest_exchange_in_months_close_to_a_village_is_the_event_told(geoparser):
    text = ("Seven soldiers were killed on Tuesday in the deadliest exchange of fire between Armenian and "
            "Azerbaijani forces in months, close to the village of Tegh in Armenia's southern Syunik province.")
    assert coded(geoparser, text, published=date(2023, 4, 12)) == [("Armed clash", "Tegh", "2023-04-11")]


def test_a_bulletins_numeric_dates_read_in_the_order_its_unambiguous_ones_show(geoparser):
    text = ("Monthly bulletin, May 2024\n"
            "• On 06/05/2024, in the municipality of Frontera Comalapa, soldiers clashed with armed men on the highway. "
            "Three gunmen were killed.\n"
            "• On 25/05/2024, in Frontera Comalapa, a crowd beat to death a man they accused of extortion.")
    assert [day for _, _, day in coded(geoparser, text, published=date(2024, 6, 10))] == ["2024-05-06", "2024-05-25"]
    assert find_dates("On 06/05/2024 troops clashed.", date(2024, 6, 10), day_first=True)[0][2].date == date(2024, 5, 6)


def test_explosives_dropped_from_drones_are_an_air_strike(geoparser):
    text = "On Sunday, an armed group dropped explosives from drones on houses in Chicomuselo. Two women were injured."
    assert [sub for sub, _, _ in coded(geoparser, text)] == ["Air/drone strike"]
    assert coded(geoparser, "Police dropped the charges against him in Lagos on Monday.") == []


def test_a_title_case_dateline_with_its_full_date(geoparser):
    text = ("Police clear a highway blockade\n"
            "Cochabamba, November 2, 2024. – Police officers and soldiers cleared on Friday a blockade on the highway "
            "that connects the department with Oruro, after protesters threw stones at them, as the minister said at "
            "a press conference in the city of La Paz.")
    assert [(sub, place) for sub, place, _ in coded(geoparser, text, published=date(2024, 11, 2))] == [
        ("Violent demonstration", "Cochabamba")]


def test_a_town_the_gazetteer_lacks_named_with_its_township_keeps_the_dateline_out(geoparser):
    text = ("BANGKOK, Dec 9 (Asia Wire) - The Arakan Army said on Monday it had seized the last military outpost in "
            "Maungdaw township, giving the group control of the whole border.")
    assert coded(geoparser, text, published=date(2024, 12, 9)) == []


def test_the_first_part_of_a_hyphenated_name_is_no_town(geoparser):
    doc = geoparser.nlp("No one has been tried for the massacre of 03/10/2024 in Pont-Sondé (Artibonite), in which "
                        "at least 115 people were killed.")
    assert "Pont" not in [span.text for span in doc.spans["geomap_toponyms"]]


def test_hamlets_abroad_in_a_story_of_one_country_are_misreadings(geoparser):
    text = ("Twenty-two members of Los Lobos arrested in Durán\n"
            "GUAYAQUIL, March 18 - Police arrested 22 people presumed to belong to the criminal group Los Lobos in "
            "raids in Durán on Monday, a day after a car bomb exploded in Guayaquil. Police said the group also "
            "operates in Esmeraldas and Quito.")
    doc = geoparser.nlp(text)
    places = {span._.geomap_place.country_code for span in doc.spans["geomap_toponyms"]
              if span._.geomap_place is not None}
    assert places == {"EC"}


@pytest.mark.parametrize("text, expected", [
    # whose armed forces, not where: the commune of the town is the scene
    ("On Monday 12 June, clashes broke out between the Armed Forces of the Democratic Republic of the Congo (FARDC) "
     "and elements of a militia faction in the Nganza commune of Kananga.", [("Armed clash", "Kananga")]),
    # a pact signed is an agreement
    ("On Tuesday in Kalemie, leaders of the two communities signed a local non-aggression pact.",
     [("Agreement", "Kalemie")]),
    # shot during "the attack on" a village: guns, not shelling
    ("The 27-year-old was shot in the chest during the attack on Turmus Ayya on Wednesday and died of his wounds.",
     [("Attack", "Turmus\u2018ayy\u0101")]),
    # "in neighbouring X (alternative spelling)"
    ("In neighbouring Sinjil (Sinjel), residents said a separate group of settlers set fire to farmland and two "
     "parked vehicles on the village's outskirts the same night.", [("Looting/property destruction", "Sinjil")]),
    # a protester shot dead; guards opening fire on a crowd gathered peacefully
    ("A protester was shot dead in the town of al-Zubair on Tuesday as demonstrations over power cuts spread.",
     [("Excessive force against protesters", "Az Zubayr")]),
    ("In al-Zubair, the man was hit when guards at the Zubair (Zubayr) electricity distribution office opened fire "
     "on a crowd that had gathered peacefully outside the building to demand a regular supply.",
     [("Excessive force against protesters", "Az Zubayr")]),
])
def test_sixteenth_untouched_round_wordings(geoparser, text, expected):
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == expected


@pytest.mark.parametrize("text", [
    # where the telling was, and an unknown park, are not the scene
    "The attack on Thursday targeted positions inside the park in the commune of Karimama, the government "
    "spokesman told journalists in Cotonou.",
    "COTONOU, 19 April (AFP) – Fifty-four soldiers were killed on Thursday in an attack by jihadists on two army "
    "positions in the W National Park in the far north of the country.",
    # an investigation into an event told before
    "The governor said he had ordered an investigation into the Zubair shooting.",
])
def test_nothing_placed_where_it_was_told_or_looked_into(geoparser, text):
    assert coded(geoparser, text, published=date(2025, 4, 19)) == []


def test_the_fighting_that_took_a_town_is_coded_as_its_taking(geoparser):
    text = ("PORT SUDAN, Sept 12 (Meridian News) - Sudan's army said on Friday it had recaptured the town of Bara in "
            "North Kordofan from the paramilitary Rapid Support Forces after a day of fierce fighting, reopening the "
            "main road north of the state capital El Obeid.\n"
            "Military spokesman Nabil Abdallah said in a statement issued in Port Sudan that army units and allied "
            "fighters entered Bara on Thursday and had cleared the town of RSF positions.")
    found = {sub for sub, _, _ in coded(geoparser, text, published=date(2025, 9, 12))}
    assert found == {"Government regains territory"}


def test_a_british_police_release_tells_a_riot_as_disorder(geoparser):
    text = ("Merseyside Police is appealing for information after serious disorder in Liverpool yesterday, Saturday "
            "3 August.\nShortly after 15:00, officers came under attack. Bricks, bottles and flares were thrown.")
    assert ("Violent demonstration", "Liverpool", "2024-08-03") in coded(geoparser, text, published=date(2024, 8, 4))


def test_tear_gas_fired_by_federal_agents_is_crowd_control(geoparser):
    text = ("PARAMOUNT, Calif. (KSCN) — Federal agents fired tear gas, pepper balls and flash-bangs Saturday as crowds "
            "confronted Border Patrol vehicles near a Home Depot in Paramount.")
    assert [(sub, place) for sub, place, _ in coded(geoparser, text, published=date(2025, 6, 8))] == [
        ("Protest with intervention", "Paramount")]


def test_an_incident_lists_date_and_town_labels(geoparser):
    """ "27 Feb – Nong Chik, Pattani:" — a town the gazetteer lacks, labelled with what holds it."""
    text = ("Selected incidents\n"
            "8 Jan – Cho-airong, Narathiwat: A bomb hidden in a parked motorcycle exploded next to a defence "
            "volunteers' post, killing two volunteers and wounding a passer-by.\n"
            "27 Feb – Nong Chik, Pattani: Rangers clashed with insurgents in a rubber plantation; two insurgents were "
            "killed.")
    assert [(place, day) for _, place, day in coded(geoparser, text, published=date(2025, 4, 20))] == [
        ("Narathiwat", "2025-01-08"), ("Pattani", "2025-02-27")]
