from pathlib import Path

import pytest

from yusuan.model import Disclosure
from yusuan.read.text import read_text

SEED = Path(__file__).resolve().parents[3] / "examples" / "000_6562e89d941fc7ec.txt"


@pytest.fixture(scope="session")
def seed() -> Disclosure:
    return read_text(str(SEED), SEED.read_text(encoding="utf-8"))
