"""The notebooks: built from their one source, stored clean, no answers leaking into course/."""

from __future__ import annotations

import re

import nbformat
import pytest

from tests.notebooks import (IDS, between, course_path, has_interactive, is_autograded_test, is_solution,
                             nbgrader_meta, outside_markers, read, solution_path)
from tools import course, templates
from tools.course import AuthoringError
from tools.layout import COURSE, ROOT, SOLUTIONS, link, solution_notebook, source_script

ALL_NOTEBOOKS = [solution_path(i) for i in IDS] + [course_path(i) for i in IDS]


def test_there_are_notebooks_and_each_has_both_versions():
    assert "00-start" in IDS
    for notebook_id in IDS:
        assert solution_path(notebook_id).is_file(), f"run `make course` to build {notebook_id}"
        assert course_path(notebook_id).is_file(), f"run `make course` to build {notebook_id}"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_stored_without_outputs(path):
    nb = read(path)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: cell {cell.id} has outputs"
            assert cell.execution_count is None, f"{path.name}: cell {cell.id} has a count"
        assert "execution" not in cell.metadata, f"{path.name}: cell {cell.id} has timings"
    assert set(nb.metadata) <= {"kernelspec", "language_info"}, nb.metadata.keys()


@pytest.mark.parametrize("notebook_id", IDS)
def test_notebook_has_the_standard_shape(notebook_id):
    nb = read(solution_path(notebook_id))
    title = nb.cells[0]
    number = notebook_id.split("-")[0]
    assert title.cell_type == "markdown"
    assert re.match(rf"# {number} · \S", title.source), "title must be `# NN · Title`"
    for part in ("Learning objectives", "Time", "Prerequisites"):
        assert part in title.source, f"the title cell must say its {part}"
    assert re.search(r"\d+\s*min", title.source), "give a time estimate in minutes"
    assert nb.cells[1].metadata.get("tags") == ["badges"]
    assert templates.colab_url(notebook_id) in nb.cells[1].source
    setup = nb.cells[2]
    assert setup.metadata.get("tags") == ["setup"]
    standard = templates.setup_cell_source().splitlines()
    assert setup.source.splitlines()[:-1] == standard[:-1], "the setup cell is the template's"
    assert setup.source.splitlines()[-1].startswith("run = env.setup(")  # arguments: the marker's
    headings = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown" and c.source]
    assert "## Key takeaways" in headings
    assert "## Going further" in headings
    exercises = [h for h in headings if h.startswith("### Exercise")]
    graded = [c for c in nb.cells if nbgrader_meta(c).get("grade")]
    assert 3 <= len(exercises) <= 6, f"3–6 exercises per notebook, found {len(exercises)}"
    assert len(graded) >= len(exercises)


@pytest.mark.parametrize("notebook_id", [i for i in IDS if i != "00-start"])
def test_lesson_notebooks_have_an_interactive(notebook_id):
    """Moving a parameter is the lesson: an ipywidgets interact() (checked in a real browser by
    tests/test_browser.py), with a static fallback where widgets do not render."""
    assert has_interactive(notebook_id), f"{notebook_id}: add an ipywidgets interact() (see docs/authoring.md)"


HINT_SUMMARY = re.compile(r"<details>\s*<summary>\s*(.*?)\s*</summary>", re.DOTALL)


@pytest.mark.parametrize("notebook_id", IDS)
def test_exercises_have_visible_and_hidden_tests_and_hints(notebook_id):
    nb = read(solution_path(notebook_id))
    tests = [c for c in nb.cells if is_autograded_test(c)]
    assert len(tests) >= 3
    for cell in tests:
        visible = cell.source.split("### BEGIN HIDDEN TESTS")[0]
        assert "assert" in visible or "checks." in visible, f"{cell.id}: no visible test"
        assert between(cell.source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"), \
            f"{cell.id}: no hidden tests"
    exercise_cells = [c for c in nb.cells
                      if c.cell_type == "markdown" and c.source.startswith("### Exercise")]
    buried = [line for c in nb.cells if c.cell_type == "markdown" and c not in exercise_cells
              for line in c.source.splitlines() if re.match(r"### Exercise \d", line)]
    assert not buried, f"an exercise heading must start its own markdown cell: {buried}"
    for cell in exercise_cells:
        summaries = HINT_SUMMARY.findall(cell.source)
        assert summaries[:2] == ["Hint", "Closer hint"], (
            f"{cell.source.splitlines()[0]}: hints come in two tiers, a nudge "
            "(<details><summary>Hint</summary>) then <details><summary>Closer hint</summary>; "
            f"found {summaries}")


@pytest.mark.parametrize("notebook_id", IDS)
def test_no_solution_or_hidden_test_reaches_the_student_version(notebook_id):
    source = read(solution_path(notebook_id))
    student = read(course_path(notebook_id))
    student_text = "\n".join(c.source for c in student.cells)
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in student_text
    assert [c.id for c in source.cells] == [c.id for c in student.cells]
    for original, released in zip(source.cells, student.cells):
        answer = between(original.source, "### BEGIN SOLUTION", "### END SOLUTION")
        hidden = between(original.source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
        secret = set(answer + hidden) - outside_markers(original.source)
        released_lines = {line.strip() for line in released.source.splitlines()}
        leaked = sorted(line for line in secret & released_lines if len(line) > 3)
        assert not leaked, f"{original.id}: leaked into course/: {leaked}"
        if is_solution(original) and original.cell_type == "code":
            assert "raise NotImplementedError()" in released.source


def test_course_holds_only_student_notebooks():
    files = sorted(p.relative_to(COURSE).as_posix() for p in COURSE.rglob("*") if p.is_file())
    assert files == sorted(link(course_path(i), COURSE) for i in IDS), "only notebooks belong in course/"


def test_solutions_hold_only_sources_and_built_notebooks():
    for folder in SOLUTIONS.iterdir():
        names = {p.name for p in folder.iterdir() if p.name != "__pycache__"}
        assert names == {source_script(folder.name).name, solution_notebook(folder.name).name}, names


@pytest.mark.slow
def test_committed_notebooks_match_a_fresh_build():
    """`course/` is exactly what nbgrader makes of `solutions/` (and both of the scripts)."""
    assert course.differences() == []


# --- the build's authoring rules -------------------------------------------------------------

def _cell(source: str, cell_type: str = "code", **metadata):
    make = nbformat.v4.new_code_cell if cell_type == "code" else nbformat.v4.new_markdown_cell
    return make(source, metadata=metadata)


def test_markers_become_nbgrader_metadata():
    solution = course.convert_cell(_cell("### BEGIN SOLUTION\nx = 1\n### END SOLUTION",
                                         solution="ex1-x"), "t")
    assert solution.metadata.nbgrader["solution"] and not solution.metadata.nbgrader["grade"]
    tests = course.convert_cell(_cell("assert x == 1", tests="ex1-x-tests", points=2), "t")
    assert tests.metadata.nbgrader == {"grade": True, "grade_id": "ex1-x-tests", "locked": True,
                                       "points": 2, "schema_version": 3, "solution": False,
                                       "task": False}
    answer = course.convert_cell(_cell("Because.", "markdown", answer="ex2-why", points=1), "t")
    assert answer.metadata.nbgrader["solution"] and answer.metadata.nbgrader["grade"]
    setup = course.convert_cell(_cell("", title="setup"), "t")
    assert setup.source == templates.setup_cell_source()
    assert "\nrun = env.setup()  #" in setup.source  # the defaults of utils.env (one thread)


def test_the_setup_cell_installs_the_release_the_notebook_belongs_to():
    """Pinned to the tag of pyproject.toml's version (docs/authoring.md, *Releasing a version*),
    never a branch that moves on; COURSE_PACKAGE still overrides it (tests/test_browser.py)."""
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    source = templates.setup_cell_source()
    assert templates.release_tag() == f"v{version}"
    assert f'.git@v{version}")' in source
    assert "@main" not in source and f"@{templates.BRANCH}\"" not in source
    assert 'os.environ.get("COURSE_PACKAGE", ' in source
    assert re.search(r"^## Releasing a version", (ROOT / "docs" / "authoring.md").read_text(), re.MULTILINE)


def test_the_setup_marker_passes_its_arguments_to_env_setup():
    setup = course.convert_cell(_cell("", title="setup", seed=7, device="cpu"), "t")
    assert setup.source.splitlines()[-1].startswith("run = env.setup(seed=7, device='cpu')  #")
    assert setup.metadata == {"tags": ["setup"]}
    with pytest.raises(AuthoringError, match="arguments of utils.env.setup"):
        course.convert_cell(_cell("", title="setup", sede=7), "t")


def test_the_cell_kinds_are_the_table_of_the_authoring_guide():
    """Each row of `course.CELL_KINDS` is a row of the marker table in docs/authoring.md."""
    guide = (ROOT / "docs" / "authoring.md").read_text()
    rows = [line for line in guide.splitlines() if line.startswith("| `# %%")]
    for kind in course.CELL_KINDS:
        header = "# %% [markdown]" if kind.cell_type == "markdown" else "# %%"
        assert any(row.startswith(f"| `{header} {kind.marker}=") for row in rows), kind
    assert any(row.startswith(f"| `# %% {course.SETUP}`") for row in rows)
    assert len(rows) == len(course.CELL_KINDS) + 1


@pytest.mark.parametrize("cell, message", [
    (_cell("x = 1", solution="ex1"), "BEGIN/END SOLUTION"),
    (_cell("assert True", tests="ex1-tests"), "points=N"),
    (_cell("assert True", tests="ex1-tests", points=0), "points=N"),
    (_cell("x", "markdown", answer="ex2", points=1, tests="ex2-t"), "only one of"),
    (_cell("x", answer="ex2", points=1), "must be a markdown cell"),
    (_cell("x", colour="red"), "unknown cell marker"),
    (_cell("x", title="setpu"), "unknown cell marker"),
    (_cell("print(1)", title="setup"), "empty code cell"),
    (_cell("x = 1", points=1), "belongs to a tests"),
])
def test_authoring_mistakes_are_explained(cell, message):
    with pytest.raises(AuthoringError, match=message):
        course.convert_cell(cell, "t")


def test_duplicate_grade_ids_are_refused(tmp_path):
    script = tmp_path / "99-x.py"
    script.write_text('# %% [markdown]\n# # 99 · X\n\n# %% tests="a" points=1\nassert 1\n\n'
                      '# %% tests="a" points=1\nassert 1\n')
    with pytest.raises(AuthoringError, match="used twice"):
        course.build_source_notebook(script)


def test_readme_syllabus_table_lists_every_lesson_and_links_existing_ones():
    table = course.syllabus_table(set(IDS))
    assert table.count("\n") == len(course.SYLLABUS) + 1
    for notebook_id in IDS:
        assert templates.binder_url(notebook_id) in table
        assert f"({link(course_path(notebook_id))})" in table


READING_WORDS_PER_MINUTE = 150  # technical prose, with its figures and printed tables
MINUTES_PER_POINT = 3           # an exercise point: reading the task, writing, testing
ONE_SITTING_MINUTES = 120


def estimated_minutes(notebook) -> float:
    """Reading the markdown at READING_WORDS_PER_MINUTE, plus MINUTES_PER_POINT per point."""
    words = sum(len(re.sub(r"<[^>]+>", "", cell.source).split())
                for cell in notebook.cells if cell.cell_type == "markdown")
    points = sum(nbgrader_meta(cell).get("points", 0) for cell in notebook.cells)
    return words / READING_WORDS_PER_MINUTE + MINUTES_PER_POINT * points


@pytest.mark.parametrize("notebook_id", IDS)
def test_the_time_estimate_is_honest_and_one_sitting(notebook_id):
    """The title's **Time** agrees with the notebook's length and exercises, and fits a sitting."""
    notebook = read(course_path(notebook_id))
    stated = re.search(r"\*\*Time:\*\* ~(\d+) min", notebook.cells[0].source)
    assert stated, "the title cell states **Time:** ~N min"
    estimate = estimated_minutes(notebook)
    assert estimate <= ONE_SITTING_MINUTES, (
        f"{notebook_id}: ~{estimate:.0f} min of reading and exercises; one sitting is "
        f"≤ {ONE_SITTING_MINUTES}: cut prose or exercises")
    assert abs(int(stated.group(1)) - estimate) <= max(15, 0.25 * estimate), (
        f"{notebook_id} says ~{stated.group(1)} min, its length and points suggest ~{estimate:.0f}")
