"""The claims of docs/interpolate-equivalences*.md, each checked on several shapes and scales."""

import inspect
import warnings

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import run_example

GEN = torch.Generator().manual_seed(0)


def rand(*shape, dtype=torch.float32):
    return torch.rand(*shape, generator=GEN, dtype=dtype)


@pytest.fixture(scope="module")
def ns():
    return run_example("interpolate_equivalences.py")


def test_every_recorded_case_holds(ns):
    for name, rows in ns["checks"].items():
        for case, identical, diff in rows:
            if "avg_pool2d" in name:
                assert diff < 1e-6, (name, case)  # arithmetic in a different order: rounding only
            else:
                assert identical, (name, case)


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


def test_upsample_has_no_antialias_and_no_weights():
    assert "antialias" not in inspect.signature(nn.Upsample).parameters
    assert list(nn.Upsample(scale_factor=2).parameters()) == []


@pytest.mark.parametrize("shape,factor", [((1, 2, 5, 7), 2), ((2, 1, 4, 4), 3), ((1, 3, 6, 5), 1.5)])
def test_deprecated_modules_and_their_modes(shape, factor):
    x = rand(*shape)
    assert torch.equal(nn.UpsamplingNearest2d(scale_factor=factor)(x), F.interpolate(x, scale_factor=factor, mode="nearest"))
    bilinear = nn.UpsamplingBilinear2d(scale_factor=factor)(x)
    assert torch.equal(bilinear, F.interpolate(x, scale_factor=factor, mode="bilinear", align_corners=True))
    assert not torch.equal(bilinear, F.interpolate(x, scale_factor=factor, mode="bilinear"))


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
    [((2, 3, 11), (4,)), ((2, 3, 5), (13,)), ((1, 2, 10, 7), (3, 3)), ((1, 2, 7, 7), (9, 2)), ((1, 1, 5, 6, 7), (3, 4, 2))],
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


def test_but_not_every_whole_factor(ns):
    x = rand(1, 1, 2, 2)
    assert not torch.equal(F.interpolate(x, scale_factor=41), x.repeat_interleave(41, 2).repeat_interleave(41, 3))


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


def test_bilinear_shrinking_by_four_uses_two_of_four_pixels_per_axis():
    eye = torch.eye(12, dtype=torch.float64).view(12, 1, 1, 12)
    weights = F.interpolate(eye, size=(1, 3), mode="bilinear")[:, 0, 0, :].T  # (3 outputs, 12 inputs)
    assert ((weights > 0).sum(1) == 2).all()
    aa = F.interpolate(eye, size=(1, 3), mode="bilinear", antialias=True)[:, 0, 0, :].T
    assert ((aa > 0).sum(1) >= 4).all()
