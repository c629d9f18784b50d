"""Parse an example script (jupytext percent format) into a header and named cells.

An example looks like::

    \"\"\"Title line.

    What the example shows.
    \"\"\"

    # %% setup
    import torch

    # %% pooling
    ...

Every ``# %% NAME`` line starts a cell called NAME. Pages embed cells by name, so a
name is required and unique within its file.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CELL_MARKER = re.compile(r"^# %%[ \t]*(?P<rest>.*)$")
CELL_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class CellError(ValueError):
    """An example script whose cells cannot be parsed; the message names file and line."""


@dataclass(frozen=True)
class Cell:
    """One cell: its name, its source and the 1-based file line of its first source line."""

    name: str
    source: str
    line: int


@dataclass(frozen=True)
class Script:
    """An example split into the module docstring and its cells, in file order."""

    path: Path
    docstring: str
    cells: tuple[Cell, ...]

    def cell(self, name: str) -> Cell:
        for cell in self.cells:
            if cell.name == name:
                return cell
        known = ", ".join(c.name for c in self.cells)
        raise CellError(f"no cell {name} in examples/{self.path.name} (cells: {known})")


def parse_script(path: Path) -> Script:
    """Read ``path`` and split it into cells; raise :class:`CellError` on a malformed file."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    markers = [(i, m.group("rest").strip()) for i, line in enumerate(lines) if (m := CELL_MARKER.match(line))]
    if not markers:
        raise CellError(f"{path}: no '# %% name' cell markers")
    cells: list[Cell] = []
    for n, (index, rest) in enumerate(markers):
        name = rest.split()[0] if rest else ""
        if not CELL_NAME.match(name):
            raise CellError(f"{path}:{index + 1}: cell marker needs a lower_snake_case name, got {rest!r}")
        if any(c.name == name for c in cells):
            raise CellError(f"{path}:{index + 1}: duplicate cell name {name!r}")
        end = markers[n + 1][0] if n + 1 < len(markers) else len(lines)
        body = lines[index + 1 : end]
        first = next((k for k, line in enumerate(body) if line.strip()), len(body))
        source = "\n".join(body[first:]).rstrip()
        cells.append(Cell(name=name, source=source, line=index + 2 + first))
    try:
        docstring = ast.get_docstring(ast.parse(text)) or ""
        preamble = ast.parse("\n".join(lines[: markers[0][0]])).body
    except SyntaxError as error:
        raise CellError(f"{path}:{error.lineno}: {error.msg}") from error
    code = preamble[1:] if docstring and preamble else preamble
    if code:  # the build runs cells only: code above the first marker would run in a script, not on the page
        raise CellError(f"{path}:{code[0].lineno}: code before the first '# %% name' cell marker; move it into a cell")
    return Script(path=path, docstring=docstring, cells=tuple(cells))


def local_imports(path: Path) -> list[Path]:
    """The modules beside ``path`` that it imports, recursively (project files in its key)."""
    seen: list[Path] = []
    pending = [path]
    while pending:
        for name in imported_names(pending.pop().read_text(encoding="utf-8")):
            candidate = path.parent / f"{name}.py"
            if candidate.is_file() and candidate not in seen and candidate != path:
                seen.append(candidate)
                pending.append(candidate)
    return sorted(seen)


@lru_cache(maxsize=1024)
def imported_names(source: str) -> frozenset[str]:
    """Top-level module names imported anywhere in ``source``.

    Memoised: every cache key parses the worker's modules again, and a warm rebuild
    computes 29 keys (parsing dominated its overhead over a build that runs nothing).
    """
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return frozenset(names)
