"""Training PyTorch models the same way in every notebook: progress bar, history, early stopping.

Notebook 04 first has the learner write the training loop by hand; afterwards, and in every
later notebook, :func:`fit` runs that same loop (batches → loss → backward → step, then an
evaluation) and adds what makes experiments comfortable and comparable:

* a progress bar over epochs (``tqdm.auto``) with the training loss and the validation
  loss and accuracy;
* a :class:`History` of every epoch (losses, accuracies, learning rate, seconds) that
  :func:`utils.plots.training_curves` plots directly: ``training_curves(history.to_frame())``;
* early stopping on the validation loss, restoring the best weights;
* a one-cycle learning-rate schedule (``schedule="onecycle"``): the same accuracy in far
  fewer epochs;
* CUDA / Apple MPS when present, the CPU otherwise (:func:`utils.devices.choose_device`);
* randomness the scikit-learn way: ``seed=None`` (the default) draws from PyTorch's global
  generator, seeded once by ``env.setup()``; ``seed=<int>`` makes one run reproducible on its
  own — on the CPU the same seed gives the same history and weights, bit for bit — and leaves
  the global generator where it was;
* checks that turn PyTorch's cryptic errors into advice: float labels for
  ``CrossEntropyLoss``, labels outside the model's classes, NaN inputs, mismatched shapes.

:func:`evaluate`, :func:`predict`, :func:`predict_proba` and :func:`count_parameters`
complete the set. Where a scikit-learn interface helps a comparison (``cross_val_score``,
``learning_curve``, ``Pipeline``, :func:`utils.scorecard.fit_and_record`), wrap the model with
skorch instead: ``NeuralNetClassifier(models.MLP, module__in_features=40,
criterion=torch.nn.CrossEntropyLoss, train_split=None, verbose=0)`` — skorch's default
criterion ``NLLLoss`` silently fails on models that return logits, as every course model does.

Example::

    import torch
    from utils import data, models, train
    mnist = data.load_mnist1d()
    torch.manual_seed(0)
    model = models.ConvNet1D()
    history = train.fit(model, (mnist["x"], mnist["y"]), (mnist["x_test"], mnist["y_test"]),
                        epochs=20, lr=3e-2, schedule="onecycle")
    train.evaluate(model, (mnist["x_test"], mnist["y_test"]))   # {'loss': ..., 'accuracy': ...}
"""

from __future__ import annotations

import contextlib
import math
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
from torch import nn
from torch.utils.data import BatchSampler, DataLoader, Dataset, RandomSampler, SequentialSampler, TensorDataset

from . import devices
from ._validation import (
    MAX_SEED,
    as_array,
    as_bool,
    as_choice,
    as_float,
    as_int,
    as_seed,
    describe,
    require_same_length,
)

if TYPE_CHECKING:  # pragma: no cover - imported for type hints only
    import pandas

__all__ = [
    "OPTIMIZERS",
    "SCHEDULES",
    "History",
    "as_loader",
    "fit",
    "evaluate",
    "predict",
    "predict_proba",
    "count_parameters",
]

#: Optimizer names :func:`fit` accepts.
OPTIMIZERS = ("adam", "sgd", "adamw")
#: Learning-rate schedules :func:`fit` accepts (``None``: a constant learning rate).
SCHEDULES = (None, "onecycle")

#: Losses that take integer class labels as targets.
_LABEL_LOSSES = (nn.CrossEntropyLoss, nn.NLLLoss)
#: Losses whose target must have the same shape as the model's output.
_SAME_SHAPE_LOSSES = (nn.MSELoss, nn.L1Loss, nn.SmoothL1Loss, nn.HuberLoss, nn.BCEWithLogitsLoss, nn.BCELoss)

Data = Any  # (X, y) arrays or tensors, a Dataset or a DataLoader


# --------------------------------------------------------------------------------------
# History
# --------------------------------------------------------------------------------------

_CURVE_COLUMNS = ("epoch", "train_loss", "val_loss", "train_acc", "val_acc")
_EXTRA_COLUMNS = ("lr", "seconds")


@dataclass(repr=False)
class History:
    """What happened during :func:`fit`, one dict per epoch.

    Attributes:
        epochs: one dict per epoch with ``epoch`` (1, 2, …), ``train_loss``, ``train_acc``
            (measured on the fly during the epoch, with dropout active), ``val_loss``,
            ``val_acc`` (NaN without validation data or for regression), ``lr`` (the
            learning rate at the start of the epoch) and ``seconds``.
        best_epoch: the epoch with the lowest validation loss (``None`` without validation data).
        stopped_early: True if early stopping ended the training before ``epochs``.
        restored_best: True if the weights of ``best_epoch`` were put back at the end.
        diverged: True if the training loss became NaN or infinite (training stopped there).
        train_time_s: wall-clock seconds of the whole training, validation included.

    Example:
        >>> h = History(epochs=[{"epoch": 1, "train_loss": 0.9, "val_loss": 1.0, "train_acc": 0.6,
        ...                      "val_acc": 0.5, "lr": 0.001, "seconds": 0.2}])
        >>> list(h.to_frame().columns)
        ['epoch', 'train_loss', 'val_loss', 'train_acc', 'val_acc']
        >>> h["val_acc"]
        [0.5]
    """

    epochs: list[dict[str, float]] = field(default_factory=list)
    best_epoch: int | None = None
    stopped_early: bool = False
    restored_best: bool = False
    diverged: bool = False
    train_time_s: float = 0.0

    def to_frame(self, all_columns: bool = False) -> "pandas.DataFrame":
        """The history as a DataFrame, one row per epoch, ready for ``plots.training_curves``.

        By default the columns are ``epoch`` and the loss and accuracy curves (columns that
        are NaN throughout, e.g. validation without validation data, are left out);
        ``all_columns=True`` adds ``lr`` and ``seconds`` (and keeps every column).
        """
        import pandas as pd

        as_bool(all_columns, "all_columns")
        columns = list(_CURVE_COLUMNS) + (list(_EXTRA_COLUMNS) if all_columns else [])
        frame = pd.DataFrame(self.epochs, columns=columns)
        if not all_columns:
            frame = frame[[c for c in columns if c == "epoch" or frame[c].notna().any()]]
        return frame.astype({"epoch": int}) if len(frame) else frame

    def __getitem__(self, key: str) -> list[float]:
        """One column as a list: ``history["val_acc"]``."""
        known = (*_CURVE_COLUMNS, *_EXTRA_COLUMNS)
        if key not in known:
            raise KeyError(f"History has no column {key!r}; its columns are: {', '.join(known)}.")
        return [row[key] for row in self.epochs]

    def __len__(self) -> int:
        return len(self.epochs)

    @property
    def last(self) -> dict[str, float]:
        """The dict of the last epoch trained (``{}`` before any epoch)."""
        return dict(self.epochs[-1]) if self.epochs else {}

    def summary(self) -> str:
        """One line: epochs, final losses/accuracy, best epoch, time."""
        if not self.epochs:
            return "History: no epoch trained."
        last = self.epochs[-1]
        parts = [f"{len(self.epochs)} epochs", f"train loss {last['train_loss']:.4f}"]
        if not math.isnan(last["val_loss"]):
            parts.append(f"val loss {last['val_loss']:.4f}")
        if not math.isnan(last["val_acc"]):
            parts.append(f"val acc {last['val_acc']:.3f}")
        if self.best_epoch is not None:
            parts.append(f"best epoch {self.best_epoch}" + (" (restored)" if self.restored_best else ""))
        if self.stopped_early:
            parts.append("stopped early")
        if self.diverged:
            parts.append("DIVERGED")
        parts.append(f"{self.train_time_s:.1f} s")
        return "History: " + " · ".join(parts)

    def __repr__(self) -> str:
        return self.summary()


# --------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------


def _tensor_inputs(X: Any, name: str) -> torch.Tensor:
    """Inputs as a float32 tensor, without NaN."""
    if isinstance(X, torch.Tensor):
        if X.dim() == 0:
            raise ValueError(f"{name} must have one row per example, but got a 0-D tensor.")
        if X.is_floating_point() and torch.isnan(X).any():
            count = int(torch.isnan(X).sum())
            raise ValueError(f"{name} contains {count} NaN value(s); remove or impute them before training.")
        if X.dtype == torch.bool or X.is_complex():
            raise TypeError(f"{name} must hold real numbers, but has dtype {X.dtype}.")
        return X.detach().float()
    array = as_array(X, name)
    if array.ndim == 0:
        raise ValueError(f"{name} must have one row per example, but got a single number.")
    return _from_numpy(array, np.float32)


def _from_numpy(array: np.ndarray, dtype: type) -> torch.Tensor:
    """A tensor sharing memory with ``array`` when it already has the dtype (no copy), else a copy."""
    array = np.ascontiguousarray(array, dtype=dtype)
    return torch.from_numpy(array if array.flags.writeable else array.copy())


def _tensor_targets(y: Any, name: str) -> torch.Tensor:
    """Targets as int64 (integer labels) or float32 (anything else), without NaN."""
    if isinstance(y, torch.Tensor):
        if y.is_floating_point() and torch.isnan(y).any():
            raise ValueError(f"{name} contains {int(torch.isnan(y).sum())} NaN value(s); drop those rows.")
        y = y.detach()
        if y.dim() == 0:
            raise ValueError(f"{name} must hold one target per example, but got a 0-D tensor.")
        return y.float() if (y.is_floating_point() or y.dtype == torch.bool) else y.long()
    array = as_array(y, name)
    if array.ndim == 0:
        raise ValueError(f"{name} must hold one target per example, but got a single number.")
    return _from_numpy(array, np.int64 if np.issubdtype(array.dtype, np.integer) else np.float32)


def _as_dataset(data: Any, name: str) -> Dataset:
    """An ``(X, y)`` pair or a ``Dataset`` as a ``Dataset``."""
    if isinstance(data, Dataset):
        return data
    if isinstance(data, (tuple, list)) and len(data) == 2:
        X = _tensor_inputs(data[0], f"{name} X")
        y = _tensor_targets(data[1], f"{name} y")
        require_same_length(X, f"{name} X", y, f"{name} y")
        if len(X) == 0:
            raise ValueError(f"{name} is empty: it needs at least one example.")
        return TensorDataset(X, y)
    raise TypeError(
        f"{name} must be an (X, y) pair of arrays or tensors, a torch Dataset or a DataLoader, "
        f"but got {describe(data)}."
    )


def as_loader(data: Data, batch_size: int = 64, shuffle: bool = False, seed: int | None = None) -> DataLoader:
    """Turn ``(X, y)`` arrays or tensors, or a ``Dataset``, into a ``DataLoader``.

    X becomes float32; y becomes int64 if it holds integers (class labels) and float32
    otherwise (regression); float32 arrays are used without a copy. A ``DataLoader`` is
    returned unchanged. For arrays the loader takes whole batches at once (a batch sampler,
    so ``loader.batch_size`` is ``None``; ``len(loader)`` is the number of batches). Shuffling uses the
    loader's own ``torch.Generator``: seeded with ``seed`` when it is an int (the same batch order on
    every run, whatever PyTorch's global random state, which is left untouched), or with one draw
    from PyTorch's global generator when ``seed`` is ``None`` (reproducible after ``env.setup()`` or
    ``torch.manual_seed``), like scikit-learn's ``random_state``.

    Args:
        data: ``(X, y)`` (NumPy arrays, tensors, lists or pandas objects), a ``Dataset`` or a
            ``DataLoader``.
        batch_size: examples per batch.
        shuffle: reshuffle the examples at every epoch.
        seed: seed of the shuffling generator, or ``None`` to draw it from PyTorch's global
            generator (only when ``shuffle=True``; an unshuffled loader draws nothing).

    Raises:
        TypeError / ValueError: data that is not a pair, non-numeric values, NaN, X and y of
            different lengths.

    Example:
        >>> loader = as_loader((np.zeros((10, 3)), np.arange(10)), batch_size=4)
        >>> X, y = next(iter(loader))
        >>> X.dtype, y.dtype, len(loader)
        (torch.float32, torch.int64, 3)
    """
    return _as_loader(data, batch_size, shuffle, seed, "data")


def _as_loader(data: Data, batch_size: int, shuffle: bool, seed: int | None, name: str) -> DataLoader:
    if isinstance(data, DataLoader):
        return data
    batch_size = as_int(batch_size, "batch_size", 1, 10_000_000)
    shuffle = as_bool(shuffle, "shuffle")
    seed = as_seed(seed, allow_none=True)
    return _loader(_as_dataset(data, name), batch_size, shuffle, seed)


def _loader(dataset: Dataset, batch_size: int, shuffle: bool, seed: int | None = None) -> DataLoader:
    """A DataLoader with its own generator: PyTorch's global one is drawn from once, for a
    shuffled loader without a ``seed``, and never while iterating.

    For in-memory tensors it indexes whole batches at once: small models train ≈ 1.5× faster
    than when examples are collated one by one.
    """
    if seed is None:
        seed = int(torch.randint(0, MAX_SEED + 1, ())) if shuffle else 0
    generator = torch.Generator().manual_seed(seed)
    if isinstance(dataset, TensorDataset):
        sampler = RandomSampler(dataset, generator=generator) if shuffle else SequentialSampler(dataset)
        return DataLoader(dataset, sampler=BatchSampler(sampler, batch_size, drop_last=False), batch_size=None,
                          generator=generator)
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, generator=generator)


def _split_batch(batch: Any) -> tuple[torch.Tensor, torch.Tensor]:
    if isinstance(batch, (tuple, list)) and len(batch) == 2:
        return batch[0], batch[1]
    raise TypeError(
        "Each batch must be an (inputs, targets) pair, but the loader gave "
        f"{describe(batch)}; a Dataset's __getitem__ should return (x, y)."
    )


def _known_targets(loader: DataLoader) -> torch.Tensor | None:
    """All targets of a loader built from a TensorDataset (for up-front label checks)."""
    dataset = loader.dataset
    if isinstance(dataset, TensorDataset) and len(dataset.tensors) == 2:
        return dataset.tensors[1]
    return None


# --------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------


def _check_model(model: Any) -> nn.Module:
    if isinstance(model, type) and issubclass(model, nn.Module):
        raise TypeError(
            f"model is the class {model.__name__}, not a network: build one first, "
            f"e.g. model = {model.__name__}(...), then pass model."
        )
    module = getattr(model, "module_", None)
    if not isinstance(model, nn.Module) and isinstance(module, nn.Module):
        raise TypeError("model is a skorch net: train it with net.fit(X, y), or pass net.module_ here.")
    if not isinstance(model, nn.Module):
        raise TypeError(f"model must be a torch.nn.Module, but got {describe(model)}.")
    return model


def _check_loss_fn(loss_fn: Any) -> Callable[[torch.Tensor, torch.Tensor], torch.Tensor]:
    if loss_fn is None:
        return nn.CrossEntropyLoss()
    if isinstance(loss_fn, type):
        raise TypeError(
            f"loss_fn is the class {loss_fn.__name__}: create the loss first, "
            f"e.g. loss_fn={loss_fn.__name__}()."
        )
    if not callable(loss_fn):
        raise TypeError(f"loss_fn must be a loss such as nn.CrossEntropyLoss(), but got {describe(loss_fn)}.")
    return loss_fn


def _check_label_targets(outputs: torch.Tensor, targets: torch.Tensor, loss_name: str) -> None:
    if targets.is_floating_point():
        if targets.shape == outputs.shape:  # class probabilities (soft labels) are allowed
            return
        raise TypeError(
            f"The targets y are floats (dtype {targets.dtype}), but {loss_name} needs integer class "
            "labels 0 … n_classes-1: convert them with y.astype('int64') (NumPy) or y.long() (PyTorch). "
            "For a regression target use loss_fn=nn.MSELoss()."
        )
    if targets.dim() != 1:
        hint = " For one-hot labels use y.argmax(axis=1)." if targets.dim() == 2 else ""
        raise ValueError(
            f"{loss_name} needs one class label per example, shape (N,), but the targets have shape "
            f"{tuple(targets.shape)}.{hint}"
        )
    if outputs.dim() != 2:
        raise ValueError(
            f"{loss_name} needs model outputs of shape (N, n_classes), but the model returned shape "
            f"{tuple(outputs.shape)}."
        )


def _check_label_range(labels: torch.Tensor, n_outputs: int, loss_name: str) -> None:
    if labels.is_floating_point() or labels.numel() == 0:
        return
    low, high = int(labels.min()), int(labels.max())
    if low < 0 or high >= n_outputs:
        raise ValueError(
            f"The labels run from {low} to {high}, but the model has {n_outputs} outputs, so {loss_name} "
            f"accepts labels 0 to {n_outputs - 1}. Build the model with n_classes={high + 1} "
            "(and labels ≥ 0), or re-encode the labels (sklearn.preprocessing.LabelEncoder)."
        )


def _check_first_batch(outputs: torch.Tensor, targets: torch.Tensor, loss_fn: Any,
                       all_targets: torch.Tensor | None) -> None:
    """Turn the usual loss/target mismatches into clear errors, before the first step."""
    loss_name = type(loss_fn).__name__
    if isinstance(loss_fn, _LABEL_LOSSES):
        _check_label_targets(outputs, targets, loss_name)
        if not targets.is_floating_point():
            _check_label_range(all_targets if all_targets is not None else targets, outputs.shape[1], loss_name)
    elif isinstance(loss_fn, _SAME_SHAPE_LOSSES):
        if not targets.is_floating_point():
            raise TypeError(
                f"{loss_name} needs float targets, but y has dtype {targets.dtype}: convert it with "
                "y.astype('float32') (NumPy) or y.float() (PyTorch). For class labels use nn.CrossEntropyLoss()."
            )
        if outputs.shape != targets.shape:
            raise ValueError(
                f"{loss_name} compares outputs and targets element by element, but the model returned shape "
                f"{tuple(outputs.shape)} and the targets have shape {tuple(targets.shape)} (PyTorch would "
                "broadcast them into nonsense). Reshape y with y.reshape(-1, 1) or flatten the output."
            )


def _check_scalar_loss(loss: Any, loss_fn: Any) -> torch.Tensor:
    if not isinstance(loss, torch.Tensor) or loss.dim() != 0:
        shape = tuple(loss.shape) if isinstance(loss, torch.Tensor) else type(loss).__name__
        raise ValueError(
            f"loss_fn must return one number per batch, but returned {shape}; "
            f"use reduction='mean' (the default), e.g. {type(loss_fn).__name__}()."
        )
    return loss


# --------------------------------------------------------------------------------------
# Optimizer and schedule
# --------------------------------------------------------------------------------------


def _make_optimizer(model: nn.Module, name: str, lr: float, weight_decay: float,
                    momentum: float) -> torch.optim.Optimizer:
    params = [p for p in model.parameters() if p.requires_grad]
    if not params:
        raise ValueError("The model has no trainable parameters (requires_grad=True): nothing to train.")
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=momentum, weight_decay=weight_decay)
    if name == "adamw":
        return torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay)
    return torch.optim.Adam(params, lr=lr, weight_decay=weight_decay)


def _make_schedule(optimizer: torch.optim.Optimizer, name: str | None, lr: float, epochs: int,
                   loader: DataLoader, cycle_momentum: bool) -> Any:
    if name is None:
        return None
    try:
        steps = len(loader)
    except TypeError:
        raise ValueError("schedule='onecycle' needs a loader with a length (not an IterableDataset).") from None
    return torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=epochs * steps,
                                               cycle_momentum=cycle_momentum)


# --------------------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------------------


def _model_device(model: nn.Module) -> torch.device:
    for tensor in model.parameters():
        return tensor.device
    for tensor in model.buffers():
        return tensor.device
    return torch.device("cpu")


def _correct(outputs: torch.Tensor, targets: torch.Tensor, loss_fn: Any) -> int | None:
    """Correctly classified examples in a batch, or None when accuracy does not apply."""
    if isinstance(loss_fn, nn.BCEWithLogitsLoss):  # one logit per example
        if outputs.shape != targets.shape or (outputs.dim() == 2 and outputs.shape[1] != 1):
            return None
        return int(((outputs > 0).float() == targets).sum())
    if targets.is_floating_point() or outputs.dim() != 2 or outputs.shape[1] < 2:
        return None
    return int((outputs.argmax(dim=1) == targets).sum())


def _pass_over(model: nn.Module, loader: DataLoader, loss_fn: Any, device: torch.device, *,
               step: Callable[[torch.Tensor], None] | None = None,
               check: Callable[[torch.Tensor, torch.Tensor], None] | None = None,
               empty_message: str) -> tuple[float, float | None]:
    """One pass over ``loader``: the mean loss per example and the accuracy (``None`` when
    accuracy does not apply, e.g. regression).

    The one loop of training and evaluation: each batch goes through the model and the loss;
    ``check`` (if given) sees the first batch's outputs and targets; ``step`` (if given, when
    training) back-propagates the batch's loss and updates the weights. The caller sets the
    model's mode (and ``torch.no_grad()`` for evaluation).
    """
    total_loss, total_correct, seen, counted = 0.0, 0, 0, True
    for inputs, targets in map(_split_batch, loader):
        inputs, targets = inputs.to(device), targets.to(device)
        outputs = model(inputs)
        if check is not None:
            check(outputs, targets)
            check = None
        loss = _check_scalar_loss(loss_fn(outputs, targets), loss_fn)
        if step is not None:
            step(loss)
        n = len(targets)
        total_loss += float(loss.detach()) * n
        seen += n
        correct = _correct(outputs.detach(), targets, loss_fn)
        counted = counted and correct is not None
        total_correct += correct or 0
    if seen == 0:
        raise ValueError(empty_message)
    return total_loss / seen, (total_correct / seen if counted else None)


def _train_epoch(model: nn.Module, loader: DataLoader, loss_fn: Any, optimizer: torch.optim.Optimizer,
                 schedule: Any, device: torch.device, check: Callable[[Any, Any], None] | None) -> tuple[float, float]:
    """One training pass over the data; returns (mean loss, accuracy or NaN)."""

    def step(loss: torch.Tensor) -> None:
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        if schedule is not None:
            schedule.step()

    model.train()
    loss, accuracy = _pass_over(model, loader, loss_fn, device, step=step, check=check,
                                empty_message="The training loader gave no batches: is the training set empty?")
    return loss, (math.nan if accuracy is None else accuracy)


def _progress_bar(epochs: int, model: nn.Module, progress: bool) -> Any:
    from tqdm.auto import tqdm

    return tqdm(range(1, epochs + 1), desc=f"Training {type(model).__name__}", unit="epoch",
                leave=True, disable=not progress)


def _postfix(row: dict[str, float]) -> dict[str, str]:
    postfix = {"train_loss": f"{row['train_loss']:.4f}"}
    if not math.isnan(row["val_loss"]):
        postfix["val_loss"] = f"{row['val_loss']:.4f}"
    if not math.isnan(row["val_acc"]):
        postfix["val_acc"] = f"{row['val_acc']:.3f}"
    return postfix


def _snapshot(model: nn.Module) -> dict[str, torch.Tensor]:
    return {key: value.detach().clone() for key, value in model.state_dict().items()}


@contextlib.contextmanager
def _random_state(seed: int | None, device: torch.device) -> Iterator[None]:
    """The random state a training draws from (dropout, augmentation, ...).

    ``None``: PyTorch's global generators as they stand (they advance). An int: forked
    generators seeded with it, so the run is reproducible and the caller's generators are
    exactly where they were afterwards (scikit-learn's ``random_state`` habit).
    """
    if seed is None:
        yield
        return
    if device.type == "cpu":  # fork and seed the CPU generator only: no accelerator is initialised
        with torch.random.fork_rng(devices=[]):
            torch.random.default_generator.manual_seed(seed)
            yield
        return
    accelerator = torch.get_device_module(device.type)
    with torch.random.fork_rng(devices=range(accelerator.device_count()), device_type=device.type):
        torch.manual_seed(seed)  # the CPU and every device of this accelerator
        yield


def fit(
    model: nn.Module,
    train: Data,
    val: Data | None = None,
    *,
    epochs: int = 20,
    lr: float = 1e-3,
    optimizer: str = "adam",
    weight_decay: float = 0.0,
    momentum: float = 0.9,
    batch_size: int = 64,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] | None = None,
    schedule: str | None = None,
    early_stopping: int | None = None,
    device: "str | torch.device | None" = None,
    seed: int | None = None,
    progress: bool = True,
    restore_best: bool = True,
) -> History:
    """Train ``model`` in place and return its :class:`History`.

    Each epoch: shuffle the training data (seeded), then for each batch compute the loss,
    back-propagate and take an optimizer step; then evaluate on ``val``.

    Args:
        model: the network (a ``torch.nn.Module``), already built (initialised) by the caller:
            call ``torch.manual_seed`` (or ``env.setup()``) before building it.
        train: ``(X, y)`` arrays or tensors, a ``Dataset`` or a ``DataLoader``; X becomes
            float32, integer y int64 (classes), float y float32 (regression).
        val: validation data in the same forms, or ``None``.
        epochs: passes over the training data.
        lr: learning rate (the *maximum* learning rate with ``schedule="onecycle"``).
        optimizer: ``"adam"``, ``"sgd"`` (with ``momentum``) or ``"adamw"``.
        weight_decay: L2 penalty (decoupled for ``"adamw"``).
        momentum: momentum for ``"sgd"``.
        batch_size: examples per batch (ignored when ``train`` is a DataLoader).
        loss_fn: the loss; ``None`` means ``nn.CrossEntropyLoss()`` (models returning logits
            and integer labels). Use ``nn.MSELoss()`` for regression.
        schedule: ``None`` (constant learning rate) or ``"onecycle"``
            (``OneCycleLR(max_lr=lr)``, stepped after every batch).
        early_stopping: stop after this many epochs without a lower validation loss
            (needs ``val``); ``None`` trains all ``epochs``.
        device: ``None`` picks CUDA, then MPS, then CPU (:func:`utils.devices.choose_device`);
            or ``"cpu"``, ``"cuda"``, ``"mps"``. The model stays on this device afterwards.
        seed: ``None`` (the default) draws from PyTorch's global generator as it stands
            (seeded once by ``env.setup()`` at the top of the notebook; it advances, and is
            never reseeded here). An int makes this run reproducible on its own: the batch
            order comes from a generator seeded with it, and dropout (and anything else
            random) from a forked global generator seeded with it — the same seed gives the
            same history and weights on the CPU, bit for bit, and the caller's global
            generator is left exactly where it was. Like scikit-learn's ``random_state``.
        progress: show a progress bar over epochs (train loss, val loss and accuracy).
        restore_best: with ``early_stopping``, put back the weights of the epoch with the
            lowest validation loss at the end.

    Returns:
        The :class:`History`; the model is left trained, in eval mode, on ``device``.

    Raises:
        TypeError / ValueError: with advice, for invalid arguments, an unknown optimizer or
            schedule, early stopping without validation data, float labels for
            ``CrossEntropyLoss``, labels outside the model's classes, NaN inputs or
            mismatched shapes.

    Example:
        >>> _ = torch.manual_seed(0)
        >>> X = torch.randn(64, 4); y = (X[:, 0] > 0).long()
        >>> model = nn.Linear(4, 2)
        >>> history = fit(model, (X, y), (X, y), epochs=20, lr=0.1, device="cpu", progress=False)
        >>> len(history), history.last["val_acc"] > 0.9
        (20, True)
    """
    model = _check_model(model)
    epochs = as_int(epochs, "epochs", 1, 1_000_000)
    lr = as_float(lr, "lr", 0.0)
    if lr == 0:
        raise ValueError("lr must be greater than 0, but got 0.0; try lr=1e-3 for Adam or lr=0.1 for SGD.")
    optimizer_name = as_choice(optimizer, "optimizer", OPTIMIZERS)
    weight_decay = as_float(weight_decay, "weight_decay", 0.0)
    momentum = as_float(momentum, "momentum", 0.0, 1.0)
    batch_size = as_int(batch_size, "batch_size", 1, 10_000_000)
    loss_fn = _check_loss_fn(loss_fn)
    schedule_name = as_choice(schedule, "schedule", SCHEDULES)
    early_stopping = as_int(early_stopping, "early_stopping", 1, 1_000_000, allow_none=True)
    seed = as_seed(seed, allow_none=True)
    progress = as_bool(progress, "progress")
    restore_best = as_bool(restore_best, "restore_best")
    if early_stopping is not None and val is None:
        raise ValueError(
            f"early_stopping={early_stopping} watches the validation loss, but no validation data was "
            "given: pass val=(X_val, y_val), or early_stopping=None."
        )
    device = devices.choose_device(device)

    train_loader = _as_loader(train, batch_size, shuffle=True, seed=seed, name="train")
    val_loader = None if val is None else _as_loader(val, max(batch_size, 256), shuffle=False, seed=None, name="val")
    model.to(device)
    optim = _make_optimizer(model, optimizer_name, lr, weight_decay, momentum)
    cycle_momentum = not (optimizer_name == "sgd" and momentum == 0)
    scheduler = _make_schedule(optim, schedule_name, lr, epochs, train_loader, cycle_momentum)
    known_targets = _known_targets(train_loader)

    def check(outputs: torch.Tensor, targets: torch.Tensor) -> None:
        _check_first_batch(outputs, targets, loss_fn, known_targets)

    history = History()
    best_loss, best_state, waited = math.inf, None, 0
    start = time.perf_counter()
    bar = _progress_bar(epochs, model, progress)
    with _random_state(seed, device), contextlib.closing(bar):  # dropout etc. draw from the random state
        for epoch in bar:
            epoch_start = time.perf_counter()
            current_lr = float(optim.param_groups[0]["lr"])
            train_loss, train_acc = _train_epoch(model, train_loader, loss_fn, optim, scheduler, device,
                                                 check if epoch == 1 else None)
            val_loss, val_acc = math.nan, math.nan
            if val_loader is not None and math.isfinite(train_loss):
                scores = evaluate(model, val_loader, loss_fn=loss_fn, device=device)
                val_loss, val_acc = scores["loss"], scores.get("accuracy", math.nan)
            row = {"epoch": epoch, "train_loss": train_loss, "train_acc": train_acc, "val_loss": val_loss,
                   "val_acc": val_acc, "lr": current_lr, "seconds": time.perf_counter() - epoch_start}
            history.epochs.append(row)
            bar.set_postfix(_postfix(row))
            if not math.isfinite(train_loss):
                history.diverged = True
                warnings.warn(
                    f"The training loss became {train_loss} at epoch {epoch}: the training diverged and was "
                    f"stopped. Try a smaller learning rate (lr={lr:g} now), or check the inputs for huge "
                    "values (standardise them).", RuntimeWarning, stacklevel=2)
                break
            if val_loader is not None and val_loss < best_loss:
                best_loss, waited = val_loss, 0
                if early_stopping is not None and restore_best:
                    best_state = _snapshot(model)
            elif early_stopping is not None:
                waited += 1
                if waited >= early_stopping:
                    history.stopped_early = epoch < epochs
                    break
    history.train_time_s = time.perf_counter() - start
    history.best_epoch = _best_epoch(history)
    if best_state is not None and history.best_epoch != len(history.epochs):
        model.load_state_dict(best_state)
        history.restored_best = True
    model.eval()
    return history


def _best_epoch(history: History) -> int | None:
    losses = [row["val_loss"] for row in history.epochs]
    finite = [(loss, row["epoch"]) for loss, row in zip(losses, history.epochs) if math.isfinite(loss)]
    return int(min(finite)[1]) if finite else None


# --------------------------------------------------------------------------------------
# Evaluation and prediction
# --------------------------------------------------------------------------------------


def _eval_device(model: nn.Module, device: Any) -> torch.device:
    """``None``: where the model already is; otherwise the device asked for (model moved there)."""
    if device is None:
        return _model_device(model)
    chosen = devices.choose_device(device)
    model.to(chosen)
    return chosen


class _EvalMode:
    """``with _EvalMode(model):`` eval mode and no gradients, the previous mode restored after."""

    def __init__(self, model: nn.Module) -> None:
        self.model, self.was_training = model, model.training
        self.no_grad = torch.no_grad()

    def __enter__(self) -> nn.Module:
        self.no_grad.__enter__()
        self.model.eval()
        return self.model

    def __exit__(self, *exc: object) -> None:
        self.model.train(self.was_training)
        self.no_grad.__exit__(*exc)


def evaluate(
    model: nn.Module,
    data: Data,
    *,
    loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] | None = None,
    batch_size: int = 512,
    device: "str | torch.device | None" = None,
) -> dict[str, float]:
    """The mean loss (and accuracy, for classification) of ``model`` on ``data``.

    Args:
        model: a trained network.
        data: ``(X, y)`` arrays or tensors, a ``Dataset`` or a ``DataLoader``.
        loss_fn: ``None`` means ``nn.CrossEntropyLoss()``.
        batch_size: examples per forward pass (does not change the result).
        device: ``None`` evaluates where the model is; a device name moves the model there.

    Returns:
        ``{"loss": ..., "accuracy": ...}``; ``"accuracy"`` only when the outputs are class
        scores and the targets integer labels (or with ``nn.BCEWithLogitsLoss``).

    Example:
        >>> model = nn.Linear(3, 2)
        >>> sorted(evaluate(model, (np.zeros((8, 3)), np.zeros(8, dtype=int))))
        ['accuracy', 'loss']
    """
    model = _check_model(model)
    loss_fn = _check_loss_fn(loss_fn)
    batch_size = as_int(batch_size, "batch_size", 1, 10_000_000)
    loader = _as_loader(data, batch_size, shuffle=False, seed=None, name="data")
    device = _eval_device(model, device)
    with _EvalMode(model):
        loss, accuracy = _pass_over(model, loader, loss_fn, device,
                                    check=lambda outputs, targets: _check_first_batch(outputs, targets, loss_fn, None),
                                    empty_message="data is empty: nothing to evaluate.")
    return {"loss": loss} if accuracy is None else {"loss": loss, "accuracy": accuracy}


def _input_batches(X: Any, batch_size: int) -> Iterator[torch.Tensor]:
    """Batches of inputs from an array/tensor, a Dataset or a DataLoader (targets dropped)."""
    if isinstance(X, (DataLoader, Dataset)):
        loader = X if isinstance(X, DataLoader) else _loader(X, batch_size, shuffle=False)
        for batch in loader:
            yield batch[0] if isinstance(batch, (tuple, list)) else batch
        return
    if isinstance(X, tuple) and len(X) == 2:
        raise TypeError("predict needs the inputs X only, not an (X, y) pair: call predict(model, X).")
    inputs = _tensor_inputs(X, "X")
    for start in range(0, len(inputs), batch_size):
        yield inputs[start:start + batch_size]


def _logits(model: nn.Module, X: Any, batch_size: int, device: Any) -> torch.Tensor:
    model = _check_model(model)
    batch_size = as_int(batch_size, "batch_size", 1, 10_000_000)
    device = _eval_device(model, device)
    with _EvalMode(model):
        outputs = [model(batch.to(device)).cpu() for batch in _input_batches(X, batch_size)]
    if not outputs:
        raise ValueError("X is empty: nothing to predict.")
    return torch.cat(outputs)


def predict_proba(model: nn.Module, X: Any, *, batch_size: int = 512,
                  device: "str | torch.device | None" = None) -> np.ndarray:
    """Class probabilities, ``(N, n_classes)``: the softmax of the model's outputs.

    A model with a single output (binary, for ``nn.BCEWithLogitsLoss``) gives two columns,
    ``[1 - p, p]`` with ``p = sigmoid(output)``.

    Example:
        >>> proba = predict_proba(nn.Linear(3, 4), np.zeros((5, 3)))
        >>> proba.shape, bool(np.allclose(proba.sum(axis=1), 1))
        ((5, 4), True)
    """
    logits = _logits(model, X, batch_size, device)
    if logits.dim() == 1 or (logits.dim() == 2 and logits.shape[1] == 1):
        p = torch.sigmoid(logits.reshape(-1))
        return torch.stack([1 - p, p], dim=1).numpy()
    if logits.dim() != 2:
        raise ValueError(f"predict_proba needs outputs of shape (N, n_classes), but the model returned "
                         f"shape {tuple(logits.shape)}.")
    return torch.softmax(logits, dim=1).numpy()


def predict(model: nn.Module, X: Any, *, batch_size: int = 512,
            device: "str | torch.device | None" = None) -> np.ndarray:
    """Predicted class labels (int64), the arg-max of the model's outputs.

    Args:
        model: a trained classifier returning one score per class (or one logit for binary).
        X: inputs (array, tensor, a Dataset or a DataLoader; targets are ignored).
        batch_size: examples per forward pass.
        device: ``None`` predicts where the model is.

    Example:
        >>> predict(nn.Linear(3, 4), np.zeros((5, 3))).shape
        (5,)
    """
    return predict_proba(model, X, batch_size=batch_size, device=device).argmax(axis=1).astype(np.int64)


def count_parameters(model: nn.Module) -> int:
    """The number of trainable parameters (a skorch net's ``module_`` is counted too).

    Example:
        >>> count_parameters(nn.Linear(40, 10))
        410
    """
    module = getattr(model, "module_", model)
    module = _check_model(module)
    return int(sum(p.numel() for p in module.parameters() if p.requires_grad))
