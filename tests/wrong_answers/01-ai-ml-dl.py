"""Plausible wrong answers to the exercises of 01-ai-ml-dl.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
Comments starting CLASS name the class of gap (issue 11) that the answer stands for.
"""

ESTIMATES = """def estimates(rewards, step):
    values, value = [], 0.0
    for n, reward in enumerate(np.asarray(rewards, dtype=float), start=1):
        value += (1 / n if step == "average" else step) * (reward - value)
        values.append(value)
    return np.array(values)
"""
ESTIMATES_INT = """def estimates(rewards, step):
    rewards = np.asarray(rewards)
    values = np.zeros_like(rewards)
    value = 0.0
    for n, reward in enumerate(rewards, start=1):
        value += (1 / n if step == "average" else step) * (reward - value)
        values[n - 1] = value
    return values
"""
PICK = """def pick_step(rewards, true_rates, steps):
    errors = [np.mean(np.abs(estimates(rewards, s) - np.asarray(true_rates))) for s in steps]
    return steps[int(np.argmin(errors))]
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-expert-rules": [
        # No rule at all: always the most common training label (the majority baseline).
        '''def expert_rules(X):
    return np.full(len(X), BENIGN)
''',
        # The inequality the wrong way round: small, regular nuclei called malignant.
        '''def expert_rules(X):
    return np.where(X["worst concave points"] < 0.14, MALIGNANT, BENIGN)
''',
        # Right threshold, labels swapped: 1 is used for malignant.
        '''def expert_rules(X):
    return np.where(X["worst concave points"] > 0.14, 1, 0)
''',
        # Threshold taken from the batch itself (its median): depends on the other patients.
        '''def expert_rules(X):
    return np.where(X["worst area"] > X["worst area"].median(), MALIGNANT, BENIGN)
''',
        # A rule that misses many cancers: only the very largest tumours are called malignant.
        '''def expert_rules(X):
    return np.where(X["worst area"] > 1600, MALIGNANT, BENIGN)
''',
        # Good rules, but they write a new column into the caller's DataFrame.
        '''def expert_rules(X):
    X["malignant"] = (X["worst area"] > 900) | (X["worst concave points"] > 0.15)
    return np.where(X["malignant"], MALIGNANT, BENIGN)
''',
        # Returns words instead of the numeric labels 0 and 1.
        '''def expert_rules(X):
    return np.where(X["worst concave points"] > 0.14, "malignant", "benign")
''',
        # Returns a single verdict for the whole batch instead of one per row.
        '''def expert_rules(X):
    return np.array([MALIGNANT if X["worst concave points"].mean() > 0.14 else BENIGN])
''',
        # CLASS learned model: a decision tree fitted before the call, used inside the "rules"
        # (approach 2, not rules).
        '''rules_tree = DecisionTreeClassifier(max_depth=3, random_state=0).fit(X_train, y_train)


def expert_rules(X):
    return rules_tree.predict(X)
''',
        # CLASS learned model: fits a fresh scikit-learn model on the training data at each call.
        '''def expert_rules(X):
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    return model.fit(X_train, y_train).predict(X)
''',
        # CLASS learned model: any other scikit-learn model, fitted before the call.
        '''from sklearn.linear_model import RidgeClassifier

rules_model = RidgeClassifier().fit(X_train, y_train)   # not one of the classes named in the tests


def expert_rules(X):
    return rules_model.predict(X)
''',
        # CLASS learned model without scikit-learn: a nearest-neighbour lookup in the training
        # labels, written in NumPy (the hidden tests hide the labels while the rules run).
        '''def expert_rules(X):
    train = X_train.to_numpy() / X_train.to_numpy().std(axis=0)
    rows = X.to_numpy() / X_train.to_numpy().std(axis=0)
    nearest = ((rows[:, None, :] - train[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    return np.asarray(y_train)[nearest]
''',
        # CLASS dtype: good rules, but returns True/False (True = benign) instead of 0/1 integers.
        '''def expert_rules(X):
    malignant = (X["worst area"] > 900) | (X["worst concave points"] > 0.15)
    return (~malignant).to_numpy()
''',
        # CLASS dtype: good rules, but float labels 0.0 and 1.0.
        '''def expert_rules(X):
    malignant = (X["worst area"] > 900) | (X["worst concave points"] > 0.15)
    return np.where(malignant, 0.0, 1.0)
''',
        # CLASS dtype/type: good rules, returned as a pandas Series rather than a NumPy array.
        '''def expert_rules(X):
    malignant = (X["worst area"] > 900) | (X["worst concave points"] > 0.15)
    return pd.Series(np.where(malignant, MALIGNANT, BENIGN), index=X.index)
''',
        # CLASS RangeIndex: one rule rebuilt from a plain array gets the index 0..n-1, and `|`
        # lines the two Series up by index (works only when X has the default index).
        '''def expert_rules(X):
    large = pd.Series(X["worst area"].to_numpy() > 900)
    irregular = X["worst concave points"] > 0.15
    return np.where(large | irregular, MALIGNANT, BENIGN)
''',
        # CLASS easy test data: the notebook's own one-rule example copied (a single cut is not
        # the expert system the goal asks for).
        '''def expert_rules(X):
    return np.where(X["worst area"] > 1000, MALIGNANT, BENIGN)
''',
        # CLASS empty case / dtype: good rules applied pair by pair with map; with no rows the
        # empty list becomes a float array, not integers.
        '''def rule(area, points):
    return MALIGNANT if area > 900 or points > 0.15 else BENIGN


def expert_rules(X):
    return np.array(list(map(rule, X["worst area"], X["worst concave points"])))
''',
        # CLASS learned model of another library: a small PyTorch network trained on the
        # training labels before the call (the hidden tests switch Module.__call__ off).
        '''import torch

torch.manual_seed(0)
_net = torch.nn.Sequential(torch.nn.Linear(30, 1))
_mean, _std = X_train.mean().to_numpy(), X_train.std(ddof=0).to_numpy()
_xt = torch.tensor((X_train.to_numpy() - _mean) / _std, dtype=torch.float32)
_opt = torch.optim.Adam(_net.parameters(), lr=0.05)
for _ in range(200):
    _opt.zero_grad()
    _loss = torch.nn.functional.binary_cross_entropy_with_logits(
        _net(_xt).squeeze(1), torch.tensor(np.asarray(y_train), dtype=torch.float32))
    _loss.backward()
    _opt.step()


def expert_rules(X):
    x = torch.tensor((X.to_numpy() - _mean) / _std, dtype=torch.float32)
    with torch.no_grad():
        return (_net(x).squeeze(1) > 0).numpy().astype(int)
''',
    ],
    "ex2-cluster-purity": [
        # Compares cluster numbers with labels directly (cluster numbers are arbitrary names).
        '''def cluster_purity(clusters, labels):
    return float(np.mean(np.asarray(clusters) == np.asarray(labels)))
''',
        # Averages the purity of each cluster without weighting by cluster size.
        '''def cluster_purity(clusters, labels):
    clusters, labels = np.asarray(clusters), np.asarray(labels)
    shares = []
    for cluster in np.unique(clusters):
        _, counts = np.unique(labels[clusters == cluster], return_counts=True)
        shares.append(counts.max() / counts.sum())
    return float(np.mean(shares))
''',
        # Divides the sum of the largest counts by the number of clusters, not of examples.
        '''def cluster_purity(clusters, labels):
    clusters, labels = np.asarray(clusters), np.asarray(labels)
    largest = 0
    for cluster in np.unique(clusters):
        _, counts = np.unique(labels[clusters == cluster], return_counts=True)
        largest += counts.max()
    return float(largest / len(np.unique(clusters)))
''',
        # The share of the most common label overall: ignores the clusters.
        '''def cluster_purity(clusters, labels):
    _, counts = np.unique(np.asarray(labels), return_counts=True)
    return float(counts.max() / counts.sum())
''',
        # Turned round: for each label, the largest count in one cluster (inverse purity).
        '''def cluster_purity(clusters, labels):
    return float(pd.crosstab(np.asarray(clusters), np.asarray(labels)).max(axis=0).sum() / len(labels))
''',
        # CLASS RangeIndex: pd.crosstab pairs two Series by index, not by position.
        '''def cluster_purity(clusters, labels):
    table = pd.crosstab(pd.Series(clusters), pd.Series(labels))
    return float(table.max(axis=1).sum() / len(clusters))
''',
        # CLASS RangeIndex: boolean selection with a Series mask lines up by index.
        '''def cluster_purity(clusters, labels):
    clusters, labels = pd.Series(clusters), pd.Series(labels)
    largest = 0
    for cluster in clusters.unique():
        largest += labels[clusters == cluster].value_counts().max()
    return float(largest / len(labels))
''',
        # CLASS dtype/values: cluster names used as row numbers of a table; -1 becomes the last
        # row and is merged with another cluster, strings cannot be used at all.
        '''def cluster_purity(clusters, labels):
    clusters = np.asarray(clusters).astype(int)
    names, codes = np.unique(np.asarray(labels), return_inverse=True)
    table = np.zeros((clusters.max() + 1, len(names)))
    np.add.at(table, (clusters, codes), 1)
    return float(table.max(axis=1).sum() / len(clusters))
''',
    ],
    "ex3-epsilon-greedy": [
        # Never explores: ignores epsilon.
        '''def epsilon_greedy(values, epsilon, rng):
    rng.random()
    return int(np.argmax(values))
''',
        # The comparison the wrong way round: explores with probability 1 - epsilon.
        '''def epsilon_greedy(values, epsilon, rng):
    if rng.random() > epsilon:
        return int(rng.integers(len(values)))
    return int(np.argmax(values))
''',
        # Exploits the worst arm (argmin instead of argmax).
        '''def epsilon_greedy(values, epsilon, rng):
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return int(np.argmin(values))
''',
        # Uses NumPy's global generator instead of the rng given: not reproducible.
        '''def epsilon_greedy(values, epsilon, rng):
    if np.random.random() < epsilon:
        return int(np.random.randint(len(values)))
    return int(np.argmax(values))
''',
        # Off by one: rng.integers(len(values) - 1) never explores the last arm.
        '''def epsilon_greedy(values, epsilon, rng):
    if rng.random() < epsilon:
        return int(rng.integers(len(values) - 1))
    return int(np.argmax(values))
''',
        # Breaks ties by the last best arm instead of the first.
        '''def epsilon_greedy(values, epsilon, rng):
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    values = np.asarray(values)
    return int(len(values) - 1 - np.argmax(values[::-1]))
''',
        # CLASS global state: reseeds NumPy's global generator "for reproducibility".
        '''def epsilon_greedy(values, epsilon, rng):
    np.random.seed(0)
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return int(np.argmax(values))
''',
        # CLASS prescribed procedure: skips the coin toss when epsilon is 0 (another random stream).
        '''def epsilon_greedy(values, epsilon, rng):
    if epsilon > 0 and rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return int(np.argmax(values))
''',
        # Explores only among the other arms (exploring means any arm, the best included).
        '''def epsilon_greedy(values, epsilon, rng):
    best = int(np.argmax(values))
    if rng.random() < epsilon:
        others = [arm for arm in range(len(values)) if arm != best]
        return int(others[rng.integers(len(others))])
    return best
''',
        # CLASS ties: breaks ties between equally good arms at random.
        '''def epsilon_greedy(values, epsilon, rng):
    values = np.asarray(values)
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return int(rng.choice(np.flatnonzero(values == values.max())))
''',
        # CLASS rounding/tolerance: treats values within np.isclose's tolerance as a tie, so a
        # value larger only in a late decimal loses to an earlier one.
        '''def epsilon_greedy(values, epsilon, rng):
    values = np.asarray(values, dtype=float)
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return int(np.flatnonzero(np.isclose(values, values.max()))[0])
''',
        # CLASS dtype: list-only code (list.index), breaks on NumPy arrays.
        '''def epsilon_greedy(values, epsilon, rng):
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return values.index(max(values))
''',
    ],
    "ex4-pick-step": [
        # CLASS dtype: estimates kept in an integer array (np.zeros_like of 0/1 rewards).
        ESTIMATES_INT + PICK,
        # Off by one: the step 1/(n + 1), as if n did not count the new reward.
        """def estimates(rewards, step):
    values, value = [], 0.0
    for n, reward in enumerate(np.asarray(rewards, dtype=float)):
        value += (1 / (n + 1 + 1) if step == "average" else step) * (reward - value)
        values.append(value)
    return np.array(values)
""" + PICK,
        # CLASS prescribed procedure: pandas' ewm starts from the first reward, not from 0.
        """def estimates(rewards, step):
    rewards = pd.Series(np.asarray(rewards, dtype=float))
    if step == "average":
        return rewards.expanding().mean().to_numpy()
    return rewards.ewm(alpha=step, adjust=False).mean().to_numpy()
""" + PICK,
        # Stores the estimate before each update instead of after it.
        """def estimates(rewards, step):
    values, value = [], 0.0
    for n, reward in enumerate(np.asarray(rewards, dtype=float), start=1):
        values.append(value)
        value += (1 / n if step == "average" else step) * (reward - value)
    return np.array(values)
""" + PICK,
        # CLASS RangeIndex: rewards[n] on a Series is a lookup by index label, not by position.
        """def estimates(rewards, step):
    rewards = pd.Series(rewards)
    values, value = [], 0.0
    for n in range(len(rewards)):
        value += (1 / (n + 1) if step == "average" else step) * (rewards[n] - value)
        values.append(value)
    return np.array(values, dtype=float)
""" + PICK,
        # Measures the estimates against the noisy 0/1 rewards instead of the true rates.
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    errors = [np.mean(np.abs(estimates(rewards, s) - np.asarray(rewards))) for s in steps]
    return steps[int(np.argmin(errors))]
""",
        # CLASS aggregation: mean squared error instead of mean absolute error.
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    errors = [np.mean((estimates(rewards, s) - np.asarray(true_rates)) ** 2) for s in steps]
    return steps[int(np.argmin(errors))]
""",
        # CLASS aggregation: the largest error instead of the mean.
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    errors = [np.max(np.abs(estimates(rewards, s) - np.asarray(true_rates))) for s in steps]
    return steps[int(np.argmin(errors))]
""",
        # CLASS aggregation: the median error instead of the mean.
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    errors = [np.median(np.abs(estimates(rewards, s) - np.asarray(true_rates))) for s in steps]
    return steps[int(np.argmin(errors))]
""",
        # CLASS aggregation: only the error at the last pull.
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    errors = [abs(estimates(rewards, s)[-1] - np.asarray(true_rates)[-1]) for s in steps]
    return steps[int(np.argmin(errors))]
""",
        # CLASS ties: keeps the last of equally good candidates (<= instead of <).
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    best, best_error = None, np.inf
    for s in steps:
        error = np.mean(np.abs(estimates(rewards, s) - np.asarray(true_rates)))
        if error <= best_error:
            best, best_error = s, error
    return best
""",
        # CLASS pairing: the estimate BEFORE each reward (the one the agent acted on) against
        # the rate of that pull, instead of the estimate after the reward.
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    truth = np.asarray(true_rates, dtype=float)
    errors = [np.mean(np.abs(np.r_[0.0, estimates(rewards, s)[:-1]] - truth)) for s in steps]
    return steps[int(np.argmin(errors))]
""",
        # CLASS pairing: the estimate after reward i against the rate of the previous pull
        # (estimates[1:] with true_rates[:-1]).
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    truth = np.asarray(true_rates, dtype=float)
    errors = [np.mean(np.abs(estimates(rewards, s)[1:] - truth[:-1])) for s in steps]
    return steps[int(np.argmin(errors))]
""",
        # CLASS RangeIndex in estimates: the running average's n read from the Series index
        # (label + 1), not counted.
        """def estimates(rewards, step):
    rewards = pd.Series(rewards, dtype=float)
    values, value = [], 0.0
    for pull in rewards.index:                 # pulls numbered 0, 1, 2, ...
        n = pull + 1
        value += (1 / n if step == "average" else step) * (rewards[pull] - value)
        values.append(value)
    return np.array(values)
""" + PICK,
        # Returns the position of the best candidate instead of the candidate.
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    errors = [np.mean(np.abs(estimates(rewards, s) - np.asarray(true_rates))) for s in steps]
    return int(np.argmin(errors))
""",
        # CLASS RangeIndex: two Series subtracted line up by index, not by position.
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    rewards, truth = pd.Series(rewards), pd.Series(true_rates)
    errors = [(pd.Series(estimates(rewards, s), index=rewards.index) - truth).abs().mean()
              for s in steps]
    return steps[int(np.argmin(errors))]
""",
        # CLASS RangeIndex: the estimates made a Series with the default index, subtracted
        # from true_rates kept as given (a Series with its own index lines up by label).
        ESTIMATES + """def pick_step(rewards, true_rates, steps):
    errors = [float(np.nanmean(np.abs(pd.Series(estimates(rewards, s)) - true_rates)))
              for s in steps]
    return steps[int(np.argmin(errors))]
""",
    ],
}
