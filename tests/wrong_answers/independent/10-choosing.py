"""Independent wrong answers for 10-choosing, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-best-per-family": [
        # own set of error metrics instead of LOWER_IS_BETTER, forgetting log_loss: a log_loss task keeps its WORST row
        '''FAMILY_ORDER = {"classical ML": 0, "hybrid": 1, "deep learning": 2}
LOWER_IS_BETTER = {"rmse", "mae", "mse", "log_loss"}


def best_per_family(rows):
    """The best row of each notebook, task and family (FAMILY_ORDER), sorted, indexed 0, 1, 2, …"""
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))]
    if kept.empty:
        return rows.iloc[0:0].reset_index(drop=True)
    lower = kept["metric"].isin(["rmse", "mae", "mse"])
    key = kept["score"].where(lower, -kept["score"])
    ordered = kept.assign(_key=key).sort_values("_key", kind="stable")
    best = ordered.groupby(["notebook", "task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER))
    best = best.sort_values(["notebook", "task", "_rank"], kind="stable")
    return best.drop(columns=["_key", "_rank"]).reset_index(drop=True)
''',
        # keeps every family except "baseline" instead of only the three of FAMILY_ORDER (a "rules" or "reference" family slips through)
        '''FAMILY_ORDER = {"classical ML": 0, "hybrid": 1, "deep learning": 2}
LOWER_IS_BETTER = {"rmse", "mae", "mse", "log_loss"}


def best_per_family(rows):
    """The best row of each notebook, task and family (FAMILY_ORDER), sorted, indexed 0, 1, 2, …"""
    kept = rows[rows["family"] != "baseline"]
    if kept.empty:
        return rows.iloc[0:0].reset_index(drop=True)
    lower = kept["metric"].isin(LOWER_IS_BETTER)
    key = kept["score"].where(lower, -kept["score"])
    ordered = kept.assign(_key=key).sort_values("_key", kind="stable")
    best = ordered.groupby(["notebook", "task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER))
    best = best.sort_values(["notebook", "task", "_rank"], kind="stable")
    return best.drop(columns=["_key", "_rank"]).reset_index(drop=True)
''',
        # sort keys in the wrong order: notebook, then family, then task (only differs when a notebook has several tasks)
        '''FAMILY_ORDER = {"classical ML": 0, "hybrid": 1, "deep learning": 2}
LOWER_IS_BETTER = {"rmse", "mae", "mse", "log_loss"}


def best_per_family(rows):
    """The best row of each notebook, task and family (FAMILY_ORDER), sorted, indexed 0, 1, 2, …"""
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))]
    if kept.empty:
        return rows.iloc[0:0].reset_index(drop=True)
    lower = kept["metric"].isin(LOWER_IS_BETTER)
    key = kept["score"].where(lower, -kept["score"])
    ordered = kept.assign(_key=key).sort_values("_key", kind="stable")
    best = ordered.groupby(["notebook", "task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER))
    best = best.sort_values(["notebook", "_rank", "task"], kind="stable")
    return best.drop(columns=["_key", "_rank"]).reset_index(drop=True)
''',
        # RangeIndex habit: sort_index() first "to keep the original order", so a tie keeps the row with the smallest index label, not the row that comes first in rows
        '''FAMILY_ORDER = {"classical ML": 0, "hybrid": 1, "deep learning": 2}
LOWER_IS_BETTER = {"rmse", "mae", "mse", "log_loss"}


def best_per_family(rows):
    """The best row of each notebook, task and family (FAMILY_ORDER), sorted, indexed 0, 1, 2, …"""
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))].sort_index()
    if kept.empty:
        return rows.iloc[0:0].reset_index(drop=True)
    lower = kept["metric"].isin(LOWER_IS_BETTER)
    key = kept["score"].where(lower, -kept["score"])
    ordered = kept.assign(_key=key).sort_values("_key", kind="stable")
    best = ordered.groupby(["notebook", "task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER))
    best = best.sort_values(["notebook", "task", "_rank"], kind="stable")
    return best.drop(columns=["_key", "_rank"]).reset_index(drop=True)
''',
        # default (quicksort, not stable) sort on the score: on small inputs it happens to keep ties in order, on larger ones a tie can keep a later row
        '''FAMILY_ORDER = {"classical ML": 0, "hybrid": 1, "deep learning": 2}
LOWER_IS_BETTER = {"rmse", "mae", "mse", "log_loss"}


def best_per_family(rows):
    """The best row of each notebook, task and family (FAMILY_ORDER), sorted, indexed 0, 1, 2, …"""
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))]
    if kept.empty:
        return rows.iloc[0:0].reset_index(drop=True)
    lower = kept["metric"].isin(LOWER_IS_BETTER)
    key = kept["score"].where(lower, -kept["score"])
    ordered = kept.assign(_key=key).sort_values("_key")
    best = ordered.groupby(["notebook", "task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER))
    best = best.sort_values(["notebook", "task", "_rank"], kind="stable")
    return best.drop(columns=["_key", "_rank"]).reset_index(drop=True)
''',
        # empty case: returns a bare pd.DataFrame() without the columns of rows
        '''FAMILY_ORDER = {"classical ML": 0, "hybrid": 1, "deep learning": 2}
LOWER_IS_BETTER = {"rmse", "mae", "mse", "log_loss"}


def best_per_family(rows):
    """The best row of each notebook, task and family (FAMILY_ORDER), sorted, indexed 0, 1, 2, …"""
    kept = rows[rows["family"].isin(list(FAMILY_ORDER))]
    if len(kept) == 0:
        return pd.DataFrame()
    lower = kept["metric"].isin(LOWER_IS_BETTER)
    key = kept["score"].where(lower, -kept["score"])
    ordered = kept.assign(_key=key).sort_values("_key", kind="stable")
    best = ordered.groupby(["notebook", "task", "family"], sort=False).head(1)
    best = best.assign(_rank=best["family"].map(FAMILY_ORDER))
    best = best.sort_values(["notebook", "task", "_rank"], kind="stable")
    return best.drop(columns=["_key", "_rank"]).reset_index(drop=True)
''',
    ],
    "ex2-rule": [
        # forgets the features == "raw" condition: fires for images already turned into engineered features
        '''def large_labelled_raw_data_with_gpu(problem):
    """Many labelled raw images, signals or texts, and a GPU → deep learning."""
    if (problem.unstructured and problem.labelled_rows >= 10 * advisor.FEW_LABELS
            and problem.hardware == "gpu-available"):
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled {problem.data_type} and a GPU: "
                                          "networks usually reach the highest accuracy here.")
    return None
''',
        # "unstructured" read as images only: signals and text never get the vote
        '''def large_labelled_raw_data_with_gpu(problem):
    """Many labelled raw images, signals or texts, and a GPU → deep learning."""
    if (problem.data_type == "images" and problem.features == "raw"
            and problem.labelled_rows >= 10 * advisor.FEW_LABELS and problem.hardware == "gpu-available"):
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled raw images and a GPU: "
                                          "networks usually reach the highest accuracy here.")
    return None
''',
        # magic number 10_000 instead of 10 * advisor.FEW_LABELS: wrong as soon as advisor.FEW_LABELS changes (only a test that patches it can tell)
        '''def large_labelled_raw_data_with_gpu(problem):
    """Many labelled raw images, signals or texts, and a GPU → deep learning."""
    if (problem.unstructured and problem.features == "raw" and problem.labelled_rows >= 10_000
            and problem.hardware == "gpu-available"):
        return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled raw {problem.data_type} and a GPU: "
                                          "networks usually reach the highest accuracy here.")
    return None
''',
        # copies raw_unstructured_data's exception: does not apply when a pretrained network exists (the task has no such condition)
        '''def large_labelled_raw_data_with_gpu(problem):
    """Many labelled raw images, signals or texts, and a GPU → deep learning."""
    if not problem.unstructured or problem.features != "raw" or problem.hardware != "gpu-available":
        return None
    if problem.labelled_rows < 10 * advisor.FEW_LABELS or problem.pretrained_model:
        return None
    return advisor.Vote(advisor.DEEP, f"{problem.labelled_rows:,} labelled raw {problem.data_type} and a GPU: "
                                      "networks usually reach the highest accuracy here.")
''',
        # zero case: `labelled_rows or rows` treats 0 labelled rows as "all rows labelled", so 0 labels with many rows still votes
        '''def large_labelled_raw_data_with_gpu(problem):
    """Many labelled raw images, signals or texts, and a GPU → deep learning."""
    labelled = problem.labelled_rows or problem.rows
    if (problem.unstructured and problem.features == "raw" and labelled >= 10 * advisor.FEW_LABELS
            and problem.hardware == "gpu-available"):
        return advisor.Vote(advisor.DEEP, f"{labelled:,} labelled raw {problem.data_type} and a GPU: "
                                          "networks usually reach the highest accuracy here.")
    return None
''',
        # rounds the count "for readability": the sentence gives about 12,000 for 12,345 labelled rows, not the number
        '''def large_labelled_raw_data_with_gpu(problem):
    """Many labelled raw images, signals or texts, and a GPU → deep learning."""
    if (problem.unstructured and problem.features == "raw" and problem.labelled_rows >= 10 * advisor.FEW_LABELS
            and problem.hardware == "gpu-available"):
        about = int(round(problem.labelled_rows, -3))
        return advisor.Vote(advisor.DEEP, f"About {about:,} labelled raw {problem.data_type} and a GPU: "
                                          "networks usually reach the highest accuracy here.")
    return None
''',
    ],
    "ex3-score": [
        # constant column: every option gets 1, even one whose value is missing (it should get 0)
        '''def requirement_score(options, weights):
    """Each option's weighted mean of min–max rescaled measurements (NaN earns 0), between 0 and 1."""
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        if high == low:
            scaled = pd.Series(1.0, index=options.index)
        elif weight > 0:
            scaled = ((values - low) / (high - low)).fillna(0)
        else:
            scaled = ((high - values) / (high - low)).fillna(0)
        total = total + abs(weight) * scaled
    return total / sum(abs(w) for w in weights.values())
''',
        # fills a missing value with the column's minimum BEFORE rescaling ("the worst value"): right for a positive weight, but for a negative one the minimum is the best, so an unmeasured latency earns 1
        '''def requirement_score(options, weights):
    """Each option's weighted mean of min–max rescaled measurements (NaN earns 0), between 0 and 1."""
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        values = values.fillna(values.min())
        low, high = values.min(), values.max()
        if high == low:
            scaled = pd.Series(1.0, index=options.index)
        elif weight > 0:
            scaled = (values - low) / (high - low)
        else:
            scaled = (high - values) / (high - low)
        total = total + abs(weight) * scaled
    return total / sum(abs(w) for w in weights.values())
''',
        # leaves an unmeasured requirement out of that option's mean (re-weights over its measured columns) instead of giving it 0
        '''def requirement_score(options, weights):
    """Each option's weighted mean of min–max rescaled measurements (NaN earns 0), between 0 and 1."""
    total = pd.Series(0.0, index=options.index)
    weight_sum = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        if high == low:
            scaled = values * 0 + 1.0
        elif weight > 0:
            scaled = (values - low) / (high - low)
        else:
            scaled = (high - values) / (high - low)
        measured = scaled.notna()
        total = total + abs(weight) * scaled.fillna(0)
        weight_sum = weight_sum + abs(weight) * measured
    return (total / weight_sum).fillna(0.0)
''',
        # constant column detected with std() == 0: a column with ONE measured value has std NaN, falls into 0/0, and that option gets 0 instead of 1
        '''def requirement_score(options, weights):
    """Each option's weighted mean of min–max rescaled measurements (NaN earns 0), between 0 and 1."""
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        if values.std() == 0:
            scaled = values * 0 + 1.0
        elif weight > 0:
            scaled = (values - low) / (high - low)
        else:
            scaled = (high - values) / (high - low)
        total = total + abs(weight) * scaled.fillna(0)
    return total / sum(abs(w) for w in weights.values())
''',
        # converts the weighted columns to float IN PLACE "to be safe": changes options (an int column such as interpretability becomes float)
        '''def requirement_score(options, weights):
    """Each option's weighted mean of min–max rescaled measurements (NaN earns 0), between 0 and 1."""
    columns = list(weights)
    options[columns] = options[columns].astype(float)
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column]
        low, high = values.min(), values.max()
        if high == low:
            scaled = values * 0 + 1.0
        elif weight > 0:
            scaled = (values - low) / (high - low)
        else:
            scaled = (high - values) / (high - low)
        total = total + abs(weight) * scaled.fillna(0)
    return total / sum(abs(w) for w in weights.values())
''',
        # order of operations for a negative weight: fills NaN with 0 on the "higher is better" value, THEN flips it with 1 - ..., so an unmeasured latency or size earns 1 instead of 0
        '''def requirement_score(options, weights):
    """Each option's weighted mean of min–max rescaled measurements (NaN earns 0), between 0 and 1."""
    total = pd.Series(0.0, index=options.index)
    for column, weight in weights.items():
        values = options[column].astype(float)
        low, high = values.min(), values.max()
        if high == low:
            scaled = (values * 0 + 1.0).fillna(0)
        else:
            scaled = ((values - low) / (high - low)).fillna(0)
            if weight < 0:
                scaled = 1 - scaled
        total = total + abs(weight) * scaled
    return total / sum(abs(w) for w in weights.values())
''',
    ],
}
