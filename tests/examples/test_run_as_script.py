"""Every example runs as ``python examples/NAME.py``: the check rides on each test module's own run.

``run_example`` (tests/helpers.py) runs an example the way that command does and records
whether it printed something and showed every figure it drew. This module runs last
(tests/conftest.py orders it) and asserts on those records, running only the examples
that no other test ran: one run per example per session, not two.
"""

import pytest

from helpers import EXAMPLES, QUICK, ROOT, SCRIPT_RUNS, run_example


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_runs_as_a_script_from_another_directory(example, monkeypatch):
    if example.name not in SCRIPT_RUNS:
        for name, value in QUICK.items():
            monkeypatch.setenv(name, value)
        run_example(example.name)
    assert SCRIPT_RUNS[example.name] == ""


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_is_shown_on_a_page(example):
    """An example no page embeds would be code the site runs but never shows."""
    pages = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    assert f"::: example {example.name}#" in pages
