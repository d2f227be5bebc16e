"""Benchmarks and reports: ``make bench`` (run.py) and the corpus report (corpus_report.py)."""
