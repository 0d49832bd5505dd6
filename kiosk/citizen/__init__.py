"""The citizen at the kiosk: what they chose, and their ID card read for the age only."""
