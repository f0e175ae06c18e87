"""The course website: every notebook readable with its outputs, built offline by `make site`.

    python -m tools.site                  # build/site/html (lessons, guides, worked solutions)
    python -m tools.site --no-solutions   # an instructor's site: no worked-solutions section

Sphinx + myst-nb + sphinx-book-theme, fully offline (MathJax comes from a pip package, nothing
from a CDN). The modules, one concern each:

- `executed`: the outputs. Each solution notebook runs once (nbclient, two at a time) and is kept
  in build/site/executed/ with a stamp of what it ran; the test suite stores its solved autograde
  there instead (tests/test_grading.py), so the site costs the suite no execution of its own.
- `pages`: the site's source, assembled in build/site/src/: a lesson page per notebook (the
  student version from course/, with the outputs of the run in its demonstration cells and its
  exercises as the learner gets them), a worked-solution page per notebook (hidden tests
  removed), the home page and syllabus, and the guides of docs/ and benchmarks/.
- `links`: the internal link check of the built HTML.
- `build`: runs Sphinx, warnings as errors.
"""
