"""dtype and memory format.

What ``F.interpolate`` does with 8-bit images (which modes accept them, how results are
rounded and clipped), whether a channels_last input gives the same values and keeps its
memory format, and how much precision float16 and bfloat16 lose compared with float64.
Every table is measured on the device that builds the page.
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


def short(error):
    return f"{type(error).__name__}: {str(error).splitlines()[0]}"


# %% dtype_support
# Try every mode on every dtype (a 2x downscale of a 3-channel image) and keep the error.
dtypes = [torch.uint8, torch.float16, torch.bfloat16, torch.float32, torch.float64]
support = {}
for name, kwargs in MODES.items():
    for dtype in dtypes:
        try:
            F.interpolate(torch.zeros(1, 3, 8, 8, dtype=dtype, device=device), size=(4, 4), **kwargs)
            support[name, dtype] = "yes"
        except FAILURES as error:
            support[name, dtype] = short(error)
print("| mode | " + " | ".join(str(d).removeprefix("torch.") for d in dtypes) + " |")
print("|---|" + "---|" * len(dtypes))
for name in MODES:
    print(f"| `{name}` | " + " | ".join(support[name, d] if support[name, d] == "yes" else f"`{support[name, d]}`" for d in dtypes) + " |")

# %% saturation
# A hard edge from 0 to 255, enlarged 4x with bicubic: the float result overshoots on
# both sides of the edge; the uint8 result cannot, so it is clipped to 0..255.
edge = torch.tensor([0] * 4 + [255] * 4, dtype=torch.uint8, device=device).view(1, 1, 1, 8).expand(1, 1, 4, 8).contiguous()
edge_float = F.interpolate(edge.float(), scale_factor=4, mode="bicubic")[0, 0, 0]
print("float32 input:", [round(v, 1) for v in edge_float[8:24].tolist()])
try:
    edge_uint8 = F.interpolate(edge, scale_factor=4, mode="bicubic")[0, 0, 0]
    print("uint8 input:  ", edge_uint8[8:24].tolist())
except FAILURES as error:
    edge_uint8 = None
    print("uint8 input:  ", short(error))
print(f"float32 range: {edge_float.min().item():.1f} .. {edge_float.max().item():.1f}")

# %% rounding
# A crop of the photo as 8-bit RGB, enlarged 2x and reduced 2x. Each uint8 result is compared with
# two models: the float32 result rounded and clipped once at the end, and a two-pass model
# (resize the width in float32, round and clip to 0..255, then resize the height, round and clip).
with get_sample_data("grace_hopper.jpg") as file:
    photo = torch.from_numpy(plt.imread(file).copy())[40:168, 192:320]  # the face, 128x128
image = photo.permute(2, 0, 1)[None].contiguous().to(device)  # 1 x 3 x 128 x 128, uint8


def to_uint8(x):
    return x.round().clamp(0, 255)


def two_pass(x, size, **kwargs):
    wide = to_uint8(F.interpolate(x.float(), size=(x.shape[2], size[1]), **kwargs))
    return to_uint8(F.interpolate(wide, size=size, **kwargs))


rounding = {}
print("| mode | size | uint8 output vs float32 rounded once: max (levels) | pixels that differ | uint8 output vs two-pass model: max (levels) | float32 output range |")
print("|---|---|---:|---:|---:|---|")
for name, kwargs in MODES.items():
    if support[name, torch.uint8] != "yes":
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
# The same input in both memory formats: are the values bitwise equal, and which memory
# format does the output have? Batch of 2; 3 channels (an image) and 32 (a feature map).
cases = {"float32, C=3": (torch.float32, 3), "uint8, C=3": (torch.uint8, 3), "float32, C=32": (torch.float32, 32)}
memory = {}
print("| mode | " + " | ".join(cases) + " |")
print("|---|" + "---|" * len(cases))
for name, kwargs in MODES.items():
    cells = []
    for case, (dtype, channels) in cases.items():
        x = (torch.rand(2, channels, 24, 24, device=device) * 255).to(dtype)
        try:
            results = []
            for size in ((48, 48), (12, 12)):
                plain = F.interpolate(x, size=size, **kwargs)
                last = F.interpolate(x.contiguous(memory_format=torch.channels_last), size=size, **kwargs)
                results.append((torch.equal(plain, last), last.is_contiguous(memory_format=torch.channels_last), last.is_contiguous()))
            equal = all(r[0] for r in results)
            layout = "channels_last" if all(r[1] for r in results) else "contiguous" if all(r[2] for r in results) else "mixed"
            memory[name, case] = (equal, layout)
            cells.append(f"{'equal' if equal else 'differs'}, {layout}")
        except FAILURES as error:
            cells.append(f"`{type(error).__name__}`")
    print(f"| `{name}` | " + " | ".join(cells) + " |")

# %% precision
# A random 3 x 32 x 32 image in [0, 1], resized up 2x and down 2x in each dtype. The
# reference is float64 all the way. "Kernel" error compares with the float64 result of
# the same rounded input, so it leaves out the rounding of the input itself.
x64 = torch.rand(1, 3, 32, 32, dtype=torch.float64, device=device)
half_types = [torch.float32, torch.float16, torch.bfloat16]
precision = {}
print("| mode | " + " | ".join(f"{str(d).removeprefix('torch.')} max error" for d in half_types) + " |")
print("|---|" + "---:|" * len(half_types))
for name, kwargs in MODES.items():
    cells = []
    for dtype in half_types:
        total = kernel = 0.0
        try:
            for size in ((64, 64), (16, 16)):
                rounded = x64.to(dtype)
                out = F.interpolate(rounded, size=size, **kwargs).double()
                total = max(total, (out - F.interpolate(x64, size=size, **kwargs)).abs().max().item())
                kernel = max(kernel, (out - F.interpolate(rounded.double(), size=size, **kwargs)).abs().max().item())
            precision[name, dtype] = (total, kernel)
            cells.append(f"{total:.1e}")
        except FAILURES as error:
            cells.append(f"`{type(error).__name__}`")
    print(f"| `{name}` | " + " | ".join(cells) + " |")
print()
for dtype in half_types:
    eps = torch.finfo(dtype).eps
    worst = max((k for (n, d), (t, k) in precision.items() if d == dtype), default=float("nan"))
    print(f"- {str(dtype).removeprefix('torch.')}: eps = {eps:.1e}; largest kernel error = {worst / eps:.2f} eps")
