"""The words `yusuan build` writes around the figures (data/templates/<profile>/authoring.yaml).

The figures themselves are written with the sentence patterns of reference.narrative (the ones
the checker reads); this data holds the labels those patterns bind to table cells, the
connecting text, the statements of "none", the glossary and the 政府经济分类 label of each
部门经济分类 款. A region is a data file, not code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from yusuan.model import GlossaryEntry
from yusuan.reference.inherited import profile_data_file, read_merged
from yusuan.reference.paths import ReferenceError, yaml_errors


@dataclass(frozen=True)
class AuthoringTexts:
    profile: str
    raw: dict[str, Any]
    glossary: tuple[GlossaryEntry, ...]
    government_economic: dict[str, str]

    def text(self, *keys: str) -> str:
        """One text by its path (``text("income", "parts", "general_budget")``)."""
        node: Any = self.raw
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                raise ReferenceError(f"authoring/{self.profile}.yaml: 缺少 / missing {'.'.join(keys)}")
            node = node[key]
        return str(node)

    def words(self, *keys: str) -> tuple[str, ...]:
        node: Any = self.raw
        for key in keys:
            node = node.get(key) if isinstance(node, dict) else None
        if not isinstance(node, list):
            raise ReferenceError(f"authoring/{self.profile}.yaml: 缺少列表 / missing list {'.'.join(keys)}")
        return tuple(str(x) for x in node)

    def government_label(self, economic: str) -> str:
        """The 政府经济分类 name of a 部门经济分类 款: its own entry, else its 类's, else ""."""
        return self.government_economic.get(economic) or self.government_economic.get(economic[:3], "")

    def reason_place(self, key: str) -> str:
        """Where the user enters the reason ``key``: "变动原因!收支总计变动原因 (reasons.changes)"."""
        place = (self.raw.get("reason_keys") or {}).get(key) or {}
        sheet, field = place.get("sheet", "reasons"), place.get("field", key)
        return f"{sheet}!{field} (reasons.{key})"


@cache
def load_authoring(profile: str) -> AuthoringTexts:
    """The authoring texts of a profile; ReferenceError when there are none or they are malformed."""
    path = profile_data_file("authoring", profile)
    if not path.is_file():
        raise ReferenceError(f"没有 {profile} 的编制文字数据 / no authoring texts for {profile}: {path}")
    try:
        raw = read_merged("authoring", path)
        glossary = tuple(GlossaryEntry(str(g["term"]), str(g["definition"])) for g in raw.get("glossary", []))
        labels = {str(k): str(v) for k, v in (raw.get("government_economic") or {}).items()}
    except yaml_errors(OSError, KeyError, TypeError, AttributeError) as exc:
        raise ReferenceError(f"{path}: 编制文字数据有误 / malformed authoring texts: {exc}") from exc
    return AuthoringTexts(profile, raw, glossary, labels)
