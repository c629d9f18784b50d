"""Fixtures: the real site built once per session (tests/sitegen/conftest.py has a small project to break)."""

from __future__ import annotations

import collections
import functools
import json
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


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Run the built site's tests first, the run-as-script checks last, and the slow scopes early.

    The run-as-script checks assert on the example runs the other tests made. The site's tests
    are the longest run on one worker (see below); after them come the scopes that took longest
    in the last test run (pytest's cache), or, before any run, the tests of the examples that
    ran longest in the last site build: started first, the long runs end with the others
    instead of one worker finishing them alone.
    """
    seconds = {**group_seconds(), **recorded_scope_seconds(config)}
    items.sort(
        key=lambda item: (
            item.path.parent.name != "site",
            item.path.name == "test_run_as_script.py",
            -seconds.get(scope_of(item.nodeid), 0.0),
        )
    )


SCOPE_SECONDS_KEY = "resampling/scope-seconds"
scope_seconds: collections.Counter[str] = collections.Counter()


def recorded_scope_seconds(config: pytest.Config) -> dict[str, float]:
    """Seconds each scope took in the last runs that ran it (none on a fresh clone or without the cache)."""
    cache = getattr(config, "cache", None)
    return cache.get(SCOPE_SECONDS_KEY, {}) if cache else {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    # Under xdist the controller sees every worker's reports; a worker keeps none.
    if "PYTEST_XDIST_WORKER" not in os.environ:
        scope_seconds[scope_of(report.nodeid)] += report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Merge this run's seconds per scope into pytest's cache, for the next run's order."""
    cache = getattr(session.config, "cache", None)
    if cache and scope_seconds and "PYTEST_XDIST_WORKER" not in os.environ:
        cache.set(SCOPE_SECONDS_KEY, {**recorded_scope_seconds(session.config), **scope_seconds})


@pytest.hookimpl(optionalhook=True)  # xdist's hook: pytest -p no:xdist still runs
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With ``-n`` (``make test``): send the tests that share one example run to one worker.

    An example runs once per worker (tests/helpers.py), and the run-as-script checks assert
    on the runs their worker made; the built site is built once per worker. So the tests
    that read one example (and its run-as-script check) form one scope, the site's tests
    another, and every other test is a scope of its own. (xdist's ``xdist_group`` marks
    would say the same, but xdist 3.8 cannot rename test ids under pytest 9.)
    """
    from xdist.scheduler import LoadScopeScheduling

    class ByExampleRun(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scope_of(nodeid)

    return ByExampleRun(config, log)


RUNS = re.compile(r"""(?:run_example|printed_by)\(["']([\w.]+\.py)["']\)""")
PARAMETER = re.compile(r"\[([\w.]+\.py)\]$")


def scope_of(nodeid: str) -> str:
    """The scope of one test id, as :func:`pytest_xdist_make_scheduler` explains."""
    module = nodeid.partition("::")[0]
    if module.startswith("tests/site/"):
        return "site"
    groups = example_groups()
    parameter = PARAMETER.search(nodeid)
    if module.endswith("/test_run_as_script.py") and parameter:
        return groups.get(parameter.group(1), parameter.group(1))
    return groups.get(module, nodeid)


@functools.cache
def example_groups() -> dict[str, str]:
    """Each example, and each test module under tests/examples that runs one, mapped to one group name.

    Modules that read the same example share a group (union-find over the examples they run).
    """
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for path in sorted((ROOT / "tests" / "examples").glob("test_*.py")):
        module = path.relative_to(ROOT).as_posix()
        for example in RUNS.findall(path.read_text(encoding="utf-8")):
            parent[root(module)] = root(example)
    return {node: root(node) for node in parent}


def group_seconds() -> dict[str, float]:
    """Seconds the examples of each group took in the last site build (none on a fresh clone)."""
    from sitegen.cache import RESULT_FILE, result_dir

    cache_root = Path(os.environ.get("SITEGEN_CACHE_DIR", ROOT / ".cache" / "sitegen"))
    seconds: dict[str, float] = {}
    for node, group in example_groups().items():
        result = result_dir(cache_root, Path(node)) / RESULT_FILE
        if node.endswith(".py") and result.is_file():
            try:
                seconds[group] = seconds.get(group, 0.0) + json.loads(result.read_text(encoding="utf-8"))["seconds"]
            except (ValueError, KeyError):  # a damaged result: the build reports it, the order does not need it
                pass
    return seconds


@pytest.fixture(autouse=True)
def seeded_random_generators() -> None:
    """Every test starts from the same random state, whichever worker runs it and whatever ran before.

    torch's default generator starts from a random seed in each process here, so a test that
    draws ``torch.rand`` without its own generator saw other numbers on every run: one came
    within 0.0095 of its bound and failed. Tests that sweep many draws still seed their own.
    """
    import random

    import numpy as np
    import torch

    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Build:
    """The real site, built strictly once per test session (the project cache makes reruns quick)."""
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("site") / "site")
    assert build.returncode == 0, build.log
    return build
