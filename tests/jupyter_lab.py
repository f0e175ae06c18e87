"""One JupyterLab server for the whole test session, and kernels the tests can drive directly.

The real-browser test (tests/test_browser.py) needs a notebook's kernel in the state a learner's
has after running the notebook. Running the notebook again in the browser would be one more
execution of it; instead, the suite's one execution pass (nbval over `solutions/`, with the
wrong answers, see tests/nbval_wrong_answers.py) runs each widget notebook in a kernel that
*this* server started for the notebook's path. When the browser then opens the notebook,
JupyterLab finds the session for that path and attaches to the same kernel: it only has to run
the interactive's cell again and move its slider.

The server serves a throw-away folder with copies of the widget notebooks (`root/ID/ID.ipynb`),
so whatever the browser saves never touches the committed notebooks. It starts on first use
and stops at the end of the session (`stop_shared_lab`, called from the root conftest).
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from jupyter_client import BlockingKernelClient
from nbval.kernel import RunningKernel

from tests.e2e import free_port, http, loopback_env, stop, wait_until


def _lab_settings(folder: Path) -> Path:
    """User settings for the test's JupyterLab: JupyterLab's defaults (its default windowing keeps
    every cell in the page and only skips painting those out of view), but no news or update
    checks (no network)."""
    settings = {
        "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
            {"fetchNews": "false", "checkForUpdates": False},
    }
    for name, value in settings.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value))
    return folder


class Lab:
    """A JupyterLab server on a free loopback port, serving a throw-away folder."""

    def __init__(self) -> None:
        self.token = uuid.uuid4().hex
        self.folder = Path(tempfile.mkdtemp(prefix="course-lab-"))
        self.root = self.folder / "root"
        self.root.mkdir()
        self.runtime = self.folder / "runtime"  # where the server writes kernels' connection files
        self.log = self.folder / "lab.log"
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        env = loopback_env(JUPYTERLAB_SETTINGS_DIR=str(_lab_settings(self.folder / "settings")),
                           JUPYTERLAB_WORKSPACES_DIR=str(self.folder / "workspaces"),
                           JUPYTER_RUNTIME_DIR=str(self.runtime))
        env.pop("MPLBACKEND", None)  # the suite's Agg backend would hide the figures in the browser
        command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser",
                   f"--port={port}", "--ServerApp.ip=127.0.0.1",
                   f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}"]
        if os.getuid() == 0:
            command.append("--allow-root")
        with open(self.log, "w") as out:
            self.process = subprocess.Popen(command, cwd=self.folder, env=env, stdout=out,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        wait_until(lambda: self.get("/api/status")[0] == 200, 60, "JupyterLab answering",
                   self.process, self.log)

    def get(self, path: str) -> tuple[int, str]:
        return http(f"{self.base}{path}", self.token, timeout=10)

    def post(self, path: str, data: dict | None = None) -> tuple[int, str]:
        return http(f"{self.base}{path}", self.token, method="POST", data=data or {}, timeout=60)

    def add_notebook(self, source: Path) -> str:
        """Copy a notebook into the served folder (as `ID/ID.ipynb`); return its served path."""
        served = Path(source.parent.name) / source.name
        (self.root / served).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, self.root / served)
        return served.as_posix()

    def start_session(self, served_path: str) -> str:
        """A kernel for the notebook at `served_path`, as JupyterLab starts one; its id."""
        status, body = self.post("/api/sessions", {"path": served_path, "type": "notebook",
                                                   "name": Path(served_path).name,
                                                   "kernel": {"name": "python3"}})
        assert status == 201, f"starting a kernel for {served_path}: {status} {body}"
        return json.loads(body)["kernel"]["id"]

    def kernel_ids(self) -> list[str]:
        status, body = self.get("/api/kernels")
        return [kernel["id"] for kernel in json.loads(body)] if status == 200 else []

    def shut_down_kernels(self) -> None:
        for kernel_id in self.kernel_ids():
            http(f"{self.base}/api/kernels/{kernel_id}", self.token, method="DELETE")

    def stop(self) -> None:
        try:
            stop(self.process)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


_shared: Lab | None = None


def shared_lab() -> Lab:
    """The session's JupyterLab server, started on first use."""
    global _shared
    if _shared is None:
        _shared = Lab()
        atexit.register(stop_shared_lab)  # also when the session ends abnormally
    return _shared


def stop_shared_lab() -> None:
    global _shared
    if _shared is not None:
        lab, _shared = _shared, None
        lab.stop()


class LabKernel(RunningKernel):
    """nbval's kernel interface on a kernel the shared JupyterLab server started for a notebook.

    nbval drives it exactly as its own kernel (execute, replies, messages, interrupt); at the end
    of the notebook it only lets go of the kernel, which the browser test then takes over (and
    shuts down)."""

    def __init__(self, lab: Lab, served_path: str, startup_timeout: float = 60) -> None:
        self.lab = lab
        self.kernel_id = lab.start_session(served_path)
        connection = lab.runtime / f"kernel-{self.kernel_id}.json"
        wait_until(connection.is_file, 30, f"the connection file of kernel {self.kernel_id}")
        self.kc = BlockingKernelClient()
        self.kc.load_connection_file(str(connection))
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=startup_timeout)
        self._ensure_iopub_up()
        self._run("import matplotlib; matplotlib.use('agg')")  # as the suite's other kernels

    def _run(self, code: str) -> None:
        msg_id = self.execute_cell_input(code, allow_stdin=False)
        self.await_reply(msg_id, timeout=30)

    def is_alive(self) -> bool:
        return self.kernel_id in self.lab.kernel_ids()

    def restart(self) -> None:
        self.lab.post(f"/api/kernels/{self.kernel_id}/restart")

    def interrupt(self) -> None:
        self.lab.post(f"/api/kernels/{self.kernel_id}/interrupt")

    def stop(self) -> None:
        try:
            self._run("%matplotlib inline")  # the page that takes the kernel over shows figures
        finally:
            self.kc.stop_channels()

    @property
    def language(self) -> str:
        return "python"
