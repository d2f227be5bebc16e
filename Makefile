# protokollkit — the two commands of the README do all the set-up:
#   make protokoll   build the newest protocol in archiv/ into ausgabe/
#   make test        pytest, mypy --strict and ruff
#   make bilder      the reference as pictures (needs pdftoppm, soffice, chromium)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PROTOKOLL ?= $(lastword $(sort $(wildcard archiv/*.txt)))
AUSGABE ?= ausgabe

.PHONY: protokoll test bench bilder lint typecheck pytest golden clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

protokoll: $(STAMP)
	@test -n "$(PROTOKOLL)" || { echo "Kein Protokoll in archiv/ gefunden." >&2; exit 1; }
	$(BIN)/protokollkit build "$(PROTOKOLL)" -o "$(AUSGABE)"

pytest: $(STAMP)
	$(BIN)/python -m pytest

typecheck: $(STAMP)
	$(BIN)/python -m mypy

lint: $(STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m ruff format --check .

test: pytest typecheck lint

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/termine_corpus.py

# PDF, Word (through LibreOffice) and mail HTML (through Chromium) of the reference as PNGs:
# every page in ausgabe/bilder/, one of each in docs/bilder/ for the README.
bilder: $(STAMP)
	$(BIN)/python docs/make_bilder.py

golden: $(STAMP)
	PROTOKOLLKIT_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests -k golden

clean:
	rm -rf $(VENV) $(AUSGABE) .mypy_cache .pytest_cache .ruff_cache
