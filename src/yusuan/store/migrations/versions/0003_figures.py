"""figures: every amount of a checked upload (the batch panel's rows), for a unit's years side by side

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("upload_id", sa.Integer, sa.ForeignKey("uploads.id"), nullable=False),
        sa.Column("table_id", sa.String(64), nullable=False),
        sa.Column("row_code", sa.String(32), nullable=False),
        sa.Column("row_name", sa.Text, nullable=False),
        sa.Column("role", sa.String(64), nullable=False),
        sa.Column("column_key", sa.String(64), nullable=False),
        sa.Column("amount_yuan", sa.String(40), nullable=False),
    )
    op.create_index("ix_figures_upload_id", "figures", ["upload_id"])


def downgrade() -> None:
    op.drop_index("ix_figures_upload_id", "figures")
    op.drop_table("figures")
