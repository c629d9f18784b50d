"""Every Chinese page writes the glossary's terms, read from docs/glossary.zh.md.

The glossary table is the only list: a row's 不要写成 cell names the variants the site does
not write, and its English cell names the term that must not stay in English in running
Chinese prose (unless the row's 中文 cell itself writes it, as in 像素重排（PixelShuffle）).
Only prose is read: fenced and inline code, `::: example` lines, link targets, URLs, HTML,
math, English-only link texts and quotations (titles, printed labels) and English-only
glosses in brackets right after a term, as in 膨胀（dilation）, are left out. A line with no
Chinese character left is not running Chinese prose, so English terms are allowed there.
The Chinese texts of figures and printed output (the zh values of docs/translations.yml or
docs/figure-labels.yml) are held to the Chinese variants; the English names they keep are
the identifiers and labels the figures and tables print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

DOCS = ROOT / "docs"
GLOSSARY = DOCS / "glossary.zh.md"
PAGES = sorted(p for p in DOCS.glob("*.zh.md") if p != GLOSSARY)
TRANSLATIONS = [p for p in (DOCS / "translations.yml", DOCS / "figure-labels.yml") if p.exists()]

CJK = re.compile(r"[\u3400-\u9fff]")
WORD = r"[A-Za-z0-9_-]"  # an English term never matches inside an identifier such as kernel_size or nearest-exact
NON_PROSE = [
    re.compile(r"<!--.*?-->"),
    re.compile(r"`+[^`]*`+"),  # inline code
    re.compile(r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)"),  # math
]
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
URL_AND_HTML = [re.compile(r"https?://\S+"), re.compile(r"<[^>]*>")]
ENGLISH_ONLY = [  # titles, names and printed labels the Chinese prose quotes as they are
    re.compile(r"\*{1,2}[^*\u3400-\u9fff]+\*{1,2}"),
    re.compile(r"“[^“”\u3400-\u9fff]*”"),
    re.compile(r"（[^（）\u3400-\u9fff]*）"),
    re.compile(r"\([^()\u3400-\u9fff]*\)"),
]


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    variant: str
    term: str  # what the glossary writes instead


def cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def rules(glossary: str) -> list[Rule]:
    """The forbidden variants and English terms of the glossary table, one rule per variant."""
    rows = [cells(line) for line in glossary.splitlines() if line.startswith("|") and not line.startswith("|---")]
    header, body = rows[0], rows[1:]
    zh, avoid, en = (header.index(name) for name in ("中文", "不要写成", "English"))
    terms: dict[str, list[str]] = {}  # variant -> the terms written instead ("kernel": 卷积核 and 内核)
    for row in body:
        for variant in filter(None, (v.strip() for v in re.split(r"[、，,]", row[avoid]))):
            terms.setdefault(variant, []).append(row[zh])
        english = re.sub(r"\s*\([^)]*\)", "", row[en]).strip()  # "nearest (neighbour)" is written "nearest"
        if english and english.lower() not in row[zh].lower():
            terms.setdefault(english, []).append(row[zh])
    found = []
    for variant, instead in terms.items():
        if variant.isascii():
            words = r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", variant)))
            pattern = re.compile(rf"(?<!{WORD}){words}(?:e?s)?(?!{WORD})", re.IGNORECASE)
        else:
            pattern = re.compile(re.escape(variant))
        found.append(Rule(pattern, variant, " / ".join(instead)))
    return found


def prose(page: str) -> list[tuple[int, str]]:
    """(line number, prose) for every line of a Markdown page that carries prose."""
    lines, fence = [], None
    for number, line in enumerate(page.splitlines(), start=1):
        marker = re.match(r"\s*(`{3,}|~{3,})", line)
        if fence:
            if marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence):
                fence = None
            continue
        if marker:
            fence = marker.group(1)
            continue
        if line.startswith("::: example") or re.match(r"\s*\[[^\]]+\]:\s", line):
            continue
        for pattern in NON_PROSE:
            line = pattern.sub(" ", line)
        line = LINK.sub(lambda link: link.group(1) if CJK.search(link.group(1)) else " ", line)
        for pattern in URL_AND_HTML + ENGLISH_ONLY:
            line = pattern.sub(" ", line)
        lines.append((number, line))
    return lines


def violations(page: str, glossary: str) -> list[str]:
    """'line: variant → term' once for each line and variant it uses."""
    found, checks = [], rules(glossary)
    for number, line in prose(page):
        chinese = bool(CJK.search(line))
        for rule in checks:
            # An all-capitals word is a constant (PIL's Image.BICUBIC), not the English term.
            used = {m.group(0) for m in rule.pattern.finditer(line) if not m.group(0).isupper()}
            if used and (chinese or not rule.variant.isascii()):
                found.append(f"{number}: {' '.join(sorted(used))} → {rule.term}")
    return found


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_page_writes_the_glossary_terms(path: Path):
    glossary = GLOSSARY.read_text(encoding="utf-8")
    found = violations(path.read_text(encoding="utf-8"), glossary)
    assert not found, "\n".join(f"{path.relative_to(ROOT)}:{v}" for v in found)


@pytest.mark.parametrize("path", TRANSLATIONS, ids=lambda p: p.name)
def test_figure_and_output_translations_write_the_glossary_terms(path: Path):
    chinese_rules = [rule for rule in rules(GLOSSARY.read_text(encoding="utf-8")) if not rule.variant.isascii()]
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))["zh"]
    found = [
        f"{english!r}: {rule.variant} → {rule.term}"
        for english, chinese in texts.items()
        for rule in chinese_rules
        if rule.pattern.search(str(chinese))
    ]
    assert not found, f"{path.relative_to(ROOT)}:\n" + "\n".join(found)


def test_glossary_rules_do_not_contradict_themselves():
    """No term the glossary writes contains a variant it forbids, and no variant is both said and avoided."""
    rows = [cells(line) for line in GLOSSARY.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    header, body = rows[0], rows[1:]
    zh, said = header.index("中文"), header.index("也常说")
    terms = [row[zh] for row in body]
    synonyms = {s.strip() for row in body for s in row[said].split("、") if s.strip()}
    for rule in rules(GLOSSARY.read_text(encoding="utf-8")):
        assert not any(rule.pattern.search(term) for term in terms), (
            f"{rule.variant} is part of a term the glossary writes"
        )
        assert rule.variant not in synonyms, f"{rule.variant} is both in 也常说 and in 不要写成"


def test_the_check_finds_a_slip_and_spares_code():
    glossary = """| 中文 | 也常说 | 不要写成 | English | 含义 |
|---|---|---|---|---|
| 填充 |  | 补边 | padding | x |
| 像素重排（PixelShuffle） |  |  | PixelShuffle | x |
| 最近邻 |  |  | nearest (neighbour) | x |
"""
    page = """# 例子
先补边，再用 padding 1 的卷积。
`padding=1` 是代码，[padding 说明](https://example.org/padding) 的链接目标也不算。
::: example x.py#padding
```python
pad = "补边"
```
PixelShuffle 照写；填充（padding）是括注；nearest-exact 里没有单独的词。
[A padding paper](https://arxiv.org) 是英文标题，“padding” 是引用的输出，**nearest + conv** 是表里的标签。
padding = 1
~~~
补边
~~~
<!-- 补边 --> $padding$ 都不算，常量 NEAREST 也不算；两个 paddings 算，Nearest 也算。
"""
    assert violations(page, glossary) == [
        "2: 补边 → 填充",
        "2: padding → 填充",
        "3: padding → 填充",
        "14: paddings → 填充",
        "14: Nearest → 最近邻",
    ]


# The English pages name pixels and outputs by their index from 0 ("output 20", "pixel 49"); "第 20 个输出" reads as
# the 20th, one before. A zh page writes the index: 像素 49, 输出像素 4, 下标为 20 的输出.
# Lists count too ("第 4997 和 4999 个像素", "第 0、0、1、2……个像素", "第 0 到 4 行"), and so does any noun after 个.
# A formula's letter counts too: "第 *i* 个采样点" for the sample at index i reads as one later, as does 第 *i* 块.
ORDINAL_INDEX = re.compile(
    # a number, a range (0-5, 1..12), a floor, a variable, a printed list or a {placeholder}
    r"第 ?(?:\d[\d,]*(?:(?:-|\.\.)\d+)?|⌊[^⌋]*⌋|\*[a-z]\*|\{[a-z_]+\}|\[[^\]]*\])"
    r"(?: ?[、和到至] ?\d[\d,]*)*(?:……|、…)? ?(?:个|列|行|块|张|维)"
)
# True ordinals of things the page itself numbers from 1 (the bicubic page's table rows, listed 1., 2., ...).
ORDINALS_NUMBERED_FROM_ONE = {"interpolate-bicubic.zh.md": ["第 3、5、7 行也是如此"]}


@pytest.mark.parametrize("path", [*PAGES, GLOSSARY, *TRANSLATIONS], ids=lambda p: p.name)
def test_page_names_pixels_by_index_not_by_ordinal(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    allowed = ORDINALS_NUMBERED_FROM_ONE.get(path.name, [])
    found = [
        f"{number}: {m.group(0)}"
        for number, line in enumerate(lines, 1)
        for m in ORDINAL_INDEX.finditer(line)
        if not any(line.startswith(phrase, m.start()) for phrase in allowed)
    ]
    assert not found, "\n".join(f"{path.relative_to(ROOT)}:{v}" for v in found)


def test_the_index_check_finds_an_ordinal():
    for ordinal in (
        "第 20 个输出读的是像素 1",
        "读取输入的第 29 列",
        "第 4997 和 4999 个像素",
        "读第 0、0、1、2……个像素",
        "复制第 0 到 4 行",
        "完整输出的第 {row} 行 + 偏置",
        "第 0-5 行能还原",
        "第 1..12 列上的最大位置误差",
        "正是第 [41] 行",
        "第 1 维乘以卷积核面积",
        "第 1、3 个权重",
        "第 *i* 个采样点的中心",
        "输入第 *i* 块的中心",
    ):
        assert ORDINAL_INDEX.search(ordinal), ordinal
    assert not ORDINAL_INDEX.search("下标为 20 的输出读的是像素 1，输入列 29，行 0、0、1、2，下标为 1、3 的权重")
    page = (ROOT / "docs" / "interpolate-bicubic.zh.md").read_text(encoding="utf-8")
    assert all(
        phrase in page for phrase in ORDINALS_NUMBERED_FROM_ONE["interpolate-bicubic.zh.md"]
    )  # no stale exemption


def matches(pattern: re.Pattern[str], path: Path) -> list[str]:
    """'file:line: match' for every match of pattern on every line of path, prose or not."""
    return [
        f"{path.relative_to(ROOT)}:{number}: {m.group(0)}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for m in pattern.finditer(line)
    ]


# A kernel's tap is 权重 (the glossary's row), a sample 采样点: the en pages say "taps that fall outside the input" (or
# past the edge), which plain interpolation moves onto the border pixel and antialias drops, while a shrink never puts
# a sample outside the input. Review r128-6 found 采样点 written for those taps on five pages and in printed output,
# round 129 the other forms below on five more.
TAP_OUTSIDE_AS_SAMPLE = re.compile(
    r"(?:外|越过边缘|越过边界|越界|截断|带权重)的采样点|加权采样点|采样点(?:中有的)?落到边缘之外|采样点被截到|采样点都在图像内"
)


@pytest.mark.parametrize("path", [*PAGES, *TRANSLATIONS], ids=lambda p: p.name)
def test_a_tap_outside_the_input_is_a_weight_not_a_sample(path: Path):
    found = matches(TAP_OUTSIDE_AS_SAMPLE, path)
    assert not found, "\n".join(found)


def test_the_tap_check_finds_a_sample_outside_the_input():
    for slip in (
        "落在输入之外的采样点读取边缘像素",
        "所有不同的像素都有越过边缘的采样点",
        "落到输入之外的采样点重复使用",
        "四个采样点中有的落到边缘之外",
        "越过边界的采样点重复这个像素",
        "丢掉落在图像外的采样点",
        "被截断的采样点",
        "最外侧的采样点被截到边缘像素上",
        "带权重的采样点都不会越过边缘",
        "累加四个加权采样点",
    ):
        assert TAP_OUTSIDE_AS_SAMPLE.search(slip), slip
    assert not TAP_OUTSIDE_AS_SAMPLE.search("落在输入之外的权重改读边缘像素；采样点落在像素 3 上")


# A counted sample is 采样点 too: "1000 个采样" and "30 个正态随机采样" stood on audio-resampling.zh (noticed in review
# r132-8). 下采样/上采样/重采样 and 采样率/采样位置/… are other words and stay.
SAMPLE_COUNT_WITHOUT_POINT = re.compile(
    r"\d[\d,]*\s*个[^\s，。；、（）`]{0,6}?(?<![上下重])采样(?![点率位频间数周器网])"
)


@pytest.mark.parametrize("path", [*PAGES, *TRANSLATIONS], ids=lambda p: p.name)
def test_counted_samples_are_sample_points(path: Path):
    found = matches(SAMPLE_COUNT_WITHOUT_POINT, path)
    assert not found, "\n".join(found)


def test_the_sample_count_check_finds_a_count_without_point():
    for slip in ("放大到不超过 1000 个采样时", "30 个正态随机采样放大到 1,000,003 个"):
        assert SAMPLE_COUNT_WITHOUT_POINT.search(slip), slip
    for fine in ("1000 个采样点", "3 个下采样层", "在 10 组下采样中", "2 个采样位置", "16 kHz 采样率"):
        assert not SAMPLE_COUNT_WITHOUT_POINT.search(fine), fine


# The glossary's 抽取 is decimation (keep every k-th sample); a random draw of weights, data or sizes is 随机初始化,
# 随机取值 or 随机选取. Review r134-9 found 抽取 for draws on three pages and in two printed lines.
DRAW_AS_DECIMATION = re.compile(r"随机抽取|抽取(?:权重|尺寸)|范围内抽取|次抽取|抽取[^，。；]{0,4}次|抽到的")


@pytest.mark.parametrize("path", [*PAGES, *TRANSLATIONS], ids=lambda p: p.name)
def test_decimation_is_not_written_for_a_random_draw(path: Path):
    found = matches(DRAW_AS_DECIMATION, path)
    assert not found, "\n".join(found)


def test_the_draw_check_finds_a_draw_and_spares_decimation():
    for slip in (
        "权重的一次随机抽取",
        "抽取十次",
        "在同样的十次抽取中",
        "取决于抽到的权重",
        "在 ±1/√n 范围内均匀地抽取权重",
        "在 1 到 100 之间抽取尺寸",
        "权重随机抽取 {n} 次",
    ):
        assert DRAW_AS_DECIMATION.search(slip), slip
    for decimation in ("它就是单纯的抽取。", "每 *k* 个取一个，完全没有滤波，即抽取；", "插零、低通滤波、抽取"):
        assert not DRAW_AS_DECIMATION.search(decimation), decimation
