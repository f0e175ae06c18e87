"""Plausible wrong answers to the exercises of 08-cost.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. tests/test_wrong_answers.py runs the notebook, then executes each wrong
source followed by the cell's tests (visible and hidden) and asserts that the tests fail.
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-percentiles": [
        # Keeps the warm-up calls: the slow first calls inflate the tail.
        '''def latency_summary(timings_ms, warmup):
    kept = np.sort(np.asarray(timings_ms, dtype=float))
    result = {}
    for q in (50, 95, 99):
        h = (len(kept) - 1) * q / 100
        k = math.floor(h)
        nxt = min(k + 1, len(kept) - 1)
        result[f"p{q}"] = float(kept[k] + (h - k) * (kept[nxt] - kept[k]))
    result["mean"] = float(kept.mean())
    return result
''',
        # Nearest rank: rounds the position instead of interpolating.
        '''def latency_summary(timings_ms, warmup):
    kept = np.sort(np.asarray(timings_ms, dtype=float)[warmup:])
    if len(kept) == 0:
        raise ValueError("nothing left")
    result = {f"p{q}": float(kept[int(round((len(kept) - 1) * q / 100))]) for q in (50, 95, 99)}
    result["mean"] = float(kept.mean())
    return result
''',
        # Position h = n q / 100 (one too far), clipped to the last value.
        '''def latency_summary(timings_ms, warmup):
    kept = np.sort(np.asarray(timings_ms, dtype=float)[warmup:])
    if len(kept) == 0:
        raise ValueError("nothing left")
    result = {}
    for q in (50, 95, 99):
        h = min(len(kept) * q / 100, len(kept) - 1)
        k = math.floor(h)
        nxt = min(k + 1, len(kept) - 1)
        result[f"p{q}"] = float(kept[k] + (h - k) * (kept[nxt] - kept[k]))
    result["mean"] = float(kept.mean())
    return result
''',
        # Throws away the slowest calls instead of the first ones.
        '''def latency_summary(timings_ms, warmup):
    ordered = np.sort(np.asarray(timings_ms, dtype=float))
    kept = ordered[:len(ordered) - warmup]
    if len(kept) == 0:
        raise ValueError("nothing left")
    result = {}
    for q in (50, 95, 99):
        h = (len(kept) - 1) * q / 100
        k = math.floor(h)
        nxt = min(k + 1, len(kept) - 1)
        result[f"p{q}"] = float(kept[k] + (h - k) * (kept[nxt] - kept[k]))
    result["mean"] = float(kept.mean())
    return result
''',
        # Sorts the kept calls in place: a slice is a view, so the caller's array is reordered.
        '''def latency_summary(timings_ms, warmup):
    kept = np.asarray(timings_ms, dtype=float)[warmup:]
    kept.sort()
    if len(kept) == 0:
        raise ValueError("nothing left")
    result = {}
    for q in (50, 95, 99):
        h = (len(kept) - 1) * q / 100
        k = math.floor(h)
        nxt = min(k + 1, len(kept) - 1)
        result[f"p{q}"] = float(kept[k] + (h - k) * (kept[nxt] - kept[k]))
    result["mean"] = float(kept.mean())
    return result
''',
        # Puts a Series in index order first: the warm-up becomes the smallest index labels.
        '''def latency_summary(timings_ms, warmup):
    series = pd.Series(timings_ms).sort_index()
    kept = np.sort(series.to_numpy(dtype=float)[warmup:])
    if len(kept) == 0:
        raise ValueError("nothing left")
    result = {}
    for q in (50, 95, 99):
        h = (len(kept) - 1) * q / 100
        k = math.floor(h)
        nxt = min(k + 1, len(kept) - 1)
        result[f"p{q}"] = float(kept[k] + (h - k) * (kept[nxt] - kept[k]))
    result["mean"] = float(kept.mean())
    return result
''',
        # The right percentiles, but the mean of every call, warm-up included.
        '''def latency_summary(timings_ms, warmup):
    values = np.asarray(timings_ms, dtype=float)
    kept = np.sort(values[warmup:])
    if len(kept) == 0:
        raise ValueError("nothing left")
    result = {}
    for q in (50, 95, 99):
        h = (len(kept) - 1) * q / 100
        k = math.floor(h)
        nxt = min(k + 1, len(kept) - 1)
        result[f"p{q}"] = float(kept[k] + (h - k) * (kept[nxt] - kept[k]))
    result["mean"] = float(values.mean())
    return result
''',
        # The library shortcut the task rules out.
        '''def latency_summary(timings_ms, warmup):
    kept = np.asarray(timings_ms, dtype=float)[warmup:]
    p50, p95, p99 = np.percentile(kept, [50, 95, 99])
    return {"p50": float(p50), "p95": float(p95), "p99": float(p99), "mean": float(kept.mean())}
''',
        # The lower of the two neighbours (no interpolation).
        '''def latency_summary(timings_ms, warmup):
    kept = np.sort(np.asarray(timings_ms, dtype=float)[warmup:])
    if len(kept) == 0:
        raise ValueError("nothing left")
    result = {f"p{q}": float(kept[math.floor((len(kept) - 1) * q / 100)]) for q in (50, 95, 99)}
    result["mean"] = float(kept.mean())
    return result
''',
        # No error when nothing is left: returns NaN.
        '''def latency_summary(timings_ms, warmup):
    kept = np.sort(np.asarray(timings_ms, dtype=float)[warmup:])
    if len(kept) == 0:
        return {"p50": float("nan"), "p95": float("nan"), "p99": float("nan"), "mean": float("nan")}
    result = {}
    for q in (50, 95, 99):
        h = (len(kept) - 1) * q / 100
        k = math.floor(h)
        nxt = min(k + 1, len(kept) - 1)
        result[f"p{q}"] = float(kept[k] + (h - k) * (kept[nxt] - kept[k]))
    result["mean"] = float(kept.mean())
    return result
''',
        # Class "a library percentile route": pandas' describe computes the percentiles (linear interpolation).
        '''def latency_summary(timings_ms, warmup):
    kept = pd.Series(np.asarray(timings_ms, dtype=float)[warmup:])
    if kept.empty:
        raise ValueError("nothing left")
    stats = kept.describe(percentiles=[0.5, 0.95, 0.99])
    return {"p50": float(stats["50%"]), "p95": float(stats["95%"]), "p99": float(stats["99%"]),
            "mean": float(stats["mean"])}
''',
        # Class "NumPy numbers instead of Python floats": the mean comes back as np.float64.
        '''def latency_summary(timings_ms, warmup):
    kept = np.sort(np.asarray(timings_ms, dtype=float)[warmup:])
    if len(kept) == 0:
        raise ValueError("nothing left")
    result = {}
    for q in (50, 95, 99):
        h = (len(kept) - 1) * q / 100
        k = math.floor(h)
        nxt = min(k + 1, len(kept) - 1)
        result[f"p{q}"] = float(kept[k] + (h - k) * (kept[nxt] - kept[k]))
    result["mean"] = kept.mean()
    return result
''',
    ],
    "ex2-serving": [
        # Rounds the machines to the nearest whole number: the peak is not served.
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    machines = max(1, round(requests_per_day / 86_400 * peak_factor / requests_per_s_per_machine))
    return float(machines * price_per_hour * 24 * 365)
''',
        # Forgets the peak factor: sized for the average rate.
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    machines = max(1, math.ceil(requests_per_day / 86_400 / requests_per_s_per_machine))
    return float(machines * price_per_hour * 24 * 365)
''',
        # No minimum of one machine: no traffic, no bill.
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    machines = math.ceil(requests_per_day / 86_400 * peak_factor / requests_per_s_per_machine)
    return float(machines * price_per_hour * 24 * 365)
''',
        # A year of 365 hours: the price per hour times the days.
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    machines = max(1, math.ceil(requests_per_day / 86_400 * peak_factor / requests_per_s_per_machine))
    return float(machines * price_per_hour * 365)
''',
        # "Rounds up" with int(x) + 1: one machine too many when the division is exact.
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    machines = int(requests_per_day / 86_400 * peak_factor / requests_per_s_per_machine) + 1
    return float(machines * price_per_hour * 24 * 365)
''',
        # Pays for a fraction of a machine: no rounding at all.
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    machines = max(1.0, requests_per_day / 86_400 * peak_factor / requests_per_s_per_machine)
    return float(machines * price_per_hour * 24 * 365)
''',
        # Class "the type follows the inputs' types": np.ceil makes the bill a NumPy float (an int for one machine at a whole price).
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    machines = max(1, np.ceil(requests_per_day / 86_400 * peak_factor / requests_per_s_per_machine))
    return machines * price_per_hour * 24 * 365
''',
    ],
    "ex3-choose": [
        # Judges the latency by the p50 column.
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    within = variants[(variants["latency p50 (ms)"] <= max_latency_ms) & (variants["accuracy"] >= min_accuracy)]
    if within.empty:
        return None
    ranked = within.sort_values(["accuracy", "size (kB)", "model"], ascending=[False, True, True])
    return str(ranked["model"].iloc[0])
''',
        # Strict limits: a value equal to a limit is refused.
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    within = variants[(variants["latency p95 (ms)"] < max_latency_ms) & (variants["accuracy"] > min_accuracy)]
    if within.empty:
        return None
    ranked = within.sort_values(["accuracy", "size (kB)", "model"], ascending=[False, True, True])
    return str(ranked["model"].iloc[0])
''',
        # Ships the fastest qualifying variant instead of the most accurate.
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    within = variants[(variants["latency p95 (ms)"] <= max_latency_ms) & (variants["accuracy"] >= min_accuracy)]
    if within.empty:
        return None
    return str(within.sort_values("latency p95 (ms)")["model"].iloc[0])
''',
        # No tie rule: among equally accurate variants, whichever comes first in the table.
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    within = variants[(variants["latency p95 (ms)"] <= max_latency_ms) & (variants["accuracy"] >= min_accuracy)]
    if within.empty:
        return None
    return str(within.loc[within["accuracy"].idxmax(), "model"])
''',
        # Breaks ties by name before size.
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    within = variants[(variants["latency p95 (ms)"] <= max_latency_ms) & (variants["accuracy"] >= min_accuracy)]
    if within.empty:
        return None
    ranked = within.sort_values(["accuracy", "model", "size (kB)"], ascending=[False, True, True])
    return str(ranked["model"].iloc[0])
''',
        # Crashes when nothing qualifies instead of returning None.
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    within = variants[(variants["latency p95 (ms)"] <= max_latency_ms) & (variants["accuracy"] >= min_accuracy)]
    ranked = within.sort_values(["accuracy", "size (kB)", "model"], ascending=[False, True, True])
    return str(ranked["model"].iloc[0])
''',
        # Sorts the caller's table in place.
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    variants.sort_values(["accuracy", "size (kB)", "model"], ascending=[False, True, True], inplace=True)
    for _, row in variants.iterrows():
        if row["latency p95 (ms)"] <= max_latency_ms and row["accuracy"] >= min_accuracy:
            return str(row["model"])
    return None
''',
        # Returns the row's index label instead of the model's name.
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    within = variants[(variants["latency p95 (ms)"] <= max_latency_ms) & (variants["accuracy"] >= min_accuracy)]
    if within.empty:
        return None
    ranked = within.sort_values(["accuracy", "size (kB)", "model"], ascending=[False, True, True])
    return str(ranked.index[0])
''',
    ],
    "ex4-policy": [
        # The retrained model serves the month whose labels it was trained on.
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    accuracy = np.asarray(accuracy, dtype=float)
    months = accuracy.shape[1]
    current, left, earned, retrained = 0, label_budget, [], []
    for month in range(months):
        if month < months - 1 and accuracy[current, month] < threshold and left >= labels_per_retrain:
            current, left = month, left - labels_per_retrain
            retrained.append(month)
        earned.append(accuracy[current, month])
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)), "labels_used": int(label_budget - left)}
''',
        # Retrains when the accuracy equals the threshold (<= instead of <).
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    accuracy = np.asarray(accuracy, dtype=float)
    months = accuracy.shape[1]
    current, left, earned, retrained = 0, label_budget, [], []
    for month in range(months):
        earned.append(accuracy[current, month])
        if month < months - 1 and accuracy[current, month] <= threshold and left >= labels_per_retrain:
            current, left = month, left - labels_per_retrain
            retrained.append(month)
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)), "labels_used": int(label_budget - left)}
''',
        # Always watches the first model's accuracy, whatever model is in service.
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    accuracy = np.asarray(accuracy, dtype=float)
    months = accuracy.shape[1]
    current, left, earned, retrained = 0, label_budget, [], []
    for month in range(months):
        earned.append(accuracy[current, month])
        if month < months - 1 and accuracy[0, month] < threshold and left >= labels_per_retrain:
            current, left = month, left - labels_per_retrain
            retrained.append(month)
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)), "labels_used": int(label_budget - left)}
''',
        # Retrains at the end of the last month too, spending labels for nothing.
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    accuracy = np.asarray(accuracy, dtype=float)
    months = accuracy.shape[1]
    current, left, earned, retrained = 0, label_budget, [], []
    for month in range(months):
        earned.append(accuracy[current, month])
        if accuracy[current, month] < threshold and left >= labels_per_retrain:
            current, left = month, left - labels_per_retrain
            retrained.append(month)
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)), "labels_used": int(label_budget - left)}
''',
        # Needs strictly more labels left than a retraining takes.
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    accuracy = np.asarray(accuracy, dtype=float)
    months = accuracy.shape[1]
    current, left, earned, retrained = 0, label_budget, [], []
    for month in range(months):
        earned.append(accuracy[current, month])
        if month < months - 1 and accuracy[current, month] < threshold and left > labels_per_retrain:
            current, left = month, left - labels_per_retrain
            retrained.append(month)
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)), "labels_used": int(label_budget - left)}
''',
        # Averages the served months after month 0 only.
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    accuracy = np.asarray(accuracy, dtype=float)
    months = accuracy.shape[1]
    current, left, earned, retrained = 0, label_budget, [], []
    for month in range(months):
        earned.append(accuracy[current, month])
        if month < months - 1 and accuracy[current, month] < threshold and left >= labels_per_retrain:
            current, left = month, left - labels_per_retrain
            retrained.append(month)
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned[1:])), "labels_used": int(label_budget - left)}
''',
        # Never checks the budget: retrains whenever the accuracy is low.
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    accuracy = np.asarray(accuracy, dtype=float)
    months = accuracy.shape[1]
    current, used, earned, retrained = 0, 0, [], []
    for month in range(months):
        earned.append(accuracy[current, month])
        if month < months - 1 and accuracy[current, month] < threshold:
            current, used = month, used + labels_per_retrain
            retrained.append(month)
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)), "labels_used": int(used)}
''',
        # Class "NumPy numbers in the returned dict": loops over np.arange, so the months are np.int64.
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    accuracy = np.asarray(accuracy, dtype=float)
    current, left, earned, retrained = 0, label_budget, [], []
    for month in np.arange(accuracy.shape[1]):
        earned.append(accuracy[current, month])
        if month < accuracy.shape[1] - 1 and accuracy[current, month] < threshold and left >= labels_per_retrain:
            current, left = month, left - labels_per_retrain
            retrained.append(month)
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)), "labels_used": int(label_budget - left)}
''',
    ],
}
