"""The seed twice: as the text reader reads it, and as built by hand (check_seed.py)."""

from __future__ import annotations

import pytest
from check_seed import SEED, seed_disclosure

from yusuan.model import Disclosure
from yusuan.read import read_document


@pytest.fixture(scope="session")
def read_seed() -> Disclosure:
    return read_document(SEED)


@pytest.fixture(scope="session")
def built_seed() -> Disclosure:
    return seed_disclosure()


@pytest.fixture(scope="session", params=["read", "built"])
def seed(request: pytest.FixtureRequest, read_seed: Disclosure, built_seed: Disclosure) -> Disclosure:
    return read_seed if request.param == "read" else built_seed
