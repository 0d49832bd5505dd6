"""The help-desk panel (`kiosk-panel`): open help requests, live, for the volunteers."""
