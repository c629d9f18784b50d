"""The audio resampling page's claims, on the example's values and on sweeps of rates and lengths."""

import importlib.util
import pathlib

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from helpers import assert_pages_say, one_thread, printed_by, run_example, run_python  # noqa: F401  (one_thread: an autouse fixture)

ROOT = pathlib.Path(__file__).resolve().parents[2]
TORCH_FILTERS = ["area", "bilinear, antialias (1 × L)", "bicubic, antialias (1 × L)", "lanczos, antialias (1 × L), CPU"]
# Down and up, whole factors and fractions, the common audio rates.
DOWN = [
    (48000, 16000),
    (48000, 8000),
    (44100, 16000),
    (44100, 22050),
    (96000, 44100),
    (48000, 44100),
    (32000, 24000),
    (16000, 8000),
    (96000, 8000),
    (22050, 16000),
]
UP = [(44100, 48000), (16000, 48000), (8000, 44100), (22050, 44100), (16000, 22050), (24000, 32000), (8000, 96000)]


@pytest.fixture(scope="module")
def ns():
    return run_example("audio_resampling.py")


@pytest.fixture(scope="module")
def sweep(ns):
    return {(pair, name): ns["measure"](name, *pair) for pair in DOWN + UP for name in ns["resamplers"]}


def test_no_1d_mode_takes_antialias(ns):
    for mode in ("nearest", "nearest-exact", "linear", "area"):
        assert ns["accepts"][mode, False] == "✓"
        assert ns["accepts"][mode, True].startswith("`ValueError: Anti-alias option is restricted"), mode
    for mode in ("bilinear", "bicubic", "lanczos"):
        assert F.interpolate(torch.rand(2, 3, 1, 48), size=(1, 16), mode=mode, antialias=True).shape == (2, 3, 1, 16)


@pytest.mark.parametrize("k", range(2, 102))
def test_linear_at_a_whole_factor_is_decimation(k):
    for n in (1, 2, 3, 7):
        x = torch.randn(2, 3, n * k, dtype=torch.float64)
        y = F.interpolate(x, size=n, mode="linear")
        if k % 2:
            expected = x[..., (k - 1) // 2 :: k]
        else:
            expected = (x[..., k // 2 - 1 :: k] + x[..., k // 2 :: k]) / 2
        torch.testing.assert_close(y, expected, rtol=0, atol=1e-12)


@pytest.mark.parametrize("k", range(2, 102, 2))
def test_linear_at_an_even_factor_is_not_decimation(k):
    # The heading once said "linear at a whole factor is decimation"; the glossary's decimation keeps
    # every k-th sample unfiltered. At even k no such slice is the output: it averages two neighbours.
    x = torch.randn(1, 1, 7 * k, dtype=torch.float64)
    y = F.interpolate(x, size=7, mode="linear")
    assert not any(torch.allclose(y, x[..., j::k], rtol=0, atol=1e-6) for j in range(k))
    assert "at a whole factor is decimation" not in (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    assert "`linear` 就是抽取" not in (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("k", range(3, 102, 2))
def test_linear_decimation_turns_a_skipped_inf_or_nan_into_nan(k):
    # The page: decimation holds for finite input; for k >= 3 the weight-0 neighbour still enters the sum.
    for bad in (float("inf"), float("nan")):
        for dtype in (torch.float32, torch.float64):
            x = torch.randn(1, 1, 4 * k, dtype=dtype)
            x[..., (k - 1) // 2 + 1] = bad  # next to the sample output 0 reads
            y = F.interpolate(x, size=4, mode="linear")[0, 0]
            assert torch.isnan(y[0]) and torch.isfinite(x[0, 0, (k - 1) // 2]), (k, bad, dtype)
            assert torch.equal(y[1:], x[0, 0, (k - 1) // 2 :: k][1:])


def test_align_corners_true_to_one_sample_reads_sample_0():
    for n in range(2, 50):
        x = torch.randn(1, 1, n, dtype=torch.float64)
        assert F.interpolate(x, size=1, mode="linear", align_corners=True).item() == x[0, 0, 0].item()


def _triangle_weights(n_in, n_out, align_corners=False):
    """The antialiased triangle: stretched by n_in / n_out (align_corners=True: (n_in - 1) / (n_out - 1)) when that
    exceeds 1, normalised per output sample."""
    scale = (n_in - 1) / (n_out - 1) if align_corners else n_in / n_out
    stretch = max(scale, 1.0)
    weights = np.zeros((n_out, n_in))
    for i in range(n_out):
        centre = (i + 0.5) * scale
        lo, hi = max(int(centre - stretch + 0.5), 0), min(int(centre + stretch + 0.5), n_in)
        row = np.array([max(0.0, 1 - abs((j + 0.5 - centre) / stretch)) for j in range(lo, hi)])
        weights[i, lo:hi] = row / row.sum()
    return torch.from_numpy(weights)


def test_image_view_is_a_stretched_triangle_along_the_signal_only():
    for n_in in range(1, 41):
        for n_out in list(range(1, 3 * n_in + 1)) + [200]:
            identity = torch.eye(n_in, dtype=torch.float64).view(n_in, 1, 1, n_in)
            got = F.interpolate(identity, size=(1, n_out), mode="bilinear", antialias=True)[:, 0, 0, :].T
            torch.testing.assert_close(got, _triangle_weights(n_in, n_out), rtol=0, atol=1e-12)


def test_image_view_equals_plain_linear_when_enlarging():
    # Review r137-8: the page says "for every input length up to 30, enlarged to up to 1000 samples"; this test took
    # the output lengths up to 3 times the input and 1000, the one below every 7th length beyond: now every one.
    for n_in in range(1, 31):
        for n_out in range(n_in, 1001):
            x = torch.randn(2, 3, n_in, dtype=torch.float64)
            plain = F.interpolate(x, size=n_out, mode="linear")
            viewed = F.interpolate(x.unsqueeze(2), size=(1, n_out), mode="bilinear", antialias=True).squeeze(2)
            torch.testing.assert_close(viewed, plain, rtol=0, atol=1e-12)
    en = " ".join((ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8").split())
    assert "for every input length up to 30, enlarged to up to 1000 samples, the two agree in float64 to 1e-12" in en
    assert "输入长度不超过 30、放大到不超过 1000 个采样点时" in (ROOT / "docs/audio-resampling.zh.md").read_text(
        encoding="utf-8"
    )


_GAP_AT_A_MILLION = """
import torch, torch.nn.functional as F
torch.set_num_threads(1)
gen, gap, relative = torch.Generator().manual_seed(1), 0.0, 0.0
for _ in range(3):
    for n_in in range(1, 31):
        for n_out in [*range(n_in + 1, 3 * n_in + 1), 200, 1000]:
            x = torch.randn(4, 2, n_in, dtype=torch.float64, generator=gen) * 1e6
            plain = F.interpolate(x, size=n_out, mode="linear")
            viewed = F.interpolate(x.unsqueeze(2), size=(1, n_out), mode="bilinear", antialias=True).squeeze(2)
            d = (viewed - plain).abs().max().item()
            gap, relative = max(gap, d), max(relative, d / x.abs().max().item())
print(gap, relative)
"""


@pytest.mark.parametrize("capability", ["default", "avx2"])
def test_image_view_gap_when_enlarging_grows_with_the_values(capability):
    # Review 28: "agree in float64 to 1e-12" holds on values of order 1; near a million the gap grows.
    # Review 33: the bound that holds is relative: under 1e-14 of the largest value (3.4e-15 here).
    # Review r122-8: the page said the gap "reaches about 1e-8" near a million; that is the AVX2 and AVX-512 kernels'
    # 1.07e-8 on this sweep; the default kernels reach 6.3e-9 (under 7e-9 on seeds 0 to 3 too). It now says "passes 1e-9".
    gap, relative = (float(v) for v in run_python(_GAP_AT_A_MILLION, ATEN_CPU_CAPABILITY=capability).split())
    assert 1e-9 < gap < 2e-8, gap
    assert (gap > 1e-8) is (capability == "avx2"), gap
    assert relative < 1e-14, relative
    en = " ".join((ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8").split())
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "on values near a million it passes 1e-9)" in en and "reaches about 1e-8" not in en
    assert "数值在一百万左右时超过 1e-9）" in zh and "可达约 1e-8" not in zh


def test_align_corners_true_grid_on_a_ramp():
    for n_in, n_out in ((48, 16), (441, 480), (480, 441), (5, 2)):
        ramp = torch.arange(n_in, dtype=torch.float64).view(1, 1, -1)
        got = F.interpolate(ramp, size=n_out, mode="linear", align_corners=True).view(-1)
        torch.testing.assert_close(got, torch.arange(n_out, dtype=torch.float64) * (n_in - 1) / (n_out - 1))
        half = F.interpolate(ramp, size=n_out, mode="linear").view(-1)
        inside = slice(1, -1)  # clamped at the ends
        expected = (torch.arange(n_out, dtype=torch.float64) + 0.5) * n_in / n_out - 0.5
        torch.testing.assert_close(half[inside], expected[inside])


@pytest.mark.parametrize("pair", DOWN[:4] + UP[:3])
def test_every_interpolate_setting_delays_by_half_a_sample_difference(ns, pair):
    fs_in, fs_out = pair
    for name in ns["resamplers"]:
        expected = 0.0 if name.startswith("resample_poly") else 0.5 * (fs_in / fs_out - 1)
        assert abs(ns["delay"](name, fs_in, fs_out) - expected) < 0.01, name


def test_delay_table_cells(ns):
    assert abs(ns["delays"]["48 kHz → 16 kHz", "linear"] - 1.0) < 1e-3
    assert abs(ns["delays"]["44.1 kHz → 48 kHz", "linear"] - 0.5 * (44100 / 48000 - 1)) < 1e-3
    # Review 52: the cell's comment said the delay is measured "against the method's own grid formula"; against that
    # formula every method would sit at 0. It is measured on resample_poly's grid i * fs_in / fs_out.
    source = (ROOT / "examples/audio_resampling.py").read_text(encoding="utf-8")
    assert "against the method's own grid formula" not in source and "(resample_poly's grid)" in source


def test_linear_down_by_three_keeps_all_aliases_and_a_perfect_passband(ns):
    result = ns["results"]["48 kHz → 16 kHz", "linear"]
    assert abs(result["aliased"]) < 0.1 and result["error"] < -100


@pytest.mark.parametrize("pair", DOWN)
def test_linear_aliases_most_when_shrinking(sweep, ns, pair):
    linear = sweep[pair, "linear"]["aliased"]
    for name in ns["resamplers"]:
        assert linear >= sweep[pair, name]["aliased"] - 1e-6, name
    # area equals linear at a factor of 2 (both average two neighbours); else it aliases less.
    tie = pair[0] == 2 * pair[1]
    assert (abs(linear - sweep[pair, "area"]["aliased"]) < 1e-3) == tie


@pytest.mark.parametrize("pair", DOWN)
def test_resample_poly_aliases_least_except_48_to_44(sweep, ns, pair):
    poly = sweep[pair, "resample_poly (scipy)"]["aliased"]
    others = {name: sweep[pair, name]["aliased"] for name in ns["resamplers"] if not name.startswith("resample_poly")}
    if pair == (48000, 44100):
        assert others["area"] < poly - 5 and all(v > poly for n, v in others.items() if n != "area")
        # ...because area also removes the top of the passband: the worst passband error there.
        errors = {name: sweep[pair, name]["error"] for name in ns["resamplers"]}
        assert max(errors, key=errors.get) == "area"
    else:
        assert all(v > poly + 2 for v in others.values()), others


@pytest.mark.parametrize("pair", DOWN + UP)
def test_passband_error_poly_far_below_torch_filters_and_lanczos_best_of_them(sweep, pair):
    poly = sweep[pair, "resample_poly (scipy)"]["error"]
    errors = {name: sweep[pair, name]["error"] for name in TORCH_FILTERS}
    assert poly < -37 and all(v > poly + 15 for v in errors.values()), errors
    assert min(errors, key=errors.get) == "lanczos, antialias (1 × L), CPU"
    assert all(v > -21 for v in errors.values())


@pytest.mark.parametrize("pair", UP)
def test_enlarging_antialias_changes_nothing(sweep, ns, pair):
    a, b = sweep[pair, "linear"]["y"], sweep[pair, "bilinear, antialias (1 × L)"]["y"]
    # Within 1e-12 in float64 (the test above); in float32 the two kernels round the sample positions apart.
    assert np.abs(a - b).max() < 1e-3
    # Review 43: the bold said "antialias changes nothing" and "the view equals linear"; in float32 they are not equal
    # in any of the 7 pairs on the CPU (44.1 -> 48 kHz: by 3.6e-5), so the page now says "beyond rounding", "matches".
    # Review r122-8: that is the AVX2 and AVX-512 kernels; the default ones give the same bits (as the page says).
    if ns["device"].type == "cpu":
        assert bool(np.abs(a - b).max() > 0) is (torch.backends.cpu.get_cpu_capability() != "DEFAULT")
    assert abs(sweep[pair, "linear"]["error"] - sweep[pair, "bilinear, antialias (1 × L)"]["error"]) < 0.05


def test_table_matches_measure(ns):
    assert [case for case, _ in ns["columns"]] == ["48 kHz → 16 kHz"] * 2 + ["48 kHz → 44.1 kHz"] * 2 + [
        "44.1 kHz → 48 kHz"
    ]
    # Review 52: the script's docstring (the notebook's first cell) named only the two drawn cases, not the table's third.
    docstring = " ".join((ROOT / "examples/audio_resampling.py").read_text(encoding="utf-8").split('"""')[1].split())
    assert all(case.replace("→", "->") in docstring for case in ns["cases"]), docstring


def test_measuring_on_the_wrong_grid_would_dominate_the_error(ns):
    # The lanczos output at 48 -> 16 kHz against the ideal chirp at resample_poly's grid (i * 3).
    result = ns["results"]["48 kHz → 16 kHz", "lanczos, antialias (1 × L), CPU"]
    rate, y = result["rate"], result["y"]
    t = np.arange(len(y)) * 3 / 48000
    inside = (rate * t < 0.9 * 8000) & (t > 0.01)
    wrong = 10 * np.log10(np.mean((y - np.cos(np.pi * rate * t**2))[inside] ** 2) / 0.5)
    assert wrong > result["error"] + 10


def test_no_method_removes_the_narrow_band_of_48_to_44(sweep, ns):
    assert all(sweep[(48000, 44100), name]["aliased"] > -20 for name in ns["resamplers"])


def test_torch_filters_lose_gain_towards_the_top_of_the_band(ns):
    for case in ns["drawn"]:
        cutoff = min(ns["cases"][case]) / 2
        for name in TORCH_FILTERS:
            f, gain, _ = ns["response"](ns["results"][case, name], cutoff)
            low = gain[(f > 0.1 * cutoff) & (f < 0.2 * cutoff)].mean()
            high = gain[(f > 0.8 * cutoff) & (f < 0.9 * cutoff)].mean()
            assert 20 * np.log10(high / low) < -1, (case, name)


def test_upsampling_images_resample_poly_far_less_except_at_the_top(ns):
    case = "44.1 kHz → 48 kHz"
    cutoff = min(ns["cases"][case]) / 2
    spurious = {name: ns["response"](ns["results"][case, name], cutoff) for name in ns["resamplers"]}
    poly_f, _, poly = spurious["resample_poly (scipy)"]
    below = poly_f < 0.9 * cutoff
    for name, (_, _, level) in spurious.items():
        if name != "resample_poly (scipy)":
            assert 10 * np.log10(np.median(level[below]) / np.median(poly[below])) > 20, name
    # The top tenth of the band: the images of the chirp pass resample_poly's transition band.
    assert 10 * np.log10(poly[~below].max()) > -15 > 10 * np.log10(poly[below].max())


def test_enlarging_a_long_signal_plain_linear_snaps_positions_on_the_cpu(ns):
    """The page: on long signals the 1 x L view and plain linear part (CPU, float64): linear
    moves a position that float32 rounds up to a whole sample up to it; the view keeps the position."""
    plain, view, exact = ns["plain"], ns["view"], ns["exact"]
    snapped = (plain - view).abs() > 1e-9
    assert snapped.sum() > 100 and (plain - view).abs().max() > 1e-3
    assert (view - exact).abs().max() < 1e-9
    torch.testing.assert_close(plain[snapped], torch.ceil(exact[snapped]), rtol=0, atol=0)
    assert ((torch.ceil(exact[snapped]) - exact[snapped]) < 0.02).all()
    # not on short signals: every input length up to 30 (above), and 2000 -> 2001 here
    ramp = torch.arange(2000, dtype=torch.float64).view(1, 1, -1)
    short = F.interpolate(ramp, size=2001, mode="linear") - F.interpolate(
        ramp.unsqueeze(2), size=(1, 2001), mode="bilinear", antialias=True
    ).squeeze(2)
    assert short.abs().max() < 1e-12


@pytest.mark.parametrize("pair", UP)
def test_enlarging_the_one_second_chirps_the_view_equals_linear_in_float64(ns, pair):
    fs_in, fs_out = pair
    x = torch.from_numpy(ns["chirp"](fs_in)[0]).view(1, 1, -1)
    plain = F.interpolate(x, size=fs_out, mode="linear")  # 1 s in, 1 s out
    viewed = F.interpolate(x.unsqueeze(2), size=(1, fs_out), mode="bilinear", antialias=True).squeeze(2)
    torch.testing.assert_close(viewed, plain, rtol=0, atol=1e-12)
    if pair == (44100, 48000):  # "not bit for bit with the AVX2 or AVX-512 kernels"; the default ones: see below
        assert torch.equal(viewed, plain) is (torch.backends.cpu.get_cpu_capability() == "DEFAULT")


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_decimation_holds_up_to_2_to_the_24_samples_and_not_beyond(dtype):
    """The page: linear at odd k is x[..., (k - 1) // 2 :: k] up to 2**24 input samples; beyond,
    float32 rounds the positions and float64 (CPU) snaps some, so some outputs read a neighbour.
    Values are sample numbers modulo 1024: exact in both dtypes."""
    if dtype == torch.float32 and torch.backends.cpu.get_cpu_capability() == "DEFAULT":
        pytest.skip("the default CPU kernels hold it only up to 2**23 (the page says so; tested in a subprocess below)")
    k = 3
    for n, exact in ((2**24 // k, True), (48000 * 60 * 6 // k, False)):  # 16777215 samples; 6 min at 48 kHz
        x = (torch.arange(n * k, dtype=torch.int32) % 1024).to(dtype).view(1, 1, -1)
        y = F.interpolate(x, size=n, mode="linear").view(-1)
        assert torch.equal(y, x.view(-1)[(k - 1) // 2 :: k]) == exact, (n * k, dtype)


def test_given_a_scale_factor_the_step_is_its_inverse_not_the_length_ratio():
    for n_in, s in ((10, 0.35), (7, 2.5), (44101, 48000 / 44100), (48, 1 / 3)):
        ramp = torch.arange(n_in, dtype=torch.float64).view(1, 1, -1)
        got = F.interpolate(ramp, scale_factor=s, mode="linear").view(-1)
        n_out, i = len(got), torch.arange(len(got), dtype=torch.float64)
        by_scale = ((i + 0.5) / s - 0.5).clamp(0, n_in - 1)
        by_lengths = ((i + 0.5) * n_in / n_out - 0.5).clamp(0, n_in - 1)
        torch.testing.assert_close(got, by_scale, rtol=0, atol=1e-9)
        whole = abs(n_in * s - round(n_in * s)) < 1e-9
        assert ((got - by_lengths).abs().max() < 1e-9) == whole, (n_in, s)
        recomputed = F.interpolate(ramp, scale_factor=s, mode="linear", recompute_scale_factor=True).view(-1)
        torch.testing.assert_close(recomputed, by_lengths, rtol=0, atol=1e-2)  # floorf: see the long-signal test


@pytest.mark.parametrize(
    "dtype, k", [(torch.float32, 2), (torch.float32, 4), (torch.float32, 100), (torch.float64, 4), (torch.float64, 100)]
)
def test_even_k_is_the_mean_of_two_neighbours_only_up_to_2_to_the_23_samples(dtype, k):
    for n, exact in ((2**23 // k, True), (2**23 // k + 1, False)):  # 8388608 samples and just beyond
        x = (torch.arange(n * k, dtype=torch.int32) % 1024).to(dtype).view(1, 1, -1)
        y = F.interpolate(x, size=n, mode="linear")
        assert torch.equal(y, (x[..., k // 2 - 1 :: k] + x[..., k // 2 :: k]) / 2) == exact, (n * k, dtype)


def test_a_scale_factor_steps_by_the_length_ratio_only_up_to_the_rounding_of_its_inverse():
    # L_in * s whole, yet float64 steps by 1/(1/49) = 49.00000000000001, not 245/5
    ramp = torch.arange(245, dtype=torch.float64).view(1, 1, -1)
    got = F.interpolate(ramp, scale_factor=1 / 49, mode="linear").view(-1)
    off = (got - ((torch.arange(5, dtype=torch.float64) + 0.5) * 49 - 0.5)).abs().max().item()
    assert 0 < off < 3e-14
    # L_in * s not whole, yet on float32 input 1/s rounds to 1/2 and the step is exactly in/out
    for n_in in range(1, 40):
        x = torch.randn(1, 2, n_in)
        by_scale = F.interpolate(x, scale_factor=2.000000001, mode="linear")
        assert torch.equal(by_scale, F.interpolate(x, size=2 * n_in, mode="linear")), n_in


def test_align_corners_true_corner_grid_only_for_linear():
    # Review 9: the page said every setting samples i * step with align_corners=True; the
    # antialiased views centre on (i + 0.5) * step - 0.5 and lanczos refuses the flag.
    for n_in, n_out in ((48, 16), (441, 480), (480, 441), (12, 5), (5, 9)):
        ramp = torch.arange(n_in, dtype=torch.float64).view(1, 1, 1, -1)
        step = (n_in - 1) / (n_out - 1)
        corners = torch.arange(n_out, dtype=torch.float64) * step
        for mode in ("bilinear", "bicubic"):
            got = F.interpolate(ramp, size=(1, n_out), mode=mode, antialias=True, align_corners=True).view(-1)
            assert (got - corners).abs().max() > 0.01, (mode, n_in, n_out)
        if n_out > n_in:  # enlarging: a 2-tap interpolation, exact on a ramp away from the clamped ends
            got = F.interpolate(ramp, size=(1, n_out), mode="bilinear", antialias=True, align_corners=True).view(-1)
            centres = (torch.arange(n_out, dtype=torch.float64) + 0.5) * step - 0.5
            torch.testing.assert_close(got[1:-1], centres[1:-1])
        with pytest.raises(ValueError):
            F.interpolate(ramp, size=(1, n_out), mode="lanczos", antialias=True, align_corners=True)


def test_a_scale_factor_that_keeps_the_length_reads_the_length_ratio_positions():
    # The step 1/s would move every sample but the first; linear copies the input instead.
    for length in range(2, 20):
        ramp = torch.arange(float(length), dtype=torch.float64).view(1, 1, -1)
        out = F.interpolate(ramp, scale_factor=1.05, mode="linear")
        assert out.shape[-1] == length and torch.equal(out, ramp)
        stepped = ((torch.arange(length, dtype=torch.float64) + 0.5) / 1.05 - 0.5).clamp(min=0)
        assert not torch.equal(stepped, ramp.flatten())


_DECIMATION_BY_CAPABILITY = """
import torch, torch.nn.functional as F
k = 3
for dtype in (torch.float32, torch.float64):
    for n in (2**23 // k, 2**23 // k + 3, 2**24 // k):
        x = (torch.arange(n * k, dtype=torch.int32) % 1024).to(dtype).view(1, 1, -1)
        wrong = (F.interpolate(x, size=n, mode="linear").view(-1) != x.view(-1)[1::k]).nonzero().view(-1)
        print(str(dtype)[6:], n * k, wrong[0].item() if len(wrong) else -1)
"""


@pytest.mark.parametrize("capability", ["default", "avx2"])
def test_odd_k_decimation_holds_to_2_to_the_24_with_avx2_kernels_and_to_2_to_the_23_with_the_default_ones(capability):
    """Review 12: the default CPU kernels round (i + 0.5) * k before subtracting 1/2."""
    out = run_python(_DECIMATION_BY_CAPABILITY, ATEN_CPU_CAPABILITY=capability)
    first_wrong = {(dtype, n): i for dtype, n, i in (line.split() for line in out.split("\n") if line)}
    assert first_wrong["float32", "8388606"] == "-1"  # 2**23 // 3 * 3 samples: exact with every kernel
    assert first_wrong["float32", "8388615"] == ("2796204" if capability == "default" else "-1")  # just beyond 2**23
    assert first_wrong["float32", "16777215"] == ("2796204" if capability == "default" else "-1")
    # Review 64: the page gave 2**24 for "the AVX2 or AVX-512 kernels" and 2**23 for the default ones "in float32",
    # leaving float64 with the default kernels unsaid: it holds to 2**24 with every kernel (exact positions, floorf).
    assert all(first_wrong["float64", n] == "-1" for n in ("8388606", "8388615", "16777215"))
    en = (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "- Odd *k*, in float64 with any of torch's CPU kernels, and in float32 where torch runs its AVX2" in en
    assert "- 奇数 *k*，float64 下（torch 的哪种 CPU 内核都一样），以及 float32 下" in zh


def test_align_corners_true_keeps_the_last_sample_only_up_to_rounding():
    """Review 12: 'both ends are kept' holds for the first sample; the last is off by an ulp at 4 -> 149 (float32)."""
    x = torch.tensor([1.3, 1.7, 1.1, 1.9]).view(1, 1, -1)
    y = F.interpolate(x, size=149, mode="linear", align_corners=True)
    assert torch.equal(y[..., 0], x[..., 0])
    assert not torch.equal(y[..., -1], x[..., -1])
    torch.testing.assert_close(y[..., -1], x[..., -1], rtol=0, atol=2.5e-7)
    off = 0
    for n_in in range(2, 20):
        x = torch.rand(1, 1, n_in, generator=torch.Generator().manual_seed(n_in)) + 1
        for n_out in range(2, 200):
            y = F.interpolate(x, size=n_out, mode="linear", align_corners=True)
            assert torch.equal(y[..., 0], x[..., 0])
            torch.testing.assert_close(y[..., -1], x[..., -1], rtol=0, atol=1e-5)
            off += not torch.equal(y[..., -1], x[..., -1])
    assert off > 0


_VIEW_VS_LINEAR_44_TO_48 = """
import numpy as np, torch, torch.nn.functional as F
t = np.arange(44100) / 44100
x = torch.from_numpy(np.cos(np.pi * 22050 * t**2)).view(1, 1, -1)
plain = F.interpolate(x, size=48000, mode="linear")
viewed = F.interpolate(x.unsqueeze(2), size=(1, 48000), mode="bilinear", antialias=True).squeeze(2)
print(torch.equal(plain, viewed), (plain - viewed).abs().max().item() < 1e-12)
gaps = []  # the 1-s chirps of the 7 upsampling pairs, in float32
for a, b in %r:
    t = np.arange(a) / a
    x = torch.from_numpy(np.cos(np.pi * (a / 2) * t**2)).float().view(1, 1, -1)
    plain = F.interpolate(x, size=b, mode="linear")
    viewed = F.interpolate(x.unsqueeze(2), size=(1, b), mode="bilinear", antialias=True).squeeze(2)
    gaps.append((plain - viewed).abs().max().item())
print(min(gaps), max(gaps))
"""


@pytest.mark.parametrize("capability", ["default", "avx2"])
def test_the_enlarged_chirp_view_equals_linear_bit_for_bit_only_with_the_default_kernels(capability):
    """Review 12: 'not bit for bit' at 44.1 -> 48 kHz in float64 holds for the AVX2 kernels, not the default ones."""
    out = run_python(_VIEW_VS_LINEAR_44_TO_48 % (UP,), ATEN_CPU_CAPABILITY=capability).split()
    assert out[:2] == [str(capability == "default"), "True"]
    # Review 49: "in float32 the two kernels round differently" held for the AVX2 kernels only: with the default ones
    # the view equals linear bit for bit in all 7 upsampling pairs; with avx2 it differs in every one, under 0.001.
    lo, hi = map(float, out[2:])
    assert (lo == hi == 0) if capability == "default" else (0 < lo and hi < 1e-3)


def test_align_corners_true_to_one_sample_centres_the_antialiased_views_at_minus_half():
    # Review 19: the (i + 0.5) * (L_in - 1) / (L_out - 1) - 0.5 rule has no value for one output sample:
    # torch takes the step as 0, so the sample sits at -0.5 and bicubic reads 1.125 x0 - 0.125 x1.
    for n_in in range(2, 12):
        x = torch.rand(1, 1, 1, n_in, dtype=torch.float64)
        linear = F.interpolate(x[:, :, 0], size=1, mode="linear", align_corners=True).item()
        bicubic = F.interpolate(x, size=(1, 1), mode="bicubic", antialias=True, align_corners=True).item()
        assert linear == x[0, 0, 0, 0].item()
        assert bicubic == pytest.approx(1.125 * x[0, 0, 0, 0].item() - 0.125 * x[0, 0, 0, 1].item(), abs=1e-12)


def test_a_whole_length_times_the_factor_meets_the_length_ratio_only_as_float64_computes_it():
    """Review 23: 343 * (1/49) is 7 on paper but 6.999... in float64: 6 samples, on a grid far from 343/6."""
    ramp = torch.arange(343, dtype=torch.float64).view(1, 1, -1)
    got = F.interpolate(ramp, scale_factor=1 / 49, mode="linear").view(-1)
    assert got.numel() == 6
    by_ratio = (torch.arange(6, dtype=torch.float64) + 0.5) * 343 / 6 - 0.5
    assert 44 < (got - by_ratio).abs().max().item() < 45


def test_the_spectrogram_shows_spurious_rising_lines_too(ns):
    """Review 23: the figure said "all but the rising line is spurious"; 48 -> 16 kHz `linear` folds the chirp
    back up once it passes 16 kHz: a second rising line, at full strength, that is all aliasing."""
    x, rate = ns["chirp"](48000)
    y = F.interpolate(torch.from_numpy(x).view(1, 1, -1), size=16000, mode="linear").view(-1).numpy()
    peaks = []
    for start in (0.75, 0.9):  # the chirp is at 18 and 21.6 kHz, above the new Nyquist frequency
        piece = y[int(start * 16000) : int(start * 16000) + 512] * np.hanning(512)
        spectrum = np.abs(np.fft.rfft(piece))
        peaks.append(np.fft.rfftfreq(512, 1 / 16000)[spectrum.argmax()])
    centres = [start + 256 / 16000 for start in (0.75, 0.9)]  # the middle of each window
    assert all(abs(peak - (rate * centre - 16000)) < 100 for peak, centre in zip(peaks, centres)), peaks
    assert peaks[1] > peaks[0] + 3000  # rising, and spurious: the ideal output is silence there


def test_one_second_view_and_linear_part_at_some_rates_already():
    # Review 35: "so do the 1-s signals enlarged below. On long signals they part": 1 s at 44.1 -> 96 kHz
    # already parts (77 positions moved, by up to 0.0016 sample), while 48 -> 96 kHz does not.
    def gap(n_in, n_out):
        ramp = torch.arange(n_in, dtype=torch.float64).view(1, 1, -1)
        plain = F.interpolate(ramp, size=n_out, mode="linear")
        view = F.interpolate(ramp.unsqueeze(2), size=(1, n_out), mode="bilinear", antialias=True).squeeze(2)
        return (plain - view).abs()

    moved = gap(44100, 96000)
    assert int((moved > 1e-9).sum()) == 77 and 0.0015 < moved.max().item() < 0.0017
    assert gap(48000, 96000).max().item() < 1e-12


def test_short_signals_agree_to_1e_12_up_to_1000_samples_out_not_a_million():
    # Review 36: "for every input length up to 30 the two agree in float64 to 1e-12" was checked up to 3x and
    # 1000 samples out; 30 samples enlarged to 1,000,003 part by 4e-8 to 3e-6 (floorf moves positions there too).
    gen = torch.Generator().manual_seed(0)

    def gap(n_in, n_out, batch=2):
        x = torch.randn(batch, 1, n_in, dtype=torch.float64, generator=gen)
        plain = F.interpolate(x, size=n_out, mode="linear")
        viewed = F.interpolate(x.unsqueeze(2), size=(1, n_out), mode="bilinear", antialias=True).squeeze(2)
        return (viewed - plain).abs().max().item()

    assert max(gap(n_in, n_out) for n_in in range(1, 31) for n_out in range(3 * n_in + 1, 1001, 7)) < 1e-12
    far = [gap(30, 1_000_003, batch=1) for _ in range(20)]
    assert min(far) > 1e-12, min(far)


def test_a_short_signal_made_very_long_parts_by_an_amount_no_range_of_seeds_binds():
    # Review 43: the page quoted "part by 4e-8 to 3e-6", the range of 20 seeds; over 300 seeds the gap ran from
    # 8e-10 to 2e-6. The page now says only "by more than 1e-12"; seeds 55 and 44 (of 0..119) part by under 1e-8.
    def gap(seed):
        x = torch.randn(1, 1, 30, dtype=torch.float64, generator=torch.Generator().manual_seed(seed))
        plain = F.interpolate(x, size=1_000_003, mode="linear")
        viewed = F.interpolate(x.unsqueeze(2), size=(1, 1_000_003), mode="bilinear", antialias=True).squeeze(2)
        return (viewed - plain).abs().max().item()

    gaps = [gap(seed) for seed in (55, 44)]
    assert all(1e-12 < g < 1e-8 for g in gaps), gaps


def test_decimation_and_grid_offset_need_align_corners_false_and_size():
    # Review 38: "with size=L/k, linear is x[..., (k-1)//2::k]" and "offset by (L_in/L_out - 1)/2" assume the default
    # align_corners=False (and size=): with align_corners=True neither holds.
    x = torch.randn(1, 1, 63, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    for k in (3, 7, 9):
        assert torch.equal(F.interpolate(x, size=63 // k, mode="linear"), x[..., (k - 1) // 2 :: k])
        assert not torch.allclose(
            F.interpolate(x, size=63 // k, mode="linear", align_corners=True), x[..., (k - 1) // 2 :: k]
        )
    ramp = torch.arange(63, dtype=torch.float64).view(1, 1, 63)
    plain = F.interpolate(ramp, size=21, mode="linear")[0, 0, 5:15]
    corners = F.interpolate(ramp, size=21, mode="linear", align_corners=True)[0, 0, 5:15]
    grid = torch.arange(5, 15, dtype=torch.float64) * 3
    assert torch.allclose(plain - grid, torch.full_like(grid, (3 - 1) / 2))
    assert not torch.allclose(corners - grid, torch.full_like(grid, (3 - 1) / 2))


@pytest.mark.parametrize("align_corners", [False, True])
def test_antialiased_view_stretches_its_triangle_by_the_align_corners_scale(align_corners):
    # Review 38: "when the signal shrinks, the 1 x L bilinear view is the triangle stretched by L_in / L_out" holds
    # with align_corners=False; with True the stretch (and the spacing) is (L_in - 1) / (L_out - 1).
    for length_in, length_out in ((40, 7), (25, 9), (31, 4)):
        scale = (length_in - 1) / (length_out - 1) if align_corners else length_in / length_out
        centres = (torch.arange(length_out, dtype=torch.float64) + 0.5) * scale - 0.5
        taps = torch.arange(length_in, dtype=torch.float64)
        triangle = (1 - ((taps[None] - centres[:, None]) / scale).abs()).clamp(min=0)
        expected = triangle / triangle.sum(1, keepdim=True)
        eye = torch.eye(length_in, dtype=torch.float64).view(length_in, 1, 1, length_in)
        matrix = F.interpolate(eye, size=(1, length_out), mode="bilinear", antialias=True, align_corners=align_corners)
        assert torch.allclose(matrix[:, 0, 0].T, expected, atol=1e-12), (length_in, length_out)
    stretched_plainly = (1 - ((taps[None] - centres[:, None]) * length_out / length_in).abs()).clamp(min=0)
    assert (
        torch.allclose(matrix[:, 0, 0].T, stretched_plainly / stretched_plainly.sum(1, keepdim=True))
        is not align_corners
    )


def test_enlarging_view_equals_linear_only_without_align_corners():
    # Review 38: "when the signal grows the filter is plain linear's" (equal to 1e-12) holds with
    # align_corners=False; with True the antialiased view centres its samples elsewhere.
    x = torch.randn(1, 1, 30, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    for corners, equal in ((False, True), (True, False)):
        view = F.interpolate(x[:, :, None], size=(1, 97), mode="bilinear", antialias=True, align_corners=corners)
        plain = F.interpolate(x, size=97, mode="linear", align_corners=corners)
        assert ((view[:, :, 0] - plain).abs().max().item() < 1e-12) is equal, corners


def test_torchaudio_is_not_installed_so_the_page_runs_none_of_it():
    # Review 42: the torchaudio section says torchaudio is not installed on the build machine and quotes its
    # documentation and source (torchaudio 2.11) instead of numbers; if it ever gets installed, that section must
    # run it rather than cite it.
    assert importlib.util.find_spec("torchaudio") is None
    source = (pathlib.Path(__file__).parents[2] / "examples" / "audio_resampling.py").read_text(encoding="utf-8")
    assert "torchaudio" not in source


def test_just_beyond_the_limits_some_k_still_hold():
    """Review 42: "for even k it holds in float32 only up to 2**23 samples" and "beyond it, some outputs no longer
    return their sample" were false as rules: k = 10 still holds at 8,388,610 samples (> 2**23) and k = 7 at
    16,777,222 (> 2**24, AVX2/AVX-512 kernels); k = 6 at 8,388,612 already fails. True: they can fail beyond.
    (With ATEN_CPU_CAPABILITY=default the two even cases give the same answers; checked once, too slow to keep.)"""
    held = []
    for k, length in ((10, 8388610), (6, 8388612), (7, 16777222)):
        if k == 7 and torch.backends.cpu.get_cpu_capability() == "DEFAULT":
            continue  # the default kernels round (i + 0.5) * k first: see the capability test above
        n = length // k
        x = (torch.arange(n * k, dtype=torch.int32) % 1024).float().view(1, 1, -1)
        y = F.interpolate(x, size=n, mode="linear")
        want = x[..., (k - 1) // 2 :: k] if k % 2 else (x[..., k // 2 - 1 :: k] + x[..., k // 2 :: k]) / 2
        held.append(torch.equal(y, want))
    assert held[:2] == [True, False] and all(held[2:]), held


def test_area_does_not_read_at_the_half_pixel_grid_position_when_enlarging():
    # Review 43: the shown resamplers cell said "output sample i reads the input at (i + 0.5) * n_in / n_out - 0.5"
    # for every F.interpolate resampler, area included; enlarging, area averages whole samples instead
    # (on a ramp, 10 -> 13: output 1 is 0.5, not 0.654). The comment now says what linear and area do.
    ramp = torch.arange(10, dtype=torch.float64).view(1, 1, -1)
    grid = (torch.arange(13, dtype=torch.float64) + 0.5) * 10 / 13 - 0.5
    area = F.interpolate(ramp, size=13, mode="area")[0, 0]
    linear = F.interpolate(ramp, size=13, mode="linear")[0, 0]
    torch.testing.assert_close(linear, grid.clamp(0, 9), rtol=0, atol=1e-12)
    assert area[1].item() == 0.5 and abs(grid[1].item() - 0.5) > 0.1
    source = (pathlib.Path(__file__).parents[2] / "examples" / "audio_resampling.py").read_text(encoding="utf-8")
    assert "output sample i reads the input at" not in source
    # ...and the page's "puts output sample i at input position" became "centres", naming what linear and area do
    assert "puts output\nsample *i* at input position" not in (ROOT / "docs/audio-resampling.md").read_text(
        encoding="utf-8"
    )


def test_long_signals_only_can_part_44_s_doubled_do_not():
    # Review 43: the page said "On long signals they part" (plain linear and the 1 x L view, enlarging, on the CPU);
    # doubled, 2^21 samples (44 s at 48 kHz) give the same values: every position i / 2 - 0.25 is a quarter
    # sample, never a hair below a whole one. The page now says they "can part".
    ramp = torch.arange(2**21, dtype=torch.float64).view(1, 1, -1)
    plain = F.interpolate(ramp, size=2**22, mode="linear")
    view = F.interpolate(ramp.unsqueeze(2), size=(1, 2**22), mode="bilinear", antialias=True).squeeze(2)
    assert torch.equal(plain, view)
    assert "On long signals they\npart" not in (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")


def test_the_spectrogram_scale_is_each_panels_strongest_bin_not_always_the_chirp(ns):
    # Review 44: the shown cell said "Relative to the strongest bin: the chirp itself, where it is passed" and the
    # colour bar "power relative to the chirp". For linear at 48 -> 16 kHz the strongest bin is the full-strength
    # alias near 0 Hz, after the chirp has passed 8 kHz (2.2 dB above the chirp's own strongest bin).
    from scipy.signal import spectrogram

    for case in ns["drawn"]:
        fs_in, fs_out = ns["cases"][case]
        for name in ns["shown"]:
            result = ns["results"][case, name]
            f, seg, power = spectrogram(result["y"], fs=fs_out, nperseg=256, noverlap=192)
            passed = result["rate"] * seg < min(fs_in, fs_out) / 2
            at_the_chirp = power[:, passed].max() == power.max()
            assert at_the_chirp != (case == "48 kHz → 16 kHz" and name == "linear"), (case, name)
    source = (ROOT / "examples/audio_resampling.py").read_text(encoding="utf-8")
    assert "the chirp itself, where it is passed" not in source and "power relative to the chirp" not in source


def test_the_cited_antialias_prs_are_cpu_only_and_cuda_came_in_a_third():
    # #65142 and #68819 are titled "Added antialias flag to interpolate (CPU only, ...)";
    # CUDA came in #70930 ("CUDA, bilinear and bicubic"): citing the first two alone for
    # "came to core" overstated them.
    en = (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "(on the CPU, bilinear in\n[pytorch #65142]" in en
    assert "CPU 上的双线性见 [pytorch #65142]" in zh
    for page in (en, zh):
        assert "pytorch/pytorch/pull/70930" in page


@pytest.mark.parametrize("align_corners", [False, True])
def test_the_triangle_formula_holds_over_the_whole_sweep_for_both_align_corners(align_corners):
    # Review 46: "checked against that formula for every input length up to 40 and every output length up to
    # 3 times it" was swept only with align_corners=False. With True the (L_in - 1)/(L_out - 1) triangle holds for
    # every shrink to 2 samples or more; a single output sample has no such scale (torch takes 0) and reads x0.
    for n_in in range(2, 41):
        eye = torch.eye(n_in, dtype=torch.float64).view(n_in, 1, 1, n_in)
        for n_out in range(1, n_in):
            got = F.interpolate(eye, size=(1, n_out), mode="bilinear", antialias=True, align_corners=align_corners)
            got = got[:, 0, 0, :].T
            if align_corners and n_out == 1:
                assert got[0].tolist() == [1.0] + [0.0] * (n_in - 1)
                continue
            scale = (n_in - 1) / (n_out - 1) if align_corners else n_in / n_out
            centres = (torch.arange(n_out, dtype=torch.float64) + 0.5) * scale - 0.5
            taps = torch.arange(n_in, dtype=torch.float64)
            triangle = (1 - ((taps[None] - centres[:, None]) / scale).abs()).clamp(min=0)
            torch.testing.assert_close(got, triangle / triangle.sum(1, keepdim=True), rtol=0, atol=1e-12)


def test_a_single_aligned_output_sample_reads_sample_0_only_for_finite_input():
    # "(a single output sample reads input sample 0)" with align_corners=True: sample 1 keeps a weight of 0.
    for n in (2, 3, 48000):
        x = torch.randn(2, 1, n, dtype=torch.float64)
        assert torch.equal(F.interpolate(x, size=1, mode="linear", align_corners=True), x[..., :1])
        x[..., 1] = float("inf")
        assert torch.isnan(F.interpolate(x, size=1, mode="linear", align_corners=True)).all()


def test_the_upstream_request_was_answered_while_cuda_was_still_in_review():
    # Review 48: the page said #71638 "was closed once it turned out core already had it"; in the thread the maintainer
    # answered with the two CPU pull requests and "A CUDA implementation is still under review in #70930": core had
    # it on the CPU only. The page now says what the thread shows.
    en = (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "turned out core already had it" not in en and "核心早已有了" not in zh
    assert "then still under review" in en and "当时仍在评审中的 CUDA PR" in zh


def test_float32_view_and_linear_round_apart_only_with_the_avx2_kernels():
    # Review 49: the page said "in float32 the two kernels round differently" when enlarging the 1-s chirps, measured
    # with torch's AVX2/AVX-512 kernels. With ATEN_CPU_CAPABILITY=default the view equals linear bit for bit in all 7
    # upsampling pairs; with avx2 it differs in every one, by less than 0.001.
    # The values are checked in test_the_enlarged_chirp_view_equals_linear_bit_for_bit_only_with_the_default_kernels.
    en = (pathlib.Path(__file__).parents[2] / "docs" / "audio-resampling.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "the two kernels round differently" not in en and "的舍入方式不同" not in zh
    assert "and with the default kernels not at all)" in en and "用默认内核时则完全相同）" in zh


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_the_one_pixel_high_view_is_no_way_around_for_half_precision_on_the_cpu(dtype):
    # Review 50: "The way around it is to view the signal as an image one pixel high" and "shrink through the
    # (N, C, 1, L) view with lanczos (CPU) or bicubic" held for float32/float64 only: on the CPU the antialias kernels
    # reject float16 and bfloat16, shrinking and enlarging, in every antialiased mode. The page now names the dtypes.
    x = torch.randn(1, 2, 1, 4800).to(dtype)
    for mode in ("bilinear", "bicubic", "lanczos"):
        for length in (1600, 4410, 9600):
            with pytest.raises(RuntimeError, match="not implemented for"):
                F.interpolate(x, size=(1, length), mode=mode, antialias=True)
            assert F.interpolate(x.float(), size=(1, length), mode=mode, antialias=True).shape[-1] == length
    docs = pathlib.Path(__file__).parents[2] / "docs"
    en, zh = (
        (docs / "audio-resampling.md").read_text(encoding="utf-8"),
        (docs / "audio-resampling.zh.md").read_text(encoding="utf-8"),
    )
    assert "The way around it is to view" not in en and "shrink through the `(N, C, 1, L)`" not in en
    assert "绕过的办法是把信号" not in zh and "下采样时通过 `(N, C, 1, L)`" not in zh
    assert "for float32 and float64 signals" in en and "适用于 float32 和 float64 信号" in zh


def test_the_zh_torchaudio_paragraph_says_what_the_en_one_says():
    # Review 50: zh said "the documentation does not say which Nyquist frequency or what the width counts", a claim the
    # en sentence ("Its source says which Nyquist frequency and what the width counts") does not make.
    docs = pathlib.Path(__file__).parents[2] / "docs"
    assert "says which Nyquist frequency and what the width counts" in (docs / "audio-resampling.md").read_text(
        encoding="utf-8"
    )
    zh = (docs / "audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "文档没说" not in zh and "说明了是哪个奈奎斯特频率、宽度数的是什么" in zh


def test_given_a_scale_factor_only_linear_steps_by_its_inverse_area_keeps_the_length_ratio():
    # Review 52: "given scale_factor=s instead, the step is 1/s ..., not L_in/L_out" followed linear and area alike;
    # F.interpolate forces recompute_scale_factor for area and calls adaptive_avg_pool1d with the output length, so
    # area's cells stay L_in/L_out wide: the same bits as given size=, at every length and factor, whole or not.
    moved = 0
    for n_in in range(1, 60):
        x = torch.randn(2, 3, n_in, dtype=torch.float64, generator=torch.Generator().manual_seed(n_in))
        for s in (0.35, 1 / 3, 0.5, 1 / 49 * 7, 0.9, 1.05, 48000 / 44100, 2.5, 3.3):
            n_out = int(n_in * s)
            if n_out == 0:
                continue
            area = F.interpolate(x, scale_factor=s, mode="area")
            assert torch.equal(area, F.interpolate(x, size=n_out, mode="area")), (n_in, s)
            linear = F.interpolate(x, scale_factor=s, mode="linear")
            moved += not torch.allclose(linear, F.interpolate(x, size=n_out, mode="linear"), rtol=0, atol=1e-9)
    assert moved > 100, moved  # linear's grid is 1/s wherever L_in * s is not whole
    en = (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "the step is 1/*s* in the kernel's precision" not in en and "`area` keeps `L_in/L_out` either way" in en
    assert "如果改用 `scale_factor=s`，步长就是" not in zh and "`area` 则无论如何都按 `L_in/L_out`" in zh


@pytest.mark.parametrize("pair", DOWN)
def test_nearest_keeps_all_of_the_aliased_energy_in_every_downsampling_pair(ns, pair):
    # Review 52: "never linear or nearest" had nothing behind its nearest: the table has no nearest row. Output sample i
    # is input sample floor(i * L_in / L_out), unfiltered: while the chirp is above the new Nyquist frequency, the
    # output keeps its full power (0 dB, as linear does only at odd whole factors; at 48 -> 16 kHz they read x[0::3]
    # and x[1::3], a few hundredths of a dB apart).
    fs_in, fs_out = pair
    x, rate = ns["chirp"](fs_in)
    y = F.interpolate(torch.from_numpy(x).view(1, 1, -1), size=fs_out, mode="nearest").view(-1).numpy()
    source = np.floor(np.arange(fs_out) * fs_in / fs_out).astype(int)
    assert np.array_equal(y, x[source])
    above = rate * source / fs_in > fs_out / 2
    aliased = 10 * np.log10(np.mean(y[above] ** 2) / 0.5)
    assert abs(aliased) < 0.2, aliased
    docs = ROOT / "docs"
    assert "and with it all of the aliased energy, in every downsampling pair above)" in (
        docs / "audio-resampling.md"
    ).read_text(encoding="utf-8")
    assert "在上面每一组下采样中都保留了全部混叠能量" in (docs / "audio-resampling.zh.md").read_text(encoding="utf-8")


def _tone_delays(y, step, hz, fs_in):
    """Phase delay (input samples) of y against a tone, taking output sample i at input sample i * step, in its
    second and ninth tenth."""
    n, delays = len(y), []
    for piece in (slice(n // 10, n // 5), slice(4 * n // 5, 9 * n // 10)):
        t = np.arange(n)[piece] * step / fs_in
        basis = np.stack([np.cos(2 * np.pi * hz * t), np.sin(2 * np.pi * hz * t)], 1)
        a, b = np.linalg.lstsq(basis, y[piece], rcond=None)[0]
        delays.append(-np.arctan2(b, a) / (2 * np.pi * hz) * fs_in)
    return delays


@pytest.mark.parametrize("up, down", [(1, 2), (1, 3), (1, 6), (160, 147), (147, 160), (3, 1)])
def test_resample_poly_spaces_its_samples_by_the_rate_ratio_not_the_length_ratio(up, down):
    # Review 54: the page said resample_poly puts output sample i at i * L_in / L_out, and "What to use" that
    # F.interpolate is offset from it by (L_in/L_out - 1)/2 input samples. Its documentation says the spacing becomes
    # dx * down / up, and it returns ceil(L_in * up / down) samples: where L_in * up / down is not whole, L_in / L_out
    # is not down / up, and F.interpolate to the same length drifts against it (48,001 samples by 3: from +1 to -1).
    from scipy.signal import resample_poly

    fs_in, hz = 48000, 100.0
    for length in range(30000, 30000 + max(up, down) + 1):
        tone = np.cos(2 * np.pi * hz * np.arange(length) / fs_in)
        y = resample_poly(tone, up, down)
        assert len(y) == -(-length * up // down)
        assert max(abs(d) for d in _tone_delays(y, down / up, hz, fs_in)) < 1e-3, length
        lin = F.interpolate(torch.from_numpy(tone).view(1, 1, -1), size=len(y), mode="linear").view(-1).numpy()
        early, late = _tone_delays(lin, down / up, hz, fs_in)
        whole = length * up % down == 0
        assert bool(abs(early - late) < 1e-3) is whole, (length, early, late)
        if whole:
            assert abs(early - (down / up - 1) / 2) < 1e-3
    ramp = np.arange(48001.0)
    poly = resample_poly(ramp, 1, 3)
    lin = F.interpolate(torch.from_numpy(ramp).view(1, 1, -1), size=len(poly), mode="linear").view(-1).numpy()
    i = np.arange(len(poly))
    fit = np.polyfit(i[1600:-1600], (lin - poly)[1600:-1600], 1)
    assert abs(np.polyval(fit, 0) - 1) < 1e-3 and abs(np.polyval(fit, len(poly) - 1) + 1) < 1e-3
    en = (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "`resample_poly` puts it at *i*·`L_in/L_out`" not in en and "则放在 *i*·`L_in/L_out` 处" not in zh
    assert "from one input sample after it at the start to one before it at the end" in en
    assert "从开头晚一个输入采样点漂移到末尾早一个输入采样点" in zh


def test_linear_down_by_three_passband_error_is_the_float32_rounding_of_the_input(ns):
    # Review 54: the page called linear's passband at 48 -> 16 kHz "exact", next to a table cell of about -150 dB. The
    # output is the float32 chirp's samples 1::3; the error is that rounding, and in float64 the output is x[1::3].
    x, rate = ns["chirp"](48000)
    rounded = x.astype(np.float32).astype(np.float64)
    result = ns["results"]["48 kHz → 16 kHz", "linear"]
    assert np.array_equal(result["y"], rounded[1::3])
    t = result["t"]
    inside = (rate * t < 0.9 * 8000) & (t > 0.01)
    error = 10 * np.log10(np.mean((rounded[1::3] - np.cos(np.pi * rate * t**2))[inside] ** 2) / 0.5)
    assert error == pytest.approx(result["error"], abs=1e-9) and error > -200
    y64 = F.interpolate(torch.from_numpy(x).view(1, 1, -1), size=16000, mode="linear").view(-1).numpy()
    assert np.array_equal(y64, x[1::3])
    assert "its passband is exact" not in (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    assert "而通带是精确的" not in (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")


def test_the_torchaudio_paragraph_says_the_transform_caches_a_float32_kernel():
    # Review 54: the page offered the Resample transform beside the function with no dtype caveat; torchaudio 2.11's
    # transform documentation warns that its kernel "is cached once as float32" unless dtype= is given, a small loss
    # of precision on float64 waveforms, while the function builds the kernel in the waveform's dtype.
    en = (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "which caches the kernel) as band-limited" not in en and "（以及缓存卷积核的 `Resample` 变换）" not in zh
    assert "as float32 unless given `dtype=`" in en and "不传 `dtype=` 时卷积核按 float32 缓存" in zh


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_kept_ends_and_kept_lengths_are_copies_only_for_finite_input(dtype):
    # Review 58: "both ends are kept" (align_corners=True) and "the output keeps the input's length, which linear
    # copies" had no finiteness caveat. The kernel still weighs sample 1 by 0 at the first output and, at the last one
    # and on a kept length, adds each sample to itself with weight 0: an inf there can come back NaN.
    inf, gen = float("inf"), torch.Generator().manual_seed(0)
    first = last = pairs = 0
    for n in range(2, 20):
        for m in range(n + 1, 60):
            pairs += 1
            x = torch.rand(1, 1, n, dtype=dtype, generator=gen) + 1
            x[..., 1] = inf
            first += bool(torch.isnan(F.interpolate(x, size=m, mode="linear", align_corners=True)[0, 0, 0]))
            x = torch.rand(1, 1, n, dtype=dtype, generator=gen) + 1
            x[..., -1] = inf
            last += bool(torch.isnan(F.interpolate(x, size=m, mode="linear", align_corners=True)[0, 0, -1]))
    assert first == pairs and last > 0
    x = torch.arange(1.0, 11.0, dtype=dtype).view(1, 1, -1)
    x[..., 4] = inf
    kept = F.interpolate(x, scale_factor=1.05, mode="linear")[0, 0]
    assert torch.isnan(kept[4]) and torch.equal(kept[:4], x[0, 0, :4]) and torch.equal(kept[5:], x[0, 0, 5:])
    # Review 60: CUDA's upsample_linear1d_out_frame copies a kept length (width1 == width2), inf included
    if torch.cuda.is_available():
        assert torch.equal(F.interpolate(x.cuda(), scale_factor=1.05, mode="linear").cpu(), x)
    en = (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "Both ends are kept (a single output sample reads input sample 0), with two caveats:" in en
    assert "- for finite input only: the kernel still weighs sample 1 by 0 at the first output" in en
    assert "- 只对有限值输入成立：内核在第一个输出处仍以权重 0 读取采样点 1" in zh
    assert "×1.05 on 10 samples. The copy is exact for finite\n  input only: on the CPU" in en
    assert "(CUDA's\n  kernel copies it)" in en
    assert "10 个采样点放大 1.05 倍。这种复制只对有限值输入是精确的：CPU 上" in zh and "（CUDA 内核则直接复制）" in zh


def test_at_a_kept_length_align_corners_true_weighs_sample_0_against_itself_not_sample_1():
    # Review 61: "the kernel still weighs sample 1 by 0 at the first output" (align_corners=True) was checked only for
    # longer outputs. At a kept length the CPU kernel adds each sample to itself with weight 0, as it does for a single
    # input sample: an inf in sample 1 leaves the first output finite, one in sample 0 makes it NaN.
    inf, gen = float("inf"), torch.Generator().manual_seed(0)
    for dtype in (torch.float32, torch.float64):
        for n in range(1, 40):
            for m in range(1, 80):
                x = torch.rand(1, 1, n, dtype=dtype, generator=gen) + 1
                if n > 1:
                    x[..., 1] = inf
                    first = F.interpolate(x, size=m, mode="linear", align_corners=True)[0, 0, 0]
                    assert bool(torch.isnan(first)) == (m != n), (dtype, n, m)
                x[..., 1:] = 1
                x[..., 0] = inf
                first = F.interpolate(x, size=m, mode="linear", align_corners=True)[0, 0, 0]
                assert bool(torch.isnan(first)) == (m == n or n == 1), (dtype, n, m)
    if torch.cuda.is_available():
        # upsample_linear1d_out_frame copies a kept length (width1 == width2); from one sample w1p = 0, as on the CPU
        x = torch.tensor([[[inf, 1.0, 2.0]]], device="cuda")
        assert torch.equal(F.interpolate(x, size=3, mode="linear", align_corners=True), x)
        assert torch.isnan(F.interpolate(x[..., :1], size=4, mode="linear", align_corners=True)).all()
    en = (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "At a kept length (on the CPU: CUDA's kernel\n  copies it) and from a single input sample, the kernel" in en
    assert "输出长度与输入相同时（限 CPU：CUDA 内核直接复制），以及输入只有一个采样点时，内核改为" in zh


_LIMITS_BY_DTYPE = """
import torch, torch.nn.functional as F
for dtype in (torch.float32, torch.float16, torch.bfloat16):
    for k, n in ((3, 2**23 // 3), (3, 2**23 // 3 + 3), (3, 2**24 // 3), (4, 2**23 // 4), (4, 2**23 // 4 + 1),
                 (100, 2**23 // 100), (100, 2**23 // 100 + 1)):
        x = (torch.arange(n * k, dtype=torch.int32) % 64).to(dtype).view(1, 1, -1)  # exact in every dtype, as are means
        y = F.interpolate(x, size=n, mode="linear").view(-1)
        if k % 2:
            expected = x.view(-1)[(k - 1) // 2 :: k]
        else:
            expected = ((x.view(-1)[k // 2 - 1 :: k].float() + x.view(-1)[k // 2 :: k].float()) / 2).to(dtype)
        wrong = (y != expected).nonzero().view(-1)
        print(str(dtype)[6:], k, n * k, wrong[0].item() if len(wrong) else -1)
"""


@pytest.mark.parametrize("capability", ["default", "avx2"])
def test_half_precision_keeps_float32s_length_limits_with_either_kernel(capability):
    # Review 65: the limits named float32 and float64 only; float16 and bfloat16 audio fit neither. On the CPU their
    # positions are computed in float32 (opmath), so they break exactly where float32 does, at the same output.
    first_wrong = {}
    for line in run_python(_LIMITS_BY_DTYPE, ATEN_CPU_CAPABILITY=capability).split("\n"):
        if line:
            dtype, k, length, index = line.split()
            first_wrong[dtype, int(k), int(length)] = int(index)
    float32 = {key[1:]: index for key, index in first_wrong.items() if key[0] == "float32"}
    assert float32[3, 8388615] == (2796204 if capability == "default" else -1)
    assert float32[3, 8388606] == float32[4, 8388608] == float32[100, 8388600] == -1
    assert float32[4, 8388612] > -1 and float32[100, 8388700] > -1
    for half in ("float16", "bfloat16"):
        assert {key[1:]: index for key, index in first_wrong.items() if key[0] == half} == float32, half
    en = " ".join((ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8").split())
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "- float16 and bfloat16 keep float32's limits, for odd and even *k*, with either kind of CPU kernel" in en
    assert "- float16 和 bfloat16 的长度上限与 float32 相同，奇数 *k* 和偶数 *k* 都是如此，两种 CPU 内核也都一样" in zh


def test_the_relative_gap_bound_holds_above_the_subnormals_only():
    # Review 65: "the gap grows with the values but stays under 1e-14 of the largest" was swept on values near a
    # million. On subnormal values (here up to 1e-310) the two round to different multiples of the smallest subnormal,
    # a few such steps apart, more than 1e-14 of the largest value; near float64's largest value it still holds.
    gen = torch.Generator().manual_seed(1)
    relative = {}
    for scale in (1e-310, 1e-300, torch.finfo(torch.float64).max):
        relative[scale] = 0.0
        for n_in in range(1, 31):
            for n_out in [*range(n_in + 1, 3 * n_in + 1), 200, 1000]:
                x = torch.randn(4, 2, n_in, dtype=torch.float64, generator=gen)
                x = x / x.abs().max() * scale
                plain = F.interpolate(x, size=n_out, mode="linear")
                viewed = F.interpolate(x.unsqueeze(2), size=(1, n_out), mode="bilinear", antialias=True).squeeze(2)
                relative[scale] = max(relative[scale], ((viewed - plain).abs().max() / x.abs().max()).item())
    # The default CPU kernels (no AVX2) give both the same subnormals here; the AVX2 and AVX-512 ones do not.
    assert (relative[1e-310] > 1e-14) is (torch.backends.cpu.get_cpu_capability() != "DEFAULT"), relative
    assert relative[1e-300] < 1e-14, relative
    assert relative[torch.finfo(torch.float64).max] < 1e-14, relative  # finite: no overflow on this sweep
    en = " ".join((ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8").split())
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "stays under 1e-14 of the largest unless the values are subnormal, where with torch's AVX2 or AVX-512" in en
    assert "但只要数值不是次正规数，就始终小于最大值的 1e-14（次正规数上，torch 用 AVX2 或 AVX-512 的 CPU 内核时" in zh


def test_linear_moves_a_position_by_up_to_half_the_float32_spacing_almost_a_sample_400_s_in_at_48_khz():
    """Review r79-8: the page said linear moves "a position a hair below a whole sample" up to it; the move is up to
    half the float32 spacing at the position, which grows along the signal: 400 s into a 44.1-kHz signal enlarged to
    48 kHz, positions move by almost a whole sample (float64 ramp, CPU)."""
    n_in, n_out = 17_640_000, 19_200_000  # 400 s at 44.1 kHz -> 48 kHz
    plain = F.interpolate(torch.arange(n_in, dtype=torch.float64).view(1, 1, -1), size=n_out, mode="linear").view(-1)
    exact = ((torch.arange(n_out, dtype=torch.float64) + 0.5) * n_in / n_out - 0.5).clamp(0, n_in - 1)
    moved = plain - exact
    rounded = exact.float()
    half_spacing = (torch.nextafter(rounded, torch.tensor(float("inf"))) - rounded).double() / 2
    assert moved.max() > 0.99  # not a hair
    assert (moved > -1e-8).all() and (moved <= half_spacing + 1e-8).all()  # up only, by up to half the spacing
    up = moved > 1e-8
    assert torch.equal(plain[up], rounded[up].double()) and torch.equal(plain[up], plain[up].round())  # whole samples
    en = (pathlib.Path(__file__).parents[2] / "docs" / "audio-resampling.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "a position a hair below a whole" not in en and "于是略小于某个整数采样点的位置" not in zh
    assert "which grows along the signal,\nwhile the antialiased" in en and "而这个间距沿着信号越来越大；抗混叠" in zh


def test_how_far_linear_moves_positions_400_s_in_depends_on_the_output_rate():
    """Review r80-8: the page said the move reaches "almost a whole sample 400 s into a signal at 44.1 kHz"; that
    holds enlarging to 48 kHz (above), but enlarged to 88.2 kHz every position there is a quarter sample off a float32
    number and none moves by more than 0.75 of a sample (float64 ramp, CPU)."""
    n_in, n_out = 17_640_000, 35_280_000  # 400 s at 44.1 kHz -> 88.2 kHz
    plain = F.interpolate(torch.arange(n_in, dtype=torch.float64).view(1, 1, -1), size=n_out, mode="linear").view(-1)
    exact = ((torch.arange(n_out, dtype=torch.float64) + 0.5) / 2 - 0.5).clamp(0, n_in - 1)
    assert (plain - exact).max() == 0.75
    en = (pathlib.Path(__file__).parents[2] / "docs" / "audio-resampling.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "almost a whole sample 400 s into" not in en and "几乎挪动一整个采样点" not in zh


def test_beyond_2_to_the_25_samples_float64_decimation_moves_positions_down_and_two_samples_up():
    """Review r79-8: "in float64 the CPU kernel's floorf moves some positions up to the next sample" held up to 2^25
    samples; beyond, float32 spaces whole numbers 4 apart, so 36,000,003 samples shrunk by 3 read some outputs one
    sample below their position (the weight clamped to 1) and others two above."""
    n, k = 36_000_003, 3
    ramp = torch.arange(n, dtype=torch.float64).view(1, 1, -1)  # values are positions
    moved = F.interpolate(ramp, size=n // k, mode="linear").view(-1) - (
        torch.arange(n // k, dtype=torch.float64) * k + 1
    )
    assert moved.min() == -1 and moved.max() == 2
    assert set(moved.unique().tolist()) == {-1.0, 0.0, 1.0, 2.0}
    en = (pathlib.Path(__file__).parents[2] / "docs" / "audio-resampling.md").read_text(encoding="utf-8")
    zh = (pathlib.Path(__file__).parents[2] / "docs" / "audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "moves some\npositions up to the next sample." not in en and "会把部分位置挪到下一个采样点" not in zh
    assert "moves some\npositions onto another sample." in en and "会把部分位置挪到别的采样点上" in zh


def test_odd_k_of_1_weighs_the_sample_itself_by_0_not_the_next_one():
    # Review r83-8: the odd-k limit said "the kernel still multiplies the next sample by a weight of 0, so an inf or NaN
    # there turns the output into NaN". k = 1 is odd (size = L, x[..., 0::1]) and there the CPU kernel weighs each sample
    # by 0 against itself: an inf or NaN in the next sample leaves the output alone (and CUDA's kernel copies). The
    # reason is dropped; the limit stays: finite input only.
    cases = [
        (bad, dtype, n)
        for bad in (float("inf"), float("nan"))
        for dtype in (torch.float32, torch.float64)
        for n in (2, 3, 7, 40)
    ]
    for bad, dtype, n in cases:
        x = torch.randn(1, 1, n, dtype=dtype)
        x[..., 1] = bad
        y = F.interpolate(x, size=n, mode="linear")[0, 0]
        assert torch.equal(y[0], x[0, 0, 0]) and torch.isnan(y[1]), (bad, dtype, n)
    en = (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "multiplies the next sample by a weight of 0" not in en and "把下一个采样点乘以权重 0" not in zh
    assert "- Odd *k*, finite input only.\n" in en and "- 奇数 *k*，只限有限值输入。\n" in zh


def test_the_zh_pages_name_output_sample_i_by_its_index_not_as_the_ith():
    # Review r129-8: the grid formulas count i from 0 ((i + 0.5)·k − 0.5, i·down/up, 2i/(out − 1) − 1), and the en pages
    # say "output sample i"; the zh pages wrote 第 *i* 个输出采样点 (and grid-sample 第 *i* 个输出像素), which a Chinese
    # reader takes as the i-th from 1, one sample later, and the sample-grid table's header said 输出第 0 个采样点 for
    # "output sample 0". tests/site's index check matches digits only, not *i*, and skips translations.yml. The zh
    # convention (glossary, tests/site/test_terminology.py): 下标为 i 的输出.
    import re

    import yaml

    # The formula's own i counts from 0: output 0 of 48 -> 16 reads input sample 1 = (0 + 0.5)·3 − 0.5.
    x = torch.arange(12.0, dtype=torch.float64).view(1, 1, -1)
    assert F.interpolate(x, size=4, mode="linear")[0, 0, 0].item() == (0 + 0.5) * 3 - 0.5
    for page in ("audio-resampling.zh.md", "grid-sample.zh.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert not re.findall(r"第 ?\*[a-z]\* ?个", text), page
    assert text.count("下标为 *i* 的输出像素") == 1
    audio = " ".join((ROOT / "docs" / "audio-resampling.zh.md").read_text(encoding="utf-8").split())
    assert audio.count("下标为 *i* 的输出采样点") == 4
    zh = yaml.safe_load((ROOT / "docs" / "translations.yml").read_text(encoding="utf-8"))["zh"]
    header = zh["{case}: output sample 0 at input sample"]
    assert not re.search(r"第 ?\d+ ?个", header) and "下标为 0 的输出采样点" in header


def test_the_what_to_use_bullet_names_the_table_it_means(ns):
    # Review r134-8: "(`nearest`, not in the table, ...). Expect the passband error in the table" (zh: 不在上表中,
    # 如上表所示) pointed at no table by name, and the page embeds three before it: the first lists `nearest` (the
    # 3-D modes with and without antialias) and the one right above the bullet (zh 上表) is the sample grid's,
    # with no passband error. The one meant is the table of "The numbers": no `nearest` row, a passband error column.
    from helpers import assert_pages_say, printed_by

    lines, tables = printed_by("audio_resampling.py").splitlines(), []
    for i, line in enumerate(lines):
        if line.startswith("|") and i + 1 < len(lines) and lines[i + 1].startswith("|---"):
            tables.append([line])  # a header: a new table, even right after another one
        elif line.startswith("|") and tables and tables[-1][-1] == lines[i - 1]:
            tables[-1].append(line)
    headers = {table[0].split("|")[1].strip(): table for table in tables}
    assert set(headers) == {"mode, 3-D input", "method"} and len(tables) == 3, [t[0] for t in tables]
    modes, numbers, grid = tables
    assert any(row.startswith("| `nearest` |") for row in modes)
    assert "passband error" in numbers[0] and not any("nearest" in row for row in numbers)
    assert "passband error" not in grid[0] and "output sample 0 at input sample" in grid[0]
    for page, section, cell in (
        ("audio-resampling.md", "## The numbers", "::: example audio_resampling.py#table output=markdown"),
        ("audio-resampling.zh.md", "## 测量结果", "::: example audio_resampling.py#table output=markdown"),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        after = text[text.index(section) :]
        assert after.split("\n## ")[0].count("::: example") == 2 and cell in after.split("\n## ")[0], page
        flat = " ".join(text.split())
        assert "not in the table, keeps" not in flat and "Expect the passband error in the table:" not in flat
        assert "不在上表中" not in flat and "通带误差会如上表所示" not in flat
    assert_pages_say(
        (
            "audio-resampling.md",
            "(`nearest`, not in the table of [The numbers](#the-numbers), keeps one input sample per output sample",
        ),
        ("audio-resampling.md", "Expect the passband error in that table: these filters are made for images"),
        (
            "audio-resampling.zh.md",
            "（`nearest` 不在[测量结果](#测量结果)一节的表中：它每个输出采样点只取一个输入采样点",
        ),
        ("audio-resampling.zh.md", "通带误差会如那张表所示：这些滤波器是为图像设计的"),
    )


def test_image_view_with_align_corners_true_is_the_triangle_stretched_by_the_corner_step():
    # Review r135-8: "it is the triangle stretched by L_in / L_out (... with True, by (L_in - 1)/(L_out - 1), for 2
    # output samples or more) and normalised to sum to 1 (checked against that formula for every input length up to
    # 40 and every output length up to 3 times it)": the check ran with align_corners=False only. Now the True
    # variant too, over the same lengths from 2 output samples on; the L_in / L_out stretch does not fit it.
    from helpers import assert_pages_say

    misfits = 0
    for n_in in range(1, 41):
        identity = torch.eye(n_in, dtype=torch.float64).view(n_in, 1, 1, n_in)
        for n_out in range(2, 3 * n_in + 1):
            got = F.interpolate(identity, size=(1, n_out), mode="bilinear", antialias=True, align_corners=True)
            got = got[:, 0, 0, :].T
            torch.testing.assert_close(got, _triangle_weights(n_in, n_out, True), rtol=0, atol=1e-12)
            misfits += not torch.allclose(got, _triangle_weights(n_in, n_out), rtol=0, atol=1e-12)
    assert misfits > 1000, misfits
    assert_pages_say(
        (
            "audio-resampling.md",
            "(with the default `align_corners=False`; with `True`, by (`L_in` − 1)/(`L_out` − 1), for 2 output samples "
            "or more) and normalised to sum to 1 (checked against that formula for every input length up to 40 and "
            "every output length up to 3 times it)",
        ),
        (
            "audio-resampling.zh.md",
            "设为 `True` 时，输出至少 2 个采样点，按 (`L_in` − 1)/(`L_out` − 1) 拉宽）、并归一化到和为 1 的三角形核"
            "（测试对不超过 40 的每个输入长度、",
        ),
        ("audio-resampling.zh.md", "不超过其 3 倍的每个输出长度都和这个公式做了比对）"),
    )


def test_the_antialias_table_lists_every_mode_that_takes_3d_input_and_no_other(ns):
    # Review r137-8: the page heads the table "Every mode that takes 3-D input" (the cell's comment alike), but the
    # test above took the four modes of the table as given: a mode that came to take 3-D input would have been left
    # out of the table unseen. The modes come from torch's own message for a mode it does not know.
    with pytest.raises(NotImplementedError) as caught:
        F.interpolate(torch.rand(1, 1, 48), size=16, mode="no such mode")
    modes = str(caught.value).split("for the modes: ")[1].split(" (got")[0].split(" | ")
    assert len(modes) >= 8 and {"bilinear", "bicubic", "trilinear", "lanczos"} <= set(modes), modes
    takes_3d = set()
    for mode in modes:
        try:
            F.interpolate(torch.rand(1, 1, 48), size=16, mode=mode)
            takes_3d.add(mode)
        except (NotImplementedError, ValueError, RuntimeError):
            pass
    assert takes_3d == {mode for mode, _ in ns["accepts"]} == {"nearest", "nearest-exact", "linear", "area"}
    assert "Every mode that takes 3-D input" in (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    assert "所有接受 3 维输入的模式" in (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")


def test_antialias_needs_4d_input_in_every_mode_torch_names_not_only_the_tables_four():
    # Review r138-8: the page heads the section "No 1-D mode has antialias" and says "`antialias=True` needs 4-D
    # input" (zh alike), but the tests tried antialias=True on 3-D input only in the table's four modes, and the sweep
    # over torch's own mode list above tries each mode without antialias only: a mode that took 3-D (or 5-D) input
    # with antialias=True alone, as lanczos takes any input only with it, would have gone unseen. Now every mode torch
    # names, with antialias=True, on 3-D, 4-D and 5-D input: only 4-D input is taken, by bilinear, bicubic and lanczos.
    with pytest.raises(NotImplementedError) as caught:
        F.interpolate(torch.rand(1, 1, 48), size=16, mode="no such mode")
    modes = str(caught.value).split("for the modes: ")[1].split(" (got")[0].split(" | ")
    assert len(modes) >= 8 and {"nearest", "linear", "trilinear", "area", "lanczos"} <= set(modes), modes
    taken = set()
    for mode in modes:
        for shape in ((1, 1, 48), (1, 1, 4, 48), (1, 1, 2, 4, 48)):
            try:
                F.interpolate(torch.rand(shape), size=(*shape[2:-1], 16), mode=mode, antialias=True)
                taken.add((mode, len(shape)))
            except (NotImplementedError, ValueError, RuntimeError):
                pass
    assert taken == {("bilinear", 4), ("bicubic", 4), ("lanczos", 4)}
    en = (ROOT / "docs/audio-resampling.md").read_text(encoding="utf-8")
    zh = (ROOT / "docs/audio-resampling.zh.md").read_text(encoding="utf-8")
    assert "## No 1-D mode has antialias" in en and "`antialias=True` needs 4-D input" in en
    assert "## 一维模式都没有 antialias" in zh and "`antialias=True` 要求 4 维输入" in zh


def test_the_long_ramp_cell_prints_distances_to_the_exact_positions_not_to_their_float64_rounding(ns):
    # Review r138-8: the cell printed "off the exact position: ... the view 6e-11" against `exact`, the positions
    # computed in float64, whose own rounding (up to 2.3e-11 here) was part of the number: the view is 4.7e-11 off the
    # exact positions. The cell now measures against the exact positions, in integers; here they are exact fractions.
    from fractions import Fraction

    n_in, n_out = ns["n_in"], ns["n_out"]

    def off(y):
        worst = Fraction(0)
        for i, value in enumerate(y.tolist()):
            position = min(max(Fraction((2 * i + 1) * n_in - n_out, 2 * n_out), Fraction(0)), Fraction(n_in - 1))
            worst = max(worst, abs(Fraction(value) - position))
        return float(worst)

    line = next(line for line in printed_by("audio_resampling.py").splitlines() if "off the exact position" in line)
    assert line.endswith(f"off the exact position: linear {off(ns['plain']):.4f}, the view {off(ns['view']):.0e}")


def test_the_4d_and_other_dtypes_links_land_on_the_sections_that_state_them():
    """Review r139-8: '`antialias=True` needs 4-D input (see [Which modes work where](interpolate-support.md))' and
    'for other dtypes see the same page' (zh alike) left the reader at that page's top, or with no link at all; the
    4-D rule is stated in its 'Every combination' section, the half-precision refusals in 'Dtypes and devices'."""
    import re

    from pymdownx.slugs import slugify

    slug = slugify(case="lower")

    def sections(page):
        parts = re.split(r"^## (.+)$", (ROOT / "docs" / page).read_text(encoding="utf-8"), flags=re.M)
        return {slug(parts[i].strip(), "-"): " ".join(parts[i + 1].split()) for i in range(1, len(parts), 2)}

    en, zh = sections("interpolate-support.md"), sections("interpolate-support.zh.md")
    assert "works only for `bilinear` and `bicubic` (and `lanczos`), and only on 4-D input" in en["every-combination"]
    assert "float16 and bfloat16 are rejected by the antialias kernels" in en["dtypes-and-devices"]
    assert "所有组合" in zh and "dtype-与设备" in zh
    for page, anchors in (
        ("audio-resampling.md", ["#every-combination", "#dtypes-and-devices"]),
        ("audio-resampling.zh.md", ["#所有组合", "#dtype-与设备"]),
    ):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert re.findall(r"\]\(interpolate-support\.md(#[^)]*)?\)", text) == anchors, page


def test_the_worst_passband_error_at_48_to_44_is_named_areas_not_its(ns):
    """Review r139-8: the bullet '`resample_poly` aliases least ... 48 → 44.1 kHz, where `area` leaves less ... because
    it also removes the top of the passband. Its passband error there is the worst of all methods.' left 'Its' to
    either method, and the bullet is about resample_poly, whose passband error there is the best; zh ('`area` 的混叠比它
    少 ... 它在这一组的通带误差是所有方法中最差的') used 它 for resample_poly first. Both now name `area`."""
    errors = {name: ns["results"]["48 kHz → 44.1 kHz", name]["error"] for name in ns["resamplers"]}
    assert max(errors, key=errors.get) == "area" and min(errors, key=errors.get) == "resample_poly (scipy)"
    assert_pages_say(
        ("audio-resampling.md", "removes the top of the passband: `area`'s passband error there is the worst of all"),
        ("audio-resampling.zh.md", "`area` 的混叠比 `resample_poly` 少 5 dB 以上"),
        ("audio-resampling.zh.md", "去掉了：`area` 在这一组的通带误差是所有方法中最差的。"),
    )
