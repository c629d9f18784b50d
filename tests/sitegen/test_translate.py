"""Printed output and figure text per language: what needs a translation, templates, and the build's checks."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from sitegen import execute
from sitegen.translate import Translations, Untranslated, translate_output, units, unused

NEUTRAL = frozenset({"torch", "bilinear", "Pillow", "nearest-exact"})
TABLES = {
    "zh": {
        "took {ratio}x the time of {other}": "用时是 {other} 的 {ratio} 倍",
        "{op} in {layout}": "{op}（{layout}）",
        "copy into a preallocated tensor": "复制到预先分配的张量",
        "method": "方法",
        "fastest": "最快",
        "{a} vs {b}": "{a} 对比 {b}",
        "{a} vs {b} at size {n}": "尺寸 {n} 下 {a} 对比 {b}",
    }
}


@pytest.fixture
def zh() -> Translations:
    return Translations(TABLES, NEUTRAL)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("tensor([[ 6.,  8.],", []),
        ("torch.Size([1, 3, 4, 4]) float32 NCHW", []),
        ("x.clone() 2x 62.1 GB/s (1.00)", []),
        ("bilinear, Pillow, torch 2.14.1+cu130", []),
        ("PixelShuffle MaxPool2d `nearest exact` $\\alpha$", []),
        ("F.interpolate(x, scale_factor=2) → (2, 16, 16)", []),
        ("a b c N C H W", []),
        ("max |diff| 0.5", ["max", "diff"]),
        ("(ratio 0.9 to 1.2)", ["ratio", "to"]),
        ("fastest: bilinear", ["fastest"]),
        ("it's 数值", ["it's"]),
        ("nearest-exact：偏移（输入像素）", []),
        ("bilinear，取较大编号的 pixel", ["pixel"]),
    ],
)
def test_english_words_are_the_prose_not_code_names_or_numbers(zh, text, english):
    assert zh.english_words(text) == english


def test_exact_entries_and_nested_templates_translate(zh):
    assert zh.translate("method", "zh") == "方法"
    assert zh.translate("bilinear in NCHW", "zh") == "bilinear（NCHW）"
    assert zh.translate("copy into a preallocated tensor in NCHW", "zh") == "复制到预先分配的张量（NCHW）"


def test_the_template_with_more_fixed_text_wins(zh):
    assert zh.translate("fastest vs method at size 3", "zh") == "尺寸 3 下 最快 对比 方法"


def test_a_text_that_needs_a_translation_and_has_none_raises_naming_it(zh):
    with pytest.raises(Untranslated, match="no zh translation of 'slowest'"):
        zh.translate("slowest", "zh")
    with pytest.raises(Untranslated):  # a template's part is translated in turn, so it can fail too
        zh.translate("slowest vs fastest", "zh")


def test_the_default_language_and_neutral_text_pass_unchanged(zh):
    assert zh.translate("slowest", "en") == "slowest"
    assert zh.translate("(2, 16, 16) bilinear", "zh") == "(2, 16, 16) bilinear"


def test_printed_markdown_is_translated_cell_by_cell_keeping_the_table(zh):
    table = "| method | fastest |\n|---|---:|\n| bilinear | 1.0 |"
    assert translate_output(zh, table, "zh", markdown=True) == "| 方法 | 最快 |\n|---|---:|\n| bilinear | 1.0 |"
    assert units(table, markdown=True) == ["method", "fastest", "bilinear", "1.0"]
    assert translate_output(zh, "  method\n\nfastest", "zh", markdown=False) == "  方法\n\n最快"


def test_a_translation_must_keep_the_templates_placeholders(tmp_path):
    path = tmp_path / "translations.yml"
    path.write_text('zh:\n  "{a} vs {b}": "{a} 对比"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="name different"):
        Translations.load(path)
    path.write_text('neutral: [foo]\npending: [x.py]\nzh:\n  "a b": "甲乙"\n', encoding="utf-8")
    loaded = Translations.load(path)
    assert loaded.neutral == {"foo"} and loaded.pending == {"x.py"} and loaded.translate("a b", "zh") == "甲乙"


def save(tmp_path, tables: dict, draw) -> list:
    plt.close("all")
    execute.register_cjk_font()
    with plt.rc_context({"font.family": execute.FONT_FAMILY}):
        draw()
        return execute.figure_saver(tmp_path, Translations(tables, NEUTRAL), ["en", "zh"], {})("cell")


def test_an_untranslated_figure_text_fails_naming_it(tmp_path):
    with pytest.raises(execute.ExampleError, match="figure text 'slowest' has no zh translation"):
        save(tmp_path, TABLES, lambda: plt.title("slowest"))


def test_fixed_tick_labels_are_translated_although_drawing_resets_them(tmp_path):
    def draw():
        plt.figure().add_subplot().set_yticks([0, 1], labels=["method", "fastest"])

    saved = save(tmp_path, TABLES, draw)
    assert saved[0].files == {"en": "cell-1.en.png", "zh": "cell-1.zh.png"}


def test_a_translation_the_drawing_loses_fails(tmp_path):
    class Redrawn(plt.Text):  # a text that a draw sets back to English, as a formatter does
        def draw(self, renderer):
            self.set_text("fastest")
            super().draw(renderer)

    def draw():
        figure = plt.figure()
        figure.add_artist(Redrawn(0.5, 0.5, "fastest"))

    with pytest.raises(execute.ExampleError, match="'fastest' was drawn in English on the zh figure"):
        save(tmp_path, TABLES, draw)


SPEAKS = '"""Prints a phrase."""\n\n# %% say\nprint("| method |\\n|---|\\n| fastest |")\n'


def test_an_untranslated_printed_phrase_fails_the_build_naming_page_line_cell_and_phrase(project):
    project.write("examples/speaks.py", SPEAKS)
    project.page(
        "# P\n\n::: example speaks.py#say output=markdown\n", "# 页\n\n\n::: example speaks.py#say output=markdown\n"
    )
    built = project.build()
    assert not built.ok
    assert "docs/index.zh.md:4: examples/speaks.py#say printed 'method', which has no zh translation" in built.log


def test_printed_output_is_translated_on_the_other_languages_page_or_marked_pending(project):
    project.write("examples/speaks.py", SPEAKS)
    project.page("# P\n\n::: example speaks.py#say output=markdown\n")
    project.write("docs/translations.yml", 'zh:\n  "value": "数值"\n  "method": "方法"\n  "fastest": "最快"\n')
    built = project.build()
    assert built.ok, built.log
    zh = (built.site / "zh" / "index.html").read_text(encoding="utf-8").split('class="example-output"')[1]
    assert "<th>方法</th>" in zh and "<td>最快</td>" in zh and "method" not in zh.split("</table>")[0]
    project.write("docs/translations.yml", 'pending: [speaks.py]\nzh:\n  "value": "数值"\n')
    built = project.build()
    zh = (built.site / "zh" / "index.html").read_text(encoding="utf-8")
    assert built.ok and "<th>method</th>" in zh and "尚未翻译" in zh


def test_a_template_leaves_text_alone_that_needs_no_translation(zh):
    code = "`fastest vs method`"  # code reads the same in every language; "{a} vs {b}" would split it
    assert zh.translate(code, "zh") == code


def test_an_escaped_pipe_stays_inside_its_table_cell(zh):
    table = "| method | \\|x\\| |\n|---|---|\n| fastest | 1 |"
    assert translate_output(zh, table, "zh", markdown=True) == "| 方法 | \\|x\\| |\n|---|---|\n| 最快 | 1 |"
    assert units(table, markdown=True) == ["method", "\\|x\\|", "fastest", "1"]


def test_a_pipe_inside_code_stays_inside_its_table_cell(zh):
    table = "| method | `a | b` |\n|---|---|"
    assert translate_output(zh, table, "zh", markdown=True) == "| 方法 | `a | b` |\n|---|---|"


def test_entries_that_translate_nothing_shown_are_listed_unused(project):
    project.write("examples/speaks.py", SPEAKS)
    project.page("# P\n\n::: example speaks.py#say output=markdown\n")
    entries = (
        '  "value": "数值"\n  "method": "方法"\n  "{x} wins": "{x} 胜出"\n  "fastest": "最快"\n  "slowest": "最慢"\n'
    )
    project.write("docs/translations.yml", "zh:\n" + entries)
    assert project.build().ok
    translations = Translations.load(project.root / "docs" / "translations.yml")
    assert unused(translations, project.cache, "zh") == ["{x} wins", "slowest"]  # "value" is the tiny figure's title
