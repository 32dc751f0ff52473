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
	$(BIN)/ruff check src tests benchmarks fuzz
	$(BIN)/ruff format --check src tests benchmarks fuzz

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

EVAL_SETS := plover_gsr_en petrarch2_gsr_en conflibert_cameo_penta_en case2021_task2_acled_en \
	india_police_events_en petrarch2_unittest

evaluate: $(STAMP)
	for d in $(EVAL_SETS); do $(BIN)/thucydides evaluate ../shared/eval/$$d/dev.jsonl || exit 1; done

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/scaling.py
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/places_dates.py
	$(BIN)/python benchmarks/actors.py

clean:
	rm -rf $(VENV) thucydides.duckdb demo-events.jsonl .pytest_cache .mypy_cache .ruff_cache
