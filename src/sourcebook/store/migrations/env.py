"""Alembic environment: runs on the connection the store hands over."""

from __future__ import annotations

from alembic import context

from sourcebook.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when run from the alembic command line
    raise SystemExit("run migrations through sourcebook (the store migrates on open)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
