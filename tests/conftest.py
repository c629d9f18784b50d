"""Fixtures: the real site built once per session (tests/sitegen/conftest.py has a small project to break)."""

from __future__ import annotations

import pytest

from helpers import ROOT, Build, mkdocs_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real site, built strictly once per test session (the project cache makes reruns quick)."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert build.returncode == 0, build.log
    return build
