"""The project's set-up stays true: two commands, one list of packages, CI calls the README."""

from __future__ import annotations

import os
import re
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement

from tools.layout import ROOT

# conda-forge names of packages whose PyPI name differs
CONDA_NAMES = {"torch": "pytorch"}


def _pyproject() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)


def _pip_requirements(extras_wanted: tuple[str, ...] = ("lab", "optional")) -> dict[str, str]:
    """Name -> version range; an extra's range replaces the base one (ipywidgets: 7.7 for Colab,
    8.0 with JupyterLab)."""
    project = _pyproject()["project"]
    extras = project["optional-dependencies"]
    requirements = project["dependencies"] + [r for extra in extras_wanted for r in extras[extra]]
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
    """The dependency ranges admit the PyTorch builds installed here (read, not typed)."""
    from importlib.metadata import version

    from packaging.version import Version

    deps = {r.name: r.specifier for r in map(Requirement, _pyproject()["project"]["dependencies"])}
    for name in ("torch", "torchvision"):
        installed = Version(version(name)).public  # e.g. 2.14.1 of 2.14.1+cu130
        assert deps[name].contains(installed, prereleases=True), (name, installed, deps[name])


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
    text = (ROOT / "nbgrader_config.py").read_text()  # its folders: tests/test_layout.py
    assert '"*.py"' in text
    assert "raise NotImplementedError()" in text


def test_workspace_and_grading_state_are_git_ignored():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    for entry in ("/workspace/", ".venv/", "gradebook.db"):
        assert entry in ignored


def test_the_notebooks_environment_check_asks_for_what_pyproject_installs():
    from utils.requirements import REQUIREMENTS

    checked = {CONDA_NAMES.get(r.distribution, r.distribution): f">={r.minimum}"
               for r in REQUIREMENTS}
    pip = _pip_requirements(extras_wanted=("optional",))   # what a kernel needs, JupyterLab's extra aside
    assert checked == pip


# --- the JupyterHub deployment (deploy/, docs/jupyterhub.md) --------------------------------

def _course_hub_config():
    """Load deploy/jupyterhub/jupyterhub_config.py as JupyterHub would, into a fresh Config."""
    from traitlets.config import Config

    path = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
    c = Config()
    exec(compile(path.read_text(), str(path), "exec"),
         {"get_config": lambda: c, "c": c, "__file__": str(path)})
    return c


def test_hub_config_makes_the_roster_into_nbgrader_groups():
    c = _course_hub_config()
    # The course file adds to what the hub's own configuration set (lazy values in a bare Config).
    groups = c.JupyterHub.load_groups.to_dict()["update"]
    assert set(groups) == {"formgrade-ml-vs-dl", "nbgrader-ml-vs-dl"}
    instructors = set(groups["formgrade-ml-vs-dl"]["users"])
    members = set(groups["nbgrader-ml-vs-dl"]["users"])
    assert instructors and instructors < members
    assert set(c.Authenticator.allowed_users.to_dict()["update"]) == members
    roles = c.JupyterHub.load_roles.to_dict()["extend"]
    assert [role["groups"] for role in roles] == [["formgrade-ml-vs-dl"]]
    assert callable(c.Spawner.pre_spawn_hook)


@pytest.mark.parametrize(("group", "config_path"), [
    ("nbgrader-ml-vs-dl", ["/etc/jupyter/ml-vs-dl-student", "/etc/jupyter"]),
    ("formgrade-ml-vs-dl", ["/etc/jupyter"]),
])
def test_hub_spawn_hook_sets_the_course_configuration_and_no_thread_count(monkeypatch, group, config_path):
    """A server's environment gets the course's Jupyter configuration and nothing else: the thread
    count is the setup cell's (utils.env.setup), the same on a hub as on a laptop."""
    from types import SimpleNamespace

    monkeypatch.delenv("ML_VS_DL_JUPYTER_CONFIG", raising=False)
    c = _course_hub_config()
    spawner = SimpleNamespace(user=SimpleNamespace(groups=[SimpleNamespace(name=group)]),
                              environment={}, cpu_limit=c.Spawner.cpu_limit)
    c.Spawner.pre_spawn_hook(spawner)
    assert spawner.environment == {"JUPYTER_CONFIG_PATH": os.pathsep.join(config_path)}


def test_z2jh_values_match_the_hub_config_and_the_image():
    c = _course_hub_config()
    values = yaml.safe_load((ROOT / "deploy" / "z2jh" / "config.yaml").read_text())
    single = values["singleuser"]
    assert single["memory"] == {"limit": c.Spawner.mem_limit, "guarantee": c.Spawner.mem_guarantee}
    assert single["cpu"] == {"limit": c.Spawner.cpu_limit, "guarantee": c.Spawner.cpu_guarantee}
    # no thread variables in the pods: the setup cell of every notebook sets the thread count
    assert not [name for name in single.get("extraEnv", {}) if name.endswith("_NUM_THREADS")]
    files = values["hub"]["extraFiles"]
    assert files["course-config"]["mountPath"].startswith(
        "/usr/local/etc/jupyterhub/jupyterhub_config.d/")
    assert values["hub"]["extraEnv"]["ML_VS_DL_ROSTER"] == files["course-roster"]["mountPath"]
    # the exchange volume is mounted where the single-user nbgrader config looks for it
    nbgrader = (ROOT / "deploy" / "jupyterhub" / "etc-jupyter" / "nbgrader_config.py").read_text()
    exchange = re.search(r'c\.Exchange\.root = "([^"]+)"', nbgrader).group(1)
    assert [m["mountPath"] for m in single["storage"]["extraVolumeMounts"]] == [exchange]
    # ... and the image puts that config where the hub config points the servers (/etc/jupyter)
    dockerfile = (ROOT / "deploy" / "singleuser" / "Dockerfile").read_text()
    assert "COPY deploy/jupyterhub/etc-jupyter/ /etc/jupyter/" in dockerfile
    assert '"/etc/jupyter"' in (ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py").read_text()


def test_single_user_requirements_and_test_extra_ask_for_the_same_jupyterhub():
    lines = (ROOT / "deploy" / "singleuser" / "requirements.txt").read_text().splitlines()
    image = {r.name: r.specifier for r in map(Requirement, [l for l in lines if l and l[0] != "#"])}
    test = {r.name: r.specifier
            for r in map(Requirement, _pyproject()["project"]["optional-dependencies"]["test"])}
    assert image["jupyterhub"] == test["jupyterhub"]


def test_the_jupyterhub_guide_names_every_deploy_file():
    guide = (ROOT / "docs" / "jupyterhub.md").read_text()
    for path in sorted((ROOT / "deploy").rglob("*")):
        # (the student settings are described as one folder; the .dockerignore goes with its Dockerfile)
        if path.is_file() and "ml-vs-dl-student" not in path.parts and path.suffix != ".dockerignore":
            name = path.relative_to(ROOT).as_posix()
            assert path.name in guide or name in guide, f"docs/jupyterhub.md does not mention {name}"
