"""The dependency floors are proven: benchmarks/minimum-versions.md ran with the floors pyproject.toml has.

`make minimum-versions` (tools/minimum_versions.py; slow, not part of CI) installs every floor and
runs the notebooks with them. A floor changed in pyproject.toml without running it again fails here.
"""

from __future__ import annotations

import doctest
import re

from tools import minimum_versions
from tools.layout import notebook_ids

ROW = re.compile(r"^\| ([\w.-]+)( \(lab extra\))? \| ([^ |]+) \| ([^ |]+) \|$")


def _report_rows() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The report's floors (kernel, lab extra) and the versions it installed."""
    kernel, lab, installed = {}, {}, {}
    section = minimum_versions.REPORT.read_text().split("\n## Floors\n", 1)[1].split("\n## ", 1)[0]
    for line in section.splitlines()[2:]:   # the rows under the table's header
        if match := ROW.match(line):
            name, lab_extra, floor, version = match.groups()
            (lab if lab_extra else kernel)[name] = floor
            installed[name + ("@lab" if lab_extra else "")] = version
    return kernel, lab, installed


def test_the_report_proves_the_floors_pyproject_has():
    kernel, lab, installed = _report_rows()
    assert kernel == minimum_versions.floors(), "run `make minimum-versions` after changing a floor"
    lab_floors = minimum_versions.floors((minimum_versions.LAB_EXTRA,))
    assert lab == {name: v for name, v in lab_floors.items() if kernel.get(name) != v}
    for key, version in installed.items():   # what pip installed is the floor itself
        floor = (lab if key.endswith("@lab") else kernel)[key.removesuffix("@lab")]
        assert version.split("+")[0] == floor or version.startswith(floor + "."), (key, floor, version)


#: Notebooks that fail with the floors because of a fault of the course, not of a floor: pandas 2.2
#: (the floor, and Colab's pandas) behaves differently from pandas 3 where a test relies on it. Remove
#: an entry once the notebook is fixed and `make minimum-versions` has run again; the test below
#: fails while an entry is listed for a notebook that passes.
KNOWN_FAULTS: dict[str, str] = {}


def test_every_notebook_passed_with_the_floors():
    report = minimum_versions.REPORT.read_text()
    for notebook_id in notebook_ids():
        if notebook_id in KNOWN_FAULTS:
            assert f"| {notebook_id} | ✗ failed |" in report, f"{notebook_id} passes now: remove it from KNOWN_FAULTS"
        else:
            assert f"| {notebook_id} | ✓ passed |" in report, notebook_id
    assert "found no drift with them ✓" in report


def test_every_raised_floor_says_why_in_the_report():
    report = minimum_versions.REPORT.read_text()
    for name, why in minimum_versions.RAISED_FLOORS.items():
        assert f"- **{name}**: {why}" in report, name


def test_doctests():
    assert doctest.testmod(minimum_versions).failed == 0
