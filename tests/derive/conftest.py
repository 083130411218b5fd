import pytest
from seed_budget import NAMES, seed_budget

from yusuan.derive import derive_disclosure
from yusuan.model import Disclosure


@pytest.fixture(scope="module")
def seed_disclosure() -> Disclosure:
    return derive_disclosure(seed_budget(), NAMES)
