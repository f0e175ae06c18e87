"""What the Python process used while a piece of code ran: peak memory and energy (private).

The public names are re-exported by :mod:`utils.cost`; this module only knows about the
process and the machine, never about models.

* Peak memory: on Linux the kernel keeps the process's resident-memory high-water mark
  (``VmHWM`` in ``/proc/self/status``) and resets it when ``5`` is written to
  ``/proc/self/clear_refs``, so the peak of *one* step can be read. ``tracemalloc`` would not do:
  it sees Python's allocations only, not PyTorch's tensors or NumPy's BLAS buffers. Where the
  reset is impossible (macOS, a locked-down container) the growth of ``ru_maxrss`` is used,
  which only sees new all-time peaks of the process; on Windows, ``tracemalloc``.
* Energy: the CPU's own energy counters (Intel/AMD RAPL under ``/sys/class/powercap``) when
  they are readable, otherwise an estimate: CPU time of the process × a power per core.

Units: 1 MB = 1,000,000 bytes; energy in joules (1 kWh = 3.6 million J).
"""

from __future__ import annotations

import math
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._validation import as_float, describe

__all__ = ["MemoryPeak", "peak_memory", "Energy", "EnergyMeter", "WATTS_PER_CORE", "POWERCAP"]

#: Assumed power of one fully busy CPU core, in watts, when the energy counters cannot be read.
#: Source: the default "TDP per core" of the Green Algorithms calculator for an unknown CPU
#: model (12 W; Lannelongue, Grealey & Inouye, "Green Algorithms: Quantifying the Carbon
#: Footprint of Computation", Advanced Science 8, 2100707, 2021; green-algorithms.org).
#: Assumption: a core busy for one second draws its share of the processor's thermal design
#: power. Memory, GPU, power-supply losses and the data centre's overhead (PUE) are not
#: included, and a laptop core often draws less: treat the result as an order of magnitude and
#: pass your own CPU's TDP ÷ cores as ``watts_per_core``.
WATTS_PER_CORE = 12.0

#: Where Linux exposes the RAPL energy counters.
POWERCAP = Path("/sys/class/powercap")

_MB = 1_000_000
_PACKAGE = re.compile(r"^intel-rapl:\d+$")  # a CPU package; intel-rapl:0:0 etc. are parts of it


# --------------------------------------------------------------------------------------
# Peak memory
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemoryPeak:
    """The peak memory of one call above what the process held when it started.

    Attributes:
        mb: megabytes (1 MB = 1,000,000 bytes) at the peak, above the start.
        method: how it was measured (and what the method cannot see).
    """

    mb: float
    method: str

    def __str__(self) -> str:
        return f"{self.mb:,.1f} MB at peak ({self.method})"


_VMHWM_METHOD = "VmHWM: peak resident memory of the process above its start (Linux, reset per call)"
_MAXRSS_METHOD = ("ru_maxrss growth: a lower bound — the process's all-time peak cannot be reset, "
                  "so only memory above earlier peaks is seen")
_TRACEMALLOC_METHOD = "tracemalloc: Python allocations only (PyTorch tensors are not seen)"


def _status_kb(field: str) -> int | None:
    """A ``kB`` field of ``/proc/self/status`` (e.g. ``VmHWM``), or None where there is none."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def _reset_high_water_mark() -> bool:
    """Reset the process's VmHWM to its current resident memory (Linux); False where impossible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear_refs:
            clear_refs.write("5")
    except OSError:
        return False
    return True


def _maxrss_bytes() -> int | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(maxrss) if sys.platform == "darwin" else int(maxrss) * 1024  # macOS: bytes; Linux: kB


def peak_memory(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, MemoryPeak]:
    """Run ``fn(*args, **kwargs)`` and measure its peak memory above the start.

    The whole process is measured (PyTorch tensors, NumPy arrays, every thread), so run one
    thing at a time. Calls do not nest: an inner call resets the peak an outer one is reading.

    Returns:
        ``(what fn returned, MemoryPeak)``.
    """
    if not callable(fn):
        raise TypeError(f"fn must be a function to run, e.g. lambda: model.fit(X, y), but got {describe(fn)}.")
    start_kb = _status_kb("VmRSS")
    if start_kb is not None and _reset_high_water_mark() and _status_kb("VmHWM") is not None:
        result = fn(*args, **kwargs)
        peak_kb = _status_kb("VmHWM") or start_kb
        return result, MemoryPeak(max(0, peak_kb - start_kb) * 1024 / _MB, _VMHWM_METHOD)
    before = _maxrss_bytes()
    if before is not None:
        result = fn(*args, **kwargs)
        after = _maxrss_bytes() or before
        return result, MemoryPeak(max(0, after - before) / _MB, _MAXRSS_METHOD)
    import tracemalloc  # pragma: no cover - Windows

    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    current = tracemalloc.get_traced_memory()[0]
    try:
        result = fn(*args, **kwargs)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return result, MemoryPeak(max(0, peak - current) / _MB, _TRACEMALLOC_METHOD)


# --------------------------------------------------------------------------------------
# Energy
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Energy:
    """Energy used while an :class:`EnergyMeter` was running.

    Attributes:
        joules: the energy, in joules (J; 3.6 million J = 1 kWh).
        method: ``"RAPL …"`` (measured by the CPU's counters) or ``"estimate: …"``.
        watts_per_core: the power per busy core assumed by the estimate (None when measured).
        cpu_seconds: CPU time of this process (all its threads) while the meter ran.
    """

    joules: float
    method: str
    watts_per_core: float | None
    cpu_seconds: float

    def __str__(self) -> str:
        return f"{self.joules:,.3g} J ({self.method})"


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process, all threads included."""
    return time.process_time()


def _rapl_packages(powercap: Path) -> list[Path]:
    """The readable CPU-package RAPL domains (not their sub-domains, which they already include)."""
    try:
        candidates = sorted(p for p in powercap.iterdir() if _PACKAGE.match(p.name))
    except OSError:
        return []
    readable = []
    for domain in candidates:
        try:
            int((domain / "energy_uj").read_text())
            int((domain / "max_energy_range_uj").read_text())
        except (OSError, ValueError):
            continue
        readable.append(domain)
    return readable


def _read_uj(domain: Path, name: str = "energy_uj") -> int:
    return int((domain / name).read_text())


def _rapl_delta_uj(start: int, end: int, max_range: int) -> int:
    """Micro-joules between two readings of a RAPL counter that wraps to 0 after ``max_range``."""
    return end - start if end >= start else max_range - start + end


class EnergyMeter:
    """Measure (or estimate) the energy a block of code uses: ``with EnergyMeter() as meter: ...``.

    Reads the CPU's RAPL energy counters (``/sys/class/powercap/intel-rapl:N/energy_uj``, one per
    CPU package, with wrap-around) when they are readable. They measure the whole package — every
    process running on it, not only this one. Where they cannot be read (most virtual machines,
    macOS, Windows, and Linux without root on recent kernels), the energy is estimated as this
    process's CPU time × ``watts_per_core``, and :attr:`Energy.method` says so. A counter that
    wraps more than once during one measurement (hours at full power) is not detected.

    Args:
        watts_per_core: watts of one busy core for the estimate (default :data:`WATTS_PER_CORE`).
        powercap: where to look for RAPL counters (default ``/sys/class/powercap``).

    After the block, :attr:`energy` holds the :class:`Energy`.
    """

    def __init__(self, watts_per_core: float = WATTS_PER_CORE, powercap: str | Path = POWERCAP) -> None:
        watts = as_float(watts_per_core, "watts_per_core")
        if watts <= 0:
            raise ValueError(f"watts_per_core must be a positive number of watts (your CPU's TDP divided "
                             f"by its cores, typically 5–15 W), but got {watts:g}.")
        self.watts_per_core = watts
        if not isinstance(powercap, (str, Path)):
            raise TypeError(f"powercap must be a folder path such as '/sys/class/powercap', "
                            f"but got {describe(powercap)}.")
        self.powercap = Path(powercap)
        self._energy: Energy | None = None
        self._start: dict[Path, int] = {}
        self._cpu_start: float | None = None

    def __enter__(self) -> EnergyMeter:
        self._energy = None
        self._start = {}
        for domain in _rapl_packages(self.powercap):
            try:
                self._start[domain] = _read_uj(domain)
            except (OSError, ValueError):
                continue
        self._cpu_start = _cpu_seconds()
        return self

    def __exit__(self, *exc: object) -> None:
        cpu_seconds = max(0.0, _cpu_seconds() - (self._cpu_start or 0.0))
        joules = None
        if self._start:
            try:
                micro = sum(_rapl_delta_uj(start, _read_uj(domain), _read_uj(domain, "max_energy_range_uj"))
                            for domain, start in self._start.items())
                joules = micro / 1e6
            except (OSError, ValueError):
                joules = None
        if joules is not None:
            packages = len(self._start)
            method = (f"RAPL: measured by the CPU's energy counters ({packages} package"
                      f"{'s' if packages > 1 else ''}; every process on the CPU counts)")
            self._energy = Energy(joules, method, None, cpu_seconds)
        else:
            method = (f"estimate: CPU time of this process × {self.watts_per_core:g} W per core "
                      "(no readable RAPL energy counters)")
            self._energy = Energy(cpu_seconds * self.watts_per_core, method, self.watts_per_core, cpu_seconds)

    @property
    def energy(self) -> Energy:
        """The :class:`Energy` measured by the last ``with`` block."""
        if self._energy is None:
            raise RuntimeError("No energy yet: use the meter as `with EnergyMeter() as meter: ...` "
                               "and read meter.energy after the block.")
        return self._energy
