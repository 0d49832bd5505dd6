"""The shared libraries that the installed PySide6's plugins load and this machine lacks.

Found with `ldd` on the plugins themselves, not from a list kept by hand, so a new Qt release
that links one more library is caught the day it is installed. `./dev` installs what this
names (``python -m ui.common.qt_libraries`` prints one missing soname per line), the doctor
names it, and a test fails on any. Imports no Qt: it must run where Qt cannot start.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

# The plugins each display platform loads (client side only: the kiosk is never a compositor),
# the speech plugin (its library comes with the speech stack) and the sound plugin (chimes).
PLUGIN_PATTERNS: dict[str, tuple[str, ...]] = {
    "xcb": ("platforms/libqxcb.so", "xcbglintegrations/*.so"),
    "wayland": (
        "platforms/libqwayland*.so",
        "wayland-shell-integration/*.so",
        "wayland-decoration-client/*.so",
        "wayland-graphics-integration-client/*.so",
    ),
    "offscreen": ("platforms/libqoffscreen.so",),
    "speech": ("texttospeech/*.so",),
    "sound": ("multimedia/*.so",),
}
DISPLAY_PLATFORMS = ("xcb", "wayland", "offscreen")
_LDD_TIMEOUT_SECONDS = 30


def plugin_directory() -> Path:
    """Where the installed PySide6 keeps its Qt plugins (found without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("PySide6 is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins"


def plugins_of(groups: tuple[str, ...]) -> list[Path]:
    """The plugin files of the named groups (keys of ``PLUGIN_PATTERNS``)."""
    directory = plugin_directory()
    patterns = [pattern for group in groups for pattern in PLUGIN_PATTERNS[group]]
    return sorted({path for pattern in patterns for path in directory.glob(pattern)})


def missing_libraries(groups: tuple[str, ...] = tuple(PLUGIN_PATTERNS)) -> dict[str, list[str]]:
    """Each soname that `ldd` cannot find, with the plugins that need it."""
    plugins = plugins_of(groups)
    if not plugins:
        return {}
    # One ldd for every plugin: it heads each file's listing with "path:".
    listing = subprocess.run(
        ["ldd", *map(str, plugins)],
        capture_output=True,
        text=True,
        timeout=_LDD_TIMEOUT_SECONDS,
        check=False,
    ).stdout
    missing: dict[str, list[str]] = {}
    plugin = plugins[0].name
    for line in listing.splitlines():
        if not line.startswith(("\t", " ")) and line.endswith(":"):
            plugin = Path(line[:-1]).name
            continue
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found":
            needers = missing.setdefault(name, [])
            if plugin not in needers:
                needers.append(plugin)
    return missing


def main() -> int:
    """Print every missing soname, one per line (for `./dev`); nothing when all are there."""
    for soname in sorted(missing_libraries()):
        print(soname)
    return 0


if __name__ == "__main__":
    sys.exit(main())
