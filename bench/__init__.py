"""Benchmarks: each module prints its figures and writes JSON under bench/results/.

``python -m bench`` (or ``./dev bench``) runs them all and writes one JSON file and a table.
"""
