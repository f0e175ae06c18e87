"""Independent wrong answers for 01-ai-ml-dl, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-expert-rules": [
        # batch statistics: thresholds are quantiles of the X passed in, so a patient's diagnosis
        # depends on the other patients of the batch (a single row is always called benign)
        '''def expert_rules(X):
    """Predict MALIGNANT (0) or BENIGN (1) for each row of X with hand-written rules."""
    large = X["worst area"] > X["worst area"].quantile(0.7)
    dented = X["worst concave points"] > X["worst concave points"].quantile(0.7)
    return np.where(large | dented, MALIGNANT, BENIGN)
''',
        # batch statistics again: standardises X with its own mean and std before the cut-offs
        '''def expert_rules(X):
    """Predict MALIGNANT (0) or BENIGN (1) for each row of X with hand-written rules."""
    z = (X - X.mean()) / X.std()
    malignant = (z["worst area"] > 0.3) | (z["worst concave points"] > 0.5)
    return np.where(malignant, MALIGNANT, BENIGN)
''',
        # uses the labels inside the function: each cut-off is the upper end of the benign
        # "reference range" (97.5th percentile of the benign training tumours), recomputed from
        # y_train at every call (learned from labels, not written by the expert)
        '''def expert_rules(X):
    """Predict MALIGNANT (0) or BENIGN (1) for each row of X with hand-written rules."""
    benign = X_train[y_train == BENIGN]
    area_cut = benign["worst area"].quantile(0.975)
    points_cut = benign["worst concave points"].quantile(0.975)
    malignant = (X["worst area"] > area_cut) | (X["worst concave points"] > points_cut)
    return np.where(malignant, MALIGNANT, BENIGN)
''',
        # overfitting to the visible data: remembers the diagnosis of every training patient by
        # index label (captured at definition time) and only uses a rule for unknown patients
        '''def expert_rules(X, _known=dict(zip(X_train.index, y_train))):
    """Predict MALIGNANT (0) or BENIGN (1) for each row of X with hand-written rules."""
    rule = np.where(X["worst area"] > 1000, MALIGNANT, BENIGN)
    return np.array([_known.get(patient, guess) for patient, guess in zip(X.index, rule)],
                    dtype=int)
''',
        # a learned model inside the "rules" (one the visible test does not switch off):
        # linear discriminant analysis fitted on the training labels
        '''from sklearn.discriminant_analysis import LinearDiscriminantAnalysis

_rules_model = LinearDiscriminantAnalysis().fit(X_train, y_train)


def expert_rules(X):
    """Predict MALIGNANT (0) or BENIGN (1) for each row of X with hand-written rules."""
    return _rules_model.predict(X).astype(int)
''',
        # dtype on the empty case: a list comprehension turned into an array gives float64
        # (not integers) when X has no rows
        '''def expert_rules(X):
    """Predict MALIGNANT (0) or BENIGN (1) for each row of X with hand-written rules."""
    return np.array([MALIGNANT if (row["worst area"] > 880 or row["worst concave points"] > 0.15)
                     else BENIGN for _, row in X.iterrows()])
''',
    ],
    "ex2-cluster-purity": [
        # treats the cluster name -1 as "noise" (DBSCAN habit) and counts its members as wrong,
        # although the statement says -1 is just another cluster name
        '''def cluster_purity(clusters, labels):
    """Share of examples whose label is the most common label of their cluster."""
    clusters, labels = np.asarray(clusters), np.asarray(labels)
    total = 0
    for c in np.unique(clusters):
        if c == -1:
            continue
        _, counts = np.unique(labels[clusters == c], return_counts=True)
        total += counts.max()
    return float(total / len(labels))
''',
        # assumes cluster names are 0, 1, ..., max: loops over range(max + 1), so a cluster -1
        # is skipped (and float or string names break)
        '''def cluster_purity(clusters, labels):
    """Share of examples whose label is the most common label of their cluster."""
    clusters, labels = np.asarray(clusters), np.asarray(labels)
    total = 0
    for c in range(int(clusters.max()) + 1):
        members = labels[clusters == c]
        if len(members) == 0:
            continue
        _, counts = np.unique(members, return_counts=True)
        total += counts.max()
    return total / len(labels)
''',
        # casts the cluster names to int (to use np.bincount-style code): float names such as
        # 0.5 and 0.7 collapse into one cluster, string names raise
        '''def cluster_purity(clusters, labels):
    """Share of examples whose label is the most common label of their cluster."""
    clusters = np.asarray(clusters).astype(int)
    labels = np.asarray(labels)
    total = 0
    for c in np.unique(clusters):
        _, counts = np.unique(labels[clusters == c], return_counts=True)
        total += counts.max()
    return float(total / len(labels))
''',
        # another score: accuracy under the best ONE-TO-ONE matching of clusters to labels
        # (Hungarian), so two clusters cannot share a label and extra clusters score nothing
        '''from scipy.optimize import linear_sum_assignment


def cluster_purity(clusters, labels):
    """Share of examples whose label is the most common label of their cluster."""
    table = pd.crosstab(np.asarray(clusters), np.asarray(labels)).to_numpy()
    rows, cols = linear_sum_assignment(-table)
    return float(table[rows, cols].sum() / table.sum())
''',
        # positional habit: clusters converted with np.asarray, but labels read with labels[i],
        # which on a Series looks up the index LABEL i, not the i-th element
        '''def cluster_purity(clusters, labels):
    """Share of examples whose label is the most common label of their cluster."""
    clusters = np.asarray(clusters)
    best = {}
    for c in np.unique(clusters):
        members = [labels[i] for i in range(len(clusters)) if clusters[i] == c]
        values, counts = np.unique(members, return_counts=True)
        best[c] = counts.max()
    return float(sum(best.values()) / len(clusters))
''',
    ],
    "ex3-epsilon-greedy": [
        # short-circuit: with epsilon == 0 the coin rng.random() is never drawn, so the random
        # stream (and every later choice) differs from the prescribed one-draw-per-call
        '''def epsilon_greedy(values, epsilon, rng):
    """Index of the arm to pull: random with probability epsilon, else the best estimate."""
    if epsilon > 0 and rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return int(np.argmax(values))
''',
        # "always explore" shortcut: with epsilon >= 1 skips the coin and draws the arm directly
        '''def epsilon_greedy(values, epsilon, rng):
    """Index of the arm to pull: random with probability epsilon, else the best estimate."""
    if epsilon >= 1:
        return int(rng.integers(len(values)))
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return int(np.argmax(values))
''',
        # global random state: the always-explore case uses np.random instead of the given rng
        '''def epsilon_greedy(values, epsilon, rng):
    """Index of the arm to pull: random with probability epsilon, else the best estimate."""
    if epsilon == 1:
        return int(np.random.randint(len(values)))
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return int(np.argmax(values))
''',
        # ties: when all estimates are equal (nothing learned yet) picks a random arm with an
        # extra draw instead of the first index, as np.argmax would
        '''def epsilon_greedy(values, epsilon, rng):
    """Index of the arm to pull: random with probability epsilon, else the best estimate."""
    values = np.asarray(values, dtype=float)
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    if np.all(values == values[0]):
        return int(rng.integers(len(values)))
    return int(np.argmax(values))
''',
        # rounds the estimates "to ignore floating-point noise" before argmax: close but
        # different values become a tie and the first one wins
        '''def epsilon_greedy(values, epsilon, rng):
    """Index of the arm to pull: random with probability epsilon, else the best estimate."""
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return int(np.argmax(np.round(np.asarray(values, dtype=float), 1)))
''',
    ],
    "ex4-pick-step": [
        # another aggregation: mean SQUARED error instead of the prescribed mean absolute error
        '''def estimates(rewards, step):
    """The estimate after each reward, from 0: steps of 1/n ("average") or a constant step."""
    rewards = np.asarray(rewards, dtype=float)
    out = np.zeros(len(rewards))
    value = 0.0
    for n, reward in enumerate(rewards, start=1):
        alpha = 1 / n if step == "average" else step
        value = value + alpha * (reward - value)
        out[n - 1] = value
    return out


def pick_step(rewards, true_rates, steps):
    """The candidate step whose estimates have the smallest mean absolute error."""
    truth = np.asarray(true_rates, dtype=float)
    errors = [np.mean((estimates(rewards, s) - truth) ** 2) for s in steps]
    return steps[int(np.argmin(errors))]
''',
        # judges only the final estimate against the final true rate, not every pull
        '''def estimates(rewards, step):
    """The estimate after each reward, from 0: steps of 1/n ("average") or a constant step."""
    rewards = np.asarray(rewards, dtype=float)
    out = np.zeros(len(rewards))
    value = 0.0
    for n, reward in enumerate(rewards, start=1):
        alpha = 1 / n if step == "average" else step
        value = value + alpha * (reward - value)
        out[n - 1] = value
    return out


def pick_step(rewards, true_rates, steps):
    """The candidate step whose estimates have the smallest mean absolute error."""
    truth = np.asarray(true_rates, dtype=float)
    errors = [abs(estimates(rewards, s)[-1] - truth[-1]) for s in steps]
    return steps[int(np.argmin(errors))]
''',
        # off-by-one: compares the estimate after reward i with the rate of the NEXT pull
        # (true_rates[i + 1]), dropping the first true rate
        '''def estimates(rewards, step):
    """The estimate after each reward, from 0: steps of 1/n ("average") or a constant step."""
    rewards = np.asarray(rewards, dtype=float)
    out = np.zeros(len(rewards))
    value = 0.0
    for n, reward in enumerate(rewards, start=1):
        alpha = 1 / n if step == "average" else step
        value = value + alpha * (reward - value)
        out[n - 1] = value
    return out


def pick_step(rewards, true_rates, steps):
    """The candidate step whose estimates have the smallest mean absolute error."""
    truth = np.asarray(true_rates, dtype=float)
    errors = [np.mean(np.abs(estimates(rewards, s)[:-1] - truth[1:])) for s in steps]
    return steps[int(np.argmin(errors))]
''',
        # pandas alignment: pd.Series(estimates) - true_rates lines up by index label, so a
        # true_rates Series with another index is paired wrongly (and NaNs are skipped by mean)
        '''def estimates(rewards, step):
    """The estimate after each reward, from 0: steps of 1/n ("average") or a constant step."""
    rewards = np.asarray(rewards, dtype=float)
    out = np.zeros(len(rewards))
    value = 0.0
    for n, reward in enumerate(rewards, start=1):
        alpha = 1 / n if step == "average" else step
        value = value + alpha * (reward - value)
        out[n - 1] = value
    return out


def pick_step(rewards, true_rates, steps):
    """The candidate step whose estimates have the smallest mean absolute error."""
    truth = pd.Series(true_rates)
    errors = [(pd.Series(estimates(rewards, s)) - truth).abs().mean() for s in steps]
    return steps[int(np.argmin(errors))]
''',
        # index habit in estimates: n is taken from the Series index (label + 1), so the
        # running average of a Series with another index uses the wrong steps
        '''def estimates(rewards, step):
    """The estimate after each reward, from 0: steps of 1/n ("average") or a constant step."""
    rewards = pd.Series(rewards, dtype=float)
    out = np.zeros(len(rewards))
    value = 0.0
    for position, (label, reward) in enumerate(rewards.items()):
        alpha = 1 / (label + 1) if step == "average" else step
        value = value + alpha * (reward - value)
        out[position] = value
    return out


def pick_step(rewards, true_rates, steps):
    """The candidate step whose estimates have the smallest mean absolute error."""
    truth = np.asarray(true_rates, dtype=float)
    errors = [np.mean(np.abs(estimates(rewards, s) - truth)) for s in steps]
    return steps[int(np.argmin(errors))]
''',
        # overfitting to the visible examples (constant truth): compares every estimate with
        # the MEAN true rate instead of the true rate at each pull
        '''def estimates(rewards, step):
    """The estimate after each reward, from 0: steps of 1/n ("average") or a constant step."""
    rewards = np.asarray(rewards, dtype=float)
    out = np.zeros(len(rewards))
    value = 0.0
    for n, reward in enumerate(rewards, start=1):
        alpha = 1 / n if step == "average" else step
        value = value + alpha * (reward - value)
        out[n - 1] = value
    return out


def pick_step(rewards, true_rates, steps):
    """The candidate step whose estimates have the smallest mean absolute error."""
    target = float(np.mean(true_rates))
    errors = [np.mean(np.abs(estimates(rewards, s) - target)) for s in steps]
    return steps[int(np.argmin(errors))]
''',
    ],
}
