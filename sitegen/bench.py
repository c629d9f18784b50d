"""Build-time benchmark: prints how long each kind of build takes, against the targets.

Run with ``make bench``. It works on a scratch copy of the project (its own cache), so
your checkout and its cache are untouched. It is a report, not a test: timings depend
on the machine, so nothing here fails a build.

Targets (from the foundation issue):
- warm rebuild, nothing changed   <= 1.3 x the build with execution off
- rebuild after a prose-only edit <= 1.3 x the build with execution off
- cold build                      <= the build with execution off + 1.2 x the examples' summed bare run times
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("docs", "examples", "sitegen", "mkdocs.yml")


def timed(command: list[str], cwd: Path, **env: str) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - started


def build(project: Path, **env: str) -> float:
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")], project, **env)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in COPIED:
            copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
            copy(ROOT / name, project / name)
        examples = sorted(p for p in (project / "examples").glob("*.py") if not p.name.startswith("_"))

        bare = {p.name: timed([sys.executable, str(p)], project, MPLBACKEND="Agg") for p in examples}
        no_exec = min(build(project, SITEGEN_EXECUTE="0") for _ in range(2))
        cold = build(project)
        warm = min(build(project) for _ in range(2))
        page = project / "docs" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence of prose.\n", encoding="utf-8")
        prose = build(project)

    summed = sum(bare.values())
    rows = [
        ("build with execution off", no_exec, ""),
        ("cold build (empty cache)", cold, f"target <= {no_exec + 1.2 * summed:.2f} s (off + 1.2 x bare sum)"),
        ("warm rebuild, nothing changed", warm, f"{warm / no_exec:.2f} x off, target <= 1.30 x"),
        ("rebuild after a prose-only edit", prose, f"{prose / no_exec:.2f} x off, target <= 1.30 x"),
        ("examples run bare, summed", summed, ", ".join(f"{k} {v:.2f} s" for k, v in bare.items())),
    ]
    print(f"Build benchmark on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for name, seconds, note in rows:
        print(f"  {name:34s} {seconds:6.2f} s   {note}")


if __name__ == "__main__":
    main()
