"""Tests of utils.devices: CUDA, then MPS, then the CPU; clear errors for unknown or absent devices."""

from __future__ import annotations

import sys

import pytest
import torch

from utils import devices


@pytest.fixture()
def no_gpu(monkeypatch):
    monkeypatch.setattr(devices, "_cuda_available", lambda: False)
    monkeypatch.setattr(devices, "_mps_available", lambda: False)
    return monkeypatch


def test_choose_device_falls_back_to_cpu(no_gpu):
    assert devices.choose_device() == torch.device("cpu")
    assert devices.choose_device("auto") == torch.device("cpu")


def test_choose_device_prefers_cuda_then_mps(no_gpu):
    no_gpu.setattr(devices, "_mps_available", lambda: True)
    assert devices.choose_device() == torch.device("mps")
    no_gpu.setattr(devices, "_cuda_available", lambda: True)
    assert devices.choose_device() == torch.device("cuda")


def test_choose_device_cpu_is_always_possible(monkeypatch):
    monkeypatch.setattr(devices, "_cuda_available", lambda: True)
    assert devices.choose_device("cpu") == torch.device("cpu")
    assert devices.choose_device(" CPU ") == torch.device("cpu")
    assert devices.choose_device(torch.device("cpu")) == torch.device("cpu")


@pytest.mark.parametrize(
    ("device", "message"),
    [("cuda", r"CUDA is not available"), ("cuda:0", r"CUDA is not available"),
     ("mps", r"MPS backend is not available")],
)
def test_choose_device_unavailable_device_is_a_clear_error(no_gpu, device, message):
    with pytest.raises(RuntimeError, match=message + r".*device='cpu'"):
        devices.choose_device(device)


@pytest.mark.parametrize("device", ["gpu", "cuda:x", ""])
def test_choose_device_unknown_name(device):
    with pytest.raises(ValueError, match=r"Choose one of: None .*'cpu', 'cuda', 'mps'"):
        devices.choose_device(device)


def test_choose_device_rejects_a_non_string():
    with pytest.raises(TypeError, match=r"device must be a string"):
        devices.choose_device(0)  # type: ignore[arg-type]


def test_missing_torch_says_what_to_do(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # makes `import torch` fail
    with pytest.raises(ImportError, match=r"PyTorch \(torch\) is not installed .*check_environment\(\)"):
        devices.require_torch()
