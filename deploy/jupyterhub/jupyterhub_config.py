"""JupyterHub configuration of the course "ml-vs-dl": one course, instructors and students.

One file for every hub (docs/jupyterhub.md says where it goes):
- The Littlest JupyterHub: /opt/tljh/config/jupyterhub_config.d/ml-vs-dl.py (TLJH loads every
  file of that folder after its own configuration);
- Zero to JupyterHub: mounted into the hub pod as
  /usr/local/etc/jupyterhub/jupyterhub_config.d/ml-vs-dl.py (deploy/z2jh/config.yaml);
- a plain JupyterHub: `load_subconfig("deploy/jupyterhub/jupyterhub_config.py")` in its config.

It adds to the hub's configuration, and never replaces the authenticator or the spawner:
- the roster (roster.txt beside this file, or the file named by $ML_VS_DL_ROSTER): who may log
  in, and the JupyterHub groups nbgrader reads: `formgrade-ml-vs-dl` (instructors: the
  formgrader and its create-assignment toolbar) and `nbgrader-ml-vs-dl` (everybody in the
  course: the Assignments tab, fetch, validate, submit);
- a role for the instructors on the hub (the admin page for the course's users, starting and
  stopping their servers) and the scopes of each server's own token (nbgrader asks the hub which
  course groups its user is in);
- the single-user servers: JupyterLab, resource limits that fit the notebooks' budgets (each
  notebook peaks under 1.5 GB: 2 GB limit, 1 GB guaranteed, 2 CPUs), and the per-role Jupyter
  configuration in /etc/jupyter (from etc-jupyter/ beside this file). No thread count: the setup
  cell of every notebook sets it (utils.env.setup).
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 -- provided by JupyterHub when it loads this file

COURSE = "ml-vs-dl"
INSTRUCTORS_GROUP = f"formgrade-{COURSE}"   # nbgrader's name for a course's graders
STUDENTS_GROUP = f"nbgrader-{COURSE}"       # nbgrader's name for a course's members
# Where the single-user servers find etc-jupyter/ (copied there by the image or the TLJH set-up).
JUPYTER_CONFIG = os.environ.get("ML_VS_DL_JUPYTER_CONFIG", "/etc/jupyter")
STUDENT_CONFIG = f"{JUPYTER_CONFIG}/{COURSE}-student"

MEM_LIMIT, MEM_GUARANTEE = "2G", "1G"
CPU_LIMIT, CPU_GUARANTEE = 2.0, 1.0


def read_roster(path: Path) -> tuple[set[str], set[str]]:
    """Instructors and students from a roster: one `instructor NAME` or `student NAME` a line."""
    instructors: set[str] = set()
    students: set[str] = set()
    if not path.is_file():
        return instructors, students
    for number, line in enumerate(path.read_text().splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            role, name = line.split()
        except ValueError:
            raise ValueError(f"{path}:{number}: expected 'instructor NAME' or 'student NAME'")
        if role not in ("instructor", "student"):
            raise ValueError(f"{path}:{number}: unknown role {role!r}")
        (instructors if role == "instructor" else students).add(name)
    return instructors, students


_here = Path(globals().get("__file__", "jupyterhub_config.py")).resolve().parent
ROSTER = Path(os.environ.get("ML_VS_DL_ROSTER", _here / "roster.txt"))
instructors, students = read_roster(ROSTER)

# --- who: users, groups and roles ---------------------------------------------------------
c.Authenticator.allowed_users.update(instructors | students)
c.JupyterHub.load_groups.update({
    INSTRUCTORS_GROUP: {"users": sorted(instructors)},
    # Instructors are members too, so that they see the course as their students do.
    STUDENTS_GROUP: {"users": sorted(instructors | students)},
})
c.JupyterHub.load_roles.append({
    "name": f"instructor-{COURSE}",
    "description": f"Instructors of {COURSE}: see the course's users, start and stop their servers",
    "groups": [INSTRUCTORS_GROUP],
    "scopes": [
        "admin-ui",
        f"list:users!group={STUDENTS_GROUP}",
        f"read:users!group={STUDENTS_GROUP}",
        f"servers!group={STUDENTS_GROUP}",
    ],
})
# The token each single-user server gets ($JUPYTERHUB_API_TOKEN): the default ones, plus reading
# its own user's groups, which nbgrader's JupyterHubAuthPlugin needs to list the user's courses.
c.Spawner.server_token_scopes = [
    "users:activity!user",
    "access:servers!server",
    "read:users:name!user",
    "read:users:groups!user",
]

# --- the single-user servers ---------------------------------------------------------------
c.Spawner.default_url = "/lab"
c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.mem_guarantee = MEM_GUARANTEE
c.Spawner.cpu_limit = CPU_LIMIT
c.Spawner.cpu_guarantee = CPU_GUARANTEE


def course_pre_spawn_hook(spawner) -> None:
    """Per-user settings of a single-user server, from the user's groups on the hub.

    Everybody: /etc/jupyter's course configuration. Everybody but the instructors: the student
    configuration first, which switches the formgrader off (server extension and JupyterLab
    menu) and hides the create-assignment toolbar. (No thread count: the setup cell of every
    notebook sets it, utils.env.setup.)
    """
    groups = {group.name for group in spawner.user.groups}
    environment = dict(spawner.environment)
    paths = [p for p in environment.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    if INSTRUCTORS_GROUP not in groups:
        paths.append(STUDENT_CONFIG)
    paths.append(JUPYTER_CONFIG)
    environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join(paths)
    spawner.environment = environment
    if _previous_hook is not None:
        return _previous_hook(spawner)


_previous_hook = c.Spawner.pre_spawn_hook if "pre_spawn_hook" in c.Spawner else None
c.Spawner.pre_spawn_hook = course_pre_spawn_hook
