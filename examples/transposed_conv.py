"""ConvTranspose2d, demystified.

A transposed convolution is the operation that carries gradients back through an
ordinary convolution. This script checks torch's output-size formula, shows why
``output_padding`` has to exist and what the rows it adds hold, computes
ConvTranspose2d as the gradient of Conv2d with respect to its input, as the transpose
of Conv2d's matrix (which undoes the convolution exactly when that matrix's columns are orthonormal: an orthogonal matrix, or a taller one), as a matrix product followed by col2im (F.fold), and from zeros
inserted between the input pixels followed by an ordinary convolution with the kernel
rotated by 180 degrees and its input and output channel axes swapped (within each group);
and it shows which axis the default initialisation reads.
"""

# %% setup
import itertools
import re

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
# float64 throughout: on an Ampere or newer GPU, float32 convolutions may run in TF32 by default
# (torch.backends.cudnn.allow_tf32 lets cuDNN pick it), whose 10-bit mantissa would hide the float rounding
# this page compares against.
dtype = torch.float64
print(f"torch {torch.__version__} on {device}, computing in {dtype}")

# %% docs_say
# What the installed torch's docstring calls this layer.
doc = " ".join(nn.ConvTranspose2d.__doc__.split())
said = [s for s in re.split(r"(?<=\.) ", doc) if "gradient of Conv2d" in s or "actual deconvolution" in s]
for sentence in said:
    print("-", f"`{sentence}`")  # torch's words, quoted as code in every language

# %% output_size
# The formula from the documentation, for one spatial dimension.
def transposed_size(size_in, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    return (size_in - 1) * stride - 2 * padding + dilation * (kernel_size - 1) + output_padding + 1


def torch_size(size_in, kernel_size, stride=1, padding=0, output_padding=0, dilation=1):
    x = torch.zeros(1, 1, size_in, size_in, device=device, dtype=dtype)
    weight = torch.zeros(1, 1, kernel_size, kernel_size, device=device, dtype=dtype)
    out = F.conv_transpose2d(x, weight, stride=stride, padding=padding, output_padding=output_padding, dilation=dilation)
    return out.shape[-1]


# Layers seen in real networks, and a few odd ones.
settings = [
    dict(size_in=16, kernel_size=4, stride=2, padding=1),  # DCGAN in Torch and PyTorch
    dict(size_in=16, kernel_size=5, stride=2, padding=2, output_padding=1),  # the DCGAN paper's Theano code
    dict(size_in=16, kernel_size=2, stride=2),  # U-Net decoders
    dict(size_in=16, kernel_size=3, stride=2, padding=1),
    dict(size_in=16, kernel_size=3, stride=2, padding=1, output_padding=1),
    dict(size_in=16, kernel_size=3, stride=1, padding=1),
    dict(size_in=7, kernel_size=5, stride=3, padding=2, output_padding=2),
    dict(size_in=7, kernel_size=3, stride=2, padding=2, dilation=3),
]
print("| H_in | kernel_size | stride | padding | output_padding | dilation | formula | torch |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
for s in settings:
    full = {"stride": 1, "padding": 0, "output_padding": 0, "dilation": 1, **s}
    print(
        f"| {full['size_in']} | {full['kernel_size']} | {full['stride']} | {full['padding']} | "
        f"{full['output_padding']} | {full['dilation']} | {transposed_size(**s)} | {torch_size(**s)} |"
    )

# %% output_size_grid
# The same comparison over every combination in a grid, without the layers that torch's own
# kernel refuses: output_padding of max(stride, dilation) or more, and outputs of no pixels.
grid = itertools.product((1, 2, 5), range(1, 5), range(1, 4), range(0, 3), range(0, 3), range(1, 3))
checked = agree = 0
for size_in, kernel_size, stride, padding, output_padding, dilation in grid:
    args = (size_in, kernel_size, stride, padding, output_padding, dilation)
    if output_padding >= max(stride, dilation) or transposed_size(*args) < 1:
        continue
    checked += 1
    agree += transposed_size(*args) == torch_size(*args)
print(f"{agree} of {checked} combinations: formula == torch")

# %% output_padding
# A strided convolution rounds down, so several input sizes give the same output size.
conv = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=1).to(device, dtype)
up = nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1).to(device, dtype)
conv_out = {h: conv(torch.zeros(1, 1, h, h, device=device, dtype=dtype)).shape[-1] for h in range(5, 13)}
print("Conv2d(kernel_size=3, stride=2, padding=1)")
for out in sorted(set(conv_out.values())):
    sources = [h for h, o in conv_out.items() if o == out]
    print(f"  inputs {sources} -> {out}")

# Going back, ConvTranspose2d cannot know which one it came from; output_padding says it.
small = torch.zeros(1, 1, 4, 4, device=device, dtype=dtype)
back = {p: F.conv_transpose2d(small, up.weight, stride=2, padding=1, output_padding=p).shape[-1] for p in (0, 1)}
print("ConvTranspose2d from 4:", {f"output_padding={p}": size for p, size in back.items()})
# Or pass output_size to the module's forward and it picks output_padding itself.
print("up(x, output_size=[8, 8]) ->", tuple(up(small, output_size=[8, 8]).shape[-2:]))
try:
    F.conv_transpose2d(small, up.weight, stride=2, padding=1, output_padding=2)
except RuntimeError as error:
    print("output_padding=2 with stride 2:", f"`{str(error).splitlines()[0]}`")

# %% output_padding_values
# What the added rows hold. The layer computes its full output, (H-1)*stride +
# dilation*(k-1) + 1 rows, crops `padding` rows at the top and keeps H_out rows, then
# adds the bias. The rows output_padding adds are rows the crop would have dropped, as
# long as output_padding <= padding; past the end of the full output there is nothing
# to keep, and those rows hold the bias alone.
x = torch.randn(1, 1, 4, 4, device=device, dtype=dtype)
weight = torch.randn(1, 1, 3, 3, device=device, dtype=dtype)
bias = torch.tensor([0.5], device=device, dtype=dtype)
full = F.conv_transpose2d(x, weight, stride=2)  # no crop: 9 x 9
print(f"full output {tuple(full.shape[-2:])}")
last_rows = {}
for padding, output_padding in [(1, 1), (0, 1)]:
    y = F.conv_transpose2d(x, weight, bias, stride=2, padding=padding, output_padding=output_padding)
    row = padding + y.shape[-2] - 1  # the last output row's place in the full output
    last_rows[padding, output_padding] = y[0, 0, -1]
    source = f"row {row} of the full output + bias" if row < full.shape[-2] else "past the full output"
    print(f"padding={padding}, output_padding={output_padding}: output {tuple(y.shape[-2:])}; last row ({source}):")
    print("   ", [round(v, 3) for v in y[0, 0, -1].tolist()])

# %% gradient
# Push a gradient back through a strided Conv2d with autograd, then compute the same
# thing with ConvTranspose2d using the *same* weight tensor.
conv = nn.Conv2d(3, 5, kernel_size=3, stride=2, padding=1).to(device, dtype)
for size in (9, 10):
    x = torch.randn(2, 3, size, size, device=device, dtype=dtype, requires_grad=True)
    y = conv(x)
    grad_y = torch.randn_like(y)  # any upstream gradient
    (grad_x,) = torch.autograd.grad(y, x, grad_y)
    # output_padding recovers the size that the convolution's rounding lost.
    output_padding = size - transposed_size(y.shape[-1], 3, stride=2, padding=1)
    transposed = F.conv_transpose2d(grad_y, conv.weight, stride=2, padding=1, output_padding=output_padding)
    difference = (grad_x - transposed).abs().max().item()
    print(
        f"x {tuple(x.shape)} -> y {tuple(y.shape)}; output_padding={output_padding}; "
        f"max |autograd - conv_transpose2d| = {difference:.1e}"
    )
print("Conv2d weight", tuple(conv.weight.shape), "(out, in, kH, kW), used as is by conv_transpose2d: (in, out, kH, kW)")

# %% as_matrix
# A convolution is linear, so it is a matrix. Build it (the Jacobian) for a 4x4 input,
# kernel 3, stride 2, padding 1, and the matrix of ConvTranspose2d with the same weight.
weight = torch.randn(1, 1, 3, 3, device=device, dtype=dtype)
conv_matrix = torch.autograd.functional.jacobian(
    lambda v: F.conv2d(v.view(1, 1, 4, 4), weight, stride=2, padding=1).flatten(), torch.zeros(16, device=device, dtype=dtype)
)
transposed_matrix = torch.autograd.functional.jacobian(
    lambda v: F.conv_transpose2d(v.view(1, 1, 2, 2), weight, stride=2, padding=1, output_padding=1).flatten(),
    torch.zeros(4, device=device, dtype=dtype),
)
print("Conv2d matrix", tuple(conv_matrix.shape), " ConvTranspose2d matrix", tuple(transposed_matrix.shape))
print("ConvTranspose2d matrix == Conv2d matrix transposed:", torch.equal(transposed_matrix, conv_matrix.T))

limit = conv_matrix.abs().max().item()
figure, (left, right) = plt.subplots(1, 2, figsize=(8, 4.2), gridspec_kw={"width_ratios": [4, 1.6]})
left.imshow(conv_matrix.cpu().numpy(), cmap="RdBu_r", vmin=-limit, vmax=limit)
left.set_title("Conv2d as a matrix")
left.set_xlabel("input pixel")
left.set_ylabel("output pixel")
right.imshow(transposed_matrix.cpu().numpy(), cmap="RdBu_r", vmin=-limit, vmax=limit)
right.set_title("ConvTranspose2d")
right.set_xlabel("input pixel")
right.set_ylabel("output pixel")
right.set_xticks(range(4))
figure.tight_layout()
plt.show()

# %% orthogonal
# The transpose undoes a convolution when the convolution's matrix is orthogonal: kernel 2,
# stride 2 (no overlap, square matrix) and four orthonormal 2x2 kernels, the Haar wavelets.
haar = torch.tensor(
    [[[1, 1], [1, 1]], [[1, 1], [-1, -1]], [[1, -1], [1, -1]], [[1, -1], [-1, 1]]], device=device, dtype=dtype
).unsqueeze(1) / 2  # (out=4, in=1, 2, 2)
pixels = torch.randn(2, 1, 6, 8, device=device, dtype=dtype)
undone = F.conv_transpose2d(F.conv2d(pixels, haar, stride=2), haar, stride=2)
print(f"Haar Conv2d(1 -> 4, 2x2, stride 2), then ConvTranspose2d with the same weight: max |result - input| = {(undone - pixels).abs().max().item():.1e}")
# A random kernel of the same shape is not orthogonal, and neither is an odd size, which the stride drops a row of.
random_kernel = torch.randn(4, 1, 2, 2, device=device, dtype=dtype)
not_undone = F.conv_transpose2d(F.conv2d(pixels, random_kernel, stride=2), random_kernel, stride=2)
print(f"random 2x2 kernels instead: max |result - input| = {(not_undone - pixels).abs().max().item():.2f}")
odd = torch.randn(2, 1, 7, 8, device=device, dtype=dtype)
odd_back = F.conv_transpose2d(F.conv2d(odd, haar, stride=2), haar, stride=2, output_padding=(1, 0))
print(f"Haar on a 7-row input: rows 0-5 come back (max |difference| {(odd_back - odd)[..., :6, :].abs().max().item():.1e}), row 6 comes back as {odd_back[..., 6, :].abs().max().item():g}")
# PixelUnshuffle is such a convolution too (one-hot kernels), and PixelShuffle is its transpose.
one_hot_kernels = torch.eye(4, device=device, dtype=dtype).view(4, 1, 2, 2)
unshuffled = F.conv2d(pixels, one_hot_kernels, stride=2)
print("Conv2d with one-hot 2x2 kernels, stride 2 == F.pixel_unshuffle(x, 2):", torch.equal(unshuffled, F.pixel_unshuffle(pixels, 2)))
print("its ConvTranspose2d == F.pixel_shuffle:", torch.equal(F.conv_transpose2d(unshuffled, one_hot_kernels, stride=2), F.pixel_shuffle(unshuffled, 2)))

# %% stamp
# Read column by column, the transposed matrix says: each input pixel adds one copy of
# the kernel, scaled by its value, to the output, at `stride` steps apart.
one_hot = torch.zeros(1, 1, 3, 3, device=device, dtype=dtype)
one_hot[0, 0, 1, 1] = 2.0
stamped = F.conv_transpose2d(one_hot, weight, stride=2)
expected = torch.zeros_like(stamped)
expected[0, 0, 2:5, 2:5] = 2 * weight[0, 0]  # input row/col 1 starts at output row/col 1 * stride
print("input: 3x3 zeros with a 2 at (1, 1); output", tuple(stamped.shape[-2:]))
print("output equals 2 * kernel placed at rows/cols 2..4, zeros elsewhere, to float rounding:", torch.allclose(stamped, expected))

# %% gemm_fold
# The stamp picture as two library calls, as torch's CPU fallback kernel computes it
# (slow_conv_transpose2d: a GEMM, then col2im). One matrix product turns each input
# pixel into its scaled kernel copy (a column of C_out*k*k values); F.fold (col2im)
# adds every column into place, `stride` pixels apart, and crops `padding`.
def gemm_fold_transposed(x, weight, stride=1, padding=0, output_padding=0, dilation=1):
    n, c_in, h, w = x.shape
    k = weight.shape[-1]
    columns = weight.reshape(c_in, -1).T @ x.reshape(n, c_in, h * w)  # (n, C_out*k*k, h*w)
    size = [transposed_size(side, k, stride, padding, output_padding, dilation) for side in (h, w)]
    return F.fold(columns, size, k, dilation=dilation, padding=padding, stride=stride)


x = torch.randn(2, 3, 6, 5, device=device, dtype=dtype)
for case in [dict(stride=2, padding=1), dict(stride=2, padding=1, output_padding=1), dict(stride=3, padding=2, dilation=2)]:
    weight = torch.randn(3, 4, 3, 3, device=device, dtype=dtype)
    difference = (gemm_fold_transposed(x, weight, **case) - F.conv_transpose2d(x, weight, **case)).abs().max().item()
    print(f"{', '.join(f'{k}={v}' for k, v in case.items())}: max |GEMM + fold - conv_transpose2d| = {difference:.1e}")
try:  # fold counts the blocks from the output size, so output_padding >= stride cannot be expressed
    gemm_fold_transposed(x, torch.randn(3, 4, 3, 3, device=device, dtype=dtype), stride=1, output_padding=1, dilation=2)
except RuntimeError as error:
    print("output_padding=1 at stride 1 (allowed by dilation=2), F.fold says:", f"`{error}`")

# %% default_init
# PyTorch's default initialisation draws weights from U(-b, b), b = 1/sqrt(fan_in),
# with fan_in read from the weight's shape: dimension 1 times the kernel area. For
# Conv2d that is C_in*k*k (groups=1, as here). ConvTranspose2d stores (C_in, C_out, k, k),
# so its b uses C_out*k*k (pytorch/pytorch#30079).
for module in (nn.Conv2d(64, 16, 3), nn.ConvTranspose2d(64, 16, 3)):
    fan_in, _ = nn.init._calculate_fan_in_and_fan_out(module.weight)
    print(
        f"{type(module).__name__}(64 -> 16, 3x3): weight {tuple(module.weight.shape)}, fan_in {fan_in}, "
        f"bound 1/sqrt(fan_in) = {fan_in ** -0.5:.4f}, largest |weight| = {module.weight.abs().max().item():.4f}"
    )

# %% zero_insertion
# ConvTranspose2d without ConvTranspose2d: put stride-1 zeros between input pixels,
# pad by dilation*(kernel_size-1)-padding (plus output_padding at the bottom and right),
# then run a stride-1 convolution with the same dilation and the kernel rotated by 180
# degrees, its in/out channel axes swapped (groups=1).
def zero_insertion_transposed(x, weight, stride=1, padding=0, output_padding=0, dilation=1):
    n, c, h, w = x.shape
    spread = x.new_zeros(n, c, (h - 1) * stride + 1, (w - 1) * stride + 1)
    spread[..., ::stride, ::stride] = x
    edge = dilation * (weight.shape[-1] - 1) - padding  # negative: F.pad crops instead
    padded = F.pad(spread, (edge, edge + output_padding, edge, edge + output_padding))
    kernel = weight.flip(-2, -1).transpose(0, 1)  # (in, out, k, k) -> (out, in, k, k)
    return F.conv2d(padded, kernel, dilation=dilation)


cases = [
    dict(kernel_size=4, stride=2, padding=1),
    dict(kernel_size=3, stride=2, padding=1, output_padding=1),
    dict(kernel_size=5, stride=3, padding=1, output_padding=2),
    dict(kernel_size=3, stride=2, padding=3, dilation=2),
]
x = torch.randn(2, 3, 6, 6, device=device, dtype=dtype)
for case in cases:
    layer = nn.ConvTranspose2d(3, 4, bias=False, **case).to(device, dtype)
    reference = layer(x)
    rebuilt = zero_insertion_transposed(x, layer.weight, **{k: v for k, v in case.items() if k != "kernel_size"})
    print(f"{', '.join(f'{k}={v}' for k, v in case.items())}: shape {tuple(reference.shape[-2:])}, max |difference| = {(reference - rebuilt).abs().max().item():.1e}")

# %% zero_insertion_picture
# The steps on a 3x3 input with kernel 3, stride 2, padding 1.
image = torch.arange(1.0, 10.0, device=device, dtype=dtype).view(1, 1, 3, 3)
kernel = torch.rand(1, 1, 3, 3, device=device, dtype=dtype)
spread = torch.zeros(1, 1, 5, 5, device=device, dtype=dtype)
spread[..., ::2, ::2] = image
padded = F.pad(spread, (1, 1, 1, 1))
steps = {
    "input": image,
    "zeros inserted, padded": padded,
    "convolved = ConvTranspose2d": zero_insertion_transposed(image, kernel, stride=2, padding=1),
}
figure, axes = plt.subplots(1, 3, figsize=(9, 3.4))
for ax, (title, values) in zip(axes, steps.items()):
    values = values[0, 0].cpu().numpy()
    ax.imshow(values, cmap="Blues", vmin=0, vmax=1.8 * values.max())  # light enough for black text
    if values.shape[0] <= 7:
        for (row, col), value in zip(itertools.product(range(values.shape[0]), repeat=2), values.ravel()):
            ax.text(col, row, f"{value:.3g}", ha="center", va="center", fontsize=8)
    ax.set_title(title, fontsize=10)
    ax.set_xticks([])
    ax.set_yticks([])
figure.tight_layout()
plt.show()
