"""Independent wrong answers for 06-features-vs-representations, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-orientation-histogram": [
        # counts edge pixels instead of weighting by gradient length
        '''def orientation_histogram(image, bins=8):
    """Histogram of edge directions (0–180°) over the whole image, weighted by edge strength, summing to 1."""
    image = np.asarray(image, dtype=float)
    gy, gx = np.gradient(image)
    magnitude = np.sqrt(gx ** 2 + gy ** 2)
    angle = np.degrees(np.arctan2(gy, gx)) % 180
    on_edge = magnitude > 0                      # only the pixels that are on an edge vote, one vote each
    hist, _ = np.histogram(angle[on_edge], bins=bins, range=(0, 180))
    hist = hist.astype(float)
    total = hist.sum()
    if total == 0:
        return np.zeros(bins)
    return hist / total
''',
        # weights by squared gradient length
        '''def orientation_histogram(image, bins=8):
    """Histogram of edge directions (0–180°) over the whole image, weighted by edge strength, summing to 1."""
    image = np.asarray(image, dtype=float)
    gy, gx = np.gradient(image)
    strength = gx ** 2 + gy ** 2                 # the squared length: no need for the square root
    angle = np.degrees(np.arctan2(gy, gx)) % 180
    hist, _ = np.histogram(angle, bins=bins, range=(0, 180), weights=strength)
    total = hist.sum()
    if total == 0:
        return np.zeros(bins)
    return hist / total
''',
        # folds only negative angles: exactly 180 (edge bright-to-dark along x) lands in the last bin instead of the first
        '''def orientation_histogram(image, bins=8):
    """Histogram of edge directions (0–180°) over the whole image, weighted by edge strength, summing to 1."""
    image = np.asarray(image, dtype=float)
    gy, gx = np.gradient(image)
    magnitude = np.sqrt(gx ** 2 + gy ** 2)
    angle = np.degrees(np.arctan2(gy, gx))
    angle = np.where(angle < 0, angle + 180, angle)    # -90 -> 90, -45 -> 135
    hist, _ = np.histogram(angle, bins=bins, range=(0, 180), weights=magnitude)
    total = hist.sum()
    if total == 0:
        return np.zeros(bins)
    return hist / total
''',
        # rounds to the nearest bin instead of flooring (bins centred on their left edge)
        '''def orientation_histogram(image, bins=8):
    """Histogram of edge directions (0–180°) over the whole image, weighted by edge strength, summing to 1."""
    image = np.asarray(image, dtype=float)
    gy, gx = np.gradient(image)
    magnitude = np.sqrt(gx ** 2 + gy ** 2)
    angle = np.degrees(np.arctan2(gy, gx)) % 180
    width = 180 / bins
    index = np.round(angle / width).astype(int) % bins     # nearest bin; 180 wraps to 0
    hist = np.zeros(bins)
    np.add.at(hist, index.ravel(), magnitude.ravel())
    total = hist.sum()
    if total == 0:
        return np.zeros(bins)
    return hist / total
''',
        # tests "blank" on the pixels (all zero) instead of on the edges: a uniform grey image gives 0/0 = NaN
        '''def orientation_histogram(image, bins=8):
    """Histogram of edge directions (0–180°) over the whole image, weighted by edge strength, summing to 1."""
    image = np.asarray(image, dtype=float)
    if not image.any():                          # a blank image: nothing to describe
        return np.zeros(bins)
    gy, gx = np.gradient(image)
    magnitude = np.sqrt(gx ** 2 + gy ** 2)
    angle = np.degrees(np.arctan2(gy, gx)) % 180
    hist, _ = np.histogram(angle, bins=bins, range=(0, 180), weights=magnitude)
    return hist / hist.sum()
''',
        # rescales 0-255 images to [0, 1] in place: changes the caller's image
        '''def orientation_histogram(image, bins=8):
    """Histogram of edge directions (0–180°) over the whole image, weighted by edge strength, summing to 1."""
    if image.max() > 1:
        image /= 255.0                           # grey values of 0-255 back to [0, 1]
    gy, gx = np.gradient(image)
    magnitude = np.sqrt(gx ** 2 + gy ** 2)
    angle = np.degrees(np.arctan2(gy, gx)) % 180
    hist, _ = np.histogram(angle, bins=bins, range=(0, 180), weights=magnitude)
    total = hist.sum()
    if total == 0:
        return np.zeros(bins)
    return hist / total
''',
    ],
    "ex2-extract-embeddings": [
        # converts each batch with torch.as_tensor but no dtype: float64 images reach the float32 network
        '''def extract_embeddings(model, images, batch_size=256):
    """The penultimate-layer embeddings model.features(x) of a stack of images, as a float32 array (N, D)."""
    model.eval()
    device = next(model.parameters()).device
    pieces = []
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            batch = torch.as_tensor(images[start:start + batch_size]).to(device)
            pieces.append(model.features(batch).cpu().numpy())
    return np.concatenate(pieces)
''',
        # returns float64 (the "safe" NumPy default) instead of float32
        '''def extract_embeddings(model, images, batch_size=256):
    """The penultimate-layer embeddings model.features(x) of a stack of images, as a float32 array (N, D)."""
    model.eval()
    device = next(model.parameters()).device
    pieces = []
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            batch = torch.as_tensor(images[start:start + batch_size], dtype=torch.float32).to(device)
            pieces.append(model.features(batch).cpu().numpy())
    return np.concatenate(pieces).astype(float)
''',
        # number of batches len // batch_size + 1: an extra, empty batch when the stack is an exact multiple
        '''def extract_embeddings(model, images, batch_size=256):
    """The penultimate-layer embeddings model.features(x) of a stack of images, as a float32 array (N, D)."""
    model.eval()
    device = next(model.parameters()).device
    pieces = []
    n_batches = len(images) // batch_size + 1
    with torch.no_grad():
        for b in range(n_batches):
            batch = images[b * batch_size:(b + 1) * batch_size]
            batch = torch.as_tensor(batch, dtype=torch.float32).to(device)
            pieces.append(model.features(batch).cpu().numpy())
    return np.concatenate(pieces)
''',
        # switches gradients off globally and never switches them back on
        '''def extract_embeddings(model, images, batch_size=256):
    """The penultimate-layer embeddings model.features(x) of a stack of images, as a float32 array (N, D)."""
    torch.set_grad_enabled(False)                 # no gradients needed for inference
    model.eval()
    device = next(model.parameters()).device
    pieces = []
    for start in range(0, len(images), batch_size):
        batch = torch.as_tensor(images[start:start + batch_size], dtype=torch.float32).to(device)
        pieces.append(model.features(batch).cpu().numpy())
    return np.concatenate(pieces)
''',
        # moves the whole stack to the device at once, then slices it (the stack must fit on the GPU)
        '''def extract_embeddings(model, images, batch_size=256):
    """The penultimate-layer embeddings model.features(x) of a stack of images, as a float32 array (N, D)."""
    model.eval()
    device = next(model.parameters()).device
    everything = torch.as_tensor(np.asarray(images), dtype=torch.float32).to(device)
    pieces = []
    with torch.no_grad():
        for start in range(0, len(everything), batch_size):
            pieces.append(model.features(everything[start:start + batch_size]).cpu().numpy())
    return np.concatenate(pieces)
''',
        # squeezes the result "to be safe": one image gives shape (D,) instead of (1, D)
        '''def extract_embeddings(model, images, batch_size=256):
    """The penultimate-layer embeddings model.features(x) of a stack of images, as a float32 array (N, D)."""
    model.eval()
    device = next(model.parameters()).device
    pieces = []
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            batch = torch.as_tensor(images[start:start + batch_size], dtype=torch.float32).to(device)
            pieces.append(model.features(batch).cpu().numpy())
    return np.concatenate(pieces).squeeze()
''',
    ],
    "ex4-freeze-body": [
        # freezes the body but never sets the head back to trainable: a head frozen before the call stays frozen
        '''def freeze_body(model):
    """Freeze every parameter except those of model.head; return the number of trainable values."""
    for name, parameter in model.named_parameters():
        if not name.startswith("head."):
            parameter.requires_grad = False
    return int(sum(p.numel() for p in model.parameters() if p.requires_grad))
''',
        # unfreezes only the head's weight: a previously frozen head bias stays frozen
        '''def freeze_body(model):
    """Freeze every parameter except those of model.head; return the number of trainable values."""
    for parameter in model.blocks.parameters():
        parameter.requires_grad = False
    model.head.weight.requires_grad = True
    return int(sum(p.numel() for p in model.parameters() if p.requires_grad))
''',
        # counts the head's values with 10 classes hard-coded (the visible example), not from the model
        '''def freeze_body(model):
    """Freeze every parameter except those of model.head; return the number of trainable values."""
    for name, parameter in model.named_parameters():
        parameter.requires_grad = name.startswith("head.")
    return int(model.channels[-1] * 10 + 10)
''',
        # puts the model back in training mode at the end, whatever mode it was in before
        '''def freeze_body(model):
    """Freeze every parameter except those of model.head; return the number of trainable values."""
    model.eval()
    for name, parameter in model.named_parameters():
        parameter.requires_grad = name.startswith("head.")
    model.train()
    return int(sum(p.numel() for p in model.parameters() if p.requires_grad))
''',
        # counts the trainable values before the head is (re)enabled: wrong count when the head was frozen before
        '''def freeze_body(model):
    """Freeze every parameter except those of model.head; return the number of trainable values."""
    for parameter in model.blocks.parameters():
        parameter.requires_grad = False
    trainable = int(sum(p.numel() for p in model.parameters() if p.requires_grad))
    model.head.requires_grad_(True)
    return trainable
''',
    ],
    "ex5-engineer": [
        # fills the missing satisfaction with the median of df: a customer's feature depends on who else is in the table
        '''def engineer(df):
    """A copy of the churn table with features of each customer added after its columns."""
    df = df.copy()
    satisfaction = df["satisfaction"].fillna(df["satisfaction"].median())   # unsurveyed: a typical score
    df["satisfaction_filled"] = satisfaction
    df["calls_unhappy"] = ((df["support_calls"] >= 4) & (satisfaction <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    return df
''',
        # clips the calls-per-year rate at df's own 1st and 99th percentiles: depends on the other customers
        '''def engineer(df):
    """A copy of the churn table with features of each customer added after its columns."""
    df = df.copy()
    df["calls_unhappy"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    rate = df["support_calls"] / (df["tenure_months"] / 12)
    low, high = rate.quantile(0.01), rate.quantile(0.99)        # tame the outliers
    df["calls_per_year"] = rate.clip(low, high)
    return df
''',
        # calls per year of tenure divides by the tenure: infinity for a customer who joined this month (tenure 0)
        '''def engineer(df):
    """A copy of the churn table with features of each customer added after its columns."""
    df = df.copy()
    df["calls_unhappy"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    df["calls_per_year"] = df["support_calls"] / (df["tenure_months"] / 12)
    return df
''',
        # a gradient-boosting model fitted on all 3,000 labelled customers (test ones included) as a feature: uses the labels
        '''_churn_model = HistGradientBoostingClassifier(random_state=0).fit(X_churn, y_churn)


def engineer(df):
    """A copy of the churn table with features of each customer added after its columns."""
    df = df.copy()
    if len(df):
        df["churn_risk"] = _churn_model.predict_proba(df[X_churn.columns])[:, 1]
    else:
        df["churn_risk"] = np.zeros(0)
    return df
''',
        # the fiber bill threshold a few units off where churn jumps (80 instead of ~85): just clears 1.5 points on the visible split only
        '''def engineer(df):
    """A copy of the churn table with features of each customer added after its columns."""
    df = df.copy()
    df["calls_unhappy"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 80)).astype(int)
    return df
''',
        # stops adding rules as soon as the visible check passes: calls-and-unhappy plus "very unhappy" gain 1.5 points only on the visible customers
        '''def engineer(df):
    """A copy of the churn table with features of each customer added after its columns."""
    df = df.copy()
    df["calls_unhappy"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["very_unhappy"] = (df["satisfaction"] <= 3).astype(int)
    return df
''',
    ],
}
