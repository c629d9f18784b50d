"""Ways to shrink, measured.

The usual ways to halve a feature map in PyTorch, side by side: slicing, the pooling layers,
every mode of ``F.interpolate`` that takes 4-D input (not linear, trilinear; lanczos where the
installed torch has it on the build device), with and without antialiasing where both are accepted
(lanczos only with it), strided convolutions, BlurPool and MaxBlurPool (re-implemented from Zhang,
ICML 2019) and PixelUnshuffle; not F.grid_sample with a scaled grid, nor FractionalMaxPool2d.
Each one is measured the same way, where the measure applies: its error against an ideal
low-pass reference, the energy that folds back from above the new Nyquist limit (linear
methods only), how its output changes when the input moves by one pixel, its parameters,
and its time on the build device (PixelUnshuffle, which drops nothing: only the last two). A small
CNN with and without blur pooling shows what the difference does to predictions.
"""

# %% setup
import math

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.benchmark as benchmark
from _downsample import BlurPool, MaxBlurPool  # shared with other pages (shown above)
from _settings import INTERPOLATE_SETTINGS, LANCZOS, full_float32, lanczos_works

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}, {torch.get_num_threads()} CPU threads")

# %% blur_pool
# BlurPool and MaxBlurPool come from the site's one implementation (shown above). The
# filter is built per call in the input's floating dtype (an integer input such as uint8
# meets float taps and fails): nothing to learn, nothing in the state_dict.
ramp = torch.arange(36.0, device=device).view(1, 1, 6, 6)
print(MaxBlurPool(filter_size=3))
print("BlurPool [1,2,1] of a 6x6 ramp:\n", BlurPool(filter_size=3)(ramp)[0, 0])
print("BlurPool [1,1] == AvgPool2d(2) on 6x6:", torch.equal(BlurPool(filter_size=2)(ramp), F.avg_pool2d(ramp, 2)))
print("parameters:", sum(p.numel() for p in MaxBlurPool(filter_size=5).parameters()), " state_dict:", dict(MaxBlurPool(filter_size=5).state_dict()))

# %% methods
# Every method as a module that shrinks by a power-of-2 factor k, for C channels.
# Factors above 2 repeat the whole 2x step of BlurPool and of MaxBlurPool (its dense max included),
# as networks do stage after stage.
class Function(nn.Module):
    def __init__(self, function):
        super().__init__()
        self.function = function

    def forward(self, x):
        return self.function(x)


def interpolate(setting):
    return lambda k, c: Function(lambda x: F.interpolate(x, scale_factor=1 / k, **setting))


def strided_conv(k, c, blur):
    # Kernel 2k-1, stride k, padding k-1: ResNet's 3x3 stride-2 convolution at k=2.
    conv = nn.Conv2d(c, c, kernel_size=2 * k - 1, stride=k, padding=k - 1)
    if blur:  # a tent filter on each channel, no mixing: [1,2,1]/4 at k=2
        tent = 1 - torch.arange(1 - k, k).abs() / k
        with torch.no_grad():
            conv.weight.zero_()
            conv.bias.zero_()
            for channel in range(c):
                conv.weight[channel, channel] = torch.outer(tent, tent) / tent.sum() ** 2
    return conv


def repeat(make_stage):
    return lambda k, c: nn.Sequential(*[make_stage() for _ in range(int(math.log2(k)))])


METHODS = {
    "x[..., ::k, ::k]": lambda k, c: Function(lambda x: x[..., ::k, ::k]),
    "MaxPool2d(k)": lambda k, c: nn.MaxPool2d(k),
    "AvgPool2d(k)": lambda k, c: nn.AvgPool2d(k),
    "AdaptiveMaxPool2d(H/k)": lambda k, c: Function(lambda x: F.adaptive_max_pool2d(x, (x.shape[-2] // k, x.shape[-1] // k))),
    "AdaptiveAvgPool2d(H/k)": lambda k, c: Function(lambda x: F.adaptive_avg_pool2d(x, (x.shape[-2] // k, x.shape[-1] // k))),
    "LPPool2d(2, k) / k": lambda k, c: nn.Sequential(nn.LPPool2d(2, k), Function(lambda x: x / k)),  # root mean square
    **{name: interpolate(setting) for name, setting in INTERPOLATE_SETTINGS.items()},
}
if lanczos_works(device):  # mode="lanczos" is new, and CPU-only
    METHODS.update({name: interpolate(setting) for name, setting in LANCZOS.items()})
METHODS.update({
    "Conv2d, random init": lambda k, c: strided_conv(k, c, blur=False),
    "Conv2d, blur init": lambda k, c: strided_conv(k, c, blur=True),
    "BlurPool [1,1]": repeat(lambda: BlurPool(filter_size=2)),
    "BlurPool [1,2,1]": repeat(lambda: BlurPool(filter_size=3)),
    "BlurPool [1,4,6,4,1]": repeat(lambda: BlurPool(filter_size=5)),
    "MaxBlurPool [1,1]": repeat(lambda: MaxBlurPool(filter_size=2)),
    "MaxBlurPool [1,2,1]": repeat(lambda: MaxBlurPool(filter_size=3)),
    "MaxBlurPool [1,4,6,4,1]": repeat(lambda: MaxBlurPool(filter_size=5)),
    "PixelUnshuffle(k)": lambda k, c: nn.PixelUnshuffle(k),
})
torch.manual_seed(0)
modules = {(name, k): make(k, 1).to(device) for k in (2, 4) for name, make in METHODS.items()}
x = torch.randn(1, 1, 128, 128, device=device)
for name in METHODS:
    print(f"{name:26s} {tuple(x.shape[1:])} -> {tuple(modules[name, 2](x).shape[1:])}")

# %% pixel_unshuffle
# PixelUnshuffle moves each k x k block into k*k channels; PixelShuffle moves them back.
x = torch.randn(2, 3, 64, 64, device=device)
packed = nn.PixelUnshuffle(2)(x)
restored = nn.PixelShuffle(2)(packed)
print("x", tuple(x.shape), "-> PixelUnshuffle(2)", tuple(packed.shape), "-> PixelShuffle(2)", tuple(restored.shape))
print("max |PixelShuffle(PixelUnshuffle(x)) - x| =", (restored - x).abs().max().item())
# packed channel 4c + 2i + j holds the pixels (2y + i, 2x + j) of input channel c
print("channels 0, 4, 8 of the packed map are x[..., ::2, ::2]:", torch.equal(packed[:, 0::4], x[..., ::2, ::2]))

# %% test_images
# The measurements use random images with the 1/f amplitude spectrum of natural photos,
# periodic by construction, zero mean and unit variance. Each method sees the image
# wrap-padded and its output is cropped back, so that borders play no part: what is
# measured is the method, as it acts in the middle of an endless image.
def random_images(count, size, generator):
    f = torch.fft.fftfreq(size).abs()
    radius = torch.sqrt(f.view(-1, 1) ** 2 + f.view(1, -1) ** 2).clamp(min=1 / size)
    phases = torch.rand(count, 1, size, size, generator=generator) * 2 * math.pi
    images = torch.fft.ifft2(torch.polar(1 / radius, phases)).real
    images = images - images.mean(dim=(-2, -1), keepdim=True)
    return (images / images.std(dim=(-2, -1), keepdim=True)).to(device)


PAD = 16  # wrap padding, wider than any method's reach at k <= 4 and a multiple of k


def periodic(method, x, k):
    out = method(F.pad(x, (PAD,) * 4, mode="circular"))
    return out[..., PAD // k : -PAD // k, PAD // k : -PAD // k]


def band(n, k, device):
    """Frequencies (cycles per pixel) of an n-point FFT, and which are strictly below 0.5/k."""
    f = torch.fft.fftfreq(n, device=device)
    return f, (f.abs() < 0.5 / k).float()


def lowpass(x, k):
    """Keep only what a k-times smaller grid can hold: frequencies below 0.5/k."""
    _, keep = band(x.shape[-1], k, x.device)
    return torch.fft.ifft2(torch.fft.fft2(x) * keep.view(-1, 1) * keep.view(1, -1)).real


def reference(x, k, phase=0.0, spectrum=None):
    """The ideal downsampler: lowpass(x) sampled at pixels phase, phase + k, phase + 2k, ..."""
    n, m = x.shape[-1], x.shape[-1] // k
    f, keep = band(n, k, x.device)
    weight = keep * torch.exp(2j * math.pi * f * phase)  # moves the samples by a fraction of a pixel
    index = torch.fft.fftfreq(m, 1 / m, device=x.device).long() % n  # only the m lowest bins survive
    spectrum = torch.fft.fft2(x) if spectrum is None else spectrum
    small = spectrum[..., index, :][..., index] * weight[index].view(-1, 1) * weight[index].view(1, -1)
    return torch.fft.ifft2(small).real / (k * k)


images = random_images(8, 128, torch.Generator().manual_seed(1))
print("test images:", tuple(images.shape), f"mean {images.mean().item():+.3f}, std {images.std().item():.3f}")
print("reference matches lowpass(x)[..., ::2, ::2] to 1e-5:", torch.allclose(reference(images, 2), lowpass(images, 2)[..., ::2, ::2], rtol=0, atol=1e-5))

# %% measures
# 1. Error against the ideal reference: the band-limited image sampled every k pixels,
#    on the grid that suits the method best (where a method puts its samples is a
#    convention, not an error). An energy, relative to the reference's.
# 2. For linear methods D only, that error splits in two: passband loss |D(lowpass(x)) - ref|^2,
#    what the filter does to content the smaller grid can hold, and folded energy
#    |D(x) - D(lowpass(x))|^2, content from above the new Nyquist limit. For a nonlinear
#    method the second difference mixes folding with the nonlinearity, so it is not reported.
# 3. Shift error: move the input by one pixel; an ideal downsampler's output moves by
#    1/k of its pixel and is otherwise unchanged. Distance to that, relative to D(x).
# Each divides by the variation around the mean: a constant offset carries no signal.
def fractional_shift(y, pixels, dim):
    f = torch.fft.fftfreq(y.shape[dim], device=y.device)
    phase = torch.exp(-2j * math.pi * f * pixels)
    phase = phase.view(-1, 1) if dim == -2 else phase.view(1, -1)
    return torch.fft.ifft2(torch.fft.fft2(y) * phase).real


def variation(y):
    """The norm of y around its mean: a constant offset is not signal."""
    return (y - y.mean(dim=(-2, -1), keepdim=True)).norm()


def relative(a, b):
    return ((a - b).norm() / variation(b)).item()


PHASES = torch.arange(-1.0, 4.01, 0.25).tolist()  # candidate sample positions, in input pixels
with torch.no_grad():  # the references do not depend on the method: compute them once per factor
    spectrum = torch.fft.fft2(images)
    references = {k: torch.stack([reference(images, k, phase, spectrum) for phase in PHASES]) for k in (2, 4)}
    lowpassed = {k: lowpass(images, k) for k in (2, 4)}


def measure(method, k, wrap=True):
    apply = (lambda x: periodic(method, x, k)) if wrap else method
    with torch.no_grad(), full_float32():  # one call on a batch of: x, lowpass(x), shifted down, shifted right, x + lowpass(x), 0
        low_in = lowpassed[k]
        batch = torch.cat([images, low_in, images.roll(1, dims=-2), images.roll(1, dims=-1), images + low_in, torch.zeros_like(images)])
        out, low, down, right, both, zero = apply(batch).chunk(6)
        distance = (references[k] - out).flatten(1).norm(dim=1)  # one distance per phase
        best = references[k][int(distance.argmin())]
        energy = variation(references[k][PHASES.index(0.0)]) ** 2
        # Affine (a convolution with bias counts): D(a + b) - D(a) - D(b) + D(0) vanishes.
        linear = ((both - out - low + zero).norm() / variation(out)).item() < 1e-4
        scores = {"error": (distance.min() ** 2 / energy).item(), "linear": linear}
        if linear:
            scores["passband"] = ((low - best).norm() ** 2 / energy).item()
            scores["folded"] = ((out - low).norm() ** 2 / energy).item()
        scores["shift"] = (relative(down, fractional_shift(out, 1 / k, -2)) + relative(right, fractional_shift(out, 1 / k, -1))) / 2
    return scores


factors = (2, 4)
measured = {(name, k): measure(modules[name, k], k) for name in METHODS if name != "PixelUnshuffle(k)" for k in factors}
reference_scores = measure(lambda x: reference(x, 2), 2, wrap=False)  # no wrap: the FFT is periodic already
print("the ideal reference scores itself:", {key: round(value, 6) for key, value in reference_scores.items() if key != "linear"})
print("not linear, so no passband/folded split:", [name for name in METHODS if (name, 2) in measured and not measured[name, 2]["linear"]])
# The random convolution's scores are those of one draw of its weights; its shift error and error over ten draws:
conv_shift, conv_error = {}, {}
for k in factors:
    for seed in range(10):
        torch.manual_seed(seed)
        draw = measure(strided_conv(k, 1, blur=False).to(device), k)
        conv_shift[k, seed], conv_error[k, seed] = draw["shift"], draw["error"]
    draws = [conv_shift[k, seed] for seed in range(10)]
    print(f"Conv2d, random init, {k}x: shift error {min(draws):.3f} to {max(draws):.3f} over 10 draws of its weights "
          f"(slicing: {measured['x[..., ::k, ::k]', k]['shift']:.3f})")
    errors = [conv_error[k, seed] for seed in range(10)]
    print(f"Conv2d, random init, {k}x: error vs ideal {min(errors):.3f} to {max(errors):.3f} over the same draws "
          f"(LPPool2d(2, k) / k: {measured['LPPool2d(2, k) / k', k]['error']:.3f})")

# %% same_operation
# Some rows are one operation under several names. Checked on the wrap-padded test images,
# at 2x and 4x: there nearest-exact keeps the middle pixel of each block, x[..., k//2::k, k//2::k].
middle = {k: Function(lambda x, k=k: x[..., k // 2 :: k, k // 2 :: k]) for k in factors}
pairs = [
    ("x[..., ::k, ::k]", "nearest"),
    ("nearest-exact", "x[..., k//2::k, k//2::k]"),
    ("AvgPool2d(k)", "AdaptiveAvgPool2d(H/k)"),
    ("AvgPool2d(k)", "area"),
    ("MaxPool2d(k)", "AdaptiveMaxPool2d(H/k)"),
    ("AvgPool2d(k)", "BlurPool [1,1]"),
    ("AvgPool2d(k)", "bilinear"),
    ("Conv2d, blur init", "BlurPool [1,2,1]"),
]
identical = {}
with torch.no_grad(), full_float32():
    for a, b in pairs:
        for k in factors:
            first, second = (middle[k] if name.startswith("x[..., k//2") else modules[name, k] for name in (a, b))
            identical[a, b, k] = torch.allclose(periodic(first, images, k), periodic(second, images, k), rtol=0, atol=1e-5)
print("| | | " + " | ".join(f"same to 1e-5 at {k}x" for k in factors) + " |")  # allclose: bit for bit is not checked here
print("|---|---|" + "---|" * len(factors))
for a, b in pairs:
    print(f"| `{a}` | `{b}` | " + " | ".join("yes" if identical[a, b, k] else "no" for k in factors) + " |")

# %% where_they_differ
# The wrap-padded test images have sizes that k divides, and no borders. On a 7x7 map
# slicing keeps a 4th row and column that nearest does not, BlurPool [1,1] pads a 4th,
# and the adaptive pools (area) spread 3 windows over all 7 pixels instead of dropping the last.
odd = torch.randn(1, 1, 7, 7, device=device)
print("7x7 input: x[..., ::2, ::2] ->", tuple(odd[..., ::2, ::2].shape[-2:]), " nearest ->", tuple(modules["nearest", 2](odd).shape[-2:]))
print("7x7 input: BlurPool [1,1] ->", tuple(modules["BlurPool [1,1]", 2](odd).shape[-2:]), " AvgPool2d(2) ->", tuple(F.avg_pool2d(odd, 2).shape[-2:]))
area_gap = (modules["area", 2](odd) - F.avg_pool2d(odd, 2)).abs().max().item()
print(f"7x7 input: area vs AvgPool2d(2), both 3x3: max difference {area_gap:.3f}")
with torch.no_grad(), full_float32():
    gap = (modules["Conv2d, blur init", 2](images) - modules["BlurPool [1,2,1]", 2](images)).abs()  # zero vs reflect padding
# Only the first output row and column read past the border: on an even size the last window ends inside.
print(f"Conv2d, blur init vs BlurPool [1,2,1], no wrap: max difference {gap.max().item():.3f} on the first row and column, "
      f"{gap[..., 1:, 1:].max().item():.1e} elsewhere")
# AvgPool2d adds a block's four pixels before dividing; BlurPool halves before adding.
big = torch.full((1, 1, 2, 2), 1e38, device=device)
with torch.no_grad(), full_float32():  # no TF32 in BlurPool's convolutions on a GPU
    big_outputs = {name: modules[name, 2](big).item() for name in ("AvgPool2d(k)", "BlurPool [1,1]", "bilinear")}
print("four float32 pixels of 1e38: " + ", ".join(f"{name} {value:.1e}" for name, value in big_outputs.items()))

# %% timings
# Time on the build device to halve a batch of 4 feature maps with 16 channels, 64x64.
# After warm-up, each method is timed in 7 repeats of n calls (n chosen so a repeat takes
# about 5 ms); each repeat gives one time per call. Median, and min to max as the spread.
# The repeats go round robin, one per method per round: a change of load during the timing then
# reaches the spread of every method timed on both sides of it (of all, unless it falls in the first
# or last round), rather than making one method look faster than another.
channels = 16
batch = torch.randn(4, channels, 64, 64, device=device)
REPEATS = 7
timers, calls = {}, {}
with torch.no_grad():
    for name, make in METHODS.items():
        torch.manual_seed(0)
        module = make(2, channels).to(device)
        for _ in range(3):
            module(batch)  # warm-up: first calls allocate memory and pick kernels
        timers[name] = benchmark.Timer("module(batch)", globals={"module": module, "batch": batch}, num_threads=torch.get_num_threads())
        calls[name] = max(1, round(0.005 / timers[name].timeit(3).median))
    rounds = [{name: timer.timeit(calls[name]).median * 1e3 for name, timer in timers.items()} for _ in range(REPEATS)]
timed = {}
for name in METHODS:
    times = sorted(each_round[name] for each_round in rounds)
    timed[name] = {"median": times[REPEATS // 2], "min": times[0], "max": times[-1], "calls": calls[name]}
print(f"timed on {device} ({torch.get_num_threads()} threads), batch {tuple(batch.shape)}: {REPEATS} rounds, each timing every method once")
print(f"slicing returns a view, no copy: {batch[..., ::2, ::2].data_ptr() == batch.data_ptr()}")

# %% table
# Everything measured, at 2x. Parameters are counted for a layer with 16 channels in and out.
def parameters(module):
    return sum(p.numel() for p in module.parameters())


def learnable(module):
    return any(p.requires_grad for p in module.parameters())


print("| method | parameters | learnable | error vs ideal | passband loss | folded energy | shift error | time (ms), median | min to max |")
print("|---|---:|---|---:|---:|---:|---:|---:|---:|")
for name, make in METHODS.items():
    module = make(2, channels)
    row = f"| {name} | {parameters(module)} | {'yes' if learnable(module) else 'no'} | "
    if name == "PixelUnshuffle(k)":
        row += f"n/a: lossless, {2 * 2}x the channels | n/a | n/a | n/a | "
    else:
        m = measured[name, 2]
        split = f"{m['passband']:.4f} | {m['folded']:.4f}" if m["linear"] else "n/a: not linear | n/a"
        row += f"{m['error']:.4f} | {split} | {m['shift']:.3f} | "
    t = timed[name]
    print(row + f"{t['median']:.3f} | {t['min']:.3f} to {t['max']:.3f} |")

# %% figure
# Error, folded energy (linear methods only) and shift error at 2x and 4x, on log scales: short bars are good.
names = [name for name in METHODS if name != "PixelUnshuffle(k)"]
figure, axes = plt.subplots(1, 3, figsize=(12, 7.5), sharey=True)
titles = {"error": "error vs ideal low-pass", "folded": "folded energy (linear methods)", "shift": "shift error (1 px)"}
for ax, (key, title) in zip(axes, titles.items()):
    for offset, k in zip((-0.2, 0.2), factors):
        values = [measured[name, k].get(key, float("nan")) for name in names]
        ax.barh([i + offset for i in range(len(names))], values, height=0.4, label=f"{k}x")
    ax.set_xscale("log")
    ax.set_title(title, fontsize=10)
    ax.grid(axis="x", alpha=0.3)
axes[0].set_yticks(range(len(names)), names, fontsize=8)
axes[0].invert_yaxis()
axes[-1].legend(title="factor")
figure.suptitle("Ways to shrink, measured on random 1/f images", fontsize=11)
figure.tight_layout()
plt.show()

# %% cnn_data
# A toy task where fine detail matters: which way do noisy stripes run? Four classes,
# stripes at 0.30 to 0.45 cycles per pixel, above the 0.25 per axis that a 2x smaller map can
# hold (but for the slowest diagonal ones: a diagonal stripe runs at about 0.7 to 0.8 times its frequency along
# one axis, about 0.6 to 0.7 times along the other).
# Images are 24x24, cut from 26x26 ones so that truly shifted copies exist.
def stripes(count, generator, size=26):
    label = torch.randint(0, 4, (count,), generator=generator)
    theta = label * math.pi / 4 + (torch.rand(count, generator=generator) - 0.5) * 0.3
    frequency = 0.30 + 0.15 * torch.rand(count, generator=generator)
    phase = 2 * math.pi * torch.rand(count, generator=generator)
    rows, cols = torch.meshgrid(torch.arange(float(size)), torch.arange(float(size)), indexing="ij")
    along = cols * torch.cos(theta).view(-1, 1, 1) + rows * torch.sin(theta).view(-1, 1, 1)
    images = torch.cos(2 * math.pi * frequency.view(-1, 1, 1) * along + phase.view(-1, 1, 1))
    images = images + 2.5 * torch.randn(count, size, size, generator=generator)
    return images.unsqueeze(1).to(device), label.to(device)


def crop(images, dy=0, dx=0):
    return images[..., 1 + dy : 25 + dy, 1 + dx : 25 + dx]


generator = torch.Generator().manual_seed(2)
train_x, train_y = stripes(512, generator)
test_x, test_y = stripes(256, generator)
print("train", tuple(crop(train_x).shape), "test", tuple(crop(test_x).shape), "classes", test_y.unique().tolist())


# %% cnn
# A small CNN block: conv-ReLU-pool, conv-ReLU-pool, global average pooling. Only the
# pooling differs: for each seed, every variant gets the same random conv weights, so
# nothing but the pooling can explain a difference. A linear classifier is fitted on
# each block's features in closed form (no optimiser). Five seeds give mean and spread.
def small_cnn(pool, width=8):
    return nn.Sequential(
        nn.Conv2d(1, width, 3, padding=1), nn.ReLU(), pool(),
        nn.Conv2d(width, width, 3, padding=1), nn.ReLU(), pool(),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(),
    )


def fit_classifier(features, labels, ridge=1e-2):
    """Least squares onto one-hot labels (a ridge classifier): a closed form, no optimiser."""
    mean, std = features.mean(0), features.std(0) + 1e-6
    design = F.pad((features - mean) / std, (0, 1), value=1.0)  # standardised features and a bias column
    targets = F.one_hot(labels, 4).float()
    eye = torch.eye(design.shape[1], device=device)
    weights = torch.linalg.solve(design.T @ design + ridge * len(design) * eye, design.T @ targets)
    return lambda f: (F.pad((f - mean) / std, (0, 1), value=1.0) @ weights).argmax(1)


variants = {
    "MaxPool2d(2)": lambda: nn.MaxPool2d(2),
    "AvgPool2d(2)": lambda: nn.AvgPool2d(2),
    "BlurPool [1,4,6,4,1]": lambda: BlurPool(filter_size=5),
    "MaxBlurPool [1,4,6,4,1]": lambda: MaxBlurPool(filter_size=5),
}
shifts = [(0, 1), (0, -1), (1, 0), (-1, 0)]  # the crop moves one pixel right, left, down, up: the image content left, right, up, down
seeds = range(5)
runs = {name: [] for name in variants}
for seed in seeds:
    for name, pool in variants.items():
        torch.manual_seed(seed)
        block = small_cnn(pool).to(device)
        with torch.no_grad():
            classify = fit_classifier(block(crop(train_x)), train_y)
            features = block(crop(test_x))
            predicted = classify(features)
            spread = (features - features.mean(0)).norm()  # centred: the features' shared mean is not information
            same, change = [], []
            for dy, dx in shifts:
                moved = block(crop(test_x, dy, dx))
                same.append((classify(moved) == predicted).float().mean().item())
                change.append(((moved - features).norm() / spread).item())
        runs[name].append({"accuracy": (predicted == test_y).float().mean().item(), "consistency": sum(same) / len(same), "feature_change": sum(change) / len(change)})
cnn_results = {
    name: {key: (torch.tensor([r[key] for r in rs]).mean().item(), torch.tensor([r[key] for r in rs]).std().item()) for key in rs[0]}
    for name, rs in runs.items()
}
print(f"mean ± standard deviation over {len(seeds)} seeds of the conv weights")
print()
print("| pooling | test accuracy | same prediction after a 1-px shift | feature change after a 1-px shift |")
print("|---|---:|---:|---:|")
for name, r in cnn_results.items():
    cells = [f"{r[key][0]:.1%} ± {r[key][1]:.1%}" for key in ("accuracy", "consistency")] + [f"{r['feature_change'][0]:.3f} ± {r['feature_change'][1]:.3f}"]
    print(f"| {name} | " + " | ".join(cells) + " |")
