"""unit_key: a unit's documents by one indexed key, and cross-year findings that point at both years

uploads.unit_key   the unit's name as the cross-year rules match it (yusuan.batch.pairs.unit_key),
                   indexed with kind and year: the unit page and the pairing of consecutive years
                   are indexed queries. Filled for existing rows when the server starts (the key
                   is the batch layer's function, which the store does not import).
uploads.paired     whether the upload's consecutive years have been paired since it was checked;
                   false for every existing row, so that they are paired once on the next start.
findings.previous_upload_id   for a cross-year finding: the year-before document it was found against.
findings.key       a cross-year finding's stable key, so that pairing again keeps its decision
                   (unique with the upload; the document's own findings have none).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context, op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _schema() -> str | None:
    """ALTER TABLE names its table as text: the schema translation of the engine does not reach it."""
    schema: str | None = context.config.attributes.get("schema")
    return schema


def upgrade() -> None:
    # Columns added in place (ALTER TABLE … ADD COLUMN), never by copying a table: on SQLite a copy
    # drops the old table, which the foreign keys of findings, comments and audit rows forbid. So
    # previous_upload_id is an index, not a constraint (upload rows are never deleted).
    schema = _schema()
    op.add_column("uploads", sa.Column("unit_key", sa.Text), schema=schema)
    op.add_column(
        "uploads", sa.Column("paired", sa.Boolean, nullable=False, server_default="0"), schema=schema
    )
    op.create_index("ix_uploads_unit_key", "uploads", ["unit_key", "kind", "year"], schema=schema)
    op.add_column("findings", sa.Column("previous_upload_id", sa.Integer), schema=schema)
    op.add_column("findings", sa.Column("key", sa.String(64)), schema=schema)
    op.create_index("ix_findings_previous_upload_id", "findings", ["previous_upload_id"], schema=schema)
    # one row per key and document: two workers pairing the same years at once cannot both insert
    op.create_index("uq_findings_upload_key", "findings", ["upload_id", "key"], unique=True, schema=schema)


def downgrade() -> None:
    schema = _schema()
    op.drop_index("uq_findings_upload_key", "findings", schema=schema)
    op.drop_index("ix_findings_previous_upload_id", "findings", schema=schema)
    op.drop_column("findings", "key", schema=schema)
    op.drop_column("findings", "previous_upload_id", schema=schema)
    op.drop_index("ix_uploads_unit_key", "uploads", schema=schema)
    op.drop_column("uploads", "paired", schema=schema)
    op.drop_column("uploads", "unit_key", schema=schema)
