"""The course's reference figures (private): what the solution notebooks measured, for the advisor.

When a learner's scorecard lacks a notebook (skipped, or a fresh Colab session), notebook 10's
evidence table and the advisor's reasons fall back on these figures, always labelled
``"reference"`` with the notebook and task they come from. They were not typed from memory:
they are the scorecard rows of one run of the solution notebooks 01–09, top to bottom, on the
machine of ``benchmarks/notebooks.md`` (see :data:`REFERENCE_RUN`), reduced to the best model
of each family (classical ML, deep learning, hybrid) per task, plus each learning curve's
smallest size and every model of 08's latency tables. Unsupervised and reinforcement-learning
tasks (bandits, clustering, 2-D maps) are left out: they compare no ML with DL.

To refresh them, run the solution notebooks with ``COURSE_SCORECARD`` pointing at an empty file
and regenerate the rows from that scorecard with the same reduction.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["REFERENCE_RUN", "ReferenceRow", "REFERENCE", "REFERENCE_CLAIMS"]

#: Where the reference figures come from.
REFERENCE_RUN = ("the course's reference run: solution notebooks 01–09 run top to bottom on 2026-12-01 "
                 "(AMD EPYC, 2 cores, no GPU; Python 3.11, torch 2.14.1 CPU)")


class ReferenceRow(NamedTuple):
    """One measured model of the reference run: the scorecard's columns that the advisor uses."""

    notebook: str
    task: str
    family: str
    model: str
    metric: str
    score: float
    n_train: int | None
    fit_time_s: float | None
    latency_p50_ms: float | None
    size_bytes: int | None


_ref = ReferenceRow

#: The reference figures, one measured model per row (times in seconds, latency per single request).
REFERENCE: tuple[ReferenceRow, ...] = (
    _ref("01-ai-ml-dl", "breast cancer", "classical ML", "decision tree (depth 3)", "accuracy", 0.9441, 426, 0.00399, None, 2827),
    _ref("01-ai-ml-dl", "breast cancer", "deep learning", "small neural network (MLP 32-16)", "accuracy", 0.965, 426, 0.211, None, 64399),
    _ref("02-supervised", "churn", "classical ML", "random forest", "accuracy", 0.912, 1875, 0.136, None, 2867708),
    _ref("02-supervised", "churn (5-fold CV)", "classical ML", "random forest", "accuracy", 0.9248, 1500, 0.132, None, None),
    _ref("02-supervised", "diabetes", "classical ML", "ridge regression", "rmse", 53.31, 331, 0.00257, None, 823),
    _ref("03-unsupervised", "digits 8x8", "classical ML", "logistic regression, 64 pixels", "accuracy", 0.9622, 1347, 0.0233, None, 3327),
    _ref("03-unsupervised", "sensor anomalies", "classical ML", "PCA reconstruction (1 component)", "f1", 0.69, 2000, 0.00064, None, 794),
    _ref("03-unsupervised", "sensor anomalies", "deep learning", "autoencoder 4-8-2-8-4", "f1", 0.69, 2000, 0.175, None, 12439),
    _ref("04-neural-networks", "digits 8x8", "deep learning", "MLP 64-32-10 (train.fit, early stopping)", "accuracy", 0.9667, 1077, 0.67, None, 9640),
    _ref("04-neural-networks", "digits 8x8", "classical ML", "logistic regression", "accuracy", 0.9622, 1347, 0.0497, None, 3327),
    _ref("04-neural-networks", "churn (300 training customers)", "deep learning", "MLP 256-256, dropout 0.5", "accuracy", 0.8624, 300, 0.752, None, 288776),
    _ref("04-neural-networks", "churn (5-fold CV)", "classical ML", "gradient boosting", "accuracy", 0.9248, 1500, 0.169, None, None),
    _ref("04-neural-networks", "churn (5-fold CV)", "deep learning", "MLP", "accuracy", 0.9019, 1500, 0.44, None, None),
    _ref("04-neural-networks", "breast cancer (5-fold CV)", "classical ML", "gradient boosting", "accuracy", 0.9672, 340, 0.11, None, None),
    _ref("04-neural-networks", "breast cancer (5-fold CV)", "deep learning", "MLP", "accuracy", 0.9836, 340, 0.237, None, None),
    _ref("04-neural-networks", "churn", "classical ML", "gradient boosting", "accuracy", 0.9024, 1875, 0.105, None, 401862),
    _ref("04-neural-networks", "churn", "deep learning", "MLP", "accuracy", 0.88, 1875, 0.427, None, 23048),
    _ref("04-neural-networks", "breast cancer", "classical ML", "gradient boosting", "accuracy", 0.972, 426, 0.166, None, 268722),
    _ref("04-neural-networks", "breast cancer", "deep learning", "MLP", "accuracy", 0.972, 426, 0.185, None, 25096),
    _ref("05-deep-architectures", "translated digits", "deep learning", "small CNN", "accuracy", 0.802, 1000, 3.2, None, 25320),
    _ref("05-deep-architectures", "MNIST-1D", "classical ML", "logistic regression", "accuracy", 0.32, 3600, 0.128, None, 3759),
    _ref("05-deep-architectures", "MNIST-1D", "deep learning", "CNN", "accuracy", 0.924, 3600, 2.6, None, 20840),
    _ref("05-deep-architectures", "MNIST-1D, positions shuffled", "classical ML", "logistic regression", "accuracy", 0.319, 3600, 0.103, None, 3759),
    _ref("05-deep-architectures", "MNIST-1D, positions shuffled", "deep learning", "MLP", "accuracy", 0.618, 3600, 0.971, None, 60840),
    _ref("06-features-vs-representations", "digits 8×8", "classical ML", "pixels → SVC", "accuracy", 0.9911, 1347, 0.0408, None, 325622),
    _ref("06-features-vs-representations", "translated digits", "classical ML", "invariant features → SVC", "accuracy", 0.66, 1200, 0.0464, None, 202884),
    _ref("06-features-vs-representations", "translated + clutter", "classical ML", "invariant features → SVC", "accuracy", 0.3275, 1200, 0.101, None, 234504),
    _ref("06-features-vs-representations", "digits 8×8", "deep learning", "CNN (raw pixels)", "accuracy", 0.9689, 1347, 0.478, None, 25320),
    _ref("06-features-vs-representations", "translated digits", "deep learning", "CNN (raw pixels)", "accuracy", 0.8688, 1200, 1.47, None, 25320),
    _ref("06-features-vs-representations", "translated + clutter", "deep learning", "CNN (raw pixels)", "accuracy", 0.69, 1200, 1.35, None, 25320),
    _ref("06-features-vs-representations", "translated digits", "hybrid", "CNN embedding → SVC", "accuracy", 0.8962, 1200, 0.00903, None, 146763),
    _ref("06-features-vs-representations", "translated + clutter", "hybrid", "CNN embedding → logistic regression", "accuracy", 0.7525, 1200, 0.0148, None, 3247),
    _ref("06-features-vs-representations", "translated + clutter, 100 labels", "deep learning", "clean CNN, fine-tuned", "accuracy", 0.63, 100, 0.366, None, 25320),
    _ref("06-features-vs-representations", "translated + clutter, 100 labels", "classical ML", "invariant features → SVC", "accuracy", 0.2787, 100, 0.00299, None, 23342),
    _ref("06-features-vs-representations", "churn, original columns", "classical ML", "gradient boosting", "accuracy", 0.9347, 2250, 0.0991, None, 402014),
    _ref("06-features-vs-representations", "churn, original columns", "deep learning", "MLP, 1 hidden layer", "accuracy", 0.9067, 2250, 0.127, None, 6408),
    _ref("06-features-vs-representations", "churn, + engineered features", "classical ML", "gradient boosting", "accuracy", 0.9413, 2250, 0.159, None, 403163),
    _ref("06-features-vs-representations", "churn, + engineered features", "deep learning", "MLP, 1 hidden layer", "accuracy", 0.9307, 2250, 0.185, None, 7432),
    _ref("07-data-volume", "churn learning curve", "classical ML", "gradient boosting (100 examples)", "accuracy", 0.8368, 100, 0.024, None, 63509),
    _ref("07-data-volume", "churn learning curve", "classical ML", "gradient boosting (10,000 examples)", "accuracy", 0.9361, 10000, 0.318, None, 402451),
    _ref("07-data-volume", "churn learning curve", "deep learning", "MLP (100 examples)", "accuracy", 0.8222, 100, 0.243, None, 23048),
    _ref("07-data-volume", "churn learning curve", "deep learning", "MLP (10,000 examples)", "accuracy", 0.9243, 10000, 0.948, None, 23048),
    _ref("07-data-volume", "smooth-table learning curve", "classical ML", "gradient boosting (100 examples)", "accuracy", 0.7103, 100, 0.0477, None, 85160),
    _ref("07-data-volume", "smooth-table learning curve", "classical ML", "gradient boosting (30,000 examples)", "accuracy", 0.9538, 30000, 1.24, None, 439866),
    _ref("07-data-volume", "smooth-table learning curve", "deep learning", "MLP (100 examples)", "accuracy", 0.6832, 100, 0.465, None, 27656),
    _ref("07-data-volume", "smooth-table learning curve", "deep learning", "MLP (30,000 examples)", "accuracy", 0.9766, 30000, 2.17, None, 27656),
    _ref("07-data-volume", "digits 5-9 learning curve", "classical ML", "HOG + SVM (30 examples)", "accuracy", 0.2584, 30, 0.00391, None, 80261),
    _ref("07-data-volume", "digits 5-9 learning curve", "classical ML", "HOG + SVM (1,000 examples)", "accuracy", 0.6206, 1000, 0.0989, None, 2490141),
    _ref("07-data-volume", "digits 5-9 learning curve", "deep learning", "CNN (30 examples)", "accuracy", 0.6117, 30, 0.649, None, 24660),
    _ref("07-data-volume", "digits 5-9 learning curve", "deep learning", "CNN (1,000 examples)", "accuracy", 0.8982, 1000, 0.424, None, 24660),
    _ref("07-data-volume", "digits 5-9 learning curve", "hybrid", "pretrained CNN features + logistic regression (30 examples)", "accuracy", 0.6858, 30, 0.00513, None, 6067),
    _ref("07-data-volume", "digits 5-9 learning curve", "hybrid", "pretrained CNN features + logistic regression (1,000 examples)", "accuracy", 0.9101, 1000, 0.0226, None, 6067),
    _ref("08-cost", "churn", "classical ML", "logistic regression", "accuracy", 0.882, 3000, 0.0143, 0.0832, 955),
    _ref("08-cost", "churn", "classical ML", "k-NN", "accuracy", 0.845, 3000, 0.000802, 0.233, 288804),
    _ref("08-cost", "churn", "classical ML", "random forest", "accuracy", 0.93, 3000, 0.13, 1.98, 2172361),
    _ref("08-cost", "churn", "classical ML", "gradient boosting", "accuracy", 0.927, 3000, 0.08, 0.257, 190672),
    _ref("08-cost", "churn", "deep learning", "MLP", "accuracy", 0.906, 3000, 0.526, 0.0211, 81597),
    _ref("08-cost", "MNIST-1D", "classical ML", "logistic regression", "accuracy", 0.33, 4000, 0.0463, 0.0803, 2559),
    _ref("08-cost", "MNIST-1D", "classical ML", "k-NN", "accuracy", 0.6, 4000, 0.000814, 0.511, 672868),
    _ref("08-cost", "MNIST-1D", "classical ML", "random forest", "accuracy", 0.744, 4000, 2.01, 2.33, 12778025),
    _ref("08-cost", "MNIST-1D", "classical ML", "gradient boosting", "accuracy", 0.714, 4000, 2.3, 2.3, 1894912),
    _ref("08-cost", "MNIST-1D", "deep learning", "MLP", "accuracy", 0.659, 4000, 0.913, 0.021, 94909),
    _ref("08-cost", "MNIST-1D", "deep learning", "CNN", "accuracy", 0.914, 4000, 2.29, 0.0405, 35057),
    _ref("08-cost", "MNIST-1D, cheaper variants", "deep learning", "CNN (teacher)", "accuracy", 0.914, None, None, 0.0427, 35057),
    _ref("08-cost", "MNIST-1D, cheaper variants", "classical ML", "gradient boosting, distilled from the CNN", "accuracy", 0.713, None, 2.29, 6.27, 1894912),
    _ref("09-interpretability", "credit (generated) (5-fold CV)", "classical ML", "logistic regression", "accuracy", 0.835, 1600, None, None, None),
    _ref("09-interpretability", "credit (generated) (5-fold CV)", "deep learning", "MLP", "accuracy", 0.8285, 1600, None, None, None),
    _ref("09-interpretability", "breast cancer (real) (5-fold CV)", "classical ML", "logistic regression", "accuracy", 0.9737, 455, None, None, None),
    _ref("09-interpretability", "breast cancer (real) (5-fold CV)", "deep learning", "MLP", "accuracy", 0.9772, 455, None, None, None),
)

#: The verdicts on the industry's claims recorded by the reference run: (notebook, claim, verdict).
REFERENCE_CLAIMS: tuple[tuple[str, str, str], ...] = (
    ("01-ai-ml-dl", 'Classical ML is cheap to retrain when the data changes', "holds"),
    ("01-ai-ml-dl", 'DL needs far more data than classical ML; it is weak on small data', "fails"),
    ("01-ai-ml-dl", "Classical ML is accurate enough for tabular problems (DL's edge is elsewhere)", "holds"),
    ("02-supervised", 'Decision trees are robust against overfitting', "fails"),
    ("02-supervised", 'Tree ensembles over-fit less than a single tree', "holds"),
    ("02-supervised", 'ML: enough accuracy for most tabular problems', "holds"),
    ("02-supervised", 'ML trains in minutes on a CPU', "holds"),
    ("03-unsupervised", 'Isolation forests are the tool for sensor anomalies', "fails"),
    ("03-unsupervised", 'Autoencoders are the tool for sensor anomalies', "holds"),
    ("03-unsupervised", 'Sensor signals call for deep learning', "fails"),
    ("04-neural-networks", 'ML is the tool for structured, tabular data: tree ensembles beat neural networks (churn)', "holds"),
    ("04-neural-networks", 'ML is the tool for structured, tabular data: tree ensembles beat neural networks (breast cancer)', "fails"),
    ("04-neural-networks", "Classical ML is accurate enough for tabular problems (DL's edge is elsewhere)", "holds"),
    ("04-neural-networks", 'ML trains in minutes on a CPU', "holds"),
    ("04-neural-networks", 'DL needs far more compute to train: hours to weeks, GPUs', "fails"),
    ("05-deep-architectures", 'DL is best for unstructured data: signals, images', "holds"),
    ("05-deep-architectures", 'DL reaches a higher accuracy ceiling on perception tasks', "holds"),
    ("05-deep-architectures", 'DL learns its features from raw data', "holds"),
    ("05-deep-architectures", 'DL training takes hours to weeks, on GPUs', "fails"),
    ("06-features-vs-representations", 'features: learned from raw data (DL) beat features engineered by people (ML) — on images that vary (digits placed anywhere)', "holds"),
    ("06-features-vs-representations", 'features: learned from raw data (DL) beat features engineered by people (ML) — on normalised images (centred digits)', "fails"),
    ("06-features-vs-representations", 'hybrid: deep features → classical model', "holds"),
    ("06-features-vs-representations", 'data type: classical ML for tables, DL for unstructured data (images)', "holds"),
    ("06-features-vs-representations", 'features: on a table, features engineered by people help a classical model more than depth helps a network', "holds"),
    ("07-data-volume", 'DL needs far more data than classical ML (hundreds to thousands vs far more): churn table', "holds"),
    ("07-data-volume", 'DL needs far more data than classical ML (hundreds to thousands vs far more): smooth table', "fails"),
    ("07-data-volume", 'DL needs far more data than classical ML (hundreds to thousands vs far more): moved digits', "fails"),
    ("07-data-volume", 'Transfer learning moves the curve: a pretrained representation does better with few labels', "holds"),
    ("07-data-volume", 'Labels cost: each extra label buys less accuracy (diminishing returns)', "holds"),
    ("08-cost", 'ML trains in minutes on a CPU', "holds"),
    ("08-cost", 'DL trains in hours to weeks, on GPUs', "fails"),
    ("08-cost", 'ML inference cost is negligible, DL inference cost is significant', "fails"),
    ("08-cost", 'ML retrains cheaply; DL retraining is expensive (fine-tuning common)', "fails"),
    ("08-cost", 'DL has an environmental cost', "fails"),
    ("08-cost", 'Distillation, quantisation and pruning bring DL to the edge', "holds"),
    ("09-interpretability", 'ML is interpretable: linear and additive models can be read directly, at little cost in accuracy', "holds"),
    ("09-interpretability", "a shallow tree's rules are as accurate as a black box", "fails"),
    ("09-interpretability", 'DL is a black box that attribution tools explain', "fails"),
    ("09-interpretability", 'post-hoc tools explain any model, ML or DL alike', "holds"),
    ("09-interpretability", 'biased training data makes a biased model', "holds"),
    ("09-interpretability", 'dropping the protected attribute removes the bias', "fails"),
)
