"""Fixtures for the unit tests of the ``utils`` package.

Plots are drawn with matplotlib's non-interactive Agg backend, every figure is closed after
each test, the tests run with the threads every notebook gets (``utils.env.set_threads``: one
for PyTorch and for the BLAS/OpenMP libraries), and ``restore_global_state`` undoes what
``utils.env.setup`` changes (threads, determinism, matplotlib's rcParams, the thread variables
of the environment, the random generators).
"""

from __future__ import annotations

import os

os.environ["MPLBACKEND"] = "Agg"  # before anything imports matplotlib

import random  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from typing import Any  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from utils import env, hosting  # noqa: E402

#: Environment variables that decide which platform utils.hosting.detect_platform reports.
PLATFORM_VARIABLES = (*hosting.COLAB_ENV_VARS, *hosting.BINDER_ENV_VARS, "JUPYTERHUB_SERVICE_PREFIX")


@pytest.fixture(autouse=True, scope="session")
def _course_threads() -> None:
    """The course's thread policy, as in every notebook: tiny models train fastest on one
    thread, and two threads on a busy 2-core machine are up to ~10× slower."""
    env.set_threads()


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def set_deterministic(torch: Any, mode: bool, warn_only: bool = False) -> None:
    """torch.use_deterministic_algorithms without importing torch._inductor (~2.5 s)."""
    setter = getattr(torch._C, "_set_deterministic_algorithms", None)
    if setter is None:
        torch.use_deterministic_algorithms(mode, warn_only=warn_only)
    else:
        setter(mode, warn_only=warn_only)


@pytest.fixture()
def restore_global_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Undo what utils.env.setup changes in the process (threads, determinism, seeds, style)."""
    import torch
    from threadpoolctl import threadpool_limits

    pools = threadpool_limits(limits=None)  # remembers the BLAS/OpenMP limits
    threads = torch.get_num_threads()
    deterministic = torch.are_deterministic_algorithms_enabled()
    warn_only = torch.is_deterministic_algorithms_warn_only_enabled()
    python_state, numpy_state, torch_state = random.getstate(), np.random.get_state(), torch.get_rng_state()
    for variable in env.THREAD_ENV_VARS:  # restored by monkeypatch after the test
        monkeypatch.delenv(variable, raising=False)
    with matplotlib.rc_context():
        yield
    torch.set_num_threads(threads)
    pools.restore_original_limits()
    set_deterministic(torch, deterministic, warn_only=warn_only)
    random.setstate(python_state)
    np.random.set_state(numpy_state)
    torch.set_rng_state(torch_state)


@pytest.fixture()
def local_platform(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No Colab or Binder variables, and google.colab not importable: a 'local' machine."""
    for name in PLATFORM_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(hosting, "_colab_importable", lambda: False)
    return monkeypatch
