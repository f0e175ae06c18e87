"""The generated parts every notebook shares: the Colab/Binder badges and the setup cell.

The repository URL and the course's version live once, in `pyproject.toml` (`[project.urls]
Repository`, `[project] version`); everything here is derived from them. The setup cell installs
the course package at the git tag of that version (`release_tag()`), so a notebook and its
helpers come from the same release (docs/authoring.md, *Releasing a version*).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import lru_cache

from tools.layout import ROOT, link, student_notebook

BRANCH = "main"
PACKAGE = "ml-vs-dl-course"


@lru_cache(maxsize=1)
def _project() -> dict:
    """The `[project]` table of pyproject.toml."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]


def repository_url() -> str:
    """The course repository's URL, read from pyproject.toml."""
    return _project()["urls"]["Repository"].rstrip("/")


def release_tag() -> str:
    """The git tag of the release these notebooks belong to: `v` + pyproject.toml's version."""
    return f"v{_project()['version']}"


def github_slug() -> str:
    """`owner/name` of the repository (the last two parts of its URL)."""
    return "/".join(repository_url().split("/")[-2:])


def website_url() -> str:
    """Where GitHub Pages publishes the course website (.github/workflows/website.yml): a
    repository `github.com/OWNER/NAME` is published at `https://owner.github.io/NAME/`."""
    owner, name = github_slug().split("/")
    return f"https://{owner.lower()}.github.io/{name}/"


def colab_url(notebook_id: str) -> str:
    """Link that opens the student version of a notebook in Google Colab."""
    return (
        f"https://colab.research.google.com/github/{github_slug()}/blob/{BRANCH}/"
        f"{link(student_notebook(notebook_id))}"
    )


def binder_url(notebook_id: str) -> str:
    """Link that opens the student version of a notebook in JupyterLab on Binder."""
    return (
        f"https://mybinder.org/v2/gh/{github_slug()}/{BRANCH}"
        f"?urlpath=lab/tree/{link(student_notebook(notebook_id))}"
    )


def badges_markdown(notebook_id: str) -> str:
    """The badge line inserted under each notebook's title."""
    return (
        f"[![Open in Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
        f"({colab_url(notebook_id)}) "
        f"[![Launch Binder](https://mybinder.org/badge_logo.svg)]({binder_url(notebook_id)})"
    )


def package_source() -> str:
    """What `pip install` takes on Colab to get the course package: its release, not a branch."""
    return f"{PACKAGE} @ git+{repository_url()}.git@{release_tag()}"


def setup_cell_source(arguments: Mapping[str, object] | None = None) -> str:
    """The first code cell of every notebook: works locally, on Binder and on Colab.

    `arguments` are keyword arguments of `utils.env.setup`, for a notebook that needs other
    than its defaults (`# %% setup seed=7` in the script); usually there are none.

    >>> setup_cell_source({"seed": 7}).splitlines()[-1]
    'run = env.setup(seed=7)  # seeds, device, threads, plot style; prints where this notebook runs'
    """
    call = ", ".join(f"{name}={value!r}" for name, value in (arguments or {}).items())
    return f'''\
# Setup: run this cell first. Locally and on Binder the course package `utils` is installed;
# on Colab (or any Python without it) this cell installs it from the course repository, at the
# release this notebook belongs to ({release_tag()}).
try:
    from utils import env, checks
except ImportError:
    import importlib, os, subprocess, sys
    source = os.environ.get("COURSE_PACKAGE", "{package_source()}")
    print("Installing the course package (about a minute)...")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", source], check=True)
    importlib.invalidate_caches()
    sys.modules.pop("utils", None)
    from utils import env, checks

run = env.setup({call})  # seeds, device, threads, plot style; prints where this notebook runs'''
