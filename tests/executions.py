"""How many times the suite executes each notebook, and the rule that keeps the suite lean.

Every place that runs a whole notebook records it here (`record`): nbval's pass over
`solutions/` (which also runs the wrong answers, tests/nbval_wrong_answers.py), the solved
autograde (tests/test_grading.py), the classroom's autogrades (tests/test_classroom.py), the
fresh-environment run of 00-start (tests/test_browser.py) and a browser's Run All when it had to
run a notebook itself. The end of the session prints the counts and fails the run if a lesson
notebook ran more than `MAX_RUNS` times. 00-start is the classroom's notebook: one autograde per
grading case plus the fresh-environment run, all different (its count is shown, not capped).
"""

from __future__ import annotations

from collections import Counter, defaultdict

MAX_RUNS = 2
UNCAPPED = {"00-start": "the classroom's notebook: one autograde per grading case"}

_runs: dict[str, Counter] = defaultdict(Counter)


def record(notebook_id: str, how: str) -> None:
    """Count one execution of a whole notebook (`how`: what ran it)."""
    _runs[notebook_id][how] += 1


def counts() -> dict[str, Counter]:
    return {notebook_id: Counter(runs) for notebook_id, runs in sorted(_runs.items())}


def over_the_limit() -> list[str]:
    """Lesson notebooks executed more than MAX_RUNS times in this session."""
    return [f"{notebook_id} ran {sum(runs.values())} times ({_describe(runs)})"
            for notebook_id, runs in counts().items()
            if notebook_id not in UNCAPPED and sum(runs.values()) > MAX_RUNS]


def summary() -> list[str]:
    lines = []
    for notebook_id, runs in counts().items():
        note = f"  [{UNCAPPED[notebook_id]}]" if notebook_id in UNCAPPED else ""
        lines.append(f"{notebook_id}: {sum(runs.values())} ({_describe(runs)}){note}")
    return lines


def _describe(runs: Counter) -> str:
    return ", ".join(f"{how} ×{n}" if n > 1 else how for how, n in sorted(runs.items()))
