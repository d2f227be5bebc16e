"""``python -m protokollkit`` runs the command line."""

from protokollkit.cli import main

main()
