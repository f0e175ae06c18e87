"""utils.train: loaders, fit (determinism, early stopping, schedules, progress), evaluation, clear errors."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from utils import devices, models, plots, scorecard, train


@pytest.fixture
def blobs() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A small, easy 3-class problem: 120 training and 60 validation points in 5-D (float64)."""
    rng = np.random.default_rng(0)
    centres = rng.normal(scale=3.0, size=(3, 5))
    y = np.arange(180) % 3
    X = centres[y] + rng.normal(size=(180, 5))
    return X[:120], y[:120], X[120:], y[120:]


def quiet_fit(model: nn.Module, *args, **kwargs) -> train.History:
    kwargs.setdefault("progress", False)
    kwargs.setdefault("device", "cpu")
    return train.fit(model, *args, **kwargs)


def new_mlp(seed: int = 0, **kwargs) -> models.MLP:
    torch.manual_seed(seed)
    kwargs.setdefault("hidden", (16,))
    return models.MLP(5, n_classes=3, **kwargs)


# --------------------------------------------------------------------------------------
# as_loader
# --------------------------------------------------------------------------------------


def test_as_loader_converts_dtypes_and_batches():
    X = np.arange(30, dtype=np.float64).reshape(10, 3)
    y = np.arange(10, dtype=np.int32)
    loader = train.as_loader((X, y), batch_size=4)
    batches = list(loader)
    assert len(loader) == len(batches) == 3
    assert [len(b[0]) for b in batches] == [4, 4, 2]
    assert batches[0][0].dtype == torch.float32 and batches[0][1].dtype == torch.int64
    torch.testing.assert_close(torch.cat([b[0] for b in batches]), torch.tensor(X, dtype=torch.float32))
    regression = next(iter(train.as_loader((X, y.astype(float)))))
    assert regression[1].dtype == torch.float32


def test_as_loader_accepts_tensors_datasets_and_returns_loaders_unchanged():
    dataset = TensorDataset(torch.zeros(6, 2), torch.zeros(6, dtype=torch.long))
    assert len(train.as_loader(dataset, batch_size=2)) == 3
    loader = DataLoader(dataset)
    assert train.as_loader(loader) is loader
    X, y = next(iter(train.as_loader([torch.ones(4, 2, dtype=torch.float64), torch.tensor([0, 1, 0, 1])])))
    assert X.dtype == torch.float32 and y.dtype == torch.int64


def test_as_loader_shuffles_deterministically_without_touching_the_global_generator():
    data = (np.zeros((50, 1)), np.arange(50))

    def order(seed: int) -> list[int]:
        return torch.cat([y for _, y in train.as_loader(data, batch_size=8, shuffle=True, seed=seed)]).tolist()

    state = torch.get_rng_state()
    assert order(1) == order(1)
    assert order(1) != order(2)
    assert sorted(order(1)) == list(range(50))
    assert torch.equal(torch.get_rng_state(), state)
    loader = train.as_loader(data, batch_size=8, shuffle=True, seed=1)
    first, second = ([y for _, y in loader] for _ in range(2))
    assert not all(torch.equal(a, b) for a, b in zip(first, second))  # a new order every epoch


@pytest.mark.parametrize(
    "data, error, message",
    [
        ((np.array([[1.0], [np.nan]]), np.array([0, 1])), ValueError, r"data X contains 1 NaN"),
        ((torch.tensor([[1.0], [float("nan")]]), torch.tensor([0, 1])), ValueError, r"data X contains 1 NaN"),
        ((np.zeros((3, 2)), np.array([0.0, np.nan, 1.0])), ValueError, r"data y contains 1 NaN"),
        ((np.zeros((3, 2)), np.zeros(4)), ValueError, r"same number of rows.*has 3.*has 4"),
        ((np.zeros((3, 2)), np.zeros(3), np.zeros(3)), TypeError, r"an \(X, y\) pair"),
        (np.zeros((3, 2)), TypeError, r"an \(X, y\) pair"),
        ((np.array([["a"], ["b"]]), np.zeros(2)), TypeError, r"must contain numbers"),
        ((np.zeros((0, 2)), np.zeros(0)), ValueError, r"data is empty"),
    ],
)
def test_as_loader_explains_bad_data(data, error, message):
    with pytest.raises(error, match=message):
        train.as_loader(data)


@pytest.mark.parametrize("kwargs, message", [({"batch_size": 0}, "batch_size"), ({"seed": -1}, "seed"),
                                             ({"shuffle": "yes"}, "shuffle must be True or False")])
def test_as_loader_checks_its_arguments(kwargs, message):
    with pytest.raises((TypeError, ValueError), match=message):
        train.as_loader((np.zeros((2, 1)), np.zeros(2)), **kwargs)


# --------------------------------------------------------------------------------------
# fit: history, progress, determinism
# --------------------------------------------------------------------------------------


def test_fit_learns_and_records_a_history(blobs):
    X, y, X_val, y_val = blobs
    model = new_mlp()
    history = quiet_fit(model, (X, y), (X_val, y_val), epochs=8, lr=3e-2, batch_size=16)
    assert isinstance(history, train.History) and len(history) == 8
    assert [row["epoch"] for row in history.epochs] == list(range(1, 9))
    assert set(history.epochs[0]) == {"epoch", "train_loss", "train_acc", "val_loss", "val_acc", "lr", "seconds"}
    assert history["train_loss"][-1] < history["train_loss"][0]
    assert history.last["val_acc"] >= 0.9
    assert history.last["val_acc"] == pytest.approx(train.evaluate(model, (X_val, y_val))["accuracy"])
    assert history.best_epoch == 1 + int(np.argmin(history["val_loss"]))
    assert not history.stopped_early and not history.restored_best and not history.diverged
    assert history.train_time_s >= sum(history["seconds"]) > 0
    assert history["lr"] == [3e-2] * 8
    assert not model.training  # left in eval mode, ready to predict
    assert "8 epochs" in repr(history) and "val acc" in history.summary()


def test_history_frame_plots_with_training_curves(blobs):
    X, y, X_val, y_val = blobs
    history = quiet_fit(new_mlp(), (X, y), (X_val, y_val), epochs=3)
    frame = history.to_frame()
    assert list(frame.columns) == ["epoch", "train_loss", "val_loss", "train_acc", "val_acc"]
    assert frame["epoch"].tolist() == [1, 2, 3]
    assert list(history.to_frame(all_columns=True).columns)[-2:] == ["lr", "seconds"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        axes = plots.training_curves(frame)
    assert [ax.get_ylabel() for ax in axes] == ["loss", "accuracy"]
    assert len(axes[0].get_lines()) >= 2


def test_history_without_validation(blobs):
    X, y, _, _ = blobs
    history = quiet_fit(new_mlp(), (X, y), epochs=2)
    assert list(history.to_frame().columns) == ["epoch", "train_loss", "train_acc"]
    assert math.isnan(history.last["val_loss"]) and history.best_epoch is None
    assert len(plots.training_curves(history.to_frame())) == 2
    with pytest.raises(KeyError, match="its columns are: epoch, train_loss"):
        history["accuracy"]  # noqa: B018
    assert train.History().summary() == "History: no epoch trained." and train.History().last == {}


def test_fit_is_deterministic_for_a_seed(blobs):
    X, y, X_val, y_val = blobs

    def run(seed: int) -> tuple[list[dict], dict]:
        model = new_mlp(dropout=0.3)  # dropout draws from the global generator: fit seeds it
        history = quiet_fit(model, (X, y), (X_val, y_val), epochs=4, lr=1e-2, batch_size=16, seed=seed)
        rows = [{k: v for k, v in row.items() if k != "seconds"} for row in history.epochs]
        return rows, model.state_dict()

    (rows_a, weights_a), (rows_b, weights_b) = run(0), run(0)
    assert rows_a == rows_b  # exactly equal floats
    assert all(torch.equal(weights_a[k], weights_b[k]) for k in weights_a)
    rows_c, _ = run(1)
    assert rows_c != rows_a  # another seed, another batch order and dropout


def _copies_trained(blobs, global_seeds: tuple[int, int], **kwargs) -> list[tuple[list[dict], dict, torch.Tensor]]:
    """One model with dropout, trained twice (two copies), PyTorch's global generator seeded
    with each of ``global_seeds`` just before: (history rows, weights, global state after)."""
    import copy

    X, y, X_val, y_val = blobs
    model = new_mlp(dropout=0.3)
    results = []
    for global_seed in global_seeds:
        copied = copy.deepcopy(model)
        torch.manual_seed(global_seed)
        history = quiet_fit(copied, (X, y), (X_val, y_val), epochs=3, lr=1e-2, batch_size=16, **kwargs)
        rows = [{k: v for k, v in row.items() if k != "seconds"} for row in history.epochs]
        results.append((rows, copied.state_dict(), torch.get_rng_state()))
    return results


def test_a_seeded_fit_is_the_same_whatever_the_global_generator(blobs):
    (rows_a, weights_a, _), (rows_b, weights_b, _) = _copies_trained(blobs, (1, 2), seed=7)
    assert rows_a == rows_b
    assert all(torch.equal(weights_a[k], weights_b[k]) for k in weights_a)


def test_a_seeded_fit_leaves_the_global_generator_where_it_was(blobs):
    X, y, X_val, y_val = blobs
    model = new_mlp(dropout=0.3)
    torch.manual_seed(11)
    before = torch.get_rng_state()
    quiet_fit(model, (X, y), (X_val, y_val), epochs=2, batch_size=16, seed=3)
    assert torch.equal(torch.get_rng_state(), before)
    assert torch.equal(torch.rand(3), (torch.manual_seed(11), torch.rand(3))[1])


def test_fit_without_a_seed_draws_from_the_global_generator_without_reseeding_it(blobs):
    (rows_a, weights_a, after_a), (rows_b, weights_b, after_b) = _copies_trained(blobs, (5, 5))
    assert rows_a == rows_b and torch.equal(after_a, after_b)  # reproducible from the global seed
    assert all(torch.equal(weights_a[k], weights_b[k]) for k in weights_a)
    (rows_c, _, _), = _copies_trained(blobs, (6,))
    assert rows_c != rows_a  # another global state, another batch order and dropout: no fixed default seed
    assert not torch.equal(after_a, (torch.manual_seed(5), torch.get_rng_state())[1])  # it advanced


def test_as_loader_without_a_seed_shuffles_from_the_global_generator():
    data = (np.zeros((50, 1)), np.arange(50))

    def order(global_seed: int) -> list[int]:
        torch.manual_seed(global_seed)
        return torch.cat([y for _, y in train.as_loader(data, batch_size=8, shuffle=True)]).tolist()

    assert order(1) == order(1) != order(2)
    state = torch.get_rng_state()
    list(train.as_loader(data, batch_size=8))  # not shuffled: nothing drawn
    assert torch.equal(torch.get_rng_state(), state)


def test_progress_bar_shows_losses_and_accuracy(blobs, capsys):
    X, y, X_val, y_val = blobs
    train.fit(new_mlp(), (X, y), (X_val, y_val), epochs=2, device="cpu", progress=True)
    err = capsys.readouterr().err
    assert "Training MLP" in err and "2/2" in err
    assert "train_loss=" in err and "val_loss=" in err and "val_acc=" in err
    quiet_fit(new_mlp(), (X, y), (X_val, y_val), epochs=2)
    assert capsys.readouterr().err == ""


# --------------------------------------------------------------------------------------
# fit: early stopping
# --------------------------------------------------------------------------------------


@pytest.fixture
def overfitting_setup() -> tuple:
    """A wide MLP memorising 40 points whose labels are noise: the validation loss soon rises."""
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(40, 5)), rng.integers(0, 3, size=40)
    X_val, y_val = rng.normal(size=(40, 5)), rng.integers(0, 3, size=40)
    torch.manual_seed(0)
    return models.MLP(5, hidden=(128, 128), n_classes=3), (X, y), (X_val, y_val)


def test_early_stopping_stops_and_restores_the_best_weights(overfitting_setup):
    model, train_set, val_set = overfitting_setup
    history = quiet_fit(model, train_set, val_set, epochs=100, lr=1e-2, early_stopping=4, batch_size=8)
    val_losses = history["val_loss"]
    assert history.stopped_early and history.restored_best
    assert len(history) < 100
    assert history.best_epoch == 1 + int(np.argmin(val_losses))
    assert len(history) == history.best_epoch + 4  # four epochs without improvement
    assert min(val_losses[history.best_epoch:]) >= val_losses[history.best_epoch - 1]
    # the model holds the best epoch's weights again: same validation loss, bit for bit
    assert train.evaluate(model, val_set, batch_size=256)["loss"] == val_losses[history.best_epoch - 1]
    assert "stopped early" in history.summary() and "(restored)" in history.summary()
    assert len(plots.training_curves(history.to_frame())) == 2


def test_early_stopping_without_restoring_keeps_the_last_weights(overfitting_setup):
    model, train_set, val_set = overfitting_setup
    history = quiet_fit(model, train_set, val_set, epochs=100, lr=1e-2, early_stopping=3, batch_size=8,
                        restore_best=False)
    assert history.stopped_early and not history.restored_best
    assert train.evaluate(model, val_set, batch_size=256)["loss"] == history["val_loss"][-1]


def test_early_stopping_that_never_triggers(blobs):
    X, y, X_val, y_val = blobs
    history = quiet_fit(new_mlp(), (X, y), (X_val, y_val), epochs=3, lr=1e-2, early_stopping=10)
    assert len(history) == 3 and not history.stopped_early


def test_early_stopping_needs_validation_data(blobs):
    X, y, _, _ = blobs
    with pytest.raises(ValueError, match=r"early_stopping=3 watches the validation loss.*val=\(X_val, y_val\)"):
        quiet_fit(new_mlp(), (X, y), early_stopping=3)


# --------------------------------------------------------------------------------------
# fit: optimizers, schedule, losses, devices
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("optimizer, lr", [("sgd", 0.1), ("adamw", 3e-2), ("adam", 3e-2)])
def test_every_optimizer_trains(blobs, optimizer, lr):
    X, y, X_val, y_val = blobs
    history = quiet_fit(new_mlp(), (X, y), (X_val, y_val), epochs=5, lr=lr, optimizer=optimizer,
                        weight_decay=1e-4, batch_size=16)
    assert history.last["val_acc"] >= 0.8, history.epochs


def test_onecycle_warms_up_then_anneals(blobs):
    X, y, _, _ = blobs
    history = quiet_fit(new_mlp(), (X, y), epochs=10, lr=0.05, schedule="onecycle")
    lrs = history["lr"]
    peak = int(np.argmax(lrs))
    assert lrs[0] == pytest.approx(0.05 / 25)  # OneCycleLR starts at max_lr / div_factor
    assert 0 < peak < 9 and max(lrs) <= 0.05
    assert all(a <= b for a, b in zip(lrs[:peak], lrs[1:peak + 1]))
    assert all(a >= b for a, b in zip(lrs[peak:], lrs[peak + 1:]))
    quiet_fit(new_mlp(), (X, y), epochs=2, lr=0.05, schedule="onecycle", optimizer="sgd", momentum=0.0)


def test_regression_with_mse(blobs):
    X, _, X_val, _ = blobs
    target = X[:, :1] * 2.0
    torch.manual_seed(0)
    model = models.MLP(5, hidden=(16,), n_classes=1)
    history = quiet_fit(model, (X, target), (X_val, X_val[:, :1] * 2.0), epochs=20, lr=1e-2,
                        loss_fn=nn.MSELoss())
    assert history["val_loss"][-1] < history["val_loss"][0] / 5
    assert list(history.to_frame().columns) == ["epoch", "train_loss", "val_loss"]  # no accuracy
    assert set(train.evaluate(model, (X_val, X_val[:, :1]), loss_fn=nn.MSELoss())) == {"loss"}


def test_fit_accepts_loaders_and_datasets(blobs):
    X, y, X_val, y_val = blobs
    loader = train.as_loader((X, y), batch_size=32, shuffle=True)
    dataset = TensorDataset(torch.tensor(X_val, dtype=torch.float32), torch.tensor(y_val))
    history = quiet_fit(new_mlp(), loader, dataset, epochs=2)
    assert len(history) == 2 and not math.isnan(history.last["val_acc"])


def test_fit_uses_choose_device_and_keeps_the_model_there(blobs, monkeypatch):
    X, y, _, _ = blobs
    asked = []

    def fake_choose_device(preferred=None):
        asked.append(preferred)
        return torch.device("cpu")

    monkeypatch.setattr(devices, "choose_device", fake_choose_device)
    model = new_mlp()
    train.fit(model, (X, y), epochs=1, progress=False)
    assert asked == [None]
    assert next(model.parameters()).device.type == "cpu"
    train.evaluate(model, (X, y))  # device=None evaluates where the model is: no new choice
    train.predict(model, X)
    assert asked == [None]
    train.evaluate(model, (X, y), device="cpu")
    assert asked == [None, "cpu"]


def test_fit_refuses_an_unavailable_device(blobs, monkeypatch):
    X, y, _, _ = blobs
    monkeypatch.setattr(devices, "_cuda_available", lambda: False)
    with pytest.raises(RuntimeError, match="CUDA is not available"):
        quiet_fit(new_mlp(), (X, y), device="cuda")


def test_divergence_stops_with_a_warning():
    X = np.linspace(-1, 1, 32).reshape(-1, 1) * 1e3
    torch.manual_seed(0)
    model = nn.Linear(1, 1)
    with pytest.warns(RuntimeWarning, match=r"diverged.*smaller learning rate"):
        history = quiet_fit(model, (X, X * 3), epochs=50, lr=10.0, optimizer="sgd", loss_fn=nn.MSELoss())
    assert history.diverged and len(history) < 50 and "DIVERGED" in history.summary()


# --------------------------------------------------------------------------------------
# fit: errors that say what to fix
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"optimizer": "rmsprop"}, ValueError, r"optimizer='rmsprop' is not one of .*'adam', 'sgd', 'adamw'"),
        ({"schedule": "cosine"}, ValueError, r"schedule='cosine' is not one of .*None, 'onecycle'"),
        ({"epochs": 0}, ValueError, r"epochs must be between 1"),
        ({"epochs": 2.5}, TypeError, r"epochs must be an int"),
        ({"lr": 0}, ValueError, r"lr must be greater than 0.*lr=1e-3"),
        ({"lr": -0.1}, ValueError, r"lr must be at least 0"),
        ({"lr": float("nan")}, ValueError, r"lr must be a finite number"),
        ({"batch_size": 0}, ValueError, r"batch_size must be between 1"),
        ({"weight_decay": -1.0}, ValueError, r"weight_decay must be at least 0"),
        ({"momentum": 1.5}, ValueError, r"momentum must be between 0.0 and 1.0"),
        ({"early_stopping": 0}, ValueError, r"early_stopping must be between 1"),
        ({"progress": "no"}, TypeError, r"progress must be True or False"),
        ({"seed": -1}, ValueError, r"seed must be between 0"),
        ({"device": "tpu"}, ValueError, r"Unknown device 'tpu'"),
        ({"loss_fn": nn.CrossEntropyLoss}, TypeError, r"class CrossEntropyLoss: create the loss first"),
        ({"loss_fn": "mse"}, TypeError, r"loss_fn must be a loss such as nn.CrossEntropyLoss\(\)"),
        ({"loss_fn": nn.CrossEntropyLoss(reduction="none")}, ValueError, r"one number per batch.*reduction='mean'"),
    ],
)
def test_fit_explains_bad_arguments(blobs, kwargs, error, message):
    X, y, X_val, y_val = blobs
    with pytest.raises(error, match=message):
        quiet_fit(new_mlp(), (X, y), (X_val, y_val), **{"epochs": 1, **kwargs})


def test_fit_explains_float_labels_for_cross_entropy(blobs):
    X, y, _, _ = blobs
    with pytest.raises(TypeError, match=r"floats \(dtype torch.float32\).*CrossEntropyLoss needs integer.*"
                                        r"y.astype\('int64'\)"):
        quiet_fit(new_mlp(), (X, y.astype(np.float32)), epochs=1)


def test_fit_allows_soft_labels_of_the_outputs_shape(blobs):
    X, y, _, _ = blobs
    soft = np.eye(3, dtype=np.float32)[y] * 0.9 + 0.1 / 3
    assert len(quiet_fit(new_mlp(), (X, soft), epochs=1)) == 1


def test_fit_explains_one_hot_labels_with_the_wrong_width(blobs):
    X, y, _, _ = blobs
    one_hot = np.eye(4, dtype=np.int64)[y]
    with pytest.raises(ValueError, match=r"one class label per example.*y.argmax\(axis=1\)"):
        quiet_fit(new_mlp(), (X, one_hot), epochs=1)


def test_fit_explains_labels_outside_the_classes(blobs):
    X, y, _, _ = blobs
    labels = y.copy()
    labels[-1] = 3  # only in the last batch: the whole label set is checked up front
    with pytest.raises(ValueError, match=r"labels run from 0 to 3, but the model has 3 outputs.*n_classes=4"):
        quiet_fit(new_mlp(), (X, labels), epochs=1)
    with pytest.raises(ValueError, match=r"labels run from -1 to 2"):
        quiet_fit(new_mlp(), (X, y - (y == 0)), epochs=1)


def test_fit_explains_nan_inputs(blobs):
    X, y, X_val, y_val = blobs
    X = X.copy()
    X[3, 2] = np.nan
    with pytest.raises(ValueError, match=r"train X contains 1 NaN value\(s\).*impute"):
        quiet_fit(new_mlp(), (X, y), epochs=1)
    X_val = X_val.copy()
    X_val[0, 0] = np.nan
    with pytest.raises(ValueError, match=r"val X contains 1 NaN"):
        quiet_fit(new_mlp(), (blobs[0], y), (X_val, y_val), epochs=1)


def test_fit_explains_regression_shape_and_dtype_mistakes(blobs):
    X, y, _, _ = blobs
    model = models.MLP(5, hidden=(4,), n_classes=1)
    with pytest.raises(ValueError, match=r"MSELoss.*shape \(64, 1\).*shape \(64,\).*y.reshape\(-1, 1\)"):
        quiet_fit(model, (X, y.astype(np.float32)), epochs=1, loss_fn=nn.MSELoss())
    with pytest.raises(TypeError, match=r"MSELoss needs float targets.*y.astype\('float32'\)"):
        quiet_fit(model, (X, y.reshape(-1, 1)), epochs=1, loss_fn=nn.MSELoss())


def test_fit_explains_wrong_model_objects(blobs):
    X, y, _, _ = blobs
    with pytest.raises(TypeError, match=r"model is the class MLP, not a network.*model = MLP\(...\)"):
        quiet_fit(models.MLP, (X, y))
    with pytest.raises(TypeError, match=r"model must be a torch.nn.Module"):
        quiet_fit("mlp", (X, y))
    frozen = nn.Linear(5, 3).requires_grad_(False)
    with pytest.raises(ValueError, match=r"no trainable parameters"):
        quiet_fit(frozen, (X, y))


def test_fit_explains_wrong_input_shapes(blobs):
    X, y, _, _ = blobs
    with pytest.raises(ValueError, match=r"in_features=40, but each input has 5 values"):
        quiet_fit(models.MLP(40), (X, y), epochs=1)


# --------------------------------------------------------------------------------------
# evaluate, predict, predict_proba, count_parameters
# --------------------------------------------------------------------------------------


def test_evaluate_matches_a_manual_computation(blobs):
    X, y, X_val, y_val = blobs
    model = new_mlp(dropout=0.5).train()
    scores = train.evaluate(model, (X_val, y_val), batch_size=7)
    assert model.training  # the previous mode is restored
    with torch.no_grad():
        logits = model.eval()(torch.tensor(X_val, dtype=torch.float32))
    assert scores["loss"] == pytest.approx(float(nn.functional.cross_entropy(logits, torch.tensor(y_val))), rel=1e-5)
    assert scores["accuracy"] == pytest.approx(float((logits.argmax(1).numpy() == y_val).mean()))


def test_predict_and_predict_proba(blobs):
    X, y, X_val, y_val = blobs
    model = new_mlp()
    quiet_fit(model, (X, y), epochs=5, lr=3e-2, batch_size=16)
    proba = train.predict_proba(model, X_val, batch_size=16)
    labels = train.predict(model, X_val)
    assert proba.shape == (60, 3) and np.allclose(proba.sum(axis=1), 1.0, atol=1e-6)
    assert labels.dtype == np.int64 and np.array_equal(labels, proba.argmax(axis=1))
    assert np.array_equal(labels, train.predict(model, torch.tensor(X_val)))
    assert np.array_equal(labels, train.predict(model, train.as_loader((X_val, y_val), batch_size=9)))
    assert (labels == y_val).mean() == pytest.approx(train.evaluate(model, (X_val, y_val))["accuracy"])
    with pytest.raises(TypeError, match=r"inputs X only, not an \(X, y\) pair"):
        train.predict(model, (X_val, y_val))
    with pytest.raises(ValueError, match=r"X contains 1 NaN"):
        train.predict(model, np.where(np.arange(5) == 0, np.nan, 0.0)[None, :])


def test_binary_single_logit_models(blobs):
    X, y, _, _ = blobs
    target = (y == 0).astype(np.float32).reshape(-1, 1)
    torch.manual_seed(0)
    model = models.MLP(5, hidden=(8,), n_classes=1)
    history = quiet_fit(model, (X, target), (X, target), epochs=10, lr=3e-2, batch_size=16,
                        loss_fn=nn.BCEWithLogitsLoss())
    assert history.last["val_acc"] >= 0.9
    proba = train.predict_proba(model, X)
    assert proba.shape == (120, 2) and np.allclose(proba.sum(axis=1), 1.0)
    assert np.array_equal(train.predict(model, X), (proba[:, 1] > 0.5).astype(np.int64))


def test_count_parameters_counts_trainable_ones():
    model = models.MLP(5, hidden=(4,), n_classes=3)
    assert train.count_parameters(model) == (5 * 4 + 4) + (4 * 3 + 3)
    model.net[1].requires_grad_(False)  # freeze the first linear layer
    assert train.count_parameters(model) == 4 * 3 + 3
    with pytest.raises(TypeError, match="torch.nn.Module"):
        train.count_parameters("MLP")


# --------------------------------------------------------------------------------------
# skorch: the scikit-learn interface for comparisons
# --------------------------------------------------------------------------------------


def test_skorch_wrapped_course_model_works_with_the_scorecard(blobs, tmp_path, monkeypatch):
    from skorch import NeuralNetClassifier

    monkeypatch.setenv("COURSE_SCORECARD", str(tmp_path / "scorecard.json"))
    X, y, X_val, y_val = blobs
    net = NeuralNetClassifier(
        models.MLP, module__in_features=5, module__hidden=(16,), module__n_classes=3,
        criterion=nn.CrossEntropyLoss,  # skorch's default NLLLoss fails silently on logits
        optimizer=torch.optim.Adam, lr=1e-2, max_epochs=10, batch_size=32,
        train_split=None, verbose=0, device="cpu",
    )
    row = scorecard.fit_and_record(net, X.astype(np.float32), y.astype(np.int64), X_val.astype(np.float32),
                                   y_val.astype(np.int64), name="MLP (skorch)", notebook="04-neural-networks",
                                   task="blobs")
    assert row["score"] >= 0.9
    assert row["parameters"] == train.count_parameters(net) == (5 * 16 + 16) + (16 * 3 + 3)
    assert row["family"] == "deep learning" and row["fit_time_s"] > 0
    assert scorecard.show("04-neural-networks").loc[0, "model"] == "MLP (skorch)"


# --------------------------------------------------------------------------------------
# The MNIST-1D benchmark (slow)
# --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_convnet1d_reaches_the_published_accuracy_on_mnist1d():
    from utils import data

    mnist = data.load_mnist1d()
    torch.manual_seed(0)
    model = models.ConvNet1D()
    history = quiet_fit(model, (mnist["x"], mnist["y"]), (mnist["x_test"], mnist["y_test"]),
                        epochs=20, lr=3e-2, schedule="onecycle")
    accuracy = train.evaluate(model, (mnist["x_test"], mnist["y_test"]))["accuracy"]
    assert accuracy >= 0.90, history.summary()  # Greydanus (2020): 94 %
    assert accuracy == history.last["val_acc"]


@pytest.mark.slow
def test_logistic_net_matches_the_published_baseline_on_mnist1d():
    from utils import data

    mnist = data.load_mnist1d()
    torch.manual_seed(0)
    model = models.LogisticNet(40)
    quiet_fit(model, (mnist["x"], mnist["y"]), epochs=20, lr=1e-2, schedule="onecycle")
    accuracy = train.evaluate(model, (mnist["x_test"], mnist["y_test"]))["accuracy"]
    assert 0.28 <= accuracy <= 0.38  # Greydanus (2020): 32 %
