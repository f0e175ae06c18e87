"""Independent wrong answers for 05-deep-architectures, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-conv2d": [
        # output array takes the image's dtype: an integer image gives integer outputs, decimals cut off
        '''def conv2d(image, kernel):
    """Valid 2-D cross-correlation with stride 1 (what deep-learning libraries call convolution)."""
    H, W = image.shape
    kh, kw = kernel.shape
    out = np.zeros((H - kh + 1, W - kw + 1), dtype=image.dtype)
    for i in range(H - kh + 1):
        for j in range(W - kw + 1):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out
''',
        # cuts the windows with PyTorch's Tensor.unfold (a sliding-window view) instead of writing the loops
        '''def conv2d(image, kernel):
    """Valid 2-D cross-correlation with stride 1 (what deep-learning libraries call convolution)."""
    kh, kw = kernel.shape
    windows = torch.as_tensor(np.asarray(image, dtype=float)).unfold(0, kh, 1).unfold(1, kw, 1)   # (oh, ow, kh, kw)
    return np.einsum("ijuv,uv->ij", windows.numpy(), np.asarray(kernel, dtype=float))
''',
        # accumulates in float32 "to match PyTorch": results rounded to single precision
        '''def conv2d(image, kernel):
    """Valid 2-D cross-correlation with stride 1 (what deep-learning libraries call convolution)."""
    H, W = image.shape
    kh, kw = kernel.shape
    out = np.zeros((H - kh + 1, W - kw + 1), dtype=np.float32)
    for i in range(H - kh + 1):
        for j in range(W - kw + 1):
            out[i, j] = np.sum(image[i:i + kh, j:j + kw] * kernel)
    return out
''',
        # the convolution theorem with NumPy's FFT instead of the convolution's loops
        '''def conv2d(image, kernel):
    """Valid 2-D cross-correlation with stride 1 (what deep-learning libraries call convolution)."""
    H, W = image.shape
    kh, kw = kernel.shape
    spectrum = np.fft.fft2(image) * np.conj(np.fft.fft2(kernel, s=(H, W)))   # correlation = product with the conjugate
    return np.real(np.fft.ifft2(spectrum))[:H - kh + 1, :W - kw + 1]
''',
    ],
    "ex2-max-pool": [
        # running maximum started at 0: a window of negative values gives 0
        '''def max_pool2d(feature_map, size=2):
    """Non-overlapping size × size max-pooling; incomplete windows at the edges are dropped."""
    H, W = feature_map.shape
    out = np.zeros((H // size, W // size))
    for i in range(H // size):
        for j in range(W // size):
            best = 0.0
            for u in range(size):
                for v in range(size):
                    best = max(best, feature_map[i * size + u, j * size + v])
            out[i, j] = best
    return out
''',
        # window size hard-coded to 2 (the only size the visible tests use): the size argument is ignored
        '''def max_pool2d(feature_map, size=2):
    """Non-overlapping size × size max-pooling; incomplete windows at the edges are dropped."""
    H, W = feature_map.shape
    out = np.zeros((H // 2, W // 2))
    for i in range(H // 2):
        for j in range(W // 2):
            out[i, j] = feature_map[2 * i:2 * i + 2, 2 * j:2 * j + 2].max()
    return out
''',
        # output in the input's dtype: an integer map gives an integer array, not floats
        '''def max_pool2d(feature_map, size=2):
    """Non-overlapping size × size max-pooling; incomplete windows at the edges are dropped."""
    H, W = feature_map.shape
    out = np.zeros_like(feature_map[:H // size, :W // size])
    for i in range(H // size):
        for j in range(W // size):
            out[i, j] = feature_map[i * size:(i + 1) * size, j * size:(j + 1) * size].max()
    return out
''',
        # PyTorch's 1-D max-pooling along the rows, then along the columns, instead of writing the pooling
        '''def max_pool2d(feature_map, size=2):
    """Non-overlapping size × size max-pooling; incomplete windows at the edges are dropped."""
    x = torch.as_tensor(np.asarray(feature_map, dtype=float))
    rows = F.max_pool1d(x[None], kernel_size=size)[0]              # (H, W // size)
    both = F.max_pool1d(rows.T[None], kernel_size=size)[0].T        # (H // size, W // size)
    return both.numpy()
''',
        # nested list comprehensions: a map smaller than one window gives shape (0,) instead of (0, W // size)
        '''def max_pool2d(feature_map, size=2):
    """Non-overlapping size × size max-pooling; incomplete windows at the edges are dropped."""
    H, W = feature_map.shape
    return np.array([[float(feature_map[i:i + size, j:j + size].max())
                      for j in range(0, W - size + 1, size)]
                     for i in range(0, H - size + 1, size)])
''',
    ],
    "ex3-digit-cnn": [
        # convolutions without padding: 32 x 32 and 24 x 40 work, but a 16 x 16 image shrinks to nothing in the third block
        '''class DigitCNN(nn.Module):
    """A small CNN for grey images (N, 1, H, W) of any size from 16 × 16; at most 5,000 parameters."""

    def __init__(self, n_classes=10):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 8, 3), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 20, 3), nn.BatchNorm2d(20), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Linear(20, n_classes)

    def forward(self, x):
        return self.head(self.body(x).mean(dim=(2, 3)))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed)
print(f"DigitCNN: {train.count_parameters(digit_cnn):,} parameters, "
      f"validation accuracy {digit_history.last['val_acc']:.1%} after {len(digit_history)} epochs")
''',
        # the last layer has 10 outputs hard-coded: DigitCNN(n_classes=3) still returns 10 logits
        '''class DigitCNN(nn.Module):
    """A small CNN for grey images (N, 1, H, W) of any size from 16 × 16; at most 5,000 parameters."""

    def __init__(self, n_classes=10):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 20, 3, padding=1), nn.BatchNorm2d(20), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Linear(20, 10)            # ten digits

    def forward(self, x):
        return self.head(self.body(x).mean(dim=(2, 3)))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed)
print(f"DigitCNN: {train.count_parameters(digit_cnn):,} parameters, "
      f"validation accuracy {digit_history.last['val_acc']:.1%} after {len(digit_history)} epochs")
''',
        # the batch-normalisation layers kept in a plain Python list: not registered, so .to(device) and .eval() never reach them
        '''class DigitCNN(nn.Module):
    """A small CNN for grey images (N, 1, H, W) of any size from 16 × 16; at most 5,000 parameters."""

    def __init__(self, n_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.conv3 = nn.Conv2d(16, 24, 3, padding=1)
        self.norms = [nn.BatchNorm2d(8), nn.BatchNorm2d(16), nn.BatchNorm2d(24)]
        self.head = nn.Linear(24, n_classes)

    def forward(self, x):
        for conv, norm in zip([self.conv1, self.conv2, self.conv3], self.norms):
            x = F.max_pool2d(F.relu(norm(conv(x))), 2)
        return self.head(x.mean(dim=(2, 3)))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed)
print(f"DigitCNN: {train.count_parameters(digit_cnn):,} parameters, "
      f"validation accuracy {digit_history.last['val_acc']:.1%} after {len(digit_history)} epochs")
''',
        # squeeze() to drop the pooled 1 x 1 axes: a batch of one image gives logits of shape (10,), not (1, 10)
        '''class DigitCNN(nn.Module):
    """A small CNN for grey images (N, 1, H, W) of any size from 16 × 16; at most 5,000 parameters."""

    def __init__(self, n_classes=10):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 20, 3, padding=1), nn.BatchNorm2d(20), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Linear(20, n_classes)

    def forward(self, x):
        return self.head(self.pool(self.body(x)).squeeze())


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed)
print(f"DigitCNN: {train.count_parameters(digit_cnn):,} parameters, "
      f"validation accuracy {digit_history.last['val_acc']:.1%} after {len(digit_history)} epochs")
''',
        # trains 8 epochs, then 4 more with a second train.fit: 12 epochs in all, though the last history shows only 4
        '''class DigitCNN(nn.Module):
    """A small CNN for grey images (N, 1, H, W) of any size from 16 × 16; at most 5,000 parameters."""

    def __init__(self, n_classes=10):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 20, 3, padding=1), nn.BatchNorm2d(20), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Linear(20, n_classes)

    def forward(self, x):
        return self.head(self.body(x).mean(dim=(2, 3)))


torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed)
digit_history = train.fit(digit_cnn, image_train, image_val, epochs=4, lr=2e-3, batch_size=64,
                          seed=run.seed)           # a few more epochs at a lower rate, to polish
print(f"DigitCNN: {train.count_parameters(digit_cnn):,} parameters, "
      f"validation accuracy {digit_history.last['val_acc']:.1%} after {len(digit_history)} epochs")
''',
        # trains on the training AND the validation images: the 70 % check is then scored on images it learned from
        '''class DigitCNN(nn.Module):
    """A small CNN for grey images (N, 1, H, W) of any size from 16 × 16; at most 5,000 parameters."""

    def __init__(self, n_classes=10):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 20, 3, padding=1), nn.BatchNorm2d(20), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.head = nn.Linear(20, n_classes)

    def forward(self, x):
        return self.head(self.body(x).mean(dim=(2, 3)))


all_labelled = (np.concatenate([image_train[0], image_val[0]]), np.concatenate([image_train[1], image_val[1]]))
torch.manual_seed(run.seed)
digit_cnn = DigitCNN()
digit_history = train.fit(digit_cnn, all_labelled, image_val, epochs=8, lr=2e-2, batch_size=64,
                          schedule="onecycle", seed=run.seed)   # more data is better
print(f"DigitCNN: {train.count_parameters(digit_cnn):,} parameters, "
      f"validation accuracy {digit_history.last['val_acc']:.1%} after {len(digit_history)} epochs")
''',
    ],
    "ex4-attention": [
        # K.T reverses every axis: right for 2-D arrays, wrong as soon as there are leading axes (signals, heads)
        '''def attention(Q, K, V, mask=None):
    """Scaled dot-product attention: (softmax(Q Kᵀ / √d) V, the weights), with an optional boolean mask."""
    d = Q.shape[-1]
    scores = Q @ K.T / np.sqrt(d)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    top = scores.max(axis=-1, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    e = np.exp(scores - top)
    total = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
    return weights @ V, weights
''',
        # softmax over axis=1 (the keys' axis of a 2-D score matrix): the queries' axis once there are leading axes
        '''def attention(Q, K, V, mask=None):
    """Scaled dot-product attention: (softmax(Q Kᵀ / √d) V, the weights), with an optional boolean mask."""
    d = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    top = scores.max(axis=1, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    e = np.exp(scores - top)
    total = e.sum(axis=1, keepdims=True)
    weights = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
    return weights @ V, weights
''',
        # softmax without subtracting the row maximum: scores of several hundred overflow to inf/NaN
        '''def attention(Q, K, V, mask=None):
    """Scaled dot-product attention: (softmax(Q Kᵀ / √d) V, the weights), with an optional boolean mask."""
    d = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d)
    e = np.exp(scores)
    if mask is not None:
        e = np.where(mask, e, 0.0)
    total = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
    return weights @ V, weights
''',
        # forbidden scores set to -1e9 (the PyTorch habit): a query with no allowed key gets uniform weights, not zeros
        '''def attention(Q, K, V, mask=None):
    """Scaled dot-product attention: (softmax(Q Kᵀ / √d) V, the weights), with an optional boolean mask."""
    d = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d)
    if mask is not None:
        scores = np.where(mask, scores, -1e9)
    scores = scores - scores.max(axis=-1, keepdims=True)
    e = np.exp(scores)
    weights = e / e.sum(axis=-1, keepdims=True)
    return weights @ V, weights
''',
        # scales the keys in place (K /= √d): the caller's K is changed
        '''def attention(Q, K, V, mask=None):
    """Scaled dot-product attention: (softmax(Q Kᵀ / √d) V, the weights), with an optional boolean mask."""
    d = Q.shape[-1]
    K /= np.sqrt(d)
    scores = Q @ np.swapaxes(K, -1, -2)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    top = scores.max(axis=-1, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    e = np.exp(scores - top)
    total = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
    return weights @ V, weights
''',
        # masks by boolean indexing (scores[~mask] = -inf): a mask that only broadcasts to the scores fails
        '''def attention(Q, K, V, mask=None):
    """Scaled dot-product attention: (softmax(Q Kᵀ / √d) V, the weights), with an optional boolean mask."""
    d = Q.shape[-1]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d)
    if mask is not None:
        scores[~np.asarray(mask)] = -np.inf
    top = scores.max(axis=-1, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)
    e = np.exp(scores - top)
    total = e.sum(axis=-1, keepdims=True)
    weights = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
    return weights @ V, weights
''',
    ],
}
