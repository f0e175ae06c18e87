"""Set up a notebook the same way everywhere: seeds, threads, device, plot style.

Every notebook of the course starts with one call (the generated setup cell)::

    from utils import env
    run = env.setup()          # prints: Seed 42 · device cpu · 1 thread · running locally · torch 2.x

This module is the one place that decides the course's **seed** (:data:`DEFAULT_SEED`), its
**threads** (:data:`DEFAULT_THREADS`) and its **plot style** (:func:`set_plot_style`); nothing
else in the course seeds every generator, sets a thread count or sets a global plot style.
What :func:`setup` does, and why, is in its docstring.

Its neighbours answer the questions ``setup`` asks: :mod:`utils.devices` (which device),
:mod:`utils.hosting` (local, Binder or Colab), :mod:`utils.cpus` (how many CPUs there really
are); :mod:`utils.requirements` checks what is installed.

PyTorch is imported inside the functions that need it, so ``import utils.env`` stays cheap.
"""

from __future__ import annotations

import os
import random
import sys
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ._validation import as_bool as _as_bool
from ._validation import as_int as _as_int
from ._validation import as_seed as _as_seed
from .cpus import available_cpus
from .devices import choose_device, require_torch
from .hosting import detect_platform

if TYPE_CHECKING:  # pragma: no cover - imported for type hints only
    import torch

__all__ = [
    "DEFAULT_SEED",
    "DEFAULT_THREADS",
    "BINDER_IDLE_KERNEL_MINUTES",
    "BINDER_MEMORY_ADVICE",
    "RunInfo",
    "setup",
    "seed_everything",
    "set_threads",
    "set_plot_style",
    "OKABE_ITO",
]

#: The course's one default seed: :func:`setup` seeds every generator with it, and notebooks
#: pass it on as ``run.seed`` (``random_state=run.seed``, ``seed=run.seed``).
DEFAULT_SEED = 42

#: Threads for PyTorch and for the BLAS/OpenMP libraries unless a learner asks for more
#: (``setup(threads=N)``); :func:`setup` explains why one.
DEFAULT_THREADS = 1

#: Most threads :func:`set_threads` accepts.
MAX_THREADS = 256

#: Minutes after which Binder's Jupyter Server shuts down an idle kernel that no open notebook
#: uses: the repository's ``postBuild`` installs ``deploy/binder/jupyter_server_config.json``
#: (``MappingKernelManager.cull_idle_timeout``; tests/test_binder.py keeps the two equal).
BINDER_IDLE_KERNEL_MINUTES = 5

#: What the setup cell prints on Binder, whose sessions have about 2 GB of memory: a notebook's
#: kernel may use up to the course's budget of 1.5 GB (benchmarks/notebooks.md), so two kernels
#: at once can run out and lose both.
BINDER_MEMORY_ADVICE = ("Binder gives this session about 2 GB of memory and a notebook may use up to 1.5 GB: "
                        "before you open the next notebook, shut this one's kernel down "
                        "(Kernel → Shut Down Kernel). A closed notebook's kernel is shut down for you "
                        f"after {BINDER_IDLE_KERNEL_MINUTES} idle minutes.")

#: Variables that OpenMP, OpenBLAS and MKL read when they load.
THREAD_ENV_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

_PLATFORM_TEXT = {"local": "running locally", "binder": "running on Binder", "colab": "running on Colab"}


@dataclass(frozen=True)
class RunInfo:
    """What :func:`setup` configured.

    Attributes:
        seed: the seed given to every random number generator.
        device: the :class:`torch.device` to put models and tensors on.
        threads: the threads PyTorch and the BLAS/OpenMP libraries use.
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

        Example: ``Seed 42 · device cpu · 1 thread · running locally · torch 2.4.1``.
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
    seed = _as_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch = require_torch()

    torch.manual_seed(seed)  # seeds the CPU and every CUDA device
    if torch.cuda.is_available():  # pragma: no cover - no GPU in CI
        torch.cuda.manual_seed_all(seed)


def _enable_deterministic_algorithms() -> None:
    """``torch.use_deterministic_algorithms(True, warn_only=True)``, without its import cost.

    The public function imports ``torch._inductor.config`` (and sympy with it: ~2.5 s, ~900
    modules) only to set the flag for ``torch.compile``. The course does not compile models, so
    the flag is set directly, and on the inductor config only if something already loaded it.
    """
    torch = require_torch()

    setter = getattr(torch._C, "_set_deterministic_algorithms", None)
    if setter is None:  # pragma: no cover - a future PyTorch without the private setter
        torch.use_deterministic_algorithms(True, warn_only=True)
        return
    setter(True, warn_only=True)
    inductor_config = sys.modules.get("torch._inductor.config")
    if inductor_config is not None:
        inductor_config.deterministic = True


# --------------------------------------------------------------------------------------
# Threads
# --------------------------------------------------------------------------------------


def set_threads(threads: int = DEFAULT_THREADS) -> int:
    """Give PyTorch and the BLAS/OpenMP libraries ``threads`` threads; return the number.

    The course's thread policy in one function (:func:`setup` calls it; see there for why the
    default is one). It sets PyTorch's intra-op threads, caps the BLAS and OpenMP pools already
    loaded (NumPy's, SciPy's, scikit-learn's) through ``threadpoolctl``, and sets
    ``OMP_NUM_THREADS``, ``OPENBLAS_NUM_THREADS`` and ``MKL_NUM_THREADS`` for the runtimes
    loaded later. Warns when ``threads`` is more than :func:`utils.cpus.available_cpus`.

    Args:
        threads: an int between 1 and 256.

    Example:
        >>> set_threads(1)
        1
    """
    threads = _as_int(threads, "threads", 1, MAX_THREADS)
    cpus = available_cpus()
    if threads > cpus:
        warnings.warn(
            f"threads={threads}, but this process can use only {cpus} CPU(s): more threads than "
            f"CPUs make training slower, not faster. Use threads={cpus} or fewer.",
            stacklevel=2,
        )
    for variable in THREAD_ENV_VARS:
        os.environ[variable] = str(threads)  # for runtimes loaded after this call
    _limit_loaded_thread_pools(threads)
    require_torch().set_num_threads(threads)  # last: the OpenMP cap above may touch PyTorch's pool
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
# Plot style
# --------------------------------------------------------------------------------------

#: Okabe & Ito's colour-blind-safe palette (without black, kept for edges and text): the colour
#: cycle of every figure, and the colours :mod:`utils.plots` gives classes, models and curves.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999")

#: seaborn's theme for the course: its ``"whitegrid"`` style (a light grid to read values off).
PLOT_THEME: dict[str, Any] = {"context": "notebook", "style": "whitegrid"}

#: Settings on top of :data:`PLOT_THEME`: figure size, font sizes, no top/right spines, ``viridis``
#: for images, legends without frames.
PLOT_RC: dict[str, Any] = {
    "figure.figsize": (6.4, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.grid": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "image.cmap": "viridis",
    "legend.frameon": False,
}


def set_plot_style() -> None:
    """One readable, colour-blind-safe style for every later figure: seaborn's theme, set once.

    Sets seaborn's ``"whitegrid"`` theme (:data:`PLOT_THEME`) with the Okabe–Ito palette
    (:data:`OKABE_ITO`) as the colour cycle of matplotlib and seaborn alike, then the course's
    sizes and details (:data:`PLOT_RC`). This is the only place in the course that sets a global
    plot style (``tests/test_one_owner.py``): a notebook that wants another look for one figure
    passes arguments to that figure.

    Example:
        >>> set_plot_style()
        >>> import matplotlib
        >>> first_colour = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"][0]
        >>> matplotlib.colors.to_hex(first_colour) == OKABE_ITO[0].lower()
        True
    """
    import matplotlib
    from cycler import cycler

    from ._seaborn_theme import WHITEGRID_NOTEBOOK

    # What seaborn.set_theme(**PLOT_THEME, palette=OKABE_ITO, rc=PLOT_RC) does, without importing
    # seaborn (over a second) in every setup cell: utils/_seaborn_theme.py, checked by the tests.
    matplotlib.rcParams.update(WHITEGRID_NOTEBOOK)
    matplotlib.rcParams["axes.prop_cycle"] = cycler(color=[matplotlib.colors.to_rgb(c) for c in OKABE_ITO])
    matplotlib.rcParams.update(PLOT_RC)


# --------------------------------------------------------------------------------------
# setup()
# --------------------------------------------------------------------------------------


def setup(
    seed: int = DEFAULT_SEED,
    threads: int = DEFAULT_THREADS,
    device: "str | torch.device | None" = None,
    verbose: bool = True,
) -> RunInfo:
    """Prepare a notebook: seeds, deterministic algorithms, threads, device, plot style.

    * **Seeds**: seeds Python's :mod:`random`, NumPy's global generator and PyTorch (CPU and
      CUDA) with ``seed`` (:func:`seed_everything`), and asks PyTorch for deterministic
      algorithms, so that a notebook gives the same numbers on every run (on CPU).
    * **Threads**: one thread by default, for PyTorch and for the BLAS/OpenMP code of NumPy,
      SciPy and scikit-learn (:func:`set_threads`). Why one:

      - *the same numbers on every machine*: how a computation is split between threads can
        change the order of floating-point additions, and so the last digits of a result, which
        training can grow into a different accuracy; with one thread a learner's laptop, Binder,
        Colab, the grader and the worked solutions agree whatever their cores;
      - *no oversubscription*: Binder and Kubernetes pods see the host's cores (often 16–64)
        but may use one or two, and a shared machine's other cores are often busy. Measured on
        2 cores with the other one busy: a 20-epoch MNIST-1D CNN took 2.8 s alone and 24.9 s
        with 2 PyTorch threads, at most twice as long with one; a 1,875-row
        ``HistGradientBoostingClassifier`` fit 2–15 s with 2 library threads, 0.4 s with one;
        a 1,000-point t-SNE 15–19 s against 3–5 s;
      - *little to gain*: the course's models and data are small, and one thread trains them
        about as fast as two.

      On a machine of your own with free cores, ask for more: ``setup(threads=N)`` with ``N``
      at most :func:`utils.cpus.available_cpus` (your numbers may then differ in the last
      digits from the worked solutions').
    * **Device**: CUDA, then Apple's MPS, then CPU (:func:`utils.devices.choose_device`).
    * **Plot style**: seaborn's theme with the colour-blind-safe Okabe–Ito palette, for
      matplotlib and seaborn figures alike (:func:`set_plot_style`).
    * **Platform**: reports whether it runs locally, on Binder or on Colab
      (:func:`utils.hosting.detect_platform`); on Colab and Binder, whose files go with the
      session, a second line says how to keep the scorecard (:func:`utils.scorecard.session_advice`);
      on Binder, a third how to stay within its memory (:data:`BINDER_MEMORY_ADVICE`).

    Args:
        seed: seed for ``random``, NumPy and PyTorch (0 … 2**32 - 1); the course's default
            is :data:`DEFAULT_SEED`.
        threads: threads for PyTorch and the BLAS/OpenMP libraries (default
            :data:`DEFAULT_THREADS`, one).
        device: ``None`` picks CUDA, then MPS, then CPU; ``"cpu"`` forces the CPU.
        verbose: print a one-line summary.

    Returns:
        A frozen :class:`RunInfo`; use ``run.device`` for ``model.to(run.device)`` and
        ``run.seed`` wherever a seed is asked for.

    Example:
        >>> run = setup(seed=0, device="cpu", verbose=False)
        >>> run.device.type, run.seed, run.threads
        ('cpu', 0, 1)
    """
    seed = _as_seed(seed)
    threads = _as_int(threads, "threads", 1, MAX_THREADS)
    verbose = _as_bool(verbose, "verbose")
    chosen = choose_device(device)  # fail early, before changing anything else
    torch = require_torch()

    seed_everything(seed)
    if chosen.type == "cuda":  # pragma: no cover - no GPU in CI
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    _enable_deterministic_algorithms()
    used_threads = set_threads(threads)
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
        from .scorecard import session_advice  # Colab and Binder forget files: how to keep the scorecard

        advice = session_advice(info.platform)
        if advice:
            print(advice)
        if info.platform == "binder":
            print(BINDER_MEMORY_ADVICE)
    return info
