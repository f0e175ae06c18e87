"""What the course needs installed, and whether this environment has it.

The first notebook checks the environment with one call::

    from utils import requirements
    requirements.check_environment()   # one row per requirement: needed, found, ok, what to do
    requirements.environment_ok()      # True when every row is ok

Versions are read from package metadata, so nothing heavy is imported: the check works even
when PyTorch is missing or broken, which is when a learner needs it most.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import hosting

if TYPE_CHECKING:  # pragma: no cover - imported for type hints only
    import pandas

__all__ = ["Requirement", "REQUIREMENTS", "MIN_PYTHON", "check_environment", "environment_ok"]


@dataclass(frozen=True)
class Requirement:
    """One package the course needs: its pip name, the module it is imported as, the minimum version.

    ``optional`` names what a heavy package adds (``""`` for a package every notebook needs): a
    notebook runs without it and says which part it skips.
    """

    distribution: str
    module: str
    minimum: str
    optional: str = ""


#: Every package the course imports, with the minimum version it needs.
REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("numpy", "numpy", "2.0"),
    Requirement("scipy", "scipy", "1.16"),
    Requirement("pandas", "pandas", "2.2.2"),
    Requirement("scikit-learn", "sklearn", "1.6"),
    Requirement("scikit-image", "skimage", "0.23.1"),
    Requirement("matplotlib", "matplotlib", "3.9"),
    Requirement("seaborn", "seaborn", "0.13"),  # the theme env.setup sets; box, swarm and line plots
    Requirement("tqdm", "tqdm", "4.65"),
    Requirement("ipywidgets", "ipywidgets", "7.7"),   # Colab's; JupyterLab 4 needs 8 (pyproject's lab extra)
    Requirement("torch", "torch", "2.6"),
    Requirement("torchvision", "torchvision", "0.21"),
    Requirement("skorch", "skorch", "1.1"),
    Requirement("mnist1d", "mnist1d", "0.0.2.post1"),
    Requirement("captum", "captum", "0.9"),
    Requirement("fairlearn", "fairlearn", "0.15"),
    Requirement("shap", "shap", "0.51"),
    Requirement("gymnasium", "gymnasium", "1.0"),   # 11-beyond's environments
    # Heavy (over 100 MB with what they pull in) for one part of notebooks 08 and 11: optional,
    # installed by `make lab`, conda and Binder; pyproject.toml's `optional` extra.
    Requirement("onnx", "onnx", "1.23", optional="the ONNX exports in notebooks 08 and 11"),
    Requirement("onnxscript", "onnxscript", "0.7", optional="the networks exported to ONNX in notebooks 08 and 11"),
    Requirement("onnxruntime", "onnxruntime", "1.32", optional="ONNX Runtime in notebooks 08 and 11"),
    Requirement("skl2onnx", "skl2onnx", "1.20", optional="the tree ensemble exported to ONNX in notebook 11"),
)

#: The oldest Python the course runs on. The course's build and tests read pyproject.toml with
#: tomllib (Python 3.11+); Colab and the course's conda/Binder environment run 3.11 or newer.
#: pyproject.toml's requires-python agrees.
MIN_PYTHON = (3, 11)

#: The columns of :func:`check_environment`'s table.
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
        if requirement.optional:  # the notebooks run without it
            ok = True
            advice = f"optional, for {requirement.optional}; {advice}"
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

    platform = hosting.detect_platform()
    rows = [_python_row()] + [_package_row(req, platform) for req in REQUIREMENTS]
    table = pd.DataFrame(rows, columns=ENVIRONMENT_COLUMNS)
    table["ok"] = table["ok"].astype(bool)
    return table


def environment_ok() -> bool:
    """True when Python and every package meet the course's minimum versions (optional packages
    may be missing: the notebooks skip what needs them and say so).

    Example:
        >>> isinstance(environment_ok(), bool)
        True
    """
    return bool(check_environment()["ok"].all())
