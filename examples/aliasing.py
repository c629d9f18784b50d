"""Aliasing, seen.

Shrinking an image throws samples away. Detail finer than the new grid can hold does
not simply disappear: it folds back and shows up as coarser patterns that were never
there (moiré). This script makes that visible on a zone plate, on fine stripes and a
checkerboard, in the Fourier spectrum, and on a thin circle like the clean-fid paper's,
for the parameter-free ways to shrink by 2, 4 and 8 that slicing, the pooling layers and
F.interpolate offer (not F.grid_sample with a scaled grid, nor the random windows of
FractionalMaxPool2d), and Zhang's BlurPool and MaxBlurPool.
"""

# %% setup
import math

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from _downsample import BlurPool, MaxBlurPool  # shared with other pages (shown above)
from _settings import INTERPOLATE_SETTINGS, LANCZOS, lanczos_works
from matplotlib.patches import Rectangle
from PIL import Image

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% methods
# The parameter-free ways that slicing, pooling and F.interpolate offer to shrink a (N, C, H, W)
# tensor by an integer factor k (not F.grid_sample with a scaled grid, nor FractionalMaxPool2d).
# BlurPool and MaxBlurPool (Zhang, ICML 2019; the site's one implementation, shown above)
# halve the map; a factor of 4 or 8 repeats the 2x step, as networks do stage after stage.
def resize(setting):
    return lambda x, k: F.interpolate(x, scale_factor=1 / k, **setting)


def repeat(pool):
    def shrink(x, k):
        for _ in range(int(math.log2(k))):
            x = pool(x)
        return x
    return shrink


methods = {
    "x[..., ::k, ::k]": lambda x, k: x[..., ::k, ::k],
    "MaxPool2d(k)": lambda x, k: F.max_pool2d(x, k),
    "AvgPool2d(k)": lambda x, k: F.avg_pool2d(x, k),
    # LPPool2d(p, k) is the p-th root of the sum of x^p over the k x k window; at p = 2, dividing that root by k
    # turns it into a root mean square.
    "LPPool2d(2, k) / k": lambda x, k: F.lp_pool2d(x, 2, k) / k,
    **{name: resize(setting) for name, setting in INTERPOLATE_SETTINGS.items()},
}
if lanczos_works(device):  # mode="lanczos" exists only in newer torch, and only on the CPU
    methods.update({name: resize(setting) for name, setting in LANCZOS.items()})
methods["BlurPool [1,4,6,4,1]"] = repeat(BlurPool(filter_size=5))
methods["MaxBlurPool [1,4,6,4,1]"] = repeat(MaxBlurPool(kernel_size=2, filter_size=5))
print(f"{len(methods)} methods:", " | ".join(methods))

# The adaptive pools are the same operation when the size divides by k. The average one is bit for bit (on this
# contiguous float32 input) only at powers of two: it divides the window sum by its height, then by its
# width; AvgPool2d divides once by their product, and the roundings can differ.
x = torch.rand(1, 1, 48, 48, device=device)
adaptive_gap = {}
for k in (2, 3, 4, 6, 8):
    adaptive_gap[k] = (F.adaptive_avg_pool2d(x, 48 // k) - F.avg_pool2d(x, k)).abs().max().item()
    same_max = torch.equal(F.adaptive_max_pool2d(x, 48 // k), F.max_pool2d(x, k))
    print(f"k={k}: max |AdaptiveAvgPool2d - AvgPool2d| = {adaptive_gap[k]:.1e}, AdaptiveMaxPool2d == MaxPool2d: {same_max}")
# Other kernels round alike at 3 too: float16 and bfloat16 accumulate in float32, and channels_last with
# 16 channels, a whole number of the vectorised loop's 8 floats (an AVX-512 CPU runs the AVX2 kernel:
# the file registers no AVX-512 one), divides once in that loop. On the CPU explicitly: CUDA's channels-last
# adaptive kernel multiplies by a rounded 1/(kh*kw) where avg_pool2d divides.
x16 = torch.rand(1, 16, 48, 48)
cl_same = torch.equal(F.adaptive_avg_pool2d(x16.contiguous(memory_format=torch.channels_last), 16), F.avg_pool2d(x16.contiguous(memory_format=torch.channels_last), 3))
half_same = torch.equal(F.adaptive_avg_pool2d(x16.half(), 16), F.avg_pool2d(x16.half(), 3))
bfloat_same = torch.equal(F.adaptive_avg_pool2d(x16.bfloat16(), 16), F.avg_pool2d(x16.bfloat16(), 3))
print(f"k=3, 16 channels, AdaptiveAvgPool2d == AvgPool2d: float32 in channels_last: {cl_same}; contiguous float16: {half_same}; contiguous bfloat16: {bfloat_same}")
try:
    F.interpolate(x, scale_factor=0.5, mode="nearest", antialias=True)
except ValueError as error:
    print("antialias=True with nearest:", error)

# %% zone_plate
# A zone plate: cos(pi r^2 / (2 R)) with R half the side. Its local frequency at (x, y),
# the gradient of the phase over 2 pi, is (x, y) / (2 R) cycles per pixel: it grows
# linearly from 0 at the centre, along each axis on its own, so every frequency a
# square grid can hold appears, at (x, y) and at (-x, -y), and the input's limit, 0.5 per axis, is not reached.
size = 256
R = size / 2
coords = torch.arange(size, device=device, dtype=torch.float64) - size / 2 + 0.5
r2 = coords.view(-1, 1) ** 2 + coords.view(1, -1) ** 2
zone_plate = (0.5 + 0.5 * torch.cos(math.pi * r2 / (2 * R))).float().view(1, 1, size, size)


def local_frequency(position):
    """Cycles per pixel, along one axis, of the rings at this coordinate (0 at the centre)."""
    return position / (2 * R)


def axis_frequency(n, k, offset=0.0):
    """The larger of the two axis frequencies at each pixel of an n x n output of a k-times shrink,
    whose pixel i sits offset input pixels from the centre of input block i (pixels k*i to k*i + k - 1)."""
    centres = (torch.arange(n, device=device, dtype=torch.float64) + 0.5) * k - size / 2 + offset
    f = local_frequency(centres).abs()
    return torch.maximum(f.view(-1, 1), f.view(1, -1))


print(f"zone plate {size}x{size}: axis frequency {local_frequency(coords.abs().min()).item():.4f} cycles/pixel "
      f"at the centre pixels, {local_frequency(coords.max()).item():.4f} at the outermost pixels (the limit is 0.5)")
# In the corners the radial frequency is above 0.5, but a square grid limits each axis on its own.
corner_radial = math.hypot(local_frequency(coords.max()).item(), local_frequency(coords.max()).item())
print(f"in the corners: radial frequency {corner_radial:.4f} cycles/pixel, {local_frequency(coords.max()).item():.4f} along each axis")

# %% zone_plate_grid
# Each method shrinks the zone plate by 2, 4 and 8. The true content of a shrunken
# zone plate is the middle rings only (axis frequencies below the new Nyquist limit, 0.5/k
# cycles per input pixel: a square around the centre) and flat grey outside. Rings from just
# inside the band reach past its edge, even after an ideal low-pass; any other ring is folded-back detail.
factors = (2, 4, 8)
shrunk = {(name, k): method(zone_plate, k) for k in factors for name, method in methods.items()}
columns = 5
for k in factors:
    panels = [("original", zone_plate)] + [(name, shrunk[name, k]) for name in methods]
    rows = math.ceil(len(panels) / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(10, 2.15 * rows))
    for ax in axes.flat:
        ax.axis("off")
    for ax, (name, image) in zip(axes.flat, panels):
        # The original is larger than its panel: let matplotlib smooth it, or the figure aliases too.
        smooth = "antialiased" if name == "original" else "nearest"
        ax.imshow(image[0, 0].cpu().numpy(), cmap="gray", vmin=0, vmax=1, interpolation=smooth)
        ax.set_title(name, fontsize=8)
    figure.suptitle(f"Zone plate shrunk {k}x", fontsize=11)
    figure.tight_layout()
plt.show()

# %% zone_plate_table
# Outside: where an axis frequency is at least 1.25 times the new limit 0.5/k, the correct
# result is flat grey, the rings' mean 0.5. Two separate errors: the level (mean minus 0.5)
# and the rings (standard deviation: folded-back detail, and also rings from just inside
# the band that reach past its edge, which count for the filtered methods). Their root sum of squares is the
# RMS distance from grey, which alone would mix a wrong level with aliasing.
# Each output pixel is placed where the method samples: most centre their window on block i; slicing
# and nearest keep its first pixel, k*i, and so does BlurPool (odd taps, stride 2 from pixel 0),
# (k - 1) / 2 pixels before the centre; nearest-exact keeps pixel k*i + k // 2.
def sample_offset(name, k):
    if name in ("x[..., ::k, ::k]", "nearest") or name.startswith("BlurPool"):
        return -(k - 1) / 2
    return k // 2 - (k - 1) / 2 if name == "nearest-exact" else 0.0


level, rings = {}, {}
for (name, k), image in shrunk.items():
    outside = image[0, 0][axis_frequency(image.shape[-1], k, sample_offset(name, k)) >= 1.25 * 0.5 / k].double()
    level[name, k], rings[name, k] = (outside.mean() - 0.5).item(), outside.std(correction=0).item()
print("| method | " + " | ".join(f"level {k}x" for k in factors) + " | " + " | ".join(f"rings {k}x" for k in factors) + " |")
print("|---|" + "---:|" * 2 * len(factors))
for name in methods:
    print(f"| {name} | " + " | ".join(f"{level[name, k]:+.3f}" for k in factors) + " | " + " | ".join(f"{rings[name, k]:.3f}" for k in factors) + " |")

# %% fixed_footprint
# On this float64 probe, plain bilinear and bicubic (align_corners=False, the default) read the input around
# one point per output pixel, at input position (i + 0.5) * k - 0.5. At 3x and 5x it lies on a pixel centre, where the
# bilinear and bicubic weights are 1 for that pixel and 0 for every other: the result is slicing, x[..., k//2::k, k//2::k].
probe = torch.rand(1, 1, 60, 60, dtype=torch.float64, device=device)
slicing = {}
for k in (3, 5):
    middle = probe[..., k // 2 :: k, k // 2 :: k]
    for mode in ("bilinear", "bicubic"):
        slicing[mode, k] = torch.equal(F.interpolate(probe, scale_factor=1 / k, mode=mode), middle)
    print(f"{k}x: plain bilinear == x[..., {k // 2}::{k}, {k // 2}::{k}]: {slicing['bilinear', k]}; plain bicubic: {slicing['bicubic', k]}")
# 8 pixels at 3x: F.interpolate returns floor(8 / 3) of them; the slice one more, as 8 % 3 > 3 // 2.
short_side = probe[..., :8, :8]
kept = F.interpolate(short_side, scale_factor=1 / 3, mode="bilinear").shape[-1], short_side[..., 1::3].shape[-1]
print(f"8 pixels at 3x: F.interpolate keeps {kept[0]}, the slice keeps {kept[1]}")

# %% stripes
# Fine stripes and a one-pixel checkerboard, shrunk 2x. The stripes run at 0.45 cycles
# per pixel, close to the input's own limit and far above the 0.25 that the output can hold.
yy, xx = torch.meshgrid(torch.arange(128.0, device=device), torch.arange(128.0, device=device), indexing="ij")
angle = math.radians(8)
stripes = 0.5 + 0.5 * torch.cos(2 * math.pi * 0.45 * (xx * math.cos(angle) + yy * math.sin(angle)))
checkerboard = ((yy + xx) % 2).float()
patterns = {"stripes": stripes.view(1, 1, 128, 128), "checkerboard": checkerboard.view(1, 1, 128, 128)}
stripe_methods = ["x[..., ::k, ::k]", "MaxPool2d(k)", "AvgPool2d(k)", "bilinear", "bilinear, antialias", "bicubic", "area", "BlurPool [1,4,6,4,1]"]
figure, axes = plt.subplots(2, 1 + len(stripe_methods), figsize=(13, 3.6))
for row, (pattern_name, pattern) in zip(axes, patterns.items()):
    row[0].imshow(pattern[0, 0, :32, :32].cpu().numpy(), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    row[0].set_title(pattern_name, fontsize=8)
    for ax, name in zip(row[1:], stripe_methods):
        ax.imshow(methods[name](pattern, 2)[0, 0].cpu().numpy(), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
        ax.set_title(name, fontsize=8)
for ax in axes.flat:
    ax.axis("off")
figure.suptitle("Fine stripes and a one-pixel checkerboard (left: a crop of the input), shrunk 2x", fontsize=11)
figure.tight_layout()

# The checkerboard's only frequency is exactly at the input's Nyquist limit; after 2x it
# should average to 0.5 everywhere. What each method makes of it:
for name in stripe_methods:
    out = methods[name](patterns["checkerboard"], 2)
    print(f"{name:22s} checkerboard -> min {out.min().item():.3f}  max {out.max().item():.3f}")
plt.show()

# %% spectrum
# Two cosines, one below the new Nyquist limit for a 4x shrink (0.125 cycles per input
# pixel) and one above it. After shrinking, the high one should vanish; with aliasing it
# reappears at f - round(f * k) / k, inside the new band.
k = 4
n = 256
low, high = (0.0625, 0.03125), (0.34375, 0.1875)  # (fx, fy), cycles per input pixel, whole FFT bins
rows, cols = torch.meshgrid(torch.arange(float(n), device=device), torch.arange(float(n), device=device), indexing="ij")


def wave(f):
    return torch.cos(2 * math.pi * (f[0] * cols + f[1] * rows))


two_tones = (0.5 + 0.25 * wave(low) + 0.25 * wave(high)).view(1, 1, n, n)
folded = tuple(f - round(f * k) / k for f in high)
print(f"low tone {low} stays; high tone {high} is above 0.5/k = {0.5 / k} and would fold to {folded}")

# %% spectrum_table
# The amplitude of each cosine after shrinking: the low one where it was, the high one
# where it folds to. The input's cosines have amplitude 0.25 each.
def amplitude(image, f):
    """Amplitude of the cosine at frequency f (cycles per input pixel) in a k-times smaller image."""
    m = image.shape[-1]
    step = n // m  # input pixels per image pixel
    spectrum = torch.fft.fft2(image[0, 0] - image.mean()).abs() / (m * m / 2)
    return spectrum[round(f[1] * step * m) % m, round(f[0] * step * m) % m].item()


spectrum_methods = ["x[..., ::k, ::k]", "bilinear", "AvgPool2d(k)", "bilinear, antialias", "area", "BlurPool [1,4,6,4,1]"]
if "lanczos, antialias" in methods:
    spectrum_methods.append("lanczos, antialias")
tones = {}
low_in, high_in = amplitude(two_tones, low), amplitude(two_tones, high)
print("| method | low tone kept | low tone lost | high tone, folded |")
print("|---|---:|---:|---:|")
print(f"| input ({n}x{n}) | {low_in:.3f} | | {high_in:.3f} (not folded) |")
for name in spectrum_methods:
    out = methods[name](two_tones, k)
    tones[name] = (amplitude(out, low), amplitude(out, folded))
    lost = round(1 - tones[name][0] / low_in, 2) + 0.0  # + 0.0 turns -0.0 into 0.0
    print(f"| {name} | {tones[name][0]:.3f} | {lost:.0%} | {tones[name][1]:.3f} |")

# %% spectrum_figure
# Top: the top-left quarter of each image. Bottom: log-magnitude spectra of the whole images, in cycles per
# input pixel. The dashed square is the band a 4x smaller image can hold; white circles
# mark the low tone, cyan circles the high tone in the input and where it folds to after.
def log_spectrum(image):
    spectrum = torch.fft.fftshift(torch.fft.fft2(image[0, 0] - image.mean())).abs()
    return torch.log10(spectrum / spectrum.numel() + 1e-4).cpu().numpy()


def ring(ax, f, colour):
    for sign in (1, -1):
        ax.plot(sign * f[0], sign * f[1], "o", mfc="none", mec=colour, ms=11, mew=1.5)


shown = ["x[..., ::k, ::k]", "bilinear", "bilinear, antialias"]
spectrum_plot, axes = plt.subplots(2, 1 + len(shown), figsize=(11, 5.6))
for column, name in enumerate(["input"] + shown):
    image = two_tones if name == "input" else methods[name](two_tones, k)
    half = 0.5 * image.shape[-1] / n  # the image's own Nyquist limit, in cycles per input pixel
    quarter = image[0, 0, : image.shape[-2] // 2, : image.shape[-1] // 2]
    axes[0, column].imshow(quarter.cpu().numpy(), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    axes[0, column].set_title(name, fontsize=9)
    axes[0, column].axis("off")
    edge = -half - 0.5 / n  # fftshift puts frequency 0 at pixel m // 2: pixel centres fall on the frequencies
    axes[1, column].imshow(log_spectrum(image), cmap="magma", vmin=-3, vmax=-0.5, extent=(edge, edge + 2 * half, edge + 2 * half, edge), interpolation="nearest")
    axes[1, column].set_xlabel("fx (cycles per input pixel)", fontsize=8)
    axes[1, column].tick_params(labelsize=7)
    ring(axes[1, column], low, "white")
    ring(axes[1, column], high if name == "input" else folded, "cyan")
axes[1, 0].set_ylabel("fy (cycles per input pixel)", fontsize=8)
axes[1, 0].add_patch(Rectangle((-0.5 / k, -0.5 / k), 1 / k, 1 / k, fill=False, ls="--", ec="white"))
spectrum_plot.suptitle("Two cosines shrunk 4x: the top-left quarter of each image (top), the spectrum of the whole image (bottom)", fontsize=11)
spectrum_plot.tight_layout()
plt.show()

# %% thin_circle
# After the demonstration in clean-fid (Parmar, Zhang and Zhu, CVPR 2022): a thin circle,
# shrunk 8x (the size and line width here are this page's own). Pillow's BICUBIC widens
# its filter with the factor; it is here for comparison, run on the CPU.
side, shrink = 256, 8
centred = torch.arange(side, device=device, dtype=torch.float32) - side / 2 + 0.5
distance = (centred.view(-1, 1) ** 2 + centred.view(1, -1) ** 2).sqrt()
circle = ((distance - 100).abs() < 1.0).float().view(1, 1, side, side)  # radius 100, two pixels wide


def pillow_bicubic(x, k):
    image = Image.fromarray(x[0, 0].cpu().numpy().astype(np.float32), mode="F")
    small = image.resize((x.shape[-1] // k, x.shape[-2] // k), Image.Resampling.BICUBIC)
    return torch.from_numpy(np.asarray(small).copy()).to(x.device).view(1, 1, *small.size[::-1])


circle_methods = {name: methods[name] for name in ("x[..., ::k, ::k]", "bilinear", "bicubic", "bilinear, antialias", "bicubic, antialias", "area")}
circle_methods["Pillow BICUBIC"] = pillow_bicubic


def ring_evenness(image, sectors=32):
    """Ink in each of 32 angular sectors of the small image, as min / mean (1: even ring, 0: a gap)."""
    m = image.shape[-1]
    c = torch.arange(m, device=image.device, dtype=torch.float32) - m / 2 + 0.5
    theta = torch.atan2(c.view(-1, 1).expand(m, m), c.view(1, -1).expand(m, m))
    sector = ((theta + math.pi) / (2 * math.pi) * sectors).long().clamp(max=sectors - 1)
    ink = image[0, 0].float().clamp(min=0).flatten()  # overshoot below zero is not ink
    ink = torch.zeros(sectors, device=image.device).index_add_(0, sector.flatten(), ink)
    return (ink.min() / ink.mean()).item()


small_circles = {name: method(circle, shrink) for name, method in circle_methods.items()}
circle_stats = {name: (out.sum().item() * shrink**2 / circle.sum().item(), ring_evenness(out)) for name, out in small_circles.items()}
print("| method | ink kept (sum x k² / input sum) | ring evenness (min/mean sector ink) |")
print("|---|---:|---:|")
for name, (ink, evenness) in circle_stats.items():
    print(f"| {name} | {ink:.2f} | {evenness:.2f} |")

# %% thin_circle_figure
figure, axes = plt.subplots(1, 1 + len(small_circles), figsize=(13, 2.3))
axes[0].imshow(circle[0, 0].cpu().numpy(), cmap="gray_r", vmin=0, vmax=1)
axes[0].set_title("input", fontsize=8)
for ax, (name, out) in zip(axes[1:], small_circles.items()):
    ax.imshow(out[0, 0].cpu().numpy(), cmap="gray_r", vmin=0, vmax=max(out.max().item(), 1e-6), interpolation="nearest")
    ax.set_title(name, fontsize=8)
for ax in axes:
    ax.axis("off")
figure.suptitle("A thin circle shrunk 8x (each panel scaled to its own maximum)", fontsize=11)
figure.tight_layout()
plt.show()
