"""People of the workbench: users with a role, passwords (scrypt) and API tokens (kept hashed)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from yusuan.store.db import StoreError
from yusuan.store.schema_workbench import settings, tokens, users

ROLES = ("admin", "reviewer", "preparer")


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    unit: str | None

    def can_decide(self) -> bool:
        return self.role in ("admin", "reviewer")

    def sees(self, unit: str | None, uploaded_by: int) -> bool:
        """A preparer sees what they uploaded and their own unit's documents; the others see all."""
        if self.role != "preparer":
            return True
        return uploaded_by == self.id or (unit is not None and unit == self.unit)


def _hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def _password_matches(password: str, stored: str | None) -> bool:
    if not stored or not stored.startswith("scrypt$"):
        return False
    _, salt, _digest = stored.split("$")
    return hmac.compare_digest(_hash_password(password, bytes.fromhex(salt)), stored)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _user(row: object) -> User:
    return User(row.id, row.name, row.role, row.unit)  # type: ignore[attr-defined]


def add_user(
    engine: Engine, name: str, role: str, unit: str | None = None, password: str | None = None
) -> str:
    """Create a user and return a new API token (shown once: only its hash is kept)."""
    if role not in ROLES:
        raise StoreError(f"{role}: 角色应为 {' | '.join(ROLES)} / role must be one of {', '.join(ROLES)}")
    if role == "preparer" and not unit:
        raise StoreError("编制人员须指定单位 --unit / a preparer needs --unit")
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    try:
        with engine.begin() as connection:
            user_id = connection.execute(
                users.insert().values(
                    name=name,
                    role=role,
                    unit=unit,
                    password_hash=_hash_password(password) if password else None,
                    created_at=now,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
            connection.execute(
                tokens.insert().values(user_id=user_id, token_sha256=_token_hash(token), created_at=now)
            )
    except IntegrityError:
        raise StoreError(f"{name}: 用户已存在 / user exists") from None
    return token


def user_by_token(engine: Engine, token: str) -> User | None:
    query = select(users).join(tokens, tokens.c.user_id == users.c.id)
    with engine.connect() as connection:
        row = connection.execute(query.where(tokens.c.token_sha256 == _token_hash(token))).first()
    return _user(row) if row else None


def user_by_login(engine: Engine, name: str, password: str) -> User | None:
    with engine.connect() as connection:
        row = connection.execute(select(users).where(users.c.name == name)).first()
    if row is None or not _password_matches(password, row.password_hash):
        return None
    return _user(row)


def user_by_id(engine: Engine, user_id: int) -> User | None:
    with engine.connect() as connection:
        row = connection.execute(select(users).where(users.c.id == user_id)).first()
    return _user(row) if row else None


def reviewers(engine: Engine) -> list[User]:
    """The people who may decide findings (admins and reviewers), by name."""
    query = select(users).where(users.c.role.in_(("admin", "reviewer"))).order_by(users.c.name)
    with engine.connect() as connection:
        return [_user(row) for row in connection.execute(query)]


def user_names(engine: Engine) -> dict[int, str]:
    with engine.connect() as connection:
        return {row.id: row.name for row in connection.execute(select(users.c.id, users.c.name))}


def setting(engine: Engine, key: str, make: str) -> str:
    """The value kept under ``key``, storing ``make`` the first time (e.g. the session key)."""
    with engine.begin() as connection:
        row = connection.execute(select(settings.c.value).where(settings.c.key == key)).first()
        if row is not None:
            return str(row.value)
        try:
            with connection.begin_nested():
                connection.execute(settings.insert().values(key=key, value=make))
        except IntegrityError:
            return str(connection.execute(select(settings.c.value).where(settings.c.key == key)).scalar_one())
    return make
