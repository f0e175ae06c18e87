"""Plausible wrong answers to the exercises of 05-deep-architectures.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
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
        # Library shortcut: SciPy's cross-correlation instead of the loops.
        '''def conv2d(image, kernel):
    return correlate2d(np.asarray(image, dtype=float), np.asarray(kernel, dtype=float), mode="valid")
''',
        # Library shortcut: NumPy's sliding windows and one einsum instead of the loops.
        '''def conv2d(image, kernel):
    windows = np.lib.stride_tricks.sliding_window_view(np.asarray(image, dtype=float), np.shape(kernel))
    return np.einsum("ijkl,kl->ij", windows, np.asarray(kernel, dtype=float))
''',
        # Library shortcut: PyTorch's conv2d.
        '''def conv2d(image, kernel):
    x = torch.as_tensor(np.asarray(image, dtype=float))[None, None]
    w = torch.as_tensor(np.asarray(kernel, dtype=float))[None, None]
    return F.conv2d(x, w)[0, 0].numpy()
''',
        # Library shortcut: NumPy's 1-D correlation along each row, summed over the kernel's rows.
        '''def conv2d(image, kernel):
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    kh = kernel.shape[0]
    return np.array([sum(np.correlate(image[i + u], kernel[u], mode="valid") for u in range(kh))
                     for i in range(image.shape[0] - kh + 1)])
''',
        # dtypes: keeps an integer image's type, so an integer image and kernel give integers
        # (right values, wrong kind of array).
        '''def conv2d(image, kernel):
    image, kernel = np.asarray(image), np.asarray(kernel)
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - kh + 1, image.shape[1] - kw + 1), dtype=np.result_type(image, kernel))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out
''',
        # Library shortcut (window helper): scikit-image's view_as_windows and one tensordot.
        '''def conv2d(image, kernel):
    from skimage.util import view_as_windows
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    return np.tensordot(view_as_windows(image, kernel.shape), kernel, axes=([2, 3], [0, 1]))
''',
        # Library shortcut (convolution theorem): SciPy's real FFT of the image and the flipped kernel.
        '''def conv2d(image, kernel):
    import scipy.fft
    image, kernel = np.asarray(image, dtype=float), np.asarray(kernel, dtype=float)
    (H, W), (kh, kw) = image.shape, kernel.shape
    product = scipy.fft.rfft2(image) * scipy.fft.rfft2(kernel[::-1, ::-1], s=(H, W))
    return scipy.fft.irfft2(product, s=(H, W))[kh - 1:, kw - 1:]
''',
        # Precision: works in float32 "like PyTorch" and converts back at the end, so every sum is
        # rounded to about 7 significant digits (float64 asked for).
        '''def conv2d(image, kernel):
    image, kernel = np.asarray(image, dtype=np.float32), np.asarray(kernel, dtype=np.float32)
    kh, kw = kernel.shape
    out = np.zeros((image.shape[0] - kh + 1, image.shape[1] - kw + 1), dtype=np.float32)
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out.astype(np.float64)
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
        # Library shortcut: PyTorch's max-pooling.
        '''def max_pool2d(feature_map, size=2):
    x = torch.as_tensor(np.asarray(feature_map, dtype=float))[None, None]
    return F.max_pool2d(x, kernel_size=size)[0, 0].numpy()
''',
        # Library shortcut: scikit-image's block_reduce on the cropped map.
        '''def max_pool2d(feature_map, size=2):
    from skimage.measure import block_reduce
    x = np.asarray(feature_map, dtype=float)
    x = x[:x.shape[0] // size * size, :x.shape[1] // size * size]
    return block_reduce(x, (size, size), np.max)
''',
        # Square maps assumed: the number of columns is computed from the height.
        '''def max_pool2d(feature_map, size=2):
    x = np.asarray(feature_map, dtype=float)
    n = x.shape[0] // size
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            out[i, j] = x[i * size:(i + 1) * size, j * size:(j + 1) * size].max()
    return out
''',
        # dtypes: np.zeros_like keeps an integer map's type (right values, integers returned).
        '''def max_pool2d(feature_map, size=2):
    x = np.asarray(feature_map)
    out = np.zeros_like(x[:x.shape[0] // size, :x.shape[1] // size])
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = x[i * size:(i + 1) * size, j * size:(j + 1) * size].max()
    return out
''',
        # Library shortcut (window helper): SciPy's maximum filter, then every size-th value.
        '''def max_pool2d(feature_map, size=2):
    from scipy.ndimage import maximum_filter
    x = np.asarray(feature_map, dtype=float)
    rows, cols = x.shape[0] // size, x.shape[1] // size
    return maximum_filter(x, size=size, origin=-(size // 2))[:rows * size:size, :cols * size:size]
''',
        # Empty case: rows built as Python lists, so a map with no complete window gives shape (0,)
        # instead of (0, W // size).
        '''def max_pool2d(feature_map, size=2):
    x = np.asarray(feature_map, dtype=float)
    rows = []
    for i in range(x.shape[0] // size):
        rows.append([x[i * size:(i + 1) * size, j * size:(j + 1) * size].max()
                     for j in range(x.shape[1] // size)])
    return np.array(rows, dtype=float)
''',
    ],
    "ex3-digit-cnn": [
        # Shapes: flattens the last maps into a Linear layer sized for 32 x 32 images only.
        '''class DigitCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Linear(8 * 4 * 4, n_classes)

    def forward(self, x):
        return self.head(self.body(x).flatten(1))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed, progress=False)
''',
        # PyTorch habits (device): layers kept in a plain Python list are not registered, so
        # .to(device) leaves them behind and the optimiser never trains them.
        '''class DigitCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.blocks, width = [], 1
        for channels in (8, 16, 20):
            self.blocks += [nn.Conv2d(width, channels, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
            width = channels
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.head(x.mean(dim=(2, 3)))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed, progress=False)
''',
        # Library shortcut: wraps the course's SmallCNN instead of writing the layers.
        '''class DigitCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.net = models.SmallCNN(channels=(8, 16, 20), n_classes=n_classes)

    def forward(self, x):
        return self.net(x)


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed, progress=False)
''',
        # Over the parameter budget: SmallCNN's channels (8, 16, 32), 6,330 parameters.
        '''class DigitCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        blocks, width = [], 1
        for channels in (8, 16, 32):
            blocks += [nn.Conv2d(width, channels, 3, padding=1), nn.BatchNorm2d(channels), nn.ReLU(),
                       nn.MaxPool2d(2)]
            width = channels
        self.body = nn.Sequential(*blocks)
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        return self.head(self.body(x).mean(dim=(2, 3)))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed, progress=False)
''',
        # Does not learn in 8 epochs: no batch normalisation (accuracy threshold on held-out digits).
        '''class DigitCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 20, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.head = nn.Linear(20, n_classes)

    def forward(self, x):
        return self.head(self.body(x).mean(dim=(2, 3)))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed, progress=False)
''',
        # Ignores n_classes: always 10 outputs.
        '''class DigitCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        blocks, width = [], 1
        for channels in (8, 16, 20):
            blocks += [nn.Conv2d(width, channels, 3, padding=1), nn.BatchNorm2d(channels), nn.ReLU(),
                       nn.MaxPool2d(2)]
            width = channels
        self.body = nn.Sequential(*blocks)
        self.head = nn.Linear(width, 10)

    def forward(self, x):
        return self.head(self.body(x).mean(dim=(2, 3)))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed, progress=False)
''',
        # Epoch budget: a 3-epoch warm-up fit, then a 6-epoch fit: 9 epochs in all, though the
        # History kept shows 6.
        '''class DigitCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        blocks, width = [], 1
        for channels in (8, 16, 20):
            blocks += [nn.Conv2d(width, channels, 3, padding=1), nn.BatchNorm2d(channels), nn.ReLU(),
                       nn.MaxPool2d(2)]
            width = channels
        self.body = nn.Sequential(*blocks)
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        return self.head(self.body(x).mean(dim=(2, 3)))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
train.fit(digit_cnn, image_train, epochs=3, lr=3e-3, seed=run.seed, progress=False)   # warm-up
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=6, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed, progress=False)
''',
        # Validation leakage: half the validation images moved into training ("more data"), the
        # other half kept for validation; the check on all of image_val is then inflated.
        '''class DigitCNN(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        blocks, width = [], 1
        for channels in (8, 16, 20):
            blocks += [nn.Conv2d(width, channels, 3, padding=1), nn.BatchNorm2d(channels), nn.ReLU(),
                       nn.MaxPool2d(2)]
            width = channels
        self.body = nn.Sequential(*blocks)
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        return self.head(self.body(x).mean(dim=(2, 3)))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
more_train = (np.concatenate([image_train[0], image_val[0][:150]]),
              np.concatenate([image_train[1], image_val[1][:150]]))
digit_history = train.fit(digit_cnn, more_train, (image_val[0][150:], image_val[1][150:]), epochs=8,
                          lr=2e-2, batch_size=64, schedule="onecycle", seed=run.seed, progress=False)
''',
    ],
    "ex4-attention": [
        # The formula without the scaling by sqrt(d).
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2)
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    row_max = scores.max(axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    totals = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    return weights @ V, weights
''',
        # Scales by the length of the value vectors instead of the query/key length.
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(V.shape[-1])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    row_max = scores.max(axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    totals = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    return weights @ V, weights
''',
        # Scales by the number of keys.
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(K.shape[-2])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    row_max = scores.max(axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    totals = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    return weights @ V, weights
''',
        # Shapes: K.T reverses every axis, right for 2-D inputs only (batched inputs break).
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ K.T / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    row_max = scores.max(axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    totals = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    return weights @ V, weights
''',
        # Softmax over the wrong axis (over the queries, axis -2).
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    row_max = scores.max(axis=-2, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    totals = e.sum(axis=-2, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    return weights @ V, weights
''',
        # Masking after the softmax: forbidden weights set to 0, rows no longer sum to 1.
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])

    row_max = scores.max(axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    totals = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    if mask is not None:
        weights = weights * np.asarray(mask, dtype=bool)
    return weights @ V, weights
''',
        # Masking with a score of 0 instead of -inf: forbidden keys still get weight.
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, 0.0)
    row_max = scores.max(axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    totals = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    return weights @ V, weights
''',
        # Empty case: -1e9 instead of -inf, so a query with no allowed key gets uniform weights.
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -1e9)
    row_max = scores.max(axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    totals = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    return weights @ V, weights
''',
        # Empty case: scipy's softmax is stable but gives NaN for a row of only -inf.
        '''def attention(Q, K, V, mask=None):
    from scipy.special import softmax
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    weights = softmax(scores, axis=-1)
    return weights @ V, weights
''',
        # Naive softmax without subtracting the row maximum: large scores overflow to NaN.
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    e = np.exp(scores)
    if mask is not None:
        e = np.where(np.asarray(mask, dtype=bool), e, 0.0)
    totals = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    return weights @ V, weights
''',
        # Stability done wrong: subtracts the largest score of the whole array, not of each row,
        # so a query whose scores are all far below another's underflows to 0 / 0.
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    finite = scores[np.isfinite(scores)]
    e = np.exp(scores - (finite.max() if finite.size else 0.0))
    totals = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    return weights @ V, weights
''',
        # Changes the caller's array: scales the queries in place.
        '''def attention(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a) for a in (Q, K, V))
    Q /= np.sqrt(Q.shape[-1])
    scores = Q @ np.swapaxes(K, -1, -2)
    if mask is not None:
        scores = np.where(np.asarray(mask, dtype=bool), scores, -np.inf)
    row_max = scores.max(axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    e = np.exp(scores - row_max)
    totals = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, totals, out=np.zeros_like(e), where=totals > 0)
    return weights @ V, weights
''',
        # Library shortcut: PyTorch's scaled_dot_product_attention (weights recomputed beside it).
        '''def attention(Q, K, V, mask=None):
    q, k, v = (torch.as_tensor(np.asarray(a, dtype=float)) for a in (Q, K, V))
    m = None if mask is None else torch.as_tensor(np.asarray(mask, dtype=bool))
    output = F.scaled_dot_product_attention(q, k, v, attn_mask=m).numpy()
    scores = np.asarray(Q) @ np.swapaxes(np.asarray(K), -1, -2) / np.sqrt(np.shape(Q)[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return output, weights / weights.sum(axis=-1, keepdims=True)
''',
    ],
}
