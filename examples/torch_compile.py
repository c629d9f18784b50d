"""F.interpolate under torch.compile.

``torch.compile`` (default backend: Inductor) does not run most of F.interpolate's eager
kernels: torch's decompositions rewrite most calls into indexing and arithmetic before
Inductor sees them, Inductor lowers the adaptive average pool itself (to generated code, or to
the eager kernel when the windows are large and the sides do not divide), and it falls back to
the eager kernel for the rest. The script compiles every interpolate setting of the site's
tables but lanczos in float32 and bfloat16 on the build device (a setting in a dtype that
eager mode rejects, as the CPU does the antialiased ones in bfloat16 at every output size but
the input's own, is left out) and
compares the compiled output with eager bit for bit,
lists which settings reach Inductor as their own op and which its code calls by name,
times the first call (the compilation) against later calls, runs two open issues'
reproducers, and compiles the site's Downsample module. A cold Inductor compilation costs
seconds per graph and more with every op in it, so the graphs are few and small.
"""

# %% setup
import os
import re
import statistics
import tempfile
import time

import torch
import torch.nn.functional as F
from _downsample import Downsample
from _settings import INTERPOLATE_SETTINGS
from torch._dynamo.backends.common import aot_autograd
from torch._inductor.decomposition import select_decomp_table
from torch._inductor.utils import run_and_get_code
from torch.fx.experimental.proxy_tensor import make_fx

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")
# A fresh, empty cache: every compilation below is a cold one, as on a first run. The folder
# is deleted when Python exits (a plain mkdtemp would leave one behind on every run).
inductor_cache = tempfile.TemporaryDirectory(prefix="inductor-")
os.environ["TORCHINDUCTOR_CACHE_DIR"] = inductor_cache.name
# No pool of compile workers: on a small machine starting it costs more than it saves.
torch._inductor.config.compile_threads = 1

# %% compare
# One compiled function computes every setting in float32 and bfloat16, from one input,
# to a size that enlarges the height (37 -> 61) and shrinks the width (53 -> 23), neither
# by a whole factor; and 'area' to three more sizes: 17x23 (windows of at most 4x4 input
# pixels), 5x5 (windows of up to 9x12) and 37x1 (windows of 1x53, sides that divide).
DTYPES = [torch.float32, torch.bfloat16]
SIZE, AREA_SIZES = (61, 23), [(17, 23), (5, 5), (37, 1)]
x = torch.randn(2, 3, 37, 53, device=device)
inputs = {dtype: x.to(dtype) for dtype in DTYPES}
cases = []  # (setting, dtype, size)
for dtype in DTYPES:
    for name, kwargs in INTERPOLATE_SETTINGS.items():
        try:
            F.interpolate(inputs[dtype], size=SIZE, **kwargs)
            cases.append((name, dtype, SIZE))
        except (RuntimeError, NotImplementedError):  # e.g. no bfloat16 antialias on the CPU
            pass
cases += [("area", dtype, size) for size in AREA_SIZES for dtype in DTYPES]


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
for h, w in AREA_SIZES:
    print(f"| area, {h}x{w} | " + " | ".join(cell("area", d, (h, w)) for d in DTYPES) + " |")

# %% repeatable
print("A second call of the compiled function gives the same bits:", all(r["repeatable"] for r in results.values()))

# %% fallbacks
# The aten op each setting dispatches to (traced with make_fx); whether it is still in the
# graph Inductor lowers (traced by AOTAutograd with Inductor's decomposition table, as
# torch.compile does, but without compiling); and whether Inductor's code calls that op,
# with this output size, by name: then the eager kernel computes it.
def one_setting(name):
    return lambda t: F.interpolate(t, size=SIZE, **INTERPOLATE_SETTINGS[name])


aten_op = {name: [str(n.target) for n in make_fx(one_setting(name))(x).graph.nodes if n.op == "call_function"][-1] for name in INTERPOLATE_SETTINGS}
received = set()  # the ops of the graph handed to Inductor


def record_graph(graph_module, example_inputs):
    received.update(str(n.target) for n in graph_module.graph.nodes if n.op == "call_function")
    return graph_module.forward


def every_setting(t):
    return [one_setting(name)(t) for name in INTERPOLATE_SETTINGS]


torch.compile(every_setting, backend=aot_autograd(fw_compiler=record_graph, decompositions=select_decomp_table()), dynamic=False)(x)
decomposed = {name: op not in received for name, op in aten_op.items()}
rows = [(name, SIZE) for name in INTERPOLATE_SETTINGS] + [("area", size) for size in AREA_SIZES]
falls_back = {(name, size): re.search(rf"torch\.ops\.{re.escape(aten_op[name])}\(.*\[{size[0]}, {size[1]}\]", code) is not None for name, size in rows}
print("| setting | aten op | Inductor receives | Inductor's code |")
print("|---|---|---|---|")
for name, size in rows:
    label = name if size == SIZE else f"{name}, {size[0]}x{size[1]}"
    receives = "indexing and arithmetic" if decomposed[name] else "the op"
    print(f"| {label} | `{aten_op[name]}` | {receives} | {'the eager kernel' if falls_back[name, size] else 'generated code'} |")

# %% timing
# The first call traced, compiled and ran the function; later calls only run it. Each
# later time is from 25 calls of the whole function (every case once): the median and
# the quartiles, the range of the middle half of the calls. Compiled and eager calls
# alternate, so a change in the machine's load falls on both alike.
def timings(fns, repeats=25):
    times = {name: [] for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            if device.type == "cuda":
                torch.cuda.synchronize()
            start = time.perf_counter()
            fn(inputs)
            if device.type == "cuda":
                torch.cuda.synchronize()
            times[name].append((time.perf_counter() - start) * 1e3)
    quartiles = {name: statistics.quantiles(t, n=4) for name, t in times.items()}
    return {name: (median, lower, upper) for name, (lower, median, upper) in quartiles.items()}


later = timings({"compiled": compiled_every_case, "eager": every_case})
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
# Two open issues' reproducers, on the CPU (where the reports are): nearest with a scale
# factor that leaves one size unchanged (2 * 1.3 -> 2, 3 * 1.3 -> 3). The CPU kernel can
# read such a dimension one to one while the compiled code applies the scale; but on an input
# that is not channels_last with more than 3 channels it does so only for small 4-D outputs, so the
# reproducer of #198201 also runs on the narrowest input whose eager result reads rows by the scale
# (found by widening it in eager mode).
reports = {
    "#175154": (torch.tensor([[[[1.0, 2.0]]]], dtype=torch.float64), dict(scale_factor=1.3, mode="nearest")),
    "#198201": (torch.arange(12.0).reshape(1, 1, 3, 4), dict(scale_factor=(1.3, 1.5), mode="nearest")),
}
rows_kwargs = reports["#198201"][1]


def rows_input(width):  # 3 rows of `width` values each, numbered
    return torch.arange(3.0 * width).reshape(1, 1, 3, width)


def rows_read(y, width):  # the input row each output row comes from
    return (y[0, 0, :, 0] // width).int().tolist()


wide = next(w for w in range(4, 1000) if rows_read(F.interpolate(rows_input(w), **rows_kwargs), w) != [0, 1, 2])
calls = [*reports.values(), (rows_input(wide), rows_kwargs)]


def reproducers(tensors):
    return [F.interpolate(t, **kwargs) for t, (_, kwargs) in zip(tensors, calls)]


compiled_calls = torch.compile(reproducers, dynamic=False)([t for t, _ in calls])
eager_calls = [F.interpolate(t, **kwargs) for t, kwargs in calls]
reproduced = {issue: not torch.equal(e, c) for issue, e, c in zip(reports, eager_calls, compiled_calls)}
print("| issue | input | call | eager | compiled |")
print("|---|---|---|---|---|")
for (issue, (t, kwargs)), eager, compiled in zip(reports.items(), eager_calls, compiled_calls):
    call = ", ".join(f"{key}={value!r}" for key, value in kwargs.items())
    print(f"| {issue} | {tuple(t.shape)}: {t.flatten().tolist()} | `{call}` | {eager.flatten().tolist()} | {compiled.flatten().tolist()} |")
rows_by_width = {width: (rows_read(eager_calls[i], width), rows_read(compiled_calls[i], width)) for i, width in [(1, 4), (2, wide)]}
print("\n| input | rows read, eager | rows read, compiled |")
print("|---|---|---|")
for width, (eager_rows, compiled_rows) in rows_by_width.items():
    print(f"| (1, 1, 3, {width}) | {eager_rows} | {compiled_rows} |")

# %% downsample
# Every method of the site's Downsample module, compiled by Inductor with fullgraph=True
# (a graph break would be an error), against eager: one function, one compilation, on the
# CPU in float64, on an odd 5x7 input ('pixel-unshuffle' gets its even 4x6 part).
modules = {method: Downsample(2, method=method, channels=3) for method in Downsample.METHODS}
downsample_input = torch.randn(2, 3, 5, 7, dtype=torch.float64)


def every_method(t):
    return [down(t[..., :4, :6] if method == "pixel-unshuffle" else t) for method, down in modules.items()]


compiled_methods = torch.compile(every_method, dynamic=False, fullgraph=True)(downsample_input)
downsample_diff = {method: (y_compiled - y_eager).abs().max().item() for method, y_compiled, y_eager in zip(modules, compiled_methods, every_method(downsample_input))}
print("| method | 5x7, float64, CPU |")
print("|---|---|")
for method, diff in downsample_diff.items():
    print(f"| `{method}` | {'bitwise' if diff == 0 else f'{diff:.1e}'} |")
