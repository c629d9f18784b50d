"""The built site keeps the site's promises: strict, bilingual, tested code only, offline, provenance."""

from __future__ import annotations

import functools
import html
import importlib.metadata
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import EXAMPLES, HELPERS, ROOT
from sitegen import record
from sitegen.cells import parse_script

DOCS = ROOT / "docs"


class Tags(HTMLParser):
    """Collect (tag, attributes) of every start tag."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


# The pages hold 38 MB of HTML (notebooks carry their figures inline): parse each once per session.
@functools.cache
def tags(path: Path) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tags


def pages(site) -> list[Path]:
    return sorted(site.site.rglob("*.html"))


def test_strict_build_has_no_warnings(site):
    assert "WARNING" not in site.log


def test_every_english_page_has_a_chinese_twin_and_back():
    english = {p.name for p in DOCS.glob("*.md") if not p.name.endswith(".zh.md")}
    chinese = {p.name.removesuffix(".zh.md") + ".md" for p in DOCS.glob("*.zh.md")}
    assert english - chinese == set(), f"pages without a Chinese twin: {sorted(english - chinese)}"
    assert chinese - english == set(), f"Chinese pages without an English twin: {sorted(chinese - english)}"


def test_both_languages_embed_the_same_cells():
    for english in DOCS.glob("*.md"):
        if english.name.endswith(".zh.md"):
            continue
        chinese = english.with_suffix(".zh.md")
        directives = [re.findall(r"^::: example .*$", p.read_text(encoding="utf-8"), re.M) for p in (english, chinese)]
        assert directives[0] == directives[1], f"{chinese.name} embeds other cells than {english.name}"


def test_every_python_block_on_the_site_is_a_cell_of_an_example(site):
    shown = EXAMPLES + [h for h in HELPERS if "# %%" in h.read_text(encoding="utf-8")]
    cells = {cell.source for example in shown for cell in parse_script(example).cells}
    blocks = 0
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r'<div class="language-(?:python|py)\b.*?</code></pre>', text, re.S):
            code = html.unescape(re.sub(r"<[^>]+>", "", block.split("<code>", 1)[1]))
            assert code.rstrip("\n") in cells, f"{page}: a Python block that is not a cell of examples/:\n{code[:300]}"
            blocks += 1
    directives = sum(len(re.findall(r"^::: example ", p.read_text(encoding="utf-8"), re.M)) for p in DOCS.glob("*.md"))
    assert blocks == directives, "each ::: example line should become exactly one Python block"


def test_nothing_loads_from_another_host(site):
    for page in pages(site):
        for tag, attrs in tags(page):
            loads = tag in ("script", "img") or (tag == "link" and attrs.get("rel") not in ("canonical", "alternate"))
            url = attrs.get("src") or attrs.get("href") if loads else None
            if url:
                assert not urlsplit(url).netloc and not url.startswith("//"), f"{page}: <{tag}> loads {url}"
    for css in site.site.rglob("*.css"):
        hosts = re.findall(
            r"url\(\s*['\"]?(?:https?:)?//[^)]*\)|@import\s+url\(\s*['\"]?https?:", css.read_text(encoding="utf-8")
        )
        assert not hosts, f"{css}: {hosts[:3]}"


def test_every_local_link_and_image_resolves(site):
    # 404.html is served at any depth, so MkDocs writes its links from the site root; skip it.
    for page in (p for p in pages(site) if p.name != "404.html"):
        for tag, attrs in tags(page):
            url = attrs.get("src") or attrs.get("href")
            if not url or tag not in ("a", "img", "link", "script") or urlsplit(url).scheme or url.startswith("#"):
                continue
            path = urlsplit(url).path
            # Root-absolute links (the i18n plugin's link to the English home) assume site_url's path is "/".
            target = (site.site / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()
            if path.endswith("/") or target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(site.site)}: <{tag}> points to missing {url}"


def embedding_pages() -> list[tuple[str, set[str]]]:
    """(page name, examples it embeds) for every English page that embeds an example."""
    found = []
    for page in sorted(DOCS.glob("*.md")):
        if not page.name.endswith(".zh.md"):
            stems = set(re.findall(r"^::: example ([a-z][\w-]*)\.py#", page.read_text(encoding="utf-8"), re.M))
            if stems:
                found.append((page.stem, stems))
    return found


@pytest.mark.parametrize("page,examples", embedding_pages(), ids=lambda v: v if isinstance(v, str) else "")
@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_pages_name_torch_version_device_and_offer_notebook_and_script(site, page, examples, prefix):
    text = (site.site / prefix / page / "index.html").read_text(encoding="utf-8")
    assert f"torch {importlib.metadata.version('torch')}" in text
    assert re.search(r"(on|设备) (cpu|cuda)\b", text)
    notebook = f"{page}.zh.ipynb" if prefix else f"{page}.ipynb"
    assert f'href="{notebook}" download' in text and (site.site / prefix / page / notebook).is_file()
    for example in examples:
        for suffix in (".py", ".html"):
            assert f"assets/examples/{example}/{example}{suffix}" in text
    assert (site.site / "assets/examples" / next(iter(examples)) / f"{next(iter(examples))}.py").is_file()


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_pages_with_examples_link_the_conventions_their_rules_assume(site, prefix):
    glossary = (site.site / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="conventions"' in glossary
    for page, _ in embedding_pages():
        text = (site.site / prefix / page / "index.html").read_text(encoding="utf-8")
        assert 'href="../glossary/#conventions"' in text, f"{prefix}{page}"


@pytest.mark.parametrize("page", ["upsample", "downsample-module"])
@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_a_pages_notebook_is_the_page_in_its_language_with_outputs(site, page, prefix):
    import json

    name = f"{page}.zh.ipynb" if prefix else f"{page}.ipynb"
    book = json.loads((site.site / prefix / page / name).read_text(encoding="utf-8"))
    source = (ROOT / "docs" / (f"{page}.zh.md" if prefix else f"{page}.md")).read_text(encoding="utf-8")
    prose = "".join("".join(c["source"]) for c in book["cells"] if c["cell_type"] == "markdown")
    title = next(line for line in source.splitlines() if line.startswith("# "))
    assert prose.startswith(title) and "::: example" not in prose
    paragraphs = [p for p in source.split("\n\n") if p.strip() and ":::" not in p and not p.startswith("---")]
    assert all(p.strip() in prose for p in paragraphs[:5])
    code = [c for c in book["cells"] if c["cell_type"] == "code"]
    assert len(code) == len(re.findall(r"^::: example ", source, re.M))
    shown = (site.site / prefix / page / "index.html").read_text(encoding="utf-8")
    printed = ["".join(o["text"]) for c in code for o in c["outputs"] if o["output_type"] == "stream"]
    assert printed and all(
        html.escape(t.strip().splitlines()[0], quote=False) in shown for t in printed if "|" not in t
    )
    helpers = [c for c in code if "".join(c["source"]).startswith("%%writefile")]
    assert ("_downsample.py" in "".join(h["source"][0] for h in helpers)) == (page == "downsample-module")


def test_figures_with_translated_text_are_drawn_per_language(site):
    english = (site.site / "why-no-downsample" / "index.html").read_text(encoding="utf-8")
    chinese = (site.site / "zh" / "why-no-downsample" / "index.html").read_text(encoding="utf-8")
    assert "picture-1.en.png" in english and "picture-1.zh.png" in chinese
    assert (site.site / "assets/examples/why_no_downsample/picture-1.zh.png").stat().st_size > 10_000


def test_notebook_is_executed_and_renders_without_cdn(site):
    import json

    book = json.loads((site.site / "assets/examples/upsample_how/upsample_how.ipynb").read_text(encoding="utf-8"))
    code = [c for c in book["cells"] if c["cell_type"] == "code"]
    assert all(c["execution_count"] for c in code)
    assert any(o.get("output_type") == "display_data" for c in code for o in c["outputs"])
    view = (site.site / "assets/examples/upsample_how/upsample_how.html").read_text(encoding="utf-8")
    assert "seed_example" not in view and "nn.Upsample" in view and "mathjax" not in view.lower()


def test_chinese_headings_get_anchors(site):
    text = (site.site / "zh" / "upsample" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<h2 id="([^"]+)"', text)
    assert ids and all(re.search(r"[\u4e00-\u9fff]", i) or re.match(r"^[\w-]+$", i) for i in ids)
    assert any(re.search(r"[\u4e00-\u9fff]", i) for i in ids), ids


RUN = record.load()


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_every_markdown_output_cell_renders_as_a_table(site, prefix):
    """Finding C1: a label printed directly above a table turns the table into a paragraph."""
    for english in sorted(DOCS.glob("*.md")):
        if english.name.endswith(".zh.md"):
            continue
        source = english.with_suffix(".zh.md") if prefix else english
        embeds = re.findall(r"^::: example (\S+)#(\w+).*\boutput=markdown\b", source.read_text(encoding="utf-8"), re.M)
        # A cell recorded on a GPU shows its output twice, in two tabs; both must be tables.
        recorded = sum(
            bool(RUN and RUN.examples.get(f) and RUN.examples[f].cells.get(c, "").strip()) for f, c in embeds
        )
        wanted = len(embeds) + recorded
        if not wanted:
            continue
        page = site.site / prefix / english.stem / "index.html"
        outputs = page.read_text(encoding="utf-8").split('<div class="example-output">')[1:]
        assert len(outputs) == wanted, f"{page}: {len(outputs)} Markdown outputs, {wanted} embeds"
        for n, output in enumerate(outputs, start=1):
            body = output.split("</div>", 1)[0]
            assert "<table>" in body, f"{page}: Markdown output {n} has no table"
            assert not re.search(r"<p>[^<]*\|", body), f"{page}: Markdown output {n} has a table-like paragraph"


@pytest.mark.parametrize("page", sorted(p.stem.removesuffix(".zh") for p in (ROOT / "docs").glob("*.zh.md")))
def test_a_chinese_page_prints_no_english_outside_code(site, page):
    """Printed tables and text in the reader's language; code, names and a stale GPU record's tab excepted."""
    from selectolax.lexbor import LexborHTMLParser

    from sitegen.translate import Translations

    translations = Translations.load(ROOT / "docs" / "translations.yml")
    path = site.site / "zh" / ("" if page == "index" else page) / "index.html"
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    for tabs in tree.css("div.tabbed-set"):  # the recorded GPU run: translated only while current
        stale = "不代表当前代码的结果" in tabs.text()
        for recorded in tabs.css("div.tabbed-block")[1:] if stale else []:
            recorded.decompose()
    for code in tree.css("div.example-output code"):
        code.decompose()
    cells = tree.css("div.example-output td, div.example-output th, div.example-output p, div.example-output li")
    lines = [n.text() for n in cells] + [ln for n in tree.css("div.language-text code") for ln in n.text().splitlines()]
    english = [line for line in lines if translations.needs(line)]
    assert not english, english[:5]


def test_the_notes_under_each_page_stay_out_of_the_search_index(site):
    # Repeated on every page, they would fill the index and match every search for "torch".
    index = (site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Computed at build time" not in index and "本页的输出与图均在构建时计算" not in index
    assert "the rules on this page hold within the site" not in index
    assert "Computed at build time" in (site.site / "upsample" / "index.html").read_text(encoding="utf-8")
