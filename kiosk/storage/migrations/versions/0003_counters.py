"""counters, ticket events, tickets that move between queues and counters

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_SAVE_LINKS = (
    "CREATE TEMP TABLE help_ticket_links AS"
    " SELECT id, ticket_id FROM help_requests WHERE ticket_id IS NOT NULL"
)
_RESTORE_LINKS = (
    "UPDATE help_requests SET ticket_id ="
    " (SELECT ticket_id FROM help_ticket_links WHERE help_ticket_links.id = help_requests.id)"
    " WHERE id IN (SELECT id FROM help_ticket_links)"
)


def upgrade() -> None:
    # SQLite rebuilds `tickets` to change its constraints; with foreign keys on (they cannot
    # be switched off inside a transaction) dropping the old table would unlink every help
    # request from its ticket, so the links are saved and put back.
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute(_SAVE_LINKS)
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("queue", sa.String(length=4), nullable=True))
        batch.add_column(sa.Column("first_called_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("counter_number", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("recalls", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("transferred_from_id", sa.Integer(), nullable=True))
        batch.drop_constraint("uq_tickets_day_prefix_number", type_="unique")
        batch.create_foreign_key(
            "fk_tickets_transferred_from",
            "tickets",
            ["transferred_from_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.execute("UPDATE tickets SET queue = prefix, first_called_at = called_at")
    with op.batch_alter_table("tickets") as batch:
        batch.alter_column("queue", existing_type=sa.String(length=4), nullable=False)
    if sqlite:
        op.execute(_RESTORE_LINKS)
        op.execute("DROP TABLE help_ticket_links")
    op.create_index(
        "uq_tickets_day_prefix_number",
        "tickets",
        ["service_day", "prefix", "number"],
        unique=True,
        sqlite_where=sa.text("transferred_from_id IS NULL"),
        postgresql_where=sa.text("transferred_from_id IS NULL"),
    )
    op.create_index(
        "ix_tickets_waiting", "tickets", ["service_day", "queue", "state", "issued_at"]
    )
    op.create_index(
        "uq_tickets_one_in_service",
        "tickets",
        ["counter_number"],
        unique=True,
        sqlite_where=sa.text("state = 'called'"),
        postgresql_where=sa.text("state = 'called'"),
    )
    op.create_table(
        "counters",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("queues", sa.String(length=80), nullable=False),
        sa.Column("is_open", sa.Boolean(), nullable=False),
        sa.Column("normals_since_priority", sa.Integer(), nullable=False),
        sa.Column("pin_hash", sa.Text(), nullable=True),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("number"),
    )
    op.create_table(
        "ticket_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("counter_number", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=19), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("detail", sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_ticket_events_ticket", "ticket_events", ["ticket_id"])


def downgrade() -> None:
    op.drop_index("ix_ticket_events_ticket", table_name="ticket_events")
    op.drop_table("ticket_events")
    op.drop_table("counters")
    op.drop_index("uq_tickets_one_in_service", table_name="tickets")
    op.drop_index("ix_tickets_waiting", table_name="tickets")
    op.drop_index("uq_tickets_day_prefix_number", table_name="tickets")
    op.execute("DELETE FROM tickets WHERE transferred_from_id IS NOT NULL")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_constraint("fk_tickets_transferred_from", type_="foreignkey")
        for column in ("transferred_from_id", "recalls", "counter_number", "first_called_at"):
            batch.drop_column(column)
        batch.drop_column("queue")
        batch.create_unique_constraint(
            "uq_tickets_day_prefix_number", ["service_day", "prefix", "number"]
        )
