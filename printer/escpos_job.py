"""ESC/POS bytes for one printed image, made by python-escpos itself."""

import copy

from escpos.escpos import Escpos
from escpos.printer import Dummy
from PIL import Image

from printer.spec import PrinterSpec


def set_paper_width(printer: Escpos, width_dots: int) -> None:
    """Give the printer's python-escpos profile a paper width of ``width_dots``.

    python-escpos complains and cannot centre when the profile's width is
    unknown (its default profile); the profile data is copied so the shared
    profile database stays untouched.
    """
    data = copy.deepcopy(printer.profile.profile_data)
    data.setdefault("media", {}).setdefault("width", {})["pixels"] = width_dots
    printer.profile.profile_data = data


_FRAGMENT_HEIGHT = 960  # python-escpos's default: rows per image command
# GS ( L states its length in two bytes. python-escpos's range check lets larger
# fragments through and the length wraps (a 576 x 960 fragment is 69,120 bytes),
# so graphics fragments are cut to fit: 65,535 minus the 10-byte header.
_GRAPHICS_MAX_DATA_BYTES = 65535 - 10


def _fragment_height(spec: PrinterSpec) -> int:
    if spec.raster_impl == "graphics":
        return min(_FRAGMENT_HEIGHT, _GRAPHICS_MAX_DATA_BYTES // (spec.width_dots // 8))
    return _FRAGMENT_HEIGHT


def write_image_job(printer: Escpos, image: Image.Image, spec: PrinterSpec) -> None:
    """Initialise, print ``image`` in the configured raster mode, feed and cut.

    ``printer`` must have had :func:`set_paper_width` applied.
    """
    printer.hw("INIT")
    # Sliced here rather than by python-escpos, which would convert the whole ticket once
    # before converting each slice again: a third of the time of a ticket.
    height = _fragment_height(spec)
    for top in range(0, image.height, height):
        printer.image(
            image.crop((0, top, image.width, min(top + height, image.height))),
            impl=spec.raster_impl,
            # A ticket already as wide as the paper needs no centring (which copies it).
            center=image.width < spec.width_dots,
            fragment_height=height,
        )
    printer.cut()


def encode_image_job(image: Image.Image, spec: PrinterSpec) -> bytes:
    """The exact bytes :func:`write_image_job` sends, collected by a ``Dummy`` printer."""
    dummy = Dummy(profile=spec.profile)
    set_paper_width(dummy, spec.width_dots)
    write_image_job(dummy, image, spec)
    return dummy.output
