"""Set up a notebook the same way everywhere: seeds, threads, device, plot style, platform.

Every notebook of the course starts with one call::

    from utils import env
    info = env.setup()          # prints: Seed 42 · device cpu · 2 threads · running locally · torch 2.x

What :func:`setup` does, and why:

* **Seeds**: seeds Python's :mod:`random`, NumPy's global generator and PyTorch (CPU and
  CUDA), and asks PyTorch for deterministic algorithms, so that a notebook gives the same numbers on
  every run (on CPU).
* **Threads**: sets PyTorch's thread count to the number of CPUs this process may *really*
  use (see :func:`available_cpus`), capped at 4, and caps the BLAS/OpenMP pools already
  loaded (NumPy, scikit-learn) the same way. On Binder, ``os.cpu_count()`` reports the
  host's cores (often 16–64) while the pod may use 1–2; oversubscribing threads there makes
  training several times *slower*.
* **Device**: CUDA, then Apple's MPS, then CPU (:func:`choose_device`).
* **Plot style**: a readable, colour-blind-safe matplotlib style (:func:`set_plot_style`).
* **Platform**: reports whether it runs locally, on Binder or on Colab (:func:`detect_platform`).

The first notebook also calls :func:`check_environment`, which lists every package the course
needs, the version found and what to do when something is missing or too old.

PyTorch is imported inside the functions that need it, so ``import utils.env`` stays cheap
and :func:`check_environment` works even when PyTorch is missing.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import math
import os
import random
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ._validation import MAX_SEED as _MAX_SEED
from ._validation import check_bool as _check_bool
from ._validation import check_int as _check_int

if TYPE_CHECKING:  # pragma: no cover - imported for type hints only
    import pandas
    import torch

__all__ = [
    "RunInfo",
    "Requirement",
    "REQUIREMENTS",
    "setup",
    "seed_everything",
    "available_cpus",
    "choose_device",
    "detect_platform",
    "set_plot_style",
    "check_environment",
    "environment_ok",
]

#: Upper bound for the default thread count: small course models gain nothing beyond it.
MAX_DEFAULT_THREADS = 4

#: Devices that :func:`choose_device` understands.
DEVICE_CHOICES = ("cpu", "cuda", "mps")

#: Environment variables that BinderHub sets in every Binder pod (``binderspawner_mixin``:
#: ``BINDER_REPO_URL``, ``BINDER_REF_URL``, ``BINDER_LAUNCH_HOST``, ``BINDER_REQUEST``,
#: ``BINDER_PERSISTENT_REQUEST``), plus the Kubernetes service variable of a ``binder``
#: service.
BINDER_ENV_VARS = (
    "BINDER_LAUNCH_HOST",
    "BINDER_REPO_URL",
    "BINDER_REF_URL",
    "BINDER_REQUEST",
    "BINDER_PERSISTENT_REQUEST",
    "BINDER_SERVICE_HOST",
)

#: Environment variables present in a Google Colab runtime.
COLAB_ENV_VARS = ("COLAB_RELEASE_TAG", "COLAB_GPU")

#: cgroup files that hold a container's CPU quota (v2 first, then v1).
CGROUP_V2_CPU_MAX = "/sys/fs/cgroup/cpu.max"
CGROUP_V1_DIRS = ("/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct")
PROC_SELF_CGROUP = "/proc/self/cgroup"

_PLATFORM_TEXT = {"local": "running locally", "binder": "running on Binder", "colab": "running on Colab"}


# --------------------------------------------------------------------------------------
# Run information
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunInfo:
    """What :func:`setup` configured.

    Attributes:
        seed: the seed given to every random number generator.
        device: the :class:`torch.device` to put models and tensors on.
        threads: the number of threads PyTorch uses.
        platform: ``"local"``, ``"binder"`` or ``"colab"``.
        python: the Python version, e.g. ``"3.11.9"``.
        torch_version: PyTorch's version, e.g. ``"2.4.1"``.
    """

    seed: int
    device: "torch.device"
    threads: int
    platform: str
    python: str
    torch_version: str

    def summary(self) -> str:
        """One line describing the run.

        Example: ``Seed 42 · device cpu · 2 threads · running locally · torch 2.4.1``.
        """
        thread_word = "thread" if self.threads == 1 else "threads"
        where = _PLATFORM_TEXT.get(self.platform, f"running on {self.platform}")
        return (
            f"Seed {self.seed} · device {self.device} · {self.threads} {thread_word} · "
            f"{where} · torch {self.torch_version}"
        )

    def __str__(self) -> str:
        return self.summary()


# --------------------------------------------------------------------------------------
# Seeds
# --------------------------------------------------------------------------------------


def _import_torch() -> Any:
    """Import PyTorch, or say what to do if it is missing."""
    try:
        import torch
    except ImportError as error:
        raise ImportError(
            "PyTorch (torch) is not installed or does not load. Run utils.env.check_environment() "
            "to see what to do, e.g. run `make lab` again from the course folder."
        ) from error
    return torch


def seed_everything(seed: int) -> None:
    """Seed Python's ``random``, NumPy's global generator and PyTorch (CPU and every GPU).

    Args:
        seed: an int between 0 and 2**32 - 1.

    Example:
        >>> seed_everything(0)
        >>> a = np.random.rand()
        >>> seed_everything(0)
        >>> a == np.random.rand()
        True
    """
    seed = _check_int(seed, "seed", 0, _MAX_SEED)
    random.seed(seed)
    np.random.seed(seed)
    torch = _import_torch()

    torch.manual_seed(seed)  # seeds the CPU and every CUDA device
    if torch.cuda.is_available():  # pragma: no cover - no GPU in CI
        torch.cuda.manual_seed_all(seed)


def _enable_deterministic_algorithms() -> None:
    """``torch.use_deterministic_algorithms(True, warn_only=True)``, without its import cost.

    The public function imports ``torch._inductor.config`` (and sympy with it: ~2.5 s, ~900
    modules) only to set the flag for ``torch.compile``. The course does not compile models, so
    the flag is set directly, and on the inductor config only if something already loaded it.
    """
    torch = _import_torch()

    setter = getattr(torch._C, "_set_deterministic_algorithms", None)
    if setter is None:  # pragma: no cover - a future PyTorch without the private setter
        torch.use_deterministic_algorithms(True, warn_only=True)
        return
    setter(True, warn_only=True)
    inductor_config = sys.modules.get("torch._inductor.config")
    if inductor_config is not None:
        inductor_config.deterministic = True


# --------------------------------------------------------------------------------------
# CPUs and threads
# --------------------------------------------------------------------------------------


def _read_text(path: str) -> str | None:
    """Return the stripped content of a small text file, or ``None`` if it cannot be read."""
    try:
        with open(path, encoding="ascii") as handle:
            return handle.read().strip()
    except (OSError, UnicodeDecodeError):
        return None


def _affinity_cpus() -> int:
    """CPUs this process may be scheduled on (``os.sched_getaffinity``, else ``os.cpu_count``)."""
    if hasattr(os, "sched_getaffinity"):
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except OSError:  # pragma: no cover - exotic kernels
            pass
    return max(1, os.cpu_count() or 1)


def _quota_from_cgroup_v2(text: str | None) -> float | None:
    """Parse a cgroup v2 ``cpu.max`` line (``"200000 100000"`` or ``"max 100000"``)."""
    if not text:
        return None
    parts = text.split()
    if len(parts) != 2 or parts[0] == "max":
        return None
    try:
        quota, period = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    return quota / period if quota > 0 and period > 0 else None


def _quota_from_cgroup_v1(quota_text: str | None, period_text: str | None) -> float | None:
    """Parse cgroup v1 ``cpu.cfs_quota_us`` / ``cpu.cfs_period_us`` (quota ``-1`` means no limit)."""
    if not quota_text or not period_text:
        return None
    try:
        quota, period = float(quota_text), float(period_text)
    except ValueError:
        return None
    return quota / period if quota > 0 and period > 0 else None


def _cgroup_v2_cpu_max_files() -> list[str]:
    """``cpu.max`` files that limit this process: the cgroup root's, then, when the cgroup is
    not namespaced (``/proc/self/cgroup`` reads ``0::/a/b``), those of ``/a/b`` and ``/a``."""
    files = [CGROUP_V2_CPU_MAX]
    for line in (_read_text(PROC_SELF_CGROUP) or "").splitlines():
        if line.startswith("0::/"):
            parts = [part for part in line[4:].split("/") if part]
            root = CGROUP_V2_CPU_MAX.rsplit("/", 1)[0]
            files += [f"{root}/{'/'.join(parts[:depth])}/cpu.max" for depth in range(len(parts), 0, -1)]
    return files


def _cgroup_cpu_quota() -> float | None:
    """The container's CPU quota in CPUs (e.g. ``1.5``), or ``None`` when there is no limit.

    cgroup v2: the smallest limit along the process's cgroup path; cgroup v1: the CFS quota.
    """
    quotas = [_quota_from_cgroup_v2(_read_text(path)) for path in _cgroup_v2_cpu_max_files()]
    quotas = [quota for quota in quotas if quota is not None]
    if quotas:
        return min(quotas)
    for folder in CGROUP_V1_DIRS:
        quota = _quota_from_cgroup_v1(
            _read_text(f"{folder}/cpu.cfs_quota_us"), _read_text(f"{folder}/cpu.cfs_period_us")
        )
        if quota is not None:
            return quota
    return None


def available_cpus() -> int:
    """The number of CPUs this process can really use.

    The smallest of: the CPUs in the process's affinity mask (``os.sched_getaffinity``) and the
    container's CPU quota (cgroup v2 ``/sys/fs/cgroup/cpu.max``, also along the process's
    cgroup path, or cgroup v1 ``cpu.cfs_quota_us / cpu.cfs_period_us``), rounded up. On Binder and in Docker,
    ``os.cpu_count()`` reports the host's cores, which is why it is not used directly.

    Example:
        >>> available_cpus() >= 1
        True
    """
    cpus = _affinity_cpus()
    quota = _cgroup_cpu_quota()
    if quota is not None:
        cpus = min(cpus, max(1, math.ceil(quota - 1e-9)))
    return cpus


def _default_threads() -> int:
    return max(1, min(available_cpus(), MAX_DEFAULT_THREADS))


def _set_threads(threads: int | None, library_threads: int) -> int:
    """Set PyTorch's thread count and cap the other numerical libraries; return PyTorch's count.

    The BLAS and OpenMP pools of NumPy, SciPy and scikit-learn get ``library_threads``: those
    already loaded through ``threadpoolctl``, those loaded later through ``OMP_NUM_THREADS``
    and friends. PyTorch's own pool is set last, so it keeps ``threads``.
    """
    if threads is None:
        threads = _default_threads()
    else:
        threads = _check_int(threads, "threads", 1, 256)
    library_threads = _check_int(library_threads, "library_threads", 1, 256)
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = str(library_threads)  # for runtimes loaded after this call
    _limit_loaded_thread_pools(library_threads)
    torch = _import_torch()
    torch.set_num_threads(threads)
    return threads


def _limit_loaded_thread_pools(threads: int) -> None:
    """Cap the BLAS and OpenMP pools already loaded (NumPy's, scikit-learn's) at ``threads``.

    Uses ``threadpoolctl`` (a scikit-learn dependency); does nothing if it is missing.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - scikit-learn always brings it
        return
    threadpool_limits(limits=threads)


# --------------------------------------------------------------------------------------
# Device
# --------------------------------------------------------------------------------------


def _cuda_available() -> bool:
    torch = _import_torch()

    return bool(torch.cuda.is_available())


def _mps_available() -> bool:
    torch = _import_torch()

    backend = getattr(torch.backends, "mps", None)
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
    torch = _import_torch()

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
        count = torch.cuda.device_count()
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


# --------------------------------------------------------------------------------------
# Platform
# --------------------------------------------------------------------------------------


def _colab_importable() -> bool:
    if "google.colab" in sys.modules:
        return True
    try:
        return importlib.util.find_spec("google.colab") is not None
    except (ImportError, ValueError):
        return False


def detect_platform() -> str:
    """Where this kernel runs: ``"colab"``, ``"binder"`` or ``"local"``.

    * Colab: the ``google.colab`` package is importable, or ``COLAB_RELEASE_TAG`` /
      ``COLAB_GPU`` is set.
    * Binder: one of the variables BinderHub sets in every pod (``BINDER_LAUNCH_HOST``,
      ``BINDER_REPO_URL``, ``BINDER_REF_URL``, ``BINDER_REQUEST``,
      ``BINDER_PERSISTENT_REQUEST``, ``BINDER_SERVICE_HOST``) is set, or
      ``JUPYTERHUB_SERVICE_PREFIX`` mentions Binder.
    * anything else (a laptop, a university JupyterHub, CI): ``"local"``.

    Example:
        >>> detect_platform() in {"colab", "binder", "local"}
        True
    """
    if any(os.environ.get(var) for var in COLAB_ENV_VARS) or _colab_importable():
        return "colab"
    if any(os.environ.get(var) for var in BINDER_ENV_VARS):
        return "binder"
    if "binder" in os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "").lower():
        return "binder"
    return "local"


# --------------------------------------------------------------------------------------
# Plot style
# --------------------------------------------------------------------------------------

#: Settings on top of matplotlib's ``tableau-colorblind10`` style.
PLOT_RC: dict[str, Any] = {
    "figure.figsize": (6.4, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "image.cmap": "viridis",
    "legend.frameon": False,
}


def set_plot_style() -> None:
    """Use a readable, colour-blind-safe matplotlib style for every later figure.

    The colour cycle is matplotlib's ``tableau-colorblind10``; images use ``viridis``; axes
    get a light grid and no top/right spines. Does not import ``pyplot``.
    """
    import matplotlib
    import matplotlib.style

    matplotlib.style.use("tableau-colorblind10")
    matplotlib.rcParams.update(PLOT_RC)


# --------------------------------------------------------------------------------------
# setup()
# --------------------------------------------------------------------------------------


def setup(
    seed: int = 42,
    threads: int | None = None,
    device: "str | torch.device | None" = None,
    verbose: bool = True,
    library_threads: int = 1,
) -> RunInfo:
    """Prepare a notebook: seeds, deterministic algorithms, threads, device, plot style.

    Args:
        seed: seed for ``random``, NumPy and PyTorch (0 … 2**32 - 1).
        threads: PyTorch threads; ``None`` uses the CPUs this process may really use,
            at most 4 (see :func:`available_cpus`).
        device: ``None`` picks CUDA, then MPS, then CPU; ``"cpu"`` forces the CPU.
        verbose: print a one-line summary.
        library_threads: threads for NumPy's BLAS and scikit-learn's OpenMP code (default 1).
            On course-sized data more threads gain little and, on a shared or busy machine,
            cost a lot: measured here with the other core busy, a 1,875-row
            ``HistGradientBoostingClassifier`` fit took 2–15 s with 2 threads and 0.4 s with
            one, and a 1,000-point t-SNE 15–19 s against 3–5 s.

    Returns:
        A frozen :class:`RunInfo`; use ``info.device`` for ``model.to(info.device)``.

    Example:
        >>> info = setup(seed=0, device="cpu", verbose=False)
        >>> info.device.type, info.seed
        ('cpu', 0)
    """
    seed = _check_int(seed, "seed", 0, _MAX_SEED)
    verbose = _check_bool(verbose, "verbose")
    chosen = choose_device(device)  # fail early, before changing anything else
    torch = _import_torch()

    seed_everything(seed)
    if chosen.type == "cuda":  # pragma: no cover - no GPU in CI
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    _enable_deterministic_algorithms()
    used_threads = _set_threads(threads, library_threads)
    set_plot_style()
    info = RunInfo(
        seed=seed,
        device=chosen,
        threads=used_threads,
        platform=detect_platform(),
        python=".".join(str(part) for part in sys.version_info[:3]),
        torch_version=str(torch.__version__),
    )
    if verbose:
        print(info.summary())
    return info


# --------------------------------------------------------------------------------------
# Environment check
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Requirement:
    """One package the course needs: its pip name, the module it is imported as, the minimum version."""

    distribution: str
    module: str
    minimum: str


#: Every package the course imports, with the minimum version it needs.
REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("numpy", "numpy", "1.24"),
    Requirement("scipy", "scipy", "1.10"),
    Requirement("pandas", "pandas", "2.0"),
    Requirement("scikit-learn", "sklearn", "1.3"),
    Requirement("scikit-image", "skimage", "0.21"),
    Requirement("matplotlib", "matplotlib", "3.7"),
    Requirement("tqdm", "tqdm", "4.65"),
    Requirement("ipywidgets", "ipywidgets", "8.0"),
    Requirement("torch", "torch", "2.2"),
    Requirement("torchvision", "torchvision", "0.17"),
    Requirement("skorch", "skorch", "1.0"),
    Requirement("mnist1d", "mnist1d", "0.0.2"),
)

# The course's build and tests read pyproject.toml with tomllib (Python 3.11+); Colab and the
# course's conda/Binder environment run 3.11 or newer. pyproject.toml's requires-python agrees.
MIN_PYTHON = (3, 11)

ENVIRONMENT_COLUMNS = ["requirement", "needed", "found", "ok", "what to do"]


def _version_tuple(version: str) -> tuple[int, ...]:
    """The leading numeric release of a version string: ``"2.4.1+cpu"`` → ``(2, 4, 1)``."""
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", version)
    if not match:
        return ()
    return tuple(int(part) for part in match.group(1).split("."))


def _version_at_least(found: str, minimum: str) -> bool:
    """True if ``found`` is at least ``minimum`` (release numbers compared, padded with zeros)."""
    have, need = _version_tuple(found), _version_tuple(minimum)
    if not have:
        return False
    width = max(len(have), len(need))
    return have + (0,) * (width - len(have)) >= need + (0,) * (width - len(need))


def _installed_version(distribution: str) -> str | None:
    """The installed version of a pip distribution, or ``None`` if it is not installed.

    Reads package metadata only: nothing is imported.
    """
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _python_version() -> tuple[int, int, int]:
    return tuple(sys.version_info[:3])  # type: ignore[return-value]


def _install_advice(distribution: str, minimum: str, platform: str) -> str:
    spec = f"{distribution}>={minimum}"
    if platform == "colab":
        return f"run `%pip install '{spec}'` in a cell, then Runtime → Restart session"
    return f"run `make lab` again from the course folder, or `pip install '{spec}'`"


def _python_row() -> dict[str, Any]:
    found_tuple = _python_version()
    ok = found_tuple >= MIN_PYTHON
    needed = ".".join(map(str, MIN_PYTHON))
    advice = "" if ok else (
        f"install Python {needed} or newer (python.org, conda or your package manager), "
        "then create the course environment again with `make lab`"
    )
    return {
        "requirement": "python",
        "needed": f">={needed}",
        "found": ".".join(map(str, found_tuple)),
        "ok": ok,
        "what to do": advice,
    }


def _package_row(requirement: Requirement, platform: str) -> dict[str, Any]:
    found = _installed_version(requirement.distribution)
    ok = found is not None and _version_at_least(found, requirement.minimum)
    if ok:
        advice = ""
    else:
        problem = "missing" if found is None else f"too old ({found})"
        advice = f"{problem}: " + _install_advice(requirement.distribution, requirement.minimum, platform)
    return {
        "requirement": requirement.distribution,
        "needed": f">={requirement.minimum}",
        "found": found if found is not None else "missing",
        "ok": ok,
        "what to do": advice,
    }


def check_environment() -> "pandas.DataFrame":
    """One row per requirement of the course: Python and every package, with what to do if not ok.

    Columns: ``requirement``, ``needed``, ``found`` (a version or ``"missing"``), ``ok``
    (bool) and ``what to do`` (empty when ok). Versions come from package metadata, so
    nothing heavy is imported.

    Example:
        >>> table = check_environment()
        >>> list(table.columns)
        ['requirement', 'needed', 'found', 'ok', 'what to do']
    """
    import pandas as pd

    platform = detect_platform()
    rows = [_python_row()] + [_package_row(req, platform) for req in REQUIREMENTS]
    table = pd.DataFrame(rows, columns=ENVIRONMENT_COLUMNS)
    table["ok"] = table["ok"].astype(bool)
    return table


def environment_ok() -> bool:
    """True when Python and every package meet the course's minimum versions.

    Example:
        >>> isinstance(environment_ok(), bool)
        True
    """
    return bool(check_environment()["ok"].all())
