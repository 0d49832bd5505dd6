"""Whether this machine can run the kiosk: one verdict per check, with its fix."""
