# taxcheck: the two commands of the README's quick start, and a few helpers.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
REPORTS ?= reports

.PHONY: demo test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

## demo: install taxcheck and check the bundled corpus; prints where the report is
demo: $(BIN)/python
	$(BIN)/python -m pip install --quiet .
	$(BIN)/taxcheck check --fail-on never corpus/seed-401k-losses.txt
	$(BIN)/taxcheck check --fail-on never --format html \
		--output $(REPORTS)/seed-401k-losses.html corpus/seed-401k-losses.txt
	@echo "Report: $(REPORTS)/seed-401k-losses.html"

## test: install taxcheck with the dev extra and run the whole test suite
test: $(BIN)/python
	$(BIN)/python -m pip install --quiet ".[dev]"
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests

lint: $(BIN)/python
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) $(REPORTS) build dist .pytest_cache
