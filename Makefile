# protokollkit — the two commands of the README do all the set-up:
#   make protokoll   build the newest protocol in archiv/ into ausgabe/
#   make test        pytest, mypy --strict and ruff
#   make bilder      the reference as pictures (needs pdftoppm, soffice, chromium)
#   make mutation    mutation scores of dates, termine, layout, every reader (slow)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PROTOKOLL ?= archiv
# a folder: build picks its newest protocol with content (not an empty skeleton from `new`)
AUSGABE ?= ausgabe

.PHONY: protokoll test bench bilder lint typecheck pytest golden clean website screenshots mutation

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

# BENCH_ANZAHL: protocols of the synthetic archive (the issues' targets are for 5,000, which
# takes several minutes more: make bench BENCH_ANZAHL=5000)
BENCH_ANZAHL ?= 1000
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/build_parts.py
	$(BIN)/python benchmarks/parse_before.py
	$(BIN)/python benchmarks/streaming.py --anzahl $(BENCH_ANZAHL)
	$(BIN)/python benchmarks/termine_corpus.py
	$(BIN)/python benchmarks/termine_own.py --anzahl $(BENCH_ANZAHL)
	$(BIN)/python benchmarks/archive.py --anzahl $(BENCH_ANZAHL)

# the archive's website (issue 13): WEBSITE_URL=https://… adds the OParl export
WEBSITE ?= $(AUSGABE)/website
website: $(STAMP)
	$(BIN)/protokollkit website --archiv archiv -o "$(WEBSITE)" $(if $(WEBSITE_URL),--url "$(WEBSITE_URL)")

screenshots: $(STAMP)
	$(BIN)/python -m tests.browser.screenshots docs/bilder

# PDF, Word (through LibreOffice) and mail HTML (through Chromium) of the reference as PNGs:
# every page in ausgabe/bilder/, one of each in docs/bilder/ for the README.
bilder: $(STAMP)
	$(BIN)/python docs/make_bilder.py

# Mutation testing (mutmut) of dates, termine, layout and the readers, each against the tests
# that specify it; slow, not part of `make test`. One target: make mutation MUTATION=dates;
# the pandoc and .doc readers: make mutation MUTATION="pandoc doc" (their tests start neither
# pandoc on a real document nor LibreOffice);
# after changed tests: make mutation MUTATION="--fresh dates". Survivors:
# cd build/mutation/dates && ../../../.venv/bin/mutmut results
MUTATION ?=
MUTATION_JOBS ?= 2
mutation: $(STAMP)
	$(BIN)/python -c 'import mutmut' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[dev,mutation]'
	MUTATION_JOBS=$(MUTATION_JOBS) $(BIN)/python benchmarks/mutation.py $(MUTATION)

golden: $(STAMP)
	PROTOKOLLKIT_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests -k golden

clean:
	rm -rf $(VENV) $(AUSGABE) .mypy_cache .pytest_cache .ruff_cache build/mutation
