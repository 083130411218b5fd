"""What the checker may ask the procurement layer about a disclosure (issue 6, item 7).

``implies_purchase(project_name)`` says whether a project name shows a purchase (购置, 采购 …),
with the word that shows it; the checker compares such projects with the declared procurement
budget. The words are data: data/procurement/purchase-words.yaml.
"""

from __future__ import annotations

from yusuan.reference.procurement_policies import purchase_words


def implies_purchase(project_name: str) -> str | None:
    """The first purchase word found in ``project_name``, or None."""
    for word in purchase_words():
        if word in project_name:
            return word
    return None
