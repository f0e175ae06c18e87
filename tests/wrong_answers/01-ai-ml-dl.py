"""Plausible wrong answers to the exercises of 01-ai-ml-dl.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. tests/test_wrong_answers.py runs the notebook, then executes each wrong
source followed by the cell's tests (visible and hidden) and asserts that the tests fail.
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
    ],
    "ex4-update-value": [
        # Off by one: divides by count + 1, as if count excluded the new reward.
        '''def update_value(value, count, reward):
    return value + (reward - value) / (count + 1)
''',
        # A constant step size: an exponential moving average, not the running mean.
        '''def update_value(value, count, reward):
    return value + 0.1 * (reward - value)
''',
        # Averages the old value and the new reward, whatever the count.
        '''def update_value(value, count, reward):
    return (value + reward) / 2
''',
        # The wrong sign: moves the estimate away from the reward.
        '''def update_value(value, count, reward):
    return value - (reward - value) / count
''',
        # Forgets the old value: reward divided by the count.
        '''def update_value(value, count, reward):
    return reward / count
''',
    ],
}
