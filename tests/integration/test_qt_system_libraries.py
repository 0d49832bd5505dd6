"""Every library the installed Qt's display and speech plugins load is on this machine.

`./dev` installs them (CI runs this after its install step); a Qt upgrade that links a new
library fails here, not on a centre's PC with "no Qt platform plugin could be initialized".
"""

from ui.common.qt_libraries import PLUGIN_PATTERNS, missing_libraries, plugins_of


def test_the_plugins_of_every_display_platform_are_found() -> None:
    names = {plugin.name for plugin in plugins_of(tuple(PLUGIN_PATTERNS))}

    assert {"libqxcb.so", "libqoffscreen.so"} <= names
    assert any(name.startswith("libqwayland") for name in names)
    assert "libqtexttospeech_speechd.so" in names


def test_no_library_a_qt_plugin_loads_is_missing() -> None:
    missing = missing_libraries()

    assert missing == {}, "missing (soname: plugins needing it); ./dev installs them: " + ", ".join(
        f"{soname}: {' '.join(plugins)}" for soname, plugins in missing.items()
    )
