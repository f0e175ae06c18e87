"""The course in the clients its learners use: JupyterLab in a real browser, and a fresh Python
where the course package is not installed yet (Colab, Binder without our environment).

1. JupyterLab in headless Chromium (Debian's `chromium`, driven by Playwright's Python package;
   Playwright's own browser download is not used), for every *solution* notebook that has an
   ipywidgets interactive (01–07). The browser does not run the notebook again: nbval's pass
   over `solutions/` has just run it, with no error, in a kernel that the session's JupyterLab
   started for the notebook (tests/jupyter_lab.py, tests/nbval_wrong_answers.py). The page
   attaches to that kernel, runs the interactive's cell again (Shift+Enter), moves its first
   slider with the keyboard and checks that the kernel answers with a new picture (each
   interactive also has a static fallback for clients where widgets do not render; that one is
   checked by every execution of the notebook). When the notebook is not part of the session's
   nbval pass (e.g. `pytest tests/test_browser.py`), the page runs all cells from the *Run* menu,
   saves, and checks that every code cell ran and none shows an error. Screenshots go to
   test-output/browser/. Why *solution* notebooks: the student versions' exercise cells raise
   NotImplementedError by design. JupyterLab serves copies, so the committed notebooks stay free
   of outputs.

2. 00-start as on Colab: a fresh virtual environment in which `utils` cannot be imported and the
   course package is not installed (checked before anything runs). The third-party packages the
   course needs are not downloaded again (no network here, and PyTorch alone is gigabytes): the
   fresh environment sees them through a .pth file that lists a folder of links to this
   project's .venv packages, *minus* the course package. The notebook is the student version
   from course/ (what Colab opens), with each exercise answered as a learner who solved it
   would (the solution cells' code); its first cell is the real generated setup cell, which
   finds no `utils`, installs the course package with pip from the local checkout (the
   COURSE_PACKAGE variable; for real learners the repository URL) and imports it. It runs in a
   kernel of the fresh environment through nbclient (no browser needed for what this checks).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from tests import executions
from tests.e2e import CHROMIUM, OUTPUT, chromium, loopback_env, require, wait_until
from tests.jupyter_lab import shared_lab
from tests.nbval_wrong_answers import uses_lab_kernel
from tests.notebooks import (IDS, course_path, has_interactive, is_solution, nbgrader_meta, read,
                             solution_path, strip_markers)
from tools.layout import ROOT, notebook_in, notebook_name
from tools.templates import setup_cell_source

pytestmark = pytest.mark.slow

# Notebooks with an ipywidgets interactive (tests/test_course_build.py requires one in 01–07).
WIDGET_NOTEBOOKS = [notebook_id for notebook_id in IDS if has_interactive(notebook_id)]
SHOTS = OUTPUT / "browser"
RUN_ALL_TIMEOUT_S = 300  # each notebook takes under 60 s on a quiet 2-core machine (benchmarks/)


@pytest.fixture(scope="session")
def lab():
    """The session's JupyterLab (tests/jupyter_lab.py), serving copies of the widget notebooks."""
    require(CHROMIUM, "Debian's Chromium", "apt-get install chromium, as root")
    return shared_lab()


@pytest.fixture(scope="session")
def browser():
    with chromium() as launched:
        yield launched


def _if_saved(path: Path):
    """The notebook at `path` once every code cell in it has run (the browser saved it after
    running all; JupyterLab's autosave may have written a half-run version before), else None."""
    try:
        notebook = nbformat.read(path, as_version=4)
    except ValueError:  # being written
        return None
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    return notebook if code and all(cell.execution_count for cell in code) else None


# Run All ends when every code cell has an execution count, or stops at the first error (the
# cells below it keep an empty prompt): wait for either, then look.
RUN_ALL_ENDED = """() => {
    const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputArea-prompt')]
        .map(element => element.textContent.trim());
    const ran = prompts.length > 0 && prompts.every(text => /^\\[\\d+\\]:$/.test(text));
    const busy = prompts.some(text => text.includes('*'));
    const failed = [...document.querySelectorAll('.jp-OutputArea-output')]
        .some(element => element.textContent.includes('Traceback (most recent call last)'));
    return ran || (failed && !busy);
}"""
# IPython's traceback header, as JupyterLab shows an error output.
ERRORS_ON_PAGE = """() => [...document.querySelectorAll('.jp-OutputArea-output')]
    .map(element => element.textContent)
    .filter(text => text.includes('Traceback (most recent call last)'))"""


@pytest.mark.parametrize("notebook_id", WIDGET_NOTEBOOKS)
def test_lab_runs_the_notebook_and_its_widget_responds(lab, browser, notebook_id):
    SHOTS.mkdir(parents=True, exist_ok=True)
    timings, started = {}, time.monotonic()
    prepared = uses_lab_kernel(notebook_id)  # nbval has just run it in this server's kernel
    served = lab.add_notebook(solution_path(notebook_id)) if not prepared else \
        notebook_in(Path(), notebook_id).as_posix()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        # A workspace of its own, so JupyterLab does not reopen the previous notebook beside it.
        page.goto(f"{lab.base}/lab/workspaces/{notebook_id}/tree/{served}?token={lab.token}")
        page.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=60_000)
        kernel_name = page.locator(".jp-NotebookPanel-toolbar .jp-Toolbar-kernelName")
        page.wait_for_function(
            "() => /Python 3/.test(document.querySelector('.jp-NotebookPanel-toolbar "
            ".jp-Toolbar-kernelName')?.textContent || '')", timeout=60_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
        timings["open + kernel"] = time.monotonic() - started
        assert "Python 3" in kernel_name.inner_text()

        if prepared:
            # The kernel is the one nbval ran the whole notebook in: run the interactive's cell
            # again (Shift+Enter, as a learner does) so that this page shows its widget.
            # JupyterLab renders only the cells near the view: walk to it in command mode.
            assert len(lab.kernel_ids()) == 1, "the page did not attach to the prepared kernel"
            page.locator(".jp-NotebookPanel .jp-Cell").first.locator(".jp-InputPrompt").click()
            for _ in range(_interactive_cell_index(lab.root / served)):
                page.keyboard.press("j")
            page.keyboard.press("Shift+Enter")
            page.locator(".widget-interact").first.wait_for(timeout=60_000)
            timings["run the interactive"] = time.monotonic() - started - timings["open + kernel"]
        else:
            # Its notebook is not in this session's nbval pass (e.g. `-k test_browser`): Run →
            # Run All Cells, as a learner does, and check what the browser saved.
            executions.record(notebook_id, "browser Run All")
            _run_all_and_save(page, lab, notebook_id, served)
            timings["run all"] = time.monotonic() - started - timings["open + kernel"]
        assert page.evaluate(ERRORS_ON_PAGE) == []

        # The first slider of the interactive, above the picture it draws.
        slider = page.locator(".widget-interact .widget-slider").first
        assert slider.count() == 1, "no ipywidgets slider in an interact() on the page"
        slider.scroll_into_view_if_needed()
        readout = slider.locator(".widget-readout")
        picture = page.locator(".widget-interact .jp-OutputArea-output img").first
        picture.wait_for(timeout=30_000)
        before, value = picture.get_attribute("src"), readout.text_content().strip()
        assert before and before.startswith("data:image/png")
        page.screenshot(path=str(SHOTS / f"{notebook_id}-widget-before.png"))

        # Move it one step with the keyboard; the kernel redraws the picture.
        moved = time.monotonic()
        slider.locator(".noUi-handle").focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("([element, value]) => element.textContent.trim() !== value",
                               arg=[readout.element_handle(), value], timeout=30_000)
        page.wait_for_function(
            "(src) => { const img = document.querySelector('.widget-interact .jp-OutputArea-output img');"
            " return img && img.getAttribute('src') !== src; }", arg=before, timeout=60_000)
        timings["widget answers"] = time.monotonic() - moved
        slider.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / f"{notebook_id}-widget-after.png"))
        assert problems == [], problems
    except BaseException:  # pytest.fail() too: keep a picture of what the page showed
        try:
            page.screenshot(path=str(SHOTS / f"{notebook_id}-failure.png"))
        except Exception:  # noqa: BLE001 -- the page may be gone; the original error matters
            pass
        raise
    finally:
        lab.shut_down_kernels()  # one notebook's kernel at a time on a 2-core machine
        page.close()
        print(f"\n{notebook_id}: browser timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()))


def _interactive_cell_index(path: Path) -> int:
    """Position, among all cells, of the first cell that calls ipywidgets' interact()."""
    cells = nbformat.read(path, as_version=4).cells
    return next(i for i, cell in enumerate(cells)
                if cell.cell_type == "code" and re.search(r"\binteract\(", cell.source))


def _run_all_and_save(page, lab, notebook_id: str, served: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_function(RUN_ALL_ENDED, timeout=RUN_ALL_TIMEOUT_S * 1000, polling=500)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    assert page.evaluate(ERRORS_ON_PAGE) == []
    # Save (Ctrl+S on its tab) and read what the browser saved: every code cell ran, none failed.
    page.locator(".lm-TabBar-tab", has_text=notebook_name(notebook_id)).first.click()
    page.keyboard.press("Control+s")
    saved = wait_until(lambda: _if_saved(lab.root / served), 30,
                       "the browser saving the notebook with every code cell run")
    code = [cell for cell in saved.cells if cell.cell_type == "code"]
    errors = [(cell.execution_count, out.get("ename"), out.get("evalue")) for cell in code
              for out in cell.outputs if out.output_type == "error"]
    assert errors == []


# --- 00-start in a fresh environment, as on Colab ----------------------------------------------

NOT_THE_COURSE = re.compile(r"^(__editable__.*|ml_vs_dl_course.*|.*\.pth|__pycache__)$")


def _fresh_environment(folder: Path) -> Path:
    """A new venv that sees this project's third-party packages but not the course package."""
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    ours = Path(subprocess.run([sys.executable, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    packages = folder / "third-party"
    packages.mkdir()
    for entry in ours.iterdir():
        if not NOT_THE_COURSE.match(entry.name):
            (packages / entry.name).symlink_to(entry)
    (site / "course-third-party.pth").write_text(f"{packages}\n")
    return python


def _answered_student_notebook() -> nbformat.NotebookNode:
    """course/00-start with each exercise answered with the solution's code."""
    notebook = read(course_path("00-start"))
    answers = {nbgrader_meta(cell)["grade_id"]: strip_markers(cell.source)
               for cell in read(solution_path("00-start")).cells if is_solution(cell)}
    for cell in notebook.cells:
        if is_solution(cell) and cell.cell_type == "code":
            cell.source = answers[nbgrader_meta(cell)["grade_id"]]
    return notebook


def test_00_start_installs_the_course_package_in_a_fresh_environment(tmp_path):
    from jupyter_client import KernelManager
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient

    started = time.monotonic()
    python = _fresh_environment(tmp_path)
    work = tmp_path / "colab"  # not the checkout: `utils/` there would be importable
    work.mkdir()
    probe = ("import importlib.util, importlib.metadata as m\n"
             "assert importlib.util.find_spec('utils') is None, 'utils importable'\n"
             "try:\n    m.distribution('ml-vs-dl-course')\nexcept m.PackageNotFoundError:\n    pass\n"
             "else:\n    raise AssertionError('ml-vs-dl-course installed')\n"
             "import numpy, sklearn, torch, ipykernel\n")
    env = {k: v for k, v in loopback_env().items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    subprocess.run([str(python), "-c", probe], cwd=work, env=env, check=True)
    timings = {"fresh venv": time.monotonic() - started}

    notebook = _answered_student_notebook()
    setup = next(cell for cell in notebook.cells if cell.cell_type == "code")
    assert setup.source == setup_cell_source(), "the first code cell is not the generated setup cell"
    notebook.cells.append(nbformat.v4.new_code_cell(
        "import utils\nprint('utils from', utils.__file__)"))
    env.update({
        "COURSE_PACKAGE": str(ROOT),        # the local checkout, instead of the repository URL
        "PIP_NO_INDEX": "1",                # install nothing from the network: all is here
        "PIP_NO_BUILD_ISOLATION": "0",      # (pip's spelling of --no-build-isolation) build with
                                            # the setuptools already here, offline
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    })
    env.pop("MPLBACKEND", None)
    kernel_dir = tmp_path / "kernels" / "fresh"
    kernel_dir.mkdir(parents=True)
    (kernel_dir / "kernel.json").write_text(json.dumps({
        "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "fresh venv", "language": "python"}))
    manager = KernelManager(kernel_name="fresh",
                            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernel_dir.parent)]))
    build_existed = (ROOT / "build").exists()
    ran = time.monotonic()
    try:
        NotebookClient(notebook, km=manager, timeout=300, record_timing=False,
                       resources={"metadata": {"path": str(work)}}).execute(env=env, cwd=str(work))
    finally:
        if not build_existed:  # pip builds in the checkout's (git-ignored) build/ folder
            shutil.rmtree(ROOT / "build", ignore_errors=True)
    executions.record("00-start", "fresh environment (as on Colab)")
    timings["notebook"] = time.monotonic() - ran
    print("\nfresh-environment timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()))

    def text(cell):
        return "".join(out.get("text", "") for out in cell.outputs if out.output_type == "stream")

    errors = [(i, out.ename, out.evalue) for i, cell in enumerate(notebook.cells)
              if cell.cell_type == "code" for out in cell.outputs if out.output_type == "error"]
    assert errors == []
    assert "Installing the course package" in text(setup), text(setup)
    assert re.search(r"Seed \d+ · device cpu · \d+ threads? · running locally", text(setup)), text(setup)
    installed_at = text(notebook.cells[-1]).split("utils from", 1)[1].strip()
    assert Path(installed_at).is_relative_to(python.parent.parent), installed_at
