"""Faces: asked for, configured in [tool.yusuan], conventional when installed, else the fallback, said."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan import cli
from yusuan.render import fonts
from yusuan.render.fonts import SANS_FALLBACK, SERIF_FALLBACK, Fonts, choose_fonts, settings

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shuozhou-2025-budget.xlsx"


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The families fontconfig knows, as the test sets them."""
    known: set[str] = {"Noto Serif CJK SC", "Noto Sans CJK SC"}
    monkeypatch.setattr(fonts, "installed_families", lambda: frozenset(known))
    return known


def test_conventional_faces_when_installed(installed: set[str], tmp_path: Path) -> None:
    installed |= {"仿宋", "方正小标宋简体", "黑体"}
    chosen = choose_fonts(folder=tmp_path)
    assert (chosen.body, chosen.title, chosen.heading) == ("仿宋", "方正小标宋简体", "黑体")
    assert chosen.warnings == ()


def test_fallback_named_in_a_warning(installed: set[str], tmp_path: Path) -> None:
    chosen = choose_fonts(folder=tmp_path)
    assert (chosen.body, chosen.title, chosen.heading) == (SERIF_FALLBACK, SERIF_FALLBACK, SANS_FALLBACK)
    assert len(chosen.warnings) == 3
    assert chosen.warnings[0].startswith("未安装仿宋，正文改用 Noto Serif CJK SC")
    # Word and Excel still name the conventional faces: the officer's computer has them
    assert (chosen.office("body"), chosen.office("title"), chosen.office("heading")) == (
        "仿宋",
        "方正小标宋简体",
        "黑体",
    )


def test_asked_faces_win_and_a_missing_one_is_said(installed: set[str], tmp_path: Path) -> None:
    installed.add("LXGW WenKai")
    chosen = choose_fonts(body="LXGW WenKai", title="不存在的字体", folder=tmp_path)
    assert chosen.body == "LXGW WenKai" and chosen.office("body") == "LXGW WenKai"
    assert chosen.title == SERIF_FALLBACK and chosen.office("title") == "不存在的字体"
    assert any("不存在的字体" in w for w in chosen.warnings)
    assert chosen.css("body").startswith('"LXGW WenKai", "Noto Serif CJK SC"')


def test_pyproject_setting(installed: set[str], tmp_path: Path) -> None:
    installed.add("AR PL UKai CN")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.yusuan]\nfont-body = "AR PL UKai CN"\nfont-title = "Noto Sans CJK SC"\n', encoding="utf-8"
    )
    assert settings(tmp_path) == {"font-body": "AR PL UKai CN", "font-title": "Noto Sans CJK SC"}
    chosen = choose_fonts(folder=tmp_path)
    assert (chosen.body, chosen.title) == ("AR PL UKai CN", "Noto Sans CJK SC")
    # the command line beats the setting
    assert choose_fonts(body="Noto Serif CJK SC", folder=tmp_path).body == "Noto Serif CJK SC"


def test_a_broken_pyproject_is_no_setting(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.yusuan\n", encoding="utf-8")
    assert settings(tmp_path) == {}
    assert settings(tmp_path / "missing") == {}


def test_build_names_the_faces_and_warns(
    installed: set[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code = cli.main(
        [
            "build",
            str(EXAMPLE),
            "-o",
            str(tmp_path / "out"),
            "--format",
            "html",
            "--font-body",
            "Noto Sans CJK SC",
        ]
    )
    assert code == 0
    err = capsys.readouterr().err
    assert "未安装方正小标宋简体" in err and "正文" not in err  # the body face asked for is installed
    page = (tmp_path / "out" / "shuozhou-2025-budget.html").read_text(encoding="utf-8")
    assert 'font-family: "Noto Sans CJK SC", "Noto Serif CJK SC"' in page


def test_default_faces_are_the_fallback() -> None:
    assert Fonts().css("heading").startswith('"Noto Sans CJK SC"')
