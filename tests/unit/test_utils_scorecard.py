"""utils.scorecard: records survive re-runs, concurrent writers and corrupt files."""

from __future__ import annotations

import json
import multiprocessing
import os

import numpy as np
import pytest
from sklearn.datasets import make_classification, make_regression
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from utils import scorecard


@pytest.fixture(autouse=True)
def private_scorecard(tmp_path, monkeypatch):
    file = tmp_path / "card" / "scorecard.json"
    monkeypatch.setenv("COURSE_SCORECARD", str(file))
    return file


@pytest.fixture
def split():
    X, y = make_classification(n_samples=300, n_features=6, random_state=0)
    return X[:200], y[:200], X[200:], y[200:]


def test_path_honours_the_environment_variable(private_scorecard, monkeypatch):
    assert scorecard.path() == private_scorecard
    monkeypatch.delenv("COURSE_SCORECARD")
    assert scorecard.path().name == "scorecard.json"
    assert ".ml-vs-dl-course" in scorecard.path().parts


def test_empty_scorecard_has_the_columns():
    table = scorecard.load()
    assert list(table.columns) == scorecard.COLUMNS
    assert len(table) == 0


def test_fit_and_record_fits_times_scores_sizes_and_records(split):
    row = scorecard.fit_and_record(LogisticRegression(), *split, name="logistic",
                                   notebook="02-supervised", task="toy")
    expected = LogisticRegression().fit(split[0], split[1]).score(split[2], split[3])
    assert row["score"] == pytest.approx(expected)
    assert row["fit_time_s"] > 0 and row["predict_time_s"] > 0
    assert row["size_bytes"] > 100 and row["parameters"] == 6 + 1  # 6 weights, 1 intercept
    assert row["n_train"] == 200 and row["family"] == "classical ML"
    table = scorecard.show("02-supervised")
    assert table.loc[0, "model"] == "logistic"
    assert table.loc[0, "score"] == pytest.approx(expected)


@pytest.mark.parametrize("metric", ["roc_auc", "f1", "balanced_accuracy"])
def test_classification_metrics(split, metric):
    row = scorecard.fit_and_record(make_pipeline(StandardScaler(), LogisticRegression()), *split,
                                   name="lr", notebook="n", task="t", metric=metric)
    assert 0.5 < row["score"] <= 1.0


def test_regression_metrics_and_the_rmse():
    X, y = make_regression(n_samples=120, n_features=3, noise=5.0, random_state=0)
    row = scorecard.fit_and_record(LinearRegression(), X[:80], y[:80], X[80:], y[80:],
                                   name="ols", notebook="n", task="t", metric="rmse")
    residuals = LinearRegression().fit(X[:80], y[:80]).predict(X[80:]) - y[80:]
    assert row["score"] == pytest.approx(np.sqrt(np.mean(residuals ** 2)))


def test_neural_networks_count_as_deep_learning(split):
    mlp = MLPClassifier(hidden_layer_sizes=(8,), max_iter=50, random_state=0)
    with pytest.warns(Warning):  # it does not converge in 50 iterations: fine here
        row = scorecard.fit_and_record(mlp, *split, name="mlp", notebook="n", task="t")
    assert row["family"] == "deep learning"
    assert row["parameters"] == 6 * 8 + 8 + 8 * 1 + 1


def test_models_without_fixed_weights_report_no_parameter_count(split):
    from sklearn.tree import DecisionTreeClassifier
    row = scorecard.fit_and_record(DecisionTreeClassifier(random_state=0), *split, name="tree",
                                   notebook="n", task="t")
    assert row["parameters"] is None and row["size_bytes"] > 0


def test_torch_modules_report_parameters():
    torch = pytest.importorskip("torch")
    net = torch.nn.Linear(4, 3)
    size, params = scorecard.model_size(net)
    assert params == 15 and size == 15 * 4
    assert scorecard.model_family(net) == "deep learning"


def test_rerunning_replaces_rows_instead_of_duplicating():
    scorecard.record("01", "task", "rules", "accuracy", 0.8)
    scorecard.record("01", "task", "rules", "accuracy", 0.9)
    scorecard.record("01", "task", "tree", "accuracy", 0.95)
    table = scorecard.show()
    assert len(table) == 2
    assert table.set_index("model").loc["rules", "score"] == 0.9


def test_clear_one_notebook_or_all():
    scorecard.record("01", "t", "a", "accuracy", 0.5)
    scorecard.record("02", "t", "b", "accuracy", 0.5)
    assert scorecard.clear("01") == 1
    assert list(scorecard.show()["notebook"]) == ["02"]
    assert scorecard.clear() == 1
    assert scorecard.show().empty


@pytest.mark.parametrize("content", ["{not json", '{"rows": 3}', "[1, 2]", ""])
def test_a_corrupt_file_is_moved_aside_not_fatal(private_scorecard, content):
    private_scorecard.parent.mkdir(parents=True)
    private_scorecard.write_text(content)
    with pytest.warns(RuntimeWarning, match="moved to"):
        scorecard.record("01", "t", "a", "accuracy", 0.5)
    assert len(scorecard.show()) == 1
    aside = list(private_scorecard.parent.glob("scorecard.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == content


def test_writes_are_atomic_json_with_no_leftover_temporary_files(private_scorecard):
    for i in range(5):
        scorecard.record("01", "t", f"m{i}", "accuracy", i / 10)
    data = json.loads(private_scorecard.read_text())
    assert data["version"] == 1 and len(data["rows"]) == 5
    assert not list(private_scorecard.parent.glob("*.tmp"))


def _record_many(worker: int) -> None:
    for i in range(15):
        scorecard.record("nb", "t", f"worker{worker}-model{i}", "accuracy", 0.5)


def test_concurrent_kernels_lose_no_rows(private_scorecard):
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_record_many, args=(w,)) for w in range(3)]
    for p in processes:
        p.start()
    for p in processes:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert len(scorecard.show()) == 45


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(metric="precision@5"), ValueError, "metric must be one of"),
    (dict(name=3), TypeError, "model"),
])
def test_fit_and_record_rejects_bad_arguments(split, kwargs, error, message):
    arguments = dict(name="m", notebook="n", task="t") | kwargs
    with pytest.raises(error, match=message):
        scorecard.fit_and_record(LogisticRegression(), *split, **arguments)


def test_fit_and_record_rejects_mismatched_lengths_and_non_models(split):
    X_train, y_train, X_test, y_test = split
    with pytest.raises(ValueError, match="X_train and y_train"):
        scorecard.fit_and_record(LogisticRegression(), X_train, y_train[:-1], X_test, y_test,
                                 name="m", notebook="n", task="t")
    with pytest.raises(TypeError, match=r"\.fit\(\)"):
        scorecard.fit_and_record("not a model", *split, name="m", notebook="n", task="t")


@pytest.mark.parametrize("score, error", [(float("nan"), ValueError), ("0.9", TypeError),
                                          (True, TypeError)])
def test_record_rejects_bad_scores(score, error):
    with pytest.raises(error, match="score"):
        scorecard.record("n", "t", "m", "accuracy", score)


def test_record_rejects_empty_names_and_negative_times():
    with pytest.raises(ValueError, match="notebook must not be empty"):
        scorecard.record(" ", "t", "m", "accuracy", 0.5)
    with pytest.raises(ValueError, match="fit_time_s"):
        scorecard.record("n", "t", "m", "accuracy", 0.5, fit_time_s=-1)




def _trained_net():
    import torch

    from utils import models, train

    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 4)).astype(np.float32)
    y = (X[:, 0] > 0).astype(np.int64)
    torch.manual_seed(0)
    net = models.MLP(4, hidden=(8,), n_classes=2)
    history = train.fit(net, (X, y), epochs=15, lr=0.05, progress=False)
    return net, history, X, y


def test_record_network_scores_times_and_sizes_a_trained_network():
    from utils import train

    net, history, X, y = _trained_net()
    row = scorecard.record_network(net, history, X, y, name="mlp", notebook="nb", task="t", n_train=120)
    expected = float(np.mean(np.asarray(train.predict(net, X)) == y))
    assert row["score"] == pytest.approx(expected) and row["score"] > 0.8
    assert row["fit_time_s"] == pytest.approx(history.train_time_s)
    assert row["predict_time_s"] > 0 and row["parameters"] == 4 * 8 + 8 + 8 * 2 + 2
    assert row["family"] == "deep learning" and row["n_train"] == 120
    assert scorecard.show("nb")["model"].tolist() == ["mlp"]


def test_record_network_rejects_what_is_not_a_trained_network():
    net, history, X, y = _trained_net()
    with pytest.raises(TypeError, match="scorecard.fit_and_record"):
        scorecard.record_network(LogisticRegression(), history, X, y, name="m", notebook="nb", task="t")
    with pytest.raises(TypeError, match="train.fit returned"):
        scorecard.record_network(net, {"loss": [1.0]}, X, y, name="m", notebook="nb", task="t")
    with pytest.raises(ValueError):
        scorecard.record_network(net, history, X, y[:-1], name="m", notebook="nb", task="t")
    row = scorecard.record_network(net, None, X, y, name="untimed", notebook="nb", task="t")
    assert row["fit_time_s"] is None


def test_model_size_looks_inside_a_pipeline_for_a_network():
    import torch
    from skorch import NeuralNetClassifier

    from utils import models

    X, y = make_classification(n_samples=80, n_features=5, random_state=0)
    net = NeuralNetClassifier(models.MLP, module__in_features=5, module__hidden=(6,), module__n_classes=2,
                              criterion=torch.nn.CrossEntropyLoss, max_epochs=2, train_split=None, verbose=0)
    pipeline = make_pipeline(StandardScaler(), net).fit(X.astype(np.float32), y.astype(np.int64))
    assert scorecard.model_size(pipeline)[1] == 5 * 6 + 6 + 6 * 2 + 2


def test_claim_verdicts_live_beside_the_models_and_survive_model_writes(private_scorecard):
    scorecard.record_claim("01", "DL needs far more data", measured="m", verdict="fails",
                           scale="426 rows")
    scorecard.record("01", "t", "a", "accuracy", 0.5)
    scorecard.record_claim("01", "DL needs far more data", measured="m2", verdict="holds",
                           scale="426 rows")
    claims = scorecard.load_claims()
    assert list(claims.columns) == scorecard.CLAIM_COLUMNS
    assert list(claims["measured"]) == ["m2"] and len(scorecard.load()) == 1
    data = json.loads(private_scorecard.read_text())
    assert len(data["rows"]) == 1 and len(data["claims"]) == 1


def test_an_old_scorecard_without_claims_still_loads(private_scorecard):
    private_scorecard.parent.mkdir(parents=True)
    private_scorecard.write_text('{"version": 1, "rows": []}')
    assert scorecard.load_claims().empty
    scorecard.record_claim("01", "c", measured="m", verdict="holds", scale="s")
    assert len(scorecard.load_claims()) == 1


def test_clear_removes_a_notebooks_claims_too():
    scorecard.record_claim("01", "c", measured="m", verdict="holds", scale="s")
    scorecard.record_claim("02", "c", measured="m", verdict="holds", scale="s")
    scorecard.clear("01")
    assert list(scorecard.load_claims()["notebook"]) == ["02"]


def test_bad_claim_verdicts_are_explained():
    with pytest.raises(ValueError, match="verdict must be"):
        scorecard.record_claim("01", "c", measured="m", verdict="maybe", scale="s")
    with pytest.raises(ValueError, match="scale must not be empty"):
        scorecard.record_claim("01", "c", measured="m", verdict="holds", scale=" ")
