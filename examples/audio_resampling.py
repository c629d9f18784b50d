"""Resampling audio with F.interpolate, against a polyphase resampler.

A 1 s linear chirp sweeps from 0 Hz to the input's Nyquist frequency. It is resampled
48 kHz -> 16 kHz (down by 3), 48 kHz -> 44.1 kHz (down by 160/147) and 44.1 kHz -> 48 kHz
(up by 160/147) with ``F.interpolate`` (3-D input ``(N, C, L)``; and, for antialias, the same samples viewed as
a ``(N, C, 1, L)`` image) and with ``scipy.signal.resample_poly``. Because the chirp's
frequency at every instant is known, the output can be compared with the ideal one:
silence while the chirp is above the new Nyquist frequency (anything there is aliasing),
the chirp itself below it.
"""

# %% setup
from fractions import Fraction

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from scipy.signal import resample_poly, spectrogram

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% antialias_1d
# Which 1-D modes take antialias=True: every mode that accepts 3-D input, tried both ways.
signal = torch.randn(1, 1, 48, device=device)
accepts = {}
for mode in ("nearest", "nearest-exact", "linear", "area"):
    for antialias in (False, True):
        try:
            F.interpolate(signal, size=16, mode=mode, antialias=antialias)
            accepts[mode, antialias] = "✓"
        except ValueError as error:
            accepts[mode, antialias] = f"`ValueError: {error}`"
print("| mode, 3-D input | antialias=False | antialias=True |")
print("|---|---|---|")
for mode in ("nearest", "nearest-exact", "linear", "area"):
    print(f"| `{mode}` | {accepts[mode, False]} | {accepts[mode, True]} |")

# %% view_enlarging
# Enlarging, the 1 x L view filters with plain linear's triangle, but the CPU linear kernel
# floors each source position in single precision (floorf in UpSample.h): a position that
# float32 rounds up to a whole sample takes that sample. A float64 ramp shows it, since each of its values
# is its own position. On the CPU explicitly: the CUDA kernels floor in full precision.
n_in, n_out = 441000, 480000  # 10 s at 44.1 kHz -> 48 kHz
ramp = torch.arange(n_in, dtype=torch.float64).view(1, 1, -1)
exact = ((torch.arange(n_out, dtype=torch.float64) + 0.5) * n_in / n_out - 0.5).clamp(0, n_in - 1)
plain = F.interpolate(ramp, size=n_out, mode="linear").view(-1)
view = F.interpolate(ramp.view(1, 1, 1, -1), size=(1, n_out), mode="bilinear", antialias=True).view(-1)
snapped = (plain - view).abs() > 1e-9
# `exact` is the float64 rounding of each position; the distances printed are to the exact position itself,
# ((2i + 1) * n_in - n_out) / (2 * n_out) clamped to the ends, kept as whole samples and a remainder in integers.
twice = (2 * torch.arange(n_out) + 1) * n_in - n_out
whole = (twice // (2 * n_out)).clamp(0, n_in - 1)
part = torch.where((twice < 0) | (twice >= 2 * n_out * (n_in - 1)), 0, twice % (2 * n_out)).double() / (2 * n_out)


def off_exact(y):
    return ((y.floor() - whole) + ((y - y.floor()) - part)).abs().max().item()


print(
    f"CPU, float64 ramp, {n_in} -> {n_out} samples: linear and the 1 × L view differ at {int(snapped.sum())} samples, "
    f"by up to {(plain - view).abs().max().item():.4f}; off the exact position: linear {off_exact(plain):.4f}, "
    f"the view {off_exact(view):.0e}"
)

# %% resamplers
# Each resampler takes a float64 NumPy signal and the two rates, and returns the output and
# the position of each output sample on the input's sample axis (the sample grid).
def half_pixel_grid(n_in, n_out):
    # align_corners=False: output sample i covers [i, i + 1) * n_in / n_out of the input's axis (in sample edges),
    # centred at input sample (i + 0.5) * n_in / n_out - 0.5; linear reads there (clamped to the ends), area
    # averages the samples the cell touches.
    return (np.arange(n_out) + 0.5) * n_in / n_out - 0.5


def interpolate_1d(mode):
    def resample(x, fs_in, fs_out):
        n_out = len(x) * fs_out // fs_in
        y = F.interpolate(torch.tensor(x, dtype=torch.float32, device=device).view(1, 1, -1), size=n_out, mode=mode)
        return y.view(-1).double().cpu().numpy(), half_pixel_grid(len(x), n_out)
    return resample


def interpolate_as_image(mode, on=device):
    # No 1-D mode takes antialias: view the (N, C, L) signal as an (N, C, 1, L) image and
    # resize only its width; a height of 1 stays 1 and is not filtered.
    def resample(x, fs_in, fs_out):
        n_out = len(x) * fs_out // fs_in
        image = torch.tensor(x, dtype=torch.float32, device=on).view(1, 1, 1, -1)
        y = F.interpolate(image, size=(1, n_out), mode=mode, antialias=True)
        return y.view(-1).double().cpu().numpy(), half_pixel_grid(len(x), n_out)
    return resample


def polyphase(x, fs_in, fs_out):
    ratio = Fraction(fs_out, fs_in)
    y = resample_poly(x, ratio.numerator, ratio.denominator)
    # resample_poly's filter is zero-phase: output sample i sits at input sample i * fs_in / fs_out.
    return y, np.arange(len(y)) * fs_in / fs_out


resamplers = {
    "linear": interpolate_1d("linear"),
    "area": interpolate_1d("area"),
    "bilinear, antialias (1 × L)": interpolate_as_image("bilinear"),
    "bicubic, antialias (1 × L)": interpolate_as_image("bicubic"),
    # lanczos is documented as CPU only: it runs on the CPU whatever the build device.
    "lanczos, antialias (1 × L), CPU": interpolate_as_image("lanczos", on="cpu"),
    "resample_poly (scipy)": polyphase,
}

# %% chirp
# cos(pi k t^2) has the instantaneous frequency k t: 0 Hz at t = 0, fs / 2 at t = 1 s.
def chirp(fs, seconds=1.0):
    t = np.arange(round(fs * seconds)) / fs
    rate = fs / 2 / seconds
    return np.cos(np.pi * rate * t**2), rate


def measure(name, fs_in, fs_out, passband=0.9):
    """Resample the chirp; return the output, its grid, and the aliased energy and passband error in dB."""
    x, rate = chirp(fs_in)
    y, grid = resamplers[name](x, fs_in, fs_out)
    t = grid / fs_in
    frequency = rate * t
    cutoff = min(fs_in, fs_out) / 2
    ideal = np.where(frequency < cutoff, np.cos(np.pi * rate * t**2), 0.0)
    above = frequency > cutoff
    inside = (frequency < passband * cutoff) & (t > 0.01)  # skip the first 10 ms: the border
    power = 0.5  # of the unit-amplitude chirp
    aliased = 10 * np.log10(np.mean(y[above] ** 2) / power) if above.any() else None
    error = 10 * np.log10(max(np.mean((y - ideal)[inside] ** 2), 1e-30) / power)
    return dict(y=y, t=t, frequency=frequency, rate=rate, aliased=aliased, error=error)


cases = {"48 kHz → 16 kHz": (48000, 16000), "48 kHz → 44.1 kHz": (48000, 44100), "44.1 kHz → 48 kHz": (44100, 48000)}
drawn = ["48 kHz → 16 kHz", "44.1 kHz → 48 kHz"]  # one whole factor down, one fraction up
results = {(case, name): measure(name, *rates) for case, rates in cases.items() for name in resamplers}
for case, (fs_in, fs_out) in cases.items():
    print(f"{case}: {fs_in} samples in, {len(results[case, 'linear']['y'])} out")

# %% spectrograms
shown = ["linear", "area", "bilinear, antialias (1 × L)", "lanczos, antialias (1 × L), CPU", "resample_poly (scipy)"]
fig, axes = plt.subplots(len(drawn), len(shown), figsize=(15, 6), sharex=True, constrained_layout=True)
for row, case in enumerate(drawn):
    fs_out = cases[case][1]
    for col, name in enumerate(shown):
        f, seg, power = spectrogram(results[case, name]["y"], fs=fs_out, nperseg=256, noverlap=192)
        # Relative to each panel's strongest bin.
        level = 10 * np.log10(power / power.max() + 1e-20)
        image = axes[row, col].pcolormesh(seg, f / 1000, level, vmin=-100, vmax=0, shading="auto")
        axes[row, col].set_title(f"{case}\n{name}", fontsize=9)
        axes[row, col].set_xlabel("time (s)")
    axes[row, 0].set_ylabel("frequency (kHz)")
fig.colorbar(image, ax=axes, label="power relative to the panel's strongest bin (dB)")
fig.suptitle("A chirp from 0 Hz to the input's Nyquist frequency, resampled: all but the line rising from 0 Hz at time 0 is spurious")
plt.show()

# %% table
# Aliased energy: the output's energy while the chirp is above the new Nyquist frequency
# (where the ideal output is silent), relative to the chirp's. Passband error: the energy of
# output minus ideal while the chirp is below 0.9 times the lower Nyquist frequency.
columns = [(case, key) for case in cases for key in ("aliased", "error") if results[case, "linear"][key] is not None]
titles = {"aliased": "aliased energy (dB)", "error": "passband error (dB)"}
print("| method | " + " | ".join(f"{case}: {titles[key]}" for case, key in columns) + " |")
print("|---|" + "---:|" * len(columns))
for name in resamplers:
    print(f"| {name} | " + " | ".join(f"{results[case, name][key]:.1f}" for case, key in columns) + " |")

# %% response
# Window by window (1 % of the output), the part of the output that follows the chirp
# (least squares on its cosine and sine) is the gain; the rest is spurious: aliases and
# images. While the chirp is above the new Nyquist frequency the whole output is aliasing.
def response(result, cutoff, windows=100):
    y, t = result["y"], result["t"]
    rows = []
    for piece in np.array_split(np.arange(len(y)), windows):
        frequency = result["frequency"][piece].mean()
        basis = np.stack([np.cos(np.pi * result["rate"] * t[piece] ** 2), np.sin(np.pi * result["rate"] * t[piece] ** 2)], 1)
        coef = np.linalg.lstsq(basis, y[piece], rcond=None)[0] if frequency < cutoff else np.zeros(2)
        rows.append((frequency, np.hypot(*coef), np.mean((y[piece] - basis @ coef) ** 2) / 0.5))
    return np.array(rows).T


fig, axes = plt.subplots(2, len(drawn), figsize=(12, 7), sharex="col", constrained_layout=True)
for col, case in enumerate(drawn):
    cutoff = min(cases[case]) / 2
    for name in shown:
        f, gain, spurious = response(results[case, name], cutoff)
        below = f < cutoff
        axes[0, col].plot(f[below] / 1000, 20 * np.log10(gain[below]), label=name)
        axes[1, col].plot(f / 1000, 10 * np.log10(spurious + 1e-12), label=name)
    axes[0, col].set_title(case)
    axes[0, col].set_ylim(-25, 2)
    axes[1, col].set_ylim(-110, 5)
    for ax in axes[:, col]:
        ax.axvline(cutoff / 1000, color="gray", lw=0.8, ls="--")
    axes[1, col].set_xlabel("chirp frequency at the input (kHz)")
axes[0, 0].set_ylabel("gain of the chirp (dB)")
axes[1, 0].set_ylabel("spurious: aliases and images (dB)")
axes[1, 1].legend(fontsize=8)
fig.suptitle("Gain and spurious output while the chirp sweeps")
plt.show()

# %% sample_grid
# Where each method puts its output samples, measured: the phase delay of a 1 kHz tone, in
# input samples, with output sample i taken at i * fs_in / fs_out (resample_poly's grid): the
# position of output sample 0, to compare with each method's grid formula above.
def delay(name, fs_in, fs_out, hz=1000.0):
    tone = np.cos(2 * np.pi * hz * np.arange(fs_in) / fs_in)
    y, _ = resamplers[name](tone, fs_in, fs_out)
    t = np.arange(len(y))[fs_out // 10 : -fs_out // 10] / fs_out  # away from the borders
    coef, *_ = np.linalg.lstsq(np.stack([np.cos(2 * np.pi * hz * t), np.sin(2 * np.pi * hz * t)], 1), y[fs_out // 10 : -fs_out // 10], rcond=None)
    # y = cos(w (t + d / fs_in)) fits as a cos(w t) + b sin(w t) with b / a = -tan(w d / fs_in).
    return -np.arctan2(coef[1], coef[0]) / (2 * np.pi * hz) * fs_in


delays = {(case, name): delay(name, *cases[case]) for case in drawn for name in resamplers}
print("| method | " + " | ".join(f"{case}: output sample 0 at input sample" for case in drawn) + " |")
print("|---|" + "---:|" * len(drawn))
for name in resamplers:
    print(f"| {name} | " + " | ".join(f"{round(delays[case, name], 3) + 0.0:+.3f}" for case in drawn) + " |")  # no -0.000
