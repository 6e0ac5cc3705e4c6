"""Lead scoring: the Python side (demo data, summary, command line)."""
