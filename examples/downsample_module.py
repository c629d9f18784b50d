"""What an nn.Downsample would be.

A small ``Downsample(factor, method=...)`` module, used the way ``nn.Upsample`` is: build
it once, call it on (N, C, H, W) tensors. Its methods are the answers of the previous
pages, by name: 'max', 'avg', 'area', 'antialias-bilinear', 'blur', 'max-blur', 'conv'
and 'pixel-unshuffle'. The script measures where each method's samples sit, the smallest
input each accepts, the output size at factors up to 100, its dtypes, torch.compile and
TorchScript, what each keeps, checks the module in an encoder-decoder with
``nn.Upsample``, and builds a decision table from the measurements.
"""

# %% setup
import math
import warnings

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
from _downsample import BlurPool, Downsample, MaxBlurPool

# %% demo
# Built once, called like nn.Upsample; the repr says what it does.
x = torch.randn(2, 16, 32, 32, device=device)
print(nn.Upsample(scale_factor=2, mode="bilinear"))
for method in Downsample.METHODS:
    down = Downsample(2, method=method, channels=16).to(device)
    print(f"{str(down):90s} {tuple(x.shape)} -> {tuple(down(x).shape)}  parameters: {sum(p.numel() for p in down.parameters())}")
print(Downsample(4, method="conv", channels=16))

# %% phase
# Where output pixel i sits in the input, measured along the width of a ramp. A linear
# method returns the position its weights are centred on; for 'max' and 'max-blur', half
# the difference between their outputs for the ramp and for its negative does the same.
# 'conv' has random weights: its position is the centre of the pixels it reads.
def positions(down, width=48):
    ramp = torch.arange(float(width), device=device, dtype=torch.float64).expand(1, 16, 24, width)
    if isinstance(down, Downsample) and down.method == "conv":
        ramp = ramp.clone().requires_grad_()
        out = down.double()(ramp)
        where = []
        for i in range(out.shape[-1]):
            (grad,) = torch.autograd.grad(out[0, 0, out.shape[-2] // 2, i], ramp, retain_graph=True)
            columns = grad[0].abs().sum(dim=(0, 1)).nonzero().flatten().double()
            where.append((columns.min() + columns.max()) / 2)
        return torch.stack(where)
    position = (down(ramp) - down(-ramp)) / 2
    return position.mean(dim=1)[0, position.shape[-2] // 2]  # pixel-unshuffle: mean over each block's k*k channels


def offset(down, k, width=48):
    """Position of interior output i minus k*i, if the same for every interior i."""
    where = positions(down, width)
    inner = (where - k * torch.arange(len(where), device=device))[2:-2]
    return f"{inner[0].item():+.2f}" if torch.allclose(inner, inner[0].expand_as(inner), atol=1e-9) else "varies"


phase = {}
for method in Downsample.METHODS:
    phase[method] = {}
    for k in (2, 3, 4):
        try:
            phase[method][k] = offset(Downsample(k, method=method, channels=16).to(device), k)
        except ValueError:  # the blur methods take powers of 2 only
            phase[method][k] = "n/a"
zhang = {"BlurPool(filter_size=5)": BlurPool(5), "BlurPool(filter_size=4)": BlurPool(4), "MaxBlurPool() (2x2 max, 4 taps)": MaxBlurPool(), "MaxBlurPool(filter_size=5)": MaxBlurPool(2, 5)}
for name, pool in zhang.items():
    phase[name] = {2: offset(pool, 2), 3: "n/a", 4: "n/a"}
print("| method | factor 2 | factor 3 | factor 4 |")
print("|---|---:|---:|---:|")
print("| block centre, (k - 1) / 2 | +0.50 | +1.00 | +1.50 |")
for name, row in phase.items():
    label = f"`Downsample(k, {name!r})`" if name in Downsample.METHODS else f"Zhang's `{name}`"
    print(f"| {label} | " + " | ".join(row[k] for k in (2, 3, 4)) + " |")

# %% phase_odd
# When k does not divide the size: 15 pixels at factor 2 (and 25 at factor 4). 'area' spreads
# its 7 windows over all 15 pixels, and so does antialiased bilinear given size=7 instead of the factor.
def drift(where, k=2):
    return [round(v, 3) for v in (where - (k * torch.arange(len(where), device=device) + (k - 1) / 2)).tolist()]


class Resize(nn.Module):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def forward(self, x):
        return F.interpolate(x, size=(x.shape[-2], self.size), mode="bilinear", antialias=True)


odd_drift = {
    "Downsample(2, 'antialias-bilinear')": drift(positions(Downsample(2, "antialias-bilinear"), 15)),
    "Downsample(4, 'antialias-bilinear'), 25 px": drift(positions(Downsample(4, "antialias-bilinear"), 25), 4),
    "Downsample(2, 'area')": drift(positions(Downsample(2, "area"), 15)),
    "F.interpolate(size=7, antialias=True)": drift(positions(Resize(7), 15)),
    # On a size that divides, too, the border cuts or pads the filters that are wider than a block.
    **{f"Downsample(2, {method!r}), 16 px": drift(positions(Downsample(2, method), 16)) for method in ("antialias-bilinear", "blur", "max-blur")},
}
for name, values in odd_drift.items():
    print(f"{name:45s} position - block centre: {values}")

# %% tiny
# The smallest input each method takes, found by trying sizes 1, 2, 3, ..., for the blur
# methods with each padding mode. Below it the call raises a ValueError that names the minimum.
def smallest(down):
    for size in range(1, 33):
        try:
            down(torch.zeros(1, 16, size, size, device=device))
            return size
        except ValueError:
            continue
    return None


print("| method | padding_mode | factor 2 | factor 3 | factor 4 |")
print("|---|---|---:|---:|---:|")
minimum = {}
for method in Downsample.METHODS:
    for mode in ("reflect", "replicate", "zeros", "circular") if method in ("blur", "max-blur") else ("",):
        row = []
        for k in (2, 3, 4):
            try:
                down = Downsample(k, method=method, channels=16, **({"padding_mode": mode} if mode else {})).to(device)
            except ValueError:
                row.append("n/a")
                continue
            minimum[method, mode, k] = smallest(down)
            row.append(f"{minimum[method, mode, k]}x{minimum[method, mode, k]}")
        print(f"| `{method}` | {mode or 'none'} | " + " | ".join(row) + " |")

for size, method in ((1, "avg"), (3, "max-blur")):
    try:
        Downsample(2, method=method)(torch.zeros(1, 1, size, size, device=device))
    except ValueError as error:
        print(f"\n{size}x{size}, {method}: {error}")

# The other filter sizes, at factor 2 (the attribute is the minimum the search above finds).
print("\n| method, filter_size | reflect | replicate | zeros | circular |")
print("|---|---:|---:|---:|---:|")
filter_minimum = {}
for method, sizes in Downsample.ALIGNED_FILTERS.items():
    for filter_size in sizes:
        for mode in ("reflect", "replicate", "zeros", "circular"):
            filter_minimum[method, filter_size, mode] = Downsample(2, method=method, filter_size=filter_size, padding_mode=mode).minimum_size
        print(f"| `{method}`, {filter_size} | " + " | ".join(f"{filter_minimum[method, filter_size, mode]}x{filter_minimum[method, filter_size, mode]}" for mode in ("reflect", "replicate", "zeros", "circular")) + " |")

# %% large_factors
# Every method at every factor it takes from 2 to 100, on maps 1 to 4 blocks high and, but
# for 'pixel-unshuffle', k - 1 pixels wider than whole blocks: the output is H // k by W // k
# each time. F.interpolate given scale_factor=1/k computes the size as floor(H * (1/k)) in
# floating point instead, and 49 * (1/49) is 0.9999999999999999.
threads = torch.get_num_threads()
torch.set_num_threads(1)  # some 2,800 tiny calls: a second CPU thread would only add waiting
shape_misses, calls = [], 0
for k in range(2, 101):
    for method in Downsample.METHODS:
        if method in Downsample.ALIGNED_FILTERS and k & (k - 1):
            continue
        down = Downsample(k, method=method, channels=1).to(device)
        for blocks in range(1, 5):
            height = blocks * k
            if height < down.minimum_size:
                continue
            width = height if method == "pixel-unshuffle" else height + k - 1
            calls += 1
            if down(torch.zeros(1, 1, height, width, device=device)).shape[-2:] != (blocks, blocks):
                shape_misses.append((method, k, height))
print(f"Downsample: {calls} calls at factors 2 to 100, outputs of the wrong size: {len(shape_misses)}")
print(f"49 * (1 / 49) = {49 * (1 / 49)!r}")
interpolate_short = []
for k in range(2, 101):
    for blocks in range(1, 5):
        x = torch.zeros(1, 1, blocks * k, 1, device=device)
        try:
            got = F.interpolate(x, scale_factor=(1 / k, 1.0), mode="bilinear", antialias=True, recompute_scale_factor=False).shape[-2]
        except RuntimeError:  # an output with no rows
            got = 0
        if got != blocks:
            interpolate_short.append((k, blocks * k, got))
torch.set_num_threads(threads)
print("F.interpolate(scale_factor=1/k), where the height is not H // k (factor, H, rows):", interpolate_short)

# On CUDA, the antialiasing kernel keeps each thread block's filter taps in the 48 KB of shared
# memory a block gets, and refuses a call that needs more. Its launch arithmetic
# (upsample_gen2d_aa_out_cuda_template in aten/src/ATen/native/cuda/UpSampleBilinear2d.cu),
# redone for bilinear at factors k_h and k_w (1: that axis keeps its size).
def last_power_of_2(n):
    n &= 0xFFFFFFFF  # the kernel's unsigned int
    for shift in (1, 2, 4, 8, 16):
        n |= n >> shift
    return max(1, n - (n >> 1))


def cuda_aa_fits(k_h, k_w, itemsize, shared=48 * 1024, warp=32, threads=256):
    taps_h, taps_w = 1 + 2 * k_h, 1 + 2 * k_w  # the tent reaches k input pixels to each side
    rows = int((shared / itemsize - taps_w * warp) / (taps_h * (warp + 1)))  # C++ truncates towards 0
    block_y = min(threads // warp, last_power_of_2(rows))
    return (taps_w * warp + taps_h * block_y * (warp + 1)) * itemsize <= shared


def cuda_aa_largest(fits):
    return next(k for k in range(2, 1000) if not fits(k)) - 1


cuda_limit = {}
for dtype in (torch.float32, torch.float64):
    size = torch.finfo(dtype).bits // 8
    cuda_limit[dtype, "both axes"] = cuda_aa_largest(lambda k: cuda_aa_fits(k, k, size))
    cuda_limit[dtype, "one axis"] = cuda_aa_largest(lambda k: cuda_aa_fits(k, 1, size) and cuda_aa_fits(1, k, size))
    print(f"CUDA, {str(dtype).replace('torch.', '')}: antialiased bilinear takes factors up to {cuda_limit[dtype, 'both axes']} "
          f"on both axes in one call, up to {cuda_limit[dtype, 'one axis']} one axis per call")
if device.type == "cuda":  # the arithmetic against the kernel itself
    cuda_refuses = {}
    for (dtype, axes), k in cuda_limit.items():
        for factor in (k, k + 1):
            x = torch.zeros(1, 1, 2 * factor, 2 * factor, device=device, dtype=dtype)
            try:
                if axes == "both axes":
                    F.interpolate(x, scale_factor=1 / factor, mode="bilinear", antialias=True)
                else:
                    Downsample(factor, "antialias-bilinear")(x)
                cuda_refuses[dtype, axes, factor] = False
            except RuntimeError:  # "Too much shared memory required"
                cuda_refuses[dtype, axes, factor] = True
    print("on this GPU, refused exactly above each limit:", all(cuda_refuses[d, a, f] == (f > cuda_limit[d, a]) for d, a, f in cuda_refuses))


# %% dtypes
# The output has the input's dtype: 'conv' casts its weights and 'blur' and 'max-blur' build their filter
# in it on each call ('antialias-bilinear' computes float16 and bfloat16 in float32). Each entry: the largest difference to the same call in float64, on a 2x16x33x30 input
# (its first 32 rows for 'pixel-unshuffle', which refuses 33).
generator = torch.Generator().manual_seed(2)
sample = torch.randn(2, 16, 33, 30, generator=generator, dtype=torch.float64).to(device)
dtypes = (torch.float16, torch.bfloat16, torch.float32, torch.float64)
kept_dtype, dtype_error = {}, {}
print("| method | " + " | ".join(str(t).replace("torch.", "") for t in dtypes) + " |")
print("|---|" + "---:|" * len(dtypes))
for method in Downsample.METHODS:
    torch.manual_seed(0)
    down = Downsample(2, method=method, channels=16).to(device)
    x = sample[..., :32, :] if method == "pixel-unshuffle" else sample
    reference = down(x)
    for dtype in dtypes:
        y = down(x.to(dtype))
        kept_dtype[method, dtype] = y.dtype == dtype
        dtype_error[method, dtype] = (y.double() - reference).abs().max().item()
    print(f"| `{method}` | " + " | ".join(f"{dtype_error[method, t]:.1e}" for t in dtypes) + " |")
print("\noutput dtype == input dtype in every case:", all(kept_dtype.values()))

# %% compile
# torch.compile with fullgraph=True (no graph breaks allowed) and torch.jit.script, each
# compared with the eager module. backend="eager" captures the graph with Dynamo and runs
# it as it is, which keeps this page fast; the site's tests also run backend="aot_eager".
x = torch.randn(2, 16, 33, 30, device=device)
compiled, scripted = {}, {}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for method in Downsample.METHODS:
        down = Downsample(2, method=method, channels=16).to(device)
        sized = x[..., :32, :] if method == "pixel-unshuffle" else x
        torch.compiler.reset()  # the instances share one forward: without this, Dynamo stops compiling after 8
        compiled[method] = torch.equal(torch.compile(down, backend="eager", fullgraph=True)(sized), down(sized))
        scripted[method] = torch.equal(torch.jit.script(down)(sized), down(sized))
print("| method | torch.compile equals eager | torch.jit.script equals eager |")
print("|---|---|---|")
for method in Downsample.METHODS:
    print(f"| `{method}` | {compiled[method]} | {scripted[method]} |")
deprecation = sorted({str(w.message) for w in caught if "jit.script" in str(w.message)})
print("\nWarning from torch.jit.script:", deprecation[0] if deprecation else "none")
# A 3x3 input is below max-blur's minimum: how each way of running it says so.
minimum_size = Downsample(2, "max-blur").minimum_size
print(f"\nA 3x3 input to `Downsample(2, 'max-blur')`, whose minimum is {minimum_size}x{minimum_size}:\n")
small_input = {}
runs = {
    "eager": Downsample(2, "max-blur").to(device),
    "torch.compile": torch.compile(Downsample(2, "max-blur").to(device), backend="eager"),
    "torch.compile(fullgraph=True)": torch.compile(Downsample(2, "max-blur").to(device), backend="eager", fullgraph=True),
    "torch.jit.script": torch.jit.script(Downsample(2, "max-blur").to(device)),
}
for name, run in runs.items():
    torch.compiler.reset()
    try:
        run(torch.zeros(1, 1, 3, 3, device=device))
    except Exception as error:  # the exception's type depends on the runner; its text names the minimum each time
        small_input[name] = (type(error), f"at least {minimum_size}, got 3x3" in str(error))
        print(f"- {name}: raises `{type(error).__module__}.{type(error).__name__}`; the message names the minimum: {small_input[name][1]}")

# %% odd_sizes
# 15x15 at factor 2, which 'pixel-unshuffle' refuses: each method below gives 7x7. 'avg' and 'max'
# ignore the last row and column; 'area' stretches its windows over them, and the default
# filters of 'antialias-bilinear' and 'blur' are wider than a block and reach them (from
# factor 3, antialias-bilinear's, k pixels each side of the last block's centre, can stop
# short: 5 pixels at factor 3, with a weight of 0 that still multiplies an inf in that row into NaN).
odd = torch.randn(1, 1, 15, 15, device=device, requires_grad=True)
reach = {}
for method in ("max", "avg", "area", "antialias-bilinear", "blur"):
    out = Downsample(2, method=method).to(device)(odd)
    (grad,) = torch.autograd.grad(out.sum(), odd)  # a pixel reaches the output if the output depends on it
    reach[method] = int((grad != 0).sum())
    print(f"{method:20s} 15x15 -> {out.shape[-2]}x{out.shape[-1]}, input pixels that reach the output: {reach[method]} of {odd.numel()}")

# %% errors
# Bad arguments fail at construction, with a message that says what to do ('conv' weights too large to
# allocate fail in torch's allocation instead, with its RuntimeError, or a TypeError past int64).
for arguments in ({"factor": 1}, {"factor": 2.5}, {"factor": 2, "method": "bilinear"}, {"factor": 3, "method": "blur"},
                  {"factor": 2, "method": "blur", "filter_size": 5}, {"factor": 2, "method": "avg", "filter_size": 4}, {"factor": 2, "method": "conv"}):
    try:
        Downsample(**arguments)
    except ValueError as error:
        print(f"Downsample(**{arguments}): {error}")
# float8 is a floating-point dtype that no pooling or convolution kernel takes: refused like uint8.
for x, method in ((torch.zeros(16, 32, 32), "avg"), (torch.zeros(1, 1, 15, 15), "pixel-unshuffle"), (torch.zeros(1, 0, 8, 8), "area"),
                  (torch.zeros(1, 1, 8, 8, dtype=torch.uint8), "max"), (torch.zeros(1, 1, 8, 8, dtype=torch.float8_e4m3fn), "avg")):
    try:
        Downsample(2, method=method)(x.to(device))
    except (ValueError, TypeError) as error:
        print(f"{method} on {x.dtype} {tuple(x.shape)}: {type(error).__name__}: {error}")

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

x = torch.randn(1, 3, 64, 64, device=device)
roundtrip = nn.PixelShuffle(2)(Downsample(2, method="pixel-unshuffle")(x))
print("PixelShuffle(Downsample(2, 'pixel-unshuffle')(x)) == x:", torch.equal(roundtrip, x))

# %% skip
# A skip connection needs the shape back and the same grid. A 15-wide ramp, halved by
# 'avg' to 7 samples at 0.5, 2.5, ..., 12.5, then brought back to 15 two ways; the error
# is measured on columns 1..12, between the first and last sample, where no border clamps.
ramp = torch.arange(15.0, device=device).expand(1, 1, 15, 15)
halved = Downsample(2, method="avg")(ramp)
returned = {
    "F.interpolate(size=(15, 15))": F.interpolate(halved, size=(15, 15), mode="bilinear"),
    "F.interpolate(scale_factor=2), then pad 1": F.pad(F.interpolate(halved, scale_factor=2, mode="bilinear"), (0, 1, 0, 1), mode="replicate"),
}
print("15x15 -> Downsample(2, 'avg') ->", tuple(halved.shape[-2:]), "-> nn.Upsample(scale_factor=2) ->", tuple(nn.Upsample(scale_factor=2)(halved).shape[-2:]))
skip_error = {}
for name, y in returned.items():
    skip_error[name] = (y - ramp)[0, 0, 7, 1:13].abs().max().item()
    print(f"{name:44s} -> {tuple(y.shape[-2:])}, largest position error on columns 1..12: {skip_error[name]:.3f} px")

# %% measurements
# Everything the decision table claims, measured here at factor 2 with 16 channels.
# Random images have the 1/f spectrum of photos. For noise left, folded energy and shift error,
# inputs are wrap-padded before each method and cropped after, so that borders play no part
# (as on "Ways to shrink, measured", downsample-methods.md, two pages back); the peak is measured
# away from the border, while the reconstruction error and the comparisons with Pillow take
# whole images, borders included.
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
noise = torch.randn(8, 16, 32, 32, generator=generator).to(device)
picture = torch.rand(1, 1, 64, 64, generator=generator)
# One bright pixel per map, at every pixel of a 24x24 map in turn (all 16 channels).
side = 24
spikes = torch.zeros(side * side, 16, side * side, device=device)
spikes[torch.arange(side * side), :, torch.arange(side * side)] = 1.0
spikes = spikes.view(side * side, 16, side, side)
interior = [r * side + c for r in range(8, 16) for c in range(8, 16)]  # 4 px or more from the border


def pillow_bilinear(x):
    small = Image.fromarray(x[0, 0].numpy(), mode="F").resize((x.shape[-1] // 2, x.shape[-2] // 2), Image.Resampling.BILINEAR)
    return torch.from_numpy(np.asarray(small).copy())


def every_weight_gets_a_gradient(module):
    """Each of the module's parameters, element by element (not only somewhere in its tensor), has a nonzero gradient."""
    return all(p.grad is not None and bool((p.grad != 0).all()) for p in module.parameters())


facts = {}
for method in Downsample.METHODS:
    torch.manual_seed(0)
    down = Downsample(2, method=method, channels=16).to(device)
    fact = {"parameters": sum(p.numel() for p in down.parameters())}
    if fact["parameters"]:  # learnable: a loss on the output sends gradients to every weight
        down(images).square().mean().backward()
        fact["learnable"] = every_weight_gets_a_gradient(down)
    else:
        fact["learnable"] = False
    with torch.no_grad():
        response = down(spikes) - down(torch.zeros_like(spikes[:1]))  # 'conv' has a bias
        # the pixels that output (6, 6), centred on input 12.5, reads; and the height left of an interior spike
        fact["footprint"] = int((response[..., 6, 6].abs().amax(dim=1) > 0).sum())
        peaks = response[interior].amax(dim=(1, 2, 3))
        fact["peak kept min"], fact["peak kept max"] = peaks.min().item(), peaks.max().item()
        # what the noise leaves: the output for zeros subtracted, as for the spikes ("conv" adds a bias per channel)
        left = periodic(down, noise) - periodic(down, torch.zeros_like(noise))
        fact["noise left"] = left.std().item() / noise.std().item()
        if method == "pixel-unshuffle":
            back = nn.PixelShuffle(2)(down(images))
        else:
            back = nn.Upsample(scale_factor=2, mode="bilinear")(down(images))
        fact["reconstruction error"] = ((back - images).norm() / images.norm()).item()
        if method != "pixel-unshuffle":  # it moves pixels into channels; these two compare images
            small = periodic(down, images)
            if method not in ("max", "max-blur"):  # for a nonlinear method the difference is not only folding
                fact["folded energy"] = ((small - periodic(down, lowpass(images))).norm() ** 2 / spread(small) ** 2).item()
            moved = [(periodic(down, images.roll(1, dims=d)) - half_pixel_shift(small, d)).norm() / spread(small) for d in (-2, -1)]
            fact["shift error"] = (sum(moved) / 2).item()
        if method not in ("conv", "pixel-unshuffle"):  # image resizers: compare with Pillow on one channel
            fact["max diff to Pillow"] = (down(picture.to(device))[0, 0].cpu() - pillow_bilinear(picture)).abs().max().item()
            odd_picture = picture[..., :63, :63]  # a size 2 does not divide: Pillow's filter spans 63 / 31 pixels
            fact["max diff to Pillow, 63x63"] = (down(odd_picture.to(device))[0, 0].cpu() - pillow_bilinear(odd_picture)).abs().max().item()
    facts[method] = fact
# Pillow takes an output size, and so matches F.interpolate given that size.
odd_picture = picture[..., :63, :63]
pillow_by_size = (F.interpolate(odd_picture, size=(31, 31), mode="bilinear", antialias=True)[0, 0] - pillow_bilinear(odd_picture)).abs().max().item()

columns = ["parameters", "footprint", "peak kept", "noise left", "reconstruction error", "folded energy", "shift error"]
print("| method | " + " | ".join(columns) + " |")
print("|---|" + "---:|" * len(columns))
for method, fact in facts.items():
    cells = [str(fact["parameters"]), str(fact["footprint"])]
    low, high = fact["peak kept min"], fact["peak kept max"]
    cells.append(f"{low:.3f}" if math.isclose(low, high, rel_tol=1e-6) else f"{low:.3f} to {high:.3f}")
    cells += [f"{fact[c]:.3f}" if c in fact else ("nonlinear" if c == "folded energy" and method != "pixel-unshuffle" else "n/a") for c in columns[3:]]
    print(f"| `{method}` | " + " | ".join(cells) + " |")

# %% decision_table
# When to use which: each row names a method and the measurements above that back it; the first
# two rows are picked by ranking the table's methods that keep the channel count, all but
# 'pixel-unshuffle' (the tests check every row's claim).
f = facts
same = [m for m in f if m != "pixel-unshuffle"]  # same channels, comparable maps
strongest, runner_up = sorted(same, key=lambda m: -f[m]["peak kept min"])[:2]
steadiest = min(same, key=lambda m: f[m]["shift error"])


def kept(m):
    low, high = f[m]["peak kept min"], f[m]["peak kept max"]
    return f"{low:.2f}" if math.isclose(low, high, rel_tol=1e-6) else f"{low:.2f} to {high:.2f}"


rows = [
    ("keep the strongest activation, wherever it sits", strongest,
     f"peak kept {kept(strongest)} at every position (next with the same channel count: {runner_up}, {kept(runner_up)})"),
    ("keep peaks, but stay stable under shifts", steadiest,
     f"the lowest shift error, {f[steadiest]['shift error']:.3f} (`'max'`: {f['max']['shift error']:.3f}), peak kept {kept(steadiest)}"),
    ("remove the most aliasing and noise", "blur",
     f"folded energy {f['blur']['folded energy']:.3f}, noise left {f['blur']['noise left']:.2f}; the same as antialias-bilinear's at factor 2 "
     f"({f['antialias-bilinear']['folded energy']:.3f}, {f['antialias-bilinear']['noise left']:.2f})"),
    ("resize images as Pillow does, at sizes the factor divides", "antialias-bilinear",
     f"max difference to Pillow {f['antialias-bilinear']['max diff to Pillow']:.0e} on 64x64 (blur {f['blur']['max diff to Pillow']:.2f}, avg {f['avg']['max diff to Pillow']:.2f}); "
     f"{f['antialias-bilinear']['max diff to Pillow, 63x63']:.2f} on 63x63, where F.interpolate(size=31) gives {pillow_by_size:.0e}"),
    ("average each block, and read nothing else", "avg",
     f"footprint {f['avg']['footprint']} pixels (blur {f['blur']['footprint']}), noise left {f['avg']['noise left']:.2f}"),
    ("use every pixel of a size that does not divide, on a grid off the block centres", "area",
     f"15x15 input: {reach['area']} of 225 pixels used (avg {reach['avg']}), samples {odd_drift['Downsample(2, ' + repr('area') + ')'][1]:+.1f} px off the block centres"),
    ("learn what to keep", "conv",
     f"{f['conv']['parameters']} parameters at 16 channels, all receive gradients"),
    ("stay lossless", "pixel-unshuffle",
     f"reconstruction error {f['pixel-unshuffle']['reconstruction error']:.0f} with PixelShuffle, in 4x the channels"),
]
print("| you want to | `Downsample(2, method=...)` | measured on this page |")
print("|---|---|---|")
for need, method, evidence in rows:
    print(f"| {need} | `'{method}'` | {evidence} |")
