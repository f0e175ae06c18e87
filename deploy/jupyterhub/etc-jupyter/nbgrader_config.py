"""nbgrader configuration of every single-user server of the course's hub (/etc/jupyter).

Copied to /etc/jupyter/nbgrader_config.py of the single-user environment (the TLJH machine, or
the image for Zero to JupyterHub: see docs/jupyterhub.md). An instructor's own course folder
adds the rest: its nbgrader_config.py (the repository's) says where the notebooks are.
"""

import os

c = get_config()  # noqa: F821 -- provided by nbgrader when it loads this file

c.CourseDirectory.course_id = "ml-vs-dl"

# The exchange: one folder that every single-user server sees (on TLJH a folder of the machine,
# on Kubernetes a shared volume), writable by all. Assignments go out through it and
# submissions come back; `path_includes_course` keeps each course in its own sub-folder.
c.Exchange.root = "/srv/nbgrader/exchange"
c.Exchange.path_includes_course = True

# Who is in which course comes from the hub: the groups nbgrader-ml-vs-dl and formgrade-ml-vs-dl.
c.Authenticator.plugin_class = "nbgrader.auth.JupyterHubAuthPlugin"

# An instructor keeps the course (a clone of the course repository) in ~/ml-vs-dl-course; when
# that folder is there, the formgrader and the nbgrader commands use it as the course root.
_course_root = os.path.expanduser("~/ml-vs-dl-course")
if os.path.isfile(os.path.join(_course_root, "nbgrader_config.py")):
    c.CourseDirectory.root = _course_root
