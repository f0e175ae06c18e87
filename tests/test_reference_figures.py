"""The advisor's reference figures (utils/_reference.py) are still what the notebooks measure.

Notebook 10 and `utils.advisor` fall back on reference figures where a learner's scorecard has no
row. They are a run of the solution notebooks, captured once; when a notebook changes a task's
name, a model or a result, they go stale silently. The suite's nbval pass runs every solution
notebook into the session's scorecard (conftest's COURSE_SCORECARD), so at the end of that pass
this test compares: every reference row must still be recorded, with the same score, and every
reference claim with the same verdict. It runs last (tests/nbval_wrong_answers.py orders it) and
only when the session ran the notebooks the reference comes from.

To refresh the figures: `python -m tools.reference` prints the rows from a scorecard.
"""

from __future__ import annotations

import pytest

from utils import scorecard
from utils._reference import REFERENCE, REFERENCE_CLAIMS

pytestmark = pytest.mark.slow

SCORE_TOLERANCE = 0.01  # accuracies are seeded; a little room for another CPU's arithmetic


def _session_scorecard():
    rows, claims = scorecard.load(), scorecard.load_claims()
    needed = {row.notebook for row in REFERENCE} | {notebook for notebook, _, _ in REFERENCE_CLAIMS}
    ran = set(rows["notebook"]) | set(claims["notebook"])
    if not needed <= ran:
        pytest.skip(f"this session did not run {sorted(needed - ran)} (run the whole suite)")
    return rows, claims


def test_every_reference_figure_is_still_measured_the_same():
    rows, _ = _session_scorecard()
    measured = {(r.notebook, r.task, r.model): r.score for r in rows.itertuples()}
    stale = []
    for ref in REFERENCE:
        key = (ref.notebook, ref.task, ref.model)
        if key not in measured:
            stale.append(f"{key}: no longer recorded")
        elif abs(measured[key] - ref.score) > SCORE_TOLERANCE:
            stale.append(f"{key}: reference {ref.score:.4g}, measured now {measured[key]:.4g}")
    assert not stale, "utils/_reference.py is stale (refresh with `python -m tools.reference`):\n" + "\n".join(stale)


def test_every_reference_verdict_is_still_the_verdict():
    _, claims = _session_scorecard()
    verdicts = {(c.notebook, c.claim): c.verdict for c in claims.itertuples()}
    stale = [f"{notebook} · {text}: reference {verdict}, now {verdicts.get((notebook, text), 'not recorded')}"
             for notebook, text, verdict in REFERENCE_CLAIMS if verdicts.get((notebook, text)) != verdict]
    assert not stale, "utils/_reference.py is stale (refresh with `python -m tools.reference`):\n" + "\n".join(stale)
