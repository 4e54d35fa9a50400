"""Code every service shares: settings, logging, Redis stream plumbing, seeds, a local Redis."""
