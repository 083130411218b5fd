"""决算各表之间的合计一致
The totals of the 决算 tables agree with each other.

What: 收入决算表 合计 = 收入支出决算总表 本年收入合计; 支出决算表 合计 (本年支出合计, 基本支出,
项目支出) = 收入支出决算总表 本年支出合计; 收入决算表 合计 财政拨款收入 = 财政拨款收入支出决算总表
本年收入合计; 一般公共预算财政拨款支出决算表 合计 = 财政拨款收入支出决算总表 本年支出合计
（一般公共预算财政拨款列）; 一般公共预算财政拨款基本支出决算表 人员经费合计 + 公用经费合计 =
一般公共预算财政拨款支出决算表 合计 基本支出; and line by line, each 类 of the 收入支出决算总表
= that 类 of the 支出决算表, each 类 of the 财政拨款收入支出决算总表 (一般公共预算财政拨款列) = that
类 of the 一般公共预算财政拨款支出决算表. Rows are found by role;
the identities are data (data/identities/final_accounts.yaml, rule F102).

Why: the nine tables are views of the same accounts; a total that differs between them means
one of the tables was prepared from other figures.

Legal basis: 财预〔2016〕143号《地方预决算公开操作规程》（公开内容真实、准确、完整）;
财政部《部门决算报表》表间审核关系.

Example: ``final_income 合计: 应为9746.50万元（收入支出决算总表 本年收入合计），实为9736.50万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.identities import Outcome, evaluate

KINDS = ("final_accounts",)


def check(ctx: Context) -> Iterator[Outcome]:
    """The F102 identities of data/identities/final_accounts.yaml."""
    yield from evaluate(ctx, "F102")
