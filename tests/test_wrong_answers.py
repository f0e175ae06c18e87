"""Each exercise's tests reject the plausible wrong answers kept in tests/wrong_answers/.

A test that any answer passes teaches nothing. For every notebook, one kernel runs the
solution notebook top to bottom; at each answer cell it first runs every wrong answer
followed by the exercise's tests (visible and hidden), which must fail, and then the real
answer, whose tests must pass.

Four kinds of wrong answer, all run the same way:

- `tests/wrong_answers/ID.py` — the mistakes the exercise's authors thought of;
- `tests/wrong_answers/independent/ID.py` — mistakes written by someone who had read only the
  student notebook (never the hidden tests nor the file above): the check that the tests
  reject what real learners get wrong, not only what their authors imagined;
- every code block in the exercise's hints: a hint nudges, it is never a passing answer (a
  hint fragment that does not even run counts as rejected);
- the nbgrader stub of the student version (`raise NotImplementedError()`): the tests of an
  untouched exercise must fail, so it scores 0 (the real `nbgrader autograde` of an untouched
  notebook runs in tests/test_classroom.py).
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from tests.notebooks import (IDS, course_path, grading_cell_after, is_solution, nbgrader_meta, read,
                             solution_path)

WRONG_ANSWERS = Path(__file__).parent / "wrong_answers"
# A wrong answer must fail the tests on its merits, not because it forgot to define a name
# or is still the stub (nbgrader's stub raises a bare NotImplementedError(); one with a message
# comes from a library the wrong answer misused, e.g. PyTorch refusing an operation).
NOT_A_REJECTION = {"NameError", "SyntaxError", "IndentationError"}


HINT_CODE = re.compile(r"```(?:python)?\n(.*?)```", re.DOTALL)


def _load(path: Path) -> dict[str, list[str]]:
    if not path.is_file():
        return {}
    name = f"wrong_{path.parent.name}_{path.stem}".replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.WRONG_ANSWERS


def wrong_answers(notebook_id: str) -> dict[str, list[str]]:
    """The authors' wrong answers for the notebook's answer cells."""
    return _load(WRONG_ANSWERS / f"{notebook_id}.py")


def independent_wrong_answers(notebook_id: str) -> dict[str, list[str]]:
    """Wrong answers written by someone who had read only the student notebook."""
    return _load(WRONG_ANSWERS / "independent" / f"{notebook_id}.py")


def hint_code(cells: list, solution_index: int) -> list[str]:
    """The code blocks in the hints of the exercise that the answer cell at `solution_index`
    belongs to (the nearest `### Exercise` cell above it)."""
    for cell in reversed(cells[:solution_index]):
        if cell.cell_type == "markdown" and cell.source.startswith("### Exercise"):
            hints = cell.source.split("<details>", 1)[1] if "<details>" in cell.source else ""
            return [block for block in HINT_CODE.findall(hints) if block.strip()]
    return []


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
    unknown = set(independent_wrong_answers(notebook_id)) - set(autograded_answer_ids(notebook_id))
    assert not unknown, f"tests/wrong_answers/independent/{notebook_id}.py names unknown cells {unknown}"


@pytest.mark.slow
@pytest.mark.parametrize("notebook_id", IDS)
def test_tests_reject_every_wrong_answer(notebook_id):
    path = solution_path(notebook_id)
    nb = read(path)
    autograded = set(autograded_answer_ids(notebook_id))
    sources = {"authors'": wrong_answers(notebook_id),
               "independent": independent_wrong_answers(notebook_id)}
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    accepted: list[str] = []
    stubs = {cell.id: cell.source for cell in read(course_path(notebook_id)).cells}
    checked = {"authors'": 0, "independent": 0, "hint": 0, "stub": 0}
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            grade_id = nbgrader_meta(cell).get("grade_id")
            if is_solution(cell) and grade_id in autograded:
                tests = grading_cell_after(nb.cells, index).source
                for kind, kept in sources.items():
                    for number, wrong in enumerate(kept.get(grade_id, []), 1):
                        outcome = _run_wrong_answer(client, index, wrong, tests)
                        checked[kind] += 1
                        if outcome is not None:
                            accepted.append(f"{grade_id} {kind} wrong answer #{number}: {outcome}")
                for number, hint in enumerate(hint_code(nb.cells, index), 1):
                    checked["hint"] += 1
                    if _run_wrong_answer(client, index, hint, tests, strict=False) is not None:
                        accepted.append(f"{grade_id} hint code block #{number} is a passing answer")
                checked["stub"] += 1
                if _run_wrong_answer(client, index, stubs[cell.id], tests, strict=False) is not None:
                    accepted.append(f"{grade_id}: the untouched stub passes its tests")
            client.execute_cell(cell, index)  # the real cell: raises if its tests fail
    print(f"{notebook_id}: wrong answers checked: " + ", ".join(f"{n} {k}" for k, n in checked.items()))
    assert checked["authors'"] > 0
    assert checked["stub"] == len(autograded)
    assert not accepted, "\n".join(accepted)


# A wrong answer may leave global state behind that its tests reject (e.g. gradients switched
# off for good); undo it so that the notebook's next cells run as they would for a learner who
# fixed the answer.
RESET_AFTER_WRONG_ANSWER = """
import sys as _sys
if "torch" in _sys.modules:
    _sys.modules["torch"].set_grad_enabled(True)
"""


def _run_wrong_answer(client: NotebookClient, index: int, wrong: str, tests: str,
                      strict: bool = True) -> str | None:
    """None when the tests reject the wrong answer, else what went wrong. With strict=False
    (a hint) any failure counts as a rejection: only a hint that passes is a problem."""
    try:
        return _judge(client, index, wrong, tests, strict)
    finally:
        client.execute_cell(nbformat.v4.new_code_cell(RESET_AFTER_WRONG_ANSWER), index)


def _judge(client: NotebookClient, index: int, wrong: str, tests: str, strict: bool) -> str | None:
    try:
        client.execute_cell(nbformat.v4.new_code_cell(wrong), index)
    except CellExecutionError as error:
        if not strict:
            return None
        return f"the wrong answer itself failed to run ({error.ename}); fix it in the test data"
    try:
        client.execute_cell(nbformat.v4.new_code_cell(tests), index)
    except CellExecutionError as error:
        if strict and (error.ename in NOT_A_REJECTION
                       or (error.ename == "NotImplementedError" and not error.evalue.strip())):
            return f"tests failed with {error.ename}, not on the answer's merits"
        return None
    return "the tests ACCEPTED it"


def test_hint_code_finds_the_code_blocks_of_the_exercise_above_an_answer_cell():
    """The hint check runs on something: the blocks of the nearest exercise above, only in hints."""
    cells = [nbformat.v4.new_markdown_cell("### Exercise 1 — A\n```python\nnot_a_hint = 1\n```\n"
                                           "<details><summary>Hint</summary>\n\n```python\nx = 1\n```\n"
                                           "</details>\n<details><summary>Closer hint</summary>\n\n"
                                           "```\ny = 2\n```\n</details>"),
             nbformat.v4.new_code_cell("answer = 1"),
             nbformat.v4.new_markdown_cell("### Exercise 2 — B\n<details><summary>Hint</summary>"
                                           "\nwords only\n</details>"),
             nbformat.v4.new_code_cell("answer = 2")]
    assert hint_code(cells, 1) == ["x = 1\n", "y = 2\n"]
    assert hint_code(cells, 3) == []
