"""Prove the dependency floors: run the notebooks with the lowest versions pyproject.toml allows.

    python -m tools.minimum_versions              # all notebooks -> benchmarks/minimum-versions.md
    python -m tools.minimum_versions 02-supervised 08-cost   # some of them (a trial; see --dry-run)
    python -m tools.minimum_versions --dry-run    # only check that pip accepts the pinned set

Every ``name>=floor`` of ``pyproject.toml``'s dependencies and of its ``optional`` extra becomes
``name==floor`` in a constraints file; a throw-away virtual environment (``build/minimum-versions``,
never the project's ``.venv``) gets the course package with exactly those versions, plus what the
suite's nbval pass needs (pytest, nbval and what the root conftest's plugin imports), and runs
``pytest solutions/ID --nbval-lax`` for each notebook, wrong answers included. Then the ``lab``
extra's floors (JupyterLab, ipywidgets 8, nbgrader, jupytext) go in, and the course build's drift
check (``python -m tools.course check``) runs with them. The result (versions installed, each
notebook's verdict and time) goes to ``benchmarks/minimum-versions.md``, which a fast test compares
with ``pyproject.toml``: change a floor and the file is stale until this runs again.

Slow (installs a few GB, then about as long as the nbval pass of ``make test``), so not part of CI:
``make minimum-versions``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement

from tools.layout import ROOT, notebook_ids

PYPROJECT = ROOT / "pyproject.toml"
REPORT = ROOT / "benchmarks" / "minimum-versions.md"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: The line of a notebook's log that names an exception: ``ValueError: ...``, ``ClaimNotHeld: ...``.
ERROR_LINE = re.compile(r"^[A-Z]\w*(Error|Exception|NotHeld): ")
VENV = ROOT / "build" / "minimum-versions"
#: What the nbval pass needs besides the course (the root conftest registers
#: tests/nbval_wrong_answers.py, which imports nbval, nbformat and pytest): latest versions.
TEST_TOOLS = ("pytest", "nbval", "ipykernel")
#: The extras whose floors the notebooks run with (``lab`` is checked after them: its ipywidgets
#: floor, 8.0, replaces the kernel's 7.7, which is Colab's).
KERNEL_EXTRAS = ("optional",)
LAB_EXTRA = "lab"

#: Why a floor is higher than it once was, one line each (written to the report). Keep a line
#: until the floor it explains changes again.
RAISED_FLOORS: dict[str, str] = {
    "numpy": "1.24 → 2.0: shap 0.51 (shap's floor) requires numpy>=2.",
    "scipy": "1.10 → 1.16: 1.10–1.12 require numpy<2 (pip refuses them beside numpy 2.0), and notebook 08's "
             "tests forbid the shortcut `scipy.stats.quantile`, new in 1.16 (with 1.15.0 the guard fails: it "
             "cannot find that name).",
    "pandas": "2.0 → 2.2.2: fairlearn 0.15 requires pandas>=2.0.3, and releases before 2.2.2 require numpy<2.",
    "scikit-learn": "1.3 → 1.6: gradient boosting on pandas `category` columns relies on "
                    "`categorical_features=\"from_dtype\"`, the default since 1.6; fairlearn 0.15 requires 1.6.",
    "scikit-image": "0.21 → 0.23.1: 0.22 fails to import with numpy 2 (`numpy.dtype size changed`); "
                    "0.23.0 was withdrawn (yanked) from PyPI.",
    "matplotlib": "3.7 → 3.9: releases before 3.8.4 require numpy<2, and 3.8.4 fails at the first plot "
                  "beside IPython 9 (`cannot import name 'backend2gui'`); 3.9.0 handles IPython 8.24 and newer.",
    "torch": "2.2 → 2.6: captum 0.9 requires torch>=2.3, and utils.cost's ONNX export (notebook 08) needs "
             "`torch.export.Dim.DYNAMIC`, which 2.3.1 and 2.5.0 lack and 2.6.0 has (each tried with numpy 2.0 "
             "and the optional extra's floors).",
    "torchvision": "0.17 → 0.21: the release made for torch 2.6.",
    "skorch": "1.0 → 1.1: skorch 1.0's nets fail scikit-learn 1.6.0's and 1.9.1's tag checks (`'super' object has no "
              "attribute '__sklearn_tags__'`, notebook 04); 1.1.0 passes both.",
    "mnist1d": "0.0.2 → 0.0.2.post1: 0.0.2 itself was never published on PyPI.",
    "jupyterlab": "4.0 → 4.0.2 (lab extra): nbgrader 0.9.0 requires jupyterlab>=4.0.2.",
}


@dataclass(frozen=True)
class NotebookRun:
    """One notebook's nbval pass in the pinned environment."""

    notebook_id: str
    passed: bool
    seconds: float
    summary: str
    first_error: str = ""

    def row(self) -> str:
        """The report's table row."""
        verdict = "✓ passed" if self.passed else "✗ failed"
        return f"| {self.notebook_id} | {verdict} | {self.seconds:.0f} | {self.summary} |"


def floors(extras: tuple[str, ...] = KERNEL_EXTRAS, pyproject: Path = PYPROJECT) -> dict[str, str]:
    """Each dependency's lowest allowed version, by name: the ``>=`` bound of its range.

    An extra's range replaces the base one (ipywidgets: 7.7 for a kernel, 8.0 with the lab extra).

    >>> floors()["scikit-learn"] == floors(("lab",))["scikit-learn"]
    True
    >>> floors()["ipywidgets"], floors(("lab",))["ipywidgets"]
    ('7.7', '8.0')
    """
    project = tomllib.loads(pyproject.read_text())["project"]
    texts = list(project["dependencies"])
    for extra in extras:
        texts += project["optional-dependencies"][extra]
    found: dict[str, str] = {}
    for requirement in map(Requirement, texts):
        lower = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if len(lower) != 1:
            raise ValueError(f"{requirement} has no single '>=' floor; the floors check needs one.")
        found[requirement.name] = lower[0]
    return found


def constraints(pins: dict[str, str]) -> str:
    """A pip constraints file that pins each package to its floor.

    >>> constraints({"numpy": "2.0", "torch": "2.4"})
    'numpy==2.0\\ntorch==2.4\\n'
    """
    return "".join(f"{name}=={version}\n" for name, version in pins.items())


def _run(command: list[str], log: Path, **kwargs) -> subprocess.CompletedProcess:
    """Run a command, appending its output to ``log``; the result (not raising on failure)."""
    with log.open("a") as out:
        out.write(f"\n$ {' '.join(command)}\n")
        out.flush()
        return subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, text=True, **kwargs)


def _python(venv: Path) -> Path:
    return venv / "bin" / "python"


def pip_install(venv: Path, pins: dict[str, str], requirements: list[str], log: Path,
                dry_run: bool = False) -> bool:
    """Install ``requirements`` into ``venv`` with ``pins`` as constraints; whether pip succeeded."""
    file = venv / f"constraints-{len(pins)}.txt"
    file.write_text(constraints(pins))
    command = [str(_python(venv)), "-m", "pip", "install", "--prefer-binary", "-c", str(file),
               *(["--dry-run"] if dry_run else []), *requirements]
    return _run(command, log, cwd=ROOT).returncode == 0


def installed_versions(venv: Path, names: list[str]) -> dict[str, str]:
    """The versions of ``names`` installed in ``venv`` (``"—"`` when missing)."""
    code = ("import importlib.metadata as m, sys\n"
            "for n in sys.argv[1:]:\n"
            "    try: print(n, m.version(n))\n"
            "    except m.PackageNotFoundError: print(n, '—')\n")
    output = subprocess.run([str(_python(venv)), "-c", code, *names], capture_output=True, text=True,
                            check=True).stdout
    return dict(line.split(" ", 1) for line in output.splitlines())


def run_notebook(venv: Path, notebook_id: str, log: Path) -> NotebookRun:
    """nbval over one solution notebook (and its wrong answers) with the pinned environment."""
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
           "VIRTUAL_ENV": str(venv)}
    env.pop("PYTHONPATH", None)
    command = [str(_python(venv)), "-m", "pytest", "-q", "-p", "no:cacheprovider", f"solutions/{notebook_id}",
               "--nbval-lax", "--nbval-cell-timeout=300"]
    start = time.perf_counter()
    result = _run(command, log, cwd=ROOT, env=env)
    seconds = time.perf_counter() - start
    lines = log.read_text().splitlines()
    summary = next((line.strip("= ").strip() for line in reversed(lines)
                    if " passed" in line or " failed" in line or " error" in line), "no summary")
    errors = (ANSI.sub("", line).strip() for line in lines)
    first_error = next((line for line in errors if ERROR_LINE.match(line) or line.startswith("FAILED ")), "")
    return NotebookRun(notebook_id, result.returncode == 0, seconds, summary, first_error[:300])


def machine() -> str:
    """Operating system, processor architecture, CPU count and Python: where the floors were proven."""
    return (f"{platform.system()} {platform.machine()}; {os.cpu_count()} CPUs; "
            f"Python {platform.python_version()}")


def write_report(kernel: dict[str, str], lab: dict[str, str], versions: dict[str, str],
                 runs: list[NotebookRun], lab_check: str, minutes: float, path: Path = REPORT) -> None:
    """Write ``benchmarks/minimum-versions.md``: the floors, what was installed, the verdicts.

    ``kernel`` holds the floors the notebooks ran with, ``lab`` the ``lab`` extra's floors that
    differ from them, ``versions`` what pip installed (``name@lab`` for the lab extra's).
    """
    lines = [
        "# Minimum versions",
        "",
        "Written by `make minimum-versions` (`python -m tools.minimum_versions`; slow, not part of CI):",
        "a throw-away virtual environment gets each dependency of `pyproject.toml` (and of its",
        "`optional` extra) at its floor, `name==floor`, and runs the nbval pass over every solution",
        "notebook, wrong answers included; then the `lab` extra's floors go in and the course build's",
        "drift check runs with them. `tests/test_minimum_versions.py` fails when a floor in",
        "`pyproject.toml` differs from the one proven here: run this again after changing one.",
        "",
        f"- Last run: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {minutes:.0f} min in all",
        f"- Machine: {machine()}",
        "",
        "## Floors",
        "",
        "| package | floor | installed |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {floor} | {versions.get(name, '—')} |" for name, floor in kernel.items()]
    lines += [f"| {name} (lab extra) | {floor} | {versions.get(name + '@lab', '—')} |" for name, floor in lab.items()]
    lines += [
        "",
        "## Notebooks with the floors",
        "",
        "| notebook | nbval with wrong answers | time (s) | pytest |",
        "|---|---|---|---|",
        *(run.row() for run in runs),
        "",
        *(["What failed first in each failed notebook (its log: `build/minimum-versions/ID.log`):", ""]
          if any(not run.passed for run in runs) else []),
        *(f"- {run.notebook_id}: `{run.first_error or 'see its log'}`" for run in runs if not run.passed),
        "",
        f"The lab extra's floors: {lab_check}",
        "",
        "## Why a floor is where it is",
        "",
        *(f"- **{name}**: {why}" for name, why in RAISED_FLOORS.items()),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text() if path.exists() else ""
    marker = "\n## Peak memory with the CPU-only build"
    kept = old[old.index(marker):] if marker in old else ""   # a hand-written section, kept as it is
    path.write_text("\n".join(lines) + "\n" + kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the notebooks with the lowest allowed versions.")
    parser.add_argument("ids", nargs="*", help="notebook ids (default: all; a subset writes no report)")
    parser.add_argument("--dry-run", action="store_true", help="only check that pip accepts the pinned set")
    parser.add_argument("--venv", type=Path, default=VENV, help=f"the throw-away environment (default {VENV})")
    args = parser.parse_args(argv)
    ids = args.ids or notebook_ids()
    unknown = set(ids) - set(notebook_ids())
    if unknown:
        parser.error(f"unknown notebook(s) {sorted(unknown)}; choose from {notebook_ids()}")
    if args.venv.resolve() == (ROOT / ".venv").resolve():
        parser.error("the throw-away environment must not be the project's .venv")

    start = time.perf_counter()
    kernel, lab = floors(), {**floors(), **floors((LAB_EXTRA,))}
    lab_only = {name: version for name, version in lab.items() if kernel.get(name) != version}
    if args.venv.exists():
        shutil.rmtree(args.venv)
    subprocess.run([sys.executable, "-m", "venv", str(args.venv)], check=True)
    log = args.venv / "install.log"
    print(f"Pinned floors ({len(kernel)} packages) into {args.venv}; pip's output: {log}", flush=True)
    _run([str(_python(args.venv)), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], log)
    course = ["-e", f"{ROOT}[{','.join(KERNEL_EXTRAS)}]", *TEST_TOOLS]
    if not pip_install(args.venv, kernel, course, log, dry_run=args.dry_run):
        print(f"pip refused the pinned set: see {log}", file=sys.stderr)
        return 1
    if args.dry_run:
        lab_ok = pip_install(args.venv, lab, course + [f"{name}=={v}" for name, v in lab_only.items()],
                             log, dry_run=True)
        print("pip accepts the pinned set" + ("" if lab_ok else f", but not with the lab extra's: see {log}"))
        return 0 if lab_ok else 1
    versions = installed_versions(args.venv, list(kernel))

    runs = []
    for notebook_id in ids:
        run = run_notebook(args.venv, notebook_id, args.venv / f"{notebook_id}.log")
        print(run.row(), flush=True)
        runs.append(run)

    if pip_install(args.venv, lab, course + [f"{name}=={v}" for name, v in lab_only.items()], log):
        versions.update({f"{name}@lab": v for name, v in installed_versions(args.venv, list(lab_only)).items()})
        check = _run([str(_python(args.venv)), "-m", "tools.course", "check"], args.venv / "lab.log", cwd=ROOT,
                     env={**os.environ, "PATH": f"{args.venv / 'bin'}{os.pathsep}{os.environ['PATH']}"})
        lab_check = ("pip installed them beside the kernel's floors, and `python -m tools.course check` "
                     + ("found no drift with them ✓" if check.returncode == 0 else "failed ✗ (see lab.log)"))
    else:
        check, lab_check = None, "✗ pip refused them beside the kernel's floors"
    print(f"The lab extra's floors: {lab_check}")
    ok = all(run.passed for run in runs) and check is not None and check.returncode == 0
    if set(ids) == set(notebook_ids()):
        write_report(kernel, lab_only, versions, runs, lab_check, (time.perf_counter() - start) / 60)
        print(f"Wrote {REPORT.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
