"""`kiosk-admin counters ...`: the counters (quầy) of the centre, their queues, open or closed."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.context import CliContext
from kiosk.cli.pin_commands import read_new_pin
from kiosk.queue.counters import (
    Counter,
    CounterError,
    add_counter,
    edit_counter,
    list_counters,
    parse_queues,
    remove_counter,
    set_counter_open,
    set_counter_pin,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("counters", help="the counters that call tickets")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="every counter")
    listing.add_argument("--json", action="store_true", help="one JSON object per counter")
    listing.set_defaults(run=run_list)

    add = actions.add_parser("add", help="add a counter (open unless --closed)")
    add.add_argument("number", type=int, metavar="N")
    add.add_argument("--name", help='shown name (default "Quầy N")')
    add.add_argument("--queues", required=True, type=_queues, metavar="A,B",
                     help="queue prefixes served, in order of preference")  # fmt: skip
    add.add_argument("--closed", action="store_true", help="add it closed")
    add.add_argument("--json", action="store_true", help="print the counter as JSON")
    add.set_defaults(run=run_add)

    edit = actions.add_parser("edit", help="rename a counter or change its queues")
    edit.add_argument("number", type=int, metavar="N")
    edit.add_argument("--name")
    edit.add_argument("--queues", type=_queues, metavar="A,B")
    edit.add_argument("--json", action="store_true", help="print the counter as JSON")
    edit.set_defaults(run=run_edit)

    for name, help_text, run in (
        ("remove", "remove a counter (not while it serves a ticket)", run_remove),
        ("open", "open a counter: it calls, and shortens the wait estimate", run_open),
        ("close", "close a counter", run_close),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("number", type=int, metavar="N")
        action.add_argument("--json", action="store_true", help="print the counter as JSON")
        action.set_defaults(run=run)

    pin = actions.add_parser("set-pin", help="set the PIN that signs in at the counter page")
    pin.add_argument("number", type=int, metavar="N")
    pin.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    pin.set_defaults(run=run_set_pin)


def _queues(text: str) -> tuple[str, ...]:
    try:
        return parse_queues(text)
    except CounterError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _show(context: CliContext, counter: Counter, as_json: bool) -> None:
    if as_json:
        context.emit_json(counter.as_json())
    else:
        state = "open" if counter.is_open else "closed"
        context.emit(f"{counter.number}  {counter.name}  {','.join(counter.queues)}  {state}")


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    for counter in list_counters(context.database()):
        _show(context, counter, args.json)
    return 0


def run_add(args: argparse.Namespace, context: CliContext) -> int:
    counter = add_counter(
        context.database(),
        args.number,
        queues=args.queues,
        name=args.name,
        is_open=not args.closed,
    )
    _show(context, counter, args.json)
    return 0


def run_edit(args: argparse.Namespace, context: CliContext) -> int:
    counter = edit_counter(context.database(), args.number, name=args.name, queues=args.queues)
    _show(context, counter, args.json)
    return 0


def run_remove(args: argparse.Namespace, context: CliContext) -> int:
    remove_counter(context.database(), args.number)
    if args.json:
        context.emit_json({"number": args.number, "removed": True})
    else:
        context.emit(f"removed counter {args.number}")
    return 0


def run_open(args: argparse.Namespace, context: CliContext) -> int:
    _show(context, set_counter_open(context.database(), args.number, True), args.json)
    return 0


def run_close(args: argparse.Namespace, context: CliContext) -> int:
    _show(context, set_counter_open(context.database(), args.number, False), args.json)
    return 0


def run_set_pin(args: argparse.Namespace, context: CliContext) -> int:
    set_counter_pin(context.database(), args.number, read_new_pin(args.pin_stdin, "counter"))
    context.emit(f"PIN of counter {args.number} set; five wrong PINs lock it for 5 minutes")
    return 0
