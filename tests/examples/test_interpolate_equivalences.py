"""The claims of docs/interpolate-equivalences*.md, each checked on several shapes and scales."""

import inspect
import itertools
import re
import warnings
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import ROOT, assert_pages_say, docs_section, docstring_of, printed_by, run_example, run_python

DOCS = Path(__file__).resolve().parents[2] / "docs"

GEN = torch.Generator().manual_seed(0)


def rand(*shape, dtype=torch.float32):
    return torch.rand(*shape, generator=GEN, dtype=dtype)


@pytest.fixture(scope="module")
def ns():
    return run_example("interpolate_equivalences.py")


ROUNDING = (
    "avg_pool2d",
    "grid_sample(identity, border) == interpolate, bilinear",
    "grid_sample(identity, border) == interpolate, bicubic",
)


def test_every_recorded_case_holds(ns):
    for name, rows in ns["checks"].items():
        if name.endswith("nearest"):
            continue  # grid_sample's nearest: shown to differ, tested below
        for case, identical, diff in rows:
            if any(key in name for key in ROUNDING):
                assert diff < 2e-6, (name, case)  # arithmetic in another order: a few float32 ULP
            else:
                assert identical, (name, case)


def test_rounding_only_equivalences_are_not_always_bit_identical(ns):
    # "may or may not come out bit-identical": on the CPU this run shows both for both rows
    # (on an H200 every bilinear / 2 case differed by one ULP).
    if ns["device"].type == "cpu":
        for name in ("area, shrink by k (k divides the size) == avg_pool2d(k)", "bilinear / 2 == avg_pool2d(2)"):
            flags = [identical for _, identical, _ in ns["checks"][name]]
            assert any(flags) and not all(flags), name
    for mode in ("bilinear", "bicubic"):
        assert not any(
            identical for _, identical, _ in ns["checks"][f"grid_sample(identity, border) == interpolate, {mode}"]
        )
    assert ns["checks"]["grid_sample(identity, border) == interpolate, nearest"][0][2] > 0.1


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("memory", [torch.contiguous_format, torch.channels_last])
def test_bilinear_half_is_avg_pool_up_to_rounding_everywhere(dtype, memory):
    for h, w in ((2, 2), (4, 6), (8, 12), (32, 32), (18, 50)):
        x = (torch.rand(3, 5, h, w, generator=GEN, dtype=dtype) * 2 - 1).contiguous(memory_format=memory)
        a, b = F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2)
        torch.testing.assert_close(a, b, rtol=0, atol=4 * torch.finfo(dtype).eps)


@pytest.mark.parametrize("k", [3, 5, 7, 9, 11, 25, 99])
@pytest.mark.parametrize("by_size", [True, False])
def test_bilinear_odd_factor_is_slicing(k, by_size):
    for n_h, n_w in ((1, 1), (2, 3), (3, 2)):
        x = torch.randn(2, 3, n_h * k, n_w * k, generator=GEN)
        kwargs = {"size": (n_h, n_w)} if by_size else {"scale_factor": 1 / k}
        assert torch.equal(F.interpolate(x, mode="bilinear", **kwargs), x[..., k // 2 :: k, k // 2 :: k]), (k, n_h, n_w)


@pytest.mark.parametrize("k", [2, 4, 6, 8, 10])
def test_bilinear_even_factor_is_the_mean_of_the_middle_two_by_two(k):
    x = torch.randn(1, 2, 3 * k, 2 * k, generator=GEN, dtype=torch.float64)
    middle = x[..., k // 2 - 1 :, k // 2 - 1 :]
    expected = F.avg_pool2d(middle, 2, stride=k)[..., :3, :2]
    torch.testing.assert_close(F.interpolate(x, scale_factor=1 / k, mode="bilinear"), expected)


@pytest.mark.parametrize(
    "shape,kwargs",
    [
        ((3, 2, 6), dict(scale_factor=3, mode="linear")),
        ((1, 3, 4, 9), dict(scale_factor=0.6, mode="bilinear", align_corners=True)),
        ((1, 3, 4, 9), dict(size=(7, 2), mode="bicubic")),
        ((1, 3, 4, 9), dict(scale_factor=2.5, mode="nearest")),
        ((1, 1, 4, 5, 6), dict(size=(2, 7, 3), mode="area")),
        ((1, 1, 4, 5, 6), dict(scale_factor=(1.5, 2, 0.5), mode="nearest-exact")),
    ],
)
def test_upsample_module_is_interpolate(shape, kwargs):
    x = rand(*shape)
    assert torch.equal(nn.Upsample(**kwargs)(x), F.interpolate(x, **kwargs))


def test_upsample_cannot_run_lanczos():
    from _settings import lanczos_works

    if not lanczos_works("cpu"):
        pytest.skip("this torch has no lanczos")
    with pytest.raises(ValueError, match="antialias"):
        nn.Upsample(scale_factor=0.5, mode="lanczos")(rand(1, 1, 8, 8))


@pytest.mark.parametrize("shape", [(1, 2, 5), (1, 2, 4, 3), (1, 2, 3, 4, 5)])
@pytest.mark.parametrize("factor", [2, 3, 1.5, 0.5])
def test_upsampling_nearest_2d_takes_every_rank_nearest_takes(shape, factor):
    x = torch.randn(*shape, generator=GEN)
    assert torch.equal(
        nn.UpsamplingNearest2d(scale_factor=factor)(x), F.interpolate(x, scale_factor=factor, mode="nearest")
    )
    if len(shape) != 4:
        with pytest.raises(NotImplementedError):
            nn.UpsamplingBilinear2d(scale_factor=factor)(x)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic", "nearest"])
def test_grid_sample_identity_is_interpolate_for_bilinear_and_bicubic(mode):
    x = torch.randn(2, 3, 9, 7, generator=GEN, dtype=torch.float64)
    identity = torch.eye(2, 3, dtype=torch.float64).expand(2, 2, 3)
    worst = 0.0
    for size in ((1, 1), (2, 3), (9, 7), (20, 31), (4, 3), (45, 2)):
        grid = F.affine_grid(identity, (2, 3, *size), align_corners=False)
        sampled = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
        resized = F.interpolate(x, size=size, mode=mode, **({} if mode == "nearest" else {"align_corners": False}))
        worst = max(worst, (sampled - resized).abs().max().item())
    if mode == "nearest":
        assert worst > 0.1
    else:
        assert worst < 1e-12


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_grid_sample_identity_parts_from_interpolate_on_long_float64_axes_on_the_cpu(mode):
    x = torch.rand(1, 1, 2, 3000, dtype=torch.float64, generator=GEN)
    grid = F.affine_grid(torch.eye(2, 3, dtype=torch.float64)[None], (1, 1, 3, 4501), align_corners=False)
    sampled = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
    resized = F.interpolate(x, size=(3, 4501), mode=mode, align_corners=False)
    assert 1e-5 < (sampled - resized).abs().max().item() < 1e-3


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_grid_sample_identity_and_interpolate_overflow_at_different_pixels_at_the_float32_top(mode):
    x = torch.full((1, 1, 4, 4), torch.finfo(torch.float32).max)
    grid = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 20, 20), align_corners=False)
    sampled = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
    resized = F.interpolate(x, size=(20, 20), mode=mode, align_corners=False)
    assert (sampled.isinf() != resized.isinf()).any()
    # Review 120: so the grid_sample cell's comment, about float32 input, no longer says 'Same values up to rounding'
    # for bilinear and bicubic in general, only of its own image.
    source = (DOCS.parent / "examples" / "interpolate_equivalences.py").read_text(encoding="utf-8")
    assert "it also clamps like interpolate. Here bilinear and bicubic\n# agree up to rounding;" in source
    assert "Same values up to rounding" not in source


def test_upsample_has_no_antialias_and_no_weights():
    assert "antialias" not in inspect.signature(nn.Upsample).parameters
    assert list(nn.Upsample(scale_factor=2).parameters()) == []


@pytest.mark.parametrize("shape,factor", [((1, 2, 5, 7), 2), ((2, 1, 4, 4), 3), ((1, 3, 6, 5), 1.5)])
def test_deprecated_modules_and_their_modes(shape, factor):
    x = rand(*shape)
    assert torch.equal(
        nn.UpsamplingNearest2d(scale_factor=factor)(x), F.interpolate(x, scale_factor=factor, mode="nearest")
    )
    bilinear = nn.UpsamplingBilinear2d(scale_factor=factor)(x)
    assert torch.equal(bilinear, F.interpolate(x, scale_factor=factor, mode="bilinear", align_corners=True))
    assert not torch.equal(bilinear, F.interpolate(x, scale_factor=factor, mode="bilinear"))
    # Review r134-2: the page says "the tests of this page repeat every check on other shapes"; the cell's
    # F.upsample and F.upsample_nearest checks were repeated nowhere (the tests only caught their warnings):
    # the three deprecated functions too, on these shapes and factors.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert torch.equal(F.upsample(x, scale_factor=factor), F.interpolate(x, scale_factor=factor))
        assert torch.equal(
            F.upsample_nearest(x, scale_factor=factor), F.interpolate(x, scale_factor=factor, mode="nearest")
        )
        assert torch.equal(
            F.upsample_bilinear(x, scale_factor=factor),
            F.interpolate(x, scale_factor=factor, mode="bilinear", align_corners=True),
        )
    assert_pages_say(
        ("interpolate-equivalences.md", "the tests of this page repeat every check on other shapes"),
        ("interpolate-equivalences.zh.md", "本页的测试还会在另外一些形状上把每项检查重做一遍。"),
    )


def test_deprecated_modules_do_not_warn_functions_do(ns):
    x = rand(1, 1, 4, 4)
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        nn.UpsamplingNearest2d(scale_factor=2)(x)
        nn.UpsamplingBilinear2d(scale_factor=2)(x)
    assert log == []
    for fn in (F.upsample, F.upsample_nearest, F.upsample_bilinear):
        with pytest.warns(UserWarning, match="deprecated"):
            fn(x, scale_factor=2)
    assert all("deprecated" in cls.__doc__ for cls in (nn.UpsamplingNearest2d, nn.UpsamplingBilinear2d))
    assert all(ns["caught"][name] for name in ns["caught"] if name.startswith("F."))
    assert not any(ns["caught"][name] for name in ns["caught"] if name.startswith("nn."))


def test_upsample_bilinear_function_is_align_corners_true():
    x = rand(1, 2, 3, 5)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        y = F.upsample_bilinear(x, size=(7, 4))
    assert torch.equal(y, F.interpolate(x, size=(7, 4), mode="bilinear", align_corners=True))


@pytest.mark.parametrize(
    "shape,size",
    [
        ((2, 3, 11), (4,)),
        ((2, 3, 5), (13,)),
        ((1, 2, 10, 7), (3, 3)),
        ((1, 2, 7, 7), (9, 2)),
        ((1, 1, 5, 6, 7), (3, 4, 2)),
    ],
)
def test_area_is_adaptive_avg_pool(shape, size):
    x = rand(*shape, dtype=torch.float64)
    pool = {3: F.adaptive_avg_pool1d, 4: F.adaptive_avg_pool2d, 5: F.adaptive_avg_pool3d}[len(shape)]
    assert torch.equal(F.interpolate(x, size=size, mode="area"), pool(x, size))


@pytest.mark.parametrize("shape,k", [((1, 2, 10, 6), 2), ((1, 1, 12, 9), 3), ((1, 1, 10, 15), 5)])
def test_area_whole_shrink_is_avg_pool(shape, k):
    x = rand(*shape, dtype=torch.float64)
    torch.testing.assert_close(F.interpolate(x, scale_factor=1 / k, mode="area"), F.avg_pool2d(x, k))


@pytest.mark.parametrize("factors", [(2,), (3,), (2, 2), (3, 2), (4, 5), (2, 3, 2), (8, 8)])
def test_nearest_whole_factor_is_repeat_interleave(factors):
    shape = (2, 3) + (4, 5, 3)[: len(factors)]
    x = rand(*shape)
    expected = x
    for axis, k in enumerate(factors, start=2):
        expected = expected.repeat_interleave(k, dim=axis)
    for mode in ("nearest", "nearest-exact"):
        assert torch.equal(F.interpolate(x, scale_factor=factors, mode=mode), expected)


def test_whole_factors_where_nearest_is_not_repeat_interleave(ns):
    failing = ns["failing"]
    assert failing["nearest", "scale_factor"] == failing["nearest", "size"] and 41 in failing["nearest", "size"]
    assert failing["nearest-exact", "scale_factor"] == failing["nearest-exact", "size"] == []
    # Independently of the example: rows of other lengths and 3-D / 5-D, nearest-exact never fails.
    for rank in (3, 4, 5):
        for n in (1, 3, 4, 7):
            x = torch.randn((1, 2) + (1,) * (rank - 3) + (n,), generator=GEN)  # the last axis is enlarged
            for k in range(2, 101):
                factors = (1.0,) * (rank - 3) + (float(k),)
                blocks = x.repeat_interleave(k, dim=-1)
                assert torch.equal(F.interpolate(x, scale_factor=factors, mode="nearest-exact"), blocks), (rank, n, k)


def test_x41_is_a_whole_row_and_column(ns):
    wrong = ns["wrong41"][0, 0]
    assert int(wrong.sum()) == 82 + 82 - 1 and ns["wrong_rows"] == [41] and ns["wrong_cols"] == [41]
    assert wrong[41].all() and wrong[:, 41].all()


def test_wrong_blocks_are_whole_rows_and_columns_set_by_the_factor_alone(ns):
    # Review 58: the page said "the larger the image, the more of them"; the wrong output rows depend on the
    # factor only, so a larger image keeps them and may add more, but can have the same number (x41: 3x3, 4x4).
    assert len(ns["rows_8"]) > 1 and ns["rows_8"] == ns["cols_8"]
    for k in ns["failing"]["nearest", "size"]:
        wrong_rows = {}
        for n in range(2, 14):
            x = torch.randn(1, 1, n, n, generator=GEN)
            wrong = (F.interpolate(x, scale_factor=k) != x.repeat_interleave(k, 2).repeat_interleave(k, 3))[0, 0]
            rows, cols = wrong.all(dim=1), wrong.all(dim=0)
            assert torch.equal(wrong, rows[:, None] | cols[None, :]), (k, n)  # whole rows and columns only
            assert torch.equal(rows, cols), (k, n)
            wrong_rows[n] = rows.nonzero().flatten().tolist()
        for n, found in wrong_rows.items():
            assert found == [i for i in wrong_rows[13] if i < n * k], (k, n)  # the factor alone sets them
        assert len(wrong_rows[13]) > len(wrong_rows[2]), k
    assert len(wrong_rows_of(41, 3)) == len(wrong_rows_of(41, 4)) == 2  # the page's case of no more


def wrong_rows_of(k, n):
    x = torch.randn(1, 1, n, n, generator=GEN)
    wrong = F.interpolate(x, scale_factor=k) != x.repeat_interleave(k, 2).repeat_interleave(k, 3)
    return wrong[0, 0].all(dim=1).nonzero().flatten().tolist()


def test_scale_factor_one_over_k_is_short_exactly_where_the_cell_says(ns):
    # Independently of the cell's nearest rows: every mode, the slice itself, size as the fix.
    slices = {"nearest": lambda x, k: x[..., ::k], "nearest-exact": lambda x, k: x[..., k // 2 :: k]}
    not_slicing = set()
    for k in range(2, 101):
        for n in range(1, 9):
            x = torch.randn(1, 1, 1, k * n, generator=GEN)
            modes = dict(slices, **({"bilinear": lambda x, k: x[..., k // 2 :: k]} if k % 2 else {}))
            for mode, take in modes.items():
                assert torch.equal(F.interpolate(x, size=(1, n), mode=mode), take(x, k)), (mode, k, n)
                try:
                    ok = torch.equal(F.interpolate(x, scale_factor=(1.0, 1 / k), mode=mode), take(x, k))
                except RuntimeError:  # an output size of 0
                    ok = False
                if not ok:
                    not_slicing.add(k)
    assert not_slicing == set(ns["short_by_scale"]) and not_slicing
    assert all(width < n for cases in ns["short_by_scale"].values() for n, width in cases)


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "bilinear"])
def test_scale_factor_one_49th_of_a_single_block_raises_instead_of_one_pixel_short(mode):
    with pytest.raises(RuntimeError):
        F.interpolate(torch.rand(1, 1, 49, 49), scale_factor=1 / 49, mode=mode)
    assert F.interpolate(torch.rand(1, 1, 98, 98), scale_factor=1 / 49, mode=mode).shape[-1] == 1


@pytest.mark.parametrize("k", [2, 3, 4, 5])
def test_shrinking_by_whole_factor_is_slicing(k):
    x = rand(2, 3, 4 * k, 3 * k)
    assert torch.equal(F.interpolate(x, scale_factor=1 / k, mode="nearest"), x[..., ::k, ::k])
    assert torch.equal(F.interpolate(x, scale_factor=1 / k, mode="nearest-exact"), x[..., k // 2 :: k, k // 2 :: k])


def test_bilinear_half_is_avg_pool_and_only_for_two():
    x = rand(2, 3, 8, 12, dtype=torch.float64)
    torch.testing.assert_close(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2))
    y = rand(1, 1, 12, 12, dtype=torch.float64)
    assert not torch.allclose(F.interpolate(y, scale_factor=1 / 4, mode="bilinear"), F.avg_pool2d(y, 4))


def test_bilinear_shrinking_by_an_even_factor_uses_the_middle_two_of_each_axis_of_the_block():
    eye = torch.eye(12, dtype=torch.float64).view(12, 1, 1, 12)
    weights = F.interpolate(eye, size=(1, 3), mode="bilinear")[:, 0, 0, :].T  # (3 outputs, 12 inputs)
    assert ((weights > 0).sum(1) == 2).all()
    aa = F.interpolate(eye, size=(1, 3), mode="bilinear", antialias=True)[:, 0, 0, :].T
    assert ((aa > 0).sum(1) >= 4).all()
    # Review r134-2: the page says the tests check "that shrinking by 4 uses 2 of the 4 pixels along each axis";
    # the rows above read the width of a one-row image given size only. Now every pixel of a 2-D image, both
    # axes, given scale_factor=1/k and size, for k = 4 and the larger even factors 6 and 8: each output is the
    # mean of exactly the middle 2x2 pixels of its block, weight 1/4 each, and no other pixel enters.
    for k in (4, 6, 8):
        n = 3 * k
        basis = torch.eye(n * n, dtype=torch.float64).view(n * n, 1, n, n)
        for resize in ({"scale_factor": 1 / k}, {"size": (3, 3)}):
            weights = F.interpolate(basis, mode="bilinear", **resize)[:, 0].reshape(n, n, 3, 3)
            for i, j in itertools.product(range(3), range(3)):
                middle = torch.zeros(n, n, dtype=torch.float64)
                middle[k * i + k // 2 - 1 : k * i + k // 2 + 1, k * j + k // 2 - 1 : k * j + k // 2 + 1] = 0.25
                assert torch.equal(weights[:, :, i, j], middle), (k, resize, i, j)
    assert_pages_say(
        (
            "interpolate-equivalences.md",
            "(the tests check that shrinking by 4 uses 2 of the 4 pixels along each axis and differs from `avg_pool2d(4)`)",
        ),
        (
            "interpolate-equivalences.zh.md",
            "（测试检查了缩小 4 倍时每个轴只用到 4 个像素中的 2 个，而且结果与 `avg_pool2d(4)` 不同）",
        ),
    )


def test_upsample_stores_scale_factor_as_float_so_a_list_fails():
    x = rand(1, 1, 4, 4)
    assert F.interpolate(x, scale_factor=[2, 3]).shape == (1, 1, 8, 12)
    with pytest.raises(TypeError):
        nn.Upsample(scale_factor=[2, 3])
    module = nn.Upsample(scale_factor=(2, 3))
    assert module.scale_factor == (2.0, 3.0) and torch.equal(module(x), F.interpolate(x, scale_factor=(2, 3)))


def test_the_module_and_the_function_part_on_a_factor_that_is_not_a_python_float():
    # Review 115: "identical results ... with size or a scale_factor other than 0": the module turns the factor into
    # a Python float when it is built, while the function's area and recompute_scale_factor=True multiply the
    # factor as given: a NumPy float32 in float32, a Fraction exactly. Asking for 120 pixels from 60..240, both
    # give a pixel more than the module at some sizes; Python floats never part them
    parted = {}
    for n in range(60, 241):
        x = torch.zeros(1, 1, 1, n)
        for kind, s in (("float", 120 / n), ("float32", np.float32(120 / n)), ("Fraction", Fraction(120, n))):
            for mode, kwargs in (("area", {}), ("nearest", dict(recompute_scale_factor=True))):
                function = F.interpolate(x, scale_factor=(1.0, s), mode=mode, **kwargs).shape[-1]
                module = nn.Upsample(scale_factor=(1.0, s), mode=mode, **kwargs)(x).shape[-1]
                if function != module:
                    parted.setdefault((kind, mode), set()).add(function - module)
    assert parted == {
        ("float32", "area"): {1},
        ("float32", "nearest"): {1},
        ("Fraction", "area"): {1},
        ("Fraction", "nearest"): {1},
    }
    assert_pages_say(
        ("interpolate-equivalences.md", "with `size` or a `scale_factor` of Python floats other than 0"),
        ("interpolate-equivalences.zh.md", "无论传 `size` 还是由 Python 浮点数构成、不为 0 的 `scale_factor`"),
    )


def test_area_is_avg_pool_only_when_the_output_has_in_over_k_pixels(ns):
    # the short scale_factor=1/k cases of the shrink cell break the area rule too; size fixes it
    assert ns["short_by_scale"]
    for k, cases in ns["short_by_scale"].items():
        for n, _ in cases:
            if n < 2:
                continue
            x = torch.rand(1, 1, k * n, k * 2, generator=GEN, dtype=torch.float64)
            short = F.interpolate(x, scale_factor=1 / k, mode="area")
            assert short.shape != F.avg_pool2d(x, k).shape, (k, n)
            torch.testing.assert_close(F.interpolate(x, size=(n, 2), mode="area"), F.avg_pool2d(x, k))


@pytest.mark.parametrize("h,w", [(3, 3), (5, 7), (2, 3), (9, 2), (7, 9)])
def test_bilinear_half_on_odd_sizes_is_avg_pool_by_scale_factor_not_by_size(h, w):
    x = torch.randn(2, 3, h, w, generator=GEN, dtype=torch.float64)
    torch.testing.assert_close(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2))
    by_size = F.interpolate(x, size=(h // 2, w // 2), mode="bilinear")
    assert not torch.allclose(by_size, F.avg_pool2d(x, 2))


def test_bilinear_half_odd_case_of_the_example_is_within_rounding(ns):
    rows = dict((case, diff) for case, _, diff in ns["checks"]["bilinear / 2 == avg_pool2d(2)"])
    assert any(int(case.strip("()").split(", ")[-1]) % 2 for case in rows)  # an odd width is among them
    assert max(rows.values()) < 2e-6


@pytest.mark.parametrize("k", [2, 3, 4, 5, 8])
def test_antialias_shrink_weighs_the_block_and_about_half_of_each_neighbour(k):
    n = 6 * k
    eye = torch.eye(n, dtype=torch.float64).view(n, 1, 1, n)
    weights = F.interpolate(eye, size=(1, 6), mode="bilinear", antialias=True)[:, 0, 0, :].T
    row = weights[2]  # output pixel 2: block 2k .. 3k - 1
    used = row.nonzero().flatten()
    reach = k // 2 if k % 2 == 0 else (k - 1) // 2
    assert used.min() == 2 * k - reach and used.max() == 3 * k - 1 + reach, (k, used)
    assert row[2 * k : 3 * k].sum() > 0.5 and row.argmax() in range(2 * k, 3 * k)  # more in the middle


def test_odd_factor_bilinear_is_slicing_only_for_finite_values(ns):
    # the example's line: an inf beside a sampled pixel makes bilinear nan there, slicing keeps 0
    got = ns["spiked_bilinear"][0, 0, 0].cpu()
    assert got.isnan().tolist() == [False, True, False] and (ns["spiked"][0, 0, 1, 1::3] == 0).all()
    gen = torch.Generator().manual_seed(11)
    for k in (3, 5, 7):
        x = torch.rand(1, 2, 2 * k, 3 * k, generator=gen)
        sliced = x[..., k // 2 :: k, k // 2 :: k]
        assert torch.equal(F.interpolate(x, scale_factor=1 / k, mode="bilinear"), sliced)  # finite: the slice
        x[0, 0, k // 2, k // 2 + 1] = float("inf")  # the right-hand neighbour of the first sample
        y = F.interpolate(x, scale_factor=1 / k, mode="bilinear")
        assert y[0, 0, 0, 0].isnan() and torch.equal(F.interpolate(x, scale_factor=1 / k, mode="nearest-exact"), sliced)
        # Review 22: "an inf beside a sampled pixel" held only after it (right or below): the kernel mixes in
        # the next pixel, never the previous one, in both layouts.
        for layout in (torch.contiguous_format, torch.channels_last):
            for before in ((k // 2, k // 2 - 1), (k // 2 - 1, k // 2)):  # left of and above the first sample
                z = torch.rand(1, 4, 2 * k, 3 * k, generator=gen)
                z[0, 0, before[0], before[1]] = float("inf")
                z = z.contiguous(memory_format=layout)
                assert torch.equal(
                    F.interpolate(z, scale_factor=1 / k, mode="bilinear"), z[..., k // 2 :: k, k // 2 :: k]
                )
            below = torch.rand(1, 4, 2 * k, 3 * k, generator=gen)
            below[0, 0, k // 2 + 1, k // 2] = float("inf")
            assert F.interpolate(below.contiguous(memory_format=layout), scale_factor=1 / k, mode="bilinear")[
                0, 0, 0, 0
            ].isnan()


def test_grid_sample_nearest_matches_interpolate_nearest_only_where_nearest_makes_blocks():
    x = torch.rand(1, 1, 2, 2)
    for k, nearest_blocks in ((2, True), (3, True), (8, True), (41, False), (47, False)):
        grid = F.affine_grid(torch.eye(2, 3).unsqueeze(0), (1, 1, 2 * k, 2 * k), align_corners=False)
        sampled = F.grid_sample(x, grid, mode="nearest", padding_mode="border", align_corners=False)
        blocks = x.repeat_interleave(k, -1).repeat_interleave(k, -2)
        assert torch.equal(sampled, blocks)
        assert torch.equal(F.interpolate(x, scale_factor=k, mode="nearest"), sampled) == nearest_blocks, k
    # "coincide only in special cases", such as the 4 -> 2 shrink; the page's case differs
    row = torch.rand(1, 1, 1, 4)
    grid = F.affine_grid(torch.eye(2, 3).unsqueeze(0), (1, 1, 1, 2), align_corners=False)
    assert torch.equal(F.grid_sample(row, grid, mode="nearest", align_corners=False), F.interpolate(row, size=(1, 2)))


def test_grid_sample_nearest_differs_on_the_page_case(ns):
    case = ns["checks"]["grid_sample(identity, border) == interpolate, nearest"]
    assert [identical for _, identical, _ in case] == [False] and case[0][2] > 0.1


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_grid_sample_identity_matches_interpolate_given_size_not_scale_factor(mode):
    x = rand(1, 2, 7, 7, dtype=torch.float64)
    identity = torch.eye(2, 3, dtype=torch.float64).unsqueeze(0)

    def sampled(size):
        grid = F.affine_grid(identity, (1, 2, *size), align_corners=False)
        return F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)

    by_factor = F.interpolate(x, scale_factor=0.3, mode=mode, align_corners=False)
    assert by_factor.shape[-2:] == (2, 2)
    assert (sampled((2, 2)) - by_factor).abs().max() > 0.01  # 1/0.3 is not 7/2
    recomputed = F.interpolate(x, scale_factor=0.3, mode=mode, align_corners=False, recompute_scale_factor=True)
    assert torch.allclose(sampled((2, 2)), recomputed, atol=1e-12)
    assert torch.allclose(sampled((2, 2)), F.interpolate(x, size=(2, 2), mode=mode, align_corners=False), atol=1e-12)
    # Review 106: the cell's comment said it "samples the same positions as align_corners=False", with no `size`
    source = (DOCS.parent / "examples" / "interpolate_equivalences.py").read_text(encoding="utf-8")
    assert "positions of interpolate given size" in source and "same positions as align_corners=False" not in source


def test_nearest_exact_is_repeat_interleave_only_on_short_axes():
    # The page: nearest-exact's float32 source index slips on long axes, e.g. 100 000 samples x100.
    for k in (2, 3, 5, 7, 41, 100):
        x = torch.arange(1000, dtype=torch.float32).view(1, 1, 1000)
        assert torch.equal(F.interpolate(x, scale_factor=k, mode="nearest-exact"), x.repeat_interleave(k, dim=-1)), k
    x = torch.arange(100_000, dtype=torch.float32).view(1, 1, 100_000)
    for kwargs in ({"scale_factor": 100}, {"size": 10_000_000}):
        assert not torch.equal(F.interpolate(x, mode="nearest-exact", **kwargs), x.repeat_interleave(100, dim=-1))


def test_float64_odd_factor_is_slicing_by_size_but_not_by_scale_factor_49():
    for k in range(3, 100, 2):
        for n in (1, 2, 5):
            x = torch.randn(1, 2, n * k, n * k, generator=GEN, dtype=torch.float64)
            assert torch.equal(F.interpolate(x, size=(n, n), mode="bilinear"), x[..., k // 2 :: k, k // 2 :: k]), (k, n)
    assert 1 / (1 / 49) != 49
    x = torch.randn(1, 2, 245, 245, generator=GEN, dtype=torch.float64)
    y = F.interpolate(x, scale_factor=1 / 49, mode="bilinear")
    assert y.shape[-2:] == (5, 5) and not torch.equal(y, x[..., 24::49, 24::49])
    torch.testing.assert_close(y, x[..., 24::49, 24::49], rtol=0, atol=1e-12)


@pytest.mark.parametrize("k", [3, 5, 7])
def test_torch_equal_ignores_the_sign_of_zero_that_odd_factor_bilinear_drops(k):
    x = torch.rand(1, 1, 2 * k, 2 * k, generator=GEN)
    x[..., k // 2 :: k, k // 2 :: k] = -0.0
    sliced = x[..., k // 2 :: k, k // 2 :: k]
    resized = F.interpolate(x, scale_factor=1 / k, mode="bilinear")
    assert torch.equal(resized, sliced)
    assert torch.signbit(sliced).all() and not torch.signbit(resized).any()
    assert torch.equal(F.interpolate(x, scale_factor=1 / k, mode="nearest-exact").signbit(), sliced.signbit())
    # Review 22: only between positive neighbours; among negative ones (their products with the weight 0
    # are -0.0 too) the -0.0 comes back as -0.0, in both layouts.
    for layout in (torch.contiguous_format, torch.channels_last):
        negative = (-x).repeat(1, 4, 1, 1).contiguous(memory_format=layout)
        negative[..., k // 2 :: k, k // 2 :: k] = -0.0
        assert torch.signbit(F.interpolate(negative, scale_factor=1 / k, mode="bilinear")).all()


def test_the_cell_shows_nearest_exact_slipping_and_float64_one_49th_off_the_slice(ns):
    assert ns["slipped"] > 0
    assert 0 < ns["off_slice"] < 1e-12


@pytest.mark.parametrize("k", [2, 3, 5])
def test_nearest_exact_shrink_is_slicing_only_below_two_to_the_23_on_the_cpu(k):
    def misses(n):
        x = (torch.arange(n) % 1000).float().view(1, 1, -1)  # values tell which pixel was taken
        return int((F.interpolate(x, scale_factor=1 / k, mode="nearest-exact") != x[..., k // 2 :: k]).sum())

    assert misses(k * (2**23 // k)) == 0
    assert misses(k * (9_000_000 // k)) > 0


@pytest.mark.parametrize("mode", ["nearest", "bilinear", "bicubic"])
def test_a_factor_that_rounds_to_a_whole_ratio_lands_on_the_size_positions(mode):
    # "lands elsewhere when in x scale_factor is not whole ... unless 1/scale_factor rounds to the same
    # float32 number as in/out, as x2.000000001 does on float32 input"
    for h, w in itertools.product(range(1, 8), range(2, 9)):
        x = torch.randn(1, 2, h, w)
        by_factor = F.interpolate(x, scale_factor=2.000000001, mode=mode)
        assert by_factor.shape[-2:] == (2 * h, 2 * w)
        assert torch.equal(by_factor, F.interpolate(x, size=(2 * h, 2 * w), mode=mode)), (h, w)


@pytest.mark.parametrize("k", [3, 5, 7])
def test_odd_factor_bilinear_is_slicing_on_float_but_not_on_uint8_one_pixel_wide(k):
    # the page narrows "bilinear is slicing" to floating-point input: uint8 on the CPU (5 channels) misses it
    for c, (h, w) in itertools.product([1, 3, 5], [(3 * k, k), (3 * k, 3 * k), (k, 3 * k)]):
        x = rand(1, c, h, w)
        assert torch.equal(F.interpolate(x, size=(h // k, w // k), mode="bilinear"), x[..., k // 2 :: k, k // 2 :: k])
    x = (rand(1, 5, 3 * k, k) * 255).to(torch.uint8)
    assert not torch.equal(F.interpolate(x, size=(3, 1), mode="bilinear"), x[..., k // 2 :: k, k // 2 :: k])
    with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
        F.interpolate((rand(1, 3, k, k) * 255).to(torch.uint8), size=(1, 1), mode="bilinear")
    # review 71: "a non-empty contiguous tensor": an empty batch of the same shape returns an empty tensor
    empty = torch.empty(0, 3, k, k, dtype=torch.uint8)
    for antialias in (False, True):
        assert F.interpolate(empty, size=(1, 1), mode="bilinear", antialias=antialias).shape == (0, 3, 1, 1)
    assert "assert for a non-empty contiguous tensor" in (DOCS / "interpolate-equivalences.md").read_text("utf-8")
    assert "不为空的连续张量从 3×3 缩成 1×1" in (DOCS / "interpolate-equivalences.zh.md").read_text("utf-8")
    # review 52: only a contiguous tensor fails; a crop (not contiguous) is copied to channels_last and is the slice
    crop = (rand(1, 3, k + 2, k + 2) * 255).to(torch.uint8)[..., 1 : k + 1, 1 : k + 1]
    assert torch.equal(F.interpolate(crop, size=(1, 1), mode="bilinear"), crop[..., k // 2 :: k, k // 2 :: k])


def test_bilinear_half_is_the_block_mean_on_float_but_not_on_uint8_one_pixel_wide():
    x = rand(1, 5, 4, 2) * 255
    mean = F.avg_pool2d(x, 2)
    assert torch.allclose(F.interpolate(x, scale_factor=0.5, mode="bilinear"), mean, atol=1e-4)
    y = F.interpolate(x.to(torch.uint8), scale_factor=0.5, mode="bilinear")
    assert (y.float() - F.avg_pool2d(x.to(torch.uint8).float(), 2)).abs().max() > 1


def test_odd_factor_bilinear_uint8_width_one_misses_the_slice_at_any_channels_without_avx2():
    # Review 9: the page limited the uint8 one-pixel-wide bug to more than 4 channels; the
    # generic kernel (a CPU without AVX2, forced here) misses the slice at 1 to 4 channels too.
    script = (
        "import torch, torch.nn.functional as F\n"
        "assert torch.backends.cpu.get_cpu_capability() == 'DEFAULT'\n"
        "torch.manual_seed(0)\n"
        "for c in (1, 2, 3, 4, 5):\n"
        "    x = torch.randint(0, 256, (1, c, 9, 3), dtype=torch.uint8)\n"
        "    y = F.interpolate(x, size=(3, 1), mode='bilinear')\n"
        "    assert not torch.equal(y, x[..., 1::3, 1::3]), c\n"
        "    z = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(3, 1), mode='bilinear')\n"
        "    assert c == 1 or torch.equal(z, x[..., 1::3, 1::3]), c\n"
    )
    run_python(script, ATEN_CPU_CAPABILITY="default", OMP_NUM_THREADS="1")


def test_grid_sample_identity_meets_scale_factor_where_bilinear_keeps_the_size():
    # A factor that keeps the size: bilinear copies the input, as the identity grid samples it.
    generator = torch.Generator().manual_seed(0)
    for side, factor in ((10, 1.05), (7, 1.1), (19, 1.05), (3, 1.3)):
        x = torch.rand(1, 2, side, side, generator=generator)
        grid = F.affine_grid(torch.eye(2, 3).unsqueeze(0), (1, 2, side, side), align_corners=False)
        sampled = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
        resized = F.interpolate(x, scale_factor=factor, mode="bilinear")
        assert torch.equal(resized, x)
        assert (sampled - resized).abs().max() < 1e-5
    # Review 59: on the CPU axis by axis: x(1.05, 2) keeps the height and steps the width by 1/2 = in/out.
    x = torch.rand(1, 2, 10, 10, generator=generator)
    grid = F.affine_grid(torch.eye(2, 3).unsqueeze(0), (1, 2, 10, 20), align_corners=False)
    sampled = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
    assert (sampled - F.interpolate(x, scale_factor=(1.05, 2.0), mode="bilinear")).abs().max() < 1e-5
    # Where the size changes, 1/scale_factor is another step: 7 x 0.3 lands elsewhere.
    x = torch.rand(1, 2, 7, 7, generator=generator)
    grid = F.affine_grid(torch.eye(2, 3).unsqueeze(0), (1, 2, 2, 2), align_corners=False)
    sampled = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)
    assert (sampled - F.interpolate(x, scale_factor=0.3, mode="bilinear")).abs().max() > 1e-2


def test_bilinear_half_is_avg_pool_only_while_every_partial_sum_fits():
    # Review 19: a block whose total is 0 still overflows avg_pool2d's running sum.
    for memory in (torch.contiguous_format, torch.channels_last):
        for channels in (1, 3, 8):
            x = (torch.tensor([[3e38, 3e38], [-3e38, -3e38]]).expand(1, channels, 2, 2)).contiguous(
                memory_format=memory
            )
            assert F.avg_pool2d(x, 2).isinf().all()
            assert torch.equal(F.interpolate(x, scale_factor=0.5, mode="bilinear"), torch.zeros(1, channels, 1, 1))


def test_bilinear_half_is_avg_pool_only_while_the_sum_fits(ns):
    # Review 13: avg_pool2d sums before dividing and overflows where bilinear, weighing first, does not.
    assert ns["big_bilinear"] == pytest.approx(1e38, rel=1e-6) and ns["big_pool"] == float("inf")
    for value in (1e38, 2e38, 3e38, -1e38):
        for h, w in ((2, 2), (4, 6), (7, 9)):
            x = torch.full((1, 3, h, w), value)
            y = F.interpolate(x, scale_factor=0.5, mode="bilinear")
            pooled = F.avg_pool2d(x, 2)
            assert y.isfinite().all() and not pooled.isfinite().all(), (value, h, w)
    # below the limit the two agree up to rounding, which the page's claim needs
    x = torch.full((1, 1, 4, 4), 8e37)
    torch.testing.assert_close(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2))


@pytest.mark.parametrize("memory", [torch.contiguous_format, torch.channels_last_3d])
def test_five_d_area_sums_half_precision_in_its_own_dtype_except_to_one_voxel(memory):
    # Review 64: the page said area sums float16 and bfloat16 in float32 on the CPU; adaptive_avg_pool3d (5-D area)
    # sums in the input's dtype, so two float16 voxels of 40 000 already overflow, while 3-D and 4-D area do not.
    en = " ".join((DOCS / "interpolate-equivalences.md").read_text(encoding="utf-8").split())
    zh = (DOCS / "interpolate-equivalences.zh.md").read_text(encoding="utf-8")
    assert "this holds for 3-D and 4-D `area`: 5-D `area`, `adaptive_avg_pool3d`, sums float16 and bfloat16" in en
    assert "5 维的 `area` 即 `adaptive_avg_pool3d`" in zh
    for channels in (1, 3, 8):
        for shape, size in (
            ((4, 4, 4), (2, 2, 2)),
            ((2, 2, 2), (1, 1, 1)),
            ((4, 2, 2), (2, 1, 1)),
            ((2, 6, 4), (1, 3, 2)),
        ):
            x = torch.full((2, channels) + shape, 40000.0, dtype=torch.float16).contiguous(memory_format=memory)
            y = F.interpolate(x, size=size, mode="area")
            if size == (1, 1, 1):
                assert torch.equal(y, torch.full_like(y, 40000.0)), (channels, shape)
            else:
                assert y.isinf().all(), (channels, shape, size)
        for rank in (3, 4):
            x = torch.full((2, channels) + (4,) * (rank - 2), 40000.0, dtype=torch.float16)
            y = F.interpolate(x, size=(2,) * (rank - 2), mode="area")
            assert torch.equal(y, torch.full_like(y, 40000.0)), (channels, rank)
    # bfloat16 too: a block whose float32 sum is exact loses the small voxels in its own dtype.
    block = torch.tensor([256.0] + [1.0] * 7, dtype=torch.bfloat16).view(1, 1, 2, 2, 2).repeat(1, 1, 2, 2, 2)
    assert not torch.equal(F.interpolate(block, size=(2, 2, 2), mode="area"), F.avg_pool3d(block.float(), 2).bfloat16())


@pytest.mark.parametrize("memory", [torch.contiguous_format, torch.channels_last])
def test_half_precision_pools_sum_in_float32_so_only_float32s_range_limits_them(memory):
    # Review 52: "as long as every partial sum fits in the dtype" is float32's range for float16 and bfloat16
    # input: float16 pixels of 60 000 sum past float16's largest value (65 504) and still pool to 60 000.
    for channels in (1, 3, 8, 40):
        for k, (h, w) in ((2, (2, 2)), (2, (4, 6)), (3, (3, 3)), (3, (6, 9))):
            x = torch.full((1, channels, h, w), 60000.0, dtype=torch.float16).contiguous(memory_format=memory)
            pooled = F.avg_pool2d(x, k)
            assert torch.equal(pooled, torch.full_like(pooled, 60000.0)), (channels, k, h, w)
            assert torch.equal(F.interpolate(x, scale_factor=1 / k, mode="area"), pooled)
            if k == 2:
                assert torch.equal(F.interpolate(x, scale_factor=0.5, mode="bilinear"), pooled)
        spread = torch.tensor([6e4, 6e4, 0, 0, 0, 0, 0, 0, -6e4], dtype=torch.float16).reshape(1, 1, 3, 3)
        spread = spread.expand(1, channels, 3, 3).contiguous(memory_format=memory)
        assert torch.equal(F.interpolate(spread, size=(1, 1), mode="area"), F.avg_pool2d(spread, 3))
        # bfloat16 shares float32's range, and four of its largest pixels overflow the float32 sum
        big = torch.full((1, channels, 2, 2), 3e38, dtype=torch.bfloat16).contiguous(memory_format=memory)
        assert (
            F.avg_pool2d(big, 2).isinf().all()
            and F.interpolate(big, scale_factor=0.5, mode="bilinear").isfinite().all()
        )


@pytest.mark.parametrize("memory", [torch.contiguous_format, torch.channels_last])
def test_area_to_one_pixel_parts_from_avg_pool_where_a_partial_sum_overflows(memory):
    # The page: area to one pixel takes a mean, whose order of additions differs from avg_pool2d's.
    x = torch.tensor([3e38, 3e38, 0, 0, 0, 0, 0, 0, -3e38]).reshape(1, 1, 3, 3).expand(1, 2, 3, 3)
    x = x.contiguous(memory_format=memory)
    area = F.interpolate(x, size=(1, 1), mode="area")
    assert torch.isinf(F.avg_pool2d(x, 3)).all()
    assert torch.allclose(area, torch.full_like(area, 1e38 / 3))


def test_the_module_stores_a_factor_of_zero_as_none_and_raises_where_area_returns_an_empty_tensor():
    # Review 23: "identical results ... with size or scale_factor" missed scale_factor=0, which nn.Upsample's
    # constructor turns into None (`float(scale_factor) if scale_factor else None`).
    x = torch.rand(1, 2, 4, 4)
    for factor in (0, 0.0):
        assert nn.Upsample(scale_factor=factor, mode="area").scale_factor is None
        assert F.interpolate(x, scale_factor=factor, mode="area").shape == (1, 2, 0, 0)
        with pytest.raises(ValueError):
            nn.Upsample(scale_factor=factor, mode="area")(x)
    assert nn.Upsample(scale_factor=(0, 2.0)).scale_factor == (0.0, 2.0)  # a tuple keeps its zero
    # Review 120: the upsample_module cell's comment said the module 'converts scale_factor to float' when built.
    source = (DOCS.parent / "examples" / "interpolate_equivalences.py").read_text(encoding="utf-8")
    assert "# The module converts scale_factor when it is built, so a list" in source
    assert "converts scale_factor to float" not in source
    # Review 64: so a tuple of zeros gives the empty tensor of F.interpolate's area, which the page now says.
    assert torch.equal(
        nn.Upsample(scale_factor=(0, 0), mode="area")(x), F.interpolate(x, scale_factor=(0, 0), mode="area")
    )
    en = " ".join((DOCS / "interpolate-equivalences.md").read_text(encoding="utf-8").split())
    zh = (DOCS / "interpolate-equivalences.zh.md").read_text(encoding="utf-8")
    assert "a single factor of 0 as `None`, while a tuple keeps its zeros" in en and "元组里的 0 则原样保留" in zh
    # Review r103-2: so the section's "identical results ... with size or scale_factor" (zh: arguments passed
    # on 原样, unchanged) must exclude a factor of 0, as the checks above show.
    assert_pages_say(
        ("interpolate-equivalences.md", "a `scale_factor` of Python floats other than 0, and with `align_corners`"),
        (
            "interpolate-equivalences.zh.md",
            "在 `forward` 里传给 `F.interpolate`，所以对模块能运行的每一种模式，无论传 `size` 还是由 Python 浮点数构成、不为 0 的 `scale_factor`",
        ),
    )


@pytest.mark.parametrize("mode", ["nearest", "bilinear", "bicubic", "area"])
def test_a_module_given_a_size_and_a_factor_of_zero_resizes_where_the_function_raises(mode):
    # Review 52: the factor 0 stored as None also lets the module run with a size beside it, which
    # F.interpolate refuses ("only one of size or scale_factor"), so module and function part there too.
    x = torch.rand(1, 2, 4, 4)
    for factor in (0, 0.0):
        assert torch.equal(nn.Upsample(size=3, scale_factor=factor, mode=mode)(x), F.interpolate(x, size=3, mode=mode))
        with pytest.raises(ValueError, match="only one of size or scale_factor"):
            F.interpolate(x, size=3, scale_factor=factor, mode=mode)
    # Review 102: so the section's heading does not say the module *is* the function, only that it calls it
    assert_pages_say(
        ("interpolate-equivalences.md", "## `nn.Upsample` calls `F.interpolate`"),
        ("interpolate-equivalences.zh.md", "## `nn.Upsample` 调用的就是 `F.interpolate`"),
    )


def test_the_deprecated_modules_part_from_the_function_where_nn_upsample_does():
    # Review r103-2: "All of them compute exactly what F.interpolate computes" held for the cell's calls; the
    # two modules subclass nn.Upsample, so a size beside a factor of 0 resizes where the function raises,
    # and a list of factors, which the old functions pass on, fails in their constructors.
    x = torch.rand(1, 2, 4, 4)
    for cls, mode, align in ((nn.UpsamplingNearest2d, "nearest", None), (nn.UpsamplingBilinear2d, "bilinear", True)):
        out = cls(size=3, scale_factor=0.0)(x)
        assert torch.equal(out, F.interpolate(x, size=3, mode=mode, align_corners=align))
        with pytest.raises(ValueError, match="only one of size or scale_factor"):
            F.interpolate(x, size=3, scale_factor=0.0, mode=mode, align_corners=align)
        with pytest.raises(TypeError):
            cls(scale_factor=[2, 2])
    assert torch.equal(F.upsample_nearest(x, scale_factor=[2, 2]), F.interpolate(x, scale_factor=2, mode="nearest"))
    assert_pages_say(
        ("interpolate-equivalences.md", "- Each call of the cell computes exactly what `F.interpolate` computes."),
        ("interpolate-equivalences.zh.md", "- 单元格里的每个调用，结果都与 `F.interpolate` 完全相同。"),
    )


def test_area_to_one_pixel_overflows_too_in_channels_last_with_4_to_7_and_from_32_channels():
    # Review 23: "gives 3.3e37 there" held for the contiguous layout; a channels_last copy of 4 to 7 channels
    # adds in avg_pool's order in 4 of its channels and gives inf there as well.
    # Review 34: so do the first 32, 64, ... channels of a copy with 32 or more (the sweep stopped at 16).
    one = torch.tensor([3e38, 3e38, 0, 0, 0, 0, 0, 0, -3e38]).reshape(1, 1, 3, 3)
    for channels in range(1, 301):
        x = one.expand(1, channels, 3, 3)
        assert torch.isinf(F.avg_pool2d(x, 3)).all()
        assert torch.isfinite(F.interpolate(x.contiguous(), size=(1, 1), mode="area")).all()
        overflowed = torch.isinf(
            F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(1, 1), mode="area").flatten()
        )
        first = 4 if 4 <= channels <= 7 else 32 * (channels // 32)
        assert overflowed[:first].all() and not overflowed[first:].any(), channels


@pytest.mark.parametrize("capability", ["avx2", "default"])
def test_area_overflow_channel_pattern_holds_in_every_cpu_code_path(capability):
    # Review 35: the page states the channels_last pattern (4 of 4-7 channels, the first 32 * floor(C/32)
    # from 32 on) and the finite contiguous mean without naming a CPU capability; vector widths differ
    # between AVX-512, AVX2 and the generic code, so check the pattern (and bfloat16's) under the other two.
    code = (
        "import torch, torch.nn.functional as F\n"
        "one = torch.tensor([3e38, 3e38, 0, 0, 0, 0, 0, 0, -3e38]).reshape(1, 1, 3, 3)\n"
        "bad = []\n"
        "for dtype in (torch.float32, torch.bfloat16):\n"
        "    for c in range(1, 301):\n"
        "        x = one.expand(2, c, 3, 3).to(dtype)\n"
        "        if not F.interpolate(x.contiguous(), size=(1, 1), mode='area').isfinite().all():\n"
        "            bad.append(('contiguous', c))\n"
        "        y = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=(1, 1), mode='area')\n"
        "        inf = torch.isinf(y.reshape(2, c))\n"
        "        first = 4 if 4 <= c <= 7 else 32 * (c // 32)\n"
        "        if not (inf[:, :first].all() and not inf[:, first:].any()):\n"
        "            bad.append((str(dtype), c))\n"
        "print(len(bad), bad[:5])\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY=capability).split()[0] == "0"


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_grid_sample_identity_float32_difference_grows_with_the_axis(mode):
    # The page: about 1e-5 at 100 -> 151 pixels, about 2e-4 at 3000 -> 4501 (float32 positions).
    theta = torch.tensor([[[1.0, 0, 0], [0, 1, 0]]])
    diffs = []
    for n, out in ((100, 151), (3000, 4501)):
        x = rand(1, 1, 2, n)
        grid = F.affine_grid(theta, (1, 1, 2, out), align_corners=False)
        a = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
        diffs.append(float((a - F.interpolate(x, size=(2, out), mode=mode)).abs().max()))
    assert 2e-6 < diffs[0] < 5e-5 and 5e-5 < diffs[1] < 8e-4 and diffs[1] > 5 * diffs[0], diffs


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_grid_sample_identity_gap_on_long_axes_depends_on_the_data(mode):
    # Review 24: "3000 -> 4501 in float64 differ by about 1e-4" and "float32 ... about 2e-4" depend on the data.
    # The page: float64 from under 1e-5 to about 1e-4 on random rows in [0, 1), 1.1e-4 / 1.7e-4 on a unit ramp;
    # float32 4e-6 .. 1e-5 at 100 -> 151 and 2e-4 .. 6e-4 at 3000 -> 4501 (4e-4 under AVX2; review 49).
    def gaps(n, out, dtype, seeds):
        grid = F.affine_grid(torch.eye(2, 3, dtype=dtype)[None], (1, 1, 2, out), align_corners=False)
        found = []
        for seed in seeds:
            x = torch.rand(1, 1, 2, n, dtype=dtype, generator=torch.Generator().manual_seed(seed))
            sampled = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
            found.append((sampled - F.interpolate(x, size=(2, out), mode=mode)).abs().max().item())
        return min(found), max(found)

    low, high = gaps(3000, 4501, torch.float64, range(200))
    assert low < 1e-5 and 5e-5 < high < 1.5e-4, (low, high)
    low, high = gaps(100, 151, torch.float32, range(200))
    assert 3e-6 < low and high < 1.1e-5, (low, high)
    # Review 26: on single rows a wider sweep reaches below 3e-6 (the page said "about 4e-6" before).
    grid = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 1, 151), align_corners=False)
    found = []
    for seed in range(2000):
        x = torch.rand(1, 1, 1, 100, generator=torch.Generator().manual_seed(seed))
        sampled = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
        found.append((sampled - F.interpolate(x, size=(1, 151), mode=mode)).abs().max().item())
    assert 2.5e-6 < min(found) < 3.2e-6 and 7e-6 < max(found) < 1.1e-5, (min(found), max(found))
    low, high = gaps(3000, 4501, torch.float32, range(50))
    assert 2e-4 < low and high < 6e-4, (low, high)
    ramp = torch.arange(3000, dtype=torch.float64).view(1, 1, 1, -1)
    grid = F.affine_grid(torch.eye(2, 3, dtype=torch.float64)[None], (1, 1, 1, 4501), align_corners=False)
    sampled = F.grid_sample(ramp, grid, mode=mode, padding_mode="border", align_corners=False)
    gap = (sampled - F.interpolate(ramp, size=(1, 4501), mode=mode)).abs().max().item()
    assert abs(gap - {"bilinear": 1.1e-4, "bicubic": 1.7e-4}[mode]) < 0.05e-4, gap


def test_slicing_holds_only_where_k_divides_the_size_the_slice_keeps_a_pixel_more_otherwise():
    # Review 25: with a remainder, scale_factor=1/k still steps by k but returns floor(in/k) pixels;
    # x[..., ::k] keeps ceil(in/k), x[..., k//2::k] one more when in mod k > k//2 (8 pixels / 3: 2 vs 3, 3).
    longer = {"nearest": 0, "nearest-exact": 0}
    for k in range(2, 10):
        for n in range(k, 12 * k):
            x = torch.randn(1, 1, 1, n, generator=GEN)
            size = F.interpolate(x, scale_factor=(1.0, 1 / k), mode="nearest").shape[-1]
            if size != n // k:  # the scale_factor=1/k sizes one pixel short, counted on the page
                continue
            for mode, start, past in (("nearest", 0, 0), ("nearest-exact", k // 2, k // 2)):
                got = F.interpolate(x, scale_factor=(1.0, 1 / k), mode=mode)
                sliced = x[..., start::k]
                assert torch.equal(got, sliced[..., : n // k]), (mode, k, n)
                assert (sliced.shape[-1] > n // k) == (n % k > past), (mode, k, n)
                longer[mode] += sliced.shape[-1] > n // k
    x = torch.arange(8.0).view(1, 1, 1, 8)
    got = F.interpolate(x, scale_factor=(1.0, 1 / 3), mode="bilinear")
    assert got.shape[-1] == 2 and x[..., 1::3].shape[-1] == x[..., ::3].shape[-1] == 3
    assert longer["nearest"] > longer["nearest-exact"] > 0


@pytest.mark.parametrize("k", [3, 5, 7, 9])
def test_uint8_one_pixel_wide_bug_needs_an_output_at_least_two_high(k):
    # Review 26: the page said uint8 with > 4 channels misses the slice whenever the output is one
    # pixel wide; an output one pixel high (k x k to 1 x 1) is the slice, from two rows on it is not.
    for c, rows in itertools.product([5, 6, 8], [1, 2, 3]):
        x = (rand(1, c, rows * k, k) * 255).to(torch.uint8)
        y = F.interpolate(x, scale_factor=1 / k, mode="bilinear")
        assert y.shape[-2:] == (rows, 1)
        assert torch.equal(y, x[..., k // 2 :: k, k // 2 :: k]) == (rows == 1), (k, c, rows)


def test_uint8_odd_factor_slicing_fails_on_hwc_views_too():
    # Review 31: the page named "the contiguous layout" for the uint8 one-pixel-wide bug; a channels_last-contiguous
    # HWC permute view with more than 4 channels hits it too, while the 3-channel assert needs the contiguous layout.
    gen = torch.Generator().manual_seed(31)
    for channels in range(1, 9):
        for height in (6, 9, 15):
            view = torch.randint(0, 256, (height, 3, channels), dtype=torch.uint8, generator=gen).permute(2, 0, 1)[None]
            assert view.is_contiguous(memory_format=torch.channels_last) and view.is_contiguous() == (channels == 1)
            sliced = torch.equal(F.interpolate(view, scale_factor=1 / 3, mode="bilinear"), view[..., 1::3, 1::3])
            assert sliced == (channels <= 4), (channels, height)
        square = torch.randint(0, 256, (3, 3, channels), dtype=torch.uint8, generator=gen).permute(2, 0, 1)[None]
        assert torch.equal(F.interpolate(square, scale_factor=1 / 3, mode="bilinear"), square[..., 1:2, 1:2])
        if channels == 3:
            with pytest.raises(RuntimeError):
                F.interpolate(square.contiguous(), scale_factor=1 / 3, mode="bilinear")


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact"])
def test_with_a_remainder_scale_factor_one_over_k_steps_by_k_unless_recomputed(mode):
    # 8 pixels shrunk by 3: the factor steps by 3 (picks 0, 3 in nearest), recompute_scale_factor=True by 8/2 = 4.
    for n, k in itertools.product(range(4, 30), (3, 4, 5, 7)):
        if n % k == 0 or n // k == 0:
            continue
        row = torch.arange(float(n)).view(1, 1, n)
        start = 0 if mode == "nearest" else k // 2
        stepped = F.interpolate(row, scale_factor=1 / k, mode=mode).flatten()
        if stepped.numel() == n // k:  # the factors that lose a pixel are the page's other case
            assert torch.equal(stepped, row.flatten()[start::k][: n // k]), (n, k)
        recomputed = F.interpolate(row, scale_factor=1 / k, mode=mode, recompute_scale_factor=True).flatten()
        assert torch.equal(recomputed, F.interpolate(row, size=n // k, mode=mode).flatten()), (n, k)
    row = torch.arange(8.0).view(1, 1, 8)
    picks = [
        F.interpolate(row, scale_factor=1 / 3, mode="nearest", recompute_scale_factor=r).flatten().tolist()
        for r in (None, True)
    ]
    assert picks == [[0.0, 3.0], [0.0, 4.0]]


@pytest.mark.parametrize("h,w", [(3, 3), (5, 7), (7, 9), (9, 2)])
def test_bilinear_half_on_odd_sizes_with_recompute_is_not_avg_pool(h, w):
    # "Given as size=in // 2 (or with recompute_scale_factor=True) ... not the mean of 2x2 blocks".
    x = torch.rand(1, 2, h, w, dtype=torch.float64, generator=torch.Generator().manual_seed(h * w))
    pooled = F.avg_pool2d(x, 2)
    stepped = F.interpolate(x, scale_factor=0.5, mode="bilinear")
    recomputed = F.interpolate(x, scale_factor=0.5, mode="bilinear", recompute_scale_factor=True)
    assert (stepped - pooled).abs().max() < 1e-12
    assert torch.equal(recomputed, F.interpolate(x, size=(h // 2, w // 2), mode="bilinear"))
    assert (recomputed - pooled).abs().max() > 1e-3


def test_bilinear_block_mean_and_slicing_need_the_default_arguments():
    # review 37: the x0.5 block mean and odd-factor slicing hold with align_corners=False
    # and antialias=False only
    for h, w in ((8, 8), (7, 9), (6, 10)):
        x = rand(1, 2, h, w, dtype=torch.float64)
        pooled = F.avg_pool2d(x, 2)
        plain = F.interpolate(x, scale_factor=0.5, mode="bilinear")
        assert (plain - pooled).abs().max() < 1e-12
        for kw in ({"align_corners": True}, {"antialias": True}):
            other = F.interpolate(x, scale_factor=0.5, mode="bilinear", **kw)
            assert (other - pooled).abs().max() > 1e-3, (h, w, kw)
    for k in (3, 5, 7):
        x = rand(1, 2, 3 * k, 2 * k, dtype=torch.float64)
        sliced = x[..., k // 2 :: k, k // 2 :: k]
        assert torch.equal(F.interpolate(x, scale_factor=1 / k, mode="bilinear"), sliced)
        for kw in ({"align_corners": True}, {"antialias": True}):
            assert not torch.equal(F.interpolate(x, scale_factor=1 / k, mode="bilinear", **kw), sliced)
    # align_corners=True shrinks 7 pixels to 3 with a step of 3
    r = torch.arange(7, dtype=torch.float64)[None, None]
    assert F.interpolate(r, scale_factor=0.5, mode="linear", align_corners=True).flatten().tolist() == [0, 3, 6]


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_grid_sample_matches_interpolate_only_without_antialias(mode):
    x = rand(1, 1, 9, 11, dtype=torch.float64)
    for size in ((5, 6), (13, 17)):
        theta = torch.tensor([[[1.0, 0, 0], [0, 1.0, 0]]], dtype=torch.float64)
        grid = F.affine_grid(theta, (1, 1, *size), align_corners=False)
        gs = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
        plain = F.interpolate(x, size=size, mode=mode)
        aa = F.interpolate(x, size=size, mode=mode, antialias=True)
        assert (gs - plain).abs().max() < 1e-9
        if mode == "bicubic" or size[0] < 9:
            assert (gs - aa).abs().max() > 1e-3, size


def test_uint8_bilinear_half_is_up_to_a_whole_level_off_the_block_mean():
    # Review 38: "computes their mean" holds on float input; uint8 rounds after each pass.
    g = torch.Generator().manual_seed(0)
    worst = {}
    for channels in (1, 4, 5):
        for shape in ((4, 6), (8, 8), (7, 9)):
            for _ in range(50):
                x = torch.randint(0, 256, (1, channels, *shape), dtype=torch.uint8, generator=g)
                half = F.interpolate(x, scale_factor=0.5, mode="bilinear").double()
                off = (half - F.avg_pool2d(x.double(), 2)).abs().max().item()
                worst[channels] = max(worst.get(channels, 0), off)
    assert all(value == 1.0 for value in worst.values()), worst


def test_torch_equal_is_value_by_value_so_a_nan_is_not_equal_even_to_a_bit_identical_copy():
    # Review 42: the page said "bit for bit, except that it counts -0.0 and +0.0 as equal"; a nan breaks that too.
    x = torch.tensor([1.0, float("nan")])
    assert torch.equal(torch.tensor([-0.0]), torch.tensor([0.0]))
    assert x.view(torch.int32).equal(x.clone().view(torch.int32)) and not torch.equal(x, x.clone())
    assert not torch.equal(x, x)


def test_nearest_whole_enlargement_misses_at_unlisted_factors_on_long_axes(ns):
    # Review 42: the listed factors (from the 2x2 image) read as the only ones; on a long axis x5 (not listed)
    # misses too, while a short one does not.
    assert 5 not in ns["failing"]["nearest", "scale_factor"]
    for n, misses in ((100_000, False), (2**22, True)):
        x = torch.arange(n, dtype=torch.float32).view(1, 1, n)
        y = F.interpolate(x, scale_factor=5, mode="nearest")
        assert (not torch.equal(y, x.repeat_interleave(5, dim=-1))) == misses, n


def test_shrink_rules_hold_up_to_two_to_the_23_and_each_mode_misses_on_some_longer_axis():
    # Review 42: the page limited only nearest-exact's slicing to 2^23 pixels; nearest and odd-factor bilinear
    # miss past 2^24, bilinear x0.5 on float32 misses its pair means past 2^23 (float32 source positions).
    x = (torch.arange(2**24 + 2**22) % 997).float().view(1, 1, 1, -1)

    def holds(n, mode, k):
        row = x[..., : n - n % k]
        y = F.interpolate(row, scale_factor=(1.0, 1 / k), mode=mode)
        if mode == "bilinear" and k == 2:
            return bool((y - (row[..., ::2] + row[..., 1::2]) / 2).abs().max() < 1e-3)
        return torch.equal(y, row[..., (0 if mode == "nearest" else k // 2) :: k])

    for mode, k in (("nearest", 3), ("nearest", 5), ("nearest-exact", 3), ("bilinear", 2), ("bilinear", 3)):
        assert holds(2**23, mode, k), (mode, k)
    assert not holds(2**23 + 2**21, "nearest-exact", 3) and not holds(2**23 + 2**21, "bilinear", 2)
    assert not holds(2**24 + 2**22, "nearest", 3) and not holds(2**24 + 2**22, "bilinear", 3)


def test_float64_one_49th_is_off_the_slice_by_thousands_of_its_own_ulps():
    # Review 42: "differs from the slice in the last bits" was false: the next pixel enters with a weight of about
    # 1e-14, so a sampled 0 beside a 1 comes back nonzero and signed data is off by thousands of its own ulps.
    x = torch.randn(1, 1, 245, 245, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    sliced = x[..., 24::49, 24::49]
    y = F.interpolate(x, scale_factor=1 / 49, mode="bilinear")
    ulps = (y - sliced).abs() / (
        torch.nextafter(sliced.abs(), torch.tensor(float("inf"), dtype=torch.float64)) - sliced.abs()
    )
    assert ulps.max() > 1000
    for offset, enters in ((1, True), (-1, False)):  # the next pixel enters, the previous one does not
        z = torch.zeros(1, 1, 245, 245, dtype=torch.float64)
        z[..., 24 + offset :: 49, :] = 1
        z[..., :, 24 + offset :: 49] = 1
        assert bool((F.interpolate(z, scale_factor=1 / 49, mode="bilinear") != 0).any()) == enters, offset


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_grid_sample_identity_is_sometimes_bit_for_bit_the_same(mode):
    # Review 42: "up to float rounding, not bit for bit" read as never; a 1x1 output is bit-identical.
    for dtype in (torch.float32, torch.float64):
        x = torch.rand(2, 3, 9, 7, dtype=dtype, generator=torch.Generator().manual_seed(1))
        found = []
        for size in ((1, 1), (9, 7), (18, 14), (3, 7)):
            grid = F.affine_grid(torch.eye(2, 3, dtype=dtype).expand(2, 2, 3), (2, 3, *size), align_corners=False)
            sampled = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
            found.append(torch.equal(sampled, F.interpolate(x, size=size, mode=mode)))
        assert found == [True, False, False, False], (dtype, found)


def test_switching_upsampling_bilinear_2d_to_upsample_changes_the_output_only_in_general():
    # Review 42: "switches to align_corners=False and changes the output" is not always so: where the size is
    # kept, both copy the input.
    x = rand(1, 2, 5, 7)
    assert torch.equal(nn.UpsamplingBilinear2d(size=(5, 7))(x), nn.Upsample(size=(5, 7), mode="bilinear")(x))
    assert not torch.equal(nn.UpsamplingBilinear2d(size=(9, 4))(x), nn.Upsample(size=(9, 4), mode="bilinear")(x))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_grid_sample_nearest_parts_from_nearest_exact_off_ties_on_longer_axes(dtype):
    # Review 47: the cell's comment said grid_sample's nearest is "nearest-exact's rule, ties aside"; the two
    # compute their positions in different floating-point steps, and 4097 -> 4098 parts them at output 2049,
    # where the centre (2049.5 * 4097/4098) is no tie. Only the comparison with interpolate's nearest remains.
    for n, out, off_tie in ((4097, 4098, [2049]), (100, 151, [])):
        x = torch.arange(float(n), dtype=dtype).view(1, 1, 1, n)
        grid = F.affine_grid(torch.eye(2, 3, dtype=dtype)[None], (1, 1, 1, out), align_corners=False)
        sampled = F.grid_sample(x, grid, mode="nearest", padding_mode="border", align_corners=False)[0, 0, 0]
        exact = F.interpolate(x, size=(1, out), mode="nearest-exact")[0, 0, 0]
        parted = [d for d in (sampled != exact).nonzero().flatten().tolist() if (2 * d + 1) * n % (2 * out)]
        assert parted == off_tie, (n, out, parted)


def test_grid_sample_identity_float32_gap_at_3000_pixels_reaches_6e_4_in_the_generic_code():
    # Review 49: "2e-4 to 4e-4 at 3000 -> 4501" held under AVX2 only; torch's generic code
    # (ATEN_CPU_CAPABILITY=default) reaches about 6.4e-4 in bicubic. 300 random rows, batched.
    code = """
import torch, torch.nn.functional as F
x = torch.rand(300, 1, 1, 3000, generator=torch.Generator().manual_seed(0))
grid = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 1, 4501), align_corners=False).expand(300, 1, 4501, 2)
for mode in ("bilinear", "bicubic"):
    sampled = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
    gap = (sampled - F.interpolate(x, size=(1, 4501), mode=mode)).abs().amax(dim=(1, 2, 3))
    print(gap.min().item(), gap.max().item())
"""
    ranges = {cap: [float(v) for v in run_python(code, ATEN_CPU_CAPABILITY=cap).split()] for cap in ("avx2", "default")}
    for low_b, high_b, low_c, high_c in ranges.values():
        assert 1.8e-4 < min(low_b, low_c) and max(high_b, high_c) < 6.5e-4, ranges
    assert max(ranges["default"]) > 5e-4, ranges  # well past the old "4e-4"


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16])
def test_grid_sample_identity_is_not_interpolate_up_to_rounding_in_half_precision(dtype):
    # Review 49: the identity-grid equivalence was stated for every dtype. In bfloat16 and float16 the
    # grid itself is rounded to the dtype (the CPU's affine_grid refuses these dtypes, so it is made
    # in float32 and cast), and 100 -> 151 pixels differ by tens of the output's rounding steps.
    x = torch.rand(300, 1, 1, 100, generator=torch.Generator().manual_seed(0))
    grid = F.affine_grid(torch.eye(2, 3)[None], (1, 1, 1, 151), align_corners=False).expand(300, 1, 151, 2)
    for mode in ("bilinear", "bicubic"):
        sampled = F.grid_sample(x.to(dtype), grid.to(dtype), mode=mode, padding_mode="border", align_corners=False)
        resized = F.interpolate(x.to(dtype), size=(1, 151), mode=mode, align_corners=False)
        gap = (sampled.float() - resized.float()).abs().amax(dim=(1, 2, 3))
        assert gap.min().item() > 10 * torch.finfo(dtype).eps, gap.min().item()
        sampled32 = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
        assert (sampled32 - F.interpolate(x, size=(1, 151), mode=mode)).abs().max().item() < 1.1e-5


def test_bilinear_half_bit_identity_with_avg_pool_depends_on_the_thread_count():
    # Review 51: "which shapes come out bit-identical depends on the kernel that runs" left out the thread
    # count: on the CPU the same shape and kernel match avg_pool2d(2) bit for bit with 1 thread, not with 2.
    shapes = [(1, 3, 256, 256), (1, 3, 128, 128), (1, 5, 256, 256), (1, 3, 512, 512)]
    inputs = [torch.rand(*shape, generator=torch.Generator().manual_seed(1)) * 2 - 1 for shape in shapes]
    threads = torch.get_num_threads()
    flags = {}
    try:
        for n in (1, 2):
            torch.set_num_threads(n)
            flags[n] = [
                torch.equal(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2)) for x in inputs
            ]
    finally:
        torch.set_num_threads(threads)
    assert flags[1] != flags[2], flags


def test_zero_channels_raise_in_every_mode_but_area_on_3d_and_4d_and_5d_to_one_voxel():
    # Review 51: the equivalences are stated for input with channels; with none, F.interpolate raises (so
    # `nearest` is not `repeat_interleave` there), except `area` on 3-D and 4-D input, which returns an empty tensor.
    # Review 52: and `area` on 5-D input to a 1x1x1 output, which adaptive_avg_pool3d computes as a mean.
    modes = {
        3: ["nearest", "nearest-exact", "linear", "area"],
        4: ["nearest", "nearest-exact", "bilinear", "bicubic", "lanczos", "area"],
        5: ["nearest", "nearest-exact", "trilinear", "area"],
    }
    for rank, names in modes.items():
        x = torch.rand(1, 0, *[4] * (rank - 2))
        for mode in names:
            for kwargs in (
                {"scale_factor": 2},
                {"scale_factor": 0.5},
                {"scale_factor": 0.25},
                {"size": (3,) * (rank - 2)},
            ):
                for antialias in [False, True] if mode in ("bilinear", "bicubic") else [mode == "lanczos"]:
                    if mode == "area" and (rank < 5 or kwargs.get("scale_factor") == 0.25):
                        assert F.interpolate(x, mode=mode, **kwargs).shape[1] == 0
                    else:
                        with pytest.raises(RuntimeError):
                            F.interpolate(x, mode=mode, antialias=antialias, **kwargs)


MEAN_DTYPES = (torch.float16, torch.bfloat16, torch.float32, torch.float64, torch.complex64, torch.complex128)


# Every dtype this torch has, quantized ones included: the page sorts them all into its cases
ALL_DTYPES = sorted({value for value in vars(torch).values() if isinstance(value, torch.dtype)}, key=str)
QUANTIZED_ONE_VOXEL = (torch.quint8, torch.qint8, torch.qint32)
QUANTIZED_NEVER = (torch.quint4x2, torch.quint2x4)


def empty_of(shape, dtype):
    if dtype in QUANTIZED_ONE_VOXEL + QUANTIZED_NEVER:
        return torch._empty_affine_quantized(shape, scale=0.1, zero_point=0, dtype=dtype)
    return torch.empty(shape, dtype=dtype)  # empty: bcomplex32 has no fill kernel


@pytest.mark.filterwarnings(
    "ignore:ComplexHalf support is experimental",
    "ignore:BComplex32 support is experimental",
    "ignore:torch.quantize_per_tensor",
)
@pytest.mark.parametrize("dtype", ALL_DTYPES, ids=str)
def test_zero_channel_area_is_empty_by_dtype_and_rank(dtype):
    # Review 56: the zero-channel exceptions of `area` were stated for every dtype. `area` refuses uint8 with
    # channels, and to a single pixel (or voxel) it takes a mean, which refuses uint8 even with no channels.
    # Review 58: the page said "resized to more than one pixel"; an output side of 0 (no pixel at all) and
    # 1 x 2 (two pixels, one of them an axis of 1) are empty tensors too: only one pixel per axis takes the mean.
    # Review 63: "on floating-point input" took the mean too wide (float8 refuses it, as complex32 does) and
    # left out complex64 and complex128, which take it.
    # Review 77: the quantized dtypes were said to raise at every size, but quint8, qint8 and qint32 resized to one
    # voxel return an empty tensor; float4 and the bits dtypes, not named, return one where the integers do.
    assert len(ALL_DTYPES) > 40 and torch.float4_e2m1fn_x2 in ALL_DTYPES and torch.quint4x2 in ALL_DTYPES
    quantized = dtype in QUANTIZED_ONE_VOXEL + QUANTIZED_NEVER
    for rank in (3, 4, 5):
        for size in itertools.product((0, 1, 2, 3), repeat=rank - 2):
            x = empty_of((1, 0, *[4] * (rank - 2)), dtype)
            one_pixel = set(size) == {1}
            one_voxel = one_pixel and (dtype in MEAN_DTYPES or dtype in QUANTIZED_ONE_VOXEL and rank == 5)
            if (rank < 5 and not one_pixel and not quantized) or one_voxel:
                assert F.interpolate(x, size=size, mode="area").shape == (1, 0, *size), (rank, size)
            else:
                with pytest.raises((RuntimeError, NotImplementedError)):
                    F.interpolate(x, size=size, mode="area")
            if dtype == torch.uint8 and 0 not in size:
                with pytest.raises((RuntimeError, NotImplementedError)):
                    F.interpolate(torch.zeros(1, 2, *[4] * (rank - 2), dtype=torch.uint8), size=size, mode="area")
            # Review 72: "at every output size" held only with pixels on every side: with no channels and a side of
            # 0 pixels too, `area` raises at every size but one pixel per axis (which takes the mean, as above).
            for empty_side in range(2, rank):
                shape = [1, 0] + [4] * (rank - 2)
                shape[empty_side] = 0
                no_pixels = empty_of(shape, dtype)
                if one_voxel:
                    assert F.interpolate(no_pixels, size=size, mode="area").shape == (1, 0, *size)
                else:
                    with pytest.raises(RuntimeError):
                        F.interpolate(no_pixels, size=size, mode="area")
    page = (DOCS / "interpolate-equivalences.md").read_text("utf-8")
    assert "returns an empty tensor from an input with pixels on every side:" in page
    # Review 76: the page gives the mean's refusal for the CPU only, where this test checks it
    zh = (DOCS / "interpolate-equivalences.zh.md").read_text("utf-8")
    assert "- on every other dtype that is not quantized (`uint8`, float8, float4 and complex32 included):" in page
    assert "- 其他所有非量化的 dtype（包括 `uint8`、float8、float4 和 complex32）：" in zh
    assert "only those quantized per tensor as `quint8`, `qint8` or `qint32` return an\nempty tensor" in page
    assert "只有按张量量化成 `quint8`、`qint8` 或 `qint32` 的张量会返回空张量" in zh
    assert "on the CPU refuses these dtypes" in page and "在 CPU 上即使没有任何值可平均" in zh
    assert "它对每一边都有像素的输入返回空张量：" in (DOCS / "interpolate-equivalences.zh.md").read_text("utf-8")


def per_channel_quantized(shape, dtype, float_qparams):
    channels = shape[1]
    scales = torch.ones(channels, dtype=torch.float32 if float_qparams else torch.float64)
    zero_points = torch.zeros(channels, dtype=torch.float32 if float_qparams else torch.int64)
    return torch._empty_per_channel_affine_quantized(shape, scales=scales, zero_points=zero_points, axis=1, dtype=dtype)


@pytest.mark.filterwarnings("ignore:torch.quantize_per_tensor")
def test_zero_channel_area_per_channel_quantized_raises_at_every_size():
    # Review 78: "quint8, qint8 and qint32 return an empty tensor on 5-D input resized to a single voxel" held for
    # tensors quantized per tensor only: quantized per channel (either qscheme), the one-voxel mean refuses them.
    for dtype, float_qparams in (
        (torch.quint8, False),
        (torch.qint8, False),
        (torch.qint32, False),
        (torch.quint8, True),
    ):
        for rank in (3, 4, 5):
            x = per_channel_quantized((1, 0, *[4] * (rank - 2)), dtype, float_qparams)
            assert x.qscheme() != torch.per_tensor_affine
            for size in itertools.product((0, 1, 2), repeat=rank - 2):
                with pytest.raises(RuntimeError):
                    F.interpolate(x, size=size, mode="area")
    per_tensor = torch._empty_affine_quantized((1, 0, 4, 4, 4), scale=0.1, zero_point=0, dtype=torch.quint8)
    assert F.interpolate(per_tensor, size=(1, 1, 1), mode="area").shape == (1, 0, 1, 1, 1)
    assert "only those quantized per tensor as" in (DOCS / "interpolate-equivalences.md").read_text("utf-8")
    assert "只有按张量量化成" in (DOCS / "interpolate-equivalences.zh.md").read_text("utf-8")


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_float64_scale_factor_misses_the_size_positions_even_where_in_times_the_factor_is_whole(mode):
    # Review 56: "lands elsewhere when in x scale_factor is not whole ... unless 1/scale_factor rounds to the
    # same float32 number as in/out" held for float32 input only: in float64, 245 x 1/49 is 5, 1/(1/49) is not 49.
    assert 245 * (1 / 49) == 5 and 1 / (1 / 49) != 49 and torch.tensor(1 / (1 / 49), dtype=torch.float32) == 49
    grid = F.affine_grid(torch.eye(2, 3, dtype=torch.float64)[None], (1, 1, 1, 5), align_corners=False)
    for seed in range(5):
        x = torch.rand(1, 1, 1, 245, dtype=torch.float64, generator=torch.Generator().manual_seed(seed))
        by_size = F.interpolate(x, size=(1, 5), mode=mode)
        by_factor = F.interpolate(x, scale_factor=(1, 1 / 49), mode=mode)
        assert by_factor.shape == by_size.shape and not torch.equal(by_factor, by_size)
        sampled = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
        assert (sampled - by_size).abs().max() < (sampled - by_factor).abs().max()
        x32 = x.float()  # in float32 1/(1/49) rounds to 49: the two calls are the same computation
        assert torch.equal(
            F.interpolate(x32, scale_factor=(1, 1 / 49), mode=mode), F.interpolate(x32, size=(1, 5), mode=mode)
        )


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16, torch.float32, torch.float64])
def test_odd_factor_bilinear_takes_in_the_diagonal_neighbour_below_right_only(dtype):
    # Review 56: "an inf just right of or below a sampled pixel" left out the pixel diagonally below right,
    # which enters with weight 0 x 0 and makes nan too; the other three diagonals do not enter.
    for layout in (torch.contiguous_format, torch.channels_last):
        for k in (3, 5):
            for (dy, dx), enters in {(1, 1): True, (-1, 1): False, (1, -1): False, (-1, -1): False}.items():
                x = torch.rand(1, 4, 2 * k, 3 * k, generator=GEN).to(dtype)
                x[0, 0, k // 2 + dy, k // 2 + dx] = float("inf")
                y = F.interpolate(x.contiguous(memory_format=layout), scale_factor=1 / k, mode="bilinear")
                assert bool(y[0, 0, 0, 0].isnan()) == enters, (layout, k, dy, dx)
                if not enters:
                    assert torch.equal(y, x[..., k // 2 :: k, k // 2 :: k])


def _identity_sampled(x, size, mode):
    grid = F.affine_grid(
        torch.eye(2, 3, dtype=x.dtype, device=x.device).unsqueeze(0), (1, x.shape[1], *size), align_corners=False
    )
    return F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)


def test_cpu_float_bicubic_never_copies_a_kept_axis_so_scale_factor_misses_the_identity_grid():
    # Review 61: the page named only the CPU's bilinear among the kernels that copy a kept axis; the CPU's float
    # bicubic steps by 1/1.05 even where every axis keeps its size, so grid_sample's positions are not its own.
    generator = torch.Generator().manual_seed(61)
    for dtype in (torch.float32, torch.float64):
        for side in (10, 19):
            x = torch.rand(1, 2, side, side, generator=generator, dtype=dtype)
            for factor in ((1.05, 1.05), (1.05, 2.0)):
                resized = F.interpolate(x, scale_factor=factor, mode="bicubic")
                sampled = _identity_sampled(x, resized.shape[-2:], "bicubic")
                assert (sampled - resized).abs().max() > 1e-2
                by_size = F.interpolate(x, size=resized.shape[-2:], mode="bicubic")
                assert (sampled - by_size).abs().max() < 1e-5


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_cuda_bilinear_and_bicubic_copy_a_kept_axis_only_where_every_axis_keeps_its_size(mode):
    # UpSampleBilinear2d.cu and UpSampleBicubic2d.cu copy only when the whole output size equals the input's; with
    # one axis kept and the other resized, the kept axis steps by 1/1.05 and misses the identity grid.
    x = torch.rand(1, 2, 10, 10, generator=torch.Generator().manual_seed(61)).cuda()
    kept = F.interpolate(x, scale_factor=1.05, mode=mode)
    assert torch.equal(kept, x)
    resized = F.interpolate(x, scale_factor=(1.05, 2.0), mode=mode)
    assert resized.shape[-2:] == (10, 20)
    assert (_identity_sampled(x, (10, 20), mode) - resized).abs().max() > 1e-2
    assert (_identity_sampled(x, (10, 20), mode) - F.interpolate(x, size=(10, 20), mode=mode)).abs().max() < 1e-5


def test_the_floating_point_dtypes_of_bilinear_slicing_and_block_means_are_named_and_hold_in_each():
    # Review 64: "as long as the input is floating point" named no dtypes; bilinear refuses float8 and complex,
    # and the odd-factor slicing and the x0.5 block mean hold in each of the four it takes, in both CPU kernels.
    en = " ".join((DOCS / "interpolate-equivalences.md").read_text(encoding="utf-8").split())
    zh = (DOCS / "interpolate-equivalences.zh.md").read_text(encoding="utf-8")
    assert "on floating-point input, float16, bfloat16, float32 or float64, the only ones `bilinear` takes" in en
    assert "as long as the input is floating point (float16, bfloat16, float32 or float64;" in en
    assert (
        "`bilinear` 仅接受的 float16、bfloat16、float32 和 float64" in zh
        and "float16、bfloat16、float32 或 float64；CPU" in zh
    )
    for dtype in (torch.float8_e4m3fn, torch.float8_e5m2, torch.complex64, torch.complex128):
        with pytest.raises((RuntimeError, NotImplementedError)):
            F.interpolate(torch.ones(1, 1, 6, 6).to(dtype), scale_factor=1 / 3, mode="bilinear")
    for dtype in (torch.float16, torch.bfloat16, torch.float32, torch.float64):
        for k, (h, w), memory in itertools.product(
            (3, 5, 7), ((2, 3), (30, 70)), (torch.contiguous_format, torch.channels_last)
        ):
            x = (torch.randn(1, 4, h * k, w * k) * 100).to(dtype).contiguous(memory_format=memory)
            assert torch.equal(F.interpolate(x, scale_factor=1 / k, mode="bilinear"), x[..., k // 2 :: k, k // 2 :: k])
        x = torch.randn(1, 4, 8, 140).to(dtype)
        mean = x.double().unflatten(-1, (70, 2)).unflatten(-3, (4, 2)).mean((-1, -3))
        tol = 1e-2 if dtype in (torch.float16, torch.bfloat16) else 1e-6
        torch.testing.assert_close(
            F.interpolate(x, scale_factor=0.5, mode="bilinear").double(), mean, rtol=tol, atol=tol
        )


def test_area_shrink_comment_names_its_shapes_not_every_whole_factor_that_divides_the_size():
    # Review 107: the area_adaptive comment said "With a whole shrink factor that divides the size, the windows are
    # the blocks of avg_pool"; 49 divides 98, but scale_factor=1/49 gives one pixel, a single window of 98.
    x = rand(1, 1, 98, 98, dtype=torch.float64)
    assert F.interpolate(x, scale_factor=1 / 49, mode="area").shape[-2:] == (1, 1)
    assert F.avg_pool2d(x, 49).shape[-2:] == (2, 2)
    torch.testing.assert_close(F.interpolate(x, size=(2, 2), mode="area"), F.avg_pool2d(x, 49), rtol=0, atol=1e-12)
    source = (DOCS.parent / "examples" / "interpolate_equivalences.py").read_text(encoding="utf-8")
    assert "k divides the size and scale_factor=1/k gives in/k pixels: the windows are the blocks" in source
    assert "With a whole shrink factor that divides the size, the windows" not in source


def test_shrink_slicing_comment_names_pixel_k_over_2_as_even_blocks_have_no_middle_one():
    # Review 108: the shrink_slicing comment said nearest-exact keeps "the middle one"; the cell's k = 2 and 4 blocks
    # have two middle pixels, and nearest-exact keeps pixel k // 2 of each, the second of them.
    for k in (2, 3, 4, 6, 8):
        x = torch.arange(3.0 * k).view(1, 1, 1, -1).expand(1, 1, k, -1)
        kept = F.interpolate(x, scale_factor=1 / k, mode="nearest-exact")[0, 0, 0]
        assert torch.equal(kept, torch.arange(3.0) * k + k // 2), k
    source = (DOCS.parent / "examples" / "interpolate_equivalences.py").read_text(encoding="utf-8")
    assert "nearest-exact the middle one" not in source and "nearest-exact pixel k // 2 of each block" in source


def test_the_short_factor_lines_come_before_the_last_line_of_the_slicing_cell(ns):
    # Review r129-2: the page said "The last lines of the cell list every such factor"; the cell's last line
    # is the float64 245 -> 5 line (the page's "the last line of the cell"), so the factor lines are the ones before it.
    lines = printed_by("interpolate_equivalences.py").splitlines()
    factor_lines = [i for i, line in enumerate(lines) if line.startswith("scale_factor=1/")]
    assert factor_lines == list(range(factor_lines[0], factor_lines[-1] + 1)), factor_lines
    assert sorted(ns["short_by_scale"]) == [int(lines[i].split("/")[1].split(":")[0]) for i in factor_lines]
    assert lines[factor_lines[-1] + 1].startswith("float64, bilinear, scale_factor=1/49")
    assert lines[factor_lines[-1] + 2].startswith("`grid_sample(identity, border)")  # the next cell
    assert_pages_say(
        (
            "interpolate-equivalences.md",
            "The `scale_factor=1/k` lines before the cell's last line list every such factor",
        ),
        ("interpolate-equivalences.zh.md", "单元格最后一行之前那几行 `scale_factor=1/k` 列出了 100 以内所有这样的倍数"),
    )
    for page in ("interpolate-equivalences.md", "interpolate-equivalences.zh.md"):
        text = " ".join((DOCS / page).read_text(encoding="utf-8").split())
        assert "The last lines of the cell list" not in text and "单元格最后几行列出了" not in text, page


def test_docstring_limits_the_module_and_repeat_interleave_equivalences():
    # Review r129-2: the example's docstring said, without the page's limits, that nn.Upsample and
    # repeat_interleave ('for nearest with a whole factor') compute what F.interpolate computes.
    x = torch.arange(4.0).view(1, 1, 2, 2)
    for k in range(2, 101):
        same = F.interpolate(x, scale_factor=k, mode="nearest").equal(
            x.repeat_interleave(k, dim=-2).repeat_interleave(k, dim=-1)
        )
        assert same == (k not in (41, 47, 55, 61, 82, 83, 94, 97)), k
    row = torch.ones(1, 1, 4)
    assert F.interpolate(row, scale_factor=0.0, mode="area").shape[-1] == 0
    with pytest.raises(ValueError):
        nn.Upsample(scale_factor=0.0, mode="area")(row)
    source = (DOCS.parent / "examples" / "interpolate_equivalences.py").read_text(encoding="utf-8")
    doc = docstring_of(source)
    assert "``repeat_interleave`` (for ``nearest`` with a whole factor)" not in doc
    assert "within limits the page states" in doc
    assert "(given ``size`` or a ``scale_factor`` of Python floats other than 0)" in doc
    assert "(for ``nearest`` with most whole factors, not all: x41 is one that misses)" in doc


def test_the_pointers_into_the_repeat_and_slicing_cells_land_on_the_lines_they_name():
    # Review r132-2 (UNTESTED): the page points at printed lines by position: in the nearest_repeat cell 'the cell's
    # last line' (the 100 000-sample nearest-exact signal), 'the 8×8 line', the 2×2 line with one row and one
    # column; in the shrink_slicing cell 'the line after the checks' (the inf beside the middle sample, nan) and 'the
    # second line after the checks' (four pixels of 1e38). No test read those positions.
    lines = printed_by("interpolate_equivalences.py").splitlines()
    start = lines.index("`nearest-exact x k == repeat_interleave(k) per axis`")
    end = lines.index("`nearest / k == x[..., ::k, ::k]`")  # the shrink_slicing cell's first line
    repeat_tail = [line for line in lines[start:end] if not line.startswith("    ")][1:]
    assert repeat_tail[-1].startswith("nearest-exact x100 on 100000 samples: ") and " 0 samples" not in repeat_tail[-1]
    assert [line.split(":")[0] for line in repeat_tail[-3:-1]] == ["x41", "x41 on 8x8"]
    assert repeat_tail[-3].endswith("all of row [41] and of column [41]")  # one row and one column on the 2×2
    checks_end = max(i for i, line in enumerate(lines) if line.startswith("    (") and i > end)
    after = lines[checks_end + 1 : checks_end + 3]
    assert after[0].startswith("bilinear / 3, an inf beside the middle sample: [0.0, nan, 0.0]")
    assert after[1].startswith("four float32 pixels of 1e38, / 2: bilinear 1.0e+38, avg_pool2d(2) inf")
    assert_pages_say(
        ("interpolate-equivalences.md", "(the cell's last line: a 1-D signal of 100 000 samples enlarged ×100"),
        ("interpolate-equivalences.md", "(the 8×8 line)"),
        ("interpolate-equivalences.md", "the long signal of the last line trips it"),
        ("interpolate-equivalences.md", "(the second line after the checks in the cell below)"),
        ("interpolate-equivalences.md", "(the line after the checks in the cell below;"),
        ("interpolate-equivalences.zh.md", "（见单元格最后一行：一段 100 000 个采样点的一维信号放大 100 倍"),
        ("interpolate-equivalences.zh.md", "（见 8×8 那一行）"),
        ("interpolate-equivalences.zh.md", "只有最后一行那段长信号让它出了错"),
        ("interpolate-equivalences.zh.md", "（见下面单元格里各项检查之后的第二行）"),
        ("interpolate-equivalences.zh.md", "（见下面单元格里紧接在各项检查之后的那一行；"),
    )


def test_the_check_above_the_align_corners_bullet_prints_false():
    # Review r134-2: the bullet on nn.UpsamplingBilinear2d says that switching to nn.Upsample(mode="bilinear")
    # changes the output "(the check above prints `False`)"; the deprecated cell prints that check, but no test
    # read it (the other tests compare other calls). It must print False, in the cell the bullets follow.
    printed = printed_by("interpolate_equivalences.py")
    assert "UpsamplingBilinear2d == bilinear with align_corners=False: False" in printed.splitlines()
    x = rand(1, 3, 5, 7)
    assert not torch.equal(nn.UpsamplingBilinear2d(scale_factor=2)(x), nn.Upsample(scale_factor=2, mode="bilinear")(x))
    for page, embed, words in (
        (
            "interpolate-equivalences.md",
            "::: example interpolate_equivalences.py#deprecated",
            "(the check above prints `False`)",
        ),
        (
            "interpolate-equivalences.zh.md",
            "::: example interpolate_equivalences.py#deprecated",
            "（上面的检查打印的是 `False`）",
        ),
    ):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert text.index(embed) < text.index(" ".join(words.split())), page
        assert text.count(embed) == 1, page


def test_the_x41_lines_name_the_wrong_rows_and_columns_by_index_in_zh(ns):
    # Review r136-2 (WRONG): the zh output of the nearest_repeat cell read "正是第 [41] 行和第 [41] 列的全部像素"
    # (and 第 [41, 82, 164, 287] 行 on the 8×8): 第 41 行 is the 41st row, index 40, while the cell lists indices
    # from 0 (index 41 is the 42nd row). The glossary writes an index as 下标为 i; test_terminology's ordinal check
    # misses a bracketed list. Now "下标为 [41] 的行和下标为 [41] 的列".
    from sitegen.translate import Translations, translate_output

    assert ns["wrong41"][0, 0, 41].all() and not ns["wrong41"][0, 0, 40].all()  # index 41 from 0, not the 41st
    rows_8 = ns["rows_8"]
    assert ns["wrong41_8"][0, 0, rows_8[0]].all() and not ns["wrong41_8"][0, 0, rows_8[0] - 1].all()
    translations = Translations.load(ROOT / "docs" / "translations.yml")
    lines = [line for line in printed_by("interpolate_equivalences.py").splitlines() if line.startswith("x41")]
    assert len(lines) == 2
    for line, rows in zip(lines, ([41], rows_8)):
        zh = translate_output(translations, line, "zh", markdown=False)
        assert f"正是下标为 {rows} 的行和下标为 {rows} 的列的全部像素" in zh, zh
        assert "第 [" not in zh and "第[" not in zh, zh


def test_the_overflow_comment_names_the_dtype_the_pool_adds_in():
    # Review r137-2 (MISLEADING): the shrink_slicing cell's comment said "a sum past float32's largest value (3.4e38)
    # overflows in the pool only", the page's rule ("as long as every partial sum of the four pixels fits in the
    # dtype, in float32 for float16 and bfloat16 input") without its dtype: four float64 pixels of 1e38 sum past
    # 3.4e38 and the pool returns 1e38. The pool overflows where the dtype it adds in does: float32, and float32 for
    # bfloat16 input (four pixels of bfloat16's largest value), never in bilinear.
    for dtype, value, pool_overflows in (
        (torch.float64, 1e38, False),
        (torch.float64, 1e308, True),
        (torch.float32, 1e38, True),
        (torch.bfloat16, torch.finfo(torch.bfloat16).max, True),
        (torch.float16, torch.finfo(torch.float16).max, False),
    ):
        big = torch.full((1, 1, 2, 2), value, dtype=dtype)
        assert 4 * float(value) > torch.finfo(torch.float32).max or dtype == torch.float16
        assert bool(F.avg_pool2d(big, 2).isinf()) == pool_overflows, dtype
        assert not F.interpolate(big, scale_factor=0.5, mode="bilinear").isinf().any(), dtype
    source = (ROOT / "examples" / "interpolate_equivalences.py").read_text(encoding="utf-8")
    assert "a sum past the\n# largest value of the dtype the pool adds in (float32's 3.4e38 here" in source
    assert "a sum past\n# float32's largest value (3.4e38) overflows in the pool only." not in source


def test_the_deprecated_cell_does_not_call_the_old_spellings_2d_ones():
    # Review r138-2: the deprecated cell's comment called them "The old 2-D modules and functions", while the same
    # cell prints UpsamplingNearest2d resizing 3-D and 5-D input, and F.upsample and F.upsample_nearest take every
    # rank of their mode too: 3-D, 4-D and 5-D, as F.interpolate does.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for rank in (3, 4, 5):
            x = torch.rand((1, 2) + (3,) * (rank - 2))
            expected = F.interpolate(x, scale_factor=2, mode="nearest")
            assert expected.shape[2:] == (6,) * (rank - 2)
            assert torch.equal(nn.UpsamplingNearest2d(scale_factor=2)(x), expected), rank
            assert torch.equal(F.upsample(x, scale_factor=2), expected), rank
            assert torch.equal(F.upsample_nearest(x, scale_factor=2), expected), rank
    source = (ROOT / "examples" / "interpolate_equivalences.py").read_text(encoding="utf-8")
    assert "# The old modules and functions, not 2-D only: F.upsample and F.upsample_nearest take every rank" in source
    assert "# The old 2-D modules and functions." not in source


def test_every_link_of_this_page_to_a_section_or_page_of_the_site_carries_its_title():
    # Review r138-2: two pointers read "see the end of [Shrinking by a whole factor](#shrinking-by-a-whole-factor-is-
    # slicing)", a label cut short of the section's title, "Shrinking by a whole factor is slicing" (zh already
    # quoted it whole, “整数倍缩小就是切片”). A link whose label is prose (a clause of the sentence) is listed here.
    prose = {
        "the exact rule",
        "准确的规则",
        "which the kernel copies to channels_last first",
        "内核会先把它们复制成 channels_last",
    }
    for page in ("interpolate-equivalences.md", "interpolate-equivalences.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        links = re.findall(r"\[([^\[\]]+)\]\(([a-z-]*)(?:\.md)?(?:#([^)]*))?\)", text)
        assert len(links) >= 8, page
        for label, target, anchor in links:
            if label in prose:
                continue
            target_page = page if not target else f"{target}.zh.md" if page.endswith(".zh.md") else f"{target}.md"
            target_text = (ROOT / "docs" / target_page).read_text(encoding="utf-8")
            titles = [h.strip() for h in re.findall(r"^#+ (.*?)(?:\{#.*\})?$", target_text, re.M)]
            wanted = titles if anchor else titles[:1]
            assert label.strip("“”") in wanted, (page, label, wanted[:3])


def test_the_long_axis_pointer_lands_on_the_grid_sample_section_that_measures_3000_to_4501():
    # Review r139-2: "(see [grid_sample and interpolate](grid-sample.md))" after the float64 3000 -> 4501 gap landed
    # on the top of that page; the gap is stated in its section "When they agree" (zh 什么时候两者一致).
    for page, target, anchor in (
        ("interpolate-equivalences.md", "grid-sample.md", "when-they-agree"),
        ("interpolate-equivalences.zh.md", "grid-sample.zh.md", "什么时候两者一致"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        sentence = text[text.index("3000 → 4501") :]
        sentence = sentence[: sentence.index("grid-sample.md") + 60]
        link = re.search(r"\(grid-sample\.md(#[^)]*)?\)", sentence)
        assert link and link.group(1) == f"#{anchor}", (page, sentence[-80:])
        lines = (ROOT / "docs" / target).read_text(encoding="utf-8").splitlines()
        heads = [i for i, line in enumerate(lines) if line.startswith("## ")]
        start = next(i for i in heads if re.sub(r"\W+", "-", lines[i][3:].strip().lower()).strip("-") == anchor)
        end = next((i for i in heads if i > start), len(lines))
        assert "3000 → 4501" in "\n".join(lines[start:end]), (target, anchor)


@pytest.mark.parametrize(
    "page, before, target, anchor, said",
    [
        (
            "interpolate-equivalences.md",
            "for how the windows",
            "interpolate-sizes.md",
            "area-with-a-scale-factor",
            "overlap",
        ),
        (
            "interpolate-equivalences.md",
            "for when float64 escapes",
            "interpolate-coordinates.md",
            "single-precision-in-the-nearest-modes",
            "float64",
        ),
        (
            "interpolate-equivalences.md",
            "is floor(in × (1/k)) in floating point",
            "interpolate-sizes.md",
            "the-output-size-is-rounded-down",
            "floor(",
        ),
        (
            "interpolate-equivalences.md",
            "It lands on the same positions again",
            "interpolate-sizes.md",
            "size-and-scale_factor-sample-different-points",
            "recompute_scale_factor=True",
        ),
        (
            "interpolate-equivalences.zh.md",
            "的窗口如何重叠",
            "interpolate-sizes.zh.md",
            "带-scale_factor-的-area",
            "重叠",
        ),
        (
            "interpolate-equivalences.zh.md",
            "float64 什么时候能避开",
            "interpolate-coordinates.zh.md",
            "最近邻模式里的单精度",
            "float64",
        ),
        (
            "interpolate-equivalences.zh.md",
            "输出尺寸是浮点运算得到的 floor(in × (1/k))",
            "interpolate-sizes.zh.md",
            "输出尺寸是向下取整的",
            "floor(",
        ),
        (
            "interpolate-equivalences.zh.md",
            "以下情况下采样位置又重新一致",
            "interpolate-sizes.zh.md",
            "size-和-scale_factor-的采样点不一样",
            "recompute_scale_factor=True",
        ),
    ],
)
def test_the_pointers_to_sizes_and_coordinates_land_on_the_section_that_states_the_thing(
    page, before, target, anchor, said
):
    # Review r139-2: four pointers of this page ("see [Output size pitfalls](interpolate-sizes.md) for how the windows
    # of area overlap", "for when float64 escapes it", the floor of in x (1/k), "lands on the same positions again")
    # landed on the top of the page, not on the section that states the thing.
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    near = text[text.index(before) - 120 : text.index(before) + 200]
    link = re.search(r"\]\(" + re.escape(target.replace(".zh.md", ".md")) + r"(#[^)]*)?\)", near)
    assert link and link.group(1) == f"#{anchor}", (page, before, link and link.group(0))
    assert said in docs_section(target, anchor), (target, anchor, said)
