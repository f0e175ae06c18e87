"""The website's building blocks (tools/site/), fast: no Sphinx, no notebook run.

The whole build, its pages and a real browser are tests/test_site.py's (slow).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from tests.notebooks import IDS, between, read, solution_path, text_outside_hidden_tests
from tools.course import website_line
from tools.layout import README, ROOT, notebook_name
from tools.site import executed, links, pages
from tools.templates import github_slug, website_url


# --- the internal link check -------------------------------------------------------------------------

def _site(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_link_check_finds_missing_pages_anchors_and_pictures(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="lessons/a.html#intro">ok</a> <a href="lessons/a.html#nowhere">x</a>'
                      '<a href="lessons/gone.html">x</a> <img src="_images/there.png">'
                      '<img src="_images/missing.png"> <a href="#top" id="top">self</a>'
                      '<a href="https://example.org/elsewhere.html">not followed</a>',
        "lessons/a.html": '<h1 id="intro">A</h1> <a href="../index.html">home</a> <a href="..">up</a>',
        "_images/there.png": "png",
    })
    assert links.broken_links(site) == [
        "index.html: lessons/a.html#nowhere (no element with that id)",
        "index.html: lessons/gone.html",
        "index.html: _images/missing.png",
    ]


def test_the_link_check_finds_what_a_page_would_load_from_another_site(tmp_path):
    site = _site(tmp_path, {"index.html":
        '<script src="https://cdn.example.org/mathjax.js"></script>'
        '<link rel="stylesheet" href="https://fonts.example.org/font.css">'
        '<link rel="canonical" href="https://example.org/">'
        '<a href="https://colab.research.google.com/x">a link is not a load</a>'
        '<img src="https://badges.example.org/b.svg">'})
    assert links.external_resources(site) == [
        "index.html: <script> https://cdn.example.org/mathjax.js",
        "index.html: <link> https://fonts.example.org/font.css",
        "index.html: <img> https://badges.example.org/b.svg",
    ]


# --- the pages ---------------------------------------------------------------------------------------

def test_links_of_the_guides_point_at_pages_or_at_the_repository():
    markdown = ("[hub](jupyterhub.md#checking-a-hub) [script](../tools/course.py) "
                "[a lesson](../course/04-neural-networks/04-neural-networks.ipynb) "
                "[readme](../README.md) [web](https://example.org) [here](#top) [dir](../deploy)")
    rewritten = pages.rewrite_links(markdown, "docs/instructor.md", "guides/instructor.md")
    assert rewritten == (
        "[hub](../guides/jupyterhub.md#checking-a-hub) "
        f"[script](https://github.com/{github_slug()}/blob/main/tools/course.py) "
        "[a lesson](../lessons/04-neural-networks.ipynb) [readme](../index.md) "
        f"[web](https://example.org) [here](#top) [dir](https://github.com/{github_slug()}/tree/main/deploy)")
    with pytest.raises(LookupError, match="does not exist"):
        pages.rewrite_links("[old](../docs/gone.md)", "docs/instructor.md", "guides/instructor.md")


def test_the_home_page_takes_the_readmes_sections_and_fails_when_one_is_renamed():
    home = pages.home_page(solutions=True)
    readme = README.read_text(encoding="utf-8")
    for section in pages.README_SECTIONS:
        assert f"## {section}" in home
    assert "make lab" in home and "make test" in home
    assert all(f"lessons/{notebook_name(notebook_id)}" in home for notebook_id in IDS)
    assert all(f"solutions/{notebook_name(notebook_id)}" in home for notebook_id in IDS)
    assert "solutions/" not in pages.syllabus_table(solutions=False)
    with pytest.raises(LookupError, match="rename it here too"):
        pages.readme_section("A section that is not there", readme)


def test_the_readme_names_the_website_once_derived_from_the_repository_url():
    readme = README.read_text(encoding="utf-8")
    assert website_line() in readme and readme.count(website_url()) == 1
    assert website_url() == f"https://{github_slug().split('/')[0].lower()}.github.io/{github_slug().split('/')[1]}/"
    assert "make site" in readme


def _fake_run(notebook_id: str) -> nbformat.NotebookNode:
    """The solution notebook as if it had run: each code cell printed its own id."""
    run = read(solution_path(notebook_id))
    for cell in run.cells:
        if cell.cell_type == "code":
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"ran {cell.id}\n")]
            cell.execution_count = 1
    return run


@pytest.mark.parametrize("notebook_id", ["04-neural-networks", "11-beyond"])
def test_a_lesson_page_is_the_student_notebook_with_outputs_outside_its_exercises(notebook_id):
    page = pages.lesson_page(notebook_id, _fake_run(notebook_id))
    code = [cell for cell in page.cells if cell.cell_type == "code"]
    exercises = [cell for cell in code if pages.is_exercise(cell)]
    assert exercises and all(cell.outputs == [] for cell in exercises)
    assert all(cell.outputs[0].text == f"ran {cell.id}\n" for cell in code if cell not in exercises)
    assert "NotImplementedError" in " ".join(cell.source for cell in exercises)
    assert "### BEGIN" not in " ".join(cell.source for cell in page.cells)
    assert "colab-badge.svg" not in page.cells[0].source + page.cells[1].source
    written = [cell for cell in page.cells if cell.cell_type == "markdown" and pages.is_exercise(cell)]
    assert written and all("YOUR ANSWER HERE" in cell.source and "Your written answer" in cell.source
                           for cell in written)


@pytest.mark.parametrize("notebook_id", ["02-supervised", "09-interpretability"])
def test_a_solution_page_has_the_answers_without_hidden_tests_or_markers(notebook_id):
    solution = read(solution_path(notebook_id))
    page = pages.solution_page(notebook_id, _fake_run(notebook_id))
    text = "\n".join(cell.source for cell in page.cells)
    assert "### BEGIN" not in text and "### END" not in text
    shown = text_outside_hidden_tests(notebook_id)
    hidden = [line for cell in solution.cells
              for line in between(cell.source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
              if " ".join(line.split()) not in shown]
    assert hidden and [line for line in hidden if line in text] == []
    assert page.cells[0].source.startswith("# Worked solution · ")
    tests = [cell for cell in page.cells if pages.nbgrader(cell).get("grade")
             and not pages.nbgrader(cell).get("solution")]
    assert tests and all(cell.outputs == [] for cell in tests)  # they ran with the hidden tests


def test_a_run_older_than_the_notebook_is_refused_with_what_to_do():
    run = _fake_run("00-start")
    run.cells = run.cells[:3]
    with pytest.raises(LookupError, match="delete build/site/executed"):
        pages.lesson_page("00-start", run)


def _widget(model_id: str, name: str, **state) -> dict:
    return {model_id: {"model_name": name, "state": state}}


def test_widgets_become_what_a_page_without_widgets_can_show():
    figure = {"output_type": "display_data", "data": {"image/png": "iVBO"}, "metadata": {}}
    state = {**_widget("bar", "HBoxModel", children=["IPY_MODEL_l", "IPY_MODEL_p", "IPY_MODEL_r"]),
             **_widget("l", "HTMLModel", value="epoch:\u2007100%"),
             **_widget("p", "FloatProgressModel", value=30.0, max=30.0),
             **_widget("r", "HTMLModel", value="\u200730/30\u2007[00:01&lt;00:00]"),
             **_widget("ui", "VBoxModel", children=["IPY_MODEL_s", "IPY_MODEL_o"],
                       _dom_classes=["widget-interact"]),
             **_widget("s", "IntSliderModel", value=3),
             **_widget("o", "OutputModel", outputs=[figure])}

    def view(model_id: str) -> nbformat.NotebookNode:
        return nbformat.v4.new_output("display_data", data={
            pages.WIDGET_VIEW: {"model_id": model_id, "version_major": 2, "version_minor": 0},
            "text/plain": "interactive(children=...)"})

    text = nbformat.v4.new_output("stream", name="stdout", text="trained\n")
    shown = pages.static_outputs([view("bar"), text, view("ui"), view("unknown")], state)
    assert shown[0] == text  # the progress bar is left out
    assert "Interactive figure" in shown[1].data["text/html"] and shown[2].data == figure["data"]
    assert "Interactive figure" in shown[3].data["text/html"] and len(shown) == 4


def test_figures_get_alternative_text_from_their_code_or_their_section():
    assert pages.figure_alt('ax.set_title("Loss per epoch")\nplt.show()', "Training") == \
        "Figure: Loss per epoch (section: Training)"
    assert pages.figure_alt('ax.set_title(f"depth {d}")\nax.set_title("Depth")', "Trees") == \
        "Figure: Depth (section: Trees)"
    assert pages.figure_alt('ax.set_xlabel("epoch"); ax.set_ylabel("loss")', "Fit") == \
        "Figure: loss against epoch (section: Fit)"
    assert pages.figure_alt('plt.plot(x)', "Trees", number=3) == "Figure 3 of the section: Trees"


# --- the kept runs --------------------------------------------------------------------------------------

def test_a_kept_run_is_current_until_its_notebook_or_utils_changes(tmp_path, monkeypatch):
    notebook = _fake_run("00-start")
    executed.store("00-start", notebook, "a test", folder=tmp_path)
    assert executed.is_current("00-start", tmp_path)
    assert executed.load("00-start", tmp_path).metadata[executed.STAMP_KEY]["ran"] == "a test"
    assert executed.execute(["00-start"], tmp_path, log=print) == []  # nothing to run again
    assert not executed.is_current("01-ai-ml-dl", tmp_path)  # never ran
    monkeypatch.setattr(executed, "fingerprint", lambda notebook_id: "utils changed since")
    assert not executed.is_current("00-start", tmp_path)


def test_the_github_pages_workflow_builds_with_make_site_and_publishes_the_html():
    workflow = (ROOT / ".github" / "workflows" / "website.yml").read_text(encoding="utf-8")
    assert "run: make site" in workflow
    assert "path: build/site/html" in workflow and "actions/deploy-pages" in workflow
    from tools.site.build import HTML

    assert HTML == ROOT / "build" / "site" / "html"
