"""The internal link check of the built website: every relative link and resource resolves.

A link from one page to another, to an anchor, to a picture, a script or a style sheet must
point at a file the build wrote (and, with `#anchor`, at an element with that id). Links to other
sites are not followed (the build is offline); `external_resources` lists the ones a page would
load by itself (scripts, pictures, style sheets), which a page of this site must not have.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"),
           ("source", "src"), ("video", "src"), ("audio", "src")}
LOADED = LINKING - {("a", "href")}
LOADED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, bool]] = []  # (tag, url, whether the page loads it)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rel = set((dict(attrs).get("rel") or "").split())
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if (tag, name) in LINKING and value:
                # a <link> loads its target only as a style sheet, an icon or a preload
                loads = (tag, name) in LOADED and (tag != "link" or bool(rel & LOADED_RELS))
                self.links.append((tag, value.strip(), loads))


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def _is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def _pages(html_root: Path) -> list[Path]:
    """The built pages (not the theme's templates that Sphinx copies into _static/), as resolved
    paths: the same form as a link's resolved target, so that a page is parsed once."""
    html_root = html_root.resolve()
    return [path for path in sorted(html_root.rglob("*.html"))
            if path.relative_to(html_root).parts[0] not in ("_static", "_sources")]


def broken_links(html_root: Path) -> list[str]:
    """'page: link' for every relative link of every page that does not resolve."""
    html_root = html_root.resolve()
    pages = {path: _parse(path) for path in _pages(html_root)}
    broken = []
    for path, page in pages.items():
        for _, url, _ in page.links:
            if _is_external(url) or url.startswith(("mailto:", "javascript:", "data:")):
                continue
            parts = urlsplit(url)
            target = path if not parts.path else (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            where = f"{path.relative_to(html_root)}: {url}"
            if not target.is_file():
                broken.append(where)
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{where} (no element with that id)")
    return broken


def external_resources(html_root: Path) -> list[str]:
    """'page: url' for every script, picture, style sheet or frame a page loads from another site."""
    html_root = html_root.resolve()
    found = []
    for path in _pages(html_root):
        for tag, url, loads in _parse(path).links:
            if loads and _is_external(url):
                found.append(f"{path.relative_to(html_root)}: <{tag}> {url}")
    return found
