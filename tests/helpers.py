"""What the tests share: the project's paths, examples run as scripts, and site builds."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.py") if not p.name.startswith("_"))
# Settings that shorten the slow examples (training steps, benchmark sizes) when the tests
# only need to know that they run; the site build in the tests runs them in full.
QUICK = {"SR_STEPS": "24", "PERF_TINY": "1"}
# Helper modules that examples import; those with cells can be shown on pages too.
HELPERS = sorted(p for p in (ROOT / "examples").glob("_*.py"))


def run_example(name: str) -> dict:
    """Run ``examples/NAME.py`` as ``__main__`` and return its globals, for asserting on values."""
    import matplotlib.pyplot as plt

    # As `python examples/NAME.py` would, put the example's folder first so its helper modules import.
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        return runpy.run_path(str(ROOT / "examples" / name), run_name="__main__")
    finally:
        sys.path.remove(str(ROOT / "examples"))
        plt.close("all")


@dataclass
class Build:
    """One ``mkdocs build --strict`` of a project: where it went and what it said."""

    returncode: int
    log: str
    site: Path


def mkdocs_build(project: Path, site: Path, **env: str) -> Build:
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
    )
    return Build(completed.returncode, completed.stdout + completed.stderr, site)


def add_page(project: Path, name: str, body: str, body_zh: str | None = None) -> None:
    """Add docs/NAME.md (and its Chinese twin unless body_zh is None) to the nav."""
    (project / "docs" / f"{name}.md").write_text(body, encoding="utf-8")
    if body_zh is not None:
        (project / "docs" / f"{name}.zh.md").write_text(body_zh, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("nav:\n", f"nav:\n  - {name}: {name}.md\n", 1))


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    """Import into a test module of thousands of tiny ops: a second thread makes them wait for each
    other on a busy 2-core machine (20x slower)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)
