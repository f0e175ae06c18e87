"""tools/reference.py reduces a scorecard to the advisor's reference figures as documented."""

from __future__ import annotations

import math

import pandas as pd

from tools import reference


def _row(notebook, task, family, model, score, metric="accuracy", n_train=100):
    return {"notebook": notebook, "task": task, "family": family, "model": model, "metric": metric,
            "score": score, "n_train": n_train, "fit_time_s": 0.5, "latency_p50_ms": math.nan,
            "size_bytes": 1000}


def test_the_best_of_each_family_per_task_and_nothing_that_compares_no_ml_with_dl():
    rows = pd.DataFrame([
        _row("02-supervised", "churn", "classical ML", "tree", 0.80),
        _row("02-supervised", "churn", "classical ML", "forest", 0.90),
        _row("02-supervised", "churn", "baseline", "majority", 0.60),
        _row("02-supervised", "diabetes", "classical ML", "ridge", 50.0, metric="rmse"),
        _row("02-supervised", "diabetes", "classical ML", "tree", 60.0, metric="rmse"),
        _row("03-unsupervised", "customer segments", "classical ML", "k-means", 0.5),
        _row("07-data-volume", "churn learning curve", "deep learning", "MLP", 0.7, n_train=50),
        _row("07-data-volume", "churn learning curve", "deep learning", "MLP", 0.9, n_train=1000),
        _row("10-choosing", "credit", "classical ML", "logistic regression", 0.9),
    ])
    kept = [(r["task"], r["model"], r["score"]) for r in reference.reduce_rows(rows)]
    assert kept == [("churn", "forest", 0.90), ("diabetes", "ridge", 50.0),
                    ("churn learning curve", "MLP", 0.7), ("churn learning curve", "MLP", 0.9)]


def test_the_lines_are_the_modules_syntax():
    rows = pd.DataFrame([_row("01-ai-ml-dl", "breast cancer", "classical ML", "tree", 0.94412)])
    claims = pd.DataFrame([{"notebook": "01-ai-ml-dl", "claim": "ML's claim", "verdict": "holds"},
                           {"notebook": "10-choosing", "claim": "its own", "verdict": "fails"}])
    figures, verdicts = reference.reference_lines(rows, claims)
    assert figures == ['    _ref("01-ai-ml-dl", "breast cancer", "classical ML", "tree", "accuracy", 0.9441, '
                       '100, 0.5, None, 1000),']
    assert verdicts == ['    ("01-ai-ml-dl", "ML\'s claim", "holds"),']
