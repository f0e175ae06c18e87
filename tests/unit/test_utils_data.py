"""Tests of utils.data: every dataset offline, deterministic, of the documented shape and content."""

from __future__ import annotations

import contextlib
import random

import numpy as np
import pandas as pd
import pytest

from utils import data

# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


@contextlib.contextmanager
def global_random_state_unchanged():
    """Fail if the block changes Python's or NumPy's global random state."""
    python_state, numpy_state = random.getstate(), np.random.get_state()
    yield
    assert random.getstate() == python_state, "the global `random` state changed"
    after = np.random.get_state()
    assert all(np.array_equal(a, b) for a, b in zip(after, numpy_state)), "NumPy's global state changed"


# --------------------------------------------------------------------------------------
# Bundled tabular sets
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "shape", "classification"),
    [("iris", (150, 4), True), ("wine", (178, 13), True), ("breast_cancer", (569, 30), True),
     ("diabetes", (442, 10), False)],
)
def test_load_tabular_as_frame(name, shape, classification):
    X, y = data.load_tabular(name)
    assert isinstance(X, pd.DataFrame) and isinstance(y, pd.Series)
    assert X.shape == shape and len(y) == shape[0]
    assert y.name == "target"
    assert not X.isna().any().any()
    assert (y.dtype.kind == "i") is classification


def test_load_tabular_as_arrays():
    X, y = data.load_tabular("wine", as_frame=False)
    assert isinstance(X, np.ndarray) and isinstance(y, np.ndarray)
    assert X.shape == (178, 13) and set(np.unique(y)) == {0, 1, 2}


def test_load_tabular_normalises_names():
    X, _ = data.load_tabular(" Breast-Cancer ")
    assert X.shape == (569, 30)
    assert data.load_tabular("load_iris")[0].shape == (150, 4)


@pytest.mark.parametrize(
    ("name", "error", "message"),
    [
        ("titanic_2", ValueError,
         r"Unknown name 'titanic_2'. Choose one of: 'iris', 'wine', 'breast_cancer', 'diabetes'"),
        ("california_housing", ValueError, r"not available offline: it is downloaded by .*fetch_california_housing"),
        ("mnist", ValueError, r"not available offline.*Offline instead: utils.data.load_digits_8x8"),
        ("digits", ValueError, r"image set, not a table: use utils.data.load_digits_8x8"),
        (3, TypeError, r"name must be a string, but got int 3"),
    ],
)
def test_load_tabular_bad_names(name, error, message):
    with pytest.raises(error, match=message):
        data.load_tabular(name)


def test_load_tabular_bad_as_frame():
    with pytest.raises(TypeError, match="as_frame must be True or False"):
        data.load_tabular("iris", as_frame="yes")


def test_load_digits_8x8():
    images, labels = data.load_digits_8x8()
    assert images.shape == (1797, 8, 8) and images.dtype == np.float32
    assert images.min() == 0.0 and images.max() == 1.0
    assert labels.dtype == np.int64 and set(np.unique(labels)) == set(range(10))


def test_load_digits_8x8_returns_copies():
    images, labels = data.load_digits_8x8()
    images[:] = -1
    labels[:] = -1
    again, labels_again = data.load_digits_8x8()
    assert again.min() == 0.0 and labels_again.min() == 0


# --------------------------------------------------------------------------------------
# Customers
# --------------------------------------------------------------------------------------


def test_make_customers_columns_and_ranges():
    customers = data.make_customers()
    assert list(customers.columns) == list(data.CUSTOMER_COLUMNS)
    assert len(customers) == 600
    assert customers.index.name == "customer_id" and customers.index[0] == 1
    assert customers["age"].between(18, 90).all()
    assert (customers["annual_income"] > 0).all()
    assert customers["spending_score"].between(1, 100).all()
    assert (customers["visits_per_month"] >= 0).all()
    assert customers["online_share"].between(0, 1).all()
    assert (customers["tenure_years"] >= 0).all()
    assert (customers["tenure_years"] <= customers["age"] - 16).all()
    assert not customers.isna().any().any()


def test_make_customers_income_is_right_skewed():
    income = data.make_customers(2000)["annual_income"]
    assert income.skew() > 0.5
    assert income.mean() > income.median()


def test_make_customers_segments_only_on_request():
    assert "segment" not in data.make_customers(100)
    customers = data.make_customers(1000, with_segments=True)
    segment = customers["segment"]
    assert isinstance(segment.dtype, pd.CategoricalDtype)
    assert set(segment.unique()) == {s.name for s in data.CUSTOMER_SEGMENTS}
    shares = segment.value_counts(normalize=True)
    assert abs(shares["families"] - 0.26) < 0.05
    ages = customers.groupby("segment", observed=True)["age"].mean()
    assert ages["students"] < ages["young professionals"] < ages["families"] < ages["affluent seniors"]


def test_make_customers_is_deterministic():
    pd.testing.assert_frame_equal(data.make_customers(seed=5), data.make_customers(seed=5))
    assert not data.make_customers(seed=5).equals(data.make_customers(seed=6))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"n": 5}, ValueError, r"n must be between 10 and 1000000, but got 5"),
     ({"n": "600"}, TypeError, r"n must be an int, but got str '600'"),
     ({"seed": -3}, ValueError, r"seed must be between 0 and"),
     ({"with_segments": 1}, TypeError, r"with_segments must be True or False")],
)
def test_make_customers_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        data.make_customers(**kwargs)


# --------------------------------------------------------------------------------------
# Sensor readings
# --------------------------------------------------------------------------------------

CHANNELS = ["temperature", "vibration", "pressure", "current"]


def test_make_sensor_readings_columns_and_time_axis():
    readings = data.make_sensor_readings()
    assert list(readings.columns) == ["timestamp", *CHANNELS, "is_anomaly", "anomaly_kind"]
    assert len(readings) == 2000
    steps = readings["timestamp"].diff().dropna().unique()
    assert list(steps) == [pd.Timedelta(minutes=10)]
    assert readings["is_anomaly"].dtype == bool
    assert not readings[CHANNELS].isna().any().any()


@pytest.mark.parametrize(("n", "rate"), [(2000, 0.02), (2000, 0.0), (1000, 0.05), (5000, 0.1), (300, 0.2)])
def test_make_sensor_readings_anomaly_rate(n, rate):
    readings = data.make_sensor_readings(n, anomaly_rate=rate)
    flagged = readings["is_anomaly"].to_numpy()
    assert flagged.sum() == round(rate * n)
    assert not flagged[0] and not flagged[-1]
    assert ((readings["anomaly_kind"] != "none") == readings["is_anomaly"]).all()


def test_make_sensor_readings_has_every_documented_kind():
    kinds = data.make_sensor_readings()["anomaly_kind"]
    counts = kinds.value_counts()
    assert set(kinds.cat.categories) == {"none", "spike", "drift", "stuck", "correlation_break"}
    assert (counts[["spike", "drift", "stuck", "correlation_break"]] > 0).all()


def test_make_sensor_readings_channels_correlated_with_daily_cycle():
    readings = data.make_sensor_readings()
    normal = readings[~readings["is_anomaly"]]
    correlations = normal[CHANNELS].corr().to_numpy()
    assert correlations[np.triu_indices(4, 1)].min() > 0.7
    by_hour = normal.groupby(normal["timestamp"].dt.hour)["temperature"].mean()
    assert by_hour.max() - by_hour.min() > 5.0


def _windows(mask: np.ndarray) -> list[slice]:
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(int), [0]])))
    return [slice(start, stop) for start, stop in zip(edges[::2], edges[1::2])]


def test_stuck_sensor_repeats_a_value():
    readings = data.make_sensor_readings(5000, anomaly_rate=0.1)
    windows = _windows((readings["anomaly_kind"] == "stuck").to_numpy())
    assert windows
    for rows in windows:
        block = readings[CHANNELS].iloc[rows]
        assert (block.nunique() == 1).any(), "a stuck window should hold one repeated value"


def test_spikes_stand_out():
    readings = data.make_sensor_readings(5000, anomaly_rate=0.1)
    jumps = readings[CHANNELS].diff().abs() / readings[CHANNELS].std()
    spike_rows = readings["anomaly_kind"] == "spike"
    assert (jumps[spike_rows].max(axis=1) > 3).all()


def test_make_sensor_readings_is_deterministic():
    pd.testing.assert_frame_equal(data.make_sensor_readings(seed=2), data.make_sensor_readings(seed=2))
    assert not data.make_sensor_readings(seed=2).equals(data.make_sensor_readings(seed=3))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"anomaly_rate": 0.5}, ValueError, r"anomaly_rate must be between 0.0 and 0.2, but got 0.5"),
     ({"anomaly_rate": float("nan")}, ValueError, r"anomaly_rate must be a finite number"),
     ({"anomaly_rate": "2%"}, TypeError, r"anomaly_rate must be a number, but got str"),
     ({"n": 50}, ValueError, r"n must be between 100 and"),
     ({"seed": 0.5}, TypeError, r"seed must be an int")],
)
def test_make_sensor_readings_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        data.make_sensor_readings(**kwargs)


# --------------------------------------------------------------------------------------
# Churn
# --------------------------------------------------------------------------------------

CATEGORICAL = {"contract", "internet_service", "payment_method", "region"}


def test_make_churn_shapes_types_and_imbalance():
    X, y = data.make_churn()
    assert X.shape == (3000, 11) and y.shape == (3000,)
    assert y.name == "churned" and set(y.unique()) == {0, 1}
    assert 0.24 <= y.mean() <= 0.26
    categorical = {c for c in X.columns if isinstance(X[c].dtype, pd.CategoricalDtype)}
    assert categorical == CATEGORICAL
    numeric = set(X.select_dtypes("number").columns)
    assert numeric == set(X.columns) - CATEGORICAL
    assert (X.index == y.index).all()


def test_make_churn_missing_values_in_one_column():
    X, _ = data.make_churn()
    missing = X.isna().mean()
    assert list(missing[missing > 0].index) == ["satisfaction"]
    assert 0.08 <= missing["satisfaction"] <= 0.18


def test_make_churn_target_follows_the_documented_rules():
    X, y = data.make_churn(10000)
    rate = y.groupby(X["contract"], observed=True).mean()
    assert rate["month-to-month"] > 3 * rate["two-year"]
    assert y[X["support_calls"] >= 4].mean() > y.mean()
    new = X["tenure_months"] < 6
    assert y[new & (X["contract"] == "month-to-month")].mean() > 0.5
    # a useless column: churn does not depend on region
    by_region = y.groupby(X["region"], observed=True).mean()
    assert (by_region - y.mean()).abs().max() < 0.04


def test_make_churn_is_deterministic():
    X1, y1 = data.make_churn(500, seed=9)
    X2, y2 = data.make_churn(500, seed=9)
    pd.testing.assert_frame_equal(X1, X2)
    pd.testing.assert_series_equal(y1, y2)
    X3, _ = data.make_churn(500, seed=10)
    assert not X1.equals(X3)


@pytest.mark.slow
def test_trees_beat_a_linear_model_on_churn():
    from sklearn.compose import make_column_selector, make_column_transformer
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    X, y = data.make_churn()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
    prepare = make_column_transformer(
        (make_pipeline(SimpleImputer(), StandardScaler()), make_column_selector(dtype_include="number")),
        (OneHotEncoder(handle_unknown="ignore"), make_column_selector(dtype_include="category")),
    )
    # one OpenMP thread, as in every notebook (tests/unit/conftest.py): two on a busy 2-core
    # machine are ~15x slower
    linear = make_pipeline(prepare, LogisticRegression(max_iter=2000)).fit(X_train, y_train)
    trees = make_pipeline(prepare, HistGradientBoostingClassifier(random_state=0)).fit(X_train, y_train)
    linear_accuracy, trees_accuracy = linear.score(X_test, y_test), trees.score(X_test, y_test)
    assert trees_accuracy > linear_accuracy + 0.01
    assert linear_accuracy > 0.76  # both beat the majority class (0.75)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"n": 10}, ValueError, r"n must be between 100 and"), ({"n": 3000.0}, TypeError, r"n must be an int"),
     ({"seed": "0"}, TypeError, r"seed must be an int")],
)
def test_make_churn_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        data.make_churn(**kwargs)


# --------------------------------------------------------------------------------------
# Credit applications
# --------------------------------------------------------------------------------------


def test_make_credit_documented_columns_and_types():
    X, y = data.make_credit()
    assert list(X.columns) == list(data.CREDIT_COLUMNS) and X.shape == (2000, 8) and len(y) == 2000
    assert X.index.name == "applicant_id" and X.index[0] == 1 and (X.index == y.index).all()
    assert y.name == "approved" and y.dtype == np.int64 and set(y.unique()) == {0, 1}
    assert y.mean() == pytest.approx(data.CREDIT_APPROVAL_RATE, abs=0.001)
    assert list(X["group"].cat.categories) == ["A", "B"]
    assert list(X["postcode_area"].cat.categories) == list(data.POSTCODE_AREAS)
    numeric = X.drop(columns=["group", "postcode_area"])
    assert all(pd.api.types.is_numeric_dtype(t) for t in numeric.dtypes) and not X.isna().any().any()
    assert X["debt_ratio"].between(0, 0.95).all() and (X["late_payments"] >= 0).all()
    assert (X["income"] >= 8000).all() and (X["loan_amount"] >= 1000).all()
    assert X["group"].value_counts(normalize=True)["A"] == pytest.approx(0.6, abs=0.03)


def test_make_credit_is_deterministic():
    X1, y1 = data.make_credit(300, seed=4, bias=2.0)
    X2, y2 = data.make_credit(300, seed=4, bias=2.0)
    pd.testing.assert_frame_equal(X1, X2)
    pd.testing.assert_series_equal(y1, y2)
    X3, _ = data.make_credit(300, seed=5, bias=2.0)
    assert not X1.equals(X3)
    X4, _ = data.make_credit(300, seed=4, bias=0.0)
    pd.testing.assert_frame_equal(X1, X4)  # the bias changes the decisions, not the applicants


def test_make_credit_postcode_is_a_proxy_for_group():
    X, _ = data.make_credit(10000)
    share_b = (X["group"] == "B").groupby(X["postcode_area"], observed=True).mean()
    assert (share_b[["P1", "P2", "P3"]] < 0.2).all() and (share_b[["P4", "P5", "P6"]] > 0.7).all()


def test_make_credit_applicants_are_equally_creditworthy_in_both_groups():
    X, _ = data.make_credit(20000)
    means = X.drop(columns="postcode_area").groupby("group", observed=True).mean()
    relative_gap = (means.loc["A"] - means.loc["B"]).abs() / X.drop(columns=["group", "postcode_area"]).std()
    assert (relative_gap < 0.05).all(), relative_gap


def _approval_gap(bias: float) -> float:
    X, y = data.make_credit(20000, bias=bias)
    rates = y.groupby(X["group"], observed=True).mean()
    return float(rates["A"] - rates["B"])


def test_make_credit_labels_depend_on_group_only_with_bias():
    assert abs(_approval_gap(0.0)) < 0.02
    gaps = [_approval_gap(bias) for bias in (0.5, 1.0, 2.0)]
    assert 0.05 < gaps[0] < gaps[1] < gaps[2], gaps
    assert gaps[1] > 0.15


def test_make_credit_truth_is_the_unbiased_decision():
    X, y, truth = data.make_credit(20000, with_truth=True)
    assert truth.name == "creditworthy" and truth.mean() == pytest.approx(data.CREDIT_APPROVAL_RATE, abs=0.001)
    by_group = truth.groupby(X["group"], observed=True).mean()
    assert abs(by_group["A"] - by_group["B"]) < 0.03
    refused_by_bias = (truth == 1) & (y == 0)
    assert (X.loc[refused_by_bias, "group"] == "B").mean() > 0.95
    _, y_fair, truth_fair = data.make_credit(5000, bias=0.0, with_truth=True)
    pd.testing.assert_series_equal(y_fair, truth_fair.rename("approved"))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"n": 50}, ValueError, r"n must be between 100 and"),
     ({"bias": -1.0}, ValueError, r"bias must be between 0.0 and 5.0"),
     ({"bias": "high"}, TypeError, r"bias must be a number"), ({"seed": 1.5}, TypeError, r"seed must be an int"),
     ({"with_truth": 1}, TypeError, r"with_truth must be True or False")],
)
def test_make_credit_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        data.make_credit(**kwargs)


# --------------------------------------------------------------------------------------
# Capstone: defect images and machine signals
# --------------------------------------------------------------------------------------


def _balanced_cv_accuracy(features: np.ndarray, labels: np.ndarray) -> float:
    """5-fold balanced accuracy of a class-weighted logistic regression (majority class: 0.5)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(class_weight="balanced", max_iter=1000))
    return float(cross_val_score(model, features, labels, cv=5, scoring="balanced_accuracy").mean())


def test_make_defect_images_shapes_types_and_documented_balance():
    parts = data.make_defect_images()
    assert set(parts) == {"x", "y", "kind"}
    assert parts["x"].shape == (1000, 32, 32) and parts["x"].dtype == np.float32
    assert 0.0 <= parts["x"].min() and parts["x"].max() <= 1.0
    assert parts["y"].dtype == np.int64 and int(parts["y"].sum()) == 50  # exactly round(0.05 * 1000)
    assert ((parts["kind"] != "none") == (parts["y"] == 1)).all()
    assert set(parts["kind"]) == {"none", *data.DEFECT_KINDS}
    many = data.make_defect_images(2000, defect_rate=0.2, size=24)
    assert many["x"].shape == (2000, 24, 24) and int(many["y"].sum()) == 400
    scratch_share = float(np.mean(many["kind"][many["y"] == 1] == "scratch"))
    assert scratch_share == pytest.approx(data.DEFECT_KINDS["scratch"], abs=0.08)


def test_make_defect_images_is_deterministic():
    first, again, other = (data.make_defect_images(100, seed=s) for s in (3, 3, 4))
    for key in first:
        np.testing.assert_array_equal(first[key], again[key])
    assert not np.array_equal(first["x"], other["x"])


def test_make_defect_images_surface_varies_but_defects_separate_the_classes():
    from scipy.ndimage import gaussian_filter

    parts = data.make_defect_images(600, defect_rate=0.2, seed=1)
    x, y = parts["x"], parts["y"]
    assert np.ptp(x.mean(axis=(1, 2))) > 0.1  # the light varies from part to part
    detail = x - gaussian_filter(x, (0, 2, 2))  # what is left after removing the light and streaks
    features = np.c_[detail.min(axis=(1, 2)), detail.max(axis=(1, 2)), detail.std(axis=(1, 2))]
    assert _balanced_cv_accuracy(features, y) > 0.7  # the majority class scores 0.5
    brightness = x.mean(axis=(1, 2))[:, None]  # no shortcut: the average level says nothing
    assert _balanced_cv_accuracy(brightness, y) < 0.6


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"n": 10}, ValueError, r"n must be between 20 and"), ({"defect_rate": 0.0}, ValueError, r"defect_rate must be between 0.01"),
     ({"size": 8}, ValueError, r"size must be between 16 and 128"), ({"seed": -1}, ValueError, r"seed must be between 0"),
     ({"defect_rate": "5%"}, TypeError, r"defect_rate must be a number")],
)
def test_make_defect_images_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        data.make_defect_images(**kwargs)


def test_make_machine_signals_shapes_types_and_documented_balance():
    machines = data.make_machine_signals()
    assert set(machines) == {"x", "y", "days_to_failure", "speed_hz", "t"}
    assert machines["x"].shape == (600, 512) and machines["x"].dtype == np.float32
    assert machines["y"].dtype == np.int64 and int(machines["y"].sum()) == 120  # exactly round(0.2 * 600)
    days, y = machines["days_to_failure"], machines["y"]
    assert ((days <= 7.0) == (y == 1)).all() and days.min() >= 0 and days.max() <= 120
    assert machines["speed_hz"].min() >= 20 and machines["speed_hz"].max() <= 30
    np.testing.assert_allclose(np.diff(machines["t"]), 1 / data.MACHINE_SAMPLING_RATE_HZ, rtol=1e-4)
    other = data.make_machine_signals(50, failure_rate=0.5, horizon_days=14, length=128)
    assert other["x"].shape == (50, 128) and int(other["y"].sum()) == 25
    assert ((other["days_to_failure"] <= 14) == (other["y"] == 1)).all()


def test_make_machine_signals_is_deterministic():
    first, again, other = (data.make_machine_signals(60, seed=s) for s in (2, 2, 3))
    for key in first:
        np.testing.assert_array_equal(first[key], again[key])
    assert not np.array_equal(first["x"], other["x"])


def test_make_machine_signals_wear_separates_the_classes():
    from scipy.stats import kurtosis

    machines = data.make_machine_signals(400, seed=1)
    x, y = machines["x"].astype(float), machines["y"]
    rms = np.sqrt((x**2).mean(axis=1))
    features = np.c_[rms, kurtosis(x, axis=1), np.abs(x).max(axis=1) / rms]
    assert _balanced_cv_accuracy(features, y) > 0.8  # the majority class scores 0.5
    # wear grows towards the failure: impacts raise the kurtosis of machines close to it
    close, far = kurtosis(x, axis=1)[machines["days_to_failure"] <= 3], kurtosis(x, axis=1)[machines["days_to_failure"] > 60]
    assert np.median(close) > np.median(far) + 0.5


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"n": 5}, ValueError, r"n must be between 20 and"), ({"failure_rate": 1.0}, ValueError, r"failure_rate must be between"),
     ({"horizon_days": 0}, ValueError, r"horizon_days must be between 1.0 and 30.0"),
     ({"length": 32}, ValueError, r"length must be between 64"), ({"length": 256.0}, TypeError, r"length must be an int")],
)
def test_make_machine_signals_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        data.make_machine_signals(**kwargs)


# --------------------------------------------------------------------------------------
# MNIST-1D
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mnist1d():
    """Generate MNIST-1D once, from scratch, proving it neither downloads nor prints nor reseeds."""

    def no_network(*args, **kwargs):
        raise AssertionError("load_mnist1d tried to download")

    import io

    import mnist1d.data
    import requests

    data._mnist1d_raw.cache_clear()
    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(printed):
        patch.setattr(requests, "get", no_network)
        patch.setattr(mnist1d.data, "get_dataset", no_network)
        with global_random_state_unchanged():
            loaded = data.load_mnist1d()
    assert printed.getvalue() == ""
    return loaded


@pytest.mark.slow
def test_load_mnist1d_shapes_and_dtypes(mnist1d):
    assert mnist1d["x"].shape == (4000, 40) and mnist1d["x"].dtype == np.float32
    assert mnist1d["x_test"].shape == (1000, 40) and mnist1d["x_test"].dtype == np.float32
    assert mnist1d["y"].shape == (4000,) and mnist1d["y_test"].shape == (1000,)
    assert mnist1d["y"].dtype == np.int64 and set(np.unique(mnist1d["y"])) == set(range(10))
    assert mnist1d["t"].shape == (40,) and mnist1d["t"].dtype == np.float32
    assert np.array_equal(mnist1d["positions"], np.arange(40))
    everything = np.concatenate([mnist1d["x"], mnist1d["x_test"]])
    assert abs(everything.mean()) < 1e-3 and abs(everything.std() - 1) < 1e-3  # standardised as in the paper


@pytest.mark.slow
def test_load_mnist1d_is_cached_and_returns_copies(mnist1d):
    hits = data._mnist1d_raw.cache_info().hits
    again = data.load_mnist1d()
    assert data._mnist1d_raw.cache_info().hits == hits + 1  # generated once, then served
    for key in ("x", "y", "x_test", "y_test", "t"):
        assert np.array_equal(again[key], mnist1d[key])
        again[key][...] = 0  # a caller's change must not reach the cache
    fresh = data.load_mnist1d()
    assert np.array_equal(fresh["x"], mnist1d["x"]) and np.array_equal(fresh["y"], mnist1d["y"])


@pytest.mark.slow
def test_load_mnist1d_shuffled_positions(mnist1d):
    shuffled = data.load_mnist1d(shuffle_positions=True)
    order = shuffled["positions"]
    assert sorted(order.tolist()) == list(range(40)) and not np.array_equal(order, np.arange(40))
    assert np.array_equal(shuffled["x"], mnist1d["x"][:, order])
    assert np.array_equal(shuffled["x_test"], mnist1d["x_test"][:, order])
    assert np.array_equal(shuffled["y"], mnist1d["y"])
    assert not np.array_equal(shuffled["x"], mnist1d["x"])
    assert np.array_equal(data.load_mnist1d(shuffle_positions=True)["positions"], order)  # one fixed permutation
    assert not np.array_equal(data.load_mnist1d(shuffle_positions=True, seed=1)["positions"], order)


@pytest.mark.slow
def test_load_mnist1d_balanced_nested_subsets(mnist1d):
    small = data.load_mnist1d(n_train=100)
    assert small["x"].shape == (100, 40)
    assert np.bincount(small["y"], minlength=10).tolist() == [10] * 10
    smaller = data.load_mnist1d(n_train=50)
    assert np.array_equal(smaller["x"], small["x"][:50])
    assert small["x_test"].shape == (1000, 40)
    other = data.load_mnist1d(n_train=100, seed=1)
    assert not np.array_equal(other["x"], small["x"])


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"n_train": 0}, ValueError, r"n_train must be between 1 and 4000, but got 0"),
     ({"n_train": 5000}, ValueError, r"n_train must be between 1 and 4000"),
     ({"n_train": 1.5}, TypeError, r"n_train must be an int"),
     ({"shuffle_positions": "yes"}, TypeError, r"shuffle_positions must be True or False"),
     ({"seed": -1}, ValueError, r"seed must be between 0")],
)
def test_load_mnist1d_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        data.load_mnist1d(**kwargs)


def test_preserve_global_random_state():
    with global_random_state_unchanged(), data._preserve_global_random_state():
        np.random.seed(42)
        random.seed(42)
        np.random.rand(3)


# --------------------------------------------------------------------------------------
# Translated digits
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def translated():
    return data.make_translated_digits(n_train=500, n_test=100)


def test_make_translated_digits_shapes_dtypes_ranges(translated):
    assert translated["x_train"].shape == (500, 32, 32) and translated["x_train"].dtype == np.float32
    assert translated["x_test"].shape == (100, 32, 32) and translated["x_test"].dtype == np.float32
    assert translated["y_train"].shape == (500,) and translated["y_train"].dtype == np.int64
    for key in ("x_train", "x_test"):
        assert translated[key].min() >= 0.0 and translated[key].max() <= 1.0
        assert (translated[key].max(axis=(1, 2)) > 0.5).all(), "every image shows a digit"


def test_make_translated_digits_train_and_test_sources_are_disjoint(translated):
    assert not set(translated["source_train"]) & set(translated["source_test"])
    _, labels = data.load_digits_8x8()
    assert np.array_equal(labels[translated["source_train"]], translated["y_train"])
    assert np.array_equal(labels[translated["source_test"]], translated["y_test"])
    assert set(np.unique(translated["y_test"])) == set(range(10))


def test_make_translated_digits_pools_are_disjoint_for_any_seed():
    for seed in range(3):
        d = data.make_translated_digits(n_train=2000, n_test=1000, seed=seed)
        assert not set(d["source_train"]) & set(d["source_test"])
        assert len(set(d["source_test"])) > 250  # drawn from the ~360 held-out digits


def test_make_translated_digits_is_deterministic(translated):
    again = data.make_translated_digits(n_train=500, n_test=100)
    for key, value in translated.items():
        assert np.array_equal(again[key], value), key
    other = data.make_translated_digits(n_train=500, n_test=100, seed=1)
    assert not np.array_equal(other["x_train"], translated["x_train"])


def test_make_translated_digits_prefixes_and_fixed_test_set(translated):
    small = data.make_translated_digits(n_train=100, n_test=100)
    assert np.array_equal(small["x_train"], translated["x_train"][:100])
    assert np.array_equal(small["x_test"], translated["x_test"])


def test_make_translated_digits_unit_scale_copies_the_source_digit():
    d = data.make_translated_digits(n_train=50, n_test=10, canvas=8, scale=(1.0, 1.0))
    images, _ = data.load_digits_8x8()
    assert np.array_equal(d["x_train"], images[d["source_train"]])


def test_make_translated_digits_moves_the_digits(translated):
    rows, cols = np.nonzero(translated["x_train"].sum(axis=0))
    centres = [np.array(np.nonzero(image)).mean(axis=1) for image in translated["x_train"][:200]]
    spread = np.std(centres, axis=0)
    assert (spread > 3).all(), "digit positions should vary across the canvas"


def test_make_translated_digits_clutter_only_adds_ink(translated):
    cluttered = data.make_translated_digits(n_train=500, n_test=100, clutter=3)
    assert np.array_equal(cluttered["y_train"], translated["y_train"])
    assert (cluttered["x_train"] >= translated["x_train"]).all()
    added = (cluttered["x_train"] - translated["x_train"]).sum(axis=(1, 2))
    assert (added > 0).mean() > 0.9


@pytest.mark.slow
def test_make_translated_digits_is_compact():
    """12,000 images fit in 50 MB (float32); their generation time is the benchmark's business."""
    d = data.make_translated_digits(10000, 2000)
    assert d["x_train"].shape == (10000, 32, 32) and d["x_train"].dtype == np.float32
    assert d["x_train"].nbytes + d["x_test"].nbytes < 50_000_000


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"canvas": 12}, ValueError, r"canvas=12 is too small: digits scaled by up to 2.0 are 16×16 pixels. "
                                  r"Use canvas >= 16"),
     ({"canvas": 32.0}, TypeError, r"canvas must be an int"),
     ({"scale": (2.0, 1.0)}, ValueError, r"low <= high"),
     ({"scale": 1.5}, TypeError, r"scale must be a \(low, high\) pair"),
     ({"scale": (1.0, float("nan"))}, ValueError, r"scale\[1\] must be a finite number"),
     ({"scale": (0.1, 1.0)}, ValueError, r"scale\[0\] must be between 0.5 and 10.0"),
     ({"clutter": -1}, ValueError, r"clutter must be between 0 and 20, but got -1"),
     ({"n_train": 0}, ValueError, r"n_train must be between 1 and"),
     ({"n_test": "10"}, TypeError, r"n_test must be an int")],
)
def test_make_translated_digits_bad_input(kwargs, error, message):
    with pytest.raises(error, match=message):
        data.make_translated_digits(**{"n_train": 10, "n_test": 10, **kwargs})


# --------------------------------------------------------------------------------------
# Registry and global state
# --------------------------------------------------------------------------------------


def test_load_dataset_dispatches_with_kwargs():
    X, y = data.load_dataset("churn", n=200, seed=1)
    X_direct, y_direct = data.make_churn(200, seed=1)
    pd.testing.assert_frame_equal(X, X_direct)
    assert data.load_dataset("iris")[0].shape == (150, 4)
    assert data.load_dataset("wine", as_frame=False)[0].shape == (178, 13)
    assert data.load_dataset("digits")[0].shape == (1797, 8, 8)
    assert len(data.load_dataset("customers", n=50)) == 50
    assert data.load_dataset("translated_digits", n_train=5, n_test=5)["x_train"].shape == (5, 32, 32)
    pd.testing.assert_frame_equal(data.load_dataset("credit", n=200, bias=0.5)[0], data.make_credit(200)[0])
    assert data.load_dataset("defect_images", n=40)["x"].shape == (40, 32, 32)
    assert data.load_dataset("machine_signals", n=40, length=64)["x"].shape == (40, 64)


def test_registry_lists_every_dataset():
    table = data.list_datasets()
    assert list(table.columns) == ["name", "kind", "call", "description"]
    assert set(table["name"]) == set(data.DATASETS) >= {"iris", "churn", "mnist1d", "translated_digits",
                                                         "customers", "sensor_readings", "digits_8x8", "credit",
                                                         "defect_images", "machine_signals"}


def test_load_dataset_unknown_name_lists_choices():
    with pytest.raises(ValueError, match=r"Unknown dataset name 'cats'. Choose one of: 'iris', .*'translated_digits'"):
        data.load_dataset("cats")
    with pytest.raises(ValueError, match=r"'cifar10' is not available offline"):
        data.load_dataset("cifar10")
    with pytest.raises(TypeError, match="name must be a string"):
        data.load_dataset(None)


def test_load_dataset_unknown_argument():
    with pytest.raises(TypeError, match=r"load_dataset\('churn'\): .*unexpected keyword argument 'size'.*make_churn"):
        data.load_dataset("churn", size=10)


@pytest.mark.parametrize(
    "make",
    [lambda: data.make_customers(100), lambda: data.make_sensor_readings(200), lambda: data.make_churn(200),
     lambda: data.make_translated_digits(20, 20, clutter=2), lambda: data.make_credit(200, with_truth=True),
     lambda: data.make_defect_images(50), lambda: data.make_machine_signals(30)],
)
def test_generators_leave_global_random_state_alone(make):
    with global_random_state_unchanged():
        make()
