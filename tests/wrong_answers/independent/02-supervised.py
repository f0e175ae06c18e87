"""Independent wrong answers for 02-supervised, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-preprocess": [
        # dtype: "numeric" taken as exactly int64/float64, so int32/float32/uint8/Int64 number columns are one-hot encoded as categories
        '''def prepare_features(X_train, X_test):
    """Fit imputation + scaling (numeric) and one-hot encoding (categorical) on X_train only."""
    numeric_columns = list(X_train.select_dtypes(include=["int64", "float64"]).columns)
    categorical_columns = [column for column in X_train.columns if column not in numeric_columns]
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric_columns),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical_columns),
    ])
    train_matrix = preprocessor.fit_transform(X_train)
    test_matrix = preprocessor.transform(X_test)
    return preprocessor, train_matrix, test_matrix
''',
        # returns pandas DataFrames (set_output "pandas", to keep the feature names) instead of the two NumPy arrays asked for
        '''def prepare_features(X_train, X_test):
    """Fit imputation + scaling (numeric) and one-hot encoding (categorical) on X_train only."""
    numeric_columns = list(X_train.select_dtypes(include="number").columns)
    categorical_columns = list(X_train.select_dtypes(exclude="number").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric_columns),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical_columns),
    ]).set_output(transform="pandas")
    train_matrix = preprocessor.fit_transform(X_train)
    test_matrix = preprocessor.transform(X_test)
    return preprocessor, train_matrix, test_matrix
''',
        # column type guessed from the FIRST value (iloc[0]) instead of the dtype: a text column starting with a missing value, or a category column of numbers, is misclassified
        '''def prepare_features(X_train, X_test):
    """Fit imputation + scaling (numeric) and one-hot encoding (categorical) on X_train only."""
    numeric_columns, categorical_columns = [], []
    for column in X_train.columns:
        first = X_train[column].iloc[0]
        if isinstance(first, (int, float, np.number)) and not isinstance(first, (bool, np.bool_)):
            numeric_columns.append(column)
        else:
            categorical_columns.append(column)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric_columns),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical_columns),
    ])
    train_matrix = preprocessor.fit_transform(X_train)
    test_matrix = preprocessor.transform(X_test)
    return preprocessor, train_matrix, test_matrix
''',
        # imputes only the numeric columns that have gaps in X_train (the others are only scaled), so a value missing only in X_test stays NaN
        '''def prepare_features(X_train, X_test):
    """Fit imputation + scaling (numeric) and one-hot encoding (categorical) on X_train only."""
    numeric_columns = list(X_train.select_dtypes(include="number").columns)
    categorical_columns = list(X_train.select_dtypes(exclude="number").columns)
    with_gaps = [column for column in numeric_columns if X_train[column].isna().any()]
    complete = [column for column in numeric_columns if column not in with_gaps]
    preprocessor = ColumnTransformer([
        ("gaps", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), with_gaps),
        ("num", StandardScaler(), complete),     # nothing to fill in these columns
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical_columns),
    ])
    train_matrix = preprocessor.fit_transform(X_train)
    test_matrix = preprocessor.transform(X_test)
    return preprocessor, train_matrix, test_matrix
''',
        # OneHotEncoder left with its default sparse output: with many categories the ColumnTransformer returns a SciPy sparse matrix, not a NumPy array
        '''def prepare_features(X_train, X_test):
    """Fit imputation + scaling (numeric) and one-hot encoding (categorical) on X_train only."""
    numeric_columns = list(X_train.select_dtypes(include="number").columns)
    categorical_columns = list(X_train.select_dtypes(exclude="number").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric_columns),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical_columns),
    ])
    train_matrix = preprocessor.fit_transform(X_train)
    test_matrix = preprocessor.transform(X_test)
    return preprocessor, train_matrix, test_matrix
''',
    ],
    "ex2-precision-recall": [
        # compares labels as strings, so True never matches positive=1 and 1.0 never matches 1 (mixed bool/int/float labels are miscounted)
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    """Precision, recall and F1 of the class `positive`, as three floats."""
    truth = [str(label) for label in y_true]          # iterating a Series goes by position
    predicted = [str(label) for label in y_pred]
    positive = str(positive)
    tp = sum(t == positive and p == positive for t, p in zip(truth, predicted))
    fp = sum(t != positive and p == positive for t, p in zip(truth, predicted))
    fn = sum(t == positive and p != positive for t, p in zip(truth, predicted))
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return float(precision), float(recall), float(f1)
''',
        # binary assumption: a false positive must be "the other label" (found with np.unique), so with three or more labels some false positives / negatives are not counted
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    """Precision, recall and F1 of the class `positive`, as three floats."""
    truth, predicted = np.asarray(y_true), np.asarray(y_pred)
    labels = np.unique(np.concatenate([truth, predicted]))
    others = [label for label in labels if label != positive]
    negative = others[0] if others else None
    tp = int(np.sum((truth == positive) & (predicted == positive)))
    fp = int(np.sum((truth == negative) & (predicted == positive)))
    fn = int(np.sum((truth == positive) & (predicted == negative)))
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return float(precision), float(recall), float(f1)
''',
        # copy-pasted zero guard: recall is guarded on TP + FP instead of TP + FN, so "nothing really positive but something predicted positive" gives nan, not 0.0
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    """Precision, recall and F1 of the class `positive`, as three floats."""
    truth = np.asarray(y_true) == positive
    predicted = np.asarray(y_pred) == positive
    tp = np.sum(truth & predicted)
    fp = np.sum(~truth & predicted)
    fn = np.sum(truth & ~predicted)
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fp > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return float(precision), float(recall), float(f1)
''',
        # FN counted as "all mistakes minus the false positives": right for two labels, but with a third label it counts confusions between two negative classes as missed positives
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    """Precision, recall and F1 of the class `positive`, as three floats."""
    truth, predicted = np.asarray(y_true), np.asarray(y_pred)
    tp = int(np.sum((truth == positive) & (predicted == positive)))
    fp = int(np.sum((truth != positive) & (predicted == positive)))
    fn = int(np.sum(truth != predicted)) - fp
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return float(precision), float(recall), float(f1)
''',
    ],
    "ex3-kfold": [
        # classes taken in order of first appearance in y (pd.unique) instead of sorted order
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    """Accuracies of stratified k-fold cross-validation, one per fold, folds dealt by hand."""
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = np.concatenate([order[labels[order] == label] for label in pd.unique(labels)])
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train_rows, test_rows = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        copy = clone(model).fit(X.iloc[train_rows], y.iloc[train_rows])
        scores.append(copy.score(X.iloc[test_rows], y.iloc[test_rows]))
    return np.array(scores)
''',
        # groups by class with the default (not stable) argsort: for larger arrays the shuffled order inside a class is scrambled
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    """Accuracies of stratified k-fold cross-validation, one per fold, folds dealt by hand."""
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = order[np.argsort(labels[order])]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train_rows, test_rows = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        copy = clone(model).fit(X.iloc[train_rows], y.iloc[train_rows])
        scores.append(copy.score(X.iloc[test_rows], y.iloc[test_rows]))
    return np.array(scores)
''',
        # overfits the examples: the generator is always seeded with 0 (the `seed` argument is ignored)
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    """Accuracies of stratified k-fold cross-validation, one per fold, folds dealt by hand."""
    labels = np.asarray(y)
    rng = np.random.default_rng(0)
    order = rng.permutation(len(labels))
    grouped = order[np.argsort(labels[order], kind="stable")]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train_rows, test_rows = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        copy = clone(model).fit(X.iloc[train_rows], y.iloc[train_rows])
        scores.append(copy.score(X.iloc[test_rows], y.iloc[test_rows]))
    return np.array(scores)
''',
        # deals the rarest class first ("so every fold surely gets one") instead of the classes in sorted order
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    """Accuracies of stratified k-fold cross-validation, one per fold, folds dealt by hand."""
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    classes, counts = np.unique(labels, return_counts=True)
    rarest_first = classes[np.argsort(counts, kind="stable")]
    grouped = np.concatenate([order[labels[order] == label] for label in rarest_first])
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train_rows, test_rows = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        copy = clone(model).fit(X.iloc[train_rows], y.iloc[train_rows])
        scores.append(copy.score(X.iloc[test_rows], y.iloc[test_rows]))
    return np.array(scores)
''',
        # shuffles the index LABELS and selects with .loc: the same while labels are unique, wrong (duplicated rows, wrong fold sizes) when an index repeats a label
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    """Accuracies of stratified k-fold cross-validation, one per fold, folds dealt by hand."""
    shuffled = np.random.default_rng(seed).permutation(y.index)
    shuffled_labels = y.loc[shuffled]
    grouped = shuffled_labels.sort_values(kind="stable").index
    dealt = pd.Series(np.arange(len(grouped)) % n_splits, index=grouped)
    scores = []
    for f in range(n_splits):
        test_labels = dealt.index[dealt.to_numpy() == f]
        train_labels = dealt.index[dealt.to_numpy() != f]
        copy = clone(model).fit(X.loc[train_labels], y.loc[train_labels])
        scores.append(copy.score(X.loc[test_labels], y.loc[test_labels]))
    return np.array(scores)
''',
    ],
    "ex4-cost-threshold": [
        # cost not converted: with integer costs it comes back as a NumPy integer, not the float asked for
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    """The threshold in 0, 0.01, ..., 1 with the lowest total cost, and that cost."""
    churner = np.asarray(y_true) == 1
    probability = np.asarray(churn_probability, dtype=float)
    best_threshold, best_cost = None, None
    for threshold in np.linspace(0, 1, 101):
        flagged = probability >= threshold
        cost = cost_offer * np.sum(flagged) + cost_missed * np.sum(churner & ~flagged)
        if best_cost is None or cost < best_cost:
            best_threshold, best_cost = threshold, cost
    return best_threshold, best_cost
''',
        # off-by-one grid: np.arange(0, 1, 0.01) stops at 0.99, so 1.00 ("offer to nobody" unless p = 1) is never tried
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    """The threshold in 0, 0.01, ..., 1 with the lowest total cost, and that cost."""
    churner = np.asarray(y_true) == 1
    probability = np.asarray(churn_probability, dtype=float)
    thresholds = np.arange(0, 1, 0.01)
    costs = [cost_offer * np.sum(probability >= t) + cost_missed * np.sum(churner & (probability < t))
             for t in thresholds]
    best = int(np.argmin(costs))
    return float(thresholds[best]), float(costs[best])
''',
        # grid starts at 0.01 ("threshold 0 is pointless"): 0.00 is never tried, so "offer to everyone" ties go to 0.01 and a churner with p < 0.01 is never flagged
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    """The threshold in 0, 0.01, ..., 1 with the lowest total cost, and that cost."""
    churner = np.asarray(y_true) == 1
    probability = np.asarray(churn_probability, dtype=float)
    thresholds = np.arange(1, 101) / 100
    costs = np.array([cost_offer * np.sum(probability >= t) + cost_missed * np.sum(churner & (probability < t))
                      for t in thresholds])
    best = int(np.argmin(costs))
    return float(thresholds[best]), float(costs[best])
''',
        # only the labels lose their (shuffled) index; a probability Series keeps its own, so pandas pairs them by label, not by position
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    """The threshold in 0, 0.01, ..., 1 with the lowest total cost, and that cost."""
    churner = pd.Series(np.asarray(y_true) == 1)          # labels come from a shuffled split
    probability = pd.Series(churn_probability, dtype=float)
    best_threshold, best_cost = 0.0, np.inf
    for threshold in np.linspace(0, 1, 101):
        flagged = probability >= threshold
        cost = cost_offer * flagged.sum() + cost_missed * (churner & ~flagged).sum()
        if cost < best_cost:
            best_threshold, best_cost = float(threshold), float(cost)
    return best_threshold, best_cost
''',
        # probabilities rounded to the grid's two decimals before comparing, which moves customers across thresholds (0.126 becomes 0.13 and is flagged at 0.13, though 0.126 < 0.13)
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    """The threshold in 0, 0.01, ..., 1 with the lowest total cost, and that cost."""
    churner = np.asarray(y_true) == 1
    probability = np.round(np.asarray(churn_probability, dtype=float), 2)
    thresholds = np.round(np.linspace(0, 1, 101), 2)
    best_threshold, best_cost = 0.0, np.inf
    for threshold in thresholds:
        flagged = probability >= threshold
        cost = cost_offer * np.sum(flagged) + cost_missed * np.sum(churner & ~flagged)
        if cost < best_cost:
            best_threshold, best_cost = float(threshold), float(cost)
    return best_threshold, best_cost
''',
    ],
    "ex5-nested-cv": [
        # split positions turned into index labels and selected with .loc: with repeated index labels every duplicate comes along, so folds grow and overlap (unique labels hide it)
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    """Nested CV: per outer fold, the test accuracy, the best inner score and the chosen setting."""
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        train_labels, test_labels = X.index[train_rows], X.index[test_rows]
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
        search.fit(X.loc[train_labels], y.loc[train_labels])
        outer_scores.append(search.score(X.loc[test_labels], y.loc[test_labels]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # the outer training part built as X.drop(index=<test rows' labels>): with repeated index labels it also drops training rows that share a label with a test row
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    """Nested CV: per outer fold, the test accuracy, the best inner score and the chosen setting."""
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for _, test_rows in outer.split(X, y):
        X_test_part, y_test_part = X.iloc[test_rows], y.iloc[test_rows]
        X_train_part = X.drop(index=X_test_part.index)
        y_train_part = y.drop(index=y_test_part.index)
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
        search.fit(X_train_part, y_train_part)
        outer_scores.append(search.score(X_test_part, y_test_part))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # X selected by position but y re-aligned to X by label (y.loc[X_part.index]): with repeated labels y gets more rows than X (or the wrong ones)
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    """Nested CV: per outer fold, the test accuracy, the best inner score and the chosen setting."""
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        X_tr, X_te = X.iloc[train_rows], X.iloc[test_rows]
        y_tr, y_te = y.loc[X_tr.index], y.loc[X_te.index]
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
        search.fit(X_tr, y_tr)
        outer_scores.append(search.score(X_te, y_te))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # numeric columns standardised on ALL rows before the outer loop (leak of the outer test rows into the search); invisible only when the estimator re-scales itself or is scale-invariant
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    """Nested CV: per outer fold, the test accuracy, the best inner score and the chosen setting."""
    # put the numeric columns on one scale first, so that every fold sees comparable features
    X = X.copy()
    numeric = X.select_dtypes(include="number").columns
    X[numeric] = StandardScaler().fit_transform(X[numeric])
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # outer accuracy computed as 1 - mean|prediction - label|: only right for 0/1 labels (wrong for 3+ classes, crashes on string labels)
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    """Nested CV: per outer fold, the test accuracy, the best inner score and the chosen setting."""
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        predicted = search.predict(X.iloc[test_rows])
        errors = np.abs(predicted - y.iloc[test_rows].to_numpy())
        outer_scores.append(1 - errors.mean())
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # inner splitter hard-coded with n_splits=3 (the default) instead of inner_k: every visible call uses inner_k=3
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    """Nested CV: per outer fold, the test accuracy, the best inner score and the chosen setting."""
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    inner = StratifiedKFold(n_splits=3, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # X and y converted to NumPy arrays before the loop to dodge the shuffled index: an estimator that selects columns by name (ColumnTransformer) can no longer be fitted
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    """Nested CV: per outer fold, the test accuracy, the best inner score and the chosen setting."""
    X_values, y_values = X.to_numpy(), y.to_numpy()    # plain arrays: positions work whatever the index
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X_values, y_values):
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
        search.fit(X_values[train_rows], y_values[train_rows])
        outer_scores.append(search.score(X_values[test_rows], y_values[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
    
    ],
}
