"""The claims of docs/checkerboard*.md, asserted on the values its example computes."""

import math

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

from helpers import run_example


@pytest.fixture(scope="module")
def ns():
    return run_example("checkerboard.py")


def test_kernel_3_stride_2_overlaps_unevenly_kernel_4_evenly(ns):
    k3 = ns["interior"](ns["counts"][3], 3, 2, size=5)
    k4 = ns["interior"](ns["counts"][4], 4, 2, size=5)
    assert set(k3.flatten().tolist()) == {1.0, 2.0, 4.0}
    assert set(k4.flatten().tolist()) == {4.0}
    # The 2-D count is the product of the 1-D counts: rows alternate 1, 2 for kernel 3.
    row = ns["counts"][3][2]
    assert row[2:-2].tolist() == [4.0 if i % 2 == 0 else 2.0 for i in range(len(row) - 4)]


@pytest.mark.parametrize("kernel_size", range(1, 9))
@pytest.mark.parametrize("stride", range(1, 5))
def test_one_dimensional_counts_are_floor_or_ceil_of_kernel_over_stride(ns, kernel_size, stride):
    if kernel_size < stride:
        return
    layer = nn.ConvTranspose1d(1, 1, kernel_size, stride=stride, bias=False)
    nn.init.ones_(layer.weight)
    with torch.no_grad():
        counts = layer(torch.ones(1, 1, 10))[0, 0]
    inner = set(counts[kernel_size - 1 : 9 * stride + 1].tolist())
    assert inner == {kernel_size // stride, math.ceil(kernel_size / stride)}
    # ... so the 2-D table holds (ceil / floor) squared, and 1 exactly when stride divides kernel_size.
    assert ns["uneven"][kernel_size, stride] == pytest.approx((math.ceil(kernel_size / stride) / (kernel_size // stride)) ** 2)
    assert (ns["uneven"][kernel_size, stride] == 1) == (kernel_size % stride == 0)


def test_kernel_smaller_than_stride_leaves_gaps():
    layer = nn.ConvTranspose2d(1, 1, 2, stride=3, bias=False)
    nn.init.ones_(layer.weight)
    with torch.no_grad():
        assert layer(torch.ones(1, 1, 4, 4)).min() == 0


def test_icnr_is_low_resolution_conv_then_nearest(ns):
    assert ns["icnr_difference"] < 1e-5
    conv = ns["icnr_"](nn.Conv2d(5, 2 * 9, 3, padding=1), scale=3)
    x = torch.randn(2, 5, 7, 7, generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        expected = F.interpolate(F.conv2d(x, conv.weight[::9], conv.bias[::9], padding=1), scale_factor=3, mode="nearest")
        torch.testing.assert_close(F.pixel_shuffle(conv(x), 3), expected)


def test_even_overlap_with_random_weights_still_gives_unequal_phases():
    # Kernel 4, stride 2: on a constant input the even and odd output pixels sum
    # different taps of the kernel, so they differ unless the taps happen to agree.
    w = torch.randn(1, 1, 4, 4, generator=torch.Generator().manual_seed(0))
    y = F.conv_transpose2d(torch.ones(1, 1, 6, 6), w, stride=2, padding=1)[0, 0, 2:-2, 2:-2]
    assert (y[0::2, 0::2] - y[1::2, 1::2]).abs().min() > 1e-3
    torch.testing.assert_close(y[0::2, 0::2][0, 0], w[0, 0, 1::2, 1::2].sum())
    torch.testing.assert_close(y[1::2, 1::2][0, 0], w[0, 0, 0::2, 0::2].sum())


def test_generator_output_shape(ns):
    assert tuple(ns["outputs"]["PixelShuffle"]["constant"].shape) == (3, 96, 96)
    assert len(ns["seeds"]) >= 5


def test_resize_conv_and_icnr_are_flat_on_a_constant_input(ns):
    for kind in ("nearest + conv", "bilinear + conv", "PixelShuffle + ICNR"):
        assert ns["scores"][kind, "constant"][0] < 1e-6, kind  # float rounding only


def test_transposed_and_default_pixel_shuffle_show_the_pattern_by_a_wide_margin(ns):
    scores = ns["scores"]
    for name in ("constant", "smooth"):
        patterned = min(scores[kind, name][0] for kind in ("transposed k3", "transposed k4", "PixelShuffle"))
        clean = max(scores[kind, name][0] for kind in ("nearest + conv", "bilinear + conv", "PixelShuffle + ICNR"))
        assert patterned > 10 * clean, name
        assert patterned > 1e-2, name


def test_icnr_beats_default_init(ns):
    for name in ("constant", "smooth"):
        assert ns["scores"]["PixelShuffle + ICNR", name][0] < ns["scores"]["PixelShuffle", name][0] / 10


def test_score_is_zero_for_flat_and_one_for_a_pure_checkerboard(ns):
    score = ns["checkerboard_score"]
    assert score(torch.full((1, 1, 96, 96), 3.0), 8, 16) == 0
    board = torch.ones(1, 1, 96, 96)
    board[..., ::2, ::2] = 2.0
    assert score(board, 8, 16) == pytest.approx(1.0)
