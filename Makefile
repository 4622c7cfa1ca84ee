# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install run serve test lint vendor-kern vnu bench bench-sqlite bench-postgres bench-compare bench-middleware bench-render fault-check backup restore clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	@if $(BIN)/python manage.py help load_seed_data >/dev/null 2>&1; then \
		$(BIN)/python manage.py load_seed_data --if-empty; fi
	$(BIN)/python manage.py ensure_demo_user
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The production stack on this machine: Caddy in front, gunicorn, the production settings
# (deploy/serve.sh, docs/deployment.md). PORT=8080 by default.
serve: install
	bash deploy/serve.sh

# Tests run in parallel, one worker per CPU the system reports (pytest-xdist's "logical": with
# psutil installed, "auto" would count physical cores, one on a two-thread VM); TEST_WORKERS=0
# runs them in one process. PYTEST_ARGS adds options: make test PYTEST_ARGS="-k calendar".
TEST_WORKERS ?= logical
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# A throwaway database of BENCH_ARTICLES articles (default 100,000) served by gunicorn and
# loaded with wrk on 127.0.0.1; the tables go to docs/performance.md. Needs wrk and Redis.
bench: bench-sqlite bench-postgres

bench-sqlite bench-postgres: install
	$(BIN)/python bench/bench.py --db $(@:bench-%=%) $(BENCH_ARGS)

# The stack beside a bare Django view (bench/bare_site.py) under the same gunicorn and wrk:
# the two-byte view and cache hits as a share of it. BENCH_ARGS="--baseline <commit>" adds
# the same rows for an older commit, measured in the same rounds.
bench-compare: install
	$(BIN)/python bench/compare.py $(BENCH_ARGS)

# Each middleware's cost per request, timed in one process (no server); --write puts the
# table into docs/performance.md.
bench-middleware: install
	$(BIN)/python bench/middleware_cost.py $(BENCH_ARGS)

# What an uncached public page costs in one process (no server): each page's fastest and median
# request, split into templates, SQL and the rest; BENCH_ARGS="--profile 'Nachrichten, Seite 1'"
# profiles one page, "--database-url postgres://... --queries [--after-change]" lists each page's SQL with times.
bench-render: install
	$(BIN)/python bench/render_cost.py $(BENCH_ARGS)

# The W3C Nu HTML checker (npm vnu-jar, needs Java) for tests/standards/test_valid_html.py;
# without it that test is skipped, except in CI (REQUIRE_VNU=1).
VNU_VERSION ?= 26.9.27
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	npm install --silent --no-save --no-audit --no-fund --prefix .tools vnu-jar@$(VNU_VERSION)
vnu: $(VNU_JAR)

# Updates the vendored KERN design system (static/vendor/kern/); needs npm, the site does not.
vendor-kern:
	bash deploy/vendor_kern.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint templates --check
	$(BIN)/djlint templates --lint

# Kill a gunicorn worker under load (PostgreSQL at 127.0.0.1:5432, wrk): docs/fault-check.md
fault-check: install
	$(BIN)/python bench/fault_check.py $(FAULT_ARGS)

backup: install
	$(BIN)/python manage.py backup_site $(if $(BACKUP),--output $(BACKUP))

# make restore BACKUP=backups/20261122-101500 (into a migrated, empty installation)
restore: install
	@test -n "$(BACKUP)" || (echo "Bitte BACKUP=<Ordner> angeben" && exit 2)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py restore_site $(BACKUP)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
