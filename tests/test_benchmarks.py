"""The committed benchmark table covers every notebook and shows each within budget.

The measurements themselves come from `make benchmark`, not from a timed test: a test that
times a notebook fails on a busy machine for reasons that have nothing to do with the course.
"""

from __future__ import annotations

import re

from tools import benchmark, suite_benchmark
from tools.layout import notebook_ids
from tools.syllabus import SYLLABUS


def test_every_notebook_has_a_benchmark_row_within_budget():
    assert benchmark.TABLE.is_file(), "run `make benchmark`"
    assert "Machine:" in benchmark.TABLE.read_text()
    rows = benchmark.read_rows()
    missing = set(notebook_ids()) - set(rows)
    assert not missing, f"run `make benchmark {' '.join(sorted(missing))}`"
    for notebook_id, (_, wall, time_budget, peak, memory_budget, verdict) in rows.items():
        assert float(wall) <= float(time_budget), f"{notebook_id} takes {wall} s"
        assert float(peak) <= float(memory_budget), f"{notebook_id} needs {peak} GB"
        assert verdict == "✓"


def test_rows_report_over_budget_honestly():
    slow = benchmark.Result("05-deep-architectures", wall_s=75.0, peak_gb=0.9)
    fat = benchmark.Result("11-beyond", wall_s=100.0, peak_gb=1.6)
    fine = benchmark.Result("11-beyond", wall_s=100.0, peak_gb=1.2)
    assert not slow.within_budget and "over budget" in slow.row()
    assert not fat.within_budget
    assert fine.within_budget and re.search(r"\| 120 \|", fine.row())


def test_the_suite_benchmark_is_recorded_and_within_its_goals():
    """benchmarks/suite.md, written by `make benchmark-suite`: the suite of the whole syllabus
    ≤ 22 min (issues 12 and 16), and the website's tests ≤ 5 min on top (issue 18)."""
    assert suite_benchmark.SUITE_TABLE.is_file(), "run `make benchmark-suite`"
    text = suite_benchmark.SUITE_TABLE.read_text()
    assert "- Result: passed" in text, "the recorded suite run failed: run `make benchmark-suite` again"
    projected, website = suite_benchmark.recorded()
    assert projected <= suite_benchmark.PROJECTED_GOAL_MIN
    assert 0 < website <= suite_benchmark.WEBSITE_GOAL_MIN
    assert f"Projected for 00–{SYLLABUS[-1].id[:2]}:" in text


def test_suite_time_is_attributed_to_the_notebook_each_test_names(tmp_path):
    junit = tmp_path / "junit.xml"
    junit.write_text(
        '<testsuites><testsuite>'
        '<testcase classname="solutions.04-neural-networks.04-neural-networks.ipynb" name="Cell 3" time="2.5"/>'
        '<testcase classname="solutions.04-neural-networks.04-neural-networks.ipynb" '
        'name="Cell 9 (ex1-forward): the tests reject every wrong answer" time="4"/>'
        '<testcase classname="tests.test_grading" name="test_solution_gets_full_autograded_marks[04-neural-networks]" time="10"/>'
        '<testcase classname="tests.test_browser" name="test_lab_runs_the_notebook_and_its_widget_responds[02-supervised]" time="3"/>'
        '<testcase classname="tests.unit.test_utils_train" name="test_fit" time="1"/>'
        '<testcase classname="tests.test_site" name="test_lesson_page_shows_no_solution_and_no_hidden_test[02-supervised]" time="20"/>'
        '</testsuite></testsuites>')
    seconds = suite_benchmark.attribute(junit, ["02-supervised", "04-neural-networks"])
    assert seconds == {"04-neural-networks": 6.5, suite_benchmark.AUTOGRADES: 10.0, "02-supervised": 3.0,
                       suite_benchmark.FIXED: 1.0, suite_benchmark.WEBSITE: 20.0}


def test_the_autogrades_are_shared_out_by_run_time():
    parts = {"01-a": 10.0, "02-b": 20.0, suite_benchmark.AUTOGRADES: 30.0, suite_benchmark.FIXED: 5.0}
    bench = {"01-a": 10.0, "02-b": 20.0}
    assert suite_benchmark.per_notebook_cost(parts, bench) == {"01-a": 20.0, "02-b": 40.0}


def test_the_goal_for_00_07_leaves_out_the_later_notebooks_and_the_website():
    parts = {"07-data-volume": 30.0, "08-cost": 40.0, "10-choosing": 50.0, suite_benchmark.FIXED: 100.0,
             suite_benchmark.AUTOGRADES: 60.0, suite_benchmark.WEBSITE: 70.0}
    bench = {"07-data-volume": 10.0, "08-cost": 10.0, "10-choosing": 10.0}
    assert suite_benchmark.without_later_notebooks(400.0, parts, bench) == \
        400.0 - 70 - (40 + 20) - (50 + 20)


def test_the_projection_adds_each_missing_notebook_at_its_budget():
    per_notebook = {"01-a": 20.0, "02-b": 40.0, "00-start": 100.0, suite_benchmark.FIXED: 200.0}
    bench = {"01-a": 10.0, "02-b": 20.0, "00-start": 5.0}  # the suite costs 2 s per notebook-second
    # (no autogrades part here: per_notebook_cost adds nothing)
    planned = ["00-start", "01-a", "02-b", "03-c", "11-beyond"]
    assert suite_benchmark.projection(per_notebook, bench, 360.0, planned) == 360.0 + 2 * 60 + 2 * 120
