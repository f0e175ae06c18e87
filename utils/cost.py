"""What a model costs, measured the same way for every model, classical or deep.

One instrument for a fitted scikit-learn estimator or Pipeline, a skorch net, a plain
``torch.nn.Module`` or a network exported to ONNX (:func:`onnx_session`):

* :func:`latency` — single-row requests, as a distribution (p50/p95/p99), warm-up excluded;
* :func:`throughput` — rows per second when predicting in batches;
* :func:`parameter_count` — weights of a network, or the classical equivalent (coefficients,
  tree nodes, support vectors, stored training values of k-NN);
* :func:`serialized_size` — bytes of the file you would ship (joblib, a PyTorch
  ``state_dict``, ONNX);
* :func:`peak_memory`, :class:`EnergyMeter`, :func:`co2_grams` — memory, energy and CO₂ of any
  piece of code; :func:`measure_fit` bundles them (with wall and CPU time) for a training run;
* :func:`profile` — all of the above for one model, recorded in the learner's scorecard;
  :func:`table` shows rows side by side, with the units in the column names.

Every prediction goes through one dispatch: scikit-learn and skorch models through their
``.predict``; a PyTorch module in eval mode under ``torch.no_grad()``, its inputs moved to the
model's device and its outputs brought back with ``.cpu()``; an :class:`OnnxModel` through
ONNX Runtime. Units: ms = milliseconds, kB = 1,000 bytes, MB = 1,000,000 bytes, J = joules.

Example::

    from utils import cost
    row = cost.profile(forest, X_test, y_test, fit=lambda: forest.fit(X_train, y_train),
                       name="random forest", task="churn", notebook="08-cost")
    print(cost.latency(forest, X_test))      # p50 … ms, p95 … ms, p99 … ms
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ._sklearn import fitted_status
from ._meters import POWERCAP, WATTS_PER_CORE, Energy, EnergyMeter, MemoryPeak, peak_memory
from ._validation import as_bool, as_choice, as_float, as_int, as_str, describe, require_same_length, to_numpy

__all__ = [
    "Latency", "latency", "throughput",
    "Size", "parameter_count", "Serialized", "serialized_size", "FORMATS",
    "MemoryPeak", "peak_memory",
    "Energy", "EnergyMeter", "WATTS_PER_CORE", "POWERCAP", "co2_grams", "DEFAULT_GRID_G_PER_KWH",
    "FitCost", "measure_fit",
    "predict", "profile", "table", "COST_LABELS",
    "OnnxModel", "onnx_session",
]

#: Grams of CO₂ emitted per kWh of electricity: the world average of 2023, 481 g/kWh (Ember,
#: "Global Electricity Review 2024"). Grids differ twenty-fold (hydro- or nuclear-powered grids
#: emit under 50 g/kWh, coal-powered ones over 700): pass your own grid's figure.
DEFAULT_GRID_G_PER_KWH = 481.0

_JOULES_PER_KWH = 3_600_000.0
_MB = 1_000_000

#: The cost columns (as in the scorecard and :func:`profile`'s rows) and their labels with units.
COST_LABELS: dict[str, str] = {
    "score": "accuracy",
    "fit_time_s": "fit time (s)",
    "fit_cpu_s": "fit CPU time (s)",
    "predict_time_s": "batch predict time (s)",
    "latency_p50_ms": "latency p50 (ms)",
    "latency_p95_ms": "latency p95 (ms)",
    "latency_p99_ms": "latency p99 (ms)",
    "throughput_per_s": "throughput (rows/s)",
    "parameters": "parameters",
    "parameter_unit": "parameter unit",
    "size_bytes": "size (kB)",
    "size_format": "file format",
    "peak_fit_mb": "peak fit memory (MB)",
    "peak_predict_mb": "peak predict memory (MB)",
    "energy_j": "fit energy (J)",
    "co2_g": "fit CO₂ (g)",
}

# ======================================================================================
# One prediction dispatch for every kind of model
# ======================================================================================


def _torch_module_class() -> type | None:
    """``torch.nn.Module`` if PyTorch is already imported (a network cannot exist otherwise)."""
    torch = sys.modules.get("torch")
    return getattr(getattr(torch, "nn", None), "Module", None)


def _is_torch_module(model: Any) -> bool:
    module_class = _torch_module_class()
    return module_class is not None and isinstance(model, module_class)


_SUPPORTED = ("a fitted scikit-learn estimator or Pipeline, a skorch net, a torch.nn.Module, or an "
              "OnnxModel from cost.onnx_session")


def _check_model(model: Any) -> None:
    """A clear error unless ``model`` is something this module can run."""
    if isinstance(model, type):
        raise TypeError(f"model must be a fitted model *object*, but got the class {model.__name__}: "
                        f"create and fit one first, e.g. model = {model.__name__}().fit(X, y).")
    if _is_torch_module(model):
        return
    if not callable(getattr(model, "predict", None)):
        raise TypeError(f"model must be {_SUPPORTED}; got {describe(model)}, which has no .predict().")
    from sklearn.base import BaseEstimator

    if isinstance(model, BaseEstimator) and fitted_status(model, ("predict",)) == "not fitted":
        from sklearn.exceptions import NotFittedError

        raise NotFittedError(f"This {type(model).__name__} is not fitted yet: call model.fit(X, y) first "
                             "(or give profile() fit=lambda: model.fit(X, y)).")


def _n_rows(X: Any, name: str = "X") -> int:
    if X is None or isinstance(X, (str, bytes, dict)) or not hasattr(X, "__len__"):
        raise TypeError(f"{name} must be rows of inputs (a NumPy array, DataFrame or tensor), but got {describe(X)}.")
    if getattr(X, "ndim", 1) == 0:
        raise ValueError(f"{name} must have one row per example, but got a single value.")
    n = len(X)
    if n == 0:
        raise ValueError(f"{name} is empty: pass at least one row to predict on.")
    return n


class _Runner:
    """Runs ``model`` on batches of rows: the one place that knows how each kind of model predicts."""

    def __init__(self, model: Any) -> None:
        _check_model(model)
        self.model = model
        self.is_torch = _is_torch_module(model)
        self._was_training = False
        self._no_grad: Any = None
        self.device: Any = None

    def prepare(self, X: Any) -> Any:
        """``X`` in the form the model takes, still in main memory: a float32 tensor (PyTorch; a
        tensor is kept as it is), a float32 array (ONNX), or unchanged (scikit-learn, skorch)."""
        if self.is_torch:
            import torch

            return X if isinstance(X, torch.Tensor) else torch.from_numpy(
                np.ascontiguousarray(to_numpy(X), dtype=np.float32))
        if isinstance(self.model, OnnxModel):
            return np.ascontiguousarray(to_numpy(X), dtype=np.float32)
        return X

    @staticmethod
    def rows(X: Any, start: int, stop: int) -> Any:
        """Rows ``start:stop`` (a DataFrame by position), keeping the batch dimension."""
        return X.iloc[start:stop] if hasattr(X, "iloc") else X[start:stop]

    def __enter__(self) -> _Runner:
        if self.is_torch:
            import torch

            self.device = _module_device(self.model)
            self._was_training = self.model.training
            self.model.eval()
            self._no_grad = torch.no_grad()
            self._no_grad.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.is_torch:
            self._no_grad.__exit__(*exc)
            self.model.train(self._was_training)

    def __call__(self, batch: Any) -> Any:
        """The model's raw output for one batch (a CPU tensor for PyTorch, else what predict gives)."""
        if self.is_torch:  # a request arrives in main memory: the copy to a GPU is part of its cost
            return self.model(batch.to(self.device)).cpu()
        return self.model.predict(batch)

    def labels(self, outputs: Any) -> np.ndarray:
        """Class labels from outputs: an estimator's predictions as they are; a network's (or ONNX
        model's) class scores → arg-max, a single logit → ``> 0``."""
        array = to_numpy(outputs)
        if not (self.is_torch or isinstance(self.model, OnnxModel)):
            return array
        if array.ndim == 2 and array.shape[1] > 1:
            return array.argmax(axis=1)
        if np.issubdtype(array.dtype, np.floating) and array.ndim in (1, 2):
            return (array.reshape(-1) > 0).astype(np.int64)
        return array.reshape(-1)


def _module_device(module: Any) -> Any:
    import torch

    for tensor in (*module.parameters(), *module.buffers()):
        return tensor.device
    return torch.device("cpu")


def predict(model: Any, X: Any, *, batch_size: int | None = None) -> np.ndarray:
    """Predicted class labels from any supported model, through the one dispatch of this module.

    scikit-learn and skorch: ``model.predict``; a PyTorch network (or ONNX model returning class
    scores): the arg-max of its outputs (one output column: ``output > 0``).

    Example:
        >>> from sklearn.linear_model import LogisticRegression
        >>> model = LogisticRegression().fit([[0.0], [1.0], [2.0], [3.0]], [0, 0, 1, 1])
        >>> predict(model, np.array([[0.2], [2.8]])).tolist()
        [0, 1]
    """
    n = _n_rows(X)
    batch_size = n if batch_size is None else as_int(batch_size, "batch_size", 1)
    with _Runner(model) as run:
        prepared = run.prepare(X)
        outputs = [run.labels(run(run.rows(prepared, start, start + batch_size))) for start in range(0, n, batch_size)]
    return np.concatenate(outputs)


# ======================================================================================
# Latency and throughput
# ======================================================================================


def _clock_ns() -> int:
    """The clock of every timing here (a function, so that tests can replace it)."""
    return time.perf_counter_ns()


@dataclass(frozen=True)
class Latency:
    """How long single-row requests took, warm-up calls excluded.

    Attributes:
        p50_ms, p95_ms, p99_ms: percentiles of the kept calls, in milliseconds (NumPy's
            ``np.percentile``, linear interpolation).
        mean_ms: the mean of the kept calls.
        n_calls: how many calls were kept; warmup: how many calls before them were discarded.
        samples_ms: every kept call's duration, in milliseconds, in the order of the calls.
    """

    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    n_calls: int
    warmup: int
    samples_ms: np.ndarray = field(repr=False, compare=False)

    def __str__(self) -> str:
        return (f"p50 {self.p50_ms:.3g} ms, p95 {self.p95_ms:.3g} ms, p99 {self.p99_ms:.3g} ms, "
                f"mean {self.mean_ms:.3g} ms ({self.n_calls} single-row calls after {self.warmup} warm-up calls)")


def latency(model: Any, X: Any, *, n_calls: int = 200, warmup: int = 20) -> Latency:
    """Time ``n_calls`` single-row predictions after ``warmup`` untimed ones.

    Each call predicts one row (rows taken in turn from ``X``, starting again at the top when
    ``X`` has fewer rows than calls): the cost of answering one request. The first calls are
    often slower (caches, lazy initialisation, memory allocation), so ``warmup`` calls run before
    the timed ones and are discarded. Garbage collection is left on, as in a real service.

    Args:
        model: a fitted scikit-learn estimator or Pipeline, a skorch net, a ``torch.nn.Module``
            or an :class:`OnnxModel`.
        X: inputs, one row per example (NumPy array, DataFrame or tensor).
        n_calls: timed calls (≥ 1). warmup: untimed calls before them (≥ 0).

    Returns:
        A :class:`Latency` (``print`` it to read it with units).
    """
    n_calls = as_int(n_calls, "n_calls", 1)
    warmup = as_int(warmup, "warmup", 0)
    n = _n_rows(X)
    with _Runner(model) as run:
        prepared = run.prepare(X)
        rows = [run.rows(prepared, i, i + 1) for i in range(min(n, n_calls + warmup))]
        durations = np.empty(n_calls + warmup, dtype=np.int64)
        for call in range(n_calls + warmup):
            row = rows[call % len(rows)]
            start = _clock_ns()
            run(row)
            durations[call] = _clock_ns() - start
    samples = durations[warmup:] / 1e6
    p50, p95, p99 = np.percentile(samples, [50, 95, 99])
    return Latency(float(p50), float(p95), float(p99), float(samples.mean()), n_calls, warmup, samples)


def throughput(model: Any, X: Any, *, batch_size: int | None = None, repeats: int = 3) -> float:
    """Rows predicted per second when predicting all of ``X`` in batches (median of ``repeats``).

    One untimed call on the first batch runs before the timed passes (warm-up).

    Args:
        model: any model :func:`latency` accepts.
        X: inputs, one row per example.
        batch_size: rows per call; ``None`` predicts all of ``X`` in one call.
        repeats: timed passes over ``X`` (≥ 1); the median is returned.
    """
    n = _n_rows(X)
    batch_size = n if batch_size is None else as_int(batch_size, "batch_size", 1)
    repeats = as_int(repeats, "repeats", 1)
    with _Runner(model) as run:
        prepared = run.prepare(X)
        batches = [run.rows(prepared, start, start + batch_size) for start in range(0, n, batch_size)]
        run(batches[0])
        rates = []
        for _ in range(repeats):
            start = _clock_ns()
            for batch in batches:
                run(batch)
            elapsed_s = max(_clock_ns() - start, 1) / 1e9
            rates.append(n / elapsed_s)
    return float(statistics.median(rates))


# ======================================================================================
# Parameters (or their classical equivalent)
# ======================================================================================


@dataclass(frozen=True)
class Size:
    """How many learned numbers (or units) a model keeps.

    Attributes:
        count: the number, preprocessing included (see :func:`parameter_count`).
        unit: what is counted: ``"weights"``, ``"coefficients"``, ``"tree nodes"``,
            ``"support vectors"`` or ``"stored training values"``.
        preprocessing: how many of ``count`` are a Pipeline's preprocessing numbers (scaler
            means and scales, PCA components, …); 0 for a bare model.
    """

    count: int
    unit: str
    preprocessing: int = 0

    def __str__(self) -> str:
        extra = f" (incl. {self.preprocessing:,} preprocessing values)" if self.preprocessing else ""
        return f"{self.count:,} {self.unit}{extra}"


def _network_weights(module: Any) -> int:
    """Every parameter of a network, plus the int8 weights quantised layers keep outside .parameters()."""
    count = sum(p.numel() for p in module.parameters())
    for sub in module.modules():
        packed = getattr(sub, "_weight_bias", None)
        if callable(packed) and not any(callable(getattr(c, "_weight_bias", None)) for c in sub.children()):
            weight, bias = packed()
            count += weight.numel() + (bias.numel() if bias is not None else 0)
    return int(count)


def _trees(model: Any) -> list[Any] | None:
    """The fitted decision trees of a tree or tree ensemble, or None."""
    if hasattr(model, "tree_"):
        return [model]
    estimators = getattr(model, "estimators_", None)
    if estimators is not None:
        flat = list(np.ravel(np.asarray(estimators, dtype=object)))
        if flat and all(hasattr(tree, "tree_") for tree in flat):
            return flat
    return None


def _onnx_weights(model: OnnxModel) -> int:
    """The numbers in an ONNX graph's initializers (weights and biases), without its int64 ones
    (shapes and indices, e.g. the target shape of a flatten)."""
    import onnx

    graph = onnx.load_from_string(model.model_bytes).graph
    return int(sum(np.prod(tensor.dims, dtype=np.int64) for tensor in graph.initializer
                   if tensor.data_type != onnx.TensorProto.INT64))


def _final_count(model: Any) -> tuple[int, str]:
    """(count, unit) of a model that is not a Pipeline."""
    if isinstance(model, OnnxModel):
        if model.parameters is not None:
            return model.parameters.count, model.parameters.unit
        return _onnx_weights(model), "weights"
    module = getattr(model, "module_", None)  # a skorch net keeps its network in module_
    if _is_torch_module(module):
        return _network_weights(module), "weights"
    if _is_torch_module(model):
        return _network_weights(model), "weights"
    if hasattr(model, "coefs_") and hasattr(model, "intercepts_"):  # scikit-learn's MLPs
        return int(sum(np.size(a) for a in (*model.coefs_, *model.intercepts_))), "weights"
    trees = _trees(model)
    if trees is not None:
        return int(sum(tree.tree_.node_count for tree in trees)), "tree nodes"
    predictors = getattr(model, "_predictors", None)  # HistGradientBoosting*: one tree per class and iteration
    if predictors is not None:
        return int(sum(len(tree.nodes) for iteration in predictors for tree in iteration)), "tree nodes"
    if hasattr(model, "support_vectors_"):
        n_support = getattr(model, "n_support_", None)
        count = int(np.sum(n_support)) if n_support is not None else len(model.support_vectors_)
        return count, "support vectors"
    if hasattr(model, "coef_"):
        intercept = getattr(model, "intercept_", np.zeros(0))
        return int(np.size(model.coef_) + np.size(intercept)), "coefficients"
    if hasattr(model, "n_samples_fit_") and hasattr(model, "n_features_in_"):
        return int(model.n_samples_fit_) * int(model.n_features_in_), "stored training values"
    raise TypeError(
        f"parameter_count does not know {type(model).__name__}. It counts: networks (torch.nn.Module, skorch, "
        "scikit-learn MLPs) in weights; linear models in coefficients; trees, forests and (histogram) gradient "
        "boosting in tree nodes; SVMs in support vectors; k-NN in stored training values; and Pipelines "
        "ending in one of these."
    )


_TRANSFORMER_ARRAYS = {  # the learned numbers a fitted transformer uses to transform
    "StandardScaler": ("mean_", "scale_"),
    "MinMaxScaler": ("min_", "scale_"),
    "MaxAbsScaler": ("scale_",),
    "RobustScaler": ("center_", "scale_"),
    "PCA": ("components_", "mean_"),
    "TruncatedSVD": ("components_",),
    "SimpleImputer": ("statistics_",),
    "QuantileTransformer": ("quantiles_",),
    "PowerTransformer": ("lambdas_",),
}
_TRANSFORMER_LISTS = {"OneHotEncoder": "categories_", "OrdinalEncoder": "categories_",
                      "KBinsDiscretizer": "bin_edges_"}
_NOTHING_LEARNED = {"FunctionTransformer", "Normalizer", "PolynomialFeatures", "Binarizer"}


def _transformer_count(step: Any) -> int:
    """Learned numbers of a fitted preprocessing step (a scaler's means and scales, …)."""
    if step is None or isinstance(step, str):  # "passthrough" or "drop"
        return 0
    if hasattr(step, "steps"):  # a Pipeline used as a step
        return sum(_transformer_count(s) for _, s in step.steps)
    if hasattr(step, "transformers_"):  # ColumnTransformer
        return sum(_transformer_count(t) for _, t, _ in step.transformers_)
    kind = type(step).__name__
    if kind in _NOTHING_LEARNED:
        return 0
    if kind in _TRANSFORMER_LISTS:
        return int(sum(np.size(values) for values in getattr(step, _TRANSFORMER_LISTS[kind])))
    if kind in _TRANSFORMER_ARRAYS:
        count = sum(np.size(getattr(step, name)) for name in _TRANSFORMER_ARRAYS[kind]
                    if getattr(step, name, None) is not None)
        scaler = getattr(step, "_scaler", None)  # PowerTransformer(standardize=True)
        return int(count + (_transformer_count(scaler) if scaler is not None else 0))
    known = sorted({*_TRANSFORMER_ARRAYS, *_TRANSFORMER_LISTS, *_NOTHING_LEARNED, "ColumnTransformer", "Pipeline"})
    raise TypeError(f"parameter_count does not know the preprocessing step {kind}; it knows {', '.join(known)}. "
                    "Count the final model alone with parameter_count(pipeline[-1]).")


def parameter_count(model: Any) -> Size:
    """How many numbers a fitted model learned, in the unit that fits its kind.

    * networks (``torch.nn.Module``, a skorch net's ``module_``, scikit-learn's MLPs): weights,
      ``sum(p.numel())`` over the parameters (int8 weights of quantised layers included);
    * linear models (logistic/linear regression, linear SVMs): coefficients,
      ``coef_.size + intercept_.size``;
    * trees, forests, gradient boosting, histogram gradient boosting: tree nodes, summed over
      every tree (inner nodes and leaves);
    * kernel SVMs: support vectors (``n_support_.sum()``);
    * k-NN: stored training values, ``n_samples_fit_ × n_features_in_`` (it keeps the data);
    * a Pipeline: the final model's count in its unit, **plus** the numbers its preprocessing
      steps learned (a StandardScaler's means and scales, PCA's components and mean, an
      imputer's statistics, an encoder's categories) — they ship with the model and are used on
      every prediction. :attr:`Size.preprocessing` says how many of them there are.

    The units differ in kind: a tree node is not a weight. Compare counts within a unit, and
    compare across kinds with :func:`serialized_size` (bytes).

    Example:
        >>> from sklearn.linear_model import LogisticRegression
        >>> X, y = np.arange(20.0).reshape(10, 2), np.arange(10) % 2
        >>> str(parameter_count(LogisticRegression().fit(X, y)))
        '3 coefficients'
    """
    _check_model(model)
    steps = getattr(model, "steps", None)
    if steps is not None:
        count, unit = _final_count(steps[-1][1])
        extra = sum(_transformer_count(step) for _, step in steps[:-1])
        return Size(count + extra, unit, extra)
    count, unit = _final_count(model)
    return Size(count, unit)


# ======================================================================================
# Size on disk
# ======================================================================================

#: The file formats :func:`serialized_size` writes.
FORMATS = ("auto", "joblib", "state_dict", "onnx")
# The file each format is written to (torch.save stores the file's stem inside its archive, so the
# name changes the size by a few bytes: these are the usual names).
_FILE_NAMES = {"joblib": "model.joblib", "state_dict": "model.pt", "onnx": "model.onnx"}


@dataclass(frozen=True)
class Serialized:
    """The size of a model's file.

    Attributes:
        bytes: the file's size in bytes.
        fmt: ``"joblib"`` (``model.joblib``), ``"state_dict"``
            (``torch.save(model.state_dict(), "model.pt")``) or ``"onnx"`` (``model.onnx``).
    """

    bytes: int
    fmt: str

    def __str__(self) -> str:
        return f"{self.bytes / 1000:,.1f} kB ({self.fmt})"


def _network(model: Any) -> Any | None:
    """The ``torch.nn.Module`` of a network (a skorch net's ``module_``), or None."""
    if _is_torch_module(model):
        return model
    module = getattr(model, "module_", None)
    return module if _is_torch_module(module) else None


def serialized_size(model: Any, fmt: str = "auto", *, example: Any = None) -> Serialized:
    """Bytes of the file a user would ship, written to a temporary folder, measured and removed.

    Args:
        model: a fitted model (any kind :func:`latency` accepts).
        fmt: ``"auto"`` (joblib for scikit-learn, ``state_dict`` for networks and skorch nets,
            onnx for an :class:`OnnxModel`), ``"joblib"`` (any picklable model),
            ``"state_dict"`` (networks: the weights only, ``torch.save(module.state_dict())``) or
            ``"onnx"`` (networks, with ``example``; needs the ``onnx`` packages).
        example: for ``fmt="onnx"`` with a network: a few input rows to trace the network with.

    Returns:
        A :class:`Serialized` (``bytes``, ``fmt``).
    """
    as_choice(fmt, "fmt", FORMATS)
    _check_model(model)
    network = _network(model)
    if fmt == "auto":
        fmt = "onnx" if isinstance(model, OnnxModel) else ("state_dict" if network is not None else "joblib")
    if fmt == "state_dict" and network is None:
        raise TypeError(f"fmt='state_dict' is for PyTorch networks; {type(model).__name__} is saved with "
                        "fmt='joblib' (or fmt='auto').")
    if fmt == "onnx" and network is None and not isinstance(model, OnnxModel):
        raise TypeError(f"fmt='onnx' converts PyTorch networks here; for {type(model).__name__} use fmt='joblib' "
                        "(scikit-learn models convert to ONNX with the separate skl2onnx package).")
    with tempfile.TemporaryDirectory(prefix="course-cost-") as folder:
        file = Path(folder) / _FILE_NAMES[fmt]
        if fmt == "joblib":
            import joblib

            joblib.dump(model, file)
        elif fmt == "state_dict":
            import torch

            torch.save(network.state_dict(), file)
        elif isinstance(model, OnnxModel):
            file.write_bytes(model.model_bytes)
        else:
            if example is None:
                raise ValueError("fmt='onnx' traces the network on an example input: pass example=X[:2] "
                                 "(a few rows of the inputs it takes).")
            _export_onnx(network, example, file)
        return Serialized(os.path.getsize(file), fmt)


# ======================================================================================
# ONNX Runtime
# ======================================================================================


class OnnxModel:
    """A network exported to ONNX and run by ONNX Runtime, usable wherever a model is.

    :func:`latency`, :func:`throughput`, :func:`predict`, :func:`serialized_size` and
    :func:`profile` accept it. Make one with :func:`onnx_session`, or wrap any ONNX Runtime
    session (e.g. of a scikit-learn model converted by skl2onnx) with its model's bytes.

    Args:
        session: an ``onnxruntime.InferenceSession`` with one input.
        model_bytes: the ONNX file's content (what :func:`serialized_size` measures).
        family: ``"deep learning"`` or ``"classical ML"``, for the scorecard.
        parameters: the source model's :func:`parameter_count`, if known (otherwise the numbers
            in the ONNX graph's initializers are counted as weights).
    """

    def __init__(self, session: Any, model_bytes: bytes, *, family: str = "deep learning",
                 parameters: Size | None = None) -> None:
        if not callable(getattr(session, "run", None)) or not callable(getattr(session, "get_inputs", None)):
            raise TypeError(f"session must be an onnxruntime.InferenceSession, but got {describe(session)}.")
        if not isinstance(model_bytes, bytes) or not model_bytes:
            raise TypeError("model_bytes must be the ONNX file's content (non-empty bytes).")
        self.session = session
        self.model_bytes = model_bytes
        self.family = as_choice(family, "family", ("deep learning", "classical ML"))
        if parameters is not None and not isinstance(parameters, Size):
            raise TypeError(f"parameters must be a cost.Size or None, but got {describe(parameters)}.")
        self.parameters = parameters
        self.input_name: str = session.get_inputs()[0].name

    def predict(self, X: Any) -> np.ndarray:
        """The session's first output for inputs ``X`` (class scores for an exported network)."""
        inputs = np.ascontiguousarray(to_numpy(X), dtype=np.float32)
        return self.session.run(None, {self.input_name: inputs})[0]

    def __repr__(self) -> str:
        return f"OnnxModel({len(self.model_bytes):,} bytes, input {self.input_name!r})"


def _import_onnx_runtime() -> Any:
    try:
        import onnx  # noqa: F401  (the exporter needs it)
        import onnxruntime
        import onnxscript  # noqa: F401
    except ImportError as error:
        raise ImportError(f"ONNX export needs the onnx, onnxscript and onnxruntime packages ({error}). Install them "
                          "with: pip install onnx onnxscript onnxruntime") from None
    return onnxruntime


def _export_onnx(network: Any, example: Any, file: Path) -> None:
    """Export ``network`` (in eval mode) to ``file`` with a dynamic batch dimension."""
    import torch

    _import_onnx_runtime()
    inputs = example if isinstance(example, torch.Tensor) else torch.from_numpy(
        np.ascontiguousarray(to_numpy(example), dtype=np.float32))
    _n_rows(inputs, "example")
    if len(inputs) == 1:  # the exporter would fix the batch size at 1
        inputs = torch.cat([inputs, inputs])
    inputs = inputs.to(_module_device(network))
    was_training = network.training
    network.eval()
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            torch.onnx.export(network, (inputs,), str(file), input_names=["x"], output_names=["y"],
                              dynamo=True, dynamic_shapes=({0: torch.export.Dim.DYNAMIC},), external_data=False,
                              verbose=False)
    finally:
        network.train(was_training)


def onnx_session(model: Any, example: Any, *, threads: int | None = None) -> OnnxModel:
    """Export a PyTorch network (or a skorch net's) to ONNX and open it in ONNX Runtime.

    Args:
        model: a ``torch.nn.Module`` or skorch net.
        example: a few input rows (array or tensor) to trace the network with; any batch size
            works afterwards.
        threads: ONNX Runtime's intra-op threads; ``None``: as many as PyTorch uses, so that the
            comparison with PyTorch is fair.

    Returns:
        An :class:`OnnxModel` (CPU execution provider).
    """
    network = _network(model)
    if network is None:
        raise TypeError(f"onnx_session exports PyTorch networks (torch.nn.Module or skorch), but got "
                        f"{describe(model)}; scikit-learn models convert with the separate skl2onnx package.")
    onnxruntime = _import_onnx_runtime()
    import torch

    threads = torch.get_num_threads() if threads is None else as_int(threads, "threads", 1, 1024)
    with tempfile.TemporaryDirectory(prefix="course-onnx-") as folder:
        file = Path(folder) / "model.onnx"
        _export_onnx(network, example, file)
        data = file.read_bytes()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(data, sess_options=options, providers=["CPUExecutionProvider"])
    return OnnxModel(session, data, parameters=parameter_count(network))


# ======================================================================================
# Energy → CO₂
# ======================================================================================


def co2_grams(energy: Energy | float, grid_g_per_kwh: float = DEFAULT_GRID_G_PER_KWH) -> float:
    """Grams of CO₂ for an energy (an :class:`Energy` or joules) on a grid of the given intensity.

    ``grams = joules / 3,600,000 × grid_g_per_kwh`` (3.6 million joules make one kWh).

    Example:
        >>> co2_grams(3_600_000)            # one kWh at the world average
        481.0
        >>> co2_grams(7_200, grid_g_per_kwh=50)
        0.1
    """
    joules = energy.joules if isinstance(energy, Energy) else as_float(energy, "energy (joules)", minimum=0.0)
    grid = as_float(grid_g_per_kwh, "grid_g_per_kwh", minimum=0.0)
    return joules / _JOULES_PER_KWH * grid


# ======================================================================================
# Fitting cost
# ======================================================================================


@dataclass(frozen=True)
class FitCost:
    """What one training run cost.

    Attributes:
        wall_s: wall-clock seconds. cpu_s: CPU seconds of the process (all threads; more than
            ``wall_s`` when several cores worked).
        peak_mb: peak memory above the start, in MB; memory_method: how it was measured.
        energy: the :class:`Energy` (measured or estimated; see its ``method``).
        result: what the fitting function returned.
    """

    wall_s: float
    cpu_s: float
    peak_mb: float
    memory_method: str
    energy: Energy
    result: Any = field(repr=False, compare=False)

    def __str__(self) -> str:
        return (f"{self.wall_s:.3g} s wall, {self.cpu_s:.3g} s CPU, {self.peak_mb:,.1f} MB peak memory, "
                f"{self.energy}")


def measure_fit(fit_fn: Callable[[], Any], *, watts_per_core: float = WATTS_PER_CORE,
                powercap: str | Path = POWERCAP) -> FitCost:
    """Run a zero-argument fitting function and measure its time, memory and energy.

    Args:
        fit_fn: e.g. ``lambda: model.fit(X, y)`` or ``lambda: train.fit(net, ..., seed=0)``.
        watts_per_core, powercap: passed to :class:`EnergyMeter`.

    Returns:
        A :class:`FitCost`; ``.result`` is what ``fit_fn`` returned.
    """
    if not callable(fit_fn):
        raise TypeError(f"fit_fn must be a function without arguments, e.g. lambda: model.fit(X, y), "
                        f"but got {describe(fit_fn)}.")
    meter = EnergyMeter(watts_per_core, powercap)

    def timed() -> tuple[Any, float]:
        with meter:
            start = _clock_ns()
            result = fit_fn()
            wall = (_clock_ns() - start) / 1e9
        return result, wall

    (result, wall_s), peak = peak_memory(timed)
    energy = meter.energy
    return FitCost(wall_s, energy.cpu_seconds, peak.mb, peak.method, energy, result)


# ======================================================================================
# One row per model: profile and table
# ======================================================================================


def _family(model: Any) -> str:
    if isinstance(model, OnnxModel):
        return model.family
    from .scorecard import model_family

    return model_family(model)


def _short_memory_method(method: str) -> str:
    return method.split(":")[0]


def profile(model: Any, X_test: Any, y_test: Any, *, fit: Callable[[], Any] | None = None, name: str,
            task: str, notebook: str, n_calls: int = 200, record: bool = True, family: str | None = None,
            n_train: int | None = None, notes: str = "") -> dict[str, Any]:
    """Measure everything this module measures for one classifier, record it, return the row.

    Fits the model first if ``fit`` is given (``lambda: model.fit(X_train, y_train)``), then
    measures: test accuracy, batch prediction time and its peak memory, single-row latency
    (p50/p95/p99 over ``n_calls`` calls after 20 warm-up calls), throughput, parameters (and
    their unit), file size (and format), and the fit's time, CPU time, peak memory, energy and
    CO₂ (NaN when ``fit`` is None: the fit was not watched).

    Args:
        model: the model (fitted, or fitted by ``fit``); a classifier.
        X_test, y_test: test inputs and integer class labels.
        fit: a zero-argument function that fits ``model``, or None if it is already fitted.
        name, task, notebook: the scorecard row's key (model name, task, notebook id).
        n_calls: timed single-row calls for the latency.
        record: write the row to the learner's scorecard (:mod:`utils.scorecard`).
        family: ``"classical ML"`` or ``"deep learning"``; None guesses from the model.
        n_train: training examples, for the scorecard.
        notes: free text added to the row's notes.

    Returns:
        The row: the scorecard's columns plus ``latency_p99_ms``, ``latency_mean_ms``,
        ``parameter_unit``, ``size_format``, ``fit_cpu_s``, ``memory_method``, ``energy_method``.
        Show several with :func:`table`.
    """
    for value, label in ((name, "name"), (task, "task"), (notebook, "notebook")):
        as_str(value, label, non_empty=True)
    record = as_bool(record, "record")
    n_calls = as_int(n_calls, "n_calls", 1)
    notes = as_str(notes, "notes")
    if fit is not None and not callable(fit):
        raise TypeError(f"fit must be None (model already fitted) or a function without arguments, e.g. "
                        f"fit=lambda: model.fit(X_train, y_train), but got {describe(fit)}.")
    _n_rows(X_test, "X_test")
    labels = to_numpy(y_test)
    require_same_length(X_test, "X_test", labels, "y_test")
    fit_cost = measure_fit(fit) if fit is not None else None
    _check_model(model)
    from sklearn.base import BaseEstimator, is_regressor

    if isinstance(model, BaseEstimator) and is_regressor(model):
        raise TypeError(f"profile measures classifiers (it reports accuracy); {type(model).__name__} is a "
                        "regressor. Measure it with latency(), throughput(), parameter_count() … directly.")

    def timed_predict() -> tuple[np.ndarray, float]:
        start = _clock_ns()
        predictions = predict(model, X_test)
        return predictions, (_clock_ns() - start) / 1e9

    (predictions, predict_s), predict_peak = peak_memory(timed_predict)
    accuracy = float(np.mean(predictions == labels.reshape(-1)))
    timing = latency(model, X_test, n_calls=n_calls)
    rate = throughput(model, X_test)
    size = parameter_count(model)
    saved = serialized_size(model)
    nan = math.nan
    energy_j = fit_cost.energy.joules if fit_cost else nan
    costs = {
        "latency_p50_ms": timing.p50_ms, "latency_p95_ms": timing.p95_ms, "throughput_per_s": rate,
        "peak_fit_mb": fit_cost.peak_mb if fit_cost else nan, "peak_predict_mb": predict_peak.mb,
        "energy_j": energy_j, "co2_g": co2_grams(energy_j) if fit_cost else nan,
    }
    energy_method = fit_cost.energy.method if fit_cost else "fit not measured"
    summary = f"{size}; {saved}; energy {energy_method}" + (f"; {notes}" if notes else "")
    family = family if family is not None else _family(model)
    row: dict[str, Any] = {
        "notebook": notebook, "task": task, "model": name, "family": family, "metric": "accuracy",
        "score": accuracy, "fit_time_s": fit_cost.wall_s if fit_cost else nan, "predict_time_s": predict_s,
        "size_bytes": saved.bytes, "parameters": size.count, "n_train": n_train, "notes": summary,
    }
    if record:
        from . import scorecard

        recorded = scorecard.record(
            notebook, task, name, "accuracy", accuracy, fit_time_s=_none_if_nan(row["fit_time_s"]),
            predict_time_s=predict_s, size_bytes=saved.bytes, parameters=size.count, n_train=n_train,
            family=family, notes=summary, costs={k: _none_if_nan(v) for k, v in costs.items()})
        row["recorded_at"] = recorded["recorded_at"]
    else:
        row["recorded_at"] = None
    row.update(costs)
    row.update({
        "latency_p99_ms": timing.p99_ms, "latency_mean_ms": timing.mean_ms, "parameter_unit": size.unit,
        "size_format": saved.fmt, "fit_cpu_s": fit_cost.cpu_s if fit_cost else nan,
        "memory_method": _short_memory_method(predict_peak.method), "energy_method": energy_method,
    })
    return row


def _none_if_nan(value: Any) -> Any:
    return None if isinstance(value, float) and math.isnan(value) else value


_TABLE_ORDER = ("score", "fit_time_s", "fit_cpu_s", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms",
                "throughput_per_s", "predict_time_s", "parameters", "parameter_unit", "size_bytes", "size_format",
                "peak_fit_mb", "peak_predict_mb", "energy_j", "co2_g")


def table(rows: Sequence[Mapping[str, Any]] | Any) -> "pandas.DataFrame":  # noqa: F821
    """Rows from :func:`profile` (or the scorecard) side by side, with the units in the column names.

    Args:
        rows: a list of :func:`profile` rows, or a DataFrame such as ``scorecard.load()``.

    Returns:
        A DataFrame: ``model``, ``task``, ``family``, then ``accuracy`` (``score`` when the rows
        mix metrics) and every cost column with its unit — ``fit time (s)``, ``latency p50 (ms)``,
        …, ``size (kB)``, ``peak fit memory (MB)``, ``fit energy (J)``, ``fit CO₂ (g)``. A value
        that was not measured is NaN.
    """
    import pandas as pd

    if isinstance(rows, pd.DataFrame):
        frame = rows.copy()
    elif isinstance(rows, Sequence) and not isinstance(rows, (str, bytes)) \
            and all(isinstance(row, Mapping) for row in rows):
        frame = pd.DataFrame([dict(row) for row in rows])
    else:
        raise TypeError("rows must be a list of rows from cost.profile (dicts) or a DataFrame, "
                        f"but got {describe(rows)}.")
    if frame.empty:
        raise ValueError("rows is empty: profile at least one model first.")
    missing = [column for column in ("model", "score") if column not in frame.columns]
    if missing:
        raise ValueError(f"rows lack the column(s) {missing}: pass rows returned by cost.profile.")
    for column in ("task", "family", *_TABLE_ORDER):
        if column not in frame.columns:
            frame[column] = np.nan
    text_columns = ("parameter_unit", "size_format")
    for column in _TABLE_ORDER:
        if column not in text_columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    frame["size_bytes"] = frame["size_bytes"] / 1000
    labels = dict(COST_LABELS)
    metrics = set(frame["metric"].dropna()) if "metric" in frame.columns else {"accuracy"}
    if metrics - {"accuracy"}:
        labels["score"] = "score"
    result = frame[["model", "task", "family", *_TABLE_ORDER]].rename(columns=labels)
    return result.reset_index(drop=True)
