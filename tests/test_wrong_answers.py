"""Each exercise keeps plausible wrong answers, and the hint check finds the hints' code.

The wrong answers themselves run in the suite's one execution pass over the solution notebooks
(nbval, see tests/nbval_wrong_answers.py): before each autograded answer cell, in the same
kernel and state, every wrong answer — the authors', the independent ones, each code block of
the exercise's hints and the nbgrader stub — must fail the exercise's tests.
"""

from __future__ import annotations

import nbformat
import pytest

from tests.notebooks import IDS
from tests.nbval_wrong_answers import (autograded_answer_ids, hint_code, independent_wrong_answers,
                                       wrong_answers)


@pytest.mark.parametrize("notebook_id", IDS)
def test_every_autograded_exercise_keeps_a_wrong_answer(notebook_id):
    kept = wrong_answers(notebook_id)
    missing = [gid for gid in autograded_answer_ids(notebook_id) if not kept.get(gid)]
    assert not missing, f"add wrong answers for {missing} to tests/wrong_answers/{notebook_id}.py"
    unknown = set(kept) - set(autograded_answer_ids(notebook_id))
    assert not unknown, f"tests/wrong_answers/{notebook_id}.py names unknown cells {unknown}"
    unknown = set(independent_wrong_answers(notebook_id)) - set(autograded_answer_ids(notebook_id))
    assert not unknown, f"tests/wrong_answers/independent/{notebook_id}.py names unknown cells {unknown}"


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
