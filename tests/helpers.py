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


# What each run_example of this session found wrong with the example as a script ("" for nothing);
# tests/examples/test_run_as_script.py asserts on it, so no example runs twice for that check.
SCRIPT_RUNS: dict[str, str] = {}


_GLOBALS: dict[tuple, tuple[dict, str]] = {}  # (globals, what the run printed) per example and settings


def run_example(name: str) -> dict:
    """The globals of ``examples/NAME.py`` run as a script, once per session and settings.

    Several test modules read one example's values (the frequency-response tests read the
    aliasing example's): they share one run, so treat the globals as read-only.
    """
    return _shared_run(name)[0]


def printed_by(name: str) -> str:
    """What ``examples/NAME.py`` printed in the run :func:`run_example` shares (made now if need be)."""
    return _shared_run(name)[1]


def _shared_run(name: str) -> tuple[dict, str]:
    key = (name, *(os.environ.get(k) for k in QUICK))
    if key not in _GLOBALS:
        _GLOBALS[key] = run_script(name)
    return _GLOBALS[key]


def run_script(name: str) -> tuple[dict, str]:
    """Run ``examples/NAME.py`` as ``python examples/NAME.py`` would; return its globals and what it printed.

    As that command does: the script is ``__main__``, its folder is first on ``sys.path`` (so its
    helper modules import), ``sys.argv`` names it, and the working directory is elsewhere. It
    also checks what a reader who runs it sees: something printed, and every figure it draws
    reaching ``plt.show()``; the verdict goes to :data:`SCRIPT_RUNS`.
    """
    import contextlib
    import io
    import tempfile

    import matplotlib.pyplot as plt

    path = ROOT / "examples" / name
    shown: set[int] = set()
    printed = io.StringIO()
    show, argv, cwd = plt.show, sys.argv, os.getcwd()
    plt.show = lambda *args, **kwargs: shown.update(plt.get_fignums())
    sys.path.insert(0, str(path.parent))
    sys.argv = [str(path)]
    try:
        with tempfile.TemporaryDirectory() as elsewhere:
            os.chdir(elsewhere)
            with contextlib.redirect_stdout(printed):
                names = runpy.run_path(str(path), run_name="__main__")
        unshown = sorted(set(plt.get_fignums()) - shown)
        SCRIPT_RUNS[name] = (
            "printed nothing"
            if not printed.getvalue().strip()
            else f"figures never shown: {unshown}"
            if unshown
            else ""
        )
        return names, printed.getvalue()
    finally:
        os.chdir(cwd)
        sys.stdout.write(printed.getvalue())
        sys.path.remove(str(path.parent))
        plt.show, sys.argv = show, argv
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
