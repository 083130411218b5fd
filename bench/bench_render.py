"""Time to build the disclosure in all four formats, against rendering its HTML only.

Run: .venv/bin/python bench/bench_render.py [repeats]

Two budgets: the example (examples/shuozhou-2025-budget.yaml, the seed unit) and a
department-sized budget (the example plus the line items of 29 more basic-spending lines per
code and 300 projects over every 项 of the code list, so that the tables run over many pages).
For each: `yusuan build` end to end (read, derive, check, render PDF+DOCX+XLSX+HTML), each
format alone, and the baseline measured in the same run: the HTML page alone (layout + markup,
no PDF engine). Prints seconds (best of the repeats) and ratios. Not a test; nothing asserted.
"""

from __future__ import annotations

import copy
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import yaml

from yusuan import api
from yusuan.derive import derive_disclosure, names_for
from yusuan.model import CodeKind, Disclosure
from yusuan.reference.codes import load_code_list
from yusuan.render.document import build_document
from yusuan.render.files import FORMATS, WRITERS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "shuozhou-2025-budget.yaml"


# no character repeats within a list: two names then share at most one word and the suffix
_FIRST = "档案 网络 安全 培训 宣传 审计 设备 物业 信息 监测 调查 规划 法律 应急 消防 会议 印刷 维修 绿化 数据"
_SECOND = "运维 采购 服务 保障 建设 管理 评估 咨询 租赁 检测 整治 改造 更新 防护 清洁"


def _project_name(index: int) -> str:
    """Distinct names (the checker matches sheets to projects by similar names, as OCR needs)."""
    first, second = _FIRST.split(), _SECOND.split()
    return f"{first[index % len(first)]}{second[index // len(first) % len(second)]}专项经费"


def _department_yaml(folder: Path, projects: int = 300) -> Path:
    """The example grown to a department's size, written as budget YAML (read like any input)."""
    raw = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    functional = sorted(c for c in load_code_list(2025).names[CodeKind.FUNCTIONAL] if len(c) == 7)
    economic = ["30201", "30207", "30211", "30213", "30214", "30299"]
    for index, code in enumerate(functional):
        raw["items"].append(
            {"funding": "一般公共预算", "functional": code, "nature": "基本支出", "economic": "30299",
             "amount": round(1 + index * 0.37, 2)}
        )  # fmt: skip
    template = raw["projects"][0]
    for index in range(projects):
        name = _project_name(index)
        raw["items"].append(
            {"funding": "一般公共预算", "functional": functional[index % len(functional)],
             "nature": "项目支出", "economic": economic[index % len(economic)], "project": name,
             "amount": round(2 + index * 0.13, 2)}
        )  # fmt: skip
        raw["projects"].append({**copy.deepcopy(template), "name": name, "overview": name})
    raw["prior_year"] = {"total": None, "general_expenditure": None, "three_public": 0}
    path = folder / "department.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _best(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _derived(path: Path) -> Disclosure:
    budget = api.read_budget(path)
    return derive_disclosure(budget, names_for(budget), budget.profile)


def _report(name: str, path: Path, repeats: int) -> None:
    disclosure = _derived(path)
    for fmt in FORMATS:  # warm up: imports, fontconfig, pango, font subsetting
        WRITERS[fmt](build_document(disclosure), False)
    baseline = _best(lambda: WRITERS["html"](build_document(disclosure), False), repeats)
    with tempfile.TemporaryDirectory() as folder:
        built = api.build(path, folder, formats=list(FORMATS))
        errors = sum(1 for f in built.report.findings if f.severity.value == "error")
        pages = len(pypdfium2.PdfDocument(Path(folder) / f"{path.stem}.pdf"))
        whole = _best(lambda: api.build(path, folder, formats=list(FORMATS)), repeats)
    rows = sum(len(t.rows) for t in disclosure.tables.values())
    print(f"## {name}: {len(disclosure.tables)} tables, {rows} rows, {pages} PDF pages, {errors} errors")
    print(f"baseline: HTML only (layout + markup)   {baseline * 1000:8.1f} ms")
    print(f"read + derive (Budget -> Disclosure)    {_best(lambda: _derived(path), repeats) * 1000:8.1f} ms")
    check = _best(lambda: api.check_disclosure(disclosure), repeats)
    print(f"check (every rule)                      {check * 1000:8.1f} ms  x{check / baseline:7.1f}")
    for fmt in FORMATS:
        seconds = _best(lambda f=fmt: WRITERS[f](build_document(disclosure), False), repeats)
        print(f"{fmt:5s} alone                      {seconds * 1000:8.1f} ms  x{seconds / baseline:7.1f}")
    print(f"yusuan build, all four formats          {whole * 1000:8.1f} ms  x{whole / baseline:7.1f}")


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    _report("example (seed unit)", EXAMPLE, repeats)
    with tempfile.TemporaryDirectory() as folder:
        _report("department-sized budget", _department_yaml(Path(folder)), repeats)
    print(f"(best of {repeats}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
