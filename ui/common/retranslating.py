"""Widgets whose fixed words follow the language the citizen chose, while the kiosk runs."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin: ``retranslate()`` runs again on every LanguageChange (the Qt Linguist way).

    List it before the Qt class: ``class Screen(Retranslating, QWidget)``.
    """

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate(self) -> None:
        """Set every fixed word again, in the language now installed."""
        raise NotImplementedError
