"""Three resampling recipes, each measured.

1. Resizing a segmentation mask: ``nearest``, ``nearest-exact``, or one-hot + bilinear +
   argmax, compared with the mask drawn directly at the new size; where ``nearest`` reads
   off-centre, and where ``nearest-exact`` equals Pillow's NEAREST.
2. Resizing a ViT's absolute position embeddings as timm does (bicubic, antialias, the
   class token kept apart), and what a round trip loses.
3. A ConvTranspose2d initialised as bilinear (FCN) against ``F.interpolate``: equal up to
   float rounding inside a border, and everywhere once the input is padded by one pixel by
   replication and the r extra output pixels on each side are cropped (on axes of up to 2**23
   output pixels).
"""

# %% setup
import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% mask_dtypes
# Label maps are usually int64; nearest-neighbour resizing does not accept every integer dtype.
mask_dtypes = [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.bool, torch.float32]
mask_dtype_accepted = {}
for dtype in mask_dtypes:
    try:
        F.interpolate(torch.zeros(1, 1, 4, 4, dtype=dtype, device=device), size=(7, 7), mode="nearest-exact")
        mask_dtype_accepted[dtype] = True
    except (RuntimeError, NotImplementedError):
        mask_dtype_accepted[dtype] = False
print(f"nearest-exact on {device} accepts:", ", ".join(str(d) for d in mask_dtypes if mask_dtype_accepted[d]))
print(f"nearest-exact on {device} rejects:", ", ".join(str(d) for d in mask_dtypes if not mask_dtype_accepted[d]))

# %% mask_offsets
# Which input position each output pixel reads, against the centre it should read,
# (i + 0.5) * in / out - 0.5, in input pixels: resize a ramp of input indices.
def read_offsets(mode, size_in, **size_or_scale):
    ramp = torch.arange(size_in, dtype=torch.float64, device=device).view(1, 1, -1)
    read = F.interpolate(ramp, mode=mode, **size_or_scale)[0, 0]
    size_out = read.shape[-1]
    centre = (torch.arange(size_out, dtype=torch.float64, device=device) + 0.5) * size_in / size_out - 0.5
    return read - centre


offset_cases = [(48, dict(size=s)) for s in (96, 120, 37, 24, 16, 12)] + [(5, dict(scale_factor=0.3)), (7, dict(scale_factor=0.5))]
offsets = {(mode, i): read_offsets(mode, size_in, **how) for mode in ("nearest", "nearest-exact") for i, (size_in, how) in enumerate(offset_cases)}
print("| resize | nearest: mean offset | nearest: max abs offset | nearest-exact: mean offset | nearest-exact: max abs offset |")
print("|---|---|---|---|---|")
for i, (size_in, how) in enumerate(offset_cases):
    size_out = offsets["nearest", i].shape[-1]
    label = f"{size_in} → {size_out}" + ("" if "size" in how else f" (scale_factor={how['scale_factor']})")
    cells = [f"{offsets[mode, i].mean():+.3f} | {offsets[mode, i].abs().max():.3f}" for mode in ("nearest", "nearest-exact")]
    print(f"| {label} | " + " | ".join(cells) + " |")

# At sizes in the thousands, the position is rounded to float32, and so is in / out except in this
# float64 1-D ramp on the CPU (UpSample.h; the CUDA kernel rounds both), and a near-tie can tip to the
# farther pixel. Found by a sweep on the CPU.
near_tie = dict(size_in=2517, size_out=4576)
near_tie_read = F.interpolate(torch.arange(near_tie["size_in"], dtype=torch.float64).view(1, 1, -1), size=near_tie["size_out"], mode="nearest-exact")[0, 0]
near_tie_centres = (torch.arange(near_tie["size_out"], dtype=torch.float64) + 0.5) * near_tie["size_in"] / near_tie["size_out"] - 0.5
near_tie["i"] = int((near_tie_read - near_tie_centres).abs().argmax())
near_tie["centre"] = near_tie_centres[near_tie["i"]].item()
near_tie["read"] = int(near_tie_read[near_tie["i"]])
near_tie["offset"] = abs(near_tie["read"] - near_tie["centre"])
print(
    f"\nOn the CPU, {near_tie['size_in']} → {near_tie['size_out']}, output pixel {near_tie['i']}: centre on input position "
    f"{near_tie['centre']:.5f}, nearest-exact reads {near_tie['read']} ({near_tie['offset']:.5f} off)."
)

# A whole shrink given as scale_factor=1/k: the output size is the floor of in * (1/k) in
# float64, which can fall just below a whole number. Only the shape matters (the same on any device).
def output_length(size_in, **size_or_scale):
    return F.interpolate(torch.empty(1, 1, size_in), mode="nearest", **size_or_scale).shape[-1]


short_factors = sorted({k for k in range(2, 101) for n in range(2, 101) if output_length(k * n, scale_factor=1 / k) != n})
print(
    f"scale_factor=1/k on k · n pixels (k up to 100, n from 2 to 100) gives fewer than n pixels for k = {', '.join(map(str, short_factors))}; "
    f"{2 * short_factors[0]} pixels at 1/{short_factors[0]} → {output_length(2 * short_factors[0], scale_factor=1 / short_factors[0])}."
)

# %% mask_whole_factors
# Enlarging by a whole factor r should copy each pixel into an r-pixel block
# (repeat_interleave). Check every factor up to 200 on a 16-pixel row.
row = torch.arange(16.0, device=device).view(1, 1, -1)
not_blocks = {
    mode: [r for r in range(1, 201) if not torch.equal(F.interpolate(row, scale_factor=r, mode=mode), row.repeat_interleave(r, dim=-1))]
    for mode in ("nearest", "nearest-exact")
}
for mode, factors in not_blocks.items():
    print(f"{mode}: whole factors (1 to 200) where the result is not pixel blocks:", ", ".join(map(str, factors)) or "none")

# %% mask_pil
# nearest-exact against Pillow's NEAREST, every size pair from 1 to 40 in one dimension
# (both resize rows and columns independently). An output centre that falls exactly on
# the boundary between two input pixels is a tie: (2 i + 1) * in is a multiple of 2 * out.
pil_pixels = pil_ties = 0
pil_mismatch = {"nearest": [0, 0], "nearest-exact": [0, 0]}  # [off ties, at ties]
first_tie_mismatch = None
for size_in in range(1, 41):
    row = torch.arange(size_in, dtype=torch.float32, device=device).view(1, 1, 1, -1)
    image = Image.fromarray(np.arange(size_in, dtype=np.uint8)[None])
    for size_out in range(1, 41):
        pil = torch.from_numpy(np.asarray(image.resize((size_out, 1), Image.NEAREST))[0].astype(np.int64))
        tie = (2 * torch.arange(size_out) + 1) * size_in % (2 * size_out) == 0
        pil_pixels += size_out
        pil_ties += int(tie.sum())
        for mode, counts in pil_mismatch.items():
            ours = F.interpolate(row, size=(1, size_out), mode=mode)[0, 0, 0].long().cpu()
            counts[0] += int(((ours != pil) & ~tie).sum())
            counts[1] += int(((ours != pil) & tie).sum())
            at_tie = ((ours != pil) & tie).nonzero()
            if mode == "nearest-exact" and first_tie_mismatch is None and len(at_tie):
                i = int(at_tie[0])
                first_tie_mismatch = (size_in, size_out, i, int(ours[i]), int(pil[i]))
print("| mode | pixels compared | differ from PIL, off ties | differ from PIL, at ties (of all ties) |")
print("|---|---|---|---|")
for mode, (off_ties, at_ties) in pil_mismatch.items():
    print(f"| {mode} | {pil_pixels} | {off_ties} | {at_ties} (of {pil_ties}) |")
near_tie["pil"] = int(np.asarray(Image.fromarray(np.arange(near_tie["size_in"], dtype=np.int32)[None]).resize((near_tie["size_out"], 1), Image.NEAREST))[0, near_tie["i"]])
print(f"\nAt {near_tie['size_in']} → {near_tie['size_out']}, output pixel {near_tie['i']} (not a tie), PIL reads {near_tie['pil']}.")
if first_tie_mismatch:
    size_in, size_out, i, ours, pil = first_tie_mismatch
    print(f"\nFirst tie where they differ: {size_in} → {size_out}, output pixel {i} (centre on input position {(2 * i + 1) * size_in / (2 * size_out) - 0.5:g}): nearest-exact reads {ours}, PIL reads {pil}.")

# %% mask_compare
# A label map with a disc, a thin diagonal line (1.4 px wide), a thin ring and a
# small square, drawn at any size by sampling pixel centres. The reference for a resize
# is the map drawn directly at the new size.
CLASSES = 5  # 0 background, 1 disc, 2 line, 3 ring, 4 square


def draw_mask(height, width):
    v = (torch.arange(height, dtype=torch.float64, device=device) + 0.5).view(-1, 1) / height
    u = (torch.arange(width, dtype=torch.float64, device=device) + 0.5).view(1, -1) / width
    mask = torch.zeros(height, width, dtype=torch.long, device=device)
    mask[(u - 0.33) ** 2 + (v - 0.4) ** 2 < 0.22**2] = 1
    mask[((u + v - 1.02) / 2**0.5).abs() < 0.015] = 2
    ring = ((u - 0.72) ** 2 + (v - 0.28) ** 2).sqrt()
    mask[(ring > 0.12) & (ring < 0.15)] = 3
    mask[((u - 0.78).abs() < 0.045) & ((v - 0.78).abs() < 0.045)] = 4
    return mask


def resize_nearest(mask, size, mode):
    # float32 holds every label up to 2**24 exactly; uint8 (up to 256 classes) would take a quarter of the memory.
    return F.interpolate(mask[None, None].float(), size=size, mode=mode)[0, 0].long()


def resize_one_hot(mask, size):
    one_hot = F.one_hot(mask, CLASSES).permute(2, 0, 1)[None].float()
    return F.interpolate(one_hot, size=size, mode="bilinear", align_corners=False)[0].argmax(dim=0)


mask_methods = {
    "nearest": lambda m, s: resize_nearest(m, s, "nearest"),
    "nearest-exact": lambda m, s: resize_nearest(m, s, "nearest-exact"),
    "one-hot + bilinear": resize_one_hot,
}


def centroids(mask):
    """Each class's centroid, in units of the map's width and height (so sizes compare); NaN if absent."""
    ys, xs = torch.meshgrid(
        (torch.arange(mask.shape[0], device=device) + 0.5) / mask.shape[0],
        (torch.arange(mask.shape[1], device=device) + 0.5) / mask.shape[1],
        indexing="ij",
    )
    found = F.one_hot(mask, CLASSES).double()
    area = found.sum(dim=(0, 1))
    return torch.stack([(found * ys[..., None]).sum(dim=(0, 1)) / area, (found * xs[..., None]).sum(dim=(0, 1)) / area], dim=1)


source_size = 48
source = draw_mask(source_size, source_size)
mask_sizes = [96, 120, 67, 37, 24, 16, 12, 9]
mask_results = {}
print("| size | method | pixels ≠ reference | classes lost | mean centroid shift x, y (input px) |")
print("|---|---|---|---|---|")
for size in mask_sizes:
    reference = draw_mask(size, size)
    for name, method in mask_methods.items():
        resized = method(source, (size, size))
        shift = (centroids(resized) - centroids(reference)) * source_size  # in input pixels
        lost = [c for c in range(CLASSES) if not (resized == c).any()]
        wrong = (resized != reference).double().mean().item()
        mean_y, mean_x = shift.nanmean(dim=0).tolist()  # a class that vanished has no centroid
        mask_results[size, name] = dict(resized=resized, wrong=wrong, lost=lost, shift=(mean_x, mean_y))
        print(f"| {source_size} → {size} | {name} | {wrong:.1%} | {', '.join(map(str, lost)) or '-'} | {mean_x:+.2f}, {mean_y:+.2f} |")
reference_lost = {size: [c for c in range(CLASSES) if not (draw_mask(size, size) == c).any()] for size in mask_sizes}
for size, lost in reference_lost.items():
    if lost:
        print(f"\nClasses the map drawn at {size} × {size} lacks: {', '.join(map(str, lost))}")

# %% mask_figure
figure, axes = plt.subplots(1, 4, figsize=(12, 3.4))
panels = {"drawn at 16 × 16": draw_mask(16, 16), **{name: mask_results[16, name]["resized"] for name in mask_methods}}
for axis, (title, mask) in zip(axes, panels.items()):
    axis.imshow(mask.cpu(), cmap="tab10", vmin=0, vmax=9, interpolation="nearest")
    axis.set_title(title)
    axis.set_axis_off()
figure.suptitle("A 48 × 48 label map resized to 16 × 16")
figure.tight_layout()
plt.show()

# %% mask_memory
# The one-hot route holds a float map per class, at the output size, before argmax.
def one_hot_bytes(batch, classes, height, width):
    return torch.empty(batch, classes, height, width, device="meta").nbytes


print("| masks | as int64 | one-hot float32 |")
print("|---|---|---|")
for batch, classes, height, width in [(16, 19, 1024, 2048), (16, 150, 512, 512)]:
    labels = torch.empty(batch, height, width, dtype=torch.long, device="meta").nbytes
    print(f"| {batch} × {height} × {width}, {classes} classes | {labels / 2**20:.0f} MiB | {one_hot_bytes(batch, classes, height, width) / 2**30:.1f} GiB |")

# %% pos_embed
# timm's resample_abs_pos_embed (timm/layers/pos_embed.py), reduced to its steps: keep
# the prefix (class) tokens apart, lay the rest out as a grid, resize it as an image.
def resample_abs_pos_embed(posemb, new_size, num_prefix_tokens=1, antialias=True):
    prefix, grid = posemb[:, :num_prefix_tokens], posemb[:, num_prefix_tokens:]
    old = int(grid.shape[1] ** 0.5)
    dim = grid.shape[-1]
    grid = grid.float().reshape(1, old, old, dim).permute(0, 3, 1, 2)
    grid = F.interpolate(grid, size=new_size, mode="bicubic", align_corners=False, antialias=antialias)
    grid = grid.permute(0, 2, 3, 1).reshape(1, -1, dim).to(posemb.dtype)
    return torch.cat([prefix, grid], dim=1)


def sincos_pos_embed(grid_size, dim):
    """MAE's 2-D sine-cosine formula, computed in float64, with a zero class token: a smooth embedding to resize."""
    omega = 1.0 / 10000 ** (torch.arange(dim // 4, dtype=torch.float64) / (dim // 4))
    position = torch.arange(grid_size, dtype=torch.float64)
    angles_h = (position[:, None, None] * omega).expand(grid_size, grid_size, -1)
    angles_w = (position[None, :, None] * omega).expand(grid_size, grid_size, -1)
    grid = torch.cat([angles_w.sin(), angles_w.cos(), angles_h.sin(), angles_h.cos()], dim=-1).reshape(1, -1, dim)
    return torch.cat([torch.zeros(1, 1, dim, dtype=torch.float64), grid], dim=1).float().to(device)


embeddings = {"sine-cosine (smooth)": sincos_pos_embed(14, 768), "random (trunc_normal, std 0.02)": nn.init.trunc_normal_(torch.empty(1, 197, 768, device=device), std=0.02)}
# A difference relative to the embedding's own size: root mean square of the change over that of the grid.
def relative_rms(a, b):
    return ((a - b).pow(2).mean() / b.pow(2).mean()).sqrt().item()


pos_results = {}
print("| embedding | 14×14 → | tokens | class token kept | round trip back to 14×14: relative RMS change | antialias=True vs False at this size: relative RMS |")
print("|---|---|---|---|---|---|")
for name, posemb in embeddings.items():
    for size in (16, 24):
        resized = resample_abs_pos_embed(posemb, (size, size))
        back = resample_abs_pos_embed(resized, (14, 14))
        plain = resample_abs_pos_embed(posemb, (size, size), antialias=False)
        pos_results[name, size] = dict(
            tokens=resized.shape[1],
            cls_kept=torch.equal(resized[:, 0], posemb[:, 0]),
            round_trip=relative_rms(back[:, 1:], posemb[:, 1:]),
            antialias_effect=relative_rms(plain[:, 1:], resized[:, 1:]),
        )
        r = pos_results[name, size]
        print(f"| {name} | {size}×{size} | {posemb.shape[1]} → {r['tokens']} | {r['cls_kept']} | {r['round_trip']:.2%} | {r['antialias_effect']:.2%} |")

# %% bilinear_transposed
from _settings import full_float32
from _upsamplers import bilinear_kernel, bilinear_layer_args


def bilinear_transposed(channels, scale, dtype=torch.float32, device=None):
    """One bilinear kernel per channel, as a depthwise (groups=channels) ConvTranspose2d:
    channels * k * k weights instead of the channels**2 * k * k of bilinear_ with identity mixing."""
    layer = nn.ConvTranspose2d(channels, channels, **bilinear_layer_args(scale), groups=channels, bias=False, device=device, dtype=dtype)
    kernel = bilinear_kernel(scale, dtype=dtype, device=device)
    with torch.no_grad():
        layer.weight.copy_(torch.outer(kernel, kernel).expand_as(layer.weight))
    return layer


def bilinear_transposed_everywhere(layer, x):
    """Pad by replication first: F.interpolate clamps at the border, which is what reading
    a replicated pixel does; then crop the extra `scale` output pixels on each side."""
    r = layer.stride[0]
    return layer(F.pad(x, (1, 1, 1, 1), mode="replicate"))[..., r:-r, r:-r]


x = torch.randn(1, 3, 9, 10, device=device, dtype=torch.float64)
transposed_gap = {}
print("| factor | kernel, stride, padding | inside a ⌊r/2⌋ border | on the border | replicate-padded, everywhere |")
print("|---|---|---|---|---|")
with full_float32(), torch.no_grad():
    for scale in (2, 3, 4, 5):
        layer = bilinear_transposed(3, scale, torch.float64, device)
        reference = F.interpolate(x, scale_factor=scale, mode="bilinear", align_corners=False)
        difference = (layer(x) - reference).abs()
        border = scale // 2
        inside = difference[..., border : difference.shape[-2] - border, border : difference.shape[-1] - border]
        padded = (bilinear_transposed_everywhere(layer, x) - reference).abs()
        transposed_gap[scale] = (inside.max().item(), difference.max().item(), padded.max().item())
        args = bilinear_layer_args(scale)
        print(f"| ×{scale} | {args['kernel_size']}, {args['stride']}, {args['padding']} | {transposed_gap[scale][0]:.1e} | {transposed_gap[scale][1]:.2f} | {transposed_gap[scale][2]:.1e} |")
