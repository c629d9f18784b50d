"""Explore F.interpolate: pick a mode, a scale factor, align_corners and antialias.

For every combination that torch accepts (it raises for the others), torch resizes the
same small image, and torch also computes where each output pixel takes its value from: interpolating an image whose value is its
own x (or y) coordinate returns, for every output pixel, the weighted mean position of
the input pixels it reads (the index it copied for nearest modes, the centre of the
averaged area for area). So the dots drawn over the input are torch's own, not a
formula re-implemented for the plot. Where that mean is not the point the kernel
samples, the last two cells measure by how much: bicubic against its source position,
and antialiased bilinear and bicubic against the filter's centre (lanczos is off too;
its test measures that).
"""

# %% setup
import importlib

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from _settings import lanczos_works  # shared with other pages

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

# A 6x6 image with a bright diagonal and a dark corner.
size = 6
rows, cols = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
image = ((rows == cols).float() * 0.8 + 0.2 * torch.rand(size, size)).to(device)
image[:2, -2:] = 0.0
image = image.view(1, 1, size, size)
# The coordinate images: value = column index (x) and row index (y), in float64.
coordinates = torch.stack([cols, rows]).to(device, torch.float64).unsqueeze(0)  # 1, 2, H, W

modes = ["nearest", "nearest-exact", "bilinear", "bicubic", "lanczos", "area"]
if not lanczos_works("cpu"):  # lanczos is newer than the other modes
    modes.remove("lanczos")
scale_factors = [0.5, 1.5, 2, 3]


def resize(x, options):
    """lanczos is CPU-only: run it there on any build device."""
    where = "cpu" if options["mode"] == "lanczos" else device
    return F.interpolate(x.to(where), **options).cpu()


# %% variants
# One figure per combination that torch accepts; its label names the variant for the
# page's drop-downs, its title says it in words. align_corners=None is the default; an
# explicit False is accepted by the interpolating modes and lanczos, True by the
# interpolating modes only, and antialias=True only by bilinear, bicubic and lanczos
# (lanczos requires it).
plt.rcParams["figure.max_open_warning"] = 0  # all variants stay open until the build saves them
variants, titles, unsupported, sampled, outputs = [], {}, {}, {}, {}
for mode in modes:
    for scale in scale_factors:
        for align in (None, False, True):
            for antialias in (False, True):
                options = {"scale_factor": scale, "mode": mode, "align_corners": align, "antialias": antialias}
                try:
                    output = resize(image, options)
                    sampled_x, sampled_y = resize(coordinates, options)[0].numpy()
                except ValueError as error:
                    unsupported.setdefault(str(error), []).append(f"{mode}/align_corners={align}/antialias={antialias}")
                    continue
                label = f"mode={mode}; scale_factor={scale}; align_corners={align}; antialias={antialias}"
                variants.append(label)
                sampled[label] = sampled_x[0]
                outputs[label] = output[0, 0].numpy()
                # Left: the input and where each output pixel reads it; right: the output.
                figure, (left, right) = plt.subplots(1, 2, figsize=(6.4, 3.5), dpi=80)
                figure.set_label(label)
                titles[label] = f"{mode}, scale_factor={scale}, align_corners={align}, antialias={antialias}"
                figure.suptitle(titles[label], fontsize=10)
                left.imshow(image[0, 0].cpu().numpy(), cmap="viridis", vmin=0, vmax=1)
                left.plot(sampled_x.ravel(), sampled_y.ravel(), "r.", markersize=4)
                left.set_xlim(-0.5, size - 0.5)
                left.set_ylim(size - 0.5, -0.5)
                for ax in (left, right):
                    ax.set_xticks([])
                    ax.set_yticks([])
                right.imshow(output[0, 0].numpy(), cmap="viridis", vmin=0, vmax=1)
                figure.subplots_adjust(left=0.02, right=0.98, bottom=0.03, top=0.9, wspace=0.08)
print(f"{len(variants)} combinations computed")
for message, combinations in unsupported.items():
    print(f"rejected ({len(combinations)} combinations, e.g. {combinations[0]}): `ValueError: {message}`")
plt.show()

# %% bicubic_dots
# The weighted mean position is the sampled point for weights that reproduce a straight
# line. Bicubic's (A = -0.75) do not: compare its dots with the source position
# that torch's own decomposition of bicubic computes, on one row, for each variant.
decomposition = importlib.import_module("torch._decomp.decompositions")
dot_error = {}
for scale in scale_factors:
    for align in (False, True):  # None is False
        out = int(size * scale)
        step = decomposition._compute_scale(size, out, bool(align), None if align else scale)
        source = torch.tensor([decomposition._compute_source_index(step, d, bool(align)) for d in range(out)], dtype=torch.float64)
        gap = (torch.from_numpy(sampled[f"mode=bicubic; scale_factor={scale}; align_corners={align}; antialias=False"]) - source).abs()
        inside = (source >= 1) & (source <= size - 2)  # every tap with a nonzero weight inside the image
        dot_error[scale, align] = (gap[inside].max().item() if inside.any() else 0.0, gap.max().item())
        print(f"bicubic x{scale}, align_corners={align}: dot off the sampled point by up to "
              f"{dot_error[scale, align][0]:.3f} px inside, {dot_error[scale, align][1]:.3f} px overall")

# %% antialias_dots
# With antialias=True the filter is centred on (d + 1/2) * step - 1/2, the step here being 1/scale_factor,
# which equals in/out (6 times each factor is whole), and cut off at the
# image's edge instead of clamped. Where it lies wholly inside this image, its weighted mean is
# its centre (antialiased bicubic uses A = -0.5, which reproduces a straight line); near the
# edge the cut-off filter's mean moves (signed: positive is to the right).
antialias_dot_error, antialias_gap = {}, {}
for mode, support in (("bilinear", 1), ("bicubic", 2)):
    for scale in scale_factors:
        out = int(size * scale)
        centre = (torch.arange(out, dtype=torch.float64) + 0.5) * size / out - 0.5
        radius = support * max(size / out, 1)  # the filter widens when shrinking
        inside = (centre - radius > -1) & (centre + radius < size)
        gap = torch.from_numpy(sampled[f"mode={mode}; scale_factor={scale}; align_corners=None; antialias=True"]) - centre
        antialias_gap[mode, scale] = gap
        antialias_dot_error[mode, scale] = (gap[inside].abs().max().item() if inside.any() else None, gap.abs().max().item())
        inner, overall = antialias_dot_error[mode, scale]
        print(f"{mode}, antialias x{scale}: dot off the filter's centre by "
              + (f"up to {inner:.3f} px inside, " if inside.any() else "? inside (no filter lies wholly inside), ")
              + f"up to {overall:.3f} px overall")
# That holds here when enlarging and when shrinking by a whole factor. Stretched by a factor that
# is not whole, the filter's weights at whole pixels need not reproduce a straight line, and
# dots can be off even inside: a 30-pixel coordinate row shrunk to 20 (a factor of 1.5).
wide_row = torch.arange(30, dtype=torch.float64, device=device).view(1, 1, 1, -1)
wide_centre = (torch.arange(20, dtype=torch.float64) + 0.5) * 30 / 20 - 0.5
non_whole_error = {}
for mode, support in (("bilinear", 1), ("bicubic", 2)):
    dots = resize(wide_row, {"size": (1, 20), "mode": mode, "antialias": True})[0, 0, 0]
    inside = (wide_centre - support * 1.5 > -1) & (wide_centre + support * 1.5 < 30)
    non_whole_error[mode] = (dots - wide_centre)[inside].abs().max().item()
    print(f"{mode}, antialias 30 -> 20: dot off the filter's centre by up to {non_whole_error[mode]:.3f} px inside")
# Enlarging, bicubic's cut removes a negative lobe, so dots further in move outwards; how many
# depends on the factor, not in step with it (x2.5 moves more than x3).
row = torch.arange(size, dtype=torch.float64, device=device).view(1, 1, 1, -1)
outward = {}
for scale in (1.5, 2, 2.5, 3, 4, 8):
    out = int(size * scale)
    centre = (torch.arange(out, dtype=torch.float64) + 0.5) * size / out - 0.5
    dots = resize(row, {"scale_factor": (1, scale), "mode": "bicubic", "antialias": True})[0, 0, 0]
    outward[scale] = int(((dots - centre)[: out // 2] < -1e-6).sum())
    print(f"bicubic, antialias x{scale}: dots on each side that move outwards: {outward[scale]}")
# align_corners=True with antialias=True keeps the half-pixel centre and only changes the step
# to (in - 1)/(out - 1) (UpSampleKernel.cpp: align_corners_delta is 0 when antialias is set):
# the dots here neither start and end on the corner pixels nor follow the half-pixel grid.
aligned_ends = {}
for mode in ("bilinear", "bicubic"):
    for scale in (2, 3):
        dots = sampled[f"mode={mode}; scale_factor={scale}; align_corners=True; antialias=True"]
        aligned_ends[mode, scale] = (float(dots[0]), float(dots[-1]))
        print(f"{mode}, antialias, align_corners=True x{scale}: dots from {dots[0]:.3f} to {dots[-1]:.3f}"
              f" (pixel centres 0 to {size - 1})")
