"""The decision framework as code: problem facts in, a recommendation out, every reason shown.

The industry's comparisons of ML and DL end with a decision framework (structured or
unstructured data, how much of it is labelled, who needs an explanation, latency, compute,
retraining, hybrid when in doubt). Here it is a small, readable function that cites evidence:

* :class:`Problem` — the facts, in plain words (data type, rows, labelled rows, …);
* :data:`RULES` — the rules, each a small function with a docstring that says when it applies
  and what it says; no hidden weights;
* :func:`combine` — how the rules' answers become one choice (one vote per rule, vetoes
  first, a tie between classical and deep learning goes to the hybrid);
* :func:`advise` — runs the rules, combines them, adds warnings, and links every reason to a
  measurement: the learner's own scorecard rows where they exist, else the course's reference
  figures (labelled ``"reference"``), else ``"not measured yet"``;
* :func:`explain` — the recommendation as markdown (a :class:`Recommendation` shows itself
  so in a notebook);
* :func:`evidence_table` — the learner's evidence, one row per task and model family, with
  accuracy, training time, latency, size, interpretability and the claim verdicts.

Example::

    from utils import advisor
    problem = advisor.Problem("images", rows=20_000, labelled_rows=800, pretrained_model=True,
                              explanation="internal", latency_ms=50)
    advisor.advise(problem)          # shown as markdown: the choice, the reasons, the evidence

Impossible facts (more labelled rows than rows, a negative budget) raise a ``ValueError``
that says what to fix; contradictory or risky ones (50 labelled images and a 1 ms budget)
give a recommendation with warnings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._evidence import (INTERPRETABILITY_RULE, NOT_MEASURED, REFERENCE_SOURCE, YOURS, Evidence, Source,
                        as_rows, claims_table, evidence_table, find_evidence, interpretability)
from ._reference import REFERENCE, REFERENCE_CLAIMS, REFERENCE_RUN
from ._validation import as_bool, as_choice, as_float, as_int

__all__ = [
    "CLASSICAL", "DEEP", "HYBRID", "CHOICES", "DATA_TYPES", "EXPLANATIONS", "HARDWARE", "RETRAINING",
    "FEW_LABELS", "MIN_LABELS", "TIGHT_LATENCY_MS", "SMALL_TRAINING_BUDGET_CPU_HOURS", "EXPENSIVE_LABEL",
    "Problem", "Vote", "Reason", "Recommendation", "Evidence", "Source", "RULES", "combine", "advise", "explain",
    "evidence_table", "claims_table", "interpretability", "INTERPRETABILITY_RULE", "REFERENCE", "REFERENCE_CLAIMS",
    "REFERENCE_RUN",
]

CLASSICAL = "classical ML"
HYBRID = "hybrid: deep features → classical model"
DEEP = "deep learning"
#: What the advisor can recommend, cheapest to run and explain first (the tie-break order).
CHOICES = (CLASSICAL, HYBRID, DEEP)

DATA_TYPES = ("tabular", "images", "signals", "text")
FEATURES = ("engineered", "raw")
EXPLANATIONS = (None, "internal", "customer", "regulator")
HARDWARE = ("cpu-only", "gpu-available")
#: How often the model is retrained, most often first.
RETRAINING = ("daily", "weekly", "monthly", "yearly", "never")

#: Below this many labelled rows, data is "small" (07's learning curves run from 30 to 30,000).
FEW_LABELS = 1_000
#: Below this many labelled rows no model can be trained *and* tested reliably: a warning.
MIN_LABELS = 100
#: A per-request budget at or under this (ms, on a CPU) is "tight": in 08 the forests answered one
#: request more slowly than this, the small networks and linear models much faster (see REFERENCE).
TIGHT_LATENCY_MS = 1.0
#: A training budget under this many CPU-hours per retraining is "small".
SMALL_TRAINING_BUDGET_CPU_HOURS = 1.0
#: A label that costs at least this much (in your currency: an expert's minute) is "expensive".
EXPENSIVE_LABEL = 1.0


# --------------------------------------------------------------------------------------
# The facts
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """The facts of a problem, in plain words. Only ``data_type`` and ``rows`` are required.

    Attributes:
        data_type: ``"tabular"``, ``"images"``, ``"signals"`` or ``"text"``.
        rows: examples available (labelled or not), at least 1.
        labelled_rows: how many of them have a label; ``None`` means all of them.
        features: ``"engineered"`` (meaningful columns or hand-made features) or ``"raw"``
            (pixels, samples, characters); ``None`` means engineered for tabular data, raw otherwise.
        explanation: who needs each decision explained: ``None`` (nobody), ``"internal"``,
            ``"customer"`` or ``"regulator"``.
        latency_ms: the most time one prediction may take, in milliseconds (``None``: no limit).
        requests_per_s: predictions per second to serve (``None``: unknown or few).
        hardware: ``"cpu-only"`` or ``"gpu-available"``, for training and serving.
        training_cpu_hours: compute budget for one training run, in CPU-hours (``None``: no limit).
        retraining: how often the model is retrained: ``"daily"``, ``"weekly"``, ``"monthly"``,
            ``"yearly"`` or ``"never"`` (``None``: unknown).
        cost_per_label: what one more label costs (any currency; ``None``: unknown).
        pretrained_model: whether a network trained on related data is available to reuse.
    """

    data_type: str
    rows: int
    labelled_rows: int | None = None
    features: str | None = None
    explanation: str | None = None
    latency_ms: float | None = None
    requests_per_s: float | None = None
    hardware: str = "cpu-only"
    training_cpu_hours: float | None = None
    retraining: str | None = None
    cost_per_label: float | None = None
    pretrained_model: bool = False

    def __post_init__(self) -> None:
        as_choice(self.data_type, "data_type", DATA_TYPES)
        rows = as_int(self.rows, "rows", minimum=1)
        labelled = as_int(self.labelled_rows, "labelled_rows", minimum=0, allow_none=True)
        if labelled is not None and labelled > rows:
            raise ValueError(f"labelled_rows ({labelled:,}) cannot exceed rows ({rows:,}): rows counts every "
                             "example, labelled or not. Raise rows or lower labelled_rows.")
        features = self.features
        if features is None:
            features = "engineered" if self.data_type == "tabular" else "raw"
        as_choice(features, "features", FEATURES)
        as_choice(self.explanation, "explanation", EXPLANATIONS)
        as_choice(self.hardware, "hardware", HARDWARE)
        as_choice(self.retraining, "retraining", (*RETRAINING, None))
        values = {"rows": rows, "labelled_rows": rows if labelled is None else labelled, "features": features,
                  "pretrained_model": as_bool(self.pretrained_model, "pretrained_model")}
        for name in ("latency_ms", "requests_per_s"):
            value = as_float(getattr(self, name), name, allow_none=True)
            if value is not None and value <= 0:
                raise ValueError(f"{name} must be more than 0, but got {value}; use None for no limit.")
            values[name] = value
        for name in ("training_cpu_hours", "cost_per_label"):
            values[name] = as_float(getattr(self, name), name, minimum=0.0, allow_none=True)
        for name, value in values.items():
            object.__setattr__(self, name, value)

    @property
    def unstructured(self) -> bool:
        """Images, signals or text (not a table)."""
        return self.data_type != "tabular"

    @property
    def request_budget_ms(self) -> float | None:
        """Time one prediction may take: the latency budget, or one core's share at the throughput.

        At ``requests_per_s`` requests a second, one core serving them one after the other has
        ``1000 / requests_per_s`` ms for each; the tighter of that and ``latency_ms`` counts.
        """
        budgets = [b for b in (self.latency_ms, None if self.requests_per_s is None else 1000 / self.requests_per_s)
                   if b is not None]
        return min(budgets) if budgets else None


# --------------------------------------------------------------------------------------
# The rules
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vote:
    """What one rule says about a problem.

    Attributes:
        says: the choice it votes for (one of :data:`CHOICES`), or a constraint in words that
            votes for no family (e.g. "a small model").
        because: why, for this problem, in one or two sentences.
        vetoes: choices this rule rules out, whatever the other rules say.
    """

    says: str
    because: str
    vetoes: tuple[str, ...] = ()


def _cites(*sources: Source) -> Callable[[Callable[[Problem], Vote | None]], Callable[[Problem], Vote | None]]:
    """Attach to a rule the measurements it rests on (``rule.evidence``)."""
    def attach(rule: Callable[[Problem], Vote | None]) -> Callable[[Problem], Vote | None]:
        rule.evidence = sources  # type: ignore[attr-defined]
        return rule
    return attach


@_cites(Source("07-data-volume", "churn learning curve"), Source("07-data-volume", "smooth-table learning curve"))
def small_tabular_data(problem: Problem) -> Vote | None:
    """Few labelled rows of a table (or of engineered features) → classical ML.

    Applies when fewer than :data:`FEW_LABELS` rows are labelled and the features are
    engineered (every table, by default). Evidence: the small end of 07's two tabular
    learning curves (gradient boosting vs an MLP).
    """
    if problem.labelled_rows >= FEW_LABELS or problem.features != "engineered":
        return None
    return Vote(CLASSICAL, f"Only {problem.labelled_rows:,} labelled rows of engineered features: classical models "
                           "usually reach their accuracy with hundreds of rows; networks usually need more.")


@_cites(Source("04-neural-networks", "churn (5-fold CV)"), Source("09-interpretability", "credit (generated) (5-fold CV)"),
        Source("07-data-volume", "smooth-table learning curve"))
def tabular_data(problem: Problem) -> Vote | None:
    """A table → classical ML (tree ensembles and linear models), whatever its size.

    Applies to every tabular problem. Evidence: boosting vs an MLP on churn (04) and on
    credit (09), and 07's smooth table, built so that a network can catch up with enough
    rows — measure both on your own table.
    """
    if problem.data_type != "tabular":
        return None
    return Vote(CLASSICAL, "Structured, tabular data: tree ensembles and linear models are usually the strong, cheap "
                           "default; a network can pay off on some tables (smooth ones, with many rows).")


@_cites(Source("07-data-volume", "digits 5-9 learning curve"), Source("05-deep-architectures", "MNIST-1D"))
def raw_unstructured_data(problem: Problem) -> Vote | None:
    """Raw images, signals or text → deep learning, even with few labels.

    Applies to unstructured data given as raw pixels, samples or characters, unless fewer
    than :data:`FEW_LABELS` rows are labelled and a pretrained network exists (then
    :func:`few_labels_pretrained`). Networks learn their features from raw data. Evidence:
    07's learning curve on moved digits (CNN vs HOG + SVM from 30 labels up) and MNIST-1D
    (05). (Under :data:`MIN_LABELS` labels, a warning.)
    """
    if not problem.unstructured or problem.features != "raw":
        return None
    if problem.labelled_rows < FEW_LABELS and problem.pretrained_model:
        return None
    return Vote(DEEP, f"Raw {problem.data_type}: a network learns the features that a person would otherwise have "
                      "to design, and it can do so from few labels (see the learning curve).")


@_cites(Source("06-features-vs-representations", "digits 8×8"))
def engineered_features(problem: Problem) -> Vote | None:
    """Images, signals or text already turned into good features → classical ML on them.

    Applies to unstructured data whose features are engineered (measurements, statistics,
    HOG). Evidence: centred 8×8 digits (06), where pixels and hand-made features meet a CNN.
    """
    if not problem.unstructured or problem.features != "engineered":
        return None
    return Vote(CLASSICAL, f"The {problem.data_type} are already described by engineered features: a classical model "
                           "on good features is often hard to beat where the features capture what matters.")


@_cites(Source("07-data-volume", "digits 5-9 learning curve"),
        Source("06-features-vs-representations", "translated + clutter, 100 labels"))
def few_labels_pretrained(problem: Problem) -> Vote | None:
    """Few labels of unstructured data, but a related pretrained network → hybrid (or transfer).

    Applies to images, signals or text with fewer than :data:`FEW_LABELS` labelled rows when
    ``pretrained_model`` is True: the network's features + a classical model need few labels.
    """
    if not problem.unstructured or problem.labelled_rows >= FEW_LABELS or not problem.pretrained_model:
        return None
    return Vote(HYBRID, f"Only {problem.labelled_rows:,} labels, but a network trained on related data exists: its "
                        "features with a classical model on top (or fine-tuning) often learn from few labels.")


@_cites(Source("09-interpretability", "credit (generated) (5-fold CV)"))
def explanation_for_regulator(problem: Problem) -> Vote | None:
    """A regulator must understand each decision → an interpretable model; never a bare network.

    Applies when ``explanation="regulator"``. Tables and engineered features: a model that
    can be read (linear, additive, a small tree) — vetoes deep learning and the hybrid.
    Raw images or signals: a hybrid whose final classical model is documented, with
    attributions that pass a sanity check (09) — vetoes a bare network.
    """
    if problem.explanation != "regulator":
        return None
    if problem.unstructured and problem.features == "raw":
        return Vote(HYBRID, "A regulator must follow each decision: keep the final decision in a documented classical "
                            "model, and test the network's attributions before showing them (09's sanity check).",
                    vetoes=(DEEP,))
    return Vote(CLASSICAL, "A regulator must follow each decision: a model that can be read (coefficients, an additive "
                           "model, a small tree) explains itself; compare its accuracy with the black box's in the "
                           "evidence.", vetoes=(DEEP, HYBRID))


@_cites(Source("09-interpretability", "credit (generated) (5-fold CV)"))
def explanation_for_customers(problem: Problem) -> Vote | None:
    """Customers get the reasons for their own decision → classical ML (no veto).

    Applies when ``explanation="customer"``: a readable model gives each customer's reasons
    directly; a network needs attributions, which are approximations.
    """
    if problem.explanation != "customer":
        return None
    return Vote(CLASSICAL, "Each customer is owed the reasons for their decision: a readable model states them "
                           "directly, a network only through approximate attributions.")


@_cites(Source("08-cost", "churn", "latency_p50_ms"), Source("08-cost", "MNIST-1D", "latency_p50_ms"))
def tight_latency(problem: Problem) -> Vote | None:
    """A tight per-request budget on a CPU → a small model of either family (no vote).

    Applies on ``hardware="cpu-only"`` when one prediction may take at most
    :data:`TIGHT_LATENCY_MS` (the latency budget, or one core's share at the stated
    throughput). It votes for no family, because in 08 small networks answered single
    requests faster than forests and boosting; it rules out chaining two models (hybrid).
    """
    budget = problem.request_budget_ms
    if problem.hardware != "cpu-only" or budget is None or budget > TIGHT_LATENCY_MS:
        return None
    return Vote("a small model (linear, a small tree ensemble or a small network)",
                f"{budget:.3g} ms per request on a CPU: only small models fit; measure the p95 of the model you pick "
                "(utils.cost), and avoid two models in a row.", vetoes=(HYBRID,))


@_cites(Source("08-cost", "churn", "fit_time_s"), Source("07-data-volume", "digits 5-9 learning curve", "fit_time_s"))
def frequent_retraining_small_budget(problem: Problem) -> Vote | None:
    """Frequent retraining on a small compute budget → classical ML (tables) or hybrid (raw data).

    Applies when the model is retrained daily or weekly and a training run may use less
    than :data:`SMALL_TRAINING_BUDGET_CPU_HOURS`. On raw unstructured data the hybrid keeps
    the network fixed and retrains only its classical model. Evidence: training times in 08
    (churn) and 07 (moved digits: HOG + SVM, CNN, pretrained features + logistic regression).
    """
    if problem.retraining not in ("daily", "weekly") or problem.training_cpu_hours is None:
        return None
    if problem.training_cpu_hours >= SMALL_TRAINING_BUDGET_CPU_HOURS:
        return None
    budget = f"{problem.retraining} retraining within {problem.training_cpu_hours:g} CPU-hours"
    if problem.unstructured and problem.features == "raw":
        return Vote(HYBRID, f"{budget}: keep a trained network fixed as a feature extractor and retrain only the "
                            "classical model on top, which is cheap.")
    return Vote(CLASSICAL, f"{budget}: classical models usually retrain in seconds to minutes on a CPU.")


@_cites(Source("07-data-volume", "churn learning curve"), Source("07-data-volume", "digits 5-9 learning curve"))
def expensive_labels(problem: Problem) -> Vote | None:
    """Labels are expensive and few → the choice that learned most from few labels in 07.

    Applies when ``cost_per_label`` is at least :data:`EXPENSIVE_LABEL` and fewer than
    :data:`FEW_LABELS` rows are labelled. Tables: classical ML. Unstructured data: the hybrid
    on a pretrained network if one exists, else a network trained on the raw data. Evidence:
    the small end of 07's learning curves (churn; moved digits).
    """
    if problem.cost_per_label is None or problem.cost_per_label < EXPENSIVE_LABEL:
        return None
    if problem.labelled_rows >= FEW_LABELS:
        return None
    missing = FEW_LABELS - problem.labelled_rows
    because = (f"Labelling the {missing:,} rows up to {FEW_LABELS:,} would cost "
               f"{missing * problem.cost_per_label:,.0f} (at {problem.cost_per_label:g} each): choose what learns most "
               "from few labels")
    if problem.unstructured and problem.pretrained_model:
        return Vote(HYBRID, because + " — a pretrained network's features.")
    if problem.unstructured and problem.features == "raw":
        return Vote(DEEP, because + " — on raw data, a network trained on it.")
    return Vote(CLASSICAL, because + " — on engineered features, a classical model.")


#: The rules, in the order they are shown. Each takes a :class:`Problem` and returns a
#: :class:`Vote` or ``None`` (does not apply); ``rule.evidence`` names its measurements.
RULES: tuple[Callable[[Problem], Vote | None], ...] = (
    small_tabular_data,
    tabular_data,
    raw_unstructured_data,
    engineered_features,
    few_labels_pretrained,
    explanation_for_regulator,
    explanation_for_customers,
    tight_latency,
    frequent_retraining_small_budget,
    expensive_labels,
)


# --------------------------------------------------------------------------------------
# Combining the rules
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """One rule that applied: what it says, why, and the measurements behind it.

    Attributes:
        rule: the rule's name (a function of :data:`RULES`).
        says: the choice it votes for, or a constraint in words.
        because: why, for this problem.
        evidence: the measurements it rests on (:class:`Evidence`: your scorecard, the
            reference run, or not measured yet).
        vetoes: the choices it rules out.
    """

    rule: str
    says: str
    because: str
    evidence: tuple[Evidence, ...]
    vetoes: tuple[str, ...] = ()


def combine(votes: Sequence[Vote]) -> tuple[str, str]:
    """How the rules' votes become one choice; returns ``(choice, how it was decided)``.

    1. A choice vetoed by any rule is out.
    2. Every other choice gets one vote per rule that says it (no weights).
    3. The most votes wins. A tie between classical ML and deep learning goes to the hybrid
       (it takes from both) unless the hybrid is vetoed; any other tie goes to the choice
       that is cheaper to run and to explain (the order of :data:`CHOICES`).
    4. No vote for an allowed choice: classical ML, the cheap baseline to measure first.
    """
    vetoed = {choice for vote in votes for choice in vote.vetoes}
    allowed = [choice for choice in CHOICES if choice not in vetoed]
    counts = Counter(vote.says for vote in votes if vote.says in allowed)
    if not counts:
        return CLASSICAL, "no rule voted for an allowed choice: start with classical ML, the cheap baseline"
    top = max(counts.values())
    leaders = [choice for choice in allowed if counts[choice] == top]
    tally = ", ".join(f"{choice} {counts[choice]}" for choice in CHOICES if choice in counts)
    vetoes = f"; vetoed: {', '.join(c for c in CHOICES if c in vetoed)}" if vetoed else ""
    if len(leaders) == 1:
        return leaders[0], f"most votes ({tally}{vetoes})"
    if set(leaders) >= {CLASSICAL, DEEP} and HYBRID in allowed:
        return HYBRID, f"a tie between classical ML and deep learning goes to the hybrid ({tally}{vetoes})"
    return leaders[0], f"a tie goes to the choice cheaper to run and explain ({tally}{vetoes})"


# --------------------------------------------------------------------------------------
# Warnings: contradictory or risky facts
# --------------------------------------------------------------------------------------


def _fastest_latency(rows: "pandas.DataFrame") -> tuple[str, float, str] | None:  # noqa: F821
    """(model, p50 ms, where) of the fastest single-request latency measured, yours first."""
    from ._evidence import reference_rows

    for label, table in ((YOURS, rows), (REFERENCE_SOURCE, reference_rows())):
        measured = table.dropna(subset=["latency_p50_ms"])
        if len(measured):
            best = measured.sort_values("latency_p50_ms", kind="stable").iloc[0]
            return str(best["model"]), float(best["latency_p50_ms"]), f"{label}, {best['notebook']}"
    return None


def _warnings(problem: Problem, choice: str, rows: "pandas.DataFrame") -> list[str]:  # noqa: F821
    """What the learner should know before trusting the recommendation."""
    warnings = []
    labels = problem.labelled_rows
    if labels == 0:
        warnings.append("No labelled rows: no supervised model can be trained or tested. Label a sample first, or "
                        "start with unsupervised methods (03).")
    elif labels < MIN_LABELS:
        warnings.append(f"Only {labels:,} labelled rows: too few to train and test any model reliably (a 20 % test "
                        f"set holds {labels // 5:,}); label more, or reuse a pretrained network, before trusting any "
                        "comparison.")
    budget = problem.request_budget_ms
    if budget is not None:
        fastest = _fastest_latency(rows)
        if fastest is None:
            warnings.append(f"A budget of {budget:.3g} ms per request: latency is not measured yet (08 measures "
                            "it); measure your model's p95 before promising it.")
        elif budget < fastest[1]:
            warnings.append(f"A budget of {budget:.3g} ms per request is below the fastest single prediction measured "
                            f"({fastest[0]}: {fastest[1]:.3g} ms p50, {fastest[2]}): batch the requests, use a "
                            "compiled runtime, or relax the budget.")
    if problem.data_type == "text":
        warnings.append("The course measured no text tasks: the rules for text rest on the field's experience, "
                        "not on your evidence.")
    if choice == CLASSICAL and problem.unstructured and problem.features == "raw":
        warnings.append(f"Classical ML on raw {problem.data_type} needs features first (HOG, statistics of the "
                        "signal); 06 and 07 measure how far hand-made features get against a CNN on moved digits.")
    if problem.explanation in ("customer", "regulator") and problem.unstructured and choice != CLASSICAL:
        warnings.append("Attributions of networks can mislead: check them with the weight-randomisation sanity "
                        "check of 09 before showing them to anyone.")
    if choice == DEEP and problem.hardware == "cpu-only" and problem.unstructured and problem.rows >= 100_000:
        warnings.append(f"{problem.rows:,} examples on a CPU only: the course's networks trained on thousands of "
                        "examples; at this scale training time is not measured yet — time one epoch first.")
    return warnings


# --------------------------------------------------------------------------------------
# The recommendation
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recommendation:
    """What :func:`advise` returns; shown as markdown in a notebook.

    Attributes:
        choice: one of :data:`CHOICES`.
        reasons: every rule that applied, with its evidence.
        warnings: contradictory or risky facts to resolve before trusting the choice.
        decided: how the votes became the choice (:func:`combine`).
        problem: the facts it was given.
        not_applied: the rules that did not apply.
    """

    choice: str
    reasons: list[Reason]
    warnings: list[str]
    decided: str = ""
    problem: Problem | None = None
    not_applied: list[str] = field(default_factory=list)

    def _repr_markdown_(self) -> str:
        return explain(self)

    def __str__(self) -> str:
        return explain(self)


def _evidence_rows(evidence: Any) -> "pandas.DataFrame":  # noqa: F821
    if evidence is None:
        from . import scorecard

        evidence = scorecard.load()
    return as_rows(evidence, "evidence")


def advise(problem: Problem, evidence: Any = None) -> Recommendation:
    """Recommend classical ML, deep learning or a hybrid for ``problem``, with every reason.

    Runs every rule of :data:`RULES`, combines their votes (:func:`combine`), links each
    reason to its measurements and adds warnings for contradictory or risky facts.

    Args:
        problem: the facts (:class:`Problem`).
        evidence: scorecard rows to cite (a DataFrame like :func:`utils.scorecard.load`);
            ``None`` reads the learner's scorecard. Where it lacks a measurement, the
            course's reference figures are cited, labelled ``"reference"``.

    Returns:
        A :class:`Recommendation` (shown as markdown as the last line of a cell).

    Example:
        >>> import pandas as pd
        >>> no_rows = pd.DataFrame(columns=["notebook", "task", "model", "family", "metric", "score"])
        >>> advise(Problem("tabular", rows=5_000, explanation="regulator"), evidence=no_rows).choice
        'classical ML'
    """
    if not isinstance(problem, Problem):
        raise TypeError(f"problem must be an advisor.Problem(...), but got {type(problem).__name__}; e.g. "
                        "Problem('tabular', rows=5000).")
    rows = _evidence_rows(evidence)
    reasons, votes, not_applied = [], [], []
    for rule in RULES:
        vote = rule(problem)
        if vote is None:
            not_applied.append(rule.__name__)
            continue
        votes.append(vote)
        reasons.append(Reason(rule.__name__, vote.says, vote.because,
                              find_evidence(rows, rule.evidence), vote.vetoes))  # type: ignore[attr-defined]
    choice, decided = combine(votes)
    return Recommendation(choice, reasons, _warnings(problem, choice, rows), decided, problem, not_applied)


def _cell(text: str) -> str:
    """Text safe inside a markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def explain(recommendation: Recommendation) -> str:
    """The recommendation as markdown: the choice, how it was decided, each reason with its
    evidence, the warnings, and the rules that did not apply."""
    if not isinstance(recommendation, Recommendation):
        raise TypeError(f"explain needs what advise() returned, but got {type(recommendation).__name__}.")
    lines = [f"**Recommendation: {recommendation.choice}**", ""]
    if recommendation.decided:
        lines += [f"Decided by: {recommendation.decided}.", ""]
    if recommendation.reasons:
        lines += ["| rule | says | because | evidence |", "|---|---|---|---|"]
        for reason in recommendation.reasons:
            says = reason.says + (f" (rules out: {', '.join(reason.vetoes)})" if reason.vetoes else "")
            evidence = "<br>".join(_cell(str(e)) for e in reason.evidence) or NOT_MEASURED
            lines.append(f"| `{reason.rule}` | {_cell(says)} | {_cell(reason.because)} | {evidence} |")
        lines.append("")
    else:
        lines += ["No rule applied to these facts.", ""]
    if recommendation.warnings:
        lines += ["**Warnings**", ""] + [f"- ⚠ {warning}" for warning in recommendation.warnings] + [""]
    if recommendation.not_applied:
        lines.append("Rules that did not apply: " + ", ".join(f"`{name}`" for name in recommendation.not_applied) + ".")
    sources = {e.source for reason in recommendation.reasons for e in reason.evidence}
    if REFERENCE_SOURCE in sources:
        lines.append(f"Evidence marked [reference] comes from {REFERENCE_RUN}, not from your own runs.")
    return "\n".join(lines).rstrip() + "\n"
