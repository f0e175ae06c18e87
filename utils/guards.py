"""Guards for exercise tests: an answer must do the work the task asks for, and only that.

Two context managers, used in an exercise's (usually hidden) tests around the call of the
learner's function:

- :class:`shortcuts_forbidden` — where a task says "by hand" or "without scikit-learn", calling
  the library shortcut inside the block raises :class:`ShortcutUsed`, an ``AssertionError``
  whose message says which shortcut was called and why the task asks for the steps instead::

      from utils.guards import shortcuts_forbidden
      with shortcuts_forbidden("sklearn.model_selection.cross_val_score",
                               "sklearn.model_selection.cross_validate",
                               task="write the cross-validation loop"):
          scores = my_cross_val(model, X, y, k=5)

  A dotted name is a function (every module and the notebook's globals that hold that very
  function are patched, so ``from sklearn... import f`` does not escape), a class (its public
  methods and its constructor are patched, so an instance fitted *before* the block cannot be
  used inside it either), or a method (``"torch.nn.Module.parameters"``).

- :class:`keeps_global_random_state` — the block must leave the global random generators
  (Python's ``random``, NumPy's legacy ``np.random``, PyTorch's CPU generator) as it found them;
  a function that calls ``np.random.seed`` or ``torch.manual_seed`` inside fails with a message
  telling the learner to use its own generator (``np.random.default_rng(seed)``,
  ``torch.Generator().manual_seed(seed)``).

- :class:`simulated_gpu` — a pretend GPU (``cuda:0``) that computes on the CPU and, like CUDA
  and MPS, refuses a model and inputs on two devices and ``.numpy()`` of a GPU tensor, so that an
  answer that forgets ``.to(device)`` or ``.cpu()`` fails on a machine without a GPU too::

      from utils.guards import simulated_gpu
      with simulated_gpu() as gpu:
          model = make_model().to(gpu.device)
          predictions = predict(model, X)     # X on the CPU: the answer must move it

Everything patched is restored when the block ends, whatever happens inside it.
"""

from __future__ import annotations

import importlib
import inspect
import random
import sys
from types import ModuleType, TracebackType
from typing import Any, Callable

import numpy as np

from ._validation import as_str

__all__ = ["ShortcutUsed", "shortcuts_forbidden", "keeps_global_random_state", "simulated_gpu"]

_MISSING = object()


class ShortcutUsed(AssertionError):
    """The answer called a library shortcut that the exercise asks the learner to replace."""


def _resolve(dotted: str) -> tuple[Any, Any, str]:
    """(object, owner, attribute) for a dotted name such as ``"sklearn.decomposition.PCA"``."""
    parts = dotted.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            owner: Any = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for attribute in parts[split:-1]:
                owner = getattr(owner, attribute)
            return getattr(owner, parts[-1]), owner, parts[-1]
        except AttributeError:
            break
    raise ValueError(f"shortcuts_forbidden: cannot find {dotted!r}; give a full dotted name "
                     "such as 'sklearn.model_selection.cross_val_score'.")


def _refusal(dotted: str, task: str) -> Callable[..., Any]:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise ShortcutUsed(
            f"✗ This exercise asks you to {task} yourself, but your code called {dotted}.\n"
            f"  The library does it in one call; the point here is to write the steps, so the "
            f"tests do not accept it.\n  Hint: reread the task and the hint, and replace the "
            f"call by the steps it performs.")
    refuse.__name__ = dotted.rsplit(".", 1)[-1]
    return refuse


class shortcuts_forbidden:
    """Inside the block, calling any of the named library functions, classes or methods raises
    :class:`ShortcutUsed` with a message that names the shortcut and the ``task``.

    Example:
        >>> import numpy as np
        >>> with shortcuts_forbidden("numpy.mean", task="compute the mean"):
        ...     np.mean([1, 2, 3])
        Traceback (most recent call last):
        ...
        utils.guards.ShortcutUsed: ✗ This exercise asks you to compute the mean yourself, ...
        >>> float(np.mean([1, 2, 3]))  # restored after the block
        2.0
    """

    def __init__(self, *targets: str, task: str) -> None:
        if not targets:
            raise ValueError("shortcuts_forbidden needs at least one dotted name to forbid.")
        for target in targets:
            as_str(target, "each target")
        self.targets = targets
        self.task = as_str(task, "task")
        self._restore: list[tuple[Any, str, Any]] = []

    def _patch(self, cls: type, name: str, replacement: Any) -> None:
        """Set a class attribute (a method), remembering whether the class itself had one."""
        self._restore.append((cls, name, vars(cls).get(name, _MISSING)))
        setattr(cls, name, replacement)

    def _forbid_functions(self, functions: dict[int, str], caller_globals: dict[str, Any]) -> None:
        """Rebind every name that holds one of the given functions ({id: dotted name}), in one
        scan of every module's namespace and the caller's globals."""
        namespaces = [vars(m) for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
        for namespace in [*namespaces, caller_globals]:
            for name in [k for k, v in list(namespace.items()) if id(v) in functions]:
                previous = namespace[name]
                namespace[name] = _refusal(functions[id(previous)], self.task)
                self._restore.append((namespace, name, previous))

    def _forbid_class(self, cls: type, dotted: str) -> None:
        names = {"__init__", "__call__"} | {name for name in dir(cls) if not name.startswith("_")}
        for name in sorted(names):
            try:
                attribute = inspect.getattr_static(cls, name)
            except AttributeError:
                continue
            if isinstance(attribute, (staticmethod, classmethod)) or callable(attribute):
                if isinstance(attribute, type):
                    continue
                refusal = _refusal(f"{dotted}.{name}" if name != "__init__" else dotted, self.task)
                self._patch(cls, name, refusal)

    def __enter__(self) -> "shortcuts_forbidden":
        caller_globals = sys._getframe(1).f_globals
        functions: dict[int, str] = {}
        try:
            for dotted in self.targets:
                target, owner, name = _resolve(dotted)
                if isinstance(target, type):
                    self._forbid_class(target, dotted)
                elif isinstance(owner, type):
                    self._patch(owner, name, _refusal(dotted, self.task))
                else:
                    functions[id(target)] = dotted
            self._forbid_functions(functions, caller_globals)
        except BaseException:
            self._undo()
            raise
        return self

    def _undo(self) -> None:
        while self._restore:
            owner, name, previous = self._restore.pop()
            if isinstance(owner, dict):
                owner[name] = previous
            elif previous is _MISSING:
                delattr(owner, name)
            else:
                setattr(owner, name, previous)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._undo()


def _torch_state() -> Any:
    torch = sys.modules.get("torch")
    return None if torch is None else torch.random.get_rng_state().clone()


class keeps_global_random_state:
    """Fail (``AssertionError``) if the block changed a global random generator: Python's
    ``random``, NumPy's ``np.random`` or PyTorch's CPU generator. ``name`` says what ran.

    Example:
        >>> with keeps_global_random_state("np.random.default_rng(0).normal()"):
        ...     _ = np.random.default_rng(0).normal()
        >>> with keeps_global_random_state("np.random.normal()"):
        ...     _ = np.random.normal()
        Traceback (most recent call last):
        ...
        AssertionError: ✗ np.random.normal() changed NumPy's global random generator (np.random)....
    """

    def __init__(self, name: str) -> None:
        self.name = as_str(name, "name")

    def __enter__(self) -> "keeps_global_random_state":
        self._python = random.getstate()
        self._numpy = np.random.get_state()
        self._torch = _torch_state()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if kind is not None:
            return
        changed = []
        if random.getstate() != self._python:
            changed.append("Python's global random generator (random)")
        now = np.random.get_state()
        if now[0] != self._numpy[0] or not np.array_equal(now[1], self._numpy[1]) \
                or tuple(now[2:]) != tuple(self._numpy[2:]):
            changed.append("NumPy's global random generator (np.random)")
        torch_now = _torch_state()
        if self._torch is not None and torch_now is not None and not bool((torch_now == self._torch).all()):
            changed.append("PyTorch's global random generator")
        if changed:
            raise AssertionError(
                f"✗ {self.name} changed {' and '.join(changed)}.\n"
                "  A function that seeds or draws from the global generator changes every random "
                "number drawn after it, elsewhere in the notebook.\n"
                "  Hint: make your own generator from the seed — rng = np.random.default_rng(seed), "
                "or torch.Generator().manual_seed(seed) — and draw from it.")



class simulated_gpu:
    """Run the block with a pretend GPU that computes on the CPU and refuses what a GPU refuses.

    Inside, ``.to(gpu.device)`` (``cuda:0``) places a tensor or a model "on the GPU": its
    ``.device`` says ``cuda:0``, everything computed from it is there too, and an operation that
    mixes it with a CPU tensor raises ``Expected all tensors to be on the same device`` (a
    ``RuntimeError``), as on CUDA or MPS; ``.numpy()`` of it raises a ``TypeError`` until
    ``.cpu()``. Values are exactly the CPU's. Where the test suite already runs the notebook on a
    simulated GPU, the block uses that one.

    Example:
        >>> import torch
        >>> with simulated_gpu() as gpu:
        ...     layer = torch.nn.Linear(2, 1).to(gpu.device)
        ...     layer(torch.ones(3, 2).to(gpu.device)).shape
        torch.Size([3, 1])
        >>> with simulated_gpu() as gpu:
        ...     layer = torch.nn.Linear(2, 1).to(gpu.device)
        ...     layer(torch.ones(3, 2))
        Traceback (most recent call last):
        ...
        utils._simulated_gpu.DeviceMismatch: ✗ Expected all tensors to be on the same device, ...
    """

    def __enter__(self) -> "simulated_gpu":
        from . import _simulated_gpu

        self._mode = _simulated_gpu.active()
        self._owned = self._mode is None
        if self._mode is None:
            self._mode = _simulated_gpu.SimulatedGPU()
            self._mode.__enter__()
        self.device = _simulated_gpu.GPU
        return self

    def placed(self, tensor: Any) -> bool:
        """Whether ``tensor`` is on the simulated GPU."""
        return self._mode.placed(tensor)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._owned:
            self._mode.__exit__(kind, error, traceback)
