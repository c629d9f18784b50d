"""torchvision's Resize: its antialias default, tensors against PIL images, and the F.interpolate call behind it.

``torchvision.transforms.v2.Resize`` (and the older ``transforms.Resize`` and both
``functional.resize``) take a tensor or a PIL image. A tensor goes to ``F.interpolate``;
a PIL image goes to Pillow's ``Image.resize``. The script asks the installed torchvision
for its defaults, tries every interpolation mode on both kinds of input, measures how far
apart they land in uint8 levels over a sweep of sizes, and checks which ``F.interpolate``
call each setting equals. Resize usually runs in DataLoader workers, and PIL only on the
CPU, so everything here runs on the CPU unless a cell names the build device.
"""

# %% setup
import inspect
import itertools
import warnings

import numpy as np
import PIL
import torch
import torch.nn.functional as F
import torchvision
import torchvision.transforms as T1
import torchvision.transforms.functional as F1
import torchvision.transforms.v2 as T2
import torchvision.transforms.v2.functional as F2
from _settings import lanczos_works
from PIL import Image
from torchvision.transforms import InterpolationMode

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
cpu_capability = torch.backends.cpu.get_cpu_capability()
print(f"torch {torch.__version__}, torchvision {torchvision.__version__}, Pillow {PIL.__version__}")
print(f"build device {device}; CPU kernels: {cpu_capability}")

# Pillow's resampling filter for each torchvision mode, as torchvision maps them.
PIL_FILTER = F1.pil_modes_mapping


def to_pil(image):
    """A (C, H, W) uint8 tensor as a PIL image (L for 1 channel, RGB for 3, RGBA for 4)."""
    array = image.permute(1, 2, 0).numpy()
    return Image.fromarray(array[..., 0] if image.shape[0] == 1 else array)


def from_pil(image):
    """A PIL image as a (C, H, W) uint8 tensor."""
    array = np.array(image)
    return torch.from_numpy(array[..., None] if array.ndim == 2 else array).permute(2, 0, 1)


def random_image(channels, height, width, seed=0):
    return torch.randint(0, 256, (channels, height, width), dtype=torch.uint8, generator=torch.Generator().manual_seed(seed))


# %% defaults
# The default is read from the signatures, not typed: every entry point, old and new.
entry_points = {
    "transforms.Resize": T1.Resize,
    "transforms.functional.resize": F1.resize,
    "transforms.v2.Resize": T2.Resize,
    "transforms.v2.functional.resize": F2.resize,
}
defaults = {name: inspect.signature(fn).parameters["antialias"].default for name, fn in entry_points.items()}
print("| entry point | `antialias` default | default `interpolation` |")
print("|---|---|---|")
for name, fn in entry_points.items():
    interpolation = inspect.signature(fn).parameters["interpolation"].default
    print(f"| `{name}` | `{defaults[name]}` | `{getattr(interpolation, 'value', interpolation)}` |")

# %% antialias_values
# What each antialias value does today when shrinking 64x64 -> 16x16 (bilinear): a float
# tensor is compared with F.interpolate with and without antialias; a PIL image is checked
# for a warning and for a change in its pixels.
image = random_image(3, 64, 64)
tensor = image.float()
plain = F.interpolate(tensor[None], size=(16, 16), mode="bilinear", align_corners=False, antialias=False)[0]
smooth = F.interpolate(tensor[None], size=(16, 16), mode="bilinear", align_corners=False, antialias=True)[0]
pil_default = from_pil(F2.resize(to_pil(image), [16, 16]))
antialias_effect = {}
for value in (True, False, None):
    out = F2.resize(tensor, [16, 16], antialias=value)
    tensor_is = "antialias=True" if torch.equal(out, smooth) else "antialias=False" if torch.equal(out, plain) else "neither"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pil_out = from_pil(F2.resize(to_pil(image), [16, 16], antialias=value))
    antialias_effect[value] = (tensor_is, torch.equal(pil_out, pil_default), [str(w.message) for w in caught])
print("| `antialias=` | float tensor equals `F.interpolate` with | PIL image: pixels | PIL image: warning |")
print("|---|---|---|---|")
for value, (tensor_is, pil_same, pil_warnings) in antialias_effect.items():
    pixels = "same as the default" if pil_same else "not the default's"
    print(f"| `{value}` | `{tensor_is}` | {pixels} | {' '.join(f'`{w}`' for w in pil_warnings) or '(none)'} |")

# %% modes
# Every InterpolationMode on a uint8 image tensor (v1 and v2 functional.resize), a float32
# tensor holding the same values (v2, then rounded to uint8), and the PIL image. A number
# is the largest difference from the PIL image's result in uint8 levels, over a sweep of
# shrinking and enlarging sizes; otherwise the exception the call raised.
shapes = [((37, 50), (20, 23)), ((64, 48), (7, 5)), ((9, 10), (1, 2)), ((5, 7), (13, 17)), ((3, 2), (300, 200))]


def clip_round(x):
    return x.clamp(0, 255).round().to(torch.uint8)


tensor_paths = {
    "v1, uint8 tensor": lambda img, size, mode: F1.resize(img, size, mode),
    "v2, uint8 tensor": lambda img, size, mode: F2.resize(img, size, mode),
    "v2, float32 tensor": lambda img, size, mode: clip_round(F2.resize(img.float(), size, mode)),
}
mode_vs_pil = {}
for mode, (path, resize) in itertools.product(InterpolationMode, tensor_paths.items()):
    worst = 0
    try:
        for index, (in_size, out_size) in enumerate(shapes):
            img = random_image(3, *in_size, seed=index)
            reference = from_pil(to_pil(img).resize(out_size[::-1], resample=PIL_FILTER[mode]))
            worst = max(worst, (resize(img, list(out_size), mode).int() - reference.int()).abs().max().item())
        mode_vs_pil[mode.name, path] = worst
    except Exception as error:  # the message is torchvision's or torch's, whatever its type
        mode_vs_pil[mode.name, path] = f"{type(error).__name__}: {str(error).splitlines()[0]}"
# Errors get short codes; the legend below the table gives each message once.
mode_errors = list(dict.fromkeys(r for r in mode_vs_pil.values() if isinstance(r, str)))
print(f"| mode | PIL filter | {' | '.join(tensor_paths)} |")
print("|---|---|" + "---|" * len(tensor_paths))
for mode in InterpolationMode:
    cells = [mode_vs_pil[mode.name, path] for path in tensor_paths]
    cells = [f"E{mode_errors.index(c) + 1}" if isinstance(c, str) else str(c) for c in cells]
    print(f"| `{mode.name}` | `{Image.Resampling(PIL_FILTER[mode]).name}` | " + " | ".join(cells) + " |")
print()
for code, message in enumerate(mode_errors, start=1):
    print(f"- E{code}: `{message}`")

# %% nearest_ties
# NEAREST_EXACT and Pillow's NEAREST pick the input pixel under the output pixel's centre,
# (i + 0.5) * n_in / n_out. On these lengths they part only where that centre falls exactly on a
# border between two input pixels, and floating-point rounding decides: every length 1..64 to 1..64.
mismatches, ties, tie_mismatches, first_tie_mismatch = 0, 0, 0, None
for n_in, n_out in itertools.product(range(1, 65), repeat=2):
    row = torch.arange(n_in, dtype=torch.uint8).view(1, 1, n_in)
    ours = F2.resize(row, [1, n_out], InterpolationMode.NEAREST_EXACT)[0, 0]
    theirs = from_pil(to_pil(row).resize((n_out, 1), resample=Image.Resampling.NEAREST))[0, 0]
    for i in range(n_out):
        on_border = (2 * i + 1) * n_in % (2 * n_out) == 0
        ties += on_border
        if ours[i] != theirs[i]:
            mismatches += 1
            tie_mismatches += on_border
            if first_tie_mismatch is None:
                first_tie_mismatch = (n_in, n_out, ours.tolist(), theirs.tolist())
print(f"output pixels whose centre falls on a border: {ties}; NEAREST_EXACT and PIL disagree on {mismatches}, "
      f"of which on a border: {tie_mismatches}")
n_in, n_out, ours, theirs = first_tie_mismatch
print(f"first case: {n_in} -> {n_out} pixels, tensor picks {ours}, PIL picks {theirs}")

# %% tiny
# Output sizes 1..3 x 1..3 from uint8 inputs up to 9x10 with 1, 3 and 4 channels, through
# v2 (torch's uint8 kernels on this CPU; bilinear only where v2 keeps uint8, see the page): which combinations raise.
tiny_failures, tried = {}, 0
for channels, h, w, oh, ow in itertools.product((1, 3, 4), (1, 2, 5, 9), (1, 2, 5, 10), (1, 2, 3), (1, 2, 3)):
    img = random_image(channels, h, w)
    for mode in (InterpolationMode.BILINEAR, InterpolationMode.BICUBIC, InterpolationMode.LANCZOS):
        tried += 1
        try:
            F2.resize(img, [oh, ow], mode)
        except RuntimeError as error:
            tiny_failures[channels, h, w, oh, ow, mode.name] = str(error).split(" at ")[0]
print(f"combinations tried: {tried}; raising: {len(tiny_failures)}")
print("channels, output sizes that raise:", sorted({(c, (oh, ow)) for c, h, w, oh, ow, m in tiny_failures}))
print("input heights that raise:", sorted({h for c, h, w, oh, ow, m in tiny_failures}))
print("error message:", *(f"`{message}`" for message in sorted(set(tiny_failures.values()))))
print("float32 tensor of the same kind:", tuple(F2.resize(random_image(3, 9, 10).float(), [1, 1]).shape))

# %% float_vs_pil
# Why they differ: Pillow also resizes 32-bit float images (mode "F") without rounding.
# Against those, on the five size pairs above and values 0..255, F.interpolate's antialiased
# float32 kernels differ only by float rounding (not at every size: see the one-pixel-wide exception below).
float_vs_pil = {}
for mode in ("bilinear", "bicubic", "lanczos"):
    worst = 0.0
    for index, (in_size, out_size) in enumerate(shapes):
        values = random_image(1, *in_size, seed=index)[0].float()
        pil_float = Image.fromarray(values.numpy(), mode="F").resize(out_size[::-1], resample=PIL_FILTER[InterpolationMode(mode)])
        ours = F.interpolate(values[None, None], size=out_size, mode=mode, antialias=True)[0, 0]
        worst = max(worst, (ours - torch.from_numpy(np.array(pil_float))).abs().max().item())
    float_vs_pil[mode] = worst
print("| mode | largest difference from Pillow's float image, in levels of 0..255 |")
print("|---|---:|")
for mode, worst in float_vs_pil.items():
    print(f"| `{mode}` | {worst:.1e} |")

# %% width_one
# An output one pixel wide, from every input up to 8x8 to every height 2..8: a float32 RGB
# tensor (v2, antialias by default) and a uint8 one (v2 and v1), against Pillow's float and 8-bit images.
wrong_float, worst_uint8, worst_uint8_v1 = [], 0, 0
width_one_cases = list(itertools.product(range(1, 9), range(1, 9), range(2, 9)))
for index, (h, w, oh) in enumerate(width_one_cases):
    img = random_image(3, h, w, seed=index)
    pil_float = Image.fromarray(img[0].float().numpy(), mode="F").resize((1, oh), resample=Image.Resampling.BILINEAR)
    ours = F2.resize(img.float(), [oh, 1])[0]
    if (ours - torch.from_numpy(np.array(pil_float))).abs().max() > 1e-3:
        wrong_float.append((h, w, oh, [round(v) for v in ours[:, 0].tolist()], [round(v) for v in np.array(pil_float)[:, 0]]))
    reference = from_pil(to_pil(img).resize((1, oh), resample=Image.Resampling.BILINEAR)).int()
    worst_uint8 = max(worst_uint8, (F2.resize(img, [oh, 1]).int() - reference).abs().max().item())
    worst_uint8_v1 = max(worst_uint8_v1, (F1.resize(img, [oh, 1]).int() - reference).abs().max().item())
print(f"cases: {len(width_one_cases)}; float32 tensor not within 1e-3 of Pillow: {len(wrong_float)}")
print(f"uint8 tensor, largest difference from Pillow in levels: v2 {worst_uint8}, v1 (through float32) {worst_uint8_v1}")
h, w, oh, ours, theirs = wrong_float[0]
print(f"first wrong case: {h}x{w} -> {oh}x1, tensor {ours}, Pillow {theirs}")

# %% uint8_sweep
# The uint8 paths against Pillow over a grid of input sizes 1..64 and output sizes 1..100,
# RGB and grayscale in turn; outputs one pixel wide are left to the width_one cell (and, for which
# of them raise, to the tiny one), both of them before this one in the notebook.
# v2 hands uint8 to torch's own uint8 kernels on this CPU (for bilinear not on every CPU: see the page); v1 converts to float32, resizes,
# clamps (bicubic) and rounds. Pillow resizes in two passes, one axis after the other, and
# each case is filed under the order Pillow's single call turns out to equal.
in_sizes, out_sizes = [1, 2, 3, 5, 13, 64], [1, 2, 4, 7, 31, 100]
grid = [
    (h, w, oh, ow, 3 if index % 2 else 1)
    for index, (h, w, oh, ow) in enumerate(itertools.product(in_sizes, in_sizes, out_sizes, out_sizes[1:]))
    if (h, w) != (oh, ow)
]
uint8_modes = [InterpolationMode.BILINEAR, InterpolationMode.BICUBIC, InterpolationMode.LANCZOS]
uint8_paths = {"v2 (torch's uint8 kernel)": F2.resize, "v1 (float32, then rounded)": F1.resize}


def pil_two_calls(pil, oh, ow, mode, width_first):
    """Pillow's resize as two explicit calls, one axis each, in the order asked."""
    middle = (ow, pil.height) if width_first else (pil.width, oh)
    return from_pil(pil.resize(middle, resample=PIL_FILTER[mode]).resize((ow, oh), resample=PIL_FILTER[mode])).int()


pil_order, uint8_diff = {}, {}
for index, ((h, w, oh, ow, channels), mode) in enumerate(itertools.product(grid, uint8_modes)):
    img = random_image(channels, h, w, seed=index)
    pil = to_pil(img)
    one_call = from_pil(pil.resize((ow, oh), resample=PIL_FILTER[mode])).int()
    width_first = torch.equal(one_call, pil_two_calls(pil, oh, ow, mode, width_first=True))
    height_first = torch.equal(one_call, pil_two_calls(pil, oh, ow, mode, width_first=False))
    pil_order[h, w, oh, ow, mode.name] = "either" if width_first and height_first else "width first" if width_first else "height first" if height_first else "neither"
    for path, resize in uint8_paths.items():
        try:
            uint8_diff[h, w, oh, ow, mode.name, path] = (resize(img, [oh, ow], mode).int() - one_call).abs()
        except ValueError:  # v1 has no tensor lanczos
            uint8_diff[h, w, oh, ow, mode.name, path] = None
orders = ["width first", "height first"]
print(f"{len(grid)} shapes (a shape where both orders agree counts under both); uint8 CPU kernels: {cpu_capability}\n")
print("| mode | path | Pillow's order | shapes | largest difference from PIL (levels) | channel values that differ |")
print("|---|---|---|---:|---:|---:|")
uint8_stats = {}
for mode, path, order in itertools.product(uint8_modes, uint8_paths, orders):
    diffs = [d for (h, w, oh, ow, m, p), d in uint8_diff.items() if m == mode.name and p == path and pil_order[h, w, oh, ow, m] in (order, "either")]
    if any(d is None for d in diffs):
        uint8_stats[mode.name, path, order] = ("ValueError", None, len(diffs))
    else:
        worst = max(d.max().item() for d in diffs)
        uint8_stats[mode.name, path, order] = (worst, sum((d > 0).sum().item() for d in diffs) / sum(d.numel() for d in diffs), len(diffs))
for (mode, path, order), (worst, fraction, count) in uint8_stats.items():
    print(f"| `{mode}` | {path} | {order} | {count} | {worst} | {'' if fraction is None else f'{fraction:.2%}'} |")

# %% pass_order
# Which order Pillow's single call equals, by the direction of each axis ("either": both
# orders give the same pixels), and how far torch's uint8 kernel (F.interpolate on the uint8
# tensor), bilinear and bicubic, lands from Pillow made to go width first in two calls.
def change(before, after):
    return "shrinks" if after < before else "grows" if after > before else "kept"


def direction(h, w, oh, ow):
    return f"height {change(h, oh)}, width {change(w, ow)}"


pass_order = {}
for (h, w, oh, ow, mode), order in pil_order.items():
    if mode == "BICUBIC":
        pass_order.setdefault(direction(h, w, oh, ow), []).append(order)
torch_vs_width_first = {"bilinear": 0, "bicubic": 0}
for (index, (h, w, oh, ow, channels)), mode in itertools.product(enumerate(grid), torch_vs_width_first):
    img = random_image(channels, h, w, seed=index)
    ours = F.interpolate(img[None], size=(oh, ow), mode=mode, antialias=True)[0].int()
    gap = (ours - pil_two_calls(to_pil(img), oh, ow, InterpolationMode(mode), True)).abs().max().item()
    torch_vs_width_first[mode] = max(torch_vs_width_first[mode], gap)
print("| bicubic: axes | shapes | Pillow width first | height first | either |")
print("|---|---:|---:|---:|---:|")
for axes, found in sorted(pass_order.items()):
    print(f"| {axes} | {len(found)} | {found.count('width first')} | {found.count('height first')} | {found.count('either')} |")
print()
for mode, gap in torch_vs_width_first.items():
    print(f"torch's uint8 {mode} against Pillow made to go width first, largest difference in levels: {gap}")

# %% rgba
# A 4-channel image becomes an RGBA PIL image, and Pillow's BILINEAR weights colours by their
# alpha; a tensor knows no alpha. The same uint8 kernel, 9x10 -> 4x5, alpha a ramp 0..89:
rgba = random_image(4, 9, 10)
rgba[3] = torch.arange(90, dtype=torch.uint8).view(9, 10)
rgba_worst = (F2.resize(rgba, [4, 5]).int() - from_pil(to_pil(rgba).resize((5, 4), resample=Image.Resampling.BILINEAR)).int()).abs().max().item()
print(f"PIL mode {to_pil(rgba).mode}: largest difference from the tensor, bilinear, in levels: {rgba_worst}")

# %% equivalences
# The F.interpolate call that each Resize setting equals, checked bit for bit on a
# float32 (3, 37, 50) image resized to 20x23 (shrinking) and 80x101 (enlarging).
x = random_image(3, 37, 50).float()
equivalences = {
    "v2.Resize((h, w))": (T2.Resize, {}, dict(mode="bilinear", align_corners=False, antialias=True)),
    "v2.Resize((h, w), antialias=False)": (T2.Resize, dict(antialias=False), dict(mode="bilinear", align_corners=False, antialias=False)),
    "v2.Resize((h, w), antialias=None)": (T2.Resize, dict(antialias=None), dict(mode="bilinear", align_corners=False, antialias=False)),
    "v2.Resize((h, w), BICUBIC)": (T2.Resize, dict(interpolation=InterpolationMode.BICUBIC), dict(mode="bicubic", align_corners=False, antialias=True)),
    "v2.Resize((h, w), NEAREST)": (T2.Resize, dict(interpolation=InterpolationMode.NEAREST), dict(mode="nearest")),
    "v2.Resize((h, w), NEAREST_EXACT)": (T2.Resize, dict(interpolation=InterpolationMode.NEAREST_EXACT), dict(mode="nearest-exact")),
    "v2.Resize((h, w), LANCZOS)": (T2.Resize, dict(interpolation=InterpolationMode.LANCZOS), dict(mode="lanczos", align_corners=False, antialias=True)),
    "transforms.Resize((h, w))": (T1.Resize, {}, dict(mode="bilinear", align_corners=False, antialias=True)),
    "transforms.Resize((h, w), BICUBIC)": (T1.Resize, dict(interpolation=InterpolationMode.BICUBIC), dict(mode="bicubic", align_corners=False, antialias=True)),
}
equivalence_diff = {}
for name, (cls, kwargs, call) in equivalences.items():
    worst = 0.0
    for size in ((20, 23), (80, 101)):
        ours = cls(size, **kwargs)(x)
        worst = max(worst, (ours - F.interpolate(x[None], size=size, **call)[0]).abs().max().item())
    equivalence_diff[name] = worst
print("| Resize setting (float tensor) | equals `F.interpolate(x[None], size=(h, w), ...)[0]` with | largest difference |")
print("|---|---|---:|")
for name, (_, _, call) in equivalences.items():
    arguments = ", ".join(f"{k}={v!r}" for k, v in call.items())
    print(f"| `{name}` | `{arguments}` | {equivalence_diff[name]:.1e} |")

# %% shorter_edge
# Resize(224) sets the shorter edge to 224 and the longer edge to int(224 * long / short):
# truncated, not rounded. Over a grid of (short, long) pairs, short from 100 to 600 in steps of 7 and long
# from short to twice short in steps of 5, how often truncation gives one pixel less than rounding would.
def resized_shape(height, width, size):
    return tuple(T2.Resize(size)(torch.empty(0, height, width)).shape[-2:])


pairs = [(short, long) for short in range(100, 601, 7) for long in range(short, 2 * short + 1, 5)]
long_edge = {pair: resized_shape(*pair, 224)[1] for pair in pairs}
truncated = [pair for pair in pairs if long_edge[pair] != round(224 * pair[1] / pair[0])]
print(f"(short, long) pairs tried: {len(pairs)}; the long edge is one pixel shorter than rounding gives in {len(truncated)}")
photo = (375, 500)  # a 4:3 landscape photo, height x width
print(f"Resize(224) on a {photo[0]}x{photo[1]} image -> {resized_shape(*photo, 224)}"
      f" (224 * {photo[1]} / {photo[0]} = {224 * photo[1] / photo[0]:.3f})")
print(f"Resize((224, 224)) on the same image -> {resized_shape(*photo, (224, 224))}")
print(f"Resize(224) on a {photo[1]}x{photo[0]} (portrait) image -> {resized_shape(photo[1], photo[0], 224)}")
print(f"Resize(224, max_size=256) on a 300x900 image -> {tuple(T2.Resize(224, max_size=256)(torch.empty(0, 300, 900)).shape[-2:])}")

# %% same_size
# When the size asked for is the size a (C, H, W) tensor has, Resize with its default BILINEAR returns its input: the same object, not a copy.
img = random_image(3, 8, 8).float()
same_object = {name: fn(img, [8, 8]) is img for name, fn in (("v1 functional.resize", F1.resize), ("v2 functional.resize", F2.resize))}
for name, same in same_object.items():
    print(f"{name} to its own size returns the input object itself: {same}")

# %% lanczos
# LANCZOS on a tensor: v1 passes it to F.interpolate without antialias, v2 with it; then v2
# on the build device (torch documents mode="lanczos" as CPU only) and v2 with antialias=False.
img = random_image(3, 37, 50)
lanczos_results = {}
for label, call in (
    ("v1 functional.resize, CPU", lambda: F1.resize(img, [20, 23], InterpolationMode.LANCZOS)),
    ("v2 functional.resize, CPU", lambda: F2.resize(img, [20, 23], InterpolationMode.LANCZOS)),
    (f"v2 functional.resize, {device.type}", lambda: F2.resize(img.to(device).float(), [20, 23], InterpolationMode.LANCZOS)),
    ("v2 functional.resize, antialias=False", lambda: F2.resize(img, [20, 23], InterpolationMode.LANCZOS, antialias=False)),
):
    try:
        call()
        lanczos_results[label] = "works"
        print(f"{label}: works")
    except Exception as error:  # the message is torch's or torchvision's, whatever its type
        lanczos_results[label] = f"{type(error).__name__}: {str(error).splitlines()[0]}"
        print(f"{label}: `{lanczos_results[label]}`")
print(f"torch accepts mode='lanczos' on {device.type}: {lanczos_works(device)}")

# %% v1_v2
# Where the old and the new API part ways, each row computed: the same call through
# v1 and v2 functional.resize.
def outcome(call):
    try:
        out = call()
        return f"{str(out.dtype).replace('torch.', '')} output, shape {tuple(out.shape)}"
    except Exception as error:  # the message is torchvision's or torch's, whatever its type
        return f"{type(error).__name__}"


u8 = random_image(3, 37, 50)
v1_v2_rows = {
    "uint8 tensor, bilinear": [lambda fn=fn: fn(u8, [20, 23]) for fn in (F1.resize, F2.resize)],
    "uint8 tensor, bicubic": [lambda fn=fn: fn(u8, [20, 23], InterpolationMode.BICUBIC) for fn in (F1.resize, F2.resize)],
    "5-D tensor (2, 4, 3, 37, 50)": [lambda fn=fn: fn(u8.float().expand(2, 4, 3, 37, 50), [20, 23]) for fn in (F1.resize, F2.resize)],
    'interpolation="bilinear" (a string)': [lambda fn=fn: fn(u8.float(), [20, 23], "bilinear") for fn in (F1.resize, F2.resize)],
    "size=None, max_size=40": [lambda fn=fn: fn(u8.float(), None, max_size=40) for fn in (F1.resize, F2.resize)],
    "LANCZOS tensor": [lambda fn=fn: fn(u8, [20, 23], InterpolationMode.LANCZOS) for fn in (F1.resize, F2.resize)],
}
v1_v2 = {row: [outcome(call) for call in calls] for row, calls in v1_v2_rows.items()}
# Shrinking, and bicubic shrinking a little or enlarging: its overshoot the uint8 kernel clamps between its passes.
uint8_v1_v2_diff = {
    (mode.name, size): (F1.resize(u8, list(size), mode).int() - F2.resize(u8, list(size), mode).int()).abs().max().item()
    for mode, size in ((InterpolationMode.BILINEAR, (20, 23)), (InterpolationMode.BICUBIC, (20, 23)), (InterpolationMode.BICUBIC, (35, 48)), (InterpolationMode.BICUBIC, (93, 125)))
}
print("| input | v1 `functional.resize` | v2 `functional.resize` |")
print("|---|---|---|")
for row, (v1, v2) in v1_v2.items():
    print(f"| {row} | {v1} | {v2} |")
print()
print("| uint8 tensor, mode | largest difference between v1 and v2 (levels) |")
print("|---|---:|")
for (mode, (oh, ow)), diff in uint8_v1_v2_diff.items():
    print(f"| `{mode}`, 37×50 → {oh}×{ow} | {diff} |")
