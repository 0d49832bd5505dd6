"""The schema: migrations build what the models describe, and start-up knows the newest one."""

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from kiosk.storage.db import _WRITE_OPTION, SCHEMA_REVISION, Database, alembic_config
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


def test_migration_0003_keeps_tickets_and_their_help_requests(database_url: str) -> None:
    database = Database(database_url)
    if database.file is not None:
        # An SQLite file is only made on purpose (kiosk/storage/sqlite_file.py).
        database.file.prepare(create=True)
    config = alembic_config(database)
    try:
        with database.engine.execution_options(**{_WRITE_OPTION: True}).connect() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0002")
            connection.execute(
                text(
                    "INSERT INTO tickets (id, service_day, prefix, number, procedure_code,"
                    " kiosk_id, state, print_status, issued_at) VALUES (7, '2026-11-30', 'A',"
                    " 1, '1.001193', 'k', 'waiting', 'printed', '2026-11-30 01:00:00')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO help_requests (reason, ticket_id, kiosk_id, created_at,"
                    " outcomes) VALUES ('elderly', 7, 'k', '2026-11-30 01:00:00', '[]')"
                )
            )
            connection.commit()
        database.upgrade()
        with database.read() as session:
            row = session.execute(text("SELECT queue, recalls FROM tickets")).one()
            link = session.execute(text("SELECT ticket_id FROM help_requests")).scalar_one()
        assert tuple(row) == ("A", 0)
        assert link == 7
    finally:
        database.dispose()
