# SalesTalk: `make run` to use it, `make test` to check it. Everything installs itself.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DYNAMODB_PORT ?= 8001
export DYNAMODB_PORT
HOST ?= 127.0.0.1
PORT ?= 8000
STREAMLIT_PORT ?= 8501
DEMO_TENANT ?= demo
DEMO_EMAIL ?= demo@salestalk.example
DEMO_PASSWORD ?= demo-password-123
SHARED ?= ../shared

.PHONY: install lock postgres test-postgres secrets dynamodb dynamodb-stop migrate demo run serve streamlit test test-fast browser eval bench fuzz lint lint-infra attack clean redis

$(VENV)/.installed: pyproject.toml requirements/dev.lock package-lock.json
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.lock
	$(PY) -m pip install --quiet --no-deps -e .
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the locked Python and npm dependencies (idempotent)

lock: ## Re-pin requirements/*.lock from pyproject.toml (the image installs lambda.lock, make install dev.lock)
	@test -x $(VENV)/bin/uv || $(PY) -m pip install --quiet 'uv>=0.5,<1'
	$(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.11 -q --no-header \
		--annotation-style line -o requirements/lambda.lock
	$(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.11 -q --no-header \
		--annotation-style line --extra ui --extra local --extra dev -o requirements/dev.lock

postgres: ## Debian's PostgreSQL server for the Django-side tests (skipped loudly when it cannot be installed)
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || { \
		command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
		|| echo "!!! PostgreSQL could not be installed: the PostgreSQL tests will be SKIPPED !!!"; }

# The Django side (migrations, auth, admin onboarding, sessions, memberships) a second time, on a real
# PostgreSQL server started for the run (salestalk/postgres_local.py); the rest needs no SQL database.
POSTGRES_TESTS := tests/test_django_database.py tenants/tests/test_admin.py tenants/tests/test_identity_api.py \
	tenants/tests/test_commands_and_logs.py tenants/tests/test_hosted_ui.py
test-postgres: install postgres ## The Django-side tests against a throwaway PostgreSQL
	$(PY) -m salestalk.postgres_local pytest -q $(wildcard $(POSTGRES_TESTS))

dynamodb: install ## Start DynamoDB Local on 127.0.0.1:$(DYNAMODB_PORT) (data in .dynamodb/)
	$(PY) -m salestalk.dynamodb_local start --port $(DYNAMODB_PORT)

dynamodb-stop:
	@test -x $(PY) && $(PY) -m salestalk.dynamodb_local stop --port $(DYNAMODB_PORT) || true

# The local profile's signing secrets: random, generated once, git-ignored (salestalk/settings/local.py reads them).
SECRETS_FILE ?= .run/secrets.env
export SALESTALK_SECRETS_FILE := $(abspath $(SECRETS_FILE))
secrets: ## Generate the local SECRET_KEY and JWT secret once into $(SECRETS_FILE)
	@test -s $(SECRETS_FILE) || { mkdir -p $(dir $(SECRETS_FILE)) && umask 077 && $(PYTHON) -c \
		'import secrets; print(f"SALESTALK_SECRET_KEY={secrets.token_urlsafe(48)}\nSALESTALK_JWT_SECRET={secrets.token_urlsafe(48)}")' \
		> $(SECRETS_FILE); }
	@echo "Local secrets: $(SALESTALK_SECRETS_FILE) (generated once; delete it to sign everyone out)"

migrate: install secrets
	$(PY) manage.py migrate --noinput -v 0

demo: dynamodb migrate ## Demo tenant, staff user and dataset (idempotent)
	$(PY) manage.py bootstrap_demo --tenant $(DEMO_TENANT) --email $(DEMO_EMAIL) --password $(DEMO_PASSWORD)

# daphne's own access log prints every path, share tokens (/share/<token>) included; the app already logs one
# JSON line per request naming its route, never its path (core.request_logging).
DAPHNE := $(VENV)/bin/daphne --access-log /dev/null

run: demo ## Everything up: Django (ASGI) on :$(PORT), Streamlit on :$(STREAMLIT_PORT)
	@mkdir -p .run
	@SALESTALK_API_URL=http://$(HOST):$(PORT) $(VENV)/bin/streamlit run streamlit_app.py \
		--server.address $(HOST) --server.port $(STREAMLIT_PORT) --server.headless true \
		--browser.gatherUsageStats false > .run/streamlit.log 2>&1 & echo $$! > .run/streamlit.pid
	@echo "Streamlit: http://$(HOST):$(STREAMLIT_PORT)   Django: http://$(HOST):$(PORT)   (Ctrl-C stops both)"
	@trap 'kill $$(cat .run/streamlit.pid) 2>/dev/null' EXIT; $(DAPHNE) -b $(HOST) -p $(PORT) salestalk.asgi:application

serve: demo ## Only the Django server
	$(DAPHNE) -b $(HOST) -p $(PORT) salestalk.asgi:application

streamlit: install ## Only the Streamlit app (talks to the API at SALESTALK_API_URL)
	SALESTALK_API_URL=$${SALESTALK_API_URL:-http://$(HOST):$(PORT)} $(VENV)/bin/streamlit run streamlit_app.py \
		--server.address $(HOST) --server.port $(STREAMLIT_PORT) --server.headless true --browser.gatherUsageStats false

browser: ## Debian's Chromium for the end-to-end tests (skipped loudly when it cannot be installed)
	@command -v chromium >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
		|| echo "!!! Chromium could not be installed: browser tests will be SKIPPED !!!"; }

redis: ## Debian's Redis server for the shared-throttle tests (skipped loudly when it cannot be installed)
	@command -v redis-server >/dev/null || { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) \
		|| echo "!!! Redis could not be installed: the Redis throttle tests will be SKIPPED !!!"; }

test: install browser postgres redis lint-infra ## The whole suite (its own in-memory DynamoDB), the Django side on PostgreSQL, the infra checks
	$(PY) -m pytest -q -n 2 --dist loadfile
	$(MAKE) --no-print-directory test-postgres

test-fast: install
	$(PY) -m pytest -q -x -m "not browser"

eval: dynamodb migrate ## Score every set of tests/eval/companies.py (shared dev sets, Globex, our held-out companies); fails on any miss but a set's contested turns
	$(PY) tests/eval/score_all.py --python $(PY)

bench: install ## Every performance figure, printed and written to benchmarks/results/latest.json
	$(PY) benchmarks/run.py

fuzz: install ## Schemathesis against /api/schema/ (in process, valid token): no input may cause a server error
	$(PY) -m pytest -q -m fuzz tests/test_api_fuzz.py insights/tests/test_parser_fuzz.py

attack: install ## Isolation under attack: 1,000+ hostile requests, 0 may leak; report in benchmarks/results/attack.json
	SALESTALK_ATTACK_MIN_ATTEMPTS=1000 $(PY) -m pytest -q -p no:logging tests/attack

INFRA_VENV := .venv-infra
$(INFRA_VENV)/.installed: terraform/requirements-lint.txt
	@test -x $(INFRA_VENV)/bin/python || $(PYTHON) -m venv $(INFRA_VENV)
	$(INFRA_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(INFRA_VENV)/bin/python -m pip install --quiet -r terraform/requirements-lint.txt
	@touch $@

lint-infra: $(INFRA_VENV)/.installed ## Offline checks: Terraform fmt/validate, checkov, hadolint, workflow schema, zizmor
	$(INFRA_VENV)/bin/python terraform/lint_infra.py

lint: install
	$(VENV)/bin/ruff check .

clean: dynamodb-stop
	rm -rf .run .dynamodb .dynamodb.log staticfiles media benchmarks/results
