"""Argument checks shared by the ``utils`` modules (private): catching a *call* that misuses the API.

Each ``as_*`` function returns the argument as the type it must be (``as_int(3.0 …)`` is
refused, ``as_int(np.int64(3) …)`` gives ``3``) or raises a ``TypeError`` / ``ValueError`` whose
message names the argument, says what was given and what is expected, so that a learner can
fix the call without reading the source. ``require_same_length`` checks a pair of arrays.

These are not the learner-facing test assertions of :mod:`utils.checks` (``check_close``,
``check_equal``, …), which raise an ``AssertionError`` that explains a wrong *answer*.

Example:
    >>> as_int(np.int64(3), "epochs", minimum=1)
    3
    >>> as_float(None, "lr", allow_none=True) is None
    True
    >>> as_int(0, "epochs", minimum=1)
    Traceback (most recent call last):
    ...
    ValueError: epochs must be at least 1, but got 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

__all__ = [
    "MAX_SEED",
    "as_int",
    "as_float",
    "as_bool",
    "as_str",
    "as_choice",
    "as_seed",
    "as_array",
    "require_same_length",
    "describe",
    "to_numpy",
]

#: The largest seed NumPy accepts (``2**32 - 1``).
MAX_SEED = 2**32 - 1


def describe(value: Any, limit: int = 60) -> str:
    """A short ``type value`` description for error messages, e.g. ``str 'ten'``."""
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{type(value).__name__} {text}"


def _or_none(allow_none: bool) -> str:
    return " or None" if allow_none else ""


def as_int(
    value: Any,
    name: str,
    minimum: int | None = None,
    maximum: int | None = None,
    *,
    allow_none: bool = False,
) -> int | None:
    """Return ``value`` as an ``int`` if it is an integer in ``[minimum, maximum]``
    (``None`` passes through when ``allow_none``)."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an int{_or_none(allow_none)}, but got {describe(value)}.")
    value = int(value)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ValueError(f"{name} must be {_range_text(minimum, maximum)}, but got {value}.")
    return value


def as_float(
    value: Any,
    name: str,
    minimum: float | None = None,
    maximum: float | None = None,
    *,
    allow_none: bool = False,
) -> float | None:
    """Return ``value`` as a finite ``float`` in ``[minimum, maximum]``
    (``None`` passes through when ``allow_none``)."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{name} must be a number{_or_none(allow_none)}, but got {describe(value)}.")
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        raise ValueError(f"{name} must be a finite number, but got {value}.")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ValueError(f"{name} must be {_range_text(minimum, maximum)}, but got {value}.")
    return value


def _range_text(minimum: float | None, maximum: float | None) -> str:
    if minimum is not None and maximum is not None:
        return f"between {minimum} and {maximum}"
    if minimum is not None:
        return f"at least {minimum}"
    if maximum is not None:
        return f"at most {maximum}"
    return "a number"  # pragma: no cover - never called without a bound


def as_bool(value: Any, name: str) -> bool:
    """Return ``value`` if it is ``True`` or ``False`` (NumPy booleans included)."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, but got {describe(value)}.")
    return bool(value)


def as_str(value: Any, name: str, *, allow_none: bool = False, non_empty: bool = False) -> str | None:
    """Return ``value`` if it is a string (not blank, with ``non_empty``; ``None`` passes
    through when ``allow_none``)."""
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string{_or_none(allow_none)}, but got {describe(value)}.")
    if non_empty and not value.strip():
        raise ValueError(f"{name} must not be empty, but got {value!r}.")
    return value


def as_choice(value: Any, name: str, choices: Iterable[Any]) -> Any:
    """Return ``value`` if it is one of ``choices``; otherwise list the valid choices."""
    choices = list(choices)
    if value not in choices:
        valid = ", ".join(repr(choice) for choice in choices)
        raise ValueError(f"{name}={value!r} is not one of the valid choices: {valid}.")
    return value


def as_seed(seed: Any, name: str = "seed", *, allow_none: bool = False) -> int | None:
    """Return ``seed`` if it is an int in ``[0, 2**32 - 1]`` (what NumPy accepts)."""
    return as_int(seed, name, 0, MAX_SEED, allow_none=allow_none)


def to_numpy(value: Any) -> np.ndarray:
    """Convert lists, pandas objects and (CPU or GPU) PyTorch tensors to a NumPy array.

    Example:
        >>> import pandas as pd
        >>> to_numpy(pd.Series([1, 2])).tolist()
        [1, 2]
    """
    if hasattr(value, "detach") and hasattr(value, "cpu"):  # a torch.Tensor, without importing torch
        value = value.detach().cpu().numpy()
    elif hasattr(value, "to_numpy"):  # pandas Series / DataFrame
        value = value.to_numpy()
    return np.asarray(value)


def as_array(
    value: Any,
    name: str,
    ndim: int | Sequence[int] | None = None,
    numeric: bool = True,
    allow_nan: bool = False,
) -> np.ndarray:
    """Convert ``value`` to an array and check its dimensionality, dtype and NaN values."""
    if value is None or isinstance(value, (str, bytes, dict)):
        raise TypeError(f"{name} must be an array (NumPy array, list, DataFrame or tensor), but got {describe(value)}.")
    try:
        array = to_numpy(value)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} could not be turned into an array ({error}); pass a NumPy array.") from None
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if array.ndim not in allowed:
            wanted = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(
                f"{name} must be a {wanted} array, but got a {array.ndim}-D array of shape {array.shape}."
            )
    if numeric:
        if array.dtype == object:
            try:
                array = array.astype(float)
            except (TypeError, ValueError):
                raise TypeError(f"{name} must contain numbers, but it contains {describe(array.flat[0])}.") from None
        if not (np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)):
            raise TypeError(f"{name} must contain numbers, but has dtype {array.dtype}.")
        if not allow_nan and np.issubdtype(array.dtype, np.floating) and np.isnan(array).any():
            count = int(np.isnan(array).sum())
            raise ValueError(
                f"{name} contains {count} NaN value(s); remove or impute them first "
                "(e.g. sklearn.impute.SimpleImputer)."
            )
    return array


def require_same_length(first: Any, first_name: str, second: Any, second_name: str) -> None:
    """Raise a ``ValueError`` if two arrays (or sequences) do not have the same number of rows."""
    if len(first) != len(second):
        raise ValueError(
            f"{first_name} and {second_name} must have the same number of rows, "
            f"but {first_name} has {len(first)} and {second_name} has {len(second)}."
        )
