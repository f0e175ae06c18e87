"""Plausible wrong answers to the exercises of 07-data-volume.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. tests/test_wrong_answers.py runs the notebook, then executes each wrong
source followed by the cell's tests (visible and hidden) and asserts that the tests fail.
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-subsample": [
        # A plain random draw: the class proportions are left to luck.
        '''def stratified_subsample(labels, n, seed):
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(len(labels), size=n, replace=False))
''',
        # Rounds every class on its own: the counts need not add up to n (3 + 3 + 3 for n = 10).
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    chosen = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        k = int(round(n * len(members) / len(labels)))
        chosen.append(rng.choice(members, size=k, replace=False))
    return np.sort(np.concatenate(chosen))
''',
        # The first examples of every class, not a random draw: every seed gives the same subset.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    classes, counts = np.unique(labels, return_counts=True)
    quotas = n * counts / counts.sum()
    taken = np.floor(quotas).astype(int)
    taken[np.argsort(-(quotas - taken), kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([np.flatnonzero(labels == c)[:k] for c, k in zip(classes, taken)]))
''',
        # Draws with replacement: the same example can be taken twice.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    quotas = n * counts / counts.sum()
    taken = np.floor(quotas).astype(int)
    taken[np.argsort(-(quotas - taken), kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=True)
                                   for c, k in zip(classes, taken)]))
''',
        # "Balanced" as in equal numbers per class: changes the churn rate from 25 % to 50 %.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes = np.unique(labels)
    per_class = np.full(len(classes), n // len(classes))
    per_class[:n % len(classes)] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=False)
                                   for c, k in zip(classes, per_class)]))
''',
        # Ignores the seed: a new random subset on every call.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng()
    classes, counts = np.unique(labels, return_counts=True)
    quotas = n * counts / counts.sum()
    taken = np.floor(quotas).astype(int)
    taken[np.argsort(-(quotas - taken), kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=False)
                                   for c, k in zip(classes, taken)]))
''',
        # Returns the labels of the chosen examples instead of their indices.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    chosen = train_test_split(np.arange(len(labels)), train_size=n, stratify=labels, random_state=seed)[0]
    return labels[chosen]
''',
    ],
    "ex2-epochs": [
        # Floor division: forgets the last, smaller batch of each epoch.
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    return max(min_epochs, math.ceil(min_steps / (n_train // batch_size)))
''',
        # Fractional batches per epoch (n / batch_size, not rounded up).
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    return max(min_epochs, math.ceil(min_steps / (n_train / batch_size)))
''',
        # Rounds the epochs down: fewer steps than asked for.
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    return max(min_epochs, min_steps // math.ceil(n_train / batch_size))
''',
        # Ignores min_epochs.
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    return math.ceil(min_steps / math.ceil(n_train / batch_size))
''',
        # Returns a float (np.ceil), which train.fit refuses.
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    return max(float(min_epochs), np.ceil(min_steps / np.ceil(n_train / batch_size)))
''',
        # Returns the number of steps instead of the number of epochs.
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    batches = math.ceil(n_train / batch_size)
    return max(min_epochs, math.ceil(min_steps / batches)) * batches
''',
    ],
    "ex3-crossover": [
        # The first size where the deep model is ahead, even if it falls behind again later.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.mean(deep_scores, axis=0) > np.mean(classical_scores, axis=0)
    if not ahead[-1]:
        return None
    return sizes[int(np.argmax(ahead))]
''',
        # Averages over the wrong axis (over the sizes instead of over the repeats).
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.mean(deep_scores, axis=1) > np.mean(classical_scores, axis=1)
    if not ahead[-1]:
        return None
    first = len(ahead) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
        # Judges on the first repeat only.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.asarray(deep_scores)[0] > np.asarray(classical_scores)[0]
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
        # Counts a tie as a lead (>= instead of >).
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.mean(deep_scores, axis=0) >= np.mean(classical_scores, axis=0)
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
        # Returns the position in sizes instead of the size.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.mean(deep_scores, axis=0) > np.mean(classical_scores, axis=0)
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return first
''',
        # Returns the last size where the classical model was still ahead (one step too early).
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.mean(deep_scores, axis=0) > np.mean(classical_scores, axis=0)
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[max(first - 1, 0)]
''',
        # Any lead counts: the first size where the deep model is ahead, even if it falls behind later
        # (None only when it is never ahead).
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.mean(deep_scores, axis=0) > np.mean(classical_scores, axis=0)
    return sizes[int(np.argmax(ahead))] if ahead.any() else None
''',
        # Uses the median of the repeats instead of the mean.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.median(deep_scores, axis=0) > np.median(classical_scores, axis=0)
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
    ],
    "ex5-labels-needed": [
        # Interpolates linearly in the size instead of in log(size).
        '''def labels_needed(sizes, mean_scores, target):
    sizes, scores = np.asarray(sizes, dtype=float), np.asarray(mean_scores, dtype=float)
    reached = np.flatnonzero(scores >= target)
    if reached.size == 0:
        return None
    i = reached[0]
    if i == 0:
        return float(sizes[0])
    fraction = (target - scores[i - 1]) / (scores[i] - scores[i - 1])
    return float(sizes[i - 1] + fraction * (sizes[i] - sizes[i - 1]))
''',
        # No interpolation: the first measured size that reaches the target.
        '''def labels_needed(sizes, mean_scores, target):
    for size, score in zip(sizes, mean_scores):
        if score >= target:
            return float(size)
    return None
''',
        # Returns infinity (not None) when the target is never reached.
        '''def labels_needed(sizes, mean_scores, target):
    sizes, scores = np.asarray(sizes, dtype=float), np.asarray(mean_scores, dtype=float)
    reached = np.flatnonzero(scores >= target)
    if reached.size == 0:
        return float("inf")
    i = reached[0]
    if i == 0:
        return float(sizes[0])
    fraction = (target - scores[i - 1]) / (scores[i] - scores[i - 1])
    return float(np.exp(np.log(sizes[i - 1]) + fraction * (np.log(sizes[i]) - np.log(sizes[i - 1]))))
''',
        # Uses the last crossing of the target (searches from the largest size down).
        '''def labels_needed(sizes, mean_scores, target):
    sizes, scores = np.asarray(sizes, dtype=float), np.asarray(mean_scores, dtype=float)
    if not np.any(scores >= target):
        return None
    below = np.flatnonzero(scores < target)
    if below.size == 0:
        return float(sizes[0])
    j = below[-1]
    if j == len(scores) - 1:
        return None
    fraction = (target - scores[j]) / (scores[j + 1] - scores[j])
    return float(np.exp(np.log(sizes[j]) + fraction * (np.log(sizes[j + 1]) - np.log(sizes[j]))))
''',
        # Mixes logarithms: log10 to interpolate, but np.exp to go back.
        '''def labels_needed(sizes, mean_scores, target):
    sizes, scores = np.asarray(sizes, dtype=float), np.asarray(mean_scores, dtype=float)
    reached = np.flatnonzero(scores >= target)
    if reached.size == 0:
        return None
    i = reached[0]
    if i == 0:
        return float(sizes[0])
    fraction = (target - scores[i - 1]) / (scores[i] - scores[i - 1])
    return float(np.exp(np.log10(sizes[i - 1]) + fraction * (np.log10(sizes[i]) - np.log10(sizes[i - 1]))))
''',
        # The fraction is measured from the wrong end of the interval.
        '''def labels_needed(sizes, mean_scores, target):
    sizes, scores = np.asarray(sizes, dtype=float), np.asarray(mean_scores, dtype=float)
    reached = np.flatnonzero(scores >= target)
    if reached.size == 0:
        return None
    i = reached[0]
    if i == 0:
        return float(sizes[0])
    fraction = (scores[i] - target) / (scores[i] - scores[i - 1])
    return float(np.exp(np.log(sizes[i - 1]) + fraction * (np.log(sizes[i]) - np.log(sizes[i - 1]))))
''',
    ],
}
