"""Frequency response of the downsampling filters.

A linear way to shrink by a whole factor k without moving pixels into channels (as
PixelUnshuffle does) that treats every output pixel alike filters the input, then keeps
every k-th sample. The filter decides what survives: its response |H(f)| should be 1 below the new
Nyquist limit 0.5/k cycles per input pixel and 0 above it, where anything left folds
back. This script reads each filter's taps out of torch itself (it shrinks a batch of
impulses and looks at one output pixel), computes the response from the taps, and
compares it with the ideal low-pass: box (AvgPool2d, area), triangle (antialiased
bilinear), Keys cubic (antialiased bicubic), Lanczos-3, the binomial filters of BlurPool,
cascades of 2x steps and, for contrast, slicing and plain bilinear and bicubic.
"""

# %% setup
import math

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from _downsample import FILTER_SIZES, binomial, blur_pool  # shared with other pages (shown above)
from _settings import INTERPOLATE_SETTINGS, LANCZOS, lanczos_works

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% taps
# Each shrink below (align_corners=False, as set above) computes every output pixel as a weighted sum of
# input pixels, with the same weights for every output pixel away from the borders. To read them,
# shrink a batch of images in which image j is an impulse at column j (constant down the
# rows): output column c of image j is the weight of input column j in output pixel c.
LENGTH = 128  # wide enough that the middle output pixel never sees a border at k <= 8


def impulse_response(shrink, k, on=device):
    """The weights of the input columns in the middle output pixel of shrink(x, k)."""
    length, rows = LENGTH // k * k, 8 * k  # a whole number of blocks; enough rows for every stage of a cascade to pad
    impulses = torch.eye(length, dtype=torch.float64, device=on).view(length, 1, 1, length).expand(length, 1, rows, length)
    out = shrink(impulses.contiguous(), k)
    return out[:, 0, out.shape[-2] // 2, out.shape[-1] // 2].cpu()


def resize(setting):
    # size= rather than scale_factor=: the scale is then exactly k (the length is a multiple of k)
    return lambda x, k: F.interpolate(x, size=(x.shape[-2] // k, x.shape[-1] // k), **setting)


def blur_stages(filter_size):
    # BlurPool as the site's pages use it: a 2x blur pool, repeated for 4x and 8x
    def shrink(x, k):
        for _ in range(int(math.log2(k))):
            x = blur_pool(x, filter_size, 2)
        return x
    return shrink


def twice(shrink):
    # a 2x step applied twice: 4x in two halvings
    return lambda x, k: shrink(shrink(x, 2), 2)


FILTERS = {
    "x[..., ::k, ::k]": lambda x, k: x[..., ::k, ::k],
    "bilinear": resize(INTERPOLATE_SETTINGS["bilinear"]),
    "bicubic": resize(INTERPOLATE_SETTINGS["bicubic"]),
    "AvgPool2d(k)": lambda x, k: F.avg_pool2d(x, k),
    "area": resize(INTERPOLATE_SETTINGS["area"]),
    "bilinear, antialias": resize(INTERPOLATE_SETTINGS["bilinear, antialias"]),
    "bicubic, antialias": resize(INTERPOLATE_SETTINGS["bicubic, antialias"]),
    "lanczos, antialias": resize(LANCZOS["lanczos, antialias"]),
    **{"BlurPool [" + ",".join(map(str, binomial(n))) + "]": blur_stages(n) for n in FILTER_SIZES},
}
CASCADES = {  # 4x only
    "bilinear, antialias, 2x twice": twice(resize(INTERPOLATE_SETTINGS["bilinear, antialias"])),
    "AvgPool2d(2) twice": twice(lambda x, k: F.avg_pool2d(x, k)),
}
# mode="lanczos" runs on the CPU only (and only in newer torch): its taps are read there.
CPU_ONLY = {"lanczos, antialias"}
lanczos_cpu = lanczos_works(torch.device("cpu"))
factors = (2, 4)
taps = {}
for k in factors:
    for name, shrink in {**FILTERS, **(CASCADES if k == 4 else {})}.items():
        if name in CPU_ONLY and not lanczos_cpu:
            continue
        taps[name, k] = impulse_response(shrink, k, torch.device("cpu") if name in CPU_ONLY else device)
for name in ("bilinear, antialias", "bicubic, antialias", "lanczos, antialias", "BlurPool [1,4,6,4,1]"):
    if (name, 2) in taps:
        w = taps[name, 2]
        print(f"taps of {name} at 2x: {[round(v, 4) for v in w[w != 0].tolist()]}")

# %% odd_factors
# At an odd factor k the centre of each output pixel, k i + (k - 1) / 2, falls on an input
# pixel, where the triangle and the cubic are 1 and 0 at every other whole offset. Checked
# here at 3x on a 36x36 float64 map given size=: plain bilinear and bicubic keep that one
# pixel, as x[..., 1::3, 1::3] does (the page says where this holds and where it does not).
odd = {}
x = torch.randn(1, 1, 12 * 3, 12 * 3, dtype=torch.float64, device=device)
for name in ("bilinear", "bicubic"):
    w = impulse_response(FILTERS[name], 3)
    odd[name] = (w[w != 0].tolist(), torch.equal(FILTERS[name](x, 3), x[..., 1::3, 1::3]))
    print(f"taps of {name} at 3x: {odd[name][0]}; equal to x[..., 1::3, 1::3]: {odd[name][1]}")

# %% response
# The response of taps w at frequency f (cycles per input pixel): H(f) = sum_j w_j e^(-2 pi i f j).
# Every filter here is symmetric about its centre c, so H(f) = A(f) e^(-2 pi i f c) with A real:
# A is the gain (negative where a lobe flips the sign), |H| = |A|. The ideal filter has
# A = 1 below the new Nyquist limit 0.5/k and 0 above.
def gain(w, f):
    position = torch.arange(len(w), dtype=torch.float64)[w != 0]
    w = w[w != 0]
    centre = (position * w).sum() / w.sum()
    return (w * torch.cos(2 * math.pi * f.view(-1, 1) * (position - centre))).sum(-1)


f = torch.linspace(0, 0.5, 1001, dtype=torch.float64)  # up to the input's own Nyquist limit
responses = {key: gain(w, f) for key, w in taps.items()}
print("gain at f = 0, the sum of the taps:", sorted({round(r[0].item(), 12) for r in responses.values()}))

# %% figure
# |H(f)| against the ideal low-pass (dashed); the dotted line is the new Nyquist limit.
groups = {
    "slicing, F.interpolate and pooling": ["x[..., ::k, ::k]", "bilinear", "bicubic", "AvgPool2d(k)", "bilinear, antialias", "bicubic, antialias", "lanczos, antialias"],
    "binomial BlurPool": [name for name in FILTERS if name.startswith("BlurPool")] + list(CASCADES),  # cascades: 4x only
}
figure, axes = plt.subplots(2, 2, figsize=(11, 7.5), sharex=True, sharey=True)
for column, k in enumerate(factors):
    for row, (group, names) in enumerate(groups.items()):
        ax = axes[row, column]
        ax.plot([0, 0.5 / k, 0.5 / k, 0.5], [1, 1, 0, 0], "k--", lw=1.2, label="ideal")
        ax.axvline(0.5 / k, color="gray", ls=":", lw=1)
        drawn = [name for name in names if (name, k) in responses]
        for name in drawn:
            ax.plot(f.numpy(), responses[name, k].abs().numpy(), lw=1.4, label=name)
        ax.set_title(f"{k}x: {group}" + (" and cascades" if set(drawn) & set(CASCADES) else ""), fontsize=10)
        ax.set_ylim(-0.02, 1.08)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, loc="upper right")
for ax in axes[1]:
    ax.set_xlabel("f (cycles per input pixel)")
for ax in axes[:, 0]:
    ax.set_ylabel("|H(f)|")
figure.suptitle("Frequency response of the downsampling filters", fontsize=11)
figure.tight_layout()
plt.show()

# %% measures
# Per filter and factor, with f_N = 0.5/k the new Nyquist limit:
# - gain at f_N / 2 (1 is ideal: less is detail the smaller grid could have kept);
# - gain at f_N, and the largest |gain| from 1.5 f_N up (0 is ideal: what is left folds back);
# - folded, white: the energy above f_N, relative to the ideal filter's output, for white noise;
# - on 1/f images: the same split in 2-D for random images with a 1/f amplitude spectrum on a
#   128x128 grid, as on the page "Ways to shrink, measured": passband loss (A - 1)^2 and
#   folded energy A^2, weighted by the spectrum, relative to the energy below f_N.
def at(key, frequency):
    return gain(taps[key], torch.tensor([frequency], dtype=torch.float64)).item()


def natural_image_split(w, k, size=128):
    fx = torch.fft.fftfreq(size, dtype=torch.float64)
    radius = torch.sqrt(fx.view(-1, 1) ** 2 + fx.view(1, -1) ** 2).clamp(min=1 / size)
    power = radius**-2
    power[0, 0] = 0  # the images have zero mean
    a = gain(w, fx.abs())
    inside = (fx.abs() < 0.5 / k).view(-1, 1) & (fx.abs() < 0.5 / k).view(1, -1)
    a2 = a.view(-1, 1) * a.view(1, -1)
    energy = power[inside].sum()
    return (((a2 - 1) ** 2 * power)[inside].sum() / energy).item(), ((a2**2 * power)[~inside].sum() / energy).item()


measures = {}
for (name, k), w in taps.items():
    nyquist = 0.5 / k
    above = f >= nyquist
    stop = f >= 1.5 * nyquist
    a = responses[name, k]
    folded_white = torch.trapezoid(a[above] ** 2, f[above]).item() / nyquist
    passband, folded = natural_image_split(w, k)
    measures[name, k] = {"half": at((name, k), nyquist / 2), "nyquist": at((name, k), nyquist), "stop": a[stop].abs().max().item(),
                         "white": folded_white, "passband": passband, "folded": folded}
print(f"measured {len(measures)} filter-factor pairs")

# %% table
def table(k):
    print(f"| filter ({k}x) | taps | gain at f_N/2 | gain at f_N | max abs gain from 1.5 f_N | folded, white | 1/f: passband loss | 1/f: folded |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for (name, kk), m in measures.items():
        if kk == k:
            print(f"| {name} | {int((taps[name, k] != 0).sum())} | {m['half']:.3f} | {m['nyquist']:.3f} | {m['stop']:.3f} | "
                  f"{m['white']:.3f} | {m['passband']:.4f} | {m['folded']:.4f} |")


table(2)

# %% table_4x
table(4)

# %% two_tones
# The two cosines of the page "Aliasing, seen", shrunk 4x: (fx, fy) in cycles per input
# pixel, amplitude 0.25 each. A separable filter scales a cosine by A(fx) A(fy), and the
# high one then folds to a frequency inside the new band. The predicted amplitudes:
low, high = (0.0625, 0.03125), (0.34375, 0.1875)
print("| filter (4x) | low tone kept | high tone, folded |")
print("|---|---:|---:|")
predicted_tones = {}
for (name, k), w in taps.items():
    if k == 4 and name in ("x[..., ::k, ::k]", "bilinear", "AvgPool2d(k)", "area", "bilinear, antialias", "BlurPool [1,4,6,4,1]", "lanczos, antialias"):
        predicted_tones[name] = tuple(0.25 * abs(at((name, k), tone[0]) * at((name, k), tone[1])) for tone in (low, high))
        print(f"| {name} | {predicted_tones[name][0]:.3f} | {predicted_tones[name][1]:.3f} |")
