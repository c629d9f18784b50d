"""The run recorded on a GPU (examples/recorded/cuda.json) shows on the built pages, with its provenance."""

from __future__ import annotations

import re

import pytest

from sitegen import record

RUN = record.load()
PAGES = {name: name.removesuffix(".py").replace("_", "-") for name in record.RECORDED}


@pytest.mark.skipif(RUN is None, reason="the project has no recorded GPU run")
@pytest.mark.parametrize("example", sorted(n for n in PAGES if RUN and n in RUN.examples))
@pytest.mark.parametrize("language", ["en", "zh"])
def test_device_pages_show_the_record_beside_this_build(site, example, language):
    entry = RUN.examples[example]
    prefix = "zh/" if language == "zh" else ""
    text = (site.site / f"{prefix}{PAGES[example]}" / "index.html").read_text(encoding="utf-8")
    tabs = re.findall(r"<label for=\"__tabbed_\d+_2\">([^<]*)</label>", text)
    assert all(RUN.provenance["gpu"] in label and RUN.provenance["torch"] in label for label in tabs)
    source = (record.ROOT / "docs" / f"{PAGES[example]}{'.zh' if language == 'zh' else ''}.md").read_text(encoding="utf-8")
    embedded = re.findall(r"^::: example " + re.escape(example) + r"#(\w+)", source, re.M)
    assert len(tabs) == sum(bool(entry.cells.get(cell, "").strip()) for cell in embedded) > 0
    provenance = text[text.rindex("example-provenance") :]
    assert RUN.provenance["driver"] in provenance and RUN.provenance["recorded_on"] in provenance
    current = RUN.is_current(record.ROOT / "examples" / example)
    stale_words = "已经改动" if language == "zh" else "has changed since this record was made"
    assert (stale_words in provenance) is not current
