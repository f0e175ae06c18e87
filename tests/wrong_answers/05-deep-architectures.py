"""Plausible wrong answers to the exercises of 05-deep-architectures.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. tests/test_wrong_answers.py runs the notebook, then executes each wrong
source followed by the cell's tests (visible and hidden) and asserts that the tests fail.
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-conv2d": [
        # True (mathematical) convolution: flips the kernel, as scipy's convolve2d does.
        '''def conv2d(image, kernel):
    image = np.asarray(image, dtype=float)
    kernel = np.asarray(kernel, dtype=float)[::-1, ::-1]
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - kh + 1, image.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out
''',
        # Off by one: forgets the + 1, so the last row and column of positions are missing.
        '''def conv2d(image, kernel):
    image = np.asarray(image, dtype=float)
    kh, kw = np.shape(kernel)
    out = np.zeros((image.shape[0] - kh, image.shape[1] - kw))
    for i in range(image.shape[0] - kh):
        for j in range(image.shape[1] - kw):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out
''',
        # "Same" output size: zero-pads the image instead of a valid convolution.
        '''def conv2d(image, kernel):
    image = np.asarray(image, dtype=float)
    kh, kw = np.shape(kernel)
    padded = np.pad(image, ((kh // 2, (kh - 1) // 2), (kw // 2, (kw - 1) // 2)))
    out = np.zeros(image.shape)
    for i in range(image.shape[0]):
        for j in range(image.shape[1]):
            out[i, j] = np.sum(padded[i:i + kh, j:j + kw] * kernel)
    return out
''',
        # Mixes up the kernel's height and width (right for square kernels only).
        '''def conv2d(image, kernel):
    image = np.asarray(image, dtype=float)
    kw, kh = np.shape(kernel)
    out = np.zeros((image.shape[0] - kh + 1, image.shape[1] - kw + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * np.asarray(kernel).T)
    return out
''',
        # Output array of the image's dtype: integer images lose the decimals.
        '''def conv2d(image, kernel):
    kh, kw = np.shape(kernel)
    out = np.zeros_like(image[:image.shape[0] - kh + 1, :image.shape[1] - kw + 1])
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out
''',
    ],
    "ex2-max-pool": [
        # Average pooling instead of max-pooling.
        '''def max_pool2d(feature_map, size=2):
    x = np.asarray(feature_map, dtype=float)
    out = np.zeros((x.shape[0] // size, x.shape[1] // size))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = x[i * size:(i + 1) * size, j * size:(j + 1) * size].mean()
    return out
''',
        # Overlapping windows: stride 1 instead of a stride equal to the size.
        '''def max_pool2d(feature_map, size=2):
    x = np.asarray(feature_map, dtype=float)
    out = np.zeros((x.shape[0] - size + 1, x.shape[1] - size + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = x[i:i + size, j:j + size].max()
    return out
''',
        # Keeps the incomplete windows at the edges (ceil instead of floor).
        '''def max_pool2d(feature_map, size=2):
    x = np.asarray(feature_map, dtype=float)
    rows, cols = -(-x.shape[0] // size), -(-x.shape[1] // size)
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = x[i * size:(i + 1) * size, j * size:(j + 1) * size].max()
    return out
''',
        # Running maximum started at 0: windows of negative values come out as 0.
        '''def max_pool2d(feature_map, size=2):
    x = np.asarray(feature_map, dtype=float)
    out = np.zeros((x.shape[0] // size, x.shape[1] // size))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            for value in x[i * size:(i + 1) * size, j * size:(j + 1) * size].ravel():
                out[i, j] = max(out[i, j], value)
    return out
''',
        # Ignores the size argument: always 2 x 2 windows.
        '''def max_pool2d(feature_map, size=2):
    x = np.asarray(feature_map, dtype=float)
    out = np.zeros((x.shape[0] // 2, x.shape[1] // 2))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = x[2 * i:2 * i + 2, 2 * j:2 * j + 2].max()
    return out
''',
    ],
    "ex3-count-params": [
        # Forgets the biases.
        '''def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return out_channels * in_channels * kernel_size ** 2


def dense_params(in_features, out_features, bias=True):
    return in_features * out_features
''',
        # Forgets the input channels: one kernel per output channel only.
        '''def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return out_channels * kernel_size ** 2 + (out_channels if bias else 0)


def dense_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)
''',
        # Counts the kernel as kernel_size weights instead of kernel_size ** 2.
        '''def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return out_channels * in_channels * kernel_size + (out_channels if bias else 0)


def dense_params(in_features, out_features, bias=True):
    return in_features * out_features + (out_features if bias else 0)
''',
        # Ignores bias=False: always adds the biases.
        '''def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return out_channels * in_channels * kernel_size ** 2 + out_channels


def dense_params(in_features, out_features, bias=True):
    return in_features * out_features + out_features
''',
        # One bias per input (instead of per output) in the dense layer.
        '''def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    return out_channels * in_channels * kernel_size ** 2 + (out_channels if bias else 0)


def dense_params(in_features, out_features, bias=True):
    return in_features * out_features + (in_features if bias else 0)
''',
    ],
    "ex4-shuffle-positions": [
        # Two different permutations: one for the training set, another for the test set.
        '''def shuffle_positions(x_train, x_test, seed):
    rng = np.random.default_rng(seed)
    x_train, x_test = np.asarray(x_train), np.asarray(x_test)
    return x_train[:, rng.permutation(x_train.shape[1])], x_test[:, rng.permutation(x_test.shape[1])]
''',
        # Shuffles the rows (the examples) instead of the positions.
        '''def shuffle_positions(x_train, x_test, seed):
    rng = np.random.default_rng(seed)
    x_train, x_test = np.asarray(x_train), np.asarray(x_test)
    return x_train[rng.permutation(len(x_train))], x_test[rng.permutation(len(x_test))]
''',
        # Shuffles every example with its own permutation.
        '''def shuffle_positions(x_train, x_test, seed):
    rng = np.random.default_rng(seed)
    return rng.permuted(np.asarray(x_train), axis=1), rng.permuted(np.asarray(x_test), axis=1)
''',
        # Shuffles the training set only.
        '''def shuffle_positions(x_train, x_test, seed):
    order = np.random.default_rng(seed).permutation(np.shape(x_train)[1])
    return np.asarray(x_train)[:, order], np.asarray(x_test)
''',
        # Shuffles the caller's arrays in place (and with two different orders).
        '''def shuffle_positions(x_train, x_test, seed):
    np.random.seed(seed)
    np.random.shuffle(x_train.T)
    np.random.shuffle(x_test.T)
    return x_train, x_test
''',
        # Ignores the seed: a new permutation on every call.
        '''def shuffle_positions(x_train, x_test, seed):
    order = np.random.permutation(np.shape(x_train)[1])
    return np.asarray(x_train)[:, order], np.asarray(x_test)[:, order]
''',
    ],
}
