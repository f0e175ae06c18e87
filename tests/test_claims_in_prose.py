"""Every result the lessons state in words is checked by the run (utils.claims).

A learner who reruns a notebook with another seed or on another machine must never read a
sentence their own numbers contradict. So a sentence of lesson prose that states a result —
a ranking, a tie, a trend, a closeness — must sit next to a claim check: the nearest code
cell before or after its markdown cell calls ``claim(...)`` (or ``verdict_table(...)``),
which shows ✓/✗ with the numbers and, under this suite, fails the notebook when the claim
stops holding.

Finding such sentences is a heuristic: the words of comparison below. Not counted:
- general statements, marked by hedges (usually, often, can, may, must, …) or by a citation
  (a year in parentheses, "et al."): they state what the field found, not what this run found;
- questions, headings, the title cell, exercise statements, hints and model answers (the
  learner's own result is theirs to state);
- the few sentences in EXEMPT, each with its reason.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import nbformat
import pytest

from tests.notebooks import IDS, ROOT, nbgrader_meta, read, solution_path
from utils.claims import STRICT_ENV_VAR

RESULT_WORDS = re.compile(
    r"\b(beats?|beaten|beating|outperform\w*|ahead|trails?|trailing|wins?|won|winners?|"
    r"a tie|ties|on top|close to|close behind|within (?:a few|\d+)|better than|worse than|"
    r"more accurate|less accurate|crossover|overtak\w+|lowered|does not close|at every size|"
    r"narrow(?:s|ed|ing)?|widen(?:s|ed|ing)?|matched)\b", re.IGNORECASE)
GENERAL = re.compile(
    r"\b(usually|often|typically|tends?|can|could|may|might|must|should|in general|rarely|"
    r"et al\.)|\((?:[^()]*\b)?(?:19|20)\d\d\)", re.IGNORECASE)
CHECKS = re.compile(r"\b(claim|verdict_table)\(")

#: (notebook, a fragment of the sentence, why it is not a result of this run).
EXEMPT: list[tuple[str, str, str]] = [
]


def _lesson_markdown(cells: list) -> list[tuple[int, str]]:
    """(index, text) of each markdown cell of the lesson: no title, exercise, hint or answer."""
    found = []
    for index, cell in enumerate(cells):
        if cell.cell_type != "markdown" or index == 0:
            continue
        meta = nbgrader_meta(cell)
        if meta.get("solution") or meta.get("grade") or meta.get("task"):
            continue
        text = re.sub(r"<details>.*?</details>", "", cell.source, flags=re.DOTALL)
        if text.lstrip().startswith("### Exercise"):
            continue
        found.append((index, text))
    return found


def _sentences(text: str) -> list[str]:
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    parts = re.split(r"(?<=[.!?])\s+|\n\s*\n|\n\s*[-*] |\n\s*\d+\. ", "\n".join(lines))
    parts = [re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", part) for part in parts]
    return [" ".join(part.split()) for part in parts if part.strip()]


def result_sentences(text: str) -> list[str]:
    """The sentences of a markdown text that state a result, by the heuristic above."""
    return [s for s in _sentences(text)
            if RESULT_WORDS.search(s) and "?" not in s and not GENERAL.search(s)]


def _neighbour_code(cells: list, index: int, step: int) -> str:
    index += step
    while 0 <= index < len(cells):
        if cells[index].cell_type == "code":
            return cells[index].source
        index += step
    return ""


def unchecked_sentences(notebook_id: str) -> list[str]:
    cells = read(solution_path(notebook_id)).cells
    exempt = [fragment for nb, fragment, _ in EXEMPT if nb == notebook_id]
    unchecked = []
    for index, text in _lesson_markdown(cells):
        near = _neighbour_code(cells, index, -1) + "\n" + _neighbour_code(cells, index, +1)
        if CHECKS.search(near):
            continue
        unchecked += [f"cell {index}: {s}" for s in result_sentences(text)
                      if not any(fragment in s for fragment in exempt)]
    return unchecked


def claim_checks(notebook_id: str) -> int:
    """How many claim checks (``claim(`` and ``verdict_table(`` calls) a notebook runs."""
    return sum(len(CHECKS.findall(cell.source)) for cell in read(solution_path(notebook_id)).cells
               if cell.cell_type == "code" and not nbgrader_meta(cell).get("solution"))


def test_the_heuristic_finds_results_and_skips_general_statements():
    text = ("The forest beats the tree here. Trees usually beat networks on tables. "
            "Does the CNN win? Grinsztajn et al. found trees ahead (2022).\n\n"
            "- the gap narrows with more data\n### Why trees win")
    assert result_sentences(text) == ["The forest beats the tree here.",
                                      "the gap narrows with more data"]


@pytest.mark.parametrize("notebook_id", IDS)
def test_every_result_sentence_sits_next_to_a_claim_check(notebook_id):
    unchecked = unchecked_sentences(notebook_id)
    print(f"{notebook_id}: {claim_checks(notebook_id)} claim checks")
    assert not unchecked, (
        f"{notebook_id}: these sentences state a result of the run with no claim check in the "
        "code cell before or after them — add `claim(...)` there (utils.claims), print the "
        "result from the run instead, or reword a general statement:\n  "
        + "\n  ".join(unchecked))


@pytest.mark.parametrize("notebook_id", [i for i in IDS if i != "00-start"])
def test_every_lesson_notebook_checks_its_claims(notebook_id):
    assert claim_checks(notebook_id) >= 3, f"{notebook_id} has fewer than 3 claim checks"
    code = "\n".join(cell.source for cell in read(solution_path(notebook_id)).cells
                     if cell.cell_type == "code")
    assert "verdict_table(" in code, (
        f"{notebook_id} puts none of the industry's claims (COURSE.md) to the test: end the "
        "section that measures one with a verdict_table(...)")


def test_exemptions_still_match_a_sentence():
    for notebook_id, fragment, reason in EXEMPT:
        assert reason.strip(), f"exemption {fragment!r} needs a reason"
        text = "\n".join(t for _, t in _lesson_markdown(read(solution_path(notebook_id)).cells))
        assert fragment in " ".join(text.split()), f"{notebook_id}: stale exemption {fragment!r}"


@pytest.mark.slow
@pytest.mark.parametrize("strict", [True, False])
def test_a_broken_claim_fails_the_suite_but_only_warns_a_learner(tmp_path, strict):
    """A claim the run contradicts makes nbval fail under the suite; a learner sees a ✗."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("from utils.claims import claim\n"
                                  "claim('the tree beats the forest', 0.81 > 0.93,\n"
                                  "      measured={'tree': 0.81, 'forest': 0.93})"),
        nbformat.v4.new_code_cell("print('the notebook went on')"),
    ])
    path = tmp_path / "broken_claim.ipynb"
    nbformat.write(nb, path)
    env = {k: v for k, v in os.environ.items() if k != STRICT_ENV_VAR}
    if strict:
        env[STRICT_ENV_VAR] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-q",
         "--rootdir", str(tmp_path), str(path)],
        cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=300)
    if strict:
        assert result.returncode != 0, result.stdout
        assert "ClaimNotHeld" in result.stdout and "1 failed" in result.stdout
    else:
        assert result.returncode == 0, result.stdout + result.stderr
        assert "2 passed" in result.stdout
