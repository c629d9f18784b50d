"""PixelShuffle and sub-pixel convolution.

``nn.PixelShuffle(r)`` moves values from channels into space: (*, C*r*r, H, W) becomes
(*, C, H*r, W*r) with no arithmetic at all. After a convolution it forms the
"sub-pixel convolution" of ESPCN (Shi et al., CVPR 2016). This script shows the
rearrangement, checks numerically that a convolution with an odd kernel k, padded by
k // 2, followed by PixelShuffle, is a strided transposed convolution when the r*r biases
of each output channel agree (with distinct biases no transposed convolution, whose bias
is one per channel, matches it),
converts a kernel-4 transposed convolution the other way (equal on finite inputs only:
its zero weights turn an inf into NaN), and counts the floating-point operations of
doing the work at low versus high resolution.
"""

# %% setup
import itertools

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# The equivalences are checked in float64: on an Ampere or newer GPU, float32 convolutions may run in
# TF32 by default (torch.backends.cudnn.allow_tf32 lets cuDNN pick it), whose 10-bit mantissa would hide float rounding.
dtype = torch.float64
print(f"torch {torch.__version__} on {device}")

# %% shapes
# Any number of leading dimensions; the last three are (C*r*r, H, W).
for shape, r in [((2, 36, 5, 7), 3), ((16, 5, 5), 4), ((2, 3, 8, 4, 4), 2)]:
    x = torch.randn(shape, device=device)
    y = nn.PixelShuffle(r)(x)
    print(f"PixelShuffle({r}): {tuple(x.shape)} -> {tuple(y.shape)};  PixelUnshuffle({r}) undoes it: {torch.equal(nn.PixelUnshuffle(r)(y), x)}")
# torch's CPU PixelUnshuffle kernel returns this tensor with no elements unchanged (PixelShuffle's and CUDA's reshape it).
empty = nn.PixelShuffle(2)(torch.zeros(0, 8, 4, 4))
print(f"PixelShuffle(2): (0, 8, 4, 4) -> {tuple(empty.shape)};  PixelUnshuffle(2) on the CPU gives {tuple(nn.PixelUnshuffle(2)(empty).shape)}")
try:
    nn.PixelShuffle(2)(torch.zeros(1, 6, 4, 4, device=device))
except RuntimeError as error:
    print("6 channels, r=2:", f"`{error}`")

# %% index_rule
# Where each value goes: input channel c*r*r + i*r + j at (h, w) lands in output
# channel c at (h*r + i, w*r + j).
r, C, H, W = 2, 1, 3, 3
x = torch.arange(C * r * r * H * W, device=device).view(1, C * r * r, H, W)
y = F.pixel_shuffle(x, r)
rule = all(
    y[0, c, h * r + i, w * r + j] == x[0, c * r * r + i * r + j, h, w]
    for c, i, j, h, w in itertools.product(range(C), range(r), range(r), range(H), range(W))
)
print("input channels:\n", x[0].cpu().numpy())
print("output:\n", y[0, 0].cpu().numpy())
print("index rule holds for every element:", rule)

figure, axes = plt.subplots(1, r * r + 1, figsize=(11, 2.6), gridspec_kw={"width_ratios": [1] * r * r + [2]})
for channel, ax in enumerate(axes[:-1]):
    ax.imshow(torch.full((H, W), channel).numpy(), cmap="tab10", vmin=0, vmax=9, alpha=0.6)
    ax.set_title(f"channel {channel}", fontsize=9)
channel_of = torch.arange(r * r).view(r, r).repeat(H, W)  # which input channel each output pixel came from
axes[-1].imshow(channel_of.numpy(), cmap="tab10", vmin=0, vmax=9, alpha=0.6)
axes[-1].set_title("PixelShuffle(2)", fontsize=9)
for ax, values in zip(axes, [*x[0].cpu(), y[0, 0].cpu()]):
    for (row, col), value in zip(itertools.product(*map(range, values.shape)), values.flatten().tolist()):
        ax.text(col, row, value, ha="center", va="center", fontsize=8)
    ax.set_xticks([])
    ax.set_yticks([])
figure.tight_layout()
plt.show()

# %% as_transposed
# Convolution at low resolution + PixelShuffle(r), written as ConvTranspose2d(stride=r).
# Output pixel (h*r + i) reads input row h + u - p through sub-pixel kernel tap u;
# the transposed convolution reaches the same pixel from input row h + u - p through
# its tap i + P - (u - p)*r. Copy every weight to where the other layer uses it.
def transposed_from_subpixel(conv, r, padding):
    c_out, c_in, k, _ = conv.weight.shape
    c_out //= r * r
    kernel_size = r * k
    layer = nn.ConvTranspose2d(c_in, c_out, kernel_size, stride=r, padding=padding).to(conv.weight.device, conv.weight.dtype)
    with torch.no_grad():
        layer.weight.zero_()
        p = conv.padding[0]
        for i, j, u, v in itertools.product(range(r), range(r), range(k), range(k)):
            a, b = i + padding - (u - p) * r, j + padding - (v - p) * r
            if 0 <= a < kernel_size and 0 <= b < kernel_size:
                layer.weight[:, :, a, b] = conv.weight[i * r + j :: r * r, :, u, v].T
        layer.bias.copy_(conv.bias[:: r * r])  # a transposed conv has one bias per channel
    return layer


twins = [(2, 3), (3, 3), (2, 5)]  # (r, k)
for r, k in twins:
    conv = nn.Conv2d(8, 4 * r * r, k, padding=k // 2).to(device, dtype)
    with torch.no_grad():  # the r*r sub-pixel biases of a channel must agree (see the text)
        conv.bias.copy_(conv.bias[:: r * r].repeat_interleave(r * r))
    layer = transposed_from_subpixel(conv, r, padding=(k // 2) * r)
    x = torch.randn(2, 8, 9, 11, device=device, dtype=dtype)
    with torch.no_grad():
        sub_pixel, transposed = F.pixel_shuffle(conv(x), r), layer(x)
    print(
        f"Conv2d({k}x{k}) + PixelShuffle({r}) ≈ ConvTranspose2d(kernel_size={r * k}, stride={r}, padding={(k // 2) * r}): "
        f"shape {tuple(transposed.shape)}, max |difference| = {(sub_pixel - transposed).abs().max().item():.1e}, "
        f"weights {conv.weight.numel()} vs {layer.weight.numel()}"
    )

# An even kernel has no centre: padding k // 2 makes the convolution's output one pixel
# larger, and the transposed convolution's (padded by r * (k // 2)) one pixel smaller, so the sizes
# differ. Its twin is padded by r less: a convolution padded by p <= k - 1 is the transposed one padded by r * (k - 1 - p).
def matched_sizes(r, k, h):
    """Output sizes of Conv2d(k, padding=k // 2) + PixelShuffle(r) and of ConvTranspose2d(r * k, stride=r, padding=r * (k // 2))."""
    x = torch.zeros(1, 1, h, h, device=device)
    sub_pixel = F.pixel_shuffle(F.conv2d(x, torch.zeros(r * r, 1, k, k, device=device), padding=k // 2), r)
    transposed = F.conv_transpose2d(x, torch.zeros(1, 1, r * k, r * k, device=device), stride=r, padding=(k // 2) * r)
    return sub_pixel.shape[-1], transposed.shape[-1]


even_sizes = matched_sizes(r=2, k=2, h=9)
print(f"k=2, r=2, H=9: Conv2d(padding=1) + PixelShuffle gives {even_sizes[0]}, ConvTranspose2d(kernel_size=4, padding=2) gives {even_sizes[1]}")

# %% from_transposed
# The other way round: ConvTranspose2d(kernel_size=4, stride=2, padding=1), the layer of
# the Torch and PyTorch DCGAN examples, as a 3x3 convolution at low resolution followed
# by PixelShuffle(2).
def subpixel_from_transposed(layer, k):
    c_in, c_out, kernel_size, _ = layer.weight.shape
    r, padding = layer.stride[0], layer.padding[0]
    conv = nn.Conv2d(c_in, c_out * r * r, k, padding=k // 2).to(layer.weight.device, layer.weight.dtype)
    with torch.no_grad():
        conv.weight.zero_()
        for i, j, u, v in itertools.product(range(r), range(r), range(k), range(k)):
            a, b = i + padding - (u - k // 2) * r, j + padding - (v - k // 2) * r
            if 0 <= a < kernel_size and 0 <= b < kernel_size:
                conv.weight[i * r + j :: r * r, :, u, v] = layer.weight[:, :, a, b].T
        conv.bias.copy_(layer.bias.repeat_interleave(r * r))
    return conv


kernel4 = nn.ConvTranspose2d(8, 4, 4, stride=2, padding=1).to(device, dtype)
conv = subpixel_from_transposed(kernel4, k=3)
x = torch.randn(2, 8, 9, 11, device=device, dtype=dtype)
with torch.no_grad():
    difference = (F.pixel_shuffle(conv(x), 2) - kernel4(x)).abs().max().item()
zero_taps = (conv.weight == 0).float().mean().item()
print(f"ConvTranspose2d(4, stride=2, padding=1) ≈ Conv2d(3x3) + PixelShuffle(2): max |difference| = {difference:.1e}")
print(f"{zero_taps:.0%} of that 3x3 convolution's weights are zero: each sub-pixel position sees a 2x2 window")

# %% flops
# Counting floating-point operations from layer shapes (a multiply-add counts as 2,
# as torch.utils.flop_counter does; the tests check these counts against it).
def conv_flops(c_in, c_out, kernel_size, height, width):
    """A stride-1 'same' convolution producing a (c_out, height, width) map."""
    return 2 * c_in * c_out * kernel_size**2 * height * width


def transposed_flops(c_in, c_out, kernel_size, height_in, width_in):
    """A transposed convolution scatters one kernel copy per *input* pixel."""
    return 2 * c_in * c_out * kernel_size**2 * height_in * width_in


# Every pair above, per low-resolution pixel: the exact twins cost the same; the kernel-4
# layer written as a 3x3 sub-pixel convolution pays for its zero weights.
for r, k, kernel_size in [*((r, k, r * k) for r, k in twins), (2, 3, 4)]:
    print(f"Conv2d(8 -> 4*{r}*{r}, {k}x{k}) + PixelShuffle({r}):", conv_flops(8, 4 * r * r, k, 1, 1),
          f"  ConvTranspose2d(8 -> 4, {kernel_size}, stride={r}):", transposed_flops(8, 4, kernel_size, 1, 1))  # fmt: skip


# %% flops_table
# ESPCN's layers (5x5 -> 64, 3x3 -> 32, 3x3 -> r*r) on a low-resolution image, against
# the same network run on an image first enlarged with bicubic interpolation (as
# SRCNN did), whose last layer then has one output channel instead of r*r.
def espcn_flops(r, height, width):
    return conv_flops(1, 64, 5, height, width) + conv_flops(64, 32, 3, height, width) + conv_flops(32, r * r, 3, height, width)


def high_res_flops(r, height, width):
    return conv_flops(1, 64, 5, height * r, width * r) + conv_flops(64, 32, 3, height * r, width * r) + conv_flops(32, 1, 3, height * r, width * r)


output = (1080, 1920)  # a full-HD result
print("| scale r | input | low resolution (ESPCN) GFLOPs | high resolution GFLOPs | ratio |")
print("|---:|---|---:|---:|---:|")
flops = {}
for r in (2, 3, 4):
    h, w = output[0] // r, output[1] // r
    flops[r] = (espcn_flops(r, h, w), high_res_flops(r, h, w))
    print(f"| {r} | {h}x{w} | {flops[r][0] / 1e9:.1f} | {flops[r][1] / 1e9:.1f} | {flops[r][1] / flops[r][0]:.1f} |")
