"""Every setting of the kiosk, declared once as typed models, read from one TOML file plus
environment overrides (models, bounds, checks, loading)."""

from kiosk.config.loading import (
    ENV_CONFIG,
    ENV_DATA_DIR,
    ENV_DATABASE_URL,
    ENV_KIOSK_ID,
    load_settings,
    settings_as_dict,
    settings_from_mapping,
)
from kiosk.config.models import (
    APP_NAME,
    LANGUAGES,
    CatalogSettings,
    CentreSettings,
    DatabaseSettings,
    DisplaySettings,
    KioskSettings,
    PrinterSettings,
    PrivacySettings,
    QueueSettings,
    Settings,
    StorageSettings,
    WebSettings,
    default_config_path,
    default_data_dir,
)

__all__ = [
    "APP_NAME",
    "ENV_CONFIG",
    "ENV_DATABASE_URL",
    "ENV_DATA_DIR",
    "ENV_KIOSK_ID",
    "LANGUAGES",
    "CatalogSettings",
    "CentreSettings",
    "DatabaseSettings",
    "DisplaySettings",
    "KioskSettings",
    "PrinterSettings",
    "PrivacySettings",
    "QueueSettings",
    "Settings",
    "StorageSettings",
    "WebSettings",
    "default_config_path",
    "default_data_dir",
    "load_settings",
    "settings_as_dict",
    "settings_from_mapping",
]
