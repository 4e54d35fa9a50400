"""relwatch: the services and their shared code."""
