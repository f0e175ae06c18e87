"""Tests of utils.requirements: the environment check of the first notebook, with what to do."""

from __future__ import annotations

import subprocess
import sys

import pytest

from utils import hosting, requirements

PACKAGES = ["numpy", "scipy", "pandas", "scikit-learn", "scikit-image", "matplotlib", "seaborn", "tqdm",
            "ipywidgets", "torch", "torchvision", "skorch", "mnist1d", "captum", "fairlearn",
            "shap", "gymnasium", "onnx", "onnxscript", "onnxruntime", "skl2onnx"]


def test_check_environment_lists_every_requirement():
    table = requirements.check_environment()
    assert list(table.columns) == ["requirement", "needed", "found", "ok", "what to do"]
    assert table["requirement"].tolist() == ["python", *PACKAGES]
    assert table["ok"].dtype == bool
    needed = dict(zip(table["requirement"], table["needed"]))
    assert needed["python"] == ">=3.11"
    assert needed["scikit-learn"] == ">=1.6"
    assert needed["mnist1d"] == ">=0.0.2.post1"


def test_this_environment_is_ok():
    table = requirements.check_environment()
    assert table["ok"].all(), table[~table["ok"]].to_string()
    assert (table["what to do"] == "").all()
    assert requirements.environment_ok() is True


def _fake_versions(monkeypatch, **overrides):
    real = requirements._installed_version

    def fake(distribution: str) -> str | None:
        return overrides[distribution] if distribution in overrides else real(distribution)

    monkeypatch.setattr(requirements, "_installed_version", fake)


def test_check_environment_reports_a_missing_package_with_what_to_do(monkeypatch, local_platform):
    _fake_versions(monkeypatch, mnist1d=None)
    table = requirements.check_environment().set_index("requirement")
    row = table.loc["mnist1d"]
    assert row["found"] == "missing"
    assert not row["ok"]
    assert "make lab" in row["what to do"]
    assert "pip install 'mnist1d>=0.0.2.post1'" in row["what to do"]
    assert table.drop(index="mnist1d")["ok"].all()
    assert requirements.environment_ok() is False


def test_a_missing_optional_package_is_ok_and_says_what_it_would_add(monkeypatch, local_platform):
    _fake_versions(monkeypatch, onnxruntime=None)
    table = requirements.check_environment().set_index("requirement")
    row = table.loc["onnxruntime"]
    assert row["found"] == "missing"
    assert row["ok"]
    assert row["what to do"].startswith("optional, for ONNX Runtime in notebooks 08 and 11; missing:")
    assert "pip install 'onnxruntime>=1.32'" in row["what to do"]
    assert requirements.environment_ok() is True


def test_check_environment_reports_an_old_version(monkeypatch, local_platform):
    _fake_versions(monkeypatch, torch="2.1.2+cpu")
    row = requirements.check_environment().set_index("requirement").loc["torch"]
    assert row["found"] == "2.1.2+cpu"
    assert not row["ok"]
    assert row["what to do"].startswith("too old (2.1.2+cpu)")
    assert "pip install 'torch>=2.6'" in row["what to do"]


def test_check_environment_advice_on_colab(monkeypatch):
    _fake_versions(monkeypatch, tqdm=None)
    monkeypatch.setattr(hosting, "detect_platform", lambda: "colab")
    row = requirements.check_environment().set_index("requirement").loc["tqdm"]
    assert "%pip install 'tqdm>=4.65'" in row["what to do"]


def test_check_environment_reports_old_python(monkeypatch):
    monkeypatch.setattr(requirements, "_python_version", lambda: (3, 10, 12))
    row = requirements.check_environment().set_index("requirement").loc["python"]
    assert row["found"] == "3.10.12"
    assert not row["ok"]
    assert "Python 3.11 or newer" in row["what to do"]


@pytest.mark.parametrize(
    ("found", "minimum", "ok"),
    [("2.14.1+cu130", "2.2", True), ("0.0.2.post1", "0.0.2", True), ("1.9.0", "1.10", False),
     ("1.10", "1.10.0", True), ("2", "2.0", True), ("v3.7.1", "3.7", True), ("unknown", "1.0", False)],
)
def test_version_comparison(found, minimum, ok):
    assert requirements._version_at_least(found, minimum) is ok


def test_check_environment_does_not_import_torch():
    """The check works when PyTorch is broken: it reads package metadata only."""
    code = ("import sys; from utils import requirements; requirements.check_environment(); "
            "print('torch' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
