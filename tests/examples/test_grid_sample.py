"""The grid_sample page's claims, on the example's values and on sweeps of sizes, ranks and settings."""

import itertools
import warnings
from fractions import Fraction

import pytest
import torch
import torch.nn.functional as F

from helpers import one_thread, run_example  # noqa: F401  (one_thread: an autouse fixture)

SIZES = range(1, 9)
OUTS = list(range(1, 13)) + [17, 24, 100]


@pytest.fixture(scope="module")
def ns():
    return run_example("grid_sample.py")


def _one_axis_pairs():
    return [(n_in, n_out) for n_in in SIZES for n_out in OUTS]


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize("align_corners", [False, True])
def test_border_padding_equals_interpolate_except_size_one_with_align_corners(ns, mode, align_corners):
    resize = ns["resize_with_grid_sample"]
    for (h, ho), (w, wo) in itertools.product(_one_axis_pairs()[::3], _one_axis_pairs()[1::3]):
        x = torch.randn(2, 3, h, w, dtype=torch.float64)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            b = resize(x, (ho, wo), mode, align_corners, "border")
        a = F.interpolate(x, size=(ho, wo), mode=mode, align_corners=align_corners)
        differs = not torch.allclose(a, b, rtol=0, atol=1e-12)
        # The exception: align_corners=True, an output of size 1 along an axis whose input is longer.
        expected = align_corners and ((ho == 1 and h > 1) or (wo == 1 and w > 1))
        assert differs == expected, (h, w, ho, wo)


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


def test_table_cells(ns):
    t = ns["table"]
    for mode, align, grows in itertools.product(("bilinear", "bicubic"), (False, True), (True, False)):
        border = t[mode, align, "border", grows]
        assert (border < 1e-12) == (grows or not align), (mode, align, grows)
    # zeros padding: bilinear enlarging with align_corners=False reaches outside the input.
    assert t["bilinear", False, "zeros", True] > 0.1 and t["bilinear", True, "zeros", True] < 1e-12
    assert t["bicubic", True, "zeros", True] > 0.1 and t["bicubic", False, "reflection", True] > 0.1
    assert t["bicubic", False, "zeros", False] > 0.1 and t["bilinear", False, "zeros", False] < 1e-12


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
        a = F.interpolate(row, scale_factor=(1, s), mode="bilinear")
        b = F.grid_sample(row, ns["scale_factor_grid"](row, s), padding_mode="border", align_corners=False)
        torch.testing.assert_close(a, b, rtol=0, atol=1e-12)


def test_scale_factor_cell(ns):
    plain, scaled, target = ns["plain"], ns["scaled"], ns["by_factor"]
    assert (plain - target).abs().max() > 0.05 and (scaled - target).abs().max() < 1e-12


def test_shrinking_has_no_antialias(ns):
    s = {k: v.std().item() for k, v in ns["shrunk"].items()}
    torch.testing.assert_close(ns["shrunk"]["grid_sample bilinear"], ns["shrunk"]["interpolate bilinear"])
    assert s["grid_sample bilinear"] > 5 * s["interpolate bilinear, antialias"]


def test_grid_sample_ranks(ns):
    with pytest.raises(RuntimeError, match="bicubic interpolation only supports 4D"):
        F.grid_sample(torch.rand(1, 1, 2, 2, 2), torch.zeros(1, 2, 2, 2, 3), mode="bicubic", align_corners=False)
    with pytest.raises(RuntimeError):
        F.grid_sample(torch.rand(1, 1, 8), torch.zeros(1, 4, 1), align_corners=False)


def test_padding_never_matters_for_bilinear_with_align_corners_true(ns):
    resize = ns["resize_with_grid_sample"]
    for (h, ho), (w, wo) in itertools.product(_one_axis_pairs()[::4], _one_axis_pairs()[1::4]):
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
    for (h, ho), (w, wo) in itertools.product(_one_axis_pairs()[::4], _one_axis_pairs()[1::4]):
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
