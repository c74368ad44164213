# taxcheck: the two commands of the README's quick start, and a few helpers.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
REPORTS ?= reports

.PHONY: demo test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

## demo: install taxcheck and scan the bundled corpus (not the sealed evaluation articles,
## which nobody reads while tuning); prints where the index is
demo: $(BIN)/python
	$(BIN)/python -m pip install --quiet .
	$(BIN)/taxcheck scan corpus --out $(REPORTS) --exclude README.md --exclude sealed --fail-on never
	@echo "Index: $(CURDIR)/$(REPORTS)/index.html"

## test: install taxcheck with the dev extra and run the whole test suite, in parallel on
## every core (pytest-xdist; TEST_WORKERS=0 runs it in one process). Work stealing: each
## worker starts with half the tests (the slow ones first, see tests/conftest.py) and an
## idle worker takes over the end of the other's queue. xdist's default, --dist load, starts
## each worker on a consecutive chunk of an eighth of the tests (two workers): the first
## chunk held every slow test, so one worker ran them all while the other had short ones.
TEST_WORKERS ?= auto
test: $(BIN)/python
	$(BIN)/python -m pip install --quiet ".[dev]"
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist worksteal
	$(BIN)/ruff check src tests

lint: $(BIN)/python
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) $(REPORTS) build dist .pytest_cache
