"""The claims of docs/upsample*.md, asserted on the values its example computes."""

import importlib
import inspect
import itertools
import math
import re
import warnings
from fractions import Fraction

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ROOT, assert_pages_say, docstring_of, run_example, run_in_generic_x86_code, run_python


@pytest.fixture(scope="module")
def ns():
    return run_example("upsample_how.py")


def test_seed_example_shape_and_no_parameters(ns):
    assert tuple(ns["y"].shape) == (3, 4, 16, 16)
    assert sum(p.numel() for p in ns["upsample"].parameters()) == 0


def test_upsample_is_interpolate():
    x = torch.randn(2, 3, 5, 7, generator=torch.Generator().manual_seed(0))
    for mode in ("nearest", "bilinear", "bicubic"):
        assert torch.equal(nn.Upsample(scale_factor=2, mode=mode)(x), F.interpolate(x, scale_factor=2, mode=mode))


def test_upsample_is_not_interpolate_for_every_argument():
    # Review r101-9: the page said the module's output "is identical to calling F.interpolate with the same
    # arguments", but nn.Upsample turns a falsy scale_factor into None, so given size too it resizes where
    # F.interpolate refuses both
    for rank, zero in itertools.product((3, 4, 5), (0, 0.0)):
        x = torch.rand((1, 2) + (8,) * (rank - 2))
        assert nn.Upsample(size=16, scale_factor=zero)(x).shape[2:] == (16,) * (rank - 2)
        with pytest.raises(ValueError, match="only one of size or scale_factor"):
            F.interpolate(x, size=16, scale_factor=zero)
    en, zh = ((ROOT / "docs" / f"upsample{lang}.md").read_text(encoding="utf-8") for lang in ("", ".zh"))
    assert "and here its output is identical to calling `F.interpolate`" in en
    assert "`nn.Upsample(size=16, scale_factor=0)` resizes" in en
    assert (
        "在这里它的输出与用相同参数调用 `F.interpolate`" in zh
        and "`nn.Upsample(size=16, scale_factor=0)` 能正常缩放" in zh
    )


def test_nearest_copies_each_pixel_into_a_2x2_block():
    x = torch.randn(1, 2, 5, 6, generator=torch.Generator().manual_seed(1))
    y = nn.Upsample(scale_factor=2, mode="nearest")(x)
    for dy in (0, 1):
        for dx in (0, 1):
            assert torch.equal(y[..., dy::2, dx::2], x)


def test_nearest_is_not_always_the_closest_pixel_and_nearest_exact_is(ns):
    # The page: nearest copies floor(d * in/out), at non-whole factors a farther pixel, and in
    # float32 a few whole factors slip too; nearest-exact copies the closest (float32, the default).
    def distance_to_closest(n_in, n_out, mode, **kwargs):
        ramp = torch.arange(float(n_in)).view(1, 1, -1)
        picked = F.interpolate(ramp, mode=mode, **(kwargs or {"size": n_out}))[0, 0].double()
        centre = ((torch.arange(picked.numel(), dtype=torch.float64) + 0.5) * n_in / picked.numel() - 0.5).clamp(
            0, n_in - 1
        )
        return (picked - centre).abs() - (centre - centre.round()).abs()

    slips = set()
    for n_in in range(1, 9):
        for k in range(1, 101):
            for kwargs in ({}, {"scale_factor": k}):
                assert distance_to_closest(n_in, n_in * k, "nearest-exact", **kwargs).max() < 1e-9, (n_in, k)
                if distance_to_closest(n_in, n_in * k, "nearest", **kwargs).max() > 1e-6:
                    slips.add(k)
    assert 41 in slips and not slips & {1, 2, 3, 4, 8, 16}, sorted(slips)
    assert len(slips) < 30  # a few whole factors, not most
    farther = []
    for n_in in range(2, 12):
        for n_out in range(n_in + 1, 40):
            assert distance_to_closest(n_in, n_out, "nearest-exact").max() < 1e-9, (n_in, n_out)
            if distance_to_closest(n_in, n_out, "nearest").max() > 0.1:
                farther.append((n_in, n_out))
    assert (5, 7) in farther and len(farther) > 100
    for n_in in range(2, 30):  # shrinking: nearest-exact still copies the closest, nearest need not
        for n_out in range(1, n_in):
            assert distance_to_closest(n_in, n_out, "nearest-exact").max() < 1e-9, (n_in, n_out)
    assert distance_to_closest(9, 3, "nearest").max() > 0.9
    assert ns["copied"]["nearest-exact"] == ns["closest"] != ns["copied"]["nearest"]
    assert ns["closest"] == [0, 1, 1, 2, 3, 3, 4]


def test_upsampling_bilinear2d_is_the_align_corners_true_row(ns):
    torch.testing.assert_close(
        ns["old_row"],
        F.interpolate(ns["grid"], scale_factor=2, mode="bilinear", align_corners=True)[0, 0, 0],
        atol=0,
        rtol=0,
    )
    assert not torch.allclose(ns["old_row"], F.interpolate(ns["grid"], scale_factor=2, mode="bilinear")[0, 0, 0])
    generator = torch.Generator().manual_seed(9)
    for n in range(2, 8):
        x = torch.randn(1, 2, n, n + 1, generator=generator)
        for kwargs in ({"scale_factor": 2}, {"scale_factor": 3}, {"size": (2 * n + 1, n)}):
            old = nn.UpsamplingBilinear2d(**kwargs)(x)
            torch.testing.assert_close(
                old, F.interpolate(x, mode="bilinear", align_corners=True, **kwargs), atol=0, rtol=0
            )
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # "silently switches to False": the replacement does not warn
                assert not torch.allclose(old, nn.Upsample(mode="bilinear", **kwargs)(x)), (n, kwargs)


def test_docs_align_corners_rows():
    grid = torch.arange(1.0, 5.0).view(1, 1, 2, 2)
    false_row = F.interpolate(grid, scale_factor=2, mode="bilinear", align_corners=False)[0, 0, 0]
    true_row = F.interpolate(grid, scale_factor=2, mode="bilinear", align_corners=True)[0, 0, 0]
    torch.testing.assert_close(false_row, torch.tensor([1.0, 1.25, 1.75, 2.0]))
    torch.testing.assert_close(true_row, torch.tensor([1.0, 4 / 3, 5 / 3, 2.0]))


@pytest.mark.parametrize("size_in,size_out", [(2, 4), (3, 7), (5, 8), (8, 3)])
@pytest.mark.parametrize("align", [False, True])
def test_align_corners_sampling_formulas(size_in, size_out, align):
    # A linear ramp interpolates exactly, so the output equals the sampled source position
    # (clamped to the input, as torch does at the borders for align_corners=False).
    ramp = torch.arange(float(size_in), dtype=torch.float64).view(1, 1, -1)
    out = F.interpolate(ramp, size=size_out, mode="linear", align_corners=align)[0, 0]
    d = torch.arange(float(size_out), dtype=torch.float64)
    if align:
        src = d * (size_in - 1) / (size_out - 1)
    else:
        src = ((d + 0.5) * size_in / size_out - 0.5).clamp(0, size_in - 1)
    torch.testing.assert_close(out, src)


CORNER_RANKS = {"linear": 3, "bilinear": 4, "bicubic": 4, "trilinear": 5}


def corners(t):
    for dim in range(2, t.dim()):
        t = t.index_select(dim, torch.tensor([0, t.shape[dim] - 1]))
    return t


@settings(max_examples=300, deadline=None)
@given(
    mode=st.sampled_from(sorted(CORNER_RANKS)),
    align=st.booleans(),
    data=st.data(),
    by_size=st.booleans(),
    dtype=st.sampled_from([torch.float32, torch.float64]),
    seed=st.integers(0, 10**6),
)
def test_which_settings_keep_the_corners(mode, align, data, by_size, dtype, seed):
    rank = CORNER_RANKS[mode]
    limit = 40 if rank == 5 else 400
    sizes_in = tuple(data.draw(st.integers(1, 9)) for _ in range(rank - 2))
    if by_size:
        sizes_out = tuple(data.draw(st.integers(2, limit)) for _ in range(rank - 2))
        kwargs = {"size": sizes_out}
    else:
        factor = data.draw(st.one_of(st.integers(2, 100).map(float), st.floats(0.1, 12.0)))
        sizes_out = tuple(int(n * factor) for n in sizes_in)
        if min(sizes_out) < 2 or max(sizes_out) > limit:
            return
        kwargs = {"scale_factor": factor}
    x = torch.randn((1, 2, *sizes_in), dtype=dtype, generator=torch.Generator().manual_seed(seed)) - 0.5
    error = (corners(F.interpolate(x, mode=mode, align_corners=align, **kwargs)) - corners(x)).abs().max().item()
    rounding = 1e-5 if dtype == torch.float32 else 1e-12
    enlarge = all(o > i for i, o in zip(sizes_in, sizes_out))
    shrink = all(o < i for i, o in zip(sizes_in, sizes_out))
    # The last output pixel reads (out - 0.5)/s - 0.5, s = out/in given size, scale_factor given it;
    # it is clamped onto the last input pixel when that position is at least in - 1.
    steps = [o / i for i, o in zip(sizes_in, sizes_out)] if by_size else [factor] * len(sizes_in)
    reach = [(o - 0.5) / s - 0.5 - (i - 1) for i, o, s in zip(sizes_in, sizes_out, steps)]
    if align or (enlarge and mode != "bicubic" and min(reach) > -1e-9):
        assert error < rounding, (sizes_in, sizes_out)
    elif shrink or (enlarge and mode == "bicubic" and min(sizes_in) > 1) or (enlarge and min(reach) < -1e-3):
        assert error > 1e-6, (sizes_in, sizes_out)
    if by_size and enlarge:
        assert min(reach) > -1e-9  # with size, enlarging always reaches the border


def test_scale_factor_can_stop_short_of_the_last_pixel():
    # 5 x 1.5 = 7.5 -> 7 pixels; the last reads 6.5/1.5 - 0.5 = 3.83, so the corner is not kept.
    x = torch.tensor([[[0.0, -1.0, 2.0, -3.0, 4.0]]])
    for mode, view in (("linear", (1, 1, 5)), ("bilinear", (1, 1, 1, 5)), ("trilinear", (1, 1, 1, 1, 5))):
        last = F.interpolate(x.view(view), scale_factor=1.5, mode=mode)[..., -1].item()
        assert abs(last - 4.0) > 1.0
        assert F.interpolate(x.view(view), size=view[2:-1] + (7,), mode=mode)[..., -1].item() == 4.0


@pytest.mark.parametrize("mode,rank", [("linear", 3), ("bilinear", 4), ("bicubic", 4), ("trilinear", 5)])
def test_an_output_of_size_one_takes_the_first_corner_with_align_corners_true(mode, rank):
    for n in (1, 2, 5, 9):
        x = torch.randn((1, 2) + (n,) * (rank - 2), dtype=torch.float64)
        y = F.interpolate(x, size=(1,) * (rank - 2), mode=mode, align_corners=True)
        assert torch.equal(y.flatten(), x[(..., *([0] * (rank - 2)))].flatten())


def test_corner_table_shows_the_rule(ns):
    table = ns["corner_error"]
    for mode in CORNER_RANKS:
        assert table[(mode, True, "enlarge")] < 1e-5 and table[(mode, True, "shrink")] < 1e-5
        assert table[(mode, False, "shrink")] > 0.5
        if mode == "bicubic":
            assert table[(mode, False, "enlarge")] > 0.5
        else:
            assert table[(mode, False, "enlarge")] < 1e-5
    # "never bit-exact by guarantee": at least one float32 corner in the table is off by rounding.
    assert any(0 < error < 1e-5 for error in table.values())
    # Review 52: the cell's comment called the four table modes "each linear mode"; the page's "linear modes"
    # (clamped at the border, corners kept enlarging with False) exclude bicubic, which the table includes.
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert "Does each linear mode" not in source and "(bicubic too)" in source and "bicubic" in CORNER_RANKS
    # Review r115-9: the comment said "every ... output size 2..40"; the loop skips an output the input's size,
    # which the enlarge and shrink columns leave out.
    assert "if n_out == n_in:\n                    continue" in source
    # Review r116-9: "every other output size" reads as every second size, and the page still said "every input
    # size from 1 to 9 and output size from 2 to 40" (zh: 所有组合); both now name the output sizes the loop keeps.
    assert "every output size 2..40 (2..16 for 5-D volumes) that\n# differs from it" in source
    assert_pages_say(
        ("upsample.md", "every output size from 2 to 40 (2 to 16 for volumes) that differs from it"),
        ("upsample.zh.md", "输出尺寸 2 到 40（体数据为 2 到 16）中输出尺寸与输入尺寸不同的所有组合"),
    )


def test_antialias_loses_the_corners_even_with_align_corners_true():
    # The page: the corner rule is without antialias; F.interpolate with antialias=True and
    # align_corners=True misses the corners, enlarging and shrinking, bilinear and bicubic.
    generator = torch.Generator().manual_seed(10)
    for mode in ("bilinear", "bicubic"):
        for n_in, n_out in ((4, 9), (9, 4)):
            x = torch.randn(1, 1, n_in, n_in, generator=generator, dtype=torch.float64)
            y = F.interpolate(x, size=(n_out, n_out), mode=mode, align_corners=True, antialias=True)
            assert (y[..., -1, -1] - x[..., -1, -1]).abs().item() > 1e-3, (mode, n_in, n_out)
            plain = F.interpolate(x, size=(n_out, n_out), mode=mode, align_corners=True)
            torch.testing.assert_close(plain[..., -1, -1], x[..., -1, -1], atol=1e-12, rtol=0)


def test_antialias_bilinear_enlarging_keeps_only_the_first_corner():
    # The page: with antialias=True and align_corners=True the corners are lost, except, enlarging
    # with bilinear, the first one (its cut-off filter reads only input pixel 0). Not "all lost".
    generator = torch.Generator().manual_seed(11)
    for n_in in range(2, 10):
        for n_out in range(2, 41):
            if n_out == n_in:
                continue
            x = torch.randn(1, 1, n_in, n_in, generator=generator, dtype=torch.float64)
            y = F.interpolate(x, size=(n_out, n_out), mode="bilinear", align_corners=True, antialias=True)
            first = (y[..., 0, 0] - x[..., 0, 0]).abs().item()
            others = [
                (y[..., i, j] - x[..., k, m]).abs().item()
                for i, j, k, m in ((0, -1, 0, -1), (-1, 0, -1, 0), (-1, -1, -1, -1))
            ]
            if n_out > n_in:
                assert first == 0.0, (n_in, n_out)
            else:
                assert first > 1e-6, (n_in, n_out)
            assert min(others) > 1e-6, (n_in, n_out)


def test_align_corners_true_misses_a_corner_by_rounding(ns):
    assert ns["last"] != 3.0 and abs(ns["last"] - 3.0) < 1e-6


def test_default_is_align_corners_false_and_docs_date_the_change():
    x = torch.randn(1, 1, 5, 7, generator=torch.Generator().manual_seed(3))
    assert torch.equal(
        F.interpolate(x, scale_factor=2.5, mode="bilinear"),
        F.interpolate(x, scale_factor=2.5, mode="bilinear", align_corners=False),
    )
    doc = " ".join(nn.Upsample.__doc__.split())
    assert (
        "default behavior for these modes up to version 0.3.1. Since then, the default behavior is ``align_corners = False``"
        in doc
    )


@settings(max_examples=200, deadline=None)
@given(n_in=st.integers(1, 30), factor=st.one_of(st.integers(1, 100).map(float), st.floats(0.05, 9.0)))
def test_scale_factor_steps_by_its_inverse(n_in, factor):
    n_out = int(n_in * factor)
    if n_out < 1 or n_out > 3000:
        return
    ramp = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, -1)
    out = F.interpolate(ramp, scale_factor=factor, mode="linear", align_corners=False)[0, 0]
    d = torch.arange(float(n_out), dtype=torch.float64)
    if n_out == n_in:  # the linear kernels copy when the size does not change, whatever the factor
        assert torch.equal(out, ramp[0, 0])
    else:
        torch.testing.assert_close(out, ((d + 0.5) / factor - 0.5).clamp(0, n_in - 1))


def test_a_factor_within_float32_rounding_of_in_over_out_steps_as_size_except_for_float64():
    # The page: n · s not whole, yet for float32 input the step 1/s rounds to in/out, as size= gives.
    for n_in in range(2, 40):
        for k in (2, 3, 4, 5, 8):
            factor = k * (1 + 1e-9)
            assert n_in * factor != n_in * k
            for dtype, same in ((torch.float32, True), (torch.float64, False)):
                ramp = torch.arange(float(n_in), dtype=dtype).view(1, 1, -1)
                given = F.interpolate(ramp, scale_factor=factor, mode="linear", align_corners=False)
                by_size = F.interpolate(ramp, size=n_in * k, mode="linear", align_corners=False)
                assert torch.equal(given, by_size) == same, (n_in, k, dtype)
    # Review 37: float16 and bfloat16 compute the step in float32 too; the page names them.
    x = torch.randn(1, 3, 8, 8, generator=torch.Generator().manual_seed(0))
    for dtype in (torch.float16, torch.bfloat16):
        for mode in ("nearest", "nearest-exact", "bilinear", "bicubic"):
            given = F.interpolate(x.to(dtype), scale_factor=2.000000001, mode=mode)
            assert torch.equal(given, F.interpolate(x.to(dtype), size=16, mode=mode)), (dtype, mode)
    assert "for float32 input (float16 and bfloat16 too), 8 × 2.000000001" in (ROOT / "docs" / "upsample.md").read_text(
        encoding="utf-8"
    )


def test_recompute_scale_factor_brings_back_in_over_out():
    # The page: recompute_scale_factor=True makes scale_factor step by in/out, as size does.
    for n_in in range(1, 12):
        ramp = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, -1)
        for factor in (1.3, 1.5, 1.7, 2.5, 3.1):
            for mode in ("linear", "nearest"):
                recomputed = F.interpolate(ramp, scale_factor=factor, mode=mode, recompute_scale_factor=True)
                torch.testing.assert_close(
                    recomputed, F.interpolate(ramp, size=recomputed.shape[-1], mode=mode), atol=0, rtol=0
                )
    ramp = torch.arange(5.0, dtype=torch.float64).view(1, 1, -1)
    assert F.interpolate(ramp, scale_factor=1.5, mode="linear", recompute_scale_factor=True)[0, 0, -1].item() == 4.0


def test_page_case_size_and_scale_factor_read_different_positions(ns):
    ramp = torch.arange(5.0, dtype=torch.float64).view(1, 1, -1)
    by_size = F.interpolate(ramp, size=7, mode="linear")[0, 0, -1].item()
    by_scale = F.interpolate(ramp, scale_factor=1.5, mode="linear")[0, 0, -1].item()
    assert by_size == 4.0 and abs(by_scale - (6.5 / 1.5 - 0.5)) < 1e-12
    assert ns["positions_read"]["scale_factor=1.5"][-1].item() == by_scale
    assert ns["positions_read"]["size=7"][-1].item() == by_size
    assert ns["positions_read"]["scale_factor=1.5, align_corners=True"][-1].item() == 4.0


@settings(max_examples=200, deadline=None)
@given(n_in=st.integers(1, 30), factor=st.one_of(st.integers(1, 100).map(float), st.floats(0.05, 9.0)))
def test_with_align_corners_true_scale_factor_only_sets_the_size(n_in, factor):
    # The page: with align_corners=True the step is (in - 1)/(out - 1) whatever scale_factor says.
    n_out = int(n_in * factor)
    if n_out < 2 or n_out > 3000:
        return
    ramp = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, -1)
    out = F.interpolate(ramp, scale_factor=factor, mode="linear", align_corners=True)[0, 0]
    torch.testing.assert_close(out, torch.arange(float(n_out), dtype=torch.float64) * (n_in - 1) / (n_out - 1))


@pytest.mark.parametrize("factor", [2, 3, 4])
@pytest.mark.parametrize("kernel", [2, 3, 4, 5, 6])
def test_resize_conv_is_flat_on_a_constant_and_transposed_conv_is_not(factor, kernel):
    torch.manual_seed(factor * 10 + kernel)
    flat = torch.ones(1, 4, 8, 8, dtype=torch.float64)
    conv = nn.Conv2d(4, 1, kernel, padding=kernel // 2).double()
    transposed = nn.ConvTranspose2d(4, 1, kernel, stride=factor).double()
    with torch.no_grad():
        inside = conv(nn.Upsample(scale_factor=factor)(flat))[0, 0, kernel:-kernel, kernel:-kernel]
        spread = lambda t: (t.max() - t.min()).item()
        assert spread(inside) < 1e-12
        t_inside = transposed(flat)[0, 0, kernel:-kernel, kernel:-kernel]
        # Each of the factor x factor output phases uses its own part of the kernel, so even
        # an evenly overlapping transposed conv (kernel a multiple of the stride) is not flat.
        assert spread(t_inside) > 1e-3


def test_constant_input_comment_is_about_this_transposed_convolution_not_every_one():
    # Review 49: the shown comment said "a transposed convolution adds a pattern that repeats every 2 pixels".
    # The cell's is stride 2 with random weights; a stride-1 one, and a stride-2 one initialised to bilinear
    # upsampling (kernel 4, each phase's weights summing to 1), keep a constant map constant inside the border.
    flat = torch.ones(1, 1, 8, 8, dtype=torch.float64)
    spread = lambda t: (t.max() - t.min()).item()
    with torch.no_grad():
        stride_one = nn.ConvTranspose2d(1, 1, 3, padding=1).double()
        assert spread(stride_one(flat)[0, 0, 2:-2, 2:-2]) < 1e-12
        bilinear = nn.ConvTranspose2d(1, 1, 4, stride=2, padding=1, bias=False).double()
        taps = torch.tensor([0.25, 0.75, 0.75, 0.25], dtype=torch.float64)
        bilinear.weight.copy_(torch.outer(taps, taps).view(1, 1, 4, 4))
        assert spread(bilinear(flat)[0, 0, 2:-2, 2:-2]) < 1e-12
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert "while a transposed convolution adds a pattern" not in source
    assert "while this stride-2 transposed convolution, with random\n# weights, adds a pattern" in source


def test_constant_input_cell(ns):
    with torch.no_grad():
        spread = lambda t: (t.max() - t.min()).item()
        assert spread(ns["resize_conv"](ns["flat"])[0, 0, 2:-2, 2:-2]) < 1e-6
        assert spread(ns["transposed"](ns["flat"])[0, 0, 2:-2, 2:-2]) > 0.1


def test_constant_input_transposed_conv_repeats_every_2_pixels_and_the_cell_prints_only_its_spread(ns):
    # Review r129-9: the page said the transposed convolution "prints a pattern that repeats every 2 pixels";
    # the cell prints one spread per layer (max - min), and no test bound the period. Inside the border, the
    # cell's stride-2 layer (and the same layer with other random weights) repeats every 2 pixels along each
    # axis and not every pixel: each of the 2x2 output phases is constant.
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    cell = source.split("# %% constant_input")[1].split("# %%")[0]
    assert cell.count("print(") == 1 and "spread (max - min)" in cell
    layers = [ns["transposed"]]
    for seed in range(20):
        torch.manual_seed(seed)
        layers.append(nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1).to(ns["device"]))
    with torch.no_grad():
        for layer in layers:
            inside = layer(ns["flat"])[0, 0, 2:-2, 2:-2].double().cpu()
            for dim in (0, 1):
                two_on = inside.narrow(dim, 2, inside.shape[dim] - 2)
                torch.testing.assert_close(two_on, inside.narrow(dim, 0, inside.shape[dim] - 2), rtol=0, atol=1e-6)
                one_on = inside.narrow(dim, 1, inside.shape[dim] - 1) - inside.narrow(dim, 0, inside.shape[dim] - 1)
                assert one_on.abs().max() > 1e-3
    assert_pages_say(
        (
            "upsample.md",
            "and the second does not: its output there repeats a pattern every 2 pixels along each axis, "
            "which the cell prints only as a spread (max − min) far from 0",
        ),
        (
            "upsample.zh.md",
            "后者则不然：它在边界以内的输出沿每个轴每 2 个像素重复一次同一个图案，单元格只打印出它的极差（最大值 − 最小值），远大于 0",
        ),
    )


@pytest.mark.parametrize("n", range(1, 41))
def test_size_of_the_skip_fits_any_skip(n):
    skip = torch.zeros(1, 1, n, n + 3)
    low = nn.MaxPool2d(2, ceil_mode=False)(skip) if n > 1 else torch.zeros(1, 1, 1, 2)
    assert F.interpolate(low, size=skip.shape[-2:], mode="bilinear").shape == skip.shape
    doubled = nn.Upsample(scale_factor=2)(low).shape[-2:]
    assert (doubled == skip.shape[-2:]) == (n % 2 == 0 and (n + 3) % 2 == 0)


def test_odd_skip_cell_and_upsample_has_no_antialias(ns):
    assert tuple(ns["fitted"].shape[-2:]) == (25, 25)
    assert tuple(ns["low"].shape[-2:]) == (12, 12)  # pooled in the cell, by the pooling its comment names


def test_odd_skip_comment_names_the_pooling_that_takes_25_to_12():
    # Review 49: the shown comment said "25 pixels pool to 12" while the cell made a random 12x12 map; common encoder
    # poolings take 25 to 13: 3x3 at stride 2 with padding 1 (ResNet's stem), 2x2 with ceil_mode=True.
    x = torch.zeros(1, 1, 25, 25)
    assert nn.MaxPool2d(2)(x).shape[-1] == 12
    assert nn.MaxPool2d(3, stride=2, padding=1)(x).shape[-1] == 13
    assert nn.MaxPool2d(2, ceil_mode=True)(x).shape[-1] == 13
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert "25 pixels pool to 12" not in source
    assert "2x2 max pooling at stride 2 takes 25 pixels to 12" in source
    assert "low = nn.MaxPool2d(2)(torch.randn(1, 64, 25, 25" in source
    assert "antialias" not in inspect.signature(nn.Upsample.__init__).parameters
    assert "antialias" in inspect.signature(F.interpolate).parameters


def test_scale_factor_rounds_down_the_floating_point_product(ns):
    # Every size 1-60 and every factor with two decimals up to 4: floor of the float64 product,
    # which is one short of the decimal product for some (the page prints one).
    short = []
    for n in range(1, 61):
        line = torch.zeros(1, 1, n)
        for hundredths in range(5, 401):
            factor = hundredths / 100
            if int(n * factor) == 0:
                continue
            size = F.interpolate(line, scale_factor=factor).shape[-1]
            assert size == math.floor(n * factor), (n, factor)
            if (n * hundredths) % 100 == 0 and size < n * hundredths // 100:
                short.append((n, factor))
    assert (25, 1.16) in short
    assert ns["line"].shape[-1] == 25 and F.interpolate(ns["line"], scale_factor=1.16).shape[-1] == 28


def test_only_a_float_factor_is_multiplied_in_floating_point():
    # Review r117-9: "The product is taken in floating point" held for float factors only. Where
    # F.interpolate computes the size in Python (area, recompute_scale_factor=True), a Fraction is
    # multiplied exactly: every n/25 from 26/25 up, whose float product falls short somewhere, keeps
    # that pixel there, while the float factor loses it in both calls.
    short = 0
    for n in range(1, 40):
        line = torch.zeros(1, 1, 25 * n)
        for numerator in range(26, 101):
            whole = n * numerator
            for kwargs in ({"mode": "area"}, {"mode": "nearest", "recompute_scale_factor": True}):
                assert F.interpolate(line, scale_factor=Fraction(numerator, 25), **kwargs).shape[-1] == whole
                short += F.interpolate(line, scale_factor=numerator / 25, **kwargs).shape[-1] < whole
    assert short > 0
    assert_pages_say(
        ("upsample.md", "For a float factor the product is taken in floating point"),
        ("upsample.zh.md", "倍数是浮点数时，这个乘积是用浮点数算的"),
    )


def test_scale_factor_rounds_down_and_size_is_exact(ns):
    x = torch.zeros(1, 1, 8, 8)
    assert F.interpolate(x, scale_factor=2.5).shape[2:] == (20, 20)
    assert F.interpolate(x, scale_factor=1.7).shape[2:] == (13, 13)
    assert F.interpolate(x, scale_factor=(2, 3)).shape[2:] == (16, 24)
    assert F.interpolate(x, size=(5, 7)).shape[2:] == (5, 7)


def test_size_and_scale_factor_together_is_an_error():
    with pytest.raises(ValueError):
        F.interpolate(torch.zeros(1, 1, 8, 8), size=(16, 16), scale_factor=2)


def test_bicubic_overshoots_bilinear_and_nearest_do_not(ns):
    profiles = ns["profiles"]
    assert profiles["bicubic"].min() < 0 and profiles["bicubic"].max() > 1
    for mode in ("nearest", "bilinear"):
        assert profiles[mode].min() >= 0 and profiles[mode].max() <= 1
    # "nearest makes stairs": every output value is one of the input samples
    assert set(profiles["nearest"].tolist()) <= set(ns["signal"].cpu().tolist())
    assert not set(profiles["bilinear"].tolist()) <= set(ns["signal"].cpu().tolist())


def test_linear_leaves_the_input_range_by_at_most_one_rounding_step():
    # The page: bilinear stays inside the input range only up to the last bit; a constant row shows it.
    outside = 0
    for dtype in (torch.float32, torch.float64):
        for value in (0.1, 0.3, 0.7, 1.1, 3.3, 851.77):
            v = torch.tensor(value, dtype=dtype)
            ulp = (torch.nextafter(v, v + 1) - v).item()
            for n_in in range(2, 8):
                for n_out in range(n_in + 1, 60):
                    y = F.interpolate(torch.full((1, 1, n_in), value, dtype=dtype), size=n_out, mode="linear")
                    excess = max((y.max() - v).item(), (v - y.min()).item())
                    assert excess <= ulp, (dtype, value, n_in, n_out)
                    outside += excess > 0
    assert outside > 0
    y = F.interpolate(torch.full((1, 1, 2), 0.1), size=10, mode="linear")
    assert y.max() > torch.tensor(0.1)


def test_uint8_corners_are_lost_only_in_the_cpu_one_pixel_wide_bug():
    # The page: align_corners=True keeps the corners, except uint8 with > 4 channels (contiguous)
    # shrunk or enlarged to one pixel wide while the height changes.
    avx2 = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512")
    torch.manual_seed(0)
    lost_cases = 0
    for channels in (1, 3, 4, 5, 6):
        for layout in (torch.contiguous_format, torch.channels_last):
            for mode in ("bilinear", "bicubic"):
                for h, w in ((2, 2), (4, 3), (5, 1), (7, 6)):
                    x = torch.randint(0, 256, (1, channels, h, w), dtype=torch.uint8).contiguous(memory_format=layout)
                    for out_h in (2, 3, h, 9):
                        for out_w in (1, 2, 5):
                            y = F.interpolate(x, size=(out_h, out_w), mode=mode, align_corners=True)
                            kept = all(
                                torch.equal(y[0, :, i, j], x[0, :, i, j])
                                for i in (0, -1)
                                for j in (0, -1)
                                if out_w > 1 or j == 0
                            )
                            bug = (channels > 4 or not avx2) and layout == torch.contiguous_format
                            bug = bug and out_w == 1 and out_h != h
                            assert kept != bug, (channels, layout, mode, h, w, out_h, out_w)
                            lost_cases += bug
    assert lost_cases > 10


def test_uint8_bug_also_loses_the_corners_enlarging_with_align_corners_false():
    torch.manual_seed(1)
    for channels, lost in ((4, False), (5, True)):
        x = torch.randint(0, 256, (1, channels, 4, 1), dtype=torch.uint8)
        y = F.interpolate(x, size=(8, 1), mode="bilinear", align_corners=False)
        assert torch.equal(y[0, :, -1, 0], x[0, :, -1, 0]) != lost
        assert torch.equal(F.interpolate(x.float(), size=(8, 1), mode="bilinear")[0, :, -1, 0], x[0, :, -1, 0].float())


@pytest.mark.skipif(
    torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="the assert is in the AVX2 uint8 kernel"
)
def test_uint8_three_channels_to_1x1_fails_with_an_internal_assert():
    for h, w in ((2, 1), (4, 4), (3, 5)):
        for mode in ("bilinear", "bicubic"):
            for channels in (1, 3, 4):
                x = torch.randint(0, 256, (1, channels, h, w), dtype=torch.uint8)
                if channels == 3:
                    with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
                        F.interpolate(x, size=(1, 1), mode=mode, align_corners=True)
                else:
                    y = F.interpolate(x, size=(1, 1), mode=mode, align_corners=True)
                    assert torch.equal(y[0, :, 0, 0], x[0, :, 0, 0])
    x = torch.randint(0, 256, (1, 3, 1, 4), dtype=torch.uint8)  # one pixel high: no assert
    assert torch.equal(F.interpolate(x, size=(1, 1), mode="bilinear", align_corners=True)[0, :, 0, 0], x[0, :, 0, 0])


def test_mode_ranks(ns):
    expected = {
        "linear": {"3-D (N,C,L)"},
        "bilinear": {"4-D (N,C,H,W)"},
        "bicubic": {"4-D (N,C,H,W)"},
        "trilinear": {"5-D (N,C,D,H,W)"},
        "nearest": set(ns["shapes"]),
        "lanczos": set(),  # needs antialias=True, which nn.Upsample cannot pass
    }
    assert "lanczos" in ns["modes"]
    for mode, ranks in expected.items():
        for rank, shape in ns["shapes"].items():
            try:
                F.interpolate(torch.ones(shape), scale_factor=2, mode=mode)
                works = True
            except (NotImplementedError, ValueError, RuntimeError):
                works = False
            assert works == (rank in ranks), (mode, rank)


def test_trilinear_volume_keeps_its_corners_and_bilinear_rejects_5d(ns):
    assert tuple(ns["bigger"].shape) == (1, 1, 4, 4, 4)
    assert torch.equal(ns["bigger"][0, 0, ::3, ::3, ::3], ns["volume"][0, 0])
    with pytest.raises(NotImplementedError):
        nn.Upsample(scale_factor=2, mode="bilinear")(ns["volume"])


def test_unet_block_shapes_and_parameters_live_in_the_conv(ns):
    assert tuple(ns["out"].shape) == (1, 32, 32, 32)
    block = ns["block"]
    assert sum(p.numel() for p in block.up.parameters()) == 0
    assert sum(p.numel() for p in block.parameters()) == (64 + 32) * 32 * 9 + 32


def test_generator_grows_4x4_to_32x32(ns):
    assert tuple(ns["h"].shape) == (2, 16, 32, 32)


def test_transposed_conv_pattern_repeats_every_two_pixels(ns):
    with torch.no_grad():
        inside = ns["transposed"](ns["flat"])[0, 0, 2:-2, 2:-2]
    torch.testing.assert_close(inside[2:, :], inside[:-2, :])
    torch.testing.assert_close(inside[:, 2:], inside[:, :-2])
    # ...and not every pixel: the period is 2, not 1, in both directions.
    assert (inside[1:, :] - inside[:-1, :]).abs().max() > 0.1 and (inside[:, 1:] - inside[:, :-1]).abs().max() > 0.1


@pytest.mark.skipif("lanczos" not in (F.interpolate.__doc__ or ""), reason="a torch without mode='lanczos'")
def test_lanczos_runs_only_with_antialias_on_4d_and_upsample_cannot_ask_for_it():
    for rank in (3, 4, 5):
        x = torch.rand((1, 1) + (6,) * (rank - 2))
        for module in (
            nn.Upsample(scale_factor=2, mode="lanczos"),
            nn.Upsample(size=(3,) * (rank - 2), mode="lanczos"),
        ):
            with pytest.raises((ValueError, NotImplementedError)):
                module(x)
        if rank == 4:
            assert F.interpolate(x, scale_factor=2, mode="lanczos", antialias=True).shape[-2:] == (12, 12)
        else:
            with pytest.raises((ValueError, NotImplementedError)):
                F.interpolate(x, scale_factor=2, mode="lanczos", antialias=True)
    assert "`lanczos` (4D-only, CPU only)" in F.interpolate.__doc__


def test_a_scale_that_keeps_the_size_copies_in_the_linear_modes_not_in_bicubic_on_the_cpu(monkeypatch):
    # The page: 10 pixels x 1.05 keep 10; on the CPU linear, bilinear and trilinear copy, bicubic does not.
    generator = torch.Generator().manual_seed(8)
    for mode, rank in (("linear", 3), ("bilinear", 4), ("trilinear", 5), ("bicubic", 4)):
        x = torch.randn((1, 2) + (10,) * (rank - 2), generator=generator)
        y = F.interpolate(x, scale_factor=1.05, mode=mode)
        assert y.shape == x.shape
        assert torch.equal(y, x) == (mode != "bicubic"), mode
    # Review 81: the page said the linear modes copy with no device named; off the CPU, with deterministic algorithms
    # on, F.interpolate sends bilinear and trilinear to a decomposition that steps by 1/1.05 (a meta tensor, which is
    # not on the CPU, shows the routing; the decomposition itself runs here).
    decompositions = importlib.import_module("torch._decomp.decompositions")
    original, routed = decompositions._upsample_linear_vec, []
    monkeypatch.setattr(
        decompositions, "_upsample_linear_vec", lambda *args: routed.append(args[0].dim()) or original(*args)
    )
    was_deterministic = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    try:
        for mode, rank in (("bilinear", 4), ("trilinear", 5)):
            F.interpolate(torch.empty((1, 2) + (10,) * (rank - 2), device="meta"), scale_factor=1.05, mode=mode)
    finally:
        torch.use_deterministic_algorithms(was_deterministic)
    assert routed == [4, 5]
    for rank in (4, 5):
        x = torch.randn((1, 2) + (10,) * (rank - 2), generator=generator)
        y = original(x, None, False, [1.05] * (rank - 2))
        assert y.shape == x.shape and not torch.equal(y, x), rank
    en = (ROOT / "docs" / "upsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "upsample.zh.md").read_text(encoding="utf-8")
    assert "pixels × 1.05), on the CPU `linear`, `bilinear` and `trilinear` copy the input" in en
    assert "（10 个像素 × 1.05），在 CPU 上 `linear`、`bilinear` 和 `trilinear` 直接复制输入" in zh


def test_antialias_bilinear_corners_on_inputs_with_a_single_pixel_side():
    # The page narrows "all but the first" to inputs of at least 2x2: along a 1-pixel side every
    # output reads that pixel, so a 1x1 input keeps all four corners and a 1xW input keeps two.
    generator = torch.Generator().manual_seed(12)
    for h in range(1, 6):
        for w in range(1, 6):
            x = torch.randn(1, 1, h, w, generator=generator, dtype=torch.float64)
            for out_h, out_w in ((h + 1, w + 2), (3 * h, 2 * w + 1)):
                y = F.interpolate(x, size=(out_h, out_w), mode="bilinear", align_corners=True, antialias=True)
                kept = {(i, j) for i in (0, -1) for j in (0, -1) if (y[0, 0, i, j] - x[0, 0, i, j]).abs() < 1e-12}
                expected = {(i, j) for i in (0, -1) for j in (0, -1) if (i == 0 or h == 1) and (j == 0 or w == 1)}
                assert kept == expected, (h, w, out_h, out_w, kept)
                if min(h, w) >= 2:
                    assert kept == {(0, 0)}


def test_nearest_rounds_the_ratio_to_float32_for_float32_input_and_not_always_for_float64():
    # Glossary and page: in float32, 2 -> 82 pixels copies pixel 0 to pixel 41 in every rank and
    # memory format; float64 on the CPU can keep the ratio exact and copy pixel 1 (1-D rows).
    for dtype in (torch.float32, torch.float16, torch.bfloat16):
        for rank in (3, 4, 5):
            for other in (1, 2, 50):
                spatial = (2,) + (other,) * (rank - 3)
                x = (
                    torch.arange(2.0)
                    .to(dtype)
                    .view((1, 1, 2) + (1,) * (rank - 3))
                    .expand((1, 3) + spatial)
                    .contiguous()
                )
                for layout in (
                    torch.contiguous_format,
                    {3: torch.contiguous_format, 4: torch.channels_last, 5: torch.channels_last_3d}[rank],
                ):
                    y = F.interpolate(
                        x.to(memory_format=layout), size=(82,) + (2 * other,) * (rank - 3), mode="nearest"
                    )
                    assert y[(0, 0, 41) + (0,) * (rank - 3)].item() == 0, (dtype, rank, other, layout)
    row = torch.arange(2.0, dtype=torch.float64).view(1, 1, 2)
    assert F.interpolate(row, size=82, mode="nearest")[0, 0, 41].item() == 1  # exact: floor(41 * 2 / 82)
    # Review 37: the page named only float32 (and float64 on long rows); uint8 slips at 2 -> 82 and 4 -> 82 too.
    for n in (2, 4):
        for channels, layout in ((1, torch.contiguous_format), (4, torch.channels_last)):
            x = torch.arange(n, dtype=torch.uint8).view(1, 1, n, 1).expand(1, channels, n, 1).contiguous()
            y = F.interpolate(x.to(memory_format=layout), size=(82, 1), mode="nearest")[0, -1, 41, 0]
            assert y.item() == n // 2 - 1, (n, layout)  # exact: floor(41 * n / 82) = n // 2
        assert F.interpolate(torch.arange(n, dtype=torch.uint8).view(1, 1, n), size=82)[0, 0, 41].item() == n // 2 - 1
    page = (ROOT / "docs" / "upsample.md").read_text(encoding="utf-8")
    assert "for float32 input (and for float16, bfloat16 and `uint8`)" in page


def test_nearest_float64_slips_too_on_long_rows_since_its_product_is_rounded_to_float32():
    # Review 36: the page said only float32's product slips; float64's is rounded to float32 before the floor.
    n, out = 13623, 14781
    exact = torch.arange(out, dtype=torch.int64) * n // out
    for rank in (3, 4):
        x = torch.arange(n, dtype=torch.float64).view((1, 1, n) + (1,) * (rank - 3))
        y = F.interpolate(x, size=(out,) + (1,) * (rank - 3), mode="nearest").flatten().long()
        assert (y != exact).any(), rank
        assert y[8284] == 7635 and exact[8284] == 7634, rank
    for channels, layout in ((4, torch.channels_last), (1, torch.contiguous_format)):
        x = torch.arange(n, dtype=torch.float64).view(1, 1, n, 1).expand(1, channels, n, 1).contiguous()
        y = F.interpolate(x.to(memory_format=layout), size=(out, 1), mode="nearest")[0, -1, :, 0]
        assert y[8284] == 7635, layout  # the glossary's nearest row: every CPU kernel
    assert "13623 → 14781 at output 8284" in (ROOT / "docs" / "upsample.md").read_text(encoding="utf-8")
    assert "output 8284 copies pixel 7635" in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    # Review 104: where float64 slips at 2 → 82 is the CPU's rule; CUDA's nearest kernels compute the ratio as a float
    # for every dtype (UpSampleNearest1d.cu: compute_scales_value<float>), so the sentence names the CPU
    assert_pages_say(
        ("upsample.md", "On the CPU, float64 input slips too: on long rows"),
        ("upsample.zh.md", "在 CPU 上，float64 输入也会差一个像素：在长的行上"),
    )


def test_nearest_exact_misses_the_closest_by_float32_rounding_of_its_position():
    # The page and glossary: nearest-exact copies the closest, up to float32 rounding of its position.
    # Exact distances in integers: centre (2d + 1) * in / (2 * out). Review 78: they said the rounding
    # matters only "where two are almost equally close", but the miss grows with the position: on an
    # axis of millions of pixels (still below 2^23) it picks pixels more than half a pixel farther.
    def excess(n_in, n_out):
        picked = F.interpolate(torch.arange(float(n_in)).view(1, 1, -1), size=n_out, mode="nearest-exact")[0, 0].long()
        twice_centre_times_out = (2 * torch.arange(n_out) + 1) * n_in
        distance = (twice_centre_times_out - (2 * picked + 1) * n_out).abs()
        best = (twice_centre_times_out - (2 * (twice_centre_times_out // (2 * n_out)) + 1) * n_out).abs()
        return (distance - best).max().item() / (2 * n_out)  # in input pixels

    assert excess(13623, 14781) > 0  # pixel 6605 copies 6088, 1e-4 px farther than 6087
    generator = torch.Generator().manual_seed(13)
    sizes = torch.randint(1000, 20000, (300, 2), generator=generator).tolist()
    for n_in, n_out in sizes + [(n_in, n_out) for n_in in range(1, 40) for n_out in range(1, 120)]:
        assert excess(n_in, n_out) <= n_in * 2**-20, (n_in, n_out)  # float32 rounding of the centre
    assert excess(5_000_000, 7_000_003) > 0.5
    # given a scale factor the position (d + 0.5) / scale_factor - 0.5 is rounded the same way: 5,000,000 x 1.3
    picked = F.interpolate(torch.arange(5e6).view(1, 1, -1), scale_factor=1.3, mode="nearest-exact")[0, 0].long()
    sampled = range(0, picked.numel(), 997)
    centres = [Fraction(2 * d + 1, 2) / Fraction(1.3) - Fraction(1, 2) for d in sampled]
    farther = [abs(picked[d].item() - c) - abs(min(round(c), 4_999_999) - c) for d, c in zip(sampled, centres)]
    assert max(farther) > Fraction(1, 2)
    for name, line_break, scale_rule in (
        ("upsample", "\n    ", "`scale_factor` − 0.5, up to the same rounding, so"),
        ("glossary", " ", "scale_factor − 0.5 up to the same rounding,"),
    ):
        en = (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8")
        zh = (ROOT / "docs" / f"{name}.zh.md").read_text(encoding="utf-8")
        assert "almost equally close" not in en and "几乎一样近" not in zh, name
        assert f"can pick one{line_break}more than half a pixel farther: 5,000,000 → 7,000,003 pixels" in en, name
        assert scale_rule in en, name
        assert "− 0.5 最近的" in zh and zh.count("（同样受这种舍入影响）") == 1, name
        assert (
            "位置按 float32 舍入，在很长的轴上可能取到比最近的像素远半个像素以上的那个：5,000,000 → 7,000,003 个像素"
            in zh
        ), name


def test_a_scale_that_keeps_the_size_copies_in_bicubic_for_uint8_on_the_cpu_only():
    # The page: on the CPU bicubic copies a kept size for uint8 input (the separable uint8 kernel
    # skips an axis whose size does not change), not for floating-point input, in either layout.
    generator = torch.Generator().manual_seed(14)
    for dtype in (torch.uint8, torch.float32, torch.float64, torch.bfloat16):
        for layout in (torch.contiguous_format, torch.channels_last):
            x = (torch.rand(1, 3, 10, 10, generator=generator) * 255).to(dtype).to(memory_format=layout)
            y = F.interpolate(x.cpu(), scale_factor=1.05, mode="bicubic")
            assert torch.equal(y, x) == (dtype == torch.uint8), (dtype, layout)


def test_antialiased_float_bicubic_copies_a_kept_size_on_the_cpu():
    # Review 28: the page said floating-point bicubic on the CPU does not copy a size that the scale
    # factor keeps; with antialias=True (F.interpolate only) it does, in every float dtype and layout.
    generator = torch.Generator().manual_seed(28)
    for dtype, layout, n in itertools.product(
        (torch.float32, torch.float64), (torch.contiguous_format, torch.channels_last), (2, 3, 10, 19)
    ):
        x = torch.randn(1, 3, n, n, generator=generator, dtype=dtype).to(memory_format=layout)
        assert torch.equal(F.interpolate(x, scale_factor=1.05, mode="bicubic", antialias=True), x), (dtype, layout, n)
        assert not torch.equal(F.interpolate(x, scale_factor=1.05, mode="bicubic"), x), (dtype, layout, n)
    # Review 65: the sentence covers every floating-point dtype, and so does the copy: an antialiased kept size is
    # copied even in the dtypes the CPU refuses to antialias (or bicubic refuses) once a size changes
    for dtype, layout in itertools.product(
        (torch.float16, torch.bfloat16, torch.float8_e4m3fn, torch.float8_e5m2, torch.complex64, torch.complex128),
        (torch.contiguous_format, torch.channels_last),
    ):
        x = torch.randn(1, 3, 10, 10, generator=generator).to(dtype).contiguous(memory_format=layout)
        assert torch.equal(F.interpolate(x, scale_factor=1.05, mode="bicubic", antialias=True), x), (dtype, layout)
        with pytest.raises(RuntimeError):
            F.interpolate(x, size=(10, 12), mode="bicubic", antialias=True)
        if dtype.itemsize == 2:  # float16 and bfloat16 run plain bicubic and step by 1/1.05
            assert not torch.equal(F.interpolate(x, scale_factor=1.05, mode="bicubic"), x), (dtype, layout)
        else:
            with pytest.raises(NotImplementedError):
                F.interpolate(x, scale_factor=1.05, mode="bicubic")


def test_antialias_align_corners_true_keeps_one_corner_or_two_when_a_side_keeps_its_size():
    # Review 6: enlarging both sides keeps only the first corner; a side that keeps its size is
    # copied by the antialiased kernel, and then two corners stay.
    gen = torch.Generator().manual_seed(0)
    seen = set()
    for h in range(2, 7):
        for w in range(2, 7):
            x = torch.rand(1, 2, h, w, dtype=torch.float64, generator=gen)
            for out_h in range(h, 12):
                for out_w in range(w, 12):
                    if (out_h, out_w) == (h, w):
                        continue
                    y = F.interpolate(x, size=(out_h, out_w), mode="bilinear", antialias=True, align_corners=True)
                    kept = tuple(
                        bool((y[..., i, j] - x[..., i, j]).abs().max() < 1e-12) for i in (0, -1) for j in (0, -1)
                    )
                    if out_h > h and out_w > w:
                        assert kept == (True, False, False, False), (h, w, out_h, out_w)
                    else:
                        assert kept == ((True, False, True, False) if out_h == h else (True, True, False, False))
                        seen.add(out_h == h)
    assert seen == {True, False}
    # Review r116-9: the page's "a side that keeps its size is copied, and then two corners stay" named no mode
    # and no direction for the other side; bicubic keeps no corner there, nor does bilinear when the other side
    # shrinks (to more than one pixel). The page now says it of bilinear enlarging.
    for h in range(2, 7):
        for w in range(3, 7):
            x = torch.rand(1, 2, h, w, dtype=torch.float64, generator=gen)
            for mode, size in (("bicubic", (h, w + 3)), ("bicubic", (h + 2, w)), ("bilinear", (h, w - 1))):
                y = F.interpolate(x, size=size, mode=mode, antialias=True, align_corners=True)
                corners = [(y[..., i, j] - x[..., i, j]).abs().max() for i in (0, -1) for j in (0, -1)]
                assert min(corners) > 1e-6, (mode, h, w, size)
    assert_pages_say(
        ("upsample.md", "(`bilinear`, enlarging an input of at least 2×2, keeps only the first, or two where one side"),
        ("upsample.zh.md", "用 `bilinear` 放大至少 2×2 的输入时，只保住第一个角；若有一边尺寸不变"),
    )


def test_x2_000000001_steps_as_size_for_float64_in_the_nearest_modes_not_the_linear_ones():
    # The page: float64 input at n x 2.000000001 differs from size=2n only in the linear and cubic modes.
    for rank, linear in ((3, "linear"), (4, "bicubic"), (5, "trilinear")):
        for n_in in range(2, 12):
            x = torch.rand((1, 2) + (n_in,) * (rank - 2), dtype=torch.float64)
            size = (2 * n_in,) * (rank - 2)
            for mode in ("nearest", "nearest-exact"):
                assert torch.equal(
                    F.interpolate(x, scale_factor=2.000000001, mode=mode), F.interpolate(x, size=size, mode=mode)
                ), (rank, mode, n_in)
            assert not torch.equal(
                F.interpolate(x, scale_factor=2.000000001, mode=linear), F.interpolate(x, size=size, mode=linear)
            ), (rank, n_in)


def keys(t, a=-0.75):
    t = abs(t)
    return (
        (a + 2) * t**3 - (a + 3) * t**2 + 1
        if t <= 1
        else (a * t**3 - 5 * a * t**2 + 8 * a * t - 4 * a if t < 2 else 0.0)
    )


def test_bicubic_repeats_the_edge_instead_of_weighting_the_4_nearest_at_the_border():
    # the first output of 8 -> 16 samples -0.25: taps -2..1 read pixels 0, 0, 0, 1, not the 4 nearest 0..3
    x = torch.rand(8, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    first = F.interpolate(x.view(1, 1, 1, 8), size=(1, 16), mode="bicubic")[0, 0, 0, 0].item()
    edge = sum(keys(-0.25 - t) * x[min(max(t, 0), 7)].item() for t in range(-2, 2))
    nearest4 = sum(keys(-0.25 - i) * x[i].item() for i in range(4))
    assert math.isclose(first, edge, rel_tol=1e-12) and not math.isclose(first, nearest4, rel_tol=1e-3)


def test_align_corners_false_keeps_the_enlarged_corners_only_up_to_rounding_in_2d():
    # 1-D from 2+ pixels copies the corners (on this AVX-512 CPU; not with the default CPU code, see the
    # next test); 2-D (float64 2x2 -> 3x6) misses some in the last bit
    gen = torch.Generator().manual_seed(0)
    x = torch.randn(200, 1, 2, 2, dtype=torch.float64, generator=gen)
    y = F.interpolate(x, size=(3, 6), mode="bilinear")
    error = (y[..., -1, -1] - x[..., -1, -1]).abs()
    assert error.max() > 0 and error.max() < 1e-15
    row = torch.randn(200, 1, 2, dtype=torch.float64, generator=gen)
    assert all(torch.equal(F.interpolate(row, size=o, mode="linear")[..., -1], row[..., -1]) for o in range(3, 40))


def test_one_d_linear_misses_an_enlarged_corner_in_the_last_bit_only_with_the_default_cpu_code():
    # Review 31: the page said corners miss "in 2-D and 3-D (and from a 1-pixel side)"; with
    # ATEN_CPU_CAPABILITY=default a 1-D row of 2 pixels misses too (0.1, 0.2 -> 7 pixels ends on
    # 0.20000002, one float32 step above 0.2), in float32 and float64; the AVX2 code hits it.
    code = (
        "import torch, torch.nn.functional as F\n"
        "rows = {t: torch.rand(4000, 1, 2, dtype=t, generator=torch.Generator().manual_seed(0)) for t in (torch.float32, torch.float64)}\n"
        "misses = [int((F.interpolate(x, size=o, mode='linear')[..., -1] != x[..., -1]).sum()) for x in rows.values() for o in range(3, 30)]\n"
        "named = F.interpolate(torch.tensor([[[0.1, 0.2]]]), size=7, mode='linear')[0, 0, -1]\n"
        "print(sum(m > 0 for m in misses), len(misses), named.item() == torch.tensor(0.2).nextafter(torch.tensor(1.0)).item())\n"
    )
    default = run_python(code, ATEN_CPU_CAPABILITY="default").split()
    assert default[2] == "True" and int(default[0]) > int(default[1]) // 2, default
    avx2 = run_python(code, ATEN_CPU_CAPABILITY="avx2").split()
    assert avx2[:2] == ["0", avx2[1]] and avx2[2] == "False", avx2


def test_a_float64_trilinear_corner_misses_by_three_steps_on_avx2_and_by_four_with_the_default_code():
    # Review r128-9: the page said an enlarged corner misses "by two rounding steps, in float32 and float64 alike ...,
    # and by three in float32 with trilinear", leaving float64 trilinear at two; on an AVX2 or AVX-512 CPU a 1x1x1
    # float64 volume of 5 channels enlarged to 2x2x6 misses by three in its fifth channel (the vector tail), and with
    # the default code some 2x2x2 channels_last_3d volumes of 6 channels enlarged to 3x3x3 miss by four.
    code = (
        "import itertools, torch, torch.nn.functional as F\n"
        "gen = torch.Generator().manual_seed(0)\n"
        "v = torch.full((1, 5, 1, 1, 1), 0.8889394243851177, dtype=torch.float64)\n"
        "named = F.interpolate(v, size=(2, 2, 6), mode='trilinear')[0, :, -1, -1, -1].tolist()\n"
        "worst = 0\n"
        "for c in (1, 4, 5, 6):\n"
        "    for fmt in (torch.contiguous_format, torch.channels_last_3d):\n"
        "        for n in itertools.product((1, 2), repeat=3):\n"
        "            x = torch.rand((20, c) + n, dtype=torch.float64, generator=gen).contiguous(memory_format=fmt)\n"
        "            for o in ((2, 2, 6), (3, 3, 3), (2, 4, 6), (3, 3, 6)):\n"
        "                y = F.interpolate(x, size=o, mode='trilinear')\n"
        "                for k in itertools.product((0, -1), repeat=3):\n"
        "                    a, b = y[(...,) + k].contiguous(), x[(...,) + k].contiguous()\n"
        "                    worst = max(worst, int((a.view(torch.int64) - b.view(torch.int64)).abs().max()))\n"
        "x = torch.rand(400, 6, 2, 2, 2, dtype=torch.float64, generator=torch.Generator().manual_seed(4))\n"
        "x = x.contiguous(memory_format=torch.channels_last_3d)\n"
        "y = F.interpolate(x, size=(3, 3, 3), mode='trilinear')[..., -1, -1, -1].contiguous()\n"
        "six = int((y.view(torch.int64) - x[..., -1, -1, -1].contiguous().view(torch.int64)).abs().max())\n"
        "print(torch.backends.cpu.get_cpu_capability(), repr(named[4]), named[:4] == [0.8889394243851177] * 4, worst, six)\n"
    )
    for capability in ("avx2", "avx512"):
        printed = run_python(code, ATEN_CPU_CAPABILITY=capability).split()
        assert printed[1:] == ["0.8889394243851174", "True", "3", "3"], (capability, printed)
    printed = run_python(code, ATEN_CPU_CAPABILITY="default").split()
    assert printed[0] == "DEFAULT" and printed[3] == "3" and printed[4] == "4", printed
    assert_pages_say(
        ("upsample.md", "and by three with `trilinear`, in float32 (on an AVX2 or AVX-512 CPU"),
        (
            "upsample.md",
            "and in float64 too (on an AVX2 or AVX-512 CPU, channel 4, the last of 5 channels, of a 1×1×1 volume of",
        ),
        ("upsample.md", "with torch's default CPU code even by four, on some 2×2×2 `channels_last_3d` volumes of 6"),
        ("upsample.zh.md", "用 `trilinear` 时可能差三个，float32 下如此"),
        (
            "upsample.zh.md",
            "float64 下也是如此（在支持 AVX2 或 AVX-512 的 CPU 上，5 个通道、取值都为 0.8889394243851177",
        ),
        ("upsample.zh.md", "换成 torch 的默认 CPU 代码，甚至会差四个"),
    )
    for name, old in (
        ("upsample.md", "and by three in float32 with `trilinear`"),
        ("upsample.zh.md", "float32 下用 `trilinear` 时可能差三个"),
    ):
        assert old not in (ROOT / "docs" / name).read_text(encoding="utf-8"), name


def test_one_d_linear_keeps_enlarged_corners_from_rows_of_every_length_with_avx2_code_not_with_the_default():
    # Review r128-9: "in 2-D and 3-D (and from a 1-pixel side; with torch's default CPU code ... in 1-D too) a corner
    # can miss in the last bit" says that on an AVX2 or AVX-512 CPU a 1-D row of 2 or more pixels enlarged by linear
    # (size=, align_corners=False) keeps both corners bit for bit; the tests above bound only rows of 2 pixels. Rows of
    # 2 to 12 pixels, enlarged to every size up to 39, float32 and float64: no miss with the AVX2 and AVX-512 code; with
    # the default code misses of one rounding step from rows of every length, not 2 pixels only.
    code = (
        "import torch, torch.nn.functional as F\n"
        "gen = torch.Generator().manual_seed(0)\n"
        "out = []\n"
        "for dtype, bits in ((torch.float32, torch.int32), (torch.float64, torch.int64)):\n"
        "    steps, missed = 0, set()\n"
        "    for n in range(2, 13):\n"
        "        x = torch.rand(50, 1, n, dtype=dtype, generator=gen)\n"
        "        for o in range(n + 1, 40):\n"
        "            y = F.interpolate(x, size=o, mode='linear')\n"
        "            for end in (0, -1):\n"
        "                s = int((y[..., end].view(bits).long() - x[..., end].view(bits).long()).abs().max())\n"
        "                steps = max(steps, s)\n"
        "                if s:\n"
        "                    missed.add(n)\n"
        "    out += [steps, len(missed)]\n"
        "print(torch.backends.cpu.get_cpu_capability(), *out)\n"
    )
    for capability in ("avx2", "avx512"):
        printed = run_python(code, ATEN_CPU_CAPABILITY=capability).split()
        assert printed[1:] == ["0", "0", "0", "0"], (capability, printed)
    printed = run_python(code, ATEN_CPU_CAPABILITY="default").split()
    assert printed == ["DEFAULT", "1", "11", "1", "11"], printed
    assert_pages_say(
        ("upsample.md", "so in 2-D and 3-D (and from a 1-pixel side; with torch's default CPU code"),
        ("upsample.zh.md", "所以在二维、三维（以及某一边只有 1 个像素；换成 torch 的默认 CPU 代码"),
    )


def test_one_d_linear_misses_an_enlarged_corner_from_a_one_pixel_row_in_the_last_bit_on_every_cpu_code():
    # Review r127-9: "in 2-D and 3-D (and from a 1-pixel side; ... in 1-D too) a corner can miss in the last bit":
    # the tests above bind 2-D, 3-D and the 2-pixel rows of the default code, none the 1-D row of one pixel. On the
    # AVX2, AVX-512 and default code alike, a 1-pixel row enlarged by linear (size=, align_corners=False) misses a
    # corner for some sizes, in float32 and float64, and never by more than one rounding step.
    code = (
        "import torch, torch.nn.functional as F\n"
        "gen = torch.Generator().manual_seed(0)\n"
        "out = []\n"
        "for dtype, bits in ((torch.float32, torch.int32), (torch.float64, torch.int64)):\n"
        "    x = torch.rand(2000, 1, 1, dtype=dtype, generator=gen)\n"
        "    steps = [int((F.interpolate(x, size=o, mode='linear')[..., end].view(bits).long()\n"
        "                  - x[..., 0].view(bits).long()).abs().max()) for o in range(2, 40) for end in (0, -1)]\n"
        "    out += [max(steps), sum(s > 0 for s in steps)]\n"
        "print(torch.backends.cpu.get_cpu_capability(), *out)\n"
    )
    seen = set()
    for capability in ("default", "avx2", "avx512"):
        printed = run_python(code, ATEN_CPU_CAPABILITY=capability).split()
        seen.add(printed[0])
        assert printed[1] == printed[3] == "1" and int(printed[2]) > 0 and int(printed[4]) > 0, (capability, printed)
    assert "DEFAULT" in seen
    assert_pages_say(
        ("upsample.md", "so in 2-D and 3-D (and from a 1-pixel side; with torch's default CPU code"),
        ("upsample.zh.md", "所以在二维、三维（以及某一边只有 1 个像素；换成 torch 的默认 CPU 代码"),
    )


@pytest.mark.parametrize("mode", ["linear", "bilinear", "trilinear"])
def test_align_corners_true_step_is_float32_except_for_float64(mode):
    gen = torch.Generator().manual_seed(0)
    rank = {"linear": 1, "bilinear": 2, "trilinear": 3}[mode]
    missed = {torch.float32: 0, torch.float64: 0}
    for dtype, n, out in itertools.product(missed, range(2, 10), range(2, 41 if rank < 3 else 17)):
        x = torch.randn(20, 1, *[n] * rank, dtype=dtype, generator=gen)
        y = F.interpolate(x, size=[out] * rank, mode=mode, align_corners=True)
        missed[dtype] += not torch.equal(y[(...,) + (-1,) * rank], x[(...,) + (-1,) * rank])
    assert missed[torch.float64] == 0 and (missed[torch.float32] > 0 or mode == "trilinear")


def test_nearest_copies_floor_d_times_in_over_out_only_given_size():
    # Given scale_factor, nearest reads floor(d / scale_factor), not floor(d * in / out).
    x = torch.arange(5.0).view(1, 1, 5)
    assert F.interpolate(x, scale_factor=1.3).flatten().tolist() == [0, 0, 1, 2, 3, 3]
    assert F.interpolate(x, size=6).flatten().tolist() == [0, 0, 1, 2, 3, 4]
    for factor in (1.3, 1.7, 2.5, 0.7):
        for n in range(1, 20):
            row = torch.arange(float(n)).view(1, 1, n)
            out = math.floor(n * factor)
            if out:
                expected = [min(math.floor(d / factor), n - 1) for d in range(out)]
                assert F.interpolate(row, scale_factor=factor).flatten().tolist() == expected


def test_nearest_ignores_the_factor_on_4d_cpu_where_the_output_doubles():
    for dtype, channels, layout, side in itertools.product(
        (torch.float32, torch.float64, torch.uint8),
        (1, 3, 5),
        (torch.contiguous_format, torch.channels_last),
        range(2, 20),
    ):
        x = (
            torch.arange(side)
            .view(1, 1, side, 1)
            .expand(1, channels, side, 3)
            .to(dtype)
            .contiguous(memory_format=layout)
        )
        rows = F.interpolate(x, scale_factor=(2.05, 1.0), mode="nearest")[0, 0, :, 0].tolist()
        assert rows == [d // 2 for d in range(2 * side)]
    volume = torch.arange(10.0).view(1, 1, 10, 1, 1).expand(1, 4, 10, 2, 2)
    for layout, blocks in ((torch.contiguous_format, False), (torch.channels_last_3d, True)):
        rows = F.interpolate(volume.contiguous(memory_format=layout), scale_factor=(2.05, 1, 1))[0, 0, :3, 0, 0]
        assert (rows.tolist() == [0, 0, 1]) == blocks
    row = torch.arange(10.0).view(1, 1, 10)  # 3-D: the factor counts
    assert F.interpolate(row, scale_factor=2.05).flatten().tolist()[:3] == [0, 0, 0]


def _doubled_rows(shape: tuple[int, ...], layout: torch.memory_format, factor: float) -> list[int]:
    x = torch.arange(float(shape[2])).view(1, 1, -1, *[1] * (len(shape) - 3)).expand(shape)
    y = F.interpolate(x.contiguous(memory_format=layout), scale_factor=factor)
    assert list(y.shape[2:]) == [2 * side for side in shape[2:]]
    return y[(0, 0, slice(None)) + (0,) * (len(shape) - 3)].long().tolist()


def test_only_the_cpu_channels_last_nearest_kernel_halves_where_the_output_doubles():
    """The doubling shortcut lives in the channels-last kernel only: a larger contiguous
    4-D output (out H + out W > 128) or channels_last with 3 channels steps by 1/factor."""
    halves = lambda rows: rows == [d // 2 for d in range(len(rows))]  # noqa: E731
    cases = [
        ((1, 1, 20, 45), torch.contiguous_format, 2.02, False),  # 40 + 90 > 128
        ((1, 1, 20, 40), torch.contiguous_format, 2.02, True),  # 40 + 80 <= 128
        ((1, 3, 100, 100), torch.channels_last, 2.005, False),
        ((1, 4, 100, 100), torch.channels_last, 2.005, True),
        ((1, 3, 5, 5, 5), torch.channels_last_3d, 2.05, False),
        ((1, 8, 5, 5, 5), torch.channels_last_3d, 2.05, True),
    ]
    for shape, layout, factor, expected in cases:
        assert halves(_doubled_rows(shape, layout, factor)) == expected, (shape, layout)


def test_nearest_given_size_slips_at_non_whole_factors_too():
    # Review 12: the float32 slip from floor(d * in / out) is not limited to whole factors: 4 -> 82
    # (x20.5) reads pixel 1 at d = 41 where the exact floor is 2; float64 keeps it exact here.
    for dtype, expected in ((torch.float32, 1), (torch.float16, 1), (torch.float64, 2)):
        row = torch.arange(4.0, dtype=dtype).view(1, 1, 4)
        assert F.interpolate(row, size=82, mode="nearest")[0, 0, 41].item() == expected, dtype
    assert 41 * 4 // 82 == 2


def test_area_ignores_the_one_over_scale_factor_step():
    # Review 12: area always recomputes the scale (even given recompute_scale_factor=False), so
    # scale_factor=1.5 gives the windows of size=10, fitted to in/out.
    x = torch.rand(1, 1, 7, generator=torch.Generator().manual_seed(0))
    by_scale = nn.Upsample(scale_factor=1.5, mode="area")(x)
    assert torch.equal(by_scale, F.interpolate(x, size=10, mode="area"))
    assert torch.equal(by_scale, F.interpolate(x, scale_factor=1.5, mode="area", recompute_scale_factor=False))
    # Review 75: so the example's comment names the mode it shows, not "the kernels".
    example = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert "linear steps by 1/scale_factor, not by in/out" in example


def test_nearest_given_scale_factor_copies_where_the_cpu_channels_last_kernel_keeps_the_size():
    # Review 12: floor(d / scale_factor) fails where the size is kept and the CPU's channels-last
    # kernel runs (small 4-D output, or channels_last with > 3 channels): 10 rows x 1.05 are copied.
    for channels, layout, width, copied in (
        (1, torch.contiguous_format, 3, True),  # small output: out H + out W <= 128
        (1, torch.contiguous_format, 200, False),
        (5, torch.channels_last, 200, True),
        (3, torch.channels_last, 200, False),
    ):
        x = torch.arange(10.0).view(1, 1, 10, 1).expand(1, channels, 10, width).contiguous(memory_format=layout)
        rows = F.interpolate(x, scale_factor=(1.05, 1.0), mode="nearest")[0, 0, :, 0].long().tolist()
        expected = list(range(10)) if copied else [math.floor(d / 1.05) for d in range(10)]
        assert rows == expected, (channels, layout, width)
    assert [math.floor(d / 1.05) for d in range(3)] == [0, 0, 1]


def test_uint8_three_channels_to_1x1_in_channels_last_keeps_the_first_corner():
    # Review 12: the internal assert is for the contiguous layout; channels_last escapes it.
    gen = torch.Generator().manual_seed(0)
    for h, w in ((2, 1), (2, 2), (5, 7)):
        for mode in ("bilinear", "bicubic"):
            x = torch.randint(0, 256, (1, 3, h, w), dtype=torch.uint8, generator=gen)
            y = F.interpolate(
                x.contiguous(memory_format=torch.channels_last), size=(1, 1), mode=mode, align_corners=True
            )
            assert torch.equal(y[0, :, 0, 0], x[0, :, 0, 0]), (h, w, mode)


def test_bilinear_last_rounding_step_overflows_at_the_float32_maximum():
    # Review 14: "stays inside the input range up to the last bit" breaks at float32's largest
    # value, where one rounding step above is inf (the page names 2x2 -> 7x7 on the CPU; checked by
    # hand with ATEN_CPU_CAPABILITY=default too, where 5x5 -> 6x6 does not overflow).
    top = torch.finfo(torch.float32).max
    assert float(torch.tensor(3.4028235e38)) == top
    out = F.interpolate(torch.full((1, 1, 2, 2), top), size=(7, 7), mode="bilinear")
    assert torch.isinf(out).any() and (out > 0).all()


@pytest.mark.parametrize(
    "mode,side,out,align,corner", [("bilinear", 2, 7, False, (-1, -1)), ("bicubic", 4, 22, True, (-1, 0))]
)
def test_a_corner_missed_upward_overflows_at_the_float32_maximum(mode, side, out, align, corner):
    # Review 14: "keeps the corners up to float rounding" turns into inf at float32's largest value.
    image = torch.full((1, 1, side, side), torch.finfo(torch.float32).max)
    result = F.interpolate(image, size=(out, out), mode=mode, align_corners=align)[0, 0]
    assert torch.isinf(result[corner]) and result[0, 0] == image[0, 0, 0, 0]
    if mode == "bicubic":  # review 36: the page adds that the two right-hand corners come back nan
        assert result[0, -1].isnan() and result[-1, -1].isnan()


def test_uint8_three_channels_to_1x1_without_avx2_keeps_the_first_corner():
    # Review 15: the internal assert needs the AVX2 kernel; under ATEN_CPU_CAPABILITY=default (ARM,
    # old x86) a contiguous 3-channel uint8 image shrinks to 1x1 and keeps the first corner.
    code = (
        "import torch, torch.nn.functional as F\n"
        "x = torch.randint(0, 256, (1, 3, 4, 4), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))\n"
        "ok = [torch.equal(F.interpolate(x[..., :h, :w], size=(1, 1), mode=m, align_corners=True)[0, :, 0, 0], x[0, :, 0, 0])\n"
        "      for h, w in ((2, 1), (2, 2), (4, 4)) for m in ('bilinear', 'bicubic')]\n"
        "print(torch.backends.cpu.get_cpu_capability(), all(ok))\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["DEFAULT", "True"]


def test_uint8_keeps_the_ratio_in_double_and_hits_the_last_corner_where_float32_misses():
    # Review 15: "(in - 1)/(out - 1) is rounded to float32 for every dtype but float64" was false for
    # uint8 on the CPU, whose int16-weight path computes the scale in double: its corners are exact.
    # Review 75: the example's comment said the scale "is rounded to float32" with no dtype named.
    example = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert "for float32 input the scale (in - 1)/(out - 1) is\n# rounded to float32." in example
    misses = 0
    for channels in (3, 5):  # the AVX2 kernel and the generic separable one (width > 1: no bug)
        for n in range(2, 12):
            x = (torch.arange(n) * (255 // (n - 1))).to(torch.uint8)
            x = x.view(1, 1, 1, n).expand(1, channels, 2, n).contiguous()
            for out in range(2, 130):
                y = F.interpolate(x, size=(3, out), mode="bilinear", align_corners=True)
                assert torch.equal(y[..., -1, -1], x[..., -1, -1]), (channels, n, out)
                f = F.interpolate(x.float(), size=(3, out), mode="bilinear", align_corners=True)
                misses += not torch.equal(f[..., -1, -1], x[..., -1, -1].float())
    assert misses > 0


def test_uint8_in_double_hits_the_corners_except_in_the_one_pixel_wide_bug():
    # Review 16: "float64, and uint8 on the CPU, ... hit the corners exactly" failed for uint8 with
    # 5 channels brought to one pixel wide while the height changes (the bug above); float64 holds.
    avx2 = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512")
    torch.manual_seed(2)
    for channels in (1, 4, 5, 8):
        x = torch.randint(0, 256, (1, channels, 4, 2), dtype=torch.uint8)
        y = F.interpolate(x, size=(8, 1), mode="bilinear", align_corners=True)
        assert torch.equal(y[0, :, -1, 0], x[0, :, -1, 0]) == (channels <= 4 and avx2), channels
        d = F.interpolate(x.double(), size=(8, 1), mode="bilinear", align_corners=True)
        assert torch.equal(d[0, :, -1, 0], x[0, :, -1, 0].double()), channels


def test_uint8_has_no_linear_kernel_so_only_its_bilinear_hits_the_aligned_corners():
    # Review r121-9: the page said float64 and uint8 "keep the step in double" and then that "their `linear` and
    # `bilinear` modes hit the corners exactly"; uint8 has no linear kernel on the CPU (3-D linear and 5-D
    # trilinear raise NotImplementedError for Byte, with either align_corners), so the page names uint8 bilinear only.
    for mode, rank in (("linear", 3), ("trilinear", 5)):
        for align in (False, True):
            with pytest.raises(NotImplementedError, match="Byte"):
                F.interpolate(
                    torch.zeros((1, 3) + (4,) * (rank - 2), dtype=torch.uint8),
                    size=(9,) * (rank - 2),
                    mode=mode,
                    align_corners=align,
                )
    x = torch.randint(0, 256, (1, 3, 4, 5), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    y = F.interpolate(x, size=(9, 11), mode="bilinear", align_corners=True)
    assert torch.equal(y[..., :: y.shape[-2] - 1, :: y.shape[-1] - 1], x[..., ::3, ::4])
    en = (ROOT / "docs" / "upsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "upsample.zh.md").read_text(encoding="utf-8")
    assert "their `linear` and `bilinear` modes" not in en and "它们的 `linear` 和 `bilinear` 模式" not in zh
    assert "CPU float64 `linear` and `bilinear` and `uint8` `bilinear` hit the corners exactly" in en
    assert "float64 的 `linear` 和 `bilinear` 以及 `uint8` 的 `bilinear` 能精确保住角上的值" in zh


def test_nearest_exact_given_scale_factor_copies_the_closest_to_its_own_step_not_to_the_centre():
    # Review 16: "nearest-exact copies the closest" holds given size; given scale_factor it copies the
    # closest to (d + 0.5) / scale_factor - 0.5, not the closest to the output pixel's centre (CPU;
    # CUDA's 4-D kernel copies a side that keeps its size: UpSampleNearest2d.cu).
    x = torch.arange(3.0).view(1, 1, -1)
    assert F.interpolate(x, scale_factor=1.3, mode="nearest-exact")[0, 0].tolist() == [0.0, 1.0, 1.0]
    assert F.interpolate(x, size=3, mode="nearest-exact")[0, 0].tolist() == [0.0, 1.0, 2.0]
    for channels, layout, rank in (
        (1, torch.contiguous_format, 4),
        (5, torch.channels_last, 4),
        (5, torch.channels_last_3d, 5),
    ):
        image = x.view((1, 1, 3) + (1,) * (rank - 3)).expand((1, channels) + (3,) * (rank - 2))
        y = F.interpolate(image.contiguous(memory_format=layout), scale_factor=1.3, mode="nearest-exact")
        assert y.flatten(2)[0, 0, :: 3 ** (rank - 3)].tolist() == [0.0, 1.0, 1.0], (channels, rank)
    for n_in in range(2, 12):
        for factor in (1.1, 1.3, 1.6, 1.9, 2.3, 2.9):
            y = F.interpolate(torch.arange(float(n_in)).view(1, 1, -1), scale_factor=factor, mode="nearest-exact")[0, 0]
            d = torch.arange(y.numel(), dtype=torch.float64)
            step_position = (d + 0.5) / factor - 0.5
            assert ((y.double() - step_position).abs() <= 0.5 + 1e-9).all(), (n_in, factor)


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="SIMD rounding")
def test_a_constant_image_can_leave_its_value_by_two_rounding_steps_in_bilinear():
    # Review 17: "up to the last bit" held for a row; a 2-D image rounds twice (page: 0.1, 5x9 -> 46x52).
    v = torch.tensor(0.1)
    ulp = (torch.nextafter(v, v + 1) - v).item()
    y = F.interpolate(torch.full((1, 1, 5, 9), 0.1), size=(46, 52), mode="bilinear")
    assert (v - y.min()).item() == pytest.approx(2 * ulp)


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="SIMD rounding")
def test_a_constant_image_can_leave_its_value_by_three_rounding_steps_in_bilinear():
    # Review 22: the page said "a constant image two"; 7.99 on 1x1 enlarged to 20x9 ends three steps below.
    v = torch.tensor(7.99)
    y = F.interpolate(torch.full((1, 1, 1, 1), 7.99), size=(20, 9), mode="bilinear")
    assert (y.view(torch.int32).long() - v.view(torch.int32).long()).min().item() == -3


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="SIMD rounding")
def test_a_float32_corner_can_miss_by_two_rounding_steps():
    # Review 17: the page said a corner misses "in the last bit"; the 2x1 column it names misses by two steps.
    x = torch.tensor([0.9423027634620667, 0.7767965793609619]).view(1, 1, 2, 1)
    corner = F.interpolate(x, size=(6, 14), mode="bilinear")[0, 0, -1, -1]
    one_step = torch.nextafter(x[0, 0, -1, 0], torch.tensor(2.0))
    assert corner == torch.nextafter(one_step, torch.tensor(2.0))


def test_a_uint8_channels_last_view_from_hwc_loses_corners_like_contiguous_input():
    # Review 17: the page named only the contiguous layout; a batch of one viewed from an HWC array
    # is channels_last with batch stride C, and 5 channels brought to one pixel wide lose a corner.
    hwc = torch.arange(4 * 3 * 5, dtype=torch.uint8).view(4, 3, 5)
    view = hwc.permute(2, 0, 1)[None]
    assert view.is_contiguous(memory_format=torch.channels_last)
    y = F.interpolate(view, size=(2, 1), mode="bilinear", align_corners=True)
    assert not torch.equal(y[0, :, -1, 0], view[0, :, -1, 0])
    copy = view.clone(memory_format=torch.channels_last)  # batch stride H*W*C: keeps the corners
    assert torch.equal(
        F.interpolate(copy, size=(2, 1), mode="bilinear", align_corners=True)[0, :, -1, 0], view[0, :, -1, 0]
    )


def test_two_rounding_steps_also_occur_with_the_default_cpu_code():
    # The named cases are AVX2/AVX-512 ones; without SIMD other inputs round twice as well.
    code = (
        "import torch, torch.nn.functional as F\n"
        "y = F.interpolate(torch.full((1, 1, 5, 2), 6.800800544514747), size=(23, 15), mode='bilinear')\n"
        "v = torch.tensor(6.800800544514747)\n"
        "print(torch.backends.cpu.get_cpu_capability(), ((y - v).abs().max() / (v - torch.nextafter(v, v - 1))).item())\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["DEFAULT", "2.0"]


def test_glossary_antialias_align_corners_row_values_name_their_mode():
    # Review 18: the glossary gave 1.25, 4, 7, 8.67 for "antialias=True" without a mode; only bilinear gives
    # them. Both filters are centred on (d + 0.5) * 3 - 0.5 = 1, 4, 7, 10 (not (d + 0.5) * 3).
    row = torch.arange(10, dtype=torch.float64).view(1, 1, 1, 10)
    got = {
        mode: F.interpolate(row, size=(1, 4), mode=mode, antialias=True, align_corners=True).flatten()
        for mode in ("bilinear", "bicubic")
    }
    assert torch.allclose(got["bilinear"], torch.tensor([1.25, 4, 7, 26 / 3], dtype=torch.float64))
    assert torch.allclose(got["bicubic"], torch.tensor([1.07, 3.94, 7.15, 9.04], dtype=torch.float64), atol=0.005)
    # where the bilinear filter (3 pixels each side) is not cut, the output of a ramp is its centre: 4 and 7
    assert torch.allclose(got["bilinear"][1:3], torch.tensor([4.0, 7.0], dtype=torch.float64), atol=1e-12)


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="SIMD rounding")
def test_a_float64_corner_can_miss_by_two_rounding_steps_too():
    # Review 19: the page said float64 misses "in the last bit" and only float32 by two steps.
    x = torch.tensor([0.6256601387846066, 0.24894493068285806], dtype=torch.float64).view(1, 1, 2, 1)
    corner = F.interpolate(x, size=(6, 14), mode="bilinear")[0, 0, -1, -1]
    steps = corner.view(torch.int64) - x[0, 0, -1, 0].view(torch.int64)
    assert abs(steps.item()) == 2


def test_align_corners_true_misses_a_corner_by_more_than_its_own_last_bits():
    # Review 19: "can miss a corner in the last bits" held only relative to the neighbour's value.
    row = torch.tensor([1e6, 1e6, 1e6, 1.0]).view(1, 1, 4)
    last = F.interpolate(row, size=38, mode="linear", align_corners=True)[0, 0, -1].item()
    assert round(last, 2) == 1.24
    exact = F.interpolate(row.double(), size=38, mode="linear", align_corners=True)[0, 0, -1].item()
    assert exact == 1.0
    # Review r117-9: nor relative to the neighbour's value: on a long axis the float32 step puts the
    # last sample 1/64 of a pixel short, so a corner of 1 beside 0 ends on 0.984375 (float16 and
    # bfloat16 too, as their step is float32), not within any rounding of 0 or 1; float64 keeps it.
    long_row = torch.zeros(1, 1, 131_219)
    long_row[..., -1] = 1
    for dtype in (torch.float32, torch.float16, torch.bfloat16):
        end = F.interpolate(long_row.to(dtype), size=262_196, mode="linear", align_corners=True)[0, 0, -1]
        assert end.item() == 0.984375, dtype
    assert F.interpolate(long_row.double(), size=262_196, mode="linear", align_corners=True)[0, 0, -1].item() == 1.0
    assert_pages_say(
        ("upsample.md", "can miss a corner, and by more than its own last bits"),
        ("upsample.md", "131,219 pixels, all 0 but a last 1, enlarged to 262,196 by `linear` ends on 0.984375"),
        (
            "upsample.zh.md",
            "131,219 个像素，除最后一个为 1 外都是 0，用 `linear` 放大到 262,196 个像素，最后一个值是 0.984375",
        ),
    )


@pytest.mark.parametrize("align", [False, True])
def test_uint8_one_pixel_wide_bug_needs_the_contiguous_layout(align):
    # Review 21 (glossary, align_corners): > 4 channels of contiguous uint8 hit the one-pixel-wide
    # bug; a channels_last copy follows the float result to one level.
    torch.manual_seed(0)
    for height, width, out_height in ((4, 3, 8), (6, 5, 3), (4, 1, 8)):
        x = torch.randint(0, 256, (1, 5, height, width), dtype=torch.uint8)
        want = F.interpolate(x.double(), size=(out_height, 1), mode="bilinear", align_corners=align)
        wide = F.interpolate(
            x.contiguous(memory_format=torch.channels_last), size=(out_height, 1), mode="bilinear", align_corners=align
        )
        assert (wide.double() - want).abs().max() <= 1
    x = torch.randint(0, 256, (1, 5, 4, 3), dtype=torch.uint8)
    bugged = F.interpolate(x, size=(8, 1), mode="bilinear", align_corners=align).double()
    assert (bugged - F.interpolate(x.double(), size=(8, 1), mode="bilinear", align_corners=align)).abs().max() > 1


def _bilinear_2x2_to_1x1_with_and_without_antialias(dtype, channels, layout, align):
    """Both results, or "raises" for a call torch refuses (on the CPU)."""
    if dtype == torch.uint8:
        x = torch.randint(0, 256, (4, channels, 2, 2), dtype=dtype, generator=torch.Generator().manual_seed(channels))
    else:
        x = (torch.randn(4, channels, 2, 2, generator=torch.Generator().manual_seed(channels)) * 100).to(dtype)
    x = x.contiguous(memory_format=layout)
    results = []
    for antialias in (False, True):
        try:
            results.append(F.interpolate(x, size=(1, 1), mode="bilinear", antialias=antialias, align_corners=align))
        except (RuntimeError, NotImplementedError):
            results.append("raises")
    return results


def test_glossary_2x2_to_1x1_with_and_without_antialias_agree_only_where_both_run():
    # Review 23: the glossary's conventions said the two agree from 2x2 to 1x1; on the CPU float16 and
    # bfloat16 refuse antialias, and contiguous 3-channel uint8 raises an internal assert in both calls
    # on an AVX2/AVX-512 CPU. Elsewhere they agree up to float rounding (uint8: to the level).
    avx2 = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512")
    for dtype, channels, layout, align in itertools.product(
        (torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.uint8),
        range(1, 7),
        (torch.contiguous_format, torch.channels_last),
        (None, True),
    ):
        plain, smooth = _bilinear_2x2_to_1x1_with_and_without_antialias(dtype, channels, layout, align)
        case = (dtype, channels, layout, align)
        if dtype in (torch.float16, torch.bfloat16):
            assert smooth == "raises" and not isinstance(plain, str), case
        elif dtype == torch.uint8 and channels == 3 and layout == torch.contiguous_format and avx2:
            assert plain == smooth == "raises", case
        else:
            torch.testing.assert_close(
                plain.double(), smooth.double(), rtol=1e-6, atol=1e-4 if dtype != torch.uint8 else 0
            )
    code = (
        "import torch, torch.nn.functional as F\n"
        "x = torch.randint(0, 256, (4, 3, 2, 2), dtype=torch.uint8)\n"
        "a, b = (F.interpolate(x, size=(1, 1), mode='bilinear', antialias=aa) for aa in (False, True))\n"
        "print(torch.equal(a, b))\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["True"]  # no assert without AVX2


def test_a_one_channel_channels_last_uint8_copy_loses_corners_without_avx2():
    # Review 28: the page said "a channels_last copy escapes" the one-pixel-wide uint8 bug, which strikes
    # any channel count without AVX2. A one-channel channels_last copy is also contiguous and keeps it.
    code = (
        "import torch, torch.nn.functional as F\n"
        "g = torch.Generator().manual_seed(0)\n"
        "for c in (1, 2, 3, 5):\n"
        "    x = torch.randint(0, 256, (1, c, 4, 1), dtype=torch.uint8, generator=g)\n"
        "    x = x.contiguous(memory_format=torch.channels_last)\n"
        "    out = F.interpolate(x, size=(8, 1), mode='bilinear', align_corners=True)\n"
        "    print(torch.equal(out[..., -1, :], x[..., -1, :]))\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["False", "True", "True", "True"]


def test_float64_align_corners_true_hits_the_corner_on_the_cpu_but_cuda_truncates_the_position():
    # Review 23: the page said float64 linear modes "hit the corners exactly". The CPU floors the
    # double position in single precision (floorf), which lands on the last pixel; CUDA's kernels
    # truncate it (UpSampleLinear1d.cu: `const int w1 = w1r;`), and 1/49 * 49 < 1 in double.
    row = torch.tensor([0.0, 1.0], dtype=torch.float64).view(1, 1, 2)
    assert F.interpolate(row, size=50, mode="linear", align_corners=True)[0, 0, -1].item() == 1.0
    position = (2 - 1) / (50 - 1) * (50 - 1)  # the CUDA kernel's w1r for the last output pixel
    w1 = int(position)
    weight = position - w1
    assert w1 == 0 and (1 - weight) * 0.0 + weight * 1.0 == 0.9999999999999999
    if torch.cuda.is_available():
        on_gpu = F.interpolate(row.cuda(), size=50, mode="linear", align_corners=True)[0, 0, -1].item()
        assert on_gpu == 0.9999999999999999


@pytest.mark.filterwarnings("ignore::UserWarning")  # quantized tensors are deprecated
def test_nearest_exact_pages_name_no_quantized_kernel_that_copies_an_image_that_keeps_its_size():
    # Review 81: "the CPU copies a 4-D or 5-D quint8 tensor quantized per tensor whose sides all keep their size"
    # (and the glossary's "the CPU's kernels for quantized 4-D and 5-D tensors copy an image") failed on 5-D input
    # laid out channels_last_3d (one channel counts as that layout) with a batch of 2 or more: that kernel copies the
    # first item and returns, leaving the rest of the output unwritten. The pages now leave quantized tensors out.
    # The output is over 32 MiB, so it lands in fresh (zeroed) pages rather than in a freed buffer that held the input.
    for channels in (1, 2):
        shape = (2, channels, 80 // channels, 512, 512)
        ints = torch.empty(shape, dtype=torch.uint8, memory_format=torch.channels_last_3d)
        ints.random_(1, 256, generator=torch.Generator().manual_seed(channels))
        q = torch._make_per_tensor_quantized_tensor(ints, 1 / 255, 0)
        assert q.is_contiguous(memory_format=torch.channels_last_3d)
        out = F.interpolate(q, scale_factor=1.001, mode="nearest-exact").int_repr()
        assert out.shape == shape and torch.equal(out[0], ints[0])
        assert not torch.equal(out[1], ints[1]), channels
    pages = {name: (ROOT / "docs" / name).read_text(encoding="utf-8") for name in ("upsample.md", "glossary.md")}
    zh = {name: (ROOT / "docs" / name).read_text(encoding="utf-8") for name in ("upsample.zh.md", "glossary.zh.md")}
    for text in pages.values():
        assert "CUDA's 4-D kernel copies a side that keeps its size" in text
        assert "quantized per tensor whose sides" not in text and "quantized 4-D and 5-D tensors copy" not in text
    for text in zh.values():
        assert "CUDA 的四维内核会把尺寸不变的那一边原样复制" in text
        assert "的四维或五维张量也会被原样复制" not in text and "量化张量的四维和五维内核" not in text


def test_float64_bilinear_misses_the_last_aligned_corner_by_one_step_only_with_the_default_cpu_code():
    # Review 24: "on the CPU their linear modes hit the corners exactly" holds for the AVX2 and
    # AVX-512 code; torch's default CPU code misses the last corner of 8x8 -> 26x26 by one step.
    code = (
        "import itertools, torch, torch.nn.functional as F\n"
        "gen = torch.Generator().manual_seed(0)\n"
        "x = torch.randn(50, 1, 8, 8, dtype=torch.float64, generator=gen)\n"
        "y = F.interpolate(x, size=(26, 26), mode='bilinear', align_corners=True)\n"
        "steps = (y[..., -1, -1].view(torch.int64) - x[..., -1, -1].view(torch.int64)).abs()\n"
        "others = all(torch.equal(y[..., i, j], x[..., i, j]) for i, j in itertools.product((0, -1), repeat=2) if (i, j) != (-1, -1))\n"
        "print(torch.backends.cpu.get_cpu_capability(), int(steps.max()), others)\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["DEFAULT", "1", "True"]
    for capability in ("AVX2", "AVX512"):
        printed = run_python(code, ATEN_CPU_CAPABILITY=capability).split()
        assert printed[1:] == ["0", "True"], printed


def test_glossary_2x2_to_1x1_agreement_needs_size_or_half_with_align_corners_false():
    # Review 25: the glossary's conventions said bilinear with and without antialias agree from 2x2
    # to 1x1 wherever both run; given a scale_factor between 0.5 and 1 (the output is still 1x1)
    # the step 1/scale_factor puts the sample off the middle, and the two weigh the pixels
    # differently. With align_corners=True both take the first pixel at every factor.
    x = torch.rand(2, 3, 2, 2, dtype=torch.float64)
    for factor in [0.5 + i / 100 for i in range(50)]:
        for align in (None, True):
            plain, smooth = (
                F.interpolate(x, scale_factor=factor, mode="bilinear", antialias=aa, align_corners=align)
                for aa in (False, True)
            )
            assert plain.shape[-2:] == (1, 1)
            agree = torch.allclose(plain, smooth, rtol=0, atol=1e-12)
            assert agree == (align is True or factor == 0.5), (factor, align)
        # recompute_scale_factor=True brings back the step in/out = 2: the mean of the two again.
        plain, smooth = (
            F.interpolate(x, scale_factor=factor, mode="bilinear", antialias=aa, recompute_scale_factor=True)
            for aa in (False, True)
        )
        torch.testing.assert_close(plain, smooth, rtol=0, atol=1e-12)


def test_glossary_2x2_to_1x1_agreement_also_holds_in_float32_where_the_factor_rounds_to_half():
    # Review 30: the glossary said "only given size=, scale_factor=0.5 or recompute_scale_factor=True";
    # for float32 input a factor whose 1/scale_factor rounds to 2 in single precision steps exactly as
    # 0.5 does (both filters then weigh the two pixels alike); float64 input keeps the off-middle step.
    generator = torch.Generator().manual_seed(30)
    for factor in (0.5000000001, 0.50000001):
        assert factor != 0.5 and torch.tensor(1 / factor, dtype=torch.float32).item() == 2.0
        for dtype, agree in ((torch.float32, True), (torch.float64, False)):
            x = torch.rand(500, 3, 2, 2, generator=generator, dtype=dtype)
            plain, smooth, half = (
                F.interpolate(x, scale_factor=f, mode="bilinear", antialias=aa)
                for f, aa in ((factor, False), (factor, True), (0.5, False))
            )
            eps = torch.finfo(dtype).eps
            assert torch.allclose(plain, smooth, rtol=0, atol=4 * eps) == agree, (factor, dtype)
            assert torch.equal(plain, half) == agree, (factor, dtype)


def _antialias_pixels_read(n_in, n_out, mode, align):
    """How many input pixels (non-zero weights) each output of a row reads with antialias=True."""
    impulses = torch.eye(n_in, dtype=torch.float64).view(n_in, 1, 1, n_in)
    weights = F.interpolate(impulses, size=(1, n_out), mode=mode, antialias=True, align_corners=align)[:, 0, 0]
    return sorted((weights != 0).sum(0).tolist())


def test_glossary_antialias_pixel_counts_near_a_factor_of_one_depend_on_align_corners():
    # Review 25: the glossary's "10 -> 9 pixels reads only 2 (bicubic: 4)" holds with align_corners=False;
    # with True the step is 9/8, and one output reads 3 (bicubic: 5). 100 -> 98 reads 3 for two
    # outputs with False, three with True (bicubic: 5 for four outputs either way).
    counts = {
        (mode, align): {n: _antialias_pixels_read(n, n - (1 if n == 10 else 2), mode, align) for n in (10, 100)}
        for mode in ("bilinear", "bicubic")
        for align in (False, True)
    }
    assert max(counts["bilinear", False][10]) == 2 and counts["bilinear", True][10].count(3) == 1
    assert max(counts["bicubic", False][10]) == 4 and counts["bicubic", True][10].count(5) == 1
    assert counts["bilinear", False][100].count(3) == 2 and counts["bilinear", True][100].count(3) == 3
    assert all(counts["bicubic", align][100].count(5) == 4 for align in (False, True))
    assert max(counts["bilinear", True][10]) == 3 and max(counts["bicubic", True][10]) == 5


def test_glossary_one_output_pixel_axis_bug_also_strikes_hwc_views():
    # Review 25: the glossary named only contiguous input for the CPU's one-pixel-wide bug that breaks
    # "align_corners=True along an axis of one output pixel takes the first input pixel"; an HWC array
    # permuted to NCHW (float with antialias, uint8 with 5 channels without) hits it too, while a
    # channels_last copy with more than one channel does not.
    gen = torch.Generator().manual_seed(0)
    for dtype, channels, antialias in ((torch.float32, 3, True), (torch.float64, 2, True), (torch.uint8, 5, False)):
        hwc = (torch.rand(6, 4, channels, generator=gen) * 255).to(dtype)
        view = hwc.permute(2, 0, 1).unsqueeze(0)
        assert not view.is_contiguous()
        copy = torch.empty(view.shape, dtype=dtype).contiguous(memory_format=torch.channels_last).copy_(view)
        # The truth: the transposed call, whose output is one pixel high, which the bug spares.
        options = dict(size=(3, 1), mode="bilinear", antialias=antialias, align_corners=True)
        transposed = {**options, "size": (1, 3)}
        truth = F.interpolate(view.transpose(-1, -2).contiguous(), **transposed).transpose(-1, -2)
        assert not torch.equal(truth[..., :1, :].expand_as(truth), truth), dtype
        assert torch.equal(F.interpolate(copy, **options), truth), dtype
        got = F.interpolate(view, **options)
        assert torch.equal(got, got[..., :1, :].expand_as(got)) and not torch.equal(got, truth), dtype


def test_nearest_20x45_times_2_02_steps_by_the_factor_only_outside_the_channels_last_kernel():
    # Review 25: the page's "20x45 x 2.02 -> 40x90 steps by 1/2.02" holds for a contiguous map; a
    # channels_last map of more than 3 channels runs the channels-last kernel, which halves there.
    rows = torch.arange(20.0).view(1, 1, 20, 1).expand(1, 4, 20, 45)
    by_factor = [int(d / 2.02) for d in range(40)]
    for channels in (1, 3, 4, 6):
        x = rows[:, :1].expand(1, channels, 20, 45).contiguous()
        for layout in (torch.contiguous_format, torch.channels_last):
            y = F.interpolate(x.contiguous(memory_format=layout), scale_factor=2.02, mode="nearest")
            assert y.shape[-2:] == (40, 90)
            halves = layout == torch.channels_last and channels > 3
            expected = [d // 2 for d in range(40)] if halves else by_factor
            assert y[0, 0, :, 0].int().tolist() == expected, (channels, layout)
    assert by_factor != [d // 2 for d in range(40)]


def test_glossary_antialias_bicubic_10_to_9_reads_at_most_4_and_3_at_the_ends():
    # Review 26: the glossary said 10 -> 9 "can still read only 4 pixels per axis"; the two
    # outputs at the ends read 3 (the fourth tap falls outside the image).
    def taps(align):
        rows = torch.eye(10, dtype=torch.float64).reshape(10, 1, 1, 10)
        weights = F.interpolate(rows, size=(1, 9), mode="bicubic", antialias=True, align_corners=align)
        return (weights[:, 0, 0, :] != 0).sum(0).tolist()

    assert taps(False) == [3, 4, 4, 4, 4, 4, 4, 4, 3]
    assert sorted(taps(True)).count(5) == 1 and max(taps(True)) == 5


@pytest.mark.parametrize("align", [False, True])
def test_uint8_one_pixel_wide_bug_needs_two_rows_in_and_out(align):
    # Review 26: "hits a bug when the output is one pixel wide and its height changes": from one
    # row or to one row the contiguous 5-channel uint8 result is right (to a level); from 4 rows
    # to 6 it is not. Run in the AVX2/AVX-512 code and in the default code.
    code = f"""
import torch, torch.nn.functional as F
torch.manual_seed(0)
for (h, w), (oh, ow) in [((1, 4), (5, 1)), ((1, 4), (3, 1)), ((4, 4), (1, 1)), ((4, 2), (1, 1)), ((4, 4), (6, 1)), ((4, 2), (2, 1))]:
    x = (torch.rand(1, 5, h, w) * 255).to(torch.uint8)
    y = F.interpolate(x, size=(oh, ow), mode="bilinear", align_corners={align})
    ref = F.interpolate(x.double(), size=(oh, ow), mode="bilinear", align_corners={align}).round().clamp(0, 255)
    print((y.double() - ref).abs().max().item())
"""
    for env in ({}, {"ATEN_CPU_CAPABILITY": "default"}):
        gaps = [float(v) for v in run_python(code, **env).split()]
        assert max(gaps[:4]) <= 1
        assert min(gaps[4:]) > 50


_TRILINEAR_CORNER_STEPS_CODE = (
    "import itertools, random, torch, torch.nn.functional as F\n"
    "rng, gen = random.Random(0), torch.Generator().manual_seed(0)\n"
    "worst = {True: 0, False: 0}\n"
    "for _ in range(1500):\n"
    "    s_in = [rng.randint(1, 5) for _ in range(3)]\n"
    "    s_out = tuple(rng.randint(a, 16) for a in s_in)\n"
    "    x = torch.rand(1, 5, *s_in, generator=gen)\n"
    "    for last in (True, False):\n"
    "        xx = x.contiguous(memory_format=torch.channels_last_3d) if last else x\n"
    "        y = F.interpolate(xx, size=s_out, mode='trilinear')\n"
    "        for c in itertools.product((0, -1), repeat=3):\n"
    "            i = (0, slice(None)) + c\n"
    "            d = y[i].contiguous().view(torch.int32).long() - xx[i].contiguous().view(torch.int32).long()\n"
    "            worst[last] = max(worst[last], int(d.abs().max()))\n"
    "print(torch.backends.cpu.get_cpu_capability(), worst[True], worst[False])\n"
)


def test_a_float32_trilinear_channels_last_3d_corner_can_miss_by_three_rounding_steps():
    # Review 29: the page said corners miss "by two rounding steps" when enlarging with align_corners=False;
    # the channels-last trilinear kernel (channels_last_3d, more than 3 channels) misses by three,
    # with the AVX2/AVX-512 code and the default code alike; the contiguous kernel stays within two.
    x = (
        torch.tensor([0.05, 0.25])
        .view(1, 1, 1, 1, 2)
        .expand(1, 4, 1, 1, 2)
        .contiguous(memory_format=torch.channels_last_3d)
    )
    corner = F.interpolate(x, size=(10, 10, 3), mode="trilinear")[0, :, -1, -1, -1]
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        assert (corner.view(torch.int32) - torch.tensor(0.25).view(torch.int32)).tolist() == [-3] * 4
        assert f"{corner[0].item():.8f}" == "0.24999996"
        # Review r90-1: "a volume of more than 3 channels" was too wide: a whole number of vectors of 8 floats
        # (8, 16, 24, 32 channels) ends on 0.25 exactly, with the AVX2 and the AVX-512 code alike
        for channels in (8, 16, 24, 32):
            wide = x[:, :1].expand(1, channels, 1, 1, 2).contiguous(memory_format=torch.channels_last_3d)
            assert F.interpolate(wide, size=(10, 10, 3), mode="trilinear")[0, :, -1, -1, -1].eq(0.25).all()
        for name, text in (
            ("upsample.md", "on a `channels_last_3d`\n  volume of 4 channels, the 1×1×2 row 0.05, 0.25"),
            ("upsample.zh.md", "；4 个通道的 `channels_last_3d` 体数据上，取值为 0.05、0.25 的 1×1×2 体数据"),
        ):
            assert text in (ROOT / "docs" / name).read_text(encoding="utf-8"), name
    # three channels run the contiguous kernel: the same corner is exact there
    assert F.interpolate(x[:, :3].contiguous(), size=(10, 10, 3), mode="trilinear")[0, 0, -1, -1, -1].item() == 0.25
    for capability in ("default", "avx2", "avx512"):  # lower case: torch ignores upper case
        printed = run_python(_TRILINEAR_CORNER_STEPS_CODE, ATEN_CPU_CAPABILITY=capability).split()
        assert printed[1] == "3", printed


_TRILINEAR_ONE_VOXEL_CODE = (
    "import torch, torch.nn.functional as F\n"
    "for channels in (1, 2, 3, 4, 5):\n"
    "    x = torch.full((1, channels, 1, 1, 1), 0.9)\n"
    "    corner = F.interpolate(x, size=(10, 10, 10), mode='trilinear')[0, 0, -1, -1, -1]\n"
    "    print(channels, int(corner.view(torch.int32) - x[0, 0, 0, 0, 0].view(torch.int32)), f'{corner.item():.7f}')\n"
)


@pytest.mark.skipif(torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="SIMD rounding")
def test_a_float32_trilinear_corner_misses_by_three_steps_outside_the_channels_last_kernel_too():
    # Review 30: the page said three steps only "on a channels_last_3d volume of more than 3 channels";
    # a 1x1x1 volume of 0.9 with 1 to 3 channels (the contiguous kernel) enlarged to 10x10x10 ends three
    # steps below in its last corner with the AVX2 and AVX-512 code; 4 channels and more end one step below.
    for capability in ("avx2", "avx512"):
        if capability == "avx512" and torch.backends.cpu.get_cpu_capability() != "AVX512":
            continue
        rows = [
            line.split() for line in run_python(_TRILINEAR_ONE_VOXEL_CODE, ATEN_CPU_CAPABILITY=capability).splitlines()
        ]
        assert [row[1:] for row in rows[:3]] == [["-3", "0.8999998"]] * 3, (capability, rows)
        assert all(abs(int(row[1])) < 3 for row in rows[3:]), (capability, rows)


def test_nearest_steps_by_the_factor_only_without_recompute_scale_factor():
    # 5 pixels x 1.3 end on pixel 3 (floor(5 / 1.3)), on pixel 4 as with size=6 once recompute_scale_factor=True.
    row = torch.arange(5.0).view(1, 1, 5)
    assert F.interpolate(row, scale_factor=1.3, mode="nearest")[0, 0, -1] == 3
    assert F.interpolate(row, scale_factor=1.3, mode="nearest", recompute_scale_factor=True)[0, 0, -1] == 4
    for dtype in (torch.float32, torch.float64):
        x = torch.rand(1, 1, 3, 17).to(dtype)
        for n in range(2, 18):
            for s in (0.3, 0.7, 1.3, 1.7, 2.6):
                out = int(n * s)
                for mode in ("nearest", "nearest-exact"):
                    if out >= 1:
                        sized = F.interpolate(x[..., :n], size=(3, out), mode=mode)
                        again = F.interpolate(x[..., :n], scale_factor=(1, s), mode=mode, recompute_scale_factor=True)
                        assert torch.equal(again, sized), (mode, n, s)


UINT8_NEAR_TWO = """
import torch, torch.nn.functional as F
torch.manual_seed(0)
differ = []
for channels in range(1, 7):
    for layout in (torch.contiguous_format, torch.channels_last):
        for mode in ("bilinear", "bicubic"):
            for trial in range(40):
                levels = torch.randint(0, 256, (1, channels, 8, 8))
                if trial % 2:  # values whose weighted sums sit exactly halfway between two levels
                    levels = torch.randint(0, 3, (1, channels, 8, 8)) * (2 * trial + 1)
                x = levels.to(torch.uint8).contiguous(memory_format=layout)
                by_factor = F.interpolate(x, scale_factor=2.000000001, mode=mode)
                if not torch.equal(by_factor, F.interpolate(x, size=(16, 16), mode=mode)):
                    differ.append((channels, layout, mode))
print(len(differ))
"""


@pytest.mark.parametrize("capability", [None, "avx2", "default"])
def test_uint8_at_8_times_2_000000001_gives_the_same_as_size_16(capability):
    # upsample: uint8 keeps the step in double, yet 8 x 2.000000001 gives what size=16 gives (bilinear, bicubic).
    env = {} if capability is None else {"ATEN_CPU_CAPABILITY": capability}
    assert run_python(UINT8_NEAR_TWO, **env).strip() == "0"
    # while float64, which also keeps the step in double, does differ there
    x = torch.rand(1, 1, 8, 8, dtype=torch.float64)
    for mode in ("bilinear", "bicubic"):
        assert not torch.equal(
            F.interpolate(x, scale_factor=2.000000001, mode=mode), F.interpolate(x, size=(16, 16), mode=mode)
        )


def test_kept_size_copy_list_names_cuda_nearest_exact():
    # upsample: CUDA's 4-D nearest-exact shares nearest's kernels, which copy a side that keeps its size
    # (UpSampleNearest2d.cu: `height1 == height2 ? h2 : nn_compute_source_index_fn(...)`); the CPU's
    # float kernels step by 1/scale_factor there, so 30 pixels x 1.02 do not come back unchanged.
    row = torch.arange(30.0).view(1, 1, 1, 30)
    on_cpu = F.interpolate(row, scale_factor=(1, 1.02), mode="nearest-exact")
    assert on_cpu.shape == row.shape and not torch.equal(on_cpu, row)
    if torch.cuda.is_available():
        assert torch.equal(F.interpolate(row.cuda(), scale_factor=(1, 1.02), mode="nearest-exact").cpu(), row)
    page = (ROOT / "docs" / "upsample.md").read_text(encoding="utf-8")
    assert "CUDA's 4-D `nearest` and `nearest-exact`, which share one set of kernels of their own" in page


def test_cuda_nearest_and_nearest_exact_are_said_to_share_their_own_kernels_not_the_cpu_ones():
    """Review r138-9: the kept-size copy list read 'those `nearest` kernels and CUDA's 4-D `nearest` and
    `nearest-exact`, which share those kernels': 'those kernels' landed on the CPU `nearest` kernels just named,
    which CUDA does not run. The two CUDA modes share one set of kernels with each other (UpSampleNearest2d.cu, a
    template over the source-index function), as the zh says (后两者共用同一套内核). On the CPU the two modes do not
    share the kept-size copy: `nearest-exact` steps by 1/scale_factor where `nearest`'s channels-last kernel copies."""
    page = (ROOT / "docs" / "upsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "upsample.zh.md").read_text(encoding="utf-8")
    assert "which share those kernels" not in page
    assert "`nearest-exact`, which share one set of kernels of their own ([UpSampleNearest2d.cu]" in page
    assert "CUDA 的四维 `nearest` 和 `nearest-exact` 同样如此，后两者共用同一套内核（[UpSampleNearest2d.cu]" in zh
    # the CPU kernels "those" named are not even shared by nearest-exact on the CPU: a channels_last map of 4
    # channels, 30 rows x 1.02, is copied by nearest and not by nearest-exact
    x = torch.arange(120.0).view(1, 4, 30, 1).contiguous(memory_format=torch.channels_last)
    assert torch.equal(F.interpolate(x, scale_factor=(1.02, 1), mode="nearest"), x)
    assert not torch.equal(F.interpolate(x, scale_factor=(1.02, 1), mode="nearest-exact"), x)


def test_a_25_pixel_map_pools_to_12_without_ceil_mode_and_13_with_it():
    x = torch.rand(1, 1, 25, 25)
    assert F.max_pool2d(x, 2).shape[-2:] == F.avg_pool2d(x, 2).shape[-2:] == (12, 12)
    assert F.max_pool2d(x, 2, ceil_mode=True).shape[-2:] == F.avg_pool2d(x, 2, ceil_mode=True).shape[-2:] == (13, 13)


def test_a_25_pixel_map_pools_to_13_with_padding_too():
    # Review 39: "pools to 12x12 without ceil_mode=True" missed padding=1, which also gives 13x13.
    x = torch.zeros(1, 1, 25, 25)
    assert F.max_pool2d(x, 2, padding=1).shape[-2:] == F.avg_pool2d(x, 2, padding=1).shape[-2:] == (13, 13)
    assert F.max_pool2d(x, 2, dilation=2).shape[-2:] == (12, 12)


def test_align_corners_true_corner_errors_are_rounding_but_not_the_corners_own_last_bits():
    # Review 43: "the errors in the table are in the last bits of float32" was false for corners
    # near 0: over the table's domain they miss by hundreds of their own ulps, while staying within
    # a few ulps of the largest input value.
    def corners(t):
        for dim in range(2, t.dim()):
            t = t.index_select(dim, torch.tensor([0, t.shape[dim] - 1]))
        return t

    generator = torch.Generator().manual_seed(0)
    own = 0.0
    for mode, rank in (("linear", 3), ("bilinear", 4), ("bicubic", 4)):
        for n_in in range(1, 10):
            for n_out in range(2, 41):
                before = torch.randn((1, 2) + (n_in,) * (rank - 2), generator=generator)
                after = F.interpolate(before, size=(n_out,) * (rank - 2), mode=mode, align_corners=True)
                error = (corners(after) - corners(before)).abs()
                largest = before.abs().max()
                assert error.max() <= 32 * (torch.nextafter(largest, torch.tensor(float("inf"))) - largest)
                corner = corners(before).abs()
                own = max(own, (error / (torch.nextafter(corner, torch.tensor(float("inf"))) - corner)).max().item())
    assert own > 100


def test_bicubic_climbs_the_pages_step_more_steeply_than_bilinear(ns):
    # Review 43: "It is sharper" was an untested interpretation; the page now says what the
    # profiles show: across the rising step, bicubic's steepest rise beats bilinear's.
    rise = {mode: float(max(ns["profiles"][mode][1:] - ns["profiles"][mode][:-1])) for mode in ("bilinear", "bicubic")}
    assert rise["bicubic"] > 1.1 * rise["bilinear"]


def test_glossary_output_size_is_the_floor_of_the_float64_product_not_of_the_exact_one():
    # The glossary: floor(input size x scale_factor), the product rounded to float64 first.
    misses = 0
    for factor in (1.16, 0.3, 1.7, 2.1, 0.7, 1.1, 2.9, 0.29, 1.3, 4.35):
        for n in range(math.ceil(1 / factor), 400):  # an output size of 0 raises
            out = F.interpolate(torch.zeros(1, 1, n), scale_factor=factor).shape[-1]
            assert out == math.floor(n * factor), (n, factor)
            again = F.interpolate(torch.zeros(1, 1, n), scale_factor=factor, recompute_scale_factor=True)
            assert again.shape[-1] == out
            misses += out != math.floor(n * Fraction(str(factor)))
    assert misses > 0
    assert F.interpolate(torch.zeros(1, 1, 25), scale_factor=1.16).shape[-1] == 28


def test_nearest_float64_slips_at_2_to_82_where_the_channels_last_kernel_runs_not_only_on_long_rows():
    # The page said float64 slips "on long rows"; the CPU's channels-last nearest kernel (4-D with
    # out H + out W <= 128, channels_last with more than 3 channels, 5-D only the latter) rounds the
    # ratio 2/82 to float32 for float64 too, so pixel 41 copies pixel 0, as in float32.
    def pixel_41(shape, size, layout=torch.contiguous_format, channels=1):
        x = torch.arange(2, dtype=torch.float64).view((1, 1) + (1,) * (len(shape) - 1) + (2,))
        x = x.expand((1, channels) + shape).contiguous().to(memory_format=layout)
        return F.interpolate(x, size=size, mode="nearest").flatten(2)[0, -1].view(size)[(0,) * (len(size) - 1) + (41,)]

    assert pixel_41((1, 2), (1, 82)).item() == 0  # small 4-D output
    assert pixel_41((1, 2), (46, 82)).item() == 0  # out H + out W = 128
    assert pixel_41((100, 2), (100, 82), torch.channels_last, 4).item() == 0
    assert pixel_41((3, 100, 2), (3, 100, 82), torch.channels_last_3d, 4).item() == 0
    # where the other kernels run, float64 keeps the ratio in double and copies pixel 1
    assert F.interpolate(torch.arange(2, dtype=torch.float64).view(1, 1, 2), size=82)[0, 0, 41].item() == 1
    assert pixel_41((1, 2), (47, 82)).item() == 1
    assert pixel_41((3, 100, 2), (3, 100, 82)).item() == 1


def test_resize_conv_on_a_constant_is_flat_only_up_to_rounding_on_the_cpu_too():
    # The page said the rounding is what "a GPU's convolution algorithm may add"; on the CPU a
    # channels_last map of 3 channels convolved to 8 already varies inside by a rounding step.
    spreads = []
    for c_in, size, layout in itertools.product((3, 5), (8, 13), (torch.channels_last, torch.contiguous_format)):
        torch.manual_seed(0)
        conv = nn.Conv2d(c_in, 8, 3, padding=1)
        flat = torch.full((1, c_in, size, size), 0.7).contiguous(memory_format=layout)
        with torch.no_grad():
            inside = conv(nn.Upsample(scale_factor=2)(flat))[0, :, 3:-3, 3:-3]
        spreads.append((inside.amax((1, 2)) - inside.amin((1, 2))).max().item())
    assert max(spreads) < 1e-6
    if max(spreads) == 0 and torch.backends.cpu.get_cpu_capability() != "AVX2":
        pytest.skip("the non-flat case was measured with oneDNN's AVX2 kernels")
    assert max(spreads) > 0


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact"])
def test_scale_factor_and_size_can_copy_the_same_pixels_in_the_nearest_modes(mode):
    # The page said the two "differ whenever in * scale_factor is not a whole number"; the
    # nearest modes copy whole pixels, and different steps can pick the same ones: 3 x 1.5.
    for dtype in (torch.float32, torch.float64):
        x = torch.rand(1, 1, 3, dtype=dtype)
        assert torch.equal(F.interpolate(x, scale_factor=1.5, mode=mode), F.interpolate(x, size=4, mode=mode))
    # while the linear modes do differ there, and the nearest modes at other sizes
    x = torch.arange(3.0).view(1, 1, -1)
    assert not torch.equal(F.interpolate(x, scale_factor=1.5, mode="linear"), F.interpolate(x, size=4, mode="linear"))
    x = torch.arange(10.0).view(1, 1, -1)
    assert not torch.equal(F.interpolate(x, scale_factor=1.35, mode=mode), F.interpolate(x, size=13, mode=mode))


def table_yes_cells(ns):
    """The (mode, shape) pairs the modes table marks "yes": the example's one-channel inputs that the mode takes."""
    for mode in ns["modes"]:
        for shape in ns["shapes"].values():
            try:
                nn.Upsample(scale_factor=2, mode=mode)(torch.ones(shape))
            except (NotImplementedError, ValueError, RuntimeError):
                continue  # a "no" of the table
            yield mode, shape


def test_modes_table_and_the_no_channel_rule_need_every_side_at_least_one_pixel(ns):
    """Review 70: "That is for input with at least one channel. With none, ... `area` returns an empty tensor on
    3-D and 4-D input" covered inputs with a side of 0: there every mode of every rank raises, with or without
    channels, except `area` to an output of 1 on every side, so neither the table nor the rule holds."""
    checked = 0
    for mode, shape in table_yes_cells(ns):
        for channels in (1, 0):
            for side in range(2, len(shape)):
                flat = list(shape)
                flat[1], flat[side] = channels, 0
                with pytest.raises(RuntimeError):
                    nn.Upsample(size=2, mode=mode)(torch.ones(flat))
                checked += 1
    assert checked == 2 * (3 * (1 + 2 + 3) + 1 + 2 * 2 + 3)  # nearest, nearest-exact, area; linear, 2-D, trilinear
    for rank in (1, 2, 3):  # the one output area returns, a mean over nothing
        assert F.interpolate(torch.ones((1, 1, 0) + (3,) * (rank - 1)), size=1, mode="area").isnan().all()
    en = (ROOT / "docs" / "upsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "upsample.zh.md").read_text(encoding="utf-8")
    assert "That is for input with at least one channel (here and in what follows, with no side of 0)." in en
    assert "这是对至少有一个通道的输入而言（这里和下文都假定没有哪一边为 0）。" in zh


def test_a_25_pixel_map_pools_to_12_only_at_stride_two():
    # Review 48: "A 25x25 encoder map pools to 12x12 (2x2 pooling, without ceil_mode=True or padding=1)"
    # dropped the stride: 2x2 pooling at stride 1 gives 24x24. At the default stride 2 it is 12x12.
    x = torch.zeros(1, 1, 25, 25)
    assert nn.MaxPool2d(2)(x).shape[-2:] == (12, 12) and nn.AvgPool2d(2)(x).shape[-2:] == (12, 12)
    assert nn.MaxPool2d(2, stride=1)(x).shape[-2:] == (24, 24)
    for kwargs in ({"ceil_mode": True}, {"padding": 1}):
        assert nn.MaxPool2d(2, **kwargs)(x).shape[-2:] == (13, 13)
    for name, old in (("upsample.md", "(2×2 pooling, without"), ("upsample.zh.md", "经 2×2 池化后是")):
        assert old not in (ROOT / "docs" / name).read_text(encoding="utf-8")


def test_float64_trilinear_channels_last_3d_misses_an_aligned_corner_on_avx2_too():
    # Review 51: "float64 ... on an AVX2 or AVX-512 CPU their linear modes hit the corners exactly"
    # was false for trilinear on a channels_last_3d volume whose channels leave a vector tail (5):
    # that tail misses two corners of 8x8x8 -> 26x26x26 by one rounding step; contiguous input hits.
    code = (
        "import torch, torch.nn.functional as F\n"
        "torch.set_num_threads(1)\n"
        "x = torch.full((1, 5, 8, 8, 8), 0.1, dtype=torch.float64)\n"
        "out = []\n"
        "for fmt in (torch.contiguous_format, torch.channels_last_3d):\n"
        "    y = F.interpolate(x.contiguous(memory_format=fmt), size=(26,) * 3, mode='trilinear', align_corners=True)\n"
        "    c = y[..., ::25, ::25, ::25]\n"
        "    out.append(int((c.view(torch.int64) - x[..., :2, :2, :2].view(torch.int64)).abs().max()))\n"
        "    out.append(int((c != 0.1).sum()))\n"
        "print(torch.backends.cpu.get_cpu_capability(), *out)\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="avx2").split() == ["AVX2", "0", "0", "1", "2"]


def test_corners_and_range_hold_for_finite_values_only_since_zero_weights_still_multiply():
    """Review 53: the page said bilinear stays inside the input range and every mode with align_corners=True keeps
    the corners "for float input". The kernels multiply every pixel they read by its weight, 0 included, and
    0 * inf is nan: an inf or nan that a corner's kernel reads turns the corner into nan, on every CPU path."""
    inf = float("inf")
    assert (
        F.interpolate(torch.tensor([[[1.0, inf, 2.0]]]), size=6, mode="linear")[0, 0].isnan().tolist()
        == [True] + [False] * 5
    )
    image = torch.tensor([[1.0, inf], [3.0, 4.0]]).view(1, 1, 2, 2)
    y = F.interpolate(image, size=(4, 4), mode="bilinear", align_corners=True)[0, 0]
    assert y[0, 0].isnan() and y[0, -1].isnan() and y[-1, 0] == 3 and y[-1, -1] == 4
    # read with a weight that is not 0, the inf corner stays infinite: "nan or infinite"
    assert F.interpolate(image, size=(4, 4), mode="bilinear", align_corners=False)[0, 0, 0, -1] == inf
    code = """
import torch, torch.nn.functional as F
layouts = {4: torch.channels_last, 5: torch.channels_last_3d}
for value in (float("inf"), float("nan")):
    for mode, rank in (("linear", 3), ("bilinear", 4), ("bicubic", 4), ("trilinear", 5)):
        for align in (False, True):
            for dtype in (torch.float32, torch.float64, torch.float16, torch.bfloat16):
                for channels in (1, 5):
                    x = torch.rand((1, channels) + (5,) * (rank - 2)).to(dtype)
                    x[(0, slice(None)) + (0,) * (rank - 3) + (1,)] = value  # the first corner's neighbour
                    for x in (x, x.contiguous(memory_format=layouts.get(rank, torch.contiguous_format))):
                        corner = F.interpolate(x, size=(11,) * (rank - 2), mode=mode, align_corners=align)
                        assert corner[(0, slice(None)) + (0,) * (rank - 2)].isnan().all(), (mode, align, dtype)
print("ok")
"""
    for capability in (None, "default"):
        assert run_python(code, **({"ATEN_CPU_CAPABILITY": capability} if capability else {})).split() == ["ok"]
    en = (ROOT / "docs" / "upsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "upsample.zh.md").read_text(encoding="utf-8")
    assert "That holds for finite float input" in en and "以上对有限的浮点输入成立" in zh
    assert "All of this holds for finite\nvalues only" in en and "以上都只对有限值成立" in zh


def test_modes_table_holds_for_input_with_channels_only(ns):
    """Review 53: "which mode works on which input rank is fixed" held for the table's one-channel input only:
    with no channels every "yes" of the table but `area` raises (area returns an empty map on 3-D and 4-D)."""
    for mode, shape in table_yes_cells(ns):
        empty = torch.ones((shape[0], 0) + shape[2:])
        if mode == "area" and len(shape) < 5:
            assert nn.Upsample(scale_factor=2, mode=mode)(empty).shape == (1, 0) + tuple(2 * s for s in shape[2:])
        else:
            with pytest.raises(RuntimeError):
                nn.Upsample(scale_factor=2, mode=mode)(empty)
    # Review 57: the page said "every mode but `area` raises"; 5-D `area` raises too, except to 1x1x1.
    volume = torch.ones(1, 0, 3, 3, 3)
    assert nn.Upsample(size=1, mode="area")(volume).shape == (1, 0, 1, 1, 1)
    for size in ((1, 1, 2), (2, 2, 2), (6, 6, 6)):
        with pytest.raises(RuntimeError):
            nn.Upsample(size=size, mode="area")(volume)
    # Review 80: "area returns an empty tensor on 3-D and 4-D input, and on 5-D for 1x1x1" missed integer input:
    # there `area` to one pixel calls `mean`, which refuses integers, so it raises at every rank, channels or not.
    for dtype in (torch.uint8, torch.int8, torch.int32, torch.int64):
        for rank in (3, 4, 5):
            for channels in (0, 1):
                with pytest.raises(RuntimeError, match="mean"):
                    nn.Upsample(size=1, mode="area")(torch.zeros((1, channels) + (3,) * (rank - 2), dtype=dtype))
        assert nn.Upsample(size=2, mode="area")(torch.zeros(1, 0, 3, 3, dtype=dtype)).shape == (1, 0, 2, 2)
    en = (ROOT / "docs" / "upsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "upsample.zh.md").read_text(encoding="utf-8")
    assert (
        "With none, every mode raises except `area`, which\ncan return an empty tensor, as [Every combination](" in en
    )
    assert "returns an empty tensor on 3-D and 4-D input" not in en and "mode but `area` raises" not in en
    assert "没有通道时，除 `area` 外的每种模式都会报错；`area` 可能返回空张量，见" in zh


def test_images_cell_comment_names_the_three_modes_it_draws_not_every_2d_mode(ns):
    """Review 63: the shown comment said the 8x8 image is enlarged "by each 2-D mode"; the cell draws nearest,
    bilinear and bicubic, while nearest-exact and area take 4-D input too."""
    titles = [ax.get_title() for ax in ns["axes"][1:]]
    assert titles == ["nearest 64x64", "bilinear 64x64", "bicubic 64x64"]
    for mode in ("nearest-exact", "area"):
        assert F.interpolate(ns["image"], scale_factor=8, mode=mode).shape[-2:] == (64, 64)
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert "by each 2-D mode" not in source and "by nearest, bilinear and bicubic (not every 2-D mode)" in source


def test_profiles_name_the_three_modes_they_draw_not_each_mode(ns):
    """Review r129-9: the page said the step row is "enlarged 8× by each mode" (zh 分别用各个模式) and the cell's
    comment "upsampled x8 by each mode", as review 63 found for the images cell; the cell draws nearest, bilinear
    and bicubic, while nearest-exact and area take its 4-D row too and linear and trilinear need another rank."""
    assert list(ns["profiles"]) == ["nearest", "bilinear", "bicubic"]
    for mode in ("nearest-exact", "area"):
        assert F.interpolate(ns["row"], scale_factor=8, mode=mode).shape[-1] == 64
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert "upsampled x8 by each mode" not in source
    assert "# One row of 8 samples with a step in it, upsampled x8 by nearest, bilinear and bicubic." in source
    assert_pages_say(
        ("upsample.md", "One row with a step in it, enlarged 8× by `nearest`, `bilinear` and `bicubic`, shows the"),
        ("upsample.zh.md", "把一行带有阶跃的数据分别用 `nearest`、`bilinear` 和 `bicubic` 放大 8 倍"),
    )
    for page, old in (("upsample.md", "enlarged 8× by each mode"), ("upsample.zh.md", "分别用各个模式放大 8 倍")):
        assert old not in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


def test_zh_modes_heading_names_no_subset_of_the_modes():
    """Review 63: the zh heading of "The modes" read "插值模式：最近邻、双线性插值、双三次", naming three of the
    modes the section covers (nearest-exact, linear and trilinear too). It now names the section's three bullets,
    nearest-exact under 最近邻 (readers search for 双线性, so the heading keeps the names)."""
    en = (ROOT / "docs" / "upsample.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "upsample.zh.md").read_text(encoding="utf-8")
    heading = "\n## 插值模式：最近邻、线性 / 双线性 / 三线性、双三次\n"
    assert "\n## The modes\n" in en and heading in zh
    section = zh.split(heading)[1].split("\n## ")[0]
    bullets = re.findall(r"^- \*\*([^*]+)\*\*（([^）]+)）", section, flags=re.M)
    assert bullets == [
        ("nearest", "最近邻"),
        ("linear / bilinear / trilinear", "线性 / 双线性 / 三线性"),
        ("bicubic", "双三次"),
    ]
    for mode in ("nearest-exact", "linear / bilinear / trilinear", "bicubic"):
        assert mode in section, mode


def test_the_nearest_blocks_comment_states_its_rule_for_five_pixels_to_seven_only(ns):
    # Review r96-1: the shown comment said that at any factor that is not whole nearest rounds the source position
    # down and nearest-exact copies the pixel closest to each output centre; 4 -> 82 (x20.5) nearest copies pixel 1
    # at output 41, where 41 * 4/82 = 2, and 3 pixels x1.3 nearest-exact end on pixel 1, not on the closest, 2
    ramp = torch.arange(4.0).view(1, 1, -1)
    assert F.interpolate(ramp, size=82, mode="nearest")[0, 0, 41].item() == 1 != 41 * 4 // 82
    assert F.interpolate(torch.arange(3.0).view(1, 1, -1), scale_factor=1.3, mode="nearest-exact")[0, 0, -1].item() == 1
    assert ns["copied"]["nearest"] == [d * 5 // 7 for d in range(7)]
    assert ns["copied"]["nearest-exact"] == ns["closest"]
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert "# 5 pixels enlarged to 7 (a factor that is not whole): nearest rounds the source position\n" in source
    assert "At a factor that is not whole, nearest rounds" not in source


def test_the_scale_factor_positions_comment_states_its_step_for_this_call_only(ns):
    # Review r96-1: the shown comment said that with scale_factor linear steps by 1/scale_factor; with
    # recompute_scale_factor=True the same 5 samples x1.5 step by in/out = 5/7, as size=7 does
    ramp = torch.arange(5.0, dtype=torch.float64).view(1, 1, -1)
    recomputed = F.interpolate(ramp, scale_factor=1.5, mode="linear", recompute_scale_factor=True)[0, 0]
    assert torch.equal(recomputed, ns["positions_read"]["size=7"])
    assert not torch.allclose(recomputed, ns["positions_read"]["scale_factor=1.5"])
    assert torch.allclose(
        ns["positions_read"]["scale_factor=1.5"],
        ((torch.arange(7.0, dtype=torch.float64) + 0.5) / 1.5 - 0.5).clamp(min=0),
    )
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert "# Given scale_factor here, linear steps by 1/scale_factor, not by in/out: 5 samples x1.5\n" in source
    assert "# With scale_factor, linear steps" not in source


def test_the_profiles_comment_says_why_the_row_is_4d_without_claiming_every_2d_mode(ns):
    """Review r115-9: the shown comment said the row is made 4-D "so that every 2-D mode applies"; lanczos, a 2-D
    mode the installed F.interpolate lists, rejects that row (it needs antialias=True, which the cell does not pass),
    as the page's modes table says."""
    assert sorted(ns["profiles"]) == ["bicubic", "bilinear", "nearest"]
    with pytest.raises(ValueError, match="antialias"):
        F.interpolate(ns["row"].cpu(), scale_factor=8, mode="lanczos")
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    assert "so that every 2-D mode applies" not in source
    assert "# 4-D, the rank bilinear and bicubic need" in source


def test_corners_rounding_cell_is_introduced_as_the_one_step_miss_it_prints(ns):
    # Review r130-9: the zh page ended the overflow paragraph with '：', introducing the
    # corners_rounding cell as if it showed the inf corner; the cell prints a float32 ramp 0..3
    # enlarged to 38 pixels, which ends one float32 rounding step below 3, and no test bound that.
    assert ns["last"] < 3.0
    assert torch.tensor(3.0).view(torch.int32).item() - torch.tensor(ns["last"]).view(torch.int32).item() == 1
    code = (
        "import torch, torch.nn.functional as F\n"
        "ramp = torch.arange(4.0).view(1, 1, -1)\n"
        "last = F.interpolate(ramp, size=38, mode='linear', align_corners=True)[0, 0, -1]\n"
        "print(torch.tensor(3.0).view(torch.int32).item() - last.view(torch.int32).item())\n"
    )
    capabilities = {"default", "avx2"}
    if torch.backends.cpu.get_cpu_capability() == "AVX512":
        capabilities.add("avx512")
    for capability in sorted(capabilities):
        assert run_python(code, ATEN_CPU_CAPABILITY=capability).split() == ["1"], capability
    assert_pages_say(
        (
            "upsample.md",
            "The cell below shows the plain case, a miss by the last bit alone: the float32 ramp 0, 1, 2, 3 enlarged "
            "to 38 pixels by `linear` with `align_corners=True` ends one rounding step below its last input, 3:",
        ),
        (
            "upsample.zh.md",
            "下面的单元格演示的是最普通的情况，只差最后一位：float32 的斜坡 0、1、2、3 用 `linear`（取 `align_corners=True`）"
            "放大到 38 个像素，最后一个输出比最后一个输入 3 小一个舍入单位：",
        ),
    )
    zh = (ROOT / "docs" / "upsample.zh.md").read_text(encoding="utf-8")
    assert "右侧两个角则变成 `nan`）：" not in zh


def test_the_docstring_says_which_modes_the_script_computes_not_each_mode():
    """Review r132-9: the docstring (the notebook's first cell) said the script "shows what each mode computes",
    as rounds 63 and 129 found for the images and profiles cells; outside the modes_table cell, which prints only
    whether a rank is accepted, the script computes the nearest, linear and cubic modes, never area or lanczos."""
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    docstring = docstring_of(source)
    assert "what each mode computes" not in docstring
    assert "what the nearest, linear and cubic modes compute (``area`` and ``lanczos`` appear only in its table" in (
        docstring
    )
    cells = re.split(r"^# %% ", source, flags=re.MULTILINE)[1:]
    every_mode = ("nearest", "nearest-exact", "linear", "bilinear", "bicubic", "trilinear", "area", "lanczos")
    computed = set()
    for cell in cells:
        if cell.startswith("modes_table"):
            continue
        code = "\n".join(line.split("#")[0] for line in cell.splitlines()[1:])  # code, not comments
        computed |= {mode for mode in every_mode if re.search(rf'"{re.escape(mode)}"', code)}
    assert computed == set(every_mode) - {"area", "lanczos"}
    modes_table = next(cell for cell in cells if cell.startswith("modes_table"))
    assert all(f'"{mode}"' in modes_table for mode in ("area", "lanczos"))


def test_the_float32_maximum_overflows_in_the_named_corners_with_every_cpu_code():
    """Review r132-9: 'on the CPU a constant 2×2 image of 3.4028235e38 enlarged to 7×7 comes back with inf' and
    the corner cases (bilinear 2×2 -> 7×7 with False: the last corner; bicubic 4×4 -> 22×22 with True: the
    bottom-left one, the two right-hand corners nan) name no CPU capability; the tests ran them under the
    machine's own only (a comment said the default code was checked by hand). Each CPU code gives them."""
    code = (
        "import torch, torch.nn.functional as F\n"
        "top = torch.finfo(torch.float32).max\n"
        "b = F.interpolate(torch.full((1, 1, 2, 2), top), size=(7, 7), mode='bilinear', align_corners=False)[0, 0]\n"
        "c = F.interpolate(torch.full((1, 1, 4, 4), top), size=(22, 22), mode='bicubic', align_corners=True)[0, 0]\n"
        "def kind(v):\n"
        "    return 'nan' if v != v else 'inf' if v == float('inf') else 'finite' if abs(v) <= top else '-inf'\n"
        "print(kind(b[-1, -1].item()), bool((b > 0).all()), bool(torch.isfinite(b[0, 0])),"
        " kind(c[-1, 0].item()), kind(c[0, -1].item()), kind(c[-1, -1].item()), kind(c[0, 0].item()))\n"
    )
    capabilities = {"default", "avx2"}
    if torch.backends.cpu.get_cpu_capability() == "AVX512":
        capabilities.add("avx512")
    for capability in sorted(capabilities):
        for threads in ("1", "2"):
            got = run_python(code, ATEN_CPU_CAPABILITY=capability, OMP_NUM_THREADS=threads).split()
            assert got == ["inf", "True", "True", "inf", "nan", "nan", "finite"], (capability, threads)
    assert_pages_say(
        (
            "upsample.md",
            "on the CPU a constant 2×2 image of 3.4028235e38 enlarged to 7×7 comes back with `inf`",
        ),
        (
            "upsample.md",
            "2×2 enlarged to 7×7 by `bilinear` with `False` (the last corner), 4×4 enlarged to 22×22 by `bicubic` "
            "with `True` (the bottom-left one; and the two right-hand corners come back `nan`).",
        ),
        ("upsample.zh.md", "2×2 用 `bilinear`（取 `False`）放大到 7×7 时是最后一个角，4×4 用 `bicubic`（取 `True`）"),
    )


def test_the_pointer_to_the_coordinates_page_names_the_whole_factors_it_lists():
    """Review r133-9: "The coordinates page has the formulas and lists those factors" came right after the
    nearest-exact sentence about factors such as 1.3 that keep a side's size, which that page does not list; the
    factors it lists (the line "whole factors up to 100", printed by the cell float32_rounding) are the whole factors at
    which float32 `nearest` slips, named two bullets up (2 -> 82, a factor of 41), as the sentence said when it was
    written (commit ce43b79c), before the bullets moved in between."""
    assert_pages_say(
        (
            "upsample.md",
            "The [coordinates page](interpolate-coordinates.md) has the formulas, and its section [Single precision in"
            " the nearest modes](interpolate-coordinates.md#single-precision-in-the-nearest-modes) lists the whole"
            " factors up to 100 at which `nearest` slips on short float32 rows:",
        ),
        (
            "upsample.zh.md",
            "[坐标映射一页](interpolate-coordinates.md)给出了公式，其中[最近邻模式里的单精度]"
            "(interpolate-coordinates.md#最近邻模式里的单精度)一节列出了 100 以内会让 `nearest` 在 float32"
            " 短行上差一个像素的整数倍数：",
        ),
    )
    for page, old in (("upsample.md", "lists those factors"), ("upsample.zh.md", "公式和这些倍数见")):
        assert old not in " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split()), page
    coordinates = (ROOT / "examples" / "interpolate_coordinates.py").read_text(encoding="utf-8")
    assert 'print("whole factors up to 100 that copy unevenly:", uneven)' in coordinates
    assert "for k in range(2, 101)" in coordinates and "for n in range(1, 9)" in coordinates
    assert "torch.float32" in coordinates.split("# %% integer_upscaling")[0].rsplit("uneven = ", 1)[1].split("\n")[0]
    assert "::: example interpolate_coordinates.py#integer_upscaling" in (
        ROOT / "docs" / "interpolate-coordinates.md"
    ).read_text(encoding="utf-8")

    # The factors the page names for a whole-factor slip are among those listed: short float32 rows, up to 100.
    def slips(n, k):
        row = torch.arange(float(n)).view(1, 1, 1, n)
        picked = F.interpolate(row, size=(1, n * k), mode="nearest").flatten().long()
        return torch.bincount(picked, minlength=n).tolist() != [k] * n

    assert any(slips(n, 41) for n in range(1, 9))
    assert not any(slips(n, 2) for n in range(1, 9))
    picked = F.interpolate(torch.arange(2.0).view(1, 1, 1, 2), size=(1, 82), mode="nearest").flatten()
    assert picked[41] == 0  # 2 -> 82 misses at pixel 41, as the single-precision bullet says


def test_modes_table_is_the_float32_table_which_uint8_and_integer_input_do_not_follow(ns):
    # Review r136-9: the page introduced the table as "trying each combination on the installed torch", and its
    # "yes" cells read as true for any input, but the cell tries float32 ones: on the CPU uint8 input fails in
    # linear, trilinear and area at every rank, and integer input of every other dtype and bool in every mode.
    def table(dtype):
        cells = {}
        for mode in ns["modes"]:
            for rank, shape in ns["shapes"].items():
                try:
                    nn.Upsample(scale_factor=2, mode=mode)(torch.ones(shape).to(dtype))
                    cells[mode, rank] = True
                except (NotImplementedError, ValueError, RuntimeError):
                    cells[mode, rank] = False
        return cells

    float32 = table(torch.float32)
    source = " ".join((ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8").split())
    assert "F.interpolate(torch.ones(shape, device=device), scale_factor=2, mode=mode)" in source  # float32
    for dtype in (torch.float64, torch.float16, torch.bfloat16):
        assert table(dtype) == float32, dtype
    uint8 = table(torch.uint8)
    for (mode, rank), works in float32.items():
        assert uint8[mode, rank] == (works and mode not in ("linear", "trilinear", "area")), (mode, rank)
    assert any(float32[mode, rank] for mode in ("linear", "trilinear", "area") for rank in ns["shapes"])
    for dtype in (
        torch.int8,
        torch.int16,
        torch.int32,
        torch.int64,
        torch.uint16,
        torch.uint32,
        torch.uint64,
        torch.bool,
    ):
        assert not any(table(dtype).values()), dtype
    assert_pages_say(
        (
            "upsample.md",
            "The table below was produced by trying each combination on the installed torch, on float32 input, called "
            "as `nn.Upsample` calls it (on the CPU, float64, float16 and bfloat16 give the same table, while `uint8` "
            "fails in `linear`, `trilinear` and `area` at every rank, and the other integer dtypes and `bool` in every "
            "mode: see [Which dtypes each mode accepts](interpolate-dtypes.md#which-dtypes-each-mode-accepts)):",
        ),
        (
            "upsample.zh.md",
            "下表是在当前安装的 torch 上，用 float32 输入、按 `nn.Upsample` 的调用方式逐一尝试每种组合得到的（在 CPU "
            "上，float64、float16 和 bfloat16 得到的表相同；`uint8` 则在 `linear`、`trilinear` 和 `area` 下每种维数都"
            "失败，其他整数类型和 `bool` 在每种模式下都失败，见[各模式支持哪些数据类型]"
            "(interpolate-dtypes.md#各模式支持哪些数据类型)）：",
        ),
    )
    assert "# Which input ranks each mode accepts for float32 input, tried on the installed torch" in source


def test_the_corners_comment_names_the_modes_that_take_align_corners_true_lanczos_takes_only_false():
    """Review r138-9: the corners cell asked 'Does each mode that takes align_corners (bicubic too) keep the corner
    values?' and tabulates linear, bilinear, bicubic and trilinear; but lanczos takes an explicit align_corners=False
    too (with antialias=True, the only way F.interpolate runs it), so 'each mode that takes align_corners' was one more
    than the table. The four take align_corners=True; lanczos refuses it, and no other mode takes either value."""
    source = (ROOT / "examples" / "upsample_how.py").read_text(encoding="utf-8")
    comment = " ".join(source.split("# %% corners\n", 1)[1].split("CORNER_MODES", 1)[0].replace("#", " ").split())
    assert comment.startswith(
        "Does each mode that takes align_corners=True (bicubic too) keep the corner values? (lanczos takes only "
        "False, and only with antialias=True.)"
    )
    ranks = {"linear": 3, "bilinear": 4, "bicubic": 4, "trilinear": 5, "lanczos": 4, "nearest": 4}
    ranks |= {"nearest-exact": 4, "area": 4}

    def takes(mode, align):
        x = torch.rand((1, 1) + (6,) * (ranks[mode] - 2))
        antialias = {"antialias": True} if mode == "lanczos" else {}
        try:
            F.interpolate(x, scale_factor=0.5, mode=mode, align_corners=align, **antialias)
            return True
        except (ValueError, RuntimeError, NotImplementedError):
            return False

    assert {mode for mode in ranks if takes(mode, True)} == {"linear", "bilinear", "bicubic", "trilinear"}
    assert {mode for mode in ranks if takes(mode, False)} == {"linear", "bilinear", "bicubic", "trilinear", "lanczos"}


ROW_SWEEP = """
import torch, torch.nn.functional as F
torch.set_num_threads(1)
worst, seen = 0.0, set()
for dtype in (torch.float32, torch.float64):
    for value in (0.1, 0.3, 0.7, 0.999, 1.1, 3.3, 7.99, 851.77):
        v = torch.tensor(value, dtype=dtype)
        up, down = (torch.nextafter(v, v + 1) - v).item(), (v - torch.nextafter(v, v - 1)).item()
        for n_in in (1, 2, 3, 5, 7):
            for resize in [{"size": n} for n in (1, 2, 4, 6, 9, 13, 20, 33, 47)] + [
                {"scale_factor": s} for s in (0.6, 1.3, 1.7, 2.5, 3.1) if n_in * s >= 1
            ]:
                for align in (False, True):
                    for channels, layout in ((1, torch.contiguous_format), (4, torch.channels_last)):
                        for mode, shape, key in (
                            ("linear", (1, channels, n_in), lambda r: r),
                            ("bilinear", (1, channels, 1, n_in), lambda r: {k: (1, r[k]) for k in r}),
                            ("bilinear", (1, channels, n_in, 1), lambda r: {k: (r[k], 1) for k in r}),
                        ):
                            x = torch.full(shape, value, dtype=dtype)
                            if len(shape) == 4:
                                x = x.contiguous(memory_format=layout)
                            y = F.interpolate(x, mode=mode, align_corners=align, **key(resize))
                            steps = max((y.max() - v).item() / up, (v - y.min()).item() / down)
                            worst = max(worst, steps)
                            seen |= {"above"} if y.max() > v else set()
                            seen |= {"below"} if y.min() < v else set()
print(worst, sorted(seen))
"""


@pytest.mark.parametrize("generic", [False, True])
def test_a_constant_row_leaves_its_value_by_at_most_one_rounding_step_either_way_in_bilinear_too(generic):
    # Review r139-9: the page's "even a constant row can come out one rounding step above or below its value, a
    # constant image more" is said of bilinear, and sets one step as a row's bound; the test above swept only
    # `linear`, enlarging, with align_corners=False and size=. This sweeps bilinear rows and columns too, both
    # align_corners, size= and scale_factor=, enlarging and shrinking, a 4-channel channels_last copy, float32 and
    # float64, on this CPU and in torch's generic code; the row reaches one step above and one step below.
    out = run_in_generic_x86_code(ROW_SWEEP) if generic else run_python(ROW_SWEEP)
    worst, seen = out.split(" ", 1)
    assert float(worst) == 1.0
    assert seen.strip() == "['above', 'below']"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_whole_factors_up_to_100_pointer_lands_on_the_section_that_lists_them(language):
    # Review r139-9: "The [coordinates page](interpolate-coordinates.md) has the formulas and lists the whole factors
    # up to 100 at which nearest slips" landed on the page's top; the list is the line the cell float32_rounding
    # prints in its section "Single precision in the nearest modes" (最近邻模式里的单精度). The sentence now
    # links that section, whose anchor is its heading's slug.
    from pymdownx.slugs import slugify

    suffix = ".md" if language == "en" else ".zh.md"
    page = (ROOT / "docs" / ("upsample" + suffix)).read_text(encoding="utf-8")
    target = (ROOT / "docs" / ("interpolate-coordinates" + suffix)).read_text(encoding="utf-8")
    [sentence] = [s for s in re.split(r"(?<=[.:。：])\s", page) if ("up to 100" in s or "100 以内" in s)]
    anchors = re.findall(r"\]\(interpolate-coordinates\.md#([^)]+)\)", sentence)
    sections = re.split(r"^## ", target, flags=re.M)[1:]
    slug = slugify(case="lower")
    by_anchor = {slug(section.split("\n", 1)[0], "-"): section for section in sections}
    assert len(anchors) == 1 and anchors[0] in by_anchor, anchors
    assert "::: example interpolate_coordinates.py#float32_rounding" in by_anchor[anchors[0]]
    cell = (
        (ROOT / "examples" / "interpolate_coordinates.py").read_text(encoding="utf-8").split("# %% float32_rounding")[1]
    )
    assert 'print("whole factors up to 100 that copy unevenly:"' in cell.split("# %%")[0]


def _pointer_lands(language, marker, target, words):
    """The one link to docs/TARGET in the upsample page's sentence holding MARKER (en, zh) carries an anchor, and
    the section with that anchor (its explicit {#id}, else its heading's slug, as mkdocs.yml builds them) says WORDS."""
    from pymdownx.slugs import slugify

    suffix = ".md" if language == "en" else ".zh.md"
    page = (ROOT / "docs" / ("upsample" + suffix)).read_text(encoding="utf-8")
    text = (ROOT / "docs" / (target + suffix)).read_text(encoding="utf-8")
    [sentence] = [s for s in re.split(r"(?<=\.)\s|(?<=[。；：])", page) if marker[language] in s]
    links = re.findall(r"\]\(" + re.escape(target) + r"\.md(#[^)]*)?\)", sentence)
    assert len(links) == 1 and links[0].startswith("#"), links
    slug = slugify(case="lower")
    sections = {}
    for section in re.split(r"^#{2,3} ", text, flags=re.M)[1:]:
        heading, body = section.split("\n", 1)
        explicit = re.search(r"\{#([^}]+)\}\s*$", heading)
        sections[explicit.group(1) if explicit else slug(heading.strip(), "-")] = body
    assert words[language] in sections[links[0][1:]]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_how_often_pointer_lands_on_the_section_that_measures_it(language):
    # Review r140-9: "the [sizes page](interpolate-sizes.md) measures how often" (a float factor losing a pixel;
    # zh 统计了这种情况有多常见) opened at that page's top; the count is in its section "The output size is rounded
    # down" (输出尺寸是向下取整的).
    _pointer_lands(
        language,
        {"en": "measures how often", "zh": "统计了这种情况有多常见"},
        "interpolate-sizes",
        {"en": "How often does that happen?", "zh": "这种情况有多常见？"},
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_uint8_modes_pointer_lands_on_the_section_that_lists_them(language):
    # Review r140-9: "`uint8` fails in `linear`, `trilinear` and `area` at every rank, ...: see [dtype and memory
    # format](interpolate-dtypes.md)" (zh 见[数据类型与内存格式](interpolate-dtypes.md)) opened at that page's top;
    # the list is its section "Which dtypes each mode accepts" (各模式支持哪些数据类型).
    _pointer_lands(
        language,
        {"en": "fails in `linear`, `trilinear` and `area` at every rank", "zh": "下每种维数都失败"},
        "interpolate-dtypes",
        {"en": "`nearest` and `nearest-exact` take uint8 too", "zh": "`nearest` 和 `nearest-exact` 同样支持 uint8"},
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_upsampling_bilinear2d_pointer_lands_on_the_section_that_states_it(language):
    # Review r140-9: "replacing it with nn.Upsample(mode="bilinear") silently switches to False unless you pass
    # align_corners=True (see [Equivalent calls](interpolate-equivalences.md))" (zh 见[等价写法](...)) opened at
    # that page's top; nn.UpsamplingBilinear2d is in its section "The deprecated spellings" (已弃用的写法).
    _pointer_lands(
        language,
        {"en": "silently switches to `False`", "zh": "悄悄变成 `False`"},
        "interpolate-equivalences",
        {
            "en": "**`nn.UpsamplingBilinear2d` means `align_corners=True`**",
            "zh": "`nn.UpsamplingNearest2d` 和 `nn.UpsamplingBilinear2d` 是较早的模块",
        },
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_no_channels_pointer_lands_on_the_section_that_lists_it(language):
    # Review r140-9: "With none, every mode raises except `area`, which can return an empty tensor, as [Which modes
    # work where](interpolate-support.md) lists" (zh 见[各模式支持哪些输入](...)) opened at that page's top; the
    # list is in its section "Every combination" (所有组合).
    _pointer_lands(
        language,
        {"en": "which\ncan return an empty tensor", "zh": "`area` 可能返回空张量"},
        "interpolate-support",
        {
            "en": "an input with no channels, in every mode but `area`",
            "zh": "输入通道数为 0，除 `area` 外的每种模式都如此",
        },
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_cuda_copies_too_pointer_lands_on_the_section_that_states_it(language):
    # Review r140-9: "(CUDA's 4-D kernel copies too; see the [sizes page](interpolate-sizes.md))" (zh 见[输出尺寸
    # 一页](interpolate-sizes.md)) opened at that page's top; CUDA's copying 4-D nearest kernels are stated in its
    # section "`size` and `scale_factor` sample different points".
    _pointer_lands(
        language,
        {"en": "CUDA's 4-D kernel copies\n      too", "zh": "CUDA 的四维内核也会复制"},
        "interpolate-sizes",
        {
            "en": "the 4-D `nearest` and `nearest-exact` kernels copy axis by axis at every size",
            "zh": "四维的 `nearest` 和 `nearest-exact` 内核在任何尺寸、任何布局下都逐轴复制",
        },
    )


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_copy_rule_pointer_lands_on_the_section_that_states_it(language):
    # Review r140-9: "The [sizes page](interpolate-sizes.md) has the rule, which for `nearest` depends on the device,
    # the image size and the memory layout" (zh 见[输出尺寸一页](interpolate-sizes.md)) opened at that page's top;
    # the rule is in its section "`size` and `scale_factor` sample different points".
    _pointer_lands(
        language,
        {"en": "has the rule,\nwhich for `nearest` depends on the device", "zh": "还取决于设备、图像尺寸和内存格式"},
        "interpolate-sizes",
        {
            "en": "The special cases: when an axis keeps its size, some kernels copy it instead of stepping",
            "zh": "所谓特殊情况：某个轴的尺寸不变时，有些内核直接复制这个轴",
        },
    )
