"""The course on a real JupyterHub: an instructor and a student log in and each sees the course.

Starts JupyterHub (from PyPI) with its proxy (configurable-http-proxy, from npm: see
tools/install-test-tools.sh) on free loopback ports, with the course's hub configuration
deploy/jupyterhub/jupyterhub_config.py and its single-user configuration
deploy/jupyterhub/etc-jupyter/, exactly as docs/jupyterhub.md installs them. Only what a test
machine cannot have is swapped, in a small overlay config: a local spawner that runs each user's
server as this process's user with a home under a temp folder (instead of TLJH's systemd units
or Kubernetes pods), a dummy authenticator (instead of the real login), a temp exchange folder
(instead of /srv/nbgrader/exchange), and a test service holding an admin token.

Through the hub's REST API and the proxy, as a browser would after logging in:
- the instructor (roster: `instructor teacher`) opens the formgrader, generates and releases
  00-start through the formgrader's API, and later collects the submission;
- the student (roster: `student ada`) lists the course's assignments with nbgrader's
  assignment-list API, fetches and submits 00-start, cannot open the formgrader, and runs code
  in a kernel of her server that imports the course package, with the hub's resource settings;
- each one's token is refused what their role does not allow.
Then servers, hub and proxy are stopped and nothing of them may be left running.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.e2e import PROXY, free_ports, http, loopback_env, require, run_in_kernel, stop, tail, wait_until
from tools.layout import ROOT, notebook_in, solution_notebook, student_notebook

pytestmark = pytest.mark.slow

DEPLOY = ROOT / "deploy" / "jupyterhub"
COURSE = "ml-vs-dl"
ASSIGNMENT = "00-start"
INSTRUCTOR, STUDENT = "teacher", "ada"
BIN = Path(sys.executable).parent


def _overlay_config(tmp: Path, ports: dict[str, int], service_token: str) -> str:
    """The test machine's part of the hub config: everything else is the course's file."""
    args = ["--allow-root"] if os.getuid() == 0 else []
    return f'''\
c = get_config()
load_subconfig({str(DEPLOY / "jupyterhub_config.py")!r})

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {ports["proxy"]}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {ports["hub"]}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports["proxy_api"]}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.JupyterHub.db_url = "sqlite:///{tmp}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {str(tmp / "cookie_secret")!r}
c.JupyterHub.pid_file = {str(tmp / "jupyterhub.pid")!r}

c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(tmp / "home" / "{username}")!r}
c.Spawner.cmd = [{str(BIN / "jupyterhub-singleuser")!r}]
c.Spawner.args = {args!r}
c.Spawner.start_timeout = 90
c.Spawner.http_timeout = 90
# Highest priority on JUPYTER_CONFIG_PATH (the course's hook appends its own folders after it).
c.Spawner.environment = {{"JUPYTER_CONFIG_PATH": {str(tmp / "overlay")!r}}}

c.JupyterHub.services = [{{"name": "course-test", "api_token": {service_token!r}}}]
c.JupyterHub.load_roles.append({{"name": "admin", "services": ["course-test"]}})
'''


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    require(PROXY, "JupyterHub's proxy configurable-http-proxy",
            "npm install --prefix .tools configurable-http-proxy@5")
    started = time.monotonic()
    tmp = tmp_path_factory.mktemp("hub")
    # The instructor's one-time set-up (docs/jupyterhub.md): the course repository in
    # ~/ml-vs-dl-course. Only what generating 00-start reads is copied.
    course = tmp / "home" / INSTRUCTOR / "ml-vs-dl-course"
    solution_notebook(ASSIGNMENT, course).parent.mkdir(parents=True)
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copy(solution_notebook(ASSIGNMENT), solution_notebook(ASSIGNMENT, course))
    exchange = tmp / "exchange"
    exchange.mkdir()
    exchange.chmod(0o777)
    (tmp / "overlay").mkdir()
    (tmp / "overlay" / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.root = {str(exchange)!r}\n")
    roster = tmp / "roster.txt"
    roster.write_text(f"instructor {INSTRUCTOR}\nstudent {STUDENT}\n")
    ports = dict(zip(("proxy", "hub", "proxy_api"), free_ports(3)))
    service_token = secrets.token_hex(16)
    config = tmp / "jupyterhub_config.py"
    config.write_text(_overlay_config(tmp, ports, service_token))

    log = tmp / "jupyterhub.log"
    env = loopback_env(ML_VS_DL_ROSTER=str(roster), ML_VS_DL_JUPYTER_CONFIG=str(DEPLOY / "etc-jupyter"),
                       PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}")
    with open(log, "w") as out:
        process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=tmp, env=env,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{ports['proxy']}"
    info = {"base": base, "tmp": tmp, "log": log, "process": process, "service": service_token,
            "course": course, "exchange": exchange, "timings": {}}
    try:
        wait_until(lambda: http(f"{base}/hub/api/", timeout=2)[0] == 200, 60,
                   "JupyterHub answering through its proxy", process, log)
        info["timings"]["hub up"] = time.monotonic() - started
        yield info
    finally:
        started = time.monotonic()
        left = stop(process)
        info["timings"]["stop"] = time.monotonic() - started
        print("\nhub timings (s): " + ", ".join(f"{k} {v:.1f}" for k, v in info["timings"].items()))
    # Stopping the hub stops the servers it spawned and its proxy: none had to be killed.
    assert not left, f"processes left running after the hub stopped: {left}\n{tail(log)}"


def _api(hub, path, token, method="GET", data=None):
    status, body = http(f"{hub['base']}/hub/api{path}", token, method, data)
    return status, (json.loads(body) if body.strip().startswith(("{", "[")) else body)


def _token_for(hub, user: str) -> str:
    status, body = _api(hub, f"/users/{user}/tokens", hub["service"], "POST",
                        {"note": "test_hub", "expires_in": 600})
    assert status == 201, (status, body)
    return body["token"]


def _start_server(hub, user: str, token: str) -> None:
    status, body = _api(hub, f"/users/{user}/server", token, "POST")
    assert status in (201, 202), (status, body)


def _wait_ready(hub, user: str, token: str) -> None:
    def ready():
        status, body = _api(hub, f"/users/{user}", token)
        return status == 200 and body.get("servers", {}).get("", {}).get("ready")
    wait_until(ready, 90, f"{user}'s server ready", hub["process"], hub["log"], every=0.5)


def _user(hub, user: str, path: str, token: str, method="GET", data=None, form=False, timeout=120):
    status, body = http(f"{hub['base']}/user/{user}{path}", token, method, data, timeout=timeout, form=form)
    return status, body


@pytest.fixture(scope="module")
def servers(hub):
    """Tokens for the instructor and the student (made by the test service through the hub's
    API, as an admin would), and both users' servers started through the API with them."""
    started = time.monotonic()
    tokens = {user: _token_for(hub, user) for user in (INSTRUCTOR, STUDENT)}
    # Both at once: the hub answers a start request only once the server is up (or after 10 s).
    with ThreadPoolExecutor(len(tokens)) as pool:
        list(pool.map(lambda user: _start_server(hub, user, tokens[user]), tokens))
    for user, token in tokens.items():
        _wait_ready(hub, user, token)
    hub["timings"]["two servers up"] = time.monotonic() - started
    yield tokens
    for user, token in tokens.items():
        status, _ = _api(hub, f"/users/{user}/server", token, "DELETE")
        assert status in (202, 204), status


def _run_in_kernel(hub, user: str, token: str, code: str) -> str:
    status, body = _user(hub, user, "/api/kernels", token, "POST", {})
    assert status == 201, (status, body)
    kernel = json.loads(body)["id"]
    port = hub["base"].rsplit(":", 1)[1]
    try:
        return run_in_kernel(f"ws://127.0.0.1:{port}/user/{user}/api/kernels/{kernel}/channels", token, code,
                             username=user, timeout=90)
    finally:
        _user(hub, user, f"/api/kernels/{kernel}", token, "DELETE")


def _disabled_lab_extensions(hub, user: str, token: str) -> set[str]:
    """The JupyterLab plugins that `user`'s /lab page is told to leave out."""
    status, page = _user(hub, user, "/lab", token)
    assert status == 200, page[-2000:]
    start = page.index('id="jupyter-config-data"')
    data = page[page.index(">", start) + 1:page.index("</script>", start)]
    return set(json.loads(data)["disabledExtensions"])


def _assignments(hub, token: str) -> list[dict]:
    status, body = _user(hub, STUDENT, f"/assignments?course_id={COURSE}", token)
    assert status == 200, (status, body)
    answer = json.loads(body)
    assert answer["success"], answer.get("value")
    return answer["value"]


def test_hub_loads_the_courses_groups_and_roles(hub):
    status, groups = _api(hub, "/groups", hub["service"])
    assert status == 200, groups
    members = {group["name"]: set(group["users"]) for group in groups}
    assert members[f"formgrade-{COURSE}"] == {INSTRUCTOR}
    assert members[f"nbgrader-{COURSE}"] == {INSTRUCTOR, STUDENT}


def test_instructor_and_student_see_the_course(hub, servers):
    teacher, ada = servers[INSTRUCTOR], servers[STUDENT]
    timings = hub["timings"]

    # The instructor opens the formgrader: the page, then its API on the course folder.
    status, page = _user(hub, INSTRUCTOR, "/formgrader", teacher)
    assert status == 200, page[-2000:]
    assert "formgrader" in page.lower() and "Manage Assignments" in page
    assert "not a subdirectory" not in page

    # ... generates the student version of 00-start and releases it to the exchange.
    started = time.monotonic()
    for action in ("assign", "release"):
        status, body = _user(hub, INSTRUCTOR, f"/formgrader/api/assignment/{ASSIGNMENT}/{action}",
                             teacher, "POST")
        assert status == 200, (action, status, body[-2000:])
        result = json.loads(body)
        assert result["success"], (action, result.get("error") or result.get("log"))
    timings["generate + release"] = time.monotonic() - started
    assert student_notebook(ASSIGNMENT, hub["course"]).is_file()
    assert notebook_in(hub["exchange"] / COURSE / "outbound", ASSIGNMENT).is_file()

    # The student's Assignments tab: nbgrader's assignment-list API in her own server.
    listed = {(a["course_id"], a["assignment_id"], a["status"]) for a in _assignments(hub, ada)}
    assert (COURSE, ASSIGNMENT, "released") in listed, listed

    # ... fetches it into her home and submits it.
    for action in ("fetch", "submit"):
        status, body = _user(hub, STUDENT, f"/assignments/{action}", ada, "POST",
                             {"course_id": COURSE, "assignment_id": ASSIGNMENT}, form=True)
        assert status == 200, (action, status, body[-2000:])
        assert json.loads(body)["success"], (action, body[-2000:])
    fetched = notebook_in(hub["tmp"] / "home" / STUDENT / COURSE, ASSIGNMENT)
    assert fetched.is_file()
    statuses = {a["status"] for a in _assignments(hub, ada) if a["assignment_id"] == ASSIGNMENT}
    assert {"fetched", "submitted"} <= statuses, statuses
    inbound = list((hub["exchange"] / COURSE / "inbound").iterdir())
    assert [p.name.split("+")[0] for p in inbound] == [STUDENT], inbound  # her hub name

    # The instructor collects: the submission lands in the course folder under her name.
    status, body = _user(hub, INSTRUCTOR, f"/formgrader/api/assignment/{ASSIGNMENT}/collect",
                         teacher, "POST")
    assert status == 200 and json.loads(body)["success"], body[-2000:]
    assert notebook_in(hub["course"] / "submitted" / STUDENT, ASSIGNMENT).is_file()


def test_roles_keep_students_out_of_grading(hub, servers):
    teacher, ada = servers[INSTRUCTOR], servers[STUDENT]
    # No formgrader in a student's server (page and API), nor the create-assignment toolbar.
    assert _user(hub, STUDENT, "/formgrader", ada)[0] == 404
    assert _user(hub, STUDENT, "/formgrader/api/assignments", ada)[0] == 404
    grading = {"@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"}
    assert grading <= _disabled_lab_extensions(hub, STUDENT, ada)
    assert not grading & _disabled_lab_extensions(hub, INSTRUCTOR, teacher)
    # A student's token cannot reach the instructor's server; the instructor's role lists the
    # course's users on the hub, a student's does not.
    assert _user(hub, INSTRUCTOR, "/api/status", ada)[0] == 403
    status, users = _api(hub, "/users", teacher)
    assert status == 200 and {u["name"] for u in users} >= {INSTRUCTOR, STUDENT}
    assert _api(hub, "/users", ada)[0] == 403


def test_a_students_kernel_has_the_course_and_the_resource_settings(hub, servers):
    started = time.monotonic()
    printed = _run_in_kernel(hub, STUDENT, servers[STUDENT], (
        "import os, utils, utils.env\n"
        "print(utils.__name__, os.environ['JUPYTERHUB_USER'], os.environ['MEM_LIMIT'], os.environ['CPU_LIMIT'],\n"
        "      [name for name in os.environ if name.endswith('_NUM_THREADS')])\n"))
    hub["timings"]["kernel"] = time.monotonic() - started
    # No thread count from the hub: the setup cell of every notebook sets it (utils.env.setup).
    assert printed.split() == ["utils", STUDENT, str(2 * 1024**3), "2.0", "[]"], printed
