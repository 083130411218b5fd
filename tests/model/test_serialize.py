import json
from pathlib import Path

import jsonschema

from yusuan.model import ContentsEntry, Disclosure, Source
from yusuan.model.serialize import SCHEMA_VERSION, disclosure_to_json

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "json" / "disclosure-1.0.schema.json").read_text("utf-8")
)


def test_contract_fields_and_decimal_strings(small_disclosure: Disclosure) -> None:
    data = disclosure_to_json(small_disclosure)
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == SCHEMA_VERSION == SCHEMA["properties"]["schema_version"]["const"]
    assert (data["unit"], data["year"], data["kind"], data["scope"]) == (
        "朔州市朔城区数字政府服务中心",
        2025,
        "budget",
        "unit",
    )
    table = data["tables"][0]
    assert table["id"] == "expenditure"
    assert [c["key"] for c in table["columns"]] == ["total", "basic", "project"]
    assert table["rows"][0]["cells"] == ["341.11", "194.21", "146.90"]
    assert table["rows"][1] == {
        "code": "2010350",
        "name": "事业运行",
        "side": None,
        "role": None,
        "cells": ["146.17", "146.17", None],
        "labels": {},
        "source": {"file": "t.txt", "page": None, "line": 11, "bbox": None},
    }


def test_schema_rejects_a_float_amount(small_disclosure: Disclosure) -> None:
    data = disclosure_to_json(small_disclosure)
    data["tables"][0]["rows"][0]["cells"][0] = 341.11
    try:
        jsonschema.validate(data, SCHEMA)
    except jsonschema.ValidationError as exc:
        assert "341.11" in str(exc.message)
    else:
        raise AssertionError("a float amount must not validate")


def test_the_contents_as_printed_are_part_of_the_contract(small_disclosure: Disclosure) -> None:
    small_disclosure.contents = [
        ContentsEntry("部门主要职能", Source("t.pdf", 2, 2), section="duties"),
        ContentsEntry("部门收支总表", Source("t.pdf", 2, 5), table="overview"),
        ContentsEntry("第二部分", Source("t.pdf", 2, 4)),
    ]
    data = disclosure_to_json(small_disclosure)
    jsonschema.validate(data, SCHEMA)
    assert [(c["text"], c["table"], c["section"], c["source"]["line"]) for c in data["contents"]] == [
        ("部门主要职能", None, "duties", 2),
        ("部门收支总表", "overview", None, 5),
        ("第二部分", None, None, 4),
    ]
