"""How nn.Upsample works.

``nn.Upsample`` has no weights: it is a module wrapper around ``F.interpolate``. This
script shows what the nearest, linear and cubic modes compute (``area`` and ``lanczos``
appear only in its table of the input ranks each mode accepts), how ``size`` and
``scale_factor`` set the output shape, what ``align_corners`` changes, and where
upsampling sits in a U-Net decoder and a GAN generator.
"""

# %% setup
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% seed_example
# A batch of 3 feature maps with 4 channels, 8x8 each, doubled in height and width.
x = torch.randn(3, 4, 8, 8, device=device)
upsample = nn.Upsample(scale_factor=2, mode="bilinear")
y = upsample(x)
print("input: ", tuple(x.shape))
print("output:", tuple(y.shape))
print("parameters:", sum(p.numel() for p in upsample.parameters()))
print("same as F.interpolate:", torch.equal(y, F.interpolate(x, scale_factor=2, mode="bilinear")))

# %% nearest_blocks
# Nearest neighbour copies every input pixel into a 2x2 block.
small = torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=device).view(1, 1, 2, 2)
print(nn.Upsample(scale_factor=2, mode="nearest")(small)[0, 0])
# 5 pixels enlarged to 7 (a factor that is not whole): nearest rounds the source position
# down; nearest-exact copies the input pixel closest to each output pixel's centre.
ramp = torch.arange(5.0, device=device).view(1, 1, -1)  # each value is its own index
closest = ((torch.arange(7.0) + 0.5) * 5 / 7 - 0.5).round().int().tolist()
copied = {mode: F.interpolate(ramp, size=7, mode=mode)[0, 0].int().tolist() for mode in ("nearest", "nearest-exact")}
for mode, pixels in copied.items():
    print(f"5 -> 7 pixels, {mode}: copies input pixels {pixels}")
print(f"closest input pixel to each output centre: {closest}")

# %% align_corners
# The example from the documentation: a 2x2 input upsampled x2 with bilinear.
grid = torch.arange(1.0, 5.0, device=device).view(1, 1, 2, 2)
for align in (False, True):
    row = F.interpolate(grid, scale_factor=2, mode="bilinear", align_corners=align)[0, 0, 0]
    print(f"align_corners={align!s:5}  first row: {[round(v, 4) for v in row.tolist()]}")
# The older module nn.UpsamplingBilinear2d is the align_corners=True row, not the default.
old_row = nn.UpsamplingBilinear2d(scale_factor=2)(grid)[0, 0, 0]
print(f"nn.UpsamplingBilinear2d  first row: {[round(v, 4) for v in old_row.tolist()]}")

# %% corners
# Does each mode that takes align_corners=True (bicubic too) keep the corner values? (lanczos
# takes only False, and only with antialias=True.) Largest corner error over every input size 1..9 and
# every output size 2..40 (2..16 for 5-D volumes) that
# differs from it, random float32 values around 0.
CORNER_MODES = {"linear": 3, "bilinear": 4, "bicubic": 4, "trilinear": 5}


def corner_values(t):
    for dim in range(2, t.dim()):
        t = t.index_select(dim, torch.tensor([0, t.shape[dim] - 1], device=t.device))
    return t


corner_error = {}
for mode, rank in CORNER_MODES.items():
    for align in (False, True):
        for n_in in range(1, 10):
            for n_out in range(2, 17 if rank == 5 else 41):
                if n_out == n_in:
                    continue
                before = torch.randn((1, 2) + (n_in,) * (rank - 2), device=device)
                after = F.interpolate(before, size=(n_out,) * (rank - 2), mode=mode, align_corners=align)
                key = (mode, align, "enlarge" if n_out > n_in else "shrink")
                error = (corner_values(after) - corner_values(before)).abs().max().item()
                corner_error[key] = max(corner_error.get(key, 0.0), error)
print("| mode | enlarge, False | enlarge, True | shrink, False | shrink, True |")
print("|---|---:|---:|---:|---:|")
for mode in CORNER_MODES:
    cells = [f"{corner_error[(mode, align, way)]:.1e}" for way in ("enlarge", "shrink") for align in (False, True)]
    print(f"| `{mode}` | " + " | ".join(cells) + " |")

# %% corners_rounding
# align_corners=True is not bit-exact either: for float32 input the scale (in - 1)/(out - 1) is
# rounded to float32.
ramp = torch.arange(4.0, device=device).view(1, 1, -1)
last = F.interpolate(ramp, size=38, mode="linear", align_corners=True)[0, 0, -1].item()
print(f"4 -> 38, linear, align_corners=True: last output {last!r}, last input 3.0")

# %% scale_factor_positions
# Given scale_factor here, linear steps by 1/scale_factor, not by in/out: 5 samples x1.5
# (align_corners=False unless given). With align_corners=True the step is (in - 1)/(out - 1).
ramp = torch.arange(5.0, dtype=torch.float64, device=device).view(1, 1, -1)
positions_read = {}
for kwargs in ({"size": 7}, {"scale_factor": 1.5}, {"scale_factor": 1.5, "align_corners": True}):
    label = ", ".join(f"{k}={v}" for k, v in kwargs.items())
    positions_read[label] = F.interpolate(ramp, mode="linear", **{"align_corners": False, **kwargs})[0, 0]
    print(f"{label:38s} positions read: {[round(v, 4) for v in positions_read[label].tolist()]}")

# %% size_vs_scale
# size fixes the output; scale_factor multiplies and rounds down.
x = torch.zeros(1, 1, 8, 8, device=device)
for kwargs in ({"size": (5, 7)}, {"scale_factor": 2}, {"scale_factor": 2.5}, {"scale_factor": 1.7}, {"scale_factor": (2, 3)}):
    print(f"{', '.join(f'{k}={v}' for k, v in kwargs.items()):26s} -> {tuple(F.interpolate(x, **kwargs).shape[2:])}")
# The product is rounded down in floating point: 25 x 1.16 is just below 29 there.
line = torch.zeros(1, 1, 25, device=device)
print(f"{line.shape[-1]} pixels, scale_factor=1.16 -> {F.interpolate(line, scale_factor=1.16).shape[-1]} ({line.shape[-1]} * 1.16 = {line.shape[-1] * 1.16!r} in float64)")
try:
    F.interpolate(x, size=(16, 16), scale_factor=2)
except ValueError as error:
    print("size and scale_factor together:", f"`{error}`")

# %% profiles
# One row of 8 samples with a step in it, upsampled x8 by nearest, bilinear and bicubic.
signal = torch.tensor([0.0, 0.0, 0.0, 1.0, 1.0, 0.2, 0.2, 0.2], device=device)
row = signal.view(1, 1, 1, -1)  # 4-D, the rank bilinear and bicubic need
profiles = {mode: F.interpolate(row, scale_factor=8, mode=mode)[0, 0, 0].cpu().numpy() for mode in ("nearest", "bilinear", "bicubic")}
for mode, profile in profiles.items():
    print(f"{mode:8s} min {profile.min():+.4f}  max {profile.max():+.4f}")

figure, ax = plt.subplots(figsize=(7, 3.2))
positions = ((torch.arange(64) + 0.5) / 8 - 0.5).numpy()  # output pixel centres in input coordinates
for mode, profile in profiles.items():
    ax.plot(positions, profile, label=mode, drawstyle="steps-mid" if mode == "nearest" else "default")
ax.plot(range(8), signal.cpu().numpy(), "ko", label="input samples")
ax.set_xlabel("position (input pixels)")
ax.set_ylabel("value")
ax.legend()
figure.tight_layout()
plt.show()

# %% images
# A small 8x8 image enlarged x8 by nearest, bilinear and bicubic (not every 2-D mode).
image = torch.rand(1, 1, 8, 8, device=device)
figure, axes = plt.subplots(1, 4, figsize=(10, 2.9))
axes[0].imshow(image[0, 0].cpu().numpy(), cmap="magma", vmin=0, vmax=1)
axes[0].set_title("input 8x8")
for ax, mode in zip(axes[1:], ("nearest", "bilinear", "bicubic")):
    ax.imshow(F.interpolate(image, scale_factor=8, mode=mode)[0, 0].cpu().numpy(), cmap="magma", vmin=0, vmax=1)
    ax.set_title(f"{mode} 64x64")
for ax in axes:
    ax.axis("off")
figure.tight_layout()
plt.show()

# %% trilinear
# Trilinear is bilinear in three dimensions: it needs a 5-D (N, C, D, H, W) volume.
volume = torch.arange(8.0, device=device).view(1, 1, 2, 2, 2)
bigger = nn.Upsample(scale_factor=2, mode="trilinear", align_corners=True)(volume)
print("volume", tuple(volume.shape), "->", tuple(bigger.shape))
print("corners kept:", torch.equal(bigger[0, 0, ::3, ::3, ::3], volume[0, 0]))
try:
    nn.Upsample(scale_factor=2, mode="bilinear")(volume)
except Exception as error:  # the message comes from the installed torch
    print(f"bilinear on 5-D: `{type(error).__name__}: {error}`")

# %% modes_table
# Which input ranks each mode accepts for float32 input, tried on the installed torch the way
# nn.Upsample calls it (no antialias argument).
modes = ["nearest", "nearest-exact", "linear", "bilinear", "bicubic", "trilinear", "area", "lanczos"]
shapes = {"3-D (N,C,L)": (1, 1, 4), "4-D (N,C,H,W)": (1, 1, 4, 4), "5-D (N,C,D,H,W)": (1, 1, 4, 4, 4)}
print("| mode | " + " | ".join(shapes) + " |")
print("|---|" + "---|" * len(shapes))
for mode in modes:
    cells = []
    for shape in shapes.values():
        try:
            F.interpolate(torch.ones(shape, device=device), scale_factor=2, mode=mode)
            cells.append("yes")
        except (NotImplementedError, ValueError, RuntimeError):
            cells.append("no")
    print(f"| `{mode}` | " + " | ".join(cells) + " |")

# %% decoder_block
# Where upsampling sits in a U-Net decoder: upsample, concatenate the skip, convolve.
class UpBlock(nn.Module):
    def __init__(self, in_channels, skip_channels, out_channels):
        super().__init__()
        self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False)
        self.conv = nn.Sequential(
            nn.Conv2d(in_channels + skip_channels, out_channels, 3, padding=1), nn.ReLU(inplace=True)
        )

    def forward(self, x, skip):
        x = self.up(x)
        print(f"  upsampled {tuple(x.shape)} + skip {tuple(skip.shape)}")
        return self.conv(torch.cat([x, skip], dim=1))


block = UpBlock(64, 32, 32).to(device)
out = block(torch.randn(1, 64, 16, 16, device=device), torch.randn(1, 32, 32, 32, device=device))
print("U-Net block output:", tuple(out.shape), "parameters:", sum(p.numel() for p in block.parameters()))

# %% generator_block
# And in a GAN generator: nearest upsampling then a convolution, from 4x4 to 32x32.
generator = nn.Sequential(
    *[
        layer
        for channels in ((128, 64), (64, 32), (32, 16))
        for layer in (nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(*channels, 3, padding=1), nn.BatchNorm2d(channels[1]), nn.ReLU())
    ]
).to(device)
h = torch.randn(2, 128, 4, 4, device=device)
for layer in generator:
    h = layer(h)
    if isinstance(layer, (nn.Upsample, nn.Conv2d)):
        print(f"{'nn.' + type(layer).__name__:12s} -> {tuple(h.shape)}")

# %% constant_input
# Why "upsample, then convolve": fed a constant map, it gives a map constant inside the
# border up to float rounding, while this stride-2 transposed convolution, with random
# weights, adds a pattern that repeats every 2 pixels.
torch.manual_seed(0)
flat = torch.ones(1, 16, 8, 8, device=device)
resize_conv = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(16, 1, 3, padding=1)).to(device)
transposed = nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1).to(device)
with torch.no_grad():
    for name, layer in (("upsample + conv", resize_conv), ("transposed conv", transposed)):
        inside = layer(flat)[0, 0, 2:-2, 2:-2]
        print(f"{name:16s} output inside the border: spread (max - min) {(inside.max() - inside.min()).item():.2e}")

# %% odd_skip
# An odd skip connection: 2x2 max pooling at stride 2 takes 25 pixels to 12, and x2 gives 24, not 25.
skip = torch.randn(1, 32, 25, 25, device=device)
low = nn.MaxPool2d(2)(torch.randn(1, 64, 25, 25, device=device))  # stands for the encoder's next level
try:
    torch.cat([nn.Upsample(scale_factor=2)(low), skip], dim=1)
except RuntimeError as error:
    print("scale_factor=2:", f"`{str(error).splitlines()[0]}`")
fitted = F.interpolate(low, size=skip.shape[-2:], mode="bilinear", align_corners=False)
print("size=skip.shape[-2:]:", tuple(torch.cat([fitted, skip], dim=1).shape))
try:
    nn.Upsample(scale_factor=0.5, mode="bilinear", antialias=True)
except TypeError as error:
    print("nn.Upsample(..., antialias=True):", f"`{error}`")
