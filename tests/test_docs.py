"""Documentation that goes stale fails the build (the datasette habit)."""

from __future__ import annotations

import argparse
from pathlib import Path

from yusuan.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(actions[0].choices)


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    chinese, english = readme.split("# yusuan (English)")
    for name, sub in _subcommands().items():
        assert f"yusuan {name}" in chinese, f"README (中文) does not document `yusuan {name}`"
        assert f"yusuan {name}" in english, f"README (English) does not document `yusuan {name}`"
        for action in sub._actions:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    assert option in readme, f"README does not document `yusuan {name} {option}`"


def test_make_targets_in_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in ("demo", "test"):
        assert f"\n{target}:" in makefile
        assert f"make {target}" in (ROOT / "README.md").read_text("utf-8")


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text("utf-8")
