"""relwatch services."""
