# The book's commands. Each creates the virtual environment on demand.
#   make book    execute the notebooks (cached) and build the HTML site into _build/html
#   make test    before a commit: ruff (lint and format), the library's unit tests and the chart compilation
#                (tests/unit), on every CPU;
#                no build (about a minute); make test PYTEST_ARGS=--lf runs again only what failed
#   make check   everything, as CI does: make test's tests, then the strict build, reproducibility, the site in
#                headless Chromium (desktop and phone), the classroom proofs, the PDF, the Nu HTML Checker and
#                Lighthouse (25 to 40 minutes)
#   make lab     open the book's notebooks in JupyterLab, to run and change them
#   make serve   serve _build/html on http://127.0.0.1:8000
#   make student the students' edition, without solutions, into _build/student/_build/html
#   make classroom the assignments (student, autograder, instructor notebooks) and the student bundle, into _build/classroom
#   make bench   set-up and build times on this machine; make linkcheck: external links (needs the network)
#   make audit   page weights and Lighthouse (mobile) of the built site against the budgets
#   make pdf     the printable book, _build/pdf/book.pdf (the built pages printed by headless Chromium)
#   make validate the built pages through the Nu HTML Checker (0 errors expected)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: book student classroom test unit check lab serve bench linkcheck clean lock browser audit audit-tools pdf validate

# The environment: the pinned versions of requirements.lock, installed by uv (pip if uv cannot run);
# tools/setup_env.sh is also what `make bench` times.
$(STAMP): pyproject.toml requirements.lock tools/setup_env.sh
	PYTHON=$(PYTHON) bash tools/setup_env.sh $(VENV)
	@touch $(STAMP)

book: $(STAMP)
	$(PY) -m tools.build_book

student: $(STAMP)
	$(PY) -m tools.build_book --student

classroom: $(STAMP)
	$(PY) -m tools.build_classroom

# ruff (check and format --check, configured in pyproject.toml), then the unit tier (tests/unit,
# marker `unit`), spread over the CPUs by pytest-xdist: no book build,
# no wheel, no Sphinx. Prints its time. xdist deals the tests one by one (its default): 43 to 45 s
# for the unit tests on 2 CPUs (2026-12-07), against 63 s in one process and 49 to 50 s with each file's tests
# kept on one worker (--dist loadscope: the two chart-font tests, 9.5 s each, then run in turn).
test: $(STAMP)
	@start=$$(date +%s); status=0; \
	$(PY) -m ruff check . && $(PY) -m ruff format --check . || status=$$?; \
	$(PY) -m pytest tests/unit -n auto $(PYTEST_ARGS) || status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s"; exit $$status

unit: test

# Everything (CI runs it through .ci/run): the unit tier as in `make test`, then every other test
# (markers `book`, `browser`, `lighthouse`) in one serial pytest session. The session fixtures of
# tests/conftest.py build the book once per session, and under xdist each worker is a session of
# its own: spread over two workers, the full tier would build the book twice, at once, in the same
# _build folder. Both parts run even if the first fails; the exit status is non-zero if either did.
check: $(STAMP) browser audit-tools
	@start=$$(date +%s); status=0; \
	$(PY) -m ruff check . && $(PY) -m ruff format --check . || status=$$?; \
	$(PY) -m pytest tests/unit -n auto $(PYTEST_ARGS) || status=$$?; \
	$(PY) -m pytest -m "not unit" $(PYTEST_ARGS) || status=$$?; \
	echo "make check: $$(( $$(date +%s) - start )) s"; exit $$status

# JupyterLab opens the MyST notebooks (.md) as notebooks, through jupytext. Its kernels encrypt
# their traffic, as the build's do (tools/build_book.py), so ipykernel prints no warning.
lab: $(STAMP) $(LAB_SETTINGS)
	PYTHONSTARTUP="$${PYTHONSTARTUP:-$(CURDIR)/tools/startup.py}" $(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)" \
		--KernelManager.transport_encryption=auto

$(LAB_SETTINGS): tools/lab-settings.json
	@mkdir -p $(dir $@)
	cp tools/lab-settings.json $@

serve:
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

bench: $(STAMP)
	$(PY) -m tools.bench

# External links need the network: checked on demand, never by `make test` or `make check` (which stay offline).
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

# The exact versions installed in .venv (uv included, pip left out), after the two header lines.
lock: $(STAMP)
	head -n 2 requirements.lock > requirements.lock.new
	$(PY) -m pip freeze --exclude-editable | grep -v '^digital-labor' >> requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf _build .pytest_cache build
