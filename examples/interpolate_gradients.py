"""Gradients and determinism.

What the backward pass of each ``F.interpolate`` mode computes: on float input every output
pixel is a weighted sum of input pixels, so the gradient sends each output's gradient back to
those input pixels with the same weights, except at the cases the page lists (a CPU bug, and
sizes where the backward kernel places its samples otherwise than the forward one). Shown
numerically, checked with ``torch.autograd.gradcheck`` in float64, and then: what
``torch.use_deterministic_algorithms(True)`` does to these backward passes on the CPU, and on
the GPU when the script runs on one (on any machine, the meta device shows which backward a
tensor that is not on the CPU records).
"""

# %% setup
import importlib
import re
import warnings

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F
from _settings import INTERPOLATE_SETTINGS  # shared with other pages (shown above)

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}")

MODES = INTERPOLATE_SETTINGS


def input_gradient(shape, grad_output, **kwargs):
    """The gradient that reaches the input when the output receives grad_output."""
    x = torch.zeros(shape, dtype=grad_output.dtype, device=device, requires_grad=True)
    F.interpolate(x, size=grad_output.shape[2:], **kwargs).backward(grad_output)
    return x.grad


# %% nearest_backward
# Nearest x2 copies each input pixel into a 2x2 block, so its backward adds up the
# gradient of that block.
grad_output = torch.arange(36.0, device=device).view(1, 1, 6, 6)
grad_input = input_gradient((1, 1, 3, 3), grad_output, mode="nearest")
print("gradient arriving at the 6x6 output:\n", grad_output[0, 0])
print("gradient reaching the 3x3 input:\n", grad_input[0, 0])
block_sums = F.avg_pool2d(grad_output, 2) * 4
print("equal to the sum of each 2x2 block:", torch.equal(grad_input, block_sums))

# %% bilinear_backward
# Bilinear x2: a gradient of 1 at output pixel (3, 3) reaches the four input pixels
# around the point it sampled, with the interpolation weights.
one_hot = torch.zeros(1, 1, 8, 8, device=device)
one_hot[0, 0, 3, 3] = 1.0
weights = input_gradient((1, 1, 4, 4), one_hot, mode="bilinear", align_corners=False)
print("gradient reaching the 4x4 input from output pixel (3, 3):\n", weights[0, 0])
print("sum of the weights:", weights.sum().item())

# %% footprints
# The same experiment for every mode: which input pixels one output pixel sends its
# gradient to, upscaling 8 -> 16 (output pixel 7, 7), downscaling 32 -> 8 (output pixel 3, 3),
# and downscaling by an odd factor, 24 -> 8, where every output pixel samples an input pixel's centre.
FOOTPRINTS = {"up": (8, 16, 7), "down": (32, 8, 3), "down3": (24, 8, 3)}  # label -> (input size, output size, output pixel)
footprints = {}
for mode, kwargs in MODES.items():
    for label, (n_in, n_out, at) in FOOTPRINTS.items():
        seed = torch.zeros(1, 1, n_out, n_out, dtype=torch.float64, device=device)
        seed[0, 0, at, at] = 1.0
        footprints[mode, label] = input_gradient((1, 1, n_in, n_in), seed, **kwargs)[0, 0].cpu().numpy()

figure, axes = plt.subplots(len(FOOTPRINTS), len(MODES), figsize=(15, 6.6))
for row, (label, title) in enumerate((("up", "upscaling 8 → 16"), ("down", "downscaling 32 → 8"), ("down3", "downscaling 24 → 8"))):
    for ax, mode in zip(axes[row], MODES):
        top = np.abs(footprints[mode, label]).max()  # each panel on its own scale: the shape is what matters
        ax.imshow(footprints[mode, label], cmap="RdBu_r", vmin=-top, vmax=top)
        ax.set_xticks([])
        ax.set_yticks([])
        if row == 0:
            ax.set_title(mode.replace(", ", ",\n"), fontsize=9)
    axes[row, 0].set_ylabel(title)
figure.suptitle("Where one output pixel's gradient goes (each panel on its own scale; red: positive, blue: negative)")
figure.tight_layout()
plt.show()

# %% coverage
# The gradient of output.sum(): how much weight each input pixel has in the whole output.
# Where backward is the transpose of forward, input pixels with zero gradient do not influence the output
# at all while the input is finite (a kernel may read a pixel at a weight of 0: an inf there still gives nan).
coverage = {}
print("| mode | scale | smallest gradient | largest gradient | input pixels with zero gradient |")
print("|---|---|---:|---:|---:|")
for mode, kwargs in MODES.items():
    for scale, n_out in (("x2", 64), ("x1.5", 48), ("x1.25", 40), ("x1/4", 8)):
        g = input_gradient((1, 1, 32, 32), torch.ones(1, 1, n_out, n_out, dtype=torch.float64, device=device), **kwargs)
        coverage[mode, scale] = (g.min().item(), g.max().item(), (g == 0).double().mean().item())
        print(f"| `{mode}` | {scale} | {g.min().item():.4g} | {g.max().item():.4g} | {(g == 0).double().mean().item():.1%} |")

# %% gradcheck
# gradcheck compares the analytical backward with finite differences in float64. The
# dot-product test checks that backward is the transpose of forward: <A x, g> = <x, A^T g>.
checks = {}
print("| mode | gradcheck, up 4 → 7 | gradcheck, down 7 → 3 | dot-product test, relative difference |")
print("|---|---|---|---:|")
for mode, kwargs in MODES.items():
    passed = []
    for n_in, n_out in ((4, 7), (7, 3)):
        x = torch.rand(1, 1, n_in, n_in, dtype=torch.float64, device=device, requires_grad=True)
        passed.append(torch.autograd.gradcheck(lambda t: F.interpolate(t, size=(n_out, n_out), **kwargs), (x,)))
    x = torch.rand(1, 2, 9, 9, dtype=torch.float64, device=device)
    g = torch.rand(1, 2, 6, 6, dtype=torch.float64, device=device)
    forward = (F.interpolate(x, size=(6, 6), **kwargs) * g).sum()
    backward = (x * input_gradient(x.shape, g, **kwargs)).sum()
    checks[mode] = (*passed, abs(forward - backward).item() / abs(forward).item())
    print(f"| `{mode}` | {passed[0]} | {passed[1]} | {checks[mode][2]:.1e} |")

# %% determinism
# Run each backward twice, with the default settings, with torch.use_deterministic_algorithms(True)
# and with (True, warn_only=True), and record what happens: an error, a warning, or nothing, and
# whether the two gradients are bitwise equal. At x2, whatever the size, each input pixel away from
# the border collects the gradients of 4 output pixels (nearest, linear, area), 16 (bilinear, with
# or without antialias) or 64 (bicubic, trilinear).
RANKED = {  # label -> (input rank, F.interpolate arguments)
    "nearest": (4, dict(mode="nearest")),
    "linear": (3, dict(mode="linear")),
    "bilinear": (4, dict(mode="bilinear")),
    "bilinear, antialias": (4, dict(mode="bilinear", antialias=True)),
    "bicubic": (4, dict(mode="bicubic")),
    "trilinear": (5, dict(mode="trilinear")),
    "area": (4, dict(mode="area")),
}


def backward_twice(rank, kwargs, where):
    shape = {3: (2, 8, 1024), 4: (2, 8, 32, 32), 5: (1, 8, 8, 16, 16)}[rank]
    x = torch.rand(shape, device=where, requires_grad=True)
    g = torch.rand(F.interpolate(x, scale_factor=2, **kwargs).shape, device=where)
    grads = []
    for _ in range(2):
        (x_grad,) = torch.autograd.grad(F.interpolate(x, scale_factor=2, **kwargs), x, g)
        grads.append(x_grad)
    return torch.equal(*grads)


def first_clause(message):
    """"X does not have a deterministic implementation", without the advice that follows."""
    return str(message).splitlines()[0].split(", but you set")[0]


def outcome(rank, kwargs, where):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            equal = backward_twice(rank, kwargs, where)
        except RuntimeError as error:
            return f"RuntimeError: {first_clause(error)}"
    said = "; ".join(dict.fromkeys(f"{w.category.__name__}: {first_clause(w.message)}" for w in caught))
    return ("bitwise equal" if equal else "differ") + (f" ({said})" if said else "")


SWITCH = ("default", "deterministic", "deterministic, warn_only")
places = list(dict.fromkeys(["cpu", device.type]))  # the CPU always, the GPU when there is one
determinism = {}
try:
    for setting in SWITCH:
        torch.use_deterministic_algorithms(setting != "default", warn_only=setting.endswith("warn_only"))
        for where in places:
            for label, (rank, kwargs) in RANKED.items():
                determinism[where, label, setting] = outcome(rank, kwargs, where)
finally:
    torch.use_deterministic_algorithms(False)  # leave the global switch as we found it

def shown(outcome):
    """A table cell: what torch raised or warned, quoted as code."""
    if outcome.startswith("RuntimeError"):
        return f"`{outcome}`"
    result, _, said = outcome.partition(" (")
    return result + (f" (`{said[:-1]}`)" if said else "")


print("| device | mode | two backward passes, default | with use_deterministic_algorithms(True) | with (True, warn_only=True) |")
print("|---|---|---|---|---|")
for where in places:
    for label in RANKED:
        print(f"| {where} | `{label}` | " + " | ".join(shown(determinism[where, label, s]) for s in SWITCH) + " |")

# %% dispatch
# Why bilinear and trilinear behave differently: with the switch on, eager F.interpolate sends
# any tensor that is not on the CPU through a decomposition, unless antialias is on. The
# meta device (shapes only, no data) shows which backward each path records, on any machine.
places = sorted({"cpu", "meta", device.type})
dispatch = {}
try:
    for setting in (False, True):
        torch.use_deterministic_algorithms(setting)
        for label, (rank, kwargs) in RANKED.items():
            for where in places:
                x = torch.zeros((1, 1) + (4,) * (rank - 2), device=where, requires_grad=True)
                dispatch[label, where, setting] = type(F.interpolate(x, scale_factor=2, **kwargs).grad_fn).__name__
finally:
    torch.use_deterministic_algorithms(False)
print("| mode | " + " | ".join(f"{p}, default | {p}, deterministic" for p in places) + " |")
print("|---|" + "---|---|" * len(places))
for label in RANKED:
    print(f"| `{label}` | " + " | ".join(f"`{dispatch[label, p, False]}` | `{dispatch[label, p, True]}`" for p in places) + " |")
print()


# TorchScript skips that branch (it sits under `if not torch.jit.is_scripting()`), so a
# scripted bilinear keeps its kernel even with the switch on.
def bilinear_x2(x: torch.Tensor) -> torch.Tensor:
    return F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=False)


with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # torch.jit is deprecated but still deployed
    warnings.simplefilter("ignore", FutureWarning)
    scripted_bilinear_x2 = torch.jit.script(bilinear_x2)
# area to a single pixel still calls adaptive_avg_pool2d, which computes that output as a mean.
torch.use_deterministic_algorithms(True)
try:
    x = torch.zeros(1, 1, 4, 4, device="meta", requires_grad=True)
    script_dispatch = {name: type(f(x).grad_fn).__name__ for name, f in (("eager", bilinear_x2), ("torch.jit.script", scripted_bilinear_x2))}
    area_dispatch = {size: type(F.interpolate(x, size=size, mode="area").grad_fn).__name__ for size in (1, 2)}
finally:
    torch.use_deterministic_algorithms(False)
print("bilinear on meta, deterministic: " + ", ".join(f"{name} `{fn}`" for name, fn in script_dispatch.items()) + "\n")
print("area on meta, deterministic: " + ", ".join(f"4x4→{size}x{size} `{fn}`" for size, fn in area_dispatch.items()) + "\n")
# What torch's own documentation of the switch says, read from the docstring.
raising = torch.use_deterministic_algorithms.__doc__.split("operations will throw a")[1].split("operations will act")[0]
documented = re.findall(r"- ``([\w-]+)``", raising.split("functional.interpolate")[1].split("* :")[0])
pooling = re.findall(r"torch\.nn\.(AdaptiveAvgPool\dd)` when attempting to differentiate a CUDA tensor", raising)
print("Docstring: F.interpolate backward on CUDA raises RuntimeError for modes", documented)
print("Docstring: so do the CUDA backward passes of", pooling, "(mode='area' is adaptive_avg_pool)")

# %% decomposition_forward
# The decomposition replaces the forward pass too, not only the backward: the same
# bilinear and trilinear resizes, computed by the kernel and by the decomposition
# (called directly here, on the build device), differ in their float32 rounding.
decomposition = importlib.import_module("torch._decomp.decompositions")
forward_gap = {}
for shape, scale in (((2, 8, 32, 32), 2.0), ((2, 8, 37, 53), 1.7), ((2, 8, 32, 32), 0.5), ((1, 4, 8, 16, 16), 2.0)):
    x = torch.rand(shape, device=device)
    kernel = F.interpolate(x, scale_factor=scale, mode="bilinear" if len(shape) == 4 else "trilinear")
    decomposed = decomposition._upsample_linear_vec(x, None, False, [scale] * (len(shape) - 2))
    forward_gap[shape, scale] = (kernel - decomposed).abs().max().item()
    print(f"{'x'.join(map(str, shape))} x{scale}: largest difference {forward_gap[shape, scale]:.1e} (float32 eps {torch.finfo(torch.float32).eps:.1e})")
