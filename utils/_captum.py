"""The Captum side of :mod:`utils.explain` (private): checking a network's inputs, targets,
baselines and occlusion windows, calling Captum, and re-initialising layers for the sanity check.

Inputs go to the model's device; callers bring results back with ``.cpu()``. PyTorch, Captum and
SciPy are imported only when used.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from ._validation import as_array, as_int, describe, to_numpy

if TYPE_CHECKING:  # pragma: no cover - imported for type hints only
    import torch

__all__ = [
    "require_captum",
    "check_network",
    "model_device_and_dtype",
    "input_tensor",
    "eval_mode",
    "output_width",
    "check_target",
    "baseline_tensor",
    "occlusion_window",
    "run_method",
    "prepare",
    "layers_with_parameters",
    "reinitialise",
    "row_correlations",
]


def require_captum() -> Any:
    """Import ``captum.attr``, or raise an ``ImportError`` that says how to install it."""
    try:
        import captum.attr
    except ImportError as error:
        raise ImportError(
            "Captum is not installed: run `make lab` again from the course folder, or `pip install captum`."
        ) from error
    return captum.attr


def check_network(model: Any) -> Any:
    """Return the ``torch`` module if ``model`` is a ``torch.nn.Module``; otherwise say what to use instead."""
    from .devices import require_torch

    torch = require_torch()
    if not isinstance(model, torch.nn.Module):
        raise TypeError(
            f"model must be a PyTorch network (torch.nn.Module), but got {describe(model)}. For a scikit-learn "
            "model use utils.explain.permutation_importance or shap_values."
        )
    return torch


def model_device_and_dtype(model: Any) -> tuple[Any, Any]:
    """The device and dtype of the model's first parameter (CPU and float32 for a model without any)."""
    import torch

    for tensor in model.parameters():
        return tensor.device, tensor.dtype
    return torch.device("cpu"), torch.float32


def input_tensor(inputs: Any, model: Any, name: str = "inputs") -> torch.Tensor:
    """``inputs`` as a floating tensor on the model's device, with a batch dimension."""
    import torch

    device, dtype = model_device_and_dtype(model)
    if isinstance(inputs, torch.Tensor):
        tensor = inputs.detach()
    else:
        tensor = torch.as_tensor(as_array(inputs, name))
    if tensor.dim() < 2:
        raise ValueError(
            f"{name} must be a batch: shape (N, ...) with one example per row, but got shape {tuple(tensor.shape)}. "
            f"For one example use {name}[None] (or .unsqueeze(0))."
        )
    if tensor.shape[0] == 0:
        raise ValueError(f"{name} is empty: pass at least one example.")
    if not torch.isfinite(tensor).all():
        raise ValueError(f"{name} contains NaN or infinite values.")
    return tensor.to(device=device, dtype=dtype if dtype.is_floating_point else torch.float32)


@contextlib.contextmanager
def eval_mode(model: Any) -> Iterator[None]:
    """Eval mode (dropout off, batch norm's running statistics) during attribution, restored after."""
    was_training = model.training
    model.eval()
    try:
        yield
    finally:
        model.train(was_training)


def output_width(model: Any, x: torch.Tensor) -> int | None:
    """Outputs per example (``None`` for a 1-D output: one scalar per example)."""
    import torch

    with torch.no_grad():
        out = model(x[:1])
    if not isinstance(out, torch.Tensor):
        raise TypeError(f"model must return a tensor, but it returned {describe(out)}.")
    if out.dim() == 1:
        return None
    if out.dim() != 2:
        raise ValueError(f"model must return (N, outputs) or (N,), but returned shape {tuple(out.shape)}.")
    return int(out.shape[1])


def check_target(target: Any, n: int, width: int | None, device: Any) -> Any:
    """Captum's ``target``: ``None``, an int, or a tensor of one class index per example."""
    import torch

    if width is None or width == 1:
        if target in (None, 0):
            return None if width is None else 0
        raise ValueError(
            f"The model has one output per example, so target must be None (or 0), but got {describe(target)}."
        )
    if target is None:
        raise ValueError(
            f"target is needed: the model has {width} outputs per example. Pass the class to explain, "
            "e.g. the true labels y or the predictions model(x).argmax(1)."
        )
    if isinstance(target, (bool, np.bool_)):
        raise TypeError(f"target must be a class index (int) or one per example, but got {describe(target)}.")
    if isinstance(target, (int, np.integer)):
        if not 0 <= int(target) < width:
            raise ValueError(
                f"target={int(target)} is out of range: the model has {width} outputs (classes 0–{width - 1})."
            )
        return int(target)
    labels = to_numpy(target)
    if labels.ndim == 0 and np.issubdtype(labels.dtype, np.integer):  # a 0-d tensor or array
        return check_target(int(labels), n, width, device)
    if labels.ndim != 1 or labels.shape[0] != n:
        raise ValueError(f"target must be one class index per example ({n}), but got shape {labels.shape}.")
    if not np.issubdtype(labels.dtype, np.integer):
        raise TypeError(f"target must hold integer class indices, but has dtype {labels.dtype}.")
    bad = labels[(labels < 0) | (labels >= width)]
    if bad.size:
        raise ValueError(
            f"target holds {int(bad[0])}, out of range: the model has {width} outputs (classes 0–{width - 1})."
        )
    return torch.as_tensor(labels, dtype=torch.long, device=device)


def baseline_tensor(baseline: Any, x: torch.Tensor) -> torch.Tensor:
    """The reference input: zeros by default, a number, or an array of one example's or the batch's shape."""
    import torch

    if baseline is None:
        return torch.zeros_like(x)
    if isinstance(baseline, (int, float, np.integer, np.floating)) and not isinstance(baseline, bool):
        return torch.full_like(x, float(baseline))
    if isinstance(baseline, torch.Tensor):
        tensor = baseline.detach()
    else:
        tensor = torch.as_tensor(as_array(baseline, "baseline"))
    tensor = tensor.to(device=x.device, dtype=x.dtype)
    if tuple(tensor.shape) == tuple(x.shape[1:]):
        tensor = tensor.unsqueeze(0)
    if tensor.shape[0] == 1 and x.shape[0] > 1:
        tensor = tensor.expand_as(x)
    if tuple(tensor.shape) != tuple(x.shape):
        raise ValueError(
            f"baseline must be a number, or have the shape of one example {tuple(x.shape[1:])} or of the inputs "
            f"{tuple(x.shape)}, but got shape {tuple(tensor.shape)}."
        )
    return tensor.contiguous()


def occlusion_window(window: Any, example_shape: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Captum's ``sliding_window_shapes`` and ``strides`` for one example's shape.

    A 3-D example is ``(channels, height, width)``: the window covers every channel. Other
    dimensions get ``window`` (an int) or about an eighth of their size by default.
    """
    channels_first = len(example_shape) == 3
    spatial = example_shape[1:] if channels_first else example_shape
    if window is None:
        sides = tuple(max(1, round(size / 8)) for size in spatial)
    elif isinstance(window, (int, np.integer)) and not isinstance(window, bool):
        sides = (as_int(window, "window", 1),) * len(spatial)
    elif isinstance(window, (tuple, list)) and len(window) in (len(spatial), len(example_shape)):
        sides = tuple(as_int(w, "window", 1) for w in window)
        if len(sides) == len(example_shape) and channels_first:
            if sides[0] != example_shape[0]:
                raise ValueError(f"window must cover all {example_shape[0]} channels, but got {tuple(window)}.")
            sides = sides[1:]
    else:
        raise TypeError(
            f"window must be None, an int or a tuple of {len(spatial)} sizes (one example has shape "
            f"{example_shape}), but got {describe(window)}."
        )
    for side, size in zip(sides, spatial):
        if side > size:
            raise ValueError(f"window {sides} is larger than one example {spatial}: use a smaller window.")
    strides = tuple(max(1, side // 2) for side in sides)
    if channels_first:
        return (example_shape[0], *sides), (example_shape[0], *strides)
    return sides, strides


def run_method(
    model: Any, x: torch.Tensor, target: Any, method: str, baseline: torch.Tensor, n_steps: int, window: Any,
    return_delta: bool = False,
) -> Any:
    """The Captum call (inputs, target and baseline already checked and on the model's device)."""
    attr = require_captum()
    x = x.detach().requires_grad_(method != "occlusion")  # Captum warns when it has to set this itself
    if method == "saliency":
        return attr.Saliency(model).attribute(x, target=target, abs=True)
    if method == "integrated_gradients":
        return attr.IntegratedGradients(model).attribute(
            x, baselines=baseline, target=target, n_steps=n_steps, return_convergence_delta=return_delta
        )
    shapes, strides = occlusion_window(window, tuple(x.shape[1:]))
    return attr.Occlusion(model).attribute(
        x, sliding_window_shapes=shapes, strides=strides, baselines=baseline, target=target
    )


def prepare(model: Any, inputs: Any, target: Any, baseline: Any, n_steps: int) -> tuple[Any, Any, Any, int]:
    """Check everything an attribution needs; return ``(inputs, target, baseline, n_steps)`` on the model's device."""
    check_network(model)
    x = input_tensor(inputs, model)
    n_steps = as_int(n_steps, "n_steps", 1, 10_000)
    with eval_mode(model):
        width = output_width(model, x)
    return x, check_target(target, x.shape[0], width, x.device), baseline_tensor(baseline, x), n_steps


def layers_with_parameters(model: Any) -> list[tuple[str, Any]]:
    """Modules with their own parameters, in definition order (input side first)."""
    return [(name, module) for name, module in model.named_modules()
            if any(True for _ in module.parameters(recurse=False))]


def reinitialise(module: Any, seed: int) -> None:
    """Re-draw a layer's parameters with its default initialisation, on a forked, seeded CPU generator."""
    import torch

    device = next(module.parameters(recurse=False)).device
    module.to("cpu")
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        reset = getattr(module, "reset_parameters", None) or getattr(module, "_reset_parameters", None)
        if callable(reset):
            reset()
        else:
            with torch.no_grad():
                for parameter in module.parameters(recurse=False):
                    scale = float(parameter.std()) if parameter.numel() > 1 else 0.0
                    parameter.normal_(0.0, scale if scale > 0 else 0.02)
    module.to(device)


def rank_rows(values: np.ndarray) -> np.ndarray:
    """The ranks of each row's values (ties share their average rank), as Spearman's correlation needs."""
    from scipy.stats import rankdata

    return rankdata(values, axis=1)


def row_correlations(first: np.ndarray, second: np.ndarray, similarity: str) -> np.ndarray:
    """Correlation of the absolute values, example by example (NaN when a map is constant)."""
    a = np.abs(first.reshape(len(first), -1))
    b = np.abs(second.reshape(len(second), -1))
    if similarity == "spearman":
        a, b = rank_rows(a), rank_rows(b)
    a = a - a.mean(axis=1, keepdims=True)
    b = b - b.mean(axis=1, keepdims=True)
    norms = np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        correlations = np.where(norms > 0, (a * b).sum(axis=1) / np.where(norms > 0, norms, 1.0), np.nan)
    return np.clip(correlations, -1.0, 1.0)
