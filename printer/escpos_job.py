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


def write_image_job(printer: Escpos, image: Image.Image, spec: PrinterSpec) -> None:
    """Initialise, print ``image`` in the configured raster mode, feed and cut.

    ``printer`` must have had :func:`set_paper_width` applied.
    """
    printer.hw("INIT")
    printer.image(image, impl=spec.raster_impl, center=True)
    printer.cut()


def encode_image_job(image: Image.Image, spec: PrinterSpec) -> bytes:
    """The exact bytes :func:`write_image_job` sends, collected by a ``Dummy`` printer."""
    dummy = Dummy(profile=spec.profile)
    set_paper_width(dummy, spec.width_dots)
    write_image_job(dummy, image, spec)
    return dummy.output
