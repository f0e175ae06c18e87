"""Tests of utils.env: setup, the one default seed, the one thread policy, plot style."""

from __future__ import annotations

import dataclasses
import inspect
import os
import random
import re
import sys

import matplotlib
import numpy as np
import pytest
import torch

from utils import cpus, env


def set_deterministic(mode: bool) -> None:
    """torch.use_deterministic_algorithms(mode) without importing torch._inductor (~2.5 s)."""
    torch._C._set_deterministic_algorithms(mode, warn_only=False)


pytestmark = pytest.mark.usefixtures("restore_global_state")


# --------------------------------------------------------------------------------------
# setup()
# --------------------------------------------------------------------------------------


def test_setup_returns_run_info_and_prints_one_summary_line(local_platform, capsys):
    info = env.setup(seed=7, device="cpu")

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
    printed = capsys.readouterr().out
    assert "running on Binder" in printed
    assert env.BINDER_MEMORY_ADVICE in printed and "Shut Down Kernel" in printed


def test_setup_gives_no_memory_advice_off_binder(local_platform, capsys):
    env.setup(device="cpu")
    assert "Shut Down Kernel" not in capsys.readouterr().out


def test_setup_on_colab_says_how_to_keep_the_scorecard(local_platform, capsys):
    local_platform.setenv("COLAB_RELEASE_TAG", "release-colab-20250101")
    local_platform.delenv("COURSE_SCORECARD", raising=False)
    env.setup(device="cpu")
    summary, advice = capsys.readouterr().out.splitlines()
    assert "running on Colab" in summary
    assert "scorecard.use_drive()" in advice and "scorecard.export()" in advice


def test_setup_summary_counts_threads_in_the_plural(monkeypatch, capsys):
    monkeypatch.setattr(cpus, "_affinity_cpus", lambda: 2)
    monkeypatch.setattr(cpus, "_read_text", lambda path: None)
    env.setup(threads=2)
    assert " · 2 threads · " in capsys.readouterr().out


# --------------------------------------------------------------------------------------
# Seeds: one documented default
# --------------------------------------------------------------------------------------


def test_the_default_seed_is_42_and_setup_uses_it():
    assert env.DEFAULT_SEED == 42
    assert inspect.signature(env.setup).parameters["seed"].default == env.DEFAULT_SEED
    assert env.setup(verbose=False).seed == 42


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


def test_seed_everything_rejects_bad_seed():
    with pytest.raises(ValueError, match="seed must be between 0 and"):
        env.seed_everything(2**32)


# --------------------------------------------------------------------------------------
# Threads: one policy
# --------------------------------------------------------------------------------------


def _pools() -> list[dict]:
    from threadpoolctl import threadpool_info

    return threadpool_info()


def test_by_default_one_thread_for_pytorch_and_for_every_library_on_any_machine(monkeypatch):
    from threadpoolctl import threadpool_limits

    monkeypatch.setattr(cpus, "_affinity_cpus", lambda: 64)  # a Binder host's cores ...
    monkeypatch.setattr(cpus, "_read_text", lambda path: None)  # ... and no quota at all
    threadpool_limits(limits=2)
    torch.set_num_threads(2)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")  # what a hub or a shell may have set: overridden

    info = env.setup(verbose=False)

    assert env.DEFAULT_THREADS == 1
    assert inspect.signature(env.setup).parameters["threads"].default == env.DEFAULT_THREADS
    assert info.threads == 1 and torch.get_num_threads() == 1
    pools = _pools()  # NumPy's OpenBLAS and PyTorch's OpenMP at least
    assert {pool["user_api"] for pool in pools} >= {"blas", "openmp"}
    assert all(pool["num_threads"] == 1 for pool in pools)
    assert {os.environ[variable] for variable in env.THREAD_ENV_VARS} == {"1"}  # runtimes loaded later


def test_a_learner_may_ask_for_more_threads(monkeypatch):
    monkeypatch.setattr(cpus, "_affinity_cpus", lambda: 2)
    monkeypatch.setattr(cpus, "_read_text", lambda path: None)
    info = env.setup(threads=2, verbose=False)
    assert info.threads == 2 and torch.get_num_threads() == 2
    assert all(pool["num_threads"] == 2 for pool in _pools() if pool["user_api"] == "blas")
    assert {os.environ[variable] for variable in env.THREAD_ENV_VARS} == {"2"}


def test_more_threads_than_cpus_is_a_warning_that_says_how_many(monkeypatch):
    monkeypatch.setattr(cpus, "_affinity_cpus", lambda: 64)
    monkeypatch.setattr(cpus, "_read_text", lambda path: "150000 100000" if path.endswith("cpu.max") else None)
    with pytest.warns(UserWarning, match=r"threads=3, but this process can use only 2 CPU\(s\).*threads=2"):
        assert env.set_threads(3) == 3


def test_set_threads_alone_applies_the_same_policy():
    assert env.set_threads() == 1
    assert torch.get_num_threads() == 1
    assert all(pool["num_threads"] == 1 for pool in _pools())


def test_setup_sets_colour_blind_safe_plot_style():
    env.setup(verbose=False)
    colours = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
    assert [matplotlib.colors.to_hex(c) for c in colours] == [c.lower() for c in env.OKABE_ITO]
    assert matplotlib.rcParams["axes.grid"] is True
    assert tuple(matplotlib.rcParams["figure.figsize"]) == (6.4, 4.0)


def test_the_plot_style_is_seaborns_theme_with_the_course_palette(restore_global_state):
    import seaborn as sns

    matplotlib.rcParams.update({"axes.facecolor": "black", "font.size": 20, "axes.spines.top": True})
    env.set_plot_style()
    assert [matplotlib.colors.to_hex(c) for c in sns.color_palette()] == [c.lower() for c in env.OKABE_ITO]
    assert matplotlib.rcParams["axes.facecolor"] == "white"  # seaborn's "whitegrid" style
    assert matplotlib.rcParams["grid.color"] == sns.axes_style("whitegrid")["grid.color"]
    for key, value in env.PLOT_RC.items():  # the course's sizes and details on top of it
        assert matplotlib.rcParams[key] == (list(value) if isinstance(value, tuple) else value), key
    assert matplotlib.rcParams["font.size"] == 11 and matplotlib.rcParams["axes.spines.top"] is False


def test_the_plot_style_is_exactly_what_seaborns_set_theme_makes(restore_global_state):
    """set_plot_style does not import seaborn (a second in every setup cell): it must leave
    matplotlib exactly as seaborn.set_theme with the course's theme, palette and settings would."""
    import seaborn as sns

    matplotlib.rcdefaults()
    sns.set_theme(**env.PLOT_THEME, palette=list(env.OKABE_ITO), rc=env.PLOT_RC)
    by_seaborn = dict(matplotlib.rcParams)
    matplotlib.rcdefaults()
    env.set_plot_style()
    differences = {key: (value, by_seaborn[key]) for key, value in matplotlib.rcParams.items()
                   if value != by_seaborn[key]}
    assert differences == {}, "regenerate utils/_seaborn_theme.py from this seaborn: " + repr(differences)


def test_setup_does_not_import_seaborn():
    import subprocess
    import sys

    code = "import sys; from utils import env; env.setup(verbose=False); print('seaborn' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"seed": "42"}, TypeError, r"seed must be an int, but got str '42'"),
        ({"seed": 1.5}, TypeError, r"seed must be an int"),
        ({"seed": True}, TypeError, r"seed must be an int"),
        ({"seed": -1}, ValueError, r"seed must be between 0 and 4294967295, but got -1"),
        ({"threads": 0}, ValueError, r"threads must be between 1 and 256, but got 0"),
        ({"threads": 2.0}, TypeError, r"threads must be an int"),
        ({"threads": None}, TypeError, r"threads must be an int"),
        ({"device": "tpu"}, ValueError, r"Unknown device 'tpu'. Choose one of: .*'cpu', 'cuda', 'mps'"),
        ({"device": 0}, TypeError, r"device must be a string"),
        ({"verbose": "yes"}, TypeError, r"verbose must be True or False"),
    ],
)
def test_setup_rejects_bad_arguments_before_changing_anything(kwargs, error, message):
    before = torch.get_num_threads(), np.random.get_state()[1].copy()
    with pytest.raises(error, match=message):
        env.setup(**kwargs)
    assert torch.get_num_threads() == before[0]
    assert np.array_equal(np.random.get_state()[1], before[1])


def test_missing_torch_says_what_to_do(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # makes `import torch` fail
    with pytest.raises(ImportError, match=r"PyTorch \(torch\) is not installed .*check_environment\(\)"):
        env.setup(verbose=False)
