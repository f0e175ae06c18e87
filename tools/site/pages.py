"""The website's pages, assembled from the course's own files into build/site/src/.

    index.md                 home: what the course is, who it is for, the syllabus, how to run it
                             (the README's own sections, so the two never disagree)
    lessons/ID.ipynb         the student notebook (course/) with the run's outputs in its
                             demonstration cells; exercises as the learner gets them, no outputs
    solutions/ID.ipynb       the worked solution with its outputs, hidden tests removed (optional)
    guides/*.md, benchmarks/*.md   docs/ and benchmarks/, links rewritten for the site

Nothing on a page loads from another site: the Colab/Binder badges become text links, and each
ipywidgets output (which needs a widget manager from a CDN) becomes its static form: a tqdm bar
nothing, an interactive a note and its first figure (the notebook's still pictures follow).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path, PurePosixPath

import nbformat
from nbformat import NotebookNode

from tools import course
from tools.course import BADGES_TAG, write_notebook
from tools.layout import (README, ROOT, link, notebook_ids, notebook_name, solution_notebook,
                          student_notebook)
from tools.syllabus import SYLLABUS
from tools.templates import BRANCH, repository_url

WEBSITE = ROOT / "website"
LESSONS, SOLUTIONS, GUIDES, BENCHMARKS = "lessons", "solutions", "guides", "benchmarks"
#: The Markdown pages of the repository that the website shows: repository path -> page path.
MARKDOWN_PAGES = {
    "docs/instructor.md": f"{GUIDES}/instructor.md",
    "docs/jupyterhub.md": f"{GUIDES}/jupyterhub.md",
    "docs/authoring.md": f"{GUIDES}/authoring.md",
    "benchmarks/notebooks.md": f"{BENCHMARKS}/notebooks.md",
    "benchmarks/suite.md": f"{BENCHMARKS}/suite.md",
    "benchmarks/minimum-versions.md": f"{BENCHMARKS}/minimum-versions.md",
}
#: The README's sections that the home page shows, in this order.
README_SECTIONS = ["Two commands", "How the exercises work"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
INTERACTIVE_NOTE = (
    '<p class="course-widget-note"><strong>Interactive figure.</strong> In the notebook, controls '
    "here redraw the figure as you move them. They need a running Python: open this notebook on "
    "Colab or Binder (links at the top) or in JupyterLab. Below: the figure as the notebook first "
    "draws it, then the notebook's still pictures of the same story at a few settings.</p>")
LESSON_BANNER = (
    "```{note}\nThis page is the notebook as you get it, with the outputs of one run of its worked "
    "solution, top to bottom, in a fresh session on the machine that built this website (its setup "
    "cell says what that machine was): your own numbers may differ a little. Exercise cells show no "
    "output. To run the notebook and do the exercises, open it on Colab or Binder (the links just "
    "below) or on your computer with `make lab`.\n```")
SOLUTION_BANNER = (
    "```{admonition} Worked solution\n:class: warning\n"
    "This page shows the answers. Try the exercises in the [lesson](../{lessons}/{id}) first: "
    "the tests in each exercise tell you what to check, and the hints nudge you along.\n```")
# A written answer's cell, as nbgrader's stub leaves it, marked as the learner's space.
WRITTEN_ANSWER = ("```{{admonition}} Your written answer\n:class: tip\n{stub} — in the notebook, this "
                  "cell is yours: write your answer here (a person grades it).\n```")
BADGE = re.compile(r"\[!\[([^\]]*)\]\([^)]*\)\]\(([^)]*)\)")
BADGES = re.compile(rf"{BADGE.pattern}(?:[ \t]+{BADGE.pattern})*")
MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(([^)\s]+)\)")
HIDDEN_TESTS = re.compile(r"^[ \t]*#*[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[ \t]*\n?",
                          re.DOTALL | re.MULTILINE)
SOLUTION_MARKER = re.compile(r"^[ \t]*#*[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.MULTILINE)


# --- notebooks --------------------------------------------------------------------------------------

def nbgrader(cell: NotebookNode) -> dict:
    return cell.metadata.get("nbgrader", {})


def is_exercise(cell: NotebookNode) -> bool:
    """An answer cell or an autograded tests cell: the learner runs it, the lesson shows no output."""
    meta = nbgrader(cell)
    return bool(meta.get("solution") or meta.get("grade"))


def lesson_page(notebook_id: str, run: NotebookNode) -> NotebookNode:
    """The student notebook with the outputs of `run` in every cell but the exercises'."""
    page = nbformat.read(student_notebook(notebook_id), as_version=4)
    _fill_outputs(page, run, notebook_id, keep=lambda cell: not is_exercise(cell))
    _text_badges(page)
    _above_the_links(page, LESSON_BANNER)
    for cell in page.cells:
        if cell.cell_type == "markdown" and nbgrader(cell).get("solution"):
            cell.source = WRITTEN_ANSWER.format(stub=cell.source.strip())
    return page


def _above_the_links(page: NotebookNode, markdown: str) -> None:
    """Put `markdown` just above the Colab and Binder links (the build's `badges` cell)."""
    badges = next((cell for cell in page.cells if BADGES_TAG in cell.metadata.get("tags", [])), None)
    if badges is None:
        raise LookupError(f"the notebook has no cell tagged {BADGES_TAG!r} (tools/course.py adds it)")
    badges.source = f"{markdown}\n\n{badges.source}"


def solution_page(notebook_id: str, run: NotebookNode) -> NotebookNode:
    """The worked solution with the outputs of `run`: hidden tests and nbgrader's markers removed."""
    page = nbformat.read(solution_notebook(notebook_id), as_version=4)
    for cell in page.cells:
        cell.source = SOLUTION_MARKER.sub("", HIDDEN_TESTS.sub("", cell.source))
    # A tests cell's outputs come from a run that had the hidden tests in it: not shown.
    _fill_outputs(page, run, notebook_id, keep=lambda cell: not nbgrader(cell).get("grade")
                  or nbgrader(cell).get("solution"))
    _text_badges(page)
    # Searching the website finds the lessons; answers only by following the solutions' section.
    page.metadata["nosearch"] = True
    page.cells[0].source = page.cells[0].source.replace("# ", "# Worked solution · ", 1)
    _above_the_links(page, SOLUTION_BANNER.replace("{lessons}", LESSONS).replace("{id}", notebook_id))
    return page


def _fill_outputs(page: NotebookNode, run: NotebookNode, notebook_id: str, keep) -> None:
    ran = {cell.id: cell for cell in run.cells}
    state = run.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    heading, number, alts = "", 0, set()
    for cell in page.cells:
        if cell.cell_type == "markdown":
            if _last_heading(cell.source):
                heading, number = _last_heading(cell.source), 0
            continue
        if cell.cell_type != "code":
            continue
        if cell.id not in ran:
            raise LookupError(f"the run of {notebook_id} has no cell {cell.id}: it is older than "
                              "the notebook; delete build/site/executed/ and build again")
        if keep(cell):
            cell.outputs = static_outputs(ran[cell.id].outputs, state)
            cell.execution_count = ran[cell.id].execution_count
            if any("image/png" in output.get("data", {}) for output in cell.outputs):
                number += 1
                alt = figure_alt(cell.source, heading, number)
                alt = alt if alt not in alts else f"{alt} (figure {number} of the section)"
                alts.add(alt)
                cell.metadata.setdefault("mystnb", {})["image"] = {"alt": alt}
        else:
            cell.outputs, cell.execution_count = [], None
    page.metadata.pop("widgets", None)


HEADING = re.compile(r"^#{1,6} +(.+?) *$", re.MULTILINE)
def _last_heading(markdown: str) -> str | None:
    found = HEADING.findall(markdown)
    return re.sub(r"[*_`]", "", found[-1]) if found else None


def _literal(code: str, names: tuple[str, ...]) -> str | None:
    """The first plain string literal the code passes as `name(...)` or `name=...`."""
    for name in names:
        for match in re.finditer(rf"""\b{name}(?:\(\s*|\s*=\s*)f?(["'])(.+?)\1""", code):
            if "{" not in match.group(2):
                return match.group(2)
    return None


def figure_alt(code: str, heading: str, number: int = 1) -> str:
    """Alternative text for the figures of a code cell (the notebook has none): the title the
    code gives them, or what they plot against what, and the section they belong to.

    >>> figure_alt('fig.suptitle("Accuracy per seed")', "Three seeds")
    'Figure: Accuracy per seed (section: Three seeds)'
    >>> figure_alt('ax.set(xlabel="epoch", ylabel="loss")', "Training")
    'Figure: loss against epoch (section: Training)'
    >>> figure_alt('ax.set_title(f"depth {d}")', "Trees", number=2)
    'Figure 2 of the section: Trees'
    """
    title = _literal(code, ("suptitle", "set_title", "title"))
    x, y = _literal(code, ("set_xlabel", "xlabel")), _literal(code, ("set_ylabel", "ylabel"))
    what = title or (f"{y} against {x}" if x and y else None)
    if what:
        return f"Figure: {what} (section: {heading})"
    return f"Figure {number} of the section: {heading}"


def _text_badges(page: NotebookNode) -> None:
    """The Colab and Binder badges (pictures from those sites) as plain links."""
    def as_links(badges: re.Match) -> str:
        return " · ".join(f"[{text}]({url})" for text, url in BADGE.findall(badges.group(0)))

    for cell in page.cells:
        if cell.cell_type == "markdown":
            cell.source = BADGES.sub(as_links, cell.source)


def static_outputs(outputs: list[NotebookNode], state: dict) -> list[NotebookNode]:
    """The outputs with each ipywidgets view replaced by what a page without widgets can show."""
    shown = []
    for output in outputs:
        view = output.get("data", {}).get(WIDGET_VIEW)
        if view is None:
            shown.append(output)
            continue
        model = state.get(view["model_id"], {})
        if _is_progress_bar(model, state):
            # A finished run's progress bar says nothing, and its last synchronised state is often
            # not its last (99%, 1971/2000): left out.
            continue
        shown.append(nbformat.v4.new_output("display_data", data={"text/html": INTERACTIVE_NOTE}))
        for child in _children(model, state):
            if child.get("model_name") == "OutputModel":
                shown += [nbformat.from_dict(o) for o in child["state"].get("outputs", [])]
    return shown


def _children(model: dict, state: dict) -> list[dict]:
    return [state.get(ref.removeprefix("IPY_MODEL_"), {})
            for ref in model.get("state", {}).get("children", [])]


def _is_progress_bar(model: dict, state: dict) -> bool:
    """Whether a widget is a tqdm bar (a box of text, a progress bar, text)."""
    names = [part.get("model_name") for part in _children(model, state)]
    return names in (["HTMLModel", "FloatProgressModel", "HTMLModel"],
                     ["HTMLModel", "IntProgressModel", "HTMLModel"])


# --- Markdown pages ---------------------------------------------------------------------------------

def page_of(repository_path: str) -> str | None:
    """The site page that shows a repository file, if any."""
    if repository_path == "README.md":
        return "index.md"
    if repository_path in MARKDOWN_PAGES:
        return MARKDOWN_PAGES[repository_path]
    for notebook_id in notebook_ids():
        if repository_path == link(student_notebook(notebook_id)):
            return f"{LESSONS}/{notebook_name(notebook_id)}"
    return None


def rewrite_links(markdown: str, repository_path: str, page_path: str) -> str:
    """Relative links of a repository Markdown file, made right on its site page: to the page
    that shows the target, or else to the file on the repository's site (which must exist)."""
    here = PurePosixPath(repository_path).parent

    def rewrite(match: re.Match) -> str:
        text, target = match.groups()
        if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
            return match.group(0)
        path, _, anchor = target.partition("#")
        resolved = _normalise(here / path)
        page = page_of(resolved)
        if page is not None and text.strip("`") in (path, PurePosixPath(path).name, resolved):
            text = _title(resolved)  # a file name as a link's text: the page's title instead
        if page is None:
            if not (ROOT / resolved).exists():
                raise LookupError(f"{repository_path} links to {target}, which does not exist")
            kind = "tree" if (ROOT / resolved).is_dir() else "blob"
            new = f"{repository_url()}/{kind}/{BRANCH}/{resolved}"
        else:
            new = _relative(page, page_path)
        return f"[{text}]({new}{'#' + anchor if anchor else ''})"

    return MARKDOWN_LINK.sub(rewrite, markdown)


def _title(repository_path: str) -> str:
    """The title of the page that shows a repository file (its first `# ` heading)."""
    if repository_path.endswith(".md"):
        found = HEADING.search((ROOT / repository_path).read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    return PurePosixPath(repository_path).name


def _normalise(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                raise ValueError(f"a link leaves the repository: {path}")
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _relative(target_page: str, from_page: str) -> str:
    up = len(PurePosixPath(from_page).parts) - 1
    return "../" * up + target_page


def readme_section(title: str, readme: str) -> str:
    """A `## title` section of the README, to the next `## ` heading."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", readme, re.DOTALL | re.MULTILINE)
    if match is None:
        raise LookupError(f"the README has no section '## {title}' (tools/site/pages.py shows it "
                          "on the home page): rename it here too")
    return f"## {title}\n{match.group(1).rstrip()}\n"


def get_the_course() -> str:
    """How to get the course onto a computer (the README's readers already have it)."""
    name = repository_url().rsplit("/", 1)[-1]
    return ("## Get the course\n\nNothing to install to read it here, or to run a lesson on Colab or "
            "Binder (the syllabus below links each). To work on your own computer:\n\n"
            f"```bash\ngit clone {repository_url()}.git\ncd {name}\n```\n")


def readme_introduction(readme: str) -> str:
    """The README's paragraphs between its title and its first section."""
    return readme.split("\n## ", 1)[0].split("\n", 1)[1].strip() + "\n"


def syllabus_table(solutions: bool) -> str:
    """The README's syllabus table, linking each lesson's page (and worked solution)."""
    return course.syllabus_table(
        set(notebook_ids()), page=lambda notebook_id: f"{LESSONS}/{notebook_name(notebook_id)}",
        solution=(lambda notebook_id: f"{SOLUTIONS}/{notebook_name(notebook_id)}") if solutions
        else None) + "\n"


def toctree(caption: str, entries: list[str], hidden: bool = True) -> str:
    options = f":caption: {caption}\n" + (":hidden:\n" if hidden else "")
    return "```{toctree}\n" + options + "\n" + "\n".join(entries) + "\n```\n"


def home_page(solutions: bool) -> str:
    readme = README.read_text(encoding="utf-8")

    def from_readme(markdown: str) -> str:
        return rewrite_links(markdown, "README.md", "index.md")

    two_commands, *other_sections = README_SECTIONS
    parts = [readme.splitlines()[0], "", from_readme(readme_introduction(readme)),
             (WEBSITE / "who-it-is-for.md").read_text(encoding="utf-8"),
             get_the_course(), from_readme(readme_section(two_commands, readme)),
             "## Syllabus\n", "Read each lesson here with the figures and results of a real run; "
             "open it on Colab or Binder to run it and do its exercises yourself.\n",
             syllabus_table(solutions)]
    parts += [from_readme(readme_section(section, readme)) for section in other_sections]
    parts.append("## Guides\n\n" + "\n".join([
        f"- [Teaching with nbgrader]({MARKDOWN_PAGES['docs/instructor.md']}): a graded classroom "
        "on one server",
        f"- [On JupyterHub]({MARKDOWN_PAGES['docs/jupyterhub.md']}): the course on a shared hub",
        f"- [Authoring]({MARKDOWN_PAGES['docs/authoring.md']}): how a notebook is written, built "
        "and tested",
        f"- [Benchmarks]({MARKDOWN_PAGES['benchmarks/notebooks.md']}): time and memory of every "
        "notebook",
    ]) + "\n")
    markdown = "\n".join(parts)
    ids = [lesson.id for lesson in SYLLABUS]
    markdown += "\n" + toctree("Lessons", [f"{LESSONS}/{notebook_id}" for notebook_id in ids])
    markdown += toctree("Guides", [page.removesuffix(".md") for page in MARKDOWN_PAGES.values()])
    if solutions:  # last, so that "next" from the last lesson does not lead into the answers
        markdown += toctree("Worked solutions (self-study)", [f"{SOLUTIONS}/index"])
    return markdown


def solutions_index() -> str:
    return ("# Worked solutions\n\n"
            "Every notebook with its exercises answered and its outputs, for self-study: check your "
            "own answers after you have tried them. An instructor who grades the course builds the "
            "website without this section (`make site SITE_ARGS=--no-solutions`).\n\n"
            + toctree("Worked solutions", [lesson.id for lesson in SYLLABUS], hidden=False))


# --- the whole source -------------------------------------------------------------------------------

def assemble(src: Path, runs: dict[str, NotebookNode], solutions: bool, mathjax: Path) -> None:
    """Write the site's source into `src` (emptied first)."""
    if src.exists():
        shutil.rmtree(src)
    shutil.copytree(WEBSITE, src, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(mathjax, src / "_static" / "mathjax")
    (src / "site.json").write_text(json.dumps({"repository_url": repository_url()}),
                                   encoding="utf-8")
    (src / "index.md").write_text(home_page(solutions), encoding="utf-8")
    for notebook_id, run in runs.items():
        write_notebook(lesson_page(notebook_id, run), src / LESSONS / notebook_name(notebook_id))
        if solutions:
            write_notebook(solution_page(notebook_id, run), src / SOLUTIONS / notebook_name(notebook_id))
    if solutions:
        (src / SOLUTIONS / "index.md").write_text(solutions_index(), encoding="utf-8")
    for repository_path, page_path in MARKDOWN_PAGES.items():
        text = (ROOT / repository_path).read_text(encoding="utf-8")
        (src / page_path).parent.mkdir(parents=True, exist_ok=True)
        (src / page_path).write_text(rewrite_links(text, repository_path, page_path), encoding="utf-8")
