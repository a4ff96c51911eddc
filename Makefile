# diplomacy-kg: every target sets up its own local virtualenv (.venv) first.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
OUT    ?= out

.PHONY: demo test lint clean help

help:
	@echo "make demo   build the graph of seeds/ into $(OUT)/ (graph.ttl, graph.html)"
	@echo "make test   lint (ruff, mypy) and run the whole test suite"
	@echo "make lint   ruff and mypy only"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(VENV)/bin/kg build seeds --out $(OUT)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check kg tests scripts $(wildcard benchmarks/*.py)
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy $(wildcard benchmarks/*.py) scripts/check_imports.py
	$(PY) scripts/check_imports.py kg

test: lint
	$(PY) -m pytest

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache *.egg-info
