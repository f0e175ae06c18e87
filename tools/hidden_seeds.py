"""A course secret changes the random inputs of the hidden tests (graded classes).

The public repository holds every hidden test, so a learner can read what the grader will feed
their function. An instructor who grades keeps a private clone and builds it with a secret
(docs/instructor.md, *Graded classes: the hidden tests are public*):

    python -m tools.course build --secret-file ~/ml-vs-dl-secret.txt

The build then puts each notebook through one more pass: inside the `### BEGIN HIDDEN TESTS` /
`### END HIDDEN TESTS` blocks of the test cells, and nowhere else, every seed literal the hidden
tests draw their data with (`SEED_LITERAL`: `default_rng(7)`, `manual_seed(7)`,
`RandomState(7)`, `np.random.seed(7)`, `random_state=7`, `seed=7`) is replaced by a seed derived
from the secret, the notebook, the cell and the literal's value. The same literal twice in a
cell gets the same new seed, so that a test that draws the learner's and the reference's
random numbers from two generators seeded alike still does. The student
notebooks (`course/`) do not contain hidden tests, so they stay byte-identical to the public
ones; the instructor notebooks, and the gradebook nbgrader fills from them, differ.

Why a file and not an environment variable: the secret is needed only to build; autograding
needs only the gradebook. nbgrader runs submitted code in kernels started from the grader's
shell, with the grader's rights, so an exported secret would be handed to that code
(`os.environ`) and kept in the shell's history; a file (outside the clone, readable by the
instructor only) is read once by the build, and can be kept off the grading machine.

What the secret does not change: the literal edge cases a hidden test spells out
(`accuracy([5], [5])`), the data sets the notebooks load, and seeds held in a variable (the cases
of a loop, `for seed, n in [(3, 150), ...]`; `default_rng(seed + 1)`). The instructor may edit
those in the private copy.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"
# A seed literal: the call or keyword that takes it, then the integer, which is replaced.
SEED_LITERAL = re.compile(
    r"(?P<head>(?:\bdefault_rng|\bmanual_seed|\bRandomState|\bnp\.random\.seed)\(\s*"
    r"|\b(?:random_state|seed)\s*=\s*)(?P<seed>\d+)\b(?![.\w])")
SEED_RANGE = 2**31  # valid for NumPy, scikit-learn, pandas and PyTorch alike
MIN_SECRET_LENGTH = 16


class SecretError(ValueError):
    """The course secret is missing or too weak to hide anything."""


def read_secret(path: Path) -> str:
    """The course secret kept in the file at `path` (surrounding white space ignored).

    A secret shorter than `MIN_SECRET_LENGTH` characters is refused: the hidden seeds are only as
    hard to guess as the secret.
    """
    try:
        secret = Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise SecretError(f"cannot read the course secret from {path}: {error}") from error
    if len(secret) < MIN_SECRET_LENGTH:
        raise SecretError(f"the course secret in {path} has {len(secret)} characters; use at least "
                          f"{MIN_SECRET_LENGTH}, e.g. `python -c \"import secrets; "
                          f"print(secrets.token_hex(32))\" > {path}`")
    return secret


def derived_seed(secret: str, notebook_id: str, cell_id: str, seed: int) -> int:
    """The seed that replaces the literal `seed` in the hidden blocks of cell `cell_id`.

    A stable hash (SHA-256) of all four, so that the same secret gives the same seeds on every
    build and machine, equal literals of a cell stay equal, and an edit elsewhere in the
    notebook moves no seed.

    >>> derived_seed("a secret of sixteen+", "00-start", "ex1-tests", 7) == \\
    ...     derived_seed("a secret of sixteen+", "00-start", "ex1-tests", 7)
    True
    >>> 0 <= derived_seed("s" * 16, "00-start", "ex1-tests", 7) < SEED_RANGE
    True
    """
    text = "\0".join((secret, notebook_id, cell_id, str(seed)))
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big") % SEED_RANGE


def hidden_seed_literals(source: str) -> list[str]:
    """The seed literals inside the hidden-test blocks of a cell's source, in order.

    >>> hidden_seed_literals("rng = default_rng(1)\\n### BEGIN HIDDEN TESTS\\n"
    ...                      "x = f(seed=7, random_state=3)\\n### END HIDDEN TESTS\\n")
    ['7', '3']
    """
    return [match.group("seed") for block in _hidden_blocks(source)
            for match in SEED_LITERAL.finditer(block)]


def reseed_hidden_blocks(source: str, secret: str, notebook_id: str, cell_id: str) -> str:
    """`source` with every seed literal inside its hidden-test blocks replaced by a derived seed.

    Lines outside the blocks are kept as they are, character for character.

    >>> cell = "rng = default_rng(1)\\n### BEGIN HIDDEN TESTS\\nrng = default_rng(2)\\n### END HIDDEN TESTS"
    >>> new = reseed_hidden_blocks(cell, "a secret of sixteen+", "00-start", "ex1-tests")
    >>> new.startswith("rng = default_rng(1)\\n") and "default_rng(2)" not in new
    True
    """
    def replace(match: re.Match) -> str:
        seed = derived_seed(secret, notebook_id, cell_id, int(match.group("seed")))
        return f"{match.group('head')}{seed}"

    lines = source.splitlines(keepends=True)
    inside = False
    for number, line in enumerate(lines):
        if BEGIN_HIDDEN in line:
            inside = True
        elif END_HIDDEN in line:
            inside = False
        elif inside:
            lines[number] = SEED_LITERAL.sub(replace, line)
    return "".join(lines)


def _hidden_blocks(source: str) -> list[str]:
    """The text of each hidden-test block of a cell (markers excluded)."""
    blocks, current = [], None
    for line in source.splitlines(keepends=True):
        if BEGIN_HIDDEN in line:
            current = []
        elif END_HIDDEN in line and current is not None:
            blocks.append("".join(current))
            current = None
        elif current is not None:
            current.append(line)
    return blocks
