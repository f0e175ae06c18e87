"""One owner per policy: threads, seeds and the plot style are decided in one place, `utils.env`.

`utils.env.setup()` — called by the generated setup cell of every notebook — gives PyTorch and
the BLAS/OpenMP libraries one thread unless a learner asks for more (`setup(threads=N)`, or
`# %% setup threads=N` on a notebook's marker), and seeds Python, NumPy and PyTorch with
`DEFAULT_SEED` through `seed_everything()`. A second place that sets a thread count or seeds a
global generator silently disagrees with it: the Binder start script, the hub configuration, the
Kubernetes values, the hub guide and four notebooks once set threads of their own. Likewise
`setup()` sets the one visual style of every figure (seaborn's theme with the colour-blind
palette, `utils.env.set_plot_style`); a notebook that set a global style of its own would change
every later figure of that notebook, and no other.

These tests read every tracked text file (`git ls-files`; `course/` and the `.ipynb` files are
generated from the scripts read here) and allow only the exceptions listed below, each with
its reason.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from tools.layout import ROOT

#: Sets a thread count: the variables OpenMP and the BLAS libraries read, PyTorch's setters,
#: threadpoolctl's limits.
THREAD_SETTING = re.compile(
    r"\b(?:OMP|MKL|OPENBLAS|NUMEXPR|BLIS)_NUM_THREADS\b|\bVECLIB_MAXIMUM_THREADS\b"
    r"|\bset_num(?:_interop)?_threads\b|\bthreadpool_limits\b")

#: Seeds a *global* generator: Python's `random`, NumPy's legacy global state, PyTorch's default
#: generator. (A generator of one's own — `np.random.default_rng(seed)`, `random.Random(seed)`,
#: `torch.Generator().manual_seed(seed)` — is the right way and is not matched.)
GLOBAL_SEEDING = re.compile(
    r"(?<![\w.])random\.seed\(|\b(?:np|numpy)\.random\.seed\("
    r"|\btorch\.(?:random\.|cuda\.)?manual_seed(?:_all)?\(|\bdefault_generator\.manual_seed\(|\btorch\.seed\(")

#: Sets a *global* plot style: seaborn's theme, style, palette or context, matplotlib's style
#: sheets, its rcParams (item assignment or update) and `rc()`. (A style for one figure —
#: `with plt.style.context(...)`, `with matplotlib.rc_context(...)`, arguments of the plot call —
#: is the right way and is not matched.)
STYLE_SETTING = re.compile(
    r"\b(?:sns|seaborn)\.(?:set_theme|set_style|set_palette|set_context|set_color_codes|set)\("
    r"|\bstyle\.use\(|\brcParams\s*(?:\[[^\]]*\]\s*=(?!=)|\.update\()"
    r"|\b(?:mpl|matplotlib|plt|pyplot)\.rc\(|\brcdefaults\(")

#: Files that may set thread counts, and why. Keep this list tiny.
THREAD_OWNERS = {
    "utils/env.py": "the owner: set_threads() applies the policy setup() documents",
    "tests/unit/test_utils_env.py": "the owner's tests: they set other counts first, to see setup() replace them",
    "tests/unit/conftest.py": "restore_global_state puts back the threads a test's setup() call changed",
    "tests/test_one_owner.py": "this file names what it looks for",
}

#: Files (or folders, ending in "/") that may seed a global generator, and why.
SEED_OWNERS = {
    "utils/env.py": "the owner: seed_everything(), which setup() calls with DEFAULT_SEED",
    "utils/train.py": "fit's own generator handling: it seeds PyTorch's generator only inside "
                      "torch.random.fork_rng, so the caller's global state comes back unchanged",
    "utils/_captum.py": "the sanity check re-draws a layer's weights inside torch.random.fork_rng: "
                        "the caller's generator comes back unchanged",
    "utils/_shap.py": "shap's KernelExplainer draws from NumPy's global generator: seeded for one call "
                      "and the caller's state restored (np.random.get_state/set_state)",
    "utils/models.py": "its docstring shows the PyTorch idiom of the notebooks (a model's first "
                       "weights come from the global generator: seed, then build)",
    "tests/": "tests set up the state they check (or restore it), and wrong answers imitate learners",
    "tools/hidden_seeds.py": "seeds nothing: its docstring names the seed literals of hidden tests it "
                             "rewrites from a course secret",
}

#: Files that may set a global plot style, and why.
STYLE_OWNERS = {
    "utils/env.py": "the owner: set_plot_style(), which setup() calls",
    "tests/unit/test_utils_env.py": "the owner's tests: they spoil the style first, to see set_plot_style() "
                                    "put it back (restore_global_state undoes both)",
    "tests/test_one_owner.py": "this file names what it looks for",
}

#: In a notebook source, PyTorch's global generator may be seeded — and only it: PyTorch draws a
#: new model's weights from its global generator and has no generator argument for them, so
#: `torch.manual_seed(run.seed)` right before building a model is the only way to make the
#: model reproducible (notebook 04 teaches it). NumPy and Python have generators of their own:
#: notebooks pass `random_state=run.seed` or use `np.random.default_rng(run.seed)`.
NOTEBOOK_MAY_SEED = re.compile(r"\btorch\.manual_seed\(")

NOTEBOOK_SOURCE = re.compile(r"solutions/(\d\d-[\w-]+)/\1\.py")

#: The notebook whose lesson is seeding: it calls env.setup() again to show that the same seed
#: gives the same numbers. Every other notebook leaves the call to its setup cell.
SEEDING_LESSON = "00-start"


def _tracked_text_files() -> list[tuple[str, list[str]]]:
    """(path, lines) of every tracked text file, except the generated ones."""
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    files = []
    for name in listed.stdout.splitlines():
        path = ROOT / name
        if name.startswith("course/") or name.endswith(".ipynb") or not path.is_file():
            continue
        try:
            files.append((name, path.read_text(encoding="utf-8").splitlines()))
        except UnicodeDecodeError:  # a binary file
            continue
    return files


@pytest.fixture(scope="module")
def tracked() -> list[tuple[str, list[str]]]:
    files = _tracked_text_files()
    assert any(name == "utils/env.py" for name, _ in files), "git ls-files did not list the repository"
    return files


def _owner(name: str, owners: dict[str, str]) -> str | None:
    return next((why for path, why in owners.items()
                 if name == path or (path.endswith("/") and name.startswith(path))), None)


def _lines_matching(tracked, pattern, owners) -> list[str]:
    """`file:line: text` of each line matching `pattern` in a tracked file that is not an owner."""
    return [f"{name}:{number}: {line.strip()}"
            for name, lines in tracked if _owner(name, owners) is None
            for number, line in enumerate(lines, 1) if pattern.search(line)]


def test_only_utils_env_sets_thread_counts(tracked):
    found = _lines_matching(tracked, THREAD_SETTING, THREAD_OWNERS)
    assert not found, ("A thread count is set outside utils.env (the setup cell of every notebook "
                       "sets it; a notebook that needs more says `# %% setup threads=N`):\n"
                       + "\n".join(found))


def test_only_utils_env_seeds_the_global_generators(tracked):
    found = []
    for name, lines in tracked:
        if _owner(name, SEED_OWNERS) is not None:
            continue
        notebook = NOTEBOOK_SOURCE.fullmatch(name)
        for number, line in enumerate(lines, 1):
            for match in GLOBAL_SEEDING.finditer(line):
                if notebook and NOTEBOOK_MAY_SEED.match(line, match.start()):
                    continue
                found.append(f"{name}:{number}: {line.strip()}")
    assert not found, ("A global generator is seeded outside utils.env.seed_everything: pass a seed "
                       "(random_state=run.seed) or use a generator of your own "
                       "(np.random.default_rng(seed)):\n" + "\n".join(found))


def test_only_utils_env_sets_the_plot_style(tracked):
    found = _lines_matching(tracked, STYLE_SETTING, STYLE_OWNERS)
    assert not found, ("A global plot style is set outside utils.env.set_plot_style (the setup cell of "
                       "every notebook sets seaborn's theme with the course's palette; style one figure "
                       "with the arguments of its plot call, or `with plt.style.context(...)`):\n"
                       + "\n".join(found))


def test_notebooks_leave_env_setup_to_their_setup_cell(tracked):
    """No notebook calls env.setup a second time (the seeding lesson of 00-start aside), and none
    passes it a thread count in code: arguments go on the `# %% setup` marker."""
    found = []
    for name, lines in tracked:
        notebook = NOTEBOOK_SOURCE.fullmatch(name)
        if not notebook:
            continue
        for number, line in enumerate(lines, 1):
            code = line.split("#", 1)[0]  # markdown cells and comments are prose
            if "env.setup(" in code and (notebook.group(1) != SEEDING_LESSON or "threads" in code):
                found.append(f"{name}:{number}: {line.strip()}")
    assert not found, ("env.setup is called outside the setup cell; put other arguments on the "
                       "`# %% setup` marker instead:\n" + "\n".join(found))


def test_the_exceptions_are_real_files():
    """An exception for a file that is gone, or that no longer needs it, is removed."""
    for owners in (THREAD_OWNERS, SEED_OWNERS, STYLE_OWNERS):
        for path in owners:
            assert (ROOT / path).exists(), f"{path} is listed as an exception but does not exist"
    texts = {path: (ROOT / path).read_text(encoding="utf-8") for path in THREAD_OWNERS}
    for path, text in texts.items():
        assert THREAD_SETTING.search(text), f"{path} sets no thread count: remove its exception"
    for path in STYLE_OWNERS:
        text = (ROOT / path).read_text(encoding="utf-8")
        assert STYLE_SETTING.search(text), f"{path} sets no plot style: remove its exception"
    for path in SEED_OWNERS:
        if not path.endswith("/"):
            text = (ROOT / path).read_text(encoding="utf-8")
            assert GLOBAL_SEEDING.search(text), f"{path} seeds no global generator: remove its exception"


@pytest.mark.parametrize("line", [
    "torch.set_num_threads(2)", 'os.environ["OMP_NUM_THREADS"] = "2"', "  MKL_NUM_THREADS: \"2\"",
    "export OPENBLAS_NUM_THREADS=1", "with threadpool_limits(1):", "torch.set_num_interop_threads(1)",
])
def test_the_thread_pattern_finds_each_way_of_setting_threads(line):
    assert THREAD_SETTING.search(line)


@pytest.mark.parametrize(("line", "global_"), [
    ("sns.set_theme(style='darkgrid')", True), ("seaborn.set_palette('colorblind')", True),
    ("sns.set_style('ticks')", True), ("sns.set_context('talk')", True), ("sns.set(font_scale=2)", True),
    ("plt.style.use('ggplot')", True), ("matplotlib.style.use('classic')", True),
    ('mpl.rcParams["figure.figsize"] = (8, 4)', True), ("plt.rcParams['font.size']=14", True),
    ("matplotlib.rcParams.update({'font.size': 14})", True), ("mpl.rc('font', size=14)", True),
    ("plt.rcdefaults()", True),
    ("with plt.style.context('ggplot'):", False), ("with matplotlib.rc_context({'font.size': 8}):", False),
    ('assert matplotlib.rcParams["axes.grid"] is True', False), ('size = plt.rcParams["font.size"]', False),
    ('if mpl.rcParams["font.size"] == 11:', False), ("sns.boxplot(data=frame, x='score')", False),
])
def test_the_style_pattern_tells_global_styles_from_one_figures(line, global_):
    assert bool(STYLE_SETTING.search(line)) is global_


@pytest.mark.parametrize(("line", "global_"), [
    ("np.random.seed(0)", True), ("numpy.random.seed(0)", True), ("random.seed(42)", True),
    ("torch.manual_seed(run.seed)", True), ("_ = torch.manual_seed(0)", True),
    ("torch.cuda.manual_seed_all(seed)", True), ("torch.random.default_generator.manual_seed(3)", True),
    ("torch.Generator().manual_seed(seed)", False), ("generator.manual_seed(1)", False),
    ("np.random.default_rng(0)", False), ("random.Random(42)", False), ("my_random.seed(1)", False),
])
def test_the_seed_pattern_tells_global_from_own_generators(line, global_):
    assert bool(GLOBAL_SEEDING.search(line)) is global_


def test_one_default_seed():
    from utils import env

    definitions = [name for name, lines in _tracked_text_files()
                   for line in lines if re.match(r"\s*DEFAULT_SEED\s*(?::[^=]*)?=", line)]
    assert definitions == ["utils/env.py"]
    assert env.DEFAULT_SEED == 42
