"""`kiosk-web`: serve the follow-your-turn pages (and later the counters) with uvicorn."""

from __future__ import annotations

import argparse
import gc
import logging
import sys
from pathlib import Path

from kiosk.catalog.loader import load_catalog
from kiosk.config import load_settings
from kiosk.errors import KioskError
from kiosk.storage.db import open_configured_database

log = logging.getLogger(__name__)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="kiosk-web",
        description="The centre's web service: phones follow their tickets at /t/<token>.",
    )
    parser.add_argument("--config", type=Path, help="configuration file (default: $KIOSK_CONFIG)")
    parser.add_argument("--host", help="address to listen on (default: web.host)")
    parser.add_argument("--port", type=int, help="port to listen on (default: web.port)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = load_settings(args.config)
        if args.port is not None and not 1 <= args.port <= 65535:
            raise KioskError(f"--port {args.port}: expected a port number from 1 to 65535")
        import uvicorn

        from web.app import DATABASE_POOL_SIZE, create_app

        database = open_configured_database(settings, pool_size=DATABASE_POOL_SIZE)
        catalog = load_catalog(settings.catalog_overlay_path)
        app = create_app(settings, database, catalog)
    except KioskError as exc:
        print(f"kiosk-web: {exc}", file=sys.stderr)
        return 2
    host = args.host or settings.web.host
    port = args.port or settings.web.port
    log.info(
        "kiosk-web on http://%s:%d (public address: %s)",
        host,
        port,
        settings.web.public_url or "not set",
    )
    # What start-up made (modules, the catalogue, the app: some 130,000 objects) lives as
    # long as the service: out of the collector's sight, a full collection takes well under a
    # millisecond instead of some 30 ms, a pause every request in flight would wait out.
    gc.freeze()
    try:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="info" if args.verbose else "warning",
            # Open event streams would otherwise hold a stop for as long as phones stay.
            timeout_graceful_shutdown=2,
        )
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
