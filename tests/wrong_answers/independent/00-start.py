"""Independent wrong answers for 00-start, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-accuracy": [
        # RangeIndex habit: y_true[i] / y_pred[i] index a pandas Series by LABEL, so a shuffled test split gives KeyError or compares the wrong rows
        '''def accuracy(y_true, y_pred):
    """Return the fraction of positions where y_pred equals y_true."""
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred have different lengths")
    if len(y_true) == 0:
        raise ValueError("cannot compute the accuracy of zero predictions")
    correct = 0
    for i in range(len(y_true)):
        if y_true[i] == y_pred[i]:
            correct += 1
    return correct / len(y_true)
''',
        # Series comparison aligns by label: .eq() on two Series matches index labels (union of indices), not positions
        '''def accuracy(y_true, y_pred):
    """Return the fraction of positions where y_pred equals y_true."""
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred have different lengths")
    if len(y_true) == 0:
        raise ValueError("cannot compute the accuracy of zero predictions")
    true_series = pd.Series(y_true)
    pred_series = pd.Series(y_pred)
    return float(true_series.eq(pred_series).mean())
''',
        # length check only in one direction: more predictions than labels slips through, because NumPy broadcasts a length-1 y_true
        '''def accuracy(y_true, y_pred):
    """Return the fraction of positions where y_pred equals y_true."""
    if len(y_pred) < len(y_true):
        raise ValueError("y_pred has fewer predictions than y_true has labels")
    if len(y_true) == 0:
        raise ValueError("cannot compute the accuracy of zero predictions")
    matches = np.asarray(y_true) == np.asarray(y_pred)
    return float(np.mean(matches))
''',
        # rounds the accuracy to 2 decimals ("nicer to print"): 2/3 becomes 0.67, not the exact fraction
        '''def accuracy(y_true, y_pred):
    """Return the fraction of positions where y_pred equals y_true."""
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred have different lengths")
    if len(y_true) == 0:
        raise ValueError("cannot compute the accuracy of zero predictions")
    matches = np.asarray(y_true) == np.asarray(y_pred)
    return round(float(matches.mean()), 2)
''',
        # "any kind of label" handled by comparing everything as strings: 1 vs 1.0 (or True vs 1) no longer count as equal
        '''def accuracy(y_true, y_pred):
    """Return the fraction of positions where y_pred equals y_true."""
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred have different lengths")
    if len(y_true) == 0:
        raise ValueError("cannot compute the accuracy of zero predictions")
    true_text = np.asarray(y_true).astype(str)
    pred_text = np.asarray(y_pred).astype(str)
    return float(np.mean(true_text == pred_text))
''',
        # dtype: returns a NumPy float32 scalar (not a Python float) with reduced precision
        '''def accuracy(y_true, y_pred):
    """Return the fraction of positions where y_pred equals y_true."""
    if len(y_true) != len(y_pred):
        raise ValueError("y_true and y_pred have different lengths")
    if len(y_true) == 0:
        raise ValueError("cannot compute the accuracy of zero predictions")
    matches = np.asarray(y_true) == np.asarray(y_pred)
    return np.mean(matches, dtype=np.float32)
''',
    ],
    "ex2-majority-baseline": [
        # ties resolved by set (hash) order: happens to be sorted for small non-negative ints, not for [10, 10, 3, 3], negatives or strings
        '''def majority_baseline(y_train, n):
    """Predict the most frequent training label for n examples."""
    values = list(y_train)
    most_common = max(set(values), key=values.count)
    return np.full(n, most_common)
''',
        # sorts the labels as text before Counter.most_common: for numbers "10" sorts before "9", so a 9/10 tie picks 10
        '''def majority_baseline(y_train, n):
    """Predict the most frequent training label for n examples."""
    from collections import Counter
    counts = Counter(sorted(y_train, key=str))  # sorted first, so ties go to the smallest label
    label = counts.most_common(1)[0][0]
    return np.full(n, label)
''',
        # RangeIndex habit: y_train[i] indexes a pandas Series by label, so a shuffled training split raises KeyError or counts the wrong rows
        '''def majority_baseline(y_train, n):
    """Predict the most frequent training label for n examples."""
    counts = {}
    for i in range(len(y_train)):
        label = y_train[i]
        counts[label] = counts.get(label, 0) + 1
    best = max(counts.values())
    label = min(k for k, v in counts.items() if v == best)
    return np.full(n, label)
''',
        # dtype: numeric labels converted to float first, so it predicts 1.0 instead of the integer label 1
        '''def majority_baseline(y_train, n):
    """Predict the most frequent training label for n examples."""
    try:
        values = np.asarray(y_train, dtype=float)
    except ValueError:  # string labels
        values = np.asarray(y_train)
    labels, counts = np.unique(values, return_counts=True)
    return np.full(n, labels[np.argmax(counts)])
''',
        # another aggregation: the (low) median label instead of the most frequent one; it agrees only when the mode sits in the middle
        '''def majority_baseline(y_train, n):
    """Predict the most frequent training label for n examples."""
    import statistics
    label = statistics.median_low(list(y_train))
    return np.full(n, label)
''',
    ],
    "ex3-standardise": [
        # another scaler: RobustScaler (median and interquartile range) instead of mean and standard deviation
        '''from sklearn.preprocessing import RobustScaler


def standardise(train, test):
    """Standardise both arrays with the column means and standard deviations of train."""
    scaler = RobustScaler().fit(train)
    return scaler.transform(train), scaler.transform(test)
''',
        # centres on the column median (robust to outliers) instead of the column mean
        '''def standardise(train, test):
    """Standardise both arrays with the column means and standard deviations of train."""
    centre = np.median(train, axis=0)
    spread = train.std(axis=0)
    return (train - centre) / spread, (test - centre) / spread
''',
        # another spread: mean absolute deviation instead of the standard deviation
        '''def standardise(train, test):
    """Standardise both arrays with the column means and standard deviations of train."""
    mean = train.mean(axis=0)
    spread = np.abs(train - mean).mean(axis=0)
    return (train - mean) / spread, (test - mean) / spread
''',
        # scales by the largest absolute deviation ("so training values land in [-1, 1]") instead of the standard deviation
        '''def standardise(train, test):
    """Standardise both arrays with the column means and standard deviations of train."""
    mean = train.mean(axis=0)
    spread = np.abs(train - mean).max(axis=0)
    return (train - mean) / spread, (test - mean) / spread
''',
        # dtype: output buffers made with empty_like keep the input dtype, so integer arrays are truncated to integers
        '''def standardise(train, test):
    """Standardise both arrays with the column means and standard deviations of train."""
    mean = train.mean(axis=0)
    std = train.std(axis=0)
    train_out = np.empty_like(train)
    test_out = np.empty_like(test)
    train_out[:] = (train - mean) / std
    test_out[:] = (test - mean) / std
    return train_out, test_out
''',
        # off-by-shape: loops over range(len(train)) (the number of ROWS) as if it were the columns; only right for square arrays
        '''def standardise(train, test):
    """Standardise both arrays with the column means and standard deviations of train."""
    train_out = train.astype(float)
    test_out = test.astype(float)
    for j in range(len(train)):
        mean = train[:, j].mean()
        std = train[:, j].std()
        train_out[:, j] = (train[:, j] - mean) / std
        test_out[:, j] = (test[:, j] - mean) / std
    return train_out, test_out
''',
    ],
    "ex4-mean-images": [
        # another aggregation: pixel-wise median instead of the mean
        '''def mean_image_per_class(images, labels):
    """Return the average image of each digit 0-9, shape (10, 8, 8)."""
    return np.stack([np.median(images[labels == k], axis=0) for k in range(10)])
''',
        # overfits the visible example: assumes the labels cycle 0..9, so class k is images[k::10]
        '''def mean_image_per_class(images, labels):
    """Return the average image of each digit 0-9, shape (10, 8, 8)."""
    return np.stack([images[k::10].mean(axis=0) for k in range(10)])
''',
        # assumes balanced classes: divides each class sum by len(images) / 10 instead of the class size
        '''def mean_image_per_class(images, labels):
    """Return the average image of each digit 0-9, shape (10, 8, 8)."""
    per_class = len(images) / 10
    return np.stack([images[labels == k].sum(axis=0) / per_class for k in range(10)])
''',
        # dtype: result array created with the images' dtype, so integer images get truncated averages
        '''def mean_image_per_class(images, labels):
    """Return the average image of each digit 0-9, shape (10, 8, 8)."""
    means = np.zeros((10,) + images.shape[1:], dtype=images.dtype)
    for k in range(10):
        means[k] = images[labels == k].mean(axis=0)
    return means
''',
        # images.T reverses ALL axes, so each average comes out transposed (rows and columns swapped)
        '''def mean_image_per_class(images, labels):
    """Return the average image of each digit 0-9, shape (10, 8, 8)."""
    by_pixel = images.T  # examples on the last axis, so the mask selects them
    return np.stack([by_pixel[..., labels == k].mean(axis=-1) for k in range(10)])
''',
        # averages over the pixels too: one grey level per class spread over the 8 x 8 image, not a pixel-by-pixel mean
        '''def mean_image_per_class(images, labels):
    """Return the average image of each digit 0-9, shape (10, 8, 8)."""
    return np.stack([np.full(images.shape[1:], images[labels == k].mean()) for k in range(10)])
''',
    ],
}
