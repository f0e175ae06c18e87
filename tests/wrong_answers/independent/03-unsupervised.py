"""Independent wrong answers for 03-unsupervised, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-choose-k": [
        # another scaler: MinMaxScaler (every column to [0, 1]) instead of the prescribed StandardScaler
        '''from sklearn.preprocessing import MinMaxScaler


def choose_k(X, k_values, seed=0):
    """Return the k in k_values whose k-means clustering of the standardised X has the best silhouette."""
    Z = MinMaxScaler().fit_transform(X)
    ks = list(k_values)
    scores = []
    for k in ks:
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z)
        scores.append(silhouette_score(Z, labels))
    return int(ks[int(np.argmax(scores))])
''',
        # another index: Calinski-Harabasz (highest) instead of the silhouette
        '''from sklearn.metrics import calinski_harabasz_score


def choose_k(X, k_values, seed=0):
    """Return the k in k_values whose k-means clustering of the standardised X has the best silhouette."""
    Z = StandardScaler().fit_transform(X)
    ks = list(k_values)
    scores = []
    for k in ks:
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z)
        scores.append(calinski_harabasz_score(Z, labels))
    return int(ks[int(np.argmax(scores))])
''',
        # another index: Davies-Bouldin (lowest) instead of the silhouette
        '''from sklearn.metrics import davies_bouldin_score


def choose_k(X, k_values, seed=0):
    """Return the k in k_values whose k-means clustering of the standardised X has the best silhouette."""
    Z = StandardScaler().fit_transform(X)
    ks = list(k_values)
    scores = []
    for k in ks:
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z)
        scores.append(davies_bouldin_score(Z, labels))
    return int(ks[int(np.argmin(scores))])
''',
        # another seed: random_state=0 hard-coded, the seed argument is ignored (the visible
        # tests only use the default seed=0)
        '''def choose_k(X, k_values, seed=0):
    """Return the k in k_values whose k-means clustering of the standardised X has the best silhouette."""
    Z = StandardScaler().fit_transform(X)
    ks = list(k_values)
    scores = []
    for k in ks:
        labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(Z)
        scores.append(silhouette_score(Z, labels))
    return int(ks[int(np.argmax(scores))])
''',
        # another n_init: KMeans' default n_init="auto" (one k-means++ start) instead of 10
        '''def choose_k(X, k_values, seed=0):
    """Return the k in k_values whose k-means clustering of the standardised X has the best silhouette."""
    Z = StandardScaler().fit_transform(X)
    ks = list(k_values)
    scores = []
    for k in ks:
        labels = KMeans(n_clusters=k, random_state=seed).fit_predict(Z)
        scores.append(silhouette_score(Z, labels))
    return int(ks[int(np.argmax(scores))])
''',
        # position arithmetic: first k + position of the best score, which is right only when
        # k_values are consecutive (fails for [3, 5, 8])
        '''def choose_k(X, k_values, seed=0):
    """Return the k in k_values whose k-means clustering of the standardised X has the best silhouette."""
    Z = StandardScaler().fit_transform(X)
    ks = list(k_values)
    scores = []
    for k in ks:
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z)
        scores.append(silhouette_score(Z, labels))
    return int(ks[0] + np.argmax(scores))
''',
    ],
    "ex2-bootstrap-stability": [
        # another generator: the legacy np.random.RandomState(seed) (it leaves the global state
        # alone, but it is not the prescribed np.random.default_rng(seed) and draws other rows)
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    """ARI between k-means on all rows and k-means refitted on each of n_boot bootstrap samples."""
    X = np.asarray(X, dtype=float)
    n = len(X)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    rng = np.random.RandomState(seed)
    aris = []
    for _ in range(n_boot):
        rows = rng.randint(0, n, size=n)
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # a new generator in every repeat, seeded seed + b, instead of ONE generator for the
        # whole function (the rows differ from the prescribed ones)
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    """ARI between k-means on all rows and k-means refitted on each of n_boot bootstrap samples."""
    X = np.asarray(X, dtype=float)
    n = len(X)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    aris = []
    for b in range(n_boot):
        rows = np.random.default_rng(seed + b).integers(0, n, size=n)
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # refits each bootstrap KMeans with random_state=seed + b ("a fresh start each time")
        # instead of the same random_state as the reference
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    """ARI between k-means on all rows and k-means refitted on each of n_boot bootstrap samples."""
    X = np.asarray(X, dtype=float)
    n = len(X)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    rng = np.random.default_rng(seed)
    aris = []
    for b in range(n_boot):
        rows = rng.integers(0, n, size=n)
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed + b + 1).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # drops the duplicates of each bootstrap sample (np.unique(rows)) before fitting and
        # comparing, although the task says "duplicates included"
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    """ARI between k-means on all rows and k-means refitted on each of n_boot bootstrap samples."""
    X = np.asarray(X, dtype=float)
    n = len(X)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    rng = np.random.default_rng(seed)
    aris = []
    for _ in range(n_boot):
        rows = np.unique(rng.integers(0, n, size=n))
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # index habit: wraps X in a DataFrame and picks the drawn rows with .loc (by index LABEL),
        # right only when X has the default index 0..n-1
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    """ARI between k-means on all rows and k-means refitted on each of n_boot bootstrap samples."""
    table = pd.DataFrame(X)
    n = len(table)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(table.to_numpy(dtype=float))
    rng = np.random.default_rng(seed)
    aris = []
    for _ in range(n_boot):
        rows = rng.integers(0, n, size=n)
        sample = table.loc[rows].to_numpy(dtype=float)
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(sample)
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # a plausible alternative procedure: the bootstrap model predicts ALL n rows and is
        # compared with the whole reference, instead of comparing on the rows drawn
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    """ARI between k-means on all rows and k-means refitted on each of n_boot bootstrap samples."""
    X = np.asarray(X, dtype=float)
    n = len(X)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    rng = np.random.default_rng(seed)
    aris = []
    for _ in range(n_boot):
        rows = rng.integers(0, n, size=n)
        model = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(X[rows])
        aris.append(adjusted_rand_score(reference, model.predict(X)))
    return np.array(aris)
''',
    ],
    "ex4-pca-svd": [
        # prescribed procedure replaced: eigen-decomposition of the covariance matrix
        # (np.linalg.eigh) instead of the SVD of the centred data
        '''def pca_svd(X, n_components):
    """PCA with NumPy's SVD: (scores, components, explained variance ratios) of the first components."""
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    eigenvalues, eigenvectors = np.linalg.eigh(np.cov(Xc, rowvar=False))
    order = np.argsort(eigenvalues)[::-1]
    eigenvalues, eigenvectors = eigenvalues[order], eigenvectors[:, order]
    components = eigenvectors[:, :n_components].T.copy()
    biggest = np.argmax(np.abs(components), axis=1)
    components *= np.sign(components[np.arange(n_components), biggest])[:, None]
    scores = Xc @ components.T
    ratios = eigenvalues[:n_components] / eigenvalues.sum()
    return scores, components, ratios
''',
        # library shortcut for the sign step: scikit-learn's private helper
        # _deterministic_vector_sign_flip (not on the forbidden list) instead of writing the flip
        '''from sklearn.utils.extmath import _deterministic_vector_sign_flip


def pca_svd(X, n_components):
    """PCA with NumPy's SVD: (scores, components, explained variance ratios) of the first components."""
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = _deterministic_vector_sign_flip(Vt[:n_components])
    scores = Xc @ components.T
    ratios = S[:n_components] ** 2 / np.sum(S ** 2)
    return scores, components, ratios
''',
        # another method: scikit-learn's randomized_svd ("faster") instead of the exact
        # np.linalg.svd; approximate when the variances are close, and a library shortcut
        '''from sklearn.utils.extmath import randomized_svd


def pca_svd(X, n_components):
    """PCA with NumPy's SVD: (scores, components, explained variance ratios) of the first components."""
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    U, S, Vt = randomized_svd(Xc, n_components, flip_sign=False, random_state=0)
    components = Vt.copy()
    biggest = np.argmax(np.abs(components), axis=1)
    components *= np.sign(components[np.arange(n_components), biggest])[:, None]
    scores = Xc @ components.T
    ratios = S ** 2 / np.sum(Xc ** 2)
    return scores, components, ratios
''',
        # dtypes: copies X without converting it and centres in place (Xc -= mean), which
        # raises on an integer table (e.g. pixel counts or other whole-number columns)
        '''def pca_svd(X, n_components):
    """PCA with NumPy's SVD: (scores, components, explained variance ratios) of the first components."""
    Xc = np.array(X)
    Xc -= Xc.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:n_components].copy()
    biggest = np.argmax(np.abs(components), axis=1)
    components *= np.sign(components[np.arange(n_components), biggest])[:, None]
    scores = Xc @ components.T
    ratios = S[:n_components] ** 2 / np.sum(S ** 2)
    return scores, components, ratios
''',
        # dtypes: works in float32 "to save memory", so components and scores lose precision
        '''def pca_svd(X, n_components):
    """PCA with NumPy's SVD: (scores, components, explained variance ratios) of the first components."""
    X = np.asarray(X, dtype=np.float32)
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:n_components].copy()
    biggest = np.argmax(np.abs(components), axis=1)
    components *= np.sign(components[np.arange(n_components), biggest])[:, None]
    scores = Xc @ components.T
    ratios = S[:n_components] ** 2 / np.sum(S ** 2)
    return scores, components, ratios
''',
    ],
    "ex5-alarms-at-budget": [
        # boundary arithmetic: int() (floor) instead of round() for the number of alarms
        # (both give 2 for 2.5, so the visible test cannot tell them apart)
        '''def alarms_at_budget(scores, budget):
    """Boolean alarms for the highest scores: at most round(budget * n), equal scores alike."""
    scores = np.asarray(scores, dtype=float)
    n_alarms = int(budget * len(scores))
    if n_alarms == 0:
        return np.zeros(len(scores), dtype=bool)
    if n_alarms >= len(scores):
        return np.ones(len(scores), dtype=bool)
    edge = np.sort(scores)[::-1][n_alarms]
    return scores > edge
''',
        # the end case is forgotten: with n_alarms == len(scores) (budget 1) there is no
        # "first score that does not fit" and the lookup fails
        '''def alarms_at_budget(scores, budget):
    """Boolean alarms for the highest scores: at most round(budget * n), equal scores alike."""
    scores = np.asarray(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    edge = np.sort(scores)[::-1][n_alarms]
    return scores > edge
''',
        # argsort slicing: order[-n_alarms:] with n_alarms == 0 is order[0:], ALL readings
        '''def alarms_at_budget(scores, budget):
    """Boolean alarms for the highest scores: at most round(budget * n), equal scores alike."""
    scores = np.asarray(scores, dtype=float)
    n = len(scores)
    n_alarms = round(budget * n)
    order = np.argsort(scores)
    alarms = np.zeros(n, dtype=bool)
    alarms[order[-n_alarms:]] = True
    if n_alarms < n:
        edge = scores[order[-n_alarms - 1]]
        alarms[scores == edge] = False
    return alarms
''',
        # index habit: keeps the scores as a Series and reads the edge score with
        # scores[position], a lookup by index LABEL (right only for the default index)
        '''def alarms_at_budget(scores, budget):
    """Boolean alarms for the highest scores: at most round(budget * n), equal scores alike."""
    scores = pd.Series(scores, dtype=float)
    n = len(scores)
    n_alarms = round(budget * n)
    if n_alarms == 0:
        return np.zeros(n, dtype=bool)
    if n_alarms >= n:
        return np.ones(n, dtype=bool)
    order = np.argsort(-scores.to_numpy())
    edge = scores[order[n_alarms]]
    return (scores > edge).to_numpy()
''',
        # ties by rounding: scores rounded to 3 decimals "to catch ties", so scores that differ
        # only slightly are treated as equal and lose their alarms
        '''def alarms_at_budget(scores, budget):
    """Boolean alarms for the highest scores: at most round(budget * n), equal scores alike."""
    scores = np.round(np.asarray(scores, dtype=float), 3)
    n_alarms = round(budget * len(scores))
    if n_alarms == 0:
        return np.zeros(len(scores), dtype=bool)
    if n_alarms >= len(scores):
        return np.ones(len(scores), dtype=bool)
    edge = np.sort(scores)[::-1][n_alarms]
    return scores > edge
''',
    ],
    "ex6-readings-to-check": [
        # counts instead of recall, rounded down: needs int(target * anomalies) anomalies, fewer
        # than the target when target * anomalies is not a whole number
        '''def readings_to_check(scores, is_anomaly, target_recall):
    """The fewest top-scored readings whose alarms catch at least target_recall of the anomalies."""
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly, dtype=int)
    needed = int(target_recall * truth.sum())
    if needed == 0:
        return 0
    caught = np.cumsum(truth[np.argsort(-scores)])
    return int(np.argmax(caught >= needed) + 1)
''',
        # counts with round(): 0.8 of 4 anomalies = 3.2 rounds to 3, a recall of only 0.75
        '''def readings_to_check(scores, is_anomaly, target_recall):
    """The fewest top-scored readings whose alarms catch at least target_recall of the anomalies."""
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly, dtype=int)
    needed = round(target_recall * truth.sum())
    if needed == 0:
        return 0
    caught = np.cumsum(truth[np.argsort(-scores)])
    return int(np.argmax(caught >= needed) + 1)
''',
        # counts with math.ceil on a float product: 0.28 * 25 = 7.000000000000001 rounds UP to 8
        # (one reading-of-an-anomaly too many), although 7 of 25 already reaches 0.28
        '''import math


def readings_to_check(scores, is_anomaly, target_recall):
    """The fewest top-scored readings whose alarms catch at least target_recall of the anomalies."""
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly, dtype=int)
    if truth.sum() == 0:
        return 0
    needed = math.ceil(target_recall * truth.sum())
    if needed == 0:
        return 0
    caught = np.cumsum(truth[np.argsort(-scores)])
    return int(np.argmax(caught >= needed) + 1)
''',
        # index habit: is_anomaly kept as a Series and indexed with the sort order,
        # truth[order], which picks by index LABEL (right only for the default index)
        '''def readings_to_check(scores, is_anomaly, target_recall):
    """The fewest top-scored readings whose alarms catch at least target_recall of the anomalies."""
    truth = pd.Series(is_anomaly).astype(int)
    total = truth.sum()
    if target_recall == 0 or total == 0:
        return 0
    order = np.argsort(-np.asarray(scores, dtype=float))
    recall = np.cumsum(truth[order].to_numpy()) / total
    return int(np.argmax(recall >= target_recall) + 1)
''',
        # strict-vs-non-strict hidden by a tolerance: counts a recall within 0.01 of the target
        # as reached ("floating-point safety"), so a recall of 0.79 passes for 0.8
        '''def readings_to_check(scores, is_anomaly, target_recall):
    """The fewest top-scored readings whose alarms catch at least target_recall of the anomalies."""
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly, dtype=int)
    total = truth.sum()
    if target_recall == 0 or total == 0:
        return 0
    recall = np.cumsum(truth[np.argsort(-scores)]) / total
    return int(np.argmax(recall >= target_recall - 0.01) + 1)
''',
    ],
}
