"""Binder shuts down the kernels of closed notebooks, as the setup cell tells the learner.

repo2docker builds the Binder image from environment.yml and then runs the repository's
`postBuild`, which adds deploy/binder/jupyter_server_config.json to the environment's Jupyter
configuration (there is no binder/ folder: it would make repo2docker ignore the root's files).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.layout import ROOT
from utils import env

CONFIG = ROOT / "deploy" / "binder" / "jupyter_server_config.json"
POST_BUILD = ROOT / "postBuild"


def _settings() -> dict:
    return json.loads(CONFIG.read_text())["MappingKernelManager"]


def _run_post_build(prefix: Path) -> Path:
    """Run postBuild as repo2docker would, with the environment at ``prefix``; the config it wrote."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"   # `python` is the course's
    subprocess.run([str(POST_BUILD)], check=True, capture_output=True, text=True,
                   env={**os.environ, "NB_PYTHON_PREFIX": str(prefix), "PATH": path})
    return prefix / "etc" / "jupyter" / "jupyter_server_config.json"


def test_binder_culls_idle_kernels_that_no_open_notebook_uses():
    from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

    settings = _settings()
    configurable = MappingKernelManager.class_traits(config=True)
    assert set(settings) <= set(configurable), set(settings) - set(configurable)
    assert settings["cull_idle_timeout"] > 0 and settings["cull_interval"] > 0
    assert settings["cull_connected"] is False   # an open notebook's kernel stays, however long idle
    assert settings["cull_busy"] is False         # a long training run is never cut off


def test_setup_cells_binder_advice_names_the_configured_timeout():
    assert env.BINDER_IDLE_KERNEL_MINUTES * 60 == _settings()["cull_idle_timeout"]
    assert f"after {env.BINDER_IDLE_KERNEL_MINUTES} idle minutes" in env.BINDER_MEMORY_ADVICE
    assert f"after {env.BINDER_IDLE_KERNEL_MINUTES} idle minutes" in (ROOT / "README.md").read_text()
    assert f"after {env.BINDER_IDLE_KERNEL_MINUTES} minutes" in (ROOT / "docs" / "jupyterhub.md").read_text()


def test_post_build_adds_the_settings_and_keeps_existing_ones(tmp_path):
    assert os.access(POST_BUILD, os.X_OK), "postBuild must be executable for repo2docker"
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()
    existing = tmp_path / "etc" / "jupyter" / "jupyter_server_config.json"
    existing.parent.mkdir(parents=True)
    existing.write_text(json.dumps({"ServerApp": {"ip": "0.0.0.0"}}))
    written = json.loads(_run_post_build(tmp_path).read_text())
    assert written["ServerApp"] == {"ip": "0.0.0.0"}
    assert written["MappingKernelManager"] == _settings()


@pytest.mark.slow
def test_a_jupyter_server_started_with_binders_configuration_culls_idle_kernels(tmp_path):
    written = _run_post_build(tmp_path / "prefix")
    code = ("from jupyter_server.serverapp import ServerApp\n"
            "app = ServerApp()\n"
            "app.initialize(['--allow-root', '--ServerApp.port=0', '--ServerApp.open_browser=False'],"
            " find_extensions=False)\n"
            "km = app.kernel_manager\n"
            "import json; print(json.dumps({name: getattr(km, name) for name in "
            "('cull_idle_timeout', 'cull_interval', 'cull_connected', 'cull_busy')}))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True,
                            env={**os.environ, "JUPYTER_CONFIG_PATH": str(written.parent),
                                 "JUPYTER_CONFIG_DIR": str(tmp_path / "home")})
    assert json.loads(result.stdout.strip().splitlines()[-1]) == _settings()
