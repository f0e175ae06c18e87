"""Tests of utils.env: setup, seeds, threads (cgroup quotas), device, platform, environment check."""

from __future__ import annotations

import dataclasses
import os
import random
import re
import subprocess
import sys

import matplotlib
import numpy as np
import pytest
import torch

from utils import env


def set_deterministic(mode: bool) -> None:
    """torch.use_deterministic_algorithms(mode) without importing torch._inductor (~2.5 s)."""
    torch._C._set_deterministic_algorithms(mode, warn_only=False)

pytestmark = pytest.mark.usefixtures("restore_global_state")


# --------------------------------------------------------------------------------------
# setup()
# --------------------------------------------------------------------------------------


def test_setup_returns_run_info_and_prints_one_summary_line(local_platform, capsys):
    info = env.setup(seed=7, device="cpu", threads=1)

    assert isinstance(info, env.RunInfo)
    assert (info.seed, info.device, info.threads, info.platform) == (7, torch.device("cpu"), 1, "local")
    assert info.python == ".".join(map(str, sys.version_info[:3]))
    assert info.torch_version == torch.__version__
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert re.fullmatch(r"Seed 7 · device cpu · 1 thread · running locally · torch \S+\n", out)


def test_setup_quiet_when_not_verbose(capsys):
    env.setup(verbose=False)
    assert capsys.readouterr().out == ""


def test_run_info_is_frozen():
    info = env.setup(verbose=False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.seed = 1  # type: ignore[misc]


def test_setup_summary_names_binder(local_platform, capsys):
    local_platform.setenv("BINDER_REPO_URL", "https://github.com/example/course")
    info = env.setup(verbose=True)
    assert info.platform == "binder"
    assert "running on Binder" in capsys.readouterr().out


def _draws() -> tuple[float, float, float]:
    return random.random(), float(np.random.rand()), float(torch.rand(1))


def test_setup_same_seed_same_numbers_different_seed_different():
    env.setup(seed=3, verbose=False)
    first = _draws()
    env.setup(seed=3, verbose=False)
    assert _draws() == first
    env.setup(seed=4, verbose=False)
    assert all(a != b for a, b in zip(_draws(), first))


def test_seed_everything_is_reproducible():
    env.seed_everything(11)
    first = _draws()
    env.seed_everything(11)
    assert _draws() == first


def test_setup_turns_on_deterministic_algorithms_with_warnings_only():
    set_deterministic(False)
    env.setup(verbose=False)
    assert torch.are_deterministic_algorithms_enabled()
    assert torch.is_deterministic_algorithms_warn_only_enabled()


def test_setup_sets_the_compiler_flag_only_if_the_compiler_is_loaded(monkeypatch):
    import types

    fake_config = types.SimpleNamespace(deterministic=False)
    monkeypatch.setitem(sys.modules, "torch._inductor.config", fake_config)
    env.setup(verbose=False)
    assert fake_config.deterministic is True


def test_setup_sets_threads_and_omp_when_unset():
    info = env.setup(threads=1, verbose=False)
    assert info.threads == 1
    assert torch.get_num_threads() == 1
    assert os.environ["OMP_NUM_THREADS"] == "1"


def test_setup_caps_loaded_blas_and_openmp_pools():
    from threadpoolctl import threadpool_info, threadpool_limits

    threadpool_limits(limits=2)
    env.setup(threads=1, verbose=False)
    pools = threadpool_info()  # NumPy's OpenBLAS and PyTorch's OpenMP at least
    assert {pool["user_api"] for pool in pools} >= {"blas", "openmp"}
    assert all(pool["num_threads"] == 1 for pool in pools)


def test_libraries_get_one_thread_while_pytorch_keeps_its_own(monkeypatch):
    import torch
    from threadpoolctl import threadpool_info

    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    info = env.setup(threads=2, verbose=False)
    assert info.threads == 2 and torch.get_num_threads() == 2
    assert os.environ["OMP_NUM_THREADS"] == "1"  # for OpenMP runtimes loaded later
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_library_threads_can_be_raised_and_are_validated():
    env.setup(threads=1, library_threads=2, verbose=False)
    assert os.environ["OMP_NUM_THREADS"] == "2"
    with pytest.raises(ValueError, match="library_threads"):
        env.setup(library_threads=0, verbose=False)
    env.setup(threads=1, verbose=False)


def test_setup_sets_colour_blind_safe_plot_style():
    env.setup(verbose=False)
    colours = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
    assert colours[:2] == ["#006BA4", "#FF800E"]  # tableau-colorblind10
    assert matplotlib.rcParams["axes.grid"] is True
    assert tuple(matplotlib.rcParams["figure.figsize"]) == (6.4, 4.0)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"seed": "42"}, TypeError, r"seed must be an int, but got str '42'"),
        ({"seed": 1.5}, TypeError, r"seed must be an int"),
        ({"seed": True}, TypeError, r"seed must be an int"),
        ({"seed": -1}, ValueError, r"seed must be between 0 and 4294967295, but got -1"),
        ({"threads": 0}, ValueError, r"threads must be between 1 and 256, but got 0"),
        ({"threads": 2.0}, TypeError, r"threads must be an int"),
        ({"device": "tpu"}, ValueError, r"Unknown device 'tpu'. Choose one of: .*'cpu', 'cuda', 'mps'"),
        ({"device": 0}, TypeError, r"device must be a string"),
        ({"verbose": "yes"}, TypeError, r"verbose must be True or False"),
    ],
)
def test_setup_rejects_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        env.setup(**kwargs)


def test_seed_everything_rejects_bad_seed():
    with pytest.raises(ValueError, match="seed must be between 0 and"):
        env.seed_everything(2**32)


# --------------------------------------------------------------------------------------
# Devices
# --------------------------------------------------------------------------------------


@pytest.fixture()
def no_gpu(monkeypatch):
    monkeypatch.setattr(env, "_cuda_available", lambda: False)
    monkeypatch.setattr(env, "_mps_available", lambda: False)
    return monkeypatch


def test_choose_device_falls_back_to_cpu(no_gpu):
    assert env.choose_device() == torch.device("cpu")
    assert env.choose_device("auto") == torch.device("cpu")


def test_choose_device_prefers_cuda_then_mps(no_gpu):
    no_gpu.setattr(env, "_mps_available", lambda: True)
    assert env.choose_device() == torch.device("mps")
    no_gpu.setattr(env, "_cuda_available", lambda: True)
    assert env.choose_device() == torch.device("cuda")


def test_choose_device_cpu_is_always_possible(monkeypatch):
    monkeypatch.setattr(env, "_cuda_available", lambda: True)
    assert env.choose_device("cpu") == torch.device("cpu")
    assert env.choose_device(" CPU ") == torch.device("cpu")
    assert env.choose_device(torch.device("cpu")) == torch.device("cpu")


@pytest.mark.parametrize(
    ("device", "message"),
    [("cuda", r"CUDA is not available"), ("cuda:0", r"CUDA is not available"),
     ("mps", r"MPS backend is not available")],
)
def test_choose_device_unavailable_device_is_a_clear_error(no_gpu, device, message):
    with pytest.raises(RuntimeError, match=message + r".*device='cpu'"):
        env.choose_device(device)


@pytest.mark.parametrize("device", ["gpu", "cuda:x", ""])
def test_choose_device_unknown_name(device):
    with pytest.raises(ValueError, match=r"Choose one of: None .*'cpu', 'cuda', 'mps'"):
        env.choose_device(device)


# --------------------------------------------------------------------------------------
# CPUs and threads
# --------------------------------------------------------------------------------------


def _fake_files(files: dict[str, str]):
    return lambda path: files.get(path)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, 16),  # no cgroup limit
        ({"/sys/fs/cgroup/cpu.max": "max 100000"}, 16),  # v2, unlimited
        ({"/sys/fs/cgroup/cpu.max": "200000 100000"}, 2),  # v2, 2 CPUs
        ({"/sys/fs/cgroup/cpu.max": "150000 100000"}, 2),  # v2, 1.5 CPUs -> 2
        ({"/sys/fs/cgroup/cpu.max": "50000 100000"}, 1),  # v2, half a CPU -> 1
        ({"/sys/fs/cgroup/cpu.max": "6400000 100000"}, 16),  # quota above the affinity
        ({"/sys/fs/cgroup/cpu.max": "garbage"}, 16),
        ({"/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "100000", "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000"}, 1),
        ({"/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "300000",
          "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us": "100000"}, 3),
        ({"/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "-1", "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000"}, 16),
    ],
)
def test_available_cpus_honours_cgroup_quota(monkeypatch, files, expected):
    monkeypatch.setattr(env, "_affinity_cpus", lambda: 16)
    monkeypatch.setattr(env, "_read_text", _fake_files(files))
    assert env.available_cpus() == expected


def test_available_cpus_reads_a_nested_cgroup_v2_path(monkeypatch):
    monkeypatch.setattr(env, "_affinity_cpus", lambda: 16)
    files = {"/proc/self/cgroup": "0::/kubepods/pod7/container1",
             "/sys/fs/cgroup/cpu.max": "max 100000",
             "/sys/fs/cgroup/kubepods/pod7/container1/cpu.max": "max 100000",
             "/sys/fs/cgroup/kubepods/pod7/cpu.max": "200000 100000",
             "/sys/fs/cgroup/kubepods/cpu.max": "800000 100000"}
    monkeypatch.setattr(env, "_read_text", _fake_files(files))
    assert env.available_cpus() == 2


def test_available_cpus_honours_affinity(monkeypatch):
    monkeypatch.setattr(env, "_read_text", _fake_files({}))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert env.available_cpus() == 3


def test_available_cpus_on_this_machine_is_plausible():
    assert 1 <= env.available_cpus() <= (os.cpu_count() or 1)


@pytest.mark.parametrize(("quota", "expected_threads"), [("150000 100000", 2), ("max 100000", 4)])
def test_setup_default_threads_follow_quota_and_cap_at_four(monkeypatch, quota, expected_threads):
    monkeypatch.setattr(env, "_affinity_cpus", lambda: 64)  # a Binder host's cores
    monkeypatch.setattr(env, "_read_text", _fake_files({"/sys/fs/cgroup/cpu.max": quota}))
    info = env.setup(verbose=False)
    assert info.threads == expected_threads
    assert torch.get_num_threads() == expected_threads


def test_read_text_returns_none_for_missing_file(tmp_path):
    assert env._read_text(str(tmp_path / "missing")) is None
    (tmp_path / "cpu.max").write_text("100000 100000\n")
    assert env._read_text(str(tmp_path / "cpu.max")) == "100000 100000"


# --------------------------------------------------------------------------------------
# Platform
# --------------------------------------------------------------------------------------


def test_detect_platform_local(local_platform):
    assert env.detect_platform() == "local"


@pytest.mark.parametrize("variable", env.BINDER_ENV_VARS)
def test_detect_platform_binder_variables(local_platform, variable):
    local_platform.setenv(variable, "x")
    assert env.detect_platform() == "binder"


def test_detect_platform_binder_service_prefix(local_platform):
    local_platform.setenv("JUPYTERHUB_SERVICE_PREFIX", "/binder/jupyter/user/org-repo-abc/")
    assert env.detect_platform() == "binder"


def test_detect_platform_plain_jupyterhub_is_local(local_platform):
    local_platform.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/alice/")
    assert env.detect_platform() == "local"


@pytest.mark.parametrize("variable", ["COLAB_RELEASE_TAG", "COLAB_GPU"])
def test_detect_platform_colab_variables(local_platform, variable):
    local_platform.setenv(variable, "1")
    assert env.detect_platform() == "colab"


def test_detect_platform_colab_module_wins_over_binder(local_platform):
    local_platform.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    local_platform.setattr(env, "_colab_importable", lambda: True)
    assert env.detect_platform() == "colab"


def test_colab_not_importable_here():
    assert env._colab_importable() is False


# --------------------------------------------------------------------------------------
# Environment check
# --------------------------------------------------------------------------------------

PACKAGES = ["numpy", "scipy", "pandas", "scikit-learn", "scikit-image", "matplotlib", "tqdm",
            "ipywidgets", "torch", "torchvision", "skorch", "mnist1d"]


def test_check_environment_lists_every_requirement():
    table = env.check_environment()
    assert list(table.columns) == ["requirement", "needed", "found", "ok", "what to do"]
    assert table["requirement"].tolist() == ["python", *PACKAGES]
    assert table["ok"].dtype == bool
    needed = dict(zip(table["requirement"], table["needed"]))
    assert needed["python"] == ">=3.11"
    assert needed["scikit-learn"] == ">=1.3"
    assert needed["mnist1d"] == ">=0.0.2"


def test_this_environment_is_ok():
    table = env.check_environment()
    assert table["ok"].all(), table[~table["ok"]].to_string()
    assert (table["what to do"] == "").all()
    assert env.environment_ok() is True


def _fake_versions(monkeypatch, **overrides):
    real = env._installed_version

    def fake(distribution: str) -> str | None:
        return overrides[distribution] if distribution in overrides else real(distribution)

    monkeypatch.setattr(env, "_installed_version", fake)


def test_check_environment_reports_a_missing_package_with_what_to_do(monkeypatch, local_platform):
    _fake_versions(monkeypatch, mnist1d=None)
    table = env.check_environment().set_index("requirement")
    row = table.loc["mnist1d"]
    assert row["found"] == "missing"
    assert not row["ok"]
    assert "make lab" in row["what to do"]
    assert "pip install 'mnist1d>=0.0.2'" in row["what to do"]
    assert table.drop(index="mnist1d")["ok"].all()
    assert env.environment_ok() is False


def test_check_environment_reports_an_old_version(monkeypatch, local_platform):
    _fake_versions(monkeypatch, torch="2.1.2+cpu")
    row = env.check_environment().set_index("requirement").loc["torch"]
    assert row["found"] == "2.1.2+cpu"
    assert not row["ok"]
    assert row["what to do"].startswith("too old (2.1.2+cpu)")
    assert "pip install 'torch>=2.2'" in row["what to do"]


def test_check_environment_advice_on_colab(monkeypatch):
    _fake_versions(monkeypatch, tqdm=None)
    monkeypatch.setattr(env, "detect_platform", lambda: "colab")
    row = env.check_environment().set_index("requirement").loc["tqdm"]
    assert "%pip install 'tqdm>=4.65'" in row["what to do"]


def test_check_environment_reports_old_python(monkeypatch):
    monkeypatch.setattr(env, "_python_version", lambda: (3, 10, 12))
    row = env.check_environment().set_index("requirement").loc["python"]
    assert row["found"] == "3.10.12"
    assert not row["ok"]
    assert "Python 3.11 or newer" in row["what to do"]


@pytest.mark.parametrize(
    ("found", "minimum", "ok"),
    [("2.14.1+cu130", "2.2", True), ("0.0.2.post1", "0.0.2", True), ("1.9.0", "1.10", False),
     ("1.10", "1.10.0", True), ("2", "2.0", True), ("v3.7.1", "3.7", True), ("unknown", "1.0", False)],
)
def test_version_comparison(found, minimum, ok):
    assert env._version_at_least(found, minimum) is ok


def test_check_environment_does_not_import_torch():
    code = "import sys; from utils import env; env.check_environment(); print('torch' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_missing_torch_says_what_to_do(monkeypatch):
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "torch", None)  # makes `import torch` fail
        with pytest.raises(ImportError, match=r"PyTorch \(torch\) is not installed .*check_environment\(\)"):
            env.setup(verbose=False)
