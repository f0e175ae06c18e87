"""The outputs the website shows: each solution notebook executed once, kept with a stamp.

A notebook's run is kept in `build/site/executed/ID.ipynb` with the fingerprint of what it ran
(the solution notebook and the `utils` package): a build reuses it while both are unchanged and
runs the notebook again otherwise. Two producers, one format:

- `make site` runs what is missing here (`execute`), two notebooks at a time, in kernels like a
  learner's fresh session: an empty scorecard of its own (so notebook 10 uses the course's
  reference figures and says so), claims strict (a result that contradicts the prose fails the
  build rather than showing a ✗ on the website);
- the test suite stores its solved autograde (tests/test_grading.py: the student version with
  every answer filled in, graded by the real nbgrader) with `store`, so building the site in the
  suite executes no notebook again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat import NotebookNode

from tools.course import write_notebook
from tools.layout import ROOT, notebook_name, solution_notebook
from tools.syllabus import run_notebooks

EXECUTED = ROOT / "build" / "site" / "executed"
UTILS = ROOT / "utils"
CELL_TIMEOUT_S = 600  # a cell, not the notebook: the longest cells train for well under a minute
STAMP_KEY = "course_site"
# Jupyter's own backend, which puts each figure into the notebook as a picture. Set explicitly: a
# kernel inherits MPLBACKEND, and the test suite's "Agg" (no pictures, faster) would leave the
# website without figures.
INLINE_FIGURES = "module://matplotlib_inline.backend_inline"


def fingerprint(notebook_id: str) -> str:
    """A hash of what a run of the notebook depends on: its solution notebook and `utils`."""
    digest = hashlib.sha256(solution_notebook(notebook_id).read_bytes())
    for path in sorted(UTILS.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def executed_path(notebook_id: str, folder: Path = EXECUTED) -> Path:
    return folder / notebook_name(notebook_id)


def is_current(notebook_id: str, folder: Path = EXECUTED) -> bool:
    """Whether a kept run of the notebook exists and ran today's sources."""
    path = executed_path(notebook_id, folder)
    if not path.is_file():
        return False
    kept = nbformat.read(path, as_version=4).metadata.get(STAMP_KEY, {})
    return kept.get("fingerprint") == fingerprint(notebook_id)


def store(notebook_id: str, notebook: NotebookNode, how: str, folder: Path = EXECUTED) -> Path:
    """Keep an executed notebook for the website, stamped with what it ran and how."""
    notebook = nbformat.from_dict(notebook)
    notebook.metadata[STAMP_KEY] = {"fingerprint": fingerprint(notebook_id), "ran": how}
    path = executed_path(notebook_id, folder)
    write_notebook(notebook, path)
    return path


def load(notebook_id: str, folder: Path = EXECUTED) -> NotebookNode:
    return nbformat.read(executed_path(notebook_id, folder), as_version=4)


def run(notebook_id: str) -> NotebookNode:
    """Execute the solution notebook in a fresh kernel, as a learner's fresh session would."""
    path = solution_notebook(notebook_id)
    notebook = nbformat.read(path, as_version=4)
    scorecard = Path(tempfile.mkdtemp(prefix=f"site-{notebook_id}-")) / "scorecard.json"
    env = dict(os.environ, COURSE_SCORECARD=str(scorecard), COURSE_STRICT_CLAIMS="1",
               MPLBACKEND=INLINE_FIGURES)
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute(env=env)
    return notebook


def execute(ids: list[str], folder: Path = EXECUTED, log=print) -> list[str]:
    """Run each notebook of `ids` whose kept run is missing or stale; the ids it ran.

    Two at a time, except the notebooks whose claims compare timings, which run alone after the
    others (tools.syllabus.run_notebooks): beside another kernel their speeds can flip a claim.
    """
    todo = [notebook_id for notebook_id in ids if not is_current(notebook_id, folder)]

    def run_and_store(notebook_id: str) -> None:
        log(f"executing {notebook_id} ...")
        store(notebook_id, run(notebook_id), "tools.site (nbclient)", folder)
        log(f"executed {notebook_id}")

    run_notebooks(todo, run_and_store)
    return todo
