"""Phrasings of long analytical and wire articles: bullets, back-references, running totals, 'the city', 'a day after'."""
from __future__ import annotations

from datetime import date

import pytest

from geomap.dates import find_dates
from geomap.models import Document

pytestmark = pytest.mark.e2e

THURSDAY = date(2025, 5, 8)


@pytest.fixture(scope="module")
def geoparser(rules_parser):
    """These tests pin what the rules find; the keep model that scores them is tested in test_keep_model.py."""
    return rules_parser


def incidents(geoparser, text, published=THURSDAY):
    return geoparser.extract([Document("t", text, published=published)]).incidents


def coded(geoparser, text, published=THURSDAY):
    """(sub-event type, place) of every incident found, in order."""
    return [(i.sub_event_type, i.place.name) for i in incidents(geoparser, text, published=published)]


def test_bullet_lines_are_parsed_apart(geoparser):
    text = ("- RSF drones hit Port Sudan again, striking fuel storage\n"
            "- Government rejects talk of a truce as mediators regroup in Jeddah\n"
            "Analysts expect more strikes.")
    found = incidents(geoparser, text)
    assert [(i.place.name, i.event_type) for i in found] == [("Port Sudan", "Explosions/Remote violence")]


def test_the_city_is_the_town_the_paragraph_named(geoparser):
    text = ("For two years Port Sudan was spared. A drone strike hit fuel tanks at the city's southern oil "
            "terminal on Tuesday, port officials said.")
    found = incidents(geoparser, text)
    assert [(i.place.name, i.date.isoformat()) for i in found] == [("Port Sudan", "2025-05-06")]
    # "the town of X" names a town of its own: no stand-in from earlier in the paragraph
    assert not incidents(geoparser, "Aid agencies work in Goma. Rebels seized the town of Qqzzxville on Tuesday.")


@pytest.mark.parametrize("text, published", [
    ("Officials in Port Sudan said there would be no talks with a militia that shells camps.", THURSDAY),
    ("Turkey's foreign ministry, speaking in Ankara, called for an end to attacks on civilians.", THURSDAY),
    ("More than 120 people have been killed in Kashmir this year, according to officials.", THURSDAY),
    ("The killings underscore how exposed farmers remain in Borno.", THURSDAY),
    ("Student groups have announced rallies in Jayapura for next month to demand the withdrawal of troops.", THURSDAY),
    ('"Every bus company owner I know has been attacked," said a transport leader in Trujillo.', THURSDAY),
    ("Rights groups say many of those detained in Simferopol are denied lawyers.", THURSDAY),
    ("Kidnapping for ransom has become a lucrative business across northwest Nigeria.", date(2024, 5, 25)),
    ("Police in Gusau confirmed the attack but said they were still verifying the number taken.", date(2024, 5, 25)),
    ("Georgia's ombudsman has described conditions in detention in Tbilisi as deeply concerning.", date(2024, 5, 25)),
    ("Sinaloa has been convulsed by fighting between the two factions.", date(2024, 5, 25)),
])
def test_statements_that_report_no_event_are_not_incidents(geoparser, text, published):
    """Generic, planned, back-referring and descriptive statements, and states such as detention."""
    assert incidents(geoparser, text, published=published) == []


def test_a_day_after_dates_the_event_before_the_day_named(geoparser):
    text = ("Police were out in force in central Nairobi on Wednesday, a day after protesters stormed parliament "
            "and set part of the building on fire.")
    found = incidents(geoparser, text, published=date(2024, 6, 26))
    assert [(i.event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Riots", "Nairobi", "2024-06-25")]


def test_phrasings_of_clashes_and_lynchings(geoparser):
    clash, = incidents(geoparser, "Soldiers and cartel gunmen traded fire on the outskirts of Culiacán on Wednesday.")
    assert clash.event_type == "Battles"
    mob, = incidents(geoparser, "In Saint-Marc, residents on Wednesday seized two men and beat them to death.")
    assert (mob.event_type, mob.sub_event_type) == ("Riots", "Mob violence")


def test_a_place_the_text_puts_inside_a_town_stays_in_that_town(geoparser):
    text = ("At least 32 people were killed when a suicide bomber blew himself up at a restaurant on Mogadishu's "
            "Lido beach on Friday, police said.")
    found = incidents(geoparser, text, published=date(2024, 8, 3))
    assert [(i.sub_event_type, i.place.name) for i in found] == [("Suicide bomb", "Mogadishu")]


def test_a_participle_clause_is_the_same_event_and_types_it(geoparser):
    text = "Suspected Boko Haram fighters attacked Mora overnight into Saturday, abducting seven people."
    found = incidents(geoparser, text, published=date(2025, 1, 13))
    assert [(i.sub_event_type, i.place.name) for i in found] == [("Abduction/forced disappearance", "Mora")]


def test_a_distance_from_a_town_is_not_the_town(geoparser):
    text = ("On Sunday, armed men abducted at least seven men from the livestock market in Kutum, around 120 km "
            "north-west of El Fasher, residents said.")
    found = incidents(geoparser, text, published=date(2024, 12, 5))
    assert [i.place.name for i in found] == ["Kutum"]


def test_an_angry_crowd_setting_fire_is_a_riot(geoparser):
    found = incidents(geoparser, "Angry residents set fire to a police station in Abéché on Monday.")
    assert [(i.event_type, i.sub_event_type) for i in found] == [("Riots", "Violent demonstration")]


def test_a_datelines_filing_date_does_not_date_the_event(geoparser):
    text = ("BELGOROD, Russia, March 14 (Agency) - Russian troops fought off armed groups that crossed the border "
            "near the village of Tetkino in the Kursk region on Tuesday, the defence ministry said.")
    found = incidents(geoparser, text, published=date(2024, 3, 14))
    assert [(i.event_type, i.date.isoformat()) for i in found] == [("Battles", "2024-03-12")]


def test_handed_back_without_a_shot_is_a_transfer_and_a_called_march_is_no_protest(geoparser):
    text = ("Myanmar's military regained control of Lashio on Tuesday without firing a shot, after the rebels "
            "handed it back.")
    found = incidents(geoparser, text, published=date(2025, 4, 24))
    assert [(i.sub_event_type, i.place.name) for i in found] == [("Non-violent transfer of territory", "Lashio")]
    assert incidents(geoparser, "Journalists in Morelia have called a march on Wednesday to demand justice.") == []


def test_last_weekday_in_a_paper_of_that_weekday_is_a_week_back():
    from geomap.dates import resolve_date

    window = resolve_date("the killing in Southport last Monday", date(2024, 8, 5))
    assert window.date == date(2024, 7, 29)


def test_people_taken_by_armed_men_are_abducted(geoparser):
    text = "Relatives of a radio presenter in Chilpancingo said he was taken from a taxi by armed men on Thursday night."
    found = incidents(geoparser, text, published=date(2025, 5, 12))
    assert [(i.sub_event_type, i.place.name) for i in found] == [("Abduction/forced disappearance", "Chilpancingo")]
    found = incidents(geoparser, "Gunmen seized at least 20 travellers on a road near Gusau on Sunday.",
                      published=date(2024, 9, 3))
    assert [i.sub_event_type for i in found] == ["Abduction/forced disappearance"]


def test_a_signed_integration_deal_and_a_new_base_are_strategic_developments(geoparser):
    found = incidents(geoparser, "The interim president and the SDF commander signed an agreement in Damascus on "
                                 "Monday to integrate the force into the army.", published=date(2025, 3, 12))
    assert [(i.sub_event_type, i.place.name) for i in found] == [("Agreement", "Damascus")]
    found = incidents(geoparser, "The army said troops had on Monday moved into a newly established forward operating "
                                 "base in Gusau.", published=date(2024, 9, 3))
    assert [i.sub_event_type for i in found] == ["Headquarters or base established"]


def test_a_line_headed_by_a_place_is_about_that_place(geoparser):
    text = ("WEEKLY UPDATE\nAden: Hundreds of demonstrators gathered outside the central bank building on Tuesday "
            "to protest against power cuts.")
    found = incidents(geoparser, text, published=date(2024, 11, 27))
    assert [(i.event_type, i.place.name, i.date.isoformat()) for i in found] == [("Protests", "Aden", "2024-11-26")]


def test_an_attempt_is_not_the_event(geoparser):
    assert incidents(geoparser, "The army has been pushing to retake Omdurman after two years of war.") == []


@pytest.mark.parametrize("text", [
    "Separately, a federal judge in Morelia on Wednesday sentenced a former police chief for the abduction of a student.",
    "He was the 11th social leader killed in the Norte de Santander department this year, the ombudsman said.",
    "Gunmen on a motorcycle intercepted Luis Alberto Carrascal in Cucuta on Wednesday and shot him dead.",
])
def test_court_cases_tallies_and_people_stopped_are_not_coded_as_such(geoparser, text):
    found = incidents(geoparser, text, published=date(2024, 10, 5))
    assert all(i.sub_event_type != "Disrupted weapons use" for i in found)
    assert all(i.event_type == "Violence against civilians" and i.place.name == "Cúcuta" for i in found)


def test_militants_storming_a_police_post_is_a_battle(geoparser):
    found = incidents(geoparser, "Militants armed with heavy weapons stormed a police checkpost in Kulachi on "
                                 "Saturday, killing three policemen.", published=date(2024, 12, 2))
    assert [i.event_type for i in found] == ["Battles"]


def test_a_towns_name_is_no_weapon_and_falling_explosives_are_no_statistic(geoparser):
    found = incidents(geoparser, "Militants attacked a police station in Tank district overnight, killing three "
                                 "policemen.", published=date(2025, 4, 22))
    assert [i.event_type for i in found] == ["Battles"]
    found = incidents(geoparser, "Four soldiers were wounded on Thursday when explosives dropped from a drone hit a "
                                 "military base in the town of El Tarra.", published=date(2024, 10, 5))
    assert [(i.sub_event_type, i.place.name) for i in found] == [("Air/drone strike", "El Tarra")]


def test_drones_repelled_are_one_disrupted_event_and_generic_bystanders_are_not_incidents(geoparser):
    found = incidents(geoparser, 'The governor said air defences had "repelled a massive attack" by drones over '
                                 "Novozybkov overnight.", published=date(2025, 2, 12))
    assert [i.sub_event_type for i in found] == ["Disrupted weapons use"]
    assert incidents(geoparser, "The protests followed a deadly weekend in Jiribam district.") == []
    assert incidents(geoparser, "Shelling continues to strike the displacement sites around El Fasher.") == []


def test_no_one_killed_is_no_killing_and_officers_firing_live_rounds_at_a_crowd_is_excessive_force(geoparser):
    assert incidents(geoparser, "In Nakuru, local officials said no one was killed there on Wednesday.") == []
    found = incidents(geoparser, "In central Nairobi, officers fired live ammunition and tear gas at thousands of "
                                 "demonstrators on Wednesday, leaving at least eight people dead.",
                      published=date(2025, 6, 26))
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Excessive force against protesters", "Nairobi", "2025-06-25")]


def test_a_crowd_beating_people_to_death_is_mob_violence(geoparser):
    found = incidents(geoparser, "A crowd armed with sticks and machetes beat two men to death in Chandpur on "
                                 "Wednesday.", published=date(2024, 8, 8))
    assert [(i.event_type, i.sub_event_type) for i in found] == [("Riots", "Mob violence")]


def test_a_town_ner_calls_a_nationality_and_a_town_inside_its_state(geoparser):
    found = incidents(geoparser, "CULIACAN, Sinaloa - Six workers at a car wash in southern Culiacan were shot dead "
                                 "on Wednesday afternoon, prosecutors said.", published=date(2025, 8, 15))
    assert [i.place.name for i in found] == ["Culiacán"]
    found = incidents(geoparser, "Suspected jihadists shot dead nine farmers who were harvesting beans on the "
                                 "outskirts of Gwoza in Nigeria's northeastern Borno State on Sunday, residents said.",
                      published=date(2024, 10, 14))
    assert [i.place.name for i in found] == ["Gwoza"]


def test_sources_roles_and_grievances_are_not_events(geoparser):
    """ "according to … a vigilante leader", "chanting against attacks": who speaks and what a protest is against."""
    text = ("Residents on Monday buried the victims of Sunday's massacre, in which insurgents rounded up farmers "
            "working on plots on the outskirts of Kukawa and killed at least 40 of them, according to Borno State "
            "officials and a local vigilante leader.")
    found = incidents(geoparser, text, published=date(2025, 1, 13))
    assert [(i.event_type, i.place.name) for i in found] == [("Violence against civilians", "Kukawa")]
    text = "In Dhaka, hundreds of students marched on Thursday morning chanting slogans against attacks."
    assert [i.event_type for i in incidents(geoparser, text)] == ["Protests"]


def test_a_verb_sharing_its_scene_with_the_verb_before_it(geoparser):
    """ "settlers entered Sinjil, setting fire to houses", "search-and-arrest operations in Hebron"."""
    text = "On Monday evening, masked settlers entered Sinjil, north of Ramallah, setting fire to two houses."
    assert [i.place.name for i in incidents(geoparser, text)] == ["Sinjil"]
    text = "Mass search-and-arrest operations were reported in Hebron city on Monday."
    assert [(i.sub_event_type, i.place.name) for i in incidents(geoparser, text)] == [("Arrests", "Hebron")]
    # but a habit of years shares nothing: "have terrorised Nigeria for years, kidnapping for ransom"
    text = "Armed gangs have terrorised northwest Nigeria for years, raiding villages and kidnapping for ransom."
    assert incidents(geoparser, text) == []


def test_a_dated_sentence_with_no_place_happened_where_its_paragraph_is(geoparser):
    """The paragraph names one town; the next sentence tells a new, dated event there without naming it."""
    text = ("The confrontation in Quetta marks the sharpest turn yet. On Friday, police used batons and tear gas to "
            "clear a sit-in staged to demand the return of relatives it says were forcibly disappeared.")
    found = incidents(geoparser, text, published=date(2025, 3, 24))
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Protest with intervention", "Quetta", "2025-03-21")]
    # a detail of an event already coded in the paragraph is not another event, nor is a running total
    text = ("Gunmen abducted six drivers in Kutum on Monday. Their lorries were later set on fire.\n"
            "Clashes in Kutum killed five soldiers on Sunday. Fighting has since killed dozens more.")
    found = incidents(geoparser, text, published=date(2025, 3, 24))
    assert [i.sub_event_type for i in found] == ["Abduction/forced disappearance", "Armed clash"]


def test_a_headline_the_body_tells_again_is_the_bodys_event(geoparser):
    """The headline's telegraphic grammar types it worse than the body's sentences, which also date it."""
    text = ("- JNIM fighters storm army and VDP positions in Djibo; at least 27 soldiers reported dead\n"
            "The assault on Djibo on Tuesday was the most serious test yet of the junta's claims. Fighters engaged "
            "soldiers around the main camp.")
    found = incidents(geoparser, text, published=date(2025, 6, 12))
    assert [(i.event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Battles", "Djibo", "2025-06-10")]


def test_a_crowd_that_stones_officers_then_sets_fire_is_a_riot(geoparser):
    text = "In Nakuru, crowds hurled stones at officers on Wednesday, then set fire to a police post."
    assert [i.sub_event_type for i in incidents(geoparser, text)] == ["Violent demonstration"]


@pytest.mark.parametrize("text, expected", [
    ("Turkish-backed factions and the Kurdish-led Syrian Democratic Forces fought for hours on the outskirts of "
     "Manbij on Tuesday.", [("Armed clash", "Manbij")]),
    ("The bodies of five men were found on Tuesday on a dirt road on the outskirts of Culiacán.",
     [("Attack", "Culiacán")]),
    ("Residents of Kwatarkwashi, a town in Bungudu local government area of Zamfara State, said bandits stormed "
     "the community on Tuesday and carted away at least 43 people.",
     [("Abduction/forced disappearance", "Kwatarkwashi")]),
    # goods carried off are no abduction; breaking into a warehouse for them is looting
    ("On Tuesday, armed men broke into a warehouse in Mellit and carried off food stocks and two vehicles.",
     [("Looting/property destruction", "Mellit")]),
    ("On Tuesday, security forces opened fire on worshippers chanting anti-government slogans in Zahedan, killing "
     "two people.", [("Excessive force against protesters", "Zahedan")]),
    ("On Tuesday, Boko Haram fighters attacked a vigilance committee post on the outskirts of Mora, killing three "
     "vigilantes.", [("Armed clash", "Mora")]),
    ("The Black Sea Fleet said it had destroyed five uncrewed surface vessels off Sevastopol on Tuesday.",
     [("Disrupted weapons use", "Sevastopol")]),
])
def test_more_ways_of_telling_events(geoparser, text, expected):
    """Subjects far from their verb, bodies found, people carted away, crowds chanting, sea drones destroyed."""
    assert coded(geoparser, text) == expected


def test_datelines_occupied_territory_and_towns_the_gazetteer_lacks(geoparser):
    """A long dateline is no place of the event; "the occupied West Bank" is no takeover; "the mining town of
    Qqzzxville" says where, so the dateline does not stand in for it."""
    text = ("POPAYÁN, Colombia, April 11 (Andes Press Service) - FARC dissidents attacked the police station in the "
            "town of Toribío with explosive-laden drones on Thursday, wounding two officers.")
    assert {i.place.name for i in incidents(geoparser, text, published=date(2025, 4, 11))} == {"Toribío"}
    text = "In the occupied West Bank, settlers set upon farmers near the village of Sinjil on Tuesday."
    assert [i.event_type for i in incidents(geoparser, text)] == ["Violence against civilians"]
    text = "GOMA, Democratic Republic of Congo — M23 rebels seized the mining town of Qqzzxville on Wednesday."
    assert incidents(geoparser, text) == []


@pytest.mark.parametrize("text, expected", [
    ("In Maracay, a man was killed on Monday when guardsmen opened fire with live ammunition on protesters.",
     "Excessive force against protesters"),
    ("What began as a peaceful march in Kano on Thursday degenerated into looting and arson.", "Violent demonstration"),
    ("In Rennes, a bus was set on fire by hooded protesters on Wednesday.", "Violent demonstration"),
    ("In Eldoret, protesters pelted police with stones on Tuesday.", "Violent demonstration"),
    ("Late last week, armed men seized the chief of a village near Douentza.", "Abduction/forced disappearance"),
])
def test_crowds_and_the_forces_facing_them(geoparser, text, expected):
    assert [i.sub_event_type for i in incidents(geoparser, text)] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("PESHAWAR, Pakistan, Jan 15 (Agency) - A suicide bomber blew himself up next to a police van in the "
     "northwestern city of Bannu on Monday, killing two policemen, officials said.", [("Suicide bomb", "Bannu")]),
    ("RAIPUR, India, Jan 7 (Agency) - Maoist insurgents detonated an improvised explosive device beneath a vehicle "
     "carrying security personnel in Chhattisgarh's Bijapur district on Monday, killing eight.",
     [("Remote explosive/landmine/IED", "Bījāpur")]),
    ("An Israeli drone strike near Nabatieh killed one man on Monday, the latest in a string of attacks testing the "
     "ceasefire between Israel and Hezbollah.", [("Air/drone strike", "Nabatîyé et Tahta")]),
])
def test_places_beneath_beside_and_inside_a_region(geoparser, text, expected):
    """ "next to a van in the city of X", "beneath a vehicle … in Region's X district": the town, not the region;
    "a string of attacks" is a tally."""
    assert coded(geoparser, text, published=date(2025, 1, 15)) == expected


@pytest.mark.parametrize("text", [
    "Israeli troops still occupy five hilltop positions inside southern Lebanon.",
    "In Abuja, five men accused of involvement in earlier Plateau massacres were arraigned on Monday.",
    "Repeated attacks on tanker convoys along the Kayes-Bamako corridor have made transporters wary.",
    "Many in Konduga still speak of the suicide bombings in Gwoza in June last year.",
])
def test_states_charges_habits_and_old_events_are_not_this_weeks_incidents(geoparser, text):
    found = incidents(geoparser, text, published=date(2025, 6, 17))
    assert [i for i in found if i.date and i.date >= date(2025, 6, 10)] == []


def test_an_encounter_with_security_forces_is_a_clash_and_mile_4_is_no_town(geoparser):
    text = ("On Saturday, five suspected Maoists were killed in an encounter with security forces in the forests of "
            "Narayanpur district.")
    assert [i.event_type for i in incidents(geoparser, text)] == ["Battles"]
    text = "On Monday, an improvised explosive device went off at Mile 4, on the outskirts of Kumbo."
    assert [i.place.name for i in incidents(geoparser, text)] == ["Kumbo"]


@pytest.mark.parametrize("text, expected", [
    ("A 58-year-old woman was killed on Monday morning when Russian artillery struck the Dniprovskyi district of "
     "Kherson.", [("Shelling/artillery/missile attack", "Kherson")]),
    ("Officials in Islamabad said on Tuesday that the strikes had targeted hideouts.", []),
    ("In Eldoret, protesters set tyres alight by the roadside on Tuesday.", [("Violent demonstration", "Eldoret")]),
    ("Two strikes with ballistic missiles on Sumy accounted for a quarter of civilian deaths in April.", []),
    ("In the Federal Capital Territory, police fired tear gas at protesters on Thursday.", []),
    ("On Thursday, settlers beat farmers with clubs near Turmus Ayya and torched two cars.",
     [("Attack", "Turmus‘ayyā")]),
])
def test_parts_of_towns_speakers_roadsides_shares_and_beatings(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 5, 9)) == expected


def test_earlier_this_week_is_the_reports_week_whatever_the_story_named_before():
    found = find_dates("Forces clashed near Macomia earlier this week.", date(2024, 11, 8), date(2024, 10, 21))
    assert [(w.date, w.date_end) for _, _, w in found] == [(date(2024, 11, 4), date(2024, 11, 8))]


@pytest.mark.parametrize("text, expected", [
    ("On Thursday, running battles broke out in Dhaka's Jatrabari and Rampura areas.",
     [("Violent demonstration", "Dhaka")]),
    ("On Sunday, rebels swept into Damascus without a fight.", [("Non-violent transfer of territory", "Damascus")]),
    ("Over the weekend, fighters entered several villages in Chiúre district, beheading six men.",
     [("Attack", "Chiúre")]),
])
def test_street_battles_takeovers_without_a_fight_and_raids_on_villages(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 5, 9)) == expected


def test_an_event_recalled_months_before_frames_the_news_but_a_day_before_is_news(geoparser):
    text = "It came seven months after a wave of suicide bombings in Gwoza killed at least 32 people."
    assert incidents(geoparser, text, published=date(2025, 1, 13)) == []
    text = "The raid came a day after the air force said it had struck bandit hideouts near Maru on Wednesday."
    assert [i.place.name for i in incidents(geoparser, text, published=date(2024, 5, 24))] == ["Maru"]


@pytest.mark.parametrize("text, expected", [
    ("Late on Tuesday, gunmen armed with rifles and rocket-propelled grenades attacked a police checkpoint on the "
     "outskirts of Bannu.", [("Armed clash", "Bannu")]),
    ("On Tuesday, coca growers torched a police vehicle and stoned troops in El Tarra.",
     [("Violent demonstration", "El Tarra")]),
    ("The Philippines is hit by around 20 typhoons and storms each year.", []),
    ("In Kyiv, fragments of a downed drone fell on an empty car park on Tuesday.", [("Disrupted weapons use", "Kyiv")]),
    ("Social media posts alleging that a convoy had been blown up south of Djibo on Tuesday were dismissed.", []),
    ("Government troops and SDF units exchanged heavy machine-gun and mortar fire near Deir Hafer on Monday.",
     [("Armed clash", "Dayr Ḩāfir")]),
])
def test_weapons_carried_weather_debris_allegations_and_exchanges_of_fire(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 5, 9)) == expected


@pytest.mark.parametrize("text, expected", [
    ("On Saturday, soldiers detained 11 suspected cartel members in Navolato and seized 18 rifles and a grenade "
     "launcher.", [("Arrests", "Navolato")]),
    ("On Monday, Israeli troops crossed to the outskirts of Kfar Kila and blew up a cluster of houses.",
     [("Looting/property destruction", "Kfar Kila")]),
    ("On Sunday, shops stayed shut across Turbat as traders observed a shutter-down strike.",
     [("Peaceful protest", "Turbat")]),
    ("Summer protests over electricity have become a fixture in southern Iraq.", []),
    ("The Houthis began attacking ships in the Red Sea in November 2023.", []),
    ("On Sunday, a man was beaten to death on suspicion of cattle theft in Saran.", [("Mob violence", "Saran")]),
    ("In Kitengela on Wednesday, groups of youths set fire to a police post and looted shops.",
     [("Violent demonstration", "Kitengela")]),
])
def test_arms_seized_houses_demolished_shutdowns_habits_and_lynchings(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 5, 9)) == expected


@pytest.mark.parametrize("text, expected", [
    ("On Tuesday, Shahed-type drones struck Kharkiv's Kyivskyi district shortly before dawn.",
     [("Air/drone strike", "Kharkiv")]),
    ("On Saturday, two men were beaten and burned to death by a crowd near Tehuacán.", [("Mob violence", "Tehuacán")]),
    ("On Saturday evening, a young woman wearing an explosive vest blew herself up at a fish market in Konduga.",
     [("Suicide bomb", "Konduga")]),
    ("Myanmar is still recovering from an earthquake that struck central Myanmar in March.", []),
])
def test_parts_of_towns_crowds_as_agents_suicide_vests_and_earthquakes(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 6, 23)) == expected


def test_a_town_named_with_its_noun_and_petrol_bombs(geoparser):
    """ "Business in Nyeri town …, a day after demonstrators torched a police post"; petrol bombs are a crowd's."""
    text = ("Business in Nyeri town remained paralysed on Thursday, a day after demonstrators torched a police post "
            "and looted several shops.")
    found = incidents(geoparser, text, published=date(2025, 6, 26))
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Violent demonstration", "Nyeri", "2025-06-25")]
    text = "On Wednesday, a crowd of youths attacked a police post in Nyeri with stones and petrol bombs."
    assert "Explosions/Remote violence" not in {i.event_type for i in incidents(geoparser, text)}


@pytest.mark.parametrize("text, expected", [
    ("Rebels seized the town of Bunia on Tuesday, capturing weapons.", [("Battles", "Bunia")]),
    ("Mounted police charged hundreds of demonstrators in Nairobi on Tuesday.", [("Protests", "Nairobi")]),
    ("Both sides traded accusations on Tuesday over the attack that set fire to the market in Kherson.",
     [("Strategic developments", "Kherson")]),
])
def test_review_cases_capture_with_weapons_police_charges_and_traded_accusations(geoparser, text, expected):
    found = incidents(geoparser, text, published=date(2025, 6, 12))
    assert [(i.event_type, i.place.name) for i in found] == expected


def test_a_weekday_after_another_days_date_and_a_month_still_ahead():
    found = find_dates("They arrived on 12 April; on Sunday they attacked.", date(2025, 4, 20))
    assert [w.date for _, _, w in found] == [date(2025, 4, 12), date(2025, 4, 20)]  # another day: both kept
    # "December this year" read in June is still ahead: never a window that ends before it starts
    assert all(w.date <= w.date_end <= date(2025, 6, 10)
               for _, _, w in find_dates("Elections are due in December this year.", date(2025, 6, 10)))


@pytest.mark.parametrize("text, expected", [
    # a town the tagger calls a common noun, after "the outskirts of": still the town, not the dateline
    ("KINSHASA, Oct 14 (Reuters) - Militia fighters ambushed M23 positions on the outskirts of Sake in eastern "
     "Congo on Sunday, officials said.", [("Armed clash", "Sake")]),
    # tear gas is crowd control, not a chemical weapon
    ("NAIROBI, May 8 (Reuters) - Kenyan police fired tear gas and live bullets at protesters in central Nairobi on "
     "Monday, killing at least four people.", [("Excessive force against protesters", "Nairobi")]),
    # gunmen in a running battle are a clash, not a riot
    ("Gunmen from rival factions of the Sinaloa Cartel fought a running battle through the streets of Culiacán "
     "on Sunday, leaving six dead.", [("Armed clash", "Culiacán")]),
    # armed men rounding up villagers abduct them
    ("Armed men on motorcycles stormed a village in Zamfara state on Sunday, rounding up at least 43 residents.",
     [("Abduction/forced disappearance", "Zamfara")]),
    # the rally attacked is the target, the attack by a party's supporters a riot
    ("Supporters of the banned party attacked a rally in Gopalganj, Bangladesh on Wednesday.",
     [("Mob violence", "Gopālganj")]),
    # a lede with no place, then "The station sits in … Suárez"
    ("BOGOTA, May 8 (Andes Wire) - Explosives dropped from a drone struck a police station on Wednesday, killing "
     "two officers. The station sits in the centre of Suárez, a small town in the department of Cauca.",
     [("Air/drone strike", "Suárez")]),
    # a village measured from a nearby town is coded at the town; a far one is not
    ("Military jets bombed a crowded market in a village roughly 15 km west of Shwebo, Sagaing Region, on Sunday "
     "afternoon, killing at least 11 people.",
     [("Air/drone strike", "Shwebo")]),
    # residents blocking a highway protest; police blocking roads do not
    ("On Wednesday, dozens of residents in Guayaquil blocked lanes of the highway with burning tyres.",
     [("Peaceful protest", "Guayaquil")]),
    ("On Wednesday, police in Guayaquil blocked the main road into the port.", []),
    # a section label is not the event's place; a capitalised dateline with a colon is
    ("GOPALGANJ: A curfew was imposed on Thursday, a day after supporters of the banned Awami League attacked a "
     "rally of the National Citizen Party in the town.", [("Mob violence", "Gopālganj")]),
])
def test_places_types_and_targets_of_wire_and_local_copy(geoparser, text, expected):
    assert coded(geoparser, text) == expected


@pytest.mark.parametrize("text", [
    "Reports on social media of an attack on an army post near Ayorou were denied by the defence ministry.",
    "We have no reports of fighting in Kenscoff this morning.",
    "Rights groups have asked the courts to bar police from using live ammunition against demonstrators in Lagos.",
    "Dissident factions in Suárez have stepped up attacks on security forces.",
    "- MYANMAR: Military jets bombed a crowded market in a village 120 km west of Shwebo on Sunday.",
])
def test_denied_absent_requested_and_escalating_are_not_events(geoparser, text):
    assert coded(geoparser, text) == []


@pytest.mark.parametrize("text, expected", [
    # a village road out of a town, a drone approaching an airport, vehicles parked in a district
    ("An Israeli drone struck a car on the road leading out of Nabatieh on Monday afternoon, killing the two men "
     "inside, Lebanon's health ministry said.", [("Air/drone strike", "Nabatîyé et Tahta")]),
    ("ERBIL, Iraq, May 8 (Gulf Wire) - Kurdish forces shot down a drone that was approaching Erbil international "
     "airport early on Wednesday, security services said.", [("Disrupted weapons use", "Erbil")]),
    ("Overnight into Wednesday, militants set fire to a customs check post and two vehicles parked outside it in "
     "Kalat district, officials said.", [("Looting/property destruction", "Kalat")]),
    # a site named after its town is in the town, dateline or not
    ("SANAA, May 8 (Gulf Wire) - Israeli warplanes struck Sanaa International Airport on Wednesday, Houthi "
     "officials said.", [("Air/drone strike", "Sanaa")]),
    # the actors' relative clause says where; "took six men away" abducts them
    ("QUETTA - Gunmen who blocked the Quetta-Karachi highway near Mastung on Tuesday evening checked identity "
     "cards and took six men away with them, officials said.", [("Abduction/forced disappearance", "Mastung")]),
    # a headline's seized people are abducted; a town captured stays a capture
    ("Two aid workers seized near Ma'rib as relief groups warn of shrinking access",
     [("Abduction/forced disappearance", "Ma'rib")]),
    ("Resistance forces said on Monday that they had captured Kalewa, a river town, after fighting.",
     [("Non-state actor overtakes territory", "Kalewa")]),
    # the actors of one clash are not events of their own
    ("Fighting flared again overnight on the western outskirts of Sweida city between Bedouin tribal fighters and "
     "local Druze gunmen, residents said.", [("Armed clash", "As-Suwayda")]),
    # a plural noun opening the sentence, tagged as a name
    ("Mobs stormed the residences of three ministers in Imphal on Saturday night.", [("Mob violence", "Imphal")]),
    # gunmen who shot a man dead; a sit-in; a gathering to demand; residents of a town gathering there
    ("Two gunmen on a motorcycle shot dead a rubber tapper in Pattani on Thursday.", [("Attack", "Pattani")]),
    ("Residents staged a sit-in on the main road in Miran Shah on Wednesday demanding protection.",
     [("Peaceful protest", "Miran Shah")]),
    ("Dozens of people gathered outside the governorate building in Latakia on Tuesday to demand news of "
     "missing relatives.", [("Peaceful protest", "Latakia")]),
    ("On Sunday evening several hundred residents of Nasiriyah gathered outside the Dhi Qar governorate building, "
     "chanting against the electricity ministry.", [("Peaceful protest", "Nasiriyah")]),
])
def test_where_and_what_in_clauses_hanging_off_the_event(geoparser, text, expected):
    assert coded(geoparser, text) == expected


@pytest.mark.parametrize("text", [
    "Tuesday was also the 19th anniversary of the killing of Baloch leader Nawab Akbar Bugti in Kohlu.",
    "The ministry says more than 270 people have been killed by Israeli fire in Lebanon since the truce took effect.",
    "Hundreds of worshippers gathered in Latakia for Friday prayers.",
])
def test_anniversaries_running_totals_and_plain_gatherings_are_not_events(geoparser, text):
    assert coded(geoparser, text) == []


@pytest.mark.parametrize("text, expected", [
    # a capitalised plural after a dateline, shells that kill across a broken parse
    ("NAIROBI, May 6 (Horn Wire) - Shells crashed into the Abu Shouk displacement camp on the northern edge of "
     "El Fasher on Monday, killing eleven people.", [("Shelling/artillery/missile attack", "El Fasher")]),
    ("In the north of the enclave, tank shells landed overnight in Jabalia camp's al-Fallouja area, killing four "
     "members of one family, medics said.", [("Shelling/artillery/missile attack", "Jabālyā")]),
    # an aid convoy ambushed is an attack on civilians; a military one a clash
    ("On Tuesday a convoy of nine trucks carrying food assistance was ambushed by armed men near Baidoa.",
     [("Attack", "Baidoa")]),
    ("On Tuesday insurgents ambushed a military convoy near Baidoa.", [("Armed clash", "Baidoa")]),
    # raiders strike a village: no air strike; young men looting riot
    ("Two herders were shot dead when armed raiders struck a village outside Marigat on Saturday night.",
     [("Attack", "Marigat")]),
    ("Violence also flared in Nakuru, where groups of young men smashed shop windows, looted a supermarket and "
     "set fire to a county government office on Wednesday.", [("Violent demonstration", "Nakuru")]),
    # hyphenated names joined by a particle are one name, never their first part
    ("Drones struck gang positions in Croix-des-Bouquets overnight, police sources say.",
     [("Air/drone strike", "Croix-des-Bouquets")]),
    ("A magnetic bomb exploded on a minibus in the Hazara neighbourhood of Dasht-e-Barchi in western Kabul on "
     "Sunday.", [("Remote explosive/landmine/IED", "Kabul")]),
    # a line named as a facility holds no town "Line"; an organisation is no village of that alternate name
    ("On Monday Taliban border forces said they had taken control of two posts along the Durand Line in Khost "
     "province that Pakistani troops had abandoned.", [("Armed clash", "Khost")]),
])
def test_weapons_targets_and_names_from_the_eighth_round(geoparser, text, expected):
    assert coded(geoparser, text) == expected


@pytest.mark.parametrize("text", [
    "A march planned by activists in Bejaia to mark the date was called off by its organisers.",
    "16:20 Reports of a gunfight in Tripoli's Souq al-Juma district appear to be wrong: the Radaa force says the "
    "shots heard were celebratory fire at a wedding.",
    "17:05 An explosion at a fuel depot on the outskirts of Sabha has been blamed on a gas leak.",
    "On Monday the Election Petition Tribunal sitting in Port Harcourt struck out a petition challenging the result.",
    "Two of the kidnappers were neutralised near Kaduna on Monday, the military said.",
    "The disorder began after two teenage boys appeared in court in Coleraine charged with attempted rape.",
    "Last week in Africa, key trends included continued mass abductions by bandits in Nigeria's North West.",
])
def test_called_off_wrong_accidental_legal_and_trend_lines_are_not_events(geoparser, text):
    assert coded(geoparser, text, published=date(2025, 7, 16)) == []


@pytest.mark.parametrize("text, expected", [
    ("The police said the suspect had been seized by a crowd near the Dutsin-Ma motor park on Monday.",
     [("Mob violence", "Dutsin-Ma")]),
    ("A candidate was wounded when gunmen sprayed his vehicle with bullets in Suárez on Sunday.", [("Attack", "Suárez")]),
])
def test_crowds_seizing_and_vehicles_shot_at(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 7, 16)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Los Angeles: Protesters set fire to at least five driverless cars and hurled rocks at police on Sunday night "
     "in downtown Los Angeles, near the federal detention centre, and 21 people were arrested.",
     [("Violent demonstration", "Los Angeles")]),
    # but arrests told on their own day, for a riot the day before, are their own event
    ("Security forces arrested 23 people in Imphal on Sunday in connection with Saturday night's attacks by "
     "protesters on the residences of three ministers.", [("Arrests", "Imphal")]),
])
def test_arrests_conjoined_to_a_riot_are_the_riot(geoparser, text, expected):
    assert [c for c in coded(geoparser, text, published=date(2025, 6, 9)) if c[0] == "Arrests" or c == expected[0]][:1] \
        == expected


@pytest.mark.parametrize("text", [
    "Protest organisers said they would hold a mass rally outside the Knesset in Jerusalem next week.",
    "Officials in Tarn Taran said the weapons were likely dropped by a drone from across the border.",
    "Tribal fighting has since displaced thousands of people and closed schools across Enga.",
    "Talks in Doha on the release of detained foreigners are expected to resume next month.",
])
def test_organisers_deliveries_aftermaths_and_descriptions_are_not_events(geoparser, text):
    assert coded(geoparser, text, published=date(2025, 6, 9)) == []


def test_a_dated_bullet_split_by_the_parser_keeps_its_date(geoparser):
    text = ("KEY INCIDENTS\n"
            "- 21 November: Gunmen opened fire on a convoy of passenger vehicles near Alizai in Lower Kurram.\n"
            "- 22-23 November: Heavy fighting between armed tribesmen broke out around Parachinar, with mortars and "
            "automatic weapons used on both sides.")
    found = incidents(geoparser, text, published=date(2024, 12, 2))
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Attack", "Alizai", "2024-11-21"), ("Armed clash", "Parachinar", "2024-11-22")]


def test_a_numbered_heading_takes_the_date_of_the_sentence_after_it(geoparser):
    text = ("3. Warehouse looting in Mellit. Last week, unidentified armed men broke into a humanitarian warehouse "
            "in Mellit and carried off food stocks.")
    found = incidents(geoparser, text, published=date(2025, 1, 13))
    assert [(i.sub_event_type, i.date.isoformat(), i.date_end.isoformat()) for i in found] == [
        ("Looting/property destruction", "2025-01-06", "2025-01-12")]


@pytest.mark.parametrize("text, expected", [
    ("On Sunday, gunmen seized the sub-prefect of Markounda near Kabo as he was travelling with two aides.",
     [("Abduction/forced disappearance", "Kabo")]),
    ("The attackers rounded up men near the well in Djibo on Saturday before opening fire.", [("Attack", "Djibo")]),
    ("Seventeen inmates were killed on Tuesday when rival gang factions fought each other with rifles and grenades "
     "inside the prison in Guayaquil.", [("Armed clash", "Guayaquil")]),
])
def test_officials_seized_and_the_arms_a_fight_was_fought_with(geoparser, text, expected):
    assert coded(geoparser, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two children were killed when a landmine exploded as they collected firewood in Demoso township, Kayah State, "
     "on Tuesday.", [("Remote explosive/landmine/IED", "Dimawso")]),
    ("On Sunday armed men set fire to granaries and several shops in Bourzanga, further south in Bam province, "
     "after ordering residents out.", [("Looting/property destruction", "Bourzanga")]),
])
def test_the_town_named_inside_the_division_the_event_was_tied_to(geoparser, text, expected):
    assert coded(geoparser, text) == expected


@pytest.mark.parametrize("text, expected", [
    # from a review of this session's rules: each of these misfired once
    ("Israel blocked the Rafah crossing on Sunday.", []),
    ("A landslide blocked the highway near Muzaffarabad on Tuesday.", []),
    ("The government postponed the elections after gunmen killed 12 people in Kidal on Monday.", [("Attack", "Kidal")]),
    ("Riot police charged at demonstrators with batons in Nairobi on Friday.", [("Protest with intervention", "Nairobi")]),
    ("Armed gendarmes arrested three men in Zinder on Monday.", [("Arrests", "Zinder")]),
    ("Gunmen who attacked the village of Koro on Sunday said the accusations were false.", [("Attack", "Koro")]),
    ("Police asked the protesters in Tunis to leave the square on Monday.", [("Peaceful protest", "Tunis")]),
    ("Militants carried out a planned attack on the base in Gao on Monday, killing six soldiers.",
     [("Armed clash", "Gao")]),
    ("A drone struck a police station on Wednesday. The station had been rebuilt with funds from Bogotá.", []),
])
def test_review_cases_stay_coded_as_before(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2024, 3, 10)) == expected


def test_counted_dates_never_pass_publication_and_eves_of_a_named_day_are_not_counted():
    assert find_dates("Two days after the vote, police fired.", date(2024, 3, 14), date(2024, 3, 14)) == []
    found = find_dates("On the eve of Sunday's vote, rallies were held.", date(2024, 3, 10), date(2024, 3, 5))
    assert [w.text for _, _, w in found] == ["Sunday's"]


# -- fifth round: alerts, accidents, line labels, mines, encounters, crowds against police ----------------------------

@pytest.mark.parametrize("text, published", [
    ("16:45 - Air raid alert declared in Zaporizhzhia region due to the threat of ballistic missiles.", THURSDAY),
    ("In Ryazan, a gas explosion caused by a faulty boiler destroyed a house on Tuesday, injuring two.", THURSDAY),
    ("'It was the most powerful attack on the city since the start of the war,' the mayor of Kharkiv wrote.",
     THURSDAY),
    ("A spokesman in Pattani said the Nong Chik blast and the Yala shooting were still under investigation.",
     THURSDAY),
    ("Kyiv says its drones target military logistics that support the offensive in the Kharkiv region.", THURSDAY),
])
def test_alerts_accidents_and_looks_back_are_not_incidents(geoparser, text, published):
    assert incidents(geoparser, text, published=published) == []


@pytest.mark.parametrize("text, expected", [
    # an effigy burnt is how a protest is staged, not violence
    ("In Jammu, members of several Hindu organisations staged a protest on Tuesday against the killings, "
     "burning an effigy.", [("Peaceful protest", "Jammu")]),
    # residents fighting riot police riot; they are no armed side
    ("Residents of Sibay clashed with riot police outside the town administration on Saturday.",
     [("Violent demonstration", "Sibay")]),
    # South Asian "encounter": people shot dead in it died in a battle
    ("Security forces shot dead 12 suspected Maoists in a day-long encounter near Sukma on Sunday.",
     [("Armed clash", "Sukma")]),
    ("Two soldiers were wounded on Monday when one of them stepped on an anti-personnel mine near Tibú, Colombia.",
     [("Remote explosive/landmine/IED", "Tibú")]),
    ("On Saturday, gunmen on motorcycles fired on a police checkpoint in Pattani. Officers returned fire.",
     [("Armed clash", "Pattani")]),
    ("Supporters of rival candidates traded punches and threw stones outside a polling station in Cotabato on "
     "Monday.", [("Mob violence", "Cotabato")]),
    ("Russia's defence ministry said on Wednesday its troops had completed the liberation of Sudzha.",
     [("Government regains territory", "Sudzha")]),
    ("In Juliaca, several hundred people held a silent vigil on Wednesday for the victims.",
     [("Peaceful protest", "Juliaca")]),
])
def test_fifth_round_phrasings_type_as_acled_does(geoparser, text, expected):
    assert coded(geoparser, text) == expected


@pytest.mark.parametrize("text, expected", [
    # the event's "as" clause says where the patrol was
    ("An army patrol was ambushed on Sunday as it entered a dirt track on the southern fringe of Culiacán.",
     [("Armed clash", "Culiacán")]),
    # a weapon's model name is no place: the sea is
    ("Ukraine said on Tuesday that its Magura sea drones had struck a patrol ship in the Black Sea.",
     [("Air/drone strike", "Black Sea")]),
    # a region without a division code holds the town named in it
    ("In north Kashmir, militants lobbed a grenade at a police post in Sopore's main market late on Tuesday.",
     [("Grenade", "Sopur")]),
    # a town tagged as an organisation before "township"
    ("A military air strike on a fishing village in Rakhine State's Kyaukpyu township killed at least 40 people "
     "on Wednesday.", [("Air/drone strike", "Kyaukpyu")]),
])
def test_fifth_round_places(geoparser, text, expected):
    assert coded(geoparser, text) == expected


def test_live_blog_and_blotter_lines_are_headed_by_their_place(geoparser):
    text = ("Security updates from the south\n"
            "09:10 - From Machala: a grenade was thrown at a nightclub in the city centre overnight.\n"
            "JOLO \u2014 Marines arrested a suspected bomb maker on Thursday in the capital.\n")
    assert coded(geoparser, text) == [("Grenade", "Machala"), ("Arrests", "Jolo")]


def test_capitals_written_as_an_abbreviation_are_not_towns(geoparser):
    """ "EU" is the European Union, never the French town Eu, even beside Brussels."""
    doc = geoparser.nlp("Ministers met in Brussels. Protests against the suspension of EU accession talks went on "
                        "in Tbilisi, where EU flags were waved.")
    places = {span.text: span._.geomap_place.name for span in doc.spans["geomap_toponyms"] if span._.geomap_place}
    assert places.get("EU") != "Eu"


@pytest.mark.parametrize("text, expected", [
    # property burnt while a crowd lays siege, or as a day of action "turned ugly", is the crowd's riot
    ("A hotel housing asylum seekers was partly set alight when a crowd of several hundred people laid siege to "
     "the building on the outskirts of Rotherham on Sunday afternoon.", [("Violent demonstration", "Rotherham")]),
    ("RENNES - A city bus was torched on the ring road on Wednesday as the day of action turned ugly.",
     [("Violent demonstration", "Rennes")]),
    ("Angry demonstrators stormed and set ablaze the headquarters of a party in central Nasiriyah on Monday.",
     [("Violent demonstration", "Nasiriyah")]),
    # police shooting marchers, and pepper spray on a crowd
    ("Three people were shot dead in central Nairobi on Wednesday when police opened fire on marchers.",
     [("Excessive force against protesters", "Nairobi")]),
    ("Police fired pepper spray and plastic pellets at thousands of protesters in Istanbul on Thursday.",
     [("Protest with intervention", "Istanbul")]),
    # a killing outweighs the property destroyed with it
    ("A man was shot dead late on Tuesday when settlers stormed the eastern outskirts of Sinjil, north of Ramallah.",
     [("Attack", "Sinjil")]),
    # units of an armed movement moving into a town take it
    ("On Monday, Fano units moved into Bichena after the army withdrew its garrison overnight.",
     [("Non-state actor overtakes territory", "Bichena")]),
    # a dated relative clause about an older capture leaves the sentence one event, placed by the sentence's town
    ("On Sunday a drone strike hit what military sources described as an RSF command post in Wad Madani, the "
     "state capital the RSF seized in December 2023.", [("Air/drone strike", "Wad Medani")]),
])
def test_sixth_round_phrasings(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2024, 10, 29)) == expected


@pytest.mark.parametrize("text", [
    "Flash floods in Hajjah this month swept away homes and killed dozens of people, according to the IOM.",
    "The bombing drew condemnation from the United Nations, Western governments and Gulf states.",
    "Summary: The reporting period saw a continuation of IED activity along the Mogadishu-Afgooye corridor.",
])
def test_sixth_round_non_events(geoparser, text):
    assert incidents(geoparser, text) == []


def test_a_when_clause_on_a_day_is_that_days_strike(geoparser):
    """ "… returned on Sunday, when bombs destroyed houses": the clause hangs on the day, and the bombs are the
    aircraft's."""
    text = ("In Lashio, which the MNDAA captured in August, regime aircraft struck residential quarters on Saturday, "
            "killing three civilians, and returned on Sunday, when bombs destroyed several houses near the market.")
    found = incidents(geoparser, text, published=date(2024, 11, 25))
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Air/drone strike", "Lashio", "2024-11-23"), ("Air/drone strike", "Lashio", "2024-11-24")]


def test_a_headline_the_rules_cannot_match_takes_the_day_the_body_gives_its_place(geoparser):
    """The body tells the bullet's news in other words: its sentence naming the same town dates the bullet."""
    text = ("Colombia: violence spreads in the north-east\n"
            "- Social leader shot dead at his home in El Tarra\n"
            "The offensive has displaced thousands. On Wednesday, relatives in El Tarra said the man had received "
            "threats for months before gunmen came to his door.")
    found = incidents(geoparser, text, published=date(2025, 1, 24))
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Attack", "El Tarra", "2025-01-22")]


@pytest.mark.parametrize("text, expected", [
    ("- Baloch activists stage sit-in in Karachi over detained leader", [("Peaceful protest", "Karachi")]),
    ("On Tuesday, gunmen seized three foreign nationals working at a cement plant near Kayes.",
     [("Abduction/forced disappearance", "Kayes")]),
])
def test_seventh_round_phrasings(geoparser, text, expected):
    assert coded(geoparser, text) == expected


@pytest.mark.parametrize("text", [
    "The province is still recovering from Cyclone Chido, which tore through Cabo Delgado in December and killed "
    "more than 100 people.",
    "Rescue officials are still counting the cost of last month's tanker explosion in Niger State, which killed 98.",
    "The attack in Konduga revived memories of the bombings that shook the town.",
    "These attacks come less than a month after the massacre at the parish in Komanda in late July.",
])
def test_seventh_round_non_events(geoparser, text):
    assert incidents(geoparser, text) == []


def test_live_blog_day_stamps_in_capitals_date_their_entry(geoparser):
    text = ("SUNDAY 9:05 AM - Tens of thousands of people have gathered at the People Power Monument in Quezon City "
            "to denounce corruption in flood-control projects.")
    found = incidents(geoparser, text, published=date(2025, 9, 22))
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Peaceful protest", "Quezon City", "2025-09-21")]


def test_a_date_that_names_another_thing_does_not_date_the_event(geoparser):
    """ "the March 28 earthquake" dates the earthquake; the strike is Monday's."""
    text = ("An air strike hit a village near Kanbalu on Monday afternoon, when families who had lost their homes in "
            "the March 28 earthquake were queueing for rice.")
    found = incidents(geoparser, text, published=date(2025, 4, 9))
    assert [(i.place.name, i.date.isoformat()) for i in found] == [("Kanbalu", "2025-04-07")]


def test_assault_rifles_are_weapons_not_an_assault(geoparser):
    assert incidents(geoparser, "Assault rifles and a rocket launcher were recovered from the site in Jiribam.") == []


def test_drones_backing_a_ground_advance_are_no_strike(geoparser):
    text = ("Israeli infantry backed by drones advanced into farmland west of Nawa late on Wednesday, where they "
            "traded fire with local gunmen for several hours.")
    assert coded(geoparser, text, published=date(2025, 4, 4)) == [("Armed clash", "Nawá")]


@pytest.mark.parametrize("text", [
    "- Washington's partial green light for strikes into Russia changes calculus in Kharkiv region",
    "More than 11.5 million people are displaced, including about 30,000 who fled fighting in Kordofan.",
])
def test_permitted_strikes_and_fighting_fled_are_not_incidents(geoparser, text):
    assert incidents(geoparser, text) == []


@pytest.mark.parametrize("text, expected", [
    # a review of this session's rules: each new filter or trigger kept within what its comment says
    ("Thousands fled after an attack on Kassala on Monday.", [("Shelling/artillery/missile attack", "Kassala")]),
    ("The attack on Kassala on Monday prompted thousands to flee.", [("Shelling/artillery/missile attack", "Kassala")]),
    ("An Israeli air strike killed five people in GAZA on Monday.", [("Air/drone strike", "Gaza")]),
    ("The police chief was fired on Tuesday in Kisumu.", []),
    ("The most recent attack on Kharkiv killed three people on Monday.",
     [("Shelling/artillery/missile attack", "Kharkiv")]),
    ("Ukraine's long-expected counteroffensive began on Monday near Orikhiv.", [("Armed clash", "Orikhiv")]),
    ("Kherson's residents said shells hit the city on Monday, killing two people.",
     [("Shelling/artillery/missile attack", "Kherson")]),
    ("Two boxers traded punches in Lagos on Saturday.", []),
])
def test_this_sessions_rules_stay_within_their_reach(geoparser, text, expected):
    assert coded(geoparser, text) == expected


@pytest.mark.parametrize("text, expected", [
    # places: a town's name the tagger calls an adjective, "X town", a name inside a site's name elsewhere
    ("On Wednesday evening, a missile struck a Panama-flagged container vessel in Odesa, killing eight port workers.",
     [("Shelling/artillery/missile attack", "Odesa")]),
    ("Fourteen people were killed on Sunday when gunmen invaded a farming settlement on the outskirts of Bokkos town "
     "in Plateau State.", [("Attack", "Bokkos")]),
    ("Gunmen opened fire on a police checkpoint on the outskirts of Wase town in Plateau State on Monday.",
     [("Armed clash", "Wase")]),
    ("Late on Wednesday, several mortar rounds fell on Timbuktu, landing near the airport.",
     [("Shelling/artillery/missile attack", "Timbuktu")]),
    ("Seventeen inmates were killed on Tuesday when rival gangs fought with guns and knives inside the Litoral "
     "Penitentiary in Guayaquil.", [("Armed clash", "Guayaquil")]),
    ("Officers on Monday engaged a group of bandits who tried to overrun a checkpoint on the Kaura Namoda–Zurmi road.",
     [("Armed clash", "Kaura Namoda")]),
    ("Residents of Tsafe town in Zamfara State are counting their losses after armed bandits stormed a neighbourhood "
     "of the town late on Sunday.", [("Attack", "Tsafe")]),
    ("Hezbollah fired a barrage of rockets toward Kiryat Shmona in northern Israel on Monday.",
     [("Shelling/artillery/missile attack", "Qiryat Shmona")]),
    ("Refugees fled toward Kiryat Shmona on Monday.", []),
    # a town the gazetteer lacks is no shorter town inside it
    ("Three children were killed on Monday when a quadcopter dropped a mortar round onto a house in Mir Ali.", []),
    ("Residents said bodies were found in the Serra da Misericórdia forest on Monday.", []),
    # types
    ("Two soldiers were killed on Tuesday when their patrol came under sustained fire from dissidents in rural "
     "Suárez, in Cauca.", [("Armed clash", "Suárez")]),
    ("The two delegations engaged in talks in Doha on Monday.", []),
    ("On Monday, militants entered homesteads on the outskirts of Macomia town and beheaded three men they accused "
     "of informing for the army.", [("Attack", "Macomia")]),
    ("Armed bandits stormed Tsafe late on Sunday and marched twenty-three people into the nearby forest.",
     [("Abduction/forced disappearance", "Tsafe")]),
    ("Around a thousand people gathered outside the regional administration in Lviv on Wednesday, chanting \"veto\", "
     "local media reported.", [("Peaceful protest", "Lviv")]),
    ("Relatives gathered outside the prison in Guayaquil on Wednesday seeking information.", []),
    ("Three children were killed on Monday when a quadcopter dropped a mortar round onto a house in Bannu.",
     [("Air/drone strike", "Bannu")]),
    ("On Monday troops captured an ELN commander in a rented house in Ocaña.", [("Arrests", "Ocaña")]),
    ("Police pushed into the favela on Tuesday to serve arrest warrants in Recife.", []),
    ("In Gezira state, which the army has since retaken, reconstruction has barely begun.", []),
])
def test_places_and_types_from_the_sixth_untouched_round(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 7, 10)) == expected


def test_overnight_from_one_day_to_the_next_and_the_previous_weekday(geoparser):
    text = "Eighteen civilians were hacked to death when fighters raided hamlets outside Oicha overnight from Sunday to Monday."
    assert {(i.date, i.date_end) for i in incidents(geoparser, text, published=date(2024, 6, 21))} == {
        (date(2024, 6, 16), date(2024, 6, 17))}
    shot = incidents(geoparser, "The previous Friday, a labourer was found shot dead in Shopian district.",
                     published=date(2024, 10, 25))
    assert [(i.place.name, i.date) for i in shot] == [("Shopian", date(2024, 10, 18))]



@pytest.mark.parametrize("text, expected", [
    # not events: an organisation's name, plunder, accidents, hospital transfers, court rulings, dated antecedents
    ("The three juntas, now grouped in the Alliance of Sahel States (AES), accuse ECOWAS of failing to help them "
     "fight jihadist insurgents.", []),
    ("Witnesses reported that the attackers also seized livestock before fleeing toward the border near Tera on "
     "Monday.", []),
    ("Four people were killed on Sunday when a minibus collided with a truck near Bir al-Abd, health officials said.",
     []),
    ("Lawmakers voted on Wednesday to postpone the elections in Manila, after the Supreme Court struck down the law.",
     []),
    ("Grievances were reopened last year over the 2004 Tak Bai incident, in which 85 protesters died in custody.", []),
    ("The army, which has launched its own offensive toward Sennar and Gezira, has vowed to liberate every village.",
     []),
    ("The African Union mission in Somalia took over from ATMIS on January 1.", []),
    ("Speaking in Bogotá, the minister said drone attacks had become \"a daily tactic\" in Cauca.", []),
    ("The SDF blamed Turkey for the strike on Sunday.", []),
    # places and types
    ("In Batibo, about 40 km west of Bamenda, residents said soldiers searching for separatist fighters set fire to "
     "more than twenty houses on Monday.", [("Looting/property destruction", "Batibo")]),
    ("In Kyiv, officials said Russian missiles had struck a power plant on Monday.", []),
    ("In Mangu, in Plateau State, on Monday afternoon a crowd of angry youths set upon two herders passing through "
     "the market, beating one to death.", [("Mob violence", "Mangu")]),
    ("- Two explosions at a rally in Bukavu on Thursday killed at least 11",
     [("Remote explosive/landmine/IED", "Bukavu")]),
])
def test_the_seventh_untouched_round(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 7, 10)) == expected


def test_a_capitalised_month_opening_a_sentence_dates_the_event(geoparser):
    [found] = incidents(geoparser, "Last November, a drone attack on a gas field near Chamchamal caused a fire.",
                        published=date(2025, 7, 10))
    assert (found.date, found.date_end, found.date_precision) == (date(2024, 11, 1), date(2024, 11, 30), "month")


def test_a_monitors_line_label_may_carry_its_province_in_brackets(geoparser):
    text = ("The following incidents were reported to the working group.\n"
            "BOCARANGA (Ouham-Pende): On 9 April, elements of an armed group stopped a truck on the Bocaranga-Koui "
            "axis and took away five passengers.")
    assert coded(geoparser, text, published=date(2025, 4, 14)) == [("Abduction/forced disappearance", "Bocaranga")]


@pytest.mark.parametrize("text, expected", [
    ("Late on Tuesday, troops exchanged fire with militants hiding in a compound near Miran Shah in North "
     "Waziristan, the military's media wing said in a statement issued in Rawalpindi.", [("Armed clash", "Miran Shah")]),
    ("Meanwhile, in Sukma district, Maoists killed Podiyam Bhima, a former sarpanch, in the Konta area on Friday "
     "night.", [("Attack", "Konta")]),
    ("At least seven men were killed on Sunday in a confrontation between armed cells of rival criminal "
     "organisations in the municipality of Chicomuselo.", [("Armed clash", "Chicomuselo")]),
    ("CELAYA — Five men were shot dead late Saturday when an armed group burst into a bar in the Colonia Las "
     "Insurgentes and opened fire on customers.", [("Attack", "Celaya")]),
    ("Security forces killed 12 Maoists in an encounter that lasted nearly eight hours in the dense forests of "
     "Bijapur district on Sunday.", [("Armed clash", "Bījāpur")]),
    ("On Saturday, armed men entered a village in the hills outside Baniyas and shot at least 20 civilians, "
     "according to survivors.", [("Attack", "Bāniyās")]),
    ("In Latakia on Monday, security personnel fired into the air to disperse several hundred residents demanding "
     "protection.", [("Protest with intervention", "Latakia")]),
    ("Troops shot down a drone over Kharkiv on Monday.", [("Disrupted weapons use", "Kharkiv")]),
    ("He shot a video in Kyiv on Monday.", []),
])
def test_the_eighth_untouched_round(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 5, 14)) == expected


@pytest.mark.parametrize("text, expected", [
    # a review of this session's rules: each kept within what its comment says
    ("A camera crew shot footage of people queuing in Kabul on Tuesday.", []),
    ("The government engaged the rebels in peace talks in Doha on Monday.", []),
    ("The finance minister came under fire from opposition lawmakers in Nairobi on Monday.", []),
    ("Guests fired into the air as the crowd celebrated a wedding in Kabul on Monday.", []),
    ("Leaders gathered in Addis Ababa on Monday and called for a ceasefire in Sudan.", []),
    ("The army launched drones toward Sennar on Monday, hitting a market in Sinja.", [("Air/drone strike", "Singa")]),
    ("In London, relatives said the men had been killed by a drone strike on Monday.", []),
    ("Jihadists seized the cattle market in Djibo on Monday.", [("Non-state actor overtakes territory", "Djibo")]),
    ("Gunmen killed two people in Tripoli Al Arabiya reported on Monday.", [("Attack", "Tripoli")]),
    ("Four soldiers were killed when their helicopter crashed after it was hit by rebel fire near Tillaberi on "
     "Monday.", [("Air/drone strike", "Tillabéri")]),
])
def test_this_sessions_new_rules_stay_within_their_reach(geoparser, text, expected):
    assert coded(geoparser, text, published=date(2025, 7, 10)) == expected


def test_a_title_case_headline_month_is_no_date(geoparser):
    [found] = incidents(geoparser, "Thousands Join In March Against Killings In Lagos", published=date(2025, 7, 10))
    assert found.date_precision != "month"


@pytest.mark.parametrize("text, expected", [
    # the ninth untouched round (heldout73-75) and what the sweeps over the older sets taught
    ("Houthi forces fired a ballistic missile at a military camp in Marib on Sunday, killing four soldiers, "
     "officials said on Monday.", [("Shelling/artillery/missile attack", "Ma'rib", "2025-05-04")]),
    ("On Monday, police said officers had arrested four men in Liverpool in dawn raids linked to Saturday's "
     "disorder.", [("Arrests", "Liverpool", "2025-05-05")]),
    ("A grenade thrown into a crowded market in Bunia in late December wounded eleven people.",
     [("Grenade", "Bunia", "2024-12-21")]),
    ("Israeli forces detained 15 people in overnight raids in Tulkarm, bringing the number of arrests since "
     "January to more than 400.", [("Arrests", "Ţūlkarm", "2025-05-07")]),
    ("The railway junction of Kupiansk lies on the Oskil. On Tuesday afternoon a pair of glide bombs tore into a "
     "residential block in the city centre, killing two.", [("Air/drone strike", "Kupyansk", "2025-05-06")]),
    ("The latest assault on Kharkiv underlines how Moscow's long-range campaign has shifted. Drones slammed into "
     "apartment blocks in the city's Slobidskyi district overnight into Wednesday.",
     [("Air/drone strike", "Kharkiv", "2025-05-06")]),
    ("CULIACAN, Mexico (Wire) - Gunmen shot dead six people at a party in Culiacán on Sunday.\nInvestigators say "
     "the area is disputed by factions of the Sinaloa Cartel.\nOn Monday afternoon, soldiers exchanged fire with "
     "armed men in the city's Aguaruto district.",
     [("Attack", "Culiacán", "2025-05-04"), ("Armed clash", "Culiacán", "2025-05-05")]),
    ("KYIV, May 8 (Reuters) - Russian artillery pounded Nikopol on Sunday.\nNikopol lies opposite the "
     "Zaporizhzhia nuclear power plant. Shells hit a residential street in the city centre on Monday.",
     [("Shelling/artillery/missile attack", "Nikopol", "2025-05-04"),
      ("Shelling/artillery/missile attack", "Nikopol", "2025-05-05")]),
    ("PORT SUDAN, May 8 (AFP) - Shells slammed into El Fasher on Tuesday.\nAid agencies are overwhelmed.\nDrones "
     "also hit the city's main market on Wednesday.", [("Shelling/artillery/missile attack", "El Fasher", "2025-05-06")]),
    ("JOLO, Sulu — Four people were hurt when a man hurled a grenade at a bakery along Serantes Street two days "
     "ago, police here said.", [("Grenade", "Jolo", "2025-05-06")]),
    ("Teachers pushed back from Palacio Nacional\nMEXICO CITY — Riot police used pepper spray on Wednesday to stop "
     "hundreds of striking teachers from reaching the Palacio Nacional.",
     [("Protest with intervention", "Mexico City", "2025-05-07")]),
    ("At least seven fighters were killed on Monday in renewed combat between the ELN and FARC dissidents in rural "
     "Tibú.", [("Armed clash", "Tibú", "2025-05-05")]),
    ("Combat troops were deployed to Tibú on Monday.", []),
    ("In a separate attack, ELN fighters used a drone to drop explosives on an army base in El Tarra on Monday.",
     [("Air/drone strike", "El Tarra", "2025-05-05")]),
    ("Police used a drone to monitor the crowd in Kano on Monday.", []),
    ("Dozens of masked settlers rampaged through the village of Sinjil late on Saturday, torching four cars.",
     [("Mob violence", "Sinjil", "2025-05-03")]),
    ("The elephant rampaged through fields near Arusha on Monday.", []),
    ("In Belgorod region, the border town of Shebekino came under artillery fire on Monday, killing a man.",
     [("Shelling/artillery/missile attack", "Shebekino", "2025-05-05")]),
    ("Here in Mopti this morning, several hundred women marched to the governorate to demand the reopening of the "
     "Mopti–Bandiagara road.", [("Peaceful protest", "Mopti", "2025-05-08")]),
    ("At least 27 people were killed on Tuesday when troops opened fire on crowds heading to an aid site west of "
     "Rafah.", [("Attack", "Rafaḩ", "2025-05-06")]),
    ("Officials said a new march is planned for next week in Medellín.", []),
    ("Hooded youths blocked the Puerto Resistencia roundabout on Monday, hurling stones at riot police.", []),
    ("The Kharkiv Regional Administration said drones hit the city on Monday.",
     [("Air/drone strike", "Kharkiv", "2025-05-05")]),
    ("At least 32 people were killed on August 2 last year when a suicide bomber attacked beachgoers at Lido beach "
     "in Mogadishu.", [("Suicide bomb", "Mogadishu", "2024-08-02")]),
    ("The episode recalls May 9 last year, when supporters ransacked the corps commander's residence in Lahore.",
     [("Violent demonstration", "Lahore", "2024-05-09")]),
    ("Fighters walked into the town of Lalibela on Thursday. The town was also briefly overrun by Fano in August "
     "2023, before the army regained control.", [("Non-state actor overtakes territory", "Lalibela", "2025-05-08"),
                                                ("Government regains territory", "Lalibela", "2023-08-01")]),
    ("Security roundup: curfew reimposed, arrests in Srinagar grenade case", [("Arrests", "Srinagar", "2025-05-08")]),
    ("10:40 — Less calm in Cali. A group of hooded youths blocked the Puerto Resistencia roundabout last night, "
     "hurling stones at riot police, who answered with tear gas.", [("Violent demonstration", "Cali", "2025-05-07")]),
])
def test_the_ninth_untouched_round(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, expected", [
    # the tenth untouched round (heldout76-78)
    ("A suicide bomber detonated an explosives-laden car at a security checkpoint at the entrance to al-Mayadin on "
     "Sunday, killing four.", [("Suicide bomb", "Al Mayādīn", "2025-05-04")]),
    ("All 14 drones launched at Odesa overnight were shot down over the city and its suburbs, the regional "
     "administration said.", [("Disrupted weapons use", "Odesa", "2025-05-07")]),
    ("In Paris, police fired tear gas to lift a blockade by several hundred protesters outside the Gare du Nord "
     "railway station early on Wednesday.", [("Protest with intervention", "Paris", "2025-05-07")]),
    ("Organisers have called for a mass rally in Tel Aviv next Saturday.", []),
    ("Prime Minister Narendra Modi, addressing a rally in Srinagar on Monday, said the turnout showed that democracy "
     "had won.", []),
    ("A suicide bomber blew himself up among young men queuing outside a police recruitment centre in Mogadishu's "
     "Hodan district on Tuesday.", [("Suicide bomb", "Mogadishu", "2025-05-06")]),
    ("Clashes between the SDF and Turkish-backed factions continued south-east of Manbij on Thursday, with at least "
     "11 fighters killed.", [("Armed clash", "Manbij", "2025-05-08")]),
    ("Rebels shot twenty-one villagers dead in an overnight raid near Beni that stretched into Saturday morning, "
     "officials said.", [("Attack", "Beni", "2025-05-02")]),
    ("M23 rebels walked into Bukavu on Friday without meeting resistance, after government troops withdrew.",
     [("Non-violent transfer of territory", "Bukavu", "2025-05-02")]),
    ("Russia's defence ministry said on Wednesday that its troops had liberated the village of Shakhove in "
     "Ukraine's Donetsk region.", [("Non-state actor overtakes territory", "Shakhove", "2025-05-07")]),
    ("Ukrainian forces recaptured Kupiansk on Monday.", [("Government regains territory", "Kupyansk", "2025-05-05")]),
    ("At least six people died on Thursday when CODECO militiamen fought a rival Zaire self-defence group near the "
     "mining areas of Djugu.", [("Armed clash", "Djugu", "2025-05-08")]),
    ("Gunmen attacked a hotel in Somalia's capital on Monday.", [("Attack", "Mogadishu", "2025-05-05")]),
])
def test_the_tenth_untouched_round(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


def test_a_summary_paragraph_is_told_again_by_the_body(geoparser):
    text = ("Border Monitoring Update: Armenia-Azerbaijan, 1-7 May\n"
            "Summary: one exchange of fire confirmed on the Gegharkunik section of the border.\n"
            "On the evening of Saturday, 3 May, Armenian and Azerbaijani units exchanged small-arms fire for forty "
            "minutes near the village of Sotk in Armenia's Gegharkunik province.")
    assert [(i.place.name, i.date.isoformat()) for i in incidents(geoparser, text)] == [("Sotk", "2025-05-03")]


@pytest.mark.parametrize("text, expected", [
    # a review of this session's rules: each probe once misfired (a foreign backer read as the taker, leaflets
    # dropped by drones, a suspect in custody, people fleeing "from" the town, a native of another town,
    # "the X front", a huge division as a container, a road's destination, title-case headlines, "Republic
    # Day", coarse, future or later days, "April 20, last year's …", rallies with demands)
    ('Government troops backed by Russian mercenaries recaptured Kidal on Tuesday.',
     [('Government regains territory', 'Kidal', '2025-05-06')]),
    ('Burkinabe troops supported by Russian instructors retook the town of Djibo from jihadists on '
     'Tuesday.',
     [('Government regains territory', 'Djibo', '2025-05-06')]),
    ('Israeli aircraft used drones to drop leaflets over Gaza City on Tuesday urging residents to leave.',
     []),
    ('Police shot dead two suspected kidnappers in custody in Lokoja on Tuesday.',
     [('Attack', 'Lokoja', '2025-05-06')]),
    ('Hundreds of residents fled from Sudzha on Tuesday as Ukrainian artillery shelled the town.',
     [('Shelling/artillery/missile attack', 'Sudzha', '2025-05-06')]),
    ('Thousands of opposition supporters gathered in Kampala on Tuesday. Riot police clashed with '
     'supporters of Kizza Besigye, a native of Rukungiri, in the city centre.',
     [('Violent demonstration', 'Kampala', '2025-05-06')]),
    ('Russian forces attacked Ukrainian positions on the Zaporizhzhia front on Tuesday, the army said.',
     [('Armed clash', 'Zaporizhzhya', '2025-05-06')]),
    ('Russian troops pressed their assault on the Pokrovsk front on Tuesday, killing three soldiers.',
     [('Armed clash', 'Pokrovsk', '2025-05-06')]),
    ('Gunmen attacked a police station in Tabatinga in Amazonas on Tuesday.',
     [('Armed clash', 'Tabatinga', '2025-05-06')]),
    ('Ukrainian drones struck an industrial plant in Norilsk in Krasnoyarsk region on Tuesday.',
     [('Air/drone strike', 'Norilsk', '2025-05-06')]),
    ('In Borno State, Boko Haram fighters ambushed a military convoy on the road to Maiduguri on Tuesday, '
     'killing five soldiers.',
     [('Armed clash', 'Borno', '2025-05-06')]),
    ('Police Arrest Lagos Protesters After Clashes',
     [('Violent demonstration', 'Lagos', '2025-05-08')]),
    ('Bandits Abduct Kaduna Worshippers',
     [('Abduction/forced disappearance', 'Kaduna', '2025-05-08')]),
    ('Protesters clashed with police on Republic Day, witnesses said.',
     []),
    ('Gunmen killed five people in Zamfara, police said on Monday, in the second such attack this month.',
     [('Attack', 'Zamfara', '2025-05-05')]),
    ('Russian drones attacked Kyiv overnight, the air force said, and a curfew in the city will last until'
     ' Monday.',
     [('Air/drone strike', 'Kyiv', '2025-05-07')]),
    ('Protesters clashed with police in Tbilisi overnight and vowed to stay in the square until Friday.',
     [('Violent demonstration', 'Tbilisi', '2025-05-07')]),
    ('Police fired tear gas at protesters in Nairobi on Tuesday, a year after June 2024 when demonstrators'
     ' stormed parliament.',
     [('Violent demonstration', 'Nairobi', '2025-05-06')]),
    ('Police dispersed protesters in Nairobi on Tuesday, on the anniversary of June 25 last year when '
     'demonstrators stormed parliament.',
     [('Violent demonstration', 'Nairobi', '2025-05-06')]),
    ('Gunmen killed 12 villagers in Zamfara, and police said arrests would follow next week.',
     [('Attack', 'Zamfara', '2025-05-08')]),
    ("On April 20, last year's presidential runner-up was arrested by police in Harare.",
     [('Arrests', 'Harare', '2025-04-20')]),
    ('The opposition party held a rally in Lahore on Sunday, demanding the release of Imran Khan.',
     [('Peaceful protest', 'Lahore', '2025-05-04')]),
    ('Opposition leader Raila Odinga addressed a rally in Nairobi on Monday, demanding electoral reforms.',
     [('Peaceful protest', 'Nairobi', '2025-05-05')]),
    ('Thousands of supporters of jailed opposition leader Tundu Lissu attended a victory rally in Dar es '
     'Salaam on Sunday.',
     [('Peaceful protest', 'Dar es Salaam', '2025-05-04')]),
])
def test_the_seventh_sessions_rules_stay_within_their_reach(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


def test_a_wire_filed_elsewhere_is_not_the_city(geoparser):
    text = ("NAIROBI, Kenya (AP) — The militants stormed a hotel in the Somali capital on Tuesday.\n"
            "Gunfire continued across the city overnight, and a mortar hit a house in the city centre.")
    assert [i.place.name for i in incidents(geoparser, text)] == ["Mogadishu"]  # "the Somali capital"


@pytest.mark.parametrize("text, expected", [
    # the twelfth untouched round (heldout82-84)
    ("Suicide attackers drove two explosives-laden vehicles into the perimeter wall of the Bannu cantonment in "
     "northwest Pakistan on Tuesday evening, killing at least twelve people.", [("Suicide bomb", "Bannu", "2025-05-06")]),
    ("A women's rights activist was taken from her house in Mazar-i-Sharif on Monday by armed men.",
     [("Abduction/forced disappearance", "Mazār-e Sharīf", "2025-05-05")]),
    ("Residents of Kyaukme are still pulling bodies from the rubble of the town's main market after a military jet "
     "dropped two bombs on it on Tuesday afternoon.", [("Air/drone strike", "Kyaukme", "2025-05-06")]),
    ("10:15 - Fighting overnight on the outskirts of Mogok, according to two residents reached by phone.",
     [("Armed clash", "Mogok", "2025-05-07")]),
    ("A village a few kilometres north of Myawaddy was bombed on Wednesday, killing three people.",
     [("Air/drone strike", "Myawaddy", "2025-05-07")]),
    ("Myanmar's military reoccupied the base at the edge of Myawaddy on Tuesday.",
     [("Government regains territory", "Myawaddy", "2025-05-06")]),
    ("Overnight, army air defences in Dilling brought down what the military described as \"hostile drones\".",
     [("Disrupted weapons use", "Dilling", "2025-05-07")]),
    ("Hours earlier, a US destroyer patrolling the southern Red Sea shot down an incoming attack drone.",
     [("Disrupted weapons use", "Red Sea", "2025-05-08")]),
    ("Heavy fighting was also reported on Sunday around Debre Markos, the capital of East Gojjam, where Fano units "
     "ambushed a federal convoy on the main road to Addis Ababa.",
     [("Armed clash", "Debre Mark’os", "2025-05-04")]),
    ("On Wednesday, troops announced they had taken full control of Khartoum International Airport, following the "
     "recapture last Friday of the Republican Palace in the heart of the Sudanese capital.",
     [("Government regains territory", "Khartoum", "2025-05-07"),
      ("Government regains territory", "Khartoum", "2025-05-02")]),
    ("11:30 - Reminder: last Friday tens of thousands of Houthi supporters packed Al-Sabeen Square in Sanaa for "
     "the weekly rally in solidarity with Gaza.", [("Peaceful protest", "Sanaa", "2025-05-02")]),
    ("Troops engaged the militants in Bannu on Tuesday, and six of them were killed in the ensuing gunbattle.",
     [("Armed clash", "Bannu", "2025-05-06")]),
    ("Among the sites hit on Friday was the thermal power plant in Burshtyn, in Ivano-Frankivsk oblast, where "
     "local authorities reported a fire after a missile strike.",
     [("Shelling/artillery/missile attack", "Burshtyn", "2025-05-02")]),
    # the one town the event's own clause names, in whatever role
    ("Mobs armed with sticks and machetes roamed Juba's Konyo Konyo and Custom markets on Thursday night, "
     "smashing storefronts and beating Sudanese nationals, witnesses said.", [("Mob violence", "Juba", "2025-05-08")]),
])
def test_the_twelfth_untouched_round(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text", [
    "Analysts say the ability to strike targets more than 1,000 km from RSF-held territory in Darfur marks a shift.",
    "A monitoring report documents a rise in attacks on civilians along the front lines of Taiz, where the war's "
    "daily violence has continued.",
    "- Houthis say they downed a US MQ-9 Reaper drone over the governorate last Friday",
    "The blasts brought down part of the wall and a nearby mosque in Bannu.",
    "The rupture began when soldiers seized power in Niamey in July 2023.",
    "Residents of Batibo woke on Thursday to find the council building a blackened shell.",
    "Fighting poverty in Kano remains the governor's priority.",
    "Bodies were recovered on both sides, and several wounded men were flown to Mount Hagen for treatment.",
    "- Heavy fighting reported as M23 pushes toward Bukavu",
    "A 23-year-old was shot in the chest and was pronounced dead at a Ramallah hospital.",
])
def test_the_eighth_sessions_rules_leave_these_alone(geoparser, text):
    assert coded(geoparser, text) == []


@pytest.mark.parametrize("text, expected", [
    # misfires a review of this session's rules found, each now kept within its reach
    ("Settlers reoccupied the Homesh outpost near Nablus on Tuesday after the army withdrew.", []),
    ("The army said on Tuesday that it had reoccupied the town of Bourem.",
     [("Government regains territory", "Bourem", "2025-05-06")]),
    ("The government has taken full control of the national airline in Lagos, the minister said on Tuesday.", []),
    ("Police said on Tuesday they had gained full control of the situation in Kano after the riots.", []),
    # troops taking suspected militants arrest them (the sixteenth session coded nothing: not territory, nor more)
    ("Soldiers captured three suspected militants in a raid in Borno state on Tuesday.",
     [("Arrests", "Borno", "2025-05-06")]),
    ("Houthi forces captured three villages in Marib province on Tuesday.", [("Armed clash", "Ma'rib", "2025-05-06")]),
    ("Militants bombed the town hall in Khar on Tuesday, killing two guards, police said.",
     [("Remote explosive/landmine/IED", "Khar", "2025-05-06")]),
    ("Militants fighting the government bombed a bus in Quetta on Tuesday, killing six passengers.",
     [("Remote explosive/landmine/IED", "Quetta", "2025-05-06")]),
    ("Fighting between the two families over a land dispute in Kisumu left three people injured on Tuesday.", []),
    ("Ukrainian troops were killed in the defence of Avdiivka on Tuesday, the brigade said.",
     [("Armed clash", "Avdiyivka", "2025-05-06")]),
    ("Troops recaptured Wad Madani on Saturday, following the recapture of the nearby town of Um Alqura on Friday.",
     [("Government regains territory", "Wad Medani", "2025-05-03")]),
    ("Gunmen shot dead a visiting Kabul official near the border on Tuesday.", []),
    # (Tessalit, a cercle's seat GeoNames gives no population, is a town since the sixteenth session)
    ("Insurgents attacked the Wagner base in Tessalit on Tuesday.", [("Armed clash", "Tessalit", "2025-05-06")]),
    ("Russian missiles hit the Azov base in Mariupol on Tuesday.",
     [("Shelling/artillery/missile attack", "Mariupol", "2025-05-06")]),
    ("A Sudanese army drone flying out of Port Sudan struck an RSF convoy on Tuesday.", []),
    ("Police said yesterday that daily protests in Nairobi had cost businesses millions.", []),
    ("Daily shelling until Tuesday forced residents of Kupiansk to flee.", []),
])
def test_the_eighth_sessions_rules_stay_within_their_reach(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, expected", [
    # the thirteenth untouched round (heldout85-87)
    ("TEL AVIV, May 8 (Wire) - Police turned water cannon on demonstrators and detained 29 people as tens of "
     "thousands of Israelis flooded central Tel Aviv on Wednesday night to demand a deal to free the hostages held "
     "in Gaza.", [("Protest with intervention", "Tel Aviv", "2025-05-07")]),
    ("The offensive follows Moscow's claim that its troops completed the capture of Kurakhove on Monday.",
     [("Armed clash", "Kurakhove", "2025-05-05")]),
    ("On Sunday afternoon, a group of around 30 Israeli settlers, several of them masked, entered the village of "
     "al-Mughayyir, northeast of Ramallah.", [("Attack", "Al Mughayyir", "2025-05-04")]),
    ('In a statement read on state television in Bamako late on Tuesday, the armed forces acknowledged "a complex '
     'attack" on a logistics column.', []),
    ("According to a statement from the state police headquarters in Imphal, gunmen opened fire on a police post "
     "on Monday.", []),
    ("Troops clashed with gunmen near Shariff Aguak in Maguindanao del Sur on Tuesday.", []),
    ("Fighting between ELN guerrillas and FARC dissidents has left 32 dead since Thursday, as thousands of families "
     "fled toward Cucuta.", []),
    ("10:20 - Ukraine's army reports that Russian infantry tried to break into positions on the outskirts of "
     "Myrnohrad on Sunday and was pushed back after several hours of fighting.",
     [("Armed clash", "Myrnohrad", "2025-05-04")]),
])
def test_the_thirteenth_untouched_round(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, published, expected", [
    # the fourteenth untouched round (heldout88-90)
    ("- Russian assault groups push into central Toretsk\n"
     "The battle for Toretsk entered a new phase on Monday, when Russian infantry pushed into the town's central "
     "districts.", "2025-02-12", [("Armed clash", "Toretsk", "2025-02-10")]),  # one name, one place in a text
    ("Separately, the Nigerian Air Force said in a statement issued in Abuja on Wednesday that fighter jets had "
     "struck hideouts in the Tsafe area the previous day.", "2024-10-03",
     [("Air/drone strike", "Tsafe", "2024-10-01")]),  # "the previous day" counts from the sentence's Wednesday
    ("Summary: a tense week.\nN'Djamena. Police fired tear gas on Tuesday morning at supporters of an opposition "
     "party who had gathered outside its headquarters.", "2024-10-30",
     [("Protest with intervention", "N'Djamena", "2024-10-29")]),  # a monitor's paragraph labelled by its town
    ("- JNIM fighters storm military camp in Djibo, in hours-long assault\n"
     "The raid on Djibo exposed how thin the state's grip has become. Shortly after dawn on Monday, several hundred "
     "fighters converged on the town's main camp.", "2025-05-14",
     [("Armed clash", "Djibo", "2025-05-12")]),  # the body names the town, then dates the news in its next sentence
])
def test_the_fourteenth_untouched_round(geoparser, text, published, expected):
    found = incidents(geoparser, text, published=date.fromisoformat(published))
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, published, expected", [
    ("The battle for Toretsk entered a new phase on Monday, when Russian infantry attacked.", "2025-02-12", []),
    ("Kharkiv is quiet. Police detained three men on Tuesday.", "2024-10-30", []),  # a sentence, not a label
    ("- Troops storm a rebel camp near Djibo\nThe raid on Djibo was long planned, officials said on Sunday. "
     "On Monday, the army said, it lost two men elsewhere.", "2025-05-14",
     [("Armed clash", "Djibo", "2025-05-11")]),  # the naming sentence dates it: its next sentence is other news
])
def test_the_fourteenth_rounds_rules_stay_within_their_reach(geoparser, text, published, expected):
    found = incidents(geoparser, text, published=date.fromisoformat(published))
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, expected", [
    # the ninth session's review: where its rules must not reach
    ("- Bandits abduct 40 in Zurmi\nZurmi lies on a major cattle route. On Tuesday, the state governor inaugurated a "
     "new hospital in Gusau.", [("Abduction/forced disappearance", "Zurmi", "2025-05-08")]),
    ("- Protesters torch police station in Mombasa\nThe unrest in Mombasa followed the death of a teacher in custody. "
     "He had been arrested on Saturday, his family said.", [("Violent demonstration", "Mombasa", "2025-05-08")]),
    ("The governor, who took office on 29 May 2023, said bandits had abducted 40 villagers in Zamfara the previous "
     "day.", [("Abduction/forced disappearance", "Zamfara", "2025-05-07")]),
    ("Daily brief.\nOuagadougou. Jihadists attacked an army post in the country's east on Monday, killing 20 "
     "soldiers.", []),
    ("Sahel.\nMali. Jihadists killed 12 soldiers in an ambush on Monday near Boulkessi.", []),
    # the day of the news, not of the statement about it, dates what the story tells next
    ("NAIROBI - At least eight people were killed in Nairobi on Wednesday as police fired on crowds, the commission "
     "said on Thursday.\nElsewhere the day followed a different course. In Mombasa, a march by several hundred "
     "people to the county offices ended without incident.",
     [("Attack", "Nairobi", "2025-05-07"), ("Peaceful protest", "Mombasa", "2025-05-07")]),
])
def test_the_ninth_sessions_rules_stay_within_their_reach(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, expected", [
    # the sixteenth untouched round (heldout97-99)
    ("In Jos, youths angered by the killings blocked the Bauchi road on Monday afternoon, burning tyres and stoning "
     "vehicles.", [("Violent demonstration", "Jos", "2025-05-05")]),
    ("Three police officers were killed in the northern Potosí mining town of Llallagua on Wednesday.",
     [("Armed clash", "Llallagua", "2025-05-07")]),  # the town the phrase names, not the region modifying it
    ("10:30 - In Jos, youths blocked the Bauchi road on Monday afternoon, burning tyres and setting two vehicles on "
     "fire.", [("Violent demonstration", "Jos", "2025-05-05")]),
    # and where they stop: burning tyres at a road block is how a protest is staged; police burning a barricade
    ("Farmers blocked the highway near Nakuru on Monday, burning tyres to protest against maize prices.",
     [("Peaceful protest", "Nakuru", "2025-05-05")]),
    ("Protesters marched through Lagos on Monday, and police set a barricade on fire to clear the road.",
     [("Peaceful protest", "Lagos", "2025-05-05")]),
])
def test_the_sixteenth_untouched_round(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, expected", [
    # the seventeenth untouched round (heldout100-102) and the resolver's far-namesake rule it came with
    ("Protests spread from Istanbul to Izmir on Sunday. In the capital, Ankara, riot police blocked a march by "
     "thousands of university students heading from the Middle East Technical University campus towards Kızılay "
     "square on Monday, firing tear gas.",
     [("Protest with intervention", "Ankara", "2025-05-05")]),  # a region inside an institution's name
    # the day a statement was issued is not the day "a day earlier" counts from
    ("Gunmen killed 21 civilians near Téra on Tuesday, the ministry said in a statement issued in Niamey on "
     "Wednesday.\nA day earlier, four soldiers were killed when their vehicle struck a roadside bomb near Ayorou.",
     [("Attack", "Téra", "2025-05-06"), ("Remote explosive/landmine/IED", "Ayorou", "2025-05-05")]),
    # … unless the telling is the only day the sentence names
    ("The ministry said on Tuesday its fleet had destroyed five sea drones heading for Sevastopol.\nThe next day a "
     "missile slammed into a terminal in Odesa's port, killing two dock workers.",
     [("Shelling/artillery/missile attack", "Odesa", "2025-05-07")]),
    # the town a "capital" names, tagged ORG by the tagger
    ("A drone strike on a mosque in the besieged North Darfur capital El Fasher killed at least 75 worshippers "
     "on Monday.", [("Air/drone strike", "El Fasher", "2025-05-05")]),
    # small arms fired at army positions: a clash, wherever the positions stood
    ("Azerbaijani troops fired small arms at Armenian army positions near the village of Tegh in Syunik province "
     "late on Monday.", [("Armed clash", "Tegh", "2025-05-05")]),
    # and where they stop: repeated claims are no one event; a man fired on a day is dismissed
    ("Azerbaijan's defence ministry has issued near-daily statements saying that Armenian units fired small arms at "
     "its positions in the Kalbajar and Lachin districts.", []),
    ("The police chief of Kandahar was fired on Tuesday.", []),
    ("Gunmen attacked villagers near an army base outside Maiduguri on Monday, killing five.",
     [("Attack", "Maiduguri", "2025-05-05")]),
    # a site the gazetteer lacks, named after its town; the one month of a sentence telling one event
    ("On Monday, troops announced they had taken full control of Khartoum International Airport.",
     [("Government regains territory", "Khartoum", "2025-05-05")]),
    ("The army's momentum builds on earlier successes, including the recapture of Wad Madani, capital of Gezira "
     "state, in January.", [("Government regains territory", "Wad Medani", "2025-01-01")]),
    # stones and bottles thrown by a crowd; not one bottle thrown by one boy
    ("BASRA - Angry residents set tyres ablaze and pelted the Basra provincial government building with stones and "
     "bottles on Monday night.", [("Violent demonstration", "Basrah", "2025-05-05")]),
    ("Protesters hurled rocks at police in Nairobi on Monday.", [("Violent demonstration", "Nairobi", "2025-05-05")]),
    ("The boy threw a bottle at the wall in Kano on Monday.", []),
    # "X city" after "X province": the town, not the division one sense per discourse would make of it
    ("In neighbouring Daraa province, an explosive device hidden in a motorcycle went off in Daraa city on Monday, "
     "wounding three people.", [("Remote explosive/landmine/IED", "Dar\u2018\u0101", "2025-05-05")]),
    # the seat of the government protesters chant against is not where they rally
    ("On Monday, thousands of people rallied in Sweida city's central square, chanting against the government in "
     "Damascus.", [("Peaceful protest", "As-Suwayda", "2025-05-05")]),
    ("A curfew remained in force in Gopalganj on Thursday, a day after supporters of rival camps fought running "
     "battles with sticks and bricks in the district town.", [("Violent demonstration", "Gop\u0101lganj", "2025-05-07")]),
    # a dateline line over the bullets is part of the headline block: a bullet takes the day its body tells
    ("ANALYSIS-Southern Syria's truce frays\nAMMAN, May 8 (Levant Report) -\n* Bomb in Daraa wounds three\n"
     "* Talks stall\nIn neighbouring Daraa province, an explosive device went off in Daraa city on Monday, wounding "
     "three people.", [("Remote explosive/landmine/IED", "Dar\u2018\u0101", "2025-05-05")]),
])
def test_the_seventeenth_untouched_round(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, expected", [
    # counter-examples a review found for the tenth session's rules
    ("A storm hurled bricks at parked cars in Dhaka on Sunday.", []),  # no crowd, no riot
    ("Police officers were pelted with stones and bottles in Kano on Monday.",
     [("Violent demonstration", "Kano", "2025-05-05")]),  # a crowd unnamed, the police pelted
    # a city abroad big enough to be news in its own right stays itself in a text about one country
    ("Punjab police arrested 12 people in Amritsar and Ludhiana on Sunday after clashes over a religious procession. "
     "In a separate incident, Khalistan supporters protested outside the Indian consulate in Vancouver on Saturday.",
     [("Arrests", "Amritsar", "2025-05-04"), ("Arrests", "Ludhiana", "2025-05-04"),
      ("Peaceful protest", "Vancouver", "2025-05-03")]),
    # a month in a clause of its own is not the event's
    ("Police arrested 20 protesters in Nairobi over a finance bill passed in June.",
     [("Arrests", "Nairobi", "2025-05-08")]),
    # plural statements that name a day tell one event
    ("The army issued statements saying that troops repelled an attack on a base near Menaka on Saturday.",
     [("Armed clash", "M\u00e9naka", "2025-05-03")]),
    # protests that "turned violent" are the crowd's violence, told in a word; "turned peaceful" is not
    ("Three people were killed in Kano on Thursday as protests against the soaring cost of living turned violent.",
     [("Violent demonstration", "Kano", "2025-05-08")]),
    ("The protest in Lagos turned peaceful on Thursday.", [("Peaceful protest", "Lagos", "2025-05-08")]),
])
def test_the_tenth_sessions_rules_stay_within_their_reach(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected




@pytest.mark.parametrize("text, expected", [
    # the sentence after a protest tells how it went: the police broke it up, or the crowd rioted
    ("Hundreds of people protested in Kano on Monday against rising fuel prices. "
     "Police fired tear gas to disperse the crowd and arrested 12 people.",
     [("Protest with intervention", "Kano", "2025-05-05")]),
    ("Students rallied outside the governor's office in Makassar on Tuesday. "
     "The protest turned chaotic when demonstrators set fire to tyres and threw stones at police.",
     [("Violent demonstration", "Makassar", "2025-05-06")]),
    # a sentence told of another day is another event, and a crowd's violence does not undo the police's
    ("Hundreds of people protested in Kano on Monday. On Wednesday police fired tear gas at mourners.",
     [("Peaceful protest", "Kano", "2025-05-05"), ("Protest with intervention", "Kano", "2025-05-07")]),
    # "riot troops" are the men sent against a riot, not one
    ("Thousands marched toward the palace in Caracas on Monday and were turned back by lines of riot troops.",
     [("Peaceful protest", "Caracas", "2025-05-05")]),
    # a name someone puts on an event already told is no event of its own …
    ("Hundreds of worshippers marched in Zahedan on Friday, chanting against the death penalty. "
     "State media described the gathering as \"a limited riot instigated by foreign-backed elements.\"",
     [("Peaceful protest", "Zahedan", "2025-05-02")]),
    # … but "what the General Staff described as an assault" tells the event through the name
    ("On Wednesday troops repelled what the General Staff described as a failed mechanised assault near the "
     "village of Kurylivka.", [("Armed clash", "Kurylivka", "2025-05-07")]),
])
def test_the_eleventh_sessions_rules(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, expected", [
    # a part of the town named before is in that town, whatever else its own name means
    ("Kharkiv mayor Ihor Terekhov said on Wednesday that Shahed drones struck the city's Kyivskyi district, injuring "
     "two people.", [("Air/drone strike", "Kharkiv", "2025-05-07")]),
    # "the strike" in a story about a traders' strike is that stoppage, not a blow from the air
    ("A nationwide shutter-down strike called by traders closed markets in Lahore on Wednesday. In Karachi and "
     "Quetta the strike passed off peacefully, traders' bodies said.",
     [("Peaceful protest", "Lahore", "2025-05-07")]),
    # street battles with the police are a riot; street battles between armies are a battle
    ("Youths fought street battles with police in Nairobi on Monday.", [("Violent demonstration", "Nairobi", "2025-05-05")]),
    ("Ukrainian and Russian units fought street battles in Pokrovsk on Monday.", [("Armed clash", "Pokrovsk", "2025-05-05")]),
    # the site the text names, in the kind written after it; the town a settlement noun names, however common the word
    ("Rockets hit Ain al-Asad air base in western Iraq on Monday, wounding five US personnel. On Tuesday, security "
     "forces arrested two suspects in the town of Hit.",
     [("Shelling/artillery/missile attack", "Ain al-Asad Air Base", "2025-05-05"), ("Arrests", "H\u012bt", "2025-05-06")]),
    # two clauses telling different kinds of attack, or one after the other, each with its own place: two events
    ("Russian ballistic missiles struck Kyiv while swarms of drones hit Dnipro and Zaporizhzhia early on Tuesday.",
     [("Shelling/artillery/missile attack", "Kyiv", "2025-05-06"), ("Air/drone strike", "Dnipro", "2025-05-06"),
      ("Air/drone strike", "Zaporizhzhya", "2025-05-06")]),
    ("Israeli warplanes struck Sanaa's international airport on Tuesday, a day after jets pounded the port of Hodeidah.",
     [("Air/drone strike", "Sanaa", "2025-05-06"), ("Air/drone strike", "Al \u1e28udaydah", "2025-05-05")]),
    # "there" is the town the sentence itself names; burning no one is said to have set, just after a strike, is
    # that strike's damage
    ("In Dnipro, three people died when drones hit a bus depot on Wednesday, the governor said. In Zaporizhzhia, the "
     "governor said five people were injured and an industrial facility was set ablaze; no deaths were reported "
     "there.", [("Air/drone strike", "Dnipro", "2025-05-07"), ("Air/drone strike", "Zaporizhzhya", "2025-05-07")]),
    # "near the town of X" names a place even when the tagger took X for a person and the gazetteer counts no one
    ("Drone strikes near the northern town of Tessalit on Sunday killed about 15 militants, while two soldiers died "
     "a day later when fighters attacked a checkpoint at the western entrance of Gao.",
     [("Air/drone strike", "Tessalit", "2025-05-04"), ("Armed clash", "Gao", "2025-05-05")]),
    # "close to X" hung by the parser on the telling says where the event was
    ("Armed bandits on Saturday abducted 23 passengers on the Gusau-Funtua highway, close to Tsafe, the Zamfara "
     "State Police Command has confirmed.", [("Abduction/forced disappearance", "Tsafe", "2025-05-03")]),
    # a town spelt as locals spell it, which the tagger took for a person: the settlement words around it say
    ("Arakan Army units engaged regime troops outside Kyaukphyu, the Rakhine coastal town, on Sunday.",
     [("Armed clash", "Kyaukpyu", "2025-05-04")]),
    ("Two shepherds were killed on Sunday when a landmine exploded on farmland on the outskirts of Sheikh Zuweid.",
     [("Remote explosive/landmine/IED", "Ash Shaykh Zuwayd", "2025-05-04")]),
    # "when fighting between rival clans flared" parsed as a verb is still the noun; armed clans fighting are a clash
    ("At least nine men were killed on Saturday when fighting between rival clans flared again on the outskirts of "
     "Wabag, police said.", [("Armed clash", "Wabag", "2025-05-03")]),
])
def test_the_eighteenth_untouched_round(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, expected", [
    # counter-examples a review found for the eleventh session's rules, each now left as it was
    ("Hundreds of people protested in Kano on Monday. Elsewhere, police fired tear gas at students protesting over "
     "fees.", [("Peaceful protest", "Kano", "2025-05-05")]),  # another protest, not the one told
    ("Awami League supporters rallied peacefully in Dhaka on Sunday. At a rival rally, BNP activists threw stones at "
     "police.", [("Peaceful protest", "Dhaka", "2025-05-04")]),
    ("Rioting soldiers demanding unpaid bonuses fired into the air and blocked roads in Bouake on Monday.",
     [("Violent demonstration", "Bouak\u00e9", "2025-05-05")]),  # "rioting soldiers" riot; "riot troops" do not
    ("Police described the situation in Kisumu on Tuesday as a riot, with youths burning tyres.",
     [("Violent demonstration", "Kisumu", "2025-05-06")]),  # the name is the only telling
    ("Teachers across Lebanon went on strike on Monday over pay. In Nabatieh, the strike destroyed a three-storey "
     "building.", [("Air/drone strike", "Nabat\u00eey\u00e9 et Tahta", "2025-05-05")]),  # a strike that destroys
    ("Wagner mercenaries fought street battles in Bakhmut on Monday.", [("Armed clash", "Bakhmut", "2025-05-05")]),
    ("Bandits attacked the village of Kankara on Thursday and abducted 300 pupils from a school in Kankara.",
     [("Abduction/forced disappearance", "Kankara", "2025-05-08")]),  # one raid, one place
    ("A roadside bomb hit a police van in Quetta on Monday. In Jaranwala, two churches were set on fire after "
     "blasphemy allegations.", [("Remote explosive/landmine/IED", "Quetta", "2025-05-05"),
                                ("Looting/property destruction", "Jaranwala", "2025-05-05")]),  # a cause of its own
    # "a day later" counts from an event's day, not from the day the police told it
    ("Police said on Monday that gunmen who robbed a bank in Owerri were arrested a day later.",
     [("Arrests", "Owerri", "2025-05-05")]),
    ("The president read the riot act to his ministers in Harare on Monday.", []),
    ("Two men were injured after a brawl in the town of Battle on Monday.", []),
    # "the Dnipro" is the river; "the Dnipro city centre" is the city
    ("One woman was killed by shelling across the Dnipro in Nikopol on Tuesday.",
     [("Shelling/artillery/missile attack", "Nikopol", "2025-05-06")]),
    ("Russian shelling hit the Dnipro city centre on Tuesday.",
     [("Shelling/artillery/missile attack", "Dnipro", "2025-05-06")]),
])
def test_the_eleventh_sessions_rules_stay_within_their_reach(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


def test_an_event_dated_by_its_telling_gives_way_to_its_own_day(geoparser):
    """ "said on Friday it had recaptured Bara" and "troops entered Bara on Thursday" are one event, on Thursday,
    named as the telling names it; told alone, the telling's day stands."""
    saturday = date(2025, 5, 10)
    text = ("Sudan's army said on Friday it had recaptured the town of Bara. Army spokesman Nabil Abdallah said "
            "troops entered Bara on Thursday after RSF units withdrew.")
    found = incidents(geoparser, text, published=saturday)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Government regains territory", "B\u0101rah", "2025-05-08")]
    alone = incidents(geoparser, "Sudan's army said on Friday it had recaptured the town of Bara.", published=saturday)
    assert [(i.sub_event_type, i.date.isoformat()) for i in alone] == [("Government regains territory", "2025-05-09")]


@pytest.mark.parametrize("text, expected", [
    # the gazetteer knows "Kyivskyi" only as districts of Donetsk and Poltava: in a Kharkiv story it is Kharkiv's
    ("KHARKIV, May 7 (Wire) - Russia pounded Kharkiv with drones overnight, killing three people. The heaviest "
     "damage was in the Kyivskyi district, where a drone struck a nine-storey building on Saturday.",
     [("Air/drone strike", "Kharkiv", "2025-05-07"), ("Air/drone strike", "Kharkiv", "2025-05-03")]),
    # a district that names its own parent, or a real town of that name, stays itself
    ("Russian troops attacked Kharkiv on Monday. Shelling also hit the Bakhmut district on Tuesday.",
     [("Attack", "Kharkiv", "2025-05-05"), ("Shelling/artillery/missile attack", "Bakhmut", "2025-05-06")]),
])
def test_a_district_known_only_as_another_citys_is_the_named_citys(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected



@pytest.mark.parametrize("text, expected", [
    # a bare "in the capital": the dateline's capital when the story names it again …
    ("NAIROBI, May 8 (Wire) - Kenyan police shot dead four people in the capital on Wednesday, rights groups said. "
     "The interior minister, speaking in Nairobi, blamed criminal elements.",
     [("Attack", "Nairobi", "2025-05-07")]),
    # … the capital the sentence names (not one someone spoke in) …
    ("Russian drones struck an apartment block in the capital on Wednesday, killing two people, Kyiv officials said.",
     [("Air/drone strike", "Kyiv", "2025-05-07")]),
    ("Speaking in London, Sudan's foreign minister said RSF drones had struck fuel depots in the capital on "
     "Tuesday.", []),
    # … and never the capital of the attackers' nationality, or of a country that only speaks or acts
    ("Russian drones struck an apartment block in the capital on Wednesday, killing two people.", []),
    ("The United States condemned a car bomb attack in the capital on Tuesday that killed ten people.", []),
    # "gunmen killed 21 civilians" is an attack told as such: placed by "the town" like any other
    ("Residents of villages outside Baniyas describe a night of terror. Activists say gunmen killed 21 civilians in "
     "the area on Friday, going house to house on the southern edge of the town.",
     [("Attack", "B\u0101niy\u0101s", "2025-05-02")]),
    # fighting that "continued … over the weekend" is the weekend's fighting, not a trend
    ("Clashes between the ELN and FARC dissidents continued near El Tarra over the weekend, residents said.",
     [("Armed clash", "El Tarra", "2025-05-03")]),
    # a crowd that "dispersed without incident" went home by itself
    ("In the coastal city of Mombasa, several hundred people marched through the town centre on Wednesday and "
     "dispersed without incident in the afternoon.", [("Peaceful protest", "Mombasa", "2025-05-07")]),
    # "either attack", "Friday's attack" condemned: the events already told, not new ones
    ("Drones struck an oil field near Erbil on Tuesday. No one was hurt in either attack, officials said. "
     "The foreign ministry in Baghdad condemned Tuesday's attack as a violation of sovereignty.",
     [("Air/drone strike", "Erbil", "2025-05-06")]),
    # bodies recovered from the rubble are the dead of the strike already told
    ("A drone strike hit a mosque in El Fasher on Friday, killing 75 people. Volunteers were still recovering "
     "bodies from the rubble on Saturday, and the toll was confirmed by the health ministry in Port Sudan.",
     [("Air/drone strike", "El Fasher", "2025-05-02")]),
    # the violence a crowd protests is not the police's at the protest
    ("Several hundred people marched peacefully through central Nairobi on Monday to demand justice for protesters "
     "killed by police.", [("Peaceful protest", "Nairobi", "2025-05-05")]),
    ("Hundreds of students marched in Dhaka on Tuesday, demanding the arrest of those who attacked a rally.",
     [("Peaceful protest", "Dhaka", "2025-05-06")]),
    # a gendarmerie school is a target of the state's forces; rocket-propelled grenades carried "with" rifles are
    # a ground assault's arms, one fired at a station a grenade attack
    ("Militants attacked a gendarmerie training school in Bamako before dawn on Tuesday.",
     [("Armed clash", "Bamako", "2025-05-06")]),
    ("Militants fired a rocket-propelled grenade at a police station in Peshawar on Friday, wounding two officers.",
     [("Grenade", "Peshawar", "2025-05-02")]),
    # gangs that take a town overtake territory
    ("Gangs took control of the central Haitian town of Mirebalais on Monday after hours of fighting.",
     [("Non-state actor overtakes territory", "Mirebalais", "2025-05-05")]),
])
def test_the_twelfth_sessions_rules(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


@pytest.mark.parametrize("text, expected", [
    # from a helper's review of the rules above, each once broken by a first version of them
    ("In Burundi's economic capital, police fired tear gas at protesters on Monday.",
     [("Protest with intervention", "Burundi", "2025-05-05")]),  # not Gitega, the seat of government
    ("Gunmen killed three police officers in the Guerrero state capital on Monday.",
     [("Armed clash", "Guerrero", "2025-05-05")]),  # not Acapulco, its largest town
    ("The government condemned Friday's attack on a police station in Mandera, which killed three officers.",
     [("Armed clash", "Mandera", "2025-05-02")]),  # the first telling of an event, not a reaction to one
    ("Protesters in Harare were forced to disperse on Monday.", [("Protest with intervention", "Harare", "2025-05-05")]),
    ("The bodies of six men were found in a storm drain in Culiac\u00e1n on Monday.",
     [("Attack", "Culiac\u00e1n", "2025-05-05")]),
    ("The doctors' strike continued over the weekend in Nairobi, with hospitals turning patients away.", []),
    # a sentence that dates nothing tells of the day the story last named for its own place, or of another event
    ("Protesters rallied in Kinshasa on Monday. On Wednesday, police fired tear gas at students in Kinshasa. "
     "Students marched in Kinshasa to demand the release of their classmates.",
     [("Peaceful protest", "Kinshasa", "2025-05-05"), ("Protest with intervention", "Kinshasa", "2025-05-07")]),
    ("Gunmen attacked Tsafe on Saturday, killing 10. On Wednesday, troops clashed with bandits near Gusau. "
     "Gunmen attacked Tsafe again, killing five more, residents said.",
     [("Attack", "Tsafe", "2025-05-03"), ("Armed clash", "Gusau", "2025-05-07"), ("Attack", "Tsafe", "2025-05-07")]),
])
def test_the_twelfth_sessions_rules_stay_within_their_reach(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


def test_a_sentence_that_dates_nothing_tells_again_the_event_of_its_type_and_place(geoparser):
    """The third sentence dates nothing; the day the sentence before it named is the El Obeid strike's, not the
    Bara attack's it tells again."""
    text = ("RSF fighters stormed villages near the town of Bara on Saturday, killing 22 civilians. A drone struck El "
            "Obeid on Monday. The attackers went from house to house in the settlements north of Bara, shooting men "
            "who tried to flee.")
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Attack", "B\u0101rah", "2025-05-03"), ("Air/drone strike", "El Obeid", "2025-05-05")]


def test_bullets_under_a_key_points_label_are_a_summary(geoparser):
    """ "Key points:" over bullet lines: the bullets summarise the body, which dates and types the events."""
    text = ("Kordofan violence escalates as RSF raids villages near Bara\n"
            "KHARTOUM, May 8 (Monitor) - At least 22 civilians were killed when RSF fighters stormed villages near "
            "the town of Bara on Saturday, a doctors' network said on Tuesday.\n"
            "Key points:\n"
            "- RSF fighters on motorbikes raided farming settlements north of Bara, witnesses said\n"
            "- A drone targeted El Obeid on Monday; no casualties reported\n"
            "A drone launched by the RSF struck near a fuel depot in El Obeid on Monday, a military source said.")
    found = incidents(geoparser, text)
    assert sorted((i.sub_event_type, i.place.name, i.date.isoformat()) for i in found) == [
        ("Air/drone strike", "El Obeid", "2025-05-05"), ("Attack", "B\u0101rah", "2025-05-03")]


@pytest.mark.parametrize("text, expected", [
    # a rural district named after its own town, "of" its province: the town, not the province's namesake
    ("PATTANI - A ranger was killed when a bomb exploded as their patrol passed in Rueso district of Narathiwat on "
     "Monday, police said.", [("Remote explosive/landmine/IED", "Rueso", "2025-05-05")]),
    ("Gunmen shot dead a village headman as he returned home from a mosque in Sai Buri district of Pattani on Monday.",
     [("Attack", "Sai Buri", "2025-05-05")]),
    # a Nigerian local government area written "LGA", which the tagger reads as an organisation's name
    ("Zamfara: On 5 May, armed bandits abducted at least 30 villagers from a community in Tsafe LGA.",
     [("Abduction/forced disappearance", "Tsafe", "2025-05-05")]),
    # a quarter of a city is still the city's; a district of a region written out is its town
    ("Russian drones struck the Kyivskyi district of Kharkiv on Monday, killing two people.",
     [("Air/drone strike", "Kharkiv", "2025-05-05")]),
    ("Gunmen killed five people in the Dniprovskyi district of Kherson on Monday.",
     [("Attack", "Kherson", "2025-05-05")]),
])
def test_a_district_named_after_its_own_town_is_that_town(geoparser, text, expected):
    found = incidents(geoparser, text)
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == expected


def test_a_crowd_marching_through_a_town_is_there_however_parsed(geoparser):
    """ "through Jos demanding …" parses Jos as the gerund's subject; the march is still through Jos."""
    text = "On Monday, several hundred residents marched peacefully through Jos demanding better protection."
    assert coded(geoparser, text) == [("Peaceful protest", "Jos")]


def test_the_town_two_paragraphs_on_is_the_leads_town_when_nothing_else_was_named(geoparser):
    text = ("LASHIO FALLS TO ETHNIC ARMY\n"
            "The Myanmar National Democratic Alliance Army says it now controls the whole of Lashio, the largest "
            "town in northern Shan State, after nearly a month of street fighting.\n"
            "In a statement posted late on Saturday, the group said the remaining government troops had either "
            "surrendered or fled.\n"
            "But on Monday military aircraft struck several wards of the town, killing five civilians, according to "
            "a local rescue team.")
    assert [(i.sub_event_type, i.place.name) for i in incidents(geoparser, text)
            if i.event_type == "Explosions/Remote violence"] == [("Air/drone strike", "Lashio")]
    # a paragraph between that names a place (a region here): the story may have moved on, so it is left alone
    moved = text.replace("surrendered or fled.", "surrendered or fled across Sagaing Region.")
    assert [i for i in incidents(geoparser, moved) if i.event_type == "Explosions/Remote violence"] == []


@pytest.mark.parametrize("text, expected", [
    ("Armed men killed 14 civilians on Monday in a village about 15 kilometres from Djibo.",
     [("Attack", "Djibo", 2)]),
    ("Fourteen civilians were killed on Monday when armed men opened fire on a market in a village about 15 "
     "kilometres from Djibo, residents said.", [("Attack", "Djibo", 2)]),
    # far from the town it is measured from: not coded there
    ("Armed men killed 14 civilians on Monday in a village about 150 kilometres from Djibo.", []),
])
def test_a_place_a_few_kilometres_from_a_town_is_near_it(geoparser, text, expected):
    assert [(i.sub_event_type, i.place.name, i.geo_precision) for i in incidents(geoparser, text)] == expected


def test_a_headlines_day_that_names_a_thing_does_not_date_its_other_clause(geoparser):
    """ "the Sunday market" dates the market's attack, not the drone strike the body tells on Monday."""
    text = ("Djibo: terror at the Sunday market, drone strike hits fighters near Arbinda\n"
            "Fourteen civilians were killed on Sunday when armed men opened fire on a weekly market in Djibo, "
            "residents said.\n"
            "The army responded on Monday. In a statement issued in Ouagadougou, the general staff said a drone "
            "strike had targeted a gathering of fighters near Arbinda, killing about twenty of them.")
    strikes = [i for i in incidents(geoparser, text, published=date(2025, 3, 12))
               if i.sub_event_type == "Air/drone strike"]
    assert {i.date.isoformat() for i in strikes} == {"2025-03-10"}


def test_a_headline_event_the_body_tells_only_elsewhere_is_the_bodys(geoparser):
    """The headline's "Bel Air" (a Port-au-Prince quarter the gazetteer places in France) is the body's strike in
    Port-au-Prince, not a second strike on the report day."""
    text = ("Police drone strike kills gang members in Bel Air\n"
            "PORT-AU-PRINCE, May 8 (Wire) - A police special unit carried out a drone strike on gang positions in "
            "Port-au-Prince on Tuesday, killing five suspected gang members, officials said.")
    assert [(i.place.name, i.date.isoformat()) for i in incidents(geoparser, text)] == [
        ("Port-au-Prince", "2025-05-06")]


@pytest.mark.parametrize("text, expected", [
    # from a helper's review of this session's rules, each once broken by a first version of them:
    # a headline event the body tells without its place, beside another event of its kind elsewhere, stays
    ("Russian missile strike kills 9 in Dnipro\nA Russian missile hit a residential building overnight, killing "
     "nine people including two children, regional governor Serhiy Lysak said.\nSeparately, Russian drones struck "
     "Kharkiv on Tuesday, wounding four civilians, officials said.",
     [("Shelling/artillery/missile attack", "Dnipro"), ("Air/drone strike", "Kharkiv")]),
    ("RSF shelling kills 15 in El Fasher\nShelling by the Rapid Support Forces killed 15 civilians including "
     "children on Wednesday, the local resistance committee said. In Omdurman, shelling killed 5 on Tuesday, "
     "medics said.", [("Shelling/artillery/missile attack", "El Fasher"), ("Shelling/artillery/missile attack",
                                                                            "Omdurman")]),
    # "a town in the province … the town hall" is another town, not the lead's
    ("Protest in Goma\nHundreds of residents marched in Goma on Monday to denounce insecurity, witnesses said, "
     "carrying banners that called for the departure of foreign troops from the province.\nPolice did not "
     "intervene. Shops were shut.\nOn Wednesday, protesters in a town in the province stormed the town hall, "
     "witnesses said.", [("Peaceful protest", "Goma")]),
    # what a crowd protests "over" is not where it marched
    ("Students protested on Tuesday over India building a dam on the Teesta river, police said.", []),
])
def test_the_thirteenth_sessions_rules_stay_within_their_reach(geoparser, text, expected):
    found = [(i.sub_event_type, i.place.name) for i in incidents(geoparser, text)]
    assert sorted(set(found)) == sorted(set(expected))


def test_a_strike_told_in_a_clause_of_its_own_place_and_day_is_its_own_event(geoparser):
    """The drone's clause hangs on "while in Kramatorsk a man was wounded on Sunday": its place and day, not the
    shelling's."""
    text = ("Artillery fire also hit neighbouring Druzhkivka overnight, damaging a gas pipeline, while in Kramatorsk "
            "a man was wounded on Sunday when a Russian drone hit a car park, the governor said.")
    found = incidents(geoparser, text, published=date(2025, 7, 22))
    assert [(i.sub_event_type, i.place.name, i.date.isoformat()) for i in found] == [
        ("Shelling/artillery/missile attack", "Druzhkivka", "2025-07-21"), ("Air/drone strike", "Kramatorsk",
                                                                               "2025-07-20")]


@pytest.mark.parametrize("text, expected", [
    # a day written out beats a weekday at the same distance (May 25, 2024 was that Saturday)
    ("The pattern recalls May 25, when two bombs gutted a hypermarket on Kharkiv's northern edge and killed 19 people "
     "on a busy Saturday afternoon.", "2024-05-25"),
    # a month written out does not: "regaining" is the army's, told on Saturday
    ("Sudan's army said on Saturday that its forces had entered Wad Madani, regaining the capital of Gezira state "
     "more than a year after it fell to the Rapid Support Forces in December 2023.", "2024-11-09"),
])
def test_a_day_written_out_wins_a_tie_between_dates(geoparser, text, expected):
    found = incidents(geoparser, text, published=date(2024, 11, 15))
    assert [i.date.isoformat() for i in found][:1] == [expected]


def test_a_mexican_state_by_its_short_name_is_the_state(geoparser):
    """ "Michoac\u00e1n" is the state (GeoNames names it "Michoac\u00e1n de Ocampo"), not a hamlet of 574 people in Chiapas."""
    found = incidents(geoparser, "Gunmen killed five police officers in Michoac\u00e1n on Monday, prosecutors said.")
    assert [(i.place.feature_code, i.place.country_code, i.geo_precision) for i in found] == [("ADM1", "MX", 3)]
