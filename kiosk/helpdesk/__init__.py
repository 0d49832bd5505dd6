"""The help desk: citizens' help requests, their claims and outcomes, and the volunteer roster."""
