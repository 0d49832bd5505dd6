"""checklist slips printed at the kiosks, counted in the daily report

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checklist_prints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_day", sa.Date(), nullable=False),
        sa.Column("procedure_code", sa.String(length=32), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("print_status", sa.String(length=15), nullable=False),
        sa.Column("print_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_checklist_prints_day", "checklist_prints", ["service_day"])


def downgrade() -> None:
    op.drop_index("ix_checklist_prints_day", table_name="checklist_prints")
    op.drop_table("checklist_prints")
