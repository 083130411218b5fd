"""多张表中出现的同一数字处处相同
A figure that appears in several tables is the same in each.

What: the identities between the standard tables, line by line:

- 收支总表 本年支出合计 = 支出总表 合计; its 类 lines = the 类 lines of 支出总表;
- 收入总表 = 支出总表 code by code (合计 column);
- 收入总表 一般公共预算 column = 一般公共预算支出表 code by code;
- 财政拨款收支总表 类 lines (一般公共预算) = 一般公共预算支出表 类 lines — only when the
  财政拨款收支总表 carries no 上年财政拨款结转: its expenditure lines then include the spending of
  the carried-over money, which the 一般公共预算支出表 (不含上年结转) leaves out;
  its 一、一般公共预算 = 收支总表 一、一般公共预算;
- 一般公共预算支出表 合计 基本支出 = 基本支出经济分类表 合计;
- 一般公共预算支出表 合计 项目支出 = 项目支出表（本年）合计 一般公共预算;
- 支出总表 合计 项目支出 = 项目支出表（本年）合计 + 项目支出表（上年结转）合计;
- 政府性基金预算支出表 合计 = 财政拨款收支总表 政府性基金预算 column;
  政府性基金预算收入表 合计 = 财政拨款收支总表 二、政府性基金预算 (收入);
- 国有资本经营预算表 支出合计 = 财政拨款收支总表 国有资本经营预算 column.

A blank total line is left to the arithmetic rules (A101); elsewhere a blank reads as zero.

The identities are data (data/identities/<kind>.yaml, format in docs/identities.md), listed
below; rows are found by their role, whatever the template prints.

Why: the tables are cuts of one budget; a figure that differs between two tables means one
of them is wrong, and readers cannot tell which.

Legal basis: 财政部部门预算公开表格式（各表间的勾稽关系）; 《中华人民共和国预算法》第三十二条.

Example: ``expenditure 2010350 合计 146.17万元 ≠ income 2010350 合计 146.18万元`` (error).
"""

from __future__ import annotations

from collections.abc import Iterator

from yusuan.check.context import Context
from yusuan.check.identities import Outcome, evaluate


def check(ctx: Context) -> Iterator[Outcome]:
    """The X101 identities of data/identities/<kind>.yaml."""
    yield from evaluate(ctx, "X101")
