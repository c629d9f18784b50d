"""Bicubic and overshoot.

Without antialias, ``mode="bicubic"`` weights the 4 nearest samples along each axis (at the border,
the edge pixel repeated in place of those outside the image) with Keys' cubic convolution kernel.
The kernel has negative lobes, so next to an edge the output can leave the range of the input
(not where every sample falls on an input pixel, as when shrinking 12 pixels to 4 with the default
``align_corners=False``; with ``align_corners=True`` two of that shrink's four samples fall between pixels,
and a step after pixel 4 leaves the range). This script measures the overshoot, shows the ``clamp`` recipe,
recovers the kernel's coefficient A from torch's own output, and compares it with the
A = -0.5 kernel that Pillow uses, implemented here in NumPy and checked against
``PIL.Image.resize``.
"""

# %% setup
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from _settings import LANCZOS, lanczos_works
from matplotlib.cbook import get_sample_data
from PIL import Image

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")


def keys(t, a):
    """Keys' cubic convolution kernel with coefficient a (Keys 1981)."""
    t = np.abs(t)
    inner = (a + 2) * t**3 - (a + 3) * t**2 + 1
    outer = a * t**3 - 5 * a * t**2 + 8 * a * t - 4 * a
    return np.where(t <= 1, inner, np.where(t < 2, outer, 0.0))


# %% overshoot_step
# A row that steps from 0 to 1, enlarged 8x. Bilinear stays inside [0, 1]; bicubic does not.
step = torch.tensor([0.0] * 6 + [1.0] * 6, device=device).view(1, 1, 1, -1)
profiles = {
    "bilinear": F.interpolate(step, scale_factor=8, mode="bilinear"),
    "bicubic": F.interpolate(step, scale_factor=8, mode="bicubic"),
    "bicubic, antialias=True": F.interpolate(step, scale_factor=8, mode="bicubic", antialias=True),
}
if lanczos_works(device):  # lanczos is newer and not on every device
    profiles["lanczos, antialias=True"] = F.interpolate(step, scale_factor=8, **LANCZOS["lanczos, antialias"])
profiles = {name: p[0, 0, 0].cpu().numpy() for name, p in profiles.items()}
for name, p in profiles.items():
    print(f"{name:24s} min {p.min():+.4f}  max {p.max():+.4f}")
# Non-negative weights keep bilinear inside the input's range only up to rounding: its weights
# are rounded, here to float32 (float64 data keeps them in double; the page gives the others).
# Along one axis this 0-to-1 step stays in range (a constant 0.1 would not); where both axes change, the two axes' weights combine and can miss it by a few rounding steps.
# scale_factor=k stretches this one-row step to k rows too. The step enlarged by every whole factor up to 20 on the CPU
# (a fixed kernel, whatever the build device):
bilinear_peak = {k: float(F.interpolate(step.cpu(), scale_factor=k, mode="bilinear").max()) for k in range(2, 21)}
above_one = {k: peak for k, peak in bilinear_peak.items() if peak > 1}
print("bilinear on the CPU, factors k ≤ 20 whose maximum exceeds 1:",
      ", ".join(f"×{k} ({peak:.9f})" for k, peak in above_one.items()) or "none")

# %% overshoot_image
# A white square on black, enlarged 4x: every edge rings.
square = torch.zeros(1, 1, 16, 16, device=device)
square[..., 5:11, 5:11] = 1.0
big = F.interpolate(square, scale_factor=4, mode="bicubic")
outside = (big < 0) | (big > 1)
print(f"input range [{square.min():.0f}, {square.max():.0f}]; output range [{big.min():+.4f}, {big.max():+.4f}]")
print(f"output pixels outside the input range: {int(outside.sum())} of {big.numel()}")

figure, axes = plt.subplots(1, 2, figsize=(10, 3.6), gridspec_kw={"width_ratios": [1.6, 1]})
positions = (np.arange(len(profiles["bicubic"])) + 0.5) / 8 - 0.5
axes[0].axhspan(0, 1, color="0.92", label="input range")
for name, p in profiles.items():
    axes[0].plot(positions, p, label=name)
axes[0].plot(np.arange(12), step.flatten().cpu().numpy(), "ko", ms=4, label="input samples")
axes[0].set_xlabel("position (input pixels)")
axes[0].set_ylabel("value")
axes[0].set_title("A step enlarged 8x")
axes[0].legend(fontsize=8)
limit = float(big.sub(0.5).abs().max()) + 0.5
shown = axes[1].imshow(big[0, 0].cpu().numpy(), cmap="RdBu_r", vmin=0.5 - limit, vmax=0.5 + limit)
axes[1].contour(outside[0, 0].cpu().numpy(), levels=[0.5], colors="k", linewidths=0.5)
axes[1].set_title("bicubic x4; outlined: outside [0, 1]")
axes[1].axis("off")
figure.colorbar(shown, ax=axes[1], fraction=0.046)
figure.tight_layout()
plt.show()

# %% clamp
# The recipe: clamp to the range the data is supposed to have. Images in [0, 1]:
clamped = big.clamp(0, 1)
# Any data: clamp each channel of each image to the range of its own input.
low = square.amin(dim=(-2, -1), keepdim=True)
high = square.amax(dim=(-2, -1), keepdim=True)
per_channel = big.clamp(low, high)
print(f"clamp(0, 1):           [{clamped.min():.4f}, {clamped.max():.4f}]")
print(f"clamp(input min, max): [{per_channel.min():.4f}, {per_channel.max():.4f}]")
print("pixels changed by the clamp:", int((clamped != big).sum()))
# uint8 input needs no clamp: torch saturates to [0, 255]. uint8 bicubic exists on the CPU
# only, so this part runs on the CPU whatever the build device.
square_cpu = square.cpu()
as_uint8 = F.interpolate((square_cpu * 255).to(torch.uint8), scale_factor=4, mode="bicubic")
as_float = F.interpolate(square_cpu * 255, scale_factor=4, mode="bicubic")
print(f"uint8 output range: [{as_uint8.min()}, {as_uint8.max()}]; float output range: [{as_float.min():.1f}, {as_float.max():.1f}]")
float_clamped = as_float.round().clamp(0, 255)
print("uint8 == float result rounded and clamped:", torch.equal(as_uint8.float(), float_clamped),
      f"(largest difference {float((as_uint8.float() - float_clamped).abs().max()):.0f})")
# The uint8 kernel goes one axis at a time and saturates in between: width first, then height
# (it computes in fixed point, so values may differ from this float imitation).
height, width = as_uint8.shape[-2:]
wide = F.interpolate(square_cpu * 255, size=(square.shape[-2], width), mode="bicubic").round().clamp(0, 255)
two_pass = F.interpolate(wide, size=(height, width), mode="bicubic").round().clamp(0, 255)
print("largest difference from width pass, saturate, height pass, saturate:", f"{float((as_uint8.float() - two_pass).abs().max()):.0f}")

# %% uint8_on_any_device
# The recipe that works on every device: compute in float, clamp, round, convert back.
image_u8 = (square * 255).to(torch.uint8)
portable = F.interpolate(image_u8.float(), scale_factor=4, mode="bicubic").clamp(0, 255).round().to(torch.uint8)
print(f"on {device.type}: dtype {portable.dtype}, range [{portable.min()}, {portable.max()}]")
print("same as the CPU uint8 kernel:", torch.equal(portable.cpu(), as_uint8),
      f"(largest difference {int((portable.cpu().int() - as_uint8.int()).abs().max())} levels)")

# %% kernel
# The kernel, read back from torch: one impulse enlarged 16x with align_corners=True puts
# an output sample every 1/16 of a pixel, exactly on the kernel. Keys' kernel is linear in
# A, so a least-squares fit recovers A.
n, factor = 9, 16
impulse = torch.zeros(1, 1, 1, n, dtype=torch.float64, device=device)
impulse[..., n // 2] = 1.0
offsets = np.arange((n - 1) * factor + 1) / factor - n // 2
measured = F.interpolate(impulse, size=(1, len(offsets)), mode="bicubic", align_corners=True)[0, 0, 0].cpu().numpy()
base, slope = keys(offsets, 0.0), keys(offsets, 1.0) - keys(offsets, 0.0)
fitted_a = float(np.linalg.lstsq(slope[:, None], measured - base, rcond=None)[0][0])
residual = float(np.abs(measured - base - fitted_a * slope).max())
print(f"mode='bicubic':                  A = {fitted_a:+.6f}, largest residual {residual:.1e}")
# antialias=True uses its own kernel; with align_corners=False the samples sit at (d + 0.5)/16 - 0.5.
aa_offsets = (np.arange(n * factor) + 0.5) / factor - 0.5 - n // 2
aa_measured = F.interpolate(impulse, size=(1, n * factor), mode="bicubic", antialias=True)[0, 0, 0].cpu().numpy()
aa_base, aa_slope = keys(aa_offsets, 0.0), keys(aa_offsets, 1.0) - keys(aa_offsets, 0.0)
aa_a = float(np.linalg.lstsq(aa_slope[:, None], aa_measured - aa_base, rcond=None)[0][0])
aa_residual = float(np.abs(aa_measured - aa_base - aa_a * aa_slope).max())
print(f"mode='bicubic', antialias=True:  A = {aa_a:+.6f}, largest residual {aa_residual:.1e}")

figure, ax = plt.subplots(figsize=(7, 3.4))
t = np.linspace(-2.5, 2.5, 501)
ax.axhline(0, color="0.6", lw=0.8)
ax.plot(t, keys(t, -0.75), label="Keys, A = -0.75")
ax.plot(t, keys(t, -0.5), label="Keys, A = -0.5")
ax.plot(offsets[::2], measured[::2], "k.", ms=4, label="torch bicubic (impulse response)")
ax.set_xlabel("distance (input pixels)")
ax.set_ylabel("weight")
ax.set_title("The cubic convolution kernel")
ax.legend(fontsize=8)
figure.tight_layout()
plt.show()

# %% ramp
# At this x5 enlargement, A = -0.5 reproduces a straight ramp up to float rounding (Keys' third-order choice)
# and A = -0.75 bends it. Interior samples only, away from the border (replicated by plain bicubic, dropped and
# renormalised with antialias).
ramp = torch.arange(12.0, dtype=torch.float64, device=device).view(1, 1, 1, -1)
for name, kwargs in (("A = -0.75 (bicubic)", {}), ("A = -0.5 (bicubic, antialias=True)", {"antialias": True})):
    out = F.interpolate(ramp, scale_factor=5, mode="bicubic", **kwargs)[0, 0, 0].cpu().numpy()
    where = (np.arange(len(out)) + 0.5) / 5 - 0.5
    interior = (where >= 2) & (where <= 9)
    print(f"{name:36s} largest error on a ramp: {np.abs(out - where)[interior].max():.2e}")

# %% pillow
# Pillow's resize with BICUBIC is Keys with A = -0.5. Implemented here as a matrix (one row per output
# pixel, same coordinates as torch), on a crop of a photograph enlarged 4x.
def cubic_matrix(n_in, n_out, a, border):
    """Weights of Keys' kernel on the half-pixel grid. border='replicate' repeats the edge
    pixel (torch); border='renormalise' drops taps outside the image and rescales (Pillow)."""
    src = (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
    matrix = np.zeros((n_out, n_in))
    for d, s in enumerate(src):
        for tap in range(int(np.floor(s)) - 1, int(np.floor(s)) + 3):
            w = float(keys(s - tap, a))
            if border == "replicate":
                matrix[d, min(max(tap, 0), n_in - 1)] += w
            elif 0 <= tap < n_in:
                matrix[d, tap] += w
        matrix[d] /= matrix[d].sum()
    return matrix, src


with get_sample_data("grace_hopper.jpg") as file:
    photo = plt.imread(file)
crop = photo[60:124, 200:264].mean(axis=2) / 255  # a 64x64 grey patch: the badge on the cap
n_in, n_out = crop.shape[0], crop.shape[0] * 4
results = {}
for a in (-0.75, -0.5):
    for border in ("replicate", "renormalise"):
        m, src = cubic_matrix(n_in, n_out, a, border)
        results[a, border] = m @ crop @ m.T
tensor = torch.from_numpy(crop).float().view(1, 1, n_in, n_in).to(device)
results["torch"] = F.interpolate(tensor, size=n_out, mode="bicubic")[0, 0].cpu().double().numpy()
results["torch aa"] = F.interpolate(tensor, size=n_out, mode="bicubic", antialias=True)[0, 0].cpu().double().numpy()
results["pillow"] = np.asarray(Image.fromarray(crop.astype(np.float32)).resize((n_out, n_out), Image.Resampling.BICUBIC), dtype=np.float64)
inside = (src >= 1) & (src <= n_in - 2)  # all four taps inside the image
interior = np.ix_(inside, inside)

comparisons = [
    ("torch bicubic", "NumPy Keys A = -0.75, edge repeated", results["torch"], results[-0.75, "replicate"], None),
    ("torch bicubic", "NumPy Keys A = -0.5, edge repeated", results["torch"], results[-0.5, "replicate"], None),
    ("Pillow BICUBIC", "NumPy Keys A = -0.5, edge repeated", results["pillow"], results[-0.5, "replicate"], interior),
    ("Pillow BICUBIC", "NumPy Keys A = -0.5, edge repeated", results["pillow"], results[-0.5, "replicate"], None),
    ("Pillow BICUBIC", "NumPy Keys A = -0.5, taps renormalised", results["pillow"], results[-0.5, "renormalise"], None),
    ("Pillow BICUBIC", "torch bicubic", results["pillow"], results["torch"], None),
    ("Pillow BICUBIC", "torch bicubic, antialias=True", results["pillow"], results["torch aa"], None),
]
differences = {}
print("| this | against | pixels | max abs difference | mean abs difference |")
print("|---|---|---|---:|---:|")
for left, right, a, b, region in comparisons:
    diff = np.abs(a - b) if region is None else np.abs(a - b)[region]
    differences[left, right, region is None] = (diff.max(), diff.mean())
    print(f"| {left} | {right} | {'all' if region is None else 'interior'} | {diff.max():.2e} | {diff.mean():.2e} |")

# %% pillow_shrink
# Shrinking too: Pillow's resize widens its BICUBIC kernel by the shrink factor, and so does
# antialias=True. The photograph crop shrunk to a few sizes; 64 x 20 shrinks one axis only,
# 96 x 20 enlarges the height and shrinks the width. Pillow takes an output size; the last
# rows give torch a scale_factor instead, whose product with 64 is not whole.
shrink_gap = {}
print("| 64 × 64 → | torch bicubic, antialias=True vs Pillow BICUBIC: max abs difference | plain torch bicubic vs Pillow |")
print("|---|---:|---:|")
requests = [{"size": size} for size in ((32, 32), (21, 21), (37, 37), (13, 50), (64, 20), (96, 20))]
requests += [{"scale_factor": 0.7}, {"scale_factor": 0.7, "recompute_scale_factor": True}]
for request in requests:
    aa = F.interpolate(tensor, mode="bicubic", antialias=True, **request)[0, 0].cpu().double().numpy()
    plain = F.interpolate(tensor, mode="bicubic", **request)[0, 0].cpu().double().numpy()
    h, w = aa.shape
    pil = np.asarray(Image.fromarray(crop.astype(np.float32)).resize((w, h), Image.Resampling.BICUBIC), dtype=np.float64)
    label = f"{h} × {w}" + "".join(f", {k}={v}" for k, v in request.items() if k != "size")
    shrink_gap[label] = float(np.abs(aa - pil).max()), float(np.abs(plain - pil).max())
    print(f"| {label} | {shrink_gap[label][0]:.1e} | {shrink_gap[label][1]:.1e} |")

# %% pillow_figure
# Where the two differ: the photograph, enlarged by each, and the difference.
figure, axes = plt.subplots(1, 3, figsize=(10, 3.6))
axes[0].imshow(results["torch"], cmap="gray", vmin=0, vmax=1)
axes[0].set_title("torch bicubic (A = -0.75)")
axes[1].imshow(results["pillow"], cmap="gray", vmin=0, vmax=1)
axes[1].set_title("Pillow BICUBIC (A = -0.5)")
gap = results["torch"] - results["pillow"]
scale = float(np.abs(gap).max())
shown = axes[2].imshow(gap, cmap="RdBu_r", vmin=-scale, vmax=scale)
axes[2].set_title("difference (torch - Pillow)")
figure.colorbar(shown, ax=axes[2], fraction=0.046)
for ax in axes:
    ax.axis("off")
figure.tight_layout()
plt.show()
