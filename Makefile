# Two commands set up a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test test-fast lint clean samples bench

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Extract every deck in samples/ into output/ (with meetings.ics and report.html per edition),
## then compare the two sample editions (changes and their report.html) and tabulate their history.
DIFF := output/diff-2024-2025-to-2025-2026
# Every rendition of every sample edition: the edition folders keep the reading most agree on.
DECKS := $(wildcard samples/*.md samples/*.html samples/*.pptx samples/*.pdf)
run: setup
	$(BIN)/actionplan extract $(DECKS) -o output
	for plan in output/*/plan.json; do \
	  edition=$${plan%/plan.json}; \
	  $(BIN)/actionplan report "$$edition" -o "$$edition/report.html" || exit 1; \
	done
	$(BIN)/actionplan diff output/u4ssc-action-plan-2024-2025 output/u4ssc-action-plan-2025-2026 \
		-o $(DIFF) >/dev/null || test $$? -eq 1
	$(BIN)/actionplan history output -o output/history
	@echo "make run: editions, actionplans.sqlite and manifest.json in output/; reports:" \
		$$(ls output/*/report.html | paste -sd ' ' -)

## Run the whole test suite (slow corpus tests included).
test: setup
	$(BIN)/python -m pytest -q

## Skip the slow tests while developing.
test-fast: setup
	$(BIN)/python -m pytest -q -m "not slow"

## Rebuild the sample renditions from the markdown deck, and the second-hand renditions of every
## markdown edition (needs root for apt-get, or the packages below already installed).
## Only this target needs LibreOffice, reportlab and pyphen.
SAMPLE_PACKAGES := libreoffice-impress fonts-crosextra-carlito fonts-dejavu-core
samples: setup
	@command -v soffice >/dev/null && fc-list | grep -q Carlito && fc-list | grep -q "DejaVu Serif" \
		|| (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq --no-install-recommends $(SAMPLE_PACKAGES))
	$(BIN)/python -m pip install --quiet -e '.[samples]'
	$(BIN)/python samples/build_samples.py samples/u4ssc-action-plan-2024-2025.md
	$(BIN)/python samples/secondhand.py samples/u4ssc-action-plan-*.md

## Run every benchmark under bench/: the readers and pipelines on the sample decks against bare
## pdfplumber and python-pptx (warm and cold), --workers 2 over --workers 1 on a batch, and the
## recognition score (precision, recall, F1 of facts) of every sample rendition.
bench: setup
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf output .pytest_cache .ruff_cache
