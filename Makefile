# The two commands a newcomer needs: `make serve` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.requirements-installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench clean

serve: $(STAMP)
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

test: $(STAMP) $(CHROMIUM)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	# Some machines set PYTHONDONTWRITEBYTECODE: then pytest rewrites every test module's asserts
	# on every run (a third of collecting, in each worker).
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest -n auto

bench: $(STAMP)
	$(BIN)/python -m sitegen.bench

clean:
	rm -rf site .cache

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The browser tests drive Debian's Chromium; Playwright's own browser download is not used.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
