"""What the end-to-end tests (test_hub.py, test_browser.py) share: finding the system tools they
need, free loopback ports, HTTP without the suite's dead proxy, and stopping what they started.

The system tools (Debian's Chromium, JupyterHub's proxy from npm) are installed by
tools/install-test-tools.sh, which `make test` runs. Where one is missing the test skips with
a reason that says how to install it; under CI (CI=true), whose set-up installs them, it fails.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psutil
import pytest
import websocket  # websocket-client, a dependency of jupyter_server

from tools.layout import ROOT

INSTALL = "bash tools/install-test-tools.sh"
TOOLS = ROOT / ".tools"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
PROXY = TOOLS / "node_modules" / ".bin" / "configurable-http-proxy"
OUTPUT = ROOT / "test-output"


# Chromium as root, headless, on a machine whose only network is loopback: no sandbox (root),
# no GPU, no proxy, and none of the background connections Chromium makes on its own.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-proxy-server", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-default-apps"]


@contextlib.contextmanager
def chromium():
    """Debian's Chromium, headless, driven by Playwright (skips, or fails under CI, without it)."""
    require(CHROMIUM, "Debian's Chromium", "apt-get install chromium, as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def require(path: Path, what: str, how: str) -> Path:
    """`path` if it is an executable file; else skip (fail under CI) saying how to install it."""
    if path.is_file() and os.access(path, os.X_OK):
        return path
    message = (f"{what} not found at {path}: install it with `{INSTALL}` ({how}); "
               "`make test` runs that script")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message}. Under CI the set-up installs it, so this is a failure.")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_ports(count: int) -> list[int]:
    """`count` different free loopback ports."""
    ports: set[int] = set()
    while len(ports) < count:
        ports.add(free_port())
    return sorted(ports)


# The suite points HTTP(S)_PROXY at a dead port (conftest.py); loopback traffic goes direct.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def http(url: str, token: str | None = None, method: str = "GET", data: dict | bytes | None = None,
         timeout: float = 30, form: bool = False):
    """(status, body as text) of one request; HTTP errors are returned, not raised."""
    headers = {"Authorization": f"token {token}"} if token else {}
    if isinstance(data, dict):
        if form:
            data = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            data = json.dumps(data).encode()
            headers["Content-Type"] = "application/json"
    if method in ("POST", "PUT") and data is None:
        data = b""
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def landing_url(url: str, token: str, timeout: float = 30) -> str:
    """Where a GET of `url` ends after the server's redirects."""
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with _OPENER.open(request, timeout=timeout) as response:
        return response.url


def wait_until(condition, timeout: float, what: str, process: subprocess.Popen | None = None,
               log: Path | None = None, every: float = 0.25):
    """Poll `condition()` until it returns something truthy; fail with the log otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = condition()
        except OSError:
            result = None
        if result:
            return result
        if process is not None and process.poll() is not None:
            pytest.fail(f"{what}: the process exited ({process.returncode})\n{tail(log)}")
        time.sleep(every)
    pytest.fail(f"{what}: not within {timeout:.0f} s\n{tail(log)}")


def tail(log: Path | None, lines: int = 60) -> str:
    if log is None or not log.exists():
        return ""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def stop(process: subprocess.Popen, grace: float = 20) -> list[int]:
    """Stop a process started with `start_new_session=True`, its process group and every process
    it started in a session of its own (JupyterHub's single-user servers, their kernels).

    Returns the ids of the processes that were still running and had to be killed."""
    try:
        family = [process.pid] + [p.pid for p in psutil.Process(process.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        family = [process.pid]
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=grace)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    killed = []
    try:  # what is left of the group: children that outlived their parent
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    for pid in family[1:]:
        try:
            child = psutil.Process(pid)
            if child.status() != psutil.STATUS_ZOMBIE:
                child.kill()
                killed.append(pid)
        except psutil.NoSuchProcess:
            pass
    process.wait(timeout=10)
    return killed


def loopback_env(**extra: str) -> dict[str, str]:
    """The test's environment for a server it starts: loopback never through a proxy."""
    env = dict(os.environ)
    env["NO_PROXY"] = env["no_proxy"] = "localhost,127.0.0.1,::1"
    env.update(extra)
    return env


def run_in_kernel(channels_url: str, token: str, code: str, username: str = "test",
                  timeout: float = 60) -> str:
    """Execute `code` in a running kernel over its websocket (`.../api/kernels/ID/channels`)
    and return what it printed; a traceback in the kernel fails the test."""
    ws = websocket.create_connection(channels_url, header=[f"Authorization: token {token}"], timeout=60,
                                     http_proxy_host=None, http_no_proxy=["127.0.0.1", "localhost"])
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": username,
                   "session": uuid.uuid4().hex, "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": False,
                    "user_expressions": {}, "allow_stdin": False},
    }))
    printed, deadline = "", time.time() + timeout
    try:
        while time.time() < deadline:
            msg = json.loads(ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                printed += msg["content"]["text"]
            if msg["msg_type"] == "error":
                pytest.fail("\n".join(msg["content"]["traceback"]))
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
    finally:
        ws.close()
    return printed
