"""How fast each resampling op is on the build device, against copying the same tensor.

A resampling op does little arithmetic per byte, so the yardstick is memory traffic. For
each op this script counts the bytes the op must read and write, times it in repeated
rounds, and divides: an achieved bandwidth. Each round also times ``copy_`` of the input
into a preallocated tensor, and the op's bandwidth as a fraction of that copy's is the
op's score for the round. The table reports the median over rounds and the spread.
On a GPU the tensors are far larger than the L2 cache and CUDA events time the kernels;
on a CPU one thread runs and its CPU time is counted. Set ``PERF_TINY=1`` for a
seconds-long smoke run (the tests do); its numbers say little.
"""

# %% setup
import contextlib
import math
import os
import platform
import statistics
import time

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from _downsample import Downsample  # the module from "What an nn.Downsample would be"
from torch import nn
from torch._C._profiler import _EventType
from torch.profiler import ProfilerActivity, profile

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
cuda = device.type == "cuda"
tiny = os.environ.get("PERF_TINY") == "1"
machine = torch.cuda.get_device_name() if cuda else platform.processor() or platform.machine()
l2 = f", L2 cache {getattr(torch.cuda.get_device_properties(device), 'L2_cache_size', 0) / 2**20:.0f} MiB" if cuda else ""
print(f"torch {torch.__version__} on {device} ({machine}{l2})")


@contextlib.contextmanager
def one_cpu_thread():
    """On a CPU, run one thread: an op split over threads waits for the slowest one, and on
    a machine shared with other programs that wait, not the op, is what a clock measures."""
    threads = torch.get_num_threads()
    torch.set_num_threads(threads if cuda else 1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


# %% ops
# The ops under test, each a function of one N x 64 x H x W tensor that returns a tuple of
# tensors (max pooling also returns its int64 indices: torch computes them even when they
# are not asked for). `into` is the same computation written into preallocated outputs, for
# the ops that have an out= form: F.interpolate's aten ops, the pooling ops. Layers with
# weights are built per dtype and memory format, outside the timed region.
channels = 64
aten = torch.ops.aten
INTERPOLATE_OUT = {
    ("nearest", False): aten.upsample_nearest2d.out,
    ("nearest-exact", False): aten._upsample_nearest_exact2d.out,
    ("bilinear", False): aten.upsample_bilinear2d.out,
    ("bilinear", True): aten._upsample_bilinear2d_aa.out,
    ("bicubic", False): aten.upsample_bicubic2d.out,
    ("bicubic", True): aten._upsample_bicubic2d_aa.out,
}


def interpolate_op(mode, scale, antialias=False):
    def call(x):
        return (F.interpolate(x, scale_factor=scale, mode=mode, antialias=antialias),)

    def into(x, outs):
        size = outs[0].shape[-2:]
        if mode == "area":  # F.interpolate's area is adaptive average pooling to the output size
            return aten.adaptive_avg_pool2d.out(x, size, out=outs[0])
        align_corners = () if mode.startswith("nearest") else (False,)
        return INTERPOLATE_OUT[mode, antialias](x, size, *align_corners, scale, scale, out=outs[0])

    return call, into


def make_ops(dtype, memory_format):
    def layer(module):
        module = module.to(device=device, dtype=dtype, memory_format=memory_format)
        return lambda x: (module(x),), None, list(module.parameters())

    ops = {}
    for mode in ["nearest", "nearest-exact", "bilinear", "bicubic", "area"]:
        for direction, scale in (("up", 2.0), ("down", 0.5)):
            for antialias in (False, True) if mode in ("bilinear", "bicubic") else (False,):
                name = f"interpolate {mode} {direction}" + (" antialias" if antialias else "")
                ops[name] = (*interpolate_op(mode, scale, antialias), [])
    ops["MaxPool2d(2)"] = (
        lambda x: F.max_pool2d(x, 2, return_indices=True),
        lambda x, outs: aten.max_pool2d_with_indices.out(x, [2, 2], [2, 2], [0, 0], [1, 1], False, out=outs[0], indices=outs[1]),
        [],
    )
    ops["AvgPool2d(2)"] = (lambda x: (F.avg_pool2d(x, 2),), lambda x, outs: aten.avg_pool2d.out(x, [2, 2], [2, 2], out=outs[0]), [])
    ops["Conv2d(3, stride=2)"] = layer(nn.Conv2d(channels, channels, 3, stride=2, padding=1))
    ops["ConvTranspose2d(4, stride=2)"] = layer(nn.ConvTranspose2d(channels, channels, 4, stride=2, padding=1))
    ops["PixelShuffle(2)"] = (lambda x: (F.pixel_shuffle(x, 2),), None, [])
    ops["PixelUnshuffle(2)"] = (lambda x: (F.pixel_unshuffle(x, 2),), None, [])
    for method in downsample_methods:
        ops[f"Downsample(2, {method!r})"] = layer(Downsample(2, method=method, channels=channels))
    return ops


# A Downsample method that returns exactly what an op above returns is not timed separately,
# though its calls need not be that op's ('antialias-bilinear' calls the antialiased kernel
# once per axis). Which ones they are is checked here, on a probe.
downsample_methods = []
probe = torch.randn(2, channels, 16, 16, device=device)
with torch.no_grad(), one_cpu_thread():
    outputs = {name: call(probe)[0] for name, (call, _, _) in make_ops(torch.float32, torch.contiguous_format).items()}
    same_as = {}
    for method in Downsample.METHODS:
        result = Downsample(2, method=method, channels=channels).to(device)(probe)
        same_as[method] = [name for name, output in outputs.items() if torch.equal(output, result)]
downsample_methods = [method for method, names in same_as.items() if not names]
print(f"{len(make_ops(torch.float32, torch.contiguous_format))} ops")
for method, names in same_as.items():
    if names:
        print(f"`Downsample(2, {method!r})` is not timed again: on a 2x64x16x16 probe it returns exactly what {' and '.join(f'`{n}`' for n in names)} return(s)")

# %% bytes
# The bytes an op must move: the input it reads, every output it writes (max pooling's
# indices too) and its weights; with the backward pass also the output's gradient (and
# the indices) read and the input's gradient written. Memory moves whole lines (64 bytes
# on x86 CPUs, 32-byte sectors on NVIDIA GPUs): an op that needs only some pixels still
# reads each line that holds one. Which pixels a nearest op needs comes from the op
# itself: applied to a ramp of pixel numbers, it returns the numbers it picked.
line = 32 if cuda else 64


def bytes_read(name, call, x, line=line):
    if "nearest" not in name:
        return x.nbytes  # the output of every other op here depends on every input pixel
    n, c, h, w = x.shape
    ramp = torch.arange(h * w, dtype=torch.float64, device=device).view(1, 1, h, w)
    picked = call(ramp)[0].long().flatten()
    pixels = (picked // w) * x.stride(2) + (picked % w) * x.stride(3)
    planes = torch.arange(c, device=device)[:, None] * x.stride(1)
    start = x.data_ptr() % line  # where the tensor begins within its first line
    touched = torch.zeros((start + x.nbytes + line - 1) // line, dtype=torch.bool, device=device)
    for image in range(n):  # one image at a time: the offsets of a whole batch would take gigabytes
        touched[(start + (image * x.stride(0) + planes + pixels) * x.element_size()) // line] = True
    return int(touched.sum()) * line


def bytes_moved(name, op, x, written, backward):
    """Bytes read and written by one call; `written` is the bytes of the op's outputs."""
    call, _, params = op
    weights = sum(p.nbytes for p in params)
    forward = bytes_read(name, call, x) + written + weights
    return forward + (written + weights + x.nbytes if backward else 0)


shares = {}
with one_cpu_thread():
    for dtype in (torch.float32, torch.bfloat16):
        for fmt in (torch.contiguous_format, torch.channels_last):
            x = torch.empty(1, channels, 128, 128, device=device, dtype=dtype).contiguous(memory_format=fmt)
            for name, (call, _, _) in make_ops(dtype, fmt).items():
                if "nearest" in name:
                    where = f"{str(dtype).removeprefix('torch.')} {'channels_last' if fmt == torch.channels_last else 'NCHW'}"
                    shares.setdefault(name, []).append(f"{bytes_read(name, call, x) / x.nbytes:.0%} in {where}")
for name, read in shares.items():
    print(f"{name} reads {', '.join(read)} of a 1x{channels}x128x128 input's bytes")

# %% measure
def per_call(fn, calls):
    """Seconds per call over back-to-back calls: GPU time between two CUDA events, or the
    process's CPU time, which leaves out the time other programs hold the core."""
    if cuda:
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        for _ in range(calls):
            fn()
        end.record()
        end.synchronize()
        return start.elapsed_time(end) / 1e3 / calls
    started = time.process_time()
    for _ in range(calls):
        fn()
    return (time.process_time() - started) / calls


def allocated(fn):
    """Bytes one call allocates (outputs without an out= form, gradients, temporaries), as
    the CUDA caching allocator counts them, or as the profiler records each CPU allocation."""
    if cuda:
        before = torch.cuda.memory_stats()["allocated_bytes.all.allocated"]
        fn()
        return torch.cuda.memory_stats()["allocated_bytes.all.allocated"] - before
    return cpu_allocated(fn)


def cpu_allocated(fn):
    """Bytes one call allocates on the CPU, as the profiler records each allocation."""
    with profile(activities=[ProfilerActivity.CPU], profile_memory=True) as prof:
        fn()
    nodes, total = list(prof.profiler.kineto_results.experimental_event_tree()), 0
    while nodes:
        node = nodes.pop()
        nodes += node.children
        if node.tag == _EventType.Allocation:
            total += max(node.typed[1].alloc_size, 0)
    return total


def timed_rounds(fn, reference, rounds):
    """Per-call seconds of fn and of the reference, interleaved: a round times a block of
    calls of each, so that both see the same state of the machine."""
    blocks = [max(1, min(1000, math.ceil(block / max(per_call(f, 1), 1e-7)))) for f in (fn, reference)]
    pairs = [(per_call(fn, blocks[0]), per_call(reference, blocks[1])) for _ in range(rounds)]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def summary(times, moved, copy_times, copied):
    """Median and spread (half the interquartile range, relative) of the time, and the
    fraction of the copy's bandwidth per round."""
    median = statistics.median(times)
    quartiles = statistics.quantiles(times, n=4, method="inclusive")
    fractions = [moved / t / (copied / c) for t, c in zip(times, copy_times)]
    return {"seconds": median, "spread": (quartiles[2] - quartiles[0]) / 2 / median, "times": times,
            "copy_times": copy_times, "bytes": moved, "bandwidth": moved / median, "fractions": fractions,
            "fraction": statistics.median(fractions)}  # fmt: skip


def timed_call(op, x, backward):
    """The call to time, and the bytes of the op's outputs. The forward pass writes into
    preallocated outputs where the op has an out= form; with the backward pass,
    autograd.grad returns fresh gradients, so nothing accumulates from call to call."""
    call, into, _ = op
    with torch.no_grad():
        outs = call(x)
    written = sum(o.nbytes for o in outs)
    if backward:
        needs_grad, grad = x.detach().requires_grad_(), torch.randn_like(outs[0])
        return lambda: torch.autograd.grad(call(needs_grad)[0], needs_grad, grad), written
    if into is not None:
        return lambda: into(x, outs), written
    return lambda: call(x), written


def prepared(name, shape, memory_format=torch.contiguous_format):
    """A forward call of the op `name` (or of "x.clone()", "copy_") on a fresh float32 input,
    written into preallocated outputs where the op has an out= form."""
    x = torch.randn(shape, device=device).contiguous(memory_format=memory_format)
    if name == "copy_":
        target = torch.empty_like(x)
        return lambda: target.copy_(x)
    if name == "x.clone()":
        return lambda: x.clone()
    with torch.no_grad():
        return timed_call(make_ops(torch.float32, memory_format)[name], x, False)[0]


def measure(shape, dtype, memory_format, backward):
    x = torch.randn(shape, device=device, dtype=dtype).contiguous(memory_format=memory_format)
    target = torch.empty_like(x)

    def copy():
        return target.copy_(x)

    rows = {}
    with one_cpu_thread():
        copy_allocated = allocated(copy)  # the reference allocates nothing; the tests check it
    ops = make_ops(dtype, memory_format)
    if not backward:
        ops["x.clone()"] = (lambda x: (x.clone(),), None, [])
    for name, op in ops.items():
        predicted = predicted_seconds(name, shape, dtype, memory_format, backward)
        if predicted > slow:
            rows[name] = {"error": f"skipped: about {predicted:.1f} s predicted"}
            continue
        with torch.set_grad_enabled(backward), one_cpu_thread():
            try:
                fn, written = timed_call(op, x, backward)
                allocation = allocated(fn)  # also the warm-up
            except (RuntimeError, NotImplementedError, ValueError) as error:
                rows[name] = {"error": str(error).splitlines()[0]}
                continue
            times, copy_times = timed_rounds(fn, copy, rounds if shape == sizes[0] else 3)
        moved = bytes_moved(name, op, x, written, backward)
        rows[name] = {**summary(times, moved, copy_times, 2 * x.nbytes), "allocated": allocation}
        del fn
    every_copy = [t for row in rows.values() for t in row.get("copy_times", [])]
    copy_row = summary(every_copy, 2 * x.nbytes, every_copy, 2 * x.nbytes)
    return {"copy": copy_row, "copy_allocated": copy_allocated, "rows": rows}


def predicted_seconds(name, shape, dtype, memory_format, backward):
    """Beyond the first size, a CPU build skips what the first size predicts to be slow."""
    if shape == sizes[0]:
        return 0
    row = results[sizes[0], dtype, memory_format, backward]["rows"][name]
    return row.get("seconds", math.inf) * math.prod(shape) / math.prod(sizes[0])


# On a GPU the input holds 512 MiB or more in either dtype, many times the L2 cache that
# the setup prints, and every combination is measured. On a CPU the first size (4 MiB in
# float32) fits in the last-level cache of many CPUs and the second (128 MiB) in few (the
# copy's bandwidth at the two sizes shows which holds here); to fit the build's budget, the second size and bfloat16 are measured forward in
# NCHW only, the second size in 3 rounds, and it skips ops that the first size predicts to
# take over 0.3 s there.
def benchmark_sizes(cuda, tiny):
    if cuda:
        return [(2, channels, 128, 128)] if tiny else [(16, channels, 512, 512)]
    return [(1, channels, 64, 64), (2, channels, 64, 64)] if tiny else [(1, channels, 128, 128), (8, channels, 256, 256)]


sizes = benchmark_sizes(cuda, tiny)
# A block of calls lasts at least `block` seconds, so that one burst of another program's
# memory traffic weighs less in a round.
block, rounds, slow = (0.002, 5, 0.02) if tiny else (0.004, 5, 0.3)
configs = [(sizes[0], dtype, fmt, backward) for dtype in (torch.float32, torch.bfloat16)
           for fmt in (torch.contiguous_format, torch.channels_last) for backward in (False, True)
           if cuda or dtype == torch.float32 or (fmt == torch.contiguous_format and not backward)]  # fmt: skip
configs += [(size, torch.float32, torch.contiguous_format, False) for size in sizes[1:]]
results = {}
for config in configs:
    results[config] = measure(*config)
# Rows that hold a reason instead of a time ("n/a", "skipped") were not measured.
first, later = (sum("error" not in row for config, r in results.items() if (config[0] == sizes[0]) == at_first for row in r["rows"].values())
                 for at_first in (True, False))  # fmt: skip
print(f"{len(results)} configurations, {first} measurements of {rounds} rounds each" + (f" and {later} of 3" if later else ""))

# %% table
# One table per size: the median time per call in microseconds, ± half the interquartile
# range over the rounds, and in parentheses the op's median fraction of the copy's
# bandwidth. † marks calls that allocate memory worth a tenth or more of what they move.
def label(shape, dtype, fmt, backward):
    return f"{str(dtype).removeprefix('torch.')} {'CL' if fmt == torch.channels_last else 'NCHW'} {'fwd+bwd' if backward else 'fwd'}"


def cell(row):
    if "seconds" not in row:
        return {"skipped": "skipped", "forward": "–"}.get(row["error"].split()[0].rstrip(":"), "n/a")
    dagger = "†" if row["allocated"] >= row["bytes"] / 10 else ""
    return f"{row['seconds'] * 1e6:.0f} ±{row['spread']:.0%} ({row['fraction']:.2f}){dagger}"


for shape in sizes:
    columns = [config for config in configs if config[0] == shape]
    names = list(results[columns[0]]["rows"])
    print(f"\n**N×C×H×W = {'×'.join(map(str, shape))}**\n")
    print("| op | " + " | ".join(label(*c) for c in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for name in names:
        print(f"| {name} | " + " | ".join(cell(results[c]["rows"].get(name, {"error": "forward only"})) for c in columns) + " |")
    print("| copy_ into a preallocated tensor, GB/s | " + " | ".join(
        f"{results[c]['copy']['bandwidth'] / 1e9:.1f} ±{results[c]['copy']['spread']:.0%}" for c in columns) + " |")  # fmt: skip

# %% scaling
# How cost grows with size: time against number of pixels for a few ops, on log-log axes.
# A slope of 1 means the time is proportional to the pixels, as for a memory-bound op. The
# ops write into preallocated outputs where they can: a fresh large output would add the
# cost of new pages, which grows with the output and bends the line.
sides = [32, 64] if tiny else [64, 128, 256, 512] if cuda else [32, 64, 128, 256]
batch = 16 if cuda else 1
scaling_ops = ["interpolate nearest up", "interpolate bilinear up", "interpolate bicubic up",
               "interpolate bilinear down antialias", "MaxPool2d(2)", "Conv2d(3, stride=2)"]  # fmt: skip
figure, ax = plt.subplots(figsize=(6.5, 4))
slopes = {}
with torch.no_grad(), one_cpu_thread():
    for name in scaling_ops:
        rounds_per_side = []
        for side in sides:
            fn = prepared(name, (batch, channels, side, side))
            fn()  # warm-up
            rounds_per_side.append(timed_rounds(fn, lambda: None, 3)[0])  # no reference here
        times = [statistics.median(t) for t in rounds_per_side]
        pixels = math.log(sides[-1] ** 2 / sides[-2] ** 2)
        small, large = rounds_per_side[-2:]
        slopes[name] = {"slope": math.log(times[-1] / times[-2]) / pixels,  # and its range over the rounds:
                        "range": (math.log(min(large) / max(small)) / pixels, math.log(max(large) / min(small)) / pixels)}  # fmt: skip
        ax.loglog([s * s for s in sides], [t * 1e6 for t in times], "o-", label=f"{name} (slope {slopes[name]['slope']:.2f})")
ax.set_xlabel("pixels per channel (H × W)")
ax.set_ylabel("time per call (µs)")
ax.legend(fontsize=7)
figure.tight_layout()
print(f"N = {batch}, C = {channels}, float32 NCHW, forward, into preallocated outputs where the op has an out= form")
for name, slope in slopes.items():
    low, high = slope["range"]
    print(f"{name:38s} slope between the two largest sizes {slope['slope']:.2f} (over the rounds {low:.2f} to {high:.2f})")
plt.show()

# %% findings
# The sentences the page quotes, computed from this run's numbers. A comparison times the
# two calls in turn, round after round, so that both see the same state of the machine,
# and names a winner only when one took less time than the other in every round.
comparisons = []
compare_rounds = 5 if tiny else 9


def compare(a_name, a_fn, b_name, b_fn, b_work_over_a_work=1.0):
    # b_work_over_a_work: when the two calls do unequal amounts of work (more output pixels),
    # the ratio compares the time per unit of work.
    with torch.no_grad(), one_cpu_thread():
        a, b = timed_rounds(a_fn, b_fn, compare_rounds)
    ratios = [ta / tb * b_work_over_a_work for ta, tb in zip(a, b)]
    ratio, low, high = statistics.median(ratios), min(ratios), max(ratios)
    rounds_text = f"ratio {low:.2f} to {high:.2f} over {len(ratios)} rounds that timed both in turn"
    text = (f"{a_name} took {ratio:.2f}x the time of {b_name} ({rounds_text})." if high < 1 or low > 1 else
            f"{a_name} and {b_name}: no difference beyond the spread ({rounds_text}).")  # fmt: skip
    comparisons.append({"ratios": ratios, "text": text})
    return text


main = (sizes[0], torch.float32, torch.contiguous_format, False)
rows = {name: row for name, row in results[main]["rows"].items() if name != "x.clone()"}
copy_rate = results[main]["copy"]["bandwidth"]
findings = [f"The reference: copy_ moved {copy_rate / 1e9:.1f} GB/s at {'×'.join(map(str, sizes[0]))} in float32, "
            f"counting the bytes read and the bytes written."]  # fmt: skip
for shape in sizes:
    findings.append(compare(f"At {'×'.join(map(str, shape))}, x.clone()", prepared("x.clone()", shape),
                            "copy_ into a preallocated tensor", prepared("copy_", shape)))  # fmt: skip
fast = [name for name, row in rows.items() if "fractions" in row and min(row["fractions"]) >= 0.5]
slow_ops = [name for name, row in rows.items() if "fractions" in row and max(row["fractions"]) < 0.1]
others = [name for name, row in rows.items() if "fractions" in row and name not in slow_ops]
def quoted(names):  # op names in a list are quoted as code, in every language
    return ", ".join(f"`{name}`" for name in names)


findings.append(f"At least half the copy's bandwidth in every round: {quoted(fast) or 'no op'}.")
findings.append("Under a tenth of the copy's bandwidth in every round: " + (
    f"{quoted(slow_ops) or 'no op'}." if len(slow_ops) <= len(others) else f"every op but {quoted(others)}."))  # fmt: skip
for a, b in (("interpolate bilinear down antialias", "interpolate bilinear down"),
             ("interpolate bicubic up", "interpolate bilinear up")):  # fmt: skip
    findings.append(compare(a, prepared(a, sizes[0]), b, prepared(b, sizes[0])))
for name in ("interpolate bilinear up", "interpolate bicubic up", "MaxPool2d(2)"):
    findings.append(compare(f"{name} in channels_last", prepared(name, sizes[0], torch.channels_last),
                            f"{name} in NCHW", prepared(name, sizes[0])))  # fmt: skip
# On the CPU, floating-point bilinear interpolation of an NCHW input with more than one channel
# takes the channels-last kernel, converting the input and the output (a side that is 1x1
# excepted), when the output's height plus width is at most 128: the same op on either side of that threshold,
# timed per output pixel (65×65 has 3% more of them).
findings.append(compare("interpolate bilinear down with a 64×64 output, per output pixel", prepared("interpolate bilinear down", (1, channels, 128, 128)),
                        "interpolate bilinear down with a 65×65 output, per output pixel", prepared("interpolate bilinear down", (1, channels, 130, 130)),
                        b_work_over_a_work=65 * 65 / (64 * 64)))  # fmt: skip
conv = rows["Conv2d(3, stride=2)"]
flop = 2 * channels * 9 * math.prod(sizes[0]) / 4  # a multiply and an add per weight and output value
findings.append(f"Conv2d(3, stride=2) does {flop / conv['bytes']:.0f} FLOP per byte it moves "
                f"and ran at {flop / conv['seconds'] / 1e9:.0f} GFLOP/s.")  # fmt: skip
if not cuda:
    findings.append(f"These CPU times are the CPU time of one thread; torch's default here is {torch.get_num_threads()} threads.")
print("\n".join(findings))

# %% odd_factors
# At an odd factor s, with samples s pixels apart, the plain bilinear sample lands on an input
# pixel and the antialiased filter's outermost taps on its zeros: exactly so only if the
# factor is exact. Weights along
# the width, float64, output pixel 4 of 8s input pixels, for every odd s up to 101, the factor given as
# size= (exact) or as scale_factor=1/s (rounded). On the CPU whatever the build's device:
# a statement about the arithmetic, not the speed.
def weights(s, antialias, by_size):
    width = 8 * s
    rows = torch.eye(width, dtype=torch.float64).view(width, 1, 1, width)
    size = {"size": (1, 8)} if by_size else {"scale_factor": (1.0, 1 / s)}
    column = F.interpolate(rows, mode="bilinear", antialias=antialias, **size)[:, 0, 0, 4]
    return column[column != 0]


odd = range(3, 102, 2)
print("On the CPU, float64, bilinear, output pixel 4 (away from the borders) of a downsampling of 8s pixels by an odd factor s:")
for by_size in (True, False):
    given = "size=" if by_size else "scale_factor=1/s"
    plain = {s: weights(s, False, by_size) for s in odd}
    aa = {s: weights(s, True, by_size) for s in odd}
    misses = [s for s, w in plain.items() if len(w) > 1]
    residue = [s for s, w in aa.items() if len(w) > 2 * s - 1]
    print(f"{given}: plain bilinear weighs 1 pixel at every odd s from 3 to 101"
          + (f" but s = {', '.join(map(str, misses))}, where it weighs {', '.join(str(len(plain[s])) for s in misses)}"
             f" (the smallest weight {min(float(plain[s].min()) for s in misses):.0e})" if misses else "") + ";")  # fmt: skip
    print("  antialiased, 2s - 1 pixels at every odd s" + (
        f" but s = {', '.join(map(str, residue))}, where a tap that should land on a zero of the filter"
        f" weighs {max(float(aa[s].min()) for s in residue):.0e} or less (rounding) and 2s pixels count" if residue else "") + ".")  # fmt: skip
