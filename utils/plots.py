"""The figures the notebooks share: decision boundaries, confusion matrices, image grids,
1-D signals, training curves, learning curves, score distributions and the accuracy–cost chart.

Where scikit-learn's display classes or seaborn already draw a figure, these functions use
them (``DecisionBoundaryDisplay``, ``ConfusionMatrixDisplay``, seaborn's ``lineplot``,
``boxplot`` and ``swarmplot``) and add what the course needs on top: input checks with errors
that say what to fix, the course's colours and markers, labels and titles. The style itself
(seaborn's theme and the palette) is set once, by :func:`utils.env.setup`.

Every function validates its inputs (a shape mismatch, the wrong number of dimensions or a
NaN raises an error that says what to fix), labels its axes, uses colour-blind-safe colours
(the Okabe–Ito palette for classes and curves, ``cividis`` for matrices) plus marker shapes
or line styles so that colour is never the only cue, and returns what it drew on:

* :func:`decision_boundary` and :func:`confusion_matrix` take ``ax=None`` and return the
  :class:`~matplotlib.axes.Axes`;
* :func:`image_grid` and :func:`signals` draw many panels and return the
  :class:`~matplotlib.figure.Figure`;
* :func:`training_curves` returns a list of Axes (losses, then accuracies);
* :func:`learning_curves` (score against training-set size, a band over repeats) and
  :func:`score_distribution` (scores over folds or seeds, one row per model) take ``ax=None``
  and return the Axes.
* :func:`accuracy_vs_cost` (one point per model, ML and DL in two styles, log-scale cost)
  takes ``ax=None`` and returns the Figure.

Example::

    from utils import plots
    ax = plots.decision_boundary(model, X_train, y_train)
    ax.figure.savefig("boundary.png")
"""

from __future__ import annotations

import inspect
import math
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from ._sklearn import final_estimator, fitted_status
from ._validation import as_array, as_bool, as_choice, as_float, as_int, as_str, describe, require_same_length, to_numpy
from .env import OKABE_ITO as _OKABE_ITO

__all__ = [
    "OKABE_ITO",
    "MARKERS",
    "decision_boundary",
    "confusion_matrix",
    "image_grid",
    "signals",
    "training_curves",
    "learning_curves",
    "score_distribution",
    "FAMILY_STYLES",
    "accuracy_vs_cost",
]

#: Okabe & Ito's colour-blind-safe palette (defined once, in :mod:`utils.env`, whose
#: :func:`~utils.env.set_plot_style` makes it every figure's colour cycle).
OKABE_ITO = _OKABE_ITO

#: One marker shape per class, so classes differ by shape as well as colour.
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "<", ">")

#: Colour of wrong predictions in :func:`image_grid` (vermillion).
WRONG_COLOUR = "#D55E00"

MAX_GRID_IMAGES = 100
MAX_CLASSES_FOR_BOUNDARY = 30


def _colour(index: int) -> str:
    return OKABE_ITO[index % len(OKABE_ITO)]


def _marker(index: int) -> str:
    return MARKERS[index % len(MARKERS)]


def _new_axes(ax: Axes | None, figsize: tuple[float, float] = (6.0, 4.5)) -> Axes:
    """Return ``ax``, or a new Axes on a new figure when ``ax`` is None."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
        return ax
    if not isinstance(ax, Axes):
        raise TypeError(
            f"ax must be a matplotlib Axes (e.g. from fig, ax = plt.subplots()) or None, but got {describe(ax)}."
        )
    return ax


def _labels(values: Any, name: str) -> np.ndarray:
    """A 1-D array of class labels (numbers or strings) without missing values."""
    if values is None or isinstance(values, (str, bytes, dict)):
        raise TypeError(f"{name} must be a 1-D array or list of labels, but got {describe(values)}.")
    array = to_numpy(values)
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one label per example), but got shape {array.shape}.")
    if array.size == 0:
        raise ValueError(f"{name} is empty: pass at least one label.")
    if np.issubdtype(array.dtype, np.floating) and np.isnan(array).any():
        raise ValueError(f"{name} contains {int(np.isnan(array).sum())} NaN value(s): every example needs a label.")
    if array.dtype == object and any(v is None or (isinstance(v, float) and math.isnan(v)) for v in array):
        raise ValueError(f"{name} contains missing values (None or NaN): every example needs a label.")
    return array


# --------------------------------------------------------------------------------------
# Decision boundary
# --------------------------------------------------------------------------------------


def _check_fitted_model(model: Any) -> None:
    """Raise a clear error unless ``model`` is a fitted estimator with ``predict``."""
    status = fitted_status(model, methods=("fit", "predict"))
    if status == "class":
        raise TypeError(
            f"model must be a fitted model *object*, but got the class {model.__name__}: "
            f"create and fit one first, e.g. model = {model.__name__}().fit(X, y)."
        )
    if status == "not an estimator":
        raise TypeError(f"model must be a fitted scikit-learn model with .predict(), but got {describe(model)}.")
    if status == "not fitted":
        from sklearn.exceptions import NotFittedError

        raise NotFittedError(
            f"This {type(model).__name__} is not fitted yet: "
            "call model.fit(X, y) before plotting its decision boundary."
        )


def _feature_names(X: Any, feature_names: Sequence[str] | None) -> list[str]:
    if feature_names is None:
        columns = getattr(X, "columns", None)
        return [str(c) for c in columns] if columns is not None else ["feature 0", "feature 1"]
    if isinstance(feature_names, str) or not isinstance(feature_names, Sequence):
        raise TypeError(f"feature_names must be a list of two strings, but got {describe(feature_names)}.")
    if len(feature_names) != 2:
        raise ValueError(f"feature_names must name the 2 columns of X, but got {len(feature_names)} names.")
    return [str(name) for name in feature_names]


def _margin(X: np.ndarray) -> float:
    """How far the shaded plane reaches beyond the data: 5 % of the narrower feature's range."""
    spans = X.max(axis=0) - X.min(axis=0)
    spans = spans[spans > 0]
    return 0.05 * float(spans.min()) if spans.size else 0.5


def _class_order(model: Any, y: np.ndarray) -> list[Any]:
    """The classes in the order of the shaded regions' colours, then the labels only ``y`` has.

    scikit-learn's display numbers a classifier's regions in the order of ``classes_`` and a
    clusterer's by cluster number, so class ``i`` of this list gets colour ``i`` everywhere.
    """
    known = getattr(model, "classes_", None)
    order = list(known) if known is not None else sorted(set(getattr(model, "labels_", [])))
    order_set = set(order)
    return order + [label for label in np.unique(y) if label not in order_set]


def _region_colours(count: int) -> dict[str, Any]:
    """The keyword arguments that make scikit-learn's display shade region ``i`` in colour ``i``."""
    from sklearn.inspection import DecisionBoundaryDisplay

    colours = [_colour(i) for i in range(count)]
    if count != 2 and "multiclass_colors" in inspect.signature(DecisionBoundaryDisplay.from_estimator).parameters:
        return {"multiclass_colors": colours}  # scikit-learn 1.7+: its own colours otherwise
    return {"cmap": ListedColormap(colours), "levels": np.arange(count + 1) - 0.5}


def decision_boundary(
    model: Any,
    X: Any,
    y: Any,
    ax: Axes | None = None,
    resolution: int = 200,
    feature_names: Sequence[str] | None = None,
    title: str | None = None,
) -> Axes:
    """Shade the class a fitted classifier predicts over the plane, and overlay the data.

    The regions come from scikit-learn's ``DecisionBoundaryDisplay.from_estimator`` (the
    model's ``predict`` on a grid); this function adds the checks, the course's colours, the
    lines between regions and the points, each class in its own colour *and* marker shape.

    Args:
        model: a *fitted* model with ``predict`` (a classifier, a pipeline ending in one, or a
            clusterer such as ``KMeans``) trained on the two columns of ``X``.
        X: ``(n, 2)`` array or DataFrame: exactly two features.
        y: ``n`` labels (the true classes; they colour and shape the points).
        ax: Axes to draw on; ``None`` makes a new figure.
        resolution: points per side of the prediction grid (10–1000).
        feature_names: names of the two columns (default: the DataFrame's columns).
        title: default "Decision regions of <model>".

    Returns:
        The Axes.

    Example:
        >>> from sklearn.datasets import make_moons
        >>> from sklearn.tree import DecisionTreeClassifier
        >>> X, y = make_moons(200, noise=0.2, random_state=0)
        >>> ax = decision_boundary(DecisionTreeClassifier(max_depth=3).fit(X, y), X, y)
    """
    from sklearn.base import is_regressor
    from sklearn.inspection import DecisionBoundaryDisplay

    X_array = as_array(X, "X", ndim=2)
    if X_array.shape[1] != 2:
        raise ValueError(
            f"X must have exactly 2 columns (one per axis of the plot), but got shape {X_array.shape}. "
            "Select two features, e.g. X[:, :2], or reduce the data with PCA first."
        )
    y_array = _labels(y, "y")
    require_same_length(X_array, "X", y_array, "y")
    _check_fitted_model(model)
    resolution = as_int(resolution, "resolution", 10, 1000)
    names = _feature_names(X, feature_names)
    title = as_str(title, "title", allow_none=True)
    if is_regressor(model):
        raise ValueError(f"{_model_name(model)} is a regressor: decision_boundary needs a classifier "
                         "(a regressor predicts continuous values, not classes).")
    ax = _new_axes(ax)

    classes = _class_order(model, y_array)
    display = DecisionBoundaryDisplay.from_estimator(
        model, X, response_method="predict", grid_resolution=resolution, eps=_margin(X_array), ax=ax,
        alpha=0.25, **_region_colours(len(classes)))
    regions = np.asarray(display.response)
    if np.unique(regions).size > MAX_CLASSES_FOR_BOUNDARY:
        raise ValueError(
            f"The model predicts {np.unique(regions).size} different values: decision_boundary needs a "
            "classifier (a regressor predicts continuous values)."
        )
    if len(classes) > 1:
        ax.contour(display.xx0, display.xx1, regions, levels=np.arange(len(classes) - 1) + 0.5,
                   colors="0.25", linewidths=0.6)
    for i, label in enumerate(classes):
        members = y_array == label
        if members.any():
            ax.scatter(X_array[members, 0], X_array[members, 1], color=_colour(i), marker=_marker(i),
                       edgecolors="black", linewidths=0.4, s=28, label=str(label))
    ax.set_xlabel(names[0])
    ax.set_ylabel(names[1])
    ax.set_xlim(display.xx0.min(), display.xx0.max())
    ax.set_ylim(display.xx1.min(), display.xx1.max())
    ax.grid(False)
    ax.legend(title="class", loc="best", fontsize="small")
    ax.set_title(title if title is not None else f"Decision regions of {_model_name(model)}")
    return ax


def _model_name(model: Any) -> str:
    return type(final_estimator(model)).__name__  # a Pipeline is named after its final estimator


# --------------------------------------------------------------------------------------
# Confusion matrix
# --------------------------------------------------------------------------------------

NORMALIZE_CHOICES = (None, "true", "pred", "all")
_NORMALIZE_TEXT = {"true": "each row (true class) sums to 1", "pred": "each column (prediction) sums to 1",
                   "all": "all cells sum to 1"}


def confusion_matrix(
    y_true: Any,
    y_pred: Any,
    labels: Sequence[Any] | None = None,
    normalize: str | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Draw a confusion matrix (rows: true class, columns: predicted class).

    A thin wrapper around scikit-learn's ``ConfusionMatrixDisplay`` with input checks and a
    colour-blind-safe colour map.

    Args:
        y_true: the true labels.
        y_pred: the predicted labels (same length).
        labels: the classes to show, in order (default: every class that occurs).
        normalize: ``None`` (counts), ``"true"`` (rows sum to 1: per-class recall on the
            diagonal), ``"pred"`` (columns sum to 1: precision) or ``"all"``.
        ax: Axes to draw on; ``None`` makes a new figure.
        title: default "Confusion matrix".

    Example:
        >>> ax = confusion_matrix([0, 1, 1, 2], [0, 1, 2, 2])
        >>> ax.get_xlabel()
        'Predicted label'
    """
    true = _labels(y_true, "y_true")
    pred = _labels(y_pred, "y_pred")
    require_same_length(true, "y_true", pred, "y_pred")
    as_choice(normalize, "normalize", NORMALIZE_CHOICES)
    if labels is not None:
        labels = _labels(labels, "labels").tolist()
        missing = [label for label in labels if label not in set(true.tolist()) | set(pred.tolist())]
        if len(missing) == len(labels):
            raise ValueError(f"None of labels={labels!r} occurs in y_true or y_pred: check the class names.")
    title = as_str(title, "title", allow_none=True)
    ax = _new_axes(ax, figsize=(5.5, 4.5))
    from sklearn.metrics import ConfusionMatrixDisplay

    ConfusionMatrixDisplay.from_predictions(
        true, pred, labels=labels, normalize=normalize, ax=ax, cmap="cividis", colorbar=False,
        values_format=".2f" if normalize else "d",
    )
    ax.grid(False)
    default = "Confusion matrix" + (f" ({_NORMALIZE_TEXT[normalize]})" if normalize else "")
    ax.set_title(title if title is not None else default)
    return ax


# --------------------------------------------------------------------------------------
# Image grid
# --------------------------------------------------------------------------------------


def _images(images: Any) -> np.ndarray:
    """Return images as ``(n, h, w)`` (grey) or ``(n, h, w, 3|4)`` (colour)."""
    array = as_array(images, "images", ndim=(3, 4))
    if array.ndim == 4:
        if array.shape[1] == 1:  # PyTorch layout (n, 1, h, w)
            array = array[:, 0]
        elif array.shape[-1] == 1:
            array = array[..., 0]
        elif array.shape[-1] not in (3, 4):
            raise ValueError(
                f"images must have shape (n, h, w), (n, 1, h, w) or (n, h, w, 3), but got {array.shape}."
            )
    if array.shape[0] == 0:
        raise ValueError("images is empty: pass at least one image.")
    if array.shape[0] > MAX_GRID_IMAGES:
        raise ValueError(
            f"images holds {array.shape[0]} images; image_grid shows at most {MAX_GRID_IMAGES}. "
            "Pass a slice such as images[:32]."
        )
    return array


def _panel_title(label: Any, prediction: Any) -> tuple[str, str]:
    """Text and colour of one panel's title."""
    if prediction is None:
        return (str(label) if label is not None else "", "black")
    if label is None:
        return (f"pred {prediction}", "black")
    if prediction == label:
        return (f"✓ {prediction}", "black")
    return (f"✗ {prediction} (true {label})", WRONG_COLOUR)


def image_grid(
    images: Any,
    labels: Any = None,
    predictions: Any = None,
    ncols: int = 8,
    cmap: str = "gray_r",
    title: str | None = None,
) -> Figure:
    """Show images in a grid, with their labels and, optionally, predictions.

    With ``predictions``, a right prediction is titled ``✓ 3`` and a wrong one
    ``✗ 5 (true 3)`` in bold vermillion, so mistakes stand out without relying on colour.

    Args:
        images: ``(n, h, w)`` (or ``(n, 1, h, w)``, ``(n, h, w, 3)``) array or tensor, n ≤ 100.
        labels: ``n`` true labels, or None.
        predictions: ``n`` predicted labels, or None.
        ncols: panels per row (1–20).
        cmap: colour map for grey images (``"gray_r"``: ink is dark on white).
        title: a title above the grid.

    Returns:
        The Figure.

    Example:
        >>> import numpy as np
        >>> fig = image_grid(np.random.rand(4, 8, 8), labels=[0, 1, 2, 3], predictions=[0, 1, 2, 5])
    """
    array = _images(images)
    n = array.shape[0]
    label_list = _optional_labels(labels, "labels", n)
    prediction_list = _optional_labels(predictions, "predictions", n)
    ncols = as_int(ncols, "ncols", 1, 20)
    if not isinstance(cmap, str):
        raise TypeError(f"cmap must be the name of a matplotlib colour map such as 'gray_r', but got {describe(cmap)}.")
    title = as_str(title, "title", allow_none=True)
    ncols = min(ncols, n)
    nrows = math.ceil(n / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.4 * ncols, 1.5 * nrows + (0.4 if title else 0.0)),
                             squeeze=False)
    low, high = float(np.min(array)), float(np.max(array))
    for index, panel in enumerate(axes.flat):
        if index >= n:
            panel.set_axis_off()
            continue
        _frame_only(panel)
        panel.imshow(array[index], cmap=cmap, vmin=low, vmax=high if high > low else low + 1)
        text, colour = _panel_title(label_list[index], prediction_list[index])
        if text:
            panel.set_title(text, fontsize=9, color=colour, fontweight="bold" if colour == WRONG_COLOUR else "normal")
    if title:
        fig.suptitle(_with_error_count(title, label_list, prediction_list))
    fig.tight_layout()
    return fig


def _frame_only(panel: Axes) -> None:
    """No ticks or grid, but a thin light frame so that the canvas's extent is visible."""
    panel.set_xticks([])
    panel.set_yticks([])
    panel.grid(False)
    for spine in panel.spines.values():
        spine.set_visible(True)
        spine.set_color("0.75")
        spine.set_linewidth(0.8)


def _optional_labels(values: Any, name: str, n: int, unit: str = "image") -> list[Any]:
    if values is None:
        return [None] * n
    array = _labels(values, name)
    if array.shape[0] != n:
        raise ValueError(f"{name} must have one entry per {unit} ({n}), but got {array.shape[0]}.")
    return array.tolist()


def _with_error_count(title: str, labels: list[Any], predictions: list[Any]) -> str:
    if labels[0] is None or predictions[0] is None:
        return title
    wrong = sum(label != prediction for label, prediction in zip(labels, predictions))
    return f"{title} ({wrong} of {len(labels)} wrong)"


# --------------------------------------------------------------------------------------
# 1-D signals
# --------------------------------------------------------------------------------------


def signals(x: Any, y: Any = None, t: Any = None, n: int = 8, title: str | None = None) -> Figure:
    """Plot the first ``n`` 1-D signals (e.g. MNIST-1D), one panel each.

    Args:
        x: ``(m, length)`` array of signals (a single 1-D signal is allowed).
        y: ``m`` labels shown above the panels, or None.
        t: the ``length`` positions of the samples (MNIST-1D's ``t``); default ``0 … length-1``.
        n: how many signals to show (1–40).
        title: a title above the panels.

    Returns:
        The Figure.

    Example:
        >>> import numpy as np
        >>> fig = signals(np.random.randn(8, 40), y=np.arange(8))
    """
    array = as_array(x, "x", ndim=(1, 2))
    if array.ndim == 1:
        array = array[None, :]
    if array.shape[0] == 0 or array.shape[1] < 2:
        raise ValueError(f"x must hold at least one signal of at least 2 samples, but got shape {array.shape}.")
    n = min(as_int(n, "n", 1, 40), array.shape[0])
    label_list = _optional_labels(y, "y", array.shape[0], unit="signal")
    positions = np.arange(array.shape[1]) if t is None else as_array(t, "t", ndim=1)
    if positions.shape[0] != array.shape[1]:
        raise ValueError(f"t must have one position per sample ({array.shape[1]}), but got {positions.shape[0]}.")
    title = as_str(title, "title", allow_none=True)
    ncols = min(n, 4)
    nrows = math.ceil(n / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.0 * ncols, 2.2 * nrows + (0.4 if title else 0.0)),
                             sharex=True, sharey=True, squeeze=False)
    for index, panel in enumerate(axes.flat):
        if index >= n:
            panel.set_axis_off()
            continue
        panel.plot(positions, array[index], color=OKABE_ITO[0], linewidth=1.5)
        if label_list[index] is not None:
            panel.set_title(f"label {label_list[index]}", fontsize=10)
        row, col = divmod(index, ncols)
        if row == nrows - 1 or index + ncols >= n:
            panel.set_xlabel("position")
        if col == 0:
            panel.set_ylabel("value")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------------------
# Training curves
# --------------------------------------------------------------------------------------

_VALIDATION_WORDS = ("val", "valid", "test", "dev")


def _history_columns(history: Any) -> dict[str, np.ndarray]:
    """Turn a dict of lists or a DataFrame into ``{name: 1-D float array}``, checking lengths."""
    if hasattr(history, "columns") and hasattr(history, "to_dict"):  # a DataFrame
        history = {str(column): history[column] for column in history.columns}
    if not isinstance(history, Mapping):
        raise TypeError(
            "history must be a dict such as {'train_loss': [...], 'val_loss': [...]} or a DataFrame, "
            f"but got {describe(history)}."
        )
    if not history:
        raise ValueError("history is empty: record at least one value per epoch, e.g. history['train_loss'].")
    columns: dict[str, np.ndarray] = {}
    for key, values in history.items():
        if not isinstance(key, str):
            raise TypeError(f"history keys must be strings such as 'train_loss', but got {describe(key)}.")
        array = as_array(values, f"history[{key!r}]", ndim=1, allow_nan=True).astype(float)
        if array.size == 0:
            raise ValueError(f"history[{key!r}] is empty: it needs one value per epoch.")
        columns[key] = array
    lengths = {key: array.size for key, array in columns.items()}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"Every history list needs one value per epoch, but the lengths differ: {lengths}.")
    return columns


def _warn_non_finite(columns: dict[str, np.ndarray], epochs: np.ndarray) -> None:
    for key, values in columns.items():
        bad = ~np.isfinite(values)
        if bad.any():
            first = epochs[np.argmax(bad)]
            hint = " the training diverged — try a smaller learning rate." if "loss" in key.lower() else ""
            warnings.warn(f"history[{key!r}] has NaN or infinite values from epoch {first:g} on:{hint}",
                          UserWarning, stacklevel=3)


def _panels(ax: Any, count: int) -> list[Axes]:
    if ax is None:
        _, axes = plt.subplots(1, count, figsize=(5.5 * count, 4.0), squeeze=False)
        return list(axes.flat)
    candidates = [ax] if isinstance(ax, Axes) else list(np.ravel(np.asarray(ax, dtype=object)))
    if not all(isinstance(candidate, Axes) for candidate in candidates):
        raise TypeError(f"ax must be a matplotlib Axes, a list of Axes, or None, but got {describe(ax)}.")
    if len(candidates) != count:
        raise ValueError(
            f"This history needs {count} Axes (losses and accuracies side by side) but ax holds {len(candidates)}. "
            "Pass ax=None, or two Axes such as plt.subplots(1, 2)[1]."
        )
    return candidates


def _plot_curves(panel: Axes, epochs: np.ndarray, columns: dict[str, np.ndarray], keys: list[str]) -> None:
    for index, key in enumerate(keys):
        is_validation = any(word in key.lower() for word in _VALIDATION_WORDS)
        panel.plot(epochs, columns[key], label=key, color=_colour(index), linestyle="--" if is_validation else "-",
                   marker="o" if epochs.size <= 30 else None, markersize=3)


def _mark_best_epoch(panel: Axes, epochs: np.ndarray, columns: dict[str, np.ndarray], loss_keys: list[str]) -> None:
    validation = [key for key in loss_keys if any(word in key.lower() for word in _VALIDATION_WORDS)]
    if not validation or not np.isfinite(columns[validation[0]]).any():
        return
    values = columns[validation[0]]
    best = epochs[int(np.nanargmin(np.where(np.isfinite(values), values, np.nan)))]
    panel.axvline(best, color="0.4", linestyle=":", linewidth=1, label=f"lowest {validation[0]} (epoch {best:g})")


def training_curves(
    history: Mapping[str, Sequence[float]] | Any,
    ax: Any = None,
    title: str | None = None,
) -> list[Axes]:
    """Plot losses (left panel) and accuracies or other metrics (right panel) by epoch.

    Keys containing ``"loss"`` go to the loss panel; the others (e.g. ``train_acc``,
    ``val_acc``) to the second panel. Validation curves (keys with ``val``, ``valid``,
    ``test`` or ``dev``) are dashed, and the epoch with the lowest validation loss is marked.
    An ``epoch`` key or column, if present, gives the x values. NaN or infinite values
    (a diverged training) are plotted as gaps and reported with a warning.

    Args:
        history: ``{"train_loss": [...], "val_loss": [...], "train_acc": [...], ...}``
            (one value per epoch) or a DataFrame with those columns.
        ax: ``None``, one Axes (when there is one panel) or a pair of Axes.
        title: a title above the panels.

    Returns:
        The list of Axes: ``[loss_axes, metric_axes]`` (or one of them).

    Example:
        >>> axes = training_curves({"train_loss": [1.0, 0.6, 0.4], "val_loss": [1.1, 0.8, 0.7]})
        >>> axes[0].get_ylabel()
        'loss'
    """
    columns = _history_columns(history)
    title = as_str(title, "title", allow_none=True)
    epochs = columns.pop("epoch", None)
    if not columns:
        raise ValueError("history holds only 'epoch': add the values to plot, e.g. history['train_loss'].")
    size = next(iter(columns.values())).size
    epochs = np.arange(1, size + 1, dtype=float) if epochs is None else epochs
    _warn_non_finite(columns, epochs)
    loss_keys = [key for key in columns if "loss" in key.lower()]
    metric_keys = [key for key in columns if key not in loss_keys]
    groups = [group for group in (loss_keys, metric_keys) if group]
    panels = _panels(ax, len(groups))
    for panel, keys in zip(panels, groups):
        _plot_curves(panel, epochs, columns, keys)
        is_loss = keys is loss_keys
        if is_loss:
            _mark_best_epoch(panel, epochs, columns, loss_keys)
        is_accuracy = all("acc" in key.lower() for key in keys)
        panel.set_ylabel("loss" if is_loss else ("accuracy" if is_accuracy else "metric"))
        panel.set_title("Loss" if is_loss else ("Accuracy" if is_accuracy else "Metrics"))
        panel.set_xlabel("epoch")
        panel.legend(fontsize="small")
    if title:
        panels[0].figure.suptitle(title)
    return panels


# --------------------------------------------------------------------------------------
# Learning curves
# --------------------------------------------------------------------------------------

#: Line styles of the models in :func:`learning_curves` (with the colours and markers, so that
#: colour is never the only cue).
LINE_STYLES = ("-", "--", "-.", ":")

BAND_CHOICES = (None, "range", "std")
_BAND_TEXT = {"range": "band: lowest to highest run", "std": "band: ± 1 standard deviation"}
#: seaborn's ``errorbar`` for each band: the 0–100 percentile interval, the standard deviation.
_BAND_ERRORBAR = {None: None, "range": ("pi", 100), "std": ("sd", 1)}


def _curve_sizes(sizes: Any, log_x: bool) -> np.ndarray:
    """The training-set sizes as a 1-D float array: at least two, increasing, positive for a log axis."""
    array = as_array(sizes, "sizes", ndim=1).astype(float)
    if array.size < 2:
        raise ValueError(f"sizes must hold at least two training-set sizes (a curve needs two points), "
                         f"but got {array.size}.")
    if not np.all(np.isfinite(array)):
        raise ValueError("sizes contains infinite values: pass numbers of training examples such as [100, 300, 1000].")
    if np.any(np.diff(array) <= 0):
        raise ValueError(f"sizes must increase from left to right, e.g. [100, 300, 1000], but got {array.tolist()}.")
    if log_x and array[0] <= 0:
        raise ValueError(f"sizes must be positive for a log-scale x axis, but got {array[0]:g}; "
                         "pass log_x=False or drop the size 0.")
    return array


def _curve_scores(scores_by_model: Any, n_sizes: int) -> dict[str, np.ndarray]:
    """``{name: (runs, n_sizes) float array}``, with errors that say how to fix the input."""
    if not isinstance(scores_by_model, Mapping):
        raise TypeError("scores_by_model must be a dict such as {'gradient boosting': scores, 'MLP': scores}, "
                        f"but got {describe(scores_by_model)}.")
    if not scores_by_model:
        raise ValueError("scores_by_model is empty: pass at least one model's scores.")
    if len(scores_by_model) > len(OKABE_ITO):
        raise ValueError(f"scores_by_model holds {len(scores_by_model)} models; learning_curves draws at most "
                         f"{len(OKABE_ITO)} on one plot.")
    curves: dict[str, np.ndarray] = {}
    for name, scores in scores_by_model.items():
        if not isinstance(name, str):
            raise TypeError(f"scores_by_model keys must be model names (strings), but got {describe(name)}.")
        array = as_array(scores, f"scores_by_model[{name!r}]", ndim=(1, 2)).astype(float)
        if array.ndim == 1:
            array = array[None, :]
        if array.shape[1] != n_sizes:
            transposed = (" It looks transposed: use one row per run and one column per size (.T)."
                          if array.shape[0] == n_sizes else "")
            raise ValueError(
                f"scores_by_model[{name!r}] has shape {array.shape}, but there are {n_sizes} sizes: pass "
                f"shape (runs, {n_sizes}) — one row per run (repeat or fold), one column per size — "
                f"or ({n_sizes},) for a single run.{transposed}"
            )
        if not np.all(np.isfinite(array)):
            raise ValueError(f"scores_by_model[{name!r}] contains infinite values: check the scores.")
        curves[name] = array
    return curves


def learning_curves(
    sizes: Any,
    scores_by_model: Mapping[str, Any],
    ax: Axes | None = None,
    log_x: bool = True,
    title: str | None = None,
    band: str | None = "range",
    crossover: float | None = None,
    ylabel: str = "test accuracy",
) -> Axes:
    """Plot learning curves: a model's score against the number of training examples.

    Each model gets its mean score over the runs (repeats with other subsets and seeds, or
    cross-validation folds) as a line with markers, and a shaded band that shows how much the
    runs differ (both drawn by seaborn's ``lineplot``). Models differ by colour (Okabe–Ito),
    marker shape and line style. A training size can be marked with a vertical line, e.g. the
    crossover where one model overtakes another (computed elsewhere: this function only draws it).

    Args:
        sizes: the training-set sizes, increasing, e.g. ``[100, 300, 1000, 3000]``.
        scores_by_model: ``{model name: scores}`` with scores of shape ``(runs, len(sizes))``
            — one row per run, one column per size — or ``(len(sizes),)`` for a single run;
            at most 8 models.
        ax: Axes to draw on; ``None`` makes a new figure.
        log_x: a logarithmic x axis (the usual choice: each step multiplies the data), ticks at
            the sizes.
        title: a title for the Axes.
        band: ``"range"`` shades from the lowest to the highest run, ``"std"`` the mean ± one
            standard deviation of the runs (the sample's, ``ddof=1``), ``None`` draws no band
            (nor is one drawn for a single run).
        crossover: a training size to mark with a dotted vertical line, or ``None``.
        ylabel: the label of the y axis (the score).

    Returns:
        The Axes.

    Example:
        >>> scores = {"trees": [[0.80, 0.86, 0.90], [0.78, 0.88, 0.91]],
        ...           "network": [[0.70, 0.85, 0.93], [0.72, 0.83, 0.94]]}
        >>> ax = learning_curves([100, 1000, 10000], scores, crossover=3000)
        >>> ax.get_xlabel()
        'training examples (log scale)'
    """
    log_x = as_bool(log_x, "log_x")
    x = _curve_sizes(sizes, log_x)
    curves = _curve_scores(scores_by_model, x.size)
    as_choice(band, "band", BAND_CHOICES)
    title = as_str(title, "title", allow_none=True)
    as_str(ylabel, "ylabel")
    if crossover is not None:
        crossover = as_float(crossover, "crossover")
        if log_x and crossover <= 0:
            raise ValueError(f"crossover must be a positive training size on a log-scale axis, but got {crossover:g}.")
    ax = _new_axes(ax, figsize=(6.5, 4.5))

    import seaborn as sns

    runs = sorted({array.shape[0] for array in curves.values()})
    for index, (name, array) in enumerate(curves.items()):
        sns.lineplot(x=np.tile(x, array.shape[0]), y=array.ravel(), ax=ax, label=name,  # mean over the runs
                     errorbar=_BAND_ERRORBAR[band] if array.shape[0] > 1 else None,
                     err_kws={"alpha": 0.2, "linewidth": 0}, color=_colour(index), marker=_marker(index),
                     linestyle=LINE_STYLES[index % len(LINE_STYLES)], linewidth=2, markersize=6)
    if crossover is not None:
        ax.axvline(crossover, color="0.3", linestyle=":", linewidth=1.5, label=f"crossover ≈ {crossover:,.0f}")
    if log_x:
        ax.set_xscale("log")
        ax.set_xticks(x)
        ax.set_xticklabels([f"{size:,.0f}" if size >= 1 else f"{size:g}" for size in x])
        ax.minorticks_off()
    ax.set_xlabel("training examples" + (" (log scale)" if log_x else ""))
    ax.set_ylabel(ylabel)
    legend_title = None
    if band is not None and runs[-1] > 1:
        count = f"{runs[0]} runs" if len(runs) == 1 else f"{runs[0]}–{runs[-1]} runs"
        legend_title = f"mean of {count}; {_BAND_TEXT[band]}"
    ax.legend(title=legend_title, fontsize="small", title_fontsize="small", loc="best")
    if title is not None:
        ax.set_title(title)
    return ax


# --------------------------------------------------------------------------------------
# Score distributions
# --------------------------------------------------------------------------------------

MAX_MODELS_FOR_DISTRIBUTION = 12


def _distribution_scores(scores_by_model: Any) -> dict[str, np.ndarray]:
    """``{name: 1-D float array}`` from a dict of scores or a DataFrame (one column per model)."""
    if hasattr(scores_by_model, "columns") and hasattr(scores_by_model, "items"):  # a DataFrame
        scores_by_model = dict(scores_by_model.items())
    if not isinstance(scores_by_model, Mapping):
        raise TypeError("scores_by_model must be a dict such as {'logistic regression': fold_scores, "
                        f"'forest': fold_scores}} or a DataFrame with one column per model, but got "
                        f"{describe(scores_by_model)}.")
    if not scores_by_model:
        raise ValueError("scores_by_model is empty: pass at least one model's scores.")
    if len(scores_by_model) > MAX_MODELS_FOR_DISTRIBUTION:
        raise ValueError(f"scores_by_model holds {len(scores_by_model)} models; score_distribution draws at most "
                         f"{MAX_MODELS_FOR_DISTRIBUTION} (one row each): pass the ones to compare.")
    scores: dict[str, np.ndarray] = {}
    for name, values in scores_by_model.items():
        if not isinstance(name, str):
            raise TypeError(f"scores_by_model keys must be model names (strings), but got {describe(name)}.")
        array = as_array(values, f"scores_by_model[{name!r}]", ndim=1).astype(float)
        if array.size == 0:
            raise ValueError(f"scores_by_model[{name!r}] is empty: pass one score per fold or seed.")
        if not np.all(np.isfinite(array)):
            raise ValueError(f"scores_by_model[{name!r}] contains infinite values: check the scores.")
        scores[name] = array
    return scores


def score_distribution(
    scores_by_model: Mapping[str, Any] | Any,
    ax: Axes | None = None,
    *,
    xlabel: str = "score",
    title: str | None = None,
) -> Axes:
    """Show how a score varies over folds or seeds: one row per model, a box and every run.

    Each model's row is a seaborn box plot (the line in the box is the median; the box holds
    the middle half of the runs; the whiskers reach the rest, up to 1.5 box lengths) with every
    fold or seed drawn on it as a point (a seaborn swarm plot: points side by side, never
    hidden behind each other). Rows keep the order of ``scores_by_model``, top to bottom, and
    differ by colour and marker shape. Only draws: print the means and compare models with
    :func:`utils.stats.paired_comparison` when the runs are paired (the same folds or seeds).

    Args:
        scores_by_model: ``{model name: scores}``, one score per fold or seed (1-D; models may
            have different numbers of runs), or a DataFrame with one column per model; at most
            12 models.
        ax: Axes to draw on; ``None`` makes a new figure.
        xlabel: what the scores are, e.g. ``"accuracy (5-fold CV)"``.
        title: a title for the Axes.

    Returns:
        The Axes.

    Example:
        >>> ax = score_distribution({"tree": [0.81, 0.84, 0.79, 0.86, 0.80],
        ...                          "forest": [0.88, 0.90, 0.86, 0.91, 0.87]}, xlabel="accuracy (5-fold CV)")
        >>> [label.get_text() for label in ax.get_yticklabels()]
        ['tree', 'forest']
    """
    import pandas as pd
    import seaborn as sns

    scores = _distribution_scores(scores_by_model)
    xlabel = as_str(xlabel, "xlabel")
    title = as_str(title, "title", allow_none=True)
    ax = _new_axes(ax, figsize=(6.5, 1.0 + 0.6 * len(scores)))
    names = list(scores)
    long = pd.DataFrame({"model": [name for name in names for _ in scores[name]],
                         "score": np.concatenate(list(scores.values()))})
    palette = {name: _colour(index) for index, name in enumerate(names)}
    with warnings.catch_warnings():  # seaborn 0.13 passes matplotlib 3.10+ a deprecated argument
        warnings.filterwarnings("ignore", message=r"vert: bool was deprecated", category=DeprecationWarning)
        sns.boxplot(data=long, x="score", y="model", order=names, hue="model", hue_order=names, palette=palette,
                    ax=ax, width=0.5, whis=1.5, showfliers=False, fill=False, linewidth=1.2, legend=False)
    for index, name in enumerate(names):  # one call per model: seaborn gives one marker per call
        sns.swarmplot(data=long[long["model"] == name], x="score", y="model", order=names, color=_colour(index),
                      marker=_marker(index), edgecolor="black", linewidth=0.4, size=6, ax=ax, legend=False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    ax.grid(False, axis="y")
    if title is not None:
        ax.set_title(title)
    return ax


# --------------------------------------------------------------------------------------
# Accuracy against cost
# --------------------------------------------------------------------------------------

#: Colour and marker of each family of models in :func:`accuracy_vs_cost`.
FAMILY_STYLES = {"classical ML": (OKABE_ITO[0], "o"), "deep learning": (OKABE_ITO[3], "s")}
_OTHER_FAMILY_STYLE = (OKABE_ITO[7], "^")


def _cost_frame(table: Any) -> "pandas.DataFrame":  # noqa: F821
    import pandas as pd

    if isinstance(table, pd.DataFrame):
        return table.reset_index(drop=True)
    if isinstance(table, Sequence) and not isinstance(table, (str, bytes)) and table \
            and all(isinstance(row, Mapping) for row in table):
        return pd.DataFrame([dict(row) for row in table])
    raise TypeError("table must be the rows of cost.profile (a list of dicts), cost.table(rows) or "
                    f"scorecard.load() (a DataFrame), but got {describe(table)}.")


def _column(frame: Any, wanted: str, labels: Mapping[str, str], what: str) -> str:
    """The column of ``frame`` named ``wanted`` or labelled so (cost.table renames columns)."""
    for candidate in (wanted, labels.get(wanted), *(raw for raw, label in labels.items() if label == wanted)):
        if candidate is not None and candidate in frame.columns:
            return candidate
    costs = [raw for raw in labels if raw in frame.columns or labels[raw] in frame.columns]
    raise ValueError(f"table has no {what} column {wanted!r}; it has: {', '.join(map(str, costs)) or 'none'}.")


def accuracy_vs_cost(
    table: Any,
    cost: str = "latency_p50_ms",
    *,
    ax: Axes | None = None,
    log_cost: bool = True,
    labels: bool = True,
    title: str | None = None,
) -> Figure:
    """The accuracy–cost chart: one point per model, accuracy against one cost.

    Classical ML and deep learning differ by colour *and* marker (blue circles, vermillion
    squares); each point is labelled with its model's name. The cost axis is logarithmic by
    default, because costs of models differ by orders of magnitude. A note in the corner says
    which way is better (up and to the left for a cost, up and to the right for throughput).

    Args:
        table: rows from ``cost.profile`` (a list of dicts or a DataFrame of them),
            ``cost.table(rows)`` or ``scorecard.load()``: columns ``model``, ``family``, the
            score (``score`` or ``accuracy``) and the cost.
        cost: the cost column, e.g. ``"latency_p50_ms"``, ``"fit_time_s"``, ``"size_bytes"``,
            ``"energy_j"``, ``"throughput_per_s"`` (or its label in ``cost.table``, e.g.
            ``"latency p50 (ms)"``). Rows without a value are left out, with a warning.
        ax: Axes to draw on; ``None`` makes a new figure.
        log_cost: a logarithmic cost axis (needs positive costs).
        labels: write each model's name beside its point.
        title: default "Accuracy against <cost>".

    Returns:
        The Figure.

    Example:
        >>> rows = [{"model": "forest", "family": "classical ML", "score": 0.91, "latency_p50_ms": 0.9},
        ...         {"model": "MLP", "family": "deep learning", "score": 0.93, "latency_p50_ms": 0.05}]
        >>> fig = accuracy_vs_cost(rows)
        >>> fig.axes[0].get_xscale()
        'log'
    """
    from ._validation import as_bool, as_str
    from .cost import COST_LABELS

    frame = _cost_frame(table)
    cost = as_str(cost, "cost", non_empty=True)
    log_cost = as_bool(log_cost, "log_cost")
    labels = as_bool(labels, "labels")
    title = as_str(title, "title", allow_none=True)
    cost_labels = {raw: label for raw, label in COST_LABELS.items() if raw != "score"}
    cost_column = _column(frame, cost, cost_labels, "cost")
    score_column = _column(frame, "score", {"score": "accuracy"}, "score")
    for needed in ("model", "family"):
        if needed not in frame.columns:
            raise ValueError(f"table has no {needed!r} column: pass the rows of cost.profile or scorecard.load().")
    import pandas as pd

    values = pd.to_numeric(frame[cost_column], errors="coerce")
    scores = pd.to_numeric(frame[score_column], errors="coerce")
    missing = values.isna() | scores.isna()
    if missing.all():
        raise ValueError(f"No row has both a score and a {cost_column!r} value: measure the models with "
                         "cost.profile first.")
    if missing.any():
        warnings.warn(f"Left out (no {cost_column!r} or score): {', '.join(map(str, frame['model'][missing]))}.",
                      UserWarning, stacklevel=2)
    raw = next((r for r, label in cost_labels.items() if cost_column in (r, label)), cost_column)
    axis_label = cost_labels.get(raw, str(cost_column))
    if raw == "size_bytes" and cost_column == raw:  # raw bytes, not cost.table's kB
        axis_label = "size (bytes)"
    if log_cost and (values[~missing] <= 0).any():
        raise ValueError(f"{cost_column!r} has zero or negative values, which a log-scale axis cannot show: "
                         "pass log_cost=False.")
    ax = _new_axes(ax, figsize=(6.5, 4.5))
    for family, group in frame[~missing].groupby("family", sort=True):
        colour, marker = FAMILY_STYLES.get(str(family), _OTHER_FAMILY_STYLE)
        ax.scatter(values[group.index], scores[group.index], color=colour, marker=marker, s=60,
                   edgecolors="black", linewidths=0.5, label=str(family), zorder=3)
        if labels:
            for index in group.index:
                ax.annotate(str(frame.at[index, "model"]), (values[index], scores[index]), xytext=(5, 4),
                            textcoords="offset points", fontsize="small")
    if log_cost:
        ax.set_xscale("log")
    ax.margins(x=0.12, y=0.08)  # room for the labels
    ax.set_xlabel(axis_label + (" — log scale" if log_cost else ""))
    metric = str(frame["metric"].dropna().iloc[0]) if "metric" in frame.columns and frame["metric"].notna().any() \
        else "accuracy"
    ax.set_ylabel(metric if score_column in ("score", "accuracy") else str(score_column))
    better = "better: up and to the right" if raw == "throughput_per_s" else "better: up and to the left"
    ax.text(0.99 if raw == "throughput_per_s" else 0.01, 0.02, better, transform=ax.transAxes, fontsize="small",
            color="0.35", ha="right" if raw == "throughput_per_s" else "left", va="bottom")
    ax.legend(title="family", fontsize="small", title_fontsize="small", loc="best")
    ax.set_title(title if title is not None else f"Accuracy against {axis_label}")
    return ax.figure
