"""The claims of docs/aliasing*.md, asserted on the values its example computes."""

import itertools
import math
import re
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F

from helpers import (
    ROOT,
    assert_pages_say,
    assert_uint8_odd_factor_slicing_breaks_off_channels_last_above_4_channels,
    docstring_of,
    printed_by,
    run_example,
    run_python,
)

ALIASED = ["x[..., ::k, ::k]", "nearest", "nearest-exact", "bicubic"]
# every floating-point and complex dtype of this torch but float16, bfloat16, float32 and float64
OTHER_FLOATING_DTYPES = sorted(
    {
        dtype
        for dtype in vars(torch).values()
        if isinstance(dtype, torch.dtype) and (dtype.is_floating_point or dtype.is_complex)
    }
    - {torch.float16, torch.bfloat16, torch.float32, torch.float64},
    key=str,
)
assert torch.float4_e2m1fn_x2 in OTHER_FLOATING_DTYPES and torch.bcomplex32 in OTHER_FLOATING_DTYPES


@pytest.fixture(scope="module")
def ns():
    return run_example("aliasing.py")


def lanczos_on_cpu():
    try:
        F.interpolate(torch.ones(1, 1, 8, 8), scale_factor=0.5, mode="lanczos", antialias=True)
        return True
    except (ValueError, RuntimeError, NotImplementedError):
        return False


def test_method_list_and_lanczos_detection(ns):
    assert ("lanczos, antialias" in ns["methods"]) == ns["lanczos_works"](ns["device"])
    assert len(ns["methods"]) == 13 + ns["lanczos_works"](ns["device"])


@pytest.mark.skipif(not lanczos_on_cpu(), reason="this torch has no lanczos mode")
def test_lanczos_needs_antialias_and_is_cpu_only():
    with pytest.raises(ValueError, match="antialias"):
        F.interpolate(torch.ones(1, 1, 8, 8), scale_factor=0.5, mode="lanczos")
    assert "`lanczos` (4D-only, CPU only)" in F.interpolate.__doc__


@pytest.mark.parametrize("k", range(2, 13))
def test_adaptive_pools_equal_fixed_pools_when_the_size_divides(k):
    # max: bit for bit at every k; average: bit for bit at powers of two, float rounding otherwise.
    # Negative values, odd output sizes, both memory formats.
    x = torch.randn(2, 3, 7 * k, 5 * k, generator=torch.Generator().manual_seed(k))
    for y in (x, x.contiguous(memory_format=torch.channels_last)):
        assert torch.equal(F.adaptive_max_pool2d(y, (7, 5)), F.max_pool2d(y, k))
        adaptive, fixed = F.adaptive_avg_pool2d(y, (7, 5)), F.avg_pool2d(y, k)
        torch.testing.assert_close(adaptive, fixed, atol=1e-6, rtol=1e-6)
    power_of_two = k & (k - 1) == 0
    assert torch.equal(F.adaptive_avg_pool2d(x, (7, 5)), F.avg_pool2d(x, k)) == power_of_two


def test_the_methods_cells_comment_limits_powers_of_two_to_the_average_pool(ns):
    # Review 107: the shown cell's comment said "The adaptive pools are the same operation ... Bit for bit (on this
    # contiguous float32 input) only at powers of two", which takes in the max pool; the cell itself prints
    # AdaptiveMaxPool2d == MaxPool2d bit for bit at 3 and 6 as well (as the page says: at every k).
    x = ns["x"]
    for k in (3, 6):
        assert torch.equal(F.adaptive_max_pool2d(x, 48 // k), F.max_pool2d(x, k)), k
    cell = (ROOT / "examples" / "aliasing.py").read_text(encoding="utf-8").split("# %% methods")[1].split("# %%")[0]
    comment = " ".join(line.lstrip("# ") for line in cell.splitlines() if line.startswith("#"))
    assert "The average one is bit for bit (on this contiguous float32 input) only at powers of two" in comment
    assert "divides by k. Bit for bit" not in comment


def test_page_factors_are_the_exact_ones(ns):
    gap = ns["adaptive_gap"]
    assert all(gap[k] == 0 for k in (2, 4, 8)) and all(0 <= gap[k] < 1e-6 for k in (3, 6))
    if ns["device"].type == "cpu":
        assert gap[3] > 0 and gap[6] > 0


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "area"])
def test_antialias_is_refused_for_nearest_and_area(mode):
    with pytest.raises(ValueError, match="Anti-alias"):
        F.interpolate(torch.ones(1, 1, 8, 8), scale_factor=0.5, mode=mode, antialias=True)


def test_zone_plate_local_frequency_is_the_phase_gradient_and_below_the_limit(ns):
    # Independent of the example's formula: differentiate the phase numerically.
    R, size = ns["R"], ns["size"]
    x = torch.linspace(-size / 2, size / 2, 1001, dtype=torch.float64)
    for y in (0.0, 37.5, -120.5):
        phase = math.pi * (x**2 + y**2) / (2 * R)
        fx = torch.gradient(phase, spacing=(x,))[0] / (2 * math.pi)
        torch.testing.assert_close(fx[1:-1], ns["local_frequency"](x)[1:-1], atol=1e-6, rtol=0)
    edge = ns["coords"].abs().max()
    assert 0.49 < ns["local_frequency"](edge) < 0.5  # close to, but inside, the input's limit
    # the radial frequency in the corners is above 0.5: the band that matters is a square
    assert ns["corner_radial"] > 0.7
    assert ns["zone_plate"].min() >= 0 and ns["zone_plate"].max() <= 1


def test_zone_plate_figures_one_per_factor(ns):
    assert ns["factors"] == (2, 4, 8)
    for k in ns["factors"]:
        for name in ns["methods"]:
            assert ns["shrunk"][name, k].shape[-1] == ns["size"] // k


def test_level_and_rings_add_up_to_the_distance_from_grey(ns):
    for (name, k), image in ns["shrunk"].items():
        where = ns["axis_frequency"](image.shape[-1], k, ns["sample_offset"](name, k)).cpu()
        outside = image[0, 0].cpu()[where >= 1.25 * 0.5 / k].double()
        rms = (outside - 0.5).pow(2).mean().sqrt().item()
        assert rms == pytest.approx(math.hypot(ns["level"][name, k], ns["rings"][name, k]), abs=1e-9)


def test_zone_plate_rings_aliased_vs_antialiased(ns):
    rings, level = ns["rings"], ns["level"]
    antialiased = [n for n in ns["methods"] if "antialias" in n] + ["BlurPool [1,4,6,4,1]"]
    for k in ns["factors"]:
        assert min(rings[name, k] for name in ALIASED) > 0.15
        assert max(rings[name, k] for name in antialiased) < rings["area", k] < min(rings[name, k] for name in ALIASED)
        # at most half of the better of plain bilinear's and AvgPool's rings, at every factor
        assert max(rings[name, k] for name in antialiased) < min(rings["bilinear", k], rings["AvgPool2d(k)", k]) / 2
        for name in ns["methods"]:
            if "Max" not in name and "LPPool" not in name:
                assert abs(level[name, k]) < 0.01, name  # the linear methods keep the level


def test_max_pool_is_a_level_error_not_worse_rings(ns):
    rings, level = ns["rings"], ns["level"]
    for k in ns["factors"]:
        max_based = ("MaxPool2d(k)", "MaxBlurPool [1,4,6,4,1]")
        assert min(level[name, k] for name in max_based) > 0.35
        assert max(abs(level[name, k]) for name in ns["methods"] if name not in max_based) < 0.15
        assert rings["MaxPool2d(k)", k] < 1.5 * rings["AvgPool2d(k)", k]
        # MaxBlurPool's rings are weak; its level is max pooling's
        assert rings["MaxBlurPool [1,4,6,4,1]", k] < rings["x[..., ::k, ::k]", k] / 5
        assert level["LPPool2d(2, k) / k", k] > 0.05  # a root mean square is above the mean
    # max pooling's rings weaken as the factor grows, to a small fraction of average pooling's at 8x
    assert rings["MaxPool2d(k)", 2] > rings["MaxPool2d(k)", 4] > rings["MaxPool2d(k)", 8]
    assert rings["MaxPool2d(k)", 8] < rings["AvgPool2d(k)", 8] / 3


def test_area_folds_less_than_the_unfiltered_modes_except_bilinear_at_2x(ns):
    rings, shrunk = ns["rings"], ns["shrunk"]
    for k in ns["factors"]:
        assert rings["area", k] < min(rings[name, k] for name in ("nearest", "nearest-exact", "bicubic")) / 1.5
        if k == 2:  # the same 2x2 means, up to float rounding only
            torch.testing.assert_close(shrunk["area", 2], shrunk["bilinear", 2])
            x = torch.rand(1, 1, 256, 256, generator=torch.Generator().manual_seed(0))
            assert not torch.equal(
                F.interpolate(x, scale_factor=0.5, mode="area"), F.interpolate(x, scale_factor=0.5, mode="bilinear")
            )
        else:
            assert rings["area", k] < rings["bilinear", k] / 2


def test_bilinear_without_antialias_is_avg_at_2x_and_falls_behind_after(ns):
    rings = ns["rings"]
    assert torch.allclose(ns["shrunk"]["bilinear", 2], ns["shrunk"]["AvgPool2d(k)", 2])
    # equal to float rounding, not bit for bit: the kernels round in another order. Review 50: bilinear's last bits
    # depend on how many threads split the image (one thread has been seen to match bit for bit), so pin two
    x = torch.rand(1, 1, 256, 256, generator=torch.Generator().manual_seed(0))
    threads = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        assert not torch.equal(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2))
    finally:
        torch.set_num_threads(threads)
    for k in (4, 8):
        assert rings["bilinear", k] > 3 * rings["AvgPool2d(k)", k]
    for name in ("AvgPool2d(k)", "area"):
        assert rings[name, 2] > rings[name, 4] > rings[name, 8]


def test_checkerboard(ns):
    board = ns["patterns"]["checkerboard"]
    m = ns["methods"]
    assert torch.all(m["x[..., ::k, ::k]"](board, 2) == 0)
    assert torch.all(m["MaxPool2d(k)"](board, 2) == 1)
    for name in ("AvgPool2d(k)", "bilinear", "area", "BlurPool [1,4,6,4,1]"):
        assert torch.allclose(m[name](board, 2), torch.full_like(m[name](board, 2), 0.5)), name


def test_stripes_alias_into_wide_bands_unless_filtered(ns):
    stripes, m = ns["patterns"]["stripes"], ns["methods"]
    sliced = m["x[..., ::k, ::k]"](stripes, 2)
    assert sliced.std() > 0.3  # full-contrast false stripes
    for name in ("bilinear, antialias", "BlurPool [1,4,6,4,1]"):
        off = (m[name](stripes, 2)[0, 0] - 0.5).abs()
        # Review 59: the flat grey holds inside; the outermost columns keep faint stripes
        # Review 104: the columns only: the top and bottom rows, their corners left out, are as flat as the inside
        # (the stripes run at 8° from vertical, so only the horizontal filter reaches past an edge across them)
        inside = off[1:-1, 1:-1].max()
        assert inside < 0.01, name
        for column in (off[1:-1, 0], off[1:-1, -1]):
            assert 10 * inside < column.max() < 0.1, name
        for row in (off[0, 1:-1], off[-1, 1:-1]):
            assert row.max() < 1.2 * inside, name
    assert_pages_say(
        ("aliasing.md", "except in the outermost column on the left and on the right, where the filter is cut off"),
        ("aliasing.zh.md", "最左边和最右边的一列除外"),
    )

    # the false stripes run in another direction than the input's
    def direction(image):
        spectrum = torch.fft.fft2(image[0, 0] - image.mean()).abs()
        fy, fx = divmod(int(spectrum.argmax()), image.shape[-1])
        f = torch.fft.fftfreq(image.shape[-1])
        return math.degrees(math.atan2(f[fy], f[fx])) % 180

    assert abs(direction(stripes) - direction(sliced)) > 45


def test_two_tone_folding(ns):
    k, high, folded, tones = ns["k"], ns["high"], ns["folded"], ns["tones"]
    assert max(abs(f) for f in high) > 0.5 / k  # above the new Nyquist limit
    assert all(abs(f) < 0.5 / k for f in folded)  # and lands inside the new band
    assert tones["x[..., ::k, ::k]"] == pytest.approx((0.25, 0.25), abs=1e-3)  # folded at full strength
    assert 0.05 < tones["bilinear"][1] < 0.2
    assert tones["AvgPool2d(k)"][1] == pytest.approx(tones["area"][1])
    for name in ("bilinear, antialias", "BlurPool [1,4,6,4,1]") + (
        ("lanczos, antialias",) if "lanczos, antialias" in tones else ()
    ):
        assert tones[name][1] < 0.005, name
    assert tones["area"][1] < 0.1 * 0.25
    if "lanczos, antialias" in tones:
        assert tones["lanczos, antialias"][0] == pytest.approx(0.25, rel=0.03)


def test_low_tone_loss_is_each_filters_frequency_response(ns):
    # Independent of the FFT in the example: the response of the filters at the low tone.
    # Two BlurPool stages: cos^4(pi f) then cos^4(2 pi f) per axis. AvgPool(4): the 4-tap box.
    low, tones = ns["low"], ns["tones"]
    blur = math.prod(math.cos(math.pi * f) ** 4 * math.cos(2 * math.pi * f) ** 4 for f in low)
    box = math.prod(abs(math.sin(4 * math.pi * f) / (4 * math.sin(math.pi * f))) for f in low)
    # plain bilinear at 4x averages the two pixels around 4i + 1.5; antialiased bilinear weighs
    # the 8 pixels around it by the tent 1 - |d| / 4 (d = +-0.5, +-1.5, +-2.5, +-3.5)
    two = math.prod(math.cos(math.pi * f) for f in low)
    tent = math.prod(sum((1 - d / 4) * math.cos(2 * math.pi * f * d) for d in (0.5, 1.5, 2.5, 3.5)) / 2 for f in low)
    assert tones["BlurPool [1,4,6,4,1]"][0] == pytest.approx(0.25 * blur, rel=0.01)
    assert tones["AvgPool2d(k)"][0] == pytest.approx(0.25 * box, rel=0.01)
    assert tones["area"][0] == pytest.approx(0.25 * box, rel=0.01)
    assert tones["bilinear"][0] == pytest.approx(0.25 * two, rel=0.01)
    assert tones["bilinear, antialias"][0] == pytest.approx(0.25 * tent, rel=0.01)
    # "recomputes them from the filter taps" covers lanczos too (review r133-5 found it bound only on another page):
    # torch's antialiased lanczos at 4x weighs the 24 pixels around 4i + 1.5 by sinc(d / 4) sinc(d / 12), normalised.
    if "lanczos, antialias" in tones:
        taps = [
            (d, float(torch.sinc(torch.tensor(d / 4)) * torch.sinc(torch.tensor(d / 12))))
            for d in (j + 0.5 for j in range(-12, 12))
        ]
        lanczos = math.prod(
            sum(w * math.cos(2 * math.pi * f * d) for d, w in taps) / sum(w for _, w in taps) for f in low
        )
        assert tones["lanczos, antialias"][0] == pytest.approx(0.25 * lanczos, rel=0.01)
    # the page: every filter but lanczos dims the low tone, BlurPool the most, by more than a third
    filters = [name for name in tones if name not in ("x[..., ::k, ::k]", "lanczos, antialias")]
    assert all(tones[name][0] < 0.25 - 1e-3 for name in filters)
    assert min(tones, key=lambda name: tones[name][0]) == "BlurPool [1,4,6,4,1]"
    assert tones["BlurPool [1,4,6,4,1]"][0] < (1 - 1 / 3) * 0.25
    assert tones["bilinear, antialias"][0] < 0.8 * 0.25  # "and not by a little"
    assert tones["BlurPool [1,4,6,4,1]"][0] < tones["bilinear, antialias"][0] - 0.02
    # "two 2x stages multiply what each keeps": the gains multiply, the losses do not
    first = math.prod(math.cos(math.pi * f) ** 4 for f in low)
    second = math.prod(math.cos(2 * math.pi * f) ** 4 for f in low)
    lost = 1 - tones["BlurPool [1,4,6,4,1]"][0] / 0.25
    assert lost == pytest.approx(1 - first * second, rel=0.03)
    assert lost > 2 * (1 - first) * (1 - second)


def test_sliced_spectrum_peak_is_where_the_formula_says(ns):
    out = ns["methods"]["x[..., ::k, ::k]"](ns["two_tones"], ns["k"])[0, 0]
    m, n = out.shape[-1], ns["n"]
    spectrum = torch.fft.fft2(out - out.mean()).abs()
    low_bin = (round(ns["low"][1] * n) % m, round(ns["low"][0] * n) % m)
    spectrum[low_bin] = spectrum[(-low_bin[0]) % m, (-low_bin[1]) % m] = 0
    peak = divmod(int(spectrum.argmax()), m)
    expected = {(round(s * ns["folded"][1] * n) % m, round(s * ns["folded"][0] * n) % m) for s in (1, -1)}
    assert peak in expected


def test_thin_circle(ns):
    stats, small = ns["circle_stats"], ns["small_circles"]
    for name in ("x[..., ::k, ::k]", "bilinear", "bicubic"):
        assert stats[name][1] == 0, name  # a gap: at least one sector without any ink
        assert abs(stats[name][0] - 1) > 0.05, name
    for name in ("bilinear, antialias", "bicubic, antialias", "area", "Pillow BICUBIC"):
        assert stats[name][1] > 0.7, name
        assert stats[name][0] == pytest.approx(1, abs=1e-3), name
    torch.testing.assert_close(small["bicubic, antialias"], small["Pillow BICUBIC"], atol=1e-5, rtol=0)


def test_interpolate_without_antialias_reads_a_footprint_that_does_not_grow():
    # bilinear: output pixel i samples input position (i + 0.5) * k - 0.5, between pixels k*i + k/2 - 1 and k*i + k/2.
    x = torch.rand(1, 1, 64, 64, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    for k in (4, 8, 16):
        a, b = k // 2 - 1, k // 2
        expected = (x[..., a::k, a::k] + x[..., a::k, b::k] + x[..., b::k, a::k] + x[..., b::k, b::k]) / 4
        torch.testing.assert_close(F.interpolate(x, scale_factor=1 / k, mode="bilinear"), expected)
    # count the input pixels that move one output pixel: at even factors bicubic 4x4, bilinear 2x2,
    # nearest 1; at odd factors the sample falls on a pixel centre and every mode reads that one pixel
    for k in range(2, 17):
        for mode, footprint in (("bicubic", 16), ("nearest", 1), ("bilinear", 4)):
            probe = torch.zeros(1, 1, 8 * k, 8 * k, dtype=torch.float64, requires_grad=True)
            F.interpolate(probe, scale_factor=1 / k, mode=mode)[0, 0, 3, 3].backward()
            assert int((probe.grad != 0).sum()) == (footprint if k % 2 == 0 else 1), (mode, k)


def test_plain_bilinear_and_bicubic_are_slicing_at_odd_factors(ns):
    assert ns["slicing"] == {("bilinear", 3): True, ("bicubic", 3): True, ("bilinear", 5): True, ("bicubic", 5): True}
    generator = torch.Generator().manual_seed(4)
    # Review 65: "float input" read for float16 and bfloat16 too (bfloat16 holds whole numbers exactly only up to
    # 256: sides past that), and for the float8 types and complex, which F.interpolate refuses
    for k in range(3, 100, 2):
        for dtype in (torch.float32, torch.float64, torch.float16, torch.bfloat16):
            x = torch.randn(1, 2, 3 * k, 2 * k + 300, generator=generator, dtype=torch.float64).to(dtype)
            for mode in ("bilinear", "bicubic"):
                y = F.interpolate(x, scale_factor=1 / k, mode=mode)
                middle = x[..., k // 2 :: k, k // 2 :: k][
                    ..., : y.shape[-2], : y.shape[-1]
                ]  # 1/k can leave it a pixel short
                # the page's one exception: in float64, 1 / (1 / 49) is not exactly 49
                assert torch.equal(y, middle) != ((k, dtype) == (49, torch.float64)), (mode, k, dtype)
                torch.testing.assert_close(y, middle, atol=1e-10, rtol=0)
    # Review 79: nor float4 (a floating-point dtype too): every floating-point and complex dtype but the four
    for dtype in OTHER_FLOATING_DTYPES:
        for mode in ("bilinear", "bicubic"):
            with pytest.raises(RuntimeError, match="not implemented"):
                F.interpolate(torch.zeros(1, 1, 6, 6, dtype=dtype), scale_factor=1 / 3, mode=mode)

    for page, words in (
        ("aliasing.md", "(`F.interpolate` refuses the other floating-point and complex dtypes)"),
        ("aliasing.md", "both refuse the other floating-point and complex dtypes;"),
        ("aliasing.zh.md", "（`F.interpolate` 不接受其余的浮点和复数 dtype）"),
        ("aliasing.zh.md", "两者都不接受其余的浮点和复数 dtype；"),
    ):
        assert words in (ROOT / "docs" / page).read_text(encoding="utf-8"), (page, words)
    # and not at even factors
    x = torch.randn(1, 1, 16, 16, generator=generator)
    assert not torch.equal(F.interpolate(x, scale_factor=0.25, mode="bilinear"), x[..., 2::4, 2::4])


def test_area_is_linear_at_2x_on_even_sizes_only_in_every_rank():
    generator = torch.Generator().manual_seed(5)
    for mode, rank in (("linear", 3), ("bilinear", 4), ("trilinear", 5)):
        for n in (2, 8, 14, 3, 9, 15):
            x = torch.randn((1, 2) + (n,) * (rank - 2), generator=generator)
            same = torch.allclose(
                F.interpolate(x, scale_factor=0.5, mode="area"), F.interpolate(x, scale_factor=0.5, mode=mode)
            )
            assert same == (n % 2 == 0), (mode, n)


def test_max_pool_turns_the_outer_part_almost_white(ns):
    for k in ns["factors"]:
        image = ns["shrunk"]["MaxPool2d(k)", k][0, 0].cpu()
        outside = ns["axis_frequency"](image.shape[-1], k).cpu() >= 1.25 * 0.5 / k
        assert image[outside].mean() > 0.85


def test_odd_factor_bilinear_and_bicubic_are_slicing_only_for_finite_values_and_sides_up_to_2_to_the_24():
    # the neighbours are read with weight 0: inf * 0 = nan
    x = torch.zeros(1, 1, 3, 3)
    x[0, 0, 1, 2] = math.inf
    for mode in ("bilinear", "bicubic"):
        assert F.interpolate(x, scale_factor=1 / 3, mode=mode).isnan().all(), mode
    # float32 positions: exact up to 2^24 pixels per side; beyond, some sides differ, not all
    # (review 43: the page said "only on sides up to 2^24"; 2^24 + 3 at 3x is still the slice)
    for width, exact in ((2**24 // 3 * 3, True), (2**24 + 3, True), (16_777_224, False)):
        x = (torch.arange(width) % 251).float().view(1, 1, 1, width)
        for mode in ("bilinear", "bicubic"):
            assert torch.equal(F.interpolate(x, scale_factor=(1, 1 / 3), mode=mode), x[..., 1::3]) == exact, (
                mode,
                width,
            )


def test_above_100_more_odd_factors_are_slicing_only_to_float_rounding_in_float64():
    # this page and frequency-response: 49 is the one odd factor below 100; 103 and 107 are more above it
    for k in (103, 107):
        x = torch.randn(1, 1, 3 * k, 2 * k, generator=torch.Generator().manual_seed(k), dtype=torch.float64)
        for mode in ("bilinear", "bicubic"):
            y = F.interpolate(x, scale_factor=1 / k, mode=mode)
            middle = x[..., k // 2 :: k, k // 2 :: k][..., : y.shape[-2], : y.shape[-1]]
            assert not torch.equal(y, middle), (k, mode)
            torch.testing.assert_close(y, middle, atol=1e-10, rtol=0)


def test_the_pages_name_the_parameter_free_shrinks_they_leave_out():
    # F.grid_sample with a scaled grid and FractionalMaxPool2d also shrink without parameters,
    # so the opening sentences of this page and the next must name them, not claim "every way".

    x = torch.rand(1, 1, 8, 8)
    grid = F.affine_grid(torch.eye(2, 3).unsqueeze(0), (1, 1, 4, 4), align_corners=False)
    assert F.grid_sample(x, grid, align_corners=False).shape[-2:] == (4, 4)
    pool = torch.nn.FractionalMaxPool2d(2, output_size=4)
    assert pool(x).shape[-2:] == (4, 4) and not list(pool.parameters())
    for page in ("aliasing", "downsample-methods"):
        for suffix in (".md", ".zh.md"):
            opening = (ROOT / "docs" / (page + suffix)).read_text(encoding="utf-8").split("::: example")[0]
            assert "F.grid_sample" in opening and "FractionalMaxPool2d" in opening, page + suffix


def test_max_pools_agree_at_every_k_on_floating_point_input_only():
    # the page: bit for bit at every k, but AdaptiveMaxPool2d has no integer kernel
    generator = torch.Generator().manual_seed(0)
    for k in range(1, 13):
        for dtype in (torch.float32, torch.float64, torch.bfloat16, torch.float16):
            for channels_last in (False, True):
                x = torch.randn(2, 5, 2 * k, 3 * k, generator=generator).to(dtype)
                if channels_last:
                    x = x.contiguous(memory_format=torch.channels_last)
                assert torch.equal(F.adaptive_max_pool2d(x, (2, 3)), F.max_pool2d(x, k)), (k, dtype)
    # Review 65: torch.equal passes 0.0 for -0.0 and fails on nan, so "bit for bit" was not asserted; on windows
    # where 0.0 and -0.0 tie or nan sits, the bits agree too. "Floating-point input" read for float8 and complex too:
    # both pools refuse them
    values = torch.tensor([0.0, -0.0, 1.0, -1.0, float("nan"), float("inf"), float("-inf")])
    for k in range(1, 9):
        for dtype, bits in ((torch.float16, torch.int16), (torch.bfloat16, torch.int16), (torch.float64, torch.int64)):
            for channels_last in (False, True):
                x = values[torch.randint(0, 7, (16, 3, 3 * k, 2 * k), generator=generator)].to(dtype)
                if channels_last:
                    x = x.contiguous(memory_format=torch.channels_last)
                    assert x.stride()[1] == 1
                pooled, adaptive = F.max_pool2d(x, k).contiguous(), F.adaptive_max_pool2d(x, (3, 2)).contiguous()
                assert torch.equal(pooled.view(bits), adaptive.view(bits)), (k, dtype, channels_last)
        x = values[torch.randint(0, 7, (16, 3, 3 * k, 2 * k), generator=generator)]
        assert torch.equal(F.max_pool2d(x, k).view(torch.int32), F.adaptive_max_pool2d(x, (3, 2)).view(torch.int32))
    for dtype in OTHER_FLOATING_DTYPES:  # review 79: float4 as well
        for pool in (lambda x: F.max_pool2d(x, 2), lambda x: F.adaptive_max_pool2d(x, 2)):
            with pytest.raises(RuntimeError, match="not implemented"):
                pool(torch.zeros(1, 1, 4, 4, dtype=dtype))
    x = torch.randint(0, 256, (1, 1, 4, 4), dtype=torch.uint8, generator=generator)
    assert F.max_pool2d(x, 2).dtype == torch.uint8
    with pytest.raises(RuntimeError, match="not implemented"):
        F.adaptive_max_pool2d(x, 2)


def test_max_pool2d_takes_the_signed_integers_and_uint8_on_the_cpu_the_adaptive_pool_none():
    # Review 127: the page said MaxPool2d "takes uint8 on the CPU", as if uint8 were its one integer dtype; it takes
    # int8 to int64 as well (either memory format, the window maxima exactly), and refuses bool and uint16 to uint64.
    # AdaptiveMaxPool2d refuses every one of them
    generator = torch.Generator().manual_seed(0)
    for dtype in (torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64):
        low = 0 if dtype == torch.uint8 else -100
        for channels_last, k in itertools.product((False, True), (2, 3)):
            x = torch.randint(low, 100, (2, 3, 2 * k, 3 * k), dtype=dtype, generator=generator)
            if channels_last:
                x = x.contiguous(memory_format=torch.channels_last)
            y = F.max_pool2d(x, k)
            assert y.dtype == dtype and torch.equal(y, x.unfold(2, k, k).unfold(3, k, k).amax((-1, -2))), (dtype, k)
    for dtype in (torch.bool, torch.uint16, torch.uint32, torch.uint64):
        with pytest.raises(RuntimeError, match="not implemented"):
            F.max_pool2d(torch.zeros(1, 1, 4, 4, dtype=dtype), 2)
    for dtype in (torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.uint16):
        with pytest.raises(RuntimeError, match="not implemented"):
            F.adaptive_max_pool2d(torch.zeros(1, 1, 4, 4, dtype=dtype), 2)
    assert_pages_say(
        (
            "aliasing.md",
            "`AdaptiveMaxPool2d` has no integer kernel, while `MaxPool2d` takes `uint8`, `int8`, `int16`, `int32` and"
            " `int64` on the CPU (not `bool` nor `uint16` to `uint64`);",
        ),
        (
            "aliasing.zh.md",
            "`AdaptiveMaxPool2d` 没有整数内核，而 `MaxPool2d` 在 CPU 上接受 `uint8`、`int8`、`int16`、`int32` 和 `int64`"
            "（不接受 `bool`，也不接受 `uint16` 到 `uint64`）；",
        ),
    )


def test_odd_factor_slice_has_a_pixel_more_when_the_remainder_exceeds_half_the_factor(ns):
    # the page: F.interpolate gives floor(n / k) pixels, x[..., k//2::k] one more when n % k > k // 2
    assert ns["kept"] == (2, 3)
    for k in (3, 5, 7, 9):
        for n in range(k, 8 * k):
            x = torch.zeros(1, 1, 1, n)
            kept = F.interpolate(x, scale_factor=(1, 1 / k), mode="bilinear").shape[-1]
            sliced = x[..., k // 2 :: k].shape[-1]
            assert kept == n // k
            assert sliced - kept == (n % k > k // 2), (k, n)


def test_with_recompute_an_odd_factor_steps_off_k_but_can_still_be_a_slice_of_another_step():
    # Review 116: the page said recompute_scale_factor=True 'is no slice where k does not divide n'; where
    # n / (n // k) is an odd whole number it samples pixel centres and is a slice with that step (5 pixels at 1/3
    # give x[..., 2::5], 14 at 1/5 give x[..., 3::7]), only never the slice x[..., k//2::k]: the page says 'not k'
    generator = torch.Generator().manual_seed(116)
    other_steps = set()
    for k in (3, 5, 7, 9, 15):
        for n in range(k + 1, 12 * k):
            if n % k == 0:
                continue
            x = torch.rand(1, 1, n, n, dtype=torch.float64, generator=generator)
            for mode in ("bilinear", "bicubic"):
                y = F.interpolate(x, scale_factor=1 / k, mode=mode, recompute_scale_factor=True)
                m = y.shape[-1]
                assert not torch.equal(y, x[..., k // 2 :: k, k // 2 :: k][..., :m, :m]), (k, n, mode)
                step = n / m
                if step == int(step) and int(step) % 2:
                    s = int(step)
                    assert torch.equal(y, x[..., s // 2 :: s, s // 2 :: s]), (k, n, mode)
                    other_steps.add((k, n, s))
    assert {(3, 5, 5), (5, 14, 7)} <= other_steps
    assert_pages_say(
        (
            "aliasing.md",
            "steps by the input size over the output size instead, which is not *k* where *k* does not divide *n*, "
            "nor where 1/*k* loses a pixel, below)",
        ),
        ("aliasing.zh.md", "*k* 不能整除 *n* 时这个步长就不是 *k*，1/*k* 少算一个像素时（见下文）也不是）"),
    )


def test_other_average_pool_kernels_agree_at_3_on_the_cpu(ns):
    # the page: on the CPU, float16 and channels_last with 16 channels agree at 3 too; contiguous float32 does not
    # Review 15: the printed line runs on the CPU on every build device (CUDA's channels-last
    # adaptive kernel multiplies by a rounded reciprocal), so the page's "as the line shows" holds.
    assert ns["x16"].device.type == "cpu" and ns["x16"].shape[1] == 16
    assert ns["cl_same"] and ns["half_same"]
    generator = torch.Generator().manual_seed(5)
    for k in (3, 5, 6, 7):
        x = torch.randn(2, 16, 5 * k, 3 * k, generator=generator)
        last = x.contiguous(memory_format=torch.channels_last)
        assert torch.equal(F.adaptive_avg_pool2d(last, (5, 3)), F.avg_pool2d(last, k)), k
        assert torch.equal(F.adaptive_avg_pool2d(x.half(), (5, 3)), F.avg_pool2d(x.half(), k)), k
        assert not torch.equal(F.adaptive_avg_pool2d(x, (5, 3)), F.avg_pool2d(x, k)), k
        # Review 65: the page named float16 only; bfloat16 accumulates in float32 too and agrees
        assert torch.equal(F.adaptive_avg_pool2d(x.bfloat16(), (5, 3)), F.avg_pool2d(x.bfloat16(), k)), k


def test_odd_factor_slicing_fails_on_uint8_at_the_cpu_bug_sizes():
    # the page: on uint8, 5 channels and an output one pixel wide come back wrong; 3 channels to 1x1 assert with AVX2
    generator = torch.Generator().manual_seed(6)
    for k in (3, 5):
        for mode in ("bilinear", "bicubic"):
            x = torch.randint(0, 256, (1, 5, 2 * k, k), generator=generator, dtype=torch.uint8)
            assert not torch.equal(F.interpolate(x, scale_factor=1 / k, mode=mode), x[..., k // 2 :: k, k // 2 :: k])
            wide = torch.randint(0, 256, (1, 3, 2 * k, 2 * k), generator=generator, dtype=torch.uint8)
            assert torch.equal(F.interpolate(wide, scale_factor=1 / k, mode=mode), wide[..., k // 2 :: k, k // 2 :: k])
            if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
                with pytest.raises(RuntimeError, match="num_channels"):
                    F.interpolate(wide[..., :k, :k].contiguous(), scale_factor=1 / k, mode=mode)


def test_average_pools_differ_at_a_1x1_output_where_the_adaptive_pool_calls_mean():
    # the page: bit for bit at powers of two only for outputs larger than 1x1; channels_last at 3 too
    generator = torch.Generator().manual_seed(7)
    for k in (4, 8):
        x = torch.rand(20, 3, k, k, generator=generator) * 3 - 1
        assert torch.equal(F.adaptive_avg_pool2d(x.repeat(1, 1, 2, 3), (2, 3)), F.avg_pool2d(x.repeat(1, 1, 2, 3), k))
        assert not torch.equal(F.adaptive_avg_pool2d(x, 1), F.avg_pool2d(x, k))
    x = (torch.rand(20, 16, 3, 3, generator=generator) * 3 - 1).contiguous(memory_format=torch.channels_last)
    assert not torch.equal(F.adaptive_avg_pool2d(x, 1), F.avg_pool2d(x, 3))


def test_average_pools_differ_on_subnormal_means_from_a_factor_of_4():
    # the page: bit for bit at powers of two only where the window means are not subnormal;
    # dividing by 4 then 4 rounds twice where AvgPool2d rounds once (CPU)
    tiny = 2.0**-149
    for k in (2, 4, 8):
        differs = []
        for n in range(4 * k * k):
            x = torch.zeros(1, 1, 2 * k, 2 * k)
            x[0, 0, 0, 0] = n * tiny
            differs.append(not torch.equal(F.adaptive_avg_pool2d(x, 2), F.avg_pool2d(x, k)))
        assert any(differs) == (k > 2), k
    x = torch.zeros(1, 1, 8, 8)
    x[0, 0, 0, 0] = 10 * tiny
    assert F.adaptive_avg_pool2d(x, 2)[0, 0, 0, 0].item() == 0.0
    assert F.avg_pool2d(x, 4)[0, 0, 0, 0].item() == tiny


@pytest.mark.parametrize(
    "mode, shape",
    [("nearest", (1, 1, 8, 8)), ("nearest-exact", (1, 1, 8, 8)), ("area", (1, 1, 8, 8)), ("linear", (1, 1, 8)),
     ("trilinear", (1, 1, 8, 8, 8)), ("bilinear", (1, 1, 8)), ("bicubic", (1, 1, 8, 8, 8))],
)  # fmt: skip
def test_antialias_is_refused_for_these_modes_and_ranks(mode, shape):
    # the page: refused for nearest, nearest-exact, area, linear and trilinear, and on input that is not 4-D
    with pytest.raises(ValueError, match="Anti-alias"):
        F.interpolate(torch.rand(shape), scale_factor=0.5, mode=mode, antialias=True)


def test_the_takeaway_does_not_leave_lanczos_out_of_the_antialiased_modes(ns):
    # Review 71: the takeaway said "pass antialias=True (bilinear or bicubic, 4-D input only)", but lanczos takes it
    # too (and requires it), on 4-D input only, as the page says above; the takeaway now points there

    if ns["lanczos_works"](torch.device("cpu")):
        x = torch.rand(1, 1, 8, 8)
        assert F.interpolate(x, scale_factor=0.5, mode="lanczos", antialias=True).shape == (1, 1, 4, 4)
        for shape in ((1, 1, 8), (1, 1, 8, 8, 8)):
            with pytest.raises(ValueError, match="Anti-alias"):
                F.interpolate(torch.rand(shape), scale_factor=0.5, mode="lanczos", antialias=True)
    for page, words, old in (
        ("aliasing.md", "pass `antialias=True` (4-D input only, in the modes named above)", "(bilinear or bicubic,"),
        ("aliasing.zh.md", "请传 `antialias=True`（仅限四维输入，且只用于上文列出的几种模式）", "（双线性或双三次，"),
    ):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert words in text and old not in text, page


def test_uint8_odd_factor_slicing_fails_for_any_channel_count_without_avx2():
    # the page: on uint8 an output one pixel wide is wrong with 5 or more channels, and with any number on a CPU
    # without AVX2; ATEN_CPU_CAPABILITY=default makes torch take the kernels such a CPU runs.
    code = (
        "import torch, torch.nn.functional as F; assert torch.backends.cpu.get_cpu_capability() == 'DEFAULT'\n"
        "g = torch.Generator().manual_seed(0)\n"
        "for c in (1, 3, 4, 5):\n"
        "    for m in ('bilinear', 'bicubic'):\n"
        "        x = torch.randint(0, 256, (1, c, 6, 3), generator=g, dtype=torch.uint8)\n"
        "        assert not torch.equal(F.interpolate(x, scale_factor=1 / 3, mode=m), x[..., 1::3, 1::3]), (c, m)\n"
    )
    run_python(code, ATEN_CPU_CAPABILITY="default")


def test_lp_pool_alone_is_the_root_of_the_sum_so_the_page_divides_by_k():
    # Review 12: "LPPool2d (a root mean square)" holds only for LPPool2d(2, k) / k.
    x = torch.rand(2, 3, 24, 24, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    for k in (2, 3, 4, 8):
        rms = F.avg_pool2d(x**2, k).sqrt()
        torch.testing.assert_close(F.lp_pool2d(x, 2, k) / k, rms)
        assert (F.lp_pool2d(x, 2, k) > 1.5 * rms).all()


def test_bicubic_footprint_at_2x_is_smaller_along_the_border():
    # the outer tap of the 4x4 footprint falls outside the image and is clamped onto the edge pixel
    for n in (6, 16, 30):
        counts = {}
        for i, j in ((0, 0), (0, 1), (1, 1), (n // 2 - 1, n // 2 - 1)):
            probe = torch.zeros(1, 1, n, n, dtype=torch.float64, requires_grad=True)
            F.interpolate(probe, scale_factor=0.5, mode="bicubic")[0, 0, i, j].backward()
            counts[i, j] = int((probe.grad != 0).sum())
        assert counts == {(0, 0): 9, (0, 1): 12, (1, 1): 16, (n // 2 - 1, n // 2 - 1): 9}, (n, counts)


def test_bicubic_2x_border_footprint_depends_on_the_side_parity_and_a_side_of_2_reads_2():
    # rows of a bicubic 2x shrink that move each output row: the first output row reads 3, the last
    # reads 3 on an even side and 4 on an odd one, and a side of 2 (one output row) reads 2
    expected = {2: [2], 3: [3], 4: [3, 3], 5: [3, 4], 7: [3, 4, 4], 8: [3, 4, 4, 3]}
    for n, rows in expected.items():
        counts = []
        for i in range(n // 2):
            probe = torch.zeros(1, 1, n, 9, dtype=torch.float64, requires_grad=True)
            F.interpolate(probe, scale_factor=0.5, mode="bicubic")[0, 0, i, 2].backward()
            counts.append(int((probe.grad != 0).any(dim=3).sum()))
        assert counts == rows, (n, counts)


def test_odd_factor_slicing_stops_at_2_to_the_23_with_the_default_cpu_kernels():
    # Review 15: the 2^24 limit holds for AVX2/AVX-512; ATEN_CPU_CAPABILITY=default (a CPU without
    # AVX2) computes positions that miss the pixel centre past 2^23. Run in a subprocess.
    script = (
        "import torch, torch.nn.functional as F\n"
        "for n in (2**23 - 2**20, 2**23 + 5, 9175040):\n"
        "    x = (torch.arange(n) % 251).float().view(1, 1, 1, n)\n"
        "    y = F.interpolate(x, scale_factor=(1, 1 / 3), mode='bilinear')\n"
        "    print(torch.backends.cpu.get_cpu_capability(), n, torch.equal(y, x[..., 1::3][..., : y.shape[-1]]))\n"
        "for dtype in (torch.float16, torch.bfloat16, torch.float64):\n"
        "    for n in (9175040, 2**24 // 3 * 3):\n"
        "        x = (torch.arange(n) % 64).to(dtype).view(1, 1, 1, n)\n"
        "        ys = [F.interpolate(x, scale_factor=(1, 1 / 3), mode=m) for m in ('bilinear', 'bicubic')]\n"
        "        same = [y.shape[-1] == n // 3 and torch.equal(y, x[..., 1::3][..., : n // 3]) for y in ys]\n"
        "        print(str(dtype)[6:], n, *same)\n"
    )
    lines = run_python(script, ATEN_CPU_CAPABILITY="default").split("\n")
    # review 43: the page said "only up to 2^23"; 2^23 + 5 pixels at 3x is still the slice. Review 66: 9175040 pixels
    # give 3058346 at 3x and the slice 3058347, so comparing whole tensors was False on any kernel; the first 3058346
    # of the slice are compared now
    assert lines[:3] == ["DEFAULT 7340032 True", "DEFAULT 8388613 True", "DEFAULT 9175040 False"]
    # Review 66: the page gave 2^23 for every dtype; float16 and bfloat16 compute positions in float32 and stop there
    # too, while float64 keeps 2^24 with these kernels
    assert lines[3:9] == [
        "float16 9175040 False False",
        "float16 16777215 False False",
        "bfloat16 9175040 False False",
        "bfloat16 16777215 False False",
        "float64 9175040 True True",
        "float64 16777215 True True",
    ]

    assert_pages_say(
        ("aliasing.md", "while float64 holds to 2^24 there too"),
        ("aliasing.zh.md", "float64 在这些内核下仍到 2^24 为止都成立"),
    )


def test_odd_factor_slicing_holds_up_to_2_to_the_24_for_odd_factors_up_to_99():
    # the page states the 2^24 limit for every odd factor, not only for 3
    for k in (5, 49, 99):
        n = 2**24 // k * k
        x = (torch.arange(n) % 251).float().view(1, 1, 1, n)
        y = F.interpolate(x, scale_factor=(1, 1 / k), mode="bilinear")
        assert torch.equal(y, x[..., k // 2 :: k]), k


@pytest.mark.parametrize("channels", [5, 8])
def test_uint8_one_pixel_wide_bug_needs_two_rows_a_1x1_output_is_slicing(channels):
    # Review 16: the page said "an output one pixel wide" comes back wrong; a 1x1 output is right
    for side in (3, 9):
        x = (torch.arange(channels * side * side) * 7 % 251).to(torch.uint8).view(1, channels, side, side)
        for mode in ("bilinear", "bicubic"):
            assert torch.equal(F.interpolate(x, size=(1, 1), mode=mode), x[..., side // 2 :: side, side // 2 :: side])
    x = (torch.arange(channels * 27) * 7 % 251).to(torch.uint8).view(1, channels, 9, 3)
    for mode in ("bilinear", "bicubic"):
        assert not torch.equal(F.interpolate(x, size=(3, 1), mode=mode), x[..., 1::3, 1::3])


def test_without_antialias_only_area_widens_its_footprint_with_the_factor():
    # Review 16: "without antialiasing, F.interpolate reads a footprint that does not grow with the factor"
    # held for nearest, nearest-exact, bilinear and bicubic, not for area
    def footprint(mode, k):
        x = torch.zeros(1, 1, 16 * k, 16 * k, requires_grad=True)
        F.interpolate(x, scale_factor=1 / k, mode=mode)[0, 0, 8, 8].backward()
        return int((x.grad != 0).sum())

    for mode in ("nearest", "nearest-exact", "bilinear", "bicubic", "area"):
        sizes = {footprint(mode, k) for k in (2, 4, 6, 8)}
        assert (len(sizes) > 1) is (mode == "area"), (mode, sizes)


def test_max_pool_takes_uint8_on_the_cpu_only():
    # Review 17: "MaxPool2d takes uint8" held on the CPU; the CUDA kernel dispatches floating types only
    x = torch.randint(0, 256, (1, 1, 4, 4), dtype=torch.uint8)
    assert torch.equal(F.max_pool2d(x, 2), x.unfold(2, 2, 2).unfold(3, 2, 2).amax((-2, -1)))
    if torch.cuda.is_available():
        with pytest.raises(RuntimeError, match="not implemented"):
            F.max_pool2d(x.cuda(), 2)


def test_methods_hold_every_interpolate_mode_that_takes_4d_input(ns):
    # Review 17: "every mode of F.interpolate" left out linear and trilinear, which refuse 4-D input
    # the modes F.interpolate's docstring lists
    modes = ("nearest", "linear", "bilinear", "bicubic", "trilinear", "lanczos", "area", "nearest-exact")
    assert all(f"``'{mode}'``" in F.interpolate.__doc__ for mode in modes)
    x = torch.rand(1, 1, 8, 8)
    used = {setting["mode"] for setting in {**ns["INTERPOLATE_SETTINGS"], **ns["LANCZOS"]}.values()}
    for mode in modes:
        try:
            F.interpolate(x, scale_factor=0.5, mode=mode, antialias=mode == "lanczos")
        except (NotImplementedError, ValueError, RuntimeError):
            assert mode in ("linear", "trilinear"), mode
            continue
        assert mode in used, mode


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_bilinear_at_2x_is_the_block_mean_only_while_the_block_sum_does_not_overflow(dtype):
    # Review 17: "bilinear equals AvgPool2d at 2x (to float rounding)" and "area and bilinear take the same 2x2 means":
    # AvgPool2d and area add the block before dividing, bilinear halves first
    big = torch.finfo(dtype).max / 3
    x = torch.full((1, 1, 4, 6), big, dtype=dtype)
    bilinear = F.interpolate(x, scale_factor=0.5, mode="bilinear")
    assert torch.isfinite(bilinear).all() and torch.allclose(bilinear, x[..., ::2, ::2])
    for mean in (F.avg_pool2d(x, 2), F.interpolate(x, scale_factor=0.5, mode="area")):
        assert torch.isinf(mean).all()
    y = torch.randn(2, 3, 8, 10, dtype=dtype, generator=torch.Generator().manual_seed(0))
    torch.testing.assert_close(F.interpolate(y, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(y, 2))


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_uint8_cpu_bugs_at_odd_factors_hit_contiguous_images_and_spare_channels_last_copies(mode):
    # Review 18: the page named the 3-channel assert and the 5-channel one-pixel-wide bug without "contiguous"
    generator = torch.Generator().manual_seed(18)
    for k in (3, 5):
        for channels in (2, 3, 5, 8):
            for shape in ((k, k), (2 * k, k), (3 * k, k)):
                x = torch.randint(0, 256, (1, channels, *shape), generator=generator, dtype=torch.uint8)
                last = x.contiguous(memory_format=torch.channels_last)
                sliced = x[..., k // 2 :: k, k // 2 :: k]
                assert torch.equal(F.interpolate(last, scale_factor=1 / k, mode=mode), sliced)
    if torch.backends.cpu.get_cpu_capability() in ("AVX2", "AVX512"):
        x = torch.randint(0, 256, (1, 3, 3, 3), generator=generator, dtype=torch.uint8)
        with pytest.raises(RuntimeError, match="num_channels"):
            F.interpolate(x, scale_factor=1 / 3, mode=mode)
        x = torch.randint(0, 256, (1, 5, 6, 3), generator=generator, dtype=torch.uint8)
        assert not torch.equal(F.interpolate(x, scale_factor=1 / 3, mode=mode), x[..., 1::3, 1::3])


def test_zone_plate_shows_each_frequency_twice_at_opposite_points(ns):
    # Review 18: "every frequency appears once"; the plate is the same turned by 180 degrees, and the local
    # frequency at (-x, -y) is minus that at (x, y): the same cosine
    plate = ns["zone_plate"].cpu()
    assert torch.equal(plate, plate.flip(-1, -2))
    coords = ns["coords"].cpu()
    assert torch.equal(coords, -coords.flip(0))
    assert torch.equal(ns["local_frequency"](-coords), -ns["local_frequency"](coords))


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_49_pixels_at_one_49th_leave_none_and_f_interpolate_raises(mode):
    # Review 18: on 49 itself "one pixel short" is no pixel, which F.interpolate refuses
    for dtype in (torch.float32, torch.float64):
        with pytest.raises(RuntimeError, match="greater than 0"):
            F.interpolate(torch.zeros(1, 1, 3, 49, dtype=dtype), scale_factor=(1, 1 / 49), mode=mode)


@pytest.mark.skipif(
    torch.backends.cpu.get_cpu_capability() not in ("AVX2", "AVX512"), reason="the assert is in the AVX2 uint8 kernel"
)
@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
def test_the_uint8_3_channel_1x1_assert_needs_two_rows(mode):
    # Review 20: a contiguous 3-channel uint8 image one row high shrinks to 1x1 without the assert, and is
    # the slice at these odd factors; two rows high it asserts
    for width in (3, 9):
        row = torch.randint(0, 256, (1, 3, 1, width), dtype=torch.uint8, generator=torch.Generator().manual_seed(width))
        assert torch.equal(F.interpolate(row, size=(1, 1), mode=mode), row[..., width // 2 :: width]), width
        with pytest.raises(RuntimeError, match="INTERNAL ASSERT"):
            F.interpolate(row.expand(1, 3, 2, width).contiguous(), size=(1, 1), mode=mode)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.bfloat16])
@pytest.mark.parametrize("memory_format", [torch.contiguous_format, torch.channels_last])
def test_an_inf_before_the_kept_pixel_leaves_odd_factor_bilinear_finite(dtype, memory_format):
    # Review 23: "an inf next to the pixel gives nan" failed for bilinear's pixel before (left or above):
    # bilinear reads the kept pixel and the one after; bicubic the one before and the two after
    nan_at = {"bilinear": {1}, "bicubic": {-1, 1, 2}}
    for k in (3, 5, 7):
        base = torch.rand(1, 4, 3 * k, 3 * k, generator=torch.Generator().manual_seed(k)).to(dtype)
        kept = k + k // 2  # the middle output pixel, 1, sits on this input pixel at an odd factor
        for mode, expected in nan_at.items():
            for axis in (2, 3):
                nan_offsets = set()
                for offset in (-2, -1, 1, 2):
                    x = base.clone()
                    x.select(axis, kept + offset).fill_(math.inf)
                    y = F.interpolate(x.contiguous(memory_format=memory_format), scale_factor=1 / k, mode=mode).select(
                        axis, 1
                    )
                    if y.isnan().any():
                        nan_offsets.add(offset)
                    else:
                        assert torch.equal(y, base[..., k // 2 :: k, k // 2 :: k].select(axis, 1)), (
                            mode,
                            k,
                            axis,
                            offset,
                        )
                assert nan_offsets == expected, (mode, k, axis, dtype, memory_format)


def _ideal_shrink_outside(ns, k, offset):
    # The alias-free shrink: zero every frequency at or above 0.5/k along an axis, then keep one pixel in k.
    zone_plate = ns["zone_plate"][0, 0].cpu().double()
    n = zone_plate.shape[-1]
    f = torch.fft.fftfreq(n, dtype=torch.float64)
    band = (f.abs() < 0.5 / k).view(-1, 1) & (f.abs() < 0.5 / k).view(1, -1)
    ideal = torch.fft.ifft2(torch.fft.fft2(zone_plate) * band).real[offset::k, offset::k]
    return ideal[ns["axis_frequency"](ideal.shape[-1], k, offset - (k - 1) / 2).cpu() >= 1.25 * 0.5 / k]


def test_rings_count_more_than_folding_an_ideal_low_pass_scores_more_than_the_filtered_methods(ns):
    # Review 29: the page said "the rings are the standard deviation there: folded-back detail". An ideal
    # low-pass folds nothing, yet rings from just inside the band reach past its edge: it scores more than
    # the antialiased methods and BlurPool, at every factor and on both sample grids.
    filtered = [n for n in ns["methods"] if "antialias" in n] + ["BlurPool [1,4,6,4,1]"]
    for k in ns["factors"]:
        for offset in (0, k // 2):
            ideal_rings = _ideal_shrink_outside(ns, k, offset).std(correction=0).item()
            assert ideal_rings > max(ns["rings"][name, k] for name in filtered), (k, offset)


def test_the_linear_methods_level_is_rings_that_do_not_average_out(ns):
    # Review 29: the page said the level is "a brightness error, not aliasing". Slicing keeps a flat grey's
    # brightness, and its level at 8x is mostly folded rings: the ideal shrink on the same grid has a level
    # of under a fifth of it.
    ideal_level = _ideal_shrink_outside(ns, 8, 0).mean().item() - 0.5
    assert ns["level"]["x[..., ::k, ::k]", 8] > 5 * abs(ideal_level)
    grey = torch.full((1, 1, 256, 256), 0.5)
    for name, method in ns["methods"].items():
        if "Max" not in name and "LPPool" not in name:
            assert torch.allclose(method(grey, 8), torch.tensor(0.5), atol=1e-6), name


def test_max_pool_rings_are_stronger_than_average_pooling_only_at_2x(ns):
    # Review 29: "at most a little stronger" was 1.4 times at 2x; stronger there only, by less than half
    rings = ns["rings"]
    assert rings["AvgPool2d(k)", 2] < rings["MaxPool2d(k)", 2] < 1.5 * rings["AvgPool2d(k)", 2]
    for k in (4, 8):
        assert rings["MaxPool2d(k)", k] < rings["AvgPool2d(k)", k]


def test_an_ideal_shrink_is_not_flat_grey_outside_the_band_but_rings_fade_away_from_its_edge(ns):
    # Review 30: the page said "anything else in the outer part is aliasing". An ideal low-pass folds nothing,
    # yet outside the square it is not flat grey: rings from just inside the band reach past its edge and fade
    # away from it. Padded with grey, so that no wrap-around at the image's border plays a part.
    zone_plate = ns["zone_plate"][0, 0].cpu().double()
    n, pad = zone_plate.shape[-1], 384
    padded = F.pad(zone_plate, (pad,) * 4, value=0.5)
    f = torch.fft.fftfreq(padded.shape[-1], dtype=torch.float64)
    for k in ns["factors"]:
        band = (f.abs() < 0.5 / k).view(-1, 1) & (f.abs() < 0.5 / k).view(1, -1)
        ideal = torch.fft.ifft2(torch.fft.fft2(padded) * band).real[pad : pad + n, pad : pad + n][::k, ::k]
        across = ((torch.arange(ideal.shape[-1], dtype=torch.float64) * k + 0.5 - n / 2) / n).abs() / (0.5 / k)
        fy, fx = across.view(-1, 1).expand_as(ideal), across.view(1, -1).expand_as(ideal)
        grey_gap = (ideal - 0.5).abs()
        middle = fy < 0.5  # rows whose vertical frequency is well inside the band
        near = grey_gap[middle & (fx >= 1) & (fx < 1.25)].mean()
        farther = grey_gap[middle & (fx >= 1.5) & (fx < 1.75)].mean()
        assert near > 0.08 and farther < near / 1.5, (k, near, farther)
        assert ideal[torch.maximum(fx, fy) >= 1.25].std(correction=0) > 0.01, k


def test_average_pools_part_at_every_other_factor_only_on_contiguous_float32():
    # Review 30: "the average pools [agree] only where k is a power of two" was said of every input, yet float16
    # agrees at 3 and 6: the "only" holds on a contiguous float32 input, where every other factor parts
    generator = torch.Generator().manual_seed(30)
    for k in range(2, 25):
        x = torch.rand(2, 3, 4 * k, 4 * k, generator=generator)
        same = torch.equal(F.adaptive_avg_pool2d(x, 4), F.avg_pool2d(x, k))
        assert same == (k & (k - 1) == 0), k
    for k in (3, 6):
        x = torch.rand(2, 3, 4 * k, 4 * k, generator=generator).half()
        assert torch.equal(F.adaptive_avg_pool2d(x, 4), F.avg_pool2d(x, k)), k


def test_a_block_whose_sum_is_finite_can_still_overflow_on_the_way():
    # Review 30: "while a 2x2 block's sum does not overflow" named the total; AvgPool2d and area add row by row,
    # so 3e38 + 3e38 overflows before -3e38 - 3e38 brings the total back to 0, while bilinear halves first
    block = torch.tensor([[3e38, 3e38], [-3e38, -3e38]])
    assert block.double().sum().item() == 0
    for memory_format in (torch.contiguous_format, torch.channels_last):
        x = block.view(1, 1, 2, 2).repeat(2, 3, 4, 4).contiguous(memory_format=memory_format)
        assert F.avg_pool2d(x, 2).isposinf().all()
        assert F.interpolate(x, scale_factor=0.5, mode="area").isposinf().all()
        assert torch.equal(F.interpolate(x, scale_factor=0.5, mode="bilinear"), torch.zeros(2, 3, 4, 4))


@pytest.mark.parametrize("n", range(3, 40))
def test_plain_2x_rules_on_odd_sides_need_scale_factor_without_recompute(n):
    # Review 37: "bilinear equals AvgPool2d at 2x" and "bicubic at 2x reads 4 pixels, 3 at the first and,
    # on an even side, the last" hold given scale_factor=0.5 on any side, but recompute_scale_factor=True
    # (like size=) steps by n / (n // 2) on an odd side: 7 -> 3 reads 3, 1 and 3 pixels.
    g = torch.Generator().manual_seed(n)
    x = torch.rand(1, 1, n, n, generator=g, dtype=torch.float64)
    eye = torch.eye(n, dtype=torch.float64).reshape(n, 1, 1, n).expand(n, 1, 4, n).contiguous()

    def read(**kw):
        out = F.interpolate(eye, mode="bicubic", align_corners=False, **kw)[:, 0, 0, :]
        return [(out[:, d] != 0).sum().item() for d in range(out.shape[1])]

    stated = [3] + [4] * (n // 2 - 2) + [3 if n % 2 == 0 else 4] if n > 3 else [3]
    assert read(scale_factor=0.5) == stated
    bilinear = F.interpolate(x, scale_factor=0.5, mode="bilinear", align_corners=False)
    torch.testing.assert_close(bilinear, F.avg_pool2d(x, 2), rtol=0, atol=1e-15)
    for kw in (dict(scale_factor=0.5, recompute_scale_factor=True), dict(size=(n // 2, n // 2))):
        recomputed = F.interpolate(x, mode="bilinear", align_corners=False, **kw)
        assert torch.allclose(recomputed, F.avg_pool2d(x, 2)) == (n % 2 == 0)
    for kw in (dict(scale_factor=0.5, recompute_scale_factor=True), dict(size=(4, n // 2))):
        assert (read(**kw) == stated) == (n % 2 == 0)
    if n == 7:
        assert read(scale_factor=0.5, recompute_scale_factor=True) == [3, 1, 3]


def test_uint8_one_pixel_wide_odd_factor_bug_needs_the_height_to_change():
    # Review 37: the page said a uint8 output one pixel wide and at least two high comes back wrong (> 4 channels,
    # any count without AVX2); shrinking the width alone (4x3 -> 4x1 at 3x) keeps the slice, on every code path.
    code = """
import torch, torch.nn.functional as F
for c in range(1, 9):
    x = torch.randint(0, 256, (1, c, 4, 3), dtype=torch.uint8, generator=torch.Generator().manual_seed(c))
    for mode in ("bilinear", "bicubic"):
        assert torch.equal(F.interpolate(x, scale_factor=(1, 1 / 3), mode=mode), x[..., 1::3]), (c, mode)
    x = torch.randint(0, 256, (1, c, 6, 3), dtype=torch.uint8, generator=torch.Generator().manual_seed(c))
    print(c, torch.equal(F.interpolate(x, scale_factor=1 / 3, mode="bilinear"), x[..., 1::3, 1::3]))
"""
    here = run_python(code).split()
    assert here[1::2] == ["True"] * 4 + ["False"] * 4
    assert run_python(code, ATEN_CPU_CAPABILITY="default").split()[1::2] == ["False"] * 8


def test_the_1x1_mean_differs_by_steps_set_by_the_largest_values_not_the_last_bit():
    # Review 38: "a 4x4 map pooled by 4 can differ in the last bit" - on values in [0, 1) it differs by up to 4
    # float32 steps, and on values in [-1, 1) a mean near 0 is hundreds of its own steps off or more (an absolute gap ~1e-7).
    def steps(a, b):
        return ((a - b).abs() / (torch.nextafter(a.abs(), torch.tensor(math.inf)) - a.abs())).max().item()

    # Review 64: "at most 4 over 20000 random maps" held for the 3 seeds checked; seeds 5, 17, 35 and 38 reach 5
    # (the same under ATEN_CPU_CAPABILITY=default, avx2 and avx512, on 1, 2 or 8 threads)
    most = {}
    for seed in range(40):
        x = torch.rand(20000, 1, 4, 4, generator=torch.Generator().manual_seed(seed))
        most[seed] = steps(F.adaptive_avg_pool2d(x, 1), F.avg_pool2d(x, 4))
    assert set(most.values()) == {4, 5} and list(most.values()).count(4) > 30, most

    assert_pages_say(
        ("aliasing.md", "at most 4 with most seeds, 5 with some"),
        ("aliasing.zh.md", "有些种子下差 5 个"),
    )
    for seed in range(3):
        x = torch.rand(20000, 1, 4, 4, generator=torch.Generator().manual_seed(seed))
        y = x * 2 - 1
        mean, pooled = F.adaptive_avg_pool2d(y, 1), F.avg_pool2d(y, 4)
        assert steps(mean, pooled) >= 200 and (mean - pooled).abs().max() < 2.5e-7, seed


@pytest.mark.parametrize("n", [4, 6, 8, 16])
def test_plain_bilinear_is_avg_pool_at_2x_only_with_align_corners_false(n):
    x = torch.randn(1, 3, n, n, generator=torch.Generator().manual_seed(n), dtype=torch.float64)
    pooled = F.avg_pool2d(x, 2)
    false = F.interpolate(x, scale_factor=0.5, mode="bilinear", align_corners=False)
    torch.testing.assert_close(false, pooled)
    true = F.interpolate(x, scale_factor=0.5, mode="bilinear", align_corners=True)
    assert (true - pooled).abs().max() > 0.1
    if n == 4:
        assert torch.equal(true, x[..., ::3, ::3])


def test_uint8_odd_factor_results_measured_under_default_are_not_claimed_for_arm():
    # Review 42: the page said the uint8 one-pixel-wide bug hits any channel count "on a CPU without AVX2, such as
    # an ARM one". What is measured is ATEN_CPU_CAPABILITY=default, the generic kernels of an x86 CPU without AVX2
    # (Conventions); ARM builds compile their own code and are not claimed.

    for page in ("aliasing.md", "aliasing.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "such as an ARM one" not in text and "比如 ARM" not in text, page


def test_to_1x1_the_average_pools_part_from_a_factor_of_4_a_2x2_map_agrees_bit_for_bit():
    # Review 42: the page made "the output is larger than 1x1" a condition at every power of two. To 1x1 the
    # adaptive pool calls mean, which parts from AvgPool2d from a 4x4 window on; a 2x2 map averages alike,
    # whatever the magnitudes (spread over 2^-30..2^30), channel count and memory format.
    generator = torch.Generator().manual_seed(42)
    for k in (2, 4, 8, 16):
        for channels in (1, 3, 8, 33):
            for memory_format in (torch.contiguous_format, torch.channels_last):
                x = torch.rand(500, channels, k, k, generator=generator) * 2 - 1
                x = x * torch.exp2(torch.randint(-30, 30, x.shape, generator=generator).float())
                x = x.contiguous(memory_format=memory_format)
                same = torch.equal(F.adaptive_avg_pool2d(x, 1), F.avg_pool2d(x, k))
                assert same == (k == 2), (k, channels, memory_format)
                if torch.cuda.is_available() and k == 2:  # from the source: CUDA's mean adds the 4 in order, times 1/4
                    x = x.cuda()
                    assert torch.equal(F.adaptive_avg_pool2d(x, 1), F.avg_pool2d(x, k)), (channels, memory_format)


def test_recompute_scale_factor_also_steps_by_k_on_sides_that_k_divides():
    # Review 42: the page said F.interpolate "steps by k only without recompute_scale_factor=True". With it the step
    # is the input size over the output size: k itself, and odd-factor bilinear and bicubic still the slice, on every
    # side k divides where 1/k loses no pixel; another step, and no slice, on sides k does not divide.
    generator = torch.Generator().manual_seed(42)
    for k in range(3, 30, 2):
        for m in range(1, 12):
            for n in (m * k, m * k + 1):
                x = torch.randn(1, 1, 2, n, dtype=torch.float64, generator=generator)
                for mode in ("bilinear", "bicubic"):
                    y = F.interpolate(x, scale_factor=(1, 1 / k), mode=mode, recompute_scale_factor=True)
                    if y.shape[-1] == 0:
                        continue
                    sliced = x[..., k // 2 :: k][..., : y.shape[-1]]
                    whole = n % k == 0 and y.shape[-1] == m
                    assert torch.equal(y, sliced) == whole, (k, n, mode)


def test_max_blur_pool_is_a_dense_2x2_max_then_the_blur_pool(ns):
    # Review 42: the page described BlurPool and MaxBlurPool alike as "blur with a binomial filter, then subsample";
    # MaxBlurPool takes a 2x2 max at stride 1 first, so it is not the blur pool of its input.
    x = torch.rand(2, 3, 32, 32, generator=torch.Generator().manual_seed(42))
    blur, max_blur = ns["methods"]["BlurPool [1,4,6,4,1]"], ns["methods"]["MaxBlurPool [1,4,6,4,1]"]
    for k in ns["factors"]:
        dense = x
        for _ in range(int(math.log2(k))):
            dense = blur(F.max_pool2d(dense, 2, stride=1), 2)
        assert torch.equal(max_blur(x, k), dense), k
        assert not torch.allclose(max_blur(x, k)[..., :2, :2], blur(x, k)[..., :2, :2], atol=0.05), k


def test_bilinear_at_2x_is_the_block_mean_only_on_sides_up_to_2_to_the_23():
    # review 43: "bilinear equals AvgPool2d at 2x" (and area the same 2x2 means) had no length limit; past 2^23 the
    # float32 position 2 i + 0.5 rounds onto pixel 2 i, so bilinear reads one pixel where the pools average two
    for n, same in ((2**23, True), (2**23 + 2**12, False)):
        x = (torch.arange(2 * n) % 251).float().view(1, 1, 2, n)
        bilinear = F.interpolate(x, scale_factor=0.5, mode="bilinear")
        for mean in (F.avg_pool2d(x, 2), F.interpolate(x, scale_factor=0.5, mode="area")):
            assert torch.allclose(bilinear, mean) == same, n
        if not same:
            assert torch.equal(
                bilinear[..., 2**22 :],
                x[:, :, :1, 2**23 : 2 * bilinear.shape[-1] : 2] * 0.5
                + x[:, :, 1:, 2**23 : 2 * bilinear.shape[-1] : 2] * 0.5,
            )
    # review 102: "up to 2^23 pixels: past that its float32 positions round onto a pixel" failed at 2^23 + 1, an odd
    # side whose last pixel is left out and whose last position 2^23 - 1.5 keeps its half; from 2^23 + 2 it rounds
    for dtype, n in itertools.product((torch.float16, torch.bfloat16, torch.float32), (2**23 + 1, 2**23 + 2)):
        x = (torch.arange(2 * n) % 2).to(dtype).view(1, 1, 2, n)  # block means 0.5, pixel 2 i alone 0
        assert torch.equal(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2)) == (n == 2**23 + 1)
    en = (ROOT / "docs" / "aliasing.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs" / "aliasing.zh.md").read_text(encoding="utf-8")
    assert "on sides up to 2^23 + 1 pixels in float32, float16 and bfloat16: past that" in en
    assert "时限于每边不超过 2^23 + 1 个像素：超过之后" in zh
    # review 44: "its float32 positions" are float32 input's; float64 positions are float64 and keep the block means
    n = 2**23 + 2**12
    x = (torch.arange(2 * n) % 251).double().view(1, 1, 2, n)
    assert torch.allclose(F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2))


def test_spectrum_figure_shows_a_quarter_of_each_image_and_circles_on_the_peaks(ns):
    figure = ns["spectrum_plot"]
    assert "top-left quarter" in figure._suptitle.get_text()
    top, bottom = figure.axes[: len(figure.axes) // 2], figure.axes[len(figure.axes) // 2 :]
    for ax_image, ax_spectrum in zip(top, bottom):
        side = ax_spectrum.get_images()[0].get_array().shape[-1]
        assert ax_image.get_images()[0].get_array().shape == (side // 2, side // 2)
        # the brightest spectrum pixel's centre, in cycles per input pixel, is a circled frequency
        picture = ax_spectrum.get_images()[0]
        left, right, bottom_edge, top_edge = picture.get_extent()
        row, col = divmod(int(picture.get_array().argmax()), side)
        centre = (left + (col + 0.5) * (right - left) / side, top_edge + (row + 0.5) * (bottom_edge - top_edge) / side)
        circled = [(line.get_xdata()[0], line.get_ydata()[0]) for line in ax_spectrum.get_lines()]
        assert min(math.dist(centre, c) for c in circled) < 1e-9


def test_f_interpolate_does_not_always_return_floor_n_over_k_pixels():
    # The fixed_footprint cell's comment once said F.interpolate returns floor(n / k) pixels, as a rule:
    # it returns floor(n * (1/k)), and 1/49 rounds down, so 98 pixels at 1/49 give 1, not 2.
    x = torch.zeros(1, 1, 1, 98)
    assert F.interpolate(x, scale_factor=(1, 1 / 49), mode="bilinear").shape[-1] == 1 != 98 // 49
    # and an odd factor's sample point is not always on a pixel centre: float64 at 1/49 weighs the neighbours
    row = torch.zeros(1, 1, 1, 49 * 40, dtype=torch.float64)
    row[..., 23::49] = row[..., 25::49] = 1.0  # the pixels before and after each kept pixel 49 * i + 24
    out = F.interpolate(row, scale_factor=(1, 1 / 49), mode="bilinear")
    assert 0 < out.abs().max().item() < 1e-9


# The aliasing page's "2^23 in float32, float16 and bfloat16" limit for plain bilinear at 2x is the
# downsample-methods page's rule; test_downsample_methods.py sweeps it once for both pages.


def test_channels_last_pools_agree_at_3_only_on_channels_that_fill_a_whole_cpu_vector():
    # Review 50: the page said channels_last with 8 channels agrees at 3 "on the CPU". The adaptive kernel divides
    # once (by kh*kw) in its vectorised loop and twice (sum / kh / kw) on the channels past the last whole vector of
    # 8 floats. Review 52: the vector holds 8 under AVX-512 too: AdaptiveAvgPoolKernel.cpp registers with
    # REGISTER_DISPATCH, which leaves the AVX-512 slot empty, so such a CPU runs the AVX2 kernel.
    code = """
import torch, torch.nn.functional as F
x = torch.randn(2, 40, 15, 9, generator=torch.Generator().manual_seed(50))
for channels in (4, 8, 12, 16, 24, 33):
    y = x[:, :channels].contiguous(memory_format=torch.channels_last)
    a, b = F.adaptive_avg_pool2d(y, (5, 3)), F.avg_pool2d(y, 3)
    same = [torch.equal(a[:, c], b[:, c]) for c in range(channels)]
    assert same == [c < channels - channels % 8 for c in range(channels)], (channels, same)
print(torch.backends.cpu.get_cpu_capability())
"""
    assert run_python(code).strip() in ("AVX2", "AVX512")
    assert run_python(code, ATEN_CPU_CAPABILITY="default").strip() == "DEFAULT"
    # Review 63: the cell's comment gave the loop 16 floats on an AVX-512 CPU; the pattern above is 8 on AVX512 too.

    assert "16 with AVX-512" not in (ROOT / "examples" / "aliasing.py").read_text(encoding="utf-8")


def test_float16_pools_agree_at_3_only_on_outputs_larger_than_1x1():
    # Review 63: the page listed channels_last with 16 channels as the one kernel that agrees at 3 but parts to 1x1.
    # float16 parts there too, rarely: to 1x1 the adaptive pool calls mean, which rounds this 3x3 map to the nearer
    # float16 and AvgPool2d one float16 step below it; the same block tiled 2x2 pools alike in both.

    block = torch.tensor(
        [
            [0.7294921875, 11.2421875, 55.25],
            [2.166015625, 19.1875, 0.0004227161407470703],
            [0.11328125, 0.4970703125, 0.005443572998046875],
        ],
        dtype=torch.float16,
    )
    for memory_format in (torch.contiguous_format, torch.channels_last):
        one = block.view(1, 1, 3, 3).contiguous(memory_format=memory_format)
        mean, pooled = F.adaptive_avg_pool2d(one, 1), F.avg_pool2d(one, 3)
        assert torch.nextafter(pooled, torch.tensor(math.inf, dtype=torch.float16)).item() == mean.item(), memory_format
        tiled = block.repeat(2, 2).view(1, 1, 6, 6).expand(1, 16, 6, 6).contiguous(memory_format=memory_format)
        assert torch.equal(F.adaptive_avg_pool2d(tiled, 2), F.avg_pool2d(tiled, 3)), memory_format
    # Review 65: bfloat16 parts to 1x1 too, on this 4x4 map found among a million random ones: mean gives 1600,
    # AvgPool2d 1592 (the exact mean is just below 1596, halfway between them), one bfloat16 step apart
    block = torch.tensor(
        [
            [0.66796875, 228.0, 0.0052490234375, 3.609375],
            [0.4609375, 0.59375, 1.8125, 9088.0],
            [3.03125, 14720.0, 32.5, 0.00092315673828125],
            [0.9375, 1456.0, 0.3671875, 0.0123291015625],
        ],
        dtype=torch.bfloat16,
    )
    for memory_format in (torch.contiguous_format, torch.channels_last):
        one = block.view(1, 1, 4, 4).contiguous(memory_format=memory_format)
        mean, pooled = F.adaptive_avg_pool2d(one, 1), F.avg_pool2d(one, 4)
        assert torch.nextafter(pooled, torch.tensor(math.inf, dtype=torch.bfloat16)).item() == mean.item() == 1600
        tiled = block.repeat(2, 2).view(1, 1, 8, 8).expand(1, 16, 8, 8).contiguous(memory_format=memory_format)
        assert torch.equal(F.adaptive_avg_pool2d(tiled, 2), F.avg_pool2d(tiled, 4)), memory_format
    # random maps rarely meet such a sum: 4000 of them, 3 channels, all agree to 1x1
    x = torch.rand(4000, 3, 3, 3, generator=torch.Generator().manual_seed(1)).half()
    assert torch.equal(F.adaptive_avg_pool2d(x, 1), F.avg_pool2d(x, 3))
    for page in ("aliasing.md", "aliasing.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert ("float16 and bfloat16 on rare values" in text) or ("在少数取值上的 float16 和 bfloat16" in text), page


def test_the_footprint_cells_comment_places_the_sample_point_for_bilinear_and_bicubic_only():
    # Review 50: the shown cell's comment said "F.interpolate samples one point per output pixel, at input position
    # (i + 0.5) * k - 0.5". Not every mode does: area averages the whole block, and nearest samples at i * k.
    x = torch.rand(1, 1, 1, 60, dtype=torch.float64, generator=torch.Generator().manual_seed(50))
    for k in (3, 5):
        at_the_centre = x[..., k // 2 :: k]
        assert torch.equal(F.interpolate(x, scale_factor=(1, 1 / k), mode="bilinear"), at_the_centre)
        assert torch.equal(F.interpolate(x, scale_factor=(1, 1 / k), mode="nearest"), x[..., ::k])
        assert not torch.equal(F.interpolate(x, scale_factor=(1, 1 / k), mode="nearest"), at_the_centre)
        assert not torch.equal(F.interpolate(x, scale_factor=(1, 1 / k), mode="area"), at_the_centre)
    with open(Path(__file__).parents[2] / "examples" / "aliasing.py", encoding="utf-8") as source:
        cell = source.read().split("# %% fixed_footprint")[1].split("# %%")[0]
    comment = " ".join(line.lstrip("# ") for line in cell.splitlines() if line.startswith("#"))
    assert "F.interpolate samples one point per output pixel" not in comment
    assert "plain bilinear and bicubic" in comment


def test_area_averages_k_pixel_windows_only_on_sides_k_divides_and_wider_windows_on_every_other():
    # Review 52: the summary called area "a box filter" as if every window were k pixels wide; where k does not divide
    # the side, area reads only the two sizes (n -> n // k) and each window spans at least n / (n // k) > k pixels.
    for k in range(2, 9):
        for n in range(k, 8 * k + 1):
            impulses = torch.eye(n, dtype=torch.float64).view(n, 1, n)  # row j: an impulse at pixel j
            widths = (F.interpolate(impulses, scale_factor=1 / k, mode="area")[:, 0] > 0).sum(0)
            if n % k == 0:
                assert widths.tolist() == [k] * (n // k), (n, k)
            else:
                assert widths.min().item() > k, (n, k, widths.tolist())


def test_the_outer_part_is_where_each_methods_output_pixels_sample_the_zone_plate(ns):
    # Review 54: the table placed output pixel i of every method at the centre of input block i. Slicing, nearest
    # and BlurPool sample its first pixel, (k - 1) / 2 before it, so at 8x their "outer part" took in pixels at 1.03
    # times the new limit, not 1.25, and BlurPool's rings there were mostly band-edge rings (0.007, not 0.002).
    # Where each method samples, read off a ramp: (m(c + ramp) - m(c - ramp)) / 2 is the ramp's value there for
    # the linear methods, the window's middle for the max-based ones, and to O(1/c) for the root mean square.
    coords, size, c = ns["coords"].cpu(), ns["size"], 1e4
    ramp = coords.view(1, 1, 1, size).expand(1, 1, size, size)
    for (name, k), image in ns["shrunk"].items():
        method = ns["methods"][name]
        position = ((method(c + ramp, k) - method(c - ramp, k)) / 2)[0, 0, 0].cpu()
        n = image.shape[-1]
        centres = (torch.arange(n, dtype=torch.float64) + 0.5) * k - size / 2
        interior = slice(3, n - 3)  # padding and clamping move the outermost samples
        offsets = position[interior] - centres[interior]
        torch.testing.assert_close(
            offsets, torch.full_like(offsets, ns["sample_offset"](name, k)), atol=1e-3, rtol=0, msg=f"{name}, {k}x"
        )
        offset = round(2 * offsets.mean().item()) / 2  # whole or half pixels: the boundary pixels sit exactly at 1.25
        outside = image[0, 0].cpu()[ns["axis_frequency"](n, k, offset).cpu() >= 1.25 * 0.5 / k].double()
        assert ns["rings"][name, k] == pytest.approx(outside.std(correction=0).item(), abs=1e-12), (name, k)
    # placed at the block centre, BlurPool's rings at 8x more than double
    image = ns["shrunk"]["BlurPool [1,4,6,4,1]", 8][0, 0].cpu()
    centred = image[ns["axis_frequency"](image.shape[-1], 8).cpu() >= 1.25 * 0.5 / 8].double().std(correction=0).item()
    assert centred > 2 * ns["rings"]["BlurPool [1,4,6,4,1]", 8]


def test_box_filters_improve_from_2x_to_4x_to_8x_but_not_at_every_factor_between(ns):
    # Review 54: the page said AvgPool2d and area "get better as the factor grows". On this zone plate they do along
    # 2, 4, 8, but not step by step over 2..8: at 7x both fold less than at 8x, and area (windows wider than 3 on
    # 256 pixels) less at 3x than at 4x. Max pooling's rings do weaken at every step.
    def rings(name, k):
        image = ns["methods"][name](ns["zone_plate"], k)[0, 0]
        return image[ns["axis_frequency"](image.shape[-1], k) >= 1.25 * 0.5 / k].double().std(correction=0).item()

    measured = {(name, k): rings(name, k) for name in ("AvgPool2d(k)", "area", "MaxPool2d(k)") for k in range(2, 9)}
    for name in ("AvgPool2d(k)", "area"):
        assert measured[name, 2] > measured[name, 4] > measured[name, 8], name
        assert measured[name, 7] < measured[name, 8] / 1.05, name
    assert measured["area", 3] < measured["area", 4] / 1.05
    impulses = torch.eye(256, dtype=torch.float64).view(256, 1, 256)
    assert (F.interpolate(impulses, scale_factor=1 / 3, mode="area")[:, 0] > 0).sum(0).min() > 3
    maximum = [measured["MaxPool2d(k)", k] for k in range(2, 9)]
    assert maximum == sorted(maximum, reverse=True)
    assert all(maximum[k - 2] < measured["AvgPool2d(k)", k] for k in range(3, 9))


def test_the_antialiased_methods_and_blur_pool_keep_the_central_rings(ns):
    # Review 54: "the antialiased interpolations and BlurPool show the central rings" had no test (the table looks
    # only outside, where flat grey scores best). Inside, where both axis frequencies are below 0.8 times the new
    # limit, their output follows the zone plate at the positions they sample, at more than half its contrast.
    antialiased = [name for name in ns["methods"] if "antialias" in name] + ["BlurPool [1,4,6,4,1]"]
    for k in ns["factors"]:
        for name in antialiased:
            image = ns["shrunk"][name, k][0, 0].cpu().double()
            n = image.shape[-1]
            position = (torch.arange(n, dtype=torch.float64) + 0.5) * k - ns["size"] / 2 + ns["sample_offset"](name, k)
            r2 = position.view(-1, 1) ** 2 + position.view(1, -1) ** 2
            plate = 0.5 + 0.5 * torch.cos(math.pi * r2 / ns["size"])  # the zone plate's formula, off the pixel grid
            inside = ns["axis_frequency"](n, k, ns["sample_offset"](name, k)).cpu() < 0.8 * 0.5 / k
            kept, truth = image[inside], plate[inside]
            assert torch.corrcoef(torch.stack([kept, truth]))[0, 1] > 0.9, (name, k)
            assert kept.std() > truth.std() / 2, (name, k)


def test_area_windows_are_k_wide_on_sides_k_divides_only_where_one_over_k_loses_no_pixel():
    # Review 54: the summary said area averages "a k-pixel window on sides k divides", checked for k up to 8. Given
    # scale_factor=1/k the output has floor(n * (1/k)) pixels: up to 100 that loses one at k = 49 and 98 on many
    # multiples, and then the windows are wider, one window of all 98 pixels at 1/49.
    losing = set()
    for k in range(2, 101):
        for m in range(1, 5):
            n = k * m
            impulses = torch.eye(n, dtype=torch.float64).view(n, 1, n)
            widths = (F.interpolate(impulses, scale_factor=1 / k, mode="area")[:, 0] > 0).sum(0).tolist()
            assert (widths == [k] * m) == (len(widths) == m), (k, n)
            if len(widths) != m:
                losing.add(k)
                assert all(width > k for width in widths), (k, n)  # 49 pixels at 1/49 leave none
            assert (F.interpolate(impulses, size=m, mode="area")[:, 0] > 0).sum(0).tolist() == [k] * m, (k, n)
    assert losing == {49, 98}
    impulses = torch.eye(98, dtype=torch.float64).view(98, 1, 98)
    assert (F.interpolate(impulses, scale_factor=1 / 49, mode="area")[:, 0] > 0).sum(0).tolist() == [98]


def test_area_windows_on_sides_k_does_not_divide_are_wider_than_k_only_given_scale_factor():
    # Review 73: the summary had every area window "wider than k" on sides k does not divide. Given scale_factor=1/k
    # (floor(n/k) pixels) each is; given size=ceil(n/k), 7 pixels to 4 at 2x, the edge windows are [1, 1]/2, the box.

    for k in range(2, 10):
        for n in range(k + 1, 4 * k):
            if n % k:
                impulses = torch.eye(n, dtype=torch.float64).view(n, 1, n)
                widths = (F.interpolate(impulses, scale_factor=1 / k, mode="area")[:, 0] > 0).sum(0)
                assert (widths > k).all(), (k, n)
                widths = (F.interpolate(impulses, size=-(-n // k), mode="area")[:, 0] > 0).sum(0)
                assert (widths <= k).any(), (k, n)
    for page, words, old in (
        (
            "aliasing.md",
            "on other sides, given `scale_factor=1/k`, every window is wider than *k*",
            "sides every window",
        ),
        ("aliasing.zh.md", "不能整除的边上用 `scale_factor=1/k` 时，每个窗口都比 *k* 宽", "不能整除的边上，每个窗口"),
    ):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert words in text and old not in text, page


def test_blur_pool_blurs_more_than_every_antialiased_interpolation_across_the_passband(ns):
    # Review 54: the summary's "BlurPool blurs more than the antialiased interpolations" was tested at 4x on one
    # tone, without bicubic. At 2x, 4x and 8x, a cosine at a quarter, half and three quarters of the new limit keeps
    # less of its amplitude through BlurPool than through any of them.
    n, methods = 256, ns["methods"]
    columns = torch.arange(float(n)).view(1, -1).expand(n, n)
    antialiased = [name for name in methods if "antialias" in name]
    for k in (2, 4, 8):
        for fraction in (0.25, 0.5, 0.75):
            cycles = round(fraction * 0.5 / k * n)  # whole cycles across the image: one FFT bin
            tone = (0.5 + 0.25 * torch.cos(2 * math.pi * cycles / n * columns)).view(1, 1, n, n).to(ns["device"])

            def kept(name):
                out = methods[name](tone, k)[0, 0].cpu()
                return torch.fft.rfft(out.mean(0) - out.mean()).abs()[cycles].item()

            blur = kept("BlurPool [1,4,6,4,1]")
            assert all(blur < 0.99 * kept(name) for name in antialiased), (k, fraction)


def test_the_zone_plate_grid_comment_leaves_band_edge_rings_out_of_the_folded_ones():
    # Review 54: the shown cell's comment said "flat grey outside; any other ring is folded-back detail", the claim
    # review 30 narrowed in the prose: an ideal low-pass folds nothing and still leaves rings past the band's edge
    # (test_an_ideal_shrink_is_not_flat_grey_outside_the_band_but_rings_fade_away_from_its_edge).
    with open(Path(__file__).parents[2] / "examples" / "aliasing.py", encoding="utf-8") as source:
        cell = source.read().split("# %% zone_plate_grid")[1].split("# %%")[0]
    comment = " ".join(line.lstrip("# ") for line in cell.splitlines() if line.startswith("#"))
    assert "any other ring is folded-back detail" not in comment.split("ideal low-pass")[0]
    assert "reach past its edge" in comment


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
@pytest.mark.parametrize("memory_format", [torch.contiguous_format, torch.channels_last])
def test_odd_factor_slicing_keeps_a_minus_zero_only_among_negative_or_minus_zero_neighbours(dtype, memory_format):
    # Review 58: the weight-0 neighbours add their products to the kept pixel; torch.equal (values) misses the sign
    for k, mode, neighbour in itertools.product((3, 5, 7), ("bilinear", "bicubic"), (-2.0, -0.0, 0.0, 2.0)):
        x = torch.full((2, 3, 4 * k, 3 * k), neighbour, dtype=dtype)
        x[..., k // 2 :: k, k // 2 :: k] = -0.0
        y = F.interpolate(x.contiguous(memory_format=memory_format), scale_factor=1 / k, mode=mode)
        assert torch.equal(y, x[..., k // 2 :: k, k // 2 :: k])
        assert (y.signbit() == (math.copysign(1, neighbour) < 0)).all(), (k, mode, neighbour)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_odd_factor_slicing_turns_nan_for_an_inf_in_the_footprint_diagonals_included(dtype):
    # Review 59: the page named the pixels after (right or below) and, for bicubic, before and second after;
    # the diagonal ones count too: bilinear reads the 2x2 block from the kept pixel, bicubic the 4x4 around it
    nan_at = {"bilinear": {(0, 1), (1, 0), (1, 1)}}
    nan_at["bicubic"] = {(dy, dx) for dy in (-1, 0, 1, 2) for dx in (-1, 0, 1, 2)} - {(0, 0)}
    for k in (3, 5, 7):
        base = torch.rand(1, 2, 3 * k, 3 * k, generator=torch.Generator().manual_seed(k)).to(dtype)
        kept = k + k // 2  # output pixel (1, 1) sits on input pixel (kept, kept)
        for mode, expected in nan_at.items():
            nans = set()
            for dy, dx in itertools.product((-2, -1, 0, 1, 2, 3), repeat=2):
                if (dy, dx) == (0, 0):
                    continue
                x = base.clone()
                x[..., kept + dy, kept + dx] = math.inf
                y = F.interpolate(x, scale_factor=1 / k, mode=mode)[..., 1, 1]
                if y.isnan().any():
                    nans.add((dy, dx))
                else:
                    assert torch.equal(y, base[..., kept, kept]), (mode, k, dy, dx)
            assert nans == expected, (mode, k, dtype)


@pytest.mark.parametrize("memory_format", [torch.contiguous_format, torch.channels_last])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64, torch.bfloat16])
def test_odd_factor_slicing_turns_a_minus_zero_positive_only_for_the_neighbours_that_decide(dtype, memory_format):
    # Review 60: the pages said a kept -0.0 "among neighbours that are +0.0 or positive comes back +0.0", after naming
    # bicubic's whole 4x4 block; on the CPU bilinear's three read pixels decide, but bicubic adds along each row first,
    # so only its row and column do: a positive diagonal neighbour is added to the -1 of its row and leaves -0.0 ...
    decide = {"bilinear": {(0, 1), (1, 0), (1, 1)}}
    decide["bicubic"] = {(d, 0) for d in (-1, 1, 2)} | {(0, d) for d in (-1, 1, 2)}
    for k, (mode, expected) in itertools.product((3, 5, 7), decide.items()):
        kept = k + k // 2  # output pixel (1, 1) sits on input pixel (kept, kept)
        flips = set()
        for dy, dx in itertools.product(range(-2, 4), repeat=2):
            for positive in (1.0, 0.0):
                x = torch.full((1, 3, 3 * k, 3 * k), -1.0, dtype=dtype)
                x[..., kept, kept] = -0.0
                x[..., kept + dy, kept + dx] = positive
                y = F.interpolate(x.contiguous(memory_format=memory_format), scale_factor=1 / k, mode=mode)
                assert torch.equal(y, x[..., k // 2 :: k, k // 2 :: k])
                if (dy, dx) != (0, 0) and not y[..., 1, 1].signbit().all():
                    flips.add((dy, dx))
        assert flips == expected, (mode, k, dtype)
        # ... unless the pixel of its row in the kept column is -0.0 too, so that the row adds up to a zero
        for dy in (-1, 1, 2):
            x = torch.full((1, 3, 3 * k, 3 * k), -1.0, dtype=dtype)
            x[..., kept, kept] = x[..., kept + dy, kept] = -0.0
            x[..., kept + dy, kept + 1] = 1.0
            y = F.interpolate(x.contiguous(memory_format=memory_format), scale_factor=1 / k, mode=mode)[..., 1, 1]
            assert y.signbit().all() == (mode == "bilinear" and dy != 1), (mode, k, dy)


def test_uint8_one_pixel_wide_bug_at_odd_factors_hits_views_that_are_not_contiguous_too():
    # Review 80: the page put the uint8 row bug on "a contiguous image with 5 or more channels"; a column slice, a
    # transpose or a batch of one from HWC with 5 channels is off the slice too: only a channels_last copy escapes
    assert_uint8_odd_factor_slicing_breaks_off_channels_last_above_4_channels()
    assert_pages_say(
        ("aliasing.md", "is right), for an image with 5 or more channels, or with any number on an x86 CPU"),
        ("aliasing.zh.md", "是对的），5 个及以上通道的图像会算错；"),
    )


def test_plain_bilinear_reads_at_most_2x2_pixels_per_output_not_always_those_around_it():
    # Review 100 (on why-no-downsample, the same sentence here): "bilinear reads the 2×2 input pixels around each
    # output point, so at 4× it ignores 12 of every 16" fails on the CPU's uint8 one-pixel-wide bug: a contiguous
    # 5-channel 16×4 map at 4× copies the first output's 2×2 pixels to every output. "At most 2×2" and "at least
    # 12 of 16" hold there and on the float maps (each output's gradient touches at most 4 input pixels).
    x = torch.randint(0, 256, (1, 5, 16, 4), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
    y = F.interpolate(x, scale_factor=0.25, mode="bilinear")
    right = F.interpolate(x.float(), scale_factor=0.25, mode="bilinear").round()
    assert torch.equal(y, y[:, :, :1].expand_as(y)) and not torch.equal(y.float(), right)
    for side in (16, 17, 30, 64):
        image = torch.rand(1, 3, side, side, dtype=torch.float64, requires_grad=True)
        out = F.interpolate(image, scale_factor=0.25, mode="bilinear")
        for i in range(out.shape[-2]):
            (grad,) = torch.autograd.grad(out[0, 0, i, -1], image)
            assert 0 < (grad != 0).sum() <= 4, (side, i)
    assert_pages_say(
        (
            "aliasing.md",
            "each output pixel of bilinear reads at most 2×2 input pixels, so at 4× it ignores at least 12",
        ),
        (
            "aliasing.zh.md",
            "双线性的每个输出像素最多只读 2×2 个输入像素，所以缩小 4 倍时，每 16 个像素中至少有 12 个被忽略",
        ),
    )
    assert "around each output point, so at 4× it ignores 12" not in (ROOT / "docs" / "aliasing.md").read_text("utf-8")
    # Review 102: the shown fixed_footprint comment still said "at an even factor ... bilinear reads the 2x2 around
    # it", which the uint8 map above breaks (outputs 1 to 3 read output 0's 2×2, not their own): it now speaks of
    # its float64 probe and odd factors only.
    own = torch.stack([x[0, :, 4 * i + 1 : 4 * i + 3, 1:3].float().mean((-2, -1)).round() for i in range(4)], 1)
    assert not torch.equal(y[0, :, :, 0].float(), own)
    comment = " ".join(
        line.lstrip("# ")
        for line in (ROOT / "examples" / "aliasing.py").read_text("utf-8").splitlines()
        if line.startswith("#")
    )
    assert "On this float64 probe, plain bilinear" in comment and "bilinear reads the 2x2 around it" not in comment


def test_area_at_half_spreads_its_windows_over_every_pixel_of_an_odd_size_from_3():
    # Review 117: the take-away said "on an odd size area spreads its windows over every pixel"; 1 pixel is odd and
    # gives an empty output, no window at all.
    for n in range(3, 64, 2):
        impulses = torch.eye(n, dtype=torch.float64).view(n, 1, n)
        weights = F.interpolate(impulses, scale_factor=0.5, mode="area")[:, 0]  # (input pixel, output pixel)
        assert weights.shape[-1] == n // 2 and (weights.sum(1) > 0).all(), n
    assert F.interpolate(torch.ones(1, 1, 1), scale_factor=0.5, mode="area").numel() == 0
    assert_pages_say(
        (
            "aliasing.md",
            "on an odd size of 3 or more `area` spreads its windows over every pixel, and 1 pixel gives no output)",
        ),
        ("aliasing.zh.md", "尺寸为不小于 3 的奇数时，`area` 会把窗口铺满所有像素，1 个像素则没有输出"),
    )


def test_the_average_pools_can_differ_at_3_and_6_but_agree_on_some_maps():
    # Review 122: "The average pools ... agree bit for bit only where all three of these hold" and "At 3 or 6 they
    # differ by float rounding": on maps where both divisions come out exact they agree at 3 and 6 too, such as a
    # constant 0.5 or multiples of 9; on this page's random map they differ. The page says "can differ".
    generator = torch.Generator().manual_seed(0)
    exact_maps = (torch.full((1, 1, 48, 48), 0.5), 9.0 * torch.randint(0, 4, (1, 1, 48, 48), generator=generator))
    random_map = torch.rand(1, 1, 48, 48, generator=generator)
    for k in (3, 6):
        for x in exact_maps:
            assert torch.equal(F.adaptive_avg_pool2d(x.float(), 48 // k), F.avg_pool2d(x.float(), k)), k
        assert not torch.equal(F.adaptive_avg_pool2d(random_map, 48 // k), F.avg_pool2d(random_map, k)), k
    assert_pages_say(
        ("aliasing.md", "can differ (not bit for bit) unless all three of these hold:"),
        ("aliasing.md", "At 3 or 6 they can differ by float rounding (on this map they do), because"),
        ("aliasing.zh.md", "以下三条只要有一条不成立，两个平均池化就可能不是逐位相同："),
        ("aliasing.zh.md", "*k* 为 3 或 6 时两者可能差浮点舍入（在这张图上就是如此），因为"),
    )
    for page in ("aliasing.md", "aliasing.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text("utf-8").split())
        assert "agree bit for bit only where all three" not in text and "三条同时成立时才逐位相同" not in text


def test_the_examples_docstring_names_the_ways_it_shows_not_every_way_pytorch_offers():
    """Review r128-5: the example's docstring, the first cell of its notebook, said "for every parameter-free way of
    shrinking by 2, 4 and 8 that PyTorch offers", where the page names slicing, the pooling layers and F.interpolate,
    "not F.grid_sample with a scaled grid, nor the random windows of FractionalMaxPool2d": both shrink by 2, 4 and 8
    with no parameters."""

    import torch.nn as nn

    source = (ROOT / "examples" / "aliasing.py").read_text(encoding="utf-8")
    docstring = docstring_of(source)
    assert "every parameter-free way" not in docstring
    assert (
        "for the parameter-free ways to shrink by 2, 4 and 8 that slicing, the pooling layers and F.interpolate offer "
        "(not F.grid_sample with a scaled grid, nor the random windows of FractionalMaxPool2d), and Zhang's BlurPool "
        "and MaxBlurPool." in docstring
    )
    identity = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
    x = torch.rand(1, 1, 256, 256)
    for k in (2, 4, 8):
        side = 256 // k
        grid = F.affine_grid(identity, (1, 1, side, side), align_corners=False)
        assert F.grid_sample(x, grid, align_corners=False).shape == (1, 1, side, side)
        pool = nn.FractionalMaxPool2d(k, output_size=side)
        assert pool(x).shape == (1, 1, side, side) and not list(pool.parameters())


def test_ring_evenness_names_the_sector_with_the_least_ink_not_the_darkest(ns):
    """Review r130-5: the page said ring evenness "divides the darkest sector's ink by the average"; the figure draws
    ink dark (gray_r), so there the darkest sector is the one with the most ink, and the measure takes the least."""
    import inspect

    evenness = ns["ring_evenness"]
    source = inspect.getsource(evenness)
    assert "ink.min() / ink.mean()" in source
    # a ring with ink in one half only: the measure is 0, the sector with the least ink, not the most
    m = 32
    c = torch.arange(m, dtype=torch.float32) - m / 2 + 0.5
    half = (c.view(1, -1).expand(m, m) > 0).float().view(1, 1, m, m)
    assert evenness(half) == 0
    figure_source = (ROOT / "examples" / "aliasing.py").read_text(encoding="utf-8").split("# %% thin_circle_figure")[1]
    assert figure_source.count('cmap="gray_r"') == 2  # input and every small image: ink drawn dark
    for page in ("aliasing.md", "aliasing.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text("utf-8").split())
        assert "darkest sector" not in text and "最暗扇区" not in text, page
    assert_pages_say(
        (
            "aliasing.md",
            "divides the ink of the sector with the least (the palest in the figure, which draws ink dark)",
        ),
        ("aliasing.zh.md", "用墨量最少的扇区（下图把墨画成深色，它是最浅的那个）的墨量除以平均墨量"),
    )


def test_the_zh_page_names_the_printed_columns_as_the_zh_tables_head_them():
    """Review r132-5: the zh page pointed at the spectrum table's column as *low tone lost*（低频损失）and at the
    thin-circle table's as *ink kept*（墨量保留）and *ring evenness*（圆环均匀度）, English heads the zh tables do
    not show (translations.yml heads them 低频分量损失, 保留的墨量（…）, 圆环均匀度（…）); it now names each by
    its zh head, as frequency-response.zh.md does."""
    heads = {}
    for line in (ROOT / "docs" / "translations.yml").read_text(encoding="utf-8").splitlines():
        key, _, value = line.strip().partition('": "')
        heads[key.lstrip('"')] = value.rstrip('"')
    source = (ROOT / "examples" / "aliasing.py").read_text(encoding="utf-8")
    page = " ".join((ROOT / "docs" / "aliasing.zh.md").read_text(encoding="utf-8").split())
    for english in ("low tone lost", "ink kept (sum x k² / input sum)", "ring evenness (min/mean sector ink)"):
        assert english in source  # the head the cell prints
        name = heads[english].split("（")[0]
        assert f"“{name}”一列" in page, english
        assert f"*{english.split(' (')[0]}*" not in page, english


def test_the_adaptive_pools_get_no_row_nor_panel_not_no_column(ns):
    """Review r132-5: 'so they get no column of their own here' named the wrong part of the output: this page's
    tables give each method a row (their columns are factors and measures), and its figures a panel."""
    assert not any(name.startswith("Adaptive") for name in ns["methods"])
    printed = printed_by("aliasing.py")
    for head in ("| method | level 2x |", "| method | low tone kept |", "| method | ink kept"):
        assert head in printed  # one row per method
    assert_pages_say(
        ("aliasing.md", "so they get no row in the tables below, nor a panel in the figures."),
        ("aliasing.zh.md", "所以下面的表格和图里都不再单独列出它们。"),
    )
    assert "column of their own" not in (ROOT / "docs" / "aliasing.md").read_text(encoding="utf-8")


def test_the_ideal_low_pass_rings_point_at_the_paragraph_before_the_table_not_at_the_table():
    """Review r133-5: 'which even an ideal low-pass, folding nothing, leaves there: see the table below' pointed at a
    table with no row for the ideal low-pass; the paragraph before it is what compares the ideal's rings with the
    antialiased methods and BlurPool (test_rings_count_more_than_folding_an_ideal_low_pass_scores_more_than_the_filtered_methods)."""
    printed = printed_by("aliasing.py")
    table = printed.split("| method | level 2x |")[1].split("\n\n")[0].split("3x: plain bilinear")[0]
    assert "ideal" not in table.lower()
    for page, ideal, compared in (
        ("aliasing.md", "an ideal low-pass", "than the antialiased methods and BlurPool score"),
        ("aliasing.zh.md", "理想低通", "比开启抗混叠的方法和 BlurPool 的得分还多"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        before = text.split("::: example aliasing.py#zone_plate_table")[0].rstrip().split("\n\n")[-1]
        before = " ".join(before.split())
        assert ideal in before and compared in before, page
    assert_pages_say(
        (
            "aliasing.md",
            "which even an ideal low-pass, folding nothing, leaves there: the table below has no row for it; the "
            "paragraph before the table compares it with the antialiased methods and BlurPool).",
        ),
        (
            "aliasing.zh.md",
            "即使是完全不折叠的理想低通，也会在那里留下这些圆环：下表里没有它这一行，表格前的那段文字拿它和开启抗混叠的方法及 BlurPool 做了比较）。",
        ),
    )
    assert "see the table below" not in (ROOT / "docs" / "aliasing.md").read_text(encoding="utf-8")
    assert "留下这些圆环，见下表" not in (ROOT / "docs" / "aliasing.zh.md").read_text(encoding="utf-8")


def test_the_line_for_16_channels_shows_every_kernel_the_page_says_it_shows(ns):
    # Review r135-5: "On the CPU other kernels round alike and agree at 3 too: float16 and bfloat16, and channels_last
    # with 16 channels, as the line for 16 channels shows" (zh "见输出中关于 16 个通道的那一行"): the line printed
    # channels_last and float16 only (bfloat16 was added to the sentence by review 65, bound by a test but not
    # printed); the line now prints bfloat16 too, and every kernel the sentence lists must be on it, agreeing
    assert_pages_say(
        ("aliasing.md", "float16 and bfloat16, and channels_last with 16 channels, as the line for 16 channels shows."),
        ("aliasing.zh.md", "float16 和 bfloat16，以及 16 个通道的 channels_last，见输出中关于 16 个通道的那一行。"),
    )
    line = next(line for line in printed_by("aliasing.py").splitlines() if "16 channels" in line)
    for kernel in ("channels_last", "float16", "bfloat16"):
        assert re.search(rf"\b{kernel}\b[^;]*: True\b", line), (kernel, line)
    assert ns["cl_same"] and ns["half_same"] and ns["bfloat_same"]
    # the same three kernels agree at 3 over other random maps, contiguous float32 does not
    generator = torch.Generator().manual_seed(135)
    for _ in range(5):
        x = torch.rand(1, 16, 48, 48, generator=generator)
        for y in (x.contiguous(memory_format=torch.channels_last), x.half(), x.bfloat16()):
            assert torch.equal(F.adaptive_avg_pool2d(y, 16), F.avg_pool2d(y, 3)), y.dtype


MEAN_SUMS_IN_ANOTHER_ORDER = """
import torch, torch.nn.functional as F
parted = []
for n in (2, 3, 4, 5, 8, 16):
    x = torch.rand(2000, 1, n, n, generator=torch.Generator().manual_seed(n))
    flat = x.flatten(1)
    in_order = flat[:, 0].clone()
    for j in range(1, n * n):  # AvgPool2d's order: pixel after pixel, row by row
        in_order = in_order + flat[:, j]
    assert torch.equal(F.avg_pool2d(x, n).flatten(), in_order / (n * n)), n
    mean = F.adaptive_avg_pool2d(x, 1).flatten()
    assert torch.equal(mean, flat.sum(1) / (n * n)), n  # to 1x1: mean, torch's sum of the window divided once
    if not torch.equal(flat.sum(1), in_order):  # another order, not the double division: neither /n/n nor /(n*n)
        assert not torch.equal(mean, in_order / n / n) and not torch.equal(mean, in_order / (n * n)), n
        parted.append(n)
print(parted)
"""


def _kernels(capability):
    """The environment for torch's generic or AVX2 CPU kernels, or none for this machine's own (AVX-512 where it has it)."""
    return {} if capability == "native" else {"ATEN_CPU_CAPABILITY": capability}


@pytest.mark.parametrize("capability", ["default", "avx2", "native"])
def test_to_1x1_the_adaptive_pools_mean_sums_in_another_order_from_a_3x3_window_on(capability):
    # Review r136-5: the page said mean "from a 4x4 window on sums in another order" (zh "从 4×4 的窗口起"), and the
    # test above checked only the powers of two; a 3x3 window already sums in another order than AvgPool2d's
    # (up to 4 float32 steps on values in [0, 1), as Ways to shrink says), under every CPU kernel
    assert run_python(MEAN_SUMS_IN_ANOTHER_ORDER, **_kernels(capability)).split() == [
        "[3,",
        "4,",
        "5,",
        "8,",
        "16]",
    ]
    assert_pages_say(
        ("aliasing.md", "which from a 3×3 window on sums in another order (a 2×2 map to 1×1 agrees bit for bit;"),
        ("aliasing.zh.md", "从 3×3 的窗口起求和顺序就不同了（2×2 的图缩到 1×1 时仍逐位相同；"),
    )


def test_the_methods_take_both_antialias_settings_only_where_both_are_accepted(ns):
    # Review r136-5: "with and without antialias=True where it is accepted" (zh "凡是接受 antialias=True 的，分别关闭和
    # 开启") also covered lanczos, which accepts it and refuses to run without it, so it has one row, not two; the
    # example of Ways to shrink said the same in its docstring
    x = torch.rand(1, 1, 8, 8)
    names = set(ns["methods"])
    for mode in ("nearest", "nearest-exact", "bilinear", "bicubic", "area", "lanczos"):
        accepted = set()
        for antialias in (False, True):
            try:
                F.interpolate(x, scale_factor=0.5, mode=mode, antialias=antialias)
                accepted.add(antialias)
            except (ValueError, RuntimeError, NotImplementedError):
                pass
        if mode == "lanczos" and not ns["lanczos_works"](torch.device("cpu")):
            continue
        assert accepted, mode
        assert (mode in names) == (False in accepted) and (f"{mode}, antialias" in names) == (True in accepted), mode
        assert (accepted == {False, True}) == (mode in ("bilinear", "bicubic")), mode
    assert_pages_say(
        ("aliasing.md", "with and without `antialias=True` where both are accepted (`lanczos` only with it)"),
        ("aliasing.zh.md", "凡是开启和关闭 `antialias=True` 都接受的，两种都包括，`lanczos` 只能开启"),
    )
    for page in ("aliasing.md", "aliasing.zh.md"):
        text = " ".join((ROOT / "docs" / page).read_text(encoding="utf-8").split())
        assert "where it is accepted" not in text and "分别关闭和开启" not in text, page
    docstring = docstring_of((ROOT / "examples" / "downsample_methods.py").read_text(encoding="utf-8"))
    assert "with and without antialiasing where both are accepted (lanczos only with it)" in docstring


def test_the_methods_comment_says_lp_pool_returns_the_root_of_the_sum_not_the_sum():
    """Review r137-5: the methods cell said "LPPool2d sums x^p over the window; dividing by k turns the sum into a root
    mean square": LPPool2d returns the p-th root of that sum, and dividing the sum of squares by k is no root mean
    square (it is k times the mean square); dividing the root by k is."""
    source = (ROOT / "examples" / "aliasing.py").read_text(encoding="utf-8")
    assert "LPPool2d sums x^p" not in source
    assert (
        "# LPPool2d(p, k) is the p-th root of the sum of x^p over the k x k window; at p = 2, dividing that root by k\n"
        "    # turns it into a root mean square.\n" in source
    )
    x = torch.rand(2, 3, 24, 24, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    for k in (2, 3, 4):
        for p in (2, 3):
            window_sum = F.avg_pool2d(x**p, k) * k * k
            torch.testing.assert_close(F.lp_pool2d(x, p, k), window_sum ** (1 / p))  # the p-th root of the sum
        squares = F.avg_pool2d(x**2, k) * k * k
        torch.testing.assert_close(F.lp_pool2d(x, 2, k) / k, (squares / k**2).sqrt())  # the root over k: the RMS
        assert not torch.allclose(squares / k, (squares / k**2).sqrt())  # the sum over k: not the RMS


def test_the_docstring_calls_the_circle_one_like_the_clean_fid_papers_not_the_papers_own():
    """The docstring said "on the thin circle of the clean-fid paper"; the page and the cell say the circle's size and
    width are this page's own (noticed by review r137-5)."""
    docstring = docstring_of((ROOT / "examples" / "aliasing.py").read_text(encoding="utf-8"))
    assert "on a thin circle like the clean-fid paper's" in docstring
    assert "the thin circle of the clean-fid paper" not in docstring
    cell = (ROOT / "examples" / "aliasing.py").read_text(encoding="utf-8").split("# %% thin_circle")[1]
    assert "the size and line width here are this page's own" in cell


def test_the_line_for_16_channels_names_the_layout_each_kernel_runs_in(ns):
    # Review r139-5: the line read "k=3, 16 channels in channels_last: AdaptiveAvgPool2d == AvgPool2d: True; float16:
    # True; bfloat16: True", which puts float16 and bfloat16 in channels_last too; the script runs them on the
    # contiguous float32 map x16 converted (x16.half(), x16.bfloat16()), and channels_last in float32 only. The label
    # now names each kernel's dtype and layout as the script runs it.
    x16 = ns["x16"]
    assert (
        x16.dtype == torch.float32 and x16.is_contiguous() and not x16.is_contiguous(memory_format=torch.channels_last)
    )
    assert x16.half().is_contiguous() and x16.bfloat16().is_contiguous()
    line = next(line for line in printed_by("aliasing.py").splitlines() if line.startswith("k=3, 16 channels"))
    assert line == (
        "k=3, 16 channels, AdaptiveAvgPool2d == AvgPool2d: float32 in channels_last: True; contiguous float16: True; "
        "contiguous bfloat16: True"
    )
    assert "channels_last: AdaptiveAvgPool2d == AvgPool2d: True; float16" not in line
    # what the label says holds for the layouts it names, and float16 and bfloat16 in channels_last agree too, so the
    # old reading was not false in value, only in what the line ran
    generator = torch.Generator().manual_seed(139)
    for _ in range(5):
        x = torch.rand(2, 16, 48, 48, generator=generator)
        for dtype in (torch.float16, torch.bfloat16):
            for layout in (torch.contiguous_format, torch.channels_last):
                y = x.to(dtype).contiguous(memory_format=layout)
                assert torch.equal(F.adaptive_avg_pool2d(y, 16), F.avg_pool2d(y, 3)), (dtype, layout)
    zh = " ".join((ROOT / "docs" / "translations.yml").read_text(encoding="utf-8").split())
    assert "channels_last 格式的 float32：{a}；连续格式的 float16：{b}；连续格式的 bfloat16：{c}" in zh
    assert "16 个通道的 channels_last：AdaptiveAvgPool2d == AvgPool2d：{a}；float16" not in zh


def test_the_one_pixel_wide_bug_link_lands_on_the_section_that_states_it():
    """ "the bug of [Which modes work where](interpolate-support.md)" opened at that page's top; the bug has its own
    section there, {#width-one-bug} (noticed by review r139)."""
    for page, words in (
        ("interpolate-support.md", "with an output **width of 1**"),
        ("interpolate-support.zh.md", "可分离内核的 bug"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert words not in text.split("{#width-one-bug}")[0] and words in text.split("{#width-one-bug}")[1], page
    assert_pages_say(
        ("aliasing.md", "the bug of [Which modes work where](interpolate-support.md#width-one-bug)"),
        ("aliasing.zh.md", "即[各模式支持哪些输入](interpolate-support.md#width-one-bug)中的那个 bug"),
    )
