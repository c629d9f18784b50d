"""The claims of docs/interpolate-coordinates*.md: each formula against torch on many sizes."""

import itertools
import math
import re
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from helpers import ROOT, assert_pages_say, docs_section, run_example, run_in_generic_x86_code, run_python

ROOT_DOCS = Path(__file__).resolve().parents[2] / "docs"

# Sizes for the formula checks: enlarging and shrinking, odd and even, ratios with and without
# a whole-number relation (kept small so the module runs in about a second).
SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 16, 21, 32, 37]
PAIRS = [(i, o) for i in SIZES for o in SIZES + [64, 100] if i != o]


@pytest.fixture(scope="module")
def ns():
    return run_example("interpolate_coordinates.py")


def ramp_positions(n_in, n_out, mode, align_corners=None, dtype=torch.float64, rank=3):
    """Interpolate 0..n_in-1 along the last axis; for a 4-D input the other axis has size 1."""
    ramp = torch.arange(float(n_in), dtype=dtype).view((1,) * (rank - 1) + (-1,))
    size = (1,) * (rank - 3) + (n_out,)
    return F.interpolate(ramp, size=size, mode=mode, align_corners=align_corners).flatten().double()


@pytest.mark.parametrize("rank", [3, 4])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_nearest_is_floor_of_d_times_scale_in_float32(rank, dtype):
    for n_in, n_out in PAIRS:
        d = torch.arange(n_out, dtype=torch.float32)
        scale = torch.tensor(n_in, dtype=torch.float32) / n_out  # torch's scale, in single precision
        expected = torch.floor(d * scale).clamp(max=n_in - 1).double()
        assert torch.equal(ramp_positions(n_in, n_out, "nearest", dtype=dtype, rank=rank), expected), (n_in, n_out)


@pytest.mark.parametrize("rank", [3, 4])
def test_nearest_exact_is_floor_of_pixel_centre_times_scale(rank):
    for n_in, n_out in PAIRS:
        d = torch.arange(n_out, dtype=torch.float64)
        scale = (torch.tensor(n_in, dtype=torch.float32) / n_out).double()
        expected = torch.floor(((d + 0.5) * scale).float()).clamp(max=n_in - 1).double()
        assert torch.equal(ramp_positions(n_in, n_out, "nearest-exact", dtype=torch.float32, rank=rank), expected)


def float64_slips(n_in, n_out, mode):
    """Output pixels where the generic CPU kernel (a float64 3-D row) leaves the exact nearest rule."""
    d = np.arange(n_out)
    got = ramp_positions(n_in, n_out, mode, dtype=torch.float64).numpy()
    numerator = d * n_in if mode == "nearest" else (2 * d + 1) * n_in
    exact = np.minimum(numerator // (n_out if mode == "nearest" else 2 * n_out), n_in - 1)
    # It multiplies in float64 and floors with floorf: only ever one pixel further on.
    scaled = (n_in / n_out) * (d if mode == "nearest" else d + 0.5)
    np.testing.assert_array_equal(got, np.minimum(np.floor(np.float32(scaled)), n_in - 1))
    assert ((got == exact) | (got == exact + 1)).all(), (n_in, n_out)
    return np.flatnonzero(got != exact)


def test_float64_nearest_on_the_cpu_slips_from_several_thousand_pixels_on():
    # The page: `nearest` only where in * out > 2^24, first at 4098 -> 4097; `nearest-exact` where
    # in * out > 2^23 (2129 -> 4096). Why: the distance of d*in/out below the next whole number is at
    # least 1/out (1/(2 out) for nearest-exact) and float32 rounding moves it by at most in * 2^-24.
    # So pairs whose larger side is at most 4098 can only slip where in * out > 2^24: sweep them all.
    limit = 2**24
    slipping = [
        (a, b)
        for a in range(4000, 4099)
        for b in range(4000, 4099)
        if a != b and a * b > limit and len(float64_slips(a, b, "nearest"))
    ]
    assert slipping == [(4098, 4097)]
    assert len(float64_slips(2129, 4096, "nearest-exact")) > 0
    # Hence "given size": a scale_factor's own step 1/s can lie just below a whole number at any size.
    row = torch.arange(2.0, dtype=torch.float64).view(1, 1, -1)
    picked = F.interpolate(row, scale_factor=2.000000001, mode="nearest").flatten().tolist()
    assert picked == [0, 0, 1, 1] and int(2 / 2.000000001) == 0
    # Below the bounds nothing slips: pairs whose closest approach to a whole number is the
    # smallest possible (d * in = -1 mod out), with the product just under each bound.
    gen = np.random.default_rng(0)
    for mode, bound in (("nearest", limit), ("nearest-exact", limit // 2)):
        for n_in in gen.integers(600, 12000, 60):
            n_out = bound // int(n_in) - int(gen.integers(0, 3))
            if n_out != n_in and math.gcd(int(n_in), n_out) == 1:
                assert len(float64_slips(int(n_in), n_out, mode)) == 0, (mode, n_in, n_out)


def test_float64_nearest_exact_in_the_channels_last_kernel_takes_a_float32_scale():
    # Review 81: the page put only the channels-last `nearest` kernel among the float64 kernels that round
    # in/out to a float32, so its nearest-exact fell under "the other float64 kernels", which slip only where
    # in * out > 2^23. That kernel serves both modes: float64 nearest-exact there follows the float32 scale
    # and leaves the exact rule at 2 -> 41 (a tie, in * out = 82), where the generic 3-D row does not.
    torch.set_num_threads(1)

    def picks(n_in, n_out, layout):
        ramp = torch.arange(float(n_in), dtype=torch.float64)
        if layout == "small 4-D":
            x, size = ramp.view(1, 1, 1, -1), (1, n_out)
        elif layout == "channels_last, 4 channels":
            x = ramp.view(1, 1, 1, -1).expand(1, 4, 100, n_in).clone(memory_format=torch.channels_last)
            size = (100, n_out)  # out H + out W > 128: the layout alone picks the kernel
        else:
            x = ramp.view(1, 1, 1, 1, -1).expand(1, 4, 1, 1, n_in).clone(memory_format=torch.channels_last_3d)
            size = (1, 1, n_out)
        return F.interpolate(x, size=size, mode="nearest-exact")[0, 0].reshape(-1, n_out)[0].numpy()

    pairs = PAIRS + [(i, 41) for i in SIZES]
    for layout in ("small 4-D", "channels_last, 4 channels", "channels_last_3d, 4 channels"):
        slips = []
        for n_in, n_out in pairs:
            d = np.arange(n_out)
            scale = np.float64(np.float32(n_in) / np.float32(n_out))
            expected = np.minimum(np.floor(np.float32((d + 0.5) * scale)), n_in - 1)
            got = picks(n_in, n_out, layout)
            np.testing.assert_array_equal(got, expected, err_msg=f"{layout} {n_in} -> {n_out}")
            if not np.array_equal(got, np.minimum((2 * d + 1) * n_in // (2 * n_out), n_in - 1)):
                slips.append((n_in, n_out))
        assert (2, 41) in slips and all(a * b <= 2**23 for a, b in slips), layout
    assert len(float64_slips(2, 41, "nearest-exact")) == 0
    en = (ROOT_DOCS / "interpolate-coordinates.md").read_text(encoding="utf-8")
    zh = (ROOT_DOCS / "interpolate-coordinates.zh.md").read_text(encoding="utf-8")
    assert "for float64 too in the CUDA kernels and in the CPU's channels-last kernel:" in en
    assert "channels-last `nearest` kernel: torch" not in en
    assert "CPU 的 channels-last 内核里的 float64" in zh and "channels-last `nearest` 内核里的 float64" not in zh


def test_float64_nearest_on_the_cpu_takes_the_previous_pixel_past_2_to_the_24():
    # Review 57: the page said the float64 kernels "can take the next input pixel instead". Past 2^24 pixels
    # floorf's float32 rounds an odd whole position to an even neighbour, below it as often as above:
    # 2^25 + 2 pixels to 1 (nearest-exact, centre 2^24 + 1) or to 2 (nearest, d = 1 at 2^24 + 1) read 2^24.
    n = 2**25 + 2
    x = torch.zeros(1, 1, n, dtype=torch.float64)
    x[..., 2**24] = 1.0
    x[..., 2**24 + 1] = 2.0  # the pixel the exact rule reads
    assert F.interpolate(x, size=1, mode="nearest-exact").flatten().tolist() == [1.0]
    assert F.interpolate(x, size=2, mode="nearest").flatten().tolist() == [0.0, 1.0]


def test_nearest_lines_lean_left_when_shrinking_and_a_few_lean_right_when_enlarging():
    # The page: the figure's line joins output pixel d's centre, (d + 0.5) * in/out - 0.5, to the
    # pixel nearest copied. Shrinking, it never lies right of the centre; 5 -> 8 has two that do.
    def right_leaning(n_in, n_out):
        centre = (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
        return np.flatnonzero(ramp_positions(n_in, n_out, "nearest").numpy() > centre + 1e-12).tolist()

    assert right_leaning(5, 8) == [0, 5]
    assert right_leaning(8, 5) == []
    for n_in in range(1, 40):
        for n_out in range(1, n_in + 1):
            assert right_leaning(n_in, n_out) == [], (n_in, n_out)


def test_nearest_formulas_with_exact_fractions_on_small_sizes():
    for n_in, n_out in PAIRS:
        d = np.arange(n_out)
        got = ramp_positions(n_in, n_out, "nearest").numpy()
        np.testing.assert_array_equal(got, np.minimum(d * n_in // n_out, n_in - 1))
        got = ramp_positions(n_in, n_out, "nearest-exact").numpy()
        np.testing.assert_array_equal(got, np.minimum((2 * d + 1) * n_in // (2 * n_out), n_in - 1))


def test_bilinear_corners_miss_by_up_to_two_rounding_steps_in_float32_and_overflow_at_the_top():
    # The page: in 2-D a corner can miss by a rounding step or two (not only the last bit).
    gen = torch.Generator().manual_seed(0)
    steps = []
    for h in range(1, 9):
        for w in range(1, 9):
            x = torch.rand(1, 1, h, w, generator=gen) * 10 - 5
            for oh in range(h, 3 * h + 12):
                for ow in range(w, 3 * w + 12):
                    y = F.interpolate(x, size=(oh, ow), mode="bilinear", align_corners=False)
                    for a, b in ((0, 0), (-1, -1), (0, -1), (-1, 0)):
                        bits = (y[0, 0, a, b].numpy().view(np.int32), x[0, 0, a, b].numpy().view(np.int32))
                        steps.append(abs(int(bits[0]) - int(bits[1])))
    assert max(steps) == 2
    top = torch.full((1, 1, 2, 2), torch.finfo(torch.float32).max)
    assert F.interpolate(top, size=(7, 7), mode="bilinear")[0, 0, -1, -1].isinf()
    corners = F.interpolate(top.repeat(1, 1, 2, 2), size=(22, 22), mode="bicubic", align_corners=True)[0, 0, ::21, ::21]
    assert corners[0, 0] == torch.finfo(torch.float32).max and not corners.flatten()[1:].isfinite().any()


@pytest.mark.parametrize("mode,rank", [("linear", 3), ("bilinear", 4)])
def test_align_corners_false_is_half_pixel_then_clamped(mode, rank):
    for n_in, n_out in PAIRS:
        d = torch.arange(n_out, dtype=torch.float64)
        expected = ((d + 0.5) * n_in / n_out - 0.5).clamp(0, n_in - 1)
        torch.testing.assert_close(ramp_positions(n_in, n_out, mode, False, rank=rank), expected)


@pytest.mark.parametrize("mode,rank", [("linear", 3), ("bilinear", 4)])
def test_align_corners_true_maps_corner_centres(mode, rank):
    for n_in, n_out in PAIRS:
        if n_out == 1:
            continue
        d = torch.arange(n_out, dtype=torch.float64)
        got = ramp_positions(n_in, n_out, mode, True, rank=rank)
        torch.testing.assert_close(got, d * (n_in - 1) / (n_out - 1))
        assert got[0] == 0 and math.isclose(got[-1], n_in - 1)


@pytest.mark.parametrize("mode", ["linear", "bilinear", "bicubic", "trilinear"])
def test_align_corners_true_to_one_pixel_reads_input_pixel_0(mode):
    # (in - 1)/(out - 1) is 0/0 for out = 1: torch takes scale 0, not the centre (in - 1)/2.
    rank = {"linear": 3, "bilinear": 4, "bicubic": 4, "trilinear": 5}[mode]
    for n_in in range(2, 40):
        for given in ("size", "scale_factor"):
            ramp = torch.arange(float(n_in), dtype=torch.float64).view((1,) * (rank - 1) + (n_in,))
            kwargs = (
                {"size": (1,) * (rank - 2)} if given == "size" else {"scale_factor": (1.0,) * (rank - 3) + (1 / n_in,)}
            )
            got = F.interpolate(ramp, mode=mode, align_corners=True, **kwargs)
            assert got.shape[-1] == 1 and got.flatten()[0].item() == 0, (mode, n_in, given)


def test_scale_factor_not_whole_covers_unevenly_with_nearest_but_not_always_with_nearest_exact():
    even = {"nearest": [], "nearest-exact": []}
    for n_in in range(2, 9):
        for tenths in range(11, 60):
            factor = tenths / 10
            if tenths % 10 == 0:
                continue
            row = torch.arange(float(n_in)).view(1, 1, -1)
            for mode in even:
                counts = torch.bincount(F.interpolate(row, scale_factor=factor, mode=mode)[0, 0].long(), minlength=n_in)
                if len(set(counts.tolist())) == 1:
                    even[mode].append((n_in, factor))
    assert even["nearest"] == []
    assert (2, 2.4) in even["nearest-exact"]


def test_trilinear_uses_the_same_positions_on_each_axis():
    for n_in, n_out in [(5, 8), (8, 5), (3, 7)]:
        for align in (False, True):
            for axis in range(3):  # the ramp along depth, height or width; the other axes 2 -> 3
                shape, size = [1, 1, 2, 2, 2], [3, 3, 3]
                shape[2 + axis], size[axis] = n_in, n_out
                ramp = torch.arange(float(n_in), dtype=torch.float64).view(
                    [-1 if a == 2 + axis else 1 for a in range(5)]
                )
                got = F.interpolate(ramp.expand(shape), size=size, mode="trilinear", align_corners=align)
                line = [0, 0, 0, 0, 0]
                line[2 + axis] = slice(None)
                torch.testing.assert_close(
                    got[tuple(line)], ramp_positions(n_in, n_out, "linear", align), msg=str(axis)
                )


def cubic_weights(t, a=-0.75):
    """Keys' cubic convolution kernel at the four taps around fractional offset t."""

    def k(x):
        x = abs(x)
        if x <= 1:
            return (a + 2) * x**3 - (a + 3) * x**2 + 1
        if x < 2:
            return a * x**3 - 5 * a * x**2 + 8 * a * x - 4 * a
        return 0.0

    return [k(t + 1), k(t), k(1 - t), k(2 - t)]


@pytest.mark.parametrize("align", [False, True])
def test_bicubic_samples_the_same_positions_unclamped_with_four_taps(align):
    gen = torch.Generator().manual_seed(0)
    for n_in, n_out in [(5, 8), (8, 5), (7, 16), (16, 7), (4, 9)]:
        x = torch.rand(n_in, dtype=torch.float64, generator=gen)
        got = F.interpolate(x.view(1, 1, 1, -1), size=(1, n_out), mode="bicubic", align_corners=align)[0, 0, 0]
        d = np.arange(n_out)
        src = d * (n_in - 1) / (n_out - 1) if align else (d + 0.5) * n_in / n_out - 0.5  # no clamp
        expected = []
        for s in src:
            base = math.floor(s)
            taps = [x[min(max(base + j, 0), n_in - 1)].item() for j in (-1, 0, 1, 2)]
            expected.append(sum(w * v for w, v in zip(cubic_weights(s - base), taps)))
        torch.testing.assert_close(got, torch.tensor(expected, dtype=torch.float64))


def test_area_windows_and_they_can_overlap():
    for n_in, n_out in PAIRS:
        eye = torch.eye(n_in, dtype=torch.float64).view(1, 1, n_in, n_in)  # one input pixel per row
        matrix = F.interpolate(eye, size=(n_in, n_out), mode="area")[0, 0].T.numpy()
        expected = np.zeros((n_out, n_in))
        for d in range(n_out):
            start, stop = d * n_in // n_out, -(-(d + 1) * n_in // n_out)
            expected[d, start:stop] = 1 / (stop - start)
        np.testing.assert_allclose(matrix, expected, rtol=1e-12, atol=1e-15)
    # Enlarging 5 -> 8, some output pixels average two input pixels (unlike nearest).
    eye = torch.eye(5, dtype=torch.float64).view(5, 1, 5)
    assert ((F.interpolate(eye, size=8, mode="area")[:, 0, :].T > 0).sum(1) == 2).any()


def test_example_tables_agree_with_formulas(ns):
    for name, pairs in ns["mismatches"].items():
        # On CUDA nearest-exact rounds in float32 too: a pair or two may differ there.
        if ns["device"].type == "cpu" or not name.startswith("nearest-exact"):
            assert not pairs, name
    assert any(o > i for i, o in ns["pairs"]) and any(o < i for i, o in ns["pairs"])
    # the clamp at the border is visible in the example's first row
    assert ns["sampled"](5, 8, "linear", False)[0] == 0 and (0 + 0.5) * 5 / 8 - 0.5 < 0


def test_float32_rounding_case(ns):
    d, n_in, n_out = ns["wrong"], ns["small"], ns["big"]
    assert d * n_in % n_out == 0  # d·in/out is a whole number...
    assert float(np.float32(d) * (np.float32(n_in) / np.float32(n_out))) < d * n_in // n_out  # ...float32 falls short
    assert ns["got"][d] == d * n_in // n_out - 1
    # on the CPU, a float64 1-D row happens to be exact in this torch; the 4-D float64 path is not
    exact = np.minimum(np.arange(n_out) * n_in // n_out, n_in - 1)
    assert np.array_equal(ramp_positions(n_in, n_out, "nearest", dtype=torch.float64, rank=3).numpy(), exact)
    assert not np.array_equal(ramp_positions(n_in, n_out, "nearest", dtype=torch.float64, rank=4).numpy(), exact)


def nearest_copies(mode, n, k, rank, by_size, dtype=torch.float32):
    row = torch.arange(float(n), dtype=dtype).view((1,) * (rank - 1) + (n,))
    kwargs = {"size": (1,) * (rank - 3) + (n * k,)} if by_size else {"scale_factor": (1.0,) * (rank - 3) + (float(k),)}
    return np.bincount(F.interpolate(row, mode=mode, **kwargs).flatten().numpy().astype(int), minlength=n).tolist()


@pytest.mark.parametrize("rank", [3, 4, 5])
@pytest.mark.parametrize("by_size", [True, False])
def test_whole_factors_nearest_exact_always_even_nearest_not_always(ns, rank, by_size):
    uneven = []
    for k in range(2, 101):
        for n in (1, 2, 3, 5, 8):
            assert nearest_copies("nearest-exact", n, k, rank, by_size) == [k] * n, (k, n)
        if any(nearest_copies("nearest", n, k, rank, by_size) != [k] * n for n in range(1, 9)):
            uneven.append(k)
    # The page's list is this list, for every rank and both ways of giving the factor.
    assert uneven == ns["differ"][rank, by_size] and 41 in uneven
    assert not {2, 3, 4, 8, 16} & set(uneven)
    assert len(uneven) < 99 / 2  # the page: identical "for most factors" of 2..100


def test_x41_counterexample(ns):
    assert nearest_copies("nearest", 2, 41, 4, True) == [42, 40]
    assert nearest_copies("nearest-exact", 2, 41, 4, True) == [41, 41]


@pytest.mark.parametrize("n", range(1, 31))
def test_4d_nearest_special_cases_out_equal_and_out_double(n):
    x = torch.randn(1, 1, 1, n, dtype=torch.float64)
    up = 1 + 0.5 / n  # floor(n * up) == n, a non-trivial factor
    picked = lambda rank, s: (
        F.interpolate(
            torch.arange(float(n)).view((1,) * (rank - 1) + (n,)),
            scale_factor=(1.0,) * (rank - 3) + (s,),
            mode="nearest",
        )
        .flatten()
        .int()
        .tolist()
    )
    formula = lambda s, m: [min(int(d / s), n - 1) for d in range(m)]
    assert torch.equal(F.interpolate(x, scale_factor=(1.0, up), mode="nearest"), x)
    for rank in (3, 5):
        assert picked(rank, up) == formula(up, n)
    s2 = 2 + 0.5 / n  # floor(n * s2) == 2n
    assert picked(4, s2) == [d // 2 for d in range(2 * n)]
    for rank in (3, 5):
        assert picked(rank, s2) == formula(s2, 2 * n)
    if n >= 3:  # where 1/s and in/out part ways, the 3-D and 5-D kernels show it
        assert picked(3, up) != list(range(n))


@pytest.mark.parametrize("n", [10, 40, 63, 64, 65, 100, 130])
def test_cpu_nearest_special_cases_belong_to_the_channels_last_kernel(n):
    # 4-D: copy and doubling while out H + out W <= 128, or in channels_last with more than 3 channels.
    for channels, layout in ((1, torch.contiguous_format), (3, torch.channels_last), (4, torch.channels_last)):
        x = torch.arange(float(n)).expand(1, channels, n, n).contiguous(memory_format=layout)
        vectorized = layout == torch.channels_last and channels > 3
        copied = torch.equal(F.interpolate(x, scale_factor=1 + 0.5 / n), x)
        assert copied == (vectorized or 2 * n <= 128), (n, channels, layout)
        small = x[..., :1, :]  # 1 x n: doubling gives 2 x 2n, out H + out W = 2 + 2n
        doubled = torch.equal(
            F.interpolate(small, scale_factor=2 + 0.5 / n), small.repeat_interleave(2, 2).repeat_interleave(2, 3)
        )
        assert doubled == (vectorized or 2 + 2 * n <= 128), (n, channels, layout)
    # 5-D: only channels_last_3d with more than 3 channels; 3-D: never.
    m = min(n, 24)
    for channels, layout in ((4, torch.contiguous_format), (3, torch.channels_last_3d), (4, torch.channels_last_3d)):
        v = torch.arange(float(m)).expand(1, channels, m, m, m).contiguous(memory_format=layout)
        copied = torch.equal(F.interpolate(v, scale_factor=1 + 0.5 / m), v)
        assert copied == (layout == torch.channels_last_3d and channels > 3), (m, channels, layout)
    row = torch.arange(float(n)).view(1, 1, n)
    assert not torch.equal(F.interpolate(row, scale_factor=1 + 0.5 / n), row)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_4d_nearest_copies_but_does_not_double():
    row = torch.arange(5.0, device="cuda").view(1, 1, 1, 5)
    assert F.interpolate(row, scale_factor=2.1).flatten().int().tolist() == [0, 0, 0, 1, 1, 2, 2, 3, 3, 4]
    ten = torch.arange(10.0, device="cuda").view(1, 1, 1, 10)
    assert F.interpolate(ten, scale_factor=1.05).flatten().int().tolist() == list(range(10))
    # one kept axis alone is copied too, at a size the CPU would step through, in both layouts
    for layout in (torch.contiguous_format, torch.channels_last):
        image = (
            torch.arange(100.0, device="cuda")
            .view(1, 1, 100, 1)
            .expand(1, 4, 100, 200)
            .contiguous(memory_format=layout)
        )
        rows = F.interpolate(image, scale_factor=(1.005, 2.0))[0, 0, :, 0]
        assert rows.int().tolist() == list(range(100)), layout


def test_page_case_ten_pixels_x105(ns):
    row = lambda rank: torch.arange(10.0).view((1,) * (rank - 1) + (10,))
    scale = lambda rank: (1.0,) * (rank - 3) + (1.05,)
    assert F.interpolate(row(4), scale_factor=scale(4), mode="nearest").flatten().int().tolist() == list(range(10))
    for rank in (3, 5):
        assert F.interpolate(row(rank), scale_factor=scale(rank), mode="nearest").flatten().int().tolist() == [
            0,
            0,
            1,
            2,
            3,
            4,
            5,
            6,
            7,
            8,
        ]


def test_ties_explain_every_pillow_and_skimage_difference(ns):
    has_tie = ns["has_tie"]
    for name, picks in (
        ("Pillow NEAREST vs nearest-exact", ns["picks_pillow"]),
        ("scikit-image order=0 vs nearest-exact", ns["picks_skimage"]),
    ):
        found = ns["disagree"][name]
        assert found and all(pair in has_tie for pair in found), name
        # pixel by pixel: every output pixel where they differ is a tie
        for n_in, n_out in found:
            for d in np.flatnonzero(picks(n_in, n_out) != ns["picks_nearest_exact"](n_in, n_out)):
                assert (2 * d + 1) * n_in % (2 * n_out) == 0, (name, n_in, n_out, d)
    assert ns["disagree"]["Pillow NEAREST vs nearest-exact"][0] == (2, 7)
    # OpenCV differs from nearest also where there is no tie, and only where d·in/out is whole:
    # the left-edge rule, rounded otherwise ("not always its rounding").
    opencv = ns["disagree"]["OpenCV INTER_NEAREST vs nearest"]
    assert any(pair not in has_tie for pair in opencv)
    for n_in, n_out in opencv:
        for d in np.flatnonzero(ns["picks_opencv"](n_in, n_out) != ns["sampled"](n_in, n_out, "nearest").astype(int)):
            assert d * n_in % n_out == 0, (n_in, n_out, d)


def test_pillow_and_skimage_part_from_nearest_exact_without_a_tie_on_long_axes():
    # The page: only the table's differences are all ties; 13623 -> 14781 differs at 3 (float64) and
    # 4 (float32) pixels, none a tie, where Pillow and scikit-image give the exact centre rule.
    import skimage.transform
    from PIL import Image

    n_in, n_out = 13623, 14781
    d = np.arange(n_out)
    assert not ((2 * d + 1) * n_in % (2 * n_out) == 0).any()
    exact = np.minimum((2 * d + 1) * n_in // (2 * n_out), n_in - 1)
    row = np.arange(n_in, dtype=np.int32)[None, :]
    pillow = np.asarray(Image.fromarray(row).resize((n_out, 1), Image.Resampling.NEAREST))[0]
    skimage_picks = skimage.transform.resize(
        row.astype(np.float64), (1, n_out), order=0, preserve_range=True, anti_aliasing=False
    )[0].astype(int)
    np.testing.assert_array_equal(pillow, exact)
    np.testing.assert_array_equal(skimage_picks, exact)
    for dtype, count in ((torch.float64, 3), (torch.float32, 4)):
        assert int((ramp_positions(n_in, n_out, "nearest-exact", dtype=dtype).numpy() != exact).sum()) == count


def test_long_axis_float64_count_depends_on_the_kernel():
    # Review 32: "13623 -> 14781 differ at 3 pixels in float64" held for the contiguous kernels only; the
    # channels-last kernel (channels_last with more than 3 channels, 4-D and 5-D) rounds in/out to float32
    # and differs at 4, as float32 does.
    n_in, n_out = 13623, 14781
    d = torch.arange(n_out)
    exact = (2 * d + 1) * n_in // (2 * n_out)
    row = torch.arange(n_in, dtype=torch.float64)
    for rank in (3, 4, 5):
        for channels, layout in ((1, None), (4, None), (4, "last")):
            x = row.view((1, 1) + (1,) * (rank - 3) + (n_in,)).expand((1, channels) + (1,) * (rank - 3) + (n_in,))
            if layout == "last":
                if rank == 3:
                    continue
                x = x.contiguous(memory_format=torch.channels_last if rank == 4 else torch.channels_last_3d)
            else:
                x = x.contiguous()
            y = F.interpolate(x, size=(1,) * (rank - 3) + (n_out,), mode="nearest-exact")
            missed = int((y.reshape(channels, n_out)[0].long() != exact).sum())
            assert missed == (4 if layout == "last" else 3), (rank, channels, layout, missed)


def test_float64_bilinear_misses_the_last_corner_by_a_step_only_in_the_generic_x86_code():
    # Review 23: the page implied that the CPU's float64 linear modes keep the last corner exactly; torch's
    # generic x86 code (ATEN_CPU_CAPABILITY=default) misses it by one rounding step at a few sizes.
    code = (
        "import numpy as np, torch, torch.nn.functional as F\n"
        "g = torch.Generator().manual_seed(0)\n"
        "worst, missed = 0, []\n"
        "for n in range(2, 30):\n"
        "    x = torch.randn(1, 3, n, n, dtype=torch.float64, generator=g)\n"
        "    for o in range(n + 1, 90, 3):\n"
        "        for w in (o, o + 1, 2 * o):\n"
        "            y = F.interpolate(x, size=(o, w), mode='bilinear', align_corners=True)\n"
        "            steps = int(np.abs(y[..., -1, -1].numpy().view(np.int64) - x[..., -1, -1].numpy().view(np.int64)).max())\n"
        "            worst = max(worst, steps)\n"
        "            if steps:\n"
        "                missed.append((n, o, w))\n"
        "print(worst, (15, 52, 52) in missed, len(missed))\n"
    )
    worst, has_page_case, count = run_in_generic_x86_code(code).split()
    assert worst == "1" and has_page_case == "True" and 0 < int(count) < 30
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        assert run_python(code, ATEN_CPU_CAPABILITY="avx2").split() == ["0", "False", "0"]


def test_the_float32_row_takes_the_left_pixel_at_the_2_to_41_tie_in_the_generic_x86_code():
    # Review 23: "the 1-D row happens to round this case the exact way" held for float32 only in the AVX2 and
    # AVX-512 code; the generic x86 code (ATEN_CPU_CAPABILITY=default) takes pixel 0, float64 stays exact.
    code = (
        "import torch, torch.nn.functional as F\n"
        "for dtype in (torch.float32, torch.float64):\n"
        "    row = torch.arange(2, dtype=dtype).view(1, 1, 2)\n"
        "    print(int(F.interpolate(row, size=41, mode='nearest-exact')[0, 0, 20]))\n"
    )
    assert run_in_generic_x86_code(code).split() == ["0", "1"]
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        assert run_python(code, ATEN_CPU_CAPABILITY="avx2").split() == ["1", "1"]


def test_nearest_exact_ties_can_go_left_in_single_precision(ns):
    n_in, n_out, d = ns["small"], ns["tie_big"], ns["tie_d"]
    assert (2 * d + 1) * n_in % (2 * n_out) == 0  # a tie
    right = (2 * d + 1) * n_in // (2 * n_out)
    picks = ns["tie_pick"]
    if ns["device"].type == "cpu":
        # Review 23: the float32 1-D row is exact here only in torch's AVX2/AVX-512 code (see the next test)
        avx2 = torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512")
        assert picks == {
            (torch.float32, 3): right if avx2 else picks[torch.float32, 3],
            (torch.float32, 4): right - 1,
            (torch.float64, 3): right,
            (torch.float64, 4): right - 1,
        }
        # the float64 4-D miss is the channels-last kernel's: a larger output (out H + out W > 128) is exact
        tall = torch.arange(float(n_in), dtype=torch.float64).expand(1, 1, 100, n_in).contiguous()
        assert F.interpolate(tall, size=(100, n_out), mode="nearest-exact")[0, 0, 0, d].item() == right
    else:  # CUDA computes (d + 0.5) * scale in float32 for every dtype and rank
        assert set(picks.values()) == {right - 1}
    # and on the CPU a float32 1-D row takes the left pixel at some ties too (float64 never does)
    left = {torch.float32: 0, torch.float64: 0}
    for dtype in left:
        for i in range(1, 60):
            for o in range(i + 1, 60):
                got = ramp_positions(i, o, "nearest-exact", dtype=dtype).long().tolist()
                left[dtype] += sum(
                    got[t] < (2 * t + 1) * i // (2 * o) for t in range(o) if (2 * t + 1) * i % (2 * o) == 0
                )
    assert left[torch.float32] > 0 and left[torch.float64] == 0


@pytest.mark.parametrize("by_size", [True, False])
def test_x2_and_common_whole_factors_are_even_on_every_row_of_up_to_300_pixels(by_size):
    # "The common ones are not among them", and for x2 the two nearest modes give the same pixels.
    # Review r134-2: the page says "the tests check them on rows of up to 300 pixels"; this test tried six
    # lengths (1, 7, 33, 100, 255, 300) in 3-D and 4-D only: now every length from 1 to 300, in 3-D, 4-D and 5-D.
    for k in (2, 3, 4, 8, 16):
        for n in range(1, 301):
            for rank in (3, 4, 5):
                counts = nearest_copies("nearest", n, k, rank, by_size)
                assert counts == [k] * n, (k, n, rank)
                if k == 2:
                    assert counts == nearest_copies("nearest-exact", n, k, rank, by_size)
    assert_pages_say(
        (
            "interpolate-coordinates.md",
            "(×2, ×3, ×4, ×8, ×16) are not among them, and the tests check them on rows of up to 300 pixels.",
        ),
        (
            "interpolate-coordinates.zh.md",
            "常用的倍数（×2、×3、×4、×8、×16）不在其中，测试在最长 300 个像素的行上也检查了它们。",
        ),
    )


def test_nearest_exact_breaks_ties_to_the_right():
    for n_in in range(1, 40):
        for n_out in range(1, 40):
            got = ramp_positions(n_in, n_out, "nearest-exact", dtype=torch.float64).numpy().astype(int)
            for d in range(n_out):
                if (2 * d + 1) * n_in % (2 * n_out) == 0:  # centre on a border: take the right pixel
                    assert got[d] == min((2 * d + 1) * n_in // (2 * n_out), n_in - 1)


@pytest.mark.parametrize("n_in,n_out", [(5, 8), (3, 7), (2, 9), (8, 5)])
def test_linear_clamps_both_borders(ns, n_in, n_out):
    last = (n_out - 0.5) * n_in / n_out - 0.5
    got = ns["sampled"](n_in, n_out, "linear", False)
    assert got[-1] == min(last, n_in - 1)
    if n_out > n_in:
        assert last > n_in - 1 and got[-1] == n_in - 1


def cell_outputs(name):
    """Each cell's printed output, running the example cell by cell as the site build does."""
    import contextlib
    import io
    from pathlib import Path

    from sitegen.cells import parse_script

    root = Path(__file__).resolve().parents[2]
    script = parse_script(root / "examples" / name)
    namespace, outputs = {"__name__": "__main__"}, {}
    sys.path.insert(0, str(root / "examples"))
    try:
        for cell in script.cells:
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile(cell.source, name, "exec"), namespace)
            outputs[cell.name] = buffer.getvalue()
    finally:
        sys.path.remove(str(root / "examples"))
        import matplotlib.pyplot as plt

        plt.close("all")
    return outputs


def test_markdown_cells_print_tables_that_render():
    """C1: a line of text directly above a table keeps Markdown from making it a table."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    outputs = cell_outputs("interpolate_coordinates.py")
    for page in ("interpolate-coordinates.md", "interpolate-coordinates.zh.md"):
        cells = re.findall(
            r"^::: example interpolate_coordinates\.py#(\w+) output=markdown",
            (root / "docs" / page).read_text(encoding="utf-8"),
            re.M,
        )
        assert "positions" in cells
        for cell in cells:
            lines = outputs[cell].strip("\n").splitlines()
            assert lines[0].startswith("| ") and lines[1].startswith("|---"), cell
            for above, line in zip(lines, lines[1:]):
                if line.startswith("|") and above.strip():
                    assert above.startswith("|"), (cell, above)


@pytest.mark.parametrize("k", range(2, 11))
def test_shrinking_by_k_nearest_takes_first_nearest_exact_takes_middle(k):
    # Review 64: an even k has two middle pixels; the page now says nearest-exact takes the second (k // 2).
    en = " ".join((ROOT_DOCS / "interpolate-coordinates.md").read_text(encoding="utf-8").split())
    zh = (ROOT_DOCS / "interpolate-coordinates.zh.md").read_text(encoding="utf-8")
    assert "for an even `k`, the second of the two middle pixels" in en and "中间有两个像素，取的是后一个" in zh
    x = torch.rand(1, 1, 6 * k, 5 * k)
    torch.testing.assert_close(F.interpolate(x, scale_factor=1 / k, mode="nearest"), x[..., ::k, ::k], rtol=0, atol=0)
    torch.testing.assert_close(
        F.interpolate(x, scale_factor=1 / k, mode="nearest-exact"), x[..., k // 2 :: k, k // 2 :: k], rtol=0, atol=0
    )


def test_measured_shift_is_half_an_output_pixel_for_nearest(ns):
    for (k, mode), (dy, dx) in ns["shifts"].items():
        assert math.isclose(dy, dx, abs_tol=1e-9)
        expected = {"nearest": (k - 1) / 2, "nearest-exact": -0.5 if k % 2 == 0 else 0.0, "area": 0.0}[mode]
        assert math.isclose(dy, expected, abs_tol=1e-3), (k, mode, dy)


def test_docstring_says_who_matches_whom():
    doc = " ".join(F.interpolate.__doc__.split())
    assert "``mode='nearest-exact'`` matches Scikit-Image and PIL nearest neighbours interpolation" in doc
    assert "``mode='nearest'`` matches buggy OpenCV's ``INTER_NEAREST``" in doc
    assert "introduced to keep backward compatibility" in doc


def test_bilinear_shrinking_samples_block_centres_like_area():
    x = torch.rand(1, 1, 12, 12, dtype=torch.float64)
    torch.testing.assert_close(
        F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.interpolate(x, scale_factor=0.5, mode="area")
    )
    for n_in, n_out in [(12, 4), (12, 3), (9, 3)]:
        d = torch.arange(n_out, dtype=torch.float64)
        block_centres = (d + 0.5) * n_in / n_out - 0.5
        torch.testing.assert_close(ramp_positions(n_in, n_out, "linear", False), block_centres)


def test_align_corners_true_grid_depends_on_input_size_false_does_not():
    steps = {}
    for align in (False, True):
        for n_in in (4, 8):
            ramp = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, -1)
            positions = F.interpolate(ramp, scale_factor=2, mode="linear", align_corners=align)[0, 0]
            steps[align, n_in] = (positions[2] - positions[1]).item()
    assert steps[False, 4] == steps[False, 8] == 0.5
    assert steps[True, 4] != steps[True, 8]
    # The exception the page points to: an axis that keeps its size is copied by the CPU linear kernel.
    ramp = torch.arange(10.0, dtype=torch.float64).view(1, 1, -1)
    assert torch.equal(F.interpolate(ramp, scale_factor=1.05, mode="linear"), ramp)
    assert not torch.equal(F.interpolate(ramp, scale_factor=1.05, mode="nearest"), ramp)


def test_area_windows_overlap_when_shrinking_by_a_non_integer_ratio():
    eye = torch.eye(8, dtype=torch.float64).view(8, 1, 8)
    matrix = F.interpolate(eye, size=5, mode="area")[:, 0, :].T
    assert ((matrix > 0).sum(0) > 1).any()  # some input pixel feeds two output pixels


def test_area_shrinking_by_a_non_integer_ratio_shares_pixels_between_some_neighbours_not_all():
    # Review 21: "neighbouring windows share pixels" held for some pairs only (10 -> 4: windows 2..4 and 5..7).
    pairs_without = []
    for n_in in range(3, 40):
        eye = torch.eye(n_in, dtype=torch.float64).view(n_in, 1, n_in)
        for n_out in range(2, n_in):
            used = F.interpolate(eye, size=n_out, mode="area")[:, 0, :].T > 0
            shared = [bool((used[d] & used[d + 1]).any()) for d in range(n_out - 1)]
            assert any(shared) == (n_in % n_out != 0), (n_in, n_out)
            if any(shared) and not all(shared):
                pairs_without.append((n_in, n_out))
    assert (10, 4) in pairs_without
    used = F.interpolate(torch.eye(10, dtype=torch.float64).view(10, 1, 10), size=4, mode="area")[:, 0, :].T > 0
    assert used[1].nonzero().flatten().tolist() == [2, 3, 4] and used[2].nonzero().flatten().tolist() == [5, 6, 7]


def test_some_whole_factors_copy_unevenly_and_the_common_ones_do_not(ns):
    uneven = []
    for k in range(2, 101):
        for n_in in range(1, 9):
            picks = ramp_positions(n_in, n_in * k, "nearest", dtype=torch.float32, rank=4).long()
            if torch.bincount(picks).tolist() != [k] * n_in:
                uneven.append(k)
                break
    assert uneven == ns["uneven"] and uneven
    assert ns["big"] % ns["small"] == 0 and ns["big"] // ns["small"] in uneven  # the first case is one of them
    assert not {2, 3, 4, 8, 16} & set(uneven)


def test_float64_4d_nearest_is_exact_once_the_output_is_large(ns):
    if ns["device"].type == "cpu":
        assert ns["tall_copies"] == [41, 41]
    else:  # CUDA rounds the scale to float32 for every dtype
        assert ns["tall_copies"] == [42, 40]
    # On the CPU, sweep the height across the threshold out H + out W = 128.
    for h in (1, 20, 46, 47, 80):
        x = torch.arange(2.0, dtype=torch.float64).expand(1, 1, h, 2).contiguous()
        row = F.interpolate(x, size=(h, 82), mode="nearest")[0, 0, 0].long()
        assert torch.bincount(row).tolist() == ([42, 40] if h + 82 <= 128 else [41, 41]), h


def test_uneven_cover_when_in_times_s_is_not_whole_except_near_a_whole_scale():
    for n in range(2, 30):
        row = torch.arange(float(n)).view(1, 1, -1)
        for s, even in ((1.5, False), (2.5, False), (3 + 1e-9, True), (2 - 1e-9, False)):
            picks = F.interpolate(row, scale_factor=s, mode="nearest")[0, 0].long()
            counts = torch.bincount(picks, minlength=n).tolist()
            assert (len(set(counts)) == 1) == even, (n, s, counts)  # 2 - 1e-9: one output short


def test_align_corners_true_copies_the_first_corner_exactly_the_last_up_to_rounding():
    off = {}
    for dtype in (torch.float32, torch.float64):
        for n_in in range(2, 40):
            x = torch.rand(1, 1, n_in, dtype=dtype, generator=torch.Generator().manual_seed(n_in)) * 100
            for n_out in range(2, 90):
                for mode in ("linear", "bicubic"):
                    y = (
                        F.interpolate(x, size=n_out, mode=mode, align_corners=True)
                        if mode == "linear"
                        else F.interpolate(x.view(1, 1, 1, n_in), size=(1, n_out), mode=mode, align_corners=True)
                    ).flatten()
                    assert y[0] == x[0, 0, 0], (dtype, mode, n_in, n_out)
                    # off by a weight of the order of the precision on a neighbour (values span 0..100)
                    assert abs(y[-1] - x[0, 0, -1]) <= (1e-3 if dtype == torch.float32 else 1e-11), (
                        dtype,
                        mode,
                        n_in,
                        n_out,
                    )
                    off[str(dtype), mode] = off.get((str(dtype), mode), 0) + bool(y[-1] != x[0, 0, -1])
    assert off["torch.float32", "linear"] > 0 and off["torch.float32", "bicubic"] > 0
    assert off["torch.float64", "bicubic"] > 0 and off["torch.float64", "linear"] == 0


def test_align_corners_true_last_linear_corner_in_float64_is_exact_on_the_cpu_only_up_to_rounding_on_cuda():
    # Review 22: "in float32, and for bicubic even in float64" implied float64 linear is exact everywhere.
    # The step 1/49 times 49 lands just below 1 in double precision, so the position of the last of
    # 50 pixels is 0.99...9: the CPU rounds it to a float32 (1.0) and clamps the weight, CUDA's kernels
    # truncate it to pixel 0 and give pixel 0 a weight of about 1e-16 (UpSampleLinear1d.cu: w1 = w1r).
    assert 49 * (1 / 49) < 1 and np.float32(49 * (1 / 49)) == 1
    x = torch.tensor([[[1.0, 0.0]]], dtype=torch.float64)
    assert F.interpolate(x, size=50, mode="linear", align_corners=True)[0, 0, -1].item() == 0.0
    w1r = 49 * (1 / 49)  # CUDA: int w1 = w1r (0), lambda = w1r - w1, value = (1 - lambda) * x0 + lambda * x1
    assert (1 - w1r) * 1.0 + w1r * 0.0 > 0
    if torch.cuda.is_available():
        last = F.interpolate(x.cuda(), size=50, mode="linear", align_corners=True)[0, 0, -1].item()
        assert 0 < last < 1e-15


def test_align_corners_true_with_antialias_does_not_copy_the_corners_even_enlarging():
    # "(without antialias: ... even when enlarging their corner outputs are not the corner inputs)"
    x = torch.arange(8.0).view(1, 1, 1, 8)
    for mode in ("bilinear", "bicubic"):
        for n_out in range(9, 40):
            plain = F.interpolate(x, size=(1, n_out), mode=mode, align_corners=True).flatten()
            assert plain[0] == 0 and abs(plain[-1] - 7) < 1e-5, (mode, n_out)
            aa = F.interpolate(x, size=(1, n_out), mode=mode, align_corners=True, antialias=True).flatten()
            assert abs(aa[-1] - 7) > 1e-2, (mode, n_out)


def test_given_scale_factor_the_step_is_one_over_it_except_area_and_recompute():
    for n_in in range(2, 20):
        ramp = torch.arange(float(n_in), dtype=torch.float64).view(1, 1, -1)
        for factor in (0.3, 0.45, 0.7, 1.3, 1.5, 2.3):
            n_out = math.floor(n_in * factor)
            if n_out < 1 or n_out == n_in:  # an axis that keeps its size: the copy exception
                continue
            d = torch.arange(n_out, dtype=torch.float64)
            given = F.interpolate(ramp, scale_factor=factor, mode="linear", align_corners=False)[0, 0]
            torch.testing.assert_close(given, ((d + 0.5) / factor - 0.5).clamp(0, n_in - 1))
            by_size = F.interpolate(ramp, size=n_out, mode="linear", align_corners=False)
            recomputed = F.interpolate(
                ramp, scale_factor=factor, mode="linear", align_corners=False, recompute_scale_factor=True
            )
            torch.testing.assert_close(recomputed, by_size)
            for recompute in (None, False, True):  # area: the windows of in/out, whatever was asked
                area = F.interpolate(ramp, scale_factor=factor, mode="area", recompute_scale_factor=recompute)
                torch.testing.assert_close(area, F.interpolate(ramp, size=n_out, mode="area"), rtol=0, atol=0)


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact"])
def test_nearest_rules_are_single_precision_for_every_dtype_but_float64_on_cpu(mode):
    # The page: single precision for every dtype but float64 (not only float32): on a CPU row,
    # float16, bfloat16 and uint8 pick exactly the pixels float32 picks; float64 differs somewhere.
    float64_differs = False
    for n in range(1, 9):
        x = torch.arange(n).view(1, 1, n)
        for out in range(1, 200):
            reference = F.interpolate(x.float(), size=out, mode=mode).long()
            for dtype in (torch.float16, torch.bfloat16, torch.uint8):
                assert torch.equal(F.interpolate(x.to(dtype), size=out, mode=mode).long(), reference), (dtype, n, out)
            float64_differs |= not torch.equal(F.interpolate(x.double(), size=out, mode=mode).long(), reference)
    assert float64_differs


@pytest.mark.parametrize("n_in", range(1, 9))
def test_area_enlarging_averages_two_neighbours_only_for_a_ratio_that_is_not_whole(n_in):
    row = torch.eye(n_in, dtype=torch.float64).view(n_in, 1, n_in)  # one-hot rows: weights per output pixel
    for n_out in range(n_in + 1, 4 * n_in + 2):
        weights = F.interpolate(row, size=n_out, mode="area")[:, 0, :]
        mixes = bool((weights.count_nonzero(dim=0) > 1).any())
        assert mixes is (n_out % n_in != 0), (n_in, n_out)


@pytest.mark.parametrize("align_corners", [False, True])
def test_corner_copies_hold_for_float_but_not_for_uint8_one_pixel_wide(align_corners):
    # the page narrows both align_corners bullets to floating-point input (5 channels, 4x3 -> 8x1)
    gen = torch.Generator().manual_seed(0)
    cases = [((4, 1), (8, 1)), ((4, 3), (8, 6))] + [((4, 3), (8, 1))] * align_corners
    for (h, w), out in cases:
        x = torch.rand(1, 5, h, w, generator=gen) * 255
        for dtype in (torch.float32, torch.float64):
            y = F.interpolate(x.to(dtype), size=out, mode="bilinear", align_corners=align_corners)
            assert torch.equal(y[..., -1, 0], x.to(dtype)[..., -1, 0])
        y = F.interpolate(x.to(torch.uint8), size=out, mode="bilinear", align_corners=align_corners)
        assert torch.equal(y[..., -1, 0], x.to(torch.uint8)[..., -1, 0]) == (out[1] > 1)


def test_antialiased_align_corners_true_enlarging_keeps_only_bilinears_first_corner():
    # Review 9: "even when enlarging their corner outputs are not the corner inputs" fails for bilinear's first one.
    for n_in in range(2, 9):
        for n_out in range(n_in + 1, 30):
            row = torch.randn(1, 1, 3, n_in, dtype=torch.float64)
            for mode in ("bilinear", "bicubic"):
                got = F.interpolate(row, size=(3, n_out), mode=mode, antialias=True, align_corners=True)[0, 0, 1]
                assert (got[0] == row[0, 0, 1, 0]) == (mode == "bilinear"), (mode, n_in, n_out)
                assert (got[-1] - row[0, 0, 1, -1]).abs() > 1e-6, (mode, n_in, n_out)
    ramp = torch.arange(5.0, dtype=torch.float64).view(1, 1, 1, 5).repeat(1, 1, 3, 1)
    ends = {
        m: F.interpolate(ramp, size=(3, 9), mode=m, antialias=True, align_corners=True)[0, 0, 1, [0, -1]]
        for m in ("bilinear", "bicubic")
    }
    assert ends["bilinear"].tolist() == [0.0, 3.75] and [round(v, 3) for v in ends["bicubic"].tolist()] == [
        -0.088,
        3.832,
    ]


def test_uint8_one_pixel_wide_loses_the_corner_at_any_channel_count_without_avx2():
    # ATEN_CPU_CAPABILITY=default makes torch take the kernels a CPU without AVX2 runs: there uint8 with
    # any channel count (1 to 8 here) gets a one-pixel-wide output wrong by more than a level whenever both
    # heights are at least 2 and differ, with either align_corners, and 4x1 -> 8x1 loses the last corner.
    code = (
        "import torch, torch.nn.functional as F\n"
        "right, kept = [], []\n"
        "for c in range(1, 9):\n"
        "    for ac in (False, True):\n"
        "        for h_in in range(2, 7):\n"
        "            for h_out in set(range(2, 13)) - {h_in}:\n"
        "                g = torch.Generator().manual_seed(100 * c + 10 * h_in + h_out)\n"
        "                x = torch.randint(0, 256, (1, c, h_in, 1), generator=g, dtype=torch.uint8)\n"
        "                y = F.interpolate(x, size=(h_out, 1), mode='bilinear', align_corners=ac)\n"
        "                exact = F.interpolate(x.double(), size=(h_out, 1), mode='bilinear', align_corners=ac)\n"
        "                if (y.double() - exact).abs().max() <= 1: right.append((c, ac, h_in, h_out))\n"
        "        x = (torch.linspace(0, 1, 4)[:, None] * 200 + torch.arange(float(c))[:, None, None]).to(torch.uint8)[None]\n"
        "        y = F.interpolate(x.contiguous(), size=(8, 1), mode='bilinear', align_corners=ac)\n"
        "        if torch.equal(y[..., -1, 0], x[..., -1, 0]): kept.append((c, ac))\n"
        "print(right, kept)\n"
    )
    assert run_python(code, ATEN_CPU_CAPABILITY="default").strip() == "[] []"


def test_align_corners_true_to_one_pixel_antialias_bilinear_reads_pixel_0_bicubic_reads_two():
    # Review 12: "that pixel reads input pixel 0" is false for antialiased bicubic (1.125 x0 - 0.125 x1).
    gen = torch.Generator().manual_seed(0)
    for n_in in range(2, 40):
        for dtype in (torch.float32, torch.float64):
            x = torch.randn(1, 2, 3, n_in, generator=gen, dtype=dtype)
            bil = F.interpolate(x, size=(3, 1), mode="bilinear", align_corners=True, antialias=True)[..., 0]
            assert torch.equal(bil, x[..., 0]), (n_in, dtype)
            bic = F.interpolate(x, size=(3, 1), mode="bicubic", align_corners=True, antialias=True)[..., 0]
            torch.testing.assert_close(bic, 1.125 * x[..., 0] - 0.125 * x[..., 1])
            assert not torch.allclose(bic, x[..., 0]), (n_in, dtype)


def test_align_corners_true_one_pixel_axis_antialias_bicubic_from_one_pixel_reads_that_pixel():
    # Review 50: "antialiased bicubic reads two pixels there" needs an input axis of more than one pixel:
    # from a one-pixel input axis (either axis) it returns the pixel itself, not 1.125 x0 - 0.125 x1.
    gen = torch.Generator().manual_seed(0)
    for dtype in (torch.float32, torch.float64):
        for other in (1, 2, 3, 6, 17):
            for shape in ([1, 2, 1, other], [1, 2, other, 1]):
                x = torch.randn(shape, generator=gen, dtype=dtype)
                out = F.interpolate(x, size=shape[2:], mode="bicubic", align_corners=True, antialias=True)
                assert torch.equal(out, x), (dtype, shape)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("channels_last", [False, True])
def test_cpu_linear_and_antialiased_kernels_copy_an_axis_that_keeps_its_size(dtype, channels_last):
    # Review 13: "given scale_factor, the kernels use 1/scale_factor" missed the kept-axis copy of the
    # CPU's linear kernels (every rank) and antialiased ones; bicubic without antialias does step.
    assert round((9 + 0.5) / 1.05 - 0.5, 2) == 8.55
    for n, width in [(10, 1), (10, 300), (1000, 2)]:
        ramp, keep = torch.arange(n, dtype=dtype), 1 + 0.5 / n  # floor(n * keep) == n; 1.05 for 10 pixels
        cases = [((1, 4, n), "linear", False, keep), ((1, 4, n, 1, width), "trilinear", False, (keep, 1, 2))]
        cases += [
            ((1, 4, n, width), mode, aa, (keep, 2))
            for mode, aa in [("bilinear", False), ("bilinear", True), ("bicubic", True)]
        ]
        for shape, mode, aa, factor in cases:
            if mode == "trilinear" and width == 300:
                continue
            x = ramp.view(1, 1, n, *[1] * (len(shape) - 3)).expand(shape).contiguous()
            if channels_last and len(shape) > 3:
                x = x.contiguous(memory_format=torch.channels_last if len(shape) == 4 else torch.channels_last_3d)
            y = F.interpolate(x, scale_factor=factor, mode=mode, antialias=aa)
            # The other axis may be resampled (bicubic weights sum to 1 only up to rounding); the
            # step 1/keep would move the kept axis by up to half a pixel.
            assert y.shape[2] == n and (y[0, 3].reshape(n, -1) - ramp[:, None]).abs().max() < 1e-3, (shape, mode, aa)
        bicubic = F.interpolate(ramp.view(1, 1, n, 1).expand(1, 1, n, width), scale_factor=(keep, 1), mode="bicubic")
        assert (bicubic[0, 0, :, 0] - ramp).abs().max() > 0.04


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_antialiased_float_one_pixel_wide_output_hits_the_cpu_bug_unless_channels_last(mode):
    # Review 15: "both bullets hold for floating-point input" failed for antialiased float input,
    # one pixel wide with a changing height (4x5 -> 7x1): every row comes back as the first row.
    gen = torch.Generator().manual_seed(0)
    for dtype in (torch.float32, torch.float64):
        for align_corners in (False, True):
            for h_in, h_out in [(4, 7), (2, 3), (5, 2), (9, 9 * 3)]:
                x = torch.rand(1, 2, h_in, 5, generator=gen, dtype=dtype) + torch.arange(h_in, dtype=dtype)[:, None]
                kw = dict(size=(h_out, 1), mode=mode, align_corners=align_corners, antialias=True)
                plain = F.interpolate(x, **kw)
                last = F.interpolate(x.contiguous(memory_format=torch.channels_last), **kw)
                assert torch.equal(plain, plain[..., :1, :].expand_as(plain)), (dtype, h_in, h_out)
                assert not torch.allclose(plain, last), (dtype, h_in, h_out)


@pytest.mark.parametrize("channels", [1, 3, 5])
def test_plain_uint8_bicubic_copies_a_kept_axis_under_scale_factor(channels):
    # Review 16: the list of kernels that copy an axis keeping its size missed plain bicubic on uint8 (the CPU's
    # separable kernel); float bicubic steps by 1/1.05 there.
    ramp = (torch.arange(10) * 20).to(torch.uint8).view(1, 1, 10, 1).expand(1, channels, 10, 20).contiguous()
    out = F.interpolate(ramp, scale_factor=1.05, mode="bicubic")
    assert out.shape[-2:] == (10, 21)
    assert torch.equal(out[..., 0], ramp[..., 0])
    flt = F.interpolate(ramp.double(), scale_factor=1.05, mode="bicubic")
    assert not torch.allclose(flt[..., 0], ramp[..., 0].double())


@pytest.mark.parametrize("align_corners", [False, True])
def test_uint8_many_channels_one_pixel_wide_is_wrong_only_between_heights_of_two_or_more(align_corners):
    # 5 channels, contiguous: no CPU runs torch's own uint8 code for them, so the separable kernel always runs.
    torch.manual_seed(0)
    for h_in in range(1, 6):
        for h_out in range(1, 9):
            if h_out == h_in:
                continue
            for w_in in (1, 3):
                x = torch.randint(0, 256, (1, 5, h_in, w_in), dtype=torch.uint8)
                got = F.interpolate(x, size=(h_out, 1), mode="bilinear", align_corners=align_corners).double()
                want = F.interpolate(x.double(), size=(h_out, 1), mode="bilinear", align_corners=align_corners)
                wrong = bool(((got - want).abs() > 1).any())
                assert wrong == (h_in >= 2 and h_out >= 2), (h_in, h_out, w_in)


@pytest.mark.parametrize("channels, channels_last", [(1, False), (4, False), (3, True), (4, True), (6, True)])
def test_float64_4d_nearest_is_exact_again_above_128_unless_channels_last_with_more_than_3_channels(
    channels, channels_last
):
    # Review 18: "a float64 4-D image ... does again once it is larger" failed for channels_last with > 3 channels,
    # which takes the channels-last (float32 ratio) kernel at every output size.
    layout = torch.channels_last if channels_last else torch.contiguous_format
    for rows in (47, 60, 100):
        x = (
            torch.arange(2, dtype=torch.float64)
            .view(1, 1, 1, 2)
            .expand(1, channels, rows, 2)
            .contiguous(memory_format=layout)
        )
        copies = torch.bincount(F.interpolate(x, size=(rows, 82), mode="nearest")[0, 0, 0].long()).tolist()
        assert copies == ([42, 40] if channels_last and channels > 3 else [41, 41]), (channels, channels_last, rows)


def test_formulas_table_counts_pairs_off_by_more_than_1e9_not_every_difference(ns):
    # Review 24: the header said "pairs where torch differs" next to a count of 0, while torch's
    # linear positions differ from the exact fractions by float rounding on some pairs.
    name = "align_corners=False: (d+0.5)·in/out − 0.5"
    formula, torch_result = ns["checks"][name]
    worst = max(float(np.abs(formula(i, o) - torch_result(i, o)).max()) for i, o in ns["pairs"])
    assert worst < 1e-9 and not ns["mismatches"][name]
    if ns["device"].type == "cpu":
        assert worst > 0


def test_scale_factor_not_whole_one_pixel_is_covered_evenly_and_the_4d_cpu_doubling_too():
    # A single pixel is copied to every output whatever the step: the uneven cover needs two or more pixels.
    for factor in (2.5, 3.7, 41.3):
        out = F.interpolate(torch.ones(1, 1, 1), scale_factor=factor, mode="nearest")
        assert out.shape[-1] > 1 and torch.equal(out, torch.ones_like(out))
    # The CPU's channels-last kernel doubles 5 pixels x2.1 (10 outputs): every pixel twice, in.s = 10.5 not whole.
    row = torch.arange(5.0).view(1, 1, 1, 5)
    picks = F.interpolate(row, scale_factor=(1.0, 2.1), mode="nearest").flatten().long()
    assert torch.equal(torch.bincount(picks, minlength=5), torch.full((5,), 2))


def test_uint8_width_one_corner_lost_on_hwc_views_too():
    # Review 31: the page named "the contiguous layout" for uint8 with more than 4 channels; an HWC permute view,
    # which counts as channels_last-contiguous, loses the last align_corners=True corner too.
    for channels in range(1, 9):
        ramp = torch.arange(4, dtype=torch.uint8).mul(60).view(4, 1, 1).expand(4, 1, channels).contiguous()
        view = ramp.permute(2, 0, 1)[None]
        assert view.is_contiguous(memory_format=torch.channels_last) and view.is_contiguous() == (channels == 1)
        out = F.interpolate(view, size=(8, 1), mode="bilinear", align_corners=True)
        assert (out[0, :, -1, 0] == 180).all().item() == (channels <= 4), channels


def test_nearest_lines_lean_right_when_enlarging_exactly_where_the_left_edge_is_near_a_border():
    # Review 31: the page said "enlarging, most [lean left], and a few lean slightly right"; at x2 half of them
    # lean right (5 -> 10: 5 of 10). The rule: right where frac(d * scale) < (1 - scale) / 2, upright at equality.
    from fractions import Fraction

    for n_in in range(1, 16):
        for n_out in range(n_in + 1, 50):
            scale = Fraction(n_in, n_out)
            centre = (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
            got = ramp_positions(n_in, n_out, "nearest").numpy()
            for d in range(n_out):
                edge = d * scale - math.floor(d * scale)
                expected = int(edge < (1 - scale) / 2) - int(edge > (1 - scale) / 2)  # 1 right, 0 upright, -1 left
                measured = int(got[d] > centre[d] + 1e-12) - int(got[d] < centre[d] - 1e-12)
                assert measured == expected, (n_in, n_out, d)
    right = np.flatnonzero(ramp_positions(5, 10, "nearest").numpy() > (np.arange(10) + 0.5) / 2 - 0.5).tolist()
    assert right == [0, 2, 4, 6, 8]


def test_five_by_2_1_doubles_in_every_cpu_channels_last_kernel_not_only_4d():
    # Review 33: the page said that apart from the 4-D CPU kernel "everywhere else the step is 1/2.1"; a 5-D
    # channels_last_3d input with more than 3 channels runs the channels-last kernel and doubles too.
    for channels in range(1, 9):
        volume = torch.arange(5.0).view(1, 1, 1, 1, 5).repeat(1, channels, 2, 2, 1)
        for layout in (torch.contiguous_format, torch.channels_last_3d):
            picks = F.interpolate(volume.contiguous(memory_format=layout), scale_factor=(1.0, 1.0, 2.1), mode="nearest")
            counts = torch.bincount(picks[0, 0, 0, 0].long(), minlength=5).tolist()
            doubled = layout == torch.channels_last_3d and channels > 3
            assert counts == ([2, 2, 2, 2, 2] if doubled else [3, 2, 2, 2, 1]), (channels, layout)
            # ...and keeps a 10-pixel axis x1.05 as a copy, where the contiguous 5-D kernel steps by 1/1.05.
            row = torch.arange(10.0).view(1, 1, 1, 1, 10).repeat(1, channels, 2, 2, 1).contiguous(memory_format=layout)
            kept = F.interpolate(row, scale_factor=(1.0, 1.0, 1.05), mode="nearest")[0, 0, 0, 0]
            assert torch.equal(kept, torch.arange(10.0)) == doubled, (channels, layout)


@pytest.mark.parametrize("rank", [3, 4, 5])
def test_recompute_scale_factor_makes_nearest_step_by_in_over_out(rank):
    # An exception the "scale_factor is not in/out" section names: with recompute_scale_factor=True
    # the nearest kernels step by in/out, so 2 pixels x2.4 get two copies each (without it, 3 and 1).
    def picks(n, s, recompute):
        row = torch.arange(float(n)).view((1,) * (rank - 1) + (n,))
        scale = (1.0,) * (rank - 3) + (s,)
        return F.interpolate(row, scale_factor=scale, mode="nearest", recompute_scale_factor=recompute).flatten()

    assert torch.bincount(picks(2, 2.4, True).long()).tolist() == [2, 2]
    if rank != 4:  # the 4-D CPU kernel doubles 2 -> 4 whatever the factor
        assert torch.bincount(picks(2, 2.4, None).long()).tolist() == [3, 1]
    for n in range(1, 9):
        for s in (0.3, 0.7, 1.3, 1.5, 2.4, 2.6, 3.7):
            out = math.floor(n * s)
            if out == 0:
                continue
            row = torch.arange(float(n)).view((1,) * (rank - 1) + (n,))
            by_size = F.interpolate(row, size=(1,) * (rank - 3) + (out,), mode="nearest").flatten()
            assert torch.equal(picks(n, s, True), by_size), (n, s)


def test_align_corners_false_step_is_one_over_the_factor_whatever_the_size_unless_recomputed():
    # "with False the step is 1/scale_factor whatever the input size, except with
    # recompute_scale_factor=True, which steps by in/out": linear on ramps of 5..30 pixels x1.5.
    for n in range(5, 31):
        ramp = torch.arange(float(n), dtype=torch.float64).view(1, 1, n)
        for recompute, step in ((None, 1 / 1.5), (True, n / math.floor(n * 1.5))):
            pos = F.interpolate(ramp, scale_factor=1.5, mode="linear", recompute_scale_factor=recompute).flatten()
            inner = pos[1:-1]  # away from the clamp at both ends
            d = torch.arange(1, pos.numel() - 1, dtype=torch.float64)
            assert torch.allclose(inner, (d + 0.5) * step - 0.5, atol=1e-12), (n, recompute)
    # the two steps part where n * 1.5 is not whole
    assert 1 / 1.5 != 5 / math.floor(5 * 1.5)


def _aa_cubic(t, a=-0.5):
    t = abs(t)
    if t < 1:
        return ((a + 2) * t - (a + 3)) * t * t + 1
    if t < 2:
        return (((t - 5) * t + 8) * t - 4) * a
    return 0.0


def test_antialias_formula_is_the_window_centre_which_a_ramp_reads_only_away_from_the_border():
    # Review 38: with antialias the align_corners=False formula is the centre of a window of whole
    # pixels, cut and renormalised at the border (12 -> 4 reads 1.25 at output 0); bicubic drops the taps
    # beyond the border instead of repeating the edge pixel.
    # Review 105: the page said the window lies symmetrically about the centre "only at a whole factor"; at other
    # factors some windows do too (the middle output of an odd count, 8 -> 6 at output 1), so it says "not always".
    cut = uneven = centred_uneven = 0
    for n_in in range(6, 41):
        ramp = torch.arange(float(n_in), dtype=torch.float64).expand(1, 1, 2, n_in)
        for n_out in range(2, n_in // 2 + 1):
            read = F.interpolate(ramp, size=(2, n_out), mode="bilinear", antialias=True)[0, 0, 0]
            scale = n_in / n_out
            for d in range(n_out):
                centre = (d + 0.5) * scale
                inside = centre - scale >= 0 and centre + scale <= n_in
                off = abs(read[d].item() - (centre - 0.5))
                if inside and n_in % n_out == 0:
                    assert off < 1e-9, (n_in, n_out, d)
                elif inside:
                    uneven += off > 1e-3
                    centred_uneven += off < 1e-9
                else:
                    cut += off > 1e-3
    assert cut > 0 and uneven > 0 and centred_uneven > 0
    eye8 = torch.eye(8, dtype=torch.float64).view(8, 1, 1, 8)
    weights = F.interpolate(eye8, size=(1, 6), mode="bilinear", antialias=True)[:, 0, 0, 1]  # output 1, centre 1.5
    assert weights.tolist() == [0, 0.5, 0.5, 0, 0, 0, 0, 0]
    en = " ".join((ROOT_DOCS / "interpolate-coordinates.md").read_text(encoding="utf-8").split())
    zh = (ROOT_DOCS / "interpolate-coordinates.zh.md").read_text(encoding="utf-8")
    assert "not always placed symmetrically about the centre" in en and "centre only at a whole factor" not in en
    assert "并不总是关于中心对称" in zh and "只有整数倍时才关于中心对称" not in zh
    ramp12 = torch.arange(12.0, dtype=torch.float64).expand(1, 1, 2, 12)
    assert F.interpolate(ramp12, size=(2, 4), mode="bilinear", antialias=True)[0, 0, 0, 0].item() == pytest.approx(1.25)
    row = torch.arange(5.0, dtype=torch.float64).expand(1, 1, 2, 5)
    first = F.interpolate(row, size=(2, 8), mode="bicubic", antialias=True)[0, 0, 0, 0].item()
    centre = 0.5 * 5 / 8
    taps = [j for j in range(-2, 4) if abs(j + 0.5 - centre) < 2]
    repeated = sum(_aa_cubic(j + 0.5 - centre) * min(max(j, 0), 4) for j in taps)
    kept = [j for j in taps if 0 <= j < 5]
    renormalised = sum(_aa_cubic(j + 0.5 - centre) * j for j in kept) / sum(_aa_cubic(j + 0.5 - centre) for j in kept)
    assert first == pytest.approx(renormalised, abs=1e-12) and abs(first - repeated) > 0.01
    assert round(first, 3) == -0.072
    assert round(F.interpolate(row, size=(2, 8), mode="bicubic")[0, 0, 0, 0].item(), 3) == -0.093


def test_a_ramp_reads_the_antialias_window_centre_back_only_up_to_float_rounding():
    # Review 39: "reads that centre back exactly at a whole shrink factor" missed by one or two float32
    # steps at x3 and by several at x17 (and by a few float64 steps): the weights are normalised in floats.
    misses = {torch.float32: 0, torch.float64: 0}
    worst = 0.0
    for dtype, mode, k, n_out in itertools.product(misses, ("bilinear", "bicubic"), (2, 3, 6, 17), range(4, 11)):
        n_in = k * n_out
        ramp = torch.arange(n_in, dtype=dtype).expand(1, 1, 2, n_in)
        read = F.interpolate(ramp, size=(2, n_out), mode=mode, antialias=True)[0, 0, 0]
        reach = k if mode == "bilinear" else 2 * k
        for d in range(n_out):
            centre = (d + 0.5) * k
            if centre - reach >= 0 and centre + reach <= n_in:
                off = abs(read[d].item() - (centre - 0.5))
                misses[dtype] += off > 0
                worst = max(worst, off / (centre * torch.finfo(dtype).eps))
    assert misses[torch.float32] > 0 and misses[torch.float64] > 0
    assert 2 < worst < 64


def test_nearest_and_nearest_exact_agree_at_x2_only_up_to_two_to_the_22_pixels():
    # Review 42: "for x2 upsampling of feature maps the two modes are the same" held on short axes only:
    # from 2^22 + 2 input pixels on, single-precision rounding parts them (3-D, 4-D, channels_last alike).
    def same(n, rank, channels_last=False):
        x = torch.arange(n, dtype=torch.float32).view(*(1,) * (rank - 1), n)
        if channels_last:
            x = x.expand(1, 4, 1, n).contiguous(memory_format=torch.channels_last)
        a = F.interpolate(x, scale_factor=2, mode="nearest")
        return torch.equal(a, F.interpolate(x, scale_factor=2, mode="nearest-exact"))

    assert same(2**22, 3) and same(2**22, 4) and same(2**22, 4, channels_last=True)
    assert not same(2**22 + 2, 3)
    # Review 70: the page said "longer ones part them", but 2^22 + 1 pixels still agree: output 2^23 + 1's centre
    # 2^23 + 1.5 rounds to 2^23 + 2 in float32 and picks pixel 2^22 + 1, one past the last, clamped back to 2^22,
    # which nearest picks too. From 2^22 + 2 on that pixel exists. Swept over ranks, layouts, dtypes, size/factor.
    cases = (
        (3, False, torch.float32, 0),
        (3, False, torch.float64, 1),
        (4, True, torch.float32, 1),
        (5, False, torch.float64, 0),
    )
    for n, (rank, channels_last, dtype, by_size) in itertools.product((2**22 + 1, 2**22 + 2), cases):
        x = torch.arange(n, dtype=dtype).view(*(1,) * (rank - 1), n)
        if channels_last:
            x = x.expand(1, 4, 1, n).contiguous(memory_format=torch.channels_last)
        kwargs = {"size": x.shape[2:-1] + (2 * n,)} if by_size else {"scale_factor": 2}
        a = F.interpolate(x, mode="nearest", **kwargs)
        assert torch.equal(a, F.interpolate(x, mode="nearest-exact", **kwargs)) == (n <= 2**22 + 1), (n, dtype, rank)
    en = " ".join((ROOT_DOCS / "interpolate-coordinates.md").read_text(encoding="utf-8").split())
    zh = (ROOT_DOCS / "interpolate-coordinates.zh.md").read_text(encoding="utf-8")
    assert "(longer ones part them: single" not in en and "longer ones can part them" in en
    assert "又是单精度舍入让两者出现差别" not in zh and "单精度舍入又可能让两者出现差别" in zh


def test_whole_factor_shrink_picks_hold_only_up_to_two_to_the_23_pixels():
    # Review 42: "nearest takes the first pixel of each block and nearest-exact the middle one" held on
    # axes of up to 2^23 pixels; past that nearest-exact's single-precision centre misses the middle pixel.
    x = (torch.arange(2**23 + 2**21) % 1000).float().view(1, 1, -1)
    for n, holds in ((3 * (2**23 // 3), True), (3 * ((2**23 + 2**21) // 3), False)):
        row = x[..., :n]
        assert torch.equal(F.interpolate(row, scale_factor=1 / 3, mode="nearest"), row[..., ::3])
        assert torch.equal(F.interpolate(row, scale_factor=1 / 3, mode="nearest-exact"), row[..., 1::3]) == holds


def test_nearest_lines_never_stand_upright_when_shrinking_and_lean_either_way_after_float32_rounding():
    # Review 44: "Shrinking, the lines lean to the left (or stand upright)": none stands upright (the centre
    # (d + 0.5) * s - 0.5 lies (s - 1)/2 > 0 past the left edge d * s), and the lean rules hold only up to the
    # single-precision rounding of the source index: 4098 -> 4097 picks one pixel right of its line's centre,
    # and float32 2 -> 82 picks pixel 0 at output 41, whose left edge lies on a border (the rule says right).
    for n_in in range(2, 61):
        for n_out in range(1, n_in):
            picks = ramp_positions(n_in, n_out, "nearest").long()
            d = torch.arange(n_out)
            # sign of centre - pick, in integers: (2d + 1) * in - out - 2 * pick * out
            assert ((2 * d + 1) * n_in - n_out - 2 * picks * n_out > 0).all(), (n_in, n_out)
    for dtype in (torch.float32, torch.float64):
        for rank in (3, 4):
            picks = ramp_positions(4098, 4097, "nearest", dtype=dtype, rank=rank).long()
            d = torch.arange(4097)
            assert ((2 * d + 1) * 4098 - 4097 - 2 * picks * 4097 < 0).any(), (dtype, rank)
    picks = ramp_positions(2, 82, "nearest", dtype=torch.float32).long()
    assert picks[41] == 0 and (2 * 41 + 1) * 2 - 82 - 2 * picks[41] * 82 > 0  # leans left, exact rule: right


def test_cell_comments_rules_hold_only_for_their_own_dtype_and_sizes():
    # Review 44: three comments in shown cells stated rules wider than their cells. "The nearest formulas are
    # evaluated in single precision: scale = float32(in/out)": a float64 3-D row follows the exact floor(d * in/out).
    # "4-D nearest copies when out == in and doubles when out == 2 * in": a 65x65 contiguous image x(1 + 0.6/65)
    # is not copied, nor a 70x70 one x2.01 doubled (the CPU's channels-last kernel runs only for small outputs).
    float32_differs = False
    for n_out in range(2, 200):
        exact = [d * 2 // n_out for d in range(n_out)]
        assert ramp_positions(2, n_out, "nearest", dtype=torch.float64).long().tolist() == exact, n_out
        float32_differs |= ramp_positions(2, n_out, "nearest", dtype=torch.float32).long().tolist() != exact
    assert float32_differs
    big = torch.arange(65.0).expand(1, 1, 65, 65)
    assert not torch.equal(F.interpolate(big, scale_factor=1 + 0.6 / 65, mode="nearest"), big)
    doubled = F.interpolate(torch.arange(70.0).expand(1, 1, 70, 70), scale_factor=2.01, mode="nearest")[0, 0, 0]
    assert doubled.shape[0] == 140 and torch.bincount(doubled.long()).tolist() != [2] * 70


def test_ties_cell_comment_torch_does_not_always_take_the_right_pixel_on_its_size_pairs():
    # Review 45: the ties cell's comment said "torch takes the right one". On the cell's own size pairs
    # (1..39) float32 and float64 4-D images take the left pixel at some ties (6 -> 37 is one), and so do
    # float32 rows; only the float64 row the cell uses on the CPU takes the right one at every tie there.
    def left_ties(dtype, rank):
        found = []
        for n_in in (6, 14, 26):
            for n_out in (11, 23, 37):
                row = torch.arange(float(n_in), dtype=dtype).view((1,) * (rank - 1) + (n_in,))
                got = F.interpolate(row, size=(1,) * (rank - 3) + (n_out,), mode="nearest-exact").flatten().tolist()
                found += [
                    (n_in, n_out, d)
                    for d in range(n_out)
                    if (2 * d + 1) * n_in % (2 * n_out) == 0 and got[d] < (2 * d + 1) * n_in // (2 * n_out)
                ]
        return found

    # the small 4-D images run the CPU's channels-last kernel, scalar code in every CPU capability
    assert (6, 37, 18) in left_ties(torch.float32, 4) and (6, 37, 18) in left_ties(torch.float64, 4)
    assert left_ties(torch.float64, 3) == []


@pytest.mark.parametrize("channels_last", [False, True])
def test_float64_interpolating_positions_snap_up_to_a_whole_number_on_long_cpu_axes(channels_last):
    # Review 53: the formula bullets read as exact in float64, but the CPU kernels floor float32(position)
    # (guard_index_and_lambda, UpSample.h) and clamp the next pixel's weight at 0: a float64 position
    # just below a whole number reads that number, by about 1e-4 pixel on 6000-pixel axes.
    torch.set_num_threads(1)
    n_in = 6000
    ramp = torch.arange(float(n_in), dtype=torch.float64)
    for align, n_out in ((False, 6007), (True, 6009)):
        d = np.arange(n_out)
        exact = d * (n_in - 1) / (n_out - 1) if align else ((2 * d + 1) * n_in - n_out) / (2 * n_out)
        interior = (exact > 2) & (exact < n_in - 3)  # bicubic's four taps and the linear clamp stay inside
        snapped = None
        for mode, rank in (("linear", 3), ("bilinear", 4), ("trilinear", 5), ("bicubic", 4)):
            if channels_last and rank == 3:
                continue
            x = ramp.view((1,) * (rank - 1) + (-1,)).expand((1, 4) + (1,) * (rank - 3) + (n_in,))
            layout = {4: torch.channels_last, 5: torch.channels_last_3d}.get(rank) if channels_last else None
            x = x.contiguous(memory_format=layout or torch.contiguous_format)
            size = (1,) * (rank - 3) + (n_out,)
            got = F.interpolate(x, size=size, mode=mode, align_corners=align)[0, 3].flatten().numpy()[interior]
            if mode == "bicubic":
                # A ramp does not read bicubic positions back (A = -0.75), but a fraction of exactly 0
                # reads the whole pixel: so the same outputs land on whole numbers.
                assert np.array_equal(got[snapped], exact[interior][snapped].round()), (align, channels_last)
                continue
            off = got - exact[interior]
            wrong = np.flatnonzero(np.abs(off) > 1e-9)
            assert len(wrong) >= 1 and 5e-5 < np.abs(off).max() < 5e-4, (mode, align, channels_last)
            assert np.all(off[wrong] > 0) and np.array_equal(got[wrong], np.round(got[wrong])), (mode, align)
            assert snapped is None or np.array_equal(wrong, snapped), (mode, align)
            snapped = wrong


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_linear_modes_read_a_ramp_past_one_rounding_but_in_the_channels_last_kernel(dtype):
    # Review 53: on the CPU, 3-D linear and 5-D trilinear keep their weights in the input's dtype, so a
    # ramp reads their positions further off than the nearest representable value.
    # Review 63: not 5-D trilinear on channels_last_3d with more than 3 channels (the channels-last kernel).
    # Review 82: the page said 4-D bilinear rounds once "in either layout"; only its channels-last kernel does
    # (the tests had only outputs of out H + out W <= 128, which run it): 128 output rows send a contiguous
    # image with 1 or 4 channels to the generic kernel, which reads further off (3 -> 130 pixels among them).
    torch.set_num_threads(1)
    worse = {}
    for mode, rank, layout, channels, rows in (
        ("linear", 3, torch.contiguous_format, 3, 1),
        ("trilinear", 5, torch.contiguous_format, 3, 1),
        ("trilinear", 5, torch.contiguous_format, 4, 1),
        ("trilinear", 5, torch.channels_last_3d, 3, 1),
        ("trilinear", 5, torch.channels_last_3d, 4, 1),
        ("bilinear", 4, torch.contiguous_format, 3, 1),
        ("bilinear", 4, torch.channels_last, 3, 1),
        ("bilinear", 4, torch.contiguous_format, 1, 128),
        ("bilinear", 4, torch.contiguous_format, 4, 128),
        ("bilinear", 4, torch.channels_last, 4, 128),
    ):
        key = mode, layout, channels, rows
        worse[key] = 0
        shape = (1, channels) + (1,) * (rank - 3)
        for n_in, n_out, align in itertools.product(range(2, 17), range(2, 60), (False, True)):
            x = torch.arange(float(n_in)).view((1,) * (rank - 1) + (-1,)).expand(shape + (n_in,))
            x = x.to(dtype).contiguous(memory_format=layout)
            size = (1,) * (rank - 4) + (rows,) * (rank > 3) + (n_out,)
            kw = dict(size=size, mode=mode, align_corners=align)
            got = F.interpolate(x, **kw)[0, 0].flatten().double()
            exact = F.interpolate(x.double(), **kw)[0, 0].flatten()
            nearest = exact.to(dtype).double()  # one rounding of the exact position
            # 1e-5: the positions themselves are float32 (about 1e-8 off where the exact one is 0)
            worse[key] += int(((got - exact).abs() > (nearest - exact).abs() + 1e-5).sum())
    for (mode, layout, channels, rows), count in worse.items():
        channels_last_kernel = (mode == "bilinear" and rows == 1) or (
            layout != torch.contiguous_format and channels > 3
        )
        assert (count > 0) is not channels_last_kernel, (mode, layout, channels, rows, count)
    # Review 83: the page gave "4-D bilinear too, 3 -> 130 pixels" with no channel count; which kernel that
    # runs depends on channels and threads: 3 channels on one thread run the channels-last kernel, on two
    # the generic one, so the page names no such pair.
    x = torch.arange(3.0).view(1, 1, 1, 3).expand(1, 3, 1, 3)
    exact = F.interpolate(x.double(), size=(1, 130), mode="bilinear")
    further = {}
    for threads in (1, 2):
        torch.set_num_threads(threads)
        got = F.interpolate(x.to(dtype), size=(1, 130), mode="bilinear").double()
        further[threads] = bool(((got - exact).abs() > (exact.to(dtype).double() - exact).abs() + 1e-5).any())
    torch.set_num_threads(1)
    assert further == {1: False, 2: True}
    en = " ".join((ROOT_DOCS / "interpolate-coordinates.md").read_text(encoding="utf-8").split())
    zh = (ROOT_DOCS / "interpolate-coordinates.zh.md").read_text(encoding="utf-8")
    assert "4-D `bilinear`, in either layout" not in en and "3 → 130" not in en
    assert "四维 `bilinear`，无论哪种内存布局" not in zh and "3 → 130" not in zh
    assert "further off than the nearest float16 or bfloat16 value, except the channels-last kernel" in en
    assert "更远，channels-last 内核除外" in zh


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_border_copies_are_weighted_sums_so_an_inf_neighbour_or_a_negative_zero_shows(dtype):
    # Review 57: "The first copy is exact" (align_corners=True) and "border pixels copy the edge" (False)
    # hold for finite input only: the first output is x0 * 1 + x1 * 0 (bicubic: + x2 * 0), so an inf next to
    # x0 gives nan and -0.0 comes back +0.0, unless the linear modes copy an axis that keeps its size.
    # Past the last pixel the linear modes mix the edge pixel with itself: the inf before it stays out.
    def run(values, mode, rank, n_out, align):
        x = torch.tensor(values, dtype=dtype).view((1,) * (rank - 1) + (-1,))
        return F.interpolate(x, size=(1,) * (rank - 3) + (n_out,), mode=mode, align_corners=align).flatten()

    for (mode, rank), n_in, n_out in itertools.product(
        (("linear", 3), ("bilinear", 4), ("trilinear", 5), ("bicubic", 4)), range(2, 9), range(2, 21)
    ):
        base = [float(i + 1) for i in range(n_in)]
        inf_next, negative_zero = base.copy(), base.copy()
        inf_next[min(2, n_in - 1) if mode == "bicubic" else 1] = math.inf
        negative_zero[0] = -0.0
        copied = n_in == n_out and mode != "bicubic"
        first = run(inf_next, mode, rank, n_out, True)[0]
        assert first.isnan() != copied, (mode, n_in, n_out)
        first = run(negative_zero, mode, rank, n_out, True)[0]
        assert first == 0 and first.signbit() == copied, (mode, n_in, n_out)
        # Review 59: the sign comes from the neighbours' products: beside negative pixels -0.0 stays.
        below_zero = [-0.0] + [-v for v in base[1:]]
        first = run(below_zero, mode, rank, n_out, True)[0]
        assert first == 0 and first.signbit(), (mode, n_in, n_out)
        if mode == "bicubic":
            before_last = base.copy()
            before_last[-2] = math.inf
            assert run(before_last, mode, rank, n_out, True)[-1].isnan(), (n_in, n_out)
        elif n_out > n_in:  # align_corners=False clamps at both ends only when enlarging
            assert run(inf_next, mode, rank, n_out, False)[0].isnan(), (mode, n_in, n_out)
            first = run(negative_zero, mode, rank, n_out, False)[0]
            assert first == 0 and not first.signbit(), (mode, n_in, n_out)
            first = run(below_zero, mode, rank, n_out, False)[0]
            assert first == 0 and first.signbit(), (mode, n_in, n_out)
            edge = base[:-2] + [math.inf, -0.0]
            last = run(edge, mode, rank, n_out, False)[-1]
            assert last == 0 and last.signbit(), (mode, n_in, n_out)


CORNER_CASES = (("linear", 3), ("bilinear", 4), ("trilinear", 5), ("bicubic", 4))


def _corner_signs(dtype, memory_format_for, sizes):
    """(mode, align_corners, neighbour, end) -> sign bits of the −0.0 corner's output, over every size pair."""
    signs = {}
    for (mode, rank), (n_in, n_out), align in itertools.product(CORNER_CASES, sizes, (False, True)):
        if mode == "bicubic" and not align:
            continue  # align_corners=False bicubic does not clamp its position: the corner is no copy
        for neighbour in (-2.0, -0.0, 0.0, 2.0):
            x = torch.full((1, 3) + (n_in,) * (rank - 2), neighbour, dtype=dtype)
            x[(..., *(0,) * (rank - 2))] = -0.0
            x[(..., *(-1,) * (rank - 2))] = -0.0
            y = F.interpolate(
                x.contiguous(memory_format=memory_format_for(rank)), size=n_out, mode=mode, align_corners=align
            )
            for end in (0, -1):
                corner = y[(..., *(end,) * (rank - 2))]
                assert (corner == 0).all(), (mode, n_in, n_out, align, neighbour)
                signs.setdefault((mode, align, repr(neighbour), end), set()).update(corner.signbit().flatten().tolist())
    return signs


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.float16, torch.bfloat16])
@pytest.mark.parametrize("layout", ["contiguous", "channels_last"])
def test_a_negative_zero_corner_stays_only_among_negative_or_negative_zero_pixels_read_at_weight_0(dtype, layout):
    # Review 60: the page said +0.0 "when a neighbour is positive", −0.0 "when they are all negative", which
    # leaves out the most common neighbour, +0.0 (zero padding, black borders): it turns a −0.0 corner +0.0,
    # while −0.0 neighbours keep it. Enlarging only (align_corners=False clamps before pixel 0 only then).
    torch.set_num_threads(1)
    formats = {3: torch.contiguous_format, 4: torch.channels_last, 5: torch.channels_last_3d}
    signs = _corner_signs(
        dtype,
        (lambda rank: formats[rank]) if layout == "channels_last" else (lambda rank: torch.contiguous_format),
        [(n_in, n_out) for n_in in (4, 5, 7) for n_out in (8, 9, 16)],
    )
    for (mode, align, neighbour, end), got in signs.items():
        negative = neighbour in ("-2.0", "-0.0")
        # the linear modes' last corner mixes the last pixel only with itself: it stays −0.0
        stays = negative or (end == -1 and mode != "bicubic")
        assert got == {stays}, (mode, align, neighbour, end, got)
    en = " ".join((ROOT_DOCS / "interpolate-coordinates.md").read_text(encoding="utf-8").split())
    zh = (ROOT_DOCS / "interpolate-coordinates.zh.md").read_text(encoding="utf-8")
    assert (
        "neighbours mixed in at weight 0 are all negative or −0.0 stays −0.0; when they are all positive or +0.0" in en
    )
    assert "pixels read at weight 0 are all negative or −0.0 stays −0.0, and comes back +0.0 when they are all" in en
    assert "when they are all negative" not in en and "when one of them is positive" not in en
    assert (
        zh.count("全是负数或 −0.0 时仍是 −0.0，全是正数或 +0.0 时回来变成 +0.0") == 2
        and "全是负数时仍是 −0.0" not in zh
    )
    # Review 104: the page said "only when" every such pixel is negative or −0.0, "+0.0 otherwise"; with mixed signs
    # a positive pixel read only diagonally can leave the −0.0 corner at −0.0, so the page names the two uniform cases
    x = torch.tensor([[-0.0, -1.0], [-1.0, 1.0]], dtype=dtype).view(1, 1, 2, 2)
    corner = F.interpolate(x, size=(200, 200), mode="bilinear", align_corners=False)[0, 0, 0, 0]
    assert corner == 0 and torch.signbit(corner), dtype
    assert "only when every neighbour mixed in at weight 0" not in en and "时才仍是 −0.0" not in zh
    # Review 105: the zh kept the "only when" of the old claim as 只有在 … 时仍是 −0.0 after review 104 dropped it in en
    assert "只有在以权重 0" not in zh


def test_an_inf_corner_itself_turns_nan_in_bicubic_and_an_inf_last_pixel_can_in_the_linear_modes():
    # Review 60: the page named only the next pixels as read at weight 0 by the align_corners=True copies.
    # bicubic also reads pixel 0 again (position −1 clamped onto it), so an inf corner comes back nan, and
    # the last output, where its position is exactly in − 1, reads the last pixel twice.
    # Review 63: bicubic reads it three times there (taps in − 1, in, in + 1 clamped onto it, compute_indices_weights_cubic),
    # so the page says "at weight 1 and again at weight 0", true of both.
    torch.set_num_threads(1)
    last_nan, last_inf = {}, {}
    for (mode, rank), n_in, n_out, dtype in itertools.product(
        CORNER_CASES, range(2, 8), range(2, 24), (torch.float32, torch.float64)
    ):
        y = {}
        for end in (0, -1):  # an inf in one corner pixel only, every axis resized
            x = torch.arange(1.0, n_in + 1, dtype=dtype).expand((1, 1) + (n_in,) * (rank - 2)).clone()
            x[(..., *(end,) * (rank - 2))] = math.inf
            y[end] = F.interpolate(x, size=n_out, mode=mode, align_corners=True)[(..., *(end,) * (rank - 2))].flatten()
        if n_out == n_in and mode != "bicubic":
            # the CPU's copy of a kept axis reads each pixel twice (weights 1 and 0): an inf pixel turns nan there
            assert y[0].isnan() and y[-1].isnan(), (mode, n_in)
            continue
        assert y[0].isnan() == (mode == "bicubic") and (y[0].isposinf() or mode == "bicubic"), (mode, n_in, n_out)
        last_nan[mode] = last_nan.get(mode, 0) + bool(y[-1].isnan())
        last_inf[mode] = last_inf.get(mode, 0) + bool(y[-1].isposinf())
    for mode, _ in CORNER_CASES:  # "can": only where the rounded step lands the position on in − 1
        assert last_nan[mode] > 0 and last_inf[mode] > 0, (mode, last_nan, last_inf)
    en = " ".join((ROOT_DOCS / "interpolate-coordinates.md").read_text(encoding="utf-8").split())
    zh = (ROOT_DOCS / "interpolate-coordinates.zh.md").read_text(encoding="utf-8")
    assert "so that an `inf` corner turns `nan` too" in en and "值为 `inf` 的角点也会变成 `nan`" in zh
    assert "reads the last pixel at weight 1 and again at weight 0" in en and "又以权重 0 再读一次" in zh
    assert "read each pixel twice instead of its neighbour" in en and "每个像素都读两次" in zh


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_cuda_bicubic_copies_when_every_axis_keeps_its_size_so_an_inf_corner_stays():
    # Review 60: the page listed only the linear modes among CUDA's kernels that copy; UpSampleBicubic2d.cu
    # copies the input too when height and width both keep their size, even with align_corners=True.
    x = torch.arange(1.0, 26.0, device="cuda").view(1, 1, 5, 5)
    x[..., 0, 0] = x[..., 0, 1] = math.inf
    kept = F.interpolate(x, size=(5, 5), mode="bicubic", align_corners=True)
    assert kept[..., 0, 0].isposinf().all() and kept[..., 0, 1].isposinf().all()
    assert F.interpolate(x, size=(5, 9), mode="bicubic", align_corners=True)[..., 0, 0].isnan().all()
    en = " ".join((ROOT_DOCS / "interpolate-coordinates.md").read_text(encoding="utf-8").split())
    assert "CUDA's linear modes and `bicubic` copy the input instead, but only when every axis keeps its size" in en


def test_uint8_one_pixel_antialiased_bicubic_is_the_formula_clamped_once_only_where_the_other_axis_keeps_its_size():
    """Round 60: the glossary's note on uint8 clamping moved here. An output of one pixel per axis from two or more
    input pixels takes 1.125 * x0 - 0.125 * x1 (align_corners=True, antialiased bicubic): on uint8 it is clamped, and
    where the other axis changes too, clamped between the width and height passes as well."""
    gen = torch.Generator().manual_seed(0)
    for h, w in itertools.product(range(2, 6), range(2, 8)):
        worst = {}
        for out in ((h, 1), (1, w)):
            miss = 0
            for _ in range(60):
                x = torch.randint(0, 256, (1, 1, h, w), dtype=torch.uint8, generator=gen)
                kwargs = dict(size=out, mode="bicubic", antialias=True, align_corners=True)
                once = F.interpolate(x.double(), **kwargs).round().clamp(0, 255)
                miss = max(miss, (F.interpolate(x, **kwargs).double() - once).abs().max().item())
            worst[out] = miss
        assert worst[h, 1] <= 1 and worst[1, w] <= 1, (h, w, worst)
    # Where both axes change, the clamp between the passes bites only on some inputs: one found by search.
    x = torch.tensor([[[[76, 16, 67, 214], [255, 24, 133, 212]]]], dtype=torch.uint8)
    kwargs = dict(size=(1, 1), mode="bicubic", antialias=True, align_corners=True)
    once = F.interpolate(x.double(), **kwargs).round().clamp(0, 255).item()
    assert abs(F.interpolate(x, **kwargs).item() - once) >= 3
    for page, phrase in (
        ("interpolate-coordinates.md", "clamped between the two passes as well"),
        ("interpolate-coordinates.zh.md", "两遍计算之间还会再截断一次"),
    ):
        assert phrase in (ROOT_DOCS / page).read_text(encoding="utf-8"), page


def test_the_corner_bullets_name_the_floating_point_dtypes_the_linear_modes_and_bicubic_take():
    # Review 64: "Both bullets hold for floating-point input" named no dtypes; these modes take float16, bfloat16,
    # float32 and float64 and refuse float8 and complex, so the page names the four.
    en = " ".join((ROOT_DOCS / "interpolate-coordinates.md").read_text(encoding="utf-8").split())
    zh = (ROOT_DOCS / "interpolate-coordinates.zh.md").read_text(encoding="utf-8")
    assert "Both bullets hold for floating-point input (float16, bfloat16, float32 and float64;" in en
    assert "上面两条都是对浮点输入而言（float16、bfloat16、float32 和 float64；" in zh
    # Review 109: the page added "the floating-point dtypes these modes take: they refuse float8 and complex"; with
    # antialias and every size kept, bilinear, bicubic and lanczos take both and return a copy, so it names the four.
    assert "they refuse float8 and complex" not in en and "float8 和复数都会被拒绝" not in zh
    for mode, dtype in itertools.product(
        ("bilinear", "bicubic", "lanczos"), (torch.float8_e4m3fn, torch.float8_e5m2, torch.complex64, torch.complex128)
    ):
        x = torch.randn(1, 2, 4, 5, dtype=torch.float64).to(dtype)
        assert torch.equal(
            F.interpolate(x, size=(4, 5), mode=mode, antialias=True).view(torch.uint8), x.view(torch.uint8)
        )
    for mode, rank in (("linear", 3), ("bilinear", 4), ("bicubic", 4), ("trilinear", 5)):
        for dtype in (torch.float8_e4m3fn, torch.float8_e5m2, torch.complex64, torch.complex128):
            with pytest.raises((RuntimeError, NotImplementedError)):
                F.interpolate(torch.ones((1, 1) + (4,) * (rank - 2)).to(dtype), scale_factor=2, mode=mode)
        for dtype in (torch.float16, torch.bfloat16, torch.float32, torch.float64):
            x = torch.randn((1, 2) + (5,) * (rank - 2)).to(dtype)
            y = F.interpolate(x, size=(9,) * (rank - 2), mode=mode, align_corners=True)
            first = (0,) * (rank - 2)
            assert torch.equal(y[(0, 0) + first], x[(0, 0) + first]), (mode, dtype)  # the first corner is a copy
    # Review 66: "with antialias" read for all four dtypes, but the CPU's antialiased kernels refuse float16 and
    # bfloat16 (NotImplementedError, from compute_index_ranges_weights), in 4-D, the only rank antialias takes.
    assert "with `antialias`, where they say so, and on the CPU in float32 and float64 only" in en
    assert "在 CPU 上只限 float32 和 float64，因为只要有一个轴的尺寸改变，CPU 的抗混叠内核就不接受" in zh
    # Review 67: not always: with every size kept they skip both axes and return a copy, in either layout.
    assert "refuse float16 and bfloat16 wherever an axis changes size (with every size kept they return a copy)" in en
    assert "（所有尺寸都不变时返回输入的副本）" in zh
    for mode, dtype, layout in itertools.product(
        ("bilinear", "bicubic"), (torch.float16, torch.bfloat16), (torch.contiguous_format, torch.channels_last)
    ):
        x = torch.randn(1, 3, 4, 5, generator=torch.Generator().manual_seed(6)).to(dtype).clone(memory_format=layout)
        # Review 69: every output size up to 6x7 (one axis changing or both), and an empty batch too.
        for size in itertools.product(range(1, 7), range(1, 8)):
            if size != (4, 5):
                for batch in (x, x[:0]):
                    with pytest.raises(NotImplementedError):
                        F.interpolate(batch, size=size, mode=mode, antialias=True)
        # a kept size given as a factor (4 x 1.1 and 5 x 1.1 floor to 4 and 5) is copied too: a new tensor
        for align_corners, kept in itertools.product((False, True), ({"size": (4, 5)}, {"scale_factor": 1.1})):
            y = F.interpolate(x, mode=mode, antialias=True, align_corners=align_corners, **kept)
            assert torch.equal(y, x) and y.data_ptr() != x.data_ptr(), (mode, dtype, layout, kept)
    for mode, dtype in itertools.product(("bilinear", "bicubic"), (torch.float32, torch.float64)):
        x = torch.randn(1, 2, 5, 5, dtype=dtype, generator=torch.Generator().manual_seed(5))
        y = F.interpolate(x, size=(9, 9), mode=mode, antialias=True)
        assert y.dtype == dtype and y.isfinite().all(), (mode, dtype)


@pytest.mark.parametrize("rank", [4, 5])
def test_scale_factor_steps_comment_names_the_cells_kernels_not_every_nearest_kernel(rank):
    # Review 106: the scale_factor_steps comment said "the nearest kernels step by 1/scale_factor", with only the
    # small 4-D output as an exception; channels_last (4-D) and channels_last_3d (5-D) input with more than 3
    # channels runs the CPU's channels-last kernel at any output size, and it copies an axis that keeps its size.
    n, factor = 70, 1.005  # 70 pixels keep their size; 1/1.005 steps would repeat pixel 0 and drop pixel 69
    layout = torch.channels_last if rank == 4 else torch.channels_last_3d
    x = torch.arange(float(n)).view((1, 1) + (1,) * (rank - 3) + (n,)).expand((1, 4) + (n,) * (rank - 2))
    x = x.clone(memory_format=layout)
    scale = (factor,) * (rank - 2)
    copied = F.interpolate(x, scale_factor=scale, mode="nearest")
    assert copied.shape == x.shape and torch.equal(copied, x)
    stepped = F.interpolate(x.contiguous(), scale_factor=scale, mode="nearest")
    assert stepped.shape == x.shape and not torch.equal(stepped, x)
    source = (ROOT_DOCS.parent / "examples" / "interpolate_coordinates.py").read_text(encoding="utf-8")
    assert "this cell's 3-D and 5-D nearest kernels step by 1/scale_factor" in source
    assert "the nearest kernels step by 1/scale_factor, not by in/out" not in source


def test_shrinking_picks_comment_names_pixel_k_over_2_as_even_blocks_have_no_middle_one():
    # Review 108: the shrinking_picks comment said nearest-exact takes "the middle one"; the cell's 12 -> 3 and
    # 12 -> 6 are even k (4, 2), whose blocks have two middle pixels: it takes pixel k // 2, the second of them.
    x = torch.arange(12.0).view(1, 1, -1)
    for n_out in (3, 4, 6):
        k = 12 // n_out
        picks = F.interpolate(x, size=n_out, mode="nearest-exact")[0, 0] - torch.arange(n_out) * k
        assert torch.equal(picks, torch.full((n_out,), float(k // 2)))
        assert (k % 2 == 0) == (k // 2 != (k - 1) / 2)  # even k: pixel k // 2 is not the block's centre
    source = (ROOT_DOCS.parent / "examples" / "interpolate_coordinates.py").read_text(encoding="utf-8")
    assert "nearest-exact the middle one" not in source and "nearest-exact pixel k // 2." in source


def test_the_figure_caption_says_the_area_row_draws_bars_and_lines_to_their_middle(ns):
    # Review r132-2: the caption said 'The same positions drawn' and 'each line joins an output pixel's centre to
    # the point torch sampled'; the figure has a fifth row, area, which samples no point: a bar marks the pixels
    # each output averages and the line ends at the bar's middle, with no dot. Read off what is drawn.
    assert list(ns["rows"]) == [*ns["settings"], "area"]
    assert_pages_say(
        ("interpolate-coordinates.md", "The same positions drawn, with a fifth row for `area`."),
        (
            "interpolate-coordinates.md",
            "except in the `area` row, which samples no point: there a bar marks the input pixels that"
            " the output pixel averages, and the line ends at the middle of that bar.",
        ),
        ("interpolate-coordinates.zh.md", "把同样的位置画出来，另加一行 `area`。"),
        (
            "interpolate-coordinates.zh.md",
            "`area` 那一行例外，它不在某个位置采样：横条标出这个输出像素求平均的那些输入像素，线连到横条的中点。",
        ),
    )
    for column, (n_in, n_out) in enumerate(((5, 8), (8, 5))):
        for row, (name, (mode, align)) in enumerate(ns["rows"].items()):
            lines = ns["axes"][row, column].get_lines()
            thin = [line for line in lines if line.get_linewidth() < 2 and line.get_marker() in ("None", "", None)]
            dots = [line for line in lines if line.get_marker() == "o"]
            bars = [line for line in lines if line.get_linewidth() >= 2]
            assert len(thin) == n_out, (name, n_in, n_out)
            if mode == "area":
                weights = ns["area_weights"](n_in, n_out)
                assert not dots and len(bars) == n_out
                for d, (line, bar) in enumerate(zip(thin, bars)):
                    used = np.flatnonzero(weights[d])
                    np.testing.assert_allclose(bar.get_xdata(), [used[0] - 0.45, used[-1] + 0.45])
                    assert line.get_xdata()[1] == pytest.approx((used[0] + used[-1]) / 2)  # the middle of the bar
                    assert line.get_ydata()[1] == bar.get_ydata()[0]
            else:
                sampled = ns["sampled"](n_in, n_out, mode, align)
                assert not bars and len(dots) == n_out
                for line, dot, p in zip(thin, dots, sampled):
                    assert line.get_xdata()[1] == pytest.approx(p) == dot.get_xdata()[0]


def test_the_pointers_into_the_float32_rounding_cell_land_on_the_lines_they_name():
    # Review r132-2 (UNTESTED): the page points at the float32_rounding cell's lines: 'the 47-row line' (float64
    # 4-D exact again), 'the line "whole factors up to 100"', and 'The last lines of the cell find the first size
    # where the centre ... lies exactly on the border' (the nearest-exact tie and the four picks after it).
    lines = cell_outputs("interpolate_coordinates.py")["float32_rounding"].splitlines()
    tall = [line for line in lines if "47 rows" in line]
    assert tall == ["  float64, 4-D, 47 rows: copies of each input pixel [41, 41]"]
    assert lines[lines.index(tall[0]) + 1].startswith("whole factors up to 100 that copy unevenly: [41, ")
    tie = next(i for i, line in enumerate(lines) if line.startswith("nearest-exact, "))
    assert "is a tie" in lines[tie] and len(lines) == tie + 5  # the tie line and its four picks close the cell
    assert all("torch picked input pixel" in line for line in lines[tie + 1 :])
    assert_pages_say(
        ("interpolate-coordinates.md", "(the 47-row line)"),
        ("interpolate-coordinates.md", 'the line "whole factors up to 100" lists those'),
        (
            "interpolate-coordinates.md",
            "The last lines of the cell find the first size where the centre of an output pixel",
        ),
        ("interpolate-coordinates.zh.md", "见 47 行的那一行"),
        ("interpolate-coordinates.zh.md", "以“100 以内复制得不均匀的整数倍数”开头的那一行"),
        ("interpolate-coordinates.zh.md", "单元格最后几行找出第一个这样的尺寸"),
    )


def page_sections(page):
    """(slug, heading, body) of each heading of a page, slugs as mkdocs.yml's toc makes them."""
    from pymdownx.slugs import slugify

    slug = slugify(case="lower")
    text = (ROOT_DOCS / page).read_text(encoding="utf-8")
    parts = re.split(r"^(#{1,6} .*)$", text, flags=re.M)
    sections = []
    for heading, body in zip(parts[1::2], parts[2::2]):
        title = heading.lstrip("#").strip()
        explicit = re.search(r"\{#([^}]+)\}\s*$", title)
        title = re.sub(r"\s*\{#[^}]+\}\s*$", "", title)
        sections.append((explicit.group(1) if explicit else slug(title, "-"), title, body))
    return text, sections


@pytest.mark.parametrize(
    "page, bullet_start, ties_words",
    [
        ("interpolate-coordinates.md", "- **`nearest-exact`: src", "The ties of `nearest-exact` round the same way."),
        ("interpolate-coordinates.zh.md", "- **`nearest-exact`：src", "`nearest-exact` 的平局也会这样舍入。"),
    ],
)
def test_the_nearest_exact_bullet_points_at_the_section_that_shows_its_ties_rounding_to_the_left(
    page, bullet_start, ties_words
):
    # Review r133-2 (WRONG): the nearest-exact bullet, in the first section, said a tie computed in single
    # precision can take the left-hand pixel '(see the next section)' (zh 见下一节); the next section is 'The
    # formulas, checked on many sizes', which shows no tie; the ties that go left are in 'Single precision in the
    # nearest modes', two sections down. Every pointer of the bullet (the next section, an in-page link) must land
    # on the section that holds them, and a link must name an existing heading.
    text, sections = page_sections(page)
    start = text.index(bullet_start)
    bullet = text[start : text.index("\n- **", start + 1)]
    here = max(i for i, (_, heading, _) in enumerate(sections) if text.index(heading) < start)
    targets = [sections[here + 1]] if ("next section" in bullet or "下一节" in bullet) else []
    slugs = {slug: i for i, (slug, _, _) in enumerate(sections)}
    for anchor in re.findall(r"\]\(#([^)]+)\)", bullet):
        assert anchor in slugs, anchor
        targets.append(sections[slugs[anchor]])
    assert targets, "the bullet no longer points at the section with the ties"
    for slug, heading, body in targets:
        if "Ties" in heading or "平局" in heading:
            continue  # the bullet's other pointer: which pixel each library takes at a tie
        assert ties_words in body, heading
    assert any(ties_words in body for _, _, body in targets)
    # The ties that go left are really there: the float32 4-D kernel takes pixel 0 at 2 -> 41's tie.
    lines = cell_outputs("interpolate_coordinates.py")["float32_rounding"].splitlines()
    assert "  float32, 4-D: torch picked input pixel 0" in lines


def test_the_sizes_table_shows_the_copy_cases_of_the_nearest_kernels_and_the_cell_below_tries_the_doubling():
    # Review r133-2 (MISLEADING): after naming two special cases of the nearest kernels, copying an axis that
    # keeps its size and doubling (CPU channels-last kernel; never on CUDA), the page said 'The table on Output
    # size pitfalls shows each case' (zh 各种情况的对照表见输出尺寸的坑). That table (copy_cases) has a column for
    # every axis kept and one for the last axis kept, and no doubling anywhere: it shows the copy case for each
    # nearest kernel and layout the paragraph names, and the doubling is tried only by the x2.1 lines of this
    # page's scale_factor_steps cell.
    table = cell_outputs("interpolate_sizes.py")["copy_cases"].splitlines()
    header = table[0]
    assert "kept" in header and "doubl" not in header.lower() and "2 ·" not in header and "×2" not in header
    nearest_rows = [line for line in table if line.startswith("| `nearest` |")]
    inputs = sorted(line.split(" | ")[1].split(",")[0] + " " + line.split(" | ")[2] for line in nearest_rows)
    # 3-D rows, 4-D small and large contiguous, 4-D channels_last, 5-D contiguous and channels_last_3d
    assert inputs == sorted(
        [
            "3-D contiguous",
            "4-D contiguous",
            "4-D contiguous",
            "4-D channels_last",
            "5-D contiguous",
            "5-D channels_last",
        ]
    )
    steps = cell_outputs("interpolate_coordinates.py")["scale_factor_steps"].splitlines()
    assert [line.split(" nearest")[0] for line in steps if line.startswith("5 x2.1")] == [
        "5 x2.1, 3-D",
        "5 x2.1, 4-D",
        "5 x2.1, 5-D",
    ]
    en = " ".join((ROOT_DOCS / "interpolate-coordinates.md").read_text(encoding="utf-8").split())
    zh = (ROOT_DOCS / "interpolate-coordinates.zh.md").read_text(encoding="utf-8")
    assert "shows each case" not in en and "各种情况的对照表" not in zh
    assert_pages_say(
        (
            "interpolate-coordinates.md",
            "shows which of these kernels copy an axis that keeps its size; it has no doubling case, which the ×2.1"
            " lines of the cell below try.",
        ),
        (
            "interpolate-coordinates.zh.md",
            "表里没有加倍的情况，下面单元格里 ×2.1 的几行试的就是它。",
        ),
    )


def test_the_47_row_comment_limits_the_size_rule_to_its_contiguous_image():
    # Review r137-2 (MISLEADING): the float32_rounding cell's comment said "The 4-D CPU kernel depends on the output
    # size: 47 rows high, out H + out W = 47 + 82 > 128", the page's rule without its limit "unless it is
    # channels_last with more than 3 channels, which runs the channels-last kernel at every size". Float64, 2 pixels
    # to 82: the contiguous image (1 or 4 channels) and a channels_last one with 3 channels copy evenly at 47 rows and
    # not at 10; channels_last with 4 to 6 channels copies pixel 0 42 times at both heights.
    def copies(channels, layout, rows):
        image = torch.arange(2.0, dtype=torch.float64).expand(1, channels, rows, 2).contiguous(memory_format=layout)
        return torch.bincount(F.interpolate(image, size=(rows, 82), mode="nearest")[0, 0, 0].long()).tolist()

    for channels, layout in ((1, torch.contiguous_format), (4, torch.contiguous_format), (3, torch.channels_last)):
        assert copies(channels, layout, 47) == [41, 41] and copies(channels, layout, 10) == [42, 40], (channels, layout)
    for channels in (4, 5, 6):
        assert copies(channels, torch.channels_last, 47) == copies(channels, torch.channels_last, 10) == [42, 40]
    source = (ROOT / "examples" / "interpolate_coordinates.py").read_text(encoding="utf-8")
    assert "# On this contiguous image the 4-D CPU kernel depends on the output size (channels_last with more" in source
    assert "# The 4-D CPU kernel depends on the output size" not in source


def test_the_formulas_comment_says_the_linear_positions_are_rounded_once(ns):
    # Review r137-2 (WRONG): the formulas_checked cell's comment said the formulas take in/out "exact (fractions, no
    # rounding)"; the nearest picks and the area window bounds are integer arithmetic, but the two linear positions
    # are float64 expressions, (d + 0.5) * in / out - 0.5 and d * (in - 1) / (out - 1), rounded once (on the cell's
    # pairs up to half a float64 step, about 8.5e-16, from the exact fraction), and so are the area weights 1/n.
    from fractions import Fraction

    worst = {}
    for name, exact in (
        (
            "align_corners=False: (d+0.5)·in/out − 0.5",
            lambda d, i, o: min(max(Fraction(2 * d + 1, 2 * o) * i - Fraction(1, 2), 0), i - 1),
        ),
        ("align_corners=True: d·(in−1)/(out−1)", lambda d, i, o: Fraction(d * (i - 1), max(o - 1, 1))),
    ):
        formula = ns["checks"][name][0]
        worst[name] = max(
            abs(Fraction(float(value)) - exact(d, i, o))
            for i, o in ns["pairs"]
            for d, value in enumerate(formula(i, o))
        )
        assert 0 < worst[name] < Fraction(1, 2**50), name
    for name in ("nearest: floor(d·in/out)", "nearest-exact: floor((d+0.5)·in/out)"):
        formula = ns["checks"][name][0]
        for i, o in ns["pairs"]:
            assert formula(i, o).dtype.kind == "i", name
    area = ns["checks"]["area: mean of [floor(d·in/out), ceil((d+1)·in/out))"][0]
    assert any(
        Fraction(float(w)) != Fraction(1, int((row > 0).sum()))
        for i, o in ns["pairs"]
        for row in area(i, o)
        for w in row[row > 0]
    )
    source = (ROOT / "examples" / "interpolate_coordinates.py").read_text(encoding="utf-8")
    assert (
        "the nearest picks and the area window bounds in integer\n# arithmetic, the linear positions and the area weights 1/n rounded once, to float64)"
        in source
    )
    assert "(fractions, no rounding)" not in source


_SIZES = "size-and-scale_factor-sample-different-points"
_SIZES_ZH = "size-和-scale_factor-的采样点不一样"


@pytest.mark.parametrize(
    "page, before, target, anchor, said",
    [
        (
            "interpolate-coordinates.md",
            "and its antialiased kernels never, see",
            "interpolate-sizes.md",
            _SIZES,
            "UpSampleBilinear2d.cu",
        ),
        (
            "interpolate-coordinates.md",
            "2×2 to 7×7; see",
            "upsample.md",
            "which-settings-keep-the-corner-values",
            "7×7",
        ),
        (
            "interpolate-coordinates.md",
            "With `antialias` the formula gives the centre",
            "interpolate-support.md",
            "what-antialiastrue-computes",
            "stretch",
        ),
        (
            "interpolate-coordinates.md",
            "with either setting; see",
            "upsample.md",
            "which-settings-keep-the-corner-values",
            "4×1 enlarged to 8×1",
        ),
        (
            "interpolate-coordinates.md",
            "which some kernels copy instead: see",
            "interpolate-sizes.md",
            _SIZES,
            "UpSampleBilinear2d.cu",
        ),
        (
            "interpolate-coordinates.md",
            "when the CPU runs its channels-last kernel, see",
            "interpolate-sizes.md",
            _SIZES,
            "out H + out W ≤ 128",
        ),
        (
            "interpolate-coordinates.md",
            "is exact by construction",
            "interpolate-equivalences.md",
            "nearest-by-a-whole-factor-is-repeat_interleave",
            "repeat_interleave(k)",
        ),
        (
            "interpolate-coordinates.md",
            "within single-precision rounding of them",
            "interpolate-sizes.md",
            "non-integer-scales-with-nearest",
            "2.000000001",
        ),
        (
            "interpolate-coordinates.md",
            "table on [Output size pitfalls]",
            "interpolate-sizes.md",
            _SIZES,
            "interpolate_sizes.py#copy_cases output=markdown",
        ),
        (
            "interpolate-coordinates.zh.md",
            "开启抗混叠的内核从不复制，见",
            "interpolate-sizes.zh.md",
            _SIZES_ZH,
            "UpSampleBilinear2d.cu",
        ),
        ("interpolate-coordinates.zh.md", "2×2 → 7×7；见", "upsample.zh.md", "哪些设置能保住角上的值", "7×7"),
        (
            "interpolate-coordinates.zh.md",
            "缩小时窗口会被拉宽",
            "interpolate-support.zh.md",
            "antialiastrue-算的是什么",
            "拉宽",
        ),
        ("interpolate-coordinates.zh.md", "两种设置都是如此；见", "upsample.zh.md", "哪些设置能保住角上的值", "8×1"),
        (
            "interpolate-coordinates.zh.md",
            "有些内核会直接复制它，见",
            "interpolate-sizes.zh.md",
            _SIZES_ZH,
            "UpSampleBilinear2d.cu",
        ),
        ("interpolate-coordinates.zh.md", "channels-last 内核，见", "interpolate-sizes.zh.md", _SIZES_ZH, "128"),
        (
            "interpolate-coordinates.zh.md",
            "从构造上就是精确的",
            "interpolate-equivalences.zh.md",
            "整数倍放大的-nearest-就是-repeat_interleave",
            "repeat_interleave(k)",
        ),
        (
            "interpolate-coordinates.zh.md",
            "只差单精度舍入那么一点",
            "interpolate-sizes.zh.md",
            "nearest-遇到非整数缩放因子",
            "2.000000001",
        ),
        (
            "interpolate-coordinates.zh.md",
            "哪些内核会复制尺寸不变的轴，见",
            "interpolate-sizes.zh.md",
            _SIZES_ZH,
            "interpolate_sizes.py#copy_cases output=markdown",
        ),
        (
            "interpolate-coordinates.md",
            "are true away from ties and rounding only",
            "other-libraries.md",
            "nearest-neighbour-nearest-nearest-exact-and-ties",
            "Away from the boundaries all four follow torch's rule",
        ),
        (
            "interpolate-coordinates.zh.md",
            "不涉及取整差异的地方成立",
            "other-libraries.zh.md",
            "最近邻nearestnearest-exact-与平局",
            "13623",
        ),
        (
            "interpolate-coordinates.md",
            "starts at −0.072, not −0.093); its weights",
            "interpolate-bicubic.md",
            "the-coefficient-a-read-from-torch",
            "(A + 2)|t|³ − (A + 3)|t|² + 1",
        ),
        (
            "interpolate-coordinates.zh.md",
            "第一个值是 −0.072，而不是 −0.093）；权重见",
            "interpolate-bicubic.zh.md",
            "从-torch-中读出系数-a",
            "(A + 2)|t|³ − (A + 3)|t|² + 1",
        ),
    ],
)
def test_the_pointers_to_other_pages_land_on_the_section_that_states_the_thing(page, before, target, anchor, said):
    # Review r139-2: nine pointers of this page (to Output size pitfalls for the kernels that copy a kept axis, the
    # out H + out W <= 128 kernel, the scale just above a whole number and the copy table; to How nn.Upsample works for
    # the corner that overflows at 2x2 -> 7x7 and the lost corner at 4x1 -> 8x1; to Which modes work where for the
    # window antialias stretches; to Equivalent calls for repeat_interleave) landed on the top of the page. And
    # "matches Pillow ... true away from ties and rounding only; the [comparison with other libraries](other-libraries.md)
    # shows it" landed on that page's top, not its nearest-neighbour section that states it.
    # Review r140-2: "its weights are on [Bicubic and overshoot](interpolate-bicubic.md)" (bicubic's taps) landed on
    # that page's top, which names the kernel but not its weights; the section The coefficient A gives them.
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    near = text[text.index(before) - 60 : text.index(before) + 220]
    link = re.search(r"\]\(" + re.escape(target.replace(".zh.md", ".md")) + r"(#[^)]*)?\)", near)
    assert link and link.group(1) == f"#{anchor}", (page, before, link and link.group(0))
    assert said in docs_section(target, anchor), (target, anchor, said)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("mode,rank", [("linear", 3), ("bilinear", 4)])
@pytest.mark.parametrize("align_corners", [False, True])
def test_the_linear_formulas_hold_in_float32_as_in_float64_up_to_one_rounding_step_per_pixel(
    dtype, mode, rank, align_corners
):
    # Review r139-2: the page says "The tests of this page check more: float32 and float64 inputs, 1-D and 2-D"; the
    # half-pixel and corner formulas were checked on float64 ramps only. Here both dtypes, with a bound of one
    # rounding step of the dtype per input pixel (float32 lands within 0.75 of it on these pairs).
    assert_pages_say(
        ("interpolate-coordinates.md", "The tests of this page check more: float32 and float64 inputs, 1-D and 2-D,"),
        ("interpolate-coordinates.zh.md", "本页的测试检查得更多：float32 和 float64 输入、一维和二维、"),
    )
    eps = torch.finfo(dtype).eps
    for n_in, n_out in PAIRS:
        if align_corners and n_out == 1:
            continue
        d = torch.arange(n_out, dtype=torch.float64)
        if align_corners:
            expected = d * (n_in - 1) / (n_out - 1)
        else:
            expected = ((d + 0.5) * n_in / n_out - 0.5).clamp(0, n_in - 1)
        got = ramp_positions(n_in, n_out, mode, align_corners, dtype=dtype, rank=rank)
        assert (got - expected).abs().max() <= n_in * eps, (n_in, n_out)
