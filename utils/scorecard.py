"""The learner's scorecard: every model measured in any notebook, kept for notebook 10.

Each notebook records what it measures (score, fit and prediction time, size); notebook
10-choosing assembles the learner's own evidence table from it. The scorecard is one JSON file,
shared by all notebooks:

* where: ``$COURSE_SCORECARD`` if set, else ``~/.ml-vs-dl-course/scorecard.json``;
* safe: every write goes to a temporary file that atomically replaces the old one, under a
  lock, so two kernels never interleave their writes and a crash never leaves half a file;
* tolerant: a corrupt file is moved aside (``scorecard.json.corrupt-<time>``) with a warning
  and a fresh scorecard starts, instead of breaking the notebook;
* idempotent: re-running a notebook replaces its rows (same notebook, task and model name)
  instead of adding duplicates.

Beside the models it keeps the verdicts on the industry's claims that notebooks measure
(``record_claim``, ``load_claims``; written by :func:`utils.claims.verdict_table`).

Example::

    from utils import scorecard
    row = scorecard.fit_and_record(model, X_train, y_train, X_test, y_test,
                                   name="random forest", notebook="02-supervised", task="churn")
    scorecard.show("02-supervised")
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import pickle
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from ._sklearn import final_estimator
from ._validation import as_float, as_str, require_same_length, to_numpy

__all__ = ["COLUMNS", "COST_COLUMNS", "path", "record", "fit_and_record", "record_network", "load", "show",
           "clear", "model_size", "model_family", "CLAIM_COLUMNS", "record_claim", "load_claims"]

COLUMNS = ["notebook", "task", "model", "family", "metric", "score", "fit_time_s",
           "predict_time_s", "size_bytes", "parameters", "n_train", "notes", "recorded_at"]
#: Optional cost columns (utils.cost.profile fills them; rows recorded without them load with NaN).
COST_COLUMNS = ["latency_p50_ms", "latency_p95_ms", "throughput_per_s", "peak_fit_mb",
                "peak_predict_mb", "energy_j", "co2_g"]
COLUMNS += COST_COLUMNS
_KEY = ("notebook", "task", "model")
_ENV_VAR = "COURSE_SCORECARD"


def path() -> Path:
    """Where the scorecard lives: ``$COURSE_SCORECARD`` or ``~/.ml-vs-dl-course/scorecard.json``."""
    configured = os.environ.get(_ENV_VAR)
    return Path(configured) if configured else Path.home() / ".ml-vs-dl-course" / "scorecard.json"


# --------------------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------------------

def _rmse(y_true: Any, y_pred: Any) -> float:
    from sklearn.metrics import mean_squared_error
    return float(np.sqrt(mean_squared_error(y_true, y_pred)))


def _metric(name: str) -> tuple[Callable[[Any, Any], float], bool]:
    """The scoring function for a metric name, and whether it needs scores (not labels)."""
    from sklearn import metrics as m
    table: dict[str, tuple[Callable[[Any, Any], float], bool]] = {
        "accuracy": (m.accuracy_score, False),
        "balanced_accuracy": (m.balanced_accuracy_score, False),
        "f1": (m.f1_score, False),
        "roc_auc": (m.roc_auc_score, True),
        "r2": (m.r2_score, False),
        "mae": (m.mean_absolute_error, False),
        "rmse": (_rmse, False),
    }
    if name not in table:
        raise ValueError(f"metric must be one of {sorted(table)}, got {name!r}")
    return table[name]


# --------------------------------------------------------------------------------------
# Measuring a model
# --------------------------------------------------------------------------------------

def model_family(model: Any) -> str:
    """"deep learning" for PyTorch/skorch models and scikit-learn's MLPs, else "classical ML"."""
    model = final_estimator(model)
    module = type(model).__module__
    if module.startswith(("torch", "skorch")) or module.startswith("sklearn.neural_network"):
        return "deep learning"
    with contextlib.suppress(ImportError):
        import torch
        if isinstance(model, torch.nn.Module):
            return "deep learning"
    return "classical ML"


def model_size(model: Any) -> tuple[int, int | None]:
    """(size in bytes, number of parameters or None) of a fitted model.

    PyTorch modules: parameters and their bytes. Anything else: the size of the pickled model
    (what you would ship), and the learned weights of scikit-learn's neural networks and
    linear models (None for trees, forests, k-NN, SVMs: they have no fixed set of weights).
    """
    with contextlib.suppress(ImportError):
        import torch
        final = final_estimator(model)
        module = getattr(final, "module_", final)  # skorch keeps the network in module_
        if isinstance(module, torch.nn.Module):
            params = list(module.parameters())
            return (sum(p.numel() * p.element_size() for p in params),
                    sum(p.numel() for p in params))
    try:
        size = len(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception as error:  # noqa: BLE001 - any model that cannot be pickled
        raise TypeError(f"cannot measure the size of {type(model).__name__}: {error}") from error
    return size, _learned_weights(model)


def _learned_weights(model: Any) -> int | None:
    """Weights of a fitted scikit-learn neural network or linear model (None for others).

    Trees, forests, k-NN and kernel SVMs have no fixed set of weights: their size in bytes is
    the fair comparison.
    """
    final = final_estimator(model)
    if hasattr(final, "coefs_") and hasattr(final, "intercepts_"):  # MLPClassifier/Regressor
        arrays = [*final.coefs_, *final.intercepts_]
    elif hasattr(final, "coef_") and not hasattr(final, "support_vectors_"):  # linear models
        arrays = [final.coef_, np.atleast_1d(getattr(final, "intercept_", np.zeros(0)))]
    else:
        return None
    return int(sum(np.size(a) for a in arrays))


def fit_and_record(model: Any, X_train: Any, y_train: Any, X_test: Any, y_test: Any, *,
                   name: str, notebook: str, task: str, metric: str = "accuracy",
                   family: str | None = None, notes: str = "") -> dict[str, Any]:
    """Fit `model` on the training data, score it on the test data, record and return the row.

    Times `fit` and `predict` (wall clock), measures the model's size, and scores with
    `metric` ("accuracy", "balanced_accuracy", "f1", "roc_auc", "r2", "mae" or "rmse"; for
    "roc_auc" the model needs `predict_proba` or `decision_function`). (To score a model
    without fitting or recording it, use scikit-learn's ``model.score`` or ``sklearn.metrics``;
    for a PyTorch network trained by ``train.fit``, :func:`record_network`.)
    """
    for label, method in (("model", "fit"), ("model", "predict")):
        if not callable(getattr(model, method, None)):
            raise TypeError(f"{label} must have a .{method}() method (a scikit-learn-style "
                            f"estimator), got {type(model).__name__}")
    require_same_length(X_train, "X_train", y_train, "y_train")
    require_same_length(X_test, "X_test", y_test, "y_test")
    score_fn, needs_scores = _metric(metric)
    start = time.perf_counter()
    model.fit(X_train, y_train)
    fit_time = time.perf_counter() - start
    start = time.perf_counter()
    predictions = model.predict(X_test)
    predict_time = time.perf_counter() - start
    if needs_scores:
        if hasattr(model, "predict_proba"):
            scores = to_numpy(model.predict_proba(X_test))
            scores = scores[:, 1] if scores.ndim == 2 and scores.shape[1] == 2 else scores
        elif hasattr(model, "decision_function"):
            scores = model.decision_function(X_test)
        else:
            raise TypeError(f"metric 'roc_auc' needs predict_proba or decision_function, "
                            f"which {type(model).__name__} lacks")
        score = score_fn(y_test, scores, **({"multi_class": "ovr"} if np.ndim(scores) == 2 else {}))
    else:
        score = score_fn(y_test, predictions)
    size_bytes, parameters = model_size(model)
    return record(notebook, task, name, metric, float(score), fit_time_s=fit_time,
                  predict_time_s=predict_time, size_bytes=size_bytes, parameters=parameters,
                  n_train=len(y_train), family=family or model_family(model), notes=notes)


def record_network(model: Any, history: Any, X_test: Any, y_test: Any, *, name: str,
                   notebook: str, task: str, n_train: int | None = None,
                   notes: str = "") -> dict[str, Any]:
    """Score a network trained with ``train.fit`` on the test set, record and return the row.

    The PyTorch counterpart of :func:`fit_and_record` (which fits as well): accuracy of
    ``train.predict(model, X_test)``, the training time from ``history.train_time_s``, the
    prediction time measured here, and the network's parameters and size.

    Args:
        model: a trained ``torch.nn.Module``.
        history: what ``train.fit`` returned (anything with ``train_time_s``), or None when the
            training was not timed.
        X_test, y_test: test inputs (array or tensor) and integer class labels.
        name, notebook, task: the row's key, as in :func:`record`.
        n_train: number of training examples.
        notes: free text for the row.
    """
    import torch

    from . import train

    if not isinstance(model, torch.nn.Module):
        raise TypeError(f"model must be a trained PyTorch network (torch.nn.Module), got "
                        f"{type(model).__name__}; for scikit-learn models use scorecard.fit_and_record")
    fit_time = None if history is None else getattr(history, "train_time_s", None)
    if history is not None and fit_time is None:
        raise TypeError(f"history must be what train.fit returned (it has train_time_s), got "
                        f"{type(history).__name__}; pass None if the training was not timed")
    require_same_length(X_test, "X_test", y_test, "y_test")
    start = time.perf_counter()
    predictions = train.predict(model, X_test)
    predict_time = time.perf_counter() - start
    score = float(np.mean(predictions == to_numpy(y_test)))
    size_bytes, parameters = model_size(model)
    return record(notebook, task, name, "accuracy", score, fit_time_s=fit_time,
                  predict_time_s=predict_time, size_bytes=size_bytes, parameters=parameters,
                  n_train=n_train, family="deep learning", notes=notes)


# --------------------------------------------------------------------------------------
# Storage
# --------------------------------------------------------------------------------------

@contextlib.contextmanager
def _locked(file: Path) -> Iterator[None]:
    """An exclusive lock next to the scorecard (no-op where fcntl does not exist)."""
    file.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    with open(file.with_name(file.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _read_document(file: Path) -> dict[str, list[dict[str, Any]]]:
    """The scorecard on disk: its model ``rows`` and its ``claims`` verdicts.

    A corrupt file is moved aside with a warning and an empty scorecard is returned.
    """
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {"rows": [], "claims": []}
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        document = {"rows": data["rows"], "claims": data.get("claims", [])}
        for key, rows in document.items():
            if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                raise ValueError(f"no list of {key}")
        return document
    except (ValueError, KeyError, TypeError) as error:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = file.with_name(f"{file.name}.corrupt-{stamp}")
        file.replace(aside)
        warnings.warn(f"The scorecard {file} was unreadable ({error}); it was moved to {aside} "
                      "and a new scorecard was started.", RuntimeWarning, stacklevel=3)
        return {"rows": [], "claims": []}


def _write_document(file: Path, document: dict[str, list[dict[str, Any]]]) -> None:
    """Atomically replace the scorecard file."""
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=file.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"version": 1, "rows": document["rows"], "claims": document["claims"]},
                      f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, file)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _replace_entry(kind: str, entry: dict[str, Any], key: tuple[str, ...]) -> None:
    """Add `entry` to the scorecard's `kind` list, replacing the entry with the same key."""
    file = path()
    with _locked(file):
        document = _read_document(file)
        document[kind] = [r for r in document[kind]
                          if tuple(r.get(k) for k in key) != tuple(entry[k] for k in key)]
        document[kind].append(entry)
        _write_document(file, document)


def _optional_number(value: Any, name: str, integer: bool = False) -> float | int | None:
    number = as_float(value, name, minimum=0.0, allow_none=True)
    return int(number) if integer and number is not None else number


def record(notebook: str, task: str, model: str, metric: str, score: float, *,
           fit_time_s: float | None = None, predict_time_s: float | None = None,
           size_bytes: int | None = None, parameters: int | None = None,
           n_train: int | None = None, family: str | None = None,
           notes: str = "", costs: dict[str, float | None] | None = None) -> dict[str, Any]:
    """Record one measurement; replaces an earlier row with the same notebook, task and model.

    ``costs`` holds optional values of :data:`COST_COLUMNS` (what ``utils.cost.profile`` measures).
    """
    costs = dict(costs or {})
    unknown = sorted(set(costs) - set(COST_COLUMNS))
    if unknown:
        raise ValueError(f"costs has unknown column(s) {unknown}; the cost columns are {COST_COLUMNS}")
    for value, label in ((notebook, "notebook"), (task, "task"), (model, "model"),
                         (metric, "metric")):
        as_str(value, label, non_empty=True)
    if isinstance(score, (float, np.floating)) and math.isnan(score):
        raise ValueError("score is NaN: check the model's predictions before recording them")
    score = as_float(score, "score")
    row = {
        "notebook": notebook, "task": task, "model": model,
        "family": family or "classical ML", "metric": metric, "score": float(score),
        "fit_time_s": _optional_number(fit_time_s, "fit_time_s"),
        "predict_time_s": _optional_number(predict_time_s, "predict_time_s"),
        "size_bytes": _optional_number(size_bytes, "size_bytes", integer=True),
        "parameters": _optional_number(parameters, "parameters", integer=True),
        "n_train": _optional_number(n_train, "n_train", integer=True),
        "notes": str(notes),
        "recorded_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        **{column: _optional_number(costs.get(column), column) for column in COST_COLUMNS},
    }
    _replace_entry("rows", row, _KEY)
    return row


def load() -> "pandas.DataFrame":  # noqa: F821
    """Every recorded row as a DataFrame (empty, with the columns, when nothing is recorded)."""
    import pandas as pd
    file = path()
    with _locked(file):
        rows = _read_document(file)["rows"]
    return pd.DataFrame(rows, columns=COLUMNS)


def show(notebook: str | None = None) -> "pandas.DataFrame":  # noqa: F821
    """The scorecard (of one notebook, or all), sorted, without the bookkeeping columns."""
    table = load()
    if notebook is not None:
        table = table[table["notebook"] == notebook]
    table = table.drop(columns=["recorded_at"]).sort_values(["notebook", "task", "model"])
    table = table.drop(columns=[c for c in COST_COLUMNS if table[c].isna().all()])  # none measured
    return table.reset_index(drop=True)


def clear(notebook: str | None = None) -> int:
    """Delete the rows and claim verdicts of one notebook (or all); returns how many model rows went."""
    file = path()
    with _locked(file):
        document = _read_document(file)
        before = len(document["rows"])
        for kind in ("rows", "claims"):
            document[kind] = [r for r in document[kind]
                              if notebook is not None and r.get("notebook") != notebook]
        _write_document(file, document)
    return before - len(document["rows"])


# --------------------------------------------------------------------------------------
# The industry's claims, with the learner's verdicts (see utils.claims.verdict_table)
# --------------------------------------------------------------------------------------

CLAIM_COLUMNS = ["notebook", "claim", "measured", "verdict", "scale", "recorded_at"]
_CLAIM_KEY = ("notebook", "claim")
VERDICTS = ("holds", "fails")


def record_claim(notebook: str, claim: str, *, measured: str, verdict: str,
                 scale: str) -> dict[str, Any]:
    """Record the verdict of one industry claim measured by a notebook (replaces an earlier one)."""
    for value, label in ((notebook, "notebook"), (claim, "claim"), (measured, "measured"),
                         (scale, "scale")):
        as_str(value, label, non_empty=True)
    if verdict not in VERDICTS:
        raise ValueError(f"verdict must be one of {VERDICTS}, got {verdict!r}")
    entry = {"notebook": notebook, "claim": claim, "measured": measured, "verdict": verdict,
             "scale": scale,
             "recorded_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    _replace_entry("claims", entry, _CLAIM_KEY)
    return entry


def load_claims() -> "pandas.DataFrame":  # noqa: F821
    """Every recorded claim verdict as a DataFrame (empty, with the columns, when there is none)."""
    import pandas as pd
    file = path()
    with _locked(file):
        claims = _read_document(file)["claims"]
    return pd.DataFrame(claims, columns=CLAIM_COLUMNS)
