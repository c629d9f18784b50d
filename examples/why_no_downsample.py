"""Why PyTorch has no nn.Downsample.

"Downsample" names several different operations. This script runs them on the same
photograph, halving (and quartering) it, and measures what each one keeps: max pooling
keeps peaks (and is not linear once a window holds two input pixels), average pooling keeps the mean and, on floating-point
input with small kernels while neither overflows, is a fixed strided convolution up to rounding (unless
``count_include_pad=False`` or ``ceil_mode=True`` changes its divisor at the border), a strided convolution learns,
``F.interpolate`` resamples, and ``PixelUnshuffle`` keeps every value by moving pixels into channels.
"""

# %% setup
import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F
from _settings import full_float32  # shared with other pages (shown above)
from matplotlib.cbook import get_sample_data

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


# A real photograph that ships with matplotlib, so the example runs offline.
with get_sample_data("grace_hopper.jpg") as file:
    photo = torch.from_numpy(plt.imread(file).copy())
image = photo.permute(2, 0, 1).unsqueeze(0).float().div(255).to(device)  # N, C, H, W in [0, 1]
print(f"torch {torch.__version__} on {device}; image {tuple(image.shape)}")

# %% docs_say
# What the installed torch's own docstrings say about down- and upsampling, quoted as code
# (their words in every language; the reST backticks dropped).
print("F.interpolate:", f"`{F.interpolate.__doc__.strip().splitlines()[0]}`")
upsample_doc = " ".join(nn.Upsample.__doc__.split())
advice = next(s for s in upsample_doc.split(". ") if "downsampling" in s)
print("nn.Upsample:  ", f"`{advice.split('::')[-1].strip().replace('`', '')}.`")
print("`hasattr(nn, 'Downsample')`:", hasattr(nn, "Downsample"))

# %% methods
# Ways to halve height and width, grouped by what they compute. The two convolutions have
# the same kernel and stride; one has random weights and a bias (as at the start of training),
# one averages each 2x2 block of each channel and has no bias.
conv_random = nn.Conv2d(3, 3, kernel_size=2, stride=2).to(device)
conv_average = nn.Conv2d(3, 3, kernel_size=2, stride=2, bias=False).to(device)
with torch.no_grad():
    conv_average.weight.zero_()
    for channel in range(3):
        conv_average.weight[channel, channel] = 0.25

height, width = image.shape[-2] // 2, image.shape[-1] // 2
meanings = {
    "keep the strongest": {"MaxPool2d(2)": nn.MaxPool2d(2)},
    "keep the mean": {"AvgPool2d(2)": nn.AvgPool2d(2), f"AdaptiveAvgPool2d(({height}, {width}))": nn.AdaptiveAvgPool2d((height, width))},
    "learn what to keep": {"Conv2d(stride=2), random": conv_random, "Conv2d(stride=2), averaging": conv_average},
    "resample": {
        "interpolate(bilinear)": lambda x: F.interpolate(x, scale_factor=0.5, mode="bilinear"),
        "interpolate(nearest)": lambda x: F.interpolate(x, scale_factor=0.5, mode="nearest"),
        "Upsample(scale_factor=0.5, bilinear)": nn.Upsample(scale_factor=0.5, mode="bilinear"),
    },
    "rearrange, keep every value": {"PixelUnshuffle(2)": nn.PixelUnshuffle(2)},
}
methods = {name: method for group in meanings.values() for name, method in group.items()}
with torch.no_grad(), full_float32():
    halves = {name: method(image) for name, method in methods.items()}
for meaning, group in meanings.items():
    for name in group:
        print(f"{meaning + ':':29s} {name:38s} -> {tuple(halves[name].shape)}")

# %% table
# Parameters, and what each output keeps: distance to the 2x2 block mean (what AvgPool2d
# computes) and to the 2x2 block maximum (what MaxPool2d computes).
def parameters(method):
    return sum(p.numel() for p in method.parameters()) if isinstance(method, nn.Module) else 0


block_mean, block_max = halves["AvgPool2d(2)"], halves["MaxPool2d(2)"]
print("| meaning | method | parameters | max abs diff to block mean | max abs diff to block max |")
print("|---|---|---:|---:|---:|")
for meaning, group in meanings.items():
    for name in group:
        out = halves[name]
        if out.shape == block_mean.shape:
            distances = f"{(out - block_mean).abs().max().item():.4f} | {(out - block_max).abs().max().item():.4f}"
        else:
            distances = f"n/a: {tuple(out.shape[1:])} | n/a"
        call, _, note = name.rpartition("), ")  # "Conv2d(stride=2), random": the note is prose, not code
        print(f"| {meaning} | {f'`{call})`, {note}' if call else f'`{name}`'} | {parameters(methods[name])} | {distances} |")

# %% max_is_not_linear
# Every convolution, whatever its (finite) weights and bias, is affine: conv(a + b) - conv(a)
# - conv(b) + conv(0) is zero for finite inputs up to float rounding (while nothing overflows;
# an inf input gives inf - inf = nan). MaxPool2d(2) fails that test on two 2x2 images, so no
# convolution computes it; AvgPool2d(2) passes.
a = torch.tensor([[[[1.0, 0.0], [0.0, 0.0]]]], device=device)
b = torch.tensor([[[[0.0, 0.0], [0.0, 1.0]]]], device=device)
zero = torch.zeros_like(a)
single_channel = {"MaxPool2d(2)": nn.MaxPool2d(2), "AvgPool2d(2)": nn.AvgPool2d(2), "Conv2d(1, 1, 2, stride=2), random": nn.Conv2d(1, 1, 2, stride=2).to(device)}
print(f"a = {a.flatten().tolist()}, b = {b.flatten().tolist()} (2x2 images, row by row)")
with torch.no_grad(), full_float32():
    for name, f in single_channel.items():
        residual = (f(a + b) - f(a) - f(b) + f(zero)).item()
        print(f"{name:34s} f(a+b) = {f(a + b).item():+.4f}, f(a) + f(b) - f(0) = {(f(a) + f(b) - f(zero)).item():+.4f}, residual {residual:+.4f}")

# %% avg_is_a_conv
# Average pooling of float16 to float64 input is a convolution with fixed weights, 1/k^rank
# for a k-wide window in each of rank dimensions (1/d with divisor_override=d; per channel: groups=C), and no bias, at
# the pooling's stride and padding, up to float rounding on small kernels while neither overflows. Checked on the photo and on 1-D
# and 3-D input (on the CPU, 3-D pooling refuses float16 and bfloat16, and both refuse float8).
def avg_pool_as_conv(x, k, stride, padding=0):
    rank = x.dim() - 2
    weight = torch.full((x.shape[1], 1) + (k,) * rank, 1.0 / k**rank, device=x.device, dtype=x.dtype)
    conv = (F.conv1d, F.conv2d, F.conv3d)[rank - 1]
    return conv(x, weight, stride=stride, padding=padding, groups=x.shape[1])


avg_pool = (F.avg_pool1d, F.avg_pool2d, F.avg_pool3d)
cases = [(image, 2, 2, 0), (image, 3, 2, 1), (torch.rand(2, 4, 37, device=device), 3, 2, 1), (torch.rand(1, 2, 9, 7, 11, device=device), 2, 3, 0)]
for x, k, stride, padding in cases:
    pooled = avg_pool[x.dim() - 3](x, k, stride, padding)
    with full_float32():
        gap = (pooled - avg_pool_as_conv(x, k, stride, padding)).abs().max().item()
    print(f"input {tuple(x.shape)}, kernel {k}, stride {stride}, padding {padding}: max |avg_pool - conv| = {gap:.1e}")
# Where it stops: options that change the divisor at the border.
x = torch.rand(1, 1, 5, 5, device=device)
for option in (dict(padding=1, count_include_pad=False), dict(ceil_mode=True)):
    pooled = F.avg_pool2d(x, 2, 2, **option)
    conv = avg_pool_as_conv(x, 2, 2, option.get("padding", 0))
    if pooled.shape != conv.shape:  # ceil_mode adds a window the zero-padded conv has no room for
        conv = avg_pool_as_conv(F.pad(x, (0, 1, 0, 1)), 2, 2)
    print(f"5x5 input, kernel 2, {', '.join(f'{k}={v}' for k, v in option.items())}: max |avg_pool - conv| = {(pooled - conv).abs().max().item():.4f}")

# %% relu_commutes
# On finite input, max pooling commutes with ReLU, and with every non-decreasing activation, wherever a window
# holds an input pixel (here, every window), so "pool after the activation" and "pool
# before it" give the same numbers, up to the sign of a zero and float rounding (ELU's, below), except where float64
# Softplus switches to x past its threshold and where Tanhshrink's tanh(x) cancels most of x (the page lists these;
# pooling first runs the activation on a quarter of the values here). ELU with its default alpha goes negative too but never decreases, so it commutes; GELU and SiLU decrease over part of the negative axis, so they do not.
features = 2 * torch.randn(1, 8, 64, 64, device=device)  # pre-activation features: about half negative
print(f"share of negative values in the feature map: {(features < 0).float().mean().item():.2f}")
activations = {"ReLU": F.relu, "LeakyReLU": F.leaky_relu, "Hardtanh": F.hardtanh, "ELU": F.elu, "GELU": F.gelu, "SiLU": F.silu}
for name, act in activations.items():
    after = F.max_pool2d(act(features), 2)
    before = act(F.max_pool2d(features, 2))
    print(f"max_pool({name}(x)) == {name}(max_pool(x)): {torch.equal(after, before)}, max difference {(after - before).abs().max().item():.4f}, "
          f"lowest value {act(features).min().item():+.3f}")
# On an AVX2 or AVX-512 CPU, ELU (computed with expm1) runs SIMD code on blocks of elements and
# scalar code on the rest, and the two can round the last bits differently.
# Four 20x20 crops per channel: on a crop, a view, ELU runs row by row, the scalar code on all 20 values
# of a row with AVX-512 and on the last 4 with AVX2; pooled to 100 contiguous values, the SIMD code on
# the first 96 with either.
crops = [features[:1, c : c + 1, i : i + 20, j : j + 20] for c in range(features.shape[1]) for i in (0, 44) for j in (0, 44)]
elu_gap = max((F.max_pool2d(F.elu(c), 2) - F.elu(F.max_pool2d(c, 2))).abs().max().item() for c in crops)
print(f"ELU on 20x20 crops, one channel at a time: max difference {elu_gap:.1e} (float32 rounding)")
grid = torch.linspace(-6, 0, 60001, device=device, dtype=torch.float64)
minimum = {name: grid[activations[name](grid).argmin()].item() for name in ("GELU", "SiLU")}
for name, x_min in minimum.items():
    print(f"{name} is lowest at x = {x_min:+.2f} and rises again to the left of it: {name}(-6) = {activations[name](grid[:1]).item():+.2g}")
window = torch.tensor([[[-0.75, -3.0]]], device=device)  # one window of two values
for name, act in {"GELU": F.gelu, "SiLU": F.silu}.items():
    print(f"window {window.flatten().tolist()}: max_pool({name}(x)) = {F.max_pool1d(act(window), 2).item():.4f}, "
          f"{name}(max_pool(x)) = {act(F.max_pool1d(window, 2)).item():.4f}")
# On floating-point input, average pooling (with a positive divisor) and ReLU commute where no window mixes signs
# (an int64 window's sum can wrap around: four values of 2**63 - 1 average to -1, which ReLU turns into 0):
# give every 2x2 window of the features one random sign to see it.
window_signs = torch.randint(0, 2, (1, 8, 32, 32), device=device) * 2 - 1
one_sign = features.abs() * window_signs.repeat_interleave(2, -2).repeat_interleave(2, -1)
avg_gap = {}
for case, x in {"on the feature map": features, "with every window of one sign": one_sign}.items():
    avg_gap[case] = (F.avg_pool2d(F.relu(x), 2) - F.relu(F.avg_pool2d(x, 2))).abs().max().item()
    print(f"avg_pool and ReLU {case}: max difference {avg_gap[case]:.4f}")

# %% resample
# On this photo interpolate(bilinear) at 0.5 is AvgPool2d(2) up to float rounding; at 1/3 and 1/4 it is not (it reads
# at most 2x2 pixels for each output pixel). nn.Upsample with a scale below 1 downsamples
# too, and has no antialias argument.
for k in (2, 3, 4):
    bilinear = F.interpolate(image, scale_factor=1 / k, mode="bilinear")
    print(f"factor {k}: max |interpolate(bilinear) - AvgPool2d({k})| on the photo = {(bilinear - F.avg_pool2d(image, k)).abs().max().item():.4f}")
# At factors 3, 5 and 7 each output point of the photo lands on a pixel centre: bilinear returns that one pixel.
middle_slicing = {}
for k in (3, 5, 7):
    crop = image[..., : image.shape[-2] // k * k, : image.shape[-1] // k * k]  # whole blocks only
    middle_slicing[k] = torch.equal(F.interpolate(crop, scale_factor=1 / k, mode="bilinear"), crop[..., k // 2 :: k, k // 2 :: k])
    print(f"factor {k}: interpolate(bilinear) == x[..., {k // 2}::{k}, {k // 2}::{k}] (the middle pixel of each block): {middle_slicing[k]}")
# The neighbour is still read, with weight 0: an inf there makes 0 * inf = nan.
spike = torch.zeros(1, 1, 3, 3, device=device)
spike[..., 2, 2] = float("inf")
spike_out = F.interpolate(spike, scale_factor=1 / 3, mode="bilinear").item()
print(f"3x3 zeros with inf in the last corner, factor 3: interpolate(bilinear) = {spike_out}, x[..., 1::3, 1::3] = {spike[..., 1::3, 1::3].item()}")
upsample_down = nn.Upsample(scale_factor=0.5, mode="bilinear")(image)
print("nn.Upsample(scale_factor=0.5, mode='bilinear') equals AvgPool2d(2) to float rounding:", torch.allclose(upsample_down, block_mean))
print("nn.Upsample takes antialias:", "antialias" in nn.Upsample.__init__.__code__.co_varnames)
# On 2k x 2k crops (sizes that k divides), interpolate(nearest) at 1/k is slicing x[..., ::k, ::k], except at a few k.
odd = [k for k in range(2, 101) if not torch.equal(F.interpolate(image[..., : 2 * k, : 2 * k], scale_factor=1 / k, mode="nearest"), image[..., : 2 * k : k, : 2 * k : k])]
print("whole factors k <= 100 where interpolate(x[..., :2k, :2k], scale_factor=1/k, nearest) != x[..., :2k:k, :2k:k]:", odd)
# Bilinear at odd factors computes the same output size, so it misses slicing at the same odd factors.
odd_bilinear = [k for k in range(3, 101, 2) if not torch.equal(F.interpolate(image[..., : 2 * k, : 2 * k], scale_factor=1 / k, mode="bilinear"), image[..., k // 2 : 2 * k : k, k // 2 : 2 * k : k])]
print("odd factors k <= 100 where interpolate(x[..., :2k, :2k], scale_factor=1/k, bilinear) != x[..., k//2:2k:k, k//2:2k:k]:", odd_bilinear)
# What goes wrong there is the output size, floor(size * (1/k)) in floating point, and only for some sizes.
def output_height(height, k):
    try:
        return F.interpolate(torch.zeros(1, 1, height, 1, device=device), scale_factor=(1 / k, 1), mode="nearest").shape[-2]
    except RuntimeError:  # an output size of 0 is refused
        return 0


k = odd[0]
rows = {m: output_height(m * k, k) for m in range(1, 11)}
print(f"k = {k}: input height {k}·m gives output height " + ", ".join(f"{rows[m]} (m={m})" for m in rows))

# %% antialias_support
# antialias=True is refused for most modes and ranks: which ones accept it here.
ranks = {3: torch.rand(1, 1, 8, device=device), 4: torch.rand(1, 1, 8, 8, device=device), 5: torch.rand(1, 1, 8, 8, 8, device=device)}
antialias_accepted = {}
print("| mode | " + " | ".join(f"{rank}-D" for rank in ranks) + " |")
print("|---|" + "---|" * len(ranks))
for mode in ("nearest", "nearest-exact", "area", "linear", "bilinear", "bicubic", "trilinear", "lanczos"):
    for rank, x in ranks.items():
        try:
            F.interpolate(x.cpu(), scale_factor=0.5, mode=mode, antialias=True)  # CPU: lanczos has no CUDA kernel
            antialias_accepted[mode, rank] = "yes"
        except (ValueError, RuntimeError, NotImplementedError) as error:
            antialias_accepted[mode, rank] = "no: " + type(error).__name__
    print(f"| `{mode}` | " + " | ".join(antialias_accepted[mode, rank] for rank in ranks) + " |")

# %% picture
# Quarter the photo (factor 4) with each method, and show the same crop of each result.
factor = 4
quarter_methods = {
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
    for ax, (name, method) in zip(axes.flat, [("original", lambda x: x)] + list(quarter_methods.items())):
        out = method(image)
        crop = out[0, :, : out.shape[2] // 2, out.shape[3] // 4 : 3 * out.shape[3] // 4]
        ax.imshow(crop.clamp(0, 1).permute(1, 2, 0).cpu().numpy(), interpolation="nearest")
        ax.set_title(f"{name}\n{tuple(out.shape[2:])}", fontsize=9)
        ax.axis("off")
figure.suptitle("One photo, downsampled 4x (same crop)")
figure.tight_layout()
plt.show()
