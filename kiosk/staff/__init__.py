"""What staff protect and keep: the kiosk's staff PIN and the retention of old records."""
