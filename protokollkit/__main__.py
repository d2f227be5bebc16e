"""``python -m protokollkit`` and the console script ``protokollkit`` run the command line.

The command line's modules (click, the writers …) are imported inside :func:`run`, so that
Ctrl-C while Python still imports them ends the way Ctrl-C ends later (click's
„Abgebrochen.“, exit status 1), not with a traceback.
"""

from __future__ import annotations

import sys


def run() -> None:
    """Import the command line and run it."""
    try:
        from protokollkit.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("\nAbgebrochen.\n")
        raise SystemExit(1) from None
    main()


if __name__ == "__main__":
    run()
