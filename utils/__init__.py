"""Shared helpers for "Machine Learning vs Deep Learning — a hands-on course".

Modules (import the ones a notebook needs: ``from utils import env, data, plots, checks``):

* ``env``    — ``setup()`` for every notebook: seeds, threads, device, plot style; the course's
  one default seed and its thread policy.
* ``requirements`` — ``check_environment()`` for the first notebook: what the course needs
  installed and what to do when something is missing.
* ``devices`` — ``choose_device()``: CUDA, then Apple's MPS, then the CPU.
* ``hosting`` — ``detect_platform()``: local, Binder or Colab.
* ``cpus``   — ``available_cpus()``: the CPUs this process can really use (cgroup quota, affinity).
* ``data``   — every dataset of the course, offline and deterministic, with its provenance.
* ``plots``  — decision boundaries, confusion matrices, image grids, signals, training and
  learning curves.
* ``checks`` — assertion helpers with friendly messages for the exercises' tests.
* ``guards`` — exercise tests that refuse library shortcuts (``shortcuts_forbidden``) and global
  seeding (``keeps_global_random_state``), and a simulated GPU that refuses what CUDA and MPS
  refuse (``simulated_gpu``).
* ``claims`` — ``claim()`` checks a result stated in the lesson's prose against the learner's run;
  ``verdict_table()`` puts the industry's claims to the test.
* ``stats``  — comparing two models fairly: paired differences over shared folds or seeds.
* ``scorecard`` — records every model a notebook measures, for the learner's evidence table.
* ``models`` — the small PyTorch architectures the notebooks share (MLP, CNNs, GRU, transformer).
* ``train``  — ``fit()`` for PyTorch models: progress bar, history, early stopping, one-cycle
  schedule, CPU/CUDA/MPS; ``evaluate``, ``predict``, ``count_parameters``.
* ``features`` — hand-made image features (HOG, ink statistics) for classical models.
* ``cost``   — what a model costs, measured the same way for ML and DL: latency, throughput,
  parameters, file size, peak memory, energy and CO₂; ``profile()`` records them in the scorecard.
* ``explain`` — explaining models: permutation importance, partial dependence, SHAP, Captum
  attributions for networks, their sanity check (weight randomisation) and group fairness metrics.
* ``advisor`` — the decision framework: ``advise(Problem(...))`` recommends classical ML, deep
  learning or a hybrid with readable rules, each reason citing your scorecard (or the course's
  reference figures); ``evidence_table()`` for notebook 10.

``import utils`` itself is cheap: it imports none of PyTorch, torchvision or matplotlib.
A submodule is loaded on first use (``utils.data`` works after ``import utils``).
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from types import ModuleType

try:
    __version__: str = version("ml-vs-dl-course")
except PackageNotFoundError:  # running from a source tree that is not pip-installed
    __version__ = "0.0.0+unknown"

_SUBMODULES = ("env", "data", "plots", "checks", "guards", "claims", "stats", "scorecard", "train", "models",
               "features", "requirements", "devices", "hosting", "cpus", "cost", "explain",
               "advisor")

__all__ = ["__version__", *_SUBMODULES]


def __getattr__(name: str) -> ModuleType:
    """Import a submodule on first access, so that ``import utils`` stays fast."""
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'utils' has no attribute {name!r}; its modules are: {', '.join(_SUBMODULES)}.")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_SUBMODULES))
