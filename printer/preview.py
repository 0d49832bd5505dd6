"""The preview printer: each ticket as a PNG and its ESC/POS bytes in a folder."""

from datetime import datetime
from pathlib import Path

from PIL import Image

from printer.spec import PrinterSpec


def write_preview(image: Image.Image, job: bytes, spec: PrinterSpec, stem: str) -> Path:
    """Write ``<preview_dir>/<stem>-<timestamp>.png`` and ``.bin``; return the PNG path."""
    assert spec.preview_dir is not None  # PrinterSpec guarantees it for kind "preview"
    folder = Path(spec.preview_dir)
    folder.mkdir(parents=True, exist_ok=True)
    timestamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    png_path = folder / f"{_safe(stem)}-{timestamp}.png"
    image.save(png_path)
    png_path.with_suffix(".bin").write_bytes(job)
    return png_path


def _safe(stem: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in stem) or "ticket"
