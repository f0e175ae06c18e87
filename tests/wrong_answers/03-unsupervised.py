"""Plausible wrong answers to the exercises of 03-unsupervised.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
Comments name the mistake, and the class of gap it stands for where the issue-11 review named one
("easy data": test data on which the prescribed choice would not matter; "procedure": a
prescribed procedure checked only by its properties; "index": inputs with a non-default index;
"aggregation"; "boundary"; "zero case"; "dtype"; "global state"; "shortcut": a library call the
task asks the learner to replace).
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
        # Class "easy data": another scaler (min-max) where standardising is prescribed.
        '''def choose_k(X, k_values, seed=0):
    from sklearn.preprocessing import MinMaxScaler
    k_values = list(k_values)
    Z = MinMaxScaler().fit_transform(X)
    scores = [silhouette_score(Z, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(k_values[int(np.argmax(scores))])
''',
        # Class "easy data": a robust scaler (median / IQR) instead of the standard one.
        '''def choose_k(X, k_values, seed=0):
    from sklearn.preprocessing import RobustScaler
    k_values = list(k_values)
    Z = RobustScaler().fit_transform(X)
    scores = [silhouette_score(Z, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(k_values[int(np.argmax(scores))])
''',
        # Class "easy data": another cluster index, Calinski-Harabasz, instead of the silhouette.
        '''def choose_k(X, k_values, seed=0):
    from sklearn.metrics import calinski_harabasz_score
    k_values = list(k_values)
    Z = StandardScaler().fit_transform(X)
    scores = [calinski_harabasz_score(Z, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(k_values[int(np.argmax(scores))])
''',
        # Class "easy data": the Davies-Bouldin index (lower is better) instead of the silhouette.
        '''def choose_k(X, k_values, seed=0):
    from sklearn.metrics import davies_bouldin_score
    k_values = list(k_values)
    Z = StandardScaler().fit_transform(X)
    scores = [davies_bouldin_score(Z, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(k_values[int(np.argmin(scores))])
''',
        # Class "easy data": the elbow, read as the largest second difference of the inertia.
        '''def choose_k(X, k_values, seed=0):
    k_values = list(k_values)
    Z = StandardScaler().fit_transform(X)
    inertias = np.array([KMeans(n_clusters=k, n_init=10, random_state=seed).fit(Z).inertia_ for k in k_values])
    bends = inertias[:-2] - 2 * inertias[1:-1] + inertias[2:]
    return int(k_values[int(np.argmax(bends)) + 1])
''',
        # Class "easy data": ignores the seed argument (random_state=0 always).
        '''def choose_k(X, k_values, seed=0):
    k_values = list(k_values)
    Z = StandardScaler().fit_transform(X)
    scores = [silhouette_score(Z, KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(Z))
              for k in k_values]
    return int(k_values[int(np.argmax(scores))])
''',
        # Class "easy data": KMeans with its default n_init (one start) instead of n_init=10.
        '''def choose_k(X, k_values, seed=0):
    k_values = list(k_values)
    Z = StandardScaler().fit_transform(X)
    scores = [silhouette_score(Z, KMeans(n_clusters=k, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(k_values[int(np.argmax(scores))])
''',
        # Class "easy data" (the k list): position + the first k, right only for lists without gaps.
        '''def choose_k(X, k_values, seed=0):
    k_values = list(k_values)
    Z = StandardScaler().fit_transform(X)
    scores = [silhouette_score(Z, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(np.argmax(scores)) + k_values[0]
''',
        # Class "easy data" (the k list): position + 2, as if k_values always started at 2.
        '''def choose_k(X, k_values, seed=0):
    Z = StandardScaler().fit_transform(X)
    scores = [silhouette_score(Z, KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z))
              for k in k_values]
    return int(np.argmax(scores)) + 2
''',
    ],
    "ex2-bootstrap-stability": [
        # Procedure: compares on ALL rows (the bootstrap model predicts every row) instead of on
        # the rows drawn — a reasonable variant, but not the one the task prescribes.
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    X = np.asarray(X, dtype=float)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    rng = np.random.default_rng(seed)
    aris = []
    for _ in range(n_boot):
        rows = rng.integers(0, len(X), size=len(X))
        model = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(X[rows])
        aris.append(adjusted_rand_score(reference, model.predict(X)))
    return np.array(aris)
''',
        # Procedure: a new generator in every repeat draws the same rows every time.
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    X = np.asarray(X, dtype=float)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    aris = []
    for _ in range(n_boot):
        rows = np.random.default_rng(seed).integers(0, len(X), size=len(X))
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # Procedure: one generator per repeat, seeded seed + b (different rows from the task's).
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    X = np.asarray(X, dtype=float)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    aris = []
    for b in range(n_boot):
        rows = np.random.default_rng(seed + b).integers(0, len(X), size=len(X))
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # Procedure: draws WITHOUT replacement (a permutation: the same rows in another order).
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    X = np.asarray(X, dtype=float)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    rng = np.random.default_rng(seed)
    aris = []
    for _ in range(n_boot):
        rows = rng.permutation(len(X))
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # Procedure: a different random_state for each repeat's k-means.
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    X = np.asarray(X, dtype=float)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    rng = np.random.default_rng(seed)
    aris = []
    for b in range(n_boot):
        rows = rng.integers(0, len(X), size=len(X))
        labels = KMeans(n_clusters=k, n_init=10, random_state=b).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # Procedure: scikit-learn's resample (its own legacy generator) instead of rng.integers.
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    from sklearn.utils import resample
    X = np.asarray(X, dtype=float)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    aris = []
    for b in range(n_boot):
        rows = resample(np.arange(len(X)), random_state=seed + b)
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # Global state: seeds NumPy's global generator and draws from it.
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    X = np.asarray(X, dtype=float)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    np.random.seed(seed)
    aris = []
    for _ in range(n_boot):
        rows = np.random.randint(0, len(X), size=len(X))
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # Aggregation: returns the mean ARI instead of one ARI per sample.
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    X = np.asarray(X, dtype=float)
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    rng = np.random.default_rng(seed)
    aris = []
    for _ in range(n_boot):
        rows = rng.integers(0, len(X), size=len(X))
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(np.mean(aris))
''',
        # Index: picks the drawn rows of a DataFrame by label (.loc), not by position.
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    reference = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)
    rng = np.random.default_rng(seed)
    aris = []
    for _ in range(n_boot):
        rows = rng.integers(0, len(X), size=len(X))
        sample = X.loc[rows] if isinstance(X, pd.DataFrame) else X[rows]
        labels = KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(sample)
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
        # Procedure: the reference and the refits use k-means' default n_init (one start).
        '''def bootstrap_stability(X, k, n_boot=20, seed=0):
    X = np.asarray(X, dtype=float)
    reference = KMeans(n_clusters=k, random_state=seed).fit_predict(X)
    rng = np.random.default_rng(seed)
    aris = []
    for _ in range(n_boot):
        rows = rng.integers(0, len(X), size=len(X))
        labels = KMeans(n_clusters=k, random_state=seed).fit_predict(X[rows])
        aris.append(adjusted_rand_score(reference[rows], labels))
    return np.array(aris)
''',
    ],
    "ex4-pca-svd": [
        # Forgets to centre the data.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    _, S, Vt = np.linalg.svd(X, full_matrices=False)
    components = Vt[:n_components]
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    return X @ components.T, components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Takes the left singular vectors U (sample space) instead of V.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = U[:, :n_components].T
    return U[:, :n_components] * S[:n_components], components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Takes columns of Vt instead of rows.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:, :n_components].T
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    return Xc @ components.T, components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Scores without the singular values (U instead of U * S): whitened scores.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    signs = np.sign(Vt[np.arange(n_components), np.argmax(np.abs(Vt[:n_components]), axis=1)])
    return U[:, :n_components] * signs, Vt[:n_components] * signs[:, None], S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Centres each row (axis=1) instead of each column.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=1, keepdims=True)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:n_components]
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    return Xc @ components.T, components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # The last components (smallest singular values) instead of the first.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[-n_components:][::-1]
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    return Xc @ components.T, components, S[-n_components:][::-1] ** 2 / np.sum(S ** 2)
''',
        # Shortcut: scikit-learn's PCA in one call.
        '''def pca_svd(X, n_components):
    pca = PCA(n_components=n_components).fit(X)
    return pca.transform(X), pca.components_, pca.explained_variance_ratio_
''',
        # Shortcut: TruncatedSVD on the centred data (the same numbers up to the sign).
        '''def pca_svd(X, n_components):
    from sklearn.decomposition import TruncatedSVD
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    svd = TruncatedSVD(n_components=n_components, algorithm="arpack").fit(Xc)
    components = svd.components_
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    S = np.linalg.svd(Xc, compute_uv=False)
    return Xc @ components.T, components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Shortcut: scikit-learn's svd_flip does the sign step in one call.
        '''def pca_svd(X, n_components):
    from sklearn.utils.extmath import svd_flip
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    U, Vt = svd_flip(U, Vt, u_based_decision=False)
    components = Vt[:n_components]
    return Xc @ components.T, components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Procedure (sign): no sign convention, whatever sign the SVD returned.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:n_components]
    return Xc @ components.T, components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Procedure (sign): makes the FIRST entry of each component positive.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:n_components] * np.sign(Vt[:n_components, :1])
    return Xc @ components.T, components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Procedure (sign): flips the components but returns the scores computed before the flip.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:n_components]
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    return U[:, :n_components] * S[:n_components], components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Ratios over the kept components only (they always add up to 1).
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:n_components]
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    return Xc @ components.T, components, S[:n_components] ** 2 / np.sum(S[:n_components] ** 2)
''',
        # Ratios from the singular values themselves, not their squares.
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:n_components]
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    return Xc @ components.T, components, S[:n_components] / np.sum(S)
''',
        # Eigenvectors of X.T @ X of the UN-centred data (the "covariance" without centring).
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    values, vectors = np.linalg.eigh(X.T @ X)
    order = np.argsort(values)[::-1][:n_components]
    components = vectors[:, order].T
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    Xc = X - X.mean(axis=0)
    return Xc @ components.T, components, values[order] / values.sum()
''',
        # Procedure (not the SVD): eigen-decomposition of the centred covariance with SciPy, the same
        # numbers as the SVD but not the method the task prescribes (eigen-routines are forbidden).
        '''def pca_svd(X, n_components):
    import scipy.linalg
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    values, vectors = scipy.linalg.eigh(Xc.T @ Xc)
    values, vectors = values[::-1], vectors[:, ::-1]
    components = vectors[:, :n_components].T
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    return Xc @ components.T, components, values[:n_components] / values.sum()
''',
        # Shortcut (sign helper): scikit-learn's private sign-flipping helper instead of writing the flip.
        '''def pca_svd(X, n_components):
    from sklearn.utils import extmath
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = extmath._deterministic_vector_sign_flip(Vt)[:n_components]
    return Xc @ components.T, components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Approximate method: power iteration with deflation instead of the exact SVD (50 steps are
        # not enough when the leading variances are close).
        '''def pca_svd(X, n_components):
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    C = Xc.T @ Xc
    total = np.trace(C)
    components, variances = [], []
    for _ in range(n_components):
        v = np.ones(C.shape[0]) / np.sqrt(C.shape[0])
        for _ in range(50):
            v = C @ v
            v /= np.linalg.norm(v)
        lam = v @ C @ v
        C = C - lam * np.outer(v, v)
        components.append(v * np.sign(v[np.argmax(np.abs(v))]))
        variances.append(lam)
    components = np.array(components)
    return Xc @ components.T, components, np.array(variances) / total
''',
        # Dtypes (integer tables): centres into a copy of X filled in place, which keeps X's dtype,
        # so an integer table is centred with the decimals cut off.
        '''def pca_svd(X, n_components):
    Xc = np.array(X)
    Xc[:] = Xc - Xc.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc.astype(float), full_matrices=False)
    components = Vt[:n_components]
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    return Xc @ components.T, components, S[:n_components] ** 2 / np.sum(S ** 2)
''',
        # Dtypes (precision): single precision "to save memory"; far from the origin the mean eats the
        # digits of the spread.
        '''def pca_svd(X, n_components):
    X = np.asarray(X).astype("float32")
    Xc = X - X.mean(axis=0)
    _, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    components = Vt[:n_components]
    components = components * np.sign(components[np.arange(n_components), np.argmax(np.abs(components), axis=1)])[:, None]
    return Xc @ components.T, components, S[:n_components] ** 2 / np.sum(S ** 2)
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
        # Zero case: order[-k:] with k = 0 selects every reading.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    alarms = np.zeros(len(scores), dtype=bool)
    alarms[np.argsort(scores)[-n_alarms:]] = True
    return alarms
''',
        # Boundary: a quantile threshold with >= (the count drifts from round(budget * n) at some n).
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    return scores >= np.quantile(scores, 1 - budget)
''',
        # Boundary: a quantile threshold with >.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    if budget <= 0:
        return np.zeros(len(scores), dtype=bool)
    if budget >= 1:
        return np.ones(len(scores), dtype=bool)
    return scores > np.quantile(scores, 1 - budget)
''',
        # Boundary: a quantile threshold that picks an actual score (method="higher").
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    if round(budget * len(scores)) == 0:
        return np.zeros(len(scores), dtype=bool)
    return scores >= np.quantile(scores, 1 - budget, method="higher")
''',
        # Boundary: rounds the number of alarms down (int) instead of round(): 0.29 * 100 gives 28.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = int(budget * len(scores))
    order = np.argsort(scores)
    alarms = np.zeros(len(scores), dtype=bool)
    alarms[order[len(order) - n_alarms:]] = True
    return alarms
''',
        # Boundary: rounds halves up (int(x + 0.5)) instead of round(): 2.5 gives 3.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = int(budget * len(scores) + 0.5)
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
        # Boundary (ties): exactly round(budget * n) alarms by argsort, splitting tied readings.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    order = np.argsort(scores, kind="stable")
    alarms = np.zeros(len(scores), dtype=bool)
    alarms[order[len(order) - n_alarms:]] = True
    return alarms
''',
        # Boundary (ties): every reading tied with the last one in the budget (exceeds the budget).
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    if n_alarms == 0:
        return np.zeros(len(scores), dtype=bool)
    return scores >= np.sort(scores)[::-1][n_alarms - 1]
''',
        # Dtype: 0/1 integers instead of booleans.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    if n_alarms >= len(scores):
        return np.ones(len(scores), dtype=int)
    if n_alarms == 0:
        return np.zeros(len(scores), dtype=int)
    return (scores > np.sort(scores)[::-1][n_alarms]).astype(int)
''',
        # Index: a Series' index labels used as positions.
        '''def alarms_at_budget(scores, budget):
    scores = pd.Series(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    alarms = np.zeros(len(scores), dtype=bool)
    if n_alarms >= len(scores):
        alarms[:] = True
    elif n_alarms > 0:
        threshold = scores.sort_values(ascending=False).iloc[n_alarms]
        alarms[scores.index[scores > threshold]] = True
    return alarms
''',
        # Near-ties treated as ties: scores within np.isclose of the first score left out lose their
        # alarm too, although only EXACTLY equal scores are tied.
        '''def alarms_at_budget(scores, budget):
    scores = np.asarray(scores, dtype=float)
    n_alarms = round(budget * len(scores))
    if n_alarms == 0:
        return np.zeros(len(scores), dtype=bool)
    if n_alarms >= len(scores):
        return np.ones(len(scores), dtype=bool)
    edge = np.sort(scores)[::-1][n_alarms]
    return (scores > edge) & ~np.isclose(scores, edge)
''',
    ],
    "ex6-readings-to-check": [
        # Boundary: the position of the first crossing, not the number of readings (off by one).
        '''def readings_to_check(scores, is_anomaly, target_recall):
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly, dtype=int)
    if target_recall <= 0 or truth.sum() == 0:
        return 0
    recall_after = np.cumsum(truth[np.argsort(-scores)]) / truth.sum()
    return int(np.argmax(recall_after >= target_recall))
''',
        # Wrong tail: walks up from the LOWEST score.
        '''def readings_to_check(scores, is_anomaly, target_recall):
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly, dtype=int)
    if target_recall <= 0 or truth.sum() == 0:
        return 0
    recall_after = np.cumsum(truth[np.argsort(scores)]) / truth.sum()
    return int(np.argmax(recall_after >= target_recall)) + 1
''',
        # Boundary: "reaches" read as strictly above the target (> instead of >=).
        '''def readings_to_check(scores, is_anomaly, target_recall):
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly, dtype=int)
    if target_recall <= 0 or truth.sum() == 0:
        return 0
    recall_after = np.cumsum(truth[np.argsort(-scores)]) / truth.sum()
    if target_recall >= 1:
        return int(np.argmax(recall_after >= 1)) + 1
    return int(np.argmax(recall_after > target_recall)) + 1
''',
        # Index: a Series picked by label with the positions from argsort.
        '''def readings_to_check(scores, is_anomaly, target_recall):
    order = np.argsort(-np.asarray(scores, dtype=float))
    n_anomalies = int(np.sum(is_anomaly))
    if target_recall <= 0 or n_anomalies == 0:
        return 0
    caught = 0
    for m, position in enumerate(order, 1):
        caught += int(is_anomaly[position])
        if caught / n_anomalies >= target_recall:
            return m
    return len(order)
''',
        # Dtype: the truth used as a mask without converting 0/1 integers to booleans.
        '''def readings_to_check(scores, is_anomaly, target_recall):
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly)
    n_anomalies = int(truth.sum())
    if target_recall <= 0 or n_anomalies == 0:
        return 0
    needed = int(np.ceil(target_recall * n_anomalies - 1e-9))
    anomaly_scores = np.sort(scores[truth])[::-1]
    return int(np.sum(scores >= anomaly_scores[needed - 1]))
''',
        # Returns a share of the readings (a budget) instead of a number of readings.
        '''def readings_to_check(scores, is_anomaly, target_recall):
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly, dtype=int)
    if target_recall <= 0 or truth.sum() == 0:
        return 0
    recall_after = np.cumsum(truth[np.argsort(-scores)]) / truth.sum()
    return (int(np.argmax(recall_after >= target_recall)) + 1) / len(scores)
''',
        # Zero case: no anomaly gives "check everything" instead of 0.
        '''def readings_to_check(scores, is_anomaly, target_recall):
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly, dtype=int)
    if truth.sum() == 0:
        return len(scores)
    if target_recall <= 0:
        return 0
    recall_after = np.cumsum(truth[np.argsort(-scores)]) / truth.sum()
    return int(np.argmax(recall_after >= target_recall)) + 1
''',
        # Boundary: searches budgets on a grid of 1 % steps with alarms_at_budget (too coarse).
        '''def readings_to_check(scores, is_anomaly, target_recall):
    truth = np.asarray(is_anomaly, dtype=bool)
    if target_recall <= 0 or not truth.any():
        return 0
    for budget in np.linspace(0, 1, 101):
        alarms = alarms_at_budget(scores, budget)
        if np.sum(alarms & truth) / truth.sum() >= target_recall:
            return int(alarms.sum())
    return len(truth)
''',
        # Float boundary: the target turned into a count of anomalies, ceil(target * n_anomalies);
        # 0.56 * 25 is 14.000000000000002 in floating point, so it asks for 15 anomalies, not 14.
        '''def readings_to_check(scores, is_anomaly, target_recall):
    scores = np.asarray(scores, dtype=float)
    truth = np.asarray(is_anomaly, dtype=int)
    if target_recall <= 0 or truth.sum() == 0:
        return 0
    needed = int(np.ceil(target_recall * truth.sum()))
    caught = np.cumsum(truth[np.argsort(-scores)])
    return int(np.searchsorted(caught, needed)) + 1
''',
    ],
}
