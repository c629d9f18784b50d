"""The claims of docs/upsample*.md, asserted on the values its example computes."""

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import run_example


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


def test_nearest_copies_each_pixel_into_a_2x2_block():
    x = torch.randn(1, 2, 5, 6, generator=torch.Generator().manual_seed(1))
    y = nn.Upsample(scale_factor=2, mode="nearest")(x)
    for dy in (0, 1):
        for dx in (0, 1):
            assert torch.equal(y[..., dy::2, dx::2], x)


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


def test_align_corners_true_keeps_corner_values():
    x = torch.randn(1, 1, 5, 7, generator=torch.Generator().manual_seed(2))
    y = F.interpolate(x, size=(9, 13), mode="bilinear", align_corners=True)
    corners = [0, -1]
    torch.testing.assert_close(y[..., corners, :][..., corners], x[..., corners, :][..., corners])


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


def test_mode_ranks(ns):
    expected = {
        "linear": {"3-D (N,C,L)"},
        "bilinear": {"4-D (N,C,H,W)"},
        "bicubic": {"4-D (N,C,H,W)"},
        "trilinear": {"5-D (N,C,D,H,W)"},
        "nearest": set(ns["shapes"]),
    }
    for mode, ranks in expected.items():
        for rank, shape in ns["shapes"].items():
            try:
                F.interpolate(torch.ones(shape), scale_factor=2, mode=mode)
                works = True
            except (NotImplementedError, ValueError, RuntimeError):
                works = False
            assert works == (rank in ranks), (mode, rank)


def test_trilinear_volume_keeps_corners_and_bilinear_rejects_5d(ns):
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
