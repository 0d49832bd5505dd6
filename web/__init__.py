"""kiosk-web: the web service phones and counter browsers reach (parse, call kiosk/, render)."""
