"""`python -m tools.site [--no-solutions]`: build the website into build/site/html."""

from __future__ import annotations

import argparse
import sys

from tools.site.build import HTML, SiteError, build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the course website (offline).")
    parser.add_argument("--no-solutions", action="store_true",
                        help="leave the worked solutions out (an instructor's site)")
    args = parser.parse_args(argv)
    try:
        home = build(solutions=not args.no_solutions).home
    except SiteError as error:
        print(f"make site: {error}", file=sys.stderr)
        return 1
    print(f"The website is in {HTML}: open {home}, or serve it with "
          f"`python -m http.server -d {HTML}`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
