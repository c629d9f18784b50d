"""The Chinese pages link where the English pages link, down to the section.

A link into another page's section (`page.md#anchor`) on an English page has a twin on the
Chinese page that points at the same section of the Chinese target, which is the heading at
the same position there (the two languages share their heading structure). Anchors are an
explicit `{#id}`, else the pymdownx slug that mkdocs.yml configures for headings.
"""

from __future__ import annotations

import re

import pytest
from pymdownx.slugs import slugify

from helpers import ROOT

DOCS = ROOT / "docs"
SLUG = slugify(case="lower")  # as mkdocs.yml's toc extension
PAGES = sorted(p.name.removesuffix(".md") for p in DOCS.glob("*.md") if not p.name.endswith(".zh.md"))


def heading_anchors(page: str) -> list[str]:
    """The anchors of ``page``'s headings, in order (code fences left out)."""
    text = re.sub(r"```.*?```", "", (DOCS / page).read_text(encoding="utf-8"), flags=re.S)
    anchors = []
    for heading in re.findall(r"^#+ (.+)$", text, flags=re.M):
        explicit = re.search(r"\{\s*#([^}\s]+)\s*\}\s*$", heading)  # `{#id}` or `{ #id }`
        anchors.append(explicit[1] if explicit else SLUG(heading.strip(), "-"))
    return anchors


def section_links(page: str) -> set[tuple[str, str]]:
    """The (target page, anchor) pairs that ``page`` links to; a link to its own section (`#anchor`) names itself."""
    own = page.removesuffix(".md").removesuffix(".zh")
    links = re.findall(r"\]\((?:([a-z0-9-]+)\.md)?#([^)\s]+)\)", (DOCS / page).read_text(encoding="utf-8"))
    return {(target or own, anchor) for target, anchor in links}


@pytest.mark.parametrize("page", PAGES)
def test_zh_page_links_the_sections_the_en_page_links(page):
    zh_links = section_links(f"{page}.zh.md")
    missing = []
    for target, anchor in sorted(section_links(f"{page}.md")):
        en, zh = heading_anchors(f"{target}.md"), heading_anchors(f"{target}.zh.md")
        assert len(en) == len(zh), f"{target}.md and {target}.zh.md have different numbers of headings"
        assert anchor in en, f"{page}.md links {target}.md#{anchor}, which is no heading there"
        if (target, zh[en.index(anchor)]) not in zh_links:
            missing.append(f"{target}.md#{anchor} (zh: #{zh[en.index(anchor)]})")
    assert not missing, f"{page}.zh.md lacks links that {page}.md has: {missing}"


@pytest.mark.parametrize("page", PAGES)
def test_zh_section_links_point_at_headings(page):
    broken = [f"{t}#{a}" for t, a in section_links(f"{page}.zh.md") if a not in heading_anchors(f"{t}.zh.md")]
    assert not broken, f"{page}.zh.md links to anchors that are no heading: {broken}"
