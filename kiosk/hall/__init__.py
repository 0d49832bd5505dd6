"""The hall display's view of the queue: what it shows and which calls it announces (no Qt)."""
