"""Search finds every topic by the words readers type, in Chinese and in English.

The site has one search index for both languages. jieba segments the Chinese text with a
user dictionary of the site's terms (docs/search-terms.zh.txt), and
docs/assets/search-language.js lists results in the reader's language first.
"""

from __future__ import annotations

import re
import urllib.request

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# Waits, not timing assertions: on a busy 2-core machine building the 3.5 MB index can take
# longer than any short limit, and a slow search is still a correct one.
SEARCH_READY_MS = 180_000
RESULTS_MS = 60_000
ATTEMPTS = 4

# query -> the page a reader who types it is looking for (it must be among the first three results)
ZH = {
    "上采样": "upsample",
    "下采样": "why-no-downsample",
    "降采样": "why-no-downsample",
    "超分辨率": "super-resolution",
    "双线性": "upsample",
    "双线性插值": "upsample",
    "双三次": "interpolate-bicubic",
    "过冲": "interpolate-bicubic",
    "转置卷积": "transposed-conv",
    "反卷积": "transposed-conv",
    "棋盘格": "checkerboard",
    "棋盘格伪影": "checkerboard",
    "像素重排": "pixel-shuffle",
    "像素洗牌": "pixel-shuffle",
    "亚像素卷积": "pixel-shuffle",
    "混叠": "aliasing",
    "抗锯齿": "aliasing",
    "抗混叠": "aliasing",
    "波带片": "aliasing",
    "最近邻": "interpolate-coordinates",
    "对齐角点": "interpolate-coordinates",
    "池化": "pooling-details",
    "反池化": "pooling-details",
    "步幅": "transposed-conv",
    "步长": "transposed-conv",
    "模糊池化": "downsample-methods",
    # No page is about these; the glossary defines them.
    "感受野": "glossary",
    "特征图": "glossary",
    "空洞卷积": "glossary",
    "峰值信噪比": "super-resolution",
    "确定性": "interpolate-gradients",
    "内存格式": "interpolate-dtypes",
    "导出 ONNX": "onnx-export",
    "带宽": "performance",
    "输出尺寸": "interpolate-sizes",
    "频率响应": "frequency-response",
    "音频重采样": "audio-resampling",
    "位置编码": "recipes",
    "分割掩码": "recipes",
    "动态形状": "onnx-export",
    "量化": "onnx-export",
}
EN = {
    "upsample": "upsample",
    "downsample": "why-no-downsample",
    "aliasing": "aliasing",
    "transposed convolution": "transposed-conv",
    "deconvolution": "transposed-conv",
    "checkerboard": "checkerboard",
    "pixel shuffle": "pixel-shuffle",
    "super-resolution": "super-resolution",
    "align_corners": "interpolate-coordinates",
    "nearest-exact": "interpolate-coordinates",
    "overshoot": "interpolate-bicubic",
    "BlurPool": "downsample-methods",
    "determinism": "interpolate-gradients",
    "channels_last": "interpolate-dtypes",
    "ONNX": "onnx-export",
    "bandwidth": "performance",
    "MaxUnpool": "pooling-details",
    "Pillow": "other-libraries",
    "recompute_scale_factor": "interpolate-sizes",
    "torchvision Resize": "torchvision-resize",
    "grid_sample": "grid-sample",
    "torch.compile": "torch-compile",
    "kornia": "other-frameworks",
    "frequency response": "frequency-response",
    "chirp": "audio-resampling",
}


def top_pages(page, query: str, n: int = 3) -> list[str]:
    """The URL paths of the first ``n`` result pages for ``query``."""
    field = page.locator("input.md-search__input")
    items = page.locator(".md-search-result__item")  # one per page; its first link is the page itself
    # Material searches on keyup. Typing key by key searches every prefix, and on a busy machine
    # a prefix's results can still be on screen when they are read: clear the list, then search
    # the whole query once, so the first results to appear are the query's.
    # A clean CI run once waited 60 s for one query's results (2026-12-01) while the others came at once:
    # a lost keyup, not a slow search. So type the query again, a few times, before calling it unfound.
    for attempt in range(1, ATTEMPTS + 1):
        field.fill("")
        field.press("End")
        items.first.wait_for(state="detached", timeout=RESULTS_MS)
        field.fill(query)
        field.press("End")
        try:
            items.first.wait_for(timeout=RESULTS_MS // ATTEMPTS)
            break
        except PlaywrightTimeout:
            if attempt == ATTEMPTS:
                raise AssertionError(f"no results for {query!r} after typing it {ATTEMPTS} times") from None
    return [item.locator("a").first.evaluate("a => new URL(a.href).pathname") for item in items.all()[:n]]


def wait_until_search_is_ready(page, url: str) -> None:
    """Wait until the search worker has built its index.

    Until then Material shows its "initializing" text (the one the served HTML carries) where the
    result count will be, and a query typed earlier can be dropped.
    """
    html = urllib.request.urlopen(url).read().decode()
    initializing = re.search(r'class="md-search-result__meta">\s*(.*?)\s*<', html).group(1)
    page.goto(url)
    page.wait_for_function(
        "text => document.querySelector('.md-search-result__meta').textContent.trim() !== text",
        arg=initializing,
        timeout=SEARCH_READY_MS,
    )


@pytest.mark.parametrize(("language", "queries"), [("zh", ZH), ("en", EN)])
def test_every_topic_is_found_by_the_words_readers_type(server, page, language, queries):
    wait_until_search_is_ready(page, f"{server}/zh/" if language == "zh" else f"{server}/")
    page.locator("input.md-search__input").click()
    prefix = "/zh/" if language == "zh" else "/"
    missed = {}
    for query, slug in queries.items():
        found = top_pages(page, query)
        if f"{prefix}{slug}/" not in found:
            missed[query] = (slug, found)
    assert not missed, f"{len(missed)} of {len(queries)} queries miss their page in the top 3: {missed}"
