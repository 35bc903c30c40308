# Birmingham Health Partners portal. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
PYTHON ?= python3
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: help run test test-tools screenshots lint format install install-dev install-node demo backup restore audit audit-deps lighthouse soak bench flood

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.installed-dev ## Install runtime and test requirements

# The HTML checker and Lighthouse, at the versions package-lock.json pins.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install-node: node_modules/.installed ## Install the front-end checkers (npm ci)

run: export DJANGO_DEBUG ?= true
run: ## Set up and serve the site with demo content on http://127.0.0.1:$PORT (Ctrl-C stops)
	@echo "make run: [1/4] install (.venv, requirements.txt)..."
	@start=$$(date +%s); $(MAKE) --no-print-directory install && \
		echo "make run: [1/4] install done in $$(( $$(date +%s) - start )) s"
	@mkdir -p var
	@$(PY) scripts/run.py $(PORT)

demo: export DJANGO_DEBUG ?= true
demo: install ## Migrate and load the demo content without serving
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content

test-tools: ## Chromium, Java and Node.js for the browser tests (apt-get as root, else the command to run)
	@scripts/test_tools.sh

# Parallel workers for pytest (pytest-xdist), each with its own test database.
TEST_WORKERS ?= auto

test: install-dev test-tools install-node ## Run the whole suite on PostgreSQL (embedded unless DATABASE_URL is set)
	@mkdir -p var
	DJANGO_DEBUG=true $(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/pytest --numprocesses $(TEST_WORKERS) $(PYTEST_ARGS)

# The end-to-end tests' screenshots (var/screenshots/<test>-<step>.png) that
# docs/editor-guide.md shows, as <test>-<step>:<name in docs/images>.
EDITOR := an_editor_builds_and_publishes_a_research_theme
SIGN_OFF := a_news_article_goes_through_sign_off_before_it_is_public
SCHEDULE := a_scheduled_article_stays_hidden_until_publish_scheduled_runs
REFUSED := the_comms_team_is_refused_the_research_theme_editor
GUIDE_SCREENSHOTS := $(EDITOR)-sign-in:sign-in $(EDITOR)-block-chooser:block-chooser \
	$(EDITOR)-image-upload:image-upload $(EDITOR)-preview:preview \
	$(EDITOR)-checks:checks-panel \
	$(SIGN_OFF)-submit:submit-for-sign-off \
	$(SIGN_OFF)-request-changes:request-changes \
	$(SIGN_OFF)-changes-requested:changes-requested $(SCHEDULE)-schedule:schedule \
	$(SCHEDULE)-dashboard:dashboard $(REFUSED)-refused:refused

screenshots: install-dev test-tools ## Run the end-to-end tests in Chromium and copy their screenshots into docs/images
	@mkdir -p var
	DJANGO_DEBUG=true $(PY) manage.py collectstatic --noinput --verbosity 0
	$(VENV)/bin/pytest tests/e2e $(PYTEST_ARGS)
	@for shot in $(GUIDE_SCREENSHOTS); do \
		cp "var/screenshots/$${shot%%:*}.png" "docs/images/$${shot##*:}.png"; \
	done

lint: install-dev ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Through the embedded PostgreSQL's wrapper: with DATABASE_URL unset, its database
# and its own pg_dump and pg_restore (version 18); otherwise the machine's.
WITH_POSTGRES := $(PY) -m bhp_portal.embedded_postgres run

backup: install ## Dump the database (DATABASE_URL, else the embedded one) and media into var/backups/<UTC time>/
	$(WITH_POSTGRES) scripts/backup.sh

restore: install ## Restore BACKUP=var/backups/<time> into the database and MEDIA_ROOT
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=var/backups/<time>"; exit 2; }
	$(WITH_POSTGRES) scripts/restore.sh "$(BACKUP)"

audit: audit-deps lighthouse ## Supply-chain checks, then Lighthouse scores

audit-deps: install-dev ## Known vulnerabilities in the installed packages (pip-audit) and code (bandit)
	$(PY) scripts/audit_deps.py
	$(VENV)/bin/bandit --quiet --configfile pyproject.toml --recursive bhp_portal partners research news scripts

lighthouse: install node_modules/.installed ## Lighthouse scores for a page of every type; reports the worst (LIGHTHOUSE_PAGES=home,theme picks)
	@mkdir -p var
	$(PY) scripts/lighthouse.py

soak: install ## 64 connections for 60 s against gunicorn: errors and worker memory
	$(WITH_POSTGRES) scripts/soak.sh

bench: install ## CPU per request of every page type against a bare view, under gunicorn (databases bhp_bench and bhp_bench_demo, Redis if up; BENCH_REFERENCE=<bakerydemo checkout> measures it beside); writes var/bench.json
	@mkdir -p var
	$(PY) scripts/bench.py

flood: install ## One client floods search (64 connections, 30 s) while another times / and /healthz; writes var/flood.json
	@mkdir -p var
	$(PY) scripts/flood.py
