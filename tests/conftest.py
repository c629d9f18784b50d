"""Fixtures: the real site built once per session (tests/sitegen/conftest.py has a small project to break)."""

from __future__ import annotations

import pytest

from helpers import ROOT, Build, mkdocs_build


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the run-as-script checks last: they assert on the example runs the other tests made."""
    items.sort(key=lambda item: item.path.name == "test_run_as_script.py")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real site, built strictly once per test session (the project cache makes reruns quick)."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert build.returncode == 0, build.log
    return build
