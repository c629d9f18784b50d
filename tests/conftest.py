"""Fixtures: the real site built once per session (tests/sitegen/conftest.py has a small project to break)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from helpers import ROOT, Build, mkdocs_build


def pytest_configure(config: pytest.Config) -> None:
    """One torch thread per xdist worker: workers already fill the cores, and more threads than
    cores make thousands of tiny ops wait for each other."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        import torch

        torch.set_num_threads(1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the run-as-script checks last, and keep each example's tests on one xdist worker.

    The run-as-script checks assert on the example runs the other tests made, and an example
    runs once per worker (tests/helpers.py): so the tests that read one example, and its
    run-as-script check, form one ``xdist_group`` (``make test`` runs ``--dist loadgroup``);
    so do the tests of the built site, which is built once per worker.
    """
    items.sort(key=lambda item: item.path.name == "test_run_as_script.py")
    groups = example_groups({item.path for item in items})
    for item in items:
        if "site" in item.fixturenames:
            item.add_marker(pytest.mark.xdist_group("site"))
        elif item.path.name == "test_run_as_script.py":
            example = item.callspec.params["example"].name
            item.add_marker(pytest.mark.xdist_group(groups.get(example, example)))
        elif item.path in groups:
            item.add_marker(pytest.mark.xdist_group(groups[item.path]))


RUNS = re.compile(r"""(?:run_example|printed_by)\(["']([\w.]+\.py)["']\)""")


def example_groups(modules: set[Path]) -> dict[Path | str, str]:
    """Each test module and example that shares an example run with another, mapped to one group name."""
    parent: dict[Path | str, Path | str] = {}

    def root(node: Path | str) -> Path | str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for module in modules:
        for example in RUNS.findall(module.read_text(encoding="utf-8")):
            parent[root(module)] = root(example)
    return {node: str(root(node)) for node in parent}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real site, built strictly once per test session (the project cache makes reruns quick)."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert build.returncode == 0, build.log
    return build
