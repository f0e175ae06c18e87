"""The real `nbgrader autograde` on a throw-away course root.

For every notebook, a student who solved everything scores full marks on the autograded part
(> 0), and the graded notebook shows no error: every demonstration ran, every claim held
(the kernel inherits COURSE_STRICT_CLAIMS). That an untouched exercise scores 0 is shown
for every exercise by the wrong answers run in nbval's pass (tests/nbval_wrong_answers.py;
the stub is one of them) and,
through the real exchange and autograde, by the untouched students of tests/test_classroom.py.
"""

from __future__ import annotations

import shutil

import pytest
from nbgrader.api import Gradebook

from tests import executions
from tests.notebooks import (IDS, course_path, is_solution, read, solution_path,
                             strip_markers)
from tools.course import nbgrader, write_notebook
from tools.layout import notebook_in
from tools.site import executed
from tools.syllabus import run_notebooks

pytestmark = pytest.mark.slow


def solved_student_version(notebook_id: str):
    """The student notebook with every answer cell filled in as the solution has it."""
    solution = {c.id: c for c in read(solution_path(notebook_id)).cells}
    student = read(course_path(notebook_id))
    for cell in student.cells:
        if is_solution(cell):
            cell.source = strip_markers(solution[cell.id].source)
    return student


@pytest.fixture(scope="module")
def graded(request, tmp_path_factory):
    """Scores and graded notebook of a student who solved everything: `graded(notebook_id)`.

    Each notebook is released, submitted and autograded on its own throw-away course root. The
    first call grades every notebook this session's tests ask for (so `-k 04` grades only
    notebook 04), two at a time, those whose claims compare timings alone after the others
    (tools.syllabus.run_notebooks). The graded kernel records into a scorecard of its own, empty at
    the start, as a learner's on a fresh Colab runtime: notebook 10's evidence table is checked
    with an empty scorecard here and with the scorecard of 00–09 in nbval's pass.

    The graded notebooks are also the website's outputs (tools/site/executed.py): kept in
    build/site/executed/, with figures (Jupyter's inline backend, not the suite's Agg), so that
    tests/test_site.py builds the website without running any notebook again.
    """
    cache: dict[str, dict] = {}
    wanted = sorted({item.callspec.params["notebook_id"] for item in request.session.items
                     if item.path == request.path and hasattr(item, "callspec")})

    def autograde(notebook_id: str) -> dict:
        root = tmp_path_factory.mktemp(f"course-root-{notebook_id}")
        shutil.copytree(solution_path(notebook_id).parent, solution_path(notebook_id, root).parent)
        nbgrader("generate_assignment", notebook_id, "--force", root=root)
        write_notebook(solved_student_version(notebook_id),
                       notebook_in(root / "submitted" / "solved", notebook_id))
        result = nbgrader("autograde", notebook_id, "--create", "--force", root=root, check=False,
                          env={"COURSE_SCORECARD": str(root / "scorecard.json"),
                               "MPLBACKEND": executed.INLINE_FIGURES})
        if result.returncode != 0:
            return {"error": result.stdout + result.stderr}
        with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
            scores = _scores(gradebook.find_submission(notebook_id, "solved"))
        graded_notebook = read(notebook_in(root / "autograded" / "solved", notebook_id))
        executed.store(notebook_id, graded_notebook, "the solved autograde (tests/test_grading.py)")
        return {"scores": scores, "notebook": graded_notebook}

    def grade(notebook_id: str) -> dict:
        if notebook_id not in cache:
            todo = [nb for nb in wanted if nb not in cache] or [notebook_id]
            for nb, result in run_notebooks(todo, autograde).items():
                executions.record(nb, "solved autograde")
                cache[nb] = result
        assert "error" not in cache[notebook_id], cache[notebook_id].get("error")
        return cache[notebook_id]

    return grade


def _scores(submission) -> dict[str, float]:
    return {"code": submission.code_score, "max_code": submission.max_code_score,
            "total": submission.score, "max_total": submission.max_score}


@pytest.mark.parametrize("notebook_id", IDS)
def test_solution_gets_full_autograded_marks(graded, notebook_id):
    scores = graded(notebook_id)["scores"]
    print(notebook_id, "solved:", scores)
    assert scores["max_code"] > 0
    assert scores["code"] == scores["max_code"]


@pytest.mark.parametrize("notebook_id", IDS)
def test_the_graded_solution_shows_no_error(graded, notebook_id):
    notebook = graded(notebook_id)["notebook"]
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.execution_count for cell in code), "a cell did not run"
    errors = [f"cell {cell.execution_count}: {out.get('ename')}: {out.get('evalue')}"
              for cell in code for out in cell.outputs if out.output_type == "error"]
    assert errors == []
