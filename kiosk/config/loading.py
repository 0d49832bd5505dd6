"""Reading settings: embedded defaults, then one TOML file, then the environment.

This is the only module that reads the environment or the configuration file. Any key can be
set from the environment as KIOSK_<SECTION>__<KEY> (KIOSK_PRINTER__HOST=10.0.0.5), typed and
checked like the file; KIOSK_DATABASE_URL and KIOSK_ID are older names for two of them. Every
error is one line naming the key, what is allowed and what was given.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import tomllib
import typing
from collections.abc import Mapping
from pathlib import Path

import msgspec

from kiosk.config.bounds import allowed_words
from kiosk.config.checks import check
from kiosk.config.models import SECTIONS, Settings, default_config_path, default_data_dir
from kiosk.errors import ConfigError

ENV_CONFIG = "KIOSK_CONFIG"
ENV_DATABASE_URL = "KIOSK_DATABASE_URL"
ENV_KIOSK_ID = "KIOSK_ID"
ENV_DATA_DIR = "KIOSK_DATA_DIR"
# Older environment names of two settings; KIOSK_<SECTION>__<KEY> is applied after them.
LEGACY_ENV = {ENV_DATABASE_URL: ("database", "url"), ENV_KIOSK_ID: ("kiosk", "id")}
ENV_SETTING = re.compile(r"KIOSK_([A-Z0-9_]+?)__([A-Z0-9_]+)")
ORIGINS = ("default", "file", "environment")


def _hints(section: str) -> dict[str, object]:
    return typing.get_type_hints(SECTIONS[section], include_extras=True)


def _base_type(kind: object) -> object:
    while typing.get_origin(kind) is typing.Annotated:
        kind = typing.get_args(kind)[0]
    return kind


def _env_value(raw: str, kind: object) -> object:
    """An environment string as the key's type; left as text when it is not one (then refused)."""
    base = _base_type(kind)
    if base is str:
        return raw
    if typing.get_origin(base) in (tuple, dict):
        try:
            return tomllib.loads(f"value = {raw}")["value"]
        except tomllib.TOMLDecodeError:
            return raw
    try:
        return msgspec.convert(raw, base, strict=False)
    except msgspec.ValidationError:
        pass
    if base is int:
        # Prefixed as the file may write it (TOML 0x04b8): USB ids are read off `lsusb`.
        with contextlib.suppress(ValueError):
            return int(raw, 0)
    return raw


def _convert_section(name: str, table: object) -> object:
    cls = SECTIONS[name]
    if not isinstance(table, dict):
        raise ConfigError(f"[{name}]: expected a table of settings, got {table!r}")
    known = {f.name for f in dataclasses.fields(cls)}
    for key in table:
        if key not in known:
            raise ConfigError(f"{name}.{key}: unknown setting; allowed: {', '.join(sorted(known))}")
    try:
        return msgspec.convert(table, cls)
    except msgspec.ValidationError as exc:
        path = str(exc).rpartition("$.")[2].rstrip("`")
        key = re.split(r"[.\[]", path, maxsplit=1)[0]
        if key not in table:
            raise ConfigError(f"{name}: {exc}") from exc
        words = allowed_words(_hints(name)[key])
        raise ConfigError(f"{name}.{key}: expected {words}, got {table[key]!r}") from exc


def settings_from_mapping(
    document: Mapping[str, object],
    *,
    data_dir: Path | None = None,
    source: Path | None = None,
    origins: Mapping[str, str] | None = None,
) -> Settings:
    """Build checked settings from a parsed TOML document (sections of key = value)."""
    sections: dict[str, object] = {}
    for name, table in document.items():
        if name not in SECTIONS:
            raise ConfigError(f"[{name}]: unknown section; allowed: {', '.join(SECTIONS)}")
        sections[name] = _convert_section(name, table)
    settings = Settings(
        **sections,  # type: ignore[arg-type]
        data_dir=data_dir or default_data_dir(),
        source=source,
        origins=dict(origins or {}),
    )
    check(settings)
    return settings


def _read_file(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: configuration file not found") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"{path}: is a folder, expected a configuration file") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration file: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def _environment_overrides(env: Mapping[str, str]) -> dict[tuple[str, str], tuple[str, str]]:
    """(section, key) -> (environment variable, raw value), legacy names first."""
    found = {LEGACY_ENV[name]: (name, env[name]) for name in LEGACY_ENV if env.get(name)}
    for name in sorted(env):
        match = ENV_SETTING.fullmatch(name)
        if match is None:
            continue
        section, key = match[1].lower(), match[2].lower()
        if section not in SECTIONS or key not in _hints(section):
            raise ConfigError(
                f"${name}: no setting {section}.{key}; sections: {', '.join(SECTIONS)}"
            )
        found[(section, key)] = (name, env[name])
    return found


def _data_dir(env: Mapping[str, str]) -> Path | None:
    if not env.get(ENV_DATA_DIR):
        return None
    path = Path(env[ENV_DATA_DIR])
    if path.exists() and not path.is_dir():
        raise ConfigError(f"${ENV_DATA_DIR}: {path} is not a folder")
    return path


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """Load settings: ``path``, else $KIOSK_CONFIG, else the user config file if it exists.

    With no file at all the embedded defaults apply; the environment overrides the file.
    """
    env = os.environ if environ is None else environ
    explicit = path or (Path(env[ENV_CONFIG]) if env.get(ENV_CONFIG) else None)
    chosen = explicit or default_config_path()
    source = chosen if explicit is not None or chosen.exists() else None
    document = _read_file(chosen) if source is not None else {}
    origins = {
        f"{section}.{key}": "file"
        for section, table in document.items()
        if isinstance(table, dict)
        for key in table
    }
    by_key: dict[str, str] = {}
    for (section, key), (name, raw) in _environment_overrides(env).items():
        table = document.setdefault(section, {})
        if isinstance(table, dict):
            table[key] = _env_value(raw, _hints(section)[key])
        origins[f"{section}.{key}"] = "environment"
        by_key[f"{section}.{key}"] = name
    data_dir = _data_dir(env)
    try:
        return settings_from_mapping(document, data_dir=data_dir, source=source, origins=origins)
    except ConfigError as exc:
        key = str(exc).split(":", 1)[0]
        where = f"${by_key[key]}" if key in by_key else str(chosen)
        raise ConfigError(f"{where}: {exc}") from exc


def settings_as_dict(settings: Settings) -> dict[str, object]:
    """The effective settings as plain data, for `kiosk-admin config show`.

    `sources` says, per section and key, whether its value is the default or comes from the
    file or the environment.
    """
    result: dict[str, object] = {}
    sources: dict[str, dict[str, str]] = {}
    for name in SECTIONS:
        section = dataclasses.asdict(getattr(settings, name))
        result[name] = {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in section.items()
        }
        sources[name] = {key: settings.origins.get(f"{name}.{key}", "default") for key in section}
    result["effective"] = {
        "config_file": str(settings.source) if settings.source else None,
        "data_dir": str(settings.data_dir),
        "database_url": settings.database_url,
        "preview_dir": str(settings.preview_dir),
        "catalog_overlay": str(settings.catalog_overlay_path),
        "backup_dir": str(settings.backup_dir),
    }
    result["sources"] = sources
    return result
