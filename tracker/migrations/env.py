"""Alembic environment: runs migrations on the engine the caller gave (tracker.db.migrate)."""

from alembic import context
from sqlalchemy import create_engine

from tracker.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    given = config.attributes.get("connection")
    if given is not None:  # inside the caller's transaction (tracker.db.one_transaction)
        context.configure(
            connection=given,
            target_metadata=target_metadata,
            render_as_batch=given.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("migrations need an engine (tracker.db.migrate) or sqlalchemy.url")
        engine = create_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
