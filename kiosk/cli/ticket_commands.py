"""`kiosk-admin ticket ...`: issue and list queue tickets."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from kiosk.catalog.loader import load_catalog
from kiosk.cli.arguments import service_day as service_day_argument
from kiosk.cli.arguments import whole_number
from kiosk.cli.context import CliContext
from kiosk.config import LANGUAGES
from kiosk.printing.desk import TicketDesk
from kiosk.queue.follow_links import FollowLinks
from kiosk.queue.issuing import issue_for_procedure
from kiosk.queue.service_day import service_day
from kiosk.queue.tickets import list_tickets, ticket_as_json
from kiosk.storage.models import Priority

# No queue hands out more tickets in a day.
MAX_NUMBER = 99_999


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("ticket", help="queue tickets")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    issue = actions.add_parser("issue", help="issue a ticket as a kiosk would (without printing)")
    issue.add_argument("--procedure", required=True, metavar="CODE", help="procedure code")
    issue.add_argument("--priority", choices=[p.value for p in Priority])
    issue.add_argument("--kiosk", metavar="ID", help="kiosk id (default: the configured one)")
    issue.add_argument("--json", action="store_true", help="print one JSON object")
    issue.set_defaults(run=run_issue)

    listing = actions.add_parser("list", help="list the tickets of a service day")
    listing.add_argument("--day", type=service_day_argument, metavar="YYYY-MM-DD")
    listing.add_argument("--json", action="store_true", help="one JSON object per ticket")
    listing.set_defaults(run=run_list)

    reprint = actions.add_parser("reprint", help="print a stored ticket again")
    reprint.add_argument("day", type=service_day_argument, metavar="DAY", help="YYYY-MM-DD")
    reprint.add_argument("prefix", metavar="PREFIX", help="queue prefix, e.g. A")
    reprint.add_argument("number", type=whole_number(1, MAX_NUMBER), metavar="NUMBER")
    reprint.add_argument("--language", choices=LANGUAGES, default="vi")
    reprint.add_argument("--json", action="store_true", help="print one JSON object")
    reprint.set_defaults(run=run_reprint)


def run_issue(args: argparse.Namespace, context: CliContext) -> int:
    settings = context.settings
    catalog = load_catalog(settings.catalog_overlay_path)
    database = context.database()
    ticket = issue_for_procedure(
        database,
        settings,
        catalog,
        procedure_code=args.procedure,
        priority=Priority(args.priority) if args.priority else None,
        kiosk_id=args.kiosk,
        # As the kiosk does: a flagged citizen gets a volunteer.
        call_volunteer=True,
    )
    if args.json:
        follow = FollowLinks(database, settings).url(ticket.id, ticket.service_day)
        context.emit_json({**ticket.as_json(), "follow_url": follow})
    else:
        context.emit(
            f"{ticket.label}  {ticket.procedure_code}  people ahead: {ticket.people_ahead}"
            f"  about {ticket.estimated_wait_minutes} min"
        )
    return 0


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    settings = context.settings
    day = args.day or service_day(datetime.now(UTC), settings.centre.zone)
    database = context.database()
    links = FollowLinks(database, settings)
    for ticket in list_tickets(database, day):
        record = ticket_as_json(ticket)
        if args.json:
            context.emit_json({**record, "follow_url": links.url(ticket.id, ticket.service_day)})
        else:
            context.emit(
                f"{record['label']}  {record['procedure']}  {record['state']}"
                f"  {record['print_status']}  {record['issued_at']}"
            )
    return 0


def run_reprint(args: argparse.Namespace, context: CliContext) -> int:
    settings = context.settings
    desk = TicketDesk(context.database(), settings, load_catalog(settings.catalog_overlay_path))
    result = desk.reprint(args.day, args.prefix.upper(), args.number, args.language)
    ticket = result.ticket
    if args.json:
        context.emit_json(ticket.as_json())
    else:
        reason = f" ({ticket.print_error})" if ticket.print_error else ""
        context.emit(f"{ticket.label}: {ticket.print_status.value}{reason}")
    return 0 if result.printed else 1
