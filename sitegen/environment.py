"""Describe what an example's results depend on outside its own source, without importing torch.

The cache key must be cheap to compute: a warm rebuild should cost about as much as a
build that runs nothing, and ``import torch`` alone takes over a second. So versions
come from package metadata and the device is predicted from the torch build and the
driver's files. The worker records the device torch really used; the page shows that.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import platform
import re
from functools import cache, lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _distributions_by_module() -> dict[str, list[str]]:
    return importlib.metadata.packages_distributions()


def package_versions(modules: set[str]) -> dict[str, str]:
    """Installed versions of the distributions that provide ``modules``."""
    wanted: set[str] = set()
    for module in modules:
        wanted.update(_distributions_by_module().get(module, []))
    versions = {"python": platform.python_version()}
    for name in sorted(wanted):
        if version := _version(name):
            versions[name] = version
    return versions


@cache
def _version(distribution: str) -> str | None:
    """Memoised like the module map above: a process sees one set of installed packages."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def cpu_model() -> str:
    """The CPU's marketing name, as the kernel reports it."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _torch_has_cuda() -> bool:
    spec = importlib.util.find_spec("torch")
    if spec is None or spec.origin is None:
        return False
    version_file = Path(spec.origin).parent / "version.py"
    match = re.search(r"^cuda\b[^=]*=\s*(.+)$", version_file.read_text(encoding="utf-8"), re.MULTILINE)
    return bool(match) and match.group(1).strip() != "None"


def _nvidia_gpus() -> list[str]:
    if os.environ.get("CUDA_VISIBLE_DEVICES", None) == "":
        return []
    names = []
    for info in sorted(Path("/proc/driver/nvidia/gpus").glob("*/information")):
        for line in info.read_text(errors="replace").splitlines():
            if line.startswith("Model:"):
                names.append(line.split(":", 1)[1].strip())
    return names


def predicted_device() -> str:
    """'cuda: <GPU names>' when torch will find a GPU, else 'cpu: <model> x <cores>'."""
    gpus = _nvidia_gpus() if _torch_has_cuda() else []
    if gpus:
        return "cuda: " + ", ".join(gpus)
    return f"cpu: {cpu_model()} x {os.cpu_count()}"
