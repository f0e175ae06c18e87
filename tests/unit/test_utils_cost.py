"""utils.cost: one instrument for every model — exact counts and sizes, the arithmetic of the
percentiles, energy and CO₂, and clear errors. No test asserts how fast anything is: where time
matters, a scripted clock replaces the real one."""

from __future__ import annotations

import json
import math
import os
import warnings

import joblib
import numpy as np
import pandas as pd
import pytest
import torch
from sklearn.datasets import make_classification
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.feature_selection import SelectKBest
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from skorch import NeuralNetClassifier
from torch import nn

from utils import _meters, cost, plots, scorecard

N_FEATURES = 5


@pytest.fixture(autouse=True)
def private_scorecard(tmp_path, monkeypatch):
    file = tmp_path / "card" / "scorecard.json"
    monkeypatch.setenv("COURSE_SCORECARD", str(file))
    return file


@pytest.fixture(scope="module")
def data():
    X, y = make_classification(n_samples=120, n_features=N_FEATURES, n_informative=3, random_state=0)
    X = X.astype(np.float32)
    return X[:80], y[:80], X[80:], y[80:]


def tiny_net(seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(N_FEATURES, 8), nn.ReLU(), nn.Linear(8, 2))


@pytest.fixture(scope="module")
def models(data):
    """Every kind of model the module measures, fitted on tiny data."""
    X, y, _, _ = data
    fitted = {
        "logistic": LogisticRegression().fit(X, y),
        "forest": RandomForestClassifier(n_estimators=4, max_depth=3, random_state=0).fit(X, y),
        "k-NN": KNeighborsClassifier(n_neighbors=3).fit(X, y),
        "SVM": SVC().fit(X, y),
        "boosting": HistGradientBoostingClassifier(max_iter=3, max_leaf_nodes=4, random_state=0).fit(X, y),
        "pipeline": make_pipeline(StandardScaler(), LogisticRegression()).fit(X, y),
        "skorch": NeuralNetClassifier(tiny_net(), max_epochs=2, train_split=None, verbose=0,
                                      iterator_train__shuffle=False).fit(X, y),
        "network": tiny_net(),
    }
    return fitted


class Scripted:
    """A fake clock and a duck-typed model whose every call advances it by a scripted amount."""

    def __init__(self, durations_ms):
        self.now_ns = 0
        self.durations_ms = list(durations_ms)
        self.calls = 0
        self.batches = []

    def clock(self) -> int:
        return self.now_ns

    def predict(self, X):
        self.batches.append(X)
        self.now_ns += int(self.durations_ms[self.calls] * 1_000_000)
        self.calls += 1
        return np.zeros(len(X), dtype=int)


# --------------------------------------------------------------------------------------
# Latency and throughput
# --------------------------------------------------------------------------------------


def test_latency_excludes_the_warm_up_and_uses_numpys_percentiles(monkeypatch):
    warm_up = [1000.0, 800.0, 600.0]  # the slow first calls
    kept = [1.0 + 0.25 * i + (7.0 if i % 10 == 0 else 0.0) for i in range(40)]
    model = Scripted(warm_up + kept)
    monkeypatch.setattr(cost, "_clock_ns", model.clock)
    result = cost.latency(model, np.arange(12.0).reshape(6, 2), n_calls=40, warmup=3)
    assert model.calls == 43
    np.testing.assert_allclose(result.samples_ms, kept)
    p50, p95, p99 = np.percentile(kept, [50, 95, 99])
    assert (result.p50_ms, result.p95_ms, result.p99_ms) == (p50, p95, p99)
    assert result.mean_ms == pytest.approx(np.mean(kept))
    assert (result.n_calls, result.warmup) == (40, 3)
    text = str(result)
    assert "p50" in text and "p99" in text and "ms" in text and "3 warm-up" in text


def test_latency_sends_single_rows_in_turn(monkeypatch):
    model = Scripted([1.0] * 7)
    monkeypatch.setattr(cost, "_clock_ns", model.clock)
    X = np.arange(8.0).reshape(4, 2)
    cost.latency(model, X, n_calls=5, warmup=2)
    assert [batch.shape for batch in model.batches] == [(1, 2)] * 7
    np.testing.assert_array_equal(np.concatenate(model.batches), X[[0, 1, 2, 3, 0, 1, 2]])


def test_latency_keeps_a_dataframe_a_dataframe(monkeypatch):
    model = Scripted([1.0] * 3)
    monkeypatch.setattr(cost, "_clock_ns", model.clock)
    frame = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [4.0, 5.0, 6.0]}, index=[10, 5, 7])
    cost.latency(model, frame, n_calls=3, warmup=0)
    assert all(isinstance(batch, pd.DataFrame) and len(batch) == 1 for batch in model.batches)
    assert [batch.index[0] for batch in model.batches] == [10, 5, 7]


@pytest.mark.parametrize("name", ["logistic", "forest", "k-NN", "SVM", "boosting", "pipeline", "skorch", "network"])
def test_latency_of_every_kind_of_model(models, data, name):
    result = cost.latency(models[name], data[2], n_calls=7, warmup=2)
    assert result.samples_ms.shape == (7,)
    assert np.all(result.samples_ms > 0)
    assert result.p50_ms == np.percentile(result.samples_ms, 50)
    assert result.p50_ms <= result.p95_ms <= result.p99_ms


def test_throughput_is_rows_per_second_median_of_repeats_after_a_warm_up(monkeypatch):
    # X has 10 rows, batches of 4 -> 3 calls a pass; the warm-up call (500 ms) is not timed.
    passes_ms = [[1, 1, 2], [2, 2, 1], [5, 5, 10]]  # 4 ms, 5 ms, 20 ms
    model = Scripted([500.0] + [d for one_pass in passes_ms for d in one_pass])
    monkeypatch.setattr(cost, "_clock_ns", model.clock)
    rate = cost.throughput(model, np.zeros((10, 3)), batch_size=4, repeats=3)
    assert rate == pytest.approx(10 / 0.005)  # median of 2500, 2000 and 500 rows/s
    assert [len(batch) for batch in model.batches] == [4] + [4, 4, 2] * 3


def test_throughput_predicts_all_rows_at_once_by_default(models, data):
    assert cost.throughput(models["network"], data[2], repeats=1) > 0
    model = Scripted([1.0] * 3)
    cost.throughput(model, np.zeros((6, 2)), repeats=2)
    assert [len(batch) for batch in model.batches] == [6, 6, 6]


class Recorder(nn.Module):
    """Records how it is called: training flag, gradients, input type."""

    def __init__(self) -> None:
        super().__init__()
        self.linear = nn.Linear(N_FEATURES, 3)
        self.seen: list[tuple[bool, bool, torch.dtype]] = []

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.seen.append((self.training, torch.is_grad_enabled(), x.dtype))
        return self.linear(x)


def test_networks_predict_in_eval_mode_without_gradients_and_keep_their_mode(data):
    net = Recorder()
    net.train()
    cost.latency(net, data[2].astype(np.float64), n_calls=3, warmup=1)
    assert net.seen == [(False, False, torch.float32)] * 4
    assert net.training  # the mode it had before
    labels = cost.predict(net, data[2])
    with torch.no_grad():
        expected = net.linear(torch.from_numpy(data[2])).argmax(dim=1).numpy()
    np.testing.assert_array_equal(labels, expected)


def test_predict_turns_one_logit_into_labels_and_keeps_estimator_labels():
    single = nn.Linear(2, 1)
    with torch.no_grad():
        single.weight.copy_(torch.tensor([[1.0, 0.0]]))
        single.bias.zero_()
    assert cost.predict(single, np.array([[-2.0, 0.0], [3.0, 1.0]])).tolist() == [0, 1]
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    floats = LogisticRegression().fit(X, np.array([1.0, 1.0, 3.0, 3.0]))  # float labels stay as they are
    assert cost.predict(floats, X).tolist() == [1.0, 1.0, 3.0, 3.0]


# --------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------


def test_parameter_counts_equal_the_hand_counts(models):
    m = models
    expected = {
        "logistic": (m["logistic"].coef_.size + m["logistic"].intercept_.size, "coefficients"),
        "forest": (sum(tree.tree_.node_count for tree in m["forest"].estimators_), "tree nodes"),
        "boosting": (sum(len(tree.nodes) for iteration in m["boosting"]._predictors for tree in iteration),
                     "tree nodes"),
        "SVM": (int(m["SVM"].n_support_.sum()), "support vectors"),
        "k-NN": (m["k-NN"].n_samples_fit_ * m["k-NN"].n_features_in_, "stored training values"),
        "skorch": (sum(p.numel() for p in m["skorch"].module_.parameters()), "weights"),
        "network": (sum(p.numel() for p in m["network"].parameters()), "weights"),
    }
    for name, (count, unit) in expected.items():
        size = cost.parameter_count(m[name])
        assert (size.count, size.unit, size.preprocessing) == (count, unit, 0), name
    assert expected["network"][0] == 5 * 8 + 8 + 8 * 2 + 2
    assert str(cost.parameter_count(m["network"])) == "66 weights"


def test_a_pipeline_counts_its_preprocessing_too(models):
    pipeline = models["pipeline"]
    scaler, logistic = pipeline[0], pipeline[-1]
    size = cost.parameter_count(pipeline)
    assert size.preprocessing == scaler.mean_.size + scaler.scale_.size == 2 * N_FEATURES
    assert size.count == logistic.coef_.size + logistic.intercept_.size + size.preprocessing
    assert size.unit == "coefficients"
    assert "preprocessing" in str(size)


def test_a_quantised_network_keeps_its_count_of_weights(models):
    quantization = pytest.importorskip("torch.ao.quantization")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantised = quantization.quantize_dynamic(models["network"], {nn.Linear}, dtype=torch.qint8)
    assert sum(p.numel() for p in quantised.parameters()) == 0  # packed: invisible to .parameters()
    assert cost.parameter_count(quantised).count == cost.parameter_count(models["network"]).count


def test_unknown_models_and_steps_are_refused_by_name(data):
    X, y, _, _ = data
    with pytest.raises(TypeError, match="does not know DummyClassifier.*tree nodes.*support vectors"):
        cost.parameter_count(DummyClassifier().fit(X, y))
    selecting = make_pipeline(SelectKBest(k=2), LogisticRegression()).fit(X, y)
    with pytest.raises(TypeError, match=r"SelectKBest.*parameter_count\(pipeline\[-1\]\)"):
        cost.parameter_count(selecting)


# --------------------------------------------------------------------------------------
# Size on disk
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["logistic", "forest", "k-NN", "SVM", "boosting", "pipeline"])
def test_scikit_learn_models_are_measured_as_joblib_files(models, tmp_path, name):
    saved = cost.serialized_size(models[name])
    joblib.dump(models[name], tmp_path / "model.joblib")
    assert saved.fmt == "joblib"
    assert saved.bytes == os.path.getsize(tmp_path / "model.joblib") > 0


def test_networks_are_measured_as_state_dicts(models, tmp_path):
    for model, module in ((models["network"], models["network"]), (models["skorch"], models["skorch"].module_)):
        saved = cost.serialized_size(model)
        torch.save(module.state_dict(), tmp_path / "model.pt")
        assert saved.fmt == "state_dict"
        assert saved.bytes == os.path.getsize(tmp_path / "model.pt") > 0
    assert cost.serialized_size(models["skorch"], "joblib").bytes > 0  # a whole skorch net pickles too
    assert "kB (state_dict)" in str(cost.serialized_size(models["network"]))


def test_serialized_size_refuses_formats_that_do_not_fit(models):
    with pytest.raises(ValueError, match="fmt='pickle' is not one of"):
        cost.serialized_size(models["logistic"], "pickle")
    with pytest.raises(TypeError, match="fmt='joblib'"):
        cost.serialized_size(models["logistic"], "state_dict")
    with pytest.raises(TypeError, match="skl2onnx"):
        cost.serialized_size(models["forest"], "onnx")
    with pytest.raises(ValueError, match=r"example=X\[:2\]"):
        cost.serialized_size(models["network"], "onnx")


# --------------------------------------------------------------------------------------
# Memory and energy
# --------------------------------------------------------------------------------------


def test_peak_memory_returns_the_result_and_sees_numpy_and_torch_memory():
    result, peak = cost.peak_memory(lambda n: float(np.ones(n).sum()), 5_000_000)  # 40 MB of float64
    assert result == 5_000_000.0
    if peak.method.startswith("VmHWM"):
        assert peak.mb >= 35
        _, tensor_peak = cost.peak_memory(lambda: torch.ones(10_000_000).sum())  # 40 MB tensor
        assert tensor_peak.mb >= 35
    assert "MB at peak" in str(peak)


def test_peak_memory_falls_back_and_says_so(monkeypatch):
    monkeypatch.setattr(_meters, "_reset_high_water_mark", lambda: False)
    result, peak = cost.peak_memory(sum, [1, 2, 3])
    assert result == 6
    assert peak.mb >= 0
    assert "ru_maxrss" in peak.method or "tracemalloc" in peak.method
    with pytest.raises(TypeError, match="lambda: model.fit"):
        cost.peak_memory(42)


def _burn_cpu() -> int:
    return sum(i * i for i in range(200_000))


def test_energy_without_counters_is_cpu_time_times_watts(tmp_path):
    with cost.EnergyMeter(powercap=tmp_path / "no-powercap") as meter:
        _burn_cpu()
    energy = meter.energy
    assert energy.cpu_seconds > 0
    assert energy.joules == energy.cpu_seconds * cost.WATTS_PER_CORE
    assert energy.watts_per_core == cost.WATTS_PER_CORE
    assert energy.method.startswith("estimate") and "12 W per core" in energy.method
    with cost.EnergyMeter(watts_per_core=5, powercap=tmp_path / "no-powercap") as meter:
        _burn_cpu()
    assert meter.energy.joules == meter.energy.cpu_seconds * 5


def _domain(root, name, energy_uj, max_uj=10_000_000):
    folder = root / name
    folder.mkdir()
    (folder / "energy_uj").write_text(f"{energy_uj}\n")
    (folder / "max_energy_range_uj").write_text(f"{max_uj}\n")
    return folder


def test_energy_from_rapl_counters_with_wrap_around(tmp_path):
    package0 = _domain(tmp_path, "intel-rapl:0", 1_000_000)
    package1 = _domain(tmp_path, "intel-rapl:1", 9_500_000)
    core = _domain(tmp_path, "intel-rapl:0:0", 0)  # a part of package 0: not counted twice
    with cost.EnergyMeter(powercap=tmp_path) as meter:
        (package0 / "energy_uj").write_text("3500000\n")  # +2.5 J
        (package1 / "energy_uj").write_text("300000\n")  # wrapped: +0.5 J to the top, +0.3 J after
        (core / "energy_uj").write_text("9000000\n")
    energy = meter.energy
    assert energy.joules == pytest.approx(3.3)
    assert energy.method.startswith("RAPL") and "2 packages" in energy.method
    assert energy.watts_per_core is None
    assert cost.co2_grams(energy, grid_g_per_kwh=3_600_000) == pytest.approx(3.3)


def test_unreadable_counters_fall_back_to_the_estimate(tmp_path):
    folder = tmp_path / "intel-rapl:0"
    folder.mkdir()
    (folder / "energy_uj").write_text("permission denied\n")
    (folder / "max_energy_range_uj").write_text("10\n")
    with cost.EnergyMeter(powercap=tmp_path) as meter:
        _burn_cpu()
    assert meter.energy.method.startswith("estimate")


def test_energy_meter_errors_say_what_to_do(tmp_path):
    with pytest.raises(ValueError, match="watts_per_core must be a positive number of watts"):
        cost.EnergyMeter(watts_per_core=-3)
    with pytest.raises(ValueError, match="watts_per_core must be a positive"):
        cost.EnergyMeter(watts_per_core=0)
    with pytest.raises(ValueError, match="finite"):
        cost.EnergyMeter(watts_per_core=float("nan"))
    with pytest.raises(TypeError, match="watts_per_core must be a number"):
        cost.EnergyMeter(watts_per_core="12 W")
    with pytest.raises(RuntimeError, match="with EnergyMeter"):
        cost.EnergyMeter().energy  # noqa: B018


def test_co2_is_energy_in_kwh_times_grid_intensity():
    assert cost.co2_grams(3_600_000) == cost.DEFAULT_GRID_G_PER_KWH
    assert cost.co2_grams(7_200, grid_g_per_kwh=500) == pytest.approx(1.0)
    energy = cost.Energy(joules=36_000.0, method="test", watts_per_core=12.0, cpu_seconds=3000.0)
    assert cost.co2_grams(energy, 100) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="at least 0"):
        cost.co2_grams(-1.0)
    with pytest.raises(ValueError, match="grid_g_per_kwh must be at least 0"):
        cost.co2_grams(1.0, grid_g_per_kwh=-5)


def test_measure_fit_times_a_fit_and_estimates_its_energy(data, monkeypatch, tmp_path):
    X, y, _, _ = data
    ticks = iter([0, 250_000_000])  # the fit "takes" 0.25 s on the scripted clock
    monkeypatch.setattr(cost, "_clock_ns", lambda: next(ticks))
    model = LogisticRegression()
    fitted = cost.measure_fit(lambda: model.fit(X, y), watts_per_core=10, powercap=tmp_path)
    assert fitted.result is model and hasattr(model, "coef_")
    assert fitted.wall_s == 0.25
    assert fitted.cpu_s == fitted.energy.cpu_seconds >= 0
    assert fitted.energy.joules == fitted.cpu_s * 10
    assert fitted.peak_mb >= 0 and fitted.memory_method
    with pytest.raises(TypeError, match="lambda: model.fit"):
        cost.measure_fit(model)


# --------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------


def test_bad_models_get_errors_that_name_what_is_supported(data):
    X = data[2]
    with pytest.raises(TypeError, match="scikit-learn estimator or Pipeline, a skorch net, a torch.nn.Module"):
        cost.latency("forest", X)
    with pytest.raises(TypeError, match=r"the class LogisticRegression.*LogisticRegression\(\).fit"):
        cost.throughput(LogisticRegression, X)
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError, match=r"not fitted yet: call model.fit\(X, y\)"):
        cost.latency(RandomForestClassifier(), X)


def test_bad_inputs_and_settings_get_clear_errors(models, data):
    model, X = models["logistic"], data[2]
    with pytest.raises(ValueError, match="X is empty: pass at least one row"):
        cost.latency(model, X[:0])
    with pytest.raises(TypeError, match="X must be rows of inputs"):
        cost.latency(model, None)
    with pytest.raises(ValueError, match="n_calls must be at least 1, but got 0"):
        cost.latency(model, X, n_calls=0)
    with pytest.raises(ValueError, match="warmup must be at least 0, but got -1"):
        cost.latency(model, X, warmup=-1)
    with pytest.raises(TypeError, match="n_calls must be an int"):
        cost.latency(model, X, n_calls=10.5)
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        cost.throughput(model, X, batch_size=0)
    with pytest.raises(ValueError, match="repeats must be"):
        cost.throughput(model, X, repeats=0)


# --------------------------------------------------------------------------------------
# profile, table, the scorecard and the chart
# --------------------------------------------------------------------------------------


def test_profile_fits_measures_and_records_one_row(data):
    X, y, X_test, y_test = data
    model = LogisticRegression()
    row = cost.profile(model, X_test, y_test, fit=lambda: model.fit(X, y), name="logistic",
                       task="toy", notebook="08-cost", n_calls=5, n_train=len(y))
    assert row["score"] == accuracy_score(y_test, model.predict(X_test))
    assert row["metric"] == "accuracy" and row["family"] == "classical ML"
    assert (row["parameters"], row["parameter_unit"]) == (N_FEATURES + 1, "coefficients")
    assert row["size_format"] == "joblib" and row["size_bytes"] == cost.serialized_size(model).bytes
    assert row["latency_p50_ms"] <= row["latency_p95_ms"] <= row["latency_p99_ms"]
    if row["energy_method"].startswith("estimate"):
        assert row["energy_j"] == pytest.approx(row["fit_cpu_s"] * cost.WATTS_PER_CORE)
    assert row["co2_g"] == pytest.approx(cost.co2_grams(row["energy_j"]))
    for column in ("fit_time_s", "throughput_per_s", "peak_fit_mb", "peak_predict_mb", "predict_time_s"):
        assert row[column] >= 0, column
    assert set(scorecard.COLUMNS) <= set(row)
    stored = scorecard.load()
    assert len(stored) == 1
    assert stored.loc[0, "latency_p50_ms"] == pytest.approx(row["latency_p50_ms"])
    assert stored.loc[0, "energy_j"] == pytest.approx(row["energy_j"])
    assert stored.loc[0, "parameters"] == N_FEATURES + 1 and stored.loc[0, "n_train"] == len(y)
    assert "coefficients" in stored.loc[0, "notes"]


def test_profile_of_a_fitted_network_leaves_the_fit_unknown(models, data):
    _, _, X_test, y_test = data
    row = cost.profile(models["network"], X_test, y_test, name="MLP", task="toy", notebook="08-cost",
                       n_calls=3, record=False)
    assert row["family"] == "deep learning"
    assert (row["parameter_unit"], row["size_format"]) == ("weights", "state_dict")
    assert row["score"] == np.mean(cost.predict(models["network"], X_test) == y_test)
    for column in ("fit_time_s", "fit_cpu_s", "peak_fit_mb", "energy_j", "co2_g"):
        assert math.isnan(row[column]), column
    assert row["recorded_at"] is None and len(scorecard.load()) == 0


def test_profile_refuses_what_it_cannot_measure(models, data):
    X, y, X_test, y_test = data
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError, match="fit=lambda"):
        cost.profile(LogisticRegression(), X_test, y_test, name="m", task="t", notebook="n")
    with pytest.raises(TypeError, match="profile measures classifiers"):
        cost.profile(LinearRegression().fit(X, y), X_test, y_test, name="m", task="t", notebook="n")
    with pytest.raises(ValueError, match="same number of rows"):
        cost.profile(models["logistic"], X_test, y_test[:-1], name="m", task="t", notebook="n")
    with pytest.raises(TypeError, match="fit must be None"):
        cost.profile(models["logistic"], X_test, y_test, fit=models["logistic"], name="m", task="t", notebook="n")
    with pytest.raises(ValueError, match="name must not be empty"):
        cost.profile(models["logistic"], X_test, y_test, name=" ", task="t", notebook="n")


def test_scorecard_rows_without_costs_still_load(private_scorecard):
    old = {"notebook": "02-supervised", "task": "churn", "model": "forest", "family": "classical ML",
           "metric": "accuracy", "score": 0.9, "fit_time_s": 0.1, "predict_time_s": 0.01, "size_bytes": 100,
           "parameters": None, "n_train": 10, "notes": "", "recorded_at": "2025-01-01T00:00:00+00:00"}
    private_scorecard.parent.mkdir(parents=True)
    private_scorecard.write_text(json.dumps({"version": 1, "rows": [old], "claims": []}))
    table = scorecard.load()
    assert list(table.columns) == scorecard.COLUMNS
    assert scorecard.COLUMNS[-len(scorecard.COST_COLUMNS):] == scorecard.COST_COLUMNS
    assert table[scorecard.COST_COLUMNS].isna().all().all()
    assert not set(scorecard.COST_COLUMNS) & set(scorecard.show().columns)  # nothing measured, nothing shown
    with pytest.raises(ValueError, match="unknown column.*bogus"):
        scorecard.record("08", "t", "m", "accuracy", 0.5, costs={"bogus": 1.0})


def _rows():
    return [
        {"model": "forest", "task": "toy", "family": "classical ML", "metric": "accuracy", "score": 0.9,
         "latency_p50_ms": 0.8, "size_bytes": 52_000, "energy_j": 2.0, "throughput_per_s": 1e5},
        {"model": "MLP", "task": "toy", "family": "deep learning", "metric": "accuracy", "score": 0.92,
         "latency_p50_ms": 0.05, "size_bytes": 3_000, "energy_j": 9.0, "throughput_per_s": 2e6},
        {"model": "logistic", "task": "toy", "family": "classical ML", "metric": "accuracy", "score": 0.85,
         "latency_p50_ms": 0.04, "size_bytes": 900, "energy_j": float("nan"), "throughput_per_s": 3e6},
    ]


def test_table_puts_units_in_the_column_names():
    shown = cost.table(_rows())
    assert list(shown.columns[:4]) == ["model", "task", "family", "accuracy"]
    assert {"latency p50 (ms)", "size (kB)", "fit energy (J)", "fit CO₂ (g)", "peak fit memory (MB)"} <= set(shown)
    assert shown["size (kB)"].tolist() == [52.0, 3.0, 0.9]
    assert shown["fit time (s)"].isna().all()  # not in these rows: NaN, not an error
    assert cost.table(pd.DataFrame(_rows())).equals(shown)
    with pytest.raises(TypeError, match="list of rows from cost.profile"):
        cost.table("forest")
    with pytest.raises(ValueError, match="rows is empty"):
        cost.table([])


def test_accuracy_vs_cost_draws_two_families_on_a_log_axis():
    figure = plots.accuracy_vs_cost(_rows())
    ax = figure.axes[0]
    assert ax.get_xscale() == "log"
    assert ax.get_xlabel() == "latency p50 (ms) — log scale" and ax.get_ylabel() == "accuracy"
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["classical ML", "deep learning"]
    names = {text.get_text() for text in ax.texts}
    assert {"forest", "MLP", "logistic"} <= names and "better: up and to the left" in names
    families = {collection.get_label(): collection for collection in ax.collections}
    assert families["deep learning"].get_offsets().tolist() == [[0.05, 0.92]]
    # cost.table's output and its labels work too; throughput is better to the right
    figure = plots.accuracy_vs_cost(cost.table(_rows()), "throughput (rows/s)", log_cost=False, labels=False)
    assert figure.axes[0].get_xscale() == "linear"
    assert [t.get_text() for t in figure.axes[0].texts] == ["better: up and to the right"]


def test_accuracy_vs_cost_errors_and_missing_values():
    with pytest.warns(UserWarning, match="Left out.*logistic"):
        figure = plots.accuracy_vs_cost(_rows(), "energy_j")
    assert sum(len(c.get_offsets()) for c in figure.axes[0].collections) == 2
    with pytest.raises(ValueError, match="no cost column 'watts'.*latency_p50_ms"):
        plots.accuracy_vs_cost(_rows(), "watts")
    zero = _rows()
    zero[0]["latency_p50_ms"] = 0.0
    with pytest.raises(ValueError, match="log_cost=False"):
        plots.accuracy_vs_cost(zero)
    with pytest.raises(TypeError, match="table must be the rows of cost.profile"):
        plots.accuracy_vs_cost(42)


# --------------------------------------------------------------------------------------
# ONNX Runtime (optional packages)
# --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_an_onnx_session_is_measured_like_any_model(models, data):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnxscript")
    net, X_test = models["network"], data[2]
    onnx_model = cost.onnx_session(net, X_test[:1])
    with torch.no_grad():
        expected = net(torch.from_numpy(X_test)).numpy()
    np.testing.assert_allclose(onnx_model.predict(X_test), expected, rtol=1e-4, atol=1e-5)
    np.testing.assert_array_equal(cost.predict(onnx_model, X_test), expected.argmax(axis=1))
    assert cost.latency(onnx_model, X_test, n_calls=5, warmup=1).samples_ms.shape == (5,)
    assert cost.throughput(onnx_model, X_test, repeats=1) > 0
    assert cost.parameter_count(onnx_model) == cost.parameter_count(net)
    wrapped = cost.OnnxModel(onnx_model.session, onnx_model.model_bytes)  # counted from the ONNX graph
    assert cost.parameter_count(wrapped) == cost.parameter_count(net)
    assert cost.serialized_size(onnx_model) == cost.Serialized(len(onnx_model.model_bytes), "onnx")
    assert cost.serialized_size(net, "onnx", example=X_test[:2]).bytes > 0
    torch.manual_seed(0)
    wide = nn.Sequential(nn.Linear(N_FEATURES, 512), nn.ReLU(), nn.Linear(512, 2))  # big weights: one file still
    wide_onnx = cost.onnx_session(wide, X_test[:2])
    with torch.no_grad():
        np.testing.assert_allclose(wide_onnx.predict(X_test), wide(torch.from_numpy(X_test)).numpy(), atol=1e-5)
    assert cost.serialized_size(wide_onnx).bytes > 4 * cost.parameter_count(wide).count
    row = cost.profile(onnx_model, X_test, data[3], name="MLP (ONNX)", task="toy", notebook="08-cost",
                       n_calls=3, record=False)
    assert row["family"] == "deep learning" and row["size_format"] == "onnx"


def test_onnx_session_refuses_what_it_cannot_export(models):
    with pytest.raises(TypeError, match="skl2onnx"):
        cost.onnx_session(models["forest"], np.zeros((2, N_FEATURES)))
    with pytest.raises(TypeError, match="onnxruntime.InferenceSession"):
        cost.OnnxModel("session", b"bytes")
