"""Plausible wrong answers to the exercises of 09-interpretability.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-permutation": [
        # [RangeIndex] Assigns a shuffled Series: pandas aligns it on the index, which puts every value
        # back in its own row — every importance is 0.
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    labels = np.asarray(y)
    baseline = np.mean(model.predict(X) == labels)
    rng = np.random.default_rng(seed)
    importances = []
    for column in X.columns:
        drops = []
        for _ in range(n_repeats):
            shuffled = X.copy()
            shuffled[column] = X[column].iloc[rng.permutation(len(X))]
            drops.append(baseline - np.mean(model.predict(shuffled) == labels))
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # [prescribed procedure] Repeats outside, columns inside: other permutations for each column.
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    labels = np.asarray(y)
    baseline = np.mean(model.predict(X) == labels)
    rng = np.random.default_rng(seed)
    drops = {column: [] for column in X.columns}
    for _ in range(n_repeats):
        for column in X.columns:
            shuffled = X.copy()
            shuffled[column] = X[column].to_numpy()[rng.permutation(len(X))]
            drops[column].append(baseline - np.mean(model.predict(shuffled) == labels))
    return pd.Series({column: np.mean(values) for column, values in drops.items()}, dtype=float)
''',
        # [prescribed procedure] A new generator for every column: each column gets the same permutations.
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    labels = np.asarray(y)
    baseline = np.mean(model.predict(X) == labels)
    importances = []
    for column in X.columns:
        rng = np.random.default_rng(seed)
        drops = []
        for _ in range(n_repeats):
            shuffled = X.copy()
            shuffled[column] = X[column].to_numpy()[rng.permutation(len(X))]
            drops.append(baseline - np.mean(model.predict(shuffled) == labels))
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # Replaces the column by its mean ("drops" its information) instead of shuffling it.
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    labels = np.asarray(y)
    baseline = np.mean(model.predict(X) == labels)
    importances = []
    for column in X.columns:
        blanked = X.copy()
        if pd.api.types.is_numeric_dtype(X[column]):
            blanked[column] = X[column].mean()
        else:
            blanked[column] = X[column].mode()[0]
        importances.append(baseline - np.mean(model.predict(blanked) == labels))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # The relative drop (divided by the baseline) instead of the drop.
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    labels = np.asarray(y)
    baseline = np.mean(model.predict(X) == labels)
    rng = np.random.default_rng(seed)
    importances = []
    for column in X.columns:
        drops = []
        for _ in range(n_repeats):
            shuffled = X.copy()
            shuffled[column] = X[column].to_numpy()[rng.permutation(len(X))]
            drops.append((baseline - np.mean(model.predict(shuffled) == labels)) / baseline)
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # The sum of the drops over the repeats, not their mean.
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    labels = np.asarray(y)
    baseline = np.mean(model.predict(X) == labels)
    rng = np.random.default_rng(seed)
    importances = []
    for column in X.columns:
        total = 0.0
        for _ in range(n_repeats):
            shuffled = X.copy()
            shuffled[column] = X[column].to_numpy()[rng.permutation(len(X))]
            total += baseline - np.mean(model.predict(shuffled) == labels)
        importances.append(total)
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # Shuffles the caller's DataFrame in place (and leaves it shuffled).
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    labels = np.asarray(y)
    baseline = np.mean(model.predict(X) == labels)
    rng = np.random.default_rng(seed)
    importances = []
    for column in X.columns:
        original = X[column].to_numpy().copy()
        drops = []
        for _ in range(n_repeats):
            X[column] = X[column].to_numpy()[rng.permutation(len(X))]
            drops.append(baseline - np.mean(model.predict(X) == labels))
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # [prescribed procedure] pandas' own shuffle (DataFrame.sample) instead of the prescribed generator.
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    labels = np.asarray(y)
    baseline = np.mean(model.predict(X) == labels)
    importances = []
    for column in X.columns:
        drops = []
        for repeat in range(n_repeats):
            shuffled = X.copy()
            shuffled[column] = X[column].sample(frac=1, random_state=seed + repeat).to_numpy()
            drops.append(baseline - np.mean(model.predict(shuffled) == labels))
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
        # Returns a NumPy array: the values lose their column names.
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    labels = np.asarray(y)
    baseline = np.mean(model.predict(X) == labels)
    rng = np.random.default_rng(seed)
    importances = []
    for column in X.columns:
        drops = []
        for _ in range(n_repeats):
            shuffled = X.copy()
            shuffled[column] = X[column].to_numpy()[rng.permutation(len(X))]
            drops.append(baseline - np.mean(model.predict(shuffled) == labels))
        importances.append(np.mean(drops))
    return np.array(importances)
''',
        # [shortcut] scikit-learn's permutation_importance (forbidden; it also draws other permutations).
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    from sklearn.inspection import permutation_importance
    result = permutation_importance(model, X, y, n_repeats=n_repeats, random_state=seed)
    return pd.Series(result.importances_mean, index=X.columns, dtype=float)
''',
        # The accuracy of the shuffled copy minus the baseline: every importance has the wrong sign.
        '''def permutation_importance_by_hand(model, X, y, n_repeats=5, seed=0):
    labels = np.asarray(y)
    baseline = np.mean(model.predict(X) == labels)
    rng = np.random.default_rng(seed)
    importances = []
    for column in X.columns:
        drops = []
        for _ in range(n_repeats):
            shuffled = X.copy()
            shuffled[column] = X[column].to_numpy()[rng.permutation(len(X))]
            drops.append(np.mean(model.predict(shuffled) == labels) - baseline)
        importances.append(np.mean(drops))
    return pd.Series(importances, index=X.columns, dtype=float)
''',
    ],
    "ex2-integrated-gradients": [
        # [boundary arithmetic] The left rule: alpha = k / n (starts at the baseline, misses the input).
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    target = torch.as_tensor(target).long()
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = (baseline + k / n_steps * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[torch.arange(len(point)), target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total / n_steps).detach().cpu()
''',
        # [boundary arithmetic] The right rule: alpha = (k + 1) / n.
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    target = torch.as_tensor(target).long()
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = (baseline + (k + 1) / n_steps * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[torch.arange(len(point)), target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total / n_steps).detach().cpu()
''',
        # [boundary arithmetic] torch.linspace(0, 1, n): both ends, n points — not the midpoint rule.
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    target = torch.as_tensor(target).long()
    total = torch.zeros_like(inputs)
    for alpha in torch.linspace(0, 1, n_steps):
        point = (baseline + alpha * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[torch.arange(len(point)), target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total / n_steps).detach().cpu()
''',
        # [boundary arithmetic] The trapezoidal rule over n + 1 points.
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    target = torch.as_tensor(target).long()
    total = torch.zeros_like(inputs)
    for k in range(n_steps + 1):
        point = (baseline + k / n_steps * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[torch.arange(len(point)), target]
        weight = 0.5 if k in (0, n_steps) else 1.0
        total += weight * torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total / n_steps).detach().cpu()
''',
        # Gradient × (input − baseline) at the input only: no path, no integral.
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    target = torch.as_tensor(target).long()
    point = inputs.detach().clone().requires_grad_(True)
    chosen = model(point)[torch.arange(len(point)), target]
    gradient = torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * gradient).detach().cpu()
''',
        # Forgets to multiply by (input − baseline): the average gradient along the path.
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    target = torch.as_tensor(target).long()
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = (baseline + (k + 0.5) / n_steps * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[torch.arange(len(point)), target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return (total / n_steps).detach().cpu()
''',
        # The sum of the gradients, not their mean (no division by n_steps).
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    target = torch.as_tensor(target).long()
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = (baseline + (k + 0.5) / n_steps * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[torch.arange(len(point)), target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total).detach().cpu()
''',
        # The predicted class of each point instead of the target asked for.
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = (baseline + (k + 0.5) / n_steps * (inputs - baseline)).detach().requires_grad_(True)
        outputs = model(point)
        chosen = outputs[torch.arange(len(point)), outputs.argmax(dim=1)]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total / n_steps).detach().cpu()
''',
        # The gradient of the softmax probability instead of the logit.
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    target = torch.as_tensor(target).long()
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = (baseline + (k + 0.5) / n_steps * (inputs - baseline)).detach().requires_grad_(True)
        chosen = torch.softmax(model(point), dim=1)[torch.arange(len(point)), target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total / n_steps).detach().cpu()
''',
        # Makes the caller's inputs require gradients (and returns a result still attached to the graph).
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    target = torch.as_tensor(target).long()
    inputs.requires_grad_(True)
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = baseline + (k + 0.5) / n_steps * (inputs - baseline)
        chosen = model(point)[torch.arange(len(point)), target]
        total = total + torch.autograd.grad(chosen.sum(), point, retain_graph=True)[0]
    return (inputs - baseline) * total / n_steps
''',
        # [device] Never moves inputs and baseline to the model's device (fails for a model on a GPU).
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    target = torch.as_tensor(target).long()
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = (baseline + (k + 0.5) / n_steps * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[torch.arange(len(point)), target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total / n_steps).detach().cpu()
''',
        # [device] Moves the inputs, but leaves the result on the model's device (no .cpu()).
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    device = next(model.parameters()).device
    inputs, baseline = inputs.to(device), baseline.to(device)
    target = torch.as_tensor(target, device=device).long()
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = (baseline + (k + 0.5) / n_steps * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[torch.arange(len(point), device=device), target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total / n_steps).detach()
''',
        # [mode] Switches the model to training mode ("gradients need it"): dropout then changes the outputs.
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    model.train()
    device = next(model.parameters()).device
    inputs, baseline = inputs.to(device), baseline.to(device)
    target = torch.as_tensor(target, device=device).long()
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = (baseline + (k + 0.5) / n_steps * (inputs - baseline)).detach().requires_grad_(True)
        chosen = model(point)[torch.arange(len(point), device=device), target]
        total += torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total / n_steps).detach().cpu()
''',
        # The path points stay attached to the caller's inputs: when they require gradients, so does the result.
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    device = next(model.parameters()).device
    inputs, baseline = inputs.to(device), baseline.to(device)
    target = torch.as_tensor(target, device=device).long()
    total = torch.zeros_like(inputs)
    for k in range(n_steps):
        point = baseline + (k + 0.5) / n_steps * (inputs - baseline)
        if not point.requires_grad:
            point.requires_grad_(True)
        chosen = model(point)[torch.arange(len(point), device=device), target]
        total = total + torch.autograd.grad(chosen.sum(), point)[0]
    return ((inputs - baseline) * total / n_steps).cpu()
''',
        # [shortcut] Captum's IntegratedGradients (forbidden).
        '''def integrated_gradients(model, inputs, target, baseline, n_steps=50):
    from captum.attr import IntegratedGradients
    return IntegratedGradients(model).attribute(inputs, baselines=baseline, target=torch.as_tensor(target),
                                                n_steps=n_steps, method="riemann_middle").detach().cpu()
''',
    ],
    "ex3-counterfactual": [
        # Adds up the changes in raw units (euros and ratios), without dividing by the scales.
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    combos = list(itertools.product(*[[applicant[f], *options[f]] for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    costs = np.array([sum(abs(float(c[j]) - float(applicant[f])) for j, f in enumerate(features)) for c in combos])
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if approved.size == 0:
        return None
    best = approved[np.argmin(costs[approved])]
    return rows.iloc[best][applicant.index].rename(applicant.name), float(costs[best])
''',
        # The Euclidean distance (square root of the sum of squares) instead of the sum of the scaled changes.
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    combos = list(itertools.product(*[[applicant[f], *options[f]] for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    costs = np.array([np.sqrt(sum(((float(c[j]) - float(applicant[f])) / scale[f]) ** 2
                                  for j, f in enumerate(features))) for c in combos])
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if approved.size == 0:
        return None
    best = approved[np.argmin(costs[approved])]
    return rows.iloc[best][applicant.index].rename(applicant.name), float(costs[best])
''',
        # Counts the features changed (fewest changes) instead of how far they move.
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    combos = list(itertools.product(*[[applicant[f], *options[f]] for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    costs = np.array([float(sum(c[j] != applicant[f] for j, f in enumerate(features))) for c in combos])
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if approved.size == 0:
        return None
    best = approved[np.argmin(costs[approved])]
    return rows.iloc[best][applicant.index].rename(applicant.name), float(costs[best])
''',
        # Changes one feature at a time: misses the combinations.
        '''def counterfactual(model, applicant, options, scale):
    best = None
    for feature, values in options.items():
        for value in values:
            candidate = applicant.copy()
            candidate[feature] = value
            if model.predict(candidate.to_frame().T)[0] == 1:
                cost = abs(float(value) - float(applicant[feature])) / scale[feature]
                if best is None or cost < best[1]:
                    best = (candidate, float(cost))
    if best is None and model.predict(applicant.to_frame().T)[0] == 1:
        return applicant.copy(), 0.0
    return best
''',
        # The first approved candidate in the search order, not the cheapest.
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    combos = list(itertools.product(*[[applicant[f], *options[f]] for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if approved.size == 0:
        return None
    best = approved[0]
    cost = sum(abs(float(combos[best][j]) - float(applicant[f])) / scale[f] for j, f in enumerate(features))
    return rows.iloc[best][applicant.index].rename(applicant.name), float(cost)
''',
        # [ties] Among equal costs, keeps the last candidate found (<= instead of <).
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    combos = list(itertools.product(*[[applicant[f], *options[f]] for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    approved = np.asarray(model.predict(rows)) == 1
    best, best_cost = None, np.inf
    for i, combo in enumerate(combos):
        cost = sum(abs(float(combo[j]) - float(applicant[f])) / scale[f] for j, f in enumerate(features))
        if approved[i] and cost <= best_cost:
            best, best_cost = i, cost
    if best is None:
        return None
    return rows.iloc[best][applicant.index].rename(applicant.name), float(best_cost)
''',
        # Forgets the current values: every allowed feature must change.
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    combos = list(itertools.product(*[list(options[f]) for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    costs = np.array([sum(abs(float(c[j]) - float(applicant[f])) / scale[f] for j, f in enumerate(features))
                      for c in combos])
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if approved.size == 0:
        return None
    best = approved[np.argmin(costs[approved])]
    return rows.iloc[best][applicant.index].rename(applicant.name), float(costs[best])
''',
        # [ties by sorted order] Features in alphabetical order instead of the order of options.
        '''def counterfactual(model, applicant, options, scale):
    features = sorted(options)
    combos = list(itertools.product(*[[applicant[f], *options[f]] for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    costs = np.array([sum(abs(float(c[j]) - float(applicant[f])) / scale[f] for j, f in enumerate(features))
                      for c in combos])
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if approved.size == 0:
        return None
    best = approved[np.argmin(costs[approved])]
    return rows.iloc[best][applicant.index].rename(applicant.name), float(costs[best])
''',
        # Right answer, but one call of model.predict per candidate.
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    best, best_cost = None, np.inf
    for combo in itertools.product(*[[applicant[f], *options[f]] for f in features]):
        candidate = applicant.copy()
        for j, f in enumerate(features):
            candidate[f] = combo[j]
        cost = sum(abs(float(combo[j]) - float(applicant[f])) / scale[f] for j, f in enumerate(features))
        if cost < best_cost and model.predict(candidate.to_frame().T.infer_objects())[0] == 1:
            best, best_cost = candidate, cost
    return None if best is None else (best, float(best_cost))
''',
        # [ties] Breaks ties by the number of features changed ("simpler advice"), not by the search order.
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    combos = list(itertools.product(*[[applicant[f], *options[f]] for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    costs = [sum(abs(float(c[j]) - float(applicant[f])) / scale[f] for j, f in enumerate(features)) for c in combos]
    changes = [sum(c[j] != applicant[f] for j, f in enumerate(features)) for c in combos]
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if approved.size == 0:
        return None
    best = min(approved, key=lambda i: (costs[i], changes[i]))
    return rows.iloc[best][applicant.index].rename(applicant.name), float(costs[best])
''',
        # [ties] np.argsort (not a stable sort) over the approved costs: among equal costs, any of them.
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    combos = list(itertools.product(*[[applicant[f], *options[f]] for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    costs = np.array([sum(abs(float(c[j]) - float(applicant[f])) / scale[f] for j, f in enumerate(features))
                      for c in combos])
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if approved.size == 0:
        return None
    best = approved[np.argsort(costs[approved])[0]]
    return rows.iloc[best][applicant.index].rename(applicant.name), float(costs[best])
''',
        # Changes the caller's applicant: it ends up as the counterfactual.
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    combos = list(itertools.product(*[[applicant[f], *options[f]] for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    costs = np.array([sum(abs(float(c[j]) - float(applicant[f])) / scale[f] for j, f in enumerate(features))
                      for c in combos])
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if approved.size == 0:
        return None
    best = approved[np.argmin(costs[approved])]
    for j, f in enumerate(features):
        applicant[f] = combos[best][j]
    return applicant, float(costs[best])
''',
        # [stated value] Returns (applicant, inf) instead of None when nothing is approved.
        '''def counterfactual(model, applicant, options, scale):
    features = list(options)
    combos = list(itertools.product(*[[applicant[f], *options[f]] for f in features]))
    rows = pd.DataFrame([applicant] * len(combos)).reset_index(drop=True)
    for j, f in enumerate(features):
        rows[f] = [c[j] for c in combos]
    costs = np.array([sum(abs(float(c[j]) - float(applicant[f])) / scale[f] for j, f in enumerate(features))
                      for c in combos])
    approved = np.flatnonzero(np.asarray(model.predict(rows)) == 1)
    if approved.size == 0:
        return applicant.copy(), float("inf")
    best = approved[np.argmin(costs[approved])]
    return rows.iloc[best][applicant.index].rename(applicant.name), float(costs[best])
''',
    ],
    "ex5-group-rates": [
        # The "true positive rate" divides by the approved (that is the precision).
        '''def group_rates(y_true, y_pred, groups):
    truth, decisions, labels = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    rows = {}
    for group in np.unique(labels):
        mask = labels == group
        approved = mask & (decisions == 1)
        negatives = mask & (truth == 0)
        rows[group] = {"count": int(mask.sum()), "selection_rate": float(decisions[mask].mean()),
                       "true_positive_rate": float(truth[approved].mean()) if approved.any() else np.nan,
                       "false_positive_rate": float(decisions[negatives].mean()) if negatives.any() else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # The false positive rate over the whole group instead of over its actual negatives.
        '''def group_rates(y_true, y_pred, groups):
    truth, decisions, labels = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    rows = {}
    for group in np.unique(labels):
        mask = labels == group
        positives = mask & (truth == 1)
        rows[group] = {"count": int(mask.sum()), "selection_rate": float(decisions[mask].mean()),
                       "true_positive_rate": float(decisions[positives].mean()) if positives.any() else np.nan,
                       "false_positive_rate": float(((decisions == 1) & (truth == 0))[mask].mean())}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # The selection rate from the labels (the base rate) instead of the decisions.
        '''def group_rates(y_true, y_pred, groups):
    truth, decisions, labels = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    rows = {}
    for group in np.unique(labels):
        mask = labels == group
        positives, negatives = mask & (truth == 1), mask & (truth == 0)
        rows[group] = {"count": int(mask.sum()), "selection_rate": float(truth[mask].mean()),
                       "true_positive_rate": float(decisions[positives].mean()) if positives.any() else np.nan,
                       "false_positive_rate": float(decisions[negatives].mean()) if negatives.any() else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # [stated value] 0 instead of NaN when there is nothing to count.
        '''def group_rates(y_true, y_pred, groups):
    truth, decisions, labels = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    rows = {}
    for group in np.unique(labels):
        mask = labels == group
        positives, negatives = mask & (truth == 1), mask & (truth == 0)
        rows[group] = {"count": int(mask.sum()), "selection_rate": float(decisions[mask].mean()),
                       "true_positive_rate": float(decisions[positives].sum() / max(positives.sum(), 1)),
                       "false_positive_rate": float(decisions[negatives].sum() / max(negatives.sum(), 1))}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # [ties by insertion order] Groups in the order they first appear (pd.unique), not sorted.
        '''def group_rates(y_true, y_pred, groups):
    truth, decisions, labels = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    rows = {}
    for group in pd.unique(labels):
        mask = labels == group
        positives, negatives = mask & (truth == 1), mask & (truth == 0)
        rows[group] = {"count": int(mask.sum()), "selection_rate": float(decisions[mask].mean()),
                       "true_positive_rate": float(decisions[positives].mean()) if positives.any() else np.nan,
                       "false_positive_rate": float(decisions[negatives].mean()) if negatives.any() else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # [RangeIndex] Masks pandas Series with a Series of another index: pandas aligns on the index
        # and picks the wrong applicants.
        '''def group_rates(y_true, y_pred, groups):
    truth, decisions, labels = pd.Series(y_true), pd.Series(np.asarray(y_pred), index=pd.Series(y_true).index), pd.Series(groups)
    rows = {}
    for group in sorted(labels.unique()):
        mask = labels == group
        in_group_truth, in_group_decisions = truth[mask], decisions[mask]
        positives, negatives = in_group_truth == 1, in_group_truth == 0
        rows[group] = {"count": int(mask.sum()), "selection_rate": float(in_group_decisions.mean()),
                       "true_positive_rate": float(in_group_decisions[positives].mean()) if positives.any() else np.nan,
                       "false_positive_rate": float(in_group_decisions[negatives].mean()) if negatives.any() else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # [RangeIndex] Builds a DataFrame from the inputs as they come: Series are lined up by index label.
        '''def group_rates(y_true, y_pred, groups):
    frame = pd.DataFrame({"true": y_true, "pred": y_pred, "group": groups})
    rows = {}
    for group, part in frame.groupby("group", sort=True, observed=True):
        positives, negatives = part[part["true"] == 1], part[part["true"] == 0]
        rows[group] = {"count": int(len(part)), "selection_rate": float(part["pred"].mean()),
                       "true_positive_rate": float(positives["pred"].mean()) if len(positives) else np.nan,
                       "false_positive_rate": float(negatives["pred"].mean()) if len(negatives) else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # [RangeIndex] Takes each group's index labels (groups.index[groups == g]) as positions.
        '''def group_rates(y_true, y_pred, groups):
    truth, decisions, labels = np.asarray(y_true), np.asarray(y_pred), pd.Series(groups)
    rows = {}
    for group in sorted(labels.unique()):
        members = labels.index[labels == group].to_numpy()
        t, p = truth[members], decisions[members]
        rows[group] = {"count": int(len(members)), "selection_rate": float(p.mean()),
                       "true_positive_rate": float(p[t == 1].mean()) if (t == 1).any() else np.nan,
                       "false_positive_rate": float(p[t == 0].mean()) if (t == 0).any() else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # [dtype] The counts as floats.
        '''def group_rates(y_true, y_pred, groups):
    truth, decisions, labels = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    rows = {}
    for group in np.unique(labels):
        mask = labels == group
        positives, negatives = mask & (truth == 1), mask & (truth == 0)
        rows[group] = {"count": float(mask.sum()), "selection_rate": float(decisions[mask].mean()),
                       "true_positive_rate": float(decisions[positives].mean()) if positives.any() else np.nan,
                       "false_positive_rate": float(decisions[negatives].mean()) if negatives.any() else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # The count of actual positives per group instead of the group's size.
        '''def group_rates(y_true, y_pred, groups):
    truth, decisions, labels = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    rows = {}
    for group in np.unique(labels):
        mask = labels == group
        positives, negatives = mask & (truth == 1), mask & (truth == 0)
        rows[group] = {"count": int(positives.sum()), "selection_rate": float(decisions[mask].mean()),
                       "true_positive_rate": float(decisions[positives].mean()) if positives.any() else np.nan,
                       "false_positive_rate": float(decisions[negatives].mean()) if negatives.any() else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # The true and false positive rates swapped.
        '''def group_rates(y_true, y_pred, groups):
    truth, decisions, labels = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    rows = {}
    for group in np.unique(labels):
        mask = labels == group
        positives, negatives = mask & (truth == 1), mask & (truth == 0)
        rows[group] = {"count": int(mask.sum()), "selection_rate": float(decisions[mask].mean()),
                       "true_positive_rate": float(decisions[negatives].mean()) if negatives.any() else np.nan,
                       "false_positive_rate": float(decisions[positives].mean()) if positives.any() else np.nan}
    return pd.DataFrame.from_dict(rows, orient="index")
''',
        # [shortcut] fairlearn's MetricFrame (forbidden).
        '''def group_rates(y_true, y_pred, groups):
    from fairlearn.metrics import MetricFrame, false_positive_rate, selection_rate, true_positive_rate
    frame = MetricFrame(metrics={"selection_rate": selection_rate, "true_positive_rate": true_positive_rate,
                                 "false_positive_rate": false_positive_rate},
                        y_true=np.asarray(y_true), y_pred=np.asarray(y_pred), sensitive_features=np.asarray(groups))
    table = frame.by_group
    table.insert(0, "count", pd.Series(np.asarray(groups)).value_counts().sort_index().to_numpy())
    return table
''',
    ],
}
