"""Why PyTorch has no nn.Downsample.

"Downsample" names several different operations. This script runs four of them on the
same photograph, halving (and quartering) it, and measures what each one keeps:
max pooling keeps peaks, average pooling keeps the mean, a strided convolution learns
and costs parameters, and ``F.interpolate`` is the general resize that PyTorch points
to whenever someone asks for a downsampling layer.
"""

# %% setup
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F
from matplotlib.cbook import get_sample_data

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

# A real photograph that ships with matplotlib, so the example runs offline.
with get_sample_data("grace_hopper.jpg") as file:
    photo = torch.from_numpy(plt.imread(file).copy())
image = photo.permute(2, 0, 1).unsqueeze(0).float().div(255).to(device)  # N, C, H, W in [0, 1]
print(f"torch {torch.__version__} on {device}; image {tuple(image.shape)}")

# %% docs_say
# What the installed torch's own docstrings say about down- and upsampling.
print("F.interpolate:", F.interpolate.__doc__.strip().splitlines()[0])
upsample_doc = " ".join(nn.Upsample.__doc__.split())
advice = next(s for s in upsample_doc.split(". ") if "downsampling" in s)
print("nn.Upsample:  ", advice.split("::")[-1].strip() + ".")
print("hasattr(nn, 'Downsample'):", hasattr(nn, "Downsample"))

# %% methods
# Five ways to halve height and width. The two convolutions have the same shape;
# one has random weights (as at the start of training), one averages each 2x2 block.
conv_random = nn.Conv2d(3, 3, kernel_size=2, stride=2).to(device)
conv_average = nn.Conv2d(3, 3, kernel_size=2, stride=2, bias=False).to(device)
with torch.no_grad():
    conv_average.weight.zero_()
    for channel in range(3):
        conv_average.weight[channel, channel] = 0.25

methods = {
    "MaxPool2d(2)": nn.MaxPool2d(2),
    "AvgPool2d(2)": nn.AvgPool2d(2),
    "Conv2d(stride=2), random": conv_random,
    "Conv2d(stride=2), averaging": conv_average,
    "interpolate(bilinear)": lambda x: F.interpolate(x, scale_factor=0.5, mode="bilinear"),
    "interpolate(nearest)": lambda x: F.interpolate(x, scale_factor=0.5, mode="nearest"),
}
with torch.no_grad():
    halves = {name: method(image) for name, method in methods.items()}
for name, out in halves.items():
    print(f"{name:28s} -> {tuple(out.shape)}")

# %% table
# Shape, parameters, and what each output keeps: distance to the 2x2 block mean
# (what AvgPool2d computes) and to the 2x2 block maximum (what MaxPool2d computes).
def parameters(method):
    return sum(p.numel() for p in method.parameters()) if isinstance(method, nn.Module) else 0


block_mean, block_max = halves["AvgPool2d(2)"], halves["MaxPool2d(2)"]
print("| method | output shape | parameters | max abs diff to block mean | max abs diff to block max |")
print("|---|---|---:|---:|---:|")
for name, out in halves.items():
    to_mean = (out - block_mean).abs().max().item()
    to_max = (out - block_max).abs().max().item()
    print(f"| `{name}` | {tuple(out.shape)} | {parameters(methods[name])} | {to_mean:.4f} | {to_max:.4f} |")

# %% conv_parameters
# A strided convolution as used in a real network: 64 -> 64 channels, 3x3 kernel.
layer = nn.Conv2d(64, 64, kernel_size=3, stride=2, padding=1)
print("Conv2d(64, 64, 3, stride=2) parameters:", sum(p.numel() for p in layer.parameters()))
print("nn.MaxPool2d(2) parameters:            ", sum(p.numel() for p in nn.MaxPool2d(2).parameters()))
print("nn.Upsample(scale_factor=2) parameters:", sum(p.numel() for p in nn.Upsample(scale_factor=2).parameters()))

# %% picture
# Quarter the photo (factor 4) with each method, and show the same crop of each result.
factor = 4
quarter_methods = {
    "original": lambda x: x,
    "MaxPool2d(4)": nn.MaxPool2d(factor),
    "AvgPool2d(4)": nn.AvgPool2d(factor),
    "Conv2d(stride=4), random": nn.Conv2d(3, 3, factor, stride=factor).to(device),
    "interpolate(nearest)": lambda x: F.interpolate(x, scale_factor=1 / factor, mode="nearest"),
    "interpolate(bilinear, antialias)": lambda x: F.interpolate(
        x, scale_factor=1 / factor, mode="bilinear", antialias=True
    ),
}
figure, axes = plt.subplots(2, 3, figsize=(9, 6.4))
with torch.no_grad():
    for ax, (name, method) in zip(axes.flat, quarter_methods.items()):
        out = method(image)
        crop = out[0, :, : out.shape[2] // 2, out.shape[3] // 4 : 3 * out.shape[3] // 4]
        ax.imshow(crop.clamp(0, 1).permute(1, 2, 0).cpu().numpy(), interpolation="nearest")
        ax.set_title(f"{name}\n{tuple(out.shape[2:])}", fontsize=9)
        ax.axis("off")
figure.suptitle("One photo, downsampled 4x five ways (same crop)")
figure.tight_layout()
