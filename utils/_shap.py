"""The SHAP side of :mod:`utils.explain` (private): the :class:`ShapResult`, shap's tree and
kernel explainers called with explicit settings, and the matplotlib summary drawings.

shap is imported only when used (it is optional); NumPy's global random state, which shap
seeds, is put back afterwards.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ._sklearn import final_estimator

if TYPE_CHECKING:  # pragma: no cover - imported for type hints only
    from matplotlib.axes import Axes

__all__ = [
    "MAX_AGNOSTIC_ROWS",
    "ShapResult",
    "require_shap",
    "numpy_random_state_kept",
    "positive_class",
    "squeeze_binary",
    "numeric_table",
    "sample_rows",
    "tree_explainer",
    "tree_result",
    "kernel_result",
    "draw_beeswarm",
    "draw_bars",
]


#: The most rows :func:`shap_values` explains with the model-agnostic explainer (its cost
#: grows with rows × features × background rows).
MAX_AGNOSTIC_ROWS = 1000


@dataclass
class ShapResult:
    """SHAP values of some rows, what they are in and how they were computed.

    ``values[i, j]`` is feature ``j``'s contribution to row ``i``'s output: the row's output
    equals ``base_value`` plus the row's values summed over features. For a binary
    classifier the values are for the positive class; for more classes ``values`` has a
    third axis (one slice per class) and ``base_value`` one entry per class.

    Attributes:
        values: ``(n_rows, n_features)`` or ``(n_rows, n_features, n_classes)``.
        base_value: the expected output over the background (a float, or one per class).
        feature_names: the column names.
        data: the explained rows (a DataFrame), to colour the summary by feature value.
        output: what the values add up to, e.g. ``"log-odds of class 1"``.
        explainer: ``"tree"`` (exact Tree SHAP) or ``"kernel"`` (model-agnostic Kernel
            SHAP against a background sample).
        classes: the model's classes (``classes_``) when it has them.
    """

    values: np.ndarray
    base_value: float | np.ndarray
    feature_names: list[str]
    data: pd.DataFrame = field(repr=False)
    output: str = "prediction"
    explainer: str = "tree"
    classes: list[Any] | None = None

    def importance(self) -> pd.Series:
        """Mean absolute SHAP value per feature (summed over classes), largest first."""
        magnitude = np.abs(self.values).mean(axis=0)
        if magnitude.ndim == 2:
            magnitude = magnitude.sum(axis=1)
        series = pd.Series(magnitude, index=self.feature_names, name="mean |SHAP|")
        return series.sort_values(ascending=False, kind="stable")


def require_shap() -> Any:
    """Import ``shap``, or raise an ``ImportError`` that says it is optional and how to install it."""
    try:
        import shap
    except ImportError as error:
        raise ImportError(
            "SHAP is not installed: it is an optional extra of the course. Install it with "
            "`pip install shap` (in a notebook: %pip install shap, then restart the kernel), or use "
            "utils.explain.permutation_importance, which needs nothing more."
        ) from error
    return shap


@contextlib.contextmanager
def numpy_random_state_kept() -> Iterator[None]:
    """shap seeds NumPy's global generator (``np.random.seed``): put the learner's state back."""
    state = np.random.get_state()
    try:
        yield
    finally:
        np.random.set_state(state)


def positive_class(model: Any) -> Any:
    """The model's classes (``classes_``, of the final step of a ``Pipeline``) as a list, or ``None``."""
    classes = getattr(model, "classes_", None)
    if classes is None:
        classes = getattr(final_estimator(model), "classes_", None)
    return None if classes is None else np.asarray(classes).tolist()


def squeeze_binary(values: np.ndarray, base: np.ndarray, classes: list[Any] | None) -> tuple[np.ndarray, Any, Any]:
    """Keep the positive class of a two-class output; return ``(values, base, class)``."""
    base = np.asarray(base, dtype=float)
    if base.ndim == 2:  # one base value per row (all equal): keep the first
        base = base[0]
    if values.ndim == 3 and values.shape[2] == 2 and (classes is None or len(classes) == 2):
        return values[:, :, 1], float(base.reshape(-1)[1]), (classes[1] if classes else 1)
    if values.ndim == 3:
        return values, base.reshape(-1), None
    positive = classes[1] if classes and len(classes) == 2 else None
    return values, float(base.reshape(-1)[0]), positive


def numeric_table(table: pd.DataFrame) -> bool:
    """Whether every column is numeric or boolean."""
    return all(pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype) for dtype in table.dtypes)


def sample_rows(table: pd.DataFrame, size: int, random_state: int) -> pd.DataFrame:
    """At most ``size`` rows of ``table``, sampled with ``random_state`` when there are more."""
    if len(table) <= size:
        return table
    return table.sample(size, random_state=random_state)


def tree_explainer(shap: Any, model: Any, frame: pd.DataFrame) -> Any:
    """``shap.TreeExplainer`` (tree path dependent) for a tree ensemble on numeric columns, else ``None``.

    A histogram-boosting model with native categorical features gets ``None`` too: shap reads
    its categorical splits as thresholds (its sums then miss the model's output by far).
    """
    from shap.utils._exceptions import InvalidModelError

    if not numeric_table(frame) or np.any(getattr(final_estimator(model), "is_categorical_", None) or False):
        return None
    try:
        return shap.TreeExplainer(model, feature_perturbation="tree_path_dependent")
    except InvalidModelError:
        return None


def _model_output(model: Any, frame: pd.DataFrame, tree_output: str) -> np.ndarray | None:
    """What the trees' SHAP values should add up to, asked of the model itself (``None``: unknown)."""
    if tree_output == "log_odds" and callable(getattr(model, "decision_function", None)):
        return np.asarray(model.decision_function(frame), dtype=float)
    if tree_output == "probability" and callable(getattr(model, "predict_proba", None)):
        return np.asarray(model.predict_proba(frame), dtype=float)
    if tree_output == "raw_value" and not callable(getattr(model, "predict_proba", None)):
        return np.asarray(model.predict(frame), dtype=float)
    return None


def tree_result(model: Any, explainer: Any, frame: pd.DataFrame, names: list[str], classes: Any) -> ShapResult | None:
    """Tree SHAP values of the rows of ``frame`` as a :class:`ShapResult`, or ``None`` (with a
    warning) when they do not add up to the model's own output — shap misread the trees."""
    explanation = explainer(frame.to_numpy(dtype=float))
    raw_values, raw_base = np.asarray(explanation.values, dtype=float), np.asarray(explanation.base_values, dtype=float)
    tree_output = getattr(explainer.model, "tree_output", "")
    expected = _model_output(model, frame, tree_output)
    if expected is not None:
        total = raw_values.sum(axis=1) + raw_base
        if total.shape != expected.shape or not np.allclose(total, expected, rtol=1e-4, atol=1e-6):
            warnings.warn(
                f"shap's TreeExplainer misread this {type(model).__name__} (its values do not add up to the "
                "model's output): using the model-agnostic Kernel SHAP instead.",
                stacklevel=3,
            )
            return None
    values, base, positive = squeeze_binary(raw_values, raw_base, classes)
    unit = {"log_odds": "log-odds", "probability": "probability"}.get(tree_output, "prediction")
    output = f"{unit} of class {positive!r}" if positive is not None and unit != "prediction" else unit
    return ShapResult(values, base, names, frame.copy(), output, "tree", classes)


class _Codes:
    """Non-numeric columns as integer codes, so that shap's numeric masking can move them
    (shap sees numbers; the model gets its original columns and dtypes back — or an array of
    the original dtype, for a model fitted on arrays, e.g. a skorch net on float32)."""

    def __init__(self, frame: pd.DataFrame, reference: pd.DataFrame, array_dtype: Any = None) -> None:
        self.columns, self.dtypes, self.array_dtype = frame.columns, frame.dtypes, array_dtype
        self.categories: dict[Any, pd.Index] = {}
        for column, dtype in self.dtypes.items():
            if isinstance(dtype, pd.CategoricalDtype):
                self.categories[column] = dtype.categories
            elif not (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype)):
                self.categories[column] = pd.Index(pd.unique(pd.concat([frame[column], reference[column]]).dropna()))

    def encode(self, table: pd.DataFrame) -> np.ndarray:
        """The table as a float array (codes for the non-numeric columns)."""
        encoded = table.copy()
        for column, categories in self.categories.items():
            encoded[column] = categories.get_indexer(table[column].astype(object))
        return encoded.to_numpy(dtype=float)

    def decode(self, rows: np.ndarray) -> Any:
        """Float rows back to a DataFrame with the original columns and dtypes (or an array)."""
        if self.array_dtype is not None:
            return np.asarray(rows).astype(self.array_dtype)
        table = pd.DataFrame(rows, columns=self.columns)
        for column, categories in self.categories.items():
            codes = np.rint(table[column].to_numpy()).astype(np.int64)  # -1: a missing value
            table[column] = categories.take(codes, allow_fill=True, fill_value=np.nan)
        return table.astype(self.dtypes)


def kernel_result(
    shap: Any,
    model: Any,
    frame: pd.DataFrame,
    names: list[str],
    classes: Any,
    background: Any,
    max_background: int,
    random_state: int,
    array_dtype: Any = None,
) -> ShapResult:
    """Kernel SHAP values of the rows of ``frame`` for ``predict_proba`` (or ``predict``), against at
    most ``max_background`` rows of ``background`` (of ``frame`` when ``None``)."""
    if len(frame) > MAX_AGNOSTIC_ROWS:
        raise ValueError(
            f"X has {len(frame)} rows; the model-agnostic explainer costs rows × coalitions × background "
            f"predictions, so explain a sample of at most {MAX_AGNOSTIC_ROWS} rows, "
            "e.g. X.sample(200, random_state=0)."
        )
    reference = sample_rows(frame if background is None else background, max_background, random_state)
    codes = _Codes(frame, reference, array_dtype)
    probabilities = callable(getattr(model, "predict_proba", None))
    predict = model.predict_proba if probabilities else model.predict

    def predict_rows(rows: np.ndarray) -> np.ndarray:
        return np.asarray(predict(codes.decode(rows)), dtype=float)

    try:
        predict_rows(codes.encode(frame.iloc[:1]))
    except (TypeError, ValueError) as error:
        if probabilities or "float" not in str(error):
            raise
        raise TypeError(
            f"{type(model).__name__}.predict returns labels that are not numbers, and the model has no "
            "predict_proba: SHAP needs a numeric output. Use a classifier with predict_proba "
            "(e.g. SVC(probability=True)) or encode the labels as 0/1."
        ) from None

    # KernelExplainer samples coalitions from NumPy's global generator: seed it for this call only
    # and give the caller's state back.
    state = np.random.get_state()
    try:
        np.random.seed(random_state)
        explainer = shap.KernelExplainer(predict_rows, codes.encode(reference))
        raw = explainer.shap_values(codes.encode(frame), nsamples="auto", l1_reg=False, silent=True)
    finally:
        np.random.set_state(state)
    values = np.asarray(raw, dtype=float)
    if isinstance(raw, list):  # older shap: one array per output
        values = np.stack(raw, axis=-1)
    values, base, positive = squeeze_binary(values, np.asarray(explainer.expected_value), classes)
    if probabilities:
        output = f"probability of class {positive!r}" if positive is not None else "probability"
    else:
        output = "prediction"
    return ShapResult(values, base, names, frame.copy(), output, "kernel", classes)


def draw_beeswarm(ax: Axes, result: ShapResult, order: list[int]) -> None:
    """One row of dots per feature, coloured by the feature's value (the single-output summary)."""
    import matplotlib.pyplot as plt

    rng = np.random.default_rng(0)
    cmap = plt.get_cmap("viridis")
    for position, j in enumerate(order):
        values = result.values[:, j]
        column = result.data.iloc[:, j]
        jitter = rng.uniform(-0.3, 0.3, values.size)
        if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            numbers = column.to_numpy(dtype=float)
            low, high = np.nanpercentile(numbers, [5, 95])
            shade = np.clip((numbers - low) / (high - low), 0, 1) if high > low else np.full(numbers.size, 0.5)
            colours = cmap(shade)
        else:
            colours = "#999999"
        ax.scatter(values, position + jitter, c=colours, s=10, alpha=0.8, linewidths=0)
    ax.axvline(0.0, color="black", linewidth=0.8)
    ax.set_xlabel(f"SHAP value ({result.output})")
    mappable = plt.cm.ScalarMappable(cmap=cmap)
    bar = ax.figure.colorbar(mappable, ax=ax, ticks=[0, 1], pad=0.02)
    bar.ax.set_yticklabels(["low", "high"])
    bar.set_label("feature value")


def draw_bars(ax: Axes, result: ShapResult, order: list[int]) -> None:
    """Mean absolute SHAP value per feature and class, as grouped bars (the multi-class summary)."""
    from .plots import OKABE_ITO

    magnitude = np.abs(result.values).mean(axis=0)  # (features, classes)
    n_classes = magnitude.shape[1]
    labels = result.classes if result.classes and len(result.classes) == n_classes else list(range(n_classes))
    height = 0.8 / n_classes
    for k in range(n_classes):
        ax.barh(np.arange(len(order)) - 0.4 + (k + 0.5) * height, magnitude[order, k], height=height,
                color=OKABE_ITO[k % len(OKABE_ITO)], label=f"class {labels[k]}", hatch=("", "//", "..", "xx")[k % 4])
    ax.set_xlabel(f"mean |SHAP value| ({result.output})")
    ax.legend(loc="lower right", fontsize="small")
