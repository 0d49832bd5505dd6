"""Imports flow ui/ -> kiosk/ -> printer/, never back: read from the source, without importing it.

A module of kiosk/ that imports Qt or ui/ would drag the GUI into kiosk-admin and the coming
web service; printer/ importing kiosk/ would make the leaf depend on the domain.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUI_OR_WEB = ("PySide6", "shiboken6", "ui", "fastapi", "starlette", "uvicorn", "jinja2")
FORBIDDEN = {"kiosk": GUI_OR_WEB, "printer": (*GUI_OR_WEB, "kiosk")}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in `path`, including those inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def violations(package: str) -> list[str]:
    forbidden = FORBIDDEN[package]
    return [
        f"{path.relative_to(ROOT)}:{line}: imports {module}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for line, module in imported_modules(path)
        if module.split(".")[0] in forbidden
    ]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_module_imports_against_the_direction(package: str) -> None:
    assert violations(package) == []


def test_the_scan_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "late.py"
    module.write_text(
        "def show():\n    from PySide6.QtWidgets import QLabel\n    import ui.kiosk\n", "utf-8"
    )

    assert imported_modules(module) == [(2, "PySide6.QtWidgets"), (3, "ui.kiosk")]
