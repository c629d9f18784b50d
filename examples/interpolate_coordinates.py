"""Coordinates and align_corners.

Every mode of ``F.interpolate`` first decides, for each output pixel, where in the input
it looks. This script asks torch rather than trusting a formula: interpolating a ramp
``0, 1, 2, ...`` returns the position that each output pixel sampled, and interpolating
one-hot rows returns which input pixels it used. It draws those positions, checks the
textbook formulas against them on many sizes, and measures how far ``nearest`` and
``nearest-exact`` shift an image.
"""

# %% setup
import math

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from matplotlib.patches import Rectangle

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")


def sampled(n_in, n_out, mode, align_corners=None):
    """Where torch samples: the ramp 0..n_in-1 interpolated to n_out values (1-D modes)."""
    ramp = torch.arange(float(n_in), dtype=torch.float64, device=device).view(1, 1, -1)
    return F.interpolate(ramp, size=n_out, mode=mode, align_corners=align_corners)[0, 0].cpu().numpy()


def area_weights(n_in, n_out):
    """The (n_out, n_in) matrix that area applies: each input pixel alone (one row of an
    identity image per pixel), resized along the width only."""
    eye = torch.eye(n_in, dtype=torch.float64, device=device).view(1, 1, n_in, n_in)
    return F.interpolate(eye, size=(n_in, n_out), mode="area")[0, 0].T.cpu().numpy()


# %% positions
# Enlarging 5 -> 8 and shrinking 8 -> 5: the input position each output pixel reads.
settings = {
    "nearest": ("nearest", None),
    "nearest-exact": ("nearest-exact", None),
    "linear, align_corners=False": ("linear", False),
    "linear, align_corners=True": ("linear", True),
}
# One table (a label printed above a table would stop it rendering): shrinking has 3 fewer columns.
print("| sizes | mode | " + " | ".join(f"d={d}" for d in range(8)) + " |")
print("|---|---|" + "---:|" * 8)
for n_in, n_out in ((5, 8), (8, 5)):
    for name, (mode, align) in settings.items():
        cells = [f"{p:.4g}" for p in sampled(n_in, n_out, mode, align)] + [""] * (8 - n_out)
        print(f"| {n_in} → {n_out} | {name} | " + " | ".join(cells) + " |")

# %% sampling_figure
# Input pixels on top, output pixels below, both in input-pixel units; each line joins an
# output pixel's centre to where torch sampled; area samples no point: a bar marks the pixels
# averaged, and the line ends at its middle.
def draw(ax, n_in, n_out, mode, align):
    if align:  # centres of the corner pixels coincide
        step, centres = (n_in - 1) / (n_out - 1), np.arange(n_out) * (n_in - 1) / (n_out - 1)
    else:  # outer edges of the corner pixels coincide
        step, centres = n_in / n_out, (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
    colours = plt.cm.viridis(np.linspace(0, 0.9, n_out))
    for i in range(n_in):
        ax.add_patch(Rectangle((i - 0.5, 1.0), 1, 0.5, facecolor="0.92", edgecolor="0.3"))
        ax.text(i, 1.25, str(i), ha="center", va="center", fontsize=8)
    for d, (c, colour) in enumerate(zip(centres, colours)):
        ax.add_patch(Rectangle((c - step / 2, -0.5), step, 0.5, facecolor=colour, alpha=0.35, edgecolor=colour))
        ax.text(c, -0.25, str(d), ha="center", va="center", fontsize=8)
    if mode == "area":
        matrix = area_weights(n_in, n_out)
        for d, (c, colour) in enumerate(zip(centres, colours)):
            used = np.flatnonzero(matrix[d])
            ax.plot([used[0] - 0.45, used[-1] + 0.45], [0.92 - 0.05 * (d % 3)] * 2, color=colour, lw=3)
            ax.plot([c, used.mean()], [0, 0.92 - 0.05 * (d % 3)], color=colour, lw=1.2)
    else:
        for c, p, colour in zip(centres, sampled(n_in, n_out, mode, align), colours):
            ax.plot([c, p], [0, 1.0], color=colour, lw=1.2)
            ax.plot(p, 1.0, "o", color=colour, ms=4)
    ax.set_xlim(-0.9, n_in - 0.1)
    ax.set_ylim(-0.6, 1.6)
    ax.set_yticks([])
    for y, word in ((-0.25, "output"), (1.25, "input")):  # text, not tick labels, so the build can translate it
        ax.text(-0.01, y, word, transform=ax.get_yaxis_transform(), ha="right", va="center")
    ax.spines[["top", "right", "left"]].set_visible(False)


rows = {**settings, "area": ("area", None)}
figure, axes = plt.subplots(len(rows), 2, figsize=(10, 10.5), sharex="col")
for column, (n_in, n_out) in enumerate(((5, 8), (8, 5))):
    axes[0, column].set_title(f"{n_in} → {n_out}\n\n{list(rows)[0]}", fontsize=10)
    for row, (name, (mode, align)) in enumerate(rows.items()):
        draw(axes[row, column], n_in, n_out, mode, align)
        if row:
            axes[row, column].set_title(name, fontsize=10)
    axes[-1, column].set_xlabel("position (input pixels)")
figure.suptitle("Where each output pixel samples the input")
figure.tight_layout()
plt.show()

# %% formulas_checked
# The formulas, with in/out exact (never rounded on its own: the nearest picks and the area window bounds in integer
# arithmetic, the linear positions and the area weights 1/n rounded once, to float64), against torch on every pair
# of sizes below: enlarging and shrinking. Positions come from the ramp, windows from one-hot rows.
def nearest_formula(n_in, n_out):
    return np.minimum(np.arange(n_out) * n_in // n_out, n_in - 1)  # floor(d * in/out)


def nearest_exact_formula(n_in, n_out):
    return np.minimum((2 * np.arange(n_out) + 1) * n_in // (2 * n_out), n_in - 1)  # floor((d + 0.5) * in/out)


def half_pixel_formula(n_in, n_out):
    return np.clip((np.arange(n_out) + 0.5) * n_in / n_out - 0.5, 0, n_in - 1)  # linear clamps at the border


def corners_formula(n_in, n_out):
    return np.arange(n_out) * (n_in - 1) / max(n_out - 1, 1)


def area_formula(n_in, n_out):
    matrix = np.zeros((n_out, n_in))
    for d in range(n_out):  # window [floor(d*in/out), ceil((d+1)*in/out)), averaged
        start, stop = d * n_in // n_out, -(-(d + 1) * n_in // n_out)
        matrix[d, start:stop] = 1 / (stop - start)
    return matrix


checks = {
    "nearest: floor(d·in/out)": (nearest_formula, lambda i, o: sampled(i, o, "nearest")),
    "nearest-exact: floor((d+0.5)·in/out)": (nearest_exact_formula, lambda i, o: sampled(i, o, "nearest-exact")),
    "align_corners=False: (d+0.5)·in/out − 0.5": (half_pixel_formula, lambda i, o: sampled(i, o, "linear", False)),
    "align_corners=True: d·(in−1)/(out−1)": (corners_formula, lambda i, o: sampled(i, o, "linear", True)),
    "area: mean of [floor(d·in/out), ceil((d+1)·in/out))": (area_formula, area_weights),
}
pairs = [(i, o) for i in range(1, 17) for o in range(1, 25) if i != o]
mismatches = {}
print("| formula | size pairs | enlarging | shrinking | pairs where torch is off by more than 1e-9 | largest difference |")
print("|---|---:|---:|---:|---:|---:|")
for name, (formula, torch_result) in checks.items():
    differences = {(i, o): float(np.abs(formula(i, o) - torch_result(i, o)).max()) for i, o in pairs}
    mismatches[name] = [pair for pair, diff in differences.items() if diff > 1e-9]
    up = sum(o > i for i, o in pairs)
    print(f"| {name} | {len(pairs)} | {up} | {len(pairs) - up} | {len(mismatches[name])} | {max(differences.values()):.1e} |")

# %% float32_rounding
# For float32 input the nearest formulas are evaluated in single precision: scale = float32(in/out). When
# d·in/out is a whole number, the float product can land just below it and floor() picks
# the previous pixel. The first size that shows it, enlarging a 2-pixel float32 image row:
def nearest_row(n_in, n_out, dtype, rank, mode="nearest"):
    row = torch.arange(float(n_in), dtype=dtype, device=device).view((1,) * (rank - 1) + (-1,))
    size = (1,) * (rank - 3) + (n_out,)
    return F.interpolate(row, size=size, mode=mode).flatten().cpu().numpy().astype(int)


small = 2
for big in range(2, 200):
    exact, got = nearest_formula(small, big), nearest_row(small, big, torch.float32, 4)
    if not np.array_equal(exact, got):
        break
wrong = int(np.flatnonzero(exact != got)[0])
scale32 = np.float32(small) / np.float32(big)
print(f"{small} -> {big}: output pixel {wrong}")
print(f"  exact   floor({wrong} * {small}/{big}) = {wrong * small // big}")
print(f"  float32 {wrong} * {scale32:.9g} = {np.float32(wrong) * scale32:.9g} -> floor = {math.floor(np.float32(wrong) * scale32)}")
print(f"  torch picked input pixel {got[wrong]}")
# How many output pixels copy each input pixel, per dtype and rank: the kernels round differently.
for dtype in (torch.float32, torch.float64):
    for rank in (3, 4):
        print(f"  {str(dtype).removeprefix('torch.')}, {rank}-D: copies of each input pixel {np.bincount(nearest_row(small, big, dtype, rank)).tolist()}")
# On this contiguous image the 4-D CPU kernel depends on the output size (channels_last with more than 3 channels
# runs the channels-last kernel at every size): 47 rows high, out H + out W = 47 + 82 > 128.
tall = torch.arange(float(small), dtype=torch.float64, device=device).expand(1, 1, 47, small).contiguous()
tall_copies = np.bincount(F.interpolate(tall, size=(47, big), mode="nearest")[0, 0, 0].long().cpu().numpy()).tolist()
print(f"  float64, 4-D, 47 rows: copies of each input pixel {tall_copies}")
# Whole factors are not immune: those up to 100 that copy some pixel of a 1..8-pixel float32 row unevenly.
uneven = [k for k in range(2, 101) if any(np.bincount(nearest_row(n, n * k, torch.float32, 4)).tolist() != [k] * n for n in range(1, 9))]
print("whole factors up to 100 that copy unevenly:", uneven)
# nearest-exact's ties round the same way: the first size where the centre (d + 0.5)·in/out of an
# output pixel lies exactly on the border between two input pixels and the 4-D float32 kernel takes
# the left one, where exact arithmetic takes the right one.
for tie_big in range(2, 200):
    ties = [d for d in range(tie_big) if (2 * d + 1) * small % (2 * tie_big) == 0]
    tie_picks = nearest_row(small, tie_big, torch.float32, 4, "nearest-exact")
    if any(tie_picks[d] < (2 * d + 1) * small // (2 * tie_big) for d in ties):
        break
tie_d = next(d for d in ties if tie_picks[d] < (2 * d + 1) * small // (2 * tie_big))
print(f"nearest-exact, {small} -> {tie_big}: output pixel {tie_d} is a tie, exact floor(({tie_d} + 0.5) * {small}/{tie_big}) = {(2 * tie_d + 1) * small // (2 * tie_big)}")
tie_pick = {}
for dtype in (torch.float32, torch.float64):
    for rank in (3, 4):
        tie_pick[dtype, rank] = int(nearest_row(small, tie_big, dtype, rank, "nearest-exact")[tie_d])
        print(f"  {str(dtype).removeprefix('torch.')}, {rank}-D: torch picked input pixel {tie_pick[dtype, rank]}")

# %% integer_upscaling
# Enlarging by a whole factor k = 2..100: the factors where the two nearest modes differ on
# some float32 row of 1..8 pixels, given as size or as scale_factor, in 3-D, 4-D and 5-D.
def copies(mode, n, k, rank, by_size):
    row = torch.arange(float(n), device=device).view((1,) * (rank - 1) + (n,))
    spatial = (1,) * (rank - 3) + (n * k,)
    kwargs = {"size": spatial} if by_size else {"scale_factor": (1.0,) * (rank - 3) + (float(k),)}
    return np.bincount(F.interpolate(row, mode=mode, **kwargs).flatten().cpu().numpy().astype(int), minlength=n).tolist()


differ = {}
for rank, by_size in ((3, True), (3, False), (4, True), (4, False), (5, True), (5, False)):
    differ[rank, by_size] = [
        k for k in range(2, 101) if any(copies("nearest", n, k, rank, by_size) != copies("nearest-exact", n, k, rank, by_size) for n in range(1, 9))
    ]
    print(f"{rank}-D, `{'size' if by_size else 'scale_factor'}`: factors where they differ: {differ[rank, by_size]}")
print("2 pixels x41, copies of each: nearest", copies("nearest", 2, 41, 4, True), " nearest-exact", copies("nearest-exact", 2, 41, 4, True))

# %% shrinking_picks
# Shrinking 12 pixels by a whole factor k, nearest takes pixel 0 of each block, nearest-exact pixel k // 2.
for n_out in (3, 4, 6):
    a, b = sampled(12, n_out, "nearest").astype(int), sampled(12, n_out, "nearest-exact").astype(int)
    print(f"12 -> {n_out}: nearest picks {a.tolist()}, nearest-exact picks {b.tolist()}")

# %% scale_factor_steps
# Given scale_factor, this cell's 3-D and 5-D nearest kernels step by 1/scale_factor, not by in/out; on the CPU, 4-D nearest
# with a small output (as here) copies when out == in and doubles when out == 2 * in. A 10-pixel row x1.05 and 5 pixels x2.1:
for n, factor in ((10, 1.05), (5, 2.1)):
    for rank in (3, 4, 5):
        row = torch.arange(float(n), device=device).view((1,) * (rank - 1) + (n,))
        picked = F.interpolate(row, scale_factor=(1.0,) * (rank - 3) + (factor,), mode="nearest").flatten()
        print(f"{n} x{factor}, {rank}-D nearest picks {picked.int().tolist()}")

# %% ties
# Where the centre rule has ties: (d + 0.5) * in/out is a whole number, the centre of output
# pixel d lies on the border between two input pixels. The exact rule takes the right one (torch's
# single-precision kernels take the left one at some ties, see above); Pillow,
# scikit-image and OpenCV are compared on every size pair 1..39, enlarging and shrinking.
import cv2
import skimage.transform
from PIL import Image


def picks_nearest_exact(n_in, n_out):
    return sampled(n_in, n_out, "nearest-exact").astype(int)


def picks_pillow(n_in, n_out):
    row = Image.fromarray(np.arange(n_in, dtype=np.uint8)[None, :])
    return np.asarray(row.resize((n_out, 1), Image.Resampling.NEAREST))[0].astype(int)


def picks_skimage(n_in, n_out):
    row = np.arange(n_in, dtype=np.float64)[None, :]
    return skimage.transform.resize(row, (1, n_out), order=0, preserve_range=True, anti_aliasing=False)[0].astype(int)


def picks_opencv(n_in, n_out):
    row = np.arange(n_in, dtype=np.uint8)[None, :]
    return cv2.resize(row, (n_out, 1), interpolation=cv2.INTER_NEAREST)[0].astype(int)


tie_pairs = [(i, o) for i in range(1, 40) for o in range(1, 40) if i != o]
has_tie = {(i, o) for i, o in tie_pairs if any((2 * d + 1) * i % (2 * o) == 0 for d in range(o))}
disagree = {
    "Pillow NEAREST vs nearest-exact": [p for p in tie_pairs if not np.array_equal(picks_pillow(*p), picks_nearest_exact(*p))],
    "scikit-image order=0 vs nearest-exact": [p for p in tie_pairs if not np.array_equal(picks_skimage(*p), picks_nearest_exact(*p))],
    "OpenCV INTER_NEAREST vs nearest": [p for p in tie_pairs if not np.array_equal(picks_opencv(*p), sampled(*p, "nearest").astype(int))],
}
print("| comparison | size pairs | pairs with a tie | pairs that differ | of them with a tie | first pair |")
print("|---|---:|---:|---:|---:|---|")
for name, pairs_found in disagree.items():
    first = f"{pairs_found[0][0]} → {pairs_found[0][1]}" if pairs_found else "none"
    ties_found = sum(p in has_tie for p in pairs_found)
    print(f"| {name} | {len(tie_pairs)} | {len(has_tie)} | {len(pairs_found)} | {ties_found} | {first} |")

# %% shift
# How far each mode moves the picture when shrinking by k: the centroid of a smooth blob
# before and after, with output pixel d placed at its centre (d + 0.5)·k − 0.5 in input pixels.
size = 48
coordinate = torch.arange(size, dtype=torch.float64, device=device)
blob = torch.exp(-((coordinate - 23.3) ** 2) / 40)
image = (blob[:, None] * blob[None, :]).view(1, 1, size, size)


def centroid(picture, positions):
    weight = picture[0, 0]
    rows, cols = torch.meshgrid(positions, positions, indexing="ij")
    return float((weight * rows).sum() / weight.sum()), float((weight * cols).sum() / weight.sum())


before = centroid(image, coordinate)
shifts = {}
modes = ("nearest", "nearest-exact", "area")
print("| shrink by k | " + " | ".join(f"{mode}: shift (input pixels)" for mode in modes) + " |")
print("|---:|---:|---:|---:|")
for k in (2, 3, 4, 6):
    centres = (torch.arange(size // k, dtype=torch.float64, device=device) + 0.5) * k - 0.5
    for mode in modes:
        after = centroid(F.interpolate(image, scale_factor=1 / k, mode=mode), centres)
        shifts[k, mode] = after[0] - before[0], after[1] - before[1]  # rows, columns: the same here
    print(f"| {k} | " + " | ".join(f"{round(shifts[k, mode][0], 3) + 0:+.3f}" for mode in modes) + " |")
