"""utils.models: every architecture builds, has the documented shapes and sizes, and refuses bad input clearly."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from utils import models, scorecard, train


def n_params(model: torch.nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


# --------------------------------------------------------------------------------------
# Shapes and sizes
# --------------------------------------------------------------------------------------

SIGNALS = torch.zeros(3, 40)


@pytest.mark.parametrize(
    "model, x",
    [
        (models.LogisticNet(40), SIGNALS),
        (models.MLP(40), SIGNALS),
        (models.MLP(32 * 32, hidden=(16, 8), dropout=0.2), torch.zeros(3, 1, 32, 32)),  # images are flattened
        (models.SmallCNN(), torch.zeros(3, 1, 32, 32)),
        (models.SmallCNN(), torch.zeros(3, 32, 32)),  # grey images without the channel axis
        (models.SmallCNN(in_channels=3, channels=(4, 8)), torch.zeros(3, 3, 20, 28)),
        (models.ConvNet1D(), SIGNALS),
        (models.ConvNet1D(), torch.zeros(3, 1, 40)),
        (models.GRUClassifier(), SIGNALS),
        (models.GRUClassifier(in_features=2, bidirectional=True, pool="mean"), torch.zeros(3, 40, 2)),
        (models.TinyTransformer(), SIGNALS),
        (models.TinyTransformer(patch_size=4, layers=1), torch.zeros(3, 1, 40)),
    ],
)
def test_every_model_returns_one_logit_per_class(model, x):
    out = model(x)
    assert out.shape == (3, 10)
    assert out.dtype == torch.float32


@pytest.mark.parametrize("n_classes", [2, 5])
def test_n_classes_sets_the_outputs(n_classes):
    for model in (models.LogisticNet(40, n_classes), models.MLP(40, n_classes=n_classes),
                  models.SmallCNN(n_classes), models.ConvNet1D(n_classes), models.GRUClassifier(n_classes),
                  models.TinyTransformer(n_classes)):
        x = torch.zeros(2, 1, 16, 16) if isinstance(model, models.SmallCNN) else torch.zeros(2, 40)
        assert model(x).shape == (2, n_classes), type(model).__name__


def test_parameter_counts_match_the_architectures():
    assert n_params(models.LogisticNet(40)) == 40 * 10 + 10
    assert n_params(models.MLP(40, hidden=(100,))) == (40 * 100 + 100) + (100 * 10 + 10)
    assert n_params(models.MLP(40, hidden=())) == 410  # no hidden layer: logistic regression
    assert n_params(models.MLP(40, hidden=64)) == n_params(models.MLP(40, hidden=(64,)))
    # Greydanus (2020): conv 1→25 (k5), 25→25 (k3) twice, then 25 channels × 5 positions → 10
    assert n_params(models.ConvNet1D()) == (25 * 5 + 25) + 2 * (25 * 25 * 3 + 25) + (125 * 10 + 10) == 5210
    plain = (8 * 9 + 8) + (8 * 16 * 9 + 16) + (16 * 32 * 9 + 32) + (32 * 10 + 10)
    assert n_params(models.SmallCNN(batch_norm=False)) == plain
    assert n_params(models.SmallCNN()) == plain + 2 * (8 + 16 + 32)  # batch norm: a scale and a shift per channel
    gru = models.GRUClassifier(hidden=32)
    assert n_params(gru) == 3 * (32 * 1 + 32 * 32 + 2 * 32) + (32 * 10 + 10)
    assert n_params(models.GRUClassifier(hidden=32, bidirectional=True)) == 2 * 3 * (32 + 32 * 32 + 64) + 64 * 10 + 10


def test_mlp_dropout_and_activation_layers():
    model = models.MLP(10, hidden=(8, 8), dropout=0.5, activation="tanh")
    kinds = [type(layer).__name__ for layer in model.net]
    assert kinds.count("Dropout") == 2 and kinds.count("Tanh") == 2
    assert "Dropout" not in [type(layer).__name__ for layer in models.MLP(10).net]


def test_small_cnn_blocks():
    kinds = [type(layer).__name__ for layer in models.SmallCNN().blocks[0]]
    assert kinds == ["Conv2d", "BatchNorm2d", "ReLU", "MaxPool2d"]
    assert [type(layer).__name__ for layer in models.SmallCNN(batch_norm=False).blocks[0]] == [
        "Conv2d", "ReLU", "MaxPool2d"]


def test_small_cnn_feature_maps_and_features():
    model = models.SmallCNN(channels=(8, 16, 32)).eval()
    x = torch.randn(2, 1, 32, 32)
    maps = model.feature_maps(x)
    assert [tuple(m.shape) for m in maps] == [(2, 8, 16, 16), (2, 16, 8, 8), (2, 32, 4, 4)]
    assert all((m >= 0).all() for m in maps)  # after ReLU
    features = model.features(x)
    assert features.shape == (2, 32)
    torch.testing.assert_close(model.head(features), model(x))  # the head classifies the features
    assert model.min_size == 8
    assert [tuple(m.shape) for m in model.feature_maps(torch.randn(1, 1, 8, 8))][-1] == (1, 32, 1, 1)


def test_sequence_model_features():
    assert models.GRUClassifier(hidden=12).features(SIGNALS).shape == (3, 12)
    assert models.GRUClassifier(hidden=12, bidirectional=True).features(SIGNALS).shape == (3, 24)
    assert models.GRUClassifier(hidden=12, pool="mean").features(SIGNALS).shape == (3, 12)
    assert models.TinyTransformer(d_model=16, heads=2).features(SIGNALS).shape == (3, 16)


def test_transformer_uses_positions():
    """With the positional embedding the model tells a signal from its reversal."""
    torch.manual_seed(0)
    model = models.TinyTransformer(patch_size=4).eval()
    x = torch.randn(2, 40)
    assert not torch.allclose(model(x), model(x.flip(1)))


# --------------------------------------------------------------------------------------
# Invalid arguments
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "build, error, message",
    [
        (lambda: models.MLP(0), ValueError, r"in_features must be between 1"),
        (lambda: models.MLP(40.0), TypeError, r"in_features must be an int"),
        (lambda: models.MLP(40, hidden=(64, 0)), ValueError, r"hidden\[1\] must be between 1"),
        (lambda: models.MLP(40, hidden="128"), TypeError, r"hidden must be an int or a tuple"),
        (lambda: models.MLP(40, dropout=1.5), ValueError, r"dropout must be between 0.0 and 0.99"),
        (lambda: models.MLP(40, activation="relu6"), ValueError, r"'relu6' is not one of .*'relu', 'tanh'"),
        (lambda: models.LogisticNet(40, n_classes=0), ValueError, r"n_classes must be between 1"),
        (lambda: models.SmallCNN(channels=()), ValueError, r"channels must hold at least one size"),
        (lambda: models.SmallCNN(in_channels=0), ValueError, r"in_channels"),
        (lambda: models.SmallCNN(batch_norm="yes"), TypeError, r"batch_norm must be True or False"),
        (lambda: models.ConvNet1D(in_length=2), ValueError, r"too short"),
        (lambda: models.ConvNet1D(channels=-1), ValueError, r"channels must be between 1"),
        (lambda: models.GRUClassifier(pool="max"), ValueError, r"pool='max' is not one of .*'last', 'mean'"),
        (lambda: models.GRUClassifier(bidirectional=1), TypeError, r"bidirectional must be True or False"),
        (lambda: models.TinyTransformer(d_model=30, heads=4), ValueError, r"divisible by heads=4.*d_model=32"),
        (lambda: models.TinyTransformer(patch_size=3), ValueError, r"patch_size=3 must divide in_length=40"),
    ],
)
def test_constructors_explain_bad_arguments(build, error, message):
    with pytest.raises(error, match=message):
        build()


# --------------------------------------------------------------------------------------
# Wrong inputs
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model, x, error, message",
    [
        (models.MLP(40), torch.zeros(3, 41), ValueError, r"in_features=40, but each input has 41 values"),
        (models.LogisticNet(40), torch.zeros(3, 2, 40), ValueError, r"in_features=80"),
        (models.MLP(40), np.zeros((3, 40), dtype=np.float32), TypeError, r"torch.as_tensor"),
        (models.MLP(40), torch.zeros(3, 40, dtype=torch.int64), TypeError, r"floating-point.*x.float\(\)"),
        (models.SmallCNN(), torch.zeros(3, 1024), ValueError, r"\(N, 1, H, W\), but got shape \(3, 1024\)"),
        (models.SmallCNN(in_channels=3), torch.zeros(2, 32, 32, 3), ValueError, r"x.permute\(0, 3, 1, 2\)"),
        (models.SmallCNN(), torch.zeros(2, 1, 6, 32), ValueError, r"at least 8 pixels"),
        (models.ConvNet1D(), torch.zeros(3, 40, 1), ValueError, r"x.transpose\(1, 2\)"),
        (models.ConvNet1D(), torch.zeros(3, 50), ValueError, r"in_length=50"),
        (models.GRUClassifier(in_features=2), torch.zeros(3, 2, 40), ValueError, r"channels first"),
        (models.GRUClassifier(), torch.zeros(3, 40, 2), ValueError, r"\(N, L, 1\) or \(N, L\)"),
        (models.TinyTransformer(), torch.zeros(3, 32), ValueError, r"\(N, 40\).*in_length=32"),
    ],
)
def test_forward_explains_wrong_inputs(model, x, error, message):
    with pytest.raises(error, match=message):
        model(x)


# --------------------------------------------------------------------------------------
# Sizes in the scorecard, skorch
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "model",
    [models.LogisticNet(40), models.MLP(40), models.SmallCNN(), models.ConvNet1D(), models.GRUClassifier(),
     models.TinyTransformer()],
    ids=lambda m: type(m).__name__,
)
def test_scorecard_model_size_counts_the_parameters(model):
    size_bytes, parameters = scorecard.model_size(model)
    assert parameters == n_params(model) == train.count_parameters(model)
    assert size_bytes == 4 * parameters  # float32
    assert scorecard.model_family(model) == "deep learning"


# --------------------------------------------------------------------------------------
# What the architectures buy (slow)
# --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_small_cnn_beats_an_mlp_of_similar_size_on_translated_digits():
    from utils import data

    digits = data.make_translated_digits(n_train=3000, n_test=1000)
    train_set = (digits["x_train"][:, None], digits["y_train"])
    test_set = (digits["x_test"][:, None], digits["y_test"])
    torch.manual_seed(0)
    cnn = models.SmallCNN()
    torch.manual_seed(0)
    mlp = models.MLP(32 * 32, hidden=(6,))  # ~6 k parameters, like the CNN
    assert 0.8 < n_params(mlp) / n_params(cnn) < 1.25
    scores = {}
    for name, model in (("cnn", cnn), ("mlp", mlp)):
        train.fit(model, train_set, epochs=5, lr=3e-2, schedule="onecycle", device="cpu", progress=False)
        scores[name] = train.evaluate(model, test_set)["accuracy"]
    assert scores["cnn"] >= 0.85, scores  # measured 0.93
    assert scores["cnn"] >= scores["mlp"] + 0.3, scores


@pytest.mark.slow
def test_small_cnn_learns_in_one_epoch():
    """One epoch on 3,000 translated digits lowers the training loss (its time is the benchmark's)."""
    from utils import data

    digits = data.make_translated_digits(n_train=3000, n_test=10)
    torch.manual_seed(0)
    model = models.SmallCNN()
    x = torch.as_tensor(digits["x_train"][:500]).unsqueeze(1)
    y = torch.as_tensor(digits["y_train"][:500])
    with torch.no_grad():
        before = torch.nn.functional.cross_entropy(model.eval()(x), y).item()
    train.fit(model, (digits["x_train"], digits["y_train"]), epochs=1, device="cpu", progress=False)
    with torch.no_grad():
        after = torch.nn.functional.cross_entropy(model.eval()(x), y).item()
    assert after < before
