"""Checkerboard artifacts.

A transposed convolution adds one copy of its kernel per input pixel, ``stride``
pixels apart. Where the copies overlap unevenly, some output pixels get more than
others: a periodic pattern, the checkerboard. This script counts the overlap, then
measures the pattern in the output of untrained three-layer generators built with
each upsampling layer (transposed convolution, resize followed by convolution,
PixelShuffle with the default initialisation and with ICNR), on a constant input and
on a smooth one, with a score averaged over several random initialisations.
"""

# %% setup
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F
from _upsamplers import checkerboard_score, icnr_

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% overlap
# ConvTranspose2d with all-ones weights on an all-ones input: every output pixel is
# the number of kernel copies that land on it.
def overlap_counts(kernel_size, stride, size=8):
    layer = nn.ConvTranspose2d(1, 1, kernel_size, stride=stride, bias=False).to(device)
    nn.init.ones_(layer.weight)
    with torch.no_grad():
        return layer(torch.ones(1, 1, size, size, device=device))[0, 0]


def interior(counts, kernel_size, stride, size=8):
    # Away from the borders every output pixel has all its possible contributors.
    return counts[kernel_size - 1 : (size - 1) * stride + 1, kernel_size - 1 : (size - 1) * stride + 1]


figure, axes = plt.subplots(1, 2, figsize=(9, 4.6))
counts = {}
for ax, kernel_size in zip(axes, (3, 4)):
    counts[kernel_size] = overlap_counts(kernel_size, 2, size=5).cpu()
    ax.imshow(counts[kernel_size].numpy(), cmap="viridis", vmin=0, vmax=4)
    for (row, col), value in zip(torch.cartesian_prod(*map(torch.arange, counts[kernel_size].shape)).tolist(), counts[kernel_size].flatten().tolist()):
        ax.text(col, row, f"{value:g}", ha="center", va="center", fontsize=7, color="white" if value < 2.5 else "black")
    ax.set_title(f"kernel_size={kernel_size}, stride=2")
    ax.set_xticks([])
    ax.set_yticks([])
    inner = interior(counts[kernel_size], kernel_size, 2, size=5)
    print(f"kernel {kernel_size}, stride 2: interior overlap counts {sorted(set(inner.flatten().tolist()))}")
figure.suptitle("How many kernel copies land on each output pixel")
figure.tight_layout()

# %% overlap_table
# The ratio of the largest to the smallest interior count, for more kernels and strides.
print("| kernel_size | " + " | ".join(f"stride {s}" for s in (1, 2, 3, 4)) + " |")
print("|---:|" + "---:|" * 4)
uneven = {}
for kernel_size in range(1, 9):
    cells = []
    for stride in (1, 2, 3, 4):
        if kernel_size < stride:  # some output pixels get no copy at all
            cells.append("gaps")
            continue
        inner = interior(overlap_counts(kernel_size, stride), kernel_size, stride)
        uneven[kernel_size, stride] = (inner.max() / inner.min()).item()
        cells.append(f"{uneven[kernel_size, stride]:g}")
    print(f"| {kernel_size} | " + " | ".join(cells) + " |")

# %% generators
# Three upsampling blocks (x2 each), 16 -> 16 -> 8 -> 3 channels, ReLU in between,
# PyTorch's default initialisation, no training. Only the upsampling layer differs.
def upsampling_layer(kind, c_in, c_out):
    if kind == "transposed k3":
        return nn.ConvTranspose2d(c_in, c_out, 3, stride=2, padding=1, output_padding=1)
    if kind == "transposed k4":
        return nn.ConvTranspose2d(c_in, c_out, 4, stride=2, padding=1)
    if kind in ("nearest + conv", "bilinear + conv"):
        return nn.Sequential(nn.Upsample(scale_factor=2, mode=kind.split()[0]), nn.Conv2d(c_in, c_out, 3, padding=1))
    conv = nn.Conv2d(c_in, c_out * 4, 3, padding=1)
    if kind == "PixelShuffle + ICNR":
        icnr_(conv)
    return nn.Sequential(conv, nn.PixelShuffle(2))


# ICNR really is "convolve at low resolution, then copy each pixel into an r x r block".
torch.manual_seed(0)
sub_pixel = icnr_(nn.Conv2d(4, 3 * 4, 3, padding=1)).to(device)
x = torch.randn(1, 4, 6, 6, device=device)
with torch.no_grad():
    shuffled = F.pixel_shuffle(sub_pixel(x), 2)
    low_res = F.conv2d(x, sub_pixel.weight[::4], sub_pixel.bias[::4], padding=1)
    icnr_difference = (shuffled - F.interpolate(low_res, scale_factor=2, mode="nearest")).abs().max().item()
print(f"ICNR: max |conv + PixelShuffle - nearest(low-resolution conv)| = {icnr_difference:.1e}")

kinds = ["transposed k3", "transposed k4", "nearest + conv", "bilinear + conv", "PixelShuffle", "PixelShuffle + ICNR"]
channels = [16, 16, 8, 3]


def generator(kind, seed):
    torch.manual_seed(seed)
    layers = []
    for c_in, c_out in zip(channels, channels[1:]):
        layers += [upsampling_layer(kind, c_in, c_out), nn.ReLU()]
    return nn.Sequential(*layers[:-1]).to(device)


# Two inputs of shape (1, 16, 12, 12): all ones, and a smooth random field (4x4 noise
# upsampled with bicubic interpolation). Every output is 96x96.
size = 12
constant = torch.ones(1, channels[0], size, size, device=device)
torch.manual_seed(0)
smooth = F.interpolate(torch.randn(1, channels[0], 4, 4, device=device), size=(size, size), mode="bicubic", align_corners=True)
inputs = {"constant": constant, "smooth": smooth}
batch = torch.cat(list(inputs.values()))  # both inputs in one forward pass
with torch.no_grad():
    outputs = {kind: dict(zip(inputs, generator(kind, seed=0)(batch))) for kind in kinds}
print("output shape per input:", tuple(outputs["PixelShuffle"]["constant"].shape))

# %% score
# Checkerboard score: split the output into its 8x8 phases (the pixels at the same
# position modulo 8, the total upsampling factor, which includes the 2x2 and 4x4
# phases of the later layers), take each phase's mean, and measure how much those
# means vary, relative to the output's mean square. A border of 16 pixels is left out
# (zero padding makes borders different anyway). 0 means no periodic pattern.
period, margin = 8, 16


seeds = range(6)
scores = {}
with torch.no_grad():
    for kind in kinds:
        per_seed = torch.tensor([[checkerboard_score(y[None], period, margin) for y in generator(kind, seed)(batch)] for seed in seeds])
        for name, column in zip(inputs, per_seed.T):
            scores[kind, name] = (column.mean().item(), column.std().item())
print(f"Mean over {len(seeds)} random initialisations (± standard deviation):\n")
print("| upsampling layer | constant input | smooth input |")
print("|---|---:|---:|")
for kind in kinds:
    cells = [f"{scores[kind, name][0]:.2e} ± {scores[kind, name][1]:.1e}" for name in inputs]
    print(f"| {kind} | " + " | ".join(cells) + " |")

# %% pictures
# A 32x32 crop of the first output channel of each generator (seed 0), inside the
# border, in standard deviations from its mean (flat outputs stay flat: float
# rounding noise is not blown up).
figure, axes = plt.subplots(2, len(kinds), figsize=(12, 4.6))
for col, kind in enumerate(kinds):
    for row, name in enumerate(inputs):
        y = outputs[kind][name][0, margin : margin + 32, margin : margin + 32]
        scale = torch.maximum(y.std(), 1e-4 * y.pow(2).mean().sqrt()).clamp_min(1e-12)
        axes[row, col].imshow(((y - y.mean()) / scale).cpu().numpy(), cmap="RdBu_r", vmin=-2.5, vmax=2.5)
        axes[row, col].set_xticks([])
        axes[row, col].set_yticks([])
    axes[0, col].set_title(kind, fontsize=9)
axes[0, 0].set_ylabel("constant input")
axes[1, 0].set_ylabel("smooth input")
figure.suptitle("Untrained generators: output minus its mean, in standard deviations")
figure.tight_layout()
