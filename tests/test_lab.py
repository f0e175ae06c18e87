"""The README's first command starts JupyterLab on the learner's copy of the course.

Runs the real `make lab` (with a throw-away workspace folder and a private port), then talks
to the server as JupyterLab does: the landing page opens the workspace, the workspace holds
the course, and a kernel started there imports the course's `utils` from this checkout.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import uuid

import pytest

from tests.e2e import OUTPUT, free_port, http, landing_url, loopback_env, run_in_kernel, stop, wait_until
from tests.notebooks import IDS
from tools.layout import ROOT

pytestmark = pytest.mark.slow
TOKEN = uuid.uuid4().hex


@pytest.fixture(scope="module")
def lab():
    port = free_port()
    folder = f"test-output/lab-workspace-{port}"
    OUTPUT.mkdir(exist_ok=True)
    log = OUTPUT / f"lab-{port}.log"
    args = (f"--no-browser --port={port} --ServerApp.ip=127.0.0.1 "
            f"--IdentityProvider.token={TOKEN} --ServerApp.open_browser=False")
    with open(log, "w") as out:
        process = subprocess.Popen(["make", "lab", f"LAB_ARGS={args}", f"WORKSPACE={folder}"],
                                   cwd=ROOT, env=loopback_env(), stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: http(f"{base}/api/status", TOKEN, timeout=2)[0] == 200, 60,
                   "`make lab` answering", process, log)
        yield base, folder
    finally:
        stop(process)
        shutil.rmtree(ROOT / folder, ignore_errors=True)


def _json(url: str, method: str = "GET", data: dict | None = None) -> dict:
    status, body = http(url, TOKEN, method=method, data=data)
    assert status in (200, 201), f"{method} {url}: {status} {body[:300]}"
    return json.loads(body)


def test_lab_opens_on_the_learners_copy_of_the_course(lab):
    base, folder = lab
    assert landing_url(f"{base}/", TOKEN).rstrip("/").endswith(f"/lab/tree/{folder}")
    listing = _json(f"{base}/api/contents/{folder}")
    assert {entry["name"] for entry in listing["content"]} >= set(IDS)
    notebook = _json(f"{base}/api/contents/{folder}/00-start/00-start.ipynb")
    assert notebook["type"] == "notebook"


def test_a_kernel_in_lab_imports_the_course_utils(lab):
    base, _ = lab
    kernel = _json(f"{base}/api/kernels", method="POST", data={})
    code = "import utils, utils.hosting; print(utils.__file__); print(utils.hosting.detect_platform())"
    printed = run_in_kernel(f"ws://127.0.0.1:{base.rsplit(':', 1)[1]}/api/kernels/{kernel['id']}/channels",
                            TOKEN, code)
    lines = printed.split()
    assert lines[0] == str(ROOT / "utils" / "__init__.py")
    assert lines[1] == "local"
