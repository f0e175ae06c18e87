"""Plausible wrong answers to the exercises of 06-features-vs-representations.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. tests/test_wrong_answers.py runs the notebook, then executes each wrong
source followed by the cell's tests (visible and hidden) and asserts that the tests fail.
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-orientation-histogram": [
        # Counts pixels instead of weighting them by gradient length: the flat background votes for 0°.
        '''def orientation_histogram(image, bins=8):
    gy, gx = np.gradient(np.asarray(image, dtype=float))
    angles = np.degrees(np.arctan2(gy, gx)) % 180
    histogram, _ = np.histogram(angles, bins=bins, range=(0, 180))
    return histogram / histogram.sum()
''',
        # Signed directions: no folding into [0, 180), so edges pointing "down" are lost.
        '''def orientation_histogram(image, bins=8):
    gy, gx = np.gradient(np.asarray(image, dtype=float))
    lengths = np.sqrt(gx ** 2 + gy ** 2)
    angles = np.degrees(np.arctan2(gy, gx))
    histogram, _ = np.histogram(angles, bins=bins, range=(0, 180), weights=lengths)
    total = histogram.sum()
    return histogram / total if total > 0 else np.zeros(bins)
''',
        # Swaps the two derivatives: np.gradient returns the row (y) derivative first.
        '''def orientation_histogram(image, bins=8):
    gx, gy = np.gradient(np.asarray(image, dtype=float))
    lengths = np.sqrt(gx ** 2 + gy ** 2)
    angles = np.degrees(np.arctan2(gy, gx)) % 180
    histogram, _ = np.histogram(angles, bins=bins, range=(0, 180), weights=lengths)
    total = histogram.sum()
    return histogram / total if total > 0 else np.zeros(bins)
''',
        # Radians with a range in degrees: every direction falls in the first bin.
        '''def orientation_histogram(image, bins=8):
    gy, gx = np.gradient(np.asarray(image, dtype=float))
    lengths = np.sqrt(gx ** 2 + gy ** 2)
    angles = np.arctan2(gy, gx) % np.pi
    histogram, _ = np.histogram(angles, bins=bins, range=(0, 180), weights=lengths)
    total = histogram.sum()
    return histogram / total if total > 0 else np.zeros(bins)
''',
        # Forgets to normalise: the histogram grows with the contrast and the size of the digit.
        '''def orientation_histogram(image, bins=8):
    gy, gx = np.gradient(np.asarray(image, dtype=float))
    lengths = np.sqrt(gx ** 2 + gy ** 2)
    angles = np.degrees(np.arctan2(gy, gx)) % 180
    histogram, _ = np.histogram(angles, bins=bins, range=(0, 180), weights=lengths)
    return histogram
''',
        # Divides by the sum without checking: a blank image gives NaN.
        '''def orientation_histogram(image, bins=8):
    gy, gx = np.gradient(np.asarray(image, dtype=float))
    lengths = np.sqrt(gx ** 2 + gy ** 2)
    angles = np.degrees(np.arctan2(gy, gx)) % 180
    histogram, _ = np.histogram(angles, bins=bins, range=(0, 180), weights=lengths)
    with np.errstate(invalid="ignore"):
        return histogram / histogram.sum()
''',
    ],
    "ex2-extract-embeddings": [
        # Forgets model.eval(): batch normalisation uses each batch's statistics and updates its averages.
        '''def extract_embeddings(model, images, batch_size=256):
    pieces = []
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            batch = torch.as_tensor(np.asarray(images[start:start + batch_size]), dtype=torch.float32)
            pieces.append(model.features(batch).numpy())
    return np.concatenate(pieces)
''',
        # The class scores model(x) instead of the embedding model.features(x).
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    pieces = []
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            batch = torch.as_tensor(np.asarray(images[start:start + batch_size]), dtype=torch.float32)
            pieces.append(model(batch).numpy())
    return np.concatenate(pieces)
''',
        # Keeps only the last batch (overwrites instead of collecting).
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            batch = torch.as_tensor(np.asarray(images[start:start + batch_size]), dtype=torch.float32)
            embeddings = model.features(batch).numpy()
    return embeddings
''',
        # The last block's maps flattened, without the global average pooling.
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    pieces = []
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            batch = torch.as_tensor(np.asarray(images[start:start + batch_size]), dtype=torch.float32)
            pieces.append(model.feature_maps(batch)[-1].flatten(1).numpy())
    return np.concatenate(pieces)
''',
        # Returns a PyTorch tensor instead of a NumPy array.
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    with torch.no_grad():
        return torch.cat([model.features(torch.as_tensor(np.asarray(images[start:start + batch_size]),
                                                         dtype=torch.float32))
                          for start in range(0, len(images), batch_size)])
''',
    ],
    "ex4-freeze-body": [
        # Freezes everything, the head included: nothing left to train.
        '''def freeze_body(model):
    for parameter in model.parameters():
        parameter.requires_grad = False
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
''',
        # Freezes only the convolutions: the batch-normalisation weights still train.
        '''def freeze_body(model):
    for module in model.modules():
        if isinstance(module, nn.Conv2d):
            for parameter in module.parameters():
                parameter.requires_grad = False
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
''',
        # Freezes correctly but returns the total number of parameters.
        '''def freeze_body(model):
    for name, parameter in model.named_parameters():
        parameter.requires_grad = name.startswith("head.")
    return sum(p.numel() for p in model.parameters())
''',
        # model.eval() is not freezing: requires_grad does not change.
        '''def freeze_body(model):
    model.eval()
    return sum(p.numel() for p in model.head.parameters())
''',
        # Freezes the head and leaves the body trainable (the wrong way round).
        '''def freeze_body(model):
    for parameter in model.head.parameters():
        parameter.requires_grad = False
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
''',
        # Freezes the body but never switches the head back on if it had been frozen.
        '''def freeze_body(model):
    for name, parameter in model.named_parameters():
        if not name.startswith("head."):
            parameter.requires_grad = False
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
''',
    ],
    "ex5-churn-features": [
        # Adds the columns to the caller's DataFrame (no copy).
        '''def add_churn_features(X):
    X["calls_per_year"] = X["support_calls"] / X["tenure_months"] * 12
    X["new_month_to_month"] = ((X["contract"] == "month-to-month") & (X["tenure_months"] < 12)).astype(int)
    X["unhappy_caller"] = ((X["support_calls"] >= 4) & (X["satisfaction"] <= 6)).astype(int)
    X["fiber_high_bill"] = ((X["internet_service"] == "fiber optic") & (X["monthly_charges"] > 85)).astype(int)
    return X
''',
        # "Below 12" read as "12 or less".
        '''def add_churn_features(X):
    X = X.copy()
    X["calls_per_year"] = X["support_calls"] / X["tenure_months"] * 12
    X["new_month_to_month"] = ((X["contract"] == "month-to-month") & (X["tenure_months"] <= 12)).astype(int)
    X["unhappy_caller"] = ((X["support_calls"] >= 4) & (X["satisfaction"] <= 6)).astype(int)
    X["fiber_high_bill"] = ((X["internet_service"] == "fiber optic") & (X["monthly_charges"] > 85)).astype(int)
    return X
''',
        # Missing satisfaction filled with 0 first: every unsurveyed frequent caller becomes "unhappy".
        '''def add_churn_features(X):
    X = X.copy()
    X["calls_per_year"] = X["support_calls"] / X["tenure_months"] * 12
    X["new_month_to_month"] = ((X["contract"] == "month-to-month") & (X["tenure_months"] < 12)).astype(int)
    X["unhappy_caller"] = ((X["support_calls"] >= 4) & (X["satisfaction"].fillna(0) <= 6)).astype(int)
    X["fiber_high_bill"] = ((X["internet_service"] == "fiber optic") & (X["monthly_charges"] > 85)).astype(int)
    return X
''',
        # Calls per month instead of per year.
        '''def add_churn_features(X):
    X = X.copy()
    X["calls_per_year"] = X["support_calls"] / X["tenure_months"]
    X["new_month_to_month"] = ((X["contract"] == "month-to-month") & (X["tenure_months"] < 12)).astype(int)
    X["unhappy_caller"] = ((X["support_calls"] >= 4) & (X["satisfaction"] <= 6)).astype(int)
    X["fiber_high_bill"] = ((X["internet_service"] == "fiber optic") & (X["monthly_charges"] > 85)).astype(int)
    return X
''',
        # "4 or more calls" read as "more than 4".
        '''def add_churn_features(X):
    X = X.copy()
    X["calls_per_year"] = X["support_calls"] / X["tenure_months"] * 12
    X["new_month_to_month"] = ((X["contract"] == "month-to-month") & (X["tenure_months"] < 12)).astype(int)
    X["unhappy_caller"] = ((X["support_calls"] > 4) & (X["satisfaction"] <= 6)).astype(int)
    X["fiber_high_bill"] = ((X["internet_service"] == "fiber optic") & (X["monthly_charges"] > 85)).astype(int)
    return X
''',
        # Returns only the four new columns.
        '''def add_churn_features(X):
    return pd.DataFrame({
        "calls_per_year": X["support_calls"] / X["tenure_months"] * 12,
        "new_month_to_month": ((X["contract"] == "month-to-month") & (X["tenure_months"] < 12)).astype(int),
        "unhappy_caller": ((X["support_calls"] >= 4) & (X["satisfaction"] <= 6)).astype(int),
        "fiber_high_bill": ((X["internet_service"] == "fiber optic") & (X["monthly_charges"] > 85)).astype(int),
    }, index=X.index)
''',
    ],
}
