"""Checkerboard artifacts.

A transposed convolution adds one copy of its kernel per input pixel, ``stride``
pixels apart. Where the copies overlap unevenly, some output pixels get more than
others: a periodic pattern, the checkerboard. This script counts the overlap, then
measures the pattern in the output of untrained three-layer generators built with
each upsampling layer and initialisation (transposed convolution with kernel 3 or 4,
kernel 4 also with the bilinear initialisation; nearest or bilinear resize followed by
convolution; convolution + PixelShuffle with the default initialisation, with ICNR, and
with ICNR's copies made by .repeat), on a constant input and on a smooth one, with a
score averaged over several random initialisations.
"""

# %% setup
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# Networks run in float64: on GPUs with TF32 (Ampere and newer), float32 convolutions default to it
# (torch.backends.cudnn.allow_tf32), whose rounding would make flat outputs look patterned.
dtype = torch.float64
print(f"torch {torch.__version__} on {device}, networks in {dtype}")

# %% overlap
# ConvTranspose2d with all-ones weights on an all-ones input: every output pixel is
# the number of kernel copies that land on it.
def overlap_counts(kernel_size, stride, size=8):
    layer = nn.ConvTranspose2d(1, 1, kernel_size, stride=stride, bias=False).to(device, dtype)
    nn.init.ones_(layer.weight)
    with torch.no_grad():
        return layer(torch.ones(1, 1, size, size, device=device, dtype=dtype))[0, 0]


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
plt.show()

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

# %% bilinear_init
from _upsamplers import bilinear_, bilinear_kernel, bilinear_layer_args

# FCN's initialisation (bilinear_ in _upsamplers.py) makes a transposed convolution
# compute bilinear upsampling. Compare it with F.interpolate(align_corners=False) for
# x2, x3, x4, inside and at the border (channels upsampled one by one, identity mixing).
x = torch.randn(1, 3, 9, 10, device=device, dtype=dtype)
bilinear_gap = {}
for scale in (2, 3, 4):
    layer = bilinear_(nn.ConvTranspose2d(3, 3, **bilinear_layer_args(scale), device=device, dtype=dtype))
    with torch.no_grad():
        difference = (layer(x) - F.interpolate(x, scale_factor=scale, mode="bilinear", align_corners=False)).abs()
    border = scale // 2  # output pixels whose sample position falls outside the input
    inner = difference[..., border:-border, border:-border]
    bilinear_gap[scale] = (inner.max().item(), difference.max().item())
    print(
        f"x{scale}: {', '.join(f'{k}={v}' for k, v in bilinear_layer_args(scale).items())}, kernel {[round(tap, 4) for tap in bilinear_kernel(scale).tolist()]}\n"
        f"    max |ConvTranspose2d - interpolate| inside a {border}-pixel border: {bilinear_gap[scale][0]:.1e}, "
        f"on the border: {bilinear_gap[scale][1]:.2f}"
    )

# %% icnr_check
from _upsamplers import checkerboard_score, icnr_

# ICNR really is "convolve at low resolution, then copy each pixel into an r x r block",
# and only with repeat_interleave: .repeat puts the copies of a kernel C apart (C, the
# channels after the shuffle), into other channels' blocks; with C = 1 or r = 1 the two agree.
torch.manual_seed(0)
sub_pixel = icnr_(nn.Conv2d(4, 3 * 4, 3, padding=1)).to(device, dtype)
x = torch.randn(1, 4, 6, 6, device=device, dtype=dtype)
with torch.no_grad():
    shuffled = F.pixel_shuffle(sub_pixel(x), 2)
    low_res = F.conv2d(x, sub_pixel.weight[::4], sub_pixel.bias[::4], padding=1)
    icnr_difference = (shuffled - F.interpolate(low_res, scale_factor=2, mode="nearest")).abs().max().item()
print(f"ICNR: max |conv + PixelShuffle - nearest(low-resolution conv)| = {icnr_difference:.1e}")


def repeat_instead_(conv, scale=2):
    """The slip: the same low-resolution kernels, copied with .repeat."""
    with torch.no_grad():
        kernels, biases = conv.weight[:: scale**2].clone(), conv.bias[:: scale**2].clone()
        conv.weight.copy_(kernels.repeat(scale**2, 1, 1, 1))
        conv.bias.copy_(biases.repeat(scale**2))
    return conv


# The bias needs the same care: ICNR's kernels with r*r different biases (PyTorch's
# default bias of a fresh convolution) add a different constant to each sub-pixel position.
default_bias = icnr_(nn.Conv2d(4, 3 * 4, 3, padding=1)).to(device, dtype)
with torch.no_grad():
    default_bias.bias.copy_(nn.Conv2d(4, 3 * 4, 3).bias)

flat = torch.ones(1, 4, 12, 12, device=device, dtype=dtype)
with torch.no_grad():
    one_layer = {
        "repeat_interleave": F.pixel_shuffle(sub_pixel(flat), 2),
        "repeat": F.pixel_shuffle(repeat_instead_(icnr_(nn.Conv2d(4, 3 * 4, 3, padding=1)).to(device, dtype))(flat), 2),
        "repeat, one output channel": F.pixel_shuffle(repeat_instead_(icnr_(nn.Conv2d(4, 1 * 4, 3, padding=1)).to(device, dtype))(flat), 2),
        "repeat_interleave, biases left at the default": F.pixel_shuffle(default_bias(flat), 2),
    }
one_layer_score = {name: checkerboard_score(y, 2, 4) for name, y in one_layer.items()}
for name, score in one_layer_score.items():
    print(f"one ICNR layer copied with .{name}; constant input: checkerboard score {score:.3f}")

# %% generators
# Three upsampling blocks (x2 each), 16 -> 16 -> 8 -> 3 channels, ReLU in between, no
# training. Only the upsampling layer and its initialisation differ.
def upsampling_layer(layer, init, c_in, c_out):
    if layer == "ConvTranspose2d k3":
        return nn.ConvTranspose2d(c_in, c_out, 3, stride=2, padding=1, output_padding=1)
    if layer == "ConvTranspose2d k4":
        up = nn.ConvTranspose2d(c_in, c_out, **bilinear_layer_args(2))
        if init == "bilinear (FCN)":  # bilinear in space; channels mixed by a default 1x1 weight
            bilinear_(up, mixing=nn.Conv2d(c_in, c_out, 1).weight[:, :, 0, 0].T)
        return up
    if layer in ("nearest + conv", "bilinear + conv"):
        return nn.Sequential(nn.Upsample(scale_factor=2, mode=layer.split()[0]), nn.Conv2d(c_in, c_out, 3, padding=1))
    conv = nn.Conv2d(c_in, c_out * 4, 3, padding=1)
    if init.startswith("ICNR"):
        icnr_(conv)
    if init == "ICNR with .repeat":
        repeat_instead_(conv)
    return nn.Sequential(conv, nn.PixelShuffle(2))


kinds = [
    ("ConvTranspose2d k3", "default"),
    ("ConvTranspose2d k4", "default"),
    ("ConvTranspose2d k4", "bilinear (FCN)"),
    ("nearest + conv", "default"),
    ("bilinear + conv", "default"),
    ("conv + PixelShuffle", "default"),
    ("conv + PixelShuffle", "ICNR"),
    ("conv + PixelShuffle", "ICNR with .repeat"),
]
channels = [16, 16, 8, 3]


def generator(kind, seed):
    torch.manual_seed(seed)
    layers = []
    for c_in, c_out in zip(channels, channels[1:]):
        layers += [upsampling_layer(*kind, c_in, c_out), nn.ReLU()]
    return nn.Sequential(*layers[:-1]).to(device, dtype)


# Two inputs of shape (1, 16, 12, 12): all ones, and a smooth random field (4x4 noise
# upsampled with bicubic interpolation). Every output is 96x96.
size = 12
constant = torch.ones(1, channels[0], size, size, device=device, dtype=dtype)
torch.manual_seed(0)
smooth = F.interpolate(torch.randn(1, channels[0], 4, 4, device=device, dtype=dtype), size=(size, size), mode="bicubic", align_corners=True)
inputs = {"constant": constant, "smooth": smooth}
batch = torch.cat(list(inputs.values()))  # both inputs in one forward pass
with torch.no_grad():
    outputs = {kind: dict(zip(inputs, generator(kind, seed=0)(batch))) for kind in kinds}
print("output shape per input:", tuple(outputs[kinds[0]]["constant"].shape))

# %% score
# checkerboard_score (from _upsamplers.py) with 8x8 phases, the total upsampling
# factor (which includes the 2x2 and 4x4 phases of the later layers), inside a border
# of 16 pixels (zero padding makes borders different anyway).
period, margin = 8, 16
seeds = range(6)
scores, per_seed = {}, {}
with torch.no_grad():
    for kind in kinds:
        table = torch.tensor([[checkerboard_score(y[None], period, margin) for y in generator(kind, seed)(batch)] for seed in seeds], dtype=torch.float64)
        for name, column in zip(inputs, table.T):
            per_seed[kind, name] = column
            scores[kind, name] = (column.mean().item(), column.std().item())
print(f"Mean ± standard deviation over {len(seeds)} random initialisations:\n")
print("| layer | initialisation | constant input | smooth input |")
print("|---|---|---:|---:|")
for kind in kinds:
    cells = [f"{scores[kind, name][0]:.3f} ± {scores[kind, name][1]:.3f}" for name in inputs]
    print(f"| {kind[0]} | {kind[1]} | " + " | ".join(cells) + " |")

# %% pictures
# A 32x32 crop of the first output channel of each generator (seed 0), inside the
# border, minus its mean, divided by its standard deviation or by 1e-4 of its rms
# where that is larger (flat outputs stay flat: float rounding noise is not blown up).
figure, axes = plt.subplots(2, len(kinds), figsize=(14, 4.4))
for col, kind in enumerate(kinds):
    for row, name in enumerate(inputs):
        y = outputs[kind][name][0, margin : margin + 32, margin : margin + 32]
        scale = torch.maximum(y.std(), 1e-4 * y.pow(2).mean().sqrt()).clamp_min(1e-12)
        axes[row, col].imshow(((y - y.mean()) / scale).cpu().numpy(), cmap="RdBu_r", vmin=-2.5, vmax=2.5)
        axes[row, col].set_xticks([])
        axes[row, col].set_yticks([])
    axes[0, col].set_title(f"{kind[0]}\n{kind[1]}", fontsize=8)
axes[0, 0].set_ylabel("constant input")
axes[1, 0].set_ylabel("smooth input")
figure.suptitle("Untrained generators: output minus its mean, divided by max(std, 1e-4 × rms)")
figure.tight_layout()
plt.show()
