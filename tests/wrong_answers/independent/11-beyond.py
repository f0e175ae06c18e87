"""Independent wrong answers for 11-beyond, written from the student notebook only (no tests read)."""

WRONG_ANSWERS: dict[str, list[str]] = {
    "ex1-vae-loss": [
        # default reduction="mean" for the BCE: the reconstruction is averaged over pixels and images, 64 times too small next to the KL
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    """Reconstruction (BCE with logits, summed over pixels) + beta × KL (summed over latents), batch mean."""
    reconstruction = F.binary_cross_entropy_with_logits(logits, x)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(dim=1)
    return reconstruction + beta * kl.mean()
''',
        # sums the BCE over dim 1 only: right for (B, 64), but for a (B, 1, 8, 8) batch it sums the channel axis and the KL broadcasts against the rows
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    """Reconstruction (BCE with logits, summed over pixels) + beta × KL (summed over latents), batch mean."""
    bce = F.binary_cross_entropy_with_logits(logits, x, reduction="none")
    reconstruction = bce.sum(1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(1)
    return (reconstruction + beta * kl).mean()
''',
        # sigma where sigma² belongs: takes sigma = exp(0.5 × logvar), as in the reparameterisation, and puts it in the KL
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    """Reconstruction (BCE with logits, summed over pixels) + beta × KL (summed over latents), batch mean."""
    bce = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(1)
    sigma = torch.exp(0.5 * logvar)
    kl = 0.5 * (sigma + mu ** 2 - 1 - logvar).sum(1)
    return (bce + beta * kl).mean()
''',
        # logvar read as log sigma (as in the reparameterisation's exp(0.5 * logvar) confusion): sigma² = exp(2 * logvar)
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    """Reconstruction (BCE with logits, summed over pixels) + beta × KL (summed over latents), batch mean."""
    bce = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(1)
    kl = 0.5 * ((2 * logvar).exp() + mu ** 2 - 1 - 2 * logvar).sum(1)
    return (bce + beta * kl).mean()
''',
        # KL averaged over the latent numbers instead of summed
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    """Reconstruction (BCE with logits, summed over pixels) + beta × KL (summed over latents), batch mean."""
    bce = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).mean(1)
    return (bce + beta * kl).mean()
''',
        # beta multiplies the whole loss, reconstruction included
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    """Reconstruction (BCE with logits, summed over pixels) + beta × KL (summed over latents), batch mean."""
    bce = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(1)
    return (beta * (bce + kl)).mean()
''',
        # sum over the batch instead of the mean: the loss grows with the batch size
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    """Reconstruction (BCE with logits, summed over pixels) + beta × KL (summed over latents), batch mean."""
    bce = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(1)
    return (bce + beta * kl).sum()
''',
        # drops the "- 1" of the KL ("a constant, it does not change the gradient"): the loss is off by latent / 2 × beta
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    """Reconstruction (BCE with logits, summed over pixels) + beta × KL (summed over latents), batch mean."""
    bce = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).sum(1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - logvar).sum(1)
    return (bce + beta * kl).mean()
''',
        # the BCE averaged over each image's pixels (mean instead of sum), then the batch mean
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    """Reconstruction (BCE with logits, summed over pixels) + beta × KL (summed over latents), batch mean."""
    bce = F.binary_cross_entropy_with_logits(logits, x, reduction="none").flatten(1).mean(1)
    kl = 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(1)
    return (bce + beta * kl).mean()
''',
        # accumulates per-image losses in a torch.zeros made on the CPU: fails as soon as the inputs are on a GPU
        '''def vae_loss(logits, x, mu, logvar, beta=1.0):
    """Reconstruction (BCE with logits, summed over pixels) + beta × KL (summed over latents), batch mean."""
    batch = x.shape[0]
    per_image = torch.zeros(batch)
    per_image = per_image + F.binary_cross_entropy_with_logits(logits, x, reduction="none").reshape(batch, -1).sum(1)
    per_image = per_image + beta * 0.5 * (logvar.exp() + mu ** 2 - 1 - logvar).sum(1)
    return per_image.mean()
''',
    ],
    "ex2-ddpm-step": [
        # sigma_t = beta_t instead of its square root
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    """x_{t-1} from x_t: DDPM's reverse step with sigma_t² = beta_t, and no noise at t = 0."""
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    if t > 0:
        return mean + betas[t] * z
    return mean
''',
        # 1 / sqrt(alpha_bar_t) in front instead of 1 / sqrt(alpha_t): the two alphas swapped
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    """x_{t-1} from x_t: DDPM's reverse step with sigma_t² = beta_t, and no noise at t = 0."""
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alpha_bars[t])
    if t > 0:
        return mean + torch.sqrt(betas[t]) * z
    return mean
''',
        # the noise's weight uses alphas[t] instead of alpha_bars[t]: beta_t / sqrt(1 - alpha_t)
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    """x_{t-1} from x_t: DDPM's reverse step with sigma_t² = beta_t, and no noise at t = 0."""
    mean = (x_t - betas[t] / torch.sqrt(1 - alphas[t]) * noise_pred) / torch.sqrt(alphas[t])
    if t > 0:
        return mean + torch.sqrt(betas[t]) * z
    return mean
''',
        # the paper's 1-based steps: indexes the schedule with t - 1 (and t == 0 reads the last entry)
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    """x_{t-1} from x_t: DDPM's reverse step with sigma_t² = beta_t, and no noise at t = 0."""
    i = t - 1
    mean = (x_t - betas[i] / torch.sqrt(1 - alpha_bars[i]) * noise_pred) / torch.sqrt(alphas[i])
    if t > 0:
        return mean + torch.sqrt(betas[i]) * z
    return mean
''',
        # copies Algorithm 2's "z = 0 unless t > 1" literally: with 0-based t the noise is also dropped at t == 1
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    """x_{t-1} from x_t: DDPM's reverse step with sigma_t² = beta_t, and no noise at t = 0."""
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    if t > 1:
        return mean + torch.sqrt(betas[t]) * z
    return mean
''',
        # adds sigma_t * z at every step, the last one (t == 0) included
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    """x_{t-1} from x_t: DDPM's reverse step with sigma_t² = beta_t, and no noise at t = 0."""
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    return mean + torch.sqrt(betas[t]) * z
''',
        # works in place on x_t ("saves memory"): the caller's tensor is changed
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    """x_{t-1} from x_t: DDPM's reverse step with sigma_t² = beta_t, and no noise at t = 0."""
    x_t -= betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred
    x_t /= torch.sqrt(alphas[t])
    if t > 0:
        x_t += torch.sqrt(betas[t]) * z
    return x_t
''',
        # the other variance of the paper, the posterior's beta-tilde = (1 - alpha_bar_{t-1}) / (1 - alpha_bar_t) × beta_t, instead of beta_t
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    """x_{t-1} from x_t: DDPM's reverse step with sigma_t² = beta_t, and no noise at t = 0."""
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    if t == 0:
        return mean
    variance = (1 - alpha_bars[t - 1]) / (1 - alpha_bars[t]) * betas[t]
    return mean + torch.sqrt(variance) * z
''',
        # forgets the square root in the noise's weight: beta_t / (1 - alpha_bar_t)
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    """x_{t-1} from x_t: DDPM's reverse step with sigma_t² = beta_t, and no noise at t = 0."""
    mean = (x_t - betas[t] / (1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    if t > 0:
        return mean + torch.sqrt(betas[t]) * z
    return mean
''',
        # "no noise at the last step" done with a fresh torch.zeros(x_t.shape): made on the CPU, it fails with GPU inputs at t == 0
        '''def ddpm_step(x_t, t, noise_pred, betas, alphas, alpha_bars, z):
    """x_{t-1} from x_t: DDPM's reverse step with sigma_t² = beta_t, and no noise at t = 0."""
    if t == 0:
        z = torch.zeros(x_t.shape)
    mean = (x_t - betas[t] / torch.sqrt(1 - alpha_bars[t]) * noise_pred) / torch.sqrt(alphas[t])
    return mean + torch.sqrt(betas[t]) * z
''',
    ],
    "ex3-q-update": [
        # bootstraps from the row of the state the agent was in, not the one it landed in
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    """Move Q[state, action] a fraction alpha towards the one-step target, in place; return the TD error."""
    target = reward if terminated else reward + gamma * np.max(Q[state])
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # SARSA-like: the value of repeating the same action in next_state, not the row's max
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    """Move Q[state, action] a fraction alpha towards the one-step target, in place; return the TD error."""
    target = reward if terminated else reward + gamma * Q[next_state, action]
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # the old gym "done" bug: a time-out (truncated) is treated as the end of the episode
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    """Move Q[state, action] a fraction alpha towards the one-step target, in place; return the TD error."""
    done = terminated or truncated
    target = reward if done else reward + gamma * np.max(Q[next_state])
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # flags swapped: skips the bootstrap when truncated, bootstraps through a real end (terminated)
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    """Move Q[state, action] a fraction alpha towards the one-step target, in place; return the TD error."""
    target = reward + gamma * np.max(Q[next_state]) * (not truncated)
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # updates a copy "to avoid side effects": the caller's table never changes
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    """Move Q[state, action] a fraction alpha towards the one-step target, in place; return the TD error."""
    Q = Q.copy()
    target = reward if terminated else reward + gamma * np.max(Q[next_state])
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # reward added outside alpha × (...): Q += r + alpha × (gamma max Q' - Q)
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    """Move Q[state, action] a fraction alpha towards the one-step target, in place; return the TD error."""
    future = 0.0 if terminated else gamma * np.max(Q[next_state])
    delta = reward + future - Q[state, action]
    Q[state, action] += reward + alpha * (future - Q[state, action])
    return float(delta)
''',
        # returns the error left AFTER the update, (1 - alpha) × delta, instead of the TD error
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    """Move Q[state, action] a fraction alpha towards the one-step target, in place; return the TD error."""
    target = reward if terminated else reward + gamma * np.max(Q[next_state])
    Q[state, action] += alpha * (target - Q[state, action])
    return float(target - Q[state, action])
''',
        # gamma discounts the reward too: target = gamma × (r + max Q')
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    """Move Q[state, action] a fraction alpha towards the one-step target, in place; return the TD error."""
    target = reward if terminated else gamma * (reward + np.max(Q[next_state]))
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # np.max(Q) over the whole table instead of row next_state
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    """Move Q[state, action] a fraction alpha towards the one-step target, in place; return the TD error."""
    target = reward if terminated else reward + gamma * np.max(Q)
    delta = target - Q[state, action]
    Q[state, action] += alpha * delta
    return float(delta)
''',
        # adds alpha × delta to the whole row Q[state], changing the other actions' values too
        '''def q_learning_update(Q, state, action, reward, next_state, terminated, truncated, alpha, gamma):
    """Move Q[state, action] a fraction alpha towards the one-step target, in place; return the TD error."""
    target = reward if terminated else reward + gamma * np.max(Q[next_state])
    delta = target - Q[state, action]
    Q[state] += alpha * delta
    return float(delta)
''',
    ],
    "ex4-epsilon-greedy": [
        # schedule not stopped at decay_steps: epsilon keeps falling below end, then below 0
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    return float(start + (end - start) * step / decay_steps)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    values = np.asarray(q_values)
    best_actions = np.flatnonzero(values == values.max())
    return int(best_actions[rng.integers(len(best_actions))])
''',
        # exponential decay ("epsilon decay") instead of a straight line: same ends, wrong in between
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    share = min(step, decay_steps) / decay_steps
    return float(start * (end / start) ** share)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    values = np.asarray(q_values)
    best_actions = np.flatnonzero(values == values.max())
    return int(best_actions[rng.integers(len(best_actions))])
''',
        # integer division step // decay_steps: epsilon stays at start until decay_steps, then jumps to end
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    share = max(0, 1 - step // decay_steps)
    return float(end + (start - end) * share)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    values = np.asarray(q_values)
    best_actions = np.flatnonzero(values == values.max())
    return int(best_actions[rng.integers(len(best_actions))])
''',
        # off by one in the schedule: reaches end at step decay_steps - 1 (divides by decay_steps - 1)
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    share = max(0.0, 1 - step / (decay_steps - 1))
    return float(end + (start - end) * share)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    values = np.asarray(q_values)
    best_actions = np.flatnonzero(values == values.max())
    return int(best_actions[rng.integers(len(best_actions))])
''',
        # greedy part keeps np.argmax: ties always go to the first best action
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    share = max(0.0, 1 - step / decay_steps)
    return float(end + (start - end) * share)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    return int(np.argmax(q_values))
''',
        # skips the coin when epsilon is 0 ("no need to draw"): every later draw of the generator shifts
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    share = max(0.0, 1 - step / decay_steps)
    return float(end + (start - end) * share)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    if epsilon > 0 and rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    values = np.asarray(q_values)
    best_actions = np.flatnonzero(values == values.max())
    return int(best_actions[rng.integers(len(best_actions))])
''',
        # ties broken with the global np.random.choice instead of rng
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    share = max(0.0, 1 - step / decay_steps)
    return float(end + (start - end) * share)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    values = np.asarray(q_values)
    best_actions = np.flatnonzero(values == values.max())
    return int(np.random.choice(best_actions))
''',
        # exploration picks among the NON-best actions only ("exploring means trying something else")
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    share = max(0.0, 1 - step / decay_steps)
    return float(end + (start - end) * share)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    values = np.asarray(q_values)
    best_actions = np.flatnonzero(values == values.max())
    if rng.random() < epsilon:
        others = np.flatnonzero(values != values.max())
        pool = others if len(others) else np.arange(len(values))
        return int(pool[rng.integers(len(pool))])
    return int(best_actions[rng.integers(len(best_actions))])
''',
        # random.randint habit: rng.integers(len(q_values) - 1) "inclusive", so exploring never picks the last action
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    share = max(0.0, 1 - step / decay_steps)
    return float(end + (start - end) * share)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values) - 1))
    values = np.asarray(q_values)
    best_actions = np.flatnonzero(values == values.max())
    return int(best_actions[rng.integers(len(best_actions))])
''',
        # draws the tie-break before the coin (two draws, in the wrong order): a different action stream
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    share = max(0.0, 1 - step / decay_steps)
    return float(end + (start - end) * share)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    values = np.asarray(q_values)
    best_actions = np.flatnonzero(values == values.max())
    greedy = int(best_actions[rng.integers(len(best_actions))])
    if rng.random() < epsilon:
        return int(rng.integers(len(values)))
    return greedy
''',
        # shuffles the best actions and takes the first: rng.permutation consumes other draws than rng.integers(k)
        '''def epsilon_schedule(step, start, end, decay_steps):
    """ε at this step: a straight line from start (step 0) to end (step decay_steps), then end."""
    share = max(0.0, 1 - step / decay_steps)
    return float(end + (start - end) * share)


def epsilon_greedy(q_values, epsilon, rng):
    """An action index: random with probability epsilon, else one of the best, ties broken at random."""
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    values = np.asarray(q_values)
    best_actions = np.flatnonzero(values == values.max())
    return int(rng.permutation(best_actions)[0])
''',
    ],
    "ex6-agreement": [
        # argmax over axis 0: one "class" per column instead of one per row
        '''def agreement(reference_proba, exported_proba):
    """How closely an export follows the original model: agreement, largest change, disagreeing rows."""
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported = np.asarray(exported_proba, dtype=np.float64)
    differ = reference.argmax(axis=0) != exported.argmax(axis=0)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(np.abs(reference - exported).max()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
        # largest signed difference: max before abs, a drop of a probability is missed
        '''def agreement(reference_proba, exported_proba):
    """How closely an export follows the original model: agreement, largest change, disagreeing rows."""
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported = np.asarray(exported_proba, dtype=np.float64)
    differ = reference.argmax(axis=1) != exported.argmax(axis=1)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float((reference - exported).max()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
        # computes in float32 "like the export": the smallest changes round away
        '''def agreement(reference_proba, exported_proba):
    """How closely an export follows the original model: agreement, largest change, disagreeing rows."""
    reference = np.asarray(reference_proba, dtype=np.float32)
    exported = np.asarray(exported_proba, dtype=np.float32)
    differ = reference.argmax(axis=1) != exported.argmax(axis=1)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(np.abs(reference - exported).max()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
        # mean absolute difference instead of the largest one
        '''def agreement(reference_proba, exported_proba):
    """How closely an export follows the original model: agreement, largest change, disagreeing rows."""
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported = np.asarray(exported_proba, dtype=np.float64)
    differ = reference.argmax(axis=1) != exported.argmax(axis=1)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(np.abs(reference - exported).mean()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
        # compares the probabilities themselves: a row "agrees" only if every probability is identical
        '''def agreement(reference_proba, exported_proba):
    """How closely an export follows the original model: agreement, largest change, disagreeing rows."""
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported = np.asarray(exported_proba, dtype=np.float64)
    differ = ~np.all(reference == exported, axis=1)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(np.abs(reference - exported).max()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
        # disagreeing rows as the DataFrame's index labels instead of positions from the top
        '''def agreement(reference_proba, exported_proba):
    """How closely an export follows the original model: agreement, largest change, disagreeing rows."""
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported = np.asarray(exported_proba, dtype=np.float64)
    differ = reference.argmax(axis=1) != exported.argmax(axis=1)
    labels = None
    for table in (exported_proba, reference_proba):
        if isinstance(table, pd.DataFrame):
            labels = np.asarray(table.index)
            break
    rows = labels[differ] if labels is not None else np.flatnonzero(differ)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(np.abs(reference - exported).max()),
            "disagreeing_rows": np.asarray(rows, dtype=int)}
''',
        # returns the True/False mask of disagreeing rows instead of their positions
        '''def agreement(reference_proba, exported_proba):
    """How closely an export follows the original model: agreement, largest change, disagreeing rows."""
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported = np.asarray(exported_proba, dtype=np.float64)
    differ = reference.argmax(axis=1) != exported.argmax(axis=1)
    return {"agreement": float(1 - differ.mean()),
            "max_difference": float(np.abs(reference - exported).max()),
            "disagreeing_rows": differ}
''',
        # "agreement" as the number of agreeing rows, not their share
        '''def agreement(reference_proba, exported_proba):
    """How closely an export follows the original model: agreement, largest change, disagreeing rows."""
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported = np.asarray(exported_proba, dtype=np.float64)
    same = reference.argmax(axis=1) == exported.argmax(axis=1)
    return {"agreement": float(same.sum()),
            "max_difference": float(np.abs(reference - exported).max()),
            "disagreeing_rows": np.flatnonzero(~same)}
''',
        # the share of DISagreeing rows reported as "agreement"
        '''def agreement(reference_proba, exported_proba):
    """How closely an export follows the original model: agreement, largest change, disagreeing rows."""
    reference = np.asarray(reference_proba, dtype=np.float64)
    exported = np.asarray(exported_proba, dtype=np.float64)
    differ = reference.argmax(axis=1) != exported.argmax(axis=1)
    return {"agreement": float(differ.mean()),
            "max_difference": float(np.abs(reference - exported).max()),
            "disagreeing_rows": np.flatnonzero(differ)}
''',
    ],
}
