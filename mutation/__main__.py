"""`./dev mutate [PACKAGE|MODULE]`: plant small bugs in the core, one at a time, and count
how many the package's own fast tests catch.

cosmic-ray rewrites the source file in place for every mutant, so each run works on a copy of
the checkout in a temporary folder (the tests of the copy import the copy, since pytest runs
there) and the checkout itself is never touched. Mutants run one after another (one core);
each runs only the unit and integration tests that concern its package, on SQLite, without
the slow multi-process tests; with ``--postgres`` also on the PostgreSQL server (some calling
paths exist only there). Too slow for CI; run it after changing the core and kill what
survives with a real test. Results: ``.mutation/<package>.txt`` (every surviving mutant).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / ".mutation"


@dataclass(frozen=True)
class Target:
    """A package of the core: the modules to mutate and the tests that guard them."""

    modules: tuple[str, ...]
    tests: tuple[str, ...]


TARGETS = {
    "queue": Target(
        (
            "kiosk/queue/tickets.py",
            "kiosk/queue/issuing.py",
            "kiosk/queue/position.py",
            "kiosk/queue/service_day.py",
            "kiosk/queue/ticket_label.py",
        ),
        (
            "tests/unit/test_queue_position.py",
            "tests/unit/test_follow_links.py",
            "tests/unit/test_announce_reading.py",
            "tests/integration/test_ticket_numbering.py",
            "tests/integration/test_queue_wait.py",
        ),
    ),
    "calling": Target(
        ("kiosk/queue/calling.py", "kiosk/queue/policy.py", "kiosk/queue/counters.py"),
        (
            "tests/unit/test_priority_policy.py",
            "tests/integration/test_calling_rules.py",
            "tests/integration/test_calling_figures.py",
            "tests/integration/test_queue_wait.py",
            "tests/integration/test_counter_records.py",
            "tests/integration/test_calling_presses.py",
        ),
    ),
    "helpdesk": Target(
        ("kiosk/helpdesk/requests.py", "kiosk/helpdesk/volunteers.py"),
        ("tests/integration/test_help_requests.py",),
    ),
    "idcard": Target(("kiosk/citizen/idcard.py",), ("tests/unit/test_idcard.py",)),
    "search": Target(
        ("kiosk/catalog/search.py",),
        (
            "tests/unit/test_search_scoring.py",
            "tests/unit/test_search.py",
            "tests/unit/test_search_properties.py",
        ),
    ),
    "printing": Target(
        ("kiosk/printing/desk.py",),
        (
            "tests/integration/test_ticket_desk.py",
            "tests/integration/test_clock_faults.py",
            "tests/integration/test_checklist_slip.py",
        ),
    ),
}

# Replacements that mostly make the same bug twice over (a sum turned into a shift, a power, a
# bitwise xor) or crash at once (an == turned into `is`): left out so that a package takes
# minutes, not hours. Every other cosmic-ray operator runs.
EXCLUDED_OPERATORS = (
    r"core/ReplaceBinaryOperator_.*_(Pow|Mod|LShift|RShift|BitXor)$",
    r"core/ReplaceComparisonOperator_(Eq|NotEq|Lt|LtE|Gt|GtE)_(Is|IsNot)$",
)
# One mutant may take this long before it counts as killed (an endless loop, a lock held).
TIMEOUT_SECONDS = 120


def _config(target: Target, python: str, *, postgres: bool) -> str:
    tests = " ".join(target.tests)
    markers = "not slow" if postgres else "not postgres and not slow"
    command = (
        f"{python} -m pytest -x -q -p no:cacheprovider -m '{markers}' "
        f"-o addopts= --timeout={TIMEOUT_SECONDS} {tests}"
    )
    modules = json.dumps(list(target.modules))
    excluded = json.dumps(list(EXCLUDED_OPERATORS))
    return f"""[cosmic-ray]
module-path = {modules}
timeout = {float(TIMEOUT_SECONDS)}
excluded-modules = []
test-command = {json.dumps(command)}

[cosmic-ray.distributor]
name = "local"

[cosmic-ray.filters.operators-filter]
exclude-operators = {excluded}
"""


def _copy_checkout(into: Path) -> None:
    """The checkout's files as git sees them (committed, changed or new, not ignored)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout.split(b"\0")
    for name in filter(None, (entry.decode() for entry in listed)):
        source = REPO / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def mutate(name: str, target: Target, *, postgres: bool) -> tuple[int, int]:
    """Run every mutant of one package; (killed, total) and the survivors in .mutation/."""
    with tempfile.TemporaryDirectory(prefix=f"kiosk-mutate-{name}-") as folder:
        work = Path(folder)
        _copy_checkout(work)
        config = work / "cosmic-ray.toml"
        config.write_text(_config(target, sys.executable, postgres=postgres), encoding="utf-8")
        session = work / "session.sqlite"

        def run(*command: str) -> str:
            done = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                # Most often the baseline: the tests fail before any mutant is planted.
                raise SystemExit(
                    f"mutate: {' '.join(command[1:3])} failed (exit {done.returncode}):\n"
                    f"{(done.stdout + done.stderr)[-4000:]}"
                )
            return done.stdout

        run(_tool("cosmic-ray"), "init", str(config), str(session))
        run(_tool("cr-filter-operators"), str(session), str(config))
        _skip_annotations(session, work)
        run(_tool("cosmic-ray"), "baseline", str(config))
        run(_tool("cosmic-ray"), "exec", str(config), str(session))
        report = run(_tool("cr-report"), "--surviving-only", "--show-diff", str(session))
        counts = _counts(run(_tool("cosmic-ray"), "dump", str(session)))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.txt").write_text(report, encoding="utf-8")
    return counts


def _annotation_spans(module: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where the module's type annotations are, as (line, column) ranges."""
    spans = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        annotations = []
        if isinstance(node, ast.arg | ast.AnnAssign) and node.annotation is not None:
            annotations.append(node.annotation)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns is not None:
            annotations.append(node.returns)
        spans += [
            ((a.lineno, a.col_offset), (a.end_lineno or a.lineno, a.end_col_offset or 0))
            for a in annotations
        ]
    return spans


def _is_keyword_only_marker(module: Path, position: tuple[int, ...]) -> bool:
    """Whether ``position`` is the bare ``*`` of a signature, which cosmic-ray takes for a
    multiplication (made ``/``, it changes nothing for callers that pass keywords)."""
    line, column = position
    text = module.read_text(encoding="utf-8").splitlines()[line - 1]
    return text[column : column + 1] == "*" and text[column + 1 :].lstrip()[:1] in (",", ")")


def _skip_annotations(session: Path, work: Path) -> None:
    """Skip mutants that cannot be bugs: inside type annotations (with ``from __future__
    import annotations`` never evaluated, so ``date | None`` made ``date + None`` is no bug)
    and on the bare ``*`` of a signature."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    spans: dict[Path, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    with use_db(str(session), WorkDB.Mode.open) as work_db:
        for item in list(work_db.pending_work_items):
            for mutation in item.mutations:
                path = Path(mutation.module_path)
                if path not in spans:
                    spans[path] = _annotation_spans(path if path.is_absolute() else work / path)
                start = tuple(mutation.start_pos)
                source = work / path if not path.is_absolute() else path
                if any(first <= start < last for first, last in spans[path]) or (
                    _is_keyword_only_marker(source, start)
                ):
                    work_db.set_result(
                        item.job_id,
                        WorkResult(output="annotation", worker_outcome=WorkerOutcome.SKIPPED),
                    )
                    break


def _counts(dump: str) -> tuple[int, int]:
    """(killed, total) over the mutants that ran (those filtered out are not counted)."""
    killed = total = 0
    for line in filter(None, dump.splitlines()):
        _item, result = json.loads(line)
        if result is None or result.get("worker_outcome") in ("skipped", "no-test"):
            continue
        total += 1
        killed += result.get("test_outcome") in ("killed", "incompetent")
    return killed, total


def _targets(choice: str | None) -> dict[str, Target]:
    if choice is None:
        return TARGETS
    if choice in TARGETS:
        return {choice: TARGETS[choice]}
    for name, target in TARGETS.items():
        if choice in target.modules:
            return {name: Target((choice,), target.tests)}
    raise SystemExit(f"mutate: {choice!r} is none of {', '.join(TARGETS)} nor one of their modules")


def main() -> None:
    parser = argparse.ArgumentParser(prog="./dev mutate", description=__doc__.split("\n\n")[0])
    parser.add_argument("package", nargs="?", help=f"one of {', '.join(TARGETS)} or a module")
    parser.add_argument(
        "--postgres",
        action="store_true",
        help="also run the PostgreSQL variants of the tests, on KIOSK_TEST_POSTGRES_URL "
        "(./dev sets it as for ./dev test)",
    )
    arguments = parser.parse_args()
    if arguments.postgres and not os.environ.get("KIOSK_TEST_POSTGRES_URL"):
        raise SystemExit("mutate: --postgres needs a server: set KIOSK_TEST_POSTGRES_URL")
    for name, target in _targets(arguments.package).items():
        killed, total = mutate(name, target, postgres=arguments.postgres)
        rate = 100 * killed / total if total else 100.0
        survivors = RESULTS.relative_to(REPO) / f"{name}.txt"
        print(f"{name}: {killed}/{total} mutants killed ({rate:.1f}%); survivors: {survivors}")


if __name__ == "__main__":
    main()
