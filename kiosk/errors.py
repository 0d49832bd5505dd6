"""Faults the kiosk reports to a person: each message is fit for a technician to act on."""


class KioskError(Exception):
    """A fault with a one-line message for staff; the command line prints it without a traceback."""


class ConfigError(KioskError):
    """The configuration file or an environment override is wrong."""


class DatabaseUnavailable(KioskError):
    """The database cannot be reached or opened."""


class UnknownProcedure(KioskError, KeyError):
    """A procedure code that the catalogue does not hold."""

    def __init__(self, code: str) -> None:
        super().__init__(f"unknown procedure code {code!r}: see `kiosk-admin catalog list`")
        self.code = code

    def __str__(self) -> str:
        return str(self.args[0])


class CatalogError(KioskError):
    """A catalogue file is unreadable or breaks a rule; the message names file, row and field."""


class VoiceClipError(KioskError):
    """A clip of the hall display's voice is missing or unreadable; the message names the file."""
