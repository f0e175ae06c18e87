"""Plausible wrong answers to the exercises of 04-neural-networks.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. tests/test_wrong_answers.py runs the notebook, then executes each wrong
source followed by the cell's tests (visible and hidden) and asserts that the tests fail.
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-forward": [
        # Forgets the hidden layer's bias.
        '''def mlp_forward(X, W1, b1, W2, b2):
    hidden = np.maximum(0, X @ W1)
    logits = hidden @ W2 + b2
    logits = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)
''',
        # Forgets the ReLU: two linear layers collapse into one.
        '''def mlp_forward(X, W1, b1, W2, b2):
    logits = (X @ W1 + b1) @ W2 + b2
    logits = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)
''',
        # Softmax over the wrong axis: each column (class) sums to 1 instead of each row.
        '''def mlp_forward(X, W1, b1, W2, b2):
    logits = np.maximum(0, X @ W1 + b1) @ W2 + b2
    logits = logits - logits.max(axis=0, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=0, keepdims=True)
''',
        # No stabilisation: exp(1000) overflows and the probabilities become NaN.
        '''def mlp_forward(X, W1, b1, W2, b2):
    logits = np.maximum(0, X @ W1 + b1) @ W2 + b2
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)
''',
        # Subtracts the global maximum instead of each row's: a row far below it becomes 0 / 0.
        '''def mlp_forward(X, W1, b1, W2, b2):
    logits = np.maximum(0, X @ W1 + b1) @ W2 + b2
    exp = np.exp(logits - logits.max())
    return exp / exp.sum(axis=1, keepdims=True)
''',
        # Returns the logits, without the softmax.
        '''def mlp_forward(X, W1, b1, W2, b2):
    return np.maximum(0, X @ W1 + b1) @ W2 + b2
''',
        # Sigmoid instead of softmax: each probability on its own, rows do not sum to 1.
        '''def mlp_forward(X, W1, b1, W2, b2):
    logits = np.maximum(0, X @ W1 + b1) @ W2 + b2
    return 1 / (1 + np.exp(-logits))
''',
    ],
    "ex2-gradient": [
        # Wrong sign: y - p makes gradient descent climb.
        '''def logistic_gradient(w, b, X, y):
    p = sigmoid(X @ w + b)
    return X.T @ (y - p) / len(y), float(np.mean(y - p))
''',
        # Sums instead of averaging over the examples.
        '''def logistic_gradient(w, b, X, y):
    p = sigmoid(X @ w + b)
    return X.T @ (p - y), float(np.sum(p - y))
''',
        # Divides by the number of features instead of the number of examples (right when n = d).
        '''def logistic_gradient(w, b, X, y):
    p = sigmoid(X @ w + b)
    return X.T @ (p - y) / X.shape[1], float(np.sum(p - y) / X.shape[1])
''',
        # Averages over the wrong axis: one value per example instead of one per feature.
        '''def logistic_gradient(w, b, X, y):
    p = sigmoid(X @ w + b)
    return (X * (p - y)[:, None]).mean(axis=1), float(np.mean(p - y))
''',
        # Forgets the bias inside the sigmoid (invisible while b = 0).
        '''def logistic_gradient(w, b, X, y):
    p = sigmoid(X @ w)
    return X.T @ (p - y) / len(y), float(np.mean(p - y))
''',
        # Forgets the sigmoid: uses the weighted sum z as the prediction.
        '''def logistic_gradient(w, b, X, y):
    z = X @ w + b
    return X.T @ (z - y) / len(y), float(np.mean(z - y))
''',
    ],
    "ex3-train-epoch": [
        # Forgets optimizer.zero_grad(): gradients pile up from batch to batch.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen
''',
        # Calls step() before backward(): each step uses no gradient, or the previous batch's.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        optimizer.step()
        loss.backward()
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen
''',
        # Resets the gradients between backward() and step(): nothing is ever learned.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.zero_grad()
        optimizer.step()
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen
''',
        # Averages the batch means: the small last batch counts as much as a full one.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    losses = []
    for X, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)
''',
        # Weights every batch by the nominal batch size, also the smaller last one.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total = 0.0
    for X, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * loader.batch_size
    return total / len(loader.dataset)
''',
        # Sums the batch losses without dividing.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total = 0.0
    for X, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total
''',
        # Returns the loss of the last batch only.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    for X, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
    return loss.item()
''',
        # Forgets model.train(): a model that was just evaluated trains with dropout off.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    total, seen = 0.0, 0
    for X, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen
''',
        # Returns the loss as a tensor (that still holds the graph), not a float.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total = total + loss * len(y)
        seen += len(y)
    return total / seen
''',
    ],
    "ex4-evaluate": [
        # Forgets model.eval(): dropout stays on, and every evaluation gives another accuracy.
        '''def evaluate(model, loader):
    correct, seen = 0, 0
    with torch.no_grad():
        for X, y in loader:
            correct += (model(X).argmax(dim=1) == y).sum().item()
            seen += len(y)
    return correct / seen
''',
        # Forgets torch.no_grad(): PyTorch records a graph for nothing.
        '''def evaluate(model, loader):
    model.eval()
    correct, seen = 0, 0
    for X, y in loader:
        correct += (model(X).argmax(dim=1) == y).sum().item()
        seen += len(y)
    return correct / seen
''',
        # Averages the batch accuracies: the small last batch counts as much as a full one.
        '''def evaluate(model, loader):
    model.eval()
    accuracies = []
    with torch.no_grad():
        for X, y in loader:
            accuracies.append((model(X).argmax(dim=1) == y).float().mean().item())
    return sum(accuracies) / len(accuracies)
''',
        # Returns the number of correct predictions instead of the fraction.
        '''def evaluate(model, loader):
    model.eval()
    correct = 0
    with torch.no_grad():
        for X, y in loader:
            correct += (model(X).argmax(dim=1) == y).sum().item()
    return float(correct)
''',
        # Returns a tensor instead of a float.
        '''def evaluate(model, loader):
    model.eval()
    correct, seen = 0, 0
    with torch.no_grad():
        for X, y in loader:
            correct += (model(X).argmax(dim=1) == y).sum()
            seen += len(y)
    return correct / seen
''',
        # Takes the arg-max over the batch (dim=0) instead of over the classes.
        '''def evaluate(model, loader):
    model.eval()
    correct, seen = 0, 0
    with torch.no_grad():
        for X, y in loader:
            predictions = model(X).argmax(dim=0)
            correct += (predictions[:len(y)] == y[:len(predictions)]).sum().item()
            seen += len(y)
    return correct / seen
''',
    ],
    "ex5-fit": [
        # Evaluates on the training data instead of the validation data.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs):
    history = {"train_loss": [], "val_acc": []}
    for _ in range(epochs):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        history["val_acc"].append(evaluate(model, train_loader))
    return history
''',
        # Evaluates before training each epoch: every accuracy is one epoch behind.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs):
    history = {"train_loss": [], "val_acc": []}
    for _ in range(epochs):
        history["val_acc"].append(evaluate(model, val_loader))
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
    return history
''',
        # Off by one: trains one epoch too few.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs):
    history = {"train_loss": [], "val_acc": []}
    for _ in range(1, epochs):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        history["val_acc"].append(evaluate(model, val_loader))
    return history
''',
        # Evaluates once, after the last epoch.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs):
    history = {"train_loss": [], "val_acc": []}
    for _ in range(epochs):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
    history["val_acc"].append(evaluate(model, val_loader))
    return history
''',
        # Trains every epoch twice: once to learn, once more to record the loss.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs):
    history = {"train_loss": [], "val_acc": []}
    for _ in range(epochs):
        train_one_epoch(model, train_loader, loss_fn, optimizer)
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        history["val_acc"].append(evaluate(model, val_loader))
    return history
''',
    ],
}
