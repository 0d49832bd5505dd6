"""The schema: migrations build what the models describe, and start-up knows the newest one."""

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from kiosk.storage.db import SCHEMA_REVISION, Database, alembic_config
from kiosk.storage.models import Base


def test_schema_revision_is_the_newest_migration(database: Database) -> None:
    config: Config = alembic_config(database)

    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION
    assert database.schema_revision() == SCHEMA_REVISION


def test_migrations_create_every_table_and_column_of_the_models(database: Database) -> None:
    with database.read() as session:
        inspector = inspect(session.connection())
        for table in Base.metadata.sorted_tables:
            columns = {column["name"] for column in inspector.get_columns(table.name)}
            assert columns == {column.name for column in table.columns}, table.name
