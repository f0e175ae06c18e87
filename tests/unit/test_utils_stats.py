"""utils.stats: paired comparisons call ties and differences the way the folds support."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as scipy_stats

from utils.stats import paired_comparison


def test_a_consistent_small_gap_is_a_difference_even_when_folds_vary_a_lot():
    base = np.array([0.80, 0.95, 0.70, 0.90, 0.85])          # folds differ by up to 0.25
    result = paired_comparison(base + 0.01 + np.array([0, 0.001, -0.001, 0.002, 0]), base,
                               names=("forest", "boosting"))
    assert result.winner == "forest" and not result.tie
    # the unpaired rule of thumb ("gap below the larger std") would have called this a tie
    assert abs(result.mean) < base.std()


def test_a_gap_that_changes_sign_across_folds_is_a_tie():
    result = paired_comparison([0.90, 0.92, 0.88, 0.91, 0.93], [0.91, 0.90, 0.89, 0.92, 0.91],
                               names=("a", "b"))
    assert result.tie and result.winner is None
    assert "a tie" in str(result) and "5 paired folds" in str(result)


def test_without_correction_the_interval_is_the_paired_t_interval():
    a, b = np.array([0.9, 0.8, 0.85, 0.95]), np.array([0.85, 0.78, 0.86, 0.9])
    result = paired_comparison(a, b, test_train_ratio=0.0)
    low, high = scipy_stats.t.interval(0.95, 3, loc=(a - b).mean(),
                                       scale=scipy_stats.sem(a - b))
    assert result.low == pytest.approx(low) and result.high == pytest.approx(high)


def test_the_nadeau_bengio_correction_widens_the_interval():
    a, b = [0.9, 0.8, 0.85, 0.95, 0.9], [0.85, 0.78, 0.86, 0.9, 0.88]
    plain = paired_comparison(a, b, test_train_ratio=0.0)
    corrected = paired_comparison(a, b)  # 5-fold: ratio 1/4
    assert corrected.high - corrected.low > plain.high - plain.low
    assert corrected.mean == pytest.approx(plain.mean)


def test_lower_is_better_for_errors():
    result = paired_comparison([1.0, 1.1, 0.9, 1.05], [2.0, 2.1, 1.9, 2.0], names=("a", "b"),
                               higher_is_better=False, test_train_ratio=0.0)
    assert result.winner == "a"


@pytest.mark.parametrize("a, b, error, match", [
    ([0.9, 0.8], [0.9], ValueError, "same folds"),
    ([0.9], [0.8], ValueError, "at least 2"),
    ([0.9, np.nan], [0.8, 0.7], ValueError, "NaN"),
])
def test_bad_scores_are_explained(a, b, error, match):
    with pytest.raises(error, match=match):
        paired_comparison(a, b)


def test_bad_options_are_explained():
    with pytest.raises(TypeError, match="two strings"):
        paired_comparison([1, 2], [1, 3], names=("a",))
    with pytest.raises(ValueError, match="confidence"):
        paired_comparison([1, 2], [1, 3], confidence=95)
    with pytest.raises(ValueError, match="test_train_ratio"):
        paired_comparison([1, 2], [1, 3], test_train_ratio=-1)


def test_the_verdict_names_what_was_paired():
    result = paired_comparison([1, 0, 1, 1], [0, 0, 1, 0], test_train_ratio=0,
                               unit="test examples")
    assert "4 paired test examples" in str(result)
    with pytest.raises(TypeError, match="unit"):
        paired_comparison([1, 0], [0, 0], unit="")
