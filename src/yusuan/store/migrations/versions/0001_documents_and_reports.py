"""documents and their check reports

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("unit", sa.Text),
        sa.Column("year", sa.Integer),
        sa.Column("kind", sa.String(32)),
        sa.Column("scope", sa.String(32)),
        sa.Column("profile", sa.String(64)),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_sha256", sa.String(64), sa.ForeignKey("documents.sha256"), nullable=False),
        sa.Column("yusuan_version", sa.String(32), nullable=False),
        sa.Column("options_key", sa.String(64), nullable=False),
        sa.Column("previous_sha256", sa.String(64)),
        sa.Column("file", sa.Text, nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("warnings", sa.Integer, nullable=False),
        sa.Column("info", sa.Integer, nullable=False),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("html", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint(
            "document_sha256", "yusuan_version", "options_key", name="uq_reports_document_version"
        ),
    )
    op.create_index("ix_reports_document_sha256", "reports", ["document_sha256"])


def downgrade() -> None:
    op.drop_index("ix_reports_document_sha256", table_name="reports")
    op.drop_table("reports")
    op.drop_table("documents")
