"""utils.guards: shortcuts forbidden inside a block, global random state kept."""

from __future__ import annotations

import copy
import random
import subprocess
import sys

import numpy as np
import pytest
import torch
from sklearn.decomposition import PCA
from sklearn.model_selection import cross_val_score
from sklearn.tree import DecisionTreeClassifier

from utils._simulated_gpu import DeviceMismatch
from utils.guards import ShortcutUsed, keeps_global_random_state, shortcuts_forbidden, simulated_gpu

X = np.random.default_rng(0).normal(size=(40, 3))
Y = (X[:, 0] > 0).astype(int)


def test_a_function_imported_by_name_is_forbidden_and_restored():
    with shortcuts_forbidden("sklearn.model_selection.cross_val_score", task="write the CV loop"):
        with pytest.raises(ShortcutUsed, match="write the CV loop yourself.*cross_val_score"):
            cross_val_score(DecisionTreeClassifier(), X, Y, cv=2)  # the name bound in this module
    assert len(cross_val_score(DecisionTreeClassifier(), X, Y, cv=2)) == 2


def test_a_function_reached_through_another_library_function_is_forbidden():
    import sklearn.metrics

    with shortcuts_forbidden("sklearn.metrics.precision_recall_fscore_support", task="count"):
        with pytest.raises(ShortcutUsed):
            sklearn.metrics.f1_score(Y, Y)  # calls it inside scikit-learn
    assert sklearn.metrics.f1_score(Y, Y) == 1.0


def test_a_class_is_forbidden_even_for_an_instance_fitted_before_the_block():
    fitted = DecisionTreeClassifier(random_state=0).fit(X, Y)
    with shortcuts_forbidden("sklearn.tree.DecisionTreeClassifier", task="write the rules"):
        with pytest.raises(ShortcutUsed, match="DecisionTreeClassifier.predict"):
            fitted.predict(X)
        with pytest.raises(ShortcutUsed):
            DecisionTreeClassifier()
        with pytest.raises(ShortcutUsed):
            PCA(2).fit(X) and None or DecisionTreeClassifier().fit(X, Y)
    assert (fitted.predict(X) == Y).mean() > 0.9
    assert "predict" not in vars(DecisionTreeClassifier)  # the inherited method shows again


def test_a_method_is_forbidden():
    layer = torch.nn.Linear(3, 2)
    with shortcuts_forbidden("torch.nn.Module.parameters", task="count the parameters"):
        with pytest.raises(ShortcutUsed):
            sum(p.numel() for p in layer.parameters())
    assert sum(p.numel() for p in layer.parameters()) == 8


def test_everything_is_restored_when_the_block_raises():
    with pytest.raises(RuntimeError):
        with shortcuts_forbidden("numpy.mean", "sklearn.decomposition.PCA", task="x"):
            raise RuntimeError("inside")
    assert np.mean([1.0, 3.0]) == 2.0
    assert PCA(1).fit_transform(X).shape == (40, 1)


def test_unknown_names_and_bad_calls_are_explained():
    with pytest.raises(ValueError, match="cannot find 'sklearn.nope'"):
        with shortcuts_forbidden("sklearn.nope", task="x"):
            pass
    with pytest.raises(ValueError, match="at least one"):
        shortcuts_forbidden(task="x")
    with pytest.raises(TypeError):
        shortcuts_forbidden(np.mean, task="x")


@pytest.mark.parametrize("draw, generator", [
    (lambda: np.random.seed(0), "NumPy"),
    (lambda: random.random(), "Python"),
    (lambda: torch.manual_seed(3), "PyTorch"),
    (lambda: torch.rand(2), "PyTorch"),
])
def test_a_change_of_global_random_state_fails(draw, generator, restore_global_state):
    with pytest.raises(AssertionError, match=f"(?s)changed {generator}.*default_rng"):
        with keeps_global_random_state("my_split(...)"):
            draw()


def test_own_generators_keep_global_random_state():
    with keeps_global_random_state("my_split(...)"):
        np.random.default_rng(0).permutation(10)
        torch.rand(2, generator=torch.Generator().manual_seed(0))
        random.Random(0).random()


# --- simulated_gpu -------------------------------------------------------------------------------

def _mlp() -> torch.nn.Module:
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))


def test_simulated_gpu_places_a_model_and_what_it_computes():
    with simulated_gpu() as gpu:
        model = _mlp().to(gpu.device)
        parameter = next(model.parameters())
        assert parameter.device == torch.device("cuda", 0) and parameter.is_cuda
        outputs = model(torch.ones(5, 3).to(gpu.device))
        assert outputs.device.type == "cuda" and gpu.placed(outputs)
        assert gpu.placed(outputs.argmax(dim=1)) and gpu.placed(torch.zeros_like(outputs))


def test_simulated_gpu_refuses_a_cpu_batch_and_cpu_labels():
    with simulated_gpu() as gpu:
        model = _mlp().to(gpu.device)
        with pytest.raises(DeviceMismatch, match="same device"):
            model(torch.ones(5, 3))
        outputs = model(torch.ones(5, 3).to(gpu.device))
        with pytest.raises(DeviceMismatch, match="cross_entropy|same device"):
            torch.nn.functional.cross_entropy(outputs, torch.zeros(5, dtype=torch.long))


def test_simulated_gpu_refuses_numpy_until_cpu():
    with simulated_gpu() as gpu:
        placed = torch.ones(2, 2).to(gpu.device)
        with pytest.raises(TypeError, match="cpu"):
            placed.numpy()
        with pytest.raises(TypeError, match="cpu"):
            np.asarray(placed)
        back = placed.cpu()
        assert back.device.type == "cpu" and not gpu.placed(back)
        assert back.numpy().tolist() == [[1.0, 1.0], [1.0, 1.0]]
        assert placed.sum().item() == 4.0 and placed.tolist() == [[1.0, 1.0], [1.0, 1.0]]


def test_simulated_gpu_accepts_cpu_scalars_and_leaves_the_original_on_the_cpu():
    with simulated_gpu() as gpu:
        cpu = torch.ones(3)
        placed = cpu.to(gpu.device)
        assert placed is not cpu and not gpu.placed(cpu)
        assert gpu.placed(placed * torch.tensor(2.0)) and gpu.placed(placed * 2)
        assert gpu.placed(torch.zeros(3, device="cuda")) and gpu.placed(torch.as_tensor(cpu, device="cuda"))
        assert not gpu.placed(cpu), "as_tensor must copy, not place the caller's tensor"
        assert placed.to(gpu.device) is placed, "a tensor already on the GPU is not copied again"
        assert placed.to(torch.float64).device.type == "cuda" and cpu.to(placed).device.type == "cuda"


def test_simulated_gpu_trains_with_the_cpu_s_numbers():
    X, y = torch.randn(16, 3, generator=torch.Generator().manual_seed(1)), torch.arange(16) % 2

    def train(device: str | torch.device) -> list[float]:
        model = _mlp().to(device)
        optimiser = torch.optim.Adam(model.parameters(), lr=0.05)
        losses = []
        for _ in range(5):
            optimiser.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(X.to(device)), y.to(device))
            loss.backward()
            optimiser.step()
            losses.append(loss.item())
        return losses

    on_cpu = train("cpu")
    with simulated_gpu() as gpu:
        assert train(gpu.device) == on_cpu


def test_simulated_gpu_moves_models_back_and_copies_stay_where_they_were():
    with simulated_gpu() as gpu:
        model = _mlp().to(gpu.device)
        assert next(copy.deepcopy(model).parameters()).is_cuda
        model.cpu()
        assert next(model.parameters()).device.type == "cpu"
        model(torch.ones(1, 3))  # CPU model, CPU batch: fine


def test_simulated_gpu_ends_with_its_block():
    with simulated_gpu() as gpu:
        model = _mlp().to(gpu.device)
    assert next(model.parameters()).device.type == "cpu"  # outside, it is the CPU tensor it always was
    model(torch.ones(1, 3))
    assert copy.deepcopy(torch.nn.Parameter(torch.ones(1))).device.type == "cpu"


def test_simulate_for_session_makes_setup_choose_the_gpu():
    code = ("from utils import _simulated_gpu, env\n"
            "_simulated_gpu.simulate_for_session()\n"
            "run = env.setup(verbose=False)\n"
            "print(run.device.type)\n"
            "from utils.guards import simulated_gpu\n"
            "with simulated_gpu() as gpu: pass\n"
            "print(_simulated_gpu.active() is gpu._mode)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["cuda", "True"]
