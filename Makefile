# One-command tasks. `make demo` and `make test` are the README's two commands.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DATA ?= sourcebook-data

.PHONY: setup demo test test-all lint fix bench lock clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

demo: setup  ## build the evidence base from the example corpus and show it
	$(BIN)/sourcebook add examples/xinjiang --data $(DATA)
	$(BIN)/sourcebook verify --data $(DATA)
	$(BIN)/sourcebook list --data $(DATA)
	$(BIN)/sourcebook search "detention camps" --data $(DATA)
	$(BIN)/sourcebook extract examples/xinjiang/twenty-two-countries-call-on-china.txt --format table

test: setup  ## the test suite (slow tests excluded)
	$(BIN)/python -m pytest -m "not slow" -q

test-all: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check src tests benchmarks examples
	$(BIN)/ruff format --check src tests benchmarks examples
	$(BIN)/mypy

fix: setup
	$(BIN)/ruff check --fix src tests benchmarks examples
	$(BIN)/ruff format src tests benchmarks examples

bench: setup
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/extract_speed.py

lock:  ## re-pin every dependency after editing pyproject.toml
	$(BIN)/python -m pip install -q uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) $(DATA) .pytest_cache .ruff_cache .mypy_cache
