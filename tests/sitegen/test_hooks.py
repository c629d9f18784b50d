"""sitegen.hooks on bad input: each fault fails the build with a message that names the file.

Each test breaks a scratch copy of the project and builds it strictly. Tests whose fault
is in the pages build with SITEGEN_EXECUTE=0, since no example needs to run to find it.
"""

from helpers import add_page, mkdocs_build

NO_RUN = {"SITEGEN_EXECUTE": "0"}


def build(project, **env):
    return mkdocs_build(project, project / "site", **env)


def add_example(project, name, source):
    (project / "examples" / name).write_text(source, encoding="utf-8")


def test_an_example_that_raises_names_file_line_cell_and_exception(scratch_project):
    add_example(scratch_project, "broken.py", '"""Broken."""\n\n# %% setup\nx = 1\n\n# %% boom\ny = 2\nz = x / 0\n')
    add_page(scratch_project, "broken", "# B\n\n::: example broken.py#boom\n", "# B\n\n::: example broken.py#boom\n")
    result = build(scratch_project)
    assert result.returncode != 0
    assert "examples/broken.py:8 (cell 'boom'): ZeroDivisionError: division by zero" in result.log


def test_a_directive_to_a_missing_example_names_the_page(scratch_project):
    add_page(scratch_project, "ghost", "# G\n\n::: example nowhere.py#setup\n", "# G\n\n::: example nowhere.py#setup\n")
    result = build(scratch_project, **NO_RUN)
    assert result.returncode != 0
    assert "docs/ghost.md: '::: example nowhere.py#setup': 'no example examples/nowhere.py'" in result.log


def test_a_directive_to_a_missing_cell_names_the_page_and_the_known_cells(scratch_project):
    add_page(scratch_project, "ghost", "# G\n\n::: example upsample_how.py#nope\n", "# G\n")
    result = build(scratch_project, **NO_RUN)
    assert result.returncode != 0
    assert "docs/ghost.md: '::: example upsample_how.py#nope'" in result.log
    assert "no cell named 'nope'" in result.log and "seed_example" in result.log


def test_a_page_without_its_translation_names_the_file(scratch_project):
    add_page(scratch_project, "lonely", "# Lonely\n")
    result = build(scratch_project, **NO_RUN)
    assert result.returncode != 0
    assert "docs/lonely.md has no translation lonely.zh.md" in result.log


def test_an_image_link_to_nothing_names_the_page(scratch_project):
    add_page(scratch_project, "pic", "# P\n\n![x](missing.png)\n", "# P\n\n![x](missing.png)\n")
    result = build(scratch_project, **NO_RUN)
    assert result.returncode != 0
    assert "'pic.md' contains a link 'missing.png'" in result.log


def test_a_missing_glyph_fails_the_build_and_names_the_example(scratch_project):
    source = '"""Glyph."""\n\n# %% setup\nimport matplotlib.pyplot as plt\n\n# %% draw\nplt.title("\\u0f00")\n'
    add_example(scratch_project, "glyph.py", source)
    add_page(scratch_project, "glyph", "# G\n\n::: example glyph.py#draw\n", "# G\n\n::: example glyph.py#draw\n")
    result = build(scratch_project)
    assert result.returncode != 0
    assert "examples/glyph.py (cell 'draw'): UserWarning: Glyph" in result.log


def test_chinese_figure_text_renders_and_printed_html_is_escaped(scratch_project):
    source = (
        '"""Escaping."""\n\n# %% setup\nimport matplotlib.pyplot as plt\n\n'
        '# %% show\nprint("<script>alert(1)</script> & done")\nplt.title("raw title")\n\n'
        '# %% table\nprint("| a |\\n|---|\\n| <img src=x onerror=alert(1)> |")\n'
    )
    add_example(scratch_project, "escaping.py", source)
    labels = scratch_project / "docs" / "figure-labels.yml"
    labels.write_text(labels.read_text(encoding="utf-8") + '  "raw title": "原始标题"\n', encoding="utf-8")
    page = "# E\n\n::: example escaping.py#show\n\n::: example escaping.py#table output=markdown\n"
    add_page(scratch_project, "escaping", page, page)
    result = build(scratch_project)
    assert result.returncode == 0, result.log
    html = (scratch_project / "site" / "escaping" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; done" in html and "<script>alert" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img src=x" not in html
    zh = (scratch_project / "site" / "zh" / "escaping" / "index.html").read_text(encoding="utf-8")
    assert "show-1.zh.png" in zh and "show-1.en.png" in html
    # A new label re-runs only the examples whose figures draw that text.
    assert "examples/upsample_how.py: cache hit" in result.log


def test_a_helper_module_cell_is_shown_without_output_and_imported_by_an_example(scratch_project):
    helper = '"""A helper."""\n\n# %% thing\nclass Thing:\n    value = 41\n'
    add_example(scratch_project, "_thing.py", helper)
    add_example(scratch_project, "uses_thing.py", '"""Uses it."""\n\n# %% setup\nfrom _thing import Thing\n\n# %% show\nprint(Thing.value + 1)\n')
    page = "# T\n\n::: example _thing.py#thing\n\n::: example uses_thing.py#show\n"
    add_page(scratch_project, "thing", page, page)
    result = build(scratch_project)
    assert result.returncode == 0, result.log
    html = (scratch_project / "site" / "thing" / "index.html").read_text(encoding="utf-8")
    assert "examples/_thing.py" in html and "Thing" in html and "42" in html
    assert "assets/examples/_thing/" not in html and "examples/_thing.py: cache" not in result.log
