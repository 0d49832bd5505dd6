"""One sentence per printer fault, naming the printer and the fix, instead of python-escpos's text.

python-escpos wraps the reason a printer cannot be opened (``OSError``, pyusb's ``USBError``,
pyserial's ``SerialException``) in a ``DeviceNotFoundError`` whose text is several lines of
its own; the reason is read from the wrapped error here and said the way a technician acts
on it: not found, no permission, busy, a library missing.
"""

import errno

from escpos.exceptions import DeviceNotFoundError
from escpos.exceptions import Error as EscposError

from printer.spec import PrinterSpec

# The Python libraries python-escpos needs per kind, and how they are put in.
_MISSING_LIBRARY_FIX = {
    "usb": "pyusb is missing: reinstall the kiosk (./dev installs it with python-escpos[usb])",
    "serial": "pyserial is missing: reinstall the kiosk (./dev installs python-escpos[serial])",
    "cups": (
        "pycups is missing: apt-get install gcc python3-dev libcups2-dev, "
        "then .venv/bin/pip install -e '.[cups]'"
    ),
}
_NO_LIBUSB = "USB printing needs libusb: apt-get install libusb-1.0-0 (./dev installs it)"


def is_expected_fault(error: Exception) -> bool:
    """Whether ``error`` is a printer fault (said in one line) rather than a fault of ours."""
    return isinstance(error, OSError | EscposError | RuntimeError) or _is_no_backend(error)


def fault_reason(error: Exception, spec: PrinterSpec) -> str:
    """A sentence a technician can act on, naming the printer."""
    target = spec.target
    missing = _missing_library(error, spec)
    if missing is not None:
        return f"printer {target}: {missing}"
    if isinstance(error, DeviceNotFoundError):
        return _open_fault_reason(error, spec)
    if isinstance(error, TimeoutError):
        return (
            f"printer {target} stopped taking data; "
            f"ticket not fully sent within {spec.timeout_seconds:g} s"
        )
    if isinstance(error, ConnectionError):
        return f"printer {target} closed the connection; ticket not printed in full"
    if isinstance(error, OSError):
        return _device_fault_reason(error, spec) or f"printer {target}: {_words(error)}"
    return f"printer {target}: {type(error).__name__}: {error}"


def _missing_library(error: Exception, spec: PrinterSpec) -> str | None:
    if _is_no_backend(error):
        return _NO_LIBUSB
    if isinstance(error, RuntimeError):
        return _MISSING_LIBRARY_FIX.get(spec.kind)
    return None


def _open_fault_reason(error: DeviceNotFoundError, spec: PrinterSpec) -> str:
    # python-escpos raises DeviceNotFoundError while handling the error that says why.
    cause = error.__context__
    target = spec.target
    if isinstance(cause, ConnectionRefusedError):
        return f"printer {target} refused the connection"
    if isinstance(cause, TimeoutError):
        return f"printer {target} did not accept a connection within {spec.timeout_seconds:g} s"
    if spec.kind == "usb" and isinstance(cause, AssertionError):
        return _not_found(spec)
    if isinstance(cause, OSError):
        reason = _device_fault_reason(cause, spec)
        return reason or f"cannot reach printer {target}: {_words(cause)}"
    return f"cannot open printer {target}: {str(error).splitlines()[-1]}"


def _device_fault_reason(error: OSError, spec: PrinterSpec) -> str | None:
    """Not found, no permission or busy, for a printer on a port or USB; None for others."""
    if spec.kind not in {"usb", "serial", "file"}:
        return None
    code = error.errno
    if code in {errno.ENOENT, errno.ENODEV, errno.ENXIO}:
        return _not_found(spec)
    if code in {errno.EACCES, errno.EPERM}:
        return _no_permission(spec)
    if code == errno.EBUSY:
        return _busy(spec)
    return None


def _not_found(spec: PrinterSpec) -> str:
    if spec.kind == "usb":
        return (
            f"USB printer {spec.target[4:]} not found: plug it in and switch it on "
            "(lsusb lists the vendor:product of what is plugged in)"
        )
    return (
        f"printer port {spec.target} does not exist: check the cable and the printer's "
        "setting (ls /dev/ttyUSB* /dev/ttyS* /dev/usb/lp*)"
    )


def _no_permission(spec: PrinterSpec) -> str:
    if spec.kind == "usb":
        return (
            f"no permission to use USB printer {spec.target[4:]}: install "
            "deploy/udev/60-kiosk-printer.rules (docs/deploy.md), then plug the printer in again"
        )
    group = "dialout" if spec.kind == "serial" else "lp"
    return (
        f"no permission to open printer port {spec.target}: add the kiosk's user to the "
        f"{group} group (usermod -aG {group} kiosk) and start the kiosk again"
    )


def _busy(spec: PrinterSpec) -> str:
    if spec.kind == "usb":
        return (
            f"USB printer {spec.target[4:]} is busy: the usblp driver or CUPS holds it "
            "(remove it from CUPS, or see docs/printing.md on usblp)"
        )
    return f"printer port {spec.target} is busy: another program holds it (fuser -v {spec.target})"


def _is_no_backend(error: Exception) -> bool:
    # pyusb's NoBackendError: libusb is not installed. Matched by name, as pyusb may be absent.
    return type(error).__name__ == "NoBackendError"


def _words(error: OSError) -> str:
    return str(error.strerror or error)
