"""dtype and memory format.

What ``F.interpolate`` does with 8-bit images (which modes accept them, how results are
rounded and clipped), whether a channels_last input gives the same values and keeps its
memory format, and how much precision float16 and bfloat16 lose compared with float64.
Every table is measured on the CPU; those with a "device" column also on the GPU when there is one.
"""

# %% setup
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from _settings import INTERPOLATE_SETTINGS, LANCZOS  # shared with other pages (shown above)
from matplotlib.cbook import get_sample_data

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# Every setting is tried; the tables show where one fails.
MODES = {**INTERPOLATE_SETTINGS, **LANCZOS}
FAILURES = (RuntimeError, NotImplementedError, ValueError)
# The CPU is always measured, so that what the page says about it is shown on any build;
# the GPU too when there is one.
places = list(dict.fromkeys(["cpu", device.type]))


def short(error):
    return f"{type(error).__name__}: {str(error).splitlines()[0]}"


# %% dtype_support
# Try every mode on the five dtypes of images and mixed precision (a 2x downscale of a 3-channel image) and keep the error.
# lanczos is also tried without antialias, the default.
dtypes = [torch.uint8, torch.float16, torch.bfloat16, torch.float32, torch.float64]
TRIED = {**MODES, "lanczos": dict(mode="lanczos", align_corners=False)}
support = {}
for where in places:
    for name, kwargs in TRIED.items():
        for dtype in dtypes:
            try:
                F.interpolate(torch.zeros(1, 3, 8, 8, dtype=dtype, device=where), size=(4, 4), **kwargs)
                support[where, name, dtype] = "yes"
            except FAILURES as error:
                support[where, name, dtype] = short(error)
print("| device | mode | " + " | ".join(str(d).removeprefix("torch.") for d in dtypes) + " |")
print("|---|---|" + "---|" * len(dtypes))
for where in places:
    for name in TRIED:
        cells = [support[where, name, d] if support[where, name, d] == "yes" else f"`{support[where, name, d]}`" for d in dtypes]
        print(f"| {where} | `{name}` | " + " | ".join(cells) + " |")

# %% saturation
# A hard edge from 0 to 255, enlarged 4x with bicubic: the float result overshoots on
# both sides of the edge; the uint8 result cannot, so it is clipped to 0..255. uint8
# bicubic has a CPU kernel only, so that line always runs on the CPU.
edge = torch.tensor([0] * 4 + [255] * 4, dtype=torch.uint8).view(1, 1, 1, 8).expand(1, 1, 4, 8).contiguous()
edge_float = F.interpolate(edge.float().to(device), scale_factor=4, mode="bicubic")[0, 0, 0].cpu()
edge_uint8 = F.interpolate(edge, scale_factor=4, mode="bicubic")[0, 0, 0]
print(f"float32 input ({device}):", [round(v, 1) for v in edge_float[8:24].tolist()])
print("uint8 input (cpu):    ", edge_uint8[8:24].tolist())
print(f"float32 range: {edge_float.min().item():.1f} .. {edge_float.max().item():.1f}")

# %% rounding
# A crop of the photo as 8-bit RGB, enlarged 2x and reduced 2x. Each uint8 result is compared with
# two models: the float32 result rounded and clipped once at the end, and a two-pass model
# (resize the width in float32, round and clip to 0..255, then resize the height, round and clip).
# Only the CPU has uint8 kernels for the interpolating modes (CUDA's stop at nearest and nearest-exact),
# so this runs on the CPU on any build.
with get_sample_data("grace_hopper.jpg") as file:
    # 128x128 of the photo: the cap with its badge, and the forehead below it
    photo = torch.from_numpy(plt.imread(file).copy())[40:168, 192:320]
image = photo.permute(2, 0, 1)[None].contiguous()  # 1 x 3 x 128 x 128, uint8, on the CPU


def to_uint8(x):
    return x.round().clamp(0, 255)


def two_pass(x, size, **kwargs):
    wide = to_uint8(F.interpolate(x.float(), size=(x.shape[2], size[1]), **kwargs))
    return to_uint8(F.interpolate(wide, size=size, **kwargs))


rounding = {}
print("| mode | size | uint8 output vs float32 rounded once: max (levels) | channel values that differ | uint8 output vs two-pass model: max (levels) | float32 output range |")
print("|---|---|---:|---:|---:|---|")
for name, kwargs in MODES.items():
    if support["cpu", name, torch.uint8] != "yes":
        continue
    for size in ((256, 256), (64, 64)):
        out = F.interpolate(image, size=size, **kwargs).float()
        as_float = F.interpolate(image.float(), size=size, **kwargs)
        once = (out - to_uint8(as_float)).abs()
        passes = (out - two_pass(image, size, **kwargs)).abs()
        rounding[name, size] = (once.max().item(), (once > 0).float().mean().item(), passes.max().item())
        print(
            f"| `{name}` | {size[0]}x{size[1]} | {once.max().item():.0f} | {(once > 0).float().mean().item():.1%} | "
            f"{passes.max().item():.0f} | {as_float.min().item():.1f} .. {as_float.max().item():.1f} |"
        )

# %% channels_last
# The same input in both memory formats: the largest difference between the two outputs
# over a sweep of sizes (square and not, odd and even, up and down, down to 1x1), and the
# memory format the output comes back in. Batch of 2; 3 channels (an image) and 32 (a
# feature map). Floats are drawn in [0, 1) in float32 (rounding to bfloat16 takes some of them to 1),
# uint8 in 0..254 (255 times a float in [0, 1), truncated).
LAYOUT_SIZES = [((24, 24), (48, 48)), ((24, 24), (12, 12)), ((24, 24), (7, 7)), ((37, 53), (61, 97)),
                ((37, 53), (13, 11)), ((2, 3), (5, 7)), ((3, 3), (1, 1)), ((1, 1), (3, 3))]
cases = {"float32, C=3": (torch.float32, 3), "float32, C=32": (torch.float32, 32),
         "bfloat16, C=32": (torch.bfloat16, 32), "uint8, C=3": (torch.uint8, 3), "uint8, C=32": (torch.uint8, 32)}


def describe(sizes):
    return ", ".join(f"{a[0]}x{a[1]}→{b[0]}x{b[1]}" for a, b in sizes)


memory = {}  # (device, mode, case) -> (largest difference, sizes where it differs, sizes whose output is not channels_last, failures)
print("| device | mode | " + " | ".join(cases) + " |")
print("|---|---|" + "---|" * len(cases))
for where, (name, kwargs) in ((where, item) for where in places for item in MODES.items()):
    cells = []
    for case, (dtype, channels) in cases.items():
        top, differ, lost, failed = 0.0, [], [], {}
        for size_in, size_out in LAYOUT_SIZES:
            x = torch.rand(2, channels, *size_in, device=where)
            x = (x * 255).to(dtype) if dtype == torch.uint8 else x.to(dtype)
            outputs, errors = {}, {}
            for layout, tensor in (("contiguous", x), ("channels_last", x.contiguous(memory_format=torch.channels_last))):
                try:
                    outputs[layout] = F.interpolate(tensor, size=size_out, **kwargs)
                except FAILURES as error:
                    errors[layout] = type(error).__name__
            if errors:
                failed[size_in, size_out] = next(iter(errors.values())) + ("" if len(errors) == 2 else f" ({', '.join(errors)} input only)")
                continue
            plain, last = outputs["contiguous"], outputs["channels_last"]
            difference = (plain.double() - last.double()).abs().max().item()
            top = max(top, difference)
            differ += [(size_in, size_out)] if difference else []
            lost += [] if last.is_contiguous(memory_format=torch.channels_last) else [(size_in, size_out)]
        memory[where, name, case] = (top, differ, lost, failed)
        if len(failed) == len(LAYOUT_SIZES):
            cells.append(f"`{next(iter(failed.values()))}`")
            continue
        text = "equal" if not differ else f"max {top:.1e} ({describe(differ)})"
        text += "" if not lost else f"; not channels_last: {describe(lost)}"
        text += "".join(f"; `{error}` at {describe([sizes])}" for sizes, error in failed.items())
        cells.append(text)
    print(f"| {where} | `{name}` | " + " | ".join(cells) + " |")
one = torch.rand(2, 3, 1, 1).contiguous(memory_format=torch.channels_last)
print(f"\nA 2x3x1x1 tensor in channels_last is also contiguous: {one.is_contiguous()}; "
      f"torch suggests the format {torch._prims_common.suggest_memory_format(one)} for it.")
# Made with .to(memory_format=...) instead, or by F.adaptive_avg_pool2d of a channels_last map, the
# same 1x1 map gets channels_last strides, and the output keeps the format.
for how, tensor in (
    (".contiguous(memory_format=torch.channels_last)", one),
    (".to(memory_format=torch.channels_last)", torch.ones(2, 3, 1, 1).to(memory_format=torch.channels_last)),
    ("F.adaptive_avg_pool2d(channels_last 2x3x8x8, 1)", F.adaptive_avg_pool2d(torch.ones(2, 3, 8, 8).contiguous(memory_format=torch.channels_last), 1)),
):
    out = F.interpolate(tensor, size=(4, 4), mode="bilinear")
    strides, flag = tensor.stride(), out.is_contiguous(memory_format=torch.channels_last)
    print(f"2x3x1x1 from {how}: strides {strides}, output channels_last: {flag}")

# %% precision
# A random 3 x 32 x 32 image in [0, 1], resized in each dtype by whole factors (up 2x, down 2x)
# and by non-integer ones (32 -> 45 and 32 -> 13). The reference is float64 all the way.
# "Kernel" error compares with the float64 result of the same rounded input, so it leaves
# out the rounding of the input itself; it is given in units of the dtype's machine epsilon.
# The image has its own seeded generator, so it does not depend on what earlier cells drew.
x64 = torch.rand(1, 3, 32, 32, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
half_types = [torch.float32, torch.float16, torch.bfloat16]
FACTORS = {"whole": ((64, 64), (16, 16)), "non-integer": ((45, 45), (13, 13))}
precision = {}  # (device, mode, dtype) -> (total error, kernel error), over all sizes
kernel_by_factor = {}  # (device, mode, dtype, "whole" or "non-integer") -> kernel error
print("| device | mode | " + " | ".join(f"{str(d).removeprefix('torch.')} max error (kernel)" for d in half_types) + " |")
print("|---|---|" + "---:|" * len(half_types))
for where, (name, kwargs) in ((where, item) for where in places for item in MODES.items()):
    cells = []
    for dtype in half_types:
        total = 0.0
        try:
            for factor, sizes in FACTORS.items():
                kernel = 0.0
                for size in sizes:
                    rounded = x64.to(where, dtype)
                    out = F.interpolate(rounded, size=size, **kwargs).double()
                    total = max(total, (out - F.interpolate(x64.to(where), size=size, **kwargs)).abs().max().item())
                    kernel = max(kernel, (out - F.interpolate(rounded.double(), size=size, **kwargs)).abs().max().item())
                kernel_by_factor[where, name, dtype, factor] = kernel
            kernel = max(kernel_by_factor[where, name, dtype, factor] for factor in FACTORS)
            precision[where, name, dtype] = (total, kernel)
            cells.append(f"{total:.1e} ({kernel / torch.finfo(dtype).eps:.2f} eps)")
        except FAILURES as error:
            cells.append(f"`{type(error).__name__}`")
    print(f"| {where} | `{name}` | " + " | ".join(cells) + " |")
print()
for where in places:
    for dtype in half_types:
        eps = torch.finfo(dtype).eps
        worst = {factor: max((k for (w, n, d, f), k in kernel_by_factor.items() if (w, d, f) == (where, dtype, factor)), default=float("nan")) / eps
                 for factor in FACTORS}
        print(f"- {where}, {str(dtype).removeprefix('torch.')}: eps = {eps:.1e}; largest kernel error = "
              f"{worst['whole']:.2f} eps at whole factors, {worst['non-integer']:.2f} eps at non-integer factors")
# bfloat16's largest error over float16's, mode by mode (modes where both dtypes ran).
bf16_over_fp16 = {(w, n): t / precision[w, n, torch.float16][0] for (w, n, d), (t, k) in precision.items()
                  if d == torch.bfloat16 and (w, n, torch.float16) in precision}
for where in places:
    ratios = [r for (w, n), r in bf16_over_fp16.items() if w == where]
    low, high = min(ratios), max(ratios)
    print(f"- {where}: bfloat16's largest error is {low:.1f} to {high:.1f} times float16's, by mode")

# %% autocast
# Mixed precision: what comes out of F.interpolate under torch.autocast, for float32
# input and for input already in the autocast dtype. The CPU's autocast uses bfloat16,
# CUDA's float16; the GPU rows appear when there is one. area is adaptive average
# pooling, a different operator from the upsampling kernels, in 4-D and in 5-D.
AUTOCAST_CASES = {  # column -> (input rank, F.interpolate arguments)
    "`bilinear`": (4, MODES["bilinear"]),
    "`bilinear, antialias`": (4, MODES["bilinear, antialias"]),
    "`area`": (4, MODES["area"]),
    "`area`, 5-D": (5, MODES["area"]),
}
autocast = {}
print("| device | autocast dtype | input | " + " | ".join(AUTOCAST_CASES) + " |")
print("|---|---|---|" + "---|" * len(AUTOCAST_CASES))
for where, low in dict.fromkeys([("cpu", torch.bfloat16), (device.type, torch.float16 if device.type == "cuda" else torch.bfloat16)]):
    for dtype in (torch.float32, low):
        cells = []
        for column, (rank, kwargs) in AUTOCAST_CASES.items():
            x = torch.rand((1, 3) + (8,) * (rank - 2), device=where, dtype=dtype)
            try:
                with torch.autocast(where, dtype=low):
                    autocast[where, dtype, column] = str(F.interpolate(x, scale_factor=0.5, **kwargs).dtype).removeprefix("torch.")
            except FAILURES as error:
                autocast[where, dtype, column] = short(error)
            cells.append(autocast[where, dtype, column] if "Error" not in autocast[where, dtype, column] else f"`{autocast[where, dtype, column]}`")
        print(f"| {where} | {str(low).removeprefix('torch.')} | {str(dtype).removeprefix('torch.')} | " + " | ".join(cells) + " |")
# What the installed torch's documentation of F.interpolate says about float16 gradients.
gradient_note = " ".join(next(n for n in F.interpolate.__doc__.split(".. note::") if "float16" in n).split("Note:")[0].split())
# Quoted as code, without its reST backticks: the words are torch's, in every language.
print(f"\nF.interpolate docstring: `{gradient_note.replace('`', '')}`")
