"""The staff page by what staff read: reprint a listed ticket, reload the catalogue."""

from pytestqt.qtbot import QtBot

from kiosk.catalog.procedures import Catalog
from kiosk.config import Settings
from kiosk.queue.issuing import issue_for_procedure
from kiosk.staff.pin import set_pin
from kiosk.storage.db import Database
from tests.support.fake_printer import FakeNetworkPrinter
from tests.ui.conftest import WindowFactory, enter_pin, hold_corner, tap, visible_texts
from ui.kiosk.window import KioskWindow

BIRTH_REGISTRATION = "1.001193"
NEW_NAME = "Đăng ký khai sinh (trẻ sinh tại nhà)"
GOOD_OVERLAY = f"""
[[procedure]]
code = "{BIRTH_REGISTRATION}"
name = {{ vi = "{NEW_NAME}", en = "Birth registration (born at home)" }}
"""
BROKEN_OVERLAY = f"""
[[procedure]]
code = "{BIRTH_REGISTRATION}"
channels = ["fax"]
"""
TO_CIVIL_STATUS = ["Chạm để bắt đầu", "Hộ tịch"]


def open_staff_menu(qtbot: QtBot, window: KioskWindow) -> None:
    hold_corner(qtbot, window)
    enter_pin(qtbot, window, "2468")
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert window.current_page is window.staff_menu


def test_reprint_a_listed_ticket_on_the_printer(
    qtbot: QtBot,
    make_window: WindowFactory,
    kiosk_database: Database,
    kiosk_settings: Settings,
    catalog: Catalog,
) -> None:
    set_pin(kiosk_database, "2468")
    for _ in range(2):
        issue_for_procedure(
            kiosk_database, kiosk_settings, catalog, procedure_code=BIRTH_REGISTRATION
        )
    with FakeNetworkPrinter() as printer:
        window = make_window(
            printer={"kind": "network", "host": printer.host, "port": printer.port}
        )
        open_staff_menu(qtbot, window)
        rows = [text.split(" · ")[0] for text in visible_texts(window) if " · 1.001193" in text]
        assert rows == ["A002", "A001"]

        tap(qtbot, window, "In lại A001")
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
        job = printer.wait_for_job()

    assert job.image is not None
    assert job.image.width == window.settings.printer.width_dots
    assert "Đã in lại số A001." in visible_texts(window)
    assert any(
        text.startswith("A001 · ") and text.endswith(" · đã in") for text in visible_texts(window)
    )


def test_a_broken_overlay_is_refused_and_the_catalogue_stays(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database, kiosk_settings: Settings
) -> None:
    set_pin(kiosk_database, "2468")
    kiosk_settings.catalog_overlay_path.write_text(BROKEN_OVERLAY, encoding="utf-8")
    window = make_window()
    catalog_in_use = window.desk.catalog
    open_staff_menu(qtbot, window)

    tap(qtbot, window, "Tải lại danh mục")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)

    (said,) = [t for t in visible_texts(window) if t.startswith("Không tải lại danh mục")]
    assert "danh mục đang dùng giữ nguyên" in said
    assert "catalog-overlay.toml" in said
    assert "'channels'" in said
    assert window.desk.catalog is catalog_in_use
    tap(qtbot, window, "Quay lại kiosk")
    for text in TO_CIVIL_STATUS:
        tap(qtbot, window, text)
    tap(qtbot, window, "Đăng ký khai sinh")
    assert window.current_screen is window.details


def test_a_good_overlay_changes_what_the_procedure_screen_shows(
    qtbot: QtBot, make_window: WindowFactory, kiosk_database: Database, kiosk_settings: Settings
) -> None:
    set_pin(kiosk_database, "2468")
    window = make_window()
    for text in TO_CIVIL_STATUS:
        tap(qtbot, window, text)
    assert NEW_NAME not in visible_texts(window)
    kiosk_settings.catalog_overlay_path.write_text(GOOD_OVERLAY, encoding="utf-8")
    open_staff_menu(qtbot, window)

    tap(qtbot, window, "Tải lại danh mục")
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)

    assert "Đã tải lại danh mục: thêm 0, bỏ 0, sửa 1: 1.001193" in visible_texts(window)
    tap(qtbot, window, "Quay lại kiosk")
    for text in TO_CIVIL_STATUS:
        tap(qtbot, window, text)
    tap(qtbot, window, NEW_NAME)
    assert window.current_screen is window.details
    assert NEW_NAME in visible_texts(window)
