"""The evidence behind the advisor (private): the learner's scorecard first, else the reference run.

:mod:`utils.advisor` re-exports the public names. A *measurement* is a row of the scorecard
(:func:`utils.scorecard.load`): notebook, task, model, family, metric, score, times, sizes.
The family of each row was decided when it was recorded (:func:`utils.scorecard.model_family`,
or the notebook's own ``family=`` such as ``"hybrid"``); only the three families the advisor
chooses between are compared here: ``"classical ML"``, ``"deep learning"`` and ``"hybrid"``
(baselines and hand-written rules are left out).

Where the learner has no row, the figures of the course's reference run
(:data:`utils._reference.REFERENCE`) stand in, labelled ``"reference"``; where neither has one,
the answer is ``"not measured yet"`` — never a number made up.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ._reference import REFERENCE, REFERENCE_CLAIMS, REFERENCE_RUN

__all__ = ["FAMILIES", "YOURS", "REFERENCE_SOURCE", "NOT_MEASURED", "Evidence", "Source", "interpretability",
           "INTERPRETABILITY_RULE", "as_rows", "reference_rows", "find_evidence", "evidence_table", "claims_table"]

#: The families the advisor compares, in the order it lists them.
FAMILIES = ("classical ML", "hybrid", "deep learning")

YOURS = "your scorecard"
REFERENCE_SOURCE = "reference"
NOT_MEASURED = "not measured yet"

#: Metrics where a lower value is better (every other metric: higher is better).
LOWER_IS_BETTER = frozenset({"rmse", "mae", "mse", "log_loss"})

#: The columns a table of measurements needs (the rest of the scorecard's are optional).
REQUIRED_COLUMNS = ("notebook", "task", "model", "family", "metric", "score")
_OPTIONAL_COLUMNS = ("n_train", "fit_time_s", "latency_p50_ms", "size_bytes")

#: What each cost measure is called in a sentence, and its unit.
_MEASURES = {"score": ("", ""), "fit_time_s": ("training time", "s"), "latency_p50_ms": ("latency p50 per request", "ms")}


@dataclass(frozen=True)
class Source:
    """Where a rule looks for its evidence: a task of a notebook, and which measure it reads.

    ``measure`` is ``"score"`` (the best model of each family), ``"fit_time_s"`` or
    ``"latency_p50_ms"`` (the range over each family's models).
    """

    notebook: str
    task: str
    measure: str = "score"


@dataclass(frozen=True)
class Evidence:
    """A measurement a reason rests on, and whose it is.

    Attributes:
        source: ``"your scorecard"``, ``"reference"`` (the course's reference run) or
            ``"not measured yet"``.
        notebook, task: where it was measured.
        measured: what was measured, with the numbers (empty when not measured yet).
    """

    source: str
    notebook: str
    task: str
    measured: str

    def __str__(self) -> str:
        where = f"{self.notebook} · {self.task}"
        if self.source == NOT_MEASURED:
            return f"not measured yet ({where}: run that notebook)"
        return f"[{self.source}] {where}: {self.measured}"


# --------------------------------------------------------------------------------------
# Interpretability: a stated rule, applied to the model's name and family
# --------------------------------------------------------------------------------------

INTERPRETABILITY_RULE = ("high: linear and logistic models, additive models, a single decision tree, hand-written "
                         "rules; medium: ensembles of trees (forests, boosting) and other classical models (k-NN, "
                         "SVMs, clustering); low: neural networks and hybrids (their features come from a network)")

_HIGH = ("linear", "logistic", "ridge", "lasso", "additive", "spline", "rules", "decision tree", "tree (depth",
         "naive bayes", "baseline")
_ENSEMBLES = ("forest", "boosting", "bagging", "ensemble", "xgb", "lightgbm")


def interpretability(model: str, family: str) -> str:
    """``"high"``, ``"medium"`` or ``"low"``, by :data:`INTERPRETABILITY_RULE`.

    Example:
        >>> interpretability("decision tree (depth 3)", "classical ML"), interpretability("MLP", "deep learning")
        ('high', 'low')
    """
    if family in ("deep learning", "hybrid"):
        return "low"
    name = str(model).lower()
    if any(word in name for word in _ENSEMBLES):
        return "medium"
    if any(word in name for word in _HIGH):
        return "high"
    return "medium"


# --------------------------------------------------------------------------------------
# Tables of measurements
# --------------------------------------------------------------------------------------


def as_rows(table: Any, name: str = "scorecard") -> "pandas.DataFrame":  # noqa: F821
    """A copy of ``table`` (a DataFrame of scorecard rows) with the optional columns added (NaN).

    Raises a ``TypeError``/``ValueError`` that names what is missing when it is not one.
    """
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{name} must be a pandas DataFrame of scorecard rows (utils.scorecard.load()), "
                        f"but got {type(table).__name__}.")
    missing = [column for column in REQUIRED_COLUMNS if column not in table.columns]
    if missing:
        raise ValueError(f"{name} lacks the column(s) {missing}; pass utils.scorecard.load() or a DataFrame "
                         f"with the columns {list(REQUIRED_COLUMNS)}.")
    rows = table.copy()
    for column in _OPTIONAL_COLUMNS:
        if column not in rows.columns:
            rows[column] = math.nan
    return rows


def reference_rows() -> "pandas.DataFrame":  # noqa: F821
    """The reference run's figures as scorecard rows (a ``source`` column says ``"reference"``)."""
    import pandas as pd

    rows = pd.DataFrame([row._asdict() for row in REFERENCE])
    rows["source"] = REFERENCE_SOURCE
    return rows


def _better_first(rows: "pandas.DataFrame") -> "pandas.DataFrame":  # noqa: F821
    """``rows`` (one metric) sorted with the best score first; ties keep their order."""
    lower = str(rows["metric"].iloc[0]) in LOWER_IS_BETTER
    return rows.sort_values("score", ascending=lower, kind="stable")


def _number(value: float, unit: str = "") -> str:
    text = f"{value:.3g}"
    return f"{text} {unit}".strip()


def _best_per_family(rows: "pandas.DataFrame") -> list[str]:  # noqa: F821
    parts = []
    for family in FAMILIES:
        members = rows[rows["family"] == family]
        if len(members):
            best = _better_first(members).iloc[0]
            parts.append(f"{family}: {best['model']} {_number(float(best['score']))}")
    return parts


def _summarise_scores(rows: "pandas.DataFrame") -> str:  # noqa: F821
    """The best model of each family; for a learning curve at its smallest and largest size."""
    metric = str(rows["metric"].iloc[0])
    sizes = sorted({int(n) for n in rows["n_train"].dropna()})
    if len(sizes) > 1 and (rows.groupby("family")["n_train"].nunique() > 1).sum() >= 2:  # a learning curve
        parts = []
        for size in (sizes[0], sizes[-1]):
            at_size = rows[rows["n_train"] == size]
            parts.append(f"at {size:,} labels — " + "; ".join(_best_per_family(at_size)))
        return f"{metric}, " + " | ".join(parts)
    return f"{metric}: " + "; ".join(_best_per_family(rows))


def _summarise_costs(rows: "pandas.DataFrame", measure: str) -> str:  # noqa: F821
    """The range of a cost measure over each family's models."""
    label, unit = _MEASURES[measure]
    parts = []
    for family in FAMILIES:
        values = rows.loc[rows["family"] == family, measure].dropna().astype(float)
        if values.empty:
            continue
        low, high = values.min(), values.max()
        span = _number(low, unit) if math.isclose(low, high) else f"{_number(low)}–{_number(high, unit)}"
        parts.append(f"{family} {span} ({len(values)} model{'s' if len(values) > 1 else ''})")
    return f"{label}: " + "; ".join(parts)


def _measured(rows: "pandas.DataFrame", measure: str) -> str:  # noqa: F821
    """What ``rows`` (one task) say on ``measure``; empty when they hold no such figure."""
    rows = rows[rows["family"].isin(FAMILIES)]
    if measure == "score":
        return _summarise_scores(rows) if len(rows) else ""
    if measure not in _MEASURES:
        raise ValueError(f"measure must be one of {list(_MEASURES)}, got {measure!r}")
    if rows[measure].dropna().empty:
        return ""
    return _summarise_costs(rows, measure)


def find_evidence(rows: "pandas.DataFrame", sources: Iterable[Source]) -> tuple[Evidence, ...]:  # noqa: F821
    """The evidence for each source: the learner's rows if they hold the measure, else the reference."""
    found = []
    reference = reference_rows()
    for source in sources:
        evidence = Evidence(NOT_MEASURED, source.notebook, source.task, "")
        for label, table in ((YOURS, rows), (REFERENCE_SOURCE, reference)):
            task_rows = table[(table["notebook"] == source.notebook) & (table["task"] == source.task)]
            measured = _measured(task_rows, source.measure)
            if measured:
                evidence = Evidence(label, source.notebook, source.task, measured)
                break
        found.append(evidence)
    return tuple(found)


# --------------------------------------------------------------------------------------
# The learner's evidence table
# --------------------------------------------------------------------------------------

EVIDENCE_COLUMNS = ["notebook", "task", "family", "model", "metric", "score", "n_train", "fit_time_s",
                    "latency_p50_ms", "size_bytes", "interpretability", "claim verdicts", "source"]


def _verdict_counts(verdicts: Sequence[str]) -> str:
    holds, fails = sum(v == "holds" for v in verdicts), sum(v == "fails" for v in verdicts)
    return f"{holds} hold{'s' if holds == 1 else ''}, {fails} fail{'s' if fails == 1 else ''}"


def _load(table: Any, loader: str, name: str) -> "pandas.DataFrame":  # noqa: F821
    if table is not None:
        return table
    from . import scorecard

    return getattr(scorecard, loader)()


def evidence_table(scorecard: Any = None, claims: Any = None) -> "pandas.DataFrame":  # noqa: F821
    """The learner's evidence: one row per notebook, task and model family, best model first.

    Each row holds the family's best model on that task (by its metric), its score, training
    size, training time, latency per request (p50, where notebook 08 measured it), size in
    bytes, its interpretability (:data:`INTERPRETABILITY_RULE`), the notebook's claim verdicts
    and the ``source``: ``"your scorecard"``, or ``"reference"`` for a notebook the scorecard
    does not hold (its rows come from the course's reference run). Only the families
    ``"classical ML"``, ``"hybrid"`` and ``"deep learning"`` are compared (not baselines).

    Args:
        scorecard: scorecard rows (a DataFrame like :func:`utils.scorecard.load`); ``None``
            loads the learner's scorecard.
        claims: claim verdicts (like :func:`utils.scorecard.load_claims`); ``None`` loads them.

    Returns:
        A DataFrame with the columns of ``EVIDENCE_COLUMNS``. ``table.attrs["missing"]`` lists
        the notebooks filled from the reference run and ``table.attrs["note"]`` says so in words.

    Example:
        >>> import pandas as pd
        >>> empty = pd.DataFrame(columns=["notebook", "task", "model", "family", "metric", "score"])
        >>> table = evidence_table(empty, pd.DataFrame(columns=["notebook", "claim", "verdict"]))
        >>> sorted(set(table["source"]))
        ['reference']
    """
    import pandas as pd

    yours = as_rows(_load(scorecard, "load", "scorecard"), "scorecard")
    claims = _load(claims, "load_claims", "claims")
    if not isinstance(claims, pd.DataFrame) or not {"notebook", "verdict"} <= set(claims.columns):
        raise TypeError("claims must be a DataFrame with the columns 'notebook' and 'verdict' "
                        "(utils.scorecard.load_claims()).")
    yours = yours[yours["family"].isin(FAMILIES)].assign(source=YOURS)
    reference = reference_rows()
    missing = sorted(set(reference["notebook"]) - set(yours["notebook"]))
    rows = pd.concat([yours, reference[reference["notebook"].isin(missing)]], ignore_index=True)
    verdicts = {notebook: list(group["verdict"]) for notebook, group in claims.groupby("notebook")}
    reference_verdicts: dict[str, list[str]] = {}
    for notebook, _, verdict in REFERENCE_CLAIMS:
        reference_verdicts.setdefault(notebook, []).append(verdict)
    records = []
    for (notebook, task), task_rows in rows.groupby(["notebook", "task"], sort=True):
        for family in FAMILIES:
            members = task_rows[task_rows["family"] == family]
            if members.empty:
                continue
            best = _better_first(members).iloc[0]
            source = best["source"]
            if source == YOURS:
                claim_text = _verdict_counts(verdicts[notebook]) if notebook in verdicts else "none recorded"
            else:
                claim_text = f"reference: {_verdict_counts(reference_verdicts.get(notebook, []))}"
            records.append({**{c: best.get(c) for c in EVIDENCE_COLUMNS[:10]},
                            "interpretability": interpretability(best["model"], family),
                            "claim verdicts": claim_text, "source": source})
    table = pd.DataFrame(records, columns=EVIDENCE_COLUMNS)
    table.attrs["missing"] = missing
    if not missing:
        note = "Every notebook of the reference run is in your scorecard: every row is your own measurement."
    else:
        note = (f"Not in your scorecard: {', '.join(missing)}. Their rows are the course's reference figures "
                f"(source 'reference': {REFERENCE_RUN}); run those notebooks to replace them with your own.")
    table.attrs["note"] = note
    return table


def claims_table(claims: Any = None) -> "pandas.DataFrame":  # noqa: F821
    """Every claim verdict: the learner's, and the reference run's for notebooks they lack.

    Args:
        claims: claim verdicts (like :func:`utils.scorecard.load_claims`); ``None`` loads them.

    Returns:
        A DataFrame with ``notebook``, ``claim``, ``verdict`` and ``source`` (``"your scorecard"``
        or ``"reference"``), sorted by notebook.
    """
    import pandas as pd

    claims = _load(claims, "load_claims", "claims")
    if not isinstance(claims, pd.DataFrame) or not {"notebook", "claim", "verdict"} <= set(claims.columns):
        raise TypeError("claims must be a DataFrame with the columns 'notebook', 'claim' and 'verdict' "
                        "(utils.scorecard.load_claims()).")
    yours = claims[["notebook", "claim", "verdict"]].assign(source=YOURS)
    reference = pd.DataFrame(list(REFERENCE_CLAIMS), columns=["notebook", "claim", "verdict"])
    reference = reference[~reference["notebook"].isin(set(yours["notebook"]))].assign(source=REFERENCE_SOURCE)
    table = pd.concat([yours, reference], ignore_index=True)
    return table.sort_values("notebook", kind="stable").reset_index(drop=True)
