"""Where upsampling lives.

This script looks at upsampling layers in two places: the decoder of an
encoder-decoder such as U-Net, where they restore the resolution the encoder removed
and meet the encoder's features through skip connections, and the generator of a GAN,
where they grow a small latent map into an image. It builds a minimal U-Net
whose encoder can downsample three ways and whose decoder can upsample five ways,
traces shapes through a real forward pass, builds a DCGAN-style generator, and
measures parameters and FLOPs for each choice and, for each decoder, the checkerboard
score at initialisation.
"""

# %% setup
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F
from _upsamplers import checkerboard_score, icnr_

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

# %% building_blocks
# Three ways to halve the resolution (see the downsampling pages) ...
class Interpolate(nn.Module):
    """F.interpolate as a layer: bilinear with antialiasing, so it low-passes first."""

    def __init__(self, scale_factor):
        super().__init__()
        self.scale_factor = scale_factor

    def forward(self, x):
        return F.interpolate(x, scale_factor=self.scale_factor, mode="bilinear", antialias=True)


def downsampler(kind, channels):
    return {
        "max pooling": lambda: nn.MaxPool2d(2),
        "strided conv": lambda: nn.Conv2d(channels, channels, 3, stride=2, padding=1),
        "antialiased interpolate": lambda: Interpolate(0.5),
    }[kind]()


# ... and five ways to double it, from c_in to c_out channels (icnr_ from the
# checkerboard page: the four sub-pixel outputs of a channel start with one kernel).
def upsampler(kind, c_in, c_out):
    if kind == "transposed conv":  # the original U-Net's 2x2 "up-convolution"
        return nn.ConvTranspose2d(c_in, c_out, 2, stride=2)
    if kind in ("nearest + conv", "bilinear + conv"):
        return nn.Sequential(nn.Upsample(scale_factor=2, mode=kind.split()[0]), nn.Conv2d(c_in, c_out, 3, padding=1))
    conv = nn.Conv2d(c_in, c_out * 4, 3, padding=1)
    return nn.Sequential(icnr_(conv) if kind == "PixelShuffle + ICNR" else conv, nn.PixelShuffle(2))


def conv_block(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU(), nn.Conv2d(c_out, c_out, 3, padding=1), nn.ReLU())


DOWNSAMPLERS = ["max pooling", "strided conv", "antialiased interpolate"]
UPSAMPLERS = ["transposed conv", "nearest + conv", "bilinear + conv", "PixelShuffle", "PixelShuffle + ICNR"]

# %% unet
# A minimal U-Net: two downsampling steps, two upsampling steps, a skip connection after
# each upsampling step (concatenate, then convolve), 3 input channels, 2 output classes.
class UNet(nn.Module):
    def __init__(self, down="max pooling", up="bilinear + conv", channels=(16, 32, 64), in_channels=3, classes=2):
        super().__init__()
        c1, c2, c3 = channels
        self.enc1 = conv_block(in_channels, c1)
        self.down1 = downsampler(down, c1)
        self.enc2 = conv_block(c1, c2)
        self.down2 = downsampler(down, c2)
        self.bottleneck = conv_block(c2, c3)
        self.up2 = upsampler(up, c3, c2)
        self.dec2 = conv_block(2 * c2, c2)
        self.up1 = upsampler(up, c2, c1)
        self.dec1 = conv_block(2 * c1, c1)
        self.head = nn.Conv2d(c1, classes, 1)

    def forward(self, x):
        skip1 = self.enc1(x)
        skip2 = self.enc2(self.down1(skip1))
        x = self.bottleneck(self.down2(skip2))
        x = self.dec2(torch.cat([self.up2(x), skip2], dim=1))
        x = self.dec1(torch.cat([self.up1(x), skip1], dim=1))
        return self.head(x)

    def decoder(self):
        return [self.up2, self.dec2, self.up1, self.dec1, self.head]


# %% trace_unet
# Shapes from a real forward pass: a hook on every named child prints what it returned.
def trace(model, *inputs):
    handles = [
        module.register_forward_hook(lambda m, args, out, name=name: print(f"  {f'`{name}`':14s} {'nn.' + type(m).__name__:19s} -> {tuple(out.shape)}"))
        for name, module in model.named_children()
    ]
    try:
        with torch.no_grad():
            out = model(*inputs)
    finally:
        for handle in handles:
            handle.remove()
    return out


torch.manual_seed(0)
unet = UNet("max pooling", "transposed conv").to(device)
image = torch.randn(1, 3, 64, 64, device=device)
print("input", tuple(image.shape))
traced = trace(unet, image)
print("(the two torch.cat calls are not modules: dec2 and dec1 receive twice the channels of up2 and up1)")

# %% dcgan
# A DCGAN-style generator in the form of soumith/dcgan.torch and the PyTorch DCGAN
# example: a latent vector grows to a 32x32 RGB image through kernel-4 transposed
# convolutions with batch norm and ReLU. (The DCGAN paper's own code projects the
# latent vector with a dense layer and uses kernel 5, stride 2; see the overlap below.)
def generator_block(c_in, c_out, first=False):
    stride, padding = (1, 0) if first else (2, 1)  # the first turns 1x1 into 4x4
    return nn.Sequential(nn.ConvTranspose2d(c_in, c_out, 4, stride, padding, bias=False), nn.BatchNorm2d(c_out), nn.ReLU())


generator = nn.Sequential(
    OrderedDict(
        project=generator_block(100, 128, first=True),
        up1=generator_block(128, 64),
        up2=generator_block(64, 32),
        to_rgb=nn.ConvTranspose2d(32, 3, 4, stride=2, padding=1),
        tanh=nn.Tanh(),
    )
).to(device)
latent = torch.randn(8, 100, 1, 1, device=device)
print("latent", tuple(latent.shape))
fake = trace(generator.eval(), latent)


# How many kernel copies a stride-2 transposed convolution adds onto each output
# pixel, away from the border: a transposed convolution of ones with a kernel of ones.
def overlap(kernel_size, stride=2):
    ones = torch.ones(1, 1, 16, 16, device=device)
    counts = F.conv_transpose2d(ones, torch.ones(1, 1, kernel_size, kernel_size, device=device), stride=stride)
    return counts[0, 0, kernel_size:-kernel_size, kernel_size:-kernel_size].unique().int().tolist()


overlaps = {kernel_size: overlap(kernel_size) for kernel_size in (4, 5)}
for kernel_size, counts in overlaps.items():
    print(f"kernel {kernel_size}, stride 2: {counts} kernel copies per output pixel (max / min = {max(counts) / min(counts):.2f})")

# %% measure
# For each decoder choice (encoder: max pooling) and each encoder choice (decoder:
# bilinear + conv): parameters and FLOPs of the convolutions (from layer shapes, a
# multiply-add counted as 2) for one 3x128x128 image; for each decoder choice also the
# checkerboard score of the _upsamplers module at initialisation on a constant 128x128 image: 4x4 phases
# (the decoder's total factor), 32 pixels away from the border, beyond the reach of
# zero padding (next cell); mean of 3 seeds; in float64: on GPUs with TF32 (Ampere
# and newer) cuDNN rounds float32 convolutions through TF32 by default, too coarsely
# for a test of flatness.
def conv_flops(model, x):
    total = []

    def count(module, args, out):
        if isinstance(module, nn.ConvTranspose2d):  # one kernel copy per input pixel
            pixels, (c_in, c_out) = args[0].shape[-2:].numel(), (module.in_channels, module.out_channels)
        else:
            pixels, (c_in, c_out) = out.shape[-2:].numel(), (module.in_channels, module.out_channels)
        total.append(2 * c_in // module.groups * c_out * module.kernel_size[0] * module.kernel_size[1] * pixels * out.shape[0])

    handles = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))]
    with torch.no_grad():
        model(x)
    for handle in handles:
        handle.remove()
    return sum(total)


def score_at_init(down, up):
    scores = []
    with torch.no_grad():
        for seed in range(3):
            torch.manual_seed(seed)
            model = UNet(down, up).to(device, torch.float64)
            scores.append(checkerboard_score(model(torch.ones(1, 3, 128, 128, device=device, dtype=torch.float64)), 4, 32))
    return sum(scores) / len(scores)


def measure(down, up):
    torch.manual_seed(0)
    model = UNet(down, up).to(device).eval()
    x = torch.rand(1, 3, 128, 128, device=device)
    return {
        "parameters": sum(p.numel() for p in model.parameters()),
        "decoder parameters": sum(p.numel() for part in model.decoder() for p in part.parameters()),
        "GFLOPs": conv_flops(model, x) / 1e9,
    }


by_decoder = {up: {**measure("max pooling", up), "score": score_at_init("max pooling", up)} for up in UPSAMPLERS}
by_encoder = {down: measure(down, "bilinear + conv") for down in DOWNSAMPLERS}
print("| decoder upsampling | parameters (decoder) | conv GFLOPs | checkerboard score at init |")
print("|---|---:|---:|---:|")
for up, m in by_decoder.items():
    print(f"| {up} | {m['parameters']:,} ({m['decoder parameters']:,}) | {m['GFLOPs']:.3f} | {m['score']:.2f} |")
print()
print("| encoder downsampling | parameters | conv GFLOPs |")
print("|---|---:|---:|")
for down, m in by_encoder.items():
    print(f"| {down} | {m['parameters']:,} | {m['GFLOPs']:.3f} |")

# %% border
# Closer to the border the flat decoders are not flat: the zero padding of every 3x3
# convolution reaches inwards through the network. The largest standard deviation of
# an output map inside a border of m pixels (seed 0), in float64; and the smallest
# border from which on it is within rounding (below 1e-15) for every larger one.
margins = (8, 16, 24, 32)


def interior_std(up, largest=40):
    torch.manual_seed(0)
    model = UNet("max pooling", up).to(device, torch.float64)
    with torch.no_grad():
        y = model(torch.ones(1, 3, 128, 128, device=device, dtype=torch.float64))
    return {m: y[..., m:-m, m:-m].std(dim=(-2, -1)).max().item() for m in range(1, largest + 1)}


near_border = {up: interior_std(up) for up in ("nearest + conv", "bilinear + conv", "PixelShuffle + ICNR")}
flat_from = {up: min(m for m in stds if all(s < 1e-15 for k, s in stds.items() if k >= m)) for up, stds in near_border.items()}
print("| decoder | " + " | ".join(f"{m} px" for m in margins) + " | flat from |")
print("|---|" + "---:|" * (len(margins) + 1))
for up, stds in near_border.items():
    print(f"| {up} | " + " | ".join(f"{stds[m]:.1e}" for m in margins) + f" | {flat_from[up]} px |")

# %% odd_sizes
# Every decoder doubles exactly, but the encoders round 63 differently: max pooling and
# interpolate round down (63 -> 31), the strided convolution (kernel 3, padding 1)
# rounds up (63 -> 32). Either way the doubled map misses the skip connection's size
# unless the input divides by 2 ** depth.
torch.manual_seed(0)
for down in DOWNSAMPLERS:
    model = UNet(down, "bilinear + conv").to(device)
    with torch.no_grad():
        halved = tuple(model.down1(torch.zeros(1, 16, 63, 63, device=device)).shape[-2:])
        try:
            shape = tuple(model(torch.zeros(1, 3, 63, 63, device=device)).shape)
            print(f"63x63, {down:24s} halves to {halved} -> {shape}")
        except RuntimeError as error:
            print(f"63x63, {down:24s} halves to {halved} -> `RuntimeError: {str(error).splitlines()[0]}`")

# %% odd_sizes_fix
# One fix that works for every decoder: pad the input up to a multiple of 2 ** depth
# (reflecting the border), run the network, crop the output back.
def run_padded(model, x, multiple=4, mode="reflect"):
    height, width = x.shape[-2:]
    padded = F.pad(x, (0, -width % multiple, 0, -height % multiple), mode=mode)
    return model(padded)[..., :height, :width]


def first_line(error):
    # The part of the message that CPU and CUDA builds word alike: each ends in its own ", but got"
    # details, and the CPU's reflection padding starts with "Argument #4: ", CUDA's does not.
    message = str(error).splitlines()[0].split(", but got")[0].removeprefix("Argument #4: ")
    return f"`{type(error).__name__}: {message}`"


torch.manual_seed(0)
for up in UPSAMPLERS:
    with torch.no_grad():
        print(f"63x63, {up:20s} padded to 64x64 -> {tuple(run_padded(UNet('max pooling', up).to(device), torch.zeros(1, 3, 63, 63, device=device)).shape)}")

# Reflection needs every side longer than the padding it gets: a 2x2 input padded by 2.
padded_tiny = {}
with torch.no_grad():
    for mode in ("reflect", "replicate"):
        try:
            padded_tiny[mode] = tuple(run_padded(unet, torch.zeros(1, 3, 2, 2, device=device), mode=mode).shape)
        except RuntimeError as error:
            padded_tiny[mode] = first_line(error)
        print(f"2x2, {mode:9s} padded to 4x4 -> {padded_tiny[mode]}")

# output_size= lets a transposed convolution add up to stride - 1 pixels, never remove
# one: it restores 63 after an encoder that rounds down (31), not after one that rounds up (32).
up_to_63 = {}
with torch.no_grad():
    for down in DOWNSAMPLERS:
        halved = downsampler(down, 16).to(device)(torch.zeros(1, 16, 63, 63, device=device))
        try:
            up_to_63[down] = tuple(nn.ConvTranspose2d(16, 16, 2, stride=2).to(device)(halved, output_size=(63, 63)).shape)
        except ValueError as error:
            up_to_63[down] = first_line(error)
        print(f"63x63, {down:24s} halves to {tuple(halved.shape[-2:])}, output_size=(63, 63) -> {up_to_63[down]}")
