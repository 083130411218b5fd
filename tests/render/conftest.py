"""The seed's derived disclosure, rendered once per test session to all four formats."""

from __future__ import annotations

from pathlib import Path

import pytest
import seed_budget as seed

from yusuan.derive import derive_disclosure
from yusuan.model import Amount, Disclosure, Indicator, PerformanceTarget, Unit
from yusuan.render.files import FORMATS, render_files

SHEET = PerformanceTarget(
    project="24小时服务大厅免费服务费",
    department="033-朔州市朔城区行政审批服务管理局",
    implementing_unit=seed.UNIT,
    amount_yuan=Amount.parse("100,000", Unit.YUAN),
    annual_amount_yuan=Amount.parse("100,000", Unit.YUAN),
    project_kind="一次性项目（1年结束）",
    period="1年",
    goals={"implementation": "按要求保质保量完成", "annual": "按要求完成"},
    indicators=[
        Indicator("implementation", "产出指标", "数量指标", "项目数量", "1项"),
        Indicator("implementation", "产出指标", "质量指标", "验收合格率", "≥85%"),
        Indicator("annual", "满意度指标", "服务对象满意度", "办事群众满意度", "≥85%"),
    ],
)


@pytest.fixture(scope="session")
def disclosure() -> Disclosure:
    budget = seed.seed_budget()
    budget.performance_targets.append(SHEET)
    return derive_disclosure(budget, seed.NAMES)


@pytest.fixture(scope="session")
def rendered(disclosure: Disclosure, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rendered")
    paths = render_files(disclosure, folder, "seed", FORMATS)
    return {path.suffix[1:]: path for path in paths}
