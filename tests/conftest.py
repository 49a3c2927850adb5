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
def geoparser(store):
    """A Geoparser with the statistical model, loaded once for every end-to-end test."""
    from geomap.pipeline import Geoparser

    parser = Geoparser()
    parser._store = store
    return parser


@pytest.fixture(scope="session")
def seed_extraction(geoparser):
    from geomap.documents import read_documents

    return geoparser.extract(list(read_documents([SEED])))
