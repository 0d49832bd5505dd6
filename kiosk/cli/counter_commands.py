"""`kiosk-admin counter ...`: what a counter page does, for scripts and tests."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.queue.calling import (
    CalledTicket,
    call_next,
    cancel,
    find_ticket,
    mark_no_show,
    mark_served,
    recall,
    return_no_show,
    transfer,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("counter", help="call and serve tickets at a counter")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, help_text in (
        ("call", "call the next ticket by the priority policy"),
        ("recall", "call the ticket in service again"),
        ("done", "the ticket in service has been served"),
        ("no-show", "the citizen did not come (after queue.no_show_after_recalls recalls)"),
        ("return", "a no-show came back: --ticket waits again in its place"),
        ("transfer", "send the ticket in service to the queue --to"),
        ("cancel", "cancel the ticket in service, or --ticket"),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("--counter", type=int, required=True, metavar="N")
        action.add_argument("--json", action="store_true", help="print the ticket as JSON")
        action.set_defaults(run=run_action)
        if name in ("return", "cancel"):
            action.add_argument("--ticket", required=name == "return", metavar="LABEL",
                                help="ticket number of today, e.g. A012")  # fmt: skip
        if name == "transfer":
            action.add_argument("--to", required=True, metavar="PREFIX", help="target queue")
            action.add_argument("--after-service", action="store_true",
                                help="served here; a new ticket joins the end of --to")  # fmt: skip


def run_action(args: argparse.Namespace, context: CliContext) -> int:
    database, settings, counter = context.database(), context.settings, args.counter
    label = getattr(args, "ticket", None)
    ticket_id = find_ticket(database, settings, label) if label else None
    result: CalledTicket | None
    if args.action == "call":
        result = call_next(database, settings, counter)
    elif args.action == "recall":
        result = recall(database, counter)
    elif args.action == "done":
        result = mark_served(database, counter)
    elif args.action == "no-show":
        result = mark_no_show(database, settings, counter)
    elif args.action == "return":
        assert ticket_id is not None  # --ticket is required
        result = return_no_show(database, ticket_id, counter)
    elif args.action == "transfer":
        result = transfer(database, counter, args.to, after_service=args.after_service)
    else:
        result = cancel(database, counter, ticket_id=ticket_id)
    if result is None:
        if args.json:
            context.emit_json({"counter": counter, "label": None})
        else:
            context.emit(f"counter {counter}: nobody is waiting")
        return 0
    if args.json:
        context.emit_json(result.as_json())
    else:
        context.emit(f"counter {counter}: {result.label} {result.state.value}")
    return 0
