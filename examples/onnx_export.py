"""ONNX export.

``torch.onnx.export`` of ``nn.Upsample`` for every mode and ``align_corners``, plus
``F.interpolate`` with ``antialias=True``, with both of torch's exporters: the default
one (``dynamo=True``, built on ``torch.export``) and the legacy TorchScript one
(``dynamo=False``). Each exported model runs in onnxruntime and is compared with eager
torch; the tables list the ONNX operators and the Resize attributes that came out.
Models are written to a temporary folder and deleted at the end.
"""

# %% setup
import contextlib
import io
import logging
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
import onnxscript
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(f"torch {torch.__version__} on {device}; onnx {onnx.__version__}, onnxruntime {onnxruntime.__version__}, onnxscript {onnxscript.__version__}")
logging.getLogger("torch.onnx").setLevel(logging.ERROR)  # "torchvision is not installed" notices


@contextlib.contextmanager
def quiet():
    """Silence the exporters, including what C++ code prints straight to the process's streams."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the legacy exporter's deprecation notice, training-mode notes
        os.dup2(devnull.fileno(), 1)
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)

# %% cases
# One layer per combination. The input sizes are odd on purpose (7 columns), so that a
# scale factor of 0.5 does not divide them exactly.
class Interpolate(nn.Module):
    """F.interpolate as a layer, for the arguments nn.Upsample does not take (antialias)."""

    def __init__(self, **kwargs):
        super().__init__()
        self.kwargs = kwargs

    def forward(self, x):
        return F.interpolate(x, **self.kwargs)


cases = {}  # label -> (layer, name of its input)
for mode, rank in (("nearest", 4), ("nearest-exact", 4), ("linear", 3), ("bilinear", 4), ("bicubic", 4), ("trilinear", 5), ("area", 4)):
    for align in (None,) if mode in ("nearest", "nearest-exact", "area") else (False, True):
        suffix = "" if align is None else f", align_corners={align}"
        cases[f"nn.Upsample(scale_factor=2, mode='{mode}'{suffix})"] = (nn.Upsample(scale_factor=2, mode=mode, align_corners=align), f"x{rank}")
for mode in ("bilinear", "bicubic"):
    cases[f"F.interpolate(scale_factor=0.5, mode='{mode}', antialias=True) on 6x7"] = (Interpolate(scale_factor=0.5, mode=mode, antialias=True), "x4")
    cases[f"F.interpolate(size=(3, 3), mode='{mode}', antialias=True) on 6x7"] = (Interpolate(size=(3, 3), mode=mode, antialias=True), "x4")
cases["F.interpolate(scale_factor=0.5, mode='bilinear', antialias=True) on 6x8"] = (Interpolate(scale_factor=0.5, mode="bilinear", antialias=True), "x4_even")
# The same odd-width reduction with the scale recomputed from the size; antialias with
# align_corners=True; and nearest at a large whole factor.
cases["F.interpolate(scale_factor=0.5, mode='bilinear', antialias=True, recompute_scale_factor=True) on 6x7"] = (
    Interpolate(scale_factor=0.5, mode="bilinear", antialias=True, recompute_scale_factor=True), "x4")
cases["F.interpolate(size=(3, 3), mode='bilinear', antialias=True, align_corners=True) on 6x7"] = (
    Interpolate(size=(3, 3), mode="bilinear", antialias=True, align_corners=True), "x4")
cases["nn.Upsample(scale_factor=41, mode='nearest') on 2x2"] = (nn.Upsample(scale_factor=41, mode="nearest"), "x4_tiny")

inputs = {"x3": torch.rand(1, 2, 7), "x4": torch.rand(1, 2, 6, 7), "x5": torch.rand(1, 2, 4, 5, 7), "x4_even": torch.rand(1, 2, 6, 8),
          "x4_tiny": torch.arange(4.0).view(1, 1, 2, 2)}
for name, x in inputs.items():
    print(f"{name:7s} {tuple(x.shape)}")
print(len(cases), "layers")

# %% export
# A whole set of layers is exported as one model with one output per layer, so each
# exporter runs once and onnxruntime loads one session. If that export fails, each layer
# is exported on its own to find the ones that fail, and their error goes in the table.
class Bundle(nn.Module):
    def __init__(self, layers, sources):
        super().__init__()
        self.layers, self.sources = nn.ModuleList(layers), sources

    def forward(self, *xs):
        named = dict(zip(inputs, xs))
        return tuple(layer(named[source]) for layer, source in zip(self.layers, self.sources))


def export(labels, folder, dynamo):
    """Export the layers named by labels as one model; return its path and the output names."""
    model = Bundle([cases[label][0] for label in labels], [cases[label][1] for label in labels]).eval()
    path = Path(folder) / f"model-{'dynamo' if dynamo else 'legacy'}-{len(list(Path(folder).iterdir()))}.onnx"
    names = [f"y{i}" for i in range(len(labels))]
    with quiet():
        torch.onnx.export(model, tuple(inputs.values()), path, dynamo=dynamo, input_names=list(inputs), output_names=names)
    return path, names


def lineage(graph, name):
    """The nodes that compute one graph output."""
    producers = {output: node for node in graph.node for output in node.output}
    seen, stack, nodes = set(), [name], []
    while stack:
        node = producers.get(stack.pop())
        if node is not None and id(node) not in seen:
            seen.add(id(node))
            nodes.append(node)
            stack.extend(node.input)
    return nodes


def constant(graph, name):
    """The value of a graph input that is an initializer or a Constant node's output, else None."""
    for tensor in graph.initializer:
        if tensor.name == name:
            return onnx.numpy_helper.to_array(tensor)
    for node in graph.node:
        if node.op_type == "Constant" and node.output[0] == name:
            return onnx.numpy_helper.to_array(node.attribute[0].t)
    return None


def resize_target(graph, node):
    """Which of Resize's optional inputs carries the output shape: "scales [...]" or "sizes [...]"."""
    for position, kind in ((3, "sizes"), (2, "scales")):
        if len(node.input) > position and node.input[position]:
            value = constant(graph, node.input[position])
            return f"{kind} {np.round(value, 4).tolist() if value is not None else '(computed)'}"
    return "—"


def run(labels, path, names):
    """Run an exported model in onnxruntime; describe each output's nodes and its difference to eager torch."""
    graph = onnx.load(path).graph
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # errors only
    session = onnxruntime.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    feed = {i.name: inputs[i.name].numpy() for i in session.get_inputs()}  # unused inputs may be dropped
    outputs = session.run(names, feed)
    rows = {}
    for label, name, result in zip(labels, names, outputs):
        layer, source = cases[label]
        with torch.no_grad():
            eager = layer(inputs[source].to(device)).cpu().numpy()
        nodes = lineage(graph, name)
        resize = [n for n in nodes if n.op_type == "Resize"]
        attributes = {a.name: onnx.helper.get_attribute_value(a) for a in resize[0].attribute} if resize else {}
        attributes = {k: v.decode() if isinstance(v, bytes) else v for k, v in attributes.items()}
        ops = sorted({n.op_type for n in nodes} - {"Constant"})
        same_shape = result.shape == eager.shape
        difference = float(np.abs(result - eager).max()) if same_shape else f"shape {result.shape} vs {eager.shape}"
        differ = int((np.abs(result - eager) > MATCH).sum()) if same_shape else None
        rows[label] = {"ops": ops, "attributes": attributes, "target": resize_target(graph, resize[0]) if resize else "—",
                       "difference": difference, "differ": differ, "size": eager.size, "result": result, "eager": eager,
                       "opset": next(o.version for o in onnx.load(path).opset_import if o.domain in ("", "ai.onnx")), "error": None}
    return rows


MATCH = 1e-5  # float32 rounding of values in [0, 1] stays far below this
results, seconds = {}, {}
with tempfile.TemporaryDirectory() as folder:
    for exporter, dynamo in (("dynamo=True (default)", True), ("dynamo=False (legacy)", False)):
        started = time.perf_counter()
        labels = list(cases)
        try:
            results[exporter] = run(labels, *export(labels, folder, dynamo))
        except Exception:  # noqa: BLE001 - find the layers that fail, one by one
            results[exporter] = {}
            for label in labels:
                try:
                    results[exporter].update(run([label], *export([label], folder, dynamo)))
                except Exception as error:  # noqa: BLE001 - the table shows any failure
                    message = (str(error).strip().splitlines() or [""])[0]
                    message = message if len(message) <= 120 else message[:120] + "…"
                    results[exporter][label] = {"error": f"{type(error).__name__}: {message}".replace("|", "\\|")}
        seconds[exporter] = time.perf_counter() - started
for exporter, took in seconds.items():
    failed = sum(1 for row in results[exporter].values() if row["error"])
    print(f"{exporter:22s}: {took:5.1f} s for {len(cases)} layers, {failed} failed")

# %% tables
# One table per exporter. Attributes are those of the Resize node that computes the
# output ("not set": the exporter left ONNX's default); "no Resize" means the exporter
# wrote the computation out in other operators. "shape from" is the Resize input that
# fixes the output shape: ONNX takes either scales or sizes.
ATTRIBUTES = ("mode", "coordinate_transformation_mode", "nearest_mode", "cubic_coeff_a", "antialias", "exclude_outside")
for exporter, rows in results.items():
    opsets = sorted({row["opset"] for row in rows.values() if not row["error"]})
    print(f"**{exporter}**, opset {', '.join(map(str, opsets))}\n")
    print("| layer | ONNX operators | " + " | ".join(ATTRIBUTES) + f" | shape from | max abs difference to eager | elements off by > {MATCH:g} |")
    print("|---|---|" + "---|" * len(ATTRIBUTES) + "---|---:|---:|")
    for label, row in rows.items():
        if row["error"]:
            print(f"| `{label}` | export failed: `{row['error']}` |" + " |" * (len(ATTRIBUTES) + 2) + " |")
            continue
        attributes = row["attributes"]
        if attributes:
            values = [f"`{attributes[a]}`" if a in attributes else "not set" for a in ATTRIBUTES]
        else:
            values = ["no Resize"] + ["—"] * (len(ATTRIBUTES) - 1)
        difference = row["difference"]
        shown = f"{difference:.1e}" if isinstance(difference, float) else difference
        differ = "—" if row["differ"] is None else f"{row['differ']} of {row['size']}"
        print(f"| `{label}` | {', '.join(row['ops'])} | " + " | ".join(values) + f" | {row['target']} | {shown} | {differ} |")
    print()

# %% opset
# Which ONNX opsets give Resize an antialias attribute, read from the onnx package's
# operator schemas.
resize_antialias = {}
for version in (11, 13, 18, 19):
    schema = onnx.defs.get_schema("Resize", version)
    resize_antialias[version] = "antialias" in schema.attributes
    print(f"Resize as of opset {version} (schema version {schema.since_version}): antialias attribute {'yes' if resize_antialias[version] else 'no'}")

# %% nearest_41
# nearest at x41 on a 2x2 input whose values are its indices: which input pixel each
# output column copies, in onnxruntime and in eager torch, against plain repetition.
row = results["dynamo=True (default)"]["nn.Upsample(scale_factor=41, mode='nearest') on 2x2"]
repeated = np.repeat(np.repeat(inputs["x4_tiny"].numpy(), 41, axis=2), 41, axis=3)
for name, picture in (("onnxruntime", row["result"]), ("eager torch", row["eager"])):
    counts = [int((picture[0, 0, 0] == value).sum()) for value in (0.0, 1.0)]
    print(f"{name:11s}: columns copied from input 0 and 1 of the first row: {counts}; "
          f"equal to 41x repetition: {np.array_equal(picture, repeated)} ({int((picture != repeated).sum())} of {repeated.size} pixels differ)")
