"""Explaining models, ML and DL: thin bridges to the field's tools, and a test of the explanations.

Any fitted tabular model (a scikit-learn estimator or ``Pipeline``, a skorch net):

* :func:`permutation_importance` — how much the score drops when one column is shuffled
  (scikit-learn's ``permutation_importance``, as a sorted table);
* :func:`partial_dependence` — the average effect of one or two features (PDP) and each row's
  own curve (ICE), drawn by scikit-learn's ``PartialDependenceDisplay``;
* :func:`shap_values` and :func:`shap_summary` — SHAP values (``shap``'s ``TreeExplainer`` for
  tree ensembles, its Kernel SHAP with a small background sample otherwise), drawn
  with matplotlib.

Any PyTorch network (inputs are moved to the model's device, results come back on the CPU):

* :func:`attribute` — saliency, integrated gradients or occlusion (Captum);
  :func:`integrated_gradients_delta` also returns how far the attributions are from
  completeness (they should add up to ``f(x) − f(baseline)``);
* :func:`plot_attributions` — the same picture for images and for 1-D signals;
* :func:`sanity_check` — Adebayo et al. (NeurIPS 2018): re-initialise the network's layers
  from the top and measure how similar each method's attributions stay. An explanation that
  does not change when the model is destroyed is not explaining the model.

Fairness of binary decisions (fairlearn's metrics underneath): :func:`group_metrics` (per
group: count, selection rate, true and false positive rates) and :func:`fairness_gaps`
(demographic parity and equalised-odds differences).

scikit-learn, PyTorch, Captum, SHAP and fairlearn are imported only by the functions that
need them; SHAP is optional (``pip install shap``). The Captum and SHAP plumbing lives in the
private modules ``utils._captum`` and ``utils._shap``.

Example::

    from utils import explain
    explain.permutation_importance(model, X_test, y_test)        # a table, largest first
    maps = explain.attribute(cnn, images, labels, "integrated_gradients")
    explain.plot_attributions(images, {"IG": maps})
    explain.sanity_check(cnn, images, labels, ["saliency", "integrated_gradients"])
"""

from __future__ import annotations

import copy
import warnings
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ._captum import (
    check_network,
    eval_mode,
    layers_with_parameters,
    occlusion_window,
    prepare,
    reinitialise,
    row_correlations,
    run_method,
)
from ._shap import (
    MAX_AGNOSTIC_ROWS,
    ShapResult,
    draw_bars,
    draw_beeswarm,
    kernel_result,
    numpy_random_state_kept,
    positive_class,
    require_shap,
    tree_explainer,
    tree_result,
)
from ._sklearn import fitted_status
from ._validation import as_array, as_choice, as_int, as_seed, describe, require_same_length, to_numpy

if TYPE_CHECKING:  # pragma: no cover - imported for type hints only
    import torch
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "METHODS",
    "permutation_importance",
    "partial_dependence",
    "ShapResult",
    "shap_values",
    "shap_summary",
    "attribute",
    "integrated_gradients_delta",
    "plot_attributions",
    "sanity_check",
    "group_metrics",
    "fairness_gaps",
]

#: The attribution methods of :func:`attribute`.
METHODS = ("saliency", "integrated_gradients", "occlusion")

#: Rows of :func:`plot_attributions` at most (one per example).
MAX_PLOTTED_EXAMPLES = 12


# --------------------------------------------------------------------------------------
# Tabular models: checks shared by the scikit-learn bridges
# --------------------------------------------------------------------------------------


def _is_torch_module(model: Any) -> bool:
    """Whether ``model`` is a ``torch.nn.Module``, without importing PyTorch."""
    return any(cls.__module__.startswith("torch.nn") and cls.__name__ == "Module" for cls in type(model).__mro__)


def _check_fitted(model: Any, task: str) -> None:
    """Raise a clear error unless ``model`` is a fitted scikit-learn-style model with ``predict``."""
    if _is_torch_module(model):
        raise TypeError(
            f"{task} needs a fitted scikit-learn-style model with .fit() and .predict(), but got the PyTorch "
            f"network {type(model).__name__}: wrap it in skorch (skorch.NeuralNetClassifier) or explain it "
            "with utils.explain.attribute()."
        )
    status = fitted_status(model, methods=("fit", "predict"))
    if status == "class":
        raise TypeError(
            f"model must be a fitted model *object*, but got the class {model.__name__}: "
            f"create and fit one first, e.g. model = {model.__name__}().fit(X_train, y_train)."
        )
    if status == "not an estimator":
        raise TypeError(f"model must be a fitted model with .fit() and .predict(), but got {describe(model)}.")
    if status == "not fitted":
        from sklearn.exceptions import NotFittedError

        raise NotFittedError(
            f"This {type(model).__name__} is not fitted yet: call model.fit(X_train, y_train) before {task}."
        )


def _check_table(X: Any, name: str = "X") -> Any:
    """A 2-D DataFrame (kept as it is) or a 2-D array with at least one row."""
    if isinstance(X, pd.DataFrame):
        table = X
    else:
        table = as_array(X, name, ndim=2)
    if len(table) == 0 or table.shape[1] == 0:
        raise ValueError(f"{name} is empty (shape {table.shape}): pass at least one row and one column.")
    return table


def _feature_names(X: Any) -> list[str]:
    """The DataFrame's column names, or ``x0``, ``x1``, … (scikit-learn's names) for an array."""
    columns = getattr(X, "columns", None)
    if columns is not None:
        return [str(column) for column in columns]
    return [f"x{i}" for i in range(X.shape[1])]


def _check_targets(y: Any, X: Any, name: str = "y") -> np.ndarray:
    """``y`` as a 1-D array with one target per row of ``X``."""
    if y is None or isinstance(y, (str, bytes, dict)):
        raise TypeError(f"{name} must be a 1-D array of targets, one per row of X, but got {describe(y)}.")
    array = to_numpy(y)
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one target per row of X), but got shape {array.shape}.")
    require_same_length(X, "X", array, name)
    return array


# --------------------------------------------------------------------------------------
# Permutation importance and partial dependence (scikit-learn)
# --------------------------------------------------------------------------------------


def permutation_importance(
    model: Any,
    X: Any,
    y: Any,
    *,
    n_repeats: int = 10,
    scoring: Any = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """How much a fitted model's score drops when each feature is shuffled, largest first.

    ``sklearn.inspection.permutation_importance`` underneath: each column of ``X`` in turn is
    permuted ``n_repeats`` times (breaking its link with ``y``), and the score's drop is
    recorded. Use **held-out data** (a test split the model never saw): on training data the
    importances reflect what the model memorised, not what generalises. That split is the
    caller's job. Two strongly correlated features share their importance (shuffling one
    leaves the other to carry the information), so both can look unimportant.

    Args:
        model: a fitted scikit-learn estimator or ``Pipeline``, or a fitted skorch net.
        X: held-out features (DataFrame or 2-D array).
        y: the matching targets.
        n_repeats: permutations per feature (1–1000).
        scoring: ``None`` (the model's own ``score``: accuracy, R²), a scorer name such as
            ``"roc_auc"`` or a scorer callable.
        random_state: seed of the permutations.

    Returns:
        A DataFrame with columns ``feature``, ``importance_mean`` and ``importance_std``
        (over the repeats), sorted by ``importance_mean``, largest first.

    Example:
        >>> from sklearn.datasets import load_iris
        >>> from sklearn.tree import DecisionTreeClassifier
        >>> X, y = load_iris(return_X_y=True, as_frame=True)
        >>> tree = DecisionTreeClassifier(max_depth=2, random_state=0).fit(X, y)
        >>> table = permutation_importance(tree, X, y, n_repeats=3)
        >>> table["feature"].iloc[0].startswith("petal"), list(table.columns)
        (True, ['feature', 'importance_mean', 'importance_std'])
    """
    _check_fitted(model, "computing permutation importance")
    X = _check_table(X)
    y = _check_targets(y, X)
    n_repeats = as_int(n_repeats, "n_repeats", 1, 1000)
    random_state = as_seed(random_state, "random_state")
    scoring = _check_scoring(scoring)
    from sklearn.inspection import permutation_importance as sklearn_permutation_importance

    result = sklearn_permutation_importance(
        model, X, y, n_repeats=n_repeats, scoring=scoring, random_state=random_state
    )
    table = pd.DataFrame({
        "feature": _feature_names(X),
        "importance_mean": result.importances_mean,
        "importance_std": result.importances_std,
    })
    return table.sort_values("importance_mean", ascending=False, kind="stable").reset_index(drop=True)


def _check_scoring(scoring: Any) -> Any:
    """``None``, a callable, or a scorer name scikit-learn knows (with close names suggested)."""
    if scoring is None or callable(scoring):
        return scoring
    if not isinstance(scoring, str):
        raise TypeError(
            f"scoring must be None, a scorer name such as 'accuracy' or a callable, but got {describe(scoring)}."
        )
    from sklearn.metrics import get_scorer_names

    names = get_scorer_names()
    if scoring not in names:
        close = [name for name in names if scoring.lower() in name or name in scoring.lower()][:6]
        raise ValueError(
            f"scoring={scoring!r} is not a scikit-learn scorer name"
            + (f"; did you mean one of: {', '.join(close)}?" if close else "; see sklearn.metrics.get_scorer_names().")
        )
    return scoring


def _check_features(features: Any, X: Any) -> list[Any]:
    """The features to plot: names (DataFrame columns) or column indices, or pairs of them."""
    names = _feature_names(X)
    if isinstance(features, (str, int, np.integer)):
        features = [features]
    if not isinstance(features, (list, tuple)) or not features:
        raise TypeError(
            f"features must be a column name or index, or a non-empty list of them, but got {describe(features)}."
        )

    def check_one(feature: Any) -> Any:
        if isinstance(feature, (int, np.integer)) and not isinstance(feature, bool):
            if not 0 <= feature < len(names):
                raise ValueError(
                    f"feature index {feature} is out of range: X has {len(names)} columns (0–{len(names) - 1})."
                )
            return int(feature)
        if isinstance(feature, str):
            if not isinstance(X, pd.DataFrame):
                raise TypeError(
                    f"feature {feature!r} is a name, but X has no column names: pass a DataFrame or column indices."
                )
            if feature not in names:
                raise ValueError(f"feature {feature!r} is not a column of X. Its columns are: {', '.join(names)}.")
            return feature
        raise TypeError(
            f"each feature must be a column name or index (or a pair of them), but got {describe(feature)}."
        )

    checked: list[Any] = []
    for feature in features:
        if isinstance(feature, tuple):
            if len(feature) != 2:
                raise ValueError(f"a pair of features for a 2-D plot has 2 entries, but got {feature!r}.")
            checked.append(tuple(check_one(f) for f in feature))
        else:
            checked.append(check_one(feature))
    return checked


def partial_dependence(
    model: Any,
    X: Any,
    features: Any,
    *,
    kind: str = "both",
    ax: Axes | None = None,
    target: Any = None,
) -> Figure:
    """Partial dependence (the average prediction as one feature varies) and ICE curves.

    ``sklearn.inspection.PartialDependenceDisplay.from_estimator`` underneath. Each ICE line
    is one row of ``X`` with that feature moved over a grid; the partial dependence is their
    average. ICE shows what the average hides (opposite effects in two groups, interactions).
    ICE lines are drawn for 100 rows at most (chosen with a fixed seed); the average uses all
    rows. For a classifier the curves show the predicted probability of the positive class
    (or of ``target`` for more than two classes).

    Args:
        model: a fitted scikit-learn estimator or ``Pipeline`` (or skorch net).
        X: the rows to average over (DataFrame or 2-D array).
        features: a column name or index, or a list of them; a pair ``(a, b)`` draws a 2-D
            partial dependence (``kind="average"`` only).
        kind: ``"average"`` (PDP), ``"individual"`` (ICE) or ``"both"``.
        ax: a matplotlib Axes to draw in (split into one panel per feature), or ``None``
            for a new figure.
        target: the class to show for a multi-class classifier.

    Returns:
        The matplotlib Figure.
    """
    _check_fitted(model, "plotting partial dependence")
    X = _check_table(X)
    features = _check_features(features, X)
    kind = as_choice(kind, "kind", ("average", "individual", "both"))
    if kind != "average" and any(isinstance(f, tuple) for f in features):
        raise ValueError(
            "A pair of features draws a 2-D partial dependence, which has no ICE lines: use kind='average'."
        )
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes as _Axes
    from sklearn.inspection import PartialDependenceDisplay

    if ax is None:
        _, ax = plt.subplots(figsize=(min(4.0 * len(features), 16.0), 3.6))
    elif not isinstance(ax, _Axes):
        raise TypeError(f"ax must be a matplotlib Axes or None, but got {describe(ax)}.")
    display = PartialDependenceDisplay.from_estimator(
        model, X, features, kind=kind, ax=ax, target=target, subsample=min(100, len(X)), random_state=0,
    )
    return display.figure_


# --------------------------------------------------------------------------------------
# SHAP
# --------------------------------------------------------------------------------------


def shap_values(
    model: Any,
    X: Any,
    *,
    background: Any = None,
    max_background: int = 100,
    random_state: int = 0,
) -> ShapResult:
    """SHAP values of a fitted model on the rows of ``X``.

    * **Tree ensembles** (decision trees, random forests, gradient boosting, scikit-learn's
      histogram boosting, XGBoost, LightGBM) on numeric columns get ``shap.TreeExplainer``:
      exact and fast, with the trees' own statistics of the training data ("tree path
      dependent"; ``background`` is not used — shap 0.51's "interventional" Tree SHAP fails
      its own additivity check on scikit-learn's forest and histogram-boosting
      classifiers). The values are in the trees' raw output (log-odds for boosted
      classifiers, probabilities for forests), and are checked to add up to the model's own
      output (histogram boosting with native categorical features fails that: shap misreads
      its categorical splits, so such a model is explained like any other model).
    * **Any other model** (a ``Pipeline``, an MLP, a skorch net …) gets shap's
      model-agnostic ``KernelExplainer`` on ``predict_proba`` (classifiers) or ``predict``:
      a "missing" feature takes the values of at most ``max_background`` background rows
      (sampled with ``random_state``). With up to 11 columns every coalition of features is
      evaluated (exact for that background); with more, 2,048 + 2 × columns coalitions are
      sampled. Non-numeric columns (e.g. categories a ``Pipeline`` one-hot encodes) are
      explained as whole columns. The cost grows with rows × coalitions × background rows,
      so explain a sample (at most :data:`MAX_AGNOSTIC_ROWS` rows). shap's automatic
      choice is never used: it may pick its exact explainer, slow on many features, and its
      permutation explainer spends several seconds compiling (numba) on first use.

    For a binary classifier the values are for the positive class (``classes_[1]``).
    NumPy's global random state is left as it was.

    Args:
        model: a fitted scikit-learn estimator or ``Pipeline``, or a skorch net.
        X: the rows to explain (DataFrame or 2-D array).
        background: for the model-agnostic explainer, rows that stand for "a typical
            input" (usually the training set); ``None`` uses ``X`` itself.
        max_background: background rows used at most (1–1000), sampled when there are more.
        random_state: seed of the background sample and of the coalitions sampled (more than
            11 columns).

    Returns:
        A :class:`ShapResult`.

    Example:
        >>> from sklearn.datasets import load_diabetes
        >>> from sklearn.ensemble import RandomForestRegressor
        >>> X, y = load_diabetes(return_X_y=True, as_frame=True)
        >>> forest = RandomForestRegressor(n_estimators=20, max_depth=4, random_state=0).fit(X, y)
        >>> result = shap_values(forest, X.iloc[:50])
        >>> result.values.shape, result.explainer
        ((50, 10), 'tree')
    """
    _check_fitted(model, "computing SHAP values")
    X = _check_table(X)
    max_background = as_int(max_background, "max_background", 1, 1000)
    random_state = as_seed(random_state, "random_state")
    names = _feature_names(X)
    frame = X if isinstance(X, pd.DataFrame) else pd.DataFrame(X, columns=names)
    if background is not None:
        background = _check_table(background, "background")
        if background.shape[1] != frame.shape[1]:
            raise ValueError(
                f"background must have the columns of X ({frame.shape[1]}), but has {background.shape[1]}."
            )
        if not isinstance(background, pd.DataFrame):
            background = pd.DataFrame(background, columns=names)
    shap = require_shap()
    classes = positive_class(model)
    with numpy_random_state_kept(), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*(feature names|tqdm).*")
        tree = tree_explainer(shap, model, frame)
        result = None if tree is None else tree_result(model, tree, frame, names, classes)
        if result is not None:
            return result
        array_dtype = None if isinstance(X, pd.DataFrame) else X.dtype  # the model was fitted on an array
        return kernel_result(shap, model, frame, names, classes, background, max_background, random_state, array_dtype)


def shap_summary(result: ShapResult, ax: Axes | None = None) -> Figure:
    """A summary plot of SHAP values, drawn with matplotlib (no JavaScript, nothing fetched).

    Features are sorted by mean absolute SHAP value, largest at the top. For a single output
    each row's value is a dot, coloured by the feature's value (``viridis``: purple = low,
    yellow = high; grey for non-numeric columns) — a "beeswarm". For several classes, bars
    show the mean absolute value per class.

    Args:
        result: what :func:`shap_values` returned.
        ax: a matplotlib Axes, or ``None`` for a new figure.

    Returns:
        The matplotlib Figure.
    """
    if not isinstance(result, ShapResult):
        raise TypeError(
            f"result must be the ShapResult that utils.explain.shap_values() returns, but got {describe(result)}."
        )
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes as _Axes

    order = [result.feature_names.index(name) for name in result.importance().index][::-1]  # largest on top
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 0.9 + 0.35 * len(order)))
    elif not isinstance(ax, _Axes):
        raise TypeError(f"ax must be a matplotlib Axes or None, but got {describe(ax)}.")
    if result.values.ndim == 3:
        draw_bars(ax, result, order)
    else:
        draw_beeswarm(ax, result, order)
    ax.set_yticks(range(len(order)), [result.feature_names[j] for j in order])
    ax.set_title(f"SHAP values ({result.explainer} explainer)")
    ax.figure.tight_layout()
    return ax.figure


# --------------------------------------------------------------------------------------
# PyTorch networks: attributions (Captum)
# --------------------------------------------------------------------------------------


def attribute(
    model: Any,
    inputs: Any,
    target: Any,
    method: str,
    *,
    baseline: Any = None,
    n_steps: int = 50,
    window: Any = None,
) -> torch.Tensor:
    """Attribution maps of a PyTorch network's output for ``target``, with Captum.

    * ``"saliency"`` — the absolute gradient of the target's output with respect to each
      input value (Simonyan et al., 2014): how sensitive the output is, locally.
    * ``"integrated_gradients"`` — the gradient averaged along the straight path from
      ``baseline`` to the input, times ``input − baseline`` (Sundararajan et al., 2017);
      the attributions add up to ``f(input) − f(baseline)`` (see
      :func:`integrated_gradients_delta`).
    * ``"occlusion"`` — the drop of the output when a window of the input is replaced by
      ``baseline`` (Zeiler & Fergus, 2014), averaged over the windows covering each value.
      Windows move by half their size.

    The model is put in eval mode during the computation (its mode is restored after), the
    inputs are moved to the model's device, and the result comes back on the CPU.

    Args:
        model: a PyTorch network returning ``(N, outputs)`` (or ``(N,)``).
        inputs: a batch ``(N, ...)``: e.g. images ``(N, 1, H, W)`` or signals ``(N, L)``.
        target: the output (class) to explain: an int for all examples, or one per example
            (e.g. the labels); ``None`` for a model with a single output.
        method: ``"saliency"``, ``"integrated_gradients"`` or ``"occlusion"``.
        baseline: the reference input for integrated gradients and occlusion: ``None``
            (zeros: a black image, a flat signal), a number, or an array of one example's shape.
        n_steps: integration steps of integrated gradients.
        window: occlusion window: an int (side along each dimension), a tuple of sizes, or
            ``None`` (about an eighth of each side). A 3-D example ``(C, H, W)`` is occluded
            across all channels.

    Returns:
        A CPU tensor of the inputs' shape.

    Example:
        >>> import torch
        >>> linear = torch.nn.Linear(3, 2)
        >>> with torch.no_grad():
        ...     _ = linear.weight.copy_(torch.tensor([[1.0, -2.0, 0.5], [0.0, 1.0, 0.0]]))
        >>> attribute(linear, torch.ones(1, 3), 0, "saliency")
        tensor([[1.0000, 2.0000, 0.5000]])
    """
    method = as_choice(method, "method", METHODS)
    x, target, baseline, n_steps = prepare(model, inputs, target, baseline, n_steps)
    if method == "occlusion":
        occlusion_window(window, tuple(x.shape[1:]))  # check before computing
    with eval_mode(model):
        maps = run_method(model, x, target, method, baseline, n_steps, window)
    return maps.detach().cpu()


def integrated_gradients_delta(
    model: Any,
    inputs: Any,
    target: Any,
    *,
    baseline: Any = None,
    n_steps: int = 50,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Integrated gradients and their convergence delta, to check completeness.

    Completeness: the attributions of one example add up to ``f(input) − f(baseline)`` (for
    the target output). Captum approximates the path integral with ``n_steps`` points; the
    delta is ``sum(attributions) − (f(input) − f(baseline))`` per example: near zero when the
    approximation is good, smaller with more steps.

    Args:
        model, inputs, target, baseline, n_steps: as in :func:`attribute`.

    Returns:
        ``(attributions, delta)``: CPU tensors of the inputs' shape and ``(N,)``.
    """
    x, target, baseline, n_steps = prepare(model, inputs, target, baseline, n_steps)
    with eval_mode(model):
        maps, delta = run_method(model, x, target, "integrated_gradients", baseline, n_steps, None, return_delta=True)
    return maps.detach().cpu(), delta.detach().cpu()


# --------------------------------------------------------------------------------------
# Plotting attributions
# --------------------------------------------------------------------------------------


def _maps_by_method(maps: Any, shape: tuple[int, ...]) -> dict[str, np.ndarray]:
    """``{method name: float array}``, each of the inputs' shape (one unnamed map becomes ``"attribution"``)."""
    if not isinstance(maps, Mapping):
        maps = {"attribution": maps}
    if not maps:
        raise ValueError("maps is empty: pass an attribution tensor or a dict {method name: attributions}.")
    arrays = {}
    for name, value in maps.items():
        array = as_array(value, f"maps[{name!r}]")
        if array.shape != shape:
            raise ValueError(
                f"maps[{name!r}] must have the shape of inputs {shape}, but has shape {array.shape}."
            )
        arrays[str(name)] = array.astype(float)
    return arrays


def plot_attributions(
    inputs: Any,
    maps: Any,
    *,
    kind: str = "image",
    titles: Sequence[str] | None = None,
) -> Figure:
    """Inputs and their attribution maps side by side, the same way for images and signals.

    One row per example (at most :data:`MAX_PLOTTED_EXAMPLES`), one column for the input and
    one per method. Attributions are drawn in a diverging colour map (``RdBu_r``: red raises
    the target's output, blue lowers it, white is zero), each panel scaled to its own largest
    absolute value; channels are summed.

    * ``kind="image"``: examples ``(H, W)``, ``(1, H, W)`` or ``(3, H, W)``; the map is an
      image of the same size.
    * ``kind="signal"``: examples ``(L,)`` or ``(C, L)``; the signal is a line and the map
      colours the background under it, position by position.

    Args:
        inputs: the batch that was explained (tensor or array).
        maps: attributions of the inputs' shape, or a dict ``{method name: attributions}``.
        kind: ``"image"`` or ``"signal"``.
        titles: one title per example (e.g. ``"label 3, predicted 5"``).

    Returns:
        The matplotlib Figure.
    """
    import matplotlib.pyplot as plt

    kind = as_choice(kind, "kind", ("image", "signal"))
    x = as_array(inputs, "inputs").astype(float)
    by_method = _maps_by_method(maps, x.shape)
    allowed = (3, 4) if kind == "image" else (2, 3)
    if x.ndim not in allowed:
        expected = "(N, H, W) or (N, C, H, W)" if kind == "image" else "(N, L) or (N, C, L)"
        raise ValueError(f"For kind={kind!r}, inputs must have shape {expected}, but got shape {x.shape}.")
    if kind == "image" and x.ndim == 4 and x.shape[1] not in (1, 3):
        raise ValueError(f"Images must have 1 or 3 channels, but inputs have {x.shape[1]} (shape {x.shape}).")
    n = min(len(x), MAX_PLOTTED_EXAMPLES)
    if titles is not None:
        titles = [str(t) for t in titles]
        require_same_length(titles, "titles", x, "inputs")
    columns = 1 + len(by_method)
    fig, axes = plt.subplots(n, columns, figsize=(2.2 * columns if kind == "image" else 3.2 * columns, 2.0 * n),
                             squeeze=False)
    for i in range(n):
        _draw_input(axes[i, 0], x[i], kind)
        axes[i, 0].set_title(titles[i] if titles else f"example {i}", fontsize="small")
        for j, (name, values) in enumerate(by_method.items(), start=1):
            _draw_map(axes[i, j], x[i], values[i], kind)
            if i == 0:
                axes[i, j].set_title(name, fontsize="small")
    fig.suptitle("attributions: red raises the output, blue lowers it", fontsize="small")
    fig.tight_layout()
    return fig


def _draw_input(ax: Axes, example: np.ndarray, kind: str) -> None:
    """One input: a grey or colour image, or the signal's channels as lines."""
    if kind == "image":
        if example.ndim == 3 and example.shape[0] == 3:
            low, high = example.min(), example.max()
            ax.imshow(np.moveaxis((example - low) / (high - low if high > low else 1.0), 0, -1))
        else:
            ax.imshow(example.reshape(example.shape[-2:]), cmap="gray_r")
        ax.set_xticks([])
        ax.set_yticks([])
    else:
        for channel in np.atleast_2d(example):
            ax.plot(channel, color="black", linewidth=1.0)
        ax.set_xlabel("position", fontsize="x-small")


def _draw_map(ax: Axes, example: np.ndarray, values: np.ndarray, kind: str) -> None:
    """One attribution map, channels summed, in ``RdBu_r`` scaled to its largest absolute value."""
    if kind == "image":
        heat = values.sum(axis=0) if values.ndim == 3 else values
    else:
        heat = np.atleast_2d(values).sum(axis=0)
    limit = float(np.abs(heat).max()) or 1.0
    if kind == "image":
        ax.imshow(heat, cmap="RdBu_r", vmin=-limit, vmax=limit)
        ax.set_xticks([])
        ax.set_yticks([])
        return
    signal = np.atleast_2d(example)
    low, high = float(signal.min()), float(signal.max())
    pad = 0.05 * (high - low or 1.0)
    ax.imshow(heat[None, :], cmap="RdBu_r", vmin=-limit, vmax=limit, aspect="auto",
              extent=(-0.5, heat.size - 0.5, low - pad, high + pad))
    for channel in signal:
        ax.plot(channel, color="black", linewidth=1.0)
    ax.set_xlabel("position", fontsize="x-small")


# --------------------------------------------------------------------------------------
# Sanity check (Adebayo et al., 2018)
# --------------------------------------------------------------------------------------


def sanity_check(
    model: Any,
    inputs: Any,
    target: Any,
    methods: Any,
    *,
    mode: str = "cascade",
    similarity: str = "spearman",
    seed: int = 0,
    baseline: Any = None,
    n_steps: int = 50,
    window: Any = None,
) -> pd.DataFrame:
    """The model-parameter randomisation test of Adebayo et al. (NeurIPS 2018).

    Every layer with parameters is re-initialised (its default PyTorch initialisation, drawn
    with ``seed``) starting from the top (the output layer), and each method's attributions
    are recomputed and compared with those of the trained model:

    * ``mode="cascade"``: the top layer, then the top two, … until every layer is random;
    * ``mode="independent"``: one layer at a time, the others kept trained.

    Similarity is the correlation of the *absolute* attributions (as in the paper), example
    by example, averaged over the examples: Spearman's rank correlation (``"spearman"``) or
    Pearson's (``"pearson"``). A method whose maps stay highly correlated with the trained
    model's while the weights are destroyed is showing the input (edges, ink), not what the
    model learned. Everything happens on deep copies: ``model`` itself is not changed. Layers
    are taken in the order the network defines them (``named_modules``), which is the order
    of the forward pass for the course's models.

    Args:
        model: a trained PyTorch network.
        inputs: a batch of examples to explain (a few dozen is plenty).
        target: as in :func:`attribute` (e.g. the true labels).
        methods: a method name or a list of them (see :data:`METHODS`).
        mode: ``"cascade"`` or ``"independent"``.
        similarity: ``"spearman"`` or ``"pearson"``.
        seed: seed of the re-initialisations (the global random state is left alone).
        baseline, n_steps, window: passed to :func:`attribute`.

    Returns:
        One row per layer × method, in the order of randomisation: ``step`` (1 = top layer),
        ``layer`` (its name in the model), ``method``, ``correlation`` (mean over examples;
        NaN when every map became constant, e.g. all zero) and ``correlation_std``.
    """
    check_network(model)
    if isinstance(methods, str):
        methods = [methods]
    if not isinstance(methods, (list, tuple)) or not methods:
        raise TypeError(
            f"methods must be a method name or a non-empty list of them ({', '.join(METHODS)}), "
            f"but got {describe(methods)}."
        )
    methods = [as_choice(m, "method", METHODS) for m in methods]
    mode = as_choice(mode, "mode", ("cascade", "independent"))
    similarity = as_choice(similarity, "similarity", ("spearman", "pearson"))
    seed = as_seed(seed)
    layers = layers_with_parameters(model)
    if not layers:
        raise ValueError(f"{type(model).__name__} has no layers with parameters: there is nothing to randomise.")
    trained = copy.deepcopy(model)
    x, checked_target, reference, n_steps = prepare(trained, inputs, target, baseline, n_steps)
    if "occlusion" in methods:
        occlusion_window(window, tuple(x.shape[1:]))

    def maps_of(network: Any) -> dict[str, np.ndarray]:
        with eval_mode(network):
            return {m: run_method(network, x, checked_target, m, reference, n_steps, window).detach().cpu().numpy()
                    for m in methods}

    original = maps_of(trained)
    rows = []
    cascade = trained  # randomised further at each step
    for step, (name, _) in enumerate(reversed(layers), start=1):
        network = cascade if mode == "cascade" else copy.deepcopy(model)
        reinitialise(dict(network.named_modules())[name], seed + step)
        for method, maps in maps_of(network).items():
            correlations = row_correlations(original[method], maps, similarity)
            finite = correlations[np.isfinite(correlations)]
            rows.append({
                "step": step,
                "layer": name,
                "method": method,
                "correlation": float(finite.mean()) if finite.size else float("nan"),
                "correlation_std": float(finite.std()) if finite.size else float("nan"),
            })
    return pd.DataFrame(rows, columns=["step", "layer", "method", "correlation", "correlation_std"])


# --------------------------------------------------------------------------------------
# Fairness (fairlearn's metrics)
# --------------------------------------------------------------------------------------


def _binary(values: Any, name: str) -> np.ndarray:
    """A non-empty 1-D array of 0/1 decisions (booleans accepted), as int64."""
    array = as_array(values, name, ndim=1)
    if array.size == 0:
        raise ValueError(f"{name} is empty: pass at least one decision.")
    unknown = sorted(set(np.unique(array).tolist()) - {0, 1})
    if unknown:
        shown = ", ".join(str(v) for v in unknown[:5])
        raise ValueError(
            f"{name} must hold binary decisions 0/1 (1 = positive, e.g. approved), but it contains {shown}. "
            "Turn scores into decisions first, e.g. (proba >= 0.5).astype(int)."
        )
    return array.astype(np.int64)


def _group_labels(groups: Any, n: int) -> np.ndarray:
    """One group label per decision, none missing."""
    if groups is None or isinstance(groups, (str, bytes, dict)):
        raise TypeError(f"groups must be a 1-D array of group labels, one per decision, but got {describe(groups)}.")
    labels = to_numpy(groups)
    if labels.ndim != 1:
        raise ValueError(f"groups must be 1-D (one group label per decision), but got shape {labels.shape}.")
    if len(labels) != n:
        raise ValueError(
            f"y_true and groups must have the same number of rows, but y_true has {n} and groups has {len(labels)}."
        )
    if pd.isna(labels).any():
        raise ValueError(
            f"groups contains {int(pd.isna(labels).sum())} missing value(s): every decision needs a group."
        )
    return labels


def _fairness_inputs(y_true: Any, y_pred: Any, groups: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Checked ``(y_true, y_pred, groups)`` arrays of the same length."""
    truth = _binary(y_true, "y_true")
    decisions = _binary(y_pred, "y_pred")
    require_same_length(truth, "y_true", decisions, "y_pred")
    return truth, decisions, _group_labels(groups, len(truth))


def group_metrics(y_true: Any, y_pred: Any, groups: Any) -> pd.DataFrame:
    """Per group: how many, how often the decision is positive, and the error rates.

    ``fairlearn.metrics.MetricFrame`` underneath. A rate with nothing to count in a group
    (a true positive rate where the group has no actual positives, a false positive rate
    where it has no actual negatives) is NaN, not 0.

    Args:
        y_true: actual outcomes, 0/1 (1 = positive, e.g. "repaid" or "approved before").
        y_pred: the model's decisions, 0/1.
        groups: the group of each row (e.g. the protected attribute).

    Returns:
        A DataFrame indexed by group with ``count``, ``selection_rate`` (share of positive
        decisions), ``true_positive_rate`` (of actual positives, the share decided positive)
        and ``false_positive_rate`` (of actual negatives, the share decided positive).

    Example:
        >>> table = group_metrics([1, 0, 1, 0], [1, 1, 0, 0], ["a", "a", "b", "b"])
        >>> table["selection_rate"].to_dict(), table["false_positive_rate"].to_dict()
        ({'a': 1.0, 'b': 0.0}, {'a': 1.0, 'b': 0.0})
    """
    truth, decisions, labels = _fairness_inputs(y_true, y_pred, groups)
    from fairlearn.metrics import MetricFrame, false_positive_rate, selection_rate, true_positive_rate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = MetricFrame(
            metrics={"selection_rate": selection_rate, "true_positive_rate": true_positive_rate,
                     "false_positive_rate": false_positive_rate},
            y_true=truth, y_pred=decisions, sensitive_features=pd.Series(labels, name="group"),
        ).by_group
    frame = pd.DataFrame(frame).astype(float)
    counts = pd.Series(labels).value_counts()
    positives = pd.Series(truth).groupby(labels).sum()
    frame.insert(0, "count", [int(counts[g]) for g in frame.index])
    frame.loc[[positives[g] == 0 for g in frame.index], "true_positive_rate"] = np.nan
    frame.loc[[positives[g] == counts[g] for g in frame.index], "false_positive_rate"] = np.nan
    frame.index.name = "group"
    return frame


def fairness_gaps(y_true: Any, y_pred: Any, groups: Any) -> dict[str, float]:
    """The two usual summaries of unequal treatment between groups (0 = equal).

    * ``demographic_parity_difference`` — the largest difference of selection rates between
      two groups (are positive decisions equally frequent?);
    * ``equalized_odds_difference`` — the larger of the largest TPR difference and the
      largest FPR difference (are errors equally frequent, given the actual outcome?).

    fairlearn's functions of the same names underneath. When a group has no actual positives
    or no actual negatives its rates are undefined: the equalised-odds difference is NaN.

    Args:
        y_true, y_pred, groups: as in :func:`group_metrics`.

    Returns:
        ``{"demographic_parity_difference": …, "equalized_odds_difference": …}``.

    Example:
        >>> fairness_gaps([1, 0, 1, 0], [1, 1, 0, 0], ["a", "a", "b", "b"])
        {'demographic_parity_difference': 1.0, 'equalized_odds_difference': 1.0}
    """
    truth, decisions, labels = _fairness_inputs(y_true, y_pred, groups)
    from fairlearn.metrics import demographic_parity_difference, equalized_odds_difference

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parity = float(demographic_parity_difference(truth, decisions, sensitive_features=labels))
        odds = float(equalized_odds_difference(truth, decisions, sensitive_features=labels))
    undefined = [g for g in pd.unique(labels) if truth[labels == g].min() == truth[labels == g].max()]
    if undefined:
        odds = float("nan")
    return {"demographic_parity_difference": parity, "equalized_odds_difference": odds}
