"""Tests of the utils package itself: a cheap import, a version, lazily loaded submodules."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import utils

HEAVY = ("torch", "torchvision", "matplotlib", "sklearn", "pandas", "scipy")


def test_import_utils_is_cheap():
    """`import utils` loads none of the heavy libraries (which module is loaded is exact; how
    long it takes is the machine's business)."""
    code = (
        "import json, sys\n"
        "import utils\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []


def test_version_is_the_installed_package_version():
    """The course package is installed (make setup), so the fallback for a bare source tree
    ("0.0.0+unknown") must not be what a learner sees."""
    import tomllib
    from importlib.metadata import version
    from pathlib import Path

    pyproject = tomllib.loads((Path(utils.__file__).parents[1] / "pyproject.toml").read_text())
    assert utils.__version__ == version("ml-vs-dl-course") == pyproject["project"]["version"]


def test_submodules_load_on_first_use():
    from utils import checks, data, env, plots

    assert utils.checks is checks and utils.data is data and utils.env is env and utils.plots is plots
    assert {"env", "data", "plots", "checks"} <= set(dir(utils))


def test_unknown_attribute_lists_the_modules():
    with pytest.raises(AttributeError, match=r"no attribute 'trian'; its modules are: env, data, plots, checks"):
        utils.trian  # noqa: B018


@pytest.mark.parametrize("module", utils._SUBMODULES)
def test_every_public_name_has_a_docstring_and_type_hints(module):
    """The one documentation check of the package: every module, every public function and
    class (a network's forward included)."""
    import inspect

    import torch

    mod = getattr(utils, module)
    assert mod.__doc__ and len(mod.__doc__) > 100
    for name in mod.__all__:
        obj = getattr(mod, name)
        if inspect.isfunction(obj):
            assert obj.__doc__, f"{module}.{name} has no docstring"
            assert "return" in obj.__annotations__, f"{module}.{name} has no return type"
        elif inspect.isclass(obj):
            assert obj.__doc__, f"{module}.{name} has no docstring"
            if issubclass(obj, torch.nn.Module):
                assert "return" in obj.forward.__annotations__, f"{module}.{name}.forward has no return type"


def test_the_readme_and_the_package_docstring_name_every_module():
    readme = (Path(utils.__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `utils/` |"))
    assert [name for name in utils._SUBMODULES if f"`{name}`" not in row] == []
    assert [name for name in utils._SUBMODULES if f"``{name}``" not in utils.__doc__] == []


#: Every utils module (private ones too) whose docstrings hold examples (``>>>``): the one place
#: they are run. Read from the files, so that a new module's examples cannot be left out.
DOCTESTED = sorted(path.stem for path in Path(utils.__file__).parent.glob("*.py")
                   if ">>>" in path.read_text(encoding="utf-8"))


def test_the_modules_with_examples_are_found():
    assert {"env", "data", "plots", "checks", "features", "train", "models", "_validation", "_sklearn"} <= set(DOCTESTED)


@pytest.mark.slow
@pytest.mark.parametrize("module", DOCTESTED)
def test_docstring_examples_run(module, restore_global_state, capsys):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"utils.{module}"), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0, capsys.readouterr().out
