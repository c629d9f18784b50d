"""Turn an ``::: example FILE.py#CELL`` line on a page into code, output and figures.

The Markdown written here goes through the page's normal Markdown pipeline: code and
plain output become fenced blocks (so they are highlighted and escaped), figures
become ``<img>`` tags that point at the copies under ``assets/examples/``.

Options after the cell name:

- ``output=markdown``: the cell prints Markdown (a table); it is inserted with HTML escaped.
- ``code=folded``: the code sits in a closed ``???`` block (setup cells).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from mkdocs.utils import get_relative_url

from sitegen.cache import CellResult, Result
from sitegen.cells import Cell

DIRECTIVE = re.compile(
    r"^::: example (?P<file>[\w-]+\.py)#(?P<cell>\w+)(?P<options>(?:[ \t]+\w+=\w+)*)[ \t]*$", re.MULTILINE
)
OPTIONS = {"output": ("text", "markdown"), "code": ("shown", "folded")}
ASSETS = "assets/examples"

# The few words the glue itself writes on a page, per site language.
UI_TEXT = {
    "en": {
        "figure": "Figure {n} of cell {cell} in {file}",
        "not_run": "Not executed: this build ran with SITEGEN_EXECUTE=0, so no output is shown.",
        "provenance": (
            "Computed at build time. The output and figures above come from running "
            "`{file}` with torch {torch} on {device} ({device_name}, {threads} threads), "
            "Python {python}, on {computed_on}, in {seconds:.2f} s. "
            "<a href=\"{ipynb}\" download>Download the notebook (.ipynb)</a> · <a href=\"{html}\">view it rendered</a>"
        ),
    },
    "zh": {
        "figure": "{file} 中单元 {cell} 的第 {n} 张图",
        "not_run": "未执行：本次构建设置了 SITEGEN_EXECUTE=0，因此不显示输出。",
        "provenance": (
            "本页的输出与图均在构建时计算：运行 `{file}`，torch {torch}，设备 {device}"
            "（{device_name}，{threads} 线程），Python {python}，{computed_on}，用时 {seconds:.2f} 秒。"
            "<a href=\"{ipynb}\" download>下载 notebook（.ipynb）</a> · <a href=\"{html}\">查看渲染后的 notebook</a>"
        ),
    },
}


@dataclass(frozen=True)
class Directive:
    """One parsed ``::: example`` line."""

    file: str
    cell: str
    output: str
    code: str

    @classmethod
    def parse(cls, match: re.Match[str]) -> "Directive":
        options = dict(item.split("=") for item in match.group("options").split())
        for name, value in options.items():
            if value not in OPTIONS.get(name, ()):
                raise ValueError(f"unknown option {name}={value} (allowed: {OPTIONS})")
        return cls(match.group("file"), match.group("cell"), options.get("output", "text"), options.get("code", "shown"))

    @property
    def stem(self) -> str:
        return self.file.removesuffix(".py")


def fence(body: str, info: str) -> str:
    """A fenced block whose fence is longer than any backtick run inside ``body``."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{info}\n{body}\n{ticks}"


def code_block(directive: Directive, cell: Cell) -> str:
    block = fence(cell.source, f'python title="examples/{directive.file}" linenums="{cell.line}"')
    if directive.code == "folded":
        indented = "\n".join("    " + line if line else "" for line in block.splitlines())
        return f'??? example "examples/{directive.file}#{cell.name}"\n\n{indented}'
    return block


def output_block(directive: Directive, recorded: CellResult, page_url: str, language: str) -> str:
    parts = []
    if recorded.stdout.strip():
        text = recorded.stdout.rstrip("\n")
        parts.append(html.escape(text, quote=False) if directive.output == "markdown" else fence(text, "text"))
    for n, files in enumerate(recorded.figures, start=1):
        src = get_relative_url(f"{ASSETS}/{directive.stem}/{files[language]}", page_url)
        alt = UI_TEXT[language]["figure"].format(n=n, cell=directive.cell, file=directive.file)
        parts.append(f'<figure class="example-figure"><img src="{src}" alt="{html.escape(alt)}"></figure>')
    return "\n\n".join(parts)


def embed(directive: Directive, cell: Cell, result: Result | None, page_url: str, language: str) -> str:
    """The Markdown for one directive: code, then output and figures (or a not-run notice)."""
    code = code_block(directive, cell)
    if result is None:
        return f"{code}\n\n!!! warning\n    {UI_TEXT[language]['not_run']}\n"
    return f"{code}\n\n{output_block(directive, result.cells[cell.name], page_url, language)}\n"


def provenance(result: Result, page_url: str, language: str) -> str:
    """The note under a page that names the example, torch version, device and notebook."""
    stem = result.example.rsplit("/", 1)[-1].removesuffix(".py")
    link = lambda ext: get_relative_url(f"{ASSETS}/{stem}/{stem}.{ext}", page_url)  # noqa: E731
    text = UI_TEXT[language]["provenance"].format(
        file=result.example, seconds=result.seconds, ipynb=link("ipynb"), html=link("html"), **result.environment
    )
    return f'<div class="example-provenance" markdown>\n\n{text}\n\n</div>'
