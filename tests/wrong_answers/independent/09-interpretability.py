"""Independent wrong answers for 09-interpretability, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-permutation": [
        # RangeIndex habit: puts the shuffled column back as a Series with a fresh 0..n-1 index, which pandas aligns on X's labels; on a shuffled split (index not 0..n-1) rows get other rows' values or NaN
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    """The mean drop in accuracy when each column of X is shuffled: a Series, one value per column."""
    labels = np.asarray(y)
    baseline = np.mean(np.asarray(model.predict(X)) == labels)
    rng = np.random.default_rng(seed)
    importances = {}
    for column in X.columns:
        drops = []
        for _ in range(n_repeats):
            order = rng.permutation(len(X))
            shuffled = X.copy()
            shuffled[column] = X[column].iloc[order].reset_index(drop=True)
            accuracy = np.mean(np.asarray(model.predict(shuffled)) == labels)
            drops.append(baseline - accuracy)
        importances[column] = float(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # a new generator default_rng(seed) for every column: each column replays the same permutations instead of one generator for the whole call (only the first column is right)
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    """The mean drop in accuracy when each column of X is shuffled: a Series, one value per column."""
    labels = np.asarray(y)
    baseline = np.mean(np.asarray(model.predict(X)) == labels)
    importances = []
    for column in X.columns:
        rng = np.random.default_rng(seed)          # reproducible per column
        drops = []
        for _ in range(n_repeats):
            order = rng.permutation(len(X))
            shuffled = X.copy()
            shuffled[column] = X[column].to_numpy()[order]
            drops.append(baseline - np.mean(np.asarray(model.predict(shuffled)) == labels))
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # the inverse permutation: row order[i] receives row i's value (scatter) instead of row i receiving row order[i]'s value (gather) -- a random shuffle all the same, but not the prescribed one
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    """The mean drop in accuracy when each column of X is shuffled: a Series, one value per column."""
    labels = np.asarray(y)
    baseline = np.mean(np.asarray(model.predict(X)) == labels)
    rng = np.random.default_rng(seed)
    importances = []
    for column in X.columns:
        drops = []
        for _ in range(n_repeats):
            order = rng.permutation(len(X))
            values = X[column].to_numpy()
            moved = values.copy()
            moved[order] = values                      # send row i's value to row order[i]
            shuffled = X.copy()
            shuffled[column] = moved
            drops.append(baseline - np.mean(np.asarray(model.predict(shuffled)) == labels))
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # takes the absolute value of each drop ("an importance cannot be negative"): a shuffle that happens to raise the accuracy counts as a loss, so useless features get positive importances
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    """The mean drop in accuracy when each column of X is shuffled: a Series, one value per column."""
    labels = np.asarray(y)
    baseline = np.mean(np.asarray(model.predict(X)) == labels)
    rng = np.random.default_rng(seed)
    importances = []
    for column in X.columns:
        drops = []
        for _ in range(n_repeats):
            order = rng.permutation(len(X))
            shuffled = X.copy()
            shuffled[column] = X[column].to_numpy()[order]
            accuracy = np.mean(np.asarray(model.predict(shuffled)) == labels)
            drops.append(abs(baseline - accuracy))
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # draws the n_repeats permutations once, before the column loop, and reuses the same ones for every column (the generator is not carried on from column to column)
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    """The mean drop in accuracy when each column of X is shuffled: a Series, one value per column."""
    labels = np.asarray(y)
    baseline = np.mean(np.asarray(model.predict(X)) == labels)
    rng = np.random.default_rng(seed)
    orders = [rng.permutation(len(X)) for _ in range(n_repeats)]   # same shuffles for every feature: fairer
    importances = []
    for column in X.columns:
        drops = []
        for order in orders:
            shuffled = X.copy()
            shuffled[column] = X[column].to_numpy()[order]
            drops.append(baseline - np.mean(np.asarray(model.predict(shuffled)) == labels))
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # label-based indexing: takes the shuffled values with X.loc[order, column], i.e. treats the positions of rng.permutation as index labels -- right only for a 0..n-1 RangeIndex
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    """The mean drop in accuracy when each column of X is shuffled: a Series, one value per column."""
    labels = np.asarray(y)
    baseline = np.mean(np.asarray(model.predict(X)) == labels)
    rng = np.random.default_rng(seed)
    importances = []
    for column in X.columns:
        drops = []
        for _ in range(n_repeats):
            order = rng.permutation(len(X))
            shuffled = X.copy()
            shuffled[column] = X.loc[order, column].to_numpy()
            drops.append(baseline - np.mean(np.asarray(model.predict(shuffled)) == labels))
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
    ],
    "ex2-integrated-gradients": [
        # never moves inputs/baseline to the model's device (fine on a CPU model, a device-mismatch error for a model on a GPU/MPS)
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    """Integrated gradients of each input's target logit, by the midpoint rule; a CPU tensor like inputs."""
    rows = torch.arange(len(inputs))
    target = torch.as_tensor(target)
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        alpha = (k + 0.5) / n_steps
        point = (baseline + alpha * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[rows, target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return (total / n_steps * (inputs - baseline)).detach().cpu()
''',
        # moves the inputs to the model's device but returns the attributions with .detach() only: left on the GPU instead of the CPU
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    """Integrated gradients of each input's target logit, by the midpoint rule; a CPU tensor like inputs."""
    device = next(model.parameters()).device
    inputs, baseline = inputs.to(device), baseline.to(device)
    rows = torch.arange(len(inputs), device=device)
    target = torch.as_tensor(target, device=device)
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        alpha = (k + 0.5) / n_steps
        point = (baseline + alpha * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[rows, target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return (total / n_steps * (inputs - baseline)).detach()
''',
        # walks the path from a black (all-zero) image whatever baseline is given, and only uses the baseline in the final (inputs - baseline) factor
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    """Integrated gradients of each input's target logit, by the midpoint rule; a CPU tensor like inputs."""
    device = next(model.parameters()).device
    inputs, baseline = inputs.to(device), baseline.to(device)
    rows = torch.arange(len(inputs), device=device)
    target = torch.as_tensor(target, device=device)
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        alpha = (k + 0.5) / n_steps
        point = (alpha * inputs).detach().requires_grad_(True)          # the path starts at black
        chosen = model(point)[rows, target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return (total / n_steps * (inputs - baseline)).detach().cpu()
''',
        # no detach at all: the path points are built from the caller's inputs and the result is returned with .cpu() only, so when inputs require gradients the attributions stay attached to the graph
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    """Integrated gradients of each input's target logit, by the midpoint rule; a CPU tensor like inputs."""
    device = next(model.parameters()).device
    inputs, baseline = inputs.to(device), baseline.to(device)
    rows = torch.arange(len(inputs), device=device)
    target = torch.as_tensor(target, device=device)
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        alpha = (k + 0.5) / n_steps
        point = baseline + alpha * (inputs - baseline)
        if not point.requires_grad:
            point.requires_grad_(True)
        chosen = model(point)[rows, target]
        total = total + torch.autograd.grad(chosen.sum(), point)[0]
    return (total / n_steps * (inputs - baseline)).cpu()
''',
        # puts the model in training mode ("gradients need train mode"): with dropout or batch norm the logits are not the model's output, and the caller's model is left in train mode
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    """Integrated gradients of each input's target logit, by the midpoint rule; a CPU tensor like inputs."""
    model.train()
    device = next(model.parameters()).device
    inputs, baseline = inputs.to(device), baseline.to(device)
    rows = torch.arange(len(inputs), device=device)
    target = torch.as_tensor(target, device=device)
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        alpha = (k + 0.5) / n_steps
        point = (baseline + alpha * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[rows, target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return (total / n_steps * (inputs - baseline)).detach().cpu()
''',
    ],
    "ex3-counterfactual": [
        # Euclidean distance (square root of the sum of squared scaled changes) instead of the prescribed sum of |change| / scale
        '''def counterfactual(model, applicant, options, scale):
    """The cheapest combination of the allowed changes that the model approves: (candidate, cost), or None."""
    features = list(options)
    choices = [[applicant[f]] + list(options[f]) for f in features]
    combos = list(itertools.product(*choices))
    rows = pd.DataFrame([applicant.to_dict()] * len(combos), columns=applicant.index)
    for j, f in enumerate(features):
        rows[f] = [combo[j] for combo in combos]
    costs = np.array([math.sqrt(sum(((combo[j] - applicant[f]) / scale[f]) ** 2 for j, f in enumerate(features)))
                      for combo in combos])
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if len(approved) == 0:
        return None
    best = approved[np.argmin(costs[approved])]
    candidate = rows.iloc[best].copy()
    candidate.name = applicant.name
    return candidate, float(costs[best])
''',
        # the largest scaled change (max) instead of the sum over the features: a change of two features costs no more than its biggest part
        '''def counterfactual(model, applicant, options, scale):
    """The cheapest combination of the allowed changes that the model approves: (candidate, cost), or None."""
    features = list(options)
    choices = [[applicant[f]] + list(options[f]) for f in features]
    combos = list(itertools.product(*choices))
    rows = pd.DataFrame([applicant.to_dict()] * len(combos), columns=applicant.index)
    for j, f in enumerate(features):
        rows[f] = [combo[j] for combo in combos]
    costs = np.array([max(abs(combo[j] - applicant[f]) / scale[f] for j, f in enumerate(features))
                      for combo in combos], dtype=float)
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if len(approved) == 0:
        return None
    best = approved[np.argmin(costs[approved])]
    candidate = rows.iloc[best].copy()
    candidate.name = applicant.name
    return candidate, float(costs[best])
''',
        # RangeIndex habit: pd.DataFrame([applicant] * n) takes applicant.name as every row's label, yet the winner is fetched with rows.loc[position] -- right only for an unnamed applicant
        '''def counterfactual(model, applicant, options, scale):
    """The cheapest combination of the allowed changes that the model approves: (candidate, cost), or None."""
    features = list(options)
    combos = list(itertools.product(*[[applicant[f]] + list(options[f]) for f in features]))
    rows = pd.DataFrame([applicant] * len(combos))
    for j, f in enumerate(features):
        rows[f] = [combo[j] for combo in combos]
    costs = pd.Series([sum(abs(combo[j] - applicant[f]) / scale[f] for j, f in enumerate(features))
                       for combo in combos], dtype=float)
    approved = np.asarray(model.predict(rows)) == 1
    if not approved.any():
        return None
    best = costs[approved].idxmin()
    return rows.loc[best], float(costs[best])
''',
        # rounds the cost to two decimals ("for display") and compares the rounded costs: near-ties become ties and the returned cost is not the exact sum
        '''def counterfactual(model, applicant, options, scale):
    """The cheapest combination of the allowed changes that the model approves: (candidate, cost), or None."""
    features = list(options)
    choices = [[applicant[f]] + list(options[f]) for f in features]
    combos = list(itertools.product(*choices))
    rows = pd.DataFrame([applicant.to_dict()] * len(combos), columns=applicant.index)
    for j, f in enumerate(features):
        rows[f] = [combo[j] for combo in combos]
    costs = np.array([round(sum(abs(combo[j] - applicant[f]) / scale[f] for j, f in enumerate(features)), 2)
                      for combo in combos], dtype=float)
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if len(approved) == 0:
        return None
    best = approved[np.argmin(costs[approved])]
    candidate = rows.iloc[best].copy()
    candidate.name = applicant.name
    return candidate, float(costs[best])
''',
        # ties resolved by an unstable sort: np.argsort (quicksort/SIMD, not stable) over the approved costs, whose first element need not be the first candidate in search order among equal costs
        '''def counterfactual(model, applicant, options, scale):
    """The cheapest combination of the allowed changes that the model approves: (candidate, cost), or None."""
    features = list(options)
    choices = [[applicant[f]] + list(options[f]) for f in features]
    combos = list(itertools.product(*choices))
    rows = pd.DataFrame([applicant.to_dict()] * len(combos), columns=applicant.index)
    for j, f in enumerate(features):
        rows[f] = [combo[j] for combo in combos]
    costs = np.array([sum(abs(combo[j] - applicant[f]) / scale[f] for j, f in enumerate(features))
                      for combo in combos], dtype=float)
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if len(approved) == 0:
        return None
    ranking = approved[np.argsort(costs[approved])]
    best = ranking[0]
    candidate = rows.iloc[best].copy()
    candidate.name = applicant.name
    return candidate, float(costs[best])
''',
        # ties broken by the number of changed features ("a simpler advice") instead of by the search order
        '''def counterfactual(model, applicant, options, scale):
    """The cheapest combination of the allowed changes that the model approves: (candidate, cost), or None."""
    features = list(options)
    choices = [[applicant[f]] + list(options[f]) for f in features]
    combos = list(itertools.product(*choices))
    rows = pd.DataFrame([applicant.to_dict()] * len(combos), columns=applicant.index)
    for j, f in enumerate(features):
        rows[f] = [combo[j] for combo in combos]
    costs = [sum(abs(combo[j] - applicant[f]) / scale[f] for j, f in enumerate(features)) for combo in combos]
    changed = [sum(combo[j] != applicant[f] for j, f in enumerate(features)) for combo in combos]
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if len(approved) == 0:
        return None
    best = min(approved, key=lambda i: (costs[i], changed[i]))
    candidate = rows.iloc[best].copy()
    candidate.name = applicant.name
    return candidate, float(costs[best])
''',
    ],
    "ex5-group-rates": [
        # empty case: a group without any y_true == 1 gets a true positive rate of 0 (division by max(count, 1)) instead of NaN
        '''def group_rates(y_true, y_pred, groups):
    """Per group (sorted): count, selection rate, true positive rate and false positive rate of the decisions."""
    true, pred, groups = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    table = {}
    for group in np.unique(groups):
        mask = groups == group
        positives, negatives = mask & (true == 1), mask & (true == 0)
        table[group] = {"count": int(mask.sum()),
                        "selection_rate": pred[mask].mean(),
                        "true_positive_rate": pred[positives].sum() / max(positives.sum(), 1),
                        "false_positive_rate": pred[negatives].mean() if negatives.any() else np.nan}
    return pd.DataFrame.from_dict(table, orient="index")[["count", "selection_rate", "true_positive_rate",
                                                           "false_positive_rate"]]
''',
        # index alignment: converts only y_true to an array and builds a DataFrame from the rest, so a y_pred Series and a groups Series with different indexes are matched by label, not by position
        '''def group_rates(y_true, y_pred, groups):
    """Per group (sorted): count, selection rate, true positive rate and false positive rate of the decisions."""
    frame = pd.DataFrame({"true": np.asarray(y_true), "pred": y_pred, "group": groups})
    rows = {}
    for group, part in frame.groupby("group", sort=True, observed=True):
        positives, negatives = part[part["true"] == 1], part[part["true"] == 0]
        rows[group] = {"count": int(len(part)), "selection_rate": part["pred"].mean(),
                       "true_positive_rate": positives["pred"].mean() if len(positives) else np.nan,
                       "false_positive_rate": negatives["pred"].mean() if len(negatives) else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")[["count", "selection_rate", "true_positive_rate",
                                                         "false_positive_rate"]]
''',
        # index alignment: frame["pred"] = y_pred assigns a Series by its index labels onto the frame's 0..n-1 rows
        '''def group_rates(y_true, y_pred, groups):
    """Per group (sorted): count, selection rate, true positive rate and false positive rate of the decisions."""
    frame = pd.DataFrame({"group": np.asarray(groups), "true": np.asarray(y_true)})
    frame["pred"] = y_pred
    rows = []
    for group in sorted(frame["group"].unique()):
        part = frame[frame["group"] == group]
        positives, negatives = part["true"] == 1, part["true"] == 0
        rows.append({"group": group, "count": int(len(part)), "selection_rate": part["pred"].mean(),
                     "true_positive_rate": part.loc[positives, "pred"].mean() if positives.any() else np.nan,
                     "false_positive_rate": part.loc[negatives, "pred"].mean() if negatives.any() else np.nan})
    return pd.DataFrame(rows).set_index("group")[["count", "selection_rate", "true_positive_rate",
                                                  "false_positive_rate"]]
''',
        # RangeIndex habit: takes each group's rows as groups.index[groups == g] -- index labels -- and uses them as positions into the arrays
        '''def group_rates(y_true, y_pred, groups):
    """Per group (sorted): count, selection rate, true positive rate and false positive rate of the decisions."""
    true, pred = np.asarray(y_true), np.asarray(y_pred)
    groups = pd.Series(groups)
    table = {}
    for group in sorted(groups.unique()):
        members = groups.index[groups == group].to_numpy()
        t, p = true[members], pred[members]
        table[group] = {"count": int(len(members)), "selection_rate": p.mean(),
                        "true_positive_rate": p[t == 1].mean() if (t == 1).any() else np.nan,
                        "false_positive_rate": p[t == 0].mean() if (t == 0).any() else np.nan}
    return pd.DataFrame.from_dict(table, orient="index")[["count", "selection_rate", "true_positive_rate",
                                                           "false_positive_rate"]]
''',
        # dtype: turns the group labels into strings (astype(str), "so np.unique works on categories"): integer groups come back as strings, sorted as text ("10" before "2")
        '''def group_rates(y_true, y_pred, groups):
    """Per group (sorted): count, selection rate, true positive rate and false positive rate of the decisions."""
    true, pred = np.asarray(y_true), np.asarray(y_pred)
    labels = np.asarray(groups).astype(str)
    table = {}
    for group in np.unique(labels):
        mask = labels == group
        positives, negatives = mask & (true == 1), mask & (true == 0)
        table[group] = {"count": int(mask.sum()), "selection_rate": pred[mask].mean(),
                        "true_positive_rate": pred[positives].mean() if positives.any() else np.nan,
                        "false_positive_rate": pred[negatives].mean() if negatives.any() else np.nan}
    return pd.DataFrame.from_dict(table, orient="index")[["count", "selection_rate", "true_positive_rate",
                                                           "false_positive_rate"]]
''',
    ],
}
