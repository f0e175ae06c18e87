"""The project's set-up stays true: two commands, one list of packages, CI calls the README."""

from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement

from tools.course import ROOT

# conda-forge names of packages whose PyPI name differs
CONDA_NAMES = {"torch": "pytorch"}


def _pyproject() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def _pip_requirements() -> dict[str, str]:
    project = _pyproject()["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["lab"]
    return {CONDA_NAMES.get(r.name, r.name): str(r.specifier)
            for r in map(Requirement, requirements)}


def _conda_requirements() -> dict[str, str]:
    spec = yaml.safe_load((ROOT / "environment.yml").read_text())
    found: dict[str, str] = {}
    for entry in spec["dependencies"]:
        items = entry["pip"] if isinstance(entry, dict) else [entry]
        for item in items:
            if item.startswith("-e") or item in ("pip",) or item.startswith("python="):
                continue
            bracket = re.fullmatch(r"([\w-]+)\[version='([^']+)'.*\]", item)
            if bracket:
                found[bracket.group(1)] = bracket.group(2)
            else:
                req = Requirement(item)
                found[req.name] = str(req.specifier)
    return found


def test_pyproject_and_environment_yml_name_the_same_packages_and_versions():
    assert _conda_requirements() == _pip_requirements()


def test_environment_yml_installs_the_course_package_and_cpu_pytorch():
    text = (ROOT / "environment.yml").read_text()
    assert "- -e ." in text
    assert "build='cpu*'" in text


def test_torch_ranges_admit_the_builds_this_machine_has():
    deps = {r.name: r.specifier for r in map(Requirement, _pyproject()["project"]["dependencies"])}
    assert "2.14.1" in deps["torch"] and "0.29.1" in deps["torchvision"]


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"```(?:bash|sh)\n(make \w+)\n```", readme)
    assert commands[:2] == ["make lab", "make test"], commands
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, re.MULTILINE)
    makefile = (ROOT / "Makefile").read_text()
    for target in ("lab", "test", "course", "benchmark", "test-quick"):
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


def test_readme_links_the_guides_it_mentions():
    readme = (ROOT / "README.md").read_text()
    for link in re.findall(r"\]\(((?:docs|benchmarks)/[^)#]+)", readme):
        assert (ROOT / link).is_file(), f"README links {link}, which does not exist"


def test_nbgrader_config_keeps_answers_out_of_the_release():
    text = (ROOT / "nbgrader_config.py").read_text()
    assert 'source_directory = "solutions"' in text
    assert 'release_directory = "course"' in text
    assert '"*.py"' in text
    assert "raise NotImplementedError()" in text


def test_workspace_and_grading_state_are_git_ignored():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    for entry in ("/workspace/", ".venv/", "gradebook.db"):
        assert entry in ignored


def test_the_notebooks_environment_check_asks_for_what_pyproject_installs():
    from utils.env import REQUIREMENTS

    checked = {CONDA_NAMES.get(r.distribution, r.distribution): f">={r.minimum}"
               for r in REQUIREMENTS}
    pip = {name: spec for name, spec in _pip_requirements().items()
           if name not in ("jupyterlab", "nbgrader", "jupytext")}
    assert checked == pip
