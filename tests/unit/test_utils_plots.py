"""Tests of utils.plots: each figure is drawn, labelled, and bad input is refused clearly."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from sklearn.datasets import make_blobs
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

from utils import plots


@pytest.fixture(scope="module")
def blobs():
    X, y = make_blobs(n_samples=90, centers=3, n_features=2, random_state=0)
    return X, y


@pytest.fixture(scope="module")
def fitted(blobs):
    X, y = blobs
    return LogisticRegression().fit(X, y)


# --------------------------------------------------------------------------------------
# decision_boundary
# --------------------------------------------------------------------------------------


def test_decision_boundary_draws_labelled_axes(blobs, fitted):
    X, y = blobs
    ax = plots.decision_boundary(fitted, X, y, resolution=50)
    assert isinstance(ax, Axes)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("feature 0", "feature 1")
    assert ax.get_title() == "Decision regions of LogisticRegression"
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["0", "1", "2"]
    assert len(ax.collections) >= 4  # filled regions + one scatter per class


def test_decision_boundary_uses_dataframe_columns_and_pipeline_name(blobs):
    X, y = blobs
    frame = pd.DataFrame(X, columns=["petal length", "petal width"])
    labels = np.array(["setosa", "versicolor", "virginica"])[y]
    model = make_pipeline(StandardScaler(), DecisionTreeClassifier(max_depth=2, random_state=0)).fit(frame, labels)
    ax = plots.decision_boundary(model, frame, labels, resolution=30, title="Tree")
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("petal length", "petal width", "Tree")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["setosa", "versicolor", "virginica"]


@pytest.mark.parametrize("classes", [2, 3])
def test_decision_boundary_shades_each_class_in_the_colour_of_its_points(classes):
    from matplotlib.colors import to_hex

    X, y = make_blobs(n_samples=60, centers=classes, n_features=2, random_state=1)
    model = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X, y)
    ax = plots.decision_boundary(model, X, y, resolution=40)
    contour_sets = [c for c in ax.collections if type(c).__name__ == "QuadContourSet"]
    assert len(contour_sets) == 2  # the shaded regions (scikit-learn's display) and the lines between them
    regions = contour_sets[0]
    assert regions.get_alpha() == 0.25
    shaded = [to_hex(colour) for colour in regions.get_facecolors()]
    points = [to_hex(c.get_facecolors()[0]) for c in ax.collections if type(c).__name__ == "PathCollection"]
    assert shaded == points == [plots.OKABE_ITO[i].lower() for i in range(classes)]
    assert ax.get_xlim() == pytest.approx((X[:, 0].min() - 0.05 * np.ptp(X, axis=0).min(),
                                           X[:, 0].max() + 0.05 * np.ptp(X, axis=0).min()))


def test_decision_boundary_of_a_clusterer_shades_its_clusters():
    from sklearn.cluster import KMeans

    X, y = make_blobs(n_samples=60, centers=3, n_features=2, random_state=1)
    ax = plots.decision_boundary(KMeans(3, n_init=2, random_state=0).fit(X), X, y, resolution=30)
    assert ax.get_title() == "Decision regions of KMeans"
    assert sum(type(c).__name__ == "PathCollection" for c in ax.collections) == 3


def test_decision_boundary_draws_on_given_axes(blobs, fitted):
    X, y = blobs
    _, ax = plt.subplots()
    assert plots.decision_boundary(fitted, X, y, ax=ax, resolution=20, feature_names=["a", "b"]) is ax
    assert ax.get_xlabel() == "a"


@pytest.mark.parametrize(
    ("X", "y", "error", "message"),
    [
        (np.zeros((10, 3)), np.zeros(10), ValueError, r"X must have exactly 2 columns .* got shape \(10, 3\)"),
        (np.zeros(10), np.zeros(10), ValueError, r"X must be a 2-D array, but got a 1-D array"),
        (np.array([[0.0, np.nan]] * 4), np.zeros(4), ValueError, r"X contains 4 NaN value\(s\); remove or impute them"),
        (np.zeros((10, 2)), np.zeros(9), ValueError, r"X and y must have the same number of rows.*10.*9"),
        (np.zeros((10, 2)), np.zeros((10, 2)), ValueError, r"y must be 1-D .* got shape \(10, 2\)"),
        ("X", np.zeros(3), TypeError, r"X must be an array"),
        (np.array([["a", "b"]] * 3), np.zeros(3), TypeError, r"X must contain numbers"),
    ],
)
def test_decision_boundary_bad_data(fitted, X, y, error, message):
    with pytest.raises(error, match=message):
        plots.decision_boundary(fitted, X, y)


def test_decision_boundary_unfitted_model(blobs):
    X, y = blobs
    with pytest.raises(NotFittedError, match=r"This LogisticRegression is not fitted yet: call model.fit\(X, y\)"):
        plots.decision_boundary(LogisticRegression(), X, y)


def test_decision_boundary_class_instead_of_model(blobs):
    X, y = blobs
    with pytest.raises(TypeError, match=r"got the class LogisticRegression: create and fit one first"):
        plots.decision_boundary(LogisticRegression, X, y)


def test_decision_boundary_not_a_model(blobs):
    X, y = blobs
    with pytest.raises(TypeError, match=r"model must be a fitted scikit-learn model with .predict\(\)"):
        plots.decision_boundary("svm", X, y)


def test_decision_boundary_regressor_is_refused(blobs):
    X, y = blobs
    with pytest.raises(ValueError, match="LinearRegression is a regressor: decision_boundary needs a classifier"):
        plots.decision_boundary(LinearRegression().fit(X, y), X, y, resolution=20)
    pipeline = make_pipeline(StandardScaler(), LinearRegression()).fit(X, y)
    with pytest.raises(ValueError, match="needs a classifier"):
        plots.decision_boundary(pipeline, X, y, resolution=20)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"resolution": 5}, ValueError, r"resolution must be between 10 and 1000, but got 5"),
     ({"resolution": "high"}, TypeError, r"resolution must be an int"),
     ({"feature_names": ["only one"]}, ValueError, r"feature_names must name the 2 columns"),
     ({"feature_names": "ab"}, TypeError, r"feature_names must be a list of two strings"),
     ({"ax": "left"}, TypeError, r"ax must be a matplotlib Axes"),
     ({"title": 3}, TypeError, r"title must be a string or None")],
)
def test_decision_boundary_bad_options(blobs, fitted, kwargs, error, message):
    X, y = blobs
    with pytest.raises(error, match=message):
        plots.decision_boundary(fitted, X, y, **kwargs)


# --------------------------------------------------------------------------------------
# confusion_matrix
# --------------------------------------------------------------------------------------


def test_confusion_matrix_counts():
    ax = plots.confusion_matrix([0, 1, 1, 2, 2, 2], [0, 1, 2, 2, 2, 0])
    assert isinstance(ax, Axes)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Predicted label", "True label")
    assert ax.get_title() == "Confusion matrix"
    cells = sorted(text.get_text() for text in ax.texts)
    assert cells == sorted(["1", "0", "0", "0", "1", "1", "1", "0", "2"])


def test_confusion_matrix_normalised_with_labels_and_title():
    _, ax = plt.subplots()
    out = plots.confusion_matrix(["cat", "dog", "dog"], ["cat", "cat", "dog"], labels=["dog", "cat"],
                                 normalize="true", ax=ax, title="Pets")
    assert out is ax and ax.get_title() == "Pets"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["dog", "cat"]
    assert sorted(t.get_text() for t in ax.texts) == ["0.00", "0.50", "0.50", "1.00"]
    default = plots.confusion_matrix([0, 1], [0, 1], normalize="pred")
    assert "each column" in default.get_title()


@pytest.mark.parametrize(
    ("y_true", "y_pred", "kwargs", "error", "message"),
    [([0, 1, 1], [0, 1], {}, ValueError, r"y_true and y_pred must have the same number of rows"),
     ([0, 1], [0, 1], {"normalize": "rows"}, ValueError,
      r"normalize='rows' is not one of the valid choices: None, 'true', 'pred', 'all'"),
     ([[0, 1]], [[0, 1]], {}, ValueError, r"y_true must be 1-D"),
     ([0.0, np.nan], [0, 1], {}, ValueError, r"y_true contains 1 NaN"),
     ([], [], {}, ValueError, r"y_true is empty"),
     (None, [0], {}, TypeError, r"y_true must be a 1-D array or list of labels"),
     ([0, 1], [0, 1], {"labels": [5, 6]}, ValueError, r"None of labels=\[5, 6\] occurs")],
)
def test_confusion_matrix_bad_input(y_true, y_pred, kwargs, error, message):
    with pytest.raises(error, match=message):
        plots.confusion_matrix(y_true, y_pred, **kwargs)


# --------------------------------------------------------------------------------------
# image_grid
# --------------------------------------------------------------------------------------


def test_image_grid_marks_wrong_predictions():
    images = np.random.default_rng(0).random((10, 8, 8))
    fig = plots.image_grid(images, labels=list(range(10)), predictions=[0, 1, 2, 9, 4, 5, 6, 7, 8, 3],
                           ncols=5, title="Digits")
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 10
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[0] == "✓ 0"
    assert titles[3] == "✗ 9 (true 3)" and titles[9] == "✗ 3 (true 9)"
    assert sum("✗" in title for title in titles) == 2
    assert fig._suptitle.get_text() == "Digits (2 of 10 wrong)"
    assert fig.axes[3].title.get_fontweight() == "bold"


def test_image_grid_labels_only_and_layouts():
    fig = plots.image_grid(np.zeros((3, 1, 4, 4)), labels=["a", "b", "c"], ncols=8)
    assert [ax.get_title() for ax in fig.axes] == ["a", "b", "c"]
    fig = plots.image_grid(np.zeros((5, 4, 4)), ncols=2)
    assert len(fig.axes) == 6 and not fig.axes[5].axison  # an empty slot is hidden
    fig = plots.image_grid(np.zeros((2, 4, 4, 3)))
    assert len(fig.axes) == 2


@pytest.mark.parametrize(
    ("images", "kwargs", "error", "message"),
    [(np.zeros((4, 4)), {}, ValueError, r"images must be a 3-D or 4-D array, but got a 2-D array"),
     (np.zeros((2, 4, 4, 5)), {}, ValueError, r"images must have shape \(n, h, w\)"),
     (np.zeros((101, 2, 2)), {}, ValueError, r"image_grid shows at most 100. Pass a slice such as images\[:32\]"),
     (np.full((2, 4, 4), np.nan), {}, ValueError, r"images contains 32 NaN"),
     ("pictures", {}, TypeError, r"images must be an array"),
     (np.zeros((3, 4, 4)), {"labels": [1, 2]}, ValueError, r"labels must have one entry per image \(3\), but got 2"),
     (np.zeros((3, 4, 4)), {"predictions": [1, 2, 3, 4]}, ValueError, r"predictions must have one entry per image"),
     (np.zeros((3, 4, 4)), {"ncols": 0}, ValueError, r"ncols must be between 1 and 20"),
     (np.zeros((3, 4, 4)), {"cmap": 1}, TypeError, r"cmap must be the name of a matplotlib colour map")],
)
def test_image_grid_bad_input(images, kwargs, error, message):
    with pytest.raises(error, match=message):
        plots.image_grid(images, **kwargs)


# --------------------------------------------------------------------------------------
# signals
# --------------------------------------------------------------------------------------


def test_signals_one_panel_per_signal():
    x = np.random.default_rng(0).normal(size=(20, 40))
    t = np.linspace(-1, 1, 40)
    fig = plots.signals(x, y=np.arange(20), t=t, n=6, title="MNIST-1D")
    assert isinstance(fig, Figure)
    visible = [ax for ax in fig.axes if ax.axison]
    assert len(visible) == 6
    assert visible[0].get_title() == "label 0" and visible[5].get_title() == "label 5"
    assert visible[0].get_ylabel() == "value" and visible[-1].get_xlabel() == "position"
    assert np.allclose(visible[2].lines[0].get_xdata(), t)
    assert np.allclose(visible[2].lines[0].get_ydata(), x[2])
    assert fig._suptitle.get_text() == "MNIST-1D"


def test_signals_single_signal_without_labels():
    fig = plots.signals(np.sin(np.linspace(0, 6, 50)))
    visible = [ax for ax in fig.axes if ax.axison]
    assert len(visible) == 1 and visible[0].get_title() == ""


@pytest.mark.parametrize(
    ("x", "kwargs", "error", "message"),
    [(np.zeros((2, 3, 4)), {}, ValueError, r"x must be a 1-D or 2-D array, but got a 3-D array"),
     (np.zeros((4, 40)), {"t": np.zeros(39)}, ValueError, r"t must have one position per sample \(40\), but got 39"),
     (np.zeros((4, 40)), {"y": [0, 1]}, ValueError, r"y must have one entry per signal \(4\)"),
     (np.array([[0.0, np.nan, 1.0]]), {}, ValueError, r"x contains 1 NaN"),
     (np.zeros((4, 40)), {"n": 0}, ValueError, r"n must be between 1 and 40"),
     (None, {}, TypeError, r"x must be an array")],
)
def test_signals_bad_input(x, kwargs, error, message):
    with pytest.raises(error, match=message):
        plots.signals(x, **kwargs)


# --------------------------------------------------------------------------------------
# training_curves
# --------------------------------------------------------------------------------------

HISTORY = {"train_loss": [1.0, 0.7, 0.5, 0.45], "val_loss": [1.1, 0.8, 0.6, 0.65],
           "train_acc": [0.5, 0.7, 0.8, 0.85], "val_acc": [0.45, 0.65, 0.75, 0.74]}


def test_training_curves_losses_and_accuracies():
    axes = plots.training_curves(HISTORY, title="Run 1")
    assert len(axes) == 2 and all(isinstance(ax, Axes) for ax in axes)
    loss, accuracy = axes
    assert (loss.get_ylabel(), accuracy.get_ylabel()) == ("loss", "accuracy")
    assert loss.get_xlabel() == accuracy.get_xlabel() == "epoch"
    assert [line.get_label() for line in accuracy.lines] == ["train_acc", "val_acc"]
    assert accuracy.lines[1].get_linestyle() == "--" and accuracy.lines[0].get_linestyle() == "-"
    assert np.array_equal(loss.lines[0].get_xdata(), [1, 2, 3, 4])
    assert any("lowest val_loss (epoch 3)" in line.get_label() for line in loss.lines)
    assert loss.figure._suptitle.get_text() == "Run 1"


def test_training_curves_dataframe_with_epoch_column():
    frame = pd.DataFrame({"epoch": [0, 5, 10], "train_loss": [1.0, 0.5, 0.2]})
    axes = plots.training_curves(frame)
    assert len(axes) == 1 and axes[0].get_ylabel() == "loss"
    assert np.array_equal(axes[0].lines[0].get_xdata(), [0, 5, 10])


def test_training_curves_other_metrics_and_given_axes():
    _, pair = plt.subplots(1, 2)
    axes = plots.training_curves({"loss": [1.0, 0.5], "f1": [0.2, 0.4]}, ax=pair)
    assert axes == list(pair) and axes[1].get_ylabel() == "metric"
    _, single = plt.subplots()
    assert plots.training_curves({"val_acc": [0.1, 0.2]}, ax=single) == [single]


def test_training_curves_warns_when_training_diverged():
    with pytest.warns(UserWarning, match=r"history\['train_loss'\] has NaN or infinite values from epoch 3 on:"
                                         r" the training diverged"):
        axes = plots.training_curves({"train_loss": [1.0, 0.9, float("nan"), float("nan")]})
    assert len(axes[0].lines) == 1


@pytest.mark.parametrize(
    ("history", "kwargs", "error", "message"),
    [([1, 2, 3], {}, TypeError, r"history must be a dict such as \{'train_loss'"),
     ({}, {}, ValueError, r"history is empty"),
     ({"train_loss": []}, {}, ValueError, r"history\['train_loss'\] is empty"),
     ({"train_loss": [1, 2], "val_loss": [1]}, {}, ValueError,
      r"one value per epoch, but the lengths differ: \{'train_loss': 2, 'val_loss': 1\}"),
     ({"train_loss": [[1, 2]]}, {}, ValueError, r"history\['train_loss'\] must be a 1-D array"),
     ({"train_loss": ["low", "high"]}, {}, TypeError, r"history\['train_loss'\] must contain numbers"),
     ({1: [1.0]}, {}, TypeError, r"history keys must be strings"),
     ({"epoch": [1, 2]}, {}, ValueError, r"history holds only 'epoch'"),
     (HISTORY, {"ax": "ax"}, TypeError, r"ax must be a matplotlib Axes, a list of Axes, or None"),
     (HISTORY, {"title": ["t"]}, TypeError, r"title must be a string or None")],
)
def test_training_curves_bad_input(history, kwargs, error, message):
    with pytest.raises(error, match=message):
        plots.training_curves(history, **kwargs)


def test_training_curves_one_axes_for_two_panels():
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match=r"needs 2 Axes .* but ax holds 1. Pass ax=None, or two Axes"):
        plots.training_curves(HISTORY, ax=ax)


# --------------------------------------------------------------------------------------
# learning_curves
# --------------------------------------------------------------------------------------

CURVE_SIZES = [100, 300, 1000, 3000]
CURVE_SCORES = {"gradient boosting": [[0.80, 0.86, 0.90, 0.92], [0.78, 0.88, 0.91, 0.93]],
                "MLP": [[0.70, 0.85, 0.93, 0.95], [0.74, 0.83, 0.92, 0.96], [0.72, 0.84, 0.94, 0.94]]}


def test_learning_curves_draws_means_and_bands():
    ax = plots.learning_curves(CURVE_SIZES, CURVE_SCORES, title="Churn")
    assert isinstance(ax, Axes)
    assert ax.get_xscale() == "log"
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == (
        "training examples (log scale)", "test accuracy", "Churn")
    assert [line.get_label() for line in ax.lines] == ["gradient boosting", "MLP"]
    assert np.array_equal(ax.lines[0].get_xdata(), CURVE_SIZES)
    assert np.allclose(ax.lines[1].get_ydata(), np.mean(CURVE_SCORES["MLP"], axis=0))
    assert ax.lines[0].get_color() != ax.lines[1].get_color()
    assert ax.lines[0].get_marker() != ax.lines[1].get_marker()
    assert ax.lines[0].get_linestyle() != ax.lines[1].get_linestyle()
    assert len(ax.collections) == 2  # one band per model
    assert [t.get_text() for t in ax.get_xticklabels()] == ["100", "300", "1,000", "3,000"]
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "mean of 2–3 runs; band: lowest to highest run"


def test_learning_curves_band_is_the_range_or_the_std():
    scores = {"model": [[0.5, 0.6], [0.7, 0.9]]}
    ax = plots.learning_curves([10, 20], scores)
    low_high = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert np.isclose(low_high.min(), 0.5) and np.isclose(low_high.max(), 0.9)
    ax = plots.learning_curves([10, 20], scores, band="std")
    spread = ax.collections[0].get_paths()[0].vertices[:, 1]
    assert np.isclose(spread.max(), 0.75 + np.std([0.6, 0.9], ddof=1))  # the sample's standard deviation
    assert "standard deviation" in ax.get_legend().get_title().get_text()


def test_learning_curves_single_runs_crossover_and_linear_axis():
    _, given = plt.subplots()
    ax = plots.learning_curves(np.array([0, 50, 100]), {"a": [0.5, 0.6, 0.7], "b": np.array([0.4, 0.65, 0.8])},
                               ax=given, log_x=False, crossover=40, band=None, ylabel="balanced accuracy")
    assert ax is given
    assert ax.get_xscale() == "linear" and ax.get_xlabel() == "training examples"
    assert ax.get_ylabel() == "balanced accuracy"
    assert len(ax.collections) == 0  # single runs: no band
    assert ax.lines[-1].get_label() == "crossover ≈ 40"
    assert np.allclose(ax.lines[-1].get_xdata(), [40, 40])
    assert ax.get_legend().get_title().get_text() == ""


def test_learning_curves_accepts_a_dataframe_row_per_run():
    frame = pd.DataFrame([[0.6, 0.7], [0.62, 0.72]], columns=[100, 1000])
    ax = plots.learning_curves(frame.columns, {"model": frame})
    assert np.allclose(ax.lines[0].get_ydata(), [0.61, 0.71])


@pytest.mark.parametrize(
    ("sizes", "scores", "kwargs", "error", "message"),
    [([100], {"m": [0.5]}, {}, ValueError, r"sizes must hold at least two training-set sizes"),
     ([300, 100], {"m": [0.5, 0.6]}, {}, ValueError, r"sizes must increase from left to right.*\[300.0, 100.0\]"),
     ([0, 100], {"m": [0.5, 0.6]}, {}, ValueError, r"sizes must be positive for a log-scale x axis.*log_x=False"),
     ([[100, 300]], {"m": [0.5, 0.6]}, {}, ValueError, r"sizes must be a 1-D array"),
     ([100, np.inf], {"m": [0.5, 0.6]}, {}, ValueError, r"sizes contains infinite values"),
     ("100, 300", {"m": [0.5, 0.6]}, {}, TypeError, r"sizes must be an array"),
     ([100, 300], [[0.5, 0.6]], {}, TypeError, r"scores_by_model must be a dict such as"),
     ([100, 300], {}, {}, ValueError, r"scores_by_model is empty"),
     ([100, 300], {1: [0.5, 0.6]}, {}, TypeError, r"scores_by_model keys must be model names"),
     ([100, 300, 1000], {"m": [0.5, 0.6]}, {}, ValueError,
      r"scores_by_model\['m'\] has shape \(1, 2\), but there are 3 sizes: pass shape \(runs, 3\)"),
     ([100, 300], {"m": np.zeros((2, 5))}, {}, ValueError, r"It looks transposed"),
     ([100, 300], {"m": np.zeros((2, 2, 2))}, {}, ValueError, r"scores_by_model\['m'\] must be a 1-D or 2-D array"),
     ([100, 300], {"m": [0.5, np.nan]}, {}, ValueError, r"scores_by_model\['m'\] contains 1 NaN value"),
     ([100, 300], {"m": ["low", "high"]}, {}, TypeError, r"scores_by_model\['m'\] must contain numbers"),
     ([100, 300], {f"m{i}": [0.5, 0.6] for i in range(9)}, {}, ValueError, r"draws at most 8"),
     ([100, 300], {"m": [0.5, 0.6]}, {"band": "minmax"}, ValueError, r"band='minmax' is not one of the valid"),
     ([100, 300], {"m": [0.5, 0.6]}, {"crossover": -5}, ValueError, r"crossover must be a positive training size"),
     ([100, 300], {"m": [0.5, 0.6]}, {"crossover": "300"}, TypeError, r"crossover must be a number"),
     ([100, 300], {"m": [0.5, 0.6]}, {"log_x": "yes"}, TypeError, r"log_x must be True or False"),
     ([100, 300], {"m": [0.5, 0.6]}, {"ax": "left"}, TypeError, r"ax must be a matplotlib Axes"),
     ([100, 300], {"m": [0.5, 0.6]}, {"title": 7}, TypeError, r"title must be a string or None"),
     ([100, 300], {"m": [0.5, 0.6]}, {"ylabel": None}, TypeError, r"ylabel must be a string")],
)
def test_learning_curves_bad_input(sizes, scores, kwargs, error, message):
    with pytest.raises(error, match=message):
        plots.learning_curves(sizes, scores, **kwargs)


def test_learning_curves_leave_numpys_global_generator_alone():
    state = np.random.get_state()[1].copy()
    plots.learning_curves(CURVE_SIZES, CURVE_SCORES, band="std")
    assert np.array_equal(np.random.get_state()[1], state)


# --------------------------------------------------------------------------------------
# score_distribution
# --------------------------------------------------------------------------------------

FOLD_SCORES = {"logistic regression": [0.81, 0.84, 0.79, 0.86, 0.80],
               "random forest": [0.88, 0.90, 0.86, 0.91, 0.87],
               "MLP": [0.83, 0.85, 0.80]}


def _points(ax: Axes) -> list[np.ndarray]:
    """The points of each swarm (seaborn adds empty collections for the other rows)."""
    return [c.get_offsets() for c in ax.collections if len(c.get_offsets())]


def test_score_distribution_one_row_per_model_with_every_run():
    from matplotlib.colors import to_hex

    ax = plots.score_distribution(FOLD_SCORES, xlabel="accuracy (5-fold CV)", title="Folds")
    assert isinstance(ax, Axes)
    assert [t.get_text() for t in ax.get_yticklabels()] == list(FOLD_SCORES)
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_title()) == ("accuracy (5-fold CV)", "", "Folds")
    points = _points(ax)
    assert [len(p) for p in points] == [5, 5, 3]
    for row, (p, values) in enumerate(zip(points, FOLD_SCORES.values())):
        assert sorted(p[:, 0]) == pytest.approx(sorted(values))  # x: the scores themselves
        assert np.allclose(p[:, 1], row, atol=0.4)  # y: on the model's row
    swarms = [c for c in ax.collections if len(c.get_offsets())]
    assert [to_hex(c.get_facecolors()[0]) for c in swarms] == [c.lower() for c in plots.OKABE_ITO[:3]]
    assert len({c.get_paths()[0].vertices.tobytes() for c in swarms}) == 3  # a marker shape per model
    boxes = [line for line in ax.lines if len(line.get_xdata()) == 5]  # a box's outline: 5 points
    assert len(boxes) == 3
    medians = [line for line in ax.lines if len(line.get_xdata()) == 2 and np.ptp(line.get_xdata()) == 0
               and np.isclose(np.ptp(line.get_ydata()), 0.5)]  # across the whole box (caps are half as wide)
    assert sorted(line.get_xdata()[0] for line in medians) == pytest.approx(
        sorted(np.median(v) for v in FOLD_SCORES.values()))


def test_score_distribution_accepts_a_dataframe_and_given_axes():
    frame = pd.DataFrame({"tree": [0.7, 0.8, 0.75], "forest": [0.8, 0.85, 0.9]})
    _, given = plt.subplots()
    ax = plots.score_distribution(frame, ax=given)
    assert ax is given and ax.get_xlabel() == "score" and ax.get_title() == ""
    assert [t.get_text() for t in ax.get_yticklabels()] == ["tree", "forest"]
    assert [len(p) for p in _points(ax)] == [3, 3]


def test_score_distribution_leaves_numpys_global_generator_alone():
    state = np.random.get_state()[1].copy()
    plots.score_distribution(FOLD_SCORES)
    assert np.array_equal(np.random.get_state()[1], state)


@pytest.mark.parametrize(
    ("scores", "kwargs", "error", "message"),
    [([0.8, 0.9], {}, TypeError, r"scores_by_model must be a dict such as \{'logistic regression'"),
     ({}, {}, ValueError, r"scores_by_model is empty"),
     ({1: [0.5]}, {}, TypeError, r"scores_by_model keys must be model names"),
     ({"m": []}, {}, ValueError, r"scores_by_model\['m'\] is empty: pass one score per fold or seed"),
     ({"m": [[0.5, 0.6]]}, {}, ValueError, r"scores_by_model\['m'\] must be a 1-D array"),
     ({"m": [0.5, np.nan]}, {}, ValueError, r"scores_by_model\['m'\] contains 1 NaN value"),
     ({"m": [0.5, np.inf]}, {}, ValueError, r"scores_by_model\['m'\] contains infinite values"),
     ({"m": ["high"]}, {}, TypeError, r"scores_by_model\['m'\] must contain numbers"),
     ({f"m{i}": [0.5] for i in range(13)}, {}, ValueError, r"draws at most 12"),
     ({"m": [0.5]}, {"ax": "left"}, TypeError, r"ax must be a matplotlib Axes"),
     ({"m": [0.5]}, {"xlabel": None}, TypeError, r"xlabel must be a string"),
     ({"m": [0.5]}, {"title": 3}, TypeError, r"title must be a string or None")],
)
def test_score_distribution_bad_input(scores, kwargs, error, message):
    with pytest.raises(error, match=message):
        plots.score_distribution(scores, **kwargs)
