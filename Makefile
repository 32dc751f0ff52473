# thucydides: `make demo` and `make test` each set up everything they need from a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit evaluate bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/thucydides code examples/articles.jsonl examples/txt --db thucydides.duckdb --out demo-events.jsonl
	$(BIN)/thucydides events --db thucydides.duckdb --limit 60

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

evaluate: $(STAMP)
	$(BIN)/thucydides evaluate ../shared/eval/plover_gsr_en/dev.jsonl
	$(BIN)/thucydides evaluate ../shared/eval/petrarch2_gsr_en/dev.jsonl

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) thucydides.duckdb demo-events.jsonl .pytest_cache .mypy_cache .ruff_cache
