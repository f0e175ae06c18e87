"""Build the website: the notebooks' runs, the pages, Sphinx (warnings as errors), the link check."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

from tools.layout import ROOT, notebook_ids
from tools.site import executed, links, pages

SITE = ROOT / "build" / "site"
SRC = SITE / "src"
HTML = SITE / "html"


class SiteError(RuntimeError):
    """The website did not build, or built with a broken link or a resource from another site."""


class Built(NamedTuple):
    """What a build made: the home page, and the notebooks it had to run first."""

    home: Path
    executed: list[str]


def mathjax_folder() -> Path:
    """MathJax 3's files, from the `sphinx-mathjax-offline` package (the `site` extra)."""
    missing = [name for name in ("sphinx", "myst_nb", "sphinx_book_theme", "sphinx-mathjax-offline")
               if importlib.util.find_spec(name) is None]
    if missing:
        raise SiteError(f"the website needs the `site` extra ({', '.join(missing)} missing): "
                        "pip install -e '.[site]' (make site installs it)")
    package = importlib.util.find_spec("sphinx-mathjax-offline").submodule_search_locations[0]
    return Path(package) / "static" / "mathjax"


def build(solutions: bool = True, executed_folder: Path = executed.EXECUTED,
          src: Path = SRC, out: Path = HTML, log=print) -> Built:
    """Build the whole website into `out` (the notebooks' runs kept in `executed_folder`, run
    there first where missing or stale); raise SiteError on any warning or broken link."""
    mathjax = mathjax_folder()
    ids = notebook_ids()
    start = time.perf_counter()
    ran = executed.execute(ids, executed_folder, log=log)
    log(f"notebooks executed: {', '.join(ran) or 'none (every kept run is current)'} "
        f"({time.perf_counter() - start:.0f} s)")
    runs = {notebook_id: executed.load(notebook_id, executed_folder) for notebook_id in ids}
    pages.assemble(src, runs, solutions, mathjax)
    shutil.rmtree(out, ignore_errors=True)  # no page or file of an earlier build left behind
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-E", "-W", "--keep-going", "-q",
         "-j", "2", str(src), str(out)], cwd=ROOT, capture_output=True, text=True)
    log(f"Sphinx: {time.perf_counter() - start:.0f} s")
    if result.returncode != 0:
        raise SiteError(f"Sphinx failed (warnings count as errors):\n{result.stderr[-6000:]}")
    broken = links.broken_links(out)
    if broken:
        raise SiteError("broken internal links:\n" + "\n".join(broken[:50]))
    external = links.external_resources(out)
    if external:
        raise SiteError("pages load from other sites (the website must work offline):\n"
                        + "\n".join(external[:50]))
    return Built(out / "index.html", ran)
