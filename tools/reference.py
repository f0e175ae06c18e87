"""Refresh the advisor's reference figures (utils/_reference.py) from a scorecard.

    python -m tools.reference SCORECARD            # print the rows and verdicts
    python -m tools.reference SCORECARD --write    # and write them into utils/_reference.py

SCORECARD is a scorecard file filled by one run of the solution notebooks 01–09 top to bottom
(for example the one the test suite's nbval pass fills: run the suite with COURSE_SCORECARD
kept, or run each notebook with COURSE_SCORECARD pointing at an empty file). The reduction is
the one utils/_reference.py documents: the best model of each family (classical ML, deep
learning, hybrid) per notebook and task, each learning curve's smallest size too, every model of
08's latency tables; unsupervised and reinforcement-learning tasks left out.
tests/test_reference_figures.py fails when the committed figures no longer match a run.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
from pathlib import Path

import pandas as pd

from tools.layout import ROOT

REFERENCE_MODULE = ROOT / "utils" / "_reference.py"
FAMILIES = ("classical ML", "deep learning", "hybrid")
#: Tasks that compare no ML with DL.
LEFT_OUT = {"5-armed bandit", "iris species without labels", "customer segments", "digits 2-D map"}
LOWER_IS_BETTER = {"rmse", "mae"}
#: Notebook 10 reads the reference: it is not part of it.
LAST_NOTEBOOK = "09"


def _best(group: pd.DataFrame) -> pd.Series:
    ascending = group["metric"].iloc[0] in LOWER_IS_BETTER
    return group.sort_values("score", ascending=ascending, kind="stable").iloc[0]


def reduce_rows(rows: pd.DataFrame) -> list[pd.Series]:
    """The scorecard rows kept as reference figures, in the scorecard's order."""
    rows = rows[rows["family"].isin(FAMILIES) & ~rows["task"].isin(LEFT_OUT)
                & (rows["notebook"].str[:2] <= LAST_NOTEBOOK)]
    kept: list[pd.Series] = []
    for (notebook, task, _), group in rows.groupby(["notebook", "task", "family"], sort=False):
        chosen = [_best(group)]
        if notebook == "08-cost" and "variants" not in task:  # 08 measures latency: every model
            chosen = [row for _, row in group.iterrows()]
        if "learning curve" in task:
            smallest = group[group["n_train"] == group["n_train"].min()]
            chosen = [_best(smallest)] + ([chosen[0]] if chosen[0]["n_train"] != smallest["n_train"].iloc[0] else [])
        kept += chosen
    return kept


def _number(value: object, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "None"
    return f"{float(value):.{digits}g}"


def _integer(value: object) -> str:
    return "None" if pd.isna(value) else str(int(value))


def reference_lines(rows: pd.DataFrame, claims: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The source lines of REFERENCE's rows and of REFERENCE_CLAIMS's verdicts."""
    figures = [f'    _ref("{r["notebook"]}", "{r["task"]}", "{r["family"]}", "{r["model"]}", "{r["metric"]}", '
               f'{r["score"]:.4g}, {_integer(r["n_train"])}, {_number(r["fit_time_s"])}, '
               f'{_number(r.get("latency_p50_ms"))}, {_integer(r["size_bytes"])}),'
               for r in reduce_rows(rows)]
    verdicts = [f'    ("{c.notebook}", {c.claim!r}, "{c.verdict}"),' for c in claims.itertuples()
                if c.notebook[:2] <= LAST_NOTEBOOK]
    return figures, verdicts


def _replace_block(text: str, opening: str, lines: list[str]) -> str:
    start = text.index(opening) + len(opening)
    end = text.index("\n)", start)
    return text[:start] + "\n" + "\n".join(lines) + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scorecard", type=Path, help="a scorecard file filled by a run of 01-09")
    parser.add_argument("--write", action="store_true", help="write the figures into utils/_reference.py")
    args = parser.parse_args(argv)
    os.environ["COURSE_SCORECARD"] = str(args.scorecard)
    from utils import scorecard

    figures, verdicts = reference_lines(scorecard.load(), scorecard.load_claims())
    print("\n".join(figures + [""] + verdicts))
    print(f"{len(figures)} figures, {len(verdicts)} verdicts", file=sys.stderr)
    if args.write:
        text = REFERENCE_MODULE.read_text()
        text = _replace_block(text, "REFERENCE: tuple[ReferenceRow, ...] = (", figures)
        text = _replace_block(text, "REFERENCE_CLAIMS: tuple[tuple[str, str, str], ...] = (", verdicts)
        REFERENCE_MODULE.write_text(re.sub(r"\n{3,}(?=\))", "\n", text))
        print(f"wrote {REFERENCE_MODULE.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
