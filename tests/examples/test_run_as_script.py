"""Every example runs as ``python examples/NAME.py`` from another directory; one interpreter runs them all.

One process instead of one per example: each would import torch again (seconds each).
The driver does what ``python examples/NAME.py`` does: the script as ``__main__``, its
folder first on ``sys.path``, ``sys.argv`` naming it, the working directory elsewhere.
"""

import json
import os
import subprocess
import sys

import pytest

from helpers import EXAMPLES, QUICK, ROOT

DRIVER = """
import contextlib, io, json, os, runpy, sys, traceback
import matplotlib.pyplot as plt
failures = {}
shown = set()
# A script run by hand must show what the page shows: every figure it draws reaches plt.show().
plt.show = lambda *args, **kwargs: shown.update(plt.get_fignums())
for path in sys.argv[1:]:
    out, folder = io.StringIO(), os.path.dirname(path)
    sys.path.insert(0, folder)
    sys.argv = [path]
    shown.clear()
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(path, run_name="__main__")
        if not out.getvalue().strip():
            failures[os.path.basename(path)] = "printed nothing"
        elif set(plt.get_fignums()) - shown:
            failures[os.path.basename(path)] = f"figures never shown: {sorted(set(plt.get_fignums()) - shown)}"
    except BaseException:
        failures[os.path.basename(path)] = traceback.format_exc(limit=-4)
    finally:
        sys.path.remove(folder)
        plt.close("all")
print(json.dumps(failures))
"""


def test_every_example_runs_as_a_script_from_another_directory(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-c", DRIVER, *map(str, EXAMPLES)],
        cwd=tmp_path,
        env={**os.environ, "MPLBACKEND": "Agg", **QUICK},
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stderr
    failures = json.loads(completed.stdout.strip().splitlines()[-1])
    assert failures == {}, "\n".join(f"{name}: {error}" for name, error in failures.items())


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_is_shown_on_a_page(example):
    """An example no page embeds would be code the site runs but never shows."""
    pages = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    assert f"::: example {example.name}#" in pages
