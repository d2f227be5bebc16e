"""The archive as a whole: search index, statistics, static website and OParl export.

Every module here reads protocols only through :func:`protokollkit.read` and keeps one protocol
in memory at a time; what the archive knows across protocols lives in the index
(:mod:`protokollkit.archive.index`), a rebuildable SQLite cache beside the archive.
"""
