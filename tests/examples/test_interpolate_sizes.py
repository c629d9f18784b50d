"""The claims of docs/interpolate-sizes*.md, asserted on the example's values and on torch."""

import ast
import inspect
import itertools
import math
import random
import re
import warnings
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT, assert_pages_say, docs_section, printed_by, run_example, run_in_generic_x86_code, run_python


@pytest.fixture(scope="module")
def ns():
    return run_example("interpolate_sizes.py")


def test_output_size_is_floor_of_float64_product():
    rng = random.Random(0)
    for _ in range(300):
        n_in, scale = rng.randint(1, 300), rng.uniform(0.3, 4.0)
        for mode, rank in (("nearest", 3), ("bilinear", 4), ("trilinear", 5), ("area", 4)):
            if math.floor(n_in * scale) == 0:
                continue
            x = torch.zeros((1, 1) + (n_in,) * (rank - 2)) if rank < 5 else torch.zeros(1, 1, 1, 1, n_in)
            kwargs = dict(scale_factor=scale if rank < 5 else (1.0, 1.0, scale), mode=mode)
            assert F.interpolate(x, **kwargs).shape[-1] == math.floor(n_in * scale), (n_in, scale, mode)


def test_reported_cases(ns):
    sizes = {(n, s): ns["out_size"](n, s) for n, s in ns["cases"]}
    assert sizes[32, 0.1234] == 3 and round(32 * 0.1234) == 4
    assert sizes[32, 0.9999] == 31 and sizes[32, 1.8] == 57
    assert 88 * (120 / 88) < 120 and sizes[88, 120 / 88] == 119
    assert sizes[75, 120 / 75] == 120  # a control: not every such ratio falls short


def test_the_rows_the_floor_rule_prose_points_at_and_the_control_ratio_that_is_not_exact(ns):
    # Review r132-2: the page said the last row 'is a ratio that happens to come out exact' (zh 一个恰好算得精确的
    # 缩放因子); 120/75 = 1.6 is no more exact in binary than 120/88: the exact product of the stored double and 75
    # exceeds 120, and only its rounding to a double gives 120. The pointers: rows 1-3 are where rounding gives one
    # pixel more, row 4 is #96236 (88 -> 120), the last row the control.
    rows = ns["cases"]
    assert len(rows) == 5 and rows[3] == (88, 120 / 88) and rows[-1] == (75, 120 / 75)
    assert all(round(n * s) == ns["out_size"](n, s) + 1 for n, s in rows[:3])
    n, s = rows[-1]
    assert (
        Fraction(s) != Fraction(120, 75) and Fraction(n) * Fraction(s) != 120
    )  # neither the ratio nor the product exact
    assert n * s == 120.0 and ns["out_size"](n, s) == 120  # the float64 product rounds to 120
    assert_pages_say(
        (
            "interpolate-sizes.md",
            "The last row is a control: its ratio, 120/75 = 1.6, is not exact in binary either,"
            " but the product happens to round to exactly 120.",
        ),
        (
            "interpolate-sizes.zh.md",
            "最后一行是对照：它的缩放因子 120/75 = 1.6 在二进制里同样无法精确表示，但乘积恰好舍入成 120。",
        ),
        ("interpolate-sizes.md", "for the first three rows below they give one pixel more than torch"),
        ("interpolate-sizes.md", "The fourth row is [pytorch/pytorch#96236]"),
        ("interpolate-sizes.zh.md", "对下表前三行，它们都比 torch 多一个像素"),
        ("interpolate-sizes.zh.md", "第四行是 [pytorch/pytorch#96236]"),
    )


def test_how_often_one_pixel_short(ns):
    target = ns["target"]
    expected = [n for n in range(target // 2, 2 * target + 1) if math.floor(n * (target / n)) != target]
    assert ns["short"] == expected and len(expected) > 1
    assert all(math.floor(n * (target / n)) == target - 1 for n in expected)  # one pixel, never more, here
    for n in expected[:5]:
        sizes = {F.interpolate(torch.zeros(1, 1, n, n), scale_factor=target / n, mode=m).shape[-1] for m in ns["modes"]}
        assert sizes == {target - 1}


def test_the_how_often_label_names_the_sizes_of_the_short_inputs_only(ns):
    # Review r134-2 (MISLEADING): the how_often cell printed "output sizes seen: [119]" (zh 出现过的输出尺寸), over
    # the 22 short inputs only, while 159 of the 181 inputs tried gave 120: the label read as every size seen.
    # Now "output sizes of those inputs" (zh 这些输入得到的输出尺寸), right after the line that lists them.
    target, tried = ns["target"], range(ns["target"] // 2, 2 * ns["target"] + 1)
    assert sorted({ns["out_size"](n, target / n) for n in tried}) == [target - 1, target]
    lines = printed_by("interpolate_sizes.py").splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("short for in = "))
    assert lines[i + 1] == f"output sizes of those inputs: {[target - 1]}"
    assert not any(line.startswith("output sizes seen") for line in lines)
    yml = (ROOT / "docs" / "translations.yml").read_text(encoding="utf-8")
    assert '"output sizes of those inputs: {sizes}": "这些输入得到的输出尺寸：{sizes}"' in yml
    assert "output sizes seen" not in yml and "出现过的输出尺寸" not in yml


def test_one_pixel_short_in_every_mode_rank_and_antialias(ns):
    # Review 21: the page says the sizes are the same "in every mode"; the cell tries four 4-D modes.
    calls = [(3, m, False) for m in ("nearest", "nearest-exact", "linear", "area")]
    calls += [(4, m, False) for m in ("nearest", "nearest-exact", "bilinear", "bicubic", "area")]
    calls += [(4, m, True) for m in ("bilinear", "bicubic", "lanczos")]
    calls += [(5, m, False) for m in ("nearest", "nearest-exact", "trilinear", "area")]
    target = ns["target"]
    for n in range(target // 2, 2 * target + 1):
        expected = math.floor(n * (target / n))
        for rank, mode, antialias in calls:
            x = torch.zeros((1, 1) + (1,) * (rank - 3) + (n,))
            scale = (1.0,) * (rank - 3) + (target / n,)
            out = F.interpolate(x, scale_factor=scale, mode=mode, antialias=antialias)
            assert out.shape[-1] == expected, (n, rank, mode, antialias)


def test_traced_area_sizes_differ_from_the_other_modes():
    # Review 111: "the sizes are the same in every mode: the rule does not depend on the mode" (and the cell's
    # comment "The same computation in every mode") held in eager mode only: traced, area computes the size in
    # float32 and the other modes in float64, so on #96236's experiment area gives 120 where they give 119 (88)
    # and 119 where they give 120 (69).
    assert_pages_say(("interpolate-sizes.md", "and in eager mode the sizes are the same in\nevery mode. In a network"))
    root = Path(__file__).resolve().parents[2]
    assert "而且在 eager 模式下，各个模式得到的尺寸完全一样。" in (root / "docs" / "interpolate-sizes.zh.md").read_text(
        encoding="utf-8"
    )
    assert "# For Python float factors in eager mode, the same computation in every mode" in (
        root / "examples" / "interpolate_sizes.py"
    ).read_text(encoding="utf-8")
    differ = []
    for n in range(60, 241):
        x = torch.zeros(1, 1, n)
        sizes = set()
        for mode in ("nearest", "linear", "area"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                traced = torch.jit.trace(
                    lambda t: F.interpolate(t, scale_factor=120 / n, mode=mode), x, check_trace=False
                )
            sizes.add(traced(x).shape[-1])
        if len(sizes) > 1:
            differ.append(n)
    assert 69 in differ and 88 in differ and len(differ) > 10, differ


def test_size_fixes_it():
    x = torch.zeros(1, 1, 88, 88)
    assert F.interpolate(x, size=120).shape[-2:] == (120, 120)
    assert F.interpolate(x, size=round(88 * (120 / 88))).shape[-2:] == (120, 120)


def test_zero_size_raises_except_area():
    x = torch.rand(1, 1, 3, 3)
    for mode in ("nearest", "bilinear", "bicubic", "nearest-exact"):
        with pytest.raises(RuntimeError, match="greater than 0"):
            F.interpolate(x, scale_factor=0.2, mode=mode)
    assert F.interpolate(x, scale_factor=0.2, mode="area").shape == (1, 1, 0, 0)


@pytest.mark.parametrize(
    "dtype",
    [
        *(torch.uint8, torch.int8, torch.int32, torch.int64, torch.bool, torch.complex64),
        *(torch.float16, torch.bfloat16, torch.float64, torch.float8_e4m3fn, torch.float8_e5m2),
    ],
)
def test_area_to_zero_pixels_is_empty_except_on_5d_input_that_is_not_float16_to_float64(dtype):
    # Review 24: the page said "integer 5-D input"; bool 5-D input is rejected too.
    # Review 45: "integer or bool 5-D input": complex 5-D input is rejected too (adaptive_avg_pool3d).
    # Review 63: "not floating point": the float8 dtypes are floating point and rejected on 5-D input too.
    for rank in (3, 4, 5):
        x = torch.ones((1, 2) + (4,) * (rank - 2)).to(dtype)
        if rank == 5 and dtype not in (torch.float16, torch.bfloat16, torch.float32, torch.float64):
            with pytest.raises(NotImplementedError):
                F.interpolate(x, scale_factor=0.1, mode="area")
        else:
            assert F.interpolate(x, scale_factor=0.1, mode="area").numel() == 0, (dtype, rank)


@pytest.mark.parametrize("scale", [1.5, 2.5, 1.7, 0.6, 0.75, 3.3])
def test_scale_factor_sets_the_grid_unless_recomputed(scale):
    n_in = 7
    ramp = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, -1)
    n_out = math.floor(n_in * scale)
    d = torch.arange(n_out, dtype=torch.float64)
    given = F.interpolate(ramp, scale_factor=scale, mode="linear")[0, 0]
    torch.testing.assert_close(given, ((d + 0.5) / scale - 0.5).clamp(0, n_in - 1))
    by_size = F.interpolate(ramp, size=n_out, mode="linear")[0, 0]
    recomputed = F.interpolate(ramp, scale_factor=scale, mode="linear", recompute_scale_factor=True)[0, 0]
    torch.testing.assert_close(recomputed, by_size)
    torch.testing.assert_close(
        F.interpolate(ramp, scale_factor=scale, mode="linear", recompute_scale_factor=False)[0, 0], given
    )
    # nearest uses 1/scale too, in float32
    picks = F.interpolate(ramp.float(), scale_factor=scale, mode="nearest")[0, 0]
    expected = torch.floor(d.float() * torch.tensor(1 / scale, dtype=torch.float32)).clamp(max=n_in - 1)
    assert torch.equal(picks, expected)


def test_recompute_true_equals_size_for_other_modes():
    x = torch.rand(1, 2, 5, 7, dtype=torch.float64)
    for mode in ("nearest", "nearest-exact", "bilinear", "bicubic"):
        for scale in (1.5, 0.7, 2.3):
            size = [math.floor(5 * scale), math.floor(7 * scale)]
            a = F.interpolate(x, scale_factor=scale, mode=mode, recompute_scale_factor=True)
            torch.testing.assert_close(a, F.interpolate(x, size=size, mode=mode))


def test_non_integer_scale_does_not_reach_the_end_of_the_input(ns):
    p = ns["positions"]
    assert len({len(v) for v in p.values()}) == 1
    assert p["scale_factor=1.5"].max() < 4 and p["size=7"].max() == 4
    assert (p["scale_factor=1.5, recompute_scale_factor=True"] == p["size=7"]).all()
    assert ns["n_out"] / ns["scale"] < ns["n_in"]
    assert ns["difference"].abs().max() > 0.1


@pytest.mark.parametrize("rank", [3, 4, 5])
@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_issue_62237_depends_on_the_rank(rank, n):
    x = torch.randn((1, 2) + (n,) * (rank - 2), generator=torch.Generator().manual_seed(n))
    for scale in (1.00001, 1 + 0.4 / n):  # floor(n * scale) == n: the size does not change
        given = F.interpolate(x, scale_factor=scale)
        assert torch.equal(F.interpolate(x, scale_factor=scale, recompute_scale_factor=True), x)
        if rank == 4:
            assert torch.equal(given, x)  # the 4-D kernel copies when out == in
        else:  # 3-D and 5-D step by 1/scale along every axis
            index = torch.tensor([min(int(d / scale), n - 1) for d in range(n)])
            expected = x
            for dim in range(2, rank):
                expected = expected.index_select(dim, index)
            assert torch.equal(given, expected)
            assert torch.equal(given, x) == (n == 1)


def test_page_cases_62237(ns):
    pair = torch.tensor([[[1.0, 2.0]]])
    assert F.interpolate(pair, scale_factor=1.00001)[0, 0].tolist() == [1.0, 1.0]
    assert F.interpolate(pair.view(1, 1, 1, 2), scale_factor=1.00001).flatten().tolist() == [1.0, 2.0]
    cube = torch.arange(1.0, 9.0).view(1, 1, 2, 2, 2)
    assert F.interpolate(cube, scale_factor=1.00001).flatten().tolist() == [1.0] * 8


@pytest.mark.parametrize("mode,rank", [("linear", 3), ("bilinear", 4), ("trilinear", 5), ("bicubic", 4)])
def test_linear_modes_copy_when_the_size_does_not_change(mode, rank):
    for n in (2, 3, 7, 10):
        x = torch.randn((1, 1) + (n,) * (rank - 2), dtype=torch.float64)
        copied = torch.equal(F.interpolate(x, scale_factor=1 + 0.4 / n, mode=mode), x)
        assert copied == (mode != "bicubic"), (mode, n)


@pytest.mark.parametrize("n", range(1, 40))
def test_4d_nearest_doubles_when_out_is_twice_in(n):
    x = torch.randn(1, 1, 1, n)
    for scale in (2 + 0.4 / n, 2.0):
        assert torch.equal(F.interpolate(x, scale_factor=(1.0, scale)), x.repeat_interleave(2, dim=-1))


def test_traced_size_is_float32_with_area_or_recompute(ns):
    import warnings

    for kwargs in (dict(mode="area"), dict(mode="nearest", recompute_scale_factor=True), dict(mode="nearest")):
        disagree = 0
        for n in range(60, 241):
            scale = 120 / n
            row = torch.zeros(1, 1, 1, n)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                traced = torch.jit.trace(lambda t: F.interpolate(t, scale_factor=(1.0, scale), **kwargs), row)(
                    row
                ).shape[-1]
            eager = F.interpolate(row, scale_factor=(1.0, scale), **kwargs).shape[-1]
            assert eager == math.floor(n * scale)
            in_python = kwargs["mode"] == "area" or "recompute_scale_factor" in kwargs
            assert traced == (math.floor(float(np.float32(n) * np.float32(scale))) if in_python else eager)
            disagree += traced != eager
        assert (disagree > 0) == in_python, kwargs
    assert ns["traced_sizes"]["{'mode': 'area'}", 88] == (119, 120)


def test_the_1_over_49_examples_elsewhere_hold_in_eager_mode_and_traced_calls_lose_a_pixel_at_other_factors():
    # Review 114: aliasing, frequency-response and downsample-methods used 98 pixels at scale_factor=1/49 (one pixel,
    # or no slice with recompute_scale_factor=True) as if for every call; traced, area and recompute compute the size
    # in float32, where 98 pixels keep both and 82 at 1/41 lose one.
    import warnings

    def widths(n: int, k: int, **kwargs) -> tuple[torch.Tensor, torch.Tensor]:
        row = torch.arange(float(n)).view(1, 1, 1, n)
        call = lambda t: F.interpolate(t, scale_factor=(1.0, 1 / k), **kwargs)  # noqa: E731
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            traced = torch.jit.trace(call, row, check_trace=False)(row)
        return call(row).flatten(), traced.flatten()

    for kwargs in (dict(mode="area"), dict(mode="nearest-exact", recompute_scale_factor=True)):
        eager, traced = widths(98, 49, **kwargs)
        assert (len(eager), len(traced)) == (1, 2), kwargs
        eager, traced = widths(82, 41, **kwargs)
        assert (len(eager), len(traced)) == (2, 1), kwargs
    eager, traced = widths(98, 49, mode="nearest-exact", recompute_scale_factor=True)
    assert eager.tolist() == [49.0] and traced.tolist() == [24.0, 73.0]  # traced keeps the slice x[24::49]
    assert widths(82, 41, mode="nearest-exact", recompute_scale_factor=True)[1].tolist() == [41.0]  # not x[20]
    assert widths(98, 49, mode="bilinear", recompute_scale_factor=True)[0].tolist() == [48.5]
    link_en = "(interpolate-sizes.md#traced-models-compute-the-size-in-float32)"
    link_zh = "(interpolate-sizes.md#trace-之后的模型用-float32-计算尺寸)"
    recompute_en = (
        "with it, in eager mode, such a side is no slice at all, as it{} steps by 49·*m*/(*m* − 1): 98 pixels give one "
        "pixel halfway between pixels 48 and 49; under `torch.jit.trace` that size is [computed in float32]"
        + link_en
        + ", which gives 98 pixels their two and leaves other factors a pixel short instead, such as 1/41 on 82 pixels)"
    )
    recompute_zh = (
        "设了它，在 eager 模式下，这样的边长按 49·*m*/(*m* − 1) 步进，根本不是切片，98 个像素得到的那一个像素位于像素 48 "
        "和像素 49 正中间；在 `torch.jit.trace` 下，这个尺寸[用 float32 计算]"
        + link_zh
        + "，98 个像素得到应有的两个像素，"
        "少一个像素的换成了别的倍数，比如 82 个像素按 1/41 缩小）"
    )
    assert_pages_say(
        (
            "glossary.md",
            "traced, `area` at `scale_factor=1/41` gives 82 pixels one output, where eager mode gives two "
            "([Output size pitfalls]" + link_en + ")",  # the nav title since r139-9
        ),
        (
            "glossary.zh.md",
            "trace 之后，`area` 以 `scale_factor=1/41` 缩小 82 个像素只得到一个输出，而 eager 模式下得到两个"
            "（[输出尺寸的坑]" + link_zh + "）",
        ),
        ("aliasing.md", recompute_en.format(" then")),
        ("frequency-response.md", recompute_en.format("")),
        ("aliasing.zh.md", recompute_zh),
        ("frequency-response.zh.md", recompute_zh),
        (
            "aliasing.md",
            "as 1/49 does on 98 pixels in eager mode: one window of all 98 ([traced]"
            + link_en
            + ", 98 pixels keep both windows and 82 at 1/41 get one)",
        ),
        (
            "aliasing.zh.md",
            "比如在 eager 模式下 1/49 作用在 98 个像素上，只得到一个覆盖全部 98 个像素的窗口（[trace 之后]"
            + link_zh
            + "，98 个像素保留两个窗口，82 个像素按 1/41 缩小却只得到一个）",
        ),
        (
            "frequency-response.md",
            "[traced]" + link_en + ", where the size is computed in float32, 98 keep both and 82 "
            "pixels at 1/41 give one window of all 82)",
        ),
        (
            "frequency-response.zh.md",
            "[trace 之后]" + link_zh + "尺寸用 float32 计算，98 个像素保留两个窗口，82 个像素按 1/41 "
            "缩小却只得到一个覆盖全部 82 个像素的窗口）",
        ),
        (
            "downsample-methods.md",
            "which in eager mode on such a side steps by the input size over the output size and "
            "leaves the slice: 98 pixels at 1/49 give pixel 49 in `nearest-exact`, not 24, and from 147 pixels on `nearest` "
            "leaves it too; [traced]"
            + link_en
            + ", where that size is computed in float32, 98 pixels keep the slice and "
            "82 at 1/41 leave it)",
        ),
        (
            "downsample-methods.zh.md",
            "设了它，在 eager 模式下，这样的边长按输入尺寸与输出尺寸之比步进，不再是切片，"
            "98 个像素按 1/49 缩小时 `nearest-exact` 取的是像素 49，而不是像素 24，从 147 个像素起 `nearest` 也不再是切片；"
            "[trace 之后]" + link_zh + "这个尺寸用 float32 计算，98 个像素仍是切片，82 个像素按 1/41 缩小却不再是）",
        ),
    )


@settings(max_examples=150, deadline=None)
@given(
    n=st.integers(1, 40),
    scale=st.one_of(st.integers(1, 100).map(float), st.floats(0.3, 9.0)),
    mode=st.sampled_from(["linear", "bilinear", "bicubic", "trilinear"]),
)
def test_align_corners_true_keeps_the_floor_size_rule(n, scale, mode):
    rank = {"linear": 3, "bilinear": 4, "bicubic": 4, "trilinear": 5}[mode]
    if math.floor(n * scale) < 1 or n * scale > 400:
        return
    x = torch.zeros((1, 1) + (1,) * (rank - 3) + (n,))
    kwargs = dict(scale_factor=(1.0,) * (rank - 3) + (scale,), mode=mode, align_corners=True)
    assert F.interpolate(x, **kwargs).shape[-1] == math.floor(n * scale)


def test_align_corners_size_cell(ns):
    assert len(ns["grid"]) == 9 and torch.allclose(ns["grid"].cpu(), torch.arange(9, dtype=torch.float64) / 2)
    by_factor = F.interpolate(ns["ramp"].cpu(), scale_factor=2.0, mode="linear", align_corners=True)[0, 0]
    assert len(by_factor) == 10 and abs((by_factor[1] - by_factor[0]).item() - 4 / 9) < 1e-12


def test_recompute_changes_nothing_with_align_corners_true():
    x = torch.rand(1, 1, 7, 9, dtype=torch.float64)
    for scale in (1.5, 0.6, 2.7):
        for mode in ("bilinear", "bicubic"):
            a = F.interpolate(x, scale_factor=scale, mode=mode, align_corners=True)
            assert torch.equal(
                a, F.interpolate(x, scale_factor=scale, mode=mode, align_corners=True, recompute_scale_factor=True)
            )
            b = F.interpolate(x, scale_factor=scale, mode=mode, align_corners=False)
            assert not torch.equal(
                b, F.interpolate(x, scale_factor=scale, mode=mode, align_corners=False, recompute_scale_factor=True)
            )


def test_recompute_changes_the_size_under_jit_trace_with_align_corners_true_or_a_whole_product():
    # Review 110: "recompute_scale_factor has nothing to change there" (align_corners=True) and "when scale_factor x
    # in is a whole number ... makes no difference" held in eager mode only: traced, recompute_scale_factor=True
    # computes the size in float32 and the default in float64, so the two calls differ by a pixel (88 x 120/88:
    # 120 against 119; 7 x 31/7, whose float64 product is exactly 31: 30 against 31) and so does the grid.
    assert 7 * (31 / 7) == 31
    assert_pages_say(
        ("interpolate-sizes.md", "In eager mode `recompute_scale_factor` has nothing to change there"),
        ("interpolate-sizes.md", "In eager mode, when `scale_factor` × in is a whole number, the two grids coincide"),
    )
    zh = (Path(__file__).resolve().parents[2] / "docs" / "interpolate-sizes.zh.md").read_text(encoding="utf-8")
    assert "在 eager 模式下，`recompute_scale_factor` 在这里没有什么可改变的" in zh
    assert "在 eager 模式下，当 `scale_factor` × in 是整数时，两种网格重合" in zh
    for mode, rank in (("linear", 3), ("bilinear", 4), ("bicubic", 4), ("trilinear", 5)):
        for n, scale, traced_sizes in ((88, 120 / 88, (119, 120)), (7, 31 / 7, (31, 30))):
            x = torch.rand((1, 1) + (n,) * (rank - 2), dtype=torch.float64)
            sizes = []
            for recompute in (None, True):
                call = lambda t: F.interpolate(  # noqa: E731
                    t, scale_factor=scale, mode=mode, align_corners=True, recompute_scale_factor=recompute
                )
                assert call(x).shape[-1] == traced_sizes[0]
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    sizes.append(torch.jit.trace(call, x, check_trace=False)(x).shape[-1])
            assert tuple(sizes) == traced_sizes, (mode, n)
    row = torch.rand(1, 1, 7)
    for mode in ("nearest", "nearest-exact", "linear"):
        sizes = []
        for recompute in (None, True):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                traced = torch.jit.trace(
                    lambda t: F.interpolate(t, scale_factor=31 / 7, mode=mode, recompute_scale_factor=recompute),
                    row,
                    check_trace=False,
                )
            sizes.append(traced(row).shape[-1])
        assert sizes == [31, 30], mode


def test_no_warning_for_float_scale_factor_anymore():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        F.interpolate(torch.rand(1, 1, 5, 5), scale_factor=1.5, mode="bilinear")
        F.interpolate(torch.rand(1, 1, 5, 5), scale_factor=2, mode="nearest")
    assert caught == []
    assert inspect.signature(F.interpolate).parameters["recompute_scale_factor"].default is None


def test_non_integer_nearest_copies_unevenly():
    row = torch.arange(8.0).view(1, 1, -1)
    counts = lambda s: torch.bincount(F.interpolate(row, scale_factor=s)[0, 0].long(), minlength=8).tolist()
    assert counts(1.5) == [2, 1] * 4
    assert counts(2.5) == [3, 2] * 4
    assert counts(0.75) == [1, 1, 1, 0] * 2  # every fourth pixel skipped


def test_area_turns_scale_into_size_and_uses_adaptive_windows(ns):
    x = torch.rand(1, 1, 7, dtype=torch.float64)
    out = F.interpolate(x, scale_factor=0.5, mode="area")
    assert out.shape[-1] == 3
    torch.testing.assert_close(out, F.adaptive_avg_pool1d(x, 3))
    assert not torch.allclose(out, F.avg_pool1d(x, 2))
    assert ns["area_windows"](7, scale_factor=0.5) == ["[0..2]", "[2..4]", "[4..6]"]  # overlapping, 3 wide
    for scale in (0.5, 0.75, 1.5):
        for recompute in (False, None):
            assert torch.equal(
                F.interpolate(x, scale_factor=scale, mode="area", recompute_scale_factor=recompute),
                F.interpolate(x, scale_factor=scale, mode="area", recompute_scale_factor=True),
            )


def test_other_libraries_round_where_torch_floors(ns):
    np = pytest.importorskip("numpy")
    cv2 = pytest.importorskip("cv2")
    transform = pytest.importorskip("skimage.transform")
    ndimage = pytest.importorskip("scipy.ndimage")
    image = np.zeros((32, 32), np.float32)
    for n_in, scale in ns["cases"][:3]:
        torch_size = ns["out_size"](n_in, scale)
        assert cv2.resize(image, None, fx=scale, fy=scale).shape == (torch_size + 1,) * 2
        assert transform.rescale(image, scale).shape == (torch_size + 1,) * 2
        assert ndimage.zoom(image, scale).shape == (torch_size + 1,) * 2


def test_whole_product_grids_coincide():
    tried = 0
    for n_in in range(1, 31):
        ramp = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, -1)
        for n_out in range(1, 61):
            scale = n_out / n_in
            if n_out == n_in or n_in * scale != n_out:  # only products that are whole in float64
                continue
            tried += 1
            for mode in ("linear", "nearest", "nearest-exact"):
                a = F.interpolate(ramp, scale_factor=scale, mode=mode)
                b = F.interpolate(ramp, scale_factor=scale, mode=mode, recompute_scale_factor=True)
                torch.testing.assert_close(
                    a, b, rtol=0, atol=1e-12 if mode == "linear" else 0, msg=f"{mode} {n_in} {n_out}"
                )
    assert tried > 1000
    # "beyond float rounding": 10 x 1.3 is 13.0 in float64, yet linear differs in the last bits
    ramp = torch.arange(10.0, dtype=torch.float64).view(1, 1, -1)
    a = F.interpolate(ramp, scale_factor=1.3, mode="linear")
    b = F.interpolate(ramp, scale_factor=1.3, mode="linear", recompute_scale_factor=True)
    assert 10 * 1.3 == 13 and not torch.equal(a, b) and torch.allclose(a, b, rtol=0, atol=1e-12)


def test_non_integer_scales_copy_unevenly_unless_a_kernel_ignores_the_scale():
    for n in range(2, 13):
        for scale in (0.6, 0.75, 1.3, 1.5, 2.1, 2.5, 3.7):
            row = torch.arange(float(n)).view(1, 1, -1)
            picks = F.interpolate(row, scale_factor=scale)[0, 0].long()
            assert len(set(torch.bincount(picks, minlength=n).tolist())) > 1, (n, scale)
    # the page's exception: a small 4-D image x2.1 on the CPU is doubled, every pixel copied twice
    image = torch.arange(5.0).view(1, 1, 1, 5)
    assert torch.bincount(F.interpolate(image, scale_factor=(1.0, 2.1))[0, 0, 0].long()).tolist() == [2] * 5


def test_a_scale_just_above_a_whole_number_copies_evenly(ns):
    # The page's other exception: the step 1/scale_factor rounds to the step of 1/k in single precision.
    assert_pages_say(
        ("interpolate-sizes.md", "or the scale lies just above some whole\nnumbers, so close that"),
        ("interpolate-sizes.zh.md", "或者缩放因子略大于某些整数，近到内核的单精度运算"),
        (
            "interpolate-coordinates.md",
            "an `s` just above\nsome whole numbers, within single-precision rounding of them",
        ),
        ("interpolate-coordinates.zh.md", "`s` 略大于某些整数，只差单精度舍入那么一点"),
    )
    assert ns["nearest_copies"][2.000000001] == [2] * 8
    # Review 119: coordinates listed 'an s just above a whole number' among the scales that cover evenly, and the
    # cell's comment said so of every whole k (review 120: so did sizes, 'just above a whole number k'); such an s copies as k itself does, and k = 41, 47, 55, ... copy
    # unevenly in float32 (Equivalent calls), so 8 pixels x41.000000000041 give 42, 41, 40, ... copies.
    row = torch.arange(8.0).view(1, 1, -1)
    uneven = []
    for k in range(2, 101):
        above = k * (1 + 1e-12)
        assert np.float32(1 / above) == np.float32(1 / k) and int(8 * above) == 8 * k
        picks = F.interpolate(row, scale_factor=above, mode="nearest")[0, 0].long()
        whole = F.interpolate(row, scale_factor=float(k), mode="nearest")[0, 0].long()
        assert torch.equal(picks, whole), k
        if len(set(torch.bincount(picks, minlength=8).tolist())) > 1:
            uneven.append(k)
    assert uneven[:3] == [41, 47, 55]
    assert "except at 2.000000001, so close to 2" in (
        Path(__file__).resolve().parents[2] / "examples" / "interpolate_sizes.py"
    ).read_text("utf-8")
    for k in (1, 2, 3, 4, 7):
        for n in range(2, 40):
            for dtype in (torch.float32, torch.float64):
                row = torch.arange(n, dtype=dtype).view(1, 1, -1)
                picks = F.interpolate(row, scale_factor=k + 1e-9, mode="nearest")[0, 0].long()
                assert torch.bincount(picks, minlength=n).tolist() == [k] * n, (k, n, dtype)
                # "just above": just below k the step rounds to 1/k as well, but floor(n * scale) is
                # k * n - 1, so the last pixel gets one copy fewer (the page once said "so close to").
                below = k - 1e-9
                assert np.float32(1 / below) == np.float32(1 / k)
                picks = F.interpolate(row, scale_factor=below, mode="nearest")[0, 0].long()
                assert torch.bincount(picks, minlength=n).tolist() == [k] * (n - 1) + [k - 1], (k, n, dtype)
    assert len(set(ns["nearest_copies"][1.5])) > 1  # a scale that is not near a whole number: uneven


def test_averaging_modes_drop_no_pixel_when_shrinking(ns):
    eye = torch.eye(8, dtype=torch.float64)
    for kwargs in (dict(mode="area"), dict(mode="bilinear", antialias=True), dict(mode="bicubic", antialias=True)):
        out = F.interpolate(eye.view(8, 1, 1, 8), scale_factor=(1, 0.75), **kwargs)
        assert (out.abs().sum(-1) > 0).all(), kwargs
    nearest = F.interpolate(eye.view(8, 1, 8), scale_factor=0.75, mode="nearest")
    assert (nearest.abs().sum(-1) == 0).any()


def _unused(n, mode, **kwargs):
    eye = torch.eye(n, dtype=torch.float64).view(n, 1, 1, n)
    weights = F.interpolate(eye, mode=mode, **kwargs)[:, 0, 0, :]
    return (weights.abs().sum(1) == 0).nonzero().flatten().tolist()


def test_only_area_never_drops_a_pixel_the_antialiased_kernels_do_given_scale_factor(ns):
    dropped = {"bilinear": 0, "bicubic": 0}
    for n in range(2, 40):
        for out in range(1, n):  # given size: nothing dropped by any averaging mode
            for mode, extra in (("area", {}), ("bilinear", {"antialias": True}), ("bicubic", {"antialias": True})):
                assert _unused(n, mode, size=(1, out), **extra) == [], (mode, n, out)
        for hundredths in range(5, 100):
            scale = hundredths / 100
            if int(n * scale) == 0:
                continue
            assert _unused(n, "area", scale_factor=(1.0, scale)) == [], (n, scale)
            for mode in dropped:
                unused = _unused(n, mode, scale_factor=(1.0, scale), antialias=True)
                dropped[mode] += bool(unused)
                if unused and mode == "bicubic":  # only where the cubic is exactly zero (t = 1 or 2)
                    stretch = max(1 / scale, 1.0)
                    for j in unused:
                        t = [abs(j + 0.5 - (i + 0.5) / scale) / stretch for i in range(int(n * scale))]
                        assert any(abs(v - 1) < 1e-9 or abs(v - 2) < 1e-9 for v in t), (n, scale, j)
    assert dropped["bilinear"] > 100 and dropped["bicubic"] > 0
    # The cell, as the page reads it.
    cell = ns["unused"]
    assert all(cell["area", call] == [] for call in ("scale_factor=0.37", "size=2", "scale_factor=0.2"))
    assert cell["bilinear, antialias", "scale_factor=0.37"] == [7] and cell["bilinear, antialias", "size=2"] == []
    assert cell["bicubic, antialias", "scale_factor=0.37"] == [] and cell["bicubic, antialias", "size=2"] == []
    assert cell["bicubic, antialias", "scale_factor=0.2"] == [7]


def test_antialias_given_size_drops_a_pixel_only_in_the_cpu_one_pixel_wide_bug(ns):
    # The page: given size, the antialiased kernels drop nothing, except a float image shrunk to
    # one pixel wide while its height changes (contiguous only); the cell shows 4×4 -> 2×1.
    bug_cases = 0
    for h in range(2, 7):
        for w in range(1, 7):
            eye = torch.eye(h * w).view(h * w, 1, h, w)
            for out_h in range(1, h + 1):
                for out_w in range(1, w + 1):
                    for mode in ("bilinear", "bicubic"):
                        for layout in ("contiguous", "channels_last"):
                            x = (
                                eye
                                if layout == "contiguous"
                                else eye.expand(-1, 4, -1, -1).contiguous(memory_format=torch.channels_last)
                            )
                            y = F.interpolate(x, size=(out_h, out_w), mode=mode, antialias=True)
                            dropped = bool((y.abs().flatten(1).sum(1) == 0).any())
                            if dropped:
                                assert layout == "contiguous" and out_w == 1 and out_h != h, (h, w, out_h, out_w)
                                bug_cases += 1
    assert bug_cases > 50
    assert ns["one_wide_unused"] == [12, 13, 14, 15]


def test_nearest_exact_can_copy_evenly_at_a_scale_that_is_not_whole():
    row = torch.arange(2.0).view(1, 1, -1)
    picks = F.interpolate(row, scale_factor=2.4, mode="nearest-exact")[0, 0].long()
    assert torch.bincount(picks, minlength=2).tolist() == [2, 2]
    assert torch.bincount(F.interpolate(row, scale_factor=2.4)[0, 0].long(), minlength=2).tolist() == [3, 1]


def test_align_corners_true_to_one_pixel_reads_pixel_0_whatever_the_scale():
    for n_in in range(2, 30):
        ramp = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, -1)
        for factor in (1 / n_in, 1.5 / n_in, 1.99 / n_in):
            for recompute in (None, True):
                y = F.interpolate(
                    ramp, scale_factor=factor, mode="linear", align_corners=True, recompute_scale_factor=recompute
                )
                assert y.shape[-1] == 1 and y.item() == 0, (n_in, factor, recompute)


def test_area_with_a_size_rounded_to_zero_is_empty():
    assert F.interpolate(torch.rand(1, 1, 3, 3), scale_factor=0.2, mode="area").numel() == 0


def test_the_last_pixel_can_get_one_copy_fewer_than_any_other(ns):
    fewer = 0
    for n in range(2, 30):
        row = torch.arange(float(n)).view(1, 1, -1)
        for hundredths in range(101, 1000, 7):
            scale = hundredths / 100
            if scale == int(scale):
                continue
            counts = torch.bincount(F.interpolate(row, scale_factor=scale)[0, 0].long(), minlength=n).tolist()
            low, high = math.floor(scale), math.ceil(scale)
            assert set(counts[:-1]) <= {low, high} and counts[-1] in (low - 1, low, high), (n, scale, counts)
            fewer += counts[-1] == low - 1
    assert fewer > 100
    copies = torch.bincount(F.interpolate(torch.arange(8.0).view(1, 1, -1), scale_factor=1.3)[0, 0].long(), minlength=8)
    assert (
        len(F.interpolate(torch.arange(8.0).view(1, 1, -1), scale_factor=1.3)[0, 0]) == 10
        and copies[-1] == 0
        and (copies[:-1] > 0).all()
    )


def test_avg_pool_pairs_drop_the_last_pixel_and_even_sizes_match_area(ns):
    x = torch.rand(1, 1, 7, dtype=torch.float64)
    pooled = F.avg_pool1d(x, 2)
    torch.testing.assert_close(pooled, x[..., :6].view(1, 1, 3, 2).mean(-1))
    assert "[0..1]" in ns["area_windows"](5, scale_factor=1.5)  # enlarging: an output averaging two pixels
    even = torch.rand(1, 2, 8, 6, dtype=torch.float64)
    torch.testing.assert_close(F.interpolate(even, scale_factor=0.5, mode="area"), F.avg_pool2d(even, 2))


def test_one_pixel_short_breaks_a_skip_connection_concat():
    skip = torch.zeros(1, 4, 120, 120)
    up = F.interpolate(torch.zeros(1, 4, 88, 88), scale_factor=120 / 88)
    with pytest.raises(RuntimeError):
        torch.cat([up, skip], dim=1)
    assert torch.cat([F.interpolate(torch.zeros(1, 4, 88, 88), size=120), skip], dim=1).shape == (1, 8, 120, 120)


# What each kernel does when an axis keeps its size with a scale_factor near 1: the CPU
# table is measured here; the CUDA one is read from the .cu sources the page links.
def cpu_copies(mode, rank, n, channels, layout):
    """The CPU rule the page states: (every axis kept, only the last axis kept)."""
    if mode in ("linear", "bilinear", "trilinear") or mode.endswith("antialias"):  # the antialiased: axis by axis
        return True, True
    if mode != "nearest":
        return False, False
    vectorized = layout == "channels_last" and channels > 3 and rank > 3
    small = rank == 4 and 2 * n <= 128
    small_last = rank == 4 and 2 * n + n <= 128
    return vectorized or small, vectorized or small_last


def cuda_copies(mode, rank, n, channels, layout):
    if mode in ("nearest", "nearest-exact"):
        return (True, True) if rank == 4 else (False, False)
    if mode == "linear":
        return True, True
    if mode.endswith("antialias"):  # upsample_gen2d_aa_out_frame has no copy case: it steps by 1/scale_factor
        return False, False
    return True, False  # bilinear, bicubic, trilinear: only when every axis keeps its size


def test_copy_cases_cell(ns):
    rule = cuda_copies if ns["device"].type == "cuda" else cpu_copies
    for case, (every, last) in ns["copies"].items():
        expected_every, expected_last = rule(*case)
        assert every == expected_every, case
        assert last == (None if case[1] == 3 else expected_last), case
    # The page's rows: the size and the layout both decide for CPU nearest.
    assert {case[2] for case in ns["copies"] if case[:2] == ("nearest", 4)} >= {30, 100}
    # Review 59: the antialiased rows, whose rule differs between the devices.
    assert {case[0] for case in ns["copies"]} >= {"bilinear, antialias", "bicubic, antialias"}


def test_the_last_two_rows_of_the_copy_table_are_the_antialiased_kernels_that_read_false_on_cuda(ns):
    # Review r134-2: the page says CUDA's antialiased kernels never copy, "so that the last two rows of the table
    # below read False on CUDA"; the pointer landed on the antialiased rows, but no test read their position.
    last_two = list(ns["copies"])[-2:]
    assert [case[0] for case in last_two] == ["bilinear, antialias", "bicubic, antialias"]
    assert all(cuda_copies(*case) == (False, False) for case in last_two)
    assert_pages_say(
        ("interpolate-sizes.md", "so that the last two rows of the table below read False on CUDA"),
        ("interpolate-sizes.zh.md", "所以在 CUDA 上，下表最后两行都是 False"),
    )


# Each mode with a rank it accepts (area apart: it turns the scale into a size).
MODE_RANKS = [
    ("nearest", 3),
    ("nearest", 4),
    ("nearest", 5),
    ("nearest-exact", 4),
    ("linear", 3),
    ("bilinear", 4),
    ("bicubic", 4),
    ("trilinear", 5),
]


@settings(max_examples=200, deadline=None)
@given(
    mode_rank=st.sampled_from(MODE_RANKS),
    data=st.data(),
    dtype=st.sampled_from([torch.float32, torch.float64]),
)
def test_the_cpu_copy_rule(mode_rank, data, dtype):
    mode, rank = mode_rank
    n = data.draw(st.integers(8, 90 if rank < 5 else 24))
    channels = data.draw(st.integers(1, 5))
    layout = data.draw(st.sampled_from(["contiguous", "channels_last"])) if rank > 3 else "contiguous"
    row = torch.randn(1, channels, n, dtype=dtype, generator=torch.Generator().manual_seed(n))
    x = row.view((1, channels) + (1,) * (rank - 3) + (n,)).expand((1, channels) + (n,) * (rank - 2))
    x = x.contiguous(
        memory_format={4: torch.channels_last, 5: torch.channels_last_3d}[rank]
        if layout == "channels_last"
        else torch.contiguous_format
    )
    keep = 1 + 0.6 / n
    every, last = cpu_copies(mode, rank, n, channels, layout)
    assert torch.equal(F.interpolate(x, scale_factor=keep, mode=mode), x) == every, (n, channels, layout)
    if rank > 3:
        y = F.interpolate(x, scale_factor=(2.0,) * (rank - 3) + (keep,), mode=mode)
        line = (..., *([0] * (rank - 3)), slice(None))
        assert torch.allclose(y[line], x[line], rtol=0, atol=1e-5) == last, (n, channels, layout)


@pytest.mark.parametrize(
    "channels,layout",
    [(1, torch.contiguous_format), (3, torch.contiguous_format), (3, torch.channels_last), (4, torch.channels_last)],
)
def test_4d_nearest_special_cases_stop_above_128_output_pixels_of_height_plus_width(channels, layout):
    for h in (1, 2, 5):
        for w in range(1, 131):
            x = torch.randn(1, channels, h, w, generator=torch.Generator().manual_seed(w)).contiguous(
                memory_format=layout
            )
            vectorized = layout == torch.channels_last and channels > 3
            # Doubling: a scale just above 2 still gives 2 * in pixels when in is small.
            scale = 2 + 0.5 / max(h, w)
            doubled = torch.equal(
                F.interpolate(x, scale_factor=scale), x.repeat_interleave(2, 2).repeat_interleave(2, 3)
            )
            assert doubled == (vectorized or 2 * (h + w) <= 128 or (h, w) == (1, 1)), (h, w)
            # Copying: a 1-pixel-high image stretched by 1 + 0.6/w keeps its width.
            keep = F.interpolate(x, scale_factor=(1.0, 1 + 0.6 / w))
            assert torch.equal(keep, x) == (vectorized or h + w <= 128 or w < 2), (h, w)


@pytest.mark.parametrize(
    "mode,rank",
    [
        ("nearest", 3),
        ("nearest", 4),
        ("nearest", 5),
        ("nearest-exact", 3),
        ("nearest-exact", 4),
        ("nearest-exact", 5),
        ("linear", 3),
        ("bilinear", 4),
        ("bicubic", 4),
        ("trilinear", 5),
        ("area", 3),
        ("area", 4),
        ("area", 5),
    ],
)
def test_size_equal_to_the_input_is_the_identity_in_every_kernel(mode, rank):
    aligns = (None, False, True) if mode in ("linear", "bilinear", "bicubic", "trilinear") else (None,)
    for n in range(1, 21):
        for dtype in (torch.float32, torch.float64):
            x = torch.randn((2, 3) + (n,) * (rank - 2), dtype=dtype, generator=torch.Generator().manual_seed(n))
            layouts = [x] + ([x.contiguous(memory_format=torch.channels_last)] if rank == 4 else [])
            for t in layouts:
                for align in aligns:
                    kwargs = {} if align is None else {"align_corners": align}
                    assert torch.equal(F.interpolate(t, size=(n,) * (rank - 2), mode=mode, **kwargs), x), (
                        n,
                        dtype,
                        align,
                    )
                    scale = 1 + 0.4 / n
                    assert torch.equal(
                        F.interpolate(t, scale_factor=scale, recompute_scale_factor=True, mode=mode, **kwargs), x
                    )


def test_62237_a_larger_4d_image_is_shifted_on_the_cpu(ns):
    if ns["device"].type == "cuda":  # UpSampleNearest2d.cu copies an axis that keeps its size
        assert torch.equal(ns["shifted"], ns["wide"])
    else:
        assert ns["shifted"][0, 0, 0, :4].tolist() == [0.0, 0.0, 1.0, 2.0]
        assert torch.equal(ns["shifted"][..., 1:], ns["wide"][..., :-1])  # every column one to the right


@pytest.mark.parametrize("mode", ["bilinear", "bicubic", "lanczos"])  # review 59: lanczos too
def test_the_antialiased_cpu_kernels_skip_an_axis_that_keeps_its_size(mode):
    for n in (8, 30, 70):
        x = torch.randn(1, 2, 1, n, dtype=torch.float64).expand(1, 2, n, n).contiguous()
        keep = 1 + 0.6 / n
        assert torch.equal(F.interpolate(x, scale_factor=keep, mode=mode, antialias=True), x)
        y = F.interpolate(x, scale_factor=(2.0, keep), mode=mode, antialias=True)
        torch.testing.assert_close(y[0, 0, 0], x[0, 0, 0], rtol=0, atol=1e-12)
        if mode == "bicubic":  # plain bicubic does not copy on the CPU
            assert not torch.allclose(F.interpolate(x, scale_factor=keep, mode=mode), x)
    # "lanczos, which has no CUDA kernel": this CUDA build registers none for it.
    assert ("CUDA:" in torch._C._dispatch_dump(f"aten::_upsample_{mode}2d_aa")) == (mode != "lanczos")


@pytest.mark.parametrize("channels", [1, 3, 4, 5])
def test_plain_bicubic_copies_on_uint8_input_but_not_on_float(channels):
    for n in (8, 30, 100):
        row = torch.randint(0, 256, (1, channels, 1, n), dtype=torch.uint8, generator=torch.Generator().manual_seed(n))
        x = row.expand(1, channels, n, n).contiguous()
        keep = 1 + 0.6 / n
        assert torch.equal(F.interpolate(x, scale_factor=keep, mode="bicubic"), x)
        only_last = F.interpolate(x, scale_factor=(2.0, keep), mode="bicubic")
        assert torch.equal(only_last[0, :, 0], x[0, :, 0])  # axis by axis
        assert not torch.allclose(F.interpolate(x.float(), scale_factor=keep, mode="bicubic"), x.float())


def test_the_size_grid_is_symmetric_and_reaches_the_last_pixel_only_when_enlarging():
    for n in range(1, 30):
        ramp = torch.arange(float(n), dtype=torch.float64).view(1, 1, -1)
        for out in range(1, 60):
            p = F.interpolate(ramp, size=out, mode="linear")[0, 0]
            torch.testing.assert_close(p + p.flip(0), torch.full_like(p, n - 1.0))
            if n > 1:
                assert (p[-1].item() == n - 1) == (out >= n), (n, out)


@pytest.mark.parametrize("rank", [3, 4, 5])
def test_nearest_copies_floor_of_d_times_the_float32_ratio(rank):
    # The glossary: nearest copies input pixel floor(d * in/out), the ratio rounded to float32 first
    # (2 -> 82 pixels: output pixel 41 copies pixel 0, where exact arithmetic would give pixel 1).
    exact_differs = False
    for n_in in range(1, 40):
        for n_out in range(1, 100, 3 if rank == 5 else 1):
            x = torch.arange(float(n_in)).view((1, 1) + (1,) * (rank - 3) + (-1,))
            got = F.interpolate(x, size=(1,) * (rank - 3) + (n_out,), mode="nearest").flatten().long().tolist()
            ratio = np.float32(n_in) / np.float32(n_out)
            assert got == [min(int(np.floor(np.float32(d) * ratio)), n_in - 1) for d in range(n_out)], (n_in, n_out)
            exact_differs |= got != [d * n_in // n_out for d in range(n_out)]
    assert exact_differs
    two = F.interpolate(torch.arange(2.0).view(1, 1, 2), size=82, mode="nearest")[0, 0]
    assert two[41].item() == 0.0


def test_the_one_pixel_wide_bug_strikes_uint8_above_4_channels_and_one_channel_in_channels_last():
    # Review 6: the exception names uint8 with more than 4 channels, and channels_last escapes
    # only with more than one channel (a single channel keeps its strides).
    x = torch.rand(2, 1, 6, 5) * 200
    for mode in ("bilinear", "bicubic"):
        right = F.interpolate(
            x.expand(-1, 4, -1, -1).contiguous(memory_format=torch.channels_last),
            size=(3, 1),
            mode=mode,
            antialias=True,
        )[:, :1]
        for channels, dtype, layout, wrong in (
            (1, torch.float32, torch.channels_last, True),
            (4, torch.float32, torch.channels_last, False),
            (5, torch.uint8, torch.contiguous_format, True),
            (5, torch.uint8, torch.channels_last, False),
        ):
            xc = x.expand(-1, channels, -1, -1).to(dtype).contiguous(memory_format=layout)
            y = F.interpolate(xc, size=(3, 1), mode=mode, antialias=True)[:, :1].float()
            assert bool((y - right).abs().max() > 2) == wrong, (channels, dtype, layout, mode)
            if wrong:
                assert torch.equal(y, y[:, :, :1].expand_as(y))  # every row equals the first


def test_other_libraries_round_ties_to_even_and_scikit_image_keeps_one_pixel():
    # Review 6: "round to the nearest integer" means ties to even (not half up), and
    # scikit-image never goes below 1 pixel where SciPy returns an empty side.
    np = pytest.importorskip("numpy")
    cv2 = pytest.importorskip("cv2")
    transform = pytest.importorskip("skimage.transform")
    ndimage = pytest.importorskip("scipy.ndimage")
    for n_in in range(1, 12):
        image = np.zeros((n_in, n_in), np.float32)
        for scale in (0.5, 1.5, 2.5):
            want = round(n_in * scale)  # Python's round: ties to even
            if want:  # an empty output is an error in OpenCV
                assert cv2.resize(image, None, fx=scale, fy=scale).shape == (want, want)
            assert transform.rescale(image, scale).shape == (max(want, 1),) * 2
            assert ndimage.zoom(image, scale).shape == (want, want)
    assert cv2.resize(np.zeros((5, 5), np.float32), None, fx=0.5, fy=0.5).shape == (2, 2)  # not 3
    assert transform.rescale(np.zeros((5, 5)), 0.05).shape == (1, 1)
    assert ndimage.zoom(np.zeros((5, 5)), 0.05).shape == (0, 0)


def test_align_corners_true_one_pixel_reads_pixel_0_except_antialiased_bicubic():
    # Review 8: the page said a 1-pixel output with align_corners=True reads pixel 0 in every
    # case; the antialiased cubic (A = -0.5) centred on pixel 0's left edge also weighs pixel 1.
    for n_in in range(2, 20):
        ramp = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, 1, -1) + 1
        for mode in ("bilinear", "bicubic"):
            for antialias in (False, True):
                y = F.interpolate(ramp, size=(1, 1), mode=mode, align_corners=True, antialias=antialias)
                assert (y.item() == 1) == (not (mode == "bicubic" and antialias)), (n_in, mode, antialias)


def test_antialias_width_one_bug_drops_a_row_for_3_channel_uint8_without_avx2():
    # Review 8: the page limited the uint8 case to more than 4 channels; the generic kernel
    # (a CPU without AVX2, forced here) gives the last row of a 4x4 image no weight at 3 channels too.
    script = (
        "import torch, torch.nn.functional as F\n"
        "assert torch.backends.cpu.get_cpu_capability() == 'DEFAULT'\n"
        "x = torch.zeros(1, 3, 4, 4, dtype=torch.uint8)\n"
        "x[:, :, -1] = 255\n"
        "for mode in ('bilinear', 'bicubic'):\n"
        "    assert F.interpolate(x, size=(2, 1), mode=mode, antialias=True).max() == 0, mode\n"
        "    right = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(2, 1), mode=mode, antialias=True)\n"
        "    assert right.max() > 0, mode\n"
    )
    run_python(script, ATEN_CPU_CAPABILITY="default", OMP_NUM_THREADS="1")


def test_antialias_given_size_with_align_corners_drops_pixels_only_at_one_pixel():
    # Review 9: "drop none given size" failed with align_corners=True to a 1-pixel output (step 0).
    for n in range(2, 40):
        for out in range(1, n):
            for mode in ("bilinear", "bicubic"):
                unused = _unused(n, mode, size=(1, out), antialias=True, align_corners=True)
                if out > 1:
                    assert unused == [], (mode, n, out)
                else:
                    assert unused == list(range(1 if mode == "bilinear" else 2, n)), (mode, n)


def test_62237_channels_last_with_more_than_3_channels_copies_in_4d_and_5d():
    # Review 12: the shift of #62237 is for single-channel contiguous tensors; channels_last with
    # more than 3 channels takes the CPU's copying nearest kernel, 3 channels or fewer do not.
    for channels in (1, 2, 3, 4, 5, 8):
        volume = torch.rand(1, channels, 2, 2, 2).contiguous(memory_format=torch.channels_last_3d)
        image = torch.rand(1, channels, 65, 65).contiguous(memory_format=torch.channels_last)
        for x in (volume, image):
            assert torch.equal(F.interpolate(x, scale_factor=1.00001), x) == (channels > 3), (channels, x.dim())


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize(
    "dtype, channels", [(torch.float32, 2), (torch.float32, 3), (torch.float64, 4), (torch.uint8, 5), (torch.uint8, 6)]
)
def test_the_one_pixel_wide_bug_catches_a_channels_last_batch_of_one_viewed_from_hwc(mode, dtype, channels):
    # Review 13: "channels_last escapes it" fails for a batch of one whose batch stride is not H*W*C.
    for h, w, out_h in ((6, 4, 3), (5, 7, 2), (3, 5, 6)):
        hwc = (torch.rand(h, w, channels, dtype=torch.float64) * 255).to(dtype)
        view = hwc.permute(2, 0, 1)[None]
        assert view.is_contiguous(memory_format=torch.channels_last)
        assert view.contiguous(memory_format=torch.channels_last).stride() == view.stride()
        right = F.interpolate(view.double().transpose(2, 3), size=(1, out_h), mode=mode, antialias=True).transpose(2, 3)
        tolerance = 1.0 if dtype == torch.uint8 else 1e-3
        standard = F.interpolate(
            view.contiguous().contiguous(memory_format=torch.channels_last), size=(out_h, 1), mode=mode, antialias=True
        )
        assert (standard.double() - right).abs().max() <= tolerance
        wrong = F.interpolate(view, size=(out_h, 1), mode=mode, antialias=True)
        assert (wrong.double() - right).abs().max() > 10 * tolerance, (h, w, out_h)


@pytest.mark.parametrize("mode", ["nearest", "linear", "area"])
def test_the_size_grid_is_symmetric_in_every_mode_but_nearest(mode):
    # Review 13: nearest's grid floor(d * in/out) starts at pixel 0 and is not symmetric (4 -> 6: 0, 0, 1, 2, 2, 3).
    asymmetric = []
    for n in range(2, 20):
        ramp = torch.arange(float(n), dtype=torch.float64).view(1, 1, -1)
        for out in range(1, 40):
            p = F.interpolate(ramp, size=out, mode=mode)[0, 0]
            if not torch.allclose(p + p.flip(0), torch.full_like(p, n - 1.0)):
                asymmetric.append((n, out))
    assert bool(asymmetric) == (mode == "nearest")
    if mode == "nearest":
        assert (4, 6) in asymmetric
        assert F.interpolate(torch.arange(4.0).view(1, 1, -1), size=6)[0, 0].tolist() == [0, 0, 1, 2, 2, 3]
        two = torch.arange(2.0).view(1, 1, -1)
        assert F.interpolate(two, size=3, mode="nearest-exact")[0, 0].tolist() == [0, 1, 1]  # a tie rounded up


@pytest.mark.parametrize(
    "dtype, value, overflows",
    [
        (torch.float32, 1e38, True),
        (torch.bfloat16, 1e38, True),
        (torch.float64, 5e307, True),
        (torch.float16, 2e4, False),
    ],
)
@pytest.mark.parametrize("layout", [torch.contiguous_format, torch.channels_last])
def test_block_means_overflow_when_the_block_sum_does(dtype, value, overflows, layout):
    # Review 14: "exact 2x2 block means" from avg_pool2d(2) or area hold only while a block's sum, added in
    # float32 for float16/bfloat16 input, is finite: 4 x 2e4 overflows float16 but not float32.
    x = torch.full((1, 3, 4, 6), value, dtype=dtype).contiguous(memory_format=layout)
    assert torch.isfinite(x).all() and 4 * value > torch.finfo(dtype).max
    for y in (
        F.avg_pool2d(x, 2),
        F.interpolate(x, scale_factor=0.5, mode="area"),
        F.interpolate(x, size=(2, 3), mode="area"),
    ):
        assert torch.isinf(y).all() if overflows else torch.equal(y, torch.full_like(y, value))
    assert torch.isfinite(F.interpolate(x, scale_factor=0.5, mode="bilinear")).all()  # blends, no overflow


def test_area_windows_overlap_exactly_when_neither_size_is_a_multiple_of_the_other():
    # Review 15: a non-integer scale can round to a size that divides evenly (8 x0.6 -> 4 blocks
    # of 2; 2 x2.4 -> 4 copies), so "non-integer scale -> overlapping windows" was too broad.
    for n in range(1, 41):
        eye = torch.eye(n, dtype=torch.float64).view(n, 1, n)
        for scale in (0.3, 0.45, 0.6, 0.75, 0.9, 1.3, 1.5, 2.4, 2.5, 3.7):
            m = math.floor(n * scale)
            if m == 0:
                continue
            reads = F.interpolate(eye, scale_factor=scale, mode="area")[:, 0, :].T > 0  # (out, in)
            if scale < 1:
                assert bool((reads.sum(0) > 1).any()) == (m >= 2 and n % m != 0), (n, scale)
            else:
                assert bool((reads.sum(1) > 1).any()) == (m % n != 0), (n, scale)
    blocks = F.interpolate(torch.eye(8).view(8, 1, 8), scale_factor=0.6, mode="area")[:, 0].T > 0
    copies = F.interpolate(torch.eye(2).view(2, 1, 2), scale_factor=2.4, mode="area")[:, 0].T > 0
    assert blocks.sum(1).tolist() == [2] * 4 and copies.sum(1).tolist() == [1] * 4


def test_nearest_exact_rounds_a_tie_down_in_single_precision_on_2_to_41():
    # Review 16: "nearest-exact rounds ties up" held for 2 -> 3 but not for every tie: on the CPU the 4-D
    # kernel maps output 20 of 2 -> 41 (centre 20.5 * 2/41 = 1, exactly on the border) to pixel 0.
    two = torch.arange(2.0).view(1, 1, 1, 2)
    assert F.interpolate(two, size=(1, 3), mode="nearest-exact")[0, 0, 0].tolist() == [0, 1, 1]
    row = F.interpolate(two, size=(1, 41), mode="nearest-exact")[0, 0, 0]
    assert row[20].item() == 0.0 and row[21].item() == 1.0
    # Review 20: only the channels-last kernel rounds it down; the other CPU kernels take pixel 1
    column = torch.arange(2.0).view(1, 1, 2, 1)
    picks = {
        "small 4-D": F.interpolate(column, size=(41, 1), mode="nearest-exact")[0, 0, 20, 0],
        "channels_last, 4 channels": F.interpolate(
            column.expand(1, 4, 2, 100).contiguous(memory_format=torch.channels_last),
            size=(41, 100),
            mode="nearest-exact",
        )[0, 0, 20, 0],
        "large contiguous 4-D": F.interpolate(
            column.expand(1, 1, 2, 100).contiguous(), size=(41, 100), mode="nearest-exact"
        )[0, 0, 20, 0],
        "3-D": F.interpolate(torch.arange(2.0).view(1, 1, 2), size=41, mode="nearest-exact")[0, 0, 20],
        "5-D": F.interpolate(torch.arange(2.0).view(1, 1, 2, 1, 1), size=(41, 1, 1), mode="nearest-exact")[
            0, 0, 20, 0, 0
        ],
        # Review 22: "5-D gives pixel 1" held only for a contiguous volume; channels_last_3d with > 3 channels
        # runs the channels-last kernel too.
        "channels_last_3d, 4 channels": F.interpolate(
            torch.arange(2.0)
            .view(1, 1, 2, 1, 1)
            .expand(1, 4, 2, 2, 2)
            .contiguous(memory_format=torch.channels_last_3d),
            size=(41, 2, 2),
            mode="nearest-exact",
        )[0, 0, 20, 0, 0],
    }
    generic = 1.0 if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512") else picks["3-D"].item()
    assert {k: v.item() for k, v in picks.items()} == {
        "small 4-D": 0.0,
        "channels_last, 4 channels": 0.0,
        "large contiguous 4-D": generic,
        "3-D": generic,
        "5-D": generic,
        "channels_last_3d, 4 channels": 0.0,
    }


def test_the_generic_x86_code_rounds_the_2_to_41_tie_down_in_every_dtype_but_float64():
    # Review 23: "the other CPU kernels give pixel 1" held only in torch's AVX2 and AVX-512 code; with
    # ATEN_CPU_CAPABILITY=default (torch's generic x86 code) they give pixel 0 for every dtype but float64.
    code = (
        "import torch, torch.nn.functional as F\n"
        "for dtype in (torch.float32, torch.float16, torch.bfloat16, torch.uint8, torch.float64):\n"
        "    two = torch.tensor([0, 1]).to(dtype)\n"
        "    print(int(F.interpolate(two.view(1, 1, 2), size=41, mode='nearest-exact')[0, 0, 20]),\n"
        "          int(F.interpolate(two.view(1, 1, 2, 1, 1), size=(41, 1, 1), mode='nearest-exact')[0, 0, 20, 0, 0]),\n"
        "          int(F.interpolate(two.view(1, 1, 2, 1).expand(1, 1, 2, 100).contiguous(), size=(41, 100),\n"
        "                            mode='nearest-exact')[0, 0, 20, 0]))\n"
    )
    assert run_in_generic_x86_code(code).splitlines() == ["0 0 0"] * 4 + ["1 1 1"]
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        assert run_python(code, ATEN_CPU_CAPABILITY="avx2").splitlines() == ["1 1 1"] * 5


def test_whole_scale_factors_give_the_same_grid_with_or_without_recompute():
    # The old warning skipped whole scales because both grids agree there: every mode, ranks 3-5, k up to 40.
    cases = [*MODE_RANKS, ("area", 4)]
    for k, n, (mode, dim), dtype in itertools.product(
        (*range(1, 9), 13, 25, 40), (1, 2, 5, 7), cases, (torch.float32, torch.float64)
    ):
        if dim == 5 and k > 5:
            continue
        x = torch.randn((1, 2) + (n,) * (dim - 2), dtype=dtype)
        kwargs = {"align_corners": False} if mode in ("linear", "bilinear", "bicubic", "trilinear") else {}
        for antialias in (False, True) if mode in ("bilinear", "bicubic") else (False,):
            kept = F.interpolate(x, scale_factor=k, mode=mode, antialias=antialias, **kwargs)
            recomputed = F.interpolate(
                x, scale_factor=k, mode=mode, antialias=antialias, recompute_scale_factor=True, **kwargs
            )
            assert torch.equal(kept, recomputed), (k, n, mode, dtype, antialias)


@pytest.mark.parametrize("dtype, tiny", [(torch.float64, 1e-15), (torch.float32, 1e-7)])
def test_lanczos_keeps_a_rounding_size_weight_where_bicubic_drops_the_last_pixel(dtype, tiny):
    # x0.2 on 8 pixels: the last pixel sits on a zero of both kernels; bicubic gives it exactly 0, lanczos only ~0.
    rows = torch.eye(8, dtype=dtype)[:, None, :, None].expand(8, 1, 8, 2).contiguous()
    last = {
        m: F.interpolate(rows, scale_factor=(0.2, 1.0), mode=m, antialias=True)[-1, 0, :, 0]
        for m in ("bicubic", "lanczos")
    }
    assert last["bicubic"].abs().sum() == 0
    assert 0 < last["lanczos"].abs().max() < tiny


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.uint8])
def test_cpu_doubling_at_x2_1_holds_only_up_to_9_pixels_a_side(dtype):
    # Review 18: "a small 4-D image x2.1 has each pixel copied twice" failed from 10 pixels on (10 x 2.1 = 21, not 20),
    # though the output is still small enough for the channels-last kernel.
    for n in range(1, 31):
        image = torch.arange(n, dtype=dtype).repeat(n, 1).view(1, 1, n, n)
        counts = torch.bincount(F.interpolate(image, scale_factor=2.1)[0, 0, 0].long(), minlength=n).tolist()
        assert (counts == [2] * n) == (n <= 9), (n, counts)


@pytest.mark.parametrize("dtype", [torch.uint8, torch.int64])
def test_area_to_zero_pixels_is_empty_except_on_integer_5d_input(dtype):
    for rank in (3, 4):
        x = torch.ones((1, 1) + (3,) * (rank - 2), dtype=dtype)
        assert F.interpolate(x, scale_factor=0.2, mode="area").numel() == 0
    x = torch.ones(1, 1, 3, 3, 3, dtype=dtype)
    for scale in (0.2, 1.0):
        with pytest.raises(NotImplementedError):
            F.interpolate(x, scale_factor=scale, mode="area")
    assert F.interpolate(x.float(), scale_factor=0.2, mode="area").numel() == 0


def test_nearest_last_pixel_gets_up_to_two_copies_fewer_than_the_fewest_other():
    # The page: one copy fewer than the fewest any other pixel gets, or even two (3 pixels x2.6: 3, 3, 1).
    shortfalls = set()
    for n in range(2, 9):
        for scale in [k / 10 for k in range(11, 60) if k % 10]:
            picks = F.interpolate(torch.arange(float(n)).view(1, 1, -1), scale_factor=scale, mode="nearest")
            copies = torch.bincount(picks.flatten().long(), minlength=n).tolist()
            shortfalls.add(min(copies[:-1]) - copies[-1])
    assert max(shortfalls) == 2 and 1 in shortfalls
    picks = F.interpolate(torch.arange(3.0).view(1, 1, -1), scale_factor=2.6, mode="nearest")
    assert torch.bincount(picks.flatten().long()).tolist() == [3, 3, 1]


def test_size_grids_agree_only_up_to_single_precision_rounding_float64_nearest_47x82():
    # The page: given size, kernels share the grid up to single-precision rounding, which can pick
    # another pixel: the float64 contiguous kernel copies pixel 0 41 times, the channels-last one 42.
    x = torch.arange(2.0, dtype=torch.float64).view(1, 1, 1, 2).expand(1, 4, 47, 2)
    zeros = [
        int((F.interpolate(x.contiguous(memory_format=m), size=(47, 82), mode="nearest")[0, 0, 0] == 0).sum())
        for m in (torch.contiguous_format, torch.channels_last)
    ]
    assert zeros == [41, 42]


def test_recompute_with_a_fractional_product_can_leave_the_result_unchanged():
    # Review 26: the page said a fractional in x s always changes the picture; 5 x 1.5 in nearest
    # (a 3-D row, stepping by 1/1.5) picks the same pixels as size=7, and a kept axis is copied either way.
    row = torch.arange(5.0).view(1, 1, 5)
    same = F.interpolate(row, scale_factor=1.5, mode="nearest")
    assert torch.equal(same, F.interpolate(row, scale_factor=1.5, mode="nearest", recompute_scale_factor=True))
    ten = torch.rand(1, 1, 10)
    kept = F.interpolate(ten, scale_factor=1.05, mode="linear")
    assert torch.equal(kept, F.interpolate(ten, scale_factor=1.05, mode="linear", recompute_scale_factor=True))
    # and elsewhere it does change: 5 x 1.5 in linear, 8 x 1.3 in nearest
    assert not torch.equal(
        F.interpolate(row, scale_factor=1.5, mode="linear"),
        F.interpolate(row, scale_factor=1.5, mode="linear", recompute_scale_factor=True),
    )
    eight = torch.arange(8.0).view(1, 1, 8)
    assert not torch.equal(
        F.interpolate(eight, scale_factor=1.3, mode="nearest"),
        F.interpolate(eight, scale_factor=1.3, mode="nearest", recompute_scale_factor=True),
    )


def test_default_recompute_uses_the_scale_for_the_grid_except_in_area():
    # Review 31: "The default is None ...: the scale you pass is used for the grid" needs area's exception.
    row = torch.arange(7.0).view(1, 1, 7)
    area = F.interpolate(row, scale_factor=0.5, mode="area")
    assert torch.equal(area, F.adaptive_avg_pool1d(row, 3))  # windows of in/out = 7/3, not of 1/0.5 = 2
    assert not torch.equal(area, F.avg_pool1d(row, 2))
    linear = F.interpolate(row, scale_factor=0.6, mode="linear")
    assert not torch.equal(linear, F.interpolate(row, size=4, mode="linear"))  # the default steps by 1/0.6
    assert torch.equal(linear, F.interpolate(row, scale_factor=0.6, mode="linear", recompute_scale_factor=False))


def test_default_recompute_does_not_use_the_scale_with_align_corners_true():
    # Review 34: "the scale you pass is used for the grid" under the default None also fails with
    # align_corners=True, whose grid is (in - 1)/(out - 1) whatever the factor.
    ramp = torch.arange(5.0, dtype=torch.float64).view(1, 1, 5)
    for factor in (2.0, 2.6, 0.7, 3.3):
        out = int(5 * factor)
        got = F.interpolate(ramp, scale_factor=factor, mode="linear", align_corners=True)[0, 0]
        steps = torch.arange(out, dtype=torch.float64)
        assert torch.allclose(got, steps * 4 / (out - 1), atol=1e-12), factor
        assert not torch.allclose(got, (steps / factor).clamp(max=4), atol=1e-3), factor


@pytest.mark.parametrize("rank", [3, 5])
def test_nearest_with_recompute_copies_the_2_pixel_row_x2_4_twice_each(rank):
    # "unless recompute_scale_factor=True turns the scale into a size first": the 3-D and 5-D
    # kernels, which step by 1/2.4 otherwise (3 and 1 copies), then copy each pixel twice.
    row = torch.arange(2.0).view((1,) * (rank - 1) + (2,))
    scale = (1.0,) * (rank - 3) + (2.4,)
    counts = {
        r: torch.bincount(
            F.interpolate(row, scale_factor=scale, mode="nearest", recompute_scale_factor=r).flatten().long()
        ).tolist()
        for r in (None, True)
    }
    assert counts == {None: [3, 1], True: [2, 2]}


@pytest.mark.parametrize("mode", ["bilinear", "bicubic", "lanczos"])
def test_antialias_given_scale_factor_with_recompute_weighs_every_pixel(mode):
    # "given scale_factor (without recompute_scale_factor=True) their windows follow the 1/scale_factor
    # grid": without it the last pixels of 11 x0.2 (bicubic) get no weight; with it, as with size, all do.
    dropped = {}
    for n, s in itertools.product(range(4, 30), (0.2, 0.3, 0.45, 0.7)):
        if math.floor(n * s) < 2:
            continue
        eye = torch.eye(n, dtype=torch.float64).view(n, 1, 1, n)
        for recompute in (None, True):
            out = F.interpolate(eye, scale_factor=(1.0, s), mode=mode, antialias=True, recompute_scale_factor=recompute)
            weight = out.abs().sum(dim=(1, 2, 3))
            dropped[n, s, recompute] = bool((weight == 0).any())
    assert not any(v for (n, s, r), v in dropped.items() if r)
    if mode != "lanczos":
        assert any(v for (n, s, r), v in dropped.items() if not r)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_antialias_scale_factor_with_align_corners_uses_the_corner_grid(mode):
    # review 37: given scale_factor, antialiased windows follow 1/scale_factor only with
    # align_corners=False; with True the grid is (in - 1)/(out - 1), exactly the size= call
    gen = torch.Generator().manual_seed(0)
    parted = 0
    for n in range(2, 30):
        for s in (0.2, 0.3, 0.45, 0.5, 0.7, 0.9):
            m = math.floor(n * s)
            if m < 1:
                continue
            x = torch.rand(1, 2, n, n, dtype=torch.float64, generator=gen)
            kw = dict(mode=mode, antialias=True, align_corners=True)
            given = F.interpolate(x, scale_factor=s, **kw)
            assert torch.equal(given, F.interpolate(x, size=(m, m), **kw)), (n, s)
            stepped = F.interpolate(x, scale_factor=s, mode=mode, antialias=True)
            parted += not torch.allclose(given, stepped, atol=1e-6)
    assert parted > 100


def test_size_and_scale_factor_agree_with_align_corners_true():
    x = torch.arange(5, dtype=torch.float64)[None, None]
    for kw in ({"align_corners": True}, {"align_corners": False}):
        a = F.interpolate(x, size=7, mode="linear", **kw)
        b = F.interpolate(x, scale_factor=1.5, mode="linear", **kw)
        assert torch.equal(a, b) == kw["align_corners"]


def test_size_7_and_scale_1_5_differ_only_in_the_interpolating_modes_with_align_corners_false():
    # Review 38: the page's "not the same 7 pixels" holds for the interpolating modes (antialiased
    # or not) with align_corners=False; area, and nearest/nearest-exact on 5 -> 7, give the same pixels.
    ranks = {"linear": 3, "bilinear": 4, "bicubic": 4, "trilinear": 5}
    for mode, rank in ranks.items():
        x = torch.rand((1, 2) + (5,) * (rank - 2), dtype=torch.float64, generator=torch.Generator().manual_seed(rank))
        for antialias in (False, True) if rank == 4 else (False,):
            for align in (None, False, True):
                a = F.interpolate(x, size=(7,) * (rank - 2), mode=mode, align_corners=align, antialias=antialias)
                b = F.interpolate(x, scale_factor=1.5, mode=mode, align_corners=align, antialias=antialias)
                assert torch.equal(a, b) == bool(align), (mode, antialias, align)
    for mode in ("nearest", "nearest-exact", "area"):
        for rank in (3, 4, 5):
            x = torch.rand((1, 2) + (5,) * (rank - 2), generator=torch.Generator().manual_seed(rank))
            assert torch.equal(
                F.interpolate(x, size=(7,) * (rank - 2), mode=mode), F.interpolate(x, scale_factor=1.5, mode=mode)
            )
    row = torch.tensor([[[0.0, 1.0]]])
    assert F.interpolate(row, scale_factor=2.4).flatten().tolist() == [0, 0, 0, 1]
    assert F.interpolate(row, size=4).flatten().tolist() == [0, 0, 1, 1]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_align_corners_true_returns_a_kept_axis_unchanged_in_every_interpolating_mode(dtype):
    # Review 38: "bicubic on float input never copies" holds with align_corners=False only.
    for n in (2, 3, 5, 10, 30, 100):
        for mode, rank in (("linear", 3), ("bilinear", 4), ("bicubic", 4), ("trilinear", 5)):
            x = torch.randn((1, 2) + (n,) * (rank - 2), dtype=dtype, generator=torch.Generator().manual_seed(n))
            keep = 1 + 0.6 / n
            assert torch.equal(F.interpolate(x, scale_factor=keep, mode=mode, align_corners=True), x), (n, mode)
            if mode == "bicubic" and n > 2:
                assert not torch.equal(F.interpolate(x, scale_factor=keep, mode=mode), x)


def test_nearest_x2_4_on_two_pixels_steps_in_3d_but_doubles_in_the_small_4d_kernel():
    # Review 39: "2 pixels x2.4 give 0, 0, 0, 1 in nearest" held on a 3-D row only; a small 4-D
    # image runs the CPU's channels-last kernel, whose nearest_idx doubles where out == 2 * in.
    row = torch.arange(2.0).view(1, 1, 2)
    assert F.interpolate(row, scale_factor=2.4)[0, 0].tolist() == [0, 0, 0, 1]
    assert F.interpolate(row, size=4)[0, 0].tolist() == [0, 0, 1, 1]
    for image, scale in ((row.view(1, 1, 1, 2), (1.0, 2.4)), (row.view(1, 1, 2, 1), (2.4, 1.0))):
        assert F.interpolate(image, scale_factor=scale).flatten().tolist() == [0, 0, 1, 1]


def test_whole_product_recompute_difference_is_not_confined_to_the_last_bits():
    # Review 42: "no difference beyond float rounding in the last bits": on signed float64 data the gap is
    # absolute (set by the neighbours), so an output near zero is off by thousands of its own ulps.
    gen = torch.Generator().manual_seed(0)
    worst = 0.0
    for _ in range(200):
        x = torch.randn(1, 1, 10, dtype=torch.float64, generator=gen)
        a = F.interpolate(x, scale_factor=1.3, mode="linear")
        b = F.interpolate(x, scale_factor=1.3, mode="linear", recompute_scale_factor=True)
        assert torch.allclose(a, b, rtol=0, atol=1e-12)
        ulp = torch.nextafter(b.abs(), torch.tensor(float("inf"), dtype=torch.float64)) - b.abs()
        worst = max(worst, ((a - b).abs() / ulp).max().item())
    assert worst > 1000


@pytest.mark.parametrize("capability", ["avx2", "default"])
def test_the_size_grid_is_symmetric_only_up_to_single_precision_on_long_rows(capability):
    # Review 44: "the grid is symmetric about the input's centre" (nearest-exact excepted only at ties) was
    # checked on rows of up to 30 pixels; the positions are float32, and on long rows nearest-exact picks a
    # pixel off the mirror image where no output pixel is a tie, in float32 and in float64.
    code = (
        "import torch, torch.nn.functional as F\n"
        "def off(n, out, dtype, mode):\n"
        "    p = F.interpolate(torch.arange(float(n), dtype=dtype).view(1, 1, -1), size=out, mode=mode)[0, 0].double()\n"
        "    d = torch.arange(out)\n"
        "    tie = ((2 * d + 1) * n % (2 * out) == 0) | ((2 * d.flip(0) + 1) * n % (2 * out) == 0)\n"
        "    gap = (p + p.flip(0) - (n - 1)).abs()\n"
        "    return int((gap > 0.5)[~tie].sum()), float(gap.max())\n"
        "print(off(2095, 4189, torch.float32, 'nearest-exact')[0], off(100000, 150001, torch.float64, 'nearest-exact')[0],\n"
        "      off(100000, 150001, torch.float64, 'linear')[1])\n"
    )
    f32, f64, linear = run_python(code, ATEN_CPU_CAPABILITY=capability).split()
    assert int(f32) > 0 and int(f64) > 0, (f32, f64)
    # linear: off by the rounding of float32 positions (a float32 step near 1e5 is 2**-7)
    assert 0 < float(linear) <= 2**-7, linear


def test_size_equal_to_the_input_is_the_identity_only_up_to_2_to_the_23_pixels():
    # Review 44: "with in = out that grid is the identity" was checked on axes of up to 20 pixels. The source
    # position (d + 0.5) * 1 - 0.5 is a float32: from d = 2^23 + 1 on, d + 0.5 rounds to an even neighbour, and
    # nearest-exact (float32 and float64) and float32 bicubic copy the next pixel there (at 2^23 + 2 pixels
    # that neighbour is past the end, and the clamp keeps the last pixel). Bicubic costs seconds a call here.
    cases = ((2**23, torch.float32, True), (2**23 + 2, torch.float32, True), (2**23 + 3, torch.float32, False))
    for n, dtype, identity in cases + ((2**23 + 3, torch.float64, False),):
        row = torch.arange(float(n), dtype=dtype).view(1, 1, n)
        assert torch.equal(F.interpolate(row, size=n, mode="nearest-exact"), row) == identity, (n, dtype)
    n = 2**23 + 3
    image = torch.arange(float(n)).view(1, 1, 1, n)
    y = F.interpolate(image, size=(1, n), mode="bicubic")[0, 0, 0]
    assert torch.equal(y[: 2**23], image[0, 0, 0, : 2**23]) and y[2**23 + 1].item() == 2**23 + 2  # the next pixel


def test_size_equal_to_the_input_nearest_copies_the_previous_pixel_from_2_to_the_24_plus_2_pixels():
    # Review 57: the list of modes that stop being the identity on long axes left out nearest. Its position
    # d * 1 goes through floorf: d = 2^24 + 1 rounds to the even 2^24, so from 2^24 + 2 pixels on output
    # 2^24 + 1 copies pixel 2^24, in every dtype and rank, except in the channels-last kernel (nearest_idx copies).
    torch.set_num_threads(2)
    for n, dtype, rank in (
        (2**24 + 1, torch.uint8, 3),
        (2**24 + 2, torch.float32, 4),
        (2**24 + 2, torch.float64, 3),
        (2**24 + 2, torch.uint8, 5),
    ):
        x = (torch.arange(n) % 251).to(dtype).view((1,) * (rank - 1) + (n,))
        y = F.interpolate(x, size=(1,) * (rank - 3) + (n,), mode="nearest").flatten()
        wrong = torch.nonzero(y != x.flatten()).flatten().tolist()
        assert wrong == ([] if n == 2**24 + 1 else [2**24 + 1]), (n, dtype, rank)
        if wrong:
            assert y[2**24 + 1] == x.flatten()[2**24]
    x = (torch.arange(2**24 + 2) % 251).to(torch.uint8).view(1, 1, 1, -1).expand(1, 4, 1, -1)
    x = x.contiguous(memory_format=torch.channels_last)
    assert torch.equal(F.interpolate(x, size=(1, 2**24 + 2), mode="nearest"), x)
    # Review 64: past 2^24 every odd output index rounds to an even one, down and up in turn (ties to even), so
    # from 2^24 + 5 pixels on output 2^24 + 3 copies the next pixel; the page named only the previous one.
    for extra, dtype, rank in ((4, torch.uint8, 3), (5, torch.float32, 3), (9, torch.uint8, 4), (12, torch.uint8, 5)):
        n = 2**24 + extra
        x = (torch.arange(n) % 251).to(dtype).view((1,) * (rank - 1) + (n,))
        y = F.interpolate(x, size=(1,) * (rank - 3) + (n,), mode="nearest").flatten()
        picks = {
            i - 2**24: (y[i] == x.flatten()[i + 1]).item() for i in torch.nonzero(y != x.flatten()).flatten().tolist()
        }
        expected = {j: j % 4 == 3 for j in range(1, extra) if j % 2 and (j % 4 == 1 or j + 1 < extra)}
        assert picks == expected, (n, dtype, rank, picks)  # True: the next pixel, False: the previous one
    docs = Path(__file__).resolve().parents[2] / "docs"
    en = " ".join((docs / "interpolate-sizes.md").read_text(encoding="utf-8").split())
    zh = (docs / "interpolate-sizes.zh.md").read_text(encoding="utf-8")
    assert (
        "and the next pixel at output pixel 2^24 + 3 from 2^24 + 5 pixels on" in en
        and "还在输出像素 2^24 + 3 处复制后一个像素" in zh
    )


def test_align_corners_true_float32_bicubic_keeps_an_axis_only_up_to_2_to_the_24_pixels():
    # Review 44: "with True ... bicubic return[s] it unchanged" was checked on axes of up to 100 pixels. Its
    # float32 position d * 1 rounds odd d past 2^24 to an even neighbour: 2^24 + 3 pixels lose pixel 2^24 + 1.
    # (float64 bicubic keeps such an axis only up to 2^24 + 4 pixels: the test after this one.)
    n = 2**24 + 3
    x = (torch.arange(n) % 1000).float().view(1, 1, 1, n)
    y = F.interpolate(x, scale_factor=(1.0, 1 + 0.5 / n), mode="bicubic", align_corners=True)
    assert y.shape == x.shape
    assert torch.nonzero((y != x).flatten()).flatten().tolist() == [2**24 + 1]


def test_float64_bicubic_keeps_an_axis_only_up_to_2_to_the_24_plus_4_pixels_and_float32_also_takes_the_previous():
    # Review 64: the page exempted float64 bicubic from the slips past 2^24. Its position d is exact, but
    # guard_index_and_lambda floors it with floorf: d = 2^24 + 3 becomes 2^24 + 4 and the fraction -1 is clamped
    # at 0, so from 2^24 + 5 pixels on output 2^24 + 3 copies the next pixel, with either align_corners.
    # Past 2^24 float32 bicubic (size = in) also copies the previous pixel, first at output 2^24 + 1.
    torch.set_num_threads(2)
    n = 2**24 + 9
    x = (torch.arange(n) % 251).double().view(1, 1, 1, n)
    for align in (False, True):
        y = F.interpolate(x, size=(1, n), mode="bicubic", align_corners=align).flatten()
        assert torch.nonzero(y != x.flatten()).flatten().tolist() == [2**24 + 3, 2**24 + 7], align
        assert y[2**24 + 3] == x.flatten()[2**24 + 4] and y[2**24 + 7] == x.flatten()[2**24 + 8]
    short = x[..., : 2**24 + 4]
    y = F.interpolate(short, size=(1, 2**24 + 4), mode="bicubic", align_corners=True)
    assert torch.equal(y, short)  # at 2^24 + 4 pixels the clamp keeps the last pixel
    row = x[..., : 2**24 + 2].float()
    y = F.interpolate(row, size=(1, 2**24 + 2), mode="bicubic").flatten()
    assert y[2**24 + 1] == row.flatten()[2**24] != row.flatten()[2**24 + 1]
    docs = Path(__file__).resolve().parents[2] / "docs"
    en = " ".join((docs / "interpolate-sizes.md").read_text(encoding="utf-8").split())
    zh = (docs / "interpolate-sizes.zh.md").read_text(encoding="utf-8")
    assert (
        "`bicubic` in float64 copies the next pixel at output pixel 2^24 + 3 from 2^24 + 5 pixels on (and at every"
        in en
    )
    assert "in float64, whose fraction is clamped at 0, from 2^24 + 5" in en
    assert "float64 的 `bicubic` 从 2^24 + 5 个像素起" in zh and "这个 `bicubic` 还在另一些输出复制前一个像素" in zh


def test_size_equal_to_the_input_half_precision_bicubic_is_the_identity_only_up_to_2_to_the_23_pixels_too():
    # Review 50: the page named "float32 bicubic" for the break at 2^23 + 3 pixels; bfloat16 (and float16,
    # the same float32 positions) bicubic copy the next pixel there too.
    n = 2**23 + 3
    for dtype in (torch.float16, torch.bfloat16):
        row = (torch.arange(n) % 256).to(dtype).view(1, 1, 1, n)
        y = F.interpolate(row, size=(1, n), mode="bicubic")
        assert torch.nonzero((y != row).flatten()).flatten().tolist() == [2**23, 2**23 + 1], dtype
        # Review 65: output 2^23 is no copy but the blend half-way between pixels 255 and 0 (taps 254, 255, 0, 1)
        assert y.flatten()[2**23].item() == 127.5, dtype


def test_align_corners_true_half_precision_bicubic_keeps_an_axis_only_up_to_2_to_the_24_pixels_too():
    # Review 50: the page limited the 2^24 break to "float32 bicubic"; float16 and bfloat16 compute their
    # positions in float32 too (opmath) and lose pixel 2^24 + 1 of 2^24 + 3 alike (bfloat16 run here: a
    # bicubic call on this row costs seconds; the test above runs both half dtypes at 2^23 + 3).
    n = 2**24 + 3
    x = (torch.arange(n) % 256).to(torch.bfloat16).view(1, 1, 1, n)
    y = F.interpolate(x, scale_factor=(1.0, 1 + 0.5 / n), mode="bicubic", align_corners=True)
    assert y.shape == x.shape
    assert torch.nonzero((y != x).flatten()).flatten().tolist() == [2**24 + 1]


def test_non_integer_nearest_cell_comment_is_about_its_3d_row_only():
    # Review 44: the cell's comment said, of every input, "non-integer scales with nearest: input pixels are copied
    # an uneven number of times, except [near a whole number]"; a small 4-D image x2.1 (the CPU's channels-last
    # kernel doubles) and a 2-pixel row x2.4 with recompute_scale_factor=True copy every pixel twice.
    image = torch.arange(25.0).view(1, 1, 5, 5)
    assert torch.bincount(F.interpolate(image, scale_factor=2.1, mode="nearest").long().flatten()).tolist() == [4] * 25
    row = torch.arange(2.0).view(1, 1, 2)
    even = F.interpolate(row, scale_factor=2.4, mode="nearest", recompute_scale_factor=True)
    assert torch.bincount(even.long().flatten()).tolist() == [2, 2]


def test_width_one_antialias_bug_does_not_always_drop_the_last_row():
    # Review 45: the averaging_tail cell's comment said antialiasing to one pixel wide while the height
    # changes "drops the last row of a float image"; it drops it at 4×4 -> 2×1 (the cell's case), not to a
    # single row (4×4 -> 1×1) nor in bicubic from 2 rows to 3.
    def last_row_weight(h, w, out_h, mode):
        eye = torch.eye(h * w).view(h * w, 1, h, w)
        weights = F.interpolate(eye, size=(out_h, 1), mode=mode, antialias=True).abs().flatten(1).sum(1)
        return weights.view(h, w)[-1].sum().item()

    assert last_row_weight(4, 4, 2, "bilinear") == 0
    assert last_row_weight(4, 4, 1, "bilinear") > 0.1
    assert last_row_weight(2, 2, 3, "bicubic") > 0.1


@pytest.mark.parametrize("dtype", [torch.complex64, torch.complex128])
def test_area_rejects_complex_5d_input_at_size_0_but_not_at_every_size(dtype):
    # Review 48: the page said area rejects 5-D input that is not floating point "at every size"; complex
    # 5-D input resized to one voxel per axis goes through torch's mean and comes back as that mean.
    x = torch.arange(2 * 4 * 4 * 4).view(1, 2, 4, 4, 4).to(dtype)
    with pytest.raises(NotImplementedError):
        F.interpolate(x, scale_factor=0.1, mode="area")
    one = F.interpolate(x, size=(1, 1, 1), mode="area")
    assert torch.equal(one, x.mean(dim=(-3, -2, -1), keepdim=True))
    import pathlib

    docs = pathlib.Path(__file__).resolve().parents[2] / "docs"
    assert "rejects at every size" not in docs.joinpath("interpolate-sizes.md").read_text(encoding="utf-8")
    assert "任何尺寸下都报错" not in docs.joinpath("interpolate-sizes.zh.md").read_text(encoding="utf-8")


def test_the_floor_rule_holds_for_positive_scales_a_negative_product_is_truncated_toward_zero():
    # Review 48: "With scale_factor, the output length is floor(in x scale)" held for positive scales only:
    # torch truncates the product toward zero (C++ and Python alike), so 6 x -0.25 = -1.5 gives -1, not -2,
    # and `area`, for which floor(6 x -0.1) would be -1, returns an empty tensor.
    x = torch.rand(1, 1, 6)
    for mode in ("nearest", "linear"):
        for recompute in (None, True):
            with pytest.raises(RuntimeError, match=r"output \(W: -1\)"):
                F.interpolate(x, scale_factor=-0.25, mode=mode, recompute_scale_factor=recompute)
    assert math.floor(6 * -0.25) == -2 and math.floor(6 * -0.1) == -1
    assert F.interpolate(x, scale_factor=-0.1, mode="area").shape == (1, 1, 0)
    import pathlib

    docs = pathlib.Path(__file__).resolve().parents[2] / "docs"
    assert "With a positive `scale_factor` of Python floats" in docs.joinpath("interpolate-sizes.md").read_text(
        encoding="utf-8"
    )
    assert "的正 `scale_factor` 时（本页处处如此）" in docs.joinpath("interpolate-sizes.zh.md").read_text(
        encoding="utf-8"
    )


ALL_DTYPES = sorted({value for value in vars(torch).values() if isinstance(value, torch.dtype)}, key=str)
QUANTIZED = (torch.quint8, torch.qint8, torch.qint32, torch.quint4x2, torch.quint2x4)


@pytest.mark.filterwarnings("ignore:ComplexHalf support is experimental", "ignore:BComplex32 support is experimental")
@pytest.mark.filterwarnings("ignore:torch.quantize_per_tensor")
def test_area_to_zero_pixels_is_empty_except_on_5d_input_without_channels_or_not_floating_point():
    # Review 50: "area quietly returns an empty tensor (except on 5-D input that is not floating point)"
    # missed 5-D input without channels, which adaptive_avg_pool3d rejects at any size; 3-D and 4-D
    # input without channels, and a batch of 0, do give an empty tensor.
    # Review 77: swept over every dtype of this torch. The list "(integer, bool, complex or float8)" left out
    # float4 and the bits dtypes, and quantized tensors break the rule both ways: 5-D quint8 with channels gives
    # an empty tensor, 4-D without channels raises. The page sets them aside.
    assert len(ALL_DTYPES) > 40 and torch.float4_e2m1fn_x2 in ALL_DTYPES
    floats = (torch.float16, torch.bfloat16, torch.float32, torch.float64)
    for rank, (batch, channels), dtype in itertools.product((3, 4, 5), ((0, 1), (1, 0), (2, 3)), ALL_DTYPES):
        if dtype in QUANTIZED:
            continue
        x = torch.empty((batch, channels) + (4,) * (rank - 2), dtype=dtype)
        size = (0,) + (2,) * (rank - 3)
        if rank == 5 and channels == 0:
            with pytest.raises(RuntimeError, match="non-zero size"):
                F.interpolate(x, size=size, mode="area")
        elif rank == 5 and dtype not in floats:
            with pytest.raises(NotImplementedError):
                F.interpolate(x, size=size, mode="area")
        else:
            assert F.interpolate(x, size=size, mode="area").shape == (batch, channels, *size), (rank, batch, dtype)
            assert F.interpolate(x, scale_factor=0.1, mode="area").numel() == 0
    quint8 = torch._empty_affine_quantized((1, 3, 4, 4, 4), scale=0.1, zero_point=0, dtype=torch.quint8)
    assert F.interpolate(quint8, scale_factor=0.1, mode="area").shape == (1, 3, 0, 0, 0)
    with pytest.raises(RuntimeError):
        F.interpolate(quint8[:, :0, 0], scale_factor=0.1, mode="area")
    docs = Path(__file__).resolve().parents[2] / "docs"
    assert (
        "empty tensor (quantized tensors aside, except on 5-D input that has no channels or is not float16, bfloat16, float32 or float64, which"
        in (docs / "interpolate-sizes.md").read_text("utf-8")
    )
    assert (
        "空张量（量化张量不在此列；没有通道的 5-D 输入，以及 dtype 不是 float16、bfloat16、float32 或 float64 的 5-D 输入除外"
        in (docs / "interpolate-sizes.zh.md").read_text("utf-8")
    )


def test_traced_size_is_off_by_at_most_one_pixel_below_2_to_the_23_and_by_more_past_2_to_the_24():
    # Review 54: "the traced function can give one pixel more or less" was measured on sizes near 120. Below
    # the conventions' 2^23 pixels a gap is one pixel at most (a sweep of lengths and scales); past 2^24 the
    # row's length itself rounds in float32: a whole scale of 2 on 2^24 + 1 pixels comes out 2 pixels short.
    # A batch of 0 keeps these rows free, and area's size is the same Python as recompute_scale_factor=True's.
    def gap(n, scale):
        row = torch.zeros(0, 1, n)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            traced = torch.jit.trace(
                lambda t: F.interpolate(t, scale_factor=scale, mode="area"), row, check_trace=False
            )
        eager = F.interpolate(row, scale_factor=scale, mode="area").shape[-1]
        assert eager == math.floor(n * scale)
        assert traced(row).shape[-1] == math.floor(float(np.float32(n) * np.float32(scale)))
        return traced(row).shape[-1] - eager

    rng = random.Random(0)
    gaps = []
    for _ in range(150):
        n = rng.choice([rng.randint(1, 2000), rng.randint(1, 2**23 - 1)])
        scale = rng.uniform(0.5, (2**23 - 1) / n)
        gaps.append(gap(n, scale))
    assert set(gaps) <= {-1, 0, 1} and len(set(gaps)) > 1
    # Review 71: "one pixel more or less": the sweep need not hit both; 120 from 88 gains one, 31 from 7 loses one.
    assert gap(88, 120 / 88) == 1 and gap(7, 31 / 7) == -1
    assert gap(2**24 + 1, 2.0) == -2 and gap(2**24 + 1, 3.0) == -3
    assert float(np.float32(2**24 + 1)) == 2**24  # the length itself, before any scale


def test_bicubic_returns_a_kept_axis_up_to_the_sign_of_zero():
    # Review 54: "with align_corners=True ... linear, bilinear, bicubic and trilinear return it unchanged" (and
    # the in = out identity) were tested with torch.equal, for which -0.0 == +0.0. Plain bicubic still weighs
    # two neighbours on each side by 0, and +0 + -0 is +0: a -0.0 between positive neighbours comes back +0.0.
    # The linear kernels (which add the pixel to itself with weight 0), nearest and antialias keep the sign.
    values = torch.tensor([3.0, 1.0, 5.0, 2.0, -0.0, 4.0, 6.0, 0.5])
    n, zero = len(values), 4
    for (mode, rank, kwargs), dtype in itertools.product(
        [
            ("linear", 3, {}),
            ("bilinear", 4, {}),
            ("trilinear", 5, {}),
            ("bicubic", 4, {}),
            ("nearest", 4, {}),
            ("nearest-exact", 4, {}),
            ("bilinear", 4, dict(antialias=True)),
            ("bicubic", 4, dict(antialias=True)),
        ],
        (torch.float32, torch.float64, torch.float16, torch.bfloat16),
    ):
        x = values.to(dtype).view((1, 1) + (1,) * (rank - 3) + (n,)).expand((1, 1) + (n,) * (rank - 2)).contiguous()
        calls = [dict(size=n)]
        if not mode.startswith("nearest"):  # they step by 1/scale_factor (nearest-exact) or depend on the size
            calls += [dict(scale_factor=1 + 0.6 / n, align_corners=True), dict(size=n, align_corners=True)]
        for call in calls:
            line = F.interpolate(x, mode=mode, **call, **kwargs)[(0, 0) + (0,) * (rank - 3)]
            assert torch.equal(line, values.to(dtype)), (mode, kwargs, dtype, call)
            assert bool(torch.signbit(line[zero])) == (mode != "bicubic" or bool(kwargs)), (mode, kwargs, dtype, call)


def _bilinear_near_1(x: torch.Tensor) -> torch.Tensor:
    return F.interpolate(x, scale_factor=1.075, mode="bilinear")


def test_deterministic_cuda_bilinear_and_trilinear_run_a_decomposition_that_never_copies():
    # Review 54: "the CUDA kernels ... bilinear and trilinear copy [when] every axis keeps its size" left out
    # torch.use_deterministic_algorithms(True), under which F.interpolate sends input that is not on the CPU
    # through torch._decomp's _upsample_linear_vec instead of the kernel. The meta device (not the CPU) shows
    # the route on any machine; the decomposition itself runs on the CPU and steps by 1/scale_factor.
    assert "_upsample_linear_vec" in inspect.getsource(F.interpolate)
    from torch._decomp.decompositions import _upsample_linear_vec

    torch.use_deterministic_algorithms(True)
    try:
        routes = {}
        for mode, rank in (("bilinear", 4), ("trilinear", 5), ("linear", 3)):
            x = torch.zeros((1, 2) + (8,) * (rank - 2), device="meta", requires_grad=True)
            routes[mode] = type(F.interpolate(x, scale_factor=1.075, mode=mode).grad_fn).__name__
        x = torch.zeros(1, 2, 8, 8, device="meta", requires_grad=True)
        routes["bilinear, antialias"] = type(
            F.interpolate(x, scale_factor=1.075, mode="bilinear", antialias=True).grad_fn
        ).__name__
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch.jit.script is deprecated
            scripted = torch.jit.script(_bilinear_near_1)
        routes["scripted bilinear"] = type(
            scripted(torch.zeros(1, 2, 8, 8, device="meta", requires_grad=True)).grad_fn
        ).__name__
    finally:
        torch.use_deterministic_algorithms(False)
    assert routes == {
        "bilinear": "AddBackward0",
        "trilinear": "AddBackward0",
        "linear": "UpsampleLinear1DBackward0",
        "bilinear, antialias": "UpsampleBilinear2DAaBackward0",
        "scripted bilinear": "UpsampleBilinear2DBackward0",  # the check sits under `if not is_scripting()`
    }
    for rank, n in ((4, 8), (4, 30), (5, 8), (5, 12)):
        x = torch.randn((1, 2) + (n,) * (rank - 2), dtype=torch.float64, generator=torch.Generator().manual_seed(n))
        keep = [1 + 0.6 / n] * (rank - 2)
        mode = {4: "bilinear", 5: "trilinear"}[rank]
        assert torch.equal(F.interpolate(x, scale_factor=keep, mode=mode), x)  # the CPU kernel copies
        decomposed = _upsample_linear_vec(x, None, False, keep)
        assert decomposed.shape == x.shape and not torch.allclose(decomposed, x, rtol=0, atol=1e-3), (rank, n)
        assert torch.equal(_upsample_linear_vec(x, [n] * (rank - 2), False, None), x)  # given size: the identity


def test_a_graph_traced_on_the_cpu_runs_the_kernel_off_the_cpu_with_the_switch_on():
    # Review 115: sizes ("CUDA bilinear and trilinear without antialias (outside torch.jit.script) run none of
    # these kernels but a decomposition") and support ("on any device but the CPU, F.interpolate then runs no
    # kernel but a decomposition") named torch.jit.script as the only exception; a torch.jit.trace graph recorded
    # on a CPU input replays the kernel off the CPU too (meta shows the route on any machine), at a kept axis
    # and a doubled one, so the rule is for eager mode
    for mode, rank, kernel in (
        ("bilinear", 4, "UpsampleBilinear2DBackward0"),
        ("trilinear", 5, "UpsampleTrilinear3DBackward0"),
    ):
        for n, keep in ((8, 1.075), (4, 2.0)):

            def resize(x, mode=mode, keep=keep):
                return F.interpolate(x, scale_factor=keep, mode=mode)

            shape = (1, 2) + (n,) * (rank - 2)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # torch.jit.trace is deprecated
                traced = torch.jit.trace(resize, torch.zeros(shape))
            torch.use_deterministic_algorithms(True)
            try:
                for dtype in (torch.float32, torch.float64):
                    x = torch.zeros(shape, device="meta", dtype=dtype, requires_grad=True)
                    assert type(resize(x).grad_fn).__name__ == "AddBackward0", (mode, n, dtype)
                    assert type(traced(x).grad_fn).__name__ == kernel, (mode, n, dtype)
            finally:
                torch.use_deterministic_algorithms(False)
    assert_pages_say(
        ("interpolate-sizes.md", "`trilinear` without antialias, in eager mode, run none of these kernels"),
        ("interpolate-sizes.zh.md", "不开抗混叠的 `bilinear` 和 `trilinear` 在 eager 模式下根本不走这些内核"),
        ("interpolate-support.md", "under `torch.use_deterministic_algorithms(True)` in eager mode: on any device"),
        ("interpolate-support.zh.md", "例外是在 eager 模式下开启 `torch.use_deterministic_algorithms(True)` 后的普通"),
    )


def test_under_torch_compile_the_cpu_linear_modes_do_not_copy_a_kept_axis():
    # Review 115: "On the CPU, on input that is not quantized, linear, bilinear and trilinear copy at every size"
    # (and equivalences' "the CPU's bilinear copies such an axis") holds for the kernels, which eager mode runs;
    # Inductor replaces the three .vec calls F.interpolate makes by torch._decomp's _upsample_linear_vec (a
    # compiled 10x10 float64 image x1.05 came back resampled, not copied), which steps by 1/scale_factor on the
    # CPU too, so the rule is for eager mode
    from torch._decomp.decompositions import _upsample_linear_vec
    from torch._inductor.decomposition import select_decomp_table

    table = select_decomp_table()
    for op in (
        torch.ops.aten.upsample_linear1d.vec,
        torch.ops.aten.upsample_bilinear2d.vec,
        torch.ops.aten.upsample_trilinear3d.vec,
    ):
        assert table[op] is _upsample_linear_vec, op
    for rank, n in ((3, 10), (4, 10), (5, 6)):
        mode = {3: "linear", 4: "bilinear", 5: "trilinear"}[rank]
        x = torch.randn((1, 2) + (n,) * (rank - 2), dtype=torch.float64, generator=torch.Generator().manual_seed(n))
        keep = [1 + 0.5 / n] * (rank - 2)
        assert torch.equal(F.interpolate(x, scale_factor=keep, mode=mode), x), mode
        assert not torch.equal(_upsample_linear_vec(x, None, False, keep), x), mode
    assert_pages_say(
        ("interpolate-sizes.md", "In eager mode on the CPU, on input that is not quantized, `linear`, `bilinear`"),
        ("interpolate-sizes.zh.md", "在 eager 模式下，CPU 上对非量化输入，`linear`、`bilinear` 和 `trilinear`"),
        (
            "interpolate-equivalences.md",
            "where the kernel copies it: in eager mode the CPU's `bilinear` copies such an axis",
        ),
        ("interpolate-equivalences.zh.md", "内核直接复制这个轴：在 eager 模式下，CPU 上的 `bilinear` 不论另一个轴"),
    )


def test_the_size_is_a_float64_product_only_for_python_float_factors():
    # Review 115: "With a positive scale_factor ..., the output length is floor(in x scale), computed in double
    # precision in eager mode": where Python computes the size (area, recompute_scale_factor=True) it multiplies
    # the factor as given, so a NumPy float32 factor gives floor of a float32 product and a Fraction floor of the
    # exact one; the C++ path converts both to double. Asking for 120 pixels from 60..240:
    for n in range(60, 241):
        x = torch.zeros(1, 1, 1, n)
        for s in (np.float32(120 / n), Fraction(120, n)):
            exact = math.floor(n * s)  # float32 product for np.float32, exact for Fraction
            double = math.floor(n * float(s))
            for mode, kwargs in (("area", {}), ("nearest", dict(recompute_scale_factor=True))):
                assert F.interpolate(x, scale_factor=(1.0, s), mode=mode, **kwargs).shape[-1] == exact, (n, s, mode)
            assert F.interpolate(x, scale_factor=(1.0, float(s)), mode="area").shape[-1] == double
    assert any(
        math.floor(n * np.float32(120 / n)) != math.floor(n * float(np.float32(120 / n))) for n in range(60, 241)
    )
    assert any(math.floor(n * Fraction(120, n)) != math.floor(n * float(Fraction(120, n))) for n in range(60, 241))
    assert_pages_say(
        ("interpolate-sizes.md", "With a positive `scale_factor` of Python floats (as everywhere on this page)"),
        ("interpolate-sizes.zh.md", "传由 Python 浮点数构成的正 `scale_factor` 时（本页处处如此）"),
        ("glossary.md", "for Python floats the product rounded to float64 first in eager mode"),
        ("glossary.zh.md", "对 Python 浮点数，在 eager 模式下乘积先舍入成 float64"),
    )


def test_eager_sizes_are_the_same_in_every_mode_only_for_python_float_factors():
    # Review 117: the how_often cell's comment said "In eager mode the same computation in every mode (area computes
    # it in Python, the others in C++)". Python multiplies the factor as given: a NumPy float32 factor gives area a
    # float32 product and a Fraction an exact one, while nearest and bilinear convert it to double in C++, so on
    # #96236's experiment the modes part in eager mode (area 120 where nearest gives 119 and the reverse).
    source = (Path(__file__).resolve().parents[2] / "examples" / "interpolate_sizes.py").read_text(encoding="utf-8")
    assert "# In eager mode the same computation in every mode" not in source
    assert "# For Python float factors in eager mode, the same computation in every mode" in source
    for make in (lambda n: np.float32(120 / n), lambda n: Fraction(120, n)):
        differ = []
        for n in range(60, 241):
            x = torch.zeros(1, 1, 1, n)
            sizes = {F.interpolate(x, scale_factor=(1.0, make(n)), mode=m).shape[-1] for m in ("nearest", "bilinear")}
            area = F.interpolate(x, scale_factor=(1.0, make(n)), mode="area").shape[-1]
            if sizes != {area}:
                differ.append(n)
        assert len(differ) > 10, differ
    assert F.interpolate(torch.zeros(1, 1, 1, 88), scale_factor=(1.0, Fraction(120, 88)), mode="area").shape[-1] == 120
    assert F.interpolate(torch.zeros(1, 1, 1, 88), scale_factor=(1.0, Fraction(120, 88))).shape[-1] == 119
    # The same limit where the Traced models section restates the eager rule.
    for page, old, new in (
        (
            "interpolate-sizes.md",
            "In eager mode the size is floor of a float64 product.",
            "In eager mode, for a factor of Python floats, the size is floor of a float64 product.",
        ),
        (
            "interpolate-sizes.zh.md",
            "eager 模式下，尺寸是 float64 乘积的向下取整。",
            "eager 模式下，对由 Python 浮点数构成的缩放因子，尺寸是 float64 乘积的向下取整。",
        ),
    ):
        text = (Path(__file__).resolve().parents[2] / "docs" / page).read_text(encoding="utf-8")
        assert old not in text and new in text, page


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.bfloat16])
def test_kept_axes_come_back_unchanged_only_for_finite_input(dtype):
    # Review 57: "linear, bilinear and trilinear copy" a kept axis and, with align_corners=True, "bicubic
    # return[s] it unchanged, up to the sign of zero": their zero weights multiply an inf too. The linear
    # kernels add each pixel to itself with weight 0 (inf -> nan, the rest unchanged); in bicubic an inf at
    # (r, c) away from the border stays inf and every other output whose taps (rows r - 2 .. r + 1, columns
    # c - 2 .. c + 1) reach it is nan. The antialiased kernels skip such an axis and return the inf.
    for n in range(6, 11):
        for r, c in itertools.product(range(2, n - 2), repeat=2):
            x = torch.rand(1, 1, n, n, generator=torch.Generator().manual_seed(n)).to(dtype)
            x[0, 0, r, c] = math.inf
            block = torch.zeros(n, n, dtype=torch.bool)
            block[r - 2 : r + 2, c - 2 : c + 2] = True
            block[r, c] = False
            for call in (dict(scale_factor=1 + 0.6 / n, align_corners=True), dict(size=n, align_corners=True)):
                y = F.interpolate(x, mode="bicubic", **call)[0, 0]
                assert torch.equal(y.isnan(), block) and y[r, c] == math.inf, (n, r, c, call)
            for mode, rank in (("linear", 3), ("bilinear", 4), ("trilinear", 5)):
                v = {3: x[0], 4: x, 5: x[:, :, None]}[rank]  # 3-D: the rows as channels
                for call in (
                    dict(scale_factor=1 + 0.6 / n),
                    dict(size=v.shape[2:]),
                    dict(size=v.shape[2:], align_corners=True),
                ):
                    y = F.interpolate(v, mode=mode, **call)
                    assert torch.equal(y.isnan(), v.isinf()) and torch.equal(y[~v.isinf()], v[~v.isinf()]), (mode, call)
            assert torch.equal(F.interpolate(x, size=n, mode="bilinear", antialias=True), x)


def test_the_long_axis_slips_are_stated_only_for_kernels_that_resample_the_kept_axis():
    # Review 60: "nearest copies the previous one ... wherever the CPU's channels-last kernel does not run" read
    # for CUDA too, whose 4-D nearest kernels copy a kept axis (UpSampleNearest2d.cu: height1 == height2 ? h2),
    # as its bicubic copies the input when every axis keeps its size (UpSampleBicubic2d.cu).
    docs = Path(__file__).resolve().parents[2] / "docs"
    en = " ".join(docs.joinpath("interpolate-sizes.md").read_text(encoding="utf-8").split())
    zh = docs.joinpath("interpolate-sizes.zh.md").read_text(encoding="utf-8")
    assert (
        "wherever the CPU's channels-last kernel does not run" not in en
        and "只要 CPU 没有走 channels-last 内核" not in zh
    )
    assert (
        "channels-last `nearest`, CUDA's 4-D `nearest` and `nearest-exact` (axis by axis), and CUDA's `bicubic`, and without the determinism"
        " switch its `bilinear` and `trilinear`, when every axis keeps its size" in en
    )
    assert "CUDA 的四维 `nearest` 和 `nearest-exact`（逐轴复制），以及所有轴尺寸都不变时 CUDA 的 `bicubic`" in zh


def test_the_list_of_kernels_that_copy_a_kept_axis_names_no_quantized_kernel():
    # Review 79 added the CPU's quantized nearest and nearest-exact to this list; review 81 found that their 5-D
    # channels_last_3d kernel copies only the first item of a batch (test_upsample_how shows it), and the site's
    # conventions leave quantized tensors out, so the list names none.
    docs = Path(__file__).resolve().parents[2] / "docs"
    en = " ".join(docs.joinpath("interpolate-sizes.md").read_text(encoding="utf-8").split())
    zh = docs.joinpath("interpolate-sizes.zh.md").read_text(encoding="utf-8")
    assert "its `uint8` `bicubic`, its channels-last `nearest`, CUDA's" in en
    assert "channels-last `nearest`，CUDA 的" in zh
    assert "quantized `nearest` and `nearest-exact`, CUDA" not in en and "CPU 上量化张量的 `nearest`" not in zh


@pytest.mark.filterwarnings("ignore:torch.quantize_per_tensor")
def test_the_cpu_copy_rules_of_the_nearest_modes_are_for_input_that_is_not_quantized():
    # Review 79: "nearest-exact never copies" and "nearest copies only when the CPU runs its channels-last kernel"
    # (sizes; coordinates: "On the CPU these cases belong to the channels-last kernel") failed on quantized input:
    # given a scale factor that keeps every size, the quantized 4-D and 5-D kernels return the input, where the
    # float32 kernels step by 1/scale_factor (a 65x65 image, out H + out W > 128; a 150-pixel row in nearest-exact).
    for shape, mode in itertools.product(
        ((1, 1, 65, 65), (1, 1, 150, 150), (1, 1, 3, 3, 150), (1, 2, 150, 3, 3)), ("nearest", "nearest-exact")
    ):
        if mode == "nearest-exact" and max(shape) < 150:
            continue  # (d + 0.5)/1.005 floors to d up to d = 100: the step shows only on longer axes
        x = (torch.arange(math.prod(shape)) % 251).float().view(shape)
        q = torch.quantize_per_tensor(x, 1.0, 0, torch.quint8)
        kept = F.interpolate(q, scale_factor=1.005, mode=mode)
        assert kept.shape == shape and torch.equal(kept.int_repr(), q.int_repr()), (shape, mode)
        assert not torch.equal(F.interpolate(x, scale_factor=1.005, mode=mode), x), (shape, mode)
    assert_pages_say(
        (
            "interpolate-sizes.md",
            "In eager mode on the CPU, on input that is not quantized, `linear`, `bilinear` and `trilinear` copy",
        ),
        ("interpolate-sizes.md", "On such input `nearest` copies (axis by axis"),
        ("interpolate-sizes.zh.md", "对这类输入，`nearest` 只有在 CPU 走 channels-last 内核时才会"),
        (
            "interpolate-sizes.zh.md",
            "CPU 上对非量化输入，`linear`、`bilinear` 和 `trilinear` 在任何尺寸下都会复制",
        ),
        (
            "interpolate-coordinates.md",
            "On the CPU, on input that is not quantized, these cases belong to the channels-last",
        ),
        ("interpolate-coordinates.zh.md", "在 CPU 上，对非量化输入，这些特例属于 channels-last 内核"),
    )


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_on_cuda_size_equal_to_the_input_slips_past_2_to_the_24_only_in_the_kernels_that_resample():
    n = 2**24 + 2
    row = (torch.arange(n, device="cuda") % 251).to(torch.uint8)
    for rank in (3, 4, 5):
        x = row.view((1,) * (rank - 1) + (n,))
        y = F.interpolate(x, size=(1,) * (rank - 3) + (n,), mode="nearest").flatten()
        wrong = torch.nonzero(y != row).flatten().tolist()
        assert wrong == ([] if rank == 4 else [2**24 + 1]), rank
    n = 2**23 + 3
    image = torch.arange(float(n), device="cuda").view(1, 1, 1, n)
    assert torch.equal(F.interpolate(image, size=(1, n), mode="bicubic"), image)  # every axis kept: a copy


def test_size_equal_to_the_input_bicubic_blends_output_2_to_the_23_from_2_to_the_23_plus_1_pixels():
    # Review 65: the page had bicubic stay exact up to 2^23 + 2 pixels and then copy neighbours. The position of
    # output 2^23, (2^23 + 0.5) - 0.5, is 2^23 - 0.5 in float32, so from 2^23 + 1 pixels on that output is the cubic
    # blend half-way between pixels 2^23 - 1 and 2^23 (taps 2, 3, 0 and 0 again, clamped: 1.59375), in each dtype.
    # (float16 and bfloat16, the same float32 positions, are checked at 2^23 + 3 pixels in the test above.)
    torch.set_num_threads(2)
    n = 2**23 + 1
    x = (torch.arange(n) % 4).float().view(1, 1, 1, n)
    y = F.interpolate(x, size=(1, n), mode="bicubic").flatten()
    assert torch.nonzero(y != x.flatten()).flatten().tolist() == [2**23]
    assert y[2**23].item() == 1.59375
    docs = Path(__file__).resolve().parents[2] / "docs"
    en = " ".join((docs / "interpolate-sizes.md").read_text(encoding="utf-8").split())
    zh = (docs / "interpolate-sizes.zh.md").read_text(encoding="utf-8")
    assert "copy a neighbouring pixel (or blend two):" in en and "that `bicubic` is off from 2^23 + 1 pixels on" in en
    assert "复制相邻的像素（或把两个像素混在一起）" in zh and "这个 `bicubic` 从 2^23 + 1 个像素起就已经出错" in zh


def test_the_deterministic_decomposition_of_bilinear_and_trilinear_leaves_the_identity_past_2_to_the_23():
    # Review 65: the page's list of what slips past 2^23 left out CUDA's bilinear and trilinear, which compute the
    # float32 position (d + 0.5) * 1 - 0.5 where they resample a kept axis; under use_deterministic_algorithms(True)
    # F.interpolate runs _upsample_linear_vec for them off the CPU, at any sizes. Run here on the CPU.
    import torch._decomp.decompositions as decompositions

    torch.set_num_threads(2)
    n = 2**23 + 3
    scale = decompositions._compute_scale(n, n, False)
    positions = decompositions._compute_source_index(scale, torch.arange(n).float(), False)
    wrong = torch.nonzero(positions != torch.arange(n, dtype=torch.float64)).flatten().tolist()
    assert wrong == [2**23, 2**23 + 1] and positions[2**23 : 2**23 + 2].tolist() == [2**23 - 0.5, 2**23 + 2]
    even = (torch.arange(n - 1) % 4).half().view(1, 1, 1, 1, n - 1)
    with pytest.raises(IndexError):
        decompositions._upsample_linear_vec(even, [1, 1, n - 1], False, None)
    docs = Path(__file__).resolve().parents[2] / "docs"
    en = " ".join((docs / "interpolate-sizes.md").read_text(encoding="utf-8").split())
    zh = (docs / "interpolate-sizes.zh.md").read_text(encoding="utf-8")
    assert (
        "on CUDA, `bilinear` and `trilinear` in float32, float16 and bfloat16 compute that same float32 position" in en
    )
    assert "CUDA 上 float32、float16 和 bfloat16 的 `bilinear` 和 `trilinear`" in zh


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_on_cuda_bilinear_leaves_a_kept_axis_past_2_to_the_23_where_the_other_axis_changes():
    n = 2**23 + 3
    x = (torch.arange(2 * n, device="cuda") % 4).float().view(1, 1, 2, n)
    y = F.interpolate(x, size=(3, n), mode="bilinear")[0, 0, 0]
    assert torch.nonzero(y != x[0, 0, 0]).flatten().tolist() == [2**23, 2**23 + 1]
    assert torch.equal(F.interpolate(x, size=(2, n), mode="bilinear"), x)  # every axis kept: a copy


def test_past_2_to_the_23_the_cpu_skips_a_kept_axis_in_its_separable_kernels_while_cuda_antialias_blends():
    # Review 66: the list of what slips past 2^23 had neither CUDA's antialiased bilinear and bicubic, which resample
    # a kept axis at any sizes (UpSample.cuh, _compute_weights_span: center = scale * (i + 0.5f) in float32, so
    # 2^23 + 0.5 rounds to 2^23 and output 2^23 mixes pixels 2^23 - 1 and 2^23), nor, among the kernels that copy such an axis,
    # the CPU's antialiased kernels and its uint8 bicubic. Two equal rows shrunk to one keep every value exact.
    torch.set_num_threads(2)
    n = 2**23 + 3
    row = torch.arange(n) % 4
    for dtype, mode, antialias in (
        (torch.float32, "bilinear", True),
        (torch.float32, "bicubic", True),
        (torch.uint8, "bicubic", False),
        (torch.float32, "bicubic", False),
    ):
        x = row.to(dtype).view(1, 1, 1, n).expand(1, 1, 2, n).contiguous()
        y = F.interpolate(x, size=(1, n), mode=mode, antialias=antialias).flatten()
        wrong = torch.nonzero(y != row.to(dtype)).flatten().tolist()
        assert wrong == ([2**23, 2**23 + 1] if dtype == torch.float32 and not antialias else []), (dtype, mode)
    docs = Path(__file__).resolve().parents[2] / "docs"
    en = " ".join((docs / "interpolate-sizes.md").read_text(encoding="utf-8").split())
    zh = (docs / "interpolate-sizes.zh.md").read_text(encoding="utf-8")
    assert "on CUDA, the antialiased `bilinear` and `bicubic` in float32, float16 and bfloat16" in en
    assert "the CPU's linear modes (for finite input), its antialiased kernels, its `uint8` `bicubic`" in en
    assert "CUDA 上 float32、float16 和 bfloat16 的抗混叠 `bilinear` 和 `bicubic`" in zh
    assert "`bicubic` also gives pixel 2^23 − 2, and pixel 2^23 + 1 where it exists, a negative weight" in en
    assert "`bicubic` 还会给像素 2^23 − 2 和像素 2^23 + 1（如果存在）各一个负权重" in zh
    assert "CPU 的线性类模式（输入为有限值时）、抗混叠内核、`uint8` 的 `bicubic`" in zh


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_on_cuda_antialias_blends_output_2_to_the_23_of_a_kept_axis():
    n = 2**23 + 3
    x = (torch.arange(n, device="cuda") % 4).float().view(1, 1, 1, n)
    y = F.interpolate(x, size=(1, n), mode="bilinear", antialias=True).flatten()
    assert y[2**23 - 1 : 2**23 + 1].tolist() == [3.0, 1.5]  # pixels 2^23 - 1 and 2^23 are 3 and 0
    # Review 67: centre 2^23 gives xmin = int(2^23 - 2 + 0.5) = 2^23 - 2, so bicubic's window starts one pixel
    # earlier than review 66 said (it expected 26/17 from pixels 2^23 - 1 ... 2^23 + 1 alone). Squares tell the
    # weights apart: pixels 2^23 - 2 ... 2^23 + 1 are 4, 9, 0, 1.
    for n, expected in ((2**23 + 3, 76 / 16), (2**23 + 1, 77 / 17)):  # -1/16, 9/16, 9/16, -1/16; no 2^23 + 1: /17
        x = ((torch.arange(n, device="cuda") % 4) ** 2).float().view(1, 1, 1, n)
        y = F.interpolate(x, size=(1, n), mode="bicubic", antialias=True).flatten()
        assert y[2**23].item() == pytest.approx(expected, abs=1e-5), n


def test_cuda_antialias_window_at_output_2_to_the_23_read_off_its_source_in_float32():
    # Review 69: the CUDA test above skips on a CPU-only build, so the page's account of the window is also checked
    # here against UpSample.cuh's arithmetic, in float32 (accscalar_t for float32, float16 and bfloat16):
    # center = scale * (i + 0.5f); xmin = int(center - support + 0.5f); xsize = min(int(center + support + 0.5f),
    # in) - xmin; weight j = filter((j + (xmin - center) + 0.5f) / scale), normalised. Review 66's window
    # (2^23 - 1 ... 2^23 + 1 for bicubic) fails here.
    f32 = np.float32

    def triangle(x):
        return max(f32(1) - abs(x), f32(0))

    def cubic(x, a=f32(-0.5)):
        x = abs(x)
        if x < 1:
            return ((a + 2) * x - (a + 3)) * x * x + 1
        return (((x - 5) * x + 8) * x - 4) * a if x < 2 else f32(0)

    i = 2**23
    for n in (2**23 + 1, 2**23 + 2, 2**23 + 3):
        for filt, support in ((triangle, f32(1)), (cubic, f32(2))):
            center = f32(1) * (f32(i) + f32(0.5))
            assert center == 2**23
            xmin = max(int(center - support + f32(0.5)), 0)
            xsize = min(int(center + support + f32(0.5)), n) - xmin
            w = [filt(f32(j) + (f32(xmin) - center) + f32(0.5)) for j in range(xsize)]
            window = {xmin + j - 2**23: float(wj / sum(w)) for j, wj in enumerate(w) if wj != 0}
            if filt is triangle:
                assert window == {-1: 0.5, 0: 0.5}, n  # their mean
            else:  # pixel 2^23 - 2, and pixel 2^23 + 1 where it exists, negative
                expected = {-2: -1, -1: 9, 0: 9, 1: -1} if n > 2**23 + 1 else {-2: -1, -1: 9, 0: 9}
                total = sum(expected.values())
                assert window == pytest.approx({k: v / total for k, v in expected.items()}), n


def test_coverage_comment_is_about_its_row_not_every_scale():
    # Review 107: the coverage comment said, for any call, that the given scale stretches the input and shows only
    # out/scale input pixels; on the CPU `linear` copies an axis that keeps its size: 10 pixels x1.05 show all 10.
    row = torch.rand(1, 1, 10, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    assert 10 / 1.05 < 10 and torch.equal(F.interpolate(row, scale_factor=1.05, mode="linear"), row)
    source = (Path(__file__).resolve().parents[2] / "examples" / "interpolate_sizes.py").read_text(encoding="utf-8")
    assert "# What the grid means on this row: with the given scale" in source
    assert "# What the grid means: with the given scale" not in source


def test_docstring_names_the_calls_whose_grid_ignores_the_scale_factor():
    # Review r129-2: the example's docstring said the scale factor sets the sampling coordinates 'unless
    # recompute_scale_factor=True'; the page also excepts area, align_corners=True and the kernels that copy
    # or double. Each of them gives the grid of the size call for a scale whose step 1/s differs from in/out.
    ramp = torch.arange(5.0, dtype=torch.float64).view(1, 1, 1, -1)
    for n, s in ((5, 1.5), (7, 1.3), (10, 1.05), (5, 2.1), (9, 0.7)):
        row = torch.arange(float(n), dtype=torch.float64).view(1, 1, 1, -1)
        out = int(n * s)
        assert F.interpolate(row, size=(1, out), mode="area").equal(
            F.interpolate(row, scale_factor=(1.0, s), mode="area")
        )
        for mode in ("bilinear", "bicubic"):
            torch.testing.assert_close(
                F.interpolate(row, scale_factor=(1.0, s), mode=mode, align_corners=True),
                F.interpolate(row, size=(1, out), mode=mode, align_corners=True),
                rtol=0,
                atol=1e-12,
            )
    # A kept axis is copied by the CPU's bilinear, and a small 4-D nearest doubles at out = 2 * in.
    assert F.interpolate(ramp, scale_factor=(1.0, 1.1), mode="bilinear").equal(ramp)
    doubled = F.interpolate(ramp, scale_factor=(1.0, 2.1), mode="nearest")
    assert doubled.equal(ramp.repeat_interleave(2, dim=-1))
    # ... where a plain step of 1/scale_factor would differ.
    assert not F.interpolate(ramp[0], scale_factor=2.1, mode="nearest").equal(ramp[0].repeat_interleave(2, dim=-1))
    doc = ast.get_docstring(
        ast.parse((Path(__file__).resolve().parents[2] / "examples" / "interpolate_sizes.py").read_text("utf-8"))
    )
    doc = " ".join(doc.split())
    assert "once (unless ``recompute_scale_factor=True``) for the sampling coordinates" not in doc
    assert "With a positive ``scale_factor`` of Python floats" in doc
    assert (
        "once for the sampling coordinates (except with ``area``, ``align_corners=True`` or"
        " ``recompute_scale_factor=True``, and where a kernel copies or doubles instead)" in doc
    )


def test_the_pointers_into_the_nearest_and_averaging_tail_cells_land_on_the_lines_they_name():
    # Review r132-2 (UNTESTED): the page points at 'the ×2.000000001 line below' (even copies) and, in the
    # averaging_tail cell, at 'the last line below' (the whole last row of a 4×4 shrunk to 2×1 without weight) and
    # at bicubic's '×0.2 below' (its last pixel without weight, none at ×0.37). No test read those positions.
    lines = printed_by("interpolate_sizes.py").splitlines()
    assert "x2.000000001: output 16 px, copies of each input pixel [2, 2, 2, 2, 2, 2, 2, 2]" in lines
    tail = lines[lines.index("scale_factor=0.37, area: 2 px, input pixels without weight []") :]
    tail = tail[: next(i for i, line in enumerate(tail) if line.startswith("7 pixels, scale 0.5"))]
    assert tail[-1] == "CPU, float32 4×4 -> 2×1, bilinear, antialias: input pixels without weight [12, 13, 14, 15]"
    assert "scale_factor=0.2, bicubic, antialias: 1 px, input pixels without weight [7]" in tail
    assert "scale_factor=0.37, bicubic, antialias: 2 px, input pixels without weight []" in tail
    assert_pages_say(
        ("interpolate-sizes.md", "(the ×2.000000001 line below)"),
        ("interpolate-sizes.md", "the whole last row of a 4×4 image shrunk to 2×1 in the last line below"),
        ("interpolate-sizes.md", "as at ×0.2 below"),
        ("interpolate-sizes.zh.md", "见下面 ×2.000000001 那一行"),
        ("interpolate-sizes.zh.md", "比如下面最后一行里 4×4 → 2×1 的整个最后一行"),
        ("interpolate-sizes.zh.md", "比如下面的 ×0.2"),
    )


def test_the_one_pixel_bicubic_mix_points_at_the_section_that_gives_its_formula():
    """The pointer went to 'which modes work where', which only mentions the two-pixel read in passing; the formula,
    tested in test_interpolate_coordinates.py, is in the coordinates page's first section (noticed by review r133-2)."""
    assert_pages_say(
        (
            "interpolate-sizes.md",
            "(1.125 · x0 − 0.125 · x1: [Coordinates and align_corners](interpolate-coordinates.md#where-each-output-pixel-looks))",
        ),
        (
            "interpolate-sizes.zh.md",
            "（1.125 · x0 − 0.125 · x1，见[坐标映射与 align_corners](interpolate-coordinates.md#每个输出像素看向哪里)）",
        ),
    )
    for page, section in (
        ("interpolate-coordinates.md", "## Where each output pixel looks"),
        ("interpolate-coordinates.zh.md", "## 每个输出像素看向哪里"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "1.125 · x0 − 0.125 · x1" in text[text.index(section) :].split("\n## ")[0], page


def test_the_traced_models_the_next_cell_and_the_next_section_pointers_land_where_they_say():
    # Review r136-2 (UNTESTED): three pointers of this page had no test. (1) The size is computed 'in float32 under
    # torch.jit.trace in two cases, see "Traced models" below' (zh 见下文“trace 之后的模型”一节): that section must
    # come later and name the two cases, area and recompute_scale_factor=True. (2) 'Some kernels ignore the scale in
    # special cases, described below the next cell' (zh 详见下一个单元格之后的说明): the next embed must be the
    # coverage cell, and 'The special cases:' must follow it before the copy_cases table. (3) area 'turns the scale
    # into a size first (see the next section)' (zh 见下一节): the next level-2 section must be area's.
    for page, traced, traced_heading, two_cases, next_cell, special, next_section, area_heading in (
        (
            "interpolate-sizes.md",
            'in two cases, see "Traced models" below',
            "### Traced models compute the size in float32",
            "which is the case for `area` (always) and for\n`recompute_scale_factor=True`",
            "Some kernels ignore the scale in special cases, described below the next cell.",
            "The special cases: when an axis keeps its size",
            "it turns the scale into a size first (see the next section)",
            "## `area` with a scale factor",
        ),
        (
            "interpolate-sizes.zh.md",
            "有两种情况改用 float32，见下文“trace 之后的模型”一节",
            "### trace 之后的模型用 float32 计算尺寸",
            None,
            "有些内核在特殊情况下不理会这个缩放因子，详见下一个单元格之后的说明。",
            "所谓特殊情况：某个轴的尺寸不变时",
            "它会先把缩放因子换算成尺寸（见下一节）",
            "## 带 scale_factor 的 `area`",
        ),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert text.index(traced) < text.index(traced_heading), page
        if two_cases:
            assert two_cases in text[text.index(traced_heading) :].split("\n## ")[0].split("\n### ")[0], page
        embeds = [m.start() for m in re.finditer(r"^::: example ", text, flags=re.M)]
        here = text.index(next_cell)
        cell = next(i for i in embeds if i > here)
        assert text.startswith("::: example interpolate_sizes.py#coverage", cell), page
        table = text.index("::: example interpolate_sizes.py#copy_cases")
        assert cell < text.index(special) < table and next(i for i in embeds if i > cell) == table, page
        level2 = [m.start() for m in re.finditer(r"^## ", text, flags=re.M)]
        assert text.startswith(area_heading, next(i for i in level2 if i > text.index(next_section))), page


@pytest.mark.filterwarnings("ignore:torch.quantize_per_tensor")
def test_the_65x65_comment_limits_the_4d_copy_rule_to_input_that_is_not_quantized():
    # Review r137-2: the recompute_nearest cell's comment said "The 4-D CPU kernel copies only for small outputs
    # (out H + out W <= 128) or channels_last with more than 3 channels", the page's rule without its limit "on input
    # that is not quantized": the CPU's quantized 4-D nearest copies a kept size at every size, the cell's own 65x65
    # ramp at x1.00001 included (and 200x200), in every per-tensor dtype, where float32 steps by 1/1.00001.
    for n, dtype in itertools.product((65, 200), (torch.quint8, torch.qint8, torch.qint32)):
        wide = (torch.arange(float(n)) % 100).expand(1, 1, n, n).contiguous()
        q = torch.quantize_per_tensor(wide, 1.0, 0, dtype)
        assert 2 * n > 128 and torch.equal(F.interpolate(q, scale_factor=1.00001).int_repr(), q.int_repr()), (n, dtype)
        assert not torch.equal(F.interpolate(wide, scale_factor=1.00001), wide), n
    source = (ROOT / "examples" / "interpolate_sizes.py").read_text(encoding="utf-8")
    assert "# On input that is not quantized, the 4-D CPU kernel copies only for small outputs" in source
    assert "# The 4-D CPU kernel copies only for small outputs" not in source


def test_the_hair_above_1_comment_limits_the_step_to_its_contiguous_single_channel_tensors():
    # Review r138-2: the recompute_nearest cell's comment said "the kernel steps by 1/1.00001, unless the scale is
    # recomputed or the 4-D kernel's copy case applies", leaving out the CPU's 5-D copies: a 2x2x2 volume kept at
    # x1.00001 comes back unchanged in channels_last_3d with more than 3 channels, and quantized (per tensor, either
    # layout, any channel count), where the cell's contiguous single-channel float volume steps by 1/1.00001.
    for channels in (1, 4, 6):
        block = torch.arange(1.0, 8 * channels + 1).view(1, channels, 2, 2, 2)
        assert not torch.equal(F.interpolate(block, scale_factor=1.00001), block), channels
        last = block.contiguous(memory_format=torch.channels_last_3d)
        assert torch.equal(F.interpolate(last, scale_factor=1.00001), last) == (channels > 3), channels
        for dtype, layout in itertools.product(
            (torch.quint8, torch.qint8, torch.qint32), (torch.contiguous_format, torch.channels_last_3d)
        ):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                q = torch.quantize_per_tensor(block, 1.0, 0, dtype).contiguous(memory_format=layout)
            kept = F.interpolate(q, scale_factor=1.00001)
            assert torch.equal(kept.int_repr(), q.int_repr()), (channels, dtype, layout)
    source = (ROOT / "examples" / "interpolate_sizes.py").read_text(encoding="utf-8")
    assert "# single-channel tensors the kernel steps by 1/1.00001, unless the scale is recomputed" in source
    assert "the CPU copies in 5-D too for channels_last_3d with more than 3 channels and for quantized input" in source
    assert (
        "# kernel steps by 1/1.00001, unless the scale is recomputed or the 4-D kernel's copy case applies."
        not in source
    )


def test_every_link_of_this_page_to_a_page_of_the_site_is_labelled_with_its_title():
    # Review r138-2: the one-pixel bicubic mix pointed to '[Coordinates](interpolate-coordinates.md#...)' (zh
    # [坐标映射](...)), a label that is neither the title of that page, "Coordinates and align_corners" (zh 坐标映射与
    # align_corners), nor of its section: every link of the page to another page's top or section must carry that
    # page's title (links to a page of this site, not to GitHub; labels written as prose, such as "the exact rule",
    # are listed and kept).
    prose = {"the exact rule", "准确的规则", "conventions", "约定"}
    for page in ("interpolate-sizes.md", "interpolate-sizes.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        links = re.findall(r"\[([^\]]+)\]\(([a-z-]+)\.md(?:#[^)]*)?\)", text)
        assert len(links) >= 6, page
        for label, target in links:
            if label in prose:
                continue
            target_page = f"{target}.zh.md" if page.endswith(".zh.md") else f"{target}.md"
            title = (ROOT / "docs" / target_page).read_text(encoding="utf-8").split("\n", 1)[0].removeprefix("# ")
            assert label == title, (page, label, title)


def test_the_conventions_pointer_lands_on_the_conventions_section_that_names_2_to_the_23():
    # Review r138-2: "the 2^23 pixels of this site's [conventions](glossary.md)" (zh 本站[约定](glossary.md)的 2^23
    # 个像素) landed on the top of the glossary, a list of terms; the 2^23-sample limit is in its Conventions section,
    # far below, whose anchor is #conventions in en and zh alike.
    assert_pages_say(
        ("interpolate-sizes.md", "the 2^23 pixels of this\nsite's [conventions](glossary.md#conventions):"),
        ("interpolate-sizes.zh.md", "轴长超过本站[约定](glossary.md#conventions)的 2^23 个像素时"),
    )
    for page, heading, limit in (
        ("glossary.md", "## Conventions { #conventions }", "**Axes shorter than 2²³ samples** (8,388,608)"),
        ("glossary.zh.md", "## 约定 { #conventions }", "2²³"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        top, _, section = text.partition(heading)
        assert section and limit in section.split("\n## ")[0] and limit not in top, page
    for page in ("interpolate-sizes.md", "interpolate-sizes.zh.md"):
        assert "](glossary.md)" not in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


@pytest.mark.parametrize(
    "page, before, anchor, said",
    [
        (
            "interpolate-sizes.md",
            "code picks pixel 1",
            "single-precision-in-the-nearest-modes",
            "ATEN_CPU_CAPABILITY=default",
        ),
        ("interpolate-sizes.md", "42 times `channels_last`", "single-precision-in-the-nearest-modes", "47×2 → 47×82"),
        ("interpolate-sizes.zh.md", "代码取像素 1", "最近邻模式里的单精度", "ATEN_CPU_CAPABILITY=default"),
        ("interpolate-sizes.zh.md", "复制 42 次；见", "最近邻模式里的单精度", "47×2 → 47×82"),
    ],
)
def test_the_pointers_to_coordinates_land_on_its_single_precision_section(page, before, anchor, said):
    # Review r139-2: "(see [Coordinates and align_corners](interpolate-coordinates.md))" after the 2 -> 41 tie that
    # AVX2 and AVX-512 code picks as pixel 1, and after the 47x2 -> 47x82 float64 nearest, landed on the top of that
    # page; both are stated in its section "Single precision in the nearest modes" (zh 最近邻模式里的单精度).
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    near = text[text.index(before) : text.index(before) + 160]
    link = re.search(r"\]\(interpolate-coordinates\.md(#[^)]*)?\)", near)
    assert link and link.group(1) == f"#{anchor}", (page, before, link and link.group(0))
    target = "interpolate-coordinates.zh.md" if page.endswith(".zh.md") else "interpolate-coordinates.md"
    assert said in docs_section(target, anchor), (target, anchor, said)
