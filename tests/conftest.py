"""Fixtures: the real site built once per session, and scratch copies of the project to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import ROOT, Build, mkdocs_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real site, built strictly once per test session (the project cache makes reruns quick)."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture
def scratch_project(tmp_path, site) -> Path:
    """A copy of the project to break on purpose, sharing a copy of the real build's cache."""
    for name in ("docs", "examples", "sitegen"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / ".cache" / "sitegen", tmp_path / ".cache" / "sitegen")
    return tmp_path
