"""Tests of utils.cpus: the CPUs a process can really use (affinity, cgroup v1 and v2 quotas)."""

from __future__ import annotations

import os

import pytest

from utils import cpus


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
    monkeypatch.setattr(cpus, "_affinity_cpus", lambda: 16)
    monkeypatch.setattr(cpus, "_read_text", _fake_files(files))
    assert cpus.available_cpus() == expected


def test_available_cpus_reads_a_nested_cgroup_v2_path(monkeypatch):
    monkeypatch.setattr(cpus, "_affinity_cpus", lambda: 16)
    files = {"/proc/self/cgroup": "0::/kubepods/pod7/container1",
             "/sys/fs/cgroup/cpu.max": "max 100000",
             "/sys/fs/cgroup/kubepods/pod7/container1/cpu.max": "max 100000",
             "/sys/fs/cgroup/kubepods/pod7/cpu.max": "200000 100000",
             "/sys/fs/cgroup/kubepods/cpu.max": "800000 100000"}
    monkeypatch.setattr(cpus, "_read_text", _fake_files(files))
    assert cpus.available_cpus() == 2


def test_available_cpus_honours_affinity(monkeypatch):
    monkeypatch.setattr(cpus, "_read_text", _fake_files({}))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert cpus.available_cpus() == 3


def test_available_cpus_on_this_machine_is_plausible():
    assert 1 <= cpus.available_cpus() <= (os.cpu_count() or 1)


def test_read_text_returns_none_for_missing_file(tmp_path):
    assert cpus._read_text(str(tmp_path / "missing")) is None
    (tmp_path / "cpu.max").write_text("100000 100000\n")
    assert cpus._read_text(str(tmp_path / "cpu.max")) == "100000 100000"
