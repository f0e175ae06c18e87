"""Assertion helpers for the exercises' tests, with messages written for learners.

Every ``check_*`` function does nothing when the value is right and raises an
``AssertionError`` when it is not, with a message that says what was checked, what was
expected, what was got, and a hint::

    from utils.checks import check_close, passed
    check_close(mean_of([1, 2, 3]), 2.0, "mean_of([1, 2, 3])",
                hint="Check: did you divide by len(values)?")
    passed()                       # prints: ✓ All visible tests passed.

which, for a wrong answer, says::

    ✗ mean_of([1, 2, 3]) is not right.
      expected: 2.0
      got:      3.0
      Hint: Check: did you divide by len(values)?

Hidden (grading) tests pass ``reveal=False``: the message then says only that the value is
wrong, plus the hint, and shows neither the expected value nor the value got.

A mistake in *calling* a helper (e.g. ``name`` not a string) raises ``TypeError`` or
``ValueError`` instead, so that an author's error is never mistaken for a learner's.
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from ._sklearn import fitted_status
from ._validation import as_bool, as_float, as_str, describe, to_numpy

__all__ = [
    "check_type",
    "check_equal",
    "check_close",
    "check_shape",
    "check_between",
    "check_no_nan",
    "check_fitted",
    "check_callable",
    "passed",
]

_repr = reprlib.Repr()
_repr.maxstring = 80
_repr.maxother = 80
_repr.maxlist = 10
_repr.maxtuple = 10
_repr.maxdict = 10

_FORGOT_RETURN = "Your code gave None: did you forget a `return` statement?"


# --------------------------------------------------------------------------------------
# Message building
# --------------------------------------------------------------------------------------


def _format_float(number: float) -> str:
    return f"{number:.6g}"


def _show(value: Any) -> str:
    """A short, readable representation of a value for a message."""
    if isinstance(value, np.ndarray):
        with np.printoptions(threshold=20, edgeitems=3, formatter={"float_kind": _format_float}):
            text = np.array2string(value, separator=", ")
        return f"array of shape {value.shape}: {text}" if value.size > 20 else text
    if isinstance(value, type):
        return value.__name__
    return _repr.repr(value)


def _indent(text: str) -> str:
    """Align the continuation lines of a multi-line value under its first line."""
    return text.replace("\n", "\n" + " " * 12)


def _fail(
    name: str,
    problem: str,
    expected: str | None = None,
    got: str | None = None,
    hint: str | None = None,
    reveal: bool = True,
    extra: str | None = None,
) -> AssertionError:
    """Build the learner-facing ``AssertionError``."""
    if not reveal:
        lines = [f"✗ {name} is not right. (This is a hidden test: the expected value is not shown.)"]
    else:
        lines = [f"✗ {name} {problem}"]
        if expected is not None:
            lines.append(f"  expected: {_indent(expected)}")
        if got is not None:
            lines.append(f"  got:      {_indent(got)}")
        if extra:
            lines.append(f"  {extra}")
    if hint:
        lines.append(f"  Hint: {hint}")
    return AssertionError("\n".join(lines))


def _check_arguments(name: Any, hint: Any, reveal: Any) -> None:
    """Catch mistakes of the *test author* (not the learner) early."""
    if not isinstance(name, str) or not name:
        raise TypeError(f"name must be a non-empty string describing what is checked, but got {describe(name)}.")
    as_str(hint, "hint", allow_none=True)
    as_bool(reveal, "reveal")


def _none_hint(actual: Any, expected: Any, hint: str | None) -> str | None:
    """Prepend the 'forgot return' hint when the learner's value is None."""
    if actual is None and expected is not None:
        return _FORGOT_RETURN + (f" {hint}" if hint else "")
    return hint


# --------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------


def check_type(
    value: Any,
    expected_type: type | tuple[type, ...],
    name: str,
    hint: str | None = None,
    reveal: bool = True,
) -> None:
    """Check that ``value`` is an instance of ``expected_type`` (a type or a tuple of types).

    Example:
        >>> check_type(3.5, float, "mean_of([3, 4])")
    """
    _check_arguments(name, hint, reveal)
    types = expected_type if isinstance(expected_type, tuple) else (expected_type,)
    if not types or not all(isinstance(kind, type) for kind in types):
        raise TypeError(f"expected_type must be a type or a tuple of types, but got {describe(expected_type)}.")
    if isinstance(value, types):
        return
    wanted = " or ".join(kind.__name__ for kind in types)
    raise _fail(name, "has the wrong type.", expected=wanted,
                got=f"{type(value).__name__} ({_show(value)})", hint=_none_hint(value, types, hint), reveal=reveal)


def _is_array_like(value: Any) -> bool:
    return isinstance(value, np.ndarray) or hasattr(value, "__array__") and not np.isscalar(value)


def _equal(actual: Any, expected: Any) -> bool:
    """Equality that also works for arrays, pandas objects and nested lists."""
    if hasattr(expected, "equals") and type(actual) is type(expected):  # pandas
        return bool(expected.equals(actual))
    if _is_array_like(actual) or _is_array_like(expected):
        try:
            a, b = to_numpy(actual), to_numpy(expected)
        except (TypeError, ValueError):
            return False
        return a.shape == b.shape and bool(np.array_equal(a, b))
    try:
        return bool(actual == expected)
    except (TypeError, ValueError):  # e.g. comparing a list of arrays
        return False


def check_equal(actual: Any, expected: Any, name: str, hint: str | None = None, reveal: bool = True) -> None:
    """Check that ``actual == expected`` (element-wise for arrays; exact, so use
    :func:`check_close` for floats).

    Example:
        >>> check_equal(sorted([3, 1, 2]), [1, 2, 3], "sorted([3, 1, 2])")
    """
    _check_arguments(name, hint, reveal)
    if _equal(actual, expected):
        return
    extra = None
    if isinstance(expected, float) and isinstance(actual, (int, float)) and not isinstance(actual, bool):
        extra = "(Floats rarely match exactly: the test should use check_close.)"
    raise _fail(name, "is not right.", expected=_show(expected), got=_show(actual),
                hint=_none_hint(actual, expected, hint), reveal=reveal, extra=extra)


def _as_float_array(value: Any) -> np.ndarray | None:
    """Convert to a float array, or ``None`` if the value is not numeric."""
    if value is None or isinstance(value, (str, bytes, dict)):
        return None
    try:
        array = to_numpy(value)
        return array.astype(float)
    except (TypeError, ValueError):
        return None


def check_close(
    actual: Any,
    expected: Any,
    name: str,
    rtol: float = 1e-6,
    atol: float = 1e-9,
    hint: str | None = None,
    reveal: bool = True,
) -> None:
    """Check that a number or an array is close to the expected one
    (``|actual - expected| <= atol + rtol * |expected|``, element-wise).

    For arrays, the message reports how many elements differ and the largest difference.

    Example:
        >>> check_close(0.1 + 0.2, 0.3, "0.1 + 0.2")
    """
    _check_arguments(name, hint, reveal)
    rtol = as_float(rtol, "rtol", 0.0)
    atol = as_float(atol, "atol", 0.0)
    wanted = _as_float_array(expected)
    if wanted is None:
        raise TypeError(f"expected must be a number or an array of numbers, but got {describe(expected)}.")
    got = _as_float_array(actual)
    if got is None:
        raise _fail(name, "is not a number.", expected=f"a number or array like {_show(expected)}",
                    got=f"{type(actual).__name__} ({_show(actual)})", hint=_none_hint(actual, expected, hint),
                    reveal=reveal)
    if got.shape != wanted.shape:
        raise _fail(name, "has the wrong shape.", expected=f"shape {wanted.shape}", got=f"shape {got.shape}",
                    hint=hint, reveal=reveal)
    if np.isnan(got).any() and not np.isnan(wanted).any():
        raise _fail(name, "contains NaN (not a number).", expected=_show(expected), got=_show(actual),
                    hint=hint, reveal=reveal)
    close = np.isclose(got, wanted, rtol=rtol, atol=atol, equal_nan=True)
    if close.all():
        return
    if got.ndim == 0:
        raise _fail(name, "is not close enough.", expected=_show(expected), got=_show(actual),
                    hint=hint, reveal=reveal, extra=f"(difference {abs(float(got) - float(wanted)):.3g}; "
                    f"tolerance rtol={rtol:g}, atol={atol:g})")
    difference = np.where(close, 0.0, np.abs(got - wanted))
    worst = np.unravel_index(int(np.nanargmax(difference)), difference.shape)
    extra = (f"{int((~close).sum())} of {close.size} elements differ; the largest difference is "
             f"{difference[worst]:.3g} at index {tuple(int(i) for i in worst)} "
             f"(expected {wanted[worst]:.6g}, got {got[worst]:.6g}).")
    raise _fail(name, "is not close enough.", expected=_show(to_numpy(expected)), got=_show(to_numpy(actual)),
                hint=hint, reveal=reveal, extra=extra)


def _check_shape_argument(shape: Any) -> tuple[int | None, ...]:
    if not isinstance(shape, (tuple, list)) or not all(
        dim is None or (isinstance(dim, (int, np.integer)) and not isinstance(dim, bool) and dim >= 0)
        for dim in shape
    ):
        raise TypeError(f"shape must be a tuple of ints or None (any size), e.g. (None, 2), but got {describe(shape)}.")
    return tuple(None if dim is None else int(dim) for dim in shape)


def _shape_text(shape: Sequence[int | None]) -> str:
    parts = ["any" if dim is None else str(dim) for dim in shape]
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def check_shape(array: Any, shape: Sequence[int | None], name: str, hint: str | None = None,
                reveal: bool = True) -> None:
    """Check an array's shape; ``None`` in ``shape`` matches any size.

    Works for NumPy arrays, PyTorch tensors and pandas objects.

    Example:
        >>> import numpy as np
        >>> check_shape(np.zeros((5, 2)), (None, 2), "X_small")
    """
    _check_arguments(name, hint, reveal)
    wanted = _check_shape_argument(shape)
    actual_shape = getattr(array, "shape", None)
    if actual_shape is None:
        raise _fail(name, "has no shape: it is not an array.", expected=f"an array of shape {_shape_text(wanted)}",
                    got=f"{type(array).__name__} ({_show(array)})", hint=_none_hint(array, shape, hint), reveal=reveal)
    got = tuple(int(dim) for dim in actual_shape)
    if len(got) == len(wanted) and all(w is None or w == g for w, g in zip(wanted, got)):
        return
    raise _fail(name, "has the wrong shape.", expected=_shape_text(wanted), got=_shape_text(got),
                hint=hint, reveal=reveal)


def check_between(value: Any, low: float, high: float, name: str, hint: str | None = None,
                  reveal: bool = True) -> None:
    """Check that a number lies in ``[low, high]`` (both ends included).

    Example:
        >>> check_between(0.93, 0.9, 1.0, "test accuracy")
    """
    _check_arguments(name, hint, reveal)
    low = as_float(low, "low")
    high = as_float(high, "high")
    if low > high:
        raise ValueError(f"low must not exceed high, but got low={low} and high={high}.")
    expected = f"a number between {low:g} and {high:g}"
    is_bool = isinstance(value, (bool, np.bool_))
    is_number = isinstance(value, (int, float, np.integer, np.floating)) and not is_bool
    if not is_number:
        array = None if is_bool else _as_float_array(value)
        if array is None or array.ndim != 0:
            raise _fail(name, "is not a single number.", expected=expected,
                        got=f"{type(value).__name__} ({_show(value)})", hint=_none_hint(value, low, hint),
                        reveal=reveal)
        value = float(array)
    number = float(value)
    if math.isnan(number):
        raise _fail(name, "is NaN (not a number).", expected=expected, got="nan", hint=hint, reveal=reveal)
    if not low <= number <= high:
        raise _fail(name, "is out of range.", expected=expected, got=_show(value), hint=hint, reveal=reveal)


def check_no_nan(array: Any, name: str, hint: str | None = None, reveal: bool = True,
                 allow_inf: bool = False) -> None:
    """Check that an array (or DataFrame, tensor, number) holds no NaN — and no infinity,
    unless ``allow_inf=True``.

    Example:
        >>> check_no_nan([1.0, 2.0], "scaled values")
    """
    _check_arguments(name, hint, reveal)
    if hasattr(array, "isna") and hasattr(array, "to_numpy"):  # pandas: NaN, None, NaT in any dtype
        missing = to_numpy(array.isna()).astype(bool)
        values = to_numpy(array)
    else:
        values = _as_float_array(array)
        if values is None:
            raise _fail(name, "is not numeric data.", expected="an array of numbers",
                        got=f"{type(array).__name__} ({_show(array)})", hint=_none_hint(array, 0, hint),
                        reveal=reveal)
        missing = np.isnan(values)
    if missing.any():
        raise _fail(name, "contains NaN (missing) values.", expected="no NaN",
                    got=f"{int(missing.sum())} NaN of {missing.size} values, the first at {_first_index(missing)}",
                    hint=hint, reveal=reveal)
    if not allow_inf:
        numeric = _as_float_array(values) if values.dtype != object else None
        if numeric is not None and np.isinf(numeric).any():
            infinite = np.isinf(numeric)
            raise _fail(name, "contains infinite values.", expected="only finite numbers",
                        got=f"{int(infinite.sum())} infinite of {infinite.size} values, the first at "
                        f"{_first_index(infinite)}", hint=hint, reveal=reveal)


def _first_index(mask: np.ndarray) -> str:
    if mask.ndim == 0:
        return "the value itself"
    position = tuple(int(i) for i in np.argwhere(mask)[0])
    return f"index {position[0]}" if len(position) == 1 else f"index {position}"


def check_fitted(estimator: Any, name: str, hint: str | None = None, reveal: bool = True) -> None:
    """Check that a scikit-learn estimator (or pipeline) has been fitted.

    Example:
        >>> from sklearn.linear_model import LinearRegression
        >>> check_fitted(LinearRegression().fit([[0], [1]], [0, 1]), "model")
    """
    _check_arguments(name, hint, reveal)
    status = fitted_status(estimator)
    if status in ("class", "not an estimator"):
        got = f"the class {estimator.__name__}" if status == "class" else f"{type(estimator).__name__}"
        raise _fail(name, "is not a scikit-learn model object.", expected="a fitted estimator, e.g. Model().fit(X, y)",
                    got=got, hint=_none_hint(estimator, 0, hint), reveal=reveal)
    if status == "not fitted":
        raise _fail(name, "is not fitted yet.", expected="a fitted estimator (call .fit(X, y) on it)",
                    got=f"an unfitted {type(estimator).__name__}", hint=hint, reveal=reveal)


def check_callable(obj: Any, name: str, hint: str | None = None, reveal: bool = True) -> None:
    """Check that ``obj`` can be called (a function, a class, a model with ``__call__``).

    Example:
        >>> check_callable(len, "len")
    """
    _check_arguments(name, hint, reveal)
    if callable(obj):
        return
    raise _fail(name, "is not callable.", expected="a function (defined with def, or a lambda)",
                got=f"{type(obj).__name__} ({_show(obj)})",
                hint=hint or "Did you call the function (name()) where the function itself was wanted?",
                reveal=reveal)


def passed(message: str = "All visible tests passed.") -> None:
    """Print a short success line for the learner, e.g. ``✓ All visible tests passed.``"""
    as_str(message, "message")
    print(f"✓ {message}")
