"""What the ``utils`` modules ask of a scikit-learn model object (private), asked in one place.

* :func:`final_estimator` — the model at the end of a ``Pipeline`` (the one that predicts);
* :func:`fitted_status` — whether an object is a fitted estimator, and if not, why not
  (scikit-learn's ``check_is_fitted``, wrapped once; each caller words its own message).

scikit-learn is imported only when :func:`fitted_status` is called.

Example:
    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.preprocessing import StandardScaler
    >>> from sklearn.linear_model import LogisticRegression
    >>> pipeline = make_pipeline(StandardScaler(), LogisticRegression())
    >>> type(final_estimator(pipeline)).__name__
    'LogisticRegression'
    >>> fitted_status(pipeline), fitted_status(LogisticRegression), fitted_status("model")
    ('not fitted', 'class', 'not an estimator')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

__all__ = ["final_estimator", "fitted_status", "FittedStatus"]

#: What :func:`fitted_status` says about an object.
FittedStatus = Literal["fitted", "not fitted", "class", "not an estimator"]


def final_estimator(model: Any) -> Any:
    """The estimator at the end of a ``Pipeline`` (of nested pipelines too); any other model as it is."""
    steps = getattr(model, "steps", None)
    while isinstance(steps, list) and steps:
        model = steps[-1][1]
        steps = getattr(model, "steps", None)
    return model


def fitted_status(estimator: Any, methods: Sequence[str] = ("fit",)) -> FittedStatus:
    """Whether ``estimator`` is a fitted scikit-learn-style model object, or why it is not.

    Returns:
        ``"fitted"``; ``"class"`` for the class itself (``LogisticRegression`` rather than
        ``LogisticRegression()``); ``"not an estimator"`` for an object without all of
        ``methods`` (or one scikit-learn refuses); ``"not fitted"`` when ``fit`` has not been
        called (scikit-learn's ``check_is_fitted``).
    """
    if isinstance(estimator, type):
        return "class"
    if not all(callable(getattr(estimator, method, None)) for method in methods):
        return "not an estimator"
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    try:
        check_is_fitted(estimator)
    except NotFittedError:
        return "not fitted"
    except TypeError:
        return "not an estimator"
    return "fitted"
