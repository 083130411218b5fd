"""Sentence patterns: one pattern formats a fragment and parses it back into the same claims."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.model import Amount, Unit
from yusuan.reference.narrative import NarrativePatterns, compile_template, load_narrative, load_wording
from yusuan.reference.paths import ReferenceError
from yusuan.reference.profiles import load_profile

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

SEED_LINE = (
    "2025年度朔州市朔城区数字政府服务中心支出预算341.11万元,其中:基本支出194.21万元,占56.93%;"
    "项目支出146.9万元,占43.07%。"
)


def test_the_pattern_that_writes_is_the_pattern_that_reads() -> None:
    patterns = load_narrative("shanxi")
    pattern = patterns.pattern("amount_share")
    text = pattern.format(label="基本支出", amount=Amount.parse("194.21", Unit.WAN), share="56.93")
    assert text == "基本支出194.21万元，占56.93%"
    (claim,) = patterns.claims(text)
    assert claim.pattern == "amount_share" and claim.label == "基本支出"
    assert claim.amount(Unit.WAN) == Amount.parse("194.21", Unit.WAN)
    assert claim.number("share") == (Decimal("56.93"), 2)


def test_change_round_trip_with_direction_words() -> None:
    patterns = load_narrative("shanxi")
    pattern = patterns.pattern("change_with_rate")
    text = pattern.format(direction="down", change="3.92", rate_direction="down", rate="1.16")
    assert text == "比上年减少3.92万元，下降1.16%"
    (claim,) = patterns.claims(text)
    assert claim.direction("direction", patterns.directions) == "down"
    assert claim.direction("rate_direction", patterns.directions) == "down"


def test_seed_sentence_parses_into_claims_in_order() -> None:
    claims = load_narrative("shanxi").claims(SEED_LINE)
    assert [(c.pattern, c.label[-4:], c.values.get("amount"), c.values.get("share")) for c in claims] == [
        ("amount", "支出预算", "341.11", None),
        ("amount_share", "基本支出", "194.21", "56.93"),
        ("amount_share", "项目支出", "146.9", "43.07"),
    ]


def test_extraction_noise_is_tolerated() -> None:
    # line breaks and stray spaces inside the sentence, ASCII and full-width punctuation
    claims = load_narrative("shanxi").claims(
        "社会保障和就业支出21.26万元，占\n6.23%; 卫生健康支出8. 42万元, 占2.47%"
    )
    assert [(c.label, c.values["amount"], c.values["share"]) for c in claims] == [
        ("社会保障和就业支出", "21.26", "6.23"),
        ("卫生健康支出", "8.42", "2.47"),
    ]


def test_count_and_coverage_patterns() -> None:
    claims = load_narrative("shanxi").claims(
        "公开项目绩效目标4个,涉及项目金额146.90万元,占部门(单位)项目支出总额的100%。"
    )
    assert [c.pattern for c in claims] == ["count_amount", "coverage"]
    assert claims[0].values["count"] == "4" and claims[1].values["share"] == "100"


def test_bindings_name_tables_and_columns_of_the_profile() -> None:
    patterns = load_narrative("shanxi")
    profile = load_profile("shanxi")
    for section, bindings in patterns.bindings.items():
        assert profile.section(section) is not None, section
        for binding in bindings:
            spec = profile.table(binding.table)
            assert spec is not None, binding
            assert binding.column in {c.key for c in spec.columns}, binding


def test_bind_prefers_the_longest_label() -> None:
    patterns = load_narrative("shanxi")
    binding = patterns.bind("income", "主要包括一般公共预算拨款收入")
    assert binding is not None and binding.column == "general_budget"
    by_row = patterns.bind("general_expenditure", "一般公共服务支出")
    assert by_row is not None and by_row.by_row_name


def test_unknown_slot_is_rejected() -> None:
    with pytest.raises(ValueError):
        compile_template("{nonsense}万元", {})


def test_missing_or_broken_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ReferenceError):
        load_narrative("atlantis")
    (tmp_path / "templates" / "broken").mkdir(parents=True)
    (tmp_path / "templates" / "broken" / "narrative.yaml").write_text("patterns: [", encoding="utf-8")
    monkeypatch.setenv("YUSUAN_DATA", str(tmp_path))
    with pytest.raises(ReferenceError):
        load_narrative("broken")


def test_the_shared_forms_come_first_and_a_profile_may_replace_them() -> None:
    for profile in ("shanxi", "shanghai", "shanghai_department"):
        ids = [p.id for p in load_narrative(profile).patterns]
        assert ids.index("item") < ids.index("amount")
        assert "threshold" in ids and "flat" in ids


def test_an_item_sentence_is_read_with_its_path_and_amount() -> None:
    patterns = load_narrative("shanghai")
    text = "1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万元，主要用于基本支出。"
    (claim,) = [c for c in patterns.claims(text) if c.pattern == "item"]
    assert claim.values["path"] == "一般公共服务支出（类）财政事务（款）行政运行（项）"
    assert claim.values["amount"] == "1,623.18"
    (plain,) = patterns.claims("2.“社会保障和就业支出”科目1,756万元，主要用于…")
    assert (plain.pattern, plain.values["path"]) == ("item", "社会保障和就业支出")


def test_a_threshold_and_a_flat_change_are_not_amounts() -> None:
    patterns = load_narrative("shanghai_department")
    claims = patterns.claims(
        "由我局申请400.00万元以上基本建设项目；公务用车购置费0万元，与2024年预算一致0万元"
    )
    assert [c.pattern for c in claims] == ["threshold", "amount", "flat_amount"]


def test_the_template_text_of_the_shanghai_workbooks_is_a_placeholder() -> None:
    """Lines of shanghai-putuo-2026-*-budget-template.xlsx and the 2024 决算 template."""
    placeholders = load_wording().placeholders
    for text in (
        "2026年，XX收入预算x,xxx万元",
        "比2025年预算增加（减少）XXX万元（持平）",
        "财政拨款收入支出增加（减少）的主要原因是xxxxxx",
        "（若无，则写“本部门无机关运行经费。”）",
        "（说明项目的总体情况、立项目的等）",
        "决算数大于（小于）预算数的主要原因：XXXXXXXX。（如持平作持平表述）",
    ):
        assert placeholders.search(text.replace(" ", "")), text
    for text in (
        "2025年，上海市财政局收入预算17,192万元",
        "（一）因公出国（境）费288.70万元，与2024年预算持平。",
    ):
        assert not placeholders.search(text), text


def _claims_by_plain_search(patterns: NarrativePatterns, text: str) -> list[tuple[object, ...]]:
    """The claim scan by its definition: at each reading position every pattern searched anew,
    the leftmost match taken (the first pattern on a tie), reading on after it."""
    squeezed = "".join(text.split())
    clause_starts = [0] + [m.end() for m in re.finditer(r"[。；;]", squeezed)]
    out: list[tuple[object, ...]] = []
    position = 0
    while position < len(squeezed):
        searched = [(i, p.regex.search(squeezed, position)) for i, p in enumerate(patterns.patterns)]
        matches = [(m.start(), i, m) for i, m in searched if m is not None]
        if not matches:
            break
        start, index, match = min(matches, key=lambda found: found[:2])
        clause = sum(1 for s in clause_starts if s <= start) - 1
        values = {k: v for k, v in match.groupdict().items() if v is not None}
        out.append((patterns.patterns[index].id, values, start, match.end(), clause))
        position = max(match.end(), position + 1)
    return out


def test_claim_scan_finds_what_a_plain_search_finds() -> None:
    """Every section of the Shanghai corpus documents, scanned with every template's patterns:
    the scan (kept matches, digit-free texts skipped for figure patterns) finds the same claims
    as searching every pattern afresh at every step."""
    from yusuan import api
    from yusuan.reference.profiles import profile_ids

    texts = [s.text for path in sorted(CORPUS.glob("*.pdf")) for s in api.parse(path).sections]
    assert any(not re.search(r"\d", t) for t in texts) and any(re.search(r"\d", t) for t in texts)
    found = 0
    for profile_id in profile_ids():
        try:
            patterns = load_narrative(profile_id)
        except ReferenceError:
            continue  # a template without sentence patterns
        for text in texts:
            scanned = [(c.pattern, c.values, c.start, c.end, c.clause) for c in patterns.claims(text)]
            assert scanned == _claims_by_plain_search(patterns, text), (profile_id, text[:40])
            found += len(scanned)
    assert found > 500


@pytest.mark.parametrize("slot", ["amount", "change", "share", "rate", "count", "previous"])
def test_figure_slots_take_a_digit(slot: str) -> None:
    """The scan skips a digit-free text for patterns with these slots: each slot's regex, its
    digits made impossible, matches nothing (so every match of it holds a digit)."""
    from yusuan.reference.narrative import _SLOT_REGEX

    without_digits = re.compile(_SLOT_REGEX[slot].replace(r"\d", "(?!)"))
    assert all(without_digits.search(t) is None for t in ("", ",", ".", "，,.%万元", "一二三"))
