"""Equivalent calls.

Several spellings compute the same thing as ``F.interpolate``, within limits the page
states: the ``nn.Upsample`` module (given ``size`` or a ``scale_factor`` of Python floats other
than 0), the old ``nn.UpsamplingNearest2d`` / ``nn.UpsamplingBilinear2d`` modules and
``F.upsample*`` functions, adaptive average pooling (for ``area``) and ``repeat_interleave``
(for ``nearest`` with most whole factors, not all: x41 is one that misses). This script checks
each claimed equivalence on several shapes and scales and prints any deprecation warnings
the installed torch emits.
"""

# %% setup
import inspect
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")


def rand(*shape):
    return torch.rand(*shape, device=device)


checks = {}  # name -> list of (case, identical, max abs difference)


def record(name, case, a, b):
    same_shape = a.shape == b.shape
    identical = same_shape and torch.equal(a, b)
    diff = float((a - b).abs().max()) if same_shape else float("inf")
    checks.setdefault(name, []).append((case, identical, diff))
    return identical


def show(*names):
    for name in names:
        print(f"`{name}`")  # the name is code, as in the summary table
        for case, identical, diff in checks[name]:
            print(f"    {case}: {'identical' if identical else f'differs by up to {diff:.1e}'}")


# %% upsample_module
# nn.Upsample stores its arguments and calls F.interpolate with them in forward().
cases = [
    ((2, 3, 5), dict(scale_factor=2, mode="nearest")),
    ((2, 3, 5), dict(size=8, mode="linear", align_corners=True)),
    ((1, 2, 5, 7), dict(scale_factor=1.5, mode="bilinear")),
    ((1, 2, 5, 7), dict(size=(9, 4), mode="bicubic", align_corners=False)),
    ((1, 2, 5, 7), dict(scale_factor=(2, 0.5), mode="nearest-exact")),
    ((1, 2, 6, 6), dict(scale_factor=0.5, mode="area")),
    ((1, 1, 3, 4, 5), dict(scale_factor=2, mode="trilinear")),
    ((1, 2, 5, 7), dict(scale_factor=1.7, mode="bilinear", recompute_scale_factor=True)),
]
for shape, kwargs in cases:
    x = rand(*shape)
    case = f"{shape} " + ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    record("nn.Upsample(**kw)(x) == F.interpolate(x, **kw)", case, nn.Upsample(**kwargs)(x), F.interpolate(x, **kwargs))
show("nn.Upsample(**kw)(x) == F.interpolate(x, **kw)")
print(nn.Upsample(scale_factor=1.5, mode="bilinear"))
print("nn.Upsample arguments:", f"`{list(inspect.signature(nn.Upsample).parameters)}`")
# lanczos needs antialias=True, which the module cannot pass.
try:
    nn.Upsample(scale_factor=0.5, mode="lanczos")(rand(1, 1, 8, 8))
except (ValueError, RuntimeError, NotImplementedError) as error:
    print(f"nn.Upsample(mode='lanczos'): `{type(error).__name__}: {error}`")
# The module converts scale_factor when it is built, so a list, which F.interpolate accepts, fails there.
print("F.interpolate(x, scale_factor=[2, 3]) ->", tuple(F.interpolate(rand(1, 1, 4, 4), scale_factor=[2, 3]).shape))
try:
    nn.Upsample(scale_factor=[2, 3])
except TypeError as error:
    print(f"nn.Upsample(scale_factor=[2, 3]): `TypeError: {error}`")

# %% deprecated
# The old modules and functions, not 2-D only: F.upsample and F.upsample_nearest take every rank their mode takes, and
# so does UpsamplingNearest2d (below). Any warning they raise is caught and shown as is.
x = rand(1, 3, 5, 7)
calls = {
    "nn.UpsamplingNearest2d(scale_factor=2)": (lambda: nn.UpsamplingNearest2d(scale_factor=2)(x), lambda: F.interpolate(x, scale_factor=2, mode="nearest")),
    "nn.UpsamplingBilinear2d(scale_factor=2)": (lambda: nn.UpsamplingBilinear2d(scale_factor=2)(x), lambda: F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=True)),
    "nn.UpsamplingBilinear2d(size=(9, 4))": (lambda: nn.UpsamplingBilinear2d(size=(9, 4))(x), lambda: F.interpolate(x, size=(9, 4), mode="bilinear", align_corners=True)),
    "F.upsample(x, scale_factor=2)": (lambda: F.upsample(x, scale_factor=2), lambda: F.interpolate(x, scale_factor=2)),
    "F.upsample_nearest(x, scale_factor=2)": (lambda: F.upsample_nearest(x, scale_factor=2), lambda: F.interpolate(x, scale_factor=2, mode="nearest")),
    "F.upsample_bilinear(x, scale_factor=2)": (lambda: F.upsample_bilinear(x, scale_factor=2), lambda: F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=True)),
}
caught = {}
for name, (old, new) in calls.items():
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter("always")
        result = old()
    caught[name] = [f"{w.category.__name__}: {w.message}" for w in log]
    quoted = ", ".join(f"`{warning.replace('`', '')}`" for warning in caught[name])  # torch's words, as code
    record("deprecated spelling == F.interpolate", name, result, new())
    print(f"{name}\n    same as F.interpolate: {torch.equal(result, new())}; warnings: {quoted or 'none'}")
# UpsamplingBilinear2d is align_corners=True, not the default False:
print("UpsamplingBilinear2d == bilinear with align_corners=False:",
      torch.equal(nn.UpsamplingBilinear2d(scale_factor=2)(x), F.interpolate(x, scale_factor=2, mode="bilinear")))
for cls in (nn.UpsamplingNearest2d, nn.UpsamplingBilinear2d):
    print(f"{cls.__name__} docstring says deprecated: {'deprecated' in cls.__doc__}")
# "2d" is a name, not a check: the nearest module takes any rank that nearest takes.
for shape in ((1, 2, 5), (1, 2, 3, 4, 5)):
    for cls in (nn.UpsamplingNearest2d, nn.UpsamplingBilinear2d):
        try:
            print(f"{cls.__name__} on {len(shape)}-D input -> {tuple(cls(scale_factor=2)(rand(*shape)).shape)}")
        except NotImplementedError as error:
            print(f"{cls.__name__} on {len(shape)}-D input -> `NotImplementedError: {error}`")

# %% area_adaptive
# mode="area" is adaptive average pooling to the output size, in 1, 2 and 3 spatial dimensions.
pools = {3: F.adaptive_avg_pool1d, 4: F.adaptive_avg_pool2d, 5: F.adaptive_avg_pool3d}
for shape, size in [((2, 3, 10), (4,)), ((2, 3, 10), (15,)), ((1, 2, 9, 7), (4, 3)), ((1, 2, 8, 8), (3, 5)), ((1, 1, 6, 5, 7), (2, 3, 4))]:
    x = rand(*shape)
    record("F.interpolate(x, size, mode='area') == adaptive_avg_pool", f"{shape} -> {size}",
           F.interpolate(x, size=size, mode="area"), pools[len(shape)](x, size))
# On these shapes k divides the size and scale_factor=1/k gives in/k pixels: the windows are the blocks of avg_pool.
for shape, k in [((1, 2, 8, 12), 2), ((1, 2, 9, 6), 3), ((2, 1, 8, 8), 4)]:
    x = rand(*shape)
    record("area, shrink by k (k divides the size) == avg_pool2d(k)", f"{shape} / {k}",
           F.interpolate(x, scale_factor=1 / k, mode="area"), F.avg_pool2d(x, k))

show("F.interpolate(x, size, mode='area') == adaptive_avg_pool", "area, shrink by k (k divides the size) == avg_pool2d(k)")

# %% nearest_repeat
# nearest, enlarged by a whole factor k: on these shapes and factors every pixel becomes a k x k block.
def repeat(x, factors):
    for axis, k in enumerate(factors, start=2):
        x = x.repeat_interleave(k, dim=axis)
    return x


for shape, factors in [((2, 3, 5), (3,)), ((1, 2, 4, 6), (2, 2)), ((1, 2, 4, 6), (2, 3)), ((1, 2, 5, 3), (4, 4)), ((1, 1, 2, 3, 4), (2, 3, 2))]:
    x = rand(*shape)
    record("nearest x k == repeat_interleave(k) per axis", f"{shape} x {factors}",
           F.interpolate(x, scale_factor=factors, mode="nearest"), repeat(x, factors))
    record("nearest-exact x k == repeat_interleave(k) per axis", f"{shape} x {factors}",
           F.interpolate(x, scale_factor=factors, mode="nearest-exact"), repeat(x, factors))
show("nearest x k == repeat_interleave(k) per axis", "nearest-exact x k == repeat_interleave(k) per axis")
# Not for every factor: single-precision rounding (see Coordinates and align_corners). A 2x2
# image enlarged by every whole factor 2..100, given as scale_factor and as size:
x = rand(1, 1, 2, 2)
failing = {(mode, by): [] for mode in ("nearest", "nearest-exact") for by in ("scale_factor", "size")}
for k in range(2, 101):
    blocks = repeat(x, (k, k))
    for mode, by in failing:
        kwargs = {"scale_factor": k} if by == "scale_factor" else {"size": (2 * k, 2 * k)}
        if not torch.equal(F.interpolate(x, mode=mode, **kwargs), blocks):
            failing[mode, by].append(k)
for (mode, by), factors in failing.items():
    print(f"{mode:13s} by {'`' + by + '`':14s}: {len(factors)} failing factors {factors}")
wrong41 = F.interpolate(x, scale_factor=41) != repeat(x, (41, 41))
wrong_rows = wrong41[0, 0].all(dim=1).nonzero().flatten().tolist()
wrong_cols = wrong41[0, 0].all(dim=0).nonzero().flatten().tolist()
print(f"x41: {int(wrong41.sum())} of {wrong41.numel()} pixels differ: all of row {wrong_rows} and of column {wrong_cols}")
# A larger image keeps those rows and columns and can add more: an 8x8 image x41.
x8 = rand(1, 1, 8, 8)
wrong41_8 = F.interpolate(x8, scale_factor=41) != repeat(x8, (41, 41))
rows_8 = wrong41_8[0, 0].all(dim=1).nonzero().flatten().tolist()
cols_8 = wrong41_8[0, 0].all(dim=0).nonzero().flatten().tolist()
print(f"x41 on 8x8: {int(wrong41_8.sum())} of {wrong41_8.numel()} pixels differ: all of rows {rows_8} and of columns {cols_8}")
# nearest-exact's source index is single precision too: on a long axis it slips as well.
signal = torch.arange(100_000.0, device=device).view(1, 1, -1)
slipped = int((F.interpolate(signal, scale_factor=100, mode="nearest-exact") != signal.repeat_interleave(100, dim=-1)).sum())
print(f"nearest-exact x100 on {signal.shape[-1]} samples: {slipped} samples in the wrong block")

# %% shrink_slicing
# Shrinking these small float images by a whole factor k: nearest keeps the first pixel of each block,
# nearest-exact pixel k // 2 of each block, bilinear (k = 2, align_corners=False) the mean of each 2 x 2 block.
for shape, k in [((1, 2, 8, 12), 2), ((1, 2, 9, 6), 3), ((2, 1, 8, 8), 4)]:
    x = rand(*shape)
    record("nearest / k == x[..., ::k, ::k]", f"{shape} / {k}", F.interpolate(x, scale_factor=1 / k, mode="nearest"), x[..., ::k, ::k])
    record("nearest-exact / k == x[..., k//2::k, k//2::k]", f"{shape} / {k}",
           F.interpolate(x, scale_factor=1 / k, mode="nearest-exact"), x[..., k // 2 :: k, k // 2 :: k])
for shape in [(1, 2, 8, 12), (2, 3, 6, 10), (4, 8, 32, 32), (1, 2, 7, 9)]:  # odd sizes too
    x = rand(*shape) * 2 - 1  # negative values too
    record("bilinear / 2 == avg_pool2d(2)", f"{shape}", F.interpolate(x, scale_factor=0.5, mode="bilinear"), F.avg_pool2d(x, 2))
# An odd factor puts each output centre on an input pixel: on these float images bilinear is slicing there.
for shape, k in [((1, 2, 9, 12), 3), ((2, 1, 10, 15), 5), ((1, 1, 14, 21), 7)]:
    x = rand(*shape)
    record("bilinear / k, k odd == x[..., k//2::k, k//2::k]", f"{shape} / {k}",
           F.interpolate(x, scale_factor=1 / k, mode="bilinear"), x[..., k // 2 :: k, k // 2 :: k])

show("nearest / k == x[..., ::k, ::k]", "nearest-exact / k == x[..., k//2::k, k//2::k]", "bilinear / 2 == avg_pool2d(2)",
     "bilinear / k, k odd == x[..., k//2::k, k//2::k]")
# Slicing only for finite values: the neighbour still enters with weight 0, and 0 * inf is nan.
spiked = torch.zeros(1, 1, 3, 9, device=device)
spiked[..., 1, 5] = float("inf")  # beside the middle sample, column 4
spiked_bilinear = F.interpolate(spiked, scale_factor=1 / 3, mode="bilinear")
print(f"bilinear / 3, an inf beside the middle sample: {spiked_bilinear[0, 0, 0].tolist()}; slicing: {spiked[0, 0, 1, 1::3].tolist()}")
# avg_pool2d adds the four pixels before dividing, bilinear weighs each pixel before adding: a sum past the
# largest value of the dtype the pool adds in (float32's 3.4e38 here, and for float16 and bfloat16 input too;
# float64 has room for it) overflows in the pool only.
big = torch.full((1, 1, 2, 2), 1e38, device=device)
big_bilinear = F.interpolate(big, scale_factor=0.5, mode="bilinear").item()
big_pool = F.avg_pool2d(big, 2).item()
print(f"four float32 pixels of 1e38, / 2: bilinear {big_bilinear:.1e}, avg_pool2d(2) {big_pool:.1e}")
# scale_factor=1/k sets the size to floor(in * (1/k)) in floating point: for some k that lands
# one pixel short of in/k, and the result is not the slice. Every k up to 100, in = k * n, n = 1..8:
short_by_scale = {}
for k in range(2, 101):
    for n in range(1, 9):
        row = torch.zeros(1, 1, 1, k * n, device=device)
        try:
            width = F.interpolate(row, scale_factor=(1.0, 1 / k), mode="nearest").shape[-1]
        except RuntimeError:  # a size of 0 is an error in this mode
            width = 0
        if width != n:
            short_by_scale.setdefault(k, []).append((n, width))
for k, cases in short_by_scale.items():
    print(f"scale_factor=1/{k}: {len(cases)} of 8 sizes short, in -> out: " + ", ".join(f"{k * n} -> {w} (≠ {n})" for n, w in cases))
# In float64 the step 1/(1/k) need not be k even where the size comes out right.
x64 = torch.randn(1, 1, 245, 245, dtype=torch.float64, device=device)
off_slice = (F.interpolate(x64, scale_factor=1 / 49, mode="bilinear") - x64[..., 24::49, 24::49]).abs().max().item()
print(f"float64, bilinear, scale_factor=1/49, 245 -> 5: off the slice by up to {off_slice:.1e}")

# %% grid_sample
# On float32 input (as here) grid_sample on an identity affine_grid aims at the positions of interpolate given size
# with align_corners=False; with padding_mode="border" it also clamps like interpolate. Here bilinear and bicubic
# agree up to rounding; nearest rounds its position to the nearest pixel, not interpolate's left-edge rule.
x = rand(2, 3, 12, 10)
identity = torch.eye(2, 3, device=device).expand(2, 2, 3)
for mode, size in (("bilinear", (25, 17)), ("bicubic", (25, 17)), ("bilinear", (5, 4)), ("bicubic", (5, 4)), ("nearest", (25, 17))):
    grid = F.affine_grid(identity, (2, 3, *size), align_corners=False)
    sampled = F.grid_sample(x, grid, mode=mode, padding_mode="border", align_corners=False)
    resized = F.interpolate(x, size=size, mode=mode, **({} if mode == "nearest" else {"align_corners": False}))
    record(f"grid_sample(identity, border) == interpolate, {mode}", f"12x10 -> {size[0]}x{size[1]}", sampled, resized)
show(*[name for name in checks if name.startswith("grid_sample")])

# %% summary
print("| equivalence | cases | identical (torch.equal) | largest difference |")
print("|---|---:|---:|---:|")
for name, rows in checks.items():
    print(f"| `{name}` | {len(rows)} | {sum(r[1] for r in rows)}/{len(rows)} | {max(r[2] for r in rows):.1e} |")
