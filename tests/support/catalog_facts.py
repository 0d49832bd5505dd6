"""What the catalogue issue requires of the starter catalogue."""

# Procedures the embedded catalogue must hold, each with documents in both languages.
REQUIRED_CODES = (
    "1.001193",
    "1.000656",
    "1.000894",
    "1.004222",
    "1.010041",
    "2.000815",
    "2.000884",
    "3.000228",
    "1.014027",
)
