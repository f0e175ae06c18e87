"""Plausible wrong answers to the exercises of 00-start.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-accuracy": [
        # Counts the matches but forgets to divide: returns 3 instead of 0.75.
        '''def accuracy(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("different lengths")
    if len(y_true) == 0:
        raise ValueError("empty")
    return sum(t == p for t, p in zip(y_true, y_pred))
''',
        # Divides by the wrong length (one too many, "counting from 0").
        '''def accuracy(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("different lengths")
    if len(y_true) == 0:
        raise ValueError("empty")
    matches = sum(t == p for t, p in zip(y_true, y_pred))
    return matches / (len(y_true) + 1)
''',
        # Returns the error rate instead of the accuracy.
        '''def accuracy(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("different lengths")
    if len(y_true) == 0:
        raise ValueError("empty")
    return float(np.mean(np.asarray(y_true) != np.asarray(y_pred)))
''',
        # No validation at all: zip silently drops the extra labels, empty input divides by zero.
        '''def accuracy(y_true, y_pred):
    matches = sum(t == p for t, p in zip(y_true, y_pred))
    return matches / len(y_true)
''',
        # Relies on NumPy to complain about lengths: broadcasting lets length 1 through.
        '''def accuracy(y_true, y_pred):
    if len(y_true) == 0:
        raise ValueError("empty")
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))
''',
        # Checks the lengths but not emptiness: np.mean of nothing is nan (with a warning).
        '''def accuracy(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("different lengths")
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))
''',
        # Validates with assert, which raises AssertionError instead of ValueError.
        '''def accuracy(y_true, y_pred):
    assert len(y_true) == len(y_pred), "different lengths"
    assert len(y_true) > 0, "empty"
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))
''',
        # Hard-codes the visible answers.
        '''def accuracy(y_true, y_pred):
    if len(y_true) != len(y_pred) or len(y_true) == 0:
        raise ValueError("bad input")
    if len(y_true) == 4:
        return 0.75
    if len(y_true) == 2:
        return 1.0
    return 0.0
''',
        # RangeIndex habit: indexes with [i], which on a Series means the LABEL i - right for the
        # default index, wrong after a shuffled split.
        '''def accuracy(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("different lengths")
    if len(y_true) == 0:
        raise ValueError("empty")
    return sum(y_true[i] == y_pred[i] for i in range(len(y_true))) / len(y_true)
''',
        # RangeIndex habit: compares two Series with ==, which pandas aligns by label.
        '''def accuracy(y_true, y_pred):
    if len(y_true) != len(y_pred):
        raise ValueError("different lengths")
    if len(y_true) == 0:
        raise ValueError("empty")
    if isinstance(y_true, pd.Series) and isinstance(y_pred, pd.Series):
        return float((y_true == y_pred.reindex(y_true.index)).mean())
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))
''',
    ],
    "ex2-majority-baseline": [
        # Predicts the first training label instead of the most frequent one.
        '''def majority_baseline(y_train, n):
    return np.full(n, np.asarray(y_train)[0])
''',
        # Counter.most_common breaks ties by first appearance, not by sort order.
        '''def majority_baseline(y_train, n):
    from collections import Counter
    label, _ = Counter(list(y_train)).most_common(1)[0]
    return np.full(n, label)
''',
        # Returns the least frequent label (argmin instead of argmax).
        '''def majority_baseline(y_train, n):
    labels, counts = np.unique(np.asarray(y_train), return_counts=True)
    return np.full(n, labels[np.argmin(counts)])
''',
        # Rounds the mean label: right for 0/1 labels, wrong for more classes.
        '''def majority_baseline(y_train, n):
    return np.full(n, int(round(float(np.mean(y_train)))))
''',
        # Returns the single majority label instead of n predictions.
        '''def majority_baseline(y_train, n):
    labels, counts = np.unique(np.asarray(y_train), return_counts=True)
    return labels[np.argmax(counts)]
''',
        # Returns a Python list instead of a NumPy array.
        '''def majority_baseline(y_train, n):
    labels, counts = np.unique(np.asarray(y_train), return_counts=True)
    return [labels[np.argmax(counts)]] * n
''',
    ],
    "ex3-standardise": [
        # Leak: the test set is standardised with its own statistics.
        '''def standardise(train, test):
    train_out = (train - train.mean(axis=0)) / train.std(axis=0)
    test_out = (test - test.mean(axis=0)) / test.std(axis=0)
    return train_out, test_out
''',
        # Leak: the statistics come from training and test data together.
        '''def standardise(train, test):
    both = np.vstack([train, test])
    mean, std = both.mean(axis=0), both.std(axis=0)
    return (train - mean) / std, (test - mean) / std
''',
        # Sample standard deviation (ddof=1, pandas' default) instead of ddof=0.
        '''def standardise(train, test):
    mean, std = train.mean(axis=0), train.std(axis=0, ddof=1)
    return (train - mean) / std, (test - mean) / std
''',
        # Statistics per row (axis=1) instead of per column.
        '''def standardise(train, test):
    train_out = (train - train.mean(axis=1, keepdims=True)) / train.std(axis=1, keepdims=True)
    test_out = (test - test.mean(axis=1, keepdims=True)) / test.std(axis=1, keepdims=True)
    return train_out, test_out
''',
        # Centres but forgets to scale.
        '''def standardise(train, test):
    mean = train.mean(axis=0)
    return train - mean, test - mean
''',
        # Right numbers, but changes the caller's arrays in place.
        '''def standardise(train, test):
    mean, std = train.mean(axis=0), train.std(axis=0)
    train -= mean
    train /= std
    test -= mean
    test /= std
    return train, test
''',
        # One mean and one standard deviation for the whole array instead of per column.
        '''def standardise(train, test):
    mean, std = train.mean(), train.std()
    return (train - mean) / std, (test - mean) / std
''',
    ],
    "ex4-mean-images": [
        # Sums the images of each class instead of averaging them.
        '''def mean_image_per_class(images, labels):
    return np.stack([images[labels == k].sum(axis=0) for k in range(10)])
''',
        # Takes the first image of each class instead of the average.
        '''def mean_image_per_class(images, labels):
    return np.stack([images[labels == k][0] for k in range(10)])
''',
        # Averages over the wrong axis: gives (10, 8) instead of (10, 8, 8).
        '''def mean_image_per_class(images, labels):
    return np.stack([images[labels == k].mean(axis=1).mean(axis=0) for k in range(10)])
''',
        # The overall average image, repeated for every class.
        '''def mean_image_per_class(images, labels):
    return np.stack([images.mean(axis=0) for k in range(10)])
''',
        # Assumes the labels come in the order 0, 1, ..., 9, 0, 1, ... (true for the visible toy data).
        '''def mean_image_per_class(images, labels):
    return np.stack([images[k::10].mean(axis=0) for k in range(10)])
''',
        # Returns a list of ten arrays instead of one array.
        '''def mean_image_per_class(images, labels):
    return [images[labels == k].mean(axis=0) for k in range(10)]
''',
    ],
}
