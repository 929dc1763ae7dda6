# The two commands: `make run` (set up and open the app) and `make test` (set up and test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tracker init --if-missing
	@echo "tracker is installed in $(CURDIR)/$(BIN). Next time, without make or activating the venv:"
	@echo "    $(CURDIR)/$(BIN)/tracker              (or: source $(BIN)/activate, then tracker)"
	$(BIN)/tracker

demo: $(STAMP)
	$(BIN)/tracker demo

test: $(STAMP)
	$(BIN)/tracker init --if-missing
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/ruff format --check .

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) tracker.db tracker.db-wal tracker.db-shm tracker-demo.db papers
