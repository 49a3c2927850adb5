"""normalize: the one key used to index and look up names."""
from hypothesis import given, strategies as st

from geomap.geocoding.names import is_latin, normalize


def test_transliterates_and_casefolds():
    assert normalize("Kyïv") == "kyiv"
    assert normalize("KYIV") == "kyiv"
    assert normalize("Київ") == normalize("Kiiv")
    assert normalize("Zaporizhzhia") == "zaporizhzhia"
    assert normalize("Straße") == "strasse"


def test_punctuation_and_hyphens_become_single_spaces():
    assert normalize("Ivano-Frankivsk") == "ivano frankivsk"
    assert normalize("  Rostov-on-Don ") == "rostov on don"
    assert normalize("Washington,  D.C.") == "washington d c"


def test_apostrophes_vanish():
    assert normalize("Ma'rib") == "marib"
    assert normalize("Ma\u2019rib") == "marib"
    assert normalize("Sana\u02bca") == "sanaa"


def test_abbreviations_keep_dots_out():
    assert normalize("U.S.") == "u s"
    assert normalize("US") == "us"
    assert normalize("W.Va.") == "w va"


def test_leading_the_is_dropped_only_as_a_word():
    assert normalize("The Hague") == "hague"
    assert normalize("the Dnieper River") == "dnieper river"
    assert normalize("Thessaloniki") == "thessaloniki"
    assert normalize("the") == "the"


def test_is_latin():
    assert is_latin("Kyïv") and is_latin("Kyiv")
    assert not is_latin("Київ") and not is_latin("كييف")


@given(st.text(max_size=40))
def test_idempotent_and_ascii(text):
    once = normalize(text)
    assert normalize(once) == once
    assert once.isascii()
    assert once == once.strip() and "  " not in once


def test_repeated_leading_the():
    assert normalize("the the Hague") == "hague"
