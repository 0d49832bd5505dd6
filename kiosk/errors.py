"""Faults the kiosk reports to a person: each message is fit for a technician to act on."""


class KioskError(Exception):
    """A fault with a one-line message for staff; the command line prints it without a traceback."""


class ConfigError(KioskError):
    """The configuration file or an environment override is wrong."""


class DatabaseUnavailable(KioskError):
    """The database cannot be reached or opened."""


class DatabaseUnusable(DatabaseUnavailable):
    """The database is there but unusable as it is (damaged, missing, of a newer schema).

    Trying again does not help: a person has to restore a backup or update the kiosk.
    """


class DatabaseFileGone(DatabaseUnusable):
    """The SQLite file a process opened was deleted or replaced under it: nothing more is stored."""


class ClockFault(KioskError):
    """The machine's clock disagrees with the stored records, so nothing irreversible is done."""


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
