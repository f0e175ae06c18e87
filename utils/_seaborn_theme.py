"""seaborn's ``"whitegrid"`` style in its ``"notebook"`` context, as matplotlib settings.

:func:`utils.env.set_plot_style` applies these instead of calling ``seaborn.set_theme``, which
sets exactly these values (plus the colour cycle, which ``set_plot_style`` sets from the course's
palette): importing seaborn takes over a second (it loads pandas and ``scipy.stats``), and every
notebook's setup cell would pay it whether or not it draws a seaborn plot. The values are
seaborn 0.13's ``axes_style("whitegrid")`` and ``plotting_context("notebook")``;
``tests/unit/test_utils_env.py`` checks that ``set_plot_style`` leaves matplotlib exactly as
``seaborn.set_theme`` would, so a seaborn release that changes its theme fails that test.
"""

from __future__ import annotations

from typing import Any

#: The settings seaborn's theme makes with context ``"notebook"`` and style ``"whitegrid"``.
WHITEGRID_NOTEBOOK: dict[str, Any] = {
    'axes.axisbelow': True,
    'axes.edgecolor': '.8',
    'axes.facecolor': 'white',
    'axes.grid': True,
    'axes.labelcolor': '.15',
    'axes.labelsize': 12,
    'axes.linewidth': 1.25,
    'axes.spines.bottom': True,
    'axes.spines.left': True,
    'axes.spines.right': True,
    'axes.spines.top': True,
    'axes.titlesize': 12,
    'figure.facecolor': 'white',
    'font.family': ['sans-serif'],
    'font.sans-serif': ['Arial', 'DejaVu Sans', 'Liberation Sans', 'Bitstream Vera Sans', 'sans-serif'],
    'font.size': 12,
    'grid.color': '.8',
    'grid.linestyle': '-',
    'grid.linewidth': 1,
    'image.cmap': 'rocket',
    'legend.fontsize': 11,
    'legend.title_fontsize': 12,
    'lines.linewidth': 1.5,
    'lines.markersize': 6,
    'lines.solid_capstyle': 'round',
    'patch.edgecolor': 'w',
    'patch.force_edgecolor': True,
    'patch.linewidth': 1,
    'text.color': '.15',
    'xtick.bottom': False,
    'xtick.color': '.15',
    'xtick.direction': 'out',
    'xtick.labelsize': 11,
    'xtick.major.size': 6,
    'xtick.major.width': 1.25,
    'xtick.minor.size': 4,
    'xtick.minor.width': 1,
    'xtick.top': False,
    'ytick.color': '.15',
    'ytick.direction': 'out',
    'ytick.labelsize': 11,
    'ytick.left': False,
    'ytick.major.size': 6,
    'ytick.major.width': 1.25,
    'ytick.minor.size': 4,
    'ytick.minor.width': 1,
    'ytick.right': False,
}
