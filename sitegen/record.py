"""Recorded runs on an accelerator: make them on a GPU machine, and read them at build time.

The hosted site is built on a CPU, yet speed, determinism and dtype support differ on CUDA.
So the examples are run once on a GPU machine and what they printed is kept in the
repository (:data:`RECORD_FILE`), with its provenance; pages show it beside this build's
output (see :func:`sitegen.render.recorded_tabs`).

Making a record, on the GPU machine, from the project root::

    python -m sitegen.record --out OUT_DIR

runs every example, each in its own process (a CUDA device-side assert poisons the whole
process, so one failure must not end the others), through the worker's own cell runner.
It writes ``OUT_DIR/gpu-record.tar.gz``: the record (provenance; per example its source
hash, whether it ran, the cell that failed if not; for the examples in :data:`RECORDED`
each cell's printed output), ``nvidia-smi`` output and each example's log.
Copy ``cuda.json`` from the archive to :data:`RECORD_FILE`. To re-run only some examples,
name them and pass ``--update examples/recorded/cuda.json``: the other entries are kept.

A record is current for an example while the example's source hash (the example and the
local modules it imports) is unchanged. A stale record is still shown, marked as made by
an earlier version of the example; failing the build instead would stop every CPU-only
machine, which cannot make a new record, from editing those examples.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import hashlib
import json
import os
import platform
import subprocess
import sys
import tarfile
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.cells import local_imports, parse_script

ROOT = Path(__file__).resolve().parent.parent
RECORD_FILE = ROOT / "examples" / "recorded" / "cuda.json"
# Only where the device changes what a page says: support and dtypes, gradients and
# determinism, performance. Every other example is run too, and only its status kept.
RECORDED = ("interpolate_support.py", "interpolate_dtypes.py", "interpolate_gradients.py", "performance.py")
# Timings must not share the GPU with other examples, so these run alone, after the rest.
RUN_ALONE = ("performance.py",)
TIME_LIMIT_S = 300


@dataclass
class ExampleRecord:
    """One example's run on the recording machine."""

    source: str
    status: str  # "ok" or "failed"
    seconds: float
    error: str = ""
    cells: dict[str, str] = field(default_factory=dict)


@dataclass
class Record:
    """A whole recorded run: where it was made, and each example's outcome."""

    provenance: dict[str, str]
    examples: dict[str, ExampleRecord]

    @classmethod
    def from_json(cls, data: dict) -> "Record":
        return cls(data["provenance"], {k: ExampleRecord(**v) for k, v in data["examples"].items()})

    def is_current(self, example: Path) -> bool:
        entry = self.examples.get(example.name)
        return entry is not None and entry.source == source_hash(example)


def source_hash(example: Path) -> str:
    """Hash of an example and the local modules it imports: what a record is valid for."""
    digest = hashlib.sha256()
    for path in [example, *local_imports(example)]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def load(path: Path = RECORD_FILE) -> Record | None:
    """The committed record, or None when the project has none."""
    if not path.is_file():
        return None
    try:
        return Record.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path.relative_to(ROOT)}: not a valid record ({error})") from error


def run_one(example: Path) -> dict:
    """Run one example in this process, as the build's worker would; its cells' output."""
    from sitegen import execute  # imports matplotlib and, through the example, torch

    record = {"source": source_hash(example), "cells": {}}
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as staging:
            execute.reset_state()
            cells = execute.run_example(parse_script(example), Path(staging), {}, ["en"], {})
        record.update(status="ok", cells={name: cell.stdout for name, cell in cells.items()})
    except execute.ExampleError as error:
        record.update(status="failed", error=str(error))
    record["seconds"] = round(time.perf_counter() - started, 3)
    return record


def run_in_child(example: Path, logs: Path) -> ExampleRecord:
    """Run ``example`` in a fresh interpreter with a time limit; a crash is a failure too."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "record.json"
        command = [sys.executable, "-m", "sitegen.record", "--one", str(example), "--json", str(out)]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
        started = time.perf_counter()
        with open(logs / f"{example.stem}.log", "w", encoding="utf-8") as log:
            try:
                completed = subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                           timeout=TIME_LIMIT_S, check=False)  # fmt: skip
                failure = "" if out.is_file() else f"the process exited with status {completed.returncode}"
            except subprocess.TimeoutExpired:
                failure = f"no result within {TIME_LIMIT_S} s"
        seconds = round(time.perf_counter() - started, 3)
        if failure:
            return ExampleRecord(source_hash(example), "failed", seconds, f"{example.name}: {failure}")
        data = json.loads(out.read_text(encoding="utf-8"))
    keep = data["cells"] if example.name in RECORDED else {}
    return ExampleRecord(data["source"], data["status"], data["seconds"], data.get("error", ""), keep)


def gpu_description() -> dict[str, str]:
    """What the recording ran on, from nvidia-smi and torch."""
    import torch

    query = ["nvidia-smi", "--query-gpu=name,driver_version,memory.total", "--format=csv,noheader"]
    try:
        name, driver, memory = (s.strip() for s in subprocess.run(query, capture_output=True, text=True).stdout.splitlines()[0].split(","))
    except (OSError, IndexError, ValueError):
        name = torch.cuda.get_device_name() if torch.cuda.is_available() else "no GPU"
        driver = memory = "unknown"
    return {
        "device": "cuda" if torch.cuda.is_available() else "cpu",
        "gpu": name,
        "driver": driver,
        "gpu_memory": memory,
        "torch": torch.__version__,
        "cuda": str(torch.version.cuda),
        "python": platform.python_version(),
        "cpu_cores": str(os.cpu_count()),
        "recorded_on": datetime.date.today().isoformat(),
    }


def merged(earlier: Record, later: Record) -> Record:
    """``earlier`` with the examples that ``later`` re-ran replaced; both must come from the same setup."""
    setup = lambda run: {k: v for k, v in run.provenance.items() if k != "recorded_on"}  # noqa: E731
    if setup(earlier) != setup(later):
        raise SystemExit(f"sitegen.record: cannot update a record made on {setup(earlier)} with a run on {setup(later)}")
    return Record(later.provenance, dict(sorted({**earlier.examples, **later.examples}.items())))


def record_all(out_dir: Path, examples: list[Path], workers: int, update: Record | None = None) -> Record:
    """Run every example (the timing ones alone, last) and pack the record with its logs.

    ``out_dir`` receives only ``cuda.json`` and the archive: the device tool brings back few files.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    logs = Path(tempfile.mkdtemp(prefix="record-logs-"))
    shared = [e for e in examples if e.name not in RUN_ALONE]
    alone = [e for e in examples if e.name in RUN_ALONE]
    results: dict[str, ExampleRecord] = {}
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for example, entry in zip(shared, pool.map(lambda e: run_in_child(e, logs), shared)):
            results[example.name] = entry
            print(f"{example.name}: {entry.status} in {entry.seconds:.1f} s {entry.error}", flush=True)
    for example in alone:
        results[example.name] = entry = run_in_child(example, logs)
        print(f"{example.name}: {entry.status} in {entry.seconds:.1f} s {entry.error}", flush=True)
    record = Record(gpu_description(), dict(sorted(results.items())))
    if update is not None:
        record = merged(update, record)
    (out_dir / "cuda.json").write_text(json.dumps(record, default=vars, ensure_ascii=False, indent=1), encoding="utf-8")
    smi = subprocess.run(["nvidia-smi"], capture_output=True, text=True, check=False) if _has("nvidia-smi") else None
    (logs / "nvidia-smi.txt").write_text(smi.stdout if smi else "nvidia-smi not found\n", encoding="utf-8")
    with tarfile.open(out_dir / "gpu-record.tar.gz", "w:gz") as archive:
        archive.add(out_dir / "cuda.json", "cuda.json")
        archive.add(logs, "logs")
    shutil.rmtree(logs)
    return record


def _has(program: str) -> bool:
    return any((Path(d) / program).is_file() for d in os.environ.get("PATH", "").split(os.pathsep))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder for cuda.json, logs/ and gpu-record.tar.gz")
    parser.add_argument("--update", type=Path, help="a record to keep, with the examples run now replaced")
    parser.add_argument("--workers", type=int, default=4, help="examples run at once (timing ones run alone)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("examples", nargs="*", type=Path, help="default: every example")
    args = parser.parse_args(argv)
    if args.one:
        args.json.write_text(json.dumps(run_one(args.one.resolve()), ensure_ascii=False), encoding="utf-8")
        return 0
    if args.out is None:
        parser.error("--out is required")
    examples = [p.resolve() for p in args.examples] or sorted((ROOT / "examples").glob("[!_]*.py"))
    record = record_all(args.out, examples, args.workers, load(args.update) if args.update else None)
    failed = [name for name, entry in record.examples.items() if entry.status != "ok"]
    print(f"{len(record.examples) - len(failed)} of {len(record.examples)} examples ran on {record.provenance['gpu']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
