"""Budget -> Disclosure: every table computed from the line items (Decimal, 四舍五入)."""

from yusuan.derive.disclosure import derive_disclosure, derive_tables
from yusuan.derive.errors import DeriveError
from yusuan.derive.names import CodeNames, names_for

__all__ = ["CodeNames", "DeriveError", "derive_disclosure", "derive_tables", "names_for"]
