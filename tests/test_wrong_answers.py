"""Each exercise's tests reject the plausible wrong answers kept in tests/wrong_answers/.

A test that any answer passes teaches nothing. For every notebook, one kernel runs the
solution notebook top to bottom; at each answer cell it first runs every wrong answer
followed by the exercise's tests (visible and hidden), which must fail, and then the real
answer, whose tests must pass.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from tests.notebooks import IDS, is_solution, nbgrader_meta, read, solution_path, grading_cell_after

pytestmark = pytest.mark.slow
WRONG_ANSWERS = Path(__file__).parent / "wrong_answers"
# A wrong answer must fail the tests on its merits, not because it forgot to define a name
# or is still the stub.
NOT_A_REJECTION = {"NameError", "NotImplementedError", "SyntaxError", "IndentationError"}


def wrong_answers(notebook_id: str) -> dict[str, list[str]]:
    path = WRONG_ANSWERS / f"{notebook_id}.py"
    if not path.is_file():
        return {}
    spec = importlib.util.spec_from_file_location(f"wrong_{notebook_id.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.WRONG_ANSWERS


def autograded_answer_ids(notebook_id: str) -> list[str]:
    return [nbgrader_meta(c)["grade_id"] for c in read(solution_path(notebook_id)).cells
            if is_solution(c) and c.cell_type == "code"]


@pytest.mark.parametrize("notebook_id", IDS)
def test_every_autograded_exercise_keeps_a_wrong_answer(notebook_id):
    kept = wrong_answers(notebook_id)
    missing = [gid for gid in autograded_answer_ids(notebook_id) if not kept.get(gid)]
    assert not missing, f"add wrong answers for {missing} to tests/wrong_answers/{notebook_id}.py"
    unknown = set(kept) - set(autograded_answer_ids(notebook_id))
    assert not unknown, f"tests/wrong_answers/{notebook_id}.py names unknown cells {unknown}"


@pytest.mark.parametrize("notebook_id", IDS)
def test_tests_reject_every_wrong_answer(notebook_id):
    path = solution_path(notebook_id)
    nb = read(path)
    kept = wrong_answers(notebook_id)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    accepted: list[str] = []
    checked = 0
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            grade_id = nbgrader_meta(cell).get("grade_id")
            if is_solution(cell) and grade_id in kept:
                tests = grading_cell_after(nb.cells, index)
                for number, wrong in enumerate(kept[grade_id], 1):
                    outcome = _run_wrong_answer(client, index, wrong, tests.source)
                    checked += 1
                    if outcome is not None:
                        accepted.append(f"{grade_id} wrong answer #{number}: {outcome}")
            client.execute_cell(cell, index)  # the real cell: raises if its tests fail
    print(f"{notebook_id}: {checked} wrong answers checked")
    assert checked > 0
    assert not accepted, "\n".join(accepted)


def _run_wrong_answer(client: NotebookClient, index: int, wrong: str, tests: str) -> str | None:
    """None when the tests reject the wrong answer, else what went wrong."""
    try:
        client.execute_cell(nbformat.v4.new_code_cell(wrong), index)
    except CellExecutionError as error:
        return f"the wrong answer itself failed to run ({error.ename}); fix it in the test data"
    try:
        client.execute_cell(nbformat.v4.new_code_cell(tests), index)
    except CellExecutionError as error:
        if error.ename in NOT_A_REJECTION:
            return f"tests failed with {error.ename}, not on the answer's merits"
        return None
    return "the tests ACCEPTED it"
