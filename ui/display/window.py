"""The hall display's window: the newest call large, every open counter, the last calls.

It learns of calls through the change watch and then, like the help-desk panel, reads off the
GUI thread (`ui.common.live_reader.LiveReader`) every event after the last one it has seen
(`kiosk.hall.board`); each new call is shown at once and queued to be spoken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from importlib import resources

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.announce.reading import Call
from kiosk.announce.render import Announcer, Pcm
from kiosk.config import Settings
from kiosk.hall.board import RECENT_CALLS, HallBoard, HallRead, ShownCall, read_hall
from kiosk.queue.service_day import service_day
from kiosk.storage.change_watch import ChangeWatch
from kiosk.storage.db import Database
from ui.common.live_reader import LiveReader, LiveWindow
from ui.common.metrics import Metrics
from ui.common.theme import cap_height_ratio, render_stylesheet
from ui.display import texts as words
from ui.display.speaker import Announcements, HallSpeaker
from ui.display.texts import HallTexts
from ui.display.widgets import CallingBand, CounterTile, role_label, set_highlighted

log = logging.getLogger(__name__)

# How long the newest call stays highlighted (steady: nothing on the display flashes).
HIGHLIGHT_MS = 8000
TILE_COLUMNS = {False: 4, True: 2}
RECENT_COLUMNS = {False: 1, True: 2}


def utc_now() -> datetime:
    return datetime.now(UTC)


def display_stylesheet(metrics: Metrics) -> str:
    template = (resources.files("resources.styles") / "display.qss").read_text(encoding="utf-8")
    return render_stylesheet(template, metrics, cap_height_ratio())


class DisplayWindow(LiveWindow, QWidget):
    """What the hall sees. Call `start()` once shown; the feed keeps it current."""

    # After every read of the database has been shown (tests and the benchmark wait on it).
    updated = Signal()

    def __init__(
        self,
        settings: Settings,
        database: Database,
        watch: ChangeWatch,
        metrics: Metrics,
        announcer: Announcer,
        *,
        play: Callable[[Pcm], float] | None = None,
        announce_speed: float = 1.0,
        clock: Callable[[], datetime] = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hallDisplay")
        self.setWindowTitle("Màn hình gọi số · Hall display")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._settings = settings
        self._database = database
        self._zone = settings.centre.zone
        self._clock = clock
        self._metrics = metrics
        self._announcer = announcer
        self.texts = HallTexts(settings.display.languages)
        self.board = HallBoard(self._zone)
        self._portrait: bool | None = None
        self.setStyleSheet(display_stylesheet(metrics))

        self.speaker = HallSpeaker(parent=self)
        self.announcements = Announcements(
            announcer.render, play or self.speaker.play, announce_speed, self
        )
        self.live = LiveReader[HallRead](
            watch,
            self._next_read,
            self._show_read,
            every_second=self._show_time,
            fault="the hall display could not read the queue",
            parent=self,
        )
        self.feed = self.live.feed
        self.runner = self.live.runner
        self.feed.lost.connect(self._show_lost)
        self.feed.restored.connect(self._show_restored)
        self._unhighlight = QTimer(self)
        self._unhighlight.setSingleShot(True)
        self._unhighlight.setInterval(HIGHLIGHT_MS)
        self._unhighlight.timeout.connect(lambda: self._highlight(None))
        self._highlighted_counter: int | None = None
        self._day: date | None = None
        self.tiles: dict[int, CounterTile] = {}
        self._build()
        self._show_board()
        self._show_time()

    # Layout -----------------------------------------------------------------------------------

    def _build(self) -> None:
        px = self._metrics.px
        layout = QVBoxLayout(self)
        # The TV's size is what it is: the layout fits into it, never widens the window (which,
        # laid out for landscape before the first resize, would not fit a portrait screen).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(px(8), px(4), px(8), px(4))
        layout.setSpacing(px(4))

        top = QHBoxLayout()
        self.centre_name = role_label(self._settings.centre.name, "hall-name")
        self.centre_name.setWordWrap(True)
        self.clock_label = role_label("", "clock")
        top.addWidget(self.centre_name, 1)
        top.addWidget(self.clock_label, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(top)

        self.reconnecting_banner = role_label(
            "\n".join(self.texts.each(words.RECONNECTING)), "reconnecting"
        )
        self.reconnecting_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reconnecting_banner.hide()
        layout.addWidget(self.reconnecting_banner)

        self.hero = CallingBand(self.texts.joined(words.NOW_CALLING), self._metrics)
        layout.addWidget(self.hero)

        self._build_serving()
        self._build_recent()

        self._body = QGridLayout()
        self._body.setSpacing(px(8))
        layout.addLayout(self._body, 1)

        self.waiting = role_label("", "waiting")
        self.waiting.setWordWrap(True)
        layout.addWidget(self.waiting)
        self.notice = role_label(self._settings.display.notice, "hall-notice")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(self._settings.display.notice))
        layout.addWidget(self.notice)
        self._arrange(portrait=False)

    def _build_serving(self) -> None:
        px = self._metrics.px
        self._serving = QWidget()
        serving = QVBoxLayout(self._serving)
        serving.setContentsMargins(0, 0, 0, 0)
        serving.setSpacing(px(3))
        serving.addWidget(role_label(self.texts.joined(words.SERVING), "heading"))
        self.no_counter = role_label(self.texts.joined(words.NO_COUNTER_OPEN), "empty")
        serving.addWidget(self.no_counter)
        self._tile_grid = QGridLayout()
        self._tile_grid.setSpacing(px(4))
        serving.addLayout(self._tile_grid)
        serving.addStretch(1)

    def _build_recent(self) -> None:
        px = self._metrics.px
        self._recent = QWidget()
        recent = QVBoxLayout(self._recent)
        recent.setContentsMargins(0, 0, 0, 0)
        recent.setSpacing(px(2))
        recent.addWidget(role_label(self.texts.joined(words.LAST_CALLS), "heading"))
        self.no_calls = role_label(self.texts.joined(words.NO_CALLS), "empty")
        recent.addWidget(self.no_calls)
        self._recent_grid = QGridLayout()
        self._recent_grid.setHorizontalSpacing(px(10))
        self._recent_grid.setVerticalSpacing(px(1))
        self.recent_rows = [role_label("", "recent") for _ in range(RECENT_CALLS)]
        recent.addLayout(self._recent_grid)
        recent.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(portrait=event.size().height() > event.size().width())
        super().resizeEvent(event)

    def _arrange(self, portrait: bool) -> None:
        """Side by side on a wide TV, stacked on a tall one."""
        if portrait == self._portrait:
            return
        self._portrait = portrait
        self.hero.set_portrait(portrait)
        for widget in (self._serving, self._recent):
            self._body.removeWidget(widget)
        self._body.addWidget(self._serving, 0, 0)
        self._body.addWidget(self._recent, *((1, 0) if portrait else (0, 1)))
        self._body.setColumnStretch(0, 3)
        self._body.setColumnStretch(1, 0 if portrait else 2)
        for row in self.recent_rows:
            self._recent_grid.removeWidget(row)
        rows_per_column = -(-RECENT_CALLS // RECENT_COLUMNS[portrait])
        for index, row in enumerate(self.recent_rows):
            self._recent_grid.addWidget(row, index % rows_per_column, index // rows_per_column)
        self._place_tiles()

    def _place_tiles(self) -> None:
        portrait = bool(self._portrait)
        columns = TILE_COLUMNS[portrait]
        for tile in self.tiles.values():
            self._tile_grid.removeWidget(tile)
        for index, number in enumerate(sorted(self.tiles)):
            tile = self.tiles[number]
            tile.set_portrait(portrait)
            self._tile_grid.addWidget(tile, index // columns, index % columns)

    # Live data --------------------------------------------------------------------------------

    def start(self) -> None:
        """Listen for changes, read the hall, and read the voice (off the GUI thread)."""
        voice, languages = self._announcer.voice, self._announcer.languages
        self.runner.run(
            lambda: voice.preload(languages),
            lambda _: self.announcements.voice_ready(),
            self._voice_failed,
        )
        super().start()

    def stop(self) -> None:
        self._unhighlight.stop()
        self.announcements.stop()
        super().stop()

    def _voice_failed(self, error: Exception) -> None:
        log.error("the hall display's voice could not be read; calls may stay silent: %s", error)
        self.announcements.voice_ready()

    def read(self) -> None:
        """Read the hall and every event since the last one seen; one read at a time, and
        notices that come meanwhile make one more."""
        self.live.read()

    def _next_read(self) -> Callable[[], HallRead]:
        database, last = self._database, self.board.last_event_id
        day = service_day(self._clock(), self._zone)
        return lambda: read_hall(database, day, last)

    def _show_read(self, read: HallRead) -> None:
        fresh = self.board.apply(read, self._clock())
        self._show_board()
        if fresh:
            self._highlight(self.board.newest)
            # Queued after the repaint the new texts asked for: starting an announcement
            # renders its audio (tens of milliseconds), which the hall should not wait for.
            calls = [shown.call for shown in fresh]
            QTimer.singleShot(0, self, lambda: self._announce(calls))
        self.updated.emit()

    def _announce(self, calls: list[Call]) -> None:
        for call in calls:
            self.announcements.add(call)

    def _show_lost(self) -> None:
        self.reconnecting_banner.show()

    def _show_restored(self) -> None:
        self.reconnecting_banner.hide()

    # What the hall sees -----------------------------------------------------------------------

    def counter_name(self, number: int) -> str:
        return self.board.counter_name(number) or self.texts.each(words.COUNTER, number=number)[0]

    def _show_board(self) -> None:
        newest = self.board.newest
        if newest is None:
            self.hero.show_nothing(self.texts.joined(words.NO_CALLS))
        else:
            self.hero.caption.setText(self.texts.joined(words.NOW_CALLING))
            self.hero.show_call(newest.label, self.counter_name(newest.counter_number))
        self.no_calls.setVisible(newest is None)
        for row, call in zip(self.recent_rows, self._recent_calls(), strict=True):
            row.setText(f"{call.label} → {self.counter_name(call.counter_number)}" if call else "")
        self._show_counters()
        self._show_waiting()

    def _recent_calls(self) -> list[ShownCall | None]:
        calls: list[ShownCall | None] = list(self.board.recent)
        return calls + [None] * (RECENT_CALLS - len(calls))

    def _show_counters(self) -> None:
        counters = self.board.state.counters if self.board.state else []
        numbers = {counter.counter_number for counter in counters}
        if numbers != set(self.tiles):
            for number in set(self.tiles) - numbers:
                self.tiles.pop(number).deleteLater()
            for number in numbers - set(self.tiles):
                self.tiles[number] = CounterTile(self._metrics)
            self._place_tiles()
        for counter in counters:
            tile = self.tiles[counter.counter_number]
            tile.show_counter(counter.counter_name, counter.label)
            set_highlighted(tile, counter.counter_number == self._highlighted_counter)
        self.no_counter.setVisible(not counters)

    def _show_waiting(self) -> None:
        waiting = self.board.state.waiting if self.board.state else {}
        heading = self.texts.joined(words.WAITING)
        if any(waiting.values()):
            counts = "     ".join(
                f"{queue}: {count}" for queue, count in sorted(waiting.items()) if count
            )
            self.waiting.setText(f"{heading}:     {counts}")
        else:
            self.waiting.setText(self.texts.joined(words.NOBODY_WAITING))

    def _highlight(self, call: ShownCall | None) -> None:
        """Highlight the newest call (band and counter) steadily, then let it rest."""
        self._highlighted_counter = call.counter_number if call else None
        set_highlighted(self.hero, call is not None)
        for number, tile in self.tiles.items():
            set_highlighted(tile, number == self._highlighted_counter)
        if call is not None:
            self._unhighlight.start()

    def _show_time(self) -> None:
        local = self._clock().astimezone(self._zone)
        self.clock_label.setText(local.strftime("%H:%M  ·  %d/%m/%Y"))
        if self._day is not None and local.date() != self._day:
            # A new service day: yesterday's calls and waiting counts leave the screen.
            self.live.read_soon()
        self._day = local.date()

    @property
    def highlighted(self) -> bool:
        return bool(self.hero.property("highlighted"))
