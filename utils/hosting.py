"""Where this notebook's kernel runs: on your own machine, on Binder or on Google Colab.

::

    from utils.hosting import detect_platform
    detect_platform()        # "local", "binder" or "colab"

:func:`utils.env.setup` reports it in its summary line (``run.platform``), and
:func:`utils.requirements.check_environment` uses it to say how to install a missing package
(``%pip`` on Colab, ``make lab`` elsewhere). Only environment variables and the import system
are read: nothing is imported.
"""

from __future__ import annotations

import importlib.util
import os
import sys

__all__ = ["detect_platform", "PLATFORMS", "BINDER_ENV_VARS", "COLAB_ENV_VARS"]

#: The answers :func:`detect_platform` gives.
PLATFORMS = ("local", "binder", "colab")

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
        >>> detect_platform() in PLATFORMS
        True
    """
    if any(os.environ.get(var) for var in COLAB_ENV_VARS) or _colab_importable():
        return "colab"
    if any(os.environ.get(var) for var in BINDER_ENV_VARS):
        return "binder"
    if "binder" in os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "").lower():
        return "binder"
    return "local"
