"""Tests of utils.advisor: each rule pinned, how they combine, evidence linking, the evidence table
with a full, a partial and an empty scorecard, and bad or contradictory input."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from utils import advisor, scorecard
from utils._evidence import Source, find_evidence

CLASSICAL, HYBRID, DEEP = advisor.CLASSICAL, advisor.HYBRID, advisor.DEEP
P = advisor.Problem
REFERENCE_NOTEBOOKS = sorted({row.notebook for row in advisor.REFERENCE})


@pytest.fixture()
def no_rows() -> pd.DataFrame:
    """An empty scorecard: every reason must fall back on the reference figures."""
    return pd.DataFrame(columns=["notebook", "task", "model", "family", "metric", "score"])


@pytest.fixture()
def scorecard_file(tmp_path, monkeypatch):
    """A fresh, empty scorecard for the test (never the learner's)."""
    file = tmp_path / "scorecard.json"
    monkeypatch.setenv("COURSE_SCORECARD", str(file))
    return file


def rows(*entries: tuple) -> pd.DataFrame:
    """Scorecard rows from (notebook, task, model, family, metric, score[, n_train, fit_time_s, latency_p50_ms])."""
    columns = ["notebook", "task", "model", "family", "metric", "score", "n_train", "fit_time_s", "latency_p50_ms"]
    return pd.DataFrame([list(e) + [None] * (len(columns) - len(e)) for e in entries], columns=columns)


def record_reference_notebooks(notebooks: list[str]) -> None:
    """Record the reference run's rows of ``notebooks`` in the current scorecard, scores nudged
    by +0.001 so that a test can tell the learner's rows from the reference."""
    for row in advisor.REFERENCE:
        if row.notebook in notebooks:
            scorecard.record(row.notebook, row.task, row.model, row.metric, row.score + 0.001, family=row.family,
                             n_train=row.n_train, fit_time_s=row.fit_time_s,
                             costs={"latency_p50_ms": row.latency_p50_ms})


# --------------------------------------------------------------------------------------
# Each rule: the facts that trigger it, and the facts that do not
# --------------------------------------------------------------------------------------

RULE_CASES = {
    "small_tabular_data": (
        [P("tabular", rows=5000, labelled_rows=300), P("signals", rows=200, features="engineered")],
        [P("tabular", rows=5000), P("images", rows=500), P("tabular", rows=800, features="raw")],
        CLASSICAL, ()),
    "tabular_data": (
        [P("tabular", rows=50), P("tabular", rows=10**6, features="raw")],
        [P("images", rows=5000), P("text", rows=5000, features="engineered")],
        CLASSICAL, ()),
    "raw_unstructured_data": (
        [P("images", rows=5000), P("signals", rows=300), P("text", rows=50_000, labelled_rows=2000, pretrained_model=True)],
        [P("tabular", rows=5000), P("images", rows=5000, features="engineered"),
         P("images", rows=5000, labelled_rows=500, pretrained_model=True)],
        DEEP, ()),
    "engineered_features": (
        [P("images", rows=5000, features="engineered"), P("signals", rows=100, features="engineered")],
        [P("images", rows=5000), P("tabular", rows=5000)],
        CLASSICAL, ()),
    "few_labels_pretrained": (
        [P("images", rows=5000, labelled_rows=200, pretrained_model=True), P("signals", rows=999, pretrained_model=True)],
        [P("images", rows=5000, labelled_rows=200), P("images", rows=5000, pretrained_model=True),
         P("tabular", rows=200, pretrained_model=True)],
        HYBRID, ()),
    "explanation_for_regulator": (
        [P("tabular", rows=5000, explanation="regulator"), P("images", rows=5000, features="engineered", explanation="regulator")],
        [P("tabular", rows=5000, explanation="customer"), P("tabular", rows=5000, explanation="internal"),
         P("tabular", rows=5000)],
        CLASSICAL, (DEEP, HYBRID)),
    "explanation_for_customers": (
        [P("tabular", rows=5000, explanation="customer"), P("images", rows=5000, explanation="customer")],
        [P("tabular", rows=5000, explanation="regulator"), P("tabular", rows=5000, explanation="internal")],
        CLASSICAL, ()),
    "tight_latency": (
        [P("tabular", rows=5000, latency_ms=1.0), P("signals", rows=5000, latency_ms=0.2),
         P("tabular", rows=5000, requests_per_s=2000)],  # 0.5 ms per request for one core
        [P("tabular", rows=5000, latency_ms=1.5), P("tabular", rows=5000, latency_ms=0.5, hardware="gpu-available"),
         P("tabular", rows=5000), P("tabular", rows=5000, requests_per_s=500)],
        "a small model (linear, a small tree ensemble or a small network)", (HYBRID,)),
    "frequent_retraining_small_budget": (
        [P("tabular", rows=5000, retraining="daily", training_cpu_hours=0.5),
         P("signals", rows=5000, features="engineered", retraining="weekly", training_cpu_hours=0.0)],
        [P("tabular", rows=5000, retraining="monthly", training_cpu_hours=0.5),
         P("tabular", rows=5000, retraining="daily", training_cpu_hours=1.0),
         P("tabular", rows=5000, retraining="daily")],
        CLASSICAL, ()),
    "expensive_labels": (
        [P("tabular", rows=5000, labelled_rows=300, cost_per_label=5.0),
         P("signals", rows=900, features="engineered", cost_per_label=1.0)],
        [P("tabular", rows=5000, labelled_rows=300, cost_per_label=0.5), P("tabular", rows=5000, cost_per_label=5.0),
         P("tabular", rows=5000, labelled_rows=300)],
        CLASSICAL, ()),
}


def test_every_rule_has_its_test_a_docstring_and_reference_evidence():
    assert [rule.__name__ for rule in advisor.RULES] == list(RULE_CASES)
    reference_tasks = {(row.notebook, row.task) for row in advisor.REFERENCE}
    for rule in advisor.RULES:
        assert rule.__doc__ and len(rule.__doc__) > 60, rule.__name__
        assert rule.evidence and all(isinstance(s, Source) for s in rule.evidence), rule.__name__
        # every measurement a rule cites exists in the reference run: no reason without a figure
        assert all((s.notebook, s.task) in reference_tasks for s in rule.evidence), rule.__name__


@pytest.mark.parametrize("name", list(RULE_CASES))
def test_rule_applies_exactly_to_its_facts(name):
    rule = getattr(advisor, "RULES")[[r.__name__ for r in advisor.RULES].index(name)]
    triggers, others, says, vetoes = RULE_CASES[name]
    for problem in triggers:
        vote = rule(problem)
        assert vote is not None, f"{name} should apply to {problem}"
        assert vote.says == says and vote.vetoes == vetoes and vote.because
    for problem in others:
        assert rule(problem) is None, f"{name} should not apply to {problem}"


def test_rules_that_answer_differently_for_raw_unstructured_data():
    rules = {r.__name__: r for r in advisor.RULES}
    regulator = rules["explanation_for_regulator"](P("images", rows=5000, explanation="regulator"))
    assert regulator.says == HYBRID and regulator.vetoes == (DEEP,)
    retrain = rules["frequent_retraining_small_budget"](P("images", rows=5000, retraining="daily", training_cpu_hours=0.1))
    assert retrain.says == HYBRID
    labels = rules["expensive_labels"]
    assert labels(P("images", rows=5000, labelled_rows=100, cost_per_label=2.0)).says == DEEP
    pretrained = labels(P("images", rows=5000, labelled_rows=100, cost_per_label=2.0, pretrained_model=True))
    assert pretrained.says == HYBRID and "1,800" in pretrained.because  # (1,000 - 100) labels × 2.0


# --------------------------------------------------------------------------------------
# How the rules combine
# --------------------------------------------------------------------------------------

V = advisor.Vote


@pytest.mark.parametrize(
    ("votes", "choice", "words"),
    [([], CLASSICAL, "no rule voted"),
     ([V(DEEP, "x"), V(DEEP, "y"), V(CLASSICAL, "z")], DEEP, "most votes (classical ML 1, deep learning 2)"),
     ([V(DEEP, "x"), V(DEEP, "y"), V(CLASSICAL, "z", vetoes=(DEEP,))], CLASSICAL, "vetoed: deep learning"),
     ([V(DEEP, "x"), V(CLASSICAL, "y")], HYBRID, "tie between classical ML and deep learning"),
     ([V(DEEP, "x"), V(CLASSICAL, "y"), V("a small model", "z", vetoes=(HYBRID,))], CLASSICAL, "cheaper to run"),
     ([V(HYBRID, "x"), V(DEEP, "y")], HYBRID, "cheaper to run"),
     ([V("a small model", "only a constraint")], CLASSICAL, "no rule voted"),
     ([V(DEEP, "x", vetoes=(CLASSICAL, HYBRID)), V(CLASSICAL, "y", vetoes=(DEEP,))], CLASSICAL, "no rule voted")],
)
def test_combine(votes, choice, words):
    decided_choice, how = advisor.combine(votes)
    assert decided_choice == choice and words in how


@pytest.mark.parametrize(
    ("problem", "choice"),
    [(P("tabular", rows=5000, explanation="regulator"), CLASSICAL),
     (P("images", rows=50_000), DEEP),
     (P("images", rows=20_000, labelled_rows=800, pretrained_model=True, explanation="internal"), HYBRID),
     (P("images", rows=5000, explanation="customer"), HYBRID),  # deep 1, classical 1: a tie → hybrid
     (P("images", rows=5000, explanation="regulator"), HYBRID),
     (P("signals", rows=5000, features="engineered", latency_ms=0.5), CLASSICAL)],
)
def test_advise_end_to_end(problem, choice, no_rows):
    recommendation = advisor.advise(problem, evidence=no_rows)
    assert recommendation.choice == choice
    assert recommendation.problem is problem
    assert {r.rule for r in recommendation.reasons} | set(recommendation.not_applied) == {r.__name__ for r in advisor.RULES}


def test_advise_reads_the_scorecard_when_no_evidence_is_given(scorecard_file):
    record_reference_notebooks(["04-neural-networks", "09-interpretability"])
    recommendation = advisor.advise(P("tabular", rows=5000))
    cited = {(e.notebook, e.source) for r in recommendation.reasons for e in r.evidence}
    assert ("04-neural-networks", "your scorecard") in cited and ("07-data-volume", "reference") in cited


# --------------------------------------------------------------------------------------
# Evidence linking
# --------------------------------------------------------------------------------------


def test_reasons_cite_the_learners_rows_where_they_exist(no_rows):
    own = rows(("04-neural-networks", "churn (5-fold CV)", "gradient boosting", "classical ML", "accuracy", 0.91),
               ("04-neural-networks", "churn (5-fold CV)", "MLP", "deep learning", "accuracy", 0.97),
               ("04-neural-networks", "churn (5-fold CV)", "logistic regression", "classical ML", "accuracy", 0.87))
    recommendation = advisor.advise(P("tabular", rows=5000), evidence=own)
    tabular = next(r for r in recommendation.reasons if r.rule == "tabular_data")
    first = tabular.evidence[0]
    assert first.source == "your scorecard" and first.notebook == "04-neural-networks"
    assert first.measured == "accuracy: classical ML: gradient boosting 0.91; deep learning: MLP 0.97"
    assert {e.source for e in tabular.evidence[1:]} == {"reference"}  # 07 and 09 are not in these rows
    text = advisor.explain(recommendation)
    assert "[your scorecard] 04-neural-networks · churn (5-fold CV)" in text and "[reference] 09-interpretability" in text
    assert advisor.REFERENCE_RUN in text  # the reference figures say where they come from


def test_reasons_fall_back_on_labelled_reference_figures(no_rows):
    recommendation = advisor.advise(P("tabular", rows=5000), evidence=no_rows)
    evidence = [e for r in recommendation.reasons for e in r.evidence]
    assert evidence and {e.source for e in evidence} == {"reference"}
    churn = next(e for e in evidence if e.task == "churn (5-fold CV)")
    figures = {r.model: r.score for r in advisor.REFERENCE if r.task == "churn (5-fold CV)" and r.notebook == churn.notebook}
    assert all(f"{model} {score:.3g}" in churn.measured for model, score in figures.items())
    assert str(churn).startswith("[reference] 04-neural-networks · churn (5-fold CV): accuracy")


def test_missing_measurements_say_not_measured_yet(no_rows):
    found = find_evidence(no_rows, [Source("10-choosing", "defect inspection")])
    assert found[0].source == "not measured yet" and found[0].measured == ""
    assert "not measured yet" in str(found[0]) and "run that notebook" in str(found[0])


def test_rows_without_the_measure_fall_back_on_the_reference():
    without_latency = rows(("08-cost", "churn", "MLP", "deep learning", "accuracy", 0.9, 3000, 0.5))
    latency, fit = find_evidence(without_latency, [Source("08-cost", "churn", "latency_p50_ms"),
                                                   Source("08-cost", "churn", "fit_time_s")])
    assert latency.source == "reference" and latency.measured.startswith("latency p50 per request: classical ML")
    assert fit.source == "your scorecard" and fit.measured == "training time: deep learning 0.5 s (1 model)"


def test_learning_curves_are_summarised_at_their_smallest_and_largest_size():
    curve = rows(*[("07-data-volume", "churn learning curve", f"{m} ({n})", family, "accuracy", score, n)
                   for m, family, n, score in [("boosting", "classical ML", 100, 0.8), ("boosting", "classical ML", 1000, 0.9),
                                               ("MLP", "deep learning", 100, 0.7), ("MLP", "deep learning", 1000, 0.95)]])
    evidence, = find_evidence(curve, [Source("07-data-volume", "churn learning curve")])
    assert evidence.measured == ("accuracy, at 100 labels — classical ML: boosting (100) 0.8; deep learning: MLP (100) 0.7"
                                 " | at 1,000 labels — classical ML: boosting (1000) 0.9; deep learning: MLP (1000) 0.95")


# --------------------------------------------------------------------------------------
# The evidence table: full, partial and empty scorecards
# --------------------------------------------------------------------------------------


def test_evidence_table_with_an_empty_scorecard(scorecard_file):
    table = advisor.evidence_table()
    assert list(table.columns) == ["notebook", "task", "family", "model", "metric", "score", "n_train", "fit_time_s",
                                   "latency_p50_ms", "size_bytes", "interpretability", "claim verdicts", "source"]
    assert set(table["source"]) == {"reference"} and table.attrs["missing"] == REFERENCE_NOTEBOOKS
    assert "Not in your scorecard: 01-ai-ml-dl" in table.attrs["note"]
    assert table["claim verdicts"].str.startswith("reference: ").all()
    assert set(table["family"]) == {"classical ML", "deep learning", "hybrid"}
    assert not table.duplicated(["notebook", "task", "family"]).any()


def test_evidence_table_with_a_partial_scorecard(scorecard_file):
    record_reference_notebooks(["04-neural-networks", "08-cost"])
    scorecard.record("04-neural-networks", "churn (5-fold CV)", "majority class", "accuracy", 0.99, family="baseline")
    scorecard.record_claim("04-neural-networks", "ML trains in minutes", measured="1 s", verdict="holds", scale="1,500 rows")
    scorecard.record_claim("04-neural-networks", "DL needs GPUs", measured="2 s", verdict="fails", scale="1,500 rows")
    table = advisor.evidence_table()
    yours = table[table["source"] == "your scorecard"]
    assert set(yours["notebook"]) == {"04-neural-networks", "08-cost"}
    assert table.attrs["missing"] == [n for n in REFERENCE_NOTEBOOKS if n not in ("04-neural-networks", "08-cost")]
    assert "07-data-volume" in table.attrs["note"] and "04-neural-networks" not in table.attrs["note"]
    churn = yours[(yours["task"] == "churn (5-fold CV)")].set_index("family")
    assert churn.loc["classical ML", "model"] == "gradient boosting"  # the baseline is not a family
    assert churn.loc["classical ML", "score"] == pytest.approx(0.9258)  # the learner's own (nudged) figure
    assert churn.loc["classical ML", "claim verdicts"] == "1 holds, 1 fails"
    assert (yours.loc[yours["notebook"] == "08-cost", "claim verdicts"] == "none recorded").all()
    latency = yours[(yours["notebook"] == "08-cost") & (yours["task"] == "churn")].set_index("family")["latency_p50_ms"]
    assert latency.notna().all()


def test_evidence_table_with_a_full_scorecard(scorecard_file):
    record_reference_notebooks(REFERENCE_NOTEBOOKS)
    table = advisor.evidence_table()
    assert set(table["source"]) == {"your scorecard"} and table.attrs["missing"] == []
    assert "every row is your own measurement" in table.attrs["note"]
    reference = advisor.evidence_table(scorecard.load().iloc[:0], scorecard.load_claims())
    assert len(table) == len(reference)  # the same tasks and families, now all the learner's


def test_evidence_table_picks_the_best_model_by_the_metrics_direction():
    own = rows(("02-supervised", "diabetes", "linear regression", "classical ML", "rmse", 53.4),
               ("02-supervised", "diabetes", "gradient boosting", "classical ML", "rmse", 57.9),
               ("10-choosing", "defects", "CNN", "deep learning", "balanced_accuracy", 0.7),
               ("10-choosing", "defects", "bigger CNN", "deep learning", "balanced_accuracy", 0.8))
    table = advisor.evidence_table(own, pd.DataFrame(columns=["notebook", "claim", "verdict"]))
    best = table[table["source"] == "your scorecard"].set_index("task")["model"]
    assert best["diabetes"] == "linear regression" and best["defects"] == "bigger CNN"
    assert "10-choosing" not in table.attrs["missing"]


@pytest.mark.parametrize(
    ("model", "family", "level"),
    [("logistic regression", "classical ML", "high"), ("decision tree (depth 3)", "classical ML", "high"),
     ("additive (splines)", "classical ML", "high"), ("random forest", "classical ML", "medium"),
     ("gradient boosting", "classical ML", "medium"), ("k-NN", "classical ML", "medium"),
     ("SVM (RBF kernel)", "classical ML", "medium"), ("MLP", "deep learning", "low"),
     ("CNN embedding → logistic regression", "hybrid", "low")],
)
def test_interpretability_follows_the_stated_rule(model, family, level):
    assert advisor.interpretability(model, family) == level


def test_claims_table_fills_missing_notebooks_from_the_reference():
    own = pd.DataFrame([{"notebook": "08-cost", "claim": "c", "verdict": "holds"}])
    table = advisor.claims_table(own)
    assert set(table.loc[table["notebook"] == "08-cost", "source"]) == {"your scorecard"}
    assert len(table[table["notebook"] == "08-cost"]) == 1
    assert set(table.loc[table["notebook"] != "08-cost", "source"]) == {"reference"}
    assert set(table["verdict"]) <= {"holds", "fails"}


# --------------------------------------------------------------------------------------
# Bad and contradictory input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [({"rows": 100, "labelled_rows": 200}, ValueError, r"labelled_rows \(200\) cannot exceed rows \(100\)"),
     ({"rows": 0}, ValueError, r"rows must be at least 1"),
     ({"rows": 1.5}, TypeError, r"rows must be an int"),
     ({"rows": 10, "data_type": "video"}, ValueError, r"data_type='video' is not one of .*'tabular'"),
     ({"rows": 10, "features": "deep"}, ValueError, r"features='deep' is not one of"),
     ({"rows": 10, "explanation": "auditor"}, ValueError, r"'regulator'"),
     ({"rows": 10, "latency_ms": 0}, ValueError, r"latency_ms must be more than 0.*None for no limit"),
     ({"rows": 10, "requests_per_s": -5}, ValueError, r"requests_per_s must be more than 0"),
     ({"rows": 10, "cost_per_label": -1}, ValueError, r"cost_per_label must be at least 0"),
     ({"rows": 10, "training_cpu_hours": "1h"}, TypeError, r"training_cpu_hours must be a number"),
     ({"rows": 10, "retraining": "hourly"}, ValueError, r"retraining='hourly' is not one of"),
     ({"rows": 10, "hardware": "tpu"}, ValueError, r"hardware='tpu'"),
     ({"rows": 10, "pretrained_model": "yes"}, TypeError, r"pretrained_model must be True or False")],
)
def test_impossible_facts_raise_an_error_that_says_what_to_fix(kwargs, error, message):
    kwargs = {"data_type": "tabular", **kwargs}
    with pytest.raises(error, match=message):
        advisor.Problem(**kwargs)


def test_problem_fills_its_defaults_and_is_frozen():
    problem = P("images", rows=300)
    assert problem.labelled_rows == 300 and problem.features == "raw" and problem.request_budget_ms is None
    assert P("tabular", rows=3).features == "engineered"
    assert P("tabular", rows=3, latency_ms=5, requests_per_s=400).request_budget_ms == 2.5
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.rows = 5  # type: ignore[misc]


def test_fifty_images_with_a_one_millisecond_budget_get_an_answer_with_warnings(no_rows):
    recommendation = advisor.advise(P("images", rows=50, latency_ms=1), evidence=no_rows)
    assert recommendation.choice in advisor.CHOICES
    assert any("Only 50 labelled rows" in w for w in recommendation.warnings)
    assert "⚠ Only 50 labelled rows" in advisor.explain(recommendation)


@pytest.mark.parametrize(
    ("problem", "warning"),
    [(P("tabular", rows=500, labelled_rows=0), "No labelled rows"),
     (P("text", rows=50_000), "The course measured no text tasks"),
     (P("images", rows=5000, explanation="customer", latency_ms=0.5), "Classical ML on raw images needs features"),
     (P("images", rows=5000, explanation="regulator"), "weight-randomisation sanity check"),
     (P("images", rows=500_000), "training time is not measured yet"),
     (P("tabular", rows=5000, latency_ms=0.001), "below the fastest single prediction measured")],
)
def test_contradictory_or_risky_facts_give_warnings_not_crashes(problem, warning, no_rows):
    recommendation = advisor.advise(problem, evidence=no_rows)
    assert any(warning in w for w in recommendation.warnings), recommendation.warnings


def test_the_fastest_latency_warning_cites_the_learners_own_measurement():
    own = rows(("08-cost", "churn", "tiny net", "deep learning", "accuracy", 0.9, 3000, 0.1, 0.004))
    recommendation = advisor.advise(P("tabular", rows=5000, latency_ms=0.002), evidence=own)
    assert any("tiny net: 0.004 ms p50, your scorecard, 08-cost" in w for w in recommendation.warnings)
    assert advisor.advise(P("tabular", rows=5000, latency_ms=0.01), evidence=own).warnings == []


def test_bad_arguments_to_the_functions(no_rows):
    with pytest.raises(TypeError, match=r"problem must be an advisor.Problem"):
        advisor.advise("tabular", evidence=no_rows)
    with pytest.raises(TypeError, match=r"evidence must be a pandas DataFrame"):
        advisor.advise(P("tabular", rows=10), evidence=[1, 2])
    with pytest.raises(ValueError, match=r"evidence lacks the column\(s\) \['family'"):
        advisor.advise(P("tabular", rows=10), evidence=no_rows.drop(columns=["family", "metric"]))
    with pytest.raises(TypeError, match=r"explain needs what advise\(\) returned"):
        advisor.explain(None)
    with pytest.raises(TypeError, match=r"claims must be a DataFrame"):
        advisor.evidence_table(no_rows, claims="none")


def test_recommendation_shows_itself_as_markdown(no_rows):
    recommendation = advisor.advise(P("tabular", rows=300, explanation="regulator", latency_ms=0.5), evidence=no_rows)
    markdown = recommendation._repr_markdown_()
    assert markdown == advisor.explain(recommendation) == str(recommendation)
    assert markdown.startswith("**Recommendation: classical ML**")
    assert "| rule | says | because | evidence |" in markdown
    for reason in recommendation.reasons:
        assert f"`{reason.rule}`" in markdown
    assert "rules out: deep learning" in markdown and "Rules that did not apply:" in markdown
