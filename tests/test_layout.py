"""One owner for where notebooks live: tools/layout.py, and nothing else spells it out."""

from __future__ import annotations

import doctest
import re
import subprocess

from traitlets.config import Config

from tools import layout, templates

# What writing the layout by hand looks like: a notebook file name built from an id, a path
# joined to the notebooks' folders, a second repository root.
SPELLED_OUT = {
    "a notebook file name built from an id (use tools.layout)": re.compile(r"\{[^{}\n]*\}\.ipynb"),
    "a path joined to solutions/ or course/ (use tools.layout)":
        re.compile(r"""/\s*["'](solutions|course)["']"""),
    "a second ROOT (import tools.layout.ROOT)": re.compile(r"^\s*ROOT\s*=", re.MULTILINE),
    "a root found from __file__ (import tools.layout.ROOT)":
        re.compile(r"__file__\)?[^\n]*\.parent\.parent"),
}
NOT_CODE_OF_THE_COURSE = ("solutions/", ".venv/", ".tools/", "build/", "workspace/", "test-output/")


def _python_files() -> list[str]:
    """The repository's Python files (tracked, or new and not ignored), relative to ROOT."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
                            cwd=layout.ROOT, capture_output=True, text=True)
    if listed.returncode == 0 and listed.stdout.strip():
        names = listed.stdout.split()
    else:  # not a git checkout (an unpacked archive)
        names = [p.relative_to(layout.ROOT).as_posix() for p in layout.ROOT.rglob("*.py")]
    return sorted(n for n in names if not n.startswith(NOT_CODE_OF_THE_COURSE)
                  and (layout.ROOT / n).is_file())


def test_only_the_layout_module_spells_out_where_notebooks_live():
    found = []
    for name in _python_files():
        if name == "tools/layout.py":
            continue
        text = (layout.ROOT / name).read_text(encoding="utf-8")
        for what, pattern in SPELLED_OUT.items():
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{name}:{line}: {what}: {match.group(0)!r}")
    assert "tests/test_layout.py" in _python_files(), "the scan must see the test files"
    assert not found, "\n".join(found)


def test_the_layout_is_the_one_nbgrader_is_configured_with():
    config = Config()
    exec((layout.ROOT / "nbgrader_config.py").read_text(), {"get_config": lambda: config})
    assert config.CourseDirectory.source_directory == layout.SOLUTIONS_FOLDER
    assert config.CourseDirectory.release_directory == layout.COURSE_FOLDER


def test_the_layout_names_every_notebook_and_its_two_versions():
    ids = layout.notebook_ids()
    assert ids and ids == sorted(ids)
    for notebook_id in ids:
        assert layout.source_script(notebook_id).is_file()
        assert layout.solution_notebook(notebook_id).parent == layout.source_script(notebook_id).parent
        assert layout.link(layout.student_notebook(notebook_id)) in templates.colab_url(notebook_id)


def test_the_layout_doctests_run():
    for module in (layout, templates):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed, module.__name__
