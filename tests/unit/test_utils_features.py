"""Unit tests of utils.features: hand-made image features for classical models."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from skimage.feature import hog

from utils import features


def _square(size: int = 32, top: int = 8, left: int = 10, side: int = 6) -> np.ndarray:
    image = np.zeros((size, size), dtype=np.float32)
    image[top : top + side, left : left + side] = 1.0
    return image


def test_hog_features_match_skimage_on_each_image():
    rng = np.random.default_rng(0)
    images = rng.random((4, 32, 32)).astype(np.float32)
    result = features.hog_features(images)
    assert result.dtype == np.float32 and result.shape == (4, 324)
    for row, image in zip(result, images):
        expected = hog(image, orientations=9, pixels_per_cell=(8, 8), cells_per_block=(2, 2))
        np.testing.assert_allclose(row, expected, rtol=1e-5, atol=1e-6)


def test_hog_features_options_change_the_length():
    images = np.zeros((2, 16, 16))
    assert features.hog_features(images, orientations=6, cell=4, block=2).shape == (2, 3 * 3 * 2 * 2 * 6)
    assert features.hog_features(images, cell=8, block=1).shape == (2, 2 * 2 * 9)


@pytest.mark.parametrize("convert", [list, torch.tensor, lambda a: a[:, None]])
def test_hog_features_accepts_lists_tensors_and_channel_batches(convert):
    images = np.stack([_square(), _square(top=2)])
    np.testing.assert_allclose(features.hog_features(convert(images)), features.hog_features(images))


def test_hog_features_respond_to_where_the_edges_are():
    moved = features.hog_features(np.stack([_square(top=4, left=4), _square(top=20, left=20)]))
    assert not np.allclose(moved[0], moved[1])


def test_hog_features_explain_a_single_image():
    with pytest.raises(ValueError, match=r"images\[None\]"):
        features.hog_features(_square())


def test_hog_features_explain_flat_rows():
    with pytest.raises(ValueError, match=r"reshape"):
        features.hog_features(np.zeros((5, 64)))


@pytest.mark.parametrize(
    "images, kwargs, message",
    [
        (np.zeros((2, 8, 8)), {}, r"too small .* smaller cell or block"),
        (np.zeros((0, 32, 32)), {}, r"empty"),
        (np.full((1, 32, 32), np.nan), {}, r"NaN"),
        (np.zeros((2, 32, 32, 3)), {}, r"shape \(n, height, width\)"),
        (np.zeros((2, 32, 32)), {"cell": 0}, r"cell must be"),
        (np.zeros((2, 32, 32)), {"orientations": 1.5}, r"orientations must be an int"),
        ("pictures", {}, r"images must"),
    ],
)
def test_hog_features_reject_bad_input_with_a_clear_message(images, kwargs, message):
    with pytest.raises((TypeError, ValueError), match=message):
        features.hog_features(images, **kwargs)


def test_hog_features_progress_flag_is_checked():
    with pytest.raises(TypeError, match="progress must be True or False"):
        features.hog_features(np.zeros((1, 16, 16)), progress="yes")
    assert features.hog_features(np.zeros((1, 16, 16)), progress=True).shape == (1, 36)


def test_intensity_features_of_a_square():
    image = _square(size=32, top=8, left=10, side=6)
    row = features.intensity_features(image[None])[0]
    values = dict(zip(features.INTENSITY_FEATURE_NAMES, row))
    assert values["ink_total"] == pytest.approx(36)
    assert values["ink_fraction"] == pytest.approx(36 / 1024)
    assert values["centre_row"] == pytest.approx(10.5 / 32)
    assert values["centre_col"] == pytest.approx(12.5 / 32)
    assert values["spread_row"] == pytest.approx(np.std(np.arange(6)) / 32, rel=1e-5)
    assert values["height"] == pytest.approx(6 / 32) and values["width"] == pytest.approx(6 / 32)


def test_intensity_features_of_a_blank_image_are_zero():
    assert np.all(features.intensity_features(np.zeros((2, 8, 8))) == 0)


def test_intensity_features_see_translation_that_hog_totals_do_not():
    images = np.stack([_square(top=2, left=2), _square(top=20, left=20)])
    stats = features.intensity_features(images)
    assert stats[0, 0] == stats[1, 0]  # same ink
    assert stats[1, 2] > stats[0, 2] and stats[1, 3] > stats[0, 3]  # centre moved down and right


def test_intensity_features_reject_bad_input():
    with pytest.raises(ValueError, match=r"images\[None\]"):
        features.intensity_features(np.zeros((8, 8)))
