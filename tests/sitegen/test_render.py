"""sitegen.render: directives, fences and escaping."""

import re

import pytest

from sitegen.cache import CellResult, Figure, Result
from sitegen.cells import Cell
from sitegen.render import UI_TEXT, Directive, code_block, embed, fence, output_block
from sitegen.translate import Translations


def parse(line):
    return Directive.parse(line)


def test_directive_options():
    d = parse("::: example a_b.py#table output=markdown code=folded")
    assert (d.file, d.cell, d.output, d.code, d.stem) == ("a_b.py", "table", "markdown", "folded", "a_b")
    with pytest.raises(ValueError, match="unknown option"):
        parse("::: example a.py#t output=html")


def test_fence_outgrows_backticks_in_the_body():
    body = "print('```')\nx = '````'"
    block = fence(body, "text")
    assert block.startswith("`````text\n") and block.endswith("\n`````")


def result_with(stdout):
    return Result("examples/a.py", "k", 0.1, {}, {"c": CellResult(stdout, [])})


def test_markdown_output_is_html_escaped():
    text = embed(
        parse("::: example a.py#c output=markdown"),
        Cell("c", "print(1)", 3),
        result_with("| <script>x</script> |"),
        "p/",
        "en",
        Translations(),
    )
    assert "&lt;script&gt;" in text and "<script>" not in text


def test_text_output_goes_into_a_fence_and_code_keeps_file_lines():
    text = embed(
        parse("::: example a.py#c"), Cell("c", "print(1)", 12), result_with("<b>\n"), "p/", "en", Translations()
    )
    assert 'linenums="12"' in text and re.search(r"```text\n<b>\n```", text)


def test_figures_switch_offers_each_key_and_maps_every_variant():
    figures = [
        Figure({"en": f"v-{n}.en.png"}, f"mode={mode}; scale={scale}")
        for n, (mode, scale) in enumerate([("nearest", "2"), ("bilinear", "2"), ("bilinear", "3")])
    ]
    result = Result("examples/a.py", "k", 0.1, {}, {"c": CellResult("", figures)})
    text = embed(parse("::: example a.py#c figures=switch"), Cell("c", "x = 1", 3), result, "p/", "en", Translations())
    assert text.count("<img") == 1
    assert '<select data-key="mode"><option>nearest</option><option>bilinear</option></select>' in text
    assert "bilinear|3&quot;: [&quot;../assets/examples/a/v-2.en.png&quot;" in text


def test_figures_switch_rejects_unlabelled_figures():
    result = Result("examples/a.py", "k", 0.1, {}, {"c": CellResult("", [Figure({"en": "x.png"}, "")])})
    with pytest.raises(ValueError, match="key=value"):
        embed(parse("::: example a.py#c figures=switch"), Cell("c", "x = 1", 3), result, "p/", "en", Translations())


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_helper_cell_says_it_is_a_module_to_save_under_its_name(language):
    text = code_block(parse("::: example _settings.py#s code=folded"), Cell("s", "X = 1", 7), language)
    assert "`_settings.py`" in text and ("save it under that name" in text or "以这个文件名" in text)
    assert text.startswith('??? example "examples/_settings.py#s"')


def test_a_figure_is_described_by_its_title_in_each_language(tmp_path):
    import matplotlib.pyplot as plt

    from sitegen import execute

    execute.register_cjk_font()
    with plt.rc_context({"font.family": execute.FONT_FAMILY}):
        figure, axes = plt.subplots(1, 2)
        axes[0].set_title("input")
        axes[1].set_title("output")
        tables = Translations({"zh": {"input": "输入", "output": "输出"}})
        saved = execute.figure_saver(tmp_path, tables, ["en", "zh"], {})("cell")
        assert saved[0].titles == {"en": "input · output", "zh": "输入 · 输出"}
        figure = plt.figure()
        figure.suptitle("A  step\nenlarged")
        figure.add_subplot().set_title("ignored when there is a suptitle")
        assert execute.figure_saver(tmp_path, Translations(), ["en", "zh"], {})("cell")[0].titles == {
            "en": "A step enlarged",
            "zh": "A step enlarged",
        }
    block = output_block(Directive("x.py", "cell"), CellResult("", saved), "page/", "zh", tables)
    assert 'alt="输入 · 输出"' in block


@pytest.mark.parametrize(
    "language, glossary, limits",
    [
        (
            "en",
            "glossary.md",
            ["finite values", "2²³", "elements", "channels_last", "quantized", "eager", "Python floats"],
        ),
        ("zh", "glossary.zh.md", ["数值有限", "2²³", "含有元素", "channels_last", "量化", "eager", "Python 浮点数"]),
    ],
)
def test_the_conventions_note_names_every_limit_of_the_glossarys_domain(language, glossary, limits):
    # Review r120-9: the note under every page listed three of the domain's limits and read as the whole list.
    # The domain's limits are the glossary's bullets before the one on "equal"; the note names each of them.
    from helpers import ROOT

    text = (ROOT / "docs" / glossary).read_text(encoding="utf-8").split("{ #conventions }")[1]
    bullets = re.findall(r"^- \*\*(.+?)\*\*", text, flags=re.M)
    domain = bullets[: next(i for i, b in enumerate(bullets) if "torch.equal" in b or "“Equal”" in b or "“相等”" in b)]
    assert len(domain) == len(limits), domain
    for limit, bullet in zip(limits, domain, strict=True):
        assert limit.lower() in bullet.lower(), (limit, bullet)
        assert limit in UI_TEXT[language]["conventions"], limit


def test_markdown_output_makes_only_the_tags_the_module_docstring_names():
    """The docstring said the renderer "knows tables and emphasis only"; it also renders code spans, headings, lists,
    rules and code blocks (noticed by review r137-9). Every construct yields only tags from the set it names, and a
    link, an image, raw HTML, an entity and an attribute list stay text."""
    import sitegen.render as render
    from sitegen.render import markdown_output

    printed = (
        "# Heading\n\n*em* **strong** `code`\n\n- item\n\nbetween\n\n1. first\n\n---\n\n    indented code\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n[link](javascript:alert(1)) ![img](x.png) <b>raw</b> &amp; {: .cls }\n"
    )
    html = markdown_output(printed)
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags == {
        "div",
        "h1",
        "p",
        "em",
        "strong",
        "code",
        "ul",
        "ol",
        "li",
        "hr",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
    assert "<a" not in html and "<img" not in html and "<b>" not in html and 'class="cls"' not in html
    docstring = " ".join(render.__doc__.split())
    assert (
        "knows Python-Markdown's core (emphasis, code spans, headings, lists, rules, code blocks) and tables"
        in docstring
    )
