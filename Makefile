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
EVAL_TENANT ?= acme-eval
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

EVALUATE := EVAL_PYTHON=$(PY) $(PY) $(SHARED)/eval/evaluate.py
eval: dynamodb migrate ## Score the engine on the three shared dev sets, then on our own companies (Globex and the held-out sets of tests/eval)
	$(PY) manage.py eval_setup --tenant $(EVAL_TENANT) --data $(SHARED)/eval/acme.csv
	$(EVALUATE) --questions $(SHARED)/eval/questions-dev.jsonl --data $(SHARED)/eval/acme.csv --tenant $(EVAL_TENANT)
	$(EVALUATE) --questions $(SHARED)/eval/questions-dev-v2.jsonl --data $(SHARED)/eval/acme.csv --tenant $(EVAL_TENANT)
	$(PY) manage.py eval_setup --tenant brightlane-eval --data $(SHARED)/eval/brightlane.csv
	$(EVALUATE) --questions $(SHARED)/eval/questions-custom-dev.jsonl --data $(SHARED)/eval/brightlane.csv \
		--tenant brightlane-eval
	@mkdir -p .run && $(PY) tests/eval/make_globex.py .run/globex.csv
	$(PY) manage.py eval_setup --tenant globex-eval --data .run/globex.csv
	$(EVALUATE) --questions tests/eval/globex-questions.jsonl --data .run/globex.csv --tenant globex-eval
	@# held-out (tests/eval/BASELINE.md): member names that are words, then measures of its own and a numeric store_id
	$(PY) tests/eval/make_marlow.py .run/marlow.csv
	$(PY) manage.py eval_setup --tenant marlow-eval --data .run/marlow.csv
	$(EVALUATE) --questions tests/eval/marlow-questions.jsonl --data .run/marlow.csv --tenant marlow-eval
	$(PY) tests/eval/make_fernhill.py .run/fernhill.csv
	$(PY) manage.py eval_setup --tenant fernhill-eval --data .run/fernhill.csv --dimensions store_id
	$(EVALUATE) --questions tests/eval/fernhill-questions.jsonl --data .run/fernhill.csv --tenant fernhill-eval \
		--dimensions store_id
	@# the reserve sets: fresh sentences over the same two companies
	$(EVALUATE) --questions tests/eval/marlow-reserve.jsonl --data .run/marlow.csv --tenant marlow-eval
	$(EVALUATE) --questions tests/eval/fernhill-reserve.jsonl --data .run/fernhill.csv --tenant fernhill-eval \
		--dimensions store_id
	@# a third held-out company, freight, written without reading the parser or the other sets
	$(PY) tests/eval/make_haulwise.py .run/haulwise.csv
	$(PY) manage.py eval_setup --tenant haulwise-eval --data .run/haulwise.csv
	$(EVALUATE) --questions tests/eval/haulwise-questions.jsonl --data .run/haulwise.csv --tenant haulwise-eval
	@# a fourth, B2B SaaS with no revenue column and account managers named June, August, Will, Frank…
	$(PY) tests/eval/make_kestrel.py .run/kestrel.csv
	$(PY) manage.py eval_setup --tenant kestrel-eval --data .run/kestrel.csv
	$(EVALUATE) --questions tests/eval/kestrel-questions.jsonl --data .run/kestrel.csv --tenant kestrel-eval
	@# a fifth, vet clinics named Bath, March, Deal…, vets named May and Will, a numeric clinic_code
	$(PY) tests/eval/make_bramble.py .run/bramble.csv
	$(PY) manage.py eval_setup --tenant bramble-eval --data .run/bramble.csv --dimensions clinic_code --currency GBP
	$(EVALUATE) --questions tests/eval/bramble-questions.jsonl --data .run/bramble.csv --tenant bramble-eval \
		--dimensions clinic_code
	@# a food wholesaler with no revenue column, brands and reps named Sunday, Prime, Best, Art, Don
	$(PY) tests/eval/make_pantrylane.py .run/pantrylane.csv
	$(PY) manage.py eval_setup --tenant pantrylane-eval --data .run/pantrylane.csv
	$(EVALUATE) --questions tests/eval/pantrylane-questions.jsonl --data .run/pantrylane.csv --tenant pantrylane-eval
	@# online courses with a numeric course_id and countries named Turkey, Chad, Georgia, Jordan
	$(PY) tests/eval/make_quillby.py .run/quillby.csv
	$(PY) manage.py eval_setup --tenant quillby-eval --data .run/quillby.csv --dimensions course_id
	$(EVALUATE) --questions tests/eval/quillby-questions.jsonl --data .run/quillby.csv --tenant quillby-eval \
		--dimensions course_id
	@# hotels named Nice, Split, Bath, Reading, Mobile, answered in euros
	$(PY) tests/eval/make_harbourline.py .run/harbourline.csv
	$(PY) manage.py eval_setup --tenant harbourline-eval --data .run/harbourline.csv --currency EUR
	$(EVALUATE) --questions tests/eval/harbourline-questions.jsonl --data .run/harbourline.csv --tenant harbourline-eval
	@# car dealers with salespeople named Bill, Chase, Mark, Max, Will and a numeric lot_number
	$(PY) tests/eval/make_tallyho.py .run/tallyho.csv
	$(PY) manage.py eval_setup --tenant tallyho-eval --data .run/tallyho.csv --dimensions lot_number
	$(EVALUATE) --questions tests/eval/tallyho-questions.jsonl --data .run/tallyho.csv --tenant tallyho-eval \
		--dimensions lot_number
	@# an ad agency whose measures are spend, clicks, leads… and campaigns are named Black Friday, New Year
	$(PY) tests/eval/make_brightads.py .run/brightads.csv
	$(PY) manage.py eval_setup --tenant brightads-eval --data .run/brightads.csv
	$(EVALUATE) --questions tests/eval/brightads-questions.jsonl --data .run/brightads.csv --tenant brightads-eval
	@# a UK energy retailer (kwh, Energy Sales, churned_accounts…), answered in pounds
	$(PY) tests/eval/make_gridwise.py .run/gridwise.csv
	$(PY) manage.py eval_setup --tenant gridwise-eval --data .run/gridwise.csv --currency GBP
	$(EVALUATE) --questions tests/eval/gridwise-questions.jsonl --data .run/gridwise.csv --tenant gridwise-eval
	@# a medical-supplies distributor, no revenue column, reps with word surnames, a numeric warehouse
	$(PY) tests/eval/make_medline.py .run/medline.csv
	$(PY) manage.py eval_setup --tenant medline-eval --data .run/medline.csv --dimensions warehouse
	$(EVALUATE) --questions tests/eval/medline-questions.jsonl --data .run/medline.csv --tenant medline-eval \
		--dimensions warehouse
	@# garden centres named Hope, Street, Ware, Diss and a web shop, answered in pounds
	$(PY) tests/eval/make_orchardly.py .run/orchardly.csv
	$(PY) manage.py eval_setup --tenant orchardly-eval --data .run/orchardly.csv --currency GBP
	$(EVALUATE) --questions tests/eval/orchardly-questions.jsonl --data .run/orchardly.csv --tenant orchardly-eval
	@# five more unseen companies (tests/test_eval_heldout_unseen.py): beer in AUD, fashion in euros, home services
	@# with a numeric branch_code and an hours column, boat rentals, IoT contracts named Monthly/Annual
	$(PY) tests/eval/make_copperleaf.py .run/copperleaf.csv
	$(PY) manage.py eval_setup --tenant copperleaf-eval --data .run/copperleaf.csv --currency AUD
	$(EVALUATE) --questions tests/eval/copperleaf-questions.jsonl --data .run/copperleaf.csv --tenant copperleaf-eval
	$(PY) tests/eval/make_lumenbay.py .run/lumenbay.csv
	$(PY) manage.py eval_setup --tenant lumenbay-eval --data .run/lumenbay.csv --currency EUR
	$(EVALUATE) --questions tests/eval/lumenbay-questions.jsonl --data .run/lumenbay.csv --tenant lumenbay-eval
	$(PY) tests/eval/make_pinecrest.py .run/pinecrest.csv
	$(PY) manage.py eval_setup --tenant pinecrest-eval --data .run/pinecrest.csv --dimensions branch_code
	$(EVALUATE) --questions tests/eval/pinecrest-questions.jsonl --data .run/pinecrest.csv --tenant pinecrest-eval \
		--dimensions branch_code
	$(PY) tests/eval/make_tidewell.py .run/tidewell.csv
	$(PY) manage.py eval_setup --tenant tidewell-eval --data .run/tidewell.csv
	$(EVALUATE) --questions tests/eval/tidewell-questions.jsonl --data .run/tidewell.csv --tenant tidewell-eval
	$(PY) tests/eval/make_vantor.py .run/vantor.csv
	$(PY) manage.py eval_setup --tenant vantor-eval --data .run/vantor.csv
	$(EVALUATE) --questions tests/eval/vantor-questions.jsonl --data .run/vantor.csv --tenant vantor-eval
	@# two kept back until scored: seafood restaurants in pounds, a solar installer in CAD
	$(PY) tests/eval/make_saltmarsh.py .run/saltmarsh.csv
	$(PY) manage.py eval_setup --tenant saltmarsh-eval --data .run/saltmarsh.csv --currency GBP
	$(EVALUATE) --questions tests/eval/saltmarsh-questions.jsonl --data .run/saltmarsh.csv --tenant saltmarsh-eval
	$(PY) tests/eval/make_northbeam.py .run/northbeam.csv
	$(PY) manage.py eval_setup --tenant northbeam-eval --data .run/northbeam.csv --currency CAD
	$(EVALUATE) --questions tests/eval/northbeam-questions.jsonl --data .run/northbeam.csv --tenant northbeam-eval
	@# a third round (tests/test_eval_heldout_round_three.py): wind farms in EUR, grocery towns Sale and Reading,
	@# SaaS reps and a Growth plan, travel to Nice and Split, ceramics, cafés and e-bikes, 862 auto parts, tickets
	$(PY) tests/eval/make_ferrowind.py .run/ferrowind.csv
	$(PY) manage.py eval_setup --tenant ferrowind-eval --data .run/ferrowind.csv --currency EUR
	$(EVALUATE) --questions tests/eval/ferrowind-questions.jsonl --data .run/ferrowind.csv --tenant ferrowind-eval
	$(PY) tests/eval/make_tealcart.py .run/tealcart.csv
	$(PY) manage.py eval_setup --tenant tealcart-eval --data .run/tealcart.csv --currency GBP
	$(EVALUATE) --questions tests/eval/tealcart-questions.jsonl --data .run/tealcart.csv --tenant tealcart-eval
	$(PY) tests/eval/make_stackline.py .run/stackline.csv
	$(PY) manage.py eval_setup --tenant stackline-eval --data .run/stackline.csv
	$(EVALUATE) --questions tests/eval/stackline-questions.jsonl --data .run/stackline.csv --tenant stackline-eval
	$(PY) tests/eval/make_odyssea.py .run/odyssea.csv
	$(PY) manage.py eval_setup --tenant odyssea-eval --data .run/odyssea.csv --currency AUD
	$(EVALUATE) --questions tests/eval/odyssea-questions.jsonl --data .run/odyssea.csv --tenant odyssea-eval
	$(PY) tests/eval/make_kilnworks.py .run/kilnworks.csv
	$(PY) manage.py eval_setup --tenant kilnworks-eval --data .run/kilnworks.csv
	$(EVALUATE) --questions tests/eval/kilnworks-questions.jsonl --data .run/kilnworks.csv --tenant kilnworks-eval
	$(PY) tests/eval/make_brewhaus.py .run/brewhaus.csv
	$(PY) manage.py eval_setup --tenant brewhaus-eval --data .run/brewhaus.csv --currency NZD
	$(EVALUATE) --questions tests/eval/brewhaus-questions.jsonl --data .run/brewhaus.csv --tenant brewhaus-eval
	$(PY) tests/eval/make_voltaro.py .run/voltaro.csv
	$(PY) manage.py eval_setup --tenant voltaro-eval --data .run/voltaro.csv --currency EUR
	$(EVALUATE) --questions tests/eval/voltaro-questions.jsonl --data .run/voltaro.csv --tenant voltaro-eval
	$(PY) tests/eval/make_partsdepot.py .run/partsdepot.csv
	$(PY) manage.py eval_setup --tenant partsdepot-eval --data .run/partsdepot.csv
	$(EVALUATE) --questions tests/eval/partsdepot-questions.jsonl --data .run/partsdepot.csv --tenant partsdepot-eval
	$(PY) tests/eval/make_gigstack.py .run/gigstack.csv
	$(PY) manage.py eval_setup --tenant gigstack-eval --data .run/gigstack.csv --currency GBP
	$(EVALUATE) --questions tests/eval/gigstack-questions.jsonl --data .run/gigstack.csv --tenant gigstack-eval
	$(PY) tests/eval/make_harvestco.py .run/harvestco.csv
	$(PY) manage.py eval_setup --tenant harvestco-eval --data .run/harvestco.csv --currency CAD
	$(EVALUATE) --questions tests/eval/harvestco-questions.jsonl --data .run/harvestco.csv --tenant harvestco-eval
	$(PY) tests/eval/make_clearpath.py .run/clearpath.csv
	$(PY) manage.py eval_setup --tenant clearpath-eval --data .run/clearpath.csv
	$(EVALUATE) --questions tests/eval/clearpath-questions.jsonl --data .run/clearpath.csv --tenant clearpath-eval

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
