import pytest

from yusuan.model import Code, CodeError, CodeKind, looks_like_code


def test_hierarchy_by_prefix() -> None:
    item = Code("2010350")
    assert item.level == "项"
    assert item.depth == 3
    assert item.parent == Code("20103")
    assert item.parent.parent == Code("201")  # type: ignore[union-attr]
    assert Code("201").parent is None
    assert Code("201").is_ancestor_of(item)
    assert not Code("208").is_ancestor_of(item)


def test_split_parts_join() -> None:
    assert Code.from_parts(["201", "03", "50"]) == Code("2010350")


def test_economic_codes() -> None:
    assert Code("30101", CodeKind.ECONOMIC).parent == Code("301", CodeKind.ECONOMIC)
    with pytest.raises(CodeError):
        Code("3010101", CodeKind.ECONOMIC)


@pytest.mark.parametrize("text", ["20", "2010", "abc", "2010350x", "", "3000٠", "２０１"])
def test_bad_shape(text: str) -> None:
    assert not looks_like_code(text)
    with pytest.raises(CodeError):
        Code(text)
