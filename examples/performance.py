"""How fast each resampling op is on the build device, against a plain copy.

Every resampling op reads its input once and writes its output once, so memory
traffic, not arithmetic, should limit it. For each op this script measures the time
with ``torch.utils.benchmark``, the effective bandwidth (bytes read + bytes written,
divided by the time) and that bandwidth as a fraction of ``x.clone()`` on the same
tensor in the same run: a practical roofline. Set ``PERF_TINY=1`` for a seconds-long
smoke run (the tests do); numbers from it mean nothing.
"""

# %% setup
import math
import os
import platform

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F
from _downsample import Downsample  # the module from "What an nn.Downsample would be"
from torch.utils import benchmark

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
tiny = os.environ.get("PERF_TINY") == "1"
machine = torch.cuda.get_device_name() if device.type == "cuda" else platform.processor() or platform.machine()
print(f"torch {torch.__version__} on {device} ({machine}), {torch.get_num_threads()} CPU threads")

# %% ops
# The ops under test, each a function of one N x 64 x H x W tensor. Layers with weights
# are built once per dtype and memory format, outside the timed region.
channels = 64


def make_ops(dtype, memory_format):
    def layer(module):
        return module.to(device=device, dtype=dtype, memory_format=memory_format)

    ops = {}
    for mode in ["nearest", "nearest-exact", "bilinear", "bicubic", "area"]:
        for direction, scale in (("up", 2.0), ("down", 0.5)):
            ops[f"interpolate {mode} {direction}"] = lambda x, m=mode, s=scale: F.interpolate(x, scale_factor=s, mode=m)
            if mode in ("bilinear", "bicubic"):
                ops[f"interpolate {mode} {direction} antialias"] = lambda x, m=mode, s=scale: F.interpolate(
                    x, scale_factor=s, mode=m, antialias=True
                )
    ops["MaxPool2d(2)"] = nn.MaxPool2d(2)
    ops["AvgPool2d(2)"] = nn.AvgPool2d(2)
    ops["AdaptiveAvgPool2d(H/2)"] = lambda x: F.adaptive_avg_pool2d(x, (x.shape[2] // 2, x.shape[3] // 2))
    ops["Conv2d(3, stride=2)"] = layer(nn.Conv2d(channels, channels, 3, stride=2, padding=1))
    ops["ConvTranspose2d(4, stride=2)"] = layer(nn.ConvTranspose2d(channels, channels, 4, stride=2, padding=1))
    ops["PixelShuffle(2)"] = nn.PixelShuffle(2)
    ops["PixelUnshuffle(2)"] = nn.PixelUnshuffle(2)
    # Downsample's 'max', 'avg', 'area' and 'pixel-unshuffle' call the ops above; time the rest.
    for method in ("antialias-bilinear", "blur", "max-blur", "conv"):
        ops[f"Downsample(2, {method!r})"] = layer(Downsample(2, method=method, channels=channels))
    return ops


print(len(make_ops(torch.float32, torch.contiguous_format)), "ops")

# %% measure
# Bytes moved: forward reads the input and writes the output; backward reads the output's
# gradient and writes the input's gradient, so forward+backward moves twice as much.
def seconds(fn, x, min_run_time):
    """Median time of fn(x) over repeats; min_run_time=0 times a single call."""
    timer = benchmark.Timer(stmt="fn(x)", globals={"fn": fn, "x": x}, num_threads=torch.get_num_threads())
    if min_run_time == 0:
        return timer.timeit(1).median
    return timer.blocked_autorange(min_run_time=min_run_time).median


def measure(shape, dtype, memory_format, backward):
    # On a CPU the large size and bfloat16 (emulated on most CPUs) are too slow to repeat
    # inside the build's budget: they are timed once.
    once = device.type == "cpu" and not tiny and (shape == large or dtype == torch.bfloat16)
    min_run_time = 0 if once else quick
    x = torch.randn(shape, device=device, dtype=dtype).contiguous(memory_format=memory_format)
    x.requires_grad_(backward)
    copy = seconds(lambda t: t.clone(), x.detach(), min_run_time)
    copy_bandwidth = 2 * x.nbytes / copy
    rows = []
    for name, op in make_ops(dtype, memory_format).items():
        if once and shape == large:
            # Skip what the small size predicts to be slow here (time scales with pixels).
            small_time = next(r for r in results[reference]["rows"] if r["op"] == name).get("seconds", 0)
            predicted = small_time * math.prod(large) / math.prod(small)
            if predicted > slow:
                rows.append({"op": name, "error": f"skipped: about {predicted:.1f} s predicted"})
                continue
        fn = (lambda t, op=op: op(t).sum().backward()) if backward else op
        try:
            with torch.no_grad() if not backward else torch.enable_grad():
                out = op(x)
                t = seconds(fn, x, min_run_time)
        except (RuntimeError, NotImplementedError) as error:
            rows.append({"op": name, "error": str(error).splitlines()[0]})
            continue
        moved = (x.nbytes + out.nbytes) * (2 if backward else 1)
        rows.append({"op": name, "seconds": t, "bandwidth": moved / t, "fraction": moved / t / copy_bandwidth})
    return {"copy_bandwidth": copy_bandwidth, "rows": rows}


# Even the tiny mode keeps tensors large enough (1 MiB) that memory traffic, not per-call
# overhead, dominates; with overhead-bound timings the bandwidth fractions mean nothing.
small = (1, channels, 64, 64) if tiny else (1, channels, 128, 128)
large = (2, channels, 64, 64) if tiny else (8, channels, 256, 256)
quick = 0.01
# A GPU gets every combination. On a CPU, to keep the build inside its budget, bfloat16 is
# measured forward in contiguous format only, and the large size (8 x 64 x 256 x 256,
# 128 MiB in float32) forward in float32 contiguous format only.
configs = [(small, dtype, fmt, backward) for dtype in (torch.float32, torch.bfloat16)
           for fmt in (torch.contiguous_format, torch.channels_last) for backward in (False, True)
           if device.type == "cuda" or dtype == torch.float32 or (fmt == torch.contiguous_format and not backward)]  # fmt: skip
configs += [(large, dtype, fmt, backward) for dtype in (torch.float32, torch.bfloat16)
            for fmt in (torch.contiguous_format, torch.channels_last) for backward in (False, True)
            if device.type == "cuda" or (dtype == torch.float32 and fmt == torch.contiguous_format and not backward)]  # fmt: skip
reference, slow = configs[0], 0.5  # small, float32, contiguous, forward: measured first
results = {}
for config in configs:
    results[config] = measure(*config)
print(f"{len(results)} configurations, {sum(len(r['rows']) for r in results.values())} measurements")

# %% table
# One table per size: time in microseconds and the fraction of clone() bandwidth.
def label(shape, dtype, fmt, backward):
    return f"{str(dtype).removeprefix('torch.')} {'CL' if fmt == torch.channels_last else 'NCHW'} {'fwd+bwd' if backward else 'fwd'}"


for shape in (small, large):
    columns = [config for config in configs if config[0] == shape]
    print(f"\n**N×C×H×W = {'×'.join(map(str, shape))}**: time in µs (fraction of clone() bandwidth)\n")
    print("| op | " + " | ".join(label(*c) for c in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for i, name in enumerate(r["op"] for r in results[columns[0]]["rows"]):
        cells = []
        for config in columns:
            row = results[config]["rows"][i]
            cells.append(f"{row['seconds'] * 1e6:.0f} ({row['fraction']:.2f})" if "seconds" in row else
                         "skipped" if row["error"].startswith("skipped") else "n/a")  # fmt: skip
        print(f"| {name} | " + " | ".join(cells) + " |")
    print("| clone() bandwidth, GB/s | " + " | ".join(f"{results[c]['copy_bandwidth'] / 1e9:.1f}" for c in columns) + " |")

# %% scaling
# How cost grows with size: time against number of pixels for a few ops, on log-log axes.
# A slope of 1 means the time is proportional to the pixels, as for a memory-bound op.
sides = [32, 64] if tiny else [32, 64, 128, 256]
scaling_ops = {name: op for name, op in make_ops(torch.float32, torch.contiguous_format).items()
               if name in ("interpolate nearest up", "interpolate bilinear up", "interpolate bicubic up",
                           "interpolate bilinear down antialias", "MaxPool2d(2)", "Conv2d(3, stride=2)")}  # fmt: skip
figure, ax = plt.subplots(figsize=(6.5, 4))
slopes = {}
for name, op in scaling_ops.items():
    pixels, times = [], []
    for side in sides:
        x = torch.randn(1, channels, side, side, device=device)
        with torch.no_grad():
            times.append(seconds(op, x, quick))
        pixels.append(side * side)
    slope = torch.linalg.lstsq(
        torch.tensor([[math.log(p), 1.0] for p in pixels], dtype=torch.float64),
        torch.tensor([[math.log(t)] for t in times], dtype=torch.float64),
    ).solution[0, 0].item()
    slopes[name] = slope
    ax.loglog(pixels, [t * 1e6 for t in times], "o-", label=f"{name} (slope {slope:.2f})")
ax.set_xlabel("pixels per channel (H x W)")
ax.set_ylabel("time (microseconds)")
ax.legend(fontsize=7)
figure.tight_layout()
for name, slope in slopes.items():
    print(f"{name:38s} slope {slope:.2f}")

# %% findings
# The sentences the page quotes, computed from this run's numbers (small size, float32).
def row(config, name):
    return next(r for r in results[config]["rows"] if r["op"] == name)


base = (small, torch.float32, torch.contiguous_format, False)
channels_last = (small, torch.float32, torch.channels_last, False)
fractions = sorted((r["fraction"], r["op"]) for r in results[base]["rows"] if "fraction" in r)
plain, smooth = row(base, "interpolate bilinear down"), row(base, "interpolate bilinear down antialias")
print(f"Farthest from a plain copy: {', '.join(op for _, op in fractions[:3])}.")
print(f"Closest to a plain copy: {', '.join(op for _, op in fractions[-3:])}.")
print(f"Antialiased bilinear downsampling took {smooth['seconds'] / plain['seconds']:.1f}x the time of plain bilinear downsampling.")
for name in ("interpolate bilinear up", "interpolate bicubic up", "MaxPool2d(2)"):
    ratio = row(base, name)["seconds"] / row(channels_last, name)["seconds"]
    print(f"{name}: channels_last is {ratio:.2f}x as fast as contiguous (NCHW).")
