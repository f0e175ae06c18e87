"""Test set-up for the whole suite (tests/ and the nbval run of solutions/): offline, no screen."""

from __future__ import annotations

import os
import tempfile

# nbval's pass over solutions/ also runs the wrong answers and hands widget notebooks' kernels
# to the browser test; it counts every notebook execution (tests/nbval_wrong_answers.py).
pytest_plugins = ["tests.nbval_wrong_answers"]

# Anything that tries to download (a dataset, weights) fails fast instead of passing on a
# developer's machine with network and failing in CI or on a plane. Loopback stays reachable.
for _var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
    os.environ[_var] = "http://127.0.0.1:9"
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "localhost,127.0.0.1,::1"
os.environ.setdefault("MPLBACKEND", "Agg")
# Notebooks run by the tests record their models in a throw-away scorecard, not the learner's.
os.environ["COURSE_SCORECARD"] = os.path.join(
    tempfile.mkdtemp(prefix="course-scorecard-"), "scorecard.json")
# A result the lesson states in words that the run contradicts fails the notebook under the
# suite (utils.claims); a learner only sees a ✗ message.
os.environ["COURSE_STRICT_CLAIMS"] = "1"
