"""Claim checks: every result the lesson states in words is checked by the learner's own run.

A sentence such as "gradient boosting beats the MLP on churn" is true for the run its author
saw. A learner who reruns the notebook with another seed, on another machine or after editing
a cell must never read a sentence their own numbers contradict. So a notebook states such a
result either by printing it from the computed values, or by following it with a **claim
check**::

    from utils.claims import claim
    claim("Gradient boosting is more accurate than the MLP on churn",
          boost_accuracy > mlp_accuracy,
          measured={"gradient boosting": boost_accuracy, "MLP": mlp_accuracy},
          why="the gap is small; another seed or split can reverse it")

which prints::

    ✓ Claim holds in your run: Gradient boosting is more accurate than the MLP on churn.
      measured: gradient boosting = 0.936, MLP = 0.911

and, when the condition is false::

    ✗ In your run this did not hold: Gradient boosting is more accurate than the MLP on churn.
      measured: gradient boosting = 0.902, MLP = 0.911
      Why this can happen: the gap is small; another seed or split can reverse it.
      The text around this cell describes the run its authors saw; trust your numbers.

In a learner's run a ✗ is a message, never a crash. Under the course's test suite (which sets
``COURSE_STRICT_CLAIMS=1``) a ✗ raises :class:`ClaimNotHeld`, so a claim that stops holding
breaks the build instead of misleading learners.

The industry's claims (COURSE.md: "DL needs far more data", "ML trains in minutes on a CPU",
...) get a verdict table at the end of the section that measures them::

    from utils.claims import Verdict, verdict_table
    verdict_table("01-ai-ml-dl", [
        Verdict("DL needs millions of examples",
                measured=f"an MLP on {n_train} rows: {mlp_acc:.3f}; logistic regression {lr_acc:.3f}",
                holds=mlp_acc < lr_acc, scale=f"{n_train} labelled rows, 30 features"),
    ])

which shows the table and records each verdict in the learner's scorecard
(:func:`utils.scorecard.record_claim`), so notebook 10 can gather every verdict.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._validation import as_str

__all__ = ["STRICT_ENV_VAR", "ClaimNotHeld", "Claim", "claim", "strict", "Verdict", "verdict_table"]

STRICT_ENV_VAR = "COURSE_STRICT_CLAIMS"
_TRUE = {"1", "true", "yes", "on"}


class ClaimNotHeld(AssertionError):
    """A claim the lesson states did not hold in this run (raised only in strict mode)."""


def strict() -> bool:
    """True when a claim that does not hold must raise (the test suite sets ``COURSE_STRICT_CLAIMS=1``)."""
    return os.environ.get(STRICT_ENV_VAR, "").strip().lower() in _TRUE


def _one_truth_value(holds: Any, what: str) -> bool:
    """A single truth value; an array or a non-boolean is an author's mistake, said clearly."""
    if isinstance(holds, (bool, np.bool_)):
        return bool(holds)
    if isinstance(holds, np.ndarray) or hasattr(holds, "__len__"):
        raise TypeError(f"{what} must be one True/False, not {type(holds).__name__}: "
                        "combine several conditions with all(...) or any(...)")
    raise TypeError(f"{what} must be True or False (a comparison such as a > b), "
                    f"got {type(holds).__name__} {holds!r}")


def _format_value(value: Any) -> str:
    """Numbers with 3 significant digits (integers as they are), anything else as str()."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        number = float(value)
        return str(number) if not math.isfinite(number) else f"{number:.3g}"
    return str(value)


def _format_measured(measured: Mapping[str, Any] | str | None) -> str:
    if measured is None:
        return ""
    if isinstance(measured, str):
        return measured
    if not isinstance(measured, Mapping):
        raise TypeError("measured must be a dict {name: value} or a string, "
                        f"got {type(measured).__name__}")
    return ", ".join(f"{name} = {_format_value(value)}" for name, value in measured.items())


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else text + "."


@dataclass(frozen=True)
class Claim:
    """One checked claim: its words, whether it held, and the numbers it was judged on."""

    statement: str
    holds: bool
    measured: str = ""
    why: str = ""

    def report(self) -> str:
        """The lines shown to the learner."""
        if self.holds:
            lines = [f"✓ Claim holds in your run: {_sentence(self.statement)}"]
        else:
            lines = [f"✗ In your run this did not hold: {_sentence(self.statement)}"]
        if self.measured:
            lines.append(f"  measured: {self.measured}")
        if not self.holds:
            if self.why:
                lines.append(f"  Why this can happen: {_sentence(self.why)}")
            lines.append("  The text around this cell describes the run its authors saw; "
                         "trust your numbers.")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.report()

    def _ipython_display_(self) -> None:
        """Show nothing more as a cell's last value: :func:`claim` has printed the report."""


def claim(statement: str, holds: Any, measured: Mapping[str, Any] | str | None = None, *,
          why: str = "") -> Claim:
    """Check a result the lesson states in words against this run, and show the verdict.

    Args:
        statement: the claim in the lesson's words, e.g. ``"the CNN beats HOG + SVM at every size"``.
        holds: whether it is true in this run, computed from the measured values
            (``cnn_acc > svm_acc``, ``all(gaps > 0)``); one True/False.
        measured: the numbers the verdict rests on, ``{"CNN": 0.93, "HOG + SVM": 0.88}``
            (numbers are shown with 3 significant digits), or a sentence.
        why: why the claim can fail in someone's run (a small gap, a seed, a split); shown
            with a ✗ only.

    Returns:
        The :class:`Claim`. It is printed at once: ✓ or ✗, the claim, the numbers.

    Raises:
        ClaimNotHeld: when the claim does not hold and ``COURSE_STRICT_CLAIMS`` is set
            (the test suite); a learner only sees the ✗ message.
    """
    if not isinstance(statement, str) or not statement.strip():
        raise TypeError("statement must be the claim in words (a non-empty string)")
    as_str(why, "why")
    result = Claim(statement.strip(), _one_truth_value(holds, "holds"), _format_measured(measured),
                   why.strip())
    print(result.report())
    if not result.holds and strict():
        raise ClaimNotHeld(result.report())
    return result


# --------------------------------------------------------------------------------------
# The industry's claims: a verdict table per notebook, recorded for notebook 10
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """One of the industry's claims (COURSE.md), put to the test by this run.

    Attributes:
        claim: the claim in the industry's words, e.g. ``"DL needs far more data than ML"``.
        measured: what this run measured that bears on it, with the numbers.
        holds: whether the measurement supports the claim (computed, never typed).
        scale: at what scale it was measured (rows, features, epochs, hardware), because a
            verdict at 400 rows says little about 4 million.
    """

    claim: str
    measured: str
    holds: bool
    scale: str

    def __post_init__(self) -> None:
        for name in ("claim", "measured", "scale"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise TypeError(f"Verdict.{name} must be a non-empty string, got {value!r}")
        object.__setattr__(self, "holds", _one_truth_value(self.holds, "Verdict.holds"))

    @property
    def verdict(self) -> str:
        return "holds" if self.holds else "fails"


def verdict_table(notebook: str, verdicts: Sequence[Verdict], *,
                  record: bool = True) -> "pandas.DataFrame":  # noqa: F821
    """The table "claim → what we measured → holds / fails, at what scale" of one notebook.

    Each row is also recorded in the learner's scorecard (:func:`utils.scorecard.record_claim`)
    unless ``record=False``, so that notebook 10 shows every claim with the learner's verdict.
    Returns a DataFrame; as the last line of a cell it is displayed.
    """
    import pandas as pd

    if not isinstance(notebook, str) or not notebook.strip():
        raise TypeError("notebook must be the notebook's id, e.g. '01-ai-ml-dl'")
    if isinstance(verdicts, Verdict) or not isinstance(verdicts, Sequence) or not verdicts:
        raise TypeError("verdicts must be a non-empty list of Verdict(...) rows")
    for row in verdicts:
        if not isinstance(row, Verdict):
            raise TypeError(f"every row must be a Verdict(...), got {type(row).__name__}")
    texts = [row.claim for row in verdicts]
    if len(set(texts)) != len(texts):
        raise ValueError("two rows share the same claim text, and the scorecard keeps one verdict "
                         "per (notebook, claim): name what differs in the claim, e.g. "
                         "'... (churn)' and '... (breast cancer)'")
    if record:
        from . import scorecard
        for row in verdicts:
            scorecard.record_claim(notebook, row.claim, measured=row.measured,
                                   verdict=row.verdict, scale=row.scale)
    table = _verdict_frame_class()({
        "claim": texts,
        "what we measured": [row.measured for row in verdicts],
        "verdict": [row.verdict for row in verdicts],
        "at what scale": [row.scale for row in verdicts],
    })
    table.index = pd.RangeIndex(1, len(table) + 1)
    return table


@functools.cache
def _verdict_frame_class() -> type:
    """A DataFrame that shows its cells in full: a verdict cut at 50 characters says little.

    Made on first use, so that importing this module does not import pandas.
    """
    import pandas as pd

    class VerdictFrame(pd.DataFrame):
        @property
        def _constructor(self) -> type:
            return pd.DataFrame  # anything derived from the table is a plain DataFrame

        def _repr_html_(self) -> str | None:
            with pd.option_context("display.max_colwidth", None):
                return super()._repr_html_()

        def __repr__(self) -> str:
            with pd.option_context("display.max_colwidth", None, "display.max_columns", None,
                                   "display.width", 10_000):
                return super().__repr__()

    return VerdictFrame
