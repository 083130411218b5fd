"""Which typefaces the built documents are set in: the conventional faces when installed.

GB/T 9704 sets the body in 仿宋, the document title in 小标宋 and headings in 黑体. Those faces
are not free software and are usually missing on a server; Debian's fonts-noto-cjk then stands in
(Noto Serif CJK SC for text, Noto Sans CJK SC for headings). A face is chosen in this order:
the one named on the command line (``--font-body``, ``--font-title``), the one named in
``[tool.yusuan]`` of ./pyproject.toml (``font-body``, ``font-title``), the first conventional face
fontconfig knows, else the fallback, and each substitution is said in a warning.

PDF and HTML embed or name what fontconfig has; DOCX and XLSX name the chosen face, so Word on
the officer's computer uses its own 仿宋 when the server had none.
"""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

# conventional faces, the names Windows, macOS and the 方正 package give them
BODY_FACES = ("FangSong", "仿宋", "仿宋_GB2312", "FangSong_GB2312", "STFangsong", "华文仿宋")
TITLE_FACES = ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "小标宋")
HEADING_FACES = ("SimHei", "黑体", "STHeiti", "华文黑体")
CONVENTIONAL_NAMES = {BODY_FACES: "仿宋", TITLE_FACES: "方正小标宋简体", HEADING_FACES: "黑体"}
SERIF_FALLBACK = "Noto Serif CJK SC"
SANS_FALLBACK = "Noto Sans CJK SC"


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str]:
    """Every family name fontconfig knows (each of a face's localised names); empty without fc-list."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return frozenset()
    try:
        out = subprocess.run(
            [fc_list, ":", "family"], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return frozenset()
    return frozenset(
        name.strip() for line in out.stdout.splitlines() for name in line.split(",") if name.strip()
    )


@dataclass(frozen=True)
class Fonts:
    """The faces of one rendering; ``warnings`` say which conventional face was replaced and by what."""

    body: str = SERIF_FALLBACK
    title: str = SERIF_FALLBACK
    heading: str = SANS_FALLBACK
    warnings: tuple[str, ...] = field(default=(), compare=False)
    asked_body: str = ""  # named by the user: Word and Excel are told this face too
    asked_title: str = ""

    def office(self, role: str) -> str:
        """The face DOCX and XLSX name: the one asked for, else the conventional one (Word has it)."""
        asked = {"body": self.asked_body, "title": self.asked_title}.get(role, "")
        usual = {"body": BODY_FACES, "title": TITLE_FACES, "heading": HEADING_FACES}[role]
        return asked or CONVENTIONAL_NAMES[usual]

    def css(self, role: str) -> str:
        """A CSS font-family list: the chosen face, then the fallback faces (for missing glyphs)."""
        first = getattr(self, role)
        fallback = SANS_FALLBACK if role == "heading" else SERIF_FALLBACK
        names = dict.fromkeys(
            (first, fallback, "Source Han Serif SC" if role != "heading" else "Source Han Sans SC")
        )
        generic = "sans-serif" if role == "heading" else "serif"
        return ", ".join(f'"{name}"' for name in names) + f", {generic}"


def settings(folder: Path | None = None) -> dict[str, str]:
    """``font-body`` and ``font-title`` of ``[tool.yusuan]`` in pyproject.toml of ``folder`` (cwd)."""
    path = (folder or Path.cwd()) / "pyproject.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return {}
    tool = data.get("tool", {}).get("yusuan", {})
    return {key: str(tool[key]) for key in ("font-body", "font-title") if isinstance(tool.get(key), str)}


def _pick(
    role: str, asked: str | None, faces: tuple[str, ...], fallback: str, known: frozenset[str]
) -> tuple[str, str]:
    """The face for one role and the warning of a substitution ("" when none)."""
    if asked:
        if asked in known or not known:
            return asked, ""
        return (
            fallback,
            f"未安装字体“{asked}”，{role}改用 {fallback}"
            f" / font {asked!r} is not installed: {fallback} is used",
        )
    found = next((face for face in faces if face in known), None)
    if found is not None:
        return found, ""
    usual = CONVENTIONAL_NAMES[faces]
    return fallback, f"未安装{usual}，{role}改用 {fallback} / {usual} is not installed: {fallback} is used"


def choose_fonts(body: str | None = None, title: str | None = None, folder: Path | None = None) -> Fonts:
    """The faces to set a document in: asked for, configured, conventional, or the fallback."""
    configured = settings(folder)
    body = body or configured.get("font-body")
    title = title or configured.get("font-title")
    known = installed_families()
    body_face, body_warning = _pick("正文", body, BODY_FACES, SERIF_FALLBACK, known)
    title_face, title_warning = _pick("标题", title, TITLE_FACES, SERIF_FALLBACK, known)
    heading_face, heading_warning = _pick("小标题", None, HEADING_FACES, SANS_FALLBACK, known)
    warnings = tuple(w for w in (body_warning, title_warning, heading_warning) if w)
    return Fonts(body_face, title_face, heading_face, warnings, body or "", title or "")
