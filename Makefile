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
## every core (pytest-xdist; TEST_WORKERS=0 runs it in one process)
TEST_WORKERS ?= auto
test: $(BIN)/python
	$(BIN)/python -m pip install --quiet ".[dev]"
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS)
	$(BIN)/ruff check src tests

lint: $(BIN)/python
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) $(REPORTS) build dist .pytest_cache
