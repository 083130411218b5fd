"""The store's tables (SQLAlchemy Core). The migrations create them; this module names them.

documents: one row per distinct content (sha256), with the facts read from it.
reports:   one row per (document, yusuan version, options): the check report's JSON contract,
           and the terminal text and HTML page made with it.
The workbench (users, decisions, comments, jobs) adds its tables by new migrations that refer
to these by ``documents.sha256`` and ``reports.id``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("file", Text, nullable=False),  # where it was first seen
    Column("unit", Text),
    Column("year", Integer),
    Column("kind", String(32)),
    Column("scope", String(32)),
    Column("profile", String(64)),
    Column("first_seen", DateTime(timezone=True), nullable=False),
)

reports = Table(
    "reports",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_sha256", String(64), ForeignKey("documents.sha256"), nullable=False, index=True),
    Column("yusuan_version", String(32), nullable=False),
    Column("options_key", String(64), nullable=False),
    Column("previous_sha256", String(64)),  # last year's document the cross-year rules ran against
    Column("file", Text, nullable=False),
    Column("errors", Integer, nullable=False),
    Column("warnings", Integer, nullable=False),
    Column("info", Integer, nullable=False),
    Column("body", JSON, nullable=False),
    Column("text", Text, nullable=False, default=""),
    Column("html", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("document_sha256", "yusuan_version", "options_key", name="uq_reports_document_version"),
)
