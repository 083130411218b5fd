"""The procurement rules engine over dated rulesets (issue 6). See docs/procurement.md.

- ``decide(build_request(...))``: how a planned purchase must be bought, each answer with its clause.
- ``search_items(name)``: 品目 codes of both schemes for a name, a common name or a word of the notes.
- ``check_splitting(rows, name, region)``: 化整为零 findings over a year's purchases (the rows of a
  CSV/XLSX file as ``yusuan.read.rows.read_rows`` returns them; ``yusuan.api.procure_splitting`` does both).
- ``implies_purchase(project_name)``: for the checker — whether a project name shows a purchase.
"""

from yusuan.procurement.decision import Decision, Obligation, Reason
from yusuan.procurement.engine import decide, find_ruleset
from yusuan.procurement.errors import ProcurementInputError
from yusuan.procurement.hints import implies_purchase
from yusuan.procurement.request import PurchaseRequest, build_request
from yusuan.procurement.search import search_items
from yusuan.procurement.splitting import SplittingReport, check_splitting

__all__ = [
    "Decision",
    "Obligation",
    "ProcurementInputError",
    "PurchaseRequest",
    "Reason",
    "SplittingReport",
    "build_request",
    "check_splitting",
    "decide",
    "find_ruleset",
    "implies_purchase",
    "search_items",
]
