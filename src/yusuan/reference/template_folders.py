"""Where a template's parts live: one folder per template, data/templates/<id>/.

A template folder holds ``template.yaml`` (tables, roles, sections, kind/scope/years/extends) and,
where the template has them, ``form.yaml`` (the printed form), ``narrative.yaml`` (sentence
patterns) and ``authoring.yaml`` (the words `yusuan build` writes). Vocabulary every template
shares lives in data/shared/ (sentences.yaml, wording.yaml). The folders named in
``$YUSUAN_TEMPLATES`` (separated by the platform's path separator) are folders of template
folders, searched before data/templates: a new region's template needs no code.

A file left in a place of the former layout (data/profiles/<id>.yaml, data/narrative/<id>.yaml,
data/authoring/<id>.yaml, data/templates/<id>.yaml, or a flat <id>.yaml in an extra folder) is
refused with one error naming where it belongs, so that it cannot be silently ignored.
This module is the one place that knows the layout.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from yusuan.reference.paths import ReferenceError, data_dir

TEMPLATES_ENV = "YUSUAN_TEMPLATES"
TEMPLATE = "template.yaml"
FORM = "form.yaml"
NARRATIVE = "narrative.yaml"
AUTHORING = "authoring.yaml"
SHARED_SENTENCES = "sentences.yaml"
SHARED_WORDING = "wording.yaml"

# the former layout: folder under data/ -> the part its <id>.yaml now is
_OLD_PLACES = {"profiles": TEMPLATE, "narrative": NARRATIVE, "authoring": AUTHORING, "templates": FORM}
_OLD_SHARED = {SHARED_SENTENCES, SHARED_WORDING}  # data/narrative/<these> -> data/shared/
_PARTS = {TEMPLATE, FORM, NARRATIVE, AUTHORING}


def template_roots() -> tuple[Path, ...]:
    """The folders of template folders: $YUSUAN_TEMPLATES ones first, then data/templates."""
    extra = os.environ.get(TEMPLATES_ENV, "")
    roots = (*(Path(p) for p in extra.split(os.pathsep) if p.strip()), data_dir() / "templates")
    refuse_old_places(data_dir(), roots)
    return roots


def shared_file(name: str) -> Path:
    """A file of the vocabulary every template shares (data/shared/<name>)."""
    return data_dir() / "shared" / name


def template_part(template_id: str, part: str, roots: tuple[Path, ...] | None = None) -> Path | None:
    """The first ``<root>/<id>/<part>`` that exists, or None."""
    for root in template_roots() if roots is None else roots:
        path = root / template_id / part
        if path.is_file():
            return path
    return None


def template_ids(roots: tuple[Path, ...]) -> list[str]:
    """Every folder in the roots that holds a template.yaml."""
    return sorted({p.parent.name for r in roots if r.is_dir() for p in r.glob(f"*/{TEMPLATE}")})


def missing_part(template_id: str, part: str) -> Path:
    """Where a part would be in data/templates (for the message saying it is missing)."""
    return data_dir() / "templates" / template_id / part


@cache
def refuse_old_places(data: Path, roots: tuple[Path, ...]) -> None:
    """Raise ReferenceError naming the first file left where the former layout kept it."""
    for folder, part in _OLD_PLACES.items():
        place = data / folder
        if not place.is_dir():
            continue
        for old in sorted(place.glob("*.yaml")):
            if folder == "narrative" and old.name in _OLD_SHARED:
                new = data / "shared" / old.name
            else:
                new = data / "templates" / old.stem / part
            raise ReferenceError(_message(old, new))
    for root in roots[:-1]:
        for old in sorted(root.glob("*.yaml")) if root.is_dir() else ():
            raise ReferenceError(_message(old, root / old.stem / TEMPLATE))
    # a merge's directory-rename guess can carry a file added in a former place to a wrong folder
    for stray in sorted((data / "shared").glob("*.yaml")):
        if stray.name not in _OLD_SHARED:
            raise ReferenceError(_stray(stray, data / "templates" / stray.stem))
    for root in roots:
        for stray in sorted(root.glob("*/*.yaml")) if root.is_dir() else ():
            if stray.name not in _PARTS:
                raise ReferenceError(_stray(stray, root / stray.stem))


def _stray(path: Path, folder: Path) -> str:
    parts = "/".join(sorted(_PARTS))
    return (
        f"{path}: 不是模板的组成文件，应移到 {folder}/（{parts} 之一）"
        f" / not a part of a template, it belongs in {folder}/ (one of {parts})"
    )


def _message(old: Path, new: Path) -> str:
    return (
        f"{old}: 模板文件在旧位置，应移到 {new}（git mv）"
        f" / template file in an old place, it belongs in {new} (git mv)"
    )
