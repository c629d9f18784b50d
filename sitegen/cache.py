"""Cache keys and stored results: one folder per example under the cache root.

``<root>/<stem>/result.json`` holds what each cell printed and drew, the key it was
made under and the environment that made it; figures and notebooks lie beside it.
A result counts only when its key equals the key computed now, so a page never shows
output from an older script, package set or device, and when the figure text it
translated still has the same translations (see :func:`translations_current`), so that
editing the labels file re-runs only the examples whose figures use the edited text.
"""

from __future__ import annotations

import ast
import hashlib
import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sitegen.cells import imported_names, local_imports
from sitegen.environment import package_versions, predicted_device

RESULT_FILE = "result.json"
# The worker's behaviour shapes every result, so its source is part of every key.
WORKER_SOURCES = ("cache.py", "cells.py", "execute.py", "notebook.py")


@dataclass
class Figure:
    """One figure a cell left open: its file per language, and its matplotlib label.

    A label of the form ``"key=value; key=value"`` names one variant of a figure that a
    page can show with controls (``figures=switch``).
    """

    files: dict[str, str]
    label: str = ""


@dataclass
class CellResult:
    """What one cell produced: printed text and figures."""

    stdout: str
    seconds: float
    figures: list[Figure] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.figures = [f if isinstance(f, Figure) else Figure(**f) for f in self.figures]


@dataclass
class Result:
    """One run of one example."""

    example: str
    key: str
    seconds: float
    environment: dict[str, str]
    cells: dict[str, CellResult]
    # Per language, every figure text the run drew and the translation it used (None: kept).
    figure_text: dict[str, dict[str, str | None]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: dict) -> "Result":
        cells = {name: CellResult(**cell) for name, cell in data.pop("cells").items()}
        return cls(cells=cells, **data)


def cache_key(example: Path, extra_inputs: list[Path]) -> str:
    """Hash of the example, the local modules it imports, the worker, the inputs, versions and device."""
    digest = hashlib.sha256()
    sources = [example, *local_imports(example), *extra_inputs]
    sources += [Path(__file__).parent / name for name in WORKER_SOURCES]
    modules: set[str] = set()
    for path in sources:
        if path.suffix == ".py":
            modules |= imported_names(ast.parse(path.read_text(encoding="utf-8")))
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps(package_versions(modules), sort_keys=True).encode())
    digest.update(predicted_device().encode())
    return digest.hexdigest()[:20]


def translations_current(result: Result, labels: dict[str, dict[str, str]]) -> bool:
    """Whether every figure text of ``result`` would be translated now as it was then."""
    return all(
        labels.get(language, {}).get(text) == used
        for language, texts in result.figure_text.items()
        for text, used in texts.items()
    )


def result_dir(root: Path, example: Path) -> Path:
    return root / example.stem


def load(root: Path, example: Path, key: str) -> Result | None:
    """The stored result for ``example`` if it was made under ``key``, else None."""
    path = result_dir(root, example) / RESULT_FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Result.from_json(data) if data.get("key") == key else None


def store(root: Path, staging: Path, result: Result) -> None:
    """Move a finished run from ``staging`` into place, replacing the previous one whole."""
    (staging / RESULT_FILE).write_text(json.dumps(asdict(result), ensure_ascii=False, indent=1), encoding="utf-8")
    target = result_dir(root, Path(result.example))
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging.rename(target)
