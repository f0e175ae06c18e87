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

A session that forgets its files (Colab, Binder) can keep the scorecard anyway:

* :func:`export` writes it to a file to download, and :func:`merge_from` reads such a file back
  in a new session (matching entries: the newer measurement wins);
* on Colab, :func:`use_drive` keeps it on the learner's Google Drive (call it after the setup
  cell of each notebook: every Colab notebook is a session of its own).

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ._sklearn import final_estimator
from ._validation import as_float, as_str, require_same_length, to_numpy

__all__ = ["COLUMNS", "COST_COLUMNS", "path", "record", "fit_and_record", "record_network", "load", "show",
           "clear", "model_size", "model_family", "CLAIM_COLUMNS", "record_claim", "load_claims",
           "export", "merge_from", "MergeResult", "ScorecardFileError", "use_drive", "session_advice"]

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
    """"baseline" for scikit-learn's dummy models, "deep learning" for PyTorch/skorch models and
    scikit-learn's MLPs, else "classical ML"."""
    model = final_estimator(model)
    module = type(model).__module__
    if module.startswith("sklearn.dummy"):  # a yardstick, not a classical model
        return "baseline"
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
    _write_json(file, {"version": 1, "rows": document["rows"], "claims": document["claims"]})


def _write_json(file: Path, payload: dict[str, Any]) -> None:
    """Write `payload` to `file` atomically: a temporary file beside it replaces it when complete."""
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=file.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(payload, f, indent=1)
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


# --------------------------------------------------------------------------------------
# Sessions that forget their files (Colab, Binder): a file to download, or Google Drive
# --------------------------------------------------------------------------------------

#: The ``format`` field of a file written by :func:`export` (checked by :func:`merge_from`).
EXPORT_FORMAT = "ml-vs-dl-course scorecard"
#: The newest version of that file this package reads.
EXPORT_VERSION = 1
#: The file :func:`export` writes when given no path, in the working directory.
EXPORT_NAME = "ml-vs-dl-scorecard.json"
#: Where Colab mounts Google Drive; :func:`use_drive` keeps the scorecard under its ``MyDrive``.
DRIVE_MOUNT = Path("/content/drive")

_NUMBER_COLUMNS = ("fit_time_s", "predict_time_s", "size_bytes", "parameters", "n_train", *COST_COLUMNS)
_OLDEST = dt.datetime.min.replace(tzinfo=dt.timezone.utc)


class ScorecardFileError(ValueError):
    """A file given to :func:`merge_from` is not a readable scorecard (the scorecard is left unchanged)."""


@dataclass(frozen=True)
class MergeResult:
    """What :func:`merge_from` did.

    Attributes:
        source: the file that was read.
        rows_added, claims_added: model rows and claim verdicts that were new to the scorecard.
        rows_replaced, claims_replaced: entries of the scorecard replaced by a newer measurement
            (same notebook, task and model; same notebook and claim).
        rows_kept, claims_kept: entries of the file not taken, the scorecard's being as new or newer.
        rows_total, claims_total: what the scorecard holds now.
    """

    source: Path
    rows_added: int
    rows_replaced: int
    rows_kept: int
    claims_added: int
    claims_replaced: int
    claims_kept: int
    rows_total: int
    claims_total: int

    def __str__(self) -> str:
        return (f"From {self.source.name}: {self.rows_added} model row(s) added, {self.rows_replaced} updated to "
                f"a newer measurement, {self.rows_kept} already up to date; {self.claims_added} claim verdict(s) "
                f"added, {self.claims_replaced} updated, {self.claims_kept} already up to date. The scorecard now "
                f"holds {self.rows_total} model row(s) and {self.claims_total} claim verdict(s).")


def _live_path() -> Path:
    """:func:`path`, for the functions whose argument ``path`` hides it."""
    return path()


def _as_file(value: Any, name: str) -> Path:
    if not isinstance(value, (str, os.PathLike)) or not str(value).strip():
        raise TypeError(f"{name} must be a file path (a string or a pathlib.Path), got {value!r}")
    return Path(value).expanduser()


def export(path: str | os.PathLike[str] | None = None) -> Path:
    """Write the scorecard — every model row and claim verdict — to a file you can download.

    For a session that forgets its files when it ends (Binder, Colab without Drive): export,
    download the file (Colab: the *Files* pane, ⋮ → Download; JupyterLab: right click →
    *Download*), and in the next session upload it and read it back with :func:`merge_from`.
    The file is JSON, written atomically.

    Args:
        path: the file to write; ``None`` writes ``ml-vs-dl-scorecard.json`` (:data:`EXPORT_NAME`)
            in the working directory. Missing folders are created.

    Returns:
        The absolute path of the file written.

    Raises:
        ValueError: ``path`` is the live scorecard itself, or a folder.
    """
    target = (Path.cwd() / EXPORT_NAME if path is None else _as_file(path, "path")).absolute()
    if target.is_dir():
        raise ValueError(f"{target} is a folder: give a file name, e.g. {target / EXPORT_NAME}")
    live = _live_path()
    if target.exists() and live.exists() and target.samefile(live):
        raise ValueError(f"{target} is the scorecard itself: export to another file, e.g. {EXPORT_NAME}")
    with _locked(live):
        document = _read_document(live)
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_json(target, {"format": EXPORT_FORMAT, "version": EXPORT_VERSION,
                         "exported_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                         "rows": document["rows"], "claims": document["claims"]})
    return target


def _recorded_at(entry: dict[str, Any]) -> dt.datetime:
    """When an entry was recorded (timezone-aware; entries without a readable time count as oldest)."""
    try:
        moment = dt.datetime.fromisoformat(str(entry.get("recorded_at")))
    except ValueError:
        return _OLDEST
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _check_entry(entry: Any, kind: str, index: int) -> str | None:
    """What is wrong with one entry of an exported file (None if nothing)."""
    where = f"{kind} entry {index + 1}"
    if not isinstance(entry, dict):
        return f"{where} is not an object"
    text_fields = ("notebook", "task", "model", "metric") if kind == "rows" else ("notebook", "claim", "measured",
                                                                                 "scale")
    for field in text_fields:
        if not isinstance(entry.get(field), str) or not entry[field].strip():
            return f"{where} has no {field}"
    if kind == "rows":
        numbers = {"score": entry.get("score"),
                   **{column: entry[column] for column in _NUMBER_COLUMNS if entry.get(column) is not None}}
        for field, value in numbers.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return f"{where} has a {field} that is not a number: {value!r}"
    elif entry.get("verdict") not in VERDICTS:
        return f"{where} has the verdict {entry.get('verdict')!r}, not one of {VERDICTS}"
    if _recorded_at(entry) == _OLDEST:
        return f"{where} has no readable recorded_at time: {entry.get('recorded_at')!r}"
    return None


def _read_export(file: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows and claims of an exported scorecard (or of a copy of the scorecard file), checked."""
    def refuse(problem: str) -> ScorecardFileError:
        return ScorecardFileError(f"{file} is not a scorecard file written by scorecard.export(): {problem}. "
                                  "Your scorecard was not changed.")

    if not file.exists():
        raise FileNotFoundError(f"No file {file}. Upload the file scorecard.export() wrote (on Colab: the Files "
                                "pane, then its upload button), then give its path.")
    if file.is_dir():
        raise refuse("it is a folder")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise refuse(f"it is not readable JSON ({error}); it may be damaged or incomplete: export it again") from None
    if not isinstance(data, dict):
        raise refuse("it holds no scorecard object")
    if "format" in data and data["format"] != EXPORT_FORMAT:
        raise refuse(f"its format is {data['format']!r}")
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise refuse(f"its version is {version!r}")
    if version > EXPORT_VERSION:
        raise ScorecardFileError(f"{file} was written by a newer version of the course (scorecard format "
                                 f"{version}; this one reads up to {EXPORT_VERSION}): update the course package. "
                                 "Your scorecard was not changed.")
    document = {"rows": data.get("rows"), "claims": data.get("claims", [])}
    for kind, entries in document.items():
        if not isinstance(entries, list):
            raise refuse(f"it has no list of {kind}")
        for index, entry in enumerate(entries):
            problem = _check_entry(entry, kind, index)
            if problem:
                raise refuse(problem)
    return document


def _merge_entries(current: list[dict[str, Any]], incoming: list[dict[str, Any]],
                   key: tuple[str, ...]) -> tuple[list[dict[str, Any]], int, int, int]:
    """`current` updated with `incoming` by key, the newer ``recorded_at`` winning (a tie keeps
    `current`'s); returns (entries, added, replaced, kept out)."""
    merged = list(current)
    position = {tuple(entry.get(k) for k in key): i for i, entry in enumerate(merged)}
    added = replaced = kept = 0
    for entry in incoming:
        entry_key = tuple(entry.get(k) for k in key)
        if entry_key not in position:
            position[entry_key] = len(merged)
            merged.append(entry)
            added += 1
        elif _recorded_at(entry) > _recorded_at(merged[position[entry_key]]):
            merged[position[entry_key]] = entry
            replaced += 1
        else:
            kept += 1
    return merged, added, replaced, kept


def _merge_document(target: Path, incoming: dict[str, list[dict[str, Any]]], source: Path) -> MergeResult:
    """Merge checked entries into the scorecard file `target`, under its lock, in one write."""
    with _locked(target):
        document = _read_document(target)
        rows, rows_added, rows_replaced, rows_kept = _merge_entries(document["rows"], incoming["rows"], _KEY)
        claims, claims_added, claims_replaced, claims_kept = _merge_entries(document["claims"], incoming["claims"],
                                                                            _CLAIM_KEY)
        if rows_added or rows_replaced or claims_added or claims_replaced or not target.exists():
            _write_document(target, {"rows": rows, "claims": claims})
    return MergeResult(source, rows_added, rows_replaced, rows_kept, claims_added, claims_replaced, claims_kept,
                       len(rows), len(claims))


def merge_from(path: str | os.PathLike[str]) -> MergeResult:
    """Read a file written by :func:`export` into the scorecard, merging it with what is there.

    Entries are matched as the scorecard matches them (a model row by notebook, task and model; a
    claim verdict by notebook and claim). An entry new to the scorecard is added; for an entry
    the scorecard has too, the newer measurement (``recorded_at``) wins, so merging the same file
    twice, or an older export, changes nothing. A copy of the scorecard file itself is read too.

    The whole file is checked before anything is written: a damaged or foreign file raises
    :class:`ScorecardFileError` and leaves the scorecard as it was.

    Args:
        path: the exported file (on Colab: upload it with the *Files* pane first).

    Returns:
        A :class:`MergeResult`: what was added, replaced and kept out (print it for a summary).
    """
    source = _as_file(path, "path")
    incoming = _read_export(source)
    return _merge_document(_live_path(), incoming, source)


def use_drive(folder: str = "ml-vs-dl-course") -> Path:
    """On Google Colab: keep the scorecard on your Google Drive, so that it outlives the session.

    Mounts your Drive (Colab asks you to allow it), makes the folder ``MyDrive/<folder>`` and
    points this notebook's scorecard at ``scorecard.json`` in it (by setting ``COURSE_SCORECARD``);
    what this session recorded before the call is merged into it. Each Colab notebook runs in a
    session of its own: call it right after the setup cell of every notebook::

        from utils import scorecard
        scorecard.use_drive()

    Elsewhere there is no Drive to mount: on your own machine the scorecard already stays in
    ``~/.ml-vs-dl-course``; on Binder, :func:`export` it before the session ends and
    :func:`merge_from` the file in the next one.

    Args:
        folder: the folder in your Drive, relative to ``MyDrive``.

    Returns:
        The scorecard's new path.

    Raises:
        RuntimeError: not running on Google Colab.
    """
    if not isinstance(folder, str) or not folder.strip():
        raise ValueError(f"folder must be a folder name in your Drive, such as 'ml-vs-dl-course', got {folder!r}")
    relative = Path(folder.strip())
    if relative.is_absolute() or ".." in relative.parts:
        raise ValueError(f"folder must be a folder inside your Drive (relative to MyDrive, without '..'), "
                         f"got {folder!r}")
    try:
        from google.colab import drive
    except ImportError:
        raise RuntimeError(
            "scorecard.use_drive() is for Google Colab, and this Python is not on Colab (google.colab cannot be "
            f"imported). Here your scorecard is {path()}. To carry it to another session, "
            "scorecard.export() writes it to a file and scorecard.merge_from(that_file) reads it back.") from None
    drive.mount(str(DRIVE_MOUNT))
    target = DRIVE_MOUNT / "MyDrive" / relative / "scorecard.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    before = path()
    if before.exists() and not (target.exists() and before.samefile(target)):
        with _locked(before):
            recorded_here = _read_document(before)
        result = _merge_document(target, recorded_here, before)
    else:
        result = _merge_document(target, {"rows": [], "claims": []}, before)
    os.environ[_ENV_VAR] = str(target)
    print(f"Your scorecard is kept on your Google Drive: {target} ({result.rows_total} model row(s), "
          f"{result.claims_total} claim verdict(s)).")
    return target


def session_advice(platform: str) -> str | None:
    """One line for the setup cell: how to keep the scorecard where sessions forget their files.

    ``platform`` is :func:`utils.hosting.detect_platform`'s answer. Colab: :func:`use_drive` (or
    :func:`export`); Binder: :func:`export`. None locally, or when ``COURSE_SCORECARD`` already
    points somewhere chosen.

    >>> session_advice("local") is None
    True
    """
    if os.environ.get(_ENV_VAR):
        return None
    if platform == "colab":
        return ("Colab forgets files when the session ends: keep your scorecard on Google Drive with "
                "`from utils import scorecard; scorecard.use_drive()` (or save it with scorecard.export()).")
    if platform == "binder":
        return ("Binder forgets files when the session ends: `from utils import scorecard; scorecard.export()` "
                "saves your scorecard to a file to download; scorecard.merge_from(file) reads it back.")
    return None
