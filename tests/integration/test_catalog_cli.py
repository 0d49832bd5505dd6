"""`kiosk-admin catalog ...` as staff run it: list, search, validate, import."""

import argparse
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import catalog_commands, main
from kiosk.cli.context import CliContext
from tests.support.catalog_facts import REQUIRED_CODES


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[catalog]\noverlay = "{tmp_path / "overlay.toml"}"\n', encoding="utf-8")
    return path


def run(config: Path, *argv: str) -> tuple[int, str]:
    """Run a catalog subcommand through the same parser and context as kiosk-admin."""
    parser = argparse.ArgumentParser()
    catalog_commands.register(parser.add_subparsers(dest="subject", required=True))
    args = parser.parse_args(argv)
    out = io.StringIO()
    context = CliContext(config_path=config, out=out)
    try:
        code = args.run(args, context)
    finally:
        context.close()
    return code, out.getvalue()


def test_list_json_shows_the_builtin_catalogue(config: Path) -> None:
    code, out = run(config, "catalog", "list", "--json")
    assert code == 0
    record = json.loads(out)
    procedures = {p["code"]: p for p in record["procedures"]}
    assert len(procedures) >= 35
    assert set(procedures) >= set(REQUIRED_CODES)
    for code_ in REQUIRED_CODES:
        document = procedures[code_]["documents"][0]
        assert document["vi"]
        assert document["en"]
    assert procedures["1.004873"]["fee"] == {
        "en": "Set by the province",
        "vi": "Theo quy định của tỉnh",
    }
    assert procedures["2.002516"]["unverified"] == ["processing_time"]
    assert [f["queue_prefix"] for f in record["fields"]][:3] == ["A", "B", "C"]


def test_search_json_ranks_codes_with_names(config: Path) -> None:
    code, out = run(config, "catalog", "search", "dang ky khai sinh", "--json")
    assert code == 0
    record = json.loads(out)
    assert record["query"] == "dang ky khai sinh"
    first = record["hits"][0]
    assert (first["rank"], first["code"], first["name"]["vi"]) == (
        1,
        "1.001193",
        "Đăng ký khai sinh",
    )
    _, out = run(config, "catalog", "search", "sao y", "--json")
    assert "2.000815" in [h["code"] for h in json.loads(out)["hits"][:3]]
    _, out = run(config, "catalog", "search", "khai snh", "--json")
    assert json.loads(out)["hits"][0]["code"] == "1.001193"


def test_validate_names_the_row_and_field_of_each_problem(config: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,name,field,documents,fee,time\n"
        "1.001193,,civil_status,Tờ khai,,Trong ngày\n"
        "1.001193,Đăng ký khai sinh,civil_status,Tờ khai,,Trong ngày\n",
        encoding="utf-8",
    )
    code, out = run(config, "catalog", "validate", str(bad))
    assert code == 1
    assert f"rejected: {bad}: row 2: code 1.001193: field 'name': missing Vietnamese name" in out
    assert "0 added, 1 changed, 0 unchanged, 1 rejected" in out


def test_import_refuses_then_accepts_with_skip_rejected(config: Path, tmp_path: Path) -> None:
    overlay = tmp_path / "overlay.toml"
    mixed = tmp_path / "centre.csv"
    mixed.write_text(
        "code,name,field,documents,fee,time\n"
        "1.004873,Cấp Giấy xác nhận tình trạng hôn nhân,civil_status,Tờ khai,5.000 đồng,3 ngày\n"
        "1.000656,Đăng ký khai tử,civil_status,Tờ khai\n",
        encoding="utf-8",
    )
    code, out = run(config, "catalog", "import", str(mixed), "--json")
    assert code == 1
    record = json.loads(out)
    assert (record["changed"], record["rejected"], record["written"]) == (1, 1, False)
    assert record["rows"][1]["row"] == 3
    assert not overlay.exists()

    code, out = run(config, "catalog", "import", str(mixed), "--skip-rejected")
    assert code == 0
    assert f"overlay written to {overlay}" in out
    _, out = run(config, "catalog", "list", "--json")
    fees = {p["code"]: p["fee"]["vi"] for p in json.loads(out)["procedures"]}
    assert fees["1.004873"] == "5.000 đồng"


@pytest.mark.skipif(
    catalog_commands not in main.SUBJECTS, reason="kiosk/cli/main.py does not register catalog yet"
)
def test_installed_kiosk_admin_runs_catalog_commands(config: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kiosk.cli.main",
            "--config",
            str(config),
            "catalog",
            "search",
            "cccd",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    hits = json.loads(result.stdout)["hits"]
    assert hits[0]["code"] in {"1.014061", "1.014063", "1.014064", "1.012566"}
