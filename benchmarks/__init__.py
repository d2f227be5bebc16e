"""Benchmarks and reports: ``make bench`` (run.py), the corpus report (corpus_report.py) and
the appointments corpus (termine_corpus.py)."""
