"""Time each solution notebook in a fresh kernel and record its peak memory.

    python -m tools.benchmark            # all notebooks -> benchmarks/notebooks.md
    python -m tools.benchmark 00-start   # some of them (the table keeps the others' rows)

Budgets (COURSE.md): each notebook <= 60 s (11-beyond: 120 s) and <= 1.5 GB on 2 CPU cores.
Wall time counts from starting the kernel to the end of the last cell; memory is the peak
resident memory of the kernel and its child processes, sampled every 50 ms and checked
against the kernel's own high-water mark (`VmHWM`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient

from tools.layout import BENCHMARK_TABLE as TABLE
from tools.layout import ROOT, notebook_ids, solution_notebook

MEMORY_BUDGET_GB = 1.5
TIME_BUDGET_S = {"11-beyond": 120.0}
DEFAULT_TIME_BUDGET_S = 60.0
ROW = re.compile(r"^\| (\d\d-[\w-]+) \|")


@dataclass(frozen=True)
class Result:
    notebook_id: str
    wall_s: float
    peak_gb: float

    @property
    def time_budget_s(self) -> float:
        return TIME_BUDGET_S.get(self.notebook_id, DEFAULT_TIME_BUDGET_S)

    @property
    def within_budget(self) -> bool:
        return self.wall_s <= self.time_budget_s and self.peak_gb <= MEMORY_BUDGET_GB

    def row(self) -> str:
        verdict = "✓" if self.within_budget else "✗ over budget"
        return (f"| {self.notebook_id} | {self.wall_s:.1f} | {self.time_budget_s:.0f} | "
                f"{self.peak_gb:.2f} | {MEMORY_BUDGET_GB} | {verdict} |")


class PeakMemory:
    """Samples the resident memory of a process tree in a background thread."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _tree_rss(self) -> int:
        total = 0
        for proc in [self.process, *self.process.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _high_water_mark(self) -> int:
        try:
            status = Path(f"/proc/{self.process.pid}/status").read_text()
            return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) * 1024
        except (OSError, AttributeError):
            return 0

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self._tree_rss(), self._high_water_mark())
            except psutil.Error:
                return
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.peak = max(self.peak, self._high_water_mark())
        self._stop.set()
        self._thread.join()


def run_notebook(path: Path) -> Result:
    """Execute one notebook in a fresh kernel; measure wall time and peak memory."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    with client.setup_kernel():
        pid = client.km.provisioner.process.pid
        with PeakMemory(pid) as memory:
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
    wall = time.perf_counter() - start
    return Result(path.stem, wall, memory.peak / 1e9)


def machine_description() -> str:
    """CPU model, usable cores, memory, Python and PyTorch versions."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from utils.cpus import available_cpus  # the same count the notebooks use
    import torch

    memory = psutil.virtual_memory().total / 2**30
    return (f"{model}; {available_cpus()} usable cores; {memory:.0f} GiB RAM; "
            f"{platform.system()} {platform.machine()}; Python {platform.python_version()}; "
            f"torch {torch.__version__}")


def read_rows(path: Path = TABLE) -> dict[str, list[str]]:
    """The table's rows by notebook id, as cells: id, wall time, budget, peak memory, budget, verdict."""
    if not path.exists():
        return {}
    return {match.group(1): [cell.strip() for cell in line.strip("|").split("|")]
            for line in path.read_text().splitlines() if (match := ROW.match(line))}


def write_table(results: list[Result], path: Path = TABLE) -> None:
    """Write (or update) the benchmark table, keeping rows of notebooks not re-run."""
    rows = {notebook_id: "| " + " | ".join(cells) + " |" for notebook_id, cells in read_rows(path).items()}
    for result in results:
        rows[result.notebook_id] = result.row()
    existing = set(notebook_ids())
    rows = {k: v for k, v in rows.items() if k in existing}
    header = [
        "# Notebook benchmarks",
        "",
        "Written by `make benchmark` (`python -m tools.benchmark`): each solution notebook run top",
        "to bottom in a fresh kernel, one at a time. Wall time includes starting the kernel;",
        "peak memory is the kernel's resident memory (with its child processes).",
        "",
        f"- Last run: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- Machine: {machine_description()}",
        "",
        "| notebook | wall time (s) | budget (s) | peak memory (GB) | budget (GB) | |",
        "|---|---|---|---|---|---|",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(header + [rows[k] for k in sorted(rows)]) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the solution notebooks.")
    parser.add_argument("ids", nargs="*", help="notebook ids (default: all)")
    args = parser.parse_args(argv)
    ids = args.ids or notebook_ids()
    unknown = set(ids) - set(notebook_ids())
    if unknown:
        parser.error(f"unknown notebook(s) {sorted(unknown)}; choose from {notebook_ids()}")
    os.environ.setdefault("MPLBACKEND", "Agg")
    # the notebooks' scorecard rows go to a throw-away file, not the learner's scorecard
    os.environ["COURSE_SCORECARD"] = str(Path(tempfile.mkdtemp(prefix="bench-")) / "scorecard.json")
    results = []
    for notebook_id in ids:
        result = run_notebook(solution_notebook(notebook_id))
        print(result.row(), flush=True)
        results.append(result)
    write_table(results)
    print(f"Wrote {TABLE.relative_to(ROOT)}")
    return 0 if all(r.within_budget for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
