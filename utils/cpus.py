"""How many CPUs this process can really use: the affinity mask and the container's CPU quota.

``os.cpu_count()`` reports the machine's cores. In a container (Binder, a JupyterHub pod, Docker)
that is the *host's* count — often 16–64 — while the container may use one or two. This module
reads what actually limits the process::

    from utils.cpus import available_cpus
    available_cpus()      # e.g. 2 on Binder, where os.cpu_count() says 64

The course's thread policy itself lives in :func:`utils.env.setup` (one thread unless you ask
for more); this number tells you how many you could ask for.
"""

from __future__ import annotations

import math
import os

__all__ = ["available_cpus"]

#: cgroup v2 file that holds a container's CPU quota (``"200000 100000"`` = 2 CPUs).
CGROUP_V2_CPU_MAX = "/sys/fs/cgroup/cpu.max"
#: cgroup v1 folders that hold ``cpu.cfs_quota_us`` and ``cpu.cfs_period_us``.
CGROUP_V1_DIRS = ("/sys/fs/cgroup/cpu", "/sys/fs/cgroup/cpu,cpuacct")
#: The process's cgroup path (``0::/a/b`` under cgroup v2).
PROC_SELF_CGROUP = "/proc/self/cgroup"


def _read_text(path: str) -> str | None:
    """Return the stripped content of a small text file, or ``None`` if it cannot be read."""
    try:
        with open(path, encoding="ascii") as handle:
            return handle.read().strip()
    except (OSError, UnicodeDecodeError):
        return None


def _affinity_cpus() -> int:
    """CPUs this process may be scheduled on (``os.sched_getaffinity``, else ``os.cpu_count``)."""
    if hasattr(os, "sched_getaffinity"):
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except OSError:  # pragma: no cover - exotic kernels
            pass
    return max(1, os.cpu_count() or 1)


def _quota_from_cgroup_v2(text: str | None) -> float | None:
    """Parse a cgroup v2 ``cpu.max`` line (``"200000 100000"`` or ``"max 100000"``)."""
    if not text:
        return None
    parts = text.split()
    if len(parts) != 2 or parts[0] == "max":
        return None
    try:
        quota, period = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    return quota / period if quota > 0 and period > 0 else None


def _quota_from_cgroup_v1(quota_text: str | None, period_text: str | None) -> float | None:
    """Parse cgroup v1 ``cpu.cfs_quota_us`` / ``cpu.cfs_period_us`` (quota ``-1`` means no limit)."""
    if not quota_text or not period_text:
        return None
    try:
        quota, period = float(quota_text), float(period_text)
    except ValueError:
        return None
    return quota / period if quota > 0 and period > 0 else None


def _cgroup_v2_cpu_max_files() -> list[str]:
    """``cpu.max`` files that limit this process: the cgroup root's, then, when the cgroup is
    not namespaced (``/proc/self/cgroup`` reads ``0::/a/b``), those of ``/a/b`` and ``/a``."""
    files = [CGROUP_V2_CPU_MAX]
    for line in (_read_text(PROC_SELF_CGROUP) or "").splitlines():
        if line.startswith("0::/"):
            parts = [part for part in line[4:].split("/") if part]
            root = CGROUP_V2_CPU_MAX.rsplit("/", 1)[0]
            files += [f"{root}/{'/'.join(parts[:depth])}/cpu.max" for depth in range(len(parts), 0, -1)]
    return files


def _cgroup_cpu_quota() -> float | None:
    """The container's CPU quota in CPUs (e.g. ``1.5``), or ``None`` when there is no limit.

    cgroup v2: the smallest limit along the process's cgroup path; cgroup v1: the CFS quota.
    """
    quotas = [_quota_from_cgroup_v2(_read_text(path)) for path in _cgroup_v2_cpu_max_files()]
    quotas = [quota for quota in quotas if quota is not None]
    if quotas:
        return min(quotas)
    for folder in CGROUP_V1_DIRS:
        quota = _quota_from_cgroup_v1(
            _read_text(f"{folder}/cpu.cfs_quota_us"), _read_text(f"{folder}/cpu.cfs_period_us")
        )
        if quota is not None:
            return quota
    return None


def available_cpus() -> int:
    """The number of CPUs this process can really use.

    The smallest of: the CPUs in the process's affinity mask (``os.sched_getaffinity``) and the
    container's CPU quota (cgroup v2 ``/sys/fs/cgroup/cpu.max``, also along the process's
    cgroup path, or cgroup v1 ``cpu.cfs_quota_us / cpu.cfs_period_us``), rounded up. On Binder
    and in Docker, ``os.cpu_count()`` reports the host's cores, which is why it is not used
    directly.

    Example:
        >>> available_cpus() >= 1
        True
    """
    cpus = _affinity_cpus()
    quota = _cgroup_cpu_quota()
    if quota is not None:
        cpus = min(cpus, max(1, math.ceil(quota - 1e-9)))
    return cpus
