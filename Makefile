# The book's commands. Each creates the virtual environment on demand.
#   make book    execute the notebooks (cached) and build the HTML site into _build/html
#   make test    unit tests, the strict book build, and the site checks in headless Chromium
#   make lab     open the book's notebooks in JupyterLab, to run and change them
#   make serve   serve _build/html on http://127.0.0.1:8000
#   make student the students' edition, without solutions, into _build/student/_build/html
#   make classroom the assignments (student, autograder, instructor notebooks) and the student bundle, into _build/classroom
#   make bench   build times on this machine; make linkcheck: external links (needs the network)
#   make audit   page weights and Lighthouse (mobile) of the built site against the budgets
#   make pdf     the printable book, _build/pdf/book.pdf (the built pages printed by headless Chromium)
#   make validate the built pages through the Nu HTML Checker (0 errors expected)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
PORT ?= 8000

.PHONY: book student classroom test unit lab serve bench linkcheck clean lock browser audit audit-tools pdf validate

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --progress-bar off -c requirements.lock -e ".[lab,book,classroom,test]"
	@touch $(STAMP)

book: $(STAMP)
	$(PY) -m tools.build_book

student: $(STAMP)
	$(PY) -m tools.build_book --student

classroom: $(STAMP)
	$(PY) -m tools.build_classroom

test: $(STAMP) browser audit-tools
	$(PY) -m pytest

unit: $(STAMP)
	$(PY) -m pytest tests/unit

# JupyterLab opens the MyST notebooks (.md) as notebooks, through jupytext.
lab: $(STAMP) $(LAB_SETTINGS)
	PYTHONSTARTUP="$${PYTHONSTARTUP:-$(CURDIR)/tools/startup.py}" $(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)"

$(LAB_SETTINGS): tools/lab-settings.json
	@mkdir -p $(dir $@)
	cp tools/lab-settings.json $@

serve:
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

bench: $(STAMP)
	$(PY) -m tools.bench

# External links need the network: checked on demand, never by `make test` (which stays offline).
linkcheck: $(STAMP)
	DIGITAL_LABOR_BOOK=1 $(PY) -c "import tools.startup; from jupyter_book.cli.main import main; main()" build . --builder linkcheck

# Page weight and Lighthouse (mobile) of the built site against the budgets in pyproject.toml.
audit: $(STAMP) browser audit-tools
	$(PY) -m tools.page_audit --lighthouse

pdf: book browser
	$(PY) -m tools.print_book

validate: book audit-tools
	$(PY) -m tools.validate_html

# Lighthouse and the Nu HTML Checker, pinned in tools/audit/package-lock.json (no browser download: Lighthouse drives Debian's Chromium).
AUDIT_STAMP := tools/audit/node_modules/.installed
audit-tools: $(AUDIT_STAMP)

$(AUDIT_STAMP): tools/audit/package.json tools/audit/package-lock.json
	npm ci --prefix tools/audit --no-audit --no-fund --ignore-scripts
	@touch $@

# The site checks use Debian's Chromium (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null || tools/install-chromium.sh

lock: $(STAMP)
	head -n 2 requirements.lock > requirements.lock.new
	$(PY) -m pip freeze --exclude-editable | grep -v '^digital-labor' >> requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf _build .pytest_cache build
