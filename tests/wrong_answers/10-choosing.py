"""Plausible wrong answers to the exercises of 10-choosing.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
"""

_CONSTANTS = '''FAMILY_ORDER = {"classical ML": 0, "hybrid": 1, "deep learning": 2}
LOWER_IS_BETTER = {"rmse", "mae", "mse", "log_loss"}

'''

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-best-per-family": [
        # Higher is better for every metric: the worst rmse is kept as the "best".
        _CONSTANTS + '''def best_per_family(rows):
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))]
    best = kept.iloc[(-kept["score"]).reset_index(drop=True).sort_values(kind="stable").index]
    best = best.groupby(["notebook", "task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER)).sort_values(["notebook", "task", "_rank"], kind="stable")
    return best.drop(columns="_rank").reset_index(drop=True)
''',
        # Ties keep the last row: sorted worst first and the last row of each group taken.
        _CONSTANTS + '''def best_per_family(rows):
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))]
    key = kept["score"].where(kept["metric"].isin(list(LOWER_IS_BETTER)), -kept["score"])
    best = kept.iloc[(-key).reset_index(drop=True).sort_values(kind="stable").index]
    best = best.groupby(["notebook", "task", "family"], sort=False).tail(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER)).sort_values(["notebook", "task", "_rank"], kind="stable")
    return best.drop(columns="_rank").reset_index(drop=True)
''',
        # Families sorted alphabetically: deep learning before hybrid.
        _CONSTANTS + '''def best_per_family(rows):
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))]
    key = kept["score"].where(kept["metric"].isin(list(LOWER_IS_BETTER)), -kept["score"])
    best = kept.iloc[key.reset_index(drop=True).sort_values(kind="stable").index]
    best = best.groupby(["notebook", "task", "family"], sort=False).head(1)
    return best.sort_values(["notebook", "task", "family"], kind="stable").reset_index(drop=True)
''',
        # Keeps every family, baselines and hand-written rules included.
        _CONSTANTS + '''def best_per_family(rows):
    key = rows["score"].where(rows["metric"].isin(list(LOWER_IS_BETTER)), -rows["score"])
    best = rows.iloc[key.reset_index(drop=True).sort_values(kind="stable").index]
    best = best.groupby(["notebook", "task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER).fillna(9)).sort_values(["notebook", "task", "_rank"],
                                                                                      kind="stable")
    return best.drop(columns="_rank").reset_index(drop=True)
''',
        # One best per task and family across notebooks: 04's and 08's "churn" are merged.
        _CONSTANTS + '''def best_per_family(rows):
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))]
    key = kept["score"].where(kept["metric"].isin(list(LOWER_IS_BETTER)), -kept["score"])
    best = kept.iloc[key.reset_index(drop=True).sort_values(kind="stable").index]
    best = best.groupby(["task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER)).sort_values(["notebook", "task", "_rank"], kind="stable")
    return best.drop(columns="_rank").reset_index(drop=True)
''',
        # Keeps the original index labels instead of 0, 1, 2, …
        _CONSTANTS + '''def best_per_family(rows):
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))]
    key = kept["score"].where(kept["metric"].isin(list(LOWER_IS_BETTER)), -kept["score"])
    best = kept.iloc[key.reset_index(drop=True).sort_values(kind="stable").index]
    best = best.groupby(["notebook", "task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER)).sort_values(["notebook", "task", "_rank"], kind="stable")
    return best.drop(columns="_rank")
''',
        # Ties broken by the index label (idxmax after sorting the index), not by the order of the rows.
        _CONSTANTS + '''def best_per_family(rows):
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))].sort_index()
    key = kept["score"].where(kept["metric"].isin(list(LOWER_IS_BETTER)), -kept["score"])
    chosen = (-key).groupby([kept["notebook"], kept["task"], kept["family"]]).idxmax()
    best = kept.loc[chosen.to_numpy()]
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER)).sort_values(["notebook", "task", "_rank"], kind="stable")
    return best.drop(columns="_rank").reset_index(drop=True)
''',
        # Only the key columns: the rest of each best row (times, sizes) is lost.
        _CONSTANTS + '''def best_per_family(rows):
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))]
    key = kept["score"].where(kept["metric"].isin(list(LOWER_IS_BETTER)), -kept["score"])
    best = kept.iloc[key.reset_index(drop=True).sort_values(kind="stable").index]
    best = best.groupby(["notebook", "task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER)).sort_values(["notebook", "task", "_rank"], kind="stable")
    return best[["notebook", "task", "model", "family", "metric", "score"]].reset_index(drop=True)
''',
        # The shortcut: the advisor's own table (its columns differ, and the tests forbid it).
        _CONSTANTS + '''def best_per_family(rows):
    from utils import advisor
    table = advisor.evidence_table(rows, pd.DataFrame(columns=["notebook", "claim", "verdict"]))
    return table[table["source"] == "your scorecard"].reset_index(drop=True)
''',
    ],
    "ex2-rule": [
        # "More than" instead of "at least": exactly 10,000 labelled rows do not count.
        '''def large_labelled_raw_data_with_gpu(problem):
    if problem.unstructured and problem.features == "raw" and problem.hardware == "gpu-available" \\
            and problem.labelled_rows > 10 * advisor.FEW_LABELS:
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled rows and a GPU.")
    return None
''',
        # Counts all rows, labelled or not.
        '''def large_labelled_raw_data_with_gpu(problem):
    if problem.unstructured and problem.features == "raw" and problem.hardware == "gpu-available" \\
            and problem.rows >= 10 * advisor.FEW_LABELS:
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled rows and a GPU.")
    return None
''',
        # Forgets the hardware: fires on a CPU-only machine too.
        '''def large_labelled_raw_data_with_gpu(problem):
    if problem.unstructured and problem.features == "raw" and problem.labelled_rows >= 10 * advisor.FEW_LABELS:
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled rows and a GPU.")
    return None
''',
        # Forgets that the data must be raw: fires on engineered features.
        '''def large_labelled_raw_data_with_gpu(problem):
    if problem.unstructured and problem.hardware == "gpu-available" and problem.labelled_rows >= 10 * advisor.FEW_LABELS:
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled rows and a GPU.")
    return None
''',
        # Checks "raw" but not "unstructured": a table declared raw gets a deep-learning vote.
        '''def large_labelled_raw_data_with_gpu(problem):
    if problem.features == "raw" and problem.hardware == "gpu-available" and problem.labelled_rows >= 10 * advisor.FEW_LABELS:
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled rows and a GPU.")
    return None
''',
        # Vetoes classical ML as well: one rule overrules all the others.
        '''def large_labelled_raw_data_with_gpu(problem):
    if problem.unstructured and problem.features == "raw" and problem.hardware == "gpu-available" \\
            and problem.labelled_rows >= 10 * advisor.FEW_LABELS:
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled rows and a GPU.",
                            vetoes=(advisor.CLASSICAL,))
    return None
''',
        # Always returns a Vote, one that says nothing when the rule does not apply.
        '''def large_labelled_raw_data_with_gpu(problem):
    if problem.unstructured and problem.features == "raw" and problem.hardware == "gpu-available" \\
            and problem.labelled_rows >= 10 * advisor.FEW_LABELS:
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled rows and a GPU.")
    return advisor.Vote("", "the rule does not apply")
''',
        # The number without thousands separators.
        '''def large_labelled_raw_data_with_gpu(problem):
    if problem.unstructured and problem.features == "raw" and problem.hardware == "gpu-available" \\
            and problem.labelled_rows >= 10 * advisor.FEW_LABELS:
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows} labelled rows and a GPU.")
    return None
''',
        # Class "typed threshold": the value of 10 * advisor.FEW_LABELS copied into a constant of
        # its own, so the rule ignores a change of advisor.FEW_LABELS.
        '''LOTS_OF_LABELS = 10 * 1_000


def large_labelled_raw_data_with_gpu(problem):
    if problem.unstructured and problem.features == "raw" and problem.hardware == "gpu-available" \\
            and problem.labelled_rows >= LOTS_OF_LABELS:
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled rows and a GPU.")
    return None
''',
        # Class "zero read as unknown": a falsy labelled_rows (0) falls back to rows, as if every
        # row were labelled.
        '''def large_labelled_raw_data_with_gpu(problem):
    labelled = problem.labelled_rows if problem.labelled_rows else problem.rows
    if problem.unstructured and problem.features == "raw" and problem.hardware == "gpu-available" \\
            and labelled >= 10 * advisor.FEW_LABELS:
        return advisor.Vote(advisor.DEEP, f"{labelled:,} labelled rows and a GPU.")
    return None
''',
    ],
    "ex3-score": [
        # z-scores instead of min–max.
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        z = (values - values.mean()) / values.std()
        total += weight * z.fillna(0.0)
    return total / sum(abs(w) for w in weights.values())
''',
        # No division: a weighted sum, not a weighted mean (scores above 1).
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        rescaled = values.notna().astype(float) if high == low else \\
            ((values - low) if weight > 0 else (high - values)) / (high - low)
        total += abs(weight) * rescaled.fillna(0.0)
    return total
''',
        # Divides by the sum of the signed weights.
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        rescaled = values.notna().astype(float) if high == low else \\
            ((values - low) if weight > 0 else (high - values)) / (high - low)
        total += abs(weight) * rescaled.fillna(0.0)
    return total / sum(weights.values())
''',
        # A missing value makes the whole score NaN.
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        rescaled = values.notna().astype(float) if high == low else \\
            ((values - low) if weight > 0 else (high - values)) / (high - low)
        total += abs(weight) * rescaled
    return total / sum(abs(w) for w in weights.values())
''',
        # Fills a missing value with the column's minimum before rescaling (the best latency!).
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        values = values.fillna(values.min())
        low, high = values.min(), values.max()
        rescaled = pd.Series(1.0, index=options.index) if high == low else \\
            ((values - low) if weight > 0 else (high - values)) / (high - low)
        total += abs(weight) * rescaled
    return total / sum(abs(w) for w in weights.values())
''',
        # A constant column divides by zero: every option gets NaN there, then 0.
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        rescaled = ((values - low) if weight > 0 else (high - values)) / (high - low)
        total += abs(weight) * rescaled.fillna(0.0)
    return total / sum(abs(w) for w in weights.values())
''',
        # Does not flip the negative weights: a lower latency counts as worse.
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        rescaled = values.notna().astype(float) if high == low else (values - low) / (high - low)
        total += abs(weight) * rescaled.fillna(0.0)
    return total / sum(abs(w) for w in weights.values())
''',
        # Ranks instead of min–max rescaling.
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        ranks = options[column].rank(ascending=weight > 0, pct=True)
        total += abs(weight) * ranks.fillna(0.0)
    return total / sum(abs(w) for w in weights.values())
''',
        # Sorts the scores, best first: the options lose their order.
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        rescaled = values.notna().astype(float) if high == low else \\
            ((values - low) if weight > 0 else (high - values)) / (high - low)
        total += abs(weight) * rescaled.fillna(0.0)
    return (total / sum(abs(w) for w in weights.values())).sort_values(ascending=False)
''',
        # Rescales in place, changing the caller's DataFrame.
        '''def requirement_score(options, weights):
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        rescaled = values.notna().astype(float) if high == low else \\
            ((values - low) if weight > 0 else (high - values)) / (high - low)
        options[column] = rescaled.fillna(0.0)
    return sum(abs(w) * options[c] for c, w in weights.items()) / sum(abs(w) for w in weights.values())
''',
        # Class "constant column missed when one value is measured": the spread is tested with the
        # variance, which is NaN (not 0) for a single measured value, so that option gets 0, not 1.
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        rescaled = values.notna().astype(float) if values.var() == 0 else \\
            ((values - low) if weight > 0 else (high - values)) / (high - low)
        total += abs(weight) * rescaled.fillna(0.0)
    return total / sum(abs(w) for w in weights.values())
''',
        # Class "changes options": casts each weighted column to float in the caller's DataFrame
        # (the values stay equal, an integer column's dtype does not).
        '''def requirement_score(options, weights):
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        options[column] = options[column].astype(float)
        values = options[column]
        low, high = values.min(), values.max()
        rescaled = values.notna().astype(float) if high == low else \\
            ((values - low) if weight > 0 else (high - values)) / (high - low)
        total += abs(weight) * rescaled.fillna(0.0)
    return total / sum(abs(w) for w in weights.values())
''',
    ],
}
