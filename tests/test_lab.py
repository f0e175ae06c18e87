"""The README's first command starts JupyterLab on the learner's copy of the course.

Runs the real `make lab` (with a throw-away workspace folder and a private port), then talks
to the server as JupyterLab does: the landing page opens the workspace, the workspace holds
the course, and a kernel started there imports the course's `utils` from this checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
import uuid

import pytest

from tests.e2e import run_in_kernel
from tests.notebooks import IDS
from tools.course import ROOT

pytestmark = pytest.mark.slow
TOKEN = uuid.uuid4().hex


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, **kwargs):
    request = urllib.request.Request(url, headers={"Authorization": f"token {TOKEN}"}, **kwargs)
    return urllib.request.urlopen(request, timeout=10)


@pytest.fixture(scope="module")
def lab():
    port = _free_port()
    folder = f"test-output/lab-workspace-{port}"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    urllib.request.install_opener(opener)
    args = (f"--no-browser --port={port} --ServerApp.ip=127.0.0.1 "
            f"--IdentityProvider.token={TOKEN} --ServerApp.open_browser=False")
    process = subprocess.Popen(["make", "lab", f"LAB_ARGS={args}", f"WORKSPACE={folder}"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                _get(f"{base}/api/status")
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"`make lab` exited:\n{process.stdout.read()}")
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not answer within 60 s")
        yield base, folder
    finally:
        _stop(process)
        shutil.rmtree(ROOT / folder, ignore_errors=True)


def _stop(process: subprocess.Popen) -> None:
    """Stop `make lab` and everything it started (its own process group)."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def test_lab_opens_on_the_learners_copy_of_the_course(lab):
    base, folder = lab
    landing = _get(f"{base}/")
    assert landing.url.rstrip("/").endswith(f"/lab/tree/{folder}")
    listing = json.load(_get(f"{base}/api/contents/{folder}"))
    assert {entry["name"] for entry in listing["content"]} >= set(IDS)
    notebook = json.load(_get(f"{base}/api/contents/{folder}/00-start/00-start.ipynb"))
    assert notebook["type"] == "notebook"


def test_a_kernel_in_lab_imports_the_course_utils(lab):
    base, _ = lab
    kernel = json.load(_get(f"{base}/api/kernels", method="POST", data=b"{}"))
    code = "import utils, utils.env; print(utils.__file__); print(utils.env.detect_platform())"
    printed = run_in_kernel(f"ws://127.0.0.1:{base.rsplit(':', 1)[1]}/api/kernels/{kernel['id']}/channels",
                            TOKEN, code)
    lines = printed.split()
    assert lines[0] == str(ROOT / "utils" / "__init__.py")
    assert lines[1] == "local"
