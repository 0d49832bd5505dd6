"""The procedure catalogue: fields and procedures, loading and validating its files, and search."""
