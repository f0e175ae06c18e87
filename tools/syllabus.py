"""The syllabus: one nbgrader assignment per notebook, in order.

The README's syllabus table is generated from this list by `make course`.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple, TypeVar

Result = TypeVar("Result")


class Lesson(NamedTuple):
    """One notebook of the course."""

    id: str
    title: str
    summary: str


SYLLABUS: list[Lesson] = [
    Lesson("00-start", "Start here",
           "check your environment; how exercises, visible and hidden tests, hints and grading work"),
    Lesson("01-ai-ml-dl", "AI, ML and DL",
           "hand-written rules vs a learned model; supervised, unsupervised and reinforcement learning"),
    Lesson("02-supervised", "Supervised learning",
           "baselines, pipelines, linear models, k-NN, trees, forests, boosting, SVM; cross-validation and metrics"),
    Lesson("03-unsupervised", "Unsupervised learning",
           "customer segmentation, PCA and t-SNE, anomaly detection on sensor readings"),
    Lesson("04-neural-networks", "Neural networks",
           "from one neuron to an MLP; autograd; your own training loop; regularisation; MLP vs boosting"),
    Lesson("05-deep-architectures", "Deep architectures",
           "CNNs and augmentation; linear, MLP, CNN, GRU and attention on MNIST-1D; inductive bias"),
    Lesson("06-features-vs-representations", "Features vs representations",
           "hand-crafted features vs learned ones; deep embeddings + classical models; transfer learning"),
    Lesson("07-data-volume", "Data volume",
           "learning curves of ML vs DL on tabular and image data; the crossover; what labels cost"),
    Lesson("08-cost", "Cost",
           "time, latency, size, memory and energy; quantisation, pruning, distillation; retraining"),
    Lesson("09-interpretability", "Interpretability",
           "by design vs post-hoc; explaining a CNN and testing the explanation; a credit decision; bias"),
    Lesson("10-choosing", "Choosing",
           "the decision framework; your own evidence table; capstone: three business cases"),
    Lesson("11-beyond", "Beyond (optional)",
           "generative models, Q-learning vs a deep Q-network, foundation models and edge AI"),
]

#: Notebooks whose claims compare measured speeds (latency budgets, training-time ratios). Whatever
#: runs them keeps them away from other work: nbval runs them on the plain CPU (not the simulated
#: GPU, whose Python step on every PyTorch operation changes speeds), and the solved autograde and
#: the website's execution run them alone, after the others (beside another kernel, a tenth of a
#: second of training can be disturbed enough to flip a claim: seen for 08's growth exponents).
TIMING_SENSITIVE: tuple[str, ...] = ("08-cost", "10-choosing")
#: Whole-notebook runs side by side: each kernel uses one thread (utils.env.setup), so two fit two
#: cores without slowing each other down.
PARALLEL_RUNS = 2


def run_notebooks(ids: list[str], run: Callable[[str], Result]) -> dict[str, Result]:
    """`run(notebook_id)` for each of `ids`: PARALLEL_RUNS at a time, then the TIMING_SENSITIVE
    ones alone, after the others. Each result under its id."""
    together = [notebook_id for notebook_id in ids if notebook_id not in TIMING_SENSITIVE]
    alone = [notebook_id for notebook_id in ids if notebook_id in TIMING_SENSITIVE]
    with ThreadPoolExecutor(max_workers=PARALLEL_RUNS) as pool:
        results = dict(zip(together, pool.map(run, together)))
    return results | {notebook_id: run(notebook_id) for notebook_id in alone}
