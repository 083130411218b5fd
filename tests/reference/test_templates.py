"""The template form data loads, agrees with its profile, and malformed data names its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import load_profile
from yusuan.reference.templates import load_template_form


def test_shanxi_form_agrees_with_its_profile() -> None:
    form = load_template_form("shanxi")
    profile = load_profile("shanxi")
    ids = {spec.id for spec in profile.tables}
    assert set(form.tables) == ids
    for spec in profile.tables:
        keys = {c.key for c in spec.columns}
        for group in form.table(spec.id).groups:
            assert set(group.keys) <= keys, f"{spec.id}: group {group.label} names unknown columns"
    assert [name for name, _ in form.three_public] == list(profile.table("three_public").rows)  # type: ignore[union-attr]
    assert form.ordinal(0) == "一" and form.ordinal(29) == "三十"
    assert form.ordinal(len(form.ordinals)) == str(len(form.ordinals) + 1)  # a longer code list still renders
    assert form.table_number.format(number=3) == "预算公开表3"
    assert form.tables["fiscal_overview"].totals[2] == ("一、一般公共预算", None)


def test_missing_and_malformed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "templates" / "broken").mkdir(parents=True)
    (tmp_path / "templates" / "broken" / "form.yaml").write_text("profile: broken\n", encoding="utf-8")
    monkeypatch.setenv("YUSUAN_DATA", str(tmp_path))
    load_template_form.cache_clear()
    try:
        with pytest.raises(ReferenceError, match=r"broken/form\.yaml"):
            load_template_form("broken")
        with pytest.raises(ReferenceError, match="nowhere"):
            load_template_form("nowhere")
    finally:
        load_template_form.cache_clear()
