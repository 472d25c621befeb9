# Two commands set up a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test test-fast lint clean bench

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Extract every deck in samples/ into output/.
run: setup
	$(BIN)/actionplan extract samples -o output

## Run the whole test suite (slow corpus tests included).
test: setup
	$(BIN)/python -m pytest -q

## Skip the slow tests while developing.
test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

## Run every benchmark script under bench/ (each prints its own report).
bench: setup
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf output .pytest_cache .ruff_cache
