"""How clauses, names and tallies in wire copy, NGO updates and regional papers decide what is an incident and where."""
from __future__ import annotations

import pytest

from incident_support import coded, incidents

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def geoparser(rules_parser):
    """These tests pin what the rules find; the keep model that scores them is tested in test_keep_model.py."""
    return rules_parser


# --- places -------------------------------------------------------------------------------------------------------

def test_a_name_with_and_inside_is_one_place(geoparser):
    """ "Jammu and Kashmir" is the division, not the town Jammu and the region Kashmir as two scenes."""
    text = "Two soldiers were killed in a gunfight with militants in Kishtwar district of Jammu and Kashmir on Monday."
    assert coded(geoparser, text) == [("Armed clash", "Kishtwār", "2025-06-23")]


def test_people_taken_from_a_village_were_taken_there(geoparser):
    """ "abducted 23 persons from Tsafe": "from" under a taking verb is the scene, not where someone came from."""
    text = "Armed bandits abducted 23 persons from Tsafe on Monday."
    assert coded(geoparser, text) == [("Abduction/forced disappearance", "Tsafe", "2025-06-23")]


def test_people_from_a_region_were_not_taken_there(geoparser):
    """Guard: "seized six construction workers from Punjab" names where they come from; the scene is Turbat."""
    text = ("On Monday, gunmen stopped a pickup truck near Turbat in Kech district and seized six construction "
            "workers from Punjab, police said.")
    assert [place for _, place, _ in coded(geoparser, text)] == ["Turbat"]


def test_a_local_government_area_tagged_as_an_organisation_is_its_seat(geoparser):
    """ "Tsafe Local Government Area" tagged ORG names the town Tsafe (9,000 people), as "Tsafe LGA" does."""
    text = ("Armed bandits on Monday night abducted 23 persons, including 11 women, from a farming community in "
            "Tsafe Local Government Area of Zamfara State.")
    assert [place for _, place, _ in coded(geoparser, text)] == ["Tsafe"]


def test_a_region_tagged_as_an_organisation_keeps_its_article(geoparser):
    """ "La Libertad region" tagged ORG is Peru's region, not "La" plus a Philippine town Libertad."""
    text = "The men were seized on April 26 in the Pataz district of La Libertad region, relatives said."
    found = incidents(geoparser, text)
    assert [(i.place.name, i.place.country_code) for i in found] == [("La Libertad", "PE")]


def test_a_ward_of_a_town_the_gazetteer_lacks_is_not_the_story_town(geoparser):
    """ "bombed a ward of Hsipaw, … which controls the town": "the town" is Hsipaw, not Lashio named earlier."""
    text = ("The MNDAA handed Lashio back to the military regime on Tuesday.\n"
            "On Sunday, a junta aircraft bombed a ward of Hsipaw, killing two residents, according to the Ta'ang "
            "National Liberation Army, which controls the town.")
    assert ("Air/drone strike", "Lashio", "2025-06-22") not in coded(geoparser, text)


def test_a_border_with_a_country_is_beside_it(geoparser):
    """ "in the market of Kolofata, close to the border with Nigeria": Cameroon's town, not Nigeria."""
    text = ("The raid came three days after a female suicide bomber blew herself up in the market of Kolofata, "
            "close to the border with Nigeria, on Sunday, killing four civilians, a security source said.")
    assert "Nigeria" not in [place for _, place, _ in coded(geoparser, text)]


def test_where_a_telling_was_gives_way_to_the_events_own_place(geoparser):
    """ "In Bamako, the army confirmed an attack on a convoy in the Timbuktu sector": the attack is at Timbuktu."""
    text = ('In Bamako, the army general staff confirmed "a complex attack" on a logistics convoy in the Timbuktu '
            "sector on Monday but gave no casualty figures.")
    assert [place for _, place, _ in coded(geoparser, text)] == ["Timbuktu"]


def test_a_country_named_under_its_capitals_dateline_is_the_country(geoparser):
    """ "Mexico's southern state of Guerrero" under a MEXICO CITY dateline: one killing, in Chilpancingo."""
    text = ("MEXICO CITY, June 23 (Reuters) - The newly installed mayor of Chilpancingo, capital of Mexico's "
            "southern state of Guerrero, was killed on Sunday, state authorities said.")
    assert [place for _, place, _ in coded(geoparser, text)] == ["Chilpancingo"]


# --- what is an event ---------------------------------------------------------------------------------------------

def test_a_day_range_is_no_scoreline(geoparser):
    """ "On 11-12 June … fought near Nekemte": a range of days, not a football score."""
    text = "- On 11-12 June, the Ethiopian National Defence Force and the OLA fought in rural kebeles near Nekemte."
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [("Armed clash", "Nek’emtē")]


def test_a_sport_scoreline_still_marks_sport(geoparser):
    """Guard: "came under attack … before winning 2-1" is football."""
    text = "Real Madrid came under attack in the second half in Madrid on Sunday before winning 2-1."
    assert coded(geoparser, text) == []


def test_a_clause_after_a_semicolon_does_not_negate_the_one_before(geoparser):
    """ "clashed on the outskirts of Kyaukme …; casualty figures were not available": the clash happened."""
    text = ("- MYANMAR: TNLA fighters and junta troops clashed on the outskirts of Kyaukme, northern Shan State, on "
            "22 June; casualty figures were not available.")
    assert coded(geoparser, text) == [("Armed clash", "Kyaukme", "2025-06-22")]


def test_a_persons_past_agreement_is_no_event(geoparser):
    """ "a former combatant who had signed the peace deal": who he was, not a deal made in the story."""
    text = ("On Monday, armed men went from house to house in El Tarra and killed five people, among them a former "
            "FARC combatant who had signed the peace deal.")
    assert [sub for sub, _, _ in coded(geoparser, text)] == ["Attack"]


def test_protesters_who_had_begun_a_sit_in_are_still_a_protest(geoparser):
    """Guard: "dispersed activists … who had begun a sit-in" is the protest police broke up."""
    text = ("In the provincial capital, police used batons and tear gas on Saturday afternoon to disperse activists "
            "who had begun a sit-in outside the Quetta Press Club.")
    assert ("Protest with intervention", "Quetta", "2025-06-21") in coded(geoparser, text)


def test_the_deadliest_year_with_its_dead_is_a_tally(geoparser):
    """ "2024 was the deadliest year …, with more than 680 personnel killed, mostly in Khyber Pakhtunkhwa"."""
    text = ("Figures from the interior ministry show that 2024 was the deadliest year for the country's security "
            "forces in nearly a decade, with more than 680 personnel killed, mostly in Khyber Pakhtunkhwa.")
    assert coded(geoparser, text) == []


def test_a_vague_count_across_a_region_is_a_tally(geoparser):
    """ "Gunmen kidnapped dozens of villagers across Zamfara State around the elections": many events counted;
    the gunmen are only its doers."""
    text = "Gunmen kidnapped dozens of villagers across Zamfara State around the elections, police said."
    assert coded(geoparser, text) == []


def test_gunmen_who_only_threatened_did_nothing(geoparser):
    """ "Gunmen threatened to attack villages": the armed men of a threat are no attack of their own."""
    assert coded(geoparser, "Gunmen threatened to attack villages in Tsafe on Monday.") == []


def test_a_killing_across_a_country_on_a_day_is_an_event(geoparser):
    """Guard: "killed dozens of people across Ukraine on Monday" is one day's strikes."""
    text = "Russian strikes killed dozens of people across Ukraine on Monday."
    assert [sub for sub, _, _ in coded(geoparser, text)] == ["Air/drone strike"]


def test_a_demand_that_someone_withdraw_is_no_withdrawal(geoparser):
    """Guard: "demands that Ukraine withdraw from the Donetsk, Luhansk … regions": what Moscow wants, not done."""
    text = ("The Russian document, published by state media, demands that Ukraine withdraw from the Donetsk, "
            "Luhansk, Zaporizhzhia and Kherson regions and renounce NATO membership.")
    assert coded(geoparser, text) == []


def test_a_state_of_control_is_no_takeover_but_a_claim_of_it_is(geoparser):
    """Guard: "Rebels still control Goma" is a state; "the M23 say they control Goma" after pushing in is its fall."""
    assert coded(geoparser, "- Rebels still control Goma and Bukavu; aid agencies warn of funding collapse") == []
    text = ("09:40 - Rebels of the Rwanda-backed M23 say they control Goma, after their fighters pushed into the "
            "city centre overnight into Monday.")
    assert [place for _, place, _ in coded(geoparser, text)] == ["Goma"]


def test_a_definite_event_that_took_place_somewhere_looks_back(geoparser):
    """ "… killed a woman. The attack took place in a settlement near Tepalcatepec": where, told again."""
    text = ("TEPALCATEPEC, Mich. - Residents of the ranches around Tepalcatepec spent Tuesday afternoon hiding under "
            "their beds. At about four o'clock, at least three drones appeared over the houses and dropped explosive "
            "charges, one of which went through the tin roof of a house and killed a 62-year-old woman, her "
            "neighbours told this newspaper. The attack took place in a settlement about ten kilometres from the "
            "municipal seat, near the town of Tepalcatepec.")
    assert len(coded(geoparser, text)) == 1


def test_an_arrest_over_a_kidnapping_is_an_arrest(geoparser):
    """ "arrested a member of the gang believed to be behind the kidnapping in the city of Trujillo"."""
    text = ("Thirteen security guards were abducted near Pataz on June 14, relatives said. On Monday, police "
            "arrested a suspected member of the gang believed to be behind the kidnapping in the city of Trujillo.")
    assert ("Arrests", "Trujillo", "2025-06-23") in coded(geoparser, text)
    assert [place for _, place, _ in coded(geoparser, text)].count("Trujillo") == 1


def test_a_first_telling_of_who_was_behind_an_attack_is_the_event(geoparser):
    """Guard: "separatists said they were behind the bombing of a passenger train near Sibi" tells it first."""
    text = "Baloch separatists said on Monday they were behind the bombing of a passenger train near Sibi."
    assert [place for _, place, _ in coded(geoparser, text)] == ["Sibi"]


def test_a_battle_running_since_a_day_is_kept(geoparser):
    """ "have been clashing since Monday in the hills near Amatenango": a battle going on, not a running total."""
    text = ("Gunmen from the Sinaloa and Jalisco cartels have been clashing since Monday in the hills near "
            "Amatenango de la Frontera, residents said.")
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [("Armed clash", "Amatenango de la Frontera")]


def test_a_toll_running_since_a_day_is_not(geoparser):
    """Guard: "have been killed since the truce took effect" is a running total."""
    text = "At least 40 people have been killed in Khartoum since the truce took effect on Monday."
    assert coded(geoparser, text) == []


# --- types --------------------------------------------------------------------------------------------------------

def test_a_force_withdrawing_and_handing_a_town_back_transfers_it(geoparser):
    """ "withdrew its forces from Lashio and handed the … town back to the military": a non-violent transfer."""
    text = ("The Myanmar National Democratic Alliance Army (MNDAA) withdrew its forces from Lashio on Tuesday and "
            "handed the northern Shan State town back to the military regime.")
    assert coded(geoparser, text) == [("Non-violent transfer of territory", "Lashio", "2025-06-24")]


def test_a_withdrawal_under_way_is_not_yet_a_transfer(geoparser):
    """Guard: "announced it was withdrawing its forces from Walikale" is a plan."""
    text = "On 22 June, the M23 announced it was withdrawing its forces from Walikale."
    assert coded(geoparser, text) == []


def test_gangs_taking_control_of_a_town_overtake_it(geoparser):
    """ "Gangs attacked Mirebalais, freeing inmates and taking control of the town": the gangs took it."""
    text = ("Gangs attacked the central Haitian town of Mirebalais on Monday, freeing more than 500 inmates from its "
            "prison and taking control of the town, authorities and residents said.")
    assert ("Non-state actor overtakes territory", "Mirebalais", "2025-06-23") in coded(geoparser, text)


def test_an_attack_on_a_base_is_a_battle_whatever_it_disrupted(geoparser):
    """ "NSAG attack on military base in Monguno disrupts humanitarian movements": the base was the target."""
    text = "• Non-state armed group (NSAG) attack on military base in Monguno disrupts humanitarian movements"
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [("Armed clash", "Monguno")]


def test_protesters_tearing_down_a_statue_riot(geoparser):
    """ "protesters in Coro tore down a statue … and dragged it": property destroyed by the crowd, not tear gas."""
    text = ("14:50 - Images verified by our team show that protesters in Coro tore down a statue of Hugo Chávez "
            "overnight and dragged it through the street.")
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [("Violent demonstration", "Coro")]


def test_police_moving_down_an_avenue_with_tear_gas_intervene(geoparser):
    """Guard: "moved down Rustaveli Avenue … using water cannon and tear gas" is police action, not a riot."""
    text = ("00:20 - Riot police have moved down Rustaveli Avenue in central Tbilisi using water cannon and tear gas "
            "to push back thousands of demonstrators gathered outside parliament.")
    assert [sub for sub, _, _ in coded(geoparser, text)] == ["Protest with intervention"]


def test_a_place_inside_an_organisations_name_is_not_the_scene(geoparser):
    """ "members of the Bangladesh Chhatra League fought pitched battles": a group named after the country; the
    deaths were in Chattogram."""
    text = ("Police said three people died in Chattogram on Tuesday as protesters and members of the Bangladesh "
            "Chhatra League fought pitched battles with sticks, stones and homemade bombs near a railway station.")
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [("Violent demonstration", "Chattogram")]


def test_similar_clashes_are_of_the_kind_just_told(geoparser):
    """ "Two people were killed in similar clashes in Dhaka": the students' riot again, not a battle."""
    text = ("Police said three people died in Chattogram on Tuesday as protesters and members of the Bangladesh "
            "Chhatra League fought pitched battles with sticks, stones and homemade bombs near a railway station. "
            "Two people were killed in similar clashes in Dhaka, one of them a passer-by.")
    assert [sub for sub, _, _ in coded(geoparser, text)] == ["Violent demonstration"] * 2


def test_attacks_reviving_fears_are_a_headline_about_them(geoparser):
    """ "- Attacks revive fears of a jihadist resurgence in Borno": a reaction to events, no event."""
    assert coded(geoparser, "- Attacks revive fears of a jihadist resurgence in Borno after months of calm") == []


def test_a_definite_event_that_followed_another_was_told_before(geoparser):
    """ "The ambush followed Sunday's massacre near Gagangir": the massacre is coded; the ambush was, earlier."""
    text = ("Militants ambushed an army vehicle near Gulmarg on Thursday, killing two soldiers and two porters.\n"
            "The ambush followed Sunday's massacre at a tunnel construction camp near Gagangir in Ganderbal "
            "district, where gunmen opened fire on workers, killing a doctor and six labourers.")
    assert [place for _, place, _ in coded(geoparser, text)].count("Ganderbal") <= 1
    assert "Armed clash" not in [sub for sub, place, _ in coded(geoparser, text) if place == "Ganderbal"]


def test_a_first_telling_that_followed_threats_is_the_event(geoparser):
    """Guard: "The bombing of a packed market in Kabul followed weeks of threats": no violence told before it."""
    text = ("The bombing of a packed market in Kabul's Dasht-e-Barchi neighbourhood on Monday followed weeks of "
            "threats by Islamic State.")
    assert [place for _, place, _ in coded(geoparser, text)] == ["Kabul"]


def test_gunmen_trading_shots_with_police_fight_them(geoparser):
    """Guard: "Gunmen traded shots with municipal police": the police were the target, a clash."""
    text = "SALAMANCA — Gunmen traded shots with municipal police in the community of Valtierrilla on Sunday afternoon."
    assert [sub for sub, _, _ in coded(geoparser, text)] == ["Armed clash"]


def test_an_encounter_that_took_place_is_a_clash(geoparser):
    """ "an encounter took place in the forests of Narayanpur district in which five Maoist cadres were
    neutralised": South Asian usage for a gunfight."""
    text = ("Chhattisgarh police said that on Saturday an encounter took place in the forests of Narayanpur "
            "district in which five uniformed Maoist cadres were neutralised.")
    assert [sub for sub, _, _ in coded(geoparser, text)] == ["Armed clash"]


def test_an_army_attacking_fights(geoparser):
    """ "Russian forces attacked within Pokrovsk": armies attack armies, a battle, not violence against civilians."""
    text = "Pokrovsk direction: Russian forces attacked within Pokrovsk and near Rodynske on June 25."
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [("Armed clash", "Pokrovsk")]


def test_rebels_named_forces_attacking_villagers_attack_civilians(geoparser):
    """Guard: "Allied Democratic Forces (ADF) rebels hacked and shot twenty-one villagers" is an attack on civilians."""
    text = ("BENI, Congo - Suspected Allied Democratic Forces (ADF) rebels hacked and shot twenty-one villagers to "
            "death in an overnight raid near Beni in North Kivu on Tuesday.")
    assert "Armed clash" not in [sub for sub, _, _ in coded(geoparser, text)]


def test_a_fire_set_by_drones_is_the_strike(geoparser):
    """ "Ukrainian drones set fire to a fuel terminal at Ust-Luga": the strike, not property destroyed by people."""
    text = ("MOSCOW, June 26 (Reuters) - Ukrainian drones set fire to a fuel terminal at the Baltic port of Ust-Luga "
            "overnight, Russian officials said on Thursday.")
    assert [sub for sub, _, _ in coded(geoparser, text)] == ["Air/drone strike"]


def test_a_fire_set_by_rioters_is_still_theirs(geoparser):
    """Guard: "Rioters set fire to a police station" is the crowd's doing."""
    assert [sub for sub, _, _ in coded(geoparser, "Rioters set fire to a police station in Hartlepool on Monday.")
            ] == ["Violent demonstration"]


def test_one_of_the_largest_attacks_launched_is_the_event(geoparser):
    """ "Russia launched one of its largest drone attacks of the war overnight, killing two people in Kyiv": the
    superlative ranks the event told, not one it is compared with."""
    text = ("KYIV, June 26 (Reuters) - Russia launched one of its largest drone attacks of the war on Ukraine "
            "overnight, killing two people in Kyiv and setting fires across the capital, officials said.")
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [("Air/drone strike", "Kyiv")]


def test_explosions_heard_after_a_strike_are_its_sound(geoparser):
    """ "In Kyiv, explosions echoed for nearly seven hours", after the strikes are told: no bombing of its own."""
    text = ("KYIV, June 26 (Reuters) - Russian drones and missiles struck Kyiv overnight, killing two people, "
            "officials said.\nIn Kyiv, explosions echoed for nearly seven hours.")
    assert len(coded(geoparser, text)) == 1


def test_a_capitalised_plural_tagged_as_an_organisation_is_the_weapon(geoparser):
    """ "Drones also hit a port warehouse in Odesa" with "Drones" tagged ORG: a drone strike, not shelling."""
    text = ("In Dnipro, a ballistic missile struck an industrial area on Wednesday, injuring five workers. Drones also "
            "hit a port warehouse in Odesa, damaging a grain terminal, the regional administration said.")
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [
        ("Shelling/artillery/missile attack", "Dnipro"), ("Air/drone strike", "Odesa")]


def test_a_police_force_named_after_a_place_leaves_the_paragraphs_town(geoparser):
    """ "Cleveland Police said a patrol car was set on fire": the force's name is no town of the sentence; the riot
    is in Hartlepool, where the paragraph is."""
    text = ("In Hartlepool, a crowd of several hundred gathered on Murray Street shortly after 8pm on Wednesday. "
            "Cleveland Police said a patrol car was set on fire, windows of homes were smashed and officers were "
            "pelted with eggs, bottles and bricks.")
    assert [(sub, place) for sub, place, _ in coded(geoparser, text)] == [("Violent demonstration", "Hartlepool")]


def test_injuries_consistent_with_assault_are_a_finding(geoparser):
    """ "an autopsy found injuries consistent with assault": what the autopsy found, not a fight."""
    text = ("Police in Nairobi initially said he had injured himself, but an autopsy on Monday found injuries "
            "consistent with assault.")
    assert "Armed clash" not in [sub for sub, _, _ in coded(geoparser, text)]


def test_people_struck_with_no_weapon_named_were_attacked(geoparser):
    """ "John and Yvette Hoffman were both struck multiple times": shot, not an air or missile strike."""
    text = "John and Yvette Hoffman were both struck multiple times in Champlin on Saturday and taken to hospital."
    assert [sub for sub, _, _ in coded(geoparser, text)] == ["Attack"]
