"""A whole graded classroom, with the real nbgrader exchange and one simulated student per case.

The commands are the ones docs/instructor.md gives, run in a throw-away folder:

    instructor: build with a course secret (a private graded copy) → db student import
                → generate_assignment → release_assignment → (due date)
                → collect → autograde → generate_feedback → release_feedback → export (CSV)
    students:   fetch → edit → submit → fetch feedback (the *Assignments* tab's calls)

The students are the ones a real class has: full and partial solutions, untouched notebooks,
code that raises, code that never ends (the grader's per-cell timeout), edited and deleted test
cells, a deleted exercise cell, late submissions and a student who never submits. Every student
runs as the same OS user here, so each is given their student id explicitly (on a real server
the exchange takes the login name; see docs/instructor.md).

What must hold: every submission is collected and graded (none lost); each autograded score is
exactly what that student's answers deserve (tampering does not raise it, an endless loop costs
only its own exercise); the grades CSV has every student with their score; late submissions are
flagged; every student who submitted gets feedback; the class is graded with the private copy's
hidden tests (their seeds differ from the public solutions'), while the students receive exactly
the public student notebook.
"""

from __future__ import annotations

import csv
import re
import datetime as dt
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook
from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange import ExchangeFactory
from traitlets.config import Config

from tests import executions
from tests.notebooks import (ROOT, course_path, grading_cell_after, is_solution, nbgrader_meta, read, solution_path,
                             strip_markers)
from tools import course, hidden_seeds
from tools.course import nbgrader_env
from tools.layout import notebook_in, source_script

pytestmark = pytest.mark.slow

NOTEBOOK = "00-start"
COURSE_ID = "ml-vs-dl"
CELL_TIMEOUT_S = 30  # the grader's per-cell limit in this classroom (docs/instructor.md)
SECRET = "the classroom's course secret, kept outside the course root"
WRITTEN_ANSWER = "Hidden tests check the same thing on other inputs, so hard-coding the visible answer fails."


@dataclass
class Student:
    """A simulated student: what they do to each exercise and to the notebook."""

    name: str
    category: str
    answers: dict[str, str] = field(default_factory=dict)  # exercise id -> solved | raises | loops
    tamper: dict[str, str] = field(default_factory=dict)  # exercise id -> edit-test | delete-test | delete-answer
    writes_answer: bool = False
    submits: str = "on time"  # on time | late | never


def _exercises() -> dict[str, int]:
    """Autograded exercise ids of the notebook, in order, with their points."""
    cells = read(solution_path(NOTEBOOK)).cells
    return {cell.id: int(nbgrader_meta(grading_cell_after(cells, i))["points"])
            for i, cell in enumerate(cells) if is_solution(cell) and cell.cell_type == "code"}


EXERCISES = _exercises()
FIRST, SECOND, THIRD, *_ = EXERCISES
LAST = list(EXERCISES)[-1]


def _class_list() -> list[Student]:
    """One student per kind of submission a real class hands in (each kind is graded by the
    same code, so a second student of a kind would only cost another autograde)."""
    everything = dict.fromkeys(EXERCISES, "solved")
    kinds = [
        Student("", "full solution", dict(everything), writes_answer=True),
        Student("", "partial solution", {FIRST: "solved", SECOND: "solved"}, writes_answer=True),
        Student("", "untouched notebook"),
        Student("", "code that raises", {**everything, SECOND: "raises"}),
        Student("", "code that never ends", {**everything, SECOND: "loops"}),
        # tests edited so that unsolved exercises would pass: the gradebook's tests come back
        Student("", "edited a test cell", {LAST: "solved"}, tamper={FIRST: "edit-test", SECOND: "edit-test"}),
        Student("", "deleted a test cell", {SECOND: "solved"}, tamper={FIRST: "delete-test"}),
        Student("", "deleted an exercise cell", {**everything}, tamper={THIRD: "delete-answer"}),
        Student("", "late submission", {FIRST: "solved"}, submits="late"),
        Student("", "never submitted", submits="never"),
    ]
    for number, student in enumerate(kinds, start=1):
        student.name = f"student{number:02d}"
    return kinds


STUDENTS = _class_list()


def deserved_score(student: Student) -> float:
    """The autograded points a student's answers deserve: the solved exercises whose answer
    and test cells are both still there. (nbgrader restores edited test cells from the
    gradebook, but not deleted ones: an exercise whose test cell is gone gets no automatic
    score and is flagged for a person to grade.)"""
    if student.submits == "never":
        return 0.0
    return float(sum(points for exercise, points in EXERCISES.items()
                     if student.answers.get(exercise) == "solved"
                     and student.tamper.get(exercise) not in ("delete-answer", "delete-test")))


# --------------------------------------------------------------------------------------
# Running nbgrader as the instructor and as students
# --------------------------------------------------------------------------------------

def run_nbgrader(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run an nbgrader command in `cwd` (which holds that person's nbgrader_config.py)."""
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=nbgrader_env(),
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def student_action(action: str, student: Student, home: Path, exchange: Path) -> None:
    """What a student's *Assignments* tab does: nbgrader's exchange, called as its JupyterLab
    server extension calls it (``fetch``, ``submit`` or ``fetch_feedback``). Calling it in
    process saves starting nbgrader for every action; the exchange code is the same."""
    config = Config()
    config.CourseDirectory.course_id = COURSE_ID
    config.CourseDirectory.assignment_id = NOTEBOOK
    config.CourseDirectory.student_id = student.name  # the login name on a real server
    config.Exchange.root = str(exchange)
    config.Exchange.assignment_dir = str(home)
    config.Exchange.cache = str(home / ".nbgrader-cache")
    factory = ExchangeFactory(config=config)
    kind = {"fetch": factory.FetchAssignment, "submit": factory.Submit, "fetch_feedback": factory.FetchFeedback}[action]
    kind(coursedir=CourseDirectory(config=config), authenticator=Authenticator(config=config), config=config).start()


def _solutions_by_id() -> dict[str, str]:
    return {cell.id: strip_markers(cell.source) for cell in read(solution_path(NOTEBOOK)).cells if is_solution(cell)}


def do_the_homework(student: Student, path: Path) -> None:
    """Edit the fetched notebook at `path` the way `student` does."""
    nb = nbformat.read(path, as_version=4)
    solutions = _solutions_by_id()
    cells = []
    for index, cell in enumerate(nb.cells):
        meta = nbgrader_meta(cell)
        if cell.cell_type == "markdown" and meta.get("solution") and student.writes_answer:
            cell.source = WRITTEN_ANSWER
        elif cell.cell_type == "code" and meta.get("solution"):
            state = student.answers.get(cell.id, "stub")
            if student.tamper.get(cell.id) == "delete-answer":
                continue
            if state == "solved":
                cell.source = solutions[cell.id]
            elif state == "raises":
                cell.source = "values = np.arrayy([1, 2, 3])  # a typo: AttributeError\n\n" + solutions[cell.id]
            elif state == "loops":
                cell.source = "while True:  # waiting for something that never happens\n    pass"
        elif meta.get("grade") and not meta.get("solution"):
            exercise = next(c.id for c in reversed(nb.cells[:index]) if nbgrader_meta(c).get("solution")
                            and c.cell_type == "code")
            tamper = student.tamper.get(exercise)
            if tamper == "delete-test":
                continue
            if tamper == "edit-test":
                cell.source = "# the tests were too strict\npass"
        cells.append(cell)
    nb.cells = cells
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """Run the whole term: release, 29 submissions (2 late), grading, feedback, grades CSV."""
    top = tmp_path_factory.mktemp("classroom")
    course_root, exchange, homes = top / "instructor", top / "exchange", top / "students"
    exchange.mkdir(mode=0o777)
    exchange.chmod(0o777)  # the exchange must be writable by every student (mkdir honours umask)

    # The instructor's course root: the course's own config plus the classroom lines of the guide.
    course_root.mkdir()
    (course_root / "nbgrader_config.py").write_text((ROOT / "nbgrader_config.py").read_text() + (
        f"\nc.CourseDirectory.root = {str(course_root)!r}\n"
        f"c.Exchange.root = {str(exchange)!r}\n"
        f"c.Execute.timeout = {CELL_TIMEOUT_S}\n"
    ))
    # A private graded copy (docs/instructor.md, "Graded classes"): the instructor notebook is
    # built with a course secret from a file outside the course root, as
    # `python -m tools.course build --secret-file` builds it in a private clone.
    secret_file = top / "course-secret.txt"
    secret_file.write_text(SECRET + "\n")
    course.write_notebook(course.build_source_notebook(source_script(NOTEBOOK),
                                                      hidden_seeds.read_secret(secret_file)),
                          solution_path(NOTEBOOK, course_root))
    roster = course_root / "students.csv"
    roster.write_text("id,first_name,last_name,email\n" + "".join(
        f"{s.name},Student,{s.name[-2:]},{s.name}@example.org\n" for s in STUDENTS))
    timings = {}

    def step(label, *args, cwd=course_root):
        start = time.perf_counter()
        result = run_nbgrader(*args, cwd=cwd)
        timings[label] = timings.get(label, 0.0) + time.perf_counter() - start
        return result

    step("import roster", "db", "student", "import", str(roster))
    step("generate", "generate_assignment", NOTEBOOK, "--force")
    step("release", "release_assignment", NOTEBOOK)

    start = time.perf_counter()
    for student in STUDENTS:
        home = homes / student.name
        home.mkdir(parents=True)
        student_action("fetch", student, home, exchange)
        do_the_homework(student, notebook_in(home, NOTEBOOK))
        if student.submits == "on time":
            student_action("submit", student, home, exchange)
    timings["students fetch and submit (on time)"] = time.perf_counter() - start

    # The deadline falls here: after the on-time submissions, before the late ones.
    time.sleep(1.0)
    due = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(seconds=1)
    step("set due date", "db", "assignment", "add", NOTEBOOK, f"--duedate={due.isoformat()}")
    time.sleep(2.5)
    for student in STUDENTS:
        if student.submits == "late":
            student_action("submit", student, homes / student.name, exchange)

    step("collect", "collect", NOTEBOOK)
    step("autograde", "autograde", NOTEBOOK)
    for student in STUDENTS:
        if student.submits != "never":
            executions.record(NOTEBOOK, "classroom autograde")
    step("generate feedback", "generate_feedback", NOTEBOOK)
    step("release feedback", "release_feedback", NOTEBOOK)
    start = time.perf_counter()
    for student in STUDENTS:
        if student.submits != "never":
            student_action("fetch_feedback", student, homes / student.name, exchange)
    timings["students fetch feedback"] = time.perf_counter() - start
    grades_csv = course_root / "grades.csv"
    step("export", "export", f"--to={grades_csv}")

    with Gradebook(f"sqlite:///{course_root / 'gradebook.db'}") as gradebook:
        submissions = {}
        for student in STUDENTS:
            try:
                submission = gradebook.find_submission(NOTEBOOK, student.name)
            except Exception:  # noqa: BLE001 - MissingEntry: never submitted
                continue
            submissions[student.name] = {
                "code": submission.code_score, "max_code": submission.max_code_score,
                "total": submission.score, "seconds_late": submission.total_seconds_late,
                "needs_manual_grade": submission.needs_manual_grade,
            }
    with open(grades_csv, newline="") as handle:
        grades = {row["student_id"]: row for row in csv.DictReader(handle)}
    yield {"root": course_root, "homes": homes, "submissions": submissions, "grades": grades,
           "due": due, "timings": timings}


# --------------------------------------------------------------------------------------
# The figures
# --------------------------------------------------------------------------------------

def test_the_term_in_figures(classroom, capsys):
    """Print the figures an instructor would check (shown even without pytest's -s)."""
    submitted = [s for s in STUDENTS if s.submits != "never"]
    collected = sorted(p.name for p in (classroom["root"] / "submitted").iterdir())
    graded = sorted(p.parent.name for p in (classroom["root"] / "autograded").glob(f"*/{NOTEBOOK}"))
    lost = sorted({s.name for s in submitted} - set(graded))
    lines = [f"class of {len(STUDENTS)}: submitted {len(submitted)}, collected {len(collected)}, "
             f"graded {len(graded)}, lost {len(lost)}, never submitted "
             f"{sum(s.submits == 'never' for s in STUDENTS)}",
             f"{'category':28s} {'n':>2s}  autograded scores (deserved)"]
    by_category: dict[str, list[str]] = {}
    for student in STUDENTS:
        got = classroom["submissions"].get(student.name, {}).get("code", 0.0)
        by_category.setdefault(student.category, []).append(f"{got:g} ({deserved_score(student):g})")
    lines += [f"{category:28s} {len(scores):2d}  {', '.join(scores)}" for category, scores in by_category.items()]
    lines.append("timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in classroom["timings"].items()))
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert len(collected) == len(graded) == len(submitted) and lost == []


def test_every_submission_is_collected_and_graded(classroom):
    submitted = {s.name for s in STUDENTS if s.submits != "never"}
    assert set(classroom["submissions"]) == submitted
    assert {p.parent.name for p in (classroom["root"] / "autograded").glob(f"*/{NOTEBOOK}")} == submitted


def _hidden_seeds_by_cell(path: Path) -> dict[str, list[str]]:
    """The seed literals of each test cell's hidden blocks in the notebook at `path`."""
    return {cell.id: hidden_seeds.hidden_seed_literals(cell.source) for cell in read(path).cells
            if nbgrader_meta(cell).get("grade") and cell.cell_type == "code"}


def test_the_class_is_graded_with_the_private_hidden_tests(classroom):
    """The graded hidden tests draw other inputs than the public ones; the students get exactly
    the public student notebook."""
    public = _hidden_seeds_by_cell(solution_path(NOTEBOOK))
    graded = _hidden_seeds_by_cell(solution_path(NOTEBOOK, classroom["root"]))
    assert public.keys() == graded.keys() and any(public.values())
    for cell_id, seeds in public.items():
        assert len(graded[cell_id]) == len(seeds)
        assert set(graded[cell_id]).isdisjoint(seeds), f"{cell_id}: a public hidden seed was kept"
    released = read(course_path(NOTEBOOK, classroom["root"]))
    assert released == read(course_path(NOTEBOOK)), "the release differs from the public course/ one"
    # what autograding ran: the gradebook's hidden tests, those of the private copy
    full = next(s for s in STUDENTS if s.category == "full solution")
    autograded = _hidden_seeds_by_cell(notebook_in(classroom["root"] / "autograded" / full.name, NOTEBOOK))
    assert autograded == graded


@pytest.mark.parametrize("student", [s for s in STUDENTS if s.submits != "never"], ids=lambda s: s.name)
def test_each_score_is_what_the_answers_deserve(classroom, student):
    scores = classroom["submissions"][student.name]
    assert scores["max_code"] == sum(EXERCISES.values())
    assert scores["code"] == deserved_score(student), student.category


def test_tampering_never_raises_a_grade(classroom):
    for student in STUDENTS:
        if student.tamper:
            assert classroom["submissions"][student.name]["code"] <= deserved_score(student)


def test_an_endless_loop_costs_only_its_own_exercise(classroom):
    looping = [s for s in STUDENTS if "loops" in s.answers.values()]
    assert looping
    for student in looping:
        assert 0 < classroom["submissions"][student.name]["code"] == deserved_score(student)


def test_written_answers_and_deleted_tests_wait_for_a_human(classroom):
    """Blank written answers score 0 on their own; written ones, and exercises whose test cell
    was deleted, are left for formgrader's manual grading."""
    for student in STUDENTS:
        if student.submits == "never":
            continue
        deleted_a_test = "delete-test" in student.tamper.values()
        assert classroom["submissions"][student.name]["needs_manual_grade"] == (student.writes_answer or deleted_a_test)


def test_late_submissions_are_flagged_and_only_those(classroom):
    for student in STUDENTS:
        if student.submits == "never":
            continue
        seconds_late = classroom["submissions"][student.name]["seconds_late"]
        assert (seconds_late > 0) == (student.submits == "late"), student.name


def test_the_grades_csv_lists_every_student_with_their_score(classroom):
    grades = classroom["grades"]
    assert set(grades) == {s.name for s in STUDENTS}
    for student in STUDENTS:
        row = grades[student.name]
        assert row["assignment"] == NOTEBOOK
        expected = classroom["submissions"].get(student.name, {}).get("total", 0.0)
        assert float(row["raw_score"]) == pytest.approx(expected)
        assert float(row["max_score"]) == sum(EXERCISES.values()) + _written_points()
        if student.submits == "never":
            assert row["timestamp"] == "" and float(row["score"]) == 0
        else:
            late = dt.datetime.fromisoformat(row["timestamp"]) > dt.datetime.fromisoformat(row["duedate"])
            assert late == (student.submits == "late")


def _written_points() -> int:
    return sum(int(nbgrader_meta(c).get("points", 0)) for c in read(solution_path(NOTEBOOK)).cells
               if c.cell_type == "markdown" and nbgrader_meta(c).get("grade"))


def test_every_student_who_submitted_gets_feedback(classroom):
    for student in STUDENTS:
        feedback = list((classroom["homes"] / student.name / NOTEBOOK / "feedback").glob(f"*/{NOTEBOOK}.html"))
        assert bool(feedback) == (student.submits != "never"), student.name
        if feedback and student.category == "full solution":
            assert "Score" in feedback[0].read_text()


# The cases docs/instructor.md promises (its bullets under "What the autograder does"), and the
# students who hand each one in.
GUIDE = Path(__file__).parents[1] / "docs" / "instructor.md"
GUIDE_CASES = {"Edited tests do not help": ["edited a test cell"],
               "Deleted tests wait for you": ["deleted a test cell"],
               "Hidden tests": ["full solution", "partial solution"],
               "Errors cost only their exercise": ["code that raises", "code that never ends"],
               "Deleted answer cells": ["deleted an exercise cell"],
               "Untouched notebooks": ["untouched notebook"],
               "Late submissions": ["late submission", "never submitted"]}


def test_the_class_list_covers_every_case_the_guide_promises():
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("What the autograder does with what students hand in", 1)[1].split("\n#", 1)[0]
    promised = re.findall(r"^- \*\*(.+?)\.?\*\*", section, flags=re.MULTILINE)
    assert promised and set(promised) == set(GUIDE_CASES), (
        f"the guide's cases {promised} changed: give each a student here and in GUIDE_CASES")
    categories = Counter(s.category for s in STUDENTS)
    for case, kinds in GUIDE_CASES.items():
        assert all(categories[kind] for kind in kinds), f"no student for the guide's case {case!r}"
    assert len({s.name for s in STUDENTS}) == len(STUDENTS)
