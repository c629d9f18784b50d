"""The hook on bad pages: embeds, printed Markdown, links, and the previous site (R2-R4, R6, R8)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.render import markdown_output

NO_RUN = {"SITEGEN_EXECUTE": "0"}
PAGE = "# P\n\nSome prose.\n\n{line}\n"


@pytest.mark.parametrize(
    "line,problem",
    [
        ("::: example tiny.py", "malformed embed, expected ::: example FILE.py#CELL [option=value ...]"),
        ("::: example tiny.py#", "malformed embed"),
        ("::: example tiny.py#show output=", "malformed embed"),
        ("::: example tiny.py#show extra words", "malformed embed"),
        (":::  example tiny.py#show", "malformed embed"),
        ("  ::: example tiny.py#show", "malformed embed"),
        (":::example tiny.py#show", "malformed embed"),
        ("::: example tiny.py#show output=markdown output=text", "option output given twice"),
        ("::: example tiny.py#show output=html", "unknown option output=html (allowed: output=text|markdown;"),
        ("::: example nowhere.py#setup", "no example examples/nowhere.py"),
        ("::: example tiny.py#nope", "no cell nope in examples/tiny.py (cells: setup, show)"),
    ],
)  # fmt: skip
def test_a_bad_embed_fails_naming_page_file_and_line(project, line, problem):
    project.page(PAGE.format(line=line), PAGE.format(line="::: example tiny.py#show"))
    built = project.build(**NO_RUN)
    assert not built.ok
    assert f"sitegen: docs/index.md:5: {line.strip()}: {problem}" in built.log
    assert str(project.root) not in built.log.split("sitegen: docs/")[1].split("\n")[0]


def test_the_line_is_counted_in_the_source_file_after_front_matter(project):
    body = "---\ntitle: T\n---\n\n# P\n\n::: example tiny.py#show\n\n::: example tiny.py#nope\n"
    project.page(body, "# P\n")
    built = project.build(**NO_RUN)
    assert "sitegen: docs/index.md:9: ::: example tiny.py#nope" in built.log


def test_printed_markdown_cannot_make_links_or_attributes(project):
    printed = "| a |\\n|---|\\n| [click](javascript:alert(3)) <b onclick=x>b</b> |\\n\\n{: onmouseover=alert(4) }\\n\\n![i](x.png)"
    source = f'"""Tiny."""\n\n# %% setup\nprint("<script>alert(1)</script> &")\n\n# %% show\nprint("{printed}")\n'
    project.write("examples/tiny.py", source)
    project.write("docs/translations.yml", 'pending: [tiny.py]\nzh:\n  "value": "数值"\n')  # shown as printed
    project.page("# P\n\n::: example tiny.py#setup\n\n::: example tiny.py#show output=markdown\n")
    built = project.build()
    assert built.ok, built.log
    notebook = (built.site / "assets/examples/tiny/tiny.html").read_text(encoding="utf-8")
    for text in (notebook, *(p.read_text(encoding="utf-8") for p in built.site.rglob("index.html"))):
        assert "<script>alert" not in text and "onclick=x>" not in text  # R7: printed HTML stays text
    for page in ("index.html", "zh/index.html"):
        html = (built.site / page).read_text(encoding="utf-8")
        output = html.split('<div class="example-output">')[1].split("</div>")[0]
        assert "<table>" in output and "[click](javascript:alert(3))" in output
        tags = re.findall(r"<([a-zA-Z]+)([^>]*)>", output)
        assert {tag for tag, _ in tags} == {"table", "thead", "tbody", "tr", "th", "td", "p"}
        assert all(attrs == "" for _, attrs in tags), output


ALLOWED_TAGS = {"p", "table", "thead", "tbody", "tr", "th", "td", "em", "strong", "code", "ul", "ol", "li", "hr",
                "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "br", "div"}  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("|-:[]()<>{}!#*`=\"' \n&;/\\_atjvscrip1")), max_size=80))
def test_rendered_output_has_only_plain_tags_and_no_attributes_but_alignment(text):
    out = markdown_output(text)
    for tag, attrs in re.findall(r"<([a-zA-Z0-9]+)([^>]*)>", out):
        assert tag in ALLOWED_TAGS, out
        # Python-Markdown closes void elements XHTML-style: <hr />, <br />.
        assert re.fullmatch(r'(\s+(class="example-output"|style="text-align: (left|right|center);"))?( /)?', attrs), out


def test_a_dead_link_in_raw_html_fails_naming_page_and_url(project):
    body = '# P\n\n<img src="nowhere.png" alt="x">\n\n<a href="assets/examples/tiny/none.html">n</a>\n'
    project.page(body, "# P\n")
    built = project.build(**NO_RUN)
    assert not built.ok
    assert (
        "links to files the site does not have:\n  index.html: nowhere.png\n  index.html: assets/examples/tiny/none.html"
        in built.log
    )


@pytest.mark.parametrize(
    "breakage",
    ["bad embed", "missing twin", "example raises"],
)
def test_a_failed_build_leaves_the_previous_site_in_place(project, breakage):
    assert project.build().ok
    before = (project.root / "site" / "index.html").read_text(encoding="utf-8")
    if breakage == "bad embed":
        project.page("# P\n\n::: example tiny.py\n")
    elif breakage == "missing twin":
        project.write("docs/other.md", "# O\n")
    else:
        project.write("examples/tiny.py", '"""T."""\n\n# %% setup\nx = 1\n\n# %% show\n1 / 0\n')
    assert not project.build().ok
    assert (project.root / "site" / "index.html").read_text(encoding="utf-8") == before
    assert (project.root / "site" / "zh" / "index.html").is_file()
    assert sorted(p.name for p in project.root.iterdir() if "site" in p.name) == ["site"]


def test_each_page_is_a_notebook_in_its_language_that_writes_its_helpers(project):
    import base64
    import json

    project.write("examples/_helper.py", '"""A helper."""\n\n# %% constant\nVALUE = 3\n')
    project.write(
        "examples/uses.py", '"""Uses the helper."""\n\n# %% show\nfrom _helper import VALUE\n\nprint(VALUE)\n'
    )
    body = "# P\n\nFirst words.\n\n::: example _helper.py#constant\n\n::: example uses.py#show\n\n::: example tiny.py#show\n"
    project.page(body, body.replace("First words.", "第一句。"))
    built = project.build()
    assert built.ok, built.log
    for path, words, language in (("index.ipynb", "First words.", "en"), ("zh/index.zh.ipynb", "第一句。", "zh")):
        book = json.loads((built.site / path).read_text(encoding="utf-8"))
        kinds = [(c["cell_type"], "".join(c["source"])[:25]) for c in book["cells"]]
        assert kinds == [
            ("markdown", f"# P\n\n{words}"),
            ("code", "%%writefile _helper.py\n\nV"),
            ("code", "from _helper import VALUE"),
            ("code", 'print("| a |\\n|---|\\n| 1 '),
        ]
        assert "".join(book["cells"][2]["outputs"][0]["text"]) == "3"
        png = base64.b64decode(book["cells"][3]["outputs"][1]["data"]["image/png"])
        assert png == (built.site / f"assets/examples/tiny/show-1.{language}.png").read_bytes()
