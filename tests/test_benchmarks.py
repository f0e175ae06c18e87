"""The committed benchmark table covers every notebook and shows each within budget.

The measurements themselves come from `make benchmark`, not from a timed test: a test that
times a notebook fails on a busy machine for reasons that have nothing to do with the course.
"""

from __future__ import annotations

import re

from tools import benchmark
from tools.course import notebook_ids


def _rows() -> dict[str, list[str]]:
    text = benchmark.TABLE.read_text()
    return {m.group(1): [c.strip() for c in line.strip("|").split("|")]
            for line in text.splitlines() if (m := benchmark.ROW.match(line))}


def test_every_notebook_has_a_benchmark_row_within_budget():
    assert benchmark.TABLE.is_file(), "run `make benchmark`"
    assert "Machine:" in benchmark.TABLE.read_text()
    rows = _rows()
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
