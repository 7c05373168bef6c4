# The two commands a new user needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
MANAGE := $(PY) manage.py
SCALE ?= 1

.DEFAULT_GOAL := help
.PHONY: help run setup test lint format messages compilemessages worker beat backup restore bench clean

help:
	@echo "make run      set up (venv, database, translations, demo data) and serve on 127.0.0.1:$(PORT)"
	@echo "make test     set up and run the whole test suite"
	@echo "make lint     ruff and missing-migration checks"
	@echo "make worker   start a Celery worker against CELERY_BROKER_URL"
	@echo "make beat     start Celery beat (scheduled tasks) against CELERY_BROKER_URL"
	@echo "make messages refresh the translation catalogs from the code"
	@echo "make bench    scale benchmarks (SCALE=0.1 for a run of a few minutes)"
	@echo "make backup   copy the database and uploaded files into var/backups/<time>/"
	@echo "make restore  restore the latest backup (BACKUP=folder for another; FORCE=1 over data)"

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

var:
	@mkdir -p var/media

compilemessages: $(VENV)/.installed
	@$(MANAGE) compilemessages --ignore=.venv --ignore=var >/dev/null

setup: $(VENV)/.installed var compilemessages
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo_data

run: setup
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# One test process per core, each test file kept in one process and files taken in collection
# order (tests sharing a database transaction before those that flush it, as pytest-django sorts
# them); TEST_PROCESSES=0 runs serially.
TEST_PROCESSES ?= auto
test: $(VENV)/.installed var compilemessages
	$(BIN)/pytest -n $(TEST_PROCESSES) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=accelerator.settings.test $(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(VENV)/.installed
	$(MANAGE) makemessages --ignore=.venv --ignore=var --ignore=tests --ignore=benchmarks \
		--no-location -l en -l vi -l ar

worker: $(VENV)/.installed
	$(BIN)/celery -A accelerator worker --loglevel=info

beat: $(VENV)/.installed var
	$(BIN)/celery -A accelerator beat --loglevel=info --schedule=var/celerybeat-schedule

backup: $(VENV)/.installed var
	$(MANAGE) backup

restore: $(VENV)/.installed var
	$(MANAGE) restore $(BACKUP) $(if $(FORCE),--force)

# Data at SCALE times ten times the largest real program, then the measurements (README.md).
bench: $(VENV)/.installed var compilemessages
	$(PY) -m benchmarks.run --scale $(SCALE)

clean:
	rm -rf $(VENV) var/static
