"""Plausible wrong answers to the exercises of 04-neural-networks.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
"""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-forward": [
        # [boundary: stabilisation] Subtracts the row MEAN: finite for logits [1000, 0], overflows
        # when one logit is far above the others.
        '''def mlp_forward(X, W1, b1, W2, b2):
    logits = np.maximum(0, X @ W1 + b1) @ W2 + b2
    exp = np.exp(logits - logits.mean(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)
''',
        # [boundary: stabilisation] Clips the logits to +-500 instead of subtracting the maximum.
        '''def mlp_forward(X, W1, b1, W2, b2):
    logits = np.clip(np.maximum(0, X @ W1 + b1) @ W2 + b2, -500, 500)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)
''',
        # [shortcut: library softmax] Softmax via scipy's logsumexp.
        '''from scipy.special import logsumexp

def mlp_forward(X, W1, b1, W2, b2):
    logits = np.maximum(0, X @ W1 + b1) @ W2 + b2
    return np.exp(logits - logsumexp(logits, axis=1, keepdims=True))
''',
        # [shortcut: library softmax] The task asks for the softmax written in NumPy.
        '''from scipy.special import softmax

def mlp_forward(X, W1, b1, W2, b2):
    return softmax(np.maximum(0, X @ W1 + b1) @ W2 + b2, axis=1)
''',
        # [shortcut: library softmax] The same through PyTorch.
        '''def mlp_forward(X, W1, b1, W2, b2):
    logits = np.maximum(0, X @ W1 + b1) @ W2 + b2
    return torch.tensor(logits).softmax(dim=1).numpy()
''',
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
    "ex2-backprop": [
        # [boundary: stabilisation] No row maximum subtracted: exact on small logits, NaN on large ones.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    n = len(X)
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    P = np.exp(H @ W2 + b2)
    P = P / P.sum(axis=1, keepdims=True)
    P[np.arange(n), y] -= 1
    dS = P / n
    dZ1 = (dS @ W2.T) * ((Z1 > 0) if activation == "relu" else 1 - H ** 2)
    return X.T @ dZ1, dZ1.sum(axis=0), H.T @ dS, dS.sum(axis=0)
''',
        # [side effect] Also takes a gradient step on the parameters it was given (in place).
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    n = len(X)
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    P = np.exp(S - S.max(axis=1, keepdims=True))
    P = P / P.sum(axis=1, keepdims=True)
    P[np.arange(n), y] -= 1
    dS = P / n
    dZ1 = (dS @ W2.T) * ((Z1 > 0) if activation == "relu" else 1 - H ** 2)
    grads = X.T @ dZ1, dZ1.sum(axis=0), H.T @ dS, dS.sum(axis=0)
    for param, grad in zip((W1, b1, W2, b2), grads):
        param -= 0.1 * grad
    return grads
''',
        # [boundary: ReLU's slope at 0] Takes the slope 1 where z >= 0, against the stated rule.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    n = len(X)
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    P = np.exp(S - S.max(axis=1, keepdims=True))
    P = P / P.sum(axis=1, keepdims=True)
    P[np.arange(n), y] -= 1
    dS = P / n
    dZ1 = (dS @ W2.T) * ((Z1 >= 0) if activation == "relu" else 1 - H ** 2)
    return X.T @ dZ1, dZ1.sum(axis=0), H.T @ dS, dS.sum(axis=0)
''',
        # [shortcut: autograd] Forward-mode autograd, one column at a time (torch.func.jacfwd).
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    def loss(W1_, b1_, W2_, b2_):
        Z1 = torch.tensor(X) @ W1_ + b1_
        H = torch.relu(Z1) if activation == "relu" else torch.tanh(Z1)
        return torch.nn.functional.cross_entropy(H @ W2_ + b2_, torch.tensor(y))
    params = [torch.tensor(p, dtype=torch.float64) for p in (W1, b1, W2, b2)]
    return tuple(g.numpy() for g in torch.func.jacfwd(loss, argnums=(0, 1, 2, 3))(*params))
''',
        # [aggregation: mean vs sum] Sums the loss over the examples instead of averaging:
        # right only when n = 1.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    P = np.exp(S - S.max(axis=1, keepdims=True))
    P = P / P.sum(axis=1, keepdims=True)
    P[np.arange(len(X)), y] -= 1
    dS = P
    dZ1 = (dS @ W2.T) * ((Z1 > 0) if activation == "relu" else 1 - H ** 2)
    return X.T @ dZ1, dZ1.sum(axis=0), H.T @ dS, dS.sum(axis=0)
''',
        # [aggregation] Divides by n at every layer: the first layer's gradients shrink by n twice.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    n = len(X)
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    P = np.exp(S - S.max(axis=1, keepdims=True))
    P = P / P.sum(axis=1, keepdims=True)
    P[np.arange(n), y] -= 1
    dS = P / n
    dZ1 = (dS @ W2.T) * ((Z1 > 0) if activation == "relu" else 1 - H ** 2) / n
    return X.T @ dZ1, dZ1.sum(axis=0), H.T @ dS, dS.sum(axis=0)
''',
        # [transposed weight] Sends the gradient back through W2 instead of W2.T where the shapes
        # allow it (h == k): right shapes, wrong numbers; only a square W2 reveals it.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    n = len(X)
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    P = np.exp(S - S.max(axis=1, keepdims=True))
    P = P / P.sum(axis=1, keepdims=True)
    P[np.arange(n), y] -= 1
    dS = P / n
    dH = dS @ W2 if W2.shape[0] == W2.shape[1] else dS @ W2.T
    dZ1 = dH * ((Z1 > 0) if activation == "relu" else 1 - H ** 2)
    return X.T @ dZ1, dZ1.sum(axis=0), H.T @ dS, dS.sum(axis=0)
''',
        # [transposed weight] Returns dW1 in PyTorch's (outputs, inputs) layout, then transposes it
        # back only when the shapes would not fit: wrong whenever W1 is square.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    n = len(X)
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    P = np.exp(S - S.max(axis=1, keepdims=True))
    P = P / P.sum(axis=1, keepdims=True)
    P[np.arange(n), y] -= 1
    dS = P / n
    dZ1 = (dS @ W2.T) * ((Z1 > 0) if activation == "relu" else 1 - H ** 2)
    dW1 = dZ1.T @ X
    return (dW1 if dW1.shape == W1.shape else dW1.T), dZ1.sum(axis=0), H.T @ dS, dS.sum(axis=0)
''',
        # [activation derivative] tanh's slope taken as 1 - Z1**2 instead of 1 - tanh(Z1)**2.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    n = len(X)
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = H @ W2 + b2
    P = np.exp(S - S.max(axis=1, keepdims=True))
    P = P / P.sum(axis=1, keepdims=True)
    P[np.arange(n), y] -= 1
    dS = P / n
    dZ1 = (dS @ W2.T) * ((Z1 > 0) if activation == "relu" else 1 - Z1 ** 2)
    return X.T @ dZ1, dZ1.sum(axis=0), H.T @ dS, dS.sum(axis=0)
''',
        # [activation] Ignores the activation argument: always ReLU.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    n = len(X)
    Z1 = X @ W1 + b1
    H = np.maximum(0, Z1)
    S = H @ W2 + b2
    P = np.exp(S - S.max(axis=1, keepdims=True))
    P = P / P.sum(axis=1, keepdims=True)
    P[np.arange(n), y] -= 1
    dS = P / n
    dZ1 = (dS @ W2.T) * (Z1 > 0)
    return X.T @ dZ1, dZ1.sum(axis=0), H.T @ dS, dS.sum(axis=0)
''',
        # [batch size 1] Squeezes the arrays "to be safe": with a single example the hidden layer
        # loses its row dimension.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    n = len(X)
    Z1 = np.squeeze(X @ W1 + b1)
    H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
    S = np.atleast_2d(H @ W2 + b2)
    P = np.exp(S - S.max(axis=1, keepdims=True))
    P = P / P.sum(axis=1, keepdims=True)
    P[np.arange(n), y] -= 1
    dS = P / n
    dZ1 = np.squeeze(dS @ W2.T) * ((Z1 > 0) if activation == "relu" else 1 - H ** 2)
    return X.T @ dZ1, dZ1.sum(axis=0), H.T @ dS, dS.sum(axis=0)
''',
        # [shortcut: autograd] Lets PyTorch do the backward pass.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    params = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in (W1, b1, W2, b2)]
    Z1 = torch.tensor(X, dtype=torch.float64) @ params[0] + params[1]
    H = torch.relu(Z1) if activation == "relu" else torch.tanh(Z1)
    loss = torch.nn.functional.cross_entropy(H @ params[2] + params[3], torch.tensor(y))
    loss.backward()
    return tuple(p.grad.numpy() for p in params)
''',
        # [shortcut: autograd] The same with torch.autograd.grad.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu"):
    params = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in (W1, b1, W2, b2)]
    Z1 = torch.tensor(X, dtype=torch.float64) @ params[0] + params[1]
    H = torch.relu(Z1) if activation == "relu" else torch.tanh(Z1)
    loss = torch.nn.functional.cross_entropy(H @ params[2] + params[3], torch.tensor(y))
    return tuple(g.numpy() for g in torch.autograd.grad(loss, params))
''',
        # [shortcut: numerical gradient] Central finite differences of the loss: close everywhere
        # except right at ReLU's kink.
        '''def mlp_backward(X, y, W1, b1, W2, b2, activation="relu", eps=1e-6):
    def loss(params):
        Z1 = X @ params[0] + params[1]
        H = np.maximum(0, Z1) if activation == "relu" else np.tanh(Z1)
        S = H @ params[2] + params[3]
        S = S - S.max(axis=1, keepdims=True)
        return np.mean(np.log(np.exp(S).sum(axis=1)) - S[np.arange(len(y)), y])
    params = [np.array(p, dtype=float) for p in (W1, b1, W2, b2)]
    grads = []
    for p in params:
        g = np.zeros_like(p)
        for index in np.ndindex(p.shape):
            old = p[index]
            p[index] = old + eps
            up = loss(params)
            p[index] = old - eps
            down = loss(params)
            p[index] = old
            g[index] = (up - down) / (2 * eps)
        grads.append(g)
    return tuple(grads)
''',
    ],
    "ex3-train-epoch": [
        # [PyTorch habit: loss kept as a tensor] Adds up the loss tensors (graphs and all) and only
        # converts at the end: the right float, but every batch's graph stays in memory.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    device = next(model.parameters()).device
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total = total + loss * len(y)
        seen += len(y)
    return total.item() / seen
''',
        # [precision] Rounds the returned loss to 4 decimals.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    device = next(model.parameters()).device
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        seen += len(y)
    return round(total / seen, 4)
''',
        # [mode] Sets model.training = True: only the top module, its dropout layers stay in eval mode.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    device = next(model.parameters()).device
    model.training = True
    total, seen = 0.0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen
''',
        # [stale gradients] Resets the gradients at the END of each step: the first step of the epoch
        # uses whatever an earlier backward pass left in .grad.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    device = next(model.parameters()).device
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen
''',
        # [PyTorch habit: device] Moves the batches to a fixed device, not to the model's.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen
''',
        # [empty/partial case: denominator] Divides by the size of the data set, not by the examples
        # the loader actually gave (a loader may drop its last batch, or sample a subset).
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    device = next(model.parameters()).device
    model.train()
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
        # Forgets optimizer.zero_grad(): gradients pile up from batch to batch.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
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
        X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
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
        X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
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
        X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
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
        X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
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
        X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
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
        X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
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
        X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
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
        X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total = total + loss * len(y)
        seen += len(y)
    return total / seen
''',
        # [PyTorch habit: device] Never moves the batches to the model's device (fine on a CPU,
        # a crash on a GPU).
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
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
        # [PyTorch habit: device] Moves the inputs but not the labels.
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    device = next(model.parameters()).device
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(X.to(device)), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen
''',
        # [global state] Seeds PyTorch's global generator "for reproducibility".
        '''def train_one_epoch(model, loader, loss_fn, optimizer):
    torch.manual_seed(0)
    device = next(model.parameters()).device
    model.train()
    total, seen = 0.0, 0
    for X, y in loader:
        X, y = X.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen
''',
    ],
    "ex4-evaluate": [
        # [PyTorch habit: device] Moves the inputs to a fixed device, not to the model's.
        '''def evaluate(model, loader):
    model.eval()
    correct, seen = 0, 0
    with torch.no_grad():
        for X, y in loader:
            correct += (model(X.to("cpu")).argmax(dim=1) == y).sum().item()
            seen += len(y)
    return correct / seen
''',
        # [denominator] Divides by the size of the data set, not by the examples seen.
        '''def evaluate(model, loader):
    device = next(model.parameters()).device
    model.eval()
    correct = 0
    with torch.no_grad():
        for X, y in loader:
            correct += (model(X.to(device)).argmax(dim=1).cpu() == y).sum().item()
    return correct / len(loader.dataset)
''',
        # [mode] Always switches the model to training mode at the end, also one that came in
        # evaluation mode (neither leaving it in eval mode nor putting back the mode it came in).
        '''def evaluate(model, loader):
    device = next(model.parameters()).device
    model.eval()
    correct, seen = 0, 0
    with torch.no_grad():
        for X, y in loader:
            correct += (model(X.to(device)).argmax(dim=1).cpu() == y).sum().item()
            seen += len(y)
    model.train()
    return correct / seen
''',
        # Forgets model.eval(): dropout stays on, and every evaluation gives another accuracy.
        '''def evaluate(model, loader):
    correct, seen = 0, 0
    with torch.no_grad():
        for X, y in loader:
            X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
            correct += (model(X).argmax(dim=1) == y).sum().item()
            seen += len(y)
    return correct / seen
''',
        # Forgets torch.no_grad(): PyTorch records a graph for nothing.
        '''def evaluate(model, loader):
    model.eval()
    correct, seen = 0, 0
    for X, y in loader:
        X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
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
            X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
            accuracies.append((model(X).argmax(dim=1) == y).float().mean().item())
    return sum(accuracies) / len(accuracies)
''',
        # Returns the number of correct predictions instead of the fraction.
        '''def evaluate(model, loader):
    model.eval()
    correct = 0
    with torch.no_grad():
        for X, y in loader:
            X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
            correct += (model(X).argmax(dim=1) == y).sum().item()
    return float(correct)
''',
        # Returns a tensor instead of a float.
        '''def evaluate(model, loader):
    model.eval()
    correct, seen = 0, 0
    with torch.no_grad():
        for X, y in loader:
            X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
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
            X, y = X.to(next(model.parameters()).device), y.to(next(model.parameters()).device)
            predictions = model(X).argmax(dim=0)
            correct += (predictions[:len(y)] == y[:len(predictions)]).sum().item()
            seen += len(y)
    return correct / seen
''',
        # [PyTorch habit: device] Never moves the inputs to the model's device.
        '''def evaluate(model, loader):
    model.eval()
    correct, seen = 0, 0
    with torch.no_grad():
        for X, y in loader:
            correct += (model(X).argmax(dim=1) == y).sum().item()
            seen += len(y)
    return correct / seen
''',
        # [PyTorch habit: no torch.no_grad()] Detaches the outputs instead: the graph is recorded anyway.
        '''def evaluate(model, loader):
    device = next(model.parameters()).device
    model.eval()
    correct, seen = 0, 0
    for X, y in loader:
        outputs = model(X.to(device)).detach()
        correct += (outputs.argmax(dim=1).cpu() == y).sum().item()
        seen += len(y)
    return correct / seen
''',
        # [PyTorch habit: no torch.no_grad() block] Switches gradients off for good instead of for the
        # loop: the training that follows records nothing.
        '''def evaluate(model, loader):
    device = next(model.parameters()).device
    model.eval()
    torch.set_grad_enabled(False)
    correct, seen = 0, 0
    for X, y in loader:
        correct += (model(X.to(device)).argmax(dim=1).cpu() == y).sum().item()
        seen += len(y)
    return correct / seen
''',
        # [global state] Seeds the global generator to make dropout "reproducible".
        '''def evaluate(model, loader):
    torch.manual_seed(0)
    device = next(model.parameters()).device
    model.eval()
    correct, seen = 0, 0
    with torch.no_grad():
        for X, y in loader:
            correct += (model(X.to(device)).argmax(dim=1).cpu() == y).sum().item()
            seen += len(y)
    return correct / seen
''',
    ],
    "ex5-fit": [
        # [boundary: ties and tiny steps] Counts an epoch as an improvement only when it beats the
        # best by 0.01 (a "min_delta"): the task says strictly higher.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy + 0.01:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            if waited >= patience:
                break
    model.load_state_dict(best_weights)
    return history
''',
        # [procedure] Trains all the epochs, then cuts the history where early stopping would have
        # stopped: the same numbers, none of the time saved.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    losses, accuracies, states = [], [], []
    for epoch in range(epochs):
        losses.append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracies.append(evaluate(model, val_loader))
        states.append({k: v.detach().clone() for k, v in model.state_dict().items()})
    best, waited, stop = 0, 0, len(accuracies)
    for epoch in range(1, len(accuracies)):
        if accuracies[epoch] > accuracies[best]:
            best, waited = epoch, 0
        else:
            waited += 1
            if waited >= patience:
                stop = epoch + 1
                break
    model.load_state_dict(states[best])
    return {"train_loss": losses[:stop], "val_acc": accuracies[:stop], "best_epoch": best + 1}
''',
        # [procedure] Goes back to the best weights after every epoch without improvement, and trains
        # on from there: a different training, not early stopping.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            model.load_state_dict(best_weights)
            if waited >= patience:
                break
    model.load_state_dict(best_weights)
    return history
''',
        # [zero case] Starts the best accuracy at 0: when no epoch gets anything right, no weights
        # are ever kept.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
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
        # [restore] Puts the best weights back only when training stopped early.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
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
                model.load_state_dict(best_weights)
                break
    return history
''',
        # [state_dict not copied] Keeps model.state_dict() itself: the live tensors, changed by every
        # later epoch, so the 'best' weights restored are the last ones.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch, 0
            best_weights = model.state_dict()
        else:
            waited += 1
            if waited >= patience:
                break
    model.load_state_dict(best_weights)
    return history
''',
        # [ties] >= counts an equal accuracy as an improvement: a later epoch of the same accuracy
        # becomes the best, and the patience restarts.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy >= best_accuracy:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            if waited >= patience:
                break
    model.load_state_dict(best_weights)
    return history
''',
        # [boundary arithmetic] Stops one epoch too late (waits patience + 1 epochs).
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            if waited > patience:
                break
    model.load_state_dict(best_weights)
    return history
''',
        # [boundary arithmetic] Stops one epoch too early.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            if waited >= patience - 1:
                break
    model.load_state_dict(best_weights)
    return history
''',
        # [counting] best_epoch counted from 0.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, val_loader)
        history["val_acc"].append(accuracy)
        if accuracy > best_accuracy:
            best_accuracy, history["best_epoch"], waited = accuracy, epoch - 1, 0
            best_weights = {name: value.detach().clone() for name, value in model.state_dict().items()}
        else:
            waited += 1
            if waited >= patience:
                break
    model.load_state_dict(best_weights)
    return history
''',
        # [no restore] Keeps the weights of the last epoch trained.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
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
    return history
''',
        # [validation data] Evaluates on the training data.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
    for epoch in range(1, epochs + 1):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        accuracy = evaluate(model, train_loader)
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
        # [global state] Seeds PyTorch's global generator inside the function.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    torch.manual_seed(0)
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
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
    model.load_state_dict(best_weights)
    return history
''',
        # [restores into a copy] Loads the best weights into a new model, not the caller's.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": [], "best_epoch": 0}
    best_accuracy, best_weights, waited = -1.0, None, 0
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
    import copy
    model = copy.deepcopy(model)
    model.load_state_dict(best_weights)
    return history
''',
        # [dtype: int] Right loop, but best_epoch from np.argmax afterwards: a NumPy integer, not an int.
        '''def fit_by_hand(model, train_loader, val_loader, loss_fn, optimizer, epochs, patience):
    history = {"train_loss": [], "val_acc": []}
    best_accuracy, best_weights, waited = -1.0, None, 0
    for epoch in range(epochs):
        history["train_loss"].append(train_one_epoch(model, train_loader, loss_fn, optimizer))
        history["val_acc"].append(evaluate(model, val_loader))
        if history["val_acc"][-1] > best_accuracy:
            best_accuracy, waited = history["val_acc"][-1], 0
            best_weights = {k: v.detach().clone() for k, v in model.state_dict().items()}
        else:
            waited += 1
            if waited >= patience:
                break
    history["best_epoch"] = np.argmax(history["val_acc"]) + 1
    model.load_state_dict(best_weights)
    return history
''',
    ],
}
