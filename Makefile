# The course's commands. `make lab` to learn, `make test` to check everything.
# Both set up a virtual environment in .venv first (only when pyproject.toml changed).

PYTHON ?= python3
VENV   := .venv
BIN    := $(CURDIR)/$(VENV)/bin
STAMP  := $(VENV)/.installed
# nbgrader shells out to `alembic`, and Jupyter finds its kernels via PATH: use the venv's.
export PATH := $(BIN):$(PATH)

LAB_ARGS    ?=
WORKSPACE   ?= workspace
# Jupyter refuses to run as root unless told; containers and CI often are root.
ALLOW_ROOT  := $(if $(filter 0,$(shell id -u)),--allow-root,)
PYTEST_ARGS ?=
SITE_ARGS   ?=

.PHONY: help setup test-tools lab test test-quick course check-course site benchmark benchmark-suite minimum-versions clean

help:
	@echo "make lab          set up, then open JupyterLab on your copy of the course (workspace/)"
	@echo "make test         set up, then run the full test suite (what CI runs)"
	@echo "make test-quick   the fast tests only (no notebook execution, no grading round trips)"
	@echo "make course       regenerate solutions/*.ipynb, course/ and the README table from solutions/*/*.py"
	@echo "make site         build the course website offline into build/site/html (runs each notebook"
	@echo "                   once, or reuses its kept run); SITE_ARGS=--no-solutions leaves out the solutions"
	@echo "make benchmark    time each solution notebook and write benchmarks/notebooks.md"
	@echo "make benchmark-suite  time the full test suite and write benchmarks/suite.md"
	@echo "make minimum-versions  run the notebooks with the lowest dependency versions pyproject.toml allows,"
	@echo "                   in a throw-away environment (build/minimum-versions); writes"
	@echo "                   benchmarks/minimum-versions.md. Slow (GBs of downloads): not part of CI"

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[lab,optional,test,site]'
	@touch $(STAMP)

# System tools of the end-to-end tests: Debian's chromium (as root) and JupyterHub's proxy from
# npm (into .tools/). Checks in a moment when both are there; never fails: what it cannot
# install, the tests that need it skip (fail under CI=true), saying how to install it.
test-tools:
	@bash tools/install-test-tools.sh

lab: setup
	$(BIN)/python -m tools.workspace "$(WORKSPACE)"
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/$(WORKSPACE) $(ALLOW_ROOT) $(LAB_ARGS)

test: setup test-tools
	$(BIN)/python -m pytest tests solutions --nbval-lax --nbval-cell-timeout=300 $(PYTEST_ARGS)

test-quick: setup
	$(BIN)/python -m pytest tests -m "not slow" $(PYTEST_ARGS)

course: setup
	$(BIN)/python -m tools.course build

check-course: setup
	$(BIN)/python -m tools.course check

site: setup
	$(BIN)/python -m tools.site $(SITE_ARGS)

benchmark: setup
	$(BIN)/python -m tools.benchmark

benchmark-suite: setup test-tools
	$(BIN)/python -m tools.suite_benchmark

# Not part of `make test` or CI: it installs a few GB into build/minimum-versions.
minimum-versions: setup
	$(BIN)/python -m tools.minimum_versions

clean:
	rm -rf $(VENV) .tools .pytest_cache
