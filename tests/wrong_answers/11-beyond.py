"""Plausible wrong answers to the exercises of 11-beyond.

Each key is the grade_id of a solution cell; each value is a list of complete replacement
sources for that cell. nbval's pass over the solution notebook (tests/nbval_wrong_answers.py)
runs, before that cell, each wrong source followed by the cell's tests (visible and hidden)
and fails if the tests accept it.
"""

_SCHEDULE = '''def epsilon_schedule(step, start, end, decay_steps):
    return float(end + (start - end) * max(0.0, 1 - step / decay_steps))


'''

_CHOICE = '''def epsilon_greedy(q_values, epsilon, rng):
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    values = np.asarray(q_values)
    best = np.flatnonzero(values == values.max())
    return int(best[rng.integers(len(best))])
'''

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-vae-loss": [
        # KL with the wrong sign: the "penalty" rewards moving away from the prior.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(dim=1)
    kl = -0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return (reconstruction + beta * kl).mean()
''',
        # logvar read as log σ: σ² = exp(2·logvar) and log σ² = 2·logvar.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(dim=1)
    kl = 0.5 * ((2 * logvar).exp() + mu ** 2 - 1 - 2 * logvar).sum(dim=1)
    return (reconstruction + beta * kl).mean()
''',
        # logvar read as σ itself: σ² = logvar², log σ² = log(logvar²).
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(dim=1)
    kl = 0.5 * (logvar ** 2 + mu ** 2 - 1 - torch.log(logvar ** 2)).sum(dim=1)
    return (reconstruction + beta * kl).mean()
''',
        # The ½ of the KL forgotten.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(dim=1)
    kl = (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return (reconstruction + beta * kl).mean()
''',
        # The mean over pixels instead of the sum: the reconstruction term 64 times too small.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).mean(dim=1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return (reconstruction + beta * kl).mean()
''',
        # .sum(1) "over pixels": on a (B, 1, H, W) batch it sums the channel only.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(dim=1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return reconstruction.mean() + beta * kl.mean()
''',
        # The logits treated as probabilities: the sigmoid applied twice.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(torch.sigmoid(logits), x, reduction="none").flatten(1).sum(dim=1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return (reconstruction + beta * kl).mean()
''',
        # The logits passed to the BCE for probabilities (PyTorch refuses values outside [0, 1]).
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy(logits, x, reduction="none").flatten(1).sum(dim=1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return (reconstruction + beta * kl).mean()
''',
        # The default reductions: a mean over everything, for both terms.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).mean()
    return reconstruction + beta * kl
''',
        # Sums over the batch too: the loss grows with the batch size.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="sum")
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum()
    return reconstruction + beta * kl
''',
        # Returns a Python float: nothing to back-propagate.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(dim=1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return (reconstruction + beta * kl).mean().item()
''',
        # Rebuilds the loss as a new tensor: the right number, cut off from the graph.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(dim=1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return torch.tensor((reconstruction + beta * kl).mean().item(), requires_grad=True, device=logits.device)
''',
        # beta ignored.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(dim=1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return (reconstruction + kl).mean()
''',
        # beta on the reconstruction term instead of the KL.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(dim=1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return (beta * reconstruction + kl).mean()
''',
        # The KL averaged over the latent numbers instead of summed.
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    reconstruction = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(dim=1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).mean(dim=1)
    return (reconstruction + beta * kl).mean()
''',
    ],
    "ex2-ddpm-step": [
        # ᾱ_t in front instead of α_t.
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alpha_bars[t])
    if t == 0:
        return mean
    return mean + torch.sqrt(betas[t]) * z
''',
        # α_t in the noise's weight instead of ᾱ_t.
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    mean = (x_t - betas[t] / torch.sqrt(1 - alphas[t]) * noise_pred) / torch.sqrt(alphas[t])
    if t == 0:
        return mean
    return mean + torch.sqrt(betas[t]) * z
''',
        # The square root missing in the noise's weight.
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    mean = (x_t - betas[t] / (1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    if t == 0:
        return mean
    return mean + torch.sqrt(betas[t]) * z
''',
        # The square root missing in front: divides by α_t.
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / alphas[t]
    if t == 0:
        return mean
    return mean + torch.sqrt(betas[t]) * z
''',
        # σ_t = β_t instead of √β_t.
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    if t == 0:
        return mean
    return mean + betas[t] * z
''',
        # Noise added on the last step too.
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    return mean + torch.sqrt(betas[t]) * z
''',
        # The paper's 1-based steps: everything read at t - 1.
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    i = t - 1
    mean = (x_t - betas[i] / torch.sqrt(1 - alpha_bars[i]) * noise_pred) / torch.sqrt(alphas[i])
    if t == 0:
        return mean
    return mean + torch.sqrt(betas[i]) * z
''',
        # No noise one step too early: the mean alone at t = 1 as well.
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    if t <= 1:
        return mean
    return mean + torch.sqrt(betas[t]) * z
''',
        # Adds the predicted noise instead of removing it.
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    mean = (x_t + betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    if t == 0:
        return mean
    return mean + torch.sqrt(betas[t]) * z
''',
        # Updates x_t in place: the caller's tensor changes.
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    x_t -= betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred
    x_t /= torch.sqrt(alphas[t])
    if t > 0:
        x_t += torch.sqrt(betas[t]) * z
    return x_t
''',
        # Python floats through NumPy: .numpy() of a GPU tensor fails (and the result leaves the GPU).
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    beta, alpha, alpha_bar = (float(np.asarray(s.numpy())[t]) for s in (betas, alphas, alpha_bars))
    mean = (x_t - beta / (1 - alpha_bar) ** 0.5 * noise_pred) / alpha ** 0.5
    return mean if t == 0 else mean + beta ** 0.5 * z
''',
    ],
    "ex3-q-update": [
        # The best value of the state the agent was in, not of the one it landed in.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    target = reward if terminated else reward + gamma * np.max(Q[state])
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # SARSA-like: the value of repeating the same action in the next state instead of the max.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    target = reward if terminated else reward + gamma * Q[next_state, action]
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # Expected value under a uniformly random next action (the mean of the row), not the max.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    target = reward if terminated else reward + gamma * np.mean(Q[next_state])
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # Forgets the terminal case: bootstraps from a hole or the goal too.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    target = reward + gamma * np.max(Q[next_state])
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # Old gym's `done`: a time-out is treated as the end of the world.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    done = terminated or truncated
    target = reward if done else reward + gamma * np.max(Q[next_state])
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # alpha and gamma in each other's place.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    target = reward if terminated else reward + alpha * np.max(Q[next_state])
    delta = target - Q[state, action]
    Q[state, action] += gamma * delta
    return float(delta)
''',
        # Works on a copy and returns a new table: the caller's table never changes.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    Q = Q.copy()
    target = reward if terminated else reward + gamma * np.max(Q[next_state])
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return Q
''',
        # Updates a copy but returns the right δ: the caller's table is left as it was.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    new_Q = Q.copy()
    target = reward if terminated else reward + gamma * np.max(Q[next_state])
    delta = target - Q[state, action]
    new_Q[state, action] += alpha * delta
    return float(delta)
''',
        # The reward is added outside the learning rate.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    bootstrap = 0.0 if terminated else gamma * np.max(Q[next_state])
    delta = reward + bootstrap - Q[state, action]
    Q[state, action] += reward + alpha * (bootstrap - Q[state, action])
    return float(delta)
''',
        # np.argmax (the index of the best action) where the best value was meant.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    target = reward if terminated else reward + gamma * np.argmax(Q[next_state])
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # Returns the step taken, alpha × δ, instead of δ.
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    target = reward if terminated else reward + gamma * np.max(Q[next_state])
    step = alpha * (target - Q[state, action])
    Q[state, action] += step
    return float(step)
''',
    ],
    "ex4-epsilon-greedy": [
        # Notebook 01's choice: np.argmax, the first best action, so ties always go to action 0.
        _SCHEDULE + '''def epsilon_greedy(q_values, epsilon, rng):
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    return int(np.argmax(q_values))
''',
        # Draws from NumPy's global generator instead of the rng it was given.
        _SCHEDULE + '''def epsilon_greedy(q_values, epsilon, rng):
    if np.random.random() < epsilon:
        return int(np.random.randint(len(q_values)))
    values = np.asarray(q_values)
    best = np.flatnonzero(values == values.max())
    return int(best[np.random.randint(len(best))])
''',
        # Skips the coin when epsilon is 0: every later draw shifts.
        _SCHEDULE + '''def epsilon_greedy(q_values, epsilon, rng):
    if epsilon > 0 and rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    values = np.asarray(q_values)
    best = np.flatnonzero(values == values.max())
    return int(best[rng.integers(len(best))])
''',
        # Exploring leaves the best action out.
        _SCHEDULE + '''def epsilon_greedy(q_values, epsilon, rng):
    values = np.asarray(q_values)
    if rng.random() < epsilon:
        others = [a for a in range(len(values)) if a != int(np.argmax(values))]
        return int(others[rng.integers(len(others))])
    best = np.flatnonzero(values == values.max())
    return int(best[rng.integers(len(best))])
''',
        # Breaks ties by shuffling the actions first: random, but not the draws the task prescribes.
        _SCHEDULE + '''def epsilon_greedy(q_values, epsilon, rng):
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    values = np.asarray(q_values)
    order = rng.permutation(len(values))
    return int(order[np.argmax(values[order])])
''',
        # Picks the tie-break before tossing the coin: the draws come in the wrong order.
        _SCHEDULE + '''def epsilon_greedy(q_values, epsilon, rng):
    values = np.asarray(q_values)
    best = np.flatnonzero(values == values.max())
    pick = int(best[rng.integers(len(best))])
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return pick
''',
        # Returns NumPy's integer, not a Python int.
        _SCHEDULE + '''def epsilon_greedy(q_values, epsilon, rng):
    if rng.random() < epsilon:
        return rng.integers(len(q_values))
    values = np.asarray(q_values)
    best = np.flatnonzero(values == values.max())
    return best[rng.integers(len(best))]
''',
        # The schedule's line is never stopped: after decay_steps epsilon goes below end, then below 0.
        '''def epsilon_schedule(step, start, end, decay_steps):
    return float(start + (end - start) * step / decay_steps)


''' + _CHOICE,
        # Decays towards 0 and only then clips at end: the line does not go from start to end.
        '''def epsilon_schedule(step, start, end, decay_steps):
    return float(max(end, start * (1 - step / decay_steps)))


''' + _CHOICE,
        # Reaches end one step early (decay_steps - 1).
        '''def epsilon_schedule(step, start, end, decay_steps):
    return float(end + (start - end) * max(0.0, 1 - step / max(decay_steps - 1, 1)))


''' + _CHOICE,
        # Exponential decay instead of a straight line.
        '''def epsilon_schedule(step, start, end, decay_steps):
    return float(max(end, start * (end / start) ** (step / decay_steps)))


''' + _CHOICE,
    ],
    "ex6-agreement": [
        # Compares the probabilities themselves with ==: float32 and float64 values almost never match.
        '''def agreement(reference_proba, exported_proba):
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported_ = np.asarray(exported_proba, dtype=np.float64)
    same = (reference == exported_).all(axis=1)
    return {"agreement": float(same.mean()),
            "max_difference": float(np.abs(reference - exported_).max()),
            "disagreeing_rows": np.flatnonzero(~same)}
''',
        # Compares the export with the true labels (its accuracy), not with the original model.
        '''def agreement(reference_proba, exported_proba):
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported_ = np.asarray(exported_proba, dtype=np.float64)
    wrong = exported_.argmax(axis=1) != labels_test[:len(exported_)]
    return {"agreement": float(1 - wrong.mean()),
            "max_difference": float(np.abs(reference - exported_).max()),
            "disagreeing_rows": np.flatnonzero(wrong)}
''',
        # No absolute value: only changes in one direction count.
        '''def agreement(reference_proba, exported_proba):
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported_ = np.asarray(exported_proba, dtype=np.float64)
    differ = reference.argmax(axis=1) != exported_.argmax(axis=1)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float((reference - exported_).max()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
        # The mean absolute difference instead of the largest: hides the row that changed most.
        '''def agreement(reference_proba, exported_proba):
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported_ = np.asarray(exported_proba, dtype=np.float64)
    differ = reference.argmax(axis=1) != exported_.argmax(axis=1)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(np.abs(reference - exported_).mean()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
        # argmax over the wrong axis: one row per class instead of one class per row.
        '''def agreement(reference_proba, exported_proba):
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported_ = np.asarray(exported_proba, dtype=np.float64)
    differ = reference.argmax(axis=0) != exported_.argmax(axis=0)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(np.abs(reference - exported_).max()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
        # Returns the rows that agree instead of those that disagree.
        '''def agreement(reference_proba, exported_proba):
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported_ = np.asarray(exported_proba, dtype=np.float64)
    same = reference.argmax(axis=1) == exported_.argmax(axis=1)
    return {"agreement": float(same.mean()),
            "max_difference": float(np.abs(reference - exported_).max()),
            "disagreeing_rows": np.flatnonzero(same)}
''',
        # The DataFrame's index labels instead of positions.
        '''def agreement(reference_proba, exported_proba):
    reference = pd.DataFrame(reference_proba)
    exported_ = pd.DataFrame(exported_proba)
    differ = reference.to_numpy().argmax(axis=1) != exported_.to_numpy().argmax(axis=1)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(np.abs(reference.to_numpy(dtype=float) - exported_.to_numpy(dtype=float)).max()),
            "disagreeing_rows": exported_.index[differ].to_numpy()}
''',
        # Computes in float32 (the export's type): changes below float32's resolution vanish.
        '''def agreement(reference_proba, exported_proba):
    reference = np.asarray(reference_proba, dtype=np.float32)
    exported_ = np.asarray(exported_proba, dtype=np.float32)
    differ = reference.argmax(axis=1) != exported_.argmax(axis=1)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(np.abs(reference - exported_).max()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
        # Assumes NumPy arrays: lists have no .argmax, and a DataFrame's .max() is per column.
        '''def agreement(reference_proba, exported_proba):
    differ = reference_proba.argmax(axis=1) != exported_proba.argmax(axis=1)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(abs(reference_proba - exported_proba).max()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
        # Counts disagreements instead of the share of rows that agree.
        '''def agreement(reference_proba, exported_proba):
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported_ = np.asarray(exported_proba, dtype=np.float64)
    differ = reference.argmax(axis=1) != exported_.argmax(axis=1)
    return {"agreement": float(differ.sum()),
            "max_difference": float(np.abs(reference - exported_).max()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
    ],
}
