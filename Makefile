# Two commands set up a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test test-fast lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Extract every deck in samples/ into output/, then compare the two sample editions.
run: setup
	$(BIN)/actionplan extract samples -o output
	$(BIN)/actionplan diff output/u4ssc-action-plan-2024-2025 output/u4ssc-action-plan-2025-2026 \
		-o output/diff-2024-2025-to-2025-2026 >/dev/null || test $$? -eq 1
	$(BIN)/actionplan history output -o output/history

## Run the whole test suite (slow corpus tests included).
test: setup
	$(BIN)/python -m pytest -q

## Skip the slow tests while developing.
test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf output .pytest_cache .ruff_cache
