"""A simulated GPU on the CPU: the device mistakes CUDA and MPS refuse, made visible without one.

On a CUDA or Apple GPU, PyTorch refuses to mix tensors of two devices: a model moved to the GPU
called on a CPU batch raises ``Expected all tensors to be on the same device``, and ``.numpy()``
of a GPU tensor raises ``can't convert cuda:0 device type tensor to numpy``. On a CPU-only
machine both mistakes pass silently, so code that forgets ``.to(device)`` or ``.cpu()`` works in
every test and crashes on Colab's GPU.

:class:`SimulatedGPU` is a :class:`torch.overrides.TorchFunctionMode` that gives PyTorch a
pretend ``cuda:0`` which computes on the CPU:

* a tensor **moved** to ``cuda`` (``.to("cuda")``, ``.cuda()``, ``Module.to``, a factory's
  ``device="cuda"``) becomes a copy *placed on the GPU*; ``.device`` and ``.is_cuda`` say so, and
  so does everything computed from it (parameters, gradients, optimiser state, outputs);
* an operation that mixes placed tensors with CPU tensors (other than CPU scalars, which CUDA
  accepts too) raises :class:`DeviceMismatch` with PyTorch's message;
* ``.numpy()`` and ``numpy.asarray`` of a placed tensor raise, as on a GPU; ``.cpu()`` and
  ``.to("cpu")`` bring a copy back.

Values are computed exactly as on the CPU. Exercise tests use it through
:class:`utils.guards.simulated_gpu`; the test suite runs every notebook under it
(:func:`simulate_for_session`), which is the project's GPU test on a machine without one.
Private: PyTorch is imported here, so ``utils.guards`` imports this module only when asked.
"""

from __future__ import annotations

from typing import Any, Iterator

import torch
from torch.overrides import TorchFunctionMode

#: What a placed tensor reports as its device: the first GPU, as PyTorch names it.
GPU = torch.device("cuda", 0)

_Tensor = torch.Tensor
_DEVICE_GET = _Tensor.device.__get__
_IS_CUDA_GET = _Tensor.is_cuda.__get__
_DATA_SET = _Tensor.data.__set__
_TO_NUMPY = (_Tensor.numpy, _Tensor.__array__)
# Operations that may take tensors of two devices on a real GPU: copies between devices, and
# indexing a GPU tensor with CPU indices (or writing CPU values into it).
_CROSS_DEVICE_ALLOWED = (_Tensor.copy_, _Tensor.__getitem__, _Tensor.__setitem__,
                         _Tensor.__repr__, _Tensor.__format__,
                         torch._has_compatible_shallow_copy_type)

# cuDNN-only steps that PyTorch takes for a tensor that says it is on CUDA (RNN weight flattening).
_CUDNN_ONLY = (torch._cudnn_rnn_flatten_weight,)


class DeviceMismatch(RuntimeError):
    """Tensors of two devices met in one operation (what CUDA and MPS refuse)."""


#: The attribute that marks a tensor as on the simulated GPU (kept by copy.deepcopy and pickling,
#: as a real GPU tensor's device is).
_PLACED = "_on_simulated_gpu"


def placed(tensor: torch.Tensor) -> bool:
    """Whether ``tensor`` is on the simulated GPU."""
    return _PLACED in tensor.__dict__


def _place(result: Any, on_gpu: bool = True) -> Any:
    """Mark the tensors of ``result`` as on the simulated GPU (or back on the CPU); return it."""
    for tensor in _tensors((result,)):
        if on_gpu:
            tensor.__dict__[_PLACED] = True
        else:
            tensor.__dict__.pop(_PLACED, None)
    return result


def _first(func: Any, args: tuple, kwargs: dict) -> Any:
    return args[0]


def _nothing(func: Any, args: tuple, kwargs: dict) -> None:
    return None


def _tensors(values: Any, kwargs: dict | None = None) -> Iterator[torch.Tensor]:
    """The tensors among ``values`` (and ``kwargs``' values), one level into lists, tuples, dicts."""
    if kwargs:
        values = (*values, *kwargs.values())
    for value in values:
        if isinstance(value, _Tensor):
            yield value
        elif isinstance(value, (list, tuple)):
            yield from (item for item in value if isinstance(item, _Tensor))
        elif isinstance(value, dict):
            yield from (item for item in value.values() if isinstance(item, _Tensor))


def _is_accelerator(device: Any) -> bool:
    """Whether ``device`` (a name, a torch.device, an index) means the simulated GPU."""
    if device is None:
        return False
    if isinstance(device, int):
        return True  # .cuda(0), .to(0)
    return torch.device(device).type == "cuda"


def _name(func: Any) -> str:
    return getattr(func, "__qualname__", None) or getattr(func, "__name__", repr(func))


class SimulatedGPU(TorchFunctionMode):
    """A pretend ``cuda:0`` on the CPU that raises where a real GPU would (module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self._deepcopy: Any = None
        self.operations = 0
        self._special = {
            _DEVICE_GET: self._device,
            _IS_CUDA_GET: self._is_cuda,
            _DATA_SET: self._set_data,
            _Tensor.to: self._to,
            _Tensor.cuda: self._cuda,
            _Tensor.cpu: self._cpu,
            _Tensor.pin_memory: _first,  # page-locked memory is for GPU copies: nothing to do
            _Tensor.numpy: self._numpy,
            _Tensor.__array__: self._numpy,
            # RNNs flatten their weights for cuDNN when they are on a GPU: nothing to do here
            torch._cudnn_rnn_flatten_weight: _nothing,
        }

    _running = 0  # simulated GPUs entered and not yet left, in this process

    def __enter__(self) -> "SimulatedGPU":
        SimulatedGPU._running += 1
        # ``copy.deepcopy`` of a GPU model is a GPU model, but Parameter's copy bypasses the mode.
        self._deepcopy = original = torch.nn.Parameter.__deepcopy__

        def deepcopy(parameter: torch.nn.Parameter, memo: dict) -> torch.nn.Parameter:
            return _place(original(parameter, memo), placed(parameter))

        torch.nn.Parameter.__deepcopy__ = deepcopy
        return super().__enter__()

    def __exit__(self, *error: Any) -> None:
        SimulatedGPU._running -= 1
        torch.nn.Parameter.__deepcopy__ = self._deepcopy
        super().__exit__(*error)

    def placed(self, tensor: torch.Tensor) -> bool:
        """Whether ``tensor`` is on the simulated GPU."""
        return placed(tensor)

    # --- the rules ------------------------------------------------------------------------------
    def __torch_function__(self, func: Any, types: Any, args: tuple = (), kwargs: dict | None = None) -> Any:
        kwargs = kwargs or {}
        self.operations += 1
        special = self._special.get(func)
        if special is not None:
            return special(func, args, kwargs)
        if "device" in kwargs and _is_accelerator(kwargs["device"]):
            return self._create_on_accelerator(func, args, kwargs)

        any_placed = False
        cpu_tensor = None
        for tensor in _tensors(args, kwargs):
            if _PLACED in tensor.__dict__:
                any_placed = True
            elif cpu_tensor is None and tensor.dim() > 0:  # CPU scalars mix with GPU tensors
                cpu_tensor = tensor
        if not any_placed:
            return func(*args, **kwargs)
        if cpu_tensor is not None and func not in _CROSS_DEVICE_ALLOWED:
            raise DeviceMismatch(
                "✗ Expected all tensors to be on the same device, but found at least two devices, "
                f"cuda:0 and cpu! (when calling {_name(func)})\n"
                "  A simulated GPU: on a real one (CUDA, Apple's MPS) this code fails the same way.\n"
                "  Hint: move the inputs to the model's device — device = "
                "next(model.parameters()).device, then x.to(device).")
        return _place(func(*args, **kwargs))

    def _device(self, func: Any, args: tuple, kwargs: dict) -> Any:
        return GPU if placed(args[0]) else func(*args)

    def _is_cuda(self, func: Any, args: tuple, kwargs: dict) -> bool:
        return placed(args[0]) or func(*args)

    def _set_data(self, func: Any, args: tuple, kwargs: dict) -> Any:
        """``param.data = other`` (how ``Module.to`` moves parameters): param goes where other is."""
        func(*args)
        return _place(args[0], placed(args[1]))

    def _cuda(self, func: Any, args: tuple, kwargs: dict) -> torch.Tensor:
        return self._move(args[0], None)

    def _cpu(self, func: Any, args: tuple, kwargs: dict) -> torch.Tensor:
        return self._to_cpu(args[0])

    def _numpy(self, func: Any, args: tuple, kwargs: dict) -> Any:
        if placed(args[0]):
            raise TypeError(
                "✗ can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the "
                "tensor to host memory first.\n"
                "  A simulated GPU: on a real one (CUDA, Apple's MPS) this code fails the same way.")
        return func(*args, **kwargs)

    # --- moves ----------------------------------------------------------------------------------
    def _to(self, func: Any, args: tuple, kwargs: dict) -> Any:
        tensor, rest = args[0], args[1:]
        if rest and isinstance(rest[0], _Tensor):  # t.to(other): other's device and dtype
            other = rest[0]
            device = GPU if placed(other) else other.device
            rest, kwargs = (), {**kwargs, "dtype": other.dtype}
            args = (tensor, device)
        else:
            device, *_ = torch._C._nn._parse_to(*rest, **kwargs)
        if device is None:  # a dtype change: stays where it is
            result = func(*args, **kwargs)
            return _place(result, placed(tensor))
        if _is_accelerator(device):
            dtype = kwargs.get("dtype")
            if dtype is None:
                dtype = next((a for a in rest if isinstance(a, torch.dtype)), None)
            return self._move(tensor, dtype)
        if device.type == "cpu":
            result = self._to_cpu(tensor)
            cpu_args = tuple(a for a in rest if not isinstance(a, (str, torch.device, int)))
            cpu_kwargs = {k: v for k, v in kwargs.items() if k != "device"}
            return result.to(*cpu_args, **cpu_kwargs) if (cpu_args or cpu_kwargs) else result
        return func(*args, **kwargs)

    def _move(self, tensor: torch.Tensor, dtype: torch.dtype | None) -> torch.Tensor:
        """``tensor`` on the simulated GPU: itself if already there (as CUDA does), else a copy."""
        if placed(tensor) and (dtype is None or dtype == tensor.dtype):
            return tensor
        moved = tensor.to(dtype=dtype or tensor.dtype, copy=True)
        return _place(moved)

    def _to_cpu(self, tensor: torch.Tensor) -> torch.Tensor:
        if not placed(tensor):
            return tensor
        return tensor.to(copy=True)  # a new, unplaced tensor

    def _create_on_accelerator(self, func: Any, args: tuple, kwargs: dict) -> Any:
        """A factory asked for ``device="cuda"``: make it on the CPU, then place it."""
        inputs = {id(tensor) for tensor in _tensors(args)}
        result = func(*args, **{**kwargs, "device": "cpu"})
        if isinstance(result, _Tensor) and id(result) in inputs:  # as_tensor(t) returned t
            result = result.clone()
        return _place(result)


_ACTIVE: SimulatedGPU | None = None


def running() -> bool:
    """Whether a simulated GPU is on: :func:`utils.devices.choose_device` then finds "CUDA"."""
    return SimulatedGPU._running > 0


def active() -> SimulatedGPU | None:
    """The simulated GPU in force for the whole process (:func:`simulate_for_session`), if any."""
    return _ACTIVE


def simulate_for_session() -> SimulatedGPU:
    """Turn the simulated GPU on for the rest of this process (idempotent).

    :func:`utils.devices.choose_device` then finds CUDA available (:func:`running`), so
    ``env.setup()`` and ``train.fit`` choose it as they would on a GPU machine. The test suite
    calls this first thing in each notebook's kernel (tests/nbval_wrong_answers.py).
    """
    global _ACTIVE
    if _ACTIVE is None:
        _ACTIVE = SimulatedGPU()
        _ACTIVE.__enter__()
    return _ACTIVE

