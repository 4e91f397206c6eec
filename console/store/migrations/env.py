"""Alembic's entry point. The store runs it on a connection it has already opened, inside
one transaction, so a migration is all or nothing (``console.store.migrate``)."""

from __future__ import annotations

from alembic import context

from console.store.migrate import context_options

context.configure(**context_options(context.config))
with context.begin_transaction():
    context.run_migrations()
