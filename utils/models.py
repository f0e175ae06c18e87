"""Small reference architectures that the deep-learning notebooks share.

Every model is an ordinary :class:`torch.nn.Module` that returns *logits* (one score per
class, no softmax): train it with ``nn.CrossEntropyLoss`` (the default of
:func:`utils.train.fit`). The constructors check their arguments and every forward pass
checks the shape of its input, with a message that says what to change.

=====================  ==================================================  ==============
model                  what it is                                          input
=====================  ==================================================  ==============
:class:`LogisticNet`   one linear layer: multinomial logistic regression    anything (flattened)
:class:`MLP`           fully connected layers with ReLU (and dropout)       anything (flattened)
:class:`SmallCNN`      2-D CNN: conv3×3 + BN + ReLU + max-pool blocks,       ``(N, 1, H, W)``
                       global average pooling, a linear layer               or ``(N, H, W)``
:class:`ConvNet1D`     the MNIST-1D CNN of Greydanus (2020)                 ``(N, 40)``
:class:`GRUClassifier` a GRU that reads a signal step by step               ``(N, L)`` or ``(N, L, F)``
:class:`TinyTransformer` patch embedding + positions + self-attention        ``(N, L)``
=====================  ==================================================  ==============

Example::

    import torch
    from utils import models, train
    torch.manual_seed(0)                       # model initialisation is random
    model = models.ConvNet1D()                 # ~5 k parameters
    history = train.fit(model, (X_train, y_train), (X_val, y_val), epochs=20, lr=3e-2,
                        schedule="onecycle")

Reference: S. Greydanus (2020), "Scaling down deep learning", arXiv:2011.14439 (MNIST-1D).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import torch
from torch import nn

from ._validation import as_bool, as_choice, as_float, as_int, describe

__all__ = [
    "ACTIVATIONS",
    "LogisticNet",
    "MLP",
    "SmallCNN",
    "ConvNet1D",
    "GRUClassifier",
    "TinyTransformer",
]

#: Activation functions :class:`MLP` accepts, by name.
ACTIVATIONS: dict[str, type[nn.Module]] = {
    "relu": nn.ReLU,
    "tanh": nn.Tanh,
    "sigmoid": nn.Sigmoid,
    "gelu": nn.GELU,
    "leaky_relu": nn.LeakyReLU,
}

_MAX_SIZE = 1_000_000  # a generous upper bound for sizes: catches typos such as 1e9


# --------------------------------------------------------------------------------------
# Checks shared by the models
# --------------------------------------------------------------------------------------


def _check_size(value: Any, name: str, minimum: int = 1) -> int:
    return as_int(value, name, minimum, _MAX_SIZE)


def _check_dropout(value: Any) -> float:
    return as_float(value, "dropout", 0.0, 0.99)


def _check_sizes(value: Any, name: str, allow_empty: bool) -> tuple[int, ...]:
    """An int or a sequence of ints ≥ 1, as a tuple (``128`` → ``(128,)``)."""
    if isinstance(value, (int,)) and not isinstance(value, bool):
        value = (value,)
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(f"{name} must be an int or a tuple of ints such as (128, 64), but got {describe(value)}.")
    sizes = tuple(_check_size(size, f"{name}[{i}]") for i, size in enumerate(value))
    if not sizes and not allow_empty:
        raise ValueError(f"{name} must hold at least one size, e.g. (8, 16, 32), but got an empty {name}.")
    return sizes


def _check_tensor(x: Any, model: str) -> torch.Tensor:
    if not isinstance(x, torch.Tensor):
        raise TypeError(
            f"{model} expects a torch.Tensor, but got {describe(x)}; convert NumPy arrays with "
            "torch.as_tensor(X, dtype=torch.float32)."
        )
    if not torch.is_floating_point(x):
        raise TypeError(
            f"{model} expects a floating-point tensor, but got dtype {x.dtype}; convert it with x.float()."
        )
    return x


def _shape_error(model: str, x: torch.Tensor, expected: str, hint: str = "") -> ValueError:
    return ValueError(f"{model} expects input of shape {expected}, but got shape {tuple(x.shape)}.{hint}")


# --------------------------------------------------------------------------------------
# Networks on flattened inputs
# --------------------------------------------------------------------------------------


class _FlatInput(nn.Module):
    """Flattens ``(N, ...)`` to ``(N, in_features)`` and checks the feature count."""

    def __init__(self, in_features: int) -> None:
        super().__init__()
        self.in_features = in_features

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        owner = "the model"
        x = _check_tensor(x, owner)
        if x.dim() < 1:
            raise ValueError("The model expects a batch of inputs of shape (N, ...), but got a 0-D tensor.")
        if x.dim() == 1:
            x = x.unsqueeze(0) if x.numel() == self.in_features else x.unsqueeze(1)
        flat = x.reshape(x.shape[0], -1)
        if flat.shape[1] != self.in_features:
            raise ValueError(
                f"The model was built with in_features={self.in_features}, but each input has "
                f"{flat.shape[1]} values (batch shape {tuple(x.shape)}). Build it with "
                f"in_features={flat.shape[1]} or check the data."
            )
        return flat


class LogisticNet(nn.Module):
    """Multinomial logistic regression as a network: one linear layer on the flattened input.

    Args:
        in_features: values per example after flattening (40 for MNIST-1D, 32*32 for a
            32×32 image).
        n_classes: number of classes (outputs).

    Example:
        >>> model = LogisticNet(40)
        >>> model(torch.zeros(5, 40)).shape
        torch.Size([5, 10])
    """

    def __init__(self, in_features: int, n_classes: int = 10) -> None:
        super().__init__()
        self.in_features = _check_size(in_features, "in_features")
        self.n_classes = _check_size(n_classes, "n_classes")
        self.flatten = _FlatInput(self.in_features)
        self.linear = nn.Linear(self.in_features, self.n_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits of shape ``(N, n_classes)``."""
        return self.linear(self.flatten(x))


class MLP(nn.Module):
    """A multilayer perceptron: flatten, then ``Linear → activation → Dropout`` per hidden layer.

    Args:
        in_features: values per example after flattening (the input is flattened first, so
            it takes images and signals too).
        hidden: sizes of the hidden layers, e.g. ``(128,)`` or ``(256, 128)``; an int is one
            layer; ``()`` gives logistic regression.
        n_classes: number of outputs (classes; 1 for a regression target).
        dropout: dropout probability after each hidden layer (0 = none).
        activation: one of ``"relu"``, ``"tanh"``, ``"sigmoid"``, ``"gelu"``, ``"leaky_relu"``.

    Example:
        >>> model = MLP(40, hidden=(64, 32))
        >>> model(torch.zeros(3, 40)).shape
        torch.Size([3, 10])
        >>> sum(p.numel() for p in model.parameters())
        5034
    """

    def __init__(
        self,
        in_features: int,
        hidden: int | Sequence[int] = (128,),
        n_classes: int = 10,
        dropout: float = 0.0,
        activation: str = "relu",
    ) -> None:
        super().__init__()
        self.in_features = _check_size(in_features, "in_features")
        self.hidden = _check_sizes(hidden, "hidden", allow_empty=True)
        self.n_classes = _check_size(n_classes, "n_classes")
        self.dropout = _check_dropout(dropout)
        self.activation = as_choice(activation, "activation", ACTIVATIONS)
        layers: list[nn.Module] = [_FlatInput(self.in_features)]
        width = self.in_features
        for size in self.hidden:
            layers += [nn.Linear(width, size), ACTIVATIONS[self.activation]()]
            if self.dropout > 0:
                layers.append(nn.Dropout(self.dropout))
            width = size
        layers.append(nn.Linear(width, self.n_classes))
        self.net = nn.Sequential(*layers)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits of shape ``(N, n_classes)``."""
        return self.net(x)


# --------------------------------------------------------------------------------------
# Convolutional networks
# --------------------------------------------------------------------------------------


class SmallCNN(nn.Module):
    """A small 2-D CNN: ``[conv 3×3 → batch norm → ReLU → max-pool 2×2]`` blocks, global average pooling, linear.

    Batch normalisation (``batch_norm=True``, the default) makes this small network train in
    a few epochs: on 3,000 translated digits, 5 epochs reach ≈ 0.93 test accuracy with it and
    ≈ 0.55–0.83 without (measured). Global average pooling makes the classifier ignore *where* a pattern was found, which
    is what helps on translated digits. Use :meth:`features` for the learned representation
    (embeddings, t-SNE) and :meth:`feature_maps` to plot what each block responds to.

    Args:
        n_classes: number of classes.
        channels: output channels of each block, e.g. ``(8, 16, 32)`` (three blocks).
        in_channels: channels of the input images (1 for grey, 3 for colour).
        dropout: dropout probability before the final linear layer.
        batch_norm: put a ``BatchNorm2d`` after each convolution (``False``: the plain
            conv → ReLU → pool block).

    Images must be at least ``2 ** len(channels)`` pixels on each side (8 for three blocks).
    A batch of grey images may also be passed as ``(N, H, W)``.

    Example:
        >>> model = SmallCNN()
        >>> model(torch.zeros(2, 1, 32, 32)).shape
        torch.Size([2, 10])
        >>> [tuple(m.shape) for m in model.feature_maps(torch.zeros(2, 1, 32, 32))]
        [(2, 8, 16, 16), (2, 16, 8, 8), (2, 32, 4, 4)]
        >>> model.features(torch.zeros(2, 1, 32, 32)).shape
        torch.Size([2, 32])
    """

    def __init__(
        self,
        n_classes: int = 10,
        channels: int | Sequence[int] = (8, 16, 32),
        in_channels: int = 1,
        dropout: float = 0.0,
        batch_norm: bool = True,
    ) -> None:
        super().__init__()
        self.batch_norm = as_bool(batch_norm, "batch_norm")
        self.n_classes = _check_size(n_classes, "n_classes")
        self.channels = _check_sizes(channels, "channels", allow_empty=False)
        if len(self.channels) > 8:
            raise ValueError(f"channels has {len(self.channels)} blocks; use at most 8 (each halves the image).")
        self.in_channels = _check_size(in_channels, "in_channels")
        self.dropout = _check_dropout(dropout)
        blocks = []
        width = self.in_channels
        for size in self.channels:
            layers: list[nn.Module] = [nn.Conv2d(width, size, kernel_size=3, padding=1)]
            if batch_norm:
                layers.append(nn.BatchNorm2d(size))
            layers += [nn.ReLU(), nn.MaxPool2d(2)]
            blocks.append(nn.Sequential(*layers))
            width = size
        self.blocks = nn.ModuleList(blocks)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.drop = nn.Dropout(self.dropout)
        self.head = nn.Linear(width, self.n_classes)

    @property
    def min_size(self) -> int:
        """The smallest image side the blocks accept (each block halves the image)."""
        return 2 ** len(self.channels)

    def _prepare(self, x: torch.Tensor) -> torch.Tensor:
        x = _check_tensor(x, "SmallCNN")
        if x.dim() == 3 and self.in_channels == 1:
            x = x.unsqueeze(1)  # (N, H, W) grey images
        expected = f"(N, {self.in_channels}, H, W)"
        if x.dim() != 4:
            hint = " Add the channel axis with x.unsqueeze(1)." if x.dim() == 3 else ""
            raise _shape_error("SmallCNN", x, expected, hint)
        if x.shape[1] != self.in_channels:
            raise _shape_error(
                "SmallCNN", x, expected,
                f" The model was built with in_channels={self.in_channels}; images with channels last "
                "(N, H, W, C) need x.permute(0, 3, 1, 2).",
            )
        if min(x.shape[2], x.shape[3]) < self.min_size:
            raise _shape_error(
                "SmallCNN", x, expected,
                f" With {len(self.channels)} blocks each side must be at least {self.min_size} pixels.",
            )
        return x

    def feature_maps(self, x: torch.Tensor) -> list[torch.Tensor]:
        """The activations after each block: ``[(N, channels[0], H/2, W/2), (N, channels[1], H/4, W/4), ...]``.

        Call ``model.eval()`` first (batch norm then uses its running statistics) and wrap
        the call in ``torch.no_grad()`` when only plotting.
        """
        x = self._prepare(x)
        maps = []
        for block in self.blocks:
            x = block(x)
            maps.append(x)
        return maps

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """The penultimate representation: the globally pooled last block, ``(N, channels[-1])``."""
        return self.pool(self.feature_maps(x)[-1]).flatten(1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits of shape ``(N, n_classes)``."""
        return self.head(self.drop(self.features(x)))


def _conv_length(length: int, kernel: int, stride: int, padding: int) -> int:
    return (length + 2 * padding - kernel) // stride + 1


class ConvNet1D(nn.Module):
    """The MNIST-1D convolutional network of Greydanus (2020).

    Three 1-D convolutions (kernel sizes 5, 3, 3; stride 2; padding 1; ``channels`` each;
    ReLU), flattened, then one linear layer: about 5,200 parameters for length-40 signals.

    Args:
        n_classes: number of classes.
        channels: channels of each convolution (25 in the paper).
        in_length: length of the input signals (40 for MNIST-1D; at least 3).

    Example:
        >>> model = ConvNet1D()
        >>> model(torch.zeros(4, 40)).shape
        torch.Size([4, 10])
        >>> sum(p.numel() for p in model.parameters())
        5210
    """

    def __init__(self, n_classes: int = 10, channels: int = 25, in_length: int = 40) -> None:
        super().__init__()
        self.n_classes = _check_size(n_classes, "n_classes")
        self.channels = _check_size(channels, "channels")
        self.in_length = _check_size(in_length, "in_length")
        length = self.in_length
        for kernel in (5, 3, 3):
            length = _conv_length(length, kernel, stride=2, padding=1)
        if length < 1:
            raise ValueError(f"in_length={in_length} is too short for three stride-2 convolutions; use at least 3.")
        self.out_length = length
        self.conv1 = nn.Conv1d(1, self.channels, kernel_size=5, stride=2, padding=1)
        self.conv2 = nn.Conv1d(self.channels, self.channels, kernel_size=3, stride=2, padding=1)
        self.conv3 = nn.Conv1d(self.channels, self.channels, kernel_size=3, stride=2, padding=1)
        self.linear = nn.Linear(self.channels * length, self.n_classes)

    def _prepare(self, x: torch.Tensor) -> torch.Tensor:
        x = _check_tensor(x, "ConvNet1D")
        expected = f"(N, {self.in_length}) or (N, 1, {self.in_length})"
        if x.dim() == 2:
            x = x.unsqueeze(1)
        if x.dim() != 3 or x.shape[1] != 1 or x.shape[2] != self.in_length:
            hint = ""
            if x.dim() == 3 and x.shape[-1] == 1 and x.shape[1] == self.in_length:
                hint = " It looks like (N, L, 1): use x.transpose(1, 2)."
            elif x.shape[-1] != self.in_length:
                hint = f" Build the model with in_length={x.shape[-1]} for signals of that length."
            raise _shape_error("ConvNet1D", x, expected, hint)
        return x

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits of shape ``(N, n_classes)``."""
        h = torch.relu(self.conv1(self._prepare(x)))
        h = torch.relu(self.conv2(h))
        h = torch.relu(self.conv3(h))
        return self.linear(h.flatten(1))


# --------------------------------------------------------------------------------------
# Sequence models
# --------------------------------------------------------------------------------------


def _as_sequence(x: torch.Tensor, in_features: int, model: str) -> torch.Tensor:
    """``(N, L)`` → ``(N, L, 1)``; check ``(N, L, F)``."""
    x = _check_tensor(x, model)
    if x.dim() == 2 and in_features == 1:
        x = x.unsqueeze(-1)
    if x.dim() != 3 or x.shape[2] != in_features:
        expected = f"(N, L, {in_features})" + (" or (N, L)" if in_features == 1 else "")
        hint = ""
        if x.dim() == 3 and x.shape[1] == in_features:
            hint = " It looks like channels first (N, F, L): use x.transpose(1, 2)."
        raise _shape_error(model, x, expected, hint)
    if x.shape[1] < 1:
        raise ValueError(f"{model} got sequences of length 0 (shape {tuple(x.shape)}).")
    return x


class GRUClassifier(nn.Module):
    """A recurrent classifier: a GRU reads the signal one step at a time.

    Args:
        n_classes: number of classes.
        hidden: size of the GRU's hidden state.
        in_features: values per time step (1 for a plain signal).
        bidirectional: also read the sequence backwards (doubles the parameters).
        pool: ``"last"`` classifies from the final hidden state; ``"mean"`` from the mean of
            the hidden states over all steps.
        layers: stacked GRU layers.

    Example:
        >>> model = GRUClassifier(hidden=16)
        >>> model(torch.zeros(3, 40)).shape
        torch.Size([3, 10])
    """

    def __init__(
        self,
        n_classes: int = 10,
        hidden: int = 32,
        in_features: int = 1,
        bidirectional: bool = False,
        pool: str = "last",
        layers: int = 1,
    ) -> None:
        super().__init__()
        bidirectional = as_bool(bidirectional, "bidirectional")
        self.n_classes = _check_size(n_classes, "n_classes")
        self.hidden = _check_size(hidden, "hidden")
        self.in_features = _check_size(in_features, "in_features")
        self.bidirectional = bidirectional
        self.pool = as_choice(pool, "pool", ("last", "mean"))
        self.layers = as_int(layers, "layers", 1, 16)
        self.gru = nn.GRU(self.in_features, self.hidden, num_layers=self.layers, batch_first=True,
                          bidirectional=bidirectional)
        self.head = nn.Linear(self.hidden * (2 if bidirectional else 1), self.n_classes)

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """The representation the head classifies: ``(N, hidden)`` (``2 * hidden`` if bidirectional)."""
        states, last = self.gru(_as_sequence(x, self.in_features, "GRUClassifier"))
        if self.pool == "mean":
            return states.mean(dim=1)
        if self.bidirectional:  # last layer's forward and backward final states
            return torch.cat([last[-2], last[-1]], dim=1)
        return last[-1]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits of shape ``(N, n_classes)``."""
        return self.head(self.features(x))


class TinyTransformer(nn.Module):
    """A small transformer encoder for signals (a miniature vision-transformer for 1-D data).

    The signal is cut into patches of ``patch_size`` points, each patch is embedded by a
    linear layer, a learned positional embedding tells the model where each patch sits,
    ``layers`` self-attention blocks (``nn.TransformerEncoder``, pre-norm) let every patch
    look at every other one, and the mean over patches goes to a linear head.

    Args:
        n_classes: number of classes.
        in_length: length of the input signals (40 for MNIST-1D).
        d_model: width of the token embeddings; divisible by ``heads``.
        heads: attention heads per layer.
        layers: number of encoder layers.
        dropout: dropout inside the encoder layers.
        patch_size: points per token; must divide ``in_length`` (1 = one token per point;
            the default 4 makes 10 tokens of a length-40 signal: far more accurate on MNIST-1D
            in the same time than one token per point).
        ff_mult: width of each layer's feed-forward network, as a multiple of ``d_model``.

    Example:
        >>> model = TinyTransformer()
        >>> model(torch.zeros(2, 40)).shape
        torch.Size([2, 10])
    """

    def __init__(
        self,
        n_classes: int = 10,
        in_length: int = 40,
        d_model: int = 32,
        heads: int = 4,
        layers: int = 2,
        dropout: float = 0.0,
        patch_size: int = 4,
        ff_mult: int = 2,
    ) -> None:
        super().__init__()
        self.n_classes = _check_size(n_classes, "n_classes")
        self.in_length = _check_size(in_length, "in_length")
        self.d_model = _check_size(d_model, "d_model")
        self.heads = _check_size(heads, "heads")
        self.layers = as_int(layers, "layers", 1, 64)
        self.dropout = _check_dropout(dropout)
        self.patch_size = _check_size(patch_size, "patch_size")
        self.ff_mult = as_int(ff_mult, "ff_mult", 1, 16)
        if self.d_model % self.heads:
            raise ValueError(
                f"d_model={d_model} must be divisible by heads={heads} (each head gets d_model / heads "
                f"dimensions); try d_model={self.heads * max(1, math.ceil(self.d_model / self.heads))}."
            )
        if self.in_length % self.patch_size:
            raise ValueError(
                f"patch_size={patch_size} must divide in_length={in_length} into whole patches; "
                f"choose one of {[p for p in range(1, self.in_length + 1) if self.in_length % p == 0]}."
            )
        self.tokens = self.in_length // self.patch_size
        self.embed = nn.Linear(self.patch_size, self.d_model)
        self.position = nn.Parameter(torch.zeros(1, self.tokens, self.d_model))
        nn.init.normal_(self.position, std=0.02)
        layer = nn.TransformerEncoderLayer(
            self.d_model, self.heads, dim_feedforward=self.ff_mult * self.d_model, dropout=self.dropout,
            batch_first=True, norm_first=True,
        )
        self.encoder = nn.TransformerEncoder(layer, self.layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(self.d_model)
        self.head = nn.Linear(self.d_model, self.n_classes)

    def _prepare(self, x: torch.Tensor) -> torch.Tensor:
        x = _check_tensor(x, "TinyTransformer")
        if x.dim() == 3 and x.shape[1] == 1:
            x = x.squeeze(1)  # (N, 1, L)
        elif x.dim() == 3 and x.shape[2] == 1:
            x = x.squeeze(2)  # (N, L, 1)
        if x.dim() != 2 or x.shape[1] != self.in_length:
            hint = f" Build the model with in_length={x.shape[-1]}." if x.dim() == 2 else ""
            raise _shape_error("TinyTransformer", x, f"(N, {self.in_length})", hint)
        return x.reshape(x.shape[0], self.tokens, self.patch_size)

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """The mean of the encoded tokens, ``(N, d_model)``."""
        tokens = self.embed(self._prepare(x)) + self.position
        return self.norm(self.encoder(tokens)).mean(dim=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Logits of shape ``(N, n_classes)``."""
        return self.head(self.features(x))
