"""The toponym matcher component: NER entities + gazetteer evidence → doc.spans["geomap_toponyms"].

NER output is simulated on spacy.blank("en") by setting doc.ents, so no statistical model is needed; one
end-to-end test runs the real model.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from geomap.models import Document
from geomap.nlp.pipeline import GOLD_KEY, MATCHER, RESOLVER, SPAN_KEY, load_pipeline, make_doc, parse
from test_resolve import tiny_store  # noqa: F401  (session fixture)


@pytest.fixture(scope="module")
def blank(tiny_store):  # noqa: F811
    return load_pipeline(tiny_store, "none")


def _run(nlp, text: str, ents: list[tuple[str, str]] = ()) -> Doc:
    """Tokenise, set NER entities by (text, label) as a model would, then run the geomap components."""
    doc = nlp.make_doc(text)
    spans, pos = [], 0
    for phrase, label in ents:
        start = text.index(phrase, pos)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
        pos = start + len(phrase)
    if ents:
        doc.ents = spans
    for name in ("sentencizer", MATCHER, RESOLVER):
        doc = nlp.get_pipe(name)(doc)
    return doc


def _found(doc: Doc) -> list[tuple[str, str]]:
    return [(s.text, s.label_) for s in doc.spans[SPAN_KEY]]


def test_pipeline_has_components_and_extensions(blank):
    assert blank.pipe_names[-2:] == [MATCHER, RESOLVER]
    assert Span.has_extension("geomap_place") and Span.has_extension("geomap_confidence")
    assert Span.has_extension("geomap_explanation")


def test_ner_places_are_kept_and_resolved(blank):
    doc = _run(blank, "Officials in Kyiv and France met.", [("Kyiv", "GPE"), ("France", "GPE")])
    assert _found(doc) == [("Kyiv", "GPE"), ("France", "GPE")]
    assert [s._.geomap_place.gazetteer_id for s in doc.spans[SPAN_KEY]] == ["t:kyiv", "t:fr"]
    assert all(0 < s._.geomap_confidence <= 1 for s in doc.spans[SPAN_KEY])


def test_person_label_overruled_by_event_noun(blank):
    doc = _run(blank, "Investigators said the Balashikha bombing killed two.", [("Balashikha", "PERSON")])
    assert _found(doc) == [("Balashikha", "GPE")]
    assert doc.spans[SPAN_KEY][0]._.geomap_place.gazetteer_id == "t:balashikha"


def test_person_label_kept_for_a_plain_person(blank):
    doc = _run(blank, "Paris Hilton arrived yesterday.", [("Paris Hilton", "PERSON")])
    assert _found(doc) == []


def test_possessive_org_yields_the_country(blank):
    doc = _run(blank, "Russia's General Staff said so.", [("Russia's General Staff", "ORG")])
    assert _found(doc) == [("Russia", "GPE")]


def test_place_known_elsewhere_overrules_person(blank):
    text = "Moscow said the talks failed. Later Moscow confirmed."
    doc = _run(blank, text, [("Moscow", "GPE"), ("Moscow", "PERSON")])
    assert _found(doc) == [("Moscow", "GPE"), ("Moscow", "GPE")]


def test_leading_the_and_river(blank):
    doc = _run(blank, "Troops crossed the Dnieper River at dawn.", [("the Dnieper River", "LOC")])
    assert _found(doc) == [("Dnieper River", "LOC")]
    assert doc.spans[SPAN_KEY][0]._.geomap_place.feature_class == "H"


def test_demonym_norp_maps_to_country(blank):
    doc = _run(blank, "Ukrainian officials said.", [("Ukrainian", "NORP")])
    assert _found(doc) == [("Ukrainian", "NORP")]
    assert doc.spans[SPAN_KEY][0]._.geomap_place.gazetteer_id == "t:ua"


def test_gazetteer_finds_what_ner_missed_with_guards(blank):
    doc = _run(blank, "Strikes hit Pokrovsk and Donetsk on Monday. Will said it was over.")
    texts = [t for t, _ in _found(doc)]
    assert "Pokrovsk" in texts and "Donetsk" in texts and "Will" not in texts and "Monday" not in texts


def test_with_ner_present_gazetteer_needs_a_cue(blank):
    """A model that saw "Pokrovsk" and did not call it a place is believed unless a cue says otherwise."""
    doc = _run(blank, "Crews hit Pokrovsk. Strikes in Pokrovsk went on.", [("Crews", "ORG")])
    assert [s.start_char for s in doc.spans[SPAN_KEY]] == [text_index("Strikes in Pokrovsk", doc.text) + 11]


def text_index(phrase: str, text: str) -> int:
    return text.index(phrase)


def test_sentence_initial_place_with_event_noun(blank):
    doc = _run(blank, "Kyiv strikes continued overnight.")
    assert _found(doc) == [("Kyiv", "GAZ")]


def test_lone_ner_place_words_that_are_names_or_common_words_are_dropped(blank):
    text = "Tom Paris spoke. Paris said the North was quiet; troops in Paris waited."
    doc = _run(blank, text, [("Tom Paris", "PERSON"), ("Paris", "GPE"), ("North", "LOC"), ("Paris", "GPE")])
    assert [(s.text, s.start_char) for s in doc.spans[SPAN_KEY]] == [("Paris", text.rindex("Paris"))]


def test_ap_state_and_derived_demonym(blank):
    doc = _run(blank, "He lives in Moscow, Calif. and Kenyans agreed.", [("Moscow", "GPE"), ("Calif.", "GPE"),
                                                                         ("Kenyans", "NORP")])
    found = _found(doc)
    assert ("Calif.", "GPE") in found and ("Kenyans", "NORP") not in found  # no Kenya in the tiny store
    assert doc.spans[SPAN_KEY][0]._.geomap_place.gazetteer_id == "t:moscow-id"  # a US town: California is named


def test_lone_person_word_that_is_a_town_and_nobodys_name(blank):
    doc = _run(blank, "Officials said Balashikha was quiet.", [("Balashikha", "PERSON")])
    assert _found(doc) == [("Balashikha", "GPE")]
    doc = _run(blank, "Ivan Balashikha said he was quiet. Balashikha left.",
               [("Ivan Balashikha", "PERSON"), ("Balashikha", "PERSON")])
    assert _found(doc) == []


def test_dateline_in_capitals(blank):
    doc = _run(blank, "KYIV, Ukraine - Officials met. WEATHER was fine.", [("Ukraine", "GPE")])
    assert ("KYIV", "GAZ") in _found(doc) and all(t != "WEATHER" for t, _ in _found(doc))


def test_demonym_heading_an_organisation(blank):
    doc = _run(blank, "The Russian Navy said so.", [("The Russian Navy", "ORG")])
    assert _found(doc) == [("Russian", "NORP")]


def test_street_named_after_a_place_is_a_street(blank):
    doc = _run(blank, "The fire was on Paris Street near the school.", [("Paris", "GPE")])
    assert _found(doc) == [("Paris Street", "FAC")]
    assert doc.spans[SPAN_KEY][0]._.geomap_place is None


def test_named_streets_are_toponyms_even_unknown_to_the_gazetteer(blank):
    doc = _run(blank, "The crash on Darby Street closed City Hall.", [("Darby Street", "FAC"), ("City Hall", "FAC")])
    assert _found(doc) == [("Darby Street", "FAC")]
    assert doc.spans[SPAN_KEY][0]._.geomap_place is None


def test_gold_spans_replace_ner(blank, tiny_store):  # noqa: F811
    text = "Police in Moscow, Idaho said."
    document = Document(id="d1", text=text, toponyms=((10, 16), (18, 23)))
    [(out, doc)] = list(parse(blank, [document]))
    assert out is document
    assert _found(doc) == [("Moscow", "GOLD"), ("Idaho", "GOLD")]
    assert doc.spans[SPAN_KEY][0]._.geomap_place.gazetteer_id == "t:moscow-id"
    assert make_doc(blank, document).user_data[GOLD_KEY] == ((10, 16), (18, 23))


def test_parse_keeps_input_order(blank):
    documents = [Document(id=str(i), text=f"News from Kyiv number {i}.") for i in range(5)]
    assert [d.id for d, _ in parse(blank, documents, batch_size=2)] == ["0", "1", "2", "3", "4"]


def test_component_without_store_fails_clearly():
    from geomap.errors import GazetteerError
    from geomap.nlp import resolver, toponyms  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe(MATCHER)
    with pytest.raises(GazetteerError):
        nlp("Kyiv")


@pytest.mark.e2e
def test_statistical_model_end_to_end(tiny_store):  # noqa: F811
    nlp = load_pipeline(tiny_store, "auto")
    assert "ner" in nlp.pipe_names and "parser" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names
    doc = nlp("Ukrainian officials said the Balashikha bombing killed two. Police in Moscow, Idaho said.")
    found = {s.text: s._.geomap_place for s in doc.spans[SPAN_KEY]}
    assert found["Balashikha"].gazetteer_id == "t:balashikha"
    assert found["Moscow"].gazetteer_id == "t:moscow-id"
    assert found["Ukrainian"].gazetteer_id == "t:ua"


def _e2e_names(geoparser, text: str) -> set[str]:
    from datetime import date as _date

    from geomap.models import Document

    extraction = geoparser.extract([Document("t", text, published=_date(2025, 1, 10))])
    return {m.text for m in extraction.mentions if m.place is not None}


@pytest.mark.e2e
@pytest.mark.parametrize("text, name", [
    ("Kharkiv was hit by drones overnight, the mayor said.", "Kharkiv"),
    ("Nikopol came under artillery fire again, the governor said.", "Nikopol"),
    ("Shelling of Nikopol killed one man.", "Nikopol"),
    ("Lyon police arrested three men after a stabbing.", "Lyon"),
    ("Drones attacked Kursk and Bryansk regions overnight.", "Kursk"),
    ("Security forces clashed with militants in Dera Ismail Khan district.", "Dera Ismail Khan"),
    ("The Rapid Support Forces shelled El Fasher on Tuesday.", "El Fasher"),
])
def test_places_in_conflict_phrasings(geoparser, text, name):
    assert name in _e2e_names(geoparser, text)


@pytest.mark.e2e
@pytest.mark.parametrize("text, word", [
    ("Surprise was the main reaction among officials.", "Surprise"),
    ("Independence was declared in 1991.", "Independence"),
    ("Fighting between ELN guerrillas and FARC dissidents continued.", "ELN"),
    ("The Rapid Support Forces denied the report.", "Rapid"),
    ("Peace talks will resume. Increase in attacks worried officials.", "Peace"),
])
def test_common_words_and_acronyms_are_not_places(geoparser, text, word):
    assert not any(word in name for name in _e2e_names(geoparser, text))


@pytest.mark.e2e
@pytest.mark.parametrize("text, name", [
    ("Three people were killed when Russian aircraft dropped guided bombs on Kostiantynivka overnight.", "Kostiantynivka"),
    ("Ukrainian drones struck the Novokuibyshevsk oil refinery early on Wednesday.", "Novokuibyshevsk"),
    ("Several hundred people rallied on Wednesday evening on Kharkiv's Freedom Square.", "Kharkiv"),
])
def test_places_ner_calls_organisations_are_overruled_by_where_they_stand(text, name):
    from geomap.geocoding.store import open_store
    from geomap.nlp.pipeline import SPAN_KEY, load_pipeline

    doc = load_pipeline(open_store())(text)
    assert name in [s.text for s in doc.spans[SPAN_KEY]]


def test_a_name_tagged_as_a_date_is_a_place_when_the_gazetteer_and_a_cue_agree(blank):
    """The small model tags some unfamiliar towns DATE ("near Turbat"); a real date keeps its label."""
    doc = _run(blank, "Gunmen stopped a truck near Pokrovsk on Monday.", [("Pokrovsk", "DATE"), ("Monday", "DATE")])
    assert _found(doc) == [("Pokrovsk", "GPE")]


def test_a_division_word_after_a_name_is_a_cue(blank):
    """ "Pokrovsk district": with NER present and no preposition, the division noun still says place."""
    doc = _run(blank, "Crews said Pokrovsk district was shelled.", [("Crews", "ORG")])
    assert [t for t, _ in _found(doc)] == ["Pokrovsk"]


def test_a_direction_between_the_preposition_and_the_name_keeps_the_cue(blank):
    """ "in northern Pokrovsk" tagged ORG by the model: the preposition before "northern" still says place."""
    doc = _run(blank, "Shells landed in northern Pokrovsk on Monday.", [("Pokrovsk", "ORG")])
    assert _found(doc) == [("Pokrovsk", "GPE")]


def test_a_town_swallowed_by_a_time_entity(blank):
    doc = _run(blank, "Drones launched at Odesa overnight were shot down.", [("Odesa overnight", "TIME")])
    assert _found(doc) == [("Odesa", "GPE")]
    # but a weekday or month the tagger reads as a time stays one
    assert _found(_run(blank, "It happened Monday night in the end.", [("Monday night", "TIME")])) == []
