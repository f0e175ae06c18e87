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
        # Independent (written without the tests): the first size where the deep model is ahead, not the start of the final run.
        '''
def crossover_size(sizes, classical_scores, deep_scores):
    classical_mean = np.mean(classical_scores, axis=0)
    deep_mean = np.mean(deep_scores, axis=0)
    deep_ahead = deep_mean > classical_mean
    if not deep_ahead[-1]:
        return None
    first = int(np.argmax(deep_ahead))
    return sizes[first]
''',
        # Independent: >= counts a tie as a lead.
        '''
def crossover_size(sizes, classical_scores, deep_scores):
    classical_mean = np.mean(classical_scores, axis=0)
    deep_mean = np.mean(deep_scores, axis=0)
    deep_ahead = deep_mean >= classical_mean
    if not deep_ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and deep_ahead[i - 1]:
        i -= 1
    return sizes[i]
''',
        # Independent: medians over the repeats instead of means.
        '''
def crossover_size(sizes, classical_scores, deep_scores):
    classical_mid = np.median(classical_scores, axis=0)
    deep_mid = np.median(deep_scores, axis=0)
    deep_ahead = deep_mid > classical_mid
    if not deep_ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and deep_ahead[i - 1]:
        i -= 1
    return sizes[i]
''',
        # Independent: only the first repeat instead of the mean over the repeats.
        '''
def crossover_size(sizes, classical_scores, deep_scores):
    classical = np.asarray(classical_scores)[0]
    deep = np.asarray(deep_scores)[0]
    deep_ahead = deep > classical
    if not deep_ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and deep_ahead[i - 1]:
        i -= 1
    return sizes[i]
''',
        # Independent: returns the position i instead of the size.
        '''
def crossover_size(sizes, classical_scores, deep_scores):
    classical_mean = np.mean(classical_scores, axis=0)
    deep_mean = np.mean(deep_scores, axis=0)
    deep_ahead = deep_mean > classical_mean
    if not deep_ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and deep_ahead[i - 1]:
        i -= 1
    return i
''',
        # Independent: off by one in the backward walk (returns the last size where the deep model is not ahead).
        '''
def crossover_size(sizes, classical_scores, deep_scores):
    classical_mean = np.mean(classical_scores, axis=0)
    deep_mean = np.mean(deep_scores, axis=0)
    deep_ahead = deep_mean > classical_mean
    if not deep_ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and deep_ahead[i]:
        i -= 1
    return sizes[i]
''',
        # Independent: forgets None when the deep model is behind at the largest size.
        '''
def crossover_size(sizes, classical_scores, deep_scores):
    classical_mean = np.mean(classical_scores, axis=0)
    deep_mean = np.mean(deep_scores, axis=0)
    deep_ahead = deep_mean > classical_mean
    i = len(sizes) - 1
    while i > 0 and deep_ahead[i - 1]:
        i -= 1
    return sizes[i]
''',
        # Independent: boolean-mask indexing of sizes, which fails on a Python list.
        '''
def crossover_size(sizes, classical_scores, deep_scores):
    classical_mean = np.mean(classical_scores, axis=0)
    deep_mean = np.mean(deep_scores, axis=0)
    deep_ahead = deep_mean > classical_mean
    if not deep_ahead[-1]:
        return None
    # True only in the final run of True values
    final_run = np.cumprod(deep_ahead[::-1])[::-1].astype(bool)
    return sizes[final_run][0]
''',
        # Independent: requires the deep model ahead in every repeat, not on the mean.
        '''
def crossover_size(sizes, classical_scores, deep_scores):
    classical = np.asarray(classical_scores)
    deep = np.asarray(deep_scores)
    deep_ahead = np.all(deep > classical, axis=0)
    if not deep_ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and deep_ahead[i - 1]:
        i -= 1
    return sizes[i]
''',
        # Independent: right value, but overwrites the caller's deep_scores in place.
        '''
def crossover_size(sizes, classical_scores, deep_scores):
    diff = np.asarray(deep_scores, dtype=float)
    diff -= np.asarray(classical_scores, dtype=float)
    deep_ahead = np.mean(diff, axis=0) > 0
    if not deep_ahead[-1]:
        return None
    i = len(sizes) - 1
    while i > 0 and deep_ahead[i - 1]:
        i -= 1
    return sizes[i]
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
