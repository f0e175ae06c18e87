"""utils' PyTorch paths on a (simulated) GPU: a model on the GPU, data handed over on the CPU.

On CUDA or MPS, a helper that forgets to move a batch to the model's device, or calls .numpy()
on a GPU result, crashes; on this CPU-only machine it would pass. The suite runs the notebooks
on the simulated GPU (tests/nbval_wrong_answers.py), except the two whose claims time PyTorch
(08-cost, 10-choosing); these tests cover the helpers those notebooks use, on the same simulation.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from utils import cost, explain, train
from utils.guards import simulated_gpu

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


@pytest.fixture(autouse=True)
def private_scorecard(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_SCORECARD", str(tmp_path / "scorecard.json"))


@pytest.fixture
def data():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 4)).astype(np.float32)
    y = (X[:, 0] + X[:, 1] > 0).astype(np.int64)
    return X, y


def _net() -> nn.Module:
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))


def test_fit_trains_on_the_gpu_and_gives_the_cpu_s_history(data):
    X, y = data
    on_cpu = train.fit(_net(), (X, y), (X, y), epochs=3, batch_size=16, device="cpu", seed=0,
                       progress=False)
    with simulated_gpu() as gpu:
        model = _net()
        history = train.fit(model, (X, y), (X, y), epochs=3, batch_size=16, device=gpu.device,
                            seed=0, progress=False)
        assert next(model.parameters()).is_cuda, "fit leaves the model on the device it trained on"
        assert list(history["train_loss"]) == list(on_cpu["train_loss"])
        predictions = train.predict(model, X)
        probabilities = train.predict_proba(model, torch.as_tensor(X))
        assert isinstance(predictions, np.ndarray) and predictions.shape == (60,)
        assert np.allclose(np.asarray(probabilities).sum(axis=1), 1, atol=1e-5)
        assert "loss" in str(train.evaluate(model, (X, y))) or train.evaluate(model, (X, y)) is not None


def test_cost_measures_a_network_on_the_gpu(data):
    X, y = data
    with simulated_gpu() as gpu:
        model = _net().to(gpu.device)
        assert cost.latency(model, X, n_calls=3, warmup=1).p50_ms > 0
        assert cost.throughput(model, X, repeats=1) > 0
        assert cost.predict(model, X).shape == (60,)
        row = cost.profile(model, X, y, name="MLP", task="toy", notebook="08-cost", n_calls=3,
                           record=False)
        assert 0 <= row["score"] <= 1


def test_attributions_of_a_network_on_the_gpu(data):
    X, _ = data
    with simulated_gpu() as gpu:
        model = _net().to(gpu.device).eval()
        inputs = torch.as_tensor(X[:3])
        for method in ("saliency", "integrated_gradients"):
            maps = explain.attribute(model, inputs, target=1, method=method, n_steps=8)
            assert np.asarray(maps.cpu() if isinstance(maps, torch.Tensor) else maps).shape == (3, 4)
