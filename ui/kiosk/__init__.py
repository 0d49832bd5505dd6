"""The citizen's touchscreen (`kiosk`): the window, its screens and widgets, idle and lockdown."""
