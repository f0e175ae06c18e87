"""The suite's one execution pass over the solution notebooks: nbval, with the wrong answers.

`make test` runs nbval over `solutions/`: every code cell of every solution notebook runs in one
kernel per notebook and must not fail (COURSE_STRICT_CLAIMS makes a contradicted claim fail).
This plugin (registered by the root conftest) adds to that same pass, so no notebook is executed
again for it:

1. **Wrong answers.** Before each autograded answer cell, one more item runs, in the same kernel
   and state, each wrong answer followed by the exercise's tests (visible and hidden, as the
   solution notebook has them), which must fail; then nbval runs the real answer and its tests,
   which must pass. Four kinds of wrong answer:

   - `tests/wrong_answers/ID.py` — the mistakes the exercise's authors thought of;
   - `tests/wrong_answers/independent/ID.py` — mistakes written by someone who had read only the
     student notebook (never the hidden tests nor the file above): the check that the tests
     reject what real learners get wrong, not only what their authors imagined;
   - every code block in the exercise's hints: a hint nudges, it is never a passing answer (a
     hint fragment that does not even run counts as rejected);
   - the nbgrader stub of the student version (`raise NotImplementedError()`): the tests of an
     untouched exercise must fail, so it scores 0.

2. **The browser's kernel.** A notebook whose real-browser test (tests/test_browser.py) is part of
   the session runs in a kernel of the session's JupyterLab (tests/jupyter_lab.py), and its
   browser test runs right after it: the browser attaches to the kernel nbval just used.

3. **A simulated GPU.** Each kernel starts with `utils._simulated_gpu.simulate_for_session()`:
   `env.setup()` then picks a pretend `cuda:0` that computes on the CPU and, like CUDA and MPS,
   fails on a model and its inputs on two devices or on `.numpy()` of a GPU tensor. So the
   CPU-only pass also proves every notebook (and every exercise's tests) right on a GPU.

4. **The order.** tests/test_reference_figures.py runs last: it reads the scorecard the pass filled.

5. **The count.** Every execution of a whole notebook is counted (tests/executions.py); the
   session's summary shows the counts and fails if a lesson notebook ran more than twice.
"""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path
from queue import Empty

import nbval.plugin
import pytest
from nbformat import NotebookNode
from nbval.kernel import RunningKernel
from nbval.plugin import IPyNbCell

from tests import executions
from tests.notebooks import (course_path, grading_cell_after, is_solution, nbgrader_meta, read,
                             solution_path)
from tools.syllabus import TIMING_SENSITIVE

WRONG_ANSWERS = Path(__file__).parent / "wrong_answers"
# A wrong answer must fail the tests on its merits, not because it forgot to define a name
# or is still the stub (nbgrader's stub raises a bare NotImplementedError(); one with a message
# comes from a library the wrong answer misused, e.g. PyTorch refusing an operation).
NOT_A_REJECTION = {"NameError", "SyntaxError", "IndentationError"}
HINT_CODE = re.compile(r"```(?:python)?\n(.*?)```", re.DOTALL)
BROWSER_TEST = "test_lab_runs_the_notebook_and_its_widget_responds"
# A wrong answer may leave global state behind that its tests reject (e.g. gradients switched
# off for good); undo it so that the notebook's next cells run as they would for a learner who
# fixed the answer.
RESET_AFTER_WRONG_ANSWER = """
import sys as _sys
if "torch" in _sys.modules:
    _sys.modules["torch"].set_grad_enabled(True)
"""


# --- the wrong answers ---------------------------------------------------------------------------

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


def hint_code(cells: list[NotebookNode], solution_index: int) -> list[str]:
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


class WrongAnswerAccepted(AssertionError):
    """The exercise's tests accepted an answer they must reject."""


class WrongAnswers(pytest.Item):
    """Runs, before an answer cell, every wrong answer of its exercise with the exercise's tests."""

    def __init__(self, *, answer: IPyNbCell, candidates: list[tuple[str, str, bool]],
                 tests: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.answer, self.candidates, self.tests = answer, candidates, tests
        self.add_marker(pytest.mark.slow)

    def runtest(self) -> None:
        kernel = self.parent.kernel
        timeout = self.config.option.nbval_cell_timeout
        accepted = []
        for label, code, strict in self.candidates:
            try:
                outcome = _judge(kernel, code, self.tests, strict, timeout)
            finally:
                _execute(kernel, RESET_AFTER_WRONG_ANSWER, timeout)
            if outcome is not None:
                accepted.append(f"{label}: {outcome}")
        kinds = sorted({label.split(" #")[0] for label, _, _ in self.candidates})
        print(f"{self.answer.cell.metadata['nbgrader']['grade_id']}: {len(self.candidates)} "
              f"wrong answers checked ({', '.join(kinds)})")
        if accepted:
            raise WrongAnswerAccepted("\n".join(accepted))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, WrongAnswerAccepted):
            grade_id = self.answer.cell.metadata["nbgrader"]["grade_id"]
            return f"the tests of {grade_id} did not reject:\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, self.name


def _candidates(notebook_id: str, cells: list[NotebookNode], index: int) -> list[tuple[str, str, bool]]:
    """(label, code, strict) of every wrong answer for the answer cell at `index`; with
    strict=False (hints, the stub) any failure counts as a rejection."""
    grade_id = nbgrader_meta(cells[index])["grade_id"]
    found = []
    for kind, kept in (("authors' wrong answer", wrong_answers(notebook_id)),
                       ("independent wrong answer", independent_wrong_answers(notebook_id))):
        found += [(f"{kind} #{n}", code, True) for n, code in enumerate(kept.get(grade_id, []), 1)]
    found += [(f"hint code block #{n}", code, False)
              for n, code in enumerate(hint_code(cells, index), 1)]
    stubs = {cell.id: cell.source for cell in read(course_path(notebook_id)).cells}
    found.append(("the untouched stub", stubs[cells[index].id], False))
    return found


def _execute(kernel: RunningKernel, code: str, timeout: float) -> tuple[str, str] | None:
    """Run `code` in the kernel; (ename, evalue) if it raised, else None."""
    msg_id = kernel.execute_cell_input(code, allow_stdin=False)
    try:
        kernel.await_reply(msg_id, timeout=timeout)
    except Empty:
        kernel.interrupt()
        pytest.fail(f"a wrong answer or its tests ran for more than {timeout} s")
    error = None
    while True:
        msg = kernel.get_message(stream="iopub", timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "error":
            error = (msg["content"]["ename"], msg["content"]["evalue"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return error


def _judge(kernel: RunningKernel, wrong: str, tests: str, strict: bool, timeout: float) -> str | None:
    """None when the tests reject the wrong answer, else what went wrong."""
    failed = _execute(kernel, wrong, timeout)
    if failed is not None:
        # On a GPU (simulated here) an answer that leaves layers or data on the CPU crashes: that
        # is how a learner on a GPU meets that mistake, so it counts as rejected.
        return None if not strict or failed[0] == "DeviceMismatch" else \
            "the wrong answer itself failed to run; fix it in the test data"
    error = _execute(kernel, tests, timeout)
    if error is None:
        return "the tests ACCEPTED it"
    ename, evalue = error
    if strict and (ename in NOT_A_REJECTION or (ename == "NotImplementedError" and not evalue.strip())):
        return f"tests failed with {ename}, not on the answer's merits"
    return None


# --- the hooks -------------------------------------------------------------------------------------

_lab_notebooks: set[str] = set()


def _notebook_id(item: pytest.Item) -> str | None:
    # a solution notebook of this course root, or of a built copy of it (e.g. a private graded
    # copy built with a course secret into build/, docs/instructor.md): ROOT/solutions/ID/ID.ipynb
    if isinstance(item, (IPyNbCell, WrongAnswers)) and len(item.path.parents) > 2 and \
            item.path == solution_path(item.path.stem, item.path.parents[2]):
        return item.path.stem
    return None


def _browser_notebook(item: pytest.Item) -> str | None:
    if item.path.name == "test_browser.py" and getattr(item, "originalname", "") == BROWSER_TEST:
        return item.callspec.params["notebook_id"]
    return None


@pytest.hookimpl(trylast=True)  # after -k/-m deselection: only what runs
def pytest_collection_modifyitems(session, config, items):
    browser = {nb: item for item in items if (nb := _browser_notebook(item))}
    ordered: list[pytest.Item] = []
    autograded: dict[str, set[str]] = {}
    for item in items:
        if item in browser.values():
            continue
        notebook_id = _notebook_id(item)
        if notebook_id and isinstance(item, IPyNbCell) and is_solution(item.cell):
            ids = autograded.setdefault(notebook_id, set(autograded_answer_ids(notebook_id)))
            if nbgrader_meta(item.cell).get("grade_id") in ids:
                cells = item.parent.nb.cells
                index = next(i for i, cell in enumerate(cells) if cell is item.cell)
                ordered.append(WrongAnswers.from_parent(
                    item.parent, name=f"{item.name} ({nbgrader_meta(item.cell)['grade_id']}): "
                                      "the tests reject every wrong answer",
                    answer=item, candidates=_candidates(notebook_id, cells, index),
                    tests=grading_cell_after(cells, index).source))
        ordered.append(item)
    # Each browser test right after its notebook's nbval items, in the kernel they used.
    for notebook_id, test in browser.items():
        last = max((i for i, item in enumerate(ordered) if _notebook_id(item) == notebook_id),
                   default=None)
        if last is None:
            ordered.append(test)  # its notebook is not in this session: the browser runs it
        else:
            ordered.insert(last + 1, test)
            _lab_notebooks.add(notebook_id)
    # The reference-figure check reads the scorecard the whole pass filled in: last.
    last = [item for item in ordered if item.path.name == "test_reference_figures.py"]
    items[:] = [item for item in ordered if item not in last] + last


def uses_lab_kernel(notebook_id: str) -> bool:
    """Whether nbval ran this notebook in a kernel of the shared JupyterLab in this session."""
    return notebook_id in _lab_notebooks


#: Run every notebook on a simulated GPU (utils/_simulated_gpu.py): a model and its inputs on two
#: devices, or .numpy() of a GPU tensor, fail here as they would on CUDA or MPS, so the CPU-only
#: suite is also the course's GPU test. COURSE_SIMULATED_GPU=0 turns it off (to compare timings).
SIMULATED_GPU = os.environ.get("COURSE_SIMULATED_GPU", "1") != "0"
START_SIMULATED_GPU = "from utils._simulated_gpu import simulate_for_session as _s; _s(); del _s"
# The notebooks whose claims compare measured speeds (tools.syllabus.TIMING_SENSITIVE) run on the
# plain CPU: the simulation's Python step on every PyTorch operation (about 10 µs) would change
# their verdicts. utils.cost and utils.train are unit-tested on the simulated GPU instead.


def _kernel_for(kernel_name: str, cwd: str | None = None, startup_timeout: float = 60) -> RunningKernel:
    """nbval's kernel for a notebook: the shared JupyterLab's when the browser test takes it over."""
    notebook_id = Path(cwd).name if cwd else ""
    executions.record(notebook_id, "nbval + wrong answers")
    if notebook_id in _lab_notebooks:
        from tests.jupyter_lab import LabKernel, shared_lab

        lab = shared_lab()
        kernel = LabKernel(lab, lab.add_notebook(solution_path(notebook_id)), startup_timeout)
    else:
        kernel = RunningKernel(kernel_name, cwd=cwd, startup_timeout=startup_timeout)
    if SIMULATED_GPU and notebook_id not in TIMING_SENSITIVE:
        error = _execute(kernel, START_SIMULATED_GPU, startup_timeout)
        if error is not None:
            raise RuntimeError(f"the simulated GPU did not start in the kernel: {error}")
    return kernel


nbval.plugin.RunningKernel = _kernel_for  # IPyNbFile.setup starts its kernel through this name


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if executions.counts():
        terminalreporter.section("notebook executions")
        for line in executions.summary():
            terminalreporter.write_line(line)


def pytest_sessionfinish(session, exitstatus):
    from tests.jupyter_lab import stop_shared_lab

    stop_shared_lab()
    too_many = executions.over_the_limit()
    if too_many:
        print("\nnotebooks executed more than", executions.MAX_RUNS, "times:\n" + "\n".join(too_many))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
