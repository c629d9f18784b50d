"""ONNX export and deployment.

``torch.onnx.export`` of ``nn.Upsample`` for every mode but ``lanczos`` (which runs only
with ``antialias=True``, and which neither exporter translates) and every ``align_corners``,
plus ``F.interpolate`` with ``antialias=True``, with both of torch's exporters: the default
one (``dynamo=True``, built on ``torch.export``) and the legacy TorchScript one
(``dynamo=False``). Each exported model runs in onnxruntime and is compared with eager
torch; the tables list the ONNX operators and the Resize attributes that came out.
Then: a dynamic height and width, run at other sizes; what older opsets allow;
``exclude_outside`` in cubic Resize; interpolate on quantized tensors; and the element
limits of torch's channels-last CUDA nearest kernels. Models are written to a temporary
folder and deleted at the end.
"""

# %% setup
import contextlib
import io
import logging
import mmap
import os
import re
import shutil
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
# One layer per combination. The 3-D, 4-D and 5-D inputs have 7 columns on purpose, so that a
# scale factor of 0.5 does not divide them exactly (their heights and depths, 6, 4 and 5, are
# not all odd); the antialias case that needs it to divide them runs on a 6x8 input.
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
# A factor that float32 does not hold exactly, on a width where that changes the output size.
cases["nn.Upsample(scale_factor=1.4, mode='bilinear') on 3x45"] = (nn.Upsample(scale_factor=1.4, mode="bilinear"), "x4_45")


class DoubleFromShape(nn.Module):
    """F.interpolate with a size computed from the input's own shape (pytorch#84374)."""

    def forward(self, x):
        return F.interpolate(x, size=(2 * x.shape[-2], 2 * x.shape[-1]), mode="bilinear")


cases["F.interpolate(size=(2 * x.shape[-2], 2 * x.shape[-1]), mode='bilinear')"] = (DoubleFromShape(), "x4")

inputs = {"x3": torch.rand(1, 2, 7), "x4": torch.rand(1, 2, 6, 7), "x5": torch.rand(1, 2, 4, 5, 7), "x4_even": torch.rand(1, 2, 6, 8),
          "x4_tiny": torch.arange(4.0).view(1, 1, 2, 2), "x4_45": torch.rand(1, 2, 3, 45)}
for name, x in inputs.items():
    print(f"{name:7s} {tuple(x.shape)}")
print(len(cases), "layers")

# %% export
# A whole set of layers is exported as one model with one output per layer, so each
# exporter runs once and onnxruntime loads one session. If that export fails, each layer
# is exported on its own to find the ones that fail, and their error goes in the table.
class Bundle(nn.Module):
    def __init__(self, layers, sources, names=tuple(inputs)):
        super().__init__()
        self.layers, self.sources, self.names = nn.ModuleList(layers), sources, names

    def forward(self, *xs):
        named = dict(zip(self.names, xs))
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
            if value is None:
                return f"`{kind}` (computed)"
            return f"`{kind}` {np.round(value.astype(np.float64), 4).tolist() if kind == 'scales' else value.astype(int).tolist()}"
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
        ops = [f"`{op}`" for op in sorted({n.op_type for n in nodes} - {"Constant"})]
        same_shape = result.shape == eager.shape
        difference = float(np.abs(result - eager).max()) if same_shape else f"shape {result.shape} vs {eager.shape}"
        differ = int((np.abs(result - eager) > MATCH).sum()) if same_shape else None
        rows[label] = {"ops": ops, "attributes": attributes, "target": resize_target(graph, resize[0]) if resize else "—",
                       "difference": difference, "differ": differ, "size": eager.size, "result": result, "eager": eager,
                       "opset": next(o.version for o in onnx.load(path).opset_import if o.domain in ("", "ai.onnx")), "error": None}
    return rows


def first_line(error, length=120):
    """An exception as one table-safe line."""
    message = (str(error).strip().splitlines() or [""])[0]
    message = message if len(message) <= length else message[:length] + "…"
    return f"{type(error).__name__}: {message}".replace("|", "\\|")


def export_and_run(labels, attempt):
    """attempt(labels) -> rows, on all layers at once; if that fails, layer by layer."""
    try:
        return attempt(labels)
    except Exception:  # noqa: BLE001 - find the layers that fail, one by one
        rows = {}
        for label in labels:
            try:
                rows.update(attempt([label]))
            except Exception as error:  # noqa: BLE001 - the table shows any failure
                rows[label] = {"error": first_line(error)}
        return rows


MATCH = 1e-5  # the tolerance of the tables below
EXPORTERS = {"dynamo=True (default)": True, "dynamo=False (legacy)": False}
results, seconds = {}, {}
folder = tempfile.mkdtemp()
for dynamo in EXPORTERS.values():  # a first export imports and sets up the exporter: keep it out of the times
    export(list(cases)[:1], folder, dynamo)
# CPU time of this process, all its threads: unlike the time on the clock, it does not grow
# when other programs share the cores, so the ratio of the two exporters holds on a busy machine.
for exporter, dynamo in EXPORTERS.items():
    started = time.process_time()
    results[exporter] = export_and_run(list(cases), lambda labels: run(labels, *export(labels, folder, dynamo)))  # noqa: B023
    seconds[exporter] = time.process_time() - started
for exporter, took in seconds.items():
    failed = sum(1 for row in results[exporter].values() if row["error"])
    print(f"{exporter:22s}: {took:5.1f} s of CPU time for {len(cases)} layers, {failed} failed")

# %% tables
# One table per exporter. Attributes are those of the Resize node that computes the
# output ("not set": the exporter left ONNX's default); "no Resize" means the exporter
# wrote the computation out in other operators. "shape from" is the Resize input that
# fixes the output shape: ONNX takes either scales or sizes.
ATTRIBUTES = ("mode", "coordinate_transformation_mode", "nearest_mode", "cubic_coeff_a", "antialias", "exclude_outside")
for exporter, rows in results.items():
    opsets = sorted({row["opset"] for row in rows.values() if not row["error"]})
    print(f"**{exporter}**, opset {', '.join(map(str, opsets))}\n")
    print("| layer | ONNX operators | " + " | ".join(f"`{a}`" for a in ATTRIBUTES) + f" | shape from | max abs difference to eager | elements off by > {MATCH:g} |")
    print("|---|---|" + "---|" * len(ATTRIBUTES) + "---|---:|---:|")
    for label, row in rows.items():
        if row["error"]:
            print(f"| `{label}` | export failed: `{row['error']}` |" + " |" * (len(ATTRIBUTES) + 2) + " |")
            continue
        attributes = row["attributes"]
        if attributes:
            values = [f"`{attributes[a]}`" if a in attributes else "not set" for a in ATTRIBUTES]
        else:
            values = ["no `Resize`"] + ["—"] * (len(ATTRIBUTES) - 1)
        difference = row["difference"]
        shown = f"{difference:.1e}" if isinstance(difference, float) else difference
        differ = "—" if row["differ"] is None else f"{row['differ']} / {row['size']}"
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

# %% dynamic
# The same kinds of layer exported once with a dynamic height and width (dynamic_shapes for
# the default exporter, dynamic_axes for the legacy one), then run in onnxruntime on inputs
# of other sizes, including a tiny one, and compared with eager torch on the CPU at each size.
class DoubleFromShapeAntialiased(nn.Module):
    """Half the input's size, antialiased, passed as `size` computed from x.shape."""

    def forward(self, x):
        return F.interpolate(x, size=(x.shape[-2] // 2, x.shape[-1] // 2), mode="bilinear", antialias=True)


class Times14InIntegers(nn.Module):
    """x1.4 with the output size computed in integers from x.shape."""

    def forward(self, x):
        return F.interpolate(x, size=(x.shape[-2] * 7 // 5, x.shape[-1] * 7 // 5), mode="bilinear")


dynamic_cases = {
    "scale_factor=2, nearest": Interpolate(scale_factor=2, mode="nearest"),
    "scale_factor=2, bilinear": Interpolate(scale_factor=2, mode="bilinear"),
    "scale_factor=0.5, bilinear": Interpolate(scale_factor=0.5, mode="bilinear"),
    "scale_factor=1.7, bicubic": Interpolate(scale_factor=1.7, mode="bicubic"),
    "scale_factor=1.4, bilinear": Interpolate(scale_factor=1.4, mode="bilinear"),
    "size=(x.shape[-2] * 7 // 5, x.shape[-1] * 7 // 5), bilinear": Times14InIntegers(),
    "scale_factor=0.5, bilinear, recompute_scale_factor=True": Interpolate(scale_factor=0.5, mode="bilinear", recompute_scale_factor=True),
    "size=(8, 8), bilinear": Interpolate(size=(8, 8), mode="bilinear"),
    "size=(2 * x.shape[-2], 2 * x.shape[-1]), bilinear": DoubleFromShape(),
    "scale_factor=0.5, bilinear, antialias=True": Interpolate(scale_factor=0.5, mode="bilinear", antialias=True),
    "size=(x.shape[-2] // 2, x.shape[-1] // 2), bilinear, antialias=True": DoubleFromShapeAntialiased(),
}
EXPORT_SIZE, RUN_SIZES = (6, 7), ((6, 7), (9, 12), (2, 3), (31, 17))
WIDTHS = range(2, 201)  # every input width swept for the output size alone
dynamic_inputs = {size: torch.rand(1, 2, *size) for size in RUN_SIZES}


def export_dynamic(labels, dynamo):
    """Export the layers with a dynamic height and width; run them on every size in RUN_SIZES."""
    layers = [dynamic_cases[label] for label in labels]
    model = Bundle(layers, ["x"] * len(layers), ("x",)).eval()
    path = Path(folder) / f"dynamic-{'dynamo' if dynamo else 'legacy'}-{len(list(Path(folder).iterdir()))}.onnx"
    names = [f"y{i}" for i in range(len(labels))]
    if dynamo:
        # Bundle.forward takes *xs, so the one input's spec sits in a tuple of its own.
        shapes = {"dynamic_shapes": (({2: torch.export.Dim("height"), 3: torch.export.Dim("width")},),)}
    else:
        shapes = {"dynamic_axes": {"x": {2: "height", 3: "width"}}}
    with quiet():
        torch.onnx.export(model, (dynamic_inputs[EXPORT_SIZE],), path, dynamo=dynamo, input_names=["x"], output_names=names, **shapes)
    graph = onnx.load(path).graph
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    rows = {label: {"error": None, "target": "—", "differences": {}, "widths_off": []} for label in labels}
    for label, name in zip(labels, names):
        resize = [n for n in lineage(graph, name) if n.op_type == "Resize"]
        rows[label]["target"] = resize_target(graph, resize[0]) if resize else "no `Resize`"
    for size, x in dynamic_inputs.items():
        try:
            outputs = session.run(names, {"x": x.numpy()})
        except Exception as error:  # noqa: BLE001 - the table shows any failure
            outputs = [first_line(error, 60)] * len(labels)
        for label, result in zip(labels, outputs):
            with torch.no_grad():
                eager = dynamic_cases[label](x).numpy()  # on the CPU: its kernels are the ones described
            if isinstance(result, str):
                rows[label]["differences"][size] = result
            elif result.shape != eager.shape:
                rows[label]["differences"][size] = f"shape {result.shape[2:]} vs {eager.shape[2:]}"
            else:
                rows[label]["differences"][size] = float(np.abs(result - eager).max())
    # The output size alone, at every input width (height 2), on the CPU: where the graph and
    # torch disagree on how many columns come out.
    for width in WIDTHS:
        x = torch.zeros(1, 2, 2, width)
        for label, result in zip(labels, session.run(names, {"x": x.numpy()})):
            with torch.no_grad():
                if result.shape != tuple(dynamic_cases[label](x).shape):
                    rows[label]["widths_off"].append(width)
    return rows


dynamic_results = {}
for exporter, dynamo in EXPORTERS.items():
    dynamic_results[exporter] = export_and_run(list(dynamic_cases), lambda labels: export_dynamic(labels, dynamo))  # noqa: B023
    print(f"**{exporter}**, exported on {EXPORT_SIZE[0]}x{EXPORT_SIZE[1]}\n")
    print("| layer | shape from | " + " | ".join(f"max abs difference on {h}x{w}" for h, w in RUN_SIZES)
          + f" | input widths {WIDTHS[0]} to {WIDTHS[-1]} with another output width |")
    print("|---|---|" + "---:|" * (len(RUN_SIZES) + 1))
    for label, row in dynamic_results[exporter].items():
        if row["error"]:
            print(f"| `{label}` | export failed: `{row['error']}` |" + " |" * (len(RUN_SIZES) + 1))
            continue
        cells = [f"{d:.1e}" if isinstance(d, float) else d for d in row["differences"].values()]
        off = row["widths_off"]
        cells.append(f"{len(off)}: " + ", ".join(map(str, off[:4])) + (", …" if len(off) > 4 else "") if off else "0")
        print(f"| `{label}` | {row['target']} | " + " | ".join(cells) + " |")
    print()

# %% opset_lower
# Asking for an opset older than 18. The default exporter writes opset 18 and then calls
# the onnx package's version converter; here is that converter on a lone Resize-18 node,
# with and without antialias.
def lone_resize(antialias):
    node = onnx.helper.make_node("Resize", ["x", "", "", "sizes"], ["y"], mode="linear", antialias=antialias)
    graph = onnx.helper.make_graph(
        [node], "resize", [onnx.helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [1, 1, 6, 7])],
        [onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, None)],
        [onnx.helper.make_tensor("sizes", onnx.TensorProto.INT64, [4], [1, 1, 3, 3])])
    return onnx.helper.make_model(graph, opset_imports=[onnx.helper.make_opsetid("", 18)])


TARGETS = (17, 13, 11)
conversions = {}
print("| Resize-18 node | " + " | ".join(f"converted to opset {t}" for t in TARGETS) + " |")
print("|---|" + "---|" * len(TARGETS))
for antialias in (0, 1):
    for target in TARGETS:
        try:
            converted = onnx.version_converter.convert_version(lone_resize(antialias), target)
            conversions[antialias, target] = f"{converted.opset_import[0].version}"
        except Exception as error:  # noqa: BLE001 - the table shows the converter's message
            conversions[antialias, target] = "fails: `" + str(error).strip().splitlines()[-1].split("failed: ")[-1] + "`"
    print(f"| `antialias={antialias}` | " + " | ".join(conversions[antialias, t] for t in TARGETS) + " |")

# The default exporter asked for older opsets: the opset the file declares. Where the
# conversion fails, the exporter only logs it and keeps the graph it built at 18.
requested_layers = {
    "bilinear": Interpolate(scale_factor=2, mode="bilinear"),
    "nearest-exact": Interpolate(scale_factor=2, mode="nearest-exact"),
    "bilinear, antialias=True": Interpolate(size=(3, 3), mode="bilinear", antialias=True),
}
REQUESTED_OPSETS = (17, 13, 11)
declared = {}
print("\n| dynamo=True: opset the file declares | " + " | ".join(f"opset_version={v}" for v in REQUESTED_OPSETS) + " |")
print("|---|" + "---|" * len(REQUESTED_OPSETS))
for label, layer in requested_layers.items():
    for version in REQUESTED_OPSETS:
        requested = Path(folder) / f"requested-{version}-{len(list(Path(folder).iterdir()))}.onnx"
        with quiet():
            torch.onnx.export(layer, (inputs["x4"],), requested, dynamo=True, opset_version=version)
        declared[label, version] = next(o.version for o in onnx.load(requested).opset_import if o.domain in ("", "ai.onnx"))
    print(f"| `{label}` | " + " | ".join(str(declared[label, v]) for v in REQUESTED_OPSETS) + " |")

# The legacy exporter at older opsets: the operators it writes, and how far onnxruntime's
# result is from eager torch (before opset 11, Resize and Upsample know no half_pixel).
legacy_layers = {
    "nn.Upsample(scale_factor=2, mode='nearest')": nn.Upsample(scale_factor=2, mode="nearest"),
    "nn.Upsample(scale_factor=2, mode='bilinear')": nn.Upsample(scale_factor=2, mode="bilinear"),
    "nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)": nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True),
    "nn.Upsample(scale_factor=2, mode='bicubic')": nn.Upsample(scale_factor=2, mode="bicubic"),
}
LEGACY_OPSETS = (9, 10, 11, 17)
legacy_opsets, legacy_differences = {}, {}
print("\n| dynamo=False: operators, max abs difference to eager | " + " | ".join(f"opset_version={v}" for v in LEGACY_OPSETS) + " |")
print("|---|" + "---|" * len(LEGACY_OPSETS))
for label, layer in legacy_layers.items():
    for version in LEGACY_OPSETS:
        path = Path(folder) / f"legacy-{version}-{len(list(Path(folder).iterdir()))}.onnx"
        try:
            with quiet():
                torch.onnx.export(layer, (inputs["x4"],), path, dynamo=False, opset_version=version)
        except Exception as error:  # noqa: BLE001 - the table shows the exporter's message
            legacy_opsets[label, version] = f"`{first_line(error, 200).split('. ')[0]}`"
            continue
        ops = ", ".join(f"`{op}`" for op in sorted({n.op_type for n in onnx.load(path).graph.node} - {"Constant"}))
        session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
        with torch.no_grad():
            eager = layer(inputs["x4"]).numpy()
        legacy_differences[label, version] = float(np.abs(session.run(None, {session.get_inputs()[0].name: inputs["x4"].numpy()})[0] - eager).max())
        legacy_opsets[label, version] = f"{ops}, {legacy_differences[label, version]:.1e}"
    print(f"| `{label}` | " + " | ".join(legacy_opsets[label, v] for v in LEGACY_OPSETS) + " |")
shutil.rmtree(folder)  # the last cell that writes models

# %% exclude_outside
# Resize in cubic mode, built by hand and run in onnxruntime with exclude_outside 0 and 1,
# against torch's bicubic with and without antialias (cubic_coeff_a as the exporter writes
# it: -0.75, and -0.5 with antialias). The input is 6x7; the output sizes shrink and enlarge.
def cubic_resize(x, size, exclude_outside, antialias):
    node = onnx.helper.make_node("Resize", ["x", "", "", "sizes"], ["y"], mode="cubic", coordinate_transformation_mode="half_pixel",
                                 cubic_coeff_a=-0.5 if antialias else -0.75, exclude_outside=exclude_outside, antialias=antialias)
    graph = onnx.helper.make_graph(
        [node], "resize", [onnx.helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, None)],
        [onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, None)],
        [onnx.helper.make_tensor("sizes", onnx.TensorProto.INT64, [4], [*x.shape[:2], *size])])
    model = onnx.helper.make_model(graph, opset_imports=[onnx.helper.make_opsetid("", 18)])
    session = onnxruntime.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, {"x": x.numpy()})[0]


def crosses_edge(n_in, n_out):
    """Output positions whose four cubic taps (half_pixel, no antialias) reach past the input."""
    source = np.floor((np.arange(n_out) + 0.5) * n_in / n_out - 0.5)
    return (source - 1 < 0) | (source + 2 > n_in - 1)


x_cubic = inputs["x4"][:, :1]
CUBIC_SIZES = ((12, 14), (13, 9), (4, 5), (3, 3))
cubic = {}
print("| output size | torch | vs exclude_outside=0 | vs exclude_outside=1 |")
print("|---|---|---:|---:|")
for size in CUBIC_SIZES:
    for antialias in (False, True):
        eager = F.interpolate(x_cubic, size=size, mode="bicubic", antialias=antialias).numpy()
        cubic[size, antialias] = {e: np.abs(cubic_resize(x_cubic, size, e, int(antialias)) - eager)[0, 0] for e in (0, 1)}
        cells = [f"{d.max():.1e} ({int((d > MATCH).sum())} / {d.size} off)" for d in cubic[size, antialias].values()]
        print(f"| {size[0]}x{size[1]} | bicubic{', antialias=True' if antialias else ''} | " + " | ".join(cells) + " |")
edge = {size: crosses_edge(6, size[0])[:, None] | crosses_edge(7, size[1])[None, :] for size in CUBIC_SIZES}
inside = all(not (cubic[size, False][1] > MATCH)[~edge[size]].any() for size in CUBIC_SIZES)
print(f"\nbicubic against exclude_outside=1: every pixel that differs has taps past the edge: {inside}")

# %% quantized
# F.interpolate on quantized tensors, on the CPU (of its quantized kernels only area's 2-D pooling has a CUDA one), for
# each mode and rank, against dequantize -> interpolate -> quantize with the input's scale
# and zero point. Differences are in quantization steps, over scale factors 2, 0.5, 1.7
# and both quint8 and qint8.
QUANT_MODES = (("nearest", 3), ("nearest", 4), ("nearest", 5), ("nearest-exact", 3), ("nearest-exact", 4), ("nearest-exact", 5),
               ("linear", 3), ("bilinear", 4), ("bicubic", 4), ("trilinear", 5), ("area", 3), ("area", 4), ("area", 5))
# torch warns once per process; set_warn_always shows the notice even if something warned earlier
warn_always = torch.is_warn_always_enabled()
torch.set_warn_always(True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.quantize_per_tensor(torch.zeros(1), 1.0, 0, torch.quint8)
torch.set_warn_always(warn_always)
deprecation = next((str(w.message).split(". ")[0] for w in caught if "deprecated" in str(w.message)), None)
print(f"torch {torch.__version__}: `{deprecation}`\n" if deprecation else f"torch {torch.__version__}: no deprecation warning\n")
quantized = {}
print("| mode | input rank | antialias | quantized CPU | max difference (steps) | elements that differ |")
print("|---|---|---|---|---:|---:|")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # the deprecation notice above, once per call
    for mode, rank in QUANT_MODES:
        for antialias in (False, True) if mode in ("bilinear", "bicubic") else (False,):
            steps, differ, total, error = 0, 0, 0, None
            for dtype, zero_point in ((torch.quint8, 128), (torch.qint8, 0)):
                x = torch.randn(2, 3, *[7] * (rank - 2)) * 3
                q = torch.quantize_per_tensor(x, 0.05, zero_point, dtype)
                for factor in (2, 0.5, 1.7):
                    try:
                        y = F.interpolate(q, scale_factor=factor, mode=mode, antialias=antialias)
                    except NotImplementedError as caught_error:
                        error = re.search(r"Could not run '([^']+)'", str(caught_error)).group(1)
                        break
                    reference = torch.quantize_per_tensor(
                        F.interpolate(q.dequantize(), scale_factor=factor, mode=mode, antialias=antialias), 0.05, zero_point, dtype)
                    d = (y.int_repr().int() - reference.int_repr().int()).abs()
                    steps, differ, total = max(steps, int(d.max())), differ + int((d > 0).sum()), total + d.numel()
            quantized[mode, rank, antialias] = {"error": error, "steps": steps, "differ": differ, "total": total}
            if error:
                print(f"| {mode} | {rank} | {antialias} | no kernel: `{error}` | — | — |")
            else:
                print(f"| {mode} | {rank} | {antialias} | accepted | {steps} | {differ} / {total} |")

# %% quantized_pixel
# The counterexample: an input of one pixel with three channels holding 1, 2 and 3. Each
# output channel should be filled with its own value.
one_pixel = torch.quantize_per_tensor(torch.tensor([1.0, 2.0, 3.0]).view(1, 3, 1, 1), 0.05, 0, torch.quint8)
one_pixel_results = {}
print("| mode | input | channel 0 | channel 1 | channel 2 |")
print("|---|---|---|---|---|")
for mode in ("nearest", "nearest-exact", "bilinear", "area"):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one_pixel_results[mode] = F.interpolate(one_pixel, scale_factor=2, mode=mode).dequantize()[0].flatten(1).tolist()
    print(f"| {mode} | quantized | " + " | ".join(map(str, one_pixel_results[mode])) + " |")
expected = F.interpolate(one_pixel.dequantize(), scale_factor=2, mode="nearest")[0].flatten(1).tolist()
print("| nearest | float | " + " | ".join(map(str, expected)) + " |")

# %% nhwc_limit
# The element limits that torch's CUDA nearest-neighbour kernels check on channels-last
# tensors, read from the error messages compiled into the installed torch's CUDA library
# (nothing is allocated).
library = Path(torch.__file__).parent / "lib" / "libtorch_cuda.so"
nhwc_limits = []
if library.exists():
    with open(library, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as data:
        found = re.findall(rb"upsample_nearest_nhwc only supports [a-z_]+ tensors with less than [^,\x00]+ elements", data)
    nhwc_limits = sorted({m.decode() for m in found})
    print(f"{library.name} of torch {torch.__version__}:")
    for message in nhwc_limits:
        print(f"  `{message}`")
else:
    print(f"torch {torch.__version__} has no CUDA library ({library.name}) to read")
