"""Alembic environment: run on the connection yusuan.store.db.upgrade hands over."""

from __future__ import annotations

from alembic import context

from yusuan.store.schema import metadata

connection = context.config.attributes["connection"]
schema = context.config.attributes.get("schema")
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table_schema=schema,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
