"""The queue: numbering per service day, the citizen's place in line and the estimated wait."""
