# Two commands do all set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Where make demo writes the sample's graph, report, view and screenshot.
OUT := out

.PHONY: demo test lint install notebook bench bench-large fuzz model clean

# The stamp is written last: an install that fails or is interrupted leaves none, so the
# next run installs again, and a venv whose Python or pip does not run is made anew.
$(STAMP): pyproject.toml
	sh tools/install-chromium.sh
	$(BIN)/python -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build data/articles -o $(OUT)
	$(BIN)/kg analyze $(OUT)/graph.ttl -o $(OUT)
	@if why=$$($(BIN)/python -c "import sys, kg.browser as b; sys.exit(b.chromium_problem())" 2>&1); then \
		echo "$(BIN)/kg viz $(OUT)/graph.ttl -o $(OUT)/graph.html --screenshot $(OUT)/graph.png"; \
		$(BIN)/kg viz $(OUT)/graph.ttl -o $(OUT)/graph.html --screenshot $(OUT)/graph.png; \
	else \
		echo "$(BIN)/kg viz $(OUT)/graph.ttl -o $(OUT)/graph.html"; \
		$(BIN)/kg viz $(OUT)/graph.ttl -o $(OUT)/graph.html && \
		echo "screenshot skipped: $$why"; \
	fi

test: $(STAMP)
	$(BIN)/python -m pytest

# JupyterLab is an optional extra: installed on first use, with the project's venv as kernel.
notebook: $(STAMP)
	test -x $(BIN)/jupyter-lab || $(BIN)/python -m pip install --quiet -e ".[dev,notebook]"
	$(BIN)/jupyter-lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/explore.ipynb

# Benchmarks, each figure set beside its target in results.md (bench/summary.py).
# `make bench` (about 2 minutes) runs them on smaller inputs into out/bench/;
# `make bench-large` (about 20 minutes) at the targets' sizes into bench/ (committed):
# 150k words, 1k-20k articles, 1M triples, a 64k-word article, 80k persons, a
# 5,000-actor page in Chromium, and the event detector's cost.
BENCH_DIR := $(OUT)/bench
bench: $(STAMP)
	mkdir -p $(BENCH_DIR)
	$(BIN)/python bench/build.py --words 30000 --rss-articles 500 2000 --out $(BENCH_DIR)/build.md
	$(BIN)/python bench/queries.py --sizes 10k,100k --out $(BENCH_DIR)/queries.md
	$(BIN)/python bench/analysis.py --sizes 10k,100k --out $(BENCH_DIR)/analysis.md
	$(BIN)/python bench/identity.py --sizes 2000,8000 --out $(BENCH_DIR)/identity.md
	$(BIN)/python bench/long.py --sizes 1000,4000,16000 --out $(BENCH_DIR)/long.md
	$(BIN)/python bench/commands.py --sizes 100k --view-actors 1000 --out $(BENCH_DIR)/commands.md
	$(BIN)/python bench/summary.py $(BENCH_DIR)

bench-large: $(STAMP)
	$(BIN)/python bench/build.py
	$(BIN)/python bench/queries.py
	$(BIN)/python bench/analysis.py
	$(BIN)/python bench/identity.py
	$(BIN)/python bench/long.py
	$(BIN)/python bench/commands.py --sizes 100k,1M --view-actors 5000
	$(BIN)/python bench/detector.py
	$(BIN)/python bench/summary.py bench

# Hostile input through the real kg command line: tracebacks, hangs, broken or invalid
# graphs, lost articles (about 10 minutes; tools/fuzz.py --help for size and seed).
fuzz: $(STAMP)
	$(BIN)/python tools/fuzz.py

# Retrain the sentence event detector from data/train into kg/models/events (about seven
# minutes on 2 cores; the trained model is committed, so `make demo` never trains).
model: $(STAMP)
	$(BIN)/python tools/train_model.py

lint: $(STAMP)
	$(BIN)/ruff check kg tests tools bench
	$(BIN)/ruff format --check kg tests tools bench
	$(BIN)/mypy

# Removes what builds and checks leave: the demo's out/ and the test, type-check and lint
# caches. The installed .venv stays (rm -rf .venv, then make demo, installs afresh).
clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
	@echo "removed $(OUT)/ and the .pytest_cache, .mypy_cache, .ruff_cache caches; .venv kept"
