# relwatch developer commands. `make install` once, then any target.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test test-unit test-integration test-e2e lint typecheck bench bench-quick docs compose-check clean

$(BIN)/relwatch: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

install: $(BIN)/relwatch

demo: install
	$(BIN)/relwatch demo

test: install
	$(BIN)/pytest

test-unit: install
	$(BIN)/pytest tests/unit

test-integration: install
	$(BIN)/pytest tests/integration

test-e2e: install
	$(BIN)/pytest tests/e2e

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check schemas services tests bench

typecheck: install
	$(BIN)/mypy

bench: install
	$(BIN)/python -m bench.run

bench-quick: install
	$(BIN)/python -m bench.run --quick

docs: install
	$(BIN)/python -m services.docs

compose-check: install
	RELWATCH_API_KEY=check $(BIN)/docker-compose config -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
