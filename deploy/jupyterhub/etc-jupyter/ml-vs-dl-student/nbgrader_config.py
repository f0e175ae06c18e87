"""nbgrader configuration of a student's server (/etc/jupyter/ml-vs-dl-student, put first on
JUPYTER_CONFIG_PATH by the hub for everybody who is not an instructor).

A submission is named after the JupyterHub user, not after the operating-system account the
server runs as (`jupyter-NAME` on TLJH, `jovyan` on Kubernetes), so that the formgrader's
student ids are the hub's user names.
"""

import os

c = get_config()  # noqa: F821 -- provided by nbgrader when it loads this file

if os.environ.get("JUPYTERHUB_USER"):
    c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]
