"""Every example runs as ``python examples/NAME.py`` from any working directory."""

import os
import subprocess
import sys

import pytest

from helpers import EXAMPLES, QUICK, ROOT


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_runs_from_another_directory(example, tmp_path):
    completed = subprocess.run(
        [sys.executable, str(example)],
        cwd=tmp_path,
        env={**os.environ, "MPLBACKEND": "Agg", **QUICK},
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip(), f"{example.name} printed nothing"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_is_shown_on_a_page(example):
    """An example no page embeds would be code the site runs but never shows."""
    pages = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    assert f"::: example {example.name}#" in pages
