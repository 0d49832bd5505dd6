"""`kiosk-admin voice check DIR` and `kiosk-admin announce`: the hall display's spoken calls."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kiosk.announce.clips import LANGUAGES
from kiosk.announce.reading import Call
from kiosk.announce.render import configured_announcer
from kiosk.announce.voice import check_voice_dir, unknown_files
from kiosk.cli.context import CliContext
from kiosk.errors import KioskError
from kiosk.queue.ticket_label import parse_label


def register(subparsers: Any) -> None:
    voice = subparsers.add_parser("voice", help="the hall display's voice clips")
    actions = voice.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check", help="list the clips a voice folder lacks or that cannot be used (exit 1 if any)"
    )
    check.add_argument("folder", type=Path, metavar="DIR", help="folder with vi/ and en/")
    check.add_argument(
        "--language", choices=LANGUAGES, help="this language only (default: display.languages)"
    )
    check.set_defaults(run=run_check)

    announce = subparsers.add_parser(
        "announce", help="write the audio the hall display plays for a call, as a WAV file"
    )
    announce.add_argument("--ticket", required=True, help="the ticket label, e.g. A012")
    announce.add_argument("--counter", required=True, type=int, help="the counter number")
    announce.add_argument(
        "--language", choices=LANGUAGES, help="this language only (default: display.languages)"
    )
    announce.add_argument("--wav", required=True, type=Path, metavar="OUT.wav")
    announce.set_defaults(run=run_announce)


def run_check(args: argparse.Namespace, context: CliContext) -> int:
    if not args.folder.is_dir():
        raise KioskError(f"{args.folder} is not a folder")
    languages = (args.language,) if args.language else context.settings.display.languages
    problems = check_voice_dir(args.folder, languages)
    for problem in problems:
        context.emit(str(problem))
    for path in unknown_files(args.folder, languages):
        context.emit(f"{path}: not a clip name, never used (see resources/voice/README.md)")
    if problems:
        # The list is the result (stdout); the verdict goes where failures go, for scripts.
        print(
            f"kiosk-admin: {args.folder}: {len(problems)} clip(s) missing or unreadable",
            file=sys.stderr,
        )
        return 1
    context.emit(f"{args.folder}: every clip of {', '.join(languages)} is present and readable")
    return 0


def run_announce(args: argparse.Namespace, context: CliContext) -> int:
    try:
        prefix, number = parse_label(args.ticket)
        call = Call(prefix, number, args.counter)
    except ValueError as exc:
        raise KioskError(str(exc)) from exc
    announcer = configured_announcer(context.settings, (args.language,) if args.language else None)
    pcm = announcer.render(call)
    try:
        pcm.write_wav(args.wav)
    except OSError as exc:
        raise KioskError(f"cannot write {args.wav}: {exc.strerror or exc}") from exc
    context.emit(f"{args.wav}: {call.label} → counter {call.counter}, {pcm.duration_seconds:.1f} s")
    return 0
