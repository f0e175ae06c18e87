"""Plausible wrong answers to the exercises of 06-features-vs-representations.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
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
        # Class: a library shortcut where the task says "by hand" — skimage's hog over one cell the size
        # of the image (also interpolates between bins and normalises differently).
        '''def orientation_histogram(image, bins=8):
    image = np.asarray(image, dtype=float)
    counts = hog(image, orientations=bins, pixels_per_cell=image.shape, cells_per_block=(1, 1),
                 block_norm="L1", feature_vector=True)
    total = counts.sum()
    return counts / total if total > 0 else np.zeros(bins)
''',
        # Class: prescribed procedure — folds with abs() instead of % 180: -45° becomes 45°, not 135°.
        '''def orientation_histogram(image, bins=8):
    gy, gx = np.gradient(np.asarray(image, dtype=float))
    lengths = np.sqrt(gx ** 2 + gy ** 2)
    angles = np.abs(np.degrees(np.arctan2(gy, gx)))
    histogram, _ = np.histogram(angles, bins=bins, range=(0, 180), weights=lengths)
    total = histogram.sum()
    return histogram / total if total > 0 else np.zeros(bins)
''',
        # Class: wrong angle range — directions over 0–360° (no folding), bins over 0–360°.
        '''def orientation_histogram(image, bins=8):
    gy, gx = np.gradient(np.asarray(image, dtype=float))
    lengths = np.sqrt(gx ** 2 + gy ** 2)
    angles = np.degrees(np.arctan2(gy, gx)) % 360
    histogram, _ = np.histogram(angles, bins=bins, range=(0, 360), weights=lengths)
    total = histogram.sum()
    return histogram / total if total > 0 else np.zeros(bins)
''',
        # Class: boundary arithmetic — bins off by one: `bins` edges make bins - 1 bins.
        '''def orientation_histogram(image, bins=8):
    gy, gx = np.gradient(np.asarray(image, dtype=float))
    lengths = np.sqrt(gx ** 2 + gy ** 2)
    angles = np.degrees(np.arctan2(gy, gx)) % 180
    histogram, _ = np.histogram(angles, bins=np.linspace(0, 180, bins), weights=lengths)
    total = histogram.sum()
    return histogram / total if total > 0 else np.zeros(len(histogram))
''',
        # Class: boundary arithmetic — hand-made bins closed on the right (ceil): 45° lands in the first of
        # four bins instead of the second.
        '''def orientation_histogram(image, bins=8):
    gy, gx = np.gradient(np.asarray(image, dtype=float))
    lengths = np.sqrt(gx ** 2 + gy ** 2)
    angles = np.degrees(np.arctan2(gy, gx)) % 180
    which = np.clip(np.ceil(angles / (180 / bins)).astype(int) - 1, 0, bins - 1)
    histogram = np.bincount(which.ravel(), weights=lengths.ravel(), minlength=bins)
    total = histogram.sum()
    return histogram / total if total > 0 else np.zeros(bins)
''',
        # Class: aggregation choice — weights by the squared gradient length.
        '''def orientation_histogram(image, bins=8):
    gy, gx = np.gradient(np.asarray(image, dtype=float))
    angles = np.degrees(np.arctan2(gy, gx)) % 180
    histogram, _ = np.histogram(angles, bins=bins, range=(0, 180), weights=gx ** 2 + gy ** 2)
    total = histogram.sum()
    return histogram / total if total > 0 else np.zeros(bins)
''',
        # Class: mutating the input — "cleans" faint pixels of the caller's image in place.
        '''def orientation_histogram(image, bins=8):
    image = np.asarray(image)
    image[image < 0.2] = 0
    gy, gx = np.gradient(image.astype(float))
    lengths = np.sqrt(gx ** 2 + gy ** 2)
    angles = np.degrees(np.arctan2(gy, gx)) % 180
    histogram, _ = np.histogram(angles, bins=bins, range=(0, 180), weights=lengths)
    total = histogram.sum()
    return histogram / total if total > 0 else np.zeros(bins)
''',
        # Class: zero-division / empty case — "no edge" tested on the pixels (no ink), not on the gradients:
        # a uniformly grey image has no edge either, and gives 0 / 0 = NaN.
        '''def orientation_histogram(image, bins=8):
    pixels = np.asarray(image, dtype=float)
    if np.count_nonzero(pixels) == 0:
        return np.zeros(bins)
    gy, gx = np.gradient(pixels)
    angles = np.degrees(np.arctan2(gy, gx)) % 180
    counts, _ = np.histogram(angles, bins=bins, range=(0, 180), weights=np.hypot(gx, gy))
    return counts / counts.sum()
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
        # Class: PyTorch habit — .detach() instead of torch.no_grad(): gradients are recorded first.
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    device = next(model.parameters()).device
    pieces = []
    for start in range(0, len(images), batch_size):
        batch = torch.as_tensor(np.asarray(images[start:start + batch_size]), dtype=torch.float32).to(device)
        pieces.append(model.features(batch).detach().cpu().numpy())
    return np.concatenate(pieces).astype(np.float32)
''',
        # Class: PyTorch habit — the batches are not moved to the model's device.
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    pieces = []
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            batch = torch.as_tensor(np.asarray(images[start:start + batch_size]), dtype=torch.float32)
            pieces.append(model.features(batch).cpu().numpy())
    return np.concatenate(pieces).astype(np.float32)
''',
        # Class: PyTorch habit — the result is not brought back with .cpu() (fails on a GPU).
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    device = next(model.parameters()).device
    pieces = []
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            batch = torch.as_tensor(np.asarray(images[start:start + batch_size]), dtype=torch.float32)
            pieces.append(model.features(batch.to(device)).numpy())
    return np.concatenate(pieces).astype(np.float32)
''',
        # Class: the prescribed procedure — the whole stack in one batch (batch_size ignored).
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    device = next(model.parameters()).device
    with torch.no_grad():
        batch = torch.as_tensor(np.asarray(images), dtype=torch.float32).to(device)
        return model.features(batch).cpu().numpy().astype(np.float32)
''',
        # Class: boundary arithmetic — the last, smaller batch is dropped.
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    device = next(model.parameters()).device
    pieces = []
    with torch.no_grad():
        for start in range(0, len(images) - batch_size + 1, batch_size):
            batch = torch.as_tensor(np.asarray(images[start:start + batch_size]), dtype=torch.float32)
            pieces.append(model.features(batch.to(device)).cpu().numpy())
    return np.concatenate(pieces).astype(np.float32)
''',
        # Class: global state — enters torch.no_grad() by hand and never leaves it: gradients stay off
        # for the rest of the notebook.
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    device = next(model.parameters()).device
    torch.no_grad().__enter__()
    out = []
    for i in range(0, len(images), batch_size):
        x = torch.tensor(np.asarray(images[i:i + batch_size]), dtype=torch.float32).to(device)
        out.append(model.features(x).cpu().numpy())
    return np.concatenate(out)
''',
        # Class: the prescribed procedure (memory) — the whole stack goes to the device, then is split there.
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    device = next(model.parameters()).device
    stack = torch.from_numpy(np.asarray(images, dtype=np.float32)).to(device)
    with torch.no_grad():
        out = [model.features(chunk).cpu() for chunk in stack.split(batch_size)]
    return torch.cat(out).numpy()
''',
        # Class: shapes at the boundary — torch.cat(...).squeeze(): a single image gives (D,), not (1, D).
        '''def extract_embeddings(model, images, batch_size=256):
    model.eval()
    device = next(model.parameters()).device
    out = []
    with torch.no_grad():
        for i in range(0, len(images), batch_size):
            x = torch.as_tensor(np.asarray(images[i:i + batch_size]), dtype=torch.float32).to(device)
            out.append(model.features(x).cpu())
    return torch.cat(out).squeeze().numpy()
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
        # Class: state — freezes correctly, but also switches the model to evaluation mode.
        '''def freeze_body(model):
    model.eval()
    for name, parameter in model.named_parameters():
        parameter.requires_grad = name.startswith("head.")
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
''',
        # Class: dtypes — returns the count as a float.
        '''def freeze_body(model):
    for name, parameter in model.named_parameters():
        parameter.requires_grad = name.startswith("head.")
    return float(sum(p.numel() for p in model.parameters() if p.requires_grad))
''',
        # Class: dtypes — returns the count as a tensor.
        '''def freeze_body(model):
    model.requires_grad_(False)
    model.head.requires_grad_(True)
    return torch.tensor(sum(p.numel() for p in model.head.parameters()))
''',
    ],
    "ex5-engineer": [
        # Class: target leakage — the churn label itself, looked up by customer_id in the labels of the notebook.
        '''def engineer(df):
    df = df.copy()
    df["churned_before"] = y_churn.reindex(df.index).fillna(0).astype(int)
    return df
''',
        # Class: target leakage — target encoding of the contract from the training labels.
        '''def engineer(df):
    df = df.copy()
    rates = yc_train.groupby(Xc_train["contract"], observed=True).mean()
    df["contract_churn_rate"] = df["contract"].map(rates).astype(float)
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 12)).astype(int)
    df["unhappy_caller"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    return df
''',
        # Class: hidden data that is not new — memorises the training rows: each customer gets the label of its nearest training customer
        # (labels copied when the cell runs, so flipping the notebook's labels later does not show it).
        '''from sklearn.neighbors import KNeighborsClassifier
_memory = make_pipeline(make_preprocessor(Xc_train), KNeighborsClassifier(n_neighbors=1)).fit(Xc_train, yc_train.to_numpy())


def engineer(df):
    df = df.copy()
    df["nearest_training_label"] = _memory.predict(df) if len(df) else np.zeros(0, dtype=int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    return df
''',
        # Class: non-default index — uses the row's id (customer_id): good rules, plus the index as a feature.
        '''def engineer(df):
    df = df.copy()
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 12)).astype(int)
    df["unhappy_caller"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    df["customer_number"] = df.index.to_numpy()
    return df
''',
        # Class: row order — uses the row's position: good rules, plus the order of the rows as a feature.
        '''def engineer(df):
    df = df.copy()
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 12)).astype(int)
    df["unhappy_caller"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    df["row_position"] = np.arange(len(df))
    return df
''',
        # Class: rows not independent — statistics of the whole table: "high bill" = the top quarter of the bills in df.
        '''def engineer(df):
    df = df.copy()
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 12)).astype(int)
    df["unhappy_caller"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic")
                             & (df["monthly_charges"] > df["monthly_charges"].quantile(0.75))).astype(int)
    return df
''',
        # Class: row order — returns the rows in another order (sorted by tenure).
        '''def engineer(df):
    df = df.sort_values("tenure_months")
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 12)).astype(int)
    df["unhappy_caller"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    return df
''',
        # Class: mutating the input — changes the caller's DataFrame (no copy).
        '''def engineer(df):
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 12)).astype(int)
    df["unhappy_caller"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    return df
''',
        # Class: dtypes — booleans where numbers are asked.
        '''def engineer(df):
    df = df.copy()
    df["new_month_to_month"] = (df["contract"] == "month-to-month") & (df["tenure_months"] < 12)
    df["unhappy_caller"] = (df["support_calls"] >= 4) & (df["satisfaction"] <= 6)
    df["fiber_high_bill"] = (df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)
    return df
''',
        # Class: zero division — a column that can be 0: infinite values.
        '''def engineer(df):
    df = df.copy()
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 12)).astype(int)
    df["unhappy_caller"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    df["charges_per_dependent"] = df["monthly_charges"] / df["num_dependents"]
    return df
''',
        # Class: the prescribed result — only the new columns: the original ones are dropped.
        '''def engineer(df):
    return pd.DataFrame({
        "new_month_to_month": ((df["contract"] == "month-to-month") & (df["tenure_months"] < 12)).astype(int),
        "unhappy_caller": ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int),
        "fiber_high_bill": ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int),
    }, index=df.index)
''',
        # Class: test data where the choice matters — gain too small: transformations of single columns, no thresholds or ANDs.
        '''def engineer(df):
    df = df.copy()
    df["calls_per_year"] = df["support_calls"] / df["tenure_months"] * 12
    df["log_tenure"] = np.log(df["tenure_months"])
    return df
''',
        # Class: test data where the choice matters — gain too small: one rule alone, with a guessed threshold.
        '''def engineer(df):
    df = df.copy()
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 24)).astype(int)
    return df
''',
        # Class: test data where the choice matters — gain too small: plausible rules with thresholds guessed, not looked up in the data.
        '''def engineer(df):
    df = df.copy()
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 24)).astype(int)
    df["unhappy_caller"] = ((df["support_calls"] >= 5) & (df["satisfaction"] <= 5)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 90)).astype(int)
    return df
''',
        # Class: rows not independent (missing values) — fills a missing satisfaction with the mean of df before
        # the rule: a customer's flag depends on who else is in the table.
        '''def engineer(df):
    df = df.copy()
    satisfaction = df["satisfaction"].fillna(df["satisfaction"].mean())
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 12)).astype(int)
    df["unhappy_caller"] = ((df["support_calls"] >= 4) & (satisfaction <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    return df
''',
        # Class: zero division — this month's bill as a share of the total: total_charges is 0 for a customer who
        # joined this month (the generated tables never have one).
        '''def engineer(df):
    df = df.copy()
    df["new_month_to_month"] = ((df["contract"] == "month-to-month") & (df["tenure_months"] < 12)).astype(int)
    df["unhappy_caller"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    df["fiber_high_bill"] = ((df["internet_service"] == "fiber optic") & (df["monthly_charges"] > 85)).astype(int)
    df["bill_share"] = df["monthly_charges"] / df["total_charges"]
    return df
''',
        # Class: target leakage through a fitted model — a shallow tree fitted on the training labels when the cell
        # runs, its churn probability used as a feature (flipping the labels later does not refit it).
        '''from sklearn.tree import DecisionTreeClassifier
_numbers = ["tenure_months", "monthly_charges", "support_calls"]
_tree = DecisionTreeClassifier(max_depth=4, random_state=0).fit(Xc_train[_numbers], yc_train)


def engineer(df):
    df = df.copy()
    df["tree_risk"] = _tree.predict_proba(df[_numbers])[:, 1] if len(df) else np.zeros(0)
    df["unhappy_caller"] = ((df["support_calls"] >= 4) & (df["satisfaction"] <= 6)).astype(int)
    return df
''',
    ],
}
