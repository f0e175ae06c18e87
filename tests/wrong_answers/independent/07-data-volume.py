"""Independent wrong answers for 07-data-volume, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-subsample": [
        # RangeIndex habit: wraps labels in a Series and takes labels[labels == c].index -- on a Series with a shuffled index these are index LABELS, not positions
        '''def stratified_subsample(labels, n, seed):
    """Positions of n examples drawn at random, each class keeping its share of the labels."""
    labels = pd.Series(labels)
    classes = np.unique(labels.to_numpy())
    counts = np.array([(labels == c).sum() for c in classes])
    base, remainder = np.divmod(n * counts, len(labels))
    order = np.argsort(-remainder, kind="stable")
    base[order[:n - base.sum()]] += 1
    rng = np.random.default_rng(seed)
    drawn = []
    for c, k in zip(classes, base):
        members = labels[labels == c].index.to_numpy()
        drawn.append(rng.choice(members, size=k, replace=False))
    return np.sort(np.concatenate(drawn))
''',
        # the missing examples go to the LARGEST classes (most examples), not to the classes whose shares lost most in the rounding
        '''def stratified_subsample(labels, n, seed):
    """Positions of n examples drawn at random, each class keeping its share of the labels."""
    y = np.asarray(labels)
    classes, counts = np.unique(y, return_counts=True)
    base = (n * counts) // len(y)
    missing = n - base.sum()
    biggest_first = np.argsort(-counts, kind="stable")
    base[biggest_first[:missing]] += 1
    rng = np.random.default_rng(seed)
    drawn = []
    for c, k in zip(classes, base):
        members = np.flatnonzero(y == c)
        drawn.append(rng.choice(members, size=k, replace=False))
    return np.sort(np.concatenate(drawn))
''',
        # hands out at most ONE missing example (argmax of the remainders), as in the hint's worked example; with 2+ missing it returns fewer than n
        '''def stratified_subsample(labels, n, seed):
    """Positions of n examples drawn at random, each class keeping its share of the labels."""
    y = np.asarray(labels)
    classes, counts = np.unique(y, return_counts=True)
    base, remainder = np.divmod(n * counts, len(y))
    if base.sum() < n:
        base[np.argmax(remainder)] += 1
    rng = np.random.default_rng(seed)
    drawn = []
    for c, k in zip(classes, base):
        members = np.flatnonzero(y == c)
        drawn.append(rng.choice(members, size=k, replace=False))
    return np.sort(np.concatenate(drawn))
''',
        # fractional parts computed in floating point (n * share - floor): ties that only look equal are broken by rounding error, e.g. counts 2/2/5 with n=3 give 1/0/2
        '''def stratified_subsample(labels, n, seed):
    """Positions of n examples drawn at random, each class keeping its share of the labels."""
    y = np.asarray(labels)
    classes, counts = np.unique(y, return_counts=True)
    shares = n * (counts / len(y))
    base = np.floor(shares).astype(int)
    fractional = shares - base
    order = np.argsort(-fractional, kind="stable")
    base[order[:n - base.sum()]] += 1
    rng = np.random.default_rng(seed)
    drawn = []
    for c, k in zip(classes, base):
        members = np.flatnonzero(y == c)
        drawn.append(rng.choice(members, size=k, replace=False))
    return np.sort(np.concatenate(drawn))
''',
        # members taken from np.argsort(labels) (default, unstable quicksort) sliced per class: not the positions in increasing order, so rng.choice picks other examples on larger inputs
        '''def stratified_subsample(labels, n, seed):
    """Positions of n examples drawn at random, each class keeping its share of the labels."""
    y = np.asarray(labels)
    classes, counts = np.unique(y, return_counts=True)
    base, remainder = np.divmod(n * counts, len(y))
    order = np.argsort(-remainder, kind="stable")
    base[order[:n - base.sum()]] += 1
    by_class = np.argsort(y)
    starts = np.concatenate([[0], np.cumsum(counts)])
    rng = np.random.default_rng(seed)
    drawn = []
    for j, k in enumerate(base):
        members = by_class[starts[j]:starts[j + 1]]
        drawn.append(rng.choice(members, size=k, replace=False))
    return np.sort(np.concatenate(drawn))
''',
        # rng.choice(..., shuffle=False) "since the result is sorted anyway": same set for the first class, but it skips random draws, so every later class gets another subset
        '''def stratified_subsample(labels, n, seed):
    """Positions of n examples drawn at random, each class keeping its share of the labels."""
    y = np.asarray(labels)
    classes, counts = np.unique(y, return_counts=True)
    base, remainder = np.divmod(n * counts, len(y))
    order = np.argsort(-remainder, kind="stable")
    base[order[:n - base.sum()]] += 1
    rng = np.random.default_rng(seed)
    drawn = []
    for c, k in zip(classes, base):
        members = np.flatnonzero(y == c)
        drawn.append(rng.choice(members, size=k, replace=False, shuffle=False))
    return np.sort(np.concatenate(drawn))
''',
    ],
    "ex2-epochs": [
        # "round up" written as round(x + 0.5): Python rounds halves to even, so an exact odd quotient gains an epoch (epochs_for(100, 32, 84) gives 22, not 21)
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    """The fewest epochs that make at least min_steps optimisation steps and min_epochs passes."""
    steps_per_epoch = math.ceil(n_train / batch_size)
    epochs = round(min_steps / steps_per_epoch + 0.5)
    return max(epochs, min_epochs)
''',
        # epochs rounded half-up with int(x + 0.5) instead of up: 81 steps at 4 per epoch give 20 epochs = 80 steps, short of min_steps
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    """The fewest epochs that make at least min_steps optimisation steps and min_epochs passes."""
    steps_per_epoch = math.ceil(n_train / batch_size)
    epochs = int(min_steps / steps_per_epoch + 0.5)
    return max(epochs, min_epochs)
''',
        # min_epochs ADDED on top of the epochs for the steps (minus the default one) instead of taken as a lower bound: epochs_for(100, 32, 80, min_epochs=2) gives 21
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    """The fewest epochs that make at least min_steps optimisation steps and min_epochs passes."""
    steps_per_epoch = math.ceil(n_train / batch_size)
    return math.ceil(min_steps / steps_per_epoch) + (min_epochs - 1)
''',
        # overfits the task's example: min_epochs is applied only when one epoch already makes enough steps (epochs_for(1000, 32, 80, min_epochs=5) gives 3)
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    """The fewest epochs that make at least min_steps optimisation steps and min_epochs passes."""
    steps_per_epoch = math.ceil(n_train / batch_size)
    if steps_per_epoch >= min_steps:
        return min_epochs
    return math.ceil(min_steps / steps_per_epoch)
''',
        # "at least" treated as one step fewer: ceil((min_steps - 1) / steps_per_epoch) -- 81 steps at 4 per epoch give 20 epochs (80 steps)
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    """The fewest epochs that make at least min_steps optimisation steps and min_epochs passes."""
    steps_per_epoch = -(-n_train // batch_size)
    epochs = -(-(min_steps - 1) // steps_per_epoch)
    return max(epochs, min_epochs)
''',
    ],
    "ex3-crossover": [
        # median over the repeats instead of the mean (identical with two repeats, as in the visible toys; differs with three)
        '''def crossover_size(sizes, classical_scores, deep_scores):
    """The smallest size from which the deep model's mean score stays above the classical one's."""
    classical = np.median(np.asarray(classical_scores, dtype=float), axis=0)
    deep = np.median(np.asarray(deep_scores, dtype=float), axis=0)
    ahead = deep > classical
    if not ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and ahead[i - 1]:
        i -= 1
    return sizes[i]
''',
        # compares the BEST repeat of each model (max over repeats) instead of the mean
        '''def crossover_size(sizes, classical_scores, deep_scores):
    """The smallest size from which the deep model's mean score stays above the classical one's."""
    classical = np.asarray(classical_scores, dtype=float).max(axis=0)
    deep = np.asarray(deep_scores, dtype=float).max(axis=0)
    ahead = deep > classical
    if not ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and ahead[i - 1]:
        i -= 1
    return sizes[i]
''',
        # "ahead" judged repeat by repeat: the deep model must win in EVERY repeat, not have the higher mean
        '''def crossover_size(sizes, classical_scores, deep_scores):
    """The smallest size from which the deep model's mean score stays above the classical one's."""
    classical = np.asarray(classical_scores, dtype=float)
    deep = np.asarray(deep_scores, dtype=float)
    ahead = (deep > classical).all(axis=0)
    if not ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and ahead[i - 1]:
        i -= 1
    return sizes[i]
''',
        # a tie does not END the lead: returns the size after the last point where the deep model is strictly BEHIND, so a tie just before the lead counts as a lead
        '''def crossover_size(sizes, classical_scores, deep_scores):
    """The smallest size from which the deep model's mean score stays above the classical one's."""
    classical = np.asarray(classical_scores, dtype=float).mean(axis=0)
    deep = np.asarray(deep_scores, dtype=float).mean(axis=0)
    if not deep[-1] > classical[-1]:
        return None
    behind = np.flatnonzero(deep < classical)
    if len(behind) == 0:
        return sizes[0]
    return sizes[behind[-1] + 1]
''',
        # means rounded to 3 decimals "as printed" before comparing: a real lead below half a thousandth becomes a tie
        '''def crossover_size(sizes, classical_scores, deep_scores):
    """The smallest size from which the deep model's mean score stays above the classical one's."""
    classical = np.round(np.asarray(classical_scores, dtype=float).mean(axis=0), 3)
    deep = np.round(np.asarray(deep_scores, dtype=float).mean(axis=0), 3)
    ahead = deep > classical
    if not ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and ahead[i - 1]:
        i -= 1
    return sizes[i]
''',
    ],
    "ex5-labels-needed": [
        # hands the whole curve to np.interp (assumes increasing scores): on a curve that dips, it does not find the FIRST crossing
        '''def labels_needed(sizes, mean_scores, target):
    """Training size at which a learning curve first reaches target (log-size interpolation)."""
    sizes = np.asarray(sizes, dtype=float)
    scores = np.asarray(mean_scores, dtype=float)
    if scores.max() < target:
        return None
    if scores[0] >= target:
        return float(sizes[0])
    return float(np.exp(np.interp(target, scores, np.log(sizes))))
''',
        # strict > instead of >=: a score EQUAL to the target does not count as reaching it
        '''def labels_needed(sizes, mean_scores, target):
    """Training size at which a learning curve first reaches target (log-size interpolation)."""
    sizes = np.asarray(sizes, dtype=float)
    scores = np.asarray(mean_scores, dtype=float)
    above = np.flatnonzero(scores > target)
    if len(above) == 0:
        return None
    i = above[0]
    if i == 0:
        return float(sizes[0])
    fraction = (target - scores[i - 1]) / (scores[i] - scores[i - 1])
    log_n = np.log(sizes[i - 1]) + fraction * (np.log(sizes[i]) - np.log(sizes[i - 1]))
    return float(np.exp(log_n))
''',
        # RangeIndex habit: mean_scores[i] / sizes[i] in a loop -- on a Series indexed by the sizes this looks up LABELS (KeyError or wrong values)
        '''def labels_needed(sizes, mean_scores, target):
    """Training size at which a learning curve first reaches target (log-size interpolation)."""
    for i in range(len(sizes)):
        if mean_scores[i] >= target:
            if i == 0:
                return float(sizes[0])
            fraction = (target - mean_scores[i - 1]) / (mean_scores[i] - mean_scores[i - 1])
            log_n = math.log(sizes[i - 1]) + fraction * (math.log(sizes[i]) - math.log(sizes[i - 1]))
            return float(math.exp(log_n))
    return None
''',
        # fraction measured from the wrong end ((upper - target) / step): right only when the target is exactly half-way, as in both visible examples
        '''def labels_needed(sizes, mean_scores, target):
    """Training size at which a learning curve first reaches target (log-size interpolation)."""
    sizes = np.asarray(sizes, dtype=float)
    scores = np.asarray(mean_scores, dtype=float)
    reached = np.flatnonzero(scores >= target)
    if len(reached) == 0:
        return None
    i = reached[0]
    if i == 0:
        return float(sizes[0])
    fraction = (scores[i] - target) / (scores[i] - scores[i - 1])
    log_n = np.log(sizes[i - 1]) + fraction * (np.log(sizes[i]) - np.log(sizes[i - 1]))
    return float(np.exp(log_n))
''',
        # overfits the worked example: always returns the geometric mean of the two sizes around the crossing, whatever the target's position in the step
        '''def labels_needed(sizes, mean_scores, target):
    """Training size at which a learning curve first reaches target (log-size interpolation)."""
    sizes = np.asarray(sizes, dtype=float)
    scores = np.asarray(mean_scores, dtype=float)
    reached = np.flatnonzero(scores >= target)
    if len(reached) == 0:
        return None
    i = reached[0]
    if i == 0:
        return float(sizes[0])
    return float(np.sqrt(sizes[i - 1] * sizes[i]))
''',
        # reached at the first size: returns sizes[0] as given (an int for a list of ints) instead of a float
        '''def labels_needed(sizes, mean_scores, target):
    """Training size at which a learning curve first reaches target (log-size interpolation)."""
    scores = np.asarray(mean_scores, dtype=float)
    reached = np.flatnonzero(scores >= target)
    if len(reached) == 0:
        return None
    i = int(reached[0])
    if i == 0:
        return list(sizes)[0]
    low, high = float(list(sizes)[i - 1]), float(list(sizes)[i])
    fraction = (target - scores[i - 1]) / (scores[i] - scores[i - 1])
    return float(np.exp(np.log(low) + fraction * (np.log(high) - np.log(low))))
''',
    ],
}
