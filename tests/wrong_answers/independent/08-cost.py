"""Independent wrong answers for 08-cost, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-percentiles": [
        # RangeIndex habit: drops the warm-up with a label-based loop `timings_ms[i]`; a Series with a shuffled or non-default index gives the wrong calls (or a KeyError)
        '''def latency_summary(timings_ms, warmup):
    """p50, p95, p99 (linear interpolation) and mean of the calls after the first `warmup` ones."""
    kept = [float(timings_ms[i]) for i in range(warmup, len(timings_ms))]
    if not kept:
        raise ValueError("no call remains after the warm-up")
    values = sorted(kept)
    n = len(values)

    def percentile(q):
        h = (n - 1) * q / 100
        k = int(h)
        if k + 1 >= n:
            return values[k]
        return values[k] + (h - k) * (values[k + 1] - values[k])

    return {"p50": float(percentile(50)), "p95": float(percentile(95)), "p99": float(percentile(99)),
            "mean": float(sum(values) / n)}
''',
        # throws away the `warmup` SLOWEST calls instead of the first ones in call order (the toy's first calls happen to be the slowest)
        '''def latency_summary(timings_ms, warmup):
    """p50, p95, p99 (linear interpolation) and mean of the calls after the first `warmup` ones."""
    ordered = np.sort(np.asarray(timings_ms, dtype=float))
    values = ordered[:len(ordered) - warmup]          # warm-up calls are the slow ones: drop the slowest
    n = len(values)
    if n == 0:
        raise ValueError("no call remains after the warm-up")

    def percentile(q):
        h = (n - 1) * q / 100
        k = int(np.floor(h))
        if k + 1 >= n:
            return values[k]
        return values[k] + (h - k) * (values[k + 1] - values[k])

    return {"p50": float(percentile(50)), "p95": float(percentile(95)), "p99": float(percentile(99)),
            "mean": float(values.mean())}
''',
        # empty case: returns NaN for all four instead of raising the ValueError the task asks for
        '''def latency_summary(timings_ms, warmup):
    """p50, p95, p99 (linear interpolation) and mean of the calls after the first `warmup` ones."""
    values = np.sort(np.asarray(timings_ms, dtype=float)[warmup:])
    n = len(values)
    if n == 0:                                           # nothing measured: nothing to report
        return {"p50": float("nan"), "p95": float("nan"), "p99": float("nan"), "mean": float("nan")}

    def percentile(q):
        h = (n - 1) * q / 100
        k = int(np.floor(h))
        if k + 1 >= n:
            return values[k]
        return values[k] + (h - k) * (values[k + 1] - values[k])

    return {"p50": float(percentile(50)), "p95": float(percentile(95)), "p99": float(percentile(99)),
            "mean": float(values.mean())}
''',
        # boundary: always reads v[k+1], which does not exist when h = n - 1 (a single remaining call -> IndexError)
        '''def latency_summary(timings_ms, warmup):
    """p50, p95, p99 (linear interpolation) and mean of the calls after the first `warmup` ones."""
    values = np.sort(np.asarray(timings_ms, dtype=float)[warmup:])
    n = len(values)
    if n == 0:
        raise ValueError("no call remains after the warm-up")

    def percentile(q):
        h = (n - 1) * q / 100
        k = int(np.floor(h))
        return values[k] + (h - k) * (values[k + 1] - values[k])

    return {"p50": float(percentile(50)), "p95": float(percentile(95)), "p99": float(percentile(99)),
            "mean": float(values.mean())}
''',
        # dtype: no dtype=float and no float(): NumPy scalars come back (np.float32 for float32 timings, np.int64 for whole-number timings), not Python floats
        '''def latency_summary(timings_ms, warmup):
    """p50, p95, p99 (linear interpolation) and mean of the calls after the first `warmup` ones."""
    values = np.sort(np.asarray(timings_ms)[warmup:])
    n = len(values)
    if n == 0:
        raise ValueError("no call remains after the warm-up")

    def percentile(q):
        h = (n - 1) * q / 100
        k = int(np.floor(h))
        if k + 1 >= n:
            return values[k]
        return values[k] + (h - k) * (values[k + 1] - values[k])

    return {"p50": percentile(50), "p95": percentile(95), "p99": percentile(99), "mean": values.mean()}
''',
        # not by hand: calls SciPy's scoreatpercentile (a library percentile not on the visible forbidden list)
        '''def latency_summary(timings_ms, warmup):
    """p50, p95, p99 (linear interpolation) and mean of the calls after the first `warmup` ones."""
    from scipy.stats import scoreatpercentile
    values = np.asarray(timings_ms, dtype=float)[warmup:]
    if len(values) == 0:
        raise ValueError("no call remains after the warm-up")
    return {"p50": float(scoreatpercentile(values, 50)), "p95": float(scoreatpercentile(values, 95)),
            "p99": float(scoreatpercentile(values, 99)), "mean": float(values.mean())}
''',
    ],
    "ex2-serving": [
        # round() instead of rounding up: 1.4 machines' worth of peak traffic gets 1 machine (visible cases round the right way)
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    """The yearly price of enough whole machines (at least one) for the peak request rate."""
    peak = requests_per_day / 86_400 * peak_factor
    machines = max(1, round(peak / requests_per_s_per_machine))
    return float(machines * price_per_hour * 24 * 365)
''',
        # integer division for the average rate (whole requests per second), which truncates before the peak factor
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    """The yearly price of enough whole machines (at least one) for the peak request rate."""
    average = requests_per_day // 86_400                 # requests per second, whole
    peak = average * peak_factor
    machines = max(1, math.ceil(peak / requests_per_s_per_machine))
    return float(machines * price_per_hour * 24 * 365)
''',
        # truncates a machine's capacity to whole requests per second (int), so fractional capacities (1000 / p50) buy extra machines
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    """The yearly price of enough whole machines (at least one) for the peak request rate."""
    capacity = int(requests_per_s_per_machine)
    peak = requests_per_day / 86_400 * peak_factor
    machines = max(1, math.ceil(peak / capacity))
    return float(machines * price_per_hour * 24 * 365)
''',
        # truncates the peak rate to whole requests per second before dividing (int(peak)), under-provisioning near a machine boundary
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    """The yearly price of enough whole machines (at least one) for the peak request rate."""
    peak = int(requests_per_day / 86_400 * peak_factor)
    machines = max(1, math.ceil(peak / requests_per_s_per_machine))
    return float(machines * price_per_hour * 24 * 365)
''',
        # dtype: no float(); with an integer price per hour the bill is a Python int, not a float
        '''def yearly_serving_cost(requests_per_day, requests_per_s_per_machine, price_per_hour, peak_factor=3.0):
    """The yearly price of enough whole machines (at least one) for the peak request rate."""
    peak = requests_per_day / 86_400 * peak_factor
    machines = max(1, math.ceil(peak / requests_per_s_per_machine))
    return machines * 24 * 365 * price_per_hour
''',
    ],
    "ex3-choose": [
        # strict inequalities: a limit met exactly does not qualify (visible equality case is won by another row anyway)
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    """The most accurate variant within both limits (then smallest, then by name), or None."""
    ok = variants[(variants["latency p95 (ms)"] < max_latency_ms) & (variants["accuracy"] > min_accuracy)]
    if ok.empty:
        return None
    best = ok.sort_values(["accuracy", "size (kB)", "model"], ascending=[False, True, True])
    return str(best["model"].iloc[0])
''',
        # ties resolved by row order: idxmax keeps the first most-accurate row, ignoring the size and name rules
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    """The most accurate variant within both limits (then smallest, then by name), or None."""
    ok = variants[(variants["latency p95 (ms)"] <= max_latency_ms) & (variants["accuracy"] >= min_accuracy)]
    if len(ok) == 0:
        return None
    return str(ok.loc[ok["accuracy"].idxmax(), "model"])
''',
        # forgets the third rule: equal accuracy and size fall back on row order (unstable sort), not alphabetical order
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    """The most accurate variant within both limits (then smallest, then by name), or None."""
    ok = variants[(variants["latency p95 (ms)"] <= max_latency_ms) & (variants["accuracy"] >= min_accuracy)]
    if ok.empty:
        return None
    best = ok.sort_values(["accuracy", "size (kB)"], ascending=[False, True])
    return str(best["model"].iloc[0])
''',
        # name tie-break reversed: max over (accuracy, -size, name) picks the LAST name alphabetically
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    """The most accurate variant within both limits (then smallest, then by name), or None."""
    candidates = [(row["accuracy"], -row["size (kB)"], row["model"]) for _, row in variants.iterrows()
                  if row["latency p95 (ms)"] <= max_latency_ms and row["accuracy"] >= min_accuracy]
    if not candidates:
        return None
    return str(max(candidates)[2])
''',
        # RangeIndex habit: loops `variants[col][i]` for i in range(len) — label lookups that only work when the index is a permutation of 0..n-1
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    """The most accurate variant within both limits (then smallest, then by name), or None."""
    best = None
    for i in range(len(variants)):
        accuracy = variants["accuracy"][i]
        if variants["latency p95 (ms)"][i] <= max_latency_ms and accuracy >= min_accuracy:
            key = (-accuracy, variants["size (kB)"][i], variants["model"][i])
            if best is None or key < best:
                best = key
    return None if best is None else str(best[2])
''',
        # compares the accuracy rounded to two decimals (as a table shows it): 0.846 counts as meeting 0.85
        '''def choose_variant(variants, max_latency_ms, min_accuracy):
    """The most accurate variant within both limits (then smallest, then by name), or None."""
    table = variants.copy()
    table["accuracy"] = table["accuracy"].round(2)
    ok = table[(table["latency p95 (ms)"] <= max_latency_ms) & (table["accuracy"] >= min_accuracy)]
    if ok.empty:
        return None
    best = ok.sort_values(["accuracy", "size (kB)", "model"], ascending=[False, True, True])
    return str(best["model"].iloc[0])
''',
    ],
    "ex4-policy": [
        # budget check strict (labels left > labels_per_retrain): a budget of exactly one retraining never retrains
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    """Play out 'retrain when the month's accuracy < threshold, while the labels last'."""
    n = accuracy.shape[1]
    current, left, retrained, earned = 0, label_budget, [], []
    for j in range(n):
        earned.append(float(accuracy[current, j]))
        if j < n - 1 and accuracy[current, j] < threshold and left > labels_per_retrain:
            retrained.append(j)
            current = j
            left -= labels_per_retrain
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)),
            "labels_used": int(label_budget - left)}
''',
        # never decrements the budget: checks the ORIGINAL budget each time, so retraining is unlimited once affordable
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    """Play out 'retrain when the month's accuracy < threshold, while the labels last'."""
    n = accuracy.shape[1]
    current, retrained, earned = 0, [], []
    for j in range(n):
        earned.append(float(accuracy[current, j]))
        if j < n - 1 and accuracy[current, j] < threshold and label_budget >= labels_per_retrain:
            retrained.append(j)
            current = j
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)),
            "labels_used": len(retrained) * labels_per_retrain}
''',
        # pays month 0's labels out of the budget (the task says they are paid already, outside it)
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    """Play out 'retrain when the month's accuracy < threshold, while the labels last'."""
    n = accuracy.shape[1]
    left = label_budget - labels_per_retrain            # the first model's labels
    current, retrained, earned = 0, [], []
    for j in range(n):
        earned.append(float(accuracy[current, j]))
        if j < n - 1 and accuracy[current, j] < threshold and left >= labels_per_retrain:
            retrained.append(j)
            current = j
            left -= labels_per_retrain
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)),
            "labels_used": len(retrained) * labels_per_retrain}
''',
        # monitors the ORIGINAL model (accuracy[0, j]) to decide, while earning the model in service's accuracy
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    """Play out 'retrain when the month's accuracy < threshold, while the labels last'."""
    n = accuracy.shape[1]
    current, left, retrained, earned = 0, label_budget, [], []
    for j in range(n):
        earned.append(float(accuracy[current, j]))
        if j < n - 1 and accuracy[0, j] < threshold and left >= labels_per_retrain:
            retrained.append(j)
            current = j
            left -= labels_per_retrain
    return {"retrained": retrained, "mean_accuracy": float(np.mean(earned)),
            "labels_used": label_budget - left}
''',
        # dtypes: months from np.flatnonzero (NumPy int64, not Python ints) and labels_used summed as a float array
        '''def simulate_retraining(accuracy, threshold, labels_per_retrain, label_budget):
    """Play out 'retrain when the month's accuracy < threshold, while the labels last'."""
    n = accuracy.shape[1]
    fired = np.zeros(n, dtype=bool)
    spent = np.zeros(n)
    earned = np.zeros(n)
    current, left = 0, label_budget
    for j in range(n):
        earned[j] = accuracy[current, j]
        if j < n - 1 and earned[j] < threshold and left >= labels_per_retrain:
            fired[j] = True
            spent[j] = labels_per_retrain
            current = j
            left -= labels_per_retrain
    return {"retrained": list(np.flatnonzero(fired)), "mean_accuracy": float(earned.mean()),
            "labels_used": spent.sum()}
''',
    ],
}
