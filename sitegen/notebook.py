"""Notebooks: each page as a notebook in its language, and each example's executed notebook with its HTML view.

All are made from the one run the worker already did; nothing is executed again.

A page's notebook (:class:`PageNotebook`, built while the page is rendered) holds the
page's prose in the page's language as Markdown cells and each embedded cell as a code
cell with its outputs in that language. A helper module's cell becomes
``%%writefile _helper.py`` (``-a`` after the first), so the notebook runs top to bottom
as the page's code does when copied: the example's ``import _helper`` finds the file.

The HTML view comes from mkdocs-jupyter's converter, used as a library: as a MkDocs
plugin it cannot share a build with mkdocs-static-i18n (static-i18n #198) and would
convert every notebook once per language. The converter costs about 2 s to import
and 1 s a notebook, so it runs in a child process (:class:`HtmlRenderer`) that works
while the worker runs the examples, on the machine's other core.
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat

from sitegen.cache import NOTEBOOK_KEY_FILE, RESULT_FILE, Result, notebook_key
from sitegen.cells import Script, parse_script

# The converter's template loads MathJax from a CDN; the site loads nothing from other hosts.
MATHJAX_BLOCKS = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL)
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head>
<body style="max-width: 60rem; margin: 0 auto; padding: 1rem;">
{body}
</body></html>
"""


def build(script: Script, result: Result, figures_dir: Path) -> nbformat.NotebookNode:
    """A notebook whose cells are the example's cells with their recorded outputs."""
    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    book.cells.append(
        nbformat.v4.new_markdown_cell(f"# {script.docstring}" if script.docstring else f"# {script.path.name}")
    )
    for count, cell in enumerate(script.cells, start=1):
        recorded = result.cells[cell.name]
        outputs = []
        if recorded.stdout:
            outputs.append(nbformat.v4.new_output("stream", name="stdout", text=recorded.stdout))
        for figure in recorded.figures:
            png = (figures_dir / next(iter(figure.files.values()))).read_bytes()
            outputs.append(nbformat.v4.new_output("display_data", data={"image/png": base64.b64encode(png).decode()}))
        book.cells.append(nbformat.v4.new_code_cell(cell.source, execution_count=count, outputs=outputs))
    return book


class PageNotebook:
    """A page as a notebook: its prose and its embedded cells, in the order the page has them."""

    def __init__(self) -> None:
        self.book = nbformat.v4.new_notebook()
        self.book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        self.written: set[str] = set()
        self.has_code = False

    def prose(self, markdown: str) -> None:
        if markdown.strip():
            self.book.cells.append(nbformat.v4.new_markdown_cell(markdown.strip("\n")))

    def helper(self, module: str, source: str) -> None:
        magic = "%%writefile -a" if module in self.written else "%%writefile"
        self.written.add(module)
        self.book.cells.append(nbformat.v4.new_code_cell(f"{magic} {module}\n\n{source}\n"))

    def code(self, source: str, stdout: str, figures: list[Path]) -> None:
        outputs = [nbformat.v4.new_output("stream", name="stdout", text=stdout)] if stdout else []
        outputs += [
            nbformat.v4.new_output("display_data", data={"image/png": base64.b64encode(f.read_bytes()).decode()})
            for f in figures
        ]
        count = sum(1 for c in self.book.cells if c.cell_type == "code") + 1
        self.book.cells.append(nbformat.v4.new_code_cell(source, execution_count=count, outputs=outputs))
        self.has_code = True

    def dumps(self) -> str:
        return nbformat.writes(self.book)


def _replace(path: Path, data: str) -> None:
    """Write ``path`` whole or not at all."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(data, encoding="utf-8")
    temporary.replace(path)


def render(example: Path, folder: Path) -> None:
    """Write ``<stem>.ipynb`` and its rendered view ``<stem>.html`` into the result ``folder``.

    ``notebook.key`` is written last, so an interrupted render is redone by the next build.
    """
    from mkdocs_jupyter.convert import nb2html

    (folder / NOTEBOOK_KEY_FILE).unlink(missing_ok=True)
    script = parse_script(example)
    result = Result.from_json(json.loads((folder / RESULT_FILE).read_text(encoding="utf-8")))
    ipynb = folder / f"{example.stem}.ipynb"
    _replace(ipynb, nbformat.writes(build(script, result, folder)))
    body = MATHJAX_BLOCKS.sub("", nb2html(str(ipynb), execute=False, custom_mathjax_url=""))
    _replace(ipynb.with_suffix(".html"), PAGE.format(title=f"{example.name} (notebook)", body=body))
    _replace(folder / NOTEBOOK_KEY_FILE, notebook_key(example, folder))


class HtmlRenderer:
    """A child process that renders the notebook of each ``EXAMPLE<TAB>FOLDER`` line it is sent."""

    def __init__(self, **popen) -> None:
        command = [sys.executable, "-m", "sitegen.notebook"]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, text=True, **popen)

    def submit(self, example: Path, folder: Path) -> None:
        self.process.stdin.write(f"{example}\t{folder}\n")
        self.process.stdin.flush()

    def wait(self) -> None:
        self.process.stdin.close()
        if self.process.wait() != 0:
            raise RuntimeError(f"rendering notebooks failed (status {self.process.returncode})")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()


def main() -> None:
    # Lowest priority: torch's worker threads spin while they wait for each other, so a
    # converter competing for a core slows small ops tenfold; it should use idle time only.
    os.nice(19)
    import mkdocs_jupyter.convert  # noqa: F401  (import now, while the worker imports torch)

    for line in sys.stdin:
        example, folder = line.rstrip("\n").split("\t")
        render(Path(example), Path(folder))


if __name__ == "__main__":
    main()
