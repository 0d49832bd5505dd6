"""Field icons (SVG), one per field; named by the `icon` key in fields.toml."""
