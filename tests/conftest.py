"""Shared test fixtures: the bundled seed and a small hand-built disclosure."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from yusuan.model import (
    Amount,
    Cell,
    CellStatus,
    Column,
    Disclosure,
    DocumentFacts,
    Kind,
    Row,
    Scope,
    Section,
    Source,
    Table,
    Unit,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_6562e89d941fc7ec.txt"
CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The run's parsed-YAML cache (yusuan.reference.yaml_cache) starts empty in a folder of its
    own, for this process and the processes the tests start: not the developer's ~/.cache."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


def _cell(text: str, line: int) -> Cell:
    amount = Amount.parse(text, Unit.WAN)
    status = CellStatus.VALUE if amount is not None else CellStatus.BLANK
    return Cell(text=text, amount=amount, status=status, source=Source("t.txt", line=line))


@pytest.fixture
def small_disclosure() -> Disclosure:
    """Two rows of the seed's 支出总表, built by hand."""
    columns = [Column("total", "合计"), Column("basic", "基本支出"), Column("project", "项目支出")]
    rows = [
        Row(
            "合计",
            [_cell("341. 11", 10), _cell("194. 21", 10), _cell("146. 90", 10)],
            source=Source("t.txt", line=10),
        ),
        Row(
            "事业运行",
            [_cell("146. 17", 11), _cell("146.17", 11), _cell("", 11)],
            code="2010350",
            source=Source("t.txt", line=11),
        ),
    ]
    table = Table(
        id="expenditure",
        title="2025年预算支出总表",
        unit=Unit.WAN,
        columns=columns,
        rows=rows,
        unit_name="朔州市朔城区数字政府服务中心",
    )
    facts = DocumentFacts(
        unit="朔州市朔城区数字政府服务中心",
        year=2025,
        kind=Kind.BUDGET,
        scope=Scope.UNIT,
        profile="shanxi",
        currency_unit=Unit.WAN,
        title="2025年度单位预算公开",
    )
    return Disclosure(
        facts=facts,
        tables={"expenditure": table},
        sections=[Section("expenditure", "支出预算情况说明", "支出预算341.11万元。", part="情况说明")],
        source_file="t.txt",
    )
