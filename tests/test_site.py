"""The course website (`make site`, tools/site/): built offline, warnings as errors, from the
runs the suite already made, then read in a real browser with no network beyond loopback.

1. The build. The solved autograde (tests/test_grading.py, earlier in the session) keeps every
   graded notebook, with its figures, in build/site/executed/; the build here reuses them, so
   the website costs the suite no notebook execution (one it finds missing, e.g. when this file
   runs alone, it executes and the session's count shows it). Sphinx fails on any warning;
   the build then checks every internal link and that no page loads anything from another site.
2. What the pages show. No answer and no hidden test of a worked solution appears on a lesson
   page; no hidden test on a solution page; each interactive's static form is there; an
   instructor's build (`--no-solutions`) has no solutions at all.
3. In Chromium (Debian's, driven by Playwright): the home page and two lesson pages load their
   figures, math is typeset by the site's own MathJax, the search finds a lesson, and no request
   leaves the machine. Screenshots go to test-output/site/.
"""

from __future__ import annotations

import re
import threading
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests import executions
from tests.e2e import OUTPUT, chromium
from tests.notebooks import (IDS, between, course_path, has_interactive, read, solution_path,
                             text_outside_hidden_tests)
from tools.site import pages
from tools.site.build import HTML, build

pytestmark = pytest.mark.slow

SHOTS = OUTPUT / "site"
SECRET_MIN_LENGTH = 20  # shorter lines ("return x", "model.eval()") are not telling on their own
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(scope="module")
def site() -> Path:
    """The website, built once with the worked solutions (as `make site` does)."""
    built = build(log=lambda message: print(f"site: {message}"))
    for notebook_id in built.executed:
        executions.record(notebook_id, "website build")
    return HTML


class _Text(HTMLParser):
    """A page's visible text and code, without tags, scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style") and self._skip > 0

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join("".join(parser.parts).split())


def secret_lines(notebook_id: str, kinds: tuple[str, ...] = ("SOLUTION", "HIDDEN TESTS")) -> set[str]:
    """The lines of a worked solution that the student notebook does not have: the answers (code
    and written) and the hidden tests. Short lines are left out: they say nothing on their own."""
    student = " ".join(" ".join(cell.source.split()) for cell in read(course_path(notebook_id)).cells)
    lines = set()
    for cell in read(solution_path(notebook_id)).cells:
        for kind in kinds:
            lines |= {" ".join(line.split()) for line in
                      between(cell.source, f"### BEGIN {kind}", f"### END {kind}")}
    return {line for line in lines if len(line) >= SECRET_MIN_LENGTH and line not in student}


def lesson_html(site: Path, notebook_id: str) -> Path:
    return site / pages.LESSONS / f"{notebook_id}.html"


def solution_html(site: Path, notebook_id: str) -> Path:
    return site / pages.SOLUTIONS / f"{notebook_id}.html"


# --- what the pages show ---------------------------------------------------------------------------

@pytest.mark.parametrize("notebook_id", IDS)
def test_lesson_page_shows_no_solution_and_no_hidden_test(site, notebook_id):
    secrets = secret_lines(notebook_id)
    assert secrets, "the worked solution has no answer lines to look for: is the check still right?"
    text = page_text(lesson_html(site, notebook_id))
    leaked = sorted(line for line in secrets if line in text)
    assert leaked == [], f"the lesson page of {notebook_id} shows lines of its worked solution"


@pytest.mark.parametrize("notebook_id", IDS)
def test_solution_page_shows_the_answers_but_no_hidden_test(site, notebook_id):
    text = page_text(solution_html(site, notebook_id))
    answers = secret_lines(notebook_id, ("SOLUTION",))
    assert any(line in text for line in answers), "the worked solution page lacks its answers"
    shown = text_outside_hidden_tests(notebook_id)
    hidden = {line for line in secret_lines(notebook_id, ("HIDDEN TESTS",)) if line not in shown}
    leaked = sorted(line for line in hidden if line in text)
    assert leaked == [], f"the solution page of {notebook_id} shows hidden tests"
    assert "Worked solution" in text


@pytest.mark.parametrize("notebook_id", [nb for nb in IDS if has_interactive(nb)])
def test_an_interactive_shows_its_static_form(site, notebook_id):
    html = lesson_html(site, notebook_id).read_text(encoding="utf-8")
    assert "course-widget-note" in html
    assert "widget-view+json" not in html and "interactive(children=" not in html
    after = html.split("course-widget-note", 1)[1]
    assert "<img" in after, "no figure follows the interactive's note"


def test_lesson_pages_have_the_run_figures_and_described_pictures(site):
    for notebook_id in IDS:
        html = lesson_html(site, notebook_id).read_text(encoding="utf-8")
        images = re.findall(r"<img [^>]*>", html)
        if notebook_id != "00-start":
            assert len(images) >= 3, f"{notebook_id}: {len(images)} figures"
        for image in images:
            alt = re.search(r'alt="([^"]*)"', image)
            assert alt and alt.group(1) and not alt.group(1).endswith(".png"), image[:200]


def test_every_page_has_one_title_and_headings_that_go_down_one_level_at_a_time(site):
    for path in sorted(site.rglob("*.html")):
        if {"_static", "_sources"} & set(path.relative_to(site).parts) or path.name in (
                "search.html", "genindex.html"):
            continue
        article = path.read_text(encoding="utf-8").split('<article class="bd-article">', 1)[-1]
        levels = [int(level) for level in re.findall(r"<h([1-6])\b", article.split("</article>")[0])]
        assert levels and levels[0] == 1 and levels.count(1) == 1, f"{path.name}: {levels[:8]}"
        jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
        assert jumps == [], f"{path.relative_to(site)} skips heading levels: {jumps}"


def test_an_instructors_website_has_no_solutions(site, tmp_path):
    built = build(solutions=False, src=tmp_path / "src", out=tmp_path / "html", log=lambda _: None)
    assert built.executed == []  # the runs the first build used are current
    out = tmp_path / "html"
    assert not (out / pages.SOLUTIONS).exists()
    everything = " ".join(path.read_text(encoding="utf-8") for path in out.rglob("*.html")
                          if "_static" not in path.parts)
    links_to_solutions = re.findall(rf'href="(?!https?:)[^"]*{pages.SOLUTIONS}/[^"]*"', everything)
    assert links_to_solutions == []
    assert "Worked solution" not in everything


# --- in a real browser --------------------------------------------------------------------------------

class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def served(site):
    """The built website on a loopback port, as a static web server serves it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def watched(browser):
    """A page, and what it did: requests beyond loopback (refused) and errors in its scripts."""
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    seen = {"outside": [], "errors": []}

    def route(request_route):
        url = request_route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOOPBACK:
            seen["outside"].append(url)
            request_route.abort()
        else:
            request_route.continue_()

    page.route("**/*", route)
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    yield page, seen
    page.close()


FIGURES = """() => [...document.querySelectorAll('article img')].map(img =>
    ({src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0}))"""
MATH_DONE = """() => {
    const math = [...document.querySelectorAll('span.math, div.math')];
    const typeset = document.querySelectorAll('.MathJax, .MathJax_Display').length;
    const pending = math.filter(el => /\\\\\\(|\\\\\\[/.test(el.textContent)).length;
    return math.length > 0 && typeset > 0 && pending === 0 && !document.querySelector('.MathJax_Processing');
}"""


def _figures_load(page) -> int:
    page.evaluate("() => document.querySelectorAll('img').forEach(img => img.loading = 'eager')")
    page.wait_for_function("() => [...document.images].every(img => img.complete)", timeout=30_000)
    figures = page.evaluate(FIGURES)
    broken = [figure["src"] for figure in figures if not figure["loaded"]]
    assert broken == [], f"figures that did not load: {broken}"
    return len(figures)


def test_pages_work_in_a_browser_without_the_internet(served, watched):
    page, seen = watched
    SHOTS.mkdir(parents=True, exist_ok=True)

    page.goto(f"{served}/index.html", wait_until="load")
    assert "Machine Learning vs Deep Learning" in page.title()
    lessons = page.locator(f"article a[href^='{pages.LESSONS}/']")
    assert lessons.count() >= len(IDS), "the home page's syllabus does not link every lesson"
    page.screenshot(path=str(SHOTS / "home.png"))

    # 04: figures, and math typeset by the site's MathJax (every \( ... \) replaced)
    page.goto(f"{served}/{pages.LESSONS}/04-neural-networks.html", wait_until="load")
    assert _figures_load(page) >= 5
    page.wait_for_function(MATH_DONE, timeout=60_000)
    page.locator("div.math").first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "04-neural-networks.png"))

    # 01: an interactive's static form and its figures
    page.goto(f"{served}/{pages.LESSONS}/01-ai-ml-dl.html", wait_until="load")
    assert _figures_load(page) >= 5
    note = page.locator(".course-widget-note").first
    note.scroll_into_view_if_needed()
    assert note.is_visible()
    page.screenshot(path=str(SHOTS / "01-ai-ml-dl.png"))

    # search: Sphinx's index, in the page
    page.goto(f"{served}/search.html?q=backpropagation", wait_until="load")
    page.wait_for_selector("#search-results li a", timeout=30_000)
    found = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.href)")
    assert any(f"/{pages.LESSONS}/04-neural-networks.html" in url for url in found), found
    page.screenshot(path=str(SHOTS / "search.png"))

    assert seen["outside"] == [], f"requests that left the machine: {seen['outside']}"
    assert seen["errors"] == [], f"errors in the pages' scripts: {seen['errors']}"
