"""Every dataset of the course: offline, deterministic, documented.

Nothing here downloads. The data comes from two places:

* **bundled real data** that ships inside scikit-learn (:func:`load_tabular`,
  :func:`load_digits_8x8`);
* **generated data**, made by a seeded generator: :func:`load_mnist1d` (the MNIST-1D
  benchmark, rebuilt locally by the ``mnist1d`` package), :func:`make_translated_digits`,
  :func:`make_customers`, :func:`make_sensor_readings`, :func:`make_churn`,
  :func:`make_credit`, and for the capstone of notebook 10 :func:`make_defect_images` and
  :func:`make_machine_signals`.

Every generator takes a ``seed`` (default 0): the same call returns the same arrays, bit for
bit, on every machine. Generators use their own :class:`numpy.random.Generator` and never
touch NumPy's global random state. Images are ``float32`` to keep memory modest.

Every dataset is also reachable by name::

    from utils import data
    X, y = data.load_dataset("churn")
    data.list_datasets()          # a table of every name with a one-line description
"""

from __future__ import annotations

import contextlib
import functools
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._validation import as_bool, as_float, as_int, as_seed, as_str

__all__ = [
    "TABULAR_DATASETS",
    "DATASETS",
    "DatasetInfo",
    "load_tabular",
    "load_digits_8x8",
    "make_customers",
    "make_sensor_readings",
    "make_churn",
    "make_credit",
    "make_defect_images",
    "make_machine_signals",
    "load_mnist1d",
    "make_translated_digits",
    "load_dataset",
    "list_datasets",
]


# --------------------------------------------------------------------------------------
# Bundled scikit-learn data
# --------------------------------------------------------------------------------------

#: The real tabular datasets that ship inside scikit-learn (no download), with their task.
TABULAR_DATASETS: dict[str, str] = {
    "iris": "classification: 150 iris flowers, 4 measurements, 3 species (Fisher, 1936)",
    "wine": "classification: 178 Italian wines, 13 chemical measurements, 3 cultivars (UCI)",
    "breast_cancer": "classification: 569 breast tumour biopsies, 30 cell-nucleus features, "
    "malignant/benign (Wisconsin diagnostic, UCI)",
    "diabetes": "regression: 442 diabetes patients, 10 baseline variables (standardised), "
    "disease progression after one year (Efron et al., 2004)",
}

#: Datasets people often ask for that scikit-learn only *downloads* (``fetch_*``) or that
#: need the network elsewhere: they are not available offline in this course.
_ONLINE_ONLY: dict[str, str] = {
    "california_housing": "sklearn.datasets.fetch_california_housing",
    "covtype": "sklearn.datasets.fetch_covtype",
    "kddcup99": "sklearn.datasets.fetch_kddcup99",
    "lfw_people": "sklearn.datasets.fetch_lfw_people",
    "lfw_pairs": "sklearn.datasets.fetch_lfw_pairs",
    "olivetti_faces": "sklearn.datasets.fetch_olivetti_faces",
    "20newsgroups": "sklearn.datasets.fetch_20newsgroups",
    "newsgroups": "sklearn.datasets.fetch_20newsgroups",
    "rcv1": "sklearn.datasets.fetch_rcv1",
    "species_distributions": "sklearn.datasets.fetch_species_distributions",
    "mnist": "fetch_openml('mnist_784') / torchvision.datasets.MNIST",
    "fashion_mnist": "fetch_openml('Fashion-MNIST') / torchvision.datasets.FashionMNIST",
    "cifar10": "torchvision.datasets.CIFAR10",
    "titanic": "fetch_openml('titanic')",
    "adult": "fetch_openml('adult')",
    "boston": "(removed from scikit-learn)",
}


def _normalise_name(name: str) -> str:
    """``"Breast-Cancer"`` → ``"breast_cancer"``; ``"load_iris"`` → ``"iris"``."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    for prefix in ("load_", "fetch_", "make_"):
        if key.startswith(prefix):
            key = key[len(prefix):]
    return key


#: Offline stand-ins to suggest when someone asks for a dataset that needs the network.
_OFFLINE_ALTERNATIVES: dict[str, str] = {
    "california_housing": "utils.data.load_tabular('diabetes') is a bundled regression set",
    "mnist": "utils.data.load_digits_8x8(), make_translated_digits() or load_mnist1d() are offline digit sets",
    "fashion_mnist": "utils.data.make_translated_digits() or load_mnist1d() are offline image/signal sets",
    "cifar10": "utils.data.make_translated_digits() is an offline image set",
    "olivetti_faces": "skimage.data.lfw_subset() ships 200 small face/non-face images",
    "lfw_people": "skimage.data.lfw_subset() ships 200 small face/non-face images",
    "titanic": "utils.data.make_churn() is a table with numeric, categorical and missing values",
    "adult": "utils.data.make_churn() is a table with numeric, categorical and missing values",
}


def _unknown_name_error(name: str, argument: str, choices: list[str]) -> ValueError:
    key = _normalise_name(name)
    valid = ", ".join(repr(choice) for choice in choices)
    if key in _ONLINE_ONLY:
        return ValueError(
            f"{argument}={name!r} is not available offline: it is downloaded by "
            f"{_ONLINE_ONLY[key]}, and the course never downloads at run time. "
            f"Choose one of: {valid}."
            + (f" Offline instead: {_OFFLINE_ALTERNATIVES[key]}." if key in _OFFLINE_ALTERNATIVES else "")
        )
    return ValueError(f"Unknown {argument} {name!r}. Choose one of: {valid}.")


def load_tabular(name: str, as_frame: bool = True) -> tuple[Any, Any]:
    """Load one of scikit-learn's bundled real tabular datasets.

    Provenance: the files ship inside the scikit-learn package (``sklearn/datasets/data``);
    see :data:`TABULAR_DATASETS` for what each one is. ``"diabetes"`` is a regression
    task (a float target); the other three are classification tasks (integer classes).

    Args:
        name: ``"iris"``, ``"wine"``, ``"breast_cancer"`` or ``"diabetes"``.
        as_frame: return a pandas ``DataFrame`` and ``Series`` (named ``"target"``);
            ``False`` returns NumPy arrays.

    Returns:
        ``(X, y)``.

    Example:
        >>> X, y = load_tabular("iris")
        >>> X.shape, y.name
        ((150, 4), 'target')
    """
    as_str(name, "name")
    as_frame = as_bool(as_frame, "as_frame")
    key = _normalise_name(name)
    if key not in TABULAR_DATASETS:
        if key in ("digits", "digits_8x8"):
            raise ValueError(
                f"name={name!r} is an image set, not a table: use utils.data.load_digits_8x8(). "
                f"load_tabular knows: {', '.join(repr(c) for c in TABULAR_DATASETS)}."
            )
        raise _unknown_name_error(name, "name", list(TABULAR_DATASETS))
    from sklearn import datasets

    loader = getattr(datasets, f"load_{key}")
    X, y = loader(return_X_y=True, as_frame=as_frame)
    if as_frame:
        y = y.rename("target")
    return X, y


def load_digits_8x8() -> tuple[np.ndarray, np.ndarray]:
    """The 1,797 bundled 8×8 handwritten digits, as images in [0, 1].

    Provenance: scikit-learn's ``load_digits`` — the test set of the UCI "Optical
    Recognition of Handwritten Digits" data (Alpaydin & Kaynak, 1998): 32×32 bitmaps written
    by 43 people, block-averaged to 8×8 with integer intensities 0–16. Here intensities are
    divided by 16.

    Returns:
        ``(images, labels)``: ``float32`` of shape ``(1797, 8, 8)`` in [0, 1] and ``int64``
        labels 0–9.

    Example:
        >>> images, labels = load_digits_8x8()
        >>> images.shape, images.dtype.name, int(labels.max())
        ((1797, 8, 8), 'float32', 9)
    """
    images, labels = _digits_raw()
    return images.copy(), labels.copy()


@functools.lru_cache(maxsize=1)
def _digits_raw() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_digits

    bunch = load_digits()
    images = (bunch.images / 16.0).astype(np.float32)
    labels = bunch.target.astype(np.int64)
    images.flags.writeable = False
    labels.flags.writeable = False
    return images, labels


# --------------------------------------------------------------------------------------
# Synthetic customers (segmentation)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Segment:
    """Parameters of one latent customer segment."""

    name: str
    share: float  # fraction of customers
    age_mean: float
    age_sd: float
    income_median: float  # annual income, log-normal
    income_sigma: float
    spending_mean: float  # spending score 1-100
    spending_sd: float
    visits_mean: float  # store or site visits per month (Poisson)
    online_mean: float  # share of purchases made online (Beta)
    tenure_mean: float  # years as a customer (Gamma)


#: The hidden segments behind :func:`make_customers`. They overlap on purpose: a clustering
#: will recover them only roughly, as with real customers.
CUSTOMER_SEGMENTS: tuple[_Segment, ...] = (
    _Segment("students", 0.18, 22, 3, 17_000, 0.35, 60, 14, 7.0, 0.75, 1.5),
    _Segment("young professionals", 0.24, 31, 5, 52_000, 0.35, 72, 12, 4.0, 0.80, 3.0),
    _Segment("families", 0.26, 41, 6, 63_000, 0.30, 48, 13, 9.0, 0.45, 7.0),
    _Segment("affluent seniors", 0.14, 63, 7, 85_000, 0.40, 58, 15, 3.0, 0.20, 14.0),
    _Segment("bargain hunters", 0.18, 46, 12, 34_000, 0.35, 22, 10, 2.5, 0.35, 5.0),
)

CUSTOMER_COLUMNS = (
    "age",
    "annual_income",
    "spending_score",
    "visits_per_month",
    "online_share",
    "tenure_years",
)


def _draw_segment_columns(rng: np.random.Generator, segment: _Segment, size: int) -> dict[str, np.ndarray]:
    """Draw every customer column for ``size`` members of one segment."""
    age = np.clip(rng.normal(segment.age_mean, segment.age_sd, size), 18, 90).round()
    # Within a segment, older customers earn a little more (2 % per year).
    log_income = np.log(segment.income_median) + 0.02 * (age - segment.age_mean)
    income = np.exp(rng.normal(log_income, segment.income_sigma)).round(-2)
    spending = np.clip(rng.normal(segment.spending_mean, segment.spending_sd, size), 1, 100).round()
    visits = rng.poisson(segment.visits_mean, size)
    concentration = 8.0
    online = rng.beta(segment.online_mean * concentration, (1 - segment.online_mean) * concentration, size)
    tenure = rng.gamma(3.0, segment.tenure_mean / 3.0, size)
    tenure = np.minimum(tenure, age - 16).round(1)
    return {
        "age": age.astype(np.int64),
        "annual_income": income,
        "spending_score": spending.astype(np.int64),
        "visits_per_month": visits.astype(np.int64),
        "online_share": online.round(3),
        "tenure_years": tenure,
    }


def make_customers(n: int = 600, seed: int = 0, with_segments: bool = False) -> pd.DataFrame:
    """A synthetic customer table for segmentation (clustering) exercises.

    Provenance: generated. Each customer belongs to one of five hidden segments
    (:data:`CUSTOMER_SEGMENTS`: students 18 %, young professionals 24 %, families 26 %,
    affluent seniors 14 %, bargain hunters 18 %); each column is drawn from that segment's
    distribution, with realistic ranges and shapes:

    * ``age`` — years, normal per segment, 18–90;
    * ``annual_income`` — log-normal (right-skewed, like real incomes), rounded to 100;
    * ``spending_score`` — 1–100, the retailer's score of how much a customer spends;
    * ``visits_per_month`` — Poisson counts;
    * ``online_share`` — fraction of purchases made online, Beta-distributed in [0, 1];
    * ``tenure_years`` — years as a customer, Gamma-distributed, less than ``age - 16``.

    The segments overlap, so no clustering recovers them perfectly, and the columns have
    very different scales (income in tens of thousands, shares in [0, 1]): scaling matters.
    The index is named ``customer_id`` and starts at 1.

    Args:
        n: number of customers (at least 10).
        seed: random seed.
        with_segments: also return the hidden ``segment`` column (a categorical), e.g. to
            judge a clustering afterwards. Leave it out when clustering.

    Example:
        >>> customers = make_customers(200, seed=1)
        >>> list(customers.columns)[:3]
        ['age', 'annual_income', 'spending_score']
    """
    n = as_int(n, "n", 10, 1_000_000)
    seed = as_seed(seed)
    with_segments = as_bool(with_segments, "with_segments")
    rng = np.random.default_rng(seed)
    shares = np.array([segment.share for segment in CUSTOMER_SEGMENTS])
    labels = rng.choice(len(CUSTOMER_SEGMENTS), size=n, p=shares / shares.sum())
    columns = {name: np.empty(n, dtype=np.int64 if name in ("age", "spending_score", "visits_per_month") else float)
               for name in CUSTOMER_COLUMNS}
    for code, segment in enumerate(CUSTOMER_SEGMENTS):
        members = np.flatnonzero(labels == code)
        for name, values in _draw_segment_columns(rng, segment, members.size).items():
            columns[name][members] = values
    table = pd.DataFrame(columns, index=pd.RangeIndex(1, n + 1, name="customer_id"))
    if with_segments:
        names = [segment.name for segment in CUSTOMER_SEGMENTS]
        table["segment"] = pd.Categorical.from_codes(labels, categories=names)
    return table


# --------------------------------------------------------------------------------------
# Synthetic sensor stream (anomaly detection)
# --------------------------------------------------------------------------------------

SENSOR_CHANNELS = ("temperature", "vibration", "pressure", "current")

#: The kinds of injected anomaly, their share of anomalous rows and window lengths (rows).
ANOMALY_KINDS: dict[str, dict[str, Any]] = {
    "drift": {"share": 0.35, "length": (12, 30)},
    "stuck": {"share": 0.20, "length": (8, 20)},
    "correlation_break": {"share": 0.20, "length": (6, 15)},
    "spike": {"share": 0.25, "length": (1, 1)},
}

_SENSOR_START = "2024-03-04 00:00"  # a Monday
_SENSOR_STEP_MINUTES = 10
_EVENT_GAP = 2  # normal rows kept between two anomalies


def _recursive_filter(inputs: np.ndarray, coefficient: float, first: float) -> np.ndarray:
    """``out[0] = first``; ``out[t] = coefficient * out[t-1] + inputs[t]`` (a first-order IIR filter)."""
    out = np.empty(inputs.size)
    previous = first
    out[0] = first
    for t, value in enumerate(inputs[1:].tolist(), start=1):
        previous = coefficient * previous + value
        out[t] = previous
    return out


def _ar1(rng: np.random.Generator, n: int, phi: float, sd: float) -> np.ndarray:
    """A stationary AR(1) noise series (slowly wandering, like real process noise)."""
    innovations = rng.normal(0.0, sd * np.sqrt(1 - phi**2), n)
    return _recursive_filter(innovations, phi, float(rng.normal(0.0, sd)))


def _machine_load(rng: np.random.Generator, timestamps: pd.DatetimeIndex) -> np.ndarray:
    """Machine load in [0.05, 1]: two-shift days (low at night), lighter weekends, AR(1) noise."""
    hours = timestamps.hour.to_numpy() + timestamps.minute.to_numpy() / 60.0
    daily = 0.55 + 0.30 * np.sin(2 * np.pi * (hours - 8.0) / 24.0)
    weekend = np.where(timestamps.day_of_week.to_numpy() >= 5, 0.7, 1.0)
    return np.clip(daily * weekend + _ar1(rng, len(timestamps), 0.95, 0.06), 0.05, 1.0)


def _normal_channels(rng: np.random.Generator, timestamps: pd.DatetimeIndex, load: np.ndarray) -> dict[str, np.ndarray]:
    """The four channels of a healthy machine, all driven by the same load."""
    n = len(load)
    hours = timestamps.hour.to_numpy() + timestamps.minute.to_numpy() / 60.0
    ambient = 20.0 + 4.0 * np.sin(2 * np.pi * (hours - 9.0) / 24.0)
    alpha = 1.0 / 6.0  # thermal inertia: temperature follows load with a ~1 h lag
    warm_load = _recursive_filter(alpha * load, 1.0 - alpha, float(load[0]))
    return {
        "temperature": ambient + 35.0 * warm_load + rng.normal(0, 0.5, n),
        "vibration": 1.5 + 4.0 * load + (0.15 + 0.3 * load) * rng.normal(0, 1, n),
        "pressure": 4.0 + 2.5 * load + rng.normal(0, 0.08, n),
        "current": 12.0 + 30.0 * load + rng.normal(0, 0.6, n),
    }


def _anomaly_plan(rng: np.random.Generator, n_rows: int) -> list[tuple[str, int]]:
    """Split ``n_rows`` anomalous rows into (kind, length) events."""
    quotas = {kind: int(n_rows * spec["share"]) for kind, spec in ANOMALY_KINDS.items()}
    quotas["spike"] += n_rows - sum(quotas.values())
    events: list[tuple[str, int]] = []
    for kind, spec in ANOMALY_KINDS.items():
        low, high = spec["length"]
        quota = quotas[kind]
        if kind != "spike" and quota < low:  # too few rows for a window: make them spikes
            quotas["spike"] += quota
            continue
        while quota > 0:
            length = min(int(rng.integers(low, high + 1)), quota)
            if 0 < quota - length < low:  # keep every window at least `low` rows long
                length = quota
            events.append((kind, length))
            quota -= length
    return events


def _event_starts(rng: np.random.Generator, lengths: list[int], n: int) -> np.ndarray:
    """Random, non-overlapping start rows for events of the given lengths (in that order).

    Events keep at least ``_EVENT_GAP`` normal rows between them and leave the first and
    last rows normal; the spare rows are split at random between the gaps.
    """
    span = n - 2
    required = sum(lengths) + _EVENT_GAP * max(len(lengths) - 1, 0)
    if required > span:
        raise ValueError(
            f"anomaly_rate is too high for n={n}: there is no room to place the anomalies apart. "
            "Use a smaller anomaly_rate or a larger n."
        )
    slack = span - required
    cuts = np.sort(rng.integers(0, slack + 1, len(lengths)))
    spare = np.diff(np.concatenate([[0], cuts]))
    steps = np.concatenate([[1], np.asarray(lengths[:-1]) + _EVENT_GAP]) if lengths else np.array([], dtype=int)
    return np.cumsum(steps + spare).astype(np.int64)


def _inject(kind: str, rows: slice, channels: dict[str, np.ndarray], load: np.ndarray,
            scale: dict[str, float], rng: np.random.Generator) -> None:
    """Apply one anomaly of the given kind to ``channels`` in place (``scale``: each channel's std)."""
    length = rows.stop - rows.start
    if kind == "spike":
        name = str(rng.choice(["vibration", "current", "temperature", "pressure"]))
        sign = -1.0 if name == "pressure" and rng.random() < 0.5 else 1.0
        channels[name][rows] += sign * rng.uniform(4.0, 7.0) * scale[name]
    elif kind == "drift":  # a sensor's calibration drifts away, then is repaired
        name = str(rng.choice(["temperature", "pressure"]))
        channels[name][rows] += np.linspace(0.0, rng.uniform(2.0, 3.5) * scale[name], length + 1)[1:]
    elif kind == "stuck":  # a sensor freezes and repeats its last value
        name = str(rng.choice(["temperature", "vibration", "pressure"]))
        channels[name][rows] = channels[name][rows.start - 1]
    elif kind == "correlation_break":  # current no longer follows the load
        mirrored = np.clip(1.05 - load[rows], 0.05, 1.0)
        channels["current"][rows] = 12.0 + 30.0 * mirrored + rng.normal(0, 0.6, length)


def make_sensor_readings(n: int = 2000, anomaly_rate: float = 0.02, seed: int = 0) -> pd.DataFrame:
    """A machine's multichannel sensor stream with labelled, injected anomalies.

    Provenance: generated. One reading every 10 minutes from Monday 2024-03-04 00:00 (2,000
    rows ≈ 2 weeks). A hidden machine *load* follows two-shift days (low at night), lighter
    weekends and slow random wander; four channels follow it with noise, so they are
    correlated:

    * ``temperature`` (°C) — ambient daily cycle + load, with about an hour of thermal lag;
    * ``vibration`` (mm/s RMS) — grows with load, noisier at high load;
    * ``pressure`` (bar) and ``current`` (A) — linear in load.

    Then ``round(anomaly_rate * n)`` rows are made anomalous, in events placed apart:

    * ``spike`` (≈25 % of anomalous rows) — a single reading jumps by 4–7 standard deviations;
    * ``drift`` (≈35 %) — temperature or pressure drifts away linearly over 12–30 readings;
      its first readings differ little from normal: no detector catches them at once;
    * ``stuck`` (≈20 %) — a sensor repeats its last value for 8–20 readings; each value is
      normal on its own, only the missing noise and the broken link to load give it away;
    * ``correlation_break`` (≈20 %) — for 6–15 readings the current mirrors the load
      (high when the machine is idle): every channel is within its normal range, only the
      relation between channels is wrong.

    (When there are too few anomalous rows for a window of some kind, those rows become
    spikes.) Columns: ``timestamp``, the four channels, ``is_anomaly`` (bool) and ``anomaly_kind``
    (categorical: ``"none"`` or one of the kinds above). Use ``is_anomaly`` only to
    *evaluate* an unsupervised detector.

    Args:
        n: number of readings (at least 100).
        anomaly_rate: fraction of anomalous rows, between 0 and 0.2.
        seed: random seed.

    Example:
        >>> readings = make_sensor_readings(500, anomaly_rate=0.04)
        >>> int(readings["is_anomaly"].sum())
        20
    """
    n = as_int(n, "n", 100, 1_000_000)
    anomaly_rate = as_float(anomaly_rate, "anomaly_rate", 0.0, 0.2)
    seed = as_seed(seed)
    rng = np.random.default_rng(seed)
    timestamps = pd.date_range(_SENSOR_START, periods=n, freq=f"{_SENSOR_STEP_MINUTES}min")
    load = _machine_load(rng, timestamps)
    channels = _normal_channels(rng, timestamps, load)
    kinds = np.full(n, "none", dtype=object)
    occupied = np.zeros(n, dtype=bool)
    plan = _anomaly_plan(rng, round(anomaly_rate * n))
    events = [plan[i] for i in rng.permutation(len(plan))]
    starts = _event_starts(rng, [length for _, length in events], n)
    scale = {name: float(np.std(values)) for name, values in channels.items()}
    for (kind, length), start in zip(events, starts.tolist()):
        rows = slice(start, start + length)
        occupied[rows] = True
        kinds[rows] = kind
        _inject(kind, rows, channels, load, scale, rng)
    table = pd.DataFrame({"timestamp": timestamps})
    for name, decimals in zip(SENSOR_CHANNELS, (2, 3, 3, 2)):
        table[name] = channels[name].round(decimals)
    table["is_anomaly"] = occupied
    table["anomaly_kind"] = pd.Categorical(kinds, categories=["none", *ANOMALY_KINDS])
    return table


# --------------------------------------------------------------------------------------
# Synthetic churn (tabular classification)
# --------------------------------------------------------------------------------------

CHURN_CATEGORIES: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "contract": (("month-to-month", "one-year", "two-year"), (0.55, 0.25, 0.20)),
    "internet_service": (("fiber optic", "DSL", "none"), (0.45, 0.35, 0.20)),
    "payment_method": (("electronic check", "bank transfer", "credit card", "mailed check"),
                       (0.35, 0.22, 0.22, 0.21)),
    "region": (("north", "south", "east", "west", "central"), (0.2, 0.2, 0.2, 0.2, 0.2)),
}

#: Fraction of customers who churn (the positive class).
CHURN_RATE = 0.25
_CHURN_NOISE = 0.3  # scale of the logistic noise added to the rule-based risk


def _draw_category(rng: np.random.Generator, column: str, n: int) -> np.ndarray:
    values, probabilities = CHURN_CATEGORIES[column]
    return rng.choice(np.array(values, dtype=object), size=n, p=probabilities)


def _churn_features(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """Draw the customer columns of :func:`make_churn` (before the target)."""
    contract = _draw_category(rng, "contract", n)
    mean_tenure = np.select([contract == "month-to-month", contract == "one-year"], [14.0, 30.0], 45.0)
    tenure = np.clip(np.round(rng.gamma(1.5, mean_tenure / 1.5)), 1, 72).astype(np.int64)
    internet = _draw_category(rng, "internet_service", n)
    base_charge = np.select([internet == "fiber optic", internet == "DSL"], [75.0, 50.0], 22.0)
    monthly = np.clip(base_charge + rng.normal(0, 12, n), 18, 120).round(2)
    total = (monthly * tenure * rng.uniform(0.9, 1.05, n)).round(2)
    support_calls = rng.poisson(np.where(internet == "fiber optic", 1.6, 1.0)).astype(np.int64)
    satisfaction = np.clip(np.round(8.0 - 0.8 * support_calls + rng.normal(0, 1.5, n)), 1, 10)
    # Survey not answered: more often by new customers (missing at random given tenure).
    unanswered = rng.random(n) < np.where(tenure < 6, 0.25, 0.10)
    satisfaction[unanswered] = np.nan
    return {
        "tenure_months": tenure,
        "contract": contract,
        "internet_service": internet,
        "monthly_charges": monthly,
        "total_charges": total,
        "payment_method": _draw_category(rng, "payment_method", n),
        "support_calls": support_calls,
        "satisfaction": satisfaction,
        "region": _draw_category(rng, "region", n),  # no effect on churn
        "age": np.clip(np.round(rng.normal(45, 15, n)), 18, 90).astype(np.int64),  # no effect
        "num_dependents": rng.poisson(0.8, n).astype(np.int64),  # no effect
    }


def _churn_score(features: dict[str, np.ndarray]) -> np.ndarray:
    """Churn risk from threshold rules and interactions (the hidden 'truth' of the data set)."""
    contract = features["contract"]
    tenure = features["tenure_months"]
    calls = features["support_calls"]
    satisfaction = np.nan_to_num(features["satisfaction"], nan=10.0)  # not surveyed: no signal
    month_to_month = contract == "month-to-month"
    fiber = features["internet_service"] == "fiber optic"
    score = 1.5 * month_to_month - 1.0 * (contract == "two-year")
    score += 2.0 * (month_to_month & (tenure < 6)) + 1.0 * (month_to_month & (tenure >= 6) & (tenure < 12))
    score += 2.0 * ((calls >= 4) & (satisfaction <= 6))
    score += 2.0 * (fiber & (features["monthly_charges"] > 85))
    score += 1.5 * (month_to_month & (features["payment_method"] == "electronic check") & (tenure < 24))
    score += 1.5 * (satisfaction <= 3)
    return score.astype(float)


def make_churn(n: int = 3000, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    """A realistic customer-churn table: numeric and categorical columns, missing values.

    Provenance: generated, modelled on a telecom's customer records. Columns:

    * numeric: ``tenure_months`` (1–72), ``monthly_charges``, ``total_charges`` (≈ tenure ×
      monthly: strongly correlated with both), ``support_calls`` (counts),
      ``satisfaction`` (survey score 1–10, **missing** for ≈12 % — more often for new
      customers, who were not surveyed yet), ``age`` and ``num_dependents``;
    * categorical (pandas ``category`` dtype): ``contract``, ``internet_service``,
      ``payment_method`` and ``region``.

    ``region``, ``age`` and ``num_dependents`` have no effect on churn (useless columns, as
    in real data). The target ``churned`` (1 = left) comes from *threshold rules with
    interactions* plus logistic noise: month-to-month contracts (more so in the first 6 or
    12 months), 4+ support calls *with* a satisfaction of 6 or less, fiber *with* a bill
    above 85, month-to-month × electronic check × tenure under 24 months, satisfaction ≤ 3;
    two-year contracts lower the risk. The 25 % riskiest customers churn
    (:data:`CHURN_RATE`). Tree ensembles find such thresholds easily; linear models and
    MLPs on scaled, one-hot-encoded columns find them only approximately (5-fold accuracy
    for n=3000: gradient boosting ≈ 0.92, logistic regression ≈ 0.89, majority class 0.75).

    Args:
        n: number of customers (at least 100).
        seed: random seed.

    Returns:
        ``(X, y)``: a DataFrame (index ``customer_id``) and an int Series ``churned``.

    Example:
        >>> X, y = make_churn(1000)
        >>> round(float(y.mean()), 2)
        0.25
    """
    n = as_int(n, "n", 100, 1_000_000)
    seed = as_seed(seed)
    rng = np.random.default_rng(seed)
    features = _churn_features(rng, n)
    noisy_score = _churn_score(features) + rng.logistic(0.0, _CHURN_NOISE, n)
    churned = (noisy_score > np.quantile(noisy_score, 1.0 - CHURN_RATE)).astype(np.int64)
    index = pd.RangeIndex(1, n + 1, name="customer_id")
    X = pd.DataFrame(features, index=index)
    for column, (values, _) in CHURN_CATEGORIES.items():
        X[column] = pd.Categorical(features[column], categories=list(values))
    y = pd.Series(churned, index=index, name="churned")
    return X, y


# --------------------------------------------------------------------------------------
# Synthetic credit applications (interpretability, fairness)
# --------------------------------------------------------------------------------------

CREDIT_COLUMNS = (
    "income",
    "debt_ratio",
    "credit_history_years",
    "late_payments",
    "employment_years",
    "loan_amount",
    "group",
    "postcode_area",
)

#: The protected attribute's two values and their shares.
CREDIT_GROUPS: dict[str, float] = {"A": 0.6, "B": 0.4}

#: The postcode areas; group A lives mostly in the first three, group B in the last three.
POSTCODE_AREAS = ("P1", "P2", "P3", "P4", "P5", "P6")

#: Probability that an applicant lives in an area of their own group's half (the proxy's strength).
_POSTCODE_SEGREGATION = 0.85

#: Fraction of applications that past lenders approved (the positive class).
CREDIT_APPROVAL_RATE = 0.6
_CREDIT_NOISE = 0.5  # scale of the logistic noise in the lenders' judgment
_INCOME_MEDIAN = 38_000.0


def _credit_features(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """Draw the applicant columns of :func:`make_credit` (financial columns independent of group)."""
    group = rng.choice(np.array(list(CREDIT_GROUPS), dtype=object), size=n, p=list(CREDIT_GROUPS.values()))
    own_half = rng.random(n) < _POSTCODE_SEGREGATION
    in_second_half = np.where(group == "B", own_half, ~own_half)
    postcode = np.array(POSTCODE_AREAS, dtype=object)[3 * in_second_half + rng.integers(0, 3, n)]
    employment = np.clip(rng.gamma(2.0, 3.0, n), 0.0, 45.0).round(1)
    history = np.clip(rng.gamma(2.5, 3.0, n) + 0.3 * employment, 0.0, 50.0).round(1)
    log_income = np.log(_INCOME_MEDIAN) + 0.03 * (employment - 6.0) + rng.normal(0.0, 0.45, n)
    income = np.clip(np.exp(log_income), 8_000, None).round(-2)
    debt_ratio = np.clip(rng.beta(2.0, 4.5, n), 0.0, 0.95).round(3)
    late = rng.poisson(0.2 + 1.5 * debt_ratio + 0.5 * (history < 2.0)).astype(np.int64)
    loan = np.clip(np.exp(np.log(0.35 * income) + rng.normal(0.0, 0.4, n)), 1_000, None).round(-2)
    return {
        "income": income,
        "debt_ratio": debt_ratio,
        "credit_history_years": history,
        "late_payments": late,
        "employment_years": employment,
        "loan_amount": loan,
        "group": group,
        "postcode_area": postcode,
    }


def _credit_score(features: dict[str, np.ndarray]) -> np.ndarray:
    """Creditworthiness (log-odds scale) from the financial columns only: the hidden 'truth'."""
    income = features["income"]
    score = 1.0 * np.log(income / _INCOME_MEDIAN)
    score -= 5.0 * (features["debt_ratio"] - 0.3)
    score += 0.06 * (features["credit_history_years"] - 7.0)
    score -= 0.7 * features["late_payments"]
    score += 0.05 * (features["employment_years"] - 6.0)
    score -= 1.0 * np.log(features["loan_amount"] / (0.35 * income))
    return score


def make_credit(
    n: int = 2000, seed: int = 0, bias: float = 1.0, with_truth: bool = False
) -> tuple[pd.DataFrame, pd.Series] | tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Credit applications with past lending decisions that carry a historical bias.

    Provenance: generated, modelled on consumer-loan applications. Columns:

    * ``income`` — annual income, log-normal (median 38,000, rising 3 % per year employed),
      rounded to 100;
    * ``debt_ratio`` — existing debt payments / income, Beta-distributed in [0, 0.95];
    * ``credit_history_years`` — length of the credit record (grows with employment);
    * ``late_payments`` — late payments in the last two years (Poisson; more with more debt
      and with a short history);
    * ``employment_years`` — years in work (Gamma);
    * ``loan_amount`` — amount asked for, around 35 % of income (log-normal), rounded to 100;
    * ``group`` — a **protected attribute** (think of ethnicity or sex), ``"A"`` (60 %) or
      ``"B"`` (40 %), categorical;
    * ``postcode_area`` — ``"P1"`` … ``"P6"``, categorical: a **proxy** for the group, as
      housing often is — 85 % of group A live in P1–P3 and 85 % of group B in P4–P6.

    The financial columns are drawn **independently of the group**: by construction both
    groups are equally creditworthy. Creditworthiness is a log-odds score: higher income,
    longer history and employment raise it; debt ratio, late payments and a loan large for
    the income lower it. The target ``approved`` (1 = approved) is what past lenders
    decided: their judgment (the score plus logistic noise) **minus** ``bias`` for group
    ``B`` — the historical bias — and the 60 % highest (:data:`CREDIT_APPROVAL_RATE`)
    were approved. With ``bias=0`` approval does not depend on the group (beyond chance);
    with the default ``bias=1`` group B is approved clearly less often than group A at the
    same creditworthiness. A model trained on these labels learns the bias — through
    ``postcode_area`` even when ``group`` is dropped.

    Args:
        n: number of applications (at least 100).
        seed: random seed.
        bias: log-odds points the past decisions took off group B's score (0–5; 0 = none).
        with_truth: also return ``creditworthy``: the decision the same lenders would have
            made with ``bias=0`` (same judgment and noise), to measure what the bias changed.

    Returns:
        ``(X, y)`` — a DataFrame (index ``applicant_id``, the columns above) and the int
        Series ``approved``; with ``with_truth``, ``(X, y, creditworthy)``.

    Example:
        >>> X, y = make_credit(1000)
        >>> list(X.columns) == list(CREDIT_COLUMNS), round(float(y.mean()), 2)
        (True, 0.6)
    """
    n = as_int(n, "n", 100, 1_000_000)
    seed = as_seed(seed)
    bias = as_float(bias, "bias", 0.0, 5.0)
    with_truth = as_bool(with_truth, "with_truth")
    rng = np.random.default_rng(seed)
    features = _credit_features(rng, n)
    judgment = _credit_score(features) + rng.logistic(0.0, _CREDIT_NOISE, n)
    decided = judgment - bias * (features["group"] == "B")
    approved = (decided > np.quantile(decided, 1.0 - CREDIT_APPROVAL_RATE)).astype(np.int64)
    index = pd.RangeIndex(1, n + 1, name="applicant_id")
    X = pd.DataFrame(features, index=index)
    X["group"] = pd.Categorical(features["group"], categories=list(CREDIT_GROUPS))
    X["postcode_area"] = pd.Categorical(features["postcode_area"], categories=list(POSTCODE_AREAS))
    y = pd.Series(approved, index=index, name="approved")
    if not with_truth:
        return X, y
    fair = (judgment > np.quantile(judgment, 1.0 - CREDIT_APPROVAL_RATE)).astype(np.int64)
    return X, y, pd.Series(fair, index=index, name="creditworthy")


# --------------------------------------------------------------------------------------
# Capstone: surface images with rare defects (visual inspection)
# --------------------------------------------------------------------------------------

#: The kinds of defect in :func:`make_defect_images` and each one's share of the defects.
DEFECT_KINDS: dict[str, float] = {"scratch": 0.6, "spot": 0.4}


def _brushed_surface(rng: np.random.Generator, n: int, size: int) -> np.ndarray:
    """``n`` images of brushed metal: streaks along the rows, fine grain, uneven light (≈ 0.5)."""
    from scipy.ndimage import gaussian_filter1d

    streaks = gaussian_filter1d(rng.normal(0.0, 1.0, (n, size, size)), sigma=size / 4, axis=2)
    streaks /= streaks.std(axis=(1, 2), keepdims=True)
    axis = np.linspace(-1.0, 1.0, size)
    tilt = rng.uniform(-0.06, 0.06, (n, 2, 1, 1))  # light falling off towards one corner
    light = 0.5 + rng.normal(0.0, 0.04, (n, 1, 1)) + tilt[:, 0] * axis[None, :, None] + tilt[:, 1] * axis[None, None, :]
    return light + 0.035 * streaks + 0.02 * rng.normal(0.0, 1.0, (n, size, size))


def _add_scratch(rng: np.random.Generator, image: np.ndarray) -> None:
    """A thin straight scratch (brighter or darker), 30–70 % of the side long, at any angle."""
    size = image.shape[0]
    length = rng.uniform(0.3, 0.7) * size
    angle = rng.uniform(0.0, np.pi)
    centre = rng.uniform(0.25, 0.75, 2) * size
    direction = np.array([np.sin(angle), np.cos(angle)])
    grid = np.stack(np.mgrid[0:size, 0:size], axis=-1).astype(float) - centre
    along = np.clip(grid @ direction, -length / 2, length / 2)  # nearest point of the segment
    distance = np.linalg.norm(grid - along[..., None] * direction, axis=-1)
    width = rng.uniform(0.5, 1.0)
    contrast = rng.uniform(0.08, 0.2) * rng.choice([-1.0, 1.0])
    image += contrast * np.exp(-0.5 * (distance / width) ** 2)


def _add_spot(rng: np.random.Generator, image: np.ndarray) -> None:
    """A small dark spot (a pit or a stain), 1–2.5 pixels in radius."""
    size = image.shape[0]
    centre = rng.uniform(0.15, 0.85, 2) * size
    radius = rng.uniform(1.0, 2.5)
    rows, cols = np.mgrid[0:size, 0:size]
    squared = (rows - centre[0]) ** 2 + (cols - centre[1]) ** 2
    image -= rng.uniform(0.1, 0.25) * np.exp(-0.5 * squared / radius**2)


def make_defect_images(n: int = 1000, defect_rate: float = 0.05, size: int = 32, seed: int = 0) -> dict[str, np.ndarray]:
    """Grayscale close-ups of a product's brushed-metal surface; a few show a defect.

    Provenance: generated, modelled on visual inspection at the end of a production line
    (one camera shot per part). Every image is a ``size``×``size`` patch of brushed metal:
    streaks along the rows (the brushing), fine grain, and light that varies from part to
    part and falls off towards one side. Exactly ``round(defect_rate * n)`` images, chosen
    at random, have one defect (label 1):

    * ``"scratch"`` (≈60 % of defects) — a thin straight line, brighter or darker than the
      surface, 30–70 % of the side long, at any angle; the faint ones are hard to tell from
      the brushing streaks;
    * ``"spot"`` (≈40 %) — a small dark blob (a pit or a stain), 1–2.5 pixels in radius.

    Defects are rare, as on a real line (default 5 %): accuracy is a poor measure (a model
    that always says "good" scores 95 %); use balanced accuracy, recall of the defects, or
    precision–recall. No single pixel separates the classes: a defect can be anywhere.

    Args:
        n: number of images (20–100,000).
        defect_rate: fraction of defective images, between 0.01 and 0.5.
        size: side of the square images in pixels (16–128).
        seed: random seed.

    Returns:
        A dict with ``x`` (float32 ``(n, size, size)`` in [0, 1]), ``y`` (int64, 1 = defect)
        and ``kind`` (str array: ``"none"``, ``"scratch"`` or ``"spot"``).

    Example:
        >>> parts = make_defect_images(200)
        >>> parts["x"].shape, int(parts["y"].sum())
        ((200, 32, 32), 10)
    """
    n = as_int(n, "n", 20, 100_000)
    defect_rate = as_float(defect_rate, "defect_rate", 0.01, 0.5)
    size = as_int(size, "size", 16, 128)
    seed = as_seed(seed)
    rng = np.random.default_rng(seed)
    images = _brushed_surface(rng, n, size)
    defective = np.zeros(n, dtype=bool)
    defective[rng.choice(n, round(defect_rate * n), replace=False)] = True
    kinds = np.full(n, "none", dtype=object)
    names, shares = list(DEFECT_KINDS), list(DEFECT_KINDS.values())
    for i in np.flatnonzero(defective):
        kinds[i] = names[int(rng.choice(len(names), p=shares))]
        (_add_scratch if kinds[i] == "scratch" else _add_spot)(rng, images[i])
    return {"x": np.clip(images, 0.0, 1.0).astype(np.float32), "y": defective.astype(np.int64),
            "kind": kinds.astype(str)}


# --------------------------------------------------------------------------------------
# Capstone: vibration of machines before a failure (predictive maintenance)
# --------------------------------------------------------------------------------------

#: Sampling rate of :func:`make_machine_signals` (Hz).
MACHINE_SAMPLING_RATE_HZ = 2048.0
_BEARING_RESONANCE_HZ = (400.0, 700.0)
_FAULT_ONSET_DAYS = (15.0, 45.0)  # wear shows this many days before a failure
_FAILURE_FREE_DAYS = 120.0  # healthy machines fail between the horizon and this many days


def _machine_window(rng: np.random.Generator, t: np.ndarray, speed: float, severity: float) -> np.ndarray:
    """One vibration window: shaft harmonics, noise, and bearing impacts growing with ``severity``."""
    amplitudes = (rng.uniform(0.5, 1.0), rng.uniform(0.1, 0.4), rng.uniform(0.0, 0.1))  # 1×, 2×, 3× speed
    phases = rng.uniform(0.0, 2 * np.pi, 3)
    signal = sum(a * np.sin(2 * np.pi * (k + 1) * speed * t + p) for k, (a, p) in enumerate(zip(amplitudes, phases)))
    signal = signal + rng.normal(0.0, 0.3 * (1.0 + 0.5 * severity), t.size)
    if severity > 0:
        impact_rate = speed * rng.uniform(3.3, 3.7)  # a ball passing an outer-race defect
        resonance = rng.uniform(*_BEARING_RESONANCE_HZ)
        decay = rng.uniform(0.002, 0.004)
        impacts = np.arange(rng.uniform(0.0, 1.0 / impact_rate), t[-1], 1.0 / impact_rate)
        impacts += rng.normal(0.0, 0.0005, impacts.size)  # the balls slip a little
        strength = 2.5 * severity * rng.uniform(0.7, 1.3, impacts.size)
        since = np.clip(t[None, :] - impacts[:, None], 0.0, None)
        ringing = np.where(t[None, :] >= impacts[:, None], np.exp(-since / decay) * np.sin(2 * np.pi * resonance * since), 0.0)
        signal = signal + strength @ ringing
    return signal


def make_machine_signals(n: int = 600, failure_rate: float = 0.2, horizon_days: float = 7.0,
                         length: int = 512, seed: int = 0) -> dict[str, np.ndarray]:
    """Vibration windows of rotating machines, labelled "fails within ``horizon_days`` days".

    Provenance: generated, modelled on condition monitoring of pumps and motors: an
    accelerometer on each bearing housing records a short window (``length`` samples at
    :data:`MACHINE_SAMPLING_RATE_HZ`, 0.25 s by default) every day. Each window comes from a
    machine turning at 20–30 Hz (1,200–1,800 rpm) and holds:

    * the shaft's vibration at 1×, 2× and 3× its speed (imbalance, misalignment), of random
      strength and phase, plus broadband noise;
    * when its bearing wears: short impacts at ≈3.5× the shaft speed (a rolling ball hitting
      an outer-race defect), each ringing the housing's resonance (400–700 Hz), with noise
      that grows too. Wear shows 15–45 days (a machine's own onset) before the failure and
      grows linearly until it.

    Exactly ``round(failure_rate * n)`` windows, at random, come from machines that fail
    within ``horizon_days`` (label 1); the others fail later, between the horizon and 120
    days. The classes overlap, as in practice: a machine 8 days from failure (label 0) shows
    nearly as much wear as one 6 days from it. Impacts raise the signal's kurtosis and
    crest factor and put energy in the resonance band — what hand-made features measure and
    a 1-D CNN can learn from the raw signal.

    Args:
        n: number of windows (20–100,000).
        failure_rate: fraction of windows labelled 1, between 0.01 and 0.9.
        horizon_days: the prediction horizon in days (1–30).
        length: samples per window (64–8,192).
        seed: random seed.

    Returns:
        A dict with ``x`` (float32 ``(n, length)``, acceleration in g), ``y`` (int64, 1 =
        fails within the horizon), ``days_to_failure`` (float, days), ``speed_hz`` (the
        shaft's speed) and ``t`` (float32, the sample times in seconds).

    Example:
        >>> machines = make_machine_signals(100)
        >>> machines["x"].shape, int(machines["y"].sum())
        ((100, 512), 20)
    """
    n = as_int(n, "n", 20, 100_000)
    failure_rate = as_float(failure_rate, "failure_rate", 0.01, 0.9)
    horizon_days = as_float(horizon_days, "horizon_days", 1.0, 30.0)
    length = as_int(length, "length", 64, 8192)
    seed = as_seed(seed)
    rng = np.random.default_rng(seed)
    t = np.arange(length) / MACHINE_SAMPLING_RATE_HZ
    failing = np.zeros(n, dtype=bool)
    failing[rng.choice(n, round(failure_rate * n), replace=False)] = True
    days = np.where(failing, rng.uniform(0.0, horizon_days, n), rng.uniform(horizon_days, _FAILURE_FREE_DAYS, n))
    days = np.where(failing, np.minimum(days, horizon_days), np.maximum(days, horizon_days + 0.1)).round(1)
    severity = np.clip(1.0 - days / rng.uniform(*_FAULT_ONSET_DAYS, n), 0.0, 1.0)
    speed = rng.uniform(20.0, 30.0, n).round(2)
    x = np.stack([_machine_window(rng, t, float(speed[i]), float(severity[i])) for i in range(n)])
    return {"x": x.astype(np.float32), "y": failing.astype(np.int64), "days_to_failure": days,
            "speed_hz": speed, "t": t.astype(np.float32)}


# --------------------------------------------------------------------------------------
# MNIST-1D
# --------------------------------------------------------------------------------------

MNIST1D_LENGTH = 40
MNIST1D_TRAIN_SIZE = 4000


@contextlib.contextmanager
def _preserve_global_random_state() -> Any:
    """Restore ``random``'s and NumPy's global states afterwards (mnist1d reseeds them)."""
    python_state = random.getstate()
    numpy_state = np.random.get_state()
    try:
        yield
    finally:
        random.setstate(python_state)
        np.random.set_state(numpy_state)


@functools.lru_cache(maxsize=1)
def _mnist1d_raw() -> dict[str, np.ndarray]:
    """Generate the default MNIST-1D split once per process (read-only arrays)."""
    with _preserve_global_random_state(), contextlib.redirect_stdout(io.StringIO()):
        from mnist1d.data import get_dataset_args, make_dataset

        raw = make_dataset(get_dataset_args())
    arrays = {
        "x": np.asarray(raw["x"], dtype=np.float32),
        "y": np.asarray(raw["y"], dtype=np.int64),
        "x_test": np.asarray(raw["x_test"], dtype=np.float32),
        "y_test": np.asarray(raw["y_test"], dtype=np.int64),
        "t": np.asarray(raw["t"], dtype=np.float32),
    }
    for array in arrays.values():
        array.flags.writeable = False
    return arrays


def _balanced_order(labels: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A random order in which every prefix is as class-balanced as possible.

    Within each class the examples are shuffled; then the classes are interleaved
    (first example of every class, then the second of every class, ...), so that
    ``order[:k]`` holds about ``k / n_classes`` examples of each class and smaller subsets are
    nested in larger ones (useful for learning curves).
    """
    shuffled = rng.permutation(labels.size)
    rank = np.empty(labels.size, dtype=np.int64)
    for label in np.unique(labels):
        members = shuffled[labels[shuffled] == label]
        rank[members] = np.arange(members.size)
    tiebreak = rng.random(labels.size)
    return np.lexsort((tiebreak, rank))


def load_mnist1d(n_train: int | None = None, shuffle_positions: bool = False, seed: int = 0) -> dict[str, np.ndarray]:
    """The MNIST-1D benchmark: 10 classes of 1-D signals of length 40 (4,000 train / 1,000 test).

    Provenance: Greydanus (2020), "Scaling down deep learning" — ten hand-drawn 1-D
    templates, one per digit, randomly padded, translated, scaled, sheared and blurred, with
    correlated and white noise added. The arrays are generated locally by the ``mnist1d``
    package (``make_dataset(get_dataset_args())``, its fixed seed 42); they are identical to
    the pickle published with the paper, so results compare with the paper's table. Nothing
    is downloaded. The first call takes a few seconds; later calls in the same kernel are
    instant (cached), and the global random states are left as they were.

    Args:
        n_train: keep only this many training examples (1–4000), chosen class-balanced by
            ``seed``; smaller subsets are nested in larger ones. ``None`` keeps all 4,000.
            The test set is always the full 1,000.
        shuffle_positions: apply one fixed random permutation (chosen by ``seed``) to the 40
            positions of every train and test signal — the paper's "shuffled" variant, which
            destroys the spatial structure that convolutions rely on.
        seed: random seed for the subset and the permutation (not for the signals themselves).

    Returns:
        A dict with ``x`` (float32, ``(n_train, 40)``), ``y`` (int64), ``x_test``
        (``(1000, 40)``), ``y_test``, ``t`` (the 40 positions, float32) and ``positions``
        (the order of the columns: ``arange(40)``, or the permutation applied).

    Example:
        >>> mnist = load_mnist1d()
        >>> mnist["x"].shape, mnist["x_test"].shape
        ((4000, 40), (1000, 40))
    """
    if n_train is not None:
        n_train = as_int(n_train, "n_train", 1, MNIST1D_TRAIN_SIZE)
    shuffle_positions = as_bool(shuffle_positions, "shuffle_positions")
    seed = as_seed(seed)
    raw = _mnist1d_raw()
    total = raw["x"].shape[0]
    subset_rng, position_rng = (np.random.default_rng([seed, stream]) for stream in (1, 2))
    rows = np.arange(total) if n_train is None else _balanced_order(raw["y"], subset_rng)[:n_train]
    positions = position_rng.permutation(MNIST1D_LENGTH) if shuffle_positions else np.arange(MNIST1D_LENGTH)
    return {
        "x": raw["x"][np.ix_(rows, positions)],
        "y": raw["y"][rows],  # fancy indexing returns copies: the cache stays intact
        "x_test": raw["x_test"][:, positions],
        "y_test": raw["y_test"].copy(),
        "t": raw["t"].copy(),
        "positions": positions,
    }


# --------------------------------------------------------------------------------------
# Translated (and cluttered) digits
# --------------------------------------------------------------------------------------

_DIGIT_SIZE = 8
_TEST_FRACTION = 0.2
_FRAGMENT_SIZES = (3, 4)  # in 8x8 source pixels


@functools.lru_cache(maxsize=32)
def _zoomed_digits(size: int) -> np.ndarray:
    """Every bundled digit resized to ``size``×``size`` pixels (bilinear), read-only."""
    images, _ = _digits_raw()
    if size == _DIGIT_SIZE:
        return images
    from scipy.ndimage import zoom

    factor = size / _DIGIT_SIZE
    zoomed = np.clip(zoom(images, (1.0, factor, factor), order=1, grid_mode=True, mode="nearest"), 0.0, 1.0)
    zoomed = zoomed.astype(np.float32)
    assert zoomed.shape[1:] == (size, size)
    zoomed.flags.writeable = False
    return zoomed


def _split_sources(labels: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Split the source digits into disjoint, stratified train (80 %) and test (20 %) pools."""
    from sklearn.model_selection import train_test_split

    indices = np.arange(labels.size)
    pool_train, pool_test = train_test_split(
        indices, test_size=_TEST_FRACTION, stratify=labels, random_state=seed
    )
    return np.sort(pool_train), np.sort(pool_test)


def _validate_scale(scale: Any, canvas: int) -> tuple[float, float]:
    if not isinstance(scale, (tuple, list)) or len(scale) != 2:
        raise TypeError(f"scale must be a (low, high) pair of numbers such as (1.0, 2.0), but got {scale!r}.")
    low = as_float(scale[0], "scale[0]", 0.5, 10.0)
    high = as_float(scale[1], "scale[1]", 0.5, 10.0)
    if low > high:
        raise ValueError(f"scale must be (low, high) with low <= high, but got {scale!r}.")
    largest = _scaled_size(high)
    if largest > canvas:
        raise ValueError(
            f"canvas={canvas} is too small: digits scaled by up to {high} are {largest}×{largest} "
            f"pixels. Use canvas >= {largest}, or a smaller scale."
        )
    return low, high


def _scaled_size(factor: float) -> int:
    return int(round(_DIGIT_SIZE * factor))


def _render(
    rng_streams: list[np.random.Generator],
    pool: np.ndarray,
    labels: np.ndarray,
    n: int,
    canvas: int,
    scale: tuple[float, float],
    clutter: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw ``n`` canvases from the digits in ``pool``; return ``(images, labels, sources)``.

    Each random attribute has its own generator, so the first ``k`` examples of a call with
    ``n > k`` equal a call with ``n = k``.
    """
    source_rng, scale_rng, position_rng, clutter_rng = rng_streams
    sources = pool[source_rng.integers(0, pool.size, n)]
    sizes = np.rint(_DIGIT_SIZE * scale_rng.uniform(scale[0], scale[1], n)).astype(np.int64)
    corners = np.floor(position_rng.random((n, 2)) * (canvas - sizes + 1)[:, None]).astype(np.int64)
    images = np.zeros((n, canvas, canvas), dtype=np.float32)
    for size in np.unique(sizes):
        zoomed = _zoomed_digits(int(size))
        for i in np.flatnonzero(sizes == size):
            row, col = corners[i]
            images[i, row : row + size, col : col + size] = zoomed[sources[i]]
    if clutter:
        _add_clutter(images, clutter_rng, pool, labels, labels[sources], sizes, clutter)
    return images, labels[sources], sources


@functools.lru_cache(maxsize=4)
def _inked_cells(cells: int) -> np.ndarray:
    """For every source digit, which ``cells``×``cells`` windows of its 8×8 grid hold a stroke.

    Returns a read-only bool array ``(1797, 9 - cells, 9 - cells)``: True where the window's
    ink adds up to at least ``cells / 2`` fully dark pixels, so that no fragment is blank.
    """
    images, _ = _digits_raw()
    windows = np.lib.stride_tricks.sliding_window_view(images, (cells, cells), axis=(1, 2))
    inked = windows.sum(axis=(-2, -1)) >= cells / 2
    inked.flags.writeable = False
    return inked


def _add_clutter(
    images: np.ndarray,
    rng: np.random.Generator,
    pool: np.ndarray,
    labels: np.ndarray,
    targets: np.ndarray,
    sizes: np.ndarray,
    clutter: int,
) -> None:
    """Paste ``clutter`` inked fragments of other-class digits from the same pool on every image."""
    n, canvas, _ = images.shape
    others = {label: pool[labels[pool] != label] for label in np.unique(labels[pool])}
    draws = rng.random((n, clutter, 5))
    for i in range(n):
        candidates = others[targets[i]]
        zoom_factor = sizes[i] / _DIGIT_SIZE
        zoomed = _zoomed_digits(int(sizes[i]))
        for u in draws[i]:
            cells = _FRAGMENT_SIZES[int(u[0] * len(_FRAGMENT_SIZES))]
            source = candidates[int(u[1] * candidates.size)]
            inked = np.flatnonzero(_inked_cells(cells)[source])
            positions = inked if inked.size else np.arange((_DIGIT_SIZE - cells + 1) ** 2)
            cell_row, cell_col = divmod(int(positions[int(u[2] * positions.size)]), _DIGIT_SIZE - cells + 1)
            top, left = int(round(cell_row * zoom_factor)), int(round(cell_col * zoom_factor))
            side = max(2, int(round(cells * zoom_factor)))
            piece = zoomed[source, top : top + side, left : left + side]
            height, width = piece.shape
            row = int(u[3] * (canvas - height + 1))
            col = int(u[4] * (canvas - width + 1))
            target = images[i, row : row + height, col : col + width]
            np.maximum(target, piece, out=target)


def make_translated_digits(
    n_train: int = 10000,
    n_test: int = 2000,
    canvas: int = 32,
    scale: tuple[float, float] = (1.0, 2.0),
    clutter: int = 0,
    seed: int = 0,
) -> dict[str, np.ndarray]:
    """Handwritten digits placed at random positions and sizes on a larger canvas.

    Provenance: generated from scikit-learn's 1,797 bundled 8×8 digits
    (:func:`load_digits_8x8`). The source digits are first split 80/20, stratified by class
    (by ``seed``), into disjoint train and test pools, so no test image is made from a digit
    seen in training. Each example then takes a random digit of its pool, resizes it by a
    random factor in ``scale`` (bilinear, to a whole number of pixels: 8–16 for the default
    (1, 2)), and places it at a random position on an empty ``canvas``×``canvas`` image.
    ``clutter > 0`` pastes that many random fragments (3×3 or 4×4 source pixels, resized
    like the digit) of digits *of other classes* from the same pool anywhere on the canvas
    as distractors. Where a digit is in the image is now unknown — what convolutions and
    pooling handle well and fixed pixel features do not.

    The examples are drawn with one random stream per attribute, so
    ``make_translated_digits(1000)`` gives the first 1,000 training images of
    ``make_translated_digits(10000)``, and the test set does not depend on ``n_train``.

    Args:
        n_train: number of training images (at least 1).
        n_test: number of test images (at least 1).
        canvas: side of the square image in pixels; at least the largest scaled digit.
        scale: ``(low, high)`` range of the resize factor (0.5–10).
        clutter: number of distractor fragments per image (0–20).
        seed: random seed (split, choice of digits, sizes, positions, clutter).

    Returns:
        A dict with ``x_train`` (float32 ``(n_train, canvas, canvas)`` in [0, 1]),
        ``y_train`` (int64), ``x_test``, ``y_test`` and ``source_train`` / ``source_test``
        (the index of each example's source digit in :func:`load_digits_8x8`).

    Example:
        >>> d = make_translated_digits(n_train=100, n_test=20)
        >>> d["x_train"].shape, d["x_train"].dtype.name
        ((100, 32, 32), 'float32')
    """
    n_train = as_int(n_train, "n_train", 1, 200_000)
    n_test = as_int(n_test, "n_test", 1, 200_000)
    canvas = as_int(canvas, "canvas", _DIGIT_SIZE, 256)
    low, high = _validate_scale(scale, canvas)
    clutter = as_int(clutter, "clutter", 0, 20)
    seed = as_seed(seed)
    _, labels = _digits_raw()
    pool_train, pool_test = _split_sources(labels, seed)
    streams = {part: [np.random.default_rng([seed, part, k]) for k in range(4)] for part in (1, 2)}
    x_train, y_train, source_train = _render(streams[1], pool_train, labels, n_train, canvas, (low, high), clutter)
    x_test, y_test, source_test = _render(streams[2], pool_test, labels, n_test, canvas, (low, high), clutter)
    return {
        "x_train": x_train,
        "y_train": y_train,
        "x_test": x_test,
        "y_test": y_test,
        "source_train": source_train,
        "source_test": source_test,
    }


# --------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatasetInfo:
    """One entry of :data:`DATASETS`: the function that makes it and what it is."""

    name: str
    loader: Callable[..., Any]
    kind: str
    description: str
    call: str  # how to call it directly, e.g. "load_tabular('iris')"


def _tabular_loader(name: str) -> Callable[..., tuple[Any, Any]]:
    def loader(as_frame: bool = True) -> tuple[Any, Any]:
        return load_tabular(name, as_frame=as_frame)

    loader.__name__ = f"load_{name}"
    loader.__doc__ = f"``load_tabular({name!r}, as_frame)``: {TABULAR_DATASETS[name]}."
    return loader


#: Every dataset of the course by name; :func:`load_dataset` dispatches on it.
DATASETS: dict[str, DatasetInfo] = {
    **{
        name: DatasetInfo(name, _tabular_loader(name), "real, tabular", description, f"load_tabular({name!r})")
        for name, description in TABULAR_DATASETS.items()
    },
    "digits_8x8": DatasetInfo(
        "digits_8x8", load_digits_8x8, "real, images", "1,797 handwritten digits, 8×8 pixels (UCI, via scikit-learn)",
        "load_digits_8x8()",
    ),
    "customers": DatasetInfo(
        "customers", make_customers, "generated, tabular", "customers from five hidden segments, for clustering",
        "make_customers()",
    ),
    "sensor_readings": DatasetInfo(
        "sensor_readings", make_sensor_readings, "generated, time series",
        "a machine's four sensor channels with labelled injected anomalies", "make_sensor_readings()",
    ),
    "churn": DatasetInfo(
        "churn", make_churn, "generated, tabular",
        "customer churn: numeric + categorical columns, missing values, 25 % churn", "make_churn()",
    ),
    "credit": DatasetInfo(
        "credit", make_credit, "generated, tabular",
        "credit applications: a protected group, a postcode proxy, historically biased approvals", "make_credit()",
    ),
    "defect_images": DatasetInfo(
        "defect_images", make_defect_images, "generated, images",
        "brushed-metal surfaces from a production line, 5 % with a scratch or a spot", "make_defect_images()",
    ),
    "machine_signals": DatasetInfo(
        "machine_signals", make_machine_signals, "generated, 1-D signals",
        "vibration windows of machines, labelled 'fails within 7 days' (20 %)", "make_machine_signals()",
    ),
    "mnist1d": DatasetInfo(
        "mnist1d", load_mnist1d, "generated, 1-D signals", "MNIST-1D benchmark (Greydanus 2020), 4,000/1,000 signals",
        "load_mnist1d()",
    ),
    "translated_digits": DatasetInfo(
        "translated_digits", make_translated_digits, "generated, images",
        "8×8 digits moved and resized on a larger canvas, optional clutter", "make_translated_digits()",
    ),
}


def load_dataset(name: str, **kwargs: Any) -> Any:
    """Load any dataset of the course by name, passing ``kwargs`` to its function.

    Args:
        name: a key of :data:`DATASETS` (see :func:`list_datasets`).
        **kwargs: arguments of that dataset's function, e.g. ``seed=1``.

    Example:
        >>> X, y = load_dataset("churn", n=500, seed=1)
        >>> len(X)
        500
    """
    as_str(name, "name")
    key = _normalise_name(name)
    if key == "digits":
        key = "digits_8x8"
    if key not in DATASETS:
        raise _unknown_name_error(name, "dataset name", list(DATASETS))
    loader = DATASETS[key].loader
    try:
        return loader(**kwargs)
    except TypeError as error:
        if "unexpected keyword argument" in str(error):
            function = DATASETS[key].call.split("(")[0]
            raise TypeError(f"load_dataset({name!r}): {error}. See help(utils.data.{function}).") from None
        raise


def list_datasets() -> pd.DataFrame:
    """A table of every dataset name, its kind and a one-line description.

    Example:
        >>> "mnist1d" in list_datasets()["name"].tolist()
        True
    """
    rows = [
        {"name": info.name, "kind": info.kind, "call": f"utils.data.{info.call}", "description": info.description}
        for info in DATASETS.values()
    ]
    return pd.DataFrame(rows)
