"""The store: a rerun checks only new or changed documents; SQLite and PostgreSQL alike."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from yusuan import __version__
from yusuan.batch import Options, run_batch
from yusuan.batch.pool import InProcess
from yusuan.store import open_store
from yusuan.store.db import StoreError

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@pytest.fixture
def folder(tmp_path: Path, years: dict[str, Path]) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(CORPUS / "shanghai-mof-bureau-2025-unit-budget.pdf", folder / "a-mof.pdf")
    shutil.copy(years["2025"], folder / "b-2025.html")
    shutil.copy(years["2026-bad"], folder / "c-2026.html")
    return folder


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from two_years import build_years

    return build_years(tmp_path_factory.mktemp("years"))


@pytest.fixture
def postgres_schema() -> Iterator[str]:
    schema = f"yusuan_test_{uuid.uuid4().hex[:10]}"
    yield schema
    engine = create_engine(POSTGRES)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def _rerun_only_changes(folder: Path, url: str, schema: str | None = None) -> None:
    store = open_store(url, __version__, schema=schema)
    options = Options("check", select=("A", "N", "Y"))
    first = run_batch([str(folder)], options, InProcess(), store=store)
    assert first.ran == 4  # three documents, and 2026 again against 2025
    assert first.pairs == 1
    again = run_batch([str(folder)], options, InProcess(), store=store)
    assert again.ran == 0
    assert [o.json_line() for o in again.outcomes] == [o.json_line() for o in first.outcomes]
    assert all(o.from_store for o in again.outcomes)
    # one document changes: only it is checked again (and its pairing, which depends on it)
    page = folder / "b-2025.html"
    page.write_text(page.read_text("utf-8").replace("</body>", "<p>补充说明。</p></body>"), "utf-8")
    third = run_batch([str(folder)], options, InProcess(), store=store)
    assert third.ran == 2
    assert [o.from_store for o in third.outcomes] == [True, False, False]
    # another option set is another report
    assert run_batch([str(folder)], Options("check", select=("A",)), InProcess(), store=store).ran == 3
    store.engine.dispose()


def test_sqlite_file_rerun_checks_only_changes(folder: Path, tmp_path: Path) -> None:
    _rerun_only_changes(folder, str(tmp_path / "results.db"))
    tables = inspect(create_engine(f"sqlite:///{tmp_path / 'results.db'}")).get_table_names()
    assert {"documents", "reports", "alembic_version"} <= set(tables)


def test_postgresql_rerun_checks_only_changes(folder: Path, postgres_schema: str) -> None:
    _rerun_only_changes(folder, POSTGRES, schema=postgres_schema)
    tables = inspect(create_engine(POSTGRES)).get_table_names(schema=postgres_schema)
    assert {"documents", "reports", "alembic_version"} <= set(tables)


def test_a_store_that_cannot_open_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="无法打开结果库"):
        open_store(str(tmp_path / "no" / "such" / "dir" / "r.db"), __version__)
    with pytest.raises(StoreError, match=r"nosuch.driver.*无法打开结果库"):
        open_store("nosuch+driver://x", __version__)


def test_cli_rerun_with_store(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from yusuan.cli import main

    db = str(tmp_path / "cli.db")
    main(["check", str(folder), "--store", db, "--json", "--jobs", "2"])
    first = capsys.readouterr()
    main(["check", str(folder), "--store", db, "--json", "--jobs", "2"])
    second = capsys.readouterr()
    assert "本次审核 4 份" in first.err and "本次审核 0 份" in second.err
    assert first.out == second.out and len(second.out.splitlines()) == 3


def test_copies_and_unreadable_input_come_from_the_store(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(CORPUS / "shanghai-mof-bureau-2025-unit-budget.pdf", folder / "a.pdf")
    prose = tmp_path / "novel.txt"
    prose.write_text("从前有座山，山里有座庙。\n" * 20, encoding="utf-8")
    store = open_store(str(tmp_path / "r.db"), __version__)
    options = Options("check", select=("A",))
    first = run_batch([str(folder), str(prose)], options, InProcess(), store=store, want_text=True)
    assert first.ran == 2 and first.outcomes[1].data is None
    shutil.copy(folder / "a.pdf", folder / "b-copy.pdf")  # the same bytes under another name
    again = run_batch([str(folder), str(prose)], options, InProcess(), store=store, want_text=True)
    assert again.ran == 0
    copy = again.outcomes[1]
    assert copy.file == str(folder / "b-copy.pdf") and copy.data is not None
    assert copy.data["document"]["file"] == copy.file and str(folder / "a.pdf") not in copy.text
    assert again.outcomes[2].error == first.outcomes[1].error and again.outcomes[2].from_store
    store.engine.dispose()


def test_previous_that_cannot_be_read_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from yusuan.cli import main

    pdf = CORPUS / "shanghai-mof-bureau-2025-unit-budget.pdf"
    assert main(["check", str(pdf), "--previous", str(tmp_path / "nope.pdf")]) == 2
    assert "nope.pdf" in capsys.readouterr().err
