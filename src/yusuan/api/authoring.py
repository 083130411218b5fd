"""Authoring (docs/authoring.md): a budget derived into its disclosure and written in every format,
gated by the checker and read back; the empty budget input; the open-data export."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from yusuan.api import _split, check_disclosure, parse
from yusuan.check.engine import Report
from yusuan.model import Disclosure
from yusuan.read import InputError, read_document
from yusuan.reference.paths import ReferenceError

if TYPE_CHECKING:
    from yusuan.render.files import Staged
    from yusuan.render.fonts import Fonts


def export(path: str | Path, directory: str | Path, profile: str | None = None) -> list[Path]:
    """Write one CSV per table plus datapackage.json for a published disclosure."""
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise InputError(str(folder), "不是目录 / not a directory: -o names the folder to write into")
    return export_disclosure(parse(path, profile=profile), folder)


def export_disclosure(disclosure: Disclosure, directory: str | Path) -> list[Path]:
    """Write one CSV per table plus datapackage.json for a Disclosure already read."""
    from yusuan.render.open_data import export_open_data

    try:
        return export_open_data(disclosure, Path(directory))
    except OSError as exc:
        raise InputError(str(directory), f"无法写入 / cannot write: {exc.strerror or exc}") from None


def write_template(
    path: str | Path, profile: str = "shanxi", fmt: str | None = None, force: bool = False
) -> Path:
    """Write the empty, self-explaining budget input: a workbook (xlsx) or YAML.

    ``fmt`` is "xlsx" or "yaml"; by default it follows the file's suffix. An existing file is
    never overwritten unless ``force``: it may be a budget someone has filled in.
    """
    path = Path(path)
    fmt = fmt or ("yaml" if path.suffix.lower() in (".yaml", ".yml") else "xlsx")
    if path.exists() and not force:
        raise InputError(
            str(path), "文件已存在，未覆盖（用 --force 覆盖）/ file exists, not overwritten (use --force)"
        )
    try:
        if fmt == "yaml":
            from yusuan.render.budget_yaml import yaml_template

            path.write_text(yaml_template(profile), encoding="utf-8")
            return path
        from yusuan.render.budget_template import write_budget_workbook

        return write_budget_workbook(path, profile)
    except ReferenceError as exc:
        raise InputError(profile, str(exc)) from None
    except OSError as exc:
        raise InputError(str(path), f"无法写入 / cannot write: {exc.strerror or exc}") from None


def build_formats_all() -> tuple[str, ...]:
    """``BUILD_FORMATS``: the renderer's document formats and the JSON contract."""
    from yusuan.render.files import FORMATS

    return (*FORMATS, "json")


@dataclass
class Built:
    """What ``build`` did: the derived disclosure, the checker's report, the files written.

    ``readback`` lists what the written files, read back through yusuan's readers, said otherwise
    than the disclosure (cells) or the checker (findings); when it is not empty nothing was kept.
    """

    disclosure: Disclosure
    report: Report
    written: list[Path] = field(default_factory=list)
    readback: list[str] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        """An error stands and no draft was asked for: nothing was written."""
        return self.report.has_errors and not self.written and not self.readback


def derive(path: str | Path) -> Disclosure:
    """Read a budget (workbook or YAML) and derive its complete disclosure."""
    from yusuan.derive import DeriveError, derive_disclosure, names_for
    from yusuan.read.budget import read_budget

    budget = read_budget(path)
    try:
        return derive_disclosure(budget, names_for(budget), budget.profile)
    except DeriveError as exc:
        raise InputError(str(path), str(exc)) from None


def build_formats(formats: Sequence[str] | None) -> list[str]:
    """The formats asked for (comma lists allowed), all of them by default; InputError for others."""
    every = build_formats_all()
    wanted = _split(formats) or list(every)
    unknown = [f for f in wanted if f not in every]
    if unknown:
        known = ",".join(every)
        raise InputError("--format", f"不支持的格式 {','.join(unknown)}（可用：{known}）/ unknown format")
    return list(dict.fromkeys(wanted))


def _refuse_overwrite(source: Path, targets: Sequence[Path], force: bool) -> None:
    """Never write over the input; over an existing file only with ``force``."""
    for target in targets:
        if target.exists() and source.exists() and target.resolve() == source.resolve():
            raise InputError(
                str(target),
                "输出会覆盖输入文件，请换一个输出目录 / the output would overwrite the input: use another -o",
            )
    existing = [str(t) for t in targets if t.exists()]
    if existing and not force:
        raise InputError(
            existing[0], "文件已存在，未覆盖（用 --force 覆盖）/ file exists, not overwritten (use --force)"
        )


def _read_back(staged: Staged, disclosure: Disclosure, report: Report) -> list[str]:
    """Each staged document read through yusuan's readers and checked: what differs, per file."""
    from yusuan.check.readback import cell_differences, finding_differences
    from yusuan.model.serialize import disclosure_to_json

    differences = []
    for final, temporary in staged.files.items():
        if final.suffix == ".json":
            written = json.loads(temporary.read_text(encoding="utf-8"))
            if written != disclosure_to_json(disclosure):
                differences.append(f"{final.name}: JSON 与文件内容不符 / JSON differs")
            continue
        try:
            got = read_document(temporary)
        except InputError as exc:
            differences.append(f"{final.name}: 无法读回 / cannot be read back: {exc.problem}")
            continue
        found = cell_differences(disclosure, got) + finding_differences(report, check_disclosure(got))
        differences.extend(f"{final.name}: {d}" for d in found)
    return differences


def build(
    path: str | Path,
    out_dir: str | Path,
    formats: Sequence[str] | None = None,
    draft: bool = False,
    stem: str | None = None,
    force: bool = False,
    fonts: Fonts | None = None,
) -> Built:
    """Budget -> the disclosure's files, gated by the checker, written all or nothing.

    The checker runs first on the derived disclosure. While it finds an error nothing is written
    (``Built.refused``); with ``draft`` the files are written anyway, visibly marked 草稿. The
    input and existing files are never overwritten (existing ones with ``force``). Every file is
    first written under a temporary name in ``out_dir``, read back through yusuan's readers and
    checked (drafts excepted); only when each gives the same cells and findings do they all take
    their names, else nothing is kept and ``Built.readback`` says what differed.
    """
    import datetime

    from yusuan.model.serialize import disclosure_to_json
    from yusuan.render.files import stage_files

    wanted = build_formats(formats)
    source = Path(path)
    disclosure = derive(source)
    disclosure.source_file = str(path)
    report = check_disclosure(disclosure)
    built = Built(disclosure, report)
    if report.has_errors and not draft:
        return built
    name = stem or source.stem
    _refuse_overwrite(source, [Path(out_dir) / f"{name}.{f}" for f in wanted], force)
    extra = {}
    if "json" in wanted:
        contract = json.dumps(disclosure_to_json(disclosure), ensure_ascii=False, indent=2) + "\n"
        extra["json"] = contract.encode("utf-8")
    documents = [f for f in wanted if f != "json"]
    try:
        staged = stage_files(
            disclosure,
            out_dir,
            name,
            documents,
            draft=draft,
            extra=extra,
            fonts=fonts,
            issued=datetime.date.today(),
        )
        try:
            if not draft:  # a draft's 草稿 mark lies over its pages on purpose: it is not for publication
                built.readback = _read_back(staged, disclosure, report)
            if not built.readback:
                built.written = staged.commit()
        finally:
            staged.discard()
    except OSError as exc:
        raise InputError(str(out_dir), f"无法写入 / cannot write: {exc.strerror or exc}") from None
    return built
