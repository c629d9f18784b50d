"""Output size pitfalls.

With a positive ``scale_factor`` of Python floats, ``F.interpolate`` computes the output size as
floor(in x scale) in floating point, which can land one pixel short. And the scale factor is
used twice: once for the size, and once for the sampling coordinates (except with ``area``,
``align_corners=True`` or ``recompute_scale_factor=True``, and where a kernel copies or doubles
instead), so ``size=`` and ``scale_factor=`` can give different pictures of the same size.
This script computes the cases reported to PyTorch, shows what ``recompute_scale_factor``
changes, and what ``area`` does with a scale factor.
"""

# %% setup
import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")


def out_size(n_in, scale, mode="nearest"):
    """The output width torch gives an image n_in pixels wide for this scale_factor (one row
    is enough: every axis follows the same rule)."""
    row = torch.zeros(1, 1, 1, n_in, device=device)
    return F.interpolate(row, scale_factor=(1.0, scale), mode=mode).shape[-1]


# %% floor_rule
# The cases of pytorch/pytorch#62396 (other libraries round, torch floors) and #96236
# (the product itself falls short in floating point).
cases = [(32, 0.1234), (32, 0.9999), (32, 1.8), (88, 120 / 88), (75, 120 / 75)]
print("| in | scale_factor | in × scale (float64) | torch output | round(in × scale) |")
print("|---:|---|---|---:|---:|")
for n_in, scale in cases:
    print(f"| {n_in} | {scale!r} | {n_in * scale!r} | {out_size(n_in, scale)} | {round(n_in * scale)} |")

# %% how_often
# #96236's experiment: ask for 120 pixels from every input size 60..240 with scale = 120/in.
target = 120
short = [n for n in range(target // 2, 2 * target + 1) if out_size(n, target / n) != target]
print(f"inputs tried: {2 * target + 1 - target // 2}, outputs one pixel short: {len(short)}")
print("short for in =", short)
print("output sizes of those inputs:", sorted({out_size(n, target / n) for n in short}))
# For Python float factors in eager mode, the same computation in every mode (area computes it in Python, the
# others in C++).
modes = ("nearest", "bilinear", "bicubic", "area")
print("same sizes in every mode:", all(len({out_size(n, target / n, m) for m in modes}) == 1 for n in range(target // 2, 2 * target + 1)))

# %% fix
# Two fixes: pass size, or round the size yourself before calling.
x = torch.zeros(1, 3, 88, 88, device=device)
print("scale_factor=120/88        ->", tuple(F.interpolate(x, scale_factor=120 / 88).shape[2:]))
print("size=120                   ->", tuple(F.interpolate(x, size=120).shape[2:]))
print("size=round(88 * (120/88))  ->", tuple(F.interpolate(x, size=round(88 * (120 / 88))).shape[2:]))

# %% too_small
# A scale that floors to zero pixels on this 4-D float image: nearest and bilinear refuse, area returns an empty tensor.
tiny = torch.rand(1, 1, 3, 3, device=device)
for mode in ("nearest", "bilinear", "area"):
    try:
        print(f"{mode:8s} scale 0.2 -> {tuple(F.interpolate(tiny, scale_factor=0.2, mode=mode).shape)}")
    except RuntimeError as error:
        print(f"{mode:8s} scale 0.2 -> `RuntimeError: {error}`")

# %% size_vs_scale
# Same output size, two coordinate grids. A ramp 0..4 enlarged to 7 pixels by "linear"
# returns the input position each output pixel sampled.
ramp = torch.arange(5.0, dtype=torch.float64, device=device).view(1, 1, -1)
calls = {
    "size=7": dict(size=7),
    "scale_factor=1.5": dict(scale_factor=1.5),
    "scale_factor=1.5, recompute_scale_factor=True": dict(scale_factor=1.5, recompute_scale_factor=True),
}
positions = {name: F.interpolate(ramp, mode="linear", **kwargs)[0, 0].cpu().numpy() for name, kwargs in calls.items()}
print("| call | output size | " + " | ".join(f"d={d}" for d in range(7)) + " |")
print("|---|---:|" + "---:|" * 7)
for name, p in positions.items():
    print(f"| `{name}` | {len(p)} | " + " | ".join(f"{v:.4f}" for v in p) + " |")

# %% coverage
# What the grid means on this row: with the given scale the output is the input stretched by exactly
# that scale from its top-left edge and cut at floor(in × scale) pixels, so it shows only
# out/scale input pixels; recomputing the scale stretches by out/in and shows them all.
scale = 1.5
n_in, n_out = ramp.shape[-1], F.interpolate(ramp, scale_factor=scale).shape[-1]
for name, step in ((f"scale_factor={scale}", 1 / scale), ("recompute_scale_factor=True", n_in / n_out)):
    print(f"{name:28s} step {step:.4f} input pixels per output pixel, covers {n_out * step:.4f} of {n_in} input pixels")
difference = F.interpolate(ramp, scale_factor=scale, mode="linear") - F.interpolate(ramp, size=n_out, mode="linear")
print("max |difference| between the two outputs:", float(difference.abs().max()))

# %% copy_cases
# Which kernels copy an axis that keeps its size instead of stepping by 1/scale_factor. Each
# axis of n pixels gets the scale 1 + 0.6/n (n pixels again). First every axis keeps its size
# (is the output the input, bit for bit?), then only the last one, the others doubled: is the
# output bit for bit the call given `size`, whose grid on the kept axis is the identity? (The
# input itself is no reference there: resampling the doubled axes rounds.)
LAYOUTS = {4: torch.channels_last, 5: torch.channels_last_3d}


def copies_input(mode, rank, n, channels, layout, only_last):
    x = torch.randn((1, channels) + (n,) * (rank - 2), generator=torch.Generator().manual_seed(n), dtype=torch.float64)
    x = x.contiguous(memory_format=LAYOUTS[rank] if layout == "channels_last" else torch.contiguous_format).to(device)
    keep = 1 + 0.6 / n
    name, _, antialias = mode.partition(", ")
    kwargs = dict(mode=name, antialias=bool(antialias))
    if not only_last:
        return torch.equal(F.interpolate(x, scale_factor=keep, **kwargs), x)
    y = F.interpolate(x, scale_factor=(2.0,) * (rank - 3) + (keep,), **kwargs)
    return torch.equal(y, F.interpolate(x, size=y.shape[2:], **kwargs))


copy_cases = [("nearest", 3, 30, 2, "contiguous"), ("nearest", 4, 30, 2, "contiguous"), ("nearest", 4, 100, 2, "contiguous"),
              ("nearest", 4, 100, 4, "channels_last"), ("nearest", 5, 20, 2, "contiguous"), ("nearest", 5, 20, 4, "channels_last"),
              ("nearest-exact", 3, 30, 2, "contiguous"), ("nearest-exact", 4, 30, 2, "contiguous"), ("nearest-exact", 5, 20, 2, "contiguous"),
              ("linear", 3, 100, 2, "contiguous"), ("bilinear", 4, 100, 2, "contiguous"), ("bicubic", 4, 30, 2, "contiguous"),
              ("trilinear", 5, 20, 2, "contiguous"), ("bilinear, antialias", 4, 30, 2, "contiguous"),
              ("bicubic, antialias", 4, 30, 2, "contiguous")]
copies = {}
print("| mode | input | layout | every axis kept: output is the input | only the last axis kept: that axis copied |")
print("|---|---|---|---|---|")
for case in copy_cases:
    mode, rank, n, channels, layout = case
    copies[case] = (copies_input(*case, only_last=False), None if rank == 3 else copies_input(*case, only_last=True))
    shape = "×".join([str(n)] * (rank - 2))
    last = "(one axis only)" if copies[case][1] is None else copies[case][1]
    name, _, antialias = mode.partition(", ")
    print(f"| `{name}`{', antialias' if antialias else ''} | {rank}-D, {channels} channels, {shape} | {layout} | {copies[case][0]} | {last} |")

# %% recompute_nearest
# The case of pytorch/pytorch#62237: a scale a hair above 1 keeps 2 pixels per axis, but on these contiguous
# single-channel tensors the kernel steps by 1/1.00001, unless the scale is recomputed or the 4-D kernel's copy
# case applies (the CPU copies in 5-D too for channels_last_3d with more than 3 channels and for quantized input).
for shape in ((2,), (2, 2), (2, 2, 2)):
    block = torch.arange(1.0, 2 ** len(shape) + 1, device=device).view(1, 1, *shape)
    for recompute in (None, True):
        out = F.interpolate(block, scale_factor=1.00001, recompute_scale_factor=recompute)
        print(f"{block.dim()}-D {'x'.join(map(str, shape)):5s} recompute_scale_factor={recompute!s:5}: {out.flatten().tolist()}")
# On input that is not quantized, the 4-D CPU kernel copies only for small outputs (out H + out W <= 128)
# or channels_last with more than 3 channels: a 65x65 ramp image, contiguous, 1 channel.
wide = torch.arange(65.0, device=device).expand(1, 1, 65, 65).contiguous()
shifted = F.interpolate(wide, scale_factor=1.00001)
print(f"4-D 65x65 recompute_scale_factor=None : unchanged {torch.equal(shifted, wide)}, first row starts {shifted[0, 0, 0, :5].tolist()}")

# %% recompute_align_corners
# With align_corners=True the grid is (in-1)/(out-1) whatever scale was passed, so in eager
# mode recompute_scale_factor changes nothing there.
for align in (False, True):
    a = F.interpolate(ramp, scale_factor=1.5, mode="linear", align_corners=align)
    b = F.interpolate(ramp, scale_factor=1.5, mode="linear", align_corners=align, recompute_scale_factor=True)
    print(f"align_corners={align!s:5}: recompute changes the output: {not torch.equal(a, b)}")

# %% traced_size
# Under torch.jit.trace, when the size is computed in Python (area, or recompute_scale_factor=True),
# functional.py multiplies in float32 instead of float64: ask for 120 pixels with scale 120/in.
import warnings


def shrink_or_grow(t, scale, **kwargs):
    return F.interpolate(t, scale_factor=(1.0, scale), **kwargs)


traced_sizes = {}
for kwargs in (dict(mode="area"), dict(mode="nearest", recompute_scale_factor=True), dict(mode="nearest")):
    for n in (69, 88):
        row = torch.zeros(1, 1, 1, n, device=device)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the tracer warns about converting sizes to Python numbers
            traced = torch.jit.trace(lambda t: shrink_or_grow(t, target / n, **kwargs), row)
        traced_sizes[str(kwargs), n] = shrink_or_grow(row, target / n, **kwargs).shape[-1], traced(row).shape[-1]
        print(f"{', '.join(f'{k}={v!r}' for k, v in kwargs.items()):48s} in={n}: eager {traced_sizes[str(kwargs), n][0]}, traced {traced_sizes[str(kwargs), n][1]}")

# %% align_corners_size
# align_corners=True does not change the size rule: 5 pixels x2 gives floor(5 * 2) = 10, not
# (5 - 1) * 2 + 1 = 9, so the step is (5 - 1)/(10 - 1), not 1/2 (pytorch/pytorch#76487).
for kwargs in (dict(scale_factor=2.0), dict(size=9)):
    grid = F.interpolate(ramp, mode="linear", align_corners=True, **kwargs)[0, 0]
    print(f"{', '.join(f'{k}={v!r}' for k, v in kwargs.items()):18s} {len(grid)} px, step {(grid[1] - grid[0]).item():.4f}: {[round(v, 4) for v in grid.tolist()]}")

# %% non_integer_nearest
# Non-integer scales with nearest on this 8-pixel 3-D row: input pixels are copied an uneven number
# of times, except at 2.000000001, so close to 2 that single precision rounds its step to 1/2.
row = torch.arange(8.0, device=device).view(1, 1, -1)
nearest_copies = {}
for factor in (1.5, 2.5, 1.3, 0.75, 2.000000001):
    picks = F.interpolate(row, scale_factor=factor, mode="nearest")[0, 0].long().cpu()
    nearest_copies[factor] = torch.bincount(picks, minlength=8).tolist()
    print(f"x{factor}: output {len(picks)} px, copies of each input pixel {nearest_copies[factor]}")

# %% averaging_tail
# The averaging modes shrinking the same 8 pixels: which input pixels get no weight at all. One
# identity row per input pixel, so row i of the result is what input pixel i contributes.
eye8 = torch.eye(8, dtype=torch.float64, device=device).view(8, 1, 1, 8)
averaging = {"area": dict(mode="area"), "bilinear, antialias": dict(mode="bilinear", antialias=True),
             "bicubic, antialias": dict(mode="bicubic", antialias=True)}
unused = {}
for name, kwargs in averaging.items():
    for call, resize in (("scale_factor=0.37", dict(scale_factor=(1.0, 0.37))), ("size=2", dict(size=(1, 2))),
                         ("scale_factor=0.2", dict(scale_factor=(1.0, 0.2)))):
        weights = F.interpolate(eye8, **resize, **kwargs)[:, 0, 0, :]
        unused[name, call] = (weights.abs().sum(1) == 0).nonzero().flatten().tolist()
        print(f"{call}, {name}: {weights.shape[1]} px, input pixels without weight {unused[name, call]}")
# A CPU bug: antialiasing to an output one pixel wide while the height changes can give pixels no
# weight, here the last row of a float 4×4 shrunk to 2×1 (a channels_last copy of more than one channel
# escapes it). One identity image per input pixel of the 4×4.
eye16 = torch.eye(16).view(16, 1, 4, 4)  # float32, on the CPU on purpose
one_wide = F.interpolate(eye16, size=(2, 1), mode="bilinear", antialias=True)
one_wide_unused = (one_wide.abs().flatten(1).sum(1) == 0).nonzero().flatten().tolist()
print(f"CPU, float32 4×4 -> 2×1, bilinear, antialias: input pixels without weight {one_wide_unused}")

# %% area_scale
# area always turns scale_factor into a size (torch sets recompute_scale_factor=True for it)
# and then averages whole-pixel windows: adaptive average pooling, not strided pooling.
def area_windows(n_in, **kwargs):
    eye = torch.eye(n_in, dtype=torch.float64, device=device).view(1, 1, n_in, n_in)  # one pixel per row
    if "scale_factor" in kwargs:
        kwargs["scale_factor"] = (1.0, kwargs["scale_factor"])
    matrix = F.interpolate(eye, mode="area", **kwargs)[0, 0].T.cpu().numpy()
    return [f"[{np.flatnonzero(w)[0]}..{np.flatnonzero(w)[-1]}]" for w in matrix]


print("7 pixels, scale 0.5 ->", area_windows(7, scale_factor=0.5))
print("  avg_pool1d(2)      ->", [f"[{2 * i}..{2 * i + 1}]" for i in range(F.avg_pool1d(torch.zeros(1, 1, 7), 2).shape[-1])])
print("8 pixels, scale 0.75 ->", area_windows(8, scale_factor=0.75))
print("5 pixels, scale 1.5 ->", area_windows(5, scale_factor=1.5))
x = torch.rand(1, 1, 7, device=device)
print("area ignores recompute_scale_factor=False:",
      torch.equal(F.interpolate(x, scale_factor=0.5, mode="area"), F.interpolate(x, scale_factor=0.5, mode="area", recompute_scale_factor=False)))
