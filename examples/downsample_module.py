"""What an nn.Downsample would be.

A small ``Downsample(factor, method=...)`` module, used the way ``nn.Upsample`` is: build
it once, call it on (N, C, H, W) tensors. Its methods are the answers of the previous
pages, by name: 'max', 'avg', 'area', 'antialias-bilinear', 'blur', 'max-blur', 'conv'
and 'pixel-unshuffle'. The script measures what each one keeps, checks the module in an
encoder-decoder with ``nn.Upsample``, and builds a decision table from the measurements.
"""

# %% setup
import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% module
# The module itself is in examples/_downsample.py (shown above), so other examples can
# import the same code.
from _downsample import Downsample

# %% demo
# Built once, called like nn.Upsample; the repr says what it does.
x = torch.randn(2, 16, 32, 32, device=device)
print(nn.Upsample(scale_factor=2, mode="bilinear"))
for method in Downsample.METHODS:
    down = Downsample(2, method=method, channels=16).to(device)
    print(f"{str(down):60s} {tuple(x.shape)} -> {tuple(down(x).shape)}  parameters: {sum(p.numel() for p in down.parameters())}")
print(Downsample(4, method="conv", channels=16))

# %% odd_sizes
# Sizes that do not divide: every method gives floor(H / k). 'avg' and 'max' then ignore
# the last row and column; 'area' and 'antialias-bilinear' spread their windows over all of them.
odd = torch.randn(1, 1, 15, 15, device=device, requires_grad=True)
reach = {}
for method in ("max", "avg", "area", "antialias-bilinear", "blur"):
    out = Downsample(2, method=method).to(device)(odd)
    (grad,) = torch.autograd.grad(out.sum(), odd)  # a pixel reaches the output if the output depends on it
    reach[method] = int((grad != 0).sum())
    print(f"{method:20s} 15x15 -> {out.shape[-2]}x{out.shape[-1]}, input pixels that reach the output: {reach[method]} of {odd.numel()}")

# %% errors
# Bad arguments fail at construction, with a message that says what to do.
for arguments in ({"factor": 1}, {"factor": 2.5}, {"factor": 2, "method": "bilinear"}, {"factor": 3, "method": "blur"}, {"factor": 2, "method": "conv"}):
    try:
        Downsample(**arguments)
    except ValueError as error:
        print(f"Downsample(**{arguments}): {error}")
for shape, method in (((16, 32, 32), "avg"), ((1, 1, 15, 15), "pixel-unshuffle")):
    try:
        Downsample(2, method=method)(torch.zeros(shape, device=device))
    except ValueError as error:
        print(f"{method} on {shape}: {error}")

# %% encoder_decoder
# Downsample and nn.Upsample as mirror images in a tiny encoder-decoder.
model = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), Downsample(2, method="max-blur"),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), Downsample(2, method="blur"),
    nn.Upsample(scale_factor=2, mode="bilinear"), nn.Conv2d(32, 16, 3, padding=1), nn.ReLU(),
    nn.Upsample(scale_factor=2, mode="bilinear"), nn.Conv2d(16, 3, 3, padding=1),
).to(device)
h = torch.randn(1, 3, 64, 64, device=device)
print(f"{'input':42s} {tuple(h.shape)}")
for layer in model:
    h = layer(h)
    if isinstance(layer, (Downsample, nn.Upsample)):
        print(f"{str(layer):42s} {tuple(h.shape)}")
print("output", tuple(h.shape))

# The lossless pair, and the odd-size trap: 15 -> 7 -> 14 unless Upsample is given the size.
x = torch.randn(1, 3, 64, 64, device=device)
roundtrip = nn.PixelShuffle(2)(Downsample(2, method="pixel-unshuffle")(x))
print("PixelShuffle(Downsample(2, 'pixel-unshuffle')(x)) == x:", torch.equal(roundtrip, x))
odd = torch.randn(1, 3, 15, 15, device=device)
halved = Downsample(2, method="avg")(odd)
print("15x15 -> down ->", tuple(halved.shape[-2:]), "-> Upsample(scale_factor=2) ->", tuple(nn.Upsample(scale_factor=2)(halved).shape[-2:]),
      "; Upsample(size=(15, 15)) ->", tuple(nn.Upsample(size=odd.shape[-2:])(halved).shape[-2:]))

# %% measurements
# Everything the decision table claims, measured here at factor 2 with 16 channels.
# Random images have the 1/f spectrum of photos; they are wrap-padded before each method
# and cropped after, so that borders play no part (as on the previous page).
def random_images(count, size, generator):
    f = torch.fft.fftfreq(size)
    radius = torch.sqrt(f.view(-1, 1) ** 2 + f.view(1, -1) ** 2).clamp(min=1 / size)
    images = torch.fft.ifft2(torch.polar(1 / radius, 2 * math.pi * torch.rand(count, 16, size, size, generator=generator))).real
    return ((images - images.mean()) / images.std()).to(device)


def periodic(down, x, pad=16):
    return down(F.pad(x, (pad,) * 4, mode="circular"))[..., pad // 2 : -pad // 2, pad // 2 : -pad // 2]


def lowpass(x):  # keep only the frequencies a 2x smaller grid can hold
    keep = (torch.fft.fftfreq(x.shape[-1], device=x.device).abs() < 0.25).float()
    return torch.fft.ifft2(torch.fft.fft2(x) * keep.view(-1, 1) * keep.view(1, -1)).real


def half_pixel_shift(y, dim):  # what an ideal 2x downsampler's output does when the input moves 1 px
    f = torch.fft.fftfreq(y.shape[dim], device=y.device)
    phase = torch.exp(-1j * math.pi * f)
    return torch.fft.ifft2(torch.fft.fft2(y) * (phase.view(-1, 1) if dim == -2 else phase.view(1, -1))).real


def spread(y):
    return (y - y.mean(dim=(-2, -1), keepdim=True)).norm()


generator = torch.Generator().manual_seed(1)
images = random_images(4, 64, generator)
spikes = torch.zeros(64, 16, 32, 32, device=device)  # one bright pixel per map, anywhere
where = torch.randint(0, 32 * 32, (64 * 16,), generator=generator).to(device)
spikes.view(64 * 16, -1)[torch.arange(64 * 16, device=device), where] = 1.0
noise = torch.randn(8, 16, 32, 32, generator=generator).to(device)
picture = torch.rand(1, 1, 64, 64, generator=generator)


def pillow_bilinear(x):
    small = Image.fromarray(x[0, 0].numpy(), mode="F").resize((x.shape[-1] // 2, x.shape[-2] // 2), Image.Resampling.BILINEAR)
    return torch.from_numpy(np.asarray(small).copy())


facts = {}
for method in Downsample.METHODS:
    torch.manual_seed(0)
    down = Downsample(2, method=method, channels=16).to(device)
    fact = {"parameters": sum(p.numel() for p in down.parameters())}
    if fact["parameters"]:  # learnable: a loss on the output sends gradients to every weight
        down(images).square().mean().backward()
        fact["learnable"] = all(p.grad is not None and p.grad.abs().sum() > 0 for p in down.parameters())
    else:
        fact["learnable"] = False
    with torch.no_grad():
        fact["peak kept"] = down(spikes).amax(dim=(1, 2, 3)).mean().item()  # every spike has height 1
        fact["noise left"] = down(noise).std().item() / noise.std().item()
        if method == "pixel-unshuffle":
            back = nn.PixelShuffle(2)(down(images))
        else:
            back = nn.Upsample(scale_factor=2, mode="bilinear")(down(images))
        fact["reconstruction error"] = ((back - images).norm() / images.norm()).item()
        if method != "pixel-unshuffle":  # it moves pixels into channels; these two compare images
            small = periodic(down, images)
            fact["folded energy"] = ((small - periodic(down, lowpass(images))).norm() ** 2 / spread(small) ** 2).item()
            moved = [(periodic(down, images.roll(1, dims=d)) - half_pixel_shift(small, d)).norm() / spread(small) for d in (-2, -1)]
            fact["shift error"] = (sum(moved) / 2).item()
        if method not in ("conv", "pixel-unshuffle"):  # image resizers: compare with Pillow on one channel
            fact["max diff to Pillow"] = (down(picture.to(device))[0, 0].cpu() - pillow_bilinear(picture)).abs().max().item()
    facts[method] = fact

columns = ["parameters", "learnable", "peak kept", "noise left", "reconstruction error", "folded energy", "shift error"]
print("| method | " + " | ".join(columns) + " |")
print("|---|" + "---:|" * len(columns))
for method, fact in facts.items():
    cells = [fact.get(c, "n/a") for c in columns]
    print(f"| `{method}` | " + " | ".join(f"{v:.3f}" if isinstance(v, float) else ("yes" if v is True else "no" if v is False else str(v)) for v in cells) + " |")

# %% decision_table
# When to use which: each row's evidence is read from the measurements above.
f = facts
rows = [
    ("keep the strongest activation", "max",
     f"peak kept {f['max']['peak kept']:.2f} (avg {f['avg']['peak kept']:.2f})"),
    ("keep peaks, but stay stable under shifts", "max-blur",
     f"peak kept {f['max-blur']['peak kept']:.2f}, shift error {f['max-blur']['shift error']:.3f} (max {f['max']['shift error']:.3f})"),
    ("smooth: average out noise", "avg",
     f"noise left {f['avg']['noise left']:.2f} (max {f['max']['noise left']:.2f})"),
    ("count every pixel, whatever the size", "area",
     f"15x15 input: {reach['area']} of 225 pixels used (avg {reach['avg']})"),
    ("resize images as Pillow does", "antialias-bilinear",
     f"max difference to Pillow {f['antialias-bilinear']['max diff to Pillow']:.0e} (avg {f['avg']['max diff to Pillow']:.2f})"),
    ("stay shift-equivariant, with the least aliasing", "blur",
     f"folded energy {f['blur']['folded energy']:.3f}, shift error {f['blur']['shift error']:.3f} (avg {f['avg']['folded energy']:.3f}, {f['avg']['shift error']:.3f})"),
    ("learn what to keep", "conv",
     f"{f['conv']['parameters']} parameters at 16 channels, all receive gradients"),
    ("stay lossless", "pixel-unshuffle",
     f"reconstruction error {f['pixel-unshuffle']['reconstruction error']:.0f} with PixelShuffle, in 4x the channels"),
]
print("| you want to | `Downsample(2, method=...)` | measured on this page |")
print("|---|---|---|")
for need, method, evidence in rows:
    print(f"| {need} | `'{method}'` | {evidence} |")
