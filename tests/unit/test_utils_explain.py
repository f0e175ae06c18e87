"""Tests of utils.explain on real models: exact values where the method has one, the documented
properties (completeness, locality, randomisation), the caller's model left alone, clear errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import torch
from matplotlib.figure import Figure
from sklearn.compose import make_column_transformer
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestRegressor
from sklearn.exceptions import NotFittedError
from sklearn.inspection import permutation_importance as sklearn_permutation_importance
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from utils import data, explain

# --------------------------------------------------------------------------------------
# Fixtures: small real models
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def classification():
    """A fitted logistic regression on a 5-feature classification set, with a held-out split."""
    X, y = make_classification(400, 5, n_informative=3, random_state=0)
    X = pd.DataFrame(X, columns=[f"f{i}" for i in range(5)])
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X[:300], y[:300])
    return model, X[300:], y[300:]


@pytest.fixture(scope="module")
def digits_net():
    """A small MLP trained on the standardised 8×8 digits (≈ 0.92 test accuracy), with a test batch."""
    images, labels = data.load_digits_8x8()
    X = torch.tensor(images.reshape(len(images), -1))
    X = (X - X.mean(0)) / (X.std(0) + 1e-6)
    y = torch.tensor(labels)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        net = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 16),
                                  torch.nn.ReLU(), torch.nn.Linear(16, 10))
        optimiser = torch.optim.Adam(net.parameters(), lr=0.01)
        for _ in range(150):
            optimiser.zero_grad()
            torch.nn.functional.cross_entropy(net(X[:1000]), y[:1000]).backward()
            optimiser.step()
    net.eval()
    assert (net(X[1000:]).argmax(1) == y[1000:]).float().mean() > 0.85
    return net, X[1000:1032], y[1000:1032]


# --------------------------------------------------------------------------------------
# Permutation importance
# --------------------------------------------------------------------------------------


def test_permutation_importance_is_sklearns_sorted(classification):
    model, X, y = classification
    table = explain.permutation_importance(model, X, y, n_repeats=5, random_state=3)
    reference = sklearn_permutation_importance(model, X, y, n_repeats=5, random_state=3)
    assert list(table.columns) == ["feature", "importance_mean", "importance_std"]
    order = np.argsort(-reference.importances_mean, kind="stable")
    assert table["feature"].tolist() == [f"f{i}" for i in order]
    np.testing.assert_array_equal(table["importance_mean"], reference.importances_mean[order])
    np.testing.assert_array_equal(table["importance_std"], reference.importances_std[order])


def test_a_feature_the_model_ignores_has_zero_importance():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 3))
    y = 2 * X[:, 0] - X[:, 1] + 0.1 * rng.normal(size=200)
    model = make_pipeline(make_column_transformer(("passthrough", [0, 1])), LinearRegression()).fit(X, y)
    table = explain.permutation_importance(model, X, y, n_repeats=4).set_index("feature")
    assert table.loc["x2", "importance_mean"] == 0.0 and table.loc["x2", "importance_std"] == 0.0
    assert table.index[0] == "x0" and table.loc["x1", "importance_mean"] > 0.1


def test_permutation_importance_with_a_scorer_name(classification):
    model, X, y = classification
    table = explain.permutation_importance(model, X, y, n_repeats=2, scoring="roc_auc")
    reference = sklearn_permutation_importance(model, X, y, n_repeats=2, scoring="roc_auc", random_state=0)
    assert table["importance_mean"].max() == reference.importances_mean.max()


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda: LogisticRegression(), NotFittedError, r"not fitted yet: call model.fit\(X_train, y_train\)"),
        (lambda: LogisticRegression, TypeError, r"got the class LogisticRegression: create and fit one first"),
        (lambda: torch.nn.Linear(5, 2), TypeError,
         r"PyTorch network Linear: wrap it in skorch .* utils.explain.attribute\(\)"),
        (lambda: "model", TypeError, r"model must be a fitted model with .fit\(\) and .predict\(\)"),
    ],
)
def test_permutation_importance_refuses_what_is_not_a_fitted_model(classification, make, error, message):
    _, X, y = classification
    with pytest.raises(error, match=message):
        explain.permutation_importance(make(), X, y)


def test_permutation_importance_bad_arguments(classification):
    model, X, y = classification
    with pytest.raises(ValueError, match=r"X and y must have the same number of rows, but X has 100 and y has 99"):
        explain.permutation_importance(model, X, y[:99])
    with pytest.raises(ValueError, match=r"scoring='roc-auc' is not a scikit-learn scorer name"):
        explain.permutation_importance(model, X, y, scoring="roc-auc")
    with pytest.raises(ValueError, match=r"n_repeats must be between 1 and 1000, but got 0"):
        explain.permutation_importance(model, X, y, n_repeats=0)


# --------------------------------------------------------------------------------------
# Partial dependence
# --------------------------------------------------------------------------------------


def test_partial_dependence_of_a_linear_model_has_its_slope():
    rng = np.random.default_rng(1)
    X = pd.DataFrame(rng.normal(size=(150, 3)), columns=["a", "b", "c"])
    y = 3 * X["a"] - 2 * X["b"]
    model = LinearRegression().fit(X, y)
    figure = explain.partial_dependence(model, X, ["a", "b"], kind="average")
    assert isinstance(figure, Figure)
    slopes = []
    for name in ("a", "b"):
        panel = next(ax for ax in figure.axes if ax.get_xlabel() == name)
        x, curve = panel.lines[0].get_data()
        slopes.append(np.polyfit(x, curve, 1)[0])
    np.testing.assert_allclose(slopes, model.coef_[:2], rtol=1e-6)


def test_partial_dependence_draws_ice_lines(classification):
    model, X, _ = classification
    figure = explain.partial_dependence(model, X, "f0", kind="both")
    panel = next(ax for ax in figure.axes if ax.get_xlabel() == "f0")
    assert len(panel.lines) == len(X) + 1  # one ICE line per row (100 ≤ 100), plus the average


def test_partial_dependence_bad_arguments(classification):
    model, X, _ = classification
    with pytest.raises(ValueError, match=r"feature 'f9' is not a column of X. Its columns are: f0, f1"):
        explain.partial_dependence(model, X, ["f9"])
    with pytest.raises(ValueError, match=r"kind='ice' is not one of the valid choices: 'average'"):
        explain.partial_dependence(model, X, "f0", kind="ice")
    with pytest.raises(ValueError, match=r"no ICE lines: use kind='average'"):
        explain.partial_dependence(model, X, [("f0", "f1")])
    with pytest.raises(NotFittedError, match=r"call model.fit"):
        explain.partial_dependence(LinearRegression(), X, "f0")


# --------------------------------------------------------------------------------------
# SHAP
# --------------------------------------------------------------------------------------


def test_kernel_shap_of_a_linear_model_is_exact():
    """For a linear model and independent features, SHAP values are coef × (x − mean of the background)."""
    pytest.importorskip("shap")
    rng = np.random.default_rng(2)
    X = pd.DataFrame(rng.normal(size=(80, 4)), columns=list("pqrs"))
    model = make_pipeline(StandardScaler(), LinearRegression()).fit(X, X @ [1.0, -2.0, 0.5, 0.0])
    background = X.iloc[:30]
    result = explain.shap_values(model, X.iloc[30:45], background=background)
    coef = model[-1].coef_ / model[0].scale_
    np.testing.assert_allclose(result.values, coef * (X.iloc[30:45] - background.mean()).to_numpy(), atol=1e-9)
    assert result.explainer == "kernel" and result.output == "prediction"
    assert result.base_value == pytest.approx(model.predict(background).mean())
    assert result.importance().index[0] == "q"


def test_kernel_shap_explains_a_pipeline_on_raw_categorical_columns():
    pytest.importorskip("shap")
    X, y = data.make_credit(300)
    model = make_pipeline(
        make_column_transformer((OneHotEncoder(), ["group", "postcode_area"]), remainder=StandardScaler()),
        LogisticRegression(max_iter=1000),
    ).fit(X, y)
    state = np.random.get_state()
    result = explain.shap_values(model, X.iloc[:10], background=X, max_background=20)
    assert np.array_equal(np.random.get_state()[1], state[1]), "NumPy's global random state changed"
    assert result.values.shape == (10, 8) and result.feature_names == list(X.columns)
    assert result.output == "probability of class 1"
    probabilities = model.predict_proba(X.iloc[:10])[:, 1]
    np.testing.assert_allclose(result.values.sum(axis=1) + result.base_value, probabilities, atol=1e-9)


def test_tree_shap_adds_up_to_the_prediction():
    pytest.importorskip("shap")
    X, y = data.load_tabular("diabetes")
    forest = RandomForestRegressor(n_estimators=10, max_depth=4, random_state=0).fit(X, y)
    result = explain.shap_values(forest, X.iloc[:40])
    assert result.explainer == "tree" and result.values.shape == (40, 10)
    np.testing.assert_allclose(result.values.sum(axis=1) + result.base_value, forest.predict(X.iloc[:40]), rtol=1e-6)
    figure = explain.shap_summary(result)
    labels = [tick.get_text() for tick in figure.axes[0].get_yticklabels()]
    assert labels[::-1] == result.importance().index.tolist()  # largest at the top


def test_boosting_with_native_categories_is_not_misread_by_tree_shap():
    """shap reads the categorical splits of scikit-learn's histogram boosting as thresholds: such a
    model goes to Kernel SHAP, whose values add up to the model's own probabilities."""
    pytest.importorskip("shap")
    from sklearn.ensemble import HistGradientBoostingClassifier

    X, y = data.make_credit(300)
    model = HistGradientBoostingClassifier(max_iter=20, random_state=0).fit(X, y)
    assert model.is_categorical_.any()
    result = explain.shap_values(model, X.iloc[:3], background=X, max_background=10)
    assert result.explainer == "kernel"
    np.testing.assert_allclose(result.values.sum(axis=1) + result.base_value, model.predict_proba(X.iloc[:3])[:, 1],
                               atol=1e-9)


def test_a_skorch_net_is_explained_like_any_estimator():
    pytest.importorskip("shap")
    from skorch import NeuralNetClassifier

    rng = np.random.default_rng(4)
    X = rng.normal(size=(300, 4)).astype(np.float32)  # a float32 array, as skorch nets are fitted on
    y = (X[:, 0] + X[:, 1] > 0).astype(np.int64)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        net = NeuralNetClassifier(torch.nn.Sequential(torch.nn.Linear(4, 16), torch.nn.ReLU(), torch.nn.Linear(16, 2)),
                                  criterion=torch.nn.CrossEntropyLoss, max_epochs=10, lr=0.1, verbose=0).fit(X, y)
    table = explain.permutation_importance(net, X, y, n_repeats=3)
    assert set(table["feature"][:2]) == {"x0", "x1"}
    result = explain.shap_values(net, X[:10], background=X, max_background=20)
    probabilities = net.predict_proba(X[:10])[:, 1]
    np.testing.assert_allclose(result.values.sum(axis=1) + result.base_value, probabilities, atol=1e-6)
    assert explain.attribute(net.module_, X[:2], torch.tensor(1), "saliency").shape == (2, 4)


def test_shap_values_bad_arguments(classification):
    pytest.importorskip("shap")
    model, X, _ = classification
    with pytest.raises(ValueError, match=r"explain a sample of at most 1000 rows, e.g. X.sample\(200"):
        explain.shap_values(model, pd.concat([X] * 11))
    with pytest.raises(ValueError, match=r"background must have the columns of X \(5\), but has 2"):
        explain.shap_values(model, X, background=X.iloc[:, :2])
    with pytest.raises(TypeError, match=r"result must be the ShapResult"):
        explain.shap_summary(np.zeros((3, 2)))


# --------------------------------------------------------------------------------------
# Attributions of networks (Captum)
# --------------------------------------------------------------------------------------


def test_saliency_of_a_linear_model_is_the_absolute_weights():
    torch.manual_seed(0)
    linear = torch.nn.Linear(6, 3)
    x = torch.randn(4, 6)
    maps = explain.attribute(linear, x, [2, 0, 1, 2], "saliency")
    assert torch.equal(maps, linear.weight[[2, 0, 1, 2]].detach().abs())
    assert maps.device.type == "cpu" and not maps.requires_grad


def test_integrated_gradients_are_complete():
    torch.manual_seed(1)
    net = torch.nn.Sequential(torch.nn.Linear(5, 16), torch.nn.Tanh(), torch.nn.Linear(16, 3))
    x, baseline = torch.randn(6, 5), torch.full((5,), 0.3)
    target = [0, 1, 2, 0, 1, 2]
    maps, delta = explain.integrated_gradients_delta(net, x, target, baseline=baseline)
    with torch.no_grad():
        gap = net(x)[range(6), target] - net(baseline.expand(6, 5))[range(6), target]
    torch.testing.assert_close(maps.sum(dim=1), gap, atol=1e-4, rtol=0)
    assert delta.abs().max() < 1e-4
    torch.testing.assert_close(explain.attribute(net, x, target, "integrated_gradients", baseline=baseline), maps)


def test_occlusion_attributes_only_where_the_model_looks():
    """A model that sums the pixels of one 3×3 region: occluding a pixel outside changes nothing."""
    weights = torch.zeros(1, 8, 8)
    weights[0, 2:5, 3:6] = torch.arange(1.0, 10.0).reshape(3, 3)
    model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(64, 1, bias=False))
    with torch.no_grad():
        model[1].weight.copy_(weights.reshape(1, 64))
    x = torch.rand(3, 1, 8, 8) + 0.5
    single = explain.attribute(model, x, None, "occlusion", window=1)
    torch.testing.assert_close(single, x * weights)  # exact: each pixel's own contribution
    wide = explain.attribute(model, x, None, "occlusion", window=2)
    near = torch.zeros(8, 8, dtype=torch.bool)
    near[1:6, 2:7] = True  # the region and the pixels a 2×2 window shares with it
    assert (wide[:, 0][:, ~near] == 0).all() and (wide[:, 0][:, 2:5, 3:6] > 0).all()


def test_attribute_leaves_the_model_as_it_was_and_accepts_numpy():
    torch.manual_seed(2)
    net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Dropout(0.5), torch.nn.Linear(8, 2))
    net.train()
    before = {k: v.clone() for k, v in net.state_dict().items()}
    x = np.random.default_rng(0).normal(size=(5, 4))  # float64: converted to the model's float32
    first = explain.attribute(net, x, 1, "saliency")
    second = explain.attribute(net, x, 1, "saliency")
    assert torch.equal(first, second), "dropout was active: the model was not in eval mode"
    assert net.training and all(torch.equal(before[k], v) for k, v in net.state_dict().items())
    assert all(p.grad is None for p in net.parameters())


def test_attribute_signals_and_images_keep_their_shape():
    torch.manual_seed(3)
    signal_net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(40, 10))
    image_net = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3), torch.nn.Flatten(), torch.nn.Linear(2 * 6 * 6, 10))
    for net, x in ((signal_net, torch.randn(4, 40)), (image_net, torch.randn(4, 1, 8, 8))):
        for method in explain.METHODS:
            assert explain.attribute(net, x, 3, method).shape == x.shape


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda m, x: explain.attribute(m, x, 0, "gradcam"), ValueError,
         r"method='gradcam' is not one of the valid choices: 'saliency', 'integrated_gradients', 'occlusion'"),
        (lambda m, x: explain.attribute(m, x, 3, "saliency"), ValueError,
         r"target=3 is out of range: the model has 3 outputs \(classes 0–2\)"),
        (lambda m, x: explain.attribute(m, x, [0, 1, 5, 0], "saliency"), ValueError, r"target holds 5, out of range"),
        (lambda m, x: explain.attribute(m, x, [0, 1], "saliency"), ValueError,
         r"target must be one class index per example \(4\)"),
        (lambda m, x: explain.attribute(m, x, None, "saliency"), ValueError,
         r"target is needed: the model has 3 outputs"),
        (lambda m, x: explain.attribute(m, x[0], 0, "saliency"), ValueError, r"For one example use inputs\[None\]"),
        (lambda m, x: explain.attribute(m, x, 0, "occlusion", window=9), ValueError, r"window \(9,\) is larger"),
        (lambda m, x: explain.attribute(m, x, 0, "integrated_gradients", baseline=torch.zeros(2)), ValueError,
         r"baseline must be a number, or have the shape of one example \(5,\)"),
        (lambda m, x: explain.attribute(LinearRegression(), x, 0, "saliency"), TypeError,
         r"model must be a PyTorch network .* use utils.explain.permutation_importance"),
    ],
)
def test_attribute_bad_input(call, error, message):
    model, x = torch.nn.Linear(5, 3), torch.randn(4, 5)
    with pytest.raises(error, match=message):
        call(model, x)


# --------------------------------------------------------------------------------------
# Plotting attributions
# --------------------------------------------------------------------------------------


def test_plot_attributions_images_and_signals():
    images, maps = torch.rand(3, 1, 8, 8), torch.randn(3, 1, 8, 8)
    figure = explain.plot_attributions(images, {"saliency": maps, "occlusion": -maps}, titles=["a", "b", "c"])
    assert len(figure.axes) == 3 * 3 and figure.axes[0].get_title() == "a" and figure.axes[1].get_title() == "saliency"
    signals = np.random.default_rng(0).normal(size=(2, 40))
    figure = explain.plot_attributions(signals, signals ** 2, kind="signal")
    assert len(figure.axes) == 2 * 2 and figure.axes[1].get_xlabel() == "position"


def test_plot_attributions_bad_input():
    with pytest.raises(ValueError, match=r"maps\['ig'\] must have the shape of inputs \(2, 8, 8\), but has shape"):
        explain.plot_attributions(np.zeros((2, 8, 8)), {"ig": np.zeros((2, 64))})
    with pytest.raises(ValueError, match=r"For kind='signal', inputs must have shape \(N, L\) or \(N, C, L\)"):
        explain.plot_attributions(np.zeros((2, 1, 8, 8)), np.zeros((2, 1, 8, 8)), kind="signal")
    with pytest.raises(ValueError, match=r"titles and inputs must have the same number of rows"):
        explain.plot_attributions(np.zeros((2, 8, 8)), np.zeros((2, 8, 8)), titles=["only one"])


# --------------------------------------------------------------------------------------
# Sanity check (Adebayo et al., 2018)
# --------------------------------------------------------------------------------------


def test_sanity_check_cascade(digits_net):
    net, x, y = digits_net
    before = {k: v.clone() for k, v in net.state_dict().items()}
    table = explain.sanity_check(net, x, y, ["saliency", "integrated_gradients"])
    assert all(torch.equal(before[k], v) for k, v in net.state_dict().items()), "the caller's model changed"
    assert not net.training
    assert list(table.columns) == ["step", "layer", "method", "correlation", "correlation_std"]
    assert table[["layer", "method"]].values.tolist() == [
        [layer, method] for layer in ("4", "2", "0") for method in ("saliency", "integrated_gradients")
    ]
    assert table["correlation"].between(-1, 1).all()
    everything_random = table[table["step"] == 3].set_index("method")["correlation"]
    assert everything_random["saliency"] < 0.5
    assert everything_random["integrated_gradients"] < 0.9
    pd.testing.assert_frame_equal(table, explain.sanity_check(net, x, y, ["saliency", "integrated_gradients"]))


def test_sanity_check_independent_randomises_one_layer_at_a_time(digits_net):
    net, x, y = digits_net
    table = explain.sanity_check(net, x[:8], y[:8], "saliency", mode="independent", similarity="pearson", seed=1)
    assert table["layer"].tolist() == ["4", "2", "0"] and table["method"].eq("saliency").all()
    assert table["correlation"].between(-1, 1).all()


def test_sanity_check_bad_arguments(digits_net):
    net, x, y = digits_net
    with pytest.raises(ValueError, match=r"mode='layerwise' is not one of the valid choices: 'cascade', 'independent'"):
        explain.sanity_check(net, x, y, "saliency", mode="layerwise")
    with pytest.raises(ValueError, match=r"similarity='ssim' is not one of the valid choices"):
        explain.sanity_check(net, x, y, "saliency", similarity="ssim")
    with pytest.raises(ValueError, match=r"method='lime' is not one of the valid choices"):
        explain.sanity_check(net, x, y, ["saliency", "lime"])
    with pytest.raises(ValueError, match=r"has no layers with parameters"):
        explain.sanity_check(torch.nn.Flatten(), x, y, "saliency")


# --------------------------------------------------------------------------------------
# Fairness
# --------------------------------------------------------------------------------------

#: 10 decisions in two groups, shuffled; counted by hand below.
Y_TRUE = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0]
Y_PRED = [1, 1, 0, 1, 0, 0, 1, 0, 0, 1]
GROUPS = ["b", "a", "a", "b", "a", "b", "a", "b", "a", "a"]


def test_group_metrics_by_hand():
    table = explain.group_metrics(pd.Series(Y_TRUE, index=range(10, 0, -1)), np.array(Y_PRED), GROUPS)
    # a: rows 1,2,4,6,8,9 -> truth 0,1,0,1,1,0 and decisions 1,0,0,1,0,1
    #    selected 3/6; positives 3 of which decided 1 -> TPR 1/3; negatives 3 of which decided 2 -> FPR 2/3
    # b: rows 0,3,5,7 -> truth 1,1,0,0 and decisions 1,1,0,0 -> selected 2/4, TPR 1, FPR 0
    expected = pd.DataFrame(
        {"count": [6, 4], "selection_rate": [0.5, 0.5], "true_positive_rate": [1 / 3, 1.0],
         "false_positive_rate": [2 / 3, 0.0]},
        index=pd.Index(["a", "b"], name="group"),
    )
    pd.testing.assert_frame_equal(table, expected)


def test_fairness_gaps_by_hand():
    gaps = explain.fairness_gaps(Y_TRUE, Y_PRED, GROUPS)
    assert gaps == {"demographic_parity_difference": 0.0, "equalized_odds_difference": pytest.approx(2 / 3)}
    skewed = explain.fairness_gaps([1, 0, 1, 0], [1, 1, 0, 0], ["x", "x", "y", "y"])
    assert skewed == {"demographic_parity_difference": 1.0, "equalized_odds_difference": 1.0}


def test_undefined_rates_are_nan_not_zero():
    table = explain.group_metrics([0, 0, 1, 0], [1, 0, 1, 0], ["a", "a", "b", "b"])
    assert np.isnan(table.loc["a", "true_positive_rate"]) and table.loc["a", "false_positive_rate"] == 0.5
    gaps = explain.fairness_gaps([0, 0, 1, 0], [1, 0, 1, 0], ["a", "a", "b", "b"])
    assert np.isnan(gaps["equalized_odds_difference"])


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (([1, 0], [0.7, 0.2], ["a", "b"]), ValueError, r"y_pred must hold binary decisions 0/1 .* \(proba >= 0.5\)"),
        (([1, 0, 1], [1, 0], ["a", "b", "a"]), ValueError, r"y_true and y_pred must have the same number of rows"),
        (([1, 0], [1, 0], ["a"]), ValueError, r"y_true and groups must have the same number of rows"),
        (([1, 0], [1, 0], ["a", None]), ValueError, r"groups contains 1 missing value"),
        (([1, 0], [1, 0], "ab"), TypeError, r"groups must be a 1-D array of group labels"),
    ],
)
def test_fairness_bad_input(args, error, message):
    with pytest.raises(error, match=message):
        explain.group_metrics(*args)
