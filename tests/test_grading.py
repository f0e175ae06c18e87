"""The real `nbgrader autograde` on a throw-away course root.

For every notebook: a student who solved everything scores full marks on the autograded
part (> 0); a student who hands in the untouched student version scores 0, and the grader
neither breaks nor gives marks for written answers left as "YOUR ANSWER HERE".
"""

from __future__ import annotations

import shutil

import pytest
from nbgrader.api import Gradebook

from tests.notebooks import (IDS, course_path, is_solution, read, solution_path,
                             strip_markers)
from tools.course import nbgrader, write_notebook

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
def graded(tmp_path_factory):
    """Scores of two students per notebook, graded on first use: `graded(notebook_id)`.

    Each notebook is released, submitted by a student who solved everything and by one who
    handed in the untouched student version, and autograded on its own throw-away course root
    (so `-k 04` grades only notebook 04).
    """
    cache: dict[str, dict[str, dict[str, float]]] = {}

    def grade(notebook_id: str) -> dict[str, dict[str, float]]:
        if notebook_id not in cache:
            root = tmp_path_factory.mktemp(f"course-root-{notebook_id}")
            shutil.copytree(solution_path(notebook_id).parent, root / "solutions" / notebook_id)
            nbgrader("generate_assignment", notebook_id, "--force", root=root)
            submissions = {"solved": solved_student_version(notebook_id),
                           "untouched": read(course_path(notebook_id))}
            for student, nb in submissions.items():
                write_notebook(nb, root / "submitted" / student / notebook_id / f"{notebook_id}.ipynb")
            result = nbgrader("autograde", notebook_id, "--create", "--force", root=root, check=False)
            assert result.returncode == 0, result.stdout + result.stderr
            with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:
                cache[notebook_id] = {student: _scores(gradebook.find_submission(notebook_id, student))
                                      for student in submissions}
        return cache[notebook_id]

    return grade


def _scores(submission) -> dict[str, float]:
    return {"code": submission.code_score, "max_code": submission.max_code_score,
            "total": submission.score, "max_total": submission.max_score}


@pytest.mark.parametrize("notebook_id", IDS)
def test_solution_gets_full_autograded_marks(graded, notebook_id):
    scores = graded(notebook_id)["solved"]
    print(notebook_id, "solved:", scores)
    assert scores["max_code"] > 0
    assert scores["code"] == scores["max_code"]


@pytest.mark.parametrize("notebook_id", IDS)
def test_untouched_student_version_scores_zero(graded, notebook_id):
    scores = graded(notebook_id)["untouched"]
    print(notebook_id, "untouched:", scores)
    assert scores["max_total"] > 0
    assert scores["code"] == 0
    assert scores["total"] == 0
