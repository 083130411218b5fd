# yusuan — the two commands a new machine needs: `make demo` and `make test`.
# Each does all the set-up itself: Debian packages (when root and missing), .venv, the package.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := examples/000_6562e89d941fc7ec.txt
EXAMPLE_BUDGET := examples/shuozhou-2025-budget.xlsx
DEB_PACKAGES := fonts-noto-cjk libharfbuzz-subset0 poppler-utils libpango-1.0-0 libpangoft2-1.0-0 \
	libreoffice-core libreoffice-writer-nogui libreoffice-calc-nogui chromium

.PHONY: demo test wheel-test setup system-packages lint clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/python -m compileall -q src
	touch $@

system-packages:
	@bash scripts/install-system-packages.sh $(DEB_PACKAGES)

setup: system-packages $(VENV)/.installed

demo: setup
	mkdir -p out
	$(BIN)/yusuan parse $(SEED)
	$(BIN)/yusuan check $(SEED) --html out/seed-check.html || test $$? -eq 1
	@echo "审核报告 / check report: out/seed-check.html"
	$(BIN)/yusuan build $(EXAMPLE_BUDGET) -o out --force   # out/ is the demo's own: a rerun replaces it
	@echo "编制结果 / built from the example budget: out/shuozhou-2025-budget.{pdf,docx,xlsx,html,json}"

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest

# the built wheel in a fresh venv, run from another directory (data as package data)
wheel-test:
	bash .ci/wheel $(PY)

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache
