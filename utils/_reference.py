"""The course's reference figures (private): what the solution notebooks measured, for the advisor.

When a learner's scorecard lacks a notebook (skipped, or a fresh Colab session), notebook 10's
evidence table and the advisor's reasons fall back on these figures, always labelled
``"reference"`` with the notebook and task they come from. They were not typed from memory:
they are the scorecard rows of one run of the solution notebooks 01–09, top to bottom, on the
machine of ``benchmarks/notebooks.md`` (see :data:`REFERENCE_RUN`), reduced to the best model
of each family (classical ML, deep learning, hybrid) per task, plus each learning curve's
smallest size and every model of 08's latency tables. Unsupervised and reinforcement-learning
tasks (bandits, clustering, 2-D maps) are left out: they compare no ML with DL.

To refresh them: ``python -m tools.reference SCORECARD --write`` on the scorecard of a run of the
solution notebooks (tests/test_reference_figures.py fails when they no longer match a run).
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["REFERENCE_RUN", "ReferenceRow", "REFERENCE", "REFERENCE_CLAIMS"]

#: Where the reference figures come from.
REFERENCE_RUN = ("the course's reference run: solution notebooks 01–09 run top to bottom (the test suite's "
                 "nbval pass on a clean clone) on 2026-12-01 "
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
    _ref("01-ai-ml-dl", "breast cancer", "classical ML", "decision tree (depth 3)", "accuracy", 0.9441, 426, 0.00479, None, 2827),
    _ref("01-ai-ml-dl", "breast cancer", "deep learning", "small neural network (MLP 32-16)", "accuracy", 0.965, 426, 0.206, None, 64399),
    _ref("02-supervised", "churn", "classical ML", "random forest", "accuracy", 0.912, 1875, 0.148, None, 2867708),
    _ref("02-supervised", "churn (5-fold CV)", "classical ML", "random forest", "accuracy", 0.9248, 1500, 0.122, None, None),
    _ref("02-supervised", "diabetes", "classical ML", "ridge regression", "rmse", 53.31, 331, 0.00217, None, 823),
    _ref("03-unsupervised", "digits 8x8", "classical ML", "logistic regression, 64 pixels", "accuracy", 0.9622, 1347, 0.0218, None, 3327),
    _ref("03-unsupervised", "sensor anomalies", "classical ML", "PCA reconstruction (1 component)", "f1", 0.69, 2000, 0.000776, None, 794),
    _ref("03-unsupervised", "sensor anomalies", "deep learning", "autoencoder 4-8-2-8-4", "f1", 0.69, 2000, 0.125, None, 12439),
    _ref("04-neural-networks", "digits 8x8", "deep learning", "MLP 64-32-10 (train.fit, early stopping)", "accuracy", 0.9667, 1077, 0.252, None, 9640),
    _ref("04-neural-networks", "digits 8x8", "classical ML", "logistic regression", "accuracy", 0.9622, 1347, 0.0222, None, 3327),
    _ref("04-neural-networks", "churn (300 training customers)", "deep learning", "MLP 256-256, dropout 0.5", "accuracy", 0.8624, 300, 0.365, None, 288776),
    _ref("04-neural-networks", "churn (5-fold CV)", "classical ML", "gradient boosting", "accuracy", 0.9248, 1500, 0.0875, None, None),
    _ref("04-neural-networks", "churn (5-fold CV)", "deep learning", "MLP", "accuracy", 0.9019, 1500, 0.217, None, None),
    _ref("04-neural-networks", "breast cancer (5-fold CV)", "classical ML", "gradient boosting", "accuracy", 0.9672, 340, 0.0666, None, None),
    _ref("04-neural-networks", "breast cancer (5-fold CV)", "deep learning", "MLP", "accuracy", 0.9836, 340, 0.111, None, None),
    _ref("04-neural-networks", "churn", "classical ML", "gradient boosting", "accuracy", 0.9024, 1875, 0.1, None, 401862),
    _ref("04-neural-networks", "churn", "deep learning", "MLP", "accuracy", 0.88, 1875, 0.263, None, 23048),
    _ref("04-neural-networks", "breast cancer", "classical ML", "gradient boosting", "accuracy", 0.972, 426, 0.0838, None, 268722),
    _ref("04-neural-networks", "breast cancer", "deep learning", "MLP", "accuracy", 0.972, 426, 0.14, None, 25096),
    _ref("05-deep-architectures", "translated digits", "deep learning", "small CNN", "accuracy", 0.802, 1000, 1.17, None, 25320),
    _ref("05-deep-architectures", "MNIST-1D", "classical ML", "logistic regression", "accuracy", 0.32, 3600, 0.0474, None, 3759),
    _ref("05-deep-architectures", "MNIST-1D", "deep learning", "CNN", "accuracy", 0.924, 3600, 0.891, None, 20840),
    _ref("05-deep-architectures", "MNIST-1D, positions shuffled", "classical ML", "logistic regression", "accuracy", 0.319, 3600, 0.0409, None, 3759),
    _ref("05-deep-architectures", "MNIST-1D, positions shuffled", "deep learning", "MLP", "accuracy", 0.618, 3600, 0.291, None, 60840),
    _ref("06-features-vs-representations", "digits 8×8", "classical ML", "pixels → SVC", "accuracy", 0.9911, 1347, 0.014, None, 325622),
    _ref("06-features-vs-representations", "translated digits", "classical ML", "invariant features → SVC", "accuracy", 0.66, 1200, 0.0289, None, 202884),
    _ref("06-features-vs-representations", "translated + clutter", "classical ML", "invariant features → SVC", "accuracy", 0.3275, 1200, 0.0515, None, 234504),
    _ref("06-features-vs-representations", "digits 8×8", "deep learning", "CNN (raw pixels)", "accuracy", 0.9689, 1347, 0.423, None, 25320),
    _ref("06-features-vs-representations", "translated digits", "deep learning", "CNN (raw pixels)", "accuracy", 0.8688, 1200, 1.38, None, 25320),
    _ref("06-features-vs-representations", "translated + clutter", "deep learning", "CNN (raw pixels)", "accuracy", 0.69, 1200, 1.43, None, 25320),
    _ref("06-features-vs-representations", "translated digits", "hybrid", "CNN embedding → SVC", "accuracy", 0.8962, 1200, 0.00913, None, 146763),
    _ref("06-features-vs-representations", "translated + clutter", "hybrid", "CNN embedding → logistic regression", "accuracy", 0.7525, 1200, 0.0144, None, 3247),
    _ref("06-features-vs-representations", "translated + clutter, 100 labels", "deep learning", "clean CNN, fine-tuned", "accuracy", 0.63, 100, 0.342, None, 25320),
    _ref("06-features-vs-representations", "translated + clutter, 100 labels", "classical ML", "invariant features → SVC", "accuracy", 0.2787, 100, 0.00217, None, 23342),
    _ref("06-features-vs-representations", "churn, original columns", "classical ML", "gradient boosting", "accuracy", 0.9347, 2250, 0.0934, None, 402014),
    _ref("06-features-vs-representations", "churn, original columns", "deep learning", "MLP, 1 hidden layer", "accuracy", 0.9067, 2250, 0.104, None, 6408),
    _ref("06-features-vs-representations", "churn, + engineered features", "classical ML", "gradient boosting", "accuracy", 0.9413, 2250, 0.101, None, 403163),
    _ref("06-features-vs-representations", "churn, + engineered features", "deep learning", "MLP, 1 hidden layer", "accuracy", 0.9307, 2250, 0.0873, None, 7432),
    _ref("07-data-volume", "churn learning curve", "classical ML", "gradient boosting (100 examples)", "accuracy", 0.8368, 100, 0.0177, None, 63509),
    _ref("07-data-volume", "churn learning curve", "classical ML", "gradient boosting (10,000 examples)", "accuracy", 0.9361, 10000, 0.134, None, 402451),
    _ref("07-data-volume", "churn learning curve", "deep learning", "MLP (100 examples)", "accuracy", 0.8222, 100, 0.161, None, 23048),
    _ref("07-data-volume", "churn learning curve", "deep learning", "MLP (10,000 examples)", "accuracy", 0.9243, 10000, 0.374, None, 23048),
    _ref("07-data-volume", "smooth-table learning curve", "classical ML", "gradient boosting (100 examples)", "accuracy", 0.7103, 100, 0.0207, None, 85160),
    _ref("07-data-volume", "smooth-table learning curve", "classical ML", "gradient boosting (30,000 examples)", "accuracy", 0.9538, 30000, 0.644, None, 439866),
    _ref("07-data-volume", "smooth-table learning curve", "deep learning", "MLP (100 examples)", "accuracy", 0.6832, 100, 0.153, None, 27656),
    _ref("07-data-volume", "smooth-table learning curve", "deep learning", "MLP (30,000 examples)", "accuracy", 0.9766, 30000, 1.07, None, 27656),
    _ref("07-data-volume", "digits 5-9 learning curve", "classical ML", "HOG + SVM (30 examples)", "accuracy", 0.2584, 30, 0.00139, None, 80261),
    _ref("07-data-volume", "digits 5-9 learning curve", "classical ML", "HOG + SVM (1,000 examples)", "accuracy", 0.6206, 1000, 0.0925, None, 2490141),
    _ref("07-data-volume", "digits 5-9 learning curve", "deep learning", "CNN (30 examples)", "accuracy", 0.6117, 30, 0.286, None, 24660),
    _ref("07-data-volume", "digits 5-9 learning curve", "deep learning", "CNN (1,000 examples)", "accuracy", 0.8982, 1000, 0.344, None, 24660),
    _ref("07-data-volume", "digits 5-9 learning curve", "hybrid", "pretrained CNN features + logistic regression (30 examples)", "accuracy", 0.6858, 30, 0.00526, None, 6067),
    _ref("07-data-volume", "digits 5-9 learning curve", "hybrid", "pretrained CNN features + logistic regression (1,000 examples)", "accuracy", 0.9101, 1000, 0.021, None, 6067),
    _ref("08-cost", "churn", "classical ML", "logistic regression", "accuracy", 0.882, 3000, 0.00627, 0.0841, 955),
    _ref("08-cost", "churn", "classical ML", "k-NN", "accuracy", 0.845, 3000, 0.000698, 0.393, 288804),
    _ref("08-cost", "churn", "classical ML", "random forest", "accuracy", 0.93, 3000, 0.0935, 2.03, 2172361),
    _ref("08-cost", "churn", "classical ML", "gradient boosting", "accuracy", 0.927, 3000, 0.0641, 0.263, 190672),
    _ref("08-cost", "churn", "deep learning", "MLP", "accuracy", 0.906, 3000, 0.286, 0.0213, 81597),
    _ref("08-cost", "MNIST-1D", "classical ML", "logistic regression", "accuracy", 0.33, 4000, 0.0478, 0.0817, 2559),
    _ref("08-cost", "MNIST-1D", "classical ML", "k-NN", "accuracy", 0.6, 4000, 0.000743, 0.536, 672868),
    _ref("08-cost", "MNIST-1D", "classical ML", "random forest", "accuracy", 0.744, 4000, 1.36, 2.21, 12778025),
    _ref("08-cost", "MNIST-1D", "classical ML", "gradient boosting", "accuracy", 0.714, 4000, 1.32, 2.07, 1894912),
    _ref("08-cost", "MNIST-1D", "deep learning", "MLP", "accuracy", 0.659, 4000, 0.428, 0.022, 94909),
    _ref("08-cost", "MNIST-1D", "deep learning", "CNN", "accuracy", 0.914, 4000, 0.976, 0.0466, 35057),
    _ref("08-cost", "MNIST-1D, cheaper variants", "deep learning", "CNN (teacher)", "accuracy", 0.914, None, None, 0.0436, 35057),
    _ref("08-cost", "MNIST-1D, cheaper variants", "classical ML", "gradient boosting, distilled from the CNN", "accuracy", 0.713, None, 1.37, 2.1, 1894912),
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
