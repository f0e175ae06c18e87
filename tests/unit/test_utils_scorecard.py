"""utils.scorecard: records survive re-runs, concurrent writers and corrupt files."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

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


# --------------------------------------------------------------------------------------
# Export, merge_from and Google Drive: a scorecard that outlives a temporary session
# --------------------------------------------------------------------------------------


def _record_old(notebook, model, score, when):
    """A row recorded at a given time (what another session wrote earlier or later)."""
    row = scorecard.record(notebook, "t", model, "accuracy", score)
    data = json.loads(scorecard.path().read_text())
    for entry in data["rows"]:
        if entry["model"] == model and entry["notebook"] == notebook:
            entry["recorded_at"] = when
    scorecard.path().write_text(json.dumps(data))
    return row


def test_export_writes_rows_and_claims_to_a_file_that_merges_back(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    scorecard.record("02", "churn", "forest", "accuracy", 0.9, fit_time_s=0.5, parameters=None)
    scorecard.record_claim("02", "c", measured="m", verdict="holds", scale="s")
    exported = scorecard.export()
    assert exported == tmp_path / scorecard.EXPORT_NAME
    data = json.loads(exported.read_text())
    assert data["format"] == scorecard.EXPORT_FORMAT and data["version"] == 1
    assert len(data["rows"]) == 1 and len(data["claims"]) == 1

    monkeypatch.setenv("COURSE_SCORECARD", str(tmp_path / "new session" / "scorecard.json"))
    assert scorecard.load().empty                     # a new session: nothing recorded
    result = scorecard.merge_from(exported)
    assert (result.rows_added, result.claims_added, result.rows_total, result.claims_total) == (1, 1, 1, 1)
    assert "1 model row(s) added" in str(result)
    assert scorecard.load().loc[0, "score"] == 0.9 and scorecard.load_claims().loc[0, "verdict"] == "holds"
    again = scorecard.merge_from(str(exported))       # the same file twice changes nothing
    assert (again.rows_added, again.rows_replaced, again.rows_kept, again.rows_total) == (0, 0, 1, 1)


def test_export_to_a_chosen_file_creates_its_folder_and_refuses_the_scorecard_itself(tmp_path, private_scorecard):
    scorecard.record("01", "t", "m", "accuracy", 0.5)
    target = scorecard.export(tmp_path / "downloads" / "mine.json")
    assert target.is_file() and target.is_absolute()
    with pytest.raises(ValueError, match="is the scorecard itself"):
        scorecard.export(private_scorecard)
    with pytest.raises(ValueError, match="is a folder"):
        scorecard.export(tmp_path)
    with pytest.raises(TypeError, match="must be a file path"):
        scorecard.export(42)


def test_an_empty_scorecard_exports_an_empty_file(tmp_path):
    data = json.loads(scorecard.export(tmp_path / "e.json").read_text())
    assert data["rows"] == [] and data["claims"] == []


def test_merge_keeps_the_newer_measurement_of_each_key(tmp_path, monkeypatch):
    _record_old("02", "forest", 0.80, "2024-01-01T10:00:00+00:00")    # this session: older forest
    _record_old("02", "tree", 0.70, "2024-06-01T10:00:00+00:00")      # this session: newer tree
    scorecard.record("03", "t", "kmeans", "accuracy", 0.6)            # only here
    other = tmp_path / "other" / "scorecard.json"
    monkeypatch.setenv("COURSE_SCORECARD", str(other))                # another session
    _record_old("02", "forest", 0.85, "2024-03-01T10:00:00+00:00")    # newer there
    _record_old("02", "tree", 0.65, "2024-02-01T10:00:00+00:00")      # older there
    scorecard.record("04", "t", "mlp", "accuracy", 0.9)               # only there
    exported = scorecard.export(tmp_path / "other.json")

    monkeypatch.setenv("COURSE_SCORECARD", str(tmp_path / "card" / "scorecard.json"))
    result = scorecard.merge_from(exported)
    assert (result.rows_added, result.rows_replaced, result.rows_kept, result.rows_total) == (1, 1, 1, 4)
    scores = scorecard.load().set_index("model")["score"].to_dict()
    assert scores == {"forest": 0.85, "tree": 0.70, "kmeans": 0.6, "mlp": 0.9}


def test_merge_reads_a_copy_of_the_scorecard_file_itself(tmp_path, private_scorecard, monkeypatch):
    scorecard.record("01", "t", "m", "accuracy", 0.5)
    copy = tmp_path / "copy.json"
    copy.write_text(private_scorecard.read_text())
    monkeypatch.setenv("COURSE_SCORECARD", str(tmp_path / "fresh.json"))
    assert scorecard.merge_from(copy).rows_added == 1


@pytest.mark.parametrize("content, message", [
    ('{"rows": [', "not readable JSON"),
    (b"\xff\xfe\x00garbage", "not readable JSON"),
    ('[1, 2]', "holds no scorecard object"),
    ('{"format": "something else", "rows": []}', "its format is 'something else'"),
    ('{"claims": []}', "no list of rows"),
    ('{"rows": [{"notebook": "01", "task": "t", "model": "m", "metric": "accuracy", "score": "high", '
     '"recorded_at": "2024-01-01T00:00:00+00:00"}]}', "score that is not a number"),
    ('{"rows": [{"notebook": "01", "task": "t", "model": "m", "metric": "accuracy", "score": 0.5}]}',
     "no readable recorded_at"),
    ('{"rows": [], "claims": [{"notebook": "01", "claim": "c", "measured": "m", "scale": "s", '
     '"verdict": "maybe", "recorded_at": "2024-01-01T00:00:00+00:00"}]}', "the verdict 'maybe'"),
    ('{"rows": [{"task": "t"}]}', "rows entry 1 has no notebook"),
])
def test_a_damaged_or_foreign_file_is_refused_and_changes_nothing(tmp_path, private_scorecard, content, message):
    scorecard.record("01", "t", "kept", "accuracy", 0.5)
    before = private_scorecard.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(scorecard.ScorecardFileError, match=message) as error:
        scorecard.merge_from(bad)
    assert "was not changed" in str(error.value)
    assert private_scorecard.read_bytes() == before


def test_a_file_from_a_newer_course_asks_for_an_update(tmp_path):
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"format": scorecard.EXPORT_FORMAT, "version": 99, "rows": []}))
    with pytest.raises(scorecard.ScorecardFileError, match="newer version of the course"):
        scorecard.merge_from(newer)


def test_merging_a_missing_file_says_to_upload_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="Upload the file scorecard.export"):
        scorecard.merge_from(tmp_path / "nowhere.json")


@pytest.fixture
def fake_colab(tmp_path, monkeypatch):
    """A google.colab module whose drive.mount 'mounts' a folder of tmp_path at DRIVE_MOUNT."""
    import sys
    import types

    mounted = []
    drive_root = tmp_path / "content" / "drive"
    monkeypatch.setattr(scorecard, "DRIVE_MOUNT", drive_root)

    def mount(mountpoint, **kwargs):
        mounted.append(mountpoint)
        (Path(mountpoint) / "MyDrive").mkdir(parents=True, exist_ok=True)

    drive = types.ModuleType("google.colab.drive")
    drive.mount = mount
    colab = types.ModuleType("google.colab")
    colab.drive = drive
    google = types.ModuleType("google")
    google.colab = colab
    monkeypatch.setitem(sys.modules, "google", google)
    monkeypatch.setitem(sys.modules, "google.colab", colab)
    monkeypatch.setitem(sys.modules, "google.colab.drive", drive)
    return mounted, drive_root


def test_use_drive_mounts_drive_moves_the_scorecard_there_and_keeps_what_was_recorded(fake_colab, capsys):
    mounted, drive_root = fake_colab
    scorecard.record("00", "t", "before drive", "accuracy", 0.5)       # recorded earlier in the session
    target = scorecard.use_drive()
    assert mounted == [str(drive_root)]
    assert target == drive_root / "MyDrive" / "ml-vs-dl-course" / "scorecard.json"
    assert scorecard.path() == target and os.environ["COURSE_SCORECARD"] == str(target)
    assert list(scorecard.load()["model"]) == ["before drive"]
    scorecard.record("00", "t", "after drive", "accuracy", 0.6)
    assert len(json.loads(target.read_text())["rows"]) == 2
    assert "kept on your Google Drive" in capsys.readouterr().out
    assert scorecard.use_drive() == target                               # calling it again is harmless
    assert len(scorecard.load()) == 2


def test_use_drive_takes_another_folder_and_refuses_paths_outside_drive(fake_colab):
    _, drive_root = fake_colab
    assert scorecard.use_drive("courses/ml") == drive_root / "MyDrive" / "courses" / "ml" / "scorecard.json"
    for bad in ("", "../outside", "/content"):
        with pytest.raises(ValueError, match="folder"):
            scorecard.use_drive(bad)


def test_use_drive_off_colab_says_it_is_for_colab_and_points_to_export(monkeypatch, private_scorecard):
    import sys

    monkeypatch.setitem(sys.modules, "google.colab", None)   # not importable, as anywhere but Colab
    with pytest.raises(RuntimeError, match=r"for Google Colab.*scorecard.export\(\).*merge_from"):
        scorecard.use_drive()
    assert scorecard.path() == private_scorecard


def test_session_advice_on_colab_and_binder_only_while_no_scorecard_is_chosen(monkeypatch):
    monkeypatch.delenv("COURSE_SCORECARD")
    assert "scorecard.use_drive()" in scorecard.session_advice("colab")
    assert "scorecard.export()" in scorecard.session_advice("binder")
    assert scorecard.session_advice("local") is None
    monkeypatch.setenv("COURSE_SCORECARD", "/somewhere/scorecard.json")
    assert scorecard.session_advice("colab") is None


def test_a_dummy_model_is_a_baseline_not_a_classical_model():
    from sklearn.dummy import DummyClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier

    assert scorecard.model_family(DummyClassifier()) == "baseline"
    assert scorecard.model_family(make_pipeline(StandardScaler(), DummyClassifier())) == "baseline"
    assert scorecard.model_family(DecisionTreeClassifier()) == "classical ML"
