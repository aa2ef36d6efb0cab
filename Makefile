# Two commands for a newcomer: `make run` (portal on http://127.0.0.1:8000) and `make test`.
# Both create .venv, install requirements-dev.txt when a requirements file changed, and
# check the system libraries first (scripts/check_system.py).

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install; older than a requirements file means "install again".
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test lint deploy-check check-system clean distclean

# The task worker (PDF renders) runs beside the development server and stops with it.
run: export DEBUG := 1
run: $(STAMP)
	$(BIN)/python manage.py migrate
	$(BIN)/python manage.py createcachetable
	if $(BIN)/python manage.py help load_demo >/dev/null 2>&1; then $(BIN)/python manage.py load_demo; fi
	$(BIN)/python manage.py dev_admin
	$(BIN)/python manage.py worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# --browser: warn (not fail) when chromium is missing; the browser tests then skip.
test: CHECK_ARGS := --browser
test: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

# ruff, then the import layers written down in pyproject.toml ([tool.importlinter]).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# The production settings as a deployment would give them, with a throwaway key.
deploy-check: $(STAMP)
	DEBUG=0 ALLOWED_HOSTS=plan.example.go.th CSRF_TRUSTED_ORIGINS=https://plan.example.go.th \
	SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(48))')" \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

# Runs with the interpreter that creates .venv, so a wrong Python or a missing
# library is reported before a long install.
check-system:
	$(PYTHON) scripts/check_system.py $(CHECK_ARGS)

$(BIN)/python: | check-system
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt requirements-dev.txt | check-system $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Leaves .venv and db.sqlite3 alone; `make distclean` removes .venv too.
clean:
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache staticfiles bench/out

distclean: clean
	rm -rf $(VENV)
