"""Comparing two models fairly: paired differences over the same folds or seeds.

Two models scored on the *same* cross-validation folds (or the same seeds) must be compared
fold by fold: a hard fold is hard for both, so the per-fold differences vary far less than
either model's scores. Judging a tie by "the gap is smaller than the larger standard
deviation" ignores that pairing and calls real differences ties (and, with few folds, the
reverse).

:func:`paired_comparison` takes the two lists of scores, computes the per-fold differences,
and gives a confidence interval for the mean difference with the *corrected* resampled
t-test of Nadeau & Bengio (2003): folds share training data, so their differences are
correlated and the naive t-test is over-confident; the correction inflates the variance by
the ratio of test to training size. When the interval contains 0 the comparison is a tie at
that confidence::

    from sklearn.model_selection import KFold, cross_val_score
    from utils.stats import paired_comparison
    folds = KFold(5, shuffle=True, random_state=0)
    forest = cross_val_score(RandomForestClassifier(), X, y, cv=folds)
    boost = cross_val_score(HistGradientBoostingClassifier(), X, y, cv=folds)
    result = paired_comparison(forest, boost, names=("random forest", "gradient boosting"))
    print(result)          # random forest − gradient boosting = +0.004 (95 % CI −0.006 … +0.014): a tie
    result.winner          # None for a tie, else the name of the better model
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._validation import to_numpy

__all__ = ["PairedComparison", "paired_comparison"]


@dataclass(frozen=True)
class PairedComparison:
    """The result of comparing model A with model B on shared folds or seeds."""

    names: tuple[str, str]
    differences: np.ndarray      # per fold: score of A − score of B
    mean: float                  # mean difference (A − B)
    low: float                   # confidence interval of the mean difference
    high: float
    confidence: float
    higher_is_better: bool = True
    unit: str = "folds"          # what was paired: folds, seeds, test examples

    @property
    def winner(self) -> str | None:
        """The better model's name, or None when the interval contains 0 (a tie)."""
        if self.low <= 0.0 <= self.high:
            return None
        a_higher = self.low > 0.0
        return self.names[0] if a_higher == self.higher_is_better else self.names[1]

    @property
    def tie(self) -> bool:
        return self.winner is None

    def __str__(self) -> str:
        a, b = self.names
        verdict = ("a tie" if self.tie else f"{self.winner} is better")
        return (f"{a} − {b} = {self.mean:+.3f} "
                f"({self.confidence:.0%} CI {self.low:+.3f} … {self.high:+.3f}, "
                f"{len(self.differences)} paired {self.unit}): {verdict}")


def paired_comparison(scores_a: Sequence[float] | Any, scores_b: Sequence[float] | Any, *,
                      names: tuple[str, str] = ("A", "B"), test_train_ratio: float | None = None,
                      confidence: float = 0.95, higher_is_better: bool = True,
                      unit: str = "folds") -> PairedComparison:
    """Compare two models scored on the same folds (or seeds), pair by pair.

    Args:
        scores_a, scores_b: one score per fold for each model, in the same fold order
            (e.g. two ``cross_val_score`` results with the same ``cv`` object).
        names: the two models' names, for the verdict.
        test_train_ratio: test size / training size of one fold, for the Nadeau–Bengio
            correction. Default: ``1 / (k − 1)``, right for one run of k-fold CV. Use 0 for
            independent repetitions (e.g. seeds on a fixed split), where no correction applies.
        confidence: the interval's confidence level.
        higher_is_better: False for errors and losses.
        unit: what the pairs are, for the printed verdict ("folds", "seeds", "test examples").

    Returns:
        A :class:`PairedComparison`; its ``winner`` is None when the interval contains 0.
    """
    a = to_numpy(scores_a).astype(float).ravel()
    b = to_numpy(scores_b).astype(float).ravel()
    if a.shape != b.shape:
        raise ValueError(f"scores_a has {a.size} scores and scores_b {b.size}: pass one score per "
                         "fold for each model, on the same folds")
    if a.size < 2:
        raise ValueError("need at least 2 paired scores (folds or seeds) to compare")
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        raise ValueError("scores contain NaN or infinity: check the models' predictions")
    if not 0.5 <= confidence < 1:
        raise ValueError(f"confidence must be in [0.5, 1), got {confidence}")
    if (not isinstance(names, tuple) or len(names) != 2
            or not all(isinstance(n, str) for n in names)):
        raise TypeError("names must be a tuple of two strings, e.g. ('random forest', 'boosting')")
    if not isinstance(unit, str) or not unit.strip():
        raise TypeError("unit must say what was paired, e.g. 'folds', 'seeds' or 'test examples'")
    k = a.size
    ratio = 1.0 / (k - 1) if test_train_ratio is None else float(test_train_ratio)
    if ratio < 0:
        raise ValueError(f"test_train_ratio must be ≥ 0, got {test_train_ratio}")

    from scipy import stats

    differences = a - b
    mean = float(differences.mean())
    variance = float(differences.var(ddof=1))
    standard_error = math.sqrt((1.0 / k + ratio) * variance)
    half_width = float(stats.t.ppf(0.5 + confidence / 2, df=k - 1)) * standard_error
    return PairedComparison(names=names, differences=differences, mean=mean,
                            low=mean - half_width, high=mean + half_width,
                            confidence=confidence, higher_is_better=higher_is_better,
                            unit=unit.strip())
