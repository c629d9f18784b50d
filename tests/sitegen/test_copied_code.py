"""R20: the code a page shows runs when a reader copies it in order.

Helper modules are shown as what they are: a module the page's code imports, with a note
to save it under its name (see ``render.UI_TEXT["helper"]``). So on every page, each
helper the shown code imports must be shown on that page, and the helper's shown cells,
saved as that file, must define every name imported from it. Only the helper cells run.
"""

from __future__ import annotations

import ast
import importlib.util
import re

import pytest

from helpers import ROOT
from sitegen.cells import parse_script
from sitegen.render import Directive

EXAMPLES = ROOT / "examples"
PAGES = sorted(p for p in (ROOT / "docs").glob("*.md"))


def shown_cells(page):
    for line in re.findall(r"^::: example .*$", page.read_text(encoding="utf-8"), re.M):
        directive = Directive.parse(line)
        yield directive.file, parse_script(EXAMPLES / directive.file).cell(directive.cell)


def helper_imports(source: str) -> dict[str, set[str]]:
    """``{helper module: names imported from it}`` for the local ``_*`` modules ``source`` imports."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("_"):
            found.setdefault(node.module, set()).update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("_"):
                    found.setdefault(alias.name, set())
    return {name: names for name, names in found.items() if (EXAMPLES / f"{name}.py").is_file()}


def saved_module(name: str, source: str, tmp_path):
    """What a reader gets by saving the shown helper code as NAME.py and importing it."""
    path = tmp_path / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"copied_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "page", [p for p in PAGES if "::: example" in p.read_text(encoding="utf-8")], ids=lambda p: p.name
)
def test_every_helper_the_shown_code_imports_is_shown_and_defines_the_names(page, tmp_path):
    helpers: dict[str, list[str]] = {}
    for file, cell in shown_cells(page):
        if file.startswith("_"):
            helpers.setdefault(file.removesuffix(".py"), []).append(cell.source)
            continue
        for module, names in helper_imports(cell.source).items():
            assert module in helpers, (
                f"{page.name}: examples/{file}#{cell.name} imports {module}, shown nowhere above it"
            )
            saved = saved_module(module, "\n\n".join(helpers[module]), tmp_path)
            missing = sorted(n for n in names if n != "*" and not hasattr(saved, n))
            assert not missing, f"{page.name}: {module}.py as shown lacks {missing} that examples/{file} imports"


def test_the_check_catches_a_page_that_hides_the_helper(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("::: example aliasing.py#setup\n", encoding="utf-8")
    with pytest.raises(AssertionError, match=r"imports _\w+, shown nowhere above it"):
        test_every_helper_the_shown_code_imports_is_shown_and_defines_the_names(page, tmp_path)
