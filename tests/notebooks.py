"""Helpers the notebook tests share: finding notebooks and reading their nbgrader cells.

Where notebooks live is tools/layout.py's; `solution_path` and `course_path` are its
`solution_notebook` and `student_notebook` under the names the tests use.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from tools.layout import ROOT, notebook_ids, source_script
from tools.layout import solution_notebook as solution_path  # solutions/ID/ID.ipynb
from tools.layout import student_notebook as course_path  # course/ID/ID.ipynb

IDS = notebook_ids()
SOLUTION_MARKERS = re.compile(r"^\s*#*\s*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$", re.MULTILINE)


def solution_script(notebook_id: str) -> str:
    """The text of the hand-edited jupytext source of a notebook."""
    return source_script(notebook_id).read_text(encoding="utf-8")


def has_interactive(notebook_id: str) -> bool:
    """Whether the notebook has an ipywidgets interact() (the real-browser test moves it)."""
    return "interact(" in solution_script(notebook_id)


def read(path: Path) -> NotebookNode:
    return nbformat.read(path, as_version=4)


def nbgrader_meta(cell: NotebookNode) -> dict:
    return cell.metadata.get("nbgrader", {})


def is_solution(cell: NotebookNode) -> bool:
    return bool(nbgrader_meta(cell).get("solution"))


def is_autograded_test(cell: NotebookNode) -> bool:
    meta = nbgrader_meta(cell)
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def between(source: str, begin: str, end: str) -> list[str]:
    """The non-blank lines between `### BEGIN X` and `### END X` markers."""
    inside, lines = False, []
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside and line.strip():
            lines.append(line.strip())
    return lines


def outside_markers(source: str) -> set[str]:
    """The stripped lines of a cell that are outside every BEGIN/END block."""
    depth, lines = 0, set()
    for line in source.splitlines():
        if "### BEGIN" in line:
            depth += 1
        elif "### END" in line:
            depth -= 1
        elif depth == 0:
            lines.add(line.strip())
    return lines


def strip_markers(source: str) -> str:
    """A solution cell as a learner who solved it would have written it."""
    return "\n".join(line for line in source.splitlines()
                     if not SOLUTION_MARKERS.match(line))


def text_outside_hidden_tests(notebook_id: str) -> str:
    """The worked solution outside its hidden tests, whitespace collapsed (a hidden test may repeat
    a line of the answer, which a page of the solution rightly shows)."""
    lines, hidden = [], False
    for cell in read(solution_path(notebook_id)).cells:
        for line in cell.source.splitlines():
            if "### BEGIN HIDDEN TESTS" in line or "### END HIDDEN TESTS" in line:
                hidden = "BEGIN" in line
            elif not hidden:
                lines.append(" ".join(line.split()))
    return " ".join(lines)


def grading_cell_after(cells: list[NotebookNode], solution_index: int) -> NotebookNode:
    """The autograded test cell that belongs to the solution cell at `solution_index`."""
    for cell in cells[solution_index + 1:]:
        if is_autograded_test(cell):
            return cell
    raise LookupError(f"no tests cell after cell {solution_index}")


__all__ = ["IDS", "ROOT", "course_path", "solution_path", "read"]
