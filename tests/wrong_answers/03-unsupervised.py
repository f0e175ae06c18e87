"""Plausible wrong answers to the exercises of 03-unsupervised.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. tests/test_wrong_answers.py runs the notebook, then executes each wrong
source followed by the cell's tests (visible and hidden) and asserts that the tests fail.
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-choose-k": [
        # Forgets to scale: the column in big units decides everything.
        '''def choose_k(X, k_values, seed=0):
    k_values = list(k_values)
    X = np.asarray(X, dtype=float)
    scores = [silhouette_score(X, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X))
              for k in k_values]
    return int(k_values[int(np.argmax(scores))])
''',
        # Picks the lowest inertia: always the largest k.
        '''def choose_k(X, k_values, seed=0):
    k_values = list(k_values)
    Z = StandardScaler().fit_transform(X)
    inertias = [KMeans(n_clusters=k, n_init=10, random_state=seed).fit(Z).inertia_ for k in k_values]
    return int(k_values[int(np.argmin(inertias))])
''',
        # Returns the position of the best score instead of the k at that position.
        '''def choose_k(X, k_values, seed=0):
    Z = StandardScaler().fit_transform(X)
    scores = [silhouette_score(Z, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(np.argmax(scores))
''',
        # Scales for the clustering but computes the silhouette on the raw columns.
        '''def choose_k(X, k_values, seed=0):
    k_values = list(k_values)
    Z = StandardScaler().fit_transform(X)
    scores = [silhouette_score(X, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(k_values[int(np.argmax(scores))])
''',
        # Picks the lowest silhouette (argmin instead of argmax).
        '''def choose_k(X, k_values, seed=0):
    k_values = list(k_values)
    Z = StandardScaler().fit_transform(X)
    scores = [silhouette_score(Z, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(k_values[int(np.argmin(scores))])
''',
        # Scales each row instead of each column (axis mix-up).
        '''def choose_k(X, k_values, seed=0):
    k_values = list(k_values)
    X = np.asarray(X, dtype=float)
    Z = (X - X.mean(axis=1, keepdims=True)) / X.std(axis=1, keepdims=True)
    scores = [silhouette_score(Z, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(k_values[int(np.argmax(scores))])
''',
    ],
    "ex2-cluster-profiles": [
        # Shares as counts instead of fractions.
        '''def cluster_profiles(table, labels):
    labels = np.asarray(labels)
    profile = table.groupby(labels).mean()
    profile["share"] = pd.Series(labels).value_counts().sort_index().to_numpy()
    return profile
''',
        # Medians instead of means.
        '''def cluster_profiles(table, labels):
    labels = np.asarray(labels)
    profile = table.groupby(labels).median()
    profile["share"] = pd.Series(labels).value_counts(normalize=True).sort_index().to_numpy()
    return profile
''',
        # Shares in order of frequency (value_counts' default), not in order of the labels.
        '''def cluster_profiles(table, labels):
    labels = np.asarray(labels)
    profile = table.groupby(labels).mean()
    profile["share"] = pd.Series(labels).value_counts(normalize=True).to_numpy()
    return profile
''',
        # Features as rows and clusters as columns (transposed).
        '''def cluster_profiles(table, labels):
    labels = np.asarray(labels)
    profile = table.groupby(labels).mean()
    profile["share"] = pd.Series(labels).value_counts(normalize=True).sort_index().to_numpy()
    return profile.T
''',
        # Forgets the share column.
        '''def cluster_profiles(table, labels):
    return table.groupby(np.asarray(labels)).mean()
''',
        # Assumes the labels are 0, 1, ..., k-1 and loops over range(k).
        '''def cluster_profiles(table, labels):
    labels = np.asarray(labels)
    k = len(np.unique(labels))
    rows = [table[labels == c].mean() for c in range(k)]
    profile = pd.DataFrame(rows, index=range(k))
    profile["share"] = [np.mean(labels == c) for c in range(k)]
    return profile
''',
    ],
    "ex4-pca-svd": [
        # Forgets to centre the data.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    _, _, Vt = np.linalg.svd(X, full_matrices=False)
    components = Vt[:n_components]
    return X @ components.T, components
''',
        # Takes the left singular vectors U (sample space) instead of V.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = U[:, :n_components].T
    return U[:, :n_components] * S[:n_components], components
''',
        # Takes columns of Vt instead of rows.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, _, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:, :n_components].T
    return Xc @ components.T, components
''',
        # Right components, but scores without the singular values (U instead of U * S).
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    U, _, Vt = np.linalg.svd(Xc, full_matrices=False)
    return U[:, :n_components], Vt[:n_components]
''',
        # Centres each row (axis=1) instead of each column.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=1, keepdims=True)
    _, _, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:n_components]
    return Xc @ components.T, components
''',
        # The last components (smallest singular values) instead of the first.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, _, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[-n_components:][::-1]
    return Xc @ components.T, components
''',
    ],
    "ex5-alarms-at-budget": [
        # Wrong tail: alarms on the LOWEST scores.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    alarms = np.zeros(len(scores), dtype=bool)
    alarms[np.argsort(scores)[:n_alarms]] = True
    return alarms
''',
        # Off by one: one alarm too many.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    alarms = np.zeros(len(scores), dtype=bool)
    alarms[np.argsort(scores)[-n_alarms - 1:]] = True
    return alarms
''',
        # order[-k:] with k = 0 selects every reading.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    alarms = np.zeros(len(scores), dtype=bool)
    alarms[np.argsort(scores)[-n_alarms:]] = True
    return alarms
''',
        # A quantile threshold with >=: right count at many budgets, but at a budget of 0 the
        # maximum itself still raises an alarm.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    return scores >= np.quantile(scores, 1 - budget)
''',
        # Rounds the number of alarms down (int) instead of round(): 0.29 * 100 gives 28.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = int(budget * len(scores))
    order = np.argsort(scores)
    alarms = np.zeros(len(scores), dtype=bool)
    alarms[order[len(order) - n_alarms:]] = True
    return alarms
''',
        # Returns the positions of the alarms instead of one flag per reading.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    order = np.argsort(scores)
    return order[len(order) - n_alarms:]
''',
    ],
    "ex6-precision-recall": [
        # Precision and recall swapped.
        '''def alarm_precision_recall(is_anomaly, alarms):
    truth = np.asarray(is_anomaly, dtype=bool)
    alarms = np.asarray(alarms, dtype=bool)
    hits = np.sum(truth & alarms)
    precision = hits / truth.sum() if truth.sum() else 0.0
    recall = hits / alarms.sum() if alarms.sum() else 0.0
    return float(precision), float(recall)
''',
        # Divides by zero when there is no alarm (nan, with a warning).
        '''def alarm_precision_recall(is_anomaly, alarms):
    truth = np.asarray(is_anomaly, dtype=bool)
    alarms = np.asarray(alarms, dtype=bool)
    hits = np.sum(truth & alarms)
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(hits / alarms.sum()), float(hits / truth.sum())
''',
        # "Precision" as the accuracy of the alarm flags.
        '''def alarm_precision_recall(is_anomaly, alarms):
    truth = np.asarray(is_anomaly, dtype=bool)
    alarms = np.asarray(alarms, dtype=bool)
    hits = np.sum(truth & alarms)
    recall = hits / truth.sum() if truth.sum() else 0.0
    return float(np.mean(truth == alarms)), float(recall)
''',
        # Counts hits with == (agreement), so every correctly silent reading counts as a hit.
        '''def alarm_precision_recall(is_anomaly, alarms):
    truth = np.asarray(is_anomaly, dtype=bool)
    alarms = np.asarray(alarms, dtype=bool)
    hits = np.sum(truth == alarms)
    precision = min(hits / alarms.sum(), 1.0) if alarms.sum() else 0.0
    recall = min(hits / truth.sum(), 1.0) if truth.sum() else 0.0
    return float(precision), float(recall)
''',
        # Works on lists of 0/1 only by accident: sums the flags without converting to bool.
        '''def alarm_precision_recall(is_anomaly, alarms):
    hits = sum(1 for t, a in zip(is_anomaly, alarms) if t and a)
    precision = hits / len(alarms) if len(alarms) else 0.0
    recall = hits / sum(is_anomaly) if sum(is_anomaly) else 0.0
    return float(precision), float(recall)
''',
    ],
}
