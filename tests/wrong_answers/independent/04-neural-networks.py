"""Independent wrong answers for 04-neural-networks, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-forward": [
        # subtracts each row's MEAN instead of its maximum: fine for moderate logits, but a row spread wider than ~1400 (e.g. [2000, 0]) still overflows to inf/NaN
        '''def mlp_forward(X, W1, b1, W2, b2):
    """Class probabilities (n, k) of a one-hidden-layer ReLU network with a softmax output."""
    hidden = np.maximum(0, X @ W1 + b1)
    logits = hidden @ W2 + b2
    centred = logits - logits.mean(axis=1, keepdims=True)    # centre each row
    exps = np.exp(centred)
    return exps / exps.sum(axis=1, keepdims=True)
''',
        # clips the logits to [-500, 500] "against overflow" instead of subtracting the row maximum: large logits such as [1000, 999] become [500, 500], probabilities 0.5 / 0.5
        '''def mlp_forward(X, W1, b1, W2, b2):
    """Class probabilities (n, k) of a one-hidden-layer ReLU network with a softmax output."""
    hidden = np.maximum(0, X @ W1 + b1)
    logits = np.clip(hidden @ W2 + b2, -500, 500)    # exp(500) still fits in a float64
    exps = np.exp(logits)
    return exps / exps.sum(axis=1, keepdims=True)
''',
        # overfits the two-class examples: the sigmoid of the logit difference, which is the softmax only when k = 2 (always returns two columns)
        '''def mlp_forward(X, W1, b1, W2, b2):
    """Class probabilities (n, k) of a one-hidden-layer ReLU network with a softmax output."""
    hidden = np.maximum(0, X @ W1 + b1)
    logits = hidden @ W2 + b2
    difference = np.clip(logits[:, 1] - logits[:, 0], -700, 700)
    p1 = 1 / (1 + np.exp(-difference))
    return np.column_stack([1 - p1, p1])
''',
        # not by hand: SciPy's logsumexp does the stable normalisation (a library softmax in disguise)
        '''from scipy.special import logsumexp


def mlp_forward(X, W1, b1, W2, b2):
    """Class probabilities (n, k) of a one-hidden-layer ReLU network with a softmax output."""
    hidden = np.maximum(0, X @ W1 + b1)
    logits = hidden @ W2 + b2
    return np.exp(logits - logsumexp(logits, axis=1, keepdims=True))
''',
        # not by hand: torch.special.softmax, a library softmax under another name
        '''def mlp_forward(X, W1, b1, W2, b2):
    """Class probabilities (n, k) of a one-hidden-layer ReLU network with a softmax output."""
    hidden = np.maximum(0, X @ W1 + b1)
    logits = hidden @ W2 + b2
    return torch.special.softmax(torch.from_numpy(np.asarray(logits, dtype=np.float64)), dim=1).numpy()
''',
    ],
    "ex2-backprop": [
        # ReLU slope taken as 1 where Z1 >= 0 (non-strict): wrong exactly at the kink Z1 = 0
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    """Gradients (dW1, db1, dW2, db2) of the mean cross-entropy of a one-hidden-layer network."""
    n = X.shape[0]
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    P = np.exp(S)
    P = P / P.sum(axis=1, keepdims=True)
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS
    db2 = dS.sum(axis=0)
    dH = dS @ W2.T
    slope = (Z1 >= 0).astype(float) if activation == "relu" else 1 - H ** 2
    dZ1 = dH * slope
    dW1 = X.T @ dZ1
    db1 = dZ1.sum(axis=0)
    return dW1, db1, dW2, db2
''',
        # ReLU slope 0.5 at the kink (np.heaviside(Z1, 0.5), "halfway between the two sides") instead of 0
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    """Gradients (dW1, db1, dW2, db2) of the mean cross-entropy of a one-hidden-layer network."""
    n = X.shape[0]
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    P = np.exp(S)
    P = P / P.sum(axis=1, keepdims=True)
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS
    db2 = dS.sum(axis=0)
    dH = dS @ W2.T
    slope = np.heaviside(Z1, 0.5) if activation == "relu" else 1 - H ** 2
    dZ1 = dH * slope
    dW1 = X.T @ dZ1
    db1 = dZ1.sum(axis=0)
    return dW1, db1, dW2, db2
''',
        # number of classes read from the labels (max label + 1) instead of W2: crashes when the last class is absent from y (e.g. n = 1)
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    """Gradients (dW1, db1, dW2, db2) of the mean cross-entropy of a one-hidden-layer network."""
    n = X.shape[0]
    k = int(np.max(y)) + 1
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    S = S - S.max(axis=1, keepdims=True)
    P = np.exp(S)
    P = P / P.sum(axis=1, keepdims=True)
    Y = np.eye(k)[y]
    dS = (P - Y) / n
    dW2 = H.T @ dS
    db2 = dS.sum(axis=0)
    dH = dS @ W2.T
    slope = (Z1 > 0).astype(float) if activation == "relu" else 1 - H ** 2
    dZ1 = dH * slope
    dW1 = X.T @ dZ1
    db1 = dZ1.sum(axis=0)
    return dW1, db1, dW2, db2
''',
        # softmax without subtracting the row maximum: large logits overflow and the gradients become NaN
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    """Gradients (dW1, db1, dW2, db2) of the mean cross-entropy of a one-hidden-layer network."""
    n = X.shape[0]
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    P = np.exp(S) / np.exp(S).sum(axis=1, keepdims=True)
    Y = np.zeros_like(P)
    Y[np.arange(n), y] = 1
    dS = (P - Y) / n
    dW2 = H.T @ dS
    db2 = dS.sum(axis=0)
    dH = dS @ W2.T
    slope = (Z1 > 0).astype(float) if activation == "relu" else 1 - H ** 2
    dZ1 = dH * slope
    dW1 = X.T @ dZ1
    db1 = dZ1.sum(axis=0)
    return dW1, db1, dW2, db2
''',
        # a numerical (central-difference) gradient instead of backpropagation: slow, and wrong at ReLU's kink
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    """Gradients (dW1, db1, dW2, db2) of the mean cross-entropy of a one-hidden-layer network."""
    def loss(params):
        w1, c1, w2, c2 = params
        z1 = X @ w1 + c1
        h = np.maximum(0, z1) if activation == "relu" else np.tanh(z1)
        s = h @ w2 + c2
        s = s - s.max(axis=1, keepdims=True)
        log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        return -np.mean(log_p[np.arange(X.shape[0]), y])

    params = [np.array(p, dtype=float) for p in (W1, b1, W2, b2)]
    gradients = []
    eps = 1e-6
    for p in params:
        grad = np.zeros_like(p)
        for index in np.ndindex(p.shape):
            original = p[index]
            p[index] = original + eps
            up = loss(params)
            p[index] = original - eps
            down = loss(params)
            p[index] = original
            grad[index] = (up - down) / (2 * eps)
        gradients.append(grad)
    return tuple(gradients)
''',
    ],
    "ex3-train-epoch": [
        # model.train() called at the END ("leave it ready for training"): the epoch itself runs in whatever mode the model came in, e.g. with dropout off
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    """Train for one pass over loader; return the mean loss per example (a float)."""
    device = next(model.parameters()).device
    total, count = 0.0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        count += len(y)
    model.train()
    return total / count
''',
        # zero_grad() after step() instead of first: gradients left over from before the call are added into the first step
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    """Train for one pass over loader; return the mean loss per example (a float)."""
    model.train()
    device = next(model.parameters()).device
    total, count = 0.0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()        # clean up for the next batch
        total += loss.item() * len(y)
        count += len(y)
    return total / count
''',
        # the loss accumulated as a TENSOR (with its graph, kept alive for the whole epoch), converted to a float only at the end
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    """Train for one pass over loader; return the mean loss per example (a float)."""
    model.train()
    device = next(model.parameters()).device
    total, count = 0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total = total + loss * len(y)
        count += len(y)
    return float(total) / count
''',
        # batches moved to "cuda if available" instead of the model's device: a CPU model on a GPU machine gets CUDA batches
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    """Train for one pass over loader; return the mean loss per example (a float)."""
    model.train()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    total, count = 0.0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        count += len(y)
    return total / count
''',
        # divides by len(loader.dataset), not by the examples actually seen: wrong with drop_last=True or a sampler that covers part of the data
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    """Train for one pass over loader; return the mean loss per example (a float)."""
    model.train()
    device = next(model.parameters()).device
    total = 0.0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
    return total / len(loader.dataset)
''',
        # loss arguments swapped, loss_fn(target, output): symmetric for MSE, wrong (or an error) for cross-entropy and any asymmetric loss
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    """Train for one pass over loader; return the mean loss per example (a float)."""
    model.train()
    device = next(model.parameters()).device
    total, count = 0.0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(y, model(X))
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        count += len(y)
    return total / count
''',
    ],
    "ex4-evaluate": [
        # arg-max over dim=0 (across the examples of the batch) instead of over the classes
        '''def evaluate(model, loader):
    """Accuracy (a float in [0, 1]) of model on every example of loader."""
    model.eval()
    device = next(model.parameters()).device
    correct, count = 0, 0
    with torch.no_grad():
        for X, y in loader:
            X, y = X.to(device), y.to(device)
            predictions = model(X).argmax(dim=0)
            correct += (predictions == y).sum().item()
            count += len(y)
    return correct / count
''',
        # binary habit: predicts class 1 when the second output is above 0.5, as if it were a probability (wrong for logits and for more than two classes)
        '''def evaluate(model, loader):
    """Accuracy (a float in [0, 1]) of model on every example of loader."""
    model.eval()
    device = next(model.parameters()).device
    correct, count = 0, 0
    with torch.no_grad():
        for X, y in loader:
            X, y = X.to(device), y.to(device)
            predictions = (model(X)[:, 1] > 0.5).long()
            correct += (predictions == y).sum().item()
            count += len(y)
    return correct / count
''',
        # divides by len(loader.dataset), not by the examples actually evaluated (drop_last, samplers, subsets)
        '''def evaluate(model, loader):
    """Accuracy (a float in [0, 1]) of model on every example of loader."""
    model.eval()
    device = next(model.parameters()).device
    correct = 0
    with torch.no_grad():
        for X, y in loader:
            X, y = X.to(device), y.to(device)
            correct += (model(X).argmax(dim=1) == y).sum().item()
    return correct / len(loader.dataset)
''',
        # switches gradients off with torch.set_grad_enabled(False) as a plain call: they stay off after evaluate returns, and the next training step cannot backpropagate
        '''def evaluate(model, loader):
    """Accuracy (a float in [0, 1]) of model on every example of loader."""
    model.eval()
    torch.set_grad_enabled(False)
    device = next(model.parameters()).device
    correct, count = 0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        correct += (model(X).argmax(dim=1) == y).sum().item()
        count += len(y)
    return correct / count
''',
        # batches moved to "cuda if available" instead of the model's device
        '''def evaluate(model, loader):
    """Accuracy (a float in [0, 1]) of model on every example of loader."""
    model.eval()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    correct, count = 0, 0
    with torch.no_grad():
        for X, y in loader:
            X, y = X.to(device), y.to(device)
            correct += (model(X).argmax(dim=1) == y).sum().item()
            count += len(y)
    return correct / count
''',
    ],
    "ex5-fit": [
        # restores the best weights only when early stopping triggers: a run that uses all its epochs keeps the LAST epoch's weights
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    """Train with early stopping on the validation accuracy; restore the best weights.

    Returns {"train_loss": [...], "val_acc": [...], "best_epoch": int (from 1)}."""
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -float("inf"), None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            if waited >= patience:
                model.load_state_dict(best_weights)     # early stop: go back to the best epoch
                break
    return history
''',
        # off-by-one: range(1, epochs) trains at most epochs - 1 epochs
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    """Train with early stopping on the validation accuracy; restore the best weights.

    Returns {"train_loss": [...], "val_acc": [...], "best_epoch": int (from 1)}."""
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -float("inf"), None, 0
    for epoch in range(1, epochs):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            if waited >= patience:
                break
    model.load_state_dict(best_weights)
    return history
''',
        # best accuracy starts at 0.0 with a strict ">": an epoch-1 accuracy of 0 is never an improvement, so best_epoch stays 0 and no weights are saved or restored
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    """Train with early stopping on the validation accuracy; restore the best weights.

    Returns {"train_loss": [...], "val_acc": [...], "best_epoch": int (from 1)}."""
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = 0.0, None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            if waited >= patience:
                break
    if best_weights is not None:
        model.load_state_dict(best_weights)
    return history
''',
        # Keras habit: an improvement must beat the best by min_delta = 0.01, so smaller strict improvements are ignored
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    """Train with early stopping on the validation accuracy; restore the best weights.

    Returns {"train_loss": [...], "val_acc": [...], "best_epoch": int (from 1)}."""
    min_delta = 0.01
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -float("inf"), None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy + min_delta:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            if waited >= patience:
                break
    model.load_state_dict(best_weights)
    return history
''',
        # best_epoch worked out from where training stopped (epochs trained - patience) instead of being tracked: wrong whenever the run does not stop early
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    """Train with early stopping on the validation accuracy; restore the best weights.

    Returns {"train_loss": [...], "val_acc": [...], "best_epoch": int (from 1)}."""
    history = {"train_loss": [], "val_acc": []}
    best_accuracy, best_weights, waited = -float("inf"), None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy:
            best_accuracy, waited = accuracy, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            if waited >= patience:
                break
    model.load_state_dict(best_weights)
    history["best_epoch"] = len(history["val_acc"]) - patience
    return history
''',
    ],
}
