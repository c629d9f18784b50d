"""The claims of docs/aliasing*.md, asserted on the values its example computes."""

import math

import pytest
import torch
import torch.nn.functional as F

from helpers import run_example

ANTIALIASED = ["bilinear, antialias", "bicubic, antialias", "BlurPool [1,4,6,4,1]"]
ALIASED = ["x[..., ::k, ::k]", "nearest", "nearest-exact", "bicubic"]


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


@pytest.mark.parametrize("k", [2, 4, 8])
def test_adaptive_pools_equal_fixed_pools_when_the_size_divides(k):
    x = torch.rand(2, 3, 64, 64, generator=torch.Generator().manual_seed(k))
    assert torch.equal(F.adaptive_avg_pool2d(x, 64 // k), F.avg_pool2d(x, k))
    assert torch.equal(F.adaptive_max_pool2d(x, 64 // k), F.max_pool2d(x, k))


@pytest.mark.parametrize("mode", ["nearest", "nearest-exact", "area"])
def test_antialias_is_refused_for_nearest_and_area(mode):
    with pytest.raises(ValueError, match="Anti-alias"):
        F.interpolate(torch.ones(1, 1, 8, 8), scale_factor=0.5, mode=mode, antialias=True)


def test_zone_plate_frequencies(ns):
    lf, corner = ns["local_frequency"], ns["corner"].item()
    assert lf(0) == 0
    assert lf(corner) == pytest.approx(0.5)
    assert lf(ns["size"] / 2) == pytest.approx(0.5 / math.sqrt(2), abs=2e-3)
    assert ns["zone_plate"].min() >= 0 and ns["zone_plate"].max() <= 1


def test_zone_plate_figures_one_per_factor(ns):
    assert ns["factors"] == (2, 4, 8)
    for k in ns["factors"]:
        for name in ns["methods"]:
            assert ns["shrunk"][name, k].shape[-1] == ns["size"] // k


def test_zone_plate_table_aliased_vs_antialiased(ns):
    e = ns["grey_error"]
    for k in ns["factors"]:
        assert min(e[name, k] for name in ALIASED) > 0.25
        assert max(e[name, k] for name in ANTIALIASED) < 0.07
        assert e["MaxPool2d(k)", k] > 0.4  # a wrong level, not rings: max pooling turns grey white
        assert e["MaxPool2d(k)", k] == max(e[name, k] for name in ns["methods"])
        # BlurPool with the widest filter leaves the least behind
        assert e["BlurPool [1,4,6,4,1]", k] == min(e[name, k] for name in ns["methods"])


def test_bilinear_without_antialias_is_avg_at_2x_and_falls_behind_after(ns):
    e = ns["grey_error"]
    assert torch.allclose(ns["shrunk"]["bilinear", 2], ns["shrunk"]["AvgPool2d(k)", 2])
    for k in (4, 8):
        assert e["bilinear", k] > 3 * e["AvgPool2d(k)", k]
    assert e["bilinear", 8] > e["bilinear", 2] and e["bilinear", 2] < e["x[..., ::k, ::k]", 2] / 2
    for name in ("AvgPool2d(k)", "area"):
        assert e[name, 2] > e[name, 4] > e[name, 8]


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
        assert m[name](stripes, 2)[..., 4:-4, 4:-4].std() < 0.02, name
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
    assert folded == tuple(f - round(f * k) / k for f in high)
    assert tones["x[..., ::k, ::k]"] == pytest.approx((0.25, 0.25), abs=1e-3)  # folded at full strength
    assert 0.05 < tones["bilinear"][1] < 0.2
    assert tones["AvgPool2d(k)"][1] == pytest.approx(tones["area"][1])
    for name in ("bilinear, antialias", "BlurPool [1,4,6,4,1]") + (("lanczos, antialias",) if "lanczos, antialias" in tones else ()):
        assert tones[name][1] < 0.005, name
    assert tones["area"][1] < 0.1 * 0.25
    filters = [name for name in tones if name not in ("x[..., ::k, ::k]", "lanczos, antialias")]
    assert all(tones[name][0] < 0.25 - 1e-3 for name in filters)  # they dim the low tone a little
    assert min(filters, key=lambda name: tones[name][0]) == "BlurPool [1,4,6,4,1]"
    assert tones["BlurPool [1,4,6,4,1]"][0] < 0.8 * 0.25
    if "lanczos, antialias" in tones:
        assert tones["lanczos, antialias"][0] == pytest.approx(0.25, rel=0.03)


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


def test_bilinear_without_antialias_reads_two_pixels_per_axis_whatever_the_factor():
    # Output pixel i samples input position (i + 0.5) * k - 0.5: between pixels k*i + k/2 - 1 and k*i + k/2.
    x = torch.rand(1, 1, 64, 64, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    for k in (4, 8):
        a, b = k // 2 - 1, k // 2
        expected = (x[..., a::k, a::k] + x[..., a::k, b::k] + x[..., b::k, a::k] + x[..., b::k, b::k]) / 4
        torch.testing.assert_close(F.interpolate(x, scale_factor=1 / k, mode="bilinear"), expected)


def test_max_pool_turns_the_outer_part_almost_white(ns):
    for k in ns["factors"]:
        image, size = ns["shrunk"]["MaxPool2d(k)", k], ns["size"]
        centres = (torch.arange(image.shape[-1], dtype=torch.float64) + 0.5) * k - size / 2
        radius = (centres.view(-1, 1) ** 2 + centres.view(1, -1) ** 2).sqrt()
        beyond = ns["local_frequency"](radius) >= 1.25 * 0.5 / k
        assert image[0, 0].cpu()[beyond].mean() > 0.85
