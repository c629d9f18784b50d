"""Cache keys and stored results: one folder per example under the cache root.

``<root>/<stem>/result.json`` holds what each cell printed and drew, the key it was
made under and the environment that made it; figures lie beside it, and the notebook
files (``<stem>.ipynb``, ``<stem>.html``) with their own key in ``notebook.key``.
Execution and notebook rendering are keyed separately: editing the notebook template
re-renders notebooks but runs no example.

A result counts only when its key equals the key computed now, so a page never shows
output from an older script, package set, device or language list, and when the figure
text it translated still has the same translations (see :func:`translations_current`), so
that editing the translations file re-runs only the examples whose figures use the edited text.

Storage is crash-safe: a run is written into a ``.staging-*`` folder and renamed into
place as soon as its example finishes (:func:`store`), ``result.json`` last; a folder
whose ``result.json`` does not parse or whose figure files are missing is reported and
re-run (:func:`load`). :func:`locked` serialises builds that share one cache.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sitegen.cells import imported_names, local_imports
from sitegen.environment import package_versions, predicted_device
from sitegen.translate import Translations

RESULT_FILE = "result.json"
NOTEBOOK_KEY_FILE = "notebook.key"
LOCK_FILE = ".lock"
STAGING_PREFIX = ".staging-"
# The worker's behaviour shapes every result, so its source is part of every execution key.
WORKER_SOURCES = ("cache.py", "cells.py", "environment.py", "execute.py", "translate.py")
NOTEBOOK_SOURCES = ("notebook.py",)


class CacheDamaged(Exception):
    """A stored result that cannot be used: unreadable, or files it lists are missing."""


@dataclass
class Figure:
    """One figure a cell left open: its file and title per language, and its matplotlib label.

    A label of the form ``"key=value; key=value"`` names one variant of a figure that a
    page can show with controls (``figures=switch``). The title (the suptitle, else the axes'
    titles) is the image's alt text.
    """

    files: dict[str, str]
    label: str = ""
    titles: dict[str, str] = field(default_factory=dict)


@dataclass
class CellResult:
    """What one cell produced: printed text and figures."""

    stdout: str
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
    def from_json(cls, data: dict) -> Result:
        cells = {name: CellResult(**cell) for name, cell in data.pop("cells").items()}
        return cls(cells=cells, **data)

    def files(self) -> set[str]:
        return {name for cell in self.cells.values() for f in cell.figures for name in f.files.values()}


def _digest(paths: list[Path], *extra: object) -> str:
    digest = hashlib.sha256()
    modules: set[str] = set()
    for path in paths:
        if path.suffix == ".py":
            modules |= imported_names(path.read_text(encoding="utf-8"))
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(json.dumps([package_versions(modules), *extra], sort_keys=True).encode())
    return digest.hexdigest()[:20]


def cache_key(example: Path, languages: list[str]) -> str:
    """Hash of the example, its local modules, the worker, package versions, device and languages."""
    sources = [example, *local_imports(example), *(Path(__file__).parent / name for name in WORKER_SOURCES)]
    return _digest(sources, predicted_device(), languages)


def notebook_key(example: Path, root: Path) -> str:
    """Hash of what the notebook files are made from: the stored result, the script and the template."""
    return _digest([example, root / RESULT_FILE, *(Path(__file__).parent / n for n in NOTEBOOK_SOURCES)])


def notebook_current(folder: Path, example: Path) -> bool:
    """Whether ``folder`` holds both notebook files, made from its current result."""
    key_file = folder / NOTEBOOK_KEY_FILE
    files = [folder / f"{example.stem}.{ext}" for ext in ("ipynb", "html")]
    return all(f.is_file() for f in [key_file, *files]) and key_file.read_text(encoding="utf-8") == notebook_key(
        example, folder
    )


def translations_current(result: Result, translations: Translations) -> bool:
    """Whether every figure text of ``result`` would be translated now as it was then."""
    return all(
        translations.translate_or_none(text, language) == used
        for language, texts in result.figure_text.items()
        for text, used in texts.items()
    )


def result_dir(root: Path, example: Path) -> Path:
    return root / example.stem


def load(root: Path, example: Path, key: str) -> Result | None:
    """The stored result for ``example`` if it was made under ``key``, else None.

    Raises :class:`CacheDamaged` when the folder exists but cannot be used.
    """
    folder = result_dir(root, example)
    path = folder / RESULT_FILE
    if not path.is_file():
        if folder.exists():
            raise CacheDamaged(f"{folder.name}/{RESULT_FILE} is missing")
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        result = Result.from_json(data)
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise CacheDamaged(f"{folder.name}/{RESULT_FILE} is unreadable ({type(error).__name__}: {error})") from error
    missing = sorted(name for name in result.files() if not (folder / name).is_file())
    if missing:
        raise CacheDamaged(f"{folder.name}/ lacks {', '.join(missing)}")
    return result


def staging_dir(root: Path, name: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    path = root / f"{STAGING_PREFIX}{name}-{os.getpid()}"
    if path.exists():
        shutil.rmtree(path)
    path.mkdir()
    return path


def store(root: Path, staging: Path, result: Result) -> None:
    """Move a finished run from ``staging`` into place, replacing the previous one whole.

    ``result.json`` is written last and the folder is swapped by renames, so a crash at
    any point leaves either the old result, the new one, or no folder (a cache miss).
    """
    temporary = staging / (RESULT_FILE + ".tmp")
    temporary.write_text(json.dumps(asdict(result), ensure_ascii=False, indent=1), encoding="utf-8")
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    temporary.rename(staging / RESULT_FILE)
    target = result_dir(root, Path(result.example))
    old = root / f"{STAGING_PREFIX}old-{target.name}-{os.getpid()}"
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def remove_staging(root: Path) -> list[str]:
    """Delete staging folders that crashed or interrupted runs left behind (hold the lock)."""
    removed = []
    for path in sorted(root.glob(STAGING_PREFIX + "*")) if root.is_dir() else []:
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
        removed.append(path.name)
    return removed


@contextlib.contextmanager
def locked(root: Path, shared: bool = False, on_wait=None) -> Iterator[None]:
    """Hold the cache's lock: exclusive while writing, shared while copying results out."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK_FILE, "a+") as handle:
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(handle, mode)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
