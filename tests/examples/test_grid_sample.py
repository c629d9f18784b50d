"""The grid_sample page's claims, on the example's values and on sweeps of sizes, ranks and settings."""

import contextlib
import io
import itertools
import pathlib
import re
import warnings
from fractions import Fraction

import pytest
import torch
import torch.nn.functional as F

from helpers import ROOT, assert_pages_say, one_thread, run_example, run_python  # noqa: F401  (one_thread: an autouse fixture)

SIZES = range(1, 9)
OUTS = list(range(1, 13)) + [17, 24, 100]


@pytest.fixture(scope="module")
def ns():
    return run_example("grid_sample.py")


def _one_axis_pairs():
    return [(n_in, n_out) for n_in in SIZES for n_out in OUTS]


def _a_third_of_the_pairs(offset):
    """A third of the one-axis pairs, every input and every output size among them. Review r135-8: the sweeps took
    _one_axis_pairs()[::3] and [1::3]; with 15 output sizes per input that is the same five outputs for every input
    (1, 4, 7, 10, 17 and 2, 5, 8, 11, 24): 3, 6, 9, 12 and 100, named by the page's intro, were never swept."""
    return [pair for k, pair in enumerate(_one_axis_pairs()) if (k + k // len(OUTS)) % 3 == offset]


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize("align_corners", [False, True])
def test_border_padding_equals_interpolate_except_size_one_with_align_corners(ns, mode, align_corners):
    resize = ns["resize_with_grid_sample"]
    for (h, ho), (w, wo) in itertools.product(_a_third_of_the_pairs(0), _a_third_of_the_pairs(1)):
        x = torch.randn(2, 3, h, w, dtype=torch.float64)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            b = resize(x, (ho, wo), mode, align_corners, "border")
        a = F.interpolate(x, size=(ho, wo), mode=mode, align_corners=align_corners)
        differs = not torch.allclose(a, b, rtol=0, atol=1e-12)
        # The exception: align_corners=True, an output of size 1 along an axis whose input is longer.
        expected = align_corners and ((ho == 1 and h > 1) or (wo == 1 and w > 1))
        assert differs == expected, (h, w, ho, wo)


def test_the_recipe_is_equal_up_to_rounding_not_bit_for_bit(ns):
    # The summary: equal to 1e-12 in float64, but not bitwise, and further apart in float32.
    resize = ns["resize_with_grid_sample"]
    gen = torch.Generator().manual_seed(2)
    gap, bitwise = {torch.float64: 0.0, torch.float32: 0.0}, []
    for dtype, mode, align_corners, (n_in, n_out) in itertools.product(
        gap, ("bilinear", "bicubic"), (False, True), ((3, 5), (7, 9), (16, 37), (50, 32))
    ):
        x = torch.rand(1, 1, n_in, n_in, generator=gen, dtype=torch.float64).to(dtype)
        a = F.interpolate(x, size=(n_out, n_out), mode=mode, align_corners=align_corners)
        b = resize(x, (n_out, n_out), mode, align_corners, "border")
        gap[dtype] = max(gap[dtype], (a - b).abs().max().item())
        bitwise.append(torch.equal(a, b))
    assert gap[torch.float64] < 1e-12 < 1e-7 < gap[torch.float32] and not all(bitwise)


@pytest.mark.parametrize("align_corners", [False, True])
def test_five_d_bilinear_is_trilinear(ns, align_corners):
    resize = ns["resize_with_grid_sample"]
    for d, h, w in itertools.product((1, 2, 3, 5), repeat=3):
        for size in ((d, h, w), (2 * d + 1, h + 3, 3 * w), (max(d - 1, 2), 2, 7), (3, 3, 3)):
            x = torch.randn(1, 2, d, h, w, dtype=torch.float64)
            a = F.interpolate(x, size=size, mode="trilinear", align_corners=align_corners)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # affine_grid on unit-size grids, skipped below
                b = resize(x, size, "bilinear", align_corners)
            if align_corners and any(o == 1 and i > 1 for o, i in zip(size, (d, h, w))):
                continue
            torch.testing.assert_close(a, b, rtol=0, atol=1e-12)
    # Review 53: the intro's sweep (input sizes 1 to 8 against 1 to 12, 17, 24, 100) on 5-D input too, along D and W.
    for (d, do), (w, wo) in itertools.product(_a_third_of_the_pairs(0), _a_third_of_the_pairs(1)):
        x = torch.randn(1, 1, d, 2, w, dtype=torch.float64)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            b = resize(x, (do, 3, wo), "bilinear", align_corners)
        a = F.interpolate(x, size=(do, 3, wo), mode="trilinear", align_corners=align_corners)
        differs = not torch.allclose(a, b, rtol=0, atol=1e-12)
        assert differs == (align_corners and ((do == 1 and d > 1) or (wo == 1 and w > 1))), (d, w, do, wo)


def test_table_cells(ns):
    t = ns["table"]
    # Without the size-1 outputs of align_corners=True, border equals interpolate in every cell.
    for mode, align, grows in itertools.product(("bilinear", "bicubic"), (False, True), (True, False)):
        assert t[mode, align, "border", grows] < 1e-12, (mode, align, grows)
    # zeros padding: bilinear enlarging with align_corners=False reaches outside the input.
    assert t["bilinear", False, "zeros", True] > 0.1 and t["bilinear", False, "zeros", False] < 1e-12
    assert all(
        t["bilinear", True, padding, grows] < 1e-12 for padding in ("zeros", "reflection") for grows in (True, False)
    )
    # bicubic: zeros matters except when shrinking with align_corners=True; reflection only when enlarging.
    assert t["bicubic", False, "zeros", True] > 0.1 and t["bicubic", False, "zeros", False] > 0.1
    assert t["bicubic", True, "zeros", True] > 0.1 and t["bicubic", True, "zeros", False] < 1e-12
    for align in (False, True):
        assert t["bicubic", align, "reflection", True] > 0.1 and t["bicubic", align, "reflection", False] < 1e-12


@pytest.mark.parametrize("align_corners", [False, True])
def test_bicubic_padding_when_shrinking(ns, align_corners):
    # Shrinking, a bicubic tap lies at most one pixel outside; reflection mirrors it onto the pixel
    # border clamps it to. With align_corners=True and 2 outputs or more the taps outside have weight 0, so zeros is
    # equal too (2 -> 1 is not: see the next test).
    resize = ns["resize_with_grid_sample"]
    for n_in, n_out in _one_axis_pairs():
        if n_out > n_in or (align_corners and n_out == 1):
            continue
        x = torch.randn(1, 2, 3, n_in, dtype=torch.float64)
        border = resize(x, (3, n_out), "bicubic", align_corners, "border")
        torch.testing.assert_close(
            resize(x, (3, n_out), "bicubic", align_corners, "reflection"), border, rtol=0, atol=1e-12
        )
        zeros = resize(x, (3, n_out), "bicubic", align_corners, "zeros")
        # align_corners=False: zeros differs exactly where a tap with weight (a fractional position) is outside.
        outside = not align_corners and any(
            p.denominator > 1 and (p.numerator // p.denominator - 1 < 0 or p.numerator // p.denominator + 2 > n_in - 1)
            for p in (_exact_position(i, n_in, n_out) for i in range(n_out))
        )
        assert torch.allclose(zeros, border, rtol=0, atol=1e-12) != outside, (n_in, n_out)


def test_bicubic_zeros_mixes_in_zeros_shrinking_two_pixels_to_one_with_align_corners():
    # Review r81-8: the page said "shrinking with align_corners=True every tap outside the input has weight 0: there
    # zeros is equal up to rounding"; 2 -> 1 puts its one point at the centre, 0.5, whose taps -1 and 2 lie outside
    # with weight -3/32 each (A = -0.75). The clause is dropped. reflection still equals border there, but not for the
    # reason the page gave (a tap one pixel out mirrored onto the pixel clamping picks): it mirrors -1 onto 1 and 2 onto
    # 0, and the equal weights of the two taps make the sums agree; the reason is dropped too.
    for dtype, height in itertools.product((torch.float32, torch.float64), (1, 2, 3)):
        x = torch.randn(1, 2, height, 2, dtype=dtype)
        theta = torch.eye(2, 3, dtype=dtype).unsqueeze(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # affine_grid on a unit-size width
            grid = F.affine_grid(theta, [1, 2, height, 1], align_corners=True)
        out = {
            pad: F.grid_sample(x, grid, mode="bicubic", padding_mode=pad, align_corners=True)
            for pad in ("zeros", "border", "reflection")
        }
        # border reads the two outside taps as x[0] and x[1], each with weight -3/32; zeros reads 0 there
        outside = -3 * (x[..., :1] + x[..., 1:]) / 32
        torch.testing.assert_close(out["border"] - out["zeros"], outside, rtol=0, atol=1e-5)
        assert outside.abs().max() > 1e-3
        torch.testing.assert_close(out["reflection"], out["border"], rtol=0, atol=1e-5)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert (
        "every tap outside the input has weight 0" not in en and "`align_corners=True` 缩小时，落在输入之外" not in zh
    )
    assert "with weight 0): there `zeros` is equal up to rounding." in en and "但权重为 0）：这时 `zeros`" in zh
    assert (
        "edge onto the border pixel that clamping picks too" not in en
        and "落到的正好是截断时取的那个边界像素" not in zh
    )


def test_size_one_cell(ns):
    assert ns["one_pixel"] == {"interpolate": 0.0, "grid_sample": 2.0}
    assert "unit-size grids" in str(ns["caught"][0].message)


def _exact_position(i, n_in, n_out):
    return Fraction(2 * i + 1, 2) * Fraction(n_in, n_out) - Fraction(1, 2)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_grid_nearest_is_nearest_exact_except_at_ties(dtype):
    for n_in, n_out in itertools.product(range(1, 41), repeat=2):
        line = torch.arange(n_in, dtype=dtype).view(1, 1, 1, -1)
        theta = torch.tensor([[[1.0, 0, 0], [0, 1, 0]]], dtype=dtype)
        grid = F.affine_grid(theta, [1, 1, 1, n_out], align_corners=False)
        got = F.grid_sample(line, grid, mode="nearest", padding_mode="border", align_corners=False).view(-1).tolist()
        exact = F.interpolate(line, size=(1, n_out), mode="nearest-exact").view(-1).tolist()
        for i, (g, e) in enumerate(zip(got, exact)):
            position = _exact_position(i, n_in, n_out)
            if position.denominator == 2 and 0 < position < n_in - 1:
                # Either neighbour, for both: float rounding decides, for nearest-exact too.
                assert {g, e} <= {float(position - Fraction(1, 2)), float(position + Fraction(1, 2))}, (n_in, n_out, i)
            else:
                assert g == e, (n_in, n_out, i)


@pytest.mark.parametrize(("n_in", "n_out"), [(1411, 41642), (6034, 16064), (26332, 4742)])
def test_long_float64_axes_part_near_a_tie_and_nearest_exact_misses(n_in, n_out):
    # Review 11: float64 does not save nearest-exact on long axes (its scale is rounded to
    # float32); grid_sample's float64 position picks the closest pixel there.
    line = torch.arange(n_in, dtype=torch.float64).view(1, 1, 1, -1)
    theta = torch.tensor([[[1.0, 0, 0], [0, 1, 0]]], dtype=torch.float64)
    grid = F.affine_grid(theta, [1, 1, 1, n_out], align_corners=False)
    got = F.grid_sample(line, grid, mode="nearest", padding_mode="border", align_corners=False).view(-1).long()
    exact = F.interpolate(line, size=(1, n_out), mode="nearest-exact").view(-1).long()
    i = torch.arange(n_out)
    closest = ((2 * i + 1) * n_in) // (2 * n_out)
    not_tie = ((2 * i + 1) * n_in) % (2 * n_out) != 0
    assert ((got != exact) & not_tie).any()
    assert torch.equal(got[not_tie], closest[not_tie]) and not torch.equal(exact[not_tie], closest[not_tie])
    if n_in == 1411:
        assert (exact[22606].item(), got[22606].item()) == (766, 765)


def test_nearest_table_as_the_page_reads_it(ns):
    idx = ns["nearest_indices"]
    assert idx(2, 3)["grid_sample nearest"] == [0, 0, 1] and idx(2, 3)["nearest-exact"] == [0, 1, 1]
    assert idx(4, 2)["grid_sample nearest"] == idx(4, 2)["nearest"] == [0, 2] and idx(4, 2)["nearest-exact"] == [1, 3]
    assert idx(3, 2)["grid_sample nearest"] == idx(3, 2)["nearest-exact"] == [0, 2] and idx(3, 2)["nearest"] == [0, 1]
    assert idx(6, 4)["grid_sample nearest"] == idx(6, 4)["nearest-exact"] != idx(6, 4)["nearest"]
    r = idx(4, 8)
    assert r["nearest"] == r["nearest-exact"] == r["grid_sample nearest"]


def test_most_ties_go_to_even_not_all(ns):
    t = ns["ties"]
    even, odd = t["grid_sample nearest, to the even pixel"], t["grid_sample nearest, to the odd pixel"]
    upper, lower = t["nearest-exact, to the upper pixel"], t["nearest-exact, to the lower pixel"]
    assert even > 10 * odd > 0 and upper > 10 * lower > 0 and even + odd == upper + lower


@pytest.mark.parametrize("s", [1.5, 2.3, 0.37, 1 / 3, 2.5, 3.7, 0.8, 7.0, 0.5])
def test_scaled_identity_grid_reproduces_scale_factor(ns, s):
    for n_in in range(1, 20):
        if int(n_in * s) < 1:
            continue
        row = torch.randn(1, 2, 1, n_in, dtype=torch.float64)
        for mode in ("bilinear", "bicubic"):  # review 53: the summary's recipe names both; bicubic was not checked
            a = F.interpolate(row, scale_factor=(1, s), mode=mode)
            grid = ns["scale_factor_grid"](row, s)
            b = F.grid_sample(row, grid, mode=mode, padding_mode="border", align_corners=False)
            torch.testing.assert_close(a, b, rtol=0, atol=1e-12)


@pytest.mark.parametrize("s", [1.5, 2.3, 0.37, 2.5, 0.8])
def test_identity_grid_is_enough_for_scale_factor_with_align_corners_or_recompute(ns, s):
    for n_in in range(2, 20):
        if int(n_in * s) < 2:
            continue
        row = torch.randn(1, 2, 1, n_in, dtype=torch.float64)
        for (kwargs, align), mode in itertools.product(
            (({"align_corners": True}, True), ({"recompute_scale_factor": True}, False)), ("bilinear", "bicubic")
        ):
            a = F.interpolate(row, scale_factor=(1, s), mode=mode, **kwargs)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # affine_grid on the unit-size height
                b = ns["resize_with_grid_sample"](row, a.shape[-2:], mode, align)
            torch.testing.assert_close(a, b, rtol=0, atol=1e-12)


def test_on_an_axis_of_one_pixel_the_plain_identity_grid_matches_a_scale_factor_too(ns):
    # Review r81-8: the page said that where in * s is not whole "the identity grid then does not match"; on an axis of
    # one pixel every position reads that pixel, so the plain identity grid matches at every such factor.
    for s, mode, dtype in itertools.product(
        (2.5, 3.3, 2.3, 7.7, 4.5), ("bilinear", "bicubic"), (torch.float32, torch.float64)
    ):
        x = torch.randn(2, 3, 4, 1, dtype=dtype)  # width 1, height 4 (4 * 1.5 = 6 is whole)
        a = F.interpolate(x, scale_factor=(1.5, s), mode=mode)
        assert a.shape[-1] == int(s) and a.shape[-1] != s
        b = ns["resize_with_grid_sample"](x, a.shape[-2:], mode, False)
        torch.testing.assert_close(a, b, rtol=0, atol=1e-5 if dtype == torch.float32 else 1e-12)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "The identity grid then does not match" not in en and "这时恒等网格就对不上了" not in zh
    assert "makes it read those positions" in en and "它读取的就是这些位置" in zh


def test_scale_factor_to_one_pixel_with_align_corners_is_not_the_identity_grid(ns):
    """The size-1 exception holds for scale_factor too: interpolate reads pixel 0, the grid the centre."""
    for n_in, s in ((3, 0.5), (5, 0.3), (7, 0.2)):
        row = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, 1, n_in)
        a = F.interpolate(row, scale_factor=(1, s), mode="bilinear", align_corners=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            b = ns["resize_with_grid_sample"](row, a.shape[-2:], "bilinear", True)
        assert a.shape[-1] == 1 and a.item() == 0 and b.item() == (n_in - 1) / 2


def test_scale_factor_cell(ns):
    plain, scaled, target = ns["plain"], ns["scaled"], ns["by_factor"]
    # On a ramp the difference is the shift of the positions, in pixels.
    assert (plain - target).abs().max() > 0.02 and (scaled - target).abs().max() < 1e-12


def test_shrinking_has_no_antialias(ns):
    s = {k: v.std().item() for k, v in ns["shrunk"].items()}
    torch.testing.assert_close(ns["shrunk"]["grid_sample bilinear"], ns["shrunk"]["interpolate bilinear"])
    if ns["device"].type == "cpu":  # the page: bit for bit on the CPU, only up to rounding on CUDA
        assert torch.equal(ns["shrunk"]["grid_sample bilinear"], ns["shrunk"]["interpolate bilinear"])
    assert s["grid_sample bilinear"] > 5 * s["interpolate bilinear, antialias"]


def test_grid_sample_ranks(ns):
    with pytest.raises(RuntimeError, match="bicubic interpolation only supports 4D"):
        F.grid_sample(torch.rand(1, 1, 2, 2, 2), torch.zeros(1, 2, 2, 2, 3), mode="bicubic", align_corners=False)
    with pytest.raises(RuntimeError):
        F.grid_sample(torch.rand(1, 1, 8), torch.zeros(1, 4, 1), align_corners=False)


def test_padding_never_matters_for_bilinear_with_align_corners_true(ns):
    resize = ns["resize_with_grid_sample"]
    for (h, ho), (w, wo) in itertools.product(_a_third_of_the_pairs(0), _a_third_of_the_pairs(1)):
        x = torch.randn(1, 2, h, w, dtype=torch.float64)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            results = [resize(x, (ho, wo), "bilinear", True, padding) for padding in ("zeros", "border", "reflection")]
        torch.testing.assert_close(results[0], results[1], rtol=0, atol=1e-12)
        torch.testing.assert_close(results[2], results[1], rtol=0, atol=1e-12)


def test_zeros_padding_differs_exactly_where_the_position_leaves_the_input(ns):
    resize = ns["resize_with_grid_sample"]
    for n_in, n_out in _one_axis_pairs():
        x = torch.randn(1, 1, 3, n_in, dtype=torch.float64)
        a = F.interpolate(x, size=(3, n_out), mode="bilinear", align_corners=False)
        b = resize(x, (3, n_out), "bilinear", False, "zeros")
        differs = ((a - b).abs() > 1e-12).any(dim=2).view(-1).tolist()
        outside = [not 0 <= _exact_position(i, n_in, n_out) <= n_in - 1 for i in range(n_out)]
        assert differs == outside, (n_in, n_out)


def test_reflection_equals_border_for_bilinear_without_align_corners(ns):
    resize = ns["resize_with_grid_sample"]
    for (h, ho), (w, wo) in itertools.product(_a_third_of_the_pairs(0), _a_third_of_the_pairs(1)):
        x = torch.randn(1, 2, h, w, dtype=torch.float64)
        reflected = resize(x, (ho, wo), "bilinear", False, "reflection")
        torch.testing.assert_close(reflected, resize(x, (ho, wo), "bilinear", False, "border"), rtol=0, atol=1e-12)


def test_whole_enlargements_agree_for_all_three_nearest_rules(ns):
    for n_in in range(1, 13):
        for k in range(1, 11):
            r = ns["nearest_indices"](n_in, n_in * k)
            assert r["nearest"] == r["nearest-exact"] == r["grid_sample nearest"], (n_in, k)


def test_shrinking_by_an_even_factor_makes_every_position_a_tie():
    for n_out in range(1, 10):
        for k in (2, 4, 6, 10):
            assert all(_exact_position(i, n_out * k, n_out).denominator == 2 for i in range(n_out))


def test_all_three_nearest_rules_agree_only_on_whole_enlargements(ns):
    for n_in, n_out in itertools.product(range(2, 41), range(1, 41)):
        r = ns["nearest_indices"](n_in, n_out)
        agree = r["nearest"] == r["nearest-exact"] == r["grid_sample nearest"]
        assert agree == (n_out % n_in == 0), (n_in, n_out)


def test_near_ties_part_in_float32_and_bfloat16_not_float64(ns):
    assert {key[3] for key in ns["near_ties"]} == {"float32", "float64", "bfloat16", "float16"}
    for (n_in, n_out, i, dtype), r in ns["near_ties"].items():
        position = _exact_position(i, n_in, n_out)
        fraction = position - position.numerator // position.denominator
        near = (
            Fraction(1, 50) if dtype in ("bfloat16", "float16") else Fraction(1, 1000)
        )  # an axis of 5 or 29, not of thousands
        assert fraction != Fraction(1, 2) and abs(fraction - Fraction(1, 2)) < near  # near a tie, not one
        assert dtype not in ("bfloat16", "float16") or max(n_in, n_out) < 40
        nearest = round(position)  # not a tie: the one right answer
        assert r["nearest-exact"] == nearest, (n_in, n_out, i, dtype)
        assert (r["grid_sample nearest"] == nearest) == (dtype == "float64"), (n_in, n_out, i, dtype)


@pytest.mark.parametrize("align_corners", [False, True])
def test_bicubic_zeros_and_reflection_differ_in_most_enlargements(ns, align_corners):
    resize = ns["resize_with_grid_sample"]
    enlargements = [(n_in, n_out) for n_in, n_out in _one_axis_pairs() if n_out > n_in]
    differs = {"zeros": 0, "reflection": 0}
    for n_in, n_out in enlargements:
        x = torch.randn(1, 2, 3, n_in, dtype=torch.float64)
        border = resize(x, (3, n_out), "bicubic", align_corners, "border")
        for padding in differs:
            differs[padding] += not torch.allclose(
                resize(x, (3, n_out), "bicubic", align_corners, padding), border, rtol=0, atol=1e-12
            )
    assert all(count > len(enlargements) / 2 for count in differs.values()), differs


def test_interpolate_nearest_scale_is_float32_for_float32_input_not_always_for_float64():
    # "rounded to float32 for float32 input; float64 escapes that rounding in some CPU kernels and not in others"
    exact = torch.arange(82) * 2 // 82  # 2 pixels enlarged 41x: floor(i * 2 / 82)
    for shape, size in (((1, 1, 2), (82,)), ((1, 1, 1, 2), (1, 82))):
        row = torch.arange(2, dtype=torch.float32).view(shape)
        assert not torch.equal(F.interpolate(row, size=size, mode="nearest").flatten().long(), exact)
    as_float64 = {
        len(shape): torch.equal(
            F.interpolate(torch.arange(2.0, dtype=torch.float64).view(shape), size=size, mode="nearest")
            .flatten()
            .long(),
            exact,
        )
        for shape, size in (((1, 1, 2), (82,)), ((1, 1, 1, 2), (1, 82)))
    }
    assert as_float64 == {3: True, 4: False}  # the 1-D CPU kernel is exact, the small 4-D one rounds like float32


def test_beyond_forty_nearest_misses_a_whole_factor_the_other_two_keep(ns):
    # "beyond that, nearest misses some whole factors, such as 2 -> 82, where the other two still agree"
    r = ns["nearest_indices"](2, 82)
    blocks = [i // 41 for i in range(82)]
    assert r["nearest-exact"] == r["grid_sample nearest"] == blocks and r["nearest"] != blocks


def test_bicubic_zeros_differs_in_exactly_the_shrinks_below_a_factor_of_three(ns):
    # "with align_corners=False, in exactly the shrinks by a factor below 3 (out < in < 3 out)"
    resize = ns["resize_with_grid_sample"]
    for n_in in range(1, 61):
        for n_out in range(1, n_in + 1):
            x = torch.randn(1, 1, 1, n_in, dtype=torch.float64)
            zeros = resize(x, (1, n_out), "bicubic", False, "zeros")
            border = resize(x, (1, n_out), "bicubic", False, "border")
            differs = not torch.allclose(zeros, border, rtol=0, atol=1e-12)
            assert differs == (n_out < n_in < 3 * n_out), (n_in, n_out)


def test_a_factor_that_rounds_to_a_whole_ratio_reads_the_size_positions(ns):
    # "except where 1/s and in/out round to the same number in the kernel's precision: for float32
    # input, x2.000000001 reads exactly the positions of x2" (in * s is not whole, yet the plain grid matches)
    resize = ns["resize_with_grid_sample"]
    s = 2.000000001
    for n in range(1, 20):
        assert (Fraction(n) * Fraction(s)).denominator > 1
        ramp = torch.arange(n, dtype=torch.float32).view(1, 1, 1, -1)
        by_factor = F.interpolate(ramp, scale_factor=(1, s), mode="bilinear")
        assert torch.equal(by_factor, F.interpolate(ramp, size=(1, 2 * n), mode="bilinear")), n
        torch.testing.assert_close(resize(ramp, (1, 2 * n), "bilinear", False), by_factor, rtol=0, atol=1e-5)
        # In float64 the kernel keeps 1/s, and the positions move.
        if n > 1:
            ramp64 = ramp.double()
            assert not torch.equal(
                F.interpolate(ramp64, scale_factor=(1, s), mode="bilinear"),
                F.interpolate(ramp64, size=(1, 2 * n), mode="bilinear"),
            )


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
def test_reflection_equals_border_for_bilinear_bitwise_only_with_align_corners_true(ns, dtype):
    # "bit for bit with align_corners=True, and up to rounding with False ... (3 -> 9, in float64 and float32)"
    resize = ns["resize_with_grid_sample"]
    for i, o in itertools.product(range(1, 13), range(2, 25)):
        ramp = torch.arange(i, dtype=dtype).view(1, 1, 1, i)
        for align in (False, True):
            a, b = (resize(ramp, (1, o), "bilinear", align, padding) for padding in ("reflection", "border"))
            assert torch.equal(a, b) if align else torch.allclose(a, b, rtol=0, atol=1e-5)
    ramp = torch.arange(3, dtype=dtype).view(1, 1, 1, 3)
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):  # "the 4-D CPU kernel's AVX2 or AVX-512 code"
        assert not torch.equal(
            *(resize(ramp, (1, 9), "bilinear", False, padding) for padding in ("reflection", "border"))
        )


def test_reflection_equals_border_bit_for_bit_with_the_default_cpu_code_and_on_5d_input(ns):
    # "(3 -> 9 ...; with ATEN_CPU_CAPABILITY=default, and on 5-D input, the tests' sweeps find the two bit for bit)"
    code = """
import itertools, warnings, torch, torch.nn.functional as F
warnings.simplefilter("ignore")
def resize(x, size, padding):
    grid = F.affine_grid(torch.eye(2, 3, dtype=x.dtype).unsqueeze(0), (1, 1) + size, align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode=padding, align_corners=False)
differ = 0
for d, i, o in itertools.product((torch.float32, torch.float64), range(1, 9), [*range(1, 13), 17, 24, 100]):
    x = torch.randn(1, 1, i, i, dtype=d)
    differ += not torch.equal(resize(x, (o, o), "reflection"), resize(x, (o, o), "border"))
print(differ, torch.backends.cpu.get_cpu_capability())
"""
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["0", "DEFAULT"]
    resize = ns["resize_with_grid_sample"]
    for dtype, i, o in itertools.product((torch.float32, torch.float64), range(1, 9), [*range(1, 13), 17, 24, 100]):
        x = torch.randn(1, 2, i, 2, 3, dtype=dtype)
        a, b = (resize(x, (o, 3, 2), "bilinear", False, padding) for padding in ("reflection", "border"))
        assert torch.equal(a, b), (dtype, i, o)


def test_identity_grid_reads_the_interpolate_positions_only_up_to_rounding(ns):
    # "the same formulas, computed in another order: equal up to rounding, not bit for bit"
    resize = ns["resize_with_grid_sample"]
    differ = 0
    for i, o in itertools.product(range(2, 20), range(2, 30)):
        ramp = torch.arange(i, dtype=torch.float64).view(1, 1, 1, i)
        for align in (False, True):
            a, b = (
                resize(ramp, (1, o), "bilinear", align),
                F.interpolate(ramp, size=(1, o), mode="bilinear", align_corners=align),
            )
            torch.testing.assert_close(a, b, rtol=0, atol=1e-12)
            differ += not torch.equal(a, b)
    assert differ > 0


def test_five_d_bilinear_equals_trilinear_only_up_to_rounding(ns):
    # "it equals trilinear up to rounding": the 5-D cell's own 3x4x5 -> 5x7x9 is not bit for bit.
    volume, resize = ns["volume"], ns["resize_with_grid_sample"]
    for align in (False, True):
        a = F.interpolate(volume, size=(5, 7, 9), mode="trilinear", align_corners=align)
        b = resize(volume, (5, 7, 9), "bilinear", align)
        torch.testing.assert_close(a, b, rtol=0, atol=1e-12)
        assert not torch.equal(a, b)


def test_grid_sample_nearest_parts_from_nearest_exact_near_ties_on_short_float16_axes_too():
    # Review 9: the page listed bfloat16 only; float16 on axes under 40 parts too.
    line = torch.arange(29, dtype=torch.float16).view(1, 1, 1, -1)
    grid = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 1, 37), align_corners=False).half()
    picked = F.grid_sample(line, grid, mode="nearest", align_corners=False)[0, 0, 0]
    assert int(picked[25]) == 20 != int(F.interpolate(line, size=(1, 37), mode="nearest-exact")[0, 0, 0, 25]) == 19


def test_a_factor_that_keeps_the_size_is_copied_by_bilinear_so_the_identity_grid_matches(ns):
    # Review 12: the page said the scaled grid reproduces every scale_factor with align_corners=False;
    # where the factor leaves an axis at its size, bilinear copies it and only the identity grid matches.
    # Review 26: CUDA's bicubic copies too when both axes keep their size (here: a row with a height factor of 1),
    # which the page's summary now names.
    generator = torch.Generator().manual_seed(12)
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    kept = [(n, s) for s in (1.05, 1.1, 1.2, 1.4, 1.9) for n in range(2, 20) if int(n * s) == n]
    assert (5, 1.1) in kept and (10, 1.05) in kept
    for (n, s), device, channels, last in itertools.product(kept, devices, (1, 2, 5), (False, True)):
        x = torch.randn(1, channels, 1, n, generator=generator, dtype=torch.float64).to(device)
        if last:
            x = x.contiguous(memory_format=torch.channels_last)
        for mode in ("bilinear", "bicubic"):
            a = F.interpolate(x, scale_factor=(1, s), mode=mode)
            plain = ns["resize_with_grid_sample"](x, a.shape[-2:], mode, False)
            scaled = F.grid_sample(
                x, ns["scale_factor_grid"](x, s), mode=mode, padding_mode="border", align_corners=False
            )
            copies = mode == "bilinear" or device == "cuda"
            assert torch.equal(a, x) == copies, (n, s, device, mode)
            off_plain, off_scaled = (a - plain).abs().max().item(), (a - scaled).abs().max().item()
            assert (off_plain < 1e-12 < off_scaled) if copies else (off_scaled < 1e-12 < off_plain), (n, s, mode)


def test_on_a_kept_axis_of_one_pixel_the_scaled_grid_matches_the_copy_too(ns):
    # Review r82-8: the page said that where a kernel copies a kept axis "the plain identity grid matches and the scaled
    # one does not"; on an axis of one pixel (any factor from 1 to 2) border padding reads that pixel wherever the scaled
    # grid puts its position, so the scaled grid matches the copy too. The clause is dropped.
    for s, dtype, channels in itertools.product((1.05, 1.1, 1.5, 1.9), (torch.float32, torch.float64), (1, 3)):
        x = torch.randn(1, channels, 1, 1, dtype=dtype)
        a = F.interpolate(x, scale_factor=(1, s), mode="bilinear")
        assert torch.equal(a, x)
        scaled = F.grid_sample(x, ns["scale_factor_grid"](x, s), padding_mode="border", align_corners=False)
        plain = ns["resize_with_grid_sample"](x, a.shape[-2:], "bilinear", False)
        assert torch.equal(scaled, a) and torch.equal(plain, a), (s, dtype, channels)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "the scaled one\ndoes not" not in en and "而不是缩放后的网格" not in zh
    assert "copies that axis, the plain identity grid matches.\n" in en and "普通的恒等网格就能对上。" in zh


def test_cpu_bicubic_reads_the_factor_positions_on_an_axis_it_keeps_only_on_floating_point_input():
    # Review 52: "the CPU's bicubic still reads (i + 0.5)/s - 0.5 there" held for floating-point input; its uint8 kernels
    # (the AVX one for up to 4 channels, separable_upsample_generic_Nd_kernel_impl otherwise and without AVX2) skip an
    # axis whose size does not change, so a uint8 ramp comes back unchanged along it, even while the other axis doubles.
    kept = [(n, s) for s in (1.05, 1.1, 1.2, 1.4) for n in range(2, 20) if int(n * s) == n]
    for (n, s), channels, last in itertools.product(kept, (1, 3, 5), (False, True)):
        ramp = (torch.arange(n) * (255 // n)).view(1, 1, 1, n).expand(1, channels, 3, n).contiguous()
        for dtype in (torch.uint8, torch.float32, torch.float64, torch.bfloat16, torch.float16):
            x = ramp.to(dtype)
            if last:
                x = x.contiguous(memory_format=torch.channels_last)
            y = F.interpolate(x, scale_factor=(2, s), mode="bicubic")
            assert y.shape[-1] == n
            assert torch.equal(y, x[:, :, :1].expand_as(y)) == (dtype == torch.uint8), (n, s, channels, dtype)
    with pytest.raises(NotImplementedError):
        F.grid_sample(torch.zeros(1, 1, 2, 2, dtype=torch.uint8), torch.zeros(1, 2, 2, 2), align_corners=False)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    # Review 65: "on floating-point input" covered complex and float8 too, which the CPU's bicubic refuses outright;
    # the page names the four dtypes it reads and says it refuses the others.
    for dtype in (torch.complex64, torch.complex128, torch.float8_e4m3fn, torch.float8_e5m2):
        for last in (False, True):
            x = torch.zeros(1, 3, 3, 5).to(dtype)
            if last:
                x = x.contiguous(memory_format=torch.channels_last)
            with pytest.raises(NotImplementedError):
                F.interpolate(x, scale_factor=(2, 1.1), mode="bicubic")
    assert "on floating-point input without antialias" not in en and "对浮点输入且不开抗混叠时" not in zh
    assert (
        "(*i* + 0.5)/*s* − 0.5 there on float16, bfloat16, float32 and float64 input without antialias (complex and"
        " float8 input it refuses; with `antialias=True`, and on" in " ".join(en.split())
    )
    assert "对 float16、bfloat16、float32 和 float64 输入且不开抗混叠时，CPU 上的 `bicubic`" in zh
    assert "（复数和 float8 输入它直接拒绝；设置" in zh and "以及对 `uint8` 输入，它同样直接复制这个轴" in zh
    # Review 53: the antialiased bicubic kernel (float only on the CPU) skips a kept axis as the uint8 ones do: the ramp
    # comes back along it (up to the rounding of the doubled height), where the kernel without antialias moves it.
    for (n, s), dtype in itertools.product(kept, (torch.float32, torch.float64)):
        x = (torch.arange(n) * (255 // n)).view(1, 1, 1, n).expand(1, 3, 3, n).to(dtype)
        y = F.interpolate(x, scale_factor=(2, s), mode="bicubic", antialias=True)
        torch.testing.assert_close(y, x[:, :, :1].expand_as(y), rtol=0, atol=1e-3, msg=f"{n}, {s}, {dtype}")


def test_antialias_copies_a_map_that_keeps_its_size_on_the_cpu_not_on_cuda():
    # Review 59: "CUDA's copies the map when both axes keep their size" came right after "with antialias=True ... it
    # copies the axis too"; CUDA's antialiased kernel (upsample_gen2d_aa_out_frame) has no copy branch and centres its
    # filter at (i + 0.5)/s - 0.5 on a kept axis, where the CPU's skips the axis.
    kept = [(n, s) for s in (1.05, 1.1, 1.2, 1.4) for n in range(2, 20) if int(n * s) == n]
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    for (n, s), mode, dtype, device in itertools.product(
        kept, ("bilinear", "bicubic"), (torch.float32, torch.float64), devices
    ):
        x = torch.arange(n, dtype=dtype).expand(1, 2, n, n).contiguous().to(device)
        y = F.interpolate(x, scale_factor=(s, s), mode=mode, antialias=True)
        assert torch.equal(y, x) == (device == "cpu"), (n, s, mode, dtype, device)
        if device == "cuda" and mode == "bilinear":
            # a ramp along the width, constant down the height: the triangle reads the ramp at its centre
            expected = (torch.arange(1, n, dtype=torch.float64) + 0.5) / s - 0.5
            torch.testing.assert_close(y[0, :, :, 1:].cpu().double(), expected.expand(2, n, n - 1), rtol=0, atol=1e-5)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "- With `antialias=True` CUDA copies nothing: its antialiased kernel (`upsample_gen2d_aa_out_frame`" in en
    assert "设置 `antialias=True` 时，CUDA 什么都不直接复制：它的抗混叠内核" in zh


def test_size_one_with_align_corners_reads_the_first_pixel_only_without_antialias():
    # Review 12: antialiased bicubic to one pixel with align_corners=True mixes the first two pixels.
    generator = torch.Generator().manual_seed(12)
    for n_in, other in itertools.product((2, 3, 5, 17), (1, 4)):
        x = torch.randn(1, 2, other, n_in, generator=generator, dtype=torch.float64)
        for mode, antialias in itertools.product(("bilinear", "bicubic"), (False, True)):
            y = F.interpolate(x, size=(other, 1), mode=mode, align_corners=True, antialias=antialias)
            first = torch.equal(y, x[..., :1])
            assert first == (not antialias or mode == "bilinear"), (n_in, other, mode, antialias)


def test_cpu_affine_grid_rejects_low_precision_only_for_an_axis_of_size_1():
    # Review 15: "the CPU's affine_grid has no bfloat16" was false: it fails only where an axis has size 1
    # (linspace_from_neg_one's at::tensor(0, ...)), for bfloat16 and float16 alike.
    for dtype in (torch.bfloat16, torch.float16):
        theta = torch.tensor([[[1.0, 0, 0], [0, 1, 0]]]).to(dtype)
        for h, w in [(1, 1), (1, 29), (29, 1), (2, 2), (2, 29), (37, 5)]:
            try:
                grid = F.affine_grid(theta, [1, 1, h, w], align_corners=False)
            except (RuntimeError, NotImplementedError):
                assert min(h, w) == 1, (dtype, h, w)
            else:
                assert min(h, w) > 1 and grid.dtype == dtype, (dtype, h, w)


def test_the_nearest_index_formulas_hold_given_size_not_given_scale_factor():
    # Review 17: "Given `size`, interpolate's nearest reads floor(i*in/out), nearest-exact floor((i+0.5)*in/out)";
    # given scale_factor=0.65 on 10 pixels (6 outputs) both read other pixels.
    for n_in in range(1, 25):
        x = torch.arange(float(n_in)).view(1, 1, n_in)
        for n_out in range(1, 50):
            i = torch.arange(n_out, dtype=torch.float64)
            scale = float(torch.tensor(n_in / n_out, dtype=torch.float32))  # "rounded to float32 for float32 input"
            for mode, offset in (("nearest", 0.0), ("nearest-exact", 0.5)):
                exact = (i + offset) * scale
                expected = exact.floor().clamp(max=n_in - 1)
                got = F.interpolate(x, size=n_out, mode=mode)[0, 0].double()
                tie = (exact - exact.round()).abs() < 1e-6  # "at an exact tie the kernels also round the product"
                assert torch.equal(got[~tie], expected[~tie]), (n_in, n_out, mode)
    # output 20 of 2 -> 41: pixel 1 in 3-D with the AVX2/AVX-512 code, pixel 0 from the 4-D channels-last kernel
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        assert F.interpolate(torch.arange(2.0).view(1, 1, 2), size=41, mode="nearest-exact")[0, 0, 20] == 1
    # with ATEN_CPU_CAPABILITY=default the 3-D kernel reads pixel 0, except in float64
    code = (
        "import torch, torch.nn.functional as F; "
        "print([F.interpolate(torch.arange(2, dtype=d).view(1, 1, 2), size=41, mode='nearest-exact')[0, 0, 20].item() "
        "for d in (torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.uint8)])"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["[0.0,", "1.0,", "0.0,", "0.0,", "0]"]
    row = torch.arange(2.0).view(1, 1, 1, 2)
    assert F.interpolate(row, size=(1, 41), mode="nearest-exact")[0, 0, 0, 20] == 0
    x = torch.arange(10.0).view(1, 1, 10)
    for mode, offset in (("nearest", 0.0), ("nearest-exact", 0.5)):
        by_factor = F.interpolate(x, scale_factor=0.65, mode=mode)[0, 0].double()
        by_size = ((torch.arange(6, dtype=torch.float64) + offset) * 10 / 6).floor()
        assert not torch.equal(by_factor, by_size), mode


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_border_grid_sample_parts_from_interpolate_on_long_axes_on_the_cpu(ns, mode):
    # Review 18: "border makes grid_sample equal interpolate (to 1e-12)" fails on long axes on the CPU,
    # where interpolate floors its float64 positions in single precision (floorf) and moves one onto a pixel.
    resize = ns["resize_with_grid_sample"]
    ramp = torch.arange(3000, dtype=torch.float64).view(1, 1, 1, -1)  # values are positions
    a = resize(ramp, (1, 4501), mode, False)
    b = F.interpolate(ramp, size=(1, 4501), mode=mode, align_corners=False)
    assert 5e-5 < (a - b).abs().max().item() < 3e-4
    a = resize(ramp, (1, 2001), mode, False)
    assert (a - F.interpolate(ramp, size=(1, 2001), mode=mode)).abs().max().item() < 1e-10


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_interpolate_moves_positions_by_amounts_that_do_not_grow_with_the_axis(ns, mode):
    # Review r79-8: the page said interpolate moves "one a hair below a whole pixel onto it"; it moves a position that
    # float32 rounds up to a whole pixel, by up to half the float32 spacing there: a quarter of a step at 4,410,000 ->
    # 4,800,000 (and almost a whole one beyond 2^24, see the audio page's test), where 3000 -> 4501 moves 1e-4.
    # Review r80-8: the page then said "by more on longer axes"; longer axes of about the same ratio move less
    # (4000 -> 6001, 6000 -> 9001) or nothing (6000 -> 9000), since the move depends on where the positions fall.
    resize = ns["resize_with_grid_sample"]

    def gap(n_in, n_out):
        ramp = torch.arange(n_in, dtype=torch.float64).view(1, 1, 1, -1)  # values are positions
        return (resize(ramp, (1, n_out), mode, False) - F.interpolate(ramp, size=(1, n_out), mode=mode)).abs().max()

    assert gap(4_410_000, 4_800_000) > 0.2
    short = gap(3000, 4501)
    assert gap(4000, 6001) < 0.8 * short and gap(6000, 9001) < 0.6 * short and gap(6000, 9000) < 1e-10
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "moves one a hair below a whole" not in en and "于是略小于某个整数像素的位置" not in zh
    assert "by more on longer axes" not in en and "轴越长挪得越远" not in zh
    assert (
        "up to a whole pixel onto it: 3000 → 4501" in en and "会被挪到这个像素上：`align_corners=False` 下 3000" in zh
    )


@pytest.mark.parametrize("axis", [0, 1, 2])
def test_five_d_bilinear_parts_from_trilinear_on_long_axes_on_the_cpu(ns, axis):
    # Review 19: "On 5-D input bilinear equals trilinear up to rounding" fails on a long axis on the CPU:
    # trilinear floors its float64 positions in single precision too (3000 -> 4501, ~1e-4 of a step).
    resize = ns["resize_with_grid_sample"]
    shape, out = [1, 1, 1], [1, 1, 1]
    shape[axis], out[axis] = 3000, 4501
    ramp = torch.arange(3000, dtype=torch.float64).view(1, 1, *shape)  # values are positions
    a = resize(ramp, tuple(out), "bilinear", False)
    b = F.interpolate(ramp, size=tuple(out), mode="trilinear", align_corners=False)
    assert 5e-5 < (a - b).abs().max().item() < 3e-4
    out[axis] = 2001
    a = resize(ramp, tuple(out), "bilinear", False)
    assert (a - F.interpolate(ramp, size=tuple(out), mode="trilinear")).abs().max().item() < 1e-10


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_border_grid_sample_and_interpolate_overflow_at_different_pixels_near_the_largest_float(ns, dtype):
    # Review 19: "border makes grid_sample equal interpolate (to 1e-12)" fails near the largest float:
    # the weights of each sum to one rounding step above 1 at different pixels, so each overflows elsewhere.
    resize = ns["resize_with_grid_sample"]
    x = torch.full((1, 1, 4, 4), torch.finfo(dtype).max, dtype=dtype)
    a = resize(x, (12, 12), "bilinear", False)
    b = F.interpolate(x, size=(12, 12), mode="bilinear", align_corners=False)
    if dtype == torch.float64:  # the page's case: both overflow, at different pixels
        assert torch.isinf(a).any() and torch.isinf(b).any()
    elif torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"):
        # float32 is not on the page: with the generic kernels neither side overflows at 4x4 -> 12x12.
        assert not torch.isinf(a).any() and not torch.isinf(b).any()
        return
    assert not torch.equal(torch.isinf(a), torch.isinf(b))


def test_zeros_padding_ignores_a_cubic_tap_outside_the_input_that_has_no_weight(ns):
    # Review 19: "zeros differs whenever a cubic tap falls outside the input" is too broad: at 6 -> 2
    # the last position is 4.0, its taps are 3..6, and pixel 6 lies outside with weight 0.
    resize = ns["resize_with_grid_sample"]
    x = torch.rand(1, 1, 6, 6, dtype=torch.float64) + 1  # no zero pixels that could hide a difference
    zeros = resize(x, (2, 2), "bicubic", False, padding_mode="zeros")
    border = resize(x, (2, 2), "bicubic", False)
    assert (2 - 1 + 0.5) * 6 / 2 - 0.5 + 2 > 6 - 1  # the last position's fourth tap is outside
    assert (zeros - border).abs().max().item() < 1e-12


def test_near_the_largest_float_bicubic_overflows_at_the_same_pixels_in_both():
    """Review 23: the page's overflow example parts the two in `bilinear` only; `bicubic` overflows alike."""
    x = torch.full((1, 1, 4, 4), torch.finfo(torch.float64).max, dtype=torch.float64)
    grid = F.affine_grid(torch.eye(2, 3, dtype=torch.float64)[None], (1, 1, 12, 12), align_corners=False)
    by_grid = F.grid_sample(x, grid, mode="bicubic", padding_mode="border", align_corners=False)
    by_interpolate = F.interpolate(x, size=(12, 12), mode="bicubic")
    assert torch.isinf(by_interpolate).any()
    assert torch.equal(torch.isinf(by_grid), torch.isinf(by_interpolate))


def test_the_1e_12_gap_holds_for_values_of_order_one_and_grows_with_them(ns):
    # Review 28: "(to 1e-12)" was stated for any data; it is an absolute gap measured on normal random values:
    # the same images times a million part by about 1e-8.
    resize = ns["resize_with_grid_sample"]
    gen = torch.Generator().manual_seed(5)
    for scale in (1.0, 1e6):
        gap = 0.0
        for mode, align_corners, (n_in, n_out) in itertools.product(
            ("bilinear", "bicubic"), (False, True), ((3, 5), (7, 9), (5, 17), (8, 100), (8, 3))
        ):
            x = torch.randn(1, 2, n_in, n_in + 1, generator=gen, dtype=torch.float64) * scale
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                b = resize(x, (n_out, n_out + 2), mode, align_corners, "border")
            a = F.interpolate(x, size=(n_out, n_out + 2), mode=mode, align_corners=align_corners)
            gap = max(gap, (a - b).abs().max().item())
        if scale == 1.0:
            assert gap < 1e-12, gap
        else:
            assert 1e-10 < gap < 1e-6, gap


def test_the_1e_12_gap_grows_with_the_axis_length(ns):
    # Review 33: "to 1e-12 on values of order 1" held on the table's short axes only: grid_sample's positions
    # come from a normalised grid, so their rounding grows with the axis; 1500 -> 2251 pixels give over 1e-12
    # (far below the 1e-4 of the floorf exception), while axes of up to 400 pixels stay under it.
    resize = ns["resize_with_grid_sample"]
    gen = torch.Generator().manual_seed(0)

    def gap(n_in, n_out):
        worst = 0.0
        for mode, align_corners in itertools.product(("bilinear", "bicubic"), (False, True)):
            x = torch.randn(1, 1, 2, n_in, generator=gen, dtype=torch.float64)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                b = resize(x, (3, n_out), mode, align_corners, "border")
            a = F.interpolate(x, size=(3, n_out), mode=mode, align_corners=align_corners)
            worst = max(worst, (a - b).abs().max().item())
        return worst

    assert all(gap(n_in, n_out) < 1e-12 for n_in, n_out in ((100, 151), (300, 451), (300, 97)))
    assert 1e-12 < max(gap(1500, 2251) for _ in range(3)) < 1e-10
    # Review r120-8: the pages said "axes of up to a few hundred pixels"; 2-D maps near 700 pixels pass 1e-12 on an
    # AVX-512 CPU (693x598 -> 664x680 bicubic: 1.3e-12), so the pages say 400, swept here with both axes changing
    # (worst 4.2e-13 over 40 pairs, under both CPU capabilities).
    worst = 0.0
    for _ in range(16):
        h_in, w_in, h_out, w_out = torch.randint(2, 401, (4,), generator=gen).tolist()
        x = torch.randn(1, 1, h_in, w_in, generator=gen, dtype=torch.float64)
        for mode, align_corners in itertools.product(("bilinear", "bicubic"), (False, True)):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                b = resize(x, (h_out, w_out), mode, align_corners, "border")
            a = F.interpolate(x, size=(h_out, w_out), mode=mode, align_corners=align_corners)
            worst = max(worst, (a - b).abs().max().item())
    assert worst < 1e-12, worst
    assert_pages_say(
        ("grid-sample.md", "as the table's normal random ones, on axes of up to 400 pixels;"),
        ("grid-sample.md", "to 1e-12 in float64 on values of order 1 and axes of up to 400 pixels;"),
        ("grid-sample.zh.md", "在不超过 400 像素的轴上"),
        ("grid-sample.zh.md", "轴不超过 400 像素时"),
    )


def test_the_gap_at_a_million_grows_with_the_axis_too(ns):
    # Review 34: "about 1e-8 at a million" held on the table's short axes; on axes of a few hundred pixels
    # (where order-1 values still stay under 1e-12) values near a million part by a few times 1e-7.
    resize = ns["resize_with_grid_sample"]
    gen = torch.Generator().manual_seed(0)
    worst = 0.0
    for n_in, n_out in ((400, 253), (300, 451), (250, 97)):
        x = torch.randn(1, 1, 2, n_in, generator=gen, dtype=torch.float64) * 1e6
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            b = resize(x, (3, n_out), "bicubic", False, "border")
        a = F.interpolate(x, size=(3, n_out), mode="bicubic", align_corners=False)
        worst = max(worst, (a - b).abs().max().item())
    assert 1e-7 < worst < 1e-6, worst
    assert_pages_say(
        ("grid-sample.md", "a few times 1e-7 on axes of 250 to 400 pixels"),
        ("grid-sample.zh.md", "在 250 到 400 像素的轴上可达几倍 1e-7"),
    )


def test_near_tie_reach_grows_with_the_axis_in_float32():
    # Review 34: "a position a few ten-thousandths of a pixel from .5 can round to the wrong side" held on the
    # table's axes of a few thousand pixels; the float32 grid's rounding grows with the axis: positions a few
    # thousandths from .5 part at 60,000 pixels, about a tenth at a million.
    def farthest_parting(n_in, n_out):
        line = torch.arange(n_in, dtype=torch.float32).view(1, 1, 1, -1)
        grid = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 1, n_out), align_corners=False)
        a = F.interpolate(line, size=(1, n_out), mode="nearest-exact")[0, 0, 0]
        b = F.grid_sample(line, grid, mode="nearest", padding_mode="border", align_corners=False)[0, 0, 0]
        i = torch.nonzero(a != b).flatten().double()
        pos = (i + 0.5) * n_in / n_out - 0.5
        return ((pos - pos.floor()) - 0.5).abs().max().item()

    assert farthest_parting(2777, 2563) < 1e-3
    assert 1e-3 < farthest_parting(60_000, 50_001) < 1e-2
    assert 0.05 < farthest_parting(1_000_000, 900_001) < 0.2


def _half_precision_parting_reach(ns, dtype, sizes):
    # Largest distance from .5 of a non-tie position where grid_sample's nearest and nearest-exact part.
    reach = {}
    for n_in in sizes:
        line = torch.arange(n_in, dtype=dtype).view(1, 1, 1, -1)
        for n_out in sizes:
            grid = ns["identity_grid"](line.float(), (1, n_out), False).to(dtype)
            a = F.interpolate(line, size=(1, n_out), mode="nearest-exact")[0, 0, 0]
            b = F.grid_sample(line, grid, mode="nearest", padding_mode="border", align_corners=False)[0, 0, 0]
            for i in torch.nonzero(a != b).flatten().tolist():
                p = _exact_position(i, n_in, n_out)
                d = abs(p - p.numerator // p.denominator - Fraction(1, 2))
                if d:
                    reach[(n_in, n_out, i)] = d
    return reach


def test_half_precision_near_tie_reach_grows_with_the_axis(ns):
    # Review 35: "in bfloat16 and float16, a hundredth or two" held for float16 up to 40 pixels only;
    # bfloat16 parts 0.21 from .5 at 38 -> 24 and at a whole position on 86 pixels kept at their size.
    float16 = _half_precision_parting_reach(ns, torch.float16, range(1, 41))
    assert Fraction(1, 100) < max(float16.values()) <= Fraction(2, 100)
    assert max(_half_precision_parting_reach(ns, torch.float16, [96, 62]).values()) > Fraction(6, 100)
    bfloat16 = _half_precision_parting_reach(ns, torch.bfloat16, [38, 24])
    assert bfloat16[(38, 24, 23)] > Fraction(1, 5)
    assert _half_precision_parting_reach(ns, torch.bfloat16, [86])[(86, 86, 75)] == Fraction(1, 2)
    # Review 53: the page said bfloat16 reaches half a pixel "from about 70 pixels"; on axes of up to 70 the reach is
    # about 0.4, it stays short of half a pixel up to 85, and 86 is the first axis length to reach it.
    bfloat16 = _half_precision_parting_reach(ns, torch.bfloat16, range(2, 86))
    up_to_70 = max(d for (n_in, n_out, _), d in bfloat16.items() if max(n_in, n_out) <= 70)
    assert Fraction(35, 100) < up_to_70 < Fraction(45, 100) and max(bfloat16.values()) < Fraction(1, 2)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "about 0.4 on axes of up to 70 pixels, short of half a pixel up to 85, and half a pixel at 86" in en
    assert "轴不超过 70 像素时约为 0.4，不超过 85 像素时仍不到半个像素，到 86 像素时达到半个像素" in zh


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16, torch.uint8])
def test_interpolate_nearest_rounds_its_ratio_to_float32_for_low_precision_and_uint8_input(dtype):
    # Review 38: "the scale in/out rounded to float32 for float32 input" holds for float16, bfloat16 and uint8 too
    # (they share float32's position arithmetic): 2 -> 82 copies pixel 0 to 42 outputs, as in float32, 41 in float64.
    x = torch.arange(2.0).view(1, 1, 2)
    for check in (dtype, torch.float32):
        assert (F.interpolate(x.to(check), size=82, mode="nearest")[0, 0] == 0).sum().item() == 42
    assert (F.interpolate(x.double(), size=82, mode="nearest")[0, 0] == 0).sum().item() == 41


def test_grid_nearest_with_align_corners_true_is_not_nearest_exact():
    # Review 39: "grid_sample's nearest is nearest-exact" holds with align_corners=False only; with True it rounds
    # i * (in - 1) / (out - 1): 5 -> 2 reads pixels 0 and 4, nearest-exact 1 and 3, and most size pairs part.
    def grid_nearest(n_in, n_out):
        line = torch.arange(n_in, dtype=torch.float64).view(1, 1, 1, -1)
        theta = torch.tensor([[[1.0, 0, 0], [0, 1, 0]]], dtype=torch.float64)
        grid = F.affine_grid(theta, [1, 1, 1, n_out], align_corners=True)
        return F.grid_sample(line, grid, mode="nearest", padding_mode="border", align_corners=True).view(-1).tolist()

    def exact(n_in, n_out):
        line = torch.arange(n_in, dtype=torch.float64).view(1, 1, 1, -1)
        return F.interpolate(line, size=(1, n_out), mode="nearest-exact").view(-1).tolist()

    assert grid_nearest(5, 2) == [0, 4] and exact(5, 2) == [1, 3]
    pairs = list(itertools.product(range(2, 41), repeat=2))
    parted = sum(grid_nearest(n_in, n_out) != exact(n_in, n_out) for n_in, n_out in pairs)
    assert parted > len(pairs) / 2


def test_align_corners_true_grid_nearest_rounds_the_position_bilinear_reads_unlike_both_nearest_modes():
    # Review 42: the page said grid_sample's nearest with align_corners=True rounds i * (in - 1) / (out - 1),
    # "which no interpolate mode reads"; bilinear with align_corners=True reads exactly that position. What holds:
    # the rounding rule differs from both nearest modes (5 -> 2: grid 0 and 4, nearest-exact 1 and 3, nearest 0 and 2).
    for n_in, n_out in itertools.product(range(2, 30), range(2, 30)):
        ramp = torch.arange(n_in, dtype=torch.float64).view(1, 1, 1, -1)
        read = F.interpolate(ramp, size=(1, n_out), mode="bilinear", align_corners=True).view(-1)
        torch.testing.assert_close(read, torch.arange(n_out, dtype=torch.float64) * (n_in - 1) / (n_out - 1))
    line = torch.arange(5, dtype=torch.float64).view(1, 1, 1, -1)
    grid = F.affine_grid(torch.eye(2, 3, dtype=torch.float64)[None], [1, 1, 1, 2], align_corners=True)
    picked = F.grid_sample(line, grid, mode="nearest", padding_mode="border", align_corners=True).view(-1).tolist()
    by_mode = {m: F.interpolate(line, size=(1, 2), mode=m).view(-1).tolist() for m in ("nearest", "nearest-exact")}
    assert picked == [0, 4] and by_mode == {"nearest": [0, 2], "nearest-exact": [1, 3]}


def test_the_shown_comments_hold_only_on_their_own_cases(ns):
    # Review 42: two comments in shown cells stated rules in general. "grid_sample's nearest is the same pixel as
    # nearest-exact except at an exact tie" fails on long float32 axes (2777 -> 2563, output 2305, not a tie);
    # "scale_factor reads (i + 0.5) / s - 0.5 when in * s is not whole" fails where bilinear copies (5 pixels x1.1).
    r = ns["near_tie"](2777, 2563, 2305, torch.float32)
    assert _exact_position(2305, 2777, 2563).denominator != 2 and r["nearest-exact"] != r["grid_sample nearest"]
    five = torch.arange(5.0, dtype=torch.float64).view(1, 1, 1, 5)
    copied = F.interpolate(five, scale_factor=(1, 1.1), mode="bilinear")
    assert torch.equal(copied, five) and 5 * 1.1 != int(5 * 1.1)
    # the narrowed comments: 7 pixels at x2.3 read (i + 0.5) / 2.3 - 0.5
    i = torch.arange(ns["by_factor"].shape[-1], dtype=torch.float64)
    torch.testing.assert_close(ns["by_factor"].view(-1), ((i + 0.5) / 2.3 - 0.5).clamp(0, 6), rtol=0, atol=1e-12)


def test_grid_sample_shrinks_like_interpolate_only_up_to_rounding_not_equal(ns):
    # Review 43: the shrinking cell's comment said "grid_sample equals interpolate without antialias"; "equal" is
    # torch.equal (glossary), which holds for the cell's float64 stripes on the CPU but not for the same stripes in
    # float32 (nor on CUDA, per the page). The comment now says "up to rounding".
    stripes = torch.cos(torch.arange(64, dtype=torch.float32) * 2.6).view(1, 1, 1, 64).expand(1, 1, 64, 64)
    a = ns["resize_with_grid_sample"](stripes, (16, 16), "bilinear", False)
    b = F.interpolate(stripes, size=(16, 16), mode="bilinear")
    assert not torch.equal(a, b)
    torch.testing.assert_close(a, b, rtol=0, atol=1e-5)
    source = (pathlib.Path(__file__).parents[2] / "examples" / "grid_sample.py").read_text(encoding="utf-8")
    assert "grid_sample equals interpolate" not in source


def test_the_shrunk_stripes_are_bit_for_bit_by_chance_of_affine_grids_rounding(ns):
    # Review 64: "bit for bit on the CPU here" held for the cell's float64 64 -> 16, by chance. affine_grid rounds some
    # of its coordinates (all dyadic here, exact in binary) in every case below, which leaves the result alone in some
    # and not in others: the float32 stripes, or the float64 ones shrunk 128 -> 32, part from interpolate in the last
    # bits. The exact coordinates give interpolate's bits in all four.
    theta = torch.eye(2, 3)[None]
    for dtype, n_in, n_out, equal in (
        (torch.float64, 64, 16, True),
        (torch.float32, 64, 16, False),
        (torch.float64, 128, 32, False),
        (torch.float32, 128, 32, True),
    ):
        stripes = torch.cos(torch.arange(n_in, dtype=dtype) * 2.6).view(1, 1, 1, n_in).expand(1, 1, n_in, n_in)
        by_size = F.interpolate(stripes, size=(n_out, n_out), mode="bilinear")
        grid = F.affine_grid(theta.to(dtype), [1, 1, n_out, n_out], align_corners=False)
        exact = (2 * torch.arange(n_out, dtype=dtype) + 1) / n_out - 1
        exact_grid = torch.stack(torch.meshgrid(exact, exact, indexing="xy"), -1)[None]
        sample = lambda g: F.grid_sample(stripes, g, padding_mode="border", align_corners=False)  # noqa: E731
        assert not torch.equal(grid, exact_grid) and torch.equal(sample(grid), by_size) is equal, (dtype, n_in)
        assert torch.equal(sample(exact_grid), by_size), (dtype, n_in)
        torch.testing.assert_close(sample(grid), by_size, rtol=0, atol=1e-5)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "bit for bit on\nthe CPU here;" not in en and "这里在 CPU 上逐位相同；" not in zh
    assert "the float32 stripes, or the float64 ones shrunk 128 → 32, part from `interpolate` in the last bits" in en
    assert "float32 的条纹，或者从 128 缩小到 32 的 float64 条纹，与 `interpolate` 在最后几位上不同" in zh


def test_border_padding_is_equal_only_up_to_rounding_as_the_page_now_says(ns):
    # Review 43: the bold rule read "border makes grid_sample equal interpolate"; "equal" is torch.equal (glossary),
    # and the table's own case, 5x7 -> 9x12 bilinear in float64, is not equal (the identity_grid cell prints the gap).
    x = torch.randn(1, 3, 5, 7, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    a = F.interpolate(x, size=(9, 12), mode="bilinear", align_corners=False)
    b = ns["resize_with_grid_sample"](x, (9, 12), "bilinear", False)
    assert not torch.equal(a, b)
    torch.testing.assert_close(a, b, rtol=0, atol=1e-12)
    docs = pathlib.Path(__file__).parents[2] / "docs"
    assert "makes `grid_sample` equal `interpolate` up to rounding**" in (docs / "grid-sample.md").read_text(
        encoding="utf-8"
    )
    assert "在舍入误差以内相等**" in (docs / "grid-sample.zh.md").read_text(encoding="utf-8")
    # Review 52: the script's docstring, the first cell of the page's notebook, still said it "finds which settings
    # make the two equal".
    docstring = " ".join(
        (pathlib.Path(__file__).parents[2] / "examples" / "grid_sample.py").read_text(encoding="utf-8").split()
    )
    assert "make the two equal" not in docstring and "the two agree up to rounding (not bit for bit)" in docstring


def test_two_to_41_reads_pixel_0_as_a_one_pixel_high_row_not_by_memory_format():
    # Review 43: the page said output 20 of 2 -> 41 (nearest-exact) reads "pixel 0 from the CPU's 4-D channels-last
    # kernel"; a 3-channel channels_last image 100 pixels high reads pixel 1 there (that kernel serves channels_last
    # input only beyond 3 channels), while a one-pixel-high row reads pixel 0 in either memory format.
    code = """
import torch, torch.nn.functional as F
row = torch.arange(2.0).view(1, 1, 1, 2)
def read(c, h, fmt):
    x = row.expand(1, c, h, 2).contiguous(memory_format=fmt)
    return int(F.interpolate(x, size=(h, 41), mode="nearest-exact")[0, 0, 0, 20])
cl, co = torch.channels_last, torch.contiguous_format
print([read(c, 1, f) for c in (1, 3, 4) for f in (cl, co)], read(3, 100, cl))
"""
    # (with ATEN_CPU_CAPABILITY=default the generic kernel reads pixel 0 there too, as the page says of 3-D)
    for capability, tall in (("avx2", "1"), ("default", "0")):
        assert run_python(code, ATEN_CPU_CAPABILITY=capability).split() == ["[0,", "0,", "0,", "0,", "0,", "0]", tall]
    docs = pathlib.Path(__file__).parents[2] / "docs"
    assert "4-D channels-last kernel" not in (docs / "grid-sample.md").read_text(encoding="utf-8")


def test_interpolate_bilinear_reads_the_formula_positions_clamped_into_the_input():
    # Review 43: "(i + 0.5) * in / out - 0.5 ... the positions F.interpolate(size=...) reads" — enlarging, bilinear
    # reads the first and last positions clamped into [0, in - 1] (a ramp 5 -> 8 gives 0 and 4, not -0.19 and 4.19).
    # The page now names bilinear's clamp.
    for n_in, n_out in ((5, 8), (3, 17), (7, 9)):
        ramp = torch.arange(n_in, dtype=torch.float64).view(1, 1, 1, -1)
        position = (torch.arange(n_out, dtype=torch.float64) + 0.5) * n_in / n_out - 0.5
        got = F.interpolate(ramp, size=(1, n_out), mode="bilinear", align_corners=False).view(-1)
        torch.testing.assert_close(got, position.clamp(0, n_in - 1), rtol=0, atol=1e-12)
        assert position[0] < 0 < got[0] + 1e-12 and position[-1] > n_in - 1


def test_grid_sample_reads_2x2x2_voxels_on_5d_input_whatever_the_factor():
    # Review 43: the page said grid_sample samples each output pixel "from the 2×2 (or 4×4) pixels around one point";
    # on 5-D input bilinear reads 2×2×2: a point at the centre of a 2×2×2 block weighs all 8 of its voxels equally.
    x = torch.zeros(1, 1, 4, 4, 4, dtype=torch.float64)
    x[0, 0, 1:3, 1:3, 1:3] = torch.arange(1.0, 9.0, dtype=torch.float64).view(2, 2, 2)
    grid = torch.zeros(1, 1, 1, 1, 3, dtype=torch.float64)  # the centre, between voxels 1 and 2 on every axis
    y = F.grid_sample(x, grid, mode="bilinear", align_corners=False).item()
    assert y == pytest.approx(4.5)  # the mean of all 8 voxels around the point, 2 of each axis
    assert "2×2 (or 4×4)" not in (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(
        encoding="utf-8"
    )
    # Review 70: the page said "2×2×2 on 5-D input", but 5-D nearest reads one voxel: the gradient of an output at a
    # point off every voxel centre reaches 8 voxels with bilinear and 1 with nearest, at every factor of the grid.
    for mode, n_out in itertools.product(("bilinear", "nearest"), (2, 3, 7)):
        x = torch.zeros(1, 1, 5, 5, 5, dtype=torch.float64, requires_grad=True)
        grid = F.affine_grid(torch.eye(3, 4, dtype=torch.float64)[None] * 0.9, (1, 1, n_out, n_out, n_out), False)
        F.grid_sample(x, grid, mode=mode, align_corners=False)[0, 0, 0, 0, 0].backward()
        assert int((x.grad != 0).sum()) == (8 if mode == "bilinear" else 1), (mode, n_out)
    docs = pathlib.Path(__file__).parents[2] / "docs"
    assert "2×2×2 for 5-D `bilinear`)" in (docs / "grid-sample.md").read_text(encoding="utf-8")
    assert "5维的`bilinear`为2×2×2）" in "".join((docs / "grid-sample.zh.md").read_text(encoding="utf-8").split())


def test_zeros_padding_equals_border_where_the_border_pixels_are_zero(ns):
    # Review 44: the page said `zeros` "differs at the borders whenever a position, or a cubic tap that carries
    # weight, falls outside the input" and "differs wherever such a tap carries weight". It reads 0 there, where
    # border reads the border pixel: on an image whose outermost ring is 0 the two agree, though positions leave it.
    resize = ns["resize_with_grid_sample"]
    gen = torch.Generator().manual_seed(0)
    for mode, align_corners, (n_in, n_out) in itertools.product(
        ("bilinear", "bicubic"), (False, True), ((3, 17), (6, 11), (8, 5), (4, 4), (7, 100))
    ):
        x = torch.zeros(1, 2, n_in, n_in + 1, dtype=torch.float64)
        x[..., 1:-1, 1:-1] = torch.randn(1, 2, n_in - 2, n_in - 1, generator=gen, dtype=torch.float64)
        zeros = resize(x, (n_out, n_out + 2), mode, align_corners, "zeros")
        border = resize(x, (n_out, n_out + 2), mode, align_corners, "border")
        torch.testing.assert_close(zeros, border, rtol=0, atol=1e-12)
        if mode == "bilinear" and not align_corners and n_out > n_in:  # positions do leave the input here
            assert _exact_position(0, n_in, n_out) < 0
        # with a nonzero border pixel the same sizes differ (as on the table's random input)
        y = x.clone()
        y[..., 0, :] = 1.0
        if n_out > n_in and not (mode == "bilinear" and align_corners):
            assert not torch.allclose(
                resize(y, (n_out, n_out + 2), mode, align_corners, "zeros"),
                resize(y, (n_out, n_out + 2), mode, align_corners, "border"),
                rtol=0,
                atol=1e-12,
            )
    page = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    assert "differs at the borders** whenever" not in page and "`zeros` differs wherever" not in page
    assert "在边界处不同**" not in (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(
        encoding="utf-8"
    )


def test_the_table_columns_include_axes_that_keep_their_size(ns):
    # Review 44: the shown comment said the table is over pairs "enlarging both axes or shrinking both"; both columns
    # also take pairs where an axis keeps its size (2x3 -> 2x7, and 2x2 -> 2x2 in each). It now says "or keeping".
    seen = {True: set(), False: set()}
    cell = ns["largest_difference"].__globals__
    original = cell["resize_with_grid_sample"]
    for grows in (True, False):

        def record(x, size, *args, grows=grows):
            seen[grows].add((tuple(x.shape[-2:]), tuple(size)))
            return original(x, size, *args)

        cell["resize_with_grid_sample"] = record
        try:
            ns["largest_difference"]("bilinear", False, "border", grows)
        finally:
            cell["resize_with_grid_sample"] = original
    assert ((2, 3), (2, 7)) in seen[True] and ((2, 2), (2, 2)) in seen[True] and ((2, 2), (2, 2)) in seen[False]
    source = (pathlib.Path(__file__).parents[2] / "examples" / "grid_sample.py").read_text(encoding="utf-8")
    assert "enlarging both axes or shrinking both" not in source


def test_shrinking_parts_only_from_antialias_not_from_interpolates_default(ns):
    # Review 44: the intro listed "downsampling" among the places where grid_sample and interpolate part; with
    # interpolate's default (antialias=False) they agree up to rounding when shrinking; only antialias=True parts.
    resize = ns["resize_with_grid_sample"]
    gen = torch.Generator().manual_seed(0)
    for mode, (n_in, n_out) in itertools.product(("bilinear", "bicubic"), ((8, 3), (17, 5), (64, 16), (9, 2))):
        x = torch.randn(1, 2, n_in, n_in, generator=gen, dtype=torch.float64)
        b = resize(x, (n_out, n_out), mode, False)
        torch.testing.assert_close(b, F.interpolate(x, size=(n_out, n_out), mode=mode), rtol=0, atol=1e-12)
        smoothed = F.interpolate(x, size=(n_out, n_out), mode=mode, antialias=True)
        assert not torch.allclose(b, smoothed, rtol=0, atol=1e-3)
    docs = pathlib.Path(__file__).parents[2] / "docs"
    assert "`scale_factor`,\nand downsampling." not in (docs / "grid-sample.md").read_text(encoding="utf-8")
    assert "`scale_factor`\n以及下采样。" not in (docs / "grid-sample.zh.md").read_text(encoding="utf-8")


def test_zh_names_the_quoted_outputs_by_their_zero_based_index_not_as_ordinals():
    # The en page's "output 20", "output 22606", "output 75" are 0-based indices; "第 N 个输出"
    # reads as the N-th output (index N - 1), which is not the tie / near-tie output.
    import re

    zh = (pathlib.Path(__file__).resolve().parents[2] / "docs/grid-sample.zh.md").read_text(encoding="utf-8")
    assert not re.search(r"第 *[0-9][0-9,]* *个输出", zh)
    cases = {20: (2, 41), 22606: (1411, 41642), 75: (86, 86)}
    for index, (n_in, n_out) in cases.items():
        assert f"下标为 {index} 的输出" in zh
        exact = (Fraction(2 * index + 1, 2) * n_in / n_out) - Fraction(1, 2)
        ordinal = (Fraction(2 * index - 1, 2) * n_in / n_out) - Fraction(1, 2)
        # the index quoted is the (near-)tie; the ordinal reading's output is not near one
        assert abs(exact + Fraction(1, 2) - round(exact + Fraction(1, 2))) < Fraction(1, 10**4) or n_in == n_out
        assert abs(ordinal - exact) > Fraction(1, 100) or n_in == n_out


@pytest.mark.parametrize("mode", ["linear", "bilinear", "bicubic", "trilinear"])
def test_size_one_with_align_corners_reads_the_first_pixel_only_for_finite_input(mode):
    # "interpolate without antialias reads the first input pixel": its neighbours keep a weight of 0,
    # so an inf or NaN next to it turns the output into NaN.
    rank = {"linear": 1, "bilinear": 2, "bicubic": 2, "trilinear": 3}[mode]
    for n in (2, 3, 5, 17):
        x = torch.randn(2, 3, *([n] * rank), dtype=torch.float64)
        y = F.interpolate(x, size=(1,) * rank, mode=mode, align_corners=True)
        assert torch.equal(y.flatten(2)[..., 0], x.flatten(2)[..., 0])
        for bad in (float("inf"), float("nan")):
            x_bad = x.clone()
            x_bad[(..., *([0] * (rank - 1)), 1)] = bad  # the first pixel's neighbour along the last axis
            assert torch.isnan(F.interpolate(x_bad, size=(1,) * rank, mode=mode, align_corners=True)).all()
    # Review 59: an inf in the first pixel itself gives NaN too where a tap weighed 0 lands on it: bicubic's tap at -1,
    # clamped onto it, and the linear kernels along an input axis of one pixel (added to itself with weight 0).
    # Review 60: that last one is CUDA's too (h1p = 0 in upsample_bilinear2d_out_frame, t1p in trilinear's); what CUDA
    # does differently is a single-pixel input, already the output's size, which each of its kernels copies.
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    for shape, device in itertools.product(itertools.product((1, 2, 3), repeat=rank), devices):
        x = torch.randn(2, 3, *shape, dtype=torch.float64, device=device)
        x[(..., *([0] * rank))] = float("inf")
        y = F.interpolate(x, size=(1,) * rank, mode=mode, align_corners=True)
        copied = device == "cuda" and set(shape) == {1}
        nan = (mode == "bicubic" or 1 in shape) and not copied
        assert torch.isnan(y).all() if nan else torch.isposinf(y).all(), (mode, shape, device)
    if mode == "bicubic":
        en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
        zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
        assert "on the CPU\n`bilinear` adds the pixel to itself" not in en and "而在 CPU 上，`bilinear`" not in zh
        assert "pixel to itself with weight 0, on the CPU and on CUDA." in en and "CPU 和 CUDA 上都是如此" in zh
        assert "On CUDA, an input of a single pixel, already the output's size, is copied" in en
        assert "在 CUDA 上，只有一个像素的输入本来就是输出的尺寸，会被直接复制" in zh


def _reads_past_the_row(dtype, n, padding_mode):
    # A view of rows n + 1 long whose extra element is 1000: a read one pixel past the input finds it.
    base = torch.ones(1, 1, 2, n + 1, dtype=dtype)
    base[..., n] = 1000
    grid = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 2, 2 * n), align_corners=False).to(dtype)
    out = F.grid_sample(base[..., :n], grid, "bilinear", padding_mode, align_corners=False)
    return out.max().item() == 1000


def test_border_and_reflection_read_past_the_input_in_bfloat16_and_float16_on_long_axes():
    # Review 48: the page said `border` clamps every position into the input and makes grid_sample equal interpolate
    # up to rounding, for any dtype. clip_coordinates (GridSampler.h) clamps to static_cast<scalar_t>(size - 1): in
    # bfloat16 259 rounds to 260, so a 260-pixel row read with border or reflection reads the element after it. The page
    # now states its rules for float32 and float64 and names the half-precision limits (256 and 2048 pixels).
    for padding_mode in ("border", "reflection"):
        for dtype in (torch.float32, torch.float64):
            assert not any(_reads_past_the_row(dtype, n, padding_mode) for n in (260, 3000)), (dtype, padding_mode)
        assert _reads_past_the_row(torch.bfloat16, 260, padding_mode), padding_mode
        assert _reads_past_the_row(torch.float16, 3000, padding_mode), padding_mode
        assert not any(_reads_past_the_row(torch.bfloat16, n, padding_mode) for n in range(2, 257)), padding_mode
        assert not any(_reads_past_the_row(torch.float16, n, padding_mode) for n in (1999, 2047, 2048)), padding_mode
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "up to rounding** for `bilinear` and\n  `bicubic`, in float32 and float64," in en
    assert "在舍入误差以内相等**：`bilinear` 和 `bicubic`、float32 和 float64、" in zh
    assert "The rules above are for float32 and float64 input, in float32 on axes of up to 2^24" in en
    assert "以上规律针对 float32 和 float64 输入，float32 限于不超过 2^24" in zh
    assert "up to rounding (for `bilinear` and `bicubic`, in float32 and float64;" in en
    assert "`bilinear` 和 `bicubic` 在 float32 和 float64 下只差舍入" in zh
    assert "In bfloat16 and float16 on the CPU, on axes longer than 256 and 2048 pixels" in en
    assert "在 CPU 上，bfloat16 和 float16 下轴长分别超过 256 和 2048 像素时" in zh


def _markers_read_past_the_row(dtype, n, rank):
    # Rows of n pixels of 0 followed in memory by markers 1, 2, ... (k = k elements past the row): the largest output
    # is how far past the input border padding read; 0 means it read nothing past it.
    base = torch.zeros(*[1] * (rank - 1), n + 8)
    base[..., n:] = torch.arange(1.0, 9.0)
    x = base.to(dtype)[..., :n]
    theta = torch.eye(rank - 2, rank - 1)[None]
    grid = F.affine_grid(theta, (1, 1, *[1] * (rank - 4), 2, 2 * n), align_corners=False).to(dtype)
    return F.grid_sample(x, grid, "bilinear", "border", align_corners=False).float().max().item()


def test_half_precision_border_clamp_can_land_several_pixels_past_and_only_4d_reads_there():
    # Review 49: the page said the clamped position "can round to one pixel past the input, and grid_sample then reads
    # the memory after it". In bfloat16 the spacing of whole numbers grows with them: a 1030-pixel row clamps 1029 to
    # 1032 and reads three elements past it, 2060 five; the 5-D kernel checks its bounds and reads no memory past.
    assert _markers_read_past_the_row(torch.bfloat16, 260, 4) == 1
    assert _markers_read_past_the_row(torch.bfloat16, 1030, 4) == 3
    assert _markers_read_past_the_row(torch.float16, 4103, 4) == 2
    assert _markers_read_past_the_row(torch.bfloat16, 1030, 5) == 0
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "one\npixel past the input" not in en and "on 4-D input `grid_sample` then reads the memory after it" in en
    assert "输入之外一个像素处" not in zh and "对 4 维输入，`grid_sample` 随之读取输入之后的内存" in zh
    assert "`border` can read past the input" not in en and "`border` 可能读到输入之外" not in zh
    # The 4-D kernel clamps in its own ComputeLocationBase::clip_coordinates (and skips the bounds mask for border and
    # reflection, hence the read past); GridSampler.h's clip_coordinates serves the 5-D kernel, which checks bounds.
    assert "[cpu/GridSamplerKernel.cpp](https://github.com/pytorch/pytorch/blob/main/aten/src/ATen/native/cpu/" in en
    assert "4 维输入在 [cpu/GridSamplerKernel.cpp]" in zh


@pytest.mark.parametrize("align_corners", [False, True])
def test_five_d_bilinear_equals_trilinear_only_in_float32_and_float64_on_long_axes(align_corners):
    # Review 49: "on 5-D input bilinear equals trilinear up to rounding" was stated for every dtype. The 5-D CPU kernel
    # computes its weights in the input's dtype: in bfloat16 on a 300-pixel axis (float16: 3000) an all-ones volume
    # comes out 0 and 2 in places, while float32 gives 1 everywhere.
    def ones_through_grid_sample(dtype, n):
        x = torch.ones(1, 1, 2, 2, n, dtype=dtype)
        grid = F.affine_grid(torch.eye(3, 4)[None], (1, 1, 2, 2, 3 * n // 2), align_corners=align_corners)
        return F.grid_sample(x, grid.to(dtype), "bilinear", "border", align_corners=align_corners).float()

    assert ones_through_grid_sample(torch.float32, 3000).eq(1).all()
    assert ones_through_grid_sample(torch.bfloat16, 200).eq(1).all()
    for dtype, n in ((torch.bfloat16, 300), (torch.float16, 3000)):
        out = ones_through_grid_sample(dtype, n)
        assert out.min().item() == 0 and out.max().item() == 2, dtype
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert (
        'three dimensions: with `padding_mode="border"`, in float32 and float64 it equals `trilinear` up to rounding'
        in en
    )
    assert '用 `padding_mode="border"` 时，在 float32 和 float64 下，它在舍入误差内等于 `trilinear`' in zh


def test_float16_grid_nearest_parts_from_nearest_exact_half_a_pixel_from_a_tie_on_longer_axes():
    # Review 49: the summary said grid_sample's nearest is nearest-exact except at and near ties "in bfloat16 and
    # float16 on short ones", only bfloat16 "anywhere". In float16, 684 pixels kept at their size (whole positions,
    # half a pixel from any tie) read pixel 556 at output 555; the summary now points to the paragraph that says so.
    n = 684
    line = (torch.arange(n) % 256).to(torch.float16).view(1, 1, 1, -1)  # values up to 255: exact in float16
    grid = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 1, n), align_corners=False).to(torch.float16)
    out = F.grid_sample(line, grid, "nearest", "border", align_corners=False)[0, 0, 0]
    assert (
        out[555].item() == 556 % 256
        and F.interpolate(line, size=(1, n), mode="nearest-exact")[0, 0, 0, 555] == 555 % 256
    )
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "684 pixels kept at their size read pixel 556 at output 555" in en
    assert "684 像素保持原尺寸时下标为 555 的输出读到像素 556" in zh
    assert (
        "bfloat16 and float16 on short ones, near them" not in en and "bfloat16 和 float16 短轴上离正中很近" not in zh
    )


def test_the_1e_12_gap_is_float64s_not_float32s(ns):
    # Review 49: the border bullet said "in float32 and float64 ... (to 1e-12 on values of order 1 ...)"; in float32
    # the same normal random images on the table's sizes part by far more (about 1e-7 to 1e-6).
    resize = ns["resize_with_grid_sample"]
    gen = torch.Generator().manual_seed(0)
    gaps = {}
    for dtype in (torch.float32, torch.float64):
        x = torch.randn(1, 2, 5, 7, generator=gen, dtype=torch.float64).to(dtype)
        gaps[dtype] = max(
            (resize(x, size, mode, False) - F.interpolate(x, size=size, mode=mode)).abs().max().item()
            for mode in ("bilinear", "bicubic")
            for size in ((9, 12), (3, 4))
        )
    assert gaps[torch.float64] < 1e-12 < 1e-9 < gaps[torch.float32], gaps
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "enlarging and shrinking (in float64, to 1e-12 on values of order 1," in en
    assert "放大和缩小都成立（float64 下，对量级为 1 的数值，" in zh


def test_affine_grid_cannot_build_the_grid_for_an_empty_batch_but_one_image_expanded_serves(ns):
    # Review 51: "Give it the identity transform of F.affine_grid on a new output size and it resizes" held for
    # every batch the tests used, none empty: affine_grid raises on a size with a 0 in it (N = 0 here), while
    # interpolate, and grid_sample given a grid, return an empty batch.
    # Review 64: the page then said "this grid cannot be built for an empty batch" and the summary "avoid an empty
    # batch". affine_grid cannot build it, but the identity grid is the same for every image and every channel: built
    # for one image with one channel and expanded to the batch, 0 included, it resizes an empty batch as interpolate
    # does, and an input with no channels, which interpolate's modes compared on the page reject (their shape check allows
    # an empty batch only; area, not compared, takes it).
    resize, identity_grid = ns["resize_with_grid_sample"], ns["identity_grid"]
    for shape, size, mode in (((0, 2, 3, 4), (5, 6), "bilinear"), ((0, 2, 3, 4, 2), (5, 6, 3), "trilinear")):
        x = torch.randn(shape, dtype=torch.float64)
        assert F.interpolate(x, size=size, mode=mode).shape == (0, 2, *size)
        theta = torch.eye(len(size), len(size) + 1, dtype=x.dtype)[None].expand(0, -1, -1)
        with pytest.raises(ValueError, match="positive output size"):
            F.affine_grid(theta, [0, 2, *size], align_corners=False)
        for align in (False, True):
            # Review r105-8: the example's identity_grid, documented as "the grid that makes grid_sample resize x
            # (N, C, *spatial)", built it for x's batch and channels and raised on an empty batch and on no
            # channels; it now builds it for one image with one channel and expands it, as the page advises.
            assert resize(x, size, "bilinear", align).shape == (0, 2, *size)
            one = identity_grid(torch.zeros(1, 1, *shape[2:], dtype=x.dtype), size, align)
            assert F.grid_sample(x, one.expand(0, *one.shape[1:]), align_corners=align).shape == (0, 2, *size)
            for grid_mode in ("bilinear", "nearest", "bicubic")[: 3 if len(size) == 2 else 2]:
                for n in (1, 3):
                    no_channels = torch.zeros(n, 0, *shape[2:], dtype=x.dtype)
                    for compared in (mode, "nearest", "nearest-exact", *(("bicubic",) if len(size) == 2 else ())):
                        with pytest.raises(RuntimeError, match="Non-empty"):
                            F.interpolate(no_channels, size=size, mode=compared)
                    assert resize(no_channels, size, grid_mode, align).shape == (n, 0, *size)
                    out = F.grid_sample(no_channels, one.expand(n, *one.shape[1:]), grid_mode, align_corners=align)
                    assert out.shape == (n, 0, *size)
                    # ...and the expanded grid is the identity grid of a full batch, so it resizes like interpolate.
                    full = torch.randn(n, 2, *shape[2:], dtype=x.dtype)
                    if grid_mode == "bilinear" and 1 not in size:
                        expected = F.interpolate(full, size=size, mode=mode, align_corners=align)
                        got = F.grid_sample(
                            full, one.expand(n, *one.shape[1:]), padding_mode="border", align_corners=align
                        )
                        torch.testing.assert_close(got, expected, rtol=0, atol=1e-12)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "cannot be built for\nan empty batch" not in en and "空批次无法构造这个网格" not in zh
    assert "Avoid an empty batch" not in en and "避免空批次" not in zh
    assert "`grid.expand(n, *grid.shape[1:])`, `n` = 0 included" in en
    assert "`grid.expand(n, *grid.shape[1:])`，`n` 可以为 0" in zh


def test_identity_grid_docstring_promises_the_grid_not_interpolate_s_result(ns):
    # Review r106-8: the shown identity_grid said it was "the grid that makes grid_sample resize x (N, C, *spatial) to
    # `size`, like interpolate(size=...)": affine_grid takes no 3-D x (one spatial axis), and the page limits the
    # likeness (border padding, not nearest, not an output of size 1 with align_corners=True), which the docstring did
    # not. It now says what the function builds, for the two shapes it takes.
    resize, identity_grid = ns["resize_with_grid_sample"], ns["identity_grid"]
    with pytest.raises(NotImplementedError, match="only supports 4D and 5D sizes"):
        identity_grid(torch.zeros(1, 1, 8, dtype=torch.float64), (4,), False)
    line = torch.arange(3, dtype=torch.float64).view(1, 1, 1, 3)
    assert resize(line, (1, 2), "nearest", False).view(-1).tolist() == [0.0, 2.0]
    assert F.interpolate(line, size=(1, 2), mode="nearest").view(-1).tolist() == [0.0, 1.0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert resize(line, (1, 1), "bilinear", True).item() == 1.0
    assert F.interpolate(line, size=(1, 1), mode="bilinear", align_corners=True).item() == 0.0
    doc = identity_grid.__doc__
    assert "like interpolate" not in doc and "*spatial" not in doc
    assert doc.startswith("affine_grid's identity grid on `size`, in x's dtype.")


def test_identity_grid_does_not_take_every_4d_or_5d_x_half_precision_with_an_axis_of_1_raises(ns):
    # Review r107-8: the docstring then said "for x of shape (N, C, H, W) or (N, C, D, H, W)"; on the CPU float16 and
    # bfloat16 x of those shapes raise wherever an output axis has size 1 (affine_grid builds that axis with
    # at::tensor, which has no such dtypes; the page's near_tie cell makes those grids in float32). It now says only
    # what it builds, in x's dtype; float32 and float64 take every such size.
    identity_grid = ns["identity_grid"]
    for dims, dtype, align_corners in itertools.product(
        (2, 3), (torch.float16, torch.bfloat16, torch.float32, torch.float64), (False, True)
    ):
        x = torch.zeros(2, 3, *[4] * dims, dtype=dtype)
        for size in itertools.product((1, 3), repeat=dims):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                if 1 in size and dtype in (torch.float16, torch.bfloat16):
                    with pytest.raises(NotImplementedError, match="not implemented for"):
                        identity_grid(x, size, align_corners)
                    continue
                grid = identity_grid(x, size, align_corners)
                theta = torch.eye(dims, dims + 1, dtype=torch.float64).expand(2, -1, -1)
                expected = F.affine_grid(theta, [2, 3, *size], align_corners=align_corners)
            assert grid.dtype == dtype and grid.shape == expected.shape
            torch.testing.assert_close(grid.double(), expected, rtol=0, atol=torch.finfo(dtype).eps)
    doc = identity_grid.__doc__
    assert "for x of shape" not in doc and doc.startswith("affine_grid's identity grid on `size`, in x's dtype.")


def test_affine_grid_skips_its_zero_size_check_where_align_corners_and_an_output_axis_of_1():
    # Review 103: the page said "affine_grid rejects a size with a 0 in it, in the batch and the channels too" and
    # the summary "(affine_grid rejects a 0 in the size)". Its Python check is the else branch of the unit-size
    # warning: with align_corners=True and a smallest output axis of 1 it warns and builds the grid, 0s or not.
    for size in ([0, 1, 1, 4], [0, 3, 4, 1], [1, 0, 1, 4], [2, 0, 1, 1], [0, 1, 1, 1, 3], [1, 0, 2, 1, 3]):
        theta = torch.zeros(size[0], len(size) - 2, len(size) - 1, dtype=torch.float64)
        with pytest.warns(UserWarning, match="unit-size grids"):
            grid = F.affine_grid(theta, size, align_corners=True)
        assert grid.shape == (size[0], *size[2:], len(size) - 2)
        with pytest.raises(ValueError, match="positive output size"):
            F.affine_grid(theta, size, align_corners=False)
    # A 0 in the output axes makes the smallest axis 0, not 1: rejected either way.
    for size in ([1, 1, 1, 0], [0, 1, 0, 1], [1, 1, 1, 1, 0]):
        theta = torch.zeros(size[0], len(size) - 2, len(size) - 1, dtype=torch.float64)
        for align in (False, True):
            with pytest.raises(ValueError, match="positive output size"):
                F.affine_grid(theta, size, align_corners=align)
    # ...and with align_corners=True and no output axis of 1, a 0 in the batch or channels is rejected.
    for size in ([0, 1, 2, 4], [1, 0, 3, 3], [0, 1, 2, 2, 2]):
        theta = torch.zeros(size[0], len(size) - 2, len(size) - 1, dtype=torch.float64)
        with pytest.raises(ValueError, match="positive output size"):
            F.affine_grid(theta, size, align_corners=True)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "rejects a 0 in the size" not in en and "（`affine_grid` 不接受含 0 的尺寸）" not in zh
    assert "(except, with `align_corners=True`, where its smallest output axis has size 1: it warns instead)" in en
    assert "（`align_corners=True` 且最小的输出轴长度为 1 时例外：此时它只发出警告）" in zh


_NON_FINITE_ROW = """
import warnings, torch, torch.nn.functional as F
warnings.simplefilter("ignore")
row = torch.tensor([1.0, float("inf"), 3.0, 4.0, 5.0], dtype=torch.float64).view(1, 1, 1, 5)
grid = F.affine_grid(torch.eye(2, 3, dtype=torch.float64)[None], (1, 1, 1, 5), align_corners=False)
by_grid = F.grid_sample(row, grid, mode="bilinear", padding_mode="border", align_corners=False)
print(F.interpolate(row, size=(1, 5), mode="bilinear").isnan().flatten().tolist(), by_grid.isnan().flatten().tolist())
print(by_grid.flatten()[1].item())
"""


def test_border_parts_from_interpolate_on_input_that_is_not_finite(ns):
    # Review 53: "border makes grid_sample equal interpolate up to rounding" was stated for any float32 and float64 input;
    # an inf or NaN pixel reaches different output pixels in the two, with bilinear on almost every size pair. The
    # page's row: interpolate gives NaN at the inf pixel only, grid_sample at pixel 0 too (whatever the CPU code).
    resize = ns["resize_with_grid_sample"]
    gen = torch.Generator().manual_seed(53)
    for align_corners, bad in itertools.product((False, True), (float("inf"), float("nan"))):
        parted, pairs = 0, 0
        for n_in, n_out in itertools.product(range(2, 9), (2, 3, 4, 5, 7, 8, 9, 12, 17)):
            x = torch.randn(1, 1, 3, n_in, generator=gen, dtype=torch.float64)
            x[..., 1, n_in // 2] = bad
            a = F.interpolate(x, size=(3, n_out), mode="bilinear", align_corners=align_corners)
            b = resize(x, (3, n_out), "bilinear", align_corners)
            pairs += 1
            parted += not (torch.equal(a.isnan(), b.isnan()) and torch.equal(a.isinf(), b.isinf()))
        assert parted > 0.9 * pairs, (align_corners, bad, parted, pairs)
    # on 5-D input trilinear and grid_sample's bilinear part the same way
    parted = 0
    for n_in, n_out in itertools.product(range(2, 9), (2, 3, 5, 7, 12)):
        x = torch.randn(1, 1, 2, 3, n_in, generator=gen, dtype=torch.float64)
        x[..., 1, 1, n_in // 2] = float("inf")
        a = F.interpolate(x, size=(3, 4, n_out), mode="trilinear", align_corners=True)
        b = resize(x, (3, 4, n_out), "bilinear", True)
        parted += not (torch.equal(a.isnan(), b.isnan()) and torch.equal(a.isinf(), b.isinf()))
    assert parted > 20, parted
    expected = "[False, True, False, False, False] [True,"
    for capability in ("avx2", "default"):
        printed = run_python(_NON_FINITE_ROW, ATEN_CPU_CAPABILITY=capability)
        nan_rows, at_pixel_1 = printed.strip().splitlines()
        assert nan_rows.startswith(expected) and nan_rows.endswith("False, False, False]"), (capability, printed)
        # Review 59: "grid_sample NaN at pixel 0 as well" read as NaN at pixels 0 and 1; at pixel 1 it keeps the inf.
        assert at_pixel_1 == "inf", (capability, printed)
    # Review 60: the row is kept at its size, which CUDA's bilinear kernel copies (upsample_bilinear2d_out_cuda_template
    # returns input.sizes() == output.sizes() as a copy), so the NaN at pixel 1 is the CPU's only.
    if torch.cuda.is_available():
        row = torch.tensor([1.0, float("inf"), 3.0, 4.0, 5.0], dtype=torch.float64, device="cuda").view(1, 1, 1, 5)
        assert torch.equal(F.interpolate(row, size=(1, 5), mode="bilinear"), row)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert (
        "`interpolate` gives NaN at\n  pixel 1 and nowhere else on the CPU, and none on CUDA, which copies the row;"
        " `grid_sample` gives NaN at pixel 0 and `inf` at\n  pixel 1)" in en
    )
    assert "`interpolate` 在 CPU 上只在像素 1 得到 NaN，在 CUDA 上直接复制这一行，不得到 NaN；" in zh
    assert "`grid_sample` 则在像素 0 得到 NaN、在像素 1 得到 `inf`" in zh
    assert "NaN at pixel 0 as well" not in en and "在像素 0 也得到 NaN" not in zh
    assert "near the largest float; for finite input):" in en and "仅限有限值输入）" in zh
    assert "`trilinear` up to rounding on finite input" in en and "`trilinear`（限有限值输入；" in zh


_TIES_BY_GRID_SAMPLE = """
import itertools, torch, torch.nn.functional as F
from fractions import Fraction
torch.set_num_threads(1)
even = odd = 0
for n_in, n_out in itertools.product(range(1, 41), repeat=2):
    line = torch.arange(n_in, dtype=torch.float64).view(1, 1, 1, -1)
    grid = F.affine_grid(torch.eye(2, 3, dtype=torch.float64)[None], (1, 1, 1, n_out), align_corners=False)
    got = F.grid_sample(line, grid, mode="nearest", padding_mode="border", align_corners=False).view(-1).int().tolist()
    for i, g in enumerate(got):
        position = Fraction(2 * i + 1, 2) * Fraction(n_in, n_out) - Fraction(1, 2)
        if position.denominator == 2 and 0 < position < n_in - 1:
            even, odd = even + (g % 2 == 0), odd + (g % 2 == 1)
print(even, odd)
"""


def test_the_tie_counts_are_those_of_the_avx2_and_avx512_code_not_the_default_one(ns):
    # Review 53: the ties table was said to hold "in float64 on the CPU"; the 4-D kernel's AVX2 and AVX-512 code give
    # its counts, while with ATEN_CPU_CAPABILITY=default a few of grid_sample's ties round the other way.
    t = ns["ties"]
    shown = [t["grid_sample nearest, to the even pixel"], t["grid_sample nearest, to the odd pixel"]]
    counts = {
        c: [int(v) for v in run_python(_TIES_BY_GRID_SAMPLE, ATEN_CPU_CAPABILITY=c).split()]
        for c in ("avx2", "default")
    }
    # Review r122-8: the example's own counts are those of the capability the tests run under.
    here = "default" if torch.backends.cpu.get_cpu_capability() == "DEFAULT" else "avx2"
    assert counts[here] == shown and sum(counts["default"]) == sum(counts["avx2"])
    assert 0 < abs(counts["default"][0] - counts["avx2"][0]) < 10, counts
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "`ATEN_CPU_CAPABILITY=default`, a few of `grid_sample`'s ties round the other way" in en
    assert "`grid_sample` 有少数几个正中位置会取整到另一边" in zh


_NON_FINITE_GRID_POINT = """
import itertools, torch, torch.nn.functional as F
torch.set_num_threads(1)
x = torch.arange(1.0, 17.0, dtype=torch.float64).view(1, 1, 4, 4)
seen = []
for dim, mode, bad, dtype, align, one in itertools.product(
    (4, 5), ("bilinear", "nearest", "bicubic"), (float("nan"), float("inf"), -float("inf")),
    (torch.float32, torch.float64, torch.float16, torch.bfloat16), (False, True), (False, True),
):
    if dim == 5 and mode == "bicubic":
        continue
    image = (x if dim == 4 else x.view(1, 1, 1, 4, 4).expand(1, 1, 3, 4, 4)).to(dtype)
    image = image.narrow(-1, 0, 1) if one else image
    grid = torch.full((1,) * (dim - 2) + (37, dim - 2), 0.3, dtype=dtype)
    grid[..., 18, 0] = bad
    seen.append(F.grid_sample(image, grid, mode=mode, align_corners=align).reshape(-1)[18].item())
print(repr(seen))
"""


def test_a_grid_point_at_inf_or_nan_reads_nan_not_0_on_4d_bilinear_zeros_and_bicubic():
    # Review 53: "zeros reads 0 outside the input, where border reads the border pixel" held at finite positions; a grid
    # point at +-inf or NaN gives NaN on 4-D input with bilinear and zeros, and with bicubic whatever the padding.
    # nearest, and 5-D input, read 0 (zeros) and the border pixel (border) there, as at a coordinate of +-1.
    # Review 66: that swept float32 and float64 only. In float16 and bfloat16 zeros reads the first pixel along the
    # axis with 4-D nearest, and in bfloat16 at NaN with 5-D nearest, where 5-D bilinear gives NaN. Swept with both
    # align_corners, and in the middle of a 37-point grid as well as alone (the 4-D kernel's vectorised loop).
    # Review 67: with align_corners=True on an axis of size 1, (g + 1)/2 * (size - 1) turns +-inf into NaN, so there
    # bfloat16 5-D zeros read the first pixel (nearest) or NaN (bilinear) at +-inf too, not 0: swept with that side 1 too.
    x = torch.arange(1.0, 17.0, dtype=torch.float64).view(1, 1, 4, 4)
    for dim, mode, padding, bad, axis, dtype, align, points, one in itertools.product(
        (4, 5),
        ("bilinear", "nearest", "bicubic"),
        ("zeros", "border", "reflection"),
        (float("nan"), float("inf"), -float("inf")),
        range(3),
        (torch.float32, torch.float64, torch.float16, torch.bfloat16),
        (False, True),
        (1, 37),
        (False, True),
    ):
        if (dim == 5 and mode == "bicubic") or axis >= dim - 2:
            continue
        if padding == "reflection" and not (dim == 4 and mode == "bicubic"):  # the page says nothing of the others
            continue
        image = (x if dim == 4 else x.view(1, 1, 1, 4, 4).expand(1, 1, 3, 4, 4)).to(dtype)
        image = image.narrow(-1 - axis, 0, 1) if one else image  # one pixel along the axis
        grid = torch.full((1,) * (dim - 2) + (points, dim - 2), 0.3, dtype=dtype)

        def read(value, grid=grid, axis=axis, image=image, mode=mode, padding=padding, align=align, points=points):
            g = grid.clone()
            g[..., points // 2, axis] = value
            out = F.grid_sample(image, g, mode=mode, padding_mode=padding, align_corners=align)
            return out.reshape(-1)[points // 2].item()

        got = read(bad)
        first = read(-1.0 if align else 1 / image.shape[-1 - axis] - 1)  # the centre of pixel 0 along the axis
        half = dtype in (torch.float16, torch.bfloat16)
        nan = bad != bad or (align and one)
        nan_bfloat16_5d = dim == 5 and nan and dtype == torch.bfloat16
        half_first = mode == "nearest" and ((dim == 4 and half) or nan_bfloat16_5d)
        if dim == 4 and mode != "nearest" and (padding == "zeros" or mode == "bicubic"):
            assert got != got, (dim, mode, padding, bad, axis, dtype, one)
        elif padding == "zeros" and mode == "bilinear" and nan_bfloat16_5d:
            assert got != got, (dim, mode, padding, bad, axis, dtype, one)
        elif padding == "zeros" and half_first:
            assert got == first != 0, (dim, mode, padding, bad, axis, dtype, align, one)
        elif padding == "zeros":
            assert got == 0, (dim, mode, padding, bad, axis, dtype, one)
        else:
            assert got in (read(-1.0), read(1.0)), (dim, mode, padding, bad, axis, dtype, one)
    if torch.cuda.is_available():  # the page's CUDA sentence, from GridSampler.cu: +-inf casts past the input, NaN to 0
        # align_corners=False: with True, 4-D bilinear with zeros goes to cuDNN (grid_sampler in GridSampler.cpp).
        for dim, mode, bad in itertools.product(
            (4, 5), ("bilinear", "nearest"), (float("nan"), float("inf"), -float("inf"))
        ):
            image = (x if dim == 4 else x.view(1, 1, 1, 4, 4).expand(1, 1, 3, 4, 4)).float().cuda()
            g = torch.full((1,) * (dim - 1) + (dim - 2,), 0.3, device="cuda")
            g[..., 0] = bad
            got = F.grid_sample(image, g, mode=mode, padding_mode="zeros", align_corners=False).item()
            g[..., 0] = 1 / image.shape[-1] - 1  # the centre of pixel 0 along the width
            first = F.grid_sample(image, g, mode=mode, padding_mode="zeros", align_corners=False).item()
            if bad != bad:
                assert (got != got) if mode == "bilinear" else got == first != 0, (dim, mode)
            else:
                assert got == 0, (dim, mode, bad)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    # Review 63: the caveat stood as a parenthesis inside the rule's first sentence and named the cases that give NaN
    # and "nearest, and 5-D input", not 4-D bilinear with border (a border pixel, as tested above); it now closes the
    # bullet and names every case.
    en, zh = " ".join(en.split()), "".join(zh.split())
    assert "where `border` reads the border pixel: at the borders, wherever a position" in en
    assert (
        "All of this is for finite grid points. At a grid point of ±`inf` or NaN, on an x86 CPU, with an input and a grid"
        " that each span fewer than 2^15 elements in memory, 4-D input gives NaN with `bilinear` and `zeros`, and with"
        " `bicubic` whatever the padding; everywhere else (4-D `bilinear` with"
        " `border`, `nearest`, 5-D input) `border` reads a border pixel there, and `zeros` reads 0 in float32 and"
        " float64. With such an input and grid, in float16 and bfloat16 `zeros` does not always: 4-D `nearest` reads"
        " the first pixel along that"
        " axis, and at NaN in bfloat16 5-D `nearest` does too, while 5-D `bilinear` gives NaN." in en
    )
    assert "`zeros` reads 0 there and `border` a border pixel" not in en
    assert (
        "With `align_corners=True` on an axis of size 1 the position (*g* + 1)/2·(`size` − 1) of ±`inf` is ∞·0 = NaN, so"
        " ±`inf` there reads exactly what NaN reads: in bfloat16 5-D `nearest` then reads the first pixel and 5-D"
        " `bilinear` gives NaN at ±`inf` too, not 0." in en
    )
    assert "cast to an index takes ±`inf` past the input and NaN to 0, so with `zeros` `bilinear` reads 0 at" in en
    # Review 69: cond_cudnn_grid_sampler (GridSamplerUtils.h) sends only float32, float64 and float16 input of up to
    # 1024 channels to cuDNN, with cuDNN enabled: "cuDNN samples" named bfloat16 and wider input too.
    assert (
        "(with `align_corners=False`: with `True` cuDNN may sample 4-D `bilinear` with `zeros`, not checked here)" in en
    )
    assert "而`border`读的是边界像素：这发生在边界处" in zh
    assert (
        "以上都针对有限的网格点。网格点为±`inf`或NaN时，在x86CPU上，输入和网格在内存中的跨度都不到2^15个元素时，4维输入用`bilinear`加`zeros`得到NaN，用`bicubic`则不论哪种填充方式都得到NaN；"
        "其余情形（4维的`bilinear`加`border`、`nearest`、5维输入）在那里用`border`读到某个边界像素，用`zeros`则在float32和float64下读到0。"
        "在这样的输入和网格上，float16和bfloat16下`zeros`不一定读到0：4维的`nearest`读到沿该轴的第一个像素；bfloat16下网格点为NaN时，5维的`nearest`也是如此，"
        "5维的`bilinear`则得到NaN。" in zh
    )
    assert "（限`align_corners=False`：设为`True`时，4维的`bilinear`加`zeros`可能由cuDNN采样，这里没有验证）" in zh
    # The page says "on an x86 CPU": the 4-D kernel's vectorised code is chosen by CPU capability, so AVX2 and the
    # scalar default must read what this machine reads at every such point.
    with contextlib.redirect_stdout(io.StringIO()) as printed:
        exec(_NON_FINITE_GRID_POINT, {})
    here = printed.getvalue()
    for capability in ("avx2", "default"):
        assert run_python(_NON_FINITE_GRID_POINT, ATEN_CPU_CAPABILITY=capability) == here, capability
    assert "在float32和float64下读到0" in zh and "NaN变成0" in zh
    assert (
        "`align_corners=True`时，在尺寸为1的轴上，±`inf`对应的位置(*g*+1)/2·(`size`−1)是∞·0=NaN，所以那里±`inf`读到的与NaN完全相同："
        "bfloat16下5维的`nearest`在±`inf`处也读到第一个像素，5维的`bilinear`也得到NaN，而不是0。" in zh
    )


def test_a_non_finite_grid_point_reads_0_on_4d_float32_bilinear_zeros_where_the_cpu_falls_back(tmp_path):
    # Review 69: "4-D input gives NaN with bilinear and zeros" at +-inf or NaN held for the vectorised kernel only.
    # grid_sampler_2d_cpu (GridSampler.cpp) hands float32 input to _grid_sampler_2d_cpu_fallback when an offset it would
    # gather passes 2^31 - 1 elements: (H - 1)*sH + (W - 1)*sW of the input, or 7 grid-row strides. That scalar code
    # reads 0 there, as on 5-D input; bicubic still gives NaN. A grid one point wide and a sparse file keep it cheap.
    # Review 70: the page blamed "strides so large"; a contiguous 46341 x 46341 plane, strides 46341 and 1, falls back
    # too, and one row shorter does not; grid rows that far apart, with points close along each row, do not.
    def sample(image, grid, mode, padding, align):
        return F.grid_sample(image, grid, mode=mode, padding_mode=padding, align_corners=align)[..., -1, -1].item()

    def grid_of(bad, dtype, row_stride=2):
        return torch.tensor([bad, 0.3], dtype=dtype).as_strided((1, 1, 1, 2), (2, 2, row_stride, 1))

    (tmp_path / "plane").write_bytes(b"")
    with open(tmp_path / "plane", "r+b") as f:
        f.truncate(46341**2 * 4)
    store = torch.from_file(str(tmp_path / "plane"), shared=True, size=46341**2, dtype=torch.float32)
    store[30110 * 46341 : 30135 * 46341] = 5.0  # the rows a y of 0.3 reads in both planes: no pixel there is 0
    for (dtype, where, stride), mode, padding, bad, align in itertools.product(
        (
            (torch.float32, "grid", 306_783_378),
            (torch.float32, "grid", 306_783_379),
            (torch.float32, "input", 2**31 - 2),
            (torch.float32, "input", 2**31 - 1),
            (torch.float32, "plane", 46340),
            (torch.float32, "plane", 46341),
            (torch.float32, "rows", 2**31 - 2),
            (torch.float64, "grid", 2**31),
            (torch.float16, "grid", 2**31),
            (torch.bfloat16, "grid", 2**31),
        ),
        ("bilinear", "bicubic"),
        ("zeros", "border"),
        (float("nan"), float("inf"), -float("inf")),
        (False, True),
    ):
        if where == "rows":
            image = torch.tensor([[1.0, 2.0], [3.0, 4.0]]).view(1, 1, 2, 2)
            grid = store.as_strided((1, 2, 1, 2), (4, stride, 2, 1))
            grid[0, :, 0] = torch.tensor([bad, 0.3])
        elif where == "plane":
            image = store[: stride * 46341].view(1, 1, stride, 46341)
            grid = grid_of(bad, dtype)
        elif where == "input":
            image = store.as_strided((1, 1, 2, 2), (4, 4, stride, 1))
            image.copy_(torch.tensor([[1.0, 2.0], [3.0, 4.0]]).view(1, 1, 2, 2))
            grid = grid_of(bad, dtype)
        else:
            image = torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=dtype).view(1, 1, 2, 2)
            grid = grid_of(bad, dtype, stride)
        # the last pixel of the plane; the grid's 8th point
        offset = {"input": stride + 1, "plane": (stride - 1) * 46341 + 46340, "grid": 7 * stride, "rows": 7 * 2}[where]
        falls_back = dtype == torch.float32 and offset > 2**31 - 1
        got = sample(image, grid, mode, padding, align)
        if mode == "bilinear" and padding == "zeros" and falls_back:
            assert got == 0, (dtype, where, stride, bad, align)
        elif mode == "bicubic" or padding == "zeros":
            assert got != got, (dtype, where, stride, mode, padding, bad, align)
        else:
            assert got == got, (dtype, where, stride, bad, align)
    # Review 71: the page now states its rule for an input and a grid that each span fewer than 2^15 elements, which
    # leaves out every fallback above (test_half_precision_4d_grid_sample_misreads_pixels_2_to_the_15_into_the_plane).
    # the page's sentence is asserted in test_a_grid_point_at_inf_or_nan_reads_nan_not_0_on_4d_bilinear_zeros_and_bicubic


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_4d_grid_sample_misreads_pixels_2_to_the_15_into_the_plane(dtype):
    # Review 71: the float32 fallback's exception named float32 only, as if 4-D float16 and bfloat16 kept the page's
    # rules on any input; their CPU kernel misreads a pixel 2^15 elements or more into the plane (a contiguous float16
    # image of 182 x 182 already does, from output 32768 on), at finite grid points and at +-inf alike, and further out
    # it crashes. The page now states its rule for an input and a grid that each span fewer than 2^15 elements.
    for stride, bad, mode in itertools.product((2**15 - 2, 2**15), (0.9, float("inf")), ("bilinear", "nearest")):
        image = torch.zeros(stride + 64, dtype=dtype).as_strided((1, 1, 2, 2), (4, 4, stride, 1))
        image.copy_(torch.tensor([[1.0, 2.0], [3.0, 4.0]]).view(1, 1, 2, 2))
        grid = torch.tensor([bad, 0.9], dtype=dtype).view(1, 1, 1, 2)  # row 1: pixels stride and stride + 1
        got = F.grid_sample(image, grid, mode=mode, align_corners=False)
        want = F.grid_sample(image.contiguous(), grid, mode=mode, align_corners=False)
        right = torch.equal(got, want) or bool(got.isnan().all() and want.isnan().all())
        assert right == (stride < 2**15 - 1 or (mode == "bilinear" and bad == float("inf"))), (stride, bad, mode)
    # Review 72: the float16/bfloat16 sentence after the 2^15 bound stood outside it, and (2^15, inf, nearest) above
    # reads another pixel than the first along that axis; the page now scopes it, and its summary names the misread.
    docs = pathlib.Path(__file__).parents[2] / "docs"
    en = " ".join((docs / "grid-sample.md").read_text(encoding="utf-8").split())
    zh = "".join((docs / "grid-sample.zh.md").read_text(encoding="utf-8").split())
    assert "float64. With such an input and grid, in float16 and bfloat16 `zeros` does not always" in en
    assert "`border`截断后的位置可能落在输入之外（见上文），而在内存中跨度达到2^15个元素的4维输入可能读错像素" in zh
    assert (
        "`border` can clamp to a position past the input (above), and 4-D input that spans 2^15 elements or more can"
        " be read at the wrong pixels (a float16 image of 182 × 182 kept at its size with `nearest` is)." in en
    )
    x = (torch.arange(182 * 182) % 7).view(1, 1, 182, 182).to(torch.float16)
    grid = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 182, 182), False).to(torch.float16)
    wrong = F.grid_sample(x, grid, mode="nearest", align_corners=False) != x
    assert dtype != torch.float16 or int(wrong.view(-1).nonzero()[0]) == 2**15


def test_float32_border_reads_past_the_input_on_axes_longer_than_2_to_the_24():
    # Review 53: the page stated its rules for float32 without a length limit and named the clamp's overshoot for
    # bfloat16 and float16 only; float32 clamps in its own dtype too, so a row of 2^24 + 4 pixels read at its right
    # edge with border or reflection returns the element after it on 4-D input; 2^24 pixels do not, nor does 5-D input.
    def read_past(n, rank, padding_mode, mode):
        base = torch.zeros(n + 8)
        base[n:] = torch.arange(1.0, 9.0)
        x = base[:n].view(*[1] * (rank - 1), n)
        grid = torch.zeros(*[1] * (rank - 1), rank - 2)
        grid[..., 0] = 1.0  # the right edge
        return F.grid_sample(x, grid, mode=mode, padding_mode=padding_mode, align_corners=False).item()

    for padding_mode, mode in itertools.product(("border", "reflection"), ("bilinear", "nearest", "bicubic")):
        assert read_past(2**24 + 4, 4, padding_mode, mode) == 1, (padding_mode, mode)
        assert read_past(2**24, 4, padding_mode, mode) == 0, (padding_mode, mode)
        if mode != "bicubic":
            assert read_past(2**24 + 4, 5, padding_mode, mode) == 0, (padding_mode, mode)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "a float32 row of 16,777,220 pixels read at its right edge, the element\nafter it)" in en
    assert "长 16,777,220 像素的 float32 行在右边缘处采样时，也读到其后的那个元素" in zh
    assert "on axes longer than 256 and 2048 pixels (float32: 2^24)" in en and "（float32 为 2^24）" in zh


def test_the_zeros_rule_holds_for_the_exact_position_not_the_float32_one():
    # Review 58: "exactly the output pixels whose position (i + 0.5) in/out - 0.5 lies outside [0, in - 1] mix in zeros",
    # and the rules stated "in float32 on axes of up to 2^24". affine_grid and grid_sample compute the position in the
    # input's dtype: in float32 the last pixel of 2304 -> 2305 lies outside yet mixes in no zero (float64 does), and the
    # last pixel of 12,661,544 -> 12,661,543 lies inside yet reads 0.
    def end_pixels(n_in, n_out, dtype, padding_mode, mode="bilinear"):
        theta = torch.tensor([[[1.0, 0, 0], [0, 1, 0]]], dtype=dtype)
        grid = F.affine_grid(theta, [1, 1, 1, n_out], align_corners=False)[:, :, [0, -1]]
        x = torch.ones(1, 1, 1, n_in, dtype=dtype)
        return F.grid_sample(x, grid, mode=mode, padding_mode=padding_mode, align_corners=False).view(-1).tolist()

    def last_pixel(n_in, n_out, dtype, padding_mode):
        return end_pixels(n_in, n_out, dtype, padding_mode)[1]

    outside = Fraction(2 * 2305 - 1, 2) * Fraction(2304, 2305) - Fraction(1, 2) - 2303
    assert 0 < outside < Fraction(1, 1000)
    assert last_pixel(2304, 2305, torch.float32, "zeros") == 1.0
    assert 1 - 1e-3 < last_pixel(2304, 2305, torch.float64, "zeros") < 1
    inside = Fraction(2 * 12661543 - 1, 2) * Fraction(12661544, 12661543) - Fraction(1, 2) - 12661543
    assert inside < 0
    assert last_pixel(12661544, 12661543, torch.float32, "zeros") == 0.0
    assert last_pixel(12661544, 12661543, torch.float32, "border") == 1.0
    assert last_pixel(12661544, 12661543, torch.float64, "zeros") == 1.0
    # bicubic: a shrink by a factor below 3 mixes zeros in at both ends, in float64, not in float32
    assert end_pixels(7735, 7734, torch.float32, "zeros", "bicubic") == [1.0, 1.0]
    assert all(v > 1 + 1e-5 for v in end_pixels(7735, 7734, torch.float64, "zeros", "bicubic"))
    assert all(abs(v - 1) < 1e-12 for v in end_pixels(7735, 7734, torch.float64, "border", "bicubic"))
    for page in ("grid-sample.md", "grid-sample.zh.md"):
        text = (pathlib.Path(__file__).parents[2] / "docs" / page).read_text(encoding="utf-8")
        assert all(case in text for case in ("2304 → 2305", "7735 → 7734", "12,661,544 → 12,661,543")), page


def test_on_the_cpu_bilinear_copies_a_kept_axis_only_for_finite_input():
    # Review 58: "there bilinear copies the axis, on the CPU always": the CPU kernel adds each pixel to itself with
    # weight 0, so an inf pixel comes back NaN; the antialiased kernel skips the axis and keeps it.
    for n, s in ((5, 1.1), (10, 1.05)):
        for dtype in (torch.float32, torch.float64):
            x = torch.arange(1.0, n + 1, dtype=dtype).view(1, 1, 1, n)
            x[..., 2] = float("inf")
            y = F.interpolate(x, scale_factor=(1, s), mode="bilinear")
            assert torch.isnan(y[..., 2]).all() and torch.equal(y[..., :2], x[..., :2]), (n, s, dtype)
            assert torch.equal(F.interpolate(x, scale_factor=(1, s), mode="bilinear", antialias=True), x)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    # Review 73: "on the CPU always" covered antialias=True on float16 and bfloat16 input, which the CPU refuses
    # (compute_index_ranges_weights has no such dtypes) unless the output keeps the input's size: a kept width with a
    # changed height raises instead of copying the width, in bilinear and bicubic, in either memory format.
    for dtype, mode, last, (h, w, size) in itertools.product(
        (torch.float16, torch.bfloat16),
        ("bilinear", "bicubic"),
        (False, True),
        ((1, 5, (1, 5)), (3, 5, (3, 5)), (3, 5, (6, 5)), (3, 5, (2, 5)), (1, 10, (1, 11)), (4, 4, (5, 3))),
    ):
        x = torch.empty(2, 3, h, w, dtype=dtype, memory_format=torch.channels_last if last else torch.contiguous_format)
        x.copy_(torch.rand(2, 3, h, w))
        if size == (h, w):
            assert torch.equal(F.interpolate(x, size=size, mode=mode, antialias=True), x), (dtype, mode, last, size)
        else:
            with pytest.raises(NotImplementedError):
                F.interpolate(x, size=size, mode=mode, antialias=True)
    assert "on the CPU always (for finite input" not in en and "在 CPU 上总是如此（限有限值输入" not in zh
    assert "on the CPU whenever it runs (for finite input" in en and "在 CPU 上只要能运行就总是如此（限有限值输入" in zh
    assert (
        "with `antialias=True` the CPU refuses float16 and bfloat16 input whose size changes, in `bicubic` too)"
        in " ".join(en.split())
    )
    assert "设置`antialias=True`时，CPU拒绝尺寸有变化的float16和bfloat16输入，`bicubic`也是如此）" in "".join(
        zh.split()
    )


@pytest.mark.parametrize("mode", ["linear", "bilinear", "bicubic", "trilinear"])
def test_size_one_with_align_corners_turns_nan_from_exactly_the_pixels_read_with_weight_0(mode):
    # Review 61: "an inf or NaN in a neighbour of the first pixel gives NaN" left bicubic's pixels two away out: its taps
    # at +1 and +2 (clamped) weigh 0, so an inf anywhere up to index 2 along each axis gives NaN, and none beyond.
    rank = {"linear": 1, "bilinear": 2, "bicubic": 2, "trilinear": 3}[mode]
    reach = 2 if mode == "bicubic" else 1
    gen = torch.Generator().manual_seed(61)
    for n, bad in itertools.product((2, 3, 5), (float("inf"), float("nan"))):
        for index in itertools.product(range(n), repeat=rank):
            if not any(index):
                continue  # the first pixel itself: the test above
            x = torch.rand(1, 1, *([n] * rank), dtype=torch.float64, generator=gen)
            x[(0, 0, *index)] = bad
            y = F.interpolate(x, size=(1,) * rank, mode=mode, align_corners=True)
            assert bool(torch.isnan(y).all()) == (max(index) <= reach), (mode, n, index)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "and with `bicubic` one up to two pixels away along\n  each axis as well" in en
    assert "用 `bicubic` 时，沿每个轴相距不超过两个像素的像素也是如此" in zh


def test_with_one_axis_kept_only_the_cpus_bilinear_copies_it_so_the_summary_names_the_device():
    # Review 63: the summary said "scale the grid for scale_factor (for bilinear, not on an axis the factor leaves at
    # its size; on CUDA, for bicubic, not where both axes keep their size)". The CPU's bilinear copies a kept axis
    # whatever the other does; CUDA copies only a whole map (`input.sizes() == output.sizes()` in
    # UpSampleBilinear2d.cu), so a height grown by 1.5 and a width kept at x1.1 reads (i + 0.5)/s - 0.5 along the
    # width on CUDA, and there the scaled grid is the one that matches, for bilinear as for bicubic.
    def grid(x, out_hw, factors, scale_kept_axis):
        (h, w), (ho, wo) = x.shape[-2:], out_hw
        a_h, a_w = ho / (factors[0] * h), (wo / (factors[1] * w) if scale_kept_axis else 1.0)
        theta = torch.tensor([[[a_w, 0, a_w - 1], [0, a_h, a_h - 1]]], dtype=x.dtype, device=x.device)
        return F.affine_grid(theta, [1, x.shape[1], ho, wo], align_corners=False)

    generator = torch.Generator().manual_seed(63)
    devices = ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])
    kept = [(n, s) for s in (1.05, 1.1, 1.2, 1.4) for n in range(2, 20) if int(n * s) == n]
    for (n, s), mode, last, device in itertools.product(kept, ("bilinear", "bicubic"), (False, True), devices):
        x = torch.randn(1, 3, 3, n, generator=generator, dtype=torch.float64).to(device)
        if last:
            x = x.contiguous(memory_format=torch.channels_last)
        a = F.interpolate(x, scale_factor=(1.5, s), mode=mode)
        assert a.shape[-2:] == (4, n)
        off = {
            scaled: (a - F.grid_sample(x, grid(x, (4, n), (1.5, s), scaled), mode, "border", False)).abs().max().item()
            for scaled in (False, True)
        }
        copies = mode == "bilinear" and device == "cpu"
        assert (off[False] < 1e-12 < off[True]) if copies else (off[True] < 1e-12 < off[False]), (n, s, mode, device)
    en = " ".join((pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8").split())
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert (
        "(on the CPU, for `bilinear`, not on an axis the factor leaves at its size; on CUDA, for `bilinear` and" in en
    )
    assert (
        "CPU 上的 `bilinear` 在缩放系数让长度不变的轴上除外；CUDA 上的 `bilinear` 和 `bicubic` 在两个轴都保持尺寸时除外"
        in zh
    )


def test_interpolate_nearest_rounds_its_position_to_float32_not_only_its_scale():
    # Review 77: the page said nearest-exact reads floor((i + 0.5) * in/out) "with the scale in/out rounded to float32"
    # (float32 input) and put the float64 miss of 1411 -> 41642 down to "its ratio in/out rounded to float32". The
    # kernels also round the position itself to float32 before the floor (floorf in UpSample.h), in float64 too:
    # 2069 -> 3000, output 2985, position 2058.99983 (no tie), reads 2059 in float32, where the rounded scale alone gives
    # 2058; at 1411 -> 41642, output 22606, the rounded ratio alone gives 765, the rounded position 766.
    def f32(value):
        return float(torch.tensor(value, dtype=torch.float32))

    for n_in, n_out, i, dtype, pixel in (
        (2069, 3000, 2985, torch.float32, 2059),
        (1411, 41642, 22606, torch.float64, 766),
    ):
        position = Fraction(2 * i + 1, 2) * Fraction(n_in, n_out)
        assert position.denominator != 1 and int(position) == pixel - 1  # no tie; exact arithmetic reads pixel - 1
        assert int((i + 0.5) * f32(n_in / n_out)) == pixel - 1  # the old rule: the scale rounded to float32
        scale = f32(n_in / n_out) if dtype == torch.float32 else n_in / n_out
        assert int(f32((i + 0.5) * scale)) == pixel  # the position rounded to float32
        x = torch.arange(n_in, dtype=dtype)
        for shape, size in (
            ((1, 1, n_in), (n_out,)),
            ((1, 1, 1, n_in), (1, n_out)),
            ((1, 1, 1, 1, n_in), (1, 1, n_out)),
        ):
            assert F.interpolate(x.view(shape), size=size, mode="nearest-exact").flatten()[i] == pixel, shape
    # The same readings with torch's default x86 CPU code (the page says "on the CPU").
    code = (
        "import torch, torch.nn.functional as F\n"
        "print([int(F.interpolate(torch.arange(n, dtype=d).view(1, 1, 1, n), size=(1, m), mode='nearest-exact')[0, 0, 0, i])"
        " for n, m, i, d in ((2069, 3000, 2985, torch.float32), (1411, 41642, 22606, torch.float64))])"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").strip() == "[2059, 766]"
    # The float32 rule over long rows: floor(f32((i + offset) * f32(in/out))) at every output but the exact ties, where
    # the old rule misses some outputs.
    old_misses = 0
    for n_in, n_out in itertools.product(range(2060, 2080), (3000, 4999)):
        x = torch.arange(n_in, dtype=torch.float32)
        scale = f32(n_in / n_out)
        for mode, offset in (("nearest", 0), ("nearest-exact", 1)):
            i = torch.arange(n_out, dtype=torch.float64)
            by_position = ((i + offset / 2) * scale).float().double().floor().clamp(max=n_in - 1)
            by_scale = ((i + offset / 2) * scale).floor().clamp(max=n_in - 1)
            tie = (2 * torch.arange(n_out) + offset) * n_in % (2 * n_out) == 0
            for shape, size in (((1, 1, n_in), (n_out,)), ((1, 1, 1, n_in), (1, n_out))):
                got = F.interpolate(x.view(shape), size=size, mode=mode).flatten().double()
                assert torch.equal(got[~tie], by_position[~tie]), (n_in, n_out, mode, shape)
            old_misses += int((by_scale != by_position)[~tie].sum())
    assert old_misses > 0
    docs = pathlib.Path(__file__).parents[2] / "docs"
    assert "its ratio `in/out` rounded to float32" not in (docs / "grid-sample.md").read_text(encoding="utf-8")
    assert "它把比例 `in/out` 舍入成了 float32" not in (docs / "grid-sample.zh.md").read_text(encoding="utf-8")


def test_the_size_one_comment_names_the_measured_mode_not_interpolate_in_general():
    # Review 102: the size_one cell's comment said "interpolate reads the first pixel" of any output of size 1 with
    # align_corners=True; the antialiased bicubic mixes the first two pixels (1.125 x0 - 0.125 x1) on every width swept.
    for n_in in range(2, 12):
        x = torch.randn(1, 1, 1, n_in, dtype=torch.float64, generator=torch.Generator().manual_seed(n_in))
        y = F.interpolate(x, size=(1, 1), mode="bicubic", align_corners=True, antialias=True)
        assert not torch.equal(y.view(()), x[0, 0, 0, 0]), n_in
    source = (pathlib.Path(__file__).parents[2] / "examples" / "grid_sample.py").read_text(encoding="utf-8")
    assert "align_corners=True: interpolate reads the first pixel" not in source
    assert "align_corners=True: interpolate's bilinear reads this ramp's first\n# pixel" in source


def test_the_nearest_comments_do_not_name_nearbyint_for_the_4d_cpu_kernel(ns):
    # Review 102: the nearest and ties cells' comments named nearbyint as what rounds their positions; their rows are
    # 4-D, which the CPU samples with the vectorised kernel's round() (the page names std::nearbyint for 5-D and CUDA).
    assert ns["nearest_indices"](4, 2)["grid_sample nearest"] == [0, 2]  # positions 0.5 and 2.5: ties to even
    source = (pathlib.Path(__file__).parents[2] / "examples" / "grid_sample.py").read_text(encoding="utf-8")
    comments = "\n".join(line for line in source.splitlines() if line.lstrip().startswith("#"))
    assert "nearbyint" not in comments


def test_the_nearest_comment_gives_interpolates_floor_formulas_for_its_rows_only(ns):
    # Review 103: the nearest cell's comment opened with "interpolate's nearest reads floor(i * in / out);
    # nearest-exact floor((i + 0.5) * in / out)" as a rule; the kernels round the scale (and the position) to float32,
    # and as a 4-D row 2 -> 41 reads pixel 0 at output 20 with nearest-exact, 2 -> 82 pixel 0 at output 41 with
    # nearest, where the formulas give 1. On the cell's rows the formulas hold.
    nearest_indices = ns["nearest_indices"]
    for n_in, n_out in ((2, 3), (4, 2), (3, 2), (6, 4), (4, 8)):
        picked = nearest_indices(n_in, n_out)
        assert picked["nearest"] == [i * n_in // n_out for i in range(n_out)]
        assert picked["nearest-exact"] == [(2 * i + 1) * n_in // (2 * n_out) for i in range(n_out)]
    assert nearest_indices(2, 41)["nearest-exact"][20] == 0 != (2 * 20 + 1) * 2 // (2 * 41)
    assert nearest_indices(2, 82)["nearest"][41] == 0 != 41 * 2 // 82
    source = (pathlib.Path(__file__).parents[2] / "examples" / "grid_sample.py").read_text(encoding="utf-8")
    assert "# %% nearest\n# interpolate's nearest reads floor" not in source
    assert "# %% nearest\n# On these short float64 rows interpolate's nearest reads floor(i * in / out)" in source


@pytest.mark.parametrize("align_corners", [False, True])
def test_five_d_bilinear_equals_trilinear_with_border_padding_not_with_the_default_zeros(ns, align_corners):
    # Review r109-8: the 5-D section said grid_sample's "bilinear" "equals trilinear up to rounding" without naming the
    # padding; with the default padding_mode="zeros" an enlargement with align_corners=False reads zeros beyond the
    # border (as on 4-D input), in every size pair that grows an axis. It now says "with padding_mode="border"".
    identity = ns["identity_grid"]
    for (d, do), (w, wo) in itertools.product(_a_third_of_the_pairs(0), _a_third_of_the_pairs(1)):
        x = torch.randn(1, 1, d, 2, w, dtype=torch.float64) + 10  # away from 0, so that a zero read shows
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            grid = identity(x, (do, 2, wo), align_corners)
        a = F.interpolate(x, size=(do, 2, wo), mode="trilinear", align_corners=align_corners)
        gap = {
            pm: (a - F.grid_sample(x, grid, "bilinear", pm, align_corners)).abs().max().item()
            for pm in ("zeros", "border")
        }
        if align_corners and ((do == 1 and d > 1) or (wo == 1 and w > 1)):
            continue
        assert gap["border"] < 1e-12, (d, w, do, wo)
        assert (gap["zeros"] > 0.1) == (not align_corners and (do > d or wo > w)), (d, w, do, wo)
    en = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8")
    assert "three dimensions: in float32 and float64 it equals" not in en
    assert "在三个维度上都做插值：在 float32 和 float64 下" not in zh
    assert 'three dimensions: with `padding_mode="border"`, in float32' in en
    assert '在三个维度上都做插值：用 `padding_mode="border"` 时' in zh


_REFLECTION_AND_BORDER_ON_AN_INF_ROW = """
import torch, torch.nn.functional as F
row = torch.tensor([1.0, float("inf"), 3.0], dtype=torch.float64).view(1, 1, 1, 3)
grid = F.affine_grid(torch.eye(2, 3, dtype=torch.float64)[None], [1, 1, 1, 3], align_corners=False)
for padding in ("border", "reflection"):
    print(F.grid_sample(row, grid, mode="bilinear", padding_mode=padding, align_corners=False).view(-1).tolist())
"""


@pytest.mark.filterwarnings("ignore:Since version 1.3.0")  # the one-pixel-high grid of the 3 -> 2 row
def test_reflection_equals_border_for_finite_input_only(ns):
    """Review r127-8: "reflection equals border for bilinear: ... up to rounding with False" and, for bicubic, "equal
    (up to rounding) in every shrink" named no domain; both hold for finite input only. Reflection mirrors the taps
    outside the input, which carry weight 0, onto other pixels than border clamps them to (bicubic, align_corners=True:
    3 -> 2 with inf at pixel 0 gives NaN at output 1 with reflection, 3 with border, under every CPU capability), and
    where its arithmetic moves a position an inf pixel's weight changes between 0 and a rounding error (float64
    bilinear, align_corners=False, with the AVX2 or AVX-512 code only)."""
    resize = ns["resize_with_grid_sample"]

    def parted(a, b):
        return not (torch.equal(a.isnan(), b.isnan()) and torch.equal(a.isinf(), b.isinf()))

    # bicubic shrinks with align_corners=True: the two part on non-finite input in many of the sweep's shrinks,
    # in float32 and float64, inf and NaN alike
    for dtype in (torch.float32, torch.float64):
        for bad in (float("inf"), float("nan")):
            count, shrinks = 0, 0
            for n_in, n_out in _one_axis_pairs():
                if not 1 < n_out <= n_in:
                    continue
                for pixel in range(n_in):
                    x = torch.arange(1.0, n_in + 1, dtype=dtype).view(1, 1, 1, n_in).repeat(1, 1, 2, 1)
                    x[..., pixel] = bad
                    border, reflection = (
                        resize(x, (2, n_out), "bicubic", True, padding) for padding in ("border", "reflection")
                    )
                    shrinks += 1
                    count += parted(border, reflection)
            assert count > shrinks / 10, (dtype, bad, count, shrinks)
        x = torch.tensor([float("inf"), 2.0, 3.0], dtype=dtype).view(1, 1, 1, 3)
        border, reflection = (
            resize(x, (1, 2), "bicubic", True, padding).view(-1) for padding in ("border", "reflection")
        )
        assert border[0].isnan() and border[1] == 3 and reflection.isnan().all(), (dtype, border, reflection)
    for capability in ("avx2", "default"):
        printed = run_python(
            "import torch, torch.nn.functional as F\n"
            "x = torch.tensor([float('inf'), 2.0, 3.0], dtype=torch.float64).view(1, 1, 1, 3)\n"
            "g = F.affine_grid(torch.eye(2, 3, dtype=x.dtype)[None], [1, 1, 1, 2], align_corners=True)\n"
            "for p in ('border', 'reflection'):\n"
            "    print(F.grid_sample(x, g, mode='bicubic', padding_mode=p, align_corners=True).view(-1).tolist())\n",
            ATEN_CPU_CAPABILITY=capability,
        )
        assert printed.split("\n")[:2] == ["[nan, 3.0]", "[nan, nan]"], (capability, printed)
    # bilinear, align_corners=False, float64: the 3-pixel row 1, inf, 3 kept at its size
    expected = {
        "avx2": ["[inf, inf, inf]", "[nan, inf, 3.0]"],  # reflection's arithmetic moves the end positions
        "default": ["[nan, inf, 3.0]", "[nan, inf, 3.0]"],  # bit for bit, as for finite input
    }
    if torch.backends.cpu.get_cpu_capability() == "AVX512":
        expected["avx512"] = expected["avx2"]
    for capability, lines in expected.items():
        printed = run_python(_REFLECTION_AND_BORDER_ON_AN_INF_ROW, ATEN_CPU_CAPABILITY=capability)
        assert printed.split("\n")[:2] == lines, (capability, printed)
    assert_pages_say(
        (
            "grid-sample.md",
            "Both rules hold for finite input only: `reflection` puts taps outside the input that it weighs by 0"
            " on other pixels than `border` does (`bicubic`, `align_corners=True`, 3 → 2 with `inf` at pixel 0: NaN at"
            " output 1 with `reflection`, 3 with `border`, with every CPU code), and where its arithmetic moves a"
            " position, an `inf` pixel's weight changes between 0 and a rounding error (float64 `bilinear`,"
            " `align_corners=False`, AVX2 or AVX-512 code: the row 1, `inf`, 3 kept at 3 pixels gives `inf`, `inf`,"
            " `inf` with `border` and NaN, `inf`, 3 with `reflection`).",
        ),
        ("grid-sample.zh.md", "这两条规律只对有限值输入成立："),
        (
            "grid-sample.zh.md",
            "3 → 2、像素 0 为 `inf` 时，`reflection` 在输出 1 得到 NaN，`border` 得到 3，各种 CPU 代码都是如此",
        ),
        (
            "grid-sample.zh.md",
            "1、`inf`、3 这一行保持 3 个像素不变时，`border` 得到 `inf`、`inf`、`inf`，`reflection` 得到 NaN、`inf`、3",
        ),
    )


_THE_TABLES_AXES_AT_A_MILLION = """
import itertools, warnings, torch, torch.nn.functional as F
warnings.simplefilter("ignore")  # affine_grid's unit-size warning
def resize(x, size, mode, ac):
    grid = F.affine_grid(torch.eye(2, 3, dtype=x.dtype)[None], [1, 1, *size], align_corners=ac)
    return F.grid_sample(x, grid.expand(x.shape[0], -1, -1, -1), mode=mode, padding_mode="border", align_corners=ac)
for seed in range(4):
    gen, worst = torch.Generator().manual_seed(seed), 0.0
    for mode, ac in itertools.product(("bilinear", "bicubic"), (False, True)):
        for h, w, ho, wo in itertools.product((1, 2, 3, 5), (1, 2, 3, 5), (1, 2, 3, 4, 7, 10), (1, 2, 3, 4, 7, 10)):
            if not (ho >= h and wo >= w or ho <= h and wo <= w) or (ac and 1 in (ho, wo)):
                continue
            x = torch.randn(1, 2, h, w, generator=gen, dtype=torch.float64) * 1e6
            a = F.interpolate(x, size=(ho, wo), mode=mode, align_corners=ac)
            worst = max(worst, (a - resize(x, (ho, wo), mode, ac)).abs().max().item())
    print(worst)
"""


@pytest.mark.parametrize("capability", ["avx2", "default"])
def test_the_gap_at_a_million_is_about_1e_8_on_the_tables_own_axes(capability):
    """Review r128-8: "about 1e-8 at a million on the table's axes" was bound only by a sweep of other axes (3 -> 5,
    8 -> 100, ...) within 1e-10 and 1e-6, which a gap a hundred times larger or smaller would pass. On the table's own
    sweep (input sides 1, 2, 3, 5, output sides 1, 2, 3, 4, 7, 10, enlarging or shrinking, both modes, both
    align_corners, border padding), normal random values times a million part by 7.0e-9 to 1.1e-8 over seeds 0-3
    (torch.Generator float64 draws), with the AVX2 and the default CPU code."""
    gaps = [float(line) for line in run_python(_THE_TABLES_AXES_AT_A_MILLION, ATEN_CPU_CAPABILITY=capability).split()]
    assert len(gaps) == 4 and all(5e-9 < gap < 2e-8 for gap in gaps), (capability, gaps)
    assert_pages_say(
        ("grid-sample.md", "the gap grows with the values: about 1e-8 at a million on the table's axes,"),
        ("grid-sample.zh.md", "数值在一百万左右时，在表中的轴上约为 1e-8"),
    )


def test_the_zh_page_calls_a_tap_a_weight_not_a_sample():
    # The glossary's tap is 权重 and a sample 采样点. The reflection rule's taps outside the input (3 -> 2 with
    # align_corners=True: the two samples, at pixels 0 and 2, lie inside the input; only taps lie outside) and the
    # four weighted taps that CUDA's grid_sample adds were both written 采样点; tests/site's check for this slip
    # looks only at 之外的采样点 written together.
    import re

    # The words must keep the restriction to the taps weighed by 0: not every tap outside the input is (en "the taps
    # outside the input, which it weighs by 0" said so, as a first zh fix's 都取 0 did). In the bicubic shrink 5 -> 4
    # with align_corners=False, output 0 sits at 0.125 and its tap at -1 carries weight: zeros differs from border.
    x = torch.rand(1, 1, 1, 5, dtype=torch.float64) + 1
    grid = F.affine_grid(torch.eye(2, 3, dtype=torch.float64)[None], [1, 1, 1, 4], align_corners=False)
    by = {p: F.grid_sample(x, grid, mode="bicubic", padding_mode=p, align_corners=False) for p in ("zeros", "border")}
    assert abs(by["zeros"][..., 0] - by["border"][..., 0]).item() > 1e-3
    text = " ".join((ROOT / "docs" / "grid-sample.zh.md").read_text(encoding="utf-8").split())
    slips = re.findall(r"之外[^。；（]{0,30}采样点|加权采样点|之外的权重，`reflection` 都取 0", text)
    assert not slips, slips
    en = " ".join((ROOT / "docs" / "grid-sample.md").read_text(encoding="utf-8").split())
    assert "the taps outside the input, which it weighs by 0," not in en
    assert_pages_say(
        ("grid-sample.zh.md", "`reflection` 让落在输入之外、值为 0 的那些权重读取与 `border` 不同的像素"),
        ("grid-sample.zh.md", "把四个像素各乘以权重再相加，相加的顺序与 CPU 内核相同"),
        (
            "grid-sample.md",
            "`reflection` puts taps outside the input that it weighs by 0 on other pixels than `border` does",
        ),
        ("grid-sample.md", "adds the four weighted taps\n  in the CPU kernel's order"),
    )


def test_the_scale_factor_comment_names_both_ends_that_bilinear_clamps(ns):
    # Review r129-8: the scale_factor cell's comment said "bilinear clamps those below 0 to 0, as border padding does";
    # its 7 pixels at x2.3 give 16 outputs, and the last, at 15.5 / 2.3 - 0.5 = 6.24, lies past pixel 6 too and reads 6.
    # Every position of the cell, exactly, and where each end's outputs leave [0, 6]:
    positions = [Fraction(2 * i + 1, 2) / Fraction(23, 10) - Fraction(1, 2) for i in range(ns["by_factor"].shape[-1])]
    below = [i for i, p in enumerate(positions) if p < 0]
    above = [i for i, p in enumerate(positions) if p > 6]
    assert below == [0] and above == [15]
    assert float(positions[0]) == pytest.approx(-0.28, abs=0.005) and float(positions[15]) == pytest.approx(
        6.24, abs=0.005
    )
    assert ns["by_factor"].view(-1)[0].item() == 0 and ns["by_factor"].view(-1)[15].item() == 6
    scaled = F.grid_sample(
        ns["row"], ns["scale_factor_grid"](ns["row"], 2.3), padding_mode="border", align_corners=False
    )
    assert scaled.view(-1)[0].item() == 0 and scaled.view(-1)[15].item() == 6
    source = " ".join(
        line.strip().removeprefix("# ")
        for line in (ROOT / "examples" / "grid_sample.py").read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("#")
    )
    assert "clamps those below 0 to 0" not in source
    assert (
        "bilinear clamps those outside [0, 6] to the end pixels, as border padding does: output 0 at -0.28 reads pixel 0, "
        "output 15 at 6.24 pixel 6" in source
    )


def test_the_nearest_comment_names_every_dtype_whose_near_tie_rows_part(ns):
    # Review r132-8: the nearest cell's comment pointed at near_tie for where its rule fails, "(near_tie below: not so
    # on long float32 axes)"; that cell's table also shows 5 -> 29 in bfloat16 and 29 -> 37 in float16, axes as short
    # as the nearest cell's, where grid_sample's nearest and nearest-exact part too. The pointer names every dtype
    # whose near_tie rows part, and whether its axes are long or short.
    parted = {}
    for (n_in, n_out, i, dtype), r in ns["near_ties"].items():
        if r["nearest-exact"] != r["grid_sample nearest"]:
            parted.setdefault(dtype, set()).add("long" if max(n_in, n_out) > 1000 else "short")
    assert parted == {"float32": {"long"}, "bfloat16": {"short"}, "float16": {"short"}}
    source = (pathlib.Path(__file__).parents[2] / "examples" / "grid_sample.py").read_text(encoding="utf-8")
    comment = " ".join(line.lstrip("# ") for line in source.split("# %% nearest\n")[1].split("\ndef ")[0].splitlines())
    pointer = comment.split("(near_tie below: ")[1].split(")")[0]
    assert pointer == "not so on long float32 axes, nor on short bfloat16 and float16 ones"
    for dtype, lengths in parted.items():
        assert f"{lengths.pop()} " in pointer and dtype in pointer


@pytest.mark.parametrize("align_corners", [False, True])
def test_five_d_bilinear_equals_trilinear_in_float32_too_over_the_tested_sizes(ns, align_corners):
    # Review r134-8: "in float32 and float64 it equals trilinear up to rounding on finite input (tested on sizes 1, 2,
    # 3 and 5 per axis, and on the sizes named at the top of the page along two axes ...)": the two sweeps ran in
    # float64 only; float32 was checked on an all-ones volume alone, which any weights that sum to 1 pass. Now both
    # sweeps run in float32 too, on normal random values, to float32 rounding of positions on axes of up to 100.
    resize, gap = ns["resize_with_grid_sample"], 0.0
    gen = torch.Generator().manual_seed(0)
    cases = [
        ((d, h, w), size)
        for d, h, w in itertools.product((1, 2, 3, 5), repeat=3)
        for size in ((d, h, w), (2 * d + 1, h + 3, 3 * w), (max(d - 1, 2), 2, 7), (3, 3, 3))
    ]
    cases += [
        ((d, 2, w), (do, 3, wo))
        for (d, do), (w, wo) in itertools.product(_a_third_of_the_pairs(0), _a_third_of_the_pairs(1))
    ]
    for shape, size in cases:
        if align_corners and any(o == 1 and i > 1 for o, i in zip(size, shape)):
            continue  # the size-1 exception
        x = torch.randn(1, 2, *shape, generator=gen)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            b = resize(x, size, "bilinear", align_corners)
        a = F.interpolate(x, size=size, mode="trilinear", align_corners=align_corners)
        assert b.dtype == torch.float32
        gap = max(gap, (a - b).abs().max().item())
    assert 1e-7 < gap < 2e-5, gap  # float32 rounding, not equal bits
    assert_pages_say(
        (
            "grid-sample.md",
            'with `padding_mode="border"`, in float32 and float64 it equals `trilinear` up to rounding on finite input '
            "(tested on sizes 1, 2, 3 and 5 per axis, and on the sizes named at the top of the page along two axes",
        ),
        (
            "grid-sample.zh.md",
            "在 float32 和 float64 下，它在舍入误差内等于 `trilinear`（限有限值输入；测试在每个轴尺寸为 1、2、3、5",
        ),
    )


@pytest.mark.parametrize("dtype", [torch.float64, torch.float32])
def test_reflection_rules_hold_on_shrinks_to_one_pixel_too(ns, dtype):
    # Review r135-8: "The tests sweep every enlargement and shrink of input sizes 1 to 8 for both rules" (zh alike):
    # the bilinear sweep ("bit for bit with align_corners=True") ran from 2 output pixels up (other sweeps reach 1 -> 1
    # and 5 -> 1 only, up to rounding), and the bicubic one ("equal (up to rounding) in every shrink") left out an
    # output of one pixel with align_corners=True. Now every input size 1 to 8 shrunk to 1 pixel, both rules, both
    # align_corners, float64 and float32.
    resize = ns["resize_with_grid_sample"]
    for n_in, align in itertools.product(range(1, 9), (False, True)):
        x = torch.randn(1, 2, 3, n_in, dtype=dtype)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # affine_grid on a unit-size axis with align_corners=True
            a, b = (resize(x, (3, 1), "bilinear", align, padding) for padding in ("reflection", "border"))
            assert torch.equal(a, b) if align else torch.allclose(a, b, rtol=0, atol=1e-5), (n_in, align)
            a, b = (resize(x, (3, 1), "bicubic", align, padding) for padding in ("reflection", "border"))
            torch.testing.assert_close(a, b, rtol=0, atol=1e-12 if dtype == torch.float64 else 1e-5)
    assert_pages_say(
        ("grid-sample.md", "The tests sweep every enlargement and shrink of input sizes 1 to 8 for both rules."),
        ("grid-sample.zh.md", "测试对输入尺寸 1 到 8 的每一种放大和缩小都检查了这两条规律。"),
    )


def test_the_intros_sweep_reaches_every_input_and_output_size_it_names():
    # Review r135-8: the intro's "input sizes 1 to 8 against output sizes 1 to 12, 17, 24 and 100 (a third of those
    # pairs on each axis ...)" was swept as _one_axis_pairs()[::3] x [1::3], which repeat five outputs per axis and never
    # reach 3, 6, 9, 12 or 100 (nor did the 5-D sweeps, "the sizes named at the top of the page along two axes").
    # The sweeps now take _a_third_of_the_pairs, and the page says every size is among them.
    for old in (_one_axis_pairs()[::3], _one_axis_pairs()[1::3]):
        assert {n_out for _, n_out in old} < set(OUTS) and 100 not in {n_out for _, n_out in old}
    for offset in (0, 1):
        third = _a_third_of_the_pairs(offset)
        assert len(third) * 3 == len(_one_axis_pairs()) and set(third) <= set(_one_axis_pairs())
        assert {n_in for n_in, _ in third} == set(SIZES) and {n_out for _, n_out in third} == set(OUTS)
    assert not set(_a_third_of_the_pairs(0)) & set(_a_third_of_the_pairs(1))
    assert_pages_say(
        (
            "grid-sample.md",
            "The tests sweep input sizes 1 to 8 against output sizes 1 to 12, 17, 24 and 100 (a third of those pairs on "
            "each axis, with every input and every output size among them, all their H × W combinations",
        ),
        ("grid-sample.zh.md", "（每个轴取其中三分之一的组合，每个输入尺寸和每个输出尺寸都在其中， 再对 H × W 两两组合"),
    )


def test_the_cuda_copy_example_keeps_both_axes_unlike_the_cells_own_row(ns):
    # Review r136-8: "and on CUDA when both axes keep their size (as in this one-pixel-high row with a height factor of
    # 1)" (zh: 比如这里高度为 1、高度方向缩放系数为 1 的这一行) pointed at the cell's row, which is one pixel high with a
    # height factor of 1 but goes from 7 pixels to 16 at x2.3: it does not keep both axes. The example meant is 5 pixels
    # at x1.1 in such a row, which keeps both (and bilinear returns it unchanged).
    row, by_factor = ns["row"], ns["by_factor"]
    assert row.shape[-2] == by_factor.shape[-2] == 1 and (row.shape[-1], by_factor.shape[-1]) == (7, 16)
    five = torch.randn(1, 1, 1, 5, dtype=torch.float64, device=row.device)
    kept = F.interpolate(five, scale_factor=(1, 1.1), mode="bilinear")
    assert kept.shape == five.shape and torch.equal(kept, five)
    assert_pages_say(
        (
            "grid-sample.md",
            "CUDA when both axes keep their size (as 5 pixels at ×1.1 do in a one-pixel-high row like the cell's, with a "
            "height factor of 1; the cell's own row, 7 pixels at ×2.3, changes its width).",
        ),
        (
            "grid-sample.zh.md",
            "在 CUDA 上则是两个轴长度都不变时（比如像上面单元格那样高度为 1、高度方向缩放系数为 1 的一行，宽 5 个像素、"
            "缩放系数为 1.1 时；单元格里那一行宽 7 个像素、缩放系数为 2.3，宽度变了）。",
        ),
    )
    for page in ("grid-sample.md", "grid-sample.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert "as in this one-pixel-high row" not in text and "比如这里高度为 1" not in text, page


def test_the_nearest_rounding_names_the_4d_fallback_in_gridsampler_cpp_too(tmp_path):
    # Review r138-8: the nearest section named "`std::nearbyint` in GridSampler.cpp (5-D input)", but 4-D float32
    # input whose gather offsets pass 2^31 - 1 elements is handed to _grid_sampler_2d_cpu_fallback there too (see
    # test_a_non_finite_grid_point_reads_0_on_4d_float32_bilinear_zeros_where_the_cpu_falls_back), which rounds with
    # std::nearbyint; the zh page put both GridSampler.cpp and GridSampler.cu under "5 维输入用的", and CUDA's
    # nearbyint serves 4-D input as well. Both pages now say so; the fallback rounds a tie to the even pixel.
    (tmp_path / "plane").write_bytes(b"")
    with open(tmp_path / "plane", "r+b") as f:
        f.truncate((2**31 + 8) * 4)
    store = torch.from_file(str(tmp_path / "plane"), shared=True, size=2**31 + 8, dtype=torch.float32)
    row = torch.tensor([10.0, 11.0, 12.0, 13.0])
    grid = torch.tensor([[[[-0.5, -0.5], [0.0, -0.5], [0.5, -0.5]]]])  # positions 0.5, 1.5, 2.5 of row 0: ties
    for stride in (2**31 - 4, 2**31 - 3):  # (H - 1) * sH + (W - 1) * sW: 2^31 - 1, then 2^31 (the fallback)
        image = store.as_strided((1, 1, 2, 4), (8, 8, stride, 1))
        image[0, 0, 0] = row
        got = F.grid_sample(image, grid, mode="nearest", padding_mode="zeros", align_corners=False)
        assert got.view(-1).tolist() == [10.0, 12.0, 12.0], stride  # pixels 0, 2, 2: half to even, either path
        # Which path ran: at a grid point of inf, 4-D bilinear with zeros gives NaN in the vectorised kernel, 0 in the
        # fallback (the test named above).
        at_inf = F.grid_sample(
            image, torch.tensor([[[[float("inf"), -0.5]]]]), padding_mode="zeros", align_corners=False
        )
        assert (at_inf.item() == 0) is (stride == 2**31 - 3), stride
    en = " ".join((ROOT / "docs/grid-sample.md").read_text(encoding="utf-8").split())
    zh = (ROOT / "docs/grid-sample.zh.md").read_text(encoding="utf-8")
    assert (
        "GridSampler.cpp) (5-D input, and the 4-D float32 input that the CPU kernel hands to its scalar fallback there,"
        " where an offset it would gather passes 2^31 − 1 elements) and [GridSampler.cu]" in en
    )
    assert "5 维输入用的" not in zh and "以及 CPU 内核交给那里的标量后备实现处理的 4 维 float32 输入" in zh
    assert "中（CUDA 上的 4 维和 5 维输入）也是 `std::nearbyint`" in zh


def test_the_links_for_floorf_float64_nearest_whole_factors_and_kept_axes_land_on_the_sections_that_state_them():
    """Review r139-8: four links landed on their pages' tops although one section of each states the thing pointed
    to: `floorf` in `linear` (Resampling audio, 'No 1-D mode has antialias'), float64 escaping the nearest modes'
    single precision in some CPU kernels (Coordinates and align_corners, 'Single precision in the nearest modes'),
    `nearest` missing whole factors such as x41 (Equivalent calls, '`nearest` by a whole factor is
    `repeat_interleave`'), the CPU's uint8 and antialiased `bicubic` copying a kept axis (Export and deployment,
    'Dynamic height and width'); zh alike."""
    from pymdownx.slugs import slugify

    slug = slugify(case="lower")

    def sections(page):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        parts = re.split(r"^## (.+)$", text, flags=re.M)
        return {slug(parts[i].strip(), "-"): " ".join(parts[i + 1].split()) for i in range(1, len(parts), 2)}

    wanted = {  # target: (en anchor, zh anchor, words the section says)
        "audio-resampling": ("no-1-d-mode-has-antialias", "一维模式都没有-antialias", "`floorf`"),
        "interpolate-coordinates": (
            "single-precision-in-the-nearest-modes",
            "最近邻模式里的单精度",
            "The CPU's other float64 kernels multiply in double precision",
        ),
        "interpolate-equivalences": (
            "nearest-by-a-whole-factor-is-repeat_interleave",
            "整数倍放大的-nearest-就是-repeat_interleave",
            "at ×41",
        ),
        "onnx-export": (
            "dynamic-height-and-width",
            "动态的高和宽",
            "its CPU kernels for uint8 and for `antialias=True`",
        ),
    }
    for target, (en_anchor, zh_anchor, words) in wanted.items():
        assert words in sections(f"{target}.md")[en_anchor], (target, words)
        assert zh_anchor in sections(f"{target}.zh.md"), (target, zh_anchor)
        for page, anchor in (("grid-sample.md", en_anchor), ("grid-sample.zh.md", zh_anchor)):
            text = (ROOT / "docs" / page).read_text(encoding="utf-8")
            # the identity grid's formulas point at the coordinates page's formulas section (r140-8)
            formulas = {
                "grid-sample.md": "#where-each-output-pixel-looks",
                "grid-sample.zh.md": "#每个输出像素看向哪里",
            }
            whole = [formulas[page]] if target == "interpolate-coordinates" else []
            assert re.findall(r"\]\(" + target + r"\.md(#[^)]*)?\)", text) == [*whole, "#" + anchor], (page, target)


def test_the_interpolate_formulas_link_lands_on_the_section_that_states_them():
    """Review r140-8: 'the positions `F.interpolate(size=...)` reads (`bilinear` clamps those outside [0, `in` − 1]
    ...; see [Coordinates and align_corners](interpolate-coordinates.md))' (zh alike) opened that page at its top;
    the formulas and the linear modes' clamp are stated in its section 'Where each output pixel looks'."""
    from pymdownx.slugs import slugify

    slug = slugify(case="lower")

    def sections(page):
        parts = re.split(r"^## (.+)$", (ROOT / "docs" / page).read_text(encoding="utf-8"), flags=re.M)
        return {slug(parts[i].strip(), "-"): " ".join(parts[i + 1].split()) for i in range(1, len(parts), 2)}

    en = sections("interpolate-coordinates.md")["where-each-output-pixel-looks"]
    assert "**`align_corners=False`: src = (d + 0.5) · scale − 0.5**" in en
    assert "Positions below 0 and above `in − 1` are clamped by the linear modes" in en
    assert "align_corners=False" in sections("interpolate-coordinates.zh.md")["每个输出像素看向哪里"]
    assert_pages_say(
        (
            "grid-sample.md",
            "equal up to rounding, not bit for bit; the formulas are in"
            " [Where each output pixel looks](interpolate-coordinates.md#where-each-output-pixel-looks)).",
        ),
        (
            "grid-sample.zh.md",
            "并非逐位相同；这些公式见[每个输出像素看向哪里](interpolate-coordinates.md#每个输出像素看向哪里)）。",
        ),
    )
