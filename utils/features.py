"""Hand-made image features for classical models (06-features-vs-representations, 07-data-volume).

Feature engineering is the lesson of notebook 06, so the notebook shows how one image becomes
a feature vector (``skimage.feature.hog`` on a single digit). This module only does the
bookkeeping around it for a whole stack of images: checking the input, looping with a
progress bar when it is long, and returning one ``float32`` matrix that scikit-learn takes.

* :func:`hog_features` — histograms of oriented gradients (Dalal and Triggs, 2005).
* :func:`intensity_features` — ink statistics: how much ink, where its centre is, how spread.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._validation import as_bool, as_int, describe, to_numpy

__all__ = ["hog_features", "intensity_features", "INTENSITY_FEATURE_NAMES"]

# Stacks longer than this show a progress bar when ``progress`` is left at ``None``.
_PROGRESS_FROM = 2000


def _image_stack(images: Any) -> np.ndarray:
    """Return ``images`` as a float ``(n, height, width)`` array, or raise a helpful error."""
    try:
        array = np.asarray(to_numpy(images), dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise TypeError(f"images must be an array of grey-level images, but got {describe(images)}.") from error
    if array.ndim == 4 and array.shape[1] == 1:  # (n, 1, h, w): a PyTorch-style batch
        array = array[:, 0]
    if array.ndim == 2:
        raise ValueError(
            f"images must be a stack of images with shape (n, height, width), but got one array of shape "
            f"{array.shape}. For a single image pass images[None] (or [image]); for flat rows of pixels "
            f"reshape them first, e.g. X.reshape(-1, 8, 8)."
        )
    if array.ndim != 3:
        raise ValueError(
            f"images must have shape (n, height, width) (or (n, 1, height, width)), but got shape {array.shape}."
        )
    if array.shape[0] == 0:
        raise ValueError("images is empty: pass at least one image.")
    if not np.all(np.isfinite(array)):
        raise ValueError("images contains NaN or infinite values: clean or rescale them first.")
    return array


def _rows(array: np.ndarray, progress: bool | None, description: str) -> Any:
    """Iterate over the images, with a tqdm bar for long stacks."""
    show = len(array) >= _PROGRESS_FROM if progress is None else as_bool(progress, "progress")
    if not show:
        return array
    from tqdm.auto import tqdm

    return tqdm(array, desc=description, unit="img", leave=False)


def hog_features(
    images: Any,
    orientations: int = 9,
    cell: int = 8,
    block: int = 2,
    progress: bool | None = None,
) -> np.ndarray:
    """Histogram-of-oriented-gradients features of each image in a stack.

    Each image is cut into ``cell``×``cell``-pixel cells; each cell gets a histogram of its
    gradient directions in ``orientations`` bins, weighted by gradient strength; histograms
    are normalised over overlapping blocks of ``block``×``block`` cells (L2-Hys), which makes
    them robust to changes of contrast. This is :func:`skimage.feature.hog` applied to every
    image.

    Args:
        images: grey-level images, shape ``(n, height, width)`` (or ``(n, 1, height, width)``);
            NumPy array, list of arrays or torch tensor.
        orientations: number of direction bins (at least 2).
        cell: side of a cell in pixels; the images must hold at least ``block`` cells per side.
        block: side of a normalisation block, in cells.
        progress: show a progress bar; by default only for 2,000 images or more.

    Returns:
        A ``float32`` array of shape ``(n, n_features)``.

    Example:
        >>> import numpy as np
        >>> hog_features(np.zeros((3, 32, 32))).shape
        (3, 324)
    """
    from skimage.feature import hog

    array = _image_stack(images)
    orientations = as_int(orientations, "orientations", 2, 36)
    cell = as_int(cell, "cell", 2, 64)
    block = as_int(block, "block", 1, 8)
    height, width = array.shape[1:]
    if min(height, width) < cell * block:
        raise ValueError(
            f"images of {height}×{width} pixels are too small for blocks of {block}×{block} cells of "
            f"{cell}×{cell} pixels (needs at least {cell * block} pixels per side): use a smaller cell or block."
        )
    options = dict(orientations=orientations, pixels_per_cell=(cell, cell), cells_per_block=(block, block))
    rows = [hog(image, **options) for image in _rows(array, progress, "HOG features")]
    return np.asarray(rows, dtype=np.float32)


INTENSITY_FEATURE_NAMES = (
    "ink_total",
    "ink_fraction",
    "centre_row",
    "centre_col",
    "spread_row",
    "spread_col",
    "height",
    "width",
)


def intensity_features(images: Any) -> np.ndarray:
    """Eight ink statistics per image: amount, centre, spread and bounding box of the ink.

    Columns (also in ``INTENSITY_FEATURE_NAMES``): total ink; fraction of pixels with ink
    (> 10 % of the image's maximum); the ink-weighted centre row and column and their
    standard deviations, as fractions of the image size; height and width of the inked box,
    as fractions of the image size. A blank image gives zeros.

    Args:
        images: grey-level images, shape ``(n, height, width)`` (or ``(n, 1, height, width)``),
            with ink as large values.

    Returns:
        A ``float32`` array of shape ``(n, 8)``.
    """
    array = np.clip(_image_stack(images), 0.0, None)
    n, height, width = array.shape
    total = array.sum(axis=(1, 2))
    safe_total = np.where(total > 0, total, 1.0)
    rows = np.arange(height, dtype=np.float64)[None, :, None]
    cols = np.arange(width, dtype=np.float64)[None, None, :]
    centre_row = (array * rows).sum(axis=(1, 2)) / safe_total
    centre_col = (array * cols).sum(axis=(1, 2)) / safe_total
    spread_row = np.sqrt((array * (rows - centre_row[:, None, None]) ** 2).sum(axis=(1, 2)) / safe_total)
    spread_col = np.sqrt((array * (cols - centre_col[:, None, None]) ** 2).sum(axis=(1, 2)) / safe_total)
    peak = array.max(axis=(1, 2), keepdims=True)
    inked = (array > 0.1 * peak) & (peak > 0)
    any_row, any_col = inked.any(axis=2), inked.any(axis=1)
    box_height = np.where(any_row.any(axis=1), height - np.argmax(any_row[:, ::-1], axis=1) - np.argmax(any_row, axis=1), 0)
    box_width = np.where(any_col.any(axis=1), width - np.argmax(any_col[:, ::-1], axis=1) - np.argmax(any_col, axis=1), 0)
    blank = total <= 0
    features = np.column_stack([
        total,
        inked.mean(axis=(1, 2)),
        np.where(blank, 0.0, centre_row / height),
        np.where(blank, 0.0, centre_col / width),
        spread_row / height,
        spread_col / width,
        box_height / height,
        box_width / width,
    ])
    return features.astype(np.float32)
