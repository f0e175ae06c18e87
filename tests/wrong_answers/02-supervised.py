"""Plausible wrong answers to the exercises of 02-supervised.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. tests/test_wrong_answers.py runs the notebook, then executes each wrong
source followed by the cell's tests (visible and hidden) and asserts that the tests fail.
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
    ],
    "ex3-kfold": [
        # Scores each copy on the folds it was trained on.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    scores = []
    for train_index, test_index in splitter.split(X, y):
        fold_model = clone(model).fit(X.iloc[train_index], y.iloc[train_index])
        scores.append(fold_model.score(X.iloc[train_index], y.iloc[train_index]))
    return np.array(scores)
''',
        # Leak: fits once on all the data, then scores every fold.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    full_model = clone(model).fit(X, y)
    return np.array([full_model.score(X.iloc[test_index], y.iloc[test_index])
                     for _, test_index in splitter.split(X, y)])
''',
        # Plain KFold: not stratified.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    splitter = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    scores = []
    for train_index, test_index in splitter.split(X, y):
        fold_model = clone(model).fit(X.iloc[train_index], y.iloc[train_index])
        scores.append(fold_model.score(X.iloc[test_index], y.iloc[test_index]))
    return np.array(scores)
''',
        # Forgets shuffle=True (and so ignores the seed).
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    splitter = StratifiedKFold(n_splits=n_splits)
    scores = []
    for train_index, test_index in splitter.split(X, y):
        fold_model = clone(model).fit(X.iloc[train_index], y.iloc[train_index])
        scores.append(fold_model.score(X.iloc[test_index], y.iloc[test_index]))
    return np.array(scores)
''',
        # Returns the mean instead of one score per fold.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    scores = []
    for train_index, test_index in splitter.split(X, y):
        fold_model = clone(model).fit(X.iloc[train_index], y.iloc[train_index])
        scores.append(fold_model.score(X.iloc[test_index], y.iloc[test_index]))
    return np.mean(scores)
''',
        # Fits the caller's model itself instead of a clone.
        '''def kfold_accuracy(model, X, y, n_splits=5, seed=0):
    splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    scores = []
    for train_index, test_index in splitter.split(X, y):
        model.fit(X.iloc[train_index], y.iloc[train_index])
        scores.append(model.score(X.iloc[test_index], y.iloc[test_index]))
    return np.array(scores)
''',
    ],
    "ex4-regression-metrics": [
        # Returns the MSE instead of the RMSE (forgets the square root).
        '''def mae_rmse(y_true, y_pred):
    errors = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(np.abs(errors))), float(np.mean(errors ** 2))
''',
        # MAE without the absolute value: positive and negative errors cancel.
        '''def mae_rmse(y_true, y_pred):
    errors = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(abs(np.mean(errors))), float(np.sqrt(np.mean(errors ** 2)))
''',
        # RMSE as the standard deviation of the errors (equal only when the mean error is 0).
        '''def mae_rmse(y_true, y_pred):
    errors = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.mean(np.abs(errors))), float(np.std(errors))
''',
        # Subtracts two Series directly: pandas matches them by index, not by position.
        '''def mae_rmse(y_true, y_pred):
    if not isinstance(y_true, pd.Series):
        y_true = np.asarray(y_true, dtype=float)
    if not isinstance(y_pred, pd.Series):
        y_pred = np.asarray(y_pred, dtype=float)
    errors = y_true - y_pred
    return float(np.nanmean(np.abs(errors))), float(np.sqrt(np.nanmean(errors ** 2)))
''',
        # Returns the two numbers in the wrong order.
        '''def mae_rmse(y_true, y_pred):
    errors = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.sqrt(np.mean(errors ** 2))), float(np.mean(np.abs(errors)))
''',
        # The median absolute error instead of the mean.
        '''def mae_rmse(y_true, y_pred):
    errors = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.median(np.abs(errors))), float(np.sqrt(np.mean(errors ** 2)))
''',
    ],
}
