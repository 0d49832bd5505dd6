"""Spoken calls: the voice's clips, how a ticket is read aloud, one call's audio, and the queue
that plays calls one after another (no Qt here; the hall display drives it from its audio sink)."""
