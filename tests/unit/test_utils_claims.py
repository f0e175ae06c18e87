"""utils.claims: a stated result is shown with ✓/✗ and its numbers; strict mode raises."""

from __future__ import annotations

import numpy as np
import pytest

from utils import claims, scorecard
from utils.claims import ClaimNotHeld, Verdict, claim, verdict_table


@pytest.fixture(autouse=True)
def private_scorecard(tmp_path, monkeypatch):
    monkeypatch.setenv("COURSE_SCORECARD", str(tmp_path / "scorecard.json"))


@pytest.fixture
def learner(monkeypatch):
    """A learner's run: no strict mode."""
    monkeypatch.delenv(claims.STRICT_ENV_VAR, raising=False)


@pytest.fixture
def suite(monkeypatch):
    monkeypatch.setenv(claims.STRICT_ENV_VAR, "1")


def test_a_claim_that_holds_shows_a_tick_and_the_numbers(learner, capsys):
    result = claim("the forest beats the tree", 0.93 > 0.88,
                   measured={"forest": 0.93141, "tree": 0.88, "folds": 5})
    out = capsys.readouterr().out
    assert result.holds and out.startswith("✓ Claim holds in your run: the forest beats the tree.")
    assert "measured: forest = 0.931, tree = 0.88, folds = 5" in out
    assert "Why" not in out


def test_a_claim_that_fails_is_a_message_for_a_learner(learner, capsys):
    result = claim("the forest beats the tree", np.float64(0.85) > 0.88,
                   measured={"forest": 0.85, "tree": 0.88}, why="the gap is within the noise")
    out = capsys.readouterr().out
    assert not result.holds
    assert out.startswith("✗ In your run this did not hold: the forest beats the tree.")
    assert "Why this can happen: the gap is within the noise." in out
    assert "trust your numbers" in out


def test_a_claim_that_fails_raises_under_the_test_suite(suite, capsys):
    with pytest.raises(ClaimNotHeld, match="did not hold: the forest beats the tree"):
        claim("the forest beats the tree", False, measured="forest 0.85, tree 0.88")
    assert "✗" in capsys.readouterr().out  # the learner-facing message is shown first
    assert isinstance(ClaimNotHeld("x"), AssertionError)


def test_a_claim_that_holds_never_raises_under_the_test_suite(suite):
    assert claim("2 > 1", 2 > 1).holds


@pytest.mark.parametrize("value, strict", [("1", True), ("true", True), ("0", False), ("", False)])
def test_strict_mode_follows_the_environment_variable(monkeypatch, value, strict):
    monkeypatch.setenv(claims.STRICT_ENV_VAR, value)
    assert claims.strict() is strict


@pytest.mark.parametrize("holds", [np.array([True, False]), [True], 1, "yes", None])
def test_holds_must_be_one_truth_value(learner, holds):
    with pytest.raises(TypeError, match="True"):
        claim("something", holds)


def test_bad_statement_and_measured_are_explained(learner):
    with pytest.raises(TypeError, match="claim in words"):
        claim("   ", True)
    with pytest.raises(TypeError, match="measured must be"):
        claim("x", True, measured=[0.9, 0.8])
    with pytest.raises(TypeError, match="why must be"):
        claim("x", True, why=3)


def test_verdict_table_shows_and_records_every_verdict(learner):
    table = verdict_table("01-ai-ml-dl", [
        Verdict("DL needs far more data", "MLP 0.95 vs logistic 0.96 on 426 rows", False, "426 rows"),
        Verdict("ML trains in minutes on a CPU", "0.02 s", True, "426 rows, 1 core"),
    ])
    assert list(table.columns) == ["claim", "what we measured", "verdict", "at what scale"]
    assert list(table["verdict"]) == ["fails", "holds"]
    recorded = scorecard.load_claims()
    assert list(recorded["verdict"]) == ["fails", "holds"]
    assert set(recorded["notebook"]) == {"01-ai-ml-dl"}
    verdict_table("01-ai-ml-dl", [Verdict("DL needs far more data", "again", True, "426 rows")])
    assert len(scorecard.load_claims()) == 2  # a re-run replaces, never duplicates


def test_verdict_table_can_skip_recording(learner):
    verdict_table("01", [Verdict("c", "m", True, "s")], record=False)
    assert scorecard.load_claims().empty


def test_verdict_rows_are_checked(learner):
    with pytest.raises(TypeError, match="Verdict.measured"):
        Verdict("claim", "", True, "scale")
    with pytest.raises(TypeError, match="True"):
        Verdict("claim", "m", np.array([True]), "scale")
    with pytest.raises(TypeError, match="non-empty list"):
        verdict_table("01", Verdict("c", "m", True, "s"))
    with pytest.raises(TypeError, match="notebook"):
        verdict_table("", [Verdict("c", "m", True, "s")])


def test_a_claim_as_the_last_line_of_a_cell_is_shown_once(learner, capsys):
    from IPython.core.interactiveshell import InteractiveShell
    shell = InteractiveShell.instance()
    try:
        shell.run_cell("from utils.claims import claim\nclaim('2 > 1', 2 > 1)")
    finally:
        InteractiveShell.clear_instance()
    out = capsys.readouterr().out
    assert out.count("✓ Claim holds") == 1 and "Claim(" not in out


def test_two_rows_with_the_same_claim_text_are_refused(learner):
    with pytest.raises(ValueError, match="same claim text"):
        verdict_table("04", [Verdict("trees beat nets", "a", True, "s"),
                             Verdict("trees beat nets", "b", False, "s")])


def test_verdict_tables_show_long_cells_in_full(learner):
    long = "an MLP with two hidden layers of 32 and 16 neurons on 426 biopsies, 5-fold CV " * 2
    table = verdict_table("01", [Verdict("DL needs far more data", long, False, "426 rows")],
                          record=False)
    assert long.strip() in table._repr_html_() and long.strip() in repr(table)
    assert type(table[["claim"]]).__name__ == "DataFrame"
