"""The staff pages behind the corner press and the PIN: reprint, reload, printer test, exit."""
