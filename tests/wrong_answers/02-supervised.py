"""Plausible wrong answers to the exercises of 02-supervised.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-preprocess": [
        # Forgets the categorical columns: only the numeric ones come out.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Leak: fits the imputer and the scaler on training and test data together.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(exclude="number").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    preprocessor.fit(pd.concat([X_train, X_test]))
    return preprocessor, preprocessor.transform(X_train), preprocessor.transform(X_test)
''',
        # Leak: refits on the test set (fit_transform instead of transform).
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(exclude="number").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    train_matrix = preprocessor.fit_transform(X_train)
    test_matrix = preprocessor.fit_transform(X_test)
    return preprocessor, train_matrix, test_matrix
''',
        # Imputes with the mean (SimpleImputer's default) instead of the median.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(exclude="number").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Scales before imputing: the mean and std ignore the gaps, then the gaps are filled.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(exclude="number").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(StandardScaler(), SimpleImputer(strategy="median")), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # No handle_unknown="ignore": a category never seen in training raises an error.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(exclude="number").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(sparse_output=False), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Standardises everything, the one-hot columns included.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(exclude="number").columns)
    columns = ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    preprocessor = make_pipeline(columns, StandardScaler())
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Hard-codes the churn columns: fails on any other table.
        '''def prepare_features(X_train, X_test):
    numeric = ["tenure_months", "monthly_charges", "total_charges", "support_calls",
               "satisfaction", "age", "num_dependents"]
    categorical = ["contract", "internet_service", "payment_method", "region"]
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Dtypes (object/str vs category): takes only `category` columns as categorical, so a
        # text column stored as plain strings is silently dropped.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(include="category").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Default RangeIndex assumed: detects text columns from X_train[column][0], a lookup of the
        # index LABEL 0 (a KeyError, or another row, after a shuffled split).
        '''def prepare_features(X_train, X_test):
    categorical = [c for c in X_train.columns if isinstance(X_train[c][0], str)]
    numeric = [c for c in X_train.columns if c not in categorical]
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Column order: columns chosen by position and X_test passed as a NumPy array, so a test
        # table whose columns come in another order sends the wrong columns to each transformer.
        '''def prepare_features(X_train, X_test):
    numeric = [i for i, c in enumerate(X_train.columns) if pd.api.types.is_numeric_dtype(X_train[c])]
    categorical = [i for i in range(X_train.shape[1]) if i not in numeric]
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    train_matrix = preprocessor.fit_transform(X_train)
    return preprocessor, train_matrix, preprocessor.transform(X_test.to_numpy())
''',
        # Dtypes: numeric means int64 or float64 only, so an int32 column is one-hot encoded.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include=["int64", "float64"]).columns)
    categorical = [c for c in X_train.columns if c not in numeric]
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Prescribed procedure: also imputes the text columns (most frequent value), which the
        # task does not ask for: a missing text value should stay a category of its own.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(exclude="number").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"),
                              OneHotEncoder(handle_unknown="ignore", sparse_output=False)), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Side effect: fills the gaps of the caller's tables in place (with the training medians)
        # before the ColumnTransformer; the matrices are right, but X_train and X_test are changed.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(exclude="number").columns)
    medians = X_train[numeric].median()
    for column in numeric:
        X_train[column] = X_train[column].fillna(medians[column])
        X_test[column] = X_test[column].fillna(medians[column])
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Dtype from the values, not the dtype: a column counts as numeric when its values convert
        # to numbers, so a `category` column of star ratings is imputed and scaled like a number.
        '''def prepare_features(X_train, X_test):
    numeric = [c for c in X_train.columns
               if pd.to_numeric(X_train[c].astype(object), errors="coerce").notna().sum()
               == X_train[c].notna().sum()]
    categorical = [c for c in X_train.columns if c not in numeric]
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Missing only in X_test: imputes just the numeric columns that have gaps in X_train (the
        # others are only scaled), so a gap that appears only in the test data stays NaN.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(exclude="number").columns)
    gappy = [c for c in numeric if X_train[c].hasnans]
    preprocessor = ColumnTransformer([
        ("imputed", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), gappy),
        ("scaled", StandardScaler(), [c for c in numeric if c not in gappy]),
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
        # Return type: keeps OneHotEncoder's default sparse output, so a table with a text column
        # of many values comes back as a SciPy sparse matrix, not a NumPy array.
        '''def prepare_features(X_train, X_test):
    numeric = list(X_train.select_dtypes(include="number").columns)
    categorical = list(X_train.select_dtypes(exclude="number").columns)
    preprocessor = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", OneHotEncoder(handle_unknown="ignore"), categorical),
    ])
    return preprocessor, preprocessor.fit_transform(X_train), preprocessor.transform(X_test)
''',
    ],
    "ex2-precision-recall": [
        # Swaps precision and recall.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == positive) & (y_true == positive))
    fp = np.sum((y_pred == positive) & (y_true != positive))
    fn = np.sum((y_pred != positive) & (y_true == positive))
    recall = float(tp / (tp + fp)) if tp + fp else 0.0
    precision = float(tp / (tp + fn)) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
''',
        # Ignores `positive` and always measures the label 1.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == 1) & (y_true == 1))
    fp = np.sum((y_pred == 1) & (y_true != 1))
    fn = np.sum((y_pred != 1) & (y_true == 1))
    precision = float(tp / (tp + fp)) if tp + fp else 0.0
    recall = float(tp / (tp + fn)) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
''',
        # Measures the other class (the negative one) instead of `positive`.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred != positive) & (y_true != positive))
    fp = np.sum((y_pred != positive) & (y_true == positive))
    fn = np.sum((y_pred == positive) & (y_true != positive))
    precision = float(tp / (tp + fp)) if tp + fp else 0.0
    recall = float(tp / (tp + fn)) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
''',
        # F1 as the arithmetic mean of precision and recall.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == positive) & (y_true == positive))
    fp = np.sum((y_pred == positive) & (y_true != positive))
    fn = np.sum((y_pred != positive) & (y_true == positive))
    precision = float(tp / (tp + fp)) if tp + fp else 0.0
    recall = float(tp / (tp + fn)) if tp + fn else 0.0
    return precision, recall, (precision + recall) / 2
''',
        # Accuracy in place of precision.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == positive) & (y_true == positive))
    fn = np.sum((y_pred != positive) & (y_true == positive))
    precision = float(np.mean(y_true == y_pred))
    recall = float(tp / (tp + fn)) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
''',
        # No guard against dividing by zero: NaN when nothing is predicted positive.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == positive) & (y_true == positive))
    fp = np.sum((y_pred == positive) & (y_true != positive))
    fn = np.sum((y_pred != positive) & (y_true == positive))
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = float(tp / (tp + fp))
        recall = float(tp / (tp + fn))
        f1 = 2 * precision * recall / (precision + recall)
    return precision, recall, f1
''',
        # Shortcut: scikit-learn's function, which the task asks to replace by counting.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="binary", pos_label=positive,
                                                 zero_division=0.0)
    return float(p), float(r), float(f)
''',
        # Default RangeIndex assumed: wraps the inputs in Series, so `&` matches two Series by
        # index label instead of by position.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = pd.Series(y_true), pd.Series(y_pred)
    tp = ((y_pred == positive) & (y_true == positive)).sum()
    fp = ((y_pred == positive) & (y_true != positive)).sum()
    fn = ((y_pred != positive) & (y_true == positive)).sum()
    precision = float(tp / (tp + fp)) if tp + fp else 0.0
    recall = float(tp / (tp + fn)) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
''',
        # Default RangeIndex assumed: a loop with y_true[i] looks up the index LABEL i.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    tp = fp = fn = 0
    for i in range(len(y_true)):
        if y_pred[i] == positive and y_true[i] == positive:
            tp += 1
        elif y_pred[i] == positive:
            fp += 1
        elif y_true[i] == positive:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)
''',
        # Booleans: negates the raw labels with ~, which is right only when the positive class is
        # True (or 1), not for positive=False.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    is_true, is_pred = y_true == positive, y_pred == positive
    tp = np.sum(is_pred & is_true)
    fp = np.sum(is_pred & ~y_true) if y_true.dtype == bool else np.sum(is_pred & ~is_true)
    fn = np.sum(~y_pred & is_true) if y_pred.dtype == bool else np.sum(~is_pred & is_true)
    precision = float(tp / (tp + fp)) if tp + fp else 0.0
    recall = float(tp / (tp + fn)) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
''',
        # Zero division: returns 1.0 when there is nothing to divide by (another convention, not
        # the one the task states).
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == positive) & (y_true == positive))
    fp = np.sum((y_pred == positive) & (y_true != positive))
    fn = np.sum((y_pred != positive) & (y_true == positive))
    precision = float(tp / (tp + fp)) if tp + fp else 1.0
    recall = float(tp / (tp + fn)) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
''',
        # Dtypes: the integer 0 (not 0.0) in the zero-division cases.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == positive) & (y_true == positive))
    fp = np.sum((y_pred == positive) & (y_true != positive))
    fn = np.sum((y_pred != positive) & (y_true == positive))
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    return precision, recall, f1
''',
        # Dtypes: compares the labels as text, so a prediction 1.0 never matches the label 1.
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true = np.asarray(y_true).astype(str)
    y_pred = np.asarray(y_pred).astype(str)
    positive = str(positive)
    tp = np.sum((y_pred == positive) & (y_true == positive))
    fp = np.sum((y_pred == positive) & (y_true != positive))
    fn = np.sum((y_pred != positive) & (y_true == positive))
    precision = float(tp / (tp + fp)) if tp + fp else 0.0
    recall = float(tp / (tp + fn)) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, float(f1)
''',
        # More than two labels: counts the false negatives as "every mistake that is not a false
        # positive", which is right only when there are two labels (a bird taken for a dog counts).
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == positive) & (y_true == positive))
    fp = np.sum((y_pred == positive) & (y_true != positive))
    fn = np.sum(y_pred != y_true) - fp
    precision = float(tp / (tp + fp)) if tp + fp else 0.0
    recall = float(tp / (tp + fn)) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, float(f1)
''',
        # Shortcut: pandas' crosstab does the counting (a confusion matrix in one call).
        '''def precision_recall_f1(y_true, y_pred, positive=1):
    table = pd.crosstab(np.asarray(y_true) == positive, np.asarray(y_pred) == positive)
    table = table.reindex(index=[False, True], columns=[False, True], fill_value=0)
    tp, fp, fn = table.loc[True, True], table.loc[False, True], table.loc[True, False]
    precision = float(tp / (tp + fp)) if tp + fp else 0.0
    recall = float(tp / (tp + fn)) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, float(f1)
''',
    ],
    "ex3-kfold": [
        # Shortcut: scikit-learn's StratifiedKFold (other folds, and the task asks to deal them).
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    scores = []
    for train_index, test_index in splitter.split(X, y):
        fold_model = clone(model).fit(X.iloc[train_index], y.iloc[train_index])
        scores.append(fold_model.score(X.iloc[test_index], y.iloc[test_index]))
    return np.array(scores)
''',
        # Global state: seeds and draws from NumPy's global generator.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    np.random.seed(seed)
    order = np.random.permutation(len(labels))
    grouped = order[np.argsort(labels[order], kind="stable")]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        scores.append(clone(model).fit(X.iloc[train], y.iloc[train]).score(X.iloc[test], y.iloc[test]))
    return np.array(scores)
''',
        # Prescribed procedure: deals the shuffled rows without grouping them by class (not stratified).
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    order = np.random.default_rng(seed).permutation(len(y))
    fold = np.empty(len(y), dtype=int)
    fold[order] = np.arange(len(y)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        scores.append(clone(model).fit(X.iloc[train], y.iloc[train]).score(X.iloc[test], y.iloc[test]))
    return np.array(scores)
''',
        # Prescribed procedure: cuts each class into contiguous blocks (np.array_split) instead of
        # dealing its rows in turn.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    fold = np.empty(len(labels), dtype=int)
    for label in np.unique(labels):
        members = order[labels[order] == label]
        for f, block in enumerate(np.array_split(members, n_splits)):
            fold[block] = f
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        scores.append(clone(model).fit(X.iloc[train], y.iloc[train]).score(X.iloc[test], y.iloc[test]))
    return np.array(scores)
''',
        # Insertion order: classes in the order they first appear (pd.unique), not sorted.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = np.concatenate([order[labels[order] == label] for label in pd.unique(labels[order])])
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        scores.append(clone(model).fit(X.iloc[train], y.iloc[train]).score(X.iloc[test], y.iloc[test]))
    return np.array(scores)
''',
        # Prescribed procedure: an unstable sort, which reorders rows of the same class.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = order[np.argsort(labels[order])]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        scores.append(clone(model).fit(X.iloc[train], y.iloc[train]).score(X.iloc[test], y.iloc[test]))
    return np.array(scores)
''',
        # Default RangeIndex assumed: selects the positions with .loc (index labels).
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = order[np.argsort(labels[order], kind="stable")]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        scores.append(clone(model).fit(X.loc[train], y.loc[train]).score(X.loc[test], y.loc[test]))
    return np.array(scores)
''',
        # Scores each copy on the rows it was trained on.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = order[np.argsort(labels[order], kind="stable")]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train = np.flatnonzero(fold != f)
        scores.append(clone(model).fit(X.iloc[train], y.iloc[train]).score(X.iloc[train], y.iloc[train]))
    return np.array(scores)
''',
        # Trains on the fold and scores on the rest (the parts swapped).
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = order[np.argsort(labels[order], kind="stable")]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold == f), np.flatnonzero(fold != f)
        scores.append(clone(model).fit(X.iloc[train], y.iloc[train]).score(X.iloc[test], y.iloc[test]))
    return np.array(scores)
''',
        # Aggregation: returns the mean instead of one score per fold.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = order[np.argsort(labels[order], kind="stable")]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        scores.append(clone(model).fit(X.iloc[train], y.iloc[train]).score(X.iloc[test], y.iloc[test]))
    return np.mean(scores)
''',
        # Fits the caller's model itself instead of a clone.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = order[np.argsort(labels[order], kind="stable")]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        scores.append(model.fit(X.iloc[train], y.iloc[train]).score(X.iloc[test], y.iloc[test]))
    return np.array(scores)
''',
        # Default RangeIndex forced: resets the caller's index in place, then uses .loc with positions
        # (right folds, but X and y come back changed).
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    X.reset_index(drop=True, inplace=True)
    y.reset_index(drop=True, inplace=True)
    labels = y.to_numpy()
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = order[np.argsort(labels[order], kind="stable")]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        scores.append(clone(model).fit(X.loc[train], y.loc[train]).score(X.loc[test], y.loc[test]))
    return np.array(scores)
''',
        # Prescribed procedure (class order): deals the biggest class first ("it has the most rows
        # to spread"), not the classes in sorted order.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    classes, counts = np.unique(labels, return_counts=True)
    grouped = np.concatenate([order[labels[order] == c] for c in classes[np.argsort(-counts, kind="stable")]])
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        scores.append(clone(model).fit(X.iloc[train], y.iloc[train]).score(X.iloc[test], y.iloc[test]))
    return np.array(scores)
''',
        # Repeated index labels: right folds, but the rows are taken by label (y.index[...] then
        # .loc), so a label that occurs twice brings both rows into every fold that asks for it.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    labels = np.asarray(y)
    order = np.random.default_rng(seed).permutation(len(labels))
    grouped = order[np.argsort(labels[order], kind="stable")]
    fold = np.empty(len(labels), dtype=int)
    fold[grouped] = np.arange(len(labels)) % n_splits
    scores = []
    for f in range(n_splits):
        train, test = y.index[fold != f], y.index[fold == f]
        scores.append(clone(model).fit(X.loc[train], y.loc[train]).score(X.loc[test], y.loc[test]))
    return np.array(scores)
''',
    ],
    "ex4-cost-threshold": [
        # The default threshold 0.5, whatever the costs.
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    churned = np.asarray(y_true) == 1
    flagged = np.asarray(churn_probability, dtype=float) >= 0.5
    return 0.5, float(cost_offer * flagged.sum() + cost_missed * (churned & ~flagged).sum())
''',
        # The cost ratio without the data (right only for calibrated probabilities).
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    threshold = round(cost_offer / cost_missed, 2)
    churned = np.asarray(y_true) == 1
    flagged = np.asarray(churn_probability, dtype=float) >= threshold
    return threshold, float(cost_offer * flagged.sum() + cost_missed * (churned & ~flagged).sum())
''',
        # The threshold with the best F1, then its cost: a metric, not the money.
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    churned = np.asarray(y_true) == 1
    probability = np.asarray(churn_probability, dtype=float)
    best_f1, best = -1.0, None
    for t in np.linspace(0, 1, 101):
        flagged = probability >= t
        tp, fp, fn = np.sum(flagged & churned), np.sum(flagged & ~churned), np.sum(~flagged & churned)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best_f1:
            best_f1 = f1
            best = (float(t), float(cost_offer * flagged.sum() + cost_missed * fn))
    return best
''',
        # Charges offers only to customers who stay (forgets that a churner's offer costs too).
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    churned = np.asarray(y_true) == 1
    probability = np.asarray(churn_probability, dtype=float)
    best = None
    for t in np.linspace(0, 1, 101):
        flagged = probability >= t
        cost = cost_offer * np.sum(flagged & ~churned) + cost_missed * np.sum(~flagged & churned)
        if best is None or cost < best[1]:
            best = (float(t), float(cost))
    return best
''',
        # Aggregation: the average cost per customer instead of the total.
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    churned = np.asarray(y_true) == 1
    probability = np.asarray(churn_probability, dtype=float)
    best = None
    for t in np.linspace(0, 1, 101):
        flagged = probability >= t
        cost = np.mean(cost_offer * flagged + cost_missed * (~flagged & churned))
        if best is None or cost < best[1]:
            best = (float(t), float(cost))
    return best
''',
        # Ties: keeps the LAST threshold with the lowest cost (<=), not the smallest.
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    churned = np.asarray(y_true) == 1
    probability = np.asarray(churn_probability, dtype=float)
    best = None
    for t in np.linspace(0, 1, 101):
        flagged = probability >= t
        cost = cost_offer * np.sum(flagged) + cost_missed * np.sum(~flagged & churned)
        if best is None or cost <= best[1]:
            best = (float(t), float(cost))
    return best
''',
        # Boundary: flags probability > threshold instead of >=.
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    churned = np.asarray(y_true) == 1
    probability = np.asarray(churn_probability, dtype=float)
    best = None
    for t in np.linspace(0, 1, 101):
        flagged = probability > t
        cost = cost_offer * np.sum(flagged) + cost_missed * np.sum(~flagged & churned)
        if best is None or cost < best[1]:
            best = (float(t), float(cost))
    return best
''',
        # Default RangeIndex assumed: Series kept as Series, so `&` matches them by index label.
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    churned = pd.Series(y_true) == 1
    probability = pd.Series(churn_probability, dtype=float)
    best = None
    for t in np.linspace(0, 1, 101):
        flagged = probability >= t
        cost = cost_offer * flagged.sum() + cost_missed * (churned & ~flagged).sum()
        if best is None or cost < best[1]:
            best = (float(t), float(cost))
    return best
''',
        # Dtypes: finds the missed churners as `labels - flagged == 1`, which works for 0/1 labels
        # but raises on boolean labels (NumPy cannot subtract booleans).
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    labels = np.asarray(y_true)
    probability = np.asarray(churn_probability, dtype=float)
    best = None
    for t in np.linspace(0, 1, 101):
        flagged = probability >= t
        cost = cost_offer * np.sum(flagged) + cost_missed * np.sum(labels - flagged == 1)
        if best is None or cost < best[1]:
            best = (float(t), float(cost))
    return best
''',
        # Dtypes: returns the cost as a NumPy integer (costs given as integers), not a float.
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    churned = np.asarray(y_true) == 1
    probability = np.asarray(churn_probability, dtype=float)
    best = None
    for t in np.linspace(0, 1, 101):
        flagged = probability >= t
        cost = cost_offer * np.sum(flagged) + cost_missed * np.sum(~flagged & churned)
        if best is None or cost < best[1]:
            best = (float(t), cost)
    return best
''',
        # First crossing: scans the thresholds upwards and stops as soon as the cost rises again.
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    churned = np.asarray(y_true) == 1
    probability = np.asarray(churn_probability, dtype=float)
    best = None
    for t in np.linspace(0, 1, 101):
        flagged = probability >= t
        cost = cost_offer * np.sum(flagged) + cost_missed * np.sum(~flagged & churned)
        if best is not None and cost > best[1]:
            break
        if best is None or cost < best[1]:
            best = (float(t), float(cost))
    return best
''',
        # Default RangeIndex assumed (probabilities): the labels are turned into an array, but the
        # probabilities stay a Series, and pandas pairs a Series with a Series by index label.
        '''def cheapest_threshold(y_true, churn_probability, cost_missed, cost_offer):
    churned = pd.Series(np.asarray(y_true) == 1)
    probability = pd.Series(churn_probability).astype(float)
    best = None
    for t in np.linspace(0, 1, 101):
        flagged = probability >= t
        cost = float(cost_offer * flagged.sum() + cost_missed * (churned & ~flagged).sum())
        if best is None or cost < best[1]:
            best = (float(t), cost)
    return best
''',
    ],
    "ex5-nested-cv": [
        # Not nested: one search on all the data, with the outer folds as its CV; reports the winner's
        # fold scores as if they were outer test scores (the optimistic number).
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    search = GridSearchCV(estimator, param_grid, cv=outer).fit(X, y)
    best = search.best_index_
    scores = np.array([search.cv_results_[f"split{i}_test_score"][best] for i in range(outer_k)])
    return scores, np.full(outer_k, search.best_score_), [search.best_params_] * outer_k
''',
        # Leak: the search in each outer fold sees all rows, the outer test rows included.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
        search.fit(X, y)
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Leak: one search on all the data chooses the setting, then the outer loop cross-validates it.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    search = GridSearchCV(estimator, param_grid,
                          cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)).fit(X, y)
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores = []
    for train_rows, test_rows in outer.split(X, y):
        model = clone(estimator).set_params(**search.best_params_)
        model.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(model.score(X.iloc[test_rows], y.iloc[test_rows]))
    return np.array(outer_scores), np.full(outer_k, search.best_score_), [search.best_params_] * outer_k
''',
        # Inner splitter not shuffled: cv=inner_k makes an unshuffled StratifiedKFold.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        search = GridSearchCV(estimator, param_grid, cv=inner_k)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Wrong seed: a different inner seed in every outer fold (seed + fold number).
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for fold, (train_rows, test_rows) in enumerate(outer.split(X, y)):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed + fold)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Wrong splitter: plain KFold for the outer loop (not stratified).
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = KFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Wrong shuffling: the outer folds are not shuffled.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Aggregation: returns the mean over the outer folds instead of one score per fold.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return float(np.mean(outer_scores)), float(np.mean(inner_best)), chosen
''',
        # pandas index trap: selects the split's positions with .loc (index labels), not .iloc.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.loc[X.index[train_rows]], y.loc[y.index[train_rows]])
        outer_scores.append(search.score(X.loc[X.index[test_rows]], y.loc[y.index[test_rows]]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # pandas index trap: resets the index of the learner's own X and y in place.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    X.reset_index(drop=True, inplace=True)
    y.reset_index(drop=True, inplace=True)
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.loc[train_rows], y.loc[train_rows])
        outer_scores.append(search.score(X.loc[test_rows], y.loc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Shortcut (forbidden: the task is the outer loop): cross_validate(GridSearchCV) with the
        # prescribed splitters computes the same numbers.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    search = GridSearchCV(estimator, param_grid,
                          cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
    result = cross_validate(search, X, y, return_estimator=True,
                            cv=StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed))
    return (result["test_score"], np.array([s.best_score_ for s in result["estimator"]]),
            [s.best_params_ for s in result["estimator"]])
''',
        # Shortcut with the wrong splitters: cross_val_score(GridSearchCV(cv=inner_k), cv=outer_k).
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    search = GridSearchCV(estimator, param_grid, cv=inner_k)
    scores = cross_val_score(search, X, y, cv=outer_k)
    search.fit(X, y)
    return scores, np.full(outer_k, search.best_score_), [search.best_params_] * outer_k
''',
        # Global state: seeds NumPy's global generator and lets the splitters draw from it.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    np.random.seed(seed)
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Reports the search's own best score as the outer score (the optimistic number), twice.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    inner_best, chosen = [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(inner_best), np.array(inner_best), chosen
''',
        # Leak at the refit: the winner is refitted on ALL rows (outer test rows included) before scoring.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        model = clone(estimator).set_params(**search.best_params_).fit(X, y)
        outer_scores.append(model.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # No refit on the whole outer training part: the winner is fitted on the first inner training fold.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        X_part, y_part = X.iloc[train_rows], y.iloc[train_rows]
        search = GridSearchCV(estimator, param_grid, cv=inner, refit=False).fit(X_part, y_part)
        first_train, _ = next(inner.split(X_part, y_part))
        model = clone(estimator).set_params(**search.best_params_)
        model.fit(X_part.iloc[first_train], y_part.iloc[first_train])
        outer_scores.append(model.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Inner splitter not given the outer-training rows: the inner folds are made once, on all rows,
        # and restricted to the training part (so they are not the inner splitter's folds of that part).
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
    inner_fold = np.empty(len(y), dtype=int)
    for f, (_, held) in enumerate(inner.split(X, y)):
        inner_fold[held] = f
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        part = inner_fold[train_rows]
        splits = [(np.flatnonzero(part != f), np.flatnonzero(part == f)) for f in range(inner_k)]
        search = GridSearchCV(estimator, param_grid, cv=splits)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Own inner loop, ties to the LAST best setting (>=) instead of GridSearchCV's first.
        '''from sklearn.model_selection import ParameterGrid
def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        X_part, y_part = X.iloc[train_rows], y.iloc[train_rows]
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        best, best_params = -1, None
        for params in ParameterGrid(param_grid):
            s = np.mean([clone(estimator).set_params(**params).fit(X_part.iloc[a], y_part.iloc[a])
                         .score(X_part.iloc[b], y_part.iloc[b]) for a, b in inner.split(X_part, y_part)])
            if s >= best:
                best, best_params = s, params
        model = clone(estimator).set_params(**best_params).fit(X_part, y_part)
        outer_scores.append(model.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(best)
        chosen.append(best_params)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Fits the estimator it was given (to "check" it) instead of leaving it unfitted.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    estimator.fit(X, y)
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Returns the fitted best estimators instead of the best_params_ dicts.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner)
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_estimator_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Scoring: balanced accuracy in the search and for the outer folds, not the accuracy asked for.
        '''from sklearn.metrics import balanced_accuracy_score
def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        inner = StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed)
        search = GridSearchCV(estimator, param_grid, cv=inner, scoring="balanced_accuracy")
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Repeated index labels: the test part picked by LABEL (X.index.isin(...)); training rows that
        # share a label with a test row move to the test part, so both parts are wrong.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        in_test = X.index.isin(X.index[test_rows])
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
        search.fit(X[~in_test], y[~in_test])
        outer_scores.append(search.score(X[in_test], y[in_test]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # Leak by preprocessing before the loop: every column z-scored with the mean and std of ALL rows,
        # outer test rows included (a scale-sensitive estimator then chooses and scores differently).
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    X = (X - X.mean()) / X.std()
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
        # Accuracy written for 0/1 labels only (p*t + (1-p)*(1-t)): wrong with three classes, crashes on
        # string labels.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        p, t = search.predict(X.iloc[test_rows]), y.iloc[test_rows].to_numpy()
        outer_scores.append(float(np.mean(p * t + (1 - p) * (1 - t))))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # inner_k ignored: the inner splitter uses a module constant of 3 folds.
        '''INNER_FOLDS = 3

def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=INNER_FOLDS, shuffle=True, random_state=seed))
        search.fit(X.iloc[train_rows], y.iloc[train_rows])
        outer_scores.append(search.score(X.iloc[test_rows], y.iloc[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
        # NumPy arrays handed to the estimator (X.values[rows]): an estimator that picks its columns by
        # name (a ColumnTransformer) cannot be fitted; the task asks for the DataFrame rows.
        '''def nested_cv(estimator, param_grid, X, y, outer_k=5, inner_k=3, seed=0):
    outer = StratifiedKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    outer_scores, inner_best, chosen = [], [], []
    for train_rows, test_rows in outer.split(X, y):
        search = GridSearchCV(estimator, param_grid,
                              cv=StratifiedKFold(n_splits=inner_k, shuffle=True, random_state=seed))
        search.fit(X.values[train_rows], y.values[train_rows])
        outer_scores.append(search.score(X.values[test_rows], y.values[test_rows]))
        inner_best.append(search.best_score_)
        chosen.append(search.best_params_)
    return np.array(outer_scores), np.array(inner_best), chosen
''',
    ],
}
