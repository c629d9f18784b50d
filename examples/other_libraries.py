"""Against Pillow, OpenCV and scikit-image.

The same two grayscale images, a photograph and a synthetic zone plate, resized down
(256 -> 64) and up (64 -> 160) by torch and by three image libraries. Every library
call is compared with every torch setting; the first two tables give, for each call,
the max-abs and mean-abs differences to its torch counterpart and the torch settings
that match it (or the closest one), what follows looks at long rows, `area` when
enlarging and nearest-neighbour ties, the figures show what the differences look like,
and the last two tables repeat the comparison on 8-bit images, against Pillow and then
OpenCV.
"""

# %% setup
import fractions

import cv2
import matplotlib.pyplot as plt
import numpy as np
import PIL
import skimage
import torch
import torch.nn.functional as F
from _settings import INTERPOLATE_SETTINGS, LANCZOS, lanczos_works  # shared (shown above)
from matplotlib.cbook import get_sample_data
from PIL import Image
from skimage.transform import resize as sk_resize

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}; Pillow {PIL.__version__}, OpenCV {cv2.__version__}, scikit-image {skimage.__version__}")

# %% images
# Grayscale float32 in [0, 1], so that every library computes in floating point.
with get_sample_data("grace_hopper.jpg") as file:
    photo_rgb = plt.imread(file).copy()  # uint8, height x width x 3


def zone_plate(n):
    """cos(k r^2): rings that tighten with the radius, 0.5 cycles per pixel across them in the corners (about 0.35 along each axis)."""
    y, x = np.mgrid[:n, :n] - (n - 1) / 2
    r2 = x**2 + y**2
    return (0.5 + 0.5 * np.cos(np.pi * r2 / (2 * np.sqrt(r2.max())))).astype(np.float32)


photo = (photo_rgb[:256, 128:384].mean(axis=2) / 255).astype(np.float32)
inputs = {
    "down": {"photo": photo, "zone plate": zone_plate(256)},  # 256x256 -> 64x64
    "up": {"photo": photo[96:160, 96:160].copy(), "zone plate": zone_plate(64)},  # 64x64 -> 160x160
}
sizes = {"down": (64, 64), "up": (160, 160)}
for direction, images in inputs.items():
    for name, image in images.items():
        print(f"{direction:4s} {name:10s} {image.shape} -> {sizes[direction]}")

# %% contenders
# torch settings on one side, library calls on the other; each library call is paired
# with the torch setting that is meant to do the same thing.
TORCH = dict(INTERPOLATE_SETTINGS)
if lanczos_works(device):  # lanczos is newer than the others: use it where torch has it
    TORCH.update(LANCZOS)
else:
    print("no lanczos on this device")


def torch_resize(image, size, on=device, **kwargs):
    x = torch.from_numpy(image).to(on)[None, None]
    return F.interpolate(x, size=size, **kwargs)[0, 0].cpu().numpy()


def pillow(resample):
    return lambda image, size: np.asarray(Image.fromarray(image).resize(size[::-1], resample))  # 'F' mode image


def opencv(interpolation):
    return lambda image, size: cv2.resize(image, size[::-1], interpolation=interpolation)


def scikit(**kwargs):
    # mode="edge" repeats the border pixel, as torch's plain modes do (antialias drops the taps outside the input
    # instead); scikit-image's default is "reflect".
    return lambda image, size: sk_resize(image, size, mode="edge", **kwargs).astype(np.float32)


R = Image.Resampling
LIBRARY = {  # call as written in the table -> (function, torch counterpart)
    "Pillow NEAREST": (pillow(R.NEAREST), "nearest-exact"),
    "Pillow BILINEAR": (pillow(R.BILINEAR), "bilinear, antialias"),
    "Pillow BICUBIC": (pillow(R.BICUBIC), "bicubic, antialias"),
    "Pillow LANCZOS": (pillow(R.LANCZOS), "lanczos, antialias"),
    "Pillow BOX": (pillow(R.BOX), "area"),
    "cv2 INTER_NEAREST": (opencv(cv2.INTER_NEAREST), "nearest"),
    "cv2 INTER_NEAREST_EXACT": (opencv(cv2.INTER_NEAREST_EXACT), "nearest-exact"),
    "cv2 INTER_LINEAR": (opencv(cv2.INTER_LINEAR), "bilinear"),
    "cv2 INTER_CUBIC": (opencv(cv2.INTER_CUBIC), "bicubic"),
    "cv2 INTER_AREA": (opencv(cv2.INTER_AREA), "area"),
    "skimage order=0": (scikit(order=0, anti_aliasing=False), "nearest-exact"),
    "skimage order=1": (scikit(order=1, anti_aliasing=False), "bilinear"),
    "skimage order=1, anti_aliasing": (scikit(order=1, anti_aliasing=True), "bilinear, antialias"),
    "skimage order=3": (scikit(order=3, anti_aliasing=False), "bicubic"),
}
LIBRARY = {call: pair for call, pair in LIBRARY.items() if pair[1] in TORCH}

outputs = {}  # (direction, image name, "torch ..." or library call) -> array
for direction, images in inputs.items():
    for name, image in images.items():
        for setting, kwargs in TORCH.items():
            outputs[direction, name, f"torch {setting}"] = torch_resize(image, sizes[direction], **kwargs)
        for call, (function, _) in LIBRARY.items():
            outputs[direction, name, call] = function(image, sizes[direction])
print(len(outputs), "resized images")

# %% tables
# For each library call: the difference to its torch counterpart on both images, and
# every torch setting that reproduces it (max-abs difference below MATCH on both images;
# otherwise the setting with the smallest mean-abs difference).
MATCH = 1e-4


def difference(direction, call, setting):
    return [np.abs(outputs[direction, name, call] - outputs[direction, name, f"torch {setting}"]) for name in inputs[direction]]


def matching(direction, call):
    errors = {setting: difference(direction, call, setting) for setting in TORCH}
    found = [setting for setting, e in errors.items() if max(x.max() for x in e) < MATCH]
    if found:
        return found, ", ".join(f"`{s}`" for s in found)
    best = min(errors, key=lambda setting: sum(x.mean() for x in errors[setting]))
    return [], f"none (closest: `{best}`)"


def number(value):
    return "0" if value == 0 else f"{value:.1e}"


stats, matches = {}, {}
for direction, title in (("down", "Downscaling 256 → 64"), ("up", "Upscaling 64 → 160")):
    print(f"**{title}**\n")
    print(f"| library call | torch counterpart | photo max | photo mean | zone plate max | zone plate mean | torch settings within {MATCH:g} |")
    print("|---|---|---:|---:|---:|---:|---|")
    for call, (_, counterpart) in LIBRARY.items():
        stats[direction, call] = [(e.max(), e.mean()) for e in difference(direction, call, counterpart)]
        matches[direction, call], described = matching(direction, call)
        cells = " | ".join(f"{number(top)} | {number(mean)}" for top, mean in stats[direction, call])
        print(f"| {call} | `{counterpart}` | {cells} | {described} |")
    print()

# Where "Pillow = torch with antialias" breaks: an output one pixel wide and at least two high, from a
# contiguous float input at least two rows high whose height changes (a CPU kernel bug, see the support page). A column of
# the photo, 256 -> 64 high and 1 wide, on the CPU.
column = inputs["down"]["photo"][:, :1].copy()
width_one = {}
for call, setting in (("Pillow BILINEAR", "bilinear, antialias"), ("Pillow BICUBIC", "bicubic, antialias")):
    ours = F.interpolate(torch.from_numpy(column)[None, None], size=(64, 1), **TORCH[setting])[0, 0].numpy()
    width_one[call] = float(np.abs(ours - LIBRARY[call][0](column, (64, 1))).max())
    print(f"- {call} vs torch `{setting}`, 256x1 -> 64x1 on the CPU: largest difference {width_one[call]:.2f}")

# %% large_images
# The matches above hold on images of at most 256 pixels a side (256 -> 64, 64 -> 160). torch computes each output pixel's source
# position in float32 for float32 input, Pillow and OpenCV's INTER_LINEAR (with IPP) in double; the rounding of a
# position grows with its size. Rows of random values, n -> n - 1 and n -> 3n/4 pixels,
# in float32 and in float64 input, on the CPU (CUDA's plain bilinear keeps float64 positions in double).
large = {}
print("| row | torch dtype | `bilinear, antialias` − Pillow BILINEAR | `bilinear` − cv2 INTER_LINEAR |")
print("|---|---|---:|---:|")
for n, m in ((256, 255), (256, 192), (1000, 999), (4000, 3999), (4000, 3000), (9000, 8999)):
    row = np.random.default_rng(n + m).random((2, n), dtype=np.float32)
    for dtype in (np.float32, np.float64):
        ours = {setting: torch_resize(row.astype(dtype), (2, m), on="cpu", **TORCH[setting]) for setting in ("bilinear, antialias", "bilinear")}
        large[n, m, dtype.__name__] = (
            float(np.abs(ours["bilinear, antialias"] - pillow(R.BILINEAR)(row, (2, m))).max()),
            float(np.abs(ours["bilinear"] - opencv(cv2.INTER_LINEAR)(row, (2, m))).max()),
        )
        print(f"| {n} → {m} | {dtype.__name__} | " + " | ".join(f"{value:.1e}" for value in large[n, m, dtype.__name__]) + " |")

# %% area_enlarge
# When enlarging, torch's area is adaptive average pooling: each output pixel is the plain
# mean of the input pixels its footprint touches; OpenCV's INTER_AREA weighs them
# differently. Every row length n = 1..32 enlarged to m = n+1..4n: where do the two agree?
rng = np.random.default_rng(0)
area_agrees = {}
for n in range(1, 33):
    row = rng.random((1, n), dtype=np.float32)
    for m in range(n + 1, 4 * n + 1):
        ours = torch_resize(row, (1, m), mode="area")
        area_agrees[n, m] = float(np.abs(ours - cv2.resize(row, (m, 1), interpolation=cv2.INTER_AREA)).max())
agree = {pair for pair, top in area_agrees.items() if top < MATCH}
half_steps = {(n, m) for n, m in area_agrees if (2 * m) % n == 0}  # the scale m/n is a multiple of 1/2
print(f"{len(agree)} of {len(area_agrees)} enlargements agree (max difference below {MATCH:g})")
print(f"they are exactly those whose scale m/n is a multiple of 1/2: {agree == half_steps}")
largest_elsewhere = max(set(area_agrees) - agree, key=area_agrees.get)
print("largest difference elsewhere:")
print(f"  {largest_elsewhere[0]} -> {largest_elsewhere[1]} (x{largest_elsewhere[1] / largest_elsewhere[0]:.3g}): {area_agrees[largest_elsewhere]:.3f}")
print("others, for example:")
for n, m in ((10, 13), (3, 7)):
    print(f"  {n} -> {m} (x{m / n:.3g}): {area_agrees[n, m]:.3f}")
for n, m in ((64, 112), (64, 100)):
    print(f"  the photo's crop {n}x{n} -> {m}x{m}: "
          f"{np.abs(torch_resize(inputs['up']['photo'], (m, m), mode='area') - cv2.resize(inputs['up']['photo'], (m, m), interpolation=cv2.INTER_AREA)).max():.3f}")
# Far beyond 4x even a multiple of 1/2 can part: where an output pixel's footprint starts
# exactly on a pixel boundary, OpenCV's floating-point position can land just below it.
far_half_steps = {}
print("multiples of 1/2 far beyond 4x:")
for n, m in ((4, 98), (2, 98)):
    row = rng.random((1, n), dtype=np.float32)
    far_half_steps[n, m] = float(np.abs(torch_resize(row, (1, m), mode="area") - cv2.resize(row, (m, 1), interpolation=cv2.INTER_AREA)).max())
    print(f"  {n} -> {m} (x{m / n:.3g}): {far_half_steps[n, m]:.3f}")

# %% nearest_ties
# Where nearest-exact and the libraries' nearest disagree on 64 -> 160: the output
# columns whose centre lands exactly halfway between two input pixels (a tie), computed
# with exact fractions, against the columns where the chosen input pixel differs.
n_in, n_out = 64, 160
ramp = np.tile(np.arange(n_in, dtype=np.float32), (2, 1))  # each value names its own column
picked = {
    "torch nearest-exact": torch_resize(ramp, (2, n_out), mode="nearest-exact")[0],
    "torch nearest": torch_resize(ramp, (2, n_out), mode="nearest")[0],
    "Pillow NEAREST": pillow(R.NEAREST)(ramp, (2, n_out))[0],
    "cv2 INTER_NEAREST_EXACT": opencv(cv2.INTER_NEAREST_EXACT)(ramp, (2, n_out))[0],
    "skimage order=0": scikit(order=0, anti_aliasing=False)(ramp, (2, n_out))[0],
}
ties = [d for d in range(n_out) if (fractions.Fraction(2 * d + 1, 2) * fractions.Fraction(n_in, n_out)).denominator == 1]
print(f"output columns whose centre is exactly halfway between two inputs: {len(ties)} of {n_out}")
disagreements = {}
for call, columns in picked.items():
    if call == "torch nearest-exact":
        continue
    disagreements[call] = [int(d) for d in np.flatnonzero(columns != picked["torch nearest-exact"])]
    print(f"{call:24s} picks another input than nearest-exact at {len(disagreements[call])} columns; all of them ties: {set(disagreements[call]) <= set(ties)}")

# %% nearest_sweep
# The same comparison for every row length n = 1..32 resized to every m = 1..64: the
# size pairs where a library's nearest picks another input pixel than its torch
# counterpart, and whether every such column is a boundary case: a source position that
# is exactly a whole number (nearest: d * n/m) or exactly halfway between two pixels
# (nearest-exact: (d + 1/2) * n/m), where floating-point rounding decides; and the size
# pairs where OpenCV's INTER_NEAREST_EXACT and Pillow's NEAREST pick differently.
# Of the differing pairs, the table names the enlarging and the shrinking one with the smallest n + m
# (not always the smallest n or m: others with a shorter input or output differ too).
NEAREST_PAIRS = {  # library call -> (torch counterpart, function)
    "cv2 INTER_NEAREST": ("nearest", opencv(cv2.INTER_NEAREST)),
    "cv2 INTER_NEAREST_EXACT": ("nearest-exact", opencv(cv2.INTER_NEAREST_EXACT)),
    "Pillow NEAREST": ("nearest-exact", pillow(R.NEAREST)),
    "skimage order=0": ("nearest-exact", scikit(order=0, anti_aliasing=False)),
}


def on_boundary(d, n, m, setting):
    offset = fractions.Fraction(1, 2) if setting == "nearest-exact" else 0
    return ((d + offset) * fractions.Fraction(n, m)).denominator == 1


nearest_sweep = {call: {} for call in NEAREST_PAIRS}  # call -> {(n, m): differing columns}
opencv_exact_not_pillow = []  # size pairs where cv2 INTER_NEAREST_EXACT and Pillow NEAREST pick differently
for n in range(1, 33):
    row = np.tile(np.arange(n, dtype=np.float32), (2, 1))
    ours = {setting: None for setting in ("nearest", "nearest-exact")}
    for m in range(1, 65):
        ours = {setting: torch_resize(row, (2, m), mode=setting)[0] for setting in ours}
        theirs = {call: function(row, (2, m))[0] for call, (_, function) in NEAREST_PAIRS.items()}
        for call, (setting, _) in NEAREST_PAIRS.items():
            columns = [int(d) for d in np.flatnonzero(theirs[call] != ours[setting])]
            if columns:
                nearest_sweep[call][n, m] = columns
        if not np.array_equal(theirs["cv2 INTER_NEAREST_EXACT"], theirs["Pillow NEAREST"]):
            opencv_exact_not_pillow.append((n, m))
print("| library call | torch | size pairs n → m that differ (of 2048) | all at boundaries | enlarging, smallest n + m | shrinking, smallest n + m |")
print("|---|---|---:|---|---|---|")
for call, (setting, _) in NEAREST_PAIRS.items():
    pairs = nearest_sweep[call]
    boundary = all(on_boundary(d, n, m, setting) for (n, m), columns in pairs.items() for d in columns)
    up = min((pair for pair in pairs if pair[1] > pair[0]), default=None, key=sum)
    down = min((pair for pair in pairs if pair[1] < pair[0]), default=None, key=sum)
    print(f"| {call} | `{setting}` | {len(pairs)} | {boundary} | " + " | ".join("—" if p is None else f"{p[0]} → {p[1]}" for p in (up, down)) + " |")
print()
print(f"Size pairs where cv2 INTER_NEAREST_EXACT and Pillow NEAREST pick different input pixels: {len(opencv_exact_not_pillow)}")

# %% zone_plate
# What the settings do to fine detail: the zone plate downscaled 4x. Without a prefilter
# the rings beyond the new Nyquist limit fold back as false rings (aliasing).
shown = ["torch bilinear", "cv2 INTER_LINEAR", "torch bilinear, antialias", "Pillow BILINEAR", "skimage order=1, anti_aliasing", "torch area"]
figure, axes = plt.subplots(1, len(shown) + 1, figsize=(14, 2.9))
axes[0].imshow(inputs["down"]["zone plate"], cmap="gray", vmin=0, vmax=1)
axes[0].set_title("input 256x256")
for ax, key in zip(axes[1:], shown):
    ax.imshow(outputs["down", "zone plate", key], cmap="gray", vmin=0, vmax=1)
    ax.set_title(key.replace(", ", ",\n"), fontsize=9)
for ax in axes:
    ax.axis("off")
figure.suptitle("Zone plate downscaled 256 → 64")
figure.tight_layout()
plt.show()

# %% error_images
# Per-pixel |torch - Pillow| on the downscaled photo, all on one colour scale.
pairs = [
    ("torch bicubic", "Pillow BICUBIC"),
    ("torch bicubic, antialias", "Pillow BICUBIC"),
    ("torch nearest", "Pillow NEAREST"),
    ("torch nearest-exact", "Pillow NEAREST"),
]
errors = {pair: np.abs(outputs["down", "photo", pair[0]] - outputs["down", "photo", pair[1]]) for pair in pairs}
top = max(e.max() for e in errors.values())
figure, axes = plt.subplots(1, len(pairs), figsize=(12, 3.4))
for ax, ((ours, theirs), error) in zip(axes, errors.items()):
    shown_image = ax.imshow(error, cmap="inferno", vmin=0, vmax=top)
    ax.set_title(f"{ours}\n− {theirs}", fontsize=9)
    ax.axis("off")
figure.colorbar(shown_image, ax=axes, shrink=0.8, label="absolute difference")
figure.suptitle("Photo downscaled 256 → 64: |torch − Pillow| per pixel")
plt.show()

# %% uint8
# The same comparison on 8-bit RGB, as images are usually stored: torch on uint8 input,
# and torch on float32 input rounded to uint8 at the end, against Pillow on uint8. Two
# square sizes, and five where the axes change by different factors: 256 -> 100x77, one axis
# shrinks and the other grows, each way round, and both shrink, by different factors each way round.
# uint8 kernels differ between devices, so the CPU is always measured, and the GPU too
# when there is one.
rgb = photo_rgb[:256, 128:384].copy()
UINT8_CASES = {  # label -> (input, output size)
    "256² → 64²": (rgb, (64, 64)),
    "64² → 160²": (rgb[96:160, 96:160].copy(), (160, 160)),
    "256² → 100×77": (rgb, (100, 77)),
    "256² → 181×300": (rgb, (181, 300)),
    "256² → 300×181": (rgb, (300, 181)),
    "256² → 64×200": (rgb, (64, 200)),
    "256² → 200×64": (rgb, (200, 64)),
}
places = list(dict.fromkeys(["cpu", device.type]))


def torch_uint8(array, size, where, source, **kwargs):
    """torch on an H x W x 3 uint8 array: on uint8 itself, or on float32 rounded at the end."""
    x = torch.from_numpy(array).permute(2, 0, 1)[None].to(where)
    ours = F.interpolate(x if source == "uint8 input" else x.float(), size=size, **kwargs)
    ours = ours.round().clamp(0, 255).to(torch.uint8) if ours.is_floating_point() else ours
    return ours[0].permute(1, 2, 0).cpu().numpy().astype(int)


def uint8_table(references, settings, sources):
    """One row per device, torch setting and input dtype; max difference and share of channel values that differ per case."""
    rows = {}
    print("| device | torch | reference | " + " | ".join(f"{case}: max | differ" for case in UINT8_CASES) + " |")
    print("|---|---|---|" + "---:|---:|" * len(UINT8_CASES))
    for where in places:
        for setting in settings:
            for source in sources:
                cells = []
                for case, (array, size) in UINT8_CASES.items():
                    reference = references[setting](array, size)
                    try:
                        diff = np.abs(torch_uint8(array, size, where, source, **TORCH[setting]) - reference)
                    except (RuntimeError, NotImplementedError) as error:  # a device without this uint8 kernel
                        cells += [f"`{type(error).__name__}: {str(error).splitlines()[0]}`", ""]
                        continue
                    rows[where, setting, source, case] = diff
                    cells += [str(diff.max()), f"{(diff > 0).mean():.2%}"]
                name = references[setting].__name__
                print(f"| {where} | `{setting}`, {source} | {name} | " + " | ".join(cells) + " |")
    return rows


def pillow_uint8(resample):
    def resize(array, size):
        return np.asarray(Image.fromarray(array).resize(size[::-1], resample)).astype(int)

    resize.__name__ = f"Pillow {resample.name} on uint8"
    return resize


def opencv_uint8(interpolation, name):
    def resize(array, size):
        return cv2.resize(array, size[::-1], interpolation=interpolation).astype(int)

    resize.__name__ = f"cv2 {name} on uint8"
    return resize


print("**torch against Pillow on 8-bit RGB**\n")
uint8_rows = uint8_table(
    {"bilinear, antialias": pillow_uint8(R.BILINEAR), "bicubic, antialias": pillow_uint8(R.BICUBIC)},
    ("bilinear, antialias", "bicubic, antialias"),
    ("uint8 input", "float32 input, rounded"),
)


def pillow_first_pass(array, size):
    """The axis Pillow resizes first: its single call against two explicit calls, one axis each."""
    image, (h, w) = Image.fromarray(array), size
    one = np.asarray(image.resize((w, h), R.BILINEAR))
    orders = {
        "width": image.resize((w, image.height), R.BILINEAR).resize((w, h), R.BILINEAR),
        "height": image.resize((image.width, h), R.BILINEAR).resize((w, h), R.BILINEAR),
    }
    return [axis for axis, two in orders.items() if np.array_equal(one, np.asarray(two))]


# torch's uint8 kernel always resizes the width first; Pillow picks its order by the size.
print()
pillow_order = {case: pillow_first_pass(array, size) for case, (array, size) in UINT8_CASES.items()}
for case, axes in pillow_order.items():
    for axis in axes:
        print(f"- {case}: Pillow resizes the {axis} first")

# %% opencv_uint8
# OpenCV on uint8 against torch's uint8 kernels without antialias (the counterparts of
# the float tables above).
print("**torch against OpenCV on 8-bit RGB**\n")
opencv_rows = uint8_table(
    {
        "nearest": opencv_uint8(cv2.INTER_NEAREST, "INTER_NEAREST"),
        "bilinear": opencv_uint8(cv2.INTER_LINEAR, "INTER_LINEAR"),
        "bicubic": opencv_uint8(cv2.INTER_CUBIC, "INTER_CUBIC"),
    },
    ("nearest", "bilinear", "bicubic"),
    ("uint8 input",),
)
