"""A private graded copy: the course secret changes the hidden tests' seeds and nothing else
(tools/hidden_seeds.py, the build's `reseed_hidden_tests` pass, docs/instructor.md)."""

from __future__ import annotations

import re

import pytest

from tests.notebooks import IDS, between, outside_markers
from tools import course, hidden_seeds
from tools.hidden_seeds import SecretError
from tools.layout import source_script

SECRET = "a course secret for the tests, 1"
OTHER_SECRET = "another course secret for tests"

CELL = """\
rng = np.random.default_rng(1)                 # visible: stays
assert f(rng) == 2
### BEGIN HIDDEN TESTS
hidden_rng = np.random.default_rng(1)
mine, reference = np.random.default_rng(10), np.random.default_rng(10)
X, y = data.make_churn(n=300, seed=7)
rows = X.sample(25, random_state=3)
torch.manual_seed(100 + epoch)
keep = [seed_of(5), seed == 7, "seed 7", hidden_seed, default_rng(run.seed), np.float64(3.5)]
### END HIDDEN TESTS
print("seed=7 outside")
"""


def reseeded(secret: str, source: str = CELL) -> str:
    return hidden_seeds.reseed_hidden_blocks(source, secret, "00-start", "ex1-tests")


def seeds(source: str) -> list[int]:
    return [int(s) for s in hidden_seeds.hidden_seed_literals(source)]


def test_the_seed_literals_of_hidden_blocks_are_found():
    assert seeds(CELL) == [1, 10, 10, 7, 3, 100]


def test_a_secret_replaces_every_seed_literal_inside_the_hidden_blocks():
    new = reseeded(SECRET)
    assert all(seed not in (1, 10, 7, 3, 100) for seed in seeds(new))
    assert all(0 <= seed < hidden_seeds.SEED_RANGE for seed in seeds(new))
    # the same literal in a cell keeps the same new seed: paired generators stay paired
    mine, reference = re.search(r"mine, reference = (.*)", new).group(1).split(", np.")
    assert mine.removeprefix("np.") == reference


def test_nothing_outside_the_hidden_blocks_changes():
    new = reseeded(SECRET)
    assert outside_markers(new) == outside_markers(CELL)
    old_lines, new_lines = CELL.splitlines(), new.splitlines()
    assert len(old_lines) == len(new_lines)
    changed = [old for old, line in zip(old_lines, new_lines) if old != line]
    assert set(changed) <= set(between(CELL, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"))
    assert "keep = " not in "".join(changed), "only seed literals are replaced"


def test_the_same_secret_gives_the_same_seeds_and_two_secrets_differ():
    assert reseeded(SECRET) == reseeded(SECRET)
    assert set(seeds(reseeded(SECRET))).isdisjoint(seeds(reseeded(OTHER_SECRET)))


def test_the_seeds_depend_on_the_notebook_and_the_cell():
    in_cell = hidden_seeds.reseed_hidden_blocks(CELL, SECRET, "00-start", "ex2-tests")
    in_notebook = hidden_seeds.reseed_hidden_blocks(CELL, SECRET, "01-ai-ml-dl", "ex1-tests")
    assert len({tuple(seeds(reseeded(SECRET))), tuple(seeds(in_cell)), tuple(seeds(in_notebook))}) == 3


def _script(tmp_path, body: str):
    path = tmp_path / "99-x.py"
    path.write_text('# %% [markdown]\n# # 99 · X\n\n# %%\nrng = default_rng(5)\n\n'
                    '# %% solution="ex1-x"\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n\n'
                    f'# %% tests="ex1-x-tests" points=1\n{body}\n')
    return path


def test_the_build_without_a_secret_is_the_public_build(tmp_path):
    script = _script(tmp_path, "assert x == 1\n### BEGIN HIDDEN TESTS\nassert default_rng(4)\n"
                               "### END HIDDEN TESTS")
    public = course.build_source_notebook(script)
    assert course.build_source_notebook(script, None) == public
    graded = course.build_source_notebook(script, SECRET)
    assert [c.source for c in graded.cells][:-1] == [c.source for c in public.cells][:-1]
    assert "default_rng(5)" in graded.cells[2].source, "a demonstration cell keeps its seed"
    assert "default_rng(4)" in public.cells[-1].source
    assert "default_rng(4)" not in graded.cells[-1].source
    assert graded.cells[-1].metadata == public.cells[-1].metadata


@pytest.mark.parametrize("notebook_id", IDS)
def test_a_secret_build_changes_only_the_hidden_seeds_of_each_notebook(notebook_id):
    public = course.build_source_notebook(source_script(notebook_id))
    graded = course.build_source_notebook(source_script(notebook_id), SECRET)
    assert [c.id for c in graded.cells] == [c.id for c in public.cells]
    assert course.build_source_notebook(source_script(notebook_id), SECRET) == graded
    changed = 0
    for old, new in zip(public.cells, graded.cells):
        assert new.metadata == old.metadata and new.cell_type == old.cell_type
        if old.source == new.source:
            continue
        changed += 1
        assert outside_markers(new.source) == outside_markers(old.source), old.id
        for old_line, new_line in zip(old.source.splitlines(), new.source.splitlines(), strict=True):
            if old_line != new_line:
                assert hidden_seeds.SEED_LITERAL.sub("", old_line) == \
                    hidden_seeds.SEED_LITERAL.sub("", new_line), (old.id, old_line)
    assert changed, f"{notebook_id}: no hidden test draws its data with a seed literal"


def test_the_secret_is_read_from_a_file_and_must_be_long(tmp_path):
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(f"  {SECRET}\n")
    assert hidden_seeds.read_secret(secret_file) == SECRET
    secret_file.write_text("short\n")
    with pytest.raises(SecretError, match="at least 16"):
        hidden_seeds.read_secret(secret_file)
    with pytest.raises(SecretError, match="cannot read"):
        hidden_seeds.read_secret(tmp_path / "missing.txt")


def test_the_command_line_passes_the_secret_file_to_the_build(tmp_path, monkeypatch):
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET)
    calls = []
    monkeypatch.setattr(course, "build", lambda only, secret: calls.append((only, secret)) or ["00-start"])
    assert course.main(["build", "00-start", "--secret-file", str(secret_file)]) == 0
    assert course.main(["build"]) == 0
    assert calls == [(["00-start"], SECRET), (None, None)]


def test_the_doctests_run():
    import doctest

    result = doctest.testmod(hidden_seeds)
    assert result.attempted and not result.failed
