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
    schema = _schema()
    with op.batch_alter_table("uploads", schema=schema) as batch:
        batch.add_column(sa.Column("unit_key", sa.Text))
        batch.add_column(sa.Column("paired", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_index("ix_uploads_unit_key", "uploads", ["unit_key", "kind", "year"], schema=schema)
    with op.batch_alter_table("findings", schema=schema) as batch:
        batch.add_column(sa.Column("previous_upload_id", sa.Integer))
        batch.add_column(sa.Column("key", sa.String(64)))
        batch.create_foreign_key(
            "fk_findings_previous_upload", "uploads", ["previous_upload_id"], ["id"], referent_schema=schema
        )
    op.create_index("ix_findings_previous_upload_id", "findings", ["previous_upload_id"], schema=schema)
    # one row per key and document: two workers pairing the same years at once cannot both insert
    op.create_index("uq_findings_upload_key", "findings", ["upload_id", "key"], unique=True, schema=schema)


def downgrade() -> None:
    schema = _schema()
    op.drop_index("uq_findings_upload_key", "findings", schema=schema)
    op.drop_index("ix_findings_previous_upload_id", "findings", schema=schema)
    with op.batch_alter_table("findings", schema=schema) as batch:
        batch.drop_constraint("fk_findings_previous_upload", type_="foreignkey")
        batch.drop_column("key")
        batch.drop_column("previous_upload_id")
    op.drop_index("ix_uploads_unit_key", "uploads", schema=schema)
    with op.batch_alter_table("uploads", schema=schema) as batch:
        batch.drop_column("paired")
        batch.drop_column("unit_key")
