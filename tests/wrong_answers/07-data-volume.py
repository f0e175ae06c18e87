"""Plausible wrong answers to the exercises of 07-data-volume.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
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
        # [global state] The prescribed draw, but it also seeds NumPy's global generator.
        '''def stratified_subsample(labels, n, seed):
    np.random.seed(seed)
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    taken, lost = np.divmod(n * counts, len(labels))
    taken[np.argsort(-lost, kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=False)
                                   for c, k in zip(classes, taken)]))
''',
        # [RangeIndex] Index labels instead of positions: right for lists, arrays and a default
        # RangeIndex, wrong for a Series with a shuffled index.
        '''def stratified_subsample(labels, n, seed):
    labels = pd.Series(labels)
    rng = np.random.default_rng(seed)
    counts = labels.value_counts().sort_index()
    taken, lost = np.divmod(n * counts.to_numpy(), len(labels))
    taken[np.argsort(-lost, kind="stable")[:n - taken.sum()]] += 1
    chosen = [rng.choice(labels.index[labels == c].to_numpy(), size=k, replace=False)
              for c, k in zip(counts.index, taken)]
    return np.sort(np.concatenate(chosen))
''',
        # [prescribed procedure] A new generator for every class: stratified and reproducible, but
        # not the prescribed draw (every class reuses the same random numbers).
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    classes, counts = np.unique(labels, return_counts=True)
    taken, lost = np.divmod(n * counts, len(labels))
    taken[np.argsort(-lost, kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([np.random.default_rng(seed).choice(np.flatnonzero(labels == c), size=k,
                                                                      replace=False)
                                   for c, k in zip(classes, taken)]))
''',
        # [prescribed procedure] rng.permutation(members)[:k] instead of rng.choice: another draw.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    taken, lost = np.divmod(n * counts, len(labels))
    taken[np.argsort(-lost, kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.permutation(np.flatnonzero(labels == c))[:k]
                                   for c, k in zip(classes, taken)]))
''',
        # [ties by insertion order] Classes in the order they first appear (pd.unique), not sorted.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes = pd.unique(labels)
    counts = np.array([np.sum(labels == c) for c in classes])
    taken, lost = np.divmod(n * counts, len(labels))
    taken[np.argsort(-lost, kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=False)
                                   for c, k in zip(classes, taken)]))
''',
        # [ties by hash order] Classes in the order of a set: for strings that order changes with
        # PYTHONHASHSEED.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes = list(set(labels.tolist()))
    counts = np.array([np.sum(labels == c) for c in classes])
    taken, lost = np.divmod(n * counts, len(labels))
    taken[np.argsort(-lost, kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=False)
                                   for c, k in zip(classes, taken)]))
''',
        # [boundary arithmetic] Equal remainders served last class first.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    taken, lost = np.divmod(n * counts, len(labels))
    taken[np.argsort(lost)[::-1][:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=False)
                                   for c, k in zip(classes, taken)]))
''',
        # [boundary arithmetic] The missing examples go to the largest classes, not to the largest
        # remainders (the same for two classes of 50 %, not at other n and shares).
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    taken = n * counts // len(labels)
    taken[np.argsort(-counts, kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=False)
                                   for c, k in zip(classes, taken)]))
''',
        # [dtype] Right positions, returned as floats.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    taken, lost = np.divmod(n * counts, len(labels))
    taken[np.argsort(-lost, kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=False)
                                   for c, k in zip(classes, taken)])).astype(float)
''',
        # [shortcut] scikit-learn's stratified split (forbidden; it also rounds the shares another way).
        '''def stratified_subsample(labels, n, seed):
    return np.sort(train_test_split(np.arange(len(labels)), train_size=n, stratify=np.asarray(labels),
                                    random_state=seed)[0])
''',
        # [shortcut] StratifiedShuffleSplit (forbidden).
        '''def stratified_subsample(labels, n, seed):
    from sklearn.model_selection import StratifiedShuffleSplit
    split = StratifiedShuffleSplit(n_splits=1, train_size=n, random_state=seed)
    return np.sort(next(split.split(np.zeros(len(labels)), np.asarray(labels)))[0])
''',
        # [boundary arithmetic] Remainders in floating point: 5/3 - 1 and 2/3 differ in the last
        # digit, so classes that lost exactly as much are not served in sorted order.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    quotas = n * counts / counts.sum()
    taken = np.floor(quotas).astype(int)
    taken[np.argsort(-(quotas - taken), kind="stable")[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=False)
                                   for c, k in zip(classes, taken)]))
''',
        # [ties] Equal remainders served largest class first instead of first in sorted order.
        '''def stratified_subsample(labels, n, seed):
    labels = np.asarray(labels)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    taken, lost = np.divmod(n * counts, len(labels))
    taken[np.lexsort((-counts, -lost))[:n - taken.sum()]] += 1
    return np.sort(np.concatenate([rng.choice(np.flatnonzero(labels == c), size=k, replace=False)
                                   for c, k in zip(classes, taken)]))
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
        # [boundary arithmetic] n // batch_size + 1 batches: one too many when batch_size divides n.
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    return max(min_epochs, math.ceil(min_steps / (n_train // batch_size + 1)))
''',
        # [boundary arithmetic] Rounds the epochs to the nearest integer.
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    return max(min_epochs, round(min_steps / math.ceil(n_train / batch_size)))
''',
        # [boundary arithmetic] Counts examples instead of batches (the last, smaller batch is a full step).
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    return max(min_epochs, math.ceil(min_steps * batch_size / n_train))
''',
        # [boundary arithmetic] int(...) + 1: one epoch too many when the steps divide exactly.
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    return max(min_epochs, int(min_steps / math.ceil(n_train / batch_size)) + 1)
''',
        # [dtype] np.ceil: a float whenever the steps decide.
        '''def epochs_for(n_train, batch_size, min_steps, min_epochs=1):
    return max(min_epochs, np.ceil(min_steps / np.ceil(n_train / batch_size)))
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
        # [aggregation] The best repeat (max) instead of the mean.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.asarray(deep_scores).max(axis=0) > np.asarray(classical_scores).max(axis=0)
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
        # [aggregation] The worst repeat (min) instead of the mean.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.asarray(deep_scores).min(axis=0) > np.asarray(classical_scores).min(axis=0)
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
        # [aggregation] A majority vote of the repeats instead of the mean.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = (np.asarray(deep_scores) > np.asarray(classical_scores)).mean(axis=0) > 0.5
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
        # [aggregation] The last repeat only.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.asarray(deep_scores)[-1] > np.asarray(classical_scores)[-1]
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
        # [RangeIndex] Right for arrays, but [-1] on the means of a DataFrame looks for a column
        # labelled -1.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.mean(deep_scores, axis=0) > np.mean(classical_scores, axis=0)
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
        # Right value, but subtracts in place into the caller's classical_scores.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    gap = np.asarray(classical_scores)
    gap -= np.asarray(deep_scores)
    ahead = gap.mean(axis=0) < 0
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
        # [aggregation] The deep model's mean against the classical model's best repeat.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    ahead = np.asarray(deep_scores).mean(axis=0) > np.asarray(classical_scores).max(axis=0)
    if not ahead[-1]:
        return None
    first = len(sizes) - 1
    while first > 0 and ahead[first - 1]:
        first -= 1
    return sizes[first]
''',
        # [ties] Means rounded to three decimals (as printed) before comparing: a small lead becomes a tie.
        '''def crossover_size(sizes, classical_scores, deep_scores):
    deep_mean = np.round(np.asarray(deep_scores).mean(axis=0), 3)
    ahead = deep_mean > np.round(np.asarray(classical_scores).mean(axis=0), 3)
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
        # [boundary arithmetic] > instead of >=: a score equal to the target does not count.
        '''def labels_needed(sizes, mean_scores, target):
    sizes, scores = np.asarray(sizes, dtype=float), np.asarray(mean_scores, dtype=float)
    reached = np.flatnonzero(scores > target)
    if reached.size == 0:
        return None
    i = reached[0]
    if i == 0:
        return float(sizes[0])
    fraction = (target - scores[i - 1]) / (scores[i] - scores[i - 1])
    return float(np.exp(np.log(sizes[i - 1]) + fraction * (np.log(sizes[i]) - np.log(sizes[i - 1]))))
''',
        # [first crossing] np.interp over the whole curve: right while the scores increase, not
        # on a curve that dips.
        '''def labels_needed(sizes, mean_scores, target):
    sizes, scores = np.asarray(sizes, dtype=float), np.asarray(mean_scores, dtype=float)
    if not np.any(scores >= target):
        return None
    return float(np.exp(np.interp(target, scores, np.log(sizes))))
''',
        # [RangeIndex] Positional indexing with [i]: right for lists and arrays, a KeyError on a
        # Series indexed by the sizes.
        '''def labels_needed(sizes, mean_scores, target):
    for i in range(len(sizes)):
        if mean_scores[i] >= target:
            if i == 0:
                return float(sizes[0])
            fraction = (target - mean_scores[i - 1]) / (mean_scores[i] - mean_scores[i - 1])
            return float(np.exp(np.log(sizes[i - 1]) + fraction * (np.log(sizes[i]) - np.log(sizes[i - 1]))))
    return None
''',
        # [dtype] sizes[0] itself (an int from a list) when the first size reaches the target.
        '''def labels_needed(sizes, mean_scores, target):
    scores = np.asarray(mean_scores, dtype=float)
    reached = np.flatnonzero(scores >= target)
    if reached.size == 0:
        return None
    i = reached[0]
    if i == 0:
        return list(sizes)[0]
    fraction = (target - scores[i - 1]) / (scores[i] - scores[i - 1])
    low, high = np.log(float(list(sizes)[i - 1])), np.log(float(list(sizes)[i]))
    return float(np.exp(low + fraction * (high - low)))
''',
        # [stated value] NaN instead of None when the target is never reached.
        '''def labels_needed(sizes, mean_scores, target):
    sizes, scores = np.asarray(sizes, dtype=float), np.asarray(mean_scores, dtype=float)
    reached = np.flatnonzero(scores >= target)
    if reached.size == 0:
        return float("nan")
    i = reached[0]
    if i == 0:
        return float(sizes[0])
    fraction = (target - scores[i - 1]) / (scores[i] - scores[i - 1])
    return float(np.exp(np.log(sizes[i - 1]) + fraction * (np.log(sizes[i]) - np.log(sizes[i - 1]))))
''',
    ],
}
