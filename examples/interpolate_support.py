"""Which modes work where.

``F.interpolate`` accepts some combinations of ``mode``, input rank, ``align_corners`` and
``antialias`` and rejects the others with an error. No table here is typed from the
documentation: the script starts from the seven modes that every recent release documents (the
installed torch's docstring may list more, such as ``lanczos``), adds any mode that torch's
error for an unknown mode names, keeps those the installed torch accepts in at least one
combination, tries every combination upwards and, where torch accepts that, downwards, and
prints what torch answered.
"""

# %% setup
import itertools
import re

import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% modes
# The seven modes every recent release documents (a newer torch's docstring can list more, such as lanczos), plus
# any mode that torch's own error for an unknown mode names (that is how a newer mode shows up without being assumed).
documented = ["nearest", "nearest-exact", "linear", "bilinear", "bicubic", "trilinear", "area"]
try:
    F.interpolate(torch.zeros(1, 1, 4, 4, device=device), scale_factor=2, mode="no-such-mode")
    named = []
except Exception as error:  # the message is torch's, whatever its type
    listed = re.search(r"for the modes: (.*?) \(got", str(error))
    named = [m.strip() for m in listed.group(1).split("|")] if listed else []
print("modes named by torch's error for an unknown mode:", ", ".join(named) or "(none found)")
candidates = documented + [m for m in named if m not in documented]

ranks = {3: "3-D (N,C,L)", 4: "4-D (N,C,H,W)", 5: "5-D (N,C,D,H,W)"}
aligns = [None, False, True]
antialiases = [False, True]


def attempt(mode, rank, align_corners, antialias):
    """None if torch accepts the call (enlarging 6 -> 12 and shrinking 6 -> 3), else its error."""
    x = torch.rand((1, 2) + (6,) * (rank - 2), device=device)
    for scale in (2.0, 0.5):
        try:
            F.interpolate(x, scale_factor=scale, mode=mode, align_corners=align_corners, antialias=antialias)
        except Exception as error:  # any rejection is a result to show, not a failure of the script
            return f"{type(error).__name__}: {error}"
    return None


results = {
    (mode, rank, align, aa): attempt(mode, rank, align, aa)
    for mode, rank, align, aa in itertools.product(candidates, ranks, aligns, antialiases)
}
# A mode is on this page only if the installed torch accepts at least one combination.
modes = [m for m in candidates if any(results[m, r, a, aa] is None for r in ranks for a in aligns for aa in antialiases)]
print("modes accepted in at least one combination:", ", ".join(modes))
print(f"combinations tried: {len(results)}, accepted: {sum(r is None for r in results.values())}")

# %% defaults_table
# The plain call, F.interpolate(x, scale_factor=s, mode=m), for each input rank.
def md_escape(text):
    """An error message as code in a Markdown table cell: quoted output, kept verbatim in every language."""
    return "`" + " ".join(text.split()).replace("|", r"\|") + "`"


print("| mode | " + " | ".join(ranks.values()) + " |")
print("|---|" + "---|" * len(ranks))
for mode in modes:
    cells = [results[mode, rank, None, False] for rank in ranks]
    print(f"| `{mode}` | " + " | ".join("supported" if c is None else md_escape(c) for c in cells) + " |")

# %% full_matrix
# Every combination. Errors get short codes; the legend below gives torch's exact words.
messages = sorted({r for r in results.values() if r is not None}, key=lambda m: list(results.values()).index(m))
codes = {message: f"E{i}" for i, message in enumerate(messages, start=1)}
columns = [(rank, aa) for aa in antialiases for rank in ranks]
header = [f"{rank}-D" + (", antialias" if aa else "") for rank, aa in columns]
print("| mode | align_corners | " + " | ".join(header) + " |")
print("|---|---|" + "---|" * len(columns))
for mode, align in itertools.product(modes, aligns):
    cells = [results[mode, rank, align, aa] for rank, aa in columns]
    print(f"| `{mode}` | {align} | " + " | ".join("✓" if c is None else codes[c] for c in cells) + " |")

# %% legend
print("| code | cells | exception and message, exactly as torch raised it |")
print("|---|---:|---|")
for message, code in codes.items():
    count = sum(r == message for (m, *_), r in results.items() if m in modes)
    print(f"| {code} | {count} | {md_escape(message)} |")

# %% summary
# What the matrix says per mode, read off the results rather than typed.
print("| mode | input ranks | align_corners values accepted | antialias=True accepted on |")
print("|---|---|---|---|")
for mode in modes:
    ok = [k for k in results if k[0] == mode and results[k] is None]
    rank_list = ", ".join(f"{r}-D" for r in ranks if any(k[1] == r for k in ok)) or "none"
    align_ok = ", ".join(str(a) for a in aligns if any(k[2] is a for k in ok))
    align_ok = "only None (unset)" if align_ok == "None" else align_ok
    aa_ranks = ", ".join(f"{r}-D" for r in ranks if any(k[1] == r and k[3] for k in ok))
    print(f"| `{mode}` | {rank_list} | {align_ok} | {aa_ranks or 'no input'} |")

# %% antialias_enlarging
# antialias=True against the plain call when enlarging (both axes grow): the largest difference
# over input heights 1..12 and output heights 13, 16, ..., 40 (widths one and two more), random float64 values.
enlarge_diff = {}
for mode, align in itertools.product(("bilinear", "bicubic"), (False, True)):
    worst = 0.0
    for n_in, n_out in itertools.product(range(1, 13), range(13, 41, 3)):
        x = torch.randn(1, 1, n_in, n_in + 1, dtype=torch.float64, device=device)
        pair = [F.interpolate(x, size=(n_out, n_out + 2), mode=mode, align_corners=align, antialias=aa) for aa in (False, True)]
        worst = max(worst, (pair[1] - pair[0]).abs().max().item())
    enlarge_diff[mode, align] = worst
print("| mode | align_corners | largest difference, antialias vs plain |")
print("|---|---|---:|")
for (mode, align), worst in enlarge_diff.items():
    print(f"| `{mode}` | {align} | {worst:.1e} |")

# %% antialias_align_corners
# With align_corners=True the antialiased kernel takes the scale (in - 1)/(out - 1) but
# still centres output pixels at (d + 0.5) * scale: a ramp 0..4 enlarged to 9 samples.
ramp = torch.arange(5.0, dtype=torch.float64, device=device).view(1, 1, 1, -1)
for aa in (False, True):
    row = F.interpolate(ramp, size=(1, 9), mode="bilinear", align_corners=True, antialias=aa)[0, 0, 0]
    print(f"antialias={aa!s:5}  {[round(v, 4) for v in row.tolist()]}")

# %% antialias_weights
# What antialias=True computes, read off the kernel: shrink 12 identity rows to 4 pixels,
# so output pixel i's row holds the weight of every input pixel.
def weight_rows(n_in, n_out=None, scale_factor=None, **kwargs):
    identity = torch.eye(n_in, dtype=torch.float64, device=device).view(n_in, 1, 1, n_in)
    resize = dict(scale_factor=(1.0, scale_factor)) if scale_factor else dict(size=(1, n_out))
    return F.interpolate(identity, **resize, **kwargs)[:, 0, 0, :].T.cpu()


for label, kwargs in (
    ("bilinear", dict(mode="bilinear")),
    ("bilinear, antialias", dict(mode="bilinear", antialias=True)),
    ("bicubic, antialias", dict(mode="bicubic", antialias=True)),
):
    print(f"{label:20s} output pixel 1: {[round(w, 4) for w in weight_rows(12, 4, **kwargs)[1].tolist()]}")
# Shrinking 7 pixels to 3 with align_corners=False, the stretch is in/out given size, 1/scale_factor given
# scale_factor, in/out again once recompute_scale_factor=True has turned the factor into a size.
for label, resize in (("size=3", dict(n_out=3)), ("scale_factor=0.5", dict(scale_factor=0.5)),
                      ("scale_factor=0.5, recompute_scale_factor=True", dict(scale_factor=0.5, recompute_scale_factor=True))):
    print(f"bilinear, antialias, 7 px, {label} output pixel 1: {[round(w, 4) for w in weight_rows(7, mode='bilinear', antialias=True, **resize)[1].tolist()]}")

# %% dtypes
# Which dtypes each kernel takes, shrinking 8x8 -> 4x4 on the device that built this page.
dtypes = [torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.uint8]
kernels = {"bilinear": {}, "bilinear, antialias": {"antialias": True}, "bicubic": {}, "bicubic, antialias": {"antialias": True}}
dtype_support = {}
for dtype, (name, extra) in itertools.product(dtypes, kernels.items()):
    try:
        F.interpolate(torch.ones(1, 1, 8, 8, device=device).to(dtype), size=(4, 4), mode=name.split(",")[0], **extra)
        dtype_support[str(dtype), name] = "✓"
    except (RuntimeError, NotImplementedError) as error:
        dtype_support[str(dtype), name] = type(error).__name__
print(f"| dtype on {device.type} | " + " | ".join(kernels) + " |")
print("|---|" + "---|" * len(kernels))
for dtype in dtypes:
    print(f"| `{str(dtype).replace('torch.', '')}` | " + " | ".join(dtype_support[str(dtype), name] for name in kernels) + " |")

# %% width_one
# An output width of 1, on the CPU whatever the build device: a 6x5 ramp shrunk to 3x1,
# contiguous and channels_last, with 3 channels and with 1.
width_one = {}
for channels in (3, 1):
    tall = torch.arange(30.0, device="cpu").view(1, 1, 6, 5).repeat(1, channels, 1, 1)
    for layout in (torch.contiguous_format, torch.channels_last):
        image = tall.contiguous(memory_format=layout)
        width_one[channels, layout] = F.interpolate(image, size=(3, 1), mode="bilinear", antialias=True)[0, 0, :, 0]
        print(f"{channels} channel(s), {str(layout).replace('torch.', ''):18s} strides {str(image.stride()):16s}"
              f" {[round(v, 4) for v in width_one[channels, layout].tolist()]}")
# uint8 has its own AVX2 code for up to 4 channels on x86 CPUs with AVX2; the generic separable
# kernel, used for more channels or with ATEN_CPU_CAPABILITY=default, with or without antialias, repeats the first row
# of these contiguous images.
cpu_capability = torch.backends.cpu.get_cpu_capability()
print(f"CPU capability: {cpu_capability}")
for channels, antialias in ((3, True), (5, True), (5, False)):
    tall_uint8 = torch.arange(30, dtype=torch.uint8).view(1, 1, 6, 5).repeat(1, channels, 1, 1)
    width_one["uint8", channels, antialias] = F.interpolate(tall_uint8, size=(3, 1), mode="bilinear", antialias=antialias)[0, 0, :, 0]
    print(f"uint8, {channels} channels, antialias={antialias}: {width_one['uint8', channels, antialias].tolist()}")
# A contiguous 1-channel tensor, like this one, is already channels_last-contiguous, so converting it changes nothing.
# Workarounds for this float image: the height first, keeping the width, then the width; or the transpose,
# whose output height of 1 the bug does not touch.
gray = tall
two_calls = F.interpolate(F.interpolate(gray, size=(3, 5), mode="bilinear", antialias=True), size=(3, 1), mode="bilinear", antialias=True)
transposed = F.interpolate(gray.transpose(-1, -2), size=(1, 3), mode="bilinear", antialias=True).transpose(-1, -2)
print(f"1 channel, two calls: {[round(v, 4) for v in two_calls[0, 0, :, 0].tolist()]}")
print(f"1 channel, transposed: {[round(v, 4) for v in transposed[0, 0, :, 0].tolist()]}")
# An input already one pixel wide: the first of the two calls is the failing call itself.
narrow = gray[..., :1].contiguous()
narrow_two_calls = F.interpolate(F.interpolate(narrow, size=(3, 1), mode="bilinear", antialias=True), size=(3, 1), mode="bilinear", antialias=True)
narrow_transposed = F.interpolate(narrow.transpose(-1, -2), size=(1, 3), mode="bilinear", antialias=True).transpose(-1, -2)
print(f"6x1 input, two calls: {[round(v, 4) for v in narrow_two_calls[0, 0, :, 0].tolist()]}")
print(f"6x1 input, transposed: {[round(v, 4) for v in narrow_transposed[0, 0, :, 0].tolist()]}")

# %% uint8_one_pixel
# uint8 on the CPU: a 3-channel contiguous image shrunk to a single pixel (1x1). The CPU's
# uint8 kernels are tried on the CPU whatever the build device.
# With up to 4 channels they are AVX2 code, used where torch's CPU capability is AVX2 or AVX512.
rgb = torch.randint(0, 256, (1, 3, 6, 5), dtype=torch.uint8, generator=torch.Generator().manual_seed(0))
one_pixel = {}
for mode in ("bilinear", "bicubic"):
    for layout in (torch.contiguous_format, torch.channels_last):
        for antialias in (False, True):
            try:
                result = F.interpolate(rgb.contiguous(memory_format=layout), size=(1, 1), mode=mode, antialias=antialias)
                one_pixel[mode, layout, antialias] = result.flatten().tolist()
            except RuntimeError as error:
                one_pixel[mode, layout, antialias] = f"{type(error).__name__}: {str(error).split(' at ')[0]}"
            print(f"{mode:8s} {str(layout).replace('torch.', ''):18s} antialias={antialias!s:5}: {one_pixel[mode, layout, antialias]}")
