"""One set of conventions over every command: -o/--output, Chinese or English values, exit codes
0/1/2 in every help and never a traceback, --version, python -m yusuan, a command's own usage."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from yusuan.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_6562e89d941fc7ec.txt"
WORKBOOK = ROOT / "examples" / "shuozhou-2025-budget.xlsx"
PDF = ROOT / "tests" / "corpus" / "shanghai-mof-bureau-2025-unit-budget.pdf"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yusuan", *args], capture_output=True, text=True, timeout=120
    )


def test_version_and_python_dash_m() -> None:
    done = run("--version")
    assert done.returncode == 0 and done.stdout.startswith("yusuan ") and done.stdout.strip()[-1].isdigit()


def test_an_unknown_option_shows_the_commands_own_usage() -> None:
    done = run("check", str(SEED), "--bogus")
    assert done.returncode == 2
    assert "usage: yusuan check" in done.stderr and "--bogus" in done.stderr


def test_every_command_documents_the_exit_codes() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert len(commands.choices) >= 8
    for name, sub in commands.choices.items():
        text = sub.format_help()
        flat = " ".join(text.split())
        assert "退出码 exit codes: 0" in flat and "1 发现错误" in flat and "2 无法完成" in flat, name


def test_export_takes_o_and_keeps_to_and_writes_csv_with_a_bom(tmp_path: Path) -> None:
    assert main(["export", str(SEED), "-o", str(tmp_path / "a")]) == 0
    assert main(["export", str(SEED), "--to", str(tmp_path / "b")]) == 0
    first = (tmp_path / "a" / "overview.csv").read_bytes()
    assert first == (tmp_path / "b" / "overview.csv").read_bytes() and first.startswith(b"\xef\xbb\xbf")


def test_export_onto_a_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "taken.txt"
    target.write_text("mine", encoding="utf-8")
    done = run("export", str(SEED), "-o", str(target))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1 and "不是目录" in done.stderr
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("value", ["事业", "public_institution", "PUBLIC_INSTITUTION"])
def test_unit_type_in_chinese_or_english(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED), "--unit-type", value, "--json"]) in (0, 1)
    assert '"findings"' in capsys.readouterr().out


def test_level_in_chinese_or_english(capsys: pytest.CaptureFixture[str]) -> None:
    answers = []
    for level in ("county", "县级", "县", "镇级"):
        args = ["procure", "--code", "A02010105", "--scheme", "2022", "--amount", "50万元"]
        assert main([*args, "--level", level, "--region", "140602", "--date", "2023-06-01", "--json"]) == 0
        answers.append(capsys.readouterr().out)
    assert answers[0] == answers[1] == answers[2] != answers[3]  # 镇级 is no level: a review
    assert '"route": "centralized_agency"' in answers[0]


def test_explain_a_family(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("arithmetic", "A", "表内运算"):
        assert main(["explain", name]) == 0
        out = capsys.readouterr().out
        assert out.startswith("A arithmetic") and "\nA101  " in out and "\nA102  " in out
    assert main(["explain", "nonsense"]) == 2


def test_a_budget_workbook_given_to_check_points_to_build(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(WORKBOOK)]) == 2
    err = capsys.readouterr().err
    assert "yusuan build" in err and err.count("\n") == 1
    assert main(["check", str(SEED.with_name("shuozhou-2025-budget.yaml"))]) == 2
    assert "yusuan build" in capsys.readouterr().err


def test_check_on_a_pdf_imports_only_what_it_uses() -> None:
    heavy = [
        "openpyxl", "docx", "numpy", "weasyprint", "xlsxwriter", "jsonschema",
        "yusuan.derive", "yusuan.render", "yusuan.procurement", "yusuan.reference.procurement",
        "sqlalchemy", "alembic", "fastapi", "dask", "yusuan.store", "yusuan.serve.app",
        # the start-up of one check (bench/README.md): the batch, the workbench's commands, the
        # authoring model, the template guesser, hashlib and datetime are for other commands
        "yusuan.batch.jobs", "yusuan.batch.command", "yusuan.batch.runner", "yusuan.serve",
        "yusuan.model.budget", "yusuan.reference.template_guess", "hashlib", "datetime", "getpass",
        # the PDF is read through PDFium's C API (pypdfium2_raw), not pypdfium2's helper package
        "pypdfium2",
    ]  # fmt: skip
    probe = (
        "import sys\nfrom yusuan.cli import main\n"
        f"code = main(['check', {str(PDF)!r}, '--json'])\n"
        "assert 'pypdfium2_raw' in sys.modules, 'the PDF was not read through pypdfium2_raw'\n"
        f"print(sorted(m for m in {[*heavy, 'yaml']!r} if m in sys.modules), code)\n"
    )
    answers = []
    for _ in range(2):  # the first run may parse reference YAML; the second finds it in the cache
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
        answers.append(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-2000:])
    parsing = "['datetime', 'yaml']"  # PyYAML (which imports datetime), when the cache was cold
    assert answers[0] in ("[] 0", "[] 1", f"{parsing} 0", f"{parsing} 1"), answers[0]
    assert answers[1] in ("[] 0", "[] 1"), answers[1]  # PyYAML neither imported nor run
