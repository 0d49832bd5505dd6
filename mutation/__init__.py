"""Mutation testing of the kiosk's core with cosmic-ray: `./dev mutate [PACKAGE]`."""
