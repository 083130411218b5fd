"""Users, passwords and tokens in the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from yusuan import __version__
from yusuan.store import open_store
from yusuan.store.db import StoreError
from yusuan.store.people import add_user, setting, user_by_id, user_by_login, user_by_token
from yusuan.store.schema_workbench import tokens, users


def test_tokens_are_kept_hashed_and_passwords_checked(tmp_path: Path) -> None:
    engine = open_store(str(tmp_path / "w.db"), __version__).engine
    token = add_user(engine, "甲", "reviewer", password="秘密")
    user = user_by_token(engine, token)
    assert user is not None and (user.name, user.role, user.can_decide()) == ("甲", "reviewer", True)
    with engine.connect() as connection:
        assert token not in str(connection.execute(tokens.select()).all())
        assert "秘密" not in str(connection.execute(users.select()).all())
    assert user_by_token(engine, token + "x") is None
    assert user_by_login(engine, "甲", "秘密") == user
    assert user_by_login(engine, "甲", "秘") is None
    assert user_by_id(engine, user.id) == user
    assert setting(engine, "k", "first") == "first"
    assert setting(engine, "k", "second") == "first"


def test_a_preparer_sees_their_unit_only(tmp_path: Path) -> None:
    engine = open_store(str(tmp_path / "w.db"), __version__).engine
    add_user(engine, "编制", "preparer", unit="上海市财政局", password="pw")
    preparer = user_by_login(engine, "编制", "pw")
    assert preparer is not None and not preparer.can_decide()
    assert preparer.sees("上海市财政局", uploaded_by=999)
    assert preparer.sees(None, uploaded_by=preparer.id)
    assert not preparer.sees("上海市普陀区财政局", uploaded_by=999)
    with pytest.raises(StoreError, match="--unit"):
        add_user(engine, "无单位", "preparer")
    with pytest.raises(StoreError, match="用户已存在"):
        add_user(engine, "编制", "reviewer")
    with pytest.raises(StoreError, match="角色"):
        add_user(engine, "乙", "boss")
