# The book's commands. Each creates the virtual environment on demand.
#   make book    execute the notebooks (cached) and build the HTML site into _build/html
#   make test    unit tests, the strict book build, and the site checks in headless Chromium
#   make serve   serve _build/html on http://127.0.0.1:8000
#   make student the students' edition, without solutions, into _build/student/_build/html
#   make bench   build times on this machine; make linkcheck: external links (needs the network)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BROWSER_DEPS := tests/browser/node_modules/.installed
PORT ?= 8000

.PHONY: book student test unit serve bench linkcheck clean lock browser-deps

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --progress-bar off -c requirements.lock -e ".[test]"
	@touch $(STAMP)

book: $(STAMP)
	$(PY) -m tools.build_book

student: $(STAMP)
	$(PY) -m tools.build_book --student

test: $(STAMP) browser-deps
	$(PY) -m pytest

unit: $(STAMP)
	$(PY) -m pytest tests/unit

serve:
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

bench: $(STAMP)
	$(PY) -m tools.bench

# External links need the network: checked on demand, never by `make test` (which stays offline).
linkcheck: $(STAMP)
	DIGITAL_LABOR_BOOK=1 $(PY) -c "from jupyter_book.cli.main import main; main()" build . --builder linkcheck

browser-deps: $(BROWSER_DEPS)
	@command -v chromium >/dev/null || tools/install-chromium.sh

$(BROWSER_DEPS): tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null || tools/install-node.sh
	npm ci --prefix tests/browser --no-audit --no-fund
	@touch $(BROWSER_DEPS)

lock: $(STAMP)
	head -n 2 requirements.lock > requirements.lock.new
	$(PY) -m pip freeze --exclude-editable | grep -v '^digital-labor' >> requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf _build .pytest_cache
