# protokollkit — the two commands of the README do all the set-up:
#   make protokoll   build the newest protocol in archiv/ into ausgabe/
#   make test        pytest, mypy --strict and ruff
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PROTOKOLL ?= archiv
# a folder: build picks its newest protocol with content (not an empty skeleton from `new`)
AUSGABE ?= ausgabe

.PHONY: protokoll test bench lint typecheck pytest golden clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

protokoll: $(STAMP)
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

golden: $(STAMP)
	PROTOKOLLKIT_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests -k golden

clean:
	rm -rf $(VENV) $(AUSGABE) .mypy_cache .pytest_cache .ruff_cache
