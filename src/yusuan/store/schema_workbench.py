"""The workbench's tables (migration 0002), beside documents and reports.

users     people, each with a role (admin | reviewer | preparer) and, for a preparer, a unit.
tokens    API tokens, kept as SHA-256 hashes.
uploads   one row per distinct uploaded content: a job (queued | running | done | failed)
          and, once done, the facts and counts of its report.
findings  the report's findings, one row each, with the reviewer's decision and a version
          that guards against two reviewers overwriting each other; a cross-year finding
          (migration 0004) also names the year-before document it was found against.
comments  on a document or one of its findings.
audit     every upload, decision, comment and login, in order.
settings  the session key and other values the server keeps between restarts.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, DateTime, ForeignKey, Index, Integer, String, Table, Text

from yusuan.store.schema import metadata

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("unit", Text),
    Column("password_hash", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

tokens = Table(
    "tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

uploads = Table(
    "uploads",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("filename", Text, nullable=False),
    Column("size", Integer, nullable=False),
    Column("uploaded_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("assigned_to", Integer, ForeignKey("users.id")),
    Column("status", String(16), nullable=False, index=True),
    Column("error", Text),
    Column("report_id", Integer, ForeignKey("reports.id")),
    Column("unit", Text),
    Column("region", Text),
    Column("year", Integer),
    Column("kind", String(32)),
    Column("errors", Integer),
    Column("warnings", Integer),
    Column("info", Integer),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("unit_key", Text),  # migration 0004: the unit as the cross-year rules match it
    Column("paired", Boolean, nullable=False, default=False),  # consecutive years paired since checked
    Index("ix_uploads_unit_key", "unit_key", "kind", "year"),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("upload_id", Integer, ForeignKey("uploads.id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("rule", String(16), nullable=False),
    Column("severity", String(16), nullable=False),
    Column("body", JSON, nullable=False),
    Column("decision", String(16)),
    Column("reason", Text),
    Column("decided_by", Integer, ForeignKey("users.id")),
    Column("decided_at", DateTime(timezone=True)),
    Column("version", Integer, nullable=False),
    # migration 0004: a cross-year finding names the year-before document, and keeps a stable key
    Column("previous_upload_id", Integer, index=True),  # an upload's id (indexed; see migration 0004)
    Column("key", String(64)),
    Index("uq_findings_upload_key", "upload_id", "key", unique=True),
)

comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("upload_id", Integer, ForeignKey("uploads.id"), nullable=False),
    Column("finding_id", Integer, ForeignKey("findings.id")),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("action", String(32), nullable=False),
    Column("upload_id", Integer, ForeignKey("uploads.id")),
    Column("finding_id", Integer, ForeignKey("findings.id")),
    Column("detail", JSON, nullable=False),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
