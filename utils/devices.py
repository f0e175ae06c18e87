"""Where PyTorch computes: an NVIDIA GPU (CUDA), an Apple GPU (MPS) or the CPU.

::

    from utils.devices import choose_device
    choose_device()          # device(type='cuda') on a GPU machine, device(type='cpu') otherwise
    choose_device("cpu")     # force the CPU

:func:`utils.env.setup` calls :func:`choose_device` once per notebook and keeps the answer in
``run.device``; :func:`utils.train.fit` calls it when no device is given.

PyTorch is imported inside the functions, so ``import utils.devices`` stays cheap, and a missing
PyTorch gives an error that says what to do (:func:`require_torch`).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - imported for type hints only
    import torch

__all__ = ["choose_device", "DEVICE_CHOICES"]

#: Devices that :func:`choose_device` understands.
DEVICE_CHOICES = ("cpu", "cuda", "mps")


def require_torch() -> Any:
    """Import PyTorch and return it, or raise an ``ImportError`` that says what to do."""
    try:
        import torch
    except ImportError as error:
        raise ImportError(
            "PyTorch (torch) is not installed or does not load. Run "
            "utils.requirements.check_environment() to see what to do, e.g. run `make lab` again "
            "from the course folder."
        ) from error
    return torch


def _cuda_available() -> bool:
    return bool(require_torch().cuda.is_available()) or _simulated_gpu_running()


def _cuda_device_count() -> int:
    return max(int(require_torch().cuda.device_count()), int(_simulated_gpu_running()))


def _simulated_gpu_running() -> bool:
    """Whether the test suite's simulated GPU is on (utils/_simulated_gpu.py): it stands for CUDA."""
    simulation = sys.modules.get("utils._simulated_gpu")
    return simulation is not None and simulation.running()


def _mps_available() -> bool:
    backend = getattr(require_torch().backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def choose_device(preferred: "str | torch.device | None" = None) -> "torch.device":
    """Pick the device to train on.

    Args:
        preferred: ``None`` or ``"auto"`` picks the best available (CUDA, then MPS, then CPU);
            ``"cpu"``, ``"cuda"``, ``"cuda:1"`` or ``"mps"`` asks for that device.

    Raises:
        TypeError: ``preferred`` is not a string or a ``torch.device``.
        ValueError: ``preferred`` is not a device name the course knows.
        RuntimeError: the requested device is not available on this machine.

    Example:
        >>> choose_device("cpu")
        device(type='cpu')
    """
    torch = require_torch()

    if preferred is None:
        preferred = "auto"
    if isinstance(preferred, torch.device):
        preferred = str(preferred)
    if not isinstance(preferred, str):
        raise TypeError(
            f"device must be a string such as 'cpu' or 'cuda', or None, "
            f"but got {type(preferred).__name__} {preferred!r}."
        )
    name = preferred.strip().lower()
    if name == "auto":
        if _cuda_available():  # pragma: no cover - no GPU in CI
            return torch.device("cuda")
        if _mps_available():  # pragma: no cover - no Apple GPU in CI
            return torch.device("mps")
        return torch.device("cpu")
    kind = name.split(":", 1)[0]
    if kind not in DEVICE_CHOICES or (":" in name and not name.split(":", 1)[1].isdigit()):
        raise ValueError(
            f"Unknown device {preferred!r}. Choose one of: None (pick automatically), "
            f"{', '.join(repr(c) for c in DEVICE_CHOICES)} (or 'cuda:N' for GPU number N)."
        )
    if kind == "cuda" and not _cuda_available():
        raise RuntimeError(
            f"device={preferred!r} was requested, but CUDA is not available here "
            "(no NVIDIA GPU, or a CPU-only PyTorch). Use device=None to pick automatically, "
            "or device='cpu'. On Colab: Runtime → Change runtime type → GPU."
        )
    if kind == "cuda" and ":" in name:  # pragma: no cover - no GPU in CI
        index = int(name.split(":", 1)[1])
        count = _cuda_device_count()
        if index >= count:
            raise RuntimeError(
                f"device={preferred!r} was requested, but this machine has {count} GPU(s): "
                f"use 'cuda:0' to 'cuda:{count - 1}'."
            )
    if kind == "mps" and not _mps_available():
        raise RuntimeError(
            f"device={preferred!r} was requested, but Apple's MPS backend is not available "
            "here (it needs an Apple-silicon Mac). Use device=None or device='cpu'."
        )
    return torch.device(name)
