"""The figures a centre reports, per service day."""
