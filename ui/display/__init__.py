"""The hall display (`kiosk-display`): every call shown large on a TV and spoken, never cut off."""
