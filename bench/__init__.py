"""Benchmarks: not tests. Each writes its figures to bench/results.json and docs/PERFORMANCE.md cites them."""
