"""Turn an ``::: example FILE.py#CELL`` line on a page into code, output and figures.

The Markdown written here goes through the page's normal Markdown pipeline: code and
plain output become fenced blocks (so they are highlighted and escaped), figures
become ``<img>`` tags that point at the copies under ``assets/examples/``.

A line that looks like an embed (``:::`` then ``example``) must parse in full, with each
option at most once; otherwise the build fails naming the page's file and line.

Options after the cell name (each also takes its default, ``output=text``, ``code=shown``,
``figures=all``, the same as leaving it out):

- ``output=markdown``: the cell prints Markdown (a table). It is rendered to HTML here,
  not by the page's pipeline, because the page's extensions would give printed text
  powers a reader's code should not have: ``attr_list`` turns ``{: onmouseover=... }``
  into an attribute and links accept any scheme (``javascript:``). The renderer here
  knows Python-Markdown's core (emphasis, code spans, headings, lists, rules, code blocks)
  and tables, and a line that ends in two spaces still breaks (``<br />``): the printed
  text is HTML-escaped first, and links, images, raw HTML, entities and attribute lists are
  not Markdown to it, so what the output can create is a fixed set of plain tags (the one
  attribute is a table column's alignment, ``style="text-align: left|center|right;"``).
  We chose this over sanitizing the page with a
  library (nh3): no new dependency, and nothing to get right about which tags and
  attributes the rest of the page may keep. The HTML block goes into the page as is.
- ``code=folded``: the code sits in a closed ``???`` block (setup cells).
- ``figures=switch``: the cell's figures are variants labelled ``"key=value; ..."``; the page
  shows one at a time with a drop-down per key (``assets/example-switch.js`` swaps the
  image; every variant was computed at build time).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

import markdown
from mkdocs.utils import get_relative_url

from sitegen.cache import CellResult, Figure, Result
from sitegen.cells import Cell
from sitegen.record import ExampleRecord
from sitegen.translate import Translations, translate_output

DIRECTIVE = re.compile(
    r"^::: example (?P<file>[\w-]+\.py)#(?P<cell>\w+)(?P<options>(?:[ \t]+\w+=\w+)*)[ \t]*$", re.MULTILINE
)
# Anything a writer may have meant as an embed; it must then match DIRECTIVE.
LOOKS_LIKE_DIRECTIVE = re.compile(r"^[ \t]*:::[ \t]*example\b.*$", re.MULTILINE)
SYNTAX = "::: example FILE.py#CELL [option=value ...]"
OPTIONS = {"output": ("text", "markdown"), "code": ("shown", "folded"), "figures": ("all", "switch")}
ASSETS = "assets/examples"
# Python-Markdown's inline patterns that make links, images or raw HTML.
INERT = ("reference", "link", "image_link", "image_reference", "short_reference", "short_image_ref",
         "autolink", "automail", "html", "entity")  # fmt: skip

# The page whose "Conventions" section states the domain of every rule; pages with examples link it.
CONVENTIONS_PAGE = "glossary.md"

# The few words the glue itself writes on a page, per site language.
UI_TEXT = {
    "en": {
        "figure": "Figure {n} of cell {cell} in {file}",
        "untranslated": "This output is not translated yet.",
        "not_run": "Not executed: this build ran with SITEGEN_EXECUTE=0, so no output is shown.",
        "missing": "torch does not support this combination (see the printed output above).",
        "this_build": "This build ({device}, torch {torch})",
        "recorded": "Recorded on {gpu} (torch {torch})",
        "stale": "`{file}` has changed since this record was made: this tab shows what an earlier version printed and is not current.",
        "record_provenance": (
            "The “Recorded on {gpu}” tabs come from a run of `{file}` on {gpu} (driver {driver}, {gpu_memory}) "
            "with torch {torch}, CUDA {cuda}, Python {python}, on {recorded_on}, made with `python -m sitegen.record`."
        ),
        "other_torch": " The recorded torch differs from this build's ({build_torch}).",
        "helper": (
            "This is the module `{module}` (`examples/{module}`). To run this page's code yourself, "
            "save it under that name beside your script: the code below imports it."
        ),
        "provenance": (
            "Computed at build time. The output and figures above come from running "
            "`{file}` with torch {torch} on {device} ({device_name}, {threads} threads), "
            "Python {python}, on {computed_on}, in {seconds:.2f} s."
        ),
        "conventions": (
            "Unless a sentence says otherwise, the rules on this page hold within the site's "
            "[conventions](glossary.md#conventions): for finite values, on axes shorter than 2²³ samples, for "
            "tensors with elements that are not quantized (a `channels_last` one dense in that order), in eager mode "
            "and for factors that are Python floats; “equal” and “bit for bit” mean `torch.equal`, which is false "
            "wherever a NaN is present and does not tell −0.0 from +0.0."
        ),
        "downloads": "Download",
        "page_notebook": '<a href="{ipynb}" download>this page as a notebook (.ipynb)</a>',
        "script": '<a href="{py}" download>the script (.py)</a>',
        "rendered": '<a href="{html}">its notebook without the prose, rendered</a>',
    },
    "zh": {
        "figure": "{file} 中单元格 {cell} 的第 {n} 张图",
        "untranslated": "这段输出尚未翻译，暂以英文显示。",
        "not_run": "未执行：本次构建设置了 SITEGEN_EXECUTE=0，因此不显示输出。",
        "missing": "torch 不支持这个组合（见上方打印的输出）。",
        "this_build": "本次构建（{device}，torch {torch}）",
        "recorded": "在 {gpu} 上的记录（torch {torch}）",
        "stale": "记录之后 `{file}` 已经改动：此标签页原样显示旧版本打印的（英文）输出，不代表当前代码的结果。",
        "record_provenance": (
            "“在 {gpu} 上的记录”标签页来自在 {gpu}（驱动 {driver}，显存 {gpu_memory}）上运行 `{file}` 的结果："
            "torch {torch}，CUDA {cuda}，Python {python}，记录于 {recorded_on}，由 `python -m sitegen.record` 生成。"
        ),
        "other_torch": "记录所用的 torch 版本与本次构建（{build_torch}）不同。",
        "helper": "这是模块 `{module}`（`examples/{module}`）。想自己运行本页代码，请把它以这个文件名存到你的脚本旁边：下面的代码会导入它。",
        "provenance": (
            "本页的输出与图均在构建时计算：运行 `{file}`，torch {torch}，设备 {device}"
            "（{device_name}，{threads} 线程），Python {python}，{computed_on}，用时 {seconds:.2f} 秒。"
        ),
        "conventions": (
            "除非句子另有说明，本页的规则都在本站的[约定](glossary.md#conventions)范围内成立：数值有限，"
            "轴长小于 2²³ 个采样点，张量含有元素且不是量化张量（`channels_last` 张量按这种顺序连续存放），"
            "eager 模式，缩放因子是 Python 浮点数；“相等”和“逐位相同”指 `torch.equal` 意义下相等：只要有 NaN 它就返回 "
            "False，而且它不区分 −0.0 和 +0.0。"
        ),
        "downloads": "下载",
        "page_notebook": '<a href="{ipynb}" download>本页的 notebook（.ipynb，含中文正文）</a>',
        "script": '<a href="{py}" download>脚本（.py）</a>',
        "rendered": '<a href="{html}">查看只含代码的 notebook（英文）</a>',
    },
}


@dataclass(frozen=True)
class Directive:
    """One parsed ``::: example`` line."""

    file: str
    cell: str
    output: str = "text"
    code: str = "shown"
    figures: str = "all"

    @classmethod
    def parse(cls, line: str) -> Directive:
        """Parse one ``::: example`` line; raise ValueError saying what is wrong with it."""
        match = DIRECTIVE.match(line.rstrip("\n"))
        if match is None:
            raise ValueError(f"malformed embed, expected {SYNTAX}")
        options: dict[str, str] = {}
        for item in match.group("options").split():
            name, value = item.split("=")
            if name in options:
                raise ValueError(f"option {name} given twice")
            if value not in OPTIONS.get(name, ()):
                allowed = "; ".join(f"{k}={'|'.join(v)}" for k, v in OPTIONS.items())
                raise ValueError(f"unknown option {name}={value} (allowed: {allowed})")
            options[name] = value
        return cls(match.group("file"), match.group("cell"), **options)

    @property
    def stem(self) -> str:
        return self.file.removesuffix(".py")


def fence(body: str, info: str) -> str:
    """A fenced block whose fence is longer than any backtick run inside ``body``."""
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{info}\n{body}\n{ticks}"


def code_block(directive: Directive, cell: Cell, language: str | None = None) -> str:
    """The cell's code; with ``language``, it is a helper module's and says how to import it."""
    block = fence(cell.source, f'python title="examples/{directive.file}" linenums="{cell.line}"')
    if language:
        block = UI_TEXT[language]["helper"].format(module=directive.file) + "\n\n" + block
    if directive.code == "folded":
        indented = "\n".join("    " + line if line else "" for line in block.splitlines())
        return f'??? example "examples/{directive.file}#{cell.name}"\n\n{indented}'
    return block


def is_pending(directive: Directive, language: str, translations: Translations) -> bool:
    """Whether the cell's output is shown untranslated in ``language`` (its example is listed as pending)."""
    return directive.file in translations.pending and language in translations.tables


def printed_text(directive: Directive, stdout: str, language: str, translations: Translations) -> str:
    """What a cell printed, in ``language``; raises :class:`sitegen.translate.Untranslated`."""
    text = stdout.rstrip("\n")
    if is_pending(directive, language, translations):
        return text
    return translate_output(translations, text, language, directive.output == "markdown")


def printed(directive: Directive, stdout: str, language: str, translations: Translations) -> list[str]:
    """What a cell printed, in ``language``, as a fenced block or (``output=markdown``) escaped Markdown."""
    if not stdout.strip():
        return []
    text = printed_text(directive, stdout, language, translations)
    notice = (
        [f"!!! note\n    {UI_TEXT[language]['untranslated']}"] if is_pending(directive, language, translations) else []
    )
    return [*notice, markdown_output(text) if directive.output == "markdown" else fence(text, "text")]


def output_block(
    directive: Directive, recorded: CellResult, page_url: str, language: str, translations: Translations
) -> str:
    parts = printed(directive, recorded.stdout, language, translations)
    urls = [get_relative_url(f"{ASSETS}/{directive.stem}/{f.files[language]}", page_url) for f in recorded.figures]
    alts = [
        f.titles.get(language) or UI_TEXT[language]["figure"].format(n=n, cell=directive.cell, file=directive.file)
        for n, f in enumerate(recorded.figures, start=1)
    ]
    if directive.figures == "switch" and recorded.figures:
        parts.append(switch(recorded.figures, urls, alts, language))
    else:
        parts += [
            f'<figure class="example-figure"><img src="{u}" alt="{html.escape(a)}"></figure>'
            for u, a in zip(urls, alts)
        ]
    return "\n\n".join(parts)


def markdown_output(text: str) -> str:
    """Printed Markdown (tables and the core's emphasis, code spans, headings, lists, rules, code blocks, line breaks)
    as inert HTML; see the module docstring."""
    renderer = markdown.Markdown(extensions=["tables"])
    for name in INERT:
        renderer.inlinePatterns.deregister(name, strict=False)
    renderer.preprocessors.deregister("html_block", strict=False)
    body = renderer.convert(html.escape(text, quote=False))
    return f'<div class="example-output">\n{body}\n</div>'


def variant(figure: Figure) -> dict[str, str]:
    """``"mode=bilinear; scale=2"`` -> ``{"mode": "bilinear", "scale": "2"}``."""
    pairs = [item.split("=", 1) for item in figure.label.split(";") if item.strip()]
    if not pairs or any(len(pair) != 2 for pair in pairs):
        raise ValueError(f"figures=switch needs figure labels like 'key=value; key=value', got {figure.label!r}")
    return {key.strip(): value.strip() for key, value in pairs}


def switch(figures: list[Figure], urls: list[str], alts: list[str], language: str) -> str:
    """One image plus a drop-down per label key; the script swaps in the chosen variant's file and alt text."""
    variants = [variant(f) for f in figures]
    keys = list(variants[0])
    choices = {key: list(dict.fromkeys(v[key] for v in variants)) for key in keys}
    table = {"|".join(v[key] for key in keys): [url, alt] for v, url, alt in zip(variants, urls, alts)}
    alt = alts[0]
    selects = "".join(
        f'<label>{html.escape(key)} <select data-key="{html.escape(key)}">'
        + "".join(f"<option>{html.escape(value)}</option>" for value in values)
        + "</select></label>"
        for key, values in choices.items()
    )
    return (
        f'<div class="example-switch" data-variants="{html.escape(json.dumps(table))}">'
        f'<div class="example-switch__controls">{selects}</div>'
        f'<figure class="example-figure"><img class="example-switch__image" src="{urls[0]}" alt="{html.escape(alt)}"></figure>'
        f'<p class="example-switch__missing" hidden>{html.escape(UI_TEXT[language]["missing"])}</p></div>'
    )


def embed(
    directive: Directive,
    cell: Cell,
    result: Result | None,
    page_url: str,
    language: str,
    translations: Translations,
    recorded: Recorded | None = None,
) -> str:
    """The Markdown for one directive: code, then output and figures (or a not-run notice).

    With a recorded GPU run of the cell, the output sits in two tabs: this build's and the record's.
    """
    code = code_block(directive, cell)
    if result is None:
        return f"{code}\n\n!!! warning\n    {UI_TEXT[language]['not_run']}\n"
    output = output_block(directive, result.cells[cell.name], page_url, language, translations)
    if recorded is not None and recorded.entry.cells.get(cell.name, "").strip():
        output = recorded_tabs(directive, output, recorded, result.environment, language, translations)
    return f"{code}\n\n{output}\n"


@dataclass(frozen=True)
class Recorded:
    """One example's entry in the recorded GPU run, with the run's provenance."""

    entry: ExampleRecord
    provenance: dict[str, str]
    current: bool


def tab(title: str, body: str) -> str:
    indented = "\n".join("    " + line if line.strip() else "" for line in body.splitlines())
    return f'=== "{title}"\n\n{indented}\n'


def recorded_tabs(
    directive: Directive, output: str, recorded: Recorded, environment: dict, language: str, translations: Translations
) -> str:
    """This build's output beside the recorded run's; a stale record says that it is not current."""
    text = UI_TEXT[language]
    # A stale record is what an earlier version printed, shown as it was: its phrases need not
    # be in today's translations (the tab says that it is not current).
    shown_in = translations if recorded.current else Translations()
    body = "\n\n".join(printed(directive, recorded.entry.cells[directive.cell], language, shown_in))
    if not recorded.current:
        body = f"!!! warning\n    {text['stale'].format(file=f'examples/{directive.file}')}\n\n{body}"
    return "\n".join([
        tab(text["this_build"].format(**environment), output),
        tab(text["recorded"].format(**recorded.provenance), body),
    ])  # fmt: skip


def record_provenance(recorded: Recorded, example: str, build_torch: str, language: str) -> str:
    """The note under a page that says where its recorded tabs come from."""
    text = UI_TEXT[language]
    note = text["record_provenance"].format(file=example, **recorded.provenance)
    if recorded.provenance["torch"] != build_torch:
        note += text["other_torch"].format(build_torch=build_torch)
    if not recorded.current:
        note += " " + text["stale"].format(file=example)
    return f'<div class="example-provenance" markdown data-search-exclude>\n\n{note}\n\n</div>'


def conventions(language: str) -> str:
    """The note under a page with examples that names the domain its rules are stated for."""
    return (
        f'<div class="example-provenance" markdown data-search-exclude>\n\n{UI_TEXT[language]["conventions"]}\n\n</div>'
    )


def provenance(result: Result, page_url: str, language: str, page_ipynb: str | None = None) -> str:
    """The note under a page that names the example, torch version and device, and offers its files.

    ``page_ipynb``: the page as a notebook in ``language`` (see :class:`sitegen.notebook.PageNotebook`).
    """
    stem = result.example.rsplit("/", 1)[-1].removesuffix(".py")
    link = lambda name: get_relative_url(f"{ASSETS}/{stem}/{name}", page_url)  # noqa: E731
    words = UI_TEXT[language]
    links = [words["page_notebook"].format(ipynb=page_ipynb)] if page_ipynb else []
    links += [words["script"].format(py=link(f"{stem}.py")), words["rendered"].format(html=link(f"{stem}.html"))]
    text = words["provenance"].format(file=result.example, seconds=result.seconds, **result.environment)
    text += f" {words['downloads']}: " + " · ".join(links)
    return f'<div class="example-provenance" markdown data-search-exclude>\n\n{text}\n\n</div>'
