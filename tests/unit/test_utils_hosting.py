"""Tests of utils.hosting: local, Binder or Colab, from the variables each one sets."""

from __future__ import annotations

import pytest

from utils import hosting


def test_detect_platform_local(local_platform):
    assert hosting.detect_platform() == "local"


@pytest.mark.parametrize("variable", hosting.BINDER_ENV_VARS)
def test_detect_platform_binder_variables(local_platform, variable):
    local_platform.setenv(variable, "x")
    assert hosting.detect_platform() == "binder"


def test_detect_platform_binder_service_prefix(local_platform):
    local_platform.setenv("JUPYTERHUB_SERVICE_PREFIX", "/binder/jupyter/user/org-repo-abc/")
    assert hosting.detect_platform() == "binder"


def test_detect_platform_plain_jupyterhub_is_local(local_platform):
    local_platform.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/alice/")
    assert hosting.detect_platform() == "local"


@pytest.mark.parametrize("variable", ["COLAB_RELEASE_TAG", "COLAB_GPU"])
def test_detect_platform_colab_variables(local_platform, variable):
    local_platform.setenv(variable, "1")
    assert hosting.detect_platform() == "colab"


def test_detect_platform_colab_module_wins_over_binder(local_platform):
    local_platform.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    local_platform.setattr(hosting, "_colab_importable", lambda: True)
    assert hosting.detect_platform() == "colab"


def test_colab_not_importable_here():
    assert hosting._colab_importable() is False
