"""F.interpolate under torch.compile.

``torch.compile`` (default backend: Inductor) does not run most of F.interpolate's eager
kernels: it decomposes a call into code of its own, or falls back to the eager kernel.
The script compiles every interpolate setting in every dtype on the build device, compares
the compiled output with eager bit for bit, reads the generated code to see which
settings fall back to the eager kernel, times the first call (the compilation) against
later calls, runs two open issues' reproducers, and compiles the site's Downsample
module. Three compilations in all: each costs seconds to minutes.
"""

# %% setup
import os
import statistics
import tempfile
import time

import torch
import torch.nn.functional as F
from _downsample import Downsample
from _settings import INTERPOLATE_SETTINGS
from torch._inductor.utils import run_and_get_code
from torch.fx.experimental.proxy_tensor import make_fx

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")
# A fresh, empty cache: every compilation below is a cold one, as on a first run.
os.environ["TORCHINDUCTOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="inductor-")
# No pool of compile workers: on a small machine starting it costs more than it saves.
torch._inductor.config.compile_threads = 1

# %% compare
# One compiled function computes every setting in every dtype that eager accepts, from
# one input, to a size that enlarges the height (37 -> 61) and shrinks the width
# (53 -> 23), neither by a whole factor; and 'area' to a second size, 17x23.
DTYPES = [torch.float32, torch.float64, torch.bfloat16, torch.float16]
SIZE, AREA_SIZE = (61, 23), (17, 23)
x = torch.randn(2, 3, 37, 53, device=device)
inputs = {dtype: x.to(dtype) for dtype in DTYPES}
cases = []  # (setting, dtype, size)
for dtype in DTYPES:
    for name, kwargs in INTERPOLATE_SETTINGS.items():
        try:
            F.interpolate(inputs[dtype], size=SIZE, **kwargs)
            cases.append((name, dtype, SIZE))
        except (RuntimeError, NotImplementedError):  # e.g. no float16/bfloat16 antialias on the CPU
            pass
cases += [("area", dtype, AREA_SIZE) for dtype in DTYPES]


def every_case(inputs):
    return [F.interpolate(inputs[dtype], size=size, **INTERPOLATE_SETTINGS[name]) for name, dtype, size in cases]


def in_eps(difference, eager):
    """A difference in units of the dtype's machine epsilon times the largest |eager value|."""
    return difference / (torch.finfo(eager.dtype).eps * eager.double().abs().max().item())


compiled_every_case = torch.compile(every_case, dynamic=False)
start = time.perf_counter()
out, sources = run_and_get_code(compiled_every_case, inputs)
first_call = time.perf_counter() - start
code = "\n".join(sources)  # the Python wrapper, which calls the kernels by name
again = compiled_every_case(inputs)
results = {}
for case, y_compiled, y_again, y_eager in zip(cases, out, again, every_case(inputs)):
    diff = (y_compiled.double() - y_eager.double()).abs().max().item()
    results[case] = dict(bitwise=torch.equal(y_compiled, y_eager), diff=diff, eps=in_eps(diff, y_eager), repeatable=torch.equal(y_compiled, y_again))


def cell(name, dtype, size=SIZE):
    if (name, dtype, size) not in results:
        return "eager rejects"
    r = results[name, dtype, size]
    return "bitwise" if r["bitwise"] else f"{r['diff']:.1e} ({r['eps']:.2g} ε)"


print("| setting | " + " | ".join(str(d).removeprefix("torch.") for d in DTYPES) + " |")
print("|---|" + "---|" * len(DTYPES))
for name in INTERPOLATE_SETTINGS:
    print(f"| {name} | " + " | ".join(cell(name, d) for d in DTYPES) + " |")
print(f"| area, {AREA_SIZE[0]}x{AREA_SIZE[1]} | " + " | ".join(cell("area", d, AREA_SIZE) for d in DTYPES) + " |")

# %% repeatable
print("A second call of the compiled function gives the same bits:", all(r["repeatable"] for r in results.values()))

# %% fallbacks
# The aten op each setting dispatches to (traced with make_fx), and whether Inductor's
# code calls that op's eager kernel or computes it in code of its own.
def one_setting(name):
    return lambda t: F.interpolate(t, size=SIZE, **INTERPOLATE_SETTINGS[name])


aten_op, falls_back = {}, {}
for name in INTERPOLATE_SETTINGS:
    graph = make_fx(one_setting(name))(x)
    aten_op[name] = [str(node.target) for node in graph.graph.nodes if node.op == "call_function"][-1]
    falls_back[name] = f"torch.ops.{aten_op[name]}(" in code
print("| setting | aten op | under Inductor |")
print("|---|---|---|")
for name in INTERPOLATE_SETTINGS:
    print(f"| {name} | `{aten_op[name]}` | {'the eager kernel' if falls_back[name] else 'generated code'} |")

# %% timing
# The first call traced, compiled and ran the function; later calls only run it. Each
# later time is from 25 calls of the whole function (every case once): the median and
# the quartiles, the range of the middle half of the calls.
def timings(fn, repeats=25):
    times = []
    for _ in range(repeats):
        if device.type == "cuda":
            torch.cuda.synchronize()
        start = time.perf_counter()
        fn(inputs)
        if device.type == "cuda":
            torch.cuda.synchronize()
        times.append((time.perf_counter() - start) * 1e3)
    lower, median, upper = statistics.quantiles(times, n=4)
    return median, lower, upper


later = {"compiled": timings(compiled_every_case), "eager": timings(every_case)}
print(f"First call, compiled: {first_call:.1f} s for {len(cases)} interpolate calls\n")
print("| later calls | median (ms) | quartiles (ms) |")
print("|---|---:|---:|")
for name, (median, lower, upper) in later.items():
    print(f"| {name} | {median:.2f} | {lower:.2f}–{upper:.2f} |")
# A winner only where the middle halves of the two sets of calls do not overlap.
(_, c_lower, c_upper), (_, e_lower, e_upper) = later["compiled"], later["eager"]
verdict = "compiled" if c_upper < e_lower else "eager" if e_upper < c_lower else None
print("\nFaster:", verdict or "neither (the quartile ranges overlap)")

# %% issues
# Two open issues' reproducers, compiled together: nearest with a scale factor that
# leaves one size unchanged (2 * 1.3 -> 2, 3 * 1.3 -> 3). Eager reads such a dimension
# one to one; the compiled code applies the scale.
reports = {
    "#175154": (torch.tensor([[[[1.0, 2.0]]]], dtype=torch.float64, device=device), dict(scale_factor=1.3, mode="nearest")),
    "#198201": (torch.arange(12.0, device=device).reshape(1, 1, 3, 4), dict(scale_factor=(1.3, 1.5), mode="nearest")),
}


def reproducers(tensors):
    return [F.interpolate(t, **kwargs) for t, (_, kwargs) in zip(tensors, reports.values())]


compiled_reports = torch.compile(reproducers, dynamic=False)([t for t, _ in reports.values()])
reproduced = {}
print("| issue | input | call | eager | compiled |")
print("|---|---|---|---|---|")
for (issue, (t, kwargs)), compiled in zip(reports.items(), compiled_reports):
    eager = F.interpolate(t, **kwargs)
    reproduced[issue] = not torch.equal(eager, compiled)
    call = ", ".join(f"{key}={value!r}" for key, value in kwargs.items())
    print(f"| {issue} | {tuple(t.shape)}: {t.flatten().tolist()} | `{call}` | {eager.flatten().tolist()} | {compiled.flatten().tolist()} |")

# %% downsample
# Every method of the site's Downsample module, compiled by Inductor with fullgraph=True
# (a graph break would be an error), against eager, in float64: on 33x30, 5x7 and 3x3
# (odd sizes use the even part for 'pixel-unshuffle'; 3x3 is below the minimum of
# 'max-blur'). One function, one compilation.
modules = {method: Downsample(2, method=method, channels=3).to(device) for method in Downsample.METHODS}
downsample_inputs = [torch.randn(2, 3, h, w, device=device, dtype=torch.float64) for h, w in [(33, 30), (5, 7), (3, 3)]]
sizes = [tuple(t.shape[-2:]) for t in downsample_inputs]
runs = [(method, size) for size in sizes for method, down in modules.items() if min(size) >= down.minimum_size]


def every_method(tensors):
    out = []
    for t in tensors:
        for method, down in modules.items():
            h, w = t.shape[-2:]
            if min(h, w) >= down.minimum_size:
                out.append(down(t[..., : h // 2 * 2, : w // 2 * 2] if method == "pixel-unshuffle" else t))
    return out


downsample_diff = {}
for run, y_compiled, y_eager in zip(runs, torch.compile(every_method, dynamic=False, fullgraph=True)(downsample_inputs), every_method(downsample_inputs)):
    downsample_diff[run] = (y_compiled - y_eager).abs().max().item()
print("| method | " + " | ".join(f"{h}x{w}" for h, w in sizes) + " |")
print("|---|" + "---|" * len(sizes))
for method in Downsample.METHODS:
    row = [("bitwise" if downsample_diff[method, size] == 0 else f"{downsample_diff[method, size]:.1e}") if (method, size) in downsample_diff else "–" for size in sizes]
    print(f"| `{method}` | " + " | ".join(row) + " |")
