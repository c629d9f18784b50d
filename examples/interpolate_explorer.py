"""Explore F.interpolate: pick a mode, a scale factor and align_corners.

For every combination, torch resizes the same small image, and torch also computes
where each output pixel samples the input: interpolating an image whose value is its
own x (or y) coordinate returns, for every output pixel, the input position it read
(the index it copied for nearest modes, the centre of the averaged area for area). So
the grid drawn over the input is torch's own, not a formula re-implemented for the plot.
"""

# %% setup
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

# A 6x6 image with a bright diagonal and a dark corner, so that every mode looks different.
size = 6
rows, cols = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
image = ((rows == cols).float() * 0.8 + 0.2 * torch.rand(size, size)).to(device)
image[:2, -2:] = 0.0
image = image.view(1, 1, size, size)
# The coordinate images: value = column index (x) and row index (y), in float64.
coordinates = torch.stack([cols, rows]).to(device, torch.float64).unsqueeze(0)  # 1, 2, H, W

modes = ["nearest", "nearest-exact", "bilinear", "bicubic", "area"]
scale_factors = [0.5, 1.5, 2, 3]

# %% variants
# One figure per combination that torch accepts; its label names the variant for the
# page's drop-downs. align_corners=None is the default; only the interpolating modes
# accept an explicit False or True.
plt.rcParams["figure.max_open_warning"] = 0  # all variants stay open until the build saves them
variants, unsupported = [], {}
for mode in modes:
    for scale in scale_factors:
        for align in (None, False, True):
            options = {"scale_factor": scale, "mode": mode, "align_corners": align}
            try:
                output = F.interpolate(image, **options)
                sampled_x, sampled_y = F.interpolate(coordinates, **options)[0].cpu().numpy()
            except ValueError as error:
                unsupported.setdefault(str(error), []).append(f"{mode}/align_corners={align}")
                continue
            # Left: the input and where each output pixel samples it; right: the output.
            figure, (left, right) = plt.subplots(1, 2, figsize=(6.4, 3.2), dpi=80)
            variants.append(f"mode={mode}; scale_factor={scale}; align_corners={align}")
            figure.set_label(variants[-1])
            left.imshow(image[0, 0].cpu().numpy(), cmap="viridis", vmin=0, vmax=1)
            left.plot(sampled_x.ravel(), sampled_y.ravel(), "r.", markersize=4)
            left.set_xlim(-0.5, size - 0.5)
            left.set_ylim(size - 0.5, -0.5)
            for ax in (left, right):
                ax.set_xticks([])
                ax.set_yticks([])
            right.imshow(output[0, 0].cpu().numpy(), cmap="viridis", vmin=0, vmax=1)
            figure.subplots_adjust(left=0.02, right=0.98, bottom=0.03, top=0.97, wspace=0.08)
print(f"{len(variants)} combinations computed")
for message, combinations in unsupported.items():
    print(f"rejected ({', '.join(sorted(set(combinations)))}): ValueError: {message}")
