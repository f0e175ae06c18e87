"""Tests of utils.checks: silent on right answers, specific and friendly on wrong ones,
and silent about the expected value when reveal=False."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
import torch
from sklearn.linear_model import LinearRegression

from utils import checks

HINT = "Check: did you divide by len(values)?"


def failure(call, *args, **kwargs) -> str:
    """Run a check that must fail; return its message."""
    with pytest.raises(AssertionError) as info:
        call(*args, **kwargs)
    return str(info.value)


def assert_friendly(message: str, name: str, expected: str | None, got: str | None, hint: str | None = HINT) -> None:
    assert message.startswith(f"✗ {name} ")
    if expected is not None:
        assert re.search(r"^  expected: .*" + re.escape(expected), message, re.MULTILINE), message
    if got is not None:
        assert re.search(r"^  got: +.*" + re.escape(got), message, re.MULTILINE), message
    if hint is not None:
        assert message.rstrip().endswith(f"Hint: {hint}")


# --------------------------------------------------------------------------------------
# Each helper: passes on right input; on wrong input, says name / expected / got / hint;
# with reveal=False, hides the expected value (and the value got) but keeps the hint.
# --------------------------------------------------------------------------------------

CASES = [
    # (helper, right arguments, wrong arguments, expected text, got text, secret that must not leak)
    (checks.check_type, (2.5, float), ("2.5", float), "float", "str ('2.5')", "float"),
    (checks.check_type, (3, (int, float)), ([3], (int, float)), "int or float", "list", "int or float"),
    (checks.check_equal, ([1, 2, 3], [1, 2, 3]), ([1, 2], [98765, 43210]), "[98765, 43210]", "[1, 2]", "98765"),
    (checks.check_equal, (np.arange(3), np.arange(3)), (np.arange(3), np.array([7, 7, 7])), "[7, 7, 7]", "[0, 1, 2]",
     "7, 7"),
    (checks.check_close, (2.0000000001, 2.0), (3.0, 12345.678), "12345.678", "3.0", "12345"),
    (checks.check_close, ([0.1 + 0.2], [0.3]), ([1.0, 2.0], [1.0, 54321.5]), "[1, 54321.5]", "[1, 2]", "54321"),
    (checks.check_shape, (np.zeros((4, 2)), (None, 2)), (np.zeros((4, 3)), (4, 77)), "(4, 77)", "(4, 3)", "77"),
    (checks.check_between, (0.5, 0.0, 1.0), (1.5, 0.25, 0.875), "between 0.25 and 0.875", "1.5", "0.875"),
    (checks.check_no_nan, ([1.0, 2.0],), ([1.0, np.nan],), "no NaN", "1 NaN of 2 values, the first at index 1", None),
    (checks.check_callable, (len,), (len(""),), "a function", "int (0)", None),
]


@pytest.mark.parametrize(("helper", "right", "wrong", "expected", "got", "secret"), CASES)
def test_helper_passes_on_right_input(helper, right, wrong, expected, got, secret, capsys):
    assert helper(*right, name="answer") is None
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(("helper", "right", "wrong", "expected", "got", "secret"), CASES)
def test_helper_message_names_expected_got_and_hint(helper, right, wrong, expected, got, secret):
    message = failure(helper, *wrong, name="mean_of([1, 2, 3])", hint=HINT)
    assert_friendly(message, "mean_of([1, 2, 3])", expected, got)


@pytest.mark.parametrize(("helper", "right", "wrong", "expected", "got", "secret"), CASES)
def test_helper_hides_the_answer_when_reveal_is_false(helper, right, wrong, expected, got, secret):
    message = failure(helper, *wrong, name="hidden test 2", hint=HINT, reveal=False)
    assert message.startswith("✗ hidden test 2 is not right.")
    assert "expected:" not in message and "got:" not in message
    if secret is not None:
        assert secret not in message
    assert message.rstrip().endswith(f"Hint: {HINT}")


@pytest.mark.parametrize(("helper", "right", "wrong", "expected", "got", "secret"), CASES)
def test_helper_without_hint(helper, right, wrong, expected, got, secret):
    message = failure(helper, *wrong, name="x")
    if helper is not checks.check_callable:  # check_callable brings its own default hint
        assert "Hint:" not in message


# --------------------------------------------------------------------------------------
# Details
# --------------------------------------------------------------------------------------


def test_none_suggests_a_missing_return():
    for call in (lambda: checks.check_equal(None, 2, "f()"), lambda: checks.check_close(None, 2.0, "f()"),
                 lambda: checks.check_shape(None, (2,), "f()"), lambda: checks.check_type(None, int, "f()")):
        with pytest.raises(AssertionError, match=r"did you forget a `return` statement\?"):
            call()


def test_check_close_reports_largest_difference_of_arrays():
    expected = np.zeros((3, 4))
    actual = expected.copy()
    actual[1, 2] = 0.5
    actual[2, 3] = 0.1
    message = failure(checks.check_close, actual, expected, "Z")
    assert "2 of 12 elements differ; the largest difference is 0.5 at index (1, 2) (expected 0, got 0.5)." in message


def test_check_close_shape_and_nan_and_tolerance():
    message = failure(checks.check_close, np.zeros(3), np.zeros(4), "w")
    assert_friendly(message, "w", "shape (4,)", "shape (3,)", hint=None)
    assert "contains NaN" in failure(checks.check_close, [np.nan, 1.0], [0.0, 1.0], "w")
    assert "tolerance rtol=1e-06" in failure(checks.check_close, 1.001, 1.0, "w")
    checks.check_close(1.001, 1.0, "w", rtol=1e-2)
    checks.check_close([np.nan, 1.0], [np.nan, 1.0], "w")  # NaN where NaN is expected
    checks.check_close(torch.tensor([1.0, 2.0]), [1.0, 2.0], "tensor")
    checks.check_close(pd.Series([1.0, 2.0]), np.array([1.0, 2.0]), "series")
    assert "is not a number" in failure(checks.check_close, "1.0", 1.0, "w")


def test_check_equal_suggests_check_close_for_floats():
    message = failure(checks.check_equal, 0.1 + 0.2, 0.3, "sum")
    assert "check_close" in message


def test_check_equal_on_pandas_and_nested_values():
    frame = pd.DataFrame({"a": [1, 2]})
    checks.check_equal(frame.copy(), frame, "frame")
    checks.check_equal({"a": [1, 2]}, {"a": [1, 2]}, "dict")
    failure(checks.check_equal, frame.assign(a=[1, 3]), frame, "frame")
    failure(checks.check_equal, np.zeros((2, 2)), np.zeros(4), "shape differs")


def test_check_shape_details():
    checks.check_shape(torch.zeros(2, 3), (2, 3), "tensor")
    checks.check_shape(pd.DataFrame({"a": [1, 2]}), (2, 1), "frame")
    checks.check_shape(np.zeros(5), [5], "list shape")
    message = failure(checks.check_shape, np.zeros((2, 3)), (None, 3, 1), "X")
    assert_friendly(message, "X", "(any, 3, 1)", "(2, 3)", hint=None)
    message = failure(checks.check_shape, [1, 2], (2,), "X")
    assert "has no shape: it is not an array" in message


def test_check_between_details():
    checks.check_between(np.float32(0.5), 0, 1, "accuracy")
    checks.check_between(np.array(0.5), 0, 1, "accuracy")
    checks.check_between(1.0, 0, 1, "ends included")
    assert "is NaN" in failure(checks.check_between, float("nan"), 0, 1, "accuracy")
    assert "is not a single number" in failure(checks.check_between, [0.5, 0.6], 0, 1, "accuracy")
    assert "is not a single number" in failure(checks.check_between, True, 0, 1, "accuracy")


def test_check_no_nan_details():
    checks.check_no_nan(pd.DataFrame({"a": [1.0], "b": ["x"]}), "frame")
    checks.check_no_nan(torch.ones(3), "tensor")
    message = failure(checks.check_no_nan, pd.DataFrame({"a": [1.0, None], "b": ["x", None]}), "frame")
    assert "2 NaN of 4 values, the first at index (1, 0)" in message
    assert "infinite" in failure(checks.check_no_nan, [1.0, np.inf], "v")
    checks.check_no_nan([1.0, np.inf], "v", allow_inf=True)
    assert "is not numeric data" in failure(checks.check_no_nan, "abc", "v")


def test_check_fitted():
    checks.check_fitted(LinearRegression().fit([[0.0], [1.0]], [0.0, 1.0]), "model")
    message = failure(checks.check_fitted, LinearRegression(), "model", hint="Call model.fit(X_train, y_train).")
    assert_friendly(message, "model", "a fitted estimator", "an unfitted LinearRegression",
                    hint="Call model.fit(X_train, y_train).")
    assert "the class LinearRegression" in failure(checks.check_fitted, LinearRegression, "model")
    assert "is not a scikit-learn model object" in failure(checks.check_fitted, "model", "model")
    hidden = failure(checks.check_fitted, LinearRegression(), "model", reveal=False)
    assert "unfitted" not in hidden


def test_passed_prints_a_tick(capsys):
    checks.passed()
    assert capsys.readouterr().out == "✓ All visible tests passed.\n"
    checks.passed("Exercise 1 done.")
    assert capsys.readouterr().out == "✓ Exercise 1 done.\n"


# --------------------------------------------------------------------------------------
# Mistakes of the test author are TypeError / ValueError, never AssertionError
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: checks.check_equal(1, 1, name=3), TypeError, r"name must be a non-empty string"),
        (lambda: checks.check_equal(1, 1, "x", hint=5), TypeError, r"hint must be a string or None"),
        (lambda: checks.check_equal(1, 1, "x", reveal="no"), TypeError, r"reveal must be True or False"),
        (lambda: checks.check_type(1, "int", "x"), TypeError, r"expected_type must be a type or a tuple of types"),
        (lambda: checks.check_close(1.0, 1.0, "x", rtol=-1), ValueError, r"rtol must be at least 0.0, but got -1"),
        (lambda: checks.check_close(1.0, "one", "x"), TypeError, r"expected must be a number or an array"),
        (lambda: checks.check_shape(np.zeros(2), "2", "x"), TypeError, r"shape must be a tuple of ints or None"),
        (lambda: checks.check_shape(np.zeros(2), (-1,), "x"), TypeError, r"shape must be a tuple of ints"),
        (lambda: checks.check_between(1, 2, 1, "x"), ValueError, r"low must not exceed high"),
        (lambda: checks.check_between(1, "0", 2, "x"), TypeError, r"low must be a number"),
        (lambda: checks.passed(1), TypeError, r"message must be a string"),
    ],
)
def test_author_mistakes(call, error, message):
    with pytest.raises(error, match=message):
        call()
