"""utils.guards: shortcuts forbidden inside a block, global random state kept."""

from __future__ import annotations

import random

import numpy as np
import pytest
import torch
from sklearn.decomposition import PCA
from sklearn.model_selection import cross_val_score
from sklearn.tree import DecisionTreeClassifier

from utils.guards import ShortcutUsed, keeps_global_random_state, shortcuts_forbidden

X = np.random.default_rng(0).normal(size=(40, 3))
Y = (X[:, 0] > 0).astype(int)


def test_a_function_imported_by_name_is_forbidden_and_restored():
    with shortcuts_forbidden("sklearn.model_selection.cross_val_score", task="write the CV loop"):
        with pytest.raises(ShortcutUsed, match="write the CV loop yourself.*cross_val_score"):
            cross_val_score(DecisionTreeClassifier(), X, Y, cv=2)  # the name bound in this module
    assert len(cross_val_score(DecisionTreeClassifier(), X, Y, cv=2)) == 2


def test_a_function_reached_through_another_library_function_is_forbidden():
    import sklearn.metrics

    with shortcuts_forbidden("sklearn.metrics.precision_recall_fscore_support", task="count"):
        with pytest.raises(ShortcutUsed):
            sklearn.metrics.f1_score(Y, Y)  # calls it inside scikit-learn
    assert sklearn.metrics.f1_score(Y, Y) == 1.0


def test_a_class_is_forbidden_even_for_an_instance_fitted_before_the_block():
    fitted = DecisionTreeClassifier(random_state=0).fit(X, Y)
    with shortcuts_forbidden("sklearn.tree.DecisionTreeClassifier", task="write the rules"):
        with pytest.raises(ShortcutUsed, match="DecisionTreeClassifier.predict"):
            fitted.predict(X)
        with pytest.raises(ShortcutUsed):
            DecisionTreeClassifier()
        with pytest.raises(ShortcutUsed):
            PCA(2).fit(X) and None or DecisionTreeClassifier().fit(X, Y)
    assert (fitted.predict(X) == Y).mean() > 0.9
    assert "predict" not in vars(DecisionTreeClassifier)  # the inherited method shows again


def test_a_method_is_forbidden():
    layer = torch.nn.Linear(3, 2)
    with shortcuts_forbidden("torch.nn.Module.parameters", task="count the parameters"):
        with pytest.raises(ShortcutUsed):
            sum(p.numel() for p in layer.parameters())
    assert sum(p.numel() for p in layer.parameters()) == 8


def test_everything_is_restored_when_the_block_raises():
    with pytest.raises(RuntimeError):
        with shortcuts_forbidden("numpy.mean", "sklearn.decomposition.PCA", task="x"):
            raise RuntimeError("inside")
    assert np.mean([1.0, 3.0]) == 2.0
    assert PCA(1).fit_transform(X).shape == (40, 1)


def test_unknown_names_and_bad_calls_are_explained():
    with pytest.raises(ValueError, match="cannot find 'sklearn.nope'"):
        with shortcuts_forbidden("sklearn.nope", task="x"):
            pass
    with pytest.raises(ValueError, match="at least one"):
        shortcuts_forbidden(task="x")
    with pytest.raises(TypeError):
        shortcuts_forbidden(np.mean, task="x")


@pytest.mark.parametrize("draw, generator", [
    (lambda: np.random.seed(0), "NumPy"),
    (lambda: random.random(), "Python"),
    (lambda: torch.manual_seed(3), "PyTorch"),
    (lambda: torch.rand(2), "PyTorch"),
])
def test_a_change_of_global_random_state_fails(draw, generator, restore_global_state):
    with pytest.raises(AssertionError, match=f"(?s)changed {generator}.*default_rng"):
        with keeps_global_random_state("my_split(...)"):
            draw()


def test_own_generators_keep_global_random_state():
    with keeps_global_random_state("my_split(...)"):
        np.random.default_rng(0).permutation(10)
        torch.rand(2, generator=torch.Generator().manual_seed(0))
        random.Random(0).random()
