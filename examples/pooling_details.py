"""Pooling details people get wrong.

Five details of PyTorch's pooling layers, most of them computed on tensors small enough
to check by eye: what ``ceil_mode`` adds, what max pooling pads with, what
``count_include_pad`` divides by, how ``return_indices`` and ``MaxUnpool2d`` put values
back where they came from (also on a 256x256 crop of a photograph), and the output-size
formula, checked against torch over a grid of parameters.
"""

# %% setup
import itertools

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F
from matplotlib.cbook import get_sample_data

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% ceil_mode
# A 5x5 input and 2x2 windows with stride 2: the last row and column do not fill a window.
x = torch.arange(25.0, device=device).view(1, 1, 5, 5)
print(x[0, 0].cpu())
print("ceil_mode=False:\n", nn.MaxPool2d(2)(x)[0, 0].cpu())
print("ceil_mode=True: \n", nn.MaxPool2d(2, ceil_mode=True)(x)[0, 0].cpu())
# With padding, ceil_mode never starts a window inside the right-hand padding:
print("5 wide, kernel 2, stride 2, padding 1, ceil_mode=True ->", nn.MaxPool2d(2, 2, padding=1, ceil_mode=True)(x).shape[-1], "columns")

# %% max_padding
# Max pooling pads with -inf, so padding never wins a window that holds an input pixel;
# zero padding wins every padded window whose input pixels are all negative.
negative = -1 - torch.rand(1, 1, 4, 4, device=device)
pooled = nn.MaxPool2d(3, stride=1, padding=1)(negative)
zero_padded = nn.MaxPool2d(3, stride=1)(F.pad(negative, (1, 1, 1, 1)))
print("input max:", round(negative.max().item(), 4))
print("MaxPool2d(3, stride=1, padding=1), first row:", [round(v, 4) for v in pooled[0, 0, 0].tolist()])
print("zero-pad first, then pool, first row:       ", zero_padded[0, 0, 0].tolist())
# Padding is checked twice: against half the dilated ("effective") kernel, then against
# half the kernel itself, which ignores dilation. The second check is the one that binds.
for kernel, padding, dilation in ((3, 2, 1), (2, 2, 3)):
    try:
        nn.MaxPool2d(kernel, stride=1, padding=padding, dilation=dilation)(negative)
        print(f"kernel {kernel}, padding {padding}, dilation {dilation}: fine")
    except RuntimeError as error:
        print(f"kernel {kernel}, padding {padding}, dilation {dilation}: `{error}`")
# A dilated window steps over the input: on a 2x2 map this one reads only padding, and -inf wins.
padding_only, padding_index = nn.MaxPool2d(2, stride=1, padding=1, dilation=3, return_indices=True)(negative[..., :2, :2])
print(f"MaxPool2d(2, stride=1, padding=1, dilation=3) on a 2x2 map: {padding_only.flatten().tolist()}, index {padding_index.flatten().tolist()}")
# Integer input has no -inf: MaxPool2d on the CPU pads uint8 and the signed integer types with the dtype's smallest value
# (in eager mode it refuses uint16, uint32 and uint64; the CUDA build need not take integers).
for dtype in (torch.uint8, torch.int64):
    integer_window = nn.MaxPool2d(2, stride=1, padding=1, dilation=3)(torch.ones(1, 1, 2, 2, dtype=dtype))
    print(f"{str(dtype).removeprefix('torch.')} on the CPU, the same window: {integer_window.flatten().tolist()}")

# %% count_include_pad
# Average pooling pads with zeros. count_include_pad decides whether they count in the divisor.
ones = torch.ones(1, 1, 4, 4, device=device)
for include in (True, False):
    out = nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=include)(ones)
    print(f"count_include_pad={include}:\n{out[0, 0].cpu().numpy().round(4)}")
print("divisor_override=9, count_include_pad=False:\n", nn.AvgPool2d(3, 1, 1, count_include_pad=False, divisor_override=9)(ones)[0, 0].cpu().numpy().round(4))
# A window that ceil_mode adds past the padding is divided by the part that is left:
three = torch.ones(1, 1, 3, 3, device=device)
print("3x3 ones, AvgPool2d(2, ceil_mode=True), count_include_pad=True:\n", nn.AvgPool2d(2, ceil_mode=True, count_include_pad=True)(three)[0, 0].cpu())

# %% unpool_small
# return_indices gives, for every output, where its maximum was (a flat index into H*W).
# MaxUnpool2d writes each maximum back there and zeros everywhere else: no parameters.
sample = torch.tensor([[1.0, 5.0, 2.0, 0.0], [3.0, 4.0, 8.0, 6.0], [7.0, 0.0, 1.0, 2.0], [2.0, 9.0, 3.0, 4.0]], device=device).view(1, 1, 4, 4)
pool = nn.MaxPool2d(2, return_indices=True)
unpool = nn.MaxUnpool2d(2)
values, indices = pool(sample)
restored = unpool(values, indices)
print("values:\n", values[0, 0].cpu(), "\nindices:\n", indices[0, 0].cpu(), "\nunpooled:\n", restored[0, 0].cpu())
print("parameters:", sum(p.numel() for p in unpool.parameters()))
# Here, with 2x2 windows that tile the map, pooling the unpooled map again gives max(value, 0):
# the zeros fill win over a negative maximum (the next cell shows where that rule stops).
print("pooled again == values:", torch.equal(pool(restored)[0], values))
below_zero = -1 - torch.arange(16.0, device=device).view(1, 1, 4, 4)
below_values, below_indices = pool(below_zero)
repooled = pool(unpool(below_values, below_indices))[0]
print("values of -1 - arange(16):", below_values.flatten().tolist(), " pooled again:", repooled.flatten().tolist())

# %% unpool_full_windows
# A zero can win only in a window with a pixel that received no maximum. Windows that overlap
# can be filled by their neighbours' maxima, and a window of one pixel, which ceil_mode adds
# at the edge, holds only its own: then the negative maximum comes back.
def pool_twice(x, kernel, stride, ceil_mode=False):
    values, indices = F.max_pool2d(x, kernel, stride, ceil_mode=ceil_mode, return_indices=True)
    refilled = F.max_unpool2d(values, indices, kernel, stride, output_size=x.shape[-2:])
    return values, F.max_pool2d(refilled, kernel, stride, ceil_mode=ceil_mode)


rows, cols = torch.meshgrid(torch.arange(7.0, device=device), torch.arange(7.0, device=device), indexing="ij")
cone = (-1 - ((rows - 3) ** 2 + (cols - 3) ** 2).sqrt()).view(1, 1, 7, 7)  # negative, highest in the centre
full_windows = {
    "MaxPool2d(3, stride=2), 7x7 cone -1 - distance to the centre": pool_twice(cone, 3, 2),
    "MaxPool2d(2, ceil_mode=True), 5x5 -1 - arange(25)": pool_twice(-1 - torch.arange(25.0, device=device).view(1, 1, 5, 5), 2, 2, ceil_mode=True),
}
for name, (once, twice) in full_windows.items():
    print(f"{name}\n values:\n{once[0, 0].cpu()}\n pooled again:\n{twice[0, 0].cpu()}")

# %% unpool_odd
# An odd size is ambiguous on the way back: 5 -> 2 could have come from 4 or 5. Without
# output_size, MaxUnpool2d assumes 4 and reads 5-wide indices as 4-wide ones.
# This cell runs on the CPU: on CUDA an index outside the plane trips a device-side assert, whose
# error surfaces only at a later synchronising call and leaves the CUDA context unusable.
ramp = torch.arange(25.0).view(1, 1, 5, 5)
for name, source in {"increasing 5x5": ramp, "decreasing 5x5": 24 - ramp}.items():
    values, indices = pool(source)
    right = unpool(values, indices, output_size=source.shape[-2:])
    print(f"{name}: indices {indices.flatten().tolist()}, outside a 4x4 plane: {indices[indices >= 16].tolist()}")
    print(" with output_size=(5, 5):\n", right[0, 0])
    try:
        print(" without output_size:\n", unpool(values, indices)[0, 0])
    except RuntimeError as error:
        print(" without output_size:", f"`{error}`")

# %% unpool_picture
# On a photograph: pool by 4, then bring it back to full size two ways. MaxUnpool2d puts
# each maximum where it came from; nearest upsampling spreads it over the whole block.
with get_sample_data("grace_hopper.jpg") as file:
    photo = torch.from_numpy(plt.imread(file).copy()).float().mean(dim=2).div(255)
image = photo[64:320, 128:384].contiguous().view(1, 1, 256, 256).to(device)
values, indices = nn.MaxPool2d(4, return_indices=True)(image)
panels = {
    "input": image,
    "MaxPool2d(4)": values,
    "MaxUnpool2d(4)": nn.MaxUnpool2d(4)(values, indices),
    "Upsample(nearest)": nn.Upsample(scale_factor=4)(values),
}
figure, axes = plt.subplots(1, 4, figsize=(12, 3.4))
for ax, (name, panel) in zip(axes, panels.items()):
    ax.imshow(panel[0, 0, :128, :128].cpu().numpy() if panel.shape[-1] == 256 else panel[0, 0, :32, :32].cpu().numpy(), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    ax.set_title(name, fontsize=9)
    ax.axis("off")
figure.suptitle("Max pooling by 4 and two ways back (top-left quarter)", fontsize=11)
figure.tight_layout()
print("nonzero pixels after MaxUnpool2d:", int((panels["MaxUnpool2d(4)"] != 0).sum()), "of", image.numel())
plt.show()

# %% output_size
# The output-size rule of MaxPool2d and AvgPool2d, written out. AvgPool2d has no dilation (it is 1).
def pool_output_size(size, kernel, stride=None, padding=0, dilation=1, ceil_mode=False):
    stride = stride or kernel
    if padding > kernel // 2:
        raise ValueError("padding must be at most half the kernel size")
    span = size + 2 * padding - dilation * (kernel - 1) - 1  # room left after the first window
    out = (-(-span // stride) if ceil_mode else span // stride) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1  # the last window would start past the last input pixel (in the padding or beyond it): dropped
    if out < 1:
        raise ValueError("the window does not fit: output would be empty")
    return out


cases = [
    {"size": 5, "kernel": 2},
    {"size": 5, "kernel": 2, "ceil_mode": True},
    {"size": 5, "kernel": 2, "padding": 1, "ceil_mode": True},
    {"size": 7, "kernel": 3, "stride": 2, "padding": 1},
    {"size": 7, "kernel": 3, "stride": 2, "padding": 1, "dilation": 2},
    {"size": 8, "kernel": 3, "stride": 2, "ceil_mode": True},
]
print("| size | kernel | stride | padding | dilation | ceil_mode | formula | MaxPool2d |")
print("|---:|---:|---:|---:|---:|---|---:|---:|")
for case in cases:
    c = {"stride": None, "padding": 0, "dilation": 1, "ceil_mode": False, **case}
    layer = nn.MaxPool2d(c["kernel"], c["stride"], c["padding"], c["dilation"], ceil_mode=c["ceil_mode"])
    actual = layer(torch.zeros(1, 1, c["size"], c["size"], device=device)).shape[-1]
    print(f"| {c['size']} | {c['kernel']} | {c['stride'] or c['kernel']} | {c['padding']} | {c['dilation']} | {c['ceil_mode']} | {pool_output_size(**c)} | {actual} |")

# %% output_size_grid
# The same rule against torch, for every combination in a grid, both pooling layers.
grid = itertools.product(range(1, 9), range(1, 5), range(1, 4), range(0, 3), range(1, 4), (False, True))
checked = mismatches = 0
for size, kernel, stride, padding, dilation, ceil_mode in grid:
    layers = {"max": nn.MaxPool2d(kernel, stride, padding, dilation, ceil_mode=ceil_mode)}
    if dilation == 1:
        layers["avg"] = nn.AvgPool2d(kernel, stride, padding, ceil_mode=ceil_mode)
    for layer in layers.values():
        try:
            expected = pool_output_size(size, kernel, stride, padding, dilation, ceil_mode)
        except ValueError:
            expected = None
        try:
            actual = layer(torch.zeros(1, 1, size, size, device=device)).shape[-1]
        except RuntimeError:
            actual = None
        checked += 1
        mismatches += expected != actual
print(f"{checked} (layer, size, kernel, stride, padding, dilation, ceil_mode) combinations, {mismatches} mismatches")
