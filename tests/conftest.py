"""Shared fixtures: the seed article, the gazetteer store and one Geoparser per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "seeds"
SEED = SEED_DIR / "000_d8929dcea89d67b8.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def store():
    """The default gazetteer store (built on first use)."""
    from geomap.geocoding.store import open_store

    return open_store()


@pytest.fixture(scope="session")
def shipped_parser(store):
    """A Geoparser with the statistical model and the keep model, as shipped, loaded once for every test."""
    from geomap.pipeline import Geoparser

    parser = Geoparser()
    parser._store = store
    return parser


@pytest.fixture(scope="session")
def geoparser(shipped_parser):
    """The parser end-to-end tests use (a module that tests the rules alone overrides it with ``rules_parser``)."""
    return shipped_parser


@pytest.fixture(scope="session")
def rules_parser(shipped_parser):
    """The same model and gazetteer without the keep model: the rules' own incidents, for tests of the rules."""
    from geomap.pipeline import Geoparser

    parser = Geoparser(rescore=False)
    parser._nlp, parser._store = shipped_parser.nlp, shipped_parser.store
    return parser


@pytest.fixture(scope="session")
def seed_extraction(geoparser):
    from geomap.documents import read_documents

    return geoparser.extract(list(read_documents([SEED])))
