"""Cell, Source, Amount and Location write their own __init__ (the slots' setters, for speed): it must take
what the dataclass __init__ took and give the same frozen, comparable, picklable objects."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from decimal import Decimal

import pytest

from yusuan.model import Amount, Cell, CellStatus, Location, Source, Unit

SAMPLES = [
    Cell("1,234.56", Amount(Decimal("1234.56"), Unit.WAN, 2), CellStatus.VALUE, Source("f.pdf", 3, 7), 0.9),
    Cell(""),
    Source("f.pdf", 2, 5, (1.0, 2.0, 3.0, 4.0), "'表1'!A5:F5"),
    Source("f.pdf"),
    Amount(Decimal("-3.92"), Unit.YUAN, 2),
    Location("income", "2010350 事业运行", "合计", None, None, 4, 12),
    Location(section="情况说明", sentence="……"),
]


@pytest.mark.parametrize("cls", [Cell, Source, Amount, Location])
def test_init_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]


@pytest.mark.parametrize("value", SAMPLES, ids=repr)
def test_same_objects_as_the_dataclass_would_make(value: object) -> None:
    values = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}  # type: ignore[arg-type]
    again = type(value)(**values)
    assert again == value and hash(again) == hash(value) and repr(again) == repr(value)
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.deepcopy(value) == value
    first = dataclasses.fields(value)[0].name  # type: ignore[arg-type]
    assert dataclasses.replace(value, **{first: values[first]}) == value  # type: ignore[type-var]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, first, None)
