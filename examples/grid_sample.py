"""grid_sample against interpolate.

``F.grid_sample`` reads the input at arbitrary points; with the identity grid of
``F.affine_grid`` on a new output size it resizes, like ``F.interpolate``. This script
builds that grid, finds the settings under which the two agree up to rounding (not bit
for bit), and shows where they differ: ``nearest`` rounding, the padding at the borders,
an output of size 1, ``scale_factor``, and downsampling, where grid_sample has no antialias.
"""

# %% setup
import itertools
import warnings
from fractions import Fraction

import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% identity_grid
def identity_grid(x, size, align_corners):
    """affine_grid's identity grid on `size`, in x's dtype.

    Built for one image with one channel and expanded to the batch, so that an empty batch gets a grid too.
    """
    dims = x.dim() - 2
    theta = torch.eye(dims, dims + 1, dtype=x.dtype, device=x.device)[None]
    grid = F.affine_grid(theta, [1, 1, *size], align_corners=align_corners)
    return grid.expand(x.shape[0], *grid.shape[1:])


def resize_with_grid_sample(x, size, mode, align_corners, padding_mode="border"):
    return F.grid_sample(x, identity_grid(x, size, align_corners), mode=mode, padding_mode=padding_mode, align_corners=align_corners)


x = torch.randn(1, 3, 5, 7, dtype=torch.float64, device=device)
a = F.interpolate(x, size=(9, 12), mode="bilinear", align_corners=False)
b = resize_with_grid_sample(x, (9, 12), "bilinear", align_corners=False)
print(f"5x7 -> 9x12, bilinear, align_corners=False: largest |interpolate - grid_sample| = {(a - b).abs().max().item():.1e}")

# %% equivalence
# Largest difference over the input sizes 1, 2, 3, 5 and output sizes 1, 2, 3, 4, 7, 10 per
# axis, enlarging or keeping each axis, or shrinking or keeping each, float64; the tests sweep further. An output
# of size 1 with align_corners=True is left out: it differs for another reason (size_one).
def largest_difference(mode, align_corners, padding_mode, grows):
    worst = 0.0
    for h, w, ho, wo in itertools.product((1, 2, 3, 5), (1, 2, 3, 5), (1, 2, 3, 4, 7, 10), (1, 2, 3, 4, 7, 10)):
        if not (ho >= h and wo >= w if grows else ho <= h and wo <= w) or (align_corners and 1 in (ho, wo)):
            continue
        x = torch.randn(1, 2, h, w, dtype=torch.float64, device=device)
        a = F.interpolate(x, size=(ho, wo), mode=mode, align_corners=align_corners)
        b = resize_with_grid_sample(x, (ho, wo), mode, align_corners, padding_mode)
        worst = max(worst, (a - b).abs().max().item())
    return worst


table = {
    (mode, align, padding, grows): largest_difference(mode, align, padding, grows)
    for mode, align, padding, grows in itertools.product(("bilinear", "bicubic"), (False, True), ("zeros", "border", "reflection"), (True, False))
}
print("| mode | align_corners | padding_mode | enlarging | shrinking |")
print("|---|---|---|---:|---:|")
for mode, align, padding in itertools.product(("bilinear", "bicubic"), (False, True), ("zeros", "border", "reflection")):
    print(f"| `{mode}` | {align} | `{padding}` | {table[mode, align, padding, True]:.1e} | {table[mode, align, padding, False]:.1e} |")

# %% size_one
# An output of size 1 with align_corners=True: interpolate's bilinear reads this ramp's first
# pixel, affine_grid puts its single point at the centre.
ramp = torch.arange(5.0, dtype=torch.float64, device=device).view(1, 1, 1, 5)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    one_pixel = {
        "interpolate": F.interpolate(ramp, size=(1, 1), mode="bilinear", align_corners=True).item(),
        "grid_sample": resize_with_grid_sample(ramp, (1, 1), "bilinear", align_corners=True).item(),
    }
print(f"ramp 0..4 -> 1 sample, align_corners=True: interpolate reads {one_pixel['interpolate']}, grid_sample reads {one_pixel['grid_sample']}")
for warning in caught:
    print(f"affine_grid warns: `{warning.message}`")

# %% nearest
# On these short float64 rows interpolate's nearest reads floor(i * in / out), nearest-exact
# floor((i + 0.5) * in / out), and grid_sample's nearest rounds the position (i + 0.5) * in / out - 0.5
# to the nearest integer (a tie to the even one): the same pixel as nearest-exact except at an exact
# tie (near_tie below: not so on long float32 axes, nor on short bfloat16 and float16 ones). Ties round as the
# floating point falls, which may differ between devices: these indices come from the CPU.
def nearest_indices(n_in, n_out):
    line = torch.arange(n_in, dtype=torch.float64).view(1, 1, 1, -1)
    return {
        "nearest": F.interpolate(line, size=(1, n_out), mode="nearest").view(-1).int().tolist(),
        "nearest-exact": F.interpolate(line, size=(1, n_out), mode="nearest-exact").view(-1).int().tolist(),
        "grid_sample nearest": resize_with_grid_sample(line, (1, n_out), "nearest", False).view(-1).int().tolist(),
    }


print("| in → out | " + " | ".join(nearest_indices(1, 1)) + " |")
print("|---|---|---|---|")
for n_in, n_out in ((2, 3), (4, 2), (3, 2), (6, 4), (4, 8)):
    print(f"| {n_in} → {n_out} | " + " | ".join(str(v) for v in nearest_indices(n_in, n_out).values()) + " |")

# %% ties
# At a tie grid_sample rounds half to even and nearest-exact's floor(x + 0.5) rounds up, but
# both compute the position in floating point, so whether it lands exactly on .5 depends on
# rounding. Counted on the CPU with its AVX2 or AVX-512 code (the default code rounds a few otherwise), in float64,
# at the exact ties of every input and output size 1..40.
ties = {"grid_sample nearest, to the even pixel": 0, "grid_sample nearest, to the odd pixel": 0,
        "nearest-exact, to the upper pixel": 0, "nearest-exact, to the lower pixel": 0}
for n_in, n_out in itertools.product(range(1, 41), repeat=2):
    picked = nearest_indices(n_in, n_out)
    for i, (g, e) in enumerate(zip(picked["grid_sample nearest"], picked["nearest-exact"])):
        position = Fraction(2 * i + 1, 2) * Fraction(n_in, n_out) - Fraction(1, 2)
        if position.denominator == 2 and 0 < position < n_in - 1:
            ties["grid_sample nearest, to the even pixel" if g % 2 == 0 else "grid_sample nearest, to the odd pixel"] += 1
            ties["nearest-exact, to the upper pixel" if e > position else "nearest-exact, to the lower pixel"] += 1
print("| at an exact tie | count |")
print("|---|---:|")
for what, count in ties.items():
    print(f"| {what} | {count} |")

# %% near_tie
# Not a tie, yet the two part: in float32 on long axes, in bfloat16 and float16 on short ones, a position
# within rounding of .5. The CPU's affine_grid rejects bfloat16 and float16 for an axis of size 1: those grids are made in float32.
def near_tie(n_in, n_out, i, dtype=torch.float32):
    line = torch.arange(n_in, dtype=dtype).view(1, 1, 1, -1)
    grid = identity_grid(line.to(torch.promote_types(dtype, torch.float32)), (1, n_out), False).to(dtype)
    return {
        "position": float(Fraction(2 * i + 1, 2) * Fraction(n_in, n_out) - Fraction(1, 2)),
        "nearest-exact": int(F.interpolate(line, size=(1, n_out), mode="nearest-exact")[0, 0, 0, i]),
        "grid_sample nearest": int(F.grid_sample(line, grid, mode="nearest", padding_mode="border", align_corners=False)[0, 0, 0, i]),
    }


cases = [(n_in, n_out, i, dtype) for n_in, n_out, i in ((2777, 2563, 2305), (2905, 2216, 2156)) for dtype in (torch.float32, torch.float64)]
near_ties = {
    (n_in, n_out, i, str(dtype)[6:]): near_tie(n_in, n_out, i, dtype)
    for n_in, n_out, i, dtype in [*cases, (5, 29, 17, torch.bfloat16), (29, 37, 25, torch.float16)]
}
print("| in → out, output | dtype | exact position | nearest-exact | grid_sample nearest |")
print("|---|---|---:|---:|---:|")
for (n_in, n_out, i, dtype), r in near_ties.items():
    print(f"| {n_in} → {n_out}, {i} | {dtype} | {r['position']:.5f} | {r['nearest-exact']} | {r['grid_sample nearest']} |")

# %% scale_factor
# interpolate(scale_factor=2.3) with align_corners=False reads (i + 0.5) / 2.3 - 0.5 on these
# 7 pixels (bilinear clamps those outside [0, 6] to the end pixels, as border padding does: output 0 at -0.28
# reads pixel 0, output 15 at 6.24 pixel 6), not (i + 0.5) * in / out - 0.5. Scaling the identity by a = out / (s * in)
# and shifting it by a - 1 (so that the left edge stays at -1) reproduces it.
def scale_factor_grid(x, s):
    n_out = int(x.shape[-1] * s)
    a = n_out / (s * x.shape[-1])
    theta = torch.tensor([[[a, 0, a - 1], [0, 1, 0]]], dtype=x.dtype, device=x.device)
    return F.affine_grid(theta, [1, x.shape[1], 1, n_out], align_corners=False)


row = torch.arange(7, dtype=torch.float64, device=device).view(1, 1, 1, 7)  # a ramp: values are positions
by_factor = F.interpolate(row, scale_factor=(1, 2.3), mode="bilinear")
plain = F.grid_sample(row, identity_grid(row, by_factor.shape[-2:], False), padding_mode="border", align_corners=False)
scaled = F.grid_sample(row, scale_factor_grid(row, 2.3), padding_mode="border", align_corners=False)
print(f"7 -> {by_factor.shape[-1]}, scale_factor=2.3: largest |interpolate - grid_sample| = "
      f"{(by_factor - plain).abs().max().item():.3f} with the identity grid, {(by_factor - scaled).abs().max().item():.1e} with the scaled grid")

# %% shrinking
# Shrinking 64 -> 16: grid_sample gives interpolate's values without antialias, up to rounding; it has no antialias.
stripes = torch.cos(torch.arange(64, dtype=torch.float64, device=device) * 2.6).view(1, 1, 1, 64).expand(1, 1, 64, 64)
shrunk = {
    "grid_sample bilinear": resize_with_grid_sample(stripes, (16, 16), "bilinear", False),
    "interpolate bilinear": F.interpolate(stripes, size=(16, 16), mode="bilinear"),
    "interpolate bilinear, antialias": F.interpolate(stripes, size=(16, 16), mode="bilinear", antialias=True),
}
print("| method | standard deviation of the 16 x 16 result |")
print("|---|---:|")
for name, result in shrunk.items():
    print(f"| {name} | {result.std().item():.3f} |")

# %% five_d
# 5-D input: grid_sample's "bilinear" is trilinear; "bicubic" needs 4-D input.
volume = torch.randn(1, 2, 3, 4, 5, dtype=torch.float64, device=device)
for align in (False, True):
    a = F.interpolate(volume, size=(5, 7, 9), mode="trilinear", align_corners=align)
    b = resize_with_grid_sample(volume, (5, 7, 9), "bilinear", align)
    print(f"3x4x5 -> 5x7x9, align_corners={align}: largest |interpolate - grid_sample| = {(a - b).abs().max().item():.1e}")
try:
    resize_with_grid_sample(volume, (5, 7, 9), "bicubic", False)
except RuntimeError as error:
    print(f"bicubic on 5-D: `{error}`")
try:
    F.grid_sample(torch.rand(1, 1, 8, device=device), torch.zeros(1, 4, 1, device=device), align_corners=False)
except RuntimeError as error:
    print(f"3-D input: `{error}`")
