# %% [markdown]
# # 00 · Start here: how this course works
#
# Welcome! This course puts classical machine learning (ML) and deep learning (DL) side by side
# and lets you *measure* where each one wins. Before any of that, this short notebook makes sure
# your computer is ready and shows you how every notebook of the course works: where to type,
# how you get feedback, and how your work is graded.
#
# **Learning objectives** — by the end of this notebook you can:
#
# - check that your environment has everything the course needs, and fix it when it does not;
# - explain what the setup cell does, and why every run gives the same numbers;
# - work in a place where you never lose your edits (on your laptop, in a classroom, on Colab);
# - recognise the parts of an exercise: the solution cell, visible tests, hidden tests, hints and
#   written answers, and know how a grader scores them;
# - write your first small pieces of ML code: an accuracy score, a baseline "model",
#   leak-free standardisation, and an average image per class.
#
# **Time:** ~55 min
#
# **Prerequisites:** basic Python (variables, lists, functions, `if` and `for`). A little NumPy
# helps, but every NumPy idea you need here is explained in a hint.

# %% setup

# %% [markdown]
# ## 1. The setup cell
#
# Every notebook of the course starts with the same short **setup cell** (the code cell just
# above). Run it first, every time you open a notebook. It
#
# 1. installs the course's helper package `utils` if it is missing (usually only on Colab),
# 2. imports the two helpers you use everywhere — `env` (the environment) and `checks` (the tests),
# 3. calls `run = env.setup()`, which fixes the random seeds, picks a device and a number of CPU
#    threads, and prints a one-line summary.
#
# The summary is also kept in the variable `run`:

# %%
print("Where this runs:", run.platform)   # "local", "binder" or "colab"
print("Device:         ", run.device)     # "cpu", or "cuda" / "mps" when there is a GPU
print("CPU threads:    ", run.threads)
print("Random seed:    ", run.seed)
print("Python / torch: ", run.python, "/", run.torch_version)

# %% [markdown]
# - **platform** says where the notebook runs: on your own computer (`local`), on Binder or on
#   Google Colab.
# - **device** is where PyTorch computes. Everything in this course runs on a plain CPU; a GPU
#   (`cuda`, or `mps` on Apple silicon) is used automatically when there is one, and only makes
#   the deep-learning notebooks faster.
# - **threads** is how many CPU threads PyTorch and NumPy use: one, unless you ask `env.setup` for
#   more (`env.setup?` says why one).
# - **seed** is the starting point of every random number generator (more on it below).
#
# Next we import the other tools this notebook uses. Run this cell too.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

from utils import cpus, data, plots, requirements
from utils.claims import claim

# %% [markdown]
# ## 2. Check your environment
#
# `requirements.check_environment()` compares what the course needs with what is installed: one
# row per requirement, with the version needed, the version found, whether it is ok, and what to do
# if not.

# %%
report = requirements.check_environment()
report

# %%
print("Everything the course needs is installed:", requirements.environment_ok())
print("CPU cores available to this notebook:", cpus.available_cpus())
print("Rows that need your attention:", int((~report["ok"]).sum()))

# %% [markdown]
# If every row says `ok` you are ready. If a row is not ok, its last column says what to do; in
# short:
#
# | where you work | how to fix a missing or outdated package |
# |---|---|
# | your computer, with `make` | stop JupyterLab and run `make lab` again. If the row is still not ok, `make clean` followed by `make lab` rebuilds the course's environment from scratch |
# | your computer, with conda | `conda env update -f environment.yml`, then restart the kernel (*Kernel → Restart Kernel*) |
# | Google Colab | run the `%pip install …` command from the last column in a new cell, then *Runtime → Restart session* and run the notebook from the top (the setup cell installs the course package itself) |
# | Binder | Binder builds the environment from the course's `environment.yml`, so this should not happen: open the Binder link again for a fresh session, and if a row is still not ok, please tell the course maintainers |
#
# After installing anything, **restart the kernel**: a running Python process does not see packages
# installed after it started.
#
# ### Seeds: why you get the same numbers every time
#
# Machine learning uses randomness everywhere: to shuffle data, to split it into a training and a
# test part, to initialise the weights of a neural network. Computers produce this randomness with
# a *pseudo-random number generator*: a formula that turns a starting number, the **seed**, into a
# long sequence of numbers that look random. The same seed always gives the same sequence.
#
# `env.setup()` seeds Python's `random`, NumPy and PyTorch with `run.seed`, and asks PyTorch to
# use deterministic algorithms. Watch: we reseed, draw three numbers, reseed again and draw again.

# %%
env.setup(seed=run.seed, verbose=False)
first = np.random.rand(3)
env.setup(seed=run.seed, verbose=False)
second = np.random.rand(3)
print("first draw: ", first)
print("second draw:", second)
print("identical:  ", np.array_equal(first, second))

# %% [markdown]
# Without reseeding, the generator simply continues its sequence, so the next draw differs:

# %%
print("third draw: ", np.random.rand(3))

# %% [markdown]
# That is why the course calls `env.setup()` once at the top of each notebook and passes
# `random_state=run.seed` to scikit-learn: when you run a notebook from top to bottom on a CPU, you
# get the same splits, the same models and the same numbers every time — and, with the same package
# versions, the same numbers as the grader and as the worked solutions. (On a GPU a few operations
# are not exactly repeatable, so the last digits of a result may differ from run to run.)
#
# Two consequences for you:
#
# - if you run cells out of order, or run one cell twice, the random numbers move on and your
#   results can differ from the text. *Kernel → Restart Kernel and Run All Cells* brings you back;
# - when you change one thing (a model, a setting) and a number changes, the change comes from
#   what you changed, not from a new random draw. A *different* seed would still give somewhat
#   different numbers; later notebooks measure how much a result varies from seed to seed.

# %% [markdown]
# ## 3. How the course works
#
# ### The shape of every notebook
#
# Every notebook looks like this one: a title with **learning objectives**, a **time** estimate and
# **prerequisites**; the setup cell; then sections that alternate explanation, code you run and
# exercises; and at the end **Key takeaways** (what to remember) and **Going further** (what to read
# or try next). Read the text, run every code cell in order (*Shift + Enter*), and change the code
# to see what happens — that is how the ideas stick.
#
# ### Where to work, so you never lose your work
#
# - **On your own computer**, `make lab` opens JupyterLab in the folder `workspace/`, where it has
#   put *your own copy* of every notebook. Work there. `workspace/` is ignored by git and no course
#   command ever overwrites it, so updating the course (`git pull`) never touches your work.
#   When the course is updated and a notebook you already copied has changed, `make lab` tells you
#   so, and how to get the new version next to yours. The other folders are the course's own:
#   `course/` holds the pristine student notebooks (what `workspace/` was copied from) and
#   `solutions/` the worked solutions, one folder away, for when you are stuck or want to compare.
#   Try first — you learn far more from an attempt that fails than from reading an answer.
# - **In a classroom** that uses nbgrader, open *Nbgrader → Assignment List* in JupyterLab's menu
#   and *Fetch* the notebook in the *Assignments* tab: it is copied into your home folder, and that
#   copy is yours to work in.
# - **On Google Colab**, choose *File → Save a copy in Drive* before you start. Colab otherwise
#   works on a temporary copy that is lost when the session ends.
# - **On Binder**, the whole session is temporary: use *File → Download* to keep your notebook.
#
# ### Exercises, tests and hints
#
# An exercise has four parts:
#
# 1. A markdown cell `### Exercise N — …` with the task and a **hint** folded away in a block
#    like the one at the end of this list (click it to open it).
# 2. A **solution cell** where you write code. In your copy it contains
#    `# YOUR CODE HERE` followed by `raise NotImplementedError()`: delete both lines and write your
#    answer in their place. Keep the function name and arguments as they are; the tests call them.
# 3. A **test cell** right after it. Run it after your solution cell: it checks your answer on a few
#    examples and tells you what to look at when something is wrong. When all is well it prints
#    a line starting with ✓.
# 4. **Hidden tests**. The test cell you see is not the whole story: when your work is graded, the
#    grader adds more checks of the same kind on *other* inputs. A solution that really solves the
#    task passes them; one that was written to satisfy the visible examples only (for instance by
#    returning the expected number directly) does not.
#
# <details><summary>Hint</summary>
#
# Hints are folded so that you can try on your own first. Open them whenever you like: they point
# you in the right direction without giving the answer away.
#
# </details>
#
# Some exercises ask for a **written answer** in a markdown cell (*YOUR ANSWER HERE*). Those are
# read and graded by a person.
#
# Here is what a failing test looks like. The function below has a deliberate bug; the test cell
# would stop with an `AssertionError`. We catch the error here only so that this notebook keeps
# running — in a real test cell you just read the message and fix your code.

# %%
def mean_of(values):
    return sum(values) / (len(values) - 1)   # a deliberate bug


try:
    checks.check_close(mean_of([1, 2, 3]), 2.0, "mean_of([1, 2, 3])",
                       hint="Divide the sum by the number of values.")
except AssertionError as error:
    print("The test failed with this message:\n")
    print(error)

# %% [markdown]
# The message names what was tested, what was expected, what your code gave, and a hint. A test
# that passes prints a line starting with ✓, like this one:

# %%
checks.check_close(sum([1, 2, 3]) / len([1, 2, 3]), 2.0, "the mean of [1, 2, 3]")
checks.passed()

# %% [markdown]
# ### How grading works in a classroom
#
# If your instructor uses **nbgrader**:
#
# 1. the instructor *releases* a notebook, you *fetch* it (*Nbgrader → Assignment List*);
# 2. you work in your fetched copy and save;
# 3. *Validate* (a button next to the notebook in the *Assignments* tab) runs your whole notebook
#    and reports failing tests — use it before you submit;
# 4. *Submit* hands in your copy. You may submit again; usually your latest submission is graded.
#
# The instructor then runs the **autograder**. Knowing what it does saves you points:
#
# - It runs **every cell from top to bottom in a fresh kernel**, not the state you see on your
#   screen. A variable you defined in a cell you later deleted, or cells you ran out of order,
#   will break it. Before submitting: *Kernel → Restart Kernel and Run All Cells*, and check that
#   everything runs.
# - It **puts back the instructor's test cells**, visible and hidden. Editing or deleting a test
#   cell changes nothing in your grade (it only hides problems from you).
# - A test cell scores its points when it runs without an error; each exercise says how many.
# - A cell that never finishes (an endless loop, a huge computation) **times out** and scores zero.
# - Written answers are scored by a person; an answer left as *YOUR ANSWER HERE* scores zero.
#
# Studying on your own? Then nobody grades you, and the visible tests are your feedback. The worked
# solutions in `solutions/` also contain the hidden tests, if you want to check yourself fully.

# %% [markdown]
# ### Your scorecard: keep it beyond the session
#
# Every model you measure goes into your **scorecard** (`utils.scorecard`), a small file from which
# notebook 10 builds your own evidence table. On your computer it stays in `~/.ml-vs-dl-course`;
# Colab and Binder forget their files when the session ends (the setup cell reminds you there):
#
# - **on Colab**, run these two lines right after the setup cell of every notebook (each Colab
#   notebook is a session of its own). They ask once for access to your Google Drive and keep the
#   scorecard in its folder `ml-vs-dl-course`:
#
#   ```python
#   from utils import scorecard
#   scorecard.use_drive()
#   ```
#
# - **on Binder** (or any temporary session), `scorecard.export()` writes the scorecard to the file
#   `ml-vs-dl-scorecard.json`: download it before you leave. In the next session, upload it and run
#   `scorecard.merge_from("ml-vs-dl-scorecard.json")`; where both hold a measurement of the same
#   model, the newer one is kept.
#
# The round trip, on a temporary file (reading the same file back changes nothing):

# %%
import tempfile
from pathlib import Path

from utils import scorecard

print("Your scorecard:", scorecard.path())
with tempfile.TemporaryDirectory() as folder:
    exported = scorecard.export(Path(folder) / "ml-vs-dl-scorecard.json")   # usually: scorecard.export()
    print("Exported", len(scorecard.load()), "model rows and", len(scorecard.load_claims()),
          "claim verdicts to", exported.name)
    print(scorecard.merge_from(exported))                                  # what a new session does

# %% [markdown]
# ## 4. Warm-up exercises
#
# Four small exercises practise the mechanics and the first skills you need later in the course.
# Each one is a tiny but real piece of machine learning.

# %% [markdown]
# ### Exercise 1 — Accuracy (2 points)
#
# A classifier predicts a label for each example. Its **accuracy** is the fraction of examples
# whose predicted label equals the true label: 3 right out of 4 is an accuracy of 0.75.
#
# Write `accuracy(y_true, y_pred)` that returns this fraction as a float. It should work for Python
# lists, NumPy arrays and pandas Series, with any kind of label (numbers or strings). It should
# also refuse bad input with a helpful error:
#
# - if `y_true` and `y_pred` have different lengths, `raise ValueError(...)` with a message
#   saying so;
# - if they are empty, `raise ValueError(...)` too (the accuracy of zero predictions is undefined).
#
# <details><summary>Hint</summary>
#
# Deal with the two error cases first; `len(...)` works on lists, arrays and Series alike. Then
# count the positions where the two agree and divide by how many there are.
#
# </details>
#
# <details><summary>Closer hint</summary>
#
# - `np.asarray(...)` turns a list or a Series into a NumPy array. Comparing two arrays of the
#   same length with `==` gives an array of `True`/`False`, one per position, and NumPy counts
#   `True` as 1 when you add or average.
# - Careful: a pandas Series is indexed by its *labels*, not by position. After a shuffled
#   train/test split, `y_test[0]` is the row labelled 0, wherever it is — not the first row. And
#   two Series are compared label by label. Converting to arrays first avoids both traps.
# - Careful: NumPy *broadcasts* an array of length 1 against any length, so comparing with `==`
#   does not catch different lengths for you.
# - To raise an error: `raise ValueError("y_true and y_pred have different lengths")`.
#
# </details>

# %% solution="ex1-accuracy"
def accuracy(y_true, y_pred):
    """Return the fraction of positions where y_pred equals y_true."""
    ### BEGIN SOLUTION
    if len(y_true) != len(y_pred):
        raise ValueError(
            f"y_true has {len(y_true)} labels but y_pred has {len(y_pred)}: "
            "they must have the same length"
        )
    if len(y_true) == 0:
        raise ValueError("y_true and y_pred are empty: accuracy is undefined")
    matches = np.asarray(y_true) == np.asarray(y_pred)
    return float(matches.mean())
    ### END SOLUTION


# %% tests="ex1-accuracy-tests" points=2
def expect_value_error(call, description):
    """Fail with a helpful message unless call() raises a ValueError."""
    try:
        call()
    except ValueError:
        return
    except Exception as error:
        raise AssertionError(
            f"{description} raised {type(error).__name__} ({error}); raise a ValueError instead."
        ) from None
    raise AssertionError(f"{description} should raise a ValueError, but it returned normally.")


checks.check_callable(accuracy, "accuracy")
checks.check_close(accuracy([1, 0, 1, 1], [1, 0, 0, 1]), 0.75,
                   "accuracy([1, 0, 1, 1], [1, 0, 0, 1])",
                   hint="3 of the 4 predictions are right: divide the matches by the length.")
checks.check_close(accuracy(np.array(["cat", "dog"]), np.array(["cat", "dog"])), 1.0,
                   "accuracy of two correct string labels", hint="Every prediction is right here.")
checks.check_close(accuracy(pd.Series([2, 2, 2]), [0, 1, 0]), 0.0,
                   "accuracy(pd.Series([2, 2, 2]), [0, 1, 0])", hint="No prediction is right here.")
expect_value_error(lambda: accuracy([1, 0, 1], [1]), "accuracy([1, 0, 1], [1])")
expect_value_error(lambda: accuracy([], []), "accuracy([], [])")
checks.passed()

### BEGIN HIDDEN TESTS
rng = np.random.default_rng(1)
hidden_true = rng.integers(0, 3, size=200)
hidden_pred = rng.integers(0, 3, size=200)
hidden_expected = sum(int(t == p) for t, p in zip(hidden_true, hidden_pred)) / 200
checks.check_close(accuracy(hidden_true, hidden_pred), hidden_expected,
                   "accuracy on 200 random labels", reveal=False)
checks.check_close(accuracy(list(hidden_true), list(hidden_true)), 1.0,
                   "accuracy of a list with itself", reveal=False)
checks.check_close(accuracy(pd.Series(["a", "b", "c"]), np.array(["a", "x", "c"])), 2 / 3,
                   "accuracy of a Series of strings against an array", reveal=False)
checks.check_close(accuracy([5], [5]), 1.0, "accuracy([5], [5])", reveal=False)
checks.check_close(accuracy([1, 2, 3], np.array([1.0, 2.0, 0.0])), 2 / 3,
                   "accuracy of integer labels against float predictions (1 == 1.0)", reveal=False)
checks.check_type(accuracy(hidden_true, hidden_pred), float, "accuracy(...)",
                  hint="Return a Python float, e.g. float(...).", reveal=False)
checks.check_close(accuracy(hidden_true[:3], hidden_true[:3] + (np.arange(3) == 0)), 2 / 3,
                   "an accuracy of exactly 2/3 (no rounding)", reveal=False, rtol=1e-12, atol=0)
expect_value_error(lambda: accuracy([0, 1], [0, 1, 1]), "accuracy([0, 1], [0, 1, 1])")
expect_value_error(lambda: accuracy([7], [7, 7, 7]), "accuracy([7], [7, 7, 7])")
expect_value_error(lambda: accuracy(np.array([]), np.array([])), "accuracy of two empty arrays")
# Series as a shuffled train/test split leaves them: labels in another order than the positions.
hidden_order = np.random.default_rng(5).permutation(40)
hidden_true_series = pd.Series(hidden_true[:40], index=hidden_order)
hidden_pred_series = pd.Series(hidden_pred[:40], index=hidden_order[::-1])
checks.check_close(accuracy(hidden_true_series, hidden_pred[:40]),
                   float(np.mean(hidden_true[:40] == hidden_pred[:40])),
                   "accuracy of a Series with a shuffled index against an array", reveal=False)
checks.check_close(accuracy(hidden_true_series, hidden_pred_series),
                   float(np.mean(hidden_true[:40] == hidden_pred[:40])),
                   "accuracy of two Series with different indexes (compared by position)",
                   reveal=False)
### END HIDDEN TESTS

# %% [markdown]
# ### Exercise 2 — The majority-class baseline (2 points)
#
# Before building a clever model, ask: *what accuracy does a model get that ignores the input
# completely?* The simplest such model always predicts the most frequent label of the training data.
# It is called the **majority-class baseline**, and it is the first "model" of this course. Any real
# model must beat it, otherwise it has learned nothing useful.
#
# Write `majority_baseline(y_train, n)` that returns a NumPy array of length `n` in which every entry
# is the most frequent label in `y_train` (a list, an array or a pandas Series). If several labels
# are equally frequent, use the one that sorts first (the smallest number, or the first string in
# alphabetical order).
#
# <details><summary>Hint</summary>
#
# Count how often each distinct label occurs, pick the largest count, and make sure a tie goes
# to the label that sorts first.
#
# </details>
#
# <details><summary>Closer hint</summary>
#
# - `np.unique(values, return_counts=True)` returns the distinct labels *sorted*, together with how
#   often each one occurs.
# - `np.argmax(counts)` gives the position of the largest count; when there is a tie it gives the
#   first one.
# - `np.full(n, value)` makes an array of length `n` filled with `value`.
# - Careful with `collections.Counter(...).most_common()`: on a tie it returns the label it saw
#   first, not the one that sorts first.
#
# </details>

# %% solution="ex2-majority-baseline"
def majority_baseline(y_train, n):
    """Predict the most frequent training label for n examples."""
    ### BEGIN SOLUTION
    labels, counts = np.unique(np.asarray(y_train), return_counts=True)
    most_frequent = labels[np.argmax(counts)]
    return np.full(n, most_frequent)
    ### END SOLUTION


# %% tests="ex2-majority-baseline-tests" points=2
result = majority_baseline([0, 1, 1, 2, 1], 3)
checks.check_type(result, np.ndarray, "majority_baseline([0, 1, 1, 2, 1], 3)",
                  hint="Return a NumPy array, not a list or a single label.")
checks.check_shape(result, (3,), "majority_baseline([0, 1, 1, 2, 1], 3)",
                   hint="Return one prediction for each of the n examples.")
checks.check_equal(result.tolist(), [1, 1, 1], "majority_baseline([0, 1, 1, 2, 1], 3)",
                   hint="The label 1 occurs most often in the training labels.")
checks.check_equal(majority_baseline(["cat", "dog", "dog"], 2).tolist(), ["dog", "dog"],
                   'majority_baseline(["cat", "dog", "dog"], 2)', hint="Labels can be strings too.")
checks.check_equal(majority_baseline([2, 2, 1, 1], 1).tolist(), [1],
                   "majority_baseline([2, 2, 1, 1], 1)",
                   hint="1 and 2 are equally frequent: return the label that sorts first.")
checks.passed()

### BEGIN HIDDEN TESTS
hidden_series = pd.Series([3, 3, 7, 7, 7, 1], index=range(100, 106))
checks.check_equal(majority_baseline(hidden_series, 4).tolist(), [7, 7, 7, 7],
                   "majority_baseline of a Series with index 100..105", reveal=False)
checks.check_equal(majority_baseline([0, 2, 2, 5, 5, 5], 2).tolist(), [5, 5],
                   "majority_baseline([0, 2, 2, 5, 5, 5], 2)", reveal=False)
checks.check_equal(majority_baseline(np.array(["b", "c", "a", "c", "a"]), 3).tolist(),
                   ["a", "a", "a"], "majority_baseline with a tie between strings", reveal=False)
checks.check_shape(majority_baseline([4, 4, 9], 0), (0,), "majority_baseline(..., n=0)",
                   reveal=False)
# Ties that neither set order, text order nor first appearance resolve as asked.
checks.check_equal(majority_baseline([10, 10, 3, 3], 1).tolist(), [3],
                   "majority_baseline([10, 10, 3, 3], 1)", reveal=False)
checks.check_equal(majority_baseline([10, 9, 10, 9], 1).tolist(), [9],
                   "majority_baseline([10, 9, 10, 9], 1) (9 sorts before 10 as a number)", reveal=False)
checks.check_equal(majority_baseline([5, -2, 5, -2, 7], 1).tolist(), [-2],
                   "majority_baseline with a negative label in a tie", reveal=False)
hidden_int_result = majority_baseline([1, 1, 2], 2)
checks.check_equal(hidden_int_result.dtype.kind, "i", "the dtype kind of the baseline for integer labels",
                   hint="Predict the labels themselves: integer labels stay integers.", reveal=False)
hidden_labels = np.random.default_rng(2).permutation(np.repeat([0, 1, 2, 3], [40, 25, 60, 30]))
checks.check_equal(set(majority_baseline(hidden_labels, 50).tolist()), {2},
                   "majority_baseline on 155 shuffled labels", reveal=False)
### END HIDDEN TESTS

# %% [markdown]
# Let's try the baseline on real data: the *breast cancer* data set. Each row is a tumour,
# described by measurements taken from a microscope image of a cell sample; the label says whether
# the tumour is malignant (0) or benign (1). We keep a quarter of the examples aside as a **test
# set**: the model never sees them while it is built, so they tell us how it does on *new* cases.

# %%
X, y = data.load_tabular("breast_cancer")
print("examples:", X.shape[0], "  measurements per example:", X.shape[1])
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, random_state=run.seed, stratify=y
)
print("training examples:", len(y_train), "  test examples:", len(y_test))
print("labels in the training set:")
print(y_train.value_counts())

# %%
baseline_predictions = majority_baseline(y_train, len(y_test))
baseline_accuracy = accuracy(y_test, baseline_predictions)
print(f"majority-class baseline: test accuracy {baseline_accuracy:.3f}")

# %% [markdown]
# A model that never looks at a single measurement already gets the accuracy printed above, just
# because one class is more common. Keep that in mind whenever someone quotes an accuracy: it means
# little until you know the baseline.
#
# A real model has to use the measurements. Here are the first five, as they come:

# %%
X_train.agg(["mean", "std", "min", "max"]).T.head().round(2)

# %% [markdown]
# ### Exercise 3 — Standardise without leaking (3 points)
#
# The measurements have very different scales, as the table above shows. Many models work better
# when every column is **standardised**: shifted and scaled to mean 0 and standard deviation 1,
# i.e. `(x - mean) / std` for each column.
#
# But *which* mean and standard deviation? The test set stands for future data that you do not have
# yet when you build the model. So the statistics must come from the **training data only**, and the
# same numbers are then applied to the test data. Computing them on the test data, or on training
# and test data together, lets information from the test set *leak* into the model, and the test
# accuracy can come out too optimistic: it no longer measures the model on data it has never seen.
# (For standardisation the effect is often small; for other steps, such as choosing features, it
# can be large.) This **data leakage** is one of the most common mistakes in machine learning.
#
# Write `standardise(train, test)` for 2-D NumPy arrays (rows are examples, columns are features).
# It returns the pair `(train_standardised, test_standardised)`, both transformed with the mean and
# standard deviation of each column *of `train`*. Use NumPy's default standard deviation (`ddof=0`,
# as scikit-learn does) and do not change the input arrays. You may assume that no column of
# `train` is constant.
#
# <details><summary>Hint</summary>
#
# Two statistics per column, both computed from `train` alone, then the same formula applied to
# each array.
#
# </details>
#
# <details><summary>Closer hint</summary>
#
# - `train.mean(axis=0)` computes one mean per column (`axis=0` runs down the rows);
#   `train.std(axis=0)` one standard deviation per column.
# - A 2-D array minus a 1-D array with one value per column subtracts column by column
#   (broadcasting), and so does division.
# - `a = a - m` makes a new array; `a -= m` changes the array you were given — avoid that here.
# - pandas' `.std()` uses `ddof=1` by default, NumPy's `.std()` uses `ddof=0`.
#
# </details>

# %% solution="ex3-standardise"
def standardise(train, test):
    """Standardise both arrays with the column means and standard deviations of train."""
    ### BEGIN SOLUTION
    mean = np.mean(train, axis=0)
    std = np.std(train, axis=0)
    return (train - mean) / std, (test - mean) / std
    ### END SOLUTION


# %% tests="ex3-standardise-tests" points=3
train = np.array([[1.0, 10.0], [3.0, 30.0]])
test = np.array([[2.0, 40.0], [5.0, 0.0]])
train_copy, test_copy = train.copy(), test.copy()
train_std, test_std = standardise(train, test)

checks.check_shape(train_std, (2, 2), "train_standardised",
                   hint="Return a pair: (train_standardised, test_standardised).")
checks.check_shape(test_std, (2, 2), "test_standardised",
                   hint="Return a pair: (train_standardised, test_standardised).")
checks.check_close(train_std, np.array([[-1.0, -1.0], [1.0, 1.0]]), "train_standardised",
                   hint="Use the mean and standard deviation of each column of train only "
                   "(axis=0, ddof=0).")
checks.check_close(test_std, np.array([[0.0, 2.0], [3.0, -2.0]]), "test_standardised",
                   hint="Transform the test data with the statistics of the TRAINING columns.")
checks.check_equal(np.array_equal(train, train_copy) and np.array_equal(test, test_copy), True,
                   "inputs unchanged after standardise(train, test)",
                   hint="Build new arrays (a = a - m) instead of changing the inputs (a -= m).")
checks.passed()

### BEGIN HIDDEN TESTS
rng = np.random.default_rng(3)
hidden_train = rng.normal(5.0, 3.0, size=(50, 4))
hidden_test = rng.normal(8.0, 1.0, size=(20, 4))    # shifted: its own statistics differ
hidden_mean, hidden_sd = hidden_train.mean(axis=0), hidden_train.std(axis=0)
hidden_train_std, hidden_test_std = standardise(hidden_train, hidden_test)
checks.check_close(hidden_train_std, (hidden_train - hidden_mean) / hidden_sd,
                   "train_standardised on random data", reveal=False)
checks.check_close(hidden_test_std, (hidden_test - hidden_mean) / hidden_sd,
                   "test_standardised on random data", reveal=False)
_, hidden_one_row = standardise(hidden_train, hidden_test[:1])
checks.check_close(hidden_one_row, (hidden_test[:1] - hidden_mean) / hidden_sd,
                   "test_standardised for a single test row", reveal=False)
hidden_int_train = np.array([[1, 2], [3, 6], [5, 10]])
hidden_int_train_std, hidden_int_test_std = standardise(hidden_int_train, np.array([[3, 0]]))
checks.check_close(hidden_int_test_std, [[0.0, -6 / np.sqrt(32 / 3)]],
                   "standardise with integer arrays", reveal=False)
checks.check_equal(hidden_int_train.tolist(), [[1, 2], [3, 6], [5, 10]],
                   "integer input unchanged", reveal=False)
### END HIDDEN TESTS

# %% [markdown]
# Now standardise the breast-cancer measurements with your function and look at the first five
# columns. On the training set the means are 0 and the standard deviations 1 (up to rounding: a
# `-0.0` is a tiny negative number, rounded); on the test set they are not exactly 0 and 1,
# because the test set was not used to compute them. That is what an honest evaluation looks like.

# %%
train_scaled, test_scaled = standardise(X_train.to_numpy(), X_test.to_numpy())
summary = pd.DataFrame({
    "train mean": train_scaled.mean(axis=0),
    "train std": train_scaled.std(axis=0),
    "test mean": test_scaled.mean(axis=0),
    "test std": test_scaled.std(axis=0),
}, index=X.columns)
summary.head().round(3)

# %% [markdown]
# Finally, a real model: a *logistic regression* (notebook 02 explains it) learns from the
# standardised training data, and we measure it on the test set with your `accuracy` function.

# %%
model = LogisticRegression().fit(train_scaled, y_train)
model_accuracy = accuracy(y_test, model.predict(test_scaled))
print(f"majority-class baseline: test accuracy {baseline_accuracy:.3f}")
print(f"logistic regression:     test accuracy {model_accuracy:.3f}")
claim("the model clearly beats the baseline (by more than 20 percentage points)",
      model_accuracy > baseline_accuracy + 0.20,
      measured={"logistic regression": model_accuracy, "baseline": baseline_accuracy},
      why="with another split the model's accuracy moves by a few points; a margin this "
          "large should not vanish, so check your standardisation first");

# %% [markdown]
# This time the measurements are used, and the model clearly beats the baseline: the check
# above prints ✓ or ✗ with the two accuracies from your run. (A *claim check* like this one
# follows every result the course states in words; when your numbers disagree with the text,
# it tells you so.) You have just gone through the whole loop of supervised machine learning:
# split the data, prepare it without leaking, train on the training part, and compare with a
# baseline on the test part.

# %% [markdown]
# ### Exercise 4 — The average digit (2 points)
#
# Deep learning shines on images, so let's meet the first image data set of the course: small
# handwritten digits scanned at 8 × 8 pixels. `data.load_digits_8x8()` returns `images`, an array of
# shape `(n, 8, 8)` (one grey value per pixel; the larger, the more ink), and `labels`, the digit
# 0–9 shown in each image.
#
# Write `mean_image_per_class(images, labels)` that returns an array of shape `(10, 8, 8)` whose
# entry `k` is the average (pixel by pixel) of all images with label `k`. You may assume that every
# digit 0–9 occurs at least once.
#
# <details><summary>Hint</summary>
#
# For each digit `k`, select the images whose label is `k` and average them pixel by pixel.
#
# </details>
#
# <details><summary>Closer hint</summary>
#
# - `labels == k` gives a True/False array, and `images[labels == k]` selects the images of class
#   `k`: an array of shape `(number of such images, 8, 8)`.
# - `.mean(axis=0)` averages over the first axis, the images, and keeps the 8 × 8 pixels.
# - Collect the ten averages in a list and turn it into one array with `np.stack(...)` or
#   `np.array(...)`.
#
# </details>

# %% solution="ex4-mean-images"
def mean_image_per_class(images, labels):
    """Return the average image of each digit 0-9, shape (10, 8, 8)."""
    ### BEGIN SOLUTION
    images = np.asarray(images)
    labels = np.asarray(labels)
    return np.stack([images[labels == k].mean(axis=0) for k in range(10)])
    ### END SOLUTION


# %% tests="ex4-mean-images-tests" points=2
# 20 tiny test images: image i is filled with the value i and has the label i % 10,
# so class k holds the images k and k + 10, whose average is filled with k + 5.
toy_images = np.stack([np.full((8, 8), float(i)) for i in range(20)])
toy_labels = np.arange(20) % 10
toy_means = mean_image_per_class(toy_images, toy_labels)

checks.check_type(toy_means, np.ndarray, "mean_image_per_class(...)",
                  hint="Return one NumPy array, e.g. with np.stack.")
checks.check_shape(toy_means, (10, 8, 8), "mean_image_per_class(...)",
                   hint="One 8 x 8 image per digit: average over the images (axis=0).")
checks.check_close(toy_means[0], np.full((8, 8), 5.0), "average image of class 0",
                   hint="Class 0 holds two images, filled with 0 and with 10: their mean is 5.")
checks.check_close(toy_means[9], np.full((8, 8), 14.0), "average image of class 9",
                   hint="Class 9 holds two images, filled with 9 and with 19.")
checks.passed()

### BEGIN HIDDEN TESTS
rng = np.random.default_rng(4)
hidden_images = rng.uniform(0, 16, size=(300, 8, 8))
hidden_labels = rng.permutation(np.arange(300) % 10)
hidden_means = mean_image_per_class(hidden_images, hidden_labels)
checks.check_shape(hidden_means, (10, 8, 8), "mean_image_per_class on random images")
for hidden_k in range(10):
    hidden_expected = sum(img for img, lab in zip(hidden_images, hidden_labels) if lab == hidden_k)
    hidden_expected = hidden_expected / np.sum(hidden_labels == hidden_k)
    checks.check_close(hidden_means[hidden_k], hidden_expected,
                       f"average random image of class {hidden_k}", reveal=False)
hidden_unbalanced = np.concatenate([np.arange(10), np.full(5, 3)])
hidden_images2 = rng.uniform(0, 16, size=(15, 8, 8))
checks.check_close(mean_image_per_class(hidden_images2, hidden_unbalanced)[3],
                   np.mean(hidden_images2[[3, 10, 11, 12, 13, 14]], axis=0),
                   "average image of a class with six images", reveal=False)
# Integer images (grey values 0-255 as uint8): class 0 holds the images filled with 0 and 1.
hidden_int_images = np.repeat(np.arange(11, dtype=np.uint8), 64).reshape(11, 8, 8)
checks.check_close(mean_image_per_class(hidden_int_images, np.array([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))[0],
                   np.full((8, 8), 0.5), "average of two integer images filled with 0 and 1",
                   hint="An average of integers need not be an integer.", reveal=False)
### END HIDDEN TESTS

# %% [markdown]
# Here are the ten average digits of the real data set:

# %%
images, labels = data.load_digits_8x8()
print("images:", images.shape, "  labels:", labels.shape)
print("grey values from", images.min(), "to", images.max())
average_digits = mean_image_per_class(images, labels)
plots.image_grid(average_digits, labels=list(range(10)), ncols=10, title="The average digit")
plt.show()

# %% [markdown]
# The averages already look like blurry digits. That suggests a simple classifier: give a new image
# the label of the *average digit it is closest to* (the sum of squared pixel differences is
# smallest). It is called a **nearest-centroid** classifier. We learn the averages on a training
# set and measure on a test set, with the majority baseline for comparison:

# %%
img_train, img_test, lab_train, lab_test = train_test_split(
    images, labels, test_size=0.25, random_state=run.seed, stratify=labels
)
centroids = mean_image_per_class(img_train, lab_train)

# distance of every test image to each of the 10 averages: shape (number of test images, 10)
distances = ((img_test[:, None, :, :] - centroids[None, :, :, :]) ** 2).sum(axis=(2, 3))
centroid_predictions = distances.argmin(axis=1)

digits_baseline = accuracy(lab_test, majority_baseline(lab_train, len(lab_test)))
centroid_accuracy = accuracy(lab_test, centroid_predictions)
print(f"majority baseline:  test accuracy {digits_baseline:.3f}")
print(f"nearest centroid:   test accuracy {centroid_accuracy:.3f}")
claim("ten averaged images do far better than the baseline (by more than 50 percentage points)",
      centroid_accuracy > digits_baseline + 0.50,
      measured={"nearest centroid": centroid_accuracy, "baseline": digits_baseline},
      why="over other splits the nearest-centroid accuracy stays near 0.9 and the baseline "
          "near 0.1; a smaller gap points to a bug in mean_image_per_class");

# %% [markdown]
# With ten classes the baseline is poor, and ten averaged images already do far better (the check
# above compares the two accuracies of your run). Later in the course you will see how far
# classical models and neural networks get on images — and at what cost.

# %% [markdown]
# ### Exercise 5 — Why hide tests? (written answer, 1 point)
#
# In the markdown cell below, answer in two to four sentences of your own: **why are some tests
# hidden? What could go wrong if the grader only ran the visible tests?** Give a concrete example
# from one of the exercises above.
#
# **Graded on** (1 point):
#
# - **Why tests are hidden** (½ point): a solution can fit the few visible examples without doing
#   what the task asks.
# - **An example** (½ point): a concrete answer to one of the exercises above that passes the
#   visible tests and is wrong on other inputs.
#
# <details><summary>Hint</summary>
#
# Think of a function that gets the visible examples right without doing what the task asks.
#
# </details>
#
# <details><summary>Closer hint</summary>
#
# What would its grade be if only the visible tests counted, and what would it do on new inputs?
# Machine learning has the same problem with the same answer: which one?
#
# </details>

# %% [markdown] answer="ex5-why-hidden" points=1
# ### BEGIN SOLUTION
# Visible tests check only a few fixed examples, and you can read their expected answers. If only
# they counted, a solution could score full points by fitting exactly those examples and still be
# wrong on every other input. For instance, an `accuracy` that returns 0.75 whenever it gets four
# labels passes a visible check; and a `mean_image_per_class` that averages every tenth image
# (`images[k::10]`) passes the visible test, because the toy labels happen to come in the order
# 0, 1, …, 9, 0, 1, …, but it is wrong on real, shuffled data. Hidden tests check the same behaviour
# on inputs you have not seen, so only a solution that really does what the task asks scores the
# points: the visible tests give quick feedback, the hidden ones measure whether the code works.
# It is the same idea as a test set in machine learning: judge on data the solution was not fitted
# to.
#
# **Rubric** (1 point; half points allowed):
#
# - *Why tests are hidden* — ½: says that the visible examples can be fitted (or their answers
#   copied) and that hidden tests check the same behaviour on unseen inputs; 0: only "to stop
#   cheating" with no mechanism.
# - *An example* — ½: a concrete wrong answer that passes the visible tests (a hard-coded value,
#   every tenth image); 0: a generic example. Linking it to a test set in machine learning is a
#   plus, not required.
# ### END SOLUTION

# %% [markdown]
# ## Key takeaways
#
# - Run the **setup cell** first in every notebook; `requirements.check_environment()` tells you
#   whether anything is missing and what to do about it.
# - A fixed **seed** makes every run give the same numbers. Restart and run all cells from the top to
#   get back to a clean state.
# - Work in **your own copy** (`workspace/`, your fetched assignment, or your Drive copy); the
#   course never overwrites it.
# - An exercise is a solution cell you fill in, a **visible test** for instant feedback and
#   **hidden tests** for grading; hints are folded away; written answers are graded by a person.
# - Before submitting: *Restart Kernel and Run All Cells* — the autograder runs everything from the
#   top in a fresh kernel, with the original test cells.
# - Every model must beat a **baseline**, and the test data must never influence training — not
#   even through the mean and standard deviation used to standardise (**no leakage**).

# %% [markdown]
# ## Going further
#
# - The scikit-learn user guide on [common pitfalls](https://scikit-learn.org/stable/common_pitfalls.html)
#   explains data leakage and how pipelines prevent it; on
#   [dummy estimators](https://scikit-learn.org/stable/modules/model_evaluation.html#dummy-estimators)
#   it shows baselines like the one you wrote.
# - scikit-learn's [`StandardScaler`](https://scikit-learn.org/stable/modules/generated/sklearn.preprocessing.StandardScaler.html)
#   and [`NearestCentroid`](https://scikit-learn.org/stable/modules/generated/sklearn.neighbors.NearestCentroid.html)
#   do what you wrote in exercises 3 and 4; compare their results with yours.
# - NumPy's guide to [broadcasting](https://numpy.org/doc/stable/user/basics.broadcasting.html) explains
#   the trick behind `standardise` and the distance computation above.
# - The [nbgrader documentation for students](https://nbgrader.readthedocs.io/en/stable/user_guide/highlights.html)
#   shows the *Assignments* tab step by step.
# - Next: notebook **01-ai-ml-dl** — hand-written rules against a learned model on the same data.
