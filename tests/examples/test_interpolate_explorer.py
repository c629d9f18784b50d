"""The claims of docs/interpolate-explorer*.md, asserted on torch and on the example's values."""

import importlib
import itertools
import math
import re

import pytest
import torch
import torch.nn.functional as F

from helpers import ROOT, assert_pages_say, docstring_of, run_example, run_python


@pytest.fixture(scope="module")
def ns():
    return run_example("interpolate_explorer.py")


def sampled_x(ns, **options):
    return F.interpolate(ns["coordinates"], **options)[0, 0, 0].cpu()


def test_every_accepted_combination_has_a_labelled_figure(ns):
    labels = ns["variants"]
    n = len(ns["scale_factors"])
    # nearest, nearest-exact, area: align_corners None, no antialias; bilinear, bicubic: 3 x 2;
    # lanczos: antialias only, align_corners None or False.
    assert len(labels) == len(set(labels)) == 3 * n + 2 * n * 3 * 2 + n * 2 * ("lanczos" in ns["modes"])
    assert "mode=bilinear; scale_factor=2; align_corners=True; antialias=False" in labels
    assert "mode=bicubic; scale_factor=3; align_corners=None; antialias=False" in labels  # the browser test's pick
    lanczos = [label for label in labels if label.startswith("mode=lanczos")]
    assert bool(lanczos) == ("lanczos" in ns["modes"]) and all(
        label.endswith("antialias=True") and "align_corners=True" not in label for label in lanczos
    )


def test_each_figure_title_names_its_variant(ns):
    assert set(ns["titles"]) == set(ns["variants"])
    for label, title in ns["titles"].items():
        values = dict(item.split("=") for item in label.split("; "))
        assert title == ", ".join(
            [values["mode"]] + [f"{key}={values[key]}" for key in ("scale_factor", "align_corners", "antialias")]
        )


def test_bicubic_dots_are_off_the_sampled_point(ns):
    errors = ns["dot_error"]
    assert max(inside for inside, _ in errors.values()) > 0.04
    assert all(inside < 0.05 for inside, _ in errors.values())  # the interior bound of A = -0.75
    # "wherever a dot is off at all, it is furthest off at the border"
    assert all(overall > inside for inside, overall in errors.values() if overall > 0)
    assert errors[0.5, False][0] == 0


def test_lanczos_dots_are_off_too_away_from_the_border():
    from _settings import lanczos_works

    if not lanczos_works("cpu"):
        pytest.skip("this torch has no lanczos")
    n = 60
    row = torch.arange(n, dtype=torch.float64).repeat(4, 1).view(1, 1, 4, n)
    for scale in (1.5, 2, 3):
        out = int(n * scale)
        centre = (torch.arange(out, dtype=torch.float64) + 0.5) / scale - 0.5
        dots = F.interpolate(row, scale_factor=(1.0, scale), mode="lanczos", antialias=True)[0, 0, 0]
        interior = (centre > 10) & (centre < n - 11)  # far beyond the 3-pixel reach of the kernel
        assert (dots - centre)[interior].abs().max() > 0.01, scale
        flat = F.interpolate(torch.ones(1, 1, 4, n), scale_factor=(1.0, scale), mode="lanczos", antialias=True)
        assert torch.allclose(flat, torch.ones(1, 1, 4, out))  # its weights sum to 1


def test_lanczos_has_no_cuda_kernel_in_this_torch():
    assert torch._C._dispatch_has_kernel_for_dispatch_key("aten::_upsample_lanczos2d_aa", "CPU")
    assert not torch._C._dispatch_has_kernel_for_dispatch_key("aten::_upsample_lanczos2d_aa", "CUDA")


def test_antialias_dots_are_the_filter_centre_inside_and_move_at_the_edge(ns):
    errors = ns["antialias_dot_error"]
    insides = [inside for inside, _ in errors.values() if inside is not None]
    assert len(insides) >= 6 and max(insides) < 1e-9  # exact inside, bicubic (A = -0.5) included
    assert errors["bicubic", 0.5][0] is None  # a 6-pixel row has no room for a whole filter of 8 pixels
    assert min(top for _, top in errors.values()) > 0.04  # every setting moves some dot at the edge


def test_antialias_edge_dots_move_inwards_for_bilinear_and_partly_outwards_for_bicubic(ns):
    tiny = 1e-9
    for (mode, scale), gap in ns["antialias_gap"].items():
        half = len(gap) // 2
        left, right = gap[:half], gap.flip(0)[:half]  # positive left and negative right are inwards
        assert left[0] > 0.01 and right[0] < -0.01, (mode, scale)  # the outermost dots: inwards
        assert torch.allclose(gap, -gap.flip(0), atol=tiny)  # the two sides mirror each other
        if mode == "bilinear":
            assert (left >= -tiny).all(), (mode, scale)  # never outwards
        elif scale > 1:
            assert (left < -0.01).any(), (mode, scale)  # "a dot or two further in moves outwards"
            assert (left < -0.01).sum() <= 2, (mode, scale)


def test_bicubic_antialias_moves_more_dots_outwards_at_larger_factors(ns):
    # The page: one or two dots per side move outwards at the pictures' factors (up to x3),
    # more at larger factors. Checked on the example's count and on a wider row.
    outward = ns["outward"]
    assert all(outward[scale] in (1, 2) for scale in (1.5, 2, 3)), outward
    assert outward[4] > 2 and outward[8] > outward[4], outward
    row = torch.arange(40, dtype=torch.float64).view(1, 1, 1, -1)
    for scale, at_least in ((4, 3), (8, 5)):
        out = int(40 * scale)
        centre = (torch.arange(out, dtype=torch.float64) + 0.5) / scale - 0.5
        dots = F.interpolate(row, scale_factor=(1, scale), mode="bicubic", antialias=True)[0, 0, 0]
        assert ((dots - centre)[: out // 2] < -0.01).sum() >= at_least, scale


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize("scale", [1.5, 2, 3])  # enlarging: the filter is not stretched (see the next test)
def test_antialias_with_align_corners_centres_on_the_half_pixel_formula_with_the_corner_step(ns, mode, scale):
    size = ns["size"]
    out = int(size * scale)
    step = (size - 1) / (out - 1)
    centre = (torch.arange(out, dtype=torch.float64) + 0.5) * step - 0.5
    support = (1 if mode == "bilinear" else 2) * max(step, 1)
    inside = (centre - support > -1) & (centre + support < size)
    dots = torch.from_numpy(ns["sampled"][f"mode={mode}; scale_factor={scale}; align_corners=True; antialias=True"])
    torch.testing.assert_close(dots[inside], centre[inside], rtol=0, atol=1e-9)
    first, last = ns["aligned_ends"].get((mode, scale), (float(dots[0]), float(dots[-1])))
    assert abs(first) < 0.2 and last < size - 1 - 0.1  # "start near the first centre, stop short of the last"
    plain = F.interpolate(ns["coordinates"], scale_factor=scale, mode=mode, align_corners=True)[0, 0, 0].cpu()
    assert plain[0] == 0 and plain[-1] == size - 1  # without antialias the corners are aligned


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_antialias_with_align_corners_keeps_the_corners_where_a_side_keeps_its_size_or_has_one_pixel(mode):
    # Review 83: the page said that with antialias=True "align_corners=True does not align the corners" and
    # that, enlarging, the dots "stop short of the last" pixel centre. On the CPU a side that keeps its size
    # is copied (scale_factor 1 or 1.05, or size=in), and a one-pixel side enlarged reads its only pixel:
    # the corners stay. The page now says "need not" and names its enlarged pictures.
    for h, w in ((6, 6), (5, 9), (1, 1), (1, 4), (3, 1)):
        rows, cols = torch.meshgrid(torch.arange(h), torch.arange(w), indexing="ij")
        coordinates = torch.stack([cols, rows]).to(torch.float64).unsqueeze(0)
        for options in ({"scale_factor": 1.0}, {"scale_factor": 1.05}, {"size": (h, w)}):
            same = F.interpolate(coordinates, mode=mode, align_corners=True, antialias=True, **options)
            assert torch.equal(same, coordinates), (h, w, options)
    for scale in (1.5, 2, 3, 4):
        for n in (1, 2, 6):
            one_pixel = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
            dots = F.interpolate(one_pixel, scale_factor=(scale, 1), mode=mode, align_corners=True, antialias=True)[
                0, 0
            ]
            assert torch.equal(dots, one_pixel[0, 0].expand_as(dots)), (scale, n)  # the only row, both corners
    en = (ROOT / "docs" / "interpolate-explorer.md").read_text(encoding="utf-8")
    assert "`align_corners=True` need not\nalign the corners" in en and "So, enlarging, the dots" not in en
    zh = (ROOT / "docs" / "interpolate-explorer.zh.md").read_text(encoding="utf-8")
    assert "不一定对齐角点" in zh and "所以放大时" not in zh


@pytest.mark.parametrize("mode,support", [("bilinear", 1), ("bicubic", 2)])
def test_antialias_dot_is_the_centre_inside_only_when_enlarging_or_shrinking_by_a_whole_factor(ns, mode, support):
    assert all(error > 0.01 for error in ns["non_whole_error"].values())  # the cell's 30 -> 20 counterexample
    n = 120
    row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
    for out in (13, 24, 30, 40, 48, 50, 60, 70, 80, 100, 150, 173, 240, 360):
        step = n / out
        centre = (torch.arange(out, dtype=torch.float64) + 0.5) * step - 0.5
        reach = support * max(step, 1)
        inside = (centre - reach > -1) & (centre + reach < n)
        dots = F.interpolate(row, size=(1, out), mode=mode, antialias=True)[0, 0, 0]
        error = (dots - centre)[inside].abs().max().item()
        if step <= 1 or step == int(step):
            assert error < 1e-9, (mode, out)
        else:
            assert error > 1e-4, (mode, out)


def test_antialias_smooths_the_bilinear_half(ns):
    def variation(label):
        picture = torch.as_tensor(ns["outputs"][label])
        return float(picture.diff(dim=-1).abs().sum() + picture.diff(dim=-2).abs().sum())

    plain = variation("mode=bilinear; scale_factor=0.5; align_corners=None; antialias=False")
    smooth = variation("mode=bilinear; scale_factor=0.5; align_corners=None; antialias=True")
    assert smooth < 0.9 * plain  # "this picture's output gets smoother"
    # Review 57: not every image's. Pixel pairs of equal sums halve to a constant without antialias, and the wider
    # filter, reading the neighbouring pairs, varies, inside the row as well as at its ends.
    for seed in range(20):
        pairs = torch.randint(0, 2, (16,), generator=torch.Generator().manual_seed(seed)).double()
        row = torch.stack([pairs, 1 - pairs], dim=1).flatten().view(1, 1, 1, -1).expand(1, 1, 4, 32)
        plain_row = F.interpolate(row, scale_factor=0.5, mode="bilinear")[0, 0, 0]
        smooth_row = F.interpolate(row, scale_factor=0.5, mode="bilinear", antialias=True)[0, 0, 0]
        assert torch.equal(plain_row, torch.full_like(plain_row, 0.5))
        assert smooth_row[1:-1].diff().abs().sum() > 0.2, seed
    # Review 60: the page named a class ("a row whose pixel pairs all have the same sum"), but a constant row is in it
    # and stays constant, and 0, 1, 0, 1, ... varies only at its ends; the page's own row varies inside too
    for row, varies_inside in (([0, 1, 1, 0, 1, 0, 0, 1], True), ([3] * 8, False), ([0, 1] * 8, False)):
        x = torch.tensor(row, dtype=torch.float64).view(1, 1, 1, -1).expand(1, 1, 4, -1)
        plain_row = F.interpolate(x, scale_factor=0.5, mode="bilinear")[0, 0, 0]
        smooth_row = F.interpolate(x, scale_factor=0.5, mode="bilinear", antialias=True)[0, 0, 0]
        assert torch.equal(plain_row, torch.full_like(plain_row, plain_row[0].item()))
        assert bool(smooth_row[1:-1].diff().abs().max() > 0.05) == varies_inside, row
    en = (ROOT / "docs" / "interpolate-explorer.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "interpolate-explorer.zh.md").read_text(encoding="utf-8")
    assert "this picture's output gets smoother (not every image's: the row 0, 1, 1, 0, 1, 0, 0, 1," in en
    assert "0, 1, 1, 0, 1, 0, 0, 1 这一行像素两两之和都相同" in zh and "如果一行像素两两之和都相同" not in zh
    # Review r103-9: the bullet did not name align_corners, which the explorer offers: with True the plain call
    # samples 0, 7/3, 14/3, 7, off the pair midpoints, and the same row no longer halves to a constant
    x = torch.tensor([0, 1, 1, 0, 1, 0, 0, 1], dtype=torch.float64).view(1, 1, 1, -1).expand(1, 1, 4, -1)
    plain_row = F.interpolate(x, scale_factor=0.5, mode="bilinear", align_corners=True)[0, 0, 0]
    assert plain_row.max() - plain_row.min() > 0.5
    assert "with it, both with `align_corners` off)." in en
    assert "不设 `align_corners` 时，不开抗混叠缩小一半得到一行常数" in zh


@pytest.mark.parametrize("scale", [0.5, 1.5, 2, 3])
def test_grid_for_bilinear_is_the_half_pixel_formula_clamped(ns, scale):
    out = int(ns["size"] * scale)
    d = torch.arange(out, dtype=torch.float64)
    expected = ((d + 0.5) / scale - 0.5).clamp(0, ns["size"] - 1)
    torch.testing.assert_close(sampled_x(ns, scale_factor=scale, mode="bilinear"), expected)


@pytest.mark.parametrize("scale", [0.5, 1.5, 2, 3])
def test_grid_for_bilinear_align_corners_spans_first_to_last_centre(ns, scale):
    out = int(ns["size"] * scale)
    grid = sampled_x(ns, scale_factor=scale, mode="bilinear", align_corners=True)
    torch.testing.assert_close(grid, torch.linspace(0, ns["size"] - 1, out, dtype=torch.float64))


def test_nearest_copies_some_pixels_twice_at_1_5_and_nearest_exact_differs(ns):
    nearest = sampled_x(ns, scale_factor=1.5, mode="nearest")
    exact = sampled_x(ns, scale_factor=1.5, mode="nearest-exact")
    counts = torch.bincount(nearest.long())
    assert set(counts.tolist()) == {1, 2}
    assert not torch.equal(nearest, exact)
    assert torch.equal(nearest, nearest.round()) and torch.equal(exact, exact.round())


def test_area_halving_samples_the_middle_of_each_2x2_block(ns):
    grid = sampled_x(ns, scale_factor=0.5, mode="area")
    torch.testing.assert_close(grid, torch.arange(3, dtype=torch.float64) * 2 + 0.5)


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "area"])
@pytest.mark.parametrize("align", [False, True])
def test_explicit_align_corners_is_rejected_for_non_interpolating_modes(ns, mode, align):
    with pytest.raises(ValueError, match="align_corners option can only be set"):
        F.interpolate(ns["image"], scale_factor=2, mode=mode, align_corners=align)


def test_align_corners_none_means_false(ns):
    image = ns["image"].cpu()
    for mode in ("bilinear", "bicubic", "lanczos"):
        if mode not in ns["modes"]:
            continue
        for antialias in (False, True) if mode != "lanczos" else (True,):
            for scale in ns["scale_factors"]:
                options = dict(scale_factor=scale, mode=mode, antialias=antialias)
                default = F.interpolate(image, **options)
                assert torch.equal(default, F.interpolate(image, align_corners=False, **options)), options


def test_bicubic_antialias_outermost_dots_move_inwards_only_where_the_step_is_in_over_out():
    # The page: the outermost bicubic dot moves inwards where the step is in/out (size=, or a
    # scale factor with a whole product, as in the pictures). With a scale factor whose product
    # is not whole the grid is lopsided, and the last dot can move outwards: 3 pixels x1.5.
    for n in range(2, 13):
        row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, -1)
        for out in range(2, 61):
            if out == n:
                continue
            gap = F.interpolate(row, size=(1, out), mode="bicubic", antialias=True)[0, 0, 0] - (
                (torch.arange(out, dtype=torch.float64) + 0.5) * n / out - 0.5
            )
            assert gap[0] >= -1e-9 and gap[-1] <= 1e-9, (n, out)
    row = torch.arange(3, dtype=torch.float64).view(1, 1, 1, -1)
    dots = F.interpolate(row, scale_factor=(1, 1.5), mode="bicubic", antialias=True)[0, 0, 0]
    centre = (torch.arange(dots.numel(), dtype=torch.float64) + 0.5) / 1.5 - 0.5
    assert (dots - centre)[-1] > 0.05  # the last dot moves right, out of the image's middle


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_antialias_dots_break_on_the_cpu_for_an_output_one_pixel_wide(mode):
    # The page's exception: a contiguous input whose height changes, resized to a width of 1.
    for h_in, h_out in ((4, 8), (6, 12), (8, 4), (6, 3)):
        ramp = torch.arange(h_in, dtype=torch.float32).view(1, 1, h_in, 1)
        dots = F.interpolate(ramp, size=(h_out, 1), mode=mode, antialias=True)[0, 0, :, 0]
        assert torch.all(dots == dots[0]), (mode, h_in, h_out)
        wide = F.interpolate(ramp.expand(1, 1, h_in, 2), size=(h_out, 2), mode=mode, antialias=True)[0, 0, :, 0]
        assert wide[-1] > wide[0] + 1, (mode, h_in, h_out)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_antialias_one_pixel_wide_exception_needs_both_heights_at_least_two(mode):
    # The page's exception names both heights >= 2: to one row the dot is the centre, whole shrinks of any size.
    for n in range(2, 13):
        ramp = torch.arange(n, dtype=torch.float64).view(1, 1, n, 1).expand(1, 1, n, n).contiguous()
        dot = F.interpolate(ramp, size=(1, 1), mode=mode, antialias=True)[0, 0, 0, 0]
        assert abs(dot - (n - 1) / 2) < 1e-12, (mode, n)
    ramp = torch.arange(6, dtype=torch.float64).view(1, 1, 6, 1).expand(1, 1, 6, 6).contiguous()
    dots = F.interpolate(ramp, size=(2, 1), mode=mode, antialias=True)[0, 0, :, 0]
    assert dots[0] == dots[1]  # 6 -> 2 rows: both heights >= 2, the first row repeats


def test_glossary_one_pixel_axis_takes_the_first_pixel_from_one_row_or_to_one_row_despite_the_bug():
    # The glossary's align_corners row: the one-pixel-wide bug needs both heights >= 2.
    g = torch.Generator().manual_seed(0)
    for h_in, w_in, h_out in ((1, 4, 3), (1, 5, 1), (4, 4, 1), (3, 4, 1), (1, 2, 7)):
        x = torch.randint(0, 256, (1, 5, h_in, w_in), dtype=torch.uint8, generator=g)
        y = F.interpolate(x, size=(h_out, 1), mode="bilinear", align_corners=True)
        assert torch.equal(y, x[..., :1, :1].expand_as(y)), (h_in, w_in, h_out)
        xf = torch.rand(1, 2, h_in, w_in, dtype=torch.float64, generator=g)
        yf = F.interpolate(xf, size=(h_out, 1), mode="bilinear", align_corners=True, antialias=True)
        assert torch.equal(yf, xf[..., :1, :1].expand_as(yf)), (h_in, w_in, h_out)
    x = torch.randint(0, 256, (1, 5, 4, 4), dtype=torch.uint8, generator=g)
    y = F.interpolate(x, size=(3, 1), mode="bilinear", align_corners=True)
    assert not torch.equal(
        y, F.interpolate(x.double(), size=(3, 1), mode="bilinear", align_corners=True).round().byte()
    )


def test_antialias_dots_are_the_centre_only_up_to_float64_rounding():
    n, out = 6, 18
    row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
    centre = (torch.arange(out, dtype=torch.float64) + 0.5) * n / out - 0.5
    inside = (centre - 2 > -1) & (centre + 2 < n)
    error = (F.interpolate(row, size=(1, out), mode="bicubic", antialias=True)[0, 0, 0] - centre)[inside].abs().max()
    assert 0 < error < 1e-12


def test_bilinear_antialias_edge_dots_move_inwards_only_where_the_step_is_in_over_out():
    # The page: inwards wherever the step is in/out (size=); with a scale factor whose product
    # is not whole, the last dot can move outwards: 9 pixels x0.7.
    for n in range(2, 30):
        row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, -1)
        for out in range(1, 61):
            if out == n:
                continue
            dots = F.interpolate(row, size=(1, out), mode="bilinear", antialias=True)[0, 0, 0]
            centre = (torch.arange(out, dtype=torch.float64) + 0.5) * n / out - 0.5
            reach = max(n / out, 1.0)
            cut = (centre - reach < -0.5) | (centre + reach > n - 0.5)
            towards_middle = torch.sign((n - 1) / 2 - centre)
            assert ((dots - centre)[cut] * towards_middle[cut] >= -1e-9).all(), (n, out)
    row = torch.arange(9, dtype=torch.float64).view(1, 1, 1, -1)
    dots = F.interpolate(row, scale_factor=(1, 0.7), mode="bilinear", antialias=True)[0, 0, 0]
    centre = (torch.arange(dots.numel(), dtype=torch.float64) + 0.5) / 0.7 - 0.5
    assert (dots - centre)[-1] > 0.01  # the last dot moves right, away from the image's middle


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_one_pixel_wide_bug_hits_a_non_contiguous_slice_too(mode):
    # "unless it is channels_last with several channels": a non-contiguous slice repeats the first row as well.
    wide = torch.rand(1, 1, 6, 5, dtype=torch.float64, generator=torch.Generator().manual_seed(1))
    column = wide[..., 2:3]
    assert not column.is_contiguous()
    y = F.interpolate(column, size=(12, 1), mode=mode, antialias=True)
    assert torch.equal(y, y[..., :1, :].expand_as(y))
    many = column.expand(1, 3, 6, 1).contiguous(memory_format=torch.channels_last)
    right = F.interpolate(many, size=(12, 1), mode=mode, antialias=True)[:, :1]
    assert (right - y).abs().max() > 0.05


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_antialias_non_whole_shrink_keeps_every_third_dot_exact_at_4_3_and_5_3(mode):
    # the centre (d + 1/2) * s - 1/2 is a whole or half pixel at d = 1, 4, 7, ...: symmetric weights
    for n, out in ((40, 30), (120, 90), (50, 30), (150, 90)):
        row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
        centre = (torch.arange(out, dtype=torch.float64) + 0.5) * n / out - 0.5
        error = (F.interpolate(row, size=(1, out), mode=mode, antialias=True)[0, 0, 0] - centre).abs()
        inner = torch.arange(3, out - 3)
        exact = error[inner] < 1e-9
        assert torch.equal(exact, inner % 3 == 1), (mode, n, out)
        assert error[inner][inner % 3 == 1].max() < 1e-13  # float64 rounding
    # Review 23: "exact" only up to float64 rounding, not bit for bit
    row = torch.arange(50, dtype=torch.float64).view(1, 1, 1, 50)
    centre = (torch.arange(30, dtype=torch.float64) + 0.5) * 50 / 30 - 0.5
    error = (F.interpolate(row, size=(1, 30), mode="bicubic", antialias=True)[0, 0, 0] - centre).abs()
    assert 0 < error[4:27:3].max() < 1e-13  # d = 4, 7, ..., 25
    code = (
        "import torch, torch.nn.functional as F\n"
        "row = torch.arange(50, dtype=torch.float64).view(1, 1, 1, 50)\n"
        "centre = (torch.arange(30, dtype=torch.float64) + 0.5) * 50 / 30 - 0.5\n"
        "dots = F.interpolate(row, size=(1, 30), mode='bicubic', antialias=True)[0, 0, 0]\n"
        "print(bool((dots - centre)[4:27:3].abs().max() > 0))\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["True"]
    # at 1.5 no centre is a whole or half pixel, so every dot inside is off
    row = torch.arange(30, dtype=torch.float64).view(1, 1, 1, 30)
    centre = (torch.arange(20, dtype=torch.float64) + 0.5) * 1.5 - 0.5
    assert ((F.interpolate(row, size=(1, 20), mode=mode, antialias=True)[0, 0, 0] - centre).abs()[3:-3] > 1e-3).all()


@pytest.mark.parametrize("mode", ["bilinear", "bicubic", "lanczos"])
def test_antialias_scale_factor_that_keeps_an_axis_copies_it_on_the_cpu(mode):
    # The step is 1/scale_factor only where the axis changes size: 6 pixels x 1.05 stay 6 and are copied.
    for n, scale in ((6, 1.05), (6, 1.1), (9, 1.1), (40, 1.02)):
        ramp = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n).expand(1, 1, 3, n)
        dots = F.interpolate(ramp, scale_factor=(1.0, scale), mode=mode, antialias=True)[0, 0, 0]
        assert dots.shape[-1] == n and torch.equal(dots, ramp[0, 0, 0]), (mode, n, scale)
        centre = (torch.arange(n, dtype=torch.float64) + 0.5) / scale - 0.5
        assert (centre - ramp[0, 0, 0]).abs().max() > 0.04


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_a_channels_last_view_of_an_hwc_array_still_hits_the_one_pixel_wide_bug(mode):
    # "unless ... with a batch stride of at least H times the row stride": the permuted HWC view is
    # channels_last (torch ignores the batch stride of a batch of one) and is still wrong.
    for h_in, w_in, channels, h_out in ((6, 4, 3, 12), (8, 6, 4, 5), (2, 3, 3, 3)):
        hwc = torch.rand(h_in, w_in, channels, generator=torch.Generator().manual_seed(h_in))
        view = hwc.permute(2, 0, 1)[None]
        assert view.is_contiguous(memory_format=torch.channels_last) and view.stride(0) != h_in * w_in * channels
        y = F.interpolate(view, size=(h_out, 1), mode=mode, antialias=True)
        assert torch.equal(y, y[..., :1, :].expand_as(y)), (h_in, w_in, channels, h_out)
        copy = view.contiguous().contiguous(memory_format=torch.channels_last)
        assert copy.stride(0) == h_in * w_in * channels
        right = F.interpolate(copy, size=(h_out, 1), mode=mode, antialias=True)
        assert (right - y).abs().max() > 0.01


def test_one_pixel_wide_bug_spares_exactly_several_channels_passing_the_channels_last_stride_test():
    # The rule the page links to (interpolate-support.md#width-one-bug): right exactly when there are several
    # channels and the strides pass c10's is_channels_last_strides_2d (going C, W, H, N, each stride at least
    # the previous stride times the previous axis's length). Random layouts (every stride order) and crops, both modes.
    def passes(x):
        bound = 0
        for d in (1, 3, 2, 0):
            if x.stride(d) < bound or (d == 0 and bound == x.stride(1)):
                return False
            bound = x.stride(d) * x.shape[d]
        return x.stride(1) != 0

    def wrong(x, h_out, mode):
        y = F.interpolate(x, size=(h_out, 1), mode=mode, antialias=True)
        t = x.contiguous().transpose(-1, -2)
        right = F.interpolate(t, size=(1, h_out), mode=mode, antialias=True).transpose(-1, -2)
        return not torch.allclose(y, right, atol=1e-5)

    g = torch.Generator().manual_seed(18)
    escaped = 0
    for i in range(400):
        n, c, h, w = (int(v) for v in torch.randint(1, 7, (4,), generator=g))
        n, h = min(n, 2), h + 1
        order = torch.randperm(4, generator=g).tolist()
        pad = (1, 2, 2, 2) if i % 2 else (0, 0, 0, 0)
        dims = [[n, c, h, w][d] + pad[d] for d in order]
        big = torch.randn(dims, generator=g).permute([order.index(d) for d in range(4)])
        x = big[:n, :c, :h, :w]
        h_out = h + 1 if i % 3 else max(h // 2, 2) if h > 2 else 3
        spared = c >= 2 and passes(x)
        escaped += spared
        assert wrong(x, h_out, ("bilinear", "bicubic")[i % 2]) != spared, (x.shape, x.stride(), h_out)
    assert escaped > 8
    # the named cases: row, column and channel crops of a 6-channel channels_last copy of a batch of two escape;
    # every second channel of an RGB copy does not (channel stride 2 times 2 channels > width stride 3)
    copy = torch.rand(2, 6, 8, 6, generator=g).contiguous(memory_format=torch.channels_last)
    for crop in (copy[:, :, :6], copy[..., :4], copy[:, :3], copy[:, ::2], copy[..., 2:3]):
        assert not crop.is_contiguous(memory_format=torch.channels_last)
        assert passes(crop) and not wrong(crop, 3, "bilinear"), crop.stride()
    rgb = torch.rand(2, 3, 8, 6, generator=g).contiguous(memory_format=torch.channels_last)[:, ::2]
    assert not passes(rgb) and wrong(rgb, 3, "bilinear"), rgb.stride()


def test_grid_sample_parts_from_interpolate_beyond_float64_rounding_on_a_long_cpu_axis():
    # Review 19, index page: "grid_sample matches interpolate up to rounding" failed on long float64 axes,
    # where the CPU's interpolate floors its positions in single precision.
    row = torch.rand(1, 1, 2, 3000, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    grid = F.affine_grid(torch.eye(2, 3, dtype=torch.float64)[None], [1, 1, 2, 4501], align_corners=False)
    sampled = F.grid_sample(row, grid, mode="bilinear", padding_mode="border", align_corners=False)
    resized = F.interpolate(row, size=(2, 4501), mode="bilinear", align_corners=False)
    assert (sampled - resized).abs().max() > 1e-8


def test_bicubic_antialias_dots_further_in_move_outwards_when_shrinking_too():
    # The page (review 25): the cut negative lobe moves dots further in outwards not only when
    # enlarging: shrinking, even by a whole factor, too (8 -> 4 pixels: the second dot), while
    # the outermost dot still moves inwards.
    outward = []
    for out in range(2, 12):
        for factor in range(2, 8):
            n = out * factor
            row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, -1)
            dots = F.interpolate(row, size=(1, out), mode="bicubic", antialias=True)[0, 0, 0]
            gap = dots - ((torch.arange(out, dtype=torch.float64) + 0.5) * factor - 0.5)
            assert gap[0] >= -1e-12 and gap[-1] <= 1e-12, (n, out)  # the outermost dots: inwards
            outward += [(n, out, d) for d in range(1, out // 2) if gap[d] < -1e-6]
    assert (8, 4, 1) in outward, outward


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_antialias_align_corners_dots_start_near_the_first_centre_only_when_enlarging(ns, mode):
    # Review 28: the page said the dots "start near the first pixel centre" with no direction; the
    # explorer's x0.5 picture starts about a pixel in (bilinear 1.0, bicubic 0.8 on 6 pixels).
    dots = ns["sampled"][f"mode={mode}; scale_factor=0.5; align_corners=True; antialias=True"]
    assert 0.7 < dots[0] < 1.1, dots


def test_convention_up_to_rounding_includes_overflow_of_a_partial_sum():
    # Review 30: equalities "up to rounding" between two summation orders fail near float32's
    # largest value; the glossary's Conventions say so once, with this block.
    block = torch.tensor([3e38] * 8 + [-3e38] * 8).view(1, 1, 4, 4)
    for x in (block, block.contiguous(memory_format=torch.channels_last)):
        assert F.avg_pool2d(x, 4).isinf().all()
        assert F.interpolate(x, size=1, mode="area").item() == 0.0
    for page, rule in (("glossary.md", "“Up to rounding” includes overflow"), ("glossary.zh.md", "也包括溢出")):
        assert rule in (ROOT / "docs" / page).read_text(encoding="utf-8"), page
    # Review 63: the rule said such computations "add the same terms in another order"; the pages also say it of
    # avg_pool2d against a convolution, which scales each term by 1/k**2 before adding: no order of adding the
    # pool's terms stays finite on two values of 3e38, while the convolution's sum does.
    pair = torch.full((1, 1, 1, 2), 3e38)
    assert F.avg_pool2d(pair, (1, 2)).isinf().all() and (pair[..., :1] + pair[..., 1:]).isinf().all()
    assert F.conv2d(pair, torch.full((1, 1, 1, 2), 0.5)).item() == pytest.approx(3e38)
    en = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "glossary.zh.md").read_text(encoding="utf-8")
    assert "or one scales the terms before adding them where the other\n  divides their sum" in en
    assert "或者一种先把各项缩放再相加、另一种先求和再相除（例如卷积与 `avg_pool2d`）" in zh


def test_convention_overflow_example_gives_zero_through_area_only_in_the_contiguous_layout():
    # Review 34: the Conventions said the 4x4 block gives 0 through area to 1x1; a channels_last copy
    # of two or more channels sums in another order and gives inf there too.
    block = torch.tensor([3e38] * 8 + [-3e38] * 8).view(1, 1, 4, 4)
    for channels in range(2, 10):
        x = block.expand(1, channels, 4, 4).contiguous()
        assert (F.interpolate(x, size=1, mode="area") == 0).all(), channels
        last = x.contiguous(memory_format=torch.channels_last)
        assert F.interpolate(last, size=1, mode="area").isinf().all(), channels
    for page, rule in (
        ("glossary.md", "of two or more channels adds in another order"),
        ("glossary.zh.md", "两个及以上通道的 `channels_last` 副本"),
    ):
        assert rule in (ROOT / "docs" / page).read_text(encoding="utf-8"), page


def test_glossary_antialias_filters_stretch_by_in_minus_one_over_out_minus_one_with_align_corners_true():
    # Review 37: the glossary's bilinear and bicubic rows said the antialias filter is stretched by
    # "the factor"; with align_corners=True torch stretches it by (in - 1)/(out - 1): 10 -> 4 pixels
    # gives a triangle of half-width 3 (weights 1/9, 2/9, 3/9, 2/9, 1/9), not 2.5.
    checked = {False: 0, True: 0}  # bicubic outputs whose filter lies inside
    for n, m in ((10, 4), (9, 3), (13, 5), (30, 7), (40, 5), (60, 7), (50, 12)):
        eye = torch.eye(n, dtype=torch.float64).view(n, 1, 1, n)
        for align, stretch in ((False, n / m), (True, (n - 1) / (m - 1))):
            weights = F.interpolate(eye, size=(1, m), mode="bilinear", antialias=True, align_corners=align).view(n, m)
            for d in range(m):
                centre = (d + 0.5) * stretch - 0.5
                if centre - stretch < 0 or centre + stretch > n - 1:
                    continue  # cut off at the edge
                j = torch.arange(n, dtype=torch.float64)
                triangle = (1 - (j - centre).abs() / stretch).clamp(min=0)
                assert torch.allclose(weights[:, d], triangle / triangle.sum(), atol=1e-12), (n, m, align, d)
            # bicubic (A = -0.5, support 2): the same stretch
            weights = F.interpolate(eye, size=(1, m), mode="bicubic", antialias=True, align_corners=align).view(n, m)
            for d in range(m):
                centre = (d + 0.5) * stretch - 0.5
                if centre - 2 * stretch < 0 or centre + 2 * stretch > n - 1:
                    continue
                t = ((torch.arange(n, dtype=torch.float64) - centre) / stretch).abs()
                cubic = torch.where(
                    t <= 1, 1.5 * t**3 - 2.5 * t**2 + 1, torch.where(t < 2, -0.5 * t**3 + 2.5 * t**2 - 4 * t + 2, 0.0)
                )
                assert torch.allclose(weights[:, d], cubic / cubic.sum(), atol=1e-12), ("bicubic", n, m, align, d)
                checked[align] += 1
    assert min(checked.values()) >= 3, checked
    for page, text in (("glossary.md", "3, not 2.5, for 10 → 4 pixels"), ("glossary.zh.md", "是 3 倍，不是 2.5 倍")):
        assert text in (ROOT / "docs" / page).read_text(encoding="utf-8")


def test_explorer_pictures_may_come_from_an_earlier_build_with_the_same_key():
    # Review 37: the page said every picture was computed "when this site was built"; the build reuses a
    # stored result whose key (code, packages, device, languages) matches, as the home page says.
    from sitegen import cache

    example = ROOT / "examples" / "interpolate_explorer.py"
    assert cache.cache_key(example, ["en", "zh"]) == cache.cache_key(example, ["en", "zh"])  # no build time in it
    page = (ROOT / "docs" / "interpolate-explorer.md").read_text(encoding="utf-8")
    assert "when this site was built" not in page
    # Review 101: the key holds the versions of Python and of the packages the code imports, not of every package
    assert_pages_say(
        (
            "interpolate-explorer.md",
            "an earlier one with the same code, device, and versions of Python and of the packages the code imports",
        ),
        ("interpolate-explorer.zh.md", "代码、设备、Python 版本以及代码所导入的包的版本都相同的某次更早的构建"),
    )


@pytest.mark.skipif(
    torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="needs a CPU that runs torch's AVX2 code"
)
def test_convention_an_avx2_cpu_means_torch_running_its_avx2_code():
    # The glossary's convention: the same CPU under ATEN_CPU_CAPABILITY=default (lower case) runs the generic code,
    # and the contiguous 3-channel uint8 image that stops at an internal assert at 1x1 resizes there.
    code = (
        "import torch, torch.nn.functional as F\n"
        "x = torch.randint(0, 256, (1, 3, 4, 4), dtype=torch.uint8)\n"
        "try:\n"
        "    F.interpolate(x, size=(1, 1), mode='bilinear'); ok = 'resizes'\n"
        "except RuntimeError as error:\n"
        "    ok = 'asserts' if 'INTERNAL ASSERT' in str(error) else 'other'\n"
        "print(torch.backends.cpu.get_cpu_capability(), ok)\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split() == ["DEFAULT", "resizes"]
    assert run_python(code, ATEN_CPU_CAPABILITY="avx2").split() == ["AVX2", "asserts"]
    for language in ("", ".zh"):
        conventions = (
            (ROOT / "docs" / f"glossary{language}.md").read_text(encoding="utf-8").split("{ #conventions }")[1]
        )
        assert "ATEN_CPU_CAPABILITY=default" in conventions and "NEON" in conventions, language


def test_antialias_steps_by_one_over_scale_factor_only_without_recompute_scale_factor():
    # explorer: the step is 1/scale_factor given a scale factor, unless recompute_scale_factor=True brings back in/out.
    torch.manual_seed(0)
    x = torch.rand(1, 2, 3, 40, dtype=torch.float64)
    for mode in ("bilinear", "bicubic"):
        for n in range(3, 41):
            for s in (0.3, 0.45, 0.7, 1.3, 1.7, 2.6):
                out = int(n * s)
                if out < 1:
                    continue
                sized = F.interpolate(x[..., :n], size=(3, out), mode=mode, antialias=True)
                again = F.interpolate(
                    x[..., :n], scale_factor=(1, s), mode=mode, antialias=True, recompute_scale_factor=True
                )
                assert torch.equal(again, sized), (mode, n, s)
    ramp = torch.arange(9.0, dtype=torch.float64).expand(1, 1, 2, 9)
    by_factor = F.interpolate(ramp, scale_factor=(1, 0.7), mode="bilinear", antialias=True)[0, 0, 0]
    by_size = F.interpolate(ramp, scale_factor=(1, 0.7), mode="bilinear", antialias=True, recompute_scale_factor=True)[
        0, 0, 0
    ]
    assert (by_factor - by_size).abs().max() > 0.1  # steps of 10/7 vs 9/6


def test_glossary_nearest_exact_scale_factor_rule_needs_recompute_scale_factor_false():
    row = torch.arange(5.0).view(1, 1, 5)
    assert F.interpolate(row, scale_factor=0.3, mode="nearest-exact").flatten().tolist() == [1.0]
    assert F.interpolate(
        row, scale_factor=0.3, mode="nearest-exact", recompute_scale_factor=True
    ).flatten().tolist() == [2.0]


UINT8_NEAR_HALF = """
import torch, torch.nn.functional as F
torch.manual_seed(0)
differ = raised = 0
for channels in range(1, 9):
    for layout in (torch.contiguous_format, torch.channels_last):
        for trial in range(60):
            levels = torch.randint(0, 256, (1, channels, 2, 2))
            if trial % 2:  # sums that sit halfway between two levels
                levels = torch.randint(0, 2, (1, channels, 2, 2)) * (2 * trial + 1)
            x = levels.to(torch.uint8).contiguous(memory_format=layout)
            try:
                plain = F.interpolate(x, scale_factor=0.5000000001, mode="bilinear")
                smooth = F.interpolate(x, scale_factor=0.5000000001, mode="bilinear", antialias=True)
            except RuntimeError:
                raised += 1
                continue
            differ += not torch.equal(plain, smooth)
print(differ, raised)
"""


@pytest.mark.parametrize("capability", [None, "default"])
def test_convention_uint8_2x2_to_1x1_agrees_with_and_without_antialias_at_0_5000000001(capability):
    # Conventions ("differ"): the factors where bilinear with and without antialias agree from 2x2 to 1x1
    # include 0.5000000001 for uint8 too, though uint8 keeps the step in double (as float64 does, which differs).
    env = {} if capability is None else {"ATEN_CPU_CAPABILITY": capability}
    differ, raised = map(int, run_python(UINT8_NEAR_HALF, **env).split())
    assert differ == 0 and raised <= 60  # at most the contiguous 3-channel images, which assert on an AVX2 CPU
    x = torch.rand(1, 1, 2, 2, dtype=torch.float64)
    plain = F.interpolate(x, scale_factor=0.5000000001, mode="bilinear")
    assert (plain - F.interpolate(x, scale_factor=0.5000000001, mode="bilinear", antialias=True)).abs().max() > 1e-13


@pytest.mark.parametrize("mode,plain", [("bilinear", 2), ("bicubic", 4)])
def test_glossary_100_to_98_align_corners_true_widens_two_outputs_plus_rounding_sized_weights(mode, plain):
    # Review 39: the glossary said "three with True" (bilinear) and "four outputs" (bicubic, any align_corners);
    # with True only two outputs read more than the plain taps, the rest are weights of rounding size.
    def weights(dtype, align):
        one_hot = torch.eye(100, dtype=dtype).view(100, 1, 1, 100)
        out = F.interpolate(one_hot, size=(1, 98), mode=mode, antialias=True, align_corners=align)
        return out[:, 0, 0, :].double()

    def wide(w, floor=0.0):
        return int(((w.abs() > floor).sum(dim=0) > plain).sum())

    assert wide(weights(torch.float64, False)) == wide(weights(torch.float32, False)) == plain
    true64, true32 = weights(torch.float64, True), weights(torch.float32, True)
    assert wide(true64, 1e-6) == wide(true32, 1e-6) == 2
    if mode == "bilinear":
        assert wide(true64) == wide(true32) == 3
        assert 0 < true64.abs()[true64 != 0].min() < 1e-14
        assert 1e-8 < true32.abs()[true32 != 0].min() < 1e-6
    else:
        assert (wide(true64), wide(true32)) == (4, 5)
        assert true64.abs()[true64 != 0].min() < true32.abs()[true32 != 0].min() < 2e-14


def test_bicubic_antialias_outward_count_is_not_in_step_with_the_factor(ns):
    # Review 42: the page said "one or two at the factors of the pictures (up to x3), more at larger
    # factors"; x2.5 moves three dots per side outwards, more than x3 (two), on any row long enough.
    def count(n, out):
        row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
        centre = (torch.arange(out, dtype=torch.float64) + 0.5) * n / out - 0.5
        dots = F.interpolate(row, size=(1, out), mode="bicubic", antialias=True)[0, 0, 0]
        return int(((dots - centre)[: out // 2] < -1e-6).sum())

    for n in (6, 10, 20, 40, 100):
        assert count(n, n * 5 // 2) == 3 and count(n, n * 3) == 2, n
        assert all(count(n, int(n * scale)) in (1, 2) for scale in (1.5, 2, 3)), n  # "one or two in the pictures"
    assert ns["outward"][2.5] == 3 > ns["outward"][3]
    page = (ROOT / "docs" / "interpolate-explorer.md").read_text(encoding="utf-8")
    assert "(up to ×3), more at larger factors" not in page and "×2.5 among" in page
    assert "2.5 倍就是一例" in (ROOT / "docs" / "interpolate-explorer.zh.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_antialias_align_corners_first_dot_at_one_half_is_about_a_pixel_in_only_in_the_pictures(ns, mode):
    # Review 42: the page said "shrinking x0.5, the first dot already sits about a pixel in" for any image;
    # on longer rows it sits 0.73 (bilinear) and 0.56 (bicubic) pixels in. The page now names its pictures.
    firsts = []
    for n in range(40, 121, 8):
        row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
        dots = F.interpolate(row, scale_factor=(1, 0.5), mode=mode, antialias=True, align_corners=True)[0, 0, 0]
        firsts.append(float(dots[0]))
    assert all(0.5 < first < 0.76 for first in firsts), firsts
    if mode == "bicubic":
        assert max(firsts) < 0.6
    assert "in the ×0.5\npictures, the first dot" in (ROOT / "docs" / "interpolate-explorer.md").read_text(
        encoding="utf-8"
    )


def test_bicubic_dots_furthest_off_at_the_border_only_in_the_pages_lines():
    # Review 42: the page said, of bicubic's dots, "wherever a dot is off at all, it is furthest off" at the
    # border; shrinking with align_corners=True the border dots sit on the corner pixels (exact) and the
    # largest error is inside: 8 -> 4 pixels, and every 2n -> n from 8 pixels up. The page now says "in these lines".
    decomposition = importlib.import_module("torch._decomp.decompositions")
    for n in range(8, 31, 2):
        row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
        out = n // 2
        step = decomposition._compute_scale(n, out, True, None)
        source = torch.tensor([decomposition._compute_source_index(step, d, True) for d in range(out)])
        dots = F.interpolate(row, size=(1, out), mode="bicubic", align_corners=True)[0, 0, 0]
        gap = (dots - source.double()).abs()
        inside = (source >= 1) & (source <= n - 2)
        assert gap[0] < 1e-12 and gap[-1] < 1e-12, n  # the corner dots are exact up to rounding...
        if n == 8:  # ...and bit for bit in the page's 8 -> 4
            assert dots[0] == 0 and dots[-1] == 7
        assert gap[inside].max() == gap.max() > 0.03, n  # the largest error is inside
    page = (ROOT / "docs" / "interpolate-explorer.md").read_text(encoding="utf-8")
    assert "in these lines, wherever a dot is off at all" in page and "8 → 4 pixels with `align_corners=True`" in page
    assert "在这几行里" in (ROOT / "docs" / "interpolate-explorer.zh.md").read_text(encoding="utf-8")


def test_glossary_area_is_a_plain_mean_which_can_match_the_box_average_where_sizes_do_not_divide():
    # Review 42: the glossary said area is "not weighted by the area covered, unless the sizes divide";
    # enlarging 2 -> 3, 2 -> 5, 4 -> 6 (sizes that do not divide) every window straddles a pixel border
    # symmetrically, and the plain mean is the box average. Now: not weighted, with the 3 -> 2 example.
    from fractions import Fraction

    def weights(n, m):
        return F.interpolate(torch.eye(n, dtype=torch.float64).view(n, 1, n), size=m, mode="area").view(n, m)

    def box(n, m):  # exact overlap of output window i, [i n/m, (i + 1) n/m), with pixel j
        w = torch.zeros(n, m, dtype=torch.float64)
        for i in range(m):
            a, b = Fraction(i * n, m), Fraction((i + 1) * n, m)
            for j in range(n):
                w[j, i] = float(max(Fraction(0), min(b, Fraction(j + 1)) - max(a, Fraction(j))) / (b - a))
        return w

    for n, m in ((2, 3), (2, 5), (4, 6), (6, 9)):
        assert n % m and m % n and torch.allclose(weights(n, m), box(n, m), atol=1e-12), (n, m)
    assert weights(3, 2)[:, 0].tolist() == [0.5, 0.5, 0.0]
    assert torch.allclose(box(3, 2)[:, 0], torch.tensor([2 / 3, 1 / 3, 0.0], dtype=torch.float64))
    for page, text in (
        ("glossary.md", "where the area would weigh them 2 : 1"),
        ("glossary.zh.md", "按面积加权应是 2 : 1"),
    ):
        body = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert text in body and "unless the sizes divide" not in body and "尺寸不能整除时，并不按" not in body


@pytest.mark.parametrize("mode,support", [("bilinear", 1), ("bicubic", 2)])
def test_antialias_non_whole_shrink_dots_can_be_off_inside_but_symmetric_ones_never_are(mode, support):
    # Review 43: "the dots are off even inside the image" failed where the only dot inside is the
    # middle one, on a pixel centre (121 -> 3 bilinear, 121 -> 5 bicubic): dots *can* be off inside.
    for n, out in ((121, 3),) if mode == "bilinear" else ((121, 5),):
        row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
        d = torch.arange(out)
        inside = ((2 * d + 1) * n - out - 2 * support * n > -2 * out) & (
            (2 * d + 1) * n - out + 2 * support * n < 2 * n * out
        )
        centre = (d + 0.5) * n / out - 0.5
        error = (F.interpolate(row, size=(1, out), mode=mode, antialias=True)[0, 0, 0] - centre).abs()
        assert inside.sum() == 1 and error[inside].max() < 1e-12, (n, out)
    # over a grid of non-whole shrinks: a dot whose centre is a whole or half pixel (symmetric
    # weights) is exact up to float64 rounding; some other dot inside is off somewhere
    off = 0
    for n in range(7, 131, 11):
        row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
        for out in range(1, n):
            if n % out == 0:
                continue
            d = torch.arange(out)
            twice = (2 * d + 1) * n - out  # 2 * out * centre, in whole numbers
            inside = (twice - 2 * support * n > -2 * out) & (twice + 2 * support * n < 2 * n * out)
            symmetric = inside & (twice % out == 0)
            centre = (d + 0.5) * n / out - 0.5
            error = (F.interpolate(row, size=(1, out), mode=mode, antialias=True)[0, 0, 0] - centre).abs()
            assert not symmetric.any() or error[symmetric].max() < 1e-12, (n, out)
            off += int((error[inside] > 1e-6).sum())
    assert off > 100


def test_the_inside_number_counts_taps_with_weight_not_all_four_taps():
    # At a whole source position n - 2 the fourth tap is pixel n, outside and clamped, but its weight is 0:
    # 5 -> 15 pixels puts output 10 at source 3.0, which returns pixel 3 exactly whatever pixel 4 holds.
    x = torch.rand(1, 1, 5, dtype=torch.float64)
    x[..., 4] = 1000.0
    row = F.interpolate(x[:, :, None], size=(1, 15), mode="bicubic")[0, 0, 0]
    assert row[10].item() == x[0, 0, 3].item()
    for page, old in (("interpolate-explorer.md", "all four taps"), ("interpolate-explorer.zh.md", "四个采样点都在")):
        assert old not in (ROOT / "docs" / page).read_text(encoding="utf-8")


def test_the_zh_page_calls_the_taps_of_the_inside_number_weights_not_samples():
    # Review r129-9: the zh page read 权重非零的采样点 ("samples with a nonzero weight") for the en "every tap with a
    # nonzero weight" and 边界处的采样点被截到边界像素上 for "the border, where the taps are clamped"; a tap is 权重
    # (the glossary's row), a sample 采样点: at x0.5 and x3 every bicubic sample of these pictures lies on the image
    # (-0.5 to 5.5 pixels), while taps of the outputs near the border fall outside pixels 0 to 5 and are clamped.
    decomposition = importlib.import_module("torch._decomp.decompositions")
    for scale in (0.5, 3):
        out = int(6 * scale)
        step = decomposition._compute_scale(6, out, False, scale)
        positions = [float(decomposition._compute_source_index(step, d, False)) for d in range(out)]
        assert all(-0.5 < p < 5.5 for p in positions)
        taps = [math.floor(p) + k for p in positions for k in (-1, 0, 1, 2)]
        assert min(taps) < 0 and max(taps) > 5
    assert_pages_say(
        ("interpolate-explorer.md", "The first number of each line holds where every tap with a nonzero weight lies"),
        ("interpolate-explorer.md", "the second includes the border, where the taps are clamped"),
        ("interpolate-explorer.zh.md", "每行的第一个数只统计非零权重全都落在图像内部的红点"),
        ("interpolate-explorer.zh.md", "第二个数把边界也算进去，边界处落到图像之外的权重被截到边界像素上"),
    )
    slip = re.compile(r"(?:权重非零|边界处)的采样点")
    for page in ("interpolate-explorer", "upsample", "glossary", "index"):
        assert not slip.search((ROOT / "docs" / f"{page}.zh.md").read_text(encoding="utf-8")), page


def test_bicubic_dots_are_exact_where_its_weights_are_symmetric_though_they_miss_a_straight_line(ns):
    # Review 48: the shown comment said the weighted mean position "equals the sampled point only for weights
    # that reproduce a straight line"; bicubic's do not, yet its dots are exact inside at x0.5 (midway between
    # two pixels) and everywhere at x0.5 with align_corners=True (on or midway between pixels).
    assert ns["dot_error"][0.5, False][0] < 1e-12 and ns["dot_error"][0.5, True][1] < 1e-12
    assert ns["dot_error"][2, False][0] > 0.01
    source = (ROOT / "examples" / "interpolate_explorer.py").read_text(encoding="utf-8")
    assert "equals the sampled point only for" not in source


@pytest.mark.parametrize("scale", [2, 3])
def test_not_every_mode_looks_different_at_whole_factors(ns, scale):
    # Review 48: the setup comment said the 6x6 image was made "so that every mode looks different"; enlarged
    # by a whole factor, nearest, nearest-exact and area give the same pictures of it.
    pictures = [
        ns["outputs"][f"mode={mode}; scale_factor={scale}; align_corners=None; antialias=False"]
        for mode in ("nearest", "nearest-exact", "area")
    ]
    assert (pictures[0] == pictures[1]).all() and (pictures[0] == pictures[2]).all()
    source = (ROOT / "examples" / "interpolate_explorer.py").read_text(encoding="utf-8")
    assert "every mode looks different" not in source


MINUS_ZERO_ODD_SHRINK = """
import torch, torch.nn.functional as F
bad = 0
for k in range(3, 16, 2):
    for dt in (torch.float32, torch.float64):
        for layout in (torch.contiguous_format, torch.channels_last):
            for channels in (1, 4):
                x = torch.rand(1, channels, 3 * k, 3 * k, dtype=dt) + 0.5
                x[:, :, k + k // 2, k + k // 2] = -0.0
                x = x.contiguous(memory_format=layout)
                for options in (dict(size=3), dict(scale_factor=1 / k)):
                    y = F.interpolate(x, mode="bilinear", **options)[:, :, 1, 1]
                    bad += not ((y == 0).all() and not torch.signbit(y).any())
print(bad)
"""


@pytest.mark.parametrize("capability", [None, "default"])
def test_convention_minus_zero_turns_plus_zero_where_bilinear_shrinks_by_an_odd_factor_not_enlarges(capability):
    # Review 49: the Conventions said "odd-factor bilinear turns a -0.0 pixel between positive neighbours into +0.0".
    # Shrinking by an odd factor k samples pixel k*d + k//2 exactly (weight 1, neighbour weight 0): +0.0, on both
    # CPU capabilities, in both layouts, given size or 1/k. Enlarging by 7 in float32 steps by float32(1/7), so the
    # output over the -0.0 pixel is a small positive value, not +0.0: the old claim is false there.
    env = {} if capability is None else {"ATEN_CPU_CAPABILITY": capability}
    assert run_python(MINUS_ZERO_ODD_SHRINK, **env).split() == ["0"]
    x = torch.full((1, 1, 3, 3), 0.75)
    x[0, 0, 1, 1] = -0.0
    y = F.interpolate(x, scale_factor=7, mode="bilinear")[0, 0, 10, 10]  # output pixel 10 sits on input pixel 1
    assert y > 0
    conventions = {
        language: (ROOT / "docs" / f"glossary{language}.md").read_text(encoding="utf-8").split("{ #conventions }")[1]
        for language in ("", ".zh")
    }
    assert "shrinking by an odd\n  factor turns a −0.0 pixel" in conventions[""]
    assert "odd-factor" not in conventions[""]
    assert "`bilinear` 按奇数倍缩小时，会把两侧邻居为正数、值为 −0.0 的像素变成 +0.0" in conventions[".zh"]


def test_convention_2x2_to_1x1_with_and_without_antialias_is_not_bit_for_bit_in_float64_either():
    # Review 49: the Conventions said the two agree up to rounding, "not bit for bit in float32", implying float64
    # is bit for bit; in float64 most random 2x2 images differ in the last bits too.
    torch.manual_seed(0)
    differ = 0
    for _ in range(50):
        x = torch.randn(1, 3, 2, 2, dtype=torch.float64)
        plain = F.interpolate(x, size=1, mode="bilinear")
        smooth = F.interpolate(x, size=1, mode="bilinear", antialias=True)
        assert torch.allclose(plain, smooth, rtol=1e-14, atol=1e-15)
        differ += not torch.equal(plain, smooth)
    assert differ > 10
    # Review 66: "not bit for bit" read for align_corners=True too, where both take the top-left pixel at any factor
    for dtype, channels, layout, factor in itertools.product(
        (torch.float32, torch.float64, torch.uint8),
        (1, 3, 4),
        (torch.contiguous_format, torch.channels_last),
        (0.5, 0.6, 0.9),
    ):
        x = torch.empty((1, channels, 2, 2), dtype=dtype, memory_format=layout).copy_(
            torch.rand(1, channels, 2, 2) * 255
        )
        try:
            plain = F.interpolate(x, scale_factor=factor, mode="bilinear", align_corners=True)
        except RuntimeError:  # the contiguous 3-channel uint8 image on an AVX2 or AVX-512 CPU
            assert dtype == torch.uint8 and channels == 3 and layout == torch.contiguous_format
            continue
        smooth = F.interpolate(x, scale_factor=factor, mode="bilinear", align_corners=True, antialias=True)
        assert torch.equal(plain, smooth) and torch.equal(plain, x[..., :1, :1]), (dtype, channels, layout, factor)
    for page, text in (
        (
            "glossary.md",
            "with `align_corners=True` both copy the top-left pixel at any factor, bit for\n  bit; with `False`, up to float rounding, not bit for bit in float32 or float64)",
        ),
        (
            "glossary.zh.md",
            "`align_corners=True` 时两者都复制左上角的像素，任何缩放因子下都逐位相同；取 `False` 时在浮点舍入误差内一致，float32 和 float64 下都不逐位相同）",
        ),
    ):
        assert text in (ROOT / "docs" / page).read_text(encoding="utf-8")


def test_glossary_one_pixel_axis_bicubic_formula_needs_a_second_pixel_else_it_takes_the_first():
    # Review 49: the glossary's align_corners row said that with antialias=True an axis brought to one output pixel
    # takes the first input pixel "only in bilinear", bicubic returning 1.125 * first - 0.125 * second. From an
    # axis of one input pixel there is no second: bicubic takes the first there too (a 1-row image stays one row,
    # any width; a one-pixel-wide column would meet the width-one bug, which the row names apart).
    options = dict(mode="bicubic", align_corners=True, antialias=True)
    generator = torch.Generator().manual_seed(49)
    for width in (1, 2, 5, 9):
        for out_width in (1, 3):
            row = torch.randn(1, 2, 1, width, dtype=torch.float64, generator=generator)
            expected = F.interpolate(torch.cat([row, row], -2), size=(2, out_width), **options)[..., :1, :]
            assert torch.allclose(F.interpolate(row, size=(1, out_width), **options), expected, atol=1e-12)
    x = torch.tensor([4.0, 6.0], dtype=torch.float64).view(1, 1, 2, 1)
    assert F.interpolate(x, size=(1, 1), **options).item() == 1.125 * 4 - 0.125 * 6  # two pixels: the formula
    assert F.interpolate(x[..., :1, :], size=(1, 1), **options).item() == 4  # one pixel: the first
    for page, text in (
        ("glossary.md", "(with `antialias=True`, from more than one pixel, only in `bilinear`)"),
        ("glossary.zh.md", "（加 `antialias=True` 且这个轴的输入不止一个像素时，只有 `bilinear` 如此）"),
    ):
        assert text in (ROOT / "docs" / page).read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_antialias_align_corners_step_is_zero_for_a_one_pixel_output(mode):
    # Review 50: the page said align_corners=True with antialias only changes the step to (in - 1)/(out - 1),
    # which has no value for a one-pixel output; torch uses a step of 0 there, so the filter stays centred on
    # -1/2 (the first pixel's edge) for every input length: the dot does not move with the input's length.
    dots = set()
    for n in range(2, 41):
        row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
        dots.add(F.interpolate(row, size=(1, 1), mode=mode, antialias=True, align_corners=True).item())
    assert len(dots) == 1 and dots.pop() < 0.5
    for name, new in (
        ("interpolate-explorer.md", "`(in − 1)/(out − 1)` (0 for an output one pixel long)"),
        ("interpolate-explorer.zh.md", "`(in − 1)/(out − 1)`（输出只有一个像素长时为 0；"),
    ):
        assert new in (ROOT / "docs" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("mode,support", [("bilinear", 1), ("bicubic", 2)])
def test_antialias_dots_cell_comment_centres_the_filter_by_one_over_scale_factor_not_in_over_out(mode, support):
    # Review 54: the shown comment said the filter is centred on (d + 1/2) * in/out - 1/2. Given a scale factor
    # whose product with the size is not whole, the step is 1/scale_factor: enlarging 21 pixels by 1.3 (27
    # outputs), the dots of whole filters sit on (d + 1/2) / 1.3 - 1/2, up to 0.07 px off the in/out formula.
    for n in (7, 21, 33):
        row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
        dots = F.interpolate(row, scale_factor=(1, 1.3), mode=mode, antialias=True)[0, 0, 0]
        d = torch.arange(len(dots), dtype=torch.float64)
        by_factor, by_sizes = (d + 0.5) / 1.3 - 0.5, (d + 0.5) * n / len(dots) - 0.5
        inside = (by_factor - support > -1) & (by_factor + support < n)
        torch.testing.assert_close(dots[inside], by_factor[inside], rtol=0, atol=1e-9)
        assert (dots - by_sizes)[inside].abs().max() > 0.01, n
    source = (ROOT / "examples" / "interpolate_explorer.py").read_text(encoding="utf-8")
    assert "centred on (d + 1/2) * in/out - 1/2" not in source


def test_the_docstring_names_the_cells_that_measure_the_dots(ns):
    # Review 54: the docstring said "(bicubic, lanczos), the last cell measures by how much". The last cell
    # measures the antialiased dots; bicubic's are measured the cell before, and lanczos in no cell at all.
    source = (ROOT / "examples" / "interpolate_explorer.py").read_text(encoding="utf-8")
    cells = [line.split()[-1] for line in source.splitlines() if line.startswith("# %% ")]
    assert cells[-2:] == ["bicubic_dots", "antialias_dots"]
    assert set(ns["dot_error"]) == {(s, a) for s in ns["scale_factors"] for a in (False, True)}  # bicubic only
    assert {mode for mode, _ in ns["antialias_dot_error"]} == {"bilinear", "bicubic"}
    assert "lanczos" not in source.split("# %% bicubic_dots")[1]
    assert "(bicubic, lanczos), the last cell measures" not in source
    assert "the last two cells measure by how much" in source


def test_antialias_dot_rule_leaves_out_lanczos_which_is_off_inside_when_enlarging():
    """Review 57: the antialias paragraph said "With antialias=True ... enlarged (by any factor) ... the dot is that
    centre": lanczos runs only with antialias=True, and enlarged by any of these factors its dots are off inside;
    shrunk by a whole factor they are the centre."""
    from _settings import lanczos_works

    if not lanczos_works("cpu"):
        pytest.skip("this torch has no lanczos")
    n = 60
    row = torch.arange(n, dtype=torch.float64).view(1, 1, 1, n)
    for out in [*range(n + 1, 4 * n + 1, 7), *(n // k for k in (2, 3, 4, 5))]:
        step = n / out
        centre = (torch.arange(out, dtype=torch.float64) + 0.5) * step - 0.5
        reach = 3 * max(step, 1.0)
        inside = (centre - reach > -1) & (centre + reach < n)
        error = (
            (F.interpolate(row, size=(1, out), mode="lanczos", antialias=True)[0, 0, 0] - centre)[inside].abs().max()
        )
        assert error > 1e-3 if out > n else error < 1e-12, (out, error)
    # Review 60: "enlarged, its dots are off" read for every dot; a centre on a pixel centre or halfway between two
    # has symmetric weights: every third dot at x1.5 and x3 (d = 1 mod 3), none at x2
    for out, exact_every in ((90, 3), (180, 3), (120, None)):
        centre = (torch.arange(out, dtype=torch.float64) + 0.5) * n / out - 0.5
        inside = (centre - 3 > -1) & (centre + 3 < n)
        error = (F.interpolate(row, size=(1, out), mode="lanczos", antialias=True)[0, 0, 0] - centre).abs()
        exact = (error < 1e-12) & inside
        expected = (torch.arange(out) % 3 == 1) & inside if exact_every else torch.zeros_like(inside)
        assert torch.equal(exact, expected) and (error[inside & ~exact] > 1e-4).all(), out
    en = (ROOT / "docs" / "interpolate-explorer.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "interpolate-explorer.zh.md").read_text(encoding="utf-8")
    assert "Not in `lanczos`, which always runs with `antialias=True`" in en
    assert "`lanczos` 则不然，虽然它总是在 `antialias=True` 下运行" in zh
    assert "(every third dot at ×1.5 and ×3, none at ×2)" in en and "its dots are off inside the image" not in en
    assert "（放大 1.5 倍和 3 倍时每三个红点有一个，放大 2 倍时一个也没有）" in zh


def test_variants_comment_counts_lanczos_among_the_modes_that_take_an_explicit_false(ns):
    """Review 63: the shown comment said "only the interpolating modes accept an explicit False or True". torch's
    message lists those as linear, bilinear, bicubic and trilinear; lanczos is not among them, yet it takes an
    explicit False (with antialias=True), and it refuses True."""
    if "lanczos" not in ns["modes"]:
        pytest.skip("this torch has no lanczos")
    rejected = {combination: message for message, combos in ns["unsupported"].items() for combination in combos}
    assert "interpolating modes: linear | bilinear | bicubic | trilinear" in next(
        m for m in rejected.values() if "can only be set" in m
    )
    for scale in ns["scale_factors"]:
        assert f"mode=lanczos; scale_factor={scale}; align_corners=False; antialias=True" in ns["variants"]
    assert "does not support align_corners=True" in rejected["lanczos/align_corners=True/antialias=True"]
    source = (ROOT / "examples" / "interpolate_explorer.py").read_text(encoding="utf-8")
    assert "only\n# the interpolating modes accept an explicit False or True" not in source
    assert (
        "explicit False is accepted by the interpolating modes and lanczos, True by the\n# interpolating modes only"
        in source
    )


def test_the_antialias_dots_comments_state_the_centre_rule_for_this_image_only(ns):
    # Review r96-1: the shown comments said a filter wholly inside the image has its centre as weighted mean, and that
    # this holds whenever enlarging; on the CPU a 6x1 coordinate column enlarged to 12x1 (an output one pixel wide
    # from an input whose height changes) repeats the first row, so no dot is its centre
    column = torch.arange(6, dtype=torch.float64).view(1, 1, 6, 1)
    centre = (torch.arange(12, dtype=torch.float64) + 0.5) / 2 - 0.5
    inside = (centre - 1 > -1) & (centre + 1 < 6)
    for mode in ("bilinear", "bicubic"):
        dots = F.interpolate(column, size=(12, 1), mode=mode, antialias=True)[0, 0, :, 0]
        assert (dots - centre)[inside].abs().min().item() > 0.2, mode
    assert all(ns["antialias_dot_error"]["bilinear", scale][0] < 1e-9 for scale in ns["scale_factors"])
    assert all(ns["antialias_dot_error"]["bicubic", scale][0] < 1e-9 for scale in ns["scale_factors"] if scale > 0.5)
    source = (ROOT / "examples" / "interpolate_explorer.py").read_text(encoding="utf-8")
    assert "Where it lies wholly inside this image, its weighted mean is" in source
    assert "# That holds here when enlarging and when shrinking by a whole factor." in source


def test_the_antialias_dots_comment_names_the_step_of_these_calls_only(ns):
    # Review r96-1: the shown comment said the antialiased filter steps by 1/scale_factor whenever a scale factor is
    # given; with recompute_scale_factor=True 5 pixels x1.3 step by in/out = 5/6, and on the CPU 6 pixels x1.05 are
    # copied (step 1), so the dots, inside the image the filter centres, are not at (d + 1/2) / 1.3 - 1/2
    d = torch.arange(6, dtype=torch.float64)
    row = torch.arange(5, dtype=torch.float64).view(1, 1, 1, -1)
    options = {"scale_factor": (1, 1.3), "mode": "bilinear", "antialias": True, "recompute_scale_factor": True}
    dots = F.interpolate(row, **options)[0, 0, 0]
    assert torch.allclose(dots[1:-1], ((d + 0.5) * 5 / 6 - 0.5)[1:-1])
    assert (dots - ((d + 0.5) / 1.3 - 0.5))[1:-1].abs().min().item() > 0.05
    kept = F.interpolate(
        torch.arange(6, dtype=torch.float64).view(1, 1, 1, -1), scale_factor=(1, 1.05), mode="bilinear", antialias=True
    )
    assert torch.equal(kept[0, 0, 0], d)
    assert all(int(6 * scale) / 6 == scale for scale in ns["scale_factors"])
    source = (ROOT / "examples" / "interpolate_explorer.py").read_text(encoding="utf-8")
    assert "(d + 1/2) * step - 1/2, the step here being 1/scale_factor,\n# which equals in/out" in source


def test_the_page_and_docstring_say_every_accepted_combination_was_computed_not_every_combination(ns):
    # Review r132-9: the page opened with 'Every combination was computed by torch' (zh 所有组合都在构建本站时由
    # torch 算好) and the docstring with 'For every combination, torch resizes the same small image'; torch
    # raises for more than half of the combinations the drop-downs offer (nearest, nearest-exact and area with an
    # explicit align_corners or antialias=True, lanczos without antialias or with align_corners=True), which
    # get no picture, as the page says only further down.
    n = len(ns["scale_factors"])
    offered = len(ns["modes"]) * n * 3 * 2  # each mode x factor x align_corners None/False/True x antialias
    rejected = sum(len(combinations) for combinations in ns["unsupported"].values())
    assert len(ns["variants"]) + rejected == offered
    assert rejected > len(ns["variants"]) > 0
    for mode in ns["modes"]:
        for align, antialias in itertools.product((None, False, True), (False, True)):
            options = {"scale_factor": 2, "mode": mode, "align_corners": align, "antialias": antialias}
            try:
                F.interpolate(torch.zeros(1, 1, 6, 6), **options)
                accepted = True
            except ValueError:
                accepted = False
            label = f"mode={mode}; scale_factor=2; align_corners={align}; antialias={antialias}"
            assert (label in ns["variants"]) == accepted, label
    source = (ROOT / "examples" / "interpolate_explorer.py").read_text(encoding="utf-8")
    docstring = docstring_of(source)
    assert "For every combination, torch resizes" not in docstring
    assert "For every combination that torch accepts (it raises for the others), torch resizes" in docstring
    assert_pages_say(
        (
            "interpolate-explorer.md",
            "Every combination that torch accepts was computed by torch in a build of this site",
        ),
        ("interpolate-explorer.zh.md", "torch 接受的每个组合都在构建本站时由 torch 算好"),
    )
    for page, old in (
        ("interpolate-explorer.md", "Every combination was computed"),
        ("interpolate-explorer.zh.md", "所有组合都在构建本站时"),
    ):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert old not in text, page


def test_the_antialias_pointer_to_the_last_section_lands_on_the_quirk_and_the_dots_stop_short(ns):
    # Review r133-9: the bullet 'bilinear, scale factor 2, align_corners False -> True' ends 'Turn antialias on and
    # they no longer do (last section)' (zh 打开 antialias 后就不再如此（见最后一节）); no test followed the pointer or
    # checked the claim on the pictures: with antialias=True, align_corners=True, the dots at x2 stop short of the
    # last pixel centre, and the page's last section is the one that explains it, in its last paragraph.
    label = "mode=bilinear; scale_factor=2; align_corners=True; antialias="
    spanning, antialiased = ns["sampled"][label + "False"], ns["sampled"][label + "True"]
    assert spanning[0] == 0 and spanning[-1] == ns["size"] - 1
    assert antialiased[-1] < ns["size"] - 1 - 0.1
    for page, pointer, quirk in (
        (
            "interpolate-explorer.md",
            "Turn antialias on and they no longer do (last section).",
            "The last lines are a quirk of `antialias=True`: with it, `align_corners=True` need not align the corners.",
        ),
        (
            "interpolate-explorer.zh.md",
            "打开 antialias 后就不再如此（见最后一节）。",
            "最后几行是 `antialias=True` 的一个怪癖：开启它以后，`align_corners=True` 不一定对齐角点。",
        ),
    ):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        sections = re.split(r" ## ", text)
        assert len(sections) == 2, page  # the introduction with the bullets, then the one and last section
        assert pointer in sections[0] and quirk in sections[-1], page
        assert sections[-1].index(quirk) > sections[-1].rindex("::: example"), page  # after the last cell


def _section_anchors(text):
    # Each "## " / "### " heading's anchor: its explicit {#id}, else its slug (mkdocs.yml: pymdownx slugify, lower).
    from pymdownx.slugs import slugify

    slug = slugify(case="lower")
    anchors = {}
    for section in re.split(r"^#{2,3} ", text, flags=re.M)[1:]:
        heading, body = section.split("\n", 1)
        explicit = re.search(r"\{#([^}]+)\}\s*$", heading)
        anchors[explicit.group(1) if explicit else slug(heading.strip(), "-")] = body
    return anchors


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_width_one_bug_pointer_lands_on_the_section_that_states_it(language):
    # Review r140-9: "a bug of the antialiased kernel repeats the first row there, see [Which modes work
    # where](interpolate-support.md)" (zh 见[各模式支持哪些输入](interpolate-support.md)) opened at that page's top;
    # the bug is stated in its section "A one-pixel-wide output on the CPU" {#width-one-bug}.
    suffix = ".md" if language == "en" else ".zh.md"
    page = (ROOT / "docs" / ("interpolate-explorer" + suffix)).read_text(encoding="utf-8")
    target = (ROOT / "docs" / ("interpolate-support" + suffix)).read_text(encoding="utf-8")
    [sentence] = [s for s in re.split(r"(?<=\.)\s|(?<=。)", page) if "repeats the first row" in s or "等于第一行" in s]
    links = re.findall(r"\]\(interpolate-support\.md(#[^)]*)?\)", sentence)
    assert links == ["#width-one-bug"], links
    section = _section_anchors(target)["width-one-bug"]
    assert ("every row equal to the first" if language == "en" else "每一行都等于第一行") in section


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_antialias_align_corners_see_also_lands_on_the_section_that_states_the_quirk(language):
    # Review r140-9: the closing "(see also [Which modes work where](interpolate-support.md))" (zh 另见[各模式支持哪些
    # 输入](interpolate-support.md)), said of antialias=True with align_corners=True keeping the half-pixel centre,
    # opened at that page's top; the quirk is stated in its section "What antialias=True computes".
    suffix = ".md" if language == "en" else ".zh.md"
    page = (ROOT / "docs" / ("interpolate-explorer" + suffix)).read_text(encoding="utf-8")
    target = (ROOT / "docs" / ("interpolate-support" + suffix)).read_text(encoding="utf-8")
    last = page.rstrip().rsplit("\n\n", 1)[1]
    links = re.findall(r"\]\(interpolate-support\.md(#[^)]*)?\)", last)
    assert len(links) == 1 and links[0].startswith("#"), links
    section = _section_anchors(target)[links[0][1:]]
    words = (
        "with `align_corners=True` the antialiased kernel takes the scale\n`(in − 1)/(out − 1)` but still centres"
        " output pixels at `(d + 0.5) · scale`"
        if language == "en"
        else "`align_corners=True` 时，抗混叠内核用的是 `(in − 1)/(out − 1)` 这个比例，却仍然把输出像素的中心放在"
        " `(d + 0.5) · scale`"
    )
    assert words in section
