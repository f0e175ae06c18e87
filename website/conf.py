"""Sphinx configuration of the course website.

`python -m tools.site` (`make site`) copies this folder into build/site/src/, writes the pages
beside it and a `site.json` with the repository's URL (from pyproject.toml), then runs Sphinx with
warnings as errors. Everything a page loads is served
from the site itself: MathJax 3 from the `sphinx-mathjax-offline` package, no CDN.
"""

from __future__ import annotations

import json
from pathlib import Path

SITE = json.loads((Path(__file__).parent / "site.json").read_text(encoding="utf-8"))

project = "Machine Learning vs Deep Learning"
html_title = "Machine Learning vs Deep Learning — a hands-on course"
author = "the course authors"
copyright = "the course authors, MIT licence"

# githubpages: a .nojekyll file, so that GitHub Pages serves the _static/ folder.
extensions = ["myst_nb", "sphinx.ext.githubpages"]
# who-it-is-for.md is a part of the home page (tools/site/pages.py), not a page of its own.
exclude_patterns = ["site.json", "who-it-is-for.md", "**/.ipynb_checkpoints"]

# The pages' notebooks already carry the outputs of one run (tools/site/executed.py).
nb_execution_mode = "off"
# The widgets' state is not kept: each is replaced by its static form (tools/site/pages.py), and
# no page loads the widget manager from a CDN.
nb_ipywidgets_js = {}
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3

html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_favicon = "_static/favicon.svg"
html_theme_options = {
    "repository_url": SITE["repository_url"],
    "use_repository_button": True,
    # A page's notebook is opened on Colab or Binder (its links at the top), not downloaded here.
    "use_download_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
html_last_updated_fmt = None
html_show_sourcelink = False
html_copy_source = False

# MathJax 3.2, copied by tools.site from the sphinx-mathjax-offline package into _static/mathjax/
# (the package's own Sphinx extension is not used: it would make Sphinx read the pages serially).
mathjax_path = "mathjax/tex-chtml.js"
